"""Seeded synthetic inputs of any size for the benchmarks (not course data sets): Kano and
SERVQUAL answers, a transactions table, per-customer margins and retention rates.

Every generator draws from ``crmlib.seed(seed)``, so the same size always gives the same data.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

import _common  # noqa: F401  (puts the repository on sys.path)
import crmlib

SEED = 2026080
KANO_FEATURES = 10


KANO_LABELS = np.array(["喜欢", "理所当然", "无所谓", "能忍受", "不喜欢"], dtype=object)


def kano_answers(n: int, features: int = KANO_FEATURES, seed: int = SEED, text: bool = False
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` respondents x ``features`` answer codes 1-5 (functional, dysfunctional), with a
    little of each Kano category: features differ in how much their presence pleases. With
    ``text=True`` the answers are the Chinese labels (喜欢 ... 不喜欢), as a survey tool
    exports them."""
    rng = crmlib.seed(seed)
    columns = pd.Index([f"feature_{k:02d}" for k in range(features)], name="feature")
    f = np.empty((n, features), dtype=np.int64)
    d = np.empty((n, features), dtype=np.int64)
    for k in range(features):
        like = 0.2 + 0.6 * k / max(features - 1, 1)            # share who like it present
        pf = np.array([like, 0.25 * (1 - like), 0.45 * (1 - like), 0.2 * (1 - like),
                       0.1 * (1 - like)])
        pd_ = np.array([0.05, 0.1, 0.3, 0.25, 0.3]) if k % 2 else \
            np.array([0.05, 0.05, 0.15, 0.25, 0.5])
        f[:, k] = rng.choice(5, size=n, p=pf / pf.sum()) + 1
        d[:, k] = rng.choice(5, size=n, p=pd_) + 1
    index = pd.RangeIndex(n, name="respondent")
    if text:
        return (pd.DataFrame(KANO_LABELS[f - 1], index=index, columns=columns),
                pd.DataFrame(KANO_LABELS[d - 1], index=index, columns=columns))
    return (pd.DataFrame(f, index=index, columns=columns),
            pd.DataFrame(d, index=index, columns=columns))


def servqual_answers(n: int, seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` respondents x 22 items on the 1-7 scale: expectations high, perceptions a little
    lower, responsiveness lowest."""
    rng = crmlib.seed(seed)
    e = np.clip(np.rint(rng.normal(6.0, 0.8, size=(n, 22))), 1, 7).astype(np.int64)
    shift = np.full(22, -0.7)
    shift[9:13] = -1.5  # responsiveness items 10-13
    p = np.clip(np.rint(e + shift + rng.normal(0, 1.0, size=(n, 22))), 1, 7).astype(np.int64)
    index = pd.RangeIndex(n, name="respondent")
    columns = pd.Index(range(1, 23), name="item")
    return pd.DataFrame(e, index=index, columns=columns), pd.DataFrame(p, index=index,
                                                                         columns=columns)


def customer_ids(n: int) -> np.ndarray:
    width = max(4, len(str(n)))
    return np.array([f"C{i:0{width}d}" for i in range(1, n + 1)], dtype=object)


def transactions(customers: int, per_customer: int = 10, seed: int = SEED,
                 text_ids: bool = True) -> pd.DataFrame:
    """About ``per_customer`` purchases per customer over 2025 (every customer buys at least
    once; heavy buyers buy more): customer_id (text such as 'C0042', as in the course's data, or
    integers with ``text_ids=False``), date, amount; in date order, as a till writes them."""
    rng = crmlib.seed(seed)
    n_tx = customers * per_customer
    ids = customer_ids(customers)
    # each customer once, the rest by a skewed activity weight (a few buy a lot)
    activity = rng.gamma(0.8, 1.0, size=customers)
    rest = rng.choice(customers, size=n_tx - customers, p=activity / activity.sum())
    who = np.concatenate([np.arange(customers), rest])
    days = np.sort(rng.integers(0, 365, size=n_tx))
    rng.shuffle(who)
    dates = np.datetime64("2025-01-01") + days.astype("timedelta64[D]")
    amount = np.round(rng.lognormal(3.5, 0.8, size=n_tx), 2)
    return pd.DataFrame({"customer_id": ids[who] if text_ids else who + 1,
                         "date": dates.astype("datetime64[ns]"), "amount": amount})


def clv_inputs(customers: int, seed: int = SEED) -> tuple[pd.Series, pd.Series]:
    """Per-customer margin per period and retention rate (a Series each, same index)."""
    rng = crmlib.seed(seed)
    index = pd.RangeIndex(customers, name="customer")
    margin = pd.Series(np.round(rng.lognormal(4.0, 0.7, size=customers), 2), index=index,
                       name="margin")
    retention = pd.Series(np.round(rng.uniform(0.3, 0.95, size=customers), 3), index=index,
                          name="retention")
    return margin, retention
