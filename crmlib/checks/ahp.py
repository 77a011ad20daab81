"""Self-checks of chapter 6, Customer value management and AHP (exercise notebook
06_customer_value_management_exercises).

Each expected answer is computed with crmlib from the same inputs the exercise states; results
that read the data sets are cached, because a check may run many times.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import ahp, customer_value, data, rfm, weighting
from ._core import Exercise, label, number, numbers, register

#: Exercise 4: the store manager's judgements on four indicators of potential value.
MANAGER_PAIRS = {("loyalty", "wallet share"): 3, ("loyalty", "trend"): 5,
                 ("loyalty", "word of mouth"): 7, ("wallet share", "trend"): 3,
                 ("wallet share", "word of mouth"): 5, ("trend", "word of mouth"): 3}

#: Exercise 5: a second manager's judgements on four indicators of current value.
SECOND_PAIRS = {("profit", "frequency"): 2, ("profit", "service cost"): 3,
                ("profit", "tenure"): 5, ("frequency", "service cost"): 2,
                ("frequency", "tenure"): 3, ("service cost", "tenure"): 1 / 4}


def _reversed(pairs):
    return {(b, a): x for (a, b), x in pairs.items()}


@lru_cache(maxsize=None)
def _customers() -> pd.DataFrame:
    return data.load("value_customers")


@lru_cache(maxsize=None)
def _current() -> pd.Series:
    c = _customers()
    return customer_value.current_value(c["revenue_12m"], c["cost_of_goods_12m"],
                                        c["fixed_marketing_cost"], c["variable_marketing_cost"])


@lru_cache(maxsize=None)
def _potential(discount_rate: float = 0.08) -> pd.Series:
    c = _customers()
    return customer_value.potential_value(c["expected_annual_cash_flow"],
                                          c["expected_remaining_years"], discount_rate)


@lru_cache(maxsize=None)
def _segments() -> pd.Series:
    return customer_value.value_segment(_current(), _potential())


@lru_cache(maxsize=None)
def _entropy(directions: bool = True) -> pd.Series:
    indicators = customer_value.value_indicators()
    table = _customers()[list(indicators.index)]
    return weighting.entropy_weights(
        table, indicators["higher_is_better"].to_dict() if directions else None)


@lru_cache(maxsize=None)
def _rfm() -> tuple[pd.DataFrame, pd.Series]:
    table = rfm.rfm_table(data.load("value_transactions"), as_of="2026-01-01")
    return table, rfm.rfm_segment(rfm.rfm_scores(table))


def _global_gross_profit(criteria) -> float:
    j = customer_value.VALUE_JUDGEMENTS
    weights = ahp.compose(ahp.priorities(criteria),
                          {"current value": ahp.priorities(j["current value"]),
                           "potential value": ahp.priorities(j["potential value"])})
    return float(weights["gross_profit_12m"])


# --- current and potential value ---------------------------------------------------------------

register(Exercise(
    "ahp.current_value_one", "Current value of one member",
    expected=lambda: float(customer_value.current_value(6380, 4720, 25, 310)),
    compare=number(unit="$"),
    hint="net profit = price actually paid - production cost - fixed marketing cost - variable "
         "marketing cost.",
    mistakes=[
        (lambda: 6380 - 4720, "that is the gross profit: subtract the marketing costs too."),
        (lambda: 6380 - 4720 - 310, "you left out the fixed marketing cost ($25)."),
        (lambda: 6380 - 4720 - 25, "you left out the variable marketing cost ($310)."),
    ],
))

register(Exercise(
    "ahp.total_current_value", "Current value of all cardholders",
    expected=lambda: float(_current().sum()),
    compare=number(rel_tol=1e-6, unit="$"),
    hint="compute customer_value.current_value(...) for every member from the four columns "
         "revenue_12m, cost_of_goods_12m, fixed_marketing_cost, variable_marketing_cost, then "
         "sum.",
    mistakes=[(lambda: float(_customers()["gross_profit_12m"].sum()),
               "that is total gross profit; subtract the fixed and variable marketing costs.")],
))

register(Exercise(
    "ahp.loss_makers", "Members the store loses money on",
    expected=lambda: int((_current() < 0).sum()),
    compare=number(),
    hint="count the members whose current value is below zero: (current < 0).sum().",
    mistakes=[(lambda: float((_current() < 0).mean()),
               "that is a share; the exercise asks for the number of members.")],
))

register(Exercise(
    "ahp.potential_one", "Potential value of a young family",
    expected=lambda: float(customer_value.potential_value(1800, 12, discount_rate=0.08)),
    compare=number(rel_tol=1e-6, unit="$"),
    hint="potential value discounts each future year's cash flow: "
         "customer_value.potential_value(1800, remaining_years=12, discount_rate=0.08).",
    mistakes=[
        (lambda: 1800.0 * 12, "you added up the cash flows without discounting them."),
        (lambda: float(customer_value.potential_value(1800, 12, 0.08, timing="start")),
         "the first cash flow arrives at the end of the first year: discount it once "
         "(timing='end')."),
    ],
))

# --- AHP ----------------------------------------------------------------------------------------

register(Exercise(
    "ahp.manager_weights", "The manager's weights",
    expected=lambda: ahp.priorities(MANAGER_PAIRS).weights,
    compare=numbers(rel_tol=1e-3),
    hint="build the matrix with ahp.judgement_matrix({(a, b): value, ...}) (a is value times as "
         "important as b) and take ahp.priorities(matrix).weights.",
    mistakes=[
        (lambda: ahp.priorities(_reversed(MANAGER_PAIRS)).weights,
         "your weights come out in reverse: the key (a, b) with value 3 means a is 3 times as "
         "important as b."),
        (lambda: ahp.priorities(MANAGER_PAIRS, method="column_normalization").weights,
         "those are the sum-method weights; this exercise uses the eigenvector method."),
    ],
))

register(Exercise(
    "ahp.manager_cr", "Consistency ratio of the manager's matrix",
    expected=lambda: ahp.priorities(MANAGER_PAIRS).cr,
    compare=number(rel_tol=1e-3),
    hint="CR = CI / RI with CI = (λmax - n) / (n - 1) and RI = 0.90 for n = 4: read .cr.",
    mistakes=[(lambda: ahp.priorities(MANAGER_PAIRS).ci,
               "that is CI; divide it by the random index (0.90 for n = 4).")],
))

register(Exercise(
    "ahp.sum_method_lambda", "λmax by the sum method",
    expected=lambda: ahp.priorities(MANAGER_PAIRS, method="column_normalization").lambda_max,
    compare=number(rel_tol=2e-4),
    hint="use method='column_normalization' and read .lambda_max (the mean of (Aw)_i / w_i).",
    mistakes=[(lambda: ahp.priorities(MANAGER_PAIRS).lambda_max,
               "that is the eigenvalue of the eigenvector method; use the sum method.")],
))

register(Exercise(
    "ahp.second_cr", "Consistency ratio of the second manager's matrix",
    expected=lambda: ahp.priorities(SECOND_PAIRS).cr,
    compare=number(rel_tol=1e-3),
    hint="build the matrix from the pairs and read ahp.priorities(...).cr; is it below 0.10?",
))

register(Exercise(
    "ahp.repair_value", "The value that repairs the matrix",
    expected=lambda: ahp.most_inconsistent(SECOND_PAIRS).suggested,
    compare=number(rel_tol=1e-3),
    hint="ahp.most_inconsistent(matrix) points at the judgement farthest from what the weights "
         "imply; its .suggested is w_i / w_j rounded to Saaty's scale.",
    mistakes=[(lambda: ahp.most_inconsistent(SECOND_PAIRS).implied,
               "that is the exact ratio w_i / w_j; round it to the nearest value of Saaty's "
               "scale (.suggested).")],
))

register(Exercise(
    "ahp.repair_cr_after", "Consistency ratio after the repair",
    expected=lambda: ahp.most_inconsistent(SECOND_PAIRS).cr_after,
    compare=number(rel_tol=1e-3),
    hint="change the judgement (ahp.revise(matrix, cell, value)) and compute the CR again.",
    mistakes=[(lambda: ahp.priorities(SECOND_PAIRS).cr,
               "that is the CR before the change.")],
))

register(Exercise(
    "ahp.global_gross_profit", "Global weight of gross profit",
    expected=lambda: _global_gross_profit({("current value", "potential value"): 1}),
    compare=number(rel_tol=1e-4),
    hint="compose the criteria weights (now equal) with the local weights of the chapter's two "
         "matrices: ahp.compose(criteria, {'current value': ..., 'potential value': ...}).",
    mistakes=[
        (lambda: float(ahp.priorities(
            customer_value.VALUE_JUDGEMENTS["current value"]).weights["gross_profit_12m"]),
         "that is the local weight within current value; multiply it by the weight of "
         "current value."),
        (lambda: _global_gross_profit(customer_value.VALUE_JUDGEMENTS["criteria"]),
         "that is the chapter's answer with potential value twice as important; here the two "
         "criteria are equally important."),
    ],
))

# --- objective weights and dimensionless scores ------------------------------------------------

register(Exercise(
    "ahp.entropy_weights", "Entropy weights of the value indicators",
    expected=lambda: _entropy(True),
    compare=numbers(rel_tol=1e-3),
    hint="weighting.entropy_weights(customers[indicators], higher_is_better) with the directions "
         "of customer_value.value_indicators().",
    mistakes=[(lambda: _entropy(False),
               "service cost is 'less is better': pass higher_is_better so that it is reversed.")],
))

register(Exercise(
    "ahp.entropy_top", "Indicator with the largest entropy weight",
    expected=lambda: str(_entropy(True).idxmax()),
    compare=label(list(customer_value.value_indicators().index)),
    hint="take .idxmax() of the entropy weights; give the column name.",
))

register(Exercise(
    "ahp.efficacy_score", "An efficacy coefficient score",
    expected=lambda: float(weighting.efficacy_coefficient(
        float(_customers().set_index("customer_id").loc["M0007", "gross_profit_12m"]),
        satisfactory=3000, unacceptable=200)),
    compare=number(rel_tol=1e-4),
    hint="score = 60 + 40 x (x - unacceptable) / (satisfactory - unacceptable).",
    mistakes=[(lambda: 100 * (float(_customers().set_index("customer_id").loc[
        "M0007", "gross_profit_12m"]) - 200) / 2800,
        "that is a min-max score (0-100); the efficacy coefficient runs from 60 to 100.")],
))

# --- segments ----------------------------------------------------------------------------------

register(Exercise(
    "ahp.growth_share", "Share of growth customers",
    expected=lambda: float((_segments() == "growth").mean()),
    compare=number(rel_tol=1e-3),
    hint="customer_value.value_segment(current, potential) with median cuts; potential at an 8% "
         "discount rate. A share is between 0 and 1.",
    mistakes=[(lambda: float((_segments() == "maintain").mean()),
               "that is the share of 'maintain' customers (high current, low potential); growth "
               "customers are low now and high later.")],
))

register(Exercise(
    "ahp.growth_life_stage", "Life stage of most growth customers",
    expected=lambda: str(_customers()["life_stage"][(_segments() == "growth").to_numpy()]
                         .value_counts().idxmax()),
    compare=label(list(data.schema("value_customers")["columns"][1]["categories"])),
    hint="count customers['life_stage'] among the growth segment and take the most frequent "
         "(.value_counts().idxmax()).",
))

register(Exercise(
    "ahp.rfm_important_value", "Number of important value customers",
    expected=lambda: int((_rfm()[1] == "important value").sum()),
    compare=number(),
    hint="rfm.rfm_table(transactions, as_of='2026-01-01'), then rfm_scores and rfm_segment "
         "(cut 3); count 'important value'.",
))

register(Exercise(
    "ahp.rfm_top_revenue", "RFM segment with the largest revenue",
    expected=lambda: str(rfm.segment_profile(*_rfm())["revenue_share"].idxmax()),
    compare=label(list(rfm.RFM_SEGMENTS)),
    hint="rfm.segment_profile(table, segments) gives each segment's revenue_share; take "
         ".idxmax().",
    mistakes=[(lambda: "important value",
               "important value customers spend most per head, but another segment brings in "
               "more in total: compare revenue_share.")],
))
