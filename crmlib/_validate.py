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


def label(value: Any) -> str:
    """A row or column label as a message shows it: ``0`` and ``'C0003'``, never
    ``np.int64(0)`` or ``np.str_('C0003')`` (NumPy 2 scalars repr with their type)."""
    if isinstance(value, np.generic):
        value = value.item()
    return repr(value)


def describe_positions(bad: np.ndarray, index: pd.Index | None = None) -> str:
    """Say where a boolean mask is true, as labels when an index is known: 'at C0003, C0007'."""
    where = np.flatnonzero(np.asarray(bad).ravel())
    labels = [label(index[i]) if index is not None else str(i) for i in where[:_MAX_LISTED]]
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
    """A proportion in [0, 1] (the rate rule of :func:`rate`, worded for a share)."""
    return rate(value, name, kind="is a share and must lie")


# ---------------------------------------------------------------------------------------------
# The rate rule: one rule for every rate, share, proportion or margin crmlib accepts
# ---------------------------------------------------------------------------------------------
#
# A rate is a fraction: 8 % is 0.08. A value above 1 (8, 10, 80) is almost always a percentage
# typed as a number, and using it would silently multiply the answer (a discount rate of 10 is
# 1000 %), so it is refused with the conversion spelt out. Negative rates are refused too, unless
# a function says otherwise (a margin can be negative).

def percent_hint(value: float) -> str:
    """'write 8% as 0.08': the conversion for a value that looks like a percentage."""
    return f"write {value:g}% as {value / 100:g}"


def rate_error(name: str, value: float, kind: str = "is a rate and must lie",
               low: float | None = 0.0, high: float = 1.0, high_inclusive: bool = True,
               where: str = "") -> str:
    """The message of the rate rule for one offending value."""
    low_text = "" if low is None else f"between {low:g} and "
    bounds = (f"{low_text}{high:g}" if high_inclusive or low is None
              else f"in [{low:g}, {high:g}): at least {low:g} and below {high:g}")
    if low is None:
        bounds = f"at most {high:g}" if high_inclusive else f"below {high:g}"
    message = f"{name}: {kind} {bounds}, got {value:g}"
    if where:
        message += f" {where}"
    if value > 1:
        message += f" ({percent_hint(value)})"
    return message


def rate(value: Any, name: str, *, kind: str = "is a rate and must lie",
         low: float | None = 0.0, high_inclusive: bool = True) -> float:
    """A single rate in [low, 1] (``low=None``: no lower bound; ``high_inclusive=False``:
    below 1). A value above 1 is refused with the percentage hint: 8 -> 'write 8% as 0.08'.

    >>> rate(0.08, "discount")
    0.08
    >>> rate(8, "discount")
    Traceback (most recent call last):
    ...
    ValueError: discount: is a rate and must lie between 0 and 1, got 8 (write 8% as 0.08)
    """
    value = scalar(value, name)
    too_low = low is not None and value < low
    too_high = value > 1.0 or (not high_inclusive and value == 1.0)
    if too_low or too_high:
        raise ValueError(rate_error(name, value, kind, low, 1.0, high_inclusive))
    return value


def rates(values: Any, name: str, *, kind: str = "is a rate and must lie",
          low: float | None = 0.0, high_inclusive: bool = True, allow_nan: bool = False,
          index: pd.Index | None = None, suffix: str = "") -> np.ndarray:
    """Many rates at once (a number, list, array or Series): the rule of :func:`rate` applied
    element by element; the message names the first offending value and where the bad ones are.

    >>> rates([0.1, 0.2], "retention").tolist()
    [0.1, 0.2]
    >>> rates(pd.Series([0.1, 80.0], index=["a", "b"]), "retention")
    Traceback (most recent call last):
    ...
    ValueError: retention: is a rate and must lie between 0 and 1, got 80 at label 'b' (write 80% as 0.8)
    """
    if index is None and isinstance(values, pd.Series):
        index = values.index
    arr = values if isinstance(values, np.ndarray) and values.dtype == float else \
        as_float_array(values, name, allow_nan=allow_nan)
    if arr is values and not allow_nan and np.isnan(arr).any():
        raise ValueError(f"{name}: missing value (NaN) "
                         f"{describe_positions(np.isnan(arr), index)}")
    with np.errstate(invalid="ignore"):
        bad = arr > 1.0 if high_inclusive else arr >= 1.0
        if low is not None:
            bad |= arr < low
    if bad.any():
        first = float(arr.ravel()[np.flatnonzero(bad.ravel())[0]])
        where = describe_positions(bad, index) if arr.ndim else ""
        raise ValueError(rate_error(name, first, kind, low, 1.0, high_inclusive, where) + suffix)
    return arr


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
