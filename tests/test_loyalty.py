"""Tests for crmlib.loyalty: loyalty types, Dick & Basu's 2x2, the loyalty ladder, the loyalty
index, Jones & Sasser's satisfaction-loyalty analysis and loyalty programme economics."""
from __future__ import annotations

import math
import re
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlib import data, loyalty
from crmlib.index import Indicator, flatten_weights, minmax
from crmlib.loyalty import (DICK_BASU_LABELS, JONES_SASSER_LABELS, LADDER_STAGES,
                            LOYALTY_INDEX_SYSTEM, ProgrammeEconomics, compare_programmes,
                            dick_basu, dick_basu_table, jones_sasser_curves, ladder_counts,
                            ladder_stages, loyalty_index, loyalty_types, loyalty_types_seven,
                            plot_dick_basu, plot_jones_sasser, plot_ladder,
                            plot_satisfaction_quadrants, programme_economics, programme_types,
                            satisfaction_loyalty_quadrant)

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    return data.load("loyalty_survey")


# --- loyalty types ------------------------------------------------------------------------------

def test_loyalty_types_levels_from_the_lesson_plan():
    t = loyalty_types()
    assert t.shape == (5, 5)
    assert t.index.tolist() == ["monopoly", "inertia", "price", "incentive", "trust"]
    assert t.columns.tolist() == ["chinese", "attachment", "repeat_purchase", "cause", "what_to_do"]
    levels = {k: (row.attachment, row.repeat_purchase) for k, row in t.iterrows()}
    assert levels == {"monopoly": ("low", "high"), "inertia": ("low", "high"),
                      "price": ("low", "low"), "incentive": ("low", "high"),
                      "trust": ("high", "high")}
    assert t["chinese"].tolist() == ["垄断忠诚", "惰性忠诚", "价格忠诚", "利益忠诚", "信赖忠诚"]
    assert t[["cause", "what_to_do"]].map(lambda s: len(s) > 10).all().all()


def test_loyalty_types_seven():
    t = loyalty_types_seven()
    assert t.shape == (7, 2)
    assert t.index.tolist() == ["monopoly", "inertia", "latent", "convenience", "price",
                                "incentive", "premium"]
    firsts = ["垄断", "惰性", "潜在", "节约", "价格", "激励", "超值"]
    assert [c.removesuffix("忠诚") for c in t["chinese"]] == firsts
    assert t["driven_by"].str.len().gt(5).all()


def test_dick_basu_table_matches_the_classifier():
    t = dick_basu_table()
    assert t.shape == (4, 4)
    assert tuple(t.index) == DICK_BASU_LABELS
    assert t["chinese"].tolist() == ["忠诚", "潜在忠诚", "虚假忠诚", "不忠诚"]
    assert t[["attitude", "repeat"]].values.tolist() == [["high", "high"], ["high", "low"],
                                                         ["low", "high"], ["low", "low"]]
    # each row's levels, fed to the classifier, give that row's condition
    value = {"attitude": {"high": 6.0, "low": 2.0}, "repeat": {"high": 0.9, "low": 0.1}}
    for condition, row in t.iterrows():
        assert dick_basu(value["attitude"][row["attitude"]],
                         value["repeat"][row["repeat"]]) == condition


def test_ladder_stages_table():
    t = ladder_stages()
    assert t.shape == (7, 3)
    assert tuple(t.index) == LADDER_STAGES
    assert t["focus"].tolist() == ["acquisition"] * 3 + ["retention"] * 4
    assert t["chinese"].tolist() == ["可疑者", "潜在客户", "首次购买者", "重复购买者", "老主顾",
                                     "拥护者", "合伙人"]


def test_programme_types_table():
    t = programme_types()
    assert t.shape == (3, 3)
    assert t.index.tolist() == ["standalone points", "coalition", "co-branded card"]
    assert t["chinese"].tolist() == ["独立积分计划", "积分计划联盟", "联名卡"]
    assert "bank" in t.loc["co-branded card", "how_it_works"]


@pytest.mark.parametrize("table", [loyalty_types, loyalty_types_seven, dick_basu_table,
                                   ladder_stages, programme_types])
def test_every_table_has_chinese_terms_and_fresh_copies(table):
    t = table()
    assert t["chinese"].map(lambda s: bool(CJK.search(s))).all()
    assert t.index.is_unique
    t.iloc[0, 0] = "changed"
    assert table().iloc[0, 0] != "changed"  # a new table each call


# --- Dick & Basu ------------------------------------------------------------------------------

@pytest.mark.parametrize("attitude, repeat, expected", [
    (6.5, 0.9, "loyalty"),
    (6.5, 0.1, "latent loyalty"),
    (2.0, 0.9, "spurious loyalty"),
    (2.0, 0.1, "no loyalty"),
    (4.0, 0.5, "loyalty"),            # exactly at both cuts: high, high
    (4.0, 0.4999, "latent loyalty"),
    (3.9999, 0.5, "spurious loyalty"),
    (1, 0, "no loyalty"),             # ints accepted
    (np.float64(7.0), np.int64(1), "loyalty"),
])
def test_dick_basu_cells(attitude, repeat, expected):
    result = dick_basu(attitude, repeat)
    assert type(result) is str
    assert result == expected


