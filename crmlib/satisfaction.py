"""Customer satisfaction (客户满意): the expectation–performance model, satisfaction levels and
metrics, survey reliability (Cronbach's alpha), the weighted satisfaction index CSD,
importance–performance analysis (IPA), the national satisfaction index models (SCSB, ACSI,
CCSI) drawn as path diagrams, and teaching tables of the chain of satisfaction, the drivers of
satisfaction and the misconceptions of satisfaction surveys.

Satisfaction is a comparison: what the customer expected before buying (期望) against what they
perceived afterwards (实绩, perceived performance). A survey measures both, a reliability check
says whether the questions measure one thing, an index adds the answers up with weights, and an
importance–performance map says what to improve first.

>>> float(disconfirmation(4.0, 3.0))
-1.0
>>> satisfaction_level([-1.0, 0.2, 0.8]).tolist()
['dissatisfied', 'satisfied', 'delighted']
>>> round(cronbach_alpha(pd.DataFrame({"a": [4, 2, 5, 3], "b": [5, 3, 4, 2],
...                                    "c": [4, 3, 5, 2]})).alpha, 4)
0.8919

References
----------
Kotler, P. & Keller, K. L. (2016). *Marketing Management* (15th ed.). Pearson (satisfaction as
performance against expectations).
Oliver, R. L. (1980). A cognitive model of the antecedents and consequences of satisfaction
decisions. *Journal of Marketing Research*, 17(4), 460-469 (expectancy disconfirmation).
Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. *Psychometrika*,
16(3), 297-334.
Martilla, J. A. & James, J. C. (1977). Importance-performance analysis. *Journal of Marketing*,
41(1), 77-79.
Fornell, C. (1992). A national customer satisfaction barometer: the Swedish experience.
*Journal of Marketing*, 56(1), 6-21.
Fornell, C., Johnson, M. D., Anderson, E. W., Cha, J. & Bryant, B. E. (1996). The American
Customer Satisfaction Index: nature, purpose, and findings. *Journal of Marketing*, 60(4), 7-18.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v
from .index import Indicator, flatten_weights, minmax, weighted_index

__all__ = [
    # concepts and teaching tables
    "SATISFACTION_STATES", "disconfirmation", "satisfaction_level", "satisfaction_levels",
    "satisfaction_metrics", "plot_satisfaction_levels",
    # the supermarket survey
    "SUPERMARKET_FACTORS", "supermarket_factors", "columns_with_prefix", "factor_scores",
    "expectation_performance", "plot_expectation_performance",
    # reliability
    "Reliability", "cronbach_alpha", "alpha_rating", "reliability_table", "plot_alpha_if_deleted",
    # the weighted satisfaction index CSD
    "importance_weights", "csd_system", "csd", "csd_summary", "plot_csd", "csd_widget",
    # importance-performance analysis
    "IPA_QUADRANTS", "ipa", "plot_ipa", "derived_importance",
    # national index models
    "IndexModel", "INDEX_CONSTRUCTS", "INDEX_MODELS", "index_constructs", "index_model",
    "index_models_table", "plot_index_model",
    # the chain of satisfaction, its drivers, satisfaction surveys
    "IPA_QUADRANTS_ZH", "SATISFACTION_CHAIN", "satisfaction_chain", "chain_evidence",
    "plot_satisfaction_chain", "SATISFACTION_DRIVERS", "satisfaction_drivers",
    "survey_misconceptions",
]

_MISSING_ALPHA = ("listwise", "pairwise", "raise")
_MISSING_CSD = ("listwise", "reweight", "raise")
_MISSING_FACTOR = ("available", "complete")


# ---------------------------------------------------------------------------------------------
# Shared input handling
# ---------------------------------------------------------------------------------------------

def _check_option(value: Any, name: str, options: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name}: expected one of {list(options)}, got {value!r}")
    return value


def _numeric_frame(frame: Any, name: str, what: str = "one row per respondent and one column "
                                                      "per item") -> pd.DataFrame:
    """A DataFrame of float columns (NaN for missing answers), or a clear error.

    Nullable integers (``Int64`` with ``<NA>``) become floats with NaN; text that is not a
    number is a TypeError naming the column, the respondent and the value.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name}: expected a DataFrame with {what}, got {type(frame).__name__}")
    if frame.shape[1] == 0:
        raise ValueError(f"{name}: has no columns; expected {what}")
    if frame.shape[0] == 0:
        raise ValueError(f"{name}: has no rows; expected {what}")
    if frame.columns.duplicated().any():
        dup = sorted({str(c) for c in frame.columns[frame.columns.duplicated()]})
        raise ValueError(f"{name}: duplicate column name(s) {dup}; give each column its own name")
    out = {}
    for col in frame.columns:
        series = frame[col]
        if pd.api.types.is_bool_dtype(series.dtype) or pd.api.types.is_numeric_dtype(series.dtype):
            values = series.to_numpy(dtype=float, na_value=np.nan)
        else:
            converted = pd.to_numeric(series, errors="coerce")
            bad = (converted.isna() & series.notna()).to_numpy()
            if bad.any():
                first = np.flatnonzero(bad)[0]
                raise TypeError(f"{name}[{col!r}]: non-numeric answer {series.iloc[first]!r} "
                                f"{v.describe_positions(bad, frame.index)}; expected numbers "
                                "(code the answers, e.g. 1-5)")
            values = converted.to_numpy(dtype=float, na_value=np.nan)
        if np.isinf(values).any():
            raise ValueError(f"{name}[{col!r}]: infinite value "
                             f"{v.describe_positions(np.isinf(values), frame.index)}")
        out[col] = values
    return pd.DataFrame(out, index=frame.index)


def _means(values: Any, name: str) -> pd.Series:
    """Attribute means: column means of a respondents x attributes DataFrame (missing answers
    left out), or a Series / mapping of means given directly."""
    if isinstance(values, pd.DataFrame):
        frame = _numeric_frame(values, name, "one row per respondent and one column per attribute")
        counts = frame.notna().sum()
        if (counts == 0).any():
            empty = list(counts.index[counts == 0])
            raise ValueError(f"{name}: column(s) {empty} have no answers at all")
        return frame.sum() / counts
    if isinstance(values, Mapping):
        values = pd.Series(dict(values))
    if not isinstance(values, pd.Series):
        raise TypeError(f"{name}: expected a DataFrame (respondents x attributes) or a Series / "
                        f"dict of attribute means, got {type(values).__name__}")
    arr = v.as_float_array(values, name)
    if values.index.duplicated().any():
        raise ValueError(f"{name}: duplicate attribute label(s) "
                         f"{sorted({str(i) for i in values.index[values.index.duplicated()]})}")
    return pd.Series(arr, index=values.index, name=values.name)


def _paired_labels(first: pd.Series, second: pd.Series, names: tuple[str, str]) -> pd.Series:
    """``second`` in ``first``'s label order; both must have the same labels."""
    if set(first.index) != set(second.index):
        only1 = [str(x) for x in first.index if x not in set(second.index)]
        only2 = [str(x) for x in second.index if x not in set(first.index)]
        raise ValueError(f"{names[0]} and {names[1]} must cover the same attributes; only in "
                         f"{names[0]}: {only1}, only in {names[1]}: {only2}")
    return second.reindex(first.index)


# ---------------------------------------------------------------------------------------------
# The expectation-performance (disconfirmation) model (003 ch.3; Oliver 1980; Kotler)
# ---------------------------------------------------------------------------------------------

#: Kotler's three states, from performance below expectations to performance above them.
SATISFACTION_STATES = ("dissatisfied", "satisfied", "delighted")


def disconfirmation(expectation, performance):
    """The disconfirmation gap: perceived performance minus expectation, ``P - E``.

    Negative: performance fell short of what the customer expected (negative disconfirmation,
    satisfaction falls); positive: it exceeded expectations (satisfaction rises). Both must be
    on the same scale (e.g. 1-5 with 5 best).

    Parameters
    ----------
    expectation, performance : number, array-like, Series or DataFrame
        The same shape. Two DataFrames must have the same columns and index (one row per
        respondent, one column per attribute); missing answers give a missing gap.

    Returns
    -------
    float for two numbers; a Series / DataFrame like the input; an array otherwise.

    Examples
    --------
    >>> float(disconfirmation(4, 3.5))
    -0.5
    >>> disconfirmation([3, 4], [4, 4]).tolist()
    [1.0, 0.0]
    """
    if isinstance(expectation, pd.DataFrame) or isinstance(performance, pd.DataFrame):
        if not (isinstance(expectation, pd.DataFrame) and isinstance(performance, pd.DataFrame)):
            raise TypeError("expectation and performance: give two DataFrames or neither")
        e = _numeric_frame(expectation, "expectation")
        p = _numeric_frame(performance, "performance")
        if list(e.columns) != list(p.columns) or not e.index.equals(p.index):
            raise ValueError("expectation and performance: the DataFrames must have the same "
                             f"columns and index; got columns {list(e.columns)} and "
                             f"{list(p.columns)}")
        return p - e
    e = v.as_float_array(expectation, "expectation")
    p = v.as_float_array(performance, "performance")
    if e.shape != p.shape:
        raise ValueError(f"expectation and performance must have the same length, got {e.size} "
                         f"and {p.size}")
    if (isinstance(expectation, pd.Series) and isinstance(performance, pd.Series)
            and not expectation.index.equals(performance.index)):
        raise ValueError("expectation and performance are Series with different indexes; "
                         "align them first")
    gap = p - e
    if np.ndim(expectation) == 0 and np.ndim(performance) == 0:
        return np.float64(gap)
    for s in (performance, expectation):
        if isinstance(s, pd.Series):
            return pd.Series(gap, index=s.index, name="gap")
    return gap


