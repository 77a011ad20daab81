"""Complaint management (客户投诉管理): the complaint iceberg, what silence and poor handling cost,
analysing a complaints log, and the steps of handling a complaint and recovering the service.

"100 − 1 = 0", a saying common in Chinese service training: a hundred good experiences do not protect a relationship from one
bad one that is handled badly. Complaints are the part of dissatisfaction a firm can *see*; most
unhappy customers never complain, they just leave and talk.

The complaint iceberg
---------------------
:func:`complaint_iceberg` turns a count of complaints into an estimate of unhappy customers,
customers lost and people who hear a bad story. Every figure is a parameter, and each default
comes from the often-quoted findings of the TARP studies (Technical Assistance Research Programs)
for the US Office of Consumer Affairs of the late 1970s and early 1980s (TARP 1979), as quoted by
Albrecht & Zemke (1985), *Service America!* (TARP's 1986 update study came after the book, so the
figures quoted there are the earlier studies'):

==========================  =======  ========================================================
parameter                   default  source and meaning
==========================  =======  ========================================================
``silent_per_complaint``    26       "for every complaint received, the average company has 26
                                     customers with problems": read here as 26 silent *besides*
                                     the complainer (27 unhappy per complaint). It can also be
                                     read as 26 with problems *including* the complainer (25
                                     silent), and the "96 % never complain" of the same passage
                                     implies 24; see :func:`tarp_readings`
``problem``                 'major'  TARP's repurchase rates for problems costing over $100
                                     ('major') or $1-5 ('minor'); see :data:`TARP_REPURCHASE`
``people_told_unhappy``     9        a customer with a problem tells 9 to 10 people (13 % tell
                                     more than 20); we take the lower end
``people_told_resolved``    5        a customer whose complaint is resolved tells about 5
``resolved_share``          0.5      *no published source*: the firm's own share of complaints
                                     resolved; replace it with yours (a complaints log has it)
``quick_share``             0.5      *no published source*: share of resolved complaints that
                                     are resolved quickly; replace it with yours
==========================  =======  ========================================================

Limits of these figures (say them whenever you use them): they come from surveys of American
consumers in the 1970s and 1980s; they are stated intentions, not observed behaviour; they are
averages over very different industries; what counts as a "complaint" (in the surveys, a complaint
that reached the company; in a hotel's log, every word at the front desk) changes the ratio
enormously; and they are quoted far more often than they are checked. A firm should measure its
own: :func:`silent_ratio` estimates the silent ratio from a survey that asks guests whether they
had a problem and whether they complained.

>>> result = complaint_iceberg(100)
>>> result.unhappy, result.silent
(2700.0, 2600.0)
>>> round(result.lost, 1)
2422.5

References
----------
Albrecht, K. & Zemke, R. (1985). *Service America! Doing Business in the New Economy*. Dow
Jones-Irwin (quoting the TARP figures).
TARP (1979). *Consumer Complaint Handling in America: Final Report*. US Office of Consumer
Affairs.
TARP (1986). *Consumer Complaint Handling in America: An Update Study*. US Office of Consumer
Affairs.
Hart, C. W. L., Heskett, J. L. & Sasser, W. E. (1990). The profitable art of service recovery.
*Harvard Business Review*, 68(4), 148-156.
McCollough, M. A., Berry, L. L. & Yadav, M. S. (2000). An empirical investigation of customer
satisfaction after service failure and recovery. *Journal of Service Research*, 3(2), 121-137.
"""
from __future__ import annotations

import inspect
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = [
    "TARP_REPURCHASE", "IcebergResult", "complaint_iceberg", "compare_handling", "silent_ratio",
    "plot_iceberg", "HANDLING_PATHS", "handling_path", "resolution_bands", "pareto", "plot_pareto", "log_summary", "repurchase_by",
    "plot_repurchase", "monthly_counts", "plot_monthly", "why_customers_stay_silent",
    "complaint_management", "handling_steps", "service_recovery", "yogurt_case_review",
    "f_hotel_practices", "tarp_readings",
]

#: Share of customers with a problem who would buy again, by what happened to the problem
#: (the TARP studies before 1985, as quoted by Albrecht & Zemke 1985). 'major': a potential loss over $100;
#: 'minor': a loss of $1-5.
TARP_REPURCHASE = pd.DataFrame(
    {"silent": [0.09, 0.37], "complained_unresolved": [0.19, 0.46],
     "complained_resolved": [0.54, 0.70], "resolved_quickly": [0.82, 0.95]},
    index=pd.Index(["major", "minor"], name="problem"))


