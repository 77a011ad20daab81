"""Weights and dimensionless scores for an indicator system: objective weights by the entropy
method (熵值法), subjective vs objective weighting, combining the two, and making indicators
dimensionless (无量纲化) by min-max, the efficacy coefficient method (功效系数法) and index
value conversion (指数值转化).

Subjective weights (AHP, :mod:`crmlib.ahp`) come from experts' judgements of importance;
objective weights come from the data: the entropy method gives more weight to an indicator that
separates customers more (its values are spread unevenly), and none to an indicator on which all
customers are equal.

>>> import pandas as pd
>>> data = pd.DataFrame({"spread": [1.0, 2.0, 9.0], "flat": [5.0, 5.0, 5.0]})
>>> entropy_weights(data).round(3).tolist()
[1.0, 0.0]
>>> efficacy_coefficient([0, 5, 10], satisfactory=10, unacceptable=0).tolist()
[60.0, 80.0, 100.0]

References
----------
Shannon, C. E. (1948). A mathematical theory of communication. *Bell System Technical
Journal*, 27, 379-423 (entropy).
The entropy weight method and the efficacy coefficient method are standard in Chinese
evaluation textbooks; the course follows their usual form, stated in each function.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v
from .index import minmax

__all__ = ["entropy_table", "entropy_weights", "efficacy_coefficient", "ratio_index",
           "dimensionless", "DIMENSIONLESS_METHODS", "weighting_methods", "combine_weights",
           "plot_weight_comparison", "pca_table", "pca_weights"]

#: The methods :func:`dimensionless` knows.
DIMENSIONLESS_METHODS = ("minmax", "efficacy", "ratio")


def _frame(data: Any, name: str = "data") -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{name}: expected a DataFrame with one row per customer and one column "
                        f"per indicator, got {type(data).__name__}")
    if data.shape[1] == 0:
        raise ValueError(f"{name}: has no columns; give one column per indicator")
    if data.shape[0] < 2:
        raise ValueError(f"{name}: needs at least two rows (customers) to compare, got "
                         f"{data.shape[0]}")
    for col in data.columns:
        v.as_float_array(data[col], f"{name}[{col!r}]")  # numbers, no NaN, no inf
    return data


def _directions(data: pd.DataFrame, higher_is_better: Mapping[str, bool] | None,
                name: str = "higher_is_better") -> dict[Any, bool]:
    if higher_is_better is None:
        return {col: True for col in data.columns}
    if not isinstance(higher_is_better, Mapping):
        raise TypeError(f"{name}: expected {{column: True/False}} (False where less is better, "
                        f"e.g. a cost), got {type(higher_is_better).__name__}")
    unknown = [k for k in higher_is_better if k not in data.columns]
    if unknown:
        raise ValueError(f"{name}: {unknown} are not columns of data, which has "
                         f"{list(data.columns)}")
    out = {}
    for col in data.columns:
        flag = higher_is_better.get(col, True)
        if not isinstance(flag, (bool, np.bool_)):
            raise TypeError(f"{name}[{col!r}]: expected True or False, got {flag!r}")
        out[col] = bool(flag)
    return out


# ---------------------------------------------------------------------------------------------
# Entropy weights
# ---------------------------------------------------------------------------------------------

def entropy_table(data: pd.DataFrame, higher_is_better: Mapping[str, bool] | None = None,
                  normalize: str = "minmax") -> pd.DataFrame:
    """The entropy method step by step: each indicator's entropy, diversity and weight.

    1. Put each indicator on [0, 1]: ``(x - min) / (max - min)``, or ``(max - x) / (max - min)``
       where less is better (``normalize="minmax"``); ``normalize="none"`` uses the raw values,
       which must then be non-negative and all "higher is better".
    2. Shares ``p_ij = x_ij / sum_i x_ij`` (an indicator whose values are all equal, or all 0,
       gets ``p_ij = 1/m``).
    3. Entropy ``e_j = -(1 / ln m) sum_i p_ij ln p_ij`` with ``0 ln 0 = 0``; it is 1 when all
       customers are equal and smaller the more unequal they are.
    4. Diversity ``d_j = 1 - e_j``; weight ``w_j = d_j / sum_j d_j``.

    Parameters
    ----------
    data : DataFrame
        One row per customer (at least two), one numeric column per indicator.
    higher_is_better : dict, optional
        ``{column: False}`` for indicators where less is better (costs); default all True.
    normalize : {"minmax", "none"}, default "minmax"
        Step 1 above. Textbooks differ here (some shift the min-max values by a small constant
        to avoid zeros); the course uses plain min-max with ``0 ln 0 = 0``.

    Returns
    -------
    DataFrame indexed by indicator with columns ``entropy``, ``diversity``, ``weight``.

    Examples
    --------
    Three customers, two indicators. ``a`` rises evenly: after min-max it is 0, 0.5, 1, so
    p = 0, 1/3, 2/3 and e = -(1/3 ln 1/3 + 2/3 ln 2/3) / ln 3 = 0.5794. ``b`` is 1, 0, 0 after
    min-max: p = 1, 0, 0 and e = 0 (one customer holds everything).

    >>> t = entropy_table(pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [9.0, 1.0, 1.0]}))
    >>> t.round(4)  # doctest: +NORMALIZE_WHITESPACE
               entropy  diversity  weight
    indicator
    a           0.5794     0.4206  0.2961
    b           0.0000     1.0000  0.7039
    """
    data = _frame(data)
    directions = _directions(data, higher_is_better)
    if normalize not in ("minmax", "none"):
        raise ValueError(f"normalize: unknown option {normalize!r}; use 'minmax' or 'none'")
    x = data.to_numpy(dtype=float)
    m = x.shape[0]
    if normalize == "minmax":
        low, high = x.min(axis=0), x.max(axis=0)
        span = np.where(high > low, high - low, 1.0)
        scaled = (x - low) / span
        reverse = np.array([not directions[c] for c in data.columns])
        scaled[:, reverse] = 1.0 - scaled[:, reverse]
        scaled[:, high == low] = 0.0
    else:
        negative = (x < 0).any(axis=0)
        if negative.any():
            cols = [c for c, bad in zip(data.columns, negative) if bad]
            raise ValueError(f"data: columns {cols} have negative values; with normalize='none' "
                             "the values must be >= 0 (use normalize='minmax')")
        costs = [c for c, up in directions.items() if not up]
        if costs:
            raise ValueError(f"higher_is_better: {costs} are 'less is better'; normalize='none' "
                             "cannot reverse them, use normalize='minmax'")
        scaled = x
    totals = scaled.sum(axis=0)
    safe = np.where(totals > 0, totals, 1.0)
    p = np.where(totals > 0, scaled / safe, 1.0 / m)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    entropy = -plogp.sum(axis=0) / np.log(m)
    entropy = np.clip(entropy, 0.0, 1.0) + 0.0  # + 0.0 turns -0.0 into 0.0
    entropy[scaled.max(axis=0) == scaled.min(axis=0)] = 1.0  # all equal: exactly no information
    diversity = 1.0 - entropy
    if diversity.sum() <= 0:
        raise ValueError("data: every indicator has the same value for all customers, so the "
                         "data carry no information to weight them")
    weight = diversity / diversity.sum()
    return pd.DataFrame({"entropy": entropy, "diversity": diversity, "weight": weight},
                        index=pd.Index(data.columns, name="indicator"))


def entropy_weights(data: pd.DataFrame, higher_is_better: Mapping[str, bool] | None = None,
                    normalize: str = "minmax") -> pd.Series:
    """Objective weights by the entropy method (熵值法); see :func:`entropy_table` for the steps.

    Returns a Series indexed by indicator, adding up to 1.

    >>> entropy_weights(pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [9.0, 1.0, 1.0]})).round(4).tolist()
    [0.2961, 0.7039]
    """
    weights = entropy_table(data, higher_is_better, normalize)["weight"]
    weights.name = "entropy_weight"
    return weights


# ---------------------------------------------------------------------------------------------
# Dimensionless scores
# ---------------------------------------------------------------------------------------------

def _wrap(values: Any, result: np.ndarray, name: str | None = None):
    if isinstance(values, pd.Series):
        return pd.Series(result, index=values.index, name=values.name)
    if np.ndim(values) == 0:
        return float(result)
    return result


def efficacy_coefficient(values: Any, satisfactory: float | None = None,
                         unacceptable: float | None = None, higher_is_better: bool = True,
                         base: float = 60.0, span: float = 40.0, clip: bool = True,
                         name: str = "values"):
    """The efficacy coefficient method (功效系数法): score = base + span x (x - x_u) / (x_s - x_u).

    ``x_s`` is the satisfactory value (满意值), which scores ``base + span`` (100), and ``x_u`` the
    unacceptable value (不允许值), which scores ``base`` (60), as on a Chinese exam scale. Where
    less is better (a cost), the satisfactory value is the lower one and the formula reverses by
    itself.

    Parameters
    ----------
    values : number, array-like or Series
    satisfactory, unacceptable : float, optional
        Default: the best and worst observed values (max and min, swapped where less is better).
    higher_is_better : bool, default True
        Only used for the defaults and to check that the two values are the right way round.
    base, span : float, default 60 and 40
        The scale: ``base`` at the unacceptable value, ``base + span`` at the satisfactory one.
    clip : bool, default True
        Keep scores within [base, base + span]: values beyond the satisfactory value score 100,
        values worse than the unacceptable one score 60.
    name : str
        Name of the argument in error messages.

    Returns
    -------
    float for a number, Series (same index) for a Series, array otherwise.

    Examples
    --------
    >>> efficacy_coefficient(750, satisfactory=1000, unacceptable=500)
    80.0
    >>> efficacy_coefficient([20, 60, 100], higher_is_better=False).tolist()   # a cost
    [100.0, 80.0, 60.0]
    """
    arr = v.as_float_array(values, name)
    base = v.scalar(base, "base")
    span = v.scalar(span, "span")
    if span <= 0:
        raise ValueError(f"span: must be positive, got {span:g}")
    best = float(arr.max() if higher_is_better else arr.min())
    worst = float(arr.min() if higher_is_better else arr.max())
    x_s = best if satisfactory is None else v.scalar(satisfactory, "satisfactory")
    x_u = worst if unacceptable is None else v.scalar(unacceptable, "unacceptable")
    if x_s == x_u:
        raise ValueError(f"satisfactory and unacceptable: both are {x_s:g}; they must differ "
                         "(with all values equal there is nothing to score)")
    if higher_is_better and x_s < x_u:
        raise ValueError(f"satisfactory ({x_s:g}) is below unacceptable ({x_u:g}) but "
                         "higher_is_better is True; swap them or set higher_is_better=False")
    if not higher_is_better and x_s > x_u:
        raise ValueError(f"satisfactory ({x_s:g}) is above unacceptable ({x_u:g}) but "
                         "higher_is_better is False (less is better); swap them")
    share = (arr - x_u) / (x_s - x_u)
    if clip:
        share = np.clip(share, 0.0, 1.0)
    return _wrap(values, base + span * share)


def ratio_index(values: Any, benchmark: float, higher_is_better: bool = True,
                name: str = "values"):
    """Index value conversion (指数值转化): each value as a percentage of a benchmark
    (``100 x / benchmark``, or ``100 benchmark / x`` where less is better).

    >>> ratio_index([50, 100, 150], benchmark=100).tolist()
    [50.0, 100.0, 150.0]
    >>> ratio_index([50, 200], benchmark=100, higher_is_better=False).tolist()
    [200.0, 50.0]
    """
    arr = v.as_float_array(values, name)
    benchmark = v.scalar(benchmark, "benchmark")
    if benchmark <= 0:
        raise ValueError(f"benchmark: must be positive (the standard value, e.g. the average), "
                         f"got {benchmark:g}")
    if higher_is_better:
        result = 100.0 * arr / benchmark
    else:
        if (arr <= 0).any():
            index = values.index if isinstance(values, pd.Series) else None
            raise ValueError(f"{name}: a 'less is better' ratio needs positive values "
                             f"({v.describe_positions(arr <= 0, index)})")
        result = 100.0 * benchmark / arr
    return _wrap(values, result)


def dimensionless(data: pd.DataFrame, higher_is_better: Mapping[str, bool] | None = None,
                  method: str = "minmax", benchmarks: Mapping[str, float] | None = None,
                  ) -> pd.DataFrame:
    """Make every indicator column dimensionless (无量纲化), so that different units can be
    added up with weights.

    Parameters
    ----------
    data : DataFrame, one column per indicator
    higher_is_better : dict, optional
        ``{column: False}`` where less is better; default all True.
    method : {"minmax", "efficacy", "ratio"}, default "minmax"
        ``"minmax"``: 0-100 over the observed range (:func:`crmlib.index.minmax`);
        ``"efficacy"``: 60-100 by :func:`efficacy_coefficient` with the best and worst observed
        values; ``"ratio"``: percentage of a benchmark by :func:`ratio_index`.
    benchmarks : dict, optional
        For ``"ratio"``: ``{column: benchmark}``; default each column's mean.

    Returns
    -------
    DataFrame with the same index and columns.

    Examples
    --------
    >>> d = pd.DataFrame({"profit": [100.0, 300.0, 500.0], "cost": [10.0, 30.0, 20.0]})
    >>> dimensionless(d, {"cost": False}).to_dict("list")
    {'profit': [0.0, 50.0, 100.0], 'cost': [100.0, 0.0, 50.0]}
    >>> dimensionless(d, {"cost": False}, method="efficacy").to_dict("list")
    {'profit': [60.0, 80.0, 100.0], 'cost': [100.0, 60.0, 80.0]}
    """
    data = _frame(data)
    directions = _directions(data, higher_is_better)
    if method not in DIMENSIONLESS_METHODS:
        raise ValueError(f"method: unknown method {method!r}; use one of "
                         f"{list(DIMENSIONLESS_METHODS)}")
    if benchmarks is not None and not isinstance(benchmarks, Mapping):
        raise TypeError("benchmarks: expected {column: benchmark}")
    unknown = [k for k in (benchmarks or {}) if k not in data.columns]
    if unknown:
        raise ValueError(f"benchmarks: {unknown} are not columns of data ({list(data.columns)})")
    out = {}
    for col in data.columns:
        series = data[col].astype(float)
        label = f"data[{col!r}]"
        if method == "minmax":
            out[col] = minmax(series, higher_is_better=directions[col], name=label)
        elif method == "efficacy":
            out[col] = efficacy_coefficient(series, higher_is_better=directions[col], name=label)
        else:
            bench = series.mean() if benchmarks is None or col not in benchmarks \
                else v.scalar(benchmarks[col], f"benchmarks[{col!r}]")
            out[col] = ratio_index(series, float(bench), directions[col], name=label)
    return pd.DataFrame(out, index=data.index)


# ---------------------------------------------------------------------------------------------
# Subjective vs objective weights
# ---------------------------------------------------------------------------------------------

def weighting_methods() -> pd.DataFrame:
    """Subjective vs objective weighting (主观赋权法与客观赋权法), compared on the five points
    of the source: information source, qualitative vs quantitative, sample requirement,
    complexity and output.

    >>> weighting_methods().loc["information source", "subjective (AHP)"][:7]
    'experts'
    """
    rows = [
        ("information source", "信息来源",
         "experts' knowledge and experience: what the firm judges important",
         "the data: how much each indicator varies across customers"),
        ("qualitative vs quantitative", "定性与定量",
         "turns qualitative judgements into numbers; works for indicators without data",
         "quantitative only: every indicator must be measured"),
        ("sample requirement", "样本要求",
         "a few experts; no customer data needed",
         "a sample of customers large and varied enough to be representative"),
        ("complexity", "复杂程度",
         "simple arithmetic but n(n-1)/2 judgements per matrix and a consistency check",
         "more computation, but automatic once the data are in"),
        ("output", "输出结果",
         "stable and explainable, but can carry the experts' bias",
         "reproducible, but changes with the sample and can give weight to unimportant "
         "indicators that merely vary a lot"),
    ]
    return pd.DataFrame(rows, columns=["aspect", "chinese", "subjective (AHP)",
                                       "objective (entropy)"]).set_index("aspect")


def combine_weights(subjective: Any, objective: Any, alpha: float = 0.5,
                    method: str = "linear") -> pd.Series:
    """Combine subjective and objective weights (组合赋权).

    ``"linear"``: ``alpha * subjective + (1 - alpha) * objective``; ``"multiplicative"``:
    ``subjective * objective``, renormalised. Both inputs must cover the same indicators and add
    up to 1.

    >>> combine_weights({"a": 0.8, "b": 0.2}, {"a": 0.4, "b": 0.6}).round(2).tolist()
    [0.6, 0.4]
    >>> combine_weights({"a": 0.8, "b": 0.2}, {"a": 0.4, "b": 0.6},
    ...                 method="multiplicative").round(4).tolist()
    [0.7273, 0.2727]
    """
    subj = _weights_series(subjective, "subjective")
    obj = _weights_series(objective, "objective")
    if set(subj.index) != set(obj.index):
        raise ValueError(f"subjective and objective: must weight the same indicators; "
                         f"{sorted(map(str, set(subj.index) ^ set(obj.index)))} appear in only one")
    obj = obj.reindex(subj.index)
    alpha = v.share(alpha, "alpha")
    if method == "linear":
        out = alpha * subj + (1 - alpha) * obj
    elif method == "multiplicative":
        prod = subj * obj
        if prod.sum() <= 0:
            raise ValueError("subjective and objective: no indicator has weight in both")
        out = prod / prod.sum()
    else:
        raise ValueError(f"method: unknown method {method!r}; use 'linear' or 'multiplicative'")
    out.name = "combined_weight"
    return out


def _weights_series(weights: Any, name: str) -> pd.Series:
    if hasattr(weights, "weights") and isinstance(getattr(weights, "weights"), pd.Series):
        weights = weights.weights  # an AHPResult
    if isinstance(weights, Mapping):
        return pd.Series(v.weights_sum_to(dict(weights), name), dtype=float)
    if not isinstance(weights, pd.Series):
        raise TypeError(f"{name}: expected weights as a Series or dict {{indicator: weight}}, "
                        f"got {type(weights).__name__}")
    clean = v.weights_sum_to(dict(weights.items()), name)
    return pd.Series(clean, dtype=float)


def plot_weight_comparison(weights: pd.DataFrame, ax: Any = None,
                           title: str = "Subjective vs objective weights") -> Any:
    """Grouped horizontal bars: one group per indicator, one bar per weighting method (one
    column of ``weights`` each). Returns the Axes.

    >>> w = pd.DataFrame({"AHP": [0.7, 0.3], "entropy": [0.4, 0.6]}, index=["a", "b"])
    >>> ax = plot_weight_comparison(w)
    >>> len(ax.patches)
    4
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting

    if not isinstance(weights, pd.DataFrame) or weights.empty:
        raise TypeError("weights: expected a DataFrame with one row per indicator and one column "
                        "per method")
    for col in weights.columns:
        v.as_float_array(weights[col], f"weights[{col!r}]")
    n, k = weights.shape
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 0.55 * n * max(k, 2) / 2 + 2.2))
    colours = [plotting.COLORS[c] for c in ("neutral", "accent", "good", "bad", "muted")]
    height = 0.8 / k
    y = np.arange(n)[::-1]
    for m, col in enumerate(weights.columns):
        ax.barh(y + (k - 1) / 2 * height - m * height, weights[col].to_numpy(float),
                height=height, color=colours[m % len(colours)], label=str(col))
    ax.set_yticks(y, [str(i) for i in weights.index])
    ax.set_xlabel("Weight")
    ax.set_title(title)
    ax.set_axisbelow(True)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))  # outside, beside the bars
    return ax


