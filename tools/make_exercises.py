"""Generate exercises/ from solutions/: one source, no drift.

In a solution notebook, answer code sits between nbgrader's markers::

    ### BEGIN SOLUTION
    total_loss = churn.mrs_smith_loss(people_told=10).total_loss
    ### END SOLUTION

In the exercise notebook each such region becomes ``NAME = ...  # your answer here`` for every
name the region assigns at top level *and* the rest of the notebook uses (so the self-check
below it reports "not answered yet"); helper variables of the worked answer are not shown, and
a region that leaves nothing for later cells becomes ``# your code here``. A markdown region becomes "*Write your answer
here.*". Cells tagged ``solution-only`` are dropped. Outputs are cleared, then the exercise
notebook is executed so readers see the untouched state (``make exercises``). The title
"# Chapter N solutions · ..." becomes "# Chapter N exercises · ...".

The same pass makes the solution notebook an nbgrader source (one pipeline, not two):
:func:`add_grading` writes nbgrader's cell metadata (schema 3) into the solution notebook and,
in every self-check cell, a hidden test ``checks.score(...)`` between nbgrader's
``### BEGIN HIDDEN TESTS`` markers, which earns the points or fails the cell. Answer cells are
``solution``; self-check cells are ``grade`` + ``locked`` with the exercise's points; written
answers (a markdown region, or a code answer checked with ``written()``) are ``solution`` +
``grade`` for manual grading; every other cell is locked. The exercise notebook loses the hidden
tests and keeps the formative, never-raising ``checks.check`` call.

Usage: python tools/make_exercises.py [solution notebooks...]   (default: solutions/*.ipynb)
"""
from __future__ import annotations

import ast
import copy
import re
import sys
import textwrap
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
_HIDDEN = re.compile(rf"\n?^[ \t]*{re.escape(HIDDEN_BEGIN)}[ \t]*\n.*?^[ \t]*{re.escape(HIDDEN_END)}[ \t]*$",
                     re.S | re.M)
CHECK = re.compile(r"checks\.check\(\s*[\"']([\w.]+)[\"']\s*,\s*(?:name\s*=\s*[\"'](\w+)[\"']|([^)]*?))\s*\)")
#: Marks of a written answer (manual grading), per answer.
WRITTEN_POINTS = 2
CODE_PLACEHOLDER = "...  # your answer here"
MARKDOWN_PLACEHOLDER = "*Write your answer here.*"
_REGION = re.compile(rf"^([ \t]*){re.escape(BEGIN)}[ \t]*\n(.*?)^[ \t]*{re.escape(END)}[ \t]*$",
                     re.S | re.M)


def exercise_path(solution: Path) -> Path:
    """solutions/05_x_solutions.ipynb -> exercises/05_x_exercises.ipynb"""
    name = solution.name.replace("_solutions.ipynb", "_exercises.ipynb")
    return solution.parent.parent / "exercises" / name


def assigned_names(code: str) -> list[str]:
    """Top-level names a code region assigns, in order of first assignment."""
    names: list[str] = []
    for node in ast.parse(textwrap.dedent(code)).body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        for target in targets:
            for leaf in ast.walk(target):
                if isinstance(leaf, ast.Name) and leaf.id not in names:
                    names.append(leaf.id)
    return names


def _replace_code(match: re.Match, used: set[str]) -> str:
    indent, body = match.group(1), match.group(2)
    names = [n for n in assigned_names(body) if n in used]
    if not names:
        return f"{indent}# your code here"
    return "\n".join(f"{indent}{name} = {CODE_PLACEHOLDER}" for name in names)


def names_used_outside_solutions(cells) -> set[str]:
    """Identifiers that code outside the solution regions refers to (e.g. self-check cells)."""
    text = "\n".join(_HIDDEN.sub("", _REGION.sub("", c.source)) for c in cells
                     if c.cell_type == "code")
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))


def strip_cell(cell, used: set[str]) -> object | None:
    """The exercise version of one solution cell (None when the cell is dropped)."""
    if "solution-only" in cell.get("metadata", {}).get("tags", []):
        return None
    cell = copy.deepcopy(cell)
    if cell.cell_type == "code":
        cell.source = _HIDDEN.sub("", cell.source)
        cell.source = _REGION.sub(lambda m: _replace_code(m, used), cell.source)
        cell.outputs, cell.execution_count = [], None
    elif cell.cell_type == "markdown":
        cell.source = _REGION.sub(lambda m: f"{m.group(1)}{MARKDOWN_PLACEHOLDER}", cell.source)
    if BEGIN in cell.source or END in cell.source:
        raise ValueError(f"unbalanced {BEGIN!r}/{END!r} markers in cell:\n{cell.source}")
    return cell


_TITLE = re.compile(r"^(#\s.*?)\bsolutions\b", re.I)


