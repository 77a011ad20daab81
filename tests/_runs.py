"""Run every notebook once with the network blocked, for tests/test_offline.py and
tests/test_reproducible.py (shared: each notebook executes once here, once under nbval).

The kernel talks to the client over loopback TCP (ZeroMQ), so only non-loopback traffic is
blocked: a ``sitecustomize.py`` in a temporary folder, put first on the kernel's ``PYTHONPATH``,
patches ``socket.socket.connect``/``connect_ex``/``sendto``, ``socket.create_connection`` and
``socket.getaddrinfo`` to refuse every address that is not loopback (or a Unix socket) with
:data:`MARKER`. A probe notebook shows the block works before the runs are trusted, and every
executed copy ends with a guard cell that proves the block was active in that very kernel.

Notebooks run from their own folder (as a reader's would), two at a time on one event loop, from
copies held in memory: the committed files are never written.
"""
from __future__ import annotations

import asyncio
import atexit
import functools
import os
import re
import shutil
import tempfile
import time
from configparser import ConfigParser
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("notebooks", "solutions", "exercises")
PARALLEL = 2            # the course machine has two cores
CELL_TIMEOUT = 180      # seconds; chapters take a few seconds in all

MARKER = "crm-offline: network access is blocked"
GUARD_SOURCE = ("import socket as _s\n"
                "print('offline guard:', 'active' if getattr(_s.socket.connect, "
                "'__crm_offline__', False) else 'NOT ACTIVE')")
GUARD_ACTIVE = "offline guard: active"

SITECUSTOMIZE = f'''"""Block network access except loopback (written by tests/_runs.py)."""
import ipaddress
import socket

MARKER = {MARKER!r}


class NetworkBlocked(ConnectionRefusedError):
    """Raised instead of reaching the network."""


def _loopback(host):
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%")[0]
    if host in ("", "localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check(address, family=None):
    if family == getattr(socket, "AF_UNIX", object()) or isinstance(address, (str, bytes)):
        return                       # a Unix socket path
    host = address[0] if isinstance(address, tuple) and address else address
    if not _loopback(host):
        raise NetworkBlocked(f"{{MARKER}} (tried to reach {{address!r}})")


_connect, _connect_ex, _sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto
_getaddrinfo, _create_connection = socket.getaddrinfo, socket.create_connection


def connect(self, address):
    _check(address, self.family)
    return _connect(self, address)


def connect_ex(self, address):
    _check(address, self.family)
    return _connect_ex(self, address)


def sendto(self, data, *args):
    _check(args[-1], self.family)
    return _sendto(self, data, *args)


def getaddrinfo(host, *args, **kwargs):
    if not _loopback(host):
        raise NetworkBlocked(f"{{MARKER}} (tried to look up {{host!r}})")
    return _getaddrinfo(host, *args, **kwargs)


def create_connection(address, *args, **kwargs):
    _check(address)
    return _create_connection(address, *args, **kwargs)


for _f in (connect, connect_ex, sendto, getaddrinfo, create_connection):
    _f.__crm_offline__ = True
socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto = connect, connect_ex, sendto
socket.getaddrinfo, socket.create_connection = getaddrinfo, create_connection
'''

#: The probe: what must fail (any host, by name or by number) and what must still work.
PROBE_CELLS = {
    "urlopen": ("import urllib.request\n"
                "try:\n"
                "    urllib.request.urlopen('http://example.org', timeout=10)\n"
                "    print('REACHED the network')\n"
                "except Exception as err:\n"
                "    print(type(err).__name__, err)"),
    "numeric": ("import socket\n"
                "try:\n"
                "    socket.create_connection(('93.184.216.34', 80), timeout=10)\n"
                "    print('REACHED the network')\n"
                "except Exception as err:\n"
                "    print(type(err).__name__, err)"),
    "udp": ("import socket\n"
            "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
            "try:\n"
            "    s.sendto(b'x', ('8.8.8.8', 53))\n"
            "    print('REACHED the network')\n"
            "except Exception as err:\n"
            "    print(type(err).__name__, err)\n"
            "finally:\n"
            "    s.close()"),
    "loopback": ("import socket\n"
                 "server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen(1)\n"
                 "client = socket.create_connection(server.getsockname(), timeout=10)\n"
                 "print('loopback ok'); client.close(); server.close()"),
}


@dataclass
class Run:
    """One notebook executed offline."""

    path: str                          # relative to the repository, e.g. 'notebooks/05_x.ipynb'
    committed: nbformat.NotebookNode   # as read from disk, with its committed outputs
    executed: nbformat.NotebookNode    # the executed copy, guard cell last
    error: str | None                  # the error that stopped it, if any
    seconds: float

    @property
    def guard_output(self) -> str:
        cell = self.executed.cells[-1]
        return "".join(o.get("text", "") for o in cell.get("outputs", []))


