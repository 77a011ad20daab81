"""Tests for crmlib.rfm: the RFM table (against a plain loop), quintile scores, the eight named
segments, profiles, figures, every bad input, and the transactions data set."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlib import data, rfm

TX = pd.DataFrame({
    "customer_id": ["a", "b", "a", "c", "b", "a"],
    "date": ["2025-03-01", "2025-03-05", "2025-03-09", "2025-01-15", "2025-02-01", "2025-02-20"],
    "amount": [20.0, 15.0, 25.0, 100.0, 5.0, 10.0],
})


# --- the table ---------------------------------------------------------------------------------

def test_rfm_table_by_hand():
    # as_of defaults to the day after the last purchase: 2025-03-10
    # a: last 03-09 -> 1 day, 3 purchases, 55; b: last 03-05 -> 5 days, 2, 20;
    # c: last 01-15 -> 54 days, 1, 100
    t = rfm.rfm_table(TX)
    assert t.index.name == "customer_id" and list(t.index) == ["a", "b", "c"]
    assert t.to_dict("list") == {"recency": [1, 5, 54], "frequency": [3, 2, 1],
                                 "monetary": [55.0, 20.0, 100.0]}


def test_rfm_table_with_as_of_and_other_column_names():
    renamed = TX.rename(columns={"customer_id": "member", "date": "day", "amount": "paid"})
    t = rfm.rfm_table(renamed, customer="member", date="day", amount="paid", as_of="2025-04-01")
    assert t.index.name == "member"
    assert t["recency"].tolist() == [23, 27, 76]       # 2025-04-01 minus 03-09, 03-05, 01-15


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcde"), st.integers(0, 364),
                          st.floats(0, 500, allow_nan=False)), min_size=1, max_size=40))
def test_rfm_table_equals_a_plain_loop(rows):
    tx = pd.DataFrame({"customer_id": [r[0] for r in rows],
                       "date": pd.Timestamp("2025-01-01") + pd.to_timedelta([r[1] for r in rows],
                                                                             unit="D"),
                       "amount": [r[2] for r in rows]})
    t = rfm.rfm_table(tx, as_of="2026-01-01")
    for customer in sorted({r[0] for r in rows}):
        mine = [r for r in rows if r[0] == customer]
        assert t.loc[customer, "recency"] == 365 - max(r[1] for r in mine)
        assert t.loc[customer, "frequency"] == len(mine)
        assert t.loc[customer, "monetary"] == pytest.approx(sum(r[2] for r in mine))


@pytest.mark.parametrize("kwargs, tx, error, match", [
    ({}, [1, 2], TypeError, "transactions: expected a DataFrame"),
    ({"amount": "paid"}, TX, ValueError, r"has no column\(s\) \['paid'\]"),
    ({}, TX.iloc[:0], ValueError, "transactions: is empty"),
    ({}, TX.assign(date=["2025-03-01", "yesterday"] + list(TX["date"][2:])), ValueError,
     r"transactions\['date'\]: cannot read as dates at label 1 \(e.g. 'yesterday'\)"),
    ({}, TX.assign(date=[None] + list(TX["date"][1:])), ValueError,
     r"transactions\['date'\]: missing date"),
    ({}, TX.assign(customer_id=[None] + list(TX["customer_id"][1:])), ValueError,
     r"transactions\['customer_id'\]: missing customer"),
    ({}, TX.assign(amount=[np.nan] + list(TX["amount"][1:])), ValueError,
     r"transactions\['amount'\]: missing value"),
    ({"as_of": "2025-03-01"}, TX, ValueError, "as_of: 2025-03-01 is before the last purchase"),
    ({"as_of": "soon"}, TX, ValueError, "as_of: cannot read 'soon' as a date"),
])
def test_rfm_table_rejects(kwargs, tx, error, match):
    with pytest.raises(error, match=match):
        rfm.rfm_table(tx, **kwargs)


# --- scores ------------------------------------------------------------------------------------

def test_quintile_scores_by_hand():
    rfm_ = pd.DataFrame({"recency": [1, 5, 30, 90, 200], "frequency": [40, 20, 10, 5, 1],
                         "monetary": [900.0, 50.0, 400.0, 80.0, 10.0]}, index=list("vwxyz"))
    s = rfm.rfm_scores(rfm_)
    assert s["R"].tolist() == [5, 4, 3, 2, 1]     # most recent scores 5
    assert s["F"].tolist() == [5, 4, 3, 2, 1]
    assert s["M"].tolist() == [5, 2, 4, 3, 1]
    assert s["RFM"].tolist() == ["555", "442", "334", "223", "111"]
    assert s["total"].tolist() == [15, 10, 10, 7, 3]
    assert list(s.index) == list("vwxyz")


def test_ties_share_a_score():
    # frequencies 1, 1, 1, 1, 9, 9, 9, 9, 9, 9: average ranks 2.5/10 and 7.5/10 of 10
    # -> ceil(0.25 x 5) = 2 and ceil(0.75 x 5) = 4
    f = pd.DataFrame({"recency": range(10), "frequency": [1] * 4 + [9] * 6,
                      "monetary": range(10)})
    assert rfm.rfm_scores(f)["F"].tolist() == [2] * 4 + [4] * 6


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 365), st.integers(1, 80), st.floats(0, 1e4)),
                min_size=1, max_size=60), st.integers(2, 10))
def test_scores_are_between_1_and_bins_and_monotone(rows, bins):
    table = pd.DataFrame(rows, columns=["recency", "frequency", "monetary"])
    s = rfm.rfm_scores(table, bins=bins)
    for col in "RFM":
        assert s[col].between(1, bins).all()
    # a customer with strictly more money never has a lower M score
    order = table["monetary"].argsort(kind="stable").to_numpy()
    assert (np.diff(s["M"].to_numpy()[order]) >= 0).all()
    order = table["recency"].argsort(kind="stable").to_numpy()
    assert (np.diff(s["R"].to_numpy()[order]) <= 0).all()


@pytest.mark.parametrize("arg, kwargs, error, match", [
    ([1, 2], {}, TypeError, "rfm: expected the DataFrame"),
    (pd.DataFrame({"recency": [1]}), {}, ValueError, r"has no column\(s\) \['frequency', "),
    (pd.DataFrame({"recency": [1], "frequency": [1], "monetary": [1.0]}), {"bins": 1}, ValueError,
     "bins: a whole number of groups from 2 to 10"),
    (pd.DataFrame({"recency": [1], "frequency": [1], "monetary": [1.0]}), {"bins": 2.5},
     ValueError, "bins"),
    (pd.DataFrame({"recency": [1], "frequency": [1], "monetary": [np.nan]}), {}, ValueError,
     r"rfm\['monetary'\]: missing value"),
])
def test_scores_reject(arg, kwargs, error, match):
    with pytest.raises(error, match=match):
        rfm.rfm_scores(arg, **kwargs)


# --- segments ----------------------------------------------------------------------------------

def test_all_eight_segments_by_hand():
    high, low = 5, 1
    combos = [(high, high, high), (high, low, high), (low, high, high), (low, low, high),
              (high, high, low), (high, low, low), (low, high, low), (low, low, low)]
    scores = pd.DataFrame(combos, columns=["R", "F", "M"])
    assert rfm.rfm_segment(scores).tolist() == list(rfm.RFM_SEGMENTS)


def test_segment_table_matches_the_classifier():
    table = rfm.rfm_segments()
    assert list(table.index) == list(rfm.RFM_SEGMENTS)
    level = {"high": 5, "low": 1}
    scores = pd.DataFrame({c: table[c].map(level) for c in "RFM"})
    assert rfm.rfm_segment(scores).tolist() == list(table.index)
    assert table.loc["important value", "chinese"] == "重要价值客户"


def test_cut_decides_high():
    s = pd.DataFrame({"R": [3, 4], "F": [3, 4], "M": [3, 4]}, index=["x", "y"])
    assert rfm.rfm_segment(s).tolist() == ["general win-back", "important value"]   # > 3 is high
    assert rfm.rfm_segment(s, cut=2).tolist() == ["important value", "important value"]
    assert list(rfm.rfm_segment(s).index) == ["x", "y"]


@pytest.mark.parametrize("arg, kwargs, error, match", [
    ("RFM", {}, TypeError, "scores: expected the DataFrame"),
    (pd.DataFrame({"R": [1], "F": [1]}), {}, ValueError, r"has no column\(s\) \['M'\]"),
    (pd.DataFrame({"R": [1], "F": [1], "M": [1]}), {"cut": "3"}, TypeError, "cut: expected"),
])
def test_segment_rejects(arg, kwargs, error, match):
    with pytest.raises(error, match=match):
        rfm.rfm_segment(arg, **kwargs)


def test_segment_profile_by_hand():
    table = pd.DataFrame({"recency": [1, 3, 50], "frequency": [10, 20, 2],
                          "monetary": [300.0, 500.0, 200.0]})
    seg = pd.Series(["important value", "important value", "general win-back"])
    p = rfm.segment_profile(table, seg)
    assert list(p.index) == ["important value", "general win-back"]
    assert p.loc["important value", "customers"] == 2
    assert p.loc["important value", "recency"] == 2.0 and p.loc["important value", "monetary"] == 400
    assert p["revenue_share"].tolist() == pytest.approx([0.8, 0.2])
    assert p["customer_share"].sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="segments: 1 labels for 3 customers"):
        rfm.segment_profile(table, ["x"])
    with pytest.raises(TypeError, match="rfm: expected"):
        rfm.segment_profile(table[["recency"]], seg)


def test_figures():
    table = pd.DataFrame({"recency": [1, 3, 50], "frequency": [10, 20, 2],
                          "monetary": [300.0, 500.0, 200.0]})
    scores = rfm.rfm_scores(table)
    p = rfm.segment_profile(table, rfm.rfm_segment(scores))
    ax = rfm.plot_rfm_segments(p)
    assert len(ax.patches) == 2 * len(p)
    grid = rfm.plot_rf_grid(scores)
    counts = grid.images[0].get_array()
    assert counts.sum() == 3 and counts.shape == (5, 5)
    mean = rfm.plot_rf_grid(scores, values=table["monetary"])
    assert "mean value" in mean.get_title()
    with pytest.raises(TypeError, match="profile: expected"):
        rfm.plot_rfm_segments(table)
    with pytest.raises(TypeError, match="scores: expected"):
        rfm.plot_rf_grid(table)
    with pytest.raises(ValueError, match="values: 2 values for 3 customers"):
        rfm.plot_rf_grid(scores, values=[1.0, 2.0])


# --- the data set ------------------------------------------------------------------------------

def test_rfm_on_the_transactions_matches_the_customer_table():
    tx = data.load("value_transactions")
    t = rfm.rfm_table(tx, as_of="2026-01-01")
    customers = data.load("value_customers").set_index("customer_id")
    assert len(t) == len(customers) == 2000
    assert t["frequency"].to_dict() == customers["visits_12m"].astype(int).to_dict()
    assert (t["monetary"] - customers["revenue_12m"]).abs().max() < 0.01
    assert t["recency"].between(1, 365).all()
    seg = rfm.rfm_segment(rfm.rfm_scores(t))
    assert set(seg) == set(rfm.RFM_SEGMENTS)          # every segment is represented
