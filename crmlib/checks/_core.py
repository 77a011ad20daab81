"""The self-check engine: compare a student's answer with the expected one and say, in plain
words, what to do next. It never raises: whatever the student typed, they get a message.

Three promises hold for every check:

* **It teaches without telling.** A wrong answer hears *too high* / *too low*, how far off in
  coarse words ("more than 10 % off"), or which known mistake it looks like; never a number from
  which the expected value follows.
* **It is fair to rounding.** A number is compared at the precision the student gave it: 0.932
  is right when the expected value rounds to 0.932, as long as it keeps at least three
  significant figures ("close: give more decimals" otherwise). Text, ids, months and dates are
  read in any common form; Chinese labels that the chapters teach count as their English twins.
* **Written answers are not marked by counting words.** They are *recorded*, with a pointer to
  the model answer in the solutions; only the instructor marks them.

Expected answers are computed by crmlib when the check runs, never written into a notebook, so
an exercise notebook does not contain its solutions. ``check`` is the formative call of the
exercise notebooks; ``score`` is the same test for grading (nbgrader's hidden tests): it
returns the points or fails the cell.
"""
from __future__ import annotations

import datetime as _dt
import html
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

# ---------------------------------------------------------------------------------------------
# The words a student reads, in one place (the Chinese edition adds a second table)
# ---------------------------------------------------------------------------------------------

TEXT: dict[str, dict[str, str]] = {"en": {
    "not_answered": "⏳ Not answered yet: replace the ... with your answer and run the cell again.",
    "not_defined": "⏳ Not answered yet: `{name}` does not exist yet. Run the answer cell above "
                   "(the one that sets `{name}`), then run this check again.",
    "correct": "✅ Correct! {detail}",
    "close": "🔶 Close: {detail}",
    "wrong": "❌ Not quite: {detail}",
    "recorded": "📝 Recorded ({words} words). A written answer gets no automatic mark: compare "
                "it with the model answer in the solutions, or hand it in to your instructor.",
    "too_short": "your answer is very short ({words} words); write two or three full sentences.",
    "unknown": "⚠️ There is no exercise {id!r}. Known: {known}",
    "error": "⚠️ This answer could not be checked ({kind}: {reason}). Look at its type and "
             "shape, then try again.",
    "more_decimals": "your answer is right as far as it goes, but rounded too hard: give at "
                     "least {sig} significant figures (more decimals).",
}}
LANGUAGE = "en"


def _t(key: str, **kw: Any) -> str:
    table = TEXT.get(LANGUAGE, TEXT["en"])
    return table.get(key, TEXT["en"][key]).format(**kw)


NOT_ANSWERED = TEXT["en"]["not_answered"]


@dataclass(frozen=True)
class Feedback:
    """The outcome of a check.

    ``status`` is 'unanswered', 'wrong', 'close', 'correct', 'recorded' (a written answer, for
    the instructor to mark) or 'error'; ``points`` is the share of the marks earned (0 to 1).
    """

    status: str
    message: str
    share: float = 0.0

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return self.message


#: A comparison returns (verdict, message): verdict True (right), False (wrong), or one of the
#: words "close", "recorded", "unanswered"; a quiz returns the share it earned as a third item.
Compare = Callable[[Any, Any], tuple]


@dataclass(frozen=True)
class Exercise:
    """One checkable answer: how to compute what is expected and how to compare."""

    id: str
    title: str
    expected: Callable[[], Any]
    compare: Compare
    hint: str = ""
    mistakes: Sequence[tuple[Callable[[], Any], str]] = field(default_factory=tuple)
    #: Marks for nbgrader (the self-check cell's points).
    points: int = 1


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


def _is_missing_scalar(value: Any) -> bool:
    """``...``, ``None`` or blank text: nothing given yet (a NaN is an answer that went wrong)."""
    if value is None or value is Ellipsis:
        return True
    if isinstance(value, str):
        return value.strip() in ("", "...", "…")
    return False


def _is_nan(value: Any) -> bool:
    try:
        return value is pd.NA or value is pd.NaT or (isinstance(value, (float, np.floating))
                                                     and math.isnan(value))
    except (TypeError, ValueError):
        return False


