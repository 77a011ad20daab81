"""Slides for the classroom: slide metadata for the chapter notebooks, and offline reveal.js decks.

Usage::

    python tools/slides.py annotate [--check] NOTEBOOK...   # write slideshow metadata in place
    python tools/slides.py build [--out build/slides] [NOTEBOOK...]   # `make slides`
    python tools/slides.py vendor [--dest build/slides/vendor]       # only the local JS/CSS
    python tools/slides.py lock                                       # refresh tools/vendor.json

**annotate** gives every cell a ``metadata.slideshow.slide_type`` (the field JupyterLab's
property inspector, RISE and nbconvert read) by the rules of :func:`annotate`: one idea per
slide, sections start slides, setup and long plumbing are skipped, results appear as fragments
after their explanation, instructor notes become speaker notes. A cell that already has a slide
type keeps it, so an instructor's manual choice always wins and re-running is harmless.

**build** turns every chapter notebook (``notebooks/NN_*.ipynb``, found by glob, so new chapters
are picked up) into ``build/slides/NN_*.slides.html``. Cells that have no slide type yet are
annotated in memory first, so a new chapter gets a sensible deck before anyone annotates it.
Everything a deck loads (reveal.js and its notes plugin, require.js, jQuery, MathJax, the
ipywidgets HTML manager, mermaid when a deck has a diagram, the slides' own stylesheet) comes
from ``build/slides/vendor/``: exact npm versions pinned with their integrity hashes in
``tools/vendor.json``, fetched once with ``npm pack`` into ``build/npm-cache/``. The decks work
offline, opened from the file system or a local server; the build refuses to write a deck that
would load a script, stylesheet, font or image from the network.

Presenting: open ``build/slides/index.html`` (or a deck), press ``S`` for the speaker view with
the notes and a timer, ``F`` for full screen, ``Esc`` for the overview; ``?`` lists the keys.
"""
from __future__ import annotations

import argparse
import ast
import base64
import copy
import fnmatch
import hashlib
import html
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat

ROOT = Path(__file__).resolve().parent.parent
VENDOR_JSON = Path(__file__).resolve().parent / "vendor.json"
DEFAULT_OUT = ROOT / "build" / "slides"
DEFAULT_CACHE = ROOT / "build" / "npm-cache"
CHAPTER_GLOB = "[0-9][0-9]_*.ipynb"
VENDOR = "vendor"  # the vendor folder's name, beside the decks

# ---------------------------------------------------------------------------------------------
# 1. Slide metadata
# ---------------------------------------------------------------------------------------------

SLIDE_TYPES = ("slide", "subslide", "fragment", "-", "skip", "notes")

#: What one slide holds, in lines of body text (26 px type on a 1280 x 720 slide).
SLIDE_LINES = 17.0
#: A markdown cell longer than this gets a subslide of its own.
LONG_MARKDOWN = 12.0
#: A code cell with more source lines than this is plumbing: skipped when it shows nothing,
#: otherwise given a subslide of its own.
LONG_CODE = 8
#: How many lines a figure, a widget and a table row take on a slide.
FIGURE_LINES = 12.0
WIDGET_LINES = 13.0
ROW_LINES = 0.9
#: Characters per line of body text (a CJK character counts twice).
WRAP = 90

NOTES_TAGS = {"notes", "speaker-notes", "instructor-notes", "instructor"}
SKIP_TAGS = {"remove-cell", "remove_cell", "slides-skip"}
_NOTES_LINE = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*(?:instructor|speaker|teaching|teacher'?s?)\s+(?:notes?|plan)\b"
    r"|^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*(?:教师备注|讲课提示|授课提示)",
    re.I)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_SETUP_TITLE = re.compile(r"^(setup|set-up|set up|imports|环境|准备)\b", re.I)
_CONFIG_CALLS = {"set_option", "filterwarnings", "simplefilter", "use", "seed", "rcParams",
                 "set_printoptions", "set_theme", "style"}


def manual_slide_type(cell) -> str | None:
    """The slide type a person already chose for this cell (None when there is none)."""
    slideshow = cell.get("metadata", {}).get("slideshow")
    value = slideshow.get("slide_type") if isinstance(slideshow, dict) else None
    return value if value in SLIDE_TYPES else None


def heading(source: str) -> tuple[int, str]:
    """Level and text of the heading a markdown cell starts with ((0, "") when none)."""
    for line in source.splitlines():
        if line.strip():
            m = _HEADING.match(line.strip())
            return (len(m.group(1)), m.group(2).strip()) if m else (0, "")
    return 0, ""


def is_notes(cell) -> bool:
    """A markdown cell meant for the instructor: tagged ``notes`` or opening with a line such as
    ``**Instructor notes**`` (also *Speaker notes*, *Teaching notes*, 教师备注, 授课提示)."""
    if NOTES_TAGS & set(cell.get("metadata", {}).get("tags", [])):
        return True
    if cell.cell_type != "markdown":
        return False
    first = next((l for l in cell.source.splitlines() if l.strip()), "")
    return bool(_NOTES_LINE.match(first))


