"""Self-checks of chapter 3, Customer value (exercise notebook 03_customer_value_exercises).

Each expected answer is computed with crmlib from the inputs the exercise states: the
``kano_survey``, ``gale_profile`` and ``gale_market`` data sets, and the small tables that the
exercises give in full (``LOCKER_*``, ``DINNER_*``, ``STUDENT_WEIGHTS``, ``FEE_RISE``). Most
answers are *not* printed in the chapter: another segment, a new survey, other weights, another
competitor base, a what-if price change.
"""
from __future__ import annotations

import re

import pandas as pd

from .. import data, kano, value
from ._core import Exercise, Question, aliases, label, number, register, register_quiz, written

APPS = ["quickbite", "dasheat", "foodhub", "mealgo"]
RIVALS = APPS[1:]

#: Exercise 2: thirteen students answer the Kano questions about pickup lockers (取餐柜).
LOCKER_FUNCTIONAL = ["喜欢", "喜欢", "喜欢", "理所当然", "喜欢", "无所谓", "喜欢", "喜欢", "喜欢",
                     "能忍受", "不喜欢", "喜欢", "无所谓"]
LOCKER_DYSFUNCTIONAL = ["无所谓", "能忍受", "不喜欢", "不喜欢", "理所当然", "无所谓", "不喜欢", "喜欢",
                        "能忍受", "不喜欢", "喜欢", "无所谓", "能忍受"]

#: Exercise 5: a student's dinner, QuickBite delivery vs the campus canteen (value points).
DINNER_VALUE = {"QuickBite": {"product": 40, "service": 20, "personnel": 8, "image": 10},
                "canteen": {"product": 30, "service": 8, "personnel": 6, "image": 4}}
DINNER_COST = {"QuickBite": {"money": 46.5, "time": 6, "energy": 3, "psychic": 2},
               "canteen": {"money": 18, "time": 15, "energy": 8, "psychic": 2}}

#: Exercise 7: the importance weights that students give the six quality attributes.
STUDENT_WEIGHTS = {"delivery_speed": 30, "food_condition": 15, "restaurant_choice": 25,
                   "service_refunds": 10, "app_usability": 10, "rider_courtesy": 10}

#: Exercise 8: QuickBite raises its delivery fee; satisfaction with its fee falls to this.
FEE_RISE = {"attribute": "delivery_fee", "new_rating": 6.40}

#: Exercise 10: the weight of quality in the customer value index.
P_QUALITY = 0.7

# -- the Chinese names the chapter teaches, accepted as answers (from crmlib's own tables) ----
_CATS = kano.categories()
_QUESTIONS = data.load("kano_questions")
_MARKET = data.load("gale_market")
aliases({**{row["name"]: letter for letter, row in _CATS.iterrows()},
         **{row.chinese: letter for letter, row in _CATS.iterrows()},
         **{row.chinese.removesuffix("质量"): letter for letter, row in _CATS.iterrows()},
         **dict(zip(_QUESTIONS["chinese"], _QUESTIONS["feature"])),
         **{m.group(1): firm for firm, name in zip(_MARKET["firm"], _MARKET["name"])
            if (m := re.search(r"\((.+)\)", name))},
         **{name.split(" (")[0]: firm for firm, name in zip(_MARKET["firm"], _MARKET["name"])}})

_FEATURES = list(_QUESTIONS["feature"])
_LETTERS = list(kano.CATEGORIES)


def _survey(segment: str | None = None) -> pd.DataFrame:
    survey = data.load("kano_survey")
    return survey if segment is None else survey[survey["segment"] == segment]


def _summary(segment: str | None = None, tie_margin: float = 0.0) -> pd.DataFrame:
    return kano.summarize(*kano.split_survey(_survey(segment)), tie_margin=tie_margin)


def _locker() -> pd.Series:
    return kano.summarize(pd.DataFrame({"locker": LOCKER_FUNCTIONAL}),
                          pd.DataFrame({"locker": LOCKER_DYSFUNCTIONAL})).loc["locker"]