def _is_unanswered(answer: Any) -> bool:
    """``...``, ``None``, ``""`` and containers holding only those are 'not answered yet'."""
    if _is_missing_scalar(answer):
        return True
    if isinstance(answer, (list, tuple, set)) and answer:
        return all(_is_missing_scalar(a) for a in answer)
    if isinstance(answer, dict) and answer:
        return all(_is_missing_scalar(a) for a in answer.values())
    if isinstance(answer, (pd.Series, pd.Index)) and len(answer):
        return bool(answer.isna().all()) or all(a is Ellipsis for a in answer)
    return False


_NOTHING = object()


def _lookup(name: str, depth: int) -> Any:
    """The value of ``name`` in the notebook that called the check (its globals)."""
    frame = sys._getframe(depth + 1)
    return frame.f_globals.get(name, _NOTHING)


def evaluate(exercise_id: str, answer: Any = _NOTHING, *, name: str | None = None,
             _depth: int = 1) -> Feedback:
    """Check ``answer`` (or the variable called ``name``) for ``exercise_id``. Never raises.

    >>> some_id = sorted(REGISTRY)[0]
    >>> evaluate(some_id, ...).status
    'unanswered'
    >>> evaluate(some_id, name="a_name_nobody_set").status
    'unanswered'
    """
    try:
        exercise = REGISTRY.get(exercise_id)
        if exercise is None:
            known = ", ".join(sorted(REGISTRY)) or "(none loaded)"
            return Feedback("error", _t("unknown", id=exercise_id, known=known))
        if name is not None:
            answer = _lookup(name, _depth)
            if answer is _NOTHING:
                return Feedback("unanswered", _t("not_defined", name=name))
        if answer is _NOTHING or _is_unanswered(answer):
            return Feedback("unanswered", _t("not_answered"))
        expected = _expected(exercise)
        verdict = exercise.compare(answer, expected)
        ok, detail = verdict[0], verdict[1]
        share = float(verdict[2]) if len(verdict) > 2 else float(ok is True)
        if ok is True:
            return Feedback("correct", _t("correct", detail=detail).rstrip(), 1.0)
        if ok in ("recorded", "unanswered"):
            return Feedback(ok, detail)
        for wrong_value, mistake_hint in exercise.mistakes:
            try:
                if exercise.compare(answer, wrong_value())[0] is True:
                    return Feedback("wrong", _t("wrong", detail=mistake_hint))
            except Exception:  # a mistake detector must never break the check
                continue
        if ok == "close":
            return Feedback("close", _t("close", detail=detail), share)
        hint = f" Hint: {exercise.hint}" if exercise.hint else ""
        return Feedback("wrong", _t("wrong", detail=f"{detail}{hint}").rstrip(), share)
    except Exception as exc:  # the promise: a student's input never crashes the check
        return Feedback("error", _t("error", kind=type(exc).__name__,
                                    reason=" ".join(str(exc).split())))


def check(exercise_id: str, answer: Any = _NOTHING, *, name: str | None = None) -> None:
    """Print the feedback for an answer: the call in an exercise's self-check cell.

    Pass the answer's variable *name* (``name="loss_10"``) so that the check works even before
    the answer cell has run; passing the value itself works too.

    >>> check(sorted(REGISTRY)[0], ...)
    ⏳ Not answered yet: replace the ... with your answer and run the cell again.
    """
    print(evaluate(exercise_id, answer, name=name, _depth=2).message)


def score(exercise_id: str, answer: Any = _NOTHING, *, name: str | None = None,
          points: float | None = None) -> float:
    """The grading twin of :func:`check` (nbgrader's hidden tests): the points earned, or an
    AssertionError with the feedback when nothing was earned.

    >>> try:
    ...     score("no.such.exercise", 1)
    ... except AssertionError as err:
    ...     print("no points:", str(err)[:23])
    no points: ⚠️ There is no exercise
    """
    feedback = evaluate(exercise_id, answer, name=name, _depth=2)
    exercise = REGISTRY.get(exercise_id)
    total = float(points if points is not None else (exercise.points if exercise else 1))
    earned = round(total * feedback.share, 2)
    if earned <= 0:
        raise AssertionError(feedback.message)
    return earned


