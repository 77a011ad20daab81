"""The static book (tools/book.py, book/): table of contents from the folders, the merged
vocabulary, linked files, cache invalidation, offline assets; and one integration test that builds
a small book (guide + chapter 5 + its exercises and solutions) with Jupyter Book.
"""
from __future__ import annotations

import doctest
import html.parser
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import book  # noqa: E402

from conftest import HAS_JUPYTER_BOOK  # noqa: E402


# --------------------------------------------------------------------------------------------
# A fake course tree
# --------------------------------------------------------------------------------------------

def _notebook(path: Path, *markdown: str) -> Path:
    """Write a minimal nbformat-4 notebook with the given markdown cells."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": text} for text in markdown],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                      "language": "python"}},
          "nbformat": 4, "nbformat_minor": 4}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _vocab(*rows: tuple[str, str], heading: str = "## Vocabulary (专业词汇)") -> str:
    return "\n".join([heading, "", "| English | 中文 |", "|---|---|"]
                     + [f"| {en} | {zh} |" for en, zh in rows])


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """notebooks 00 (guide), 05 and 01 (written in that order), 05's exercises and solutions,
    01's solutions only, plus files that are not chapters."""
    src = tmp_path / "src"
    _notebook(src / "notebooks/00_course_guide.ipynb", "# Guide")
    _notebook(src / "notebooks/05_customer_loyalty.ipynb", "# Chapter 5 · Loyalty",
              _vocab(("word of mouth", "口碑"), ("Apostle", "传道者")))
    _notebook(src / "notebooks/01_origins.ipynb", "# Chapter 1 · Origins",
              _vocab(("relationship marketing", "关系营销"), ("Word of Mouth", "口碑传播")))
    _notebook(src / "exercises/05_customer_loyalty_exercises.ipynb", "# Ex 5")
    _notebook(src / "solutions/05_customer_loyalty_solutions.ipynb", "# Sol 5")
    _notebook(src / "solutions/01_origins_solutions.ipynb", "# Sol 1")
    _notebook(src / "notebooks/scratch.ipynb", "# not a chapter")                 # no NN_ prefix
    _notebook(src / "exercises/05_customer_loyalty_solutions.ipynb", "# misfiled")  # wrong suffix
    return src


def _files(toc: dict) -> list[str]:
    out = []
    for part in toc["parts"]:
        for chapter in part["chapters"]:
            out.append(chapter["file"])
            out += [section["file"] for section in chapter.get("sections", [])]
    return out


# --------------------------------------------------------------------------------------------
# Table of contents
# --------------------------------------------------------------------------------------------

def test_toc_follows_the_syllabus_order_with_exercises_and_solutions_nested(tree):
    toc = book.make_toc(tree)
    assert toc["format"] == "jb-book"
    assert toc["root"] == "notebooks/00_course_guide"
    chapters = toc["parts"][0]["chapters"]
    # 01 before 05, although 05 was written first; scratch and misfiled notebooks left out
    assert [c["file"] for c in chapters] == ["notebooks/01_origins", "notebooks/05_customer_loyalty"]
    assert chapters[0]["sections"] == [{"file": "solutions/01_origins_solutions",
                                        "title": book.SOLUTIONS_TITLE}]
    assert chapters[1]["sections"] == [
        {"file": "exercises/05_customer_loyalty_exercises", "title": book.EXERCISES_TITLE},
        {"file": "solutions/05_customer_loyalty_solutions", "title": book.SOLUTIONS_TITLE}]
    reference = toc["parts"][-1]
    assert reference["chapters"] == [{"file": "vocabulary", "title": book.VOCABULARY_TITLE}]
    assert "notebooks/scratch" not in _files(toc)
    assert "exercises/05_customer_loyalty_solutions" not in _files(toc)


def test_a_new_chapter_is_picked_up(tree):
    before = _files(book.make_toc(tree))
    _notebook(tree / "notebooks/03_customer_value.ipynb", "# Chapter 3")
    _notebook(tree / "exercises/03_customer_value_exercises.ipynb", "# Ex 3")
    after = book.make_toc(tree)
    assert [c["file"] for c in after["parts"][0]["chapters"]] == [
        "notebooks/01_origins", "notebooks/03_customer_value", "notebooks/05_customer_loyalty"]
    assert after["parts"][0]["chapters"][1]["sections"][0]["file"] == \
        "exercises/03_customer_value_exercises"
    assert len(_files(after)) == len(before) + 2


