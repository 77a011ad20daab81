"""Execute notebooks in place from a fresh kernel, so they are committed with their outputs.

Usage: python tools/run_notebooks.py PATH...   (a notebook, or a folder of notebooks)

Each notebook runs in its own folder (as a reader's would), with cell timing metadata left out
so that re-running an unchanged notebook gives an unchanged file.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path, timeout: int = 120) -> float:
    """Run one notebook in place; return the seconds it took."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nb.metadata.kernelspec = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    paths: list[Path] = []
    for arg in argv:
        p = Path(arg)
        paths += sorted(p.glob("*.ipynb")) if p.is_dir() else [p]
    for path in paths:
        print(f"{execute(path):6.1f} s  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
