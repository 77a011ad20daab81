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
from ._core import (Exercise, Question, _describe, aliases, label, labels, number, numbers,
                    register, register_quiz, written)

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
#: Chapter 8: the discount rate of the retention-gain exercise (the chapter works at 10%).
GAIN_DISCOUNT = 0.12
#: Chapter 8: the club's leaky bucket, and the retention of the what-if (from 2026 on).
BUCKET = dict(initial=5375, acquired=1300, retention=0.78, periods=10)
BUCKET_WHAT_IF_RETENTION = 0.83
#: Chapter 8: the cohort of the 2023 sign-up drive with a free gift, left out of exercise 7.
GIFT_COHORT = 2023
#: Chapter 8: the cost of the retention plan of exercise 14, in $ per member per year.
PLAN_COST = 8.0
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


def _gain(base: float, relative: bool = False, discount: float = GAIN_DISCOUNT) -> float:
    if relative:  # the known mistake: 5 percent of the rate, not 5 points
        return float(clv.retention_clv(1, base * 1.05, discount)
                     / clv.retention_clv(1, base, discount) - 1)
    return float(clv.retention_gain(base, gain=0.05, discount=discount)["clv_increase"].iloc[0])


def _gain_mistakes(base: float) -> list[tuple[Any, str]]:
    new = round(base + 0.05, 2)
    return [(lambda: _gain(base, relative=True),
             f"5 points means {base:.2f} → {new:.2f}, not 5% of {base:.2f}."),
            (lambda: _gain(base, discount=0.10),
             "that is the gain at the chapter's 10% discount rate; this exercise discounts at "
             "12%."),
            (lambda: float(clv.retention_clv(1, base + 0.05, GAIN_DISCOUNT)
                           - clv.retention_clv(1, base, GAIN_DISCOUNT)),
             "that is the difference of two margin multiples; the question asks for the "
             "relative rise, new / old − 1.")]


def _bucket_end(retention: float) -> float:
    what_if = {**BUCKET, "retention": retention}
    return float(clv.leaky_bucket(**what_if)["end"].iloc[-1])


def _points_needed(once: bool = False) -> float:
    """Points of retention (0.83 for 0.83 points) the plan must add to pay for PLAN_COST."""
    margin, base = _margin_per_member(), _later_retention()
    if once:  # the known mistake: the cost paid once, not every year the member stays
        value = float(clv.retention_clv(margin, base, 0.10))
        target = (value + PLAN_COST) * 1.10 / (margin + value + PLAN_COST)
        return 100 * (target - base)
    return 100 * float(clv.break_even_retention(margin, base, 0.10, cost=PLAN_COST) - base)


@lru_cache(maxsize=None)
def _cohort_rates() -> pd.DataFrame:
    return clv.cohort_retention(data.load("club_cohorts"))


def _first_year_retention(cohorts: str = "others") -> float:
    """Pooled first-year retention of the cohorts other than the gift drive (``"others"``), of
    every cohort (``"all"``, the chapter's number) or of the gift cohort alone (``"gift"``)."""
    if cohorts == "all":
        return float(_cohort_rates().loc[1, "retention"])
    table = data.load("club_cohorts")
    keep = table["cohort"] == GIFT_COHORT
    return float(clv.cohort_retention(table[keep if cohorts == "gift" else ~keep])
                 .loc[1, "retention"])


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
# a comparison for dates: the engine's (days in any common form, in order; chapter 8)
# ---------------------------------------------------------------------------------------------

from ._core import dates  # noqa: E402


# =============================================================================================
# Chapter 2
# =============================================================================================

