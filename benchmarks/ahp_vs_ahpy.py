"""Benchmark: crmlib.ahp.priorities against the ahpy package on the same judgement matrices.

    .venv/bin/pip install ahpy          # for this script only; not a course dependency
    .venv/bin/python benchmarks/ahp_vs_ahpy.py [--matrices 20] [--repeat 5]

For each size n (3, 5, 9, 15) the script draws random reciprocal judgement matrices on Saaty's
1-9 scale (seeded with crmlib.seed, so every run compares the same matrices), computes the
weights and the consistency ratio with both libraries, checks that they agree, and times them:

* ``ahpy``: ``ahpy.Compare(name, pairs, precision=4, random_index="saaty")``, which builds the
  matrix from a dict of pairs and computes weights and CR;
* ``crmlib (pairs)``: ``ahp.priorities(pairs, random_index="saaty2005").weights`` from the
  same dict;
* ``crmlib (array)``: ``ahp.priorities(array, random_index="saaty2005").weights`` from the
  matrix as a numpy array.

Each timing ends with the weights in the library's own form (ahpy's dict, crmlib's labelled
Series) and includes validating the input and the consistency ratio.

Both use Saaty's (2005) random index table here, so the CRs are comparable. ahpy rounds its
results to ``precision`` decimals, so agreement is expected to about 1e-4.

It prints a Markdown table (paste it into benchmarks/README.md with the date and machine). It is
a benchmark, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import timeit
from pathlib import Path

import numpy as np

try:
    import crmlib
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import crmlib
from crmlib import ahp

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as _c  # noqa: E402

SIZES = (3, 5, 9, 15)
SEED = 2026076


def random_pairs(rng: np.random.Generator, n: int) -> tuple[dict, np.ndarray]:
    """A random judgement matrix on Saaty's scale, as a dict of upper-triangle pairs and as an
    array (the same judgements)."""
    labels = [f"c{k:02d}" for k in range(n)]
    scale = np.array(ahp.SAATY_SCALE_VALUES)
    pairs, a = {}, np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            value = float(scale[rng.integers(scale.size)])
            pairs[(labels[i], labels[j])] = value
            a[i, j], a[j, i] = value, 1.0 / value
    return pairs, a


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def per_call(func, number: int, repeat: int) -> float:
    """Best time of one call, in microseconds."""
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number * 1e6


def measure(matrices: int = 20, repeat: int = 5, sizes: tuple[int, ...] = SIZES) -> list[tuple]:
    """For each size: (n, ahpy µs, crmlib-from-pairs µs, crmlib-from-array µs, max weight
    difference, max CR difference). Raises ImportError when ahpy is not installed."""
    import ahpy

    rng = crmlib.seed(SEED)
    rows = []
    for n in sizes:
        cases = [random_pairs(rng, n) for _ in range(matrices)]
        max_dw = max_dcr = 0.0
        for k, (pairs, array) in enumerate(cases):
            theirs = ahpy.Compare(f"m{k}", pairs, precision=4, random_index="saaty")
            ours = ahp.priorities(pairs, random_index="saaty2005")
            ours_array = ahp.priorities(array, random_index="saaty2005")
            w_theirs = np.array([theirs.local_weights[label] for label in ours.weights.index])
            max_dw = max(max_dw, float(np.abs(ours.weights.to_numpy() - w_theirs).max()))
            max_dcr = max(max_dcr, abs(ours.cr - float(theirs.consistency_ratio)))
            assert np.allclose(ours.weights.to_numpy(), ours_array.weights.to_numpy())
        assert max_dw < 1e-4 and max_dcr < 1e-4, (n, max_dw, max_dcr)

        # each run ends with the weights in the library's own form: ahpy's dict, crmlib's
        # labelled pandas Series (built on first access, so it is included here)
        def run_ahpy():
            for k, (pairs, _) in enumerate(cases):
                ahpy.Compare(f"m{k}", pairs, precision=4, random_index="saaty").local_weights

        def run_pairs():
            for pairs, _ in cases:
                ahp.priorities(pairs, random_index="saaty2005").weights

        def run_array():
            for _, array in cases:
                ahp.priorities(array, random_index="saaty2005").weights

        # side by side, interleaved, best of ``repeat`` rounds (a shared machine slows both)
        t_ahpy, t_pairs, t_array = (t * 1e6 / len(cases) for t in
                                    _c.interleaved([run_ahpy, run_pairs, run_array], repeat))
        rows.append((n, t_ahpy, t_pairs, t_array, max_dw, max_dcr))
    return rows


# Saaty (2005), as in AHPy's own tests: the judgements tests/test_ahp.py checks.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _ahp_cities import CITIES, CITY_CRITERIA  # noqa: E402


def measure_hierarchy(repeat: int = 7) -> tuple[float, float, float]:
    """The cities hierarchy, from the dicts of judgements to the global weights of the cities,
    in both libraries: (ahpy µs, crmlib µs, max difference of the global weights)."""
    import ahpy

    def run_ahpy():
        children = [ahpy.Compare(name, pairs, precision=4, random_index="saaty")
                    for name, pairs in CITIES.items()]
        goal = ahpy.Compare("Goal", CITY_CRITERIA, precision=4, random_index="saaty")
        goal.add_children(children)
        return goal.target_weights

    def run_crmlib():
        local = {name: ahp.priorities(pairs, random_index="saaty2005")
                 for name, pairs in CITIES.items()}
        return ahp.compose(ahp.priorities(CITY_CRITERIA, random_index="saaty2005"), local)

    theirs, ours = run_ahpy(), run_crmlib()
    diff = max(abs(float(ours[city]) - theirs[city]) for city in theirs)
    assert diff < 2e-4, diff                              # ahpy rounds to 4 decimals
    t_ahpy, t_ours = _c.interleaved([run_ahpy, run_crmlib], repeat)
    return t_ahpy * 1e6, t_ours * 1e6, diff


def measure_batch(k: int = 10_000, n: int = 5, repeat: int = 3, loop_sample: int = 500
                  ) -> tuple[float, float, float, float]:
    """k respondents' n x n matrices: ahpy one Compare per matrix (timed on ``loop_sample`` of
    them and scaled to k) against one ``ahp.batch_priorities`` call on the (k, n, n) array and on
    the k dicts of pairs. Returns (ahpy s, crmlib array s, crmlib pairs s, max weight diff)."""
    import ahpy

    rng = crmlib.seed(SEED + n)
    cases = [random_pairs(rng, n) for _ in range(k)]
    arr = np.stack([a for _, a in cases])
    pairs = [p for p, _ in cases]
    sample = cases[:loop_sample]
    batch = ahp.batch_priorities(arr, random_index="saaty2005")
    labels = list(batch.weights.columns)
    diff = 0.0
    for m, (p, _) in enumerate(sample[:50]):
        w = ahpy.Compare(f"m{m}", p, precision=4, random_index="saaty").local_weights
        diff = max(diff, float(np.abs(batch.weights.iloc[m].to_numpy()
                                      - [w[f"c{j:02d}"] for j in labels]).max()))
    assert diff < 1e-4, diff

    def run_ahpy():
        for m, (p, _) in enumerate(sample):
            ahpy.Compare(f"m{m}", p, precision=4, random_index="saaty").local_weights

    t_ahpy, t_arr, t_pairs = _c.interleaved(
        [run_ahpy, lambda: ahp.batch_priorities(arr, random_index="saaty2005"),
         lambda: ahp.batch_priorities(pairs, random_index="saaty2005")], repeat, min_time=0)
    return t_ahpy * k / len(sample), t_arr, t_pairs, diff


def markdown(rows: list[tuple]) -> str:
    lines = ["| n | ahpy (µs) | crmlib from pairs (µs) | crmlib from array (µs) | speed-up, pairs "
             "| speed-up, array | max weight difference | max CR difference |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, t_ahpy, t_pairs, t_array, dw, dcr in rows:
        lines.append(f"| {n} | {t_ahpy:,.0f} | {t_pairs:,.0f} | {t_array:,.0f} | "
                     f"{t_ahpy / t_pairs:.1f}× | {t_ahpy / t_array:.1f}× | {dw:.1e} | {dcr:.1e} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matrices", type=int, default=20, help="matrices per size")
    parser.add_argument("--repeat", type=int, default=5, help="timing repeats (best is kept)")
    args = parser.parse_args(argv)
    try:
        import ahpy
    except ImportError:
        print("This benchmark needs ahpy: .venv/bin/pip install ahpy (not a course dependency).")
        return 1
    rows = measure(args.matrices, args.repeat)
    print(f"AHP benchmark, {dt.date.today().isoformat()}: {args.matrices} random matrices per "
          f"size, best of {args.repeat} repeats")
    print(f"machine: {cpu_name()} ({os.cpu_count()} CPUs), {platform.system()} "
          f"{platform.release()}; Python "
          f"{platform.python_version()}, numpy {np.__version__}, ahpy "
          f"{getattr(ahpy, '__version__', '?')}, crmlib {crmlib.__version__}\n")
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
