"""Customer value (顾客价值/客户价值): its definitions and drivers, Kotler's customer delivered
value, and Gale's customer value analysis with the customer value map.

Two ways of putting a number on value from the customer's side:

- **Kotler's customer delivered value (顾客让渡价值)**: total customer value (product, service,
  personnel, image) minus total customer cost (money, time, energy and psychic cost: 货币成本,
  时间成本, 体力成本, 精神成本). Chinese slide decks often list three costs instead (时间成本,
  精力和体力成本, 货币成本); :func:`total_cost_lists` sets the two side by side and
  :func:`three_costs` regroups Kotler's four into the three.
- **Gale's customer value analysis (盖尔顾客价值测量方法)**: customers weigh the attributes of
  quality and price and rate each brand on them. Comparing our ratings with the competitors'
  gives the *market-perceived quality* and the *market-perceived price* (100 = parity); the
  customer value map puts every brand at (relative quality, relative price) against a
  fair-value line.

>>> market_perceived_quality({"taste": 60, "speed": 40}, {"taste": 8, "speed": 6},
...                          {"taste": 8, "speed": 5})
108.0

References
----------
Kotler, P. & Keller, K. L. (2016). *Marketing Management* (15th ed.). Pearson (customer
delivered value, customer-perceived value).
Gale, B. T. (1994). *Managing Customer Value: Creating Quality and Service That Customers Can
See*. Free Press.
Zeithaml, V. A. (1988). Consumer perceptions of price, quality, and value. *Journal of
Marketing*, 52(3), 2-22.
Woodruff, R. B. (1997). Customer value: the next source for competitive advantage. *Journal of
the Academy of Marketing Science*, 25(2), 139-153.
Anderson, J. C., Jain, D. C. & Chintagunta, P. K. (1993). Customer value assessment in business
markets. *Journal of Business-to-Business Marketing*, 1(1), 3-29.
Woodruff, R. B. & Gardial, S. F. (1996). *Know Your Customer: New Approaches to Understanding
Customer Value and Satisfaction*. Blackwell.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = [
    "value_definitions", "value_characteristics", "value_drivers", "driver_identification_steps",
    "KOTLER_VALUE", "KOTLER_COST", "delivered_value_components", "delivered_value",
    "plot_delivered_value", "total_cost_lists", "three_costs", "THREE_COSTS",
    "value_hierarchy", "value_measurement_methods", "value_determination_steps", "value_gap",
    "value_satisfaction_loyalty", "quality_profile", "market_perceived_quality", "price_profile",
    "market_perceived_price", "relative_price", "customer_value", "value_map_table",
    "plot_quality_profile", "plot_value_map", "value_map_widget",
]


# ---------------------------------------------------------------------------------------------
# Teaching tables (slide deck 003, chapter 3)
# ---------------------------------------------------------------------------------------------

def value_definitions() -> pd.DataFrame:
    """Definitions of customer value from the authors that Chinese CRM textbooks cite, in the course's words, with
    the idea each one stresses.

    >>> value_definitions().index.tolist()
    ['Zeithaml (1988)', 'Woodruff (1997)', 'Anderson et al. (1993)', 'Kotler', 'Gale (1994)']
    """
    rows = [
        ("Zeithaml (1988)", "the customer's overall judgement of a product's usefulness, "
         "weighing what is received (perceived benefits) against what is given up "
         "(perceived costs)", "a trade-off, judged by the customer"),
        ("Woodruff (1997)", "what the customer perceives and prefers about a product's "
         "attributes, their performance and the consequences of use, as they help reach the "
         "customer's goals in a given situation of use", "a hierarchy: attributes, "
         "consequences, goals; depends on the use situation"),
        ("Anderson et al. (1993)", "the net gain: the worth of what the customer obtains from "
         "the purchase minus the full cost of obtaining it", "a net amount, often in money"),
        ("Kotler", "customer delivered value: total customer value (product, service, "
         "personnel, image) minus total customer cost (money, time, energy, psychic cost)",
         "value and cost both have several parts"),
        ("Gale (1994)", "market-perceived quality adjusted for the relative price of the "
         "product, judged against competitors' offers", "relative to competitors"),
    ]
    return pd.DataFrame(rows, columns=["author", "definition", "stresses"]).set_index("author")


def value_characteristics() -> pd.DataFrame:
    """The five characteristics of customer value in the slide deck (顾客价值的特征).

    >>> value_characteristics()["chinese"].tolist()
    ['主观性', '层次性', '动态性', '相对性', '实践性']
    """
    rows = [
        ("subjective", "主观性", "the customer, not the firm, decides what an offer is worth"),
        ("hierarchical", "层次性", "attributes serve consequences, which serve goals"),
        ("dynamic", "动态性", "what customers value changes over time and with experience"),
        ("relative", "相对性", "judged against competitors' offers and the customer's "
         "own expectations"),
        ("practical", "实践性", "formed in actual use, in a particular situation"),
    ]
    return pd.DataFrame(rows, columns=["characteristic", "chinese", "meaning"]
                        ).set_index("characteristic")


def value_drivers() -> pd.DataFrame:
    """The drivers of customer value (顾客价值的驱动因素) in the slide deck: five groups and
    their elements, with the side of the value equation each mainly acts on.

    >>> value_drivers().groupby("driver", sort=False).size().tolist()
    [3, 3, 3, 4, 4]
    """
    groups = [
        ("product/service", "产品/服务因素", "benefit and cost",
         [("quality", "质量"), ("price", "价格"), ("convenience", "便利性")]),
        ("brand", "品牌因素", "benefit",
         [("brand identification", "品牌认同"), ("brand loyalty", "品牌忠诚"),
          ("brand awareness", "品牌意识")]),
        ("knowledge", "知识因素", "benefit",
         [("organisational learning", "组织学习"), ("customer learning", "顾客学习"),
          ("knowledge integration", "知识集成")]),
        ("technology", "技术因素", "benefit",
         [("product innovation", "产品创新"), ("service", "服务"), ("logistics", "物流"),
          ("technical support", "技术支持")]),
        ("relationship", "关系因素", "benefit and cost",
         [("emotional contact", "情感联络"), ("emotional atmosphere", "情感氛围"),
          ("trust", "信任"), ("switching cost", "转移成本")]),
    ]
    rows = [(driver, chinese, side, element, element_cn)
            for driver, chinese, side, elements in groups for element, element_cn in elements]
    return pd.DataFrame(rows, columns=["driver", "chinese", "acts_on", "element",
                                       "element_chinese"])


def driver_identification_steps() -> pd.DataFrame:
    """How to identify value drivers (顾客价值驱动因素分析步骤): three stages, each with its
    steps, from the slide deck.

    >>> driver_identification_steps()["stage"].unique().tolist()
    ['start', 'survey', 'analysis']
    """
    rows = [
        ("start", "启动阶段", "set the industry or segment scope", "确定行业范围"),
        ("start", "启动阶段", "choose whom to interview", "确定访谈对象"),
        ("start", "启动阶段", "in-depth interviews: a first list of candidate drivers",
         "深度访谈"),
        ("start", "启动阶段", "design the questionnaire (check its validity with experts)",
         "问卷设计"),
        ("survey", "调查阶段", "pretest with target customers and revise", "预调查"),
        ("survey", "调查阶段", "draw the sample", "抽样"),
        ("survey", "调查阶段", "run the survey", "问卷调查"),
        ("survey", "调查阶段", "collect and clean the data", "数据采集"),
        ("analysis", "分析阶段", "process the data: validity and reliability tests "
         "(e.g. Cronbach's alpha, chapter 4)", "数据处理"),
        ("analysis", "分析阶段", "analyse and report which drivers matter", "结果分析"),
    ]
    return pd.DataFrame(rows, columns=["stage", "stage_chinese", "step", "step_chinese"])


# ---------------------------------------------------------------------------------------------
# Kotler: customer delivered value
# ---------------------------------------------------------------------------------------------

#: The four components of total customer value in Kotler's model.
KOTLER_VALUE = ("product", "service", "personnel", "image")
#: The four components of total customer cost in Kotler's model: monetary, time, energy
#: (physical effort, 体力成本) and psychic (mental effort and worry, 精神成本) cost.
KOTLER_COST = ("money", "time", "energy", "psychic")

#: The three costs of the Chinese slide decks (时间成本, 精力和体力成本, 货币成本) and the Kotler
#: costs each one holds. 精力和体力成本 is one item that covers mental effort (精力, Kotler's
#: psychic cost) and physical effort (体力, Kotler's energy cost): the course's reading.
THREE_COSTS = {"time": ("time",), "effort": ("energy", "psychic"), "money": ("money",)}


def delivered_value_components() -> pd.DataFrame:
    """Kotler's customer delivered value as a teaching table: each component, its side (value
    or cost), its Chinese term and an example from food delivery.

    >>> delivered_value_components().loc["psychic", ["side", "chinese"]].tolist()
    ['cost', '精神成本']
    """
    rows = [
        ("product", "value", "产品价值", "the meal: taste, freshness, portion"),
        ("service", "value", "服务价值", "delivery on time, refunds, customer service"),
        ("personnel", "value", "人员价值", "a courteous, competent rider and service staff"),
        ("image", "value", "形象价值", "the brand the customer is happy to be seen using"),
        ("money", "cost", "货币成本", "menu price, delivery fee, packaging fee"),
        ("time", "cost", "时间成本", "choosing, ordering, waiting"),
        ("energy", "cost", "体力成本", "physical effort: going down to the gate, carrying"),
        ("psychic", "cost", "精神成本", "worry: will it be late, cold, wrong, unsafe?"),
    ]
    return pd.DataFrame(rows, columns=["component", "side", "chinese", "example"]
                        ).set_index("component")


def _components(parts: Any, name: str) -> pd.DataFrame:
    """Component amounts as a DataFrame (rows = offers): from a mapping, Series or DataFrame."""
    if isinstance(parts, pd.DataFrame):
        frame = parts
    elif isinstance(parts, pd.Series):
        frame = parts.to_frame().T
    elif isinstance(parts, Mapping):
        frame = pd.DataFrame([dict(parts)])
    else:
        raise TypeError(f"{name}: expected a mapping {{component: amount}}, a Series or a "
                        f"DataFrame (one row per offer), got {type(parts).__name__}")
    if frame.shape[1] == 0 or frame.shape[0] == 0:
        raise ValueError(f"{name}: is empty; give at least one component")
    clean = {}
    for col in frame.columns:
        arr = v.as_float_array(frame[col], f"{name}[{col!r}]")
        if (arr < 0).any():
            raise ValueError(f"{name}[{col!r}]: amounts must be zero or more, got a negative "
                             f"value {v.describe_positions(arr < 0, frame.index)}")
        clean[col] = arr
    return pd.DataFrame(clean, index=frame.index)


def delivered_value(value: Any, cost: Any) -> pd.Series | pd.DataFrame:
    """Kotler's customer delivered value: total customer value minus total customer cost.

    Parameters
    ----------
    value : mapping, Series or DataFrame
        The value components (e.g. product, service, personnel, image, see
        :data:`KOTLER_VALUE`) as amounts on one scale (money, or points); a DataFrame has one
        row per offer.
    cost : mapping, Series or DataFrame
        The cost components (money, time, energy, psychic, see :data:`KOTLER_COST`) on the same
        scale; the same rows as ``value`` for a DataFrame.

    Returns
    -------
    Series (one offer) or DataFrame (one row per offer) with ``total_value``, ``total_cost``,
    ``delivered_value`` = total value - total cost and ``value_ratio`` = total value / total
    cost (Kotler also reads the ratio; inf when the cost is 0).

    Examples
    --------
    >>> delivered_value({"product": 50, "service": 20, "personnel": 10, "image": 10},
    ...                 {"money": 40, "time": 15, "energy": 5, "psychic": 5}).tolist()
    [90.0, 65.0, 25.0, 1.3846153846153846]
    """
    values = _components(value, "value")
    costs = _components(cost, "cost")
    if isinstance(value, pd.DataFrame) or isinstance(cost, pd.DataFrame):
        if not values.index.equals(costs.index):
            raise ValueError("value and cost must have the same rows (offers); got "
                             f"{list(values.index)[:5]} and {list(costs.index)[:5]}")
    total_value = values.sum(axis=1)
    total_cost = costs.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = total_value / total_cost
    table = pd.DataFrame({"total_value": total_value, "total_cost": total_cost,
                          "delivered_value": total_value - total_cost, "value_ratio": ratio},
                         index=values.index)
    if isinstance(value, pd.DataFrame) or isinstance(cost, pd.DataFrame):
        return table
    return table.iloc[0].rename(None)


def plot_delivered_value(value: Any, cost: Any, ax: Any = None) -> Any:
    """For each offer, a stacked bar of its value components beside a stacked bar of its cost
    components, with the delivered value written above. Returns the Axes.

    >>> ax = plot_delivered_value({"product": 50, "image": 10}, {"money": 40, "time": 5})
    >>> ax.get_ylabel()
    'Amount'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    values, costs = _components(value, "value"), _components(cost, "cost")
    table = delivered_value(values, costs)
    if ax is None:
        _, ax = plotting.new_figure(figsize=(max(6, 3.2 * len(table) + 2), 5.5))
    greens = ["#1b9e77", "#52b69a", "#99d98c", "#d9ed92", "#b5e48c", "#76c893"]
    oranges = ["#d95f02", "#f28e2b", "#ffbe7d", "#fdd0a2", "#e15759", "#ff9d9a"]
    positions = np.arange(len(table)) * 3.0
    for side, frame, offset, palette in (("value", values, 0.0, greens),
                                         ("cost", costs, 1.0, oranges)):
        bottom = np.zeros(len(frame))
        for k, col in enumerate(frame.columns):
            height = frame[col].to_numpy()
            ax.bar(positions + offset, height, bottom=bottom, width=0.9,
                   color=palette[k % len(palette)], edgecolor="white",
                   label=f"{col} ({side})")
            bottom += height
    top = max(table["total_value"].max(), table["total_cost"].max())
    for x, (offer, row) in zip(positions, table.iterrows()):
        ax.text(x + 0.5, max(row["total_value"], row["total_cost"]) + 0.03 * top,
                f"delivered value {row['delivered_value']:+,.4g}", ha="center", fontsize=11,
                fontweight="bold")
    ax.set_xticks(np.concatenate([positions, positions + 1]))
    ax.set_xticklabels([f"{o}\nvalue" for o in table.index] + [f"{o}\ncost" for o in table.index])
    ax.set_ylim(0, top * 1.15)
    ax.set_ylabel("Amount")
    ax.set_title("Customer delivered value = total value - total cost")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9)
    ax.grid(axis="x", visible=False)
    ax.set_axisbelow(True)
    return ax