# More inputs of the chapter-2 exercises (the same numbers appear in the exercise text).
#: Exercise 3: the manager's own cut between "medium" and "many" customers.
CUSTOMER_CUTS_50K = (100, 50_000)
#: Exercise 4: better first trials: the exploration row of the transition table.
TRIAL_ROW = [0.65, 0.25, 0.0, 0.0, 0.10]
#: Exercises 7 and 8: a loyalty programme for stable customers: the stability row.
STABILITY_ROW = [0.0, 0.0, 0.96, 0.04, 0.0]
#: Exercise 10: five practices and the feature of customer relationships each one shows.
FEATURE_CASES = {
    "a florist has delivered to the same office every week for eight years": "continuity",
    "a bank serves students, retirees and small firms: some by contract, some by habit":
        "diversity",
    "a new coffee chain offers a rival's regulars their first month free": "competitiveness",
    "a gym keeps its members only while the classes keep them fit and the fees keep the gym "
    "open": "win-win",
    "two members of the same club: one shops daily and knows the staff, the other comes for "
    "the sales twice a year": "difference",
}
#: Exercise 11: four of Jack's business customers: (monthly contact, stays if a rival is
#: cheaper, strategic partner or shareholder).
UPGRADE_CASES = {
    "office A": (True, False, False),
    "school B": (True, True, True),
    "café C": (False, False, False),
    "hotel D": (True, True, False),
}
#: Exercise 12: six practices and the CRM keyword (connotation 12) each one applies.
KEYWORD_CASES = {
    "a bookshop's app keeps each reader's wish list, which moving to another shop would lose":
        "switching cost",
    "a bakery puts out fresh bread at 7 every morning; its regulars now come without thinking":
        "habit",
    "a software firm invites its main clients to test and shape the next version":
        "participation",
    "a pharmacist remembers a customer's mother is ill and asks after her": "emotional account",
    "a bank treats a student account as forty years of future business": "lifetime customer",
    "a wholesaler manages a small shop's stock, so the shop no longer reorders without it":
        "dependence",
}

# Chinese names the chapter teaches, accepted as their English twins (from crmlib's tables).
aliases({**dict(zip(relationship.relationship_levels()["chinese"], relationship.LEVELS)),
         **dict(zip(relationship.relationship_features()["chinese"],
                    relationship.relationship_features().index)),
         **dict(zip(relationship.crm_keywords()["chinese"], relationship.crm_keywords().index)),
         "情感账户": "emotional account", "终生客户": "lifetime customer",
         **dict(zip(relationship.crm_process()["chinese"], relationship.crm_process().index)),
         "松散型": "loose", "紧密型": "close", "战略伙伴": "strategic partner",
         "战略级合作伙伴": "strategic partner"})


def _with_row(phase: str, row: list[float]) -> pd.DataFrame:
    table = relationship.LIFE_CYCLE_TRANSITIONS.copy()
    table.loc[phase] = row
    return table


@lru_cache(maxsize=None)
def _sim_better() -> pd.DataFrame:
    return relationship.simulate_life_cycle(**LIFE_CYCLE,
                                            transition=_with_row("stability", STABILITY_ROW))


def _upgrade_rungs(kotler: bool = False) -> list[str]:
    contact, cheaper, strategic = map(list, zip(*UPGRADE_CASES.values()))
    rungs = list(relationship.upgrade_rung(contact, cheaper, strategic))
    if kotler:  # the known mistake: Kotler's levels instead of the ladder's rungs
        nearest = relationship.upgrade_ladder()["nearest_level"]
        return [nearest[r].split(" / ")[0] for r in rungs]
    return rungs


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
    "relationship.level_new_cuts", "Jack's Club with the manager's own cut",
    expected=lambda: relationship.relationship_level(20_000, 0.22,
                                                     customer_cuts=CUSTOMER_CUTS_50K),
    compare=label(relationship.LEVELS),
    hint="with customer_cuts=(100, 50_000), 20,000 members are no longer 'many'; find their "
         "new band, then the cell of the grid.",
    mistakes=[(lambda: relationship.relationship_level(20_000, 0.22),
               "that is the level with the chapter's cuts; the manager's 'many' starts at "
               "50,000.")],
))

register(Exercise(
    "relationship.reach_stability_exact", "Better trials: the chance of reaching stability",
    expected=lambda: float(relationship.reach_probabilities(
        _with_row("exploration", TRIAL_ROW))["stability"]),
    compare=number(rel_tol=1e-6),
    hint="the chance of leaving exploration for formation (0.25 out of 0.25 + 0.10), "
         "multiplied by the chance of leaving formation for stability (0.14 out of 0.14 + 0.08); or "
         "relationship.reach_probabilities(table)['stability'].",
    mistakes=[(lambda: float(relationship.reach_probabilities()["stability"]),
               "that is the chance with the default exploration row; change it to 0.65 / 0.25 / "
               "0 / 0 / 0.10 first."),
              (lambda: TRIAL_ROW[1] / (TRIAL_ROW[1] + TRIAL_ROW[4]),
               "that is only the chance of reaching formation; a formed relationship must then "
               "reach stability too."),
              (lambda: TRIAL_ROW[1] * 0.14,
               "that is the chance of moving on in two given months; a relationship may wait "
               "in a phase, so compare the ways *out* of each phase.")],
))

