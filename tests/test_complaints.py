"""Tests for crmlib.complaints: the complaint iceberg, the silent ratio, complaints-log analysis,
the figures and the teaching tables of complaint handling and service recovery."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmlib import complaints, servqual
from crmlib.complaints import (TARP_REPURCHASE, IcebergResult, compare_handling,
                               complaint_iceberg, silent_ratio)

# --- TARP figures -------------------------------------------------------------------------------


def test_tarp_repurchase_table():
    # TARP (1979/1986) via Albrecht & Zemke (1985): major problems 9 / 19 / 54 / 82 %,
    # minor problems 37 / 46 / 70 / 95 %
    assert TARP_REPURCHASE.loc["major"].tolist() == [0.09, 0.19, 0.54, 0.82]
    assert TARP_REPURCHASE.loc["minor"].tolist() == [0.37, 0.46, 0.70, 0.95]
    # better handling, more customers kept, in both rows
    assert (TARP_REPURCHASE.diff(axis=1).iloc[:, 1:] > 0).all().all()


def test_iceberg_defaults_by_hand():
    r = complaint_iceberg(100)
    assert r.silent == 2_600                    # 100 × 26
    assert r.unhappy == 2_700                   # 100 + 2,600
    assert (r.unresolved, r.resolved_slowly, r.resolved_quickly) == (50, 25, 25)
    # 2,600 × 0.09 + 50 × 0.19 + 25 × 0.54 + 25 × 0.82 = 234 + 9.5 + 13.5 + 20.5 = 277.5
    assert r.retained == pytest.approx(277.5)
    assert r.lost == pytest.approx(2_422.5)
    assert r.bad_stories == pytest.approx(23_850)   # (2,600 + 50) × 9
    assert r.good_stories == pytest.approx(250)     # 50 × 5
    assert r.value_lost == pytest.approx(2_422.5)   # customer_value 1: counts customers


def test_iceberg_hand_computed_non_default():
    # 40 complaints, 5 silent each = 200 silent, 240 unhappy; 75 % resolved, 80 % of those fast:
    # unresolved 10, slow 6, quick 24; minor rates: 200 × .37 + 10 × .46 + 6 × .70 + 24 × .95
    # = 74 + 4.6 + 4.2 + 22.8 = 105.6 retained, 134.4 lost, × 300 = 40,320
    r = complaint_iceberg(40, silent_per_complaint=5, resolved_share=0.75, quick_share=0.8,
                          problem="minor", people_told_unhappy=10, people_told_resolved=4,
                          customer_value=300)
    assert r.unhappy == 240
    assert (r.unresolved, r.resolved_slowly, r.resolved_quickly) == pytest.approx((10, 6, 24))
    assert r.retained == pytest.approx(105.6)
    assert r.lost == pytest.approx(134.4)
    assert r.value_lost == pytest.approx(40_320)
    assert r.bad_stories == pytest.approx(2_100)    # (200 + 10) × 10
    assert r.good_stories == pytest.approx(120)     # 30 × 4


def test_repurchase_rates_can_be_overridden():
    r = complaint_iceberg(10, silent_per_complaint=0, resolved_share=0, repurchase_unresolved=0.5)
    assert r.retained == 5
    assert r.assumptions["repurchase_unresolved"] == 0.5
    assert r.assumptions["repurchase_quickly"] == 0.82     # the others stay TARP's


def test_assumptions_recorded_and_read_only():
    r = complaint_iceberg(3)
    assert dict(r.assumptions) == {
        "complaints": 3, "silent_per_complaint": 26, "resolved_share": 0.5, "quick_share": 0.5,
        "repurchase_silent": 0.09, "repurchase_unresolved": 0.19, "repurchase_resolved": 0.54,
        "repurchase_quickly": 0.82, "people_told_unhappy": 9, "people_told_resolved": 5,
        "customer_value": 1}
    with pytest.raises(TypeError):
        r.assumptions["complaints"] = 4  # type: ignore[index]
    assert r == complaint_iceberg(3) and hash(r) == hash(complaint_iceberg(3))
    assert isinstance(r, IcebergResult)


def test_steps_table_and_text():
    r = complaint_iceberg(100)
    steps = r.steps
    assert list(steps.columns) == ["step", "formula", "value", "unit"]
    assert len(steps) == 11
    values = dict(zip(steps["step"], steps["value"]))
    assert values["customers lost"] == r.lost and values["people told a bad story"] == 23_850
    assert steps["formula"].iloc[1] == "100 × 26"
    assert steps["formula"].iloc[6] == "2,600 × 0.09 + 50 × 0.19 + 25 × 0.54 + 25 × 0.82"
    assert str(r) == ("100 complaints suggest 2,700 unhappy customers, of whom about 2,422 will "
                      "not come back; 23,850 people hear a bad story.")
    assert str(complaint_iceberg(1, silent_per_complaint=0, resolved_share=0)) == (
        "1 complaint suggests 1 unhappy customer, of whom about 0.8 will not come back; "
        "9 people hear a bad story.")
    assert "<table" in r._repr_html_() and "2,700 unhappy" in r._repr_html_()


def test_zero_complaints():
    r = complaint_iceberg(0)
    assert r.unhappy == r.lost == r.bad_stories == 0
    assert "0 complaints" in str(r)


NUMBERS = ["complaints", "silent_per_complaint", "people_told_unhappy", "people_told_resolved",
           "customer_value"]
SHARES = ["resolved_share", "quick_share", "repurchase_silent", "repurchase_unresolved",
          "repurchase_resolved", "repurchase_quickly"]
BAD = ([(n, -1, ValueError) for n in NUMBERS] + [(n, 1.2, ValueError) for n in SHARES]
       + [(n, -0.1, ValueError) for n in SHARES] + [(n, "5", TypeError) for n in NUMBERS + SHARES]
       + [(n, True, TypeError) for n in NUMBERS + SHARES]
       + [(n, math.nan, ValueError) for n in NUMBERS + SHARES]
       + [("problem", "huge", ValueError), ("problem", 1, TypeError)])


@pytest.mark.parametrize("name, value, error", BAD)
def test_bad_inputs_name_the_parameter(name, value, error):
    args = {"complaints": 10, name: value}
    with pytest.raises(error, match=name):
        complaint_iceberg(**args)


def test_compare_handling():
    table = compare_handling({"ignored": {"resolved_share": 0},
                              "slow": {"resolved_share": 1, "quick_share": 0},
                              "on the spot": {"resolved_share": 1, "quick_share": 1}},
                             complaints=1, silent_per_complaint=0, customer_value=10_000)
    assert list(table.index) == ["ignored", "slow", "on the spot"]
    assert table["retained"].tolist() == pytest.approx([0.19, 0.54, 0.82])
    # the yogurt family: (0.82 - 0.19) × 10,000 = 6,300 kept by handling it on the spot
    assert table.loc["ignored", "value_lost"] - table.loc["on the spot", "value_lost"] == \
        pytest.approx(6_300)
    assert table["bad_stories"].tolist() == pytest.approx([9, 0, 0])


@pytest.mark.parametrize("scenarios, error, match", [
    ({}, TypeError, "scenarios"), ([1], TypeError, "scenarios"),
    ({"x": 1}, TypeError, r"scenarios\['x'\]"),
    ({"x": {"resolved_share": 2}}, ValueError, "resolved_share"),
    ({"x": {"resolved": 1}}, TypeError, "resolved"),
])
def test_compare_handling_bad_input(scenarios, error, match):
    with pytest.raises(error, match=match):
        compare_handling(scenarios, complaints=1)


# --- properties ---------------------------------------------------------------------------------

shares = st.floats(0, 1)


@given(c=st.floats(0, 1e5), k=st.floats(0, 100), r=shares, q=shares,
       problem=st.sampled_from(["major", "minor"]))
def test_lost_between_zero_and_unhappy(c, k, r, q, problem):
    res = complaint_iceberg(c, silent_per_complaint=k, resolved_share=r, quick_share=q,
                            problem=problem)
    assert -1e-9 <= res.lost <= res.unhappy + 1e-9
    assert res.unresolved + res.resolved_slowly + res.resolved_quickly == pytest.approx(c)


@given(a=shares, b=shares, q=shares, c=st.floats(0, 1e4))
def test_better_handling_never_loses_more(a, b, q, c):
    low, high = sorted((a, b))
    worse = complaint_iceberg(c, resolved_share=low, quick_share=q)
    better = complaint_iceberg(c, resolved_share=high, quick_share=q)
    assert better.lost <= worse.lost + 1e-9
    assert better.bad_stories <= worse.bad_stories + 1e-9


@given(a=st.floats(0, 100), b=st.floats(0, 100))
def test_more_silence_more_unhappy(a, b):
    low, high = sorted((a, b))
    assert complaint_iceberg(10, silent_per_complaint=low).unhappy <= \
        complaint_iceberg(10, silent_per_complaint=high).unhappy


# --- silent ratio -------------------------------------------------------------------------------

def test_silent_ratio_by_hand():
    # 4 guests with a problem, 1 complained: 3 silent per complaint
    assert silent_ratio([1, 1, 1, 1, 0, 0], [1, 0, 0, 0, None, None]) == 3
    had = pd.Series([True, True, True, False], index=list("abcd"))
    said = pd.Series([True, True, pd.NA, pd.NA], index=list("abcd"), dtype="boolean")
    assert silent_ratio(had, said) == 0.5          # the blank answer counts as not complained
    assert silent_ratio(np.array([True, True]), np.array([True, False])) == 1


@pytest.mark.parametrize("had, said, error, match", [
    ([1, 1], [1], ValueError, "same length"),
    ([1, 2], [1, 0], ValueError, r"had_problem: expected True/False \(or 1/0\), found 2"),
    ([1, 1], ["yes", 0], ValueError, "complained: expected True/False"),
    ([0, 1], [1, 1], ValueError, r"complained: respondent at position 0 complained without"),
    ([1, 1], [0, 0], ValueError, r"none of the 2 respondents with a problem complained"),
    ([1, None], [1, 0], ValueError, "had_problem: has missing answers"),
    ("yes", [1], TypeError, "had_problem"),
    ([1], {"a": 1}, TypeError, "complained"),
])
def test_silent_ratio_bad_input(had, said, error, match):
    with pytest.raises(error, match=match):
        silent_ratio(had, said)


def test_silent_ratio_names_the_label():
    had = pd.Series([False, True], index=["G1", "G2"])
    with pytest.raises(ValueError, match="label 'G1'"):
        silent_ratio(had, pd.Series([True, True], index=["G1", "G2"]))


# --- the log helpers ----------------------------------------------------------------------------

@pytest.fixture
def log():
    return pd.DataFrame({
        "date": pd.to_datetime(["2025-01-05", "2025-01-20", "2025-03-02", "2025-03-09",
                                "2025-03-30"]),
        "category": ["noise", "billing", "billing", "billing", "noise"],
        "channel": ["front desk", "e-mail", "front desk", "phone", "front desk"],
        "resolution_hours": [1.0, 30.0, 2.0, 100.0, 5.0],
        "outcome": ["resolved", "resolved", "partly resolved", "not resolved", "resolved"],
        "repurchased": [True, False, True, False, True],
    })


def test_resolution_bands():
    assert complaints.resolution_bands([0, 24, 24.1, 72, 72.5]).tolist() == [
        "within 24 h", "within 24 h", "24-72 h", "24-72 h", "over 72 h"]
    assert complaints.resolution_bands(3) == "within 24 h"
    hours = pd.Series([1.0, np.nan, 200.0], index=["x", "y", "z"], name="h")
    bands = complaints.resolution_bands(hours, edges=[2, 48, 168])
    assert list(bands.index) == ["x", "y", "z"] and bands.name == "h"
    assert list(bands.cat.categories) == ["within 2 h", "2-48 h", "48-168 h", "over 168 h"]
    assert bands.cat.ordered and pd.isna(bands["y"]) and bands["z"] == "over 168 h"


@pytest.mark.parametrize("hours, edges, error, match", [
    ([-1], (24,), ValueError, "hours: resolution times must be zero or more"),
    ([1], (72, 24), ValueError, "edges: expected increasing"),
    ([1], (), ValueError, "edges"),
    ([1], (-5,), ValueError, "edges"),
    ("5", (24,), TypeError, "hours"),
])
def test_resolution_bands_bad_input(hours, edges, error, match):
    with pytest.raises(error, match=match):
        complaints.resolution_bands(hours, edges)


def test_handling_path(log):
    path = complaints.handling_path(log["outcome"], log["resolution_hours"])
    assert path.tolist() == ["resolved quickly", "resolved later", "partly resolved",
                             "not resolved", "resolved quickly"]
    assert list(path.cat.categories) == list(complaints.HANDLING_PATHS)
    assert complaints.handling_path(log["outcome"], log["resolution_hours"],
                                    quick_hours=48).iloc[1] == "resolved quickly"


@pytest.mark.parametrize("outcome, hours, error, match", [
    ("resolved", [1], TypeError, "outcome"),
    (["resolved"], [1, 2], ValueError, "same length"),
    (["resolved"], [-1], ValueError, "hours"),
    (["resolved"], [np.nan], ValueError, "hours"),
])
def test_handling_path_bad_input(outcome, hours, error, match):
    with pytest.raises(error, match=match):
        complaints.handling_path(outcome, hours)


def test_pareto(log):
    table = complaints.pareto(log["category"])
    assert table["count"].tolist() == [3, 2]
    assert table["share"].tolist() == [0.6, 0.4]
    assert table["cumulative_share"].tolist() == pytest.approx([0.6, 1.0])
    # ties are broken alphabetically so the order is reproducible
    assert list(complaints.pareto(["b", "a", "c", "a", "b"]).index) == ["a", "b", "c"]


@pytest.mark.parametrize("bad, error", [("noise", TypeError), ([], ValueError),
                                        (["a", None], ValueError), ([["a"]], TypeError)])
def test_pareto_bad_input(bad, error):
    with pytest.raises(error, match="categories"):
        complaints.pareto(bad)


def test_log_summary(log):
    table = complaints.log_summary(log)
    assert list(table.index) == ["billing", "noise"]
    assert table.loc["billing"].tolist() == pytest.approx([3, 0.6, 30.0, 1 / 3, 1 / 3])
    assert table.loc["noise", "median_hours"] == 3.0            # median of 1 and 5
    by_channel = complaints.log_summary(log, by="channel")
    assert by_channel.loc["front desk", "complaints"] == 3


def test_repurchase_by(log):
    table = complaints.repurchase_by(log, "outcome")
    assert table.loc["resolved"].tolist() == pytest.approx([3, 2, 2 / 3])
    both = complaints.repurchase_by(log, ["category", "outcome"])
    assert both.loc[("billing", "resolved"), "rate"] == 0
    categorical = log.assign(outcome=pd.Categorical(
        log["outcome"], categories=["resolved", "partly resolved", "not resolved"]))
    assert list(complaints.repurchase_by(categorical, "outcome").index) == [
        "resolved", "partly resolved", "not resolved"]


def test_monthly_counts(log):
    counts = complaints.monthly_counts(log)
    assert [str(p) for p in counts.index] == ["2025-01", "2025-02", "2025-03"]
    assert counts["billing"].tolist() == [1, 0, 2]
    total = complaints.monthly_counts(log, by=None)
    assert total["complaints"].tolist() == [2, 0, 3]


@pytest.mark.parametrize("call, error, match", [
    (lambda: complaints.log_summary([1, 2]), TypeError, "log: expected the complaints log"),
    (lambda: complaints.log_summary(pd.DataFrame({"x": [1]})), ValueError,
     r"log: has no column\(s\) \['category'"),
    (lambda: complaints.repurchase_by(pd.DataFrame(columns=["outcome", "repurchased"]),
                                      "outcome"), ValueError, "log: has no complaints"),
    (lambda: complaints.repurchase_by(pd.DataFrame({"outcome": ["a"], "repurchased": [None]}),
                                      "outcome"), ValueError, "missing values"),
    (lambda: complaints.monthly_counts(pd.DataFrame({"date": ["x"], "category": ["a"]})),
     ValueError, "unreadable dates"),
])
def test_log_helpers_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --- figures ----------------------------------------------------------------------------------

def test_plot_iceberg_areas_to_scale():
    from crmlib import plotting

    ax = complaints.plot_iceberg(complaint_iceberg(100))
    texts = [t.get_text() for t in ax.texts]
    assert "100 complaints" in texts and "2,600 silent\nunhappy customers" in texts
    assert ax.get_title() == "The complaint iceberg: 26 silent per complaint"
    diamond = ax.patches[0].get_xy()
    top = diamond[:, 1].max()
    # the tip above the water is a triangle similar to the upper half of the diamond (area 1.4
    # of 2.8): its area share is (tip height / half height)^2 / 2 = 1/27
    assert (top / 1.0) ** 2 / 2 == pytest.approx(1 / 27)
    plotting.close(ax.figure)
    with pytest.raises(TypeError, match="result"):
        complaints.plot_iceberg(100)


def test_plot_pareto_monthly_repurchase(log):
    from crmlib import plotting

    ax = complaints.plot_pareto(complaints.pareto(log["category"]))
    assert [b.get_height() for b in ax.patches] == [3, 2]
    plotting.close(ax.figure)

    ax = complaints.plot_monthly(complaints.monthly_counts(log), highlight=["billing"])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["billing"]
    assert list(ax.get_lines()[0].get_ydata()) == [1, 0, 2]
    plotting.close(ax.figure)

    table = complaints.repurchase_by(log, "outcome")
    ax = complaints.plot_repurchase(table, reference={"resolved": 0.54}, reference_label="TARP")
    assert [round(b.get_height(), 1) for b in ax.patches] == [66.7, 100.0, 0.0]
    assert [t.get_text() for t in ax.texts] == ["67%\n(n=3)", "100%\n(n=1)", "0%\n(n=1)"]
    line = ax.collections[0]
    assert line.get_label() == "TARP"
    assert line.get_segments()[0].ravel().tolist() == pytest.approx([-0.3, 54.0, 0.3, 54.0])
    plotting.close(ax.figure)


@pytest.mark.parametrize("call, error, match", [
    (lambda: complaints.plot_pareto(pd.DataFrame({"x": [1]})), TypeError, "table"),
    (lambda: complaints.plot_repurchase([0.5]), TypeError, "table"),
    (lambda: complaints.plot_monthly([1]), TypeError, "counts"),
    (lambda: complaints.plot_monthly(pd.DataFrame({"a": [1]}), highlight=["b"]), ValueError,
     r"highlight: \['b'\]"),
])
def test_plots_reject_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --- teaching tables ----------------------------------------------------------------------------

def test_handling_steps_in_order():
    steps = complaints.handling_steps()
    assert list(steps.index) == list(range(1, 9))
    assert steps["step"].iloc[[0, 1, 2, -1]].tolist() == [
        "receive and calm", "listen", "apologise and empathise", "record and improve"]
    assert steps["chinese"].str.contains(r"[\u4e00-\u9fff]").all()


def test_yogurt_review_follows_the_steps():
    review = complaints.yogurt_case_review()
    assert review["step"].tolist() == complaints.handling_steps()["step"].tolist()
    assert set(review["done"]) <= {"no", "partly", "yes"}
    assert (review["done"] == "no").sum() == 7


def test_f_hotel_practices_match_the_servqual_items():
    practices = complaints.f_hotel_practices()
    items = servqual.ITEMS.loc[practices["item"], "dimension"].tolist()
    assert items == practices["dimension"].tolist()      # each item belongs to its dimension
    assert practices["dimension"].value_counts().to_dict() == {
        "empathy": 4, "responsiveness": 1, "assurance": 1}
    assert (practices["quality"] == "functional").all()


def test_other_tables():
    management = complaints.complaint_management()
    assert management["chinese"].tolist()[:3] == ["保持消费者", "持续改进",
                                                  "建立一个关注消费者的组织"]
    assert "降低投诉门槛" in management["chinese"].tolist()
    assert len(complaints.service_recovery()) == 6
    assert complaints.why_customers_stay_silent().shape == (5, 2)


# --- the course's data set ----------------------------------------------------------------------

def test_complaints_log_tells_the_chapter_story():
    from crmlib import data

    log = data.load("complaints_log")
    assert len(log) == data.schema("complaints_log")["rows"]
    monthly = complaints.monthly_counts(log)["billing error"]
    summer = monthly.loc["2025-07":"2025-09"].mean()
    spring = monthly.loc["2025-01":"2025-06"].mean()
    assert summer > 2.5 * spring                    # the new billing system, from July
    rates = complaints.repurchase_by(
        log.assign(handling=complaints.handling_path(log["outcome"], log["resolution_hours"])),
        "handling")["rate"]
    assert rates.is_monotonic_decreasing            # the faster and fuller, the more come back
    survey = data.load("servqual_survey")
    ratio = silent_ratio(survey["had_problem"], survey["complained"])
    assert 3 < ratio < 10                           # far below TARP's 26
    assert complaint_iceberg(len(log)).unhappy > 24_000 > complaint_iceberg(
        len(log), silent_per_complaint=ratio).unhappy


def test_tarp_readings():
    # Albrecht & Zemke's passage: 26 "with problems" per complaint, and "96 % never complain"
    table = complaints.tarp_readings(1_006)
    assert table["silent"].tolist() == [26_156.0, 25_150.0, 24_144.0]   # 1,006 × 26, 25, 24
    assert table["unhappy"].tolist() == [27_162.0, 26_156.0, 25_150.0]  # plus the complainers
    assert complaints.complaint_iceberg(1_006).unhappy == table["unhappy"].iloc[0]
    with pytest.raises(ValueError, match="complaints"):
        complaints.tarp_readings(-1)
