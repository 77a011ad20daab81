"""Make the synthetic data sets of the chapter *CRM systems and customer data (客户关系管理系统与
客户数据)*.

    python data/make_crm.py [--out DIR]

writes ``crm_customers.csv`` and ``crm_transactions.csv`` into ``DIR`` (default: the folder of
this script), together with their ``*.schema.json`` files. The output is byte-for-byte
reproducible: every random number comes from ``crmlib.seed(...)`` with the fixed seeds in
``SEEDS``, and every amount is rounded to the cent before it is written.

Both data sets are **synthetic**: plausible, made to tell the chapter's story, not records of
real people. The names are drawn from short lists of common English first and last names; any
resemblance to a real customer is chance.

The story
---------
Jack's Supermarket (杰克超市, the store of the Mrs Smith case in chapter 5) puts its customer
data into a CRM database at the end of 2025. The 600 customers of its loyalty survey
(``loyalty_survey``, made by ``make_loyalty.py``) are the **customer archive** (客户档案): the
survey gives what they think and how they buy; this script adds what the loyalty-card
registration recorded and what the tills recorded.

1. ``crm_customers`` (600 rows, one per survey customer, same ``customer_id``): the card
   registration. Assumptions:

   * ``gender``: 58 % women (grocery shopping is still done more often by women), drawn
     independently of everything else.
   * ``name``: a first name matching the gender, drawn uniformly from 40 names, and a last name
     drawn uniformly from 50.
   * ``birth_date``: consistent with the survey's ``age`` on the snapshot date 2025-12-31: the
     birthday is uniform over the customer's birth year window, so the customer is exactly
     ``age`` years old on 2025-12-31.
   * ``join_date`` (date of the first purchase with the card): consistent with the survey's
     ``tenure_months``: the month lies ``tenure_months`` before December 2025, the day is uniform
     over 1-28, so that whole months from join date to 2025-12-31 equal ``tenure_months``.
   * ``district`` of the home address (the loyalty ladder's districts): monopoly customers live
     mostly in the North, around the store (70 %, the only store within reach); everyone else
     is spread 30/25/20/25 % over North/South/East/West.
   * ``sms_opt_in`` (consent to receive text messages, 短信): 80 % yes, a little less among
     customers aged 70 or more (60 %).

2. ``crm_transactions`` (about 23,000 receipts): every purchase made with the loyalty card from
   1 July to 31 December 2025 (184 days). Assumptions:

   * Each customer shops as a Poisson process at the rate the survey gives
     (``visits_per_month`` × 12 / 365 per day), made busier on Saturdays (× 1.35) and Sundays
     (× 1.15) than on weekdays (× 0.9), and in December (× 1.2, the holiday season).
   * Receipts start on the customer's ``join_date`` (their first purchase, when it falls in
     the half year: a receipt that day) or on 1 July for everyone who joined earlier.
   * Some customers stop coming during the half year (they *lapse*): the chance rises as
     their survey intention to come back falls: 45, 30, 12, 5 and 2 % for a
     ``repurchase_intent`` of 1 to 5. The day they stop is uniform over the rest of the half
     year after their start; every customer keeps at least one receipt.
   * ``amount``: the customer's average basket (``monthly_spend`` / ``visits_per_month``) times
     a gamma factor with mean 1 and coefficient of variation 0.5, at least $1.50, in cents.
   * ``channel``: online orders are 20 % of the receipts of customers under 35, 10 % aged
     35-54 and 4 % aged 55 or more; the rest are store visits.
   * ``transaction_id`` numbers the receipts 1, 2, ... in order of date (and customer within a
     day), as the tills would.

The resulting numbers the chapter uses (last purchases, birthdays in the first week of January,
segment sizes) come from these assumptions, not from a real store.
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

SCRIPT = "make_crm.py"
SEEDS = {"crm_customers": 2026091, "crm_transactions": 2026092}
SNAPSHOT = np.datetime64("2025-12-31")
START = np.datetime64("2025-07-01")
DISTRICTS = ["North", "South", "East", "West"]
CHANNELS = ["store", "online"]

FEMALE = ["Mary", "Linda", "Susan", "Karen", "Nancy", "Lisa", "Betty", "Sandra", "Ashley",
          "Donna", "Emily", "Michelle", "Carol", "Amanda", "Melissa", "Deborah", "Laura",
          "Rebecca", "Sharon", "Cynthia", "Kathleen", "Amy", "Angela", "Helen", "Anna", "Brenda",
          "Emma", "Olivia", "Grace", "Ruth", "Julia", "Alice", "Rose", "Diana", "Joyce",
          "Lily", "Sophia", "Chloe", "Hannah", "Irene"]
MALE = ["James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas",
        "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Paul", "Steven", "Andrew", "Kevin",
        "Brian", "George", "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Jacob",
        "Gary", "Eric", "Peter", "Frank", "Scott", "Henry", "Samuel", "Patrick", "Jack", "Dennis",
        "Jerry", "Tyler", "Aaron"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson",
        "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White",
        "Lopez", "Lee", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
        "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter",
        "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
        "Collins", "Stewart", "Chen", "Wang", "Li", "Zhang", "Liu"]


def _col(name, dtype, unit, description, categories=None, ordered=None) -> dict:
    col = {"name": name, "dtype": dtype, "unit": unit, "description": description}
    if categories is not None:
        col["categories"] = list(categories)
        col["ordered"] = bool(ordered)
    return col


def _survey() -> pd.DataFrame:
    """The loyalty survey: the customers of the archive (read from the data folder)."""
    return crmlib.data.load("loyalty_survey")


# --------------------------------------------------------------------------- data set 1
def make_crm_customers() -> tuple[pd.DataFrame, dict]:
    survey = _survey()
    n = len(survey)
    rng = crmlib.seed(SEEDS["crm_customers"])
    age = survey["age"].to_numpy(dtype=int)
    tenure = survey["tenure_months"].to_numpy(dtype=int)
    monopoly = (survey["main_reason"] == "monopoly").to_numpy()

    female = rng.random(n) < 0.58
    first = np.where(female, np.array(FEMALE)[rng.integers(0, len(FEMALE), n)],
                     np.array(MALE)[rng.integers(0, len(MALE), n)])
    last = np.array(LAST)[rng.integers(0, len(LAST), n)]

    # exactly `age` on the snapshot: born on 31 Dec of (2025 - age) minus 0..364 days
    year_end = np.array([f"{y}-12-31" for y in 2025 - age], dtype="datetime64[D]")
    birth = year_end - rng.integers(0, 365, n).astype("timedelta64[D]")

    # whole months from join date to 2025-12-31 equal the survey's tenure
    month = np.datetime64("2025-12", "M") - tenure.astype("timedelta64[M]")
    join = month.astype("datetime64[D]") + rng.integers(0, 28, n).astype("timedelta64[D]")

    district_p = np.where(monopoly[:, None], [0.70, 0.10, 0.10, 0.10], [0.30, 0.25, 0.20, 0.25])
    cdf = np.cumsum(district_p, axis=1)
    district = np.minimum((rng.random(n)[:, None] > cdf).sum(axis=1), 3)
    opt_in = rng.random(n) < np.where(age >= 70, 0.60, 0.80)

    df = pd.DataFrame({
        "customer_id": survey["customer_id"].astype(str).to_numpy(),
        "name": np.char.add(np.char.add(first.astype(str), " "), last.astype(str)),
        "gender": np.where(female, "F", "M"),
        "birth_date": pd.to_datetime(birth).strftime("%Y-%m-%d"),
        "join_date": pd.to_datetime(join).strftime("%Y-%m-%d"),
        "district": np.array(DISTRICTS)[district],
        "sms_opt_in": opt_in,
    })
    columns = [
        _col("customer_id", "string", "",
             "Customer number at Jack's Supermarket, C0001..C0600; the same customers, with the "
             "same numbers, as the loyalty_survey data set."),
        _col("name", "string", "", "Name given at card registration (synthetic: drawn from "
             "short lists of common first and last names)."),
        _col("gender", "category", "", "Gender given at registration: F = female, M = male.",
             ["F", "M"], False),
        _col("birth_date", "date", "YYYY-MM-DD",
             "Date of birth (for birthday greetings, 生日关怀); the customer is exactly the "
             "survey's age on 2025-12-31."),
        _col("join_date", "date", "YYYY-MM-DD",
             "Date of the first purchase at Jack's (入会日期); whole months from it to 2025-12-31 "
             "equal the survey's tenure_months."),
        _col("district", "category", "",
             "District of the home address in Jack's trade area: North (around the store), "
             "South, East (next to a competing hypermarket), West.", DISTRICTS, False),
        _col("sms_opt_in", "bool", "",
             "Whether the customer agreed to receive text messages (短信) from Jack's."),
    ]
    meta = {
        "name": "crm_customers",
        "title": "Jack's Supermarket customer archive: loyalty-card registrations",
        "description": (
            "The registration details of the 600 customers of the loyalty survey (same "
            "customer_id): name, gender, date of birth, date of first purchase, home district "
            "and consent to text messages. With loyalty_survey and crm_transactions it forms the "
            "customer archive (客户档案) loaded into the chapter's SQLite database; the snapshot "
            "date is 2025-12-31. Synthetic: made to be plausible; see the script's docstring "
            "for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["crm_customers"],
        "rows": n,
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- data set 2
def make_crm_transactions() -> tuple[pd.DataFrame, dict]:
    survey = _survey()
    n = len(survey)
    rng = crmlib.seed(SEEDS["crm_transactions"])
    days = int((SNAPSHOT - START).astype(int)) + 1                      # 184
    dates = START + np.arange(days).astype("timedelta64[D]")
    weekday = (dates.astype("datetime64[D]").view("int64") - 4) % 7      # 0 = Monday
    weight = np.select([weekday == 5, weekday == 6], [1.35, 1.15], 0.9)
    weight = weight * np.where(pd.DatetimeIndex(dates).month == 12, 1.2, 1.0)
    weight = weight / weight.mean()                                      # mean 1: rate kept

    visits = survey["visits_per_month"].to_numpy(float)
    rate = visits * 12 / 365                                             # visits per day
    join = pd.to_datetime(make_crm_customers()[0]["join_date"]).to_numpy().astype("datetime64[D]")
    join_idx = np.clip((join - START).astype(int), 0, days - 1)         # 0 if joined before July
    intent = survey["repurchase_intent"].to_numpy(int)
    lapse_p = np.array([0.45, 0.30, 0.12, 0.05, 0.02])[intent - 1]
    lapses = rng.random(n) < lapse_p
    # the first day without shopping: after at least one day of the half year as a customer
    stop = np.where(lapses, join_idx + 1 + np.floor(rng.random(n) * (days - join_idx - 1)), days)
    stop = stop.astype(int)

    # Poisson visits on every (customer, day), the day's weight scaling the rate
    counts = rng.poisson(rate[:, None] * weight[None, :])                # (n, days)
    day_no = np.arange(days)[None, :]
    counts = np.where((day_no >= join_idx[:, None]) & (day_no < stop[:, None]), counts, 0)
    # the join date is the first purchase: customers who joined in the half year buy that day
    joined_now = join >= START
    counts[joined_now, join_idx[joined_now]] = np.maximum(counts[joined_now, join_idx[joined_now]], 1)
    # everyone keeps at least one receipt, on a day they were still a customer
    none = ~(counts > 0).any(axis=1)
    some_day = join_idx + np.floor(rng.random(n) * (stop - join_idx)).astype(int)
    counts[none, some_day[none]] = 1

    cust, day = np.nonzero(counts)
    reps = counts[cust, day]
    cust, day = np.repeat(cust, reps), np.repeat(day, reps)
    basket = (survey["monthly_spend"].to_numpy(float) / np.maximum(visits, 0.5))[cust]
    amount = np.maximum(np.round(basket * rng.gamma(4.0, 0.25, cust.size), 2), 1.50)
    age = survey["age"].to_numpy(int)[cust]
    online_p = np.select([age < 35, age < 55], [0.20, 0.10], 0.04)
    channel = np.where(rng.random(cust.size) < online_p, "online", "store")

    ids = survey["customer_id"].astype(str).to_numpy()[cust]
    order = np.lexsort((ids, day))                                       # by day, then customer
    df = pd.DataFrame({
        "transaction_id": np.arange(1, cust.size + 1),
        "customer_id": ids[order],
        "purchase_date": pd.to_datetime(dates[day[order]]).strftime("%Y-%m-%d"),
        "amount": amount[order],
        "channel": channel[order],
    })
    columns = [
        _col("transaction_id", "int", "", "Receipt number (小票号), 1, 2, ... in order of date."),
        _col("customer_id", "string", "", "The loyalty-card holder, C0001..C0600 "
             "(crm_customers, loyalty_survey)."),
        _col("purchase_date", "date", "YYYY-MM-DD",
             "Date of the purchase, 2025-07-01 to 2025-12-31."),
        _col("amount", "float", "$", "Amount paid on the receipt, in dollars and cents (> 0)."),
        _col("channel", "category", "", "Where the purchase was made: store = at the till, "
             "online = a home-delivery order.", CHANNELS, False),
    ]
    meta = {
        "name": "crm_transactions",
        "title": "Jack's Supermarket loyalty-card receipts, July to December 2025",
        "description": (
            "Every purchase the 600 archive customers made with their loyalty card from "
            "2025-07-01 to 2025-12-31: receipt number, customer, date, amount and channel. "
            "Purchase rates and basket sizes follow each customer's loyalty-survey answers; "
            "customers with a low intention to return often stop coming during the half year, "
            "so the chapter's care list finds them. Synthetic: made to be plausible; see the "
            "script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["crm_transactions"],
        "rows": len(df),
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- main
MAKERS = [make_crm_customers, make_crm_transactions]


def main(argv: list[str] | None = None) -> None:
    crmlib.data.script_main(MAKERS, __doc__, __file__, argv)


if __name__ == "__main__":
    main()