def notebook_paths() -> list[Path]:
    return [p for folder in FOLDERS for p in sorted((ROOT / folder).glob("*.ipynb"))]


@functools.cache
def _sandbox() -> str:
    """A folder holding the blocking sitecustomize.py (kept for the whole session)."""
    folder = tempfile.mkdtemp(prefix="crm-offline-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    Path(folder, "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return folder


def blocked_env() -> dict[str, str]:
    """The kernel's environment: ours, with the blocking folder first on PYTHONPATH."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_sandbox(), env.get("PYTHONPATH")) if p)
    env.pop("PYTHONSTARTUP", None)
    return env


async def _execute(nb: nbformat.NotebookNode, cwd: Path, env: dict[str, str]
                   ) -> tuple[str | None, float]:
    # nbclient waits 60 s for a kernel to start and only 4 s for a cell's last outputs, then
    # drops them silently (a run that then differs from the committed notebook for no reason);
    # on a loaded machine both happen with nothing wrong. Wait for the kernel instead, and make
    # a real output timeout an error.
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3", record_timing=False,
                            startup_timeout=CELL_TIMEOUT, iopub_timeout=CELL_TIMEOUT,
                            raise_on_iopub_timeout=True,
                            resources={"metadata": {"path": str(cwd)}})
    start = time.perf_counter()
    try:
        await client.async_execute(env=env)
    except CellExecutionError as err:
        text = re.sub(r"\x1b\[[0-9;]*m", "", str(err))     # no terminal colours in reports
        return " ".join(text.split())[-2000:], time.perf_counter() - start
    except Exception as err:  # noqa: BLE001 - a dead kernel or a timeout: reported by the test
        return f"{type(err).__name__}: {err}", time.perf_counter() - start
    return None, time.perf_counter() - start


async def _run_all(paths: list[Path], env: dict[str, str]) -> dict[str, Run]:
    gate = asyncio.Semaphore(PARALLEL)

    async def one(path: Path) -> Run:
        committed = nbformat.read(path, as_version=4)
        copy = nbformat.from_dict(committed)        # a deep copy: the file is never written
        copy.cells.append(nbformat.v4.new_code_cell(GUARD_SOURCE))
        async with gate:
            error, seconds = await _execute(copy, path.parent, env)
        return Run(str(path.relative_to(ROOT)), committed, copy, error, seconds)

    runs = await asyncio.gather(*(one(p) for p in paths))
    return {run.path: run for run in runs}


@functools.cache
def probe() -> dict[str, str]:
    """Run the probe notebook with the network blocked: ``{cell name: its printed output}``."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in PROBE_CELLS.values()]
    error, _ = asyncio.run(_execute(nb, ROOT, blocked_env()))
    texts = ["".join(o.get("text", "") for o in c.get("outputs", [])) for c in nb.cells]
    out = dict(zip(PROBE_CELLS, texts))
    out["error"] = error or ""
    return out


@functools.cache
def offline_runs() -> dict[str, Run]:
    """Every notebook of the course executed once with the network blocked (cached)."""
    return asyncio.run(_run_all(notebook_paths(), blocked_env()))


# --- comparing outputs ------------------------------------------------------------------------

TEXT_MIMES = ("text/plain", "text/html", "text/markdown", "text/latex", "application/json")


@functools.cache
def sanitizers() -> tuple[tuple[re.Pattern, str], ...]:
    """The regexes of tests/nbval_sanitize.cfg (what nbval treats as legitimately variable)."""
    cfg = ConfigParser()
    cfg.read(ROOT / "tests" / "nbval_sanitize.cfg", encoding="utf-8")
    return tuple((re.compile(cfg[s]["regex"]), cfg[s]["replace"]) for s in cfg.sections())


def sanitize(text: str) -> str:
    for pattern, replace in sanitizers():
        text = pattern.sub(replace, text)
    return text


def text_outputs(cell: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """A code cell's text outputs, sanitized, consecutive streams of one name joined (how a
    stream is split into messages depends on timing, not on the notebook)."""
    out: list[tuple[str, str]] = []
    for o in cell.get("outputs", []):
        kind = o.get("output_type")
        if kind == "stream":
            key = f"stream:{o.get('name')}"
            if out and out[-1][0] == key:
                out[-1] = (key, out[-1][1] + o.get("text", ""))
            else:
                out.append((key, o.get("text", "")))
        elif kind in ("execute_result", "display_data"):
            for mime in TEXT_MIMES:
                if mime in o.get("data", {}):
                    value = o["data"][mime]
                    out.append((mime, value if isinstance(value, str) else repr(value)))
        elif kind == "error":
            out.append(("error", f"{o.get('ename')}: {o.get('evalue')}"))
    return [(k, sanitize(t)) for k, t in out]


def is_checked(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and cell.source.lstrip().startswith("# NBVAL_CHECK_OUTPUT")


def code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code"]
