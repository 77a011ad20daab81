"""Customer loyalty (客户忠诚): types, Dick & Basu's 2x2, the loyalty ladder, a weighted loyalty
index, Jones & Sasser's satisfaction-loyalty analysis, and loyalty programme economics.

Loyalty has two faces: an *attitude* (how much the customer likes and prefers us, 态度忠诚) and a
*behaviour* (how much of their buying comes back to us, 行为忠诚). Most of this module crosses
the two, or crosses satisfaction with behaviour.

>>> dick_basu([6.1, 2.0], [0.8, 0.9]).tolist()
['loyalty', 'spurious loyalty']

References
----------
Dick, A. S. & Basu, K. (1994). Customer loyalty: toward an integrated conceptual framework.
*Journal of the Academy of Marketing Science*, 22(2), 99-113.
Jones, T. O. & Sasser, W. E. (1995). Why satisfied customers defect. *Harvard Business Review*,
73(6), 88-99.
Christopher, M., Payne, A. & Ballantyne, D. (1991). *Relationship Marketing*. Butterworth-Heinemann
(the relationship/loyalty ladder).
"""
from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _validate as v
from .index import Indicator, flatten_weights, minmax

__all__ = [
    "loyalty_types", "loyalty_types_seven", "DICK_BASU_LABELS", "dick_basu", "dick_basu_table",
    "plot_dick_basu", "LADDER_STAGES", "ladder_stages", "ladder_counts", "plot_ladder",
    "LOYALTY_INDEX_SYSTEM", "loyalty_index", "JONES_SASSER_LABELS", "satisfaction_loyalty_quadrant",
    "jones_sasser_curves", "plot_jones_sasser", "plot_satisfaction_quadrants",
    "programme_types", "ProgrammeEconomics", "programme_economics", "compare_programmes",
    "loyalty_measures", "MEASURES_INDEX_SYSTEM", "indicator_scores", "index_sensitivity",
    "index_coverage", "SATISFACTION_ZONES", "satisfaction_zones", "discount_defection",
    "plot_discount_defection", "service_profit_chain", "plot_service_profit_chain",
    "ROUTES_000", "loyalty_routes", "bucket_stages",
]


# ---------------------------------------------------------------------------------------------
# Loyalty types (lesson plan 000 §2.2; seven-type variant in 004)
# ---------------------------------------------------------------------------------------------

def loyalty_types() -> pd.DataFrame:
    """The lesson plan's five loyalty types by their cause, with attachment (依恋) and repeat
    purchase (重复购买) levels and what a firm should do about each.

    >>> loyalty_types().loc["trust", ["attachment", "repeat_purchase"]].tolist()
    ['high', 'high']
    """
    rows = [
        ("monopoly", "垄断忠诚", "low", "high",
         "no alternative: the firm is the only supplier",
         "do not mistake it for loyalty; earn attachment before competition arrives"),
        ("inertia", "惰性忠诚", "low", "high",
         "habit: searching for another supplier is not worth the effort",
         "turn habit into preference with service and recognition; watch for easy switching"),
        ("price", "价格忠诚", "low", "low",
         "buys wherever the price is lowest",
         "serve profitably with a lean offer; do not overinvest in them"),
        ("incentive", "利益忠诚", "low", "high",
         "comes for rewards and promotions, leaves when they end",
         "add value beyond rewards; measure whether programmes create attachment"),
        ("trust", "信赖忠诚", "high", "high",
         "trusts and prefers the firm: the most valuable customers",
         "protect and reward: recognition, personal service, involvement"),
    ]
    return pd.DataFrame(rows, columns=["type", "chinese", "attachment", "repeat_purchase",
                                       "cause", "what_to_do"]).set_index("type")


def loyalty_types_seven() -> pd.DataFrame:
    """The seven-type variant of the slide deck 004 (垄断, 惰性, 潜在, 节约, 价格, 激励, 超值).

    The source lists only the names; the meanings follow the common textbook reading and
    '节约忠诚' is read as *convenience* loyalty (saving time and effort), a choice the notebook
    states.

    >>> len(loyalty_types_seven())
    7
    """
    rows = [
        ("monopoly", "垄断忠诚", "no alternative supplier"),
        ("inertia", "惰性忠诚", "habit, no effort to switch"),
        ("latent", "潜在忠诚", "wants to buy more but is held back (distance, policy, budget)"),
        ("convenience", "节约忠诚", "saves time and effort: location, opening hours"),
        ("price", "价格忠诚", "lowest price"),
        ("incentive", "激励忠诚", "rewards and promotions"),
        ("premium", "超值忠诚", "strong attachment and high repeat purchase: advocates"),
    ]
    return pd.DataFrame(rows, columns=["type", "chinese", "driven_by"]).set_index("type")


# ---------------------------------------------------------------------------------------------
# Dick & Basu (1994): relative attitude x repeat patronage
# ---------------------------------------------------------------------------------------------

#: Labels of the 2x2, in the order (high, high), (high, low), (low, high), (low, low) of
#: (attitude, repeat purchase).
DICK_BASU_LABELS = ("loyalty", "latent loyalty", "spurious loyalty", "no loyalty")


def _check_table(table: object, name: str, columns: Sequence[str], made_by: str) -> None:
    """A figure's input table: a non-empty DataFrame with ``columns`` (as ``made_by`` returns)."""
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{name}: expected the DataFrame returned by {made_by}, got "
                        f"{type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{name}: has no column(s) {missing}; expected the DataFrame returned "
                         f"by {made_by}")
    if table.empty:
        raise ValueError(f"{name}: is empty; expected the DataFrame returned by {made_by}")


def _quadrant(x, y, x_cut: float, y_cut: float, labels: Sequence[str], x_name: str,
              y_name: str):
    """Shared 2x2 classifier: high means >= cut. Returns str, ndarray or categorical Series."""
    xs, ys = v.as_float_array(x, x_name), v.as_float_array(y, y_name)
    x_cut, y_cut = v.scalar(x_cut, f"{x_name}_cut"), v.scalar(y_cut, f"{y_name}_cut")
    if xs.shape != ys.shape:
        raise ValueError(f"{x_name} and {y_name} must have the same length, got {xs.size} "
                         f"and {ys.size}")
    if (isinstance(x, pd.Series) and isinstance(y, pd.Series)
            and not x.index.equals(y.index)):
        raise ValueError(f"{x_name} and {y_name} are Series with different indexes; pairing them "
                         "by position would mix up customers. Take both from the same DataFrame "
                         "or align them first")
    code = 2 * (xs < x_cut) + (ys < y_cut)  # 0=(hi,hi) 1=(hi,lo) 2=(lo,hi) 3=(lo,lo)
    if np.ndim(x) == 0 and np.ndim(y) == 0:
        return labels[int(code)]
    if isinstance(x, pd.Series) or isinstance(y, pd.Series):
        index = x.index if isinstance(x, pd.Series) else y.index
        return pd.Series(pd.Categorical.from_codes(code, categories=list(labels)), index=index)
    return np.asarray(labels, dtype=object)[code]


