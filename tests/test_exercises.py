"""Exercises and solutions come from one source: exercises/ is generated from solutions/, holds no
solution text, and the self-checks pass on solutions and report 'not answered yet' on exercises.
"""
from __future__ import annotations

import re
import sys

import nbformat
import pytest

from conftest import ROOT, notebooks
from crmlib import checks

sys.path.insert(0, str(ROOT / "tools"))
import make_exercises as mx  # noqa: E402

SOLUTIONS = notebooks("solutions")
CHECK_CALL = re.compile(r"checks\.check\(\s*[\"']([\w.]+)[\"']")


def _cells(nb, kind="code"):
    return [c for c in nb.cells if c.cell_type == kind]


def _regions(nb):
    return [m.group(2) for c in nb.cells for m in mx._REGION.finditer(c.source)]


def test_every_solution_has_an_exercise_and_back():
    made = {mx.exercise_path(p).name for p in SOLUTIONS}
    assert SOLUTIONS and made == {p.name for p in notebooks("exercises")}


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_exercise_is_up_to_date(solution):
    expected = mx.make_exercise(nbformat.read(solution, as_version=4))
    committed = nbformat.read(mx.exercise_path(solution), as_version=4)
    strip = lambda nb: [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in nb.cells]
    assert strip(committed) == strip(expected), "exercises/ is stale: run `make exercises`"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_exercise_contains_no_solution_text(solution):
    sol = nbformat.read(solution, as_version=4)
    text = mx.exercise_path(solution).read_text(encoding="utf-8")
    assert mx.BEGIN not in text and mx.END not in text
    for region in _regions(sol):
        for line in region.splitlines():
            line = line.strip()
            # a line that is an answer: long enough to be specific, not a mere placeholder
            if len(line) > 12 and not line.endswith("= ...") and "..." not in line:
                assert line not in text, f"solution line leaked into the exercise: {line!r}"
    for cell in sol.cells:
        if "solution-only" in cell.metadata.get("tags", []):
            assert cell.source not in text


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_self_checks_say_correct_on_solutions_and_unanswered_on_exercises(solution):
    """Both directions, on the committed outputs; nbval re-runs both notebooks from a fresh kernel
    and fails if these locked outputs change. A written answer is 'recorded', never 'correct';
    a concept check's per-question lines (indented) follow its first line."""
    from crmlib.checks._core import TEXT
    recorded = TEXT["en"]["recorded"].split("(")[0]
    for nb, expect in [(nbformat.read(solution, as_version=4), "✅ Correct!"),
                       (nbformat.read(mx.exercise_path(solution), as_version=4), checks.NOT_ANSWERED)]:
        check_cells = [c for c in _cells(nb) if CHECK_CALL.search(c.source)]
        assert check_cells, "no self-check cells"
        for cell in check_cells:
            assert cell.source.startswith("# NBVAL_CHECK_OUTPUT"), "lock self-check outputs"
            ids = CHECK_CALL.findall(cell.source)
            assert all(i in checks.REGISTRY for i in ids), f"unknown exercise id in {ids}"
            text = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stdout")
            lines = [l for l in text.splitlines() if not l.startswith("   ")]
            assert len(lines) == len(ids), f"{ids}: expected one line of feedback per check"
            for exercise_id, line in zip(ids, lines):
                written = getattr(checks.REGISTRY[exercise_id].compare, "kind", "") == "written"
                want = recorded if written and expect != checks.NOT_ANSWERED else expect
                assert line.startswith(want), f"{exercise_id}: {line}"


def test_every_chapter_has_a_concept_check_in_its_exercises():
    for solution in SOLUTIONS:
        source = solution.read_text(encoding="utf-8")
        assert "checks.quiz(" in source, f"{solution.name} has no concept check"


def test_every_registered_exercise_is_used_by_a_solution():
    used = {i for p in SOLUTIONS for c in _cells(nbformat.read(p, as_version=4))
            for i in CHECK_CALL.findall(c.source)}
    assert used == set(checks.REGISTRY)


def test_placeholders_only_for_names_used_later():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("### BEGIN SOLUTION\nhelper = 2\nanswer = helper * 21\n### END SOLUTION"),
        nbformat.v4.new_code_cell("checks.check('x', answer)"),
        nbformat.v4.new_markdown_cell("Why?\n\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION"),
        nbformat.v4.new_code_cell("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION"),
        nbformat.v4.new_markdown_cell("secret", metadata={"tags": ["solution-only"]}),
    ])
    out = mx.make_exercise(nb)
    assert [c.source for c in out.cells] == [
        "answer = ...  # your answer here", "checks.check('x', answer)",
        "Why?\n\n*Write your answer here.*", "# your code here"]


def test_unbalanced_markers_are_an_error():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1")])
    with pytest.raises(ValueError, match="unbalanced"):
        mx.make_exercise(nb)