def test_exercises_ahead_of_their_chapter_still_get_a_page(tree):
    _notebook(tree / "exercises/07_service_exercises.ipynb", "# Ex 7")
    chapters = book.make_toc(tree)["parts"][0]["chapters"]
    assert chapters[-1] == {"file": "exercises/07_service_exercises",
                            "title": f"Chapter 7 · {book.EXERCISES_TITLE}"}


def test_without_a_guide_the_book_says_what_is_missing(tmp_path):
    _notebook(tmp_path / "notebooks/05_x.ipynb", "# Chapter 5")
    with pytest.raises(FileNotFoundError, match=r"notebooks/00_\*\.ipynb"):
        book.make_toc(tmp_path)


def test_toc_yaml_round_trips_and_keeps_chinese(tree):
    text = book.toc_yaml(book.make_toc(tree))
    assert "练习" in text and "\\u" not in text
    assert yaml.safe_load(text) == book.make_toc(tree)


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

def test_parse_table_drops_header_and_separator_and_stops_after_the_table():
    text = ("| English | 中文 | note |\n| :--- | ---: | --- |\n| CRM | 客户关系管理 | x |\n"
            "| a \\| b | 甲 |\n|  | 空 |\n\nAfter the table.\n| other | table |")
    assert book.parse_table(text) == [("CRM", "客户关系管理"), ("a | b", "甲")]


def test_vocabulary_section_spans_cells_and_ends_at_the_next_heading():
    cells = ["Intro.\n\n## Vocabulary (专业词汇)", "| English | 中文 |\n|---|---|\n| bond | 纽带 |",
             "## References (参考书目)\n\n| not | vocabulary |"]
    heading, markdown = book.vocabulary_section(cells)
    assert heading == "Vocabulary (专业词汇)"
    assert book.parse_table(markdown) == [("bond", "纽带")]
    assert book.vocabulary_section(["# Title", "no table here"]) is None


def test_merge_vocabulary_is_alphabetical_and_merges_repeated_terms():
    terms = book.merge_vocabulary([
        ("1", "c1.ipynb", [("word of mouth", "口碑"), ("relationship marketing", "关系营销")]),
        ("5", "c5.ipynb", [("Word of Mouth", "口碑传播"), ("apostle", "传道者"),
                           ("word of mouth", "口碑")]),
    ])
    assert [t.english for t in terms] == ["apostle", "relationship marketing", "word of mouth"]
    wom = terms[-1]
    assert wom.chinese == ["口碑", "口碑传播"]                      # each rendering once
    assert wom.chapters == [("1", "c1.ipynb"), ("5", "c5.ipynb")]  # each chapter once, in order


def test_vocabulary_page_links_each_term_back_to_its_chapters_table(tree):
    page = book.make_vocabulary(tree)
    assert page.startswith(f"# {book.VOCABULARY_TITLE}")
    # one entry for "word of mouth" (chapters 1 and 5), both Chinese renderings
    row = next(line for line in page.splitlines() if line.lower().startswith("| word of mouth"))
    assert "口碑传播 / 口碑" in row
    assert "[1](<notebooks/01_origins.ipynb#Vocabulary-(专业词汇)>)" in row
    assert "[5](<notebooks/05_customer_loyalty.ipynb#Vocabulary-(专业词汇)>)" in row
    # alphabetical, with a section per initial and an index of initials
    assert page.index("| Apostle") < page.index("| relationship marketing") < page.index(row)
    assert "(vocabulary-a)=\n## A" in page and "[W](#vocabulary-w)" in page
    assert "- [Chapter 5 · Loyalty](<notebooks/05_customer_loyalty.ipynb>)" in page


def test_vocabulary_link_uses_the_chapters_own_heading(tmp_path):
    _notebook(tmp_path / "notebooks/00_g.ipynb", "# G")
    _notebook(tmp_path / "notebooks/02_c.ipynb", "# C", _vocab(("bond", "纽带"), heading="### 专业词汇"))
    assert "(<notebooks/02_c.ipynb#专业词汇>)" in book.make_vocabulary(tmp_path)