def dick_basu(attitude, repeat, attitude_cut: float = 4.0, repeat_cut: float = 0.5):
    """Classify customers into Dick & Basu's four loyalty conditions.

    ==============  ========================  ===========================
    attitude        repeat >= ``repeat_cut``  repeat < ``repeat_cut``
    ==============  ========================  ===========================
    >= cut (high)   ``"loyalty"``             ``"latent loyalty"``
    < cut (low)     ``"spurious loyalty"``    ``"no loyalty"``
    ==============  ========================  ===========================

    Parameters
    ----------
    attitude : number, array-like or Series
        Relative attitude, e.g. the mean of 7-point attitudinal items (1-7).
    repeat : number, array-like or Series
        Repeat patronage, e.g. wallet share (0-1), the same length as ``attitude``.
    attitude_cut : float, default 4.0
        Threshold for a high attitude: 4 is the neutral midpoint of a 1-7 scale.
    repeat_cut : float, default 0.5
        Threshold for high repeat purchase: half of the category spend.

    Returns
    -------
    str for scalars; a categorical Series (same index) for Series; an object array otherwise.
    Values equal to a cut count as high.

    Examples
    --------
    >>> dick_basu(6.0, 0.2)
    'latent loyalty'
    >>> dick_basu([4.0, 3.9], [0.5, 0.1]).tolist()
    ['loyalty', 'no loyalty']
    """
    return _quadrant(attitude, repeat, attitude_cut, repeat_cut, DICK_BASU_LABELS,
                     "attitude", "repeat")


def dick_basu_table() -> pd.DataFrame:
    """The 2x2 as a teaching table: condition, Chinese term, attitude, repeat, what to do.

    >>> dick_basu_table().loc["latent loyalty", "attitude"]
    'high'
    """
    rows = [
        ("loyalty", "忠诚", "high", "high", "reward and protect; invite referrals"),
        ("latent loyalty", "潜在忠诚", "high", "low",
         "remove the obstacles (location, assortment, opening hours) that block purchase"),
        ("spurious loyalty", "虚假忠诚", "low", "high",
         "build attachment before a competitor or a lower price pulls them away"),
        ("no loyalty", "不忠诚", "low", "low", "serve efficiently; invest only where value is"),
    ]
    return pd.DataFrame(rows, columns=["condition", "chinese", "attitude", "repeat", "action"]
                        ).set_index("condition")


def _quadrant_scatter(x, y, x_cut, y_cut, labels, corners, colors, xlabel, ylabel, title, ax,
                      names=("x", "y")):
    from . import plotting
    x, y = v.as_float_array(x, names[0]), v.as_float_array(y, names[1])
    groups = pd.Series(_quadrant(x, y, x_cut, y_cut, labels, *names))
    if ax is None:
        _, ax = plotting.new_figure(figsize=(7, 6))
    for label, color in zip(labels, colors):
        mask = (groups == label).to_numpy()
        ax.scatter(x[mask], y[mask], s=14, alpha=0.55,
                   color=color, label=f"{label} ({mask.mean():.0%})")
    ax.axvline(x_cut, color="black", lw=1)
    ax.axhline(y_cut, color="black", lw=1)
    for label, (cx, cy) in zip(labels, corners):
        ax.text(cx, cy, label.upper(), transform=ax.transAxes, ha="center", va="center",
                fontsize=12, fontweight="bold", alpha=0.6)
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=10)
    return ax


def plot_dick_basu(attitude, repeat, attitude_cut: float = 4.0, repeat_cut: float = 0.5,
                   ax=None):
    """Scatter customers on Dick & Basu's 2x2 (attitude on x, repeat purchase on y), with the
    cut lines, quadrant names and each condition's share in the legend. Returns the Axes.

    >>> ax = plot_dick_basu([6, 2, 5, 1], [0.9, 0.8, 0.1, 0.2])
    >>> ax.get_xlabel()
    'Relative attitude'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    c = plotting.COLORS
    # corners in axes coordinates: (high att, high rep) is top right, etc.
    return _quadrant_scatter(attitude, repeat, attitude_cut, repeat_cut, DICK_BASU_LABELS,
                             [(0.8, 0.95), (0.8, 0.05), (0.2, 0.95), (0.2, 0.05)],
                             [c["good"], c["neutral"], c["accent"], c["bad"]],
                             "Relative attitude", "Repeat purchase",
                             "Dick & Basu: attitude x repeat purchase", ax,
                             names=("attitude", "repeat"))


# ---------------------------------------------------------------------------------------------
# Loyalty ladder
# ---------------------------------------------------------------------------------------------

#: The rungs of the loyalty ladder, bottom to top.
LADDER_STAGES = ("suspect", "prospect", "first-time customer", "repeat customer", "client",
                 "advocate", "partner")


def ladder_stages() -> pd.DataFrame:
    """The loyalty ladder as a teaching table, with the firm's focus at each rung: acquisition
    (吸引新客户) up to the first purchase, retention (客户保留) after it.

    >>> ladder_stages().loc["advocate", "chinese"]
    '拥护者'
    """
    rows = [
        ("suspect", "可疑者", "might buy: anyone in the target market", "acquisition"),
        ("prospect", "潜在客户", "interested, still watching (持观望态度)", "acquisition"),
        ("first-time customer", "首次购买者", "has bought once", "acquisition"),
        ("repeat customer", "重复购买者", "has bought more than once", "retention"),
        ("client", "老主顾", "buys regularly; treated individually", "retention"),
        ("advocate", "拥护者", "recommends the firm to others", "retention"),
        ("partner", "合伙人", "works with the firm, e.g. co-designs offers", "retention"),
    ]
    return pd.DataFrame(rows, columns=["stage", "chinese", "meaning", "focus"]).set_index("stage")


def ladder_counts(stages, order: Sequence[str] = LADDER_STAGES) -> pd.DataFrame:
    """Count people per rung and how many climb each step.

    ``reached`` is the number at that rung or above (everyone who has climbed this far);
    ``step_conversion`` = reached / reached at the rung below: the share who took this step.

    Parameters
    ----------
    stages : array-like or Series of stage names (one per person)
    order : the rungs from bottom to top; every value in ``stages`` must be one of them

    >>> t = ladder_counts(["suspect"] * 6 + ["prospect"] * 3 + ["partner"])
    >>> t.loc["prospect", ["count", "reached", "step_conversion"]].tolist()
    [3.0, 4.0, 0.4]
    >>> t["count"].tolist()
    [6, 3, 0, 0, 0, 0, 1]
    """
    order = list(order)
    if len(set(order)) != len(order):
        raise ValueError(f"order: lists a rung twice; give each stage once, bottom to top, e.g. "
                         f"{list(LADDER_STAGES)}")
    values = pd.Series(np.asarray(stages, dtype=object)).astype("string")
    if values.empty:
        raise ValueError("stages: is empty; give one stage per person")
    if values.isna().any():
        raise ValueError(f"stages: missing stage {v.describe_positions(values.isna().to_numpy())}")
    unknown = sorted(set(values) - set(order))
    if unknown:
        raise ValueError(f"stages: unknown stage(s) {unknown}; expected one of {order}")
    count = values.value_counts().reindex(order, fill_value=0).astype("int64")
    reached = count[::-1].cumsum()[::-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        step = reached / reached.shift(1)
    table = pd.DataFrame({"count": count, "share": count / count.sum(), "reached": reached,
                          "step_conversion": step})
    table.index.name = "stage"
    return table


def plot_ladder(counts: pd.DataFrame, ax=None):
    """A funnel of the ladder from :func:`ladder_counts`: one centred bar per rung, its width the
    number who reached it, labelled with the step conversion. Returns the Axes.

    >>> ax = plot_ladder(ladder_counts(["suspect", "suspect", "prospect", "client"]))
    >>> len(ax.patches)
    7
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    _check_table(counts, "counts", ["reached", "step_conversion"], "ladder_counts()")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 5.5))
    stages = list(counts.index)[::-1]  # top rung drawn on top
    reached = counts["reached"].reindex(stages).to_numpy(float)
    ax.barh(stages, reached, left=-reached / 2, color=plotting.COLORS["neutral"], alpha=0.85)
    for y, stage in enumerate(stages):
        conv = counts.loc[stage, "step_conversion"]
        note = "" if pd.isna(conv) else f"  ({conv:.0%} of rung below)"
        ax.text(reached[y] / 2 + reached.max() * 0.02, y, f"{reached[y]:,.0f}{note}",
                va="center", fontsize=11)
    ax.set_xlim(-reached.max() * 0.6, reached.max() * 1.05)
    ax.set_xticks([])
    ax.grid(False)
    ax.set_title("The loyalty ladder: people who reached each rung")
    return ax


