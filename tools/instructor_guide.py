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


PLAN = re.compile(r"^\*\*Instructor plan\s*[·:-]\s*Session\s*(?P<session>\d+)(?P<rest>[^*]*)\*\*"
                  r"\s*(?:\(⏱\s*(?P<min>\d+)\s*min\))?", re.M)

GRADING = """## Grading with nbgrader

The self-checks of the exercise notebooks are formative: a student can work offline in
JupyterLab with no grader installed, and a check only ever prints feedback. For marks, the
course is also an nbgrader course. The solution notebooks are the nbgrader *source*: they carry
nbgrader's cell metadata and, in every self-check cell, a hidden test (`checks.score(...)`
between `### BEGIN HIDDEN TESTS` markers) that earns the exercise's points or fails the cell;
a concept check earns partial marks, one share per question. Written answers are graded by hand
(2 points each by default). `tools/make_exercises.py` writes all of this, so exercises, solutions
and the grading source cannot drift apart.

1. **Build the course folder:** `make assignments` writes `build/nbgrader/` with
   `nbgrader_config.py`, `source/<chapter>/` (the solutions) and `release/<chapter>/` (what
   students get: exactly the exercise notebook, hidden tests removed). Copy it to the folder you
   grade from (or set `c.CourseDirectory.root` in its config).
2. **Release:** hand out `release/<chapter>/<chapter>.ipynb` (LMS, shared drive, or
   `nbgrader release_assignment` on a JupyterHub with an exchange).
3. **Collect:** put each student's notebook in `submitted/<student id>/<chapter>/` (or
   `nbgrader collect` / `nbgrader zip_collect` for files downloaded from an LMS).
4. **Autograde:** `nbgrader autograde <chapter> --create` (nbgrader runs `alembic`: run it from the
   course environment, with its `bin/` on `PATH`, e.g. after `source .venv/bin/activate`). The
   hidden tests are restored from the gradebook, so a student cannot delete them.
5. **Manual grading:** open the formgrader (`jupyter lab`, *Nbgrader → Formgrader*, or
   `nbgrader formgrader`) and mark the written answers with the rubrics of the session plans
   below; model answers are in the solution notebooks.
6. **Feedback:** `nbgrader generate_feedback <chapter>` writes an HTML page per student with the
   self-check messages, the points and your comments; `nbgrader export` gives a CSV of marks.

A test (`tests/test_grading.py`) runs steps 1, 3 and 4 on chapter 5 with two simulated
submissions (all correct; two answers wrong) and asserts the marks from the gradebook.
"""

PLAN_B = """## Plan B: when the kernel or the widgets fail in class

- **Widgets do not respond** (no widget manager, an old browser, a locked-down lab): every panel
  has a static figure next to it and the numbers it shows are printed in the cells above; move
  the parameter in code instead (change the argument and re-run the cell).
- **The kernel will not start** (no Python on the classroom PC): open the static book
  (`make book`, copy `build/book/_build/html/` to a USB stick) or the slide deck (`make slides`)
  and teach from the stored outputs; both work offline in any browser.
- **The network is down**: nothing in the course needs it once installed; Binder does, so keep a
  local copy.
- **Students cannot install anything**: pair them, or use the school's JupyterHub/Binder; the
  exercises' self-checks and concept checks also work on paper: print the exercise notebook from
  the book and check the answers against the solutions after class.
"""


def session_plans(paths: list[Path]) -> list[tuple[int, str, str, str]]:
    """(session, chapter title, heading rest, body) of every Instructor plan cell."""
    plans = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        title = nb.cells[0].source.splitlines()[0].lstrip("# ").strip()
        for cell in nb.cells:
            m = PLAN.match(cell.source.strip()) if cell.cell_type == "markdown" else None
            if m:
                body = cell.source.strip()[m.end():].strip()
                plans.append((int(m.group("session")), title, m.group("rest").strip(" ·:-"), body))
    return sorted(plans, key=lambda p: p[0])


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
    plans = ["## Session plans", "",
             "One plan per teaching session (90 minutes): sections and minutes, materials, "
             "homework, the board plan (板书设计), rubrics for the field tasks and written case "
             "questions, and the expected answers to the case and discussion questions.", ""]
    for session, title, rest, body in session_plans(chapters):
        plans += [f"### Session {session} · {title}{' · ' + rest if rest else ''}", "", body, ""]
    return "\n".join(parts + overview + [""] + [GRADING, PLAN_B] + plans + bodies).rstrip() + "\n"


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
