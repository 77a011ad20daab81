"""Make the synthetic data set of the chapter *Customer Satisfaction (客户满意)*.

    python data/make_satisfaction.py [--out DIR]

writes ``supermarket_satisfaction.csv`` and its ``supermarket_satisfaction.schema.json`` into
``DIR`` (default: the folder of this script). The output is byte-for-byte reproducible: every
random number comes from ``crmlib.seed(SEED)``, every float is rounded before it is written.

The data set is **synthetic**: it is not the answers of real shoppers. It is made to be
plausible and to tell the chapter's story; the assumptions behind each distribution are listed
here so that a reader can judge (and change) them.

The story
---------
The lesson plan's case asks how a store (卖场) can raise its customers' satisfaction, and names
six things shoppers expect of it: low prices (价格低廉), convenient transport and location
(交通便利), a full assortment (商品充足), features of its own (店内特色), a pleasant shopping
environment (购物环境) and good service (优质服务). Its practice task: choose a local supermarket
chain, design a questionnaire, and analyse the customers' satisfaction.

Jack's Supermarket (杰克超市, the store of the Mrs Smith case in chapter 5) does exactly that,
a year before Mrs Smith leaves. 400 shoppers answer a questionnaire at the exit. Jack's has just
renovated the store (bright, clean, new music system) but has let service slip, and a discounter
has opened nearby. What the analysis should find:

* **Reliability.** Every factor's items hang together (alpha about 0.7-0.85), except that the
  environment scale contains one weak item, ``env_4`` ("the background music is pleasant"),
  which has little to do with the other environment items: alpha-if-deleted rises without it.
* **Expectation vs performance.** Service and price fall short of what shoppers expected
  (negative gaps); the renovated environment exceeds expectations; the rest roughly match.
* **Importance-performance.** Service and price are important and perform poorly
  (*concentrate here*); convenience and assortment are important and perform well (*keep up
  the good work*); the store's special features matter little and perform so-so (*low
  priority*); the environment performs well but matters less than it cost (*possible overkill*).
* **Satisfaction and loyalty.** Overall satisfaction is driven mostly by service and price and
  by how far performance falls short of expectations; the loyalty items follow satisfaction.

Assumptions
-----------
* ``age_group``: 18-29, 30-44, 45-59, 60+ with shares 22/30/28/20 %.
* **Performance items** (1-5, 1 = strongly disagree ... 5 = strongly agree with a positive
  statement about Jack's). Each respondent has a latent perception of each factor:
  ``theta_f = mu_f + 0.35 g + s_f z_f`` with a general liking ``g`` and own noise ``z_f``
  (standard normal), ``s_f = 0.65``. Latent means ``mu`` (before rounding): price 3.2,
  convenience 4.15, assortment 3.85, features 3.0, environment 4.25, service 2.85; shoppers
  aged 60+ perceive service 0.3 lower and convenience 0.2 higher (they walk to the store).
  An item is ``theta_f`` plus an item offset (a few tenths) plus normal noise (sd 0.6),
  rounded and clipped to 1..5. The weak item ``env_4`` is mostly its own thing:
  ``3.5 + 0.2 (theta_env - mu_env) + N(0, 0.9)``.
* **Missing answers**: each item is skipped at random with probability 0.6 %; ``env_4`` also
  gets "don't know" from 5 % of shoppers (left blank). Importance, expectation, satisfaction
  and loyalty questions are complete.
* **Importance** (``imp_*``, 1-5, 1 = not at all important ... 5 = extremely important when
  choosing a supermarket): normal around price 4.45, convenience 4.1, assortment 4.2,
  features 3.05, environment 3.55, service 4.35 (sd 0.65), rounded and clipped; shoppers aged
  60+ rate service +0.3 and features -0.3, aged 18-29 features +0.4.
* **Expectation** (``exp_*``, 1-5, agreement with the same kind of statement *before* the
  shopper first came to Jack's, as recalled): normal around price 3.85, convenience 3.95,
  assortment 3.8, features 3.0, environment 3.5, service 4.0 (sd 0.7), plus 0.15 g.
* **Overall satisfaction** (1-7, the seven levels 很不满意 ... 很满意): a latent
  ``4.55 + sum_f b_f (theta_f - m_f) + 0.45 D + N(0, 0.55)``, where ``m_f`` is the latent mean
  of the shopper's age group, with driver weights ``b``:
  service 0.55, price 0.45, assortment 0.3, convenience 0.2, environment 0.08, features 0.08,
  and ``D`` the importance-weighted mean disconfirmation ``theta_f - expectation_f``
  (centred), rounded and clipped to 1..7.
* **Loyalty items**, each driven by satisfaction ``S`` (centred at 4.5):
  ``revisit_intent`` (1-5) = round(3.6 + 0.6 S + N(0, 0.7));
  ``reputation`` (1-5, "people I know speak well of Jack's") = round(3.3 + 0.45 S + N(0, 0.8));
  ``price_switch`` (1-5, "I would switch to another store if it were 5 % cheaper")
  = round(3.5 - 0.35 S + 0.35 (imp_price - 4.45) + N(0, 0.8));
  ``recommended`` (0/1 in the last 3 months): logistic, about 35 %;
  ``complained`` (0/1 in the last 3 months): logistic, about 13 %, higher when service is
  perceived as poor; ``first_mention`` (0/1, Jack's is the first supermarket the shopper
  names, unprompted): logistic, about 40 %; ``spend_per_visit`` ($) log-normal, median $38,
  sdlog 0.45, 10 % higher per satisfaction point.
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

SCRIPT = "make_satisfaction.py"
SEED = 2026041
N = 400

AGE_GROUPS = ["18-29", "30-44", "45-59", "60+"]
FACTORS = ["price", "convenience", "assortment", "features", "environment", "service"]
FACTOR_ZH = {"price": "价格低廉", "convenience": "交通便利", "assortment": "商品充足",
             "features": "店内特色", "environment": "购物环境", "service": "优质服务"}

#: item -> (factor, offset from the factor's latent perception, statement)
ITEMS = {
    "price_1": ("price", -0.15, "Prices at Jack's are low compared with other supermarkets."),
    "price_2": ("price", 0.15, "Jack's promotions and discounts are good value."),
    "price_3": ("price", 0.0, "I get good value for the money I spend at Jack's."),
    "conv_1": ("convenience", 0.2, "Jack's is easy to reach from my home."),
    "conv_2": ("convenience", -0.25, "Parking (car or bicycle) at Jack's is easy."),
    "conv_3": ("convenience", 0.05, "Jack's opening hours suit me."),
    "assort_1": ("assortment", 0.1, "Jack's has a wide choice of products."),
    "assort_2": ("assortment", -0.1, "The products I want are in stock."),
    "assort_3": ("assortment", 0.0, "Jack's fresh food (fruit, vegetables, meat) is of good "
                                    "quality."),
    "feat_1": ("features", -0.1, "Jack's sells products I cannot find in other stores."),
    "feat_2": ("features", 0.2, "Jack's own-brand products are good."),
    "feat_3": ("features", -0.1, "Tastings and events make shopping at Jack's interesting."),
    "env_1": ("environment", 0.1, "The store is clean and tidy."),
    "env_2": ("environment", -0.05, "It is easy to find products (clear layout and signs)."),
    "env_3": ("environment", -0.05, "The aisles are spacious, not crowded."),
    "env_4": ("environment", None, "The background music in the store is pleasant."),
    "serv_1": ("service", 0.1, "Jack's staff are friendly and polite."),
    "serv_2": ("service", 0.0, "Staff help me when I ask."),
    "serv_3": ("service", -0.15, "Checking out is quick."),
    "serv_4": ("service", 0.05, "Complaints and returns are handled well."),
}

#        price convenience assortment features environment service
MU = np.array([3.2, 4.15, 3.85, 3.0, 4.25, 2.85])       # latent perceived performance
IMP_MU = np.array([4.45, 4.1, 4.2, 3.05, 3.55, 4.35])   # stated importance
EXP_MU = np.array([3.85, 3.95, 3.8, 3.0, 3.5, 4.0])     # recalled expectation
DRIVER = np.array([0.45, 0.2, 0.3, 0.08, 0.08, 0.55])   # weight in overall satisfaction


def _likert(x: np.ndarray, top: int = 5) -> np.ndarray:
    return np.clip(np.rint(x), 1, top).astype(int)


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


_col = crmlib.data.column  # one schema-column format for every data set


def make_supermarket_satisfaction() -> tuple[pd.DataFrame, dict]:
    rng = crmlib.seed(SEED)
    n = N
    age = rng.choice(len(AGE_GROUPS), size=n, p=[0.22, 0.30, 0.28, 0.20])
    senior, young = age == 3, age == 0

    g = rng.normal(0.0, 1.0, n)                                  # general liking of Jack's
    shift = np.zeros((n, len(FACTORS)))
    shift[senior, FACTORS.index("service")] -= 0.3
    shift[senior, FACTORS.index("convenience")] += 0.2
    theta = MU + shift + 0.35 * g[:, None] + 0.65 * rng.normal(0.0, 1.0, (n, len(FACTORS)))

    items = {}
    for item, (factor, offset, _text) in ITEMS.items():
        f = FACTORS.index(factor)
        if offset is None:   # the weak item: mostly its own thing
            latent = 3.5 + 0.2 * (theta[:, f] - MU[f]) + rng.normal(0.0, 0.9, n)
        else:
            latent = theta[:, f] + offset + rng.normal(0.0, 0.6, n)
        answers = pd.array(_likert(latent), dtype="Int64")
        skip = rng.random(n) < 0.006
        if offset is None:
            skip |= rng.random(n) < 0.05                         # "don't know"
        answers[skip] = pd.NA
        items[item] = answers

    imp_shift = np.zeros((n, len(FACTORS)))
    imp_shift[senior, FACTORS.index("service")] += 0.3
    imp_shift[senior, FACTORS.index("features")] -= 0.3
    imp_shift[young, FACTORS.index("features")] += 0.4
    importance = _likert(IMP_MU + imp_shift + rng.normal(0.0, 0.65, (n, len(FACTORS))))
    expectation = _likert(EXP_MU + 0.15 * g[:, None] + rng.normal(0.0, 0.7, (n, len(FACTORS))))

    w = importance / importance.sum(axis=1, keepdims=True)
    gap = ((theta - expectation) * w).sum(axis=1)
    gap = gap - gap.mean()
    sat_latent = (4.55 + (theta - MU - shift) @ DRIVER + 0.45 * gap
                  + rng.normal(0.0, 0.55, n))
    overall = _likert(sat_latent, top=7)
    s = overall - 4.5

    revisit = _likert(3.6 + 0.6 * s + rng.normal(0.0, 0.7, n))
    reputation = _likert(3.3 + 0.45 * s + rng.normal(0.0, 0.8, n))
    price_switch = _likert(3.5 - 0.35 * s + 0.35 * (importance[:, 0] - 4.45)
                           + rng.normal(0.0, 0.8, n))
    recommended = (rng.random(n) < _expit(-0.75 + 0.8 * s)).astype(int)
    serv = FACTORS.index("service")
    complained = (rng.random(n) < _expit(-2.1 - 0.45 * s - 0.6 * (theta[:, serv] - MU[serv])
                                         )).astype(int)
    first_mention = (rng.random(n) < _expit(-0.45 + 0.45 * s + 0.5 * senior)).astype(int)
    spend = np.round(38.0 * np.exp(0.1 * s + rng.normal(0.0, 0.45, n)), 2)

    df = pd.DataFrame({"respondent_id": [f"S{i:03d}" for i in range(1, n + 1)],
                       "age_group": np.array(AGE_GROUPS)[age]})
    for item, answers in items.items():
        df[item] = answers
    for j, f in enumerate(FACTORS):
        df[f"imp_{f}"] = importance[:, j]
    for j, f in enumerate(FACTORS):
        df[f"exp_{f}"] = expectation[:, j]
    df["overall_satisfaction"] = overall
    df["revisit_intent"] = revisit
    df["reputation"] = reputation
    df["price_switch"] = price_switch
    df["recommended"] = recommended
    df["complained"] = complained
    df["first_mention"] = first_mention
    df["spend_per_visit"] = spend

    agree = "1 = strongly disagree ... 5 = strongly agree; blank = no answer"
    columns = [
        _col("respondent_id", "string", "", "Respondent number, S001..S400."),
        _col("age_group", "category", "years", "Age group of the shopper.", AGE_GROUPS, True),
    ]
    for item, (factor, _offset, text) in ITEMS.items():
        weak = (" Deliberately weak item: it measures taste in music more than the store "
                "environment, and 5 % answered \"don't know\" (blank).") if item == "env_4" else ""
        columns.append(_col(item, "int", "scale 1-5",
                            f"Performance item of the factor {factor} ({FACTOR_ZH[factor]}): "
                            f"\"{text}\" {agree}.{weak}"))
    for f in FACTORS:
        columns.append(_col(f"imp_{f}", "int", "scale 1-5",
                            f"Importance of {f} ({FACTOR_ZH[f]}) when choosing a supermarket: "
                            "1 = not at all important ... 5 = extremely important."))
    for f in FACTORS:
        columns.append(_col(f"exp_{f}", "int", "scale 1-5",
                            f"Expectation of Jack's on {f} ({FACTOR_ZH[f]}) before the first "
                            "visit, as recalled: how good the shopper expected it to be, "
                            "1 = very poor ... 5 = excellent (same direction as the items)."))
    columns += [
        _col("overall_satisfaction", "int", "scale 1-7",
             "Overall satisfaction with Jack's (总体满意度) on the seven-level scale: 1 very "
             "dissatisfied (很不满意), 2 dissatisfied (不满意), 3 somewhat dissatisfied (不太满意), "
             "4 neutral (一般), 5 somewhat satisfied (较满意), 6 satisfied (满意), 7 very "
             "satisfied (很满意)."),
        _col("revisit_intent", "int", "scale 1-5",
             "\"I will keep shopping at Jack's\" (回头率, return intention). " + agree + "."),
        _col("reputation", "int", "scale 1-5",
             "\"People I know speak well of Jack's\" (美誉度, reputation). " + agree + "."),
        _col("price_switch", "int", "scale 1-5",
             "\"I would switch to another supermarket if it were 5% cheaper\" (价格敏感度, price "
             "sensitivity; higher = more sensitive). " + agree + "."),
        _col("recommended", "int", "0/1",
             "1 if the shopper recommended Jack's to someone in the last 3 months (推荐率)."),
        _col("complained", "int", "0/1",
             "1 if the shopper complained to Jack's (in the store, by phone or online) in the "
             "last 3 months (投诉率)."),
        _col("first_mention", "int", "0/1",
             "1 if Jack's was the first supermarket the shopper named when asked, unprompted, "
             "for a supermarket in the area (指名度, name recall)."),
        _col("spend_per_visit", "float", "$",
             "Amount spent on this visit, from the receipt (单交易购买额)."),
    ]
    meta = {
        "name": "supermarket_satisfaction",
        "title": "Jack's Supermarket customer satisfaction survey",
        "description": (
            "400 shoppers of Jack's Supermarket (杰克超市) answer a satisfaction questionnaire "
            "built on the lesson plan's supermarket case: the six things shoppers expect of a "
            "store, price (价格低廉), convenience (交通便利), assortment (商品充足), store features "
            "(店内特色), environment (购物环境) and service (优质服务), each measured by three or "
            "four performance items (1-5), with the importance (imp_*) and the recalled "
            "expectation (exp_*) of each factor, overall satisfaction on the seven-level scale, "
            "and loyalty items matching the seven satisfaction metrics of the slides (reputation, "
            "name recall, return intention, complaints, spend per transaction, price "
            "sensitivity, referral). A few items are blank (no answer); env_4 is a deliberately "
            "weak item. Used for the expectation-performance model, Cronbach's alpha, the "
            "weighted satisfaction index CSD and importance-performance analysis. Synthetic: made "
            "to be plausible and to tell the chapter's story; see the script's docstring for the "
            "assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEED,
        "rows": n,
        "columns": columns,
    }
    return df, meta


MAKERS = [make_supermarket_satisfaction]

def main(argv: list[str] | None = None) -> None:
    crmlib.data.script_main(MAKERS, __doc__, __file__, argv)


if __name__ == "__main__":
    main()
