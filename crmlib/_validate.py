"""Input checks shared by every module.

Each helper either returns a clean value or raises a ``ValueError``/``TypeError`` whose message
names the argument, says what was wrong and where, and what is expected, so a student never sees
a traceback from deep inside NumPy.
"""
from __future__ import annotations

from collections.abc import Mapping
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

_MAX_LISTED = 5  # how many offending positions a message lists before "and N more"


def describe_positions(bad: np.ndarray, index: pd.Index | None = None) -> str:
    """Say where a boolean mask is true, as labels when an index is known: 'at C0003, C0007'."""
    where = np.flatnonzero(np.asarray(bad).ravel())
    labels = [repr(index[i]) if index is not None else str(i) for i in where[:_MAX_LISTED]]
    more = f" and {len(where) - _MAX_LISTED} more" if len(where) > _MAX_LISTED else ""
    kind = "label" if index is not None else "position"
    return f"at {kind}{'s' if len(where) > 1 else ''} {', '.join(labels)}{more}"


def as_float_array(values: Any, name: str, *, allow_nan: bool = False) -> np.ndarray:
    """Turn a scalar, list, array or Series into a float array, or explain why not."""
    index = values.index if isinstance(values, pd.Series) else None
    if isinstance(values, (pd.DataFrame, Mapping, str, bytes)):
        raise TypeError(f"{name}: expected numbers (a number, list, array or Series), "
                        f"got {type(values).__name__}")
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        sample = np.asarray(values, dtype=object).ravel()
        bad = [v for v in sample if not _is_number(v)][:3]
        raise TypeError(f"{name}: expected numbers, found non-numeric value(s) "
                        f"{', '.join(repr(b) for b in bad)}") from None
    if arr.size == 0:
        raise ValueError(f"{name}: is empty; give at least one value")
    if not allow_nan and np.isnan(arr).any():
        raise ValueError(f"{name}: missing value (NaN) {describe_positions(np.isnan(arr), index)}; "
                         "drop or fill those rows first (e.g. with .dropna())")
    if np.isinf(arr).any():
        raise ValueError(f"{name}: infinite value {describe_positions(np.isinf(arr), index)}")
    return arr


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def scalar(value: Any, name: str) -> float:
    """A single real number (not bool, not NaN)."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.number)):
        raise TypeError(f"{name}: expected a single number, got {value!r} ({type(value).__name__})")
    value = float(value)
    if np.isnan(value) or np.isinf(value):
        raise ValueError(f"{name}: expected a finite number, got {value}")
    return value


def share(value: Any, name: str) -> float:
    """A proportion in [0, 1]."""
    value = scalar(value, name)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name}: is a share and must lie between 0 and 1, got {value:g} "
                         f"(write 25% as 0.25)")
    return value


def non_negative(value: Any, name: str) -> float:
    """A number >= 0 (a count, an amount of money, a length of time)."""
    value = scalar(value, name)
    if value < 0:
        raise ValueError(f"{name}: must be zero or more, got {value:g}")
    return value


def weights_sum_to(weights: Mapping[str, float], name: str, total: float = 1.0,
                   tol: float = 1e-6) -> dict[str, float]:
    """Check a mapping of weights: numbers, non-negative, adding up to ``total``."""
    if not isinstance(weights, Mapping) or not weights:
        raise TypeError(f"{name}: expected a non-empty mapping of name -> weight, "
                        f"got {type(weights).__name__}")
    clean = {key: non_negative(w, f"{name}[{key!r}]") for key, w in weights.items()}
    got = sum(clean.values())
    if abs(got - total) > tol:
        raise ValueError(f"{name}: weights must add up to {total:g}, they add up to {got:.6g} "
                         f"({', '.join(f'{k}={v:g}' for k, v in clean.items())})")
    return clean


def index_of(*values: Any) -> pd.Index | None:
    """The index of the first Series among the inputs (a Series in gives a Series out)."""
    for value in values:
        if isinstance(value, pd.Series):
            return value.index
    return None


def paired_index(**values: Any) -> pd.Index | None:
    """The shared index of the Series among named inputs, or None. Series given together must
    have the same labels: pairing them by position would silently mix up customers."""
    series = [(name, value.index) for name, value in values.items() if isinstance(value, pd.Series)]
    for name, index in series[1:]:
        if not index.equals(series[0][1]):
            raise ValueError(f"{series[0][0]}, {name}: are Series with different indexes "
                             "(labels); pairing them by position would mix them up. Take them "
                             "from the same DataFrame or align them first (a.align(b))")
    return series[0][1] if series else None
