"""Tests for crmlib.index: rescaling indicators to 0-100, flattening a two-level weight system,
and weighted sums of scores."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmlib.index import Indicator, flatten_weights, minmax, weighted_index

# --- minmax -----------------------------------------------------------------------------------


def test_minmax_hand_values():
    # (x - 1) / (7 - 1) x 100: 1 -> 0, 2.5 -> 25, 4 -> 50, 7 -> 100
    assert minmax([1, 2.5, 4, 7], low=1, high=7).tolist() == [0.0, 25.0, 50.0, 100.0]
    # (x + 30) / 60 x 100: -30 -> 0, -15 -> 25, 0 -> 50, 15 -> 75
    assert minmax([-30, -15, 0, 15], low=-30, high=30).tolist() == [0.0, 25.0, 50.0, 75.0]


def test_minmax_reversed():
    # lower is better: 100 - the usual score
    assert minmax([1, 2.5, 4, 7], low=1, high=7, higher_is_better=False).tolist() \
        == [100.0, 75.0, 50.0, 0.0]


def test_minmax_clips_outside_the_range():
    assert minmax([-5, 0, 5, 10, 15], low=0, high=10).tolist() == [0.0, 0.0, 50.0, 100.0, 100.0]
    assert minmax([-5, 15], low=0, high=10, higher_is_better=False).tolist() == [100.0, 0.0]


def test_minmax_observed_range_by_default():
    # min 2 -> 0, max 6 -> 100, 3 -> 25
    assert minmax([2, 6, 3]).tolist() == [0.0, 100.0, 25.0]
    assert minmax([2, 6, 3], higher_is_better=False).tolist() == [100.0, 0.0, 75.0]
    # only one end given: the other is observed (here high = 6)
    assert minmax([2, 6, 3], low=0).tolist() == pytest.approx([100 / 3, 100.0, 50.0])


def test_minmax_types():
    s = pd.Series([0.0, 5.0], index=["C1", "C2"], name="visits")
    out = minmax(s, low=0, high=10)
    assert isinstance(out, pd.Series)
    assert out.index.tolist() == ["C1", "C2"] and out.name == "visits"
    assert out.tolist() == [0.0, 50.0]
    arr = minmax(np.array([0, 10]), low=0, high=10)
    assert isinstance(arr, np.ndarray) and arr.dtype == float
    assert arr.tolist() == [0.0, 100.0]
    assert minmax(pd.Series([1, 3], dtype="Int64"), low=1, high=5).tolist() == [0.0, 50.0]


@pytest.mark.parametrize("values, low, high", [
    ([1, 2, 3], 5, 5), ([1, 2, 3], 7, 1), ([4, 4, 4], None, None),
])
def test_minmax_high_not_above_low(values, low, high):
    with pytest.raises(ValueError, match=r"^satisfaction: the range high .* must be above low"):
        minmax(values, low=low, high=high, name="satisfaction")


@pytest.mark.parametrize("values, kwargs, error, pattern", [
    ([1, np.nan], {"low": 0, "high": 1}, ValueError, r"^score: missing value.*position 1"),
    (["a"], {"low": 0, "high": 1}, TypeError, r"^score: expected numbers"),
    ([], {"low": 0, "high": 1}, ValueError, r"^score: is empty"),
    ([1, 2], {"low": "0", "high": 1}, TypeError, r"^score low"),
    ([1, 2], {"low": 0, "high": np.inf}, ValueError, r"^score high"),
])
def test_minmax_bad_input_names_argument(values, kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        minmax(values, name="score", **kwargs)


@given(st.lists(st.floats(-1e9, 1e9), min_size=1, max_size=50), st.floats(-1e6, 1e6),
       st.floats(0.001, 1e6), st.booleans())
def test_minmax_always_0_to_100(values, low, width, higher_is_better):
    out = minmax(values, low=low, high=low + width, higher_is_better=higher_is_better)
    assert ((out >= 0) & (out <= 100)).all()


# --- flatten_weights --------------------------------------------------------------------------

SYSTEM = {
    "behaviour": (0.6, {"share": Indicator(0.75, 0, 1, label="wallet share"),
                        "visits": Indicator(0.25, 0, 12)}),
    "attitude": (0.4, {"liking": Indicator(0.5, 1, 7),
                       "price": Indicator(0.3, 1, 7, higher_is_better=False),
                       "advocacy": Indicator(0.2, 0, 10)}),
}


def test_flatten_weights_global_is_product():
    t = flatten_weights(SYSTEM)
    assert t.columns.tolist() == ["dimension", "indicator", "label", "dimension_weight",
                                  "local_weight", "global_weight", "low", "high",
                                  "higher_is_better"]
    assert t["indicator"].tolist() == ["share", "visits", "liking", "price", "advocacy"]
    assert t["dimension"].tolist() == ["behaviour"] * 2 + ["attitude"] * 3
    # 0.6 x 0.75, 0.6 x 0.25, 0.4 x 0.5, 0.4 x 0.3, 0.4 x 0.2
    assert t["global_weight"].tolist() == pytest.approx([0.45, 0.15, 0.2, 0.12, 0.08])
    assert (t["global_weight"] == t["dimension_weight"] * t["local_weight"]).all()
    assert t["global_weight"].sum() == pytest.approx(1.0)
    assert t["label"].tolist() == ["wallet share", "visits", "liking", "price", "advocacy"]
    assert t["higher_is_better"].tolist() == [True, True, True, False, True]
    assert t[["low", "high"]].values.tolist() == [[0, 1], [0, 12], [1, 7], [1, 7], [0, 10]]


def test_flatten_weights_dimension_weights_must_add_up():
    bad = {**SYSTEM, "behaviour": (0.7, SYSTEM["behaviour"][1])}
    with pytest.raises(ValueError, match=r"^dimension weights: .*add up to 1\.1 "
                                         r"\(behaviour=0\.7, attitude=0\.4\)"):
        flatten_weights(bad)


def test_flatten_weights_indicator_weights_must_add_up():
    bad = {**SYSTEM, "attitude": (0.4, {"liking": Indicator(0.5, 1, 7),
                                        "price": Indicator(0.3, 1, 7)})}
    with pytest.raises(ValueError, match=r"dimension 'attitude'.*add up to 0\.8"):
        flatten_weights(bad)


@pytest.mark.parametrize("system, error, pattern", [
    ({}, TypeError, r"^system"),
    ([("a", (1.0, {}))], TypeError, r"^system"),
    ({"a": (-0.5, {"x": Indicator(1, 0, 1)}), "b": (1.5, {"y": Indicator(1, 0, 1)})},
     ValueError, r"dimension weights\['a'\]: must be zero or more"),
    ({"a": (1.0, {})}, TypeError, r"dimension 'a'"),
])
def test_flatten_weights_bad_systems(system, error, pattern):
    with pytest.raises(error, match=pattern):
        flatten_weights(system)


@given(st.lists(st.floats(0.01, 1), min_size=1, max_size=5),
       st.lists(st.floats(0.01, 1), min_size=1, max_size=5))
def test_flatten_weights_global_weights_sum_to_1(dim_raw, ind_raw):
    dims = np.array(dim_raw) / sum(dim_raw)
    inds = np.array(ind_raw) / sum(ind_raw)
    system = {f"D{i}": (float(dw), {f"D{i}x{j}": Indicator(float(w), 0, 1)
                                    for j, w in enumerate(inds)})
              for i, dw in enumerate(dims)}
    t = flatten_weights(system)
    assert len(t) == len(dims) * len(inds)
    assert t["global_weight"].sum() == pytest.approx(1.0)


# --- weighted_index ---------------------------------------------------------------------------

def test_weighted_index_hand_values():
    scores = pd.DataFrame({"a": [80.0, 0.0, 100.0], "b": [60.0, 100.0, 100.0],
                           "unused": [1.0, 2.0, 3.0]}, index=["x", "y", "z"])
    # 0.25 x 80 + 0.75 x 60 = 65; 0.25 x 0 + 0.75 x 100 = 75; 100
    out = weighted_index(scores, {"a": 0.25, "b": 0.75})
    assert isinstance(out, pd.Series) and out.name == "index"
    assert out.index.tolist() == ["x", "y", "z"]
    assert out.tolist() == pytest.approx([65.0, 75.0, 100.0])
    assert weighted_index(scores, {"b": 1.0}).tolist() == [60.0, 100.0, 100.0]


def test_weighted_index_missing_column():
    with pytest.raises(ValueError, match=r"^scores: has no column\(s\) \['c'\]; it has \['a', 'b'\]"):
        weighted_index(pd.DataFrame({"a": [1.0], "b": [2.0]}), {"a": 0.5, "c": 0.5})


def test_weighted_index_weights_must_add_up_with_sums_in_message():
    with pytest.raises(ValueError, match=r"^weights: weights must add up to 1, they add up to "
                                         r"0\.9 \(a=0\.5, b=0\.4\)"):
        weighted_index(pd.DataFrame({"a": [1.0], "b": [2.0]}), {"a": 0.5, "b": 0.4})
    with pytest.raises(ValueError, match=r"they add up to 1\.5"):
        weighted_index(pd.DataFrame({"a": [1.0], "b": [2.0]}), {"a": 1.0, "b": 0.5})


@pytest.mark.parametrize("scores, weights, error, pattern", [
    ([[1.0, 2.0]], {"a": 1.0}, TypeError, r"^scores: expected a DataFrame, got list"),
    (pd.DataFrame({"a": [1.0]}), {}, TypeError, r"^weights: expected a non-empty mapping"),
    (pd.DataFrame({"a": [1.0]}), [("a", 1.0)], TypeError, r"^weights"),
    (pd.DataFrame({"a": [1.0], "b": [1.0]}), {"a": 1.5, "b": -0.5}, ValueError,
     r"^weights\['b'\]: must be zero or more"),
    (pd.DataFrame({"a": [1.0]}), {"a": "1"}, TypeError, r"^weights\['a'\]"),
    (pd.DataFrame({"a": [1.0, np.nan]}), {"a": 1.0}, ValueError,
     r"^scores\['a'\]: missing value.*at label 1"),
    (pd.DataFrame({"a": ["high"]}), {"a": 1.0}, TypeError, r"^scores\['a'\]: expected numbers"),
])
def test_weighted_index_bad_input(scores, weights, error, pattern):
    with pytest.raises(error, match=pattern):
        weighted_index(scores, weights)


def test_weighted_index_tolerates_rounding_in_weights():
    out = weighted_index(pd.DataFrame({"a": [100.0], "b": [0.0], "c": [0.0]}),
                         {"a": 0.1 + 0.2, "b": 0.3, "c": 0.4 - 1e-8})
    assert out.tolist() == pytest.approx([30.0])
