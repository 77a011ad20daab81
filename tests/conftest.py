"""Shared fixtures and helpers for the test suite."""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")  # tests draw figures without a screen

ROOT = Path(__file__).resolve().parent.parent


def notebooks(folder: str) -> list[Path]:
    return sorted((ROOT / folder).glob("*.ipynb"))


def read_nb(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- notebooks under nbval: wait for the kernel, not for a fixed time ---------------------------
# nbval waits 5 s (hard-coded) for a cell's output once the cell has run, and 60 s for a kernel
# to start: on a loaded 2-core machine both can pass with nothing wrong, and a cell then fails
# at random. These are limits for a hung kernel, not for a slow one, so they are generous.
NBVAL_OUTPUT_TIMEOUT = 300      # seconds
NBVAL_STARTUP_TIMEOUT = 300     # seconds


def pytest_configure(config):
    option = config.option
    if str(getattr(option, "nbval_kernel_startup_timeout", "")) == "60":   # nbval's default
        option.nbval_kernel_startup_timeout = NBVAL_STARTUP_TIMEOUT


def pytest_collection_modifyitems(config, items):
    for item in items:
        if hasattr(item, "output_timeout"):           # an nbval cell
            item.output_timeout = max(item.output_timeout, NBVAL_OUTPUT_TIMEOUT)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt
    plt.close("all")


# --- fixtures shared by the slide, book and browser tests (built once per session) -------------

sys.path.insert(0, str(ROOT / "tools"))
HAS_JUPYTER_BOOK = importlib.util.find_spec("jupyter_book") is not None
SUBSET = ["notebooks/00_course_guide.ipynb", "notebooks/05_customer_loyalty.ipynb",
          "exercises/05_customer_loyalty_exercises.ipynb",
          "solutions/05_customer_loyalty_solutions.ipynb"]


def _slides():
    import slides  # tools/slides.py
    return slides


@pytest.fixture(scope="session")
def npm_cache():
    cache = ROOT / "build" / "npm-cache"
    try:
        _slides().fetch_tarballs(_slides().vendor_spec(), cache)
    except _slides().NpmUnavailable as err:
        pytest.skip(f"cannot fetch the slide decks' JavaScript: {err}")
    return cache


@pytest.fixture(scope="session")
def deck_dir(tmp_path_factory, npm_cache):
    out = tmp_path_factory.mktemp("slides")
    _slides().build_vendor(out / _slides().VENDOR, npm_cache)
    return out


@pytest.fixture(scope="session")
def small_book(tmp_path_factory):
    if not HAS_JUPYTER_BOOK:
        pytest.skip("Jupyter Book 1.x is not installed: "
                    "pip install -c constraints.txt 'jupyter-book<2' (needed by `make book`)")
    tmp = tmp_path_factory.mktemp("book")
    for rel in SUBSET + ["INSTRUCTORS.md"]:  # the guide links the instructor guide
        (tmp / "src" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, tmp / "src" / rel)
    run = subprocess.run([sys.executable, str(ROOT / "tools/book.py"), "--src", str(tmp / "src"),
                          "--out", str(tmp / "out"), "--no-strict"],
                         capture_output=True, text=True, timeout=900)
    return tmp / "out" / "_build" / "html", run
