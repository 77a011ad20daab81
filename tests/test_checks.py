"""Tests for crmlib.checks, the self-check engine of the exercise notebooks.

The engine's promises, tested on exercises made for the test (so they hold whatever the chapters
ask) and on every registered exercise: 'not answered' for ``...``, ``None``, ``""``, an all-NaN
Series or a variable that does not exist yet; the expected answer accepted, also at the precision
the course prints (four and three significant figures, thousands separators); feedback that never
gives the expected value away (probes of 1 and of 1.37 × the expected value); a value 37 % off never
accepted; written answers recorded, never marked correct; and a check never raises.
"""
from __future__ import annotations

import contextlib
import io
import math
import re
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from crmlib import checks
from crmlib.checks import NOT_ANSWERED, REGISTRY, Feedback, check, evaluate, score
from crmlib.checks import _core

IDS = sorted(REGISTRY)
STATUSES = {"unanswered", "wrong", "close", "correct", "recorded", "error"}
TYPES = ["monopoly", "inertia", "price", "incentive", "trust"]


def kind(exercise_id):
    return getattr(REGISTRY[exercise_id].compare, "kind", None)


def expected(exercise_id):
    return _core._expected(REGISTRY[exercise_id])


NUMERIC = [i for i in IDS if kind(i) == "number"]
SERIES = [i for i in IDS if kind(i) == "numbers"]
WRITTEN = [i for i in IDS if kind(i) == "written"]
QUIZZES = [i for i in IDS if kind(i) == "choices"]
MACHINE = [i for i in IDS if kind(i) != "written"]


def printed(exercise_id, answer=_core._NOTHING, **kw) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check(exercise_id, answer, **kw) is None
    return out.getvalue()


@pytest.fixture
def made(monkeypatch):
    """Exercises of the test's own, with known expected values and mistakes."""
    def add(exercise_id, value, compare, **kw):
        monkeypatch.setitem(REGISTRY, exercise_id, _core.Exercise(
            exercise_id, exercise_id, expected=lambda: value, compare=compare,
            hint=kw.pop("hint", "think again about the formula."), **kw))
        monkeypatch.delitem(_core._EXPECTED, exercise_id, raising=False)
        return exercise_id
    return add


# --- the registry -------------------------------------------------------------------------------

def test_registry_is_well_formed():
    assert len(IDS) >= 50
    for exercise_id, exercise in REGISTRY.items():
        assert exercise.id == exercise_id and exercise.title
        assert exercise.hint or kind(exercise_id) in ("written", "choices"), exercise_id
        assert exercise.points >= 1


def test_every_chapter_has_a_concept_check():
    assert len(QUIZZES) >= 9, QUIZZES
    for quiz_id in QUIZZES:
        quiz = checks.quiz(quiz_id)
        assert 6 <= len(quiz.questions) <= 10, quiz_id
        for q in quiz.questions:
            assert q.explanation and len(q.options) >= 2
        letters = {q.answer for q in quiz.questions}
        assert len(letters) >= 2, f"{quiz_id}: every right answer is ({letters.pop()})"


def test_register_refuses_duplicates():
    with pytest.raises(ValueError, match="registered twice"):
        _core.register(REGISTRY[IDS[0]])


def test_no_written_answer_carries_a_model_answer_in_crmlib():
    for exercise in REGISTRY.values():
        assert not hasattr(exercise, "example")


# --- unanswered ----------------------------------------------------------------------------------

@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("answer", [..., [..., ...], (...,), {"a": ..., "b": ...}, None, "", "  ",
                                    pd.Series([np.nan, np.nan])],
                         ids=["ellipsis", "list", "tuple", "dict", "none", "empty", "blank", "nan"])
def test_unanswered(exercise_id, answer):
    feedback = evaluate(exercise_id, answer)
    assert feedback.status == "unanswered"
    assert feedback.message == NOT_ANSWERED
    assert not feedback.correct