# ---------------------------------------------------------------------------------------------
# Weighted loyalty index (indicator system of 004; measures listed in 000 §2.2.2)
# ---------------------------------------------------------------------------------------------

#: The loyalty index system of the slide deck 004 (客户忠诚度指标体系) with the course's weights.
#: The source names the three dimensions and their indicators but gives no weights or ranges:
#: the weights below are the course's assumption (durability and spending are behaviour, emotion
#: is attitude; each side gets half) and are a parameter of :func:`loyalty_index`.
LOYALTY_INDEX_SYSTEM: dict[str, tuple[float, dict[str, Indicator]]] = {
    "durability": (0.25, {  # 关系的持久性
        "tenure_months": Indicator(0.4, 0, 120, label="purchase duration (购买持续期)"),
        "visits_per_month": Indicator(0.4, 0, 12, label="purchase frequency (购买频率)"),
        "visit_trend": Indicator(0.2, -30, 30, label="frequency trend (购买频率变化趋势)"),
    }),
    "spending": (0.25, {  # 消费金额
        "wallet_share": Indicator(0.6, 0, 1, label="wallet share (钱包份额)"),
        "categories_bought": Indicator(0.4, 1, 12, label="cross-buying (交叉销售)"),
    }),
    "emotion": (0.5, {  # 情感因素
        "recommendations": Indicator(0.25, 0, 10, label="mentions to others (产品被提及率)"),
        "price_sensitivity": Indicator(0.25, 1, 7, higher_is_better=False,
                                       label="price sensitivity (对价格敏感性)"),
        "voluntariness": Indicator(0.25, 1, 7, label="voluntary purchase (购买自愿程度)"),
        "satisfaction": Indicator(0.25, 1, 5, label="purchase satisfaction (购买满意度)"),
    }),
}