def _profile(dimension: str) -> pd.DataFrame:
    table = data.load("gale_profile")
    return table[table["dimension"] == dimension].set_index("attribute")


def _shares(column: str = "share_this_year") -> pd.Series:
    return data.load("gale_market").set_index("firm")[column]


def _dinner() -> pd.DataFrame:
    return value.delivered_value(pd.DataFrame(DINNER_VALUE).T, pd.DataFrame(DINNER_COST).T)


def _fee_rise() -> pd.DataFrame:
    price = _profile("price").copy()
    price.loc[FEE_RISE["attribute"], "quickbite"] = FEE_RISE["new_rating"]
    return price


def _value_map(p: float = 0.5, prices: bool = False) -> pd.DataFrame:
    quality = _profile("quality")
    if prices:
        return value.value_map_table(quality["weight"], quality[APPS],
                                     prices=_shares("basket_price"), quality_weight=p)
    price = _profile("price")
    return value.value_map_table(quality["weight"], quality[APPS], price_weights=price["weight"],
                                 price_scores=price[APPS], quality_weight=p)


def _mpq(weights=None, competitor_weights=None) -> float:
    quality = _profile("quality")
    weights = quality["weight"] if weights is None else pd.Series(weights)
    return value.market_perceived_quality(weights, quality["quickbite"], quality[RIVALS],
                                          competitor_weights=competitor_weights)


# ---------------------------------------------------------------------------------------------
# Exercise 1: one answer pair (warm-up)
# ---------------------------------------------------------------------------------------------

register(Exercise(
    "value.kano_pair", "One respondent's answer pair",
    expected=lambda: kano.classify("无所谓", "不喜欢"),
    compare=label(_LETTERS),
    hint="the functional answer picks the row of the evaluation table, the dysfunctional "
         "answer the column (kano.evaluation_table()), or call kano.classify.",
    mistakes=[(lambda: kano.classify("不喜欢", "无所谓"),
               "you swapped the two answers: the functional one (feature present) comes first.")],
))

# ---------------------------------------------------------------------------------------------
# Exercise 2: a new small survey, by hand
# ---------------------------------------------------------------------------------------------

register(Exercise(
    "value.locker_category", "Category of the pickup lockers",
    expected=lambda: str(_locker()["category"]),
    compare=label(_LETTERS),
    hint="classify the thirteen pairs (kano.classify), count the letters (value_counts) and take "
         "the most frequent one.",
))

register(Exercise(
    "value.locker_better", "Better coefficient of the pickup lockers",
    expected=lambda: float(_locker()["better"]),
    compare=number(),
    hint="Better = (A + O) / (A + O + M + I): a number between 0 and 1.",
    mistakes=[(lambda: float((_locker()["A"] + _locker()["O"]) / _locker()["n_answered"]),
               "leave the reverse (R) and questionable (Q) answers out of the denominator: it is "
               "A + O + M + I.")],
))

register(Exercise(
    "value.locker_worse", "Worse coefficient of the pickup lockers",
    expected=lambda: float(_locker()["worse"]),
    compare=number(),
    hint="Worse = -(O + M) / (A + O + M + I): a number between -1 and 0.",
    mistakes=[
        (lambda: -float(_locker()["worse"]),
         "the Worse coefficient is negative by convention: -(O + M) / (A + O + M + I)."),
        (lambda: float(-(_locker()["O"] + _locker()["M"]) / _locker()["n_answered"]),
         "leave the reverse (R) and questionable (Q) answers out of the denominator: it is "
         "A + O + M + I."),
        (lambda: float(-(_locker()["A"] + _locker()["M"]) / (_locker()[["A", "O", "M", "I"]].sum())),
         "Worse counts the answers that hurt when the feature is absent: O and M, not A."),
    ],
))

# ---------------------------------------------------------------------------------------------
# Exercise 3: segments
# ---------------------------------------------------------------------------------------------