def total_cost_lists() -> pd.DataFrame:
    """Total customer cost (顾客总成本) two ways, side by side: Kotler's four costs and the three
    that Chinese slide decks list (时间成本, 精力和体力成本, 货币成本), with the deck item that
    holds each of Kotler's costs.

    The deck's 精力和体力成本 is *one* item that covers both mental effort (精力: Kotler's psychic
    cost, 精神成本) and physical effort (体力: Kotler's energy cost, 体力成本). So nothing is lost
    when the four are regrouped into three (:func:`three_costs`), as long as the psychic cost is
    counted inside the effort item and not dropped.

    >>> total_cost_lists()[["kotler_chinese", "deck_item"]].values.tolist()
    [['货币成本', '货币成本'], ['时间成本', '时间成本'], ['体力成本', '精力和体力成本'], ['精神成本', '精力和体力成本']]
    """
    rows = [
        ("money", "monetary cost", "货币成本", "money", "货币成本",
         "the price paid: menu price, delivery fee, packaging fee"),
        ("time", "time cost", "时间成本", "time", "时间成本",
         "the time spent choosing, ordering and waiting"),
        ("energy", "energy cost (physical effort)", "体力成本", "effort", "精力和体力成本",
         "bodily effort: going down to the gate, carrying the order"),
        ("psychic", "psychic cost (mental effort, worry)", "精神成本", "effort", "精力和体力成本",
         "comparing apps, worrying that the meal is late, cold or unsafe"),
    ]
    return pd.DataFrame(rows, columns=["cost", "kotler", "kotler_chinese", "deck_group",
                                       "deck_item", "example"]).set_index("cost")


