"""Tests for crmlib.relationship: Kotler's levels and grid, the life cycle simulation, the 611
contact plan, personality types, segment attractiveness and the teaching tables."""
from __future__ import annotations

import datetime
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmlib import relationship as rel
from crmlib.relationship import (LEVELS, PHASES, contact_plan_611, kotler_grid, kotler_level,
                                 life_cycle_outcomes, personality_type, phase_shares,
                                 relationship_level, segment_attractiveness, simulate_life_cycle)


# --- Kotler's grid -----------------------------------------------------------------------------

def test_kotler_grid_cells():
    # Kotler, Marketing Management: many customers / high margin -> accountable, ... ,
    # few customers / high margin -> partnership, many / low -> basic (or reactive)
    grid = kotler_grid()
    assert grid.loc["many"].tolist() == ["accountable", "reactive", "basic"]
    assert grid.loc["medium"].tolist() == ["proactive", "accountable", "reactive"]
    assert grid.loc["few"].tolist() == ["partnership", "proactive", "accountable"]
    assert list(grid.columns) == ["high", "medium", "low"]


def test_kotler_level_vectorised():
    assert kotler_level("few", "high") == "partnership"
    assert kotler_level(" Many ", "LOW") == "basic"
    out = kotler_level(["many", "medium", "few"], "medium")
    assert out.tolist() == ["reactive", "accountable", "proactive"]
    series = kotler_level(pd.Series(["few", "many"], index=["Boeing", "Coca-Cola"]),
                          pd.Series(["high", "low"], index=["Boeing", "Coca-Cola"]))
    assert series.to_dict() == {"Boeing": "partnership", "Coca-Cola": "basic"}


@pytest.mark.parametrize("customers, margin, level", [
    (40, 0.35, "partnership"), (99, 0.35, "partnership"), (100, 0.35, "proactive"),
    (9_999, 0.35, "proactive"), (10_000, 0.35, "accountable"),
    (40, 0.30, "partnership"), (40, 0.2999, "proactive"), (40, 0.10, "proactive"),
    (40, 0.0999, "accountable"), (3_000_000, 0.08, "basic"), (20_000, 0.22, "reactive"),
    (6_000, 0.12, "accountable"), (300, -0.05, "reactive"), (0, 1.0, "partnership"),
])
def test_relationship_level_at_the_cuts(customers, margin, level):
    # few < 100 <= medium < 10,000 <= many; low < 10% <= medium < 30% <= high
    assert relationship_level(customers, margin) == level


def test_relationship_level_vectorised_and_custom_cuts():
    out = relationship_level([5_000_000, 800, 800], [0.04, 0.2, 0.05])
    assert out.tolist() == ["basic", "accountable", "reactive"]
    firms = pd.Series([25, 200_000], index=["robots", "books"])
    assert relationship_level(firms, 0.4).to_dict() == {"robots": "partnership",
                                                         "books": "accountable"}
    assert relationship_level(500, 0.2, customer_cuts=(1_000, 50_000)) == "proactive"
    assert relationship_level(500, 0.2, margin_cuts=(0.25, 0.5)) == "reactive"


@pytest.mark.parametrize("kwargs, error, name", [
    (dict(customers=-1), ValueError, "customers"),
    (dict(customers="many"), TypeError, "customers"),
    (dict(customers=[1, math.nan]), ValueError, "customers"),
    (dict(margin=25), ValueError, "margin"),
    (dict(margin=[0.1, 1.5]), ValueError, "margin"),
    (dict(customers=[1, 2, 3], margin=[0.1, 0.2]), ValueError, "customers, margin"),
    (dict(customer_cuts=(100,)), TypeError, "customer_cuts"),
    (dict(customer_cuts=(1000, 100)), ValueError, "customer_cuts"),
    (dict(margin_cuts=(0.3, 0.1)), ValueError, "margin_cuts"),
])
def test_relationship_level_bad_inputs(kwargs, error, name):
    args = dict(customers=100, margin=0.2) | kwargs
    with pytest.raises(error, match=name):
        relationship_level(**args)


