"""Tests for crmlib.checks, the self-check engine of the exercise notebooks: every registered
exercise says 'not answered' for ``...``, accepts its own expected answer, explains wrong answers
(with the specific hint for a known mistake), and never raises whatever it is given."""
from __future__ import annotations

import contextlib
import io
import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from crmlib import checks
from crmlib.checks import NOT_ANSWERED, REGISTRY, Feedback, check, evaluate
from crmlib.checks import _core

IDS = sorted(REGISTRY)
STATUSES = {"unanswered", "wrong", "correct", "error"}
TYPES = ["monopoly", "inertia", "price", "incentive", "trust"]

def right_answer(exercise_id):
    """The expected answer, or for a written answer the model answer the exercise carries."""
    exercise = REGISTRY[exercise_id]
    expected = exercise.expected()
    if expected is None:
        if exercise.example is None:
            pytest.fail(f"{exercise_id} is a written answer: give its Exercise an example=")
        return exercise.example
    return expected


def is_written(exercise_id):
    return REGISTRY[exercise_id].expected() is None


def printed(exercise_id, answer) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check(exercise_id, answer) is None
    return out.getvalue()


# --- the registry -------------------------------------------------------------------------------

def test_chapter_5_exercises_registered():
    assert {"loyalty.mrs_smith_10", "loyalty.mrs_smith_profit", "loyalty.spurious_share",
            "loyalty.most_spurious_reason", "loyalty.index_by_reason", "loyalty.hostage_share",
            "loyalty.ladder_repeat_conversion", "loyalty.coalition_break_even",
            "loyalty.coalition_net", "loyalty.satisfied_not_loyal"} <= set(REGISTRY)
    for exercise_id, exercise in REGISTRY.items():
        assert exercise.id == exercise_id
        assert exercise.title and exercise.hint


def test_register_refuses_duplicates():
    with pytest.raises(ValueError, match="registered twice"):
        _core.register(REGISTRY["loyalty.mrs_smith_10"])


def test_expected_values_by_hand():
    ev = {k: REGISTRY[k].expected() for k in IDS}
    assert ev["loyalty.mrs_smith_10"] == 221_000            # 26,000 x (1 + 7.5)
    assert ev["loyalty.mrs_smith_profit"] == 104_000        # 416,000 x 0.25
    assert ev["loyalty.spurious_share"] == pytest.approx(212 / 600)
    assert ev["loyalty.most_spurious_reason"] == "monopoly"
    assert ev["loyalty.hostage_share"] == pytest.approx(0.11)
    assert ev["loyalty.ladder_repeat_conversion"] == pytest.approx(1121 / 1724)
    # coalition: base 30,000,000; reward cost per unit 0.01 x 0.8 x 0.5 = 0.004
    # net = 1,200,000 x 0.25 - 31,200,000 x 0.004 - 60,000 = 300,000 - 124,800 - 60,000
    assert ev["loyalty.coalition_net"] == pytest.approx(115_200)
    # break-even = (30,000,000 x 0.004 + 60,000) / (30,000,000 x (0.25 - 0.004))
    assert ev["loyalty.coalition_break_even"] == pytest.approx(180_000 / 7_380_000)
    by_reason = ev["loyalty.index_by_reason"]
    assert list(by_reason.index) == TYPES
    assert by_reason.idxmax() == "trust" and by_reason.idxmin() == "price"


# --- unanswered ----------------------------------------------------------------------------------

@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("answer", [..., [..., ...], (...,), {"a": ..., "b": ...}],
                         ids=["ellipsis", "list", "tuple", "dict"])
def test_unanswered(exercise_id, answer):
    feedback = evaluate(exercise_id, answer)
    assert feedback.status == "unanswered"
    assert feedback.message == NOT_ANSWERED
    assert not feedback.correct


@pytest.mark.parametrize("answer", [[], {}, (), [..., 1], None, "..."])
def test_almost_unanswered_is_an_answer(answer):
    assert evaluate("loyalty.mrs_smith_10", answer).status == "wrong"