def three_costs(cost: Any) -> pd.Series | pd.DataFrame:
    """Regroup Kotler's four cost components into the slide decks' three: time, effort
    (精力和体力成本 = energy + psychic) and money (see :data:`THREE_COSTS`).

    Parameters
    ----------
    cost : mapping, Series or DataFrame
        The cost components ``money``, ``time``, ``energy`` and ``psychic`` (all four; a
        DataFrame has one row per offer).

    Returns
    -------
    Series (one offer) or DataFrame (one row per offer) with ``time``, ``effort`` and ``money``.
    The total is unchanged, so :func:`delivered_value` gives the same answer with either list.

    Examples
    --------
    >>> three_costs({"money": 40, "time": 15, "energy": 5, "psychic": 3}).tolist()
    [15.0, 8.0, 40.0]
    """
    costs = _components(cost, "cost")
    missing = [c for c in KOTLER_COST if c not in costs.columns]
    extra = [c for c in costs.columns if c not in KOTLER_COST]
    if missing or extra:
        raise ValueError(f"cost: expected Kotler's four components {list(KOTLER_COST)}; "
                         f"missing {missing}, unexpected {extra}")
    table = pd.DataFrame({group: costs[list(parts)].sum(axis=1)
                          for group, parts in THREE_COSTS.items()}, index=costs.index)
    if isinstance(cost, pd.DataFrame):
        return table
    return table.iloc[0].rename(None)


# ---------------------------------------------------------------------------------------------
# Measuring value from the customer's side: the value hierarchy, desired and received value
# ---------------------------------------------------------------------------------------------

def value_hierarchy() -> pd.DataFrame:
    """Woodruff's customer value hierarchy (价值层次模型), top to bottom, with a food-delivery
    example at each level.

    Customers want *desired end states* (goals), which they reach through *consequences* of
    use, which come from a product's *attributes*. Desired value is formed top-down (goals ->
    wanted consequences -> wanted attributes); received value is judged bottom-up, as
    satisfaction with the attributes, the consequences and the goals reached (Woodruff, 1997).

    >>> value_hierarchy().index.tolist()
    ['goals', 'consequences', 'attributes']
    """
    rows = [
        ("goals", "目标层 (期望的最终状态)", "Why do I want it at all?",
         "a relaxed lunch break; feeling I eat well"),
        ("consequences", "结果层 (使用结果)", "What does it do for me when I use it?",
         "lunch arrives hot before the meeting; no queue; no worry"),
        ("attributes", "属性层 (产品属性)", "What does it have, how well does it perform?",
         "delivery speed, food condition, restaurant choice, live tracking"),
    ]
    return pd.DataFrame(rows, columns=["level", "chinese", "customer_asks", "example"]
                        ).set_index("level")


def value_measurement_methods() -> pd.DataFrame:
    """The three ways of measuring customer value listed in Chinese CRM textbooks
    (顾客价值评测方法), what each measures and where the course computes it.

    >>> value_measurement_methods()["chinese"].tolist()
    ['价值层次模型', '期望价值与感知价值', '顾客价值确定流程']
    """
    rows = [
        ("value hierarchy model", "价值层次模型",
         "what customers value, level by level: attributes, consequences, goals",
         "value_hierarchy(); the Kano questionnaire works on the attribute level"),
        ("desired vs received value", "期望价值与感知价值",
         "the gap between the value a customer wants and the value received, at each level",
         "value_gap(desired, received)"),
        ("value determination process", "顾客价值确定流程",
         "a repeated research cycle: find what is valued, rank it, measure delivery, "
         "find why, foresee change", "value_determination_steps(); Kano and Gale measure steps 2-3"),
    ]
    return pd.DataFrame(rows, columns=["method", "chinese", "measures", "in_the_course"]
                        ).set_index("method")