# ---------------------------------------------------------------------------------------------
# Objective weights by principal components (主成分分析法)
# ---------------------------------------------------------------------------------------------

def pca_table(data: pd.DataFrame, higher_is_better: Mapping[str, bool] | None = None,
              variance_share: float = 0.85) -> pd.DataFrame:
    """Objective weights by principal component analysis (主成分分析法), step by step.

    Where entropy rewards an indicator that *separates* customers, PCA rewards one that moves
    *with the others*: it looks for the few directions (components) that carry most of the
    indicators' shared variance, and weights each indicator by how much it contributes to them.

    1. Reverse the "less is better" indicators (``x -> -x``) and standardise every column
       (z-scores, sample standard deviation).
    2. Eigen-decompose the correlation matrix R: eigenvalues ``λ_1 >= λ_2 >= ...`` and unit
       eigenvectors ``u_k``. Component k explains the share ``λ_k / Σ λ`` of the variance.
    3. Keep the first K components whose cumulative share reaches ``variance_share`` (the
       textbook rule of thumb 累计贡献率 >= 85 %).
    4. The composite coefficient of indicator j is the variance-weighted mean of its entries in
       the kept eigenvectors, ``c_j = Σ_k λ_k u_jk / Σ_k λ_k`` (each eigenvector's sign chosen so
       that its entries add up to a positive number); the weight is ``|c_j| / Σ |c|``.

    Textbooks differ in the details (some use the loadings ``u_jk sqrt(λ_k)``, some the Kaiser
    rule λ > 1 to keep components, some take absolute values inside the sum); this is one common
    reading, stated so that it can be checked by hand.

    Parameters
    ----------
    data : DataFrame
        One row per customer (at least three), one numeric column per indicator; no column may
        be constant.
    higher_is_better : dict, optional
        ``{column: False}`` for indicators where less is better; default all True.
    variance_share : float, default 0.85
        Keep components until their cumulative share of the variance reaches this (0 to 1; 1
        keeps them all).

    Returns
    -------
    DataFrame indexed by indicator: one column per kept component (``PC1``, ``PC2``, ... the
    eigenvector entries), ``coefficient`` (c_j, negative when the indicator runs against the
    main components) and ``weight`` (adding up to 1). ``table.attrs["explained"]`` holds each
    component's share of the variance (all components), ``table.attrs["kept"]`` the number K.

    Examples
    --------
    Two indicators that rise together and a third that does not: the first component is the
    pair, so they share most of the weight.

    >>> d = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "b": [2.0, 4.0, 5.0, 8.0],
    ...                   "c": [3.0, 1.0, 4.0, 2.0]})
    >>> t = pca_table(d, variance_share=0.6)
    >>> t.attrs["kept"], t["weight"].round(3).tolist()
    (1, [0.461, 0.466, 0.073])
    """
    data = _frame(data)
    directions = _directions(data, higher_is_better)
    share = v.share(variance_share, "variance_share")
    if share <= 0:
        raise ValueError("variance_share: must be above 0 (e.g. 0.85 keeps the components that "
                         "explain 85 % of the variance)")
    if data.shape[0] < 3:
        raise ValueError(f"data: principal components need at least three rows (customers), got "
                         f"{data.shape[0]}")
    x = data.to_numpy(dtype=float).copy()
    reverse = np.array([not directions[c] for c in data.columns])
    x[:, reverse] = -x[:, reverse]
    sd = x.std(axis=0, ddof=1)
    if (sd == 0).any():
        flat = [c for c, s in zip(data.columns, sd) if s == 0]
        raise ValueError(f"data: columns {flat} have the same value for every customer; a "
                         "constant indicator has no correlation with the others, drop it")
    z = (x - x.mean(axis=0)) / sd
    corr = z.T @ z / (len(z) - 1)
    values, vectors = np.linalg.eigh(corr)
    order = np.argsort(values)[::-1]
    values, vectors = np.clip(values[order], 0.0, None), vectors[:, order]
    vectors = vectors * np.where(vectors.sum(axis=0) >= 0, 1.0, -1.0)
    explained = values / values.sum()
    kept = int(min(np.searchsorted(np.cumsum(explained), share - 1e-12) + 1, len(values)))
    coefficient = vectors[:, :kept] @ explained[:kept] / explained[:kept].sum()
    weight = np.abs(coefficient) / np.abs(coefficient).sum()
    index = pd.Index(data.columns, name="indicator")
    table = pd.DataFrame(vectors[:, :kept], index=index,
                         columns=[f"PC{k + 1}" for k in range(kept)])
    table["coefficient"] = coefficient
    table["weight"] = weight
    table.attrs["explained"] = pd.Series(explained, index=[f"PC{k + 1}" for k in range(len(values))],
                                         name="explained").to_dict()
    table.attrs["kept"] = kept
    return table


def pca_weights(data: pd.DataFrame, higher_is_better: Mapping[str, bool] | None = None,
                variance_share: float = 0.85) -> pd.Series:
    """Objective weights by principal component analysis (主成分分析法); see :func:`pca_table`
    for the steps. Returns a Series indexed by indicator, adding up to 1.

    >>> d = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "b": [2.0, 4.0, 5.0, 8.0],
    ...                   "c": [3.0, 1.0, 4.0, 2.0]})
    >>> pca_weights(d, variance_share=1.0).round(3).tolist()
    [0.414, 0.38, 0.206]
    """
    weights = pca_table(data, higher_is_better, variance_share)["weight"]
    weights.name = "pca_weight"
    return weights