# --- correct -------------------------------------------------------------------------------------

@pytest.mark.parametrize("exercise_id", IDS)
def test_expected_answer_is_correct(exercise_id):
    feedback = evaluate(exercise_id, right_answer(exercise_id))
    assert feedback.status == "correct", feedback.message
    assert feedback.correct
    assert feedback.message.startswith("✅ Correct!")
    assert str(feedback) == feedback.message


@pytest.mark.parametrize("answer", [221_000, 221_000.0, np.int64(221_000), np.float64(221_000),
                                    221_000.0001, Fraction(221_000)])
def test_number_forms_accepted(answer):
    feedback = evaluate("loyalty.mrs_smith_10", answer)
    assert feedback.status == "correct"
    assert feedback.message == "✅ Correct! $221,000"


def test_number_tolerance():
    assert evaluate("loyalty.spurious_share", 0.3533).correct     # within 0.1 %
    assert not evaluate("loyalty.spurious_share", 0.35).correct   # 1 % off
    assert evaluate("loyalty.coalition_break_even", 0.02439).correct
    assert not evaluate("loyalty.coalition_break_even", 0.0243).correct


@pytest.mark.parametrize("answer", ["monopoly", "Monopoly", "  MONOPOLY "])
def test_label_ignores_case_and_spaces(answer):
    assert evaluate("loyalty.most_spurious_reason", answer).correct


def test_numbers_accept_series_dict_list_and_one_column_frame():
    expected = REGISTRY["loyalty.index_by_reason"].expected()
    as_dict = {str(k): float(v) for k, v in expected.items()}
    forms = [expected, as_dict, list(as_dict.values()), np.array(list(as_dict.values())),
             pd.Series(as_dict)[::-1],                              # other order, same labels
             pd.DataFrame({"loyalty_index": expected}),
             pd.Series(as_dict).round(2)]                           # rounded: within 0.1 %
    for form in forms:
        assert evaluate("loyalty.index_by_reason", form).correct, type(form)


@pytest.mark.parametrize("text", [
    "Competition: customers have alternatives and low switching costs.",
    "竞争激烈，转换成本低",
    "Price sensitive customers chase rewards from rival programmes.",
])
def test_written_answer_accepted(text):
    feedback = evaluate("loyalty.satisfied_not_loyal", text)
    assert feedback.correct
    assert "key ideas" in feedback.message


# --- wrong ---------------------------------------------------------------------------------------

WRONG = [
    ("loyalty.mrs_smith_10", 300_000, ["$300,000 is too high", "1.36 times",
                                       "Hint: the loss is Mrs Smith's own lifetime value"]),
    ("loyalty.mrs_smith_10", 26_000, ["$26,000 is too low", "0.118 times"]),
    ("loyalty.mrs_smith_profit", 52_000, ["$52,000 is too low (it is 0.5 times",
                                          "25% gross margin"]),
    ("loyalty.spurious_share", 35.33, ["too high", "A share is between 0 and 1"]),
    ("loyalty.most_spurious_reason", "trust", ["'trust' is not the right one.", "Hint: group"]),
    ("loyalty.most_spurious_reason", "spurious loyalty",
     ["'spurious loyalty' is not one of the options ['incentive', 'inertia', 'monopoly', "
      "'price', 'trust']"]),
    ("loyalty.most_spurious_reason", 3,
     ["expected a text label (one of ['incentive', 'inertia', 'monopoly', 'price', 'trust']), "
      "got int 3"]),
    ("loyalty.index_by_reason", [40.0, 50.0, 30.0, 40.0],
     ["expected 5 values, got 4", "observed=True"]),
    ("loyalty.index_by_reason", dict(zip(TYPES[:4] + ["Trust"], [43.6, 48.0, 33.2, 41.5, 63.9])),
     ["missing entries for ['trust']"]),
    ("loyalty.index_by_reason", ["a", "b", "c", "d", "e"], ["expected numbers, found text"]),
    ("loyalty.index_by_reason", 48.3, ["expected 5 numbers (a Series or list), got float 48.3"]),
    ("loyalty.hostage_share", 11, ["too high", "default cuts of 4"]),
    ("loyalty.ladder_repeat_conversion", 1724 / 1121, ["too high"]),
    ("loyalty.coalition_break_even", 0.05, ["too high", "partner_share=0.5"]),
    ("loyalty.coalition_net", 0, ["$0 is too low (it is 0 times", "net benefit = incremental"]),
    ("loyalty.satisfied_not_loyal", "Because they are happy.",
     ["mentions 0 of the 2 key ideas", "Think about:"]),
    ("loyalty.satisfied_not_loyal", 42, ["expected your answer as text in quotes, got int 42"]),
]


