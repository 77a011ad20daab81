"""Tests for crmlib.servqual: SERVQUAL gaps Q = P − E by item and dimension, unweighted and
weighted scores, priorities, validation, speed, figures and the importance-weights widget."""
from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from crmlib import servqual
from crmlib.servqual import DIMENSIONS, ITEMS, ServqualResult, priorities, score, split_survey

DIMS = list(DIMENSIONS)
ITEM_NUMBERS = list(range(1, 23))


def frame(value, index=("A", "B", "C")) -> pd.DataFrame:
    return pd.DataFrame(float(value), index=list(index), columns=ITEM_NUMBERS)


@pytest.fixture
def three_guests():
    """Hand-computable survey: every expectation is 6.

    A perceives 5 everywhere (gap -1); B perceives 7 on tangibles (1-4, gap +1) and 4 on
    reliability (5-9, gap -2), 6 elsewhere; C perceives 2 on item 11 (gap -4), 6 elsewhere.
    """
    E = frame(6)
    P = frame(6)
    P.loc["A"] = 5
    P.loc["B", [1, 2, 3, 4]] = 7
    P.loc["B", [5, 6, 7, 8, 9]] = 4
    P.loc["C", 11] = 2
    return E, P


# --- the instrument -----------------------------------------------------------------------------

def test_dimensions_cover_the_22_items_once_in_order():
    numbers = [i for items in DIMENSIONS.values() for i in items]
    assert numbers == ITEM_NUMBERS
    assert {d: (items[0], items[-1]) for d, items in DIMENSIONS.items()} == {
        "tangibles": (1, 4), "reliability": (5, 9), "responsiveness": (10, 13),
        "assurance": (14, 17), "empathy": (18, 22)}


def test_items_table():
    assert list(ITEMS.index) == ITEM_NUMBERS
    assert list(ITEMS.columns) == ["dimension", "label", "english", "chinese"]
    assert ITEMS.groupby("dimension", sort=False).size().to_dict() == {
        "tangibles": 4, "reliability": 5, "responsiveness": 4, "assurance": 4, "empathy": 5}
    assert ITEMS["label"].is_unique
    assert ITEMS["chinese"].str.contains(r"[\u4e00-\u9fff]").all()
    assert ITEMS["english"].str.endswith(".").all() and ITEMS["chinese"].str.endswith("。").all()
    assert ITEMS.loc[11, "label"] == "prompt service"
    assert servqual.DIMENSION_CHINESE["empathy"] == "移情性"


def test_gaps_table():
    assert list(servqual.GAPS.index) == [1, 2, 3, 4, 5]
    assert "SERVQUAL" in servqual.GAPS.loc[5, "between"]


# --- hand-computed scores -----------------------------------------------------------------------

def test_item_and_dimension_gaps_by_hand(three_guests):
    r = score(*three_guests)
    # items 1-4: (-1 + 1 + 0) / 3 = 0; items 5-9: (-1 - 2 + 0) / 3 = -1;
    # item 11: (-1 + 0 - 4) / 3 = -5/3; every other item: -1/3
    expected_items = [0] * 4 + [-1] * 5 + [-1 / 3, -5 / 3, -1 / 3, -1 / 3] + [-1 / 3] * 9
    assert r.item_gaps.tolist() == pytest.approx(expected_items)
    assert list(r.item_gaps.index) == ITEM_NUMBERS
    # responsiveness: (-1/3 - 5/3 - 1/3 - 1/3) / 4 = -2/3
    assert r.dimension_gaps.to_dict() == pytest.approx({
        "tangibles": 0, "reliability": -1, "responsiveness": -2 / 3, "assurance": -1 / 3,
        "empathy": -1 / 3})
    # mean of the five dimension gaps: (0 - 1 - 2/3 - 1/3 - 1/3) / 5 = -7/15
    assert r.unweighted == pytest.approx(-7 / 15)
    assert r.weighted is None
    assert r.n_respondents == 3


def test_per_respondent_scores_by_hand(three_guests):
    r = score(*three_guests)
    table = r.respondents
    assert list(table.columns) == DIMS + ["unweighted"]
    assert table.loc["A"].tolist() == pytest.approx([-1] * 6)
    # B: tangibles +1, reliability -2, others 0; unweighted (1 - 2) / 5 = -0.2
    assert table.loc["B"].tolist() == pytest.approx([1, -2, 0, 0, 0, -0.2])
    # C: responsiveness -4 / 4 = -1; unweighted -1 / 5 = -0.2
    assert table.loc["C"].tolist() == pytest.approx([0, 0, -1, 0, 0, -0.2])
    assert table["unweighted"].mean() == pytest.approx(r.unweighted)


