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


# --- real data: dates, refunds, time zones (issue 16) -------------------------------------------

def test_cdnow_integer_dates_are_read_as_yyyymmdd():
    import io
    # CDNOW's layout: customer id, date as YYYYMMDD, units, dollars; pd.read_csv makes int64
    csv = "id date units dollars\n1 19970101 1 11.77\n2 19970112 1 12.00\n2 19970112 5 77.00\n" \
          "1 19970325 2 20.76\n"
    tx = pd.read_csv(io.StringIO(csv), sep=" ")
    assert tx["date"].dtype == "int64"
    t = rfm.rfm_table(tx, customer="id", amount="dollars", as_of="1997-04-01")
    # 1: last 1997-03-25 -> 7 days, 2 purchases, 32.53; 2: last 1997-01-12 -> 79 days (19 + 28
    # + 31 + 1), 2 purchases, 89.00
    assert t["recency"].tolist() == [7, 79]
    assert t["frequency"].tolist() == [2, 2]
    assert t["monetary"].tolist() == pytest.approx([32.53, 89.0])


def test_yyyymmdd_as_floats_with_a_gap_reports_the_missing_date():
    tx = TX.assign(date=[20250301.0, np.nan, 20250309.0, 20250115.0, 20250201.0, 20250220.0])
    with pytest.raises(ValueError, match=r"transactions\['date'\]: missing date at label 1"):
        rfm.rfm_table(tx)
    ok = TX.assign(date=[20250301.0, 20250305.0, 20250309.0, 20250115.0, 20250201.0, 20250220.0])
    assert rfm.rfm_table(ok).equals(rfm.rfm_table(TX))


@pytest.mark.parametrize("dates, match", [
    ([45662.0] * 6, r"holds numbers, not dates \(e\.g\. 45662 at labels 0, .*unit='D', "
                    r"origin='1899-12-30'"),
    ([1735689600] * 6, r"holds numbers, not dates .*unit='s'"),          # Unix seconds
    ([20250301.5] + [20250305] * 5, r"holds numbers, not dates \(e\.g\. 2\.02503e\+07 at label 0"),
    ([19971332] + [20250305] * 5, r"19971332 at label 0 is not a date in the YYYYMMDD form"),
    ([20250230] + [20250305] * 5, r"20250230 at label 0 is not a date"),     # 30 February
    (["2025-03-01", 20250305, "2025-03-09", "2025-01-15", "2025-02-01", "2025-02-20"],
     r"20250305 at label 1 is not a date \(the column mixes"),
    ([True, False] * 3, "holds True/False"),
])
def test_numbers_that_are_not_yyyymmdd_are_refused(dates, match):
    with pytest.raises((ValueError, TypeError), match=match):
        rfm.rfm_table(TX.assign(date=dates))


def test_iso_8601_in_all_its_forms_mixed_in_one_column():
    tx = TX.assign(date=["2025-03-01 23:59", "2025-03-05", "2025-03-09T08:15:00",
                         "20250115", "2025-02-01T00:00:00.250", "2025-02-20 12:00:00"])
    assert rfm.rfm_table(tx).to_dict("list") == rfm.rfm_table(TX).to_dict("list")


def test_text_that_is_not_iso_is_refused_quoting_a_readable_value():
    tx = TX.assign(date=["2025-03-01", "03/05/2025", "2025-03-09", "2025-01-15", "2025-02-01",
                         "2025-02-20"])
    with pytest.raises(ValueError, match=r"cannot read as dates at label 1 \(e\.g\. '03/05/2025'\); "
                                         r"write every date like the readable ones, e\.g\. "
                                         r"'2025-03-01'"):
        rfm.rfm_table(tx)
    # one other layout used throughout is still read (pandas infers it from every value)
    us = TX.assign(date=pd.to_datetime(TX["date"]).dt.strftime("%m/%d/%Y"))
    assert rfm.rfm_table(us).equals(rfm.rfm_table(TX))


def test_recency_counts_calendar_days():
    tx = pd.DataFrame({"customer_id": ["early", "late", "late"],
                       "date": pd.to_datetime(["2025-03-09 00:00", "2025-03-09 23:00",
                                               "2025-03-01 12:00"]),
                       "amount": [10.0, 20.0, 5.0]})
    t = rfm.rfm_table(tx, as_of="2025-03-10 06:00")
    assert t["recency"].tolist() == [1, 1]            # same day, same recency
    # as_of on the day of the last purchase, even at an earlier hour, gives 0 days
    assert rfm.rfm_table(tx, as_of="2025-03-09 08:00")["recency"].tolist() == [0, 0]
    # the default as_of is the day after the last transaction
    assert rfm.rfm_table(tx)["recency"].tolist() == [1, 1]