register(Exercise(
    "relationship.reach_stability", "Share of relationships that reach stability",
    expected=_reach_stability,
    compare=number(rel_tol=1e-6),
    hint="simulate with the stated seed, then use relationship.life_cycle_outcomes(sim) and the "
         "share whose furthest_phase is 'stability' (a share is between 0 and 1).",
    mistakes=[(lambda: float(relationship.reach_probabilities()["stability"]),
               "that is the exact probability of the Markov chain; the exercise asks for the "
               "share in the simulation, which scatters around it.")],
))

register(Exercise(
    "relationship.ended_by_24", "Share of relationships ended by month 24",
    expected=_ended_by_24,
    compare=number(rel_tol=1e-6),
    hint="relationship.phase_shares(sim) gives the share in each phase by month; read the "
         "'ended' column in month 24.",
))

register(Exercise(
    "relationship.ended_by_24_better", "Ended by month 24, with a loyalty programme",
    expected=lambda: float(relationship.phase_shares(_sim_better()).loc[24, "ended"]),
    compare=number(rel_tol=1e-6),
    hint="copy relationship.LIFE_CYCLE_TRANSITIONS, set the 'stability' row to 0, 0, 0.96, "
         "0.04, 0, simulate with the same customers, periods and seed (transition=...), and read "
         "phase_shares(...) in month 24.",
    mistakes=[(_ended_by_24, "that is the share without the programme; pass your changed "
                             "table as transition=.")],
))