def _statements(source: str) -> list[ast.stmt] | None:
    code = "\n".join("" if l.lstrip().startswith(("%", "!")) else l for l in source.splitlines())
    try:
        return ast.parse(code).body
    except SyntaxError:
        return None


def _is_config(stmt: ast.stmt) -> bool:
    """pd.set_option(...), warnings.filterwarnings(...), plt.style.use(...), crmlib.seed(...)"""
    node = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign)) else None
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name in _CONFIG_CALLS
    return False


def is_setup_code(source: str, first_code_cell: bool) -> bool:
    """The imports cell: two or more imports, or (for the first code cell) imports and options
    making up at least half of its statements."""
    body = _statements(source)
    if not body:
        return False
    imports = sum(isinstance(s, (ast.Import, ast.ImportFrom)) for s in body)
    config = sum(_is_config(s) for s in body)
    if imports >= 2 and imports + config >= len(body) / 2:
        return True
    return first_code_cell and imports >= 1 and imports + config >= len(body) / 2


def _text_lines(text: str) -> float:
    """Rendered lines of prose: paragraphs reflow at WRAP columns, table rows and list items
    take a line each, blank lines half a line."""
    total, paragraph = 0.0, 0

    def flush():
        nonlocal total, paragraph
        if paragraph:
            total += math.ceil(paragraph / WRAP)
        paragraph = 0

    in_fence = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith(("```", "~~~")):
            in_fence = not in_fence
            flush()
            total += 0.5
            continue
        if in_fence or line.startswith("|"):
            flush()
            total += 1.0 if in_fence else (0.0 if re.fullmatch(r"[|:\-\s]+", line) else 1.1)
        elif not line:
            flush()
            total += 0.5
        elif _HEADING.match(line):
            flush()
            total += 1.6
        elif re.match(r"^([-*+]|\d+[.)])\s", line):
            flush()
            paragraph = _width(line)
        else:
            paragraph += _width(line) + 1
    flush()
    return total


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _output_lines(output) -> float:
    kind = output.get("output_type")
    if kind == "stream":
        return min(_text_lines(output.get("text", "")), SLIDE_LINES)
    if kind == "error":
        return 6.0
    data = output.get("data", {})
    if "application/vnd.jupyter.widget-view+json" in data:
        return WIDGET_LINES
    if any(k.startswith("image/") for k in data):
        return FIGURE_LINES
    if "text/html" in data:
        text = data["text/html"]
        text = "".join(text) if isinstance(text, list) else text
        rows = len(re.findall(r"<tr\b", text, re.I))
        if rows:
            return 1.0 + ROW_LINES * rows
        return _text_lines(re.sub(r"<[^>]+>", " ", text))
    if "text/markdown" in data:
        return _text_lines(data["text/markdown"])
    if "text/plain" in data:
        return len(data["text/plain"].splitlines()) * 0.85
    return 1.0


def cell_lines(cell) -> float:
    """Estimated height of a cell on a slide, in lines of body text."""
    if cell.cell_type == "markdown":
        return _text_lines(cell.source)
    if cell.cell_type != "code":
        return 0.0
    code = [l for l in cell.source.splitlines() if not l.startswith("# NBVAL_")]
    return 0.85 * len(code) + 0.8 + sum(_output_lines(o) for o in cell.get("outputs", []))


def _has_rich_output(cell) -> bool:
    return any(o.get("output_type") in {"stream", "execute_result", "display_data"}
               for o in cell.get("outputs", []))


@dataclass
class _Deck:
    """What annotate knows while walking down the notebook."""
    used: float = 0.0          # lines already on the current (sub)slide
    started: bool = False      # has a visible slide been opened?
    setup_section: bool = False
    first_code: bool = True
    previous: str = ""         # cell type of the last visible cell

    def open(self, lines: float) -> None:
        self.used, self.started = lines, True

    def add(self, lines: float) -> None:
        self.used += lines


