"""Self-checks of chapter 5, Customer loyalty (exercise notebook 05_customer_loyalty_exercises).

Each expected answer is computed with crmlib from the inputs the exercise states (the constants
below are those inputs, repeated in the exercise text). Only Exercise 1 mirrors the chapter (a
warm-up); every other one asks for another segment, other cut-offs, other parameters, a second
store or a what-if, so the answer is not printed in the chapter.
"""
from __future__ import annotations

import re

import pandas as pd

from .. import churn, data, loyalty
from ..index import flatten_weights
from ._core import Exercise, Question, aliases, label, number, register, register_quiz, written

# --- Chinese names the chapter teaches, from the crmlib tables that hold them ----------------

aliases({zh: en for en, zh in loyalty.loyalty_types()["chinese"].items()})
aliases({"激励忠诚": "incentive"})  # the slide deck 004's word for 利益忠诚
aliases({zh: en for en, zh in loyalty.dick_basu_table()["chinese"].items()})
aliases({"虚伪忠诚": "spurious loyalty"})  # the slide deck 003's word for 虚假忠诚
aliases({zh: en for en, zh in loyalty.ladder_stages()["chinese"].items()})
_INDICATORS = flatten_weights(loyalty.LOYALTY_INDEX_SYSTEM)
aliases({m.group(1): row.indicator for row in _INDICATORS.itertuples()
         if (m := re.search(r"\((.+?)\)", row.label))})
aliases({row.label: row.indicator for row in _INDICATORS.itertuples()})


# --- the inputs of the exercises -------------------------------------------------------------

#: Exercise 2-3: Mr Wang at Jack's second store (the exercise text states every number).
WANG = dict(weekly_spend=80, weeks_per_year=48, years=6, people_told=12, influenced_share=0.4,
            onward_contacts=3, defection_share=0.2)
#: Exercise 4: other cut-offs for Dick & Basu's matrix.
CUTS = dict(attitude_cut=4.5, repeat_cut=0.4)
#: Exercise 6: a second manager's dimension weights for the loyalty index.
WEIGHTS_B = {"durability": 0.3, "spending": 0.3, "emotion": 0.4}
#: Exercise 7: age bands.
AGE_BINS, AGE_LABELS = [0, 39, 59, 200], ["under 40", "40-59", "60+"]
#: Exercise 9: a competitor's opening discount, in %.
RIVAL_DISCOUNT = 15
#: Exercise 10: a pilot survey of 12 customers at Jack's Hillside store.
HILLSIDE = pd.DataFrame({
    "satisfaction":      [2, 5, 1, 4, 2, 3, 5, 2, 1, 4, 2, 3],
    "repurchase_intent": [4, 5, 4, 2, 5, 2, 5, 4, 1, 5, 4, 3],
})
#: Exercise 12: the coalition programme, a what-if.
COALITION = dict(members=20_000, spend_per_member=1_500, uplift=0.04, margin=0.25,
                 reward_rate=0.01, redemption_rate=0.6, fixed_cost=80_000, partner_share=0.4)


def _survey() -> pd.DataFrame:
    return data.load("loyalty_survey")


def _both() -> pd.DataFrame:
    return _survey().merge(data.load("loyalty_measures"), on="customer_id")


def _wang(**change):
    return churn.mrs_smith_loss(**{**WANG, **change})


def _wang_textbook() -> float:
    # the textbook reading: people_told x share x onward_contacts influenced (no "1 +"), and
    # the lost customers' value only (Mrs Smith herself not counted)
    loss = _wang(onward_contacts=WANG["onward_contacts"] - 1)
    return loss.lost_customers * loss.lifetime_value


def _spurious_share(mask=None, **cuts) -> float:
    s = _survey()
    kinds = loyalty.dick_basu(s["attitude"], s["wallet_share"], **cuts)
    if mask is not None:
        kinds = kinds[mask(s)]
    return float((kinds == "spurious loyalty").mean())


def _system_b():
    base = loyalty.LOYALTY_INDEX_SYSTEM
    return {dim: (WEIGHTS_B[dim], indicators) for dim, (_, indicators) in base.items()}


def _monopoly_index(system) -> float:
    s = _survey()
    return float(loyalty.loyalty_index(s, system)["loyalty_index"][s["main_reason"] == "monopoly"].mean())


