"""Self-checks of chapter 6, Customer value management and AHP (exercise notebook
06_customer_value_management_exercises).

Every exercise states its inputs, and most of them are not the chapter's: another member, a 12 %
discount rate, a second and a third manager's judgements, equal criteria, the entropy weights of
one criterion only, another member's service cost, a new small RFM table. The constants below
are those inputs; each expected answer is computed from them with crmlib when the check runs
(results that read the data sets are cached, because a check may run many times).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from .. import ahp, customer_value, data, rfm, weighting
from ._core import (Exercise, Question, aliases, label, number, numbers, register,
                    register_quiz, written)

# Chinese names the chapter teaches count as their English twins in every label check.
aliases({zh: segment for segment, zh in customer_value.value_segments()["chinese"].items()})
aliases({zh: segment for segment, zh in rfm.rfm_segments()["chinese"].items()})
aliases({zh: column for column, zh in customer_value.value_indicators()["chinese"].items()})

#: Exercise 1: one member's year (warm-up).
MEMBER = {"revenue": 6380, "production_cost": 4720, "fixed_marketing_cost": 25,
          "variable_marketing_cost": 310}

#: Exercise 2: an empty-nester household's forecast, at a 12 % discount rate.
HOUSEHOLD = {"annual_cash_flow": 1200, "remaining_years": 8, "discount_rate": 0.12}

#: Exercise 3: the store manager's judgements on four indicators of potential value.
MANAGER_PAIRS = {("loyalty", "wallet share"): 3, ("loyalty", "trend"): 5,
                 ("loyalty", "word of mouth"): 7, ("wallet share", "trend"): 3,
                 ("wallet share", "word of mouth"): 5, ("trend", "word of mouth"): 3}

#: Exercise 5: a second manager's judgements on four indicators of current value.
SECOND_PAIRS = {("profit", "frequency"): 2, ("profit", "service cost"): 3,
                ("profit", "tenure"): 5, ("frequency", "service cost"): 2,
                ("frequency", "tenure"): 3, ("service cost", "tenure"): 1 / 4}

#: Exercise 5 (3): a third manager's judgements on the three current-value indicators.
THIRD_PAIRS = {("gross profit", "purchase frequency"): 3, ("gross profit", "service cost"): 7,
               ("purchase frequency", "service cost"): 1}

#: Exercise 8: the service-cost targets (less is better) and the member scored.
EFFICACY = {"member": "M0100", "satisfactory": 30, "unacceptable": 300}

#: Exercise 9: the discount rate of the what-if.
RATE_WHAT_IF = 0.12

#: Exercise 10: a small RFM table of ten customers of a campus copy shop (days, visits, yuan).
SMALL_RFM = pd.DataFrame({
    "recency": [3, 40, 12, 90, 7, 25, 60, 2, 150, 18],
    "frequency": [24, 5, 12, 2, 30, 9, 15, 20, 1, 6],
    "monetary": [1800.0, 2600.0, 650.0, 300.0, 2400.0, 900.0, 1500.0, 500.0, 120.0, 2100.0],
}, index=pd.Index(list("ABCDEFGHIJ"), name="customer"))
SMALL_RFM_CUSTOMER = "B"


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
def _potential(discount_rate: float) -> pd.Series:
    c = _customers()
    return customer_value.potential_value(c["expected_annual_cash_flow"],
                                          c["expected_remaining_years"], discount_rate)


@lru_cache(maxsize=None)
def _segments(discount_rate: float) -> pd.Series:
    return customer_value.value_segment(_current(), _potential(discount_rate))


def _potential_columns() -> list[str]:
    indicators = customer_value.value_indicators()
    return list(indicators.index[indicators["criterion"] == "potential value"])


@lru_cache(maxsize=None)
def _entropy_all() -> pd.Series:
    indicators = customer_value.value_indicators()
    return weighting.entropy_weights(_customers()[list(indicators.index)],
                                     indicators["higher_is_better"].to_dict())


def _global_gross_profit(criteria) -> float:
    j = customer_value.VALUE_JUDGEMENTS
    weights = ahp.compose(ahp.priorities(criteria),
                          {"current value": ahp.priorities(j["current value"]),
                           "potential value": ahp.priorities(j["potential value"])})
    return float(weights["gross_profit_12m"])


def _member_cost() -> float:
    return float(_customers().set_index("customer_id").loc[EFFICACY["member"],
                                                           "variable_marketing_cost"])


def _small_segment(scores: pd.DataFrame) -> str:
    return str(rfm.rfm_segment(scores).loc[SMALL_RFM_CUSTOMER])


def _unit_length_weights() -> pd.Series:
    """The principal eigenvector as np.linalg.eig returns it (length 1), not scaled to sum 1."""
    matrix = ahp.judgement_matrix(MANAGER_PAIRS)
    values, vectors = np.linalg.eig(matrix.to_numpy())
    w = np.abs(vectors[:, np.argmax(values.real)].real)
    return pd.Series(w, index=matrix.index)


# --- current and potential value ---------------------------------------------------------------

register(Exercise(
    "ahp.current_value_one", "Current value of one member",
    expected=lambda: float(customer_value.current_value(**MEMBER)),
    compare=number(unit="$"),
    hint="net profit = price actually paid - production cost - fixed marketing cost - variable "
         "marketing cost.",
    mistakes=[
        (lambda: MEMBER["revenue"] - MEMBER["production_cost"],
         "that is the gross profit: subtract the marketing costs too."),
        (lambda: MEMBER["revenue"] - MEMBER["production_cost"] - MEMBER["variable_marketing_cost"],
         "you left out the fixed marketing cost ($25)."),
        (lambda: MEMBER["revenue"] - MEMBER["production_cost"] - MEMBER["fixed_marketing_cost"],
         "you left out the variable marketing cost ($310)."),
    ],
))

register(Exercise(
    "ahp.potential_one", "Potential value of an empty-nester household at 12 %",
    expected=lambda: float(customer_value.potential_value(**HOUSEHOLD)),
    compare=number(unit="$"),
    hint="discount each year's cash flow: CF / 1.12**t for t = 1 .. 8, then add them up "
         "(customer_value.potential_value gives the same).",
    mistakes=[
        (lambda: HOUSEHOLD["annual_cash_flow"] * HOUSEHOLD["remaining_years"],
         "you added up the cash flows without discounting them."),
        (lambda: float(customer_value.potential_value(**HOUSEHOLD, timing="start")),
         "the first cash flow arrives at the end of the first year: discount it once "
         "(timing='end')."),
        (lambda: float(customer_value.potential_value(HOUSEHOLD["annual_cash_flow"],
                                                      HOUSEHOLD["remaining_years"], 0.08)),
         "that is at the chapter's 8 %; this exercise discounts at 12 %."),
    ],
))

# --- AHP ----------------------------------------------------------------------------------------

register(Exercise(
    "ahp.manager_weights", "The manager's weights, by the eigenvector",
    expected=lambda: ahp.priorities(MANAGER_PAIRS).weights,
    compare=numbers(rel_tol=1e-3),
    hint="build A with ahp.judgement_matrix({(a, b): value, ...}) (a is value times as "
         "important as b); repeat w = A @ w; w = w / w.sum() until w stops changing.",
    mistakes=[
        (lambda: ahp.priorities(_reversed(MANAGER_PAIRS)).weights,
         "your weights come out in reverse: the key (a, b) with value 3 means a is 3 times as "
         "important as b."),
        (lambda: ahp.priorities(MANAGER_PAIRS, method="column_normalization").weights,
         "those are the sum-method weights (和法); this exercise asks for the principal "
         "eigenvector."),
        (_unit_length_weights,
         "np.linalg.eig returns an eigenvector of length 1: divide it by its sum so that the "
         "weights add up to 1."),
    ],
))

register(Exercise(
    "ahp.manager_cr", "Consistency ratio of the manager's matrix",
    expected=lambda: ahp.priorities(MANAGER_PAIRS).cr,
    compare=number(rel_tol=1e-3),
    hint="λmax = mean of (A w)_i / w_i; CI = (λmax - n) / (n - 1); CR = CI / RI with the random "
         "index for n = 4 from Saaty (1980).",
    mistakes=[
        (lambda: ahp.priorities(MANAGER_PAIRS).ci,
         "that is CI; divide it by the random index for n = 4."),
        (lambda: ahp.priorities(MANAGER_PAIRS, random_index="saaty2005").cr,
         "that uses Saaty's 2005 random index; the course's default is Saaty (1980)."),
        (lambda: ahp.priorities(MANAGER_PAIRS, random_index=ahp.RANDOM_INDEX[3]).cr,
         "that divides by the random index of a 3 x 3 matrix; the matrix is 4 x 4."),
        (lambda: ahp.priorities(MANAGER_PAIRS, random_index=ahp.RANDOM_INDEX[5]).cr,
         "that divides by the random index of a 5 x 5 matrix; the matrix is 4 x 4."),
    ],
))

register(Exercise(
    "ahp.sum_method_lambda", "λmax by the sum method",
    expected=lambda: ahp.priorities(MANAGER_PAIRS, method="column_normalization").lambda_max,
    compare=number(rel_tol=2e-4),
    hint="sum method: w = (A / A.sum(axis=0)).mean(axis=1), then λmax = mean of (A @ w) / w.",
    mistakes=[(lambda: ahp.priorities(MANAGER_PAIRS).lambda_max,
               "that is the eigenvalue of the eigenvector method; use the sum method's weights.")],
))

register(Exercise(
    "ahp.second_cr", "Consistency ratio of the second manager's matrix",
    expected=lambda: ahp.priorities(SECOND_PAIRS).cr,
    compare=number(rel_tol=1e-3),
    hint="build the matrix from the pairs and read ahp.priorities(...).cr; is it below 0.10?",
    mistakes=[(lambda: ahp.priorities(SECOND_PAIRS).ci,
               "that is CI; divide it by the random index for n = 4.")],
))

register(Exercise(
    "ahp.repair_cr_after", "Consistency ratio after the repair",
    expected=lambda: ahp.most_inconsistent(SECOND_PAIRS).cr_after,
    compare=number(rel_tol=1e-3),
    hint="ahp.most_inconsistent(matrix) names the judgement farthest from what the weights "
         "imply and its value rounded to Saaty's scale; change it (ahp.revise) and compute CR "
         "again.",
    mistakes=[(lambda: ahp.priorities(SECOND_PAIRS).cr, "that is the CR before the change."),
              (lambda: ahp.priorities(ahp.revise(
                  SECOND_PAIRS, ahp.most_inconsistent(SECOND_PAIRS).cell,
                  ahp.most_inconsistent(SECOND_PAIRS).implied)).cr,
               "you typed in the exact ratio the weights imply; round it to the nearest value "
               "of Saaty's scale first (.suggested).")],
))

register(Exercise(
    "ahp.strict_verdict", "The third manager's matrix under Saaty's stricter rule",
    expected=lambda: ("accept" if ahp.priorities(THIRD_PAIRS).cr
                      < ahp.cr_threshold(3, rule="saaty") else "revise"),
    compare=label(["accept", "revise"]),
    hint="compute the CR, then compare it with ahp.cr_threshold(3, rule='saaty'), not with "
         "0.10.",
    mistakes=[(lambda: ("accept" if ahp.priorities(THIRD_PAIRS).cr < ahp.CR_THRESHOLD
                        else "revise"),
               "that is the verdict of the usual 0.10 rule; Saaty's threshold for a 3 x 3 "
               "matrix is stricter.")],
))

register(Exercise(
    "ahp.global_gross_profit", "Global weight of gross profit with equal criteria",
    expected=lambda: _global_gross_profit({("current value", "potential value"): 1}),
    compare=number(rel_tol=1e-4),
    hint="global weight = weight of current value x local weight of gross profit under current "
         "value (ahp.compose does it for every indicator).",
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
    "ahp.entropy_potential", "Entropy weights of the potential-value indicators only",
    expected=lambda: weighting.entropy_weights(_customers()[_potential_columns()]),
    compare=numbers(rel_tol=1e-3),
    hint="keep only the five potential-value columns of customer_value.value_indicators() and "
         "run the entropy method on them: min-max, p_ij, e_j, d_j = 1 - e_j, w = d / d.sum().",
    mistakes=[(lambda: _entropy_all()[_potential_columns()],
               "those are the chapter's eight-indicator weights of the five columns: they do not "
               "add up to 1. Weight the five columns on their own (or divide by their sum).")],
))

register(Exercise(
    "ahp.efficacy_score", "Efficacy coefficient score of a member's service cost",
    expected=lambda: float(weighting.efficacy_coefficient(
        _member_cost(), satisfactory=EFFICACY["satisfactory"],
        unacceptable=EFFICACY["unacceptable"], higher_is_better=False)),
    compare=number(rel_tol=1e-4),
    hint="score = 60 + 40 x (x - unacceptable) / (satisfactory - unacceptable); for a cost the "
         "satisfactory value is the lower one, and the formula reverses by itself.",
    mistakes=[
        (lambda: 60 + 40 * (_member_cost() - EFFICACY["satisfactory"])
         / (EFFICACY["unacceptable"] - EFFICACY["satisfactory"]),
         "you swapped the satisfactory and the unacceptable value: the satisfactory cost is "
         "the low one and scores 100."),
        (lambda: 100 * (EFFICACY["unacceptable"] - _member_cost())
         / (EFFICACY["unacceptable"] - EFFICACY["satisfactory"]),
         "that is a 0-100 (min-max) score; the efficacy coefficient runs from 60 to 100."),
    ],
))

# --- segments ----------------------------------------------------------------------------------

register(Exercise(
    "ahp.growth_share_12", "Share of growth customers at a 12 % discount rate",
    expected=lambda: float((_segments(RATE_WHAT_IF) == "growth").mean()),
    compare=number(rel_tol=1e-3),
    hint="potential value at discount_rate=0.12, then customer_value.value_segment(current, "
         "potential) with median cuts; a share is between 0 and 1.",
    mistakes=[
        (lambda: float((_segments(0.08) == "growth").mean()),
         "that is the share at the chapter's 8 %; discount the potential value at 12 %."),
        (lambda: float((_segments(RATE_WHAT_IF) == "growth").sum()),
         "that is a number of members; the exercise asks for a share between 0 and 1."),
    ],
))

register(Exercise(
    "ahp.rfm_small_segment", "RFM segment of one customer of the copy shop",
    expected=lambda: _small_segment(rfm.rfm_scores(SMALL_RFM)),
    compare=label(list(rfm.RFM_SEGMENTS)),
    hint="score each column 1-5 by quintile: np.ceil(column.rank(pct=True) * 5), with recency "
         "ranked so that the fewest days score 5; a score above 3 is high.",
    mistakes=[(lambda: _small_segment(rfm.rfm_scores(SMALL_RFM.assign(
        recency=-SMALL_RFM["recency"]))),
        "recency is scored the wrong way round: the fewest days since the last visit must "
        "score 5.")],
))

register(Exercise(
    "ahp.care_plan", "Whom to call, and what to offer",
    expected=lambda: None,
    compare=written(min_words=30),
    hint="use both analyses: the value matrix says who is worth most now and later, RFM says "
         "whose visits are slipping.",
))

# --- concept check -----------------------------------------------------------------------------

register_quiz("ahp.concepts", "Concept check · Customer value management and AHP", [
    Question("In this chapter, customer value (客户价值) means ...",
             ["the value a customer perceives in the firm's offer",
              "the customer's ability, as the firm judges it, to bring net cash flow now and in "
              "the future",
              "the customer's revenue over the last twelve months",
              "the price the customer is willing to pay"],
             answer="b", explanation="It is seen from the firm's side: current plus potential "
             "net cash flow (Chapter 3's perceived value is the customer's side).", see="§6.1"),
    Question("Which pair of indicator types makes up the four customer value index systems?",
             ["current and potential value, each computed directly or evaluated with "
              "indicators", "revenue and cost, each past or forecast",
              "subjective and objective weights, each AHP or entropy",
              "recency and frequency, each high or low"],
             answer="a", explanation="Two parts times two ways of evaluating each give the 2 x 2 "
             "of systems.", see="§6.4"),
    Question("A judgement a_ij = 1/5 in an AHP matrix says that ...",
             ["i is strongly more important than j", "i and j are equally important",
              "j is strongly more important than i",
              "i counts for a fifth of the total weight"],
             answer="c", explanation="a_ij is how many times more important i is than j; 1/5 is "
             "the reciprocal of 'strong importance' of j over i.", see="§6.5.1"),
    Question("The random index RI in CR = CI / RI is ...",
             ["the CI of the decision maker's previous matrix",
              "the mean CI of randomly filled reciprocal matrices of the same size",
              "the share of judgements that were random", "always 0.10"],
             answer="b", explanation="CR compares the judgements' inconsistency with what pure "
             "guessing would give at that size.", see="§6.5.3"),
    Question("A 3 x 3 judgement matrix has CR = 0.07. Which statement is right?",
             ["it fails every rule", "it passes the usual 0.10 rule but not Saaty's stricter "
              "threshold for n = 3 (0.05)", "it passes every rule",
              "CR cannot be computed for n = 3"],
             answer="b", explanation="Saaty asks for 0.05 at n = 3 and 0.08 at n = 4, 0.10 from "
             "n = 5: small matrices must be more consistent.", see="§6.5.3"),
    Question("The sum method (和法, also 简单求和法) computes the weights by ...",
             ["multiplying each row and taking the n-th root",
              "repeating w = A w until it settles",
              "averaging the judgements above the diagonal",
              "dividing each column by its sum and averaging each row"],
             answer="d", explanation="Column-normalise, then take row means; the geometric mean "
             "of rows is the root method (方根法).", see="§6.5.2"),
    Question("Which weighting methods are objective (客观赋权)?",
             ["AHP and expert scoring", "entropy and principal components",
              "AHP and entropy", "the Delphi method and principal components"],
             answer="b", explanation="Objective weights come from the data: entropy from how "
             "unequal each indicator is, PCA from the variance the indicators share.",
             see="§6.6"),
    Question("An indicator takes the same value for every customer. Its entropy weight is ...",
             ["zero: it does not separate customers", "the largest: it is the most stable",
              "one over the number of indicators", "undefined"],
             answer="a", explanation="Equal values give entropy 1, diversity 0, weight 0: "
             "entropy rewards separation, not importance.", see="§6.6"),
    Question("On the value matrix, growth customers (重点发展客户) are ...",
             ["high current, high potential value", "high current, low potential value",
              "low current, low potential value", "low current, high potential value"],
             answer="d", explanation="Little today, a lot tomorrow: the segment a current-value "
             "view neglects.", see="§6.8"),
    Question("Which is NOT one of the four key elements of key account management (大客户管理)?",
             ["identifying the key accounts", "maintaining the relationship",
              "cutting prices for the largest buyers", "meeting needs and raising value"],
             answer="c", explanation="The four are identification, relationship maintenance, "
             "meeting needs and raising value; discounts are not among them.", see="§6.8"),
])