def test_vocabulary_page_without_tables():
    assert "No chapter has a vocabulary table yet" in book.vocabulary_page([], [])


def test_slug_matches_the_book_extension():
    pytest.importorskip("sphinx")
    spec = importlib.util.spec_from_file_location("crm_book", ROOT / "book/_ext/crm_book.py")
    crm_book = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(crm_book)
    for heading in ["Vocabulary (专业词汇)", "How the course is organised", " 5.8 Case analysis "]:
        assert crm_book.jupyter_slug(heading) == book.jupyter_slug(heading)
    assert crm_book.remote_assets('<link href="//cdn.x/a.css"><script src="a.js"></script>') == \
        ["//cdn.x/a.css"]
    assert doctest.testmod(crm_book).failed == 0


def test_doctests_of_the_tool():
    assert doctest.testmod(book).failed == 0


# --------------------------------------------------------------------------------------------
# Assembling: repository layout, linked files
# --------------------------------------------------------------------------------------------

@pytest.fixture
def book_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "bookcfg"
    (folder / "_ext").mkdir(parents=True)
    (folder / "_config.yml").write_text("title: test\nexecute:\n  execute_notebooks: cache\n")
    (folder / "_ext" / "ext.py").write_text("")
    return folder


def test_assemble_keeps_the_repository_layout_and_mirrors_linked_files(tree, book_dir, tmp_path):
    _notebook(tree / "notebooks/05_customer_loyalty.ipynb", "# Chapter 5",
              "See [the exercises](../exercises/05_customer_loyalty_exercises.ipynb), "
              "[the data](../data/README.md#Top), [a table](<../data/a b.csv>), "
              "![a figure](figures/f.png), [outside](../../elsewhere.txt), "
              "[missing](../data/none.csv) and [the web](https://example.org).")
    (tree / "data").mkdir()
    (tree / "data/README.md").write_text("# Data\n\n[back](../notebooks/05_customer_loyalty.ipynb)"
                                         " and [a script](make_x.py)\n")
    (tree / "data/a b.csv").write_text("x\n1\n")
    (tree / "data/make_x.py").write_text("print(1)\n")
    (tree / "notebooks/figures").mkdir()
    (tree / "notebooks/figures/f.png").write_bytes(b"\x89PNG")
    out = book.assemble(tmp_path / "out", tree, book_dir)

    for rel in ["notebooks/00_course_guide.ipynb", "notebooks/05_customer_loyalty.ipynb",
                "exercises/05_customer_loyalty_exercises.ipynb",
                "solutions/01_origins_solutions.ipynb", "_config.yml", "_ext/ext.py",
                "data/README.md", "data/a b.csv", "data/make_x.py", "notebooks/figures/f.png",
                "vocabulary.md", "_toc.yml"]:
        assert (out / rel).is_file(), rel
    assert not (out / "notebooks/scratch.ipynb").exists()
    assert not (out / "data/none.csv").exists() and not (tmp_path / "elsewhere.txt").exists()
    toc = yaml.safe_load((out / "_toc.yml").read_text(encoding="utf-8"))
    assert toc["parts"][-1]["chapters"][-1] == {"file": "data/README"}   # a linked page

    # a second assembly drops what left the repository and keeps the build folder
    (out / "_build").mkdir()
    (out / "_build" / "keep").write_text("cache")
    (tree / "notebooks/01_origins.ipynb").unlink()
    book.assemble(out, tree, book_dir)
    assert not (out / "notebooks/01_origins.ipynb").exists()
    assert (out / "_build" / "keep").read_text() == "cache"
    assert "notebooks/01_origins" not in (out / "_toc.yml").read_text(encoding="utf-8")


def test_relative_links_ignore_urls_anchors_and_absolute_paths():
    text = ("[a](x.ipynb#Sec) [b](<y z.md>) [c](mailto:a@b.c) [d](#here) [e](/abs/f.csv) "
            "[f](g.csv \"title\") ![i](img/p%20q.png)")
    assert book.relative_links(text) == ["x.ipynb", "y z.md", "g.csv", "img/p q.png"]


