"""Customer value to the firm (客户价值管理): current value, potential value, the indicator
index system that evaluates them when data are missing, and the current x potential value
matrix with what each segment should get.

What customer value means here
------------------------------
The source defines customer value *from the firm's side*: the overall ability of a customer,
as the firm's decision makers perceive it, to bring the firm net cash flow now and in the
future (当前净现金流及其未来净现金流的总体能力). Its yardstick is the firm's economic utility,
i.e. profit. It has two parts:

* **current value (当前价值)**: the net profit the customer brings now, by the source's formula
  ``net profit = price actually paid - allocated production cost - fixed marketing cost -
  variable marketing cost`` (:func:`current_value`);
* **potential value (潜在价值)**: the money the customer will bring over the rest of the
  relationship, i.e. the net cash flow of the remaining life cycle, discounted to today
  (:func:`potential_value`).

Both can be computed directly when the data exist, or evaluated indirectly with an indicator
system (:func:`index_systems`); combining the two choices gives the source's four index systems.

>>> float(current_value(5200, 3900, 25, 175))
1100.0
>>> round(float(potential_value(1000, remaining_years=3, discount_rate=0.1)), 2)
2486.85
"""
from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = [
    "current_value", "net_profit_from_margin", "potential_value", "present_value",
    "discount_table", "plot_discounting", "whale_curve", "top_share", "plot_whale_curve",
    "index_systems", "design_principles", "index_system_steps", "value_indicators",
    "VALUE_JUDGEMENTS", "value_index", "VALUE_SEGMENTS", "value_segments", "value_segment",
    "segment_summary", "plot_value_matrix", "key_account_management",
]


# ---------------------------------------------------------------------------------------------
# Current and potential value
# ---------------------------------------------------------------------------------------------

def _arrays(named: dict[str, Any]) -> tuple[list[np.ndarray], pd.Index | None, str | None]:
    """Validate several numeric inputs that broadcast together; find a Series index to keep."""
    index, series_name = None, None
    arrays = []
    for name, value in named.items():
        arrays.append(v.as_float_array(value, name))
        if isinstance(value, pd.Series):
            if index is not None and not value.index.equals(index):
                raise ValueError(f"{name}: is a Series with a different index from the other "
                                 "inputs; take them from the same DataFrame")
            index = value.index if index is None else index
            series_name = series_name or value.name
    try:
        arrays = list(np.broadcast_arrays(*arrays))
    except ValueError:
        shapes = ", ".join(f"{k} {np.shape(a)}" for k, a in zip(named, arrays))
        raise ValueError(f"the inputs have different lengths ({shapes}); give one value per "
                         "customer or a single number") from None
    return arrays, index, series_name


def _out(result: np.ndarray, index: pd.Index | None, name: str, scalar: bool):
    if index is not None:
        return pd.Series(result, index=index, name=name)
    if scalar:
        return float(result)
    return result


def current_value(revenue: Any, production_cost: Any, fixed_marketing_cost: Any = 0.0,
                  variable_marketing_cost: Any = 0.0):
    """Current value = net profit (净利润) = price actually paid (客户实际支付价格) - allocated
    production cost (实际分摊的生产成本) - fixed marketing cost (固定营销成本) - variable
    marketing cost (可变营销成本).

    Parameters
    ----------
    revenue : number, array-like or Series
        What the customer actually paid over the period (after discounts).
    production_cost : number, array-like or Series
        The cost of the goods or services the customer bought.
    fixed_marketing_cost, variable_marketing_cost : number, array-like or Series, default 0
        Marketing costs allocated to the customer (a single number applies to everyone).

    Returns
    -------
    float for numbers, Series (same index) when a Series comes in, array otherwise. Negative
    values are customers the firm loses money on.

    Examples
    --------
    >>> float(current_value(5200, 3900, 25, 175))   # 5,200 - 3,900 - 25 - 175
    1100.0
    >>> current_value(pd.Series([100.0, 80.0], index=["a", "b"]), [60, 70], 5, [10, 20]).tolist()
    [25.0, -15.0]
    """
    named = {"revenue": revenue, "production_cost": production_cost,
             "fixed_marketing_cost": fixed_marketing_cost,
             "variable_marketing_cost": variable_marketing_cost}
    (rev, prod, fixed, var), index, _ = _arrays(named)
    for name, arr in zip(list(named)[1:], (prod, fixed, var)):
        if (arr < 0).any():
            raise ValueError(f"{name}: a cost must be zero or more "
                             f"({v.describe_positions(arr < 0, index)})")
    scalar = all(np.ndim(x) == 0 for x in named.values())
    return _out(rev - prod - fixed - var, index, "current_value", scalar)


