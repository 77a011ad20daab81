"""Make the synthetic data sets of the chapter *Customer Loyalty (客户忠诚)*.

    python data/make_loyalty.py [--out DIR]

writes ``loyalty_survey.csv``, ``satisfaction_loyalty.csv``, ``loyalty_ladder.csv`` and
``loyalty_measures.csv`` into ``DIR`` (default: the folder of this script), together with their ``*.schema.json`` files.
The output is byte-for-byte reproducible: every random number comes from ``crmlib.seed(...)``
with the fixed seeds in ``SEEDS``, and every float is rounded before it is written.

All four data sets are **synthetic**. They are not measurements of a real supermarket or of
the respondents of a real survey; they are made to be plausible and to tell the chapter's
teaching story. The assumptions behind each distribution are listed here so that a reader can
judge (and change) them.

The story
---------
Jack's Supermarket (杰克超市) is the neighbourhood supermarket of the Mrs Smith case: a woman of
about 60 who spent $50 a week there (about $217 a month) for years and left after poor service.
The chapter asks *what kind of loyalty do Jack's customers have, how can it be measured, and
how does it relate to satisfaction?*

1. ``loyalty_survey`` (600 customers). A loyalty survey of Jack's customers joined to their
   purchase records. Each customer has a *main reason* for shopping at Jack's, which maps to the
   five loyalty types of the lesson plan (客户忠诚的类型):

   ============  ===================  ==========  ======  ================================
   main_reason   type                 attachment  repeat  share of customers (assumed)
   ============  ===================  ==========  ======  ================================
   monopoly      垄断忠诚 (no choice)   low         high    10 % (only store within reach)
   inertia       惰性忠诚 (habit)       low         high    20 %
   price         价格忠诚 (lowest price) low         low     20 %
   incentive     利益忠诚 (points)      low         high    20 % (but more variable)
   trust         信赖忠诚 (trust)       high        high    30 %
   ============  ===================  ==========  ======  ================================

   Assumptions:

   * A latent *attitude* (1-7) per customer: mean 2.8-3.1 for the four low-attachment types
     and 5.7 for trust, normal with sd 0.75. The survey measures it with three 7-point
     items (liking, preference, willingness to recommend), each the latent value plus normal
     item noise (sd 0.6), rounded and clipped to 1..7; ``attitude`` is the mean of the three.
     ``price_sensitivity`` and ``voluntariness`` are measured the same way.
   * *Latent loyalty* (潜在忠诚): 30 % of price-type and 25 % of trust-type customers like Jack's
     (attitude mean 5.1 and 5.4) but have another store closer or cheaper, so they buy most of
     their groceries elsewhere. With them, all four cells of Dick & Basu's (1994) attitude x repeat
     purchase matrix hold at least ~8 % of customers (cuts: attitude 4, wallet share 0.5).
   * ``wallet_share`` (钱包份额, share of the household's grocery spend at Jack's) is
     logit-normal: median 0.85 monopoly, 0.75 inertia, 0.30 price, 0.62 incentive (twice the
     spread), 0.82 trust, 0.25-0.30 latent; it shares a small common factor with attitude.
   * The household grocery budget is log-normal (median $600 a month, sdlog 0.35);
     ``monthly_spend`` = budget x wallet share, so most values fall in $50-800. Grocery trips
     per month (all stores) are gamma with mean 11; ``visits_per_month`` at Jack's is trips x
     wallet share x (1 + noise), at least 0.5.
   * ``tenure_months`` is log-normal with median 60 (monopoly), 72 (inertia), 24 (price),
     18 (incentive), 84 (trust), 36/60 (latent price/trust), sdlog 0.8, clipped to 1..180.
   * ``visit_trend`` (购买频率变化趋势, % change of monthly visits vs last year) is normal around
     a type mean (+6 trust, 0 monopoly, -3 inertia, -8 price, 0 incentive with sd 20, -8/-4
     latent) plus 3 points per attitude point above 4, clipped to -40..40.
   * ``price_sensitivity`` (对价格敏感性) centres on 6.0 for price, 5.0 incentive, 3.8 monopoly,
     3.4 inertia, 2.4 trust; ``voluntariness`` (购买自愿程度) on 2.0 monopoly, 3.0 inertia,
     5.2 price, 4.8 incentive, 6.0 trust (latent customers: as their type, a little milder).
   * ``categories_bought`` (交叉购买, of 12 departments) is binomial with a probability that
     rises with wallet share and attitude. ``recommendations`` (产品被提及率) is Poisson with
     mean 0.3 x exp(0.65 (attitude - 3)), capped at 15.
   * ``satisfaction`` and ``repurchase_intent`` (1-5) are rounded normals driven by attitude with
     a type shift, sharing most of their noise, so most customers are loyalists/apostles or
     defectors/terrorists. But monopoly customers are dissatisfied and still intend to stay
     (*hostages*, 人质), and about a third of price and incentive customers are satisfied but do
     not intend to stay (*mercenaries*, 图利者), as in Jones & Sasser (1995).
   * ``age`` is normal (mean 46, sd 15; +8 for monopoly, who often have no car; -5 for
     incentive), clipped to 18..85.

2. ``satisfaction_loyalty`` (1,000 respondents, 200 in each of five industries) re-creates the
   *shapes* of Jones & Sasser (1995), "Why satisfied customers defect", HBR 73(6): 88-99, not
   their data. Satisfaction (1-5) has an industry-specific distribution skewed to 4 (assumed).
   Given satisfaction, repurchase intent is drawn from a discretised normal (sd 0.8) whose mean
   is tuned to a target: in the non-competitive markets (local telephone, airline) intent
   stays high (about 3.8-4.6) whatever the satisfaction; in the competitive markets it stays
   low until "satisfied" (4) and jumps only at "completely satisfied" (5), e.g. 1.6, 1.9, 2.3,
   3.0, 4.6 for personal computers, a little higher for hospitals (which sit between the two
   zones in J&S) and a little lower for automobiles.

3. ``loyalty_ladder`` (5,000 households of Jack's trade area) places each household on the
   loyalty ladder (忠诚阶梯, Christopher, Payne & Ballantyne 1991; Raphel): suspect, prospect,
   first-time customer, repeat customer, client, advocate, partner. The assumed overall funnel
   is about 40/25/12/10/8/4/1 %. Districts differ: North (Jack's home district) has more
   clients and advocates; East, near a competing hypermarket, has more suspects and fewer
   clients; South and West are close to the average.

4. ``loyalty_measures`` (the same 600 customers as ``loyalty_survey``, in the same order). The
   second page of the survey and the till data of the following year, so that the lesson plan's
   ten loyalty measures (客户忠诚的衡量) can all be computed. It has its own seed and is drawn
   after ``loyalty_survey`` from that data set's columns, so the first three data sets are
   unchanged by it. Assumptions (by main reason: monopoly, inertia, price, incentive, trust):

   * ``purchases_12m`` (重复购买次数) is Poisson with mean 12 x visits_per_month;
     ``spend_growth`` (增加购买的数量) is 0.8 x visit_trend + 2 plus normal noise (sd 8 points).
   * ``choice_minutes`` (挑选时间) is log-normal with median 9, 7, 14, 12, 7.5 minutes, shorter
     for a higher attitude and longer for a higher price sensitivity (sdlog 0.35).
   * ``failure_tolerance`` (质量事故宽容度) centres on 4.2, 3.6, 2.6, 2.8, 5.3 and
     ``competitor_interest`` (对待竞争产品的态度) on 3.2, 3.0, 5.8, 5.6, 2.4 (1-7, three items each,
     measured like the attitude items), both moved by the customer's attitude.
   * ``relative_attitude`` (-3..+3) is 0.8 x (attitude - 4) plus noise, lower for monopoly
     customers (the store they compare with is one they cannot reach).
   * ``switch_discount``, the economic force that would drive the customer away (the discount a
     new store as close as Jack's would need to offer), is log-normal around 8, 12, 5, 7, 24 %,
     higher with attitude and lower with price sensitivity, rounded to 5 % steps and capped at
     50 % ("practically never"). Monopoly customers buy everything at Jack's, yet a small
     discount nearby would take them: their loyalty carries little long-term profit potential.
   * ``problem``: about a quarter had a problem (more among the dissatisfied and the monopoly
     customers); 60 % of problems were put right (resolved).
   * ``retained_12m`` is Bernoulli with logit 0.9 + 0.9 x (repurchase_intent - 3) + a type shift
     (+1.6 monopoly, +0.6 inertia, -0.6 price, -0.3 incentive, +0.6 trust) - 1.3 when a problem
     was left unresolved (+0.1 when resolved): intention predicts retention, constraints keep the
     dissatisfied, and service recovery keeps customers who had a problem.
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd

try:
    import crmlib
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import crmlib

SCRIPT = "make_loyalty.py"
SEEDS = {"loyalty_survey": 2026061, "satisfaction_loyalty": 2026062, "loyalty_ladder": 2026063,
         "loyalty_measures": 2026064}

REASONS = ["monopoly", "inertia", "price", "incentive", "trust"]
INDUSTRIES = ["local telephone", "airline", "hospital", "personal computer", "automobile"]
MARKETS = ["non-competitive", "competitive"]
DISTRICTS = ["North", "South", "East", "West"]
STAGES = ["suspect", "prospect", "first-time customer", "repeat customer", "client", "advocate",
          "partner"]


# --------------------------------------------------------------------------- helpers
def _likert_mean(rng: np.random.Generator, latent: np.ndarray, items: int = 3,
                 noise: float = 0.6) -> np.ndarray:
    """Mean of ``items`` 7-point items, each the latent score plus noise, rounded and clipped."""
    answers = np.clip(np.rint(latent[:, None] + rng.normal(0.0, noise, (latent.size, items))), 1, 7)
    return np.round(answers.mean(axis=1), 2)


def _categorical(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One draw per row of ``probs`` (rows sum to 1): the index of the chosen category."""
    cdf = np.cumsum(probs, axis=1)
    u = rng.random(probs.shape[0])
    return np.minimum((u[:, None] > cdf).sum(axis=1), probs.shape[1] - 1)


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _logit(p: np.ndarray) -> np.ndarray:
    return np.log(p / (1.0 - p))


