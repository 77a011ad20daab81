"""Benchmark: crmlib against the peer packages a user might reach for, side by side.

    .venv/bin/pip install -c constraints.txt -e ".[bench]"   # ahpy, pingouin, lifetimes
    .venv/bin/python benchmarks/bench_peers.py [--quick]

* **Cronbach's alpha** (``satisfaction.cronbach_alpha``) against ``pingouin.cronbach_alpha`` on
  20,000 respondents x 12 items (answers 1-5), with no missing answer and with 2 % missing, in
  both ways of handling them (pairwise, listwise). crmlib also computes alpha-if-deleted and
  the corrected item-total correlations; pingouin alpha and its confidence interval.
* **RFM** (``rfm.rfm_table``) against lifetimes' ``summary_data_from_transaction_data``, the
  per-customer summary its models start from, on the same seeded transactions (where lifetimes
  installs). Its definitions differ (recency there is the age at the last purchase, frequency
  the repeat purchase days), so the check is ``T - recency`` = crmlib's recency, in days.

Every comparison checks that the results agree, then times both interleaved, best of N rounds
(see ``_common.interleaved``): on a shared machine a burst of other work slows both alike.
The AHP peer (ahpy) is in ahp_vs_ahpy.py. Benchmarks, not tests: nothing here fails a build.
"""
from __future__ import annotations

import argparse
import sys
import warnings

import numpy as np
import pandas as pd

import _common as c
import _inputs
from crmlib import rfm, satisfaction

ALPHA_SHAPE = (20_000, 12)


def alpha_items(missing: float = 0.0, seed: int = _inputs.SEED) -> pd.DataFrame:
    """A 20,000 x 12 scale on 1-5 with a common factor (alpha about 0.9); ``missing`` of the
    answers blank (NaN)."""
    import crmlib
    rng = crmlib.seed(seed)
    n, k = ALPHA_SHAPE
    x = np.clip(np.rint(3 + rng.normal(size=(n, 1)) + rng.normal(size=(n, k))), 1, 5)
    frame = pd.DataFrame(x.astype(np.int64), columns=[f"q{j + 1:02d}" for j in range(k)])
    if missing:
        frame = frame.astype(float).mask(rng.random((n, k)) < missing)
    return frame


def alpha_rows(repeat: int) -> list[tuple]:
    import pingouin
    rows = []
    for missing in (0.0, 0.02):
        items = alpha_items(missing)
        for mode in ("pairwise", "listwise"):
            ours = satisfaction.cronbach_alpha(items, missing=mode).alpha
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                theirs = float(pingouin.cronbach_alpha(items, nan_policy=mode)[0])
            diff = abs(ours - theirs)
            assert diff < 1e-12, (mode, missing, diff)

            def run_pg(items=items, mode=mode):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    pingouin.cronbach_alpha(items, nan_policy=mode)

            t_pg, t_ours = c.interleaved(
                [run_pg, lambda items=items, mode=mode: satisfaction.cronbach_alpha(items, missing=mode)],
                repeat)
            rows.append((f"{missing:.0%} missing", mode, t_pg, t_ours, diff))
    return rows


def rfm_rows(sizes: tuple[int, ...], repeat: int) -> list[tuple]:
    from lifetimes.utils import summary_data_from_transaction_data
    rows = []
    as_of = pd.Timestamp("2026-01-01")
    for customers in sizes:
        tx = _inputs.transactions(customers)

        def run_lifetimes(tx=tx):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return summary_data_from_transaction_data(
                    tx, "customer_id", "date", monetary_value_col="amount",
                    observation_period_end=as_of, freq="D")

        theirs = run_lifetimes()
        ours = rfm.rfm_table(tx, as_of=as_of)
        theirs = theirs.reindex(ours.index)
        same = bool(((theirs["T"] - theirs["recency"]).astype(int).to_numpy()
                     == ours["recency"].to_numpy()).all())
        assert same, "recency differs"
        t_lt, t_ours = c.interleaved([run_lifetimes, lambda tx=tx: rfm.rfm_table(tx, as_of=as_of)],
                                     repeat, budget=60)
        rows.append((customers, len(tx), t_lt, t_ours))
    return rows


def peers_section(report: c.Report, quick: bool) -> None:
    repeat = 3 if quick else 9
    report.section("Cronbach's alpha: crmlib.satisfaction against pingouin", 3)
    try:
        import pingouin  # noqa: F401
    except ImportError:
        report.emit("pingouin is not installed here, so this comparison was skipped "
                    "(`.venv/bin/pip install -c constraints.txt -e \".[bench]\"`).\n")
    else:
        rows = alpha_rows(repeat)
        report.emit(f"pingouin {c.version('pingouin')}, {ALPHA_SHAPE[0]:,} respondents x "
                    f"{ALPHA_SHAPE[1]} items, interleaved, best of {repeat} rounds; alpha checked "
                    "to agree. *speed-up* = pingouin time / crmlib time.\n")
        report.emit(c.table(["answers", "missing=", "pingouin", "crmlib", "speed-up", "alpha difference"],
                            [(a, m, c.fmt_time(tp), c.fmt_time(to), f"{tp / to:.1f}×", f"{d:.0e}")
                             for a, m, tp, to, d in rows], align="llrrrr"))
        report.emit()
    report.section("RFM: crmlib.rfm against lifetimes' summary_data_from_transaction_data", 3)
    try:
        import lifetimes  # noqa: F401
        sizes = (1_000, 10_000) if quick else (1_000, 10_000, 100_000)
        rows = rfm_rows(sizes, 2 if quick else 5)
    except Exception as err:  # noqa: BLE001 - lifetimes is old and may not install or run
        report.emit(f"lifetimes did not run here ({type(err).__name__}: {err}), so this "
                    "comparison was skipped.\n")
        return
    report.emit(f"lifetimes {c.version('lifetimes')}, the same seeded transactions (10 per "
                "customer), daily periods; crmlib's recency checked equal to lifetimes' "
                "T - recency. Interleaved, best of the rounds.\n")
    report.emit(c.table(["customers", "transactions", "lifetimes", "crmlib", "speed-up"],
                        [(f"{n:,}", f"{t:,}", c.fmt_time(tl), c.fmt_time(to), f"{tl / to:,.0f}×")
                         for n, t, tl, to in rows]))
    report.emit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few rounds")
    args = parser.parse_args(argv)
    report = c.Report()
    report.emit(c.machine() + "\n")
    peers_section(report, args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