def choose_slide_type(cell, deck: _Deck, next_cell=None) -> str:
    """The slide type of one cell, given the deck so far (updates ``deck``).

    The rules, in order:

    1. a cell whose ``slideshow.slide_type`` is set keeps it (manual choices win);
    2. instructor notes (tag ``notes``, or a first line like ``**Instructor notes**``) → ``notes``;
    3. empty cells, raw cells, cells tagged ``remove-cell``, the ``## Setup`` section and the
       imports cell → ``skip``;
    4. the title (``# ``) and every ``## `` section → ``slide``; ``### `` → ``subslide``;
    5. a long code cell (more than ``LONG_CODE`` lines) → ``skip`` if it shows nothing, else a
       ``subslide`` of its own;
    6. a long markdown cell (more than ``LONG_MARKDOWN`` lines) → a ``subslide`` of its own;
    7. anything else stays on the current slide while it fits (``SLIDE_LINES``): code cells,
       their results and figures, and the prose that follows a result, appear as a
       ``fragment`` (one click each); prose that continues prose is ``-``. What no longer fits
       starts a ``subslide``; so does prose that ends with a colon when what it introduces
       (``next_cell``) would not fit after it, so that the two stay together.
    """
    level, title = heading(cell.source) if cell.cell_type == "markdown" else (0, "")
    if cell.cell_type == "markdown" and 1 <= level <= 2:
        deck.setup_section = bool(_SETUP_TITLE.match(title))
    lines = cell_lines(cell)
    manual = manual_slide_type(cell)
    if manual is not None:
        if manual in {"slide", "subslide"}:
            deck.open(lines)
        elif manual in {"fragment", "-"}:
            deck.add(lines) if deck.started else deck.open(lines)
        if manual not in {"skip", "notes"}:
            deck.previous = cell.cell_type
        if cell.cell_type == "code" and manual != "notes":
            deck.first_code = False
        return manual

    if is_notes(cell):
        return "notes"
    tags = set(cell.get("metadata", {}).get("tags", []))
    if not cell.source.strip() or cell.cell_type not in {"markdown", "code"} or tags & SKIP_TAGS:
        return "skip"
    if cell.cell_type == "code":
        first, deck.first_code = deck.first_code, False
        if deck.setup_section or is_setup_code(cell.source, first):
            return "skip"
    elif deck.setup_section:
        return "skip"

    if level == 1 or level == 2 or not deck.started:
        kind = "slide"
        deck.open(lines)
    elif level == 3:
        kind = "subslide"
        deck.open(lines)
    elif cell.cell_type == "code" and len(cell.source.splitlines()) > LONG_CODE:
        if not _has_rich_output(cell):
            return "skip"
        kind = "subslide"
        deck.open(SLIDE_LINES)          # nothing else joins it
    elif cell.cell_type == "markdown" and lines > LONG_MARKDOWN:
        kind = "subslide"
        deck.open(SLIDE_LINES)
    elif deck.used + lines <= SLIDE_LINES and not (
            cell.cell_type == "markdown" and next_cell is not None
            and cell.source.rstrip().endswith(":") and manual_slide_type(next_cell) is None
            and deck.used + lines + cell_lines(next_cell) > SLIDE_LINES
            and lines + cell_lines(next_cell) <= SLIDE_LINES):
        kind = "-" if cell.cell_type == "markdown" and deck.previous == "markdown" else "fragment"
        deck.add(lines)
    else:
        kind = "subslide"
        deck.open(lines)
    deck.previous = cell.cell_type
    return kind


def annotate(nb):
    """A copy of the notebook with a slide type on every cell (see :func:`choose_slide_type`).

    Pure: the notebook passed in is not changed. Cells that already have a slide type keep it.

    >>> from nbformat.v4 import new_notebook, new_markdown_cell, new_code_cell
    >>> nb = new_notebook(cells=[new_markdown_cell("# Title"), new_code_cell("import pandas"),
    ...                          new_markdown_cell("## 1.1 Idea"), new_code_cell("1 + 1")])
    >>> slide_types(annotate(nb))
    ['slide', 'skip', 'slide', 'fragment']
    """
    out = copy.deepcopy(nb)
    deck = _Deck()
    for i, cell in enumerate(out.cells):
        kind = choose_slide_type(cell, deck, out.cells[i + 1] if i + 1 < len(out.cells) else None)
        cell.setdefault("metadata", {}).setdefault("slideshow", {})["slide_type"] = kind
    return out


def slide_types(nb) -> list[str]:
    """The slide type of every cell ("-" where none is set, as nbconvert reads it)."""
    return [manual_slide_type(c) or "-" for c in nb.cells]


def annotate_files(paths: list[Path], check: bool = False) -> list[Path]:
    """Annotate notebooks in place; return the ones that changed (with check=True, change none)."""
    changed = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        new = annotate(nb)
        if new != nb:
            changed.append(path)
            if not check:
                nbformat.write(new, path)
    return changed


# ---------------------------------------------------------------------------------------------
# 2. Vendored JavaScript and CSS (npm registry → build/npm-cache → build/slides/vendor)
# ---------------------------------------------------------------------------------------------

class VendorError(RuntimeError):
    """The vendor folder cannot be built (a hash mismatch, a missing file in a package)."""


class NpmUnavailable(VendorError):
    """npm is not installed or cannot reach the registry, and the tarball is not cached."""