_col = crmlib.data.column  # one schema-column format for every data set


# --------------------------------------------------------------------------- data set 1
def make_loyalty_survey() -> tuple[pd.DataFrame, dict]:
    n = 600
    rng = crmlib.seed(SEEDS["loyalty_survey"])

    reason = rng.choice(len(REASONS), size=n, p=[0.10, 0.20, 0.20, 0.20, 0.30])
    is_price, is_trust = reason == 2, reason == 4
    u = rng.random(n)
    latent = (is_price & (u < 0.30)) | (is_trust & (u < 0.25))
    # group: the five types, 5 = latent price, 6 = latent trust (they like Jack's, but another
    # store is closer or cheaper, so most of their grocery money goes there)
    group = np.where(latent, np.where(is_price, 5, 6), reason)

    #              monopoly inertia price incentive trust latent-price latent-trust
    att_mu = np.array([2.8, 3.0, 2.8, 3.1, 5.7, 5.1, 5.4])
    ws_med = np.array([0.85, 0.75, 0.30, 0.62, 0.82, 0.25, 0.30])
    ws_sd = np.array([0.55, 0.55, 0.55, 1.10, 0.55, 0.50, 0.50])
    tenure_med = np.array([60, 72, 24, 18, 84, 36, 60])
    trend_mu = np.array([0.0, -3.0, -8.0, 0.0, 6.0, -8.0, -4.0])
    trend_sd = np.array([10.0, 10.0, 12.0, 20.0, 10.0, 12.0, 12.0])
    price_mu = np.array([3.8, 3.4, 6.0, 5.0, 2.4, 5.6, 3.0])
    volun_mu = np.array([2.0, 3.0, 5.2, 4.8, 6.0, 5.4, 5.8])
    sat_shift = np.array([-0.3, 0.4, 0.9, 0.9, 0.1, 0.3, 0.2])
    int_shift = np.array([2.0, 0.6, -0.3, 0.0, 0.5, -0.4, -0.2])
    age_shift = np.array([8.0, 2.0, 0.0, -5.0, 0.0, 0.0, 0.0])

    common = rng.normal(0.0, 1.0, n)          # shared "engagement" factor
    own = rng.normal(0.0, 1.0, n)
    att_latent = np.clip(att_mu[group] + 0.75 * (0.5 * common + np.sqrt(0.75) * own), 1, 7)
    attitude = _likert_mean(rng, att_latent)

    ws = _expit(_logit(ws_med[group])
                + ws_sd[group] * (0.4 * common + np.sqrt(0.84) * rng.normal(0, 1, n)))
    wallet_share = np.round(np.clip(ws, 0.01, 0.99), 3)

    age = np.clip(np.rint(rng.normal(46.0, 15.0, n) + age_shift[group]), 18, 85).astype(int)
    tenure = np.clip(np.rint(tenure_med[group] * np.exp(rng.normal(0, 0.8, n))), 1, 180).astype(int)

    trips = rng.gamma(6.0, 11.0 / 6.0, n)     # grocery trips a month, all stores
    visits = np.round(np.maximum(trips * wallet_share * np.exp(rng.normal(0, 0.15, n)), 0.5), 1)
    trend = np.round(np.clip(trend_mu[group] + 3.0 * (attitude - 4.0)
                             + trend_sd[group] * rng.normal(0, 1, n), -40, 40), 1)

    p_cat = np.clip(0.12 + 0.55 * wallet_share + 0.05 * (attitude - 4.0), 0.03, 0.97)
    categories = np.clip(rng.binomial(12, p_cat), 1, 12)
    recommendations = np.minimum(rng.poisson(0.3 * np.exp(0.65 * (attitude - 3.0))), 15)

    price_sens = _likert_mean(rng, np.clip(price_mu[group] + rng.normal(0, 0.7, n), 1, 7))
    voluntariness = _likert_mean(rng, np.clip(volun_mu[group] + rng.normal(0, 0.7, n), 1, 7))

    shared = rng.normal(0.0, 0.5, n)
    sat_lat = 3.0 + 0.75 * (attitude - 4.0) + sat_shift[group] + shared + rng.normal(0, 0.35, n)
    int_lat = 3.0 + 0.7 * (attitude - 4.0) + int_shift[group] + shared + rng.normal(0, 0.35, n)
    satisfaction = np.clip(np.rint(sat_lat), 1, 5).astype(int)
    intent = np.clip(np.rint(int_lat), 1, 5).astype(int)

    budget = 600.0 * np.exp(rng.normal(0.0, 0.35, n))   # household grocery budget, $ a month
    spend = np.round(budget * wallet_share, 2)

    df = pd.DataFrame({
        "customer_id": [f"C{i:04d}" for i in range(1, n + 1)],
        "age": age,
        "main_reason": np.array(REASONS)[reason],
        "attitude": attitude,
        "wallet_share": wallet_share,
        "tenure_months": tenure,
        "visits_per_month": visits,
        "visit_trend": trend,
        "categories_bought": categories,
        "recommendations": recommendations,
        "price_sensitivity": price_sens,
        "voluntariness": voluntariness,
        "satisfaction": satisfaction,
        "repurchase_intent": intent,
        "monthly_spend": spend,
    })
    likert = "1 = strongly disagree ... 7 = strongly agree; mean of three items"
    columns = [
        _col("customer_id", "string", "", "Customer number at Jack's Supermarket, C0001..C0600."),
        _col("age", "int", "years", "Age of the customer (18-85)."),
        _col("main_reason", "category", "",
             "The customer's main reason for shopping at Jack's, which gives the loyalty type "
             "(客户忠诚的类型): monopoly = the only store nearby (垄断忠诚), inertia = habit "
             "(惰性忠诚), price = lowest prices (价格忠诚), incentive = points and offers "
             "(利益忠诚), trust = trusts the store (信赖忠诚).",
             REASONS, False),
        _col("attitude", "float", "scale 1-7",
             "Attitudinal loyalty (态度忠诚): mean of three 7-point items, liking Jack's, "
             "preferring it to other stores, willingness to recommend it. " + likert + "."),
        _col("wallet_share", "float", "share 0-1",
             "Wallet share (钱包份额): share of the household's grocery spending that goes to "
             "Jack's; the behavioural (repeat purchase) side of loyalty (行为忠诚) and the spending "
             "indicator of the loyalty index."),
        _col("tenure_months", "int", "months",
             "Purchase duration (购买持续期): months since the first purchase at Jack's (1-180)."),
        _col("visits_per_month", "float", "visits per month",
             "Purchase frequency (购买频率): average shopping visits to Jack's per month over the "
             "last 12 months."),
        _col("visit_trend", "float", "%",
             "Trend of purchase frequency (购买频率变化趋势): % change of monthly visits compared "
             "with the previous 12 months (about -40 to +40)."),
        _col("categories_bought", "int", "departments (of 12)",
             "Cross-buying (交叉购买): number of Jack's 12 departments the customer bought from in "
             "the last 12 months."),
        _col("recommendations", "int", "times",
             "Word of mouth (产品被提及率): times the customer recommended Jack's to others in the "
             "last 12 months, as reported in the survey (0-15)."),
        _col("price_sensitivity", "float", "scale 1-7",
             "Price sensitivity (对价格敏感性): higher = more sensitive to Jack's prices, would "
             "switch for a lower price elsewhere. " + likert + "."),
        _col("voluntariness", "float", "scale 1-7",
             "Voluntariness (购买自愿程度): how far the customer shops at Jack's by free choice "
             "rather than by constraint (no other store, habit). " + likert + "."),
        _col("satisfaction", "int", "scale 1-5",
             "Overall satisfaction with Jack's (客户满意度): 1 = very dissatisfied ... "
             "5 = completely satisfied."),
        _col("repurchase_intent", "int", "scale 1-5",
             "Intention to keep shopping at Jack's (重复购买意愿): 1 = certainly not ... "
             "5 = certainly."),
        _col("monthly_spend", "float", "$ per month",
             "Average spending at Jack's per month over the last 12 months (Mrs Smith spent "
             "$50 a week, about $217 a month)."),
    ]
    meta = {
        "name": "loyalty_survey",
        "title": "Jack's Supermarket loyalty survey joined to purchase records",
        "description": (
            "600 customers of Jack's Supermarket (杰克超市, the supermarket of the Mrs Smith "
            "case): a loyalty survey (attitude, satisfaction, intention, price sensitivity, "
            "voluntariness, recommendations) joined to 12 months of purchase records (wallet "
            "share, visits, trend, cross-buying, spending, tenure). Each customer's main reason "
            "for shopping at Jack's gives one of the five loyalty types (monopoly, inertia, "
            "price, incentive, trust). Used for the loyalty types, Dick & Basu's attitude x "
            "behaviour matrix (cuts: attitude 4, wallet share 0.5), the loyalty index "
            "(客户忠诚度指标体系: durability, spending, emotion) and Jones & Sasser's "
            "satisfaction x intention quadrants. Synthetic: made to be plausible and to tell "
            "the chapter's story; see the script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["loyalty_survey"],
        "rows": n,
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- data set 2
def _intent_pmf(target: float, sd: float = 0.8) -> np.ndarray:
    """Probabilities of 1..5 for a normal(mu, sd) rounded and clipped to 1..5, with mu chosen
    (by bisection, deterministic) so that the mean is ``target``."""
    edges = np.array([1.5, 2.5, 3.5, 4.5])

    def pmf(mu: float) -> np.ndarray:
        z = (edges - mu) / sd
        cdf = 0.5 * (1.0 + np.array([math.erf(v / math.sqrt(2.0)) for v in z]))
        return np.diff(np.concatenate([[0.0], cdf, [1.0]]))

    lo, hi = -3.0, 9.0
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if pmf(mid) @ np.arange(1, 6) < target:
            lo = mid
        else:
            hi = mid
    return pmf(0.5 * (lo + hi))


def make_satisfaction_loyalty() -> tuple[pd.DataFrame, dict]:
    per = 200
    rng = crmlib.seed(SEEDS["satisfaction_loyalty"])
    sat_probs = np.array([
        [0.10, 0.15, 0.25, 0.30, 0.20],   # local telephone
        [0.08, 0.14, 0.26, 0.32, 0.20],   # airline
        [0.05, 0.10, 0.20, 0.35, 0.30],   # hospital
        [0.05, 0.09, 0.20, 0.38, 0.28],   # personal computer
        [0.05, 0.09, 0.18, 0.38, 0.30],   # automobile
    ])
    # target mean repurchase intent at satisfaction 1..5
    intent_target = np.array([
        [4.0, 4.1, 4.2, 4.4, 4.6],        # local telephone (monopoly)
        [3.8, 3.9, 4.1, 4.3, 4.6],        # airline (frequent-flyer programmes, few carriers)
        [2.0, 2.3, 2.7, 3.3, 4.6],        # hospital (in between in J&S)
        [1.6, 1.9, 2.3, 3.0, 4.6],        # personal computer
        [1.4, 1.7, 2.1, 2.8, 4.6],        # automobile
    ])
    industry = np.repeat(np.arange(len(INDUSTRIES)), per)
    sat = _categorical(rng, sat_probs[industry]) + 1
    pmfs = np.array([[_intent_pmf(t) for t in row] for row in intent_target])   # (5, 5, 5)
    intent = _categorical(rng, pmfs[industry, sat - 1]) + 1
    order = rng.permutation(industry.size)   # respondents in random order, not by industry
    industry, sat, intent = industry[order], sat[order], intent[order]
    market = np.where(industry <= 1, 0, 1)

    n = industry.size
    df = pd.DataFrame({
        "respondent_id": [f"R{i:04d}" for i in range(1, n + 1)],
        "industry": np.array(INDUSTRIES)[industry],
        "market": np.array(MARKETS)[market],
        "satisfaction": sat,
        "repurchase_intent": intent,
    })
    columns = [
        _col("respondent_id", "string", "", "Respondent number, R0001..R1000."),
        _col("industry", "category", "",
             "Industry of the product or service the respondent rated, from the least to the most "
             "competitive as in Jones & Sasser (1995).", INDUSTRIES, True),
        _col("market", "category", "",
             "Competitiveness of the market (竞争程度): local telephone and airline are "
             "non-competitive (few alternatives, high switching costs); hospital, personal "
             "computer and automobile are competitive. In Jones & Sasser hospitals sit in between "
             "the two zones; here they are treated as competitive.", MARKETS, False),
        _col("satisfaction", "int", "scale 1-5",
             "Overall satisfaction (客户满意度): 1 = completely dissatisfied ... 5 = completely "
             "satisfied."),
        _col("repurchase_intent", "int", "scale 1-5",
             "Intention to buy again from the same supplier (重复购买意愿, the loyalty measure): "
             "1 = certainly not ... 5 = certainly."),
    ]
    meta = {
        "name": "satisfaction_loyalty",
        "title": "Satisfaction and loyalty in five industries (after Jones & Sasser 1995)",
        "description": (
            "1,000 survey respondents, 200 in each of five industries, with their satisfaction and "
            "repurchase intention. Re-creates the shapes of Jones & Sasser (1995), 'Why satisfied "
            "customers defect', Harvard Business Review 73(6): in non-competitive markets "
            "intention stays high even when customers are dissatisfied (hostages); in competitive "
            "markets it stays low until customers are completely satisfied (5), so merely "
            "satisfied customers (4) still defect. Hospital sits in between in J&S and is treated "
            "as competitive here. Synthetic: the shapes follow J&S's figure, the numbers are not "
            "their data; see the script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["satisfaction_loyalty"],
        "rows": n,
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- data set 3
def make_loyalty_ladder() -> tuple[pd.DataFrame, dict]:
    n = 5000
    rng = crmlib.seed(SEEDS["loyalty_ladder"])
    district_p = np.array([0.27, 0.25, 0.24, 0.24])
    stage_p = np.array([
        [0.340, 0.240, 0.130, 0.120, 0.100, 0.055, 0.015],   # North: Jack's home district
        [0.395, 0.250, 0.120, 0.105, 0.080, 0.040, 0.010],   # South
        [0.470, 0.270, 0.115, 0.075, 0.045, 0.020, 0.005],   # East: next to a hypermarket
        [0.405, 0.255, 0.120, 0.100, 0.075, 0.035, 0.010],   # West
    ])
    district = rng.choice(len(DISTRICTS), size=n, p=district_p)
    stage = _categorical(rng, stage_p[district])
    df = pd.DataFrame({
        "household_id": [f"H{i:04d}" for i in range(1, n + 1)],
        "district": np.array(DISTRICTS)[district],
        "ladder_stage": np.array(STAGES)[stage],
    })
    columns = [
        _col("household_id", "string", "", "Household number, H0001..H5000."),
        _col("district", "category", "",
             "District of Jack's trade area: North (Jack's home district), South, East (next to "
             "a competing hypermarket), West.", DISTRICTS, False),
        _col("ladder_stage", "category", "",
             "Stage on the loyalty ladder (客户忠诚阶梯), from the bottom: suspect (可疑者, in the "
             "trade area, may buy), prospect (潜在客户, knows Jack's, has not bought), first-time "
             "customer (初次购买者), repeat customer (重复购买者), client (客户, buys regularly, "
             "relationship), advocate (拥护者, recommends Jack's), partner (合伙人, works with "
             "Jack's, e.g. customer panel).", STAGES, True),
    ]
    meta = {
        "name": "loyalty_ladder",
        "title": "Households of Jack's trade area on the loyalty ladder",
        "description": (
            "5,000 households in the trade area of Jack's Supermarket with their stage on the "
            "loyalty ladder (Christopher, Payne & Ballantyne 1991; Raphel): suspect, prospect, "
            "first-time customer, repeat customer, client, advocate, partner. The counts fall "
            "along the ladder like a funnel (about 40/25/12/10/8/4/1 %); districts differ a "
            "little (East, next to a competitor, has more suspects and fewer clients). "
            "Synthetic: made to be plausible; see the script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["loyalty_ladder"],
        "rows": n,
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- data set 4
def make_loyalty_measures() -> tuple[pd.DataFrame, dict]:
    """The survey's second page and the till data of the year after, for the same customers.

    Drawn with its own seed *after* ``loyalty_survey`` is made, so that adding this data set
    changed nothing in the other three."""
    survey, _ = make_loyalty_survey()
    n = len(survey)
    rng = crmlib.seed(SEEDS["loyalty_measures"])
    reason = survey["main_reason"].map({r: i for i, r in enumerate(REASONS)}).to_numpy()
    att = survey["attitude"].to_numpy(float) - 4.0            # centred attitude
    price = survey["price_sensitivity"].to_numpy(float) - 4.0
    visits = survey["visits_per_month"].to_numpy(float)
    trend = survey["visit_trend"].to_numpy(float)
    intent = survey["repurchase_intent"].to_numpy(int)
    sat = survey["satisfaction"].to_numpy(int)
    #                       monopoly inertia price incentive trust
    choose_med = np.array([9.0, 7.0, 14.0, 12.0, 7.5])   # minutes choosing per visit
    tolerance_mu = np.array([4.2, 3.6, 2.6, 2.8, 5.3])
    interest_mu = np.array([3.2, 3.0, 5.8, 5.6, 2.4])
    discount_med = np.array([8.0, 12.0, 5.0, 7.0, 24.0])
    retain_shift = np.array([1.6, 0.6, -0.6, -0.3, 0.6])

    purchases = rng.poisson(12.0 * visits)
    growth = np.round(np.clip(0.8 * trend + 2.0 + rng.normal(0, 8.0, n), -60, 60), 1)
    choose = choose_med[reason] * np.exp(-0.12 * att + 0.10 * price + rng.normal(0, 0.35, n))
    choose = np.round(np.clip(choose, 1.0, 45.0), 1)
    tolerance = _likert_mean(rng, np.clip(tolerance_mu[reason] + 0.45 * att
                                          + rng.normal(0, 0.7, n), 1, 7))
    interest = _likert_mean(rng, np.clip(interest_mu[reason] - 0.35 * att + 0.30 * price
                                         + rng.normal(0, 0.7, n), 1, 7))
    relative = np.clip(np.rint(0.8 * att + np.where(reason == 0, -0.8, 0.0)
                               + rng.normal(0, 0.8, n)), -3, 3).astype(int)
    discount = discount_med[reason] * np.exp(0.25 * att - 0.15 * price + rng.normal(0, 0.45, n))
    discount = (np.clip(np.rint(discount / 5.0), 0, 10) * 5).astype(int)
    p_problem = np.clip(0.22 + 0.08 * (sat <= 2) + 0.04 * (reason == 0), 0, 1)
    had = rng.random(n) < p_problem
    resolved = rng.random(n) < 0.6
    problem = np.where(~had, "none", np.where(resolved, "resolved", "unresolved"))
    logit_keep = (0.9 + 0.9 * (intent - 3) + retain_shift[reason]
                  - 1.3 * (problem == "unresolved") + 0.1 * (problem == "resolved"))
    retained = (rng.random(n) < _expit(logit_keep)).astype(int)

    df = pd.DataFrame({
        "customer_id": survey["customer_id"],
        "purchases_12m": purchases,
        "spend_growth": growth,
        "choice_minutes": choose,
        "failure_tolerance": tolerance,
        "competitor_interest": interest,
        "relative_attitude": relative,
        "switch_discount": discount,
        "problem": problem,
        "retained_12m": retained,
    })
    likert = "1 = strongly disagree ... 7 = strongly agree; mean of three items"
    columns = [
        _col("customer_id", "string", "",
             "Customer number at Jack's Supermarket, C0001..C0600: the same customers, in the same "
             "order, as loyalty_survey (join on customer_id)."),
        _col("purchases_12m", "int", "shopping trips",
             "Repeat purchases (重复购买次数): shopping trips at Jack's in the 12 months before the "
             "survey, from the loyalty-card till data."),
        _col("spend_growth", "float", "%",
             "Growth in purchases (增加购买的数量): % change of spending at Jack's compared with the "
             "previous 12 months (about -60 to +60)."),
        _col("choice_minutes", "float", "minutes per visit",
             "Time spent choosing (购买时挑选的时间): average minutes a customer spends comparing "
             "products and prices per visit, from the survey (a customer who knows and trusts the "
             "store chooses faster; lower = more loyal)."),
        _col("failure_tolerance", "float", "scale 1-7",
             "Tolerance of quality and service failures (对产品服务质量事故的宽容度): 'if Jack's sold "
             "me a spoilt product or made a mistake at the till, I would give it another chance'. "
             + likert + "."),
        _col("competitor_interest", "float", "scale 1-7",
             "Attitude to competitors' products and services (对待竞争产品和服务的态度): how much the "
             "customer watches and would try other stores' offers; higher = more open to rivals "
             "(less loyal). " + likert + "."),
        _col("relative_attitude", "int", "scale -3 to +3",
             "Relative attitude (Dick & Basu 1994): 'compared with the other store where you buy "
             "most groceries, Jack's is ...' -3 = much worse, 0 = the same, +3 = much better."),
        _col("switch_discount", "int", "%",
             "The economic force needed to drive the customer away (需要多大经济力量才能驱使其离开): the "
             "smallest discount (0, 5, ..., 50 %) that a new store as close as Jack's would have to "
             "offer to make the customer move most of their grocery shopping there; 50 means 50 % "
             "or more (practically never)."),
        _col("problem", "category", "",
             "Did the customer have a problem with Jack's in the 12 months before the survey (a wrong "
             "price, a spoilt product, poor service), and was it put right (服务补救)?",
             ["none", "resolved", "unresolved"], False),
        _col("retained_12m", "int", "0/1",
             "Retention (客户保持): 1 if the customer still shopped at Jack's 12 months after the "
             "survey, 0 if they had left; its mean over a group is the retention rate (客户保持率)."),
    ]
    meta = {
        "name": "loyalty_measures",
        "title": "Jack's Supermarket: the lesson plan's loyalty measures for the surveyed customers",
        "description": (
            "The same 600 customers as loyalty_survey (join on customer_id): the second page of "
            "the survey and the till data of the year after it, so that all ten loyalty measures "
            "of the lesson plan (客户忠诚的衡量) and the nine of the slide deck can be computed: "
            "repeat purchases, growth in purchases, time spent choosing, tolerance of failures, "
            "attitude to competitors, retention a year later, with the relative attitude of Dick "
            "& Basu, the discount that would drive each customer away and whether a problem was "
            "put right (service recovery). Synthetic: made to be plausible and to tell the "
            "chapter's story; see the script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["loyalty_measures"],
        "rows": n,
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- main
MAKERS = [make_loyalty_survey, make_satisfaction_loyalty, make_loyalty_ladder,
          make_loyalty_measures]


def main(argv: list[str] | None = None) -> None:
    crmlib.data.script_main(MAKERS, __doc__, __file__, argv)


if __name__ == "__main__":
    main()
