"""Tests for crmlib.history: the origins of CRM and relationship marketing (chapter 1)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlib import data, history


# --- the teaching tables reproduce the sources -------------------------------------------------

def test_seven_stages_in_order_with_the_decks_periods():
    stages = history.marketing_stages()
    assert list(stages.index) == list(history.MARKETING_STAGES)
    assert len(stages) == 7
    # slide deck 003: production late 19th-early 20th c.; selling 1940s-50s; marketing 1950s;
    # societal 1970s; mega-marketing 1980s; relationship marketing 1990s
    assert stages.loc["production", "period"] == "late 19th to early 20th century"
    assert stages.loc["selling", ["start", "end"]].tolist() == [1940, 1960]
    assert stages.loc["societal marketing", "start"] == 1970
    assert stages.loc["mega-marketing", "start"] == 1980
    assert stages.loc["relationship marketing", ["start", "end"]].tolist() == [1990, 2000]
    assert stages["chinese"].tolist() == ["生产观念", "产品观念", "推销观念", "市场营销观念",
                                          "社会营销观念", "大市场营销观念", "关系营销观念"]
    assert (stages["end"] > stages["start"]).all()
    assert stages["start"].is_monotonic_increasing


def test_marketing_definitions_years():
    assert history.marketing_definitions()["year"].tolist() == [1960, 1985, 2004]


def test_rm_definitions_authors_and_years():
    d = history.rm_definitions()
    assert dict(zip(d.index, d["year"])) == {"Berry": 1983, "Jackson": 1985, "Grönroos": 1990,
                                            "Morgan & Hunt": 1994}
    assert d.loc["Berry", "chinese_key_idea"] == "保持客户"
    assert d.loc["Jackson", "chinese_key_idea"] == "捆住消费者"
    assert "commitment" in d.loc["Morgan & Hunt", "gist"]
    assert d["year"].is_monotonic_increasing


def test_marketing_mix_four_frameworks_four_elements():
    mix = history.marketing_mix()
    assert list(mix.index) == ["4P", "4C", "4R", "4V"]
    assert mix.loc["4P", "element_1"] == "Product 产品"
    assert mix.loc["4R", "element_4"] == "Return 回报"
    assert mix.loc["4V", "element_4"] == "Vibration 共鸣"
    elements = history.marketing_mix_elements()
    assert elements.groupby("framework").size().tolist() == [4, 4, 4, 4]
    # Lauterborn's pairing: each 4C element answers the 4P element in the same position
    pairs = elements.pivot(index="position", columns="framework", values="element")
    assert list(zip(pairs["4P"], pairs["4C"])) == [
        ("Product", "Customer"), ("Price", "Cost"), ("Place", "Convenience"),
        ("Promotion", "Communication")]


def test_rm_lists_have_the_sources_items():
    assert history.rm_features().index.tolist() == ["two-way communication", "cooperation",
                                                    "timely feedback", "mutual benefit"]
    assert [i[0] for i in history.six_is().index] == ["I"] * 6
    assert history.relationship_groups().index.tolist() == [
        "customers", "suppliers and distributors", "competitors", "influencers", "employees"]
    mix = history.rm_mix()
    assert mix.index.tolist() == ["Product", "Price", "Place", "Promotion", "People", "Process",
                                  "Customer service"]
    assert mix["origin"].value_counts().to_dict() == {"4P": 4, "added": 3}
    assert history.rm_process()["step"].tolist() == [1, 2, 3, 4, 5]
    assert len(history.crm_drivers()) == 7
    assert len(history.rm_background()) == 4


def test_transaction_vs_relationship_table():
    table = history.transaction_vs_relationship()
    assert table.columns.tolist() == ["transaction", "relationship", "source"]
    assert table.index.is_unique
    assert table.notna().all().all()
    assert set(table["source"]) == {"Chinese CRM textbooks", "Grönroos 1991",
                                    "Christopher, Payne & Ballantyne 1991"}


def test_the_two_lists_of_stages():
    lists = history.stage_lists()
    seven = lists[lists["in_seven"] > 0].sort_values("in_seven").index.tolist()
    six = lists[lists["in_six"] > 0].sort_values("in_six").index.tolist()
    assert seven == list(history.MARKETING_STAGES)
    assert six == list(history.SERVICE_STAGES) == [
        "production", "product", "selling", "marketing", "service marketing",
        "societal marketing"]
    assert lists.loc["service marketing", "chinese"] == "服务营销观念"
    # the selling concept under both its Chinese names
    stages = history.marketing_stages()
    assert stages.loc["selling", ["chinese", "also_called"]].tolist() == ["推销观念", "销售观念"]


def test_roles_of_relationship_marketing_include_government():
    roles = history.rm_roles()
    assert roles.loc["relations with government", "chinese"] == "协调与政府的关系"
    assert len(roles) == 2


# --- the quiz ---------------------------------------------------------------------------------

def test_statement_quiz_is_reproducible_and_answered_from_the_table():
    quiz = history.statement_quiz()
    assert quiz.equals(history.statement_quiz())
    assert len(quiz) == 8
    assert quiz["answer"].value_counts().to_dict() == {"transaction": 4, "relationship": 4}
    table = history.transaction_vs_relationship()
    for statement, answer in zip(quiz["statement"], quiz["answer"]):
        aspect, text = statement.split(" \u2014 ", 1)
        assert table.loc[aspect, answer] == text
    assert not quiz.equals(history.statement_quiz(seed=2))


@pytest.mark.parametrize("n", [1, 27, 2.5, True, "8"])
def test_statement_quiz_rejects_bad_n(n):
    with pytest.raises(ValueError, match="n: expected a whole number of statements from 2 to 26"):
        history.statement_quiz(n)


# --- revenue by tenure -------------------------------------------------------------------------

def test_revenue_by_tenure_hand_computed():
    # bands [0, 12), [12, 60), [60, 200): customers 1, 1, 2; revenue 100, 200, 300 + 400 = 700
    table = history.revenue_by_tenure([6, 30, 90, 100], [100, 200, 300, 400], bands=[0, 12, 60, 200])
    assert table.index.tolist() == ["0-12 months", "12-60 months", "60-200 months"]
    assert table["customers"].tolist() == [1, 1, 2]
    assert table["customer_share"].tolist() == [0.25, 0.25, 0.5]
    assert table["revenue"].tolist() == [100, 200, 700]
    assert table["revenue_share"].tolist() == pytest.approx([0.1, 0.2, 0.7])
    assert table["revenue_per_customer"].tolist() == [100, 200, 350]


def test_revenue_by_tenure_band_edges_and_empty_bands():
    # 12 falls in [12, 36): a band is start <= tenure < end; the 36+ band is empty
    table = history.revenue_by_tenure([0, 12], [10, 30], bands=(0, 12, 36, np.inf))
    assert table["customers"].tolist() == [1, 1, 0]
    assert table.index[-1] == "36+ months"
    assert np.isnan(table["revenue_per_customer"].iloc[-1])
    zero = history.revenue_by_tenure([1, 2], [0, 0], bands=(0, 12))
    assert zero["revenue_share"].tolist() == [0.0]


def test_revenue_by_tenure_on_the_survey():
    survey = data.load("loyalty_survey")
    table = history.revenue_by_tenure(survey["tenure_months"], survey["monthly_spend"])
    assert table["customers"].sum() == 600
    assert table["revenue"].sum() == pytest.approx(survey["monthly_spend"].sum())
    # the chapter's claim: revenue per customer rises with the length of the relationship
    assert table["revenue_per_customer"].is_monotonic_increasing


@pytest.mark.parametrize("args, error, match", [
    (([1, 2], [1]), ValueError, "tenure_months and monthly_spend: need one value per customer"),
    (([1, -2], [1, 1]), ValueError, "tenure_months: must be zero or more, negative value at position 1"),
    (([1, 2], [1, -1]), ValueError, "monthly_spend: must be zero or more"),
    (([1, np.nan], [1, 1]), ValueError, r"tenure_months: missing value \(NaN\)"),
    (([1, "x"], [1, 1]), TypeError, "tenure_months: expected numbers"),
    ((pd.Series([5, 500], index=["a", "b"]), [1, 1]), ValueError,
     r"tenure_months: value outside the bands \[0, inf\) at label 'b'|"
     r"tenure_months: value outside the bands"),
])
def test_revenue_by_tenure_bad_input(args, error, match):
    bands = (0, 12, 120) if isinstance(args[0], pd.Series) else (0, 12, np.inf)
    with pytest.raises(error, match=match):
        history.revenue_by_tenure(*args, bands=bands)


@pytest.mark.parametrize("bands, error", [((12,), ValueError), ((0, 12, 12), ValueError),
                                          ((0, 24, 12), ValueError), ("abc", TypeError),
                                          ((0, np.nan), ValueError)])
def test_revenue_by_tenure_bad_bands(bands, error):
    with pytest.raises(error, match="bands: "):
        history.revenue_by_tenure([1], [1], bands=bands)


# --- concentration ------------------------------------------------------------------------------

def test_pareto_curve_hand_computed():
    curve = history.pareto_curve([10, 30, 60])
    # best first: 60, 30, 10 of 100 -> 0.6, 0.9, 1.0
    assert curve["revenue_share"].tolist() == pytest.approx([0, 0.6, 0.9, 1.0])
    assert curve["customer_share"].tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])


def test_top_customer_share_interpolates():
    # top 50% of [10, 30, 60]: halfway between 1/3 (0.6) and 2/3 (0.9) -> 0.75
    assert history.top_customer_share([10, 30, 60], top=0.5) == pytest.approx(0.75)
    assert history.top_customer_share([10, 30, 60], top=0) == 0
    assert history.top_customer_share([10, 30, 60], top=1) == pytest.approx(1)


def test_top_fifth_of_jacks_customers():
    survey = data.load("loyalty_survey")
    share = history.top_customer_share(survey["monthly_spend"])
    assert 0.2 < share < 0.8       # more than their number, far from everything
    top = survey["monthly_spend"].sort_values(ascending=False).iloc[:120].sum()
    assert share == pytest.approx(top / survey["monthly_spend"].sum())  # 120 = exactly 20 %


@pytest.mark.parametrize("spend, error, match", [
    ([0, 0], ValueError, "spend: all values are 0"),
    ([1, -1], ValueError, "spend: must be zero or more, negative value at position 1"),
    ([], ValueError, "spend: is empty"),
    ("abc", TypeError, "spend: expected numbers"),
])
def test_pareto_bad_input(spend, error, match):
    with pytest.raises(error, match=match):
        history.pareto_curve(spend)


@pytest.mark.parametrize("top", [-0.1, 1.5, 20])
def test_top_share_must_be_a_share(top):
    with pytest.raises(ValueError, match="top: is a share"):
        history.top_customer_share([1, 2, 3], top=top)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=50).filter(
    lambda xs: sum(xs) > 0), st.floats(0, 1))
def test_concentration_invariants(spend, top):
    curve = history.pareto_curve(spend)
    assert curve["revenue_share"].is_monotonic_increasing
    assert curve["revenue_share"].iloc[-1] == pytest.approx(1)
    share = history.top_customer_share(spend, top)
    # the best customers bring at least their share of revenue, and never more than all of it
    assert top - 1e-9 <= share <= 1 + 1e-9


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 179), st.floats(0, 1e4)), min_size=1, max_size=40))
def test_revenue_by_tenure_adds_up(pairs):
    tenure, spend = zip(*pairs)
    table = history.revenue_by_tenure(list(tenure), list(spend))
    assert table["customers"].sum() == len(pairs)
    assert table["revenue"].sum() == pytest.approx(sum(spend))
    assert table["customer_share"].sum() == pytest.approx(1)


# --- figures --------------------------------------------------------------------------------------

def test_timeline_figure():
    ax = history.plot_timeline()
    assert len(ax.patches) == 7
    widths = [p.get_width() for p in ax.patches]
    assert widths == (history.marketing_stages()["end"] - history.marketing_stages()["start"]).tolist()
    labels = [t.get_text() for t in ax.texts]
    assert "Berry 1983" in labels and "Morgan & Hunt 1994" in labels
    plain = history.plot_timeline(show_definitions=False)
    assert "Berry 1983" not in [t.get_text() for t in plain.texts]
    with pytest.raises(TypeError, match="show_definitions: expected True or False"):
        history.plot_timeline(show_definitions="yes")


def test_mix_and_groups_figures():
    ax = history.plot_marketing_mix()
    texts = [t.get_text() for t in ax.texts]
    for element in history.marketing_mix_elements()["element"]:
        assert element in texts
    ax = history.plot_relationship_groups()
    texts = [t.get_text().replace(" &\n", " and ") for t in ax.texts]
    for group in history.relationship_groups().index:
        assert group in texts


def test_revenue_and_pareto_figures():
    table = history.revenue_by_tenure([6, 30, 90], [100, 200, 300])
    ax = history.plot_revenue_by_tenure(table)
    heights = [p.get_height() for p in ax.patches]
    assert heights[:5] == pytest.approx(table["customer_share"].tolist())
    assert heights[5:] == pytest.approx(table["revenue_share"].tolist())
    with pytest.raises(TypeError, match="table: expected the DataFrame returned by revenue_by_tenure"):
        history.plot_revenue_by_tenure([1, 2])
    ax = history.plot_pareto([10, 30, 60], mark=1 / 3)
    assert any("bring 60% of revenue" in t.get_text() for t in ax.texts)
    with pytest.raises(ValueError, match="mark: is a share"):
        history.plot_pareto([1, 2], mark=2)
