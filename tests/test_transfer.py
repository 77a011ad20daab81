"""Exercises make students apply the method, not copy the chapter: at most a third of a chapter's
checked numeric answers may be printed in the chapter notebook (prose or outputs).

The audit (tools/exercise_audit.py) computes each expected answer as the self-check does and
looks for it among the chapter's printed numbers, at the precision each is printed.
"""
from __future__ import annotations

import sys

import pytest

from conftest import ROOT, notebooks

sys.path.insert(0, str(ROOT / "tools"))
import exercise_audit as audit  # noqa: E402

CHAPTERS = [p.name[:2] for p in notebooks("solutions")]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_at_most_a_third_of_numeric_answers_are_printed_in_the_chapter(chapter):
    answers = [a for a in audit.audit(chapter) if a.counted]
    shown = [a.exercise for a in answers if a.shown]
    assert answers, f"chapter {chapter} has no numeric self-check"
    assert 3 * len(shown) <= len(answers), (
        f"{len(shown)} of {len(answers)} numeric answers of chapter {chapter} are printed in the "
        f"chapter: {shown}; ask for another segment, parameter or data subset")


def test_the_audit_finds_printed_numbers():
    numbers = audit.printed_numbers("worth $13,565 today; a gap of −0.932 and 35.3% of them")
    assert audit.is_printed(13565.27, numbers)
    assert audit.is_printed(-0.93187, numbers)
    assert audit.is_printed(0.3531, numbers)
    assert not audit.is_printed(13600.0, numbers)
    assert not audit.is_printed(0.41, numbers)
    assert audit.Answer("x", (12.0,), (True,)).counted is False       # small whole numbers
    assert audit.Answer("x", (0.3, 0.5), (True, False)).shown          # half a table is shown