def vendor_spec(path: Path = VENDOR_JSON) -> list[dict]:
    """The pinned packages of tools/vendor.json."""
    packages = json.loads(path.read_text(encoding="utf-8"))["packages"]
    for p in packages:
        for key in ("name", "version", "integrity", "shasum", "files"):
            if not p.get(key):
                raise VendorError(f"{path.name}: package {p.get('name')!r} has no {key!r}")
        if not re.fullmatch(r"\d+\.\d+\.\d+", p["version"]):
            raise VendorError(f"{path.name}: {p['name']} must pin an exact version, "
                              f"not {p['version']!r}")
    return packages


def _tarball_name(package: dict) -> str:
    return f"{package['name'].lstrip('@').replace('/', '-')}-{package['version']}.tgz"


def verify_tarball(path: Path, package: dict) -> None:
    """Raise VendorError unless the tarball has the pinned sha512 integrity and sha1 shasum."""
    data = path.read_bytes()
    algo, _, expected = package["integrity"].partition("-")
    got = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if got != expected or hashlib.sha1(data).hexdigest() != package["shasum"]:
        raise VendorError(f"{path.name}: integrity mismatch for {package['name']}@"
                          f"{package['version']} (got {algo}-{got}); delete it and retry, or "
                          "check tools/vendor.json")


def fetch_tarballs(packages: list[dict], cache: Path = DEFAULT_CACHE) -> list[Path]:
    """The packages' verified tarballs in the cache; the missing ones are packed from the npm
    registry in one ``npm pack`` (npm's own cache, ~/.npm, makes a later fetch local)."""
    cache.mkdir(parents=True, exist_ok=True)
    targets = [cache / _tarball_name(p) for p in packages]
    missing = [(p, t) for p, t in zip(packages, targets) if not t.exists()]
    if missing:
        specs = [f"{p['name']}@{p['version']}" for p, _ in missing]
        npm = shutil.which("npm")
        if npm is None:
            raise NpmUnavailable(f"npm is not installed and {cache} lacks {', '.join(specs)}: "
                                 "install Node.js/npm, or copy those npm tarballs there")
        tmp = cache / f".pack-{os.getpid()}"
        tmp.mkdir(exist_ok=True)
        try:
            run = subprocess.run([npm, "pack", *specs, "--json", "--ignore-scripts",
                                  "--prefer-offline", "--pack-destination", str(tmp)],
                                 capture_output=True, text=True, timeout=600)
            if run.returncode != 0:
                offline = re.search(r"E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|"
                                    r"NETUNREACH|HOSTUNREACH)|network", run.stderr)
                raise (NpmUnavailable if offline else VendorError)(
                    f"`npm pack {' '.join(specs)}` failed"
                    + (" (the npm registry is not reachable)" if offline else "")
                    + f":\n{run.stderr.strip()[-2000:]}")
            packed = {f"{d['name']}@{d['version']}": tmp / d["filename"]
                      for d in json.loads(run.stdout)}
            for (package, target), spec in zip(missing, specs):
                os.replace(packed[spec], target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    for package, target in zip(packages, targets):
        verify_tarball(target, package)
    return targets


def _wanted(path: str, patterns: list[str]) -> str | None:
    for pattern in patterns:
        if pattern.endswith("/**") and path.startswith(pattern[:-2]):
            return pattern
        if fnmatch.fnmatchcase(path, pattern):
            return pattern
    return None


ALWAYS = ["package.json", "LICENSE*", "license*"]


def extract_package(tarball: Path, package: dict, dest: Path) -> int:
    """Copy the package's listed files into dest/<name>/; return how many. Every pattern of
    ``files`` must match at least one file."""
    root = dest / package["name"]
    if root.exists():
        shutil.rmtree(root)
    matched: set[str] = set()
    count = 0
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            parts = member.name.split("/", 1)
            if len(parts) != 2 or ".." in parts[1].split("/") or parts[1].startswith("/"):
                continue
            rel = parts[1]
            pattern = _wanted(rel, package["files"])
            if pattern is None and _wanted(rel, ALWAYS) is None:
                continue
            matched.add(pattern or "")
            out = root / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            with tar.extractfile(member) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst)
            count += 1
    missing = [p for p in package["files"] if p not in matched]
    if missing:
        raise VendorError(f"{package['name']}@{package['version']}: no file matches {missing}")
    return count


def build_vendor(dest: Path = DEFAULT_OUT / VENDOR, cache: Path = DEFAULT_CACHE,
                 spec_path: Path = VENDOR_JSON) -> Path:
    """Fill ``dest`` with the pinned packages and the slides stylesheet; skip what is up to
    date (``dest/manifest.json`` records what was copied)."""
    packages = vendor_spec(spec_path)
    manifest_path = dest / "manifest.json"
    try:
        done = json.loads(manifest_path.read_text(encoding="utf-8"))["packages"]
    except (OSError, ValueError, KeyError):
        done = []
    dest.mkdir(parents=True, exist_ok=True)
    todo = [p for p in packages if p not in done or not (dest / p["name"]).is_dir()]
    for package, tarball in zip(todo, fetch_tarballs(todo, cache)):
        extract_package(tarball, package, dest)
    css = dest / "course" / "slides.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    if not css.exists() or css.read_text(encoding="utf-8") != SLIDES_CSS:
        css.write_text(SLIDES_CSS, encoding="utf-8")
    if todo or not manifest_path.exists():
        manifest = {"about": "Copied by tools/slides.py from the npm registry tarballs pinned "
                             "in tools/vendor.json; each package keeps its license.",
                    "packages": packages}
        manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return dest


