"""The Kano model (卡诺模型): classify product and service features by how their presence and
absence move customer satisfaction.

Each respondent answers two questions per feature on a five-point scale: a *functional* one
("how do you feel if the app has this feature?") and a *dysfunctional* one ("... if it does not?").
The pair of answers, looked up in the evaluation table of Berger et al. (1993), gives one of six
categories:

======  ==================  ======  ==============================================================
letter  category            中文     what it means
======  ==================  ======  ==============================================================
``A``   attractive          迷人     delights when present, no harm when absent
``O``   one-dimensional     期望     the better it is done, the more satisfied ("more is better")
``M``   must-be             当然     taken for granted: absence angers, presence goes unnoticed
``I``   indifferent         无关     the customer does not care either way
``R``   reverse             反向     the customer would rather not have it
``Q``   questionable        可疑     contradictory answers (e.g. likes it present *and* absent)
======  ==================  ======  ==============================================================

The pipeline of a Kano study is questionnaire → evaluation table (:func:`classify`) → counts
per feature → category → Better/Worse coefficients (:func:`summarize`) → the Better-Worse
diagram (:func:`plot_better_worse`).

>>> classify(1, 5)                      # like it present, dislike it absent
'O'
>>> classify(["喜欢", "理所当然"], ["能忍受", "不喜欢"]).tolist()
['A', 'M']

References
----------
Kano, N., Seraku, N., Takahashi, F. & Tsuji, S. (1984). Attractive quality and must-be quality.
*Hinshitsu (Journal of the Japanese Society for Quality Control)*, 14(2), 39-48.
Berger, C., Blauth, R., Boger, D., Bolster, C., Burchill, G., DuMouchel, W., Pouliot, F.,
Richter, R., Rubinoff, A., Shen, D., Timko, M. & Walden, D. (1993). Kano's methods for
understanding customer-defined quality. *Center for Quality of Management Journal*, 2(4), 3-36.
Lee, M. C. & Newcomb, J. F. (1997). Applying the Kano methodology to meet customer requirements:
NASA's microgravity science program. *Quality Management Journal*, 4(3), 95-106.
Matzler, K. & Hinterhuber, H. H. (1998). How to make product development projects more
successful by integrating Kano's model of customer satisfaction into quality function
deployment. *Technovation*, 18(1), 25-38.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = [
    "ANSWERS", "CATEGORIES", "CATEGORY_NAMES", "EVALUATION_TABLE", "answer_scale", "categories",
    "evaluation_table", "answer_codes", "classify", "split_survey", "summarize",
    "plot_kano_diagram", "plot_category_shares", "plot_better_worse", "classify_widget",
    "quality_views", "recognition_views", "plot_recognition_views",
]

#: The five answers of the Kano scale, in the order of their codes 1-5.
ANSWERS = ("like", "must-be", "neutral", "live-with", "dislike")

#: The six categories, in the order of the count columns of :func:`summarize`.
CATEGORIES = ("A", "O", "M", "I", "R", "Q")

#: Category letter -> English name.
CATEGORY_NAMES = {"A": "attractive", "O": "one-dimensional", "M": "must-be",
                  "I": "indifferent", "R": "reverse", "Q": "questionable"}

# Berger et al. (1993, p. 9): rows are the functional answer, columns the dysfunctional answer,
# both in the order like, must-be, neutral, live-with, dislike.
_TABLE_ROWS = ("QAAAO",
               "RIIIM",
               "RIIIM",
               "RIIIM",
               "RRRRQ")

#: The Kano evaluation table of Berger et al. (1993): functional answer (rows) x dysfunctional
#: answer (columns) -> category letter.
EVALUATION_TABLE = pd.DataFrame([list(row) for row in _TABLE_ROWS],
                                index=pd.Index(ANSWERS, name="functional"),
                                columns=pd.Index(ANSWERS, name="dysfunctional"))

# the same table as a flat lookup: cell (f - 1) * 5 + (d - 1) -> category code 0..5 (A..Q)
_CELL_TO_CATEGORY = np.array([CATEGORIES.index(c) for row in _TABLE_ROWS for c in row],
                             dtype=np.int8)
_LETTERS = np.array(list(CATEGORIES) + [None], dtype=object)  # index -1 -> None (missing)

# Accepted labels, compared after _normalise (lower case, no spaces or punctuation). Chinese in
# simplified and traditional characters; the first entry of each list is the canonical label.
_LABELS: dict[int, tuple[str, ...]] = {
    1: ("like", "i like it", "i like it that way", "like it", "i like", "喜欢", "我喜欢", "很喜欢",
        "非常喜欢", "我很喜欢", "喜欢这样", "我喜欢这样", "喜歡", "我喜歡", "很喜歡", "非常喜歡"),
    2: ("must-be", "must be", "it must be that way", "must be that way", "i expect it",
        "expect it", "expected", "i expect it that way", "must", "理所当然", "理应如此", "应该这样",
        "应该的", "必须这样", "必须的", "本应如此", "它必须这样", "必须具备", "理所當然", "理應如此",
        "應該這樣", "應該的", "必須這樣", "必須的"),
    3: ("neutral", "i am neutral", "i'm neutral", "i don't care", "i do not care", "indifferent",
        "no feeling", "无所谓", "我无所谓", "中立", "没感觉", "不在乎", "都可以", "無所謂", "我無所謂",
        "沒感覺"),
    4: ("live-with", "live with", "i can live with it", "can live with it", "i can tolerate it",
        "tolerate", "tolerate it", "能忍受", "可以忍受", "我能忍受", "我可以忍受", "勉强接受",
        "能接受", "可以接受", "忍受", "勉強接受"),
    5: ("dislike", "i dislike it", "i dislike it that way", "dislike it", "i don't like it",
        "i do not like it", "不喜欢", "我不喜欢", "很不喜欢", "非常不喜欢", "讨厌", "不能接受",
        "不喜歡", "我不喜歡", "很不喜歡", "討厭"),
}


def _normalise(text: str) -> str:
    """Lower case, full-width to half-width, without spaces, hyphens or punctuation."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s\-_'’.,;:!?。，、！？；：\"“”()（）]+", "", text)


