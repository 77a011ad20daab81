"""Make the synthetic data sets of the chapter *Customer Service Management and SERVQUAL
(客户服务管理与SERVQUAL量表)*.

    python data/make_service.py [--out DIR]

writes ``servqual_survey.csv`` and ``complaints_log.csv`` into ``DIR`` (default: the folder of
this script), together with their ``*.schema.json`` files. The output is byte-for-byte
reproducible: every random number comes from ``crmlib.seed(...)`` with the fixed seeds in
``SEEDS``, and every float is rounded before it is written.

Both data sets are **synthetic**. They are not measurements of a real hotel or of real guests;
they are made to be plausible and to tell the chapter's teaching story. The assumptions behind
each distribution are listed here so that a reader can judge (and change) them.

The story
---------
The Lakeside Hotel (湖畔酒店) is a four-star city hotel with 180 rooms and about 24,000 guest
stays a year, half business and half leisure. Its rooms were last refurbished ten years ago;
its front desk is understaffed at peak hours; and on 1 July 2025 it switched to a new billing
system whose errors took the autumn to fix. The chapter asks: *where does the hotel's service
fall short of what guests expect, which shortfalls matter most to them, and what do its
complaints say?*

1. ``servqual_survey`` (300 guests, autumn 2025). A random sample of guests answered the
   22-item SERVQUAL questionnaire of :data:`crmlib.servqual.ITEMS` twice (expectations of an
   excellent city hotel, E1-E22; perceptions of the Lakeside, P1-P22; 1 = strongly disagree ...
   7 = strongly agree), shared 100 importance points among the five dimensions, rated overall
   service quality, and said whether they had a problem during the stay and, if so, whether
   they complained. Assumptions:

   * ``guest_type``: 55 % business, 45 % leisure.
   * Expectations: each item has a mean between 5.5 and 6.4 (higher for reliability, assurance
     and prompt service); each guest has a personal level (normal, sd 0.45) and each answer normal
     noise (sd 0.6); business guests expect 0.2 more of reliability and responsiveness. Answers are
     rounded and clipped to 1..7, so many expectations sit at the ceiling of 7.
   * Perceptions: the item's mean expectation plus a designed gap, plus a personal "halo"
     (normal, sd 0.5), a personal effect per dimension (sd 0.35) and answer noise (sd 0.6),
     rounded and clipped. Designed gaps (before rounding and clipping shrink them):
     tangibles -1.3 (dated equipment and Wi-Fi), -0.8, 0.0, -0.7; reliability -0.9, -0.8, -1.0,
     -0.9 and -1.8 on error-free records (the billing system); responsiveness -1.0, -1.9 on prompt
     service (check-in queues), -1.1, -1.4; assurance -0.4, -0.2, -0.3, -0.6; empathy -0.8, -1.0,
     -0.6, -0.9, -0.3. Business guests, who arrive at peak hours, see responsiveness gaps 0.5
     larger; leisure guests 0.4 smaller.
   * Missing perceptions: P8 (room service and laundry on time) is left blank by guests who did
     not use them (20 % of leisure and 5 % of business guests), P22 (opening hours) by 4 %, and
     0.2 % of all other perception answers are blank at random. Expectations are complete.
   * Importance points (imp_*): Dirichlet draws (concentration 25) around a segment mean,
     rounded to whole points that add up to 100 (largest remainders). Means: business 9 /
     33 / 26 / 18 / 14, leisure 14 / 31 / 17 / 20 / 18 (tangibles / reliability /
     responsiveness / assurance / empathy); overall about 11 / 32 / 22 / 19 / 16, the averages
     that Zeithaml, Parasuraman & Berry (1990) report across industries.
   * ``overall_quality`` (1-7): the guest's mean perception plus normal noise (sd 0.5), rounded.
   * ``had_problem``: logistic in the guest's mean gap, about 28 % overall.
     ``complained`` (only asked of guests with a problem): 20 % of business and 10 % of leisure
     guests with a problem, so that roughly 5-6 guests with a problem stay silent for each one
     who complains: far fewer than the TARP figure of 26, because here a word at the front desk
     counts as a complaint.

2. ``complaints_log`` (the hotel's complaints of 2025, about 1,000). One row per complaint
   (24,000 stays × 28 % with a problem × 15 % complaining ≈ 1,000). Assumptions:

   * Volume per month follows occupancy (index 0.75 in January and February, 1.0 in spring and
     autumn, 1.15 in July and August, 1.25 in October's Golden Week); complaints are Poisson
     around it; dates are uniform within the month.
   * ``category`` shares (base): check-in delay 19 %, maintenance (Wi-Fi, TV, air conditioning)
     17 %, cleanliness 12 %, noise 12 %, staff attitude 9 %, booking error 8 %, food and
     beverage 8 %, billing error 8 %, before normalising; billing errors are 3.5 times as
     likely in July-September (the new billing system) and 1.8 times in October, then back.
   * ``channel``: front desk 45 %, phone 15 %, e-mail 10 %, online review 15 %, WeChat 15 % in
     January; online reviews and WeChat gain 6 points each over the year at the front desk's
     expense.
   * ``guest_type``: 55 % business; ``severity``: 'major' with probability 0.5 for billing,
     booking and staff attitude, 0.2 otherwise.
   * ``resolution_hours``: log-normal, median by channel (front desk 1 h, WeChat 5 h, phone 6 h,
     e-mail 30 h, online review 48 h), 2.5 times longer for billing and booking errors, sdlog 0.8;
     rounded to 0.1 h.
   * ``outcome``: resolved / partly resolved / not resolved, with P(resolved) falling as the
     resolution takes longer and for major problems (overall about 65 / 20 / 15 %).
   * ``repurchased`` (stayed again within 12 months, tracked to the end of 2026): logistic;
     about 60 % after a complaint resolved within 24 hours, 40 % resolved later, 27 % partly
     resolved and 12 % not resolved; business guests 8 points more likely, major problems 6
     points less. The pattern is TARP's (faster, fuller resolution keeps more customers), the
     levels are the hotel's own.
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
from crmlib import servqual  # noqa: E402

SCRIPT = "make_service.py"
SEEDS = {"servqual_survey": 2026071, "complaints_log": 2026072}

GUEST_TYPES = ["business", "leisure"]
DIMS = list(servqual.DIMENSIONS)
CATEGORIES = ["check-in delay", "maintenance", "cleanliness", "noise", "staff attitude",
              "booking error", "food and beverage", "billing error"]
CHANNELS = ["front desk", "phone", "e-mail", "online review", "WeChat"]
OUTCOMES = ["resolved", "partly resolved", "not resolved"]
SEVERITIES = ["minor", "major"]


# --------------------------------------------------------------------------- helpers
_col = crmlib.data.column  # one schema-column format for every data set


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _categorical(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One draw per row of ``probs`` (rows sum to 1): the index of the chosen category."""
    cdf = np.cumsum(probs, axis=1)
    u = rng.random(probs.shape[0])
    return np.minimum((u[:, None] > cdf).sum(axis=1), probs.shape[1] - 1)


