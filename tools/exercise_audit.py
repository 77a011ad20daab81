"""Which of a chapter's checked numeric answers are printed in the chapter itself?

An exercise that asks for a number the chapter already prints can be copied instead of worked
out. For every numeric self-check of a chapter's solution notebook this computes the expected
answer (with crmlib, as the check does) and looks for it in the chapter notebook's prose and
outputs: a printed number "shows" the answer when the answer, rounded to that number's last
digit, equals it, and it has at least three significant figures (or is the answer exactly).
Small whole numbers (under 100) appear everywhere and are left out of the count.

Usage: python tools/exercise_audit.py [NN ...]   (chapter numbers; default: all)
"""
from __future__ import annotations

import html
import math
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
CHECK_CALL = re.compile(r"checks\.check\(\s*[\"']([\w.]+)[\"']")
NUMERIC = ("number", "numbers")
_TOKEN = re.compile(r"(?<![\w.])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


@dataclass(frozen=True)
class Answer:
    exercise: str
    values: tuple[float, ...]
    printed: tuple[bool, ...]

    @property
    def counted(self) -> bool:
        """False for answers made only of small whole numbers (they are printed everywhere)."""
        return any(not _small(v) for v in self.values)

    @property
    def shown(self) -> bool:
        """The answer is printed: a single number, or at least half the values of a table."""
        flags = [p for v, p in zip(self.values, self.printed) if not _small(v)]
        return bool(flags) and sum(flags) * 2 >= len(flags)


def _small(value: float) -> bool:
    return float(value).is_integer() and abs(value) < 100


def chapter_text(path: Path) -> str:
    """The prose and the outputs of a notebook: what a reader of the chapter sees."""
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for out in cell.get("outputs", []):
            parts.append("".join(out.get("text", "")))
            data = out.get("data", {})
            if "text/html" in data:
                parts.append(html.unescape(re.sub(r"<[^>]+>", " ", "".join(data["text/html"]))))
            elif "text/plain" in data:
                parts.append("".join(data["text/plain"]))
            if "text/markdown" in data:
                parts.append("".join(data["text/markdown"]))
    return "\n".join(parts)


def printed_numbers(text: str) -> list[tuple[float, int]]:
    """(value, exponent of the last digit) of every number in ``text``; percentages as shares."""
    found = []
    for token in _TOKEN.findall(text):
        raw = token.replace("−", "-").replace(",", "")
        percent = raw.endswith("%")
        dec = Decimal(raw.rstrip("%"))
        value, exponent = float(dec), dec.as_tuple().exponent
        found.append((value, exponent))
        if percent:
            found.append((value / 100, exponent - 2))
    return found


def _sig(value: float, exponent: int) -> float:
    return math.inf if value == 0 else math.floor(math.log10(abs(value))) - exponent + 1


def is_printed(expected: float, numbers: list[tuple[float, int]]) -> bool:
    for value, exponent in numbers:
        if abs(value - expected) <= 1e-9 * max(1.0, abs(expected)) and _sig(value, exponent) >= 2:
            return True
        if value != 0 and _sig(value, exponent) >= 3 and abs(expected - value) <= 0.5 * 10.0 ** exponent * (1 + 1e-9):
            return True
    return False


def solution_for(chapter: str) -> Path:
    return next((ROOT / "solutions").glob(f"{chapter}_*_solutions.ipynb"))


def chapter_for(chapter: str) -> Path:
    return next(p for p in (ROOT / "notebooks").glob(f"{chapter}_*.ipynb"))


def audit(chapter: str) -> list[Answer]:
    """Every numeric self-check of chapter ``chapter`` ('05') and whether it is printed."""
    sys.path.insert(0, str(ROOT))
    from crmlib import checks
    from crmlib.checks._core import _expected

    import pandas as pd

    solution = nbformat.read(solution_for(chapter), as_version=4)
    ids = [i for c in solution.cells if c.cell_type == "code" for i in CHECK_CALL.findall(c.source)]
    numbers = printed_numbers(chapter_text(chapter_for(chapter)))
    answers = []
    for exercise_id in ids:
        exercise = checks.REGISTRY[exercise_id]
        if getattr(exercise.compare, "kind", None) not in NUMERIC:
            continue
        expected = _expected(exercise)
        values = tuple(float(v) for v in pd.Series(expected, dtype=float).tolist()) \
            if exercise.compare.kind == "numbers" else (float(expected),)
        answers.append(Answer(exercise_id, values, tuple(is_printed(v, numbers) for v in values)))
    return answers


def main(argv: list[str]) -> int:
    chapters = argv or sorted(p.name[:2] for p in (ROOT / "solutions").glob("*_solutions.ipynb"))
    worst = 0
    for chapter in chapters:
        answers = audit(chapter)
        counted = [a for a in answers if a.counted]
        shown = [a for a in counted if a.shown]
        print(f"chapter {chapter}: {len(shown)} of {len(counted)} numeric answers printed in the "
              f"chapter (limit: a third)")
        for a in answers:
            mark = "printed" if a.shown else ("small whole number, not counted" if not a.counted
                                              else "not printed")
            print(f"   {a.exercise:45s} {mark}")
        if counted and 3 * len(shown) > len(counted):
            worst = 1
    return worst


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