_LOOKUP: dict[str, int] = {_normalise(label): code for code, labels in _LABELS.items()
                           for label in labels}
_LOOKUP.update({str(code): code for code in range(1, 6)})

_SCALE_HINT = ("expected an answer code 1-5 (1 = like, 2 = must-be, 3 = neutral, 4 = live-with, "
               "5 = dislike), an English label ('like', 'must-be', 'neutral', 'live-with', "
               "'dislike') or a Chinese one (喜欢, 理所当然, 无所谓, 能忍受, 不喜欢)")


# ---------------------------------------------------------------------------------------------
# Teaching tables
# ---------------------------------------------------------------------------------------------

def answer_scale() -> pd.DataFrame:
    """The five-point answer scale of the Kano questionnaire: code, English and Chinese label,
    and a few of the other wordings :func:`answer_codes` accepts.

    >>> answer_scale().loc[2, ["answer", "chinese"]].tolist()
    ['must-be', '理所当然']
    """
    chinese = {1: "喜欢", 2: "理所当然", 3: "无所谓", 4: "能忍受", 5: "不喜欢"}
    meaning = {1: "I like it that way", 2: "it must be that way (I expect it)",
               3: "I am neutral", 4: "I can live with it", 5: "I dislike it that way"}
    rows = []
    for code in range(1, 6):
        english = [label for label in _LABELS[code][1:] if label.isascii()][:2]
        other = [label for label in _LABELS[code] if not label.isascii()
                 and label != chinese[code]][:2]
        rows.append((code, ANSWERS[code - 1], chinese[code], meaning[code],
                     ", ".join(english + other)))
    return pd.DataFrame(rows, columns=["code", "answer", "chinese", "meaning", "also_accepted"]
                        ).set_index("code")


def categories() -> pd.DataFrame:
    """The six Kano categories as a teaching table: name, Chinese term, what the customer feels
    when the feature is present and absent, and what a firm does about it.

    >>> categories().loc["M", ["name", "chinese"]].tolist()
    ['must-be', '当然质量']
    """
    rows = [
        ("A", "attractive", "迷人质量", "delighted", "not dissatisfied",
         "a source of differentiation: add where affordable, before rivals do"),
        ("O", "one-dimensional", "期望质量", "satisfied", "dissatisfied",
         "compete on it: more is better, measure performance against rivals"),
        ("M", "must-be", "当然质量", "not more satisfied", "very dissatisfied",
         "get it right first: it is the price of entry, not a selling point"),
        ("I", "indifferent", "无关质量", "no effect", "no effect",
         "do not spend on it (unless a segment cares)"),
        ("R", "reverse", "反向质量", "dissatisfied", "satisfied",
         "leave it out, or make it optional"),
        ("Q", "questionable", "可疑结果", "contradictory", "contradictory",
         "check the question's wording; many Q answers mean a badly worded question"),
    ]
    return pd.DataFrame(rows, columns=["category", "name", "chinese", "if_present", "if_absent",
                                       "what_to_do"]).set_index("category")


def evaluation_table() -> pd.DataFrame:
    """The Kano evaluation table of Berger et al. (1993): the functional answer (rows) crossed
    with the dysfunctional answer (columns) gives the category letter.

    =============  ======  =======  =======  =========  =======
    functional \\   like    must-be  neutral  live-with  dislike
    =============  ======  =======  =======  =========  =======
    like           Q       A        A        A          O
    must-be        R       I        I        I          M
    neutral        R       I        I        I          M
    live-with      R       I        I        I          M
    dislike        R       R        R        R          Q
    =============  ======  =======  =======  =========  =======

    Source: Berger et al. (1993), *Kano's methods for understanding customer-defined quality*,
    Center for Quality of Management Journal 2(4), the evaluation table; the same table is in
    Matzler & Hinterhuber (1998, fig. 5). Returns a copy of :data:`EVALUATION_TABLE`.

    >>> evaluation_table().loc["like", "dislike"]
    'O'
    >>> evaluation_table().loc["neutral", "dislike"]
    'M'
    """
    return EVALUATION_TABLE.copy()


# ---------------------------------------------------------------------------------------------
# Answers -> codes -> categories
# ---------------------------------------------------------------------------------------------

def _where(flat_positions: np.ndarray, shape: tuple[int, ...], index: pd.Index | None,
           columns: pd.Index | None) -> list[str]:
    """Readable positions: 'respondent 'R01', feature 'speed'' for tables, labels for Series."""
    out = []
    for pos in flat_positions:
        if len(shape) == 2:
            row, col = divmod(int(pos), shape[1])
            who = f"respondent {v.label(index[row])}" if index is not None else f"row {row}"
            what = f"feature {v.label(columns[col])}" if columns is not None else f"column {col}"
            out.append(f"{who}, {what}")
        elif len(shape) == 1:
            out.append(f"label {v.label(index[int(pos)])}" if index is not None else f"position {int(pos)}")
        else:
            out.append("the single answer")
    return out


def _show(value: Any) -> str:
    """A value as the student typed it: 7 rather than np.float64(7.0), 'x' with quotes."""
    if isinstance(value, (Real, np.number)) and not isinstance(value, (bool, np.bool_)):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return repr(value)


def _raise_bad(name: str, values: np.ndarray, bad: np.ndarray, shape: tuple[int, ...],
               index: pd.Index | None, columns: pd.Index | None) -> None:
    positions = np.flatnonzero(bad)
    shown = positions[:3]
    places = _where(shown, shape, index, columns)
    listed = "; ".join(f"{_show(values[p])} at {place}" for p, place in zip(shown, places))
    more = f" (and {positions.size - shown.size} more)" if positions.size > shown.size else ""
    raise ValueError(f"{name}: answer(s) not on the Kano scale: {listed}{more}; {_SCALE_HINT}")


