"""Customer lifetime value (客户终生价值; 顾客生命价值 in some textbooks) and the leaky bucket (漏桶).

A customer is worth the profit they bring over the whole relationship, not one purchase. This
module gives the two calculations of the course's chapter 8 and the customer-base model behind
them:

* :func:`discounted_value`, the **discount method** (贴现法) of the source: a customer's cash-flow
  series (revenue minus the cost of serving them, period by period) brought back to today,
  ``Σ cash_flow_t / (1 + d)^t``.
* :func:`retention_clv`, the **retention-based CLV** of Gupta & Lehmann (2003, 2005): a customer
  who brings a margin ``m`` each period and stays from one period to the next with probability
  ``r`` is worth ``m·r / (1 + d − r)`` today (discount rate ``d`` per period), or
  ``Σ_{t=1..T} m·r^t / (1 + d)^t`` over a horizon of ``T`` periods.
* :func:`retention_gain`, what a retention gain (e.g. +5 points) is worth, with
  :func:`retention_claims`, the well-known claims about it, their sources and their limits.
* :func:`leaky_bucket`, Czepiel's leaky bucket (查密考尔的"市场营销漏桶"): customers flow in
  through acquisition and leak out through defection; the stock settles at
  ``acquired / (1 − retention)``.

Timing: margins at period ends
------------------------------
:func:`retention_clv` follows Gupta & Lehmann: the customer has just been acquired (time 0),
and the first margin arrives at the **end** of period 1 *if* the customer is still there, which
happens with probability ``r``; the margin of period ``t`` is received with probability ``r^t``
and discounted by ``(1 + d)^t``. A model that also counts a margin received *today* adds ``m``:
``m + m·r/(1 + d − r) = m·(1 + d)/(1 + d − r)``. Say which one you use: the difference is one
whole margin.

>>> from crmlib import clv
>>> round(clv.retention_clv(margin=100, retention=0.8, discount=0.1), 2)   # 100 × 0.8 / 0.3
266.67
>>> round(clv.retention_clv(100, 0.8, 0.1, horizon=3), 2)          # 72.73 + 52.89 + 38.47
164.09
>>> clv.steady_state(acquired=200, retention=0.75)                  # 200 / 0.25
800.0
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import _validate as _v
from ._validate import as_float_array, describe_positions, non_negative, scalar

__all__ = ["retention_clv", "margin_multiple_table", "expected_lifetime", "clv_by_horizon",
           "plot_clv_by_horizon", "discounted_value", "cohort_retention", "retention_gain", "plot_retention_gain",
           "retention_claims", "steady_state", "leaky_bucket", "plot_leaky_bucket",
           "leaky_bucket_widget", "break_even_retention"]


# ---------------------------------------------------------------------------------------------
# input helpers
# ---------------------------------------------------------------------------------------------



def _numbers(value: Any, name: str) -> np.ndarray:
    """Numbers as a float array (scalars stay 0-d); bools and text are refused."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: expected a number, got {value!r} (a bool)")
    if value is None:
        raise TypeError(f"{name}: expected a number (or numbers), got None")
    arr = as_float_array(value, name)
    if arr.dtype == bool or (isinstance(value, (list, tuple)) and any(
            isinstance(v, (bool, np.bool_)) for v in value)):
        raise TypeError(f"{name}: expected numbers, got bools")
    return arr


def _retention(value: Any, name: str = "retention", *, allow_one: bool = False) -> np.ndarray:
    arr = _numbers(value, name)
    why = (" (a retention of 1 means nobody ever leaves, and the value has no finite limit)"
           if not allow_one and (arr == 1).any() and not ((arr > 1) | (arr < 0)).any() else "")
    # the shared rate rule: 80 (a percentage typed as a number) is refused, 'write 80% as 0.8'
    return _v.rates(arr, name, kind="a retention rate must lie", high_inclusive=allow_one,
                    index=_v.index_of(value), suffix=why or "; a rate is a fraction: 80% is 0.8")


def _discount(value: Any, name: str = "discount") -> np.ndarray:
    arr = _numbers(value, name)
    # the shared rate rule: a discount rate of 10 would be 1000 % a period, so it is refused
    return _v.rates(arr, name, kind="a discount rate must lie", index=_v.index_of(value),
                    suffix="; a rate is a fraction: 10% a period is 0.1")