def satisfaction_level(gap, tolerance: float = 0.5):
    """Kotler's three states from a disconfirmation gap ``P - E``.

    ============================  ==================  =====================================
    gap                           state               meaning
    ============================  ==================  =====================================
    ``gap < -tolerance``          ``"dissatisfied"``  performance fell short (不满意)
    ``-tolerance <= gap <= tol``  ``"satisfied"``     performance matched (满意)
    ``gap > tolerance``           ``"delighted"``     performance exceeded (很满意, 惊喜)
    ============================  ==================  =====================================

    Textbooks say only "below", "equal to" and "above" expectations. On a rating scale an
    exact tie is rare, so ``tolerance`` is the band that counts as *matching* (the course's
    choice: half a point of a 1-5 scale); ``tolerance=0`` gives the literal reading.

    Parameters
    ----------
    gap : number, array-like or Series (from :func:`disconfirmation`)
    tolerance : float, default 0.5
        Half-width of the band of gaps that count as meeting expectations (>= 0).

    Returns
    -------
    str for a number; a categorical Series (same index) for a Series; an object array otherwise.

    Examples
    --------
    >>> satisfaction_level(-0.5)
    'satisfied'
    >>> satisfaction_level(-0.5, tolerance=0)
    'dissatisfied'
    """
    tol = v.non_negative(tolerance, "tolerance")
    values = v.as_float_array(gap, "gap")
    code = np.where(values < -tol, 0, np.where(values > tol, 2, 1))
    if np.ndim(gap) == 0:
        return SATISFACTION_STATES[int(code)]
    if isinstance(gap, pd.Series):
        return pd.Series(pd.Categorical.from_codes(code, categories=list(SATISFACTION_STATES),
                                                   ordered=True), index=gap.index, name="level")
    return np.asarray(SATISFACTION_STATES, dtype=object)[code]


def satisfaction_levels() -> pd.DataFrame:
    """The seven satisfaction levels (满意度级别) of Chinese CRM textbooks as a teaching table,
    with the score each gets on a 7-point scale and the feelings and behaviour typical of it.

    The level names are the textbooks'; the descriptions are the course's own summary.

    >>> satisfaction_levels().loc[7, "chinese"]
    '很满意'
    >>> satisfaction_levels()["level"].tolist()[:2]
    ['very dissatisfied', 'dissatisfied']
    """
    rows = [
        (1, "very dissatisfied", "很不满意", "indignant, angry",
         "complains, warns others, may never come back"),
        (2, "dissatisfied", "不满意", "annoyed, irritated",
         "complains or quietly looks for another supplier"),
        (3, "somewhat dissatisfied", "不太满意", "disappointed, regretful",
         "grumbles; stays for now but watches the alternatives"),
        (4, "neutral", "一般", "no clear feeling either way",
         "buys out of habit; easily tempted away"),
        (5, "somewhat satisfied", "较满意", "approving, positive",
         "returns; mentions the firm if asked"),
        (6, "satisfied", "满意", "pleased, content",
         "returns regularly; speaks well of the firm"),
        (7, "very satisfied", "很满意", "delighted, grateful",
         "recommends the firm unprompted; forgives mistakes"),
    ]
    return pd.DataFrame(rows, columns=["score", "level", "chinese", "feelings", "behaviour"]
                        ).set_index("score")


def satisfaction_metrics() -> pd.DataFrame:
    """The seven satisfaction metrics common in Chinese CRM textbooks (客户满意的衡量指标) as a
    teaching table: what each measures, a way to compute it, and which direction is better.

    Textbooks usually give only the names; the measures are the course's reading.

    >>> satisfaction_metrics().index.tolist()[:3]
    ['reputation', 'name recall', 'return rate']
    >>> satisfaction_metrics().loc["complaint rate", "better"]
    'lower'
    """
    rows = [
        ("reputation", "美誉度", "how well people speak of the firm",
         "share of people who rate the firm's reputation good (4-5 of 5)", "higher"),
        ("name recall", "指名度", "whether customers name the firm first, unprompted",
         "share who name the firm first when asked for a store of its kind", "higher"),
        ("return rate", "回头率", "whether customers come back",
         "share of customers who buy again (or intend to) within a period", "higher"),
        ("complaint rate", "投诉率", "how often customers complain",
         "complaints / customers (or / transactions) in a period", "lower"),
        ("spend per transaction", "单交易购买额", "how much customers buy at a time",
         "revenue / number of transactions", "higher"),
        ("price sensitivity", "价格变化的敏感度", "how easily a price change drives customers away",
         "share who would switch for a small price difference", "lower"),
        ("referral rate", "向其他人员的推荐率", "whether customers recommend the firm",
         "share of customers who recommended the firm in a period", "higher"),
    ]
    return pd.DataFrame(rows, columns=["metric", "chinese", "measures", "how_to_compute",
                                       "better"]).set_index("metric")


def plot_satisfaction_levels(scores, ax=None):
    """Bar chart of answers on the seven-level satisfaction scale (1-7), coloured from
    dissatisfied to satisfied, with the share of respondents on each bar. Returns the Axes.

    >>> ax = plot_satisfaction_levels([7, 6, 6, 2])
    >>> len(ax.patches)
    7
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    values = v.as_float_array(scores, "scores")
    bad = (values < 1) | (values > 7) | (values != np.round(values))
    if bad.any():
        raise ValueError(f"scores: expected whole numbers 1-7 (the seven levels), got "
                         f"{values[bad][0]:g} {v.describe_positions(bad)}")
    counts = np.bincount(values.astype(int), minlength=8)[1:]
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 5))
    c = plotting.COLORS
    colors = [c["bad"]] * 3 + [c["muted"]] + [c["good"]] * 3
    labels = [lvl.replace(" ", "\n", 1) if lvl.startswith("somewhat") or lvl.startswith("very")
              else lvl for lvl in satisfaction_levels()["level"]]
    bars = ax.bar(range(1, 8), counts, color=colors, alpha=0.85)
    ax.bar_label(bars, labels=[f"{n / counts.sum():.0%}" for n in counts], padding=2)
    ax.set_xticks(range(1, 8), labels, fontsize=10)
    ax.set_ylim(0, counts.max() * 1.15)
    ax.set_axisbelow(True)
    ax.set(ylabel="Respondents", title="Overall satisfaction on the seven-level scale")
    return ax


# ---------------------------------------------------------------------------------------------
# The supermarket case (000): six expectation factors
# ---------------------------------------------------------------------------------------------

#: The six factors of the lesson plan's supermarket case and the survey items measuring each
#: (columns of the ``supermarket_satisfaction`` data set).
SUPERMARKET_FACTORS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "price": ("price_1", "price_2", "price_3"),
    "convenience": ("conv_1", "conv_2", "conv_3"),
    "assortment": ("assort_1", "assort_2", "assort_3"),
    "features": ("feat_1", "feat_2", "feat_3"),
    "environment": ("env_1", "env_2", "env_3", "env_4"),
    "service": ("serv_1", "serv_2", "serv_3", "serv_4"),
})


def supermarket_factors() -> pd.DataFrame:
    """The lesson plan's six things shoppers expect of a store (顾客对卖场的期望), with the way
    to raise satisfaction on each that the case names, and the survey items that measure it.

    The case lists five improvement methods for six factors (none for the environment); the
    course adds one, marked "(course)".

    >>> supermarket_factors().loc["service", "chinese"]
    '优质服务'
    >>> supermarket_factors()["items"].str.count(",").add(1).tolist()
    [3, 3, 3, 3, 4, 4]
    """
    rows = [
        ("price", "价格低廉", "low prices", "build a price advantage (打造优势价格体系)"),
        ("convenience", "交通便利", "easy to reach, park, and shop at convenient hours",
         "convenient transport and access (提供便利的交通设施)"),
        ("assortment", "商品充足", "a full, well-stocked range of goods",
         "offer good, well-stocked products (提供优质的商品)"),
        ("features", "店内特色", "something special that other stores do not offer",
         "give the store a character of its own (打造卖场特色)"),
        ("environment", "购物环境", "a clean, pleasant, easy-to-navigate store",
         "(course) keep the store clean, clear and uncrowded"),
        ("service", "优质服务", "friendly, helpful, quick service",
         "provide high-quality service (提供优质服务)"),
    ]
    table = pd.DataFrame(rows, columns=["factor", "chinese", "customers_expect", "how_to_improve"])
    table["items"] = [", ".join(SUPERMARKET_FACTORS[f]) for f in table["factor"]]
    return table.set_index("factor")


def columns_with_prefix(frame: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """The columns of ``frame`` whose names start with ``prefix``, renamed without it: e.g. the
    importance ratings ``imp_price, imp_service, ...`` as ``price, service, ...``.

    >>> df = pd.DataFrame({"id": [1], "imp_price": [5], "imp_service": [4]})
    >>> columns_with_prefix(df, "imp_").columns.tolist()
    ['price', 'service']
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame: expected a DataFrame, got {type(frame).__name__}")
    if not isinstance(prefix, str) or not prefix:
        raise TypeError(f"prefix: expected a non-empty text such as 'imp_', got {prefix!r}")
    cols = [c for c in frame.columns if isinstance(c, str) and c.startswith(prefix)
            and len(c) > len(prefix)]
    if not cols:
        raise ValueError(f"frame: no column starts with {prefix!r}; it has {list(frame.columns)}")
    return frame[cols].rename(columns=lambda c: c[len(prefix):])


def _factor_map(factors: Any, columns: pd.Index, name: str = "factors") -> dict[str, list[str]]:
    if not isinstance(factors, Mapping) or not factors:
        raise TypeError(f"{name}: expected a non-empty mapping {{factor: [item columns]}}, "
                        f"got {type(factors).__name__}")
    clean: dict[str, list[str]] = {}
    for factor, cols in factors.items():
        if isinstance(cols, str) or not isinstance(cols, Sequence) or len(cols) == 0:
            raise TypeError(f"{name}[{factor!r}]: expected a list of item columns, got {cols!r}")
        missing = [c for c in cols if c not in columns]
        if missing:
            raise ValueError(f"{name}[{factor!r}]: column(s) {missing} not in the data; it has "
                             f"{list(columns)}")
        clean[str(factor)] = list(cols)
    return clean


def factor_scores(items: pd.DataFrame, factors: Mapping[str, Sequence[str]] = SUPERMARKET_FACTORS,
                  missing: str = "available") -> pd.DataFrame:
    """Each respondent's score on each factor: the mean of that factor's items.

    Parameters
    ----------
    items : DataFrame, one row per respondent, holding every item column of ``factors``
    factors : ``{factor: [item columns]}``; default the supermarket survey's six factors
    missing : {"available", "complete"}, default "available"
        ``"available"``: the mean of the items the respondent answered (missing only if they
        answered none of the factor's items). ``"complete"``: missing unless every item of the
        factor was answered.

    Returns
    -------
    DataFrame indexed like ``items``, one column per factor (NaN where no score).

    >>> df = pd.DataFrame({"a1": [4, 5], "a2": [2, None], "b1": [3, 3]})
    >>> factor_scores(df, {"a": ["a1", "a2"], "b": ["b1"]}).to_dict("list")
    {'a': [3.0, 5.0], 'b': [3.0, 3.0]}
    >>> factor_scores(df, {"a": ["a1", "a2"]}, missing="complete")["a"].tolist()
    [3.0, nan]
    """
    _check_option(missing, "missing", _MISSING_FACTOR)
    if not isinstance(items, pd.DataFrame):
        raise TypeError(f"items: expected a DataFrame with one row per respondent, "
                        f"got {type(items).__name__}")
    fmap = _factor_map(factors, items.columns)
    needed = list(dict.fromkeys(c for cols in fmap.values() for c in cols))
    frame = _numeric_frame(items[needed], "items")
    out = {}
    for factor, cols in fmap.items():
        x = frame[cols].to_numpy()
        answered = ~np.isnan(x)
        n = answered.sum(axis=1)
        total = np.where(answered, x, 0.0).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            score = total / n
        keep = n == len(cols) if missing == "complete" else n > 0
        out[factor] = np.where(keep, score, np.nan)
    return pd.DataFrame(out, index=items.index)


