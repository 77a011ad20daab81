"""Tests for crmlib.customer_value: current value by the source's formula, potential value as
discounted net cash flow, the index systems, the value index, the current x potential value
matrix, and the value_customers data set that feeds them."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlib import ahp, data
from crmlib import customer_value as cv


# --- current value -----------------------------------------------------------------------------

def test_current_value_by_the_source_formula():
    # net profit = 5,200 - 3,900 - 25 - 175 = 1,100
    assert cv.current_value(5200, 3900, 25, 175) == 1100.0
    assert isinstance(cv.current_value(5200, 3900), float)
    assert cv.current_value(5200, 3900) == 1300.0          # marketing costs default to 0


def test_current_value_keeps_the_series_index_and_broadcasts():
    rev = pd.Series([100.0, 80.0], index=["a", "b"], name="rev")
    out = cv.current_value(rev, [60, 70], 5, pd.Series([10.0, 20.0], index=["a", "b"]))
    assert out.to_dict() == {"a": 25.0, "b": -15.0}        # 100-60-5-10, 80-70-5-20
    assert out.name == "current_value"
    assert cv.current_value(np.array([10.0, 20.0]), 5).tolist() == [5.0, 15.0]


def test_net_profit_from_margin():
    # 12.5 x 80 - 150 = 850
    assert cv.net_profit_from_margin(12.5, 80, 150) == 850.0
    assert cv.net_profit_from_margin([2.0, 3.0], [10, 10]).tolist() == [20.0, 30.0]


@pytest.mark.parametrize("call, error, match", [
    (lambda: cv.current_value(100, -5), ValueError, "production_cost: a cost must be zero or more"),
    (lambda: cv.current_value(100, 50, fixed_marketing_cost=-1), ValueError,
     "fixed_marketing_cost: a cost must be zero or more"),
    (lambda: cv.current_value([1, 2, 3], [1, 2]), ValueError, "different lengths"),
    (lambda: cv.current_value("100", 5), TypeError, "revenue: expected numbers"),
    (lambda: cv.current_value([100, np.nan], 5), ValueError, "revenue: missing value"),
    (lambda: cv.current_value(pd.Series([1.0], index=["a"]), pd.Series([1.0], index=["b"])),
     ValueError, "production_cost: is a Series with a different index"),
    (lambda: cv.net_profit_from_margin(1, -2), ValueError, "quantity: must be zero or more"),
    (lambda: cv.net_profit_from_margin(1, 2, -3), ValueError, "service_cost: must be zero or more"),
])
def test_current_value_rejects(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --- potential value ---------------------------------------------------------------------------

def test_potential_value_by_hand():
    # 1000/1.1 + 1000/1.21 + 1000/1.331 = 909.09 + 826.45 + 751.31 = 2486.85
    assert round(cv.potential_value(1000, 3, discount_rate=0.1), 2) == 2486.85
    # growth equal to the discount rate: every year is worth 1000/1.1 today
    assert cv.potential_value(1000, 3, 0.1, growth=0.1) == pytest.approx(3000 / 1.1)
    # no discounting: the plain sum
    assert cv.potential_value(800, 5, discount_rate=0.0) == pytest.approx(4000)
    # a customer who has left has no potential value
    assert cv.potential_value(800, 0) == 0.0


def test_growth_just_off_the_discount_rate():
    # r = 1.000000001: the sum is 10 x 1000/1.08 plus a tiny correction
    by_loop = sum(1000 * 1.080000001 ** (t - 1) / 1.08 ** t for t in range(1, 11))
    assert cv.potential_value(1000, 10, 0.08, growth=0.080000001) == pytest.approx(by_loop,
                                                                                  rel=1e-12)


def test_potential_value_timing():
    end = cv.potential_value(1000, 3, 0.1)
    start = cv.potential_value(1000, 3, 0.1, timing="start")
    assert start == pytest.approx(end * 1.1)              # 1000 + 909.09 + 826.45
    assert start == pytest.approx(1000 + 1000 / 1.1 + 1000 / 1.21)


@settings(max_examples=150, deadline=None)
@given(st.floats(-5000, 5000), st.integers(0, 30), st.floats(0, 0.3),
       st.one_of(st.floats(-0.5, 0.5), st.floats(-1e-6, 1e-6).map(lambda e: 0.08 + e)))
def test_closed_form_equals_the_sum(cf, years, d, g):
    # growth close to the discount rate is the numerically delicate case: include it
    by_loop = sum(cf * (1 + g) ** (t - 1) / (1 + d) ** t for t in range(1, years + 1))
    assert cv.potential_value(cf, years, d, growth=g) == pytest.approx(by_loop, rel=1e-9, abs=1e-6)


def test_potential_value_is_vectorised_per_customer():
    out = cv.potential_value(pd.Series([1000.0, 500.0], index=["x", "y"]), [3, 1], 0.1,
                             growth=[0.0, 0.2])
    assert out.round(2).to_dict() == {"x": 2486.85, "y": 454.55}
    assert out.name == "potential_value"


def test_present_value_of_explicit_flows():
    # 800/1.1 + 900/1.21 + 1000/1.331 = 727.27 + 743.80 + 751.31 = 2222.39
    assert round(cv.present_value([800, 900, 1000], 0.1), 2) == 2222.39
    assert cv.present_value([800, 900], 0.1, timing="start") == pytest.approx(800 + 900 / 1.1)
    flows = pd.DataFrame({"y1": [1000.0, 0.0], "y2": [1000.0, 500.0], "y3": [1000.0, 0.0]},
                         index=["a", "b"])
    out = cv.present_value(flows, 0.1)
    assert out["a"] == pytest.approx(cv.potential_value(1000, 3, 0.1))
    assert out["b"] == pytest.approx(500 / 1.21)


@pytest.mark.parametrize("call, error, match", [
    (lambda: cv.potential_value(100, -1), ValueError, "remaining_years: must be zero or more"),
    (lambda: cv.potential_value(100, 3, discount_rate=8), ValueError,
     r"discount_rate: a yearly rate must lie in \[0, 1\).* got 8 \(write 8% as 0.08\)"),
    (lambda: cv.potential_value(100, 3, discount_rate=-0.1), ValueError, "discount_rate"),
    (lambda: cv.potential_value(100, 3, growth=-1), ValueError, "growth: must be above -1"),
    (lambda: cv.potential_value(100, 3, timing="middle"), ValueError, "timing: use 'end'"),
    (lambda: cv.potential_value([1, 2], [1, 2, 3]), ValueError, "different lengths"),
    (lambda: cv.present_value([1, 2], discount_rate=1.5), ValueError, "discount_rate"),
    (lambda: cv.present_value([[1, 2], [3, 4]]), ValueError, "one customer's flows as a list"),
    (lambda: cv.present_value([1, 2], timing="now"), ValueError, "timing"),
    (lambda: cv.present_value("abc"), TypeError, "cash_flows: expected numbers"),
])
def test_potential_value_rejects(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --- index systems -----------------------------------------------------------------------------

def test_four_index_systems_cover_the_two_by_two():
    t = cv.index_systems()
    assert list(t.index) == [1, 2, 3, 4]
    cells = set(zip(t["current_value"], t["potential_value"]))
    assert cells == {(c, p) for c in ("direct calculation", "indicator evaluation")
                     for p in ("direct calculation", "indicator evaluation")}
    assert "客户数据完备" in t.loc[1, "data_situation"]


def test_principles_and_steps():
    p = cv.design_principles()
    assert list(p.index[:7]) == ["comprehensiveness", "purposefulness", "comparability",
                                 "independence", "practicality", "dynamism", "acceptance"]
    assert p.loc["completeness", "chinese"] == "完备性"
    assert cv.index_system_steps().loc[4, "chinese"].startswith("采用相关树法")


def test_value_indicators_are_columns_of_the_data():
    t = cv.value_indicators()
    columns = [c["name"] for c in data.schema("value_customers")["columns"]]
    assert set(t.index) <= set(columns)
    assert t["criterion"].value_counts().to_dict() == {"potential value": 5, "current value": 3}
    assert t.loc[~t["higher_is_better"]].index.tolist() == ["variable_marketing_cost"]


def test_value_judgements_are_consistent_and_read_only():
    for name, pairs in cv.VALUE_JUDGEMENTS.items():
        assert ahp.priorities(pairs).consistent, name
    indicators = cv.value_indicators()
    for criterion in ("current value", "potential value"):
        labels = set(ahp.judgement_matrix(cv.VALUE_JUDGEMENTS[criterion]).index)
        assert labels == set(indicators.index[indicators["criterion"] == criterion])
    with pytest.raises(TypeError):
        cv.VALUE_JUDGEMENTS["criteria"] = {}  # type: ignore[index]


def test_value_index_by_hand():
    # current: gross profit only -> 100, 0; potential: wallet share only -> 50, 100
    # overall: 0.4 x 100 + 0.6 x 50 = 70 and 0.4 x 0 + 0.6 x 100 = 60
    s = pd.DataFrame({"gross_profit_12m": [100.0, 0.0], "wallet_share": [50.0, 100.0],
                      "visits_12m": [0.0, 100.0]}, index=["a", "b"])
    out = cv.value_index(s, {"gross_profit_12m": 0.4, "wallet_share": 0.6})
    assert out.to_dict("list") == {"current_value_index": [100.0, 0.0],
                                   "potential_value_index": [50.0, 100.0],
                                   "value_index": [70.0, 60.0]}
    # two current indicators: within-criterion weights 0.2/0.3 and 0.1/0.3
    out = cv.value_index(s, pd.Series({"gross_profit_12m": 0.2, "visits_12m": 0.1,
                                       "wallet_share": 0.7}))
    assert out["current_value_index"].tolist() == pytest.approx([200 / 3, 100 / 3])
    # no potential indicator weighted: its index is undefined
    assert out.shape == (2, 3)
    only_current = cv.value_index(s, {"gross_profit_12m": 1.0})
    assert only_current["potential_value_index"].isna().all()


@pytest.mark.parametrize("scores, weights, kwargs, error, match", [
    ([[1.0]], {"gross_profit_12m": 1.0}, {}, TypeError, "scores: expected a DataFrame"),
    (pd.DataFrame({"gross_profit_12m": [1.0]}), [1.0], {}, TypeError, "weights: expected"),
    (pd.DataFrame({"gross_profit_12m": [1.0]}), {"gross_profit_12m": 0.5}, {}, ValueError,
     "weights: weights must add up to 1"),
    (pd.DataFrame({"gross_profit_12m": [1.0]}), {"visits_12m": 1.0}, {}, ValueError,
     r"scores: has no column\(s\) \['visits_12m'\]"),
    (pd.DataFrame({"age": [1.0]}), {"age": 1.0}, {}, ValueError,
     r"weights: \['age'\] are not indicators"),
    (pd.DataFrame({"gross_profit_12m": [1.0]}), {"gross_profit_12m": 1.0},
     {"indicators": pd.DataFrame({"x": [1]})}, TypeError, "indicators: expected a DataFrame"),
])
def test_value_index_rejects(scores, weights, kwargs, error, match):
    with pytest.raises(error, match=match):
        cv.value_index(scores, weights, **kwargs)


# --- the value matrix --------------------------------------------------------------------------

def test_value_segment_by_hand():
    assert cv.value_segment([10, 1, 10, 1], [9, 9, 2, 2], 5, 5).tolist() == [
        "key", "growth", "maintain", "low value"]
    # at the cut counts as high
    assert cv.value_segment([5], [5], 5, 5).tolist() == ["key"]


def test_value_segment_median_default_and_series():
    cur = pd.Series([1.0, 2.0, 3.0, 4.0], index=list("abcd"))
    pot = pd.Series([4.0, 3.0, 2.0, 1.0], index=list("abcd"))
    seg = cv.value_segment(cur, pot)          # medians 2.5 and 2.5
    assert seg.tolist() == ["growth", "growth", "maintain", "maintain"]
    assert list(seg.index) == list("abcd")
    assert list(seg.cat.categories) == list(cv.VALUE_SEGMENTS)


@pytest.mark.parametrize("cur, pot, error, match", [
    ([1, 2], [1, 2, 3], ValueError, "same length"),
    (pd.Series([1.0], index=["a"]), pd.Series([1.0], index=["b"]), ValueError, "different indexes"),
    ("abc", [1], TypeError, "current: expected numbers"),
])
def test_value_segment_rejects(cur, pot, error, match):
    with pytest.raises(error, match=match):
        cv.value_segment(cur, pot)


def test_segment_table_and_summary():
    t = cv.value_segments()
    assert list(t.index) == list(cv.VALUE_SEGMENTS)
    assert t.loc["maintain", ["current", "potential"]].tolist() == ["high", "low"]
    s = cv.segment_summary(["key", "low value", "key"], [50.0, 10.0, 40.0], [100.0, 0.0, 100.0])
    assert list(s.index) == ["key", "low value"]
    assert s.loc["key", "customers"] == 2 and s.loc["key", "current_value"] == 90
    assert s["customer_share"].sum() == pytest.approx(1.0)
    assert s.loc["low value", "current_share"] == pytest.approx(0.1)
    with pytest.raises(ValueError, match="same length"):
        cv.segment_summary(["key"], [1.0, 2.0], [1.0, 2.0])


def test_plot_value_matrix():
    ax = cv.plot_value_matrix([10, 1, 10, 1], [9, 9, 2, 2], 5, 5)
    assert len(ax.collections) == 4
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["key (25%)", "growth (25%)", "maintain (25%)", "low value (25%)"]
    assert ax.get_ylabel() == "Potential value ($)"
    scores = cv.plot_value_matrix([10, 1], [9, 9], units="index 0-100")
    assert scores.get_xlabel() == "Current value (index 0-100)"


# --- the data set ------------------------------------------------------------------------------

def test_customer_table_agrees_with_the_transactions():
    customers = data.load("value_customers").set_index("customer_id")
    tx = data.load("value_transactions")
    by_customer = tx.groupby("customer_id")["amount"].agg(["size", "sum"])
    assert customers["visits_12m"].astype(int).to_dict() == by_customer["size"].to_dict()
    assert (customers["revenue_12m"] - by_customer["sum"]).abs().max() < 0.01
    assert (customers["revenue_12m"] - customers["cost_of_goods_12m"]
            - customers["gross_profit_12m"]).abs().max() < 0.011
    assert len(tx) > 20_000                           # tens of thousands of rows
    assert tx["date"].min() >= pd.Timestamp("2025-01-01")
    assert tx["date"].max() <= pd.Timestamp("2025-12-31")


def test_data_tells_the_chapter_story():
    c = data.load("value_customers")
    current = cv.current_value(c["revenue_12m"], c["cost_of_goods_12m"],
                               c["fixed_marketing_cost"], c["variable_marketing_cost"])
    potential = cv.potential_value(c["expected_annual_cash_flow"], c["expected_remaining_years"])
    assert (current < 0).sum() > 0                    # some members lose the store money
    seg = cv.value_segment(current, potential)
    growth_stages = c["life_stage"][(seg == "growth").to_numpy()].value_counts()
    assert growth_stages.idxmax() == "young family"
    gone = c["expected_remaining_years"] == 0
    assert (c.loc[gone, "expected_annual_cash_flow"] == 0).all()


# --- discounting table, whale curve ------------------------------------------------------------

def test_discount_table_by_hand():
    # 1000 growing 10 % a year for 3 years at 8 %: flows 1000, 1100, 1210;
    # factors 1/1.08, 1/1.08^2, 1/1.08^3; present values 925.93, 943.07, 960.54
    t = cv.discount_table(1000, 3, 0.08, growth=0.1)
    assert t["year"].tolist() == [1, 2, 3]
    assert t["cash_flow"].tolist() == pytest.approx([1000, 1100, 1210])
    assert t["present_value"].round(2).tolist() == [925.93, 943.07, 960.54]
    assert t["cumulative"].iloc[-1] == pytest.approx(cv.potential_value(1000, 3, 0.08, 0.1))
    start = cv.discount_table(1000, 2, 0.1, timing="start")
    assert start["discount_factor"].tolist() == pytest.approx([1.0, 1 / 1.1])
    assert cv.discount_table(1000, 0).empty


@pytest.mark.parametrize("kwargs, error, match", [
    ({"remaining_years": 2.5}, ValueError, "remaining_years: a table needs whole years"),
    ({"remaining_years": -1}, ValueError, "remaining_years: must be zero or more"),
    ({"remaining_years": 500}, ValueError, "at most 100 years"),
    ({"discount_rate": 1.2}, ValueError, "discount_rate"),
    ({"growth": -1.5}, ValueError, "growth: must be above -1"),
    ({"timing": "mid"}, ValueError, "timing"),
    ({"annual_cash_flow": "1000"}, TypeError, "annual_cash_flow: expected a single number"),
])
def test_discount_table_rejects(kwargs, error, match):
    args = {"annual_cash_flow": 1000, "remaining_years": 3} | kwargs
    with pytest.raises(error, match=match):
        cv.discount_table(**args)


def test_plot_discounting():
    ax = cv.plot_discounting(cv.discount_table(1000, 3, 0.1))
    assert len(ax.patches) == 6
    assert ax.get_title() == "Potential value = $2,487 today"
    with pytest.raises(TypeError, match="table: expected the DataFrame of discount_table"):
        cv.plot_discounting(pd.DataFrame({"year": [1]}))


def test_whale_curve_and_top_share_by_hand():
    # sorted 50, 40, 20, -10 of a total 100: cumulative 0.5, 0.9, 1.1, 1.0
    curve = cv.whale_curve([50, -10, 40, 20])
    assert curve["customer_share"].tolist() == [0.25, 0.5, 0.75, 1.0]
    assert curve["cumulative_value_share"].tolist() == pytest.approx([0.5, 0.9, 1.1, 1.0])
    assert cv.top_share([50, -10, 40, 20], 0.25) == pytest.approx(0.5)
    assert cv.top_share([50, -10, 40, 20], 0.5) == pytest.approx(0.9)
    assert cv.top_share([50, -10, 40, 20], 0.0) == 0.0
    with pytest.raises(ValueError, match="values: add up to 0"):
        cv.whale_curve([5, -5])
    with pytest.raises(ValueError, match="share: is a share"):
        cv.top_share([1, 2], 20)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.01, 1e4), min_size=1, max_size=50))
def test_whale_curve_of_positive_values_rises_to_one(values):
    y = cv.whale_curve(values)["cumulative_value_share"].to_numpy()
    assert (np.diff(y) >= -1e-12).all() and y[-1] == pytest.approx(1.0)


def test_plot_whale_curve():
    ax = cv.plot_whale_curve([50, -10, 40, 20])
    assert any("peak 110% at 75% of customers" in t.get_text() for t in ax.texts)
    assert any("top 20% bring 50%" in t.get_text() for t in ax.texts)


def test_key_account_management_has_the_taught_lists():
    t = cv.key_account_management()
    parts = t.groupby(level="part", sort=False).size().to_dict()
    assert parts == {"definition": 1, "key element": 4, "strategy": 4, "challenge": 1, "trend": 3}
    assert t.loc["key element", "chinese"].tolist() == ["客户识别", "客户关系维护", "客户需求满足",
                                                       "客户价值提升"]
    assert t.loc["trend", "chinese"].tolist() == ["个性化服务", "数据驱动", "跨界合作"]
    assert t[["meaning", "in_practice"]].map(len).min().min() > 20