# ---------------------------------------------------------------------------------------------
# Numbers at the precision the student gave
# ---------------------------------------------------------------------------------------------

def _describe(value: Any) -> str:
    text = " ".join(repr(value).split())  # one line: a DataFrame's repr spans many
    return f"{type(value).__name__} {text if len(text) < 60 else text[:57] + '...'}"


def fmt(value: float, unit: str = "") -> str:
    """A number as a projector shows it: thousands separators, about six significant figures.

    >>> fmt(1602190.48, "$"), fmt(0.353333333), fmt(-0.5), fmt(13565.0)
    ('$1,602,190', '0.353333', '-0.5', '13,565')
    """
    if not math.isfinite(value):
        return f"{unit}{value}"
    digits = 1 + int(math.floor(math.log10(abs(value)))) if value else 1
    decimals = min(6, max(0, 6 - digits))
    text = f"{abs(value):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{'-' if value < 0 and text.strip('0.,') else ''}{unit}{text}"


_CURRENCY = re.compile(r"(?i)^(?:[$¥€£]|rmb|usd|cny)\s*|\s*(?:元|yuan|rmb|usd|dollars?|cny)$")


@dataclass(frozen=True)
class _Number:
    value: float
    exponent: int        # the place of the last digit given: -3 for 0.932, 2 for 13,600
    text: str


def _parse_number(answer: Any) -> _Number | str:
    """The number in an answer and the precision it was given at, or what is wrong with it."""
    if isinstance(answer, np.ndarray) and answer.ndim == 0:
        answer = answer.item()
    if isinstance(answer, pd.DataFrame):
        return f"expected a single number, got a table (DataFrame of shape {answer.shape}); pick one value."
    if isinstance(answer, (pd.Series, np.ndarray, list, tuple)):
        if len(answer) == 1:
            return "expected a single number, got a one-element collection; take its value."
        return f"expected a single number, got a collection of {len(answer)} values."
    if isinstance(answer, (bool, np.bool_)):
        return "expected a number, got True/False."
    if isinstance(answer, str):
        text = unicodedata.normalize("NFKC", answer).strip().replace("−", "-").replace("–", "-")
        text = _CURRENCY.sub("", text).replace(",", "").replace("_", "").replace(" ", "")
        percent = text.endswith("%")
        try:
            dec = Decimal(text.rstrip("%"))
        except InvalidOperation:
            return f"expected a number, got the text {answer!r}."
        if not dec.is_finite():
            return f"expected a number, got the text {answer!r}."
        # '13,600' is given to the hundred; '13,600.0' to the tenth
        exponent = (dec.normalize() if "." not in text and "e" not in text.lower() else dec
                    ).as_tuple().exponent
        value = float(dec)
        if percent:
            value, exponent = value / 100, exponent - 2
        return _Number(value, int(exponent), answer.strip())
    if not isinstance(answer, (Real, np.number)):
        return f"expected a number, got {_describe(answer)}."
    value = float(answer)
    if math.isnan(value):
        return "your answer is NaN (not a number): a calculation divided 0 by 0 or used a missing value."
    if math.isinf(value):
        return "your answer is infinite: a calculation divided by zero."
    exponent = Decimal(repr(value) if isinstance(answer, (float, np.floating)) else int(answer))
    return _Number(value, int(exponent.normalize().as_tuple().exponent), fmt(value))


def _significant(num: _Number) -> float:
    if num.value == 0:
        return math.inf
    return math.floor(math.log10(abs(num.value))) - num.exponent + 1


def _matches(num: _Number, expected: float, rel_tol: float, abs_tol: float, shift: int = 0
             ) -> bool:
    """Is ``num`` (times 10**shift) the expected value, exactly or rounded at its last digit?"""
    value = num.value * 10.0 ** shift
    err = abs(value - expected)
    if err <= max(rel_tol * abs(expected), abs_tol):
        return True
    if num.value == 0:  # a zero has no significant figures: only an exact 0 is a rounded answer
        return False
    half_place = 0.5 * 10.0 ** (num.exponent + shift)
    return err <= half_place * (1 + 1e-9) + 1e-12 * abs(expected)