def loyalty_index(data: pd.DataFrame,
                  system: Mapping[str, tuple[float, Mapping[str, Indicator]]] = LOYALTY_INDEX_SYSTEM
                  ) -> pd.DataFrame:
    """Score each customer 0-100 on each dimension of the index system and overall.

    Each indicator is rescaled to 0-100 over its ``[low, high]`` range (reversed when lower is
    better, clipped outside the range), dimension scores are the weighted means of their
    indicators, and ``loyalty_index`` is the weighted sum of the dimension scores (equivalently,
    the sum of global weight x indicator score).

    Parameters
    ----------
    data : DataFrame with one row per customer and a column per indicator of ``system``
    system : ``{dimension: (weight, {column: Indicator})}``, weights adding to 1 at each level

    Returns
    -------
    DataFrame with one column per dimension and ``loyalty_index``, indexed like ``data``.

    >>> sys_ = {"behaviour": (0.5, {"share": Indicator(1.0, 0, 1)}),
    ...         "attitude": (0.5, {"liking": Indicator(1.0, 1, 7)})}
    >>> loyalty_index(pd.DataFrame({"share": [0.8], "liking": [4.0]}), sys_).round(1).iloc[0].tolist()
    [80.0, 50.0, 65.0]
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data: expected a DataFrame with one row per customer, "
                        f"got {type(data).__name__}")
    table = flatten_weights(system)
    missing = [c for c in table["indicator"] if c not in data.columns]
    if missing:
        raise ValueError(f"data: has no column(s) {missing} needed by the index system; "
                         f"it has {list(data.columns)}")
    out = {}
    for dim, rows in table.groupby("dimension", sort=False):
        parts = [row.local_weight * minmax(data[row.indicator], row.low, row.high,
                                           row.higher_is_better, name=f"data[{row.indicator!r}]")
                 for row in rows.itertuples()]
        out[dim] = np.sum(parts, axis=0)
    dims = table.drop_duplicates("dimension").set_index("dimension")["dimension_weight"]
    result = pd.DataFrame(out, index=data.index)
    result["loyalty_index"] = result[list(dims.index)].to_numpy() @ dims.to_numpy()
    return result


# ---------------------------------------------------------------------------------------------
# The lesson plan's loyalty measures (000 §2.2.2; 003's nine), completeness and sensitivity
# ---------------------------------------------------------------------------------------------

# key, English, Chinese, listed by the lesson plan (000), by the slide deck (003), data columns
# (the first is the one the course uses; the others measure the same thing), more loyal when
_MEASURES = [
    ("repeat_purchases", "repeat purchases", "重复购买次数", True, True,
     ("purchases_12m", "visits_per_month"), "higher",
     "shopping trips at Jack's in the last 12 months (till data)"),
    ("purchase_growth", "growth in purchases", "增加购买的数量", True, False,
     ("spend_growth", "visit_trend"), "higher",
     "% change of spending on the year before (till data)"),
    ("choice_time", "time spent choosing", "购买时挑选的时间", True, True,
     ("choice_minutes",), "lower",
     "minutes spent comparing products and prices per visit (survey)"),
    ("price_sensitivity", "price sensitivity", "对产品和服务价格的敏感度", True, True,
     ("price_sensitivity",), "lower", "three 7-point items (survey)"),
    ("failure_tolerance", "tolerance of quality failures", "对产品服务质量事故的宽容度", True, True,
     ("failure_tolerance",), "higher",
     "'I would give Jack's another chance after a mistake', three 7-point items (survey)"),
    ("competitor_attitude", "attitude to competitors' offers", "对待竞争产品和服务的态度", True, True,
     ("competitor_interest",), "lower",
     "interest in other stores' offers, three 7-point items (survey)"),
    ("cross_buying", "cross-buying", "交叉购买的数量", True, False,
     ("categories_bought",), "higher", "departments bought from, of 12 (till data)"),
    ("satisfaction", "satisfaction", "客户满意度", True, True,
     ("satisfaction",), "higher", "overall satisfaction 1-5 (survey)"),
    ("retention", "retention rate", "客户保持率", True, True,
     ("retained_12m",), "higher",
     "share of a group still buying 12 months later (till data, a year after the survey)"),
    ("lifetime", "customer lifetime", "客户生命周期", True, True,
     ("tenure_months",), "higher", "months since the first purchase (till data)"),
    ("referrals", "recommendations to other customers", "顾客向其他顾客的推荐和介绍", False, True,
     ("recommendations",), "higher", "times the customer recommended Jack's this year (survey)"),
]


def loyalty_measures() -> pd.DataFrame:
    """The measures of loyalty (客户忠诚的衡量): the lesson plan's ten and the slide deck's nine,
    with the data column that measures each at Jack's and the direction that means *more loyal*.

    The lesson plan lists ten measures and the slide deck 003 nine; the union has eleven, since
    003 adds recommendations to other customers and leaves out growth in purchases and
    cross-buying. ``columns`` names the column of ``loyalty_survey`` or ``loyalty_measures`` the
    course uses first, then any other column that measures the same thing.

    >>> m = loyalty_measures()
    >>> int(m["lesson_plan"].sum()), int(m["slide_deck"].sum()), len(m)
    (10, 9, 11)
    >>> m.loc["choice_time", ["chinese", "more_loyal_when"]].tolist()
    ['购买时挑选的时间', 'lower']
    """
    rows = [(key, en, zh, a, b, cols[0], ", ".join(cols), d, how)
            for key, en, zh, a, b, cols, d, how in _MEASURES]
    return pd.DataFrame(rows, columns=["measure", "english", "chinese", "lesson_plan",
                                       "slide_deck", "column", "columns", "more_loyal_when",
                                       "how_measured"]).set_index("measure")


#: An index system over the lesson plan's measures (000 §2.2.2, with 003's referrals): the
#: behaviour and the attitude half, each weighted 0.5. Retention is left out on purpose: it is a
#: rate of a group, observed a year *after* the survey, so the course uses it to validate the
#: index instead (do customers with a higher index stay?). Weights and ranges are the course's.
MEASURES_INDEX_SYSTEM: dict[str, tuple[float, dict[str, Indicator]]] = {
    "behaviour": (0.5, {
        "purchases_12m": Indicator(0.25, 0, 150, label="repeat purchases (重复购买次数)"),
        "spend_growth": Indicator(0.25, -30, 30, label="growth in purchases (增加购买的数量)"),
        "categories_bought": Indicator(0.25, 1, 12, label="cross-buying (交叉购买的数量)"),
        "tenure_months": Indicator(0.25, 0, 120, label="customer lifetime (客户生命周期)"),
    }),
    "attitude": (0.5, {
        "choice_minutes": Indicator(0.15, 2, 30, higher_is_better=False,
                                    label="time spent choosing (挑选时间)"),
        "price_sensitivity": Indicator(0.15, 1, 7, higher_is_better=False,
                                       label="price sensitivity (价格敏感度)"),
        "failure_tolerance": Indicator(0.2, 1, 7, label="failure tolerance (质量事故宽容度)"),
        "competitor_interest": Indicator(0.2, 1, 7, higher_is_better=False,
                                         label="attitude to competitors (对待竞争产品的态度)"),
        "satisfaction": Indicator(0.15, 1, 5, label="satisfaction (客户满意度)"),
        "recommendations": Indicator(0.15, 0, 10, label="recommendations (推荐和介绍)"),
    }),
}


def _check_frame(data: object, name: str = "data") -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{name}: expected a DataFrame with one row per customer, "
                        f"got {type(data).__name__}")
    if data.empty:
        raise ValueError(f"{name}: is empty; give one row per customer")
    return data


def indicator_scores(data: pd.DataFrame,
                     system: Mapping[str, tuple[float, Mapping[str, Indicator]]] = LOYALTY_INDEX_SYSTEM
                     ) -> pd.DataFrame:
    """Every indicator of an index system on the common 0-100 scale: the first step of
    :func:`loyalty_index`, shown on its own.

    score = 100 x (value - low) / (high - low), clipped to 0-100, and 100 - that when lower is
    better.

    Parameters
    ----------
    data : DataFrame with one row per customer and a column per indicator of ``system``
    system : ``{dimension: (weight, {column: Indicator})}``

    Returns
    -------
    DataFrame with one 0-100 column per indicator, indexed like ``data``.

    >>> sys_ = {"d": (1.0, {"x": Indicator(0.5, 0, 10), "y": Indicator(0.5, 1, 7, False)})}
    >>> indicator_scores(pd.DataFrame({"x": [2.5], "y": [2.5]}), sys_).round(1).iloc[0].tolist()
    [25.0, 75.0]
    """
    data = _check_frame(data)
    table = flatten_weights(system)
    missing = [c for c in table["indicator"] if c not in data.columns]
    if missing:
        raise ValueError(f"data: has no column(s) {missing} needed by the index system; "
                         f"it has {list(data.columns)}")
    return pd.DataFrame({row.indicator: minmax(data[row.indicator], row.low, row.high,
                                               row.higher_is_better,
                                               name=f"data[{row.indicator!r}]")
                         for row in table.itertuples()}, index=data.index)


def index_sensitivity(data: pd.DataFrame, groups,
                      system: Mapping[str, tuple[float, Mapping[str, Indicator]]] = LOYALTY_INDEX_SYSTEM,
                      min_range: float = 10.0) -> pd.DataFrame:
    """Is each indicator *sensitive* (灵敏), the second principle of an index system? An
    indicator that scores every kind of customer alike cannot tell loyal from disloyal ones.

    For each indicator on its 0-100 scale: ``sd`` (spread over customers), ``group_range``
    (highest minus lowest group mean), ``eta_squared`` (the share of its variance that lies
    between the groups) and ``sensitive`` (``group_range >= min_range``, the course's rule of
    thumb; a parameter).

    Parameters
    ----------
    data : DataFrame with the indicator columns of ``system``
    groups : array-like or Series, one label per row of ``data`` (e.g. the main reason)
    system : the index system, default :data:`LOYALTY_INDEX_SYSTEM`
    min_range : points on the 0-100 scale between the best and the worst group

    >>> sys_ = {"d": (1.0, {"x": Indicator(0.5, 0, 10), "y": Indicator(0.5, 0, 10)})}
    >>> frame = pd.DataFrame({"x": [0, 2, 8, 10], "y": [5, 5, 5, 6]})
    >>> t = index_sensitivity(frame, ["a", "a", "b", "b"], sys_)
    >>> t["group_range"].tolist(), t["sensitive"].tolist()
    ([80.0, 5.0], [True, False])
    """
    scores = indicator_scores(data, system)
    min_range = v.scalar(min_range, "min_range")
    values = np.asarray(groups, dtype=object).reshape(-1)
    if isinstance(groups, pd.Series) and len(groups) == len(data) and not groups.index.equals(data.index):
        raise ValueError("groups: a Series with other labels than data's rows; take both from "
                         "the same DataFrame or align them first")
    if len(values) != len(data):
        raise ValueError(f"groups: expected one label per row of data ({len(data)}), got "
                         f"{len(values)}")
    labels = pd.Series(values, index=data.index, name="group")
    if labels.isna().any():
        raise ValueError(f"groups: missing label {v.describe_positions(labels.isna().to_numpy())}")
    means = scores.groupby(labels).mean()
    total = scores.var(ddof=0)
    sizes = labels.value_counts().reindex(means.index)
    between = ((means - scores.mean()) ** 2).mul(sizes, axis=0).sum() / len(scores)
    eta = (between / total.where(total > 0)).fillna(0.0)
    table = flatten_weights(system).set_index("indicator")
    out = pd.DataFrame({"label": table["label"], "sd": scores.std(ddof=0),
                        "group_range": means.max() - means.min(), "eta_squared": eta})
    out["sensitive"] = out["group_range"] >= min_range
    out.index.name = "indicator"
    return out


def index_coverage(system: Mapping[str, tuple[float, Mapping[str, Indicator]]] = LOYALTY_INDEX_SYSTEM
                   ) -> pd.DataFrame:
    """Is an index system *complete* (全面), the first principle of an index system? Which of
    the lesson plan's and the slide deck's loyalty measures (:func:`loyalty_measures`) does it
    contain?

    A measure counts as covered when one of its data columns is an indicator of ``system``.

    >>> cov = index_coverage()
    >>> int(cov["covered"].sum()), bool(cov.loc["choice_time", "covered"])
    (7, False)
    """
    indicators = set(flatten_weights(system)["indicator"])
    table = loyalty_measures()[["english", "chinese", "lesson_plan", "slide_deck", "columns"]]
    covered_by = [next((c for c in cols.split(", ") if c in indicators), "")
                  for cols in table["columns"]]
    out = table.drop(columns="columns")
    out["covered_by"] = covered_by
    out["covered"] = out["covered_by"] != ""
    return out


# ---------------------------------------------------------------------------------------------
# Jones & Sasser (1995): satisfaction vs loyalty
# ---------------------------------------------------------------------------------------------

#: Quadrants of satisfaction x loyalty, in the order (high, high), (high, low), (low, high),
#: (low, low) of (satisfaction, loyalty).
JONES_SASSER_LABELS = ("apostle", "mercenary", "hostage", "terrorist")


def satisfaction_loyalty_quadrant(satisfaction, loyalty, satisfaction_cut: float = 4.0,
                                  loyalty_cut: float = 4.0):
    """Jones & Sasser's customer types from satisfaction and loyalty (e.g. repurchase intent).

    ======================  ====================  ====================
    satisfaction            loyalty >= cut        loyalty < cut
    ======================  ====================  ====================
    >= cut (satisfied)      ``"apostle"``         ``"mercenary"``
    < cut (dissatisfied)    ``"hostage"``         ``"terrorist"``
    ======================  ====================  ====================

    Jones & Sasser call the top-left cell *loyalist* and its extreme the *apostle*, and the
    bottom-right *defector* with its extreme the *terrorist*; the course uses the memorable
    extremes for the whole cell. Values equal to a cut count as high. Defaults suit 1-5 scales
    (4 = satisfied / likely to repurchase).

    >>> satisfaction_loyalty_quadrant([5, 5, 2, 1], [5, 2, 5, 1]).tolist()
    ['apostle', 'mercenary', 'hostage', 'terrorist']
    """
    return _quadrant(satisfaction, loyalty, satisfaction_cut, loyalty_cut, JONES_SASSER_LABELS,
                     "satisfaction", "loyalty")


def jones_sasser_curves(satisfaction, loyalty, market) -> pd.DataFrame:
    """Mean loyalty at each satisfaction level, one column per market type: the data behind
    Jones & Sasser's competitive vs non-competitive curves.

    >>> curves = jones_sasser_curves([1, 5, 1, 5], [4, 5, 1, 5], ["utility", "utility", "shop", "shop"])
    >>> curves.to_dict()
    {'shop': {1: 1.0, 5: 5.0}, 'utility': {1: 4.0, 5: 5.0}}
    """
    sat = v.as_float_array(satisfaction, "satisfaction")
    loy = v.as_float_array(loyalty, "loyalty")
    mkt = pd.Series(np.asarray(market, dtype=object), name="market")
    if not (sat.size == loy.size == mkt.size):
        raise ValueError(f"satisfaction, loyalty and market must have the same length, got "
                         f"{sat.size}, {loy.size} and {mkt.size}")
    frame = pd.DataFrame({"satisfaction": sat, "loyalty": loy, "market": mkt.astype(str)})
    curves = frame.pivot_table(index="satisfaction", columns="market", values="loyalty",
                               aggfunc="mean")
    curves.index = curves.index.astype(int) if np.all(sat == np.round(sat)) else curves.index
    curves.columns.name = "market"
    return curves


#: The zones of the satisfaction-loyalty curve (Heskett et al. 1994; Jones & Sasser 1995) with
#: the Chinese of the slide deck 004 (破坏者 at the bottom, 传道者 at the top, 质量不敏感区 between)
#: and the satisfaction levels (1-5) each zone covers in the course's reading of the scale.
SATISFACTION_ZONES = {
    "defection": ("zone of defection", "背叛区 (破坏者)", (1, 2)),
    "indifference": ("zone of indifference", "质量不敏感区", (3, 4)),
    "affection": ("zone of affection", "忠诚区 (传道者)", (5, 5)),
}


def satisfaction_zones(satisfaction, edges: tuple[float, float] = (2.5, 4.5)):
    """The zone of the satisfaction-loyalty curve each satisfaction score falls in:
    ``"defection"`` below ``edges[0]``, ``"indifference"`` up to ``edges[1]``, ``"affection"``
    from ``edges[1]`` on.

    The zones come from the figure of Heskett et al. (1994) that Jones & Sasser (1995) build on;
    their boundaries are not fixed numbers, so ``edges`` is the course's reading of a 1-5 scale
    (1-2 defection, 3-4 indifference, 5 affection) and a parameter.

    Returns str for a scalar, a categorical Series (same index) for a Series, an object array
    otherwise.

    >>> satisfaction_zones([1, 3, 4, 5]).tolist()
    ['defection', 'indifference', 'indifference', 'affection']
    >>> satisfaction_zones(4.6, edges=(2, 4))
    'affection'
    """
    sat = v.as_float_array(satisfaction, "satisfaction")
    if not (isinstance(edges, (tuple, list)) and len(edges) == 2):
        raise TypeError(f"edges: expected two numbers (low, high), got {edges!r}")
    low, high = v.scalar(edges[0], "edges[0]"), v.scalar(edges[1], "edges[1]")
    if not low < high:
        raise ValueError(f"edges: the first edge ({low:g}) must be below the second ({high:g})")
    labels = list(SATISFACTION_ZONES)
    code = (sat >= low).astype(int) + (sat >= high).astype(int)
    if np.ndim(satisfaction) == 0:
        return labels[int(code)]
    if isinstance(satisfaction, pd.Series):
        return pd.Series(pd.Categorical.from_codes(code, categories=labels),
                         index=satisfaction.index)
    return np.asarray(labels, dtype=object)[code]


def plot_jones_sasser(curves: pd.DataFrame, ax=None, zones: bool = False,
                      edges: tuple[float, float] = (2.5, 4.5)):
    """Draw :func:`jones_sasser_curves`: one line per market, satisfaction on x. Returns the Axes.

    With ``zones=True`` the background is shaded into the zones of defection, indifference
    (质量不敏感区) and affection at ``edges`` (see :func:`satisfaction_zones`), with the
    terrorist (破坏者) and apostle (传道者) at the two ends.

    >>> ax = plot_jones_sasser(jones_sasser_curves([1, 5], [2, 5], ["competitive"] * 2))
    >>> ax.get_title()
    'Satisfaction and loyalty (Jones & Sasser)'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    >>> ax = plot_jones_sasser(jones_sasser_curves([1, 5], [2, 5], ["competitive"] * 2), zones=True)
    >>> [" ".join(t.get_text().split()) for t in ax.texts][:3]
    ['zone of defection', 'zone of indifference', 'zone of affection']
    >>> plotting.close(ax.figure)
    """
    from . import plotting
    _check_table(curves, "curves", [], "jones_sasser_curves()")
    if ax is None:
        _, ax = plotting.new_figure()
    palette = [plotting.COLORS["bad"], plotting.COLORS["good"], plotting.COLORS["neutral"]]
    for color, market in zip(palette * 3, curves.columns):
        ax.plot(curves.index, curves[market], marker="o", lw=2.5, color=color, label=str(market))
    ax.set(xlabel="Satisfaction (1 = very dissatisfied, 5 = completely satisfied)",
           ylabel="Mean repurchase intent", title="Satisfaction and loyalty (Jones & Sasser)")
    ax.set_xticks(list(curves.index))
    if zones:
        satisfaction_zones(list(curves.index), edges)  # checks the edges
        x0, x1 = float(min(curves.index)) - 0.4, float(max(curves.index)) + 0.4
        bounds = [x0, float(edges[0]), float(edges[1]), x1]
        shades = [plotting.COLORS["bad"], plotting.COLORS["muted"], plotting.COLORS["good"]]
        top = float(np.nanmax(curves.to_numpy())) + 1.1
        for (key, (name, _, _)), lo, hi, shade in zip(SATISFACTION_ZONES.items(), bounds[:-1],
                                                     bounds[1:], shades):
            lo, hi = max(lo, x0), min(hi, x1)
            if hi <= lo:
                continue
            ax.axvspan(lo, hi, color=shade, alpha=0.10, lw=0)
            ax.text((lo + hi) / 2, top - 0.15, name.replace("zone of ", "zone of\n"),
                    ha="center", va="top", fontsize=10)
        ax.text(x0 + 0.05, top - 0.75, "terrorists",
                ha="left", va="top", fontsize=9, color=plotting.COLORS["bad"])
        ax.text(x1 - 0.05, top - 0.75, "apostles", ha="right", va="top", fontsize=9,
                color=plotting.COLORS["good"])
        ax.set_xlim(x0, x1)
        ax.set_ylim(top=top)
    ax.legend(title="market", loc="lower right")
    return ax


def plot_satisfaction_quadrants(satisfaction, loyalty, satisfaction_cut: float = 4.0,
                                loyalty_cut: float = 4.0, ax=None):
    """Bubble chart of satisfaction x loyalty counts with Jones & Sasser's four types. Answers on
    1-5 scales overlap, so each bubble's area is the number of customers at that point.

    >>> ax = plot_satisfaction_quadrants([5, 5, 1], [5, 5, 1])
    >>> ax.get_xlabel()
    'Satisfaction'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    satisfaction_loyalty_quadrant(satisfaction, loyalty, satisfaction_cut, loyalty_cut)  # checks
    sat = v.as_float_array(satisfaction, "satisfaction")
    loy = v.as_float_array(loyalty, "loyalty")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(7, 6))
    counts = pd.DataFrame({"s": sat, "l": loy}).value_counts().rename("n").reset_index()
    kinds = satisfaction_loyalty_quadrant(counts["s"], counts["l"], satisfaction_cut, loyalty_cut)
    c = plotting.COLORS
    colors = dict(zip(JONES_SASSER_LABELS, [c["good"], c["neutral"], c["accent"], c["bad"]]))
    for kind in JONES_SASSER_LABELS:
        sel = (kinds == kind).to_numpy()
        share = counts.loc[sel, "n"].sum() / counts["n"].sum()
        ax.scatter(counts.loc[sel, "s"], counts.loc[sel, "l"], s=counts.loc[sel, "n"] * 12,
                   alpha=0.6, color=colors[kind], label=f"{kind} ({share:.0%})")
    ax.axvline(satisfaction_cut - 0.5, color="black", lw=1)
    ax.axhline(loyalty_cut - 0.5, color="black", lw=1)
    ax.set(xlabel="Satisfaction", ylabel="Loyalty (repurchase intent)",
           title="Apostles, mercenaries, hostages, terrorists")
    ax.set_xticks(np.unique(sat)[:12])
    ax.set_yticks(np.unique(loy)[:12])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=10,
              markerscale=0.4)
    return ax


