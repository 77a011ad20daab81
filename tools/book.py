"""Build the course as a static book (Jupyter Book 1.x) for self-study readers.

Usage:
    python tools/book.py [--out build/book] [--jobs 2]   # assemble, execute, build the HTML
    python tools/book.py --assemble-only                 # only lay out the sources
    python tools/book.py vendor                          # maintainers: refresh the vendored JS

The book follows the syllabus: the course guide (``notebooks/00_*.ipynb``) is the home page, then
every chapter ``notebooks/NN_*.ipynb`` (NN >= 01) in number order, each with its exercises
(``exercises/NN_*_exercises.ipynb``) and solutions (``solutions/NN_*_solutions.ipynb``) as
sub-pages, then a vocabulary page that merges every chapter's "Vocabulary (专业词汇)" table into
one alphabetical glossary. Nothing is listed by hand: the folders are globbed at build time, so a
new chapter, exercise or solution notebook is in the next build.

Steps:

1. **Assemble** ``--out`` (default ``build/book``): the configuration in ``book/``, copies of the
   notebooks in the repository's own layout (``notebooks/``, ``exercises/``, ``solutions/``), so
   that their relative links, such as ``../exercises/05_customer_loyalty_exercises.ipynb``, become
   links between the book's pages; repository files the notebooks link to (a CSV, a script, a
   markdown page such as ``data/README.md``) so that those links work too; the generated
   ``_toc.yml`` and ``vocabulary.md``. The notebooks are copied, never modified.
2. **Execute** every notebook from a fresh kernel, ``--jobs`` at a time, into Jupyter Book's cache
   (``<out>/_build/.jupyter_cache``): a rebuild re-executes only the notebooks that changed, and
   everything when ``crmlib`` or ``data/`` changed. A notebook error stops the build.
3. **Build** the HTML into ``<out>/_build/html`` with ``jupyter-book build -W --keep-going``: every
   warning is reported, then fails the build (a broken link, a cell's stderr output, a script
   loaded from the network: see ``book/_ext/crm_book.py``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
BOOK_DIR = ROOT / "book"                 # the book's configuration, extension and static files
FOLDERS = ("notebooks", "exercises", "solutions")
GENERATED = ("_toc.yml", "vocabulary.md", "conf.py")
CACHE_INPUTS = ("crmlib", "data", "pyproject.toml", "constraints.txt")   # what outputs depend on

_NUMBERED = re.compile(r"^(\d{2})_\w.*\.ipynb$")
_VOCAB_HEADING = re.compile(r"^#{1,6}\s*((?:Vocabulary|专业词汇)\b.*?)\s*#*\s*$", re.M | re.I)
_HEADING = re.compile(r"^#{1,6}\s")
# [text](target "title") and ![alt](target): the target of a markdown link or image
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*(<[^>]+>|[^)\s]+)(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)

EXERCISES_TITLE = "Exercises (练习)"
SOLUTIONS_TITLE = "Solutions (参考答案)"
VOCABULARY_PAGE = "vocabulary"
VOCABULARY_TITLE = "Vocabulary (专业词汇)"


# --------------------------------------------------------------------------------------------
# Reading notebooks
# --------------------------------------------------------------------------------------------

def markdown_cells(path: Path) -> list[str]:
    """The sources of a notebook's markdown cells (or the text of a markdown file)."""
    if path.suffix != ".ipynb":
        return [path.read_text(encoding="utf-8")]
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in nb.get("cells", []) if c.get("cell_type") == "markdown"]


def jupyter_slug(text: str) -> str:
    """The anchor Jupyter gives a heading (spaces become hyphens); the book's extension gives
    headings the same anchors, so ``page.ipynb#Vocabulary-(专业词汇)`` works in both.

    >>> jupyter_slug("Vocabulary (专业词汇)")
    'Vocabulary-(专业词汇)'
    """
    return text.strip().replace(" ", "-")


# --------------------------------------------------------------------------------------------
# Finding the chapters and writing the table of contents
# --------------------------------------------------------------------------------------------

