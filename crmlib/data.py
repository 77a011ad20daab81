"""The course's data sets: list them, read their schema, load them with the right dtypes.

Every data set is a CSV file in the repository's ``data/`` folder with a schema file beside it
(``<name>.schema.json``: title, description, the generating script if synthetic, and for each
column its dtype, unit and meaning). :func:`load` uses the schema to set dtypes (dates parsed,
categories as ``category``), so the same call works from a chapter, an exercise, a solution
notebook or a script, whatever the working directory.

>>> from crmlib import data
>>> "loyalty_survey" in set(data.list_datasets()["name"])
True
>>> df = data.load("loyalty_ladder")
>>> str(df["ladder_stage"].dtype)
'category'
"""
from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["data_dir", "list_datasets", "schema", "describe", "load", "column", "write", "script_main"]

_PANDAS_DTYPES = {"string": "string", "int": "Int64", "float": "float64", "bool": "boolean"}


def data_dir() -> Path:
    """The folder holding the data sets: ``$CRMLIB_DATA_DIR`` if set, else the repository's
    ``data/`` (found from this file, so the working directory does not matter).

    >>> data_dir().name
    'data'
    """
    env = os.environ.get("CRMLIB_DATA_DIR")
    folder = Path(env) if env else Path(__file__).resolve().parent.parent / "data"
    if not folder.is_dir():
        raise FileNotFoundError(
            f"crmlib: the data folder {folder} does not exist. Install the course from its "
            "repository with `pip install -e .` (or `make lab`), or set CRMLIB_DATA_DIR.")
    return folder


@lru_cache(maxsize=None)
def _schema_cached(path: str, mtime: float) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def schema(name: str) -> dict[str, Any]:
    """The parsed schema of data set ``name`` (title, description, columns, ...).

    >>> schema("loyalty_survey")["synthetic"]
    True
    """
    if not isinstance(name, str):
        raise TypeError(f"name: expected the name of a data set as text, e.g. 'loyalty_survey', "
                        f"got {type(name).__name__}")
    path = data_dir() / f"{name}.schema.json"
    if not path.is_file():
        names = ", ".join(_names()) or "(none)"
        raise ValueError(f"name: data set {name!r} does not exist; the course has: {names}")
    return _schema_cached(str(path), path.stat().st_mtime)


def _names() -> list[str]:
    return sorted(p.name.removesuffix(".schema.json") for p in data_dir().glob("*.schema.json"))


def list_datasets() -> pd.DataFrame:
    """One row per data set: name, title, number of columns, whether synthetic, and the script
    that makes it.

    >>> list_datasets().columns.tolist()
    ['name', 'title', 'columns', 'synthetic', 'script']
    """
    rows = []
    for name in _names():
        meta = schema(name)
        rows.append({"name": name, "title": meta["title"], "columns": len(meta["columns"]),
                     "synthetic": bool(meta.get("synthetic")), "script": meta.get("script", "")})
    return pd.DataFrame(rows, columns=["name", "title", "columns", "synthetic", "script"])


def describe(name: str) -> pd.DataFrame:
    """The column documentation of data set ``name``: column, dtype, unit, description.

    >>> describe("loyalty_survey").loc[0, "column"]
    'customer_id'
    """
    cols = schema(name)["columns"]
    return pd.DataFrame([{"column": c["name"], "dtype": c["dtype"], "unit": c.get("unit", ""),
                          "description": c["description"]} for c in cols])


def load(name: str) -> pd.DataFrame:
    """Load data set ``name`` as a DataFrame with the dtypes its schema gives.

    Dates become ``datetime64``, categories become ``category`` (ordered when the schema says so,
    with the schema's category order), integers become nullable ``Int64``.

    >>> df = load("loyalty_survey")
    >>> df.shape[0] > 100
    True
    """
    meta = schema(name)
    columns = meta["columns"]
    path = data_dir() / f"{name}.csv"
    dtypes = {c["name"]: _PANDAS_DTYPES[c["dtype"]] for c in columns if c["dtype"] in _PANDAS_DTYPES}
    dates = [c["name"] for c in columns if c["dtype"] == "date"]
    frame = pd.read_csv(path, dtype=dtypes, parse_dates=dates, encoding="utf-8")
    expected = [c["name"] for c in columns]
    if list(frame.columns) != expected:
        raise ValueError(f"data set {name!r}: the CSV's columns {list(frame.columns)} do not match "
                         f"its schema {expected}; regenerate it with data/{meta.get('script')}")
    for col in columns:
        if col["dtype"] == "category":
            cats = col.get("categories")
            frame[col["name"]] = pd.Categorical(frame[col["name"]], categories=cats,
                                                ordered=bool(col.get("ordered")))
    return frame


# ---------------------------------------------------------------------------------------------
# Writing data sets (used by the seeded scripts data/make_*.py)
# ---------------------------------------------------------------------------------------------

def column(name: str, dtype: str, unit: str, description: str,
           categories: Sequence[str] | None = None, ordered: bool | None = None) -> dict[str, Any]:
    """One column entry of a schema file (categories and order only for ``category`` columns).

    >>> column("stage", "category", "", "ladder rung", ["a", "b"], True)["ordered"]
    True
    """
    col: dict[str, Any] = {"name": name, "dtype": dtype, "unit": unit, "description": description}
    if dtype == "category":
        col["categories"] = list(categories or [])
        col["ordered"] = bool(ordered)
    return col


def write(frame: pd.DataFrame, meta: dict[str, Any], folder: Path | str) -> Path:
    """Write ``<name>.csv`` and ``<name>.schema.json`` into ``folder``, byte-for-byte stable
    (UTF-8, ``\n`` line ends, no index); the schema's columns must match the frame's.

    >>> import tempfile
    >>> meta = {"name": "demo", "columns": [{"name": "x", "dtype": "int", "description": "x"}]}
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     print(write(pd.DataFrame({"x": [1, 2]}), meta, tmp).read_text(), end="")
    x
    1
    2
    """
    folder = Path(folder)
    if [c["name"] for c in meta["columns"]] != list(frame.columns):
        raise ValueError(f"{meta['name']}: the schema's columns {[c['name'] for c in meta['columns']]} "
                         f"differ from the data's {list(frame.columns)}")
    path = folder / f"{meta['name']}.csv"
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    text = json.dumps(meta, indent=2, ensure_ascii=False) + "\n"
    (folder / f"{meta['name']}.schema.json").write_text(text, encoding="utf-8", newline="\n")
    return path


Made = tuple[pd.DataFrame, dict[str, Any]]


def script_main(makers: Iterable[Callable[[], Made | Sequence[Made]]], doc: str | None,
                script: str, argv: list[str] | None = None) -> None:
    """The command line of every data script: ``python data/make_x.py [--out DIR]`` runs each
    maker (returning ``(frame, meta)`` or several such pairs) and writes the results into
    ``DIR`` (default: the script's folder)."""
    parser = argparse.ArgumentParser(description=(doc or "").strip().splitlines()[0] if doc else None)
    parser.add_argument("--out", type=Path, default=Path(script).resolve().parent,
                        help="folder to write into (default: the folder of this script)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for make in makers:
        made = make()
        for frame, meta in ([made] if isinstance(made[0], pd.DataFrame) else made):
            write(frame, meta, args.out)
            print(f"wrote {args.out / (meta['name'] + '.csv')}: {len(frame)} rows")