@pytest.mark.parametrize("exercise_id, answer, fragments", WRONG)
def test_wrong_answers_explained(exercise_id, answer, fragments):
    feedback = evaluate(exercise_id, answer)
    assert feedback.status == "wrong"
    assert not feedback.correct
    assert feedback.message.startswith("❌ Not quite: ")
    for fragment in fragments:
        assert fragment in feedback.message


def test_index_by_reason_names_the_wrong_entry():
    expected = REGISTRY["loyalty.index_by_reason"].expected().copy()
    expected["trust"] += 5
    feedback = evaluate("loyalty.index_by_reason", expected)
    assert feedback.status == "wrong"
    assert "1 of 5 values differ (e.g. at trust)" in feedback.message


@pytest.mark.parametrize("exercise_id", IDS)
def test_some_wrong_answer_is_wrong(exercise_id):
    """A generic wrong answer of the right kind is judged wrong, with the exercise's hint."""
    right = right_answer(exercise_id)
    if isinstance(right, str):
        wrong = "zzz" if is_written(exercise_id) else right + " not"
    elif isinstance(right, pd.Series):
        wrong = right * 2
    else:
        wrong = right * 3
    feedback = evaluate(exercise_id, wrong)
    assert feedback.status == "wrong"
    assert feedback.message.endswith(REGISTRY[exercise_id].hint)


@pytest.mark.parametrize("exercise_id, answer, fragment", [
    ("loyalty.mrs_smith_10", 195_000, "forgot Mrs Smith herself"),
    ("loyalty.mrs_smith_10", 416_000, "that is the answer for 20 people told"),
    ("loyalty.mrs_smith_10", 58_500, "count the influenced people *and* their contacts"),
    ("loyalty.mrs_smith_profit", 416_000, "that is the revenue loss"),
    ("loyalty.coalition_break_even", 300_000 / 7_260_000, "set partner_share=0.5"),
])
def test_known_mistakes_get_their_hint(exercise_id, answer, fragment):
    feedback = evaluate(exercise_id, answer)
    assert feedback.status == "wrong"
    assert fragment in feedback.message
    assert "Hint:" not in feedback.message   # the specific hint replaces the general one


@pytest.mark.parametrize("answer", ["221000", "221,000", " 221000.0 "])
def test_number_as_text_says_without_quotes(answer):
    feedback = evaluate("loyalty.mrs_smith_10", answer)
    assert feedback.status == "wrong"
    assert "give the number itself, without quotes" in feedback.message


@pytest.mark.parametrize("answer, fragment", [
    ("$221,000", "expected a number, got the text '$221,000'"),
    ([221_000], "one-element collection; take its value"),
    (pd.Series([221_000]), "one-element collection"),
    (np.array([221_000.0]), "one-element collection"),
    (math.nan, "your answer is NaN"),
    (True, "expected a number, got bool True"),
    (None, "expected a number, got NoneType None"),
    (Decimal("221000"), "expected a number, got Decimal"),
    ([221_000, 1], "expected a single number, got a collection of 2 values"),
    (math.inf, "$inf is too high"),
])
def test_number_type_mistakes(answer, fragment):
    feedback = evaluate("loyalty.mrs_smith_10", answer)
    assert feedback.status == "wrong"
    assert fragment in feedback.message