def net_profit_from_margin(unit_margin: Any, quantity: Any, service_cost: Any = 0.0):
    """The source's second form of current value: net profit as a function of gross profit
    per unit m, purchase quantity g and service cost: ``m x g - service cost``.

    >>> float(net_profit_from_margin(12.5, 80, 150))   # 12.5 x 80 - 150
    850.0
    """
    named = {"unit_margin": unit_margin, "quantity": quantity, "service_cost": service_cost}
    (m, g, cost), index, _ = _arrays(named)
    if (g < 0).any():
        raise ValueError(f"quantity: must be zero or more ({v.describe_positions(g < 0, index)})")
    if (cost < 0).any():
        raise ValueError(f"service_cost: must be zero or more "
                         f"({v.describe_positions(cost < 0, index)})")
    scalar = all(np.ndim(x) == 0 for x in named.values())
    return _out(m * g - cost, index, "current_value", scalar)


def potential_value(annual_cash_flow: Any, remaining_years: Any, discount_rate: float = 0.08,
                    growth: Any = 0.0, timing: str = "end"):
    """Potential value: the net cash flow of the remaining life cycle, discounted to today.

    ``sum over t = 1..T of CF x (1 + g)^(t-1) / (1 + d)^t`` for a customer who brings ``CF``
    in the first year, growing by ``g`` a year, for ``T`` more years, at discount rate ``d``
    (computed in closed form, so a million customers take no longer than one).

    Parameters
    ----------
    annual_cash_flow : number, array-like or Series
        Net cash flow (revenue minus all costs) expected in the first future year.
    remaining_years : number, array-like or Series
        The remaining life cycle T in years (0 = the customer has left). The closed form is
        exact for whole years.
    discount_rate : float, default 0.08
        The firm's yearly discount rate d (an assumption: its cost of capital).
    growth : number, array-like or Series, default 0
        Yearly growth g of the cash flow (e.g. 0.05 for +5 %); may differ by customer.
    timing : {"end", "start"}, default "end"
        Cash flows arrive at the end of each year (the first one is discounted once) or at
        the start (the first one is not discounted). The source does not say; "end" is the
        usual convention.

    Returns
    -------
    float for numbers, Series (same index) when a Series comes in, array otherwise.

    Examples
    --------
    1,000 a year for 3 years at 10 %: 1000/1.1 + 1000/1.1**2 + 1000/1.1**3 = 2,486.85.

    >>> round(float(potential_value(1000, 3, discount_rate=0.1)), 2)
    2486.85
    >>> round(float(potential_value(1000, 3, discount_rate=0.1, growth=0.1)), 2)   # 3 x 1000/1.1
    2727.27
    >>> potential_value([800, 800], [0, 5], discount_rate=0.0).tolist()
    [0.0, 4000.0]
    """
    named = {"annual_cash_flow": annual_cash_flow, "remaining_years": remaining_years,
             "growth": growth}
    (cf, years, g), index, _ = _arrays(named)
    if (years < 0).any():
        raise ValueError(f"remaining_years: must be zero or more "
                         f"({v.describe_positions(years < 0, index)})")
    d = v.rate(discount_rate, "discount_rate", kind="a yearly rate must lie", high_inclusive=False)
    if (g <= -1).any():
        raise ValueError(f"growth: must be above -1 (-100%) ({v.describe_positions(g <= -1, index)})")
    v.rates(g, "growth", kind="a yearly growth rate must be", low=None, index=index)
    if timing not in ("end", "start"):
        raise ValueError(f"timing: use 'end' or 'start', got {timing!r}")
    # sum_{t=1..T} r^(t-1) with r = (1+g)/(1+d), written with expm1/log1p so that it stays
    # accurate when g is close to d (r close to 1, where (1 - r^T) / (1 - r) loses digits)
    log_r = np.log1p((g - d) / (1.0 + d))
    flat = log_r == 0.0
    safe = np.where(flat, 1.0, log_r)
    annuity = np.where(flat, years, np.expm1(years * safe) / np.expm1(safe))
    value = cf / (1.0 + d) * annuity
    if timing == "start":
        value = value * (1.0 + d)
    scalar = all(np.ndim(x) == 0 for x in named.values())
    return _out(value, index, "potential_value", scalar)


