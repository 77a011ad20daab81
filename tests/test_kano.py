"""Tests for crmlib.kano: the evaluation table, classify, summarize, figures and the widget."""
from __future__ import annotations

import time

from _vectorised import assert_vectorised

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from crmlib import data, kano
from crmlib.kano import classify, summarize

# --- the evaluation table (published: Berger et al. 1993; Matzler & Hinterhuber 1998, fig. 5) --

# every cell of the published table: (functional, dysfunctional) -> category
BERGER_1993 = {
    (1, 1): "Q", (1, 2): "A", (1, 3): "A", (1, 4): "A", (1, 5): "O",
    (2, 1): "R", (2, 2): "I", (2, 3): "I", (2, 4): "I", (2, 5): "M",
    (3, 1): "R", (3, 2): "I", (3, 3): "I", (3, 4): "I", (3, 5): "M",
    (4, 1): "R", (4, 2): "I", (4, 3): "I", (4, 4): "I", (4, 5): "M",
    (5, 1): "R", (5, 2): "R", (5, 3): "R", (5, 4): "R", (5, 5): "Q",
}


@pytest.mark.parametrize("pair, letter", sorted(BERGER_1993.items()))
def test_every_cell_of_the_published_table(pair, letter):
    assert classify(*pair) == letter
    table = kano.evaluation_table()
    assert table.iloc[pair[0] - 1, pair[1] - 1] == letter


def test_table_labels_and_copy():
    table = kano.evaluation_table()
    assert list(table.index) == list(kano.ANSWERS) == list(table.columns)
    assert (table.index.name, table.columns.name) == ("functional", "dysfunctional")
    table.iloc[0, 0] = "X"                      # a copy: the module's table is unchanged
    assert kano.EVALUATION_TABLE.iloc[0, 0] == "Q"
    # the category counts over the 25 cells: 3 A, 1 O, 3 M, 9 I, 7 R, 2 Q
    assert pd.Series(kano.EVALUATION_TABLE.to_numpy().ravel()).value_counts().to_dict() == \
        {"I": 9, "R": 7, "A": 3, "M": 3, "Q": 2, "O": 1}


def test_whole_table_at_once_vectorised():
    f, d = np.meshgrid(np.arange(1, 6), np.arange(1, 6), indexing="ij")
    out = classify(f, d)
    assert out.shape == (5, 5)
    assert ["".join(row) for row in out] == ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"]


# --- answers as labels ------------------------------------------------------------------------

@pytest.mark.parametrize("functional, dysfunctional, letter", [
    ("like", "dislike", "O"), ("LIKE", "Dislike", "O"), (" like ", "dis-like", "O"),
    ("I like it that way", "I dislike it that way", "O"),
    ("must-be", "dislike", "M"), ("Must be", "I dislike it", "M"), ("I expect it", "dislike", "M"),
    ("neutral", "neutral", "I"), ("I am neutral", "I can live with it", "I"),
    ("like", "live-with", "A"), ("like", "live with", "A"), ("like", "I can tolerate it", "A"),
    ("dislike", "like", "R"),
    ("喜欢", "不喜欢", "O"), ("我喜欢", "我不喜欢", "O"), ("喜欢", "能忍受", "A"),
    ("理所当然", "不喜欢", "M"), ("应该这样", "讨厌", "M"), ("无所谓", "无所谓", "I"),
    ("可以忍受", "无所谓", "I"), ("不喜欢", "喜欢", "R"), ("喜欢", "喜欢", "Q"),
    ("喜歡", "不喜歡", "O"), ("理所當然", "不喜歡", "M"), ("無所謂", "能忍受", "I"),
    ("喜欢。", "不喜欢！", "O"), ("１", "５", "O"),          # punctuation, full-width digits
    ("1", "5", "O"), (1.0, 5.0, "O"), (np.int64(2), np.int8(5), "M"), ("like", 5, "O"),
])
def test_labels_codes_and_variants(functional, dysfunctional, letter):
    assert classify(functional, dysfunctional) == letter