def _fmt(x: float) -> str:
    text = f"{x:,.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class IcebergResult:
    """The result of :func:`complaint_iceberg`: the inputs and every step of the estimate.

    Attributes
    ----------
    assumptions : Mapping[str, float]
        The inputs, by parameter name (read-only); ``problem`` is stored as its repurchase rates.
    complaints, silent, unhappy : float
        Complaints received, unhappy customers who said nothing, all unhappy customers.
    unresolved, resolved_slowly, resolved_quickly : float
        The complainers by what happened to their complaint.
    retained, lost : float
        Expected unhappy customers who buy again, and who do not.
    bad_stories, good_stories : float
        People who hear a bad story (from silent and unresolved customers), and a good one (from
        customers whose complaint was resolved).
    value_lost : float
        ``lost × customer_value``.

    Examples
    --------
    >>> r = complaint_iceberg(10, resolved_share=1, quick_share=1)
    >>> r.resolved_quickly, r.unresolved
    (10.0, 0.0)
    """

    assumptions: Mapping[str, float] = field(hash=False)
    complaints: float
    silent: float
    unhappy: float
    unresolved: float
    resolved_slowly: float
    resolved_quickly: float
    retained: float
    lost: float
    bad_stories: float
    good_stories: float
    value_lost: float

    @property
    def steps(self) -> pd.DataFrame:
        """The estimate step by step, with the numbers substituted.

        Examples
        --------
        >>> complaint_iceberg(100).steps.loc[:2, ["step", "formula", "value"]]
                               step      formula   value
        0       complaints received          100   100.0
        1  silent unhappy customers     100 × 26  2600.0
        2     all unhappy customers  100 + 2,600  2700.0
        """
        a, f = self.assumptions, _fmt
        c, r, q = self.complaints, a["resolved_share"], a["quick_share"]
        rows = [
            ("complaints received", f(c), c, "customers"),
            ("silent unhappy customers", f"{f(c)} × {f(a['silent_per_complaint'])}",
             self.silent, "customers"),
            ("all unhappy customers", f"{f(c)} + {f(self.silent)}", self.unhappy, "customers"),
            ("complaints not resolved", f"{f(c)} × (1 − {f(r)})", self.unresolved, "customers"),
            ("resolved, slowly", f"{f(c)} × {f(r)} × (1 − {f(q)})", self.resolved_slowly,
             "customers"),
            ("resolved quickly", f"{f(c)} × {f(r)} × {f(q)}", self.resolved_quickly, "customers"),
            ("expected to buy again",
             f"{f(self.silent)} × {f(a['repurchase_silent'])} + {f(self.unresolved)} × "
             f"{f(a['repurchase_unresolved'])} + {f(self.resolved_slowly)} × "
             f"{f(a['repurchase_resolved'])} + {f(self.resolved_quickly)} × "
             f"{f(a['repurchase_quickly'])}", self.retained, "customers"),
            ("customers lost", f"{f(self.unhappy)} − {f(self.retained)}", self.lost, "customers"),
            ("people told a bad story",
             f"({f(self.silent)} + {f(self.unresolved)}) × {f(a['people_told_unhappy'])}",
             self.bad_stories, "people"),
            ("people told a good story",
             f"{f(self.resolved_slowly + self.resolved_quickly)} × "
             f"{f(a['people_told_resolved'])}", self.good_stories, "people"),
            ("value of the customers lost", f"{f(self.lost)} × {f(a['customer_value'])}",
             self.value_lost, "money"),
        ]
        return pd.DataFrame(rows, columns=["step", "formula", "value", "unit"])

    def __str__(self) -> str:
        def count(x: float) -> str:  # whole people once there are many, one decimal for a few
            return f"{x:,.0f}" if abs(x) >= 100 else _fmt(round(x, 1))

        one = self.complaints == 1
        return (f"{_fmt(self.complaints)} complaint{'' if one else 's'} "
                f"suggest{'s' if one else ''} {count(self.unhappy)} unhappy "
                f"customer{'' if self.unhappy == 1 else 's'}, of whom about {count(self.lost)} "
                f"will not come back; {count(self.bad_stories)} people hear a bad story.")

    def _repr_html_(self) -> str:
        return f"<p><b>{escape(str(self))}</b></p>" + self.steps.to_html(index=False)


def complaint_iceberg(complaints: float, silent_per_complaint: float = 26,
                      resolved_share: float = 0.5, quick_share: float = 0.5,
                      problem: str = "major", repurchase_silent: float | None = None,
                      repurchase_unresolved: float | None = None,
                      repurchase_resolved: float | None = None,
                      repurchase_quickly: float | None = None,
                      people_told_unhappy: float = 9, people_told_resolved: float = 5,
                      customer_value: float = 1.0) -> IcebergResult:
    """What a number of complaints implies: unhappy customers, customers lost, stories told.

    Parameters
    ----------
    complaints : float
        Complaints received in the period.
    silent_per_complaint : float, default 26
        Unhappy customers who do not complain, per complaint received (TARP: 26).
    resolved_share : float, default 0.5
        Share of complaints resolved to the customer's satisfaction. No published source: a
        placeholder for the firm's own figure.
    quick_share : float, default 0.5
        Share of the resolved complaints that were resolved quickly. No published source.
    problem : {'major', 'minor'}, default 'major'
        Which row of :data:`TARP_REPURCHASE` gives the repurchase rates.
    repurchase_silent, repurchase_unresolved, repurchase_resolved, repurchase_quickly : float, optional
        Share who buy again after: saying nothing; complaining without resolution; a resolved
        complaint; a quickly resolved complaint. Each overrides the TARP rate of ``problem``.
    people_told_unhappy : float, default 9
        People each silent or unresolved customer tells (TARP: 9 to 10).
    people_told_resolved : float, default 5
        People each customer with a resolved complaint tells (TARP: about 5).
    customer_value : float, default 1.0
        Value of one customer (e.g. future margin); the default counts customers.

    Returns
    -------
    IcebergResult
        Every step (``.steps`` shows the working); ``str()`` gives one summary sentence.

    Raises
    ------
    TypeError
        If an argument is not a number (or ``problem`` not a string).
    ValueError
        If a count is negative, a share or rate lies outside [0, 1], or ``problem`` is unknown.

    Examples
    --------
    100 complaints, TARP's defaults, half resolved and half of those quickly:

    >>> r = complaint_iceberg(100)
    >>> r.unresolved, r.resolved_slowly, r.resolved_quickly
    (50.0, 25.0, 25.0)
    >>> r.retained   # 2600 × 0.09 + 50 × 0.19 + 25 × 0.54 + 25 × 0.82
    277.5
    >>> r.bad_stories, r.good_stories
    (23850.0, 250.0)
    >>> complaint_iceberg(100, silent_per_complaint=5, problem="minor").unhappy
    600.0
    """
    complaints = v.non_negative(complaints, "complaints")
    silent_per_complaint = v.non_negative(silent_per_complaint, "silent_per_complaint")
    resolved_share = v.share(resolved_share, "resolved_share")
    quick_share = v.share(quick_share, "quick_share")
    if not isinstance(problem, str):
        raise TypeError(f"problem: expected 'major' or 'minor', got {problem!r}")
    if problem not in TARP_REPURCHASE.index:
        raise ValueError(f"problem: expected one of {list(TARP_REPURCHASE.index)}, got "
                         f"{problem!r}")
    tarp = TARP_REPURCHASE.loc[problem]
    rates = {}
    for name, given, column in (
            ("repurchase_silent", repurchase_silent, "silent"),
            ("repurchase_unresolved", repurchase_unresolved, "complained_unresolved"),
            ("repurchase_resolved", repurchase_resolved, "complained_resolved"),
            ("repurchase_quickly", repurchase_quickly, "resolved_quickly")):
        rates[name] = float(tarp[column]) if given is None else v.share(given, name)
    people_told_unhappy = v.non_negative(people_told_unhappy, "people_told_unhappy")
    people_told_resolved = v.non_negative(people_told_resolved, "people_told_resolved")
    customer_value = v.non_negative(customer_value, "customer_value")

    silent = complaints * silent_per_complaint
    unhappy = complaints + silent
    unresolved = complaints * (1 - resolved_share)
    resolved_slowly = complaints * resolved_share * (1 - quick_share)
    resolved_quickly = complaints * resolved_share * quick_share
    retained = (silent * rates["repurchase_silent"] + unresolved * rates["repurchase_unresolved"]
                + resolved_slowly * rates["repurchase_resolved"]
                + resolved_quickly * rates["repurchase_quickly"])
    lost = unhappy - retained
    assumptions = dict(complaints=complaints, silent_per_complaint=silent_per_complaint,
                       resolved_share=resolved_share, quick_share=quick_share, **rates,
                       people_told_unhappy=people_told_unhappy,
                       people_told_resolved=people_told_resolved, customer_value=customer_value)
    return IcebergResult(
        MappingProxyType(assumptions), complaints=complaints, silent=silent, unhappy=unhappy,
        unresolved=unresolved, resolved_slowly=resolved_slowly,
        resolved_quickly=resolved_quickly, retained=retained, lost=lost,
        bad_stories=(silent + unresolved) * people_told_unhappy,
        good_stories=(resolved_slowly + resolved_quickly) * people_told_resolved,
        value_lost=lost * customer_value)