# ---------------------------------------------------------------------------------------------
# Loyalty programmes (忠诚计划)
# ---------------------------------------------------------------------------------------------

def programme_types() -> pd.DataFrame:
    """The three programme models of the lesson plan, as a teaching table.

    >>> programme_types().index.tolist()
    ['standalone points', 'coalition', 'co-branded card']
    """
    rows = [
        ("standalone points", "独立积分计划",
         "one firm awards points for its own purchases and referrals",
         "full control and data; the firm pays every reward"),
        ("coalition", "积分计划联盟",
         "many firms share one points currency and card",
         "faster rewards for members, shared cost; less control, shared data"),
        ("co-branded card", "联名卡",
         "a firm and a bank issue a credit card together",
         "the bank funds part of the rewards; the firm reaches card spending elsewhere"),
    ]
    return pd.DataFrame(rows, columns=["model", "chinese", "how_it_works", "trade_off"]
                        ).set_index("model")


@dataclass(frozen=True)
class ProgrammeEconomics:
    """The yearly economics of a loyalty programme (all money in the same currency per year)."""

    base_revenue: float
    incremental_revenue: float
    incremental_profit: float
    reward_cost: float
    fixed_cost: float
    net_benefit: float
    break_even_uplift: float

    def as_series(self) -> pd.Series:
        """The figures as a Series, for tables."""
        return pd.Series(self.__dict__)


