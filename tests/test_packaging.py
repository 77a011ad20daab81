"""The install story: pyproject, environment.yml, constraints, README, Makefile and CI agree."""
from __future__ import annotations

import re
import tomllib

from conftest import ROOT


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[; ]", req.strip(), maxsplit=1)[0].lower()


def _pyproject_packages() -> set[str]:
    project = _pyproject()["project"]
    return {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]}


def _environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s+- ([A-Za-z0-9_.-]+)==?([^=\s#]+)\s*(#.*)?$", line)
        if m and m.group(1) != "python":
            pins[m.group(1).lower()] = m.group(2)
    return pins


def _constraints() -> dict[str, str]:
    out = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            out[name.strip().lower().replace("_", "-")] = version.strip()
    return out


def test_environment_lists_the_same_packages_as_pyproject():
    assert set(_environment_pins()) == _pyproject_packages()


def test_environment_pins_the_tested_versions():
    constraints = _constraints()
    for name, version in _environment_pins().items():
        assert constraints.get(name) == version, f"{name}: environment.yml has {version}, " \
                                                 f"constraints.txt has {constraints.get(name)}"


def test_every_dependency_is_locked():
    constraints = _constraints()
    missing = sorted(p for p in _pyproject_packages() if p not in constraints)
    assert not missing, f"run `make lock`: {missing} not in constraints.txt"


def test_readme_lists_the_same_packages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (running the course|the tests[^|]*) \| ([^|]+) \|$", readme, re.M)
    assert len(rows) == 2
    listed = {p.strip().lower() for _, packages in rows for p in packages.split(",")}
    assert listed == _pyproject_packages()


def test_python_requirement_is_311():
    assert _pyproject()["project"]["requires-python"] == ">=3.11"
    assert "python=3.11" in (ROOT / "environment.yml").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", readme, re.S)
    assert blocks, "README has no command block"
    commands = [l.split("#")[0].strip() for l in blocks[0].splitlines()
                if l.strip() and not l.startswith("#")]
    assert commands == ["make lab", "make test"]
    assert "conda env create -f environment.yml" in readme


def test_ci_runs_exactly_make_test():
    lines = [l.strip() for l in (ROOT / ".ci" / "run").read_text().splitlines()]
    commands = [l for l in lines if l and not l.startswith("#") and not l.startswith("set ")
                and not l.startswith("cd ")]
    assert commands == ["make test"]


def test_makefile_installs_from_constraints_and_handles_root():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-c constraints.txt" in makefile
    assert "--allow-root" in makefile and "id -u" in makefile
    assert "notebooks/00_course_guide.ipynb" in makefile


def test_license_covers_code_and_prose():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text and "CC BY 4.0" in text


def test_import_crmlib_does_not_import_matplotlib_or_widgets():
    import subprocess
    import sys
    code = ("import sys, crmlib, crmlib.loyalty, crmlib.churn, crmlib.data, crmlib.checks;"
            "print([m for m in ('matplotlib', 'ipywidgets') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
