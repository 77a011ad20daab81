"""Execute notebooks in place from a fresh kernel, so they are committed with their outputs.

Usage: python tools/run_notebooks.py PATH...   (a notebook, or a folder of notebooks)
       python tools/run_notebooks.py --metadata-only PATH...   (no execution, see below)

Each notebook runs in its own folder (as a reader's would), with cell timing metadata left out
so that re-running an unchanged notebook gives an unchanged file.

The notebook's `kernelspec` and `language_info` are written exactly as JupyterLab writes them
when it opens the notebook on this kernel (the installed kernel spec's display name, the
kernel's own language_info): any difference and JupyterLab marks the notebook modified the
moment a student opens it. `--metadata-only` rewrites just those two entries, without running a
cell; the rest of each file is left as it was (nbformat reads and writes the
committed notebooks byte for byte).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


KERNEL = "python3"


def kernelspec(kernel_name: str = KERNEL) -> dict:
    """The `kernelspec` metadata JupyterLab sets on opening a notebook with this kernel."""
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    return {"display_name": spec.display_name, "language": spec.language, "name": kernel_name}


def language_info(kernel_name: str = KERNEL) -> dict:
    """The kernel's `language_info` (what JupyterLab and nbclient copy into the notebook)."""
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name=kernel_name)
    try:
        return kc.kernel_info(reply=True, timeout=60)["content"]["language_info"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def execute(path: Path, timeout: int = 120) -> float:
    """Run one notebook in place; return the seconds it took."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # sets metadata.language_info from the kernel
    nb.metadata.kernelspec = kernelspec()
    nbformat.write(nb, path)
    return time.perf_counter() - start


def fix_metadata(paths: list[Path]) -> list[Path]:
    """Set `kernelspec` and `language_info` as `execute` would, running nothing; return the
    notebooks that changed (each is read, changed and written back at once)."""
    wanted = {"kernelspec": kernelspec(), "language_info": language_info()}
    changed = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if all(nb.metadata.get(k) == v for k, v in wanted.items()):
            continue
        nb.metadata.update(wanted)
        nbformat.write(nb, path)
        changed.append(path)
    return changed


def main(argv: list[str]) -> int:
    metadata_only = "--metadata-only" in argv
    paths: list[Path] = []
    for arg in (a for a in argv if a != "--metadata-only"):
        p = Path(arg)
        paths += sorted(p.glob("*.ipynb")) if p.is_dir() else [p]
    if metadata_only:
        for path in fix_metadata(paths):
            print(f"metadata  {path}")
        return 0
    for path in paths:
        print(f"{execute(path):6.1f} s  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