def test_a_variable_not_set_yet_is_unanswered_not_a_name_error():
    line = printed(IDS[0], name="a_variable_nobody_defined")
    assert line.startswith("⏳ Not answered yet: `a_variable_nobody_defined` does not exist yet")
    assert evaluate(IDS[0], name="a_variable_nobody_defined").status == "unanswered"


def test_check_reads_the_variable_by_name(made):
    exercise_id = made("test.by_name", 42.5, _core.number())
    globals()["_answer_for_test"] = 42.5
    try:
        assert printed(exercise_id, name="_answer_for_test") == "✅ Correct! 42.5\n"
        assert score(exercise_id, name="_answer_for_test") == 1
    finally:
        del globals()["_answer_for_test"]


# --- right answers, at the course's precision ----------------------------------------------------

@pytest.mark.parametrize("exercise_id", MACHINE)
def test_expected_answer_is_correct(exercise_id):
    feedback = evaluate(exercise_id, expected(exercise_id))
    assert feedback.status == "correct", feedback.message
    assert feedback.message.startswith("✅ Correct!")
    assert str(feedback) == feedback.message
    assert score(exercise_id, expected(exercise_id)) == REGISTRY[exercise_id].points


def _round_sig(value: float, sig: int) -> float:
    if value == 0:
        return 0.0
    return round(value, sig - 1 - int(math.floor(math.log10(abs(value)))))


@pytest.mark.parametrize("exercise_id", NUMERIC)
def test_numbers_accepted_at_four_and_three_significant_figures(exercise_id):
    value = float(expected(exercise_id))
    for sig in (4, 3):
        rounded = _round_sig(value, sig)
        assert evaluate(exercise_id, rounded).correct, (sig, rounded)
    places = max(0, 3 - int(math.floor(math.log10(abs(value))))) if value else 3
    text = f"{value:,.{places}f}"                     # as a projector shows it: 13,565.3
    assert evaluate(exercise_id, text).correct, text


@pytest.mark.parametrize("exercise_id", SERIES)
def test_tables_accepted_at_three_decimals_and_four_figures(exercise_id):
    values = pd.Series(expected(exercise_id), dtype=float)
    assert evaluate(exercise_id, values.map(lambda v: _round_sig(v, 4))).correct
    if (values.abs() >= 0.1).all():
        assert evaluate(exercise_id, values.round(3)).correct


def test_rounded_too_hard_is_close_not_wrong(made):
    exercise_id = made("test.share", 0.35333, _core.number())
    assert evaluate(exercise_id, 0.353).correct
    close = evaluate(exercise_id, 0.35)
    assert close.status == "close" and "more decimals" in close.message
    assert evaluate(exercise_id, "35.3%").correct
    assert evaluate(exercise_id, 35.33).status == "wrong"
    assert "percentage" in evaluate(exercise_id, 35.33).message


@pytest.mark.parametrize("answer", [13565, 13565.27, "13,565", "$13,565", "13,565.27", " 13565 ",
                                    np.int64(13565), np.float64(13565.3), Fraction(13565), 13600,
                                    "13,600", np.array(13565.0)])
def test_money_forms_accepted(made, answer):
    exercise_id = made("test.money", 13565.27, _core.number(unit="$"))
    assert evaluate(exercise_id, answer).correct, answer


def test_money_is_printed_with_thousands_separators(made):
    exercise_id = made("test.big", 1602190.48, _core.number(unit="$"))
    assert printed(exercise_id, 1602190.48) == "✅ Correct! $1,602,190\n"
    assert "e+06" not in evaluate(exercise_id, 1.0e7).message


# --- wrong answers: helpful, never telling -------------------------------------------------------

