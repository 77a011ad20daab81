"""The offline guarantee: every notebook (chapters, solutions, exercises) runs with the network
blocked.

The kernel gets a ``sitecustomize.py`` that refuses every non-loopback connection, address
look-up and datagram (see ``tests/_runs.py``); loopback stays open because the kernel talks to
its client over it. The probe proves the block works before the runs are trusted, and each run
ends with a guard cell showing the block was active in that kernel. The notebooks run once, two
at a time, from copies (the committed files are never written); ``tests/test_reproducible.py``
compares the same runs with the committed outputs, so nothing runs twice for these two files.
"""
from __future__ import annotations

import pytest

import _runs

PATHS = [str(p.relative_to(_runs.ROOT)) for p in _runs.notebook_paths()]


def _block_problems() -> list[str]:
    probe = _runs.probe()
    problems = [f"{name}: {probe[name].strip() or '(no output)'}"
                for name in ("urlopen", "numeric", "udp") if _runs.MARKER not in probe[name]]
    if probe["loopback"].strip() != "loopback ok":
        problems.append(f"loopback: {probe['loopback'].strip() or probe['error']}")
    return problems


def test_every_folder_has_notebooks():
    for folder in _runs.FOLDERS:
        assert any(p.startswith(f"{folder}/") for p in PATHS), f"no notebooks in {folder}/"


def test_the_block_refuses_the_network_and_keeps_loopback():
    probe = _runs.probe()
    assert not probe["error"], probe["error"]
    # urllib.request.urlopen("http://example.org") fails with our error, by name or by number
    assert probe["urlopen"].startswith("URLError") and _runs.MARKER in probe["urlopen"]
    assert _runs.MARKER in probe["numeric"] and "REACHED" not in probe["numeric"]
    assert _runs.MARKER in probe["udp"] and "REACHED" not in probe["udp"]
    assert probe["loopback"].strip() == "loopback ok"


@pytest.mark.parametrize("path", PATHS)
def test_notebook_runs_offline(path):
    problems = _block_problems()
    assert not problems, f"the network block does not work, so the run proves nothing: {problems}"
    run = _runs.offline_runs()[path]
    assert run.error is None, f"{path} failed offline after {run.seconds:.1f} s: {run.error}"
    assert run.guard_output.strip() == _runs.GUARD_ACTIVE, \
        f"{path}: the block was not active in its kernel ({run.guard_output.strip()!r})"