def test_dick_basu_custom_cuts():
    # with cuts at 5 and 0.7, (4.5, 0.6) drops from loyalty to no loyalty
    assert dick_basu(4.5, 0.6) == "loyalty"
    assert dick_basu(4.5, 0.6, attitude_cut=5, repeat_cut=0.7) == "no loyalty"
    assert dick_basu(5.0, 0.7, attitude_cut=5, repeat_cut=0.7) == "loyalty"
    assert dick_basu(5.0, 0.6, attitude_cut=5, repeat_cut=0.7) == "latent loyalty"
    assert dick_basu(4.9, 0.7, attitude_cut=5, repeat_cut=0.7) == "spurious loyalty"


def test_dick_basu_list_gives_object_array():
    result = dick_basu([6.1, 2.0, 5.0, 1.0], [0.8, 0.9, 0.2, 0.1])
    assert isinstance(result, np.ndarray)
    assert result.dtype == object
    assert result.tolist() == ["loyalty", "spurious loyalty", "latent loyalty", "no loyalty"]
    assert dick_basu(np.array([4.0]), np.array([0.5])).tolist() == ["loyalty"]


def test_dick_basu_series_gives_categorical_series_with_index():
    idx = pd.Index(["C9", "C2", "C5"], name="customer_id")
    result = dick_basu(pd.Series([6.0, 3.0, 4.0], index=idx), pd.Series([0.2, 0.7, 0.5], index=idx))
    assert isinstance(result, pd.Series)
    assert isinstance(result.dtype, pd.CategoricalDtype)
    assert tuple(result.cat.categories) == DICK_BASU_LABELS
    assert result.index.equals(idx)
    assert result.tolist() == ["latent loyalty", "spurious loyalty", "loyalty"]
    # one Series is enough to get a Series back
    mixed = dick_basu(pd.Series([6.0, 3.0], index=[10, 20]), [0.9, 0.1])
    assert mixed.index.tolist() == [10, 20] and mixed.tolist() == ["loyalty", "no loyalty"]


def test_dick_basu_series_with_different_indexes_rejected():
    attitude = pd.Series([6.0, 1.0], index=["a", "b"])
    repeat = pd.Series([0.1, 0.9], index=["b", "a"])  # same customers, other order
    with pytest.raises(ValueError, match="different indexes"):
        dick_basu(attitude, repeat)


def _dick_basu_loop(attitude, repeat, a_cut=4.0, r_cut=0.5):
    out = []
    for a, r in zip(attitude, repeat):
        if a >= a_cut:
            out.append("loyalty" if r >= r_cut else "latent loyalty")
        else:
            out.append("spurious loyalty" if r >= r_cut else "no loyalty")
    return out


def test_dick_basu_a_million_customers_fast_and_right():
    rng = np.random.default_rng(5)
    n = 1_000_000
    attitude = rng.uniform(1, 7, n).round(2)   # rounding puts some exactly on the cut
    repeat = rng.uniform(0, 1, n).round(2)
    labels = dick_basu(attitude, repeat)
    # fast on any machine: no Python loop over the customers (instead of a wall-clock limit)
    from _vectorised import assert_vectorised
    assert_vectorised(lambda k: (attitude[:k], repeat[:k]), dick_basu)
    assert labels.shape == (n,)
    sample = rng.choice(n, 1_000, replace=False)
    assert labels[sample].tolist() == _dick_basu_loop(attitude[sample], repeat[sample])
    assert set(np.unique(labels)) == set(DICK_BASU_LABELS)


