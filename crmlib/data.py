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

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["data_dir", "list_datasets", "schema", "describe", "load"]

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
    path = data_dir() / f"{name}.schema.json"
    if not isinstance(name, str) or not path.is_file():
        names = ", ".join(_names()) or "(none)"
        raise ValueError(f"data set {name!r} does not exist; the course has: {names}")
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