register(Exercise(
    "relationship.expected_months", "How long a relationship lasts, with the programme",
    expected=lambda: float(relationship.expected_months(
        _with_row("stability", STABILITY_ROW))["total"]),
    compare=number(rel_tol=1e-6),
    hint="relationship.expected_months(table)['total'] with the changed stability row; or by "
         "hand: for each phase, the chance of reaching it × the months it lasts (1 / the "
         "monthly chance of leaving it), added up.",
    mistakes=[(lambda: float(relationship.expected_months()["total"]),
               "that is the expected length without the programme; use the changed table."),
              (lambda: 1 / STABILITY_ROW[3],
               "that is the length of a stable spell once it starts; a new relationship may "
               "never get there, and spends months in the other phases too."),
              (lambda: float(relationship.expected_months(
                  _with_row("stability", STABILITY_ROW))["stability"]),
               "that is the expected time in stability only; add the other three phases.")],
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

register(Exercise(
    "relationship.feature_cases", "Which feature of customer relationships?",
    expected=lambda: list(FEATURE_CASES.values()),
    compare=labels(),
    hint="one feature per practice, in the order given, from relationship.relationship_features(): "
         "diversity, difference, win-win, continuity, competitiveness (or their Chinese names).",
))

register(Exercise(
    "relationship.upgrade_rungs", "How far has each relationship been upgraded?",
    expected=_upgrade_rungs,
    compare=labels(),
    hint="the highest rung whose test each customer passes: loose, close, price-immune, "
         "strategic partner; relationship.upgrade_rung(monthly_contact, stays_if_cheaper, "
         "strategic) does it for the four at once.",
    mistakes=[(lambda: _upgrade_rungs(kotler=True),
               "those are Kotler's levels (what the firm does after a sale); the exercise asks "
               "for the rungs of the upgrade ladder (how firmly the customer is bound).")],
))

register(Exercise(
    "relationship.keyword_cases", "Which CRM keyword does each practice apply?",
    expected=lambda: list(KEYWORD_CASES.values()),
    compare=labels(),
    hint="one keyword per practice, in the order given, from relationship.crm_keywords(): habit, "
         "dependence, participation, emotional account, switching cost, lifetime customer.",
))

register(Exercise(
    "relationship.crm_definitions", "Two definitions of CRM",
    expected=lambda: None,
    compare=written(min_words=20),
    hint="say what each definition makes CRM (a strategy; a process), what each says it is for, "
         "and which of the two describes Jack's Club better, with a reason.",
))

register_quiz("relationship.core_concepts", "Concept check · Core concepts: customers, "
              "relationships and CRM", [
    Question("A wholesaler buys a dairy's milk and sells it to shops. For the dairy it is ...",
             ["an end customer", "an intermediate customer", "a supplier", "a competitor"],
             answer="b", explanation="it owns the milk but buys it to sell it on: an intermediate "
                                     "customer (中间客户).", see="§2.1"),
    Question("In Kotler's grid, a firm with many customers and a high margin should aim at ...",
             ["a basic relationship", "a partnership", "an accountable relationship",
              "a proactive relationship"], answer="c",
             explanation="many customers pull the level down, a high margin pushes it up: "
                         "accountable (负责型), e.g. a call after each sale.", see="§2.3"),
    Question("'Margin' in Kotler's grid is, in Chinese, ...",
             ["利润率 / 毛利率 (profit as a share of the price)", "边际利润 (marginal profit)",
              "市场份额 (market share)", "客户终生价值 (customer lifetime value)"], answer="a",
             explanation="a margin is profit as a share of the price, 利润率 or 毛利率; 边际利润 "
                         "means marginal profit.", see="§2.3"),
    Question("Which feature of customer relationships says that a relationship lasts only if "
             "both sides gain?", ["多样性 diversity", "持续性 continuity", "竞争性 competitiveness",
                                  "双赢性 win-win"], answer="d",
             explanation="双赢性: the firm and the customer must both gain, or the relationship "
                         "breaks.", see="§2.2"),
    Question("On the relationship-upgrade ladder, which rung comes after steady monthly "
             "cooperation?", ["contact only when needed",
                              "staying even when a rival offers a lower price",
                              "a basic relationship", "the decline phase"], answer="b",
             explanation="loose → close (monthly) → immune to a rival's lower price → strategic "
                         "partner or shareholder.", see="§2.3"),
    Question("In the relationship life cycle, decline (退化期) ...",
             ["comes only after stability", "is the first phase", "cannot be reversed",
              "can begin in any phase"], answer="d",
             explanation="a relationship can weaken during exploration or formation too, not only "
                         "after it has been stable.", see="§2.4"),
    Question("With monthly probabilities 0.18 (to formation) and 0.12 (ended) out of "
             "exploration, what share of trials fail?", ["12%", "18%", "40%", "60%"], answer="c",
             explanation="of the ways out of exploration, 0.12 / (0.12 + 0.18) = 0.4 end the "
                         "relationship.", see="§2.4"),
    Question("According to course notes on customer loyalty, the *direct* aim of CRM is ...",
             ["higher customer loyalty", "lower prices", "a larger sales force",
              "a new IT system"], answer="a",
             explanation="the process definition: CRM is customer-centred, needs fair "
                         "competition, and directly aims at loyalty.", see="§2.5"),
    Question("Which is NOT one of the CRM keywords (connotation 12)?",
             ["培养习惯 building habits", "转移成本 switching costs",
              "价格战 a price war", "情感帐户 the emotional account"], answer="c",
             explanation="the six keywords: habits, dependence, participation, the emotional "
                         "account, switching costs, lifetime customers; a price war is none.",
             see="§2.6"),
    Question("Connotations 9 and 10 say CRM's goal and purpose are ...",
             ["the most customers at the lowest cost", "a complete archive and a dynamic "
              "database", "the internet and a CRM system", "the largest value per customer, and "
              "loyalty and profit"], answer="d",
             explanation="goal (目标): maximum customer value and profit per customer, developed a "
                         "second time; purpose (目的): loyalty and profit.", see="§2.6"),
])

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
    "relationship.gain_from_70", "Five points of retention from 70%, at 12%",
    expected=lambda: _gain(0.70),
    compare=number(rel_tol=1e-4),
    hint="compare retention_clv at r = 0.70 and r = 0.75 with d = 0.12: new / old − 1, as a "
         "share (0.1 for 10%); clv.retention_gain(..., discount=0.12) does it for you.",
    mistakes=_gain_mistakes(0.70),
))

