"""Write INSTRUCTORS.md, the short instructor guide, from the instructor-notes cells of the
chapter notebooks (one source: the notes live in the chapters, where the slide decks show them as
speaker notes; this file gathers them per chapter with the timing).

A notes cell opens with ``**Instructor notes · <section> ** (⏱ <minutes> min)`` followed by
bullets such as ``- *Run live:* ...``, ``- *Ask the class:* ...``, ``- *Common mistakes:* ...``.

Usage: python tools/instructor_guide.py [--check]   (--check: exit 1 if INSTRUCTORS.md is stale)
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "INSTRUCTORS.md"
NOTES = re.compile(r"^\*\*Instructor notes\s*[·:-]\s*(?P<section>.+?)\*\*\s*\(⏱\s*(?P<min>\d+)\s*min\)",
                   re.M)

INTRO = """# Instructor guide

This guide gathers the instructor notes of every chapter: how long each section takes, which cells
to run live, what to ask the class and the mistakes students usually make. The same notes are the
speaker notes of the slide decks (`make slides`; in a deck press `S` for the speaker view with the
notes and a timer, `F` for full screen, `Esc` for the overview). They live in the chapter
notebooks as cells that begin with **Instructor notes**; this file is generated from them by
`python tools/instructor_guide.py` (a test fails if it is stale), so edit the notebooks, not this
file.

Timing assumes sessions of two class hours (2 × 45 min) as in the course guide's schedule;
practice sessions are spent on the exercise notebooks.
"""


def chapter_notes(path: Path) -> tuple[str, list[tuple[str, int, str]]]:
    """(chapter title, [(section, minutes, bullets markdown)]) of one chapter notebook."""
    nb = nbformat.read(path, as_version=4)
    title = nb.cells[0].source.splitlines()[0].lstrip("# ").strip()
    notes = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        m = NOTES.match(cell.source.strip())
        if m:
            body = cell.source.strip()[m.end():].strip()
            notes.append((m.group("section").strip(), int(m.group("min")), body))
    return title, notes


def render(chapters: list[Path]) -> str:
    parts = [INTRO]
    overview = ["## Overview", "", "| chapter | sections with notes | minutes |", "|---|---:|---:|"]
    bodies = []
    for path in chapters:
        title, notes = chapter_notes(path)
        total = sum(m for _, m, _ in notes)
        link = f"[{title}](notebooks/{path.name})"
        overview.append(f"| {link} | {len(notes)} | {total} |")
        bodies += [f"## {title}", "", f"Notebook: `notebooks/{path.name}` · {total} minutes in all.",
                   "", "| section | minutes |", "|---|---:|"]
        bodies += [f"| {section} | {minutes} |" for section, minutes, _ in notes]
        bodies.append("")
        for section, minutes, body in notes:
            bodies += [f"### {section} ({minutes} min)", "", body, ""]
    return "\n".join(parts + overview + [""] + bodies).rstrip() + "\n"


def chapters() -> list[Path]:
    return sorted(p for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")
                  if not p.name.startswith("00_"))


def main(argv: list[str]) -> int:
    text = render(chapters())
    if "--check" in argv:
        stale = not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text
        if stale:
            print("INSTRUCTORS.md is stale: run python tools/instructor_guide.py")
        return int(stale)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