def _horizon(value: Any, name: str = "horizon") -> np.ndarray:
    """Whole numbers of periods >= 0 (5 and 5.0 are accepted, 5.5 is not)."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: expected a whole number of periods, got {value!r} (a bool)")
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name}: expected a whole number of periods, got the text {value!r}")
    arr = as_float_array(value, name)
    fractional = arr != np.round(arr)
    if fractional.any():
        first = arr.ravel()[np.flatnonzero(fractional.ravel())[0]]
        raise ValueError(f"{name}: must be a whole number of periods (an integer), got {first:g} "
                         f"{describe_positions(fractional, _v.index_of(value)) if arr.ndim else ''}"
                         .rstrip() + "; use None for an unlimited horizon")
    negative = arr < 0
    if negative.any():
        first = arr.ravel()[np.flatnonzero(negative.ravel())[0]]
        raise ValueError(f"{name}: must be 0 or more periods, got {first:g}")
    return arr


def _broadcast(**arrays: np.ndarray) -> tuple[np.ndarray, ...]:
    try:
        return tuple(np.broadcast_arrays(*arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{k} {np.shape(v)}" for k, v in arrays.items())
        raise ValueError(f"{', '.join(arrays)}: cannot be combined element by element (shapes "
                         f"{shapes}); give one value, or arrays of the same length") from None


def _wrap(result: np.ndarray, index: pd.Index | None, name: str | None = None) -> Any:
    """A float for scalar inputs, a Series when a Series came in, else an array."""
    if result.ndim == 0:
        return float(result)
    if index is not None and result.ndim == 1 and len(index) == result.size:
        return pd.Series(result, index=index, name=name)
    return result


# ---------------------------------------------------------------------------------------------
# retention-based CLV
# ---------------------------------------------------------------------------------------------

def retention_clv(margin: Any, retention: Any, discount: Any, horizon: Any = None) -> Any:
    """Gupta & Lehmann's retention-based customer lifetime value.

    A customer brings a margin ``m`` (profit after the cost of serving them) each period, stays
    from one period to the next with probability ``r`` (the retention rate, 保留率) and money is
    discounted at ``d`` per period. Margins arrive at the **end** of each period, the first one
    at the end of period 1, and only if the customer is still there (probability ``r^t`` at
    period ``t``). Then

    * ``horizon=None`` (no end): ``CLV = m·r / (1 + d − r)``, Gupta & Lehmann's closed form;
      ``r / (1 + d − r)`` is their *margin multiple*;
    * ``horizon=T``: ``CLV = Σ_{t=1..T} m·r^t / (1 + d)^t``, which grows with ``T`` towards the
      closed form.

    Add ``m`` if the customer also pays a margin today (at time 0).

    Parameters
    ----------
    margin : float or array-like
        Margin per period, in money; may be negative (a customer who costs more than they bring).
    retention : float or array-like
        Retention rate per period, in [0, 1).
    discount : float or array-like
        Discount rate per period, 0 or more (0.1 for 10%).
    horizon : int, array-like of int, or None, default None
        Number of periods counted; ``None`` for an unlimited horizon.

    Every argument may be a scalar, a list, an array or a Series: they are combined element by
    element with NumPy broadcasting (one value per customer, or one for all).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A float when every input is a scalar; a Series (same index) when an input is a Series;
        else an array.

    Raises
    ------
    ValueError
        For a retention outside [0, 1), a negative discount rate, a horizon that is not a whole
        number of periods (or is negative), missing values, or shapes that do not combine.
    TypeError
        For text, bools or None where numbers are expected.

    Examples
    --------
    Gupta & Lehmann's margin multiple for 90% retention and a 12% discount rate,
    0.9 / (1.12 − 0.9) = 4.09:

    >>> round(retention_clv(1, 0.9, 0.12), 2)
    4.09
    >>> round(retention_clv(margin=100, retention=0.8, discount=0.1), 4)      # 100 × 0.8 / 0.3
    266.6667
    >>> round(retention_clv(100, 0.8, 0.1, horizon=1), 4)        # 100 × 0.8 / 1.1
    72.7273

    One value per customer:

    >>> retention_clv([100, 250], [0.8, 0.6], 0.1).round(2)
    array([266.67, 300.  ])
    >>> m = pd.Series([100.0, 250.0], index=["C1", "C2"])
    >>> retention_clv(m, 0.8, 0.1).round(1)
    C1    266.7
    C2    666.7
    Name: clv, dtype: float64
    """
    index = _v.paired_index(margin=margin, retention=retention, discount=discount, horizon=horizon)
    m = _numbers(margin, "margin")
    r = _retention(retention)
    d = _discount(discount)
    if horizon is None:
        m, r, d = _broadcast(margin=m, retention=r, discount=d)
        result = m * r / (1.0 + d - r)
    else:
        t = _horizon(horizon)
        m, r, d, t = _broadcast(margin=m, retention=r, discount=d, horizon=t)
        q = r / (1.0 + d)                       # survival-and-discount factor of one period, < 1
        result = m * q * (1.0 - q ** t) / (1.0 - q)
    return _wrap(np.asarray(result, dtype=float), index, "clv")


def margin_multiple_table(retentions: Any = (0.6, 0.7, 0.8, 0.9),
                          discounts: Any = (0.10, 0.12, 0.14, 0.16)) -> pd.DataFrame:
    """Gupta & Lehmann's margin multiple ``r / (1 + d − r)`` for a grid of rates.

    CLV = margin × multiple. For the retention (60–90%) and discount rates (10–16%) that Gupta
    and Lehmann call typical, the multiple lies between about 1 and 4.5: a customer is worth a
    few years of margin, not decades.

    Parameters
    ----------
    retentions, discounts : array-like of float
        The rows (retention rates, in [0, 1)) and columns (discount rates, >= 0).

    Returns
    -------
    pandas.DataFrame
        Rows ``retention``, columns ``discount``.

    Examples
    --------
    >>> margin_multiple_table().round(2)
    discount   0.10  0.12  0.14  0.16
    retention                        
    0.6        1.20  1.15  1.11  1.07
    0.7        1.75  1.67  1.59  1.52
    0.8        2.67  2.50  2.35  2.22
    0.9        4.50  4.09  3.75  3.46
    """
    r = _retention(np.atleast_1d(as_float_array(retentions, "retentions")), "retentions")
    d = _discount(np.atleast_1d(as_float_array(discounts, "discounts")), "discounts")
    values = r.ravel()[:, None] / (1.0 + d.ravel()[None, :] - r.ravel()[:, None])
    return pd.DataFrame(values, index=pd.Index(r.ravel(), name="retention"),
                        columns=pd.Index(d.ravel(), name="discount"))


def expected_lifetime(retention: Any) -> Any:
    """Average length of a relationship, in periods: ``1 / (1 − retention)``.

    A customer who leaves with probability ``1 − r`` at the end of each period stays on average
    ``1 / (1 − r)`` periods, counting the period in which they were acquired. Reichheld and
    Sasser's (1990) thought experiment: a credit-card issuer losing 10% of its customers a year
    keeps them 10 years on average; halve defections to 5% and the average doubles to 20 years.

    Parameters
    ----------
    retention : float or array-like
        Retention rate per period, in [0, 1).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Same shape as the input.

    Examples
    --------
    >>> round(expected_lifetime(0.9), 6), round(expected_lifetime(0.95), 6)
    (10.0, 20.0)
    >>> expected_lifetime([0.5, 0.8]).round(6)
    array([2., 5.])
    """
    r = _retention(retention)
    return _wrap(1.0 / (1.0 - r), _v.index_of(retention), "expected_lifetime")


def clv_by_horizon(margin: float, retention: float, discount: float,
                   max_horizon: int = 20) -> pd.DataFrame:
    """Period by period: the margin expected in each period, its present value, and the running
    total, which approaches the closed form as the horizon grows.

    Parameters
    ----------
    margin, retention, discount : float
        As in :func:`retention_clv` (one customer).
    max_horizon : int, default 20
        The last period shown (at least 1).

    Returns
    -------
    pandas.DataFrame
        Index ``period`` 1..max_horizon; columns ``survival`` (r^t), ``expected_margin``
        (m·r^t), ``present_value`` (m·r^t/(1+d)^t), ``clv`` (running total = retention_clv with
        horizon t) and ``share_of_limit`` (clv / closed form).

    Examples
    --------
    >>> table = clv_by_horizon(100, 0.8, 0.1, max_horizon=3)
    >>> table.round(2)
            survival  expected_margin  present_value     clv  share_of_limit
    period                                                                  
    1           0.80             80.0          72.73   72.73            0.27
    2           0.64             64.0          52.89  125.62            0.47
    3           0.51             51.2          38.47  164.09            0.62
    """
    margin = scalar(margin, "margin")
    r = float(_retention(scalar(retention, "retention")))
    d = float(_discount(scalar(discount, "discount")))
    t = _horizon(max_horizon, "max_horizon")
    if t.ndim or t < 1:
        raise ValueError(f"max_horizon: must be a single whole number, at least 1, got {max_horizon!r}")
    periods = np.arange(1, int(t) + 1)
    survival = r ** periods
    present = margin * survival / (1.0 + d) ** periods
    limit = retention_clv(margin, r, d)
    table = pd.DataFrame({"survival": survival, "expected_margin": margin * survival,
                          "present_value": present, "clv": np.cumsum(present)},
                         index=pd.Index(periods, name="period"))
    table["share_of_limit"] = table["clv"] / limit if limit else np.nan
    return table


def plot_clv_by_horizon(margin: float, retention: float, discount: float,
                        max_horizon: int = 20, ax: Any = None) -> Any:
    """Bars: the present value of each period's expected margin; line: the running total;
    dashed: the closed form it approaches.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_clv_by_horizon(100, 0.8, 0.1, max_horizon=10)
    >>> len(ax.patches)
    10
    >>> plotting.close(ax.figure)
    """
    from matplotlib.ticker import MaxNLocator

    from . import plotting

    table = clv_by_horizon(margin, retention, discount, max_horizon)
    limit = retention_clv(margin, retention, discount)
    if ax is None:
        _, ax = plotting.new_figure()
    ax.bar(table.index, table["present_value"], color=plotting.COLORS["neutral"], alpha=0.6,
           label="present value of the period's expected margin")
    ax.plot(table.index, table["clv"], marker="o", color=plotting.COLORS["good"],
            label="CLV over the first t periods")
    ax.axhline(limit, ls="--", color=plotting.COLORS["total"],
               label=f"closed form m·r/(1+d−r) = {limit:,.1f}")
    ax.set_xlabel("Horizon t (periods)")
    ax.set_ylabel("Value today")
    ax.set_title(f"CLV builds up towards its limit (m = {margin:g}, r = {retention:g}, "
                 f"d = {discount:g})", fontsize=13)
    ax.set_ylim(0, max(limit, table["clv"].max()) * 1.15 if limit > 0 else None)
    ax.legend(loc="center right")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_axisbelow(True)
    return ax


# ---------------------------------------------------------------------------------------------
# the discount method
# ---------------------------------------------------------------------------------------------

_TIMINGS = ("end", "start")


def discounted_value(cash_flows: Any, discount: float, timing: str = "end") -> Any:
    """The discount method (贴现法): the present value of a customer's cash-flow series.

    ``value = Σ_t cash_flow_t / (1 + d)^t``. With ``timing="end"`` (the default, the same
    convention as :func:`retention_clv`) the first cash flow arrives at the end of period 1 and
    is discounted once; with ``timing="start"`` it arrives today and is not discounted. The
    source names the method without fixing the timing; this is our choice, and a parameter.

    Parameters
    ----------
    cash_flows : array-like or pandas.DataFrame
        One customer: a list, array or Series of cash flows, period 1 first. Many customers: a
        2-D array or a DataFrame, one row per customer and one column per period (in order).
        Cash flows are revenue minus the cost of serving the customer and may be negative.
        Periods after a customer has left must be 0, not missing.
    discount : float
        Discount rate per period, 0 or more.
    timing : {"end", "start"}, default "end"
        When each period's cash flow arrives.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        One value per customer: a float for one series, a Series indexed like the DataFrame's
        rows, or an array for a 2-D array.

    Examples
    --------
    Three years of 100 at 10%: 100/1.1 + 100/1.1² + 100/1.1³ = 248.69.

    >>> round(discounted_value([100, 100, 100], 0.1), 2)
    248.69
    >>> round(discounted_value([100, 100, 100], 0.1, timing="start"), 2)   # 100 + 90.91 + 82.64
    273.55
    >>> flows = pd.DataFrame({1: [100, 50], 2: [100, 0]}, index=["C1", "C2"])
    >>> discounted_value(flows, 0.1).round(2)
    C1    173.55
    C2     45.45
    Name: discounted_value, dtype: float64
    """
    if timing not in _TIMINGS:
        raise ValueError(f"timing: must be 'end' (first cash flow at the end of period 1) or "
                         f"'start' (first cash flow today), got {timing!r}")
    d = float(_discount(scalar(discount, "discount")))
    index = None
    if isinstance(cash_flows, pd.DataFrame):
        frame = cash_flows
        non_numeric = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
        if non_numeric:
            raise TypeError(f"cash_flows: columns {non_numeric} are not numbers; keep only the "
                            "period columns (e.g. with .pivot_table(..., fill_value=0))")
        missing = frame.isna().to_numpy()
        if missing.any():
            row, col = np.argwhere(missing)[0]
            raise ValueError(f"cash_flows: missing value (NaN) for customer {_v.label(frame.index[row])} "
                             f"in period {_v.label(frame.columns[col])} ({int(missing.sum())} in all); a "
                             "customer who has left brings 0: use .fillna(0) or fill_value=0")
        values, index = frame.to_numpy(dtype=float), frame.index
        if values.size == 0:
            raise ValueError("cash_flows: is empty; give at least one period")
    else:
        values = _numbers(cash_flows, "cash_flows")
        if values.ndim == 0:
            values = values.reshape(1)
        if values.ndim > 2:
            raise ValueError(f"cash_flows: expected one series (1-D) or a table of customers × "
                             f"periods (2-D), got {values.ndim} dimensions")
    if np.isinf(values).any():
        raise ValueError("cash_flows: infinite value")
    periods = values.shape[-1]
    t = np.arange(1, periods + 1) - (1 if timing == "start" else 0)
    factors = (1.0 + d) ** -t.astype(float)
    result = values @ factors
    if values.ndim == 1:
        return float(result)
    if index is not None:
        return pd.Series(result, index=index, name="discounted_value")
    return result


def cohort_retention(table: pd.DataFrame, cohort: str = "cohort", tenure: str = "tenure",
                     count: str = "active_members") -> pd.DataFrame:
    """Retention rates estimated from a cohort table, pooled over cohorts, by tenure.

    For each tenure ``t`` (years since joining) the retention rate is the members active at
    ``t`` divided by the *same cohorts'* members at ``t − 1``, summed over every cohort
    observed at both (pooling weights each cohort by its size). Retention that falls or rises
    with tenure is a warning: :func:`retention_clv` assumes one constant rate.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per cohort and tenure, with the columns named below (other columns ignored).
    cohort, tenure, count : str
        Column names: the cohort label, the whole number of periods since joining (0 = the
        joining period) and the number of customers still active.

    Returns
    -------
    pandas.DataFrame
        Index ``tenure`` (1, 2, ...); columns ``previous`` (members at t − 1), ``retained``
        (members at t), ``retention`` and ``cohorts`` (how many cohorts were pooled).

    Examples
    --------
    Two cohorts: A (100 → 70 → 56) and B (200 → 150). Tenure 1: (70 + 150) / (100 + 200);
    tenure 2: 56 / 70.

    >>> t = pd.DataFrame({"cohort": ["A", "A", "A", "B", "B"], "tenure": [0, 1, 2, 0, 1],
    ...                   "active_members": [100, 70, 56, 200, 150]})
    >>> cohort_retention(t)
            previous  retained  retention  cohorts
    tenure                                        
    1            300       220   0.733333        2
    2             70        56   0.800000        1
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table: expected a DataFrame with one row per cohort and tenure, "
                        f"got {type(table).__name__}")
    missing = [c for c in (cohort, tenure, count) if c not in table.columns]
    if missing:
        raise ValueError(f"table: missing columns {missing}; name them with cohort=, tenure=, "
                         f"count= (the table has {list(table.columns)})")
    t = _horizon(table[tenure], f"table[{tenure!r}]")
    n = as_float_array(table[count], f"table[{count!r}]")
    if (n < 0).any():
        raise ValueError(f"table[{count!r}]: counts cannot be negative "
                         f"{describe_positions(n < 0, table.index)}")
    frame = pd.DataFrame({"cohort": table[cohort].to_numpy(), "tenure": t.astype(int),
                          "count": n})
    if frame.duplicated(["cohort", "tenure"]).any():
        dup = frame[frame.duplicated(["cohort", "tenure"], keep=False)].iloc[0]
        raise ValueError(f"table: cohort {dup['cohort']!r} has more than one row for tenure "
                         f"{dup['tenure']}")
    before = frame.assign(tenure=frame["tenure"] + 1).rename(columns={"count": "previous"})
    pairs = frame.merge(before, on=["cohort", "tenure"], how="inner")
    if pairs.empty:
        raise ValueError("table: no cohort is observed in two consecutive periods")
    out = pairs.groupby("tenure").agg(previous=("previous", "sum"), retained=("count", "sum"),
                                      cohorts=("cohort", "size"))
    out["retention"] = out["retained"] / out["previous"]
    if pd.api.types.is_integer_dtype(table[count].dtype):
        out[["previous", "retained"]] = out[["previous", "retained"]].astype(int)
    return out[["previous", "retained", "retention", "cohorts"]]