def expectation_performance(expectation: pd.DataFrame, performance: pd.DataFrame,
                            tolerance: float = 0.5) -> pd.DataFrame:
    """The expectation-performance model by attribute: mean expectation, mean performance,
    mean gap ``P - E``, Kotler's state for that mean gap, and the share of respondents whose own
    gap is below ``-tolerance`` (individually dissatisfied).

    Parameters
    ----------
    expectation, performance : DataFrames with one row per respondent and the same attribute
        columns and index, on the same scale. A respondent missing either answer for an
        attribute is left out of that attribute's figures (``n`` counts who is in).
    tolerance : float, default 0.5 (see :func:`satisfaction_level`)

    >>> e = pd.DataFrame({"price": [4, 4], "service": [3, 4]})
    >>> p = pd.DataFrame({"price": [3, 3], "service": [4, 5]})
    >>> expectation_performance(e, p)[["gap", "level", "share_dissatisfied"]]
             gap         level  share_dissatisfied
    price   -1.0  dissatisfied                 1.0
    service  1.0     delighted                 0.0
    """
    gaps = disconfirmation(expectation, performance)
    e = _numeric_frame(expectation, "expectation")
    p = _numeric_frame(performance, "performance")
    both = gaps.notna()
    n = both.sum()
    if (n == 0).any():
        raise ValueError(f"expectation and performance: no respondent answered both for "
                         f"{list(n.index[n == 0])}")
    tol = v.non_negative(tolerance, "tolerance")
    table = pd.DataFrame({
        "n": n.astype("int64"),
        "expectation": e.where(both).sum() / n,
        "performance": p.where(both).sum() / n,
    })
    table["gap"] = table["performance"] - table["expectation"]
    table["level"] = satisfaction_level(table["gap"], tolerance=tol)
    table["share_dissatisfied"] = (gaps < -tol).sum() / n
    table.index.name = None
    return table


def plot_expectation_performance(table: pd.DataFrame, ax=None):
    """A dumbbell chart of :func:`expectation_performance`: for each attribute a hollow marker
    at the mean expectation, a filled one at the mean performance, joined by a line coloured by
    the sign of the gap. Returns the Axes.

    >>> t = expectation_performance(pd.DataFrame({"a": [4.0]}), pd.DataFrame({"a": [3.0]}))
    >>> ax = plot_expectation_performance(t)
    >>> ax.get_xlabel()
    'Mean rating (1-5)'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    if not isinstance(table, pd.DataFrame) or not {"expectation", "performance", "gap"} <= set(
            table.columns):
        raise TypeError("table: expected the DataFrame returned by expectation_performance()")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 0.6 * len(table) + 2))
    c = plotting.COLORS
    order = table.sort_values("gap")
    y = np.arange(len(order))
    for yi, (name, row) in zip(y, order.iterrows()):
        color = c["bad"] if row["gap"] < 0 else c["good"]
        ax.plot([row["expectation"], row["performance"]], [yi, yi], color=color, lw=3, alpha=0.7)
        ax.text(max(row["expectation"], row["performance"]) + 0.06, yi,
                f"{row['gap']:+.2f}", va="center", color=color, fontsize=11)
    ax.scatter(order["expectation"], y, s=90, facecolors="white", edgecolors=c["total"],
               linewidths=2, zorder=3, label="expectation (E)")
    ax.scatter(order["performance"], y, s=90, color=c["total"], zorder=3,
               label="performance (P)")
    ax.set_yticks(y, [str(i) for i in order.index])
    lo = min(order["expectation"].min(), order["performance"].min())
    hi = max(order["expectation"].max(), order["performance"].max())
    ax.set_xlim(lo - 0.3, hi + 0.45)
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.set(xlabel="Mean rating (1-5)", title="Expectation vs performance (gap = P - E)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=10)
    return ax


# ---------------------------------------------------------------------------------------------
# Reliability: Cronbach's alpha
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Reliability:
    """The result of :func:`cronbach_alpha`.

    Attributes
    ----------
    alpha : float
        Cronbach's alpha of the scale (all items).
    n_items : int
        Number of items k.
    n_respondents : int
        Rows given.
    n_used : int
        Rows used: with ``missing="listwise"`` those who answered every item; with
        ``"pairwise"`` those who answered at least one.
    missing : str
        How missing answers were handled.
    items : DataFrame
        One row per item: ``mean``, ``sd``, ``item_total_r`` (corrected item-total correlation:
        the item against the sum of the *other* items) and ``alpha_if_deleted``.
    """

    alpha: float
    n_items: int
    n_respondents: int
    n_used: int
    missing: str
    items: pd.DataFrame = field(repr=False)

    @property
    def n_dropped(self) -> int:
        """Rows left out because of missing answers."""
        return self.n_respondents - self.n_used

    def __float__(self) -> float:
        return float(self.alpha)

    def __str__(self) -> str:
        if self.missing == "pairwise":
            used = (f"{self.n_used} of {self.n_respondents} respondents, missing answers left "
                    "out pair by pair")
        elif self.n_dropped:
            used = (f"{self.n_used} of {self.n_respondents} respondents; {self.n_dropped} with a "
                    "missing answer dropped (listwise)")
        else:
            used = f"{self.n_used} respondents, none missing"
        return (f"Cronbach's alpha = {self.alpha:.3f} ({alpha_rating(self.alpha)}; "
                f"{self.n_items} items; {used})")

    __repr__ = __str__


def _item_matrix(items: Any) -> tuple[np.ndarray, pd.DataFrame | None, np.ndarray]:
    """The answers as one float array (NaN for missing) without building a new DataFrame when
    every column is already numeric (the usual survey table); otherwise the per-column checks
    of :func:`_numeric_frame`, whose frame is returned too. Also the column sums (NaN where an
    answer is missing), by a matrix product: NumPy's sum down the columns is much slower."""
    if (isinstance(items, pd.DataFrame) and items.shape[0] and items.shape[1]
            and not items.columns.duplicated().any()):
        dtypes = set(items.dtypes)       # usually one: test each kind once
        if all(pd.api.types.is_numeric_dtype(d) and not pd.api.types.is_bool_dtype(d)
               for d in dtypes):
            plain = all(isinstance(d, np.dtype) for d in dtypes)    # no nullable Int64
            x = items.to_numpy(dtype=float) if plain else items.to_numpy(dtype=float,
                                                                         na_value=np.nan)
            sums = np.ones(x.shape[0]) @ x
            # all sums finite: no infinite value (and no NaN); the full test is rarely needed
            if np.isfinite(sums).all() or not np.isinf(x).any():
                return x, None, sums
    frame = _numeric_frame(items, "items")
    x = frame.to_numpy()
    return x, frame, np.ones(x.shape[0]) @ x


