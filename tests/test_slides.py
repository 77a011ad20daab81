"""Slides for the classroom (tools/slides.py): the slide-type rules on small notebooks, and a deck
built from a copy of chapter 5 that loads nothing from the network.

The vendor folder (reveal.js, require.js, MathJax, the widget manager, ...) is built once per
session from the npm tarballs cached in build/npm-cache (npm fetches them the first time).
"""
from __future__ import annotations

import doctest
import json
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import slides  # noqa: E402

CHAPTER5 = ROOT / "notebooks" / "05_customer_loyalty.ipynb"


# --- helpers -------------------------------------------------------------------------------------

def md(text, **meta):
    return new_markdown_cell(text, metadata=meta)


def code(text, outputs=(), **meta):
    return new_code_cell(text, outputs=list(outputs), metadata=meta)


def types(*cells):
    return slides.slide_types(slides.annotate(new_notebook(cells=list(cells))))


def figure():
    return new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})


def result(text="42"):
    return new_output("execute_result", data={"text/plain": text}, execution_count=1)


PROSE = "A sentence of explanation that runs on for a while, as prose does. " * 2


# --- 1. annotate: the rules ----------------------------------------------------------------------

def test_title_and_sections_start_slides_and_subsections_subslides():
    assert types(md("# Chapter 9 · Title (标题)\n\n| Week 1, session 1 |"),
                 md("## 9.1 First idea"), md("Short text."),
                 md("### A sub-point"), md("## 9.2 Second idea")) == \
        ["slide", "slide", "-", "subslide", "slide"]


def test_setup_section_and_imports_cell_are_skipped():
    assert types(md("# Title"), md("## Setup\n\nThe imports."),
                 code("import pandas as pd\nfrom crmlib import loyalty\npd.set_option('x', 1)"),
                 md("## 1.1 Idea"), code("loyalty.loyalty_types()", [result()])) == \
        ["slide", "skip", "skip", "slide", "fragment"]
    # imports outside a Setup section: the first code cell, or two imports, is the setup cell ...
    assert types(md("# T"), code("import numpy as np"), md("## A"),
                 code("import a\nimport b\nx = 1")) == ["slide", "skip", "slide", "skip"]
    # ... but a later cell that imports one helper and uses it is content
    assert types(md("# T"), md("## A"), code("x = 1", [result()]),
                 code("from crmlib.index import flatten_weights\nflatten_weights(x)",
                      [result()]))[-1] == "fragment"


def test_instructor_notes_become_speaker_notes():
    assert types(md("# T"), md("**Instructor notes.** Ask the room who has a loyalty card."),
                 md("Speaker notes: 10 minutes."), md("A plain cell.", tags=["notes"]),
                 md("Mentioning instructor notes mid-sentence is prose.")) == \
        ["slide", "notes", "notes", "notes", "-"]


def test_manual_slide_types_win_and_annotate_is_pure():
    nb = new_notebook(cells=[md("# T", slideshow={"slide_type": "skip"}),
                             md("## A"),
                             code("import os", slideshow={"slide_type": "slide"}),
                             md("text", slideshow={"slide_type": "notes"})])
    before = json.dumps(nb, sort_keys=True)
    out = slides.annotate(nb)
    assert json.dumps(nb, sort_keys=True) == before, "annotate changed its input"
    assert slides.slide_types(out) == ["skip", "slide", "slide", "notes"]
    assert slides.annotate(out) == out, "annotating twice must change nothing"


def test_long_cells_get_their_own_subslide_or_are_skipped():
    long_md = "\n".join(f"- point {i}: {PROSE}" for i in range(14))
    long_code = "\n".join(f"x{i} = {i}" for i in range(12))
    assert types(md("# T"), md("## A"), md(long_md), md("After it.")) == \
        ["slide", "slide", "subslide", "subslide"]
    assert types(md("# T"), md("## A"), code(long_code), code(long_code + "\nx0", [result()])) == \
        ["slide", "slide", "skip", "subslide"]


def test_results_and_figures_follow_their_explanation_until_the_slide_is_full():
    assert types(md("# T"), md(f"## A\n\n{PROSE}"), code("f(x)", [result()]),
                 md("Reading it: the total is 42."), code("plot(x)", [figure()]),
                 code("plot(y)", [figure()])) == \
        ["slide", "slide", "fragment", "fragment", "subslide", "subslide"]


def test_a_lead_in_ending_with_a_colon_moves_with_what_it_introduces():
    table = result("\n".join(f"row {i}" for i in range(8)))       # 0.85 + 0.8 + 8 × 0.85 lines
    start = [md("# T"), md(f"## A\n\n{PROSE}"), code("f()", [table])]
    assert types(*start, md("Over the source's range:"), code("g()", [table]))[-2:] == \
        ["subslide", "fragment"]
    assert types(*start, md("Over the source's range."), code("g()", [table]))[-2:] == \
        ["fragment", "subslide"]


