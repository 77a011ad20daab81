"""Make the synthetic data sets of the chapter *Customer Value (客户价值)*.

    python data/make_value.py [--out DIR]

writes ``kano_questions.csv``, ``kano_survey.csv``, ``gale_profile.csv`` and ``gale_market.csv``
into ``DIR`` (default: the folder of this script), together with their ``*.schema.json`` files.
The output is byte-for-byte reproducible: every random number comes from ``crmlib.seed(...)``
with the fixed seeds in ``SEEDS``, and every float is rounded before it is written.

All four data sets are **synthetic**: they are not measurements of real apps or real
respondents. They are made to be plausible and to tell the chapter's story; the assumptions
behind each distribution are listed here so that a reader can judge (and change) them.

The story
---------
QuickBite (快送) is a food-delivery app in a large Chinese city, competing with three rivals:
DashEat (a cheap newcomer), FoodHub (the market leader, the widest choice of restaurants) and
MealGo (an older app that has fallen behind). QuickBite asks two questions: *which features
should we build or fix?* (a Kano survey of its customers) and *how do customers see our value
against the rivals'?* (Gale's customer value analysis).

1. ``kano_questions`` (10 rows): the Kano questionnaire, one functional and one dysfunctional
   question per feature, in English with the Chinese feature name.

2. ``kano_survey`` (300 respondents): the answers, coded 1 = like (喜欢), 2 = must-be
   (理所当然), 3 = neutral (无所谓), 4 = live-with (能忍受), 5 = dislike (不喜欢).

   Assumptions:

   * Respondents are students (40 %), office workers (40 %) and families (20 %);
     ``orders_per_month`` is Poisson with mean 8, 12 and 6 respectively (at least 1).
   * For each respondent and feature a *true* category is drawn from the feature's category
     mix (A, O, M, I, R); the answer pair is then drawn from the cells of the Berger et al.
     (1993) evaluation table that give that category, e.g. A: (like, neutral) 55 %,
     (like, live-with) 30 %, (like, must-be) 15 %; M: (must-be, dislike) 45 %, (neutral,
     dislike) 40 %, (live-with, dislike) 15 %; O: always (like, dislike).
   * Category mixes (A/O/M/I/R, %): order tracking 15/45/25/13/2 (one-dimensional),
     on-time compensation 42/30/8/18/2 (attractive; office workers 48/34/6/10/2),
     tamper seal 8/22/55/14/1 (must-be), one-hour refund 12/40/34/12/2 (a near tie between
     O and M: the case for ``tie_margin``), payment options 5/15/50/28/2 (must-be),
     group ordering (attractive for office workers 55/15/4/24/2, indifferent for students
     35/10/3/50/2 and families 20/8/2/66/4), no cutlery by default 30/8/3/45/14,
     smart recommendations (students 32/10/3/40/15, office workers 20/10/3/47/20, families
     10/8/3/47/32), daily promotion pushes 8/4/2/36/50 (reverse), chat with the rider
     25/35/20/18/2.
   * 4 % of respondents are careless and answer every question at random (uniform over the
     25 cells), which produces a few questionable (Q) pairs everywhere.
   * The dysfunctional question about cutlery is a double negative ("does *not* leave out
     cutlery"); 9 % of respondents misread it and give contradictory pairs (like, like) or
     (dislike, dislike): the feature's high Q share is the sign of a badly worded question.
   * 1 % of answers are missing at random (left blank), functional and dysfunctional
     independently.

3. ``gale_profile`` (9 attributes): Gale's customer value profile of the four apps. Six
   quality attributes with importance weights adding to 100 and three price attributes with
   their own weights adding to 100. Weights are the mean of 800 respondents' constant-sum
   allocations (100 points over the attributes; Dirichlet around an assumed mean, rounded to
   whole points by the largest-remainder method). Scores are the mean rating (1-10) given by
   200 users of each app, each rating = the app's assumed true score + normal noise (sd 1.4),
   rounded and clipped to 1..10. Price attributes are rated as *satisfaction* with the price
   (10 = very satisfied), so higher is better for the customer. Assumed true scores:
   QuickBite is fast, easy to use and good at service; FoodHub leads on choice and food
   condition but charges more; DashEat is cheap but weaker on quality; MealGo trails on most
   attributes without being cheap.

4. ``gale_market`` (4 apps): the price of the same reference basket (two mains, a drink,
   delivery and packaging fees, in yuan; assumed), the number of raters, and market shares
   (% of orders) last year and this year. This year's shares follow last year's moved by each
   app's value advantage on the value map (quality weight 0.5, price profile): share x
   exp(0.02 x value advantage), rescaled to 100 and rounded to 0.1 point by largest
   remainder. Gale's claim that better-value firms gain share is built into the data, not
   found in it.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

try:
    import crmlib
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import crmlib

from crmlib import value as cv  # noqa: E402

SCRIPT = "make_value.py"
SEEDS = {"kano_survey": 2026031, "gale_profile": 2026032}

SEGMENTS = ["student", "office worker", "family"]
APPS = ["quickbite", "dasheat", "foodhub", "mealgo"]
APP_NAMES = {"quickbite": "QuickBite (快送)", "dasheat": "DashEat (省点)",
             "foodhub": "FoodHub (美食汇)", "mealgo": "MealGo (饭来)"}

# feature, Chinese, functional question, dysfunctional question
FEATURES = [
    ("order_tracking", "实时骑手定位",
     "If the app shows your rider's position on a live map, how do you feel?",
     "If the app does not show where your rider is, how do you feel?"),
    ("on_time_compensation", "超时赔付",
     "If you automatically get a coupon whenever a delivery is late, how do you feel?",
     "If you get nothing when a delivery is late, how do you feel?"),
    ("tamper_seal", "食安封签",
     "If every order arrives in a bag with a tamper-evident food-safety seal, how do you feel?",
     "If orders arrive without a tamper-evident seal, how do you feel?"),
    ("one_hour_refund", "错漏一小时退款",
     "If a wrong or missing item is refunded within one hour, how do you feel?",
     "If refunds for wrong or missing items take several days, how do you feel?"),
    ("payment_options", "多种支付方式",
     "If you can pay with WeChat Pay, Alipay or a bank card, how do you feel?",
     "If you can pay with only one method, how do you feel?"),
    ("group_order", "多人拼单",
     "If colleagues or friends can add dishes to one shared order, how do you feel?",
     "If everyone has to place a separate order, how do you feel?"),
    ("no_cutlery_default", "默认不提供餐具",
     "If the app leaves out disposable cutlery unless you ask for it, how do you feel?",
     "If the app does not leave out disposable cutlery unless you ask for it, how do you feel?"),
    ("smart_recommendations", "智能推荐",
     "If the app recommends dishes based on your past orders, how do you feel?",
     "If the app does not recommend dishes based on your past orders, how do you feel?"),
    ("promo_push", "每日优惠推送",
     "If the app sends you promotion notifications every day, how do you feel?",
     "If the app does not send you daily promotion notifications, how do you feel?"),
    ("rider_chat", "与骑手在线沟通",
     "If you can chat with your rider in the app, how do you feel?",
     "If you cannot contact your rider in the app, how do you feel?"),
]

# category mixes over (A, O, M, I, R) by segment (student, office worker, family)
_SAME = lambda mix: [mix, mix, mix]  # noqa: E731
MIXES = {
    "order_tracking": _SAME([0.15, 0.45, 0.25, 0.13, 0.02]),
    "on_time_compensation": [[0.42, 0.27, 0.08, 0.21, 0.02], [0.48, 0.34, 0.06, 0.10, 0.02],
                             [0.36, 0.28, 0.10, 0.24, 0.02]],
    "tamper_seal": _SAME([0.08, 0.22, 0.55, 0.14, 0.01]),
    "one_hour_refund": _SAME([0.12, 0.40, 0.34, 0.12, 0.02]),
    "payment_options": _SAME([0.05, 0.15, 0.50, 0.28, 0.02]),
    "group_order": [[0.35, 0.10, 0.03, 0.50, 0.02], [0.55, 0.15, 0.04, 0.24, 0.02],
                    [0.20, 0.08, 0.02, 0.66, 0.04]],
    "no_cutlery_default": _SAME([0.30, 0.08, 0.03, 0.45, 0.14]),
    "smart_recommendations": [[0.32, 0.10, 0.03, 0.40, 0.15], [0.20, 0.10, 0.03, 0.47, 0.20],
                              [0.10, 0.08, 0.03, 0.47, 0.32]],
    "promo_push": _SAME([0.08, 0.04, 0.02, 0.36, 0.50]),
    "rider_chat": _SAME([0.25, 0.35, 0.20, 0.18, 0.02]),
}

# answer pairs (functional, dysfunctional) that give each true category, with their weights
CELLS = {
    "A": [((1, 3), 0.55), ((1, 4), 0.30), ((1, 2), 0.15)],
    "O": [((1, 5), 1.00)],
    "M": [((2, 5), 0.45), ((3, 5), 0.40), ((4, 5), 0.15)],
    "I": [((3, 3), 0.45), ((3, 4), 0.20), ((2, 3), 0.10), ((4, 4), 0.10), ((2, 4), 0.05),
          ((4, 3), 0.05), ((2, 2), 0.03), ((3, 2), 0.02)],
    "R": [((5, 1), 0.30), ((5, 3), 0.30), ((4, 1), 0.15), ((3, 1), 0.15), ((5, 2), 0.05),
          ((5, 4), 0.05)],
}


_col = crmlib.data.column  # one schema-column format for every data set


def _categorical(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One draw per row of ``probs`` (rows sum to 1): the index of the chosen category."""
    cdf = np.cumsum(probs, axis=1)
    u = rng.random(probs.shape[0])
    return np.minimum((u[:, None] > cdf).sum(axis=1), probs.shape[1] - 1)


