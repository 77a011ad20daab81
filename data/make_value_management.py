"""Make the synthetic data sets of the chapter *Customer Value Management (客户价值管理)*.

    python data/make_value_management.py [--out DIR]

writes ``value_customers.csv`` and ``value_transactions.csv`` into ``DIR`` (default: the folder
of this script), together with their ``*.schema.json`` files. The output is byte-for-byte
reproducible: every random number comes from ``crmlib.seed(SEED)``, every float is rounded
before it is written, and the two tables are made together, so they agree with each other (a
customer's visits and revenue are the count and sum of their transactions).

Both data sets are **synthetic**: plausible, made to tell the chapter's story, not measurements.

The story
---------
Jack's Supermarket (杰克超市, the store of the Mrs Smith case in chapter 5) launched a
membership card. A year later, 2,000 cardholders have a full year of purchase records (2025).
The manager asks: *which members are worth most to the store now, which will be worth most in
the future, and what should each group get?* Chapter 6 answers with current value (this year's
net profit), potential value (discounted net cash flow over the rest of the relationship), an
indicator index weighted by AHP and by entropy, the current x potential value matrix, and RFM.

Assumptions
-----------
* **Life stage** (``life_stage``) drives most differences, with shares young single 15 %,
  young family 22 %, established family 28 %, empty nester 20 %, retired 15 %. Ages are normal
  within each stage (means 27, 34, 45, 58, 72).
* ``tenure_years`` (years since the first purchase at Jack's) is log-normal with medians 1.5,
  2, 7, 10 and 14 years by stage (sdlog 0.7). Members with less than a year joined during 2025
  and have transactions only from their joining day.
* ``monthly_budget`` (the household's grocery spending at all stores) is log-normal with
  medians $320, $750, $900, $520, $400 (sdlog 0.3). The intended share of it spent at Jack's is
  logit-normal with medians 0.30, 0.38, 0.60, 0.62, 0.66 (sd 0.6 on the logit scale).
* **Visits**: a member active all year makes a Poisson number of visits whose mean is gamma
  distributed around 22, 40, 45, 38, 55 a year by stage (shape 4). Each visit is online (home
  delivery) with a stage-specific probability (10, 30, 20, 8, 5 %).
* **Lapsed members**: 18, 7, 5, 7, 10 % (by stage) stop buying on a uniformly drawn day of the
  year; nothing is recorded after it.
* **Amounts**: the intended yearly spend (12 x budget x share) divided by the expected visits,
  times log-normal noise (sdlog 0.35, mean 1); online baskets are 1.8 times larger than store
  baskets (with the yearly spend unchanged). Spending drifts over
  the year with the member's trend (below), so growing members spend more in December than in
  January. Amounts are at least $2.
* **Cherry pickers** (12 % of members, more often young singles): mostly buy promotions, with a
  gross margin of about 15 % instead of 26 % (sd 2.5 points) and coupons worth 9 % of their
  spending instead of 1.5 %.
* ``cost_of_goods_12m`` = revenue x (1 - gross margin); ``fixed_marketing_cost`` is the card
  programme's fixed cost allocated equally, $25 per member; ``variable_marketing_cost`` =
  coupons + $10 per home delivery + $4 per service contact (Poisson, mean 1.5 + 0.05 per online
  order).
* ``spend_trend`` (% change of monthly spending, 2025 vs 2024, or since joining) is normal with
  means +4, +14, +2, -4, -7 by stage (sd 9), -2 for cherry pickers, and -40 to -80 for lapsed
  members.
* ``repurchase_intent`` (1-5, from the card survey) rises with the wallet share and the life
  stage's attachment; lapsed members and cherry pickers score lower. ``referrals_12m`` is
  Poisson with mean 0.4 x exp(0.6 (intent - 3)), at most 12.
* ``expected_remaining_years`` (the store's estimate of how many more years the relationship
  lasts) has stage bases 4, 12, 10, 8, 6 years, scaled by intent (x 0.6 at intent 1 up to x 1.4
  at 5), 0 for lapsed members, whole years 0-20.
* ``expected_annual_cash_flow`` (the store's forecast of the member's average yearly net cash
  flow over those years) uses the same formula as current value with a future budget (x 1.1,
  1.3, 1.05, 0.9, 0.85 by stage) and a future wallet share moving halfway from today's towards
  0.45, 0.60, 0.65, 0.65, 0.70; young families are expected to grow into the store's best
  customers, retirees to spend less.
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

SCRIPT = "make_value_management.py"
SEED = 2026071
N_CUSTOMERS = 2000
YEAR_START, YEAR_DAYS = pd.Timestamp("2025-01-01"), 365
FIXED_MARKETING_COST = 25.0
DELIVERY_COST, CONTACT_COST = 10.0, 4.0

STAGES = ["young single", "young family", "established family", "empty nester", "retired"]
CHANNELS = ["store", "online"]

#                     single  y.family  est.family  empty  retired
STAGE_SHARE = np.array([0.15, 0.22, 0.28, 0.20, 0.15])
AGE_MU = np.array([27.0, 34.0, 45.0, 58.0, 72.0])
AGE_SD = np.array([4.0, 4.0, 5.0, 5.0, 6.0])
AGE_LO = np.array([18, 24, 33, 47, 62])
AGE_HI = np.array([36, 46, 62, 72, 92])
TENURE_MED = np.array([1.5, 2.0, 7.0, 10.0, 14.0])
BUDGET_MED = np.array([320.0, 750.0, 900.0, 520.0, 400.0])
SHARE_MED = np.array([0.30, 0.38, 0.60, 0.62, 0.66])
VISITS_MU = np.array([22.0, 40.0, 45.0, 38.0, 55.0])
ONLINE_P = np.array([0.10, 0.30, 0.20, 0.08, 0.05])
LAPSE_P = np.array([0.18, 0.07, 0.05, 0.07, 0.10])
CHERRY_P = np.array([0.22, 0.14, 0.09, 0.08, 0.10])
TREND_MU = np.array([4.0, 14.0, 2.0, -4.0, -7.0])
INTENT_SHIFT = np.array([-0.4, 0.4, 0.4, 0.2, 0.3])
LIFE_BASE = np.array([4.0, 12.0, 10.0, 8.0, 6.0])
FUTURE_BUDGET = np.array([1.1, 1.3, 1.05, 0.9, 0.85])
TARGET_SHARE = np.array([0.45, 0.60, 0.65, 0.65, 0.70])


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _logit(p: np.ndarray) -> np.ndarray:
    return np.log(p / (1.0 - p))


_col = crmlib.data.column  # one schema-column format for every data set


def make_tables() -> tuple[tuple[pd.DataFrame, dict], tuple[pd.DataFrame, dict]]:
    """Both tables, made from one seeded generator so that they agree."""
    rng = crmlib.seed(SEED)
    n = N_CUSTOMERS
    stage = rng.choice(len(STAGES), size=n, p=STAGE_SHARE)
    age = np.clip(np.rint(rng.normal(AGE_MU[stage], AGE_SD[stage])), AGE_LO[stage],
                  AGE_HI[stage]).astype(int)
    tenure = np.round(np.clip(TENURE_MED[stage] * np.exp(rng.normal(0, 0.7, n)), 0.1, 30.0), 1)
    budget = np.round(BUDGET_MED[stage] * np.exp(rng.normal(0, 0.3, n)), 2)
    share_intended = _expit(_logit(SHARE_MED[stage]) + rng.normal(0, 0.6, n))
    cherry = rng.random(n) < CHERRY_P[stage]
    lapsed = rng.random(n) < LAPSE_P[stage]

    # active window within 2025, in days from 1 January: from joining (if in 2025) to lapsing
    start = np.where(tenure < 1.0, np.floor((1.0 - tenure) * YEAR_DAYS), 0.0)
    end = np.full(n, float(YEAR_DAYS))
    lapse_day = start + rng.random(n) * (YEAR_DAYS - start)
    end = np.where(lapsed, np.maximum(lapse_day, start + 7), end)
    active = (end - start) / YEAR_DAYS

    trend = np.where(lapsed, -rng.uniform(40, 80, n),
                     rng.normal(TREND_MU[stage] - 2.0 * cherry, 9.0))
    trend = np.round(trend, 1)

    # --- transactions --------------------------------------------------------------------
    rate = rng.gamma(4.0, VISITS_MU[stage] / 4.0)           # visits a year if active all year
    counts = rng.poisson(rate * active)
    counts = np.maximum(counts, 1)                           # every cardholder bought once
    owner = np.repeat(np.arange(n), counts)
    day = np.floor(start[owner] + rng.random(owner.size) * (end[owner] - start[owner]))
    day = np.minimum(day, YEAR_DAYS - 1).astype(int)
    online = rng.random(owner.size) < ONLINE_P[stage][owner]
    yearly = 12.0 * budget * share_intended
    per_visit = yearly / np.maximum(rate, 1.0)
    growth = np.log1p(np.clip(trend, -90, None) / 100.0)     # spending drifts with the trend
    drift = np.exp(growth[owner] * (day / YEAR_DAYS - 0.5))
    basket = np.where(online, 1.8, 1.0) / (1.0 + 0.8 * ONLINE_P[stage][owner])  # mean 1
    amount = per_visit[owner] * np.exp(rng.normal(-0.06, 0.35, owner.size)) * drift * basket
    amount = np.round(np.maximum(amount, 2.0), 2)

    order = np.lexsort((owner, day))                         # by date, then customer
    owner, day, online, amount = owner[order], day[order], online[order], amount[order]
    ids = np.array([f"M{i:04d}" for i in range(1, n + 1)])
    dates = (YEAR_START + pd.to_timedelta(day, unit="D")).strftime("%Y-%m-%d")
    transactions = pd.DataFrame({
        "transaction_id": [f"T{i:06d}" for i in range(1, owner.size + 1)],
        "customer_id": ids[owner],
        "date": dates,
        "channel": np.array(CHANNELS)[online.astype(int)],
        "amount": amount,
    })

    # --- customer table, aggregated from the transactions --------------------------------
    visits = np.bincount(owner, minlength=n)
    revenue = np.round(np.bincount(owner, weights=amount, minlength=n), 2)
    orders_online = np.bincount(owner, weights=online.astype(float), minlength=n)
    margin = np.where(cherry, rng.normal(0.15, 0.025, n), rng.normal(0.26, 0.025, n))
    margin = np.clip(margin, 0.08, 0.40)
    cogs = np.round(revenue * (1.0 - margin), 2)
    gross_profit = np.round(revenue - cogs, 2)
    coupon_rate = np.where(cherry, 0.09, 0.015)
    contacts = rng.poisson(1.5 + 0.05 * orders_online)
    variable = np.round(coupon_rate * revenue + DELIVERY_COST * orders_online
                        + CONTACT_COST * contacts, 2)
    wallet_share = np.round(np.clip(revenue / (12.0 * budget), 0.005, 0.99), 3)

    intent_latent = (3.3 + INTENT_SHIFT[stage] + 1.5 * (wallet_share - 0.5)
                     - 1.5 * lapsed - 0.5 * cherry + rng.normal(0, 0.7, n))
    intent = np.clip(np.rint(intent_latent), 1, 5).astype(int)
    referrals = np.minimum(rng.poisson(0.4 * np.exp(0.6 * (intent - 3))), 12)
    life = LIFE_BASE[stage] * (0.6 + 0.2 * (intent - 1)) * np.exp(rng.normal(0, 0.25, n))
    remaining = np.where(lapsed, 0, np.clip(np.rint(life), 0, 20)).astype(int)

    future_share = share_intended + 0.5 * (TARGET_SHARE[stage] - share_intended)
    future_revenue = 12.0 * budget * FUTURE_BUDGET[stage] * future_share
    future_variable = (coupon_rate * future_revenue
                       + DELIVERY_COST * ONLINE_P[stage] * rate + CONTACT_COST * 1.5)
    cash_flow = future_revenue * margin - FIXED_MARKETING_COST - future_variable
    cash_flow = np.round(np.where(lapsed, 0.0, cash_flow), 2)

    customers = pd.DataFrame({
        "customer_id": ids,
        "life_stage": np.array(STAGES)[stage],
        "age": age,
        "tenure_years": tenure,
        "monthly_budget": budget,
        "wallet_share": wallet_share,
        "visits_12m": visits,
        "revenue_12m": revenue,
        "cost_of_goods_12m": cogs,
        "gross_profit_12m": gross_profit,
        "fixed_marketing_cost": np.full(n, FIXED_MARKETING_COST),
        "variable_marketing_cost": variable,
        "spend_trend": trend,
        "repurchase_intent": intent,
        "referrals_12m": referrals,
        "expected_remaining_years": remaining,
        "expected_annual_cash_flow": cash_flow,
    })
    return (customers, _customers_meta(len(customers))), \
        (transactions, _transactions_meta(len(transactions)))


def _customers_meta(rows: int) -> dict:
    columns = [
        _col("customer_id", "string", "", "Membership card number, M0001..M2000; the key to "
             "value_transactions."),
        _col("life_stage", "category", "",
             "Household life stage (家庭生命周期), from the card application: young single, "
             "young family (children under 12), established family, empty nester (children "
             "have left), retired.", STAGES, True),
        _col("age", "int", "years", "Age of the cardholder."),
        _col("tenure_years", "float", "years",
             "Years since the first purchase at Jack's (客户关系持续时间); under 1 = joined "
             "during 2025."),
        _col("monthly_budget", "float", "$ per month",
             "The household's grocery spending at all stores (from the card survey): the size of "
             "the wallet."),
        _col("wallet_share", "float", "share 0-1",
             "Share of wallet (钱包份额): revenue_12m / (12 x monthly_budget), the share of the "
             "household's grocery spending that came to Jack's in 2025."),
        _col("visits_12m", "int", "visits",
             "Purchase frequency (购买频率/购买量): number of transactions in 2025 (the count of the "
             "member's rows in value_transactions)."),
        _col("revenue_12m", "float", "$",
             "The price the member actually paid (客户实际支付价格): sum of the member's "
             "transaction amounts in 2025, after discounts."),
        _col("cost_of_goods_12m", "float", "$",
             "Production cost allocated to the member (实际分摊的生产成本): the purchase cost of "
             "the goods the member bought in 2025."),
        _col("gross_profit_12m", "float", "$",
             "Gross profit (毛利润) = revenue_12m - cost_of_goods_12m."),
        _col("fixed_marketing_cost", "float", "$",
             "Fixed marketing cost (固定营销成本) allocated to the member: the card programme's "
             "fixed cost (cards, member magazine, events) shared equally, $25 per member."),
        _col("variable_marketing_cost", "float", "$",
             "Variable marketing cost (可变营销成本), which the source also calls service cost "
             "(服务成本): coupons redeemed, home deliveries ($10 each) and service contacts ($4 "
             "each) in 2025."),
        _col("spend_trend", "float", "%",
             "Trend of spending (消费变化趋势): % change of monthly spending in 2025 against 2024 "
             "(for members who joined in 2025: their last three months against their first "
             "three)."),
        _col("repurchase_intent", "int", "scale 1-5",
             "Loyalty / trust (客户忠诚与信任): 'I will keep shopping at Jack's', 1 = certainly "
             "not ... 5 = certainly (card survey, December 2025)."),
        _col("referrals_12m", "int", "people",
             "Word of mouth (口碑): people the member brought to the card programme in 2025 "
             "(referral codes used)."),
        _col("expected_remaining_years", "int", "years",
             "Remaining life cycle (剩余生命周期): the store's estimate of how many more years the "
             "relationship will last; 0 for members who have stopped buying."),
        _col("expected_annual_cash_flow", "float", "$ per year",
             "The store's forecast of the member's average yearly net cash flow (净现金流) over "
             "the remaining years: future revenue x margin - marketing costs. Discount it over "
             "expected_remaining_years to get potential value."),
    ]
    return {
        "name": "value_customers",
        "title": "Jack's Supermarket cardholders: the indicators of customer value",
        "description": (
            "2,000 members of the membership card that Jack's Supermarket (杰克超市) launched "
            "after the Mrs Smith case, with a year of purchase records (2025) aggregated from "
            "value_transactions, costs, a short survey and the store's forecasts. Holds "
            "everything chapter 6 needs: current value by the source's formula (net profit = "
            "revenue - production cost - fixed marketing cost - variable marketing cost), "
            "potential value (expected annual cash flow discounted over the expected remaining "
            "years), and the indicators of a customer value index system (gross profit, "
            "purchase frequency, service cost; loyalty, wallet share, trend, word of mouth, "
            "remaining life). Synthetic: made to be plausible and to tell the chapter's story; "
            "see the script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEED,
        "rows": rows,
        "columns": columns,
    }


def _transactions_meta(rows: int) -> dict:
    columns = [
        _col("transaction_id", "string", "", "Transaction number, in date order."),
        _col("customer_id", "string", "", "Membership card number (see value_customers)."),
        _col("date", "date", "", "Day of the purchase, 2025-01-01 .. 2025-12-31."),
        _col("channel", "category", "",
             "store = bought in the store; online = ordered online with home delivery.",
             CHANNELS, False),
        _col("amount", "float", "$", "Amount paid for the basket, after discounts."),
    ]
    return {
        "name": "value_transactions",
        "title": "Jack's Supermarket card transactions, 2025",
        "description": (
            f"Every purchase made with a Jack's Supermarket membership card in 2025 "
            f"({rows:,} baskets by 2,000 members): date, channel and amount. Used for RFM "
            "(recency, frequency, monetary value) scoring and segmentation, computed with a "
            "vectorised groupby; as_of 2026-01-01. Aggregates to visits_12m and revenue_12m of "
            "value_customers. Synthetic: see the script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEED,
        "rows": rows,
        "columns": columns,
    }


def main(argv: list[str] | None = None) -> None:
    crmlib.data.script_main([make_tables], __doc__, __file__, argv)


if __name__ == "__main__":
    main()