# ---------------------------------------------------------------------------------------------
# what a retention gain is worth
# ---------------------------------------------------------------------------------------------

def retention_gain(base_retention: Any, gain: float = 0.05, discount: float = 0.10,
                   margin: float = 1.0, horizon: int | None = None) -> pd.DataFrame:
    """What raising retention by ``gain`` (e.g. 5 points, 0.80 → 0.85) does to a customer's
    value, for each base retention.

    The percentage increase in CLV does not depend on the margin (it cancels), but it depends
    strongly on the base retention. Above a base of about ``(1 + d) / 2`` the higher the base,
    the more the same points are worth: from 90% to 95% halves the defectors and doubles the
    average relationship (``1 / (1 − r)``), from 60% to 65% shortens it only a little. Below
    that base the percentage rises again, because 5 points are then a large relative rise of
    the retention rate itself (the curve is U-shaped; in margins the gain always grows with
    the base).

    Parameters
    ----------
    base_retention : float or array-like
        Retention rates before the gain; each plus ``gain`` must stay below 1.
    gain : float, default 0.05
        The increase in retention, in points (0.05 = 5 percentage points).
    discount : float, default 0.10
        Discount rate per period.
    margin : float, default 1.0
        Margin per period (only scales the CLV columns).
    horizon : int or None, default None
        As in :func:`retention_clv`.

    Returns
    -------
    pandas.DataFrame
        One row per base retention: ``base_retention``, ``new_retention``, ``clv_base``,
        ``clv_new``, ``clv_increase`` (new/base − 1), ``lifetime_base`` and ``lifetime_new``
        (average relationship length in periods).

    Examples
    --------
    From 80% to 85% at a 10% discount rate: 0.8/0.3 = 2.667 → 0.85/0.25 = 3.4, +27.5%.

    >>> retention_gain(0.8).round(3).T
                        0
    base_retention  0.800
    new_retention   0.850
    clv_base        2.667
    clv_new         3.400
    clv_increase    0.275
    lifetime_base   5.000
    lifetime_new    6.667
    """
    base = np.atleast_1d(_retention(base_retention, "base_retention")).ravel()
    gain = scalar(gain, "gain")
    new = base + gain
    bad = (new < 0) | (new >= 1)
    if bad.any():
        first = base[np.flatnonzero(bad)[0]]
        raise ValueError(f"gain: base_retention {first:g} + gain {gain:g} = {first + gain:g} "
                         "leaves [0, 1); lower the gain or the base")
    clv_base = np.atleast_1d(retention_clv(margin, base, discount, horizon))
    clv_new = np.atleast_1d(retention_clv(margin, new, discount, horizon))
    with np.errstate(all="ignore"):  # a base of 0 has no CLV to grow from: NaN
        increase = np.where(clv_base != 0, clv_new / clv_base - 1.0, np.nan)
    return pd.DataFrame({"base_retention": base, "new_retention": new, "clv_base": clv_base,
                         "clv_new": clv_new, "clv_increase": increase,
                         "lifetime_base": 1.0 / (1.0 - base), "lifetime_new": 1.0 / (1.0 - new)})