@pytest.mark.parametrize("args, error, name", [
    (("lots", "high"), ValueError, "customer_band"),
    (("few", "huge"), ValueError, "margin_band"),
    ((["few", "many"], ["high", "low", "low"]), ValueError, "customer_band, margin_band"),
    (({"a": 1}, "high"), TypeError, "customer_band"),
])
def test_kotler_level_bad_inputs(args, error, name):
    with pytest.raises(error, match=name):
        kotler_level(*args)


@given(c1=st.floats(0, 1e7), c2=st.floats(0, 1e7), m=st.floats(-1, 1))
def test_fewer_customers_never_lower_the_level(c1, c2, m):
    few, many = sorted((c1, c2))
    assert LEVELS.index(relationship_level(few, m)) >= LEVELS.index(relationship_level(many, m))


@given(c=st.floats(0, 1e7), m1=st.floats(-1, 1), m2=st.floats(-1, 1))
def test_higher_margin_never_lowers_the_level(c, m1, m2):
    low, high = sorted((m1, m2))
    assert LEVELS.index(relationship_level(c, high)) >= LEVELS.index(relationship_level(c, low))


def test_relationship_levels_table():
    table = rel.relationship_levels()
    assert table.index.tolist() == LEVELS
    assert table["chinese"].tolist() == ["基本型", "被动型", "负责型", "能动型", "伙伴型"]


def test_plot_kotler_grid_places_firms():
    from crmlib import plotting

    firms = pd.DataFrame({"name": ["Robots Ltd", "Fizz Co"], "customer_band": ["few", "many"],
                          "margin_band": ["high", "low"]})
    ax = rel.plot_kotler_grid(firms)
    texts = {t.get_text(): t.get_position() for t in ax.texts}
    assert texts["Robots Ltd"][0] == 2 and texts["Robots Ltd"][1] == pytest.approx(0.12)
    assert texts["Fizz Co"][0] == 0 and texts["Fizz Co"][1] == pytest.approx(2.12)
    assert texts["partnership"] == (2, pytest.approx(-0.18))   # top right: few, high margin
    plotting.close(ax.figure)
    with pytest.raises(ValueError, match="firms"):
        rel.plot_kotler_grid(pd.DataFrame({"name": ["x"]}))


# --- the life cycle ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sim():
    return simulate_life_cycle(customers=300, periods=48, seed=11)


def test_simulation_is_seeded_and_shaped(sim):
    again = simulate_life_cycle(customers=300, periods=48, seed=11)
    pd.testing.assert_frame_equal(sim, again)
    assert not simulate_life_cycle(customers=300, periods=48, seed=12).equals(sim)
    assert sim.shape == (300 * 48, 4)
    assert list(sim.columns) == ["customer", "period", "phase", "level"]
    assert list(sim["phase"].cat.categories) == PHASES and sim["phase"].cat.ordered


def test_phases_only_move_forward_and_end_for_good(sim):
    codes = sim["phase"].cat.codes.to_numpy().reshape(300, 48)
    assert (codes[:, 0] == 0).all()                       # everyone starts exploring
    assert (np.diff(codes, axis=1) >= 0).all()            # never back to an earlier phase
    ended = codes == 4
    assert (sim["level"].to_numpy().reshape(300, 48)[ended] == 0).all()
    assert (sim["level"].to_numpy().reshape(300, 48)[~ended] >= 1).all()
    assert (sim["level"] <= 100).all()


def test_levels_follow_the_textbook_curve(sim):
    means = sim.groupby("phase", observed=True)["level"].mean()
    assert means["exploration"] < means["decline"] < means["formation"] < means["stability"]


def test_phase_shares_and_outcomes(sim):
    shares = phase_shares(sim)
    assert list(shares.columns) == PHASES and list(shares.index) == list(range(1, 49))
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)
    assert shares.loc[1, "exploration"] == 1.0
    assert shares["ended"].is_monotonic_increasing
    out = life_cycle_outcomes(sim)
    assert len(out) == 300
    assert set(out["pattern"]) <= {"ended in exploration", "ended before stability",
                                   "ended after stability", "still active"}
    assert (out["ended"] == (out["pattern"] != "still active")).all()
    assert out["ended"].mean() == pytest.approx(shares.loc[48, "ended"])
    assert (out.loc[out["pattern"] == "ended after stability", "furthest_phase"]
            == "stability").all()


