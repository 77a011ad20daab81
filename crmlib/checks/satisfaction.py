"""Self-checks of chapter 4, Customer satisfaction (exercise notebook
04_customer_satisfaction_exercises).

Each expected answer is computed with crmlib from the inputs the exercise states: the small
tables given in the exercise text (constants below, the same numbers as in the text) and the
``supermarket_satisfaction`` survey. Most exercises ask for what the chapter does *not* print:
another segment (shoppers aged 60+), another set of weights (the store manager's), a new small
data set (alpha with a reverse-worded item, a CSD by hand, the IPA of Jack's home delivery), or a
what-if (the CSD without the weak music item).
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import data, satisfaction
from ..index import Indicator
from ._core import (Exercise, Question, aliases, label, labels, number, register,
                    register_quiz, written)

# --- the inputs the exercise texts state -------------------------------------------------------

#: Exercise 1: five shoppers, three service items (1-5).
SMALL_ITEMS = {"q1": [3, 4, 5, 2, 4], "q2": [2, 4, 5, 3, 4], "q3": [3, 5, 4, 2, 5]}
#: Exercise 1, part 2: a fourth item worded the other way ("Staff are often unhelpful").
REVERSED_ITEM = [3, 2, 1, 4, 2]

#: Exercise 4: three shoppers, one item per factor (1-5), and the factor weights.
HAND_CSD = {"price": [4, 3, 5], "service": [2, 3, 2], "environment": [5, 4, 3]}
HAND_WEIGHTS = {"price": 0.5, "service": 0.3, "environment": 0.2}

#: Exercise 5: the store manager's weights for the six factors.
MANAGER_WEIGHTS = {"price": 0.25, "convenience": 0.15, "assortment": 0.15, "features": 0.10,
                   "environment": 0.10, "service": 0.25}

#: Exercise 8: Jack's home-delivery service, mean importance and performance (1-5).
DELIVERY = {
    "delivery speed": (4.6, 3.1),
    "delivery fee": (4.2, 3.9),
    "app ease of use": (3.8, 4.4),
    "packaging": (3.0, 4.2),
    "substitutions": (4.4, 3.0),
    "time slots": (3.4, 3.2),
}

SENIOR = "60+"

_FACTORS = list(satisfaction.SUPERMARKET_FACTORS)
_ITEMS = [i for items in satisfaction.SUPERMARKET_FACTORS.values() for i in items]
_ENV = list(satisfaction.SUPERMARKET_FACTORS["environment"])

# Chinese names the chapter teaches count as their English twins (from crmlib's own tables).
aliases({zh: factor for factor, zh in satisfaction.supermarket_factors()["chinese"].items()})
aliases({zh: quadrant for quadrant, zh in satisfaction.IPA_QUADRANTS_ZH.items()})
aliases({zh: construct for construct, (zh, _) in satisfaction.INDEX_CONSTRUCTS.items()})


@lru_cache(maxsize=1)
def _load(stamp: int) -> pd.DataFrame:
    return data.load("supermarket_satisfaction")


def _stamp() -> int:
    return (data.data_dir() / "supermarket_satisfaction.csv").stat().st_mtime_ns


def _survey() -> pd.DataFrame:
    """The survey, read once per version of the file (checks run often: the fuzz tests call
    them hundreds of times), copied so that no caller can change the cached frame."""
    return _load(_stamp()).copy()


def _seniors() -> pd.DataFrame:
    survey = _survey()
    return survey[survey["age_group"] == SENIOR]


# --- exercise 1: alpha by hand ------------------------------------------------------------------

def _small(recode: bool | None = None) -> pd.DataFrame:
    """The small table; with ``recode`` True/False the fourth item, recoded or not."""
    x = pd.DataFrame(SMALL_ITEMS)
    if recode is not None:
        q4 = pd.Series(REVERSED_ITEM)
        x["q4"] = 6 - q4 if recode else q4
    return x


def _alpha_variant(x: pd.DataFrame, ddof_items: int, ddof_total: int,
                   factor: bool = True) -> float:
    """Alpha computed with (possibly mismatched) variance formulas: known mistakes."""
    k = x.shape[1]
    ratio = x.var(ddof=ddof_items).sum() / x.sum(axis=1).var(ddof=ddof_total)
    return float((k / (k - 1) if factor else 1.0) * (1 - ratio))


# --- exercises 4-6: the CSD ---------------------------------------------------------------------

def _hand_csd(scale: str = "minmax", weights: dict | None = None) -> float:
    """Mean CSD of the three shoppers of exercise 4; other scalings are known mistakes."""
    x = pd.DataFrame(HAND_CSD)
    w = HAND_WEIGHTS if weights is None else weights
    if scale == "minmax":
        system = {f: (w[f], {f: Indicator(1.0, 1, 5)}) for f in HAND_CSD}
        return float(satisfaction.csd(x, system)["csd"].mean())
    scaled = x / 5 * 100 if scale == "divide5" else x
    return float(sum(scaled[f] * w[f] for f in HAND_CSD).mean())


def _weights() -> pd.Series:
    return satisfaction.importance_weights(satisfaction.columns_with_prefix(_survey(), "imp_"))


def _csd_mean(weights, factors=None, missing: str = "listwise") -> float:
    factors = satisfaction.SUPERMARKET_FACTORS if factors is None else factors
    return _csd_mean_cached(_stamp(), tuple(dict(weights).items()),
                            tuple((f, tuple(c)) for f, c in factors.items()), missing)


@lru_cache(maxsize=16)
def _csd_mean_cached(stamp: int, weights: tuple, factors: tuple, missing: str) -> float:
    survey = _load(stamp)
    system = satisfaction.csd_system(dict(weights), dict(factors))
    return float(satisfaction.csd(survey, system, missing=missing)["csd"].mean())


_NO_MUSIC = {f: tuple(c for c in items if c != "env_4")
             for f, items in satisfaction.SUPERMARKET_FACTORS.items()}


# --- exercise 7: the seniors' service gap --------------------------------------------------------

def _service_gap(frame: pd.DataFrame) -> float:
    perf = satisfaction.factor_scores(frame)["service"]
    return float(perf.mean() - frame["exp_service"].mean())


# --- exercise 8: the IPA of home delivery --------------------------------------------------------

def _delivery_ipa(center="mean") -> pd.DataFrame:
    importance = {a: imp for a, (imp, _) in DELIVERY.items()}
    performance = {a: perf for a, (_, perf) in DELIVERY.items()}
    return satisfaction.ipa(importance, performance, center=center)


def _quadrants(center="mean") -> pd.Series:
    table = _delivery_ipa(center)
    return pd.Series(table["quadrant"].astype(object).to_numpy(), index=list(table.index),
                     dtype=object)


def _improve_first() -> str:
    table = _delivery_ipa()
    return str(table[table["quadrant"] == "concentrate here"]["gap"].idxmax())


def _lowest_performer() -> str:
    table = _delivery_ipa()
    return str(table[table["quadrant"] == "concentrate here"]["performance"].idxmin())


# --- exercise 9: complaints of the shoppers let down by service ----------------------------------

def _let_down(frame: pd.DataFrame | None = None) -> pd.Series:
    survey = _survey() if frame is None else frame
    gap = satisfaction.factor_scores(survey)["service"] - survey["exp_service"]
    return satisfaction.satisfaction_level(gap, tolerance=0.5) == "dissatisfied"


def _complaint_rate(tolerance_mistake: bool = False) -> float:
    survey = _survey()
    if tolerance_mistake:
        gap = satisfaction.factor_scores(survey)["service"] - survey["exp_service"]
        mask = gap < 0
    else:
        mask = _let_down(survey)
    return float(survey.loc[mask, "complained"].mean())


# --- exercise 10: the index models ----------------------------------------------------------------

def _most_causes(model: str = "ACSI") -> str:
    return str(satisfaction.index_model(model).path_table["from"].value_counts().idxmax())


def _most_effects(model: str = "ACSI") -> str:
    return str(satisfaction.index_model(model).path_table["to"].value_counts().idxmax())


_SAME_VARIANCE = ("use the same variance formula for the items and the total (pandas .var() "
                  "divides by n - 1; numpy's np.var by n).")

register(Exercise(
    "satisfaction.alpha_small", "Cronbach's alpha by hand",
    expected=lambda: satisfaction.cronbach_alpha(_small()).alpha,
    compare=number(rel_tol=1e-3),
    hint="alpha = k/(k-1) x (1 - sum of the item variances / variance of the total score), with "
         "k = 3 items and the total = q1 + q2 + q3 for each shopper.",
    mistakes=[
        (lambda: _alpha_variant(_small(), 1, 1, factor=False),
         "you left out the factor k/(k-1) = 3/2 in front of the bracket."),
        (lambda: _alpha_variant(_small(), 0, 1), _SAME_VARIANCE),
        (lambda: _alpha_variant(_small(), 1, 0), _SAME_VARIANCE),
    ],
))

register(Exercise(
    "satisfaction.alpha_recoded", "Alpha with a reverse-worded item",
    expected=lambda: satisfaction.cronbach_alpha(_small(recode=True)).alpha,
    compare=number(rel_tol=1e-3),
    hint="recode the reverse-worded item first (on a 1-5 scale: 6 - q4), then compute alpha of "
         "the four items, k = 4.",
    mistakes=[
        (lambda: satisfaction.cronbach_alpha(_small(recode=False)).alpha,
         "q4 is worded the other way round: recode it (6 - q4) before adding it to the scale; "
         "a negative alpha is the sign of an item that was not recoded."),
        (lambda: satisfaction.cronbach_alpha(_small()).alpha,
         "that is alpha of the first three items; add the recoded q4 (k = 4)."),
        (lambda: _alpha_variant(_small(recode=True), 0, 1), _SAME_VARIANCE),
        (lambda: _alpha_variant(_small(recode=True), 1, 0), _SAME_VARIANCE),
    ],
))

register(Exercise(
    "satisfaction.senior_env_alpha", "Reliability for shoppers aged 60+",
    expected=lambda: satisfaction.cronbach_alpha(_seniors()[_ENV]).alpha,
    compare=number(rel_tol=1e-3),
    hint="keep the rows with age_group == '60+', then cronbach_alpha(...) of the four "
         "environment items (listwise, the default).",
    mistakes=[
        (lambda: satisfaction.cronbach_alpha(_survey()[_ENV]).alpha,
         "that is alpha for all 400 shoppers; keep only those aged 60+."),
        (lambda: satisfaction.cronbach_alpha(_seniors()[_ENV], missing="pairwise").alpha,
         "that is with missing='pairwise'; this exercise keeps the default, listwise."),
        (lambda: satisfaction.cronbach_alpha(_seniors()[_ENV[:3]]).alpha,
         "that is alpha without env_4; this part asks for the four-item scale."),
    ],
))

register(Exercise(
    "satisfaction.drop_item", "The item to drop",
    expected=lambda: str(satisfaction.cronbach_alpha(_survey()[_ENV]).items[
        "alpha_if_deleted"].idxmax()),
    compare=label(_ITEMS),
    hint="look at alpha_if_deleted in cronbach_alpha(survey[environment items]).items: the item "
         "whose deletion raises alpha most.",
))

register(Exercise(
    "satisfaction.alpha_without_item", "Alpha of the shortened scale",
    expected=lambda: satisfaction.cronbach_alpha(_survey()[_ENV[:3]]).alpha,
    compare=number(rel_tol=2e-3),
    hint="compute cronbach_alpha on the three remaining environment items (listwise), for all "
         "400 shoppers.",
    mistakes=[
        (lambda: satisfaction.cronbach_alpha(_survey()[_ENV]).alpha,
         "that is alpha with all four items; drop the weak one first."),
        (lambda: float(satisfaction.cronbach_alpha(_survey()[_ENV]).items.loc[
            "env_4", "alpha_if_deleted"]),
         "that is the alpha-if-deleted figure, computed on the shoppers who answered all four "
         "items; recompute on the three items so that shoppers who skipped only the dropped "
         "item count again."),
    ],
))

register(Exercise(
    "satisfaction.csd_hand", "A CSD by hand",
    expected=_hand_csd,
    compare=number(rel_tol=1e-3),
    hint="put each answer on 0-100 with (x - 1) / (5 - 1) x 100, take each shopper's "
         "sum of weight x score, then the mean of the three shoppers.",
    mistakes=[
        (lambda: _hand_csd("raw"),
         "you weighted the raw 1-5 answers: put each answer on the 0-100 scale first."),
        (lambda: _hand_csd("divide5"),
         "on a 1-5 scale the lowest answer 1 must map to 0: use (x - 1) / (5 - 1) x 100, "
         "not x / 5 x 100."),
        (lambda: _hand_csd(weights={f: 1 / 3 for f in HAND_CSD}),
         "those are equal weights; use the weights the exercise gives."),
    ],
))

register(Exercise(
    "satisfaction.csd_manager", "The CSD with the manager's weights",
    expected=lambda: _csd_mean(MANAGER_WEIGHTS),
    compare=number(rel_tol=1e-3),
    hint="satisfaction.csd_system(manager's weights), then satisfaction.csd(survey, system) "
         "(listwise, the default) and the mean of the 'csd' column.",
    mistakes=[
        (lambda: _csd_mean(_weights()),
         "those are the shoppers' importance weights of the chapter; use the manager's."),
        (lambda: _csd_mean({f: 1 / 6 for f in _FACTORS}),
         "those are equal weights; use the manager's."),
        (lambda: _csd_mean(MANAGER_WEIGHTS, missing="reweight"),
         "that is with missing='reweight'; this exercise keeps the default, listwise."),
    ],
))

register(Exercise(
    "satisfaction.csd_without_music", "What if the music item is dropped?",
    expected=lambda: _csd_mean(_weights(), _NO_MUSIC),
    compare=number(rel_tol=1e-3),
    hint="give csd_system a factor map in which environment has only env_1, env_2 and env_3 "
         "(the other factors unchanged), keep the importance weights, and score listwise.",
    mistakes=[
        (lambda: _csd_mean(_weights()),
         "that is the chapter's CSD with env_4 still in it."),
        (lambda: _csd_mean(MANAGER_WEIGHTS, _NO_MUSIC),
         "those are the manager's weights; this what-if keeps the importance weights."),
    ],
))

register(Exercise(
    "satisfaction.senior_service_gap", "The service gap of shoppers aged 60+",
    expected=lambda: _service_gap(_seniors()),
    compare=number(rel_tol=2e-3),
    hint="for the shoppers aged 60+: the mean service performance (satisfaction.factor_scores, "
         "mean of serv_1..serv_4 per shopper) minus the mean of exp_service.",
    mistakes=[
        (lambda: -_service_gap(_seniors()),
         "the sign is reversed: the gap is P - E (performance minus expectation), so a "
         "shortfall is negative."),
        (lambda: _service_gap(_survey()),
         "that is the gap of all 400 shoppers; keep only those aged 60+."),
    ],
))

register(Exercise(
    "satisfaction.ipa_quadrants", "IPA of home delivery",
    expected=_quadrants,
    compare=labels(),
    hint="satisfaction.ipa(importance, performance) with the six means of the table as two "
         "dicts and the cross-hairs at the means (the default); answer with the 'quadrant' "
         "column, in the table's order.",
    mistakes=[(lambda: _quadrants(center=(3, 3)),
               "those cross-hairs are at the scale's midpoint (3, 3); put them at the means of "
               "the six attributes.")],
))

register(Exercise(
    "satisfaction.improve_first", "What to improve first in delivery",
    expected=_improve_first,
    compare=label(list(DELIVERY)),
    hint="among the attributes in 'concentrate here', the one whose performance lags its "
         "importance most (largest gap = importance - performance).",
    mistakes=[(_lowest_performer,
               "that attribute performs worst, but the rule is the largest gap between "
               "importance and performance.")],
))

register(Exercise(
    "satisfaction.complaint_rate", "Complaints of shoppers let down by service",
    expected=_complaint_rate,
    compare=number(rel_tol=1e-3),
    hint="a shopper is let down when their own service gap (service score - exp_service) is "
         "below -0.5 (satisfaction_level(..., tolerance=0.5) == 'dissatisfied'); the rate is "
         "the mean of complained among them, a share between 0 and 1.",
    mistakes=[
        (lambda: float(_survey()["complained"].mean()),
         "that is the complaint rate of all shoppers; keep only those let down by service."),
        (lambda: float(_survey().loc[_let_down(), "complained"].sum()),
         "that is a count; a rate is a share between 0 and 1."),
        (lambda: _complaint_rate(tolerance_mistake=True),
         "you counted every negative gap; the exercise counts a gap below -0.5 (tolerance 0.5)."),
    ],
))

register(Exercise(
    "satisfaction.acsi_most_causes", "The ACSI's busiest cause",
    expected=_most_causes,
    compare=label(list(satisfaction.INDEX_CONSTRUCTS)),
    hint="count the arrows that leave each construct: "
         "satisfaction.index_model('ACSI').path_table['from'].value_counts().",
    mistakes=[(_most_effects,
               "that construct receives the most arrows (it is an effect); the question asks "
               "which one sends the most (a cause).")],
))

register(Exercise(
    "satisfaction.manager_report", "Advise the store manager",
    expected=lambda: None,
    compare=written(),
    hint="how satisfied, which scales can be trusted, what first and second, where money may be "
         "wasted, what to change in the next survey.",
))

# --- the concept check ----------------------------------------------------------------------------

register_quiz("satisfaction.concepts", "Concept check · Customer satisfaction", [
    Question("A shopper expected 'excellent' service (5 of 5) and found it 'good' (4 of 5). By "
             "the expectation-performance model, the shopper is:",
             ["delighted, because 4 of 5 is a high score",
              "dissatisfied, because performance fell short of the expectation",
              "satisfied, because performance and expectation are both high",
              "neutral, because only the overall question can tell"],
             answer="b", explanation="satisfaction compares P with E: P - E = -1 is a shortfall, "
             "however high P is.", see="§4.1"),
    Question("Put the middle of the chain of satisfaction in order (it starts with a satisfied "
             "customer and ends with a famous brand).",
             ["buys often → becomes loyal → tells others → sales rise → brings new customers",
              "tells others → buys often → brings new customers → becomes loyal → sales rise",
              "buys often → tells others → becomes loyal → brings new customers → sales rise",
              "brings new customers → buys often → tells others → sales rise → becomes loyal"],
             answer="c", explanation="经常购买 → 传播产品优点 → 成为忠实顾客 → 产生新客源 → 销售提升, "
             "then recognition, profits and a famous brand.", see="§4.2"),
    Question("Which of these is NOT one of the seven satisfaction metrics (衡量指标)?",
             ["name recall (指名度)", "complaint rate (投诉率)",
              "sensitivity to price changes (价格变化的敏感度)", "market share (市场占有率)"],
             answer="d", explanation="the seven are reputation, name recall, return rate, "
             "complaint rate, spend per transaction, price sensitivity and referral rate.",
             see="§4.6"),
    Question("In Jack's survey, 'Complaints and returns are handled well' (serv_4) measures "
             "which driver of satisfaction?",
             ["after-sales service (售后服务)", "brand image (品牌形象)", "delivery time (交付时间)",
              "price (价格)"],
             answer="a", explanation="after-sales service: what happens when something went "
             "wrong after the purchase.", see="§4.4"),
    Question("Cronbach's alpha (克朗巴赫α系数) of a scale is 0.60 and rises to 0.75 without one "
             "item. What does alpha measure?",
             ["whether the scale measures the right thing (validity, 效度)",
              "how strongly the items of the scale agree with each other (internal "
              "consistency, 信度)",
              "how satisfied the respondents are on average",
              "how many respondents answered every item"],
             answer="b", explanation="alpha is reliability, internal consistency; a reliable "
             "scale can still measure the wrong thing.", see="§4.7"),
    Question("How does a firm's CSD (顾客满意度) differ from a national CSI (顾客满意指数)?",
             ["the CSD is a causal model estimated with structural equations",
              "the CSI adds up the firm's own indicators with weights",
              "the CSD is a weighted sum of the firm's indicator scores; the CSI is a causal "
              "model of fixed constructs estimated across industries",
              "they are two names for the same number"],
             answer="c", explanation="CSD = sum of weight x score for one firm; a CSI (SCSB, ACSI, "
             "CCSI) links constructs by arrows.", see="§4.8, §4.11"),
    Question("An attribute is very important to customers and the firm performs poorly on it. "
             "Which quadrant of importance-performance analysis is it in?",
             ["keep up the good work (继续保持)", "possible overkill (过度投入)",
              "low priority (次要改进)", "concentrate here (重点改进)"],
             answer="d", explanation="high importance, low performance: the first place to "
             "spend.", see="§4.9"),
    Question("Jack's music item (env_4) measures taste, not the store's environment, and brand "
             "image has no item at all. Which misconception of satisfaction surveys is this?",
             ["a wrong understanding of what the survey is for (缺乏正确的认识)",
              "the survey is not taken seriously (没有引起足够的重视)",
              "wrong factors or methods of measurement (测量因素选择不合适)",
              "none: alpha is high enough"],
             answer="c", explanation="the questions miss a driver or measure something else: "
             "choose factors carefully and test reliability.", see="§4.10"),
    Question("What does China's CCSI (in its common published versions) change against "
             "America's ACSI?",
             ["adds brand image (品牌形象) and has no complaints construct",
              "adds perceived quality (感知质量)",
              "drops satisfaction and keeps loyalty only",
              "is the same model under another name"],
             answer="a", explanation="brand image is added; the versions published differ in "
             "detail, e.g. in their arrows.", see="§4.11"),
])
