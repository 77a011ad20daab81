"""crmlib's core: seeding, lazy imports, the shared validators and the figure style."""
from __future__ import annotations

import numpy as np
import pytest

import crmlib
from crmlib import _validate as v


def test_seed_is_reproducible_and_seeds_the_globals():
    a = crmlib.seed(42).normal(size=3)
    legacy = np.random.random()
    b = crmlib.seed(42).normal(size=3)
    assert np.array_equal(a, b)
    assert np.random.random() == legacy          # np.random global seeded too
    assert crmlib.seed().integers(0, 1_000_000) == crmlib.seed(crmlib.DEFAULT_SEED).integers(0, 1_000_000)


@pytest.mark.parametrize("bad", [-1, 1.5, "7", True, None])
def test_seed_rejects_bad_values(bad):
    with pytest.raises(ValueError, match="non-negative integer"):
        crmlib.seed(bad)


def test_lazy_submodules_and_unknown_attribute():
    assert crmlib.loyalty.dick_basu(5, 0.9) == "loyalty"
    assert "loyalty" in dir(crmlib)
    with pytest.raises(AttributeError, match="no attribute 'kanoo'"):
        crmlib.kanoo  # noqa: B018


def test_as_float_array_messages():
    import pandas as pd
    with pytest.raises(ValueError, match=r"x: missing value \(NaN\) at label 'b'"):
        v.as_float_array(pd.Series([1.0, np.nan], index=["a", "b"]), "x")
    with pytest.raises(TypeError, match="x: expected numbers, found non-numeric value\\(s\\) 'high'"):
        v.as_float_array([1, "high"], "x")
    with pytest.raises(ValueError, match="x: is empty"):
        v.as_float_array([], "x")
    with pytest.raises(ValueError, match="x: infinite value at position 1"):
        v.as_float_array([1, np.inf], "x")
    with pytest.raises(TypeError, match="got DataFrame"):
        v.as_float_array(pd.DataFrame({"a": [1]}), "x")
    assert v.as_float_array([1, 2], "x").tolist() == [1.0, 2.0]


def test_positions_are_listed_with_a_limit():
    msg = v.describe_positions(np.ones(8, bool))
    assert msg == "at positions 0, 1, 2, 3, 4 and 3 more"


def test_scalar_validators():
    assert v.share(0.25, "s") == 0.25
    with pytest.raises(ValueError, match="s: is a share .* got 25 \\(write 25% as 0.25\\)"):
        v.share(25, "s")
    with pytest.raises(ValueError, match="n: must be zero or more, got -1"):
        v.non_negative(-1, "n")
    with pytest.raises(TypeError, match="n: expected a single number, got True"):
        v.non_negative(True, "n")
    with pytest.raises(ValueError, match="finite"):
        v.scalar(float("nan"), "n")


def test_weights_sum_to():
    assert v.weights_sum_to({"a": 0.4, "b": 0.6}, "w") == {"a": 0.4, "b": 0.6}
    with pytest.raises(ValueError, match=r"w: weights must add up to 1, they add up to 0.9 \(a=0.4, b=0.5\)"):
        v.weights_sum_to({"a": 0.4, "b": 0.5}, "w")
    with pytest.raises(ValueError, match=r"w\['a'\]: must be zero or more"):
        v.weights_sum_to({"a": -0.5, "b": 1.5}, "w")
    with pytest.raises(TypeError, match="non-empty mapping"):
        v.weights_sum_to({}, "w")


def test_plotting_style_is_applied():
    from crmlib import plotting
    fig, ax = plotting.new_figure()
    assert ax.spines["top"].get_visible() is False
    assert fig.get_size_inches().tolist() == [8.0, 5.0]
    assert plotting.plt.rcParams["axes.titlesize"] == 15
    plotting.close(fig)