def test_expectation_and_perception_means(three_guests):
    r = score(*three_guests)
    assert r.items.loc[1, "expectation"] == 6
    assert r.items.loc[11, "perception"] == pytest.approx((5 + 6 + 2) / 3)
    assert r.dimensions.loc["reliability", "perception"] == pytest.approx(5)   # (5 + 4 + 6) / 3
    assert (r.items["answered"] == 3).all()
    assert (r.items["perception"] - r.items["expectation"]).tolist() == pytest.approx(
        r.item_gaps.tolist())


def test_weighted_with_one_allocation_by_hand(three_guests):
    points = {"tangibles": 10, "reliability": 40, "responsiveness": 30, "assurance": 10,
              "empathy": 10}
    r = score(*three_guests, weights=points)
    # 0.1 × 0 + 0.4 × (-1) + 0.3 × (-2/3) + 0.1 × (-1/3) + 0.1 × (-1/3) = -2/3
    assert r.weighted == pytest.approx(-2 / 3)
    assert r.dimensions["points"].tolist() == [10, 40, 30, 10, 10]
    assert r.dimensions["weighted_gap"].sum() == pytest.approx(r.weighted)
    # reliability -0.4 first, responsiveness -0.2 second, then assurance = empathy, tangibles 0
    assert r.dimensions["priority"].tolist() == [5, 1, 2, 3, 3]
    # A: -1; B: 0.1 × 1 + 0.4 × (-2) = -0.7; C: 0.3 × (-1) = -0.3; their mean is -2/3
    assert r.respondents["weighted"].tolist() == pytest.approx([-1, -0.7, -0.3])


def test_weighted_with_each_respondents_points_by_hand(three_guests):
    W = pd.DataFrame({"tangibles": [20, 50, 0], "reliability": [20, 10, 0],
                      "responsiveness": [20, 20, 100], "assurance": [20, 10, 0],
                      "empathy": [20, 10, 0]}, index=["A", "B", "C"])
    r = score(*three_guests, weights=W)
    # A: -1 everywhere = -1; B: 0.5 × 1 + 0.1 × (-2) = 0.3; C: 1.0 × (-1) = -1
    assert r.respondents["weighted"].tolist() == pytest.approx([-1, 0.3, -1])
    assert r.weighted == pytest.approx(-1.7 / 3)
    # contributions: tangibles (0.2 × -1 + 0.5 × 1) / 3 = 0.1; responsiveness
    # (0.2 × -1 + 1.0 × -1) / 3 = -0.4; reliability (0.2 × -1 + 0.1 × -2) / 3 = -0.4/3
    assert r.dimensions["weighted_gap"].tolist() == pytest.approx(
        [0.1, -0.4 / 3, -0.4, -0.2 / 3, -0.2 / 3])
    assert r.dimensions["points"].tolist() == pytest.approx([70 / 3, 10, 140 / 3, 10, 10])
    assert r.dimensions["priority"].tolist() == [5, 2, 1, 3, 3]


def test_weights_frame_rows_are_matched_by_label(three_guests):
    W = pd.DataFrame({"tangibles": [20, 50, 0], "reliability": [20, 10, 0],
                      "responsiveness": [20, 20, 100], "assurance": [20, 10, 0],
                      "empathy": [20, 10, 0]}, index=["A", "B", "C"])
    assert score(*three_guests, weights=W.iloc[::-1]).weighted == pytest.approx(-1.7 / 3)
    upper = W.rename(columns=str.title)            # 'Tangibles': names are not case-sensitive
    assert score(*three_guests, weights=upper).weighted == pytest.approx(-1.7 / 3)


def test_weights_as_series_and_float_points(three_guests):
    series = pd.Series({"tangibles": 12.5, "reliability": 37.5, "responsiveness": 20,
                        "assurance": 15, "empathy": 15})
    r = score(*three_guests, weights=series)
    # 0.375 × (-1) + 0.2 × (-2/3) + 0.15 × (-1/3) × 2 = -0.375 - 0.1333 - 0.1 = -0.6083
    assert r.weighted == pytest.approx(-0.375 - 0.2 * 2 / 3 - 0.3 / 3)


def test_module_example_numbers():
    E = frame(6, index=[0, 1])
    P = E - 1
    P[11] = 3.0
    r = score(E, P)
    assert r.item_gaps[11] == -3
    assert r.dimension_gaps["responsiveness"] == -1.5
    assert r.unweighted == pytest.approx(-1.1)


def test_result_text_and_html(three_guests):
    r = score(*three_guests, weights={d: 20 for d in DIMS})
    assert str(r) == ("SERVQUAL over 3 respondents: unweighted score -0.47, weighted score "
                      "-0.47; first priority: reliability.")
    assert "first priority" in r._repr_html_() and "<table" in r._repr_html_()
    assert isinstance(r, ServqualResult)
    with pytest.raises(AttributeError):
        r.unweighted = 0  # type: ignore[misc]  # frozen