def test_empty_and_removed_cells_are_skipped():
    assert types(md("# T"), md("   "), code(""), md("hidden", tags=["remove-cell"])) == \
        ["slide", "skip", "skip", "skip"]


@pytest.mark.parametrize("path", slides.chapter_notebooks(), ids=lambda p: p.name)
def test_every_chapter_gets_a_deck_shape(path):
    """Each notebook in notebooks/ (new chapters included) gets valid types, a title slide and
    several sections, and annotating is idempotent. Reads only; writes nothing."""
    nb = nbformat.read(path, as_version=4)
    out = slides.annotate(nb)
    kinds = slides.slide_types(out)
    assert set(kinds) <= set(slides.SLIDE_TYPES)
    assert next(k for k in kinds if k not in {"skip", "notes"}) == "slide"
    assert kinds.count("slide") >= 5
    assert slides.annotate(out) == out
    for cell, kind in zip(nb.cells, kinds):   # every ## heading starts a slide (or was skipped)
        if cell.cell_type == "markdown" and slides.heading(cell.source)[0] == 2:
            assert kind in {"slide", "skip", "notes"}, cell.source[:60]


def test_annotate_cli_writes_in_place_and_check_reports(tmp_path, capsys):
    copy = tmp_path / CHAPTER5.name
    bare = nbformat.read(CHAPTER5, as_version=4)  # the committed chapter is annotated: strip it
    for cell in bare.cells:
        cell.metadata.pop("slideshow", None)
    nbformat.write(bare, copy)
    unannotated = copy.read_bytes()
    assert slides.main(["annotate", "--check", str(copy)]) == 1
    assert copy.read_bytes() == unannotated, "--check must not write"
    assert slides.main(["annotate", str(copy)]) == 0
    assert slides.main(["annotate", "--check", str(copy)]) == 0
    before, after = bare, nbformat.read(copy, as_version=4)
    for old, new in zip(before.cells, after.cells, strict=True):
        assert new.metadata.slideshow.slide_type in slides.SLIDE_TYPES
        del new.metadata["slideshow"]
        assert new == old, "annotate may only add slideshow metadata"
    assert "up to date" in capsys.readouterr().out


def test_docstring_examples():
    assert doctest.testmod(slides, raise_on_error=False).failed == 0


# --- 2. vendor: pinned, verified ------------------------------------------------------------------

def test_vendor_json_pins_exact_versions_with_registry_hashes():
    packages = slides.vendor_spec()
    names = {p["name"] for p in packages}
    assert {"reveal.js", "requirejs", "mathjax", "@jupyter-widgets/html-manager"} <= names
    for p in packages:
        assert re.fullmatch(r"\d+\.\d+\.\d+", p["version"]), p["name"]
        assert re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", p["integrity"]), p["name"]
        assert re.fullmatch(r"[0-9a-f]{40}", p["shasum"]), p["name"]


def test_vendor_json_rejects_a_version_range(tmp_path):
    doc = json.loads(slides.VENDOR_JSON.read_text(encoding="utf-8"))
    doc["packages"][0]["version"] = "^5.2.1"
    bad = tmp_path / "vendor.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(slides.VendorError, match="exact version"):
        slides.vendor_spec(bad)