def _numbers_in(text: str) -> set[float]:
    return {float(t.replace(",", "")) for t in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def _allowed_numbers(exercise_id, probe) -> set[float]:
    """Numbers a message may contain: the student's own, the coarse words, the exercise's text."""
    exercise = REGISTRY[exercise_id]
    allowed = {1.0, 10.0, 50.0, 3.0, 0.25, 25.0} | _numbers_in(exercise.hint)
    for _, hint in exercise.mistakes:
        allowed |= _numbers_in(hint)
    allowed |= _numbers_in(_core.fmt(float(probe))) | _numbers_in(repr(probe))
    return allowed


@pytest.mark.parametrize("exercise_id", NUMERIC)
@pytest.mark.parametrize("factor", ["one", 1.37, 0.63])
def test_probes_never_reveal_the_expected_value(exercise_id, factor):
    value = float(expected(exercise_id))
    probe = 1 if factor == "one" else value * factor
    if factor == "one" and abs(value - 1) <= 0.5:
        pytest.skip("the expected value is about 1")
    feedback = evaluate(exercise_id, probe)
    assert feedback.status in ("wrong", "close"), feedback.message
    assert "times" not in feedback.message
    leaked = _numbers_in(feedback.message) - _allowed_numbers(exercise_id, probe)
    assert not leaked, f"{feedback.message!r} shows {leaked}"
    if factor != "one":
        assert feedback.status == "wrong", "a value 37 % off is never accepted, nor 'close'"


@pytest.mark.parametrize("exercise_id", SERIES)
def test_table_probes_are_wrong_and_name_only_labels(exercise_id):
    values = pd.Series(expected(exercise_id), dtype=float)
    feedback = evaluate(exercise_id, values * 1.37 + (values == 0))
    assert feedback.status == "wrong"
    shown = {round(v, 3) for v in _numbers_in(feedback.message)}
    assert not shown & {round(abs(v), 3) for v in values if abs(v) >= 2}


def test_wrong_numbers_get_direction_and_coarse_distance(made):
    exercise_id = made("test.value", 200.0, _core.number(), mistakes=[
        (lambda: 100.0, "you halved it: count both sides.")])
    assert evaluate(exercise_id, 201.0).message.startswith("❌ Not quite: 201 is slightly too high")
    assert "a little too low (between 1 % and 10 % off)" in evaluate(exercise_id, 190.0).message
    assert "too high (more than 10 % off)" in evaluate(exercise_id, 274.0).message
    assert "far too low (more than 50 % off)" in evaluate(exercise_id, 1.0).message
    assert "wrong sign" in evaluate(exercise_id, -200.0).message
    assert evaluate(exercise_id, 100.0).message == "❌ Not quite: you halved it: count both sides."
    assert evaluate(exercise_id, 274.0).message.endswith("Hint: think again about the formula.")


@pytest.mark.parametrize("answer, fragment", [
    ([13565], "one-element collection; take its value"),
    (pd.Series([13565]), "one-element collection"),
    (math.nan, "your answer is NaN"),
    (True, "expected a number, got True/False"),
    ("lots", "expected a number, got the text 'lots'"),
    ([1, 2], "expected a single number, got a collection of 2 values"),
    (pd.DataFrame({"a": range(100), "b": range(100)}), "got a table (DataFrame of shape (100, 2))"),
    (math.inf, "infinite"),
])
def test_number_type_mistakes(made, answer, fragment):
    exercise_id = made("test.money", 13565.27, _core.number(unit="$"))
    feedback = evaluate(exercise_id, answer)
    assert feedback.status == "wrong"
    assert fragment in feedback.message
    assert "\n" not in feedback.message and len(feedback.message) < 250


def test_a_series_with_missing_values_says_so(made):
    exercise_id = made("test.table", pd.Series({"a": 1.5, "b": 2.5, "c": 3.5}), _core.numbers())
    feedback = evaluate(exercise_id, pd.Series({"a": 1.5, "b": np.nan, "c": 3.5}))
    assert feedback.status == "wrong" and "missing (NaN" in feedback.message and "at b" in feedback.message
    assert "1 of 3 values are not right (at c)" in evaluate(
        exercise_id, {"a": 1.5, "b": 2.5, "c": 9.0}).message
    assert evaluate(exercise_id, {"A": 1.5, "B": 2.5, "C": 3.5}).correct   # labels as labels
    assert "missing entries for c" in evaluate(exercise_id, {"a": 1, "b": 2, "d": 3}).message


def test_labels_ids_months_and_dates_in_any_common_form(made):
    checks.aliases({"重要挽留客户": "important to retain"})
    seg = made("test.segment", "important to retain",
               _core.label(["important to retain", "important value"]))
    for answer in ["important to retain", "Important_To_Retain", " important-to-retain ", "重要挽留客户"]:
        assert evaluate(seg, answer).correct, answer
    item = made("test.item", 9, _core.ident())
    for answer in [9, "9", 9.0, "item 9", "Q9", np.int64(9)]:
        assert evaluate(item, answer).correct, answer
    assert "too low" not in evaluate(item, 8).message
    customer = made("test.customer", "C0012", _core.ident())
    assert evaluate(customer, "c0012").correct and evaluate(customer, 12).correct
    month = made("test.month", "2025-07", _core.month())
    for answer in ["2025-07", "2025-7", "2025/07", "July 2025", "Jul 2025", "2025年7月",
                   pd.Period("2025-07", "M"), pd.Timestamp("2025-07-15"), "202507"]:
        assert evaluate(month, answer).correct, answer
    assert "year" in evaluate(month, "July").message
    assert "2025" not in evaluate(month, "July").message
    day = made("test.day", "2025-07-03", _core.date())
    for answer in ["2025-07-03", "2025/7/3", "3 July 2025", "July 3, 2025", "2025年7月3日",
                   pd.Timestamp("2025-07-03 14:00"), "2025-07-03T23:59", "20250703"]:
        assert evaluate(day, answer).correct, answer
    assert "two ways" in evaluate(day, "07/03/2025").message


def test_label_message_does_not_reveal_the_answer():
    ok, message = _core.label()(3, "secretanswer")
    assert not ok and "secretanswer" not in message
    ok, message = _core.label()("other", "secretanswer")
    assert not ok and "secretanswer" not in message


# --- written answers and concept checks ----------------------------------------------------------

WRONG_RECOMMENDATION = ("Drop the must-be tamper seal, stop all attractive features and raise the "
                        "price")


@pytest.mark.parametrize("exercise_id", WRITTEN)
def test_written_answers_are_recorded_never_correct(exercise_id):
    long_enough = " ".join([WRONG_RECOMMENDATION + " for every customer of the store."] * 3)
    feedback = evaluate(exercise_id, long_enough)
    assert feedback.status == "recorded" and not feedback.correct
    assert feedback.message.startswith("📝 Recorded")
    assert "model answer" in feedback.message
    assert evaluate(exercise_id, "Because.").status == "wrong"     # too short to be an answer
    with pytest.raises(AssertionError):
        score(exercise_id, WRONG_RECOMMENDATION)


def test_the_wrong_recommendation_of_the_issue_is_not_marked_correct():
    for exercise_id in WRITTEN:
        assert not evaluate(exercise_id, WRONG_RECOMMENDATION).correct


@pytest.mark.parametrize("quiz_id", QUIZZES)
def test_concept_checks(quiz_id):
    quiz = checks.quiz(quiz_id)
    right = {i: q.answer for i, q in enumerate(quiz.questions, 1)}
    feedback = evaluate(quiz_id, right)
    assert feedback.correct and all(q.explanation in feedback.message for q in quiz.questions)
    assert evaluate(quiz_id, [q.answer for q in quiz.questions]).correct
    assert evaluate(quiz_id, {str(k): v.upper() for k, v in right.items()}).correct
    wrong = dict(right)
    first = quiz.questions[0]
    wrong[1] = next(letter for letter in _core.LETTERS[: len(first.options)] if letter != first.answer)
    feedback = evaluate(quiz_id, wrong)
    assert feedback.status == "wrong" and "look again at 1" in feedback.message
    assert first.explanation not in feedback.message          # no explanation that gives it away
    assert score(quiz_id, wrong) == pytest.approx(round(REGISTRY[quiz_id].points * (len(right) - 1)
                                                        / len(right), 2))
    assert evaluate(quiz_id, {1: ...}).status == "unanswered"
    assert "there is no question" in evaluate(quiz_id, {99: "a"}).message
    html, text = quiz._repr_html_(), repr(quiz)
    assert quiz.questions[0].text.split()[0] in text and "<ol>" in html
    assert first.explanation not in html and first.explanation not in text


# --- grading (nbgrader's hidden tests) -----------------------------------------------------------

def test_score_returns_points_or_fails(made):
    exercise_id = made("test.graded", 0.25, _core.number(), points=2)
    assert score(exercise_id, 0.25) == 2
    with pytest.raises(AssertionError, match="too high"):
        score(exercise_id, 0.5)
    with pytest.raises(AssertionError, match="Not answered"):
        score(exercise_id, ...)


# --- errors and printing -------------------------------------------------------------------------

def test_unknown_id_lists_known_ids():
    feedback = evaluate("no.such.exercise", 1)
    assert feedback.status == "error"
    assert feedback.message.startswith("⚠️ There is no exercise 'no.such.exercise'. Known: ")
    assert evaluate(None, 1).status == "error"       # type: ignore[arg-type]
    assert evaluate(["x"], 1).status == "error"      # type: ignore[arg-type]  (unhashable)


def test_a_broken_expected_value_is_reported_not_raised(monkeypatch):
    def broken():
        raise ZeroDivisionError("division by zero")
    monkeypatch.setitem(REGISTRY, "test.broken",
                        _core.Exercise("test.broken", "Broken", expected=broken,
                                       compare=_core.number()))
    feedback = evaluate("test.broken", 1.0)
    assert feedback.status == "error"
    assert "ZeroDivisionError: division by zero" in feedback.message


def test_a_broken_mistake_detector_is_skipped(made):
    def broken():
        raise RuntimeError("boom")
    exercise_id = made("test.mistakes", 10.0, _core.number(), hint="think",
                       mistakes=[(broken, "never shown"), (lambda: 5.0, "you halved it.")])
    assert evaluate(exercise_id, 5.0).message == "❌ Not quite: you halved it."
    assert evaluate(exercise_id, 7.0).message.endswith("Hint: think")


@pytest.mark.parametrize("exercise_id", [i for i in IDS if i not in QUIZZES][:20])
def test_check_prints_exactly_one_line(exercise_id):
    for answer in [..., expected(exercise_id), pd.DataFrame({"a": [1, 2, 3]})]:
        out = printed(exercise_id, answer)
        assert out.count("\n") == 1 and out == evaluate(exercise_id, answer).message + "\n"


def test_public_api():
    assert set(checks.__all__) == {"check", "score", "evaluate", "quiz", "aliases", "Feedback",
                                   "REGISTRY", "QUIZZES", "NOT_ANSWERED"}
    assert Feedback("correct", "x").correct and not Feedback("wrong", "x").correct


# --- fuzz: a check never raises ------------------------------------------------------------------

class Hostile:
    """An object whose every protocol raises."""

    def __eq__(self, other):
        raise RuntimeError("no __eq__")

    __hash__ = None  # type: ignore[assignment]

    def __float__(self):
        raise RuntimeError("no __float__")

    def __len__(self):
        raise RuntimeError("no __len__")

    def __iter__(self):
        raise RuntimeError("no __iter__")

    def __bool__(self):
        raise RuntimeError("no __bool__")

    def __repr__(self):
        raise RuntimeError("no __repr__")

    def __str__(self):
        raise RuntimeError("no __str__")


class HostileFloat(float):
    def __float__(self):
        raise RuntimeError("no __float__")

    def __gt__(self, other):
        raise RuntimeError("no __gt__")


class HostileStr(str):
    def strip(self, *args):
        raise RuntimeError("no strip")

    def lower(self):
        raise RuntimeError("no lower")

    def replace(self, *args):
        raise RuntimeError("no replace")


class HostileList(list):
    def __len__(self):
        raise RuntimeError("no __len__")


odd = st.one_of(st.builds(Hostile), st.builds(HostileFloat, st.floats()),
                st.builds(HostileStr, st.text(max_size=10)),
                st.builds(HostileList, st.lists(st.integers(), max_size=3)),
                st.sampled_from([object(), float, len, Ellipsis, NotImplemented, pd.NA, pd.NaT,
                                 np.datetime64("2020-01-01"), range(5), {1, 2}, frozenset()]))

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(), st.binary(), st.complex_numbers(), st.decimals(), st.fractions(),
    st.sampled_from(["13565", "13,565", "monopoly", " Trust ", "price", "July 2025", "2025-7",
                     "switching costs", "", "nan", "1e400", "0x10"]),
    st.sampled_from([221_000, 195_000, 0.3533, 0.11, 115_200.0, 1e308, -0.0, "item 9", "重要挽留客户"]),
    odd,
)