def _largest_remainder(shares: np.ndarray, total: int, unit: float = 1.0) -> np.ndarray:
    """Round ``shares`` (adding up to ``total``) to multiples of ``unit`` that still add up to
    ``total`` exactly: floor everything, then give the leftover units to the largest remainders."""
    scaled = np.asarray(shares, dtype=float) / unit
    floor = np.floor(scaled)
    leftover = int(round(total / unit - floor.sum()))
    order = np.argsort(-(scaled - floor), kind="stable")
    floor[order[:leftover]] += 1
    return np.round(floor * unit, 6)


# --------------------------------------------------------------------------- data set 1
def make_kano_questions() -> tuple[pd.DataFrame, dict]:
    df = pd.DataFrame(FEATURES, columns=["feature", "chinese", "functional_question",
                                         "dysfunctional_question"])
    columns = [
        _col("feature", "string", "", "Feature name; the survey's answer columns are "
             "<feature>_func and <feature>_dys."),
        _col("chinese", "string", "", "The feature's Chinese name."),
        _col("functional_question", "string", "", "The functional (positive) question: how "
             "the respondent feels if the app HAS the feature."),
        _col("dysfunctional_question", "string", "", "The dysfunctional (negative) question: "
             "how the respondent feels if the app does NOT have the feature."),
    ]
    meta = {
        "name": "kano_questions",
        "title": "QuickBite Kano questionnaire: ten features of a food-delivery app",
        "description": (
            "The Kano questionnaire of QuickBite (快送), a food-delivery app: for each of ten "
            "features, a functional question (feature present) and a dysfunctional question "
            "(feature absent), both answered on the five-point scale like / must-be / neutral / "
            "live-with / dislike. The cutlery feature's dysfunctional question is a double "
            "negative on purpose (a badly worded question). Synthetic: written for the "
            "course."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["kano_survey"],
        "rows": len(df),
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- data set 2
def make_kano_survey() -> tuple[pd.DataFrame, dict]:
    n = 300
    rng = crmlib.seed(SEEDS["kano_survey"])
    segment = rng.choice(len(SEGMENTS), size=n, p=[0.4, 0.4, 0.2])
    orders = np.maximum(1, rng.poisson(np.array([8.0, 12.0, 6.0])[segment]))
    careless = rng.random(n) < 0.04
    letters = ["A", "O", "M", "I", "R"]
    # one probability row over the 25 cells per category
    cell_probs = np.zeros((5, 25))
    for k, letter in enumerate(letters):
        for (f, d), w in CELLS[letter]:
            cell_probs[k, (f - 1) * 5 + (d - 1)] = w
    df = pd.DataFrame({
        "respondent_id": [f"R{i:03d}" for i in range(1, n + 1)],
        "segment": np.array(SEGMENTS)[segment],
        "orders_per_month": orders.astype("int64"),
    })
    for feature, *_ in FEATURES:
        mix = np.array(MIXES[feature])[segment]                 # n x 5
        true_cat = _categorical(rng, mix)
        cell = _categorical(rng, cell_probs[true_cat])
        random_cell = rng.integers(0, 25, size=n)
        cell = np.where(careless, random_cell, cell)
        if feature == "no_cutlery_default":                     # the double negative
            misread = rng.random(n) < 0.09
            contradictory = np.where(rng.random(n) < 0.5, 0, 24)  # (like, like) / (dislike, dislike)
            cell = np.where(misread & ~careless, contradictory, cell)
        func = cell // 5 + 1
        dys = cell % 5 + 1
        func_missing = rng.random(n) < 0.01
        dys_missing = rng.random(n) < 0.01
        df[f"{feature}_func"] = pd.array(np.where(func_missing, 0, func), dtype="Int64")
        df.loc[func_missing, f"{feature}_func"] = pd.NA
        df[f"{feature}_dys"] = pd.array(np.where(dys_missing, 0, dys), dtype="Int64")
        df.loc[dys_missing, f"{feature}_dys"] = pd.NA
    scale = ("1 = like (喜欢), 2 = must-be (理所当然), 3 = neutral (无所谓), 4 = live-with "
             "(能忍受), 5 = dislike (不喜欢); blank = no answer")
    columns = [
        _col("respondent_id", "string", "", "Respondent number, R001..R300."),
        _col("segment", "category", "", "Customer segment: student, office worker, family.",
             SEGMENTS, False),
        _col("orders_per_month", "int", "orders per month",
             "Food-delivery orders the respondent placed in the last month (all apps)."),
    ]
    for feature, chinese, fq, dq in FEATURES:
        columns.append(_col(f"{feature}_func", "int", "answer code 1-5",
                            f"{feature} ({chinese}), functional question: {fq} {scale}."))
        columns.append(_col(f"{feature}_dys", "int", "answer code 1-5",
                            f"{feature} ({chinese}), dysfunctional question: {dq} {scale}."))
    meta = {
        "name": "kano_survey",
        "title": "QuickBite Kano survey: 300 customers' answers on ten app features",
        "description": (
            "Answers of 300 QuickBite customers (students, office workers, families) to the "
            "Kano questionnaire in kano_questions: for each of ten features a functional and a "
            "dysfunctional answer coded 1-5 (like, must-be, neutral, live-with, dislike). About "
            "1% of answers are missing (blank). Used for the Kano pipeline: evaluation table, "
            "category counts, category, Better/Worse, segments. Synthetic: made to be "
            "plausible and to tell the chapter's story; see the script's docstring for the "
            "assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["kano_survey"],
        "rows": n,
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- data sets 3 and 4
QUALITY = [  # attribute, Chinese, assumed mean importance, true scores (quickbite, dasheat, foodhub, mealgo)
    ("delivery_speed", "配送速度", 24, [8.3, 6.8, 7.7, 6.6]),
    ("food_condition", "餐品完好与温度", 20, [7.5, 6.5, 7.9, 6.6]),
    ("restaurant_choice", "商家选择", 18, [6.9, 6.3, 8.7, 6.9]),
    ("service_refunds", "客服与退款", 16, [7.6, 5.9, 7.0, 6.0]),
    ("app_usability", "应用易用性", 12, [8.5, 7.2, 7.7, 6.5]),
    ("rider_courtesy", "骑手服务态度", 10, [7.8, 7.0, 7.3, 6.8]),
]
PRICE = [
    ("delivery_fee", "配送费", 40, [7.0, 8.5, 6.2, 6.1]),
    ("menu_prices", "菜品价格", 35, [7.1, 8.2, 6.5, 6.4]),
    ("discounts", "优惠券与会员折扣", 25, [7.4, 7.3, 7.5, 6.0]),
]
BASKET_PRICE = {"quickbite": 46.5, "dasheat": 39.0, "foodhub": 51.0, "mealgo": 48.5}
SHARE_LAST_YEAR = {"quickbite": 21.0, "dasheat": 24.0, "foodhub": 38.0, "mealgo": 17.0}
RATERS_PER_APP = 200


def _constant_sum_weights(rng: np.random.Generator, means: list[int], n: int) -> np.ndarray:
    """Mean of n respondents' 100-point allocations (Dirichlet around ``means``), rounded to
    whole points that add up to 100."""
    alloc = rng.dirichlet(np.asarray(means, dtype=float) * 0.6, size=n) * 100
    return _largest_remainder(alloc.mean(axis=0), 100).astype(int)


def make_gale() -> tuple[tuple[pd.DataFrame, dict], tuple[pd.DataFrame, dict]]:
    rng = crmlib.seed(SEEDS["gale_profile"])
    n_respondents = RATERS_PER_APP * len(APPS)
    rows = []
    for dimension, attributes in (("quality", QUALITY), ("price", PRICE)):
        weights = _constant_sum_weights(rng, [a[2] for a in attributes], n_respondents)
        for (attr, chinese, _, true), weight in zip(attributes, weights):
            ratings = np.clip(np.rint(np.asarray(true)[None, :]
                                      + rng.normal(0, 1.4, (RATERS_PER_APP, len(APPS)))), 1, 10)
            means = np.round(ratings.mean(axis=0), 2)
            rows.append([dimension, attr, chinese, int(weight), *means.tolist()])
    profile = pd.DataFrame(rows, columns=["dimension", "attribute", "chinese", "weight", *APPS])
    profile["weight"] = profile["weight"].astype("int64")

    quality = profile[profile["dimension"] == "quality"].set_index("attribute")
    price = profile[profile["dimension"] == "price"].set_index("attribute")
    table = cv.value_map_table(quality["weight"], quality[APPS], price_weights=price["weight"],
                               price_scores=price[APPS])
    last = np.array([SHARE_LAST_YEAR[a] for a in APPS])
    moved = last * np.exp(0.02 * table.loc[APPS, "value_advantage"].to_numpy())
    this = _largest_remainder(moved / moved.sum() * 100, 100, unit=0.1)
    market = pd.DataFrame({
        "firm": APPS,
        "name": [APP_NAMES[a] for a in APPS],
        "basket_price": [BASKET_PRICE[a] for a in APPS],
        "raters": [RATERS_PER_APP] * len(APPS),
        "share_last_year": np.round(last, 1),
        "share_this_year": np.round(this, 1),
    })
    market["raters"] = market["raters"].astype("int64")

    score_cols = [_col(a, "float", "mean rating 1-10",
                       f"{APP_NAMES[a]}: mean rating by {RATERS_PER_APP} of its users; quality "
                       "rows: performance (10 = excellent); price rows: satisfaction with the "
                       "price (10 = very satisfied)." + (" The firm doing the analysis."
                                                         if a == "quickbite" else ""))
                  for a in APPS]
    profile_meta = {
        "name": "gale_profile",
        "title": "Customer value profile of four food-delivery apps (Gale's method)",
        "description": (
            "Gale's customer value profile of QuickBite and three rival apps: six quality "
            "attributes with importance weights adding to 100, three price attributes with "
            "weights adding to 100, and each app's mean rating on each attribute (1-10; for "
            "price attributes, satisfaction with the price). Used for the market-perceived "
            "quality and price profiles and the customer value map. Synthetic: made to be "
            "plausible; see the script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["gale_profile"],
        "rows": len(profile),
        "columns": [
            _col("dimension", "category", "", "quality (质量) or price (价格) attribute.",
                 ["quality", "price"], False),
            _col("attribute", "string", "", "The attribute customers judge the apps on."),
            _col("chinese", "string", "", "The attribute's Chinese name."),
            _col("weight", "int", "points of 100", "Importance weight: the mean of customers' "
                 "constant-sum allocations of 100 points, within the dimension (quality weights "
                 "add up to 100, price weights add up to 100)."),
            *score_cols,
        ],
    }
    market_meta = {
        "name": "gale_market",
        "title": "The four food-delivery apps: basket price and market share",
        "description": (
            "For each app of gale_profile: the price of the same reference basket (two main "
            "dishes and a drink, with delivery and packaging fees), the number of customers "
            "who rated it, and its share of the city's delivery orders last year and this "
            "year. This year's shares are built to move with each app's value advantage on "
            "the value map. Synthetic: made to be plausible; see the script's docstring."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["gale_profile"],
        "rows": len(market),
        "columns": [
            _col("firm", "string", "", "App identifier, the column name in gale_profile."),
            _col("name", "string", "", "App name in English and Chinese."),
            _col("basket_price", "float", "yuan", "Price of the reference basket, fees "
                 "included."),
            _col("raters", "int", "respondents", "Customers of the app who rated it."),
            _col("share_last_year", "float", "% of orders", "Share of the city's "
                 "food-delivery orders last year."),
            _col("share_this_year", "float", "% of orders", "Share of the city's "
                 "food-delivery orders this year."),
        ],
    }
    return (profile, profile_meta), (market, market_meta)


# --------------------------------------------------------------------------- main
MAKERS = [make_kano_questions, make_kano_survey, make_gale]

def main(argv: list[str] | None = None) -> None:
    crmlib.data.script_main(MAKERS, __doc__, __file__, argv)


if __name__ == "__main__":
    main()
