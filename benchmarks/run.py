"""Run the course's benchmarks and print their tables (Markdown): ``make bench``.

    .venv/bin/python benchmarks/run.py                    # everything (about 10 min on 2 cores)
    .venv/bin/python benchmarks/run.py --quick            # a smoke run (about a minute)
    .venv/bin/python benchmarks/run.py --only imports,compare --out /tmp/bench.md

Parts (``--only`` takes a comma-separated list; default all, in this order):

* ``imports``: ``import crmlib`` and each concept module in fresh interpreters
  (bench_imports.py);
* ``compare``: crmlib against what a user would otherwise write, and ``crmlib.ahp`` against
  ``ahpy`` when it is installed (bench_compare.py, ahp_vs_ahpy.py);
* ``scaling``: Kano, SERVQUAL, RFM and CLV from 10 to 1,000,000 respondents / customers, time
  and peak memory, and the figure benchmarks/scaling.png (bench_scaling.py);
* ``course``: every notebook on a fresh kernel, the kernel start, the slowest cells, and the
  whole test suite (bench_course.py).

Timings depend on the machine and on what else runs on it: the first line gives the machine and
its load average. These are benchmarks, not tests; benchmarks/README.md holds the last tables.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

PARTS = ("imports", "compare", "scaling", "course")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="small sizes, few runs, three notebooks, no test suite")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts to run, from {', '.join(PARTS)}")
    parser.add_argument("--out", type=Path, help="also write the tables to this Markdown file")
    parser.add_argument("--no-tests", action="store_true",
                        help="course part: skip timing the whole test suite")
    parser.add_argument("--runs", type=int, default=2,
                        help="course part: runs per notebook, the best is kept (default 2)")
    parser.add_argument("--png", type=Path, default=None,
                        help="scaling part: where to save the figure (default "
                             "benchmarks/scaling.png; none with --quick)")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"unknown part(s) {unknown}; choose from {', '.join(PARTS)}")

    report = c.Report()
    report.emit(f"# crmlib benchmarks{' (quick run)' if args.quick else ''}\n")
    report.emit(c.machine() + "\n")
    start = time.perf_counter()
    if "imports" in parts:
        import bench_imports
        bench_imports.main_report(report, args.quick, 3 if args.quick else 5)
    if "compare" in parts:
        import bench_compare
        bench_compare.compare(report, args.quick, max_naive=5.0 if args.quick else 60.0)
    if "scaling" in parts:
        import bench_scaling
        png = args.png or (None if args.quick else Path(__file__).with_name("scaling.png"))
        bench_scaling.report_tables(report, bench_scaling.measure(args.quick), png)
    if "course" in parts:
        import bench_course
        bench_course.notebooks(report, args.quick, 1 if args.quick else args.runs)
        if not (args.quick or args.no_tests):
            bench_course.test_suite(report)
    report.emit(f"Load average at the end: {c.load_average()}; the whole run took "
                f"{time.perf_counter() - start:,.0f} s.")
    if args.out:
        args.out.write_text(report.text(), encoding="utf-8")
        print(f"(tables written to {args.out})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