def _age_sensitivity() -> pd.DataFrame:
    s = _survey()
    bands = pd.cut(s["age"], AGE_BINS, labels=AGE_LABELS)
    return loyalty.index_sensitivity(s, bands)


def _retention_dissatisfied(monopoly: bool) -> float:
    b = _both()
    sel = (b["satisfaction"] <= 2) & ((b["main_reason"] == "monopoly") == monopoly)
    return float(b.loc[sel, "retained_12m"].mean())


def _inertia_at_risk(discount=RIVAL_DISCOUNT, column="spend_lost") -> float:
    b = _both()
    g = b[b["main_reason"] == "inertia"]
    return float(loyalty.discount_defection(g["switch_discount"], discount,
                                            g["monthly_spend"])[column].iloc[0])


def _hostage_share() -> float:
    kinds = loyalty.satisfaction_loyalty_quadrant(HILLSIDE["satisfaction"],
                                                  HILLSIDE["repurchase_intent"])
    return float((kinds == "hostage").mean())


def _east_conversion(step="repeat customer") -> float:
    ladder = data.load("loyalty_ladder")
    east = ladder.loc[ladder["district"] == "East", "ladder_stage"]
    return float(loyalty.ladder_counts(east).loc[step, "step_conversion"])


def _automobile_jump(industry="automobile") -> float:
    m = data.load("satisfaction_loyalty")
    curves = loyalty.jones_sasser_curves(m["satisfaction"], m["repurchase_intent"], m["industry"])
    return float(curves.loc[5, industry] - curves.loc[4, industry])


# --- Exercise 1 (warm-up: mirrors the chapter) ----------------------------------------------

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

# --- Exercises 2-3: Mr Wang (other parameters) ----------------------------------------------

register(Exercise(
    "loyalty.wang_loss", "Mr Wang's departure, the course's reading",
    expected=lambda: _wang().total_loss,
    compare=number(unit="$"),
    hint="lifetime value = weekly spend x weeks x years; influenced = told x share x (1 + onward "
         "contacts); lost = influenced x defection share; total = lifetime value x (1 + lost).",
    mistakes=[
        (lambda: _wang().lost_customers * _wang().lifetime_value,
         "you left out Mr Wang himself: add his own lifetime value."),
        (lambda: _wang(onward_contacts=WANG["onward_contacts"] - 1).total_loss,
         "in the course's reading each convinced person counts too: multiply by (1 + onward "
         "contacts), not by the onward contacts alone."),
        (lambda: _wang(weeks_per_year=52).total_loss,
         "Mr Wang shops 48 weeks a year, not 52."),
        (lambda: churn.mrs_smith_loss().total_loss,
         "that is Mrs Smith's loss with the chapter's defaults; use Mr Wang's numbers."),
    ],
))

register(Exercise(
    "loyalty.wang_textbook", "Mr Wang's departure, the textbook reading",
    expected=_wang_textbook,
    compare=number(unit="$"),
    hint="in this reading influenced = told x share x onward contacts, lost = influenced x "
         "defection share, and the loss counts only the lost customers' lifetime value.",
    mistakes=[
        (lambda: _wang_textbook() + _wang().lifetime_value,
         "the textbook reading does not add Mr Wang himself: count only the customers he drives "
         "away."),
        (lambda: _wang().total_loss, "that is the course's reading (Exercise 2); here use "
         "onward contacts alone and leave Mr Wang out."),
    ],
))

# --- Exercises 4-5: Dick & Basu (other cut-offs, another subset) ---------------------------

register(Exercise(
    "loyalty.spurious_other_cuts", "Spurious loyalty at other cut-offs",
    expected=lambda: _spurious_share(**CUTS),
    compare=number(),
    hint="loyalty.dick_basu(attitude, wallet_share, attitude_cut=4.5, repeat_cut=0.4), then the "
         "mean of (conditions == 'spurious loyalty'); a share between 0 and 1.",
    mistakes=[(lambda: _spurious_share(), "that is the share at the chapter's cuts (4 and 0.5); "
               "use attitude_cut=4.5 and repeat_cut=0.4."),
              (lambda: _spurious_share(attitude_cut=4.5),
               "you changed the attitude cut only; set repeat_cut=0.4 as well."),
              (lambda: _spurious_share(repeat_cut=0.4),
               "you changed the repeat cut only; set attitude_cut=4.5 as well.")],
))

