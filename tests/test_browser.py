"""A real browser: JupyterLab, started as `make lab` starts it, opens the course guide, whose links
open an exercise and a solution notebook that run; it runs a chapter and moves a widget slider;
a built slide deck opens in slide mode; a page of the built book renders with its navigation.

Playwright drives the system Chromium (never a downloaded browser). Skipped, with the reason,
where Chromium or Playwright is missing; `make test` installs both where it can, so CI runs it.
Every server the test starts is stopped at the end.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
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
if sync_playwright is not None:
    # Playwright's expect() gives up after 5 s by default: too short for a kernel round trip on a
    # loaded machine. Every expectation waits for its condition up to TIMEOUT_MS instead.
    expect.set_options(timeout=TIMEOUT_MS)


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
    """JupyterLab started exactly as `make lab` starts it (tools/lab.py: its settings, its command)
    plus a free local port and a token, serving a copy of the course's folders (the tests run
    cells, and must never save over the committed notebooks). The user's own lab settings and
    workspaces are replaced by empty folders, so only the course's settings count."""
    import lab as course_lab  # tools/lab.py (conftest puts tools/ on the path)
    root = tmp_path_factory.mktemp("lab")
    for folder in ("notebooks", "exercises", "solutions", "data"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy2(ROOT / "INSTRUCTORS.md", root)  # the guide links it
    user = tmp_path_factory.mktemp("lab-user")
    course_lab.install_settings()
    port, token = _free_port(), secrets.token_hex(16)
    root_flag = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # as the Makefile
    cmd = course_lab.command(root, *root_flag, "--no-browser", f"--port={port}", "--ip=127.0.0.1",
                             f"--ServerApp.token={token}")
    log = open(user / "lab.log", "w")
    server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=root,
                              env={**os.environ, "JUPYTER_PLATFORM_DIRS": "1",
                                   "JUPYTERLAB_SETTINGS_DIR": str(user / "settings"),
                                   "JUPYTERLAB_WORKSPACES_DIR": str(user / "workspaces")})
    try:
        _wait_for(f"http://127.0.0.1:{port}/api/status?token={token}")
        yield {"url": f"http://127.0.0.1:{port}", "token": token, "root": root, "log": user / "lab.log"}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _api(lab, path: str) -> tuple[int, dict]:
    request = urllib.request.Request(f"{lab['url']}{path}",
                                     headers={"Authorization": f"token {lab['token']}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as err:
        return err.code, {}


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


NEWS = "official Jupyter news"


def _current(page):
    """The notebook in the lab's current main-area tab."""
    return page.locator("#jp-main-dock-panel .jp-NotebookPanel:visible")


def _tab(page, title: str):
    return page.locator("#jp-main-dock-panel .lm-TabBar-tab", has_text=title)


def _open_from_guide(page, path: str) -> None:
    """Back on the guide's tab, click its link to `path` (from the repository root; the guide's
    `../` links resolve inside the served root); the notebook opens in a lab tab whose kernel
    connects and goes idle, with no kernel chooser or other dialog in the way."""
    _tab(page, "00_course_guide.ipynb").click()
    _current(page).locator(f".jp-RenderedMarkdown a[href*='/files/{path}?']").first.click()
    _wait_for_kernel(page, path.rsplit("/", 1)[-1])


def _wait_for_kernel(page, title: str) -> None:
    """The tab `title` is current, its cells are shown, and its own kernel has connected and
    answered (its debugger button turns on with the kernel's info; the status bar follows the
    current tab a moment late, so it is not enough), with no kernel chooser or other dialog."""
    expect(_tab(page, title)).to_have_class(re.compile(r"\blm-mod-current\b"), timeout=TIMEOUT_MS)
    panel = _current(page)
    expect(panel.locator(".jp-Cell").first).to_be_visible(timeout=TIMEOUT_MS)
    debugger = panel.locator(".jp-DebuggerBugButton")
    expect(debugger).to_be_visible(timeout=TIMEOUT_MS)
    expect(debugger).not_to_have_class(re.compile(r"\bdisabled\b"), timeout=TIMEOUT_MS)
    expect(panel.locator(".jp-Notebook-ExecutionIndicator")).to_have_attribute("data-status", "idle")
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.locator(".jp-Dialog")).to_have_count(0)


def _run_first_code_cell(page, title: str) -> None:
    """Run the current notebook's first code cell: it runs on the kernel (the tab turns modified,
    then the prompt shows the fresh kernel's count 1) and gives no error."""
    panel = _current(page)
    cell = panel.locator(".jp-CodeCell").first
    cell.locator(".jp-InputPrompt").click()  # make it the active cell
    expect(cell).to_have_class(re.compile(r"\bjp-mod-active\b"))
    # the notebook's own toolbar button, which does not depend on where the keyboard focus is
    panel.locator("[data-command='notebook:run-cell-and-select-next']").click()
    # running clears the committed prompt "[1]" ("[*]" while it runs) and marks the tab modified,
    # so a "[1]" after that comes from this run
    expect(_tab(page, title)).to_have_class(re.compile(r"\bjp-mod-dirty\b"))
    expect(cell.locator(".jp-InputPrompt")).to_have_text("[1]:", timeout=TIMEOUT_MS)
    expect(cell.locator("[data-mime-type='application/vnd.jupyter.stderr'], "
                        "[data-mime-type='application/vnd.jupyter.error']")).to_have_count(0)


def test_make_lab_serves_the_course_and_the_guide_links_open(lab, browser):
    """The server `make lab` starts serves every course folder and starts on the guide, with no
    news prompt; the guide's links open a chapter, an exercise and a solution notebook in the
    lab; the exercise's and the solution's first code cells run; and the notebooks only opened
    (the guide, the chapter) are still unmodified at the end."""
    for folder in ("notebooks", "exercises", "solutions", "data", "INSTRUCTORS.md"):
        status, _ = _api(lab, f"/api/contents/{folder}?content=0")
        assert status == 200, f"{folder} is not served by the lab (HTTP {status})"
    # the course's settings are the lab's defaults: never ask about, or fetch, Jupyter news
    _, notification = _api(lab, "/lab/api/settings/@jupyterlab/apputils-extension:notification")
    assert notification["schema"]["properties"]["fetchNews"]["default"] == "false"
    assert notification["schema"]["properties"]["checkForUpdates"]["default"] is False

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(TIMEOUT_MS)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{lab['url']}/?token={lab['token']}")  # the server's start page, as `make lab` opens
    expect(page).to_have_url(re.compile(r"/lab/tree/notebooks/00_course_guide\.ipynb"))
    _wait_for_kernel(page, "00_course_guide.ipynb")

    _open_from_guide(page, "notebooks/05_customer_loyalty.ipynb")
    for path in ("exercises/05_customer_loyalty_exercises.ipynb",
                 "solutions/05_customer_loyalty_solutions.ipynb"):
        _open_from_guide(page, path)
        _run_first_code_cell(page, path.rsplit("/", 1)[-1])

    # JupyterLab writes the kernel's kernelspec and language_info into a notebook when its kernel
    # connects, and any difference from the file marks the tab modified. Those kernels answered
    # long before the other notebooks' cells ran, so a change would show by now.
    for opened in ("00_course_guide.ipynb", "05_customer_loyalty.ipynb"):
        expect(_tab(page, opened)).not_to_have_class(re.compile(r"\bjp-mod-dirty\b"))
    expect(page.get_by_text(NEWS)).to_have_count(0)
    assert not [u for u in requests if "/lab/api/news" in u or "/lab/api/update" in u]
    page.close()
    for session in _api(lab, "/api/sessions")[1]:  # stop the kernels before the next tests
        urllib.request.urlopen(urllib.request.Request(
            f"{lab['url']}/api/sessions/{session['id']}", method="DELETE",
            headers={"Authorization": f"token {lab['token']}"}), timeout=30)


def test_chapter_runs_and_the_widget_responds(lab, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{lab['url']}/lab/tree/notebooks/05_customer_loyalty.ipynb?reset&token={lab['token']}")
    _wait_for_kernel(page, "05_customer_loyalty.ipynb")
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