def test_answer_codes():
    assert kano.answer_codes(["I like it", "能忍受", "Must-be", 5, None]).tolist()[:4] == \
        [1.0, 4.0, 2.0, 5.0]
    assert np.isnan(kano.answer_codes(["like", None])[1])
    assert kano.answer_codes("不喜欢") == 5
    assert kano.answer_codes("") is None
    s = kano.answer_codes(pd.Series(["like", "neutral"], index=["a", "b"], name="q"))
    assert s.dtype == "Int64" and s.index.tolist() == ["a", "b"] and s.name == "q"
    frame = kano.answer_codes(pd.DataFrame({"x": ["喜欢", None]}))
    assert frame["x"].tolist() == [1, pd.NA]


def test_answer_scale_and_categories_tables():
    scale = kano.answer_scale()
    assert scale["answer"].tolist() == list(kano.ANSWERS)
    assert scale["chinese"].tolist() == ["喜欢", "理所当然", "无所谓", "能忍受", "不喜欢"]
    # every listed variant is accepted and maps back to its own code
    for code, row in scale.iterrows():
        for variant in row["also_accepted"].split(", "):
            assert kano.answer_codes(variant) == code
    cats = kano.categories()
    assert cats.index.tolist() == list(kano.CATEGORIES)
    assert cats.loc[["A", "O", "M", "I", "R"], "chinese"].str[:2].tolist() == \
        ["迷人", "期望", "当然", "无关", "反向"]


# --- missing answers and shapes ----------------------------------------------------------------

def test_missing_answers_give_missing_categories():
    assert classify(None, 5) is None
    assert classify(1, np.nan) is None
    assert classify("", "like") is None
    assert classify([1, None, 1], [5, 5, pd.NA]).tolist() == ["O", None, None]


def test_series_in_series_out_with_index():
    f = pd.Series([1, 2, None], index=["R1", "R2", "R3"], name="speed")
    d = pd.Series([5, 5, 5], index=["R1", "R2", "R3"])
    out = classify(f, d)
    assert isinstance(out, pd.Series) and out.index.tolist() == ["R1", "R2", "R3"]
    assert out.name == "speed"
    assert out.tolist()[:2] == ["O", "M"] and pd.isna(out.iloc[2])
    assert list(out.cat.categories) == list(kano.CATEGORIES)


def test_dataframe_in_dataframe_out():
    f = pd.DataFrame({"x": [1, 3], "y": ["喜欢", "不喜欢"]}, index=["R1", "R2"])
    d = pd.DataFrame({"x": [5, 5], "y": ["能忍受", "喜欢"]}, index=["R1", "R2"])
    out = classify(f, d)
    assert out.to_dict() == {"x": {"R1": "O", "R2": "M"}, "y": {"R1": "A", "R2": "R"}}


def test_nullable_integer_columns_from_the_data_set():
    survey = data.load("kano_survey")
    f, d = kano.split_survey(survey)
    assert str(f.dtypes.iloc[0]) == "Int64" and f.isna().to_numpy().any()
    out = classify(f, d)
    assert out.shape == f.shape
    assert out.isna().to_numpy().sum() == (f.isna() | d.isna()).to_numpy().sum()


def test_a_million_pairs_well_under_a_second():
    rng = np.random.default_rng(0)
    f = rng.integers(1, 6, 1_000_000)
    d = rng.integers(1, 6, 1_000_000)
    labels = np.array(["喜欢", "理所当然", "无所谓", "能忍受", "不喜欢"], dtype=object)
    codes_out = classify(f, d)
    label_out = classify(labels[f - 1], labels[d - 1])
    # fast on any machine: no Python loop over the answers (instead of a wall-clock limit)
    assert_vectorised(lambda n: (f[:n], d[:n]), classify)
    assert_vectorised(lambda n: (labels[f[:n] - 1], labels[d[:n] - 1]), classify)
    assert (codes_out == label_out).all()
    # spot-check against the published table
    for i in range(0, 1_000_000, 99_991):
        assert codes_out[i] == BERGER_1993[(int(f[i]), int(d[i]))]


# --- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("bad, shown", [(7, "7"), (0, "0"), (2.5, "2.5"), ("maybe", "'maybe'"),
                                        ("6", "'6'"), (-1, "-1")])
