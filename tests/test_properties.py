"""Property tests (hypothesis) that fill the gaps left by the per-module test files.

Every analytic module has property tests; this file holds the invariants the module's own
``tests/test_<module>.py`` does not already check with ``@given`` (those are listed here so
nobody duplicates them):

=================  =============================================================================
module             already in tests/test_<module>.py               added here
=================  =============================================================================
ahp                consistent matrices: CR = 0, λmax = n, the      compose = contributions'
                   three methods agree; weights > 0 sum to 1;      total, sums to 1; judgement
                   relabelling permutes weights                    matrices are reciprocal;
                                                                   revise; most_inconsistent;
                                                                   nearest_on_scale
churn              loss monotone in people told / defection;       -
                   profit <= revenue
clv                CLV monotone in retention and margin,           expected lifetime = 1 + CLV
                   decreasing in discount; finite horizon ->       of 1 at d = 0;
                   closed form; leaky bucket monotone towards      discounted_value = sum;
                   the steady state; steady state balances         clv_by_horizon = finite
                                                                   CLV; cohort retention;
                                                                   the bucket reaches its
                                                                   steady state
complaints         iceberg: lost within unhappy, monotone          pareto shares; handling
                                                                   paths; resolution bands;
                                                                   silent ratio by hand
crmdb              valid receipts go in and add up                 -
customer_value     potential value closed form = sum; whale       current value identity;
                   curve rises to 1                                top_share monotone; value
                                                                   segments follow the cuts;
                                                                   segment_summary adds up
history            Pareto concentration; revenue by tenure         -
index              minmax in 0..100; global weights sum to 1       weighted_index is a convex
                                                                   combination
kano               counts sum to respondents; -1 <= worse <= 0    answer codes idempotent
                   <= better <= 1; classify = the table
loyalty            Dick & Basu; ladder shares; loyalty index in    satisfaction quadrants
                   0..100; programme break-even                    follow the cuts; Jones &
                                                                   Sasser curves are means;
                                                                   programme monotone
relationship       levels monotone; 611 plan                      life-cycle simulation;
                                                                   segment attractiveness;
                                                                   personality quadrants
rfm                RFM table = a loop; scores within 1..bins       rfm_segment follows the
                                                                   cut; profile adds up
satisfaction       level monotone; alpha <= 1 and invariances;     Cronbach's formula;
                   CSD; IPA quadrants                              disconfirmation; importance
                                                                   weights; derived importance;
                                                                   factor scores; E-P table
servqual           weighted = unweighted at 20 points; means;      -
                   symmetry; order; pairwise
value              MPQ = 100 at parity, bounds; fair-value line    relative price; value map
                                                                   at parity
weighting          entropy weights sum to 1, unit-free            combine_weights; efficacy
                                                                   and ratio indices;
                                                                   dimensionless; entropy
                                                                   table = weights
=================  =============================================================================

``crmlib.checks`` never raising on any answer is fuzzed in ``tests/test_checks.py``.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from crmlib import (ahp, clv, complaints, customer_value, index, kano, loyalty, relationship,
                    rfm, satisfaction, value, weighting)

FAST = settings(max_examples=40, deadline=None)

positive = st.floats(0.05, 20, allow_nan=False)
shares = st.floats(0, 1, allow_nan=False)


def _distribution(raw) -> np.ndarray:
    raw = np.asarray(raw, dtype=float)
    return raw / raw.sum()


def _consistent(w) -> np.ndarray:
    w = np.asarray(w, dtype=float)
    return w[:, None] / w[None, :]


# --- ahp ----------------------------------------------------------------------------------------

@FAST
@given(st.lists(positive, min_size=1, max_size=5), st.data())
def test_compose_sums_to_one_and_equals_the_contributions_total(raw, data):
    criteria = pd.Series(_distribution(raw), index=[f"c{k}" for k in range(len(raw))])
    alternatives = ["x", "y", "z"]
    local = {c: pd.Series(_distribution(data.draw(st.lists(positive, min_size=3, max_size=3))),
                          index=alternatives) for c in criteria.index}
    total = ahp.compose(criteria, local)
    assert total.sum() == pytest.approx(1.0)
    assert (total >= 0).all()
    table = ahp.contributions(criteria, local)
    assert table["total"].to_numpy() == pytest.approx(total.to_numpy())
    # a global weight lies between the smallest and largest local weight of that element
    frame = pd.DataFrame(local)
    assert (total <= frame.max(axis=1) + 1e-12).all() and (total >= frame.min(axis=1) - 1e-12).all()


@FAST
@given(st.lists(st.sampled_from(ahp.SAATY_SCALE_VALUES), min_size=3, max_size=3))
def test_judgement_matrix_is_reciprocal_with_a_unit_diagonal(values):
    pairs = {("a", "b"): values[0], ("a", "c"): values[1], ("b", "c"): values[2]}
    m = ahp.judgement_matrix(pairs).to_numpy()
    assert np.diag(m).tolist() == [1.0, 1.0, 1.0]
    assert m * m.T == pytest.approx(np.ones((3, 3)))
    assert ahp.priorities(pairs).weights.to_numpy() == pytest.approx(
        ahp.priorities(m).weights.to_numpy())


@FAST
@given(st.lists(positive, min_size=2, max_size=6), st.data())
def test_revise_changes_one_pair_and_keeps_reciprocity(raw, data):
    a = _consistent(raw)
    n = len(raw)
    i = data.draw(st.integers(0, n - 2))
    j = data.draw(st.integers(i + 1, n - 1))
    value_ = data.draw(st.sampled_from(ahp.SAATY_SCALE_VALUES))
    revised = ahp.revise(a, (i, j), value_).to_numpy()
    assert revised[i, j] == value_ and revised[j, i] == pytest.approx(1 / value_)
    changed = ~np.isclose(revised, a)
    changed[i, j] = changed[j, i] = False
    assert not changed.any()


@FAST
@given(st.lists(positive, min_size=3, max_size=8))
def test_most_inconsistent_leaves_a_consistent_matrix_alone(raw):
    fix = ahp.most_inconsistent(_consistent(raw))
    assert not fix.changed and fix.cr_before == fix.cr_after == 0.0


@FAST
@given(st.lists(st.sampled_from(ahp.SAATY_SCALE_VALUES), min_size=6, max_size=6))
def test_most_inconsistent_reports_the_cr_of_its_revision(values):
    pairs = dict(zip([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")],
                     values))
    fix = ahp.most_inconsistent(pairs)
    assert fix.cr_before == pytest.approx(ahp.priorities(pairs).cr)
    if fix.changed:
        assert fix.cr_after == pytest.approx(ahp.priorities(fix.revised).cr)
        assert fix.suggested in ahp.SAATY_SCALE_VALUES and fix.suggested != fix.current


@FAST
@given(st.floats(1e-3, 1e3))
def test_nearest_on_scale_is_on_the_scale_and_idempotent(x):
    nearest = ahp.nearest_on_scale(x)
    assert nearest in ahp.SAATY_SCALE_VALUES
    assert ahp.nearest_on_scale(nearest) == nearest
    # nothing on the scale is closer on a log scale
    best = min(abs(math.log(s / x)) for s in ahp.SAATY_SCALE_VALUES)
    assert abs(math.log(nearest / x)) == pytest.approx(best)


# --- clv ----------------------------------------------------------------------------------------

rates = st.floats(0, 0.98)
discounts = st.floats(0, 0.5)


@FAST
@given(rates)
def test_expected_lifetime_is_one_plus_the_undiscounted_clv_of_one(r):
    # 1 / (1 - r) = 1 + r / (1 - r): the period now plus the expected future periods
    assert clv.expected_lifetime(r) == pytest.approx(1 / (1 - r))
    assert clv.expected_lifetime(r) == pytest.approx(1 + clv.retention_clv(1, r, 0))


@FAST
@given(st.lists(st.floats(-1e4, 1e4), min_size=1, max_size=12), discounts)
def test_discounted_value_is_the_sum_of_discounted_flows(flows, d):
    by_hand = sum(cf / (1 + d) ** (t + 1) for t, cf in enumerate(flows))
    assert clv.discounted_value(flows, d) == pytest.approx(by_hand, abs=1e-6)
    # paid at the start of each period: every flow one period earlier
    assert clv.discounted_value(flows, d, timing="start") == pytest.approx(by_hand * (1 + d),
                                                                            abs=1e-6)


@FAST
@given(st.floats(0, 1e4), rates, discounts, st.integers(1, 30))
def test_clv_by_horizon_is_the_finite_horizon_clv(m, r, d, horizon):
    table = clv.clv_by_horizon(m, r, d, max_horizon=horizon)
    assert len(table) == horizon
    assert table["clv"].iloc[-1] == pytest.approx(clv.retention_clv(m, r, d, horizon=horizon),
                                                  rel=1e-9, abs=1e-9)
    assert (np.diff(table["clv"].to_numpy()) >= -1e-9).all()       # more periods, more value
    assert table["present_value"].sum() == pytest.approx(table["clv"].iloc[-1], abs=1e-6)


@FAST
@given(st.lists(st.lists(st.integers(0, 1000), min_size=2, max_size=6), min_size=1, max_size=4))
def test_cohort_retention_of_shrinking_cohorts_lies_in_0_1(cohorts):
    rows = []
    for k, counts in enumerate(cohorts):
        counts = sorted(counts, reverse=True)          # members only leave
        assume(counts[0] > 0)
        rows += [(f"K{k}", t, n) for t, n in enumerate(counts)]
    table = pd.DataFrame(rows, columns=["cohort", "tenure", "active_members"])
    out = clv.cohort_retention(table)
    ok = out["previous"] > 0
    assert ((out.loc[ok, "retention"] >= 0) & (out.loc[ok, "retention"] <= 1)).all()
    assert (out["retained"] <= out["previous"]).all()


@FAST
@given(st.floats(0, 1e5), st.floats(0, 1e4), st.floats(0, 0.9))
def test_leaky_bucket_reaches_its_steady_state(initial, acquired, r):
    # after T periods the gap to the steady state has shrunk by r^T: 0.9^400 < 1e-18
    end = clv.leaky_bucket(initial, acquired, r, periods=400)["end"].iloc[-1]
    assert end == pytest.approx(clv.steady_state(acquired, r), rel=1e-9, abs=1e-6)


# --- complaints ---------------------------------------------------------------------------------

@FAST
@given(st.lists(st.sampled_from(["noise", "billing", "wifi", "food", "staff"]), min_size=1,
                max_size=80))
def test_pareto_counts_and_shares_add_up(categories):
    table = complaints.pareto(categories)
    assert table["count"].sum() == len(categories)
    assert table["share"].sum() == pytest.approx(1.0)
    assert table["cumulative_share"].iloc[-1] == pytest.approx(1.0)
    assert (np.diff(table["count"].to_numpy()) <= 0).all()            # largest first
    assert dict(table["count"]) == pd.Series(categories).value_counts().to_dict()


@FAST
@given(st.lists(st.tuples(st.sampled_from(["resolved", "partly resolved", "not resolved"]),
                          st.floats(0, 500)), min_size=1, max_size=50), st.floats(0, 100))
def test_handling_paths_follow_outcome_and_time(rows, quick):
    outcome, hours = zip(*rows)
    path = complaints.handling_path(list(outcome), list(hours), quick_hours=quick).tolist()
    for o, h, p in zip(outcome, hours, path):
        expected = {"partly resolved": "partly resolved", "not resolved": "not resolved"}.get(
            o, "resolved quickly" if h <= quick else "resolved later")
        assert p == expected


@FAST
@given(st.lists(st.floats(0, 1000), min_size=1, max_size=50))
def test_resolution_bands_are_monotone_in_hours(hours):
    bands = complaints.resolution_bands(hours)
    order = np.argsort(hours, kind="stable")
    codes = np.asarray(bands.codes)[order]
    assert (np.diff(codes) >= 0).all()
    assert list(bands.categories) == ["within 24 h", "24-72 h", "over 72 h"]


@FAST
@given(st.integers(1, 50), st.integers(0, 50), st.integers(0, 50))
def test_silent_ratio_by_hand(complainers, silent, no_problem):
    had = [1] * (complainers + silent) + [0] * no_problem
    complained = [1] * complainers + [0] * silent + [None] * no_problem
    assert complaints.silent_ratio(had, complained) == pytest.approx(silent / complainers)


# --- customer_value -----------------------------------------------------------------------------

money = st.floats(-1e5, 1e5)
costs = st.floats(0, 1e5)


@FAST
@given(money, costs, costs, costs)
def test_current_value_is_revenue_minus_costs(r, p, f, v):
    assert float(customer_value.current_value(r, p, f, v)) == pytest.approx(r - p - f - v,
                                                                            abs=1e-6)


@FAST
@given(st.lists(st.floats(0.01, 1e4), min_size=1, max_size=40), shares, shares)
def test_top_share_is_monotone_and_reaches_one(values, s1, s2):
    low, high = sorted((s1, s2))
    assume(low > 0)
    assert customer_value.top_share(values, low) <= customer_value.top_share(values, high) + 1e-12
    assert customer_value.top_share(values, 1.0) == pytest.approx(1.0)


pairs_of_values = st.lists(st.tuples(st.floats(0, 100), st.floats(0, 100)), min_size=1,
                           max_size=40)


@FAST
@given(pairs_of_values, st.floats(0, 100), st.floats(0, 100))
def test_value_segments_follow_the_cuts_and_the_summary_adds_up(pairs, c_cut, p_cut):
    current, potential = (list(x) for x in zip(*pairs))
    segments = customer_value.value_segment(current, potential, c_cut, p_cut)
    for c, p, s in zip(current, potential, segments):
        expected = {(True, True): "key", (True, False): "maintain", (False, True): "growth",
                    (False, False): "low value"}[(c >= c_cut, p >= p_cut)]
        assert s == expected
    summary = customer_value.segment_summary(segments, current, potential)
    assert summary["customers"].sum() == len(pairs)
    assert summary["customer_share"].sum() == pytest.approx(1.0)
    if sum(current) > 0:
        assert summary["current_share"].sum() == pytest.approx(1.0)


# --- index --------------------------------------------------------------------------------------

@FAST
@given(hnp.arrays(np.float64, st.tuples(st.integers(1, 20), st.integers(1, 5)),
                  elements=st.floats(0, 100)), st.data())
def test_weighted_index_is_a_convex_combination(scores, data):
    cols = [f"i{k}" for k in range(scores.shape[1])]
    raw = data.draw(st.lists(st.floats(0.01, 1), min_size=len(cols), max_size=len(cols)))
    weights = dict(zip(cols, _distribution(raw)))
    out = index.weighted_index(pd.DataFrame(scores, columns=cols), weights).to_numpy()
    assert (out >= scores.min(axis=1) - 1e-9).all() and (out <= scores.max(axis=1) + 1e-9).all()
    assert out == pytest.approx(scores @ np.array(list(weights.values())))


# --- kano ---------------------------------------------------------------------------------------

@FAST
@given(st.lists(st.one_of(st.integers(1, 5), st.sampled_from(
    ["I like it", "I expect it", "I am neutral", "I can live with it", "I dislike it",
     "喜欢", "理所当然", "无所谓", "能忍受", "不喜欢"])), min_size=1, max_size=30))
def test_answer_codes_are_idempotent_and_on_the_scale(answers):
    codes = kano.answer_codes(answers)
    assert set(np.asarray(codes).tolist()) <= {1, 2, 3, 4, 5}
    assert np.asarray(kano.answer_codes(codes)).tolist() == np.asarray(codes).tolist()


# --- loyalty ------------------------------------------------------------------------------------

ratings = st.floats(1, 5)


@FAST
@given(st.lists(st.tuples(ratings, ratings), min_size=1, max_size=60), ratings, ratings)
def test_satisfaction_quadrants_follow_the_cuts(pairs, s_cut, l_cut):
    sat, loy = (list(x) for x in zip(*pairs))
    kinds = loyalty.satisfaction_loyalty_quadrant(sat, loy, s_cut, l_cut)
    labels = loyalty.JONES_SASSER_LABELS          # (high, high), (high, low), (low, high), (low, low)
    for s, l, k in zip(sat, loy, kinds):
        assert k == labels[2 * (s < s_cut) + (l < l_cut)]


@FAST
@given(st.lists(st.tuples(st.integers(1, 5), st.floats(1, 5), st.sampled_from(["a", "b"])),
                min_size=1, max_size=60))
def test_jones_sasser_curves_are_the_mean_loyalty(rows):
    sat, loy, market = (list(x) for x in zip(*rows))
    curves = loyalty.jones_sasser_curves(sat, loy, market)
    means = pd.DataFrame({"s": sat, "l": loy, "m": market}).groupby(["s", "m"])["l"].mean()
    for (s, m), mean in means.items():
        assert curves.loc[s, m] == pytest.approx(mean)


@FAST
@given(st.floats(1, 1e5), st.floats(1, 1e4), st.floats(0, 0.3), st.floats(0, 0.3),
       st.floats(0.05, 1), st.floats(0, 0.05), st.floats(0, 0.05), shares)
def test_programme_benefit_rises_with_uplift_and_falls_with_rewards(members, spend, u1, u2, margin,
                                                                    r1, r2, redemption):
    def net(uplift, reward):
        return loyalty.programme_economics(members, spend, uplift, margin, reward,
                                           redemption).net_benefit
    lo_u, hi_u = sorted((u1, u2))
    lo_r, hi_r = sorted((r1, r2))
    tol = 1e-9 * members * spend
    assert net(lo_u, lo_r) <= net(hi_u, lo_r) + tol
    assert net(lo_u, hi_r) <= net(lo_u, lo_r) + tol


# --- relationship -------------------------------------------------------------------------------

@settings(max_examples=15, deadline=None)
@given(st.integers(1, 60), st.integers(1, 24), st.integers(0, 2**31 - 1))
def test_life_cycle_simulation_invariants(customers, periods, seed):
    sim = relationship.simulate_life_cycle(customers=customers, periods=periods, seed=seed)
    assert len(sim) == customers * periods
    assert (sim.groupby("period")["customer"].nunique() == customers).all()
    shares = relationship.phase_shares(sim)
    assert shares.sum(axis=1).to_numpy() == pytest.approx(np.ones(len(shares)))
    # an ended relationship stays ended, at level 0
    ended = (sim.sort_values(["customer", "period"])["phase"] == "ended").to_numpy()
    ended = ended.reshape(customers, periods)
    assert (np.diff(ended.astype(int), axis=1) >= 0).all()
    assert (sim.loc[sim["phase"] == "ended", "level"] == 0).all()


criteria = ["measurable", "accessible", "substantial", "actionable"]


@FAST
@given(hnp.arrays(np.int64, st.tuples(st.integers(1, 8), st.just(4)), elements=st.integers(1, 5)),
       st.floats(1, 5))
def test_segment_attractiveness_scores_and_passes(scores, minimum):
    frame = pd.DataFrame(scores, columns=criteria, index=[f"s{k}" for k in range(len(scores))])
    out = segment_table = relationship.segment_attractiveness(frame, minimum=minimum)
    assert ((segment_table["score"] >= 1) & (segment_table["score"] <= 5)).all()
    passes = (frame.min(axis=1) >= minimum).reindex(out.index)
    assert out["passes"].tolist() == passes.tolist()
    ranked = out.loc[out["passes"], "score"].to_numpy()
    assert (np.diff(ranked) <= 1e-12).all()                              # best first


@FAST
@given(st.lists(st.tuples(st.floats(1, 7), st.floats(1, 7)), min_size=1, max_size=40),
       st.floats(1, 7))
def test_personality_types_follow_the_cut(pairs, cut):
    outgoing, people = (list(x) for x in zip(*pairs))
    kinds = relationship.personality_type(outgoing, people, cut)
    for o, p, k in zip(outgoing, people, kinds):
        expected = {(True, True): "popular", (True, False): "powerful",
                    (False, True): "peaceful", (False, False): "analytical"}[(o >= cut, p >= cut)]
        assert k == expected


# --- rfm ----------------------------------------------------------------------------------------

@FAST
@given(hnp.arrays(np.int64, st.tuples(st.integers(1, 40), st.just(3)), elements=st.integers(1, 5)),
       st.floats(1, 5))
def test_rfm_segment_follows_the_cut_and_the_profile_adds_up(scores, cut):
    frame = pd.DataFrame(scores, columns=list("RFM"))
    segments = rfm.rfm_segment(frame, cut=cut)
    # the eight-segment model: M high makes a customer "important", then R and F decide
    names = {(True, True): "value", (True, False): "development", (False, True): "retention",
             (False, False): "win-back"}
    for (r, f, m), seg in zip(scores, segments):
        assert seg == f"{'important' if m > cut else 'general'} {names[(r > cut, f > cut)]}"
    data = pd.DataFrame({"recency": np.arange(len(frame)) + 1.0, "frequency": 1.0,
                         "monetary": scores[:, 2] * 10.0})
    profile = rfm.segment_profile(data, segments)
    assert profile["customers"].sum() == len(frame)
    assert profile["revenue_share"].sum() == pytest.approx(1.0)


# --- satisfaction -------------------------------------------------------------------------------

likert = hnp.arrays(np.int64, st.tuples(st.integers(3, 30), st.integers(2, 6)),
                    elements=st.integers(1, 5))


@FAST
@given(likert)
def test_cronbach_alpha_is_the_textbook_formula(x):
    total_var = x.sum(axis=1).var(ddof=1)
    assume(total_var > 0)
    k = x.shape[1]
    formula = k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / total_var)
    alpha = satisfaction.cronbach_alpha(pd.DataFrame(x)).alpha
    assert alpha == pytest.approx(formula)
    assert alpha <= 1 + 1e-12


@FAST
@given(st.lists(st.tuples(st.floats(1, 7), st.floats(1, 7)), min_size=1, max_size=30))
def test_disconfirmation_is_performance_minus_expectation(pairs):
    e, p = (np.array(x) for x in zip(*pairs))
    assert satisfaction.disconfirmation(e, p) == pytest.approx(p - e)
    assert satisfaction.disconfirmation(p, e) == pytest.approx(-(p - e))


@FAST
@given(st.dictionaries(st.sampled_from(list("abcdef")), st.floats(0, 10), min_size=1))
def test_importance_weights_are_proportional_and_sum_to_one(importance):
    assume(sum(importance.values()) > 0)
    w = satisfaction.importance_weights(importance)
    assert w.sum() == pytest.approx(1.0)
    total = sum(importance.values())
    for k, x in importance.items():
        assert w[k] == pytest.approx(x / total)


@FAST
@given(hnp.arrays(np.float64, st.tuples(st.integers(3, 25), st.integers(1, 4)),
                  elements=st.floats(1, 7)), st.data())
def test_derived_importance_is_the_correlation(performance, data):
    overall = np.array(data.draw(st.lists(st.floats(1, 7), min_size=len(performance),
                                          max_size=len(performance))))
    frame = pd.DataFrame(performance, columns=[f"a{k}" for k in range(performance.shape[1])])
    r = satisfaction.derived_importance(frame, overall)
    assert ((r.dropna() >= -1) & (r.dropna() <= 1)).all()
    for col in frame.columns:
        if frame[col].std() > 1e-9 and overall.std() > 1e-9:
            assert r[col] == pytest.approx(np.corrcoef(frame[col], overall)[0, 1], abs=1e-9)


@FAST
@given(likert)
def test_factor_scores_lie_between_the_items(x):
    frame = pd.DataFrame(x, columns=[f"q{k}" for k in range(x.shape[1])])
    scores = satisfaction.factor_scores(frame, {"f": list(frame.columns)})["f"]
    assert (scores >= frame.min(axis=1) - 1e-12).all() and (scores <= frame.max(axis=1) + 1e-12).all()
    assert scores.to_numpy() == pytest.approx(frame.mean(axis=1).to_numpy())


@FAST
@given(likert, st.data())
def test_expectation_performance_gap_is_the_mean_difference(e, data):
    p = data.draw(hnp.arrays(np.int64, e.shape, elements=st.integers(1, 5)))
    cols = [f"a{k}" for k in range(e.shape[1])]
    table = satisfaction.expectation_performance(pd.DataFrame(e, columns=cols),
                                                 pd.DataFrame(p, columns=cols))
    assert table["gap"].to_numpy() == pytest.approx(p.mean(axis=0) - e.mean(axis=0))
    assert ((table["share_dissatisfied"] >= 0) & (table["share_dissatisfied"] <= 1)).all()


# --- value --------------------------------------------------------------------------------------

@FAST
@given(st.floats(0.01, 1e4), st.lists(st.floats(0.01, 1e4), min_size=1, max_size=8))
def test_relative_price_is_100_times_own_over_the_mean(own, others):
    assert value.relative_price(own, others) == pytest.approx(100 * own / np.mean(others))
    assert value.relative_price(np.mean(others), others) == pytest.approx(100)


@FAST
@given(st.lists(st.floats(1, 10), min_size=1, max_size=5), st.integers(2, 4),
       st.floats(0.05, 0.95))
def test_equal_firms_sit_at_parity_on_the_value_map(ratings, firms, p):
    names = [f"F{k}" for k in range(firms)]
    attributes = [f"q{k}" for k in range(len(ratings))]
    scores = pd.DataFrame({f: ratings for f in names}, index=attributes)
    weights = dict(zip(attributes, _distribution([1.0] * len(ratings)) * 100))
    table = value.value_map_table(weights, scores, prices={f: 50 for f in names}, quality_weight=p)
    assert table["relative_quality"].to_numpy() == pytest.approx(np.full(firms, 100.0))
    assert table["relative_price"].to_numpy() == pytest.approx(np.full(firms, 100.0))
    assert table["value_advantage"].to_numpy() == pytest.approx(np.zeros(firms), abs=1e-9)


# --- weighting ----------------------------------------------------------------------------------

@FAST
@given(st.lists(st.tuples(st.floats(0.01, 1), st.floats(0.01, 1)), min_size=1, max_size=6),
       shares)
def test_combined_weights_sum_to_one_and_lie_between(pairs, alpha):
    keys = [f"k{n}" for n in range(len(pairs))]
    subj = pd.Series(_distribution([p[0] for p in pairs]), index=keys)
    obj = pd.Series(_distribution([p[1] for p in pairs]), index=keys)
    linear = weighting.combine_weights(subj, obj, alpha=alpha)
    assert linear.sum() == pytest.approx(1.0)
    assert (linear >= np.minimum(subj, obj) - 1e-12).all()
    assert (linear <= np.maximum(subj, obj) + 1e-12).all()
    product = weighting.combine_weights(subj, obj, method="multiplicative")
    assert product.sum() == pytest.approx(1.0)
    assert product.to_numpy() == pytest.approx(_distribution(subj * obj))


@FAST
@given(st.lists(st.floats(-1e4, 1e4), min_size=1, max_size=30), st.floats(-1e4, 1e4),
       st.floats(1, 1e4), st.booleans())
def test_efficacy_coefficient_stays_between_base_and_base_plus_span(values, unacceptable, width,
                                                                    higher):
    satisfactory = unacceptable + width
    if not higher:
        unacceptable, satisfactory = satisfactory, unacceptable
    out = np.asarray(weighting.efficacy_coefficient(values, satisfactory, unacceptable,
                                                    higher_is_better=higher))
    assert ((out >= 60 - 1e-9) & (out <= 100 + 1e-9)).all()


@FAST
@given(st.lists(st.floats(0.01, 1e4), min_size=1, max_size=30), st.floats(0.01, 1e4))
def test_ratio_index_is_100_at_the_benchmark(values, benchmark):
    out = np.asarray(weighting.ratio_index(values, benchmark))
    assert out == pytest.approx(100 * np.asarray(values) / benchmark)
    assert float(np.asarray(weighting.ratio_index([benchmark], benchmark))[0]) == pytest.approx(100)


frames = hnp.arrays(np.float64, st.tuples(st.integers(2, 20), st.integers(1, 4)),
                    elements=st.floats(0.01, 1e4))


@FAST
@given(frames)
def test_dimensionless_minmax_lies_in_0_100(x):
    frame = pd.DataFrame(x, columns=[f"c{k}" for k in range(x.shape[1])])
    assume((frame.max() > frame.min()).all())           # a constant column cannot be rescaled
    out = weighting.dimensionless(frame)
    assert ((out >= -1e-9) & (out <= 100 + 1e-9)).all().all()
    assert out.shape == frame.shape


@FAST
@given(frames)
def test_entropy_table_holds_the_entropy_weights(x):
    frame = pd.DataFrame(x, columns=[f"c{k}" for k in range(x.shape[1])])
    assume((frame.max() - frame.min() > 1e-6 * frame.abs().max()).any())
    table = weighting.entropy_table(frame)
    weights = weighting.entropy_weights(frame)
    assert table["weight"].to_numpy() == pytest.approx(weights.to_numpy())
    assert ((table["entropy"] >= -1e-12) & (table["entropy"] <= 1 + 1e-12)).all()
    assert table["diversity"].to_numpy() == pytest.approx(1 - table["entropy"].to_numpy())