# --- column forms and alignment ------------------------------------------------------------------

def test_columns_by_label_digit_string_or_numpy_int(three_guests):
    E, P = three_guests
    expected = score(E, P).item_gaps.tolist()
    by_label = P.set_axis(ITEMS["label"].tolist(), axis=1)
    assert score(E, by_label).item_gaps.tolist() == pytest.approx(expected)
    underscored = P.set_axis([l.replace(" ", "_").upper() for l in ITEMS["label"]], axis=1)
    assert score(E, underscored).item_gaps.tolist() == pytest.approx(expected)
    as_text = E.set_axis([str(i) for i in ITEM_NUMBERS], axis=1)
    assert score(as_text, P).item_gaps.tolist() == pytest.approx(expected)
    shuffled = P[[22, *range(1, 22)]].set_axis([np.int64(22), *range(1, 22)], axis=1)
    assert score(E, shuffled).item_gaps.tolist() == pytest.approx(expected)


def test_respondents_matched_by_label(three_guests):
    E, P = three_guests
    r1, r2 = score(E, P), score(E, P.iloc[[2, 0, 1]])
    assert r1.item_gaps.tolist() == pytest.approx(r2.item_gaps.tolist())
    assert list(r2.respondents.index) == ["A", "B", "C"]


def test_arrays_accepted_and_integer_answers(three_guests):
    E, P = three_guests
    r = score(E.to_numpy(), P.to_numpy().astype(int))
    assert r.unweighted == pytest.approx(-7 / 15)
    assert list(r.respondents.index) == [0, 1, 2]
    assert score(E.astype("Int64"), P.astype("Int64")).unweighted == pytest.approx(-7 / 15)


def test_numbers_as_text_are_read(three_guests):
    E, P = three_guests
    text = P.astype(object)
    text[3] = ["5", "7", "6"]
    assert score(E, text).unweighted == pytest.approx(-7 / 15)


def test_other_scale():
    E = frame(4, index=["x"])
    r = score(E, E - 2, scale=(1, 5))
    assert r.unweighted == -2 and r.scale == (1.0, 5.0)


# --- missing answers ---------------------------------------------------------------------------

@pytest.fixture
def with_missing():
    """A perceives 5 everywhere; B perceives 5 too, but skipped item 1 and gave 3 to item 2."""
    E = frame(6, index=["A", "B"])
    P = frame(5, index=["A", "B"])
    P.loc["B", 1] = np.nan
    P.loc["B", 2] = 3
    return E, P


def test_pairwise_missing_by_hand(with_missing):
    r = score(*with_missing)
    assert r.missing == "pairwise"
    assert r.items.loc[1, "answered"] == 1 and r.items.loc[2, "answered"] == 2
    assert r.item_gaps[1] == -1                    # only A answered item 1
    assert r.item_gaps[2] == -2                    # (-1 - 3) / 2
    assert r.dimension_gaps["tangibles"] == pytest.approx(-1.25)   # (-1 - 2 - 1 - 1) / 4
    # B's own tangibles gap uses the three items B answered: (-3 - 1 - 1) / 3
    assert r.respondents.loc["B", "tangibles"] == pytest.approx(-5 / 3)
    # with missing answers the respondent mean differs from the item-based gap (documented)
    assert r.respondents["tangibles"].mean() == pytest.approx(-4 / 3)


def test_missing_expectation_counts_as_a_missing_pair(with_missing):
    E, P = with_missing
    E = E.copy()
    E.loc["A", 22] = np.nan
    r = score(E, P)
    assert r.items.loc[22, "answered"] == 1
    assert r.items.loc[22, "expectation"] == 6


def test_listwise_drops_incomplete_respondents(with_missing):
    W = pd.DataFrame({d: [20, 20] for d in DIMS}, index=["A", "B"])
    r = score(*with_missing, weights=W, missing="listwise")
    assert r.n_respondents == 1 and list(r.respondents.index) == ["A"]
    assert r.unweighted == -1 and r.weighted == pytest.approx(-1)


def test_missing_raise_names_respondent_and_item(with_missing):
    with pytest.raises(ValueError, match=r"respondent 'B', item 1: the perception answer is "
                                         r"missing \(1 missing pairs"):
        score(*with_missing, missing="raise")


def test_respondent_missing_a_whole_dimension():
    E = frame(6, index=["A", "B"])
    P = frame(5, index=["A", "B"])
    P.loc["B", [1, 2, 3, 4]] = np.nan
    W = pd.DataFrame({d: [20, 20] for d in DIMS}, index=["A", "B"])
    r = score(E, P, weights=W)
    assert np.isnan(r.respondents.loc["B", "tangibles"])
    assert np.isnan(r.respondents.loc["B", "unweighted"])
    assert np.isnan(r.respondents.loc["B", "weighted"])
    assert r.weighted == pytest.approx(-1)          # averaged over complete respondents only
    assert r.dimension_gaps["tangibles"] == -1      # A's answers still give the item gaps