def test_answer_off_the_scale_shows_value(bad, shown):
    with pytest.raises(ValueError, match=rf"functional: .*{shown}"):
        classify(bad, 1)
    with pytest.raises(ValueError, match=rf"dysfunctional: .*{shown}"):
        classify(1, bad)


def test_error_says_where_in_a_list():
    with pytest.raises(ValueError, match=r"7 at position 2"):
        classify([1, 2, 7], [5, 5, 5])


def test_error_says_which_respondent_and_feature():
    f = pd.DataFrame({"speed": [1, 2], "seal": [3, "liek"]}, index=["R01", "R02"])
    with pytest.raises(ValueError, match=r"'liek' at respondent 'R02', feature 'seal'"):
        classify(f, f)


def test_error_says_which_label_in_a_series():
    with pytest.raises(ValueError, match=r"9 at label 'R3'"):
        classify(pd.Series([1, 1, 9], index=["R1", "R2", "R3"]), pd.Series([5, 5, 5], index=["R1", "R2", "R3"]))


def test_error_lists_a_few_and_counts_the_rest():
    with pytest.raises(ValueError, match=r"and 7 more"):
        classify(list(range(6, 16)), [1] * 10)


@pytest.mark.parametrize("bad", [True, [True, False], np.array([True])])
def test_booleans_are_a_type_error(bad):
    with pytest.raises(TypeError, match="functional"):
        classify(bad, 1)


def test_dict_is_a_type_error():
    with pytest.raises(TypeError, match="dysfunctional"):
        classify(1, {"a": 1})


def test_shape_mismatch():
    with pytest.raises(ValueError, match="same shape"):
        classify([1, 2, 3], [5, 5])


def test_three_dimensions_rejected():
    with pytest.raises(ValueError, match="functional: expected at most two dimensions"):
        classify(np.ones((2, 2, 2)), np.ones((2, 2, 2)))


def test_different_row_labels_rejected():
    f = pd.Series([1, 1], index=["R1", "R2"])
    d = pd.Series([5, 5], index=["R2", "R1"])
    with pytest.raises(ValueError, match="different row labels"):
        classify(f, d)


def test_different_columns_rejected():
    f = pd.DataFrame({"speed_func": [1]})
    d = pd.DataFrame({"speed_dys": [5]})
    with pytest.raises(ValueError, match="different columns.*split_survey"):
        classify(f, d)


# --- split_survey ------------------------------------------------------------------------------

def test_split_survey():
    survey = pd.DataFrame({"id": ["a"], "x_func": [1], "x_dys": [5], "y_func": [2], "y_dys": [5]})
    f, d = kano.split_survey(survey)
    assert list(f.columns) == list(d.columns) == ["x", "y"] and f.columns.name == "feature"
    assert classify(f, d).iloc[0].tolist() == ["O", "M"]
    f2, _ = kano.split_survey(survey.rename(columns=lambda c: c.replace("_func", "_F")
                                            .replace("_dys", "_D")), "_F", "_D")
    assert list(f2.columns) == ["x", "y"]


@pytest.mark.parametrize("survey, kwargs, error, match", [
    ([1, 2], {}, TypeError, "survey"),
    (pd.DataFrame({"a": [1]}), {}, ValueError, "no column ends with '_func'"),
    (pd.DataFrame({"x_func": [1]}), {}, ValueError, r"\['x'\].*'_dys'"),
    (pd.DataFrame({"x_func": [1]}), {"functional_suffix": ""}, ValueError, "functional_suffix"),
    (pd.DataFrame({"x_func": [1]}), {"dysfunctional_suffix": 3}, ValueError,
     "dysfunctional_suffix"),
])
def test_split_survey_errors(survey, kwargs, error, match):
    with pytest.raises(error, match=match):
        kano.split_survey(survey, **kwargs)


# --- summarize: hand-checked numbers -----------------------------------------------------------

def _frames(pairs_by_feature):
    """{feature: [(f, d), ...]} -> (functional, dysfunctional) DataFrames."""
    f = pd.DataFrame({k: [p[0] for p in v] for k, v in pairs_by_feature.items()})
    d = pd.DataFrame({k: [p[1] for p in v] for k, v in pairs_by_feature.items()})
    return f, d


