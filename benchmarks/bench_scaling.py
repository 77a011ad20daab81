"""Benchmark: how crmlib's survey and customer-base computations scale, from 10 to 1,000,000
respondents or customers: time and peak memory, as tables and a log-log figure.

    .venv/bin/python benchmarks/bench_scaling.py [--quick] [--png benchmarks/scaling.png]

Tasks (inputs from benchmarks/_inputs.py, seeded):

* Kano: ``kano.classify`` + ``kano.summarize`` on n respondents x 10 features (answer codes
  1-5, and again as Chinese text labels such as 喜欢 / 不喜欢);
* SERVQUAL: ``servqual.score`` on n respondents x 22 items, expectations and perceptions;
* RFM: ``rfm_table`` + ``rfm_scores`` + ``rfm_segment`` on 10 n transactions of n customers
  (text customer ids, as in the course's data; and again with integer ids, to show what
  hashing a million distinct text ids costs);
* CLV: ``clv.retention_clv`` for n customers (margin and retention per customer, one discount
  rate), closed form and a 10-period horizon.

Time: best of 7 runs (3 at 1,000,000). Memory: the peak of what the call
allocates (tracemalloc, which sees NumPy and pandas buffers), measured in a separate run, inputs
excluded. *Linear?* compares the time per respondent at the two largest sizes: 1.0 means
linear, above 1.5 is flagged (on a shared machine this ratio moves by about ±0.3 between runs).
"""
from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

import numpy as np
import pandas as pd

import _common as c
import _inputs
from crmlib import clv, kano, rfm, servqual

SIZES = (10, 1_000, 10_000, 100_000, 1_000_000)
QUICK_SIZES = (10, 1_000, 10_000)


def _kano(args):
    f, d = args
    return kano.classify(f, d), kano.summarize(f, d)


def _rfm(args):
    tx, as_of = args
    table = rfm.rfm_table(tx, as_of=as_of)
    scores = rfm.rfm_scores(table)
    return rfm.rfm_segment(scores)


TASKS = {
    "Kano classify + summarize": (lambda n: _inputs.kano_answers(n), _kano),
    "Kano, answers as Chinese text": (lambda n: _inputs.kano_answers(n, text=True), _kano),
    "SERVQUAL score": (lambda n: _inputs.servqual_answers(n), lambda a: servqual.score(*a)),
    "RFM table + scores + segments": (
        lambda n: (_inputs.transactions(n), pd.Timestamp("2026-01-01")), _rfm),
    "RFM, integer customer ids": (
        lambda n: (_inputs.transactions(n, text_ids=False), pd.Timestamp("2026-01-01")), _rfm),
    "CLV, closed form": (lambda n: _inputs.clv_inputs(n), lambda a: clv.retention_clv(*a, 0.1)),
    "CLV, 10-period horizon": (lambda n: _inputs.clv_inputs(n),
                               lambda a: clv.retention_clv(*a, 0.1, 10)),
}


def _input_bytes(args) -> int:
    total = 0
    for a in args if isinstance(args, tuple) else (args,):
        if isinstance(a, pd.DataFrame):
            total += int(a.memory_usage(deep=True, index=False).sum())
        elif isinstance(a, pd.Series):
            total += int(a.memory_usage(deep=True, index=False))
    return total


def measure(quick: bool) -> dict[str, list[tuple[int, float, int, int]]]:
    sizes = QUICK_SIZES if quick else SIZES
    out: dict[str, list[tuple[int, float, int, int]]] = {}
    for task, (make, run) in TASKS.items():
        rows = []
        for n in sizes:
            args = make(n)
            repeat = 7 if n <= 100_000 else 3
            seconds = c.best_of(lambda: run(args), repeat=repeat, budget=30)
            peak = c.peak_memory(lambda: run(args))
            rows.append((n, seconds, peak, _input_bytes(args)))
            print(f"  {task} n={n:,}: {c.fmt_time(seconds)}, peak {c.fmt_bytes(peak)}",
                  file=sys.stderr, flush=True)
            del args
            gc.collect()
        out[task] = rows
    return out