def _covariance(x: np.ndarray, nan: np.ndarray | None, present: np.ndarray | None = None,
                counts: np.ndarray | None = None, sums: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
    """Sample covariance matrix (n - 1) and means of the columns of ``x``, from one product
    ``X^T X`` (survey answers lose nothing to cancellation; columns whose mean dwarfs their
    spread are centred first). With ``nan`` (missing answers, left out pair by pair, as
    pandas' ``DataFrame.cov``), from masked products of the centred answers; ``present`` and
    ``counts`` (answers per pair of items) may be passed when already computed. Few large
    temporaries: on a busy machine fresh memory costs more than the arithmetic."""
    n = x.shape[0]
    if nan is None:
        if sums is None:
            sums = np.ones(n) @ x
        mean = sums / n
        cross = x.T @ x
        square = np.diagonal(cross) / n
        if not (square - mean * mean > 1e-8 * square).all():   # cancellation: centre first
            xc = x - mean
            return (xc.T @ xc) / (n - 1), mean
        return (cross - np.outer(sums, sums) / n) / (n - 1), mean
    if present is None:
        present = (~nan).astype(float)
    if counts is None:
        counts = present.T @ present                    # answers per pair of items
    xc = np.where(nan, 0.0, x)
    mean = (np.ones(n) @ xc) / np.diagonal(counts)
    xc -= mean
    np.copyto(xc, 0.0, where=nan)                       # centred, missing answers left out
    cross = xc.T @ xc
    pair_sums = xc.T @ present                          # [i, j]: sum of item i where j answered
    cov = (cross - pair_sums * pair_sums.T / counts) / (counts - 1)
    return cov, mean


def cronbach_alpha(items: pd.DataFrame, missing: str = "listwise") -> Reliability:
    """Cronbach's alpha of a scale, with alpha-if-item-deleted for each item.

    .. math:: \\alpha = \\frac{k}{k-1}\\left(1 - \\frac{\\sum_i s_i^2}{s_X^2}\\right)

    where k is the number of items, :math:`s_i^2` the variance of item i and :math:`s_X^2` the
    variance of the total score (the sum of the items), all sample variances (n - 1). Alpha is
    computed from the item covariance matrix C: :math:`\\sum_i s_i^2` is its trace and
    :math:`s_X^2` the sum of all its cells.

    Parameters
    ----------
    items : DataFrame
        One row per respondent, one numeric column per item of the scale (at least two). Items
        worded in the opposite direction must be reverse-coded first (e.g. ``6 - x`` on 1-5).
    missing : {"listwise", "pairwise", "raise"}, default "listwise"
        How a missing answer (NaN / ``<NA>``) is handled; the result reports the rows used.

        - ``"listwise"`` (the default, as SPSS and R's ``psych::alpha(use="complete.obs")``):
          a respondent who skipped any item of the scale is left out entirely, so every
          variance comes from the same people. Alpha-if-deleted uses the same rows.
        - ``"pairwise"`` (R's ``psych::alpha`` default): each variance and covariance uses
          everyone who answered that item or pair. Keeps more data, but the figures come from
          different people.
        - ``"raise"``: refuse, naming the first respondent and item with a missing answer.

    Returns
    -------
    Reliability
        ``.alpha``, ``.n_used``, ``.n_dropped``, ``.items`` (alpha if deleted, corrected
        item-total correlation); ``float(result)`` is alpha and ``print(result)`` a summary.

    Raises
    ------
    TypeError
        ``items`` is not a DataFrame, or holds text that is not a number.
    ValueError
        Fewer than two items or two usable respondents, an infinite value, a missing answer
        with ``missing="raise"``, or a total score with no variance.

    Notes
    -----
    Alpha is at most 1 and can be negative (when items disagree more than they agree: check
    for an item that should have been reverse-coded). With two items, alpha-if-deleted is
    undefined (one item is left) and reported as NaN; so is the item-total correlation of an
    item everyone answered the same way.

    Examples
    --------
    Four respondents, three items (worked by hand in the chapter): each item has variance 5/3,
    the totals 13, 8, 14, 7 have variance 37/3, so alpha = 3/2 x (1 - 5 / (37/3)) = 33/37.

    >>> items = pd.DataFrame({"q1": [4, 2, 5, 3], "q2": [5, 3, 4, 2], "q3": [4, 3, 5, 2]})
    >>> result = cronbach_alpha(items)
    >>> round(result.alpha, 6), round(33 / 37, 6)
    (0.891892, 0.891892)
    >>> print(result)
    Cronbach's alpha = 0.892 (good; 3 items; 4 respondents, none missing)
    >>> result.items.round(3)
        mean     sd  item_total_r  alpha_if_deleted
    q1   3.5  1.291         0.738             0.889
    q2   3.5  1.291         0.738             0.889
    q3   3.5  1.291         0.894             0.750
    """
    _check_option(missing, "missing", _MISSING_ALPHA)
    x, frame, sums = _item_matrix(items)
    if frame is None:
        frame = items
    k = frame.shape[1]
    if k < 2:
        raise ValueError(f"items: Cronbach's alpha needs at least two items (columns), got {k}")
    n_total = x.shape[0]
    any_nan = bool(np.isnan(sums).any())                   # any missing answer?
    nan = np.isnan(x) if any_nan else None
    if missing == "raise" and any_nan and nan.any():
        row, col = np.argwhere(nan)[0]
        raise ValueError(f"items: missing answer for respondent {v.label(frame.index[row])} on item "
                         f"{v.label(frame.columns[col])} ({int(nan.sum())} missing in all); choose "
                         "missing='listwise' or 'pairwise', or fill them first")
    if missing == "pairwise":
        used_rows = ~nan.all(axis=1) if any_nan else None
        n_used = int(used_rows.sum()) if any_nan else n_total
        present = (~nan).astype(float) if any_nan else None
        counts = present.T @ present if any_nan else np.full((k, k), float(n_total))
        if (counts < 2).any():
            i, j = np.argwhere(counts < 2)[0]
            raise ValueError(f"items: fewer than two respondents answered both "
                             f"{v.label(frame.columns[i])} and {v.label(frame.columns[j])}; a covariance "
                             "needs at least two")
        # pairwise complete observations, as pandas' DataFrame.cov
        cov, mean = _covariance(x, nan if any_nan else None, present, counts,
                                sums=None if any_nan else sums)
    else:
        if any_nan:
            complete = ~nan.any(axis=1)
            n_used = int(complete.sum())
            if n_used < 2:
                raise ValueError(f"items: only {n_used} respondent(s) answered every item; "
                                 "alpha needs at least two (try missing='pairwise')")
            x = x[complete]
            sums = None
        else:
            n_used = n_total
            if n_used < 2:
                raise ValueError(f"items: only {n_used} respondent(s) answered every item; "
                                 "alpha needs at least two (try missing='pairwise')")
        cov, mean = _covariance(x, None, sums=sums)
    diag = np.diag(cov)
    total_var = cov.sum()
    if not total_var > 1e-12 * max(1.0, float(np.abs(diag).sum())):
        raise ValueError("items: the total score has no variance (every respondent has the same "
                         "total), so alpha is undefined")
    alpha = k / (k - 1) * (1.0 - diag.sum() / total_var)

    row_sums = cov.sum(axis=1)
    rest_var = total_var - 2.0 * row_sums + diag          # variance of the total without item i
    with np.errstate(invalid="ignore", divide="ignore"):
        if k > 2:
            alpha_del = (k - 1) / (k - 2) * (1.0 - (diag.sum() - diag) / rest_var)
            alpha_del = np.where(rest_var > 0, alpha_del, np.nan)
        else:
            alpha_del = np.full(k, np.nan)
        denom = np.sqrt(diag * rest_var)
        r_it = np.where(denom > 0, (row_sums - diag) / denom, np.nan)
    table = pd.DataFrame({"mean": mean, "sd": np.sqrt(diag), "item_total_r": r_it,
                          "alpha_if_deleted": alpha_del}, index=frame.columns)
    return Reliability(float(alpha), k, n_total, n_used, missing, table)


def alpha_rating(alpha: float) -> str:
    """George & Mallery's (2003) rule of thumb for alpha: >= 0.9 excellent, >= 0.8 good,
    >= 0.7 acceptable, >= 0.6 questionable, >= 0.5 poor, below that unacceptable. (Nunnally's
    0.70 is the usual minimum for research use.)

    >>> [alpha_rating(a) for a in (0.95, 0.7, 0.55, 0.2)]
    ['excellent', 'acceptable', 'poor', 'unacceptable']
    """
    a = v.scalar(alpha, "alpha")
    if a > 1:
        raise ValueError(f"alpha: Cronbach's alpha is at most 1, got {a:g}")
    for cut, label in ((0.9, "excellent"), (0.8, "good"), (0.7, "acceptable"),
                       (0.6, "questionable"), (0.5, "poor")):
        if a >= cut:
            return label
    return "unacceptable"


def reliability_table(items: pd.DataFrame,
                      factors: Mapping[str, Sequence[str]] = SUPERMARKET_FACTORS,
                      missing: str = "listwise") -> pd.DataFrame:
    """Cronbach's alpha of every factor's items, with the rating and the item whose deletion
    would raise alpha most (``drop_candidate``, empty when no deletion helps).

    Missing answers are handled factor by factor (``missing`` as in :func:`cronbach_alpha`), so
    ``n_used`` can differ between factors.

    >>> df = pd.DataFrame({"a1": [4, 2, 5, 3], "a2": [5, 3, 4, 2], "a3": [4, 3, 5, 2]})
    >>> reliability_table(df, {"a": ["a1", "a2", "a3"]})[["n_items", "alpha", "rating"]].round(3)
       n_items  alpha rating
    a        3  0.892   good
    """
    if not isinstance(items, pd.DataFrame):
        raise TypeError(f"items: expected a DataFrame with one row per respondent, "
                        f"got {type(items).__name__}")
    fmap = _factor_map(factors, items.columns)
    rows = []
    for factor, cols in fmap.items():
        res = cronbach_alpha(items[cols], missing=missing)
        best = res.items["alpha_if_deleted"]
        helps = best.notna().any() and best.max() > res.alpha
        rows.append({"factor": factor, "n_items": res.n_items, "n_used": res.n_used,
                     "alpha": res.alpha, "rating": alpha_rating(res.alpha),
                     "drop_candidate": str(best.idxmax()) if helps else "",
                     "alpha_if_dropped": float(best.max()) if helps else np.nan})
    table = pd.DataFrame(rows).set_index("factor")
    table.index.name = None
    return table


def plot_alpha_if_deleted(result: Reliability, ax=None):
    """Horizontal bars of each item's alpha-if-deleted, with a line at the scale's alpha: a bar
    that reaches past the line marks an item whose removal would make the scale more reliable.
    Returns the Axes.

    >>> r = cronbach_alpha(pd.DataFrame({"a": [1, 2, 3, 4], "b": [1, 3, 2, 4], "c": [2, 1, 4, 3]}))
    >>> ax = plot_alpha_if_deleted(r)
    >>> len(ax.patches)
    3
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    if not isinstance(result, Reliability):
        raise TypeError(f"result: expected the Reliability returned by cronbach_alpha(), "
                        f"got {type(result).__name__}")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 0.55 * result.n_items + 2))
    c = plotting.COLORS
    values = result.items["alpha_if_deleted"]
    shown = values.fillna(0.0)
    colors = [c["bad"] if val > result.alpha else c["neutral"] for val in values]
    bars = ax.barh([str(i) for i in values.index][::-1], shown.to_numpy()[::-1],
                   color=colors[::-1], alpha=0.85)
    ax.bar_label(bars, labels=["n/a" if pd.isna(x) else f"{x:.3f}" for x in values[::-1]],
                 padding=3, fontsize=10)
    ax.axvline(result.alpha, color=c["total"], lw=2, ls="--",
               label=f"alpha with all items = {result.alpha:.3f}")
    low = min(0.0, float(shown.min()), result.alpha)
    ax.set_xlim(low, max(1.0, float(shown.max())) * 1.08)
    ax.set_axisbelow(True)
    ax.set(xlabel="Cronbach's alpha if the item is deleted", title="Alpha if item deleted")
    ax.legend(loc="lower right", fontsize=10)
    return ax


# ---------------------------------------------------------------------------------------------
# The weighted satisfaction index CSD = sum(weight x score) (003 ch.3), via crmlib.index
# ---------------------------------------------------------------------------------------------

def importance_weights(importance) -> pd.Series:
    """Weights from stated importance: each attribute's mean importance divided by the sum of
    the means, so the weights add up to 1 and keep the ratios of the ratings.

    (One simple, transparent choice; AHP in chapter 6 and expert panels are others.)

    Parameters
    ----------
    importance : DataFrame (respondents x attributes; missing answers left out of the means)
        or Series / dict of mean importances. Ratings must not be negative.

    >>> importance_weights({"price": 4.0, "service": 4.0, "features": 2.0}).tolist()
    [0.4, 0.4, 0.2]
    """
    means = _means(importance, "importance")
    if (means < 0).any():
        raise ValueError(f"importance: ratings must be zero or more; negative mean for "
                         f"{[str(i) for i in means.index[means < 0]]}")
    total = means.sum()
    if not total > 0:
        raise ValueError("importance: all importances are zero, so no weights can be formed")
    return (means / total).rename("weight")


def csd_system(weights, factors: Mapping[str, Sequence[str]] = SUPERMARKET_FACTORS,
               low: float = 1, high: float = 5) -> dict[str, tuple[float, dict[str, Indicator]]]:
    """An index system for :func:`csd`: each factor weighted by ``weights``, its items equally
    weighted within it, every item rescaled from ``[low, high]`` to 0-100.

    Parameters
    ----------
    weights : Series or dict ``{factor: weight}``, adding up to 1, one per factor
    factors : ``{factor: [item columns]}``
    low, high : the answer scale (1-5 by default)

    Returns
    -------
    ``{factor: (weight, {item: Indicator})}``, the format of :func:`crmlib.index.flatten_weights`
    (write your own for unequal item weights).

    >>> system = csd_system({"a": 0.6, "b": 0.4}, {"a": ["a1", "a2"], "b": ["b1"]})
    >>> system["a"][0], system["a"][1]["a2"].weight
    (0.6, 0.5)
    """
    if isinstance(weights, pd.Series):
        weights = weights.to_dict()
    if not isinstance(weights, Mapping):
        raise TypeError(f"weights: expected a Series or dict {{factor: weight}}, "
                        f"got {type(weights).__name__}")
    if not isinstance(factors, Mapping) or not factors:
        raise TypeError("factors: expected a non-empty mapping {factor: [item columns]}")
    if set(map(str, weights)) != set(map(str, factors)):
        raise ValueError(f"weights: need one weight per factor {list(factors)}, got "
                         f"{list(weights)}")
    clean = v.weights_sum_to({str(k): w for k, w in weights.items()}, "weights")
    lo, hi = v.scalar(low, "low"), v.scalar(high, "high")
    if hi <= lo:
        raise ValueError(f"high ({hi:g}) must be above low ({lo:g})")
    system = {}
    for factor, cols in factors.items():
        if isinstance(cols, str) or not isinstance(cols, Sequence) or not cols:
            raise TypeError(f"factors[{factor!r}]: expected a list of item columns, got {cols!r}")
        system[str(factor)] = (clean[str(factor)],
                               {c: Indicator(1.0 / len(cols), lo, hi, label=c) for c in cols})
    return system


def csd(data: pd.DataFrame, system: Mapping[str, tuple[float, Mapping[str, Indicator]]],
        missing: str = "listwise") -> pd.DataFrame:
    """The customer satisfaction degree CSD = sum of weight x score, for each respondent.

    Each indicator is rescaled to 0-100 over its ``[low, high]`` range
    (:func:`crmlib.index.minmax`), a dimension's score is the weighted sum of its indicators
    (local weights), and the CSD is the weighted sum of the dimension scores, which equals the
    sum of *global weight x indicator score* (:func:`crmlib.index.flatten_weights`). Weights
    must add up to 1 at each level of the hierarchy.

    Parameters
    ----------
    data : DataFrame, one row per respondent, a column for every indicator of ``system``
    system : ``{dimension: (weight, {column: Indicator})}`` (e.g. from :func:`csd_system`)
    missing : {"listwise", "reweight", "raise"}, default "listwise"
        ``"listwise"``: respondents with any missing indicator are left out of the result.
        ``"reweight"``: a missing indicator is skipped and the weights of the answered ones in
        its dimension are scaled up to add to 1 (likewise for a dimension with no answers);
        respondents with no answers at all are left out. ``"raise"``: refuse.
        ``len(result)`` tells how many respondents were scored.

    Returns
    -------
    DataFrame indexed like the scored rows of ``data``: one 0-100 column per dimension, then
    ``csd``.

    >>> system = {"quality": (0.75, {"q": Indicator(1.0, 1, 5)}),
    ...           "price": (0.25, {"p": Indicator(1.0, 1, 5)})}
    >>> csd(pd.DataFrame({"q": [5, 3], "p": [1, 5]}), system)
       quality  price   csd
    0    100.0    0.0  75.0
    1     50.0  100.0  62.5
    """
    _check_option(missing, "missing", _MISSING_CSD)
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data: expected a DataFrame with one row per respondent, "
                        f"got {type(data).__name__}")
    table = flatten_weights(system)
    cols = list(dict.fromkeys(table["indicator"]))
    absent = [c for c in cols if c not in data.columns]
    if absent:
        raise ValueError(f"data: has no column(s) {absent} needed by the index system; "
                         f"it has {list(data.columns)}")
    frame = _numeric_frame(data[cols], "data")
    nan = frame.isna().to_numpy()
    if missing == "raise" and nan.any():
        row, col = np.argwhere(nan)[0]
        raise ValueError(f"data: missing answer for respondent {v.label(frame.index[row])} on "
                         f"{v.label(cols[col])}; choose missing='listwise' or 'reweight'")
    if missing != "reweight":
        frame = frame[~nan.any(axis=1)]
        if frame.empty:
            raise ValueError("data: no respondent answered every indicator; try "
                             "missing='reweight'")
    x = frame.to_numpy()
    scaled = np.full(x.shape, np.nan)
    position = {c: j for j, c in enumerate(cols)}
    for row in table.itertuples():
        j = position[row.indicator]
        ok = ~np.isnan(x[:, j])
        if ok.any():
            scaled[ok, j] = minmax(x[ok, j], row.low, row.high, row.higher_is_better,
                                   name=f"data[{row.indicator!r}]")
    dims = table.drop_duplicates("dimension").set_index("dimension")["dimension_weight"]
    result = pd.DataFrame(index=frame.index)
    for dim, rows in table.groupby("dimension", sort=False):
        local = dict(zip(rows["indicator"], rows["local_weight"]))
        part = pd.DataFrame(scaled[:, [position[c] for c in local]], index=frame.index,
                            columns=list(local))
        result[dim] = (_reweighted(part, local) if missing == "reweight"
                       else weighted_index(part, local))
    if missing == "reweight":
        result["csd"] = _reweighted(result[list(dims.index)], dims.to_dict())
        result = result[result["csd"].notna()]
        if result.empty:
            raise ValueError("data: no respondent answered any indicator")
    else:
        result["csd"] = weighted_index(result[list(dims.index)], dims.to_dict())
    return result


def _reweighted(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """Weighted mean over the non-missing columns, weights rescaled per row (NaN if none)."""
    x = scores[list(weights)].to_numpy()
    w = np.array(list(weights.values()))
    answered = ~np.isnan(x)
    wsum = answered @ w
    with np.errstate(invalid="ignore", divide="ignore"):
        value = np.where(answered, x, 0.0) @ w / wsum
    return pd.Series(np.where(wsum > 0, value, np.nan), index=scores.index)


def csd_summary(scores: pd.DataFrame,
                system: Mapping[str, tuple[float, Mapping[str, Indicator]]]) -> pd.DataFrame:
    """What each dimension contributes to the mean CSD: its weight, its mean 0-100 score, and
    weight x mean score. With complete answers the contributions add up to the mean CSD.

    >>> system = {"quality": (0.75, {"q": Indicator(1.0, 1, 5)}),
    ...           "price": (0.25, {"p": Indicator(1.0, 1, 5)})}
    >>> csd_summary(csd(pd.DataFrame({"q": [5, 3], "p": [1, 5]}), system), system)
             weight  mean_score  contribution
    quality    0.75        75.0         56.25
    price      0.25        50.0         12.50
    """
    table = flatten_weights(system)
    dims = table.drop_duplicates("dimension").set_index("dimension")["dimension_weight"]
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(f"scores: expected the DataFrame returned by csd(), "
                        f"got {type(scores).__name__}")
    absent = [d for d in dims.index if d not in scores.columns]
    if absent:
        raise ValueError(f"scores: has no column(s) {absent}; pass the DataFrame returned by "
                         "csd() with the same system")
    mean = pd.Series({d: float(scores[d].mean()) for d in dims.index})
    out = pd.DataFrame({"weight": dims.astype(float), "mean_score": mean,
                        "contribution": dims.astype(float) * mean})
    out.index.name = None
    return out


def plot_csd(summary: pd.DataFrame, ax=None):
    """Horizontal bars of each dimension's contribution to the mean CSD (weight x mean score),
    labelled with the weight and the mean score; the total is in the title. Returns the Axes.

    >>> s = pd.DataFrame({"weight": [0.5, 0.5], "mean_score": [80.0, 40.0],
    ...                   "contribution": [40.0, 20.0]}, index=["a", "b"])
    >>> plot_csd(s).get_title()
    'CSD = 60.0 (sum of weight x mean score)'
    >>> from crmlib import plotting; plotting.close("all")
    """
    from . import plotting
    if not isinstance(summary, pd.DataFrame) or not {"weight", "mean_score", "contribution"} <= \
            set(summary.columns):
        raise TypeError("summary: expected the DataFrame returned by csd_summary()")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 0.55 * len(summary) + 2))
    rows = summary.iloc[::-1]
    bars = ax.barh([str(i) for i in rows.index], rows["contribution"],
                   color=plotting.COLORS["neutral"], alpha=0.85)
    ax.bar_label(bars, labels=[f"{r.contribution:.1f}  (w = {r.weight:.2f}, score {r.mean_score:.0f})"
                               for r in rows.itertuples()], padding=3, fontsize=10)
    ax.set_xlim(0, max(1.0, float(rows["contribution"].max())) * 1.6)
    ax.set_axisbelow(True)
    ax.set(xlabel="Contribution to the CSD (points of 100)",
           title=f"CSD = {summary['contribution'].sum():.1f} (sum of weight x mean score)")
    return ax



def csd_widget(data: pd.DataFrame,
               system: Mapping[str, tuple[float, Mapping[str, Indicator]]],
               missing: str = "listwise") -> Any:
    """An interactive panel: one slider per dimension weight; move them and watch the CSD and
    each dimension's contribution change.

    The sliders need not add up to 1: the weights used are the slider values divided by their
    sum (shown in the printed line). Item scores are computed once; only the weighting moves.

    Parameters
    ----------
    data, system, missing : as for :func:`csd`; the starting weights are the system's.

    Returns
    -------
    ipywidgets.VBox
        ``panel.sliders`` maps each dimension to its slider; ``panel.output`` holds the printed
        CSD and the chart.

    Examples
    --------
    >>> system = {"quality": (0.75, {"q": Indicator(1.0, 1, 5)}),
    ...           "price": (0.25, {"p": Indicator(1.0, 1, 5)})}
    >>> panel = csd_widget(pd.DataFrame({"q": [5, 3], "p": [1, 5]}), system)
    >>> panel.output.outputs[0]["text"].split(";")[0]
    'CSD = 68.8'
    >>> panel.sliders["price"].value = 0.75      # now 0.75 : 0.75, i.e. half and half
    >>> panel.output.outputs[0]["text"].split(";")[0]
    'CSD = 62.5'
    """
    from . import plotting, widgets

    scores = csd(data, system, missing=missing)     # validates before any widget is made
    table = flatten_weights(system)
    start = table.drop_duplicates("dimension").set_index("dimension")["dimension_weight"]
    sliders = {dim: widgets.slider(str(dim), float(w), 0.0, 1.0, 0.01, integer=False,
                                   readout_format=".2f")
               for dim, w in start.items()}
    means = pd.Series({d: float(scores[d].mean()) for d in start.index})

    def render(values: dict[str, Any]) -> tuple[str, Any]:
        raw = pd.Series(values)
        if raw.sum() <= 0:
            return "Set at least one weight above zero.", None
        weights = raw / raw.sum()
        value = float(weighted_index(means.to_frame().T, weights.to_dict()).iloc[0])
        summary = pd.DataFrame({"weight": weights, "mean_score": means,
                                "contribution": weights * means})
        fig, ax = plotting.new_figure(figsize=(8, 0.55 * len(summary) + 2))
        plot_csd(summary, ax=ax)
        shown = ", ".join(f"{d} {w:.2f}" for d, w in weights.items())
        return f"CSD = {value:.1f}; weights used: {shown}", fig

    return widgets.panel(sliders, render, "CSD contributions")


# ---------------------------------------------------------------------------------------------
# Importance-performance analysis (Martilla & James 1977)
# ---------------------------------------------------------------------------------------------

#: IPA quadrants in the order (high, high), (high, low), (low, low), (low, high) of
#: (importance, performance).
IPA_QUADRANTS = ("keep up the good work", "concentrate here", "low priority", "possible overkill")


def ipa(importance, performance, center: Any = "mean") -> pd.DataFrame:
    """Importance-performance analysis: place each attribute by its mean importance and mean
    performance and name its quadrant.

    =====================  ==========================  ===========================
    importance             performance >= cut          performance < cut
    =====================  ==========================  ===========================
    >= cut (high)          ``keep up the good work``   ``concentrate here``
    < cut (low)            ``possible overkill``       ``low priority``
    =====================  ==========================  ===========================

    Parameters
    ----------
    importance, performance : DataFrame (respondents x attributes; column means are taken,
        missing answers left out) or Series / dict of means, with the same attribute labels
        and on the same scale.
    center : "mean" (default), "median", or a pair ``(importance_cut, performance_cut)``
        Where the cross-hairs go. ``"mean"`` (data-centred, the common choice) uses the mean of
        the attribute means, so attributes are judged against each other; a pair such as
        ``(3, 3)`` uses the scale's midpoint, which on satisfaction data often puts every
        attribute in one quadrant. Values equal to a cut count as high.

    Returns
    -------
    DataFrame, one row per attribute (in ``importance``'s order): ``importance``,
    ``performance``, ``gap`` = importance - performance (how far performance lags what the
    attribute is worth: among the *concentrate here* attributes, the largest gap is the first to
    fix), and ``quadrant`` (categorical). The cuts are in ``.attrs["cuts"]``.

    >>> t = ipa({"price": 4.5, "service": 4.4, "parking": 2.0, "music": 2.5},
    ...         {"price": 3.0, "service": 4.5, "parking": 3.0, "music": 4.5})
    >>> t["quadrant"].tolist()
    ['concentrate here', 'keep up the good work', 'low priority', 'possible overkill']
    >>> t.attrs["cuts"]
    (3.35, 3.75)
    """
    imp = _means(importance, "importance")
    perf = _paired_labels(imp, _means(performance, "performance"),
                          ("importance", "performance"))
    if isinstance(center, str):
        _check_option(center, "center", ("mean", "median"))
        cuts = ((float(imp.mean()), float(perf.mean())) if center == "mean"
                else (float(imp.median()), float(perf.median())))
    elif isinstance(center, Sequence) and len(center) == 2:
        cuts = (v.scalar(center[0], "center[0] (importance cut)"),
                v.scalar(center[1], "center[1] (performance cut)"))
    else:
        raise TypeError(f"center: expected 'mean', 'median' or a pair (importance_cut, "
                        f"performance_cut), got {center!r}")
    cuts = (round(cuts[0], 12), round(cuts[1], 12))
    hi_imp = (imp >= cuts[0]).to_numpy()
    hi_perf = (perf >= cuts[1]).to_numpy()
    code = np.where(hi_imp, np.where(hi_perf, 0, 1), np.where(hi_perf, 3, 2))
    table = pd.DataFrame({"importance": imp.to_numpy(), "performance": perf.to_numpy()},
                         index=imp.index)
    table["gap"] = table["importance"] - table["performance"]
    table["quadrant"] = pd.Categorical.from_codes(code, categories=list(IPA_QUADRANTS))
    table.index.name = None
    table.attrs["cuts"] = cuts
    return table


def plot_ipa(importance, performance, center: Any = "mean", ax=None):
    """The importance-performance grid: attributes as labelled points (performance on x,
    importance on y), cross-hairs at the cuts, the four quadrant names in the corners.
    Arguments as for :func:`ipa`. Returns the Axes.

    >>> ax = plot_ipa({"a": 4.5, "b": 2.0}, {"a": 3.0, "b": 4.0})
    >>> ax.get_xlabel()
    'Performance (mean rating)'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    table = ipa(importance, performance, center)
    x_cut, y_cut = table.attrs["cuts"][1], table.attrs["cuts"][0]
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 6.5))
    c = plotting.COLORS
    colors = dict(zip(IPA_QUADRANTS, [c["good"], c["bad"], c["muted"], c["neutral"]]))
    for name, row in table.iterrows():
        ax.scatter(row["performance"], row["importance"], s=110,
                   color=colors[row["quadrant"]], zorder=3)
        ax.annotate(str(name), (row["performance"], row["importance"]),
                    xytext=(7, 6), textcoords="offset points", fontsize=12)
    xs = np.r_[table["performance"].to_numpy(), x_cut]
    ys = np.r_[table["importance"].to_numpy(), y_cut]
    pad_x = max(0.25, 0.25 * (xs.max() - xs.min()))
    pad_y = max(0.25, 0.25 * (ys.max() - ys.min()))
    ax.set_xlim(xs.min() - pad_x, xs.max() + pad_x * 1.6)
    ax.set_ylim(ys.min() - pad_y, ys.max() + pad_y)
    ax.axvline(x_cut, color="black", lw=1)
    ax.axhline(y_cut, color="black", lw=1)
    corners = {"concentrate here": (0.02, 0.97, "left", "top"),
               "keep up the good work": (0.98, 0.97, "right", "top"),
               "low priority": (0.02, 0.03, "left", "bottom"),
               "possible overkill": (0.98, 0.03, "right", "bottom")}
    for label, (cx, cy, ha, va) in corners.items():
        ax.text(cx, cy, label.upper(), transform=ax.transAxes, ha=ha, va=va, fontsize=11,
                fontweight="bold", color=colors[label], alpha=0.8)
    ax.set(xlabel="Performance (mean rating)", ylabel="Importance (mean rating)",
           title="Importance-performance analysis")
    return ax