def test_listwise_with_nobody_complete():
    E, P = frame(6, index=["A"]), frame(5, index=["A"])
    P.loc["A", 5] = np.nan
    with pytest.raises(ValueError, match="leaves no respondent"):
        score(E, P, missing="listwise")


def test_item_nobody_answered():
    E, P = frame(6, index=["A", "B"]), frame(5, index=["A", "B"])
    P[3] = np.nan
    with pytest.raises(ValueError, match=r"item\(s\) \[3\]: no respondent answered both"):
        score(E, P)


# --- bad inputs -------------------------------------------------------------------------------

@pytest.mark.parametrize("bad, error, message", [
    ([[6] * 22], TypeError, r"expectations: expected a DataFrame"),
    (np.full(22, 6.0), ValueError, r"expectations: expected a table .* 1 dimension"),
    (pd.DataFrame(columns=ITEM_NUMBERS), ValueError, r"expectations: has no respondents"),
    ("6", TypeError, r"expectations: expected a DataFrame"),
])
def test_expectations_of_the_wrong_kind(bad, error, message):
    with pytest.raises(error, match=message):
        score(bad, frame(5))


def test_unknown_item_column(three_guests):
    E, P = three_guests
    with pytest.raises(ValueError, match=r"perceptions: column\(s\) 'speed' are not SERVQUAL "
                                         r"items.*'modern equipment'"):
        score(E, P.rename(columns={22: "speed"}))
    with pytest.raises(ValueError, match=r"expectations: column\(s\) 23"):
        score(E.rename(columns={22: 23}), P)
    with pytest.raises(ValueError, match=r"expectations: column\(s\) True"):
        score(E.rename(columns={22: True}), P)


def test_repeated_and_missing_items(three_guests):
    E, P = three_guests
    with pytest.raises(ValueError, match=r"perceptions: item 1 appears twice \(columns 1 and "
                                         r"'modern equipment'\)"):
        score(E, P.rename(columns={22: "modern equipment"}))
    with pytest.raises(ValueError, match=r"perceptions: item\(s\) \[22\] are missing; SERVQUAL "
                                         r"needs all 22 items, it has 21"):
        score(E, P.drop(columns=22))


def test_mismatched_respondents(three_guests):
    E, P = three_guests
    with pytest.raises(ValueError, match="expectations has 3 respondents but perceptions has 2"):
        score(E, P.iloc[:2])
    with pytest.raises(ValueError, match=r"not the same respondents: e.g. \['C'\] only in "
                                         r"expectations, \['Z'\] only in perceptions"):
        score(E, P.rename(index={"C": "Z"}))
    with pytest.raises(ValueError, match=r"perceptions: respondent labels must be unique; "
                                         r"repeated: \['A'\]"):
        score(E, P.rename(index={"B": "A"}))


@pytest.mark.parametrize("which, value, message", [
    ("perceptions", 8, r"perceptions: respondent 'B', item 5: answer 8 is outside the scale 1-7"),
    ("expectations", 0, r"expectations: respondent 'B', item 5: answer 0 is outside the scale"),
    ("perceptions", 6.5 + np.inf, r"answer inf is outside"),
    ("perceptions", -1, r"item 5: answer -1 is outside the scale 1-7; correct the data"),
])
def test_answers_outside_the_scale(three_guests, which, value, message):
    E, P = (frame.copy() for frame in three_guests)
    target = P if which == "perceptions" else E
    target.loc["B", 5] = value
    with pytest.raises(ValueError, match=message):
        score(E, P)


def test_several_answers_outside_the_scale_are_counted(three_guests):
    E, P = three_guests
    with pytest.raises(ValueError, match=r"\(65 more answers are outside it too\)"):
        score(E, P * 10)


def test_non_numeric_answers(three_guests):
    E, P = three_guests
    text = P.astype(object)
    text.loc["A", 3] = "seven"
    with pytest.raises(TypeError, match=r"perceptions: respondent 'A', item 3: 'seven' is not a "
                                        r"number"):
        score(E, text)
    flags = P.astype(object)
    flags[4] = True
    flags = flags.astype({4: bool})
    with pytest.raises(TypeError, match=r"perceptions: item 4 holds True/False"):
        score(E, flags)


@pytest.mark.parametrize("scale, error, message", [
    ((7, 1), ValueError, r"scale: high \(1\) must be above low \(7\)"),
    ("1-7", TypeError, r"scale: expected \(low, high\)"),
    ((1, 4, 7), TypeError, r"scale: expected \(low, high\)"),
    ((1, "7"), TypeError, r"scale high"),
    ((1, np.nan), ValueError, r"scale high"),
])
def test_bad_scale(three_guests, scale, error, message):
    with pytest.raises(error, match=message):
        score(*three_guests, scale=scale)


