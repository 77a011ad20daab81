"""Tests for crmlib.value: Kotler's delivered value, Gale's quality and price profiles, relative
price, the customer value index and the customer value map."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlib import data, value
from crmlib.value import (customer_value, delivered_value, market_perceived_price,
                          market_perceived_quality, price_profile, quality_profile,
                          relative_price, value_map_table)

APPS = ["quickbite", "dasheat", "foodhub", "mealgo"]


# --- teaching tables ---------------------------------------------------------------------------

def test_teaching_tables_follow_the_source():
    assert value.value_definitions().index.str.split(" ").str[0].tolist() == \
        ["Zeithaml", "Woodruff", "Anderson", "Kotler", "Gale"]
    drivers = value.value_drivers()
    assert drivers["driver"].unique().tolist() == ["product/service", "brand", "knowledge",
                                                   "technology", "relationship"]
    assert drivers.loc[drivers["driver"] == "relationship", "element_chinese"].tolist() == \
        ["情感联络", "情感氛围", "信任", "转移成本"]
    steps = value.driver_identification_steps()
    assert steps.groupby("stage", sort=False).size().to_dict() == \
        {"start": 4, "survey": 4, "analysis": 2}
    assert len(value.value_characteristics()) == 5
    comps = value.delivered_value_components()
    assert comps.index[comps["side"] == "value"].tolist() == list(value.KOTLER_VALUE)
    assert comps.index[comps["side"] == "cost"].tolist() == list(value.KOTLER_COST)


# --- Kotler: customer delivered value ----------------------------------------------------------

def test_delivered_value_hand_computed():
    # total value 50 + 20 + 10 + 10 = 90; total cost 40 + 15 + 5 + 5 = 65
    # delivered value 90 - 65 = 25; ratio 90 / 65 = 1.3846...
    out = delivered_value({"product": 50, "service": 20, "personnel": 10, "image": 10},
                          {"money": 40, "time": 15, "energy": 5, "psychic": 5})
    assert out.index.tolist() == ["total_value", "total_cost", "delivered_value", "value_ratio"]
    assert out["total_value"] == 90 and out["total_cost"] == 65
    assert out["delivered_value"] == 25
    assert out["value_ratio"] == pytest.approx(90 / 65)


def test_delivered_value_several_offers():
    vals = pd.DataFrame({"product": [40, 30], "service": [20, 8], "personnel": [8, 6],
                         "image": [10, 4]}, index=["QuickBite", "canteen"])
    costs = pd.DataFrame({"money": [46.5, 18], "time": [6, 15], "energy": [3, 8],
                          "psychic": [2, 2]}, index=["QuickBite", "canteen"])
    out = delivered_value(vals, costs)
    # QuickBite: 78 - 57.5 = 20.5; canteen: 48 - 43 = 5
    assert out["delivered_value"].tolist() == [20.5, 5.0]
    assert out.index.tolist() == ["QuickBite", "canteen"]


def test_delivered_value_series_and_zero_cost():
    out = delivered_value(pd.Series({"product": 10.0}), pd.Series({"money": 0.0}))
    assert out["delivered_value"] == 10 and math.isinf(out["value_ratio"])


@pytest.mark.parametrize("val, cost, error, match", [
    ([1, 2], {"money": 1}, TypeError, "value"),
    ({"product": 1}, "cheap", TypeError, "cost"),
    ({"product": -1}, {"money": 1}, ValueError, r"value\['product'\].*negative"),
    ({"product": 1}, {"money": float("nan")}, ValueError, r"cost\['money'\].*missing"),
    ({"product": "a lot"}, {"money": 1}, TypeError, r"value\['product'\]"),
    ({}, {"money": 1}, ValueError, "value: is empty"),
    (pd.DataFrame({"p": [1]}, index=["a"]), pd.DataFrame({"m": [1]}, index=["b"]), ValueError,
     "same rows"),
])
def test_delivered_value_errors(val, cost, error, match):
    with pytest.raises(error, match=match):
        delivered_value(val, cost)


def test_plot_delivered_value():
    vals = pd.DataFrame({"product": [40, 30], "image": [10, 4]}, index=["a", "b"])
    costs = pd.DataFrame({"money": [45, 18], "time": [5, 15]}, index=["a", "b"])
    ax = value.plot_delivered_value(vals, costs)
    assert len(ax.patches) == 8                   # 2 offers x (2 value + 2 cost components)
    heights = sorted(p.get_height() for p in ax.patches)
    assert heights == sorted([40, 30, 10, 4, 45, 18, 5, 15])
    assert {"delivered value +0", "delivered value +1"} <= {t.get_text() for t in ax.texts}


# --- Gale: quality profile and market-perceived quality ----------------------------------------

def test_mpq_hand_computed_single_competitor():
    # ratios 8/8 = 1.0 and 6/5 = 1.2; MPQ = 60 x 1.0 + 40 x 1.2 = 108
    assert market_perceived_quality({"taste": 60, "speed": 40}, {"taste": 8, "speed": 6},
                                    {"taste": 8, "speed": 5}) == pytest.approx(108)


def test_mpq_against_the_mean_of_several_competitors():
    # competitors' means: taste (6 + 10) / 2 = 8, speed (4 + 8) / 2 = 6 -> ratios 1.0 and 1.0
    comp = pd.DataFrame({"r1": [6, 4], "r2": [10, 8]}, index=["taste", "speed"])
    assert market_perceived_quality({"taste": 60, "speed": 40}, {"taste": 8, "speed": 6},
                                    comp) == pytest.approx(100)
    # the mean of the competitors' scores, not the mean of the ratios: 8/6 and 8/10 average 1.0667
    assert market_perceived_quality([100], [8], [[6, 10]]) == pytest.approx(100)


def test_mpq_is_100_at_parity_and_labels_align():
    w = pd.Series({"a": 30, "b": 70})
    own = pd.Series({"b": 5.0, "a": 7.0})               # another order: aligned by label
    assert market_perceived_quality(w, own, {"a": 7.0, "b": 5.0}) == pytest.approx(100)
    # positional lists
    assert market_perceived_quality([30, 70], [7, 5], [7, 5]) == pytest.approx(100)


def test_quality_profile_columns_and_sum():
    prof = quality_profile({"taste": 60, "speed": 40}, [8, 6], [8, 5])
    assert prof.columns.tolist() == ["weight", "own", "competitor", "ratio", "contribution"]
    assert prof.index.tolist() == ["taste", "speed"] and prof.index.name == "attribute"
    assert prof["ratio"].tolist() == pytest.approx([1.0, 1.2])
    assert prof["contribution"].sum() == pytest.approx(108)


@pytest.mark.parametrize("weights, own, comp, error, match", [
    ([50, 40], [1, 1], [1, 1], ValueError, "weights: .*add up to 100.*90"),
    ([150, -50], [1, 1], [1, 1], ValueError, "weights: must be zero or more"),
    ([50, 50], [1, 1, 1], [1, 1], ValueError, "own_scores: has 3 scores but there are 2"),
    ([50, 50], [1, 1], [1], ValueError, "competitor_scores: has 1 scores"),
    ([50, 50], [0, 1], [1, 1], ValueError, "own_scores: scores must be above 0"),
    ([50, 50], [1, 1], [1, -2], ValueError, "competitor_scores: scores must be above 0"),
    ([50, 50], [1, float("nan")], [1, 1], ValueError, "own_scores: missing value"),
    ([50, 50], ["good", 1], [1, 1], TypeError, "own_scores"),
    ("all", [1], [1], TypeError, "weights"),
    ({"a": 50, "b": 50}, {"a": 1, "c": 1}, [1, 1], ValueError,
     r"own_scores: .*missing \['b'\], unexpected \['c'\]"),
    ({"a": 50, "b": 50}, [1, 1], pd.DataFrame({"r": [1, 1]}, index=["a", "x"]), ValueError,
     "competitor_scores: its attributes do not match"),
    ([100], [1], pd.DataFrame(index=[0]), ValueError, "competitor_scores: has no columns"),
    ([100], [1], np.ones((1, 1, 1)), ValueError, "competitor_scores: expected attributes x"),
])
def test_mpq_errors(weights, own, comp, error, match):
    with pytest.raises(error, match=match):
        market_perceived_quality(weights, own, comp)


# --- Gale: price profile, market-perceived price, relative price -------------------------------

def test_mpp_hand_computed():
    # ratio = competitor satisfaction / own: fee 6/5 = 1.2, menu 8/8 = 1.0
    # MPP = 50 x 1.2 + 50 x 1.0 = 110 (customers find our price worse: dearer)
    weights = {"fee": 50, "menu": 50}
    assert market_perceived_price(weights, {"fee": 5, "menu": 8}, {"fee": 6, "menu": 8}) == \
        pytest.approx(110)
    prof = price_profile(weights, {"fee": 5, "menu": 8}, {"fee": 6, "menu": 8})
    assert prof["ratio"].tolist() == pytest.approx([1.2, 1.0])


def test_mpp_errors_name_the_price_arguments():
    with pytest.raises(ValueError, match="own_satisfaction: scores must be above 0"):
        market_perceived_price([100], [0], [5])
    with pytest.raises(ValueError, match="competitor_satisfaction"):
        market_perceived_price([100], [5], [float("nan")])


def test_relative_price():
    assert relative_price(46, [40, 50, 48]) == pytest.approx(100)    # 46 / 46
    assert relative_price(50, 40) == pytest.approx(125)
    assert relative_price(np.float64(30), pd.Series([60.0])) == pytest.approx(50)


@pytest.mark.parametrize("own, comp, error, match", [
    ([1, 2], [1], ValueError, "own_price: expected a single price"),
    (0, [1], ValueError, "own_price: must be above 0"),
    (10, [10, 0], ValueError, "competitor_prices: must be above 0"),
    (10, [], ValueError, "competitor_prices: is empty"),
    ("ten", [1], TypeError, "own_price"),
])
def test_relative_price_errors(own, comp, error, match):
    with pytest.raises(error, match=match):
        relative_price(own, comp)


# --- the customer value index --------------------------------------------------------------------

def test_customer_value_hand_computed():
    assert customer_value(110, 104) == pytest.approx(103)               # .5 x 110 + .5 x 96
    assert customer_value(100, 100, quality_weight=0.3) == pytest.approx(100)
    assert customer_value([100, 120], [100, 100], 0.6).tolist() == pytest.approx([100, 112])
    s = customer_value(pd.Series([110.0], index=["us"]), pd.Series([90.0], index=["us"]))
    assert s.index.tolist() == ["us"] and s.iloc[0] == pytest.approx(110)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"quality_weight": 0}, ValueError, "quality_weight: must lie strictly"),
    ({"quality_weight": 1}, ValueError, "quality_weight"),
    ({"quality_weight": 1.2}, ValueError, "quality_weight"),
    ({"quality": [1, 2]}, ValueError, "same length"),
    ({"price": "high"}, TypeError, "price"),
])
def test_customer_value_errors(kwargs, error, match):
    args = {"quality": 100, "price": 100, **kwargs}
    with pytest.raises(error, match=match):
        customer_value(**args)


# --- the value map -------------------------------------------------------------------------------

def _two_firms():
    return pd.DataFrame({"us": [8.0, 6.0], "them": [8.0, 5.0]}, index=["taste", "speed"])


def test_value_map_hand_computed():
    t = value_map_table({"taste": 60, "speed": 40}, _two_firms(), prices={"us": 50, "them": 50})
    # us: 60 x 8/8 + 40 x 6/5 = 108; them: 60 x 1 + 40 x 5/6 = 93.33
    assert t.loc["us", "relative_quality"] == pytest.approx(108)
    assert t.loc["them", "relative_quality"] == pytest.approx(60 + 40 * 5 / 6)
    assert t["relative_price"].tolist() == pytest.approx([100, 100])
    # slope 1: fair price = quality; advantage = fair - actual
    assert t.loc["us", "value_advantage"] == pytest.approx(8)
    assert t.loc["us", "customer_value"] == pytest.approx(104)          # 100 + 0.5 x 8
    assert t["region"].tolist() == ["better value", "worse value"]
    assert t.attrs["slope"] == 1.0 and t.index.name == "firm"


def test_value_map_with_price_profile_and_slope():
    price = pd.DataFrame({"us": [5.0], "them": [6.0]}, index=["fee"])
    t = value_map_table([60, 40], _two_firms(), price_weights=[100], price_scores=price,
                        quality_weight=0.75)
    # us: MPP = 100 x 6/5 = 120, them: 100 x 5/6 = 83.3; slope = 0.75 / 0.25 = 3
    assert t.loc["us", "relative_price"] == pytest.approx(120)
    assert t.attrs["slope"] == pytest.approx(3)
    assert t.loc["us", "fair_price"] == pytest.approx(100 + 3 * 8)
    assert t.loc["us", "value_advantage"] == pytest.approx(124 - 120)
    # the index agrees with the map: CV - 100 = (1 - p) x value advantage
    assert (t["customer_value"] - 100).tolist() == pytest.approx((0.25 * t["value_advantage"]).tolist())


def test_value_map_band():
    t = value_map_table([60, 40], _two_firms(), prices={"us": 54, "them": 50}, band=5)
    # us: relative price 108, fair 108 -> advantage 0 -> within the band
    assert t.loc["us", "region"] == "fair value"


@pytest.mark.parametrize("kwargs, error, match", [
    ({}, ValueError, "either prices"),
    ({"prices": {"us": 1, "them": 1}, "price_weights": [100]}, ValueError, "either prices"),
    ({"price_weights": [100]}, ValueError, "both price_weights and price_scores"),
    ({"prices": [1, 2]}, TypeError, "prices: expected a mapping"),
    ({"prices": {"us": 1}}, ValueError, r"prices: no price for firm\(s\) \['them'\]"),
    ({"prices": {"us": 1, "them": 1}, "quality_weight": 1}, ValueError, "quality_weight"),
    ({"prices": {"us": 1, "them": 1}, "band": -1}, ValueError, "band"),
    ({"price_weights": [100], "price_scores": pd.DataFrame({"us": [1.0], "x": [1.0]})},
     ValueError, r"price_scores: no column for firm\(s\) \['them'\]"),
])
def test_value_map_errors(kwargs, error, match):
    with pytest.raises(error, match=match):
        value_map_table([60, 40], _two_firms(), **kwargs)


def test_value_map_needs_a_table_of_two_firms():
    with pytest.raises(TypeError, match="quality_scores"):
        value_map_table([100], [[1, 2]], prices={"a": 1})
    with pytest.raises(ValueError, match="at least two firms"):
        value_map_table([100], pd.DataFrame({"us": [1.0]}), prices={"us": 1})
    dup = pd.DataFrame([[1.0, 2.0]], columns=["us", "us"])
    with pytest.raises(ValueError, match="appears twice"):
        value_map_table([100], dup, prices={"us": 1})


# --- properties ----------------------------------------------------------------------------------

scores = st.floats(1, 10, allow_nan=False)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 40), scores, scores), min_size=1, max_size=8))
def test_mpq_properties(rows):
    raw = np.array([r[0] for r in rows], dtype=float)
    w = raw / raw.sum() * 100
    own = np.array([r[1] for r in rows])
    comp = np.array([r[2] for r in rows])
    mpq = market_perceived_quality(w, own, comp)
    # parity gives 100; scaling our scores scales MPQ; it lies between the extreme ratios
    assert market_perceived_quality(w, comp, comp) == pytest.approx(100)
    assert market_perceived_quality(w, own * 1.1, comp) == pytest.approx(mpq * 1.1)
    ratios = own / comp
    assert ratios.min() * 100 - 1e-9 <= mpq <= ratios.max() * 100 + 1e-9
    # swapping the roles of the two sides is the price profile's orientation
    assert market_perceived_price(w, comp, own) == pytest.approx(mpq)


@settings(max_examples=60, deadline=None)
@given(q=st.floats(50, 150), r=st.floats(50, 150), p=st.floats(0.05, 0.95))
def test_customer_value_agrees_with_the_fair_value_line(q, r, p):
    slope = p / (1 - p)
    advantage = 100 + slope * (q - 100) - r
    assert customer_value(q, r, p) - 100 == pytest.approx((1 - p) * advantage, abs=1e-9)


# --- the course data set -------------------------------------------------------------------------

def _profile(dimension):
    table = data.load("gale_profile")
    return table[table["dimension"] == dimension].set_index("attribute")


def test_profile_weights_add_to_100_in_each_dimension():
    table = data.load("gale_profile")
    assert table.groupby("dimension", observed=True)["weight"].sum().tolist() == [100, 100]
    assert set(APPS) <= set(table.columns)


def test_course_value_map_tells_the_story():
    q, p = _profile("quality"), _profile("price")
    t = value_map_table(q["weight"], q[APPS], price_weights=p["weight"], price_scores=p[APPS])
    assert t.loc["quickbite", "region"] == "better value"
    assert t["value_advantage"].idxmax() == "quickbite"
    assert t["value_advantage"].idxmin() == "mealgo"
    mpq = market_perceived_quality(q["weight"], q["quickbite"], q[APPS[1:]])
    assert t.loc["quickbite", "relative_quality"] == pytest.approx(mpq)
    market = data.load("gale_market").set_index("firm")
    gained = market["share_this_year"] - market["share_last_year"]
    # built into the data (see make_value.py): share moves with value advantage
    assert gained.rank().tolist() == t.loc[market.index, "value_advantage"].rank().tolist()
    assert market["share_this_year"].sum() == pytest.approx(100)


# --- figures and widget ------------------------------------------------------------------------

def test_plot_quality_profile():
    prof = quality_profile({"taste": 60, "speed": 40}, [8, 6], [8, 5])
    ax = value.plot_quality_profile(prof, own_label="us", competitor_label="them")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["speed (40)", "taste (60)"]
    assert {"x1.00", "x1.20"} <= {t.get_text() for t in ax.texts}
    with pytest.raises(TypeError, match="profile"):
        value.plot_quality_profile(pd.DataFrame({"x": [1]}))


def test_plot_value_map():
    t = value_map_table([60, 40], _two_firms(), prices={"us": 50, "them": 50})
    ax = value.plot_value_map(t, highlight="us")
    line = [l for l in ax.get_lines() if l.get_label() == "fair-value line"][0]
    xs, ys = line.get_data()
    assert (ys - 100) == pytest.approx(xs - 100)                  # slope 1 through parity
    from matplotlib.collections import PathCollection
    points = np.vstack([c.get_offsets() for c in ax.collections if isinstance(c, PathCollection)])
    assert sorted(map(tuple, np.round(points, 3))) == sorted(
        map(tuple, np.round(t[["relative_quality", "relative_price"]].to_numpy(), 3)))
    assert {"us", "them"} <= {t_.get_text() for t_ in ax.texts}
    with pytest.raises(ValueError, match="highlight"):
        value.plot_value_map(t, highlight="nobody")
    with pytest.raises(TypeError, match="table"):
        value.plot_value_map(pd.DataFrame({"x": [1]}))


def _printed(panel) -> str:
    return "".join(o["text"] for o in panel.output.outputs if o["output_type"] == "stream")


def test_value_map_widget():
    import ipywidgets
    from crmlib import plotting

    before = plotting.plt.get_fignums()
    panel = value.value_map_widget({"taste": 60, "speed": 40}, _two_firms(),
                                   prices={"us": 50, "them": 50}, highlight="us")
    assert isinstance(panel, ipywidgets.Widget)
    assert set(panel.sliders) == {"taste", "speed", "quality_weight"}
    assert "taste 60.0, speed 40.0" in _printed(panel) and "better value" in _printed(panel)
    assert any("image/png" in o.get("data", {}) for o in panel.output.outputs)
    panel.sliders["taste"].value = 20                  # rescaled: taste 33.3, speed 66.7
    assert "taste 33.3, speed 66.7" in _printed(panel)
    panel.sliders["speed"].value = 0                   # only taste: the two firms are equal
    assert "fair value" in _printed(panel) and "better value" not in _printed(panel)
    panel.sliders["taste"].value = 0
    assert "at least one attribute" in _printed(panel)
    assert plotting.plt.get_fignums() == before        # no figure leaks


def test_value_map_widget_validates_first():
    with pytest.raises(ValueError, match="weights"):
        value.value_map_widget([10, 10], _two_firms(), prices={"us": 1, "them": 1})


# --- total customer cost: Kotler's four and the slide decks' three ---------------------------

def test_energy_cost_is_tiliao_chengben_and_the_three_cost_list():
    comps = value.delivered_value_components()
    assert comps.loc["energy", "chinese"] == "体力成本"          # physical effort, not 精力成本
    assert comps.loc["psychic", "chinese"] == "精神成本"
    lists = value.total_cost_lists()
    assert lists.index.tolist() == list(value.KOTLER_COST)
    assert sorted(set(lists["deck_item"])) == sorted({"时间成本", "精力和体力成本", "货币成本"})
    assert lists.loc[["energy", "psychic"], "deck_item"].tolist() == ["精力和体力成本"] * 2


def test_three_costs_regroups_without_changing_the_total():
    costs = pd.DataFrame({"money": [46.5, 39], "time": [6, 10], "energy": [3, 4],
                          "psychic": [2, 6]}, index=["QuickBite", "DashEat"])
    three = value.three_costs(costs)
    assert three.columns.tolist() == ["time", "effort", "money"]
    assert three.loc["DashEat"].tolist() == [10.0, 10.0, 39.0]    # effort = 4 + 6
    pd.testing.assert_series_equal(three.sum(axis=1), costs.sum(axis=1).astype(float))
    vals = pd.DataFrame({"product": [40, 36]}, index=costs.index)
    pd.testing.assert_series_equal(delivered_value(vals, three)["delivered_value"],
                                   delivered_value(vals, costs)["delivered_value"])
    assert value.three_costs({"money": 1, "time": 2, "energy": 3, "psychic": 4}).tolist() == [2, 7, 1]
    with pytest.raises(ValueError, match="cost: expected Kotler's four"):
        value.three_costs({"money": 40, "time": 5})


# --- measuring value: hierarchy, desired vs received ----------------------------------------

def test_measurement_tables():
    assert value.value_hierarchy().index.tolist() == ["goals", "consequences", "attributes"]
    assert value.value_measurement_methods()["chinese"].tolist() == [
        "价值层次模型", "期望价值与感知价值", "顾客价值确定流程"]
    assert value.value_determination_steps().index.tolist() == [1, 2, 3, 4, 5]
    assert value.value_satisfaction_loyalty().iloc[-1]["chinese"] == "顾客价值是顾客忠诚的根本原因"


def test_value_gap_hand_computed_and_aligned_by_label():
    gap = value.value_gap({"a": 8, "c": 9, "g": 8}, {"g": 5, "a": 7, "c": 5})
    # gaps: a 7 - 8 = -1, c 5 - 9 = -4, g 5 - 8 = -3; the largest shortfall first
    assert gap.index.tolist() == ["c", "g", "a"]
    assert gap["gap"].tolist() == [-4.0, -3.0, -1.0]
    assert not gap["met"].any()
    assert value.value_gap([5, 5], [6, 4])["met"].tolist() == [False, True]  # sorted by gap
    with pytest.raises(ValueError, match="received: its items do not match"):
        value.value_gap({"a": 1}, {"b": 1})
    with pytest.raises(ValueError, match="same items"):
        value.value_gap([1, 2], [1])


# --- Gale with a share-weighted average competitor -------------------------------------------

def test_competitor_weights_hand_computed():
    # attribute 1: rivals 4 and 12, weights 1:3 -> (4 + 36) / 4 = 10; attribute 2: 6 and 6 -> 6
    # MPQ = 50 x 8 / 10 + 50 x 6 / 6 = 40 + 50 = 90
    comp = pd.DataFrame({"x": [4.0, 6.0], "y": [12.0, 6.0]}, index=["t", "s"])
    w = {"t": 50, "s": 50}
    own = {"t": 8, "s": 6}
    assert value.market_perceived_quality(w, own, comp, competitor_weights={"y": 3, "x": 1}) \
        == pytest.approx(90.0)
    assert value.market_perceived_quality(w, own, comp, competitor_weights=[1, 3]) \
        == pytest.approx(90.0)
    # equal weights are the plain mean
    assert value.market_perceived_quality(w, own, comp, competitor_weights=[2, 2]) \
        == pytest.approx(value.market_perceived_quality(w, own, comp))
    # price: rivals' satisfaction weighted 1:3 -> t: 10 / 8 = 1.25, s: 1 -> 50 x 1.25 + 50 = 112.5
    assert value.market_perceived_price(w, own, comp, competitor_weights=[1, 3]) \
        == pytest.approx(112.5)
    with pytest.raises(ValueError, match="competitor_weights: no weight for competitor"):
        value.market_perceived_quality(w, own, comp, competitor_weights={"x": 1})
    with pytest.raises(ValueError, match="competitor_weights: weights must be zero or more"):
        value.market_perceived_quality(w, own, comp, competitor_weights=[0, 0])


def test_plot_value_map_legend_names_every_colour():
    t = value_map_table([60, 40], _two_firms(), prices={"us": 50, "them": 50}, band=3)
    ax = value.plot_value_map(t, highlight="us")
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert {"better value (point colour)", "worse value (point colour)",
            "fair value (point colour)", "fair-value band (±3 points)"} <= set(labels)
    from crmlib import plotting
    plotting.close(ax.figure)