def plot_retention_gain(gain: float = 0.05, discounts: Any = (0.05, 0.10, 0.15),
                        base_range: tuple[float, float] = (0.5, 0.9), ax: Any = None) -> Any:
    """The curve: % increase in CLV from a ``gain``-point retention rise, against the base
    retention, one line per discount rate.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_retention_gain()
    >>> len(ax.get_lines())
    3
    >>> plotting.close(ax.figure)
    """
    from matplotlib.ticker import PercentFormatter

    from . import plotting

    if isinstance(base_range, (str, bytes)) or np.ndim(base_range) != 1 or len(base_range) != 2:
        raise TypeError(f"base_range: expected (low, high) retention rates, e.g. (0.5, 0.9), "
                        f"got {base_range!r}")
    low, high = (scalar(b, "base_range") for b in base_range)
    if not 0 <= low < high < 1:
        raise ValueError(f"base_range: expected retention rates with 0 <= low < high < 1, got "
                         f"({low:g}, {high:g})")
    discounts = np.atleast_1d(_discount(as_float_array(discounts, "discounts"), "discounts"))
    grid = np.linspace(low, high, 81)
    if ax is None:
        _, ax = plotting.new_figure()
    colours = [plotting.COLORS[c] for c in ("good", "neutral", "bad", "accent", "muted")]
    for i, d in enumerate(discounts.ravel()):
        table = retention_gain(grid, gain=gain, discount=float(d))
        ax.plot(table["base_retention"], table["clv_increase"], lw=2.5,
                color=colours[i % len(colours)], label=f"discount rate {d:.0%}")
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("Retention rate before the gain")
    ax.set_ylabel("Increase in customer lifetime value")
    ax.set_title(f"What {gain * 100:g} more points of retention are worth")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left")
    return ax