def test_bad_missing_option(three_guests):
    with pytest.raises(ValueError, match=r"missing: expected one of \['pairwise', 'listwise', "
                                         r"'raise'\], got 'drop'"):
        score(*three_guests, missing="drop")


EQUAL = {d: 20 for d in DIMS}


@pytest.mark.parametrize("weights, error, message", [
    ({**EQUAL, "empathy": 10}, ValueError, r"weights: importance points must add up to 100, "
                                           r"they add up to 90"),
    ({d: 0.2 for d in DIMS}, ValueError, r"add up to 1 \(they look like shares: multiply by 100\)"),
    ({**EQUAL, "speed": 0}, ValueError, r"weights: \['speed'\] are not SERVQUAL dimensions"),
    ({d: 25 for d in DIMS[:4]}, ValueError, r"weights: dimension\(s\) \['empathy'\] have no "
                                            r"points"),
    ({**EQUAL, "tangibles": -10, "empathy": 50}, ValueError,
     r"weights\['tangibles'\]: must be zero or more"),
    ({**EQUAL, "tangibles": "20"}, TypeError, r"weights\['tangibles'\]: expected a single number"),
    ({**EQUAL, "tangibles": np.nan}, ValueError, r"weights\['tangibles'\]: expected a finite"),
    ([20] * 5, TypeError, r"weights: expected points per dimension as a mapping"),
    (20, TypeError, r"weights: expected points per dimension"),
])
def test_bad_weights(three_guests, weights, error, message):
    with pytest.raises(error, match=message):
        score(*three_guests, weights=weights)


def _frame_weights(changes=None):
    W = pd.DataFrame({d: [20.0, 20.0, 20.0] for d in DIMS}, index=["A", "B", "C"])
    for (row, col), value in (changes or {}).items():
        W.loc[row, col] = value
    return W


@pytest.mark.parametrize("weights, error, message", [
    (_frame_weights({("B", "empathy"): 30}), ValueError,
     r"weights \(respondent 'B'\): importance points must add up to 100, they add up to 110"),
    (_frame_weights({("C", "empathy"): np.nan}), ValueError,
     r"weights \(respondent 'C'\): no points for empathy"),
    (_frame_weights({("A", "tangibles"): -20, ("A", "empathy"): 60}), ValueError,
     r"weights \(respondent 'A'\): tangibles has -20 points"),
    (_frame_weights().drop(columns="empathy"), ValueError,
     r"weights: dimension\(s\) \['empathy'\] have no column"),
    (_frame_weights().rename(columns={"empathy": "care"}), ValueError,
     r"weights: column\(s\) \['care'\] are not SERVQUAL dimensions"),
    (_frame_weights().iloc[:2], ValueError, r"weights: its respondents \(2\) do not match the "
                                            r"answers' \(3\)"),
    (_frame_weights().rename(index={"C": "Z"}), ValueError, r"only in weights: \['Z'\]"),
    (_frame_weights().rename(index={"C": "A"}), ValueError, r"weights: respondent labels"),
    (_frame_weights().astype(object).assign(empathy=["20", "x", "20"]), TypeError,
     r"weights: respondent 'B', item 5: 'x' is not a number"),
])
def test_bad_per_respondent_weights(three_guests, weights, error, message):
    with pytest.raises(error, match=message):
        score(*three_guests, weights=weights)


def test_many_rows_not_adding_up_are_counted(three_guests):
    W = _frame_weights() / 2
    with pytest.raises(ValueError, match=r"2 more rows do not add up either"):
        score(*three_guests, weights=W)


# --- priorities and split_survey --------------------------------------------------------------

def test_priorities_default_equal_points():
    gaps = {"tangibles": -0.9, "reliability": -1.1, "responsiveness": -1.4, "assurance": -0.4,
            "empathy": -0.7}
    table = priorities(gaps)
    assert table["points"].tolist() == [20] * 5
    assert table["weighted_gap"].sum() == pytest.approx(sum(gaps.values()) / 5)
    assert table["priority"].tolist() == [3, 2, 1, 5, 4]


def test_priorities_importance_changes_the_ranking():
    gaps = pd.Series({"tangibles": -0.9, "reliability": -1.1, "responsiveness": -1.4,
                      "assurance": -0.4, "empathy": -0.7})
    table = priorities(gaps, {"tangibles": 11, "reliability": 32, "responsiveness": 22,
                              "assurance": 19, "empathy": 16})
    # reliability 0.32 × -1.1 = -0.352 beats responsiveness 0.22 × -1.4 = -0.308
    assert table.loc["reliability", "weighted_gap"] == pytest.approx(-0.352)
    assert table.sort_values("priority").index[:2].tolist() == ["reliability", "responsiveness"]


