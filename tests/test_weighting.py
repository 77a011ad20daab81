"""Tests for crmlib.weighting: entropy weights, the efficacy coefficient method, index value
conversion, dimensionless scores, combining weights, and every bad input."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from crmlib import weighting
from crmlib.weighting import (combine_weights, dimensionless, efficacy_coefficient,
                              entropy_table, entropy_weights, ratio_index)


# --- entropy -----------------------------------------------------------------------------------

def test_entropy_by_hand():
    # a = 1, 2, 3 -> min-max 0, 0.5, 1 -> p = 0, 1/3, 2/3
    # e_a = -(1/3 ln 1/3 + 2/3 ln 2/3) / ln 3 = (0.3662 + 0.2703) / 1.0986 = 0.5794
    # b = 9, 1, 1 -> min-max 1, 0, 0 -> p = 1, 0, 0 -> e_b = 0
    # d = 0.4206, 1; w = 0.4206 / 1.4206 = 0.2961, 0.7039
    t = entropy_table(pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [9.0, 1.0, 1.0]}))
    e_a = -(1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3)) / math.log(3)
    assert t.loc["a", "entropy"] == pytest.approx(e_a)
    assert round(t.loc["a", "entropy"], 4) == 0.5794
    assert t.loc["b", "entropy"] == 0.0
    assert t["weight"].round(4).tolist() == [0.2961, 0.7039]
    assert t["diversity"].tolist() == pytest.approx([1 - e_a, 1.0])


def test_entropy_without_normalisation_by_hand():
    # x = 1, 1, 2 -> p = 0.25, 0.25, 0.5
    # e = -(2 x 0.25 ln 0.25 + 0.5 ln 0.5) / ln 3 = (0.6931 + 0.3466) / 1.0986 = 0.9464
    t = entropy_table(pd.DataFrame({"x": [1.0, 1.0, 2.0], "y": [1.0, 2.0, 3.0]}), normalize="none")
    assert round(t.loc["x", "entropy"], 4) == 0.9464


def test_constant_indicator_gets_no_weight():
    w = entropy_weights(pd.DataFrame({"spread": [1.0, 2.0, 9.0], "flat": [5.0, 5.0, 5.0]}))
    assert w.tolist() == [1.0, 0.0]
    assert w.name == "entropy_weight"


def test_cost_direction_reverses_before_the_shares():
    # cost c = 1, 2, 3 reversed -> 1, 0.5, 0 -> p = 2/3, 1/3, 0: same entropy as a rising benefit
    data = pd.DataFrame({"c": [1.0, 2.0, 3.0], "b": [9.0, 1.0, 1.0]})
    as_cost = entropy_table(data, {"c": False})
    assert as_cost.loc["c", "entropy"] == pytest.approx(entropy_table(data).loc["c", "entropy"])
    # but a skewed cost is not symmetric: 1, 1, 9 as a benefit is 0, 0, 1 (entropy 0); as a cost
    # it is 1, 1, 0 (p = 1/2, 1/2, 0, entropy ln 2 / ln 3 = 0.6309)
    skew = pd.DataFrame({"s": [1.0, 1.0, 9.0], "b": [1.0, 2.0, 3.0]})
    assert entropy_table(skew).loc["s", "entropy"] == 0.0
    assert entropy_table(skew, {"s": False}).loc["s", "entropy"] == pytest.approx(
        math.log(2) / math.log(3))


# whole-number indicator values: a change of units must not lose a difference to rounding
frames = hnp.arrays(float, hnp.array_shapes(min_dims=2, max_dims=2, min_side=2, max_side=8),
                    elements=st.integers(-1000, 1000).map(float))


@settings(max_examples=100, deadline=None)
@given(frames)
def test_entropy_weights_are_a_distribution(values):
    data = pd.DataFrame(values)
    if (data.nunique() <= 1).all():
        with pytest.raises(ValueError, match="carry no information"):
            entropy_weights(data)
        return
    w = entropy_weights(data)
    assert (w >= 0).all() and w.sum() == pytest.approx(1.0)
    assert (w[data.nunique() <= 1] == 0).all()


@settings(max_examples=60, deadline=None)
@given(frames, st.floats(0.1, 100), st.floats(-100, 100), st.randoms(use_true_random=False))
def test_entropy_ignores_units_and_row_order(values, scale, shift, rnd):
    data = pd.DataFrame(values)
    if (data.nunique() <= 1).all():
        return
    w = entropy_weights(data)
    rescaled = entropy_weights(data * scale + shift)
    order = list(range(len(data)))
    rnd.shuffle(order)
    shuffled = entropy_weights(data.iloc[order])
    assert rescaled.to_numpy() == pytest.approx(w.to_numpy(), abs=1e-6)
    assert shuffled.to_numpy() == pytest.approx(w.to_numpy(), abs=1e-9)


@pytest.mark.parametrize("data, kwargs, error, match", [
    ([[1, 2], [3, 4]], {}, TypeError, "data: expected a DataFrame"),
    (pd.DataFrame({"a": [1.0]}), {}, ValueError, "needs at least two rows"),
    (pd.DataFrame(index=[0, 1]), {}, ValueError, "has no columns"),
    (pd.DataFrame({"a": [1.0, np.nan]}), {}, ValueError, r"data\['a'\]: missing value"),
    (pd.DataFrame({"a": ["x", "y"]}), {}, TypeError, r"data\['a'\]: expected numbers"),
    (pd.DataFrame({"a": [1.0, 1.0]}), {}, ValueError, "carry no information"),
    (pd.DataFrame({"a": [1.0, 2.0]}), {"higher_is_better": {"b": False}}, ValueError,
     r"higher_is_better: \['b'\] are not columns"),
    (pd.DataFrame({"a": [1.0, 2.0]}), {"higher_is_better": {"a": "no"}}, TypeError,
     r"higher_is_better\['a'\]: expected True or False"),
    (pd.DataFrame({"a": [1.0, 2.0]}), {"higher_is_better": ["a"]}, TypeError,
     "higher_is_better: expected"),
    (pd.DataFrame({"a": [1.0, 2.0]}), {"normalize": "zscore"}, ValueError,
     "normalize: unknown option 'zscore'"),
    (pd.DataFrame({"a": [-1.0, 2.0]}), {"normalize": "none"}, ValueError,
     r"columns \['a'\] have negative values"),
    (pd.DataFrame({"a": [1.0, 2.0]}), {"normalize": "none", "higher_is_better": {"a": False}},
     ValueError, "cannot reverse them"),
])
def test_entropy_rejects(data, kwargs, error, match):
    with pytest.raises(error, match=match):
        entropy_weights(data, **kwargs)


# --- efficacy coefficient ----------------------------------------------------------------------

def test_efficacy_by_hand():
    # 60 + 40 x (750 - 500) / (1000 - 500) = 80
    assert efficacy_coefficient(750, satisfactory=1000, unacceptable=500) == 80.0
    assert efficacy_coefficient([500, 1000], 1000, 500).tolist() == [60.0, 100.0]


def test_efficacy_defaults_and_direction():
    # benefit: best = 10 -> 100, worst = 0 -> 60; cost: lowest = 20 -> 100, highest = 100 -> 60
    assert efficacy_coefficient([0, 5, 10]).tolist() == [60.0, 80.0, 100.0]
    assert efficacy_coefficient([20, 60, 100], higher_is_better=False).tolist() == [
        100.0, 80.0, 60.0]
    # a cost with explicit values: satisfactory 20 (low), unacceptable 100
    assert efficacy_coefficient(40, satisfactory=20, unacceptable=100,
                                higher_is_better=False) == 90.0


def test_efficacy_clipping():
    assert efficacy_coefficient([0, 2000], 1000, 500).tolist() == [60.0, 100.0]
    # unclipped: 60 + 40 x (0 - 500) / 500 = 20 and 60 + 40 x (2000 - 500) / 500 = 180
    assert efficacy_coefficient([0, 2000], 1000, 500, clip=False).tolist() == [20.0, 180.0]


def test_efficacy_other_scale_and_series():
    s = pd.Series([0.0, 10.0], index=["x", "y"], name="profit")
    out = efficacy_coefficient(s, base=0, span=100)
    assert out.to_dict() == {"x": 0.0, "y": 100.0} and out.name == "profit"


@pytest.mark.parametrize("kwargs, error, match", [
    ({"values": [1, 1]}, ValueError, "satisfactory and unacceptable: both are 1"),
    ({"values": [1, 2], "satisfactory": 0, "unacceptable": 5}, ValueError,
     r"satisfactory \(0\) is below unacceptable \(5\)"),
    ({"values": [1, 2], "satisfactory": 5, "unacceptable": 0, "higher_is_better": False},
     ValueError, r"satisfactory \(5\) is above unacceptable \(0\)"),
    ({"values": [1, 2], "span": 0}, ValueError, "span: must be positive"),
    ({"values": [1, 2], "base": "60"}, TypeError, "base: expected a single number"),
    ({"values": "abc"}, TypeError, "values: expected numbers"),
    ({"values": [1, np.nan]}, ValueError, "values: missing value"),
])
def test_efficacy_rejects(kwargs, error, match):
    with pytest.raises(error, match=match):
        efficacy_coefficient(**kwargs)


# --- index value conversion --------------------------------------------------------------------

def test_ratio_index_by_hand():
    assert ratio_index([50, 100, 150], benchmark=100).tolist() == [50.0, 100.0, 150.0]
    # less is better: 100 x 100 / 50 = 200, 100 x 100 / 200 = 50
    assert ratio_index([50, 200], benchmark=100, higher_is_better=False).tolist() == [200.0, 50.0]
    assert ratio_index(30, benchmark=60) == 50.0


@pytest.mark.parametrize("values, benchmark, higher, match", [
    ([1, 2], 0, True, "benchmark: must be positive"),
    ([1, 2], -5, True, "benchmark: must be positive"),
    ([0, 2], 1, False, "needs positive values"),
])
def test_ratio_index_rejects(values, benchmark, higher, match):
    with pytest.raises(ValueError, match=match):
        ratio_index(values, benchmark, higher)


# --- dimensionless -----------------------------------------------------------------------------

DATA = pd.DataFrame({"profit": [100.0, 300.0, 500.0], "cost": [10.0, 30.0, 20.0]},
                    index=["a", "b", "c"])


def test_dimensionless_methods():
    mm = dimensionless(DATA, {"cost": False})
    assert mm.to_dict("list") == {"profit": [0.0, 50.0, 100.0], "cost": [100.0, 0.0, 50.0]}
    assert list(mm.index) == ["a", "b", "c"]
    ef = dimensionless(DATA, {"cost": False}, method="efficacy")
    assert ef.to_dict("list") == {"profit": [60.0, 80.0, 100.0], "cost": [100.0, 60.0, 80.0]}
    # ratio to the column means 300 and 20: profit 33.3, 100, 166.7; cost 100 x 20 / x
    ra = dimensionless(DATA, {"cost": False}, method="ratio")
    assert ra["profit"].tolist() == pytest.approx([100 / 3, 100.0, 500 / 3])
    assert ra["cost"].tolist() == pytest.approx([200.0, 200 / 3, 100.0])
    fixed = dimensionless(DATA, method="ratio", benchmarks={"profit": 500})
    assert fixed["profit"].tolist() == pytest.approx([20.0, 60.0, 100.0])


@pytest.mark.parametrize("kwargs, error, match", [
    ({"method": "log"}, ValueError, "method: unknown method 'log'"),
    ({"method": "ratio", "benchmarks": [1, 2]}, TypeError, "benchmarks: expected"),
])
def test_dimensionless_rejects(kwargs, error, match):
    with pytest.raises(error, match=match):
        dimensionless(DATA, **kwargs)


def test_dimensionless_constant_column_is_explained():
    with pytest.raises(ValueError, match=r"data\['flat'\]: the range high"):
        dimensionless(pd.DataFrame({"flat": [1.0, 1.0]}))


# --- subjective vs objective -------------------------------------------------------------------

def test_weighting_methods_table():
    t = weighting.weighting_methods()
    assert list(t.index) == ["information source", "qualitative vs quantitative",
                             "sample requirement", "complexity", "output"]
    assert t.loc["sample requirement", "chinese"] == "样本要求"


def test_combine_weights_by_hand():
    # linear: 0.5 x 0.8 + 0.5 x 0.4 = 0.6; multiplicative: 0.32 / (0.32 + 0.12) = 0.7273
    s, o = {"a": 0.8, "b": 0.2}, pd.Series({"b": 0.6, "a": 0.4})
    assert combine_weights(s, o).to_dict() == pytest.approx({"a": 0.6, "b": 0.4})
    assert combine_weights(s, o, alpha=1).to_dict() == pytest.approx(s)
    assert combine_weights(s, o, method="multiplicative")["a"] == pytest.approx(0.32 / 0.44)


def test_combine_accepts_an_ahp_result():
    from crmlib import ahp
    r = ahp.priorities({("a", "b"): 3})
    assert combine_weights(r, {"a": 0.25, "b": 0.75}).tolist() == pytest.approx([0.5, 0.5])


@pytest.mark.parametrize("s, o, kwargs, error, match", [
    ({"a": 1.0}, {"b": 1.0}, {}, ValueError, "must weight the same indicators"),
    ({"a": 0.5, "b": 0.5}, {"a": 0.5, "b": 0.5}, {"alpha": 2}, ValueError, "alpha: is a share"),
    ({"a": 0.5, "b": 0.5}, {"a": 0.5, "b": 0.5}, {"method": "max"}, ValueError,
     "method: unknown method 'max'"),
    ({"a": 0.5, "b": 0.6}, {"a": 0.5, "b": 0.5}, {}, ValueError,
     "subjective: weights must add up to 1"),
    ([0.5, 0.5], {"a": 0.5, "b": 0.5}, {}, TypeError, "subjective: expected weights"),
    ({"a": 1.0, "b": 0.0}, {"a": 0.0, "b": 1.0}, {"method": "multiplicative"}, ValueError,
     "no indicator has weight in both"),
])
def test_combine_rejects(s, o, kwargs, error, match):
    with pytest.raises(error, match=match):
        combine_weights(s, o, **kwargs)


def test_plot_weight_comparison():
    w = pd.DataFrame({"AHP": [0.7, 0.3], "entropy": [0.4, 0.6]}, index=["a", "b"])
    ax = weighting.plot_weight_comparison(w)
    assert len(ax.patches) == 4
    assert sorted(round(float(p.get_width()), 1) for p in ax.patches) == [0.3, 0.4, 0.6, 0.7]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["AHP", "entropy"]
    with pytest.raises(TypeError, match="weights: expected a DataFrame"):
        weighting.plot_weight_comparison({"a": 1})


# --- principal components (主成分分析法) ---------------------------------------------------------

PCA_DATA = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0, 6.0], "b": [2.0, 4.0, 5.0, 8.0, 9.0],
                         "c": [3.0, 1.0, 4.0, 2.0, 2.5], "cost": [9.0, 7.0, 6.0, 5.0, 1.0]})


def test_pca_weights_by_an_independent_route():
    # the same weights from the singular value decomposition of the standardised data instead of
    # the eigenvectors of the correlation matrix: right singular vectors = eigenvectors,
    # singular value^2 / (m - 1) = eigenvalues
    x = PCA_DATA.to_numpy().copy()
    x[:, 3] = -x[:, 3]                                   # cost: less is better
    z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
    _, s, vt = np.linalg.svd(z, full_matrices=False)
    lam = s ** 2 / (len(z) - 1)
    share = lam / lam.sum()
    u = vt.T * np.where(vt.T.sum(axis=0) >= 0, 1, -1)
    k = int(np.argmax(np.cumsum(share) >= 0.85 - 1e-12)) + 1
    c = u[:, :k] @ share[:k] / share[:k].sum()
    t = weighting.pca_table(PCA_DATA, {"cost": False})
    assert t.attrs["kept"] == k
    assert t["coefficient"].to_numpy() == pytest.approx(c)
    assert t["weight"].to_numpy() == pytest.approx(np.abs(c) / np.abs(c).sum())
    assert sum(t.attrs["explained"].values()) == pytest.approx(1.0)
    assert list(t.attrs["explained"].values()) == pytest.approx(share)


def test_pca_two_perfectly_correlated_indicators_share_the_first_component():
    # corr = [[1, 1], [1, 1]]: eigenvalues 2 and 0, PC1 = (1, 1)/sqrt 2 explains everything,
    # so the weights are 1/2 and 1/2 whatever the units
    d = pd.DataFrame({"dollars": [1.0, 2.0, 4.0], "cents": [100.0, 200.0, 400.0]})
    t = weighting.pca_table(d)
    assert t.attrs["kept"] == 1
    assert t["PC1"].tolist() == pytest.approx([2 ** -0.5, 2 ** -0.5])
    assert t["weight"].tolist() == pytest.approx([0.5, 0.5])


def test_pca_is_unit_free_and_reversal_is_negation():
    scaled = PCA_DATA.assign(a=PCA_DATA["a"] * 1000)
    assert weighting.pca_weights(scaled, {"cost": False}).tolist() == pytest.approx(
        weighting.pca_weights(PCA_DATA, {"cost": False}).tolist())
    negated = PCA_DATA.assign(cost=-PCA_DATA["cost"])
    assert weighting.pca_weights(negated).tolist() == pytest.approx(
        weighting.pca_weights(PCA_DATA, {"cost": False}).tolist())
    w = weighting.pca_weights(PCA_DATA, variance_share=1.0)
    assert w.sum() == pytest.approx(1.0) and (w >= 0).all() and w.name == "pca_weight"


@pytest.mark.parametrize("kwargs, error, match", [
    ({"variance_share": 0}, ValueError, "variance_share: must be above 0"),
    ({"variance_share": 2}, ValueError, "variance_share"),
    ({"higher_is_better": {"z": False}}, ValueError, "higher_is_better"),
])
def test_pca_rejects(kwargs, error, match):
    with pytest.raises(error, match=match):
        weighting.pca_table(PCA_DATA, **kwargs)
    with pytest.raises(ValueError, match=r"columns \['c'\] have the same value"):
        weighting.pca_table(PCA_DATA.assign(c=1.0))
    with pytest.raises(ValueError, match="at least three rows"):
        weighting.pca_table(PCA_DATA.iloc[:2])
