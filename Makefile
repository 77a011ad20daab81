# The course's make targets. Everything runs inside .venv, installed from the exact versions in
# constraints.txt that the tests ran with (`make lock` refreshes that file on purpose, never by accident).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab refuses to start as root unless told; pass the flag only in that case.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help lab test browser venv exercises notebooks lock clean

help:
	@echo "make lab        set up .venv and open the course guide in JupyterLab"
	@echo "make test       set up .venv and run every test (unit, exercises, all notebooks)"
	@echo "make exercises  regenerate exercises/ from solutions/"
	@echo "make notebooks  annotate slides, re-execute every notebook in place, regenerate exercises and INSTRUCTORS.md"
	@echo "make lock       re-resolve the newest versions into constraints.txt"
	@echo "make slides     build one offline reveal.js deck per chapter into build/slides/"
	@echo "make bench      time notebooks, tests, imports and crmlib vs alternatives (benchmarks/README.md)"
	@echo "make book       build the course as a static HTML book into build/book/_build/html/"
	@echo "make assignments build an nbgrader course folder (source/, release/) into build/nbgrader/"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "The course needs Python 3.11 or newer; set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	@touch $@

venv: $(STAMP)

# JupyterLab serving the repository root (notebooks/, exercises/, solutions/, data/ all reachable),
# opening notebooks/00_course_guide.ipynb, with the course's lab settings installed into .venv
# (no news pop-up): tools/lab.py, which the browser test starts the same way.
lab: $(STAMP)
	$(BIN)/python tools/lab.py $(ROOT_FLAG)

test: $(STAMP) browser
	$(BIN)/python -m pytest

# The real-browser test drives the system Chromium (never a downloaded browser). Install it where
# we can (root with apt-get, as in CI); elsewhere the test is skipped and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Chromium for the browser test"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "no Chromium: the browser test will be skipped (install the chromium package)"; fi; }

exercises: $(STAMP)
	$(BIN)/python tools/make_exercises.py

notebooks: $(STAMP)
	$(BIN)/python tools/slides.py annotate notebooks/[0-9][0-9]_*.ipynb
	$(BIN)/python tools/run_notebooks.py notebooks solutions
	$(BIN)/python tools/make_exercises.py
	$(BIN)/python tools/instructor_guide.py

lock:
	rm -rf build/lock-venv
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test,bench]"
	build/lock-venv/bin/python -m pip freeze --exclude-editable --exclude crmlib | sort -f > constraints.txt
	rm -rf build/lock-venv
	@echo "constraints.txt refreshed: update the pins in environment.yml to match (tests check it)."

clean:
	rm -rf $(VENV) build .pytest_cache .hypothesis

# Slides for the classroom: one reveal.js deck per notebooks/NN_*.ipynb (new chapters included),
# working offline; everything the decks load is copied into build/slides/vendor/ from the npm
# tarballs pinned in tools/vendor.json (`make vendor` fetches only those, e.g. before class).
.PHONY: slides vendor

slides: $(STAMP)
	$(BIN)/python tools/slides.py build

vendor: $(STAMP)
	$(BIN)/python tools/slides.py vendor

# The static book for self-study readers (Jupyter Book 1.x): the guide, then every chapter in
# notebooks/ with its exercises and solutions (found in the folders, new chapters included) and a
# merged vocabulary page; notebooks executed (cached in build/book/_build), offline HTML in
# build/book/_build/html. Fails on a notebook error or any Sphinx warning (e.g. a broken link).
.PHONY: book

book: $(STAMP)
	$(BIN)/python tools/book.py

# Benchmarks, not tests (timings depend on the machine): import cost, crmlib against what a user
# would otherwise write (and ahpy when installed), scaling to a million customers, every
# notebook on a fresh kernel and the whole test suite; prints Markdown tables (see
# benchmarks/README.md). `make bench BENCH_ARGS=--quick` is a one-minute smoke run.
.PHONY: bench

# The peers (ahpy, pingouin, lifetimes) come from the `bench` extra, pinned in constraints.txt;
# one that does not install is skipped by the benchmark, which says so.
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[bench]" \
	  || echo "some benchmark peers did not install: their comparisons will be skipped"
	@touch $@

bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# Grading with nbgrader (instructors): the solution notebooks are the nbgrader source (metadata and
# hidden tests written by make exercises); this builds build/nbgrader/ with nbgrader_config.py,
# source/<chapter>/ and release/<chapter>/ (= the exercise notebooks). See INSTRUCTORS.md.
.PHONY: assignments

assignments: $(STAMP)
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/python tools/assignments.py