def lock(spec_path: Path = VENDOR_JSON) -> None:
    """Write the registry's integrity and shasum for each pinned version into vendor.json."""
    doc = json.loads(spec_path.read_text(encoding="utf-8"))
    for p in doc["packages"]:
        out = subprocess.run(["npm", "view", f"{p['name']}@{p['version']}", "dist", "--json"],
                             capture_output=True, text=True, check=True).stdout
        dist = json.loads(out)
        p["integrity"], p["shasum"] = dist["integrity"], dist["shasum"]
    spec_path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# 3. Decks
# ---------------------------------------------------------------------------------------------

#: Slide styles for a projector: large type, figures scaled to the slide, tables that fit.
SLIDES_CSS = """\
/* The course's slide styles (written by tools/slides.py): readable from the back of a room. */
:root {
  --jp-content-font-size1: 26px;
  --jp-ui-font-size1: 24px;
  --jp-code-font-size: 21px;
  --jp-content-line-height: 1.35;
  --jp-cell-prompt-width: 0px;
  --course-cjk: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
                "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  --jp-content-font-family: "Source Sans Pro", Helvetica, Arial, var(--course-cjk);
}
.reveal { font-family: "Source Sans Pro", Helvetica, Arial, var(--course-cjk); font-size: 26px; }
.reveal .slides { text-align: left; }
.reveal .slides section { padding-left: 0; padding-right: 0; box-sizing: border-box; }
.reveal .jp-Cell { padding: 2px 24px 2px 16px; box-sizing: border-box; }
.reveal .jp-Collapser { display: none; }
.reveal .jp-RenderedHTMLCommon { font-family: inherit; font-size: 26px; line-height: 1.35;
  padding-right: 0; }
.reveal h1, .reveal h2, .reveal h3, .reveal h4 { text-transform: none;
  font-family: "Source Sans Pro", Helvetica, Arial, var(--course-cjk); }
.reveal .jp-RenderedHTMLCommon h1 { font-size: 1.9em; line-height: 1.15; margin: 0 0 0.4em; }
.reveal .jp-RenderedHTMLCommon h2 { font-size: 1.45em; line-height: 1.2; margin: 0 0 0.45em;
  padding-bottom: 0.15em; border-bottom: 3px solid #1f77b4; }
.reveal .jp-RenderedHTMLCommon h3 { font-size: 1.2em; margin: 0 0 0.4em; }
.reveal .jp-RenderedHTMLCommon p, .reveal .jp-RenderedHTMLCommon li { margin-bottom: 0.35em; }
.reveal .jp-RenderedHTMLCommon code { font-size: 0.85em; }
/* Tables: big type, but they wrap rather than run off the slide. */
.reveal .jp-RenderedHTMLCommon table { font-size: 21px; margin: 0.3em 0; table-layout: auto;
  max-width: 100%; }
.reveal .jp-RenderedHTMLCommon td, .reveal .jp-RenderedHTMLCommon th { padding: 0.25em 0.6em;
  white-space: normal; }
.reveal .jp-OutputArea-output table { font-size: 19px; margin-left: 0; }
.reveal .jp-OutputArea-output pre { font-size: 19px; white-space: pre-wrap; }
.reveal .jp-InputArea-editor, .reveal .highlight pre { font-size: 21px; }
.reveal .jp-InputPrompt, .reveal .jp-OutputPrompt { display: none; }
/* Figures: as large as the slide allows, never wider or taller than it. */
.reveal .jp-OutputArea-output img { display: block; margin: 0 auto; width: auto; height: auto;
  max-width: 100%; max-height: 430px; }
/* A figure with its subslide to itself may use the whole height, */
.reveal .slides section:not(:has(.jp-MarkdownCell)) .jp-OutputArea-output img {
  height: 560px; max-height: 560px; }
/* and a figure inside a widget shares it with the controls. */
.reveal .slides .jupyter-widgets .jp-OutputArea-output img,
.reveal .slides section:not(:has(.jp-MarkdownCell)) .jupyter-widgets .jp-OutputArea-output img {
  height: auto; max-height: 340px; }
.reveal .widget-label, .reveal .widget-readout, .reveal .widget-inline-hbox { font-size: 20px; }
.reveal .course-mermaid { text-align: center; }
.reveal .course-mermaid svg { max-width: min(100%, 900px) !important; max-height: 520px; }
/* Tall slides scroll (the template's reveal_scroll); keep the scroll bar thin. */
.reveal .slides section { scrollbar-width: thin; }
.reveal .progress { height: 6px; }
.reveal .slide-number { font-size: 18px; }
"""