def value_determination_steps() -> pd.DataFrame:
    """The customer value determination process (顾客价值确定流程) in the course's outline,
    after Woodruff & Gardial (1996): five questions asked again and again, each with the
    method of this course that answers it.

    >>> len(value_determination_steps())
    5
    """
    rows = [
        (1, "What do target customers value?", "确定顾客看重的价值维度",
         "interviews on the value hierarchy; driver identification (3.3)"),
        (2, "Which of these matter most?", "确定最重要的价值维度",
         "importance weights; Kano categories and Better/Worse (3.4-3.9)"),
        (3, "How well do we deliver them, against rivals?", "测评价值交付表现",
         "Gale's quality and price profiles, the value map (3.11-3.13)"),
        (4, "Why do we do well or badly?", "分析原因",
         "the attribute rows behind the ratios; segments (3.10)"),
        (5, "What will customers value next?", "预测未来的价值需求",
         "the drift of Kano categories (A -> O -> M); repeat the study"),
    ]
    return pd.DataFrame(rows, columns=["step", "question", "chinese", "in_the_course"]
                        ).set_index("step")


def value_gap(desired: Any, received: Any) -> pd.DataFrame:
    """Desired (expected) value against received (perceived) value, item by item
    (期望价值与感知价值): gap = received - desired; a negative gap is value the customer wanted
    and did not get.

    Parameters
    ----------
    desired, received : mapping, Series or list
        Ratings on the same scale (e.g. 1-10) for the same items (levels of the value
        hierarchy, or attributes); labelled inputs are aligned by label.

    Returns
    -------
    DataFrame with ``desired``, ``received``, ``gap`` and ``met`` (gap >= 0); the largest
    shortfall comes first.

    Examples
    --------
    >>> value_gap({"speed": 9, "price": 6}, {"speed": 7, "price": 7})
           desired  received  gap    met
    item                                
    speed      9.0       7.0 -2.0  False
    price      6.0       7.0  1.0   True
    """
    d_labels, d = _labelled(desired, "desired")
    r_labels, r = _labelled(received, "received")
    if d.ndim != 1 or r.ndim != 1 or len(d) == 0:
        raise ValueError("desired, received: expected one rating per item, at least one item")
    if d_labels is not None and r_labels is not None:
        missing = [a for a in d_labels if a not in r_labels]
        extra = [a for a in r_labels if a not in d_labels]
        if missing or extra or d_labels.has_duplicates or r_labels.has_duplicates:
            raise ValueError(f"received: its items do not match desired's; missing {missing}, "
                             f"unexpected {extra} (each item once)")
        r = r[r_labels.get_indexer(d_labels)]
    elif len(d) != len(r):
        raise ValueError(f"desired and received must rate the same items, got {len(d)} and "
                         f"{len(r)} ratings")
    labels = d_labels if d_labels is not None else (r_labels if r_labels is not None
                                                     else pd.RangeIndex(len(d)))
    table = pd.DataFrame({"desired": d, "received": r}, index=pd.Index(labels, name="item"))
    table["gap"] = table["received"] - table["desired"]
    table["met"] = table["gap"] >= 0
    return table.sort_values("gap", kind="stable")


def value_satisfaction_loyalty() -> pd.DataFrame:
    """Customer value, satisfaction and loyalty (顾客价值、顾客满意、顾客忠诚): the three links
    that Chinese CRM textbooks state, what each means and where the course measures it.

    >>> value_satisfaction_loyalty()["chinese"].tolist()
    ['顾客价值与顾客满意度正相关', '顾客满意对顾客忠诚具有积极作用', '顾客价值是顾客忠诚的根本原因']
    """
    rows = [
        ("value -> satisfaction", "顾客价值与顾客满意度正相关",
         "the more value customers receive against their expectations, the more satisfied",
         "chapter 4: the expectation-performance model; perceived value in ACSI"),
        ("satisfaction -> loyalty", "顾客满意对顾客忠诚具有积极作用",
         "satisfaction helps loyalty but does not guarantee it: a rival may offer more value",
         "chapter 5: Jones & Sasser curves, satisfied but disloyal customers"),
        ("value -> loyalty (root cause)", "顾客价值是顾客忠诚的根本原因",
         "customers stay where they get the best value; satisfaction is how they feel about it",
         "this chapter: Gale's value map and the shares gained by better value (3.14)"),
    ]
    return pd.DataFrame(rows, columns=["link", "chinese", "meaning", "measured_in"]
                        ).set_index("link")


# ---------------------------------------------------------------------------------------------
# Gale: market-perceived quality and price
# ---------------------------------------------------------------------------------------------

def _labelled(values: Any, name: str) -> tuple[pd.Index | None, np.ndarray]:
    """(labels or None, float array) for a mapping, Series, list or array of numbers."""
    if isinstance(values, Mapping):
        labels = pd.Index(list(values.keys()))
        return labels, v.as_float_array(list(values.values()), name)
    if isinstance(values, pd.Series):
        return values.index, v.as_float_array(values, name)
    return None, v.as_float_array(values, name).ravel()


def _profile_inputs(weights: Any, own: Any, competitors: Any, own_name: str, comp_name: str):
    """Align weights (summing to 100), own scores and competitor scores (one or more columns)
    by attribute; check that scores are positive numbers."""
    w_labels, w = _labelled(weights, "weights")
    if w.ndim != 1:
        raise ValueError(f"weights: expected one weight per attribute, got shape {w.shape}")
    if (w < 0).any():
        raise ValueError(f"weights: must be zero or more, got a negative weight "
                         f"{v.describe_positions(w < 0, w_labels)}")
    if abs(w.sum() - 100) > 1e-6:
        raise ValueError(f"weights: importance weights must add up to 100, they add up to "
                         f"{w.sum():.6g}; rescale them (e.g. weights / weights.sum() * 100)")
    o_labels, o = _labelled(own, own_name)
    if isinstance(competitors, pd.DataFrame):
        c_labels = competitors.index
        names = [str(c) for c in competitors.columns]
        c = np.column_stack([v.as_float_array(competitors[col], f"{comp_name}[{col!r}]")
                             for col in competitors.columns]) if names else np.empty((0, 0))
        if not names:
            raise ValueError(f"{comp_name}: has no columns; give one column per competitor")
    elif isinstance(competitors, (Mapping, pd.Series)):
        c_labels, arr = _labelled(competitors, comp_name)
        c, names = arr[:, None], [str(getattr(competitors, "name", None) or "competitor")]
    else:
        arr = v.as_float_array(competitors, comp_name)
        if arr.ndim > 2:
            raise ValueError(f"{comp_name}: expected attributes x competitors, got shape "
                             f"{arr.shape}")
        c_labels, c = None, arr.reshape(len(arr), -1) if arr.ndim else arr.reshape(1, 1)
        names = [f"competitor {k + 1}" for k in range(c.shape[1])]
    labels = w_labels if w_labels is not None else (o_labels if o_labels is not None
                                                     else c_labels)
    aligned = []
    for arg, arg_labels, arr in ((own_name, o_labels, o), (comp_name, c_labels, c)):
        if labels is not None and arg_labels is not None:
            missing = [a for a in labels if a not in arg_labels]
            extra = [a for a in arg_labels if a not in labels]
            if missing or extra:
                raise ValueError(f"{arg}: its attributes do not match the weights'; missing "
                                 f"{missing}, unexpected {extra}")
            if arg_labels.has_duplicates:
                raise ValueError(f"{arg}: an attribute appears twice")
            arr = arr[arg_labels.get_indexer(labels)]
        elif len(arr) != len(w):
            raise ValueError(f"{arg}: has {len(arr)} scores but there are {len(w)} weights; "
                             "give one score per attribute")
        aligned.append(arr)
    o, c = aligned
    if labels is None:
        labels = pd.RangeIndex(len(w))
    for arg, arr in ((own_name, o), (comp_name, c)):
        if (arr <= 0).any():
            raise ValueError(f"{arg}: scores must be above 0 (they are divided into one "
                             f"another); found {arr[arr <= 0][:3].tolist()}")
    return pd.Index(labels, name="attribute"), w, o, c, names