@dataclass
class Chapter:
    """One chapter of the book: its number, its notebook and the notebooks that go with it.

    Paths are relative to the source tree, in POSIX form, without the ``.ipynb`` suffix (the
    form ``_toc.yml`` wants). ``notebook`` is ``None`` for exercises or solutions whose chapter
    notebook does not exist yet.
    """

    number: int
    notebook: str | None
    exercises: list[str] = field(default_factory=list)
    solutions: list[str] = field(default_factory=list)


def numbered(folder: Path) -> list[tuple[int, Path]]:
    """``(number, path)`` of the ``NN_*.ipynb`` files in ``folder``, by number then name."""
    if not folder.is_dir():
        return []
    found = [(int(m.group(1)), path) for path in folder.glob("*.ipynb")
             if (m := _NUMBERED.match(path.name))]
    return sorted(found, key=lambda item: (item[0], item[1].name))


def _doc(path: Path, src: Path) -> str:
    return path.relative_to(src).with_suffix("").as_posix()


def find_guide(src: Path) -> str:
    """The course guide ``notebooks/00_*.ipynb``: the book's home page."""
    guides = [path for number, path in numbered(src / "notebooks") if number == 0]
    if not guides:
        raise FileNotFoundError(f"no course guide notebooks/00_*.ipynb under {src}: the book "
                                "needs it as its home page")
    return _doc(guides[0], src)


def find_chapters(src: Path) -> list[Chapter]:
    """The chapters 1, 2, ... that exist under ``src``, in syllabus (number) order, each with
    the exercise and solution notebooks of the same number."""
    chapters: dict[int, Chapter] = {}
    for number, path in numbered(src / "notebooks"):
        if number == 0:
            continue
        chapter = chapters.setdefault(number, Chapter(number, None))
        if chapter.notebook is None:
            chapter.notebook = _doc(path, src)
        else:   # a second notebook with the same number: a sub-page of the first
            chapter.exercises.insert(0, _doc(path, src))
    for folder, suffix in (("exercises", "_exercises"), ("solutions", "_solutions")):
        for number, path in numbered(src / folder):
            if number and path.stem.endswith(suffix):
                chapter = chapters.setdefault(number, Chapter(number, None))
                getattr(chapter, folder).append(_doc(path, src))
    return [chapters[number] for number in sorted(chapters)]


def make_toc(src: Path, extra_pages: Iterable[str] = ()) -> dict:
    """The book's table of contents: the structure of ``_toc.yml`` (format ``jb-book``).

    ``extra_pages`` are further documents (e.g. a linked ``data/README``) listed after the
    vocabulary.
    """
    entries = []
    for ch in find_chapters(src):
        subpages = ([{"file": doc, "title": EXERCISES_TITLE} for doc in ch.exercises]
                    + [{"file": doc, "title": SOLUTIONS_TITLE} for doc in ch.solutions])
        if ch.notebook is not None:
            entry: dict = {"file": ch.notebook}
            if subpages:
                entry["sections"] = subpages
            entries.append(entry)
        else:   # exercises or solutions ahead of their chapter: listed on their own
            entries += [{"file": page["file"], "title": f"Chapter {ch.number} · {page['title']}"}
                        for page in subpages]
    parts = [{"caption": "Chapters (章节)", "chapters": entries}] if entries else []
    reference = [{"file": VOCABULARY_PAGE, "title": VOCABULARY_TITLE}]
    reference += [{"file": page} for page in extra_pages]
    parts.append({"caption": "Reference (参考)", "chapters": reference})
    return {"format": "jb-book", "root": find_guide(src), "parts": parts}


def toc_yaml(toc: dict) -> str:
    """``_toc.yml`` text for ``toc`` (order kept, Chinese written as it is)."""
    import yaml

    return ("# Generated by tools/book.py from notebooks/, exercises/ and solutions/: "
            "do not edit.\n" + yaml.safe_dump(toc, sort_keys=False, allow_unicode=True,
                                               width=100))