def test_summarize_hand_computed():
    # x: A, O, O, M, M, M, I, R, Q, Q  (10 respondents)
    #   counts A1 O2 M3 I1 R1 Q2; category M (3 of 10)
    #   better = (1 + 2) / (1 + 2 + 3 + 1) = 3/7 = 0.428571...
    #   worse  = -(2 + 3) / 7 = -5/7 = -0.714285...
    #   shares .1 .2 .3 .1 .1 .2 -> strength .3 - .2 = .1; total strength .1 + .2 + .3 = .6
    x = [(1, 3), (1, 5), (1, 5), (2, 5), (3, 5), (4, 5), (3, 3), (5, 1), (1, 1), (5, 5)]
    f, d = _frames({"x": x})
    s = summarize(f, d).loc["x"]
    assert s[list("AOMIRQ")].tolist() == [1, 2, 3, 1, 1, 2]
    assert (s["n_answered"], s["n_missing"], s["category"]) == (10, 0, "M")
    assert s["better"] == pytest.approx(3 / 7)
    assert s["worse"] == pytest.approx(-5 / 7)
    assert s["category_strength"] == pytest.approx(0.1)
    assert s["total_strength"] == pytest.approx(0.6)


def test_summarize_columns_and_index():
    f, d = _frames({"a": [(1, 5)], "b": [(2, 5)]})
    s = summarize(f, d)
    assert s.columns.tolist() == ["A", "O", "M", "I", "R", "Q", "n_answered", "n_missing",
                                  "category", "category_strength", "total_strength", "better",
                                  "worse"]
    assert s.index.tolist() == ["a", "b"] and s.index.name == "feature"
    assert s.attrs["note"] == "All 1 respondents answered both questions for every feature."


def test_summarize_accepts_labels_and_series():
    f = pd.Series(["喜欢", "理所当然", "like"], name="seal")
    d = pd.Series(["不喜欢", "不喜欢", "dislike"], name="seal")
    s = summarize(f, d)
    assert s.index.tolist() == ["seal"]
    assert s.loc["seal", ["O", "M"]].tolist() == [2, 1]
    assert s.loc["seal", "category"] == "O"


def test_missing_answers_are_left_out_and_said_so():
    # y: 5 respondents, R3 skipped the functional question, R5 the dysfunctional one
    f = pd.DataFrame({"y": [1, 1, None, 2, 2], "z": [3, 3, 3, 3, 3]})
    d = pd.DataFrame({"y": [5, 5, 5, 5, None], "z": [3, 3, 3, 3, 3]})
    s = summarize(f, d)
    assert s.loc["y", list("AOMIRQ")].tolist() == [0, 2, 1, 0, 0, 0]
    assert (s.loc["y", "n_answered"], s.loc["y", "n_missing"]) == (3, 2)
    assert s.loc["y", "better"] == pytest.approx(2 / 3)        # (0 + 2) / 3
    assert s.loc["z", "n_missing"] == 0
    assert s.attrs["note"] == "Missing answers were left out: 'y' 2 of 5 respondents."


def test_feature_nobody_answered():
    f = pd.DataFrame({"y": [None, None], "z": [1, 1]})
    d = pd.DataFrame({"y": [5, 5], "z": [5, 5]})
    s = summarize(f, d)
    assert s.loc["y", "n_answered"] == 0 and s.loc["y", "category"] is None
    assert np.isnan(s.loc["y", "better"]) and np.isnan(s.loc["y", "category_strength"])
    assert s.loc["z", "category"] == "O"


def test_only_reverse_and_questionable_answers():
    f, d = _frames({"push": [(5, 1), (5, 3), (1, 1)]})
    s = summarize(f, d).loc["push"]
    assert s["category"] == "R"
    assert np.isnan(s["better"]) and np.isnan(s["worse"])      # A + O + M + I = 0


# --- ties, tie_margin and priority -------------------------------------------------------------