def test_label_message_does_not_reveal_the_answer():
    ok, message = _core.label()(3, "secretanswer")
    assert not ok
    assert "secretanswer" not in message
    assert message == "expected a text label (a word in quotes), got int 3."


def test_descriptions_are_short_and_on_one_line():
    frame = pd.DataFrame({"a": range(100), "b": range(100)})
    feedback = evaluate("loyalty.mrs_smith_10", frame)
    assert feedback.status == "wrong"
    assert "expected a single number, got a table (DataFrame of shape (100, 2))" in feedback.message
    assert "\n" not in feedback.message
    assert len(feedback.message) < 250


# --- errors and printing -------------------------------------------------------------------------

def test_unknown_id_lists_known_ids():
    feedback = evaluate("loyalty.mrs_smith_11", 221_000)
    assert feedback.status == "error"
    assert feedback.message.startswith("⚠️ There is no exercise 'loyalty.mrs_smith_11'. Known: ")
    for exercise_id in IDS:
        assert exercise_id in feedback.message
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


def test_a_broken_mistake_detector_is_skipped(monkeypatch):
    def broken():
        raise RuntimeError("boom")
    monkeypatch.setitem(REGISTRY, "test.mistakes", _core.Exercise(
        "test.mistakes", "Mistakes", expected=lambda: 10.0, compare=_core.number(),
        hint="think", mistakes=[(broken, "never shown"), (lambda: 5.0, "you halved it.")]))
    assert evaluate("test.mistakes", 5.0).message == "❌ Not quite: you halved it."
    assert evaluate("test.mistakes", 7.0).message.endswith("Hint: think")


@pytest.mark.parametrize("exercise_id, answer, status", [
    ("loyalty.mrs_smith_10", ..., "unanswered"),
    ("loyalty.mrs_smith_10", 221_000, "correct"),
    ("loyalty.mrs_smith_10", 195_000, "wrong"),
    ("loyalty.mrs_smith_10", pd.DataFrame({"a": [1, 2, 3]}), "wrong"),
    ("loyalty.index_by_reason", np.zeros((3, 3)), "wrong"),  # a 2-D table: says so
    ("no.such.exercise", 1, "error"),
])
def test_check_prints_exactly_one_line(exercise_id, answer, status):
    out = printed(exercise_id, answer)
    assert out.count("\n") == 1 and out.endswith("\n")
    assert out == evaluate(exercise_id, answer).message + "\n"
    assert evaluate(exercise_id, answer).status == status


def test_check_unanswered_line():
    assert printed("loyalty.mrs_smith_10", ...) == NOT_ANSWERED + "\n"


def test_public_api():
    assert set(checks.__all__) == {"check", "evaluate", "Feedback", "REGISTRY", "NOT_ANSWERED"}
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
    st.sampled_from(["221000", "221,000", "monopoly", " Trust ", "price", "competition",
                     "switching costs", "", "nan", "1e400", "0x10"]),
    st.sampled_from([221_000, 195_000, 416_000, 0.3533, 0.11, 115_200.0, 1e308, -0.0]),
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
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answer=answers)
def test_evaluate_never_raises(exercise_id, answer):
    feedback = evaluate(exercise_id, answer)
    assert isinstance(feedback, Feedback)
    assert feedback.status in STATUSES
    assert isinstance(feedback.message, str) and feedback.message
    assert "\n" not in feedback.message
    if exercise_id == "no.such.exercise":
        assert feedback.status == "error"


def test_zero_dimensional_array_counts_as_a_number():
    assert evaluate("loyalty.mrs_smith_10", np.array(221_000.0)).status == "correct"
