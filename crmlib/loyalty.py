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
from collections.abc import Mapping, Sequence
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


def plot_jones_sasser(curves: pd.DataFrame, ax=None):
    """Draw :func:`jones_sasser_curves`: one line per market, satisfaction on x. Returns the Axes.

    >>> ax = plot_jones_sasser(jones_sasser_curves([1, 5], [2, 5], ["competitive"] * 2))
    >>> ax.get_title()
    'Satisfaction and loyalty (Jones & Sasser)'
    >>> from crmlib import plotting; plotting.close(ax.figure)
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
    ax.legend(title="market")
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