def compare_handling(scenarios: Mapping[str, Mapping[str, Any]], **common: Any) -> pd.DataFrame:
    """:func:`complaint_iceberg` for several ways of handling complaints, one row each.

    Parameters
    ----------
    scenarios : mapping of name -> mapping
        The arguments that differ between scenarios (e.g. ``resolved_share``).
    **common
        Arguments shared by every scenario (``complaints`` among them).

    Returns
    -------
    pandas.DataFrame
        Indexed by scenario: unhappy, retained, lost, bad_stories, good_stories, value_lost.

    Examples
    --------
    One complaint about a major problem, no silent customers: how many customers does each way of
    handling keep?

    >>> compare_handling({"ignored": {"resolved_share": 0},
    ...                   "resolved on the spot": {"resolved_share": 1, "quick_share": 1}},
    ...                  complaints=1, silent_per_complaint=0)["retained"].tolist()
    [0.19, 0.82]
    """
    if not isinstance(scenarios, Mapping) or not scenarios:
        raise TypeError("scenarios: expected a non-empty mapping of scenario name -> arguments")
    rows = {}
    for name, args in scenarios.items():
        if not isinstance(args, Mapping):
            raise TypeError(f"scenarios[{name!r}]: expected a mapping of arguments, got "
                            f"{type(args).__name__}")
        allowed = list(inspect.signature(complaint_iceberg).parameters)
        unknown = [k for k in {**common, **args} if k not in allowed]
        if unknown:
            raise TypeError(f"scenarios[{name!r}]: {unknown[0]!r} is not an argument of "
                            f"complaint_iceberg(); use {', '.join(allowed)}")
        r = complaint_iceberg(**{**common, **args})
        rows[name] = {"unhappy": r.unhappy, "retained": r.retained, "lost": r.lost,
                      "bad_stories": r.bad_stories, "good_stories": r.good_stories,
                      "value_lost": r.value_lost}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "scenario"
    return table


def _flags(values: Any, name: str) -> tuple[np.ndarray, np.ndarray, pd.Index | None]:
    """(known, value) boolean arrays from booleans/0-1 with missing values allowed."""
    if isinstance(values, (str, bytes, Mapping, pd.DataFrame)) or np.ndim(values) != 1:
        raise TypeError(f"{name}: expected True/False values (a list, array or Series), got "
                        f"{type(values).__name__}")
    index = values.index if isinstance(values, pd.Series) else None
    series = pd.Series(values) if not isinstance(values, pd.Series) else values
    known = series.notna().to_numpy()
    raw = series[known]
    ok = raw.map(lambda x: isinstance(x, (bool, np.bool_)) or (
        isinstance(x, (int, float, np.integer, np.floating)) and x in (0, 1))).to_numpy(bool)
    if not ok.all():
        bad = raw[~ok].iloc[0]
        bad = bad.item() if isinstance(bad, np.generic) else bad
        where = f" at label {raw.index[~ok][0]!r}" if index is not None else ""
        raise ValueError(f"{name}: expected True/False (or 1/0), found {bad!r}{where}")
    value = np.zeros(len(series), dtype=bool)
    value[known] = raw.astype(bool).to_numpy()
    return known, value, index


def silent_ratio(had_problem: Any, complained: Any) -> float:
    """Silent unhappy customers per complaint, estimated from a survey.

    Asks two questions of each respondent: did you have a problem (``had_problem``) and, if so,
    did you complain (``complained``; missing for those without a problem). The ratio is
    (problems − complainers) / complainers, TARP's "26" measured on your own customers.

    Parameters
    ----------
    had_problem : sequence of bool
        One per respondent.
    complained : sequence of bool, missing allowed
        One per respondent; only read where ``had_problem`` is True (a missing answer there
        counts as not complained).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the two have different lengths, hold values other than True/False, a respondent
        without a problem complained, or nobody complained (the ratio is then unbounded).

    Examples
    --------
    Ten guests: four had a problem and one of them complained, so three stayed silent:

    >>> silent_ratio([1, 1, 1, 1, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0] + [None] * 6)
    3.0
    """
    known_p, problem, index_p = _flags(had_problem, "had_problem")
    known_c, complaint, index_c = _flags(complained, "complained")
    if len(problem) == 0:
        raise ValueError("had_problem: is empty; give one answer per survey respondent")
    if len(problem) != len(complaint):
        raise ValueError(f"had_problem and complained must have the same length, got "
                         f"{len(problem)} and {len(complaint)}")
    if index_p is not None and index_c is not None and not index_p.equals(index_c):
        raise ValueError("had_problem, complained: are Series with different indexes; pairing "
                         "them by position would mix up respondents. Take both from the same "
                         "DataFrame")
    if not known_p.all():
        raise ValueError("had_problem: has missing answers; drop those respondents first")
    odd = complaint & ~problem
    if odd.any():
        where = (f"label {index_p[np.argmax(odd)]!r}" if index_p is not None
                 else f"position {int(np.argmax(odd))}")
        raise ValueError(f"complained: respondent at {where} complained without having had a "
                         "problem; check the survey's skip logic")
    problems = int(problem.sum())
    complainers = int((complaint & problem).sum())
    if complainers == 0:
        raise ValueError(f"complained: none of the {problems} respondents with a problem "
                         "complained, so the silent ratio cannot be estimated (it is unbounded)")
    return (problems - complainers) / complainers


