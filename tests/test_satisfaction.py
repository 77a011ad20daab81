"""Tests for crmlib.satisfaction: the expectation-performance model, satisfaction levels and
metrics, Cronbach's alpha (hand-worked and published examples), the weighted satisfaction index
CSD, importance-performance analysis, the index models, the figures and the widget, the
supermarket data set's story, and the chapter's self-checks."""
from __future__ import annotations

import io
import math
import re
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from crmlib import data, satisfaction
from crmlib.checks import REGISTRY, evaluate
from crmlib.checks import satisfaction as sat_checks
from crmlib.index import Indicator, flatten_weights
from crmlib.satisfaction import (INDEX_MODELS, IPA_QUADRANTS, SATISFACTION_STATES,
                                 SUPERMARKET_FACTORS, IndexModel, Reliability, alpha_rating,
                                 columns_with_prefix, cronbach_alpha, csd, csd_summary,
                                 csd_system, csd_widget, derived_importance, disconfirmation,
                                 expectation_performance, factor_scores, importance_weights,
                                 index_constructs, index_model, index_models_table, ipa,
                                 plot_alpha_if_deleted, plot_csd, plot_expectation_performance,
                                 plot_index_model, plot_ipa, plot_satisfaction_levels,
                                 reliability_table, satisfaction_level, satisfaction_levels,
                                 satisfaction_metrics, supermarket_factors)

CJK = re.compile(r"[\u4e00-\u9fff]")

#: The hand-worked example of the chapter and the docstring (4 respondents x 3 items).
HAND = pd.DataFrame({"q1": [4, 2, 5, 3], "q2": [5, 3, 4, 2], "q3": [4, 3, 5, 2]})

#: pingouin's data set "cronbach_alpha" (from www.real-statistics.com), 15 subjects x 10 items,
#: here in wide form. pingouin's documented result, tested against R's psych package:
#: pg.cronbach_alpha(...) -> 0.5917188485995826.
REAL_STATISTICS = pd.DataFrame({
    "Q1": [3, 5, 7, 2, 6, 1, 4, 2, 6, 5, 4, 4, 5, 6, 4],
    "Q2": [2, 4, 3, 4, 5, 2, 3, 4, 5, 4, 3, 2, 5, 5, 3],
    "Q3": [4, 6, 5, 3, 6, 3, 5, 4, 5, 6, 5, 3, 6, 5, 5],
    "Q4": [1, 3, 5, 3, 5, 4, 3, 3, 5, 4, 2, 2, 2, 4, 5],
    "Q5": [4, 5, 6, 2, 4, 2, 5, 7, 1, 3, 5, 5, 3, 2, 3],
    "Q6": [5, 1, 4, 2, 4, 5, 2, 2, 6, 5, 3, 3, 3, 2, 1],
    "Q7": [1, 2, 3, 2, 4, 2, 1, 2, 5, 3, 2, 4, 2, 1, 3],
    "Q8": [4, 5, 3, 6, 6, 3, 2, 4, 2, 1, 3, 2, 4, 4, 2],
    "Q9": [3, 5, 6, 6, 7, 5, 4, 6, 3, 7, 4, 3, 4, 6, 3],
    "Q10": [2, 5, 5, 3, 5, 2, 3, 5, 2, 2, 1, 4, 5, 5, 4],
})