def _whole_points(shares: np.ndarray, total: int = 100) -> np.ndarray:
    """Round rows of shares (summing to 1) to whole points summing to ``total``, by the largest
    remainder method (ties go to the earlier dimension)."""
    raw = shares * total
    points = np.floor(raw).astype(int)
    short = total - points.sum(axis=1)
    order = np.argsort(-(raw - points), axis=1, kind="stable")
    ranks = np.argsort(order, axis=1, kind="stable")
    points += (ranks < short[:, None]).astype(int)
    return points


# --------------------------------------------------------------------------- data set 1
#                 1     2     3     4     5     6     7     8     9    10    11
E_MEAN = np.array([5.6, 5.9, 5.5, 5.5, 6.2, 6.0, 6.2, 5.9, 6.4, 5.8, 6.2,
                   5.9, 5.8, 6.0, 6.4, 6.1, 5.9, 5.6, 5.6, 5.8, 5.7, 5.7])
#                  12    13    14    15    16    17    18    19    20    21    22
GAP = np.array([-1.3, -0.8, 0.0, -0.7,                 # tangibles
                -0.9, -0.8, -1.0, -0.9, -1.8,          # reliability
                -1.0, -1.9, -1.1, -1.4,                # responsiveness
                -0.4, -0.2, -0.3, -0.6,                # assurance
                -0.8, -1.0, -0.6, -0.9, -0.3])         # empathy