def present_value(cash_flows: Any, discount_rate: float = 0.08, timing: str = "end"):
    """Discount an explicit series of yearly net cash flows: ``sum_t CF_t / (1 + d)^t``.

    ``cash_flows`` is one customer's flows (a list: year 1, year 2, ...) or a DataFrame with one
    row per customer and one column per year (returns a Series).

    >>> round(present_value([800, 900, 1000], discount_rate=0.1), 2)   # 727.27 + 743.80 + 751.31
    2222.39
    """
    d = v.rate(discount_rate, "discount_rate", kind="a yearly rate must lie", high_inclusive=False)
    if timing not in ("end", "start"):
        raise ValueError(f"timing: use 'end' or 'start', got {timing!r}")
    first = 1 if timing == "end" else 0
    if isinstance(cash_flows, pd.DataFrame):
        flows = np.column_stack([v.as_float_array(cash_flows[c], f"cash_flows[{c!r}]")
                                 for c in cash_flows.columns])
        factors = (1.0 + d) ** -np.arange(first, first + flows.shape[1])
        return pd.Series(flows @ factors, index=cash_flows.index, name="present_value")
    flows = v.as_float_array(cash_flows, "cash_flows")
    if flows.ndim != 1:
        raise ValueError("cash_flows: give one customer's flows as a list, or a DataFrame with "
                         "one row per customer")
    factors = (1.0 + d) ** -np.arange(first, first + flows.size)
    return float(flows @ factors)



def discount_table(annual_cash_flow: float, remaining_years: int, discount_rate: float = 0.08,
                   growth: float = 0.0, timing: str = "end") -> pd.DataFrame:
    """One customer's potential value year by year: cash flow, discount factor, present value
    and the running total (the last row's ``cumulative`` is :func:`potential_value`).

    >>> t = discount_table(1000, 3, discount_rate=0.1)
    >>> t.round(2).to_dict("list")["present_value"]
    [909.09, 826.45, 751.31]
    >>> round(float(t["cumulative"].iloc[-1]), 2)
    2486.85
    """
    cf = v.scalar(annual_cash_flow, "annual_cash_flow")
    years = v.non_negative(remaining_years, "remaining_years")
    if not float(years).is_integer():
        raise ValueError(f"remaining_years: a table needs whole years, got {years:g}")
    if years > 100:
        raise ValueError(f"remaining_years: at most 100 years in a table, got {years:g}")
    d = v.rate(discount_rate, "discount_rate", kind="a yearly rate must lie", high_inclusive=False)
    g = v.scalar(growth, "growth")
    if g <= -1:
        raise ValueError(f"growth: must be above -1 (-100%), got {g:g}")
    v.rate(g, "growth", kind="a yearly growth rate must be", low=None)
    if timing not in ("end", "start"):
        raise ValueError(f"timing: use 'end' or 'start', got {timing!r}")
    t = np.arange(1, int(years) + 1)
    flows = cf * (1.0 + g) ** (t - 1)
    factor = (1.0 + d) ** -(t if timing == "end" else t - 1)
    table = pd.DataFrame({"year": t, "cash_flow": flows, "discount_factor": factor,
                          "present_value": flows * factor})
    table["cumulative"] = table["present_value"].cumsum()
    return table


