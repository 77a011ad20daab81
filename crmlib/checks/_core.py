"""The self-check engine: compare a student's answer with the expected one and say, in plain
words, what to do next. It never raises: whatever the student typed, they get a message.

Expected answers are computed by crmlib when the check runs, never written into a notebook, so
an exercise notebook does not contain its solutions.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

NOT_ANSWERED = "⏳ Not answered yet: replace the ... with your answer and run the cell again."


@dataclass(frozen=True)
class Feedback:
    """The outcome of a check: ``status`` is 'unanswered', 'wrong', 'correct' or 'error'."""

    status: str
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Exercise:
    """One checkable answer: how to compute what is expected and how to compare."""

    id: str
    title: str
    expected: Callable[[], Any]
    compare: Callable[[Any, Any], tuple[bool, str]]
    hint: str = ""
    mistakes: Sequence[tuple[Callable[[], Any], str]] = field(default_factory=tuple)
    #: For written answers (``keywords``), a model answer that the check accepts: tests use it.
    example: Any = None


REGISTRY: dict[str, Exercise] = {}
_EXPECTED: dict[str, Any] = {}  # expected answers are deterministic: compute each once


def _expected(exercise: Exercise) -> Any:
    if exercise.id not in _EXPECTED:
        _EXPECTED[exercise.id] = exercise.expected()
    return _EXPECTED[exercise.id]


def register(exercise: Exercise) -> Exercise:
    """Add an exercise to the registry (ids are unique)."""
    if exercise.id in REGISTRY:
        raise ValueError(f"exercise id {exercise.id!r} is registered twice")
    REGISTRY[exercise.id] = exercise
    return exercise


def _is_unanswered(answer: Any) -> bool:
    if answer is Ellipsis:
        return True
    if isinstance(answer, (list, tuple, set)) and answer and all(a is Ellipsis for a in answer):
        return True
    if isinstance(answer, dict) and answer and all(a is Ellipsis for a in answer.values()):
        return True
    return False


def evaluate(exercise_id: str, answer: Any) -> Feedback:
    """Check ``answer`` for exercise ``exercise_id`` and return a :class:`Feedback`. Never raises.

    >>> evaluate("loyalty.mrs_smith_10", ...).status
    'unanswered'
    """
    try:
        exercise = REGISTRY.get(exercise_id)
        if exercise is None:
            known = ", ".join(sorted(REGISTRY)) or "(none loaded)"
            return Feedback("error", f"⚠️ There is no exercise {exercise_id!r}. Known: {known}")
        if _is_unanswered(answer):
            return Feedback("unanswered", NOT_ANSWERED)
        expected = _expected(exercise)
        ok, detail = exercise.compare(answer, expected)
        if ok:
            return Feedback("correct", f"✅ Correct! {detail}".rstrip())
        for wrong_value, mistake_hint in exercise.mistakes:
            try:
                if exercise.compare(answer, wrong_value())[0]:
                    return Feedback("wrong", f"❌ Not quite: {mistake_hint}")
            except Exception:  # a mistake detector must never break the check
                continue
        hint = f" Hint: {exercise.hint}" if exercise.hint else ""
        return Feedback("wrong", f"❌ Not quite: {detail}{hint}".rstrip())
    except Exception as exc:  # the promise: a student's input never crashes the check
        return Feedback("error", f"⚠️ This answer could not be checked ({type(exc).__name__}: "
                                 f"{' '.join(str(exc).split())}). Look at its type and shape, "
                                 "then try again.")


def check(exercise_id: str, answer: Any) -> None:
    """Print the feedback for ``answer``: the call to put in an exercise's self-check cell.

    >>> check("loyalty.mrs_smith_10", ...)
    ⏳ Not answered yet: replace the ... with your answer and run the cell again.
    """
    print(evaluate(exercise_id, answer).message)


# ---------------------------------------------------------------------------------------------
# Comparisons: each returns (ok, message); the message explains a wrong answer
# ---------------------------------------------------------------------------------------------

def _describe(value: Any) -> str:
    text = " ".join(repr(value).split())  # one line: a DataFrame's repr spans many
    return f"{type(value).__name__} {text if len(text) < 60 else text[:57] + '...'}"


def number(rel_tol: float = 1e-6, abs_tol: float = 1e-9, unit: str = ""
           ) -> Callable[[Any, Any], tuple[bool, str]]:
    """Compare a single number, within a relative tolerance."""

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        if isinstance(answer, str):
            try:
                float(answer.replace(",", ""))
                return False, f"you gave text ({answer!r}); give the number itself, without quotes."
            except ValueError:
                return False, f"expected a number, got the text {answer!r}."
        if isinstance(answer, np.ndarray) and answer.ndim == 0:
            answer = answer.item()
        if isinstance(answer, pd.DataFrame):
            return False, f"expected a single number, got a table (DataFrame of shape {answer.shape}); pick one value."
        if isinstance(answer, (pd.Series, np.ndarray, list, tuple)):
            if len(answer) == 1:
                return False, "expected a single number, got a one-element collection; take its value."
            return False, f"expected a single number, got a collection of {len(answer)} values."
        if isinstance(answer, bool) or not isinstance(answer, (Real, np.number)):
            return False, f"expected a number, got {_describe(answer)}."
        value = float(answer)
        if math.isnan(value):
            return False, "your answer is NaN (not a number): a calculation divided 0 by 0 or used a missing value."
        if math.isclose(value, float(expected), rel_tol=rel_tol, abs_tol=abs_tol):
            return True, f"{unit}{value:,.6g}"
        direction = "too high" if value > expected else "too low"
        ratio = value / expected if expected else float("inf")
        return False, f"{unit}{value:,.6g} is {direction} (it is {ratio:.3g} times the expected value)."

    return compare


def label(choices: Iterable[str] | None = None) -> Callable[[Any, Any], tuple[bool, str]]:
    """Compare one text label, ignoring case and surrounding spaces."""
    options = sorted(str(c).strip().lower() for c in choices) if choices is not None else None

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        if not isinstance(answer, str):
            kind = f" (one of {options})" if options is not None else " (a word in quotes)"
            return False, f"expected a text label{kind}, got {_describe(answer)}."
        got = answer.strip().lower()
        if options is not None and got not in options:
            return False, f"{answer!r} is not one of the options {options}."
        if got == str(expected).strip().lower():
            return True, f"{answer.strip()!r}"
        return False, f"{answer!r} is not the right one."

    return compare


def numbers(rel_tol: float = 1e-6) -> Callable[[Any, Any], tuple[bool, str]]:
    """Compare a Series/dict/list of numbers (labels must match when expected has them)."""

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        exp = pd.Series(expected, dtype=float)
        if isinstance(answer, dict):
            answer = pd.Series(answer)
        if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
            answer = answer.iloc[:, 0]
        if not isinstance(answer, (pd.Series, list, tuple, np.ndarray)):
            return False, f"expected {len(exp)} numbers (a Series or list), got {_describe(answer)}."
        if isinstance(answer, np.ndarray) and answer.ndim != 1:
            return False, f"expected a one-dimensional list of {len(exp)} numbers, got an array of shape {answer.shape}."
        got = pd.Series(answer) if not isinstance(answer, pd.Series) else answer
        if len(got) != len(exp):
            return False, f"expected {len(exp)} values, got {len(got)}."
        if isinstance(answer, pd.Series) and not isinstance(exp.index, pd.RangeIndex):
            missing = [k for k in exp.index if k not in got.index]
            if missing:
                return False, f"missing entries for {missing}; expected labels {list(exp.index)}."
            got = got.reindex(exp.index)
        try:
            values = got.to_numpy(dtype=float)
        except (TypeError, ValueError):
            return False, "expected numbers, found text or other values."
        close = np.isclose(values, exp.to_numpy(), rtol=rel_tol, atol=1e-9)
        if close.all():
            return True, ""
        wrong = [str(k) for k, c in zip(exp.index, close) if not c][:5]
        return False, f"{(~close).sum()} of {len(exp)} values differ (e.g. at {', '.join(wrong)})."

    return compare


def labels() -> Callable[[Any, Any], tuple[bool, str]]:
    """Compare a sequence of text labels element by element (case-insensitive)."""

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        exp = pd.Series(expected).astype(str).str.strip().str.lower().to_numpy()
        if isinstance(answer, str) or not isinstance(answer, Iterable):
            return False, f"expected {len(exp)} labels (a list or Series), got {_describe(answer)}."
        got = pd.Series(list(answer), dtype=object).astype(str).str.strip().str.lower().to_numpy()
        if len(got) != len(exp):
            return False, f"expected {len(exp)} labels, got {len(got)}."
        right = got == exp
        if right.all():
            return True, ""
        return False, f"{(~right).sum()} of {len(exp)} labels differ (first at position {int(np.argmin(right))})."

    return compare


def keywords(groups: Sequence[Sequence[str]], need: int | None = None
             ) -> Callable[[Any, Any], tuple[bool, str]]:
    """A short written answer: it must mention ``need`` of the key ideas (default all). Each
    idea is a group of accepted words (English or Chinese); one match counts the idea."""
    need = len(groups) if need is None else need

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        if not isinstance(answer, str):
            return False, f"expected your answer as text in quotes, got {_describe(answer)}."
        text = answer.lower()
        found = [g for g in groups if any(w.lower() in text for w in g)]
        if len(found) >= need:
            return True, "Your answer covers the key ideas; compare it with the solution's wording."
        missing = [g[0] for g in groups if g not in found]
        return False, (f"your answer mentions {len(found)} of the {need} key ideas needed. "
                       f"Think about: {', '.join(missing[: max(1, need - len(found))])}.")

    return compare