def _how_far(value: float, expected: float) -> str:
    """Coarse words for how far off a wrong number is: never the size of the error."""
    if expected == 0:
        return "too high" if value > 0 else "too low"
    if value != 0 and (value > 0) != (expected > 0):
        return "of the wrong sign"
    direction = "too high" if value > expected else "too low"   # signed: -1.2 is below -0.93
    rel = abs(value - expected) / abs(expected)
    if rel <= 0.01:
        return (f"slightly {direction} (less than 1 % off, but not right at the precision you "
                "gave): check your rounding, or keep more decimals")
    if rel <= 0.10:
        return f"a little {direction} (between 1 % and 10 % off)"
    if rel <= 0.50:
        return f"{direction} (more than 10 % off)"
    return f"far {direction} (more than 50 % off)"


def _number_verdict(answer: Any, expected: float, rel_tol: float, abs_tol: float,
                    min_sig: int, unit: str) -> tuple[Any, str]:
    num = _parse_number(answer)
    if isinstance(num, str):
        return False, num
    expected = float(expected)
    shown = f"{unit}{fmt(num.value)}" if not isinstance(answer, str) else repr(num.text)
    if _matches(num, expected, rel_tol, abs_tol):
        exact = abs(num.value - expected) <= max(rel_tol * abs(expected), abs_tol)
        # 0.17 for 0.1700 has only two figures as a float: the trailing zero is implied
        at_min = expected == 0 or abs(num.value - expected) <= 0.5 * 10.0 ** (
            math.floor(math.log10(abs(expected))) - min_sig + 1) * (1 + 1e-9)
        if exact or _significant(num) >= min_sig or at_min:
            return True, f"{unit}{fmt(num.value)}"
        if _significant(num) >= 2:  # a one-digit guess gets no "close": that would narrow it
            return "close", _t("more_decimals", sig=min_sig)
    if _significant(num) >= 3:
        if _matches(num, expected, rel_tol, abs_tol, shift=-2):
            return False, (f"{shown} looks like a percentage; give it as a share (e.g. 0.25 for "
                           "25 %).")
        if _matches(num, expected, rel_tol, abs_tol, shift=2):
            return False, (f"{shown} looks like a share; the exercise asks for percentage "
                           "points (e.g. 25 for 25 %).")
    return False, f"{shown} is {_how_far(num.value, expected)}."


def number(rel_tol: float = 1e-6, abs_tol: float = 1e-9, unit: str = "", min_sig: int = 3
           ) -> Compare:
    """Compare a single number at the precision it was given, with at least ``min_sig``
    significant figures; ``rel_tol`` is the tolerance for a full-precision (computed) answer.

    >>> compare = number()
    >>> compare(-0.932, -0.93187)[0], compare("13,565", 13565.27)[0], compare(0.93, 0.93187)[0]
    (True, True, 'close')
    >>> compare(1.37 * 0.93187, 0.93187)
    (False, '1.27666 is too high (more than 10 % off).')
    """

    def compare(answer: Any, expected: Any) -> tuple[Any, str]:
        return _number_verdict(answer, expected, rel_tol, abs_tol, min_sig, unit)

    compare.kind = "number"  # type: ignore[attr-defined]
    return compare


def numbers(rel_tol: float = 1e-6, min_sig: int = 3) -> Compare:
    """Compare a Series/dict/list of numbers, each at the precision it was given (labels must
    match when expected has them).

    >>> numbers()({"a": 0.352, "b": 1.5}, {"a": 0.35213, "b": 1.5})
    (True, '')
    """

    def compare(answer: Any, expected: Any) -> tuple[Any, str]:
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
            index = {_norm_label(k): k for k in got.index}
            missing = [k for k in exp.index if _norm_label(k) not in index]
            if missing:
                return False, f"missing entries for {_names(missing)}; expected labels {_names(exp.index)}."
            got = pd.Series([got[index[_norm_label(k)]] for k in exp.index], index=exp.index)
        else:
            got = pd.Series(list(got), index=exp.index)
        blank = [k for k, v in got.items() if _is_missing_scalar(v) or _is_nan(v)]
        if blank:
            return False, (f"{len(blank)} of the {len(exp)} values are missing (NaN, None or ...), "
                           f"at {_names(blank[:5])}.")
        verdicts = {k: _number_verdict(v, exp[k], rel_tol, 1e-9, min_sig, "")[0]
                    for k, v in got.items()}
        wrong = [k for k, v in verdicts.items() if v is False]
        close = [k for k, v in verdicts.items() if v == "close"]
        if not wrong and not close:
            return True, ""
        if not wrong:
            return "close", _t("more_decimals", sig=min_sig)
        return False, (f"{len(wrong)} of {len(exp)} values are not right (at "
                       f"{_names(wrong[:5])}).")

    compare.kind = "numbers"  # type: ignore[attr-defined]
    return compare