def programme_economics(members: float, spend_per_member: float, uplift: float, margin: float,
                        reward_rate: float, redemption_rate: float, fixed_cost: float = 0.0,
                        partner_share: float = 0.0) -> ProgrammeEconomics:
    """Does a loyalty programme pay? A yearly calculation with every assumption explicit.

    - base revenue = members x spend per member (what members spend anyway)
    - incremental revenue = base revenue x uplift (extra spend the programme causes)
    - incremental profit = incremental revenue x margin
    - reward cost = (base + incremental revenue) x reward rate x redemption rate x
      (1 - partner share): points are earned on *all* member spend, only redeemed points cost
      money, and partners (coalition members, the card-issuing bank) fund a share
    - net benefit = incremental profit - reward cost - fixed cost
    - break-even uplift: the uplift at which the net benefit is zero

    Parameters
    ----------
    members : number of members
    spend_per_member : yearly spend per member without the programme
    uplift : extra spend caused by the programme, as a share of base spend (0.05 = +5%)
    margin : gross margin on the extra spend (share)
    reward_rate : value of rewards issued per unit of spend (0.01 = 1 point worth 1% back)
    redemption_rate : share of issued rewards that are redeemed (the rest is 'breakage')
    fixed_cost : yearly running cost (IT, cards, staff, marketing)
    partner_share : share of reward cost paid by partners (0 standalone)

    >>> r = programme_economics(10_000, 2_000, uplift=0.05, margin=0.25, reward_rate=0.01,
    ...                         redemption_rate=0.7, fixed_cost=50_000)
    >>> round(r.net_benefit), round(r.break_even_uplift, 4)
    (53000, 0.0391)
    """
    members = v.non_negative(members, "members")
    spend = v.non_negative(spend_per_member, "spend_per_member")
    uplift = v.non_negative(uplift, "uplift")
    margin = v.share(margin, "margin")
    reward_rate = v.share(reward_rate, "reward_rate")
    redemption = v.share(redemption_rate, "redemption_rate")
    fixed = v.non_negative(fixed_cost, "fixed_cost")
    partner = v.share(partner_share, "partner_share")
    base = members * spend
    cost_per_revenue = reward_rate * redemption * (1 - partner)
    incremental = base * uplift
    reward_cost = (base + incremental) * cost_per_revenue
    profit = incremental * margin
    # net(u) = base*u*margin - base*(1+u)*c - fixed = 0  ->  u = (base*c + fixed) / (base*(margin - c))
    denom = base * (margin - cost_per_revenue)
    break_even = (base * cost_per_revenue + fixed) / denom if denom > 0 else float("inf")
    return ProgrammeEconomics(base, incremental, profit, reward_cost, fixed,
                              profit - reward_cost - fixed, break_even)


def compare_programmes(scenarios: Mapping[str, Mapping[str, float]]) -> pd.DataFrame:
    """:func:`programme_economics` for several programme designs side by side (one row each).

    >>> t = compare_programmes({
    ...     "standalone": dict(members=1000, spend_per_member=1000, uplift=0.05, margin=0.2,
    ...                        reward_rate=0.01, redemption_rate=1.0),
    ...     "coalition": dict(members=1000, spend_per_member=1000, uplift=0.05, margin=0.2,
    ...                       reward_rate=0.01, redemption_rate=1.0, partner_share=0.5)})
    >>> t["net_benefit"].round().tolist()
    [-500.0, 4750.0]
    """
    if not isinstance(scenarios, Mapping) or not scenarios:
        raise TypeError("scenarios: expected {name: {argument: value}} with at least one design")
    for name, kw in scenarios.items():
        if not isinstance(kw, Mapping):
            raise TypeError(f"scenarios[{name!r}]: expected {{argument: value}} for "
                            f"programme_economics(), got {type(kw).__name__}")
    allowed = inspect.signature(programme_economics).parameters
    for name, kw in scenarios.items():
        unknown = [k for k in kw if k not in allowed]
        missing = [k for k, p in allowed.items() if p.default is p.empty and k not in kw]
        if unknown or missing:
            raise TypeError(f"scenarios[{name!r}]: " + "; ".join(
                ([f"{unknown} are not arguments of programme_economics()"] if unknown else [])
                + ([f"missing {missing}"] if missing else []))
                + f"; it takes {', '.join(allowed)}")
    table = pd.DataFrame({name: programme_economics(**dict(kw)).as_series()
                          for name, kw in scenarios.items()}).T
    table.index.name = "design"
    return table


