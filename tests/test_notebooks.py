"""Static checks of the committed notebooks: executed in order from a fresh kernel, no errors or
warnings in their outputs, no absolute paths, and the chapter format of the syllabus.

(nbval, run on the same notebooks by `make test`, proves that they still execute and that the
cells marked NBVAL_CHECK_OUTPUT still give the committed outputs.)
"""
from __future__ import annotations

import re
import sys

import pytest

from conftest import ROOT, notebooks, read_nb

ALL = notebooks("notebooks") + notebooks("solutions") + notebooks("exercises")
CHAPTERS = [p for p in notebooks("notebooks") if not p.name.startswith("00_")]
ABSOLUTE = re.compile(r"(/root/|/work/|/tmp/|/home/\w|[A-Z]:\\\\Users)")


def _code_cells(path):
    return [c for c in read_nb(path)["cells"] if c["cell_type"] == "code"]


def _ids(paths):
    return [p.relative_to(ROOT).as_posix() for p in paths]


def test_there_are_notebooks():
    assert (ROOT / "notebooks" / "00_course_guide.ipynb").exists()
    assert CHAPTERS, "no chapter notebooks"


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_committed_executed_in_order_from_a_fresh_kernel(path):
    counts = [c["execution_count"] for c in _code_cells(path) if c["source"]]
    assert counts == list(range(1, len(counts) + 1)), f"re-run {path.name} top to bottom " \
                                                      "(make notebooks / make exercises)"


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_no_errors_or_warnings_in_outputs(path):
    for i, cell in enumerate(_code_cells(path)):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"cell {i} raised {out.get('ename')}"
            assert out.get("name") != "stderr", f"cell {i} printed to stderr: {''.join(out['text'])[:200]}"


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_no_absolute_paths(path):
    text = path.read_text(encoding="utf-8")
    sources = "".join("".join(c["source"]) for c in read_nb(path)["cells"])
    assert not ABSOLUTE.search(sources), f"absolute path in {path.name}"
    assert "Kernel is running" not in text


@pytest.mark.parametrize("path", CHAPTERS, ids=_ids(CHAPTERS))
def test_chapter_follows_the_lesson_plan_format(path):
    cells = read_nb(path)["cells"]
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    headings = [l for l in markdown.splitlines() if l.startswith("#")]
    assert re.search(r"[\u4e00-\u9fff]", headings[0]), "the title needs its Chinese term"
    assert re.search(r"\| *Week \d+", markdown), "session header (week, session) missing"
    for part in ["Learning objectives", "Key points", "Case analysis", "Practice", "Summary",
                 "Vocabulary", "References"]:
        assert any(part in h for h in headings), f"section '{part}' missing"
    for level in ["Master (掌握)", "Be familiar with (熟悉)", "Understand (了解)"]:
        assert level in markdown
    assert "教学重点" in markdown and "教学难点" in markdown
    exercise = path.name.replace(".ipynb", "_exercises.ipynb")
    assert f"../exercises/{exercise}" in markdown, "practice section must link the exercises"
    assert (ROOT / "exercises" / exercise).exists()
    vocab = markdown.split("Vocabulary", 1)[1].split("## References")[0]
    rows = [l for l in vocab.splitlines() if l.startswith("|") and re.search(r"[\u4e00-\u9fff]", l)]
    assert len(rows) >= 10, "vocabulary table: at least ten English/Chinese pairs"


@pytest.mark.parametrize("path", CHAPTERS, ids=_ids(CHAPTERS))
def test_chapter_locks_key_results(path):
    checked = [c for c in _code_cells(path) if "".join(c["source"]).startswith("# NBVAL_CHECK_OUTPUT")]
    assert len(checked) >= 5, "lock the chapter's key results with # NBVAL_CHECK_OUTPUT"
    assert all(c["outputs"] for c in checked), "a checked cell has no output to compare"


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_notebooks_use_crmlib_not_private_analytics(path):
    """Notebooks teach, crmlib computes: no function definitions in notebook code."""
    for cell in _code_cells(path):
        assert not re.search(r"^\s*(def|class) ", "".join(cell["source"]), re.M), \
            f"{path.name}: move function definitions into crmlib"


@pytest.mark.parametrize("path", CHAPTERS, ids=_ids(CHAPTERS))
def test_chapter_has_instructor_notes_with_timing(path):
    sys.path.insert(0, str(ROOT / "tools"))
    import instructor_guide
    _, notes = instructor_guide.chapter_notes(path)
    assert len(notes) >= 4, "give every section an **Instructor notes · ...** (⏱ N min) cell"
    assert all(minutes > 0 for _, minutes, _ in notes)
    for section, _, body in notes:
        assert "Run live" in body and "Ask the class" in body, f"{section}: incomplete notes"


def test_instructor_guide_is_up_to_date():
    sys.path.insert(0, str(ROOT / "tools"))
    import instructor_guide
    text = instructor_guide.render(instructor_guide.chapters())
    assert instructor_guide.TARGET.read_text(encoding="utf-8") == text, \
        "INSTRUCTORS.md is stale: run python tools/instructor_guide.py"


@pytest.mark.parametrize("path", notebooks("notebooks"), ids=_ids(notebooks("notebooks")))
def test_every_cell_has_slide_metadata(path):
    """Chosen for presenting (tools/slides.py annotate, then edited by hand where it helps)."""
    cells = read_nb(path)["cells"]
    missing = [i for i, c in enumerate(cells) if "slide_type" not in c["metadata"].get("slideshow", {})]
    assert not missing, f"cells {missing[:10]} have no slide type: run make notebooks"


_CUT_HTML = re.compile(r"(?:\.\.\.|…)\s*</td>")
_CUT_TEXT = re.compile(r"\w(?:\.\.\.|…)(?=\s{2,}|\s*$)", re.M)


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_no_output_cuts_a_text_cell_off(path):
    """Everything a reader is meant to read is shown in full: no table cell ends in '...'
    (pandas' column width); text-heavy tables become lists or wrapped tables."""
    for i, cell in enumerate(_code_cells(path)):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data:
                continue  # a widget's text fallback is its repr, not something to read
            html = "".join(data.get("text/html", ""))
            assert not _CUT_HTML.search(html), f"cell {i}: a table cell is cut off with '...'"
            text = "".join(out.get("text", "")) if out.get("name") == "stdout" else (
                "" if html else "".join(data.get("text/plain", "")))
            if "Not answered yet" in text or "your answer here" in text:
                continue
            cut = _CUT_TEXT.search(text)
            assert not cut, f"cell {i}: text cut off: {text[max(0, cut.start() - 40):cut.end()]!r}"