def _frame_parts(values: Any) -> tuple[np.ndarray, tuple[int, ...], pd.Index | None,
                                       pd.Index | None]:
    """The raw answers as a NumPy array plus the labels to report positions with."""
    if isinstance(values, pd.DataFrame):
        arrays = []
        for col in values.columns:
            s = values[col]
            if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
                arrays.append(s.to_numpy(dtype="float64", na_value=np.nan))
            else:
                arrays.append(s.to_numpy(dtype=object, na_value=None))
        if not arrays:
            return np.empty((len(values), 0)), (len(values), 0), values.index, values.columns
        kinds = {a.dtype.kind for a in arrays}
        arr = np.column_stack(arrays) if len(kinds) == 1 else \
            np.column_stack([a.astype(object) for a in arrays])
        return arr, arr.shape, values.index, values.columns
    if isinstance(values, pd.Series):
        if pd.api.types.is_numeric_dtype(values.dtype) and \
                not pd.api.types.is_bool_dtype(values.dtype):
            arr = values.to_numpy(dtype="float64", na_value=np.nan)
        else:
            arr = values.to_numpy(dtype=object, na_value=None)
        return arr, arr.shape, values.index, None
    if isinstance(values, (Mapping, set)):
        raise TypeError(f"expected answers as a value, list, array, Series or DataFrame, got "
                        f"{type(values).__name__}")
    arr = np.asarray(values) if not isinstance(values, str) else np.asarray(values, dtype=object)
    if arr.dtype.kind in "US":
        arr = arr.astype(object)
    if arr.ndim > 2:
        raise ValueError(f"expected at most two dimensions (respondents x features), got an "
                         f"array of shape {arr.shape}")
    return arr, arr.shape, None, None


def _codes_from_array(arr: np.ndarray, name: str, shape, index, columns) -> np.ndarray:
    """int8 codes 0-4 (answer 1-5 minus one), -1 for a missing answer."""
    if arr.dtype.kind == "b":
        raise TypeError(f"{name}: got True/False values; {_SCALE_HINT}")
    if arr.dtype.kind in "iuf":
        flat = arr.astype("float64", copy=False).ravel()
        missing = np.isnan(flat)
        valid = (flat >= 1) & (flat <= 5) & (flat == np.floor(flat))
        bad = ~(valid | missing)
        if bad.any():
            _raise_bad(name, flat, bad, shape, index, columns)
        codes = np.where(valid, flat - 1, -1).astype(np.int8)
        return codes.reshape(shape)
    # text or mixed: classify each distinct value once, then index (fast for a million answers)
    flat = arr.ravel()
    keys, uniques = pd.factorize(flat, use_na_sentinel=True)
    table = np.empty(len(uniques), dtype=np.int8)
    bad_unique = np.zeros(len(uniques), dtype=bool)
    for i, value in enumerate(uniques):
        table[i], bad_unique[i] = _code_of(value)
    if bad_unique.any():
        bad = bad_unique[keys] & (keys >= 0)
        _raise_bad(name, flat, bad, shape, index, columns)
    if table.size == 0:  # every answer missing
        return np.full(shape, -1, dtype=np.int8)
    codes = np.where(keys >= 0, table[np.maximum(keys, 0)], -1).astype(np.int8)
    return codes.reshape(shape)