def plot_discounting(table: pd.DataFrame, ax: Any = None) -> Any:
    """Bars of each future year's cash flow and what it is worth today (from
    :func:`discount_table`), with the total potential value in the title. Returns the Axes.

    >>> ax = plot_discounting(discount_table(1000, 3, 0.1))
    >>> len(ax.patches)
    6
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.ticker import FuncFormatter

    from . import plotting

    needed = {"year", "cash_flow", "present_value"}
    if not isinstance(table, pd.DataFrame) or not needed <= set(table.columns):
        raise TypeError("table: expected the DataFrame of discount_table()")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 5))
    years = table["year"].to_numpy()
    ax.bar(years - 0.2, table["cash_flow"], width=0.4, color=plotting.COLORS["muted"],
           label="net cash flow in that year")
    ax.bar(years + 0.2, table["present_value"], width=0.4, color=plotting.COLORS["good"],
           label="worth today (discounted)")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _: f"${x:,.0f}"))
    ax.set_xticks(years)
    ax.set_axisbelow(True)
    ax.set(xlabel="Year of the remaining life cycle", ylabel="Net cash flow",
           title=f"Potential value = ${table['present_value'].sum():,.0f} today")
    top = float(np.nanmax(np.abs(table["cash_flow"]))) if len(table) else 1.0
    ax.set_ylim(min(0.0, float(table["cash_flow"].min()) * 1.1 if len(table) else 0.0),
                max(top, 1.0) * 1.3)  # room for the legend above the bars
    ax.legend(loc="upper center", ncol=2)
    return ax


def whale_curve(values: Any) -> pd.DataFrame:
    """Cumulative share of total value against share of customers, best customers first (the
    "whale curve" of customer profitability). A curve that rises above 100 % and comes back
    down means some customers lose the firm money.

    >>> whale_curve([50, -10, 40, 20]).round(2).to_dict("list")["cumulative_value_share"]
    [0.5, 0.9, 1.1, 1.0]
    """
    arr = v.as_float_array(values, "values").ravel()
    total = arr.sum()
    if total == 0:
        raise ValueError("values: add up to 0, so shares of the total are undefined")
    ordered = np.sort(arr)[::-1]
    n = ordered.size
    return pd.DataFrame({"customer_share": np.arange(1, n + 1) / n,
                         "cumulative_value_share": np.cumsum(ordered) / total})


def top_share(values: Any, share: float = 0.2) -> float:
    """The share of total value that the best ``share`` of customers bring (e.g. the top 20 %).

    >>> top_share([50, -10, 40, 20], share=0.25)
    0.5
    """
    share = v.share(share, "share")
    curve = whale_curve(values)
    k = int(np.ceil(share * len(curve) - 1e-9))
    return 0.0 if k == 0 else float(curve["cumulative_value_share"].iloc[k - 1])


def plot_whale_curve(values: Any, ax: Any = None) -> Any:
    """The whale curve of :func:`whale_curve`, with the 100 % line, the peak and the share of
    value from the top 20 % of customers. Returns the Axes.

    >>> ax = plot_whale_curve([50, -10, 40, 20])
    >>> ax.get_xlabel()
    'Share of customers (best first)'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.ticker import PercentFormatter

    from . import plotting

    curve = whale_curve(values)
    if ax is None:
        _, ax = plotting.new_figure()
    x = np.r_[0.0, curve["customer_share"].to_numpy()]
    y = np.r_[0.0, curve["cumulative_value_share"].to_numpy()]
    ax.plot(x, y, color=plotting.COLORS["neutral"], lw=2.5)
    ax.axhline(1.0, color=plotting.COLORS["total"], lw=1, ls="--")
    peak = int(np.argmax(y))
    ax.plot(x[peak], y[peak], "o", color=plotting.COLORS["bad"])
    ax.annotate(f"peak {y[peak]:.0%} at {x[peak]:.0%} of customers", (x[peak], y[peak]),
                xytext=(-10, -28), textcoords="offset points", ha="right", fontsize=11)
    top = top_share(values, 0.2)
    ax.axvline(0.2, color=plotting.COLORS["muted"], lw=1)
    ax.text(0.21, 0.05, f"top 20% bring {top:.0%}", fontsize=11)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set(xlabel="Share of customers (best first)", ylabel="Cumulative share of total value",
           title="Where the value comes from (whale curve)")
    return ax

# ---------------------------------------------------------------------------------------------
# Index systems (the source's four systems, principles and steps)
# ---------------------------------------------------------------------------------------------

def index_systems() -> pd.DataFrame:
    """The source's four customer value evaluation systems (客户价值评价指标体系): current value
    and potential value are each either computed directly (直接计算) or evaluated with
    indicators (指标评价), giving a 2 x 2 of systems for different data situations.

    The usual Chinese teaching slides list the data situations as: system 1, complete customer
    data; systems 2 and 4, few customers with incomplete data; system 3, many customers with
    incomplete data (column ``data_situation``). Systems 2 and 4 get the same situation, which
    looks like a slip; ``when_to_use`` is the course's reading, and the notebook says so.

    >>> index_systems().loc[1, ["current_value", "potential_value"]].tolist()
    ['direct calculation', 'direct calculation']
    """
    rows = [
        (1, "direct calculation", "direct calculation", "complete customer data (客户数据完备)",
         "revenue and costs per customer are recorded and future cash flows can be forecast: "
         "compute both in money"),
        (2, "direct calculation", "indicator evaluation",
         "few customers, incomplete data (客户数量少，数据欠完备)",
         "this year's profit per customer is known but there is no forecast: experts score "
         "potential (loyalty, trust, growth) for each of the few customers"),
        (3, "indicator evaluation", "direct calculation",
         "many customers, incomplete data (客户数量较多，数据欠完备)",
         "costs cannot be allocated to each of many customers, but a model forecasts their "
         "future cash flows: score current value with indicators (purchases, gross profit)"),
        (4, "indicator evaluation", "indicator evaluation",
         "few customers, incomplete data (as printed for system 2: probably a slip)",
         "neither profit nor forecasts per customer: both parts from an indicator system "
         "weighted by AHP or entropy"),
    ]
    table = pd.DataFrame(rows, columns=["system", "current_value", "potential_value",
                                        "data_situation", "when_to_use"])
    return table.set_index("system")