finite = st.floats(allow_nan=False, allow_infinity=False, width=32)
numeric_lists = st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=8)
arrays = hnp.arrays(dtype=hnp.scalar_dtypes(),
                    shape=hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5))
series = st.one_of(
    numeric_lists.map(pd.Series),
    st.lists(st.text(max_size=5), max_size=6).map(lambda v: pd.Series(v, dtype=object)),
    st.lists(finite, min_size=5, max_size=5).map(lambda v: pd.Series(v, index=TYPES)),
    st.lists(finite, min_size=5, max_size=5).map(
        lambda v: pd.Series(v, index=pd.CategoricalIndex(TYPES, name="main_reason"))),
    st.lists(st.sampled_from(TYPES), max_size=6).map(lambda v: pd.Series(v, dtype="category")),
    st.lists(st.one_of(st.integers(-5, 5), st.none()), max_size=6).map(
        lambda v: pd.Series(v, dtype="Int64")),
    st.dictionaries(st.text(max_size=5), finite, max_size=6).map(
        lambda d: pd.Series(d, dtype=float)),
)
frames = st.one_of(
    numeric_lists.map(lambda v: pd.DataFrame({"x": v})),
    st.lists(st.tuples(finite, st.text(max_size=3)), max_size=6).map(
        lambda rows: pd.DataFrame(rows, columns=["a", "b"])),
    st.lists(finite, min_size=5, max_size=5).map(
        lambda v: pd.DataFrame({"loyalty_index": v}, index=TYPES)),
    st.just(pd.DataFrame()),
)

