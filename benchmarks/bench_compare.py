"""Benchmark: crmlib against what a user would otherwise write, on the same inputs.

    .venv/bin/python benchmarks/bench_compare.py [--quick] [--max-naive 60]

For each task and size the script makes one seeded input (benchmarks/_inputs.py), runs crmlib
and the alternative on it, checks that the results agree, and times both (best of several
runs). The alternatives are written here, as a student who knows pandas would write them:

* **Kano**: ``DataFrame.apply(axis=1)`` over the answer pairs of each feature with the
  evaluation table as a dict, then ``value_counts`` per feature, the tie rule M > O > A > I and
  Better/Worse (Berger et al. 1993);
* **CLV**: a Python loop over customers, ``m·r/(1+d−r)`` for the closed form, and a loop over
  the periods for a 10-period horizon;
* **SERVQUAL**: a loop over respondents (rows of the two answer tables as NumPy arrays), each
  respondent's gaps, dimension means and score, with item sums accumulated for the item gaps;
* **RFM**: a loop over customers (``for customer, rows in tx.groupby(...)``) for recency,
  frequency and money, quintile scores from each customer's average rank (``bisect`` on the
  sorted values, the rule crmlib uses), and the segment from a dict;
* **AHP**: the ``ahpy`` package (see ahp_vs_ahpy.py), when it is installed.

The alternative is skipped at a size where its time, extrapolated linearly from the previous
size, would exceed ``--max-naive`` seconds.
"""
from __future__ import annotations

import argparse
import bisect
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

import _common as c
import _inputs
from crmlib import clv, kano, rfm, servqual

# ---------------------------------------------------------------------------------------------
# The alternatives
# ---------------------------------------------------------------------------------------------

KANO_TABLE = {(i + 1, j + 1): kano.EVALUATION_TABLE.iat[i, j] for i in range(5) for j in range(5)}
LETTERS = ["A", "O", "M", "I", "R", "Q"]
TIE_ORDER = ["M", "O", "A", "I", "R", "Q"]  # Berger et al.'s M > O > A > I, then R, Q


def naive_kano_classify(f: pd.DataFrame, d: pd.DataFrame) -> pd.DataFrame:
    out = {}
    for feature in f.columns:
        pairs = pd.DataFrame({"functional": f[feature], "dysfunctional": d[feature]})
        out[feature] = pairs.apply(
            lambda row: KANO_TABLE[(row["functional"], row["dysfunctional"])], axis=1)
    return pd.DataFrame(out)


def naive_kano_summarize(f: pd.DataFrame, d: pd.DataFrame) -> pd.DataFrame:
    categories = naive_kano_classify(f, d)
    rows = {}
    for feature in categories.columns:
        counts = categories[feature].value_counts().reindex(LETTERS, fill_value=0)
        top = counts.max()
        category = next(letter for letter in TIE_ORDER if counts[letter] == top)
        aomi = counts["A"] + counts["O"] + counts["M"] + counts["I"]
        rows[feature] = {**counts.to_dict(), "category": category,
                         "better": (counts["A"] + counts["O"]) / aomi,
                         "worse": -(counts["O"] + counts["M"]) / aomi}
    return pd.DataFrame.from_dict(rows, orient="index")


def naive_clv(margin: pd.Series, retention: pd.Series, discount: float) -> pd.Series:
    values = []
    for m, r in zip(margin, retention):
        values.append(m * r / (1 + discount - r))
    return pd.Series(values, index=margin.index, name="clv")


def naive_clv_horizon(margin: pd.Series, retention: pd.Series, discount: float,
                      horizon: int) -> pd.Series:
    values = []
    for m, r in zip(margin, retention):
        total = 0.0
        for t in range(1, horizon + 1):
            total += m * r ** t / (1 + discount) ** t
        values.append(total)
    return pd.Series(values, index=margin.index, name="clv")