def retention_claims() -> pd.DataFrame:
    """The well-known claims about retention and profit, their sources, what they measure, and
    their limits: a teaching table.

    Examples
    --------
    >>> retention_claims()["source"].tolist()[:2]
    ['Reichheld & Sasser (1990), HBR 68(5)', 'Reichheld & Sasser (1990), HBR 68(5)']
    """
    rows = [
        ("Reducing defections by 5 points raises profits by 25% to 85% (85% in a bank's branch "
         "system, 50% in an insurance brokerage, 30% in an auto-service chain)",
         "Reichheld & Sasser (1990), HBR 68(5)",
         "the rise in the net present value of the profit stream of an average customer, in "
         "client companies of Bain & Company",
         "case studies, not a sample of firms; per customer, not total company profit; each case "
         "starts from its own base retention (see the curve)"),
        ("Cutting a credit-card issuer's defections from 10% to 5% doubles the average customer "
         "life from 10 to 20 years (MBNA: average customer value up by more than 125%)",
         "Reichheld & Sasser (1990), HBR 68(5)",
         "arithmetic: average life = 1 / defection rate",
         "a thought experiment with constant defection rates; first-year defection is usually "
         "higher than later, and keeping customers costs money"),
        ("A loyal customer grows more profitable every year: base profit, then growing "
         "purchases, lower cost to serve, referrals and a price premium",
         "Reichheld (1996), The Loyalty Effect",
         "the same Bain case material in book form: the economics of one customer over time",
         "service firms with high acquisition costs; Reinartz & Kumar (2002) found the link "
         "much weaker in other settings"),
        ("Increasing customer retention rates by 5% increases profits by 25% to 95%",
         "Reichheld & Schefter (2000), 'E-Loyalty: Your Secret Weapon on the Web', HBR 78(4)",
         "the source of the '25–95%' that slides quote; Bain's case work, restated for online "
         "firms",
         "quoted without the conditions: 5 points or 5 percent, per customer or for the firm, "
         "from which base retention, and with or without the cost of keeping customers"),
        ("A 1% improvement in retention raises firm value by about 5%, against 1% for margin and "
         "0.1% for acquisition cost",
         "Gupta, Lehmann & Stuart (2004), JMR 41(1)",
         "customer-based valuation of five public firms from published data",
         "holds at those firms' retention and discount rates; the model assumes constant "
         "retention and margins"),
        ("Long-life customers are not always the profitable ones; some loyal customers cost "
         "more than they bring",
         "Reinartz & Kumar (2002), HBR 80(7)",
         "customer data of four companies (a corporate service provider, a mail-order company, "
         "a grocery retailer, a brokerage)",
         "a warning against the claims above: manage profitability and loyalty together"),
        ("Brands grow mainly by winning more buyers; loyalty differs little between brands of "
         "similar size, so retention alone cannot drive growth",
         "Sharp (2010), How Brands Grow, Oxford University Press",
         "buying data of many consumer-goods and service categories (the Ehrenberg-Bass "
         "Institute)",
         "a critique of generalising the Bain cases to all markets and of neglecting "
         "acquisition; it does not deny that keeping customers has value"),
    ]
    return pd.DataFrame(rows, columns=["claim", "source", "what it measures", "limits"])