DIM_OF_ITEM = np.repeat(np.arange(5), [len(n) for n in servqual.DIMENSIONS.values()])
POINTS_MEAN = {"business": np.array([9, 33, 26, 18, 14]) / 100,
               "leisure": np.array([14, 31, 17, 20, 18]) / 100}


def make_servqual_survey() -> tuple[pd.DataFrame, dict]:
    n = 300
    rng = crmlib.seed(SEEDS["servqual_survey"])
    business = rng.random(n) < 0.55
    is_resp = DIM_OF_ITEM == 2
    is_rel = DIM_OF_ITEM == 1

    level = rng.normal(0.0, 0.45, n)
    e_mu = E_MEAN[None, :] + level[:, None] + 0.2 * (business[:, None] & (is_rel | is_resp))
    E = np.clip(np.rint(e_mu + rng.normal(0.0, 0.6, (n, 22))), 1, 7)

    segment_gap = np.where(business[:, None], 0.5, -0.4) * is_resp[None, :]
    halo = rng.normal(0.0, 0.5, n)
    per_dim = rng.normal(0.0, 0.35, (n, 5))[:, DIM_OF_ITEM]
    p_mu = E_MEAN[None, :] + GAP[None, :] - segment_gap + halo[:, None] + per_dim
    P = np.clip(np.rint(p_mu + rng.normal(0.0, 0.6, (n, 22))), 1, 7)

    # blanks: P8 by guests who used no room service or laundry, P22 and a few at random
    blank = rng.random((n, 22)) < 0.002
    blank[:, 7] = rng.random(n) < np.where(business, 0.05, 0.20)
    blank[:, 21] = rng.random(n) < 0.04

    shares = np.vstack([rng.dirichlet(25 * POINTS_MEAN["business" if b else "leisure"])
                        for b in business])
    points = _whole_points(shares)

    mean_p = np.nanmean(np.where(blank, np.nan, P), axis=1)
    overall = np.clip(np.rint(mean_p + rng.normal(0.0, 0.5, n)), 1, 7).astype(int)
    mean_gap = np.nanmean(np.where(blank, np.nan, P - E), axis=1)
    had_problem = rng.random(n) < _expit(-1.2 - 1.4 * (mean_gap + 0.9))
    complained = pd.array(np.where(had_problem, rng.random(n) < np.where(business, 0.20, 0.10),
                                   False), dtype="boolean")
    complained[~had_problem] = pd.NA

    df = pd.DataFrame({
        "respondent_id": [f"G{i:03d}" for i in range(1, n + 1)],
        "guest_type": np.where(business, "business", "leisure"),
    })
    for i in range(22):
        df[f"E{i + 1}"] = E[:, i].astype(int)
    for i in range(22):
        df[f"P{i + 1}"] = pd.array(np.where(blank[:, i], None, P[:, i].astype(int)),
                                    dtype="Int64")
    for k, d in enumerate(DIMS):
        df[f"imp_{d}"] = points[:, k]
    df["overall_quality"] = overall
    df["had_problem"] = had_problem
    df["complained"] = complained

    items = servqual.ITEMS
    agree = "1 = strongly disagree ... 7 = strongly agree"
    columns = [
        _col("respondent_id", "string", "", "Guest number in the survey, G001..G300."),
        _col("guest_type", "category", "", "Purpose of the stay: business or leisure.",
             GUEST_TYPES, False),
    ]
    for i in range(1, 23):
        columns.append(_col(
            f"E{i}", "int", "scale 1-7",
            f"Expectation, item {i} ({items.loc[i, 'dimension']}, '{items.loc[i, 'label']}'): "
            f"an excellent city hotel ... {items.loc[i, 'english']} {agree}."))
    for i in range(1, 23):
        blank_note = {8: " Blank if the guest used neither room service nor laundry.",
                      22: " Sometimes blank."}.get(i, "")
        columns.append(_col(
            f"P{i}", "int", "scale 1-7",
            f"Perception, item {i} ({items.loc[i, 'dimension']}, '{items.loc[i, 'label']}'): "
            f"at the Lakeside Hotel ... {items.loc[i, 'english']} {agree}.{blank_note}"))
    for d in DIMS:
        columns.append(_col(
            f"imp_{d}", "int", "points of 100",
            f"Importance of {d} ({servqual.DIMENSION_CHINESE[d]}): the points of 100 the guest "
            "gave this dimension; the five imp_ columns add up to 100 for every guest."))
    columns += [
        _col("overall_quality", "int", "scale 1-7",
             "Overall quality of the hotel's service: 1 = very poor ... 7 = excellent."),
        _col("had_problem", "bool", "", "Did the guest have a problem during the stay?"),
        _col("complained", "bool", "",
             "Did the guest complain about it (to anyone at the hotel, in any channel)? Asked "
             "only of guests with a problem; blank otherwise."),
    ]
    meta = {
        "name": "servqual_survey",
        "title": "Lakeside Hotel SERVQUAL survey of 300 guests",
        "description": (
            "300 guests of the Lakeside Hotel (湖畔酒店), a four-star city hotel, answered the "
            "22-item SERVQUAL questionnaire (crmlib.servqual.ITEMS) for expectations (E1-E22) and "
            "perceptions (P1-P22) on a 1-7 scale, shared 100 importance points among the five "
            "dimensions (imp_*), rated overall quality and said whether they had a problem and "
            "complained. Some perceptions are blank (P8 when unused). Used for gaps Q = P - E by "
            "item and dimension, weighted scores and priorities, and the silent ratio of the "
            "complaint iceberg. Synthetic: made to be plausible and to tell the chapter's story; "
            "see the script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["servqual_survey"],
        "rows": n,
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- data set 2
OCCUPANCY = np.array([0.75, 0.75, 0.95, 1.0, 1.05, 1.0, 1.15, 1.15, 1.0, 1.25, 1.0, 0.9])
CATEGORY_BASE = np.array([0.19, 0.17, 0.12, 0.12, 0.09, 0.08, 0.08, 0.08])
BILLING_BOOST = np.array([1, 1, 1, 1, 1, 1, 3.5, 3.5, 3.5, 1.8, 1, 1])
MEDIAN_HOURS = np.array([1.0, 6.0, 30.0, 48.0, 5.0])  # by channel, in CHANNELS order


def make_complaints_log() -> tuple[pd.DataFrame, dict]:
    rng = crmlib.seed(SEEDS["complaints_log"])
    per_month = rng.poisson(1000 / OCCUPANCY.sum() * OCCUPANCY)
    month = np.repeat(np.arange(12), per_month)
    n = month.size
    days_in = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    day = np.floor(rng.random(n) * days_in[month]).astype(int)
    dates = (pd.to_datetime("2025-01-01") + pd.to_timedelta(
        np.cumsum(np.r_[0, days_in[:-1]])[month] + day, unit="D"))
    order = np.argsort(dates.to_numpy(), kind="stable")
    month, dates = month[order], dates[order]

    weights = np.tile(CATEGORY_BASE, (n, 1))
    weights[:, -1] *= BILLING_BOOST[month]
    category = _categorical(rng, weights / weights.sum(axis=1, keepdims=True))

    t = month / 11.0
    ch = np.column_stack([0.45 - 0.12 * t, np.full(n, 0.15), np.full(n, 0.10),
                          0.15 + 0.06 * t, 0.15 + 0.06 * t])
    channel = _categorical(rng, ch)
    business = rng.random(n) < 0.55
    serious = np.isin(category, [4, 5, 7])  # staff attitude, booking error, billing error
    major = rng.random(n) < np.where(serious, 0.5, 0.2)

    slow = np.isin(category, [5, 7])  # booking and billing errors take longer to put right
    hours = MEDIAN_HOURS[channel] * np.where(slow, 2.5, 1.0) * np.exp(rng.normal(0, 0.8, n))
    hours = np.round(np.maximum(hours, 0.1), 1)

    p_res = _expit(1.6 - 0.45 * np.log1p(hours / 24.0) * 2 - 0.6 * major)
    p_part = 0.55 * (1 - p_res)
    outcome = _categorical(rng, np.column_stack([p_res, p_part, 1 - p_res - p_part]))

    quick = (outcome == 0) & (hours <= 24)
    base = np.select([quick, outcome == 0, outcome == 1], [0.42, -0.42, -1.0], default=-2.0)
    repurchase = rng.random(n) < _expit(base + np.where(business, 0.35, -0.3) - 0.3 * major)

    df = pd.DataFrame({
        "complaint_id": [f"C{i:04d}" for i in range(1, n + 1)],
        "date": dates.strftime("%Y-%m-%d"),
        "channel": np.array(CHANNELS)[channel],
        "category": np.array(CATEGORIES)[category],
        "guest_type": np.where(business, "business", "leisure"),
        "severity": np.where(major, "major", "minor"),
        "resolution_hours": hours,
        "outcome": np.array(OUTCOMES)[outcome],
        "repurchased": repurchase,
    })
    columns = [
        _col("complaint_id", "string", "", f"Complaint number, C0001..C{n:04d}, in date order."),
        _col("date", "date", "", "Date the complaint was made (2025)."),
        _col("channel", "category", "", "Where the guest complained.", CHANNELS, False),
        _col("category", "category", "",
             "What the complaint was about. 'maintenance' covers equipment that does not work "
             "(Wi-Fi, TV, air conditioning).", CATEGORIES, False),
        _col("guest_type", "category", "", "Purpose of the stay: business or leisure.",
             GUEST_TYPES, False),
        _col("severity", "category", "",
             "How serious the problem was for the guest: minor or major (as judged by the duty "
             "manager when logging it).", SEVERITIES, True),
        _col("resolution_hours", "float", "hours",
             "Hours from the complaint until the case was closed (resolved or not)."),
        _col("outcome", "category", "",
             "How the case was closed: resolved (the guest accepted the solution), partly "
             "resolved, not resolved.", OUTCOMES, False),
        _col("repurchased", "bool", "",
             "Did the guest stay at the hotel again within 12 months of the complaint "
             "(tracked to the end of 2026)?"),
    ]
    meta = {
        "name": "complaints_log",
        "title": "Lakeside Hotel complaints log, 2025",
        "description": (
            f"The {n:,} complaints the Lakeside Hotel (湖畔酒店) logged in 2025: date, channel, "
            "category, guest type, severity, resolution time, outcome and whether the guest "
            "stayed again within 12 months. A new billing system went live on 1 July 2025. Used "
            "for the Pareto chart, monthly trends, resolution times and repurchase by outcome "
            "(the hotel's own version of TARP's table). Synthetic: made to be plausible and to "
            "tell the chapter's story; see the script's docstring for the assumptions."),
        "synthetic": True,
        "script": SCRIPT,
        "seed": SEEDS["complaints_log"],
        "rows": n,
        "columns": columns,
    }
    return df, meta


# --------------------------------------------------------------------------- main
MAKERS = [make_servqual_survey, make_complaints_log]


def main(argv: list[str] | None = None) -> None:
    crmlib.data.script_main(MAKERS, __doc__, __file__, argv)


if __name__ == "__main__":
    main()