def test_no_exits_means_everyone_reaches_stability():
    p = rel.LIFE_CYCLE_TRANSITIONS.copy()
    p.loc["exploration"] = [0, 1, 0, 0, 0]       # explore one month, then form
    p.loc["formation"] = [0, 0, 1, 0, 0]         # form one month, then stay stable for ever
    p.loc["stability"] = [0, 0, 1, 0, 0]
    sim = simulate_life_cycle(customers=20, periods=5, transition=p, seed=1)
    assert sim[sim["period"] == 3]["phase"].eq("stability").all()
    assert (life_cycle_outcomes(sim)["pattern"] == "still active").all()


@pytest.mark.parametrize("kwargs, error, name", [
    (dict(customers=0), ValueError, "customers"),
    (dict(customers=2.5), ValueError, "customers"),
    (dict(customers="10"), TypeError, "customers"),
    (dict(periods=0), ValueError, "periods"),
    (dict(transition=np.eye(5)), TypeError, "transition"),
    (dict(seed=-1), ValueError, "seed"),
])
def test_simulation_bad_inputs(kwargs, error, name):
    with pytest.raises(error, match=name):
        simulate_life_cycle(**kwargs)


def test_transition_matrix_is_validated():
    p = rel.LIFE_CYCLE_TRANSITIONS.copy()
    p.loc["formation", "formation"] = 0.5
    with pytest.raises(ValueError, match="'formation' adds up to 0.72"):
        simulate_life_cycle(transition=p)
    q = rel.LIFE_CYCLE_TRANSITIONS.copy()
    q.loc["ended"] = [0.5, 0, 0, 0, 0.5]
    with pytest.raises(ValueError, match="final"):
        simulate_life_cycle(transition=q)
    with pytest.raises(ValueError, match="rows and columns"):
        simulate_life_cycle(transition=rel.LIFE_CYCLE_TRANSITIONS.iloc[::-1])


def test_life_cycle_figures(sim):
    from crmlib import plotting

    ax = rel.plot_life_cycle(sim)
    assert len([t for t in ax.texts if t.get_text().startswith("customer ")]) == 3
    assert [t.get_text() for t in ax.get_legend().get_texts()][:4] == PHASES[:4]
    plotting.close(ax.figure)
    ax = rel.plot_phase_shares(sim)
    assert len(ax.collections) == 5
    plotting.close(ax.figure)
    with pytest.raises(TypeError, match="sim"):
        rel.plot_life_cycle(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="customers"):
        rel.plot_life_cycle(sim, customers=[999])


def test_life_cycle_phases_table():
    assert rel.life_cycle_phases()["chinese"].tolist() == ["考察期", "形成期", "稳定期", "退化期"]


# --- the 611 contact plan ----------------------------------------------------------------------

def test_611_schedule_dates():
    plan = contact_plan_611("2026-03-02")
    # day 0 = 2 March 2026; March has 31 days, April 30
    assert plan["day"].tolist() == [7, 22, 37, 45, 52, 67, 82, 90]
    assert [d.strftime("%Y-%m-%d") for d in plan["date"]] == [
        "2026-03-09", "2026-03-24", "2026-04-08", "2026-04-16", "2026-04-23", "2026-05-08",
        "2026-05-23", "2026-05-31"]
    assert plan["kind"].tolist() == ["short message"] * 3 + ["call"] + ["short message"] * 3 \
        + ["long call"]
    assert plan["contact"].tolist() == list(range(1, 9))
    assert list(plan.columns) == ["contact", "day", "date", "kind", "what"]
    assert str(plan["date"].dtype) == "datetime64[ns]"


