"""Notebooks are reproducible: a fresh execution gives the committed outputs again.

Each notebook's offline run (``tests/_runs.py``, shared with ``tests/test_offline.py``) is
compared with the outputs committed by the previous execution (``make notebooks``), cell by
cell, after the substitutions of ``tests/nbval_sanitize.cfg`` (memory addresses, figure sizes).
So every notebook is executed twice in the suite (once by nbval, once here) and never a third
time. A difference means a result that changes from run to run (unseeded randomness, a clock,
a set's order) or a notebook committed without re-running it (``make notebooks``).

Compared: every text output (streams, ``text/plain``, ``text/html`` and the other text
formats, errors); first separately for the ``# NBVAL_CHECK_OUTPUT`` cells that lock a chapter's
key results. Figures (PNG) are not compared: their bytes depend on the font renderer.
"""
from __future__ import annotations

import difflib

import pytest

import _runs

PATHS = [str(p.relative_to(_runs.ROOT)) for p in _runs.notebook_paths()]


def _differences(path: str, only_checked: bool) -> list[str]:
    run = _runs.offline_runs()[path]
    assert run.error is None, f"{path} did not run: {run.error}"
    fresh = _runs.code_cells(run.executed)[:-1]           # without the guard cell
    committed = _runs.code_cells(run.committed)
    assert len(fresh) == len(committed)
    report = []
    for k, (new, old) in enumerate(zip(fresh, committed)):
        if only_checked and not _runs.is_checked(old):
            continue
        a, b = _runs.text_outputs(old), _runs.text_outputs(new)
        if a == b:
            continue
        first = old.source.strip().splitlines()[0][:70] if old.source.strip() else ""
        if [kind for kind, _ in a] != [kind for kind, _ in b]:
            report.append(f"code cell {k} ({first}): outputs {[x for x, _ in a]} became "
                          f"{[x for x, _ in b]}")
            continue
        for (kind, was), (_, now) in zip(a, b):
            if was != now:
                diff = list(difflib.unified_diff(was.splitlines(), now.splitlines(), "committed",
                                                 "fresh run", lineterm="", n=0))[2:8]
                report.append(f"code cell {k} ({first}), {kind}:\n    " + "\n    ".join(diff))
    return report


@pytest.mark.parametrize("path", PATHS)
def test_checked_outputs_reproduce(path):
    committed = _runs.offline_runs()[path].committed
    if path.startswith("notebooks/") and not path.startswith("notebooks/00_"):
        assert sum(map(_runs.is_checked, committed.cells)) >= 5, "a chapter locks 5+ results"
    problems = _differences(path, only_checked=True)
    assert not problems, f"{path}: checked outputs changed on a fresh run:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", PATHS)
def test_all_text_outputs_reproduce(path):
    problems = _differences(path, only_checked=False)
    assert not problems, (f"{path}: text outputs changed on a fresh run (nondeterminism, or the "
                          "notebook was not re-executed: make notebooks):\n" + "\n".join(problems))


def test_sanitizers_are_read():
    assert _runs.sanitize("at 0x7f3a2b4c5d6e") == "at 0xADDRESS"
    assert _runs.sanitize("<Figure size 800x500 with 1 Axes>") == "<Figure>"