def derived_importance(performance: pd.DataFrame, overall) -> pd.Series:
    """*Derived* importance: the correlation of each attribute's performance with overall
    satisfaction (Pearson, each attribute using the respondents who answered it). Customers'
    *stated* importance says what they think matters; derived importance shows what moves
    their satisfaction. An attribute nobody varies on gets NaN.

    >>> perf = pd.DataFrame({"a": [1, 2, 3, 4], "b": [4, 3, 2, 1], "c": [2, 2, 2, 2]})
    >>> derived_importance(perf, [1, 2, 3, 4]).tolist()
    [1.0, -1.0, nan]
    """
    frame = _numeric_frame(performance, "performance",
                           "one row per respondent and one column per attribute")
    if isinstance(overall, pd.Series) and not overall.index.equals(frame.index):
        raise ValueError("overall: its index differs from performance's; take both from the "
                         "same DataFrame")
    if isinstance(overall, pd.Series) and not pd.api.types.is_float_dtype(overall.dtype):
        overall = overall.to_numpy(dtype=float, na_value=np.nan)
    y = v.as_float_array(overall, "overall", allow_nan=True).ravel()
    if y.size != len(frame):
        raise ValueError(f"overall: expected one value per respondent ({len(frame)}), "
                         f"got {y.size}")
    x = frame.to_numpy()
    ok = ~np.isnan(x) & ~np.isnan(y)[:, None]
    n = ok.sum(axis=0)
    xs, ys = np.where(ok, x, 0.0), np.where(ok, y[:, None], 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mx, my = xs.sum(0) / n, ys.sum(0) / n
        dx, dy = np.where(ok, x - mx, 0.0), np.where(ok, y[:, None] - my, 0.0)
        sxy, sxx, syy = (dx * dy).sum(0), (dx * dx).sum(0), (dy * dy).sum(0)
        r = np.where((sxx > 0) & (syy > 0) & (n > 1), sxy / np.sqrt(sxx * syy), np.nan)
    return pd.Series(np.clip(r, -1.0, 1.0), index=frame.columns, name="derived_importance")


# ---------------------------------------------------------------------------------------------
# National satisfaction index models (003 ch.3): SCSB, ACSI, CCSI
# ---------------------------------------------------------------------------------------------

#: The constructs (latent variables, 结构变量) of the index models: Chinese name and meaning.
INDEX_CONSTRUCTS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "brand image": ("品牌形象", "what customers think of the brand or firm before buying"),
    "expected quality": ("预期质量", "the quality customers expect before buying"),
    "perceived quality": ("感知质量", "the quality customers experience in use"),
    "perceived value": ("感知价值", "quality received relative to the price paid"),
    "satisfaction": ("顾客满意度", "the overall judgement of the experience (the index)"),
    "complaints": ("顾客抱怨", "whether and how customers complain"),
    "loyalty": ("顾客忠诚", "intention to buy again and tolerance of price rises"),
})