# ---------------------------------------------------------------------------------------------
# complaints-log analysis
# ---------------------------------------------------------------------------------------------

def resolution_bands(hours: Any, edges: Sequence[float] = (24, 72)) -> Any:
    """Put resolution times into bands: with the default edges, 'within 24 h', '24-72 h',
    'over 72 h' (an ordered categorical; missing times stay missing).

    Parameters
    ----------
    hours : number, array-like or Series
        Hours from complaint to resolution (NaN allowed for open complaints).
    edges : sequence of float, default (24, 72)
        Increasing band limits in hours; a time equal to an edge falls in the lower band.

    Examples
    --------
    >>> resolution_bands([2, 24, 30, 100]).tolist()
    ['within 24 h', 'within 24 h', '24-72 h', 'over 72 h']
    """
    arr = v.as_float_array(hours, "hours", allow_nan=True)
    if (arr[~np.isnan(arr)] < 0).any():
        raise ValueError("hours: resolution times must be zero or more")
    cuts = [v.non_negative(e, "edges") for e in edges]
    if not cuts or any(b <= a for a, b in zip(cuts, cuts[1:])):
        raise ValueError(f"edges: expected increasing band limits in hours, got {list(edges)}")
    labels = ([f"within {_fmt(cuts[0])} h"]
              + [f"{_fmt(a)}-{_fmt(b)} h" for a, b in zip(cuts, cuts[1:])]
              + [f"over {_fmt(cuts[-1])} h"])
    bands = pd.cut(pd.Series(arr.ravel()), [-np.inf, *cuts, np.inf], labels=labels, right=True)
    if isinstance(hours, pd.Series):
        return pd.Series(bands.array, index=hours.index, name=hours.name)
    return bands.array if np.ndim(hours) else bands.iloc[0]


HANDLING_PATHS = ("resolved quickly", "resolved later", "partly resolved", "not resolved")


def handling_path(outcome: Any, hours: Any, quick_hours: float = 24,
                  resolved_label: str = "resolved", partly_label: str = "partly resolved"
                  ) -> pd.Series:
    """What happened to each complaint, in TARP's terms: 'resolved quickly' (resolved within
    ``quick_hours``), 'resolved later', 'partly resolved' or 'not resolved' (anything else).

    TARP's "quickly" has no fixed number of hours; 24 hours is the course's reading, a parameter.

    Parameters
    ----------
    outcome : sequence of str
        How each case was closed.
    hours : sequence of float
        Hours to close each case (same length).
    quick_hours : float, default 24
        The most hours a resolution may take to count as quick.
    resolved_label, partly_label : str
        The outcome labels meaning resolved and partly resolved.

    Returns
    -------
    pandas.Series
        An ordered categorical with the categories of :data:`HANDLING_PATHS`.

    Examples
    --------
    >>> handling_path(["resolved", "resolved", "partly resolved", "not resolved"],
    ...               [3, 30, 5, 2]).tolist()
    ['resolved quickly', 'resolved later', 'partly resolved', 'not resolved']
    """
    if isinstance(outcome, (str, bytes, Mapping, pd.DataFrame)) or np.ndim(outcome) != 1:
        raise TypeError("outcome: expected one outcome per complaint (a list or Series)")
    time = v.as_float_array(hours, "hours")
    labels = pd.Series(outcome).astype(object).to_numpy()
    if len(labels) != time.size:
        raise ValueError(f"outcome and hours must have the same length, got {len(labels)} and "
                         f"{time.size}")
    if (isinstance(outcome, pd.Series) and isinstance(hours, pd.Series)
            and not outcome.index.equals(hours.index)):
        raise ValueError("outcome, hours: are Series with different indexes; pairing them by "
                         "position would mix up complaints. Take both from the same log")
    if (time < 0).any():
        raise ValueError("hours: resolution times must be zero or more")
    limit = v.non_negative(quick_hours, "quick_hours")
    resolved = labels == resolved_label
    code = np.select([resolved & (time <= limit), resolved, labels == partly_label], [0, 1, 2],
                     default=3)
    index = outcome.index if isinstance(outcome, pd.Series) else None
    return pd.Series(pd.Categorical.from_codes(code, categories=list(HANDLING_PATHS),
                                               ordered=True), index=index, name="handling")


def pareto(categories: Any) -> pd.DataFrame:
    """Count complaints by category, largest first, with shares and the cumulative share (the
    table behind a Pareto chart: the few categories that make most of the complaints).

    Examples
    --------
    >>> pareto(["noise", "billing", "noise", "noise", "wifi"])
              count  share  cumulative_share
    category                                
    noise         3    0.6               0.6
    billing       1    0.2               0.8
    wifi          1    0.2               1.0
    """
    if isinstance(categories, (str, bytes, Mapping, pd.DataFrame)) or np.ndim(categories) != 1:
        raise TypeError("categories: expected one category per complaint (a list or Series)")
    series = pd.Series(categories).astype(object)
    if series.isna().any():
        raise ValueError("categories: has missing values; label or drop them first")
    if series.empty:
        raise ValueError("categories: is empty; give one category per complaint")
    counts = series.value_counts(sort=False)
    order = sorted(counts.index, key=lambda k: (-counts[k], str(k)))  # ties: alphabetical
    counts = counts[order]
    table = pd.DataFrame({"count": counts.to_numpy()}, index=pd.Index(order, name="category"))
    table["share"] = table["count"] / table["count"].sum()
    table["cumulative_share"] = table["share"].cumsum()
    return table


