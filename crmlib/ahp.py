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
from itertools import chain
from dataclasses import dataclass, field
from html import escape
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = [
    "SAATY_SCALE_VALUES", "saaty_scale", "RANDOM_INDEX", "RANDOM_INDEX_SAATY_2005",
    "RANDOM_INDEX_TABLES", "RANDOM_INDEX_SOURCES", "random_index_table", "CR_THRESHOLD",
    "METHODS", "AHPResult", "priorities", "AHPBatch", "batch_priorities", "judgement_matrix", "revise", "compose",
    "contributions", "judgement_errors", "Revision", "most_inconsistent", "nearest_on_scale",
    "plot_weights", "plot_hierarchy", "plot_random_index", "ahp_panel",
    "CR_RULES", "CR_THRESHOLDS_SAATY", "cr_threshold",
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


class _lazy:
    """Like functools.cached_property, without its per-instance lock (Python 3.11), which
    costs more than the small pandas objects it guards: the value is computed on first access
    and stored in the instance's __dict__, where later look-ups find it directly."""

    def __init__(self, func: Any) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: Any, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


_INDEXES: dict[Any, pd.Index] = {}      # labels (or n) -> their Index, reused: it is immutable


def _label_index(labels: Any, n: int) -> pd.Index:
    """The labels as an object Index (0..n-1 without labels). The same criteria come back again
    and again (every respondent, every level of a hierarchy), so each Index is built once."""
    if labels is None:
        index = _INDEXES.get(n)
        if index is None:
            index = _INDEXES[n] = pd.RangeIndex(n)
        return index
    if isinstance(labels, pd.Index):
        return labels
    try:  # the types are part of the key: 1, 1.0 and True are equal but different labels
        key = (tuple(map(type, labels)), tuple(labels))
        index = _INDEXES.get(key)
    except TypeError:                     # unhashable labels: no reuse
        return pd.Index(labels, dtype=object)
    if index is None:
        if len(_INDEXES) > 1024:
            _INDEXES.clear()
        index = _INDEXES[key] = pd.Index(labels, dtype=object)
    return index


def _series(values: np.ndarray, index: pd.Index, name: str) -> pd.Series:
    # public constructor only: pandas internals would be faster but break on upgrades
    return pd.Series(values, index=index, name=name, copy=False)


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
    @_lazy
    def weights(self) -> pd.Series:
        """One weight per criterion, adding up to 1, indexed by the matrix's labels."""
        return _series(self._w.copy(), self._index, "weight")

    @_lazy
    def matrix(self) -> pd.DataFrame:
        """The judgement matrix, labelled."""
        return pd.DataFrame(self._a, index=self._index, columns=self._index)

    @_lazy
    def _index(self) -> pd.Index:
        return _label_index(self._labels, self._w.size)

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

    A pair may also be given both ways, ``(i, j): 3`` and ``(j, i): 1/3``, as some data sets do,
    when the two agree (one is the reciprocal of the other, to 1 %); the first is used. Every
    judgement must lie on Saaty's scale, 1/9 .. 9: a 12 is a typing or a coding mistake here.
    (:func:`priorities` analyses a matrix with off-scale values and flags them.)

    Parameters
    ----------
    pairs : mapping ``(label_i, label_j) -> judgement``
        Every pair of labels once (either order), or both ways when the two agree.
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
        If a pair is missing, given both ways with values that disagree, compares a label with
        itself, or a judgement is not a positive number on Saaty's scale (1/9 .. 9); or if
        ``order`` does not list the labels of ``pairs``.

    Examples
    --------
    >>> judgement_matrix({("price", "quality"): 3, ("price", "service"): 5,
    ...                   ("quality", "service"): 2}).round(3)
             price  quality  service
    price    1.000      3.0      5.0
    quality  0.333      1.0      2.0
    service  0.200      0.5      1.0
    >>> judgement_matrix({("a", "b"): 2, ("b", "a"): 1/2}).to_numpy().tolist()
    [[1.0, 2.0], [0.5, 1.0]]
    """
    a_mat, labels = _pairs_array(pairs, order, on_scale=True)
    index = pd.Index(labels, dtype=object)  # labels as given (no type inference: faster)
    return pd.DataFrame(a_mat, index=index, columns=index)


def _pair_text(a: Any, b: Any) -> str:
    return f"({v.label(a)}, {v.label(b)})"


def _pairs_array(pairs: Mapping[tuple[Any, Any], float], order: Sequence[Any] | None = None,
                 *, on_scale: bool = False) -> tuple[np.ndarray, list[Any]]:
    """The work of :func:`judgement_matrix`, without building a DataFrame: one pass over the
    pairs in plain Python (a matrix has at most a hundred or so), then one NumPy assignment.
    ``on_scale``: refuse judgements off Saaty's 1/9 .. 9 scale."""
    if not isinstance(pairs, Mapping) or not pairs:
        raise TypeError("pairs: expected a non-empty dict {(a, b): judgement}, e.g. "
                        "{('price', 'quality'): 3}, got " + type(pairs).__name__)
    if len(pairs) >= _FAST_PAIRS:
        fast = _pairs_fast(pairs, on_scale)
        if fast is not None:
            return fast if order is None else _reorder(*fast, order)
    pos: dict[Any, int] = {}        # label -> row, in order of first appearance
    seen: dict[tuple[int, int], tuple] = {}   # (i, j), i < j -> (a_ij, key, value as given)
    low, high = 1 / 9 - _ON_SCALE_TOL, 9 + _ON_SCALE_TOL
    for key, value in pairs.items():
        if type(key) is not tuple or len(key) != 2:
            raise TypeError(f"pairs: each key must be a pair of labels like ('price', 'quality'), "
                            f"got {key!r}")
        a, b = key
        if a == b:
            raise ValueError(f"pairs: {_pair_text(a, b)} compares {v.label(a)} with itself; the "
                             "diagonal is always 1, leave it out")
        if type(value) is int:              # 3 as often as 3.0: no message to build
            value = float(value)
        elif type(value) is not float or value != value or value in (math.inf, -math.inf):
            value = v.scalar(value, f"pairs[{_pair_text(a, b)}]")   # the standard message
        if value <= 0:
            raise ValueError(f"pairs[{_pair_text(a, b)}]: a judgement must be a positive ratio "
                             f"(1/9 .. 9), got {value:g}")
        if on_scale and not low <= value <= high:
            raise ValueError(f"pairs[{_pair_text(a, b)}]: {_fmt_judgement(value)} is off Saaty's "
                             "scale 1/9 .. 9 (1 equal, 3 moderate, 5 strong, 7 very strong, 9 "
                             "extreme importance; 1/3 .. 1/9 the reverse); correct it, or give a "
                             "matrix to priorities(), which analyses and flags off-scale values")
        i = pos.setdefault(a, len(pos))
        j = pos.setdefault(b, len(pos))
        cell, a_ij = ((i, j), value) if i < j else ((j, i), 1.0 / value)
        before = seen.get(cell)
        if before is None:
            seen[cell] = (a_ij, key, value)
        elif abs(before[0] / a_ij - 1.0) > _RECIPROCAL_TOL + 1e-9:   # as for a matrix
            (pa, pb), pv = before[1], before[2]
            raise ValueError(f"pairs: {_pair_text(pa, pb)} = {_fmt_judgement(pv)} and "
                             f"{_pair_text(a, b)} = {_fmt_judgement(value)} judge the same pair "
                             f"twice and disagree: given both ways, the second must be the "
                             f"reciprocal of the first ({_fmt_judgement(1 / pv)}); keep one of "
                             "them")
    labels: list[Any] = list(pos)
    n = len(labels)
    if len(seen) != n * (n - 1) // 2:  # every key is a distinct valid pair: only count them
        missing = [(labels[i], labels[j]) for i in range(n) for j in range(i + 1, n)
                   if (i, j) not in seen]
        shown = ", ".join(_pair_text(*m) for m in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise ValueError(f"pairs: no judgement for {shown}{more}; n = {n} labels need "
                         f"{n * (n - 1) // 2} judgements, one per pair")
    rows = [[1.0] * n for _ in range(n)]          # small: nested lists, then one array
    for (i, j), (a_ij, _, _) in seen.items():
        rows[i][j] = a_ij
        rows[j][i] = 1.0 / a_ij
    a_mat = np.array(rows)
    return (a_mat, labels) if order is None else _reorder(a_mat, labels, order)


_FAST_PAIRS = 55   # from this many pairs (n >= 11), whole-array checks beat the loop


def _reorder(a_mat: np.ndarray, labels: list[Any], order: Sequence[Any]
             ) -> tuple[np.ndarray, list[Any]]:
    order = list(order)
    pos = {label: k for k, label in enumerate(labels)}
    if (sorted(map(str, order)) != sorted(map(str, labels)) or len(set(order)) != len(order)
            or any(label not in pos for label in order)):
        raise ValueError(f"order: must list each label once: {labels}, got {order}")
    perm = [pos[label] for label in order]
    return a_mat[np.ix_(perm, perm)], order


def _pairs_fast(pairs: Mapping[tuple[Any, Any], float], on_scale: bool
                ) -> tuple[np.ndarray, list[Any]] | None:
    """:func:`_pairs_array` for a well-formed dict of many pairs, checked with whole-array
    operations; None as soon as anything is unusual (the loop then finds and explains it)."""
    m = len(pairs)
    if set(map(type, pairs)) != {tuple} or set(map(len, pairs)) != {2}:
        return None
    values = list(pairs.values())
    if not set(map(type, values)) <= {float, int}:
        return None
    flat = list(chain.from_iterable(pairs))
    labels = list(dict.fromkeys(flat))
    n = len(labels)
    if m != n * (n - 1) // 2:
        return None
    codes = np.fromiter(map(dict(zip(labels, range(n))).__getitem__, flat), np.intp, 2 * m)
    i, j = codes[0::2], codes[1::2]
    x = np.array(values, dtype=float)
    low, high = (1 / 9 - _ON_SCALE_TOL, 9 + _ON_SCALE_TOL) if on_scale else (0.0, math.inf)
    if not (x.min() > low and x.max() <= high and np.isfinite(x).all()):
        return None
    if (i == j).any() or np.bincount(np.minimum(i, j) * n + np.maximum(i, j),
                                     minlength=n * n).max() != 1:
        return None                      # a label with itself, or a pair twice: the loop
    a_mat = np.ones((n, n))
    a_mat[i, j] = x
    a_mat[j, i] = 1.0 / x
    return a_mat, labels


def _cell(labels: Any, i: int, j: int) -> str:
    if labels is None:
        return f"[{i}, {j}]"
    return f"({v.label(labels[i])}, {v.label(labels[j])})"


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
    # a few cheap whole-array checks decide whether anything is wrong; the slow search that
    # names the cell runs only if something is
    if 0 < arr.min() and arr.max() < math.inf:     # positive and finite (False for NaN)
        product = arr * arr.T
        diagonal = arr.diagonal()
        if (product.max() <= 1 + _RECIPROCAL_TOL + 1e-9
                and product.min() >= 1 - _RECIPROCAL_TOL - 1e-9
                and diagonal.max() <= 1 + 1e-9 and diagonal.min() >= 1 - 1e-9):
            return arr, labels
    with np.errstate(all="ignore"):  # inf x 0 or NaN: reported below, cell by cell
        product = arr * arr.T
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


_MAX_SQUARINGS = 10     # A^(2^10): converges unless |λ2 / λmax| > 0.97; then LAPACK's eig
_CONVERGED = 1e-13      # relative residual |A w - λ w| / λ accepted as the eigenvector


def _perron(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The principal (Perron) eigenvector and eigenvalue of positive matrices, ``arr`` of shape
    (k, n, n): the power method run by repeated squaring, ``B = (A / n)^(2^s)``, whose row sums
    approach the eigenvector at a rate ``|λ2 / λmax|^(2^s)`` (so a handful of squarings reach
    machine precision), all k matrices at once with batched matrix products.

    Returns ``(w, lam, done)``: weights adding up to 1 (k, n), λmax (k,), and whether each
    matrix converged (the others are left to :func:`_eig`)."""
    k, n, _ = arr.shape
    w = np.full((k, n), 1.0 / n)
    lam = np.full(k, float(n))
    done = np.zeros(k, dtype=bool)
    todo = np.arange(k)
    b = arr / n                          # eigenvalues between about 1 and 9: no overflow
    a = arr
    for s in range(1, _MAX_SQUARINGS + 1):
        b = b @ b
        if s < 3 or s == 4:
            continue
        b /= b.max(axis=(1, 2), keepdims=True)          # keep the powers in range
        ws = b.sum(axis=2)
        ws /= ws.sum(axis=1, keepdims=True)
        aw = (a @ ws[:, :, None])[:, :, 0]
        ls = aw.sum(axis=1)                              # λ, since the weights add up to 1
        ok = np.abs(aw - ls[:, None] * ws).max(axis=1) <= _CONVERGED * ls
        if ok.all():
            w[todo], lam[todo], done[todo] = ws, ls, True
            break
        if ok.any():
            w[todo[ok]], lam[todo[ok]], done[todo[ok]] = ws[ok], ls[ok], True
            todo, b, a = todo[~ok], b[~ok], a[~ok]
    return w, lam, done


def _perron1(a: np.ndarray) -> tuple[np.ndarray, float] | None:
    """:func:`_perron` for one matrix, in as few NumPy calls as possible: eight squarings of
    ``A / n`` (its eigenvalues lie between 1 and 9 on Saaty's scale, so ``(A / n)^256`` cannot
    overflow) reach machine precision unless ``|λ2 / λmax| > 0.88``; random judgements on the
    1-9 scale give 0.4-0.8. None when the result does not pass the residual check."""
    b = a * (1.0 / a.shape[0])
    for _ in range(8):
        b = b @ b
    w = b.sum(axis=1)
    w = w / w.sum()
    aw = a @ w
    ratio = aw / w
    lam = float(aw.sum())                 # the weights add up to 1
    if not ratio.max() - ratio.min() <= _CONVERGED * lam:   # also False for NaN (overflow)
        return None
    return w, lam


def _eig(arr: np.ndarray) -> tuple[np.ndarray, float]:
    """The principal eigenvector by LAPACK (the fallback of :func:`_perron`)."""
    values, vectors = np.linalg.eig(arr)
    k = int(np.argmax(values.real))
    w = np.abs(vectors[:, k].real)
    return w / w.sum(), float(values[k].real)


def _weights(arr: np.ndarray, method: str) -> tuple[np.ndarray, float]:
    n = arr.shape[0]
    if method == "eigenvector":
        if n == 1:
            return np.ones(1), 1.0
        if n <= 3:
            exact = _small_exact(arr)
            if exact is not None:
                return exact
        single = _perron1(arr)
        if single is not None:
            return single
        w, lam, done = _perron(arr[None])
        if not done[0]:
            return _eig(arr)
        return w[0], float(lam[0])
    if method == "geometric_mean":
        w = np.exp(np.log(arr).mean(axis=1))
    else:  # column_normalization
        w = (arr / arr.sum(axis=0)).mean(axis=1)
    w = w / w.sum()
    return w, float(np.mean(arr @ w / w))


def _small_exact(arr: np.ndarray) -> tuple[np.ndarray, float] | None:
    """Closed forms for an exactly reciprocal 2 x 2 or 3 x 3 matrix: for n = 3 the principal
    eigenvector is the row geometric mean, and λmax = 1 + x + 1/x with
    x = (a13 / (a12 a23))^(1/3) (Saaty 1980); for n = 2, w = (a, 1) / (1 + a) and λmax = 2.
    None when the matrix is only reciprocal to the 1 % the input check allows."""
    r = arr.tolist()
    if len(r) == 2:
        a = r[0][1]
        if abs(a * r[1][0] - 1.0) > 1e-12:
            return None
        return np.array([a / (1.0 + a), 1.0 / (1.0 + a)]), 2.0
    a12, a13, a23 = r[0][1], r[0][2], r[1][2]
    if (abs(a12 * r[1][0] - 1.0) > 1e-12 or abs(a13 * r[2][0] - 1.0) > 1e-12
            or abs(a23 * r[2][1] - 1.0) > 1e-12):
        return None
    g0, g1, g2 = (a12 * a13) ** (1 / 3), (a23 / a12) ** (1 / 3), (a13 * a23) ** (-1 / 3)
    total = g0 + g1 + g2
    x = (a13 / (a12 * a23)) ** (1 / 3)
    return np.array([g0 / total, g1 / total, g2 / total]), 1.0 + x + 1.0 / x


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
# Many matrices at once: every respondent's judgements in one call
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class AHPBatch:
    """The weights and consistency of many judgement matrices of the same criteria (returned
    by :func:`batch_priorities`): one row per matrix (respondent).

    Attributes
    ----------
    weights : pandas.DataFrame
        One row per matrix, one column per criterion; each row adds up to 1.
    lambda_max, ci, cr : pandas.Series
        Per matrix, as in :class:`AHPResult`.
    consistent : pandas.Series
        ``cr < CR_THRESHOLD`` (0.10), per matrix.
    off_scale : pandas.Series
        Whether a matrix has a judgement outside 1/9 .. 9.
    ri : float
        The random index used (the same for all: same n).
    ri_source, method : str
        As in :class:`AHPResult`.
    """

    weights: pd.DataFrame
    lambda_max: pd.Series
    ci: pd.Series
    cr: pd.Series
    consistent: pd.Series
    off_scale: pd.Series
    ri: float
    ri_source: str
    method: str
    _a: np.ndarray = field(repr=False, default=None)  # type: ignore[assignment]

    @property
    def n(self) -> int:
        """The number of criteria compared."""
        return self.weights.shape[1]

    def __len__(self) -> int:
        return self.weights.shape[0]

    @property
    def summary(self) -> pd.DataFrame:
        """``lambda_max``, ``ci``, ``cr``, ``consistent`` and ``off_scale``, one row per matrix."""
        return pd.DataFrame({"lambda_max": self.lambda_max, "ci": self.ci, "cr": self.cr,
                             "consistent": self.consistent, "off_scale": self.off_scale})

    def result(self, key: Any) -> AHPResult:
        """The full :class:`AHPResult` of one matrix, by its label (position without labels).

        >>> b = batch_priorities([[[1, 2], [1/2, 1]], [[1, 4], [1/4, 1]]])
        >>> b.result(1).weights.tolist()
        [0.8, 0.2]
        """
        if key not in self.weights.index:
            raise KeyError(f"key: no matrix {v.label(key)}; the batch has "
                           f"{list(self.weights.index)[:5]}{' ...' if len(self) > 5 else ''}")
        k = self.weights.index.get_loc(key)
        labels = self.weights.columns
        cells: tuple = ()
        if self.off_scale.iloc[k]:
            a = self._a[k]
            off = np.triu((a < 1 / 9 - _ON_SCALE_TOL) | (a > 9 + _ON_SCALE_TOL), 1)
            cells = tuple((labels[i], labels[j], float(a[i, j])) for i, j in np.argwhere(off))
        return AHPResult(float(self.lambda_max.iloc[k]), float(self.ci.iloc[k]), self.ri,
                         float(self.cr.iloc[k]), bool(self.consistent.iloc[k]), self.method,
                         bool(cells), cells, self.ri_source,
                         self.weights.to_numpy()[k].copy(), self._a[k], labels)

    def __str__(self) -> str:
        share = float(self.consistent.mean())
        return (f"AHP weights of {len(self)} matrices ({self.method.replace('_', ' ')} method), "
                f"n = {self.n}: {share:.0%} consistent (CR < {CR_THRESHOLD:.2f}); mean weights "
                + ", ".join(f"{k} {w:.3f}" for k, w in self.weights.mean().items()))

    __repr__ = __str__


def batch_priorities(matrices: Any, method: str = "eigenvector",
                     random_index: Any = None) -> AHPBatch:
    """Weights and consistency of many judgement matrices at once, e.g. every respondent of a
    survey that asked the same pairwise questions: the same numbers as :func:`priorities` on
    each matrix, computed for all of them together with whole-array operations (ten thousand
    matrices take milliseconds, not seconds).

    The principal eigenvector is found by the power method on all matrices at once (repeated
    squaring of the stacked matrices, checked with the residual ``|A w - λ w|``); a matrix
    that does not converge that way gets LAPACK's eigen-decomposition, as :func:`priorities`.

    Parameters
    ----------
    matrices : array (k, n, n), list of matrices, list of dicts of pairs, or dict of either
        The k judgement matrices, all of the same n criteria: a 3-D array, a list of nested
        lists / arrays / DataFrames (with the same labels), a list of ``{(i, j): a_ij}`` dicts
        (read like :func:`judgement_matrix`, in the first dict's label order), or a dict
        ``{respondent: matrix}``, whose keys label the rows of the result.
    method, random_index
        As in :func:`priorities`.

    Returns
    -------
    AHPBatch
        ``weights`` (a DataFrame, one row per matrix), ``lambda_max``, ``ci``, ``cr``,
        ``consistent``, ``off_scale`` (Series), ``summary`` and ``result(key)``.

    Raises
    ------
    TypeError
        If ``matrices`` is not one of the forms above or holds something other than numbers.
    ValueError
        If there are none, they differ in size or labels, or one of them is not a valid
        judgement matrix (the message names the matrix and the cell, as :func:`priorities`).

    Examples
    --------
    >>> survey = {"Ann": {("price", "quality"): 3, ("price", "service"): 5,
    ...                   ("quality", "service"): 2},
    ...           "Bob": {("price", "quality"): 1/2, ("price", "service"): 1,
    ...                   ("quality", "service"): 2}}
    >>> b = batch_priorities(survey)
    >>> b.weights.round(3)
         price  quality  service
    Ann  0.648     0.23    0.122
    Bob  0.250     0.50    0.250
    >>> b.cr.round(4).tolist(), b.consistent.tolist()
    ([0.0032, 0.0], [True, True])
    >>> bool(np.allclose(b.weights.loc["Ann"], priorities(survey["Ann"]).weights))
    True
    """
    if method not in METHODS:
        raise ValueError(f"method: unknown method {method!r}; use one of {list(METHODS)}")
    arr, labels, keys = _as_matrices(matrices)
    k, n, _ = arr.shape
    ri, ri_source = _random_index(n, random_index)
    if method == "eigenvector":
        if n == 1:
            w, lam = np.ones((k, 1)), np.ones(k)
        else:
            w, lam, done = _perron(arr)
            for m in np.flatnonzero(~done):
                w[m], lam[m] = _eig(arr[m])
    else:
        if method == "geometric_mean":
            w = np.exp(np.log(arr).mean(axis=2))
        else:  # column_normalization
            w = (arr / arr.sum(axis=1, keepdims=True)).mean(axis=2)
        w /= w.sum(axis=1, keepdims=True)
        lam = ((arr @ w[:, :, None])[:, :, 0] / w).mean(axis=1)
    if n <= 2:
        ci = cr = np.zeros(k)
    else:
        ci = (lam - n) / (n - 1)
        flat = np.abs(ci) < 1e-12            # consistent matrices: remove floating-point dust
        ci = np.where(flat, 0.0, ci)
        lam = np.where(flat, float(n), lam)
        cr = ci / ri
    off = ((arr < 1 / 9 - _ON_SCALE_TOL) | (arr > 9 + _ON_SCALE_TOL)).any(axis=(1, 2))
    rows = pd.RangeIndex(k) if keys is None else pd.Index(keys)
    columns = pd.RangeIndex(n) if labels is None else pd.Index(labels)
    return AHPBatch(pd.DataFrame(w, index=rows, columns=columns),
                    pd.Series(lam, index=rows, name="lambda_max"),
                    pd.Series(ci, index=rows, name="ci"), pd.Series(cr, index=rows, name="cr"),
                    pd.Series(cr < CR_THRESHOLD, index=rows, name="consistent"),
                    pd.Series(off, index=rows, name="off_scale"),
                    float(ri), ri_source, method, arr)


def _as_matrices(matrices: Any) -> tuple[np.ndarray, Any, list[Any] | None]:
    """Validate many judgement matrices: a (k, n, n) float array, the criteria labels (or
    None) and the matrices' own labels (or None)."""
    keys: list[Any] | None = None
    if isinstance(matrices, Mapping):
        keys, items = list(matrices), list(matrices.values())
    elif isinstance(matrices, np.ndarray):
        items = matrices
    elif isinstance(matrices, (list, tuple)):
        items = list(matrices)
    else:
        raise TypeError("matrices: expected several judgement matrices: a 3-D array (k, n, n), "
                        "a list of matrices or of dicts of pairs, or {respondent: matrix}, got "
                        f"{type(matrices).__name__}")
    if len(items) == 0:
        raise ValueError("matrices: is empty; give at least one judgement matrix")
    name = (lambda m: f"matrices[{v.label(keys[m]) if keys is not None else m}]")
    labels: Any = None
    if isinstance(items, np.ndarray):
        try:
            arr = np.asarray(items, dtype=float)
        except (TypeError, ValueError):
            raise TypeError("matrices: judgements must be numbers") from None
    elif all(isinstance(m, Mapping) for m in items):
        first, labels = _pairs_array(items[0])
        stack = [first]
        for m, pairs in enumerate(items[1:], start=1):
            try:
                stack.append(_pairs_array(pairs, order=labels)[0])
            except (TypeError, ValueError) as err:
                raise type(err)(f"{name(m)}: {err}") from None
        arr = np.stack(stack)
    else:
        stack = []
        for m, item in enumerate(items):
            if isinstance(item, Mapping):
                raise TypeError(f"{name(m)}: a dict of pairs among matrices; give all as dicts "
                                "of pairs or all as matrices")
            if isinstance(item, pd.DataFrame):
                if labels is None and m == 0:
                    labels = item.index
                if labels is None or not (item.index.equals(labels)
                                          and item.columns.equals(labels)):
                    if labels is not None and set(item.index) == set(labels) == set(item.columns):
                        item = item.loc[labels, labels]
                    else:
                        raise ValueError(f"{name(m)}: its labels {list(item.index)} differ from "
                                         f"the first matrix's {list(labels) if labels is not None else 'positions'}; "
                                         "every matrix must compare the same criteria")
            try:
                a = _as_matrix(item)[0] if not isinstance(item, AHPResult) else item._a
            except (TypeError, ValueError) as err:
                raise type(err)(f"{name(m)}: {str(err).removeprefix('matrix: ')}") from None
            if stack and a.shape != stack[0].shape:
                raise ValueError(f"{name(m)}: is {a.shape[0]} x {a.shape[1]} but the first "
                                 f"matrix is {stack[0].shape[0]} x {stack[0].shape[1]}; every "
                                 "matrix must compare the same criteria")
            stack.append(a)
        return np.stack(stack), labels, keys
    if arr.ndim != 3 or arr.shape[1] != arr.shape[2] or arr.shape[1] == 0:
        raise ValueError(f"matrices: expected k square n x n matrices, a (k, n, n) array, got "
                         f"shape {arr.shape}" + ("; for one matrix use priorities()"
                                                 if arr.ndim == 2 else ""))
    # whole-array checks; the matrix at fault is then checked alone, for its message
    with np.errstate(all="ignore"):
        product = arr * arr.transpose(0, 2, 1)
        diagonal = np.diagonal(arr, axis1=1, axis2=2)
        bad = ~((arr > 0).all(axis=(1, 2)) & np.isfinite(arr).all(axis=(1, 2))
                & (np.abs(product - 1.0) <= _RECIPROCAL_TOL + 1e-9).all(axis=(1, 2))
                & (np.abs(diagonal - 1.0) <= 1e-9).all(axis=1))
    if bad.any():
        m = int(np.flatnonzero(bad)[0])
        more = f" ({int(bad.sum()) - 1} more matrices have problems)" if bad.sum() > 1 else ""
        try:
            _as_matrix(arr[m])
        except (TypeError, ValueError) as err:
            raise ValueError(f"{name(m)}: {str(err).removeprefix('matrix: ')}{more}") from None
    return arr, labels, keys


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


def _plain_weights(weights: Any) -> tuple[list[Any], np.ndarray] | None:
    """Labels and values of well-formed weights (an AHPResult, or a dict of floats adding up
    to 1), read without pandas; None for anything else (the checked path handles it)."""
    if isinstance(weights, AHPResult):
        labels = weights._labels
        if labels is None:
            labels = list(range(weights._w.size))
        elif not isinstance(labels, list):
            labels = list(labels)
        return labels, weights._w
    if isinstance(weights, dict) and weights and set(map(type, weights.values())) <= {float, int}:
        values = np.array(list(weights.values()), dtype=float)
        if (values.min() >= 0 and np.isfinite(values).all()
                and abs(float(values.sum()) - 1.0) <= 1e-6):
            return list(weights), values
    return None


def _compose_fast(criteria_weights: Any, levels: tuple) -> pd.Series | None:
    """:func:`compose` in NumPy for well-formed input (AHPResults or dicts of floats), with the
    same arithmetic as the checked path (the same numbers, to the last digit or so) and one
    pandas object at the end; None as soon as anything needs the checks and their messages."""
    top = _plain_weights(criteria_weights)
    if top is None:
        return None
    labels, weights = top
    for level in levels:
        if not isinstance(level, dict) or len(level) != len(labels):
            return None
        columns = []
        for parent in labels:
            if parent not in level:
                return None
            column = _plain_weights(level[parent])
            if column is None:
                return None
            columns.append(column)
        children = list(dict.fromkeys(chain.from_iterable(c[0] for c in columns)))
        pos = {child: k for k, child in enumerate(children)}
        if len(pos) != len(children):
            return None
        table = np.zeros((len(children), len(labels)))
        for k, (child_labels, values) in enumerate(columns):
            if len(set(child_labels)) != len(child_labels):
                return None
            table[[pos[c] for c in child_labels], k] = values
        weights = table @ weights
        labels = children
    try:   # the labels' own Index (dtype inferred, as the checked path's), reused when seen
        key = ("inferred", tuple(map(type, labels)), tuple(labels))
        index = _INDEXES.get(key)
        if index is None:
            index = _INDEXES[key] = pd.Index(labels)
    except TypeError:
        index = pd.Index(labels)
    return _series(np.asarray(weights, dtype=float), index, "global_weight")


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
    levels = (local_weights, *deeper)
    fast = _compose_fast(criteria_weights, levels)
    if fast is not None:
        return fast
    weights = _as_weights(criteria_weights, "criteria_weights")
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


# ---------------------------------------------------------------------------------------------
# How strict to be: the usual 10 % rule and Saaty's size-dependent thresholds
# ---------------------------------------------------------------------------------------------

#: The rules :func:`cr_threshold` knows: "usual" (CR < 0.10 for every n, what most textbooks
#: print) and "saaty" (Saaty's stricter thresholds for small matrices).
CR_RULES = ("usual", "saaty")

#: Saaty's stricter thresholds for small matrices (0.05 for n = 3, 0.08 for n = 4; 0.10 from
#: n = 5 on), as in Saaty (1994), *Fundamentals of Decision Making and Priority Theory with the
#: Analytic Hierarchy Process*, RWS Publications.
CR_THRESHOLDS_SAATY: Mapping[int, float] = MappingProxyType({3: 0.05, 4: 0.08})


def cr_threshold(n: int, rule: str = "usual") -> float:
    """The consistency ratio below which the judgements of an n x n matrix are accepted.

    ``rule="usual"`` gives 0.10 whatever n (:data:`CR_THRESHOLD`, the rule most textbooks and
    :func:`priorities` use); ``rule="saaty"`` is stricter for small matrices, where a random
    matrix is less inconsistent and the same CR is more alarming: 0.05 for n = 3, 0.08 for
    n = 4, 0.10 for n >= 5. A matrix of one or two criteria is always consistent (CR = 0), so
    any threshold accepts it.

    Parameters
    ----------
    n : int
        The number of criteria compared (the matrix is n x n), at least 1.
    rule : {"usual", "saaty"}, default "usual"

    Returns
    -------
    float

    Examples
    --------
    >>> cr_threshold(3), cr_threshold(3, rule="saaty"), cr_threshold(4, "saaty"), cr_threshold(8, "saaty")
    (0.1, 0.05, 0.08, 0.1)

    A 3 x 3 matrix that passes the usual rule but not Saaty's stricter one:

    >>> r = priorities({("a", "b"): 3, ("a", "c"): 7, ("b", "c"): 1})
    >>> round(r.cr, 3), r.cr < cr_threshold(r.n), r.cr < cr_threshold(r.n, "saaty")
    (0.069, True, False)
    """
    if rule not in CR_RULES:
        raise ValueError(f"rule: unknown rule {rule!r}; use one of {list(CR_RULES)} ('usual': "
                         "0.10 for every n, 'saaty': 0.05 for n = 3, 0.08 for n = 4)")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n: the number of criteria, a whole number of at least 1, got {n!r}")
    if rule == "saaty":
        return CR_THRESHOLDS_SAATY.get(int(n), CR_THRESHOLD)
    return CR_THRESHOLD