# ---------------------------------------------------------------------------------------------
# the leaky bucket
# ---------------------------------------------------------------------------------------------

def steady_state(acquired: Any, retention: Any) -> Any:
    """The size at which the leaky bucket stops changing: ``acquired / (1 − retention)``.

    There, the customers lost each period, ``(1 − r) × N``, equal those acquired.

    Parameters
    ----------
    acquired : float or array-like
        Customers acquired per period (0 or more).
    retention : float or array-like
        Retention rate per period, in [0, 1).

    Returns
    -------
    float, numpy.ndarray or pandas.Series

    Examples
    --------
    >>> steady_state(200, 0.75)
    800.0
    >>> steady_state(200, [0.5, 0.8, 0.9]).round(6)
    array([ 400., 1000., 2000.])
    """
    a = _numbers(acquired, "acquired")
    if (a < 0).any():
        raise ValueError(f"acquired: customers acquired cannot be negative, got {a.min():g}")
    r = _retention(retention)
    a, r = _broadcast(acquired=a, retention=r)
    return _wrap(np.asarray(a / (1.0 - r), dtype=float),
                 _v.paired_index(acquired=acquired, retention=retention), "steady_state")


def _per_period(value: Any, name: str, periods: int) -> np.ndarray:
    arr = _numbers(value, name)
    if arr.ndim == 0:
        return np.full(periods, float(arr))
    arr = arr.ravel()
    if arr.size != periods:
        raise ValueError(f"{name}: give one value for every period or a single value; got "
                         f"{arr.size} values for {periods} periods")
    return arr


