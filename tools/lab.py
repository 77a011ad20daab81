"""Start JupyterLab as the course is taught: the whole repository served, the course guide open.

Usage: python tools/lab.py [JUPYTER LAB OPTIONS...]    (`make lab` runs this in .venv)
       python tools/lab.py --install-settings         (only install the lab settings; Binder's postBuild)

- The server's root is the repository (`--ServerApp.root_dir`), so notebooks/, exercises/,
  solutions/, data/ and INSTRUCTORS.md are all in the file browser and the guide's `../` links
  open. Started on a file instead, JupyterLab would serve only that file's folder.
- The page it opens is the course guide (`--LabApp.default_url`), wherever it is started from.
- The course's lab settings (tools/lab_overrides.json: never ask about, fetch or check for
  Jupyter news and updates, so no pop-up covers the guide in class) are installed as defaults
  of this Python environment's JupyterLab, in <app dir>/settings/overrides.d/. A student's own
  choices in the Settings editor still win.

tests/test_browser.py starts its server with `command()` too, so the two cannot drift.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = "notebooks/00_course_guide.ipynb"
OVERRIDES = Path(__file__).resolve().parent / "lab_overrides.json"


def settings_path() -> Path:
    """Where this environment's JupyterLab reads the course's settings overrides."""
    from jupyterlab.commands import get_app_dir
    return Path(get_app_dir()) / "settings" / "overrides.d" / "crm-course.json"


def install_settings() -> Path:
    """Copy tools/lab_overrides.json into this environment's JupyterLab (idempotent)."""
    target = settings_path()
    if not target.exists() or target.read_bytes() != OVERRIDES.read_bytes():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(OVERRIDES, target)
    return target


def command(root: Path | str = ROOT, *options: str) -> list[str]:
    """The JupyterLab command line: serve `root` (the repository), open the course guide."""
    return [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}",
            f"--LabApp.default_url=/lab/tree/{GUIDE}", *options]


def main(argv: list[str]) -> int:
    install_settings()
    if argv == ["--install-settings"]:
        print(f"installed {settings_path()}")
        return 0
    cmd = command(ROOT, *argv)
    if os.name == "posix":
        os.execv(cmd[0], cmd)  # JupyterLab takes over the terminal (Ctrl-C asks to stop it)
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
