"""Self-checks of chapter 5, Customer loyalty (exercise notebook 05_customer_loyalty_exercises).

Each expected answer is computed with crmlib from the same inputs the exercise states.
"""
from __future__ import annotations

from .. import churn, data, loyalty
from ._core import Exercise, keywords, label, number, numbers, register


def _survey():
    return data.load("loyalty_survey")


def _spurious_by_reason():
    df = _survey()
    kinds = loyalty.dick_basu(df["attitude"], df["wallet_share"])
    return (kinds == "spurious loyalty").groupby(df["main_reason"], observed=True).mean()


def _index_by_reason():
    df = _survey()
    return loyalty.loyalty_index(df)["loyalty_index"].groupby(df["main_reason"], observed=True).mean()


def _coalition():
    return loyalty.programme_economics(members=20_000, spend_per_member=1_500, uplift=0.04,
                                       margin=0.25, reward_rate=0.01, redemption_rate=0.8,
                                       fixed_cost=60_000, partner_share=0.5)


register(Exercise(
    "loyalty.mrs_smith_10", "Mrs Smith, 10 people told",
    expected=lambda: churn.mrs_smith_loss(people_told=10).total_loss,
    compare=number(unit="$"),
    hint="the loss is Mrs Smith's own lifetime value plus one lifetime value per lost customer.",
    mistakes=[
        (lambda: churn.mrs_smith_loss(people_told=10).lost_customers
         * churn.mrs_smith_loss().lifetime_value,
         "you counted the lost customers but forgot Mrs Smith herself."),
        (lambda: churn.mrs_smith_loss(people_told=10, onward_contacts=0).total_loss,
         "each influenced person tells 5 more: count the influenced people *and* their contacts."),
        (lambda: churn.mrs_smith_loss().total_loss,
         "that is the answer for 20 people told; this exercise asks for 10."),
    ],
))

register(Exercise(
    "loyalty.mrs_smith_profit", "Mrs Smith in gross profit",
    expected=lambda: churn.mrs_smith_loss(margin=0.25).profit_loss,
    compare=number(unit="$"),
    hint="use the default assumptions (20 people told) and a 25% gross margin.",
    mistakes=[(lambda: churn.mrs_smith_loss().total_loss,
               "that is the revenue loss; turn it into gross profit with the margin.")],
))

register(Exercise(
    "loyalty.spurious_share", "Share of spurious loyalty",
    expected=lambda: float((loyalty.dick_basu(_survey()["attitude"], _survey()["wallet_share"])
                            == "spurious loyalty").mean()),
    compare=number(rel_tol=1e-3),
    hint="classify with loyalty.dick_basu(attitude, wallet_share) at the default cuts, then take "
         "the mean of (labels == 'spurious loyalty'). A share is between 0 and 1.",
))

register(Exercise(
    "loyalty.most_spurious_reason", "Reason with most spurious loyalty",
    expected=lambda: str(_spurious_by_reason().idxmax()),
    compare=label(loyalty.loyalty_types().index),
    hint="group the spurious-loyalty indicator by main_reason and take the largest mean.",
))

register(Exercise(
    "loyalty.index_by_reason", "Mean loyalty index by main reason",
    expected=_index_by_reason,
    compare=numbers(rel_tol=1e-3),
    hint="compute loyalty.loyalty_index(survey)['loyalty_index'] and group it by "
         "survey['main_reason'] (observed=True), then take the mean.",
))

register(Exercise(
    "loyalty.hostage_share", "Share of hostages",
    expected=lambda: float((loyalty.satisfaction_loyalty_quadrant(
        _survey()["satisfaction"], _survey()["repurchase_intent"]) == "hostage").mean()),
    compare=number(rel_tol=1e-3),
    hint="use loyalty.satisfaction_loyalty_quadrant(satisfaction, repurchase_intent) with the "
         "default cuts of 4.",
))

register(Exercise(
    "loyalty.ladder_repeat_conversion", "From first purchase to repeat purchase",
    expected=lambda: float(loyalty.ladder_counts(
        data.load("loyalty_ladder")["ladder_stage"]).loc["repeat customer", "step_conversion"]),
    compare=number(rel_tol=1e-3),
    hint="the step conversion of 'repeat customer' in loyalty.ladder_counts(...): people at that "
         "rung or above, divided by people at the rung below or above.",
))

register(Exercise(
    "loyalty.coalition_break_even", "Coalition programme break-even uplift",
    expected=lambda: _coalition().break_even_uplift,
    compare=number(rel_tol=1e-4),
    hint="call loyalty.programme_economics with the numbers in the exercise (partner_share=0.5) "
         "and read .break_even_uplift.",
    mistakes=[(lambda: loyalty.programme_economics(
        members=20_000, spend_per_member=1_500, uplift=0.04, margin=0.25, reward_rate=0.01,
        redemption_rate=0.8, fixed_cost=60_000).break_even_uplift,
        "in a coalition the partners fund half the rewards: set partner_share=0.5.")],
))

register(Exercise(
    "loyalty.coalition_net", "Coalition programme net benefit",
    expected=lambda: _coalition().net_benefit,
    compare=number(unit="$"),
    hint="net benefit = incremental profit - reward cost - fixed cost.",
))

register(Exercise(
    "loyalty.satisfied_not_loyal", "Why satisfied customers defect",
    expected=lambda: None,
    compare=keywords([
        ("competition", "competit", "竞争", "alternative", "rival"),
        ("switching costs", "switching cost", "转换成本", "转移成本", "switch"),
        ("rewards", "reward", "incentive", "programme", "program", "常客", "奖励"),
        ("sensitivity to price or quality", "sensitiv", "敏感", "price", "quality"),
    ], need=2),
    hint="the lesson plan names four factors besides satisfaction that shape loyalty.",
    example="In a competitive market there are many alternatives and low switching costs, so "
            "merely satisfied customers switch easily.",
))