def _competitor_mean(c: np.ndarray, names: list[str], competitor_weights: Any) -> np.ndarray:
    """Each attribute's competitor rating: the plain mean of the competitors' columns, or their
    mean weighted by ``competitor_weights`` (e.g. market shares; rescaled to add up to 1)."""
    if competitor_weights is None:
        return c.mean(axis=1)
    labels, w = _labelled(competitor_weights, "competitor_weights")
    if w.ndim != 1:
        raise ValueError("competitor_weights: expected one weight per competitor")
    if labels is not None:
        keys = [str(k) for k in labels]
        missing = [n for n in names if n not in keys]
        if missing:
            raise ValueError(f"competitor_weights: no weight for competitor(s) {missing}; "
                             f"give one per column of the competitor scores {names}")
        w = np.array([w[keys.index(n)] for n in names], dtype=float)
    elif len(w) != c.shape[1]:
        raise ValueError(f"competitor_weights: has {len(w)} weights but there are "
                         f"{c.shape[1]} competitors; give one weight per competitor")
    if (w < 0).any() or w.sum() <= 0:
        raise ValueError("competitor_weights: weights must be zero or more and not all zero "
                         f"(e.g. market shares), got {w.tolist()}")
    return c @ (w / w.sum())


def quality_profile(weights: Any, own_scores: Any, competitor_scores: Any,
                    competitor_weights: Any = None) -> pd.DataFrame:
    """Gale's market-perceived quality profile: attribute by attribute, our score against the
    competitors' and its weighted contribution.

    Parameters
    ----------
    weights : mapping, Series or list
        Importance weight of each quality attribute; the weights add up to 100.
    own_scores : mapping, Series or list
        Customers' mean performance rating of our product on each attribute (e.g. 1-10).
    competitor_scores : mapping, Series, list, DataFrame or 2-D array
        The same ratings for one competitor, or for several (attributes x competitors): then
        each attribute is compared with the mean of the competitors' ratings.
    competitor_weights : mapping, Series or list, optional
        Weights of the competitors (e.g. their market shares), by column name or in column
        order. Gale's "average competitor" is often weighted by market share; without weights
        the course uses the plain mean of the rivals, a simple stand-in for it.

    Returns
    -------
    DataFrame indexed by attribute with ``weight``, ``own``, ``competitor`` (the mean when there
    are several), ``ratio`` = own / competitor and ``contribution`` = weight x ratio. The
    contributions add up to :func:`market_perceived_quality`.

    Examples
    --------
    >>> quality_profile({"taste": 60, "speed": 40}, {"taste": 8, "speed": 6},
    ...                 {"taste": 8, "speed": 5})
               weight  own  competitor  ratio  contribution
    attribute                                              
    taste        60.0  8.0         8.0    1.0          60.0
    speed        40.0  6.0         5.0    1.2          48.0
    """
    labels, w, o, c, names = _profile_inputs(weights, own_scores, competitor_scores,
                                             "own_scores", "competitor_scores")
    comp = _competitor_mean(c, names, competitor_weights)
    ratio = o / comp
    return pd.DataFrame({"weight": w, "own": o, "competitor": comp, "ratio": ratio,
                         "contribution": w * ratio}, index=labels)


def market_perceived_quality(weights: Any, own_scores: Any, competitor_scores: Any,
                             competitor_weights: Any = None) -> float:
    """Gale's market-perceived quality ratio (市场感知质量), on a scale where 100 is parity.

    The formula (Gale's ratio method, the second stage of the method as Chinese textbooks teach it):

    .. math:: \\text{MPQ} = \\sum_i w_i \\cdot \\frac{s_i^{own}}{\\bar s_i^{comp}},
              \\qquad \\sum_i w_i = 100

    where :math:`s_i^{own}` is customers' mean rating of our product on attribute *i* and
    :math:`\\bar s_i^{comp}` the competitor's rating (the mean of the competitors' ratings when
    several are given). Because the weights add up to 100, equal ratings give exactly 100; 110
    means customers rate our quality 10% above the competition, weight for weight. (Gale writes
    the same number as a ratio, 1.10; the course keeps the x100 scale.)

    Parameters
    ----------
    weights, own_scores, competitor_scores, competitor_weights
        As in :func:`quality_profile`.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        Weights that do not add up to 100 or are negative; attributes that do not match;
        scores that are missing, zero or negative.
    TypeError
        Values that are not numbers.

    Examples
    --------
    >>> market_perceived_quality([50, 50], [8, 6], [4, 6])       # 50 x 2 + 50 x 1
    150.0
    >>> market_perceived_quality([50, 50], [8, 6], [[4, 12], [6, 6]])  # vs the mean: 8, 6
    100.0
    >>> market_perceived_quality([50, 50], [8, 6], [[4, 12], [6, 6]], competitor_weights=[1, 3])
    90.0
    """
    return float(quality_profile(weights, own_scores, competitor_scores,
                                 competitor_weights)["contribution"].sum())


def price_profile(weights: Any, own_satisfaction: Any, competitor_satisfaction: Any,
                  competitor_weights: Any = None) -> pd.DataFrame:
    """Gale's market-perceived price profile: customers' satisfaction with each price
    attribute (delivery fee, menu prices, discounts ...) for us and for the competitors.

    Following Chinese CRM textbooks, the relative score of a price attribute is the customers'
    satisfaction with the *competitors'* price divided by their satisfaction with *ours*:
    above 1, customers find our price worse (dearer) than the competition's.

    Returns
    -------
    DataFrame indexed by attribute with ``weight``, ``own``, ``competitor`` (mean of several),
    ``ratio`` = competitor / own and ``contribution`` = weight x ratio; the contributions add
    up to :func:`market_perceived_price`.

    Examples
    --------
    >>> price_profile({"fee": 50, "menu": 50}, {"fee": 5, "menu": 8}, {"fee": 6, "menu": 8})
               weight  own  competitor  ratio  contribution
    attribute                                              
    fee          50.0  5.0         6.0    1.2          60.0
    menu         50.0  8.0         8.0    1.0          50.0
    """
    labels, w, o, c, names = _profile_inputs(weights, own_satisfaction, competitor_satisfaction,
                                             "own_satisfaction", "competitor_satisfaction")
    comp = _competitor_mean(c, names, competitor_weights)
    ratio = comp / o
    return pd.DataFrame({"weight": w, "own": o, "competitor": comp, "ratio": ratio,
                         "contribution": w * ratio}, index=labels)