def leaky_bucket(initial: float, acquired: Any, retention: Any, periods: int) -> pd.DataFrame:
    """Czepiel's leaky bucket: a customer base filled by acquisition and drained by defection.

    Each period, a share ``1 − r`` of the customers at the start leave, and ``acquired`` new
    customers join (they are not at risk in the period they arrive)::

        end_t = retention × end_{t−1} + acquired_t,      end_0 = initial

    With constant acquisition and retention the base tends to ``acquired / (1 − retention)``
    (:func:`steady_state`) from wherever it starts; a firm that only pours in new customers
    without fixing the leak stops growing at that level.

    Parameters
    ----------
    initial : float
        Customers at the start (0 or more).
    acquired : float or array-like
        New customers in each period: one value, or one per period.
    retention : float or array-like
        Retention rate in each period, in [0, 1] (1: no leak at all): one value, or one per
        period.
    periods : int
        Number of periods simulated (at least 1).

    Returns
    -------
    pandas.DataFrame
        Index ``period`` 1..periods; columns ``start`` (customers at the start), ``lost``
        (defectors), ``acquired``, ``end`` (customers at the end) and ``net_change``.
        Numbers of customers are expected values and need not be whole.

    Examples
    --------
    1,000 customers, 200 new ones a period, 75% retention: 1000 × 0.75 + 200 = 950, then
    950 × 0.75 + 200 = 912.5, ... towards 200 / 0.25 = 800.

    >>> leaky_bucket(1000, 200, 0.75, periods=3)
             start     lost  acquired      end  net_change
    period                                                
    1       1000.0  250.000     200.0  950.000     -50.000
    2        950.0  237.500     200.0  912.500     -37.500
    3        912.5  228.125     200.0  884.375     -28.125
    """
    initial = non_negative(initial, "initial")
    steps = _horizon(periods, "periods")
    if steps.ndim or steps < 1:
        raise ValueError(f"periods: must be a single whole number, at least 1, got {periods!r}")
    n = int(steps)
    a = _per_period(acquired, "acquired", n)
    if (a < 0).any():
        raise ValueError(f"acquired: customers acquired cannot be negative, got {a.min():g} "
                         f"{describe_positions(a < 0)}")
    r = _per_period(_retention(retention, allow_one=True), "retention", n)
    start = np.empty(n)
    level = initial
    for t in range(n):                       # a recursion: each period starts where the last ended
        start[t] = level
        level = r[t] * level + a[t]
    lost = (1.0 - r) * start
    end = start - lost + a
    table = pd.DataFrame({"start": start, "lost": lost, "acquired": a, "end": end,
                          "net_change": end - start},
                         index=pd.Index(np.arange(1, n + 1), name="period"))
    return table


def plot_leaky_bucket(initial: float, acquired: Any, retention: Any, periods: int,
                      axes: Any = None) -> Any:
    """Stock and flows of the leaky bucket: the customer base over time with its steady state
    (top), and the customers acquired and lost each period (bottom).

    Parameters
    ----------
    initial, acquired, retention, periods
        As in :func:`leaky_bucket`.
    axes : sequence of two matplotlib Axes, optional
        Where to draw (stock, flows); a new two-panel figure when omitted.

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes
        The two axes: ``[stock, flows]``.

    Examples
    --------
    >>> from crmlib import plotting
    >>> stock, flows = plot_leaky_bucket(1000, 200, 0.75, periods=12)
    >>> len(flows.patches)          # 12 bars in, 12 bars out
    24
    >>> plotting.close(stock.figure)
    """
    from matplotlib.ticker import MaxNLocator

    from . import plotting

    table = leaky_bucket(initial, acquired, retention, periods)
    if axes is None:
        _, axes = plotting.new_figure(2, 1, figsize=(9, 6.5), sharex=True,
                                      gridspec_kw={"height_ratios": [3, 2]})
    stock, flows = axes
    x = np.concatenate([[0], table.index.to_numpy()])
    y = np.concatenate([[table["start"].iloc[0]], table["end"].to_numpy()])
    stock.plot(x, y, marker="o", ms=4, lw=2.5, color=plotting.COLORS["total"],
               label="customers (stock)")
    r = np.atleast_1d(_numbers(retention, "retention"))
    a = np.atleast_1d(_numbers(acquired, "acquired"))
    if r.size == 1 and a.size == 1 and float(r[0]) < 1:
        level = float(a[0]) / (1.0 - float(r[0]))
        stock.axhline(level, ls="--", color=plotting.COLORS["neutral"],
                      label=f"steady state acquired/(1 − r) = {level:,.0f}")
    stock.set_ylabel("Customers")
    stock.set_ylim(bottom=0, top=max(y.max(), stock.get_ylim()[1]) * 1.08)
    stock.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    stock.set_title("The leaky bucket: customers in, customers out")
    flows.bar(table.index, table["acquired"], color=plotting.COLORS["good"], label="acquired (in)")
    flows.bar(table.index, -table["lost"], color=plotting.COLORS["bad"], label="lost (out)")
    flows.axhline(0, color=plotting.COLORS["total"], lw=0.8)
    flows.set_ylabel("Customers per period")
    flows.set_xlabel("Period")
    flows.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    flows.xaxis.set_major_locator(MaxNLocator(integer=True))
    for ax in (stock, flows):
        ax.set_axisbelow(True)
    return np.asarray(axes)