# ---------------------------------------------------------------------------------------------
# Loyalty as long-term profit potential: how much economic force drives a customer away
# ---------------------------------------------------------------------------------------------

def discount_defection(switch_discount, discounts, spend=None) -> pd.DataFrame:
    """Who leaves if a rival offers a discount? The lesson plan calls loyalty "how much economic
    force it takes to drive a customer away" (需要多大经济力量才能驱使其离开); this counts it.

    A customer leaves when the discount offered is at least their ``switch_discount`` (the
    smallest discount that would move most of their shopping, in %).

    Parameters
    ----------
    switch_discount : array-like or Series of % (0-100), one per customer
    discounts : a number or an iterable of discounts (%) a rival might offer
    spend : optional array-like or Series, what each customer spends (e.g. a month, in $)

    Returns
    -------
    DataFrame indexed by ``discount`` with ``customers_lost``, ``share_lost``, ``share_kept``
    and, when ``spend`` is given, ``spend_lost`` (the spending that leaves with them).

    >>> t = discount_defection([0, 5, 10, 30], [5, 20], spend=[100, 200, 300, 400])
    >>> t["customers_lost"].tolist(), t["share_kept"].tolist(), t["spend_lost"].tolist()
    ([2, 3], [0.5, 0.25], [300.0, 600.0])
    """
    need = v.as_float_array(switch_discount, "switch_discount").ravel()
    if need.min() < 0 or need.max() > 100:
        raise ValueError("switch_discount: a discount in % must lie between 0 and 100, got "
                         f"values from {need.min():g} to {need.max():g}")
    if isinstance(discounts, Iterable) and not isinstance(discounts, (str, bytes, Mapping)):
        discounts = list(discounts)
    offers = v.as_float_array(discounts, "discounts").ravel()
    if offers.min() < 0 or offers.max() > 100:
        raise ValueError("discounts: a discount in % must lie between 0 and 100 (give 10 for "
                         f"10 %), got values from {offers.min():g} to {offers.max():g}")
    if spend is not None:
        v.paired_index(switch_discount=switch_discount, spend=spend)
        amounts = v.as_float_array(spend, "spend").ravel()
        if amounts.size != need.size:
            raise ValueError(f"spend: expected one amount per customer ({need.size}), got "
                             f"{amounts.size}")
    lost = need[None, :] <= offers[:, None]          # (offers, customers)
    index = pd.Index(offers, name="discount")
    if np.all(offers == np.round(offers)):
        index = pd.Index(offers.astype(int), name="discount")
    out = pd.DataFrame({"customers_lost": lost.sum(axis=1), "share_lost": lost.mean(axis=1)},
                       index=index)
    out["share_kept"] = 1.0 - out["share_lost"]
    if spend is not None:
        out["spend_lost"] = lost.astype(float) @ amounts
    return out


def plot_discount_defection(switch_discount, groups, discounts=range(0, 50, 5), ax=None):
    """Share of customers a rival's discount would *not* take, one line per group: how much
    economic force each kind of loyalty withstands. Returns the Axes. The default discounts stop
    at 45 %, below the top answer of ``switch_discount`` ("50 % or more").

    >>> ax = plot_discount_defection([0, 10, 40, 50], ["price", "price", "trust", "trust"])
    >>> [line.get_label() for line in ax.lines]
    ['price', 'trust']
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.ticker import PercentFormatter

    from . import plotting
    need = v.as_float_array(switch_discount, "switch_discount").ravel()
    labels = pd.Series(np.asarray(groups, dtype=object).ravel(), name="group")
    if labels.size != need.size:
        raise ValueError(f"groups: expected one label per customer ({need.size}), got "
                         f"{labels.size}")
    if labels.isna().any():
        raise ValueError(f"groups: missing label {v.describe_positions(labels.isna().to_numpy())}")
    if isinstance(discounts, Iterable) and not isinstance(discounts, (str, bytes, Mapping)):
        discounts = list(discounts)
    offers = v.as_float_array(discounts, "discounts").ravel()
    discount_defection(need, offers)                  # checks the ranges
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 5))
    if isinstance(groups, pd.Series) and isinstance(groups.dtype, pd.CategoricalDtype):
        order = list(groups.cat.categories)
    else:
        order = list(dict.fromkeys(labels))
    colors = [plotting.COLORS[c] for c in ("bad", "neutral", "accent", "muted", "good", "total")]
    for color, group in zip(colors * 3, order):
        mask = (labels == group).to_numpy()
        if not mask.any():
            continue
        kept = discount_defection(need[mask], offers)["share_kept"]
        ax.plot(offers, kept.to_numpy(), marker="o", lw=2, color=color, label=str(group))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set(xlabel="Discount offered by a new store as close as Jack's (%)",
           ylabel="Customers who would stay", ylim=(-0.03, 1.03),
           title="How much economic force drives a customer away?")
    ax.legend(title="main reason", loc="center left", bbox_to_anchor=(1.02, 0.5))
    return ax


# ---------------------------------------------------------------------------------------------
# The service-profit chain (Heskett et al. 1994; slide deck 003)
# ---------------------------------------------------------------------------------------------

def service_profit_chain() -> pd.DataFrame:
    """The links of the service-profit chain (服务利润链) of Heskett, Jones, Loveman, Sasser &
    Schlesinger (1994), read from profit back to the firm's internal service, with Chinese
    terms, and the three pairs of relations the slide deck 003 singles out.

    >>> chain = service_profit_chain()
    >>> chain.loc[1, ["from", "to"]].tolist()
    ['internal service quality', 'employee satisfaction']
    >>> int(chain["deck_003_pair"].astype(bool).sum())
    3
    """
    rows = [
        (1, "internal service quality", "employee satisfaction", "内部服务质量 → 员工满意",
         "good tools, training, recognition and support services make employees satisfied", ""),
        (2, "employee satisfaction", "employee retention", "员工满意 → 员工忠诚",
         "satisfied employees stay", ""),
        (3, "employee satisfaction", "employee productivity", "员工满意 → 员工生产率",
         "satisfied employees work better", ""),
        (4, "employee retention and productivity", "external service value",
         "员工忠诚与生产率 → 服务价值", "experienced, productive staff create the value customers get",
         "employee loyalty ↔ customer loyalty"),
        (5, "external service value", "customer satisfaction", "服务价值 → 顾客满意",
         "value received (results and process quality against price and effort) satisfies",
         "employee satisfaction ↔ customer satisfaction"),
        (6, "customer satisfaction", "customer loyalty", "顾客满意 → 顾客忠诚",
         "satisfied customers come back; only the very satisfied reliably", ""),
        (7, "customer loyalty", "revenue growth and profitability", "顾客忠诚 → 收入增长与利润",
         "loyal customers buy more, cost less to serve and recommend", "revenue ↔ customer loyalty"),
    ]
    return pd.DataFrame(rows, columns=["link", "from", "to", "chinese", "what_it_says",
                                       "deck_003_pair"]).set_index("link")


def plot_service_profit_chain(ax=None):
    """The service-profit chain as a figure: boxes for each stage, arrows for each link, the
    inside of the firm on the left and the customer side on the right. Returns the Axes.

    >>> ax = plot_service_profit_chain()
    >>> sum(t.get_text() == "Customer\\nloyalty" for t in ax.texts)
    1
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    c = plotting.COLORS
    if ax is None:
        _, ax = plotting.new_figure(figsize=(13, 5.2))
    boxes = {  # name: (x, y, text, side)
        "internal": (0.6, 2.0, "Internal\nservice quality", "firm"),
        "emp_sat": (2.3, 2.0, "Employee\nsatisfaction", "firm"),
        "emp_ret": (4.0, 2.8, "Employee\nretention", "firm"),
        "emp_prod": (4.0, 1.2, "Employee\nproductivity", "firm"),
        "value": (5.8, 2.0, "External\nservice value", "customer"),
        "cust_sat": (7.5, 2.0, "Customer\nsatisfaction", "customer"),
        "cust_loy": (9.2, 2.0, "Customer\nloyalty", "customer"),
        "revenue": (11.0, 2.8, "Revenue\ngrowth", "customer"),
        "profit": (11.0, 1.2, "Profitability", "customer"),
    }
    for x, y, text, side in boxes.values():
        ax.text(x, y, text, ha="center", va="center", fontsize=11,
                bbox=dict(boxstyle="round,pad=0.45", lw=1.5,
                          fc="white", ec=c["neutral"] if side == "firm" else c["good"]))
    links = [("internal", "emp_sat"), ("emp_sat", "emp_ret"), ("emp_sat", "emp_prod"),
             ("emp_ret", "value"), ("emp_prod", "value"), ("value", "cust_sat"),
             ("cust_sat", "cust_loy"), ("cust_loy", "revenue"), ("cust_loy", "profit")]
    for a, b in links:
        (xa, ya, _, _), (xb, yb, _, _) = boxes[a], boxes[b]
        ax.annotate("", xy=(xb - 0.72, yb), xytext=(xa + 0.72, ya),
                    arrowprops=dict(arrowstyle="-|>", lw=1.6, color=c["total"]))
    # the three relations the slide deck 003 names, as dashed arcs below and above the chain
    pairs = [("emp_sat", "cust_sat", -0.55, "employee satisfaction ~ customer satisfaction"),
             ("emp_ret", "cust_loy", 0.35, "employee loyalty ~ customer loyalty"),
             ("cust_loy", "revenue", 0.0, "")]
    for a, b, rad, label in pairs[:2]:
        (xa, ya, _, _), (xb, yb, _, _) = boxes[a], boxes[b]
        ya2 = ya + (0.45 if rad > 0 else -0.45)
        yb2 = yb + (0.45 if rad > 0 else -0.45)
        ax.annotate("", xy=(xb, yb2), xytext=(xa, ya2),
                    arrowprops=dict(arrowstyle="<|-|>", ls="--", lw=1.2, color=c["accent"],
                                    connectionstyle=f"arc3,rad={-rad}"))
        ax.text((xa + xb) / 2, 4.35 if rad > 0 else -0.25, label, ha="center", va="center",
                fontsize=10, color=c["accent"])
    ax.text(10.1, 3.45, "revenue ~\ncustomer loyalty", ha="center", va="center", fontsize=9,
            color=c["accent"])
    ax.text(2.3, -0.85, "inside the firm: operating strategy and service delivery",
            ha="center", fontsize=10, color=c["neutral"])
    ax.text(8.4, -0.85, "the customers: value, satisfaction, loyalty, results",
            ha="center", fontsize=10, color=c["good"])
    ax.set_xlim(-0.4, 12.0)
    ax.set_ylim(-1.0, 4.6)
    ax.set_axis_off()
    ax.set_title("The service-profit chain (Heskett et al. 1994)")
    return ax


