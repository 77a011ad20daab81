"""Self-checks of chapter 7, Customer service management and SERVQUAL (exercise notebook
07_customer_service_exercises).

Each expected answer is computed with crmlib from the same inputs the exercise states: the
``servqual_survey`` and ``complaints_log`` data sets of the Lakeside Hotel, and the numbers given
in the exercise text (``YOGURT_CUSTOMER_VALUE``).
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import complaints, data, servqual
from ._core import Exercise, label, number, numbers, register

#: Exercise 9: what the yogurt family is worth to the store (yuan of gross margin, assumed).
YOGURT_CUSTOMER_VALUE = 10_000


@lru_cache(maxsize=None)
def _survey() -> pd.DataFrame:
    return data.load("servqual_survey")


@lru_cache(maxsize=None)
def _log() -> pd.DataFrame:
    return data.load("complaints_log")


def _score(weights: str | None = "respondents", subset: str | None = None,
           missing: str = "pairwise") -> servqual.ServqualResult:
    survey = _survey()
    if subset is not None:
        survey = survey[survey["guest_type"] == subset]
    E, P, W = servqual.split_survey(survey)
    if weights == "mean":
        W = W.mean().to_dict()
    return servqual.score(E, P, weights=W if weights else None, missing=missing)


def _handling_rates() -> pd.Series:
    log = _log()
    paths = complaints.handling_path(log["outcome"], log["resolution_hours"])
    return complaints.repurchase_by(log.assign(handling=paths), "handling")["rate"]


def _yogurt(scenario: str, problem: str = "major") -> float:
    args = {"duty manager": {"resolved_share": 0},
            "on the spot": {"resolved_share": 1, "quick_share": 1}}[scenario]
    return complaints.complaint_iceberg(1, silent_per_complaint=0, problem=problem,
                                        customer_value=YOGURT_CUSTOMER_VALUE, **args).value_lost


DIMENSION_OPTIONS = list(servqual.DIMENSIONS)

register(Exercise(
    "servqual.dimension_gaps", "Gap of each dimension",
    expected=lambda: _score(weights=None).dimension_gaps,
    compare=numbers(rel_tol=1e-3),
    hint="split the survey with servqual.split_survey, call servqual.score(E, P) and read "
         ".dimension_gaps (five numbers, indexed by dimension).",
    mistakes=[(lambda: -_score(weights=None).dimension_gaps,
               "Q = P − E: perception minus expectation, so shortfalls are negative.")],
))

register(Exercise(
    "servqual.worst_item", "Item with the largest shortfall",
    expected=lambda: int(_score(weights=None).item_gaps.idxmin()),
    compare=number(),
    hint="the item whose gap (P − E) is the most negative: .item_gaps.idxmin().",
    mistakes=[(lambda: int(_score(weights=None).item_gaps.idxmax()),
               "that is the item closest to (or above) expectations; look for the most "
               "negative gap."),
              (lambda: int(_score(weights=None).items["perception"].idxmin()),
               "that item has the lowest perception, but the gap compares it with what guests "
               "expect: use the gap.")],
))

register(Exercise(
    "servqual.unweighted", "Unweighted SERVQUAL score",
    expected=lambda: _score(weights=None).unweighted,
    compare=number(rel_tol=1e-4),
    hint="the mean of the five dimension gaps (result.unweighted).",
    mistakes=[(lambda: float(_score(weights=None).item_gaps.mean()),
               "you averaged the 22 item gaps, which gives the five-item dimensions more say; "
               "average the five dimension gaps.")],
))

register(Exercise(
    "servqual.weighted", "Weighted SERVQUAL score",
    expected=lambda: _score().weighted,
    compare=number(rel_tol=1e-4),
    hint="pass each guest's own points (the imp_ columns, as the weights DataFrame that "
         "split_survey returns) to servqual.score and read .weighted.",
    mistakes=[(lambda: _score(weights="mean").weighted,
               "you weighted with the average points; the exercise asks for each guest's own "
               "points, applied to that guest's gaps: pass the weights DataFrame."),
              (lambda: _score(weights=None).unweighted,
               "that is the unweighted score; pass the importance points as weights.")],
))

register(Exercise(
    "servqual.first_priority", "First priority for improvement",
    expected=lambda: str(_score().dimensions["priority"].idxmin()),
    compare=label(DIMENSION_OPTIONS),
    hint="rank the dimensions by weighted gap (points / 100 × gap): result.dimensions, the "
         "row with priority 1.",
    mistakes=[(lambda: str(_score(weights=None).dimension_gaps.idxmin()),
               "that dimension has the largest gap, but guests give it fewer points; rank by "
               "the weighted gap.")],
))

register(Exercise(
    "servqual.business_priority", "First priority for business guests",
    expected=lambda: str(_score(subset="business").dimensions["priority"].idxmin()),
    compare=label(DIMENSION_OPTIONS),
    hint="keep only the rows with guest_type == 'business', then score them with their own "
         "points and read the dimension with priority 1.",
    mistakes=[(lambda: str(_score().dimensions["priority"].idxmin()),
               "that is the priority over all guests; score the business guests alone.")],
))

register(Exercise(
    "servqual.silent_ratio", "The hotel's own silent ratio",
    expected=lambda: complaints.silent_ratio(_survey()["had_problem"], _survey()["complained"]),
    compare=number(rel_tol=1e-4),
    hint="complaints.silent_ratio(had_problem, complained): (guests with a problem − "
         "complainers) / complainers.",
    mistakes=[(lambda: float(_survey()["had_problem"].sum() / _survey()["complained"].sum()),
               "that is guests with a problem per complaint; the silent ratio leaves out the "
               "complainer: (problems − complainers) / complainers.")],
))

register(Exercise(
    "servqual.unhappy_tarp", "Unhappy guests by TARP's 26",
    expected=lambda: complaints.complaint_iceberg(len(_log())).unhappy,
    compare=number(rel_tol=1e-6),
    hint="complaint_iceberg(number of complaints in the log).unhappy, with the default of 26 "
         "silent per complaint.",
    mistakes=[(lambda: complaints.complaint_iceberg(len(_log())).silent,
               "that counts only the silent ones; the unhappy guests include those who "
               "complained.")],
))

register(Exercise(
    "servqual.unhappy_own", "Unhappy guests by the hotel's own ratio",
    expected=lambda: complaints.complaint_iceberg(
        len(_log()), silent_per_complaint=complaints.silent_ratio(
            _survey()["had_problem"], _survey()["complained"])).unhappy,
    compare=number(rel_tol=1e-4),
    hint="use the silent ratio you estimated from the survey as silent_per_complaint.",
    mistakes=[(lambda: complaints.complaint_iceberg(len(_log())).unhappy,
               "that uses TARP's 26; use the hotel's own silent ratio.")],
))

register(Exercise(
    "servqual.top3_share", "Share of the three largest categories",
    expected=lambda: float(complaints.pareto(_log()["category"])["cumulative_share"].iloc[2]),
    compare=number(rel_tol=1e-4),
    hint="complaints.pareto(log['category']): the cumulative share of the third row.",
    mistakes=[(lambda: float(complaints.pareto(_log()["category"])["cumulative_share"].iloc[1]),
               "that is the top two categories; take three.")],
))

register(Exercise(
    "servqual.billing_peak", "Month with the most billing errors",
    expected=lambda: str(complaints.monthly_counts(_log())["billing error"].idxmax()),
    compare=label(),
    hint="complaints.monthly_counts(log)['billing error'].idxmax(), written as text 'YYYY-MM'.",
))

register(Exercise(
    "servqual.repurchase_by_handling", "Repurchase rate by handling",
    expected=_handling_rates,
    compare=numbers(rel_tol=1e-3),
    hint="label each complaint with complaints.handling_path(outcome, resolution_hours), then "
         "take the 'rate' column of complaints.repurchase_by(log, 'handling').",
))

register(Exercise(
    "servqual.quick_vs_unresolved", "What quick resolution is worth",
    expected=lambda: float(_handling_rates()["resolved quickly"]
                           - _handling_rates()["not resolved"]),
    compare=number(rel_tol=1e-3),
    hint="the repurchase rate after a complaint resolved quickly minus the rate after one not "
         "resolved, as a share (e.g. 0.30 for 30 percentage points).",
    mistakes=[(lambda: float(_handling_rates()["resolved quickly"]
                             - _handling_rates()["not resolved"]) * 100,
               "give it as a share between 0 and 1, not in percentage points.")],
))

register(Exercise(
    "servqual.yogurt_value", "What handling the yogurt complaint well is worth",
    expected=lambda: _yogurt("duty manager") - _yogurt("on the spot"),
    compare=number(unit="¥"),
    hint="value lost with resolved_share=0 minus value lost when resolved quickly "
         "(resolved_share=1, quick_share=1), for 1 complaint, silent_per_complaint=0, "
         "problem='major', customer_value=10,000.",
    mistakes=[(lambda: _yogurt("duty manager", "minor") - _yogurt("on the spot", "minor"),
               "a fly in a child's drink is a major problem for the family: problem='major'."),
              (lambda: _yogurt("duty manager"),
               "that is the loss with the duty manager's handling alone; subtract the loss when "
               "it is resolved on the spot.")],
))