register(Exercise(
    "loyalty.spurious_60plus", "Spurious loyalty among customers aged 60 or over",
    expected=lambda: _spurious_share(mask=lambda s: s["age"] >= 60),
    compare=number(),
    hint="classify everyone at the default cuts, keep the rows with age >= 60, and take the "
         "share that is 'spurious loyalty' among them (not among all 600).",
    mistakes=[(lambda: _spurious_share(), "that is the share among all 600 customers; keep only "
               "those aged 60 or over."),
              (lambda: _spurious_share(mask=lambda s: s["age"] > 60),
               "'60 or over' includes the customers aged exactly 60 (age >= 60)."),
              (lambda: float(((loyalty.dick_basu(_survey()["attitude"], _survey()["wallet_share"])
                               == "spurious loyalty") & (_survey()["age"] >= 60)).mean()),
               "you divided by all 600 customers; divide by the number aged 60 or over.")],
))

# --- Exercise 6: the loyalty index with a second manager's weights --------------------------

register(Exercise(
    "loyalty.monopoly_index_b", "Monopoly customers' index with other weights",
    expected=lambda: _monopoly_index(_system_b()),
    compare=number(),
    hint="build a system with the same indicators and the dimension weights 0.3 / 0.3 / 0.4, "
         "pass it to loyalty.loyalty_index, and average 'loyalty_index' over the monopoly "
         "customers (a score 0-100).",
    mistakes=[(lambda: _monopoly_index(loyalty.LOYALTY_INDEX_SYSTEM),
               "that is the mean with the chapter's weights (0.25 / 0.25 / 0.5); use the second "
               "manager's.")],
))

# --- Exercise 7: sensitivity across age bands ------------------------------------------------

register(Exercise(
    "loyalty.most_sensitive_to_age", "The indicator most sensitive to age",
    expected=lambda: str(_age_sensitivity()["group_range"].idxmax()),
    compare=label(_INDICATORS["indicator"]),
    hint="cut age into the three bands, call loyalty.index_sensitivity(survey, bands) and take "
         "the indicator with the largest group_range; answer with its column name.",
    mistakes=[(lambda: str(loyalty.index_sensitivity(_survey(), _survey()["main_reason"])
                           ["group_range"].idxmax()),
               "that indicator separates the main reasons best; group by the age bands instead."),
              (lambda: str(_age_sensitivity()["group_range"].idxmin()),
               "that is the *least* sensitive indicator; the exercise asks for the most.")],
))

# --- Exercise 8: the constraint moderator, on retention ---------------------------------------

register(Exercise(
    "loyalty.retention_dissatisfied", "Retention of dissatisfied customers who have a choice",
    expected=lambda: _retention_dissatisfied(monopoly=False),
    compare=number(),
    hint="join loyalty_measures to the survey on customer_id, keep satisfaction 1-2 and main "
         "reason other than monopoly, and take the mean of retained_12m (a share 0-1).",
    mistakes=[(lambda: _retention_dissatisfied(monopoly=True),
               "that is the monopoly customers' retention; the exercise asks for everyone else."),
              (lambda: float(_both().loc[_both()["satisfaction"] <= 2, "retained_12m"].mean()),
               "leave the monopoly customers out: they are the constrained ones.")],
))

# --- Exercise 9: economic force, a what-if --------------------------------------------------

register(Exercise(
    "loyalty.inertia_spend_at_risk", "Inertia customers' spending at risk from a 15% offer",
    expected=_inertia_at_risk,
    compare=number(unit="$"),
    hint="keep the inertia customers, then loyalty.discount_defection(switch_discount, 15, "
         "monthly_spend) and read spend_lost ($ a month).",
    mistakes=[(lambda: _inertia_at_risk(column="customers_lost"),
               "that is the number of customers; the exercise asks for their monthly spending."),
              (lambda: float(loyalty.discount_defection(
                  _both()["switch_discount"], RIVAL_DISCOUNT, _both()["monthly_spend"])
                  ["spend_lost"].iloc[0]),
               "that is the spending at risk among all customers; keep only the inertia ones."),
              (lambda: float(_both().loc[(_both()["main_reason"] == "inertia")
                                         & (_both()["switch_discount"] < RIVAL_DISCOUNT),
                                         "monthly_spend"].sum()),
               "a customer whose switch discount is exactly 15 % leaves too (discount >= switch "
               "discount).")],
))

