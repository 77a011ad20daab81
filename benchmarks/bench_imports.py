"""Benchmark: what ``import crmlib`` and each concept module cost, in fresh interpreters.

    .venv/bin/python benchmarks/bench_imports.py [--quick] [--runs 7]

Each import runs in its own ``python -c`` subprocess; the table gives the best wall time of
``--runs`` runs minus the best of ``python -c pass`` (the interpreter start), and what the
module adds beyond ``import pandas`` (which every concept module needs; timed inside the
process, after pandas), in two settings:

* **cached bytecode**: compiled ``.pyc`` files available (a normal install: Python writes them on
  first import). They are kept in a temporary ``PYTHONPYCACHEPREFIX``, so nothing is written into
  the repository;
* **as this environment runs**: with the environment as given. When ``PYTHONDONTWRITEBYTECODE``
  is set (as in some sandboxes and CI images) crmlib has no ``.pyc`` and every import compiles
  its source again: every notebook kernel and test process pays that. Wall times for the main
  rows only (``import crmlib``, the self-checks, a setup cell); *beyond pandas* for all.

It also checks that matplotlib and ipywidgets are not imported by ``import crmlib``, by any
concept module, or by a computation, and are imported by the first figure or widget.
"""
from __future__ import annotations

import argparse
import os
import pkgutil
import subprocess
import sys
import tempfile
import time

import _common as c

HEAVY = ("matplotlib", "ipywidgets")


def _run(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=c.ROOT,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def best_time(code: str, env: dict[str, str], runs: int) -> float:
    """Best of ``runs`` (the run least disturbed by other jobs on a shared machine)."""
    _run(code, env)  # warm the file cache (and the bytecode cache, when enabled)
    return min(_run(code, env) for _ in range(runs))


def time_beyond_pandas(code: str, env: dict[str, str], runs: int) -> float:
    """Seconds that ``code`` takes inside an interpreter that has already imported pandas,
    timed in the process (so the interpreter's start and exit do not blur it): best of
    ``runs``. (``-X importtime`` would miss the modules crmlib imports lazily through
    ``importlib.import_module``.)"""
    probe = ("import time\nimport pandas\nstart = time.perf_counter()\n" + code
             + "\nprint(time.perf_counter() - start)")
    return min(float(subprocess.run([sys.executable, "-c", probe], capture_output=True,
                                    text=True, env=env, cwd=c.ROOT, check=True
                                    ).stdout.split()[-1]) for _ in range(runs))


def heavy_after(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code + f"\nimport sys\nprint([m for m in {HEAVY!r}"
                          " if m in sys.modules])"], capture_output=True, text=True,
                         cwd=c.ROOT, check=True)
    return eval(out.stdout.strip().splitlines()[-1])  # a list literal printed by us


def modules() -> list[str]:
    import crmlib
    return sorted(m.name for m in pkgutil.iter_modules(crmlib.__path__)
                  if not m.name.startswith("_"))


# a computation and a figure per module where they are cheap to write; checks that heavy
# packages arrive with the first figure and widget, not before
PROBES = {
    "computation (kano.classify, clv.retention_clv, rfm.rfm_scores)":
        "import pandas as pd\nfrom crmlib import kano, clv, rfm\nkano.classify([1, 2], [5, 5])\n"
        "clv.retention_clv(100, 0.8, 0.1)\nrfm.rfm_scores(pd.DataFrame({'recency': [1, 2], "
        "'frequency': [1, 2], 'monetary': [1.0, 2.0]}))",
    "self-checks (from crmlib import checks; one check)":
        "from crmlib import checks\nchecks.evaluate('loyalty.mrs_smith_10', 1)",
    "first figure (kano.plot_kano_diagram)":
        "import matplotlib\nmatplotlib.use('Agg')\nfrom crmlib import kano\nkano.plot_kano_diagram()",
    "first widget (kano.classify_widget)":
        "from crmlib import kano\nkano.classify_widget()",
}