@dataclass(frozen=True)
class IndexModel:
    """A satisfaction index model as a path diagram: constructs, arrows (cause, effect) and
    the position of each box in the drawing (x 0-10, y 0-6)."""

    name: str
    title: str
    country: str
    constructs: tuple[str, ...]
    paths: tuple[tuple[str, str], ...]
    positions: Mapping[str, tuple[float, float]] = field(hash=False, repr=False)
    note: str = ""

    def __post_init__(self) -> None:
        if not self.constructs:
            raise ValueError(f"{self.name}: constructs is empty")
        for a, b in self.paths:
            for end in (a, b):
                if end not in self.constructs:
                    raise ValueError(f"{self.name}: path {a!r} -> {b!r} uses {end!r}, which is "
                                     f"not one of its constructs {list(self.constructs)}")
        missing = [c for c in self.constructs if c not in self.positions]
        if missing:
            raise ValueError(f"{self.name}: no position for construct(s) {missing}")

    @property
    def path_table(self) -> pd.DataFrame:
        """The arrows as a table: ``from``, ``to``."""
        return pd.DataFrame(list(self.paths), columns=["from", "to"])


_POS = {"expected quality": (1.3, 4.6), "perceived quality": (1.3, 1.4),
        "perceived value": (4.2, 1.4), "satisfaction": (6.0, 3.4), "complaints": (8.9, 4.8),
        "loyalty": (8.9, 1.4), "brand image": (4.2, 5.5)}

