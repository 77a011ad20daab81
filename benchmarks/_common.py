"""Helpers shared by the benchmark scripts: the machine, best-of-N timing, peak memory, and
Markdown tables. Not part of crmlib; nothing here is imported by the course."""
from __future__ import annotations

import datetime as dt
import gc
import os
import platform
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))


def cpu_name() -> str:
    """The CPU model from /proc/cpuinfo (Linux), else what platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min)"


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> str:
    """One paragraph: date, machine, load, Python and package versions."""
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f", {int(line.split()[1]) / 2**20:.0f} GiB RAM"
    except OSError:
        pass
    packages = ", ".join(f"{p} {version(p)}" for p in
                         ("crmlib", "numpy", "pandas", "matplotlib", "ipywidgets", "nbclient",
                          "ipykernel", "pytest", "hypothesis", "ahpy", "pingouin", "lifetimes"))
    return (f"date: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}; machine: {cpu_name()}, "
            f"{os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}; "
            f"load average at start: {load_average()}; Python {platform.python_version()}; "
            f"{packages}")


def best_of(func: Callable[[], Any], repeat: int = 5, min_time: float = 0.05,
            budget: float | None = None) -> float:
    """Best time of one call, in seconds: each repeat runs ``func`` as many times as fit in
    about ``min_time`` (at least once) and keeps the mean; the best repeat wins. Stops early when
    ``budget`` seconds have been spent (after at least one repeat)."""
    gc.collect()
    start = time.perf_counter()
    func()  # warm-up (imports, caches), and a first estimate
    first = time.perf_counter() - start
    number = max(1, int(min_time / max(first, 1e-9)))
    best = first if number == 1 else float("inf")
    spent = first
    for _ in range(repeat):
        if budget is not None and spent > budget and best < float("inf"):
            break
        t0 = time.perf_counter()
        for _ in range(number):
            func()
        elapsed = time.perf_counter() - t0
        spent += elapsed
        best = min(best, elapsed / number)
    return best


def interleaved(funcs: Sequence[Callable[[], Any]], repeat: int = 7, min_time: float = 0.05,
                budget: float | None = None) -> list[float]:
    """Best time of one call of each function, measured side by side: each round runs every
    function once in turn (as many calls as fit in about ``min_time``), and the best round of
    each wins. On a shared machine a burst of other work then slows both sides of a comparison
    alike, instead of one of them. Stops early after ``budget`` seconds (at least two rounds)."""
    gc.collect()
    numbers = []
    for func in funcs:                       # warm-up, and how many calls make a measurement
        t0 = time.perf_counter()
        func()
        numbers.append(max(1, int(min_time / max(time.perf_counter() - t0, 1e-9))))
    best = [float("inf")] * len(funcs)
    start = time.perf_counter()
    for r in range(repeat):
        for k, (func, number) in enumerate(zip(funcs, numbers)):
            t0 = time.perf_counter()
            for _ in range(number):
                func()
            best[k] = min(best[k], (time.perf_counter() - t0) / number)
        if budget is not None and r >= 1 and time.perf_counter() - start > budget:
            break
    return best


def peak_memory(func: Callable[[], Any]) -> int:
    """Peak bytes allocated (Python and NumPy, via tracemalloc) while ``func`` runs, above what
    was allocated before: the working memory of the call, inputs excluded."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        result = func()
        _, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return max(0, peak - before)


def fmt_time(seconds: float) -> str:
    if seconds != seconds:  # NaN
        return "–"
    if seconds < 1e-6:
        return f"{seconds * 1e9:,.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:,.0f} µs" if seconds >= 1e-5 else f"{seconds * 1e6:,.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:,.1f} ms"
    return f"{seconds:,.2f} s"


def fmt_bytes(n: float) -> str:
    if n != n:
        return "–"
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(n) < 1024 or unit == "GiB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1024
    return f"{n:,.1f} GiB"


def table(header: Sequence[str], rows: Iterable[Sequence[Any]], align: str | None = None) -> str:
    """A Markdown table; ``align`` is one letter per column, 'l' or 'r' (default: first column
    left, the rest right)."""
    align = align or "l" + "r" * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


class Report:
    """Collects the printed sections so run.py can also write them to a Markdown file."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def section(self, title: str, level: int = 2) -> None:
        self.emit(f"{'#' * level} {title}\n")

    def emit(self, text: str = "") -> None:
        print(text, flush=True)
        self.parts.append(text)

    def text(self) -> str:
        return "\n".join(self.parts) + "\n"
