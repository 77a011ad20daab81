"""Benchmark: the course as a student and CI run it.

    .venv/bin/python benchmarks/bench_course.py [--quick] [--runs 2] [--no-tests]

* every notebook in notebooks/, solutions/ and exercises/ executed on a fresh kernel with
  nbclient (as tools/run_notebooks.py does, in the notebook's own folder) but on an in-memory
  copy, with per-cell timing recorded in the copy: the committed notebooks are never written;
* the kernel's start and shutdown alone (an empty notebook), which every notebook pays;
* the slowest cells of the whole course, with their first line of code;
* the whole test suite (``python -m pytest``, what ``make test`` runs after setting up .venv)
  as wall time, with the time per test file and the slowest tests (``--durations``).

Best of ``--runs`` runs per notebook (the machine is shared, so the best run is the one least
disturbed by other jobs).
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import _common as c

FOLDERS = ("notebooks", "solutions", "exercises")
GOAL = 10.0  # seconds per chapter notebook


def _stamp(value) -> float:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.timestamp()


def run_notebook(path: Path, timeout: int = 300) -> tuple[float, list[tuple[int, float, str]]]:
    """Execute a copy of ``path`` on a fresh kernel; return (wall seconds, [(cell number,
    seconds, source)]) with the cell times from nbclient's timing metadata."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)  # an in-memory copy: never written back
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=True,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute(stderr=subprocess.DEVNULL)  # the kernel's own log lines, not the cells'
    wall = time.perf_counter() - start
    cells = []
    number = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        number += 1
        timing = cell.get("metadata", {}).get("execution", {})
        begin = timing.get("iopub.execute_input") or timing.get("iopub.status.busy")
        end = timing.get("shell.execute_reply") or timing.get("iopub.status.idle")
        seconds = _stamp(end) - _stamp(begin) if begin and end else float("nan")
        cells.append((number, seconds, cell.source))
    return wall, cells