@pytest.mark.parametrize("attitude, repeat, kwargs, error, pattern", [
    ([5.0, np.nan, 3.0], [0.5, 0.5, 0.5], {}, ValueError, r"^attitude: missing value.*position 1"),
    ([5.0, 3.0], [0.5, np.nan], {}, ValueError, r"^repeat: missing value.*position 1"),
    (pd.Series([5.0, np.nan], index=["C1", "C2"]), [0.5, 0.5], {}, ValueError,
     r"^attitude: missing value.*'C2'"),
    ([5.0, np.inf], [0.5, 0.5], {}, ValueError, r"^attitude: infinite"),
    ("high", 0.5, {}, TypeError, r"^attitude: expected numbers"),
    ([5.0, 3.0], ["often", "rarely"], {}, TypeError, r"^repeat: expected numbers.*'often'"),
    (pd.DataFrame({"a": [5.0]}), [0.5], {}, TypeError, r"^attitude: .*DataFrame"),
    ([5.0, 3.0, 2.0], [0.5, 0.5], {}, ValueError, r"^attitude and repeat must have the same length, got 3 and 2"),
    ([], [], {}, ValueError, r"^attitude: is empty"),
    ([5.0], [0.5], {"attitude_cut": "4"}, TypeError, r"^attitude_cut: expected a single number"),
    ([5.0], [0.5], {"repeat_cut": None}, TypeError, r"^repeat_cut: expected a single number"),
    ([5.0], [0.5], {"repeat_cut": True}, TypeError, r"^repeat_cut"),
    ([5.0], [0.5], {"attitude_cut": math.nan}, ValueError, r"^attitude_cut: expected a finite"),
])
def test_dick_basu_bad_input(attitude, repeat, kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        dick_basu(attitude, repeat, **kwargs)


@settings(deadline=None)
@given(st.lists(st.tuples(st.one_of(st.just(4.0), st.floats(-1e9, 1e9)),
                          st.one_of(st.just(0.5), st.floats(-1e9, 1e9))), min_size=1, max_size=200))
def test_dick_basu_property_labels_and_counts(pairs):
    attitude, repeat = (list(x) for x in zip(*pairs))
    labels = dick_basu(pd.Series(attitude), pd.Series(repeat))
    assert set(labels.unique()) <= set(DICK_BASU_LABELS)
    assert labels.value_counts().sum() == len(pairs)
    assert labels.tolist() == _dick_basu_loop(attitude, repeat)


# --- loyalty ladder --------------------------------------------------------------------------

def test_ladder_counts_hand_example():
    # counts   4, 3, 2, 0, 1, 0, 0     (10 people)
    # reached 10, 6, 3, 1, 1, 0, 0     (at that rung or above)
    # step     -, 6/10, 3/6, 1/3, 1/1, 0/1, 0/0
    stages = (["suspect"] * 4 + ["prospect"] * 3 + ["first-time customer"] * 2 + ["client"])
    t = ladder_counts(stages)
    assert t.index.name == "stage"
    assert tuple(t.index) == LADDER_STAGES
    assert t.columns.tolist() == ["count", "share", "reached", "step_conversion"]
    assert t["count"].tolist() == [4, 3, 2, 0, 1, 0, 0]
    assert t["share"].tolist() == pytest.approx([0.4, 0.3, 0.2, 0, 0.1, 0, 0])
    assert t["reached"].tolist() == [10, 6, 3, 1, 1, 0, 0]
    step = t["step_conversion"].to_numpy()
    assert np.isnan(step[0])   # nobody below the bottom rung
    assert step[1:6] == pytest.approx([0.6, 0.5, 1 / 3, 1.0, 0.0])
    assert np.isnan(step[6])   # 0 of 0 people took the last step


def test_ladder_counts_custom_order_and_input_types():
    t = ladder_counts(np.array(["warm", "cold", "cold", "hot"]), order=("cold", "warm", "hot"))
    assert t["count"].tolist() == [2, 1, 1]
    assert t["reached"].tolist() == [4, 2, 1]
    assert t["step_conversion"].tolist()[1:] == [0.5, 0.5]
    cat = pd.Series(pd.Categorical(["client", "suspect"], categories=list(LADDER_STAGES)))
    assert ladder_counts(cat)["count"].sum() == 2


def test_ladder_counts_unknown_stage_lists_expected():
    with pytest.raises(ValueError, match=re.escape("unknown stage(s) ['boss']")) as info:
        ladder_counts(["suspect", "boss", "client"])
    assert str(info.value).startswith("stages:")
    assert str(list(LADDER_STAGES)) in str(info.value)


@pytest.mark.parametrize("stages, pattern", [
    (["suspect", None, "client"], r"^stages: missing stage at position 1"),
    (["suspect", "client", np.nan], r"^stages: missing stage at position 2"),
    (pd.Series(["suspect", pd.NA], dtype="string"), r"^stages: missing stage at position 1"),
    ([], r"^stages: is empty"),
])
def test_ladder_counts_missing_and_empty(stages, pattern):
    with pytest.raises(ValueError, match=pattern):
        ladder_counts(stages)


def test_ladder_counts_on_the_data():
    t = ladder_counts(data.load("loyalty_ladder")["ladder_stage"])
    assert t["count"].sum() == 5000
    assert t["reached"].iloc[0] == 5000
    assert (t["reached"].diff().dropna() <= 0).all()
    assert t["share"].sum() == pytest.approx(1.0)
    # the funnel of the schema: about 40/25/12/10/8/4/1 %
    assert t["share"].to_numpy() == pytest.approx([0.40, 0.25, 0.12, 0.10, 0.08, 0.04, 0.01],
                                                  abs=0.02)
    assert t.loc["repeat customer", "step_conversion"] == pytest.approx(1121 / 1724)


@given(st.lists(st.sampled_from(LADDER_STAGES), min_size=1, max_size=300))
def test_ladder_counts_property(stages):
    t = ladder_counts(stages)
    assert t["share"].sum() == pytest.approx(1.0)
    assert t["count"].sum() == len(stages)
    assert t["reached"].iloc[0] == len(stages)
    assert (np.diff(t["reached"].to_numpy()) <= 0).all()
    step = t["step_conversion"].dropna()
    assert ((step >= 0) & (step <= 1)).all()


# --- loyalty index ---------------------------------------------------------------------------

def _two_customers() -> pd.DataFrame:
    return pd.DataFrame({
        "tenure_months": [60, 200],        # A 60/120 = 50;            B clipped to 100
        "visits_per_month": [6, 0],        # A 6/12 = 50;              B 0
        "visit_trend": [15, -45],          # A (15+30)/60 = 75;        B clipped to 0
        "wallet_share": [0.8, 0.25],       # A 80;                     B 25
        "categories_bought": [1, 12],      # A (1-1)/11 = 0;           B 100
        "recommendations": [5, 15],        # A 50;                     B clipped to 100
        "price_sensitivity": [2.5, 7.0],   # A (2.5-1)/6 = 25 -> 75;   B 100 -> reversed 0
        "voluntariness": [7.0, 1.0],       # A 100;                    B 0
        "satisfaction": [4, 5],            # A (4-1)/4 = 75;           B 100
    }, index=pd.Index(["A", "B"], name="customer_id"))


def test_loyalty_index_hand_example():
    result = loyalty_index(_two_customers())
    assert result.columns.tolist() == ["durability", "spending", "emotion", "loyalty_index"]
    assert result.index.tolist() == ["A", "B"] and result.index.name == "customer_id"
    # A: durability 0.4*50 + 0.4*50 + 0.2*75 = 55;  spending 0.6*80 + 0.4*0 = 48
    #    emotion 0.25*(50 + 75 + 100 + 75) = 75
    #    index 0.25*55 + 0.25*48 + 0.5*75 = 13.75 + 12 + 37.5 = 63.25
    assert result.loc["A"].tolist() == pytest.approx([55.0, 48.0, 75.0, 63.25])
    # B: durability 0.4*100 + 0.4*0 + 0.2*0 = 40;  spending 0.6*25 + 0.4*100 = 55
    #    emotion 0.25*(100 + 0 + 0 + 100) = 50
    #    index 0.25*40 + 0.25*55 + 0.5*50 = 10 + 13.75 + 25 = 48.75
    assert result.loc["B"].tolist() == pytest.approx([40.0, 55.0, 50.0, 48.75])


def test_loyalty_index_custom_system():
    system = {"behaviour": (0.5, {"share": Indicator(1.0, 0, 1)}),
              "attitude": (0.5, {"liking": Indicator(1.0, 1, 7)})}
    result = loyalty_index(pd.DataFrame({"share": [0.8, 0.0], "liking": [4.0, 7.0]}), system)
    assert result.columns.tolist() == ["behaviour", "attitude", "loyalty_index"]
    assert result["loyalty_index"].tolist() == pytest.approx([65.0, 50.0])


def test_loyalty_index_on_the_survey(survey):
    result = loyalty_index(survey)
    assert len(result) == 600 and result.index.equals(survey.index)
    assert result.notna().all().all()
    assert ((result >= 0) & (result <= 100)).all().all()
    # the overall index is the sum of global weight x indicator score
    table = flatten_weights(LOYALTY_INDEX_SYSTEM)
    manual = sum(row.global_weight * minmax(survey[row.indicator], row.low, row.high,
                                            row.higher_is_better)
                 for row in table.itertuples())
    assert result["loyalty_index"].to_numpy() == pytest.approx(manual.to_numpy())
    by_reason = result["loyalty_index"].groupby(survey["main_reason"], observed=True).mean()
    assert by_reason["trust"] > by_reason["price"]
    assert by_reason.idxmax() == "trust" and by_reason.idxmin() == "price"


def test_loyalty_index_system_weights_add_up():
    table = flatten_weights(LOYALTY_INDEX_SYSTEM)
    assert len(table) == 9
    assert table["global_weight"].sum() == pytest.approx(1.0)
    assert table.loc[table["indicator"] == "price_sensitivity", "higher_is_better"].tolist() == [False]
    assert table.loc[table["higher_is_better"] == False, "indicator"].tolist() == ["price_sensitivity"]  # noqa: E712


def test_loyalty_index_missing_column_named():
    with pytest.raises(ValueError, match=r"^data: has no column\(s\) \['price_sensitivity'\]"):
        loyalty_index(_two_customers().drop(columns="price_sensitivity"))


def test_loyalty_index_rejects_non_frames():
    with pytest.raises(TypeError, match=r"^data: expected a DataFrame"):
        loyalty_index(_two_customers().to_numpy())


def test_loyalty_index_missing_value_named():
    frame = _two_customers()
    frame.loc["B", "wallet_share"] = np.nan
    with pytest.raises(ValueError, match=r"data\['wallet_share'\]: missing value.*'B'"):
        loyalty_index(frame)


def test_loyalty_index_weights_not_adding_up_name_the_dimension():
    bad = dict(LOYALTY_INDEX_SYSTEM)
    weight, indicators = bad["emotion"]
    bad["emotion"] = (weight, {**indicators,
                               "satisfaction": Indicator(0.15, 1, 5)})  # 0.25*3 + 0.15 = 0.9
    with pytest.raises(ValueError, match=r"dimension 'emotion'.*add up to 0\.9"):
        loyalty_index(_two_customers(), bad)
    bad_dims = {"durability": (0.5, LOYALTY_INDEX_SYSTEM["durability"][1]),
                "spending": (0.25, LOYALTY_INDEX_SYSTEM["spending"][1]),
                "emotion": (0.5, LOYALTY_INDEX_SYSTEM["emotion"][1])}
    with pytest.raises(ValueError, match=r"^dimension weights: .*1\.25.*durability=0\.5"):
        loyalty_index(_two_customers(), bad_dims)


_INDICATOR_COLUMNS = [c for _, (_, ind) in LOYALTY_INDEX_SYSTEM.items() for c in ind]


@settings(deadline=None, max_examples=60)
@given(st.lists(st.lists(st.floats(-1e12, 1e12), min_size=len(_INDICATOR_COLUMNS),
                         max_size=len(_INDICATOR_COLUMNS)), min_size=1, max_size=20))
def test_loyalty_index_always_between_0_and_100(rows):
    result = loyalty_index(pd.DataFrame(rows, columns=_INDICATOR_COLUMNS))
    values = result.to_numpy()
    assert np.isfinite(values).all()
    assert (values >= 0).all() and (values <= 100 + 1e-9).all()


# --- Jones & Sasser ----------------------------------------------------------------------------

@pytest.mark.parametrize("sat, loy, expected", [
    (5, 5, "apostle"), (5, 2, "mercenary"), (2, 5, "hostage"), (1, 1, "terrorist"),
    (4, 4, "apostle"), (4, 3.9, "mercenary"), (3.9, 4, "hostage"),
])
def test_satisfaction_loyalty_quadrant_cells(sat, loy, expected):
    assert satisfaction_loyalty_quadrant(sat, loy) == expected


def test_satisfaction_loyalty_quadrant_cuts_and_types():
    assert satisfaction_loyalty_quadrant(3, 3) == "terrorist"
    assert satisfaction_loyalty_quadrant(3, 3, satisfaction_cut=3, loyalty_cut=3) == "apostle"
    assert satisfaction_loyalty_quadrant(3, 5, satisfaction_cut=3, loyalty_cut=6) == "mercenary"
    arr = satisfaction_loyalty_quadrant([5, 5, 2, 1], [5, 2, 5, 1])
    assert isinstance(arr, np.ndarray) and arr.tolist() == list(JONES_SASSER_LABELS)
    idx = pd.Index([7, 3, 9])
    s = satisfaction_loyalty_quadrant(pd.Series([5, 1, 4], index=idx, dtype="Int64"),
                                      pd.Series([1, 5, 4], index=idx, dtype="Int64"))
    assert isinstance(s, pd.Series) and s.index.equals(idx)
    assert tuple(s.cat.categories) == JONES_SASSER_LABELS
    assert s.tolist() == ["mercenary", "hostage", "apostle"]


def test_satisfaction_loyalty_quadrant_errors_name_argument():
    with pytest.raises(ValueError, match=r"^loyalty: missing value"):
        satisfaction_loyalty_quadrant([5, 4], pd.Series([1, None], dtype="Int64"))
    with pytest.raises(TypeError, match=r"^satisfaction_cut"):
        satisfaction_loyalty_quadrant([5], [5], satisfaction_cut="4")


def test_hostage_share_on_the_survey(survey):
    kinds = satisfaction_loyalty_quadrant(survey["satisfaction"], survey["repurchase_intent"])
    assert kinds.value_counts().sum() == 600
    assert (kinds == "hostage").mean() == pytest.approx(0.11)


def test_jones_sasser_curves_hand_example():
    # non-competitive: satisfaction 1 -> (4 + 2)/2 = 3, satisfaction 5 -> 5
    # competitive:     satisfaction 1 -> 1,            satisfaction 5 -> 5; none at 3 -> NaN
    curves = jones_sasser_curves(
        [1, 1, 5, 5, 1, 5, 3], [4, 2, 5, 5, 1, 5, 4],
        ["non", "non", "non", "comp", "comp", "comp", "non"])
    assert curves.index.tolist() == [1, 3, 5] and curves.index.name == "satisfaction"
    assert curves.columns.tolist() == ["comp", "non"] and curves.columns.name == "market"
    assert curves["non"].tolist() == [3.0, 4.0, 5.0]
    assert curves["comp"].iloc[[0, 2]].tolist() == [1.0, 5.0]
    assert np.isnan(curves.loc[3, "comp"])


def test_jones_sasser_curves_keep_fractional_levels():
    curves = jones_sasser_curves([1.5, 2, 1.5], [1, 2, 3], ["a", "a", "a"])
    assert curves.index.tolist() == [1.5, 2.0]
    assert curves["a"].tolist() == [2.0, 2.0]


def test_jones_sasser_curves_on_the_data():
    sl = data.load("satisfaction_loyalty")
    curves = jones_sasser_curves(sl["satisfaction"], sl["repurchase_intent"], sl["market"])
    assert curves.index.tolist() == [1, 2, 3, 4, 5]
    assert set(curves.columns) == {"competitive", "non-competitive"}
    comp, non = curves["competitive"], curves["non-competitive"]
    assert comp[1] < non[1] - 1          # dissatisfied hostages stay in non-competitive markets
    assert comp[5] > comp[1] + 2         # competitive loyalty rises with satisfaction
    assert comp.is_monotonic_increasing
    assert comp[4] < comp[5] - 1         # merely satisfied (4) is far below completely (5)


@pytest.mark.parametrize("args, pattern", [
    (([1, 2], [1, 2], ["a"]), r"same length, got 2, 2 and 1"),
    (([1, 2], [1], ["a", "b"]), r"same length, got 2, 1 and 2"),
    (([1, np.nan], [1, 2], ["a", "b"]), r"^satisfaction: missing value"),
    (([1, 2], ["x", "y"], ["a", "b"]), r"^loyalty: expected numbers"),
])
def test_jones_sasser_curves_errors(args, pattern):
    with pytest.raises((ValueError, TypeError), match=pattern):
        jones_sasser_curves(*args)


# --- programme economics -----------------------------------------------------------------------

HAND = dict(members=1_000, spend_per_member=500, uplift=0.1, margin=0.3, reward_rate=0.02,
            redemption_rate=0.5, fixed_cost=2_000)


def test_programme_economics_hand_example():
    # base = 1,000 x 500 = 500,000; incremental = 500,000 x 0.1 = 50,000
    # profit = 50,000 x 0.3 = 15,000
    # reward cost = (500,000 + 50,000) x 0.02 x 0.5 x (1 - 0) = 5,500
    # net = 15,000 - 5,500 - 2,000 = 7,500
    # break-even u: 500,000 u 0.3 - 500,000 (1 + u) 0.01 - 2,000 = 0
    #   -> u = (5,000 + 2,000) / (500,000 x 0.29) = 7,000 / 145,000 = 0.048276
    r = programme_economics(**HAND)
    assert isinstance(r, ProgrammeEconomics)
    assert r.base_revenue == pytest.approx(500_000)
    assert r.incremental_revenue == pytest.approx(50_000)
    assert r.incremental_profit == pytest.approx(15_000)
    assert r.reward_cost == pytest.approx(5_500)
    assert r.fixed_cost == 2_000
    assert r.net_benefit == pytest.approx(7_500)
    assert r.break_even_uplift == pytest.approx(7_000 / 145_000)
    assert r.as_series().to_dict() == pytest.approx(
        {"base_revenue": 500_000, "incremental_revenue": 50_000, "incremental_profit": 15_000,
         "reward_cost": 5_500, "fixed_cost": 2_000, "net_benefit": 7_500,
         "break_even_uplift": 7_000 / 145_000})


def test_programme_economics_docstring_case():
    r = programme_economics(10_000, 2_000, uplift=0.05, margin=0.25, reward_rate=0.01,
                            redemption_rate=0.7, fixed_cost=50_000)
    assert r.net_benefit == pytest.approx(53_000)                 # 250,000 - 147,000 - 50,000
    assert r.break_even_uplift == pytest.approx(190_000 / 4_860_000)


def test_partner_share_reduces_reward_cost():
    # half of 5,500 is paid by partners: 2,750; net rises to 15,000 - 2,750 - 2,000 = 10,250
    r = programme_economics(**HAND, partner_share=0.5)
    assert r.reward_cost == pytest.approx(2_750)
    assert r.net_benefit == pytest.approx(10_250)
    assert r.break_even_uplift < programme_economics(**HAND).break_even_uplift
    assert programme_economics(**HAND, partner_share=1.0).reward_cost == 0


@pytest.mark.parametrize("uplift", [0.0, 0.01, 0.05, 0.3])
@pytest.mark.parametrize("partner_share", [0.0, 0.5])
def test_break_even_uplift_gives_zero_net_benefit(uplift, partner_share):
    kwargs = {**HAND, "uplift": uplift, "partner_share": partner_share}
    u = programme_economics(**kwargs).break_even_uplift
    at_break_even = programme_economics(**{**kwargs, "uplift": u})
    assert at_break_even.net_benefit == pytest.approx(0, abs=1e-6)
    above = programme_economics(**{**kwargs, "uplift": u + 0.01}).net_benefit
    below = programme_economics(**{**kwargs, "uplift": max(u - 0.01, 0)}).net_benefit
    assert below < 0 < above


@given(members=st.floats(1, 1e6), spend=st.floats(1, 1e4), margin=st.floats(0.05, 1),
       reward=st.floats(0, 0.04), redemption=st.floats(0, 1), fixed=st.floats(0, 1e6),
       partner=st.floats(0, 1))
def test_break_even_property(members, spend, margin, reward, redemption, fixed, partner):
    kwargs = dict(members=members, spend_per_member=spend, margin=margin, reward_rate=reward,
                  redemption_rate=redemption, fixed_cost=fixed, partner_share=partner)
    u = programme_economics(uplift=0.0, **kwargs).break_even_uplift
    assert u >= 0 and math.isfinite(u)
    net = programme_economics(uplift=u, **kwargs).net_benefit
    scale = members * spend * (1 + u) + fixed
    assert abs(net) <= 1e-9 * scale


@pytest.mark.parametrize("margin", [0.01, 0.005, 0.0])
def test_margin_at_or_below_reward_cost_rate_never_breaks_even(margin):
    # reward cost per unit of revenue = 0.02 x 0.5 = 0.01
    r = programme_economics(**{**HAND, "margin": margin})
    assert r.break_even_uplift == math.inf
    assert programme_economics(**{**HAND, "margin": margin, "uplift": 5.0}).net_benefit < 0


def test_no_members_never_breaks_even():
    r = programme_economics(**{**HAND, "members": 0})
    assert r.base_revenue == 0 and r.net_benefit == -2_000
    assert r.break_even_uplift == math.inf


@pytest.mark.parametrize("name, value, error", [
    ("partner_share", 1.5, ValueError), ("partner_share", -0.1, ValueError),
    ("members", -1, ValueError), ("spend_per_member", -5, ValueError),
    ("uplift", -0.05, ValueError), ("margin", 1.2, ValueError), ("reward_rate", 2, ValueError),
    ("redemption_rate", 70, ValueError), ("fixed_cost", -1, ValueError),
    ("members", "1000", TypeError), ("margin", None, TypeError), ("uplift", math.nan, ValueError),
    ("fixed_cost", math.inf, ValueError), ("redemption_rate", True, TypeError),
])
def test_programme_economics_bad_inputs_name_the_argument(name, value, error):
    with pytest.raises(error, match=rf"^{name}:"):
        programme_economics(**{**HAND, name: value})


def test_share_error_explains_percentages():
    with pytest.raises(ValueError, match=r"got 30 \(write 30% as 0\.3\)"):
        programme_economics(**{**HAND, "margin": 30})


def test_compare_programmes_side_by_side():
    t = compare_programmes({"standalone": HAND, "coalition": {**HAND, "partner_share": 0.5}})
    assert t.index.tolist() == ["standalone", "coalition"] and t.index.name == "design"
    assert t.columns.tolist() == ["base_revenue", "incremental_revenue", "incremental_profit",
                                  "reward_cost", "fixed_cost", "net_benefit", "break_even_uplift"]
    assert t["net_benefit"].tolist() == pytest.approx([7_500, 10_250])
    assert t["reward_cost"].tolist() == pytest.approx([5_500, 2_750])
    assert t.loc["standalone", "break_even_uplift"] == pytest.approx(7_000 / 145_000)
    with pytest.raises(TypeError, match="scenarios"):
        compare_programmes({})
    with pytest.raises(ValueError, match="^partner_share"):
        compare_programmes({"bad": {**HAND, "partner_share": 2}})


# --- figures -------------------------------------------------------------------------------------

def test_plot_dick_basu():
    ax = plot_dick_basu([6, 2, 5, 1, 4], [0.9, 0.8, 0.1, 0.2, 0.5])
    assert ax.get_title() == "Dick & Basu: attitude x repeat purchase"
    assert ax.get_xlabel() == "Relative attitude" and ax.get_ylabel() == "Repeat purchase"
    assert len(ax.collections) == 4  # one scatter per condition
    points = [c.get_offsets().tolist() for c in ax.collections]
    assert points == [[[6, 0.9], [4, 0.5]], [[5, 0.1]], [[2, 0.8]], [[1, 0.2]]]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["loyalty (40%)", "latent loyalty (20%)", "spurious loyalty (20%)",
                      "no loyalty (20%)"]
    assert [t.get_text() for t in ax.texts] == [label.upper() for label in DICK_BASU_LABELS]
    assert len(ax.lines) == 2
    assert list(ax.lines[0].get_xdata()) == [4.0, 4.0]
    assert list(ax.lines[1].get_ydata()) == [0.5, 0.5]


def test_plot_dick_basu_custom_cuts_and_given_axes():
    from crmlib import plotting
    fig, ax = plotting.new_figure()
    out = plot_dick_basu(pd.Series([6.0, 2.0]), pd.Series([0.9, 0.1]), attitude_cut=5,
                         repeat_cut=0.3, ax=ax)
    assert out is ax
    assert list(ax.lines[0].get_xdata()) == [5.0, 5.0]
    assert list(ax.lines[1].get_ydata()) == [0.3, 0.3]
    assert [len(c.get_offsets()) for c in ax.collections] == [1, 0, 0, 1]


def test_plot_dick_basu_bad_input_names_argument_without_a_figure():
    from crmlib import plotting
    before = plotting.plt.get_fignums()
    with pytest.raises(TypeError, match=r"^attitude: expected numbers"):
        plot_dick_basu(["high", "low"], [0.5, 0.5])
    with pytest.raises(ValueError, match=r"^repeat: missing value"):
        plot_dick_basu([5, 3], [0.5, np.nan])
    assert plotting.plt.get_fignums() == before


def test_plot_ladder():
    counts = ladder_counts(["suspect"] * 6 + ["prospect"] * 3 + ["partner"])
    ax = plot_ladder(counts)
    assert ax.get_title() == "The loyalty ladder: people who reached each rung"
    assert len(ax.patches) == 7
    # top rung drawn on top: bars in order partner ... suspect, width = reached, centred on 0
    assert [p.get_width() for p in ax.patches] == [1, 1, 1, 1, 1, 4, 10]
    assert [p.get_x() for p in ax.patches] == [-0.5] * 5 + [-2, -5]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(LADDER_STAGES)[::-1]
    texts = [t.get_text() for t in ax.texts]
    assert texts[-1] == "10"                        # bottom rung: no conversion
    assert texts[-2] == "4  (40% of rung below)"
    assert texts[-3] == "1  (25% of rung below)"
    assert list(ax.get_xticks()) == []


def test_plot_ladder_on_the_data():
    ax = plot_ladder(ladder_counts(data.load("loyalty_ladder")["ladder_stage"]))
    assert len(ax.patches) == 7
    assert ax.patches[-1].get_width() == 5000
    assert ax.texts[-1].get_text() == "5,000"


def test_plot_jones_sasser_one_line_per_market():
    sl = data.load("satisfaction_loyalty")
    curves = jones_sasser_curves(sl["satisfaction"], sl["repurchase_intent"], sl["market"])
    ax = plot_jones_sasser(curves)
    assert ax.get_title() == "Satisfaction and loyalty (Jones & Sasser)"
    assert ax.get_xlabel().startswith("Satisfaction (1 = very dissatisfied")
    assert ax.get_ylabel() == "Mean repurchase intent"
    assert [line.get_label() for line in ax.lines] == ["competitive", "non-competitive"]
    assert list(ax.lines[0].get_ydata()) == pytest.approx(curves["competitive"].tolist())
    assert list(ax.lines[1].get_xdata()) == [1, 2, 3, 4, 5]
    assert ax.get_legend().get_title().get_text() == "market"
    assert list(ax.get_xticks()) == [1, 2, 3, 4, 5]


def test_plot_jones_sasser_three_markets():
    curves = jones_sasser_curves([1, 5] * 3, [1, 5, 2, 5, 3, 5], ["a", "a", "b", "b", "c", "c"])
    ax = plot_jones_sasser(curves)
    assert len(ax.lines) == 3
    assert len({line.get_color() for line in ax.lines}) == 3


def test_plot_satisfaction_quadrants():
    ax = plot_satisfaction_quadrants([5, 5, 1, 4, 2], [5, 5, 1, 2, 5])
    assert ax.get_title() == "Apostles, mercenaries, hostages, terrorists"
    assert ax.get_xlabel() == "Satisfaction"
    assert ax.get_ylabel() == "Loyalty (repurchase intent)"
    assert len(ax.collections) == 4
    # bubble area = 12 x number of customers at the point: (5, 5) twice
    assert [c.get_sizes().tolist() for c in ax.collections] == [[24], [12], [12], [12]]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["apostle (40%)", "mercenary (20%)", "hostage (20%)", "terrorist (20%)"]
    assert list(ax.lines[0].get_xdata()) == [3.5, 3.5]
    assert list(ax.lines[1].get_ydata()) == [3.5, 3.5]


def test_plot_satisfaction_quadrants_on_the_survey(survey):
    ax = plot_satisfaction_quadrants(survey["satisfaction"], survey["repurchase_intent"],
                                     satisfaction_cut=3, loyalty_cut=3)
    total = sum(c.get_sizes().sum() for c in ax.collections) / 12
    assert total == 600
    assert list(ax.lines[0].get_xdata()) == [2.5, 2.5]


def test_public_names():
    assert set(loyalty.__all__) <= set(dir(loyalty))
    assert {"dick_basu", "ladder_counts", "loyalty_index", "programme_economics",
            "compare_programmes"} <= set(loyalty.__all__)