def test_priorities_positive_gap_is_last():
    gaps = {"tangibles": 0.5, "reliability": -0.1, "responsiveness": -0.2, "assurance": 0,
            "empathy": -0.1}
    assert priorities(gaps)["priority"].to_dict() == {
        "tangibles": 5, "reliability": 2, "responsiveness": 1, "assurance": 4, "empathy": 2}


@pytest.mark.parametrize("gaps, weights, error, message", [
    ([-1] * 5, None, TypeError, r"dimension_gaps: expected the gap of each dimension"),
    ({"tangibles": -1}, None, ValueError, r"dimension_gaps: expected exactly the dimensions"),
    ({**{d: -1 for d in DIMS}, "speed": 0}, None, ValueError, r"unknown \['speed'\]"),
    ({**{d: -1 for d in DIMS}, "empathy": "low"}, None, TypeError, r"dimension_gaps\['empathy'\]"),
    ({d: -1 for d in DIMS}, {d: 10 for d in DIMS}, ValueError, r"add up to 50"),
    ({d: -1 for d in DIMS}, pd.DataFrame({d: [20] for d in DIMS}), TypeError,
     r"weights: give one allocation"),
])
def test_priorities_bad_input(gaps, weights, error, message):
    with pytest.raises(error, match=message):
        priorities(gaps, weights)


def test_split_survey():
    rows = []
    for k, (e, p) in enumerate([(6, 5), (7, 3)]):
        row = {"respondent_id": f"G{k}", "guest_type": "business"}
        row.update({f"E{i}": e for i in ITEM_NUMBERS})
        row.update({f"P{i}": p for i in ITEM_NUMBERS})
        row.update({f"imp_{d}": 20 for d in DIMS})
        rows.append(row)
    E, P, W = split_survey(pd.DataFrame(rows))
    assert list(E.columns) == ITEM_NUMBERS and list(P.index) == ["G0", "G1"]
    assert list(W.columns) == DIMS
    r = score(E, P, weights=W)
    assert r.respondents["unweighted"].tolist() == [-1, -4]
    assert split_survey(pd.DataFrame(rows), weight_prefix=None)[2] is None
    no_id = split_survey(pd.DataFrame(rows).drop(columns="respondent_id"))[0]
    assert list(no_id.index) == [0, 1]


def test_split_survey_bad_input():
    with pytest.raises(TypeError, match="survey: expected a DataFrame"):
        split_survey([1, 2])
    survey = pd.DataFrame({f"E{i}": [6] for i in ITEM_NUMBERS})
    with pytest.raises(ValueError, match=r"survey: perception column\(s\) \['P1', 'P2'"):
        split_survey(survey)


# --- the course's data set ----------------------------------------------------------------------

def test_hotel_survey_tells_the_chapter_story():
    from crmlib import data

    survey = data.load("servqual_survey")
    E, P, W = split_survey(survey)
    r = score(E, P, weights=W)
    assert r.n_respondents == len(survey) >= 150
    assert (W.sum(axis=1) == 100).all()
    assert r.item_gaps.idxmin() == 11                              # prompt service
    assert r.dimension_gaps.idxmin() == "responsiveness"            # largest gap ...
    assert r.dimensions["priority"].idxmin() == "reliability"       # ... but not first priority
    assert r.weighted < r.unweighted < 0
    assert P[8].isna().sum() > 0                                    # blanks exist: pairwise
    assert score(E, P, missing="listwise").n_respondents < len(survey)


# --- properties -------------------------------------------------------------------------------

answers = st.integers(1, 50).flatmap(
    lambda n: st.tuples(hnp.arrays(np.int64, (n, 22), elements=st.integers(1, 7)),
                        hnp.arrays(np.int64, (n, 22), elements=st.integers(1, 7))))