# slider name -> (kind, min, max, step)
_BUCKET_SLIDERS = {
    "initial": ("int", 0, 10_000, 100),
    "acquired": ("int", 0, 2_000, 10),
    "retention": ("float", 0, 0.99, 0.01),
    "periods": ("int", 1, 40, 1),
}



def leaky_bucket_widget(initial: float = 1000, acquired: float = 200, retention: float = 0.75,
                        periods: int = 20) -> Any:
    """An interactive panel: sliders for the start, the inflow, the retention rate and the number
    of periods, redrawing the stock-and-flow chart and printing the steady state.

    Returns
    -------
    ipywidgets.VBox
        The panel; ``panel.sliders`` maps each argument to its slider, ``panel.output`` holds
        the printed summary and the chart.

    Examples
    --------
    >>> panel = leaky_bucket_widget()
    >>> print(panel.output.outputs[0]["text"].splitlines()[0])
    After 20 periods: 801 customers; steady state 200 / (1 − 0.75) = 800.
    >>> panel.sliders["retention"].value = 0.9
    >>> "steady state 200 / (1 − 0.9) = 2,000" in panel.output.outputs[0]["text"]
    True
    """
    from . import plotting, widgets

    leaky_bucket(initial, acquired, retention, periods)     # validate before building widgets
    start = {"initial": initial, "acquired": acquired, "retention": retention, "periods": periods}
    sliders = {name: widgets.slider(name, start[name], low, high, step,
                                    integer=kind == "int" and float(start[name]).is_integer())
               for name, (kind, low, high, step) in _BUCKET_SLIDERS.items()}

    def render(v: dict[str, Any]) -> tuple[str, Any]:
        table = leaky_bucket(v["initial"], v["acquired"], v["retention"], int(v["periods"]))
        level = steady_state(v["acquired"], v["retention"])
        text = (f"After {int(v['periods'])} periods: {table['end'].iloc[-1]:,.0f} customers; "
                f"steady state {v['acquired']:,.0f} / (1 − {v['retention']:g}) = {level:,.0f}.\n"
                f"Average relationship: {expected_lifetime(v['retention']):.1f} periods.\n")
        fig, axes = plotting.new_figure(2, 1, figsize=(9, 6.5), sharex=True,
                                        gridspec_kw={"height_ratios": [3, 2]})
        plot_leaky_bucket(v["initial"], v["acquired"], v["retention"], int(v["periods"]),
                          axes=axes)
        return text, fig

    return widgets.panel(sliders, render, "leaky bucket")



# ---------------------------------------------------------------------------------------------
# does a retention programme pay? (appended for chapter 8's case)
# ---------------------------------------------------------------------------------------------

def break_even_retention(margin: Any, retention: Any, discount: Any, cost: Any) -> Any:
    """The retention rate at which a retention programme pays for itself.

    A programme costs ``c`` per customer per period, paid (like the margin) at the end of each
    period while the customer stays, so the margin falls from ``m`` to ``m − c``. It breaks
    even at the retention ``r*`` that makes a customer worth what they are worth today,
    ``V = m·r / (1 + d − r)`` (:func:`retention_clv`):

        (m − c)·r* / (1 + d − r*) = V   ⇔   r* = V·(1 + d) / (m − c + V)

    The programme must add ``r* − r`` points of retention to pay. Where even a retention of 1
    would not pay for the cost, there is no break-even rate and the result is NaN.

    Parameters
    ----------
    margin : float or array-like
        Margin per period without the programme (more than ``cost``).
    retention : float or array-like
        Retention rate per period without the programme, in [0, 1).
    discount : float or array-like
        Discount rate per period (0.1 for 10%).
    cost : float or array-like
        Cost of the programme per customer per period, 0 or more.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        The break-even retention rate, shaped like the inputs (a Series when one came in).

    Raises
    ------
    ValueError
        For a negative cost, a cost at or above the margin, or rates outside their ranges.

    Examples
    --------
    $200 a year, 80% retention, 10%: V = 200 × 0.8 / 0.3 = 533.33; a programme of $6 a year
    breaks even at 533.33 × 1.1 / (194 + 533.33) = 0.8066, two thirds of a point more:

    >>> round(break_even_retention(200, 0.80, 0.10, cost=6), 4)
    0.8066
    >>> break_even_retention(200, 0.80, 0.10, cost=[0, 6, 15]).round(4)
    array([0.8   , 0.8066, 0.8167])
    """
    index = _v.paired_index(margin=margin, retention=retention, discount=discount, cost=cost)
    m = _numbers(margin, "margin")
    c = _numbers(cost, "cost")
    if (c < 0).any():
        raise ValueError(f"cost: a programme's cost per customer cannot be negative, got "
                         f"{c.min():g}")
    r = _retention(retention)
    d = _discount(discount)
    m, r, d, c = _broadcast(margin=m, retention=r, discount=d, cost=c)
    if (m - c <= 0).any():
        first = np.flatnonzero(np.atleast_1d(m - c <= 0))[0]
        raise ValueError(f"cost: must be below the margin (a customer who costs more than they "
                         f"bring never pays back), got cost {np.atleast_1d(c)[first]:g} for "
                         f"margin {np.atleast_1d(m)[first]:g}")
    value = m * r / (1.0 + d - r)
    result = value * (1.0 + d) / (m - c + value)
    result = np.where(result < 1.0, result, np.nan)
    return _wrap(np.asarray(result, dtype=float), index, "break_even_retention")