def test_611_counts_two_messages_a_month():
    plan = contact_plan_611("2026-01-01")
    messages = plan.loc[plan["kind"] == "short message", "day"]
    assert (messages // 30).value_counts().sort_index().tolist() == [2, 2, 2]   # 30-day months
    # across a year end and February: 1 Dec 2026 + 90 days = 1 March 2027
    end = contact_plan_611(datetime.date(2026, 12, 1))["date"].iloc[-1]
    assert end == pd.Timestamp("2027-03-01")


def test_611_weekends_move_to_monday():
    plan = contact_plan_611("2026-03-07", avoid_weekends=True)   # a Saturday
    # day 7 = Sat 14 Mar -> Mon 16; day 22 = Sun 29 Mar -> Mon 30; day 90 = Fri 5 Jun stays
    assert plan["date"].iloc[0] == pd.Timestamp("2026-03-16")
    assert plan["day"].iloc[0] == 9
    assert plan["date"].iloc[1] == pd.Timestamp("2026-03-30")
    assert plan["date"].iloc[-1] == pd.Timestamp("2026-06-05")
    assert (plan["date"].dt.day_of_week < 5).all()


def test_611_many_customers():
    starts = pd.Series(pd.to_datetime(["2026-03-02", "2026-04-01"]), index=["C1", "C2"])
    plans = contact_plan_611(starts)
    assert len(plans) == 16 and plans["customer"].tolist() == ["C1"] * 8 + ["C2"] * 8
    assert plans.loc[plans["customer"] == "C2", "date"].iloc[3] == pd.Timestamp("2026-05-16")
    assert contact_plan_611(["2026-03-02", "2026-04-01"])["customer"].tolist()[7:9] == [0, 1]


def test_611_parameters():
    plan = contact_plan_611("2026-03-02", first_message_day=1, message_interval=14, call_day=44,
                            final_call_day=91)
    assert plan["day"].tolist() == [1, 15, 29, 43, 44, 57, 71, 91]


@pytest.mark.parametrize("start, kwargs, error, name", [
    ("2026-13-01", {}, ValueError, "start_date"),
    ("tomorrow", {}, ValueError, "start_date"),
    (None, {}, ValueError, "start_date"),
    (20260302, {}, TypeError, "start_date"),
    (True, {}, TypeError, "start_date"),
    ([], {}, ValueError, "start_date"),
    (["2026-03-02", None], {}, ValueError, "position 1"),
    (pd.Series(["2026-03-02", "x"], index=["C1", "C2"]), {}, ValueError, "'C2'"),
    ({"a": "2026-03-02"}, {}, TypeError, "start_date"),
    ("2026-03-02", dict(call_day=45.5), TypeError, "call_day"),
    ("2026-03-02", dict(first_message_day=-1), ValueError, "first_message_day"),
    ("2026-03-02", dict(message_interval=0), ValueError, "message_interval"),
    ("2026-03-02", dict(final_call_day=60), ValueError, "final_call_day"),
    ("2026-03-02", dict(avoid_weekends="yes"), TypeError, "avoid_weekends"),
])
def test_611_bad_inputs(start, kwargs, error, name):
    with pytest.raises(error, match=name):
        contact_plan_611(start, **kwargs)


@given(start=st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 1, 1)),
       weekends=st.booleans())
def test_611_always_eight_contacts_in_order(start, weekends):
    plan = contact_plan_611(start, avoid_weekends=weekends)
    assert len(plan) == 8 and plan["date"].is_monotonic_increasing
    assert (plan["date"] - pd.Timestamp(start)).dt.days.tolist() == plan["day"].tolist()
    assert plan["kind"].value_counts().to_dict() == {"short message": 6, "call": 1,
                                                     "long call": 1}
    if weekends:
        assert (plan["date"].dt.day_of_week < 5).all()


def test_plot_contact_plan():
    from crmlib import plotting

    ax = rel.plot_contact_plan(contact_plan_611("2026-03-02"))
    assert len(ax.collections) == 3
    assert sum(len(c.get_offsets()) for c in ax.collections) == 8
    plotting.close(ax.figure)
    with pytest.raises(ValueError, match="several"):
        rel.plot_contact_plan(contact_plan_611(["2026-03-02", "2026-04-01"]))
    with pytest.raises(TypeError, match="plan"):
        rel.plot_contact_plan([1, 2])


# --- personality types ---------------------------------------------------------------------------

@pytest.mark.parametrize("outgoing, people, kind", [
    (6, 6, "popular"), (2, 6, "peaceful"), (6, 2, "powerful"), (2, 2, "analytical"),
    (4, 4, "popular"), (3.99, 4, "peaceful"), (4, 3.99, "powerful"),
])
def test_personality_quadrants(outgoing, people, kind):
    assert personality_type(outgoing, people) == kind