def _allocations(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    cuts = np.sort(rng.integers(0, 101, (n, 4)), axis=1)
    points = np.diff(np.column_stack([np.zeros(n), cuts, np.full(n, 100)]), axis=1)
    return pd.DataFrame(points, columns=DIMS)


@settings(max_examples=60, deadline=None)
@given(pair=answers)
def test_weighted_equals_unweighted_when_all_weights_are_20(pair):
    E, P = (pd.DataFrame(a, columns=ITEM_NUMBERS) for a in pair)
    plain = score(E, P)
    assert score(E, P, weights=EQUAL).weighted == pytest.approx(plain.unweighted, abs=1e-12)
    per_respondent = pd.DataFrame(20, index=E.index, columns=DIMS)
    assert score(E, P, weights=per_respondent).weighted == pytest.approx(plain.unweighted,
                                                                          abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(pair=answers, seed=st.integers(0, 10_000))
def test_one_allocation_equals_the_mean_of_respondent_scores(pair, seed):
    E, P = (pd.DataFrame(a, columns=ITEM_NUMBERS) for a in pair)
    points = _allocations(1, seed).iloc[0].to_dict()
    r = score(E, P, weights=points)
    assert r.weighted == pytest.approx(r.respondents["weighted"].mean(), abs=1e-12)
    # a weighted mean of the dimension gaps lies between the smallest and the largest
    assert r.dimension_gaps.min() - 1e-12 <= r.weighted <= r.dimension_gaps.max() + 1e-12


@settings(max_examples=60, deadline=None)
@given(pair=answers, seed=st.integers(0, 10_000))
def test_per_respondent_weighted_is_the_mean_of_respondent_scores(pair, seed):
    E, P = (pd.DataFrame(a, columns=ITEM_NUMBERS) for a in pair)
    W = _allocations(len(E), seed)
    r = score(E, P, weights=W)
    assert r.weighted == pytest.approx(r.respondents["weighted"].mean(), abs=1e-12)
    assert r.dimensions["weighted_gap"].sum() == pytest.approx(r.weighted, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(pair=answers, seed=st.integers(0, 10_000))
def test_swapping_expectations_and_perceptions_negates_the_gaps(pair, seed):
    E, P = (pd.DataFrame(a, columns=ITEM_NUMBERS) for a in pair)
    W = _allocations(len(E), seed)
    forward, backward = score(E, P, weights=W), score(P, E, weights=W)
    assert backward.item_gaps.tolist() == pytest.approx((-forward.item_gaps).tolist())
    assert backward.weighted == pytest.approx(-forward.weighted, abs=1e-12)
    assert score(E, E).unweighted == 0


@settings(max_examples=40, deadline=None)
@given(pair=answers, seed=st.integers(0, 10_000))
def test_order_of_respondents_does_not_matter(pair, seed):
    E, P = (pd.DataFrame(a, columns=ITEM_NUMBERS) for a in pair)
    W = _allocations(len(E), seed)
    order = np.random.default_rng(seed).permutation(len(E))
    a = score(E, P, weights=W)
    b = score(E.iloc[order], P.iloc[order], weights=W.iloc[order])
    assert a.weighted == pytest.approx(b.weighted, abs=1e-12)
    assert a.dimension_gaps.tolist() == pytest.approx(b.dimension_gaps.tolist())


@settings(max_examples=40, deadline=None)
@given(pair=answers, holes=st.integers(0, 2**31 - 1))
def test_pairwise_item_gaps_are_means_over_answered_pairs(pair, holes):
    E, P = (pd.DataFrame(a, columns=ITEM_NUMBERS).astype(float) for a in pair)
    mask = np.random.default_rng(holes).random(P.shape) < 0.2
    mask[0] = False  # keep one complete respondent so every item has a pair
    P = P.mask(mask)
    r = score(E, P)
    assert r.item_gaps.tolist() == pytest.approx((P - E).mean().tolist())
    assert r.items["answered"].tolist() == (~mask).sum(axis=0).tolist()


# --- speed --------------------------------------------------------------------------------------

def test_200000_respondents_quickly():
    rng = np.random.default_rng(0)
    n = 200_000
    E = pd.DataFrame(rng.integers(1, 8, (n, 22)), columns=ITEM_NUMBERS)
    P = pd.DataFrame(rng.integers(1, 8, (n, 22)), columns=ITEM_NUMBERS)
    W = _allocations(n, 1)
    r = score(E, P, weights=W)
    assert r.n_respondents == n
    # fast on any machine: no Python loop over the respondents (instead of a wall-clock limit)
    from _vectorised import assert_vectorised
    assert_vectorised(lambda k: (E.iloc[:k], P.iloc[:k], W.iloc[:k]),
                      lambda e, p, w: score(e, p, weights=w))


# --- figures ----------------------------------------------------------------------------------

def test_plot_item_gaps(three_guests):
    from crmlib import plotting

    ax = servqual.plot_item_gaps(score(*three_guests))
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx(score(*three_guests).item_gaps.tolist())
    assert ax.get_yticklabels()[0].get_text() == "1 modern equipment"   # item 1 on top
    assert ax.patches[0].get_y() > ax.patches[-1].get_y()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == DIMS
    assert "P − E" in ax.get_xlabel()
    plotting.close(ax.figure)


def test_plot_dimension_gaps_with_and_without_weights(three_guests):
    from crmlib import plotting

    plain = servqual.plot_dimension_gaps(score(*three_guests))
    assert [p.get_height() for p in plain.patches] == pytest.approx([0, -1, -2 / 3, -1 / 3, -1 / 3])
    assert plain.get_legend() is None
    weighted = score(*three_guests, weights={"tangibles": 10, "reliability": 40,
                                             "responsiveness": 30, "assurance": 10,
                                             "empathy": 10})
    ax = servqual.plot_dimension_gaps(weighted)
    heights = [p.get_height() for p in ax.patches]
    assert heights[5:] == pytest.approx([0, -0.4, -0.2, -1 / 30, -1 / 30])
    assert [t.get_text() for t in ax.texts][:2] == ["+0.00", "-1.00"]
    assert len(ax.get_legend().get_texts()) == 2
    plotting.close(plain.figure)
    plotting.close(ax.figure)


def test_plot_radar(three_guests):
    from crmlib import plotting

    r = score(*three_guests)
    ax = servqual.plot_radar(r)
    expectation, perception = ax.get_lines()[:2]
    assert list(expectation.get_ydata()) == pytest.approx([6] * 6)              # closed polygon
    assert list(perception.get_ydata()) == pytest.approx(
        (r.dimensions["perception"].tolist() + [r.dimensions["perception"].iloc[0]]))
    assert ax.get_ylim() == (1, 7)
    assert [t.get_text() for t in ax.get_xticklabels()] == DIMS
    plotting.close(ax.figure)
    fig, flat = plotting.new_figure()
    with pytest.raises(ValueError, match="ax: a radar chart needs polar axes"):
        servqual.plot_radar(r, ax=flat)
    plotting.close(fig)


def test_plot_gaps_model():
    from crmlib import plotting

    ax = servqual.plot_gaps_model()
    assert sorted(label.split(":")[0] for label in ax.gap_labels) == [f"GAP {i}" for i in range(1, 6)]
    boxes = [t.get_text() for t in ax.texts if not t.get_text().startswith("GAP")]
    for name in ["Expected service", "Perceived service", "Personal needs", "Past experience"]:
        assert name in boxes
    assert len(ax.patches) == 9
    plotting.close(ax.figure)


@pytest.mark.parametrize("plot", [servqual.plot_item_gaps, servqual.plot_dimension_gaps,
                                  servqual.plot_radar])
def test_plots_reject_other_objects(plot):
    with pytest.raises(TypeError, match="result: expected the ServqualResult"):
        plot({"gap": -1})


def test_plots_use_given_axes(three_guests):
    from crmlib import plotting

    fig, ax = plotting.new_figure()
    assert servqual.plot_dimension_gaps(score(*three_guests), ax=ax) is ax
    assert servqual.plot_gaps_model(ax=ax) is ax
    plotting.close(fig)


# --- the widget -------------------------------------------------------------------------------

def _printed(panel) -> str:
    return "".join(o["text"] for o in panel.output.outputs if o["output_type"] == "stream")


def test_weights_widget_moves_score_and_ranking(three_guests):
    import ipywidgets

    from crmlib import plotting

    figures_before = plotting.plt.get_fignums()
    panel = servqual.weights_widget(*three_guests)
    assert isinstance(panel, ipywidgets.Widget)
    assert set(panel.sliders) == set(DIMS)
    assert all(s.value == 20 for s in panel.sliders.values())
    # equal points: weighted = unweighted = -7/15 = -0.47; reliability (-1) first
    assert _printed(panel).splitlines()[0] == ("Weighted score -0.47 (unweighted -0.47); first "
                                               "priority: reliability")
    assert any("image/png" in o.get("data", {}) for o in panel.output.outputs)
    # responsiveness 100, others 20: points 100/180 and 20/180 each; responsiveness
    # (100/180) × (-2/3) = -0.370 beats reliability (20/180) × (-1) = -0.111
    panel.sliders["responsiveness"].value = 100
    first = _printed(panel).splitlines()[0]
    assert first.endswith("first priority: responsiveness")
    expected = (-2 / 3 * 100 + (-1 - 1 / 3 - 1 / 3) * 20) / 180
    assert f"Weighted score {expected:+.2f}" in first
    assert len(panel.output.outputs) == 2
    assert plotting.plt.get_fignums() == figures_before


def test_weights_widget_all_zero_and_start_points(three_guests):
    W = pd.DataFrame({"tangibles": [20, 50, 0], "reliability": [20, 10, 0],
                      "responsiveness": [20, 20, 100], "assurance": [20, 10, 0],
                      "empathy": [20, 10, 0]}, index=["A", "B", "C"])
    panel = servqual.weights_widget(*three_guests, weights=W)
    assert [panel.sliders[d].value for d in DIMS] == [23, 10, 47, 10, 10]  # rounded means
    for slider in panel.sliders.values():
        slider.value = 0
    assert _printed(panel) == "Give at least one dimension some points.\n"
    with pytest.raises(ValueError, match="weights"):
        servqual.weights_widget(*three_guests, weights={"tangibles": 100})


def test_import_is_light():
    import subprocess
    import sys

    code = ("import sys, crmlib; crmlib.servqual.score; crmlib.complaints.complaint_iceberg(1); "
            "crmlib.service.characteristics(); "
            "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