def test_exact_tie_resolved_by_priority():
    # two O and two M: M wins under the default priority M > O > A > I
    f, d = _frames({"x": [(1, 5), (1, 5), (2, 5), (3, 5)]})
    assert summarize(f, d).loc["x", "category"] == "M"
    assert summarize(f, d, priority=("O", "M")).loc["x", "category"] == "O"
    assert summarize(f, d, priority="OM").loc["x", "category"] == "O"
    assert summarize(f, d).loc["x", "category_strength"] == 0.0


def test_tie_margin():
    # 20 respondents: O 8 (40%), M 7 (35%), A 5 (25%)
    pairs = [(1, 5)] * 8 + [(2, 5)] * 7 + [(1, 3)] * 5
    f, d = _frames({"x": pairs})
    assert summarize(f, d).loc["x", "category"] == "O"                     # plain mode
    assert summarize(f, d, tie_margin=0.04).loc["x", "category"] == "O"    # 5 points apart
    assert summarize(f, d, tie_margin=0.05).loc["x", "category"] == "M"    # exactly at margin
    assert summarize(f, d, tie_margin=0.15).loc["x", "category"] == "M"    # A joins, M still first
    assert summarize(f, d, tie_margin=0.15, priority=("A", "O")).loc["x", "category"] == "A"


def test_unlisted_letters_follow_in_fixed_order():
    # R and Q tie; priority lists neither: R comes before Q in A, O, M, I, R, Q
    f, d = _frames({"x": [(5, 1), (1, 1)]})
    assert summarize(f, d).loc["x", "category"] == "R"
    assert summarize(f, d, priority=("Q",)).loc["x", "category"] == "Q"


@pytest.mark.parametrize("kwargs, error, match", [
    ({"tie_margin": -0.1}, ValueError, "tie_margin"),
    ({"tie_margin": 1.5}, ValueError, "tie_margin"),
    ({"tie_margin": "0.05"}, TypeError, "tie_margin"),
    ({"priority": ("M", "X")}, ValueError, "priority: 'X'"),
    ({"priority": ("M", "M")}, ValueError, "priority: a letter appears twice"),
    ({"priority": ()}, ValueError, "priority: give at least one"),
    ({"priority": 5}, TypeError, "priority"),
    ({"priority": ("M", 1)}, ValueError, "priority: 1"),
])
def test_summarize_bad_parameters(kwargs, error, match):
    f, d = _frames({"x": [(1, 5)]})
    with pytest.raises(error, match=match):
        summarize(f, d, **kwargs)


@pytest.mark.parametrize("f, d, error, match", [
    ([1, 2], [5, 5], TypeError, "functional: expected a DataFrame"),
    (pd.DataFrame({"x": [1]}), np.array([[5]]), TypeError, "dysfunctional: expected a DataFrame"),
    (pd.DataFrame(), pd.DataFrame(), ValueError, "functional: is empty"),
    (pd.DataFrame({"x": [1]}), pd.DataFrame({"x": [8]}), ValueError, "dysfunctional.*8"),
    (pd.DataFrame({"x": [1]}), pd.DataFrame({"y": [5]}), ValueError, "different columns"),
])
def test_summarize_bad_tables(f, d, error, match):
    with pytest.raises(error, match=match):
        summarize(f, d)


def test_priority_letters_may_be_lower_case():
    f, d = _frames({"x": [(1, 5), (2, 5)]})
    assert summarize(f, d, priority=["o", "m"]).loc["x", "category"] == "O"


# --- properties --------------------------------------------------------------------------------

answers = hnp.arrays(np.float64, st.tuples(st.integers(1, 40), st.integers(1, 4)),
                     elements=st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0, np.nan]))