def market_perceived_price(weights: Any, own_satisfaction: Any,
                           competitor_satisfaction: Any, competitor_weights: Any = None) -> float:
    """Gale's market-perceived (relative) price, 100 = parity, above 100 = perceived as dearer.

    .. math:: \\text{MPP} = \\sum_j w_j \\cdot \\frac{\\bar p_j^{comp}}{p_j^{own}},
              \\qquad \\sum_j w_j = 100

    with :math:`p_j` the customers' satisfaction with price attribute *j* (the textbooks'
    价格要素相对评分 = satisfaction with the competitor / satisfaction with us).

    >>> market_perceived_price({"fee": 50, "menu": 50}, {"fee": 5, "menu": 8}, {"fee": 6, "menu": 8})
    110.0
    """
    return float(price_profile(weights, own_satisfaction, competitor_satisfaction,
                               competitor_weights)["contribution"].sum())


def relative_price(own_price: Any, competitor_prices: Any) -> float:
    """Relative price from actual prices: 100 x our price / the mean of the competitors'
    prices (100 = parity). Use it when prices are comparable (the same basket, the same
    product); use :func:`market_perceived_price` when price has several attributes.

    >>> relative_price(46, [40, 50, 48])     # 46 / 46 x 100
    100.0
    >>> round(relative_price(50, 40), 1)
    125.0
    """
    own = v.as_float_array(own_price, "own_price").ravel()
    if own.size != 1:
        raise ValueError(f"own_price: expected a single price, got {own.size} values")
    comp = v.as_float_array(competitor_prices, "competitor_prices").ravel()
    if own[0] <= 0:
        raise ValueError(f"own_price: must be above 0, got {own[0]:g}")
    if (comp <= 0).any():
        raise ValueError(f"competitor_prices: must be above 0, found "
                         f"{comp[comp <= 0][:3].tolist()}")
    return float(100.0 * own[0] / comp.mean())


def customer_value(quality: Any, price: Any, quality_weight: float = 0.5) -> Any:
    """The weighted customer value index of Chinese CRM textbooks, CV = p x MPQ + (1 - p) x
    price score, with the price score = 200 - relative price (the course's reading).

    The textbooks write CV = p·MV_A + (1 - p)·CP_A for firm A: MV_A its market-perceived
    quality (the weighted quality ratios, 100 = parity), CP_A its price score (the weighted
    price ratios), p the weight of quality and 1 - p that of price. This weighted sum is not
    in Gale (1994), who reads value off the value map (quality against relative price). Read
    literally, CP_A is the price ratio (satisfaction with competitors / with us), which *rises*
    when our price looks worse, so adding it would reward being dear. The course therefore
    turns the relative price into a price advantage, 200 - relative price: 100 at parity,
    above 100 when we are cheaper. This is our reading of an ambiguous formula.

    With it, CV = 100 at parity and CV - 100 = (1 - p) x the vertical distance of the point
    below the fair-value line of :func:`value_map_table`, so the index and the value map always
    agree.

    Parameters
    ----------
    quality : number or array-like
        Relative quality, e.g. :func:`market_perceived_quality` (100 = parity).
    price : number or array-like
        Relative price, e.g. :func:`market_perceived_price` or :func:`relative_price`.
    quality_weight : float, default 0.5
        p, the weight of quality (0 < p < 1); price gets 1 - p.

    >>> customer_value(110, 104)              # 0.5 x 110 + 0.5 x (200 - 104)
    103.0
    >>> customer_value([100, 120], [100, 100], quality_weight=0.6).tolist()
    [100.0, 112.0]
    """
    p = v.share(quality_weight, "quality_weight")
    if p in (0.0, 1.0):
        raise ValueError("quality_weight: must lie strictly between 0 and 1 (both quality and "
                         f"price count), got {p:g}")
    q = v.as_float_array(quality, "quality")
    r = v.as_float_array(price, "price")
    if q.shape != r.shape:
        raise ValueError(f"quality and price must have the same length, got {q.size} and "
                         f"{r.size}")
    cv = p * q + (1 - p) * (200.0 - r)
    if isinstance(quality, pd.Series):
        return pd.Series(cv, index=quality.index, name="customer_value")
    return float(cv) if cv.ndim == 0 else cv


# ---------------------------------------------------------------------------------------------
# The customer value map
# ---------------------------------------------------------------------------------------------

def _firm_table(scores: Any, name: str) -> pd.DataFrame:
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(f"{name}: expected a DataFrame of attributes (rows) x firms (columns), "
                        f"got {type(scores).__name__}")
    if scores.shape[1] < 2:
        raise ValueError(f"{name}: needs at least two firms (columns) to compare, got "
                         f"{scores.shape[1]}")
    if scores.columns.has_duplicates:
        raise ValueError(f"{name}: a firm appears twice in the columns {list(scores.columns)}")
    try:
        values = scores.to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        raise TypeError(f"{name}: expected numeric ratings, found text; convert the columns "
                        "with pd.to_numeric first") from None
    if np.isnan(values).any():
        i, j = np.argwhere(np.isnan(values))[0]
        raise ValueError(f"{name}: missing rating (NaN) for attribute {v.label(scores.index[i])}, firm "
                         f"{v.label(scores.columns[j])}; every firm needs a rating on every attribute")
    return scores


def _same_attributes(weights: Any, scores: pd.DataFrame, w_name: str, s_name: str) -> None:
    """Labelled weights must name exactly the attributes (rows) of the score table."""
    labels, _ = _labelled(weights, w_name)
    if labels is None:
        return
    missing = [a for a in labels if a not in scores.index]
    extra = [a for a in scores.index if a not in labels]
    if missing or extra:
        raise ValueError(f"{w_name}, {s_name}: the attributes do not match; {w_name} has "
                         f"{missing} that are not rows of {s_name}, and {s_name} has rows "
                         f"{extra} without a weight")