def _code_of(value: Any) -> tuple[int, bool]:
    """(code 0-4 or -1 for missing, is_bad) for one distinct answer."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return -1, False
    if isinstance(value, (bool, np.bool_)):
        return -1, True
    if isinstance(value, (Real, np.number)):
        number = float(value)
        if np.isnan(number):
            return -1, False
        if number in (1.0, 2.0, 3.0, 4.0, 5.0):
            return int(number) - 1, False
        return -1, True
    if isinstance(value, str):
        key = _normalise(value)
        if key == "":
            return -1, False  # a blank cell of a survey export: no answer
        if key in _LOOKUP:
            return _LOOKUP[key] - 1, False
        try:
            number = float(key)
        except ValueError:
            return -1, True
        return (int(number) - 1, False) if number in (1.0, 2.0, 3.0, 4.0, 5.0) else (-1, True)
    return -1, True


def _integer_frame_codes(values: pd.DataFrame) -> np.ndarray | None:
    """Fast path for the common survey table, integer codes 1-5 in every column: int8 codes
    0-4 converted column by column (pieces that stay in the CPU cache, no float copy of the
    whole table). None when a column is not a NumPy integer column or holds a value off the
    scale: the general path then converts it and explains the error."""
    if values.shape[1] == 0 or not values.columns.is_unique or not all(
            isinstance(t, np.dtype) and t.kind in "iu" for t in values.dtypes):
        return None
    out = np.empty(values.shape, dtype=np.int8, order="F")  # one contiguous column per feature
    for j in range(values.shape[1]):
        column = values.iloc[:, j].to_numpy()
        if ((column < 1) | (column > 5)).any():
            return None
        np.subtract(column, 1, out=out[:, j], casting="unsafe")
    return out


def _codes(values: Any, name: str) -> tuple[np.ndarray, pd.Index | None, pd.Index | None]:
    if isinstance(values, pd.DataFrame) and not values.columns.is_unique:
        repeated = sorted(set(values.columns[values.columns.duplicated()].astype(str)))
        raise ValueError(f"{name}: feature column(s) {repeated} appear more than once; give each "
                         "feature one column")
    if isinstance(values, pd.DataFrame):
        fast = _integer_frame_codes(values)
        if fast is not None:
            return fast, values.index, values.columns
    try:
        arr, shape, index, columns = _frame_parts(values)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{name}: {exc}") from None
    return _codes_from_array(arr, name, shape, index, columns), index, columns


def answer_codes(answers: Any, name: str = "answers") -> Any:
    """Turn Kano answers into their codes 1-5 (``<NA>``/NaN where an answer is missing).

    Accepts the codes themselves (1-5, as numbers or text), the English labels ('like',
    'must-be', 'neutral', 'live-with', 'dislike' and common wordings such as 'I can live with
    it'), and Chinese labels in simplified or traditional characters (喜欢, 理所当然, 无所谓,
    能忍受, 不喜欢 and close variants, see :func:`answer_scale`). Case, spaces, hyphens and
    punctuation do not matter. An empty string or None is a missing answer.

    Parameters
    ----------
    answers : a single answer, list, array, Series or DataFrame
    name : str
        How error messages call the argument.

    Returns
    -------
    int for one answer (None if missing); a nullable ``Int64`` Series/DataFrame for pandas input;
    a float array (NaN for missing) otherwise.

    Raises
    ------
    ValueError
        An answer that is not on the scale, with its value and position.

    Examples
    --------
    >>> answer_codes(["I like it", "能忍受", "Must-be", 5]).tolist()
    [1.0, 4.0, 2.0, 5.0]
    >>> answer_codes("我不喜欢")
    5
    """
    codes, index, columns = _codes(answers, name)
    out = np.asarray(codes.astype("float64") + 1)
    out[codes < 0] = np.nan
    if isinstance(answers, pd.DataFrame):
        return pd.DataFrame(out, index=index, columns=columns).astype("Int64")
    if isinstance(answers, pd.Series):
        return pd.Series(out, index=index, name=answers.name).astype("Int64")
    if out.ndim == 0:
        return None if np.isnan(out) else int(out)
    return out


def _paired_codes(functional: Any, dysfunctional: Any):
    f_codes, f_index, f_cols = _codes(functional, "functional")
    d_codes, d_index, d_cols = _codes(dysfunctional, "dysfunctional")
    if f_codes.shape != d_codes.shape:
        raise ValueError(f"functional and dysfunctional must have the same shape (one answer "
                         f"pair per respondent and feature), got {f_codes.shape} and "
                         f"{d_codes.shape}")
    if f_index is not None and d_index is not None and not f_index.equals(d_index):
        raise ValueError("functional and dysfunctional have different row labels "
                         "(respondents); pairing them by position would mix up respondents. "
                         "Take both from the same survey table")
    if f_cols is not None and d_cols is not None and not f_cols.equals(d_cols):
        raise ValueError(f"functional and dysfunctional have different columns "
                         f"({list(f_cols)[:4]} vs {list(d_cols)[:4]}); give both the feature "
                         "names as columns, e.g. with kano.split_survey(...)")
    index = f_index if f_index is not None else d_index
    columns = f_cols if f_cols is not None else d_cols
    return f_codes, d_codes, index, columns


def _category_codes(f_codes: np.ndarray, d_codes: np.ndarray) -> np.ndarray:
    """Category codes 0-5 (A, O, M, I, R, Q), -1 where either answer is missing."""
    cell = f_codes.astype(np.int16) * 5 + d_codes
    cats = _CELL_TO_CATEGORY[np.clip(cell, 0, 24)]
    return np.where((f_codes < 0) | (d_codes < 0), -1, cats).astype(np.int8)


def classify(functional: Any, dysfunctional: Any) -> Any:
    """Classify answer pairs with the Kano evaluation table (Berger et al., 1993).

    Parameters
    ----------
    functional, dysfunctional : answer(s)
        The answers to the functional question ("if the product *has* the feature, how do you
        feel?") and to the dysfunctional question ("if it does *not* have it?"), of the same
        shape: single answers, lists, arrays, Series (one feature, one answer per respondent)
        or DataFrames (respondents x features, with the same row labels and columns). Each
        answer is a code 1-5 in the order like, must-be, neutral, live-with, dislike, or an
        English or Chinese label (see :func:`answer_codes`).

    Returns
    -------
    The category letter(s) 'A', 'O', 'M', 'I', 'R' or 'Q': a str for one pair (None if an
    answer is missing); a categorical Series/DataFrame with the input's labels for pandas input
    (missing where an answer is missing); an object array otherwise.

    Raises
    ------
    ValueError
        An answer outside the scale (the message shows the value and where it is), shapes or
        labels that do not match.
    TypeError
        Answers of a type that cannot be an answer (True/False, a dict).

    Notes
    -----
    The lookup is vectorised: the pair (f, d) indexes a flat copy of the evaluation table at
    ``(f - 1) * 5 + (d - 1)``, so a million answer pairs take a few milliseconds as codes and
    well under a second as text labels.

    Examples
    --------
    >>> classify(2, 5)                                 # expected, and missed when absent
    'M'
    >>> classify([1, 1, 3, 5], [4, 1, 3, 1]).tolist()
    ['A', 'Q', 'I', 'R']
    >>> classify("I like it", "I can live with it")
    'A'
    >>> out = classify(pd.Series([1, None], index=["R1", "R2"]), pd.Series([5, 5], index=["R1", "R2"]))
    >>> out.index.tolist(), out.tolist()
    (['R1', 'R2'], ['O', nan])
    """
    f_codes, d_codes, index, columns = _paired_codes(functional, dysfunctional)
    cats = _category_codes(f_codes, d_codes)
    pandas_in = isinstance(functional, (pd.Series, pd.DataFrame)) or \
        isinstance(dysfunctional, (pd.Series, pd.DataFrame))
    if cats.ndim == 0:
        return _LETTERS[int(cats)]
    if pandas_in and cats.ndim == 2:
        return pd.DataFrame({col: pd.Categorical.from_codes(cats[:, j], categories=CATEGORIES)
                             for j, col in enumerate(columns if columns is not None
                                                     else range(cats.shape[1]))},
                            index=index)
    if pandas_in:
        name = getattr(functional, "name", None)
        return pd.Series(pd.Categorical.from_codes(cats, categories=CATEGORIES), index=index,
                         name=name)
    return _LETTERS[cats]


def split_survey(survey: pd.DataFrame, functional_suffix: str = "_func",
                 dysfunctional_suffix: str = "_dys") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a survey table with one functional and one dysfunctional column per feature
    (``speed_func``, ``speed_dys``, ...) into two tables with the feature names as columns, ready
    for :func:`classify` and :func:`summarize`. Other columns (respondent id, segment) are left
    out. Features keep the order of their functional columns.

    >>> s = pd.DataFrame({"id": [1, 2], "x_func": [1, 2], "x_dys": [5, 5]})
    >>> f, d = split_survey(s)
    >>> list(f.columns), d["x"].tolist()
    (['x'], [5, 5])
    """
    if not isinstance(survey, pd.DataFrame):
        raise TypeError(f"survey: expected a DataFrame, got {type(survey).__name__}")
    for label, suffix in (("functional_suffix", functional_suffix),
                          ("dysfunctional_suffix", dysfunctional_suffix)):
        if not isinstance(suffix, str) or not suffix:
            raise ValueError(f"{label}: expected a non-empty text suffix, got {suffix!r}")
    names = [str(c) for c in survey.columns]
    features = [c[: -len(functional_suffix)] for c in names if c.endswith(functional_suffix)]
    if not features:
        raise ValueError(f"survey: no column ends with {functional_suffix!r}; its columns are "
                         f"{names[:8]}")
    unpaired = [f for f in features if f + dysfunctional_suffix not in names]
    if unpaired:
        raise ValueError(f"survey: feature(s) {unpaired} have a functional column but no "
                         f"{dysfunctional_suffix!r} column")
    functional = survey[[f + functional_suffix for f in features]].copy()
    dysfunctional = survey[[f + dysfunctional_suffix for f in features]].copy()
    functional.columns = dysfunctional.columns = pd.Index(features, name="feature")
    return functional, dysfunctional


# ---------------------------------------------------------------------------------------------
# Counts, category, Better / Worse
# ---------------------------------------------------------------------------------------------

def _priority_order(priority: Any) -> np.ndarray:
    """Rank of each category 0-5 for tie-breaking: listed letters first, then A, O, M, I, R, Q."""
    if isinstance(priority, str):
        letters = list(priority)
    elif isinstance(priority, Sequence):
        letters = list(priority)
    else:
        raise TypeError(f"priority: expected a sequence of category letters such as "
                        f"('M', 'O', 'A', 'I'), got {type(priority).__name__}")
    clean = []
    for letter in letters:
        if not isinstance(letter, str) or letter.strip().upper() not in CATEGORIES:
            raise ValueError(f"priority: {letter!r} is not a Kano category; use letters from "
                             f"{list(CATEGORIES)}")
        clean.append(letter.strip().upper())
    if not clean:
        raise ValueError("priority: give at least one category letter, e.g. ('M', 'O', 'A', 'I')")
    if len(set(clean)) != len(clean):
        raise ValueError(f"priority: a letter appears twice in {clean}")
    order = clean + [c for c in CATEGORIES if c not in clean]
    rank = np.empty(len(CATEGORIES), dtype=np.int8)
    for position, letter in enumerate(order):
        rank[CATEGORIES.index(letter)] = position
    return rank


def summarize(functional: pd.DataFrame, dysfunctional: pd.DataFrame, tie_margin: float = 0.0,
              priority: Sequence[str] = ("M", "O", "A", "I")) -> pd.DataFrame:
    """One row per feature: the category counts, the category, its strength, and the Better and
    Worse coefficients.

    Parameters
    ----------
    functional, dysfunctional : DataFrame
        Respondents (rows) x features (columns), the same labels in both; answers as codes or
        labels (see :func:`classify`). A Series is taken as one feature.
    tie_margin : float, default 0.0
        The category is the most frequent one. Categories whose share comes within
        ``tie_margin`` (a fraction of the respondents who answered) of the top share are treated
        as tied, and the tie is resolved by ``priority``. With 0, only exact ties are. A common
        choice is 0.05 or 0.06 (a category strength under 6 % is usually called weak, citing
        Lee & Newcomb, 1997; the course has not checked the original).
    priority : sequence of letters, default ('M', 'O', 'A', 'I')
        The order in which tied categories win: must-be before one-dimensional before
        attractive before indifferent, the rule "M > O > A > I" of Berger et al. (1993) and
        Matzler & Hinterhuber (1998) (fix what angers customers first). Letters not listed
        follow in the order A, O, M, I, R, Q.

    Returns
    -------
    DataFrame indexed by feature with columns

    - ``A``, ``O``, ``M``, ``I``, ``R``, ``Q``: counts of respondents in each category;
    - ``n_answered``: respondents with both answers (the counts add up to it), ``n_missing``:
      respondents with a missing answer, *left out* of the counts;
    - ``category``: the category letter (None if nobody answered);
    - ``category_strength``: top share minus second share (Lee & Newcomb, 1997);
    - ``total_strength``: share of A + O + M, the respondents for whom the feature matters;
    - ``better`` = (A + O) / (A + O + M + I), from 0 to 1: how much satisfaction the feature can
      add; ``worse`` = -(O + M) / (A + O + M + I), from -1 to 0: how much dissatisfaction its
      absence causes (Timko's customer satisfaction coefficients, in Berger et al., 1993).
      R and Q answers are not in the denominator; NaN when A + O + M + I = 0.

    Shares are fractions of ``n_answered``. ``summary.attrs["note"]`` says which answers were
    left out.

    Examples
    --------
    >>> f = pd.DataFrame({"x": [1, 1, 2, 3, 1], "y": [1, 3, 3, 3, None]})
    >>> d = pd.DataFrame({"x": [5, 3, 5, 5, 5], "y": [4, 3, 3, 3, 3]})
    >>> s = summarize(f, d)
    >>> s.loc["x", ["A", "O", "M", "I", "R", "Q", "category", "better", "worse"]].to_dict()
    {'A': 1, 'O': 2, 'M': 2, 'I': 0, 'R': 0, 'Q': 0, 'category': 'M', 'better': 0.6, 'worse': -0.8}
    >>> int(s.loc["y", "n_answered"]), s.loc["y", "category"]
    (4, 'I')
    >>> s.attrs["note"]
    "Missing answers were left out: 'y' 1 of 5 respondents."
    """
    tie_margin = v.share(tie_margin, "tie_margin")
    rank = _priority_order(priority)
    if isinstance(functional, pd.Series):
        functional = functional.to_frame(functional.name if functional.name is not None else 0)
    if isinstance(dysfunctional, pd.Series):
        dysfunctional = dysfunctional.to_frame(
            dysfunctional.name if dysfunctional.name is not None else 0)
    for name, table in (("functional", functional), ("dysfunctional", dysfunctional)):
        if not isinstance(table, pd.DataFrame):
            raise TypeError(f"{name}: expected a DataFrame of respondents x features, got "
                            f"{type(table).__name__}")
        if table.shape[0] == 0 or table.shape[1] == 0:
            raise ValueError(f"{name}: is empty (shape {table.shape}); give one row per "
                             "respondent and one column per feature")
    f_codes, d_codes, _, columns = _paired_codes(functional, dysfunctional)
    cats = _category_codes(f_codes, d_codes)
    n_rows, n_features = cats.shape
    # counts per feature: codes shifted by one so that a missing pair (-1) lands in bin 0,
    # which is dropped; one column at a time keeps the work in the CPU cache
    counts = np.array([np.bincount(cats[:, j].astype(np.intp) + 1, minlength=7)[1:]
                       for j in range(n_features)], dtype=np.int64).reshape(n_features, 6)
    n_answered = counts.sum(axis=1)

    with np.errstate(divide="ignore", invalid="ignore"):
        shares = counts / n_answered[:, None]
        aomi = counts[:, :4].sum(axis=1)
        better = (counts[:, 0] + counts[:, 1]) / aomi
        worse = -(counts[:, 1] + counts[:, 2]) / aomi
    top = counts.max(axis=1)
    # a small tolerance so that a share exactly at the margin counts as tied despite rounding
    tied = counts >= (top - tie_margin * n_answered - 1e-9)[:, None]
    ranked = np.where(tied, rank[None, :], 99)
    winner = ranked.argmin(axis=1)
    category = np.where(n_answered > 0, np.asarray(CATEGORIES, dtype=object)[winner], None)
    ordered = -np.sort(-shares, axis=1)
    strength = ordered[:, 0] - ordered[:, 1]
    total_strength = shares[:, :3].sum(axis=1)

    index = pd.Index(columns if columns is not None else range(n_features), name="feature")
    table = pd.DataFrame(counts, index=index, columns=list(CATEGORIES))
    table["n_answered"] = n_answered
    table["n_missing"] = n_rows - n_answered
    table["category"] = pd.Series(category, index=index, dtype=object)
    table["category_strength"] = strength
    table["total_strength"] = total_strength
    table["better"] = better
    table["worse"] = worse
    missing = table.loc[table["n_missing"] > 0, "n_missing"]
    if missing.empty:
        note = f"All {n_rows} respondents answered both questions for every feature."
    else:
        listed = ", ".join(f"{feature!r} {count} of {n_rows} respondents"
                           for feature, count in missing.items())
        note = f"Missing answers were left out: {listed}."
    table.attrs["note"] = note
    return table


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------

def _category_colors() -> dict[str, str]:
    from . import plotting
    c = plotting.COLORS
    return {"A": c["accent"], "O": c["good"], "M": c["bad"], "I": c["muted"], "R": c["neutral"],
            "Q": c["total"]}


def plot_kano_diagram(ax: Any = None, steepness: float = 2.5) -> Any:
    """Kano's diagram: customer satisfaction against how well a need is fulfilled, with the
    three curves of attractive, one-dimensional and must-be quality. Returns the Axes.

    The curves are schematic (no data): one-dimensional is the diagonal, attractive rises
    exponentially from neutral, must-be climbs exponentially towards neutral; ``steepness``
    sets how sharply they bend.

    >>> ax = plot_kano_diagram()
    >>> [line.get_label() for line in ax.get_lines()[:3]]
    ['Attractive (A)', 'One-dimensional (O)', 'Must-be (M)']
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    steepness = v.scalar(steepness, "steepness")
    if steepness <= 0:
        raise ValueError(f"steepness: must be above 0, got {steepness:g}")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 6.5))
    colors = _category_colors()
    x = np.linspace(-1, 1, 201)
    curves = [("Attractive (A)", np.exp(steepness * (x - 1)), colors["A"]),
              ("One-dimensional (O)", x, colors["O"]),
              ("Must-be (M)", -np.exp(-steepness * (x + 1)), colors["M"])]
    for label, y, color in curves:
        ax.plot(x, y, lw=3, color=color, label=label)
    ax.axhline(0, color=colors["I"], lw=2, ls="--", label="Indifferent (I)")
    ax.axvline(0, color="black", lw=1)
    ax.text(0.2, 0.42, "more is better", color=colors["O"], fontsize=11, ha="center")
    ax.text(0.78, 0.16, "delights\n(unexpected)", color=colors["A"], fontsize=11, ha="center")
    ax.text(-0.35, -0.86, "taken for granted:\nonly its absence is noticed", color=colors["M"],
            fontsize=11, ha="left")
    ax.text(0.98, -0.42, "Over time, attractive features\nbecome one-dimensional,\n"
            "then must-be (A → O → M)", ha="right", va="center", fontsize=10,
            color=colors["Q"], style="italic")
    _fulfilment_axes(ax, "Kano's model: three kinds of quality")
    return ax


def _fulfilment_axes(ax, title: str) -> None:
    # the same frame for the one- and the two-dimensional view, so the two panels compare
    ax.set(xlim=(-1.05, 1.05), ylim=(-1.05, 1.05), xticks=[-1, 1], yticks=[-1, 1],
           xticklabels=["need not\nfulfilled", "need fully\nfulfilled"],
           yticklabels=["very\ndissatisfied", "very\nsatisfied"], title=title)
    ax.set_xlabel("Degree of fulfilment")
    ax.set_ylabel("Customer satisfaction")
    ax.grid(False)
    ax.legend(loc="upper left")


def _check_summary(summary: Any, needed: Sequence[str]) -> pd.DataFrame:
    if not isinstance(summary, pd.DataFrame):
        raise TypeError(f"summary: expected the DataFrame returned by kano.summarize(), got "
                        f"{type(summary).__name__}")
    missing = [c for c in needed if c not in summary.columns]
    if missing:
        raise ValueError(f"summary: has no column(s) {missing}; pass the table returned by "
                         "kano.summarize()")
    if summary.empty:
        raise ValueError("summary: is empty; summarize at least one feature")
    return summary


def plot_category_shares(summary: pd.DataFrame, ax: Any = None) -> Any:
    """Stacked horizontal bars: for each feature, the share of respondents in each category
    (A, O, M, I, R, Q), with the feature's category in the label. Returns the Axes.

    >>> s = summarize(pd.DataFrame({"x": [1, 2]}), pd.DataFrame({"x": [5, 5]}))
    >>> ax = plot_category_shares(s)
    >>> len(ax.patches)
    6
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    summary = _check_summary(summary, list(CATEGORIES) + ["n_answered", "category"])
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 0.55 * len(summary) + 1.8))
    colors = _category_colors()
    shares = summary[list(CATEGORIES)].div(summary["n_answered"].replace(0, np.nan), axis=0)
    shares = shares.fillna(0.0).iloc[::-1]
    labels = [f"{feature}  [{cat}]" for feature, cat in
              zip(shares.index, summary["category"].iloc[::-1])]
    left = np.zeros(len(shares))
    for letter in CATEGORIES:
        width = shares[letter].to_numpy()
        ax.barh(labels, width, left=left, color=colors[letter], edgecolor="white",
                label=f"{letter} {CATEGORY_NAMES[letter]}")
        for y, (x0, w) in enumerate(zip(left, width)):
            if w >= 0.07:
                ax.text(x0 + w / 2, y, f"{w:.0%}", ha="center", va="center", fontsize=9,
                        color="white" if letter not in ("I",) else "black")
        left += width
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plotting.plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.set_xlabel("Share of respondents who answered")
    ax.set_title("Kano categories by feature")
    ax.grid(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=10)
    return ax