#: nbconvert template: the stock reveal one, with every script from the vendor folder.
TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}
<script src="{{ resources.jquery_url }}"></script>
{%- if resources.course_mermaid_url %}
<script src="{{ resources.course_mermaid_url }}"></script>
<script>
// Render each diagram in the (visible) page body, then put the SVG in its slide: drawn inside a
// hidden slide, mermaid measures nothing and the diagram comes out empty.
document.addEventListener("DOMContentLoaded", async function () {
  mermaid.initialize({ startOnLoad: false, theme: "default" });
  const blocks = document.querySelectorAll(".jp-Mermaid > pre.mermaid");
  for (let i = 0; i < blocks.length; i++) {
    try {
      const { svg } = await mermaid.render("course-mermaid-" + i, blocks[i].textContent);
      const figure = document.createElement("div");
      figure.className = "course-mermaid";
      figure.innerHTML = svg;
      blocks[i].replaceWith(figure);
    } catch (err) {
      console.error("mermaid diagram " + i + ": " + err);
    }
  }
});
</script>
{%- endif %}
<script src="{{ resources.require_js_url }}" data-jupyter-widgets-cdn="{{ resources.course_widgets_cdn }}"></script>
{%- endblock html_head_js -%}
{% block footer_js %}
{{ super() }}
<script>
// Fit each slide to the screen: a slide a little too tall is shrunk (to 72% at most), a taller
// one also scrolls. Type stays large enough for the back of the room.
require(["{{ resources.reveal.url_prefix }}/dist/reveal.js"], function (Reveal) {
  function fit() {
    var slide = Reveal.getCurrentSlide();
    if (!slide) { return; }
    slide.style.zoom = ""; slide.style.height = ""; slide.style.overflowY = "";
    var room = Reveal.getConfig().height * 0.97, need = slide.scrollHeight;
    if (need > room) {
      var zoom = Math.max(0.72, room / need);
      slide.style.zoom = zoom;
      if (need * zoom > room + 1) {
        slide.style.height = (room / zoom) + "px";
        slide.style.overflowY = "auto";
      }
      Reveal.layout();
    }
  }
  if (Reveal.isReady()) { fit(); } else { Reveal.on("ready", fit); }
  Reveal.on("slidechanged", fit);
  window.addEventListener("load", fit);
});
</script>
{% endblock footer_js %}
"""


def _has_mermaid(nb) -> bool:
    for cell in nb.cells:
        if cell.cell_type == "markdown" and re.search(r"^\s*(```|~~~)\s*mermaid", cell.source, re.M):
            return True
        for out in cell.get("outputs", []):
            if "text/vnd.mermaid" in out.get("data", {}):
                return True
    return False


def _strip_nbval_markers(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = cell.source.splitlines()
            while lines and re.match(r"^#\s*NBVAL_\w+\s*$", lines[0]):
                lines.pop(0)
            cell.source = "\n".join(lines)
    return nb


def exporter(vendor: str = VENDOR):
    """nbconvert's SlidesExporter, configured to load everything from ``vendor/``."""
    from jinja2 import DictLoader
    from nbconvert.exporters import SlidesExporter
    from traitlets.config import Config

    c = Config()
    s = c.SlidesExporter
    s.reveal_url_prefix = f"{vendor}/reveal.js"
    s.reveal_theme = "white"
    s.reveal_transition = "fade"
    s.reveal_scroll = False  # the template's scrolling; the course template fits instead
    s.reveal_number = "c/t"
    s.reveal_width = "1280"
    s.reveal_height = "720"
    s.require_js_url = f"{vendor}/requirejs/require.js"
    s.jquery_url = f"{vendor}/jquery/dist/jquery.min.js"
    s.mathjax_url = f"{vendor}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
    s.widget_renderer_url = f"{vendor}/@jupyter-widgets/html-manager/dist/embed-amd.js"
    s.jupyter_widgets_base_url = f"{vendor}/"
    s.font_awesome_url = ""
    s.embed_images = True
    s.exclude_input_prompt = True
    s.exclude_output_prompt = True
    s.exclude_anchor_links = True
    s.template_file = "course_slides.html.j2"
    exp = SlidesExporter(config=c, extra_loaders=[DictLoader({"course_slides.html.j2": TEMPLATE})])
    # not configurable traits; the template loads mermaid itself, only where a deck needs it
    exp.mermaid_js_url = f"{vendor}/mermaid/dist/mermaid.min.js"
    exp.mermaid_layout_elk_js_url = ""
    return exp


_A_HREF = re.compile(r'(<a\b[^>]*?\shref=")([^"#:?][^"]*?)(")', re.I)