def plot_pareto(table: pd.DataFrame, ax: Any = None) -> Any:
    """Pareto chart of :func:`pareto`'s table: bars of counts, a line of the cumulative share
    (right axis, %) and a dashed 80 % line.

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_pareto(pareto(["a", "a", "b"]))
    >>> [int(b.get_height()) for b in ax.patches]
    [2, 1]
    >>> plotting.close(ax.figure)
    """
    from matplotlib.ticker import PercentFormatter

    from . import plotting

    if not isinstance(table, pd.DataFrame) or not {"count", "cumulative_share"} <= set(table):
        raise TypeError("table: expected the DataFrame returned by complaints.pareto()")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 5))
    x = np.arange(len(table))
    ax.bar(x, table["count"], color=plotting.COLORS["bad"], width=0.65)
    ax.set_xticks(x, [str(c) for c in table.index], rotation=30, ha="right")
    ax.set_ylabel("Complaints")
    ax.set_axisbelow(True)
    right = ax.twinx()
    right.plot(x, table["cumulative_share"] * 100, color=plotting.COLORS["total"], marker="o")
    right.axhline(80, ls="--", color=plotting.COLORS["muted"])
    right.set_ylim(0, 105)
    right.yaxis.set_major_formatter(PercentFormatter())
    right.set_ylabel("Cumulative share")
    right.grid(False)
    right.spines["right"].set_visible(True)
    ax.set_title("Complaints by category (Pareto chart)")
    return ax


def _check_log(log: Any, columns: Sequence[str]) -> pd.DataFrame:
    if not isinstance(log, pd.DataFrame):
        raise TypeError(f"log: expected the complaints log as a DataFrame, got "
                        f"{type(log).__name__}")
    missing = [c for c in columns if c not in log.columns]
    if missing:
        raise ValueError(f"log: has no column(s) {missing}; it has {list(log.columns)}")
    if log.empty:
        raise ValueError("log: has no complaints (no rows)")
    return log


def _flag_column(log: pd.DataFrame, column: str) -> np.ndarray:
    """A log column of True/False (or 1/0) as a bool array, or a clear error."""
    flag = log[column]
    name = f"log[{column!r}]"
    if flag.isna().any():
        raise ValueError(f"{name}: has missing values; drop those complaints first")
    if pd.api.types.is_bool_dtype(flag):
        return flag.to_numpy(bool)
    if pd.api.types.is_numeric_dtype(flag):
        values = flag.to_numpy(float)
        ok = (values == 0) | (values == 1)
    else:
        values = flag.to_numpy(object)
        ok = np.array([isinstance(x, (bool, np.bool_)) or (
            isinstance(x, (int, float, np.integer, np.floating)) and x in (0, 1))
            for x in values], dtype=bool)
    if not ok.all():
        i = int(np.argmin(ok))
        bad = values[i].item() if isinstance(values[i], np.generic) else values[i]
        raise ValueError(f"{name}: expected True/False (or 1/0), found {bad!r} at label "
                         f"{v.label(log.index[i])}")
    return values.astype(bool)


def _hours_column(log: pd.DataFrame, column: str) -> None:
    """Check a column of resolution times: numbers of hours, none missing or negative."""
    hours = log[column]
    name = f"log[{column!r}]"
    if not pd.api.types.is_numeric_dtype(hours) or pd.api.types.is_bool_dtype(hours):
        raise TypeError(f"{name}: expected resolution times in hours (numbers), got dtype "
                        f"{hours.dtype}")
    values = hours.to_numpy(dtype=float, na_value=np.nan)
    for bad, what in ((np.isnan(values), "missing value (NaN)"), (values < 0, "negative time")):
        if bad.any():
            raise ValueError(f"{name}: {what} {v.describe_positions(bad, log.index)}; "
                             "resolution times are hours, zero or more")


def log_summary(log: pd.DataFrame, by: str = "category", hours: str = "resolution_hours",
                outcome: str = "outcome", resolved_label: str = "resolved",
                repurchased: str = "repurchased") -> pd.DataFrame:
    """Summarise a complaints log by one column: complaints, share, median resolution hours,
    share resolved and share who bought again; sorted by number of complaints.

    Examples
    --------
    >>> log = pd.DataFrame({"category": ["noise", "noise", "billing"],
    ...                     "resolution_hours": [2.0, 10.0, 50.0],
    ...                     "outcome": ["resolved", "not resolved", "resolved"],
    ...                     "repurchased": [True, False, True]})
    >>> log_summary(log)
              complaints  share  median_hours  resolved_share  repurchase_rate
    category                                                                  
    noise              2  0.667           6.0             0.5              0.5
    billing            1  0.333          50.0             1.0              1.0
    """
    log = _check_log(log, [by, hours, outcome, repurchased])
    _hours_column(log, hours)
    log = log.assign(**{repurchased: _flag_column(log, repurchased)})
    grouped = log.groupby(by, observed=True, sort=False)
    table = pd.DataFrame({
        "complaints": grouped.size(),
        "median_hours": grouped[hours].median(),
        "resolved_share": grouped[outcome].agg(lambda s: float((s == resolved_label).mean())),
        "repurchase_rate": grouped[repurchased].agg(lambda s: float(s.astype(float).mean())),
    }).astype({"median_hours": float, "resolved_share": float, "repurchase_rate": float})
    table.insert(1, "share", (table["complaints"] / table["complaints"].sum()).round(3))
    table = table.sort_values("complaints", ascending=False, kind="stable")
    table.index.name = by
    return table


def repurchase_by(log: pd.DataFrame, by: str | Sequence[str],
                  repurchased: str = "repurchased") -> pd.DataFrame:
    """Repurchase rate by one or more columns of a complaints log: complaints, repurchased and
    rate per group (the log's own version of TARP's table).

    Examples
    --------
    >>> log = pd.DataFrame({"outcome": ["resolved", "resolved", "not resolved"],
    ...                     "repurchased": [True, False, False]})
    >>> repurchase_by(log, "outcome")
                  complaints  repurchased  rate
    outcome                                    
    resolved               2            1   0.5
    not resolved           1            0   0.0
    """
    keys = [by] if isinstance(by, str) else list(by)
    log = _check_log(log, [*keys, repurchased])
    flag = pd.Series(_flag_column(log, repurchased).astype(int), index=log.index)
    grouped = flag.groupby([log[k] for k in keys], observed=True, sort=False)
    table = pd.DataFrame({"complaints": grouped.size(), "repurchased": grouped.sum()})
    table["rate"] = table["repurchased"] / table["complaints"]
    if all(isinstance(log[k].dtype, pd.CategoricalDtype) for k in keys):
        table = table.sort_index()
    return table