def design_principles() -> pd.DataFrame:
    """Design principles of a customer value index system (指标体系设计原则) and the tests of
    its rationality (指标体系合理性), from the source.

    >>> design_principles().loc["independence", "chinese"]
    '独立性'
    >>> design_principles()["group"].value_counts().to_dict()
    {'design principle': 7, 'rationality test': 5}
    """
    rows = [
        ("comprehensiveness", "全面性", "design principle",
         "cover every side of value that matters: now and in the future"),
        ("purposefulness", "目的性", "design principle",
         "every indicator serves the purpose of the evaluation (e.g. allocating service)"),
        ("comparability", "可比性", "design principle",
         "the same definition for every customer and period, so scores can be compared"),
        ("independence", "独立性", "design principle",
         "indicators do not measure the same thing twice (no double counting)"),
        ("practicality", "实用性", "design principle",
         "the data can be collected at a reasonable cost"),
        ("dynamism", "动态性", "design principle",
         "the system is revised as the business and the customers change (运行与修正)"),
        ("acceptance", "认同性", "design principle",
         "the managers who use the results agree with the indicators"),
        ("standard naming", "命名规范性", "rationality test",
         "each indicator has a clear, standard name and definition"),
        ("unique criterion", "准则唯一性", "rationality test",
         "each indicator belongs to exactly one criterion above it"),
        ("completeness", "完备性", "rationality test",
         "together the indicators describe the criterion fully"),
        ("orientation", "导向性", "rationality test",
         "the indicators point behaviour in the direction the firm wants"),
        ("importance", "重要性", "rationality test",
         "only indicators that matter are kept; minor ones are dropped"),
    ]
    table = pd.DataFrame(rows, columns=["principle", "chinese", "group", "meaning"])
    return table.set_index("principle")


def index_system_steps() -> pd.DataFrame:
    """How the source builds an index system (客户价值评价指标体系构建), step by step.

    >>> len(index_system_steps())
    4
    """
    rows = [
        (1, "define the object and purpose of the evaluation", "明确评价对象和评价目的"),
        (2, "set the boundary of the index system", "设定评价指标体系的边界"),
        (3, "draw on experts' knowledge", "充分运用专家的智慧"),
        (4, "build a multi-level tree with the relevance tree method",
         "采用相关树法构造多层次树枝结构模型"),
    ]
    return pd.DataFrame(rows, columns=["step", "what", "chinese"]).set_index("step")


def value_indicators() -> pd.DataFrame:
    """The course's customer value index system for Jack's cardholders: two criteria (current
    and potential value) and eight indicators, each a column of the ``value_customers`` data.

    Current value follows the source's ``net profit = f(gross profit, purchase quantity, service
    cost)``; potential value follows its indirect reading (current loyalty and trust predict
    future value), plus growth, word of mouth and the remaining life cycle.

    >>> t = value_indicators()
    >>> t.groupby("criterion", sort=False).size().to_dict()
    {'current value': 3, 'potential value': 5}
    >>> bool(t.loc["variable_marketing_cost", "higher_is_better"])
    False
    """
    rows = [
        ("gross_profit_12m", "current value", "gross profit", "毛利润", True),
        ("visits_12m", "current value", "purchase frequency", "购买量", True),
        ("variable_marketing_cost", "current value", "service cost", "服务成本", False),
        ("repurchase_intent", "potential value", "loyalty / trust", "忠诚与信任", True),
        ("wallet_share", "potential value", "share of wallet", "钱包份额", True),
        ("spend_trend", "potential value", "spending trend", "消费变化趋势", True),
        ("referrals_12m", "potential value", "word of mouth", "口碑", True),
        ("expected_remaining_years", "potential value", "remaining life cycle",
         "剩余生命周期", True),
    ]
    table = pd.DataFrame(rows, columns=["indicator", "criterion", "label", "chinese",
                                        "higher_is_better"])
    return table.set_index("indicator")


#: The course's illustrative pairwise judgements for the value index (an assumption, as a
#: manager of Jack's might give them; replace them with your own). Keys are the indicator
#: columns; "criteria" compares the two criteria.
VALUE_JUDGEMENTS: Mapping[str, Mapping[tuple[str, str], float]] = MappingProxyType({
    "criteria": MappingProxyType({("current value", "potential value"): 1 / 2}),
    "current value": MappingProxyType({
        ("gross_profit_12m", "visits_12m"): 3,
        ("gross_profit_12m", "variable_marketing_cost"): 5,
        ("visits_12m", "variable_marketing_cost"): 2,
    }),
    "potential value": MappingProxyType({
        ("repurchase_intent", "wallet_share"): 2,
        ("repurchase_intent", "spend_trend"): 3,
        ("repurchase_intent", "referrals_12m"): 4,
        ("repurchase_intent", "expected_remaining_years"): 1,
        ("wallet_share", "spend_trend"): 2,
        ("wallet_share", "referrals_12m"): 3,
        ("wallet_share", "expected_remaining_years"): 1 / 2,
        ("spend_trend", "referrals_12m"): 2,
        ("spend_trend", "expected_remaining_years"): 1 / 3,
        ("referrals_12m", "expected_remaining_years"): 1 / 4,
    }),
})