# --------------------------------------------------------------------------------------------
# The vocabulary page
# --------------------------------------------------------------------------------------------

@dataclass
class Term:
    """One glossary entry: an English term, its Chinese renderings, the chapters using it."""

    english: str
    chinese: list[str] = field(default_factory=list)
    chapters: list[tuple[str, str]] = field(default_factory=list)   # (label, link)


def sort_key(term: str) -> str:
    """Alphabetical key of a term: case and markup or punctuation ignored.

    >>> sorted(["word of mouth", "Apostle", "*loyalty*", "4P"], key=sort_key)
    ['4P', 'Apostle', '*loyalty*', 'word of mouth']
    """
    return re.sub(r"[^\w\s]", "", term).strip().casefold()


def _split_row(line: str) -> list[str]:
    """The cells of one markdown table row (an escaped ``\\|`` stays inside its cell)."""
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)]


def parse_table(markdown: str) -> list[tuple[str, str]]:
    """The ``(English, 中文)`` rows of the first markdown table in ``markdown``: the header and
    separator rows dropped, columns after the second ignored, rows without a term skipped.

    >>> parse_table("| English | 中文 |\\n|---|---|\\n| customer loyalty | 客户忠诚 |\\n| CRM | 客户关系管理 |")
    [('customer loyalty', '客户忠诚'), ('CRM', '客户关系管理')]
    """
    rows: list[list[str]] = []
    for line in markdown.splitlines():
        if line.strip().startswith("|"):
            rows.append(_split_row(line))
        elif rows:
            break
    separator = re.compile(r":?-+:?")
    return [(row[0], row[1]) for row in rows[1:]
            if len(row) >= 2 and row[0] and not all(separator.fullmatch(c) for c in row if c)]


def vocabulary_section(cells: Iterable[str]) -> tuple[str, str] | None:
    """``(heading text, markdown)`` of the vocabulary section of a notebook: from its
    "Vocabulary" (or "专业词汇") heading to the next heading, across cells; ``None`` if none."""
    heading, taken = None, []
    for source in cells:
        for line in source.splitlines():
            match = _VOCAB_HEADING.match(line)
            if match:
                heading, taken = match.group(1), []
            elif heading is not None and _HEADING.match(line):
                return heading, "\n".join(taken)
            elif heading is not None:
                taken.append(line)
    return (heading, "\n".join(taken)) if heading is not None else None


def notebook_title(path: Path) -> str:
    """The notebook's first level-1 heading (its page title), or its file name."""
    for source in markdown_cells(path):
        for line in source.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return path.stem


def merge_vocabulary(tables: Iterable[tuple[str, str, list[tuple[str, str]]]]) -> list[Term]:
    """Merge chapters' vocabulary tables into one alphabetical glossary.

    ``tables`` holds ``(chapter label, link to the chapter, rows)``. A term found in several
    chapters (same English, ignoring case and markup) is one entry listing each chapter once and
    each distinct Chinese rendering once, in chapter order.

    >>> terms = merge_vocabulary([("5", "a.ipynb", [("word of mouth", "口碑"), ("Apostle", "传道者")]),
    ...                           ("8", "b.ipynb", [("Word of mouth", "口碑"), ("bond", "纽带")])])
    >>> [(t.english, t.chinese, [c for c, _ in t.chapters]) for t in terms]
    [('Apostle', ['传道者'], ['5']), ('bond', ['纽带'], ['8']), ('word of mouth', ['口碑'], ['5', '8'])]
    """
    merged: dict[str, Term] = {}
    for label, link, rows in tables:
        for english, chinese in rows:
            term = merged.setdefault(sort_key(english) or english, Term(english))
            if chinese and chinese not in term.chinese:
                term.chinese.append(chinese)
            if (label, link) not in term.chapters:
                term.chapters.append((label, link))
    return sorted(merged.values(), key=lambda t: (sort_key(t.english), t.english))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _letter(term: Term) -> str:
    initial = sort_key(term.english)[:1].upper()
    return initial if initial.isalpha() and initial.isascii() else "#"