def plot_repurchase(table: pd.DataFrame, ax: Any = None,
                    reference: Mapping[str, float] | None = None,
                    reference_label: str = "reference") -> Any:
    """Bars of the repurchase rate per group of :func:`repurchase_by` (one grouping column),
    labelled inside with the rate and the number of complaints; ``reference`` draws a dark line
    across the bars of the groups it names (e.g. TARP's rates), labelled ``reference_label``.

    Examples
    --------
    >>> from crmlib import plotting
    >>> t = pd.DataFrame({"complaints": [10, 5], "repurchased": [8, 1], "rate": [0.8, 0.2]},
    ...                  index=["resolved", "not resolved"])
    >>> ax = plot_repurchase(t, reference={"resolved": 0.5})
    >>> [round(float(b.get_height()), 1) for b in ax.patches]
    [80.0, 20.0]
    >>> [t.get_text() for t in ax.texts]
    ['80%\\n(n=10)', '20%\\n(n=5)']
    >>> plotting.close(ax.figure)
    """
    from matplotlib.ticker import PercentFormatter

    from . import plotting

    if not isinstance(table, pd.DataFrame) or not {"complaints", "rate"} <= set(table):
        raise TypeError("table: expected the DataFrame returned by complaints.repurchase_by()")
    if reference is not None:
        if not isinstance(reference, Mapping):
            raise TypeError("reference: expected {group: repurchase rate}, e.g. "
                            f"{{'resolved': 0.54}}, got {type(reference).__name__}")
        reference = {k: v.share(r, f"reference[{k!r}]") for k, r in reference.items()}
    if ax is None:
        _, ax = plotting.new_figure()
    labels = [" / ".join(map(str, k)) if isinstance(k, tuple) else str(k) for k in table.index]
    x = np.arange(len(table))
    width = 0.6
    ax.bar(x, table["rate"] * 100, color=plotting.COLORS["good"], width=width)
    for xi, rate, n in zip(x, table["rate"], table["complaints"]):
        ax.text(xi, 1.5, f"{rate:.0%}\n(n={n})", ha="center", va="bottom", fontsize=10,
                color="white", fontweight="bold")
    if reference:
        ref = [reference.get(lab) for lab in labels]
        xs = np.array([xi for xi, r in zip(x, ref) if r is not None])
        ys = [r * 100 for r in ref if r is not None]
        ax.hlines(ys, xs - width / 2, xs + width / 2, color=plotting.COLORS["total"], lw=3,
                  label=reference_label)
        ax.legend(loc="upper right")
    ax.set_xticks(x, labels, rotation=15 if len(labels) > 4 else 0)
    ax.set_ylim(0, 105)
    ax.yaxis.set_major_formatter(PercentFormatter())
    ax.set_ylabel("Bought again")
    ax.set_axisbelow(True)
    ax.set_title("Repurchase after a complaint")
    return ax


def monthly_counts(log: pd.DataFrame, by: str | None = "category", date: str = "date"
                   ) -> pd.DataFrame:
    """Complaints per calendar month (rows), split by a column (columns) or in total.

    Examples
    --------
    >>> log = pd.DataFrame({"date": pd.to_datetime(["2025-01-03", "2025-01-20", "2025-03-01"]),
    ...                     "category": ["noise", "billing", "noise"]})
    >>> monthly_counts(log)
    category  billing  noise
    month                   
    2025-01         1      1
    2025-02         0      0
    2025-03         0      1
    """
    log = _check_log(log, [date] + ([by] if by else []))
    with warnings.catch_warnings():  # unreadable dates become NaT and are reported below
        warnings.filterwarnings("ignore", "Could not infer format", UserWarning)
        when = pd.to_datetime(log[date], errors="coerce")
    if when.isna().any():
        raise ValueError(f"log[{date!r}]: has missing or unreadable dates")
    month = when.dt.to_period("M").rename("month")
    if by is None:
        counts = month.value_counts().sort_index().rename("complaints").to_frame()
    else:
        counts = pd.crosstab(month, log[by])
    full = pd.period_range(month.min(), month.max(), freq="M", name="month")
    counts = counts.reindex(full, fill_value=0)
    counts.columns.name = by
    return counts


def plot_monthly(counts: pd.DataFrame, highlight: Sequence[str] = (), ax: Any = None) -> Any:
    """Lines of monthly complaint counts; the ``highlight`` columns in colour, the rest grey.

    Examples
    --------
    >>> from crmlib import plotting
    >>> counts = pd.DataFrame({"noise": [1, 2], "billing": [0, 5]},
    ...                       index=pd.period_range("2025-01", periods=2, freq="M"))
    >>> ax = plot_monthly(counts, highlight=["billing"])
    >>> [line.get_label() for line in ax.get_lines()]
    ['noise', 'billing']
    >>> plotting.close(ax.figure)
    """
    from . import plotting

    if not isinstance(counts, pd.DataFrame):
        raise TypeError("counts: expected the DataFrame returned by complaints.monthly_counts()")
    if counts.empty:
        raise ValueError("counts: is empty; give the monthly counts of at least one month and "
                         "category (complaints.monthly_counts(log))")
    unknown = [h for h in highlight if h not in counts.columns]
    if unknown:
        raise ValueError(f"highlight: {unknown} are not columns of counts "
                         f"({list(counts.columns)})")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 5))
    x = np.arange(len(counts))
    palette = [plotting.COLORS["bad"], plotting.COLORS["neutral"], plotting.COLORS["accent"]]
    for column in counts.columns:
        if column in highlight:
            color = palette[list(highlight).index(column) % len(palette)]
            ax.plot(x, counts[column], color=color, lw=2.5, marker="o", label=str(column))
        else:
            ax.plot(x, counts[column], color=plotting.COLORS["muted"], lw=1, alpha=0.7,
                    label=str(column))
    ax.set_xticks(x, [str(p) for p in counts.index], rotation=45, ha="right")
    ax.set_ylabel("Complaints per month")
    ax.set_ylim(bottom=0)
    ax.set_axisbelow(True)
    if highlight:
        handles = [h for h in ax.get_lines() if h.get_label() in highlight]
        ax.legend(handles=handles, loc="upper left")
    ax.set_title("Complaints per month" + (f" ({', '.join(highlight)} highlighted)"
                                           if highlight else ""))
    return ax