register(Exercise(
    "value.family_most_better", "Families: the feature with the highest Better",
    expected=lambda: str(_summary("family")["better"].idxmax()),
    compare=label(_FEATURES),
    hint="keep the rows with segment == 'family', split and summarize them, and take the "
         "idxmax of the better column.",
    mistakes=[(lambda: str(_summary()["better"].idxmax()),
               "that is the answer over all respondents; keep only the families.")],
))


def _student_refund() -> pd.Series:
    return _summary("student").loc["one_hour_refund"]


register(Exercise(
    "value.student_refund_worse", "Students: Worse coefficient of the one-hour refund",
    expected=lambda: float(_student_refund()["worse"]),
    compare=number(),
    hint="summarize the students' answers only; Worse = -(O + M) / (A + O + M + I).",
    mistakes=[
        (lambda: float(_summary().loc["one_hour_refund", "worse"]),
         "that is the Worse coefficient over all respondents; keep only the students."),
        (lambda: -float(_student_refund()["worse"]),
         "the Worse coefficient is negative by convention: -(O + M) / (A + O + M + I)."),
        (lambda: float(-(_student_refund()["O"] + _student_refund()["M"])
                       / _student_refund()["n_answered"]),
         "leave R and Q answers out of the denominator: it is A + O + M + I."),
    ],
))

# ---------------------------------------------------------------------------------------------
# Exercise 4: reverse answers in a segment
# ---------------------------------------------------------------------------------------------


def _office_push() -> pd.Series:
    return _summary("office worker").loc["promo_push"]


register(Exercise(
    "value.office_push_reverse", "Office workers: share of reverse answers on promotion pushes",
    expected=lambda: float(_office_push()["R"] / _office_push()["n_answered"]),
    compare=number(),
    hint="R / n_answered for promo_push, in the summary of the office workers only: a share "
         "between 0 and 1.",
    mistakes=[
        (lambda: float(_office_push()["R"] / len(_survey("office worker"))),
         "divide by the office workers who answered both questions (n_answered), not by all "
         "office workers: the missing answers are left out."),
        (lambda: float(_summary().loc["promo_push", "R"] / _summary().loc["promo_push", "n_answered"]),
         "that is the share over all respondents; keep only the office workers."),
    ],
))

# ---------------------------------------------------------------------------------------------
# Exercise 5: customer delivered value with four costs
# ---------------------------------------------------------------------------------------------

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
        (lambda: float(_dinner().loc["canteen", "delivered_value"])
         + DINNER_COST["canteen"]["psychic"],
         "you left out the psychic cost: in the three-cost list it sits inside 精力和体力成本 "
         "(effort), it does not disappear."),
    ],
))

# ---------------------------------------------------------------------------------------------
# Exercises 6-10: Gale's method with other competitors, weights, prices
# ---------------------------------------------------------------------------------------------

register(Exercise(
    "value.mpq_share_weighted", "QuickBite's MPQ against the share-weighted rivals",
    expected=lambda: _mpq(competitor_weights=_shares()[RIVALS]),
    compare=number(),
    hint="value.market_perceived_quality(weights, QuickBite's ratings, the rivals' ratings, "
         "competitor_weights=the rivals' shares this year); 100 = parity.",
    mistakes=[
        (lambda: _mpq(), "that is the MPQ against the plain mean of the rivals (the chapter's); "
                         "weight each rival by its market share this year."),
        (lambda: _mpq(competitor_weights=_shares("share_last_year")[RIVALS]),
         "those are last year's shares; the exercise asks for this year's."),
        (lambda: _mpq(competitor_weights=_shares()[RIVALS]) / 100,
         "the course keeps weights that add up to 100, so parity is 100: multiply by 100."),
    ],
))


def _mpq_unweighted_students() -> float:
    quality = _profile("quality")
    return float((quality["quickbite"] / quality[RIVALS].mean(axis=1)).mean() * 100)