register(Exercise(
    "relationship.gain_from_90", "Five points of retention from 90%, at 12%",
    expected=lambda: _gain(0.90),
    compare=number(rel_tol=1e-4),
    hint="compare retention_clv at r = 0.90 and r = 0.95 with d = 0.12: new / old − 1.",
    mistakes=_gain_mistakes(0.90),
))

register(Exercise(
    "relationship.slide_critique", "What the '5% more retention' slide leaves out",
    expected=lambda: None,
    compare=written(min_words=20),
    hint="use your two numbers: does the gain depend on the base? what did Reichheld and Sasser "
         "measure, in which firms, and what does the formula leave out? what does the slide "
         "not count?",
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
    "relationship.bucket_what_if", "Club members in 2035 if the leak is mended",
    expected=lambda: _bucket_end(BUCKET_WHAT_IF_RETENTION),
    compare=number(rel_tol=1e-4),
    hint="the same bucket (5,375 members, 1,300 new a year, ten years) with retention 0.83 in "
         "every year; the 'end' of the last period.",
    mistakes=[(lambda: clv.steady_state(BUCKET["acquired"], BUCKET_WHAT_IF_RETENTION),
               "that is the new steady state, which the club only approaches; simulate ten "
               "years."),
              (lambda: _bucket_end(BUCKET_WHAT_IF_RETENTION) - _bucket_end(BUCKET["retention"]),
               "that is the difference from the 78% projection; the question asks for the "
               "members themselves."),
              (lambda: _bucket_end(BUCKET["retention"]),
               "that is the projection at 78%; use the mended retention of 0.83.")],
))

