"""The SERVQUAL scale (SERVQUAL量表, 服务质量测量量表): service quality as the gap between what
customers expect (E) and what they perceive (P), item by item, Q = P − E. (服务质量差距模型 is
the gaps model of 1985, :data:`GAPS` and :func:`plot_gaps_model`; SERVQUAL measures its gap 5.)

The instrument of Parasuraman, Zeithaml & Berry (1988) asks each respondent the same 22 items
twice, once about expectations and once about what this firm *does* offer (perceptions), on a
7-point agreement scale. In 1988 the expectation items were "should" statements ("firms of this
kind should ...") and about half of the items were worded negatively; the revision of
Parasuraman, Berry & Zeithaml (1991) words every item positively and asks what *excellent*
firms of the kind *will* offer. The course follows the revised wording. The items fall into five
dimensions (服务质量的评价标准):

==================  ========  =====  ==================================================
dimension           中文       items  what it covers
==================  ========  =====  ==================================================
tangibles           有形性      1-4   facilities, equipment, staff appearance, materials
reliability         可靠性      5-9   doing what was promised, dependably and accurately
responsiveness      响应性      10-13  willingness to help and prompt service
assurance           保证性      14-17  knowledge, courtesy, the trust staff inspire
empathy             移情性      18-22  caring, individual attention
==================  ========  =====  ==================================================

(Some Chinese textbooks and slide decks call the first dimension 可感知性, what can be perceived
by the senses, i.e. tangibles, not the perception score P, and the third 反应性; 有形性 and 响应性
are the more common names.)

The item wordings in :data:`ITEMS` are the course's own, adapted to its example service, a city
hotel; they keep the content of each item of the published scale without copying its text.

How the scores are built (:func:`score`)
----------------------------------------
* **item gap** = mean over respondents of P − E for that item;
* **dimension gap** = mean of the dimension's item gaps (every item counts equally);
* **unweighted score** = mean of the five dimension gaps (every *dimension* counts equally, so the
  five-item empathy dimension does not outweigh the four-item tangibles dimension);
* **weighted score** = Σ points_d / 100 × gap_d, where respondents share 100 points of
  importance among the five dimensions (Zeithaml, Parasuraman & Berry 1990). Given one allocation
  (a mapping), it weights the dimension gaps; given each respondent's own allocation (a
  DataFrame), it weights each respondent's own gaps, and the results are then averaged.

Negative gaps are shortfalls (P < E); the dimension whose *weighted* shortfall is largest is the
first priority for improvement.

>>> import numpy as np, pandas as pd
>>> E = pd.DataFrame(np.full((2, 22), 6.0), columns=range(1, 23))
>>> P = E - 1
>>> P[11] = 3.0                     # prompt service: a 3-point shortfall
>>> result = score(E, P)
>>> float(result.item_gaps[11]), float(result.dimension_gaps["responsiveness"])
(-3.0, -1.5)
>>> round(result.unweighted, 2)
-1.1

References
----------
Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1985). A conceptual model of service quality and
its implications for future research. *Journal of Marketing*, 49(4), 41-50 (the gaps model).
Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1988). SERVQUAL: a multiple-item scale for
measuring consumer perceptions of service quality. *Journal of Retailing*, 64(1), 12-40.
Parasuraman, A., Berry, L. L. & Zeithaml, V. A. (1991). Refinement and reassessment of the
SERVQUAL scale. *Journal of Retailing*, 67(4), 420-450 (the all-positive, "excellent firms"
wording).
Zeithaml, V. A., Parasuraman, A. & Berry, L. L. (1990). *Delivering Quality Service: Balancing
Customer Perceptions and Expectations*. Free Press (the 100-point importance allocation).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from numbers import Integral
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = [
    "DIMENSIONS", "DIMENSION_CHINESE", "ITEMS", "GAPS", "ServqualResult", "score", "priorities",
    "split_survey", "items_table", "DIMENSION_COLORS", "plot_item_gaps", "plot_dimension_gaps",
    "plot_radar", "plot_gaps_model", "weights_widget",
]

#: The five dimensions and their 1-based item numbers (Parasuraman, Zeithaml & Berry 1988).
DIMENSIONS: dict[str, tuple[int, ...]] = {
    "tangibles": (1, 2, 3, 4),
    "reliability": (5, 6, 7, 8, 9),
    "responsiveness": (10, 11, 12, 13),
    "assurance": (14, 15, 16, 17),
    "empathy": (18, 19, 20, 21, 22),
}

#: Chinese names of the dimensions (some textbooks say 可感知性 and 反应性 for the first and
#: third; these are the more common names).
DIMENSION_CHINESE: dict[str, str] = {
    "tangibles": "有形性", "reliability": "可靠性", "responsiveness": "响应性",
    "assurance": "保证性", "empathy": "移情性",
}

N_ITEMS = 22

# item -> (short label, English wording, Chinese wording); the course's own adaptation to a hotel
_ITEM_TEXT: dict[int, tuple[str, str, str]] = {
    1: ("modern equipment", "Rooms and public areas have modern equipment that works "
        "(Wi-Fi, TV, lifts).", "客房和公共区域的设备新颖好用（无线网络、电视、电梯）。"),
    2: ("pleasant spaces", "The lobby, rooms and restaurant are clean and pleasant to be in.",
        "大堂、客房和餐厅干净舒适。"),
    3: ("neat staff", "Staff are neatly dressed and well groomed.", "员工着装整洁、仪表得体。"),
    4: ("clear materials", "Signs, room guides and bills are clear and look good.",
        "指示牌、客房指南和账单清楚美观。"),
    5: ("keeps promises", "When the hotel promises something by a certain time, it does it "
        "(the room is ready at check-in time).", "酒店承诺的事情按时做到（入住时房间已准备好）。"),
    6: ("sincere problem solving", "When a guest has a problem, staff show a sincere interest "
        "in solving it.", "客人遇到问题时，员工真心实意地帮助解决。"),
    7: ("right first time", "The hotel gets the service right the first time (booking, room "
        "type, wake-up call).", "第一次就把服务做对（预订、房型、叫醒服务）。"),
    8: ("on time", "Services arrive at the time promised (room service, laundry).",
        "在承诺的时间送达服务（送餐、洗衣）。"),
    9: ("error-free records", "Bills and reservations are free of errors.",
        "账单和预订记录准确无误。"),
    10: ("says when", "Staff tell guests exactly when a service will be done.",
         "员工明确告诉客人服务何时完成。"),
    11: ("prompt service", "Guests are served promptly (check-in, check-out, requests).",
         "迅速为客人服务（入住、退房和各种请求）。"),
    12: ("willing to help", "Staff are always willing to help guests.", "员工总是乐于帮助客人。"),
    13: ("never too busy", "Staff are never too busy to respond to a guest's request.",
         "员工再忙也会及时回应客人的请求。"),
    14: ("inspires confidence", "The way staff behave gives guests confidence.",
         "员工的言行让客人放心。"),
    15: ("safe and secure", "Guests feel safe in the hotel: rooms, payments, belongings.",
         "客人在酒店感到安全：客房、支付和财物。"),
    16: ("courteous", "Staff are courteous at all times.", "员工始终礼貌待客。"),
    17: ("knowledgeable", "Staff know enough to answer guests' questions.",
         "员工有足够的知识回答客人的问题。"),
    18: ("individual attention", "The hotel gives each guest individual attention.",
         "酒店给予每位客人个别的关注。"),
    19: ("personal attention", "Staff pay personal attention to guests and remember their "
         "preferences.", "员工关心客人本人，记得客人的偏好。"),
    20: ("best interests", "The hotel has its guests' best interests at heart.",
         "酒店把客人的利益放在心上。"),
    21: ("understands needs", "Staff understand each guest's particular needs.",
         "员工了解每位客人的特殊需要。"),
    22: ("convenient hours", "Opening hours suit all guests (24-hour desk, late dining).",
         "营业时间方便所有客人（24小时前台、深夜餐饮）。"),
}


def items_table() -> pd.DataFrame:
    """The 22 items: dimension, short label, and the course's English and Chinese wording.

    The wordings are written for the course and adapted to a hotel; the *content* of each item
    follows the published scale (Parasuraman, Zeithaml & Berry 1988), in its five blocks of
    items. The short labels may be used as column names instead of item numbers.

    Returns
    -------
    pandas.DataFrame
        Indexed by item number (1-22), columns ``dimension``, ``label``, ``english``, ``chinese``.

    Examples
    --------
    >>> items_table().loc[11, ["dimension", "label"]].tolist()
    ['responsiveness', 'prompt service']
    >>> items_table().groupby("dimension", sort=False).size().tolist()
    [4, 5, 4, 4, 5]
    """
    dim_of = {i: d for d, nums in DIMENSIONS.items() for i in nums}
    rows = [(i, dim_of[i], *_ITEM_TEXT[i]) for i in range(1, N_ITEMS + 1)]
    return pd.DataFrame(rows, columns=["item", "dimension", "label", "english", "chinese"]
                        ).set_index("item")


#: The 22 items as a table (see :func:`items_table`).
ITEMS: pd.DataFrame = items_table()

_LABEL_TO_ITEM = {text[0]: i for i, text in _ITEM_TEXT.items()}
_MISSING = ("pairwise", "listwise", "raise")
_TOTAL_POINTS = 100.0


# ---------------------------------------------------------------------------------------------
# input checks
# ---------------------------------------------------------------------------------------------

def _item_number(column: Any) -> int | None:
    """1..22 for an item number (int or digit string) or a short label; None otherwise."""
    if isinstance(column, bool):
        return None
    if isinstance(column, Integral):
        number = int(column)
    elif isinstance(column, str):
        text = column.strip().lower().replace("_", " ")
        if text in _LABEL_TO_ITEM:
            return _LABEL_TO_ITEM[text]
        if not text.isdigit():
            return None
        number = int(text)
    else:
        return None
    return number if 1 <= number <= N_ITEMS else None


def _as_frame(answers: Any, name: str) -> pd.DataFrame:
    if isinstance(answers, np.ndarray):
        if answers.ndim != 2:
            raise ValueError(f"{name}: expected a table of respondents x 22 items, got an array "
                             f"with {answers.ndim} dimension(s)")
        answers = pd.DataFrame(answers, columns=range(1, answers.shape[1] + 1))
    if not isinstance(answers, pd.DataFrame):
        raise TypeError(f"{name}: expected a DataFrame of respondents x 22 items (columns 1..22 "
                        f"or item labels), got {type(answers).__name__}")
    if answers.shape[0] == 0:
        raise ValueError(f"{name}: has no respondents (no rows)")
    return answers


def _resolve_items(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Rename columns to item numbers 1..22 and put them in order; explain any mismatch."""
    numbers = [_item_number(c) for c in frame.columns]
    unknown = [c for c, n in zip(frame.columns, numbers) if n is None]
    if unknown:
        shown = ", ".join(repr(c) for c in unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        raise ValueError(f"{name}: column(s) {shown} are not SERVQUAL items; name the columns "
                         f"1..22 or by item label (e.g. 'modern equipment'; see servqual.ITEMS)")
    seen: dict[int, Any] = {}
    for column, number in zip(frame.columns, numbers):
        if number in seen:
            raise ValueError(f"{name}: item {number} appears twice (columns {seen[number]!r} and "
                             f"{column!r})")
        seen[number] = column
    missing = [i for i in range(1, N_ITEMS + 1) if i not in seen]
    if missing:
        raise ValueError(f"{name}: item(s) {missing} are missing; SERVQUAL needs all 22 items, "
                         f"it has {len(seen)}")
    out = frame.set_axis(numbers, axis=1)
    return out[list(range(1, N_ITEMS + 1))]


def _numeric_values(frame: pd.DataFrame, name: str) -> np.ndarray:
    """The answers as a float array; non-numbers are a TypeError naming respondent and item."""
    dtypes = frame.dtypes
    if all(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
           for t in dtypes):  # the common case, in one step
        return frame.to_numpy(dtype=float, na_value=np.nan)
    columns = []
    for item in frame.columns:
        col = frame[item]
        if pd.api.types.is_bool_dtype(col.dtype):
            raise TypeError(f"{name}: item {item} holds True/False values; expected answers on "
                            "the rating scale")
        if pd.api.types.is_numeric_dtype(col.dtype):
            columns.append(col.to_numpy(dtype=float, na_value=np.nan))
            continue
        converted = pd.to_numeric(col, errors="coerce")
        bad = converted.isna() & col.notna()
        if bad.any():
            who = col.index[np.argmax(bad.to_numpy())]
            raise TypeError(f"{name}: respondent {who!r}, item {item}: {col[who]!r} is not a "
                            "number; expected answers on the rating scale")
        columns.append(converted.to_numpy(dtype=float, na_value=np.nan))
    return np.column_stack(columns)


def _check_scale(values: np.ndarray, index: pd.Index, name: str, low: float, high: float) -> None:
    bad = ~np.isnan(values) & ((values < low) | (values > high))
    if bad.any():
        rows, cols = np.nonzero(bad)
        r, c = rows[0], cols[0]
        more = f" ({bad.sum() - 1} more answers are outside it too)" if bad.sum() > 1 else ""
        raise ValueError(f"{name}: respondent {v.label(index[r])}, item {c + 1}: answer "
                         f"{values[r, c]:g} is outside the scale {low:g}-{high:g}{more}; "
                         "correct the data or give the right scale=(low, high)")


def _check_scale_arg(scale: Any) -> tuple[float, float]:
    if not isinstance(scale, (tuple, list)) or len(scale) != 2:
        raise TypeError(f"scale: expected (low, high), e.g. (1, 7), got {scale!r}")
    low, high = v.scalar(scale[0], "scale low"), v.scalar(scale[1], "scale high")
    if high <= low:
        raise ValueError(f"scale: high ({high:g}) must be above low ({low:g})")
    return low, high


def _points_row_check(points: np.ndarray, index: pd.Index | None, name: str) -> None:
    """Each row of ``points`` must add up to 100; ``index`` names the rows (None: one row)."""
    totals = points.sum(axis=1)
    bad = ~np.isclose(totals, _TOTAL_POINTS, rtol=0, atol=1e-6)
    if bad.any():
        r = int(np.argmax(bad))
        where = f" (respondent {v.label(index[r])})" if index is not None else ""
        hint = (" (they look like shares: multiply by 100)"
                if np.isclose(totals[r], 1.0, atol=1e-6) else "")
        more = f"; {bad.sum() - 1} more rows do not add up either" if bad.sum() > 1 else ""
        raise ValueError(f"{name}{where}: importance points must add up to 100, they add up "
                         f"to {totals[r]:g}{hint}{more}")


def _weights_for(weights: Any, respondents: pd.Index) -> tuple[np.ndarray | None, bool]:
    """Validate ``weights``. Returns (points, per_respondent): points is (5,) for one allocation
    or (n, 5) aligned with ``respondents`` for per-respondent allocations."""
    dims = list(DIMENSIONS)
    if weights is None:
        return None, False
    if isinstance(weights, pd.DataFrame):
        cols = [str(c).strip().lower() for c in weights.columns]
        unknown = [c for c, low in zip(weights.columns, cols) if low not in dims]
        if unknown:
            raise ValueError(f"weights: column(s) {unknown} are not SERVQUAL dimensions; expected "
                             f"the five columns {dims}")
        missing = [d for d in dims if d not in cols]
        if missing:
            raise ValueError(f"weights: dimension(s) {missing} have no column; give points for "
                             f"all five of {dims}")
        frame = weights.set_axis(cols, axis=1)[dims]
        if not frame.index.is_unique:
            raise ValueError("weights: respondent labels in the index must be unique")
        if len(frame) != len(respondents) or not frame.index.isin(respondents).all():
            extra = frame.index[~frame.index.isin(respondents)][:3].tolist()
            absent = respondents[~respondents.isin(frame.index)][:3].tolist()
            raise ValueError(f"weights: its respondents ({len(frame)}) do not match the answers' "
                             f"({len(respondents)}); e.g. only in weights: {extra}, only in the "
                             f"answers: {absent}. Give one row of points per respondent")
        if not frame.index.equals(respondents):
            frame = frame.loc[respondents]
        points = _numeric_values(frame.set_axis(range(1, 6), axis=1), "weights")
        nan = np.isnan(points)
        if nan.any():
            r, c = (int(x[0]) for x in np.nonzero(nan))
            raise ValueError(f"weights (respondent {v.label(frame.index[r])}): no points for {dims[c]}; "
                             "every respondent needs a complete allocation (drop incomplete "
                             "rows first)")
        negative = points < 0
        if negative.any():
            r, c = (int(x[0]) for x in np.nonzero(negative))
            raise ValueError(f"weights (respondent {v.label(frame.index[r])}): {dims[c]} has "
                             f"{points[r, c]:g} points; points must be zero or more")
        _points_row_check(points, frame.index, "weights")
        return points, True
    if isinstance(weights, pd.Series):
        weights = weights.to_dict()
    if not isinstance(weights, Mapping):
        raise TypeError("weights: expected points per dimension as a mapping such as "
                        "{'tangibles': 11, 'reliability': 32, ...}, or one row per respondent as a "
                        f"DataFrame; got {type(weights).__name__}")
    clean = {str(k).strip().lower(): val for k, val in weights.items()}
    unknown = [k for k, low in zip(weights, clean) if low not in dims]
    if unknown:
        raise ValueError(f"weights: {unknown} are not SERVQUAL dimensions; expected {dims}")
    missing = [d for d in dims if d not in clean]
    if missing:
        raise ValueError(f"weights: dimension(s) {missing} have no points; give points for all "
                         f"five of {dims}")
    points = np.array([v.non_negative(clean[d], f"weights[{d!r}]") for d in dims])
    _points_row_check(points[None, :], None, "weights")
    return points, False


# ---------------------------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ServqualResult:
    """The result of :func:`score`.

    Attributes
    ----------
    item_gaps : pandas.Series
        Mean P − E of each item, indexed 1..22.
    dimension_gaps : pandas.Series
        Mean of each dimension's item gaps, indexed by dimension.
    unweighted : float
        Mean of the five dimension gaps.
    weighted : float or None
        The importance-weighted score (None when no weights were given).
    respondents : pandas.DataFrame
        One row per respondent: the five dimension gaps, ``unweighted`` and (with weights)
        ``weighted``. Rows missing a whole dimension have NaN scores.
    items : pandas.DataFrame
        Per item: dimension, label, mean expectation, mean perception, gap, answered (pairs used).
    dimensions : pandas.DataFrame
        Per dimension: expectation, perception, gap, points, weighted_gap and priority (1 = the
        largest weighted shortfall; without weights every dimension gets 20 points).
    n_respondents : int
        Respondents scored (after listwise deletion when ``missing='listwise'``).
    scale : tuple of float
        The rating scale (low, high).
    missing : str
        How missing answers were handled.

    Examples
    --------
    >>> E = pd.DataFrame(np.full((1, 22), 6.0), columns=range(1, 23))
    >>> r = score(E, E - 0.5)
    >>> r.unweighted, r.weighted, r.n_respondents
    (-0.5, None, 1)
    """

    item_gaps: pd.Series
    dimension_gaps: pd.Series
    unweighted: float
    weighted: float | None
    respondents: pd.DataFrame = field(repr=False)
    items: pd.DataFrame = field(repr=False)
    dimensions: pd.DataFrame = field(repr=False)
    n_respondents: int = 0
    scale: tuple[float, float] = (1.0, 7.0)
    missing: str = "pairwise"

    def __str__(self) -> str:
        text = (f"SERVQUAL over {self.n_respondents:,} respondents: unweighted score "
                f"{self.unweighted:+.2f}")
        if self.weighted is not None:
            text += f", weighted score {self.weighted:+.2f}"
        worst = self.dimensions.sort_values("priority").index[0]
        return text + f"; first priority: {worst}."

    def _repr_html_(self) -> str:
        from html import escape
        return f"<p><b>{escape(str(self))}</b></p>" + self.dimensions.round(3).to_html()


def score(expectations: pd.DataFrame, perceptions: pd.DataFrame, weights: Any = None,
          scale: tuple[float, float] = (1, 7), missing: str = "pairwise") -> ServqualResult:
    """Score a SERVQUAL survey: gaps Q = P − E by item and dimension, unweighted and weighted.

    Parameters
    ----------
    expectations, perceptions : pandas.DataFrame
        Respondents × 22 items, one row per respondent (the same respondents in both, matched by
        index label; order may differ), columns the item numbers 1..22 (ints or digit strings) or
        the short item labels of :data:`ITEMS` (``'modern equipment'``, ...). A 2-D array is read
        as columns 1..22 in order.
    weights : mapping, Series or DataFrame, optional
        Importance points per dimension that add up to 100: one allocation
        (``{'tangibles': 11, 'reliability': 32, ...}``) applied to the dimension gaps, or a
        DataFrame with one row per respondent (same index as the answers) and the five dimension
        columns, applied to each respondent's own gaps before averaging.
    scale : (low, high), default (1, 7)
        The rating scale; an answer outside it is an error.
    missing : {'pairwise', 'listwise', 'raise'}, default 'pairwise'
        What to do with missing answers (NaN). ``'pairwise'`` (the default) uses, for each item,
        the respondents who answered *both* its expectation and its perception; a respondent's
        dimension gap is the mean of the items they answered in that dimension (NaN if none), and
        a respondent missing a whole dimension gets no overall score. ``'listwise'`` drops every
        respondent with any missing answer. ``'raise'`` refuses missing answers.

    Returns
    -------
    ServqualResult
        ``item_gaps``, ``dimension_gaps``, ``unweighted``, ``weighted``, ``respondents`` (the
        per-respondent scores), and the ``items`` and ``dimensions`` tables.

    Raises
    ------
    TypeError
        If the answers are not a table, hold text or True/False, or ``weights`` has the wrong type.
    ValueError
        If the two tables do not have the same respondents or the same 22 items; an answer lies
        outside ``scale`` (the message names the respondent, the item and the value); the points
        of an allocation do not add up to 100 or are negative; answers are missing with
        ``missing='raise'``.

    Notes
    -----
    With complete answers, the weighted score from one allocation equals the mean of the
    per-respondent weighted scores; with missing answers (``'pairwise'``) the two may differ
    slightly, because item means then use different respondents.

    Examples
    --------
    Two guests, hand-computable: every expectation is 6; guest A perceives 5 everywhere, guest B
    perceives 6 everywhere except 4 on the four responsiveness items.

    >>> E = pd.DataFrame(6, index=["A", "B"], columns=range(1, 23))
    >>> P = pd.DataFrame(6, index=["A", "B"], columns=range(1, 23))
    >>> P.loc["A"] = 5
    >>> P.loc["B", [10, 11, 12, 13]] = 4
    >>> r = score(E, P)
    >>> r.dimension_gaps.tolist()
    [-0.5, -0.5, -1.5, -0.5, -0.5]
    >>> r.unweighted
    -0.7
    >>> r.respondents["unweighted"].tolist()
    [-1.0, -0.4]

    Guest A gives most points to reliability, guest B to responsiveness; each guest's points
    weight their own gaps (A: -1 everywhere; B: 0.5 × -2 = -1.0), then the two are averaged:

    >>> W = pd.DataFrame({"tangibles": [10, 10], "reliability": [50, 10],
    ...                   "responsiveness": [10, 50], "assurance": [10, 10],
    ...                   "empathy": [20, 20]}, index=["A", "B"])
    >>> score(E, P, weights=W).weighted
    -1.0
    >>> score(E, P, weights={"tangibles": 20, "reliability": 20, "responsiveness": 20,
    ...                      "assurance": 20, "empathy": 20}).weighted
    -0.7
    """
    if missing not in _MISSING:
        raise ValueError(f"missing: expected one of {list(_MISSING)}, got {missing!r}")
    low, high = _check_scale_arg(scale)
    E = _resolve_items(_as_frame(expectations, "expectations"), "expectations")
    P = _resolve_items(_as_frame(perceptions, "perceptions"), "perceptions")
    for frame, name in ((E, "expectations"), (P, "perceptions")):
        if not frame.index.is_unique:
            dup = frame.index[frame.index.duplicated()][:3].tolist()
            raise ValueError(f"{name}: respondent labels must be unique; repeated: {dup}")
    if len(E) != len(P):
        raise ValueError(f"expectations has {len(E)} respondents but perceptions has {len(P)}; "
                         "give both answers of the same respondents")
    if not E.index.equals(P.index):
        if not P.index.isin(E.index).all():
            only_e = E.index[~E.index.isin(P.index)][:3].tolist()
            only_p = P.index[~P.index.isin(E.index)][:3].tolist()
            raise ValueError(f"expectations and perceptions are not the same respondents: e.g. "
                             f"{only_e} only in expectations, {only_p} only in perceptions")
        P = P.loc[E.index]  # same respondents, other order: match them by label
    e_values, p_values = _numeric_values(E, "expectations"), _numeric_values(P, "perceptions")
    _check_scale(e_values, E.index, "expectations", low, high)
    _check_scale(p_values, P.index, "perceptions", low, high)
    respondents = E.index
    points, per_respondent = _weights_for(weights, respondents)

    absent = np.isnan(e_values) | np.isnan(p_values)
    if absent.any():
        if missing == "raise":
            r, c = (int(x[0]) for x in np.nonzero(absent))
            which = "expectation" if np.isnan(e_values[r, c]) else "perception"
            raise ValueError(f"respondent {respondents[r]!r}, item {c + 1}: the {which} answer is "
                             f"missing ({absent.sum()} missing pairs in all); use "
                             "missing='pairwise' or 'listwise', or fill them")
        if missing == "listwise":
            keep = ~absent.any(axis=1)
            if not keep.any():
                raise ValueError("missing='listwise' leaves no respondent: every one of them has "
                                 "a missing answer; use missing='pairwise'")
            e_values, p_values, absent = e_values[keep], p_values[keep], absent[keep]
            respondents = respondents[keep]
            if per_respondent:
                points = points[keep]

    answered = (~absent).sum(axis=0)
    if (answered == 0).any():
        empty = (np.flatnonzero(answered == 0) + 1).tolist()
        raise ValueError(f"item(s) {empty}: no respondent answered both expectation and "
                         "perception, so no gap can be computed")
    gaps = p_values - e_values  # NaN where either answer is missing
    if absent.any():  # a missing pair counts for nothing: zero it, and count the answered pairs
        gaps[absent] = 0.0
        e_values = np.where(absent, 0.0, e_values)
        p_values = np.where(absent, 0.0, p_values)
    item_e, item_p = e_values.sum(axis=0) / answered, p_values.sum(axis=0) / answered
    item_gap = item_p - item_e

    dims = list(DIMENSIONS)
    # per respondent and dimension: mean of the answered item gaps (NaN when none answered).
    # The items of a dimension are consecutive, so np.add.reduceat sums each block of columns.
    starts = [n[0] - 1 for n in DIMENSIONS.values()]
    gap_sum = np.add.reduceat(gaps, starts, axis=1)
    if absent.any():
        gap_count = np.add.reduceat((~absent).astype(float), starts, axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            resp_dim = np.where(gap_count > 0, gap_sum / np.maximum(gap_count, 1), np.nan)
    else:
        resp_dim = gap_sum / np.array([len(n) for n in DIMENSIONS.values()], dtype=float)
    resp_unweighted = resp_dim.mean(axis=1)

    dim_gap = np.array([item_gap[list(np.array(n) - 1)].mean() for n in DIMENSIONS.values()])
    dim_e = np.array([item_e[list(np.array(n) - 1)].mean() for n in DIMENSIONS.values()])
    dim_p = np.array([item_p[list(np.array(n) - 1)].mean() for n in DIMENSIONS.values()])
    unweighted = float(dim_gap.mean())

    respondent_table = pd.DataFrame(resp_dim, index=respondents, columns=dims)
    respondent_table["unweighted"] = resp_unweighted
    weighted: float | None = None
    if points is None:
        table = priorities(pd.Series(dim_gap, index=dims))
    elif not per_respondent:
        table = priorities(pd.Series(dim_gap, index=dims), dict(zip(dims, points)))
        weighted = float(table["weighted_gap"].sum())
        respondent_table["weighted"] = resp_dim @ (points / _TOTAL_POINTS)
    else:
        contributions = resp_dim * points / _TOTAL_POINTS
        resp_weighted = contributions.sum(axis=1)  # NaN if a dimension is missing
        complete = ~np.isnan(resp_weighted)
        respondent_table["weighted"] = resp_weighted
        if complete.any():
            weighted = float(resp_weighted[complete].mean())
            contribution = contributions[complete].mean(axis=0)
        else:
            weighted, contribution = float("nan"), np.full(len(dims), np.nan)
        table = pd.DataFrame({"gap": dim_gap, "points": points.mean(axis=0),
                              "weighted_gap": contribution}, index=dims)
        table["priority"] = table["weighted_gap"].rank(method="min").astype(int)
    dimensions = pd.DataFrame({"expectation": dim_e, "perception": dim_p}, index=dims
                              ).join(table)
    dimensions.index.name = "dimension"
    respondent_table.index.name = respondents.name

    items = ITEMS[["dimension", "label"]].copy()
    items["expectation"], items["perception"], items["gap"] = item_e, item_p, item_gap
    items["answered"] = answered
    return ServqualResult(
        item_gaps=pd.Series(item_gap, index=pd.Index(range(1, N_ITEMS + 1), name="item"),
                            name="gap"),
        dimension_gaps=pd.Series(dim_gap, index=pd.Index(dims, name="dimension"), name="gap"),
        unweighted=unweighted, weighted=weighted, respondents=respondent_table, items=items,
        dimensions=dimensions, n_respondents=int(len(respondents)), scale=(low, high),
        missing=missing)


def priorities(dimension_gaps: Any, weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Rank the dimensions for improvement by importance × gap.

    Parameters
    ----------
    dimension_gaps : Series or mapping
        Gap (P − E) of each of the five dimensions, e.g. ``score(...).dimension_gaps``.
    weights : mapping, optional
        Importance points of the five dimensions adding up to 100; equal points (20 each) when
        omitted.

    Returns
    -------
    pandas.DataFrame
        Indexed by dimension: ``gap``, ``points``, ``weighted_gap`` (= points / 100 × gap; the
        column sums to the weighted score) and ``priority`` (1 = the largest weighted shortfall).

    Examples
    --------
    >>> gaps = {"tangibles": -0.9, "reliability": -1.1, "responsiveness": -1.4,
    ...         "assurance": -0.4, "empathy": -0.7}
    >>> priorities(gaps)["priority"].tolist()
    [3, 2, 1, 5, 4]
    >>> table = priorities(gaps, {"tangibles": 11, "reliability": 32, "responsiveness": 22,
    ...                           "assurance": 19, "empathy": 16})
    >>> table["priority"].tolist()
    [4, 1, 2, 5, 3]
    >>> round(float(table["weighted_gap"].sum()), 3)
    -0.947
    """
    dims = list(DIMENSIONS)
    if isinstance(dimension_gaps, pd.Series):
        dimension_gaps = dimension_gaps.to_dict()
    if not isinstance(dimension_gaps, Mapping):
        raise TypeError(f"dimension_gaps: expected the gap of each dimension as a Series or "
                        f"mapping, got {type(dimension_gaps).__name__}")
    missing = [d for d in dims if d not in dimension_gaps]
    extra = [d for d in dimension_gaps if d not in dims]
    if missing or extra:
        raise ValueError(f"dimension_gaps: expected exactly the dimensions {dims}; missing "
                         f"{missing}, unknown {extra}")
    gap = np.array([v.scalar(dimension_gaps[d], f"dimension_gaps[{d!r}]") for d in dims])
    if isinstance(weights, pd.DataFrame):
        raise TypeError("weights: give one allocation (a mapping of dimension -> points); "
                        "per-respondent allocations go to servqual.score")
    if weights is None:
        points = np.full(len(dims), _TOTAL_POINTS / len(dims))
    else:
        points, _ = _weights_for(weights, pd.Index([]))
    table = pd.DataFrame({"gap": gap, "points": points, "weighted_gap": points / 100.0 * gap},
                         index=pd.Index(dims, name="dimension"))
    table["priority"] = table["weighted_gap"].rank(method="min").astype(int)
    return table


def split_survey(survey: pd.DataFrame, expectation_prefix: str = "E",
                 perception_prefix: str = "P", weight_prefix: str | None = "imp_",
                 id_column: str | None = "respondent_id"
                 ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None]:
    """Split a one-row-per-respondent survey into expectations, perceptions and weights.

    Parameters
    ----------
    survey : pandas.DataFrame
        With columns ``E1``..``E22`` and ``P1``..``P22`` (prefixes configurable) and, optionally,
        ``imp_tangibles``..``imp_empathy`` (importance points).
    expectation_prefix, perception_prefix : str
        Prefixes of the expectation and perception columns.
    weight_prefix : str or None, default 'imp_'
        Prefix of the five importance columns; None to skip them.
    id_column : str or None, default 'respondent_id'
        Column to use as the index (respondent labels), if present.

    Returns
    -------
    (expectations, perceptions, weights)
        Two respondents × 22 frames with columns 1..22, and a respondents × 5 frame of points
        (None when ``weight_prefix`` is None or no importance columns exist).

    Examples
    --------
    >>> row = {"respondent_id": "G1", **{f"E{i}": 6 for i in range(1, 23)},
    ...        **{f"P{i}": 5 for i in range(1, 23)}}
    >>> E, P, W = split_survey(pd.DataFrame([row]))
    >>> E.shape, list(E.index), W is None
    ((1, 22), ['G1'], True)
    """
    if not isinstance(survey, pd.DataFrame):
        raise TypeError(f"survey: expected a DataFrame, got {type(survey).__name__}")
    for prefix, name in ((expectation_prefix, "expectation_prefix"),
                         (perception_prefix, "perception_prefix")):
        if not isinstance(prefix, str):
            raise TypeError(f"{name}: expected the text before the item number (e.g. 'E' for "
                            f"E1..E22), got {prefix!r}")
    if weight_prefix is not None and not isinstance(weight_prefix, str):
        raise TypeError(f"weight_prefix: expected text such as 'imp_' or None, got "
                        f"{weight_prefix!r}")
    frame = survey.set_index(id_column) if id_column and id_column in survey.columns else survey
    parts = []
    for prefix, name in ((expectation_prefix, "expectation"), (perception_prefix, "perception")):
        cols = [f"{prefix}{i}" for i in range(1, N_ITEMS + 1)]
        absent = [c for c in cols if c not in frame.columns]
        if absent:
            raise ValueError(f"survey: {name} column(s) {absent[:5]} are missing; expected "
                             f"{cols[0]}..{cols[-1]}")
        parts.append(frame[cols].set_axis(range(1, N_ITEMS + 1), axis=1))
    weights = None
    if weight_prefix is not None:
        cols = [f"{weight_prefix}{d}" for d in DIMENSIONS]
        if all(c in frame.columns for c in cols):
            weights = frame[cols].set_axis(list(DIMENSIONS), axis=1)
    return parts[0], parts[1], weights


# ---------------------------------------------------------------------------------------------
# the gaps model (Parasuraman, Zeithaml & Berry 1985)
# ---------------------------------------------------------------------------------------------

def _gaps_table() -> pd.DataFrame:
    rows = [
        (1, "listening gap", "倾听差距",
         "customers' expectations vs management's perception of them",
         "management does not know what guests expect: little research, few complaints heard, "
         "too many layers between managers and guests",
         "survey guests, read complaints, managers spend time at the front desk"),
        (2, "design gap", "设计差距",
         "management's perception vs service quality specifications",
         "what managers know is not turned into standards: no targets, vague procedures",
         "set measurable standards (check-in within 5 minutes, bills checked before check-out)"),
        (3, "performance gap", "传递差距",
         "specifications vs the service actually delivered",
         "staff cannot or will not meet the standards: training, tools, staffing, incentives",
         "train, equip and staff the front line; reward meeting the standard"),
        (4, "communication gap", "沟通差距",
         "service delivered vs what external communications promise",
         "advertising and sales promise more than operations deliver",
         "promise only what is delivered; tell guests what to expect"),
        (5, "service quality gap", "感知服务质量差距",
         "expected service vs perceived service (what SERVQUAL measures: Q = P − E)",
         "the sum of gaps 1-4, as the customer experiences it",
         "close gaps 1-4"),
    ]
    return pd.DataFrame(rows, columns=["gap", "name", "chinese", "between", "typical_causes",
                                       "remedy"]).set_index("gap")


#: The five gaps of the gaps model, with causes and remedies (in the hotel's terms).
GAPS: pd.DataFrame = _gaps_table()


# ---------------------------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------------------------

#: One colour per dimension (ColorBrewer Dark2, as the course's COLORS).
DIMENSION_COLORS = {"tangibles": "#7570b3", "reliability": "#d95f02",
                    "responsiveness": "#e7298a", "assurance": "#1b9e77", "empathy": "#66a61e"}


def _check_result(result: Any) -> ServqualResult:
    if not isinstance(result, ServqualResult):
        raise TypeError(f"result: expected the ServqualResult returned by servqual.score(), got "
                        f"{type(result).__name__}")
    return result


def plot_item_gaps(result: ServqualResult, ax: Any = None) -> Any:
    """Horizontal bars of the 22 item gaps (P − E), coloured by dimension, item 1 at the top.

    Parameters
    ----------
    result : ServqualResult
        The output of :func:`score`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new course-style figure (8 × 8 inches) when omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlib import plotting
    >>> E = pd.DataFrame(6.0, index=[0], columns=range(1, 23))
    >>> ax = plot_item_gaps(score(E, E - 1))
    >>> len(ax.patches), float(ax.patches[0].get_width())
    (22, -1.0)
    >>> plotting.close(ax.figure)
    """
    from matplotlib.patches import Patch

    from . import plotting

    result = _check_result(result)
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 8))
    items = result.items
    positions = np.arange(N_ITEMS)[::-1]  # item 1 on top
    colors = [DIMENSION_COLORS[d] for d in items["dimension"]]
    ax.barh(positions, items["gap"], color=colors, height=0.7)
    ax.set_yticks(positions, [f"{i} {lab}" for i, lab in zip(items.index, items["label"])],
                  fontsize=10)
    ax.axvline(0, color=plotting.COLORS["total"], lw=1)
    ax.grid(axis="y", visible=False)
    ax.set_axisbelow(True)
    low = min(0.0, float(items["gap"].min()))
    high = max(0.0, float(items["gap"].max()))
    pad = 0.1 * max(high - low, 0.5)
    ax.set_xlim(low - pad, high + pad)
    ax.set_xlabel("Gap: perception − expectation (P − E)")
    ax.set_title("SERVQUAL gap by item")
    handles = [Patch(color=c, label=d) for d, c in DIMENSION_COLORS.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=10)
    return ax


def plot_dimension_gaps(result: ServqualResult, ax: Any = None) -> Any:
    """Bars of the five dimension gaps, labelled with their values; with weights, a second bar
    per dimension shows its weighted contribution (points / 100 × gap).

    Examples
    --------
    >>> from crmlib import plotting
    >>> E = pd.DataFrame(6.0, index=[0], columns=range(1, 23))
    >>> ax = plot_dimension_gaps(score(E, E - 1))
    >>> [round(float(b.get_height()), 2) for b in ax.patches]
    [-1.0, -1.0, -1.0, -1.0, -1.0]
    >>> plotting.close(ax.figure)
    """
    from matplotlib.patches import Patch

    from . import plotting

    result = _check_result(result)
    if ax is None:
        _, ax = plotting.new_figure()
    dims = result.dimensions
    x = np.arange(len(dims))
    weighted = result.weighted is not None
    width = 0.4 if weighted else 0.6
    colors = [DIMENSION_COLORS[d] for d in dims.index]
    bars = ax.bar(x - (width / 2 if weighted else 0), dims["gap"], width=width, color=colors)
    ax.bar_label(bars, labels=[f"{g:+.2f}" for g in dims["gap"]], padding=3, fontsize=10)
    if weighted:
        wbars = ax.bar(x + width / 2, dims["weighted_gap"], width=width, color=colors, alpha=0.45,
                       hatch="//", edgecolor="white")
        ax.bar_label(wbars, labels=[f"{g:+.2f}" for g in dims["weighted_gap"]], padding=3,
                     fontsize=10)
        grey = plotting.COLORS["muted"]
        ax.legend(handles=[Patch(facecolor=grey, label="gap (P − E)"),
                           Patch(facecolor=grey, alpha=0.45, hatch="//", edgecolor="white",
                                 label="weighted gap: points/100 × gap")],
                  loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
    ax.axhline(0, color=plotting.COLORS["total"], lw=1)
    ax.set_xticks(x, dims.index)
    values = np.concatenate([dims["gap"].to_numpy(),
                             dims["weighted_gap"].to_numpy() if weighted else []])
    low, high = min(0.0, float(np.nanmin(values))), max(0.0, float(np.nanmax(values)))
    pad = 0.15 * max(high - low, 0.5)
    ax.set_ylim(low - pad, high + pad)
    ax.set_axisbelow(True)
    ax.set_ylabel("Gap: P − E")
    ax.set_title("SERVQUAL gap by dimension" + (", unweighted and weighted" if weighted else ""))
    return ax


def plot_radar(result: ServqualResult, ax: Any = None) -> Any:
    """Radar (spider) chart of mean expectation and perception by dimension.

    The axes must be polar; a new polar figure is made when ``ax`` is omitted.

    Examples
    --------
    >>> from crmlib import plotting
    >>> E = pd.DataFrame(6.0, index=[0], columns=range(1, 23))
    >>> ax = plot_radar(score(E, E - 1))
    >>> ax.name, [line.get_label() for line in ax.get_lines()]
    ('polar', ['expectation (E)', 'perception (P)'])
    >>> plotting.close(ax.figure)
    """
    from . import plotting

    result = _check_result(result)
    if ax is None:
        _, ax = plotting.new_figure(figsize=(7, 6.5), subplot_kw={"projection": "polar"})
    elif getattr(ax, "name", "") != "polar":
        raise ValueError("ax: a radar chart needs polar axes, e.g. "
                         "plotting.new_figure(subplot_kw={'projection': 'polar'})")
    dims = result.dimensions
    angles = np.linspace(0, 2 * np.pi, len(dims), endpoint=False)
    closed = np.append(angles, angles[0])
    for column, color, label in (("expectation", plotting.COLORS["neutral"], "expectation (E)"),
                                 ("perception", plotting.COLORS["bad"], "perception (P)")):
        values = np.append(dims[column].to_numpy(), dims[column].iloc[0])
        ax.plot(closed, values, color=color, lw=2, marker="o", label=label)
        ax.fill(closed, values, color=color, alpha=0.12)
    ax.set_theta_offset(np.pi / 2)   # first dimension at the top, then clockwise
    ax.set_theta_direction(-1)
    ax.set_xticks(angles, dims.index)
    ax.tick_params(axis="x", pad=12)
    ax.set_ylim(result.scale[0], result.scale[1])
    ax.set_rlabel_position(180 / len(dims))  # radial labels between the first two axes
    ax.tick_params(axis="y", labelsize=10, labelcolor=plotting.COLORS["muted"])
    ax.set_title("Expectation vs perception by dimension", pad=28)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2)
    return ax


def plot_gaps_model(ax: Any = None) -> Any:
    """The gaps model of service quality (Parasuraman, Zeithaml & Berry 1985) as a diagram.

    Boxes for the consumer's side (word of mouth, personal needs, past experience, expected and
    perceived service) and the firm's side (management's perception of expectations, service
    specifications, service delivery, external communications), with the five gaps marked.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.gap_labels`` lists the gap annotations drawn ("GAP 1" ... "GAP 5").

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_gaps_model()
    >>> sorted(t.get_text().split(":")[0] for t in ax.texts if t.get_text().startswith("GAP"))
    ['GAP 1', 'GAP 2', 'GAP 3', 'GAP 4', 'GAP 5']
    >>> plotting.close(ax.figure)
    """
    from matplotlib.patches import FancyBboxPatch

    from . import plotting

    if ax is None:
        _, ax = plotting.new_figure(figsize=(10, 9))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.axis("off")
    box_color = {"consumer": "#e8e6f4", "firm": "#fde9dc"}
    edge = plotting.COLORS["total"]

    def box(x: float, y: float, w: float, h: float, text: str, side: str) -> None:
        ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h,
                                    boxstyle="round,pad=0.02,rounding_size=0.15",
                                    fc=box_color[side], ec=edge, lw=1.2))
        ax.text(x, y, text, ha="center", va="center", fontsize=10.5)

    def arrow(x0: float, y0: float, x1: float, y1: float, style: str = "-|>",
              ls: str = "-") -> None:
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops={"arrowstyle": style, "color": edge, "lw": 1.3, "ls": ls,
                                "shrinkA": 0, "shrinkB": 0})

    def gap(x: float, y: float, text: str, ha: str = "left") -> None:
        ax.text(x, y, text, ha=ha, va="center", fontsize=10.5, fontweight="bold",
                color=plotting.COLORS["bad"])

    # consumer side (top)
    ax.text(0.1, 9.75, "CONSUMER", fontsize=12, fontweight="bold", color=edge)
    box(2.0, 9.2, 2.6, 0.7, "Word-of-mouth\ncommunications", "consumer")
    box(4.9, 9.2, 2.2, 0.7, "Personal needs", "consumer")
    box(7.7, 9.2, 2.4, 0.7, "Past experience", "consumer")
    box(4.9, 7.8, 3.0, 0.7, "Expected service", "consumer")
    box(4.9, 6.3, 3.0, 0.7, "Perceived service", "consumer")
    for x in (2.0, 4.9, 7.7):
        arrow(x, 8.85, 4.9 + (x - 4.9) * 0.35, 8.15)
    # the line between the two sides
    ax.plot([0.1, 9.9], [5.55, 5.55], ls="--", color=plotting.COLORS["muted"], lw=1.2)
    ax.text(0.1, 5.2, "FIRM (MARKETER)", fontsize=12, fontweight="bold", color=edge)
    # firm side (bottom)
    box(4.9, 4.3, 3.6, 0.8, "Service delivery\n(including pre- and post-contacts)", "firm")
    box(8.4, 4.3, 2.6, 0.8, "External\ncommunications\nto consumers", "firm")
    box(4.9, 2.6, 3.6, 0.8, "Translation of perceptions\ninto service quality specs", "firm")
    box(4.9, 0.9, 3.6, 0.8, "Management perceptions\nof consumer expectations", "firm")
    arrow(4.9, 1.3, 4.9, 2.2)                     # perceptions -> specs
    arrow(4.9, 3.0, 4.9, 3.9)                     # specs -> delivery
    arrow(4.9, 4.7, 4.9, 5.95)                    # delivery -> perceived service
    ax.plot([8.4, 8.4], [4.7, 7.8], color=edge, lw=1.3)  # communications -> expected service
    arrow(8.4, 7.8, 6.4, 7.8)
    arrow(6.7, 4.3, 7.1, 4.3, style="<|-|>", ls="--")   # gap 4: delivery vs communications
    # gap 1: a dashed double arrow from management perceptions round to expected service
    ax.plot([2.2, 2.2], [0.9, 7.8], color=edge, lw=1.3, ls="--")
    arrow(2.2, 0.9, 3.1, 0.9, ls="--")
    arrow(2.2, 7.8, 3.4, 7.8, ls="--")
    arrow(4.9, 7.45, 4.9, 6.65, style="<|-|>", ls="--")  # gap 5
    gap(0.15, 4.3, "GAP 1:\nlistening")
    gap(4.75, 1.75, "GAP 2: design", ha="right")
    gap(4.75, 3.45, "GAP 3: performance", ha="right")
    gap(7.0, 3.55, "GAP 4: communication", ha="center")
    gap(5.1, 7.05, "GAP 5: service quality\n(Q = P − E, measured\nby SERVQUAL)")
    ax.set_title("The gaps model of service quality")
    ax.gap_labels = [t.get_text() for t in ax.texts if t.get_text().startswith("GAP")]
    return ax


# ---------------------------------------------------------------------------------------------
# widget
# ---------------------------------------------------------------------------------------------


def weights_widget(expectations: pd.DataFrame, perceptions: pd.DataFrame, weights: Any = None,
                   scale: tuple[float, float] = (1, 7), missing: str = "pairwise") -> Any:
    """An interactive panel: one slider of importance points per dimension; the weighted score,
    the priority ranking and a bar chart of weighted shortfalls follow the sliders.

    The sliders need not add up to 100: the panel rescales them to 100 points (so 2, 1, 1, 1, 1
    means 33.3, 16.7, ...), shows the rescaled points and weights the survey's dimension gaps
    with them.

    Parameters
    ----------
    expectations, perceptions, scale, missing
        As for :func:`score`; the gaps are computed once.
    weights : mapping or DataFrame, optional
        Starting points: one allocation, or per-respondent allocations (the sliders start at
        their means, rounded). Equal points (20 each) when omitted.

    Returns
    -------
    ipywidgets.VBox
        The panel; ``panel.sliders`` maps each dimension to its slider and ``panel.output`` holds
        the printed score and ranking and the chart.

    Examples
    --------
    >>> E = pd.DataFrame(6.0, index=[0], columns=range(1, 23))
    >>> P = E - 1
    >>> P[[10, 11, 12, 13]] = 3.0
    >>> panel = weights_widget(E, P)
    >>> panel.output.outputs[0]["text"].splitlines()[0]
    'Weighted score -1.40 (unweighted -1.40); first priority: responsiveness'
    >>> panel.sliders["responsiveness"].value = 60
    >>> panel.output.outputs[0]["text"].splitlines()[0]
    'Weighted score -1.86 (unweighted -1.40); first priority: responsiveness'
    """
    from . import plotting, widgets

    base = score(expectations, perceptions, weights=weights, scale=scale, missing=missing)
    gaps = base.dimension_gaps
    start = (base.dimensions["points"].round().astype(int) if weights is not None
             else pd.Series(20, index=gaps.index))
    sliders = {d: widgets.slider(d, int(start[d]), 0, 100, integer=True) for d in gaps.index}

    def render(values: dict[str, Any]) -> tuple[str, Any]:
        raw = np.array([values[d] for d in gaps.index], dtype=float)
        if raw.sum() == 0:
            return "Give at least one dimension some points.", None
        points = dict(zip(gaps.index, raw / raw.sum() * _TOTAL_POINTS))
        table = priorities(gaps, points)
        first = table["priority"].idxmin()
        text = (f"Weighted score {table['weighted_gap'].sum():+.2f} (unweighted "
                f"{base.unweighted:+.2f}); first priority: {first}\n"
                + table.sort_values("priority").round(2).to_string() + "\n")
        fig, ax = plotting.new_figure(figsize=(8, 4))
        ordered = table.sort_values("priority")
        ax.barh(ordered.index[::-1], ordered["weighted_gap"][::-1],
                color=[DIMENSION_COLORS[d] for d in ordered.index[::-1]])
        ax.axvline(0, color=plotting.COLORS["total"], lw=1)
        ax.set_xlabel("Weighted shortfall: points/100 × (P − E)")
        ax.set_title("Priorities for improvement (top = first)")
        ax.set_axisbelow(True)
        return text, fig

    return widgets.panel(sliders, render, "SERVQUAL priorities")