def value_index(scores: pd.DataFrame, weights: Any,
                indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Weighted customer value index: a current value index, a potential value index (each the
    weighted mean of its dimensionless indicator scores) and the overall index (the weighted
    sum of all scores with the global weights).

    Parameters
    ----------
    scores : DataFrame
        Dimensionless indicator scores (e.g. from :func:`crmlib.weighting.dimensionless`), one
        column per indicator.
    weights : Series or dict
        Global weights of the indicators, adding up to 1 (e.g. from :func:`crmlib.ahp.compose`
        or :func:`crmlib.weighting.entropy_weights`).
    indicators : DataFrame, optional
        Which criterion each indicator belongs to (a ``criterion`` column indexed by
        indicator); default :func:`value_indicators`.

    Returns
    -------
    DataFrame with ``current_value_index``, ``potential_value_index`` and ``value_index``.

    Examples
    --------
    >>> s = pd.DataFrame({"gross_profit_12m": [100.0, 0.0], "wallet_share": [50.0, 100.0]})
    >>> system = pd.DataFrame({"criterion": ["current value", "potential value"]},
    ...                       index=["gross_profit_12m", "wallet_share"])
    >>> value_index(s, {"gross_profit_12m": 0.4, "wallet_share": 0.6}, system).to_dict("list")
    {'current_value_index': [100.0, 0.0], 'potential_value_index': [50.0, 100.0], 'value_index': [70.0, 60.0]}
    """
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(f"scores: expected a DataFrame of indicator scores, got "
                        f"{type(scores).__name__}")
    if isinstance(weights, Mapping):
        weights = dict(weights)
    elif isinstance(weights, pd.Series):
        weights = weights.to_dict()
    else:
        raise TypeError(f"weights: expected a Series or dict {{indicator: weight}}, got "
                        f"{type(weights).__name__}")
    weights = v.weights_sum_to(weights, "weights")
    system = value_indicators() if indicators is None else indicators
    if not isinstance(system, pd.DataFrame) or "criterion" not in system.columns:
        raise TypeError("indicators: expected a DataFrame with a 'criterion' column, indexed by "
                        "indicator")
    missing = [k for k in weights if k not in scores.columns]
    if missing:
        raise ValueError(f"scores: has no column(s) {missing}; it has {list(scores.columns)}")
    unknown = [k for k in weights if k not in system.index]
    if unknown:
        raise ValueError(f"weights: {unknown} are not indicators of the index system "
                         f"{list(system.index)}")
    cols = list(weights)
    matrix = np.column_stack([v.as_float_array(scores[c], f"scores[{c!r}]") for c in cols])
    w = np.array([weights[c] for c in cols])
    out = {}
    for criterion, key in (("current value", "current_value_index"),
                           ("potential value", "potential_value_index")):
        mask = np.array([system.loc[c, "criterion"] == criterion for c in cols])
        if mask.any() and w[mask].sum() > 0:
            out[key] = matrix[:, mask] @ (w[mask] / w[mask].sum())
        else:
            out[key] = np.full(len(scores), np.nan)
    out["value_index"] = matrix @ w
    return pd.DataFrame(out, index=scores.index)


# ---------------------------------------------------------------------------------------------
# The current x potential value matrix
# ---------------------------------------------------------------------------------------------

#: Segments of the value matrix, in the order (high, high), (low, high), (high, low), (low, low)
#: of (current value, potential value).
VALUE_SEGMENTS = ("key", "growth", "maintain", "low value")


def value_segments() -> pd.DataFrame:
    """The four segments of the current x potential value matrix (客户价值矩阵) and what each
    should get.

    >>> value_segments().loc["growth", ["current", "potential"]].tolist()
    ['low', 'high']
    """
    rows = [
        ("key", "重点保持客户", "high", "high",
         "protect and deepen: the firm's best customers now and later",
         "the most resources: a personal contact, priority service, recognition, early access; "
         "never take them for granted"),
        ("growth", "重点发展客户", "low", "high",
         "develop: worth little today, a lot tomorrow",
         "investment to grow share of wallet: cross-selling, offers that fit the next life "
         "stage, a reason to concentrate their spending"),
        ("maintain", "维持型客户", "high", "low",
         "maintain and harvest: profitable now, but little future",
         "efficient service that keeps the relationship profitable; no costly acquisition-style "
         "offers"),
        ("low value", "低价值客户", "low", "low",
         "serve at low cost, or reduce investment",
         "standard, low-cost (self-)service; move loss-making ones to cheaper channels or let "
         "them go"),
    ]
    table = pd.DataFrame(rows, columns=["segment", "chinese", "current", "potential", "strategy",
                                        "what_they_get"])
    return table.set_index("segment")


def _cut(values: np.ndarray, cut: float | None, name: str) -> float:
    return float(np.median(values)) if cut is None else v.scalar(cut, name)


def value_segment(current: Any, potential: Any, current_cut: float | None = None,
                  potential_cut: float | None = None):
    """Place customers in the current x potential value matrix.

    A value at or above its cut counts as high. The source gives no cut; the default is the
    median of each (half the customers high, half low), a parameter to change.

    Parameters
    ----------
    current, potential : array-like or Series
        Current and potential value (money or index scores), one per customer.
    current_cut, potential_cut : float, optional
        Where high begins; default the median.

    Returns
    -------
    A categorical Series (same index) for Series, an object array otherwise; labels from
    :data:`VALUE_SEGMENTS`.

    Examples
    --------
    >>> value_segment([10, 1, 10, 1], [9, 9, 2, 2], current_cut=5, potential_cut=5).tolist()
    ['key', 'growth', 'maintain', 'low value']
    """
    cur, pot = v.as_float_array(current, "current"), v.as_float_array(potential, "potential")
    if cur.shape != pot.shape:
        raise ValueError(f"current and potential must have the same length, got {cur.size} and "
                         f"{pot.size}")
    if (isinstance(current, pd.Series) and isinstance(potential, pd.Series)
            and not current.index.equals(potential.index)):
        raise ValueError("current and potential are Series with different indexes; take both "
                         "from the same DataFrame or align them first")
    c_cut = _cut(cur, current_cut, "current_cut")
    p_cut = _cut(pot, potential_cut, "potential_cut")
    code = (cur < c_cut) * 1 + (pot < p_cut) * 2    # 0 key, 1 growth, 2 maintain, 3 low value
    if isinstance(current, pd.Series) or isinstance(potential, pd.Series):
        index = current.index if isinstance(current, pd.Series) else potential.index
        return pd.Series(pd.Categorical.from_codes(np.ravel(code), categories=list(VALUE_SEGMENTS)),
                         index=index, name="value_segment")
    return np.asarray(VALUE_SEGMENTS, dtype=object)[code]


def segment_summary(segments: Any, current: Any, potential: Any) -> pd.DataFrame:
    """Customers, current value and potential value by segment, as totals and shares.

    >>> segment_summary(["key", "low value", "key"], [50.0, 10.0, 40.0], [100.0, 0.0, 100.0]
    ...                 ).loc["key", ["customers", "current_share", "potential_share"]].tolist()
    [2.0, 0.9, 1.0]
    """
    seg = pd.Series(np.asarray(segments, dtype=object)).astype(str)
    cur = v.as_float_array(current, "current")
    pot = v.as_float_array(potential, "potential")
    if not (len(seg) == cur.size == pot.size):
        raise ValueError(f"segments, current and potential must have the same length, got "
                         f"{len(seg)}, {cur.size} and {pot.size}")
    frame = pd.DataFrame({"segment": seg.to_numpy(), "current": cur, "potential": pot})
    order = [s for s in VALUE_SEGMENTS if s in set(seg)] + sorted(set(seg) - set(VALUE_SEGMENTS))
    grouped = frame.groupby("segment").agg(customers=("current", "size"),
                                           current_value=("current", "sum"),
                                           potential_value=("potential", "sum")).reindex(order)
    grouped["customers"] = grouped["customers"].astype(float)
    grouped.insert(1, "customer_share", grouped["customers"] / grouped["customers"].sum())
    grouped["current_share"] = grouped["current_value"] / grouped["current_value"].sum()
    grouped["potential_share"] = grouped["potential_value"] / grouped["potential_value"].sum()
    return grouped


def plot_value_matrix(current: Any, potential: Any, current_cut: float | None = None,
                      potential_cut: float | None = None, ax: Any = None,
                      units: str = "$") -> Any:
    """Scatter customers on the current x potential value matrix, coloured by segment, with
    the cut lines and each segment's share of customers in the legend. Returns the Axes.

    >>> ax = plot_value_matrix([10, 1, 10, 1], [9, 9, 2, 2], 5, 5)
    >>> ax.get_xlabel()
    'Current value ($)'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.ticker import FuncFormatter

    from . import plotting

    cur, pot = v.as_float_array(current, "current"), v.as_float_array(potential, "potential")
    segments = pd.Series(value_segment(cur, pot, current_cut, potential_cut))
    c_cut, p_cut = _cut(cur, current_cut, "current_cut"), _cut(pot, potential_cut, "potential_cut")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 6.5))
    c = plotting.COLORS
    colours = [c["good"], c["accent"], c["neutral"], c["muted"]]
    for label, colour in zip(VALUE_SEGMENTS, colours):
        mask = (segments == label).to_numpy()
        ax.scatter(cur[mask], pot[mask], s=12, alpha=0.55, color=colour,
                   label=f"{label} ({mask.mean():.0%})")
    ax.axvline(c_cut, color="black", lw=1)
    ax.axhline(p_cut, color="black", lw=1)
    corners = [(0.97, 0.97, "right", "top"), (0.03, 0.97, "left", "top"),
               (0.97, 0.03, "right", "bottom"), (0.03, 0.03, "left", "bottom")]
    for label, (x, y, ha, va) in zip(VALUE_SEGMENTS, corners):
        ax.text(x, y, label.upper(), transform=ax.transAxes, ha=ha, va=va, fontsize=12,
                fontweight="bold", alpha=0.6)
    if units == "$":
        money = FuncFormatter(lambda x, _: f"${x:,.0f}")
        ax.xaxis.set_major_formatter(money)
        ax.yaxis.set_major_formatter(money)
    suffix = f" ({units})" if units else ""
    ax.set(xlabel=f"Current value{suffix}", ylabel=f"Potential value{suffix}",
           title="The customer value matrix")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=4, fontsize=10)
    return ax


