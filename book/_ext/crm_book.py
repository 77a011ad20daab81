"""Sphinx extension of the course's book (loaded by _config.yml, `sphinx.local_extensions`).

- :func:`jupyter_slug` gives headings the anchors Jupyter gives them (the heading text with spaces
  turned into hyphens, case kept), so in-page links written in JupyterLab, such as
  ``[Chapters](#Chapters)`` or ``[..](#How-the-course-is-organised)``, work in the book too.
- Solution notebooks mark a written answer with nbgrader's ``### BEGIN SOLUTION`` and
  ``### END SOLUTION`` lines, which markdown reads as two headings. In the book the answer
  becomes an "Answer" box and the two markers disappear (from the page and its contents).
- The ``# NBVAL_CHECK_OUTPUT`` line that opens a test-locked code cell is test machinery, not
  course content: the book does not show it.
- A script added twice to every page (sphinx-thebe's configuration under Jupyter Book: a console
  error on each page) is kept once.
- After the build, every HTML page is scanned for a ``<script src>`` or ``<link href>`` that points
  to the network; each one is a warning, which fails a build run with ``-W``. The book must open
  in a classroom without internet.
"""
from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)

ANSWER_TITLE = "Answer (参考答案)"
CHECK_MARKER = "# NBVAL_CHECK_OUTPUT"

#: ``<script ... src="...">`` and ``<link ... href="...">`` (of any rel) in a page.
_ASSET = re.compile(r"<(script|link)\b[^>]*?\b(src|href)\s*=\s*[\"']([^\"']+)[\"']", re.I)
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def jupyter_slug(text: str) -> str:
    """The anchor Jupyter gives a heading: its text with each space replaced by a hyphen.

    >>> jupyter_slug("How the course is organised")
    'How-the-course-is-organised'
    >>> jupyter_slug("Vocabulary (专业词汇)")
    'Vocabulary-(专业词汇)'
    """
    return text.strip().replace(" ", "-")


def remote_assets(html: str) -> list[str]:
    """The scripts and stylesheets a page would load from the network (absolute or
    protocol-relative URLs); links to other pages (``<a href>``) don't count.

    >>> remote_assets('<script src="https://cdn.example.org/x.js"></script>'
    ...               '<link rel="stylesheet" href="_static/a.css"><a href="https://x.org">x</a>')
    ['https://cdn.example.org/x.js']
    """
    return [url for _tag, _attr, url in _ASSET.findall(html) if _REMOTE.match(url)]


def _marker(section: nodes.section) -> str | None:
    """``"BEGIN"`` or ``"END"`` if ``section`` is headed by an nbgrader solution marker."""
    if not section.children or not isinstance(section[0], nodes.title):
        return None
    match = re.fullmatch(r"(BEGIN|END)\s+SOLUTION", section[0].astext().strip(), re.I)
    return match.group(1).upper() if match else None


class SolutionMarkers(SphinxTransform):
    """Turn the ``BEGIN SOLUTION`` / ``END SOLUTION`` pseudo-headings of a written answer into
    an "Answer" box (what follows ``END SOLUTION`` stays where it was)."""

    default_priority = 400   # before Sphinx collects titles and the page contents

    def apply(self, **kwargs) -> None:
        for section in list(self.document.findall(nodes.section)):
            kind = _marker(section)
            if kind is None:
                continue
            for attribute in ("ids", "names", "dupnames"):   # nothing links to a marker
                for value in section[attribute]:
                    self.document.ids.pop(value, None)
                section[attribute] = []
            if kind == "BEGIN":
                box = nodes.admonition(classes=["tip", "crm-answer"])
                box += nodes.title("", ANSWER_TITLE)
                box.extend(child.deepcopy() for child in section.children[1:])
                section.replace_self(box)
            else:
                section.replace_self([child.deepcopy() for child in section.children[1:]])


class HideCheckMarker(SphinxTransform):
    """Drop the leading ``# NBVAL_CHECK_OUTPUT`` line from the code cells shown."""

    default_priority = 400

    def apply(self, **kwargs) -> None:
        for block in list(self.document.findall(nodes.literal_block)):
            parent = block.parent
            if not (isinstance(parent, nodes.container) and "cell_input" in parent["classes"]):
                continue
            text = block.astext()
            first, _, rest = text.partition("\n")
            if first.strip() == CHECK_MARKER and rest.strip():
                new = block.copy()   # same attributes (language, classes), new text
                new += nodes.Text(rest)
                new.rawsource = rest
                block.replace_self(new)


def _dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict,
                    doctree: object) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set = set()
    unique = []
    for script in scripts:
        # the same file, or the same inline body, with the same attributes, whatever its priority
        attributes = getattr(script, "attributes", None) or {}
        key = (str(getattr(script, "filename", script) or ""),
               tuple(sorted((k, str(v)) for k, v in attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique


def _check_offline(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for page in sorted(Path(app.outdir).rglob("*.html")):
        for url in remote_assets(page.read_text(encoding="utf-8", errors="replace")):
            LOGGER.warning("%s loads %s from the network; the book must work offline "
                           "(vendor the file under book/_assets/vendor)",
                           page.relative_to(app.outdir), url, type="crm_book", subtype="offline")


def setup(app: Sphinx) -> dict:
    app.add_transform(SolutionMarkers)
    app.add_transform(HideCheckMarker)
    app.connect("html-page-context", _dedupe_scripts)
    app.connect("build-finished", _check_offline)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