def report_tables(report: c.Report, results: dict, png: Path | None) -> None:
    sizes = [n for n, *_ in next(iter(results.values()))]
    report.section("Scaling from 10 to 1,000,000 respondents / customers")
    report.emit("Time: best of 7 runs (3 at 1,000,000). Peak memory: what the call allocates "
                "at its peak (tracemalloc), inputs excluded. RFM has 10 transactions per "
                "customer (10 million rows at 1,000,000 customers). *linear?*: the time per "
                "respondent at the largest size divided by that at the size before (1.00 = "
                "linear; ⚠ above 1.5; it moves by about ±0.3 between runs on a shared "
                "machine).\n")
    header = ["task"] + [f"{n:,}" for n in sizes]
    report.emit("**Time**\n")
    report.emit(c.table(header + ["linear?"], [
        [task] + [c.fmt_time(s) for _, s, _, _ in rows] + [_linear(rows)]
        for task, rows in results.items()]))
    report.emit("\n**Time per respondent / customer**\n")
    report.emit(c.table(header, [
        [task] + [c.fmt_time(s / n) for n, s, _, _ in rows] for task, rows in results.items()]))
    report.emit("\n**Peak memory of the call** (and the input's size at the largest n)\n")
    report.emit(c.table(header + ["input at largest n"], [
        [task] + [c.fmt_bytes(p) for _, _, p, _ in rows] + [c.fmt_bytes(rows[-1][3])]
        for task, rows in results.items()]))
    report.emit()
    if png is not None:
        plot(results, png)
        report.emit(f"![Scaling curves: time and peak memory against size, log-log]"
                    f"({png.name})\n")


def _linear(rows) -> str:
    (n1, t1, _, _), (n2, t2, _, _) = rows[-2], rows[-1]
    ratio = (t2 / n2) / (t1 / n1)
    return f"{ratio:.2f}" + (" ⚠" if ratio > 1.5 else "")


def plot(results: dict, png: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(12, 5), constrained_layout=True)
    markers = "osD^vxP"
    for (task, rows), marker in zip(results.items(), markers):
        n = np.array([r[0] for r in rows], dtype=float)
        ax_t.plot(n, [r[1] for r in rows], marker=marker, label=task)
        ax_m.plot(n, [max(r[2], 1) / 2**20 for r in rows], marker=marker, label=task)
    for ax in (ax_t, ax_m):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.grid(True, which="major", alpha=0.3)
        ax.set_xlabel("respondents / customers")
    n = np.array([r[0] for r in next(iter(results.values()))], dtype=float)
    lo, hi = ax_t.get_ylim()
    ref = np.array([r[1] for r in results["Kano classify + summarize"]])[-1] * n / n[-1]
    ax_t.plot(n, ref, "k--", lw=1, alpha=0.5, label="linear (slope 1)")
    ax_t.set_ylim(lo, hi)
    lo, hi = ax_m.get_ylim()
    ref = max(results["Kano classify + summarize"][-1][2], 1) / 2**20 * n / n[-1]
    ax_m.plot(n, ref, "k--", lw=1, alpha=0.5)
    ax_m.set_ylim(lo, hi)
    ax_t.set_ylabel("time (s)")
    ax_t.set_title("Time per call")
    ax_m.set_ylabel("peak memory (MiB)")
    ax_m.set_title("Peak memory of the call")
    ax_t.legend(fontsize=9)
    fig.suptitle("crmlib scaling (log-log)", fontweight="bold")
    fig.savefig(png, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="up to 10,000 only")
    parser.add_argument("--png", type=Path, default=None,
                        help="save the figure here (default: benchmarks/scaling.png, "
                             "or none with --quick)")
    args = parser.parse_args(argv)
    png = args.png or (None if args.quick else Path(__file__).with_name("scaling.png"))
    report = c.Report()
    report.emit(c.machine() + "\n")
    report_tables(report, measure(args.quick), png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