# ---------------------------------------------------------------------------------------------
# Routes to loyalty (000's eight, 004's seven) and the leaky bucket's stages (002)
# ---------------------------------------------------------------------------------------------

#: The lesson plan's eight routes to higher loyalty (提高客户忠诚度的途径), numbered as in §5.10.
ROUTES_000 = ("find the right customers (寻找正确的顾客)",
              "tailor the service to the person (定制个性化的服务)",
              "reward loyalty with financial benefits (提供财务利益，奖励忠诚)",
              "aim for complete satisfaction (努力实现客户完全满意)",
              "build trust and emotional ties (增加客户对企业的信任与情感牵挂)",
              "raise switching costs (提高转移成本)",
              "strengthen internal management (加强内部管理)",
              "organise customers into clubs (建立客户组织，稳定客户队伍)")


def loyalty_routes() -> pd.DataFrame:
    """The seven groups of routes to higher loyalty of the slide deck 004 (提高客户忠诚度的有效
    途径), each with its measures and the lesson plan's routes (:data:`ROUTES_000`, numbered 1-8)
    that it overlaps. The overlap is the course's reading.

    >>> t = loyalty_routes()
    >>> len(t), t.loc[5, "routes_000"]
    (7, '6')
    """
    rows = [
        (1, "keep improving the service system", "不断完善服务体系",
         "distinctive services; a complete after-sales service; a fast system for passing on "
         "customer information", "2, 7"),
        (2, "train staff for customer loyalty", "培养以客户忠诚为导向的员工",
         "a staff training plan; customer-loyalty goals in staff appraisal", "7"),
        (3, "raise customer satisfaction", "提高客户满意度",
         "exceed expectations through innovation; communicate more with customers; handle "
         "complaints well", "4, 5"),
        (4, "keep improving product quality and design", "不断改进产品质量，优化产品设计",
         "better products and design", "4"),
        (5, "raise switching costs", "提高转换成本", "make leaving cost money, time or ties", "6"),
        (6, "build a good image and brand", "塑造良好的企业形象，树立品牌",
         "reputation and brand that customers identify with", "5"),
        (7, "stay in business for the long run", "持续经营",
         "a firm that lasts, so a relationship with it is worth building", ""),
    ]
    return pd.DataFrame(rows, columns=["group", "route", "chinese", "includes", "routes_000"]
                        ).set_index("group")


def bucket_stages() -> pd.DataFrame:
    """The stages drawn in the leaky bucket (市场营销漏桶) of the chapter 6 slides (002), beside
    the rungs of the course's loyalty ladder and the lesson plan's (000) terms.

    Two of the nine stages are not rungs: the *disqualified* (不合格者) drop out before buying,
    and the *lapsed or past* customers (停止购买或过去的顾客) leak out after buying, from any rung.

    >>> t = bucket_stages()
    >>> t.loc["disqualified", "ladder_rung"], t.loc["lapsed", "chinese_002"]
    ('(off the ladder: leaves before buying)', '停止购买或过去的顾客')
    """
    rows = [
        ("suspect", "猜想顾客", "suspect", "可疑者", "可疑者",
         "anyone in the market who might buy"),
        ("disqualified", "不合格者", "(off the ladder: leaves before buying)", "—", "—",
         "a suspect who turns out unable or unlikely to buy (outside the target market)"),
        ("prospect", "预期顾客", "prospect", "持观望态度的购买者 / 可能性顾客", "潜在客户",
         "knows the firm and is watching; has not bought"),
        ("first-time customer", "首次购买顾客", "first-time customer", "一次性购买者 / 新客户",
         "首次购买者", "has bought once"),
        ("repeat customer", "重复购买顾客", "repeat customer", "—", "重复购买者",
         "has bought more than once"),
        ("client", "客户", "client", "—", "老主顾", "buys regularly and is known individually"),
        ("advocate", "主动性客户", "advocate", "拥护者", "拥护者",
         "speaks up for the firm and recommends it"),
        ("partner", "合伙人", "partner", "合伙人", "合伙人", "works with the firm"),
        ("lapsed", "停止购买或过去的顾客", "(off the ladder: leaks out after buying)", "—", "—",
         "stopped buying: the leak of the bucket, possible from every rung above prospect"),
    ]
    return pd.DataFrame(rows, columns=["stage", "chinese_002", "ladder_rung", "term_000",
                                       "course_term", "meaning"]).set_index("stage")