#: pingouin's data set "cronbach_wide_missing" (binary answers with blanks; from
#: www.real-statistics.com). pingouin's documented results, which match R's psych::alpha:
#: pairwise (psych's default use="pairwise") 0.732660835214447, listwise (use="complete.obs")
#: 0.8016949152542373, blanks filled with each column's median 0.7380191693290734.
_nan = np.nan
WIDE_MISSING = pd.DataFrame(
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
     [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0],
     [_nan, 0, 1, 1, _nan, 1, 1, 1, 1, 0, 0],
     [1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0],
     [1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0],
     [0, 1, _nan, 0, 1, 1, 1, 1, 0, 0, 0],
     [1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
     [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
     [0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0],
     [1, 0, 0, 1, 0, 1, 0, 0, _nan, 0, 0],
     [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
     [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]],
    columns=[f"Q{i}" for i in range(1, 12)])


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    return data.load("supermarket_satisfaction")


# --- the expectation-performance model ----------------------------------------------------------

def test_disconfirmation_is_performance_minus_expectation():
    assert disconfirmation(4, 3.5) == -0.5
    assert isinstance(disconfirmation(4, 3.5), float)
    assert disconfirmation([3, 4, 5], [4, 4, 2]).tolist() == [1.0, 0.0, -3.0]
    e = pd.Series([3.0, 4.0], index=["a", "b"])
    gap = disconfirmation(e, pd.Series([4.0, 2.0], index=["a", "b"]))
    assert gap.index.tolist() == ["a", "b"] and gap.tolist() == [1.0, -2.0]
    assert disconfirmation([3, 4], pd.Series([4.0, 4.0], index=["x", "y"])).index.tolist() == \
        ["x", "y"]


def test_disconfirmation_of_dataframes_keeps_missing():
    e = pd.DataFrame({"price": [4, 3], "service": [5, None]})
    p = pd.DataFrame({"price": [3, 3], "service": [4, 4]})
    gap = disconfirmation(e, p)
    assert gap["price"].tolist() == [-1.0, 0.0]
    assert gap["service"].iloc[0] == -1.0 and math.isnan(gap["service"].iloc[1])


@pytest.mark.parametrize("e, p, exc, match", [
    ([1, 2], [1, 2, 3], ValueError, "same length"),
    (pd.Series([1.0], index=["a"]), pd.Series([1.0], index=["b"]), ValueError, "different indexes"),
    (pd.DataFrame({"a": [1]}), [1], TypeError, "two DataFrames or neither"),
    (pd.DataFrame({"a": [1]}), pd.DataFrame({"b": [1]}), ValueError, "same columns"),
    ("high", 3, TypeError, "expectation"),
    (3, [1, math.nan], ValueError, "performance: missing value"),
    (3, math.inf, ValueError, "performance: infinite"),
    (pd.DataFrame({"a": ["x"]}), pd.DataFrame({"a": [1]}), TypeError,
     r"expectation\['a'\]: non-numeric answer 'x' at label 0"),
])
def test_disconfirmation_bad_input(e, p, exc, match):
    with pytest.raises(exc, match=match):
        disconfirmation(e, p)


def test_satisfaction_level_boundaries():
    # the band [-0.5, 0.5] counts as meeting expectations (both ends included)
    assert satisfaction_level([-0.51, -0.5, 0.0, 0.5, 0.51]).tolist() == [
        "dissatisfied", "satisfied", "satisfied", "satisfied", "delighted"]
    assert satisfaction_level(-0.5, tolerance=0) == "dissatisfied"
    assert satisfaction_level(0.0, tolerance=0) == "satisfied"
    levels = satisfaction_level(pd.Series([-2.0, 2.0], index=["x", "y"]))
    assert levels.index.tolist() == ["x", "y"]
    assert levels.cat.ordered and tuple(levels.cat.categories) == SATISFACTION_STATES


@pytest.mark.parametrize("gap, tolerance, exc, match", [
    (0.1, -0.1, ValueError, "tolerance: must be zero or more"),
    (0.1, "0.5", TypeError, "tolerance"),
    ("big", 0.5, TypeError, "gap"),
    ([0.1, math.nan], 0.5, ValueError, "gap: missing value"),
])
def test_satisfaction_level_bad_input(gap, tolerance, exc, match):
    with pytest.raises(exc, match=match):
        satisfaction_level(gap, tolerance=tolerance)


@settings(deadline=None, max_examples=60)
@given(st.lists(st.floats(-4, 4), min_size=1, max_size=50), st.floats(0, 2))
def test_satisfaction_level_is_monotone(gaps, tol):
    order = np.argsort(gaps, kind="stable")
    codes = pd.Series(satisfaction_level(gaps, tol)).map(
        {s: i for i, s in enumerate(SATISFACTION_STATES)}).to_numpy()
    assert np.all(np.diff(codes[order]) >= 0)


# --- teaching tables ----------------------------------------------------------------------------

def test_satisfaction_levels_table():
    t = satisfaction_levels()
    assert t.index.tolist() == list(range(1, 8))
    assert t["chinese"].tolist() == ["很不满意", "不满意", "不太满意", "一般", "较满意", "满意",
                                     "很满意"]
    assert not any(CJK.search(s) for s in t["level"])


def test_satisfaction_metrics_are_the_seven_of_the_slides():
    t = satisfaction_metrics()
    assert t["chinese"].tolist() == ["美誉度", "指名度", "回头率", "投诉率", "单交易购买额",
                                     "价格变化的敏感度", "向其他人员的推荐率"]
    assert t["better"].value_counts().to_dict() == {"higher": 5, "lower": 2}
    assert set(t.loc[["complaint rate", "price sensitivity"], "better"]) == {"lower"}


def test_supermarket_factors_follow_the_case():
    t = supermarket_factors()
    assert t.index.tolist() == list(SUPERMARKET_FACTORS)
    assert t["chinese"].tolist() == ["价格低廉", "交通便利", "商品充足", "店内特色", "购物环境",
                                     "优质服务"]
    assert t.loc["environment", "how_to_improve"].startswith("(course)")
    assert t.loc["service", "items"] == "serv_1, serv_2, serv_3, serv_4"


def test_columns_with_prefix():
    df = pd.DataFrame({"imp_price": [5], "price_1": [3], "imp_service": [4], 7: [1]})
    assert columns_with_prefix(df, "imp_").to_dict("list") == {"price": [5], "service": [4]}
    with pytest.raises(ValueError, match="no column starts with 'exp_'"):
        columns_with_prefix(df, "exp_")
    with pytest.raises(TypeError, match="prefix"):
        columns_with_prefix(df, "")
    with pytest.raises(TypeError, match="frame"):
        columns_with_prefix([1, 2], "imp_")


# --- Cronbach's alpha ---------------------------------------------------------------------------

def test_alpha_worked_by_hand():
    # items: each has deviations summing to squares 5, so variance 5/3; sum = 5
    # totals 13, 8, 14, 7 (mean 10.5): squares 6.25 + 6.25 + 12.25 + 12.25 = 37, variance 37/3
    # alpha = 3/2 x (1 - 5 / (37/3)) = 3/2 x 22/37 = 33/37
    r = cronbach_alpha(HAND)
    assert r.alpha == pytest.approx(33 / 37)
    assert (r.n_items, r.n_respondents, r.n_used, r.n_dropped) == (3, 4, 4, 0)
    # without q1: q2, q3 have covariance 4/3, so alpha = 2 x (1 - (10/3) / (10/3 + 8/3)) = 8/9
    # without q3: q1, q2 have covariance 1, so alpha = 2 x (1 - (10/3) / (10/3 + 2)) = 3/4
    assert r.items["alpha_if_deleted"].tolist() == pytest.approx([8 / 9, 8 / 9, 3 / 4])
    # q1 against q2 + q3 = (9, 6, 9, 4): cross-products 7, squares 5 and 18 -> 7 / sqrt(90)
    assert r.items.loc["q1", "item_total_r"] == pytest.approx(7 / math.sqrt(90))
    assert r.items["mean"].tolist() == [3.5, 3.5, 3.5]
    assert r.items["sd"].tolist() == pytest.approx([math.sqrt(5 / 3)] * 3)
    assert float(r) == r.alpha
    assert str(r) == "Cronbach's alpha = 0.892 (good; 3 items; 4 respondents, none missing)"
    assert repr(r) == str(r)


def test_alpha_exercise_example_by_hand():
    # item variances 1.3, 1.3, 1.7 (sum 4.3); totals 8, 13, 14, 7, 13 have variance 42/4 = 10.5
    # alpha = 3/2 x (1 - 4.3/10.5) = 9.3/10.5 = 31/35
    assert cronbach_alpha(pd.DataFrame(sat_checks.SMALL_ITEMS)).alpha == pytest.approx(31 / 35)


def test_alpha_matches_published_real_statistics_example():
    # pingouin docs (tested against R psych): 0.5917188485995826
    assert cronbach_alpha(REAL_STATISTICS).alpha == pytest.approx(0.5917188485995826, abs=1e-12)


def test_alpha_matches_published_missing_value_examples():
    # pingouin docs, equal to R: psych::alpha(data, use="pairwise") and use="complete.obs"
    pairwise = cronbach_alpha(WIDE_MISSING, missing="pairwise")
    listwise = cronbach_alpha(WIDE_MISSING)
    assert pairwise.alpha == pytest.approx(0.732660835214447, abs=1e-12)
    assert listwise.alpha == pytest.approx(0.8016949152542373, abs=1e-12)
    assert (listwise.n_used, listwise.n_dropped) == (9, 3)
    assert (pairwise.n_used, pairwise.n_dropped) == (12, 0)
    filled = WIDE_MISSING.fillna(WIDE_MISSING.median())
    assert cronbach_alpha(filled).alpha == pytest.approx(0.7380191693290734, abs=1e-12)
    assert "9 of 12 respondents; 3 with a missing answer dropped (listwise)" in str(listwise)
    assert "missing answers left out pair by pair" in str(pairwise)


def test_alpha_accepts_nullable_ints_bools_and_numeric_text():
    nullable = HAND.astype("Int64")
    nullable.loc[0, "q1"] = pd.NA
    assert cronbach_alpha(nullable).n_used == 3
    assert cronbach_alpha(nullable).alpha == pytest.approx(cronbach_alpha(HAND.iloc[1:]).alpha)
    as_text = HAND.astype(str)
    assert cronbach_alpha(as_text).alpha == pytest.approx(33 / 37)
    binary = pd.DataFrame({"a": [True, False, True, False], "b": [True, False, True, True]})
    assert -10 < cronbach_alpha(binary).alpha <= 1


def test_alpha_two_items_has_no_alpha_if_deleted():
    r = cronbach_alpha(HAND[["q1", "q2"]])
    # q1, q2: variances 5/3 each, covariance 1 -> alpha = 2 x (1 - (10/3)/(16/3)) = 3/4
    assert r.alpha == pytest.approx(0.75)
    assert r.items["alpha_if_deleted"].isna().all()
    assert r.items["item_total_r"].tolist() == pytest.approx([0.6, 0.6])  # 1 / (5/3)


def test_alpha_can_be_negative_for_a_forgotten_reverse_item():
    df = HAND.assign(q3=6 - HAND["q3"])
    assert cronbach_alpha(df).alpha < 0.2
    assert cronbach_alpha(HAND).alpha > cronbach_alpha(df).alpha


def test_constant_item_has_undefined_item_total_r():
    r = cronbach_alpha(HAND.assign(q4=3))
    assert math.isnan(r.items.loc["q4", "item_total_r"])
    assert r.items.loc["q4", "sd"] == 0


@pytest.mark.parametrize("items, kwargs, exc, match", [
    ([[1, 2], [3, 4]], {}, TypeError, "items: expected a DataFrame"),
    (HAND[["q1"]], {}, ValueError, "at least two items"),
    (pd.DataFrame(), {}, ValueError, "items: has no columns"),
    (HAND.iloc[:0], {}, ValueError, "items: has no rows"),
    (HAND, {"missing": "mean"}, ValueError, r"missing: expected one of \['listwise'"),
    (HAND.assign(q2=["a", 3, 4, 2]), {}, TypeError,
     r"items\['q2'\]: non-numeric answer 'a' at label 0"),
    (HAND.assign(q2=[1, 2, math.inf, 2]), {}, ValueError, r"items\['q2'\]: infinite value at label 2"),
    (pd.DataFrame({"a": [1, 2], "b": [2, 1]}), {}, ValueError, "total score has no variance"),
    (pd.DataFrame({"a": [1, None, 3], "b": [2, 3, None]}), {}, ValueError,
     "only 1 respondent"),
    (pd.DataFrame({"a": [1, None, 3], "b": [2, 3, None]}), {"missing": "pairwise"}, ValueError,
     "fewer than two respondents answered both 'a' and 'b'"),
    (HAND.set_axis(["q1", "q1", "q3"], axis=1), {}, ValueError, "duplicate column"),
])
def test_alpha_bad_input(items, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        cronbach_alpha(items, **kwargs)


def test_alpha_raise_names_respondent_and_item():
    df = HAND.set_axis(["R1", "R2", "R3", "R4"]).astype(float)
    df.loc["R3", "q2"] = np.nan
    with pytest.raises(ValueError, match=r"respondent 'R3' on item 'q2' \(1 missing in all\)"):
        cronbach_alpha(df, missing="raise")
    assert cronbach_alpha(HAND, missing="raise").alpha == pytest.approx(33 / 37)


likert = hnp.arrays(np.int64, st.tuples(st.integers(3, 30), st.integers(2, 6)),
                    elements=st.integers(1, 5))


def _varied(x: np.ndarray) -> bool:
    return np.var(x.sum(axis=1)) > 0 and (np.var(x, axis=0) > 0).all()


@settings(deadline=None, max_examples=80)
@given(likert)
def test_alpha_properties(x):
    if not _varied(x):
        return
    df = pd.DataFrame(x, columns=[f"i{j}" for j in range(x.shape[1])])
    r = cronbach_alpha(df)
    assert r.alpha <= 1 + 1e-12
    # unchanged by shifting one item, reordering items, or duplicating every respondent
    assert cronbach_alpha(df.assign(i0=df["i0"] + 10)).alpha == pytest.approx(r.alpha)
    assert cronbach_alpha(df[df.columns[::-1]]).alpha == pytest.approx(r.alpha)
    assert cronbach_alpha(pd.concat([df, df], ignore_index=True)).alpha == pytest.approx(r.alpha)
    # the same for pairwise and listwise when nothing is missing
    assert cronbach_alpha(df, missing="pairwise").alpha == pytest.approx(r.alpha)
    # alpha-if-deleted is the alpha of the other items
    if x.shape[1] > 2:
        for item in df.columns:
            rest = df.drop(columns=item)
            if np.var(rest.sum(axis=1)) > 0:
                assert r.items.loc[item, "alpha_if_deleted"] == pytest.approx(
                    cronbach_alpha(rest).alpha)


@settings(deadline=None, max_examples=40)
@given(st.lists(st.integers(1, 7), min_size=3, max_size=40), st.integers(2, 6))
def test_identical_items_give_alpha_one(answers, k):
    if len(set(answers)) < 2:
        return
    df = pd.DataFrame({f"i{j}": answers for j in range(k)})
    assert cronbach_alpha(df).alpha == pytest.approx(1.0)


def test_listwise_equals_dropping_rows_first():
    df = WIDE_MISSING
    assert cronbach_alpha(df).alpha == pytest.approx(cronbach_alpha(df.dropna()).alpha)
    assert cronbach_alpha(df).items.equals(cronbach_alpha(df.dropna()).items)


def test_alpha_is_fast_for_a_million_answers():
    rng = np.random.default_rng(1)
    x = np.clip(np.rint(3 + rng.normal(0, 1, (1, 1))
                        + rng.normal(0, 1, (100_000, 1)) + rng.normal(0, 0.8, (100_000, 10))), 1, 5)
    df = pd.DataFrame(x, columns=[f"i{j}" for j in range(10)])
    r = cronbach_alpha(df)
    assert 0.8 < r.alpha < 1
    # fast on any machine: no Python loop over the respondents (instead of a wall-clock limit)
    from _vectorised import assert_vectorised
    assert_vectorised(lambda n: (df.iloc[:n],), cronbach_alpha)
    assert_vectorised(lambda n: (df.iloc[:n].mask(df.iloc[:n] == 1),), cronbach_alpha)


@pytest.mark.parametrize("alpha, rating", [(0.9, "excellent"), (0.8999, "good"), (0.8, "good"),
                                           (0.7, "acceptable"), (0.6, "questionable"),
                                           (0.5, "poor"), (0.49, "unacceptable"),
                                           (-1.0, "unacceptable")])
def test_alpha_rating(alpha, rating):
    assert alpha_rating(alpha) == rating


def test_alpha_rating_bad_input():
    with pytest.raises(TypeError, match="alpha"):
        alpha_rating("high")


def test_reliability_table_by_hand():
    df = HAND.assign(r1=[1, 2, 1, 2], r2=[2, 1, 2, 1.5])
    t = reliability_table(df, {"good": ["q1", "q2", "q3"], "pair": ["r1", "r2"]})
    assert t.index.tolist() == ["good", "pair"]
    assert t.loc["good", "alpha"] == pytest.approx(33 / 37)
    assert t.loc["good", "drop_candidate"] == "" and math.isnan(t.loc["good", "alpha_if_dropped"])
    assert t.loc["pair", "n_items"] == 2
    with pytest.raises(ValueError, match=r"factors\['x'\]: column\(s\) \['zz'\] not in the data"):
        reliability_table(df, {"x": ["q1", "zz"]})
    with pytest.raises(TypeError, match="factors"):
        reliability_table(df, ["q1", "q2"])
    with pytest.raises(TypeError, match=r"factors\['x'\]: expected a list"):
        reliability_table(df, {"x": "q1"})
    with pytest.raises(TypeError, match=r"factors\['x'\]: expected a list"):
        reliability_table(df, {"x": []})
    with pytest.raises(TypeError, match="items"):
        reliability_table(HAND.to_numpy(), {"x": ["q1"]})


# --- factor scores and expectation-performance -------------------------------------------------

def test_factor_scores_available_and_complete():
    df = pd.DataFrame({"a1": [4, 5, None], "a2": [2, None, None], "b1": [3, 3, 1]})
    f = {"a": ["a1", "a2"], "b": ["b1"]}
    avail = factor_scores(df, f)
    assert avail["a"].tolist()[:2] == [3.0, 5.0] and math.isnan(avail["a"].iloc[2])
    comp = factor_scores(df, f, missing="complete")
    assert comp["a"].iloc[0] == 3.0 and comp["a"].iloc[1:].isna().all()
    assert comp["b"].tolist() == [3.0, 3.0, 1.0]
    with pytest.raises(ValueError, match="missing: expected one of"):
        factor_scores(df, f, missing="listwise")
    with pytest.raises(TypeError, match="items: expected a DataFrame"):
        factor_scores(df.to_dict(), f)
    with pytest.raises(ValueError, match=r"factors\['a'\]"):
        factor_scores(df, {"a": ["a1", "a9"]})


def test_expectation_performance_by_hand():
    e = pd.DataFrame({"price": [4, 4, 5], "service": [3, None, 3]})
    p = pd.DataFrame({"price": [3, 4, 3], "service": [4, 5, 5]})
    t = expectation_performance(e, p)
    # price: E 13/3, P 10/3, gap -1; individual gaps -1, 0, -2: two of three below -0.5
    assert t.loc["price", "gap"] == pytest.approx(-1.0)
    assert t.loc["price", "share_dissatisfied"] == pytest.approx(2 / 3)
    assert t.loc["price", "level"] == "dissatisfied"
    # service: the respondent without an expectation is left out: E 3, P 4.5, n 2
    assert t.loc["service", ["n", "expectation", "performance"]].tolist() == [2, 3.0, 4.5]
    assert t.loc["service", "level"] == "delighted"
    with pytest.raises(ValueError, match="no respondent answered both"):
        expectation_performance(e.assign(service=np.nan), p)
    with pytest.raises(ValueError, match="tolerance"):
        expectation_performance(e, p, tolerance=-1)


# --- the satisfaction index CSD ----------------------------------------------------------------

SYSTEM = {"quality": (0.75, {"q1": Indicator(0.5, 1, 5), "q2": Indicator(0.5, 1, 5)}),
          "price": (0.25, {"p": Indicator(1.0, 1, 5)})}


def test_csd_by_hand():
    df = pd.DataFrame({"q1": [5, 3], "q2": [3, 1], "p": [1, 5]})
    out = csd(df, SYSTEM)
    # respondent 0: q1 100, q2 50 -> quality 75; price 0; CSD = 0.75 x 75 + 0.25 x 0 = 56.25
    # respondent 1: q1 50, q2 0 -> quality 25; price 100; CSD = 18.75 + 25 = 43.75
    assert out.columns.tolist() == ["quality", "price", "csd"]
    assert out["quality"].tolist() == [75.0, 25.0]
    assert out["csd"].tolist() == [56.25, 43.75]


def test_csd_is_the_sum_of_global_weight_times_score():
    df = pd.DataFrame({"q1": [5, 2, 4], "q2": [1, 4, 4], "p": [3, 2, 5]})
    table = flatten_weights(SYSTEM)
    scaled = (df[table["indicator"]] - 1) / 4 * 100
    assert csd(df, SYSTEM)["csd"].tolist() == pytest.approx(
        (scaled.to_numpy() @ table["global_weight"].to_numpy()).tolist())


def test_csd_missing_choices():
    df = pd.DataFrame({"q1": [5, 3, None], "q2": [3, None, None], "p": [1, 5, None]},
                      index=["A", "B", "C"])
    listwise = csd(df, SYSTEM)
    assert listwise.index.tolist() == ["A"]
    re = csd(df, SYSTEM, missing="reweight")
    # B: q2 skipped, so quality = q1's 50 alone; CSD = 0.75 x 50 + 0.25 x 100 = 62.5
    # C: answered nothing, left out
    assert re.index.tolist() == ["A", "B"]
    assert re.loc["B", "quality"] == 50.0 and re.loc["B", "csd"] == 62.5
    # a whole dimension missing: its weight moves to the others
    only_quality = csd(pd.DataFrame({"q1": [5.0], "q2": [5.0], "p": [None]}), SYSTEM,
                       missing="reweight")
    assert only_quality["csd"].tolist() == [100.0]
    with pytest.raises(ValueError, match=r"respondent 'B' on 'q2'"):
        csd(df, SYSTEM, missing="raise")
    with pytest.raises(ValueError, match="no respondent answered every indicator"):
        csd(df.loc[["B", "C"]], SYSTEM)
    with pytest.raises(ValueError, match="no respondent answered any indicator"):
        csd(df.loc[["C"]], SYSTEM, missing="reweight")


@pytest.mark.parametrize("system, match", [
    ({"a": (0.5, {"q1": Indicator(1.0, 1, 5)}), "b": (0.4, {"p": Indicator(1.0, 1, 5)})},
     "dimension weights: weights must add up to 1"),
    ({"a": (1.0, {"q1": Indicator(0.6, 1, 5), "q2": Indicator(0.6, 1, 5)})},
     "indicator weights in dimension 'a'"),
    ({"a": (1.0, {"zz": Indicator(1.0, 1, 5)})}, r"no column\(s\) \['zz'\]"),
])
def test_csd_bad_system(system, match):
    df = pd.DataFrame({"q1": [5, 3], "q2": [3, 1], "p": [1, 5]})
    with pytest.raises(ValueError, match=match):
        csd(df, system)


def test_csd_bad_data():
    with pytest.raises(TypeError, match="data: expected a DataFrame"):
        csd([[1, 2]], SYSTEM)
    with pytest.raises(ValueError, match="missing: expected one of"):
        csd(pd.DataFrame({"q1": [5], "q2": [3], "p": [1]}), SYSTEM, missing="mean")
    with pytest.raises(TypeError, match=r"data\['p'\]: non-numeric answer 'cheap'"):
        csd(pd.DataFrame({"q1": [5], "q2": [3], "p": ["cheap"]}), SYSTEM)


@settings(deadline=None, max_examples=60)
@given(hnp.arrays(np.int64, st.tuples(st.integers(1, 20), st.just(3)), elements=st.integers(1, 5)),
       st.floats(0.0, 1.0))
def test_csd_properties(x, w):
    system = {"quality": (w, {"q1": Indicator(0.5, 1, 5), "q2": Indicator(0.5, 1, 5)}),
              "price": (1 - w, {"p": Indicator(1.0, 1, 5)})}
    df = pd.DataFrame(x, columns=["q1", "q2", "p"])
    out = csd(df, system)
    assert ((out["csd"] >= -1e-9) & (out["csd"] <= 100 + 1e-9)).all()
    low = out[["quality", "price"]].min(axis=1) - 1e-9
    high = out[["quality", "price"]].max(axis=1) + 1e-9
    assert ((out["csd"] >= low) & (out["csd"] <= high)).all()
    summary = csd_summary(out, system)
    assert summary["contribution"].sum() == pytest.approx(out["csd"].mean())
    assert csd(df, system, missing="reweight")["csd"].tolist() == pytest.approx(out["csd"].tolist())


def test_top_and_bottom_answers_give_100_and_0():
    df = pd.DataFrame({"q1": [5, 1], "q2": [5, 1], "p": [5, 1]})
    assert csd(df, SYSTEM)["csd"].tolist() == [100.0, 0.0]


def test_importance_weights():
    w = importance_weights(pd.DataFrame({"price": [5, 3], "service": [4, None], "x": [1, 1]}))
    # means 4, 4, 1 (the blank is left out) -> 4/9, 4/9, 1/9
    assert w.tolist() == pytest.approx([4 / 9, 4 / 9, 1 / 9])
    assert w.name == "weight"
    assert importance_weights(pd.Series({"a": 2.0, "b": 6.0})).tolist() == [0.25, 0.75]


@pytest.mark.parametrize("importance, exc, match", [
    ({"a": -1.0, "b": 2.0}, ValueError, r"negative mean for \['a'\]"),
    ({"a": 0.0, "b": 0.0}, ValueError, "all importances are zero"),
    ([4, 5], TypeError, "importance: expected a DataFrame"),
    (pd.Series([4.0, math.nan], index=["a", "b"]), ValueError, "missing value"),
    (pd.DataFrame({"a": [None, None], "b": [3, 4]}), ValueError, r"\['a'\] have no answers"),
    (pd.Series([1.0, 2.0], index=["a", "a"]), ValueError, "duplicate attribute"),
])
def test_importance_weights_bad_input(importance, exc, match):
    with pytest.raises(exc, match=match):
        importance_weights(importance)


def test_csd_system():
    system = csd_system({"a": 0.6, "b": 0.4}, {"a": ["a1", "a2", "a3"], "b": ["b1"]})
    table = flatten_weights(system)
    assert table["global_weight"].tolist() == pytest.approx([0.2, 0.2, 0.2, 0.4])
    assert (table["low"] == 1).all() and (table["high"] == 5).all()
    assert csd_system(pd.Series({"a": 0.5, "b": 0.5}), {"a": ["a1"], "b": ["b1"]}, 0, 10)[
        "b"][1]["b1"].high == 10


@pytest.mark.parametrize("weights, factors, kwargs, exc, match", [
    ({"a": 0.6, "b": 0.6}, {"a": ["x"], "b": ["y"]}, {}, ValueError, "weights: weights must add up"),
    ({"a": 1.0}, {"a": ["x"], "b": ["y"]}, {}, ValueError, "need one weight per factor"),
    ([0.5, 0.5], {"a": ["x"], "b": ["y"]}, {}, TypeError, "weights: expected a Series or dict"),
    ({"a": 1.0}, {"a": "x"}, {}, TypeError, r"factors\['a'\]"),
    ({"a": 1.0}, {"a": ["x"]}, {"low": 5, "high": 1}, ValueError, "must be above low"),
    ({"a": 1.0}, [], {}, TypeError, "factors"),
])
def test_csd_system_bad_input(weights, factors, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        csd_system(weights, factors, **kwargs)


def test_csd_summary_errors():
    out = csd(pd.DataFrame({"q1": [5], "q2": [3], "p": [1]}), SYSTEM)
    with pytest.raises(ValueError, match=r"no column\(s\) \['price'\]"):
        csd_summary(out.drop(columns="price"), SYSTEM)
    with pytest.raises(TypeError, match="scores"):
        csd_summary(out.to_numpy(), SYSTEM)


def test_csd_is_fast_for_large_surveys():
    rng = np.random.default_rng(2)
    df = pd.DataFrame(rng.integers(1, 6, (200_000, 20)),
                      columns=[i for items in SUPERMARKET_FACTORS.values() for i in items])
    system = csd_system({f: 1 / 6 for f in SUPERMARKET_FACTORS})
    out = csd(df, system)
    assert 45 < out["csd"].mean() < 55
    # fast on any machine: no Python loop over the respondents (instead of a wall-clock limit)
    from _vectorised import assert_vectorised
    assert_vectorised(lambda n: (df.iloc[:n], system), csd)


# --- importance-performance analysis -----------------------------------------------------------

def test_ipa_by_hand():
    imp = {"price": 4.5, "service": 4.4, "parking": 2.0, "music": 2.5}
    perf = {"music": 4.5, "price": 3.0, "service": 4.5, "parking": 3.0}   # other order
    t = ipa(imp, perf)
    # cuts: importance (4.5 + 4.4 + 2 + 2.5) / 4 = 3.35; performance (3 + 4.5 + 3 + 4.5) / 4 = 3.75
    assert t.attrs["cuts"] == (3.35, 3.75)
    assert t.index.tolist() == ["price", "service", "parking", "music"]
    assert t["quadrant"].tolist() == ["concentrate here", "keep up the good work",
                                      "low priority", "possible overkill"]
    assert t["gap"].tolist() == pytest.approx([1.5, -0.1, -1.0, -2.0])
    # the scale midpoint (3, 3): performance 3.0 counts as high (equal to the cut)
    mid = ipa(imp, perf, center=(3, 3))
    assert mid["quadrant"].tolist() == ["keep up the good work"] * 2 + ["possible overkill"] * 2
    med = ipa(imp, perf, center="median")
    assert med.attrs["cuts"] == (3.45, 3.75)


def test_ipa_from_respondent_frames():
    imp = pd.DataFrame({"a": [5, 4, None], "b": [2, 2, 2]})
    perf = pd.DataFrame({"a": [2, 3, 3], "b": [4, 5, 3]})
    t = ipa(imp, perf)
    assert t.loc["a", "importance"] == 4.5 and t.loc["b", "performance"] == 4.0
    assert t.loc["a", "quadrant"] == "concentrate here"


@pytest.mark.parametrize("imp, perf, center, exc, match", [
    ({"a": 4.0, "b": 3.0}, {"a": 4.0, "c": 3.0}, "mean", ValueError,
     r"same attributes; only in importance: \['b'\], only in performance: \['c'\]"),
    ({"a": 4.0}, {"a": 4.0}, "middle", ValueError, "center: expected one of"),
    ({"a": 4.0}, {"a": 4.0}, (3,), TypeError, "center: expected 'mean', 'median' or a pair"),
    ({"a": 4.0}, {"a": 4.0}, (3, "x"), TypeError, "performance cut"),
    ([4.0], {"a": 4.0}, "mean", TypeError, "importance"),
    ({"a": 4.0}, {"a": "good"}, "mean", TypeError, "performance"),
])
def test_ipa_bad_input(imp, perf, center, exc, match):
    with pytest.raises(exc, match=match):
        ipa(imp, perf, center=center)


@settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(st.floats(1, 5), st.floats(1, 5)), min_size=1, max_size=12))
def test_ipa_quadrants_follow_the_cuts(pairs):
    names = [f"a{i}" for i in range(len(pairs))]
    t = ipa(dict(zip(names, [p[0] for p in pairs])), dict(zip(names, [p[1] for p in pairs])))
    ci, cp = t.attrs["cuts"]
    for _, row in t.iterrows():
        expected = {(True, True): "keep up the good work", (True, False): "concentrate here",
                    (False, False): "low priority", (False, True): "possible overkill"}[
            (row["importance"] >= ci, row["performance"] >= cp)]
        assert row["quadrant"] == expected
    assert (t["gap"] == t["importance"] - t["performance"]).all()
    assert list(t["quadrant"].cat.categories) == list(IPA_QUADRANTS)


def test_derived_importance_by_hand():
    perf = pd.DataFrame({"a": [1, 2, 3, 4], "b": [2, 1, 4, 3], "c": [1, None, 3, 5]})
    r = derived_importance(perf, pd.Series([1, 2, 3, 4]))
    # b vs (1,2,3,4): deviations (-.5,-1.5,1.5,.5) x (-1.5,-.5,.5,1.5): 0.75+0.75+0.75+0.75 = 3
    # over sqrt(5 x 5) -> 0.6; c uses its three answers (1,3,5) vs (1,3,4): deviations
    # (-2,0,2) x (-5/3,1/3,4/3) give 10/3 + 8/3 = 6, squares 8 and 14/3: r = 6 / sqrt(8 x 14/3)
    assert r["a"] == pytest.approx(1.0)
    assert r["b"] == pytest.approx(0.6)
    assert r["c"] == pytest.approx(6 / math.sqrt(8 * 14 / 3))
    with pytest.raises(ValueError, match="one value per respondent"):
        derived_importance(perf, [1, 2, 3])
    with pytest.raises(ValueError, match="its index differs"):
        derived_importance(perf, pd.Series([1, 2, 3, 4], index=list("wxyz")))
    assert derived_importance(perf, pd.Series([1, 2, 3, 4], dtype="Int64"))["a"] == \
        pytest.approx(1.0)


# --- index models -------------------------------------------------------------------------------

def test_index_models_have_the_sources_constructs():
    # 003: Sweden: perceived value, expected quality, complaints, loyalty, satisfaction;
    # America adds perceived quality; China: expected quality, brand image, perceived quality,
    # loyalty, satisfaction, perceived value
    scsb, acsi, ccsi = (set(INDEX_MODELS[m].constructs) for m in ("SCSB", "ACSI", "CCSI"))
    assert scsb == {"perceived value", "expected quality", "complaints", "loyalty", "satisfaction"}
    assert acsi - scsb == {"perceived quality"} and scsb <= acsi
    assert ccsi == {"expected quality", "brand image", "perceived quality", "loyalty",
                    "satisfaction", "perceived value"}
    assert [len(INDEX_MODELS[m].paths) for m in ("SCSB", "ACSI", "CCSI")] == [6, 9, 11]
    for model in INDEX_MODELS.values():
        into = {b for _, b in model.paths}
        assert "satisfaction" in into and ("satisfaction", "loyalty") in model.paths
        assert model.path_table.shape == (len(model.paths), 2)


def test_index_model_lookup_and_tables():
    assert index_model("ccsi") is INDEX_MODELS["CCSI"]
    with pytest.raises(ValueError, match="unknown index model 'ECSI'"):
        index_model("ECSI")
    with pytest.raises(ValueError, match="name"):
        index_model(3)
    t = index_models_table()
    assert t.columns.tolist() == ["SCSB", "ACSI", "CCSI"]
    assert t.loc["perceived quality"].tolist() == ["", "x", "x"]
    assert t.loc["complaints"].tolist() == ["x", "x", ""]
    assert t.loc["(paths)"].tolist() == ["6", "9", "11"]
    c = index_constructs()
    assert c.loc["brand image", "chinese"] == "品牌形象" and len(c) == 7


def test_index_model_validates_itself():
    with pytest.raises(ValueError, match="not one of its constructs"):
        IndexModel("X", "x", "x", ("a", "b"), (("a", "c"),), {"a": (0, 0), "b": (1, 1)})
    with pytest.raises(ValueError, match=r"no position for construct\(s\) \['b'\]"):
        IndexModel("X", "x", "x", ("a", "b"), (("a", "b"),), {"a": (0, 0)})
    with pytest.raises(ValueError, match="constructs is empty"):
        IndexModel("X", "x", "x", (), (), {})


def test_plot_index_models():
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
    for name, model in INDEX_MODELS.items():
        ax = plot_index_model(name)
        boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
        arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
        assert (len(boxes), len(arrows)) == (len(model.constructs), len(model.paths))
        texts = {t.get_text().replace("\n", " ") for t in ax.texts}
        assert texts == set(model.constructs)
        assert ax.get_title().startswith(name)
        assert not any(CJK.search(t) for t in texts | {ax.get_title()})
    own = IndexModel("MINE", "my model", "here", ("a", "satisfaction"), (("a", "satisfaction"),),
                     {"a": (2, 3), "satisfaction": (6, 3)})
    assert plot_index_model(own).get_title() == "MINE: my model (here)"
    with pytest.raises(TypeError, match="model"):
        plot_index_model(42)


# --- figures ------------------------------------------------------------------------------------

def test_plot_satisfaction_levels():
    ax = plot_satisfaction_levels([7, 6, 6, 2])
    assert [p.get_height() for p in ax.patches] == [0, 1, 0, 0, 0, 2, 1]
    with pytest.raises(ValueError, match="whole numbers 1-7"):
        plot_satisfaction_levels([0, 3])
    with pytest.raises(ValueError, match="whole numbers 1-7"):
        plot_satisfaction_levels([3.5])


def test_plot_expectation_performance():
    t = expectation_performance(pd.DataFrame({"a": [4.0], "b": [3.0]}),
                                pd.DataFrame({"a": [3.0], "b": [4.5]}))
    ax = plot_expectation_performance(t)
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ["a", "b"]   # sorted by gap
    assert {t.get_text() for t in ax.texts} == {"-1.00", "+1.50"}
    with pytest.raises(TypeError, match="expectation_performance"):
        plot_expectation_performance(pd.DataFrame({"x": [1]}))


def test_plot_alpha_if_deleted():
    ax = plot_alpha_if_deleted(cronbach_alpha(HAND))
    assert [round(p.get_width(), 4) for p in ax.patches] == [0.75, 0.8889, 0.8889]  # q3 .. q1
    two = plot_alpha_if_deleted(cronbach_alpha(HAND[["q1", "q2"]]))
    assert [p.get_width() for p in two.patches] == [0.0, 0.0]
    with pytest.raises(TypeError, match="Reliability"):
        plot_alpha_if_deleted(0.8)


def test_plot_csd_and_ipa():
    out = csd(pd.DataFrame({"q1": [5, 3], "q2": [3, 1], "p": [1, 5]}), SYSTEM)
    ax = plot_csd(csd_summary(out, SYSTEM))
    assert ax.get_title() == "CSD = 50.0 (sum of weight x mean score)"   # (56.25 + 43.75) / 2
    with pytest.raises(TypeError, match="csd_summary"):
        plot_csd(out)
    ax = plot_ipa({"a": 4.5, "b": 2.0}, {"a": 3.0, "b": 4.0})
    labels = {t.get_text() for t in ax.texts}
    assert {"a", "b"} <= labels and {q.upper() for q in IPA_QUADRANTS} <= labels
    assert [line.get_xdata()[0] for line in ax.lines[:1]] == [3.5]


# --- the widget ---------------------------------------------------------------------------------

def _printed(panel) -> str:
    return "".join(o["text"] for o in panel.output.outputs if o["output_type"] == "stream")


def test_csd_widget_moves_with_the_sliders():
    import ipywidgets
    from crmlib import plotting

    before = plotting.plt.get_fignums()
    df = pd.DataFrame({"q1": [5, 3], "q2": [3, 1], "p": [1, 5]})
    panel = csd_widget(df, SYSTEM)
    assert isinstance(panel, ipywidgets.Widget) and set(panel.sliders) == {"quality", "price"}
    assert _printed(panel).startswith("CSD = 50.0;")      # 0.75 x 50 + 0.25 x 50
    panel.sliders["quality"].value = 0.0                  # only price: mean price score 50
    assert _printed(panel).startswith("CSD = 50.0; weights used: quality 0.00, price 1.00")
    panel.sliders["price"].value = 0.0
    assert _printed(panel) == "Set at least one weight above zero.\n"
    panel.sliders["quality"].value = 1.0                  # only quality: (75 + 25) / 2 = 50
    panel.sliders["price"].value = 1.0
    assert "weights used: quality 0.50, price 0.50" in _printed(panel)
    assert any("image/png" in o.get("data", {}) for o in panel.output.outputs)
    assert plotting.plt.get_fignums() == before


def test_csd_widget_on_the_survey(survey):
    system = csd_system(importance_weights(columns_with_prefix(survey, "imp_")))
    panel = csd_widget(survey, system)
    start = float(_printed(panel).split(";")[0].removeprefix("CSD = "))
    assert start == pytest.approx(csd(survey, system)["csd"].mean(), abs=0.05)
    for name, slider in panel.sliders.items():
        slider.value = 1.0 if name == "service" else 0.0
    only_service = float(_printed(panel).split(";")[0].removeprefix("CSD = "))
    assert only_service == pytest.approx(csd(survey, system)["service"].mean(), abs=0.05)
    with pytest.raises(ValueError, match="missing"):
        csd_widget(survey, system, missing="drop")


def test_import_is_light():
    import subprocess
    import sys

    code = ("import sys, crmlib; crmlib.satisfaction.cronbach_alpha; "
            "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_public_api():
    assert set(satisfaction.__all__) <= set(dir(satisfaction))
    assert isinstance(cronbach_alpha(HAND), Reliability)


# --- the supermarket survey tells the chapter's story -----------------------------------------

def test_survey_shape_and_blanks(survey):
    items = [i for cols in SUPERMARKET_FACTORS.values() for i in cols]
    assert len(survey) >= 300
    assert set(items) <= set(survey.columns)
    blanks = survey[items].isna().sum()
    assert blanks["env_4"] > 15 and blanks.drop("env_4").max() < 10
    assert survey[[c for c in survey.columns if c.startswith(("imp_", "exp_"))]].notna().all().all()


def test_survey_reliability_story(survey):
    t = reliability_table(survey)
    assert t["alpha"].drop("environment").between(0.7, 0.9).all()
    assert t["alpha"].idxmin() == "environment"
    assert t.loc["environment", "drop_candidate"] == "env_4"
    assert t.loc["environment", "alpha_if_dropped"] > t.loc["environment", "alpha"] + 0.1
    assert (t["drop_candidate"].drop("environment") == "").all()


def test_survey_gap_and_ipa_story(survey):
    perf = factor_scores(survey)
    ep = expectation_performance(columns_with_prefix(survey, "exp_"), perf)
    assert ep.loc[["service", "price"], "level"].tolist() == ["dissatisfied"] * 2
    assert ep.loc["environment", "level"] == "delighted"
    assert ep["gap"].idxmin() == "service"
    t = ipa(columns_with_prefix(survey, "imp_"), perf)
    assert t["quadrant"].to_dict() == {
        "price": "concentrate here", "convenience": "keep up the good work",
        "assortment": "keep up the good work", "features": "low priority",
        "environment": "possible overkill", "service": "concentrate here"}
    # not a borderline call: every attribute is clear of both cuts by 0.05 or more
    ci, cp = t.attrs["cuts"]
    assert ((t["importance"] - ci).abs() > 0.05).all() and ((t["performance"] - cp).abs() > 0.05).all()
    # the midpoint cross-hairs put nearly everything in one quadrant
    assert ipa(columns_with_prefix(survey, "imp_"), perf, center=(3, 3))["quadrant"].value_counts(
        ).max() >= 4


def test_survey_satisfaction_follows_the_drivers(survey):
    perf = factor_scores(survey)
    r = derived_importance(perf, survey["overall_satisfaction"])
    assert r.idxmin() == "environment"
    assert r[["price", "service"]].min() > r[["environment", "features"]].max()
    assert survey[["revisit_intent", "reputation", "recommended"]].corrwith(
        survey["overall_satisfaction"]).gt(0.3).all()
    assert survey["price_switch"].corr(survey["overall_satisfaction"]) < -0.2


# --- self-checks of the exercise notebook ----------------------------------------------------------

SAT_IDS = sorted(k for k in REGISTRY if k.startswith("satisfaction."))


def test_chapter_4_exercises_registered():
    assert SAT_IDS == sorted([
        "satisfaction.alpha_small", "satisfaction.alpha_recoded", "satisfaction.senior_env_alpha",
        "satisfaction.drop_item", "satisfaction.alpha_without_item", "satisfaction.csd_hand",
        "satisfaction.csd_manager", "satisfaction.csd_without_music",
        "satisfaction.senior_service_gap", "satisfaction.ipa_quadrants",
        "satisfaction.improve_first", "satisfaction.complaint_rate",
        "satisfaction.acsi_most_causes", "satisfaction.manager_report", "satisfaction.concepts"])


def test_expected_answers(survey):
    ev = {k: REGISTRY[k].expected() for k in SAT_IDS}
    assert ev["satisfaction.alpha_small"] == pytest.approx(31 / 35)
    # recoded q4 = 3, 4, 5, 2, 4: item variances 1.3, 1.3, 1.7, 1.3 (sum 5.6); totals 11, 17,
    # 19, 9, 17 (mean 14.6) have variance 75.2 / 4 = 18.8, so alpha = 4/3 x (1 - 5.6/18.8)
    assert ev["satisfaction.alpha_recoded"] == pytest.approx(4 / 3 * (1 - 5.6 / 18.8))
    seniors = survey[survey["age_group"] == "60+"]
    env = list(SUPERMARKET_FACTORS["environment"])
    assert ev["satisfaction.senior_env_alpha"] == pytest.approx(
        cronbach_alpha(seniors[env].dropna()).alpha)
    assert ev["satisfaction.drop_item"] == "env_4"
    # scaled A 75, 25, 100 -> 65; B 50, 50, 75 -> 55; C 100, 25, 50 -> 67.5; mean 62.5
    assert ev["satisfaction.csd_hand"] == pytest.approx(62.5)
    assert ev["satisfaction.csd_manager"] < ev["satisfaction.csd_without_music"]
    assert ev["satisfaction.senior_service_gap"] < -1
    # cross-hairs at the means 3.9 and 3.633: speed and substitutions are important and weak
    assert list(ev["satisfaction.ipa_quadrants"]) == [
        "concentrate here", "keep up the good work", "possible overkill", "possible overkill",
        "concentrate here", "low priority"]
    assert ev["satisfaction.improve_first"] == "delivery speed"   # gap 1.5 against 1.4
    assert ev["satisfaction.complaint_rate"] > survey["complained"].mean()
    assert ev["satisfaction.acsi_most_causes"] == "expected quality"   # 3 arrows out


def _no_recode():
    x = pd.DataFrame(sat_checks.SMALL_ITEMS).assign(q4=sat_checks.REVERSED_ITEM)
    return cronbach_alpha(x).alpha


@pytest.mark.parametrize("exercise_id, answer, fragment", [
    ("satisfaction.alpha_small", 0.59047619, "k/(k-1)"),              # 6.2/10.5 without 3/2
    ("satisfaction.alpha_small", 1.5 * (1 - 4.3 / 0.8 / 10.5), "same variance formula"),
    ("satisfaction.alpha_recoded", _no_recode, "recode it"),
    ("satisfaction.alpha_recoded", 31 / 35, "add the recoded q4"),
    ("satisfaction.senior_env_alpha", lambda: cronbach_alpha(data.load(
        "supermarket_satisfaction")[list(SUPERMARKET_FACTORS["environment"])]).alpha,
     "keep only those aged 60+"),
    ("satisfaction.alpha_without_item", lambda: cronbach_alpha(data.load(
        "supermarket_satisfaction")[list(SUPERMARKET_FACTORS["environment"])]).alpha,
     "drop the weak one first"),
    ("satisfaction.csd_hand", 3.5, "raw 1-5 answers"),
    ("satisfaction.csd_hand", 70.0, "must map to 0"),
    ("satisfaction.csd_hand", 61.111, "equal weights"),
    ("satisfaction.senior_service_gap",
     lambda: -REGISTRY["satisfaction.senior_service_gap"].expected(), "the sign is reversed"),
    ("satisfaction.improve_first", "substitutions", "largest gap"),
    ("satisfaction.complaint_rate", lambda: float(data.load("supermarket_satisfaction")[
        "complained"].mean()), "all shoppers"),
    ("satisfaction.acsi_most_causes", "satisfaction", "receives the most arrows"),
])
def test_known_mistakes_get_their_hint(exercise_id, answer, fragment):
    answer = answer() if callable(answer) else answer
    feedback = evaluate(exercise_id, answer)
    assert feedback.status == "wrong"
    assert fragment in feedback.message


def test_csd_mistakes_get_their_hint(survey):
    importance = csd(survey, csd_system(importance_weights(columns_with_prefix(survey, "imp_"))))
    assert "importance weights" in evaluate("satisfaction.csd_manager",
                                            importance["csd"].mean()).message
    system = csd_system(sat_checks.MANAGER_WEIGHTS)
    reweighted = csd(survey, system, missing="reweight")["csd"].mean()
    assert "missing='reweight'" in evaluate("satisfaction.csd_manager", reweighted).message
    assert "env_4 still in it" in evaluate("satisfaction.csd_without_music",
                                           importance["csd"].mean()).message


def test_quadrant_answers_accept_the_ipa_column_and_chinese_names():
    imp = {a: i for a, (i, _) in sat_checks.DELIVERY.items()}
    perf = {a: p for a, (_, p) in sat_checks.DELIVERY.items()}
    t = ipa(imp, perf)
    assert evaluate("satisfaction.ipa_quadrants", t["quadrant"]).correct
    assert evaluate("satisfaction.ipa_quadrants", t["quadrant"].tolist()).correct
    zh = [satisfaction.IPA_QUADRANTS_ZH[q] for q in t["quadrant"]]
    assert evaluate("satisfaction.ipa_quadrants", zh).correct
    assert not evaluate("satisfaction.ipa_quadrants", t["quadrant"].tolist()[::-1]).correct
    midpoint = ipa(imp, perf, center=(3, 3))["quadrant"].tolist()
    assert "midpoint" in evaluate("satisfaction.ipa_quadrants", midpoint).message
    assert evaluate("satisfaction.improve_first", " Delivery-Speed ").correct
    assert "not one of the options" in evaluate("satisfaction.improve_first", "staff").message
    assert evaluate("satisfaction.acsi_most_causes", "预期质量").correct


def test_concept_check_answers_are_spread_and_explained():
    from crmlib.checks import quiz
    q = quiz("satisfaction.concepts")
    assert 6 <= len(q.questions) <= 10
    assert len({x.answer for x in q.questions}) >= 4
    answers = {i: x.answer for i, x in enumerate(q.questions, 1)}
    assert evaluate("satisfaction.concepts", answers).correct
    wrong = {**answers, 1: "a"}
    feedback = evaluate("satisfaction.concepts", wrong)
    assert feedback.status == "wrong" and "look again at 1" in feedback.message


def test_docstring_examples_print_cleanly():
    out = io.StringIO()
    print(cronbach_alpha(HAND), file=out)
    assert out.getvalue().count("\n") == 1


# --- the chain of satisfaction, drivers, survey misconceptions (teaching tables) ---------------------

def test_satisfaction_chain_has_the_nine_steps_in_order():
    t = satisfaction.satisfaction_chain()
    assert t["chinese"].tolist() == ["顾客满意", "经常购买", "传播产品优点", "成为忠实顾客", "产生新客源",
                                     "销售提升", "认可度提高", "效益增加", "成为名牌"]
    assert t.index.tolist() == list(range(1, 10))
    # new customers and profits need the firm's records: no survey measure
    assert (t.loc[[1, 5, 8], "measure"] == "").all()


def test_chain_evidence_by_hand():
    df = pd.DataFrame({"overall_satisfaction": [2, 3, 4, 6, 7],
                       "revisit_intent": [2, 3, 3, 5, None], "recommended": [0, 0, 1, 1, 1],
                       "price_switch": [5, 2, 3, 1, 4], "spend_per_visit": [30.0, 40.0, 35.0, 50.0, 60.0],
                       "reputation": [3, 3, 4, 4, 5], "first_mention": [0, 1, 0, 1, 1]})
    t = satisfaction.chain_evidence(df)
    # dissatisfied = scores 2 and 3: revisit 4+ is 0 of 2; satisfied = 6 and 7: 1 of 1 answered
    assert t.loc["buys often", "dissatisfied"] == 0.0
    assert t.loc["buys often", "satisfied"] == 1.0          # the blank is left out
    assert t.loc["becomes a loyal customer", "dissatisfied"] == 0.5   # price_switch 2 <= 2
    assert t.loc["sales rise", "satisfied"] == 55.0
    assert t.loc["tells others what is good", "neutral"] == 1.0
    text = satisfaction.chain_evidence(df, as_text=True)
    assert text.loc["sales rise", "satisfied"] == "$55.00"
    assert text.loc["buys often", "dissatisfied"] == "0%"


def test_chain_evidence_refuses_bad_input(survey):
    with pytest.raises(TypeError, match="survey: expected a DataFrame"):
        satisfaction.chain_evidence([1, 2])
    with pytest.raises(ValueError, match="has no column"):
        satisfaction.chain_evidence(survey.drop(columns="reputation"))
    with pytest.raises(ValueError, match="low .* must be below high"):
        satisfaction.chain_evidence(survey, cuts=(5, 4))
    with pytest.raises(TypeError, match="cuts: expected a pair"):
        satisfaction.chain_evidence(survey, cuts=3)


def test_chain_evidence_on_the_survey_points_one_way(survey):
    t = satisfaction.chain_evidence(survey)
    assert (t["satisfied"] > t["dissatisfied"]).all()


def test_plot_satisfaction_chain(survey):
    from crmlib import plotting
    ax = satisfaction.plot_satisfaction_chain(satisfaction.chain_evidence(survey))
    texts = [t.get_text() for t in ax.texts]
    assert sum("(not in a survey)" in t for t in texts) == 2
    assert any(t.startswith("\\$") for t in texts)         # dollars, escaped for mathtext
    plotting.close(ax.figure)
    with pytest.raises(TypeError, match="chain_evidence"):
        satisfaction.plot_satisfaction_chain(pd.DataFrame({"a": [1]}))


def test_drivers_map_to_survey_items(survey):
    t = satisfaction.satisfaction_drivers()
    assert len(t) == 7 and t["chinese"].str.contains(CJK).all()
    for items in satisfaction.SATISFACTION_DRIVERS.values():
        assert set(items) <= set(survey.columns)
    assert satisfaction.SATISFACTION_DRIVERS["brand image"] == ()


def test_survey_misconceptions_table():
    t = satisfaction.survey_misconceptions()
    assert t.index.tolist() == [1, 2, 3]
    assert {"example_in_a_store_survey", "remedy"} <= set(t.columns)
    assert "env_4" in t.loc[3, "example_in_a_store_survey"]


def test_ipa_quadrant_names_in_chinese():
    assert set(satisfaction.IPA_QUADRANTS_ZH) == set(IPA_QUADRANTS)
