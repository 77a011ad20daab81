"""A machine-independent test of "fast for a million rows": the number of Python lines a call
executes must not grow with the size of its input (the work is in NumPy / pandas' compiled
loops, not in a Python loop per row). Counting lines with ``sys.settrace`` gives the same answer
on an idle laptop and on a loaded 2-core CI machine, where a wall-clock limit such as "under one
second" fails at random."""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


def python_lines(func: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
    """How many Python lines ``func(*args, **kwargs)`` executes (its own and every callee's)."""
    count = 0

    def tracer(frame, event, arg):  # noqa: ANN001 - the sys.settrace protocol
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        func(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return count


def assert_vectorised(make: Callable[[int], tuple], run: Callable[..., Any],
                      small: int = 1_000, factor: int = 20) -> None:
    """``run(*make(n))`` executes about as many Python lines at ``factor * small`` rows as at
    ``small`` rows: no Python-level loop over the rows (a loop would multiply them by
    ``factor``; a little slack allows for size-dependent branches inside pandas)."""
    run(*make(small))                    # warm-up: imports and first-call caches are not counted
    few = python_lines(run, *make(small))
    many = python_lines(run, *make(small * factor))
    assert many <= 1.5 * few + 300, (
        f"{many} Python lines for {small * factor:,} rows against {few} for {small:,}: the work "
        "grows with the rows in Python, not in vectorised code")
