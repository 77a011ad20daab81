"""Self-checks of chapter 3, Customer value (exercise notebook 03_customer_value_exercises).

Each expected answer is computed with crmlib from the same inputs the exercise states: the
``kano_survey``, ``gale_profile`` and ``gale_market`` data sets, and the small tables of the
delivered-value exercise (``DINNER_VALUE``, ``DINNER_COST``).
"""
from __future__ import annotations

import pandas as pd

from .. import data, kano, value
from ._core import Exercise, keywords, label, number, register

APPS = ["quickbite", "dasheat", "foodhub", "mealgo"]
RIVALS = APPS[1:]

#: Exercise 7: a student's dinner, QuickBite delivery vs the campus canteen (value points).
DINNER_VALUE = {"QuickBite": {"product": 40, "service": 20, "personnel": 8, "image": 10},
                "canteen": {"product": 30, "service": 8, "personnel": 6, "image": 4}}
DINNER_COST = {"QuickBite": {"money": 46.5, "time": 6, "energy": 3, "psychic": 2},
               "canteen": {"money": 18, "time": 15, "energy": 8, "psychic": 2}}


def _split():
    return kano.split_survey(data.load("kano_survey"))


def _summary(tie_margin: float = 0.0) -> pd.DataFrame:
    return kano.summarize(*_split(), tie_margin=tie_margin)


def _profile(dimension: str) -> pd.DataFrame:
    table = data.load("gale_profile")
    return table[table["dimension"] == dimension].set_index("attribute")


def _dinner() -> pd.DataFrame:
    return value.delivered_value(pd.DataFrame(DINNER_VALUE).T, pd.DataFrame(DINNER_COST).T)


def _map(prices: bool = False) -> pd.DataFrame:
    quality = _profile("quality")
    if prices:
        basket = data.load("gale_market").set_index("firm")["basket_price"]
        return value.value_map_table(quality["weight"], quality[APPS], prices=basket)
    price = _profile("price")
    return value.value_map_table(quality["weight"], quality[APPS],
                                 price_weights=price["weight"], price_scores=price[APPS])


_FEATURES = list(data.load("kano_questions")["feature"])
_LETTERS = list(kano.CATEGORIES)

register(Exercise(
    "value.kano_pair", "One respondent's answer pair",
    expected=lambda: kano.classify("喜欢", "能忍受"),
    compare=label(_LETTERS),
    hint="look up the row of the functional answer (like) and the column of the dysfunctional "
         "answer (live-with) in kano.evaluation_table(), or call kano.classify.",
    mistakes=[(lambda: kano.classify("能忍受", "喜欢"),
               "you swapped the two answers: the functional one (feature present) comes first.")],
))

register(Exercise(
    "value.tamper_must_be", "Respondents who find the seal a must-be",
    expected=lambda: int(_summary().loc["tamper_seal", "M"]),
    compare=number(),
    hint="classify the two answer tables with kano.classify (after kano.split_survey) and count "
         "the 'M' in the tamper_seal column; kano.summarize gives the same count.",
))

register(Exercise(
    "value.most_better", "Feature with the highest Better coefficient",
    expected=lambda: str(_summary()["better"].idxmax()),
    compare=label(_FEATURES),
    hint="kano.summarize(...)['better'].idxmax() names the feature whose presence adds the most "
         "satisfaction.",
))


def _worse_all_answers() -> float:
    row = _summary().loc["tamper_seal"]
    return float(-(row["O"] + row["M"]) / row["n_answered"])


register(Exercise(
    "value.tamper_worse", "Worse coefficient of the tamper seal",
    expected=lambda: float(_summary().loc["tamper_seal", "worse"]),
    compare=number(rel_tol=1e-4),
    hint="Worse = -(O + M) / (A + O + M + I): a number between -1 and 0.",
    mistakes=[
        (lambda: -float(_summary().loc["tamper_seal", "worse"]),
         "the Worse coefficient is negative by convention: -(O + M) / (A + O + M + I)."),
        (_worse_all_answers,
         "leave R and Q answers out of the denominator: it is A + O + M + I."),
    ],
))

register(Exercise(
    "value.refund_category", "Category of the one-hour refund with a tie margin",
    expected=lambda: str(_summary(tie_margin=0.05).loc["one_hour_refund", "category"]),
    compare=label(_LETTERS),
    hint="use kano.summarize(functional, dysfunctional, tie_margin=0.05) with the default "
         "priority M > O > A > I.",
    mistakes=[(lambda: str(_summary().loc["one_hour_refund", "category"]),
               "that is the plain most frequent category; with tie_margin=0.05 the near tie "
               "between O and M is resolved by the priority M > O > A > I.")],
))


def _q_share(denominator: str) -> float:
    row = _summary().loc["no_cutlery_default"]
    total = row["n_answered"] if denominator == "answered" else row["n_answered"] + row["n_missing"]
    return float(row["Q"] / total)


register(Exercise(
    "value.cutlery_q_share", "Share of questionable answers on cutlery",
    expected=lambda: _q_share("answered"),
    compare=number(rel_tol=1e-4),
    hint="Q / n_answered for no_cutlery_default in kano.summarize(...): a share between 0 and 1.",
    mistakes=[(lambda: _q_share("all"),
               "divide by the respondents who answered both questions (n_answered), not by all "
               "300: the missing answers are left out.")],
))