def plot_iceberg(result: IcebergResult, ax: Any = None) -> Any:
    """The complaint iceberg: the complaints above the waterline, the silent unhappy customers
    below it, drawn to scale (areas proportional to the numbers), with the counts labelled.

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_iceberg(complaint_iceberg(100))
    >>> sorted(t.get_text() for t in ax.texts)[:2]
    ['100 complaints', '2,600 silent\\nunhappy customers']
    >>> plotting.close(ax.figure)
    """
    from matplotlib.patches import Polygon

    from . import plotting

    if not isinstance(result, IcebergResult):
        raise TypeError(f"result: expected the IcebergResult returned by complaint_iceberg(), "
                        f"got {type(result).__name__}")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(7, 6))
    total = max(result.unhappy, 1e-9)
    tip_share = result.complaints / total
    # a diamond of unit area split at the waterline so the tip's area share equals tip_share:
    # a triangle's area grows with the square of its height, so the tip height is sqrt(share)
    height, width = 2.0, 1.4
    tip_h = height / 2 * np.sqrt(2 * tip_share) if tip_share <= 0.5 else height / 2
    water = 0.0
    top = water + tip_h
    mid = top - height / 2
    # the diamond: apex at `top`, widest at `mid`, lower apex at top - height; the water is drawn
    # over it, half transparent, so the submerged part looks under water
    diamond = np.array([[0, top], [width, mid], [0, top - height], [-width, mid]])
    ax.add_patch(Polygon(diamond, closed=True, fc="white", ec=plotting.COLORS["total"], lw=1.5,
                         zorder=2))
    ax.axhspan(top - height - 0.2, water, color="#9ecae1", alpha=0.55, zorder=3, lw=0)
    ax.axhline(water, color="#3b78b5", lw=2, zorder=4)
    ax.annotate(f"{result.complaints:,.0f} complaints", xy=(0.15, top - tip_h / 2),
                xytext=(1.6, top + 0.15), ha="left", va="center", fontsize=12,
                fontweight="bold", color=plotting.COLORS["bad"], zorder=5,
                arrowprops={"arrowstyle": "-", "color": plotting.COLORS["bad"]})
    ax.text(1.6, mid - 0.25, f"{result.silent:,.0f} silent\nunhappy customers", ha="left",
            va="center", fontsize=12, color=plotting.COLORS["total"], zorder=5)
    ax.text(-2.9, water + 0.1, "what the firm hears", fontsize=10,
            color=plotting.COLORS["muted"], zorder=5)
    ax.text(-2.9, water - 0.15, "what it does not", fontsize=10, color="#1f4e79", zorder=5)
    ax.set_xlim(-3.1, 5.2)
    ax.set_ylim(top - height - 0.2, max(top, 0.3) + 0.45)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ratio = result.silent / result.complaints if result.complaints else float("nan")
    ax.set_title(f"The complaint iceberg: {_fmt(round(ratio, 1))} silent per complaint")
    return ax


# ---------------------------------------------------------------------------------------------
# teaching tables
# ---------------------------------------------------------------------------------------------

def why_customers_stay_silent() -> pd.DataFrame:
    """Common reasons unhappy customers give for not complaining (a summary of the complaint-
    behaviour literature, e.g. TARP 1986; no shares are given because they vary by study).

    >>> why_customers_stay_silent().index[0]
    'not worth the effort'
    """
    rows = [
        ("not worth the effort", "不值得花时间精力", "the time and trouble cost more than the problem"),
        ("would not help", "投诉也没用", "they expect the firm not to care or not to act"),
        ("do not know how", "不知道向谁投诉", "no obvious person, number or form"),
        ("unpleasant", "怕麻烦、怕冲突", "complaining feels like a confrontation"),
        ("easier to switch", "换一家更省事", "a competitor is one step away"),
    ]
    return pd.DataFrame(rows, columns=["reason", "chinese", "meaning"]).set_index("reason")


def complaint_management() -> pd.DataFrame:
    """Why a firm should manage complaints, and how (the slide deck 003, chapter 5).

    >>> complaint_management().groupby("kind", sort=False).size().tolist()
    [3, 3]
    """
    rows = [
        ("benefit", "keep the customer", "保持消费者",
         "a complaint handled well keeps a customer who would otherwise leave in silence"),
        ("benefit", "continuous improvement", "持续改进",
         "each complaint points at a process to fix, for free"),
        ("benefit", "a customer-focused organisation", "建立一个关注消费者的组织",
         "listening to complaints turns the whole firm towards its customers"),
        ("method", "lower the barrier to complaining", "降低投诉门槛",
         "make complaining easy: every channel, a named person, no forms to fight"),
        ("method", "respond fast", "快速反应",
         "speed is what turns a resolved complaint into a loyal customer"),
        ("method", "organise around the customer", "建立以客户为导向的组织",
         "give the front line authority to fix problems on the spot"),
    ]
    return pd.DataFrame(rows, columns=["kind", "item", "chinese", "meaning"])