#: The three models as Chinese CRM textbooks present them, which name each model's constructs;
#: the arrows follow Fornell (1992) for SCSB and Fornell et al. (1996) for ACSI. Published
#: versions of the CCSI differ (some add brand image -> perceived value, some keep a complaints
#: construct); this is one common version: brand image added before expectations,
#: satisfaction and loyalty, and no complaints construct, as in the textbooks' list.
INDEX_MODELS: Mapping[str, IndexModel] = MappingProxyType({
    "SCSB": IndexModel(
        "SCSB", "Swedish Customer Satisfaction Barometer", "Sweden, 1989",
        ("expected quality", "perceived value", "satisfaction", "complaints", "loyalty"),
        (("expected quality", "perceived value"), ("expected quality", "satisfaction"),
         ("perceived value", "satisfaction"), ("satisfaction", "complaints"),
         ("satisfaction", "loyalty"), ("complaints", "loyalty")),
        MappingProxyType({**_POS, "perceived value": (1.3, 1.4)}),
        "the first national index; perceived value is the performance the customer receives"),
    "ACSI": IndexModel(
        "ACSI", "American Customer Satisfaction Index", "United States, 1994",
        ("expected quality", "perceived quality", "perceived value", "satisfaction",
         "complaints", "loyalty"),
        (("expected quality", "perceived quality"), ("expected quality", "perceived value"),
         ("expected quality", "satisfaction"), ("perceived quality", "perceived value"),
         ("perceived quality", "satisfaction"), ("perceived value", "satisfaction"),
         ("satisfaction", "complaints"), ("satisfaction", "loyalty"),
         ("complaints", "loyalty")),
        _POS, "adds perceived quality, separated from perceived value"),
    "CCSI": IndexModel(
        "CCSI", "China Customer Satisfaction Index", "China, around 2000",
        ("brand image", "expected quality", "perceived quality", "perceived value",
         "satisfaction", "loyalty"),
        (("brand image", "expected quality"), ("brand image", "perceived quality"),
         ("brand image", "satisfaction"), ("brand image", "loyalty"),
         ("expected quality", "perceived quality"), ("expected quality", "perceived value"),
         ("expected quality", "satisfaction"), ("perceived quality", "perceived value"),
         ("perceived quality", "satisfaction"), ("perceived value", "satisfaction"),
         ("satisfaction", "loyalty")),
        MappingProxyType({**_POS, "brand image": (4.2, 5.5)}),
        "adds brand image; the textbook version has no complaints construct"),
})


def index_constructs() -> pd.DataFrame:
    """The constructs of the index models as a teaching table (English, Chinese, meaning).

    >>> index_constructs().loc["perceived value", "chinese"]
    '感知价值'
    """
    return pd.DataFrame([(k, zh, meaning) for k, (zh, meaning) in INDEX_CONSTRUCTS.items()],
                        columns=["construct", "chinese", "meaning"]).set_index("construct")


def index_model(name: str) -> IndexModel:
    """One of the models in :data:`INDEX_MODELS` by name ("SCSB", "ACSI", "CCSI"; any case).

    >>> index_model("acsi").title
    'American Customer Satisfaction Index'
    >>> len(index_model("CCSI").paths)
    11
    """
    if not isinstance(name, str) or name.upper() not in INDEX_MODELS:
        raise ValueError(f"name: unknown index model {name!r}; expected one of "
                         f"{list(INDEX_MODELS)}")
    return INDEX_MODELS[name.upper()]


def index_models_table() -> pd.DataFrame:
    """Which constructs each model has (``"x"``) and its number of paths.

    >>> index_models_table().loc["brand image"].tolist()
    ['', '', 'x']
    """
    names = list(INDEX_MODELS)
    rows = {c: ["x" if c in INDEX_MODELS[m].constructs else "" for m in names]
            for c in INDEX_CONSTRUCTS}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=names)
    table.loc["(paths)"] = [str(len(INDEX_MODELS[m].paths)) for m in names]
    return table