def naive_servqual(E: pd.DataFrame, P: pd.DataFrame) -> dict[str, Any]:
    dims = {name: [i - 1 for i in items] for name, items in servqual.DIMENSIONS.items()}
    item_sum = np.zeros(22)
    per_respondent = []
    for e, p in zip(E.to_numpy(dtype=float), P.to_numpy(dtype=float)):
        gaps = p - e
        item_sum += gaps
        dim_gaps = [gaps[items].mean() for items in dims.values()]
        per_respondent.append(dim_gaps + [sum(dim_gaps) / len(dim_gaps)])
    item_gaps = item_sum / len(E)
    dimension_gaps = pd.Series({name: item_gaps[items].mean() for name, items in dims.items()})
    respondents = pd.DataFrame(per_respondent, index=E.index,
                               columns=list(dims) + ["unweighted"])
    return {"item_gaps": item_gaps, "dimension_gaps": dimension_gaps,
            "unweighted": dimension_gaps.mean(), "respondents": respondents}


RFM_SEGMENT = {(True, True, True): "important value", (True, False, True): "important development",
               (False, True, True): "important retention", (False, False, True): "important win-back",
               (True, True, False): "general value", (True, False, False): "general development",
               (False, True, False): "general retention", (False, False, False): "general win-back"}


def _quintile(value: float, ordered: list[float], higher_is_better: bool, bins: int = 5) -> int:
    below = bisect.bisect_left(ordered, value)
    above = bisect.bisect_right(ordered, value)
    n = len(ordered)
    # average rank of ``value`` among ties, counted from the worst end
    rank = (below + above + 1) / 2 if higher_is_better else n - (below + above - 1) / 2
    return min(bins, max(1, math.ceil(rank / n * bins - 1e-9)))