register(Exercise(
    "value.mpq_students", "QuickBite's MPQ with the students' weights",
    expected=lambda: _mpq(weights=STUDENT_WEIGHTS),
    compare=number(),
    hint="the same ratings and the rivals' mean, but the students' importance weights (they add "
         "up to 100): sum of weight x own / rivals' mean.",
    mistakes=[
        (lambda: _mpq(), "that uses the chapter's weights; use the students' weights given in "
                         "the exercise."),
        (lambda: _mpq(weights=STUDENT_WEIGHTS) / 100,
         "the weights add up to 100, so parity is 100: multiply by 100."),
        (_mpq_unweighted_students, "weight each attribute's ratio by its importance."),
    ],
))


def _mpp_rise(reverse: bool = False) -> float:
    price = _fee_rise()
    if reverse:
        return float((price["weight"] * price["quickbite"] / price[RIVALS].mean(axis=1)).sum())
    return value.market_perceived_price(price["weight"], price["quickbite"], price[RIVALS])


register(Exercise(
    "value.mpp_fee_rise", "QuickBite's MPP after the delivery-fee rise",
    expected=_mpp_rise,
    compare=number(),
    hint="change QuickBite's delivery_fee rating to the new value, then "
         "value.market_perceived_price on the three price rows: sum of weight x (rivals' "
         "satisfaction / our satisfaction).",
    mistakes=[
        (lambda: value.market_perceived_price(_profile("price")["weight"],
                                              _profile("price")["quickbite"],
                                              _profile("price")[RIVALS]),
         "that is the MPP before the fee rise; change QuickBite's delivery_fee rating first."),
        (lambda: _mpp_rise(reverse=True),
         "the price ratio divides satisfaction with the rivals by satisfaction with us (so that "
         "above 100 means our price looks worse); you divided the other way."),
    ],
))

register(Exercise(
    "value.basket_advantage", "QuickBite's value advantage with basket prices",
    expected=lambda: float(_value_map(prices=True).loc["quickbite", "value_advantage"]),
    compare=number(),
    hint="value.value_map_table(weights, quality scores, prices=basket prices by firm) and read "
         "quickbite's value_advantage.",
    mistakes=[(lambda: float(_value_map().loc["quickbite", "value_advantage"]),
               "that uses the price-satisfaction profile; this exercise asks for the actual "
               "basket prices (prices=...).")],
))


def _foodhub_literal(p: float) -> float:
    row = _value_map(p).loc["foodhub"]
    return float(p * row["relative_quality"] + (1 - p) * row["relative_price"])


register(Exercise(
    "value.foodhub_cv", "FoodHub's customer value index with p = 0.7",
    expected=lambda: float(_value_map(P_QUALITY).loc["foodhub", "customer_value"]),
    compare=number(),
    hint="FoodHub's relative quality and price come from the value map (each firm against the "
         "other three); CV = p x MPQ + (1 - p) x (200 - MPP).",
    mistakes=[
        (lambda: _foodhub_literal(P_QUALITY),
         "that is the formula read literally, adding the price ratio itself; the course adds "
         "the price advantage, 200 - MPP."),
        (lambda: float(_value_map(1 - P_QUALITY).loc["foodhub", "customer_value"]),
         "p is the weight of quality, 1 - p the weight of price; you swapped them."),
        (lambda: float(_value_map().loc["foodhub", "customer_value"]),
         "that is the index with p = 0.5 (the chapter's); use p = 0.7."),
    ],
))

# ---------------------------------------------------------------------------------------------
# Exercise 11: a written recommendation (recorded, marked by the instructor)
# ---------------------------------------------------------------------------------------------

register(Exercise(
    "value.what_next", "What QuickBite should do next",
    expected=lambda: None,
    compare=written(min_words=20),
    hint="use both analyses: what to secure (must-be), what can delight (attractive), what to "
         "drop (reverse), and where the value map says QuickBite trails.",
))

# ---------------------------------------------------------------------------------------------
# Concept check
# ---------------------------------------------------------------------------------------------