def value_map_table(quality_weights: Any, quality_scores: pd.DataFrame, prices: Any = None,
                    price_weights: Any = None, price_scores: pd.DataFrame | None = None,
                    quality_weight: float = 0.5, band: float = 0.0) -> pd.DataFrame:
    """Every firm's position on the customer value map, each against the others.

    For each firm, relative quality is :func:`market_perceived_quality` of its ratings against
    the mean of the *other* firms' ratings, and relative price is either
    :func:`relative_price` of its price against the others' (give ``prices``) or
    :func:`market_perceived_price` from price-satisfaction ratings (give ``price_weights`` and
    ``price_scores``).

    The fair-value line passes through parity (100, 100) with slope p / (1 - p), p =
    ``quality_weight``: the points of relative price customers accept for one more point of
    relative quality (slope 1 for p = 0.5, Gale's diagonal). A firm below the line (cheaper
    than its quality warrants) offers better value; above it, worse value.

    Parameters
    ----------
    quality_weights : mapping, Series or list
        Weights of the quality attributes, adding up to 100.
    quality_scores : DataFrame
        Ratings, quality attributes (rows) x firms (columns), at least two firms.
    prices : mapping or Series, optional
        One comparable price per firm (e.g. the price of the same basket).
    price_weights : mapping, Series or list, optional
        Weights of the price attributes, adding up to 100.
    price_scores : DataFrame, optional
        Price-satisfaction ratings, price attributes x firms (the same firms).
    quality_weight : float, default 0.5
        p in (0, 1), see :func:`customer_value`.
    band : float, default 0.0
        Firms within ``band`` points of the line (vertically) are called "fair value".

    Returns
    -------
    DataFrame indexed by firm: ``relative_quality``, ``relative_price``, ``fair_price`` (the
    line at that quality), ``value_advantage`` = fair price - relative price (positive =
    better value), ``customer_value`` (:func:`customer_value`) and ``region``.
    ``table.attrs["slope"]`` holds the line's slope.

    Examples
    --------
    >>> q = pd.DataFrame({"us": [8.0, 6.0], "them": [8.0, 5.0]}, index=["taste", "speed"])
    >>> t = value_map_table({"taste": 60, "speed": 40}, q, prices={"us": 50, "them": 50})
    >>> t[["relative_quality", "relative_price", "value_advantage", "region"]].round(1)
          relative_quality  relative_price  value_advantage        region
    firm                                                                 
    us               108.0           100.0              8.0  better value
    them              93.3           100.0             -6.7   worse value
    """
    quality_scores = _firm_table(quality_scores, "quality_scores")
    p = v.share(quality_weight, "quality_weight")
    if p in (0.0, 1.0):
        raise ValueError(f"quality_weight: must lie strictly between 0 and 1, got {p:g}")
    band = v.non_negative(band, "band")
    firms = list(quality_scores.columns)
    by_price = prices is not None
    by_profile = price_weights is not None or price_scores is not None
    if by_price == by_profile:
        raise ValueError("give either prices (one price per firm) or price_weights and "
                         "price_scores (a price-satisfaction profile), not both or neither")
    if by_price:
        if not isinstance(prices, (Mapping, pd.Series)):
            raise TypeError(f"prices: expected a mapping or Series firm -> price, got "
                            f"{type(prices).__name__}")
        price_series = pd.Series(dict(prices) if isinstance(prices, Mapping) else prices)
        missing = [f for f in firms if f not in price_series.index]
        if missing:
            raise ValueError(f"prices: no price for firm(s) {missing}")
        price_series = pd.Series(v.as_float_array(price_series[firms], "prices"), index=firms)
    else:
        if price_weights is None or price_scores is None:
            raise ValueError("give both price_weights and price_scores for a price profile")
        price_scores = _firm_table(price_scores, "price_scores")
        missing = [f for f in firms if f not in price_scores.columns]
        if missing:
            raise ValueError(f"price_scores: no column for firm(s) {missing}")
    _same_attributes(quality_weights, quality_scores, "quality_weights", "quality_scores")
    if not by_price:
        _same_attributes(price_weights, price_scores, "price_weights", "price_scores")
    rows = {}
    for firm in firms:
        others = [f for f in firms if f != firm]
        rq = market_perceived_quality(quality_weights, quality_scores[firm],
                                      quality_scores[others])
        if by_price:
            rp = relative_price(price_series[firm], price_series[others].to_numpy())
        else:
            rp = market_perceived_price(price_weights, price_scores[firm], price_scores[others])
        rows[firm] = (rq, rp)
    table = pd.DataFrame.from_dict(rows, orient="index",
                                   columns=["relative_quality", "relative_price"])
    table.index.name = "firm"
    slope = p / (1 - p)
    table["fair_price"] = 100.0 + slope * (table["relative_quality"] - 100.0)
    table["value_advantage"] = table["fair_price"] - table["relative_price"]
    table["customer_value"] = customer_value(table["relative_quality"],
                                             table["relative_price"], p)
    table["region"] = np.where(table["value_advantage"] > band, "better value",
                               np.where(table["value_advantage"] < -band, "worse value",
                                        "fair value"))
    table.attrs["slope"] = slope
    table.attrs["band"] = band
    return table