def _office_group() -> str:
    survey = data.load("kano_survey")
    office = survey[survey["segment"] == "office worker"]
    return str(kano.summarize(*kano.split_survey(office)).loc["group_order", "category"])


register(Exercise(
    "value.group_office", "Group ordering among office workers",
    expected=_office_group,
    compare=label(_LETTERS),
    hint="select the rows with segment == 'office worker', then split and summarize them.",
    mistakes=[(lambda: str(_summary().loc["group_order", "category"]),
               "that is the category over all respondents; keep only the office workers.")],
))

register(Exercise(
    "value.canteen_delivered", "Delivered value of the canteen dinner",
    expected=lambda: float(_dinner().loc["canteen", "delivered_value"]),
    compare=number(),
    hint="total value (product + service + personnel + image) minus total cost (money + time "
         "+ energy + psychic).",
    mistakes=[
        (lambda: float(_dinner().loc["canteen", "total_value"]),
         "that is the total value; subtract the total cost."),
        (lambda: float(_dinner().loc["canteen", "value_ratio"]),
         "that is the value / cost ratio; delivered value is the difference."),
        (lambda: float(_dinner().loc["canteen", "total_value"])
         - DINNER_COST["canteen"]["money"],
         "the cost is not only money: add the time, energy and psychic costs."),
    ],
))

register(Exercise(
    "value.best_offer", "The dinner with the higher delivered value",
    expected=lambda: str(_dinner()["delivered_value"].idxmax()),
    compare=label(list(DINNER_VALUE)),
    hint="compare the two delivered values: total value - total cost of each offer.",
))


def _mpq_unweighted() -> float:
    quality = _profile("quality")
    return float((quality["quickbite"] / quality[RIVALS].mean(axis=1)).mean() * 100)


register(Exercise(
    "value.mpq", "QuickBite's market-perceived quality",
    expected=lambda: value.market_perceived_quality(_profile("quality")["weight"],
                                                    _profile("quality")["quickbite"],
                                                    _profile("quality")[RIVALS]),
    compare=number(rel_tol=1e-4),
    hint="value.market_perceived_quality(weights, QuickBite's scores, the three rivals' scores) "
         "on the six quality rows: the sum of weight x (own / rivals' mean).",
    mistakes=[
        (lambda: value.market_perceived_quality(_profile("quality")["weight"],
                                                 _profile("quality")["quickbite"],
                                                 _profile("quality")[RIVALS]) / 100,
         "Gale writes the ratio as 1.11; the course keeps weights that add up to 100, so "
         "parity is 100: multiply by 100."),
        (_mpq_unweighted, "weight each attribute's ratio by its importance."),
    ],
))

register(Exercise(
    "value.mpp", "QuickBite's market-perceived price",
    expected=lambda: value.market_perceived_price(_profile("price")["weight"],
                                                  _profile("price")["quickbite"],
                                                  _profile("price")[RIVALS]),
    compare=number(rel_tol=1e-4),
    hint="value.market_perceived_price on the three price rows: the sum of weight x "
         "(rivals' satisfaction / our satisfaction).",
    mistakes=[(lambda: float((_profile("price")["weight"] * _profile("price")["quickbite"]
                              / _profile("price")[RIVALS].mean(axis=1)).sum()),
               "the source divides satisfaction with the competitors by satisfaction with us "
               "(so that above 100 means our price looks worse); you divided the other way.")],
))

register(Exercise(
    "value.worst_value", "The app with the worst customer value",
    expected=lambda: str(_map()["value_advantage"].idxmin()),
    compare=label(APPS),
    hint="value.value_map_table(...) with the price profile; the worst value is the most "
         "negative value_advantage (furthest above the fair-value line).",
))

register(Exercise(
    "value.basket_advantage", "QuickBite's value advantage with basket prices",
    expected=lambda: float(_map(prices=True).loc["quickbite", "value_advantage"]),
    compare=number(rel_tol=1e-4),
    hint="value.value_map_table(weights, quality scores, prices=basket prices by firm) and read "
         "quickbite's value_advantage.",
    mistakes=[(lambda: float(_map().loc["quickbite", "value_advantage"]),
               "that uses the price-satisfaction profile; this exercise asks for the actual "
               "basket prices (prices=...).")],
))

register(Exercise(
    "value.what_next", "What QuickBite should do next",
    expected=lambda: None,
    compare=keywords([
        ("must-be", "must be", "tamper", "seal", "payment", "当然", "封签", "basic"),
        ("attractive", "delight", "on-time", "on_time", "compensation", "group", "迷人", "赔付",
         "拼单"),
        ("reverse", "promo", "push", "反向", "推送", "drop", "remove"),
        ("restaurant", "choice", "商家", "value map", "value advantage", "price"),
    ], need=3),
    hint="use both analyses: what to secure (must-be), what can delight (attractive), what to "
         "drop (reverse), and where the value map says QuickBite trails.",
    example="Secure the must-be basics such as the tamper seal, add attractive features like "
            "on-time compensation, and drop the reverse push promotions.",
))