# ---------------------------------------------------------------------------------------------
# Key account management (大客户管理)
# ---------------------------------------------------------------------------------------------

def key_account_management() -> pd.DataFrame:
    """Key account management (大客户管理) as Chinese CRM courses usually teach it: what it is,
    its four key elements, four strategies, its main challenge and three trends, each with what
    it means for the key customers of the value matrix (the course's own wording).

    Key accounts are the few customers who contribute most to the firm's results: large buyers,
    usually loyal and with influence in their market. Key account management serves them
    separately, with more resources, because losing one costs more than losing many others.

    Returns
    -------
    DataFrame indexed by ``(part, item)`` with columns ``chinese``, ``meaning`` and
    ``in_practice`` (what a firm does about it, e.g. Jack's with the top of its key segment).

    Examples
    --------
    >>> t = key_account_management()
    >>> t.loc["key element"].index.tolist()
    ['identification', 'relationship maintenance', 'meeting needs', 'raising value']
    >>> t.groupby(level="part", sort=False).size().to_dict()
    {'definition': 1, 'key element': 4, 'strategy': 4, 'challenge': 1, 'trend': 3}
    """
    rows = [
        ("definition", "key account management", "大客户管理",
         "managing the few customers who contribute most to results (large purchases, loyalty, "
         "influence on others) separately, with more resources than the rest",
         "the top of the value matrix's key segment: high current and high potential value"),
        ("key element", "identification", "客户识别",
         "decide who the key accounts are, by buying power, loyalty and market influence",
         "rank the key segment by current plus potential value; check the list by hand"),
        ("key element", "relationship maintenance", "客户关系维护",
         "put time and people into the relationship: regular contact, learning the needs, "
         "solving problems before they grow",
         "a named contact person and a contact plan; watch RFM recency for slipping visits"),
        ("key element", "meeting needs", "客户需求满足",
         "understand each key account's needs and meet them, with customised products and "
         "services where needed",
         "offers that fit the household's life stage; delivery slots, bulk orders"),
        ("key element", "raising value", "客户价值提升",
         "raise what the account is worth to both sides by better products and service, which "
         "also raises satisfaction and loyalty",
         "the headroom: spending the household still does elsewhere (share of wallet)"),
        ("strategy", "a key account management system", "建立大客户管理体系",
         "one process that runs from identification through maintenance and needs to value",
         "a yearly review of the key-account list with the four elements as its agenda"),
        ("strategy", "a key account team", "设立大客户管理团队",
         "people whose job is to communicate with, coordinate for and serve the key accounts",
         "two staff members who own the list and the calls"),
        ("strategy", "regular satisfaction surveys", "定期进行客户满意度调查",
         "measure the key accounts' needs and satisfaction regularly and adjust",
         "a short survey of the key accounts each quarter (Chapter 4's methods)"),
        ("strategy", "a loyalty programme", "建立客户忠诚度计划",
         "points, privileges and gifts that reward the key accounts for staying",
         "a premium tier of the card (Chapter 5's programme economics)"),
        ("challenge", "resources and skills", "资源投入大、专业要求高",
         "it takes many resources and staff with high professional and service skills; the "
         "cost must stay below the value protected",
         "compare the cost of the programme with the potential value of the accounts it keeps"),
        ("trend", "personalised service", "个性化服务",
         "as competition grows, each key account expects service built around its own needs",
         "personal offers instead of the same leaflet for everyone"),
        ("trend", "data-driven management", "数据驱动",
         "use customer data and analytics to understand needs and behaviour and target actions",
         "the card data: value matrix, RFM and the care list of this chapter"),
        ("trend", "cross-industry cooperation", "跨界合作",
         "work with other firms to offer key accounts a fuller service",
         "partners such as a pharmacy or a petrol station on the same card"),
    ]
    table = pd.DataFrame(rows, columns=["part", "item", "chinese", "meaning", "in_practice"])
    return table.set_index(["part", "item"])
