"""Make the synthetic data sets of the chapter *Building and keeping relationships (建立和维护客户关系)*.

    python data/make_relationships.py [--out DIR]

writes ``club_cohorts.csv`` and ``club_cashflows.csv`` into ``DIR`` (default: the folder of
this script), together with their ``*.schema.json`` files. The output is byte-for-byte
reproducible: every random number comes from ``crmlib.seed(...)`` with the fixed seeds in
``SEEDS``, and every float is rounded before it is written.

Both data sets are **synthetic**: made to be plausible and to tell the chapter's story, not
measured. The assumptions behind each distribution are listed here so that a reader can judge
(and change) them.

The story
---------
After losing customers like Mrs Smith (chapter 5), Jack's Supermarket (杰克超市) launched a
membership club, *Jack's Club*, in January 2019: a free card, member prices, points, and the
611 contact plan for new members. Seven years later the manager asks: what is a member worth,
how fast does the club leak, and where will membership settle if nothing changes?

1. ``club_cohorts`` (28 rows: one per cohort and year, 2019-2025). Each year's new members form
   a cohort (同期群). For each cohort and each year since it joined: the members still active
   (at least one purchase in the year, card not cancelled) and the gross margin they brought.

   * Cohort sizes (members who joined in the year) are assumed: 1,800 at the launch in 2019,
     then about 1,200-1,400 a year, except 2023, when a sign-up drive with a free gift brought
     2,600 members.
   * Retention (保留率) from one year to the next is binomial per cohort: **70%** from the first
     year to the second (many members joined for the welcome offer), **82%** in later years
     (the members who stay are the loyal ones). The gift-drive cohort of 2023 keeps only
     **48%** after its first year, then 80%. So retention is *not* constant, which is the first
     thing to check before using a constant-retention CLV formula.
   * Gross margin per active member (毛利): $190 a year in the second year of membership,
     growing 5% a year with tenure (members add departments: the add-on sales driver of CLV);
     in the joining year only half of that, since members join on average in mid-year. The
     2023 gift-drive members spend 15% less. The cohort's margin is members x margin per
     member x (1 + normal noise, sd 3%), rounded to dollars.

2. ``club_cashflows`` (one row per member and membership year while the member stays): a
   random sample of 300 members who joined in 2020, followed for their first five membership
   years (12 months each from the day they joined, so year 1 is a full year). The columns are
   the four drivers of customer lifetime value in the source (life length, revenue per period,
   add-on sales, referrals) plus the cost of serving the member:

   * Life length: a member stays into the next year with probability 0.70 after year 1 and
     0.82 after later years (as in the cohorts); a member who leaves has no more rows.
   * ``purchase_margin``: gross margin on regular shopping; each member has a level drawn
     log-normal (median $170 a year, sdlog 0.45), growing 4% a year, times year-to-year noise
     (log-normal, sdlog 0.15).
   * ``addon_margin``: margin on the club's add-on services (home delivery, pharmacy, photo
     printing). The chance of using one rises with tenure, 10% in year 1 to 50% in year 5;
     users bring gamma-distributed margin (mean $45).
   * ``referrals``: friends who joined on the member's recommendation, Poisson with mean 0.10
     in year 1 rising by 0.05 a year (members recommend more as they grow attached).
   * ``serving_cost``: card, mailings and the rewards paid: $12 a year plus rewards worth 8% of
     the purchase margin.
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

SCRIPT = "make_relationships.py"
SEEDS = {"club_cohorts": 2026081, "club_cashflows": 2026082}
YEARS = list(range(2019, 2026))


def _col(name, dtype, unit, description) -> dict:
    return {"name": name, "dtype": dtype, "unit": unit, "description": description}


# --------------------------------------------------------------------------- data set 1
def make_club_cohorts() -> tuple[pd.DataFrame, dict]:
    rng = crmlib.seed(SEEDS["club_cohorts"])
    joined = {2019: 1800, 2020: 1200, 2021: 1300, 2022: 1250, 2023: 2600, 2024: 1400,
              2025: 1350}
    rows = []
    for cohort in YEARS:
        gift_drive = cohort == 2023
        first_year_retention, later_retention = (0.48, 0.80) if gift_drive else (0.70, 0.82)
        spend_factor = 0.85 if gift_drive else 1.0
        members = joined[cohort]
        for year in range(cohort, YEARS[-1] + 1):
            tenure = year - cohort                       # 0 in the joining year
            if tenure == 1:
                members = int(rng.binomial(members, first_year_retention))
            elif tenure > 1:
                members = int(rng.binomial(members, later_retention))
            per_member = 190.0 * spend_factor * 1.05 ** max(tenure - 1, 0)
            if tenure == 0:
                per_member *= 0.5                        # joined, on average, in mid-year
            margin = members * per_member * (1 + rng.normal(0, 0.03))
            rows.append((cohort, year, tenure, members, round(float(margin))))
    df = pd.DataFrame(rows, columns=["cohort", "year", "tenure", "active_members", "gross_margin"])
    columns = [
        _col("cohort", "int", "year",
             "Year in which the members joined Jack's Club (同期群, 2019-2025)."),
        _col("year", "int", "year", "Calendar year observed (2019-2025)."),
        _col("tenure", "int", "years",
             "Years since joining: year - cohort (0 = the joining year)."),
        _col("active_members", "int", "members",
             "Members of the cohort still active in the year (at least one purchase, card not "
             "cancelled); in the joining year, everyone who joined."),
        _col("gross_margin", "int", "$",
             "Gross margin (毛利) on the cohort's purchases at Jack's in the year, in dollars. "
             "Members join on average in mid-year, so the joining year holds about half a year "
             "of margin."),
    ]
    meta = {
        "name": "club_cohorts",
        "title": "Jack's Club members by cohort and year (retention and margin)",
        "description": (
            "Jack's Supermarket's membership club, launched in 2019: for each cohort of new "
            "members (2019-2025) and each year since, the members still active and the gross "
            "margin they brought. Used to estimate retention rates (first-year retention is "
            "lower; the 2023 gift-drive cohort leaks fastest), margin per member and the "
            "retention-based customer lifetime value, and to watch the leaky bucket fill. "
            "Synthetic: made to be plausible; see the script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["club_cohorts"],
        "rows": len(df),
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- data set 2
def make_club_cashflows() -> tuple[pd.DataFrame, dict]:
    n, horizon = 300, 5
    rng = crmlib.seed(SEEDS["club_cashflows"])
    level = 170.0 * np.exp(rng.normal(0.0, 0.45, n))           # member's yearly margin level
    active = np.ones(n, dtype=bool)
    frames = []
    for year in range(1, horizon + 1):
        if year > 1:
            stay = 0.70 if year == 2 else 0.82
            active &= rng.random(n) < stay
        noise = np.exp(rng.normal(0.0, 0.15, n))
        purchase = level * 1.04 ** (year - 1) * noise
        uses_addon = rng.random(n) < 0.10 * year
        addon = np.where(uses_addon, rng.gamma(3.0, 15.0, n), 0.0)
        referrals = rng.poisson(0.10 + 0.05 * (year - 1), n)
        cost = 12.0 + 0.08 * purchase
        frames.append(pd.DataFrame({
            "member_id": [f"M{i:04d}" for i in range(1, n + 1)],
            "year": year,
            "purchase_margin": np.round(purchase, 2),
            "addon_margin": np.round(addon, 2),
            "referrals": referrals,
            "serving_cost": np.round(cost, 2),
        })[active])
    df = pd.concat(frames).sort_values(["member_id", "year"], kind="stable").reset_index(drop=True)
    columns = [
        _col("member_id", "string", "", "Member number, M0001..M0300 (members who joined in 2020)."),
        _col("year", "int", "membership year",
             "Year of membership, 1-5, each the 12 months from the anniversary of joining. A "
             "member who left has no rows after leaving (life length, 顾客平均生命长度)."),
        _col("purchase_margin", "float", "$",
             "Gross margin on the member's regular shopping in the year (revenue driver, "
             "每个时期的平均收入)."),
        _col("addon_margin", "float", "$",
             "Gross margin on add-on services used in the year: home delivery, pharmacy, photo "
             "printing (附加产品和服务的销售额); 0 if none."),
        _col("referrals", "int", "members",
             "Friends who joined the club on this member's recommendation in the year "
             "(顾客介绍来的其他顾客)."),
        _col("serving_cost", "float", "$",
             "Cost of serving the member in the year: card and mailings ($12) plus the "
             "rewards paid (8% of the purchase margin)."),
    ]
    meta = {
        "name": "club_cashflows",
        "title": "Cash flows of 300 Jack's Club members over their first five years",
        "description": (
            "A sample of 300 members who joined Jack's Club in 2020, followed for up to five "
            "membership years while they stayed: margin on purchases and on add-on services, "
            "referrals and the cost of serving them, the drivers of customer lifetime value. "
            "Used for the discount method (贴现法): net cash flow per member and year, "
            "discounted to the joining date. Synthetic: made to be plausible; see the script's "
            "docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["club_cashflows"],
        "rows": len(df),
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- main
MAKERS = [make_club_cohorts, make_club_cashflows]


def main(argv: list[str] | None = None) -> None:
    crmlib.data.script_main(MAKERS, __doc__, __file__, argv)


if __name__ == "__main__":
    main()
