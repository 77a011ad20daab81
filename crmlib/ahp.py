"""The analytic hierarchy process (AHP, 层次分析法): weights from pairwise judgements.

A decision maker compares the criteria two at a time on Saaty's 1-9 scale: ``a_ij`` says how
many times more important criterion *i* is than criterion *j*. If the judgements were perfectly
consistent, ``a_ij = w_i / w_j`` for some weights ``w`` and the judgement matrix ``A`` would
satisfy ``A w = n w`` (本征向量法, the eigenvector method of the source). Real judgements are
not consistent, so AHP takes the principal eigenvector as the weights and measures how far
``A`` is from consistency:

* ``lambda_max``: the largest eigenvalue (λmax >= n, equal to n only when consistent);
* ``CI = (λmax - n) / (n - 1)``: the consistency index;
* ``CR = CI / RI``: the consistency ratio, where ``RI`` (the random index) is the mean CI of
  random reciprocal matrices of the same size. Judgements are accepted when ``CR < 0.10``.

Three ways to compute the weights
---------------------------------
``"eigenvector"``
    The principal (Perron) eigenvector of ``A``, normalised to add up to 1 (Saaty's method).
``"geometric_mean"``
    The geometric mean of each row, normalised (the row geometric mean, 方根法).
``"column_normalization"``
    The sum method of the source (和法): divide each column by its sum, then average the rows.

For the two approximate methods λmax is the mean of ``(A w)_i / w_i``. All three give the same
weights on a consistent matrix and differ slightly otherwise.

Random index tables
-------------------
Published tables of RI differ because they were simulated differently. The module keeps two:

====  ====================  =====================
n     Saaty (1980)          Saaty (2005)
====  ====================  =====================
3     0.58                  0.52
4     0.90                  0.89
5     1.12                  1.11
...   ...                   ...
10    1.49                  1.49
15    (not given)           1.59
====  ====================  =====================

**The default is Saaty (1980)**, the table most textbooks (including Chinese ones) print. It
stops at n = 10; for n = 11-15 the default falls back to Saaty (2005), and the result names the
table used (``ri_source``). ``random_index`` may name a table or give a number.

>>> r = priorities([[1, 3], [1/3, 1]])
>>> r.weights.round(2).tolist()
[0.75, 0.25]
>>> r.consistent
True

References
----------
Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill (the 1-9 scale, the
eigenvector method, CI, CR and the random index table of :data:`RANDOM_INDEX`).
Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process. *European Journal
of Operational Research*, 48(1), 9-26 (the house example of the tests).
Saaty, T. L. (2005). *Theory and Applications of the Analytic Network Process*. RWS
Publications, p. 31 (the second random index table, n up to 15).
Saaty, T. L. (2008). Decision making with the analytic hierarchy process. *International Journal
of Services Sciences*, 1(1), 83-98 (the drinks example of the tests).
"""
from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = [
    "SAATY_SCALE_VALUES", "saaty_scale", "RANDOM_INDEX", "RANDOM_INDEX_SAATY_2005",
    "RANDOM_INDEX_TABLES", "RANDOM_INDEX_SOURCES", "random_index_table", "CR_THRESHOLD",
    "METHODS", "AHPResult", "priorities", "judgement_matrix", "revise", "compose",
    "contributions", "judgement_errors", "Revision", "most_inconsistent", "nearest_on_scale",
    "plot_weights", "plot_hierarchy", "plot_random_index", "ahp_panel",
]

#: Saaty's 1-9 scale and its reciprocals, from 1/9 to 9 (17 values).
SAATY_SCALE_VALUES: tuple[float, ...] = tuple([1 / k for k in range(9, 1, -1)] + list(range(1, 10)))

#: Random index by matrix size n, from Saaty (1980), *The Analytic Hierarchy Process*, the table
#: most textbooks print (n = 1..10). The course's default.
RANDOM_INDEX: Mapping[int, float] = MappingProxyType(
    {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49})

#: Random index by n from Saaty (2005), *Theory and Applications of the Analytic Network
#: Process*, p. 31 (n = 1..15; the table the ahpy package calls 'saaty').
RANDOM_INDEX_SAATY_2005: Mapping[int, float] = MappingProxyType(
    {1: 0.0, 2: 0.0, 3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.40, 9: 1.45, 10: 1.49,
     11: 1.52, 12: 1.54, 13: 1.56, 14: 1.58, 15: 1.59})

#: The tables by name, for ``priorities(..., random_index="saaty2005")``.
RANDOM_INDEX_TABLES: Mapping[str, Mapping[int, float]] = MappingProxyType(
    {"saaty1980": RANDOM_INDEX, "saaty2005": RANDOM_INDEX_SAATY_2005})

#: Where each table comes from.
RANDOM_INDEX_SOURCES: Mapping[str, str] = MappingProxyType({
    "saaty1980": "Saaty (1980), The Analytic Hierarchy Process",
    "saaty2005": "Saaty (2005), Theory and Applications of the ANP, p. 31",
})

#: Judgements are accepted as consistent when CR is below this (Saaty's 10 % rule).
CR_THRESHOLD = 0.10

#: The weighting methods :func:`priorities` knows.
METHODS = ("eigenvector", "geometric_mean", "column_normalization")

_RECIPROCAL_TOL = 0.01  # a_ij * a_ji may differ from 1 by 1 %: 0.33 for 1/3 passes, 0.3 does not
_ON_SCALE_TOL = 1e-9


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

def saaty_scale() -> pd.DataFrame:
    """Saaty's 1-9 scale of pairwise judgements (1-9标度), with the Chinese terms.

    >>> saaty_scale().loc[3, "meaning"]
    'moderate importance'
    >>> saaty_scale().loc[9, "chinese"]
    '极端重要'
    """
    rows = [
        (1, "equal importance", "同等重要", "the two contribute equally"),
        (3, "moderate importance", "稍微重要", "experience slightly favours one over the other"),
        (5, "strong importance", "明显重要", "experience strongly favours one"),
        (7, "very strong importance", "强烈重要", "one is favoured very strongly; its "
                                                  "dominance is shown in practice"),
        (9, "extreme importance", "极端重要", "the evidence favouring one is of the highest "
                                             "possible order"),
        (2, "intermediate (2, 4, 6, 8)", "相邻判断的中间值", "a compromise between two "
                                                          "neighbouring judgements"),
    ]
    table = pd.DataFrame(rows, columns=["value", "meaning", "chinese", "explanation"])
    return table.set_index("value")