def test_personality_vectorised_and_table():
    ratings = pd.DataFrame({"o": [6.5, 2.0], "p": [6.0, 6.5]}, index=["Li", "Wang"])
    assert personality_type(ratings["o"], ratings["p"]).to_dict() == {"Li": "popular",
                                                                      "Wang": "peaceful"}
    assert personality_type([5, 5], [5, 5], cut=6).tolist() == ["analytical", "analytical"]
    table = rel.personality_types()
    assert table.index.tolist() == ["popular", "peaceful", "powerful", "analytical"]
    assert table["chinese"].tolist() == ["活泼型", "和平型", "力量型", "分析型"]
    assert table["serve by"].str.contains("赞美|解说|服务|征询").all()
    for (outgoing, people), name in rel.PERSONALITY_TYPES.items():
        assert table.loc[name, "energy"] == ("outgoing" if outgoing else "reserved")
        assert table.loc[name, "focus"] == ("people" if people else "task")


@pytest.mark.parametrize("args, error, name", [
    ((0, 4), ValueError, "outgoing"), ((4, 8), ValueError, "people_focus"),
    (("high", 4), TypeError, "outgoing"), (([1, 2, 3], [1, 2]), ValueError, "outgoing, people"),
    (([4, math.nan], [4, 4]), ValueError, "outgoing"),
])
def test_personality_bad_inputs(args, error, name):
    with pytest.raises(error, match=name):
        personality_type(*args)


def test_plot_personality_grid_has_english_labels_only():
    from crmlib import plotting

    ax = rel.plot_personality_grid([2, 6], [6, 2])
    text = " ".join(t.get_text() for t in ax.texts)
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert len(ax.collections[0].get_offsets()) == 2
    plotting.close(ax.figure)


# --- segmentation and the teaching tables --------------------------------------------------------

def test_segment_attractiveness_by_hand():
    segs = pd.DataFrame({"measurable": [5, 4, 3], "accessible": [4, 2, 4],
                         "substantial": [3, 5, 3], "actionable": [4, 4, 3]},
                        index=["families", "students", "retirees"])
    out = segment_attractiveness(segs)
    # families (5+4+3+4)/4 = 4.0; students 3.75 but accessible 2 < 3; retirees 3.25
    assert out.index.tolist() == ["families", "retirees", "students"]
    np.testing.assert_allclose(out["score"], [4.0, 3.25, 3.75])
    assert out["passes"].tolist() == [True, True, False]
    assert out["rank"].tolist()[:2] == [1, 2] and out["rank"].isna().tolist()[2]
    weighted = segment_attractiveness(segs, weights={"measurable": 0, "accessible": 0,
                                                     "substantial": 1, "actionable": 0}, minimum=1)
    assert weighted.index[0] == "students"


@pytest.mark.parametrize("scores, kwargs, error, name", [
    ([1, 2], {}, TypeError, "scores"),
    (pd.DataFrame({"measurable": [3]}), {}, ValueError, "missing columns"),
    (pd.DataFrame({"measurable": [6], "accessible": [3], "substantial": [3], "actionable": [3]}),
     {}, ValueError, "measurable"),
    (pd.DataFrame({"measurable": [3], "accessible": [3], "substantial": [3], "actionable": [3]}),
     dict(weights={"measurable": 0.5}), ValueError, "weights"),
    (pd.DataFrame({"measurable": [3], "accessible": [3], "substantial": [3], "actionable": [3]}),
     dict(weights={"size": 1.0}), ValueError, "unknown criteria"),
])
def test_segment_attractiveness_bad_inputs(scores, kwargs, error, name):
    with pytest.raises(error, match=name):
        segment_attractiveness(scores, **kwargs)


def test_teaching_tables():
    assert len(rel.loyalty_codes()) == 10
    assert rel.loyalty_codes().loc[7, "chinese"] == "不停地晃"
    assert "611" in rel.loyalty_codes().loc[7, "how"]
    assert rel.retention_strategies().loc[["financial", "social", "customization", "structural"],
                                          "level"].tolist() == [1, 2, 3, 4]
    assert rel.relationship_benefits()["for"].value_counts().to_dict() == {"firm": 4, "customer": 3}
    assert rel.segmentation_steps().index.tolist() == [1, 2, 3, 4, 5]
    assert "可测量性" in rel.segmentation_steps().loc[3, "how"]
    assert len(rel.monitoring_tools()) == 6
    assert rel.crm_process()["order"].tolist() == [1, 2, 3, 4]
    assert rel.communication_skills().loc["listen actively", "chinese"] == "有效倾听"