def main_report(report: c.Report, quick: bool, runs: int) -> dict:
    base_env = dict(os.environ)
    cached_env = dict(os.environ)
    cached_env.pop("PYTHONDONTWRITEBYTECODE", None)
    prefix = tempfile.mkdtemp(prefix="crmlib-pyc-")
    cached_env["PYTHONPYCACHEPREFIX"] = prefix
    settings = [("cached bytecode", cached_env)]
    no_pyc = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
    if no_pyc:
        settings.append(("this environment (no .pyc)", base_env))

    names = modules()
    if quick:
        names = [n for n in names if n in ("kano", "clv", "rfm", "servqual", "checks")]
    targets = [("numpy (reference)", "import numpy"), ("pandas (reference)", "import pandas"),
               ("`import crmlib`", "import crmlib")]
    targets += [(f"`crmlib.{n}`", f"import crmlib.{n}") for n in names]
    # the full setup cell of an exercise notebook
    targets.append(("`from crmlib import checks, data` + pandas (a setup cell)",
                    "import pandas\nfrom crmlib import checks, data"))

    key_rows = {"pandas (reference)", "`import crmlib`", "`crmlib.checks`", targets[-1][0]}
    results: dict[str, dict[str, float]] = {}
    for label, env in settings:
        results[f"{label}, beyond pandas"] = {}
        start = best_time("pass", env, runs)
        results[label] = {"python -c pass": start}
        for name, code in targets:
            if name.startswith(("`crmlib", "`from")):
                results[f"{label}, beyond pandas"][name] = time_beyond_pandas(code, env, runs)
            if label != settings[0][0] and name not in key_rows:
                continue
            results[label][name] = best_time(code, env, runs) - start
            print(f"  {label}: {name} {results[label][name]:.3f} s", file=sys.stderr, flush=True)

    heavy = {name: heavy_after(code) for name, code in targets}
    report.section("Import cost")
    report.emit(f"Best of {runs} fresh `python -c` runs, minus the interpreter start "
                f"(`python -c pass`: "
                + ", ".join(f"{results[l]['python -c pass'] * 1e3:.0f} ms {l}" for l, _ in
                            settings) + "); *beyond pandas*: what the import spends after "
                "`import pandas` (which every concept module needs), timed inside the process, "
                "best of the same number of runs. Goal: `import crmlib` under 0.3 s.\n")
    if no_pyc:
        report.emit("`PYTHONDONTWRITEBYTECODE` is set in this environment, so crmlib's own "
                    "modules (which have no committed `.pyc`) are compiled from source at every "
                    "import: the last two columns are what every kernel and test process here "
                    "pays.\n")
    cached = settings[0][0]
    header = (["import"] + [x for l, _ in settings for x in (l, "beyond pandas")]
              + ["matplotlib / ipywidgets imported?"])
    rows = []

    def ms(label: str, name: str) -> str:
        value = results[label].get(name)
        return "–" if value is None else f"{value * 1e3:,.0f} ms"

    for name, _ in targets:
        flag = ", ".join(heavy[name]) or "no"
        if name in ("`crmlib.plotting`", "`crmlib.widgets`") and heavy[name]:
            flag += " (by design: the figure / widget helpers)"
        cells = []
        for label, _ in settings:
            cells.append(ms(label, name))
            beyond = results[f"{label}, beyond pandas"]
            cells.append(ms(f"{label}, beyond pandas", name) if name in beyond else "")
        rows.append([name] + cells + [flag])
    report.emit(c.table(header, rows, align="l" + "r" * (len(header) - 2) + "l"))
    report.emit()
    probe_rows = [(k, ", ".join(heavy_after(code)) or "none") for k, code in PROBES.items()]
    report.emit(c.table(["after running", "heavy packages imported"], probe_rows, align="ll"))
    report.emit()
    return {"times": results, "heavy": heavy}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few modules, 3 runs each")
    parser.add_argument("--runs", type=int, default=5, help="runs per import (best is kept)")
    args = parser.parse_args(argv)
    report = c.Report()
    report.emit(c.machine() + "\n")
    main_report(report, args.quick, 3 if args.quick else args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