def plot_quality_profile(profile: pd.DataFrame, own_label: str = "us",
                         competitor_label: str = "competitors", ax: Any = None) -> Any:
    """Draw a :func:`quality_profile` (or :func:`price_profile`): for each attribute, our
    rating and the competitors' joined by a line, green where we lead and orange where we
    trail, with the attribute's weight in its label. Returns the Axes.

    >>> prof = quality_profile({"taste": 60, "speed": 40}, [8, 6], [8, 5])
    >>> ax = plot_quality_profile(prof)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['speed (40)', 'taste (60)']
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    if not isinstance(profile, pd.DataFrame) or not {"weight", "own", "competitor",
                                                     "ratio"} <= set(profile.columns):
        raise TypeError("profile: expected the DataFrame returned by quality_profile() or "
                        "price_profile()")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8.5, 0.6 * len(profile) + 2))
    c = plotting.COLORS
    data = profile.iloc[::-1]
    labels = [f"{attr} ({w:g})" for attr, w in zip(data.index, data["weight"])]
    y = np.arange(len(data))
    lead = (data["own"] >= data["competitor"]).to_numpy()
    for yi, lo, hi, ok in zip(y, data["competitor"], data["own"], lead):
        ax.plot([lo, hi], [yi, yi], color=c["good"] if ok else c["bad"], lw=4, alpha=0.5)
    ax.scatter(data["competitor"], y, s=90, color=c["muted"], zorder=3, label=competitor_label)
    ax.scatter(data["own"], y, s=110, color=c["neutral"], zorder=4, marker="D", label=own_label)
    for yi, (own, ratio) in enumerate(zip(data["own"], data["ratio"])):
        ax.text(max(own, data["competitor"].iloc[yi]) + 0.1, yi, f"x{ratio:.2f}", va="center",
                fontsize=10)
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    low = float(min(data["own"].min(), data["competitor"].min()))
    high = float(max(data["own"].max(), data["competitor"].max()))
    ax.set_xlim(low - 0.5, high + 0.9)
    ax.set_xlabel("Mean rating (label: attribute and its weight; x = own / competitor ratio)")
    ax.set_title("Quality profile: where we lead and where we trail")
    ax.legend(loc="lower right")
    return ax


def plot_value_map(table: pd.DataFrame, highlight: Any = None, ax: Any = None) -> Any:
    """The customer value map (顾客价值图): relative quality (x) against relative price (y) for
    each firm of :func:`value_map_table`, the fair-value line, and the better-value (below
    the line) and worse-value (above) regions. ``highlight`` marks one firm. Returns the Axes.

    >>> q = pd.DataFrame({"us": [8.0, 6.0], "them": [8.0, 5.0]}, index=["taste", "speed"])
    >>> ax = plot_value_map(value_map_table([60, 40], q, prices={"us": 50, "them": 50}), "us")
    >>> ax.get_xlabel()
    'Relative quality (100 = parity)'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    needed = {"relative_quality", "relative_price", "region"}
    if not isinstance(table, pd.DataFrame) or not needed <= set(table.columns):
        raise TypeError("table: expected the DataFrame returned by value_map_table()")
    if highlight is not None and highlight not in table.index:
        raise ValueError(f"highlight: {highlight!r} is not one of the firms {list(table.index)}")
    slope = float(table.attrs.get("slope", 1.0))
    band = float(table.attrs.get("band", 0.0))
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 7))
    c = plotting.COLORS
    xs, ys = table["relative_quality"].to_numpy(), table["relative_price"].to_numpy()
    spread = max(8.0, float(np.abs(np.concatenate([xs, ys]) - 100).max()) * 1.35)
    lo, hi = 100 - spread, 100 + spread
    line_x = np.array([lo, hi])
    line_y = 100 + slope * (line_x - 100)
    ax.fill_between(line_x, line_y, lo - spread, color=c["good"], alpha=0.08, lw=0)
    ax.fill_between(line_x, line_y, hi + spread, color=c["bad"], alpha=0.08, lw=0)
    ax.plot(line_x, line_y, color=c["total"], lw=2, label="fair-value line")
    if band > 0:
        for k, shift in enumerate((-band, band)):
            ax.plot(line_x, line_y + shift, color=c["total"], lw=1, ls=":",
                    label=f"fair-value band (±{band:g} points)" if k == 0 else None)
    ax.axvline(100, color=c["muted"], lw=1, ls="--")
    ax.axhline(100, color=c["muted"], lw=1, ls="--")
    colors = {"better value": c["good"], "worse value": c["bad"], "fair value": c["neutral"]}
    for firm, x, y, region in zip(table.index, xs, ys, table["region"]):
        star = firm == highlight
        ax.scatter([x], [y], s=260 if star else 130, marker="*" if star else "o",
                   color=colors[region], edgecolor="black", lw=0.8, zorder=4)
        ax.annotate(f"{firm}", (x, y), xytext=(8, 6), textcoords="offset points", fontsize=12,
                    fontweight="bold" if star else "normal")
    for region in ("better value", "fair value", "worse value"):  # legend for the colours
        ax.scatter([], [], s=110, marker="o", color=colors[region], edgecolor="black", lw=0.8,
                   label=f"{region} (point colour)")
    # region names in a corner free of points (axes fractions of the points)
    fx, fy = (xs - lo) / (hi - lo), (ys - lo) / (hi - lo)

    def free(x0: float, x1: float, y0: float, y1: float) -> bool:
        return not ((fx >= x0 - 0.03) & (fx <= x1 + 0.03) & (fy >= y0 - 0.03)
                    & (fy <= y1 + 0.03)).any()

    top = next((y for y in (0.96, 0.72, 0.5) if free(0.03, 0.38, y - 0.11, y)), 0.96)
    bottom = next((y for y in (0.04, 0.28, 0.5) if free(0.62, 0.97, y, y + 0.11)), 0.04)
    ax.text(0.97, bottom, "BETTER VALUE\n(below the line)", transform=ax.transAxes,
            ha="right", va="bottom", color=c["good"], fontweight="bold", fontsize=12)
    ax.text(0.03, top, "WORSE VALUE\n(above the line)", transform=ax.transAxes, ha="left",
            va="top", color=c["bad"], fontweight="bold", fontsize=12)
    ax.set(xlim=(lo, hi), ylim=(lo, hi), xlabel="Relative quality (100 = parity)",
           ylabel="Relative price (100 = parity)", title="Customer value map")
    ax.set_aspect("equal", adjustable="box")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=10,
              title=f"* = {highlight}" if highlight is not None else None)
    return ax



def value_map_widget(quality_weights: Any, quality_scores: pd.DataFrame, prices: Any = None,
                     price_weights: Any = None, price_scores: pd.DataFrame | None = None,
                     highlight: Any = None, quality_weight: float = 0.5,
                     band: float = 0.0) -> Any:
    """Move the importance of each quality attribute (and the weight of quality against price)
    and watch the customer value map change.

    The sliders hold raw importances (any non-negative numbers); they are rescaled to add up to
    100 before :func:`value_map_table` is computed, and the rescaled weights are printed.
    ``band`` is passed on to :func:`value_map_table` (a firm within ``band`` points of the
    fair-value line is "fair value"), so the panel labels firms as the chapter's table does.

    Returns
    -------
    ipywidgets.VBox
        The panel; ``panel.sliders`` maps each attribute (and ``"quality_weight"``) to its
        slider and ``panel.output`` holds the printed table and the map.

    Examples
    --------
    >>> q = pd.DataFrame({"us": [8.0, 6.0], "them": [8.0, 5.0]}, index=["taste", "speed"])
    >>> panel = value_map_widget({"taste": 60, "speed": 40}, q, prices={"us": 50, "them": 50})
    >>> "us" in panel.output.outputs[0]["text"]
    True
    >>> panel.sliders["speed"].value = 0       # only taste counts: us and them are equal
    >>> "fair value" in panel.output.outputs[0]["text"]
    True
    """
    from . import plotting, widgets

    start = value_map_table(quality_weights, quality_scores, prices, price_weights,
                            price_scores, quality_weight, band)  # validates everything first
    labels, w = _labelled(quality_weights, "quality_weights")
    labels = list(labels) if labels is not None else list(quality_scores.index)
    sliders = {attr: widgets.slider(str(attr), float(wi), 0.0, 50.0, 1.0, integer=False)
               for attr, wi in zip(labels, w)}
    sliders["quality_weight"] = widgets.slider("quality_weight", quality_weight, 0.1, 0.9, 0.05,
                                               integer=False, description="quality_weight (p)")
    del start

    def render(values: dict[str, Any]) -> tuple[str, Any]:
        raw = np.array([values[a] for a in labels], dtype=float)
        if raw.sum() <= 0:
            return "Give at least one attribute a weight above 0.", None
        weights = pd.Series(raw / raw.sum() * 100.0, index=labels)
        table = value_map_table(weights, quality_scores, prices, price_weights, price_scores,
                                values["quality_weight"], band)
        text = ("Weights (rescaled to 100): "
                + ", ".join(f"{a} {wi:.1f}" for a, wi in weights.items()) + "\n"
                + table[["relative_quality", "relative_price", "value_advantage",
                         "region"]].round(1).to_string() + "\n")
        fig, ax = plotting.new_figure(figsize=(7, 6.5))
        plot_value_map(table, highlight=highlight, ax=ax)
        return text, fig

    return widgets.panel(sliders, render, "customer value map")