# --- the life cycle without simulation (chapter 2) ---------------------------------------------

def test_expected_phase_shares_by_hand():
    shares = rel.expected_phase_shares(4)
    assert shares.loc[1].tolist() == [1, 0, 0, 0, 0]
    # month 2: 0.70 stay, 0.18 form, 0.12 end
    assert shares.loc[2].tolist() == pytest.approx([0.70, 0.18, 0, 0, 0.12])
    # month 3: exploration 0.7², formation 0.7·0.18 + 0.18·0.78, stability 0.18·0.14,
    # decline 0.18·0.08, ended 0.12 + 0.7·0.12
    assert shares.loc[3].tolist() == pytest.approx(
        [0.49, 0.126 + 0.1404, 0.0252, 0.0144, 0.204])
    assert np.allclose(rel.expected_phase_shares(48).sum(axis=1), 1)


def test_simulation_scatters_around_the_expected_shares():
    sim = rel.simulate_life_cycle(customers=4000, periods=24, seed=7)
    gap = (rel.phase_shares(sim) - rel.expected_phase_shares(24)).abs().to_numpy().max()
    assert gap < 0.03     # 4,000 draws: a standard error of at most 0.008 per share


def test_reach_probabilities_by_hand():
    reach = rel.reach_probabilities()
    assert reach["exploration"] == pytest.approx(1)
    assert reach["formation"] == pytest.approx(0.18 / 0.30)
    assert reach["stability"] == pytest.approx(0.6 * 0.14 / 0.22)
    assert reach["decline"] == pytest.approx(0.6)          # every formed relationship declines
    assert reach["ended"] == pytest.approx(1)
    # within 3 months only the path exploration -> formation -> stability in two steps
    assert rel.reach_probabilities(periods=3)["stability"] == pytest.approx(0.18 * 0.14)
    t = rel.LIFE_CYCLE_TRANSITIONS.copy()
    t.loc["exploration"] = [0.65, 0.25, 0, 0, 0.10]
    assert rel.reach_probabilities(t)["stability"] == pytest.approx(0.25 / 0.35 * 0.14 / 0.22)


def test_reach_probability_matches_a_large_simulation():
    out = rel.life_cycle_outcomes(rel.simulate_life_cycle(customers=5000, periods=120, seed=3))
    share = (out["furthest_phase"] == "stability").mean()
    assert abs(share - rel.reach_probabilities()["stability"]) < 0.025


def test_expected_months_by_hand():
    months = rel.expected_months()
    # 1/0.3 in exploration; 0.6 × 1/0.22 in formation; 0.3818 × 1/0.07 stable; 0.6 × 1/0.25 declining
    assert months["exploration"] == pytest.approx(1 / 0.3)
    assert months["formation"] == pytest.approx(0.6 / 0.22)
    assert months["stability"] == pytest.approx(0.6 * 0.14 / 0.22 / 0.07)
    assert months["decline"] == pytest.approx(0.6 / 0.25)
    assert months["total"] == pytest.approx(months.drop("total").sum())
    never = rel.LIFE_CYCLE_TRANSITIONS.copy()
    never.loc["stability"] = [0, 0, 1, 0, 0]
    with pytest.raises(ValueError, match="transition: some relationships never end"):
        rel.expected_months(never)


@pytest.mark.parametrize("func, kwargs, name", [
    (rel.expected_phase_shares, dict(periods=0), "periods"),
    (rel.expected_phase_shares, dict(periods=2.5), "periods"),
    (rel.reach_probabilities, dict(transition="T"), "transition"),
    (rel.reach_probabilities, dict(periods=-1), "periods"),
    (rel.expected_months, dict(transition=pd.DataFrame([[1.0]])), "transition"),
])
def test_exact_life_cycle_bad_inputs(func, kwargs, name):
    with pytest.raises((ValueError, TypeError), match=name):
        func(**kwargs)


# --- the upgrade ladder, features, definitions, connotations (chapter 2) ----------------------