def plot_index_model(model: str | IndexModel = "ACSI", ax=None):
    """Draw a satisfaction index model as a path diagram: a box per construct (satisfaction
    highlighted), an arrow per path. ``model`` is a name or an :class:`IndexModel` of your own
    (e.g. with other arrows). Returns the Axes.

    >>> ax = plot_index_model("SCSB")
    >>> len(ax.patches) >= 5 + 6
    True
    >>> ax.get_title().startswith("SCSB")
    True
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    from . import plotting
    if isinstance(model, str):
        model = index_model(model)
    if not isinstance(model, IndexModel):
        raise TypeError(f"model: expected a model name or an IndexModel, "
                        f"got {type(model).__name__}")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(10, 6))
    c = plotting.COLORS
    width, height = 2.2, 0.9
    boxes = {}
    for name in model.constructs:
        x, y = model.positions[name]
        core = name == "satisfaction"
        patch = FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                               boxstyle="round,pad=0.02,rounding_size=0.2",
                               facecolor=c["accent"] if core else "white",
                               edgecolor=c["accent"] if core else c["total"], lw=2,
                               alpha=0.9, zorder=2)
        ax.add_patch(patch)
        ax.text(x, y, name.replace(" ", "\n") if len(name) > 12 else name, ha="center",
                va="center", fontsize=12, fontweight="bold" if core else "normal",
                color="white" if core else c["total"], zorder=3)
        boxes[name] = patch
    for start, end in model.paths:
        (x0, y0), (x1, y1) = model.positions[start], model.positions[end]
        bend = {("brand image", "loyalty"): -0.3,
                ("brand image", "perceived quality"): 0.25}.get((start, end), 0.0)
        arrow = FancyArrowPatch((x0, y0), (x1, y1), patchA=boxes[start], patchB=boxes[end],
                                arrowstyle="-|>", mutation_scale=18, lw=1.6,
                                color=c["neutral"], connectionstyle=f"arc3,rad={bend}",
                                shrinkA=2, shrinkB=2, zorder=1)
        ax.add_patch(arrow)
    ax.set_xlim(-0.2, 10.2)
    ax.set_ylim(0.4, 6.3)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"{model.name}: {model.title} ({model.country})")
    return ax


# ---------------------------------------------------------------------------------------------
# The chain of satisfaction, the drivers of satisfaction, satisfaction surveys (teaching tables)
# ---------------------------------------------------------------------------------------------

#: The IPA quadrants' Chinese names, as the chapter teaches them.
IPA_QUADRANTS_ZH: Mapping[str, str] = MappingProxyType({
    "keep up the good work": "继续保持", "concentrate here": "重点改进",
    "low priority": "次要改进", "possible overkill": "过度投入"})

#: The chain of satisfaction (顾客满意的连锁反应) as Chinese CRM textbooks draw it: each step leads
#: to the next. (English name, Chinese name.)
SATISFACTION_CHAIN: tuple[tuple[str, str], ...] = (
    ("satisfied customer", "顾客满意"),
    ("buys often", "经常购买"),
    ("tells others what is good", "传播产品优点"),
    ("becomes a loyal customer", "成为忠实顾客"),
    ("brings new customers", "产生新客源"),
    ("sales rise", "销售提升"),
    ("recognition grows", "认可度提高"),
    ("profits rise", "效益增加"),
    ("becomes a famous brand", "成为名牌"),
)

#: For each step of the chain that a store survey can see: the survey column, the answer that
#: counts, and a readable name of the measure. Steps a one-store survey cannot see are absent.
_CHAIN_MEASURES = {
    "buys often": ("revisit_intent", ">=4", "will keep shopping here (4-5 of 5)"),
    "tells others what is good": ("recommended", "==1", "recommended the store in 3 months"),
    "becomes a loyal customer": ("price_switch", "<=2", "would NOT switch for 5 % (1-2 of 5)"),
    "sales rise": ("spend_per_visit", "mean", "spend per visit ($, mean)"),
    "recognition grows": ("reputation", ">=4", "people I know speak well of it (4-5 of 5)"),
    "becomes a famous brand": ("first_mention", "==1", "named first, unprompted (name recall)"),
}


def satisfaction_chain() -> pd.DataFrame:
    """The chain of satisfaction as a table: each step, its Chinese name, and the survey measure
    that can see it (empty where a one-store survey cannot: new customers and profits need the
    firm's own records).

    The steps are numbered from 1, as in :func:`plot_satisfaction_chain`.

    >>> t = satisfaction_chain()
    >>> t.loc[2, "chinese"], len(t)
    ('经常购买', 9)
    >>> t.loc[5, "measure"]
    ''
    """
    rows = []
    for step, zh in SATISFACTION_CHAIN:
        column, _, measure = _CHAIN_MEASURES.get(step, ("", "", ""))
        rows.append({"step": step, "chinese": zh, "measure": measure, "column": column})
    table = pd.DataFrame(rows, index=pd.RangeIndex(1, len(rows) + 1, name="step_no"))
    return table


def chain_evidence(survey: pd.DataFrame, cuts: Sequence[float] = (3, 4),
                   as_text: bool = False) -> pd.DataFrame:
    """The chain of satisfaction in a survey: each measurable step of :func:`satisfaction_chain`
    for the dissatisfied, the neutral and the satisfied on the seven-level overall question.

    Parameters
    ----------
    survey : DataFrame with ``overall_satisfaction`` (1-7) and the chain's columns
        (``revisit_intent``, ``recommended``, ``price_switch``, ``spend_per_visit``,
        ``reputation``, ``first_mention``), as in ``supermarket_satisfaction``.
    cuts : (low, high), default (3, 4)
        Scores up to ``low`` are *dissatisfied*, up to ``high`` *neutral*, above *satisfied*.
    as_text : bool, default False
        ``True``: the figures as readable text, shares as percentages and spend in dollars
        (for showing the table; the numbers stay in the default form).

    Returns
    -------
    DataFrame, one row per measurable step (in chain order): ``measure``, then a column per
    group: a share (0-1) for the yes/no and top-box measures, dollars for spend. Blank answers
    are left out of each figure.

    >>> df = pd.DataFrame({"overall_satisfaction": [2, 6], "revisit_intent": [2, 5],
    ...     "recommended": [0, 1], "price_switch": [5, 1], "spend_per_visit": [30.0, 50.0],
    ...     "reputation": [3, 4], "first_mention": [0, 1]})
    >>> chain_evidence(df)[["dissatisfied", "satisfied"]].loc["sales rise"].tolist()
    [30.0, 50.0]
    >>> chain_evidence(df, as_text=True).loc["buys often", "satisfied"]
    '100%'
    """
    if not isinstance(survey, pd.DataFrame):
        raise TypeError(f"survey: expected a DataFrame, got {type(survey).__name__}")
    needed = ["overall_satisfaction"] + [c for c, _, _ in _CHAIN_MEASURES.values()]
    absent = [c for c in needed if c not in survey.columns]
    if absent:
        raise ValueError(f"survey: has no column(s) {absent}; expected the columns of "
                         "supermarket_satisfaction")
    if not (isinstance(cuts, Sequence) and len(cuts) == 2):
        raise TypeError(f"cuts: expected a pair (low, high), got {cuts!r}")
    low, high = v.scalar(cuts[0], "cuts[0]"), v.scalar(cuts[1], "cuts[1]")
    if not low < high:
        raise ValueError(f"cuts: low ({low:g}) must be below high ({high:g})")
    frame = _numeric_frame(survey[needed], "survey")
    score = frame["overall_satisfaction"]
    groups = {"dissatisfied": score <= low, "neutral": (score > low) & (score <= high),
              "satisfied": score > high}
    rows = {}
    for step, _ in SATISFACTION_CHAIN:
        if step not in _CHAIN_MEASURES:
            continue
        column, rule, measure = _CHAIN_MEASURES[step]
        x = frame[column]
        if rule == "mean":
            value = x
        else:
            op, cut = rule[:2], float(rule[2:])
            hit = {">=": x >= cut, "<=": x <= cut, "==": x == cut}[op]
            value = hit.astype(float).where(x.notna())
        row = {"measure": measure}
        for name, mask in groups.items():
            row[name] = float(value[mask].mean()) if mask.any() else np.nan
        rows[step] = row
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = None
    if as_text:
        for name in groups:
            table[name] = [("" if pd.isna(x) else f"${x:,.2f}") if _CHAIN_MEASURES[step][1] == "mean"
                           else ("" if pd.isna(x) else f"{x:.0%}")
                           for step, x in table[name].items()]
    return table


def plot_satisfaction_chain(evidence: pd.DataFrame | None = None, ax=None):
    """The chain of satisfaction as a figure: nine boxes joined by arrows, in two rows. With
    ``evidence`` (from :func:`chain_evidence`), each measurable step shows the dissatisfied and
    the satisfied figure under its box. Returns the Axes.

    >>> ax = plot_satisfaction_chain()
    >>> len([t for t in ax.texts if t.get_text()]) >= 9
    True
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    from . import plotting
    if evidence is not None and not (isinstance(evidence, pd.DataFrame) and
                                     {"dissatisfied", "satisfied"} <= set(evidence.columns)):
        raise TypeError("evidence: expected the DataFrame returned by chain_evidence()")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(12, 5.6))
    c = plotting.COLORS
    width, height = 2.3, 0.95
    # first row left to right, second row right to left (a snake), so arrows stay short
    places = [(1.3 + 2.85 * i, 4.2) for i in range(5)] + \
             [(1.3 + 2.85 * (4 - i), 1.5) for i in range(4)]
    boxes = []
    for i, ((step, _), (x, y)) in enumerate(zip(SATISFACTION_CHAIN, places)):
        first = i == 0
        patch = FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                               boxstyle="round,pad=0.02,rounding_size=0.2",
                               facecolor=c["accent"] if first else "white",
                               edgecolor=c["accent"] if first else c["total"], lw=2, zorder=2)
        ax.add_patch(patch)
        words = f"{i + 1}. {step}".split(" ")
        half = (len(words) + 1) // 2
        text = " ".join(words[:half]) + "\n" + " ".join(words[half:]) if len(words) > 2 \
            else " ".join(words)
        ax.text(x, y, text, ha="center", va="center", fontsize=11,
                color="white" if first else c["total"],
                fontweight="bold" if first else "normal", zorder=3)
        boxes.append(patch)
        if evidence is not None and step in evidence.index:
            row = evidence.loc[step]
            money = "spend" in str(row.get("measure", ""))
            shown = [f"\\${row[k]:.0f}" if money else f"{row[k]:.0%}"
                     for k in ("dissatisfied", "satisfied")]
            ax.text(x, y - height / 2 - 0.12, f"{shown[0]} → {shown[1]}", ha="center",
                    va="top", fontsize=10, color=c["good"], zorder=3)
        elif evidence is not None and not first:
            ax.text(x, y - height / 2 - 0.12, "(not in a survey)", ha="center", va="top",
                    fontsize=10, color=c["muted"], zorder=3)
    for (x0, y0), (x1, y1), a, b in zip(places[:-1], places[1:], boxes[:-1], boxes[1:]):
        if y0 != y1:   # the turn from the first row to the second: round the right-hand side
            ax.add_patch(FancyArrowPatch((x0 + width / 2, y0), (x1 + width / 2, y1),
                                         arrowstyle="-|>", mutation_scale=16, lw=1.6,
                                         color=c["neutral"], connectionstyle="arc3,rad=-0.6",
                                         shrinkA=1, shrinkB=1, zorder=1))
            continue
        ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), patchA=a, patchB=b,
                                     arrowstyle="-|>", mutation_scale=16, lw=1.6,
                                     color=c["neutral"], shrinkA=2, shrinkB=2, zorder=1))
    ax.set_xlim(-0.1, 15.1)
    ax.set_ylim(0.2, 5.1)
    ax.set_aspect("equal")
    ax.axis("off")
    title = "The chain of satisfaction"
    if evidence is not None:
        title += " (under a box: dissatisfied → satisfied shoppers)"
    ax.set_title(title)
    return ax


#: The drivers of satisfaction (影响顾客满意度的因素) of Chinese CRM textbooks and the items of
#: the supermarket survey that measure each (the course's mapping; brand image has no item).
SATISFACTION_DRIVERS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "quality": ("assort_3", "feat_2"),
    "price": ("price_1", "price_2", "price_3"),
    "delivery time": ("serv_3", "assort_2"),
    "communication": ("serv_2",),
    "brand image": (),
    "after-sales service": ("serv_4",),
    "care": ("serv_1",),
})


def satisfaction_drivers() -> pd.DataFrame:
    """The seven drivers of satisfaction, what each means in a supermarket, the survey items
    that measure it (:data:`SATISFACTION_DRIVERS`) and the practical lever that works on it.

    The driver and lever names are the textbooks'; the supermarket reading and the mapping to
    items are the course's.

    >>> t = satisfaction_drivers()
    >>> t.loc["after-sales service", ["chinese", "items"]].tolist()
    ['售后服务', 'serv_4']
    >>> t.loc["brand image", "items"]
    '(none)'
    """
    rows = [
        ("quality", "产品或服务的质量", "fresh food and own-brand goods that are good",
         "product quality (产品质量) and service quality (服务质量)"),
        ("price", "价格", "low prices and good-value promotions",
         "a price advantage on the goods shoppers compare"),
        ("delivery time", "交付时间", "what I want is in stock, and checkout is quick",
         "stock and checkout standards; personalised service (个性化服务)"),
        ("communication", "沟通", "staff help and explain when asked",
         "regular contact (定期沟通) through staff, phone, app"),
        ("brand image", "品牌形象", "what people think of Jack's before they come",
         "build the brand (建立品牌形象): advertising and public relations"),
        ("after-sales service", "售后服务", "complaints and returns handled well",
         "follow-up visits and surveys (定期回访与调查)"),
        ("care", "顾客关怀", "staff are friendly and treat me as a person",
         "customer files (建立顾客档案) so that staff know the customer"),
    ]
    table = pd.DataFrame(rows, columns=["driver", "chinese", "at_a_supermarket", "lever"])
    table["items"] = [", ".join(SATISFACTION_DRIVERS[d]) or "(none)" for d in table["driver"]]
    return table.set_index("driver")


def survey_misconceptions() -> pd.DataFrame:
    """The three misconceptions about satisfaction surveys (客户满意度调查存在的误区) of Chinese CRM
    textbooks, each with what goes wrong, an example in a store's survey design and the remedy
    (the examples and remedies are the course's).

    >>> survey_misconceptions().loc[3, "chinese"]
    '测量因素选择不合适，测量方法有待改进'
    """
    rows = [
        (1, "wrong understanding of the survey", "对客户满意度调查缺乏正确的认识",
         "the survey is run to produce one good-looking score for the annual report, not to "
         "find what to improve",
         "asking only the overall satisfaction question: with no importance or expectation "
         "items there is no gap and no IPA, so no decision follows",
         "design the survey from the decision: performance, importance and expectation per "
         "factor"),
        (2, "not taken seriously", "企业没有引起足够的重视",
         "the survey is a chore left to whoever is free; results are filed, not acted on",
         "cashiers hand out the form at the till on a quiet Tuesday morning, and nobody is "
         "responsible for the results",
         "a sample plan (days, hours, shopper types), an owner for each finding, a repeat "
         "survey to see whether the action worked"),
        (3, "wrong factors or methods", "测量因素选择不合适，测量方法有待改进",
         "the questions miss what drives satisfaction, or measure something else",
         "the music item env_4 sits in the environment scale and measures taste (alpha "
         "rises without it); brand image, a driver, has no item at all",
         "choose factors from interviews and the drivers; test reliability (alpha) and "
         "validity before trusting the scores"),
    ]
    return pd.DataFrame(rows, columns=["no", "misconception", "chinese", "what_goes_wrong",
                                       "example_in_a_store_survey", "remedy"]).set_index("no")
