"""Tests for crmlib.clv: retention-based CLV (Gupta & Lehmann), the discount method, what a
retention gain is worth, cohort retention and the leaky bucket."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from crmlib import clv
from crmlib.clv import (cohort_retention, discounted_value, expected_lifetime, leaky_bucket,
                        margin_multiple_table, retention_clv, retention_gain, steady_state)


# --- retention_clv: closed form ---------------------------------------------------------------

def test_closed_form_hand_computed():
    assert retention_clv(100, 0.8, 0.1) == pytest.approx(266.6667, rel=1e-6)  # 80 / 0.3
    assert retention_clv(50, 0.9, 0.12) == pytest.approx(45 / 0.22)         # 204.545...
    assert retention_clv(190, 0.82, 0.10) == pytest.approx(155.8 / 0.28)    # 556.43
    assert retention_clv(10, 0.5, 0.0) == pytest.approx(10.0)               # 5 / 0.5
    assert retention_clv(100, 0.0, 0.1) == 0.0                              # nobody stays
    assert retention_clv(-20, 0.5, 0.0) == pytest.approx(-20.0)             # a loss-making customer


def test_gupta_lehmann_margin_multiples():
    # Gupta & Lehmann (2003, 2005): for retention 60-90% and discount 10-16% the margin
    # multiple r / (1 + d - r) lies between about 1 and 4.5.
    table = margin_multiple_table()
    assert table.loc[0.6, 0.16] == pytest.approx(0.6 / 0.56)                # 1.07, the minimum
    assert table.loc[0.9, 0.10] == pytest.approx(4.5)                       # the maximum
    assert table.loc[0.9, 0.12] == pytest.approx(4.0909, rel=1e-4)
    assert table.loc[0.8, 0.12] == pytest.approx(2.5)
    assert table.to_numpy().min() == pytest.approx(1.0714, rel=1e-4)
    assert list(table.index) == [0.6, 0.7, 0.8, 0.9]
    assert list(table.columns) == [0.10, 0.12, 0.14, 0.16]


def test_scalar_inputs_give_a_float():
    assert isinstance(retention_clv(100, 0.8, 0.1), float)
    assert isinstance(retention_clv(np.float64(100), np.int64(0), 0.1, horizon=np.int64(3)), float)


# --- retention_clv: finite horizon ------------------------------------------------------------

def test_finite_horizon_hand_computed():
    # q = 0.8 / 1.1; 100 q = 72.7273, 100 q^2 = 52.8926, 100 q^3 = 38.4673
    assert retention_clv(100, 0.8, 0.1, horizon=1) == pytest.approx(72.7273, rel=1e-5)
    assert retention_clv(100, 0.8, 0.1, horizon=2) == pytest.approx(125.6198, rel=1e-5)
    assert retention_clv(100, 0.8, 0.1, horizon=3) == pytest.approx(164.0872, rel=1e-5)
    # no discounting: 10 x (0.5 + 0.25) = 7.5
    assert retention_clv(10, 0.5, 0.0, horizon=2) == pytest.approx(7.5)
    assert retention_clv(100, 0.8, 0.1, horizon=0) == 0.0


def test_finite_horizon_equals_the_explicit_sum():
    m, r, d = 190.0, 0.82, 0.10
    explicit = sum(m * r ** t / (1 + d) ** t for t in range(1, 6))
    assert retention_clv(m, r, d, horizon=5) == pytest.approx(explicit)
    assert retention_clv(m, r, d, horizon=5.0) == pytest.approx(explicit)    # 5.0 is whole


def test_long_horizon_reaches_the_closed_form():
    assert retention_clv(100, 0.8, 0.1, horizon=500) == pytest.approx(retention_clv(100, 0.8, 0.1))


# --- retention_clv: vectorised ------------------------------------------------------------------

def test_vectorised_over_customers():
    # 100 x 0.8 / 0.3 = 266.67; 250 x 0.6 / 0.5 = 300
    np.testing.assert_allclose(retention_clv([100, 250], [0.8, 0.6], 0.1), [800 / 3, 300.0])
    np.testing.assert_allclose(retention_clv(np.array([100, 200]), 0.8, [0.1, 0.0]),
                               [800 / 3, 800.0])                          # 160 / 0.2
    np.testing.assert_allclose(retention_clv(100, 0.8, 0.1, horizon=[0, 1, 2]),
                               [0.0, 72.72727, 125.61983], rtol=1e-6)


def test_broadcasting_makes_a_grid():
    grid = retention_clv(np.array([[100.0], [200.0]]), np.array([0.5, 0.8]), 0.1)
    # rows: margins, columns: retentions; 100 x 0.5 / 0.6 = 83.33, 100 x 0.8 / 0.3 = 266.67
    np.testing.assert_allclose(grid, [[250 / 3, 800 / 3], [500 / 3, 1600 / 3]])


def test_series_in_series_out():
    margin = pd.Series([100.0, 250.0], index=["C1", "C2"])
    out = retention_clv(margin, 0.8, 0.1)
    assert isinstance(out, pd.Series) and list(out.index) == ["C1", "C2"]
    assert out["C2"] == pytest.approx(250 * 0.8 / 0.3)
    rates = pd.Series([0.5, 0.8], index=["x", "y"])
    assert list(retention_clv(100, rates, 0.1, horizon=3).index) == ["x", "y"]


def test_a_million_customers_is_fast():
    from _vectorised import assert_vectorised

    rng = np.random.default_rng(0)
    m, r = rng.uniform(50, 500, 1_000_000), rng.uniform(0, 0.95, 1_000_000)
    out = retention_clv(m, r, 0.1, horizon=10)
    assert out.shape == (1_000_000,) and np.isfinite(out).all()
    # fast on any machine: no Python loop over the customers (instead of a wall-clock limit)
    assert_vectorised(lambda n: (m[:n], r[:n], 0.1, 10), retention_clv)


# --- retention_clv: bad inputs -------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, error, name", [
    (dict(retention=1.0), ValueError, "retention"),
    (dict(retention=1.2), ValueError, "retention"),
    (dict(retention=-0.1), ValueError, "retention"),
    (dict(retention=[0.5, 1.0]), ValueError, "retention"),
    (dict(retention=math.nan), ValueError, "retention"),
    (dict(retention="0.8"), TypeError, "retention"),
    (dict(discount=-0.05), ValueError, "discount"),
    (dict(discount=[0.1, -0.1]), ValueError, "discount"),
    (dict(discount=math.inf), ValueError, "discount"),
    (dict(horizon=2.5), ValueError, "horizon"),
    (dict(horizon=[1, 2.5]), ValueError, "horizon"),
    (dict(horizon=-1), ValueError, "horizon"),
    (dict(horizon="5"), TypeError, "horizon"),
    (dict(horizon=True), TypeError, "horizon"),
    (dict(margin=None), TypeError, "margin"),
    (dict(margin=True), TypeError, "margin"),
    (dict(margin="100"), TypeError, "margin"),
    (dict(margin=[100, math.nan]), ValueError, "margin"),
    (dict(margin=[1, 2, 3], retention=[0.5, 0.6]), ValueError, "margin, retention"),
])
def test_bad_inputs_name_the_parameter(kwargs, error, name):
    args = dict(margin=100, retention=0.8, discount=0.1) | kwargs
    with pytest.raises(error, match=name):
        retention_clv(**args)


def test_bad_retention_message_says_where_and_what():
    with pytest.raises(ValueError, match=r"got 1\.5 at label 'b'.*0\.8"):
        retention_clv(100, pd.Series([0.5, 1.5], index=["a", "b"]), 0.1)
    with pytest.raises(ValueError, match="nobody ever leaves"):
        retention_clv(100, 1, 0.1)


# --- retention_clv: properties -------------------------------------------------------------------

rates = st.floats(0, 0.99)
discounts = st.floats(0, 1)
margins = st.floats(0.01, 10_000)


@given(m=margins, r1=rates, r2=rates, d=discounts)
def test_clv_increases_with_retention(m, r1, r2, d):
    low, high = sorted((r1, r2))
    assert retention_clv(m, low, d) <= retention_clv(m, high, d) * (1 + 1e-12)
    assume(high - low > 1e-6)
    assert retention_clv(m, low, d) < retention_clv(m, high, d)


@given(m1=margins, m2=margins, r=rates, d=discounts)
def test_clv_increases_with_margin(m1, m2, r, d):
    low, high = sorted((m1, m2))
    assert retention_clv(low, r, d) <= retention_clv(high, r, d)


@given(m=margins, r=st.floats(0.01, 0.99), d1=discounts, d2=discounts)
def test_clv_decreases_with_discount(m, r, d1, d2):
    low, high = sorted((d1, d2))
    assert retention_clv(m, r, high) <= retention_clv(m, r, low)
    assume(high - low > 1e-6)
    assert retention_clv(m, r, high) < retention_clv(m, r, low)


@given(m=margins, r=st.floats(0.01, 0.99), d=discounts, t1=st.integers(0, 200),
       t2=st.integers(0, 200))
def test_finite_horizon_grows_towards_the_closed_form(m, r, d, t1, t2):
    short, long_ = sorted((t1, t2))
    limit = retention_clv(m, r, d)
    a, b = retention_clv(m, r, d, horizon=short), retention_clv(m, r, d, horizon=long_)
    assert a <= b * (1 + 1e-12) <= limit * (1 + 1e-9)
    # the gap shrinks geometrically: limit - CLV_T = limit x q^T, q = r / (1 + d)
    assert limit - b == pytest.approx(limit * (r / (1 + d)) ** long_, rel=1e-6, abs=1e-9)


@given(m=st.floats(-1000, 1000), r=rates, d=discounts)
def test_closed_form_is_the_margin_times_the_multiple(m, r, d):
    assert retention_clv(m, r, d) == pytest.approx(m * retention_clv(1, r, d), abs=1e-9)


# --- expected lifetime -------------------------------------------------------------------------

def test_expected_lifetime_reichheld_sasser_thought_experiment():
    # 10% defection: 10 years; 5% defection: 20 years (Reichheld & Sasser 1990)
    assert expected_lifetime(0.90) == pytest.approx(10)
    assert expected_lifetime(0.95) == pytest.approx(20)
    np.testing.assert_allclose(expected_lifetime([0.5, 0.8]), [2, 5])
    with pytest.raises(ValueError, match="retention"):
        expected_lifetime(1.0)


# --- clv_by_horizon ----------------------------------------------------------------------------

def test_clv_by_horizon_table():
    table = clv.clv_by_horizon(100, 0.8, 0.1, max_horizon=3)
    assert list(table.index) == [1, 2, 3]
    np.testing.assert_allclose(table["survival"], [0.8, 0.64, 0.512])
    np.testing.assert_allclose(table["expected_margin"], [80, 64, 51.2])
    np.testing.assert_allclose(table["clv"], [72.72727, 125.61983, 164.08715], rtol=1e-6)
    assert table["share_of_limit"].iloc[-1] == pytest.approx(164.08715 / (800 / 3), rel=1e-6)
    with pytest.raises(ValueError, match="max_horizon"):
        clv.clv_by_horizon(100, 0.8, 0.1, max_horizon=0)
    with pytest.raises(ValueError, match="retention"):
        clv.clv_by_horizon(100, 1.1, 0.1)


# --- discounted_value ---------------------------------------------------------------------------

def test_discount_method_hand_computed():
    # 100/1.1 + 100/1.21 + 100/1.331 = 90.909 + 82.645 + 75.131 = 248.685
    assert discounted_value([100, 100, 100], 0.1) == pytest.approx(248.6852, rel=1e-6)
    # timing 'start': 100 + 90.909 + 82.645 = 273.554
    assert discounted_value([100, 100, 100], 0.1, timing="start") == pytest.approx(273.5537,
                                                                                   rel=1e-6)
    assert discounted_value([-50, 80], 0.0) == 30.0
    assert discounted_value(pd.Series([121.0]), 0.1) == pytest.approx(110.0)


def test_discount_method_many_customers():
    flows = pd.DataFrame({1: [110.0, 55.0], 2: [121.0, 0.0]}, index=["C1", "C2"])
    out = discounted_value(flows, 0.1)
    assert list(out.index) == ["C1", "C2"]
    np.testing.assert_allclose(out, [200.0, 50.0])     # 110/1.1 + 121/1.21; 55/1.1
    np.testing.assert_allclose(discounted_value(flows.to_numpy(), 0.1), [200.0, 50.0])


def test_discount_method_matches_retention_clv_on_expected_flows():
    m, r, d = 190.0, 0.82, 0.10
    expected_flows = [m * r ** t for t in range(1, 11)]
    assert discounted_value(expected_flows, d) == pytest.approx(retention_clv(m, r, d, horizon=10))


@pytest.mark.parametrize("flows, kwargs, error, name", [
    ([100, 100], dict(discount=-0.1), ValueError, "discount"),
    ([100, 100], dict(discount="0.1"), TypeError, "discount"),
    ([100, 100], dict(timing="middle"), ValueError, "timing"),
    ([100, math.nan], {}, ValueError, "cash_flows"),
    ("100", {}, TypeError, "cash_flows"),
    ([], {}, ValueError, "cash_flows"),
    (np.ones((2, 2, 2)), {}, ValueError, "cash_flows"),
    (pd.DataFrame({1: [1.0, np.nan]}, index=["C1", "C2"]), {}, ValueError, "'C2'.*fillna"),
    (pd.DataFrame({"name": ["a"], 1: [1.0]}), {}, TypeError, "cash_flows"),
])
def test_discount_method_bad_inputs(flows, kwargs, error, name):
    with pytest.raises(error, match=name):
        discounted_value(flows, **({"discount": 0.1} | kwargs))


# --- retention gains -----------------------------------------------------------------------------

def test_retention_gain_hand_computed():
    table = retention_gain([0.6, 0.8, 0.9], gain=0.05, discount=0.1)
    # 0.6 -> 0.65: 1.2 -> 0.65/0.45 = 1.4444 (+20.4%); 0.8 -> 0.85: 2.6667 -> 3.4 (+27.5%);
    # 0.9 -> 0.95: 4.5 -> 6.3333 (+40.7%)
    np.testing.assert_allclose(table["clv_increase"], [0.65 / 0.45 / 1.2 - 1, 0.275,
                                                       (0.95 / 0.15) / 4.5 - 1])
    np.testing.assert_allclose(table["new_retention"], [0.65, 0.85, 0.95])
    np.testing.assert_allclose(table["lifetime_new"], [1 / 0.35, 1 / 0.15, 20])


def test_retention_gain_does_not_depend_on_the_margin():
    a = retention_gain(0.7, margin=1)["clv_increase"].iloc[0]
    b = retention_gain(0.7, margin=437)["clv_increase"].iloc[0]
    assert a == pytest.approx(b)


@given(r1=st.floats(0.0, 0.9), r2=st.floats(0.0, 0.9), d=st.floats(0, 0.5))
def test_five_points_are_worth_more_at_a_higher_base(r1, r2, d):
    low, high = sorted((r1, r2))
    table = retention_gain([low, high], gain=0.05, discount=d)
    # in margins, always: r / (1 + d - r) is convex and increasing
    gained = (table["clv_new"] - table["clv_base"]).to_numpy()
    assert gained[0] <= gained[1] * (1 + 1e-9) + 1e-12
    # in percent, from a base of (1 + d) / 2 up: log CLV = log r - log(1 + d - r) has its
    # smallest slope there (below it, 5 points are a large relative rise of r itself)
    if low >= (1 + d) / 2:
        pct = table["clv_increase"].to_numpy()
        assert pct[0] <= pct[1] * (1 + 1e-9)


def test_percentage_gain_is_u_shaped():
    # d = 0.1, lowest at (1 + d) / 2 = 0.55:
    # 0.30 -> 0.35: 0.375 -> 0.4667 (+24.4%); 0.55 -> 0.60: 1.0 -> 1.2 (+20%);
    # 0.80 -> 0.85: 2.667 -> 3.4 (+27.5%)
    pct = retention_gain([0.3, 0.55, 0.8], discount=0.1)["clv_increase"].to_numpy()
    np.testing.assert_allclose(pct, [(0.35 / 0.75) / (0.3 / 0.8) - 1, 0.2, 0.275])
    assert pct[1] < pct[0] < pct[2]


def test_retention_gain_bad_inputs():
    with pytest.raises(ValueError, match="gain"):
        retention_gain(0.97, gain=0.05)            # 1.02: above 1
    with pytest.raises(ValueError, match="base_retention"):
        retention_gain(1.2)
    with pytest.raises(TypeError, match="gain"):
        retention_gain(0.8, gain="5")


def test_retention_claims_cite_their_sources():
    claims = clv.retention_claims()
    assert list(claims.columns) == ["claim", "source", "what it measures", "limits"]
    text = " ".join(claims["source"])
    for source in ["Reichheld & Sasser (1990)", "Reichheld (1996)", "Gupta, Lehmann & Stuart (2004)",
                   "Reinartz & Kumar (2002)"]:
        assert source in text
    assert "25% to 85%" in claims.loc[0, "claim"]
    assert claims["limits"].str.len().min() > 40


# --- cohort retention ---------------------------------------------------------------------------

def test_cohort_retention_pooled_by_hand():
    table = pd.DataFrame({"cohort": ["A", "A", "A", "B", "B"], "tenure": [0, 1, 2, 0, 1],
                          "active_members": [100, 70, 56, 200, 150]})
    out = cohort_retention(table)
    assert out.loc[1, "retention"] == pytest.approx(220 / 300)    # (70 + 150) / (100 + 200)
    assert out.loc[2, "retention"] == pytest.approx(56 / 70)
    assert out["cohorts"].tolist() == [2, 1]


def test_cohort_retention_on_the_club_data():
    from crmlib import data

    cohorts = data.load("club_cohorts")
    out = cohort_retention(cohorts)
    assert list(out.index) == [1, 2, 3, 4, 5, 6]
    first = cohorts[cohorts["tenure"] == 1]["active_members"].sum()
    joined = cohorts[(cohorts["tenure"] == 0) & (cohorts["cohort"] < 2025)]["active_members"].sum()
    assert out.loc[1, "retention"] == pytest.approx(first / joined)
    assert out.loc[1, "retention"] < out.loc[2:, "retention"].min()   # first year leaks most


@pytest.mark.parametrize("table, kwargs, error, name", [
    ([1, 2], {}, TypeError, "table"),
    (pd.DataFrame({"cohort": [1]}), {}, ValueError, "missing columns"),
    (pd.DataFrame({"cohort": [1, 1], "tenure": [0, 0.5], "active_members": [5, 4]}), {},
     ValueError, "tenure"),
    (pd.DataFrame({"cohort": [1, 1], "tenure": [0, 1], "active_members": [5, -4]}), {},
     ValueError, "active_members"),
    (pd.DataFrame({"cohort": [1, 1], "tenure": [0, 0], "active_members": [5, 4]}), {},
     ValueError, "more than one row"),
    (pd.DataFrame({"cohort": [1, 2], "tenure": [0, 0], "active_members": [5, 4]}), {},
     ValueError, "consecutive"),
])
def test_cohort_retention_bad_inputs(table, kwargs, error, name):
    with pytest.raises(error, match=name):
        cohort_retention(table, **kwargs)


# --- the leaky bucket --------------------------------------------------------------------------

def test_leaky_bucket_hand_computed():
    table = leaky_bucket(1000, 200, 0.75, periods=3)
    # 1000 x 0.75 + 200 = 950; 950 x 0.75 + 200 = 912.5; 912.5 x 0.75 + 200 = 884.375
    np.testing.assert_allclose(table["end"], [950, 912.5, 884.375])
    np.testing.assert_allclose(table["start"], [1000, 950, 912.5])
    np.testing.assert_allclose(table["lost"], [250, 237.5, 228.125])
    np.testing.assert_allclose(table["net_change"], [-50, -37.5, -28.125])
    assert list(table.index) == [1, 2, 3] and table.index.name == "period"


def test_leaky_bucket_reaches_the_steady_state():
    assert steady_state(200, 0.75) == 800.0                 # 200 / 0.25
    assert steady_state(1300, 0.78) == pytest.approx(5909.0909, rel=1e-6)
    np.testing.assert_allclose(steady_state(200, [0.5, 0.8, 0.9]), [400, 1000, 2000])
    assert leaky_bucket(0, 200, 0.75, 200)["end"].iloc[-1] == pytest.approx(800)
    assert leaky_bucket(5000, 200, 0.75, 200)["end"].iloc[-1] == pytest.approx(800)
    # starting at the steady state, it stays there
    np.testing.assert_allclose(leaky_bucket(800, 200, 0.75, 5)["end"], 800)


def test_leaky_bucket_per_period_inputs_and_no_leak():
    table = leaky_bucket(100, [10, 20, 30], [0.5, 1.0, 0.9], periods=3)
    # 100 x 0.5 + 10 = 60; 60 x 1 + 20 = 80; 80 x 0.9 + 30 = 102
    np.testing.assert_allclose(table["end"], [60, 80, 102])
    np.testing.assert_allclose(leaky_bucket(0, 100, 1.0, 3)["end"], [100, 200, 300])


@given(initial=st.floats(0, 1e5), acquired=st.floats(0, 1e4), r=st.floats(0, 0.98),
       periods=st.integers(1, 60))
def test_leaky_bucket_moves_monotonically_towards_the_steady_state(initial, acquired, r, periods):
    level = steady_state(acquired, r)
    ends = leaky_bucket(initial, acquired, r, periods)["end"].to_numpy()
    gaps = np.abs(np.concatenate([[initial], ends]) - level)
    assert (np.diff(gaps) <= 1e-6 * max(1.0, level, initial)).all()
    # closed form: end_T = r^T x initial + acquired x (1 - r^T) / (1 - r)
    assert ends[-1] == pytest.approx(r ** periods * initial + level * (1 - r ** periods),
                                     rel=1e-9, abs=1e-6)


@given(acquired=st.floats(0, 1e6), r=st.floats(0, 0.999))
def test_steady_state_balances_the_flows(acquired, r):
    level = steady_state(acquired, r)
    assert (1 - r) * level == pytest.approx(acquired, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("kwargs, error, name", [
    (dict(initial=-1), ValueError, "initial"),
    (dict(initial="10"), TypeError, "initial"),
    (dict(acquired=-5), ValueError, "acquired"),
    (dict(acquired=[10, 20]), ValueError, "acquired"),
    (dict(retention=1.5), ValueError, "retention"),
    (dict(retention=[0.5, -0.1, 0.5]), ValueError, "retention"),
    (dict(periods=0), ValueError, "periods"),
    (dict(periods=2.5), ValueError, "periods"),
    (dict(periods="3"), TypeError, "periods"),
])
def test_leaky_bucket_bad_inputs(kwargs, error, name):
    args = dict(initial=100, acquired=10, retention=0.8, periods=3) | kwargs
    with pytest.raises(error, match=name):
        leaky_bucket(**args)


def test_steady_state_bad_inputs():
    with pytest.raises(ValueError, match="retention"):
        steady_state(100, 1.0)
    with pytest.raises(ValueError, match="acquired"):
        steady_state(-100, 0.5)


# --- figures and the widget ----------------------------------------------------------------------

def test_plot_leaky_bucket_stock_and_flows():
    from crmlib import plotting

    stock, flows = clv.plot_leaky_bucket(1000, 200, 0.75, periods=12)
    line = stock.get_lines()[0]
    np.testing.assert_allclose(line.get_ydata()[:3], [1000, 950, 912.5])
    assert any("800" in t.get_text() for t in stock.get_legend().get_texts())   # steady state
    heights = [p.get_height() for p in flows.patches]
    assert heights[:12] == pytest.approx([200] * 12)                  # acquired, above zero
    assert heights[12] == pytest.approx(-250)                         # lost, below zero
    assert stock.get_title() and flows.get_xlabel() == "Period"
    plotting.close(stock.figure)


def test_plot_clv_by_horizon_and_retention_gain():
    from crmlib import plotting

    ax = clv.plot_clv_by_horizon(100, 0.8, 0.1, max_horizon=5)
    assert [round(p.get_height(), 2) for p in ax.patches] == [72.73, 52.89, 38.47, 27.98, 20.35]
    assert ax.get_lines()[-1].get_ydata()[0] == pytest.approx(800 / 3)  # the closed form
    plotting.close(ax.figure)
    ax = clv.plot_retention_gain(gain=0.05, discounts=[0.1])
    x, y = ax.get_lines()[0].get_data()
    assert y[np.argmin(np.abs(x - 0.8))] == pytest.approx(0.275)
    plotting.close(ax.figure)


def _printed(panel) -> str:
    return "".join(o["text"] for o in panel.output.outputs if o["output_type"] == "stream")


def test_leaky_bucket_widget_redraws():
    import ipywidgets
    from crmlib import plotting

    before = plotting.plt.get_fignums()
    panel = clv.leaky_bucket_widget()
    assert isinstance(panel, ipywidgets.Widget)
    assert set(panel.sliders) == {"initial", "acquired", "retention", "periods"}
    assert "200 / (1 − 0.75) = 800" in _printed(panel)
    assert any("image/png" in o.get("data", {}) for o in panel.output.outputs)
    panel.sliders["acquired"].value = 300
    assert "= 1,200" in _printed(panel)            # 300 / 0.25
    panel.sliders["retention"].value = 0.5
    assert "= 600" in _printed(panel) and "2.0 periods" in _printed(panel)
    assert len(panel.output.outputs) == 2
    assert plotting.plt.get_fignums() == before
    with pytest.raises(ValueError, match="retention"):
        clv.leaky_bucket_widget(retention=2)


def test_import_is_light():
    import subprocess
    import sys

    code = ("import sys, crmlib; crmlib.clv.retention_clv(1, 0.5, 0.1); "
            "crmlib.relationship.contact_plan_611('2026-01-01'); "
            "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --- the break-even retention of a programme (chapter 8's case) -------------------------------

def test_break_even_retention_by_hand():
    # V = 200 × 0.8 / 0.3 = 533.33; r* = 533.33 × 1.1 / (194 + 533.33) = 586.67 / 727.33 = 0.80660
    assert clv.break_even_retention(200, 0.80, 0.10, cost=6) == pytest.approx(586.6667 / 727.3333,
                                                                              rel=1e-6)
    # at r*, a member paying the cost is worth what they are worth without the programme
    r_star = clv.break_even_retention(190, 0.82, 0.12, cost=10)
    assert clv.retention_clv(180, r_star, 0.12) == pytest.approx(clv.retention_clv(190, 0.82, 0.12))
    assert clv.break_even_retention(200, 0.8, 0.1, cost=0) == pytest.approx(0.8)
    # vectorised, a Series in gives a Series out
    costs = pd.Series([0.0, 6.0, 15.0], index=["none", "light", "heavy"])
    out = clv.break_even_retention(200, 0.8, 0.1, cost=costs)
    assert list(out.index) == ["none", "light", "heavy"] and out.is_monotonic_increasing
    # a cost that no retention below 1 repays: V·d ≥ m − c, here 533.33 × 0.1 = 53.3 ≥ 200 − 150
    assert math.isnan(clv.break_even_retention(200, 0.8, 0.1, cost=150))


@pytest.mark.parametrize("kwargs, error, name", [
    (dict(cost=-1), ValueError, "cost"), (dict(cost=200), ValueError, "cost"),
    (dict(cost="8"), TypeError, "cost"), (dict(cost=8, retention=1.0), ValueError, "retention"),
])
def test_break_even_retention_bad_inputs(kwargs, error, name):
    args = dict(margin=200, retention=0.8, discount=0.1) | kwargs
    with pytest.raises(error, match=name):
        clv.break_even_retention(**args)