def vocabulary_page(terms: list[Term], sources: list[tuple[str, str]]) -> str:
    """The MyST markdown of the vocabulary page: an index of initials, then one table per
    initial letter with the chapters as links. ``sources`` lists ``(title, link)`` of the
    chapters merged."""
    lines = [f"# {VOCABULARY_TITLE}", "",
             "Every chapter ends with a table of its key terms in English and Chinese. This page "
             "merges them into one glossary in alphabetical order; each chapter number links back "
             "to that chapter's own table. The page is generated when the book is built, so it "
             "always matches the chapters.", ""]
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(_letter(term), []).append(term)
    if not groups:
        lines += ["*No chapter has a vocabulary table yet.*", ""]
    if len(groups) > 1:
        lines += [" · ".join(f"[{letter}](#{_letter_label(letter)})" for letter in groups), ""]
    for letter, group in groups.items():
        lines += [f"({_letter_label(letter)})=", f"## {letter}", "",
                  "| English | 中文 | Chapter |", "| --- | --- | --- |"]
        for term in group:
            where = ", ".join(f"[{label}](<{link}>)" for label, link in term.chapters)
            lines.append(f"| {_cell(term.english)} | {_cell(' / '.join(term.chinese))} "
                         f"| {where} |")
        lines.append("")
    if sources:
        lines += ["## Chapters merged", ""]
        lines += [f"- [{_cell(title)}](<{link}>)" for title, link in sources]
        lines.append("")
    return "\n".join(lines)


def _letter_label(letter: str) -> str:
    return "vocabulary-" + ("other" if letter == "#" else letter.lower())


def make_vocabulary(src: Path) -> str:
    """The vocabulary page for the chapters under ``src`` (links relative to the book root)."""
    tables, sources = [], []
    for ch in find_chapters(src):
        if ch.notebook is None:
            continue
        path = src / f"{ch.notebook}.ipynb"
        section = vocabulary_section(markdown_cells(path))
        rows = parse_table(section[1]) if section else []
        if rows:
            link = f"{ch.notebook}.ipynb#{jupyter_slug(section[0])}"
            tables.append((str(ch.number), link, rows))
            sources.append((notebook_title(path), f"{ch.notebook}.ipynb"))
    return vocabulary_page(merge_vocabulary(tables), sources)


# --------------------------------------------------------------------------------------------
# Files the notebooks link to
# --------------------------------------------------------------------------------------------

def relative_links(markdown: str) -> list[str]:
    """The relative file targets of the markdown links and images in ``markdown`` (URLs,
    in-page anchors and absolute paths left out; ``#anchor`` and ``?query`` removed).

    >>> relative_links("[a](../data/README.md#Top) ![f](img/x.png) [w](https://x.org) [s](#Setup)")
    ['../data/README.md', 'img/x.png']
    """
    found = []
    for raw in _LINK.findall(markdown):
        target = unquote(raw.strip("<>").split("#", 1)[0].split("?", 1)[0])
        if target and not _SCHEME.match(target) and not target.startswith("/"):
            found.append(target)
    return found


def mirror_linked_files(out: Path, src: Path, docs: Iterable[Path]) -> list[str]:
    """Copy into ``out`` the repository files that ``docs`` (and the pages copied) link to and
    that are not in the book yet, at the same relative place, so that the links work: a CSV or
    a script becomes a download, a markdown page or notebook a page of the book. Returns the
    pages added (document names, for the table of contents). Broken links are left for the
    build to report."""
    queue, pages, seen = list(docs), [], set()
    while queue:
        doc = queue.pop(0)
        for target in relative_links("\n".join(markdown_cells(doc))):
            rel = PurePosixPath(os.path.normpath((doc.parent.relative_to(out) / target)
                                                 .as_posix()))
            if rel.parts[:1] in ((), ("..",), (".",)) or rel in seen:
                continue
            seen.add(rel)
            dest, origin = out / rel, src / rel
            if dest.exists() or not origin.is_file():
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, dest)
            if dest.suffix in (".md", ".ipynb"):
                pages.append(rel.with_suffix("").as_posix())
                queue.append(dest)
    return pages