# --- Exercise 10: a second store --------------------------------------------------------------

register(Exercise(
    "loyalty.hillside_hostages", "Hostages at the Hillside store",
    expected=_hostage_share,
    compare=number(),
    hint="classify the twelve customers with loyalty.satisfaction_loyalty_quadrant (cuts of 4) "
         "and take the share that are 'hostage' (between 0 and 1).",
    mistakes=[(lambda: float((loyalty.satisfaction_loyalty_quadrant(
        HILLSIDE["satisfaction"], HILLSIDE["repurchase_intent"]) == "hostage").sum()),
        "that is the number of hostages; the exercise asks for the share.")],
))

# --- Exercise 11: the ladder in one district --------------------------------------------------

register(Exercise(
    "loyalty.east_repeat_conversion", "From first to repeat purchase in the East district",
    expected=_east_conversion,
    compare=number(),
    hint="run loyalty.ladder_counts on the East district's households only and read the "
         "step_conversion of 'repeat customer'.",
    mistakes=[(lambda: float(loyalty.ladder_counts(data.load("loyalty_ladder")["ladder_stage"])
                             .loc["repeat customer", "step_conversion"]),
               "that is the whole trade area; keep only the East district."),
              (lambda: _east_conversion("first-time customer"),
               "that is the step from prospect to first purchase; the exercise asks for the next "
               "step (first-time -> repeat).")],
))

# --- Exercise 12: the coalition programme, a what-if ------------------------------------------

register(Exercise(
    "loyalty.coalition_break_even", "Coalition programme break-even uplift (what-if)",
    expected=lambda: loyalty.programme_economics(**COALITION).break_even_uplift,
    compare=number(),
    hint="call loyalty.programme_economics with the numbers of the exercise (redemption 0.6, "
         "fixed cost 80,000, partner share 0.4) and read .break_even_uplift (a share).",
    mistakes=[(lambda: loyalty.programme_economics(**{**COALITION, "partner_share": 0.0})
               .break_even_uplift,
               "in a coalition the partners fund part of the rewards: set partner_share=0.4."),
              (lambda: loyalty.programme_economics(
                  members=20_000, spend_per_member=1_500, uplift=0.04, margin=0.25,
                  reward_rate=0.01, redemption_rate=0.8, fixed_cost=60_000,
                  partner_share=0.5).break_even_uplift,
               "that is the chapter's coalition; use the what-if numbers.")],
))

# --- Exercise 13: Jones & Sasser, one industry ------------------------------------------------

register(Exercise(
    "loyalty.automobile_jump", "From satisfied to completely satisfied: automobiles",
    expected=_automobile_jump,
    compare=number(),
    hint="loyalty.jones_sasser_curves(satisfaction, repurchase_intent, industry), then the "
         "automobile column at satisfaction 5 minus at satisfaction 4.",
    mistakes=[(lambda: _automobile_jump("personal computer"),
               "that is the personal computer column; the exercise asks for automobiles."),
              (lambda: -_automobile_jump(), "subtract the other way: level 5 minus level 4.")],
))

# --- Exercise 14: written -----------------------------------------------------------------------

register(Exercise(
    "loyalty.satisfied_not_loyal", "Why satisfied customers defect",
    expected=lambda: None,
    compare=written(),
    hint="the lesson plan names four factors besides satisfaction that shape loyalty.",
))

# --- Concept check --------------------------------------------------------------------------------