def test_upgrade_rung_is_the_highest_rung_passed():
    assert rel.upgrade_rung(False, False, False) == "loose"
    assert rel.upgrade_rung(True, False, False) == "close"
    assert rel.upgrade_rung(True, True, False) == "price-immune"
    assert rel.upgrade_rung(False, False, True) == "strategic partner"
    rungs = rel.upgrade_rung(pd.Series([True, False], index=["a", "b"]), [True, False], [False, False])
    assert rungs.to_dict() == {"a": "price-immune", "b": "loose"}
    assert rel.upgrade_ladder().index.tolist() == rel.UPGRADE_RUNGS


@pytest.mark.parametrize("args, error, name", [
    (("yes", False, False), TypeError, "monthly_contact"),
    (([True], [1], [False]), TypeError, "stays_if_cheaper"),
    (([True, False], [True, False, True], [False]), ValueError, "monthly_contact"),
    (([], [], []), ValueError, "monthly_contact"),
])
def test_upgrade_rung_bad_inputs(args, error, name):
    with pytest.raises(error, match=name):
        rel.upgrade_rung(*args)


def test_chapter_2_teaching_tables():
    assert rel.relationship_features()["chinese"].tolist() == ["多样性", "差异性", "双赢性",
                                                                "持续性", "竞争性"]
    connotations = rel.crm_connotations()
    assert connotations.index.tolist() == list(range(1, 19))
    assert set(connotations["theme"]) == set(rel.CONNOTATION_THEMES)
    assert connotations.loc[[9, 10], "theme"].tolist() == ["aims", "aims"]
    assert connotations.loc[8, "content"].count("→") == 3
    assert rel.crm_keywords()["chinese"].tolist() == ["培养习惯", "制造依赖", "参与", "情感帐户",
                                                      "转移成本", "终身客户"]
    assert rel.crm_definitions().index.tolist() == ["strategy", "process"]
    assert "loyalty" in rel.crm_definitions().loc["process", "aims"]


# --- chapter 8: binding beyond money, maintenance skills, deep marketing, the labelled grid ---

def test_chapter_8_teaching_tables():
    methods = rel.binding_methods()
    assert methods["chinese"].tolist() == ["赢在感觉", "升级客户关系", "研究客户的习惯",
                                           "关注客户的需求与追求", "以客户为导向", "做客户最匹配的合作伙伴"]
    assert methods["at Jack's"].str.len().min() > 30          # every method has a worked example
    skills = rel.maintenance_skills()
    assert skills.loc["keep promises", "chinese"] == "遵守承诺"
    assert len(skills) == 4
    practices = rel.deep_marketing_practices()
    assert practices.index.tolist() == list(range(1, 10))
    assert "有奖投诉" in practices.loc[9, "chinese"] and "扩散" in practices.loc[1, "chinese"]
    assert "三年不换人" in rel.loyalty_codes().loc[10, "how"]
    styles = rel.personality_types()["social style"]
    assert styles.to_dict() == {"popular": "expressive", "peaceful": "amiable",
                                "powerful": "driver", "analytical": "analytical"}
    assert rel.segmentation_steps().loc[1, "chinese"] == "确定市场的判断基础"
    assert "three" in rel.retention_strategies.__doc__ and "Zeithaml" in rel.retention_strategies.__doc__


def test_personality_grid_labels_the_customers():
    from crmlib import plotting

    ratings = pd.DataFrame({"o": [6.5, 2.0], "p": [6.0, 6.5]}, index=["Ms Zhou", "Ms Zheng"])
    ax = rel.plot_personality_grid(ratings["o"], ratings["p"])
    names = {t.get_text() for t in ax.texts}
    assert {"Ms Zhou", "Ms Zheng"} <= names
    plotting.close(ax.figure)
    ax = rel.plot_personality_grid([2, 6], [6, 2], names=["A", "B"])
    assert {"A", "B"} <= {t.get_text() for t in ax.texts}
    plotting.close(ax.figure)
    ax = rel.plot_personality_grid(ratings["o"], ratings["p"], names=False)
    assert "Ms Zhou" not in {t.get_text() for t in ax.texts}
    plotting.close(ax.figure)
    with pytest.raises(ValueError, match="names"):
        rel.plot_personality_grid([2, 6], [6, 2], names=["only one"])