def test_refresh_build_dir_invalidates_what_changed(tree, book_dir, tmp_path):
    out = tmp_path / "out"
    (tree / "crmlib").mkdir()
    (tree / "crmlib/m.py").write_text("A = 1\n")
    build = out / "_build"
    assert book.refresh_build_dir(out, tree, book_dir) == "none"   # nothing built yet
    for name in [".jupyter_cache", ".doctrees", "html"]:
        (build / name).mkdir(parents=True)
    assert book.refresh_build_dir(out, tree, book_dir) == "none"
    (book_dir / "_config.yml").write_text("title: changed\n")
    assert book.refresh_build_dir(out, tree, book_dir) == "pages"
    assert (build / ".jupyter_cache").exists() and not (build / "html").exists()
    (tree / "crmlib/m.py").write_text("A = 2\n")
    assert book.refresh_build_dir(out, tree, book_dir) == "all"
    assert not (build / ".jupyter_cache").exists()


# --------------------------------------------------------------------------------------------
# Offline assets
# --------------------------------------------------------------------------------------------

def test_every_configured_script_is_vendored_locally():
    config = yaml.safe_load((ROOT / "book/_config.yml").read_text(encoding="utf-8"))
    sphinx = config["sphinx"]["config"]
    static = [ROOT / "book" / folder for folder in sphinx["html_static_path"]]
    scripts = list(sphinx["nb_ipywidgets_js"]) + [sphinx["mathjax_path"]]
    for script in scripts:
        assert "//" not in script, f"{script} would be fetched from the network"
        assert any((folder / script).is_file() for folder in static), script
    # Jupyter Book adds every .js file under _static to every page: the assets live elsewhere
    assert "_static" not in sphinx["html_static_path"]
    assert not (ROOT / "book" / "_static").exists()
    assert set(book.VENDOR) == {"requirejs@2.3.8", "@jupyter-widgets/html-manager@1.0.15",
                                "mathjax@3.2.2"}


@pytest.mark.skipif(not HAS_JUPYTER_BOOK, reason="Jupyter Book 1.x is not installed: pip install "
                    "-c constraints.txt 'jupyter-book<2' (needed by `make book`)")
def test_a_notebook_error_stops_the_build(tree, book_dir, tmp_path):
    guide = tree / "notebooks/00_course_guide.ipynb"
    nb = json.loads(guide.read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "code", "metadata": {}, "source": "x = 1\n1 / 0",
                        "outputs": [], "execution_count": None})
    guide.write_text(json.dumps(nb), encoding="utf-8")
    out = book.assemble(tmp_path / "out", tree, book_dir)
    book.refresh_build_dir(out, tree, book_dir)
    with pytest.raises(RuntimeError, match=r"(?s)notebooks/00_course_guide\.ipynb failed.*"
                                           r"ZeroDivisionError"):
        book.execute(out, jobs=2)


# --------------------------------------------------------------------------------------------
# Integration: build a small book
# --------------------------------------------------------------------------------------------

from conftest import SUBSET  # noqa: E402  (the small book the fixture builds)
_MISSING = re.compile(r"cross-reference target not found: '([^']+)'")


class _Assets(html.parser.HTMLParser):
    """Collects ``<a href>``, the ids of a page, and ``<script src>`` / ``<link href>``."""

    def __init__(self):
        super().__init__()
        self.links, self.ids, self.assets = [], set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        elif tag == "link" and attrs.get("href"):
            self.assets.append(attrs["href"])


def _parse(page: Path) -> _Assets:
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _resolves(page: Path, href: str) -> bool:
    """A relative link from ``page`` points to an existing file, and to an existing id there."""
    url = urlsplit(href)
    target = (page.parent / unquote(url.path)).resolve() if url.path else page
    if not target.is_file():
        return False
    return not url.fragment or unquote(url.fragment) in _parse(target).ids




@pytest.mark.skipif(not HAS_JUPYTER_BOOK, reason="Jupyter Book 1.x is not installed: pip install "
                    "-c constraints.txt 'jupyter-book<2' (needed by `make book`)")
