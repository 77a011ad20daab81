"""crmlib.data: every data set loads with its schema's dtypes from anywhere, is documented, and
regenerates byte for byte from its script."""
from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT
from crmlib import data


def test_list_datasets_names_every_schema():
    listed = data.list_datasets()
    names = set(listed["name"])
    assert names == {p.name.removesuffix(".schema.json") for p in (ROOT / "data").glob("*.schema.json")}
    assert {"loyalty_survey", "satisfaction_loyalty", "loyalty_ladder"} <= names
    assert set((ROOT / "data").glob("*.csv")) == {ROOT / "data" / f"{n}.csv" for n in names}


@pytest.mark.parametrize("name", sorted(data.list_datasets()["name"]))
def test_load_sets_dtypes_from_the_schema(name):
    frame = data.load(name)
    meta = data.schema(name)
    assert list(frame.columns) == [c["name"] for c in meta["columns"]]
    assert len(frame) == meta["rows"]
    for col in meta["columns"]:
        series = frame[col["name"]]
        assert col["description"].strip(), f"{name}.{col['name']} is undocumented"
        if col["dtype"] == "category":
            assert isinstance(series.dtype, pd.CategoricalDtype)
            assert list(series.cat.categories) == col["categories"]
            assert series.notna().all(), f"{name}.{col['name']} has values outside its categories"
        elif col["dtype"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(series)
        elif col["dtype"] in ("int", "float"):
            assert pd.api.types.is_numeric_dtype(series)


@pytest.mark.parametrize("name", sorted(data.list_datasets()["name"]))
def test_data_set_is_listed_in_the_data_readme(name):
    assert f"`{name}`" in (ROOT / "data" / "README.md").read_text(encoding="utf-8")


def test_load_works_from_any_working_directory(tmp_path):
    code = "from crmlib import data; print(len(data.load('loyalty_survey')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, check=True)
    assert int(out.stdout) == data.schema("loyalty_survey")["rows"]


def test_unknown_data_set_names_the_known_ones():
    with pytest.raises(ValueError, match="loyalty_survey"):
        data.load("loyalty_surveys")


def test_describe_lists_columns():
    table = data.describe("loyalty_ladder")
    assert table["column"].tolist() == [c["name"] for c in data.schema("loyalty_ladder")["columns"]]


@pytest.mark.parametrize("script", sorted({data.schema(n).get("script") for n in data.list_datasets()["name"]
                                           if data.schema(n).get("synthetic")}))
def test_synthetic_data_regenerates_byte_for_byte(script, tmp_path):
    subprocess.run([sys.executable, str(ROOT / "data" / script), "--out", str(tmp_path)],
                   check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    made = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert made, f"{script} wrote no CSV"
    for name in made:
        assert (tmp_path / name).read_bytes() == (ROOT / "data" / name).read_bytes(), name