def test_a_tampered_tarball_is_refused(npm_cache, tmp_path):
    package = next(p for p in slides.vendor_spec() if p["name"] == "requirejs")
    tarball = tmp_path / "requirejs.tgz"
    data = bytearray((npm_cache / slides._tarball_name(package)).read_bytes())
    slides.verify_tarball(npm_cache / slides._tarball_name(package), package)   # the real one passes
    data[len(data) // 2] ^= 0xFF
    tarball.write_bytes(bytes(data))
    with pytest.raises(slides.VendorError, match="integrity mismatch"):
        slides.verify_tarball(tarball, package)


def test_vendor_folder_has_what_the_decks_load(deck_dir):
    vendor = deck_dir / slides.VENDOR
    for rel in ["reveal.js/dist/reveal.js", "reveal.js/plugin/notes/notes.js",
                "reveal.js/dist/theme/white.css", "requirejs/require.js",
                "jquery/dist/jquery.min.js", "mathjax/MathJax.js",
                "mathjax/config/TeX-AMS_CHTML-full.js",
                "@jupyter-widgets/html-manager/dist/embed-amd.js",
                "mermaid/dist/mermaid.min.js", "course/slides.css", "manifest.json"]:
        assert (vendor / rel).is_file(), rel
    assert (vendor / "reveal.js" / "LICENSE").is_file()
    manifest = json.loads((vendor / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["packages"] == slides.vendor_spec()


def test_slides_css_is_for_the_back_of_the_room(deck_dir):
    css = (deck_dir / slides.VENDOR / "course" / "slides.css").read_text(encoding="utf-8")
    body = re.search(r"\.reveal \{[^}]*font-size: (\d+)px", css)
    assert body and int(body.group(1)) >= 24
    assert re.search(r"img \{[^}]*max-width: 100%[^}]*max-height: \d+px", css)


# --- 3. a deck from chapter 5 --------------------------------------------------------------------

class Loads(HTMLParser):
    """What a page makes the browser fetch: script/link/img/... URLs, CSS @import and url(),
    URL strings in executable inline scripts. Hyperlinks (<a href>) are not fetches."""

    ATTRS = {"script": ["src"], "link": ["href"], "img": ["src"], "iframe": ["src"],
             "source": ["src"], "video": ["src"], "audio": ["src"], "embed": ["src"],
             "object": ["data"]}

    def __init__(self):
        super().__init__()
        self.urls, self.css, self.js, self.anchors, self.sections = [], [], [], [], 0
        self._text = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.urls += [attrs[a] for a in self.ATTRS.get(tag, []) if attrs.get(a)]
        if attrs.get("data-jupyter-widgets-cdn"):
            self.urls.append(attrs["data-jupyter-widgets-cdn"])
        self.css += [attrs["style"]] if attrs.get("style") else []
        self.anchors += [attrs["href"]] if tag == "a" and attrs.get("href") else []
        self.sections += tag == "section"
        executable = attrs.get("type", "text/javascript") in {"text/javascript", "module",
                                                              "text/x-mathjax-config"}
        self._text = "css" if tag == "style" else "js" if tag == "script" and executable else None

    def handle_endtag(self, tag):
        self._text = None

    def handle_data(self, data):
        if self._text == "css":
            self.css.append(data)
        elif self._text == "js":
            self.js.append(data)


CSS_REF = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)|url\(\s*['"]?([^'")]+?)['"]?\s*\)""")


def network_and_missing(html_path: Path) -> list[str]:
    """Every fetch of the page (and of the CSS it loads) that is remote or not on disk."""
    page = Loads()
    page.feed(html_path.read_text(encoding="utf-8"))
    bad, todo = [], [(u, html_path.parent) for u in page.urls]
    todo += [(m.group(1) or m.group(2), html_path.parent) for c in page.css
             for m in CSS_REF.finditer(c)]
    for js in page.js:
        bad += re.findall(r"""["'`]((?:https?:)?//[^"'`\s]+)""", js)
        bad += re.findall(r"""import\s.*?from\s+["']([^"']+)""", js)
    seen = set()
    while todo:
        url, base = todo.pop()
        if url.startswith(("data:", "#", "about:")):
            continue
        if urlsplit(url).scheme or url.startswith("//") or url.startswith("/"):
            bad.append(url)
            continue
        path = (base / unquote(urlsplit(url).path)).resolve()
        if not path.exists():          # (the widget manager's module folder is a directory)
            bad.append(f"missing: {url}")
        elif path.suffix == ".css" and path not in seen:
            seen.add(path)
            todo += [(m.group(1) or m.group(2), path.parent)
                     for m in CSS_REF.finditer(path.read_text(encoding="utf-8", errors="replace"))]
    return bad


@pytest.fixture(scope="session")
def chapter5_deck(deck_dir, tmp_path_factory):
    """A copy of chapter 5, plus instructor notes, a formula, a diagram, a local picture and a
    web link, built into a deck."""
    src = tmp_path_factory.mktemp("notebooks")
    nb = nbformat.read(CHAPTER5, as_version=4)
    (src / "pixel.png").write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))
    nb.cells[1:1] = [
        md("**Instructor notes.** Ask who carries a loyalty card. 5 minutes."),
        md("## Extras\n\nValue $V = \\sum_t m_t / (1+d)^t$, see [the source](https://example.org/crm)."
           "\n\n![a pixel](pixel.png)\n\n```mermaid\ngraph LR\n  A-->B\n```"),
    ]
    path = src / CHAPTER5.name
    nbformat.write(nb, path)
    return slides.build_deck(path, deck_dir)


def test_deck_loads_no_script_or_stylesheet_from_the_network(chapter5_deck):
    assert chapter5_deck.name == "05_customer_loyalty.slides.html"
    assert network_and_missing(chapter5_deck) == []
    page = Loads()
    page.feed(chapter5_deck.read_text(encoding="utf-8"))
    assert "https://example.org/crm" in page.anchors, "web hyperlinks in prose stay allowed"
    scripts = [u for u in page.urls if u.endswith(".js") or ".js?" in u]
    assert {"vendor/requirejs/require.js", "vendor/jquery/dist/jquery.min.js",
            "vendor/mermaid/dist/mermaid.min.js"} <= set(scripts)
    assert "vendor/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe" in scripts
    html = chapter5_deck.read_text(encoding="utf-8")
    assert "vendor/@jupyter-widgets/html-manager/dist/embed-amd.js" in html
    assert '"vendor/reveal.js/plugin/notes/notes.js"' in html
    assert 'src="data:image/png;base64,' in html, "a local picture is embedded in the deck"


def test_the_checks_catch_a_deck_that_needs_the_network(tmp_path):
    """Both the test's parser and the build's own guard fail on CDN scripts, web fonts and
    module imports (so the test above can fail)."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<html><head><script src="https://cdn.example.org/reveal.js"></script>'
        '<link rel="stylesheet" href="//cdn.example.org/x.css">'
        "<style>@import url(https://fonts.example.org/css?family=Lato);</style>"
        '<script type="module">import m from "https://cdn.example.org/m.mjs";</script>'
        '<script src="vendor/missing.js"></script></head>'
        '<body><a href="https://example.org">fine</a></body></html>', encoding="utf-8")
    assert len(network_and_missing(page)) >= 5
    problems = slides.remote_resources(page.read_text(encoding="utf-8"), tmp_path)
    assert len(problems) == 5, problems
    assert not any(p.endswith("https://example.org") for p in problems), "<a href> is no fetch"


def test_deck_is_a_reveal_deck_with_notes_fragments_and_the_course_styles(chapter5_deck):
    html = chapter5_deck.read_text(encoding="utf-8")
    page = Loads()
    page.feed(html)
    annotated = slides.annotate(nbformat.read(CHAPTER5, as_version=4))
    kinds = slides.slide_types(annotated)
    top = re.findall(r'<div class="slides">\s*<section', html)
    assert top and page.sections == 2 * (kinds.count("slide") + 1) + kinds.count("subslide")
    assert re.search(r'<aside class="notes">.*?Ask who carries a loyalty card', html, re.S)
    assert html.count('class="fragment"') >= 10
    assert '<link rel="stylesheet" href="vendor/course/slides.css">' in html
    assert "# NBVAL_CHECK_OUTPUT" not in html, "test markers are not for the audience"
    assert re.search(r"plugins:\s*\[RevealNotes\]", html)
    assert "Reveal.getConfig().height" in html            # the fit-to-slide script


def test_deck_without_diagrams_does_not_load_mermaid(deck_dir, tmp_path):
    nb = new_notebook(cells=[md("# T"), md("## A\n\ntext"), code("1 + 1", [result("2")])])
    path = tmp_path / "01_tiny.ipynb"
    nbformat.write(nb, path)
    deck = slides.build_deck(path, deck_dir)
    assert "mermaid.min.js" not in deck.read_text(encoding="utf-8")
    assert network_and_missing(deck) == []


def test_build_all_picks_up_every_chapter_and_links_between_them(deck_dir, tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "01_a_exercises.ipynb").write_text("{}", encoding="utf-8")
    for name, text in [("01_a", "See [chapter 2](02_b.ipynb#Top) and "
                                "[the exercises](../exercises/01_a_exercises.ipynb)."),
                       ("02_b", "Back to [chapter 1](01_a.ipynb).")]:
        nb = new_notebook(cells=[md(f"# Chapter {name}"), md(f"## Section\n\n{text}")])
        nbformat.write(nb, folder / f"{name}.ipynb")
    nbformat.write(new_notebook(cells=[md("# scratch")]), folder / "scratch.ipynb")
    found = slides.chapter_notebooks(folder)
    assert [p.name for p in found] == ["01_a.ipynb", "02_b.ipynb"]
    out = deck_dir
    built = slides.build_all(found, out, cache=ROOT / "build" / "npm-cache")
    assert [p.name for p in built] == ["01_a.slides.html", "02_b.slides.html"]
    first = built[0].read_text(encoding="utf-8")
    assert 'href="02_b.slides.html#Top"' in first
    exercises = re.search(r'href="([^"]*01_a_exercises\.ipynb)"', first).group(1)
    assert (out / exercises).resolve() == (tmp_path / "exercises" / "01_a_exercises.ipynb").resolve()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "01_a.slides.html" in index and "02_b.slides.html" in index
    assert network_and_missing(out / "index.html") == []


def test_makefile_has_a_slides_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^slides:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert rule and "tools/slides.py build" in rule.group(1)