register_quiz("loyalty.concepts", "Concept check · Customer loyalty (客户忠诚)", [
    Question("By the lesson plan's table of attachment (依恋) and repeat purchase, which type of "
             "loyalty is low on both?",
             ["monopoly loyalty (垄断忠诚)", "inertia loyalty (惰性忠诚)", "price loyalty (价格忠诚)",
              "trust loyalty (信赖忠诚)"],
             answer="c", explanation="price-loyal customers follow the lowest price: little "
             "attachment and little repeat purchase.", see="§5.2"),
    Question("A customer buys almost all her groceries at Jack's but says other stores are just "
             "as good. In Dick & Basu's matrix she shows ...",
             ["latent loyalty (潜在忠诚)", "spurious loyalty (虚假忠诚, 003: 虚伪忠诚)",
              "no loyalty (不忠诚)", "loyalty (忠诚)"],
             answer="b", explanation="high repeat purchase with a low relative attitude is "
             "spurious loyalty; inertia or a lack of choice holds her.", see="§5.3"),
    Question("What does *relative* mean in Dick & Basu's 'relative attitude'?",
             ["the attitude is judged against the alternatives: how much the customer prefers "
              "this firm to its rivals, not just how much she likes it",
              "the attitude relative to the customer's income",
              "the attitude of the customer's relatives and friends",
              "the change of attitude since the last survey"],
             answer="a", explanation="a customer can like two stores equally; only a preference "
             "over the alternatives makes an attitude loyal.", see="§5.3"),
    Question("The lesson plan calls loyalty 'how much economic force it takes to drive a "
             "customer away'. Which of Jack's measures puts a number on that?",
             ["the satisfaction score", "wallet share", "the number of visits a month",
              "the discount a new nearby store would have to offer to win the customer"],
             answer="d", explanation="switch_discount measures the economic force directly; "
             "monopoly customers buy everything at Jack's yet leave for a small discount.",
             see="§5.6"),
    Question("The slide deck 003 lists the steps of measuring loyalty. Which order is right?",
             ["set the weights and the model → experts validate → subdivide the indicators into "
              "a questionnaire → compute",
              "subdivide the indicators into an interview plan and questionnaire → set the "
              "weights and the model → experts score to validate the model → compute loyalty",
              "compute loyalty → experts validate → set the weights → write the questionnaire",
              "experts choose the customers → compute → set the weights → subdivide"],
             answer="b", explanation="first decide what to ask, then how to weigh it, check the "
             "model with experts, and only then compute.", see="§5.6"),
    Question("An index system should be complete (全面) and sensitive (灵敏). An indicator is "
             "*sensitive* when ...",
             ["it is measured on a scale of 1 to 7",
              "it has the largest weight in the system",
              "its scores differ clearly between loyal and disloyal kinds of customers",
              "customers answer it quickly"],
             answer="c", explanation="an indicator on which every group scores alike cannot "
             "tell loyal customers from the others.", see="§5.6"),
    Question("On the satisfaction-loyalty curve, what is the zone of indifference "
             "(质量不敏感区)?",
             ["the middle of the satisfaction scale, where more satisfaction barely raises "
              "loyalty, so merely satisfied customers still leave",
              "the top of the scale, where apostles (传道者) recommend the firm",
              "the bottom of the scale, where terrorists (破坏者) spread bad word of mouth",
              "a market with no competitors"],
             answer="a", explanation="only the move to complete satisfaction lifts loyalty in a "
             "competitive market.", see="§5.9"),
    Question("Seed 000 says an absolutely loyal customer is always satisfied; seed 004 says a "
             "loyal customer is not necessarily satisfied. Which customers make 004 right "
             "without proving 000 wrong?",
             ["mercenaries: satisfied but ready to leave",
              "apostles: satisfied and loyal",
              "terrorists: dissatisfied and leaving",
              "hostages: dissatisfied, held by a constraint such as a monopoly; loyal in "
              "behaviour only, so not *absolutely* loyal"],
             answer="d", explanation="'absolutely' loyal means loyal in attitude and behaviour; "
             "hostages are loyal only in behaviour.", see="§5.9"),
    Question("In the service-profit chain (Heskett et al. 1994), where does the chain start?",
             ["customer loyalty", "internal service quality, which drives employee "
              "satisfaction", "revenue growth", "advertising"],
             answer="b", explanation="internal service quality → satisfied, loyal, productive "
             "staff → service value → customer satisfaction → loyalty → profit.", see="§5.9"),
    Question("Oppermann (2000) measured tourists' loyalty to a destination by revisits alone. "
             "Why does that shortcut fit a destination better than a supermarket?",
             ["tourists never answer surveys",
              "a destination has no competitors",
              "spurious loyalty is likely in low-involvement purchases such as groceries, and "
              "unlikely in a high-involvement choice such as a holiday destination",
              "revisits are cheaper to count than visits"],
             answer="c", explanation="where choosing takes thought, repeat behaviour is seldom "
             "mere habit, so behaviour can stand for loyalty.", see="§5.1"),
])