register_quiz("value.concepts", "Concept check · Customer value", [
    Question("A feature whose absence makes customers very dissatisfied, but whose presence "
             "nobody praises, is:",
             ["attractive quality (迷人质量)", "one-dimensional quality (期望质量)",
              "must-be quality (当然质量)", "indifferent quality (无关质量)"],
             answer="c", explanation="must-be quality is taken for granted: only its absence "
             "is noticed, so it is secured first.", see="§3.4"),
    Question("期望质量 in the Kano model is:",
             ["one-dimensional quality: the better it is done, the more satisfied",
              "must-be quality: customers expect it and take it for granted",
              "attractive quality: it exceeds expectations", "a questionable answer"],
             answer="a", explanation="期望 ('expected') names the one-dimensional curve, more is "
             "better; must-be is 当然质量.", see="§3.4"),
    Question("A respondent answers 'like' to the functional question and 'like' to the "
             "dysfunctional question. The evaluation table gives:",
             ["A (attractive)", "O (one-dimensional)", "R (reverse)", "Q (questionable)"],
             answer="d", explanation="liking a feature both present and absent is a "
             "contradiction: questionable, usually a misread question.", see="§3.6"),
    Question("Which answers are left out of the denominator of Better and Worse?",
             ["A and O", "R and Q", "M and I", "none: all answers count"],
             answer="b", explanation="Better = (A + O) / (A + O + M + I) and Worse = -(O + M) / "
             "(A + O + M + I): reverse and questionable answers are left out.", see="§3.9"),
    Question("What does Kano's two-dimensional view of quality (二维认知) add to the "
             "one-dimensional one (一维认知)?",
             ["it rates quality twice, before and after purchase",
              "it splits quality into product quality and service quality",
              "it relates two axes, fulfilment and satisfaction, whose link differs by feature, "
              "so meeting a need does not always satisfy and missing it does not always "
              "dissatisfy",
              "it compares our quality with one competitor instead of several"],
             answer="c", explanation="the one-dimensional view puts satisfied and dissatisfied "
             "on one scale; Kano's two axes separate must-be, one-dimensional and attractive "
             "quality.", see="§3.4"),
    Question("Kotler's total customer cost has four parts (货币成本, 时间成本, 体力成本, 精神成本); "
             "many Chinese slide decks list three (时间成本, 精力和体力成本, 货币成本). Where is "
             "Kotler's psychic cost (精神成本) in the three-cost list?",
             ["in 时间成本", "in 货币成本", "it is dropped",
              "in 精力和体力成本, together with the physical effort (体力成本)"],
             answer="d", explanation="精力和体力成本 is one item for mental and physical effort: "
             "regrouping four costs into three changes no total.", see="§3.2"),
    Question("In Gale's price profile, as Chinese textbooks define it, the relative score of a "
             "price attribute is:",
             ["satisfaction with the competitors' price / satisfaction with ours",
              "satisfaction with our price / satisfaction with the competitors'",
              "our price / the competitors' mean price",
              "the competitors' price - our price"],
             answer="a", explanation="rivals over us, so that above 100 means customers find "
             "our price worse; the course's CV therefore uses 200 - MPP.", see="§3.12"),
    Question("On the customer value map, a brand above the fair-value line:",
             ["offers better value: more quality than its price",
              "offers worse value: it charges more than its quality earns",
              "has higher quality than every rival", "has the lowest price"],
             answer="b", explanation="above the line the relative price exceeds the price the "
             "brand's relative quality earns: worse value, and Gale predicts a loss of share.",
             see="§3.13"),
    Question("Woodruff's customer value hierarchy (价值层次模型) links, from the bottom up:",
             ["product, service, personnel and image value",
              "expected value, perceived value and satisfaction",
              "attributes, consequences of use and the customer's goals",
              "quality, price and market share"],
             answer="c", explanation="attributes serve consequences, which serve goals; desired "
             "value is formed top-down, received value judged bottom-up.", see="§3.3"),
    Question("Chinese CRM textbooks link customer value, satisfaction and loyalty. Which is the "
             "root cause (根本原因) of loyalty?",
             ["customer satisfaction", "switching costs", "market share", "customer value"],
             answer="d", explanation="value drives satisfaction, satisfaction helps loyalty, but "
             "customers stay where they get the most value: value is the root cause.",
             see="§3.1"),
])