def test_small_book_builds_offline_with_working_links(small_book):
    html_dir, run = small_book
    log = run.stdout + run.stderr
    assert run.returncode == 0, log[-4000:]
    # The only warnings allowed: links to notebooks that this subset leaves out (the guide
    # links to every chapter). `make book` builds everything and fails on any warning.
    subset_names = {Path(rel).name for rel in SUBSET}
    for line in log.splitlines():
        if "WARNING" in line:
            missing = _MISSING.search(line)
            assert missing and Path(missing.group(1).split("#")[0]).name not in subset_names \
                and missing.group(1).split("#")[0].endswith(".ipynb"), line

    pages = [Path(rel).with_suffix(".html") for rel in SUBSET] + [Path("vocabulary.html")]
    for page in pages:
        assert (html_dir / page).is_file(), page
    assert (html_dir / "search.html").is_file() and (html_dir / "searchindex.js").is_file()
    index = json.loads(re.search(r"Search\.setIndex\((.*)\)\s*$",
                                 (html_dir / "searchindex.js").read_text(encoding="utf-8"),
                                 re.S).group(1))
    assert "notebooks/05_customer_loyalty" in index["docnames"]
    assert "loyalti" in index["terms"] or "loyalty" in index["terms"]
    assert "notebooks/00_course_guide.html" in (html_dir / "index.html").read_text()

    # chapter 5 links to its exercises and solutions, and they link back
    chapter = html_dir / "notebooks/05_customer_loyalty.html"
    links = _parse(chapter).links
    for target in ["../exercises/05_customer_loyalty_exercises.html",
                   "../solutions/05_customer_loyalty_solutions.html"]:
        assert target in links and _resolves(chapter, target)
    exercise = html_dir / "exercises/05_customer_loyalty_exercises.html"
    assert "../notebooks/05_customer_loyalty.html" in _parse(exercise).links

    # every internal link of these pages resolves, anchors included (vocabulary -> chapter),
    # except links to chapters that this subset leaves out
    subset_pages = {Path(rel).stem for rel in SUBSET}
    for page in pages:
        for href in _parse(html_dir / page).links:
            if re.match(r"^([a-z][a-z0-9+.-]*:)?//|^mailto:", href):
                continue
            if href.startswith("#") and href.endswith(".ipynb") \
                    and Path(href[1:]).stem not in subset_pages:
                continue  # a link to a notebook outside the subset (the full book has it)
            target = (html_dir / page).parent / urlsplit(href).path
            if target.suffix == ".html" and not target.exists() \
                    and target.stem not in subset_pages:
                continue
            assert _resolves(html_dir / page, href), f"{page}: {href}"
    vocabulary = _parse(html_dir / "vocabulary.html").links
    assert any(href.startswith("notebooks/05_customer_loyalty.html#") for href in vocabulary)

    # nothing is loaded from the network: scripts and stylesheets are local files
    built = [page for page in html_dir.rglob("*.html") if "_static" not in page.parts]
    assert len(built) >= len(pages) + 3   # + index, search, genindex
    for page in built:
        for asset in _parse(page).assets:
            assert not re.match(r"^([a-z][a-z0-9+.-]*:)?//", asset, re.I), f"{page}: {asset}"
            path = urlsplit(asset).path
            assert not path or (page.parent / path).is_file(), f"{page}: {asset}"

    # the Mrs Smith widget is saved as a static view, rendered by the vendored manager
    text = chapter.read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-state+json" in text
    assert "application/vnd.jupyter.widget-view+json" in text
    assert "_static/vendor/html-manager/embed-amd.js" in text

    # written answers show as an answer box, not as "BEGIN SOLUTION" headings
    solution = (html_dir / "solutions/05_customer_loyalty_solutions.html").read_text("utf-8")
    assert "crm-answer" in solution and ">BEGIN SOLUTION<" not in solution


def test_the_book_contains_no_instructor_material(tmp_path):
    """Instructor notes and session plans (answers to the class questions) stay out of the book."""
    import nbformat

    out = book.assemble(tmp_path / "book")
    pages = sorted(out.rglob("*.ipynb"))
    assert pages
    sources = {p.name: nbformat.read(ROOT / p.relative_to(out), as_version=4) for p in pages
               if (ROOT / p.relative_to(out)).exists()}
    assert any(book.instructor_only(c) for nb in sources.values() for c in nb.cells), \
        "the chapters have instructor notes: the test must see them removed"
    for page in pages:
        for cell in nbformat.read(page, as_version=4).cells:
            assert "instructor" not in cell.metadata.get("tags", []), page.name
            assert not cell.source.lstrip().startswith(("**Instructor notes", "**Instructor plan")), page.name
