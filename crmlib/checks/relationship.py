"""Self-checks of chapters 2, Core concepts (02_core_concepts_exercises), and 8, Building and
keeping relationships (08_building_relationships_exercises).

Each expected answer is computed with crmlib from the same inputs the exercise states; the
inputs are written here once, as constants, and in the exercise text.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from .. import clv, data, relationship
from ._core import Exercise, _describe, label, labels, number, numbers, register

# ---------------------------------------------------------------------------------------------
# the inputs of the exercises (the same numbers appear in the exercise text)
# ---------------------------------------------------------------------------------------------

#: Chapter 2, exercise 2: (customers, margin) of five firms.
FIRMS = {
    "soft-drink maker": (3_000_000, 0.08),
    "car dealer": (6_000, 0.12),
    "industrial-robot maker": (25, 0.40),
    "online bookshop": (200_000, 0.25),
    "software house": (300, 0.35),
}
#: Chapter 2, life-cycle exercises: the simulation.
LIFE_CYCLE = dict(customers=1000, periods=48, seed=2026)
#: Chapter 2, exercise 5: the CRM process steps, shuffled as given to the student.
PROCESS_SHUFFLED = ["customer care", "customer archive", "dynamic database",
                    "customer segmentation"]

#: Chapter 8: a Jack's Club member.
MEMBER = dict(margin=190, retention=0.82, discount=0.10)
#: Chapter 8: segments (margin, retention), discount 10%.
SEGMENTS = {"gift-drive": (160, 0.48), "regular": (190, 0.82), "families": (260, 0.86)}
#: Chapter 8: the club's leaky bucket.
BUCKET = dict(initial=5375, acquired=1300, retention=0.78, periods=10)
#: Chapter 8: value of one referral, in $, and the discount rate for the cash flows.
REFERRAL_VALUE, CASHFLOW_DISCOUNT = 60.0, 0.10
#: Chapter 8: start date of the 611 plan exercise.
PLAN_START = "2026-09-01"
#: Chapter 8: four retention practices and the bond each one builds.
BOND_CASES = {
    "a bank waives account fees for customers who also buy its insurance": "financial",
    "a wholesaler installs its ordering software on its retailers' computers": "structural",
    "a bookshop runs a monthly readers' club where members meet the staff": "social",
    "a hotel records each guest's preferred room and pillow": "customization",
}
#: Chapter 8: five customers' ratings (outgoing, people focus), 1-7.
PERSONALITY_CASES = {"Mr Li": (6.5, 6.0), "Ms Wang": (2.0, 6.5), "Mr Zhao": (6.0, 2.0),
                     "Ms Chen": (2.5, 1.5), "Mr Sun": (4.0, 3.5)}
#: Chapter 8: segment attractiveness ratings for Jack's Club.
SEGMENT_RATINGS = pd.DataFrame(
    {"measurable": [4, 5, 3, 3], "accessible": [4, 2, 4, 4],
     "substantial": [4, 5, 2, 3], "actionable": [4, 5, 3, 5]},
    index=["young families", "office workers", "students", "retirees"])


# ---------------------------------------------------------------------------------------------
# expected values (cached: the checks run often, the inputs never change)
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _sim() -> pd.DataFrame:
    return relationship.simulate_life_cycle(**LIFE_CYCLE)


def _reach_stability() -> float:
    outcomes = relationship.life_cycle_outcomes(_sim())
    return float((outcomes["furthest_phase"] == "stability").mean())


def _ended_by_24() -> float:
    return float(relationship.phase_shares(_sim()).loc[24, "ended"])


def _firm_levels() -> list[str]:
    customers, margins = zip(*FIRMS.values())
    return list(relationship.relationship_level(list(customers), list(margins)))


def _segment_clv() -> pd.Series:
    margins, retentions = zip(*SEGMENTS.values())
    return pd.Series(clv.retention_clv(list(margins), list(retentions), 0.10),
                     index=list(SEGMENTS), name="clv")


def _gain(base: float, relative: bool = False) -> float:
    if relative:  # the known mistake: 5 percent of the rate, not 5 points
        return float(clv.retention_clv(1, base * 1.05, 0.10) / clv.retention_clv(1, base, 0.10) - 1)
    return float(clv.retention_gain(base, gain=0.05, discount=0.10)["clv_increase"].iloc[0])


@lru_cache(maxsize=None)
def _cohort_rates() -> pd.DataFrame:
    return clv.cohort_retention(data.load("club_cohorts"))


def _first_year_retention() -> float:
    return float(_cohort_rates().loc[1, "retention"])


def _later_retention() -> float:
    rates = _cohort_rates()
    later = rates[rates.index >= 2]
    return float(later["retained"].sum() / later["previous"].sum())


@lru_cache(maxsize=None)
def _margin_per_member() -> float:
    cohorts = data.load("club_cohorts")
    members = cohorts[cohorts["tenure"] >= 1]
    return float(members["gross_margin"].sum() / members["active_members"].sum())


def _club_clv() -> float:
    return float(clv.retention_clv(_margin_per_member(), _later_retention(), 0.10))


@lru_cache(maxsize=None)
def _cashflow_values(timing: str = "end", fill: bool = True) -> pd.Series:
    flows = data.load("club_cashflows")
    net = (flows["purchase_margin"] + flows["addon_margin"]
           + REFERRAL_VALUE * flows["referrals"] - flows["serving_cost"])
    wide = flows.assign(net=net).pivot_table(index="member_id", columns="year", values="net",
                                             fill_value=0 if fill else None, aggfunc="sum")
    if not fill:  # the known mistake: members who left counted only while present
        wide = wide.fillna(0)
    return clv.discounted_value(wide, CASHFLOW_DISCOUNT, timing=timing)


def _cashflow_mean(timing: str = "end") -> float:
    return float(_cashflow_values(timing).mean())


def _cashflow_mean_survivors() -> float:
    values = _cashflow_values()
    flows = data.load("club_cashflows")
    stayed = flows.groupby("member_id")["year"].max() == 5
    return float(values[stayed.reindex(values.index).to_numpy()].mean())


def _plan_dates(avoid_weekends: bool = False, **kwargs: Any) -> list[str]:
    plan = relationship.contact_plan_611(PLAN_START, avoid_weekends=avoid_weekends, **kwargs)
    return [d.strftime("%Y-%m-%d") for d in plan["date"]]


# ---------------------------------------------------------------------------------------------
# a comparison for dates
# ---------------------------------------------------------------------------------------------

def dates() -> Any:
    """Compare a sequence of dates (strings like '2026-09-08', dates or Timestamps), in order."""

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        exp = pd.to_datetime(pd.Series(list(expected))).dt.normalize()
        if isinstance(answer, pd.DataFrame):
            if "date" not in answer.columns:
                return False, "expected a list or Series of dates; a table needs a 'date' column."
            answer = answer["date"]
        if isinstance(answer, (str, bytes)) or not isinstance(
                answer, (list, tuple, pd.Series, pd.Index, np.ndarray)):
            return False, f"expected {len(exp)} dates (a list or Series), got {_describe(answer)}."
        items = list(answer)
        if len(items) != len(exp):
            return False, f"expected {len(exp)} dates, got {len(items)}."
        got = pd.to_datetime(pd.Series(items, dtype=object), errors="coerce", format="mixed")
        if got.isna().any():
            bad = int(np.flatnonzero(got.isna().to_numpy())[0])
            return False, f"item {bad} is not a date; write dates like '2026-09-08'."
        got = got.dt.tz_localize(None) if got.dt.tz is not None else got
        right = got.dt.normalize().to_numpy() == exp.to_numpy()
        if right.all():
            return True, ""
        first = int(np.argmin(right))
        return False, (f"{int((~right).sum())} of {len(exp)} dates differ (the first at "
                       f"contact {first + 1}).")

    return compare


# =============================================================================================
# Chapter 2
# =============================================================================================

register(Exercise(
    "relationship.level_jacks", "Jack's Club: which relationship level?",
    expected=lambda: relationship.relationship_level(20_000, 0.22),
    compare=label(relationship.LEVELS),
    hint="20,000 members are 'many' (10,000 or more) and a 22% margin is 'medium' (10-30%); "
         "read the cell of Kotler's grid, or call relationship.relationship_level.",
    mistakes=[(lambda: relationship.kotler_level("many", "low"),
               "22% is a medium margin (10% to 30%), not a low one."),
              (lambda: relationship.kotler_level("medium", "medium"),
               "20,000 members count as 'many' customers (10,000 or more).")],
))

register(Exercise(
    "relationship.levels_firms", "Relationship levels of five firms",
    expected=_firm_levels,
    compare=labels(),
    hint="give one level per firm, in the order of the table; relationship.relationship_level "
         "accepts lists of customers and margins.",
))

register(Exercise(
    "relationship.reach_stability", "Share of relationships that reach stability",
    expected=_reach_stability,
    compare=number(rel_tol=1e-6),
    hint="simulate with the stated seed, then use relationship.life_cycle_outcomes(sim) and the "
         "share whose furthest_phase is 'stability' (a share is between 0 and 1).",
))

register(Exercise(
    "relationship.ended_by_24", "Share of relationships ended by month 24",
    expected=_ended_by_24,
    compare=number(rel_tol=1e-6),
    hint="relationship.phase_shares(sim) gives the share in each phase by month; read the "
         "'ended' column in month 24.",
))

register(Exercise(
    "relationship.crm_process_order", "The CRM process in order",
    expected=lambda: relationship.crm_process().index.tolist(),
    compare=labels(),
    hint="the process starts by recording who the customers are and ends by updating the "
         "records with what happened.",
    mistakes=[(lambda: relationship.crm_process().index.tolist()[::-1],
               "you have the right steps in reverse order: what must exist first?")],
))

# =============================================================================================
# Chapter 8
# =============================================================================================

register(Exercise(
    "relationship.clv_member", "CLV of a club member (closed form)",
    expected=lambda: clv.retention_clv(**MEMBER),
    compare=number(rel_tol=1e-4, unit="$"),
    hint="CLV = m·r / (1 + d − r) with m = 190, r = 0.82, d = 0.10.",
    mistakes=[
        (lambda: MEMBER["margin"] * (1 + MEMBER["discount"])
         / (1 + MEMBER["discount"] - MEMBER["retention"]),
         "you added a margin received today; in Gupta & Lehmann's formula the first margin "
         "comes at the end of the first year, if the member stays."),
        (lambda: MEMBER["margin"] * MEMBER["retention"] / (1 - MEMBER["retention"]),
         "that is the value without discounting: put the discount rate into the denominator."),
        (lambda: clv.retention_clv(MEMBER["margin"], 1 - MEMBER["retention"], MEMBER["discount"]),
         "r is the share of members who *stay* (0.82), not the share who leave."),
    ],
))

register(Exercise(
    "relationship.clv_member_5y", "CLV of a club member over five years",
    expected=lambda: clv.retention_clv(**MEMBER, horizon=5),
    compare=number(rel_tol=1e-4, unit="$"),
    hint="sum m·r^t / (1 + d)^t for t = 1 to 5, or pass horizon=5 to clv.retention_clv.",
    mistakes=[(lambda: clv.retention_clv(**MEMBER),
               "that is the value over an unlimited horizon; count five years only."),
              (lambda: clv.discounted_value([MEMBER["margin"]] * 5, MEMBER["discount"]),
               "you discounted five full margins: each year's margin is earned only if the "
               "member is still there (probability r^t).")],
))

register(Exercise(
    "relationship.clv_segments", "CLV by segment",
    expected=_segment_clv,
    compare=numbers(rel_tol=1e-4),
    hint="one call: clv.retention_clv(margins, retentions, 0.10) with a Series (or lists) of "
         "the three segments' margins and retentions, labelled by segment.",
))

register(Exercise(
    "relationship.gain_from_70", "Five points of retention from 70%",
    expected=lambda: _gain(0.70),
    compare=number(rel_tol=1e-4),
    hint="compare retention_clv at r = 0.70 and r = 0.75 (d = 0.10): new / old − 1, as a share "
         "(0.1 for 10%); clv.retention_gain does it for you.",
    mistakes=[(lambda: _gain(0.70, relative=True),
               "5 points means 0.70 → 0.75, not 5% of 0.70 (0.735).")],
))

register(Exercise(
    "relationship.gain_from_90", "Five points of retention from 90%",
    expected=lambda: _gain(0.90),
    compare=number(rel_tol=1e-4),
    hint="compare retention_clv at r = 0.90 and r = 0.95 (d = 0.10): new / old − 1.",
    mistakes=[(lambda: _gain(0.90, relative=True),
               "5 points means 0.90 → 0.95, not 5% of 0.90 (0.945).")],
))

register(Exercise(
    "relationship.bucket_steady", "Where the club's membership settles",
    expected=lambda: clv.steady_state(BUCKET["acquired"], BUCKET["retention"]),
    compare=number(rel_tol=1e-4),
    hint="in the steady state the members lost, (1 − r)·N, equal the members acquired.",
    mistakes=[(lambda: BUCKET["acquired"] / BUCKET["retention"],
               "divide by the share who leave each year (1 − r), not by the share who stay.")],
))

register(Exercise(
    "relationship.bucket_2035", "Club members after ten more years",
    expected=lambda: float(clv.leaky_bucket(**BUCKET)["end"].iloc[-1]),
    compare=number(rel_tol=1e-4),
    hint="clv.leaky_bucket(initial=5375, acquired=1300, retention=0.78, periods=10) and the "
         "'end' of the last period.",
    mistakes=[(lambda: clv.steady_state(BUCKET["acquired"], BUCKET["retention"]),
               "that is the steady state, which the club only approaches; simulate ten years.")],
))

register(Exercise(
    "relationship.first_year_retention", "First-year retention of the club",
    expected=_first_year_retention,
    compare=number(rel_tol=1e-4),
    hint="members active in their second year (tenure 1), summed over cohorts, divided by the "
         "same cohorts' joiners (tenure 0); clv.cohort_retention does it.",
))

register(Exercise(
    "relationship.later_retention", "Retention after the first year",
    expected=_later_retention,
    compare=number(rel_tol=1e-4),
    hint="pool tenures 2 and above: the sum of 'retained' divided by the sum of 'previous' in "
         "clv.cohort_retention(cohorts).",
    mistakes=[(lambda: float(_cohort_rates().loc[_cohort_rates().index >= 2, "retention"].mean()),
               "you averaged the yearly rates; pool the members instead (sum retained / sum "
               "previous), so that each rate counts by its number of members.")],
))

register(Exercise(
    "relationship.margin_per_member", "Yearly margin per active member",
    expected=_margin_per_member,
    compare=number(rel_tol=1e-4, unit="$"),
    hint="leave out the joining year (tenure 0: half a year of margin), then total gross margin "
         "/ total active members.",
    mistakes=[(lambda: float(data.load("club_cohorts")["gross_margin"].sum()
                             / data.load("club_cohorts")["active_members"].sum()),
               "the joining year holds only about half a year of margin: leave tenure 0 out.")],
))

register(Exercise(
    "relationship.club_clv", "CLV of a member after the first year",
    expected=_club_clv,
    compare=number(rel_tol=1e-4, unit="$"),
    hint="clv.retention_clv with your margin per member, your later-year retention and d = 0.10.",
))

register(Exercise(
    "relationship.cashflow_clv", "Mean CLV by the discount method",
    expected=_cashflow_mean,
    compare=number(rel_tol=1e-4, unit="$"),
    hint="net = purchase_margin + addon_margin + 60 × referrals − serving_cost; pivot to one row "
         "per member and one column per year with fill_value=0; clv.discounted_value(wide, 0.10); "
         "then the mean over all 300 members.",
    mistakes=[(lambda: _cashflow_mean("start"),
               "the first year's cash flow comes at the end of year 1: use timing='end' (the "
               "default)."),
              (_cashflow_mean_survivors,
               "that is the mean of the members who stayed five years; average over all 300.")],
))

register(Exercise(
    "relationship.plan_611", "The 611 plan from 1 September 2026",
    expected=_plan_dates,
    compare=dates(),
    hint="relationship.contact_plan_611('2026-09-01')['date']: days 7, 22, 37, 45, 52, 67, 82 "
         "and 90 after the start.",
    mistakes=[(lambda: _plan_dates(avoid_weekends=True),
               "those dates avoid weekends; this part keeps the plan's own days.")],
))

register(Exercise(
    "relationship.plan_611_weekdays", "The 611 plan on working days",
    expected=lambda: _plan_dates(avoid_weekends=True),
    compare=dates(),
    hint="pass avoid_weekends=True: Saturday and Sunday contacts move to the Monday after.",
    mistakes=[(_plan_dates, "some of those dates fall on a weekend.")],
))

register(Exercise(
    "relationship.bond_cases", "Which bond does each practice build?",
    expected=lambda: [relationship.retention_strategies().loc[b].name for b in BOND_CASES.values()],
    compare=labels(),
    hint="financial bonds work through money, social bonds through people, customization bonds "
         "through knowing the customer, structural bonds through shared systems.",
))

register(Exercise(
    "relationship.personality_cases", "Five customers' personality types",
    expected=lambda: list(relationship.personality_type(*map(list, zip(*PERSONALITY_CASES.values())))),
    compare=labels(),
    hint="outgoing 4 or more = outgoing; people focus 4 or more = people-oriented; "
         "relationship.personality_type(outgoing, people_focus).",
))

register(Exercise(
    "relationship.segment_target", "Jack's Club: the segment to target first",
    expected=lambda: str(relationship.segment_attractiveness(SEGMENT_RATINGS).index[0]),
    compare=label(SEGMENT_RATINGS.index),
    hint="relationship.segment_attractiveness(ratings): the best-ranked segment among those "
         "that pass (at least 3 on every criterion).",
    mistakes=[(lambda: str(SEGMENT_RATINGS.mean(axis=1).sort_values(ascending=False).index[0]),
               "the highest average is not enough: a segment rated 2 on accessibility does not "
               "pass the screen.")],
))