leaves = st.one_of(scalars, arrays, series, frames)
answers = st.recursive(
    leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.tuples(children, children),
        st.dictionaries(st.one_of(st.text(max_size=5), st.sampled_from(TYPES)), children,
                        max_size=5),
        st.lists(children, max_size=5).map(lambda v: pd.Series(v, dtype=object)),
    ),
    max_leaves=12,
)
answers = st.one_of(leaves, answers)  # plain values at the top level too, not only in containers


@pytest.mark.parametrize("exercise_id", IDS + ["no.such.exercise"])
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answer=answers)
def test_evaluate_never_raises(exercise_id, answer):
    feedback = evaluate(exercise_id, answer)
    assert isinstance(feedback, Feedback)
    assert feedback.status in STATUSES
    assert isinstance(feedback.message, str) and feedback.message
    if exercise_id not in QUIZZES:
        assert "\n" not in feedback.message
    if exercise_id == "no.such.exercise":
        assert feedback.status == "error"


def test_direction_of_a_wrong_negative_number_is_signed():
    from crmlib.checks._core import _how_far
    assert _how_far(-1.2, -0.932).startswith("too low")     # more negative is lower
    assert _how_far(-0.5, -0.932).startswith("too high")
    assert _how_far(0.5, -0.932) == "of the wrong sign"