register(Exercise(
    "relationship.first_year_retention", "First-year retention without the gift-drive cohort",
    expected=_first_year_retention,
    compare=number(rel_tol=1e-4),
    hint="leave out the 2023 cohort; then members active in their second year (tenure 1), "
         "summed over the other cohorts, divided by the same cohorts' joiners (tenure 0); "
         "clv.cohort_retention on the filtered table does it.",
    mistakes=[(lambda: _first_year_retention("all"),
               "that is the rate over all cohorts, the gift drive included; leave the 2023 "
               "cohort out."),
              (lambda: _first_year_retention("gift"),
               "that is the 2023 gift-drive cohort alone; the question asks for all the others.")],
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

register(Exercise(
    "relationship.points_needed", "Points of retention the plan must add to pay for itself",
    expected=_points_needed,
    compare=number(rel_tol=1e-4),
    hint="with your margin per member and later-year retention (d = 0.10): the break-even "
         "retention makes a member paying $8 a year worth what they are worth today; "
         "clv.break_even_retention(margin, retention, 0.10, cost=8), minus today's retention, "
         "in percentage points.",
    mistakes=[(lambda: _points_needed(once=True),
               "you charged the $8 once; the plan costs $8 in every year the member stays, so "
               "the yearly margin falls by 8.")],
))

register(Exercise(
    "relationship.retention_plan", "A retention plan for Jack's Club",
    expected=lambda: None,
    compare=written(min_words=20),
    hint="one measure per bond (financial, social, customization, structural); say which targets "
         "new members and which established ones, and what your break-even number means for "
         "the plan.",
))

# Chinese names (and the social-styles names) that chapter 8 teaches, accepted as their
# English twins; built from crmlib's tables.
aliases({**{zh: bond for bond, zh in relationship.retention_strategies()["chinese"].items()},
         **{zh: kind for kind, zh in relationship.personality_types()["chinese"].items()},
         "完美型": "analytical", "expressive": "popular", "amiable": "peaceful"})

register_quiz("relationship.building_concepts", "Concept check · Building and keeping "
              "customer relationships", [
    Question("The four goals of relationship marketing towards customers, in order, are ...",
             ["satisfy → acquire → enhance → retain", "acquire → retain → satisfy → enhance",
              "acquire → satisfy → retain → enhance", "retain → acquire → satisfy → enhance"],
             answer="c", explanation="获得 → 满足 → 保留 → 强化: each goal builds on the one before; "
             "enhancing means the customer buys more, and more kinds of products.", see="§8.1"),
    Question("Why does the chapter say that customers 'cannot simply be counted'?",
             ["once a buyer and a seller form a relationship, the firm has to keep and develop "
              "it: its worth lies in the exchanges to come, not in a head count",
              "because customer numbers are confidential",
              "because only revenue matters, not the number of customers",
              "because cohorts overlap, so every customer would be counted twice"],
             answer="a", explanation="a customer relationship (顾客关系) is a continuing tie to be "
             "kept and developed; CLV values it.", see="§8.1"),
    Question("A gym gains 300 members a year and keeps 75% of its members each year. Which "
             "change doubles the number of members it settles at?",
             ["raise retention to 80%", "raise acquisitions to 450 a year",
              "keep the inflow and cut the yearly loss from 25% to 12.5%",
              "start the year with twice as many members"],
             answer="c", explanation="N* = A / (1 − r): halving the leak 1 − r doubles N*; where "
             "the base starts does not matter.", see="§8.2"),
    Question("Which is NOT one of the four drivers of customer lifetime value?",
             ["the average customer life", "the average revenue per period",
              "the other customers they refer", "the firm's market share"],
             answer="d", explanation="life length, revenue per period, add-on sales and "
             "referrals; market share describes the firm, not one customer.", see="§8.3"),
    Question("Gupta and Lehmann's closed form CLV = m·r / (1 + d − r) assumes that ...",
             ["the first margin arrives today",
              "the first margin arrives at the end of year 1, if the customer is still there",
              "margins grow every year", "money is not discounted"],
             answer="b", explanation="counting a margin paid today as well gives "
             "m·(1 + d) / (1 + d − r), one whole margin more: always say which.", see="§8.4"),
    Question("Berry and Parasuraman (1991) describe three levels of retention bonds. Which bond "
             "did Zeithaml and Bitner add between the social and the structural level?",
             ["customization bonds (定制化联系)", "financial bonds (财务联系)",
              "customer appreciation (顾客赞许)", "switching barriers"],
             answer="a", explanation="financial, social and structural are Berry and "
             "Parasuraman's; customization (knowing and tailoring to each customer) is the "
             "services-marketing textbook's addition.", see="§8.7"),
    Question("Jack's staff notice that a family buys baby formula every twelve days and put a "
             "tin aside before the family runs out. Which way of binding customers beyond money "
             "is this?",
             ["赢在感觉 win on feelings", "研究客户的习惯 study the customer's habits",
              "升级客户关系 upgrade the relationship",
              "做客户最匹配的合作伙伴 be the customer's best-matched partner"],
             answer="b", explanation="the starting point is how the customer uses the product; "
             "design the service around that habit.", see="§8.7"),
    Question("Which is one of the nine practices of deep marketing (伴随深度营销)?",
             ["cut the price below a rival's whenever a client hesitates",
              "keep the relationship with one contact person, so that nobody else interferes",
              "invite clients to help plan products and policies, and reward complaints "
              "(有奖投诉)",
              "wait for complaints to arrive before dealing with them"],
             answer="c", explanation="the nine spread the relationship to senior and middle "
             "managers, deal with complaints before cooperation starts, bring clients into "
             "planning and welcome fault-finding.", see="§8.9"),
    Question("'三年不换人，而不是一年换三人' (code 10, 持久稳定) asks a firm to ...",
             ["keep the same people serving a customer for years, so that the customer's "
              "preferences and taboos are remembered",
              "hire only older staff", "sign three-year contracts with its customers",
              "rotate account managers every year to avoid favouritism"],
             answer="a", explanation="the notes link older, steadier teams to more loyal "
             "customers; the lever is the stability of the people, not their age.", see="§8.9"),
    Question("A customer is reserved and cares more about facts and tasks than about people. "
             "Which type is this, and how do you serve them?",
             ["peaceful: explain patiently", "powerful: be quick and give options",
              "popular: listen and praise", "analytical: consult them, with data and "
              "comparisons"],
             answer="d", explanation="reserved × task = analytical (分析型; the 'analytical' "
             "social style): give facts and ask their view (征询).", see="§8.8"),
])
