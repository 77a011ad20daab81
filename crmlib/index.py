"""Weighted indicator indices: put indicators on one 0-100 scale, weight them through a
hierarchy (dimension weights x indicator weights), and add them up.

The same mechanism serves the loyalty index (chapter 5), the satisfaction index CSD (chapter 4)
and the customer value index (chapter 6): only the indicator system changes.

>>> import pandas as pd
>>> scores = pd.DataFrame({"a": [0.0, 10.0], "b": [5.0, 5.0]})
>>> minmax(scores["a"], low=0, high=10).tolist()
[0.0, 100.0]
>>> weighted_index(pd.DataFrame({"a": [0.0, 100.0], "b": [50.0, 50.0]}), {"a": 0.5, "b": 0.5}).tolist()
[25.0, 75.0]
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = ["Indicator", "minmax", "flatten_weights", "weighted_index"]


@dataclass(frozen=True)
class Indicator:
    """One indicator of an index system.

    Parameters
    ----------
    weight : float
        The indicator's weight within its dimension (weights in a dimension add up to 1).
    low, high : float
        The values that map to 0 and 100 on the common scale (a fixed range keeps scores
        comparable between surveys; values outside it are clipped).
    higher_is_better : bool
        ``False`` for indicators where less is more loyal/satisfied (price sensitivity).
    label : str
        A readable English name for tables and figures.
    """

    weight: float
    low: float
    high: float
    higher_is_better: bool = True
    label: str = ""


def minmax(values, low: float | None = None, high: float | None = None,
           higher_is_better: bool = True, name: str = "values") -> pd.Series | np.ndarray:
    """Rescale to 0-100: ``low`` maps to 0 and ``high`` to 100 (reversed when
    ``higher_is_better`` is False). Without ``low``/``high`` the observed min and max are used.
    Values outside the range are clipped.

    >>> minmax([1, 4, 7], low=1, high=7).tolist()
    [0.0, 50.0, 100.0]
    >>> minmax([1, 4, 7], low=1, high=7, higher_is_better=False).tolist()
    [100.0, 50.0, 0.0]
    """
    arr = v.as_float_array(values, name)
    lo = float(np.min(arr)) if low is None else v.scalar(low, f"{name} low")
    hi = float(np.max(arr)) if high is None else v.scalar(high, f"{name} high")
    if hi <= lo:
        raise ValueError(f"{name}: the range high ({hi:g}) must be above low ({lo:g}); "
                         "with all values equal there is nothing to rescale")
    scaled = np.clip((arr - lo) / (hi - lo), 0.0, 1.0) * 100.0
    if not higher_is_better:
        scaled = 100.0 - scaled
    if isinstance(values, pd.Series):
        return pd.Series(scaled, index=values.index, name=values.name)
    return scaled


def flatten_weights(system: Mapping[str, tuple[float, Mapping[str, Indicator]]]) -> pd.DataFrame:
    """Turn a two-level system ``{dimension: (weight, {column: Indicator})}`` into one row per
    indicator with its local and global weight (global = dimension weight x local weight).
    Weights at each level must add up to 1.

    >>> sys_ = {"D1": (0.6, {"x": Indicator(1.0, 0, 10)}),
    ...         "D2": (0.4, {"y": Indicator(0.5, 0, 1), "z": Indicator(0.5, 0, 1)})}
    >>> flatten_weights(sys_)["global_weight"].round(2).tolist()
    [0.6, 0.2, 0.2]
    """
    if not isinstance(system, Mapping) or not system:
        raise TypeError("system: expected {dimension: (weight, {column: Indicator})}")
    for dim, entry in system.items():
        if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], Mapping)):
            raise TypeError(f"system[{dim!r}]: expected a pair (weight, {{column: Indicator}}), "
                            f"got {entry!r}")
        for col, ind in entry[1].items():
            if not isinstance(ind, Indicator):
                raise TypeError(f"system[{dim!r}][{col!r}]: expected an Indicator(weight, low, "
                                f"high), got {ind!r}")
            if not v.scalar(ind.low, f"{col} low") < v.scalar(ind.high, f"{col} high"):
                raise ValueError(f"system[{dim!r}][{col!r}]: the range low ({ind.low:g}) must be "
                                 f"below high ({ind.high:g})")
    v.weights_sum_to({d: w for d, (w, _) in system.items()}, "dimension weights")
    rows = []
    for dim, (dim_w, indicators) in system.items():
        v.weights_sum_to({c: ind.weight for c, ind in indicators.items()},
                         f"indicator weights in dimension {dim!r}")
        for col, ind in indicators.items():
            rows.append({"dimension": dim, "indicator": col, "label": ind.label or col,
                         "dimension_weight": dim_w, "local_weight": ind.weight,
                         "global_weight": dim_w * ind.weight, "low": ind.low, "high": ind.high,
                         "higher_is_better": ind.higher_is_better})
    return pd.DataFrame(rows)


def weighted_index(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """Weighted sum of score columns: ``sum(weight_j * score_j)``; weights must add up to 1.

    >>> weighted_index(pd.DataFrame({"a": [80.0], "b": [60.0]}), {"a": 0.25, "b": 0.75}).tolist()
    [65.0]
    """
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(f"scores: expected a DataFrame, got {type(scores).__name__}")
    weights = v.weights_sum_to(weights, "weights")
    missing = [c for c in weights if c not in scores.columns]
    if missing:
        raise ValueError(f"scores: has no column(s) {missing}; it has {list(scores.columns)}")
    matrix = np.column_stack([v.as_float_array(scores[c], f"scores[{c!r}]") for c in weights])
    return pd.Series(matrix @ np.array(list(weights.values())), index=scores.index, name="index")