def _label_offsets(x: np.ndarray, y: np.ndarray, names: Sequence[Any]
                   ) -> list[tuple[int, int, str, str]]:
    """Greedy label placement on a 0-1 square: for each point try right/left x above/below and
    keep the spot whose (approximate) text box overlaps least with labels placed so far."""
    candidates = [(7, 4, "left", "bottom"), (7, -4, "left", "top"), (-7, 4, "right", "bottom"),
                  (-7, -4, "right", "top")]
    boxes: list[tuple[float, float, float, float]] = []
    chosen = []
    for xi, yi, name in zip(x, y, names):
        width, height = 0.0105 * len(str(name)), 0.03  # axes fractions at font size 10
        best, best_cost = candidates[0], None
        for dx, dy, ha, va in candidates:
            x0 = xi + 0.01 if ha == "left" else xi - 0.01 - width
            y0 = yi + 0.006 if va == "bottom" else yi - 0.006 - height
            box = (x0, y0, x0 + width, y0 + height)
            cost = sum(max(0.0, min(box[2], b[2]) - max(box[0], b[0]))
                       * max(0.0, min(box[3], b[3]) - max(box[1], b[1])) for b in boxes)
            cost += 1.0 * (box[0] < 0 or box[2] > 1 or box[1] < 0 or box[3] > 1)
            if best_cost is None or cost < best_cost - 1e-12:
                best, best_cost, best_box = (dx, dy, ha, va), cost, box
        boxes.append(best_box)
        chosen.append(best)
    return chosen