@settings(max_examples=60, deadline=None)
@given(f=answers, data_=st.data())
def test_summary_invariants(f, data_):
    d = data_.draw(hnp.arrays(np.float64, f.shape,
                              elements=st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0, np.nan])))
    margin = data_.draw(st.floats(0, 0.5))
    s = summarize(pd.DataFrame(f), pd.DataFrame(d), tie_margin=margin)
    counts = s[list("AOMIRQ")]
    assert (counts.sum(axis=1) == s["n_answered"]).all()              # counts add up
    assert (s["n_answered"] + s["n_missing"] == f.shape[0]).all()      # to the respondents
    expected_answered = (~np.isnan(f) & ~np.isnan(d)).sum(axis=0)
    assert s["n_answered"].tolist() == expected_answered.tolist()
    ok = s["better"].notna()
    assert ((s.loc[ok, "better"] >= 0) & (s.loc[ok, "better"] <= 1)).all()
    assert ((s.loc[ok, "worse"] >= -1) & (s.loc[ok, "worse"] <= 0)).all()
    for feature, row in s.iterrows():
        if row["n_answered"] == 0:
            assert row["category"] is None
            continue
        share_of_category = row[row["category"]] / row["n_answered"]
        top_share = counts.loc[feature].max() / row["n_answered"]
        assert share_of_category >= top_share - margin - 1e-9          # within the margin
        assert 0 <= row["category_strength"] <= 1
        assert 0 <= row["total_strength"] <= 1


@settings(max_examples=60, deadline=None)
@given(pairs=st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=50))
def test_classify_matches_the_table_and_summary_counts(pairs):
    f = [p[0] for p in pairs]
    d = [p[1] for p in pairs]
    letters = classify(f, d).tolist()
    assert letters == [BERGER_1993[p] for p in pairs]
    s = summarize(pd.DataFrame({"x": f}), pd.DataFrame({"x": d})).loc["x"]
    assert s[list("AOMIRQ")].tolist() == [letters.count(c) for c in "AOMIRQ"]


@settings(max_examples=40, deadline=None)
@given(pairs=st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=30))
def test_labels_give_the_same_categories_as_codes(pairs):
    chinese = ["喜欢", "理所当然", "无所谓", "能忍受", "不喜欢"]
    f = [p[0] for p in pairs]
    d = [p[1] for p in pairs]
    assert classify([chinese[i - 1] for i in f], [kano.ANSWERS[i - 1] for i in d]).tolist() \
        == classify(f, d).tolist()


# --- the course data set -----------------------------------------------------------------------

def test_survey_summary_tells_the_chapters_story():
    s = summarize(*kano.split_survey(data.load("kano_survey")))
    assert s.loc["tamper_seal", "category"] == "M"
    assert s.loc["on_time_compensation", "category"] == "A"
    assert s.loc["promo_push", "category"] == "R"
    assert s.loc["one_hour_refund", "category"] == "O"
    assert summarize(*kano.split_survey(data.load("kano_survey")), tie_margin=0.05) \
        .loc["one_hour_refund", "category"] == "M"
    q_share = s["Q"] / s["n_answered"]
    assert q_share.idxmax() == "no_cutlery_default" and q_share.max() > 0.05
    assert (s["n_missing"] > 0).all()


# --- figures and widget ------------------------------------------------------------------------

def _summary():
    return summarize(*kano.split_survey(data.load("kano_survey")))


def test_plot_kano_diagram():
    ax = kano.plot_kano_diagram()
    lines = ax.get_lines()
    assert [line.get_label() for line in lines[:4]] == ["Attractive (A)", "One-dimensional (O)",
                                                        "Must-be (M)", "Indifferent (I)"]
    x, attractive = lines[0].get_data()
    _, must_be = lines[2].get_data()
    assert (attractive >= 0).all() and (must_be <= 0).all()          # A never hurts, M never delights
    assert attractive[-1] == pytest.approx(1) and must_be[0] == pytest.approx(-1)
    assert np.all(np.diff(attractive) > 0) and np.all(np.diff(must_be) > 0)
    with pytest.raises(ValueError, match="steepness"):
        kano.plot_kano_diagram(steepness=0)


def test_plot_category_shares():
    s = _summary()
    ax = kano.plot_category_shares(s)
    assert len(ax.patches) == 6 * len(s)
    widths = np.array([p.get_width() for p in ax.patches]).reshape(6, len(s))
    assert widths.sum(axis=0) == pytest.approx(np.ones(len(s)))     # each bar adds to 100%
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "tamper_seal  [M]" in labels