def handling_steps() -> pd.DataFrame:
    """The steps of handling a complaint, in order.

    Chinese CRM textbooks give the principles (accept complaints, respond fast, analyse causes, mind your
    words); the steps are the common textbook sequence built on them (listen, apologise, find the
    facts, solve, follow up, learn), as the course reads it.

    >>> handling_steps().loc[1, "step"]
    'receive and calm'
    >>> len(handling_steps())
    8
    """
    rows = [
        ("receive and calm", "接待与安抚",
         "take the customer somewhere quiet, stay calm, thank them for speaking up",
         "arguing in public; making them wait"),
        ("listen", "耐心倾听",
         "let them tell the whole story without interrupting; take notes",
         "interrupting, correcting, defending the firm"),
        ("apologise and empathise", "道歉与共情",
         "say sorry for what they went through; show concern for them (and their child)",
         "'it cannot be our fault'"),
        ("find the facts", "了解事实、分析原因",
         "ask open questions, look at the product and the receipt, find the cause",
         "accusing the customer; jumping to conclusions"),
        ("agree a solution", "提出解决方案",
         "ask what would put it right; offer options within your authority",
         "one take-it-or-leave-it offer; promises you cannot keep"),
        ("act quickly", "迅速处理",
         "resolve on the spot if you can; otherwise say exactly when",
         "passing the customer from desk to desk"),
        ("follow up", "跟踪回访",
         "call back to check the customer is satisfied",
         "closing the file without asking"),
        ("record and improve", "记录与改进",
         "log the complaint, find the root cause, fix the process and tell the staff",
         "treating each complaint as a one-off"),
    ]
    table = pd.DataFrame(rows, columns=["step", "chinese", "what_to_do", "avoid"])
    table.index = pd.RangeIndex(1, len(rows) + 1, name="order")
    return table


def service_recovery() -> pd.DataFrame:
    """Service recovery (服务补救): what a firm does after a service failure, with the hotel's
    example (after Hart, Heskett & Sasser 1990).

    >>> service_recovery().index.tolist()[:3]
    ['apologise', 'fix it fast', 'empower the front line']
    """
    rows = [
        ("apologise", "道歉", "a sincere, personal apology, before any explanation",
         "the duty manager apologises in person for the wrong bill"),
        ("fix it fast", "快速补救", "restore the service at once: speed counts more than size",
         "the corrected bill is ready before the guest reaches the lift"),
        ("empower the front line", "授权一线员工",
         "let staff decide on the spot, within a budget, without asking a manager",
         "front-desk staff may waive a night's breakfast without approval"),
        ("compensate fairly", "适当补偿", "a gesture in proportion to the trouble caused",
         "a free late check-out or a meal voucher"),
        ("follow up", "跟进回访", "check afterwards that the customer is satisfied",
         "an e-mail from the manager the next day"),
        ("learn from it", "总结改进", "find the root cause and fix the process",
         "the billing system's new tax rule is corrected and staff are retrained"),
    ]
    return pd.DataFrame(rows, columns=["action", "chinese", "what_it_means", "hotel_example"]
                        ).set_index("action")


def yogurt_case_review() -> pd.DataFrame:
    """The yogurt case (晨光酸牛奶, a case common in Chinese service training) step by step: what the duty manager did against
    what each handling step asks for.

    The case as usually told gives the complaint and the duty manager's reply, and stops there; the better
    responses are the course's reading.

    >>> review = yogurt_case_review()
    >>> int((review["done"] == "no").sum())
    7
    """
    rows = [
        ("receive and calm", "no",
         "spoke to her in front of other shoppers; a crowd gathered",
         "take mother and child to the service office, offer a seat and a drink"),
        ("listen", "no",
         "answered at once, without hearing her story",
         "let her tell how the fly was found; note the time, place and product"),
        ("apologise and empathise", "no",
         "no apology, no word of concern for the child",
         "apologise for the fright; ask how the child is"),
        ("find the facts", "no",
         "assumed there might be 'a problem' to prove",
         "keep the carton and receipt; check the batch with the supplier later"),
        ("agree a solution", "partly",
         "'take the child to hospital; if there is a problem we are responsible'",
         "offer an immediate refund and replacement, and a paid check-up if she wants one"),
        ("act quickly", "no",
         "put the burden of proof and the trip to hospital on her",
         "settle on the spot"),
        ("follow up", "no",
         "nothing",
         "call the next day to ask after the child; report the supplier's findings"),
        ("record and improve", "no",
         "nothing",
         "log it, inform the supplier (晨光), train duty managers in complaint handling"),
    ]
    table = pd.DataFrame(rows, columns=["step", "done", "what_happened", "better"])
    table.index = pd.RangeIndex(1, len(rows) + 1, name="order")
    return table


def f_hotel_practices() -> pd.DataFrame:
    """The F hotel case (鹿儿岛 F宾馆, a case common in Chinese service training): each practice, the SERVQUAL dimension and item
    it serves (item numbers of :data:`crmlib.servqual.ITEMS`) and whether it is technical or
    functional quality. The mapping is the course's reading of the case.

    >>> f_hotel_practices()["dimension"].value_counts().idxmax()
    'empathy'
    """
    rows = [
        ("polishes every guest's shoes", "empathy", 18, "functional"),
        ("brings the shoes to the room when the guest is going out", "responsiveness", 12,
         "functional"),
        ("puts the day's weather forecast beside them", "empathy", 20, "functional"),
        ("staff greet returning guests by name with a smile", "assurance", 16, "functional"),
        ("the whole staff sees guests off, as warmly as it welcomes them", "empathy", 18,
         "functional"),
        ("remembers every guest's name, even after one night a month ago", "empathy", 19,
         "functional"),
    ]
    return pd.DataFrame(rows, columns=["practice", "dimension", "item", "quality"])


def tarp_readings(complaints: float = 1) -> pd.DataFrame:
    """Three readings of TARP's figure as Albrecht & Zemke (1985) quote it ("the average business
    never hears from 96 % of its unhappy customers; for every complaint received, the average
    company in fact has 26 customers with problems"): silent and unhappy customers per
    ``complaints`` received.

    The course's default (:func:`complaint_iceberg`) is the first reading. The passage does not
    say whether the 26 include the complainer, and its own 96 % implies fewer.

    Parameters
    ----------
    complaints : float, default 1
        Complaints received.

    Examples
    --------
    >>> tarp_readings()
                                               silent  unhappy
    reading                                                   
    26 silent besides each complainer            26.0     27.0
    26 with problems, the complainer included    25.0     26.0
    96 % never complain                          24.0     25.0
    """
    n = v.non_negative(complaints, "complaints")
    never = 0.96
    silent = {"26 silent besides each complainer": 26.0,
              "26 with problems, the complainer included": 25.0,
              "96 % never complain": never / (1 - never)}
    table = pd.DataFrame({"silent": [n * r for r in silent.values()],
                          "unhappy": [n * (1 + r) for r in silent.values()]},
                         index=pd.Index(list(silent), name="reading"))
    return table.round(6)