def kernel_cost(runs: int) -> float:
    """Start and shut down a kernel with nothing to run (an empty notebook): best of ``runs``."""
    import nbformat
    from nbclient import NotebookClient

    best = float("inf")
    for _ in range(runs):
        nb = nbformat.v4.new_notebook()
        start = time.perf_counter()
        NotebookClient(nb, timeout=60, kernel_name="python3").execute(stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def _what(source: str) -> str:
    lines = [l.strip() for l in source.splitlines()
             if l.strip() and not l.strip().startswith("#")]
    text = "; ".join(lines[:2]) if lines else "(comment only)"
    text = text.replace("|", "\\|")
    return text if len(text) <= 90 else text[:87] + "..."


def notebooks(report: c.Report, quick: bool, runs: int) -> dict:
    paths = []
    for folder in FOLDERS:
        found = sorted((c.ROOT / folder).glob("*.ipynb"))
        if quick:
            found = [p for p in found if p.name.startswith(("00_", "05_"))]
        paths += found
    kernel_runs = 5
    kernel = kernel_cost(kernel_runs)
    rows, all_cells = [], []
    for path in paths:
        best_wall, best_cells = float("inf"), []
        for _ in range(runs):
            try:
                wall, cells = run_notebook(path)
            except Exception as err:  # a notebook being edited by someone else: report it
                wall, cells = float("nan"), []
                print(f"  {path.relative_to(c.ROOT)} failed: {type(err).__name__}: "
                      f"{str(err).splitlines()[0] if str(err) else ''}", file=sys.stderr)
                break
            if wall < best_wall:
                best_wall, best_cells = wall, cells
        cell_total = sum(s for _, s, _ in best_cells if s == s)
        slowest = max(best_cells, key=lambda x: x[1]) if best_cells else (0, float("nan"), "")
        rows.append((path.relative_to(c.ROOT).as_posix(), best_wall, cell_total, len(best_cells),
                     slowest))
        all_cells += [(path.relative_to(c.ROOT).as_posix(), n, s, src)
                      for n, s, src in best_cells]
        print(f"  {best_wall:6.2f} s  {path.relative_to(c.ROOT)}", file=sys.stderr, flush=True)

    report.section("Course notebooks on a fresh kernel")
    report.emit(f"Kernel start + shutdown (an empty notebook, nbclient): **{kernel:.2f} s**, "
                f"paid by every notebook below (best of {kernel_runs}).\n")
    report.emit(f"Best of {runs} run(s) per notebook. *wall* = what nbclient takes from kernel "
                "start to shutdown; *cells* = the sum of the cells' execution times; *first "
                "cell* = the setup cell (imports); goal: every chapter under "
                f"{GOAL:.0f} s wall.\n")
    out_rows = []
    for name, wall, cell_total, n, (num, secs, src) in rows:
        first = next((s for (p, k, s, _) in all_cells if p == name and k == 1), float("nan"))
        flag = "" if wall != wall or wall < GOAL else " ⚠"
        out_rows.append((f"`{name}`", f"{wall:.2f} s{flag}", f"{cell_total:.2f} s",
                         f"{first:.2f} s", n, f"{secs:.2f} s (cell {num})"))
    report.emit(c.table(["notebook", "wall", "cells", "first cell", "code cells",
                         "slowest cell"], out_rows))
    by_folder = defaultdict(float)
    for name, wall, *_ in rows:
        if wall == wall:
            by_folder[name.split("/")[0]] += wall
    total = sum(by_folder.values())
    outside = sum(wall - cells for _, wall, cells, *_ in rows if wall == wall)
    report.emit("\nTotals: " + ", ".join(f"{k} {v:.1f} s" for k, v in by_folder.items())
                + f"; all {len(rows)} notebooks {total:.1f} s, of which {outside:.1f} s outside "
                "the cells (kernel start and shutdown, messaging: wall minus cells).\n")

    report.section("The slowest cells of the course", 3)
    top = sorted((x for x in all_cells if x[2] == x[2]), key=lambda x: -x[2])[:10]
    report.emit(c.table(["notebook", "cell", "time", "what it runs (first lines)"],
                        [(f"`{p}`", n, f"{s:.2f} s", f"`{_what(src)}`") for p, n, s, src in top],
                        align="lrrl"))
    report.emit()
    return {"kernel": kernel, "rows": rows, "cells": all_cells}


_DURATION = re.compile(r"^\s*([\d.]+)s\s+(setup|call|teardown)\s+(.+?)\s*$")


def _area(nodeid: str) -> str:
    path = nodeid.split("::", 1)[0]
    if path.startswith(("notebooks/", "solutions/", "exercises/")):
        return f"nbval: {path.split('/', 1)[0]}/*.ipynb"
    if path.startswith("crmlib/"):
        return "doctests: crmlib/*.py"
    return path


def test_suite(report: c.Report) -> dict:
    """Run the whole suite once with every test's duration; group the time by file."""
    cmd = [sys.executable, "-m", "pytest", "--durations=0", "--durations-min=0"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=c.ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    per_area: dict[str, float] = defaultdict(float)
    per_test: dict[str, float] = defaultdict(float)
    count: dict[str, set] = defaultdict(set)
    for line in proc.stdout.splitlines():
        m = _DURATION.match(line)
        if m:
            seconds, _, nodeid = float(m.group(1)), m.group(2), m.group(3)
            per_area[_area(nodeid)] += seconds
            # nbval reports one test per cell ("x.ipynb::Cell 3"): list a notebook as one
            per_test[re.sub(r"::Cell \d+$", " (all cells)", nodeid)] += seconds
            count[_area(nodeid)].add(nodeid)
    summary = next((l for l in reversed(proc.stdout.splitlines())
                    if re.search(r"\d+ (passed|failed|error)", l)), "(no summary line)")
    report.section("The whole test suite")
    report.emit(f"`python -m pytest` (what `make test` runs once .venv is set up): "
                f"**{wall:.0f} s** wall, {summary.strip('= ')}.\n")
    measured = sum(per_area.values())
    report.emit(f"Where the time goes (setup + call + teardown per test, {measured:.0f} s "
                "in all; session fixtures such as the book build count in the first test that "
                "uses them):\n")
    rows = sorted(per_area.items(), key=lambda kv: -kv[1])
    report.emit(c.table(["test file or area", "tests (nbval: cells)", "time", "share"],
                        [(f"`{k}`", len(count[k]), f"{v:.1f} s", f"{v / measured:.0%}")
                         for k, v in rows[:20] if measured]))
    report.emit()
    report.section("The 25 slowest tests", 3)
    top = sorted(per_test.items(), key=lambda kv: -kv[1])[:25]
    report.emit(c.table(["test", "time"], [(f"`{k}`", f"{v:.2f} s") for k, v in top]))
    report.emit()
    if proc.returncode not in (0,):
        failed = [l for l in proc.stdout.splitlines() if l.startswith(("FAILED", "ERROR"))]
        report.emit("Failures at the time of the run (not caused by the benchmark):\n")
        report.emit("\n".join(f"- `{l}`" for l in failed[:20]) or proc.stdout[-2000:])
        report.emit()
    return {"wall": wall, "areas": dict(per_area), "tests": per_test, "summary": summary,
            "returncode": proc.returncode}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="only the guide and chapter 5 (three notebooks), no test suite")
    parser.add_argument("--runs", type=int, default=2, help="runs per notebook (best is kept)")
    parser.add_argument("--no-tests", action="store_true", help="skip the test-suite timing")
    args = parser.parse_args(argv)
    report = c.Report()
    report.emit(c.machine() + "\n")
    notebooks(report, args.quick, 1 if args.quick else args.runs)
    if not (args.quick or args.no_tests):
        test_suite(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