def make_exercise(solution_nb):
    """The exercise notebook for a solution notebook (not executed)."""
    nb = copy.deepcopy(solution_nb)
    used = names_used_outside_solutions(solution_nb.cells)
    nb.cells = [c for c in (strip_cell(c, used) for c in solution_nb.cells) if c is not None]
    if nb.cells and nb.cells[0].cell_type == "markdown":
        nb.cells[0].source = _TITLE.sub(r"\1exercises", nb.cells[0].source, count=1)
    nb.metadata.pop("widgets", None)
    nbformat.validator.normalize(nb)
    return nb


# --- nbgrader: the solution notebook as the grading source ------------------------------------

def _kind(exercise_id: str) -> str | None:
    from crmlib import checks
    exercise = checks.REGISTRY.get(exercise_id)
    return getattr(exercise.compare, "kind", None) if exercise else None


def _points(exercise_id: str) -> int:
    from crmlib import checks
    return checks.REGISTRY[exercise_id].points


def _grade_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")


def hidden_tests(source: str) -> str:
    """The hidden-test block for a self-check cell: one ``checks.score`` per graded check."""
    lines = []
    for exercise_id, name, expr in CHECK.findall(_HIDDEN.sub("", source)):
        if _kind(exercise_id) == "written":
            continue
        arg = f'name="{name}"' if name else expr.strip()
        # a quiz earns partial marks: its score is the cell's value; others pass or fail
        # (assigned, not `;`-silenced: a silenced call still displayed now and then under nbval)
        call = f'checks.score("{exercise_id}", {arg})'
        lines.append(call if _kind(exercise_id) == "choices" else f"_ = {call}")
    return "\n".join([HIDDEN_BEGIN, *lines, HIDDEN_END]) if lines else ""


def _meta(grade_id: str, *, solution=False, grade=False, locked=False, points=None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    return meta


def add_grading(nb):
    """The solution notebook with nbgrader's metadata and hidden tests (idempotent)."""
    nb = copy.deepcopy(nb)
    written_names = {name for c in nb.cells if c.cell_type == "code"
                     for exercise_id, name, _ in CHECK.findall(c.source)
                     if name and _kind(exercise_id) == "written"}
    counts: dict[str, int] = {}

    def numbered(prefix: str) -> str:
        counts[prefix] = counts.get(prefix, 0) + 1
        return f"{prefix}-{counts[prefix]}"

    for cell in nb.cells:
        cell.metadata.pop("nbgrader", None)
        if "solution-only" in cell.metadata.get("tags", []):
            continue
        has_region = bool(_REGION.search(cell.source))
        calls = CHECK.findall(cell.source) if cell.cell_type == "code" else []
        if cell.cell_type == "code" and calls:
            block = hidden_tests(cell.source)
            body = _HIDDEN.sub("", cell.source).rstrip()
            cell.source = f"{body}\n{block}" if block else body
            graded = [i for i, _, _ in calls if _kind(i) != "written"]
            if graded:
                meta = _meta(_grade_id("check-" + "-".join(graded)), grade=True, locked=True,
                             points=sum(_points(i) for i in graded))
            else:
                meta = _meta(numbered("locked"), locked=True)
        elif has_region and cell.cell_type == "markdown":
            meta = _meta(numbered("written"), solution=True, grade=True, points=WRITTEN_POINTS)
        elif has_region:
            names = [n for m in _REGION.finditer(cell.source) for n in assigned_names(m.group(2))]
            manual = [n for n in names if n in written_names]
            if manual:
                meta = _meta(_grade_id("written-" + manual[0]), solution=True, grade=True,
                             points=WRITTEN_POINTS)
            else:
                meta = _meta(_grade_id("answer-" + (names[0] if names else numbered("code"))),
                             solution=True)
        else:
            meta = _meta(numbered("locked"), locked=True)
        cell.metadata["nbgrader"] = meta
    seen: dict[str, int] = {}
    for cell in nb.cells:    # two answer cells for one name (e.g. a redo): number the repeats
        meta = cell.metadata.get("nbgrader")
        if meta:
            seen[meta["grade_id"]] = seen.get(meta["grade_id"], 0) + 1
            if seen[meta["grade_id"]] > 1:
                meta["grade_id"] = f'{meta["grade_id"]}-{seen[meta["grade_id"]]}'
    ids = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if "nbgrader" in c.metadata]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"nbgrader grade_ids must be unique; repeated: {duplicates}")
    return nb


def _same(a, b) -> bool:
    strip = lambda nb: [(c.cell_type, c.source, c.metadata.get("nbgrader")) for c in nb.cells]
    return strip(a) == strip(b)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "tools"))
    from run_notebooks import execute  # noqa: E402  (tools/ is not a package)

    sources = [Path(a) for a in argv] or sorted((ROOT / "solutions").glob("*_solutions.ipynb"))
    for solution in sources:
        target = exercise_path(solution.resolve())
        source = nbformat.read(solution, as_version=4)
        graded = add_grading(source)
        if not _same(source, graded):   # hidden tests changed: re-run so outputs match
            nbformat.write(graded, solution)
            execute(solution)
            print(f"graded {solution.relative_to(ROOT) if solution.is_absolute() else solution}")
        nb = make_exercise(nbformat.read(solution, as_version=4))
        nbformat.write(nb, target)
        execute(target)
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