def _relink(html_text: str, source_dir: Path, out_dir: Path, decks: dict[Path, str]) -> str:
    """Point relative links of the notebook at the right place from the deck's folder: another
    chapter's deck where there is one, otherwise the file in the repository."""
    def fix(m: re.Match) -> str:
        raw = html.unescape(m.group(2))
        if urlsplit(raw).scheme or raw.startswith("//"):
            return m.group(0)                    # a web link: fine in a deck
        target, sep, anchor = raw.partition("#")
        path = (source_dir / unquote(target)).resolve()
        if path in decks:
            new = decks[path]
        elif path.exists():
            new = os.path.relpath(path, out_dir).replace(os.sep, "/")
        else:
            return m.group(0)
        return m.group(1) + html.escape(new + sep + anchor, quote=True) + m.group(3)
    return _A_HREF.sub(fix, html_text)


def build_deck(notebook: Path, out_dir: Path = DEFAULT_OUT, decks: dict[Path, str] | None = None,
               vendor: str = VENDOR) -> Path:
    """Write ``out_dir/<name>.slides.html`` for one notebook (vendor folder built separately)."""
    notebook = Path(notebook).resolve()
    nb = _strip_nbval_markers(annotate(nbformat.read(notebook, as_version=4)))
    exp = exporter(vendor)
    resources = {"metadata": {"name": notebook.stem, "path": str(notebook.parent)},
                 "course_widgets_cdn": f"{vendor}/",  # unknown widget modules: local only
                 "course_mermaid_url": exp.mermaid_js_url if _has_mermaid(nb) else ""}
    body, _ = exp.from_notebook_node(nb, resources=resources)
    css = (f'<link rel="stylesheet" href="{vendor}/course/slides.css">\n'
           '<link rel="icon" href="data:,">\n')
    body = body.replace("</head>", css + "</head>", 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    body = _relink(body, notebook.parent, out_dir.resolve(), decks or {})
    target = out_dir / f"{notebook.stem}.slides.html"
    problems = remote_resources(body, out_dir)
    if problems:
        raise VendorError(f"{notebook.name}: the deck would not work offline:\n  "
                          + "\n  ".join(problems))
    target.write_text(body, encoding="utf-8")
    return target


def chapter_notebooks(folder: Path = ROOT / "notebooks") -> list[Path]:
    """Every chapter notebook (NN_*.ipynb), the course guide included."""
    return sorted(folder.glob(CHAPTER_GLOB))


def _title(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            level, text = heading(cell.source)
            if level == 1:
                return re.sub(r"[*_`]", "", text)
    return path.stem


def build_all(notebooks: list[Path] | None = None, out_dir: Path = DEFAULT_OUT,
              cache: Path = DEFAULT_CACHE) -> list[Path]:
    """The vendor folder, one deck per notebook, and an index page linking them."""
    notebooks = [Path(p).resolve() for p in (notebooks or chapter_notebooks())]
    build_vendor(out_dir / VENDOR, cache)
    decks = {p: f"{p.stem}.slides.html" for p in notebooks}
    built = [build_deck(p, out_dir, decks) for p in notebooks]
    rows = "\n".join(f'<li><a href="{html.escape(d.name)}">{html.escape(_title(p))}</a></li>'
                     for p, d in zip(notebooks, built))
    (out_dir / "index.html").write_text(INDEX.format(rows=rows), encoding="utf-8")
    return built


INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>CRM in Python: slides</title>
<style>body{{font-family:sans-serif;max-width:52em;margin:3em auto;font-size:20px;line-height:1.5}}
kbd{{border:1px solid #999;border-radius:3px;padding:0 .3em}}</style></head>
<body><h1>Customer Relationship Management (客户关系管理) in Python: slides</h1>
<ul>
{rows}
</ul>
<p>Keys: <kbd>→</kbd>/<kbd>Space</kbd> next, <kbd>S</kbd> speaker view (notes and timer),
<kbd>F</kbd> full screen, <kbd>Esc</kbd> overview, <kbd>?</kbd> all keys.
The decks need no internet: everything they load is in <code>vendor/</code>.</p>
</body></html>
"""


# ---------------------------------------------------------------------------------------------
# 4. Offline check
# ---------------------------------------------------------------------------------------------

_RESOURCE_ATTRS = {"script": ["src"], "link": ["href"], "img": ["src", "srcset"],
                   "source": ["src", "srcset"], "video": ["src", "poster"], "audio": ["src"],
                   "iframe": ["src"], "embed": ["src"], "object": ["data"], "track": ["src"],
                   "input": ["src"]}
_CSS_URL = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)|url\(\s*['"]?([^'")]+?)['"]?\s*\)""")
_JS_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []     # (where, url)
        self.css: list[str] = []
        self.scripts: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in _RESOURCE_ATTRS.get(tag, []):
            value = attrs.get(name)
            if value:
                urls = [u.strip().split()[0] for u in value.split(",")] if name == "srcset" else [value]
                self.urls += [(f"<{tag} {name}>", u) for u in urls if u]
        if "data-jupyter-widgets-cdn" in attrs:
            self.urls.append(("data-jupyter-widgets-cdn", attrs["data-jupyter-widgets-cdn"]))
        if attrs.get("style"):
            self.css.append(attrs["style"])
        if tag == "style":
            self._in = "style"
        elif tag == "script" and attrs.get("type", "text/javascript") in {
                "text/javascript", "module", "application/javascript", ""}:
            self._in = "script"

    def handle_endtag(self, tag):
        if tag in {"style", "script"}:
            self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self.css.append(data)
        elif self._in == "script":
            self.scripts.append(data)


def _is_remote(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme not in {"", "data", "about", "blob"} or url.strip().startswith("//")


def _local_problem(url: str, base: Path, where: str) -> str | None:
    url = url.strip()
    if url.startswith("#") or url.startswith(("data:", "about:", "blob:")):
        return None
    if _is_remote(url):
        return f"{where} loads from the network: {url}"
    path = unquote(urlsplit(url).path)
    if not path:
        return None
    if path.startswith("/"):
        return f"{where} uses an absolute path: {url}"
    if not (base / path).exists():
        return f"{where} points at a missing file: {url}"
    return None


def _css_problems(text: str, base: Path, where: str, seen: set[Path]) -> list[str]:
    problems = []
    for m in _CSS_URL.finditer(text):
        url = m.group(1) or m.group(2)
        problem = _local_problem(url, base, where)
        if problem:
            problems.append(problem)
            continue
        path = (base / unquote(urlsplit(url).path)).resolve()
        if path.suffix == ".css" and path not in seen and path.is_file():
            seen.add(path)
            problems += _css_problems(path.read_text(encoding="utf-8", errors="replace"),
                                      path.parent, f"{where} → {path.name}", seen)
    return problems


def remote_resources(html_text: str, base: Path) -> list[str]:
    """Everything in a page that would need the network (or a missing file) to load: script
    and stylesheet links, images, frames, CSS @import and url() (followed into local CSS files),
    module imports and URL strings in inline scripts. Plain ``<a href>`` links are allowed."""
    parser = _Resources()
    parser.feed(html_text)
    problems, seen = [], set()
    for where, url in parser.urls:
        problem = _local_problem(url, base, where)
        if problem:
            problems.append(problem)
        elif where == "<link href>" and urlsplit(url).path.endswith(".css"):
            path = (base / unquote(urlsplit(url).path)).resolve()
            if path not in seen:
                seen.add(path)
                problems += _css_problems(path.read_text(encoding="utf-8", errors="replace"),
                                          path.parent, f"<link href> {url}", seen)
    for css in parser.css:
        problems += _css_problems(css, base, "inline CSS", seen)
    for script in parser.scripts:
        for m in _JS_STRING.finditer(script):
            text = m.group(0)[1:-1]
            if re.match(r"^(https?:)?//", text):
                problems.append(f"an inline script refers to {text}")
    return problems


# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("annotate", help="write slideshow metadata into notebooks, in place")
    a.add_argument("notebooks", nargs="+", type=Path)
    a.add_argument("--check", action="store_true",
                   help="change nothing; exit 1 if a notebook lacks slide metadata")
    b = sub.add_parser("build", help="build the decks (default: every notebooks/NN_*.ipynb)")
    b.add_argument("notebooks", nargs="*", type=Path)
    b.add_argument("--out", type=Path, default=DEFAULT_OUT)
    b.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    v = sub.add_parser("vendor", help="fetch, verify and copy the decks' JavaScript and CSS")
    v.add_argument("--dest", type=Path, default=DEFAULT_OUT / VENDOR)
    v.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    sub.add_parser("lock", help="refresh integrity hashes in tools/vendor.json from the registry")
    args = parser.parse_args(argv)

    try:
        if args.command == "annotate":
            changed = annotate_files(args.notebooks, check=args.check)
            for path in args.notebooks:
                counts = {}
                for kind in slide_types(annotate(nbformat.read(path, as_version=4))):
                    counts[kind] = counts.get(kind, 0) + 1
                mark = ("needs annotating" if args.check else "annotated") if path in changed \
                    else "up to date"
                print(f"{path}: {mark}; " + ", ".join(f"{counts.get(k, 0)} {k}"
                                                      for k in SLIDE_TYPES))
            return 1 if args.check and changed else 0
        if args.command == "vendor":
            print(f"vendor folder: {build_vendor(args.dest, args.cache)}")
        elif args.command == "lock":
            lock()
        else:
            start = time.perf_counter()
            for deck in build_all(args.notebooks or None, args.out, args.cache):
                print(f"wrote {os.path.relpath(deck)}")
            print(f"{time.perf_counter() - start:.1f} s; open {os.path.relpath(args.out)}/index.html")
    except VendorError as err:
        print(f"slides: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