def plot_better_worse(summary: pd.DataFrame, better_cut: float = 0.5, worse_cut: float = 0.5,
                      ax: Any = None) -> Any:
    """The Better-Worse diagram: each feature at (|Worse|, Better), with quadrant labels.

    =======================  ===========================  ==========================
    \\                        \\|Worse\\| < ``worse_cut``    \\|Worse\\| >= ``worse_cut``
    =======================  ===========================  ==========================
    Better >= ``better_cut``  attractive (top left)        one-dimensional (top right)
    Better < ``better_cut``   indifferent (bottom left)    must-be (bottom right)
    =======================  ===========================  ==========================

    Points are coloured by each feature's category from :func:`summarize`; the cuts (default
    0.5, the middle of the scale) are a convention, some studies use the means instead.
    Returns the Axes.

    >>> s = summarize(pd.DataFrame({"x": [1, 1], "y": [2, 3]}), pd.DataFrame({"x": [5, 3], "y": [5, 5]}))
    >>> ax = plot_better_worse(s)
    >>> ax.get_xlabel()
    '|Worse|: dissatisfaction if absent'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting
    summary = _check_summary(summary, ["better", "worse", "category"])
    better_cut = v.share(better_cut, "better_cut")
    worse_cut = v.share(worse_cut, "worse_cut")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 7))
    colors = _category_colors()
    data = summary.dropna(subset=["better", "worse"])
    x, y = -data["worse"].to_numpy(float), data["better"].to_numpy(float)
    ax.axvline(worse_cut, color="black", lw=1)
    ax.axhline(better_cut, color="black", lw=1)
    corners = [("ATTRACTIVE", 0.02, 0.98, "left", "top", "A"),
               ("ONE-DIMENSIONAL", 0.98, 0.98, "right", "top", "O"),
               ("INDIFFERENT", 0.02, 0.02, "left", "bottom", "I"),
               ("MUST-BE", 0.98, 0.02, "right", "bottom", "M")]
    for text, cx, cy, ha, va, letter in corners:
        ax.text(cx, cy, text, transform=ax.transAxes, ha=ha, va=va, fontsize=12,
                fontweight="bold", color=colors[letter], alpha=0.75)
    seen = set()
    for xi, yi, cat in zip(x, y, data["category"]):
        label = f"{cat} {CATEGORY_NAMES.get(cat, '')}" if cat not in seen else None
        seen.add(cat)
        ax.scatter([xi], [yi], s=90, color=colors.get(cat, colors["Q"]), edgecolor="black",
                   lw=0.6, zorder=3, label=label)
    for (xi, yi, feature), (dx, dy, ha, va) in zip(zip(x, y, data.index),
                                                    _label_offsets(x, y, data.index)):
        ax.annotate(str(feature), (xi, yi), xytext=(dx, dy), textcoords="offset points",
                    fontsize=10, ha=ha, va=va)
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="|Worse|: dissatisfaction if absent",
           ylabel="Better: satisfaction if present", title="Better-Worse diagram")
    ax.legend(title="category (most frequent)", loc="upper center", bbox_to_anchor=(0.5, -0.1),
              ncol=3, fontsize=10)
    return ax


# ---------------------------------------------------------------------------------------------
# What "quality" means, and Kano's two-dimensional view of it
# ---------------------------------------------------------------------------------------------

def quality_views() -> pd.DataFrame:
    """The four angles from which product quality is defined (产品质量定义的四个方面), as Chinese
    CRM textbooks list them before the Kano model, with what each angle measures.

    >>> quality_views()["chinese"].tolist()
    ['顾客角度：主观质量', '生产厂家角度：客观质量', '二者结合', '其他角度']
    """
    rows = [
        ("customer", "顾客角度：主观质量", "subjective quality: how well the product meets the "
         "customer's needs, as the customer feels it", "satisfaction surveys; the Kano model"),
        ("maker", "生产厂家角度：客观质量", "objective quality: conformance to specifications, "
         "measured by the firm", "defect rates, delivery times, inspection"),
        ("both", "二者结合", "objective performance *and* the customer's response to it: the "
         "two axes of the Kano diagram", "the Kano model (fulfilment x satisfaction)"),
        ("other", "其他角度", "other definitions, e.g. value for money or fitness for use",
         "Gale's value map (quality against price)"),
    ]
    return pd.DataFrame(rows, columns=["angle", "chinese", "meaning", "measured_by"]
                        ).set_index("angle")


def recognition_views() -> pd.DataFrame:
    """One-dimensional against two-dimensional recognition of quality (一维认知 / 二维认知):
    what each assumes and what it can and cannot see.

    >>> recognition_views().index.tolist()
    ['one-dimensional', 'two-dimensional (Kano)']
    """
    rows = [
        ("one-dimensional", "一维认知",
         "satisfaction and dissatisfaction are the two ends of one scale: meet a need and "
         "customers are satisfied, fail it and they are dissatisfied, in proportion",
         "one number per feature (its importance); every feature behaves like O"),
        ("two-dimensional (Kano)", "二维认知",
         "two axes: how fully the need is fulfilled (objective) and how the customer feels "
         "(subjective); the relation between them differs from feature to feature",
         "two numbers per feature (Better, Worse): must-be, one-dimensional, attractive, "
         "indifferent and reverse quality are told apart"),
    ]
    return pd.DataFrame(rows, columns=["view", "chinese", "assumes", "sees"]).set_index("view")


def plot_recognition_views(steepness: float = 2.5) -> Any:
    """Two panels: the one-dimensional view of quality (one straight line for every feature)
    beside Kano's two-dimensional view (:func:`plot_kano_diagram`). Returns the two Axes.

    >>> axes = plot_recognition_views()
    >>> [ax.get_title() for ax in axes]
    ['One-dimensional view: one scale', 'Two-dimensional view: Kano']
    >>> from crmlib import plotting; plotting.close(axes[0].figure)
    """
    from . import plotting
    fig, axes = plotting.new_figure(1, 2, figsize=(14, 6.2))
    left, right = axes
    colors = _category_colors()
    x = np.linspace(-1, 1, 201)
    left.plot(x, x, lw=3, color=colors["O"], label="every feature")
    left.axhline(0, color=colors["I"], lw=1, ls="--")
    left.axvline(0, color="black", lw=1)
    left.text(0.5, 0.2, "need met:\nsatisfied", ha="center", fontsize=11, color=colors["O"])
    left.text(-0.5, -0.45, "need not met:\ndissatisfied", ha="center", fontsize=11,
              color=colors["O"])
    _fulfilment_axes(left, "One-dimensional view: one scale")
    plot_kano_diagram(ax=right, steepness=steepness)
    right.set_title("Two-dimensional view: Kano")
    fig.tight_layout()
    return axes


# ---------------------------------------------------------------------------------------------
# Widget
# ---------------------------------------------------------------------------------------------

def _table_html(functional: int, dysfunctional: int) -> str:
    """The evaluation table as HTML with the looked-up cell highlighted (codes 1-5)."""
    head = "".join(f"<th style='padding:4px 8px'>{a}</th>" for a in ANSWERS)
    rows = []
    for i, answer in enumerate(ANSWERS, start=1):
        cells = []
        for j in range(1, 6):
            letter = _TABLE_ROWS[i - 1][j - 1]
            on = (i, j) == (functional, dysfunctional)
            style = ("background:#e7298a;color:white;font-weight:bold;" if on else "")
            cells.append(f"<td style='text-align:center;padding:4px 8px;{style}'>{letter}</td>")
        rows.append(f"<tr><th style='text-align:right;padding:4px 8px'>{answer}</th>"
                    f"{''.join(cells)}</tr>")
    return ("<table style='border-collapse:collapse'><tr><th style='padding:4px 8px'>"
            "functional \\ dysfunctional</th>" + head + "</tr>" + "".join(rows) + "</table>")


def classify_widget(functional: Any = "like", dysfunctional: Any = "live-with") -> Any:
    """Classify one respondent's answer pair live: pick the two answers, see the category and
    the cell of the evaluation table it comes from.

    Parameters
    ----------
    functional, dysfunctional : answer, default 'like' and 'live-with'
        The starting answers (code or label).

    Returns
    -------
    ipywidgets.VBox
        The panel; ``panel.functional`` and ``panel.dysfunctional`` are the two answer pickers
        (values are codes 1-5) and ``panel.result`` is the HTML showing the category.

    Examples
    --------
    >>> panel = classify_widget()
    >>> "attractive" in panel.result.value
    True
    >>> panel.dysfunctional.value = 5
    >>> "one-dimensional" in panel.result.value
    True
    """
    import ipywidgets as widgets

    start_f = answer_codes(functional, "functional")
    start_d = answer_codes(dysfunctional, "dysfunctional")
    if start_f is None or start_d is None:
        raise ValueError("functional and dysfunctional: give a starting answer for both")
    chinese = answer_scale()["chinese"]
    options = [(f"{code} {ANSWERS[code - 1]} ({chinese[code]})", code) for code in range(1, 6)]
    style = {"description_width": "initial"}
    pick_f = widgets.Dropdown(options=options, value=start_f, style=style,
                              description="If the feature is present (functional):")
    pick_d = widgets.Dropdown(options=options, value=start_d, style=style,
                              description="If the feature is absent (dysfunctional):")
    result = widgets.HTML()
    names = categories()

    def redraw(_change: Any = None) -> None:
        letter = classify(pick_f.value, pick_d.value)
        row = names.loc[letter]
        result.value = (f"<p style='font-size:1.3em'>Category <b>{letter}</b>: {row['name']} "
                        f"({row['chinese']}). {row['what_to_do'].capitalize()}.</p>"
                        + _table_html(pick_f.value, pick_d.value))

    pick_f.observe(redraw, names="value")
    pick_d.observe(redraw, names="value")
    redraw()
    panel = widgets.VBox([pick_f, pick_d, result])
    panel.functional, panel.dysfunctional, panel.result = pick_f, pick_d, result
    return panel