def _names(keys: Iterable[Any]) -> str:
    """Labels for a message: 0 and 'reliability', not np.int64(0)."""
    return ", ".join(str(k.item() if isinstance(k, np.generic) else k) for k in keys)


# ---------------------------------------------------------------------------------------------
# Labels, ids, months and dates, in any common form
# ---------------------------------------------------------------------------------------------

#: Alternative names (Chinese terms of the vocabulary tables, common variants) -> the label the
#: checks use. The chapter modules add theirs with :func:`aliases`.
ALIASES: dict[str, str] = {}


def _norm_label(text: Any) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold().strip().strip("'\"“”‘’`")
    text = re.sub(r"[\s_\-–—/]+", " ", text).strip(" .。")
    return ALIASES.get(text, text)


def aliases(mapping: Mapping[str, str]) -> None:
    """Accept each key as another name for its value in every label check.

    >>> aliases({"示例词": "example word"}); _norm_label(" 示例词 ")
    'example word'
    """
    for other, canonical in mapping.items():
        key = unicodedata.normalize("NFKC", str(other)).casefold().strip()
        key = re.sub(r"[\s_\-–—/]+", " ", key).strip(" .。")
        ALIASES[key] = _norm_label(canonical)


def label(choices: Iterable[str] | None = None) -> Compare:
    """Compare one text label: case, spaces, underscores and hyphens ignored; aliases (e.g. the
    Chinese term) accepted.

    >>> label()("Must_be ", "must-be")
    (True, "'Must_be'")
    """
    options = sorted({_norm_label(c) for c in choices}) if choices is not None else None

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        if not isinstance(answer, str):
            kind = f" (one of {options})" if options is not None else " (a word in quotes)"
            return False, f"expected a text label{kind}, got {_describe(answer)}."
        got = _norm_label(answer)
        if options is not None and got not in options:
            return False, f"{answer!r} is not one of the options {options}."
        if got == _norm_label(expected):
            return True, f"{answer.strip()!r}"
        return False, f"{answer!r} is not the right one."

    return compare


def labels() -> Compare:
    """Compare a sequence of text labels element by element (normalised like :func:`label`)."""

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        exp = [_norm_label(e) for e in pd.Series(expected).tolist()]
        if isinstance(answer, str) or not isinstance(answer, Iterable):
            return False, f"expected {len(exp)} labels (a list or Series), got {_describe(answer)}."
        got = [_norm_label(a) for a in list(answer)]
        if len(got) != len(exp):
            return False, f"expected {len(exp)} labels, got {len(got)}."
        right = [g == e for g, e in zip(got, exp)]
        if all(right):
            return True, ""
        return False, (f"{right.count(False)} of {len(exp)} labels differ (the first at "
                       f"position {right.index(False) + 1}).")

    return compare


_ID = re.compile(r"^(?:item|question|no|number|q|#)?\s*[#.:]?\s*(\d+)$")


def _norm_id(value: Any) -> str | None:
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (Real, np.number)):
        f = float(value)
        return str(int(f)) if math.isfinite(f) and f == int(f) else None
    text = unicodedata.normalize("NFKC", str(value)).casefold().strip()
    m = _ID.match(text)
    if m:
        return str(int(m.group(1)))
    return re.sub(r"[\s_\-]+", "", text)


