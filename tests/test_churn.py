"""Tests for crmlib.churn: the Mrs Smith case (the cost of a lost customer)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmlib import churn
from crmlib.churn import ChurnLoss, mrs_smith_loss, mrs_smith_range, plot_waterfall


# --- the chain of reasoning -------------------------------------------------------------------

def test_defaults_reproduce_the_source():
    loss = mrs_smith_loss()
    assert loss.lifetime_value == 26_000     # 50 × 52 × 10
    assert loss.influenced == 60             # 20 × 0.5 × (1 + 5)
    assert loss.lost_customers == 15         # 60 × 0.25
    assert loss.total_loss == 416_000        # 26,000 × (1 + 15)
    assert loss.profit_loss == 416_000       # margin 1.0: the source's revenue view


def test_ten_people_told():
    loss = mrs_smith_loss(people_told=10)
    assert loss.influenced == 30             # 10 × 0.5 × 6
    assert loss.lost_customers == 7.5        # 30 × 0.25
    assert loss.total_loss == 221_000        # 26,000 × 8.5


def test_hand_computed_non_default_case():
    # lifetime value = 30 × 50 × 4 = 6,000
    # influenced     = 12 × 0.75 × (1 + 3) = 36
    # lost           = 36 × 0.5 = 18
    # total          = 6,000 × (1 + 18) = 114,000; profit = 114,000 × 0.2 = 22,800
    loss = mrs_smith_loss(weekly_spend=30, weeks_per_year=50, years=4, people_told=12,
                          influenced_share=0.75, onward_contacts=3, defection_share=0.5,
                          margin=0.2)
    assert loss.lifetime_value == pytest.approx(6_000)
    assert loss.influenced == pytest.approx(36)
    assert loss.lost_customers == pytest.approx(18)
    assert loss.total_loss == pytest.approx(114_000)
    assert loss.profit_loss == pytest.approx(22_800)


def test_margin_scales_profit_only():
    loss = mrs_smith_loss(margin=0.3)
    assert loss.total_loss == 416_000
    assert loss.profit_loss == pytest.approx(0.3 * 416_000)


def test_zero_inputs_give_zero_or_own_value():
    assert mrs_smith_loss(people_told=0).total_loss == 26_000  # only Mrs Smith herself
    assert mrs_smith_loss(weekly_spend=0).total_loss == 0


def test_integer_and_numpy_inputs_accepted():
    assert mrs_smith_loss(people_told=np.int64(10), defection_share=np.float64(0.25)).total_loss \
        == 221_000


def test_assumptions_recorded_and_read_only():
    loss = mrs_smith_loss(people_told=10, margin=0.3)
    assert dict(loss.assumptions) == {
        "weekly_spend": 50, "weeks_per_year": 52, "years": 10, "people_told": 10,
        "influenced_share": 0.5, "onward_contacts": 5, "defection_share": 0.25, "margin": 0.3}
    with pytest.raises(TypeError):
        loss.assumptions["margin"] = 1.0  # type: ignore[index]
    with pytest.raises(AttributeError):
        loss.total_loss = 0  # type: ignore[misc]  # frozen dataclass


def test_equal_inputs_give_equal_hashable_results():
    assert mrs_smith_loss() == mrs_smith_loss()
    assert hash(mrs_smith_loss()) == hash(mrs_smith_loss())


# --- the steps table and the summary ----------------------------------------------------------

def test_steps_table_matches_attributes():
    loss = mrs_smith_loss(margin=0.3)
    steps = loss.steps
    assert list(steps.columns) == ["step", "formula", "value", "unit"]
    values = dict(zip(steps["step"], steps["value"]))
    assert values["lifetime value of one customer"] == loss.lifetime_value
    assert values["people influenced"] == loss.influenced
    assert values["customers lost"] == loss.lost_customers
    assert values["lost customers' lifetime value"] == 390_000
    assert values["total revenue lost"] == loss.total_loss
    assert values["total profit lost"] == pytest.approx(loss.profit_loss)
    assert steps["unit"].tolist() == ["$", "people", "people", "$", "$", "$"]


def test_steps_formulas_show_the_numbers():
    formulas = mrs_smith_loss(people_told=10, margin=0.3).steps["formula"].tolist()
    assert formulas == ["50 × 52 × 10", "10 × 0.5 × (1 + 5)", "30 × 0.25", "7.5 × 26,000",
                        "26,000 × (1 + 7.5)", "221,000 × 0.3"]


def test_summary_text_and_html():
    assert str(mrs_smith_loss()) == ("Losing Mrs Smith costs $416,000 in revenue over 10 years "
                                     "(she and 15 customers she drives away).")
    assert "$124,800 in profit at a 30% margin" in str(mrs_smith_loss(margin=0.3))
    html = mrs_smith_loss()._repr_html_()
    assert "$416,000" in html and "<table" in html and "50 × 52 × 10" in html


# --- mrs_smith_range ---------------------------------------------------------------------------

def test_range_default_rows():
    table = mrs_smith_range()
    assert list(table.columns) == ["people_told", "influenced", "lost_customers", "total_loss",
                                   "profit_loss"]
    assert table["people_told"].tolist() == [10, 20]
    assert table["influenced"].tolist() == [30, 60]
    assert table["lost_customers"].tolist() == [7.5, 15]
    assert table["total_loss"].tolist() == [221_000, 416_000]


@pytest.mark.parametrize("counts", [range(10, 21, 10), [10, 20], np.array([10, 20]),
                                    pd.Series([10, 20]), (n for n in (10, 20)), {20, 10}])
def test_range_accepts_any_iterable(counts):
    assert mrs_smith_range(counts)["total_loss"].tolist() == [221_000, 416_000]


def test_range_passes_assumptions_through():
    table = mrs_smith_range([10, 15, 20], margin=0.5)
    # 15 told: 45 influenced, 11.25 lost, 26,000 × 12.25 = 318,500; profit half of that
    assert table["total_loss"].tolist() == [221_000, 318_500, 416_000]
    assert table["profit_loss"].tolist() == [110_500, 159_250, 208_000]


@pytest.mark.parametrize("counts, error", [([10, -1], ValueError), ([10, np.nan], ValueError),
                                           ("ten", TypeError), ([], ValueError),
                                           ({"a": 10}, TypeError)])
def test_range_rejects_bad_counts(counts, error):
    with pytest.raises(error, match="people_told"):
        mrs_smith_range(counts)


def test_range_rejects_unknown_assumption():
    with pytest.raises(TypeError, match="weekly_spnd"):
        mrs_smith_range(weekly_spnd=50)


# --- bad inputs --------------------------------------------------------------------------------

COUNTS = ["weekly_spend", "weeks_per_year", "years", "people_told", "onward_contacts"]
SHARES = ["influenced_share", "defection_share", "margin"]
BAD_INPUTS = (
    [(name, -1, ValueError) for name in COUNTS]
    + [(name, 1.5, ValueError) for name in SHARES]
    + [(name, -0.1, ValueError) for name in SHARES]
    + [(name, True, TypeError) for name in COUNTS + SHARES]
    + [(name, "10", TypeError) for name in COUNTS + SHARES]
    + [(name, math.nan, ValueError) for name in COUNTS + SHARES]
    + [(name, math.inf, ValueError) for name in COUNTS]
    + [(name, None, TypeError) for name in COUNTS + SHARES]
    + [("weeks_per_year", 60, ValueError)]
)


@pytest.mark.parametrize("name, value, error", BAD_INPUTS)
def test_bad_inputs_name_the_parameter(name, value, error):
    with pytest.raises(error, match=name):
        mrs_smith_loss(**{name: value})


def test_edges_of_valid_range_accepted():
    assert mrs_smith_loss(weeks_per_year=53).lifetime_value == 26_500
    assert mrs_smith_loss(defection_share=1, influenced_share=0, margin=0).profit_loss == 0


# --- properties --------------------------------------------------------------------------------

shares = st.floats(0, 1)
amounts = st.floats(0, 1_000)


@given(a=amounts, b=amounts, spend=amounts, influenced_share=shares, defection_share=shares)
def test_total_loss_non_decreasing_in_people_told(a, b, spend, influenced_share, defection_share):
    low, high = sorted((a, b))
    common = dict(weekly_spend=spend, influenced_share=influenced_share,
                  defection_share=defection_share)
    assert (mrs_smith_loss(people_told=low, **common).total_loss
            <= mrs_smith_loss(people_told=high, **common).total_loss)


@given(a=shares, b=shares, told=amounts, onward=st.floats(0, 100))
def test_total_loss_non_decreasing_in_defection_share(a, b, told, onward):
    low, high = sorted((a, b))
    common = dict(people_told=told, onward_contacts=onward)
    assert (mrs_smith_loss(defection_share=low, **common).total_loss
            <= mrs_smith_loss(defection_share=high, **common).total_loss)


@given(margin=shares, told=amounts)
def test_profit_never_exceeds_revenue(margin, told):
    loss = mrs_smith_loss(people_told=told, margin=margin)
    assert 0 <= loss.profit_loss <= loss.total_loss


# --- the figure --------------------------------------------------------------------------------

def test_plot_waterfall_bars():
    from crmlib import plotting

    ax = plot_waterfall(mrs_smith_loss(people_told=10))
    try:
        bars = ax.patches
        assert len(bars) == 3
        assert [b.get_height() for b in bars] == pytest.approx([26_000, 195_000, 221_000])
        assert [b.get_y() for b in bars] == pytest.approx([0, 26_000, 0])  # middle bar floats
        labels = [t.get_text() for t in ax.texts]
        assert labels == ["$26,000", "$195,000", "$221,000"]
        assert "Mrs Smith" in ax.get_title()
        assert "7.5 customers" in ax.get_xticklabels()[1].get_text()
    finally:
        plotting.close(ax.figure)


def test_plot_waterfall_uses_given_axes():
    from crmlib import plotting

    fig, ax = plotting.new_figure()
    try:
        assert plot_waterfall(mrs_smith_loss(), ax=ax) is ax
    finally:
        plotting.close(fig)


def test_plot_waterfall_rejects_other_objects():
    with pytest.raises(TypeError, match="result"):
        plot_waterfall(416_000)  # type: ignore[arg-type]


# --- the widget --------------------------------------------------------------------------------

def _printed(panel) -> str:
    return "".join(o["text"] for o in panel.output.outputs if o["output_type"] == "stream")


def test_widget_redraws_when_a_slider_moves():
    import ipywidgets
    from crmlib import plotting

    figures_before = plotting.plt.get_fignums()
    panel = churn.mrs_smith_widget()
    assert isinstance(panel, ipywidgets.Widget)
    assert set(panel.sliders) == {"weekly_spend", "years", "people_told", "influenced_share",
                                  "onward_contacts", "defection_share", "margin"}
    assert isinstance(panel.output, ipywidgets.Output)
    assert "$416,000" in _printed(panel)
    assert any("image/png" in o.get("data", {}) for o in panel.output.outputs)

    panel.sliders["people_told"].value = 10
    assert "$221,000" in _printed(panel) and "$416,000" not in _printed(panel)
    panel.sliders["margin"].value = 0.5
    assert "$110,500 in profit" in _printed(panel)
    assert len(panel.output.outputs) == 2  # replaced, not appended
    assert plotting.plt.get_fignums() == figures_before  # no figure leaks


def test_widget_defaults_and_validation():
    panel = churn.mrs_smith_widget(people_told=10, weeks_per_year=50)
    assert panel.sliders["people_told"].value == 10
    assert "$212,500" in _printed(panel)  # 50 × 50 × 10 = 25,000; × (1 + 7.5) = 212,500
    with pytest.raises(ValueError, match="defection_share"):
        churn.mrs_smith_widget(defection_share=2)


def test_import_is_light():
    import subprocess
    import sys

    code = ("import sys, crmlib; crmlib.churn.mrs_smith_loss(); "
            "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_result_type_exported():
    assert isinstance(mrs_smith_loss(), ChurnLoss)
    assert set(churn.__all__) == {"ChurnLoss", "mrs_smith_loss", "mrs_smith_range",
                                  "plot_waterfall", "mrs_smith_widget"}