def test_refunds_are_netted_and_are_not_purchases():
    tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
                       "date": ["2025-03-01", "2025-03-02", "2025-03-08", "2025-03-05"],
                       "amount": [50.0, 0.0, -20.0, 15.0]})
    t = rfm.rfm_table(tx, as_of="2025-03-10")
    # a: purchases on 03-01 (50) and 03-02 (a zero amount is a purchase), refund of 20 on 03-08:
    # recency from 03-02 (8 days), frequency 2, money 50 + 0 - 20 = 30
    assert t.loc["a"].tolist() == [8, 2, 30.0]
    assert t.loc["b"].tolist() == [5, 1, 15.0]
    only = pd.concat([tx, pd.DataFrame({"customer_id": ["c"], "date": ["2025-03-06"],
                                        "amount": [-9.0]})], ignore_index=True)
    with pytest.raises(ValueError, match=r"transactions\['amount'\]: customer\(s\) 'c' have only "
                                         r"refunds"):
        rfm.rfm_table(only, as_of="2025-03-10")


def test_time_zones_count_local_days_and_need_a_matching_as_of():
    stamps = pd.to_datetime(["2025-03-09 23:30", "2025-03-01 01:00"]).tz_localize("Asia/Shanghai")
    tx = pd.DataFrame({"customer_id": ["a", "b"], "date": stamps, "amount": [1.0, 2.0]})
    # 23:30 in Shanghai is 15:30 UTC: still 9 March there, so 1 day before 10 March
    t = rfm.rfm_table(tx, as_of=pd.Timestamp("2025-03-10", tz="Asia/Shanghai"))
    assert t["recency"].tolist() == [1, 9]
    same = rfm.rfm_table(tx, as_of=pd.Timestamp("2025-03-09 18:00", tz="UTC"))  # 10 March local
    assert same["recency"].tolist() == [1, 9]
    assert rfm.rfm_table(tx)["recency"].tolist() == [1, 9]
    with pytest.raises(ValueError, match=r"as_of: '2025-03-10' has no time zone but "
                                         r"transactions\['date'\] are in time zone Asia/Shanghai"):
        rfm.rfm_table(tx, as_of="2025-03-10")
    with pytest.raises(ValueError, match="as_of: .* has a time zone .* have none"):
        rfm.rfm_table(TX, as_of=pd.Timestamp("2025-04-01", tz="UTC"))
    mixed = TX.assign(date=["2025-03-01T10:00+08:00", "2025-03-05T10:00+01:00"] + list(TX["date"][2:]))
    with pytest.raises(ValueError, match="different time zones"):
        rfm.rfm_table(mixed)


def test_categorical_and_shared_text_keys_give_the_same_table():
    big = pd.DataFrame({"customer_id": np.array([f"C{i:04d}" for i in range(3_000)],
                                                dtype=object)[np.arange(300_000) * 7 % 3_000],
                        "date": pd.Timestamp("2025-01-01")
                        + pd.to_timedelta(np.arange(300_000) % 365, unit="D"),
                        "amount": (np.arange(300_000) % 97) + 0.25})
    plain = rfm.rfm_table(big, as_of="2026-01-01")     # shared str objects: the identity path
    codes, uniques = pd.factorize(big["customer_id"].to_numpy(), sort=True)
    assert list(plain.index) == list(uniques)
    assert plain["frequency"].tolist() == np.bincount(codes).tolist()
    cat = rfm.rfm_table(big.assign(customer_id=big["customer_id"].astype("category")),
                        as_of="2026-01-01")
    assert cat.reset_index(drop=True).equals(plain.reset_index(drop=True))
    assert list(cat.index) == list(plain.index)
    with pytest.raises(ValueError, match=r"missing customer at label 5"):
        rfm.rfm_table(big.assign(customer_id=big["customer_id"].where(big.index != 5)))


def test_messages_show_plain_row_labels():
    tx = TX.assign(amount=[20.0, np.nan, 25.0, 100.0, 5.0, 10.0])
    with pytest.raises(ValueError) as err:
        rfm.rfm_table(tx)
    assert "at label 1" in str(err.value) and "np.int64" not in str(err.value)