# --------------------------------------------------------------------------------------------
# Vendored scripts (offline widgets and math)
# --------------------------------------------------------------------------------------------

#: What ``python tools/book.py vendor`` copies from the npm registry into book/_assets/vendor:
#: package -> {file in the package (a glob): where it goes under vendor/}.
VENDOR: dict[str, dict[str, str]] = {
    # RequireJS, which the widget manager's AMD bundle needs (MIT)
    "requirejs@2.3.8": {"package/require.js": "require.js"},
    # the HTML widget manager of ipywidgets 8 (BSD-3-Clause), with the Font Awesome fonts its
    # CSS loads (woff2: every current browser reads it)
    "@jupyter-widgets/html-manager@1.0.15": {
        "package/dist/embed-amd.js": "html-manager/embed-amd.js",
        "package/dist/embed.js.LICENSE.txt": "html-manager/LICENSE.txt",
        "package/dist/*.woff2": "html-manager/",
    },
    # MathJax 3, every TeX extension in one file, SVG output: no web fonts to fetch (Apache-2.0)
    "mathjax@3.2.2": {"package/es5/tex-svg-full.js": "mathjax/tex-svg-full.js",
                      "package/LICENSE": "mathjax/LICENSE"},
}


def vendor(dest: Path = BOOK_DIR / "_assets" / "vendor") -> list[Path]:
    """Fetch the pinned packages of :data:`VENDOR` with ``npm pack`` (which checks the
    registry's integrity hash) and copy the listed files into ``dest``, without source-map
    comments (the maps are not shipped). Maintainers run this when a version changes and commit
    the result: building and reading the book need no network."""
    import fnmatch
    import tarfile
    import tempfile

    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for spec, files in VENDOR.items():
            packed = subprocess.run(["npm", "pack", "--silent", spec], cwd=tmp, check=True,
                                    capture_output=True, text=True).stdout.split()[-1]
            with tarfile.open(Path(tmp, packed)) as tar:
                members = [m for m in tar.getmembers() if m.isfile()]
                for pattern, target in files.items():
                    matches = [m for m in members if fnmatch.fnmatch(m.name, pattern)]
                    if not matches:
                        raise FileNotFoundError(f"{spec}: no file matches {pattern}")
                    for member in matches:
                        path = (dest / target / PurePosixPath(member.name).name
                                if target.endswith("/") else dest / target)
                        path.parent.mkdir(parents=True, exist_ok=True)
                        data = tar.extractfile(member).read()
                        if path.suffix == ".js":
                            data = re.sub(rb"\n//# sourceMappingURL=[^\n]*", b"", data)
                        path.write_bytes(data)
                        written.append(path)
    return written


# --------------------------------------------------------------------------------------------
# Assembling, executing and building
# --------------------------------------------------------------------------------------------

def assemble(out: Path, src: Path = ROOT, book_dir: Path = BOOK_DIR) -> Path:
    """Lay out the book's sources in ``out`` (see the module docstring) and return ``out``.

    Everything in ``out`` but ``_build`` (the execution cache and the HTML) is replaced. Files
    are copied with their times, and generated files rewritten only when they change, so that
    Sphinx rebuilds only the pages that changed.
    """
    out.mkdir(parents=True, exist_ok=True)
    for item in out.iterdir():
        if item.name == "_build" or item.name in GENERATED:
            continue
        shutil.rmtree(item) if item.is_dir() and not item.is_symlink() else item.unlink()
    ignore = shutil.ignore_patterns("__pycache__", ".*")
    for item in book_dir.iterdir():
        if item.name.startswith((".", "__")):
            continue
        if item.is_dir():
            shutil.copytree(item, out / item.name, ignore=ignore)
        else:
            shutil.copy2(item, out / item.name)
    docs = []
    for folder in FOLDERS:
        (out / folder).mkdir(exist_ok=True)
        for _number, path in numbered(src / folder):
            copy_for_readers(path, out / folder / path.name)
            docs.append(out / folder / path.name)
    extra = mirror_linked_files(out, src, docs)
    _write_if_changed(out / "_toc.yml", toc_yaml(make_toc(out, extra)))
    _write_if_changed(out / f"{VOCABULARY_PAGE}.md", make_vocabulary(out))
    return out