def naive_rfm(tx: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    rows = {}
    for customer, purchases in tx.groupby("customer_id"):
        rows[customer] = ((as_of - purchases["date"].max()).days, len(purchases),
                          purchases["amount"].sum())
    recency = sorted(r for r, _, _ in rows.values())
    frequency = sorted(f for _, f, _ in rows.values())
    monetary = sorted(m for _, _, m in rows.values())
    out = {}
    for customer, (r, f, m) in rows.items():
        R = _quintile(r, recency, higher_is_better=False)
        F = _quintile(f, frequency, higher_is_better=True)
        M = _quintile(m, monetary, higher_is_better=True)
        out[customer] = (r, f, m, R, F, M, RFM_SEGMENT[(R > 3, F > 3, M > 3)])
    return pd.DataFrame.from_dict(out, orient="index", columns=["recency", "frequency",
                                                                "monetary", "R", "F", "M",
                                                                "segment"])


def crmlib_rfm(tx: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    table = rfm.rfm_table(tx, as_of=as_of)
    scores = rfm.rfm_scores(table)
    return table.join(scores[["R", "F", "M"]]).assign(segment=rfm.rfm_segment(scores))


# ---------------------------------------------------------------------------------------------
# Agreement checks (each returns a short note, or raises AssertionError)
# ---------------------------------------------------------------------------------------------

def agree_kano_classify(ours: pd.DataFrame, theirs: pd.DataFrame) -> str:
    assert (ours.astype(str).to_numpy() == theirs.to_numpy()).all()
    return "identical"


def agree_kano_summary(ours: pd.DataFrame, theirs: pd.DataFrame) -> str:
    assert (ours[LETTERS].to_numpy() == theirs[LETTERS].to_numpy()).all()
    assert (ours["category"].to_numpy() == theirs["category"].to_numpy()).all()
    diff = max(np.abs(ours[c].to_numpy(float) - theirs[c].to_numpy(float)).max()
               for c in ("better", "worse"))
    assert diff < 1e-12
    return "identical" if diff == 0 else \
        f"counts, categories equal; Better/Worse within {diff:.0e}"


def agree_series(ours: Any, theirs: pd.Series) -> str:
    diff = float(np.max(np.abs(np.asarray(ours) - theirs.to_numpy()) / np.maximum(
        1.0, np.abs(theirs.to_numpy()))))
    assert diff < 1e-9
    return "identical" if diff == 0 else f"within {diff:.0e} (relative)"


def agree_servqual(ours: servqual.ServqualResult, theirs: dict[str, Any]) -> str:
    diffs = [np.abs(ours.item_gaps.to_numpy() - theirs["item_gaps"]).max(),
             np.abs(ours.dimension_gaps.to_numpy() - theirs["dimension_gaps"].to_numpy()).max(),
             abs(ours.unweighted - theirs["unweighted"]),
             np.abs(ours.respondents[theirs["respondents"].columns].to_numpy()
                    - theirs["respondents"].to_numpy()).max()]
    diff = float(max(diffs))
    assert diff < 1e-9
    return "identical" if diff == 0 else f"gaps and per-respondent scores within {diff:.0e}"


def agree_rfm(ours: pd.DataFrame, theirs: pd.DataFrame) -> str:
    theirs = theirs.loc[ours.index]
    for col in ("recency", "frequency", "R", "F", "segment"):
        assert (ours[col].astype(str).to_numpy() == theirs[col].astype(str).to_numpy()).all(), col
    diff = np.abs(ours["monetary"].to_numpy() - theirs["monetary"].to_numpy()).max()
    assert diff < 1e-6
    # money sums may differ in the last bit (summation order); a tie broken by it would move
    # one customer's M score: count such customers instead of failing
    m_diff = int((ours["M"].to_numpy() != theirs["M"].to_numpy()).sum())
    assert m_diff <= max(1, len(ours) // 10_000), m_diff
    return "identical" if not m_diff else f"identical but {m_diff} M score(s) (float ties)"


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------

@dataclass
class Case:
    task: str
    unit: str
    make: Callable[[int], tuple]
    ours: Callable[..., Any]
    theirs: Callable[..., Any]
    agree: Callable[[Any, Any], str]
    alternative: str


AS_OF = pd.Timestamp("2026-01-01")
CASES = [
    Case("Kano classify", "respondents × 10 features", _inputs.kano_answers,
         kano.classify, naive_kano_classify, agree_kano_classify,
         "pandas `apply(axis=1)` per feature"),
    Case("Kano classify + summarize", "respondents × 10 features", _inputs.kano_answers,
         kano.summarize, naive_kano_summarize, agree_kano_summary,
         "`apply` + `value_counts` per feature"),
    Case("CLV, closed form", "customers", lambda n: (*_inputs.clv_inputs(n), 0.1),
         clv.retention_clv, naive_clv, agree_series, "Python loop over customers"),
    Case("CLV, 10-period horizon", "customers", lambda n: (*_inputs.clv_inputs(n), 0.1, 10),
         clv.retention_clv, naive_clv_horizon, agree_series,
         "Python loop over customers and periods"),
    Case("SERVQUAL score", "respondents × 22 items", _inputs.servqual_answers,
         servqual.score, naive_servqual, agree_servqual, "Python loop over respondents"),
    Case("RFM table + scores + segments", "customers (10 purchases each)",
         lambda n: (_inputs.transactions(n), AS_OF), crmlib_rfm, naive_rfm, agree_rfm,
         "Python loop over `groupby` customers"),
]


def compare(report: c.Report, quick: bool, max_naive: float) -> list[tuple]:
    sizes = (10, 1_000) if quick else (10, 1_000, 100_000)
    repeat = 2 if quick else 5
    results = []
    for case in CASES:
        previous: tuple[int, float] | None = None
        for n in sizes:
            args = case.make(n)
            ours = case.ours(*args)
            t_ours = c.best_of(lambda: case.ours(*args), repeat=repeat, budget=20)
            if previous and previous[1] * n / previous[0] > max_naive:
                estimate = previous[1] * n / previous[0]
                results.append((case, n, t_ours, float("nan"),
                                f"alternative skipped (≈ {estimate:,.0f} s extrapolated)"))
                continue
            start = time.perf_counter()
            theirs = case.theirs(*args)
            first = time.perf_counter() - start
            note = case.agree(ours, theirs)
            t_theirs = first if first > 2 else c.best_of(lambda: case.theirs(*args),
                                                           repeat=repeat, budget=10)
            previous = (n, t_theirs)
            results.append((case, n, t_ours, t_theirs, note))
            print(f"  {case.task} n={n:,}: crmlib {c.fmt_time(t_ours)}, alternative "
                  f"{c.fmt_time(t_theirs)}", file=sys.stderr, flush=True)

    report.section("crmlib against what a user would otherwise write")
    report.emit("Same seeded inputs for both; results checked to agree before timing; best of "
                f"up to {repeat} runs (one run when the alternative takes over 2 s). *speed-up* = "
                "alternative time / crmlib time.\n")
    rows = []
    for case, n, t_ours, t_theirs, note in results:
        speed = f"{t_theirs / t_ours:,.0f}×" if t_theirs == t_theirs else "–"
        if t_theirs == t_theirs and t_theirs / t_ours < 10:
            speed = f"{t_theirs / t_ours:,.1f}×"
        rows.append((case.task, f"{n:,} {case.unit}", c.fmt_time(t_ours),
                     f"{c.fmt_time(t_theirs)} ({case.alternative})", speed, note))
    report.emit(c.table(["task", "size", "crmlib", "alternative", "speed-up", "results"], rows,
                        align="llrlrl"))
    report.emit()
    ahp_section(report, quick)
    return results


def ahp_section(report: c.Report, quick: bool) -> None:
    report.section("AHP: crmlib.ahp against ahpy", 3)
    try:
        import ahpy
    except ImportError:
        report.emit("ahpy is not installed in this environment, so this comparison was skipped "
                    "(`.venv/bin/pip install ahpy` to run it; it is not a course dependency).\n")
        return
    import ahp_vs_ahpy
    matrices, repeat = (5, 2) if quick else (20, 10)
    rows = ahp_vs_ahpy.measure(matrices, repeat)
    report.emit(f"ahpy {c.version('ahpy')}: {matrices} random reciprocal matrices per size on "
                f"Saaty's 1–9 scale, microseconds per matrix (best of {repeat} repeats), weights "
                "and CR checked to agree (ahpy rounds to 4 decimals).\n")
    report.emit(ahp_vs_ahpy.markdown(rows))
    report.emit()
    t_ahpy, t_ours, diff = ahp_vs_ahpy.measure_hierarchy(3 if quick else 15)
    report.emit("A hierarchy: Saaty's (2005) choice of a city, as in ahpy's tests (5 criteria, 4 "
                "cities under each; from the dicts of judgements to the cities' global weights: "
                "`ahpy.Compare` x 6 + `add_children` against `ahp.priorities` x 6 + "
                f"`ahp.compose`), interleaved, best of {3 if quick else 15} rounds:\n")
    report.emit(c.table(["task", "ahpy", "crmlib", "speed-up", "max difference"],
                        [("cities hierarchy", f"{t_ahpy:,.0f} µs", f"{t_ours:,.0f} µs",
                          f"{t_ahpy / t_ours:.1f}×", f"{diff:.0e} (ahpy's rounding)")]))
    report.emit()
    k = 1_000 if quick else 10_000
    rows = []
    for n in (4, 9):
        t_ahpy, t_arr, t_pairs, diff = ahp_vs_ahpy.measure_batch(k, n, 2 if quick else 3)
        rows.append((f"{k:,} matrices, n = {n}", c.fmt_time(t_ahpy), c.fmt_time(t_arr),
                     f"{t_ahpy / t_arr:,.0f}×", c.fmt_time(t_pairs), f"{t_ahpy / t_pairs:,.1f}×",
                     f"{diff:.0e}"))
    report.emit("Many respondents at once: `ahp.batch_priorities` on a (k, n, n) array and on k "
                "dicts of pairs, against one `ahpy.Compare` per matrix (timed on 500 of them and "
                "scaled to k):\n")
    report.emit(c.table(["batch", "ahpy (loop)", "crmlib, array", "speed-up", "crmlib, dicts",
                         "speed-up", "max weight difference"], rows))
    report.emit()
    import bench_peers
    bench_peers.peers_section(report, quick)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 and 1,000 only, 2 runs")
    parser.add_argument("--max-naive", type=float, default=60.0,
                        help="skip an alternative expected to take longer (seconds)")
    args = parser.parse_args(argv)
    report = c.Report()
    report.emit(c.machine() + "\n")
    compare(report, args.quick, args.max_naive)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
