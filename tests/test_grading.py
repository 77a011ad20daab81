"""Grading with nbgrader: the solution notebooks are nbgrader sources (metadata and hidden tests
written by the exercise generator), `make assignments` builds a course folder, and a round trip
(generate_assignment → two simulated submissions → autograde) gives the marks it should.
"""
from __future__ import annotations

import os
import importlib.util
import re
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, notebooks

sys.path.insert(0, str(ROOT / "tools"))
import make_exercises as mx  # noqa: E402

SOLUTIONS = notebooks("solutions")
HAS_NBGRADER = importlib.util.find_spec("nbgrader") is not None
ROUND_TRIP = Path(os.environ.get("CRM_ROUND_TRIP", ROOT / "solutions" / "05_customer_loyalty_solutions.ipynb"))


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_solutions_carry_their_grading_metadata(solution):
    nb = nbformat.read(solution, as_version=4)
    assert mx._same(nb, mx.add_grading(nb)), "grading metadata is stale: run `make exercises`"
    metas = [c.metadata["nbgrader"] for c in nb.cells if "nbgrader" in c.metadata]
    ids = [m["grade_id"] for m in metas]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    assert all(m["schema_version"] == 3 for m in metas)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader")
        if "solution-only" in cell.metadata.get("tags", []):
            assert meta is None, "solution-only cells are not part of an assignment"
        elif "checks.check(" in cell.source and meta["grade"]:
            assert meta["locked"] and meta["points"] > 0 and mx.HIDDEN_BEGIN in cell.source
            assert "checks.score(" in cell.source
        elif mx.BEGIN in cell.source:
            assert meta["solution"]
        else:
            assert meta["locked"]


def test_hidden_tests_never_reach_students():
    for path in notebooks("exercises"):
        text = path.read_text(encoding="utf-8")
        assert mx.HIDDEN_BEGIN not in text and "checks.score(" not in text, path.name



def _submission(source_nb, wrong: list[str]):
    """A student's notebook: the answers of the solution, with ``wrong`` variables spoiled."""
    nb = mx.make_exercise(source_nb)          # what was released
    answers = {c.metadata["nbgrader"]["grade_id"]: c for c in source_nb.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id].source.replace(mx.BEGIN + "\n", "").replace(
                "\n" + mx.END, "").replace(mx.BEGIN, "").replace(mx.END, "")
    for name in wrong:
        cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")
                    and re.search(rf"^{name}\s*=", c.source, re.M))
        cell.source += f"\n{name} = -123456.789"
    return nb


@pytest.mark.skipif(not HAS_NBGRADER, reason="nbgrader is not installed")
def test_nbgrader_round_trip(tmp_path):
    import assignments
    from nbgrader.api import Gradebook

    course = assignments.build(tmp_path / "course", [ROUND_TRIP])
    name = assignments.assignment_name(ROUND_TRIP)
    released = nbformat.read(course / "release" / name / f"{name}.ipynb", as_version=4)
    assert mx.HIDDEN_BEGIN not in nbformat.writes(released)
    assert "= ...  # your answer here" in nbformat.writes(released)

    source = nbformat.read(ROUND_TRIP, as_version=4)
    graded = [c.metadata["nbgrader"] for c in source.cells
              if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
              and c.metadata["nbgrader"]["locked"]]
    # the two spoiled answers: the variables checked by the first two single-check cells
    checked = [re.search(r'name="(\w+)"', c.source).group(1) for c in source.cells
               if c.metadata.get("nbgrader", {}).get("grade") and c.metadata["nbgrader"]["locked"]
               and c.source.count("checks.check(") == 1 and 'name="' in c.source]
    spoiled = checked[:2]
    spoiled_points = sum(m["points"] for m in graded
                         if any(f'"{v}"' in c.source for v in spoiled
                                for c in source.cells if c.metadata.get("nbgrader") == m))
    auto_total = sum(m["points"] for m in graded)
    manual = [c for c in source.cells if c.metadata.get("nbgrader", {}).get("grade")
              and c.metadata["nbgrader"]["solution"]]

    for student, wrong in [("ada", []), ("bo", spoiled)]:
        folder = course / "submitted" / student / name
        folder.mkdir(parents=True)
        nbformat.write(_submission(source, wrong), folder / f"{name}.ipynb")
        assignments.nbgrader("autograde", name, "--student", student, "--create", "--force",
                             cwd=course)

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        ada = gb.find_submission(name, "ada")
        bo = gb.find_submission(name, "bo")
        assert ada.max_score == pytest.approx(auto_total + 2 * len(manual))
        assert ada.code_score == pytest.approx(auto_total), "all correct: full automatic marks"
        assert bo.code_score == pytest.approx(auto_total - spoiled_points)
        assert spoiled_points > 0
        if manual:
            assert ada.needs_manual_grade and bo.needs_manual_grade