def random_index_table() -> pd.DataFrame:
    """The two random index tables side by side (NaN where a table gives no value).

    >>> t = random_index_table()
    >>> t.loc[3].tolist()
    [0.58, 0.52]
    >>> bool(t.loc[15].isna()["saaty1980"])
    True
    """
    table = pd.DataFrame({name: pd.Series(dict(tab)) for name, tab in RANDOM_INDEX_TABLES.items()})
    table = table.reindex(range(1, 16))
    table.index.name = "n"
    return table


# ---------------------------------------------------------------------------------------------
# The result
# ---------------------------------------------------------------------------------------------

def _fmt_judgement(x: float) -> str:
    """3 -> '3', 0.3333 -> '1/3', 2.5 -> '2.5'."""
    if x >= 1:
        return f"{x:.0f}" if abs(x - round(x)) < 1e-6 else f"{x:.3g}"
    inv = 1 / x
    return f"1/{inv:.0f}" if abs(inv - round(inv)) < 1e-6 else f"{x:.3g}"


@dataclass(frozen=True)
class AHPResult:
    """The weights of a judgement matrix and its consistency (returned by :func:`priorities`).

    Attributes
    ----------
    weights : pandas.Series
        One weight per criterion, adding up to 1, indexed by the matrix's labels.
    lambda_max : float
        The principal eigenvalue (eigenvector method) or the mean of ``(A w)_i / w_i``.
    ci : float
        Consistency index ``(λmax - n) / (n - 1)`` (0 when n <= 2).
    ri : float
        The random index used.
    cr : float
        Consistency ratio ``CI / RI`` (0 when n <= 2).
    consistent : bool
        ``cr < CR_THRESHOLD`` (0.10).
    method : str
        The weighting method.
    off_scale : bool
        True when a judgement lies outside Saaty's range 1/9 .. 9 (allowed, but flagged).
    off_scale_cells : tuple
        ``(row, column, value)`` of each such judgement above the diagonal.
    ri_source : str
        The table the random index came from ("given" when a number was passed).
    matrix : pandas.DataFrame
        The judgement matrix, labelled.

    Examples
    --------
    >>> r = priorities([[1, 2, 4], [1/2, 1, 2], [1/4, 1/2, 1]])
    >>> r.weights.round(4).tolist(), round(r.lambda_max, 6), r.cr, r.consistent
    ([0.5714, 0.2857, 0.1429], 3.0, 0.0, True)
    """

    lambda_max: float
    ci: float
    ri: float
    cr: float
    consistent: bool
    method: str
    off_scale: bool
    off_scale_cells: tuple = ()
    ri_source: str = ""
    _w: np.ndarray = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    _a: np.ndarray = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    _labels: Any = field(default=None, compare=False, repr=False)

    # pandas objects are built on first use: the numbers are ready at once, and a loop over
    # thousands of matrices that only reads .cr never pays for them
    @cached_property
    def weights(self) -> pd.Series:
        """One weight per criterion, adding up to 1, indexed by the matrix's labels."""
        return pd.Series(self._w, index=self._index, name="weight")

    @cached_property
    def matrix(self) -> pd.DataFrame:
        """The judgement matrix, labelled."""
        return pd.DataFrame(self._a, index=self._index, columns=self._index)

    @cached_property
    def _index(self) -> pd.Index:
        if self._labels is None:
            return pd.RangeIndex(self._w.size)
        if isinstance(self._labels, pd.Index):
            return self._labels
        return pd.Index(self._labels, dtype=object)

    @property
    def n(self) -> int:
        """The number of criteria compared."""
        return int(self._w.size)

    @property
    def table(self) -> pd.DataFrame:
        """The consistency check row by row: weight, ``(A w)_i`` and ``(A w)_i / w_i``, whose
        mean is λmax for the approximate methods.

        >>> priorities([[1, 2], [1/2, 1]]).table.round(4)
           weight      Aw  Aw/w
        0  0.6667  1.3333   2.0
        1  0.3333  0.6667   2.0
        """
        aw = self._a @ self._w
        return pd.DataFrame({"weight": self._w, "Aw": aw, "Aw/w": aw / self._w},
                            index=self._index)

    def __str__(self) -> str:
        width = max(len(str(k)) for k in self.weights.index)
        lines = [f"AHP weights ({self.method.replace('_', ' ')} method), n = {self.n}:"]
        lines += [f"  {str(k):<{width}}  {w:.4f}" for k, w in self.weights.items()]
        verdict = "consistent" if self.consistent else "NOT consistent"
        sign = "<" if self.consistent else ">="
        lines.append(f"λmax = {self.lambda_max:.4f}, CI = {self.ci:.4f}, RI = {self.ri:.2f}, "
                     f"CR = {self.cr:.4f} {sign} {CR_THRESHOLD:.2f}: {verdict}")
        if self.off_scale:
            cells = ", ".join(f"({r}, {c}) = {_fmt_judgement(x)}" for r, c, x in self.off_scale_cells)
            lines.append(f"note: judgement(s) off Saaty's 1/9..9 scale: {cells}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return "<pre>" + escape(str(self)) + "</pre>"


# ---------------------------------------------------------------------------------------------
# Reading and checking a judgement matrix
# ---------------------------------------------------------------------------------------------

def judgement_matrix(pairs: Mapping[tuple[Any, Any], float],
                     order: Sequence[Any] | None = None) -> pd.DataFrame:
    """Build a labelled judgement matrix from the judgements above the diagonal.

    Give one judgement per pair, ``{(i, j): a_ij}`` meaning "i is a_ij times as important as j"
    (the form the ahpy package uses). The diagonal is 1 and the mirror cells are the
    reciprocals, so nobody has to type ``1/3`` twice.

    Parameters
    ----------
    pairs : mapping ``(label_i, label_j) -> judgement``
        Every pair of labels exactly once (either order).
    order : sequence of labels, optional
        The order of rows and columns; default: order of first appearance in ``pairs``.

    Returns
    -------
    pandas.DataFrame
        The n x n matrix, rows and columns labelled.

    Raises
    ------
    TypeError
        If ``pairs`` is not a mapping of 2-tuples to numbers.
    ValueError
        If a pair is missing, given twice, compares a label with itself, or a judgement is not
        a positive number; or if ``order`` does not list the labels of ``pairs``.

    Examples
    --------
    >>> judgement_matrix({("price", "quality"): 3, ("price", "service"): 5,
    ...                   ("quality", "service"): 2}).round(3)
             price  quality  service
    price    1.000      3.0      5.0
    quality  0.333      1.0      2.0
    service  0.200      0.5      1.0
    """
    a_mat, labels = _pairs_array(pairs, order)
    index = pd.Index(labels, dtype=object)  # labels as given (no type inference: faster)
    return pd.DataFrame(a_mat, index=index, columns=index)


def _pairs_array(pairs: Mapping[tuple[Any, Any], float],
                 order: Sequence[Any] | None = None) -> tuple[np.ndarray, list[Any]]:
    """The work of :func:`judgement_matrix`, without building a DataFrame."""
    if not isinstance(pairs, Mapping) or not pairs:
        raise TypeError("pairs: expected a non-empty dict {(a, b): judgement}, e.g. "
                        "{('price', 'quality'): 3}, got " + type(pairs).__name__)
    seen_labels: dict[Any, None] = {}  # an ordered set: labels in order of first appearance
    for key in pairs:
        if not isinstance(key, tuple) or len(key) != 2:
            raise TypeError(f"pairs: each key must be a pair of labels like ('price', 'quality'), "
                            f"got {key!r}")
        a, b = key
        if a == b:
            raise ValueError(f"pairs: {key!r} compares {a!r} with itself; the diagonal is always 1, "
                             "leave it out")
        seen_labels[a] = seen_labels[b] = None
    labels: list[Any] = list(seen_labels)
    if order is not None:
        order = list(order)
        if sorted(map(str, order)) != sorted(map(str, labels)) or len(set(order)) != len(order):
            raise ValueError(f"order: must list each label once: {labels}, got {order}")
        labels = order
    pos = {label: k for k, label in enumerate(labels)}
    n = len(labels)
    rows, cols, values = [], [], []
    seen: dict[tuple[int, int], tuple] = {}
    for (a, b), value in pairs.items():
        if type(value) is not float:  # plain floats (the usual case) skip the full check
            value = v.scalar(value, f"pairs[{(a, b)!r}]")
        elif value != value or value in (math.inf, -math.inf):
            value = v.scalar(value, f"pairs[{(a, b)!r}]")  # raises with the standard message
        if value <= 0:
            raise ValueError(f"pairs[{(a, b)!r}]: a judgement must be a positive ratio (1/9 .. 9), "
                             f"got {value:g}")
        i, j = pos[a], pos[b]
        key = (i, j) if i < j else (j, i)
        if key in seen:
            raise ValueError(f"pairs: {(a, b)!r} and {seen[key]!r} judge the same pair twice; "
                             "keep one of them")
        seen[key] = (a, b)
        rows.append(i)
        cols.append(j)
        values.append(value)
    if len(seen) != n * (n - 1) // 2:  # every key is a distinct valid pair: only count them
        missing = [(labels[i], labels[j]) for i in range(n) for j in range(i + 1, n)
                   if (i, j) not in seen]
        shown = ", ".join(repr(m) for m in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise ValueError(f"pairs: no judgement for {shown}{more}; n = {n} labels need "
                         f"{n * (n - 1) // 2} judgements, one per pair")
    a_mat = np.ones((n, n))
    judged = np.array(values)
    a_mat[rows, cols] = judged
    a_mat[cols, rows] = 1.0 / judged
    return a_mat, labels


def _cell(labels: Any, i: int, j: int) -> str:
    if labels is None:
        return f"[{i}, {j}]"
    return f"({labels[i]!r}, {labels[j]!r})"


def _as_matrix(matrix: Any) -> tuple[np.ndarray, Any]:
    """Validate a judgement matrix; return it as a float array and its labels (an Index, a
    list, or None for positions)."""
    labels: Any = None
    if isinstance(matrix, AHPResult):
        return matrix._a, matrix._labels
    if isinstance(matrix, Mapping):
        arr, labels = _pairs_array(matrix)
        return arr, labels          # built reciprocal, positive, with a unit diagonal
    if isinstance(matrix, pd.DataFrame):
        if not matrix.index.equals(matrix.columns):
            if (matrix.shape[0] == matrix.shape[1] and set(matrix.index) == set(matrix.columns)
                    and matrix.index.is_unique):
                matrix = matrix[list(matrix.index)]  # same labels, other order: align columns
            else:
                raise ValueError(f"matrix: row labels {list(matrix.index)} and column labels "
                                 f"{list(matrix.columns)} must be the same criteria in the same "
                                 "order")
        labels = matrix.index
        values: Any = matrix.to_numpy()
    elif not isinstance(matrix, (list, tuple, np.ndarray)):
        raise TypeError(f"matrix: expected a square table of judgements (nested list, array, "
                        f"DataFrame or a dict of pairs), got {type(matrix).__name__}")
    else:
        values = matrix
        if isinstance(values, (list, tuple)):
            rows = [len(r) if isinstance(r, (list, tuple, np.ndarray)) else None for r in values]
            if any(r is None for r in rows):
                raise ValueError("matrix: expected a list of rows (a list of lists), one row per "
                                 "criterion")
            if len(set(rows)) > 1:
                first = rows[0]
                k = next(k for k, r in enumerate(rows) if r != first)
                raise ValueError(f"matrix: row {k} has {rows[k]} entries but row 0 has {first}; "
                                 "every row needs one judgement per criterion")
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("matrix: judgements must be numbers (write one third as 1/3, not '1/3')"
                        ) from None
    if arr.ndim != 2:
        raise ValueError(f"matrix: expected a 2-D square table, got {arr.ndim} dimension(s)")
    if arr.shape[0] != arr.shape[1]:
        raise ValueError(f"matrix: a judgement matrix must be square (n × n), got "
                         f"{arr.shape[0]} rows and {arr.shape[1]} columns")
    if arr.shape[0] == 0:
        raise ValueError("matrix: is empty; compare at least one criterion")
    # one cheap pass decides whether anything is wrong; the slow search runs only if it is
    with np.errstate(all="ignore"):  # inf x 0 or NaN: reported below, cell by cell
        product = arr * arr.T
    if (arr.min() > 0 and np.abs(product - 1.0).max() <= _RECIPROCAL_TOL + 1e-9
            and np.abs(arr.diagonal() - 1.0).max() <= 1e-9):
        return arr, labels
    bad = ~np.isfinite(arr)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise ValueError(f"matrix: cell {_cell(labels, i, j)} is {arr[i, j]}; every judgement "
                         "must be a finite number")
    if (arr <= 0).any():
        i, j = np.argwhere(arr <= 0)[0]
        raise ValueError(f"matrix: cell {_cell(labels, i, j)} is {arr[i, j]:g}; judgements are "
                         "ratios of importance and must be positive (1/9 .. 9)")
    diag = np.abs(np.diag(arr) - 1.0) > 1e-9
    if diag.any():
        i = int(np.flatnonzero(diag)[0])
        raise ValueError(f"matrix: diagonal cell {_cell(labels, i, i)} is {arr[i, i]:g}; each "
                         "criterion compared with itself must be 1")
    with np.errstate(all="ignore"):
        broken = np.triu(np.abs(product - 1.0) > _RECIPROCAL_TOL + 1e-9, 1)
    msgs = []
    for i, j in np.argwhere(broken)[:3]:
        msgs.append(f"cell {_cell(labels, j, i)} is {arr[j, i]:.4g} but its mirror "
                    f"{_cell(labels, i, j)} is {_fmt_judgement(arr[i, j])}, so it should be "
                    f"1/{_fmt_judgement(arr[i, j])} ≈ {1 / arr[i, j]:.4g}")
    more = f" (and {int(broken.sum()) - 3} more)" if broken.sum() > 3 else ""
    raise ValueError("matrix: breaks reciprocity (a_ji must be 1/a_ij): "
                     + "; ".join(msgs) + more)


def _random_index(n: int, random_index: Any) -> tuple[float, str]:
    if random_index is None:
        if n in RANDOM_INDEX:
            return RANDOM_INDEX[n], RANDOM_INDEX_SOURCES["saaty1980"]
        if n in RANDOM_INDEX_SAATY_2005:
            return RANDOM_INDEX_SAATY_2005[n], RANDOM_INDEX_SOURCES["saaty2005"]
        raise ValueError(f"random_index: the course's tables stop at n = 15, the matrix has "
                         f"n = {n}; pass random_index=<number> from a larger published table")
    if isinstance(random_index, str):
        if random_index not in RANDOM_INDEX_TABLES:
            raise ValueError(f"random_index: unknown table {random_index!r}; use one of "
                             f"{list(RANDOM_INDEX_TABLES)} or a number")
        table = RANDOM_INDEX_TABLES[random_index]
        if n not in table:
            raise ValueError(f"random_index: table {random_index!r} stops at n = {max(table)}, "
                             f"the matrix has n = {n}")
        return table[n], RANDOM_INDEX_SOURCES[random_index]
    value = v.scalar(random_index, "random_index")
    if value <= 0 and n > 2:
        raise ValueError(f"random_index: must be positive for n = {n}, got {value:g}")
    return value, "given"


def _weights(arr: np.ndarray, method: str) -> tuple[np.ndarray, float]:
    n = arr.shape[0]
    if method == "eigenvector":
        if n == 1:
            return np.ones(1), 1.0
        values, vectors = np.linalg.eig(arr)
        k = int(np.argmax(values.real))
        w = np.abs(vectors[:, k].real)
        w = w / w.sum()
        return w, float(values[k].real)
    if method == "geometric_mean":
        w = np.exp(np.log(arr).mean(axis=1))
    else:  # column_normalization
        w = (arr / arr.sum(axis=0)).mean(axis=1)
    w = w / w.sum()
    return w, float(np.mean(arr @ w / w))


def priorities(matrix: Any, method: str = "eigenvector", random_index: Any = None) -> AHPResult:
    """Weights and consistency of a pairwise judgement matrix.

    Parameters
    ----------
    matrix : nested list, numpy array, DataFrame or dict of pairs
        The n x n judgement matrix: positive, 1 on the diagonal, ``a_ji = 1/a_ij``. A
        DataFrame's labels become the weights' index (a list or array gets 0..n-1); a dict
        ``{(i, j): a_ij}`` is read with :func:`judgement_matrix`.
    method : {"eigenvector", "geometric_mean", "column_normalization"}, default "eigenvector"
        How to derive the weights (see the module notes).
    random_index : None, str or float, default None
        None: Saaty (1980) for n <= 10, Saaty (2005) for n = 11..15. A table name
        ("saaty1980", "saaty2005") or a number overrides it.

    Returns
    -------
    AHPResult
        ``weights``, ``lambda_max``, ``ci``, ``ri``, ``cr``, ``consistent`` (CR < 0.10) and
        ``off_scale`` (judgements outside 1/9..9, allowed but flagged).

    Raises
    ------
    TypeError
        If the matrix holds something other than numbers.
    ValueError
        If it is not square, has non-positive or missing entries, a diagonal other than 1, or a
        cell that is not the reciprocal of its mirror (the message names the cell, its value
        and the value its mirror implies); if ``method`` or ``random_index`` is unknown.

    Examples
    --------
    The criteria matrix of the leader example (Wikipedia, *AHP - leader example*):

    >>> leader = judgement_matrix({("Experience", "Education"): 4, ("Experience", "Charisma"): 3,
    ...                            ("Experience", "Age"): 7, ("Education", "Charisma"): 1/3,
    ...                            ("Education", "Age"): 3, ("Charisma", "Age"): 5})
    >>> r = priorities(leader)
    >>> r.weights.round(3).to_dict()
    {'Experience': 0.548, 'Education': 0.127, 'Charisma': 0.27, 'Age': 0.056}
    >>> round(r.cr, 3), r.consistent
    (0.044, True)
    >>> priorities(leader, method="geometric_mean").weights.round(3).tolist()
    [0.546, 0.128, 0.27, 0.056]
    """
    if method not in METHODS:
        raise ValueError(f"method: unknown method {method!r}; use one of {list(METHODS)}")
    arr, labels = _as_matrix(matrix)
    n = arr.shape[0]
    ri, ri_source = _random_index(n, random_index)
    w, lam = _weights(arr, method)
    if n <= 2:
        ci = cr = 0.0
    else:
        ci = (lam - n) / (n - 1)
        if abs(ci) < 1e-12:  # a consistent matrix: remove floating-point dust
            ci, lam = 0.0, float(n)
        cr = ci / ri
    low, high = 1 / 9 - _ON_SCALE_TOL, 9 + _ON_SCALE_TOL
    cells: tuple = ()
    if arr.min() < low or arr.max() > high:
        off = np.triu((arr < low) | (arr > high), 1)
        name = (lambda k: k) if labels is None else (lambda k: labels[k])
        cells = tuple((name(i), name(j), float(arr[i, j])) for i, j in np.argwhere(off))
    return AHPResult(float(lam), float(ci), float(ri), float(cr), bool(cr < CR_THRESHOLD), method,
                     bool(cells), cells, ri_source, w, arr, labels)


def revise(matrix: Any, cell: tuple[Any, Any], value: float) -> pd.DataFrame:
    """A copy of the matrix with one judgement changed and its mirror set to the reciprocal.

    >>> m = revise([[1, 2], [1/2, 1]], (0, 1), 4)
    >>> m.to_numpy().tolist()
    [[1.0, 4.0], [0.25, 1.0]]
    """
    arr, labels = _as_matrix(matrix)
    index = labels if labels is not None else pd.RangeIndex(arr.shape[0])
    frame = pd.DataFrame(arr, index=index, columns=index)
    if not isinstance(cell, tuple) or len(cell) != 2:
        raise TypeError(f"cell: expected a pair (row, column), got {cell!r}")
    row, col = cell
    for label in cell:
        if label not in index:
            raise ValueError(f"cell: {label!r} is not a criterion of the matrix; it has "
                             f"{list(index)}")
    if row == col:
        raise ValueError(f"cell: {cell!r} is on the diagonal, which is always 1")
    value = v.scalar(value, "value")
    if value <= 0:
        raise ValueError(f"value: a judgement must be positive, got {value:g}")
    frame.loc[row, col] = value
    frame.loc[col, row] = 1.0 / value
    return frame


# ---------------------------------------------------------------------------------------------
# Hierarchies
# ---------------------------------------------------------------------------------------------

def _as_weights(weights: Any, name: str) -> pd.Series:
    if isinstance(weights, AHPResult):
        weights = weights.weights
    if isinstance(weights, Mapping):
        weights = pd.Series(dict(weights), dtype=float)
    if not isinstance(weights, pd.Series):
        raise TypeError(f"{name}: expected weights as an AHPResult, a Series or a dict "
                        f"{{label: weight}}, got {type(weights).__name__}")
    values = v.as_float_array(weights, name)
    if (values < 0).any():
        raise ValueError(f"{name}: weights must not be negative "
                         f"({v.describe_positions(values < 0, weights.index)})")
    total = float(values.sum())
    if abs(total - 1.0) > 1e-6:
        raise ValueError(f"{name}: weights must add up to 1, they add up to {total:.6g}")
    return pd.Series(values, index=weights.index)


def _local_table(parents: pd.Series, local: Any, name: str) -> pd.DataFrame:
    """Children x parents table of local weights (0 where a child is not under a parent)."""
    if isinstance(local, pd.DataFrame):
        local = {col: local[col] for col in local.columns}
    if not isinstance(local, Mapping):
        raise TypeError(f"{name}: expected {{parent: weights of its children}} (a dict of "
                        f"AHPResult/Series) or a DataFrame with one column per parent, got "
                        f"{type(local).__name__}")
    missing = [p for p in parents.index if p not in local]
    if missing:
        raise ValueError(f"{name}: no local weights for {missing}; give the weights of the "
                         f"elements under each of {list(parents.index)}")
    extra = [p for p in local if p not in parents.index]
    if extra:
        raise ValueError(f"{name}: {extra} are not in the level above, which has "
                         f"{list(parents.index)}")
    columns = {p: _as_weights(local[p], f"{name}[{p!r}]") for p in parents.index}
    # children in order of first appearance (not sorted), 0 where a child is not under a parent
    order = list(dict.fromkeys(child for weights in columns.values() for child in weights.index))
    return pd.DataFrame(columns).reindex(order).fillna(0.0)


def contributions(criteria_weights: Any, local_weights: Any) -> pd.DataFrame:
    """The synthesis table of one level: each element's local weight under each criterion
    times that criterion's weight, and the total (the element's global weight).

    >>> t = contributions({"A": 0.6, "B": 0.4}, {"A": {"x": 0.5, "y": 0.5},
    ...                                          "B": {"x": 1.0, "y": 0.0}})
    >>> t.round(2).to_dict("list")
    {'A': [0.3, 0.3], 'B': [0.4, 0.0], 'total': [0.7, 0.3]}
    """
    parents = _as_weights(criteria_weights, "criteria_weights")
    table = _local_table(parents, local_weights, "local_weights")
    out = table * parents.to_numpy()[None, :]
    out["total"] = out.sum(axis=1)
    return out


def compose(criteria_weights: Any, local_weights: Any, *deeper: Any) -> pd.Series:
    """Global weights through a hierarchy (层次总排序): weight of an element =
    sum over criteria of criterion weight x the element's local weight under it.

    Parameters
    ----------
    criteria_weights : AHPResult, Series or dict
        Weights of the top level (adding up to 1).
    local_weights : dict ``{criterion: AHPResult | Series | dict}`` or DataFrame
        For each criterion, the local weights of the elements under it. The sets of elements
        may differ between criteria (sub-criteria) or be the same (alternatives).
    *deeper
        Further levels, in the same form, each keyed by the elements of the level above.

    Returns
    -------
    pandas.Series
        The global weights of the lowest level, adding up to 1.

    Examples
    --------
    The leader example (Wikipedia, *AHP - leader example*): Dick 0.493, Tom 0.358, Harry 0.149.

    >>> cands = ("Tom", "Dick", "Harry")
    >>> def trio(a, b, c):
    ...     return priorities(judgement_matrix({cands[:2]: a, (cands[0], cands[2]): b,
    ...                                          cands[1:]: c}))
    >>> local = {"Experience": trio(1/4, 4, 9), "Education": trio(3, 1/5, 1/7),
    ...          "Charisma": trio(5, 9, 4), "Age": trio(1/3, 5, 9)}
    >>> criteria = {"Experience": 0.5476, "Education": 0.1266, "Charisma": 0.2699,
    ...             "Age": 0.0559}
    >>> compose(criteria, local).round(3).to_dict()
    {'Tom': 0.358, 'Dick': 0.493, 'Harry': 0.149}
    """
    weights = _as_weights(criteria_weights, "criteria_weights")
    levels = (local_weights, *deeper)
    for k, level in enumerate(levels):
        name = "local_weights" if k == 0 else f"level {k + 2}"
        table = _local_table(weights, level, name)
        weights = pd.Series(table.to_numpy() @ weights.to_numpy(), index=table.index)
    weights.name = "global_weight"
    return weights


# ---------------------------------------------------------------------------------------------
# Repairing an inconsistent matrix
# ---------------------------------------------------------------------------------------------

def nearest_on_scale(value: float) -> float:
    """The value of Saaty's scale (1/9 .. 9) closest to ``value`` on a log scale.

    >>> nearest_on_scale(2.87), nearest_on_scale(0.3) == 1/3, nearest_on_scale(40)
    (3, True, 9)
    """
    value = v.scalar(value, "value")
    if value <= 0:
        raise ValueError(f"value: must be positive, got {value:g}")
    scale = np.array(SAATY_SCALE_VALUES)
    best = SAATY_SCALE_VALUES[int(np.argmin(np.abs(np.log(scale) - math.log(value))))]
    return best


def judgement_errors(matrix: Any, method: str = "eigenvector") -> pd.DataFrame:
    """Every judgement above the diagonal against what the weights imply, worst first.

    With weights ``w`` a consistent judgement would be ``w_i / w_j``; the error of a judgement is
    ``|log(a_ij * w_j / w_i)|`` (0 when it agrees with the weights). ``suggested`` is
    ``w_i / w_j`` rounded to Saaty's scale.

    Criterion 0 should be 8 times criterion 3, but the judgement was entered the wrong way
    round (1/2):

    >>> a = [[1, 2, 4, 1/2], [1/2, 1, 2, 4], [1/4, 1/2, 1, 2], [2, 1/4, 1/2, 1]]
    >>> worst = judgement_errors(a).iloc[0]
    >>> int(worst["row"]), int(worst["column"]), float(worst["judgement"]), int(worst["suggested"])
    (0, 3, 0.5, 2)
    """
    result = priorities(matrix, method=method) if not isinstance(matrix, AHPResult) else matrix
    arr = result.matrix.to_numpy(float)
    w = result.weights.to_numpy(float)
    index = result.weights.index
    i, j = np.triu_indices(arr.shape[0], 1)
    implied = w[i] / w[j]
    error = np.abs(np.log(arr[i, j] / implied))
    table = pd.DataFrame({"row": index[i], "column": index[j], "judgement": arr[i, j],
                          "implied": implied, "suggested": [nearest_on_scale(x) for x in implied],
                          "error": error})
    return table.sort_values("error", ascending=False, kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class Revision:
    """The judgement that contributes most to inconsistency and what to change it to
    (returned by :func:`most_inconsistent`).

    Attributes
    ----------
    cell : tuple
        ``(row, column)`` of the judgement above the diagonal; ``None`` if nothing can improve.
    current : float
        Its value now.
    implied : float
        ``w_i / w_j``: the value that would agree with the weights.
    suggested : float
        ``implied`` rounded to Saaty's scale.
    cr_before, cr_after : float
        The consistency ratio before and after the change.
    revised : pandas.DataFrame
        The matrix with the suggested value (and its reciprocal) in place.
    """

    cell: tuple | None
    current: float
    implied: float
    suggested: float
    cr_before: float
    cr_after: float
    revised: pd.DataFrame = field(compare=False, repr=False)

    @property
    def changed(self) -> bool:
        """Whether a change is suggested."""
        return self.cell is not None

    def __str__(self) -> str:
        if self.cell is None:
            return (f"No single judgement can move closer on Saaty's scale; CR = "
                    f"{self.cr_before:.3f}.")
        row, col = self.cell
        return (f"Revise ({row}, {col}) from {_fmt_judgement(self.current)} to "
                f"{_fmt_judgement(self.suggested)} (the weights imply {self.implied:.3g}): "
                f"CR {self.cr_before:.3f} -> {self.cr_after:.3f}.")


def most_inconsistent(matrix: Any, method: str = "eigenvector", random_index: Any = None
                      ) -> Revision:
    """Point at the judgement that contributes most to inconsistency and suggest a value.

    The culprit is the judgement farthest from what the weights imply (largest
    ``|log(a_ij w_j / w_i)|``, a rule of thumb in Saaty's writings); the suggestion is
    ``w_i / w_j`` rounded to Saaty's scale. If that rounding gives back the current value, the
    next-worst judgement is taken. The decision maker should reconsider the judgement, not just
    type in the suggestion.

    Returns
    -------
    Revision
        ``cell``, ``current``, ``implied``, ``suggested``, ``cr_before``, ``cr_after`` and the
        ``revised`` matrix.

    Examples
    --------
    >>> a = [[1, 2, 4, 1/2], [1/2, 1, 2, 4], [1/4, 1/2, 1, 2], [2, 1/4, 1/2, 1]]
    >>> r = most_inconsistent(a)
    >>> r.cell, r.current, r.suggested
    ((0, 3), 0.5, 2.0)
    >>> print(r)
    Revise (0, 3) from 1/2 to 2 (the weights imply 1.65): CR 0.403 -> 0.092.

    The weights themselves are distorted by the wrong judgement, so the first suggestion is a
    step in the right direction (towards 8), not the final answer.
    """
    before = priorities(matrix, method=method, random_index=random_index)
    errors = judgement_errors(before)
    for row in errors.itertuples():
        if row.error > 1e-9 and abs(row.suggested - row.judgement) > 1e-9 * row.judgement:
            revised = revise(before.matrix, (row.row, row.column), row.suggested)
            after = priorities(revised, method=method, random_index=random_index)
            return Revision((row.row, row.column), float(row.judgement), float(row.implied),
                            float(row.suggested), before.cr, after.cr, revised)
    return Revision(None, math.nan, math.nan, math.nan, before.cr, before.cr, before.matrix)


# ---------------------------------------------------------------------------------------------
# Figures and the class panel
# ---------------------------------------------------------------------------------------------

def plot_weights(result: AHPResult, ax: Any = None, title: str | None = None) -> Any:
    """A horizontal bar chart of the weights, largest on top, with the title on the left and CR
    with a consistent / not consistent verdict (green or orange) on the right. Returns the Axes.

    >>> ax = plot_weights(priorities([[1, 3], [1/3, 1]]))
    >>> [round(float(b.get_width()), 2) for b in ax.patches]
    [0.25, 0.75]
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting

    if not isinstance(result, AHPResult):
        raise TypeError(f"result: expected the AHPResult of priorities(), got "
                        f"{type(result).__name__}")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 0.6 * result.n + 2.2))
    w = result.weights.sort_values()
    colour = plotting.COLORS["good"] if result.consistent else plotting.COLORS["bad"]
    bars = ax.barh([str(k) for k in w.index], w.to_numpy(), color=colour, alpha=0.85)
    ax.bar_label(bars, labels=[f"{x:.3f}" for x in w], padding=4)
    ax.set_xlim(0, max(w.max() * 1.25, 0.1))
    ax.set_xlabel("Weight")
    ax.set_axisbelow(True)
    verdict = "consistent" if result.consistent else "NOT consistent"
    sign = "<" if result.consistent else "≥"
    ax.set_title(title or "AHP weights", loc="left")
    ax.set_title(f"CR = {result.cr:.3f} {sign} {CR_THRESHOLD:.2f}: {verdict}", loc="right",
                 fontsize=12, fontweight="bold", color=colour)
    return ax


def plot_hierarchy(goal: str, criteria: Sequence[str] | Mapping[str, Sequence[str]],
                   alternatives: Sequence[str] | None = None, ax: Any = None) -> Any:
    """Draw an AHP hierarchy: the goal on top, criteria (and sub-criteria) below, and the
    alternatives at the bottom, each linked to every element of the level above. Returns the
    Axes.

    >>> ax = plot_hierarchy("Choose a leader", ["Experience", "Age"], ["Tom", "Dick"])
    >>> [t.get_text() for t in ax.texts][:3]
    ['Choose a leader', 'Goal', 'Experience']
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting

    if not isinstance(goal, str):
        raise TypeError(f"goal: expected a text, got {type(goal).__name__}")
    if isinstance(criteria, Mapping):
        tops, subs = list(criteria), [(c, s) for c, ss in criteria.items() for s in ss]
    elif isinstance(criteria, Sequence) and not isinstance(criteria, str):
        tops, subs = list(criteria), []
    else:
        raise TypeError("criteria: expected a list of criteria or {criterion: [sub-criteria]}")
    if not tops:
        raise ValueError("criteria: give at least one criterion")
    if alternatives is not None and (isinstance(alternatives, (str, bytes, Mapping))
                                     or not isinstance(alternatives, Iterable)):
        raise TypeError("alternatives: expected a list of alternatives such as ['Tom', 'Dick'], "
                        f"got {type(alternatives).__name__}")
    levels: list[list[str]] = [[goal], [str(c) for c in tops]]
    if subs:
        levels.append([str(s) for _, s in subs])
    if alternatives is not None:
        levels.append([str(a) for a in alternatives])
    levels = [levels[0]] + [[textwrap.fill(t, 12) for t in level] for level in levels[1:]]
    if ax is None:
        width = max(len(level) for level in levels)
        _, ax = plotting.new_figure(figsize=(max(8, 1.45 * width + 1.5), 1.6 * len(levels) + 0.6))
    pos: list[list[tuple[float, float]]] = []
    for depth, level in enumerate(levels):
        y = 1 - depth / max(len(levels) - 1, 1)
        pos.append([((k + 0.5) / len(level), y) for k in range(len(level))])
    if subs:  # centre each criterion over its own sub-criteria
        xs = [np.mean([pos[2][k][0] for k, (c, _) in enumerate(subs) if c == top]
                      or [pos[1][t][0]]) for t, top in enumerate(tops)]
        pos[1] = [(x, pos[1][0][1]) for x in xs]
    edges: list[tuple[int, int, int]] = []  # (depth of child, parent index, child index)
    edges += [(1, 0, k) for k in range(len(levels[1]))]
    depth = 2
    if subs:
        edges += [(2, tops.index(c), k) for k, (c, _) in enumerate(subs)]
        depth = 3
    if alternatives is not None:
        edges += [(depth, p, k) for p in range(len(levels[depth - 1]))
                  for k in range(len(levels[depth]))]
    c = plotting.COLORS
    for d, p, k in edges:
        (x0, y0), (x1, y1) = pos[d - 1][p], pos[d][k]
        ax.plot([x0, x1], [y0, y1], color=c["muted"], lw=1, zorder=1)
    fills = [c["total"], c["neutral"], c["accent"], c["good"]]
    names = ["Goal", "Criteria", "Sub-criteria" if subs else "Alternatives", "Alternatives"]
    for d, level in enumerate(levels):
        for (x, y), text in zip(pos[d], level):
            ax.text(x, y, text, ha="center", va="center", fontsize=10.5 if d else 13,
                    color="white", zorder=3, fontweight="bold" if d == 0 else "normal",
                    bbox={"boxstyle": "round,pad=0.45", "fc": fills[min(d, 3)], "ec": "none"})
        ax.text(-0.02, pos[d][0][1], names[d], ha="right", va="center", fontsize=11,
                color=c["muted"], style="italic")
    ax.set_xlim(-0.18, 1.02)
    ax.set_ylim(-0.15, 1.15)
    ax.axis("off")
    ax.set_title("An AHP hierarchy")
    return ax


def plot_random_index(ax: Any = None) -> Any:
    """The two random index tables by matrix size n. Returns the Axes.

    >>> ax = plot_random_index()
    >>> len(ax.lines)
    2
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting

    if ax is None:
        _, ax = plotting.new_figure()
    table = random_index_table()
    styles = {"saaty1980": ("o-", plotting.COLORS["neutral"]),
              "saaty2005": ("s--", plotting.COLORS["accent"])}
    for name in table.columns:
        fmt, colour = styles[name]
        ax.plot(table.index, table[name], fmt, color=colour, label=RANDOM_INDEX_SOURCES[name])
    ax.set(xlabel="Matrix size n", ylabel="Random index RI",
           title="Random index: two published tables")
    ax.set_xticks(range(1, 16))
    ax.legend(loc="lower right")
    return ax


def ahp_panel(judgements: Mapping[tuple[Any, Any], float] | Sequence[Any],
              method: str = "eigenvector", random_index: Any = None) -> Any:
    """An interactive AHP panel for class: one slider per pair of criteria on Saaty's scale,
    a live bar chart of the weights, and CR with a clear consistent / not consistent signal
    (and, when not consistent, the judgement to reconsider).

    Built on :func:`crmlib.widgets.panel`, like every course widget: the text line and the
    chart are redrawn whenever a slider is released.

    Parameters
    ----------
    judgements : dict of pairs or list of labels
        Starting judgements ``{(i, j): a_ij}`` (values are moved to the nearest point of the
        scale), or just the criteria, which starts every pair at 1 (equal importance).
    method, random_index
        As in :func:`priorities`.

    Returns
    -------
    ipywidgets.VBox
        The panel; ``panel.sliders`` maps each pair ``(i, j)`` to its slider, ``panel.output``
        holds the verdict line (✅ consistent / ❌ NOT consistent) and the chart, and
        ``panel.result()`` gives the current :class:`AHPResult`.

    Examples
    --------
    >>> panel = ahp_panel({("price", "quality"): 3, ("price", "service"): 5,
    ...                    ("quality", "service"): 2})
    >>> panel.output.outputs[0]["text"].splitlines()[0]
    'CR = 0.003 < 0.10: ✅ consistent'
    >>> panel.sliders[("price", "service")].value = 1/5
    >>> panel.output.outputs[0]["text"].splitlines()[0]
    'CR = 1.232 >= 0.10: ❌ NOT consistent'
    """
    import ipywidgets

    from . import plotting, widgets

    if method not in METHODS:
        raise ValueError(f"method: unknown method {method!r}; use one of {list(METHODS)}")
    if isinstance(judgements, Mapping):
        start_arr, labels = _pairs_array(judgements)
    elif isinstance(judgements, Sequence) and not isinstance(judgements, str):
        labels = list(judgements)
        if len(labels) < 2 or len(set(labels)) != len(labels):
            raise ValueError(f"judgements: give at least two different criteria, got {labels}")
        start_arr = np.ones((len(labels), len(labels)))
    else:
        raise TypeError("judgements: expected {(a, b): judgement} or a list of criteria, got "
                        + type(judgements).__name__)
    _random_index(len(labels), random_index)  # an unusable random index fails before any widget
    options = [(_fmt_judgement(x), x) for x in SAATY_SCALE_VALUES]
    sliders: dict[Any, Any] = {}
    for i in range(len(labels)):
        for j in range(i + 1, len(labels)):
            sliders[(labels[i], labels[j])] = ipywidgets.SelectionSlider(
                options=options, value=nearest_on_scale(float(start_arr[i, j])),
                description=f"{labels[i]} vs {labels[j]}", continuous_update=False,
                style={"description_width": "initial"}, layout={"width": "520px"})
    state: dict[str, AHPResult] = {}

    def render(values: dict[Any, float]) -> tuple[str, Any]:
        result = priorities(judgement_matrix(values, order=labels), method=method,
                            random_index=random_index)
        state["result"] = result
        verdict = "✅ consistent" if result.consistent else "❌ NOT consistent"
        sign = "<" if result.consistent else ">="
        text = f"CR = {result.cr:.3f} {sign} {CR_THRESHOLD:.2f}: {verdict}"
        if not result.consistent and result.n > 2:
            fix = most_inconsistent(result, method=method, random_index=random_index)
            if fix.changed:
                text += (f"\nReconsider {fix.cell[0]} vs {fix.cell[1]}: "
                         f"{_fmt_judgement(fix.current)} -> {_fmt_judgement(fix.suggested)} "
                         f"would give CR = {fix.cr_after:.3f}")
        fig, ax = plotting.new_figure(figsize=(7, 0.55 * result.n + 2))
        plot_weights(result, ax=ax)
        return text, fig

    box = widgets.panel(sliders, render, "AHP weights")
    help_text = ipywidgets.HTML("<i>Each slider: how many times more important the left "
                                "criterion is than the right one (1 = equal, 9 = extreme, "
                                "1/9 = the reverse).</i>")
    box.children = (help_text, *box.children)
    box.result = lambda: state["result"]
    return box
