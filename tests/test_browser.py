"""A real browser: JupyterLab in headless Chromium runs a chapter and moves a widget slider; a
built slide deck opens in slide mode; a page of the built book renders with its navigation.

Playwright drives the system Chromium (never a downloaded browser). Skipped, with the reason,
where Chromium or Playwright is missing; `make test` installs both where it can, so CI runs it.
Every server the test starts is stopped at the end.
"""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)"),
    pytest.mark.skipif(sync_playwright is None, reason="playwright is not installed"),
]

# Flags that keep Chromium off the network and working as root in a container.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
TIMEOUT_MS = 60_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"nothing answered at {url} within {seconds} s")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on a free local port, serving a copy of the notebooks (the tests run cells,
    and must never save over the committed notebooks)."""
    root = tmp_path_factory.mktemp("lab")
    for folder in ("notebooks", "exercises", "solutions"):
        shutil.copytree(ROOT / folder, root / folder)
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
           f"--ServerApp.token={token}", f"--ServerApp.root_dir={root}",
           "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--ContentsManager.allow_hidden=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(root / "lab.log", "w")
    server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=root,
                              env={**os.environ, "JUPYTER_PLATFORM_DIRS": "1"})
    try:
        _wait_for(f"http://127.0.0.1:{port}/api/status?token={token}")
        yield {"url": f"http://127.0.0.1:{port}", "token": token, "root": root}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _dismiss_dialogs(page) -> None:
    """Accept the kernel JupyterLab proposes and decline the news notification, if they show."""
    page.wait_for_timeout(1500)
    select = page.get_by_role("button", name="Select Kernel")
    if select.count():
        select.click()
    news = page.get_by_role("button", name="No", exact=True)
    if news.count():
        news.first.click()
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible()


def test_chapter_runs_and_the_widget_responds(lab, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{lab['url']}/lab/tree/notebooks/05_customer_loyalty.ipynb?token={lab['token']}")
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    _dismiss_dialogs(page)
    # Run all cells from a fresh kernel through the menu, as a teacher would.
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    # The Mrs Smith panel appears once its cell has run.
    sliders = page.locator(".jp-OutputArea-output .widget-slider")
    expect(sliders.first).to_be_visible(timeout=TIMEOUT_MS)
    panel_text = page.locator(".jp-OutputArea-output .widget-output").first
    expect(panel_text).to_contain_text("$416,000")
    # Move the "people told" slider by typing into its readout, then check the total changes.
    people = page.locator(".widget-slider", has_text="people_told").first
    readout = people.locator(".widget-readout")
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("10")
    page.keyboard.press("Enter")
    expect(panel_text).to_contain_text("$221,000")
    # Every code cell ran without an error output.
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").count() == 0
    page.close()


def test_slide_deck_opens_in_slide_mode(deck_dir, browser):
    """Chapter 5's deck, opened from the file system with the network refused: reveal.js runs,
    the first slide is the chapter title, the arrow key moves to the next slide."""
    import slides  # tools/slides.py (conftest puts tools/ on the path)
    deck = slides.build_deck(ROOT / "notebooks" / "05_customer_loyalty.ipynb", deck_dir)
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.route("http*://**/*", lambda route: route.abort())  # offline, as in a classroom
    page.goto(deck.as_uri())
    # reveal.js (loaded through require.js, so not a global) marks the deck ready when it runs
    page.wait_for_selector(".reveal.ready", timeout=TIMEOUT_MS)
    assert page.locator(".reveal .slides > section").count() > 10
    current = page.locator(".reveal .slides > section.present")
    expect(current).to_contain_text("Customer Loyalty")
    first = current.inner_text()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("(t) => document.querySelector('.reveal .slides > section.present')"
                           ".innerText !== t", arg=first)
    assert page.locator(".reveal .slides > section.past").count() == 1
    assert not [u for u in requests if u.startswith("http")], "the deck asked for the network"
    page.close()


def test_book_page_renders_with_navigation_and_search(small_book, browser):
    html_dir, run = small_book
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.route("http*://**/*", lambda route: route.abort())
    page.goto((html_dir / "notebooks" / "05_customer_loyalty.html").as_uri())
    expect(page.locator("h1").first).to_contain_text("Customer Loyalty")
    nav = page.locator("nav.bd-docs-nav")
    expect(nav).to_contain_text("Exercises (练习)")
    expect(nav).to_contain_text("Vocabulary (专业词汇)")
    expect(page.locator("form.bd-search input, input[name='q']").first).to_be_attached()
    # figures are images with a real size, not broken placeholders
    sizes = page.evaluate("() => [...document.images].map(i => i.naturalWidth)")
    assert sizes and min(sizes) > 0
    # the practice link leads to the exercise page
    page.locator("a[href*='05_customer_loyalty_exercises']").first.click()
    expect(page.locator("h1").first).to_contain_text("exercises")
    page.close()