def test_plot_better_worse():
    s = _summary()
    ax = kano.plot_better_worse(s)
    points = np.vstack([c.get_offsets() for c in ax.collections])
    assert len(points) == len(s)
    assert sorted(points[:, 0]) == pytest.approx(sorted(-s["worse"]))
    assert sorted(points[:, 1]) == pytest.approx(sorted(s["better"]))
    texts = {t.get_text() for t in ax.texts}
    assert {"ATTRACTIVE", "ONE-DIMENSIONAL", "MUST-BE", "INDIFFERENT"} <= texts
    assert set(s.index) <= texts


@pytest.mark.parametrize("call, error, match", [
    (lambda: kano.plot_better_worse([1, 2]), TypeError, "summary"),
    (lambda: kano.plot_better_worse(pd.DataFrame({"x": [1]})), ValueError, "summary"),
    (lambda: kano.plot_better_worse(_summary(), better_cut=2), ValueError, "better_cut"),
    (lambda: kano.plot_category_shares(_summary().iloc[0:0]), ValueError, "summary: is empty"),
])
def test_plot_errors(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_classify_widget():
    import ipywidgets

    panel = kano.classify_widget()
    assert isinstance(panel, ipywidgets.Widget)
    assert (panel.functional.value, panel.dysfunctional.value) == (1, 4)
    assert "<b>A</b>" in panel.result.value and "attractive" in panel.result.value
    panel.functional.value = 2
    panel.dysfunctional.value = 5
    assert "<b>M</b>" in panel.result.value and "must-be" in panel.result.value
    panel.functional.value = 5
    panel.dysfunctional.value = 5
    assert "<b>Q</b>" in panel.result.value
    # the looked-up cell is highlighted, exactly one of them
    assert panel.result.value.count("background:#e7298a") == 1


def test_classify_widget_start_and_errors():
    assert kano.classify_widget("不喜欢", "喜欢").functional.value == 5
    with pytest.raises(ValueError, match="functional"):
        kano.classify_widget(9, 1)
    with pytest.raises(ValueError, match="starting answer"):
        kano.classify_widget(None, 1)


def test_import_is_light():
    import subprocess
    import sys

    code = ("import sys, crmlib; crmlib.kano.classify(1, 5); crmlib.value.relative_price(1, 1); "
            "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("values", [[[1, "like"], [2, "dislike"]], [[1, 2], [3, 4]]])
def test_repeated_feature_columns_are_a_clear_error(values):
    frame = pd.DataFrame(values, columns=["seal", "seal"])
    with pytest.raises(ValueError, match=r"functional: feature column\(s\) \['seal'\] appear more than once"):
        kano.classify(frame, frame)


def test_quality_views_and_recognition_views():
    assert kano.quality_views().index.tolist() == ["customer", "maker", "both", "other"]
    assert kano.recognition_views()["chinese"].tolist() == ["一维认知", "二维认知"]


def test_plot_recognition_views_has_the_line_and_the_kano_curves():
    axes = kano.plot_recognition_views()
    left, right = axes
    assert [l.get_label() for l in left.get_lines()][0] == "every feature"
    assert "Must-be (M)" in [l.get_label() for l in right.get_lines()]
    from crmlib import plotting
    plotting.close(left.figure)
    with pytest.raises(ValueError, match="steepness"):
        kano.plot_recognition_views(steepness=-1)


def test_evaluation_table_lookup_by_hand_equals_classify():
    # the chapter's "by hand" cell: cell [f - 1, d - 1] of the 5 x 5 table
    f = np.array([1, 1, 2, 1, 3, 1, 5, 1, 4, 1])
    d = np.array([5, 3, 5, 4, 5, 1, 1, 5, 3, 4])
    by_hand = kano.evaluation_table().to_numpy()[f - 1, d - 1]
    assert by_hand.tolist() == list("OAMAMQROIA")
    assert classify(f, d).tolist() == by_hand.tolist()
    s = summarize(pd.DataFrame({"x": f}), pd.DataFrame({"x": d})).loc["x"]
    assert (s["better"], s["worse"]) == (5 / 8, -4 / 8)    # (3 + 2) / 8, -(2 + 2) / 8