def ident() -> Compare:
    """Compare an id (an item number, a customer id) as a label: 9, '9', 'item 9', 'Q9' agree.

    >>> ident()("Q9", 9), ident()(9.0, "9"), ident()(8, 9)
    ((True, '9'), (True, '9'), (False, '8 is not the right one.'))
    """

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        got = _norm_id(answer)
        if got is None:
            return False, ("an id is a label (a whole number, or a code of letters and digits), "
                           f"not {_describe(answer)}.")
        want = _norm_id(expected) or ""
        # a bare number may stand for a prefixed id: 12 for 'C0012'
        if got == want or (got.isdigit() and re.sub(r"^[a-z]+0*", "", want) == got):
            return True, got
        return False, f"{got} is not the right one."

    compare.kind = "ident"  # type: ignore[attr-defined]
    return compare


_MONTHS = {name: i for i in range(1, 13)
           for name in (_dt.date(2000, i, 1).strftime("%B").casefold(),
                        _dt.date(2000, i, 1).strftime("%b").casefold())}
_MONTHS["sept"] = 9
_MONTH_WORD = "|".join(sorted(_MONTHS, key=len, reverse=True))


def _to_month(value: Any) -> pd.Period | str:
    if isinstance(value, pd.Period):
        return value.asfreq("M")
    if isinstance(value, (pd.Timestamp, _dt.date, np.datetime64)):
        return pd.Timestamp(value).to_period("M")
    if not isinstance(value, str):
        return ("expected a month as text (YYYY-MM, or the month's name and the year), "
                f"got {_describe(value)}.")
    text = unicodedata.normalize("NFKC", value).casefold().strip().replace(",", " ")
    patterns = [(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$", "ym"), (r"^(\d{1,2})\s*[-/.]\s*(\d{4})$", "my"),
                (r"^(\d{4})(\d{2})$", "ym"), (rf"^({_MONTH_WORD})\.?\s+(\d{{4}})$", "My"),
                (rf"^(\d{{4}})\s+({_MONTH_WORD})\.?$", "yM")]
    for pattern, order in patterns:
        m = re.match(pattern, text)
        if m:
            a, b = m.groups()
            if order == "ym":
                year, month = a, b
            elif order == "my":
                year, month = b, a
            elif order == "My":
                year, month = b, _MONTHS[a]
            else:
                year, month = a, _MONTHS[b]
            if not 1 <= int(month) <= 12:
                return f"{value!r} has no month {int(month)}."
            return pd.Period(year=int(year), month=int(month), freq="M")
    if re.match(rf"^({_MONTH_WORD})\.?$", text) or re.match(r"^\d{1,2}\s*月$", text):
        return "give the year as well as the month (as YYYY-MM)."
    day = _to_date(value)
    if isinstance(day, pd.Timestamp):
        return day.to_period("M")
    return f"{value!r} is not a month I can read; write it as YYYY-MM."


def month() -> Compare:
    """Compare a month given in any common form: '2025-07', '2025-7', '2025/07', 'July 2025',
    '2025年7月', a date in that month, or a pandas Period.

    >>> month()("July 2025", "2025-07"), month()("2025/7", "2025-07")[0]
    ((True, '2025-07'), True)
    """

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        got = _to_month(answer)
        if isinstance(got, str):
            return False, got
        want = _to_month(expected)
        if got == want:
            return True, str(got)
        return False, f"{got} is not the right month."

    compare.kind = "month"  # type: ignore[attr-defined]
    return compare


def _to_date(value: Any) -> pd.Timestamp | str:
    """A day from a date, Timestamp or text in a common form (ISO, 3 July 2025, 2025年7月3日)."""
    if isinstance(value, (pd.Timestamp, _dt.date, np.datetime64)):
        stamp = pd.Timestamp(value)
        return (stamp.tz_localize(None) if stamp.tzinfo else stamp).normalize()
    if not isinstance(value, str):
        return f"expected a date as text (YYYY-MM-DD, or day, month and year), got {_describe(value)}."
    text = unicodedata.normalize("NFKC", value).casefold().strip().replace(",", " ")
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"[ t]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})?$", "", text)
    found = None
    m = re.match(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$", text) or \
        re.match(r"^(\d{4})(\d{2})(\d{2})$", text)
    if m:
        found = tuple(map(int, m.groups()))
    m = m or re.match(rf"^(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_WORD})\.? (\d{{4}})$", text)
    if m and found is None:
        found = (int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    m = m or re.match(rf"^({_MONTH_WORD})\.? (\d{{1,2}})(?:st|nd|rd|th)? (\d{{4}})$", text)
    if m and found is None:
        found = (int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
    m = m or re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", text)
    if m and found is None:
        a, b, y = map(int, m.groups())
        if a <= 12 and b <= 12 and a != b:
            return f"{value!r} could be read two ways (day/month or month/day); write it as YYYY-MM-DD."
        found = (y, b, a) if a > 12 else (y, a, b)
    if found is None:
        return f"{value!r} is not a date I can read; write it as YYYY-MM-DD."
    try:
        return pd.Timestamp(_dt.date(*found))
    except ValueError:
        return f"{value!r} is not a real day of the calendar."


def date() -> Compare:
    """Compare one day given in any common form.

    >>> date()("3 July 2025", "2025-07-03")[0], date()("2025/7/3", pd.Timestamp("2025-07-03"))[0]
    (True, True)
    """

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        got = _to_date(answer)
        if isinstance(got, str):
            return False, got
        if got == _to_date(expected):
            return True, got.strftime("%Y-%m-%d")
        return False, f"{got:%Y-%m-%d} is not the right day."

    compare.kind = "date"  # type: ignore[attr-defined]
    return compare


def dates() -> Compare:
    """Compare a sequence of days, in order, each in any common form."""

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        if isinstance(answer, pd.DataFrame):
            if "date" not in answer.columns:
                return False, "expected a list or Series of dates; a table needs a 'date' column."
            answer = answer["date"]
        if isinstance(answer, (str, bytes)) or not isinstance(
                answer, (list, tuple, pd.Series, pd.Index, np.ndarray)):
            return False, f"expected {len(list(expected))} dates (a list or Series), got {_describe(answer)}."
        got, want = list(answer), [_to_date(e) for e in expected]
        if len(got) != len(want):
            return False, f"expected {len(want)} dates, got {len(got)}."
        days = [_to_date(g) for g in got]
        for i, d in enumerate(days):
            if isinstance(d, str):
                return False, f"item {i + 1}: {d}"
        right = [d == w for d, w in zip(days, want)]
        if all(right):
            return True, ""
        return False, (f"{right.count(False)} of {len(want)} dates differ (the first at "
                       f"position {right.index(False) + 1}).")

    return compare


# ---------------------------------------------------------------------------------------------
# Written answers and concept checks
# ---------------------------------------------------------------------------------------------

def _words(text: str) -> int:
    """Words in English, Chinese or both (two Chinese characters count as a word)."""
    latin = len(re.findall(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?", text))
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    return latin + (cjk + 1) // 2


def written(min_words: int = 12) -> Compare:
    """A short written answer: recorded for the instructor, never marked by the machine. Only
    an answer too short to be one is sent back.

    >>> written()("Keep the tamper seal: it is a must-be feature, and customers punish its "
    ...           "absence; then invest in the attractive ones.", None)[0]
    'recorded'
    """

    def compare(answer: Any, expected: Any) -> tuple[Any, str]:
        if not isinstance(answer, str):
            return False, f"expected your answer as text in quotes, got {_describe(answer)}."
        words = _words(answer)
        if words < min_words:
            return False, _t("too_short", words=words)
        return "recorded", _t("recorded", words=words)

    compare.kind = "written"  # type: ignore[attr-defined]
    return compare


@dataclass(frozen=True)
class Question:
    """One multiple-choice question of a chapter's concept check."""

    text: str
    options: Sequence[str]
    answer: str          # the letter of the right option: "a", "b", ...
    explanation: str     # one line, shown once the question is answered right
    see: str = ""        # where the chapter teaches it, e.g. "§5.2"


LETTERS = "abcdefgh"


@dataclass(frozen=True)
class Quiz:
    """A concept check: shown as a numbered list (HTML or plain text, no widget needed)."""

    id: str
    title: str
    questions: Sequence[Question]

    def _lines(self) -> list[str]:
        lines = [f"{self.title}", ""]
        for i, q in enumerate(self.questions, 1):
            lines.append(f"{i}. {q.text}")
            lines += [f"   ({LETTERS[j]}) {option}" for j, option in enumerate(q.options)]
        return lines

    def __repr__(self) -> str:
        return "\n".join(self._lines())

    def _repr_html_(self) -> str:
        items = []
        for q in self.questions:
            options = "".join(f"<li style='list-style:none'>({LETTERS[j]}) {html.escape(o)}</li>"
                              for j, o in enumerate(q.options))
            items.append(f"<li style='margin-bottom:0.6em'>{html.escape(q.text)}<ul>{options}</ul></li>")
        return (f"<div class='crm-quiz'><p><b>{html.escape(self.title)}</b></p>"
                f"<ol>{''.join(items)}</ol></div>")


QUIZZES: dict[str, Quiz] = {}


def _letter(answer: Any, question: Question) -> str | None:
    if _is_missing_scalar(answer):
        return None
    text = _norm_label(answer).strip("()")
    if len(text) == 1 and text in LETTERS[: len(question.options)]:
        return text
    for j, option in enumerate(question.options):
        if text == _norm_label(option):
            return LETTERS[j]
    return "?"


def choices(questions: Sequence[Question]) -> Compare:
    """Compare the answers to a concept check: ``{1: "b", 2: "a", ...}`` (or a list in order).
    Each question answered right shows its explanation; the share right earns partial marks."""

    def compare(answer: Any, expected: Any) -> tuple[Any, str, float]:
        if isinstance(answer, str) and re.sub(r"[\s,;]", "", answer).isalpha():
            answer = list(re.sub(r"[\s,;]", "", answer))  # "a c b ..." in question order
        if isinstance(answer, (list, tuple)):
            answer = {i: a for i, a in enumerate(answer, 1)}
        if not isinstance(answer, dict):
            return False, ("expected one letter per question, as a dict {question number: "
                           f"letter, ...}} or the letters in order, got {_describe(answer)}."), 0.0
        given = {}
        for key, value in answer.items():
            k = _norm_id(key)
            if k is None or not k.isdigit() or not 1 <= int(k) <= len(questions):
                return False, f"there is no question {key!r}; number them 1 to {len(questions)}.", 0.0
            given[int(k)] = value
        lines, right, todo, wrong = [], 0, [], []
        for i, q in enumerate(questions, 1):
            got = _letter(given.get(i), q)
            if got is None:
                todo.append(i)
                lines.append(f"   {i} ⏳ not answered yet")
            elif got == "?":
                wrong.append(i)
                lines.append(f"   {i} ❓ give the letter of one option ({', '.join(LETTERS[:len(q.options)])})")
            elif got == q.answer:
                right += 1
                lines.append(f"   {i} ✅ {q.explanation}")
            else:
                wrong.append(i)
                lines.append(f"   {i} ❌ not this one{': reread ' + q.see if q.see else ''}")
        share = right / len(questions)
        if right == len(questions):
            return True, "\n".join([f"all {len(questions)} right."] + lines), 1.0
        if not wrong and right == 0:
            return "unanswered", _t("not_answered"), 0.0
        head = f"{right} of {len(questions)} right"
        if wrong:
            head += f"; look again at {', '.join(map(str, wrong))}"
        return False, "\n".join([head + "."] + lines), share

    compare.kind = "choices"  # type: ignore[attr-defined]
    return compare


def register_quiz(id: str, title: str, questions: Sequence[Question], points: int | None = None
                  ) -> Quiz:
    """Register a chapter's concept check: shown with :func:`quiz`, answered with ``check``."""
    for q in questions:
        if q.answer not in LETTERS[: len(q.options)]:
            raise ValueError(f"{id}: answer {q.answer!r} is not an option of {q.text!r}")
    made = Quiz(id, title, tuple(questions))
    QUIZZES[id] = made
    register(Exercise(id, title, expected=lambda: {i: q.answer for i, q in enumerate(questions, 1)},
                      compare=choices(questions), points=points or len(questions)))
    return made


def quiz(id: str) -> Quiz:
    """The concept check ``id``, ready to display in a notebook (HTML, or plain text)."""
    return QUIZZES[id]