def instructor_only(cell) -> bool:
    """Instructor notes and session plans: tagged ``instructor`` (or a notes cell of the decks)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import slides  # tools/slides.py: one definition of what a notes cell is

    return "instructor" in cell.get("metadata", {}).get("tags", []) or slides.is_notes(cell)


def copy_for_readers(path: Path, target: Path) -> None:
    """Copy a notebook into the book without its instructor-only cells (they hold the answers to
    the class questions); the copy keeps the source's time, so unchanged pages stay cached."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    kept = [c for c in nb.cells if not instructor_only(c)]
    if len(kept) == len(nb.cells):
        shutil.copy2(path, target)
        return
    nb.cells = kept
    nbformat.write(nb, target)
    shutil.copystat(path, target)


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def fingerprint(paths: Iterable[Path]) -> str:
    """A hash of the files at ``paths`` (files, or folders searched recursively): their names
    within each path and their bytes."""
    digest = hashlib.sha256()
    for top in paths:
        files = (sorted(p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
                 if top.is_dir() else [top] if top.is_file() else [])
        for path in files:
            name = top.name if path == top else f"{top.name}/{path.relative_to(top).as_posix()}"
            digest.update(name.encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def refresh_build_dir(out: Path, src: Path = ROOT, book_dir: Path = BOOK_DIR) -> str:
    """Throw away what in ``out/_build`` is out of date, and say what: ``"all"`` when what the
    notebooks' outputs depend on besides their code changed (``crmlib``, the data, the pinned
    environment: the execution cache goes too), ``"pages"`` when only the book's machinery
    changed (its configuration, extension, assets or this script: the pages are rebuilt from the
    cache), else ``"none"``."""
    build_dir = out / "_build"
    stamps = {"inputs": fingerprint(src / name for name in CACHE_INPUTS),
              "book": fingerprint([book_dir, Path(__file__).resolve()])}
    old = {name: (build_dir / f"{name}.sha256").read_text()
           if (build_dir / f"{name}.sha256").exists() else None for name in stamps}
    done = "none"
    if build_dir.exists() and old["inputs"] != stamps["inputs"]:
        shutil.rmtree(build_dir)
        done = "all"
    elif build_dir.exists() and old["book"] != stamps["book"]:
        for name in (".doctrees", "html", "jupyter_execute"):
            shutil.rmtree(build_dir / name, ignore_errors=True)
        done = "pages"
    build_dir.mkdir(parents=True, exist_ok=True)
    for name, value in stamps.items():
        (build_dir / f"{name}.sha256").write_text(value)
    return done


def _book_config(out: Path) -> dict:
    import yaml

    return yaml.safe_load((out / "_config.yml").read_text(encoding="utf-8")) or {}


def _execute_one(job: tuple[str, int]) -> tuple[str, object, float, str | None]:
    """Execute one notebook in its folder, as Jupyter Book does (same function, same options)."""
    import nbformat
    from jupyter_cache.executors.utils import single_nb_execution

    path, timeout = job
    nb = nbformat.read(path, as_version=4)
    result = single_nb_execution(nb, cwd=str(Path(path).parent), timeout=timeout,
                                 allow_errors=False, meta_override=True,
                                 # the kernel's own log (e.g. its start-up notices), not cells'
                                 # output, which keeps its stderr for the build to check
                                 extra_arguments=["--log-level=ERROR"])
    return path, nb, result.time, result.exc_string if result.err is not None else None


def execute(out: Path, jobs: int = 2) -> list[tuple[str, float]]:
    """Execute the book's notebooks that have no up-to-date result in Jupyter Book's cache,
    ``jobs`` at a time, and store the results there, so that the Sphinx build (which runs one
    notebook at a time) finds them all. Returns ``(notebook, seconds)`` of those executed.
    Run :func:`refresh_build_dir` first, which empties the cache if ``crmlib`` or the data
    changed.

    Raises ``RuntimeError`` with the traceback if a notebook fails.
    """
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    settings = _book_config(out).get("execute", {})
    if settings.get("execute_notebooks", "cache") != "cache":
        return []
    cache = get_cache(str(out / "_build" / ".jupyter_cache"))

    todo = []
    for folder in FOLDERS:
        for path in sorted((out / folder).glob("*.ipynb")):
            try:
                cache.match_cache_notebook(nbformat.read(path, as_version=4))
            except KeyError:
                todo.append(str(path))
    timeout = int(settings.get("timeout", 120))
    done = []
    if todo:
        # On a fresh machine matplotlib's first import builds its font cache and says so on
        # stderr, which the build would report as the first notebook's warning: build it here.
        subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"],
                       capture_output=True, check=False)
    # "spawn": fresh worker processes, safe whatever threads the caller runs
    with ProcessPoolExecutor(max_workers=max(1, jobs),
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        for path, nb, seconds, error in pool.map(_execute_one, [(p, timeout) for p in todo]):
            name = Path(path).relative_to(out).as_posix()
            if error is not None:
                raise RuntimeError(f"{name} failed to execute:\n{error}")
            record = cache.add_nb_to_project(path)
            cache.cache_notebook_bundle(CacheBundleIn(nb, record.uri,
                                                      data={"execution_seconds": seconds}),
                                        check_validity=False, overwrite=True)
            print(f"{seconds:6.1f} s  {name}", flush=True)
            done.append((name, seconds))
    return done


def build(out: Path, strict: bool = True, quiet: bool = True) -> int:
    """Run ``jupyter-book build`` on the assembled ``out``; return its exit code."""
    jb = Path(sys.executable).parent / "jupyter-book"
    if not jb.exists():
        raise FileNotFoundError(
            f"{jb} not found: install Jupyter Book 1.x into this environment "
            "(pip install -c constraints.txt \"jupyter-book<2\")")
    cmd = [str(jb), "build", str(out)]
    cmd += ["-W", "--keep-going"] if strict else []
    cmd += ["-q"] if quiet else []
    return subprocess.run(cmd).returncode


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["vendor"]:
        for path in vendor():
            print(f"{path.stat().st_size:>10,d}  {path.relative_to(ROOT)}")
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "book",
                        help="where to assemble and build the book (default: build/book)")
    parser.add_argument("--src", type=Path, default=ROOT,
                        help="the repository whose notebooks/, exercises/ and solutions/ to use")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                        help="notebooks executed at a time (default: one per CPU)")
    parser.add_argument("--assemble-only", action="store_true",
                        help="write the sources, _toc.yml and the vocabulary page; don't build")
    parser.add_argument("--no-strict", action="store_true", help="don't fail on warnings")
    parser.add_argument("--verbose", "-v", action="store_true", help="Sphinx's full log")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    out = assemble(args.out.resolve(), args.src.resolve())
    if args.assemble_only:
        print(f"assembled {out}")
        return 0
    refreshed = refresh_build_dir(out, args.src.resolve())
    if refreshed != "none":
        print("crmlib, the data or the environment changed: executing every notebook afresh"
              if refreshed == "all" else "the book's configuration changed: rebuilding every page")
    try:
        executed = execute(out, jobs=args.jobs)
    except RuntimeError as exc:
        print(f"book: {exc}", file=sys.stderr)
        return 1
    ran = time.perf_counter() - start
    print(f"executed {len(executed)} notebook(s) in {ran:.0f} s; building the HTML", flush=True)
    code = build(out, strict=not args.no_strict, quiet=not args.verbose)
    took = time.perf_counter() - start
    if code == 0:
        print(f"book built in {took:.0f} s: {out / '_build' / 'html' / 'index.html'}")
    else:
        print(f"book build FAILED after {took:.0f} s (exit code {code}): see the warnings above",
              file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
