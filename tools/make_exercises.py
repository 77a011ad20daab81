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
    text = "\n".join(_REGION.sub("", c.source) for c in cells if c.cell_type == "code")
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))


def strip_cell(cell, used: set[str]) -> object | None:
    """The exercise version of one solution cell (None when the cell is dropped)."""
    if "solution-only" in cell.get("metadata", {}).get("tags", []):
        return None
    cell = copy.deepcopy(cell)
    if cell.cell_type == "code":
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


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "tools"))
    from run_notebooks import execute  # noqa: E402  (tools/ is not a package)

    sources = [Path(a) for a in argv] or sorted((ROOT / "solutions").glob("*_solutions.ipynb"))
    for solution in sources:
        target = exercise_path(solution.resolve())
        nb = make_exercise(nbformat.read(solution, as_version=4))
        nbformat.write(nb, target)
        execute(target)
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
