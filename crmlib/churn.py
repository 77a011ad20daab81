"""The cost of a lost customer: the Mrs Smith case (史密斯女士).

The case
--------
Mrs Smith, a single woman of about 60, spends $50 every week at Jack's supermarket (杰克超市)
near her home. The service keeps letting her down: small requests are refused, cashiers chat
with each other while serving her, and nobody says "welcome" or "thank you". She decides that
the shop does not care whether she exists, and leaves. How much has the shop lost?

The chain of reasoning
----------------------
The source lists the losses as a chain; each step is one line of :func:`mrs_smith_loss`:

1. **Her own sales.** $50 a week × 52 weeks × about 10 years = $26,000: her *lifetime value*.
2. **She talks.** She tells 10 to 20 people in her circle (她对生活圈子中10至20人的口碑宣传).
3. **Some listen.** "At least half of them" are influenced (对其中至少一半人的消费产生的影响).
4. **They talk too.** "Each of those influences at least 5 more" (这些人对于周围至少5个人的再影响).
5. **Some leave.** "A quarter of the influenced stop buying" (受影响的人中会有四分之一不再来进行消费).
6. **What they were worth.** "Those customers' ten-year sales" (这四分之一的顾客10年的销售额):
   each lost customer is worth one lifetime value, like Mrs Smith.

Reading the ambiguous sentences
-------------------------------
The source gives no formula, so this module has to choose one, and says so:

* *Who counts as influenced?* Both the people Mrs Smith convinced **and** the 5 that each of them
  tells: ``influenced = people_told × influenced_share × (1 + onward_contacts)``.
  With 20 people told: 20 × 0.5 = 10 convinced, who tell 10 × 5 = 50 more, so 60 influenced.
  (Counting only the 50 second-hand listeners, or only the first 10, are other readings; change
  ``onward_contacts`` or ``influenced_share`` to explore them.)
* *A quarter of whom?* Of everyone influenced: ``lost_customers = influenced × defection_share``
  (60 × 0.25 = 15). With 10 people told this is 7.5: an expected number, not half a person.
* *What is lost?* Mrs Smith herself plus the lost customers, each worth one lifetime value:
  ``total_loss = lifetime_value × (1 + lost_customers)`` = $26,000 × 16 = $416,000
  (or $221,000 with 10 people told).
* "At least" marks the source's numbers as lower bounds; the defaults use them as they stand.

What the number means
---------------------
The source counts **revenue** (销售额), not profit. A supermarket keeps only a few cents of each
dollar, so set ``margin`` (the share of revenue that is profit) to see the profit lost. The chain
also ignores discounting, overlapping circles of friends and customers who would have left anyway:
it is an order-of-magnitude argument for why one unhappy customer matters, not a forecast.

>>> from crmlib import churn
>>> print(churn.mrs_smith_loss())
Losing Mrs Smith costs $416,000 in revenue over 10 years (she and 15 customers she drives away).
>>> churn.mrs_smith_loss(people_told=10).total_loss
221000.0
"""
from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from ._validate import as_float_array, non_negative, share

__all__ = ["ChurnLoss", "mrs_smith_loss", "mrs_smith_range", "plot_waterfall", "mrs_smith_widget"]

_MAX_WEEKS_PER_YEAR = 53  # a year has 52 weeks and a day or two; more is a typo


def _fmt(x: float) -> str:
    """A number as a person writes it: thousands separators, no trailing zeros (7.5, 26,000)."""
    text = f"{x:,.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class ChurnLoss:
    """The result of :func:`mrs_smith_loss`: the inputs and every step of the chain.

    Attributes
    ----------
    assumptions : Mapping[str, float]
        The inputs, by parameter name (read-only).
    lifetime_value : float
        Revenue from one customer over the whole period, in $.
    influenced : float
        People whose buying is influenced by Mrs Smith's story.
    lost_customers : float
        Influenced people who stop buying (an expected number, may be fractional).
    total_loss : float
        Revenue lost: Mrs Smith plus the lost customers, in $.
    profit_loss : float
        ``total_loss × margin``, in $.

    Examples
    --------
    >>> loss = mrs_smith_loss()
    >>> loss.lifetime_value, loss.influenced, loss.lost_customers
    (26000.0, 60.0, 15.0)
    >>> loss.assumptions["people_told"]
    20.0
    """

    # hash=False: a mapping is not hashable, but two results with equal inputs still compare equal
    assumptions: Mapping[str, float] = field(hash=False)
    lifetime_value: float
    influenced: float
    lost_customers: float
    total_loss: float
    profit_loss: float

    @property
    def steps(self) -> pd.DataFrame:
        """The chain of reasoning as a table: one row per step, numbers substituted.

        Examples
        --------
        >>> mrs_smith_loss().steps[["step", "formula"]].iloc[0].tolist()
        ['lifetime value of one customer', '50 × 52 × 10']
        >>> mrs_smith_loss().steps["value"].tolist()
        [26000.0, 60.0, 15.0, 390000.0, 416000.0, 416000.0]
        """
        a, f = self.assumptions, _fmt
        lv, lost = self.lifetime_value, self.lost_customers
        rows = [
            ("lifetime value of one customer",
             f"{f(a['weekly_spend'])} × {f(a['weeks_per_year'])} × {f(a['years'])}", lv, "$"),
            ("people influenced",
             f"{f(a['people_told'])} × {f(a['influenced_share'])} "
             f"× (1 + {f(a['onward_contacts'])})",
             self.influenced, "people"),
            ("customers lost", f"{f(self.influenced)} × {f(a['defection_share'])}", lost, "people"),
            ("lost customers' lifetime value", f"{f(lost)} × {f(lv)}", lost * lv, "$"),
            ("total revenue lost", f"{f(lv)} × (1 + {f(lost)})", self.total_loss, "$"),
            ("total profit lost", f"{f(self.total_loss)} × {f(a['margin'])}",
             self.profit_loss, "$"),
        ]
        return pd.DataFrame(rows, columns=["step", "formula", "value", "unit"])

    def __str__(self) -> str:
        years = _fmt(self.assumptions["years"])
        text = (f"Losing Mrs Smith costs ${self.total_loss:,.0f} in revenue over {years} years "
                f"(she and {_fmt(self.lost_customers)} customers she drives away)")
        margin = self.assumptions["margin"]
        if margin < 1:  # only worth saying when profit differs from revenue
            text += f"; ${self.profit_loss:,.0f} in profit at a {margin:.0%} margin"
        return text + "."

    def _repr_html_(self) -> str:
        """Jupyter shows the summary sentence above the step table."""
        return f"<p><b>{escape(str(self))}</b></p>" + self.steps.to_html(index=False)


def mrs_smith_loss(weekly_spend: float = 50, weeks_per_year: float = 52, years: float = 10,
                   people_told: float = 20, influenced_share: float = 0.5,
                   onward_contacts: float = 5, defection_share: float = 0.25,
                   margin: float = 1.0) -> ChurnLoss:
    """The revenue (and profit) a shop loses when one unhappy customer leaves and talks.

    Parameters
    ----------
    weekly_spend : float, default 50
        What the customer spends each week, in $.
    weeks_per_year : float, default 52
        Shopping weeks per year (at most 53).
    years : float, default 10
        How long she would have stayed.
    people_told : float, default 20
        People she tells about her experience (the source says 10 to 20).
    influenced_share : float, default 0.5
        Share of those told whose buying is influenced ("at least half").
    onward_contacts : float, default 5
        People each influenced person tells in turn ("at least 5").
    defection_share : float, default 0.25
        Share of all influenced people who stop buying ("a quarter").
    margin : float, default 1.0
        Share of revenue that is profit; 1.0 reproduces the source, which counts revenue.

    Returns
    -------
    ChurnLoss
        The inputs and each step: ``lifetime_value``, ``influenced``, ``lost_customers``,
        ``total_loss``, ``profit_loss``; ``.steps`` shows the working.

    Raises
    ------
    TypeError
        If an argument is not a number (bools and strings included).
    ValueError
        If a count or amount is negative, a share lies outside [0, 1], a value is NaN or
        infinite, or ``weeks_per_year`` exceeds 53.

    Examples
    --------
    >>> mrs_smith_loss().total_loss
    416000.0
    >>> loss = mrs_smith_loss(people_told=10)
    >>> loss.influenced, loss.lost_customers, loss.total_loss
    (30.0, 7.5, 221000.0)
    >>> mrs_smith_loss(margin=0.3).profit_loss
    124800.0
    """
    weekly_spend = non_negative(weekly_spend, "weekly_spend")
    weeks_per_year = non_negative(weeks_per_year, "weeks_per_year")
    if weeks_per_year > _MAX_WEEKS_PER_YEAR:
        raise ValueError(f"weeks_per_year: a year has at most {_MAX_WEEKS_PER_YEAR} weeks, "
                         f"got {weeks_per_year:g}")
    years = non_negative(years, "years")
    people_told = non_negative(people_told, "people_told")
    influenced_share = share(influenced_share, "influenced_share")
    onward_contacts = non_negative(onward_contacts, "onward_contacts")
    defection_share = share(defection_share, "defection_share")
    margin = share(margin, "margin")
    assumptions = dict(weekly_spend=weekly_spend, weeks_per_year=weeks_per_year, years=years,
                       people_told=people_told, influenced_share=influenced_share,
                       onward_contacts=onward_contacts, defection_share=defection_share,
                       margin=margin)

    lifetime_value = weekly_spend * weeks_per_year * years
    # the people she convinced, plus the onward_contacts each of them tells in turn
    influenced = people_told * influenced_share * (1 + onward_contacts)
    lost_customers = influenced * defection_share
    total_loss = lifetime_value * (1 + lost_customers)  # "1 +": Mrs Smith herself
    return ChurnLoss(MappingProxyType(assumptions), lifetime_value, influenced, lost_customers,
                     total_loss, total_loss * margin)


def _check_assumptions(assumptions: Mapping[str, Any], where: str) -> None:
    """Every name must be an argument of :func:`mrs_smith_loss` (a typo fails loudly)."""
    allowed = list(inspect.signature(mrs_smith_loss).parameters)
    unknown = [name for name in assumptions if name not in allowed]
    if unknown:
        raise TypeError(f"{unknown[0]}: not an assumption of {where}; use one of "
                        f"{', '.join(allowed)}")


def mrs_smith_range(people_told: Iterable[float] = (10, 20), **assumptions: float) -> pd.DataFrame:
    """The loss for several values of ``people_told`` (the source's "10 to 20 people").

    Parameters
    ----------
    people_told : iterable of float, default (10, 20)
        Numbers of people Mrs Smith tells; one row each (a list, range, array or Series).
    **assumptions
        Any other argument of :func:`mrs_smith_loss`, held fixed across rows.

    Returns
    -------
    pandas.DataFrame
        Columns ``people_told``, ``influenced``, ``lost_customers``, ``total_loss``,
        ``profit_loss``.

    Examples
    --------
    >>> mrs_smith_range()
       people_told  influenced  lost_customers  total_loss  profit_loss
    0         10.0        30.0             7.5    221000.0     221000.0
    1         20.0        60.0            15.0    416000.0     416000.0
    >>> mrs_smith_range(range(0, 21, 5), margin=0.3)["profit_loss"].tolist()
    [7800.0, 37050.0, 66300.0, 95550.0, 124800.0]
    """
    if isinstance(people_told, Iterable) and not isinstance(
            people_told, (str, bytes, Mapping, np.ndarray, pd.Series, pd.DataFrame)):
        people_told = list(people_told)  # NumPy cannot read generators or sets directly
    counts = as_float_array(people_told, "people_told").ravel()
    _check_assumptions(assumptions, "mrs_smith_range()")
    rows = []
    for n in counts:
        loss = mrs_smith_loss(people_told=float(n), **assumptions)
        rows.append({"people_told": loss.assumptions["people_told"],
                     "influenced": loss.influenced, "lost_customers": loss.lost_customers,
                     "total_loss": loss.total_loss, "profit_loss": loss.profit_loss})
    return pd.DataFrame(rows)


def plot_waterfall(result: ChurnLoss, ax: Any = None) -> Any:
    """A waterfall chart: Mrs Smith's own lifetime value, the customers she drives away, the total.

    Parameters
    ----------
    result : ChurnLoss
        The output of :func:`mrs_smith_loss`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new course-style figure when omitted.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with three bars (in revenue $) labelled with their values.

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_waterfall(mrs_smith_loss())
    >>> [round(bar.get_height()) for bar in ax.patches]
    [26000, 390000, 416000]
    >>> plotting.close(ax.figure)
    """
    from matplotlib.ticker import FuncFormatter

    from . import plotting

    if not isinstance(result, ChurnLoss):
        raise TypeError(f"result: expected the ChurnLoss returned by mrs_smith_loss(), "
                        f"got {type(result).__name__}")
    if ax is None:
        _, ax = plotting.new_figure()
    own, others, total = (result.lifetime_value, result.lost_customers * result.lifetime_value,
                          result.total_loss)
    labels = ["Mrs Smith\nherself",
              f"{_fmt(result.lost_customers)} customers\nshe drives away", "Total\nrevenue lost"]
    bars = ax.bar(labels, [own, others, total], bottom=[0, own, 0], width=0.6,
                  color=[plotting.COLORS["bad"], plotting.COLORS["accent"],
                         plotting.COLORS["total"]])
    # the floating middle bar starts where the first ends: dashed steps make that visible
    ax.plot([0.3, 0.7], [own, own], ls="--", color=plotting.COLORS["muted"])
    ax.plot([1.3, 1.7], [total, total], ls="--", color=plotting.COLORS["muted"])
    ax.bar_label(bars, labels=[f"${v:,.0f}" for v in (own, others, total)], padding=3)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"${v:,.0f}"))
    ax.set_axisbelow(True)  # grid lines behind the bars, not across them
    ax.set_ylim(0, max(total, 1) * 1.12)  # room for the label above the tallest bar
    ax.set_ylabel("Revenue lost")
    ax.set_title(f"The cost of losing Mrs Smith over {_fmt(result.assumptions['years'])} years")
    return ax


# slider name -> (kind, min, max, step); weeks_per_year stays fixed (it is a calendar fact)
_SLIDERS = {
    "weekly_spend": ("float", 0, 200, 5),
    "years": ("int", 0, 30, 1),
    "people_told": ("int", 0, 50, 1),
    "influenced_share": ("float", 0, 1, 0.05),
    "onward_contacts": ("int", 0, 20, 1),
    "defection_share": ("float", 0, 1, 0.05),
    "margin": ("float", 0, 1, 0.05),
}



def mrs_smith_widget(**defaults: float) -> Any:
    """An interactive panel: one slider per assumption, redrawing the waterfall as they move.

    Parameters
    ----------
    **defaults
        Starting values for any argument of :func:`mrs_smith_loss` (``weeks_per_year`` has no
        slider and stays at the value given here).

    Returns
    -------
    ipywidgets.VBox
        The panel. ``panel.sliders`` maps each assumption to its slider and ``panel.output`` is
        the Output area holding the chart and the printed total.

    Examples
    --------
    >>> panel = mrs_smith_widget(people_told=10)
    >>> panel.output.outputs[0]["text"].startswith("Losing Mrs Smith costs $221,000")
    True
    >>> panel.sliders["people_told"].value = 20
    >>> "$416,000" in panel.output.outputs[0]["text"]
    True
    """
    from . import plotting, widgets

    _check_assumptions(defaults, "mrs_smith_widget()")
    start = mrs_smith_loss(**defaults).assumptions  # validates the defaults before any widget
    # a default of 7.5 people needs a float slider even where counts are whole
    sliders = {name: widgets.slider(name, start[name], low, high, step,
                                    integer=kind == "int" and float(start[name]).is_integer())
               for name, (kind, low, high, step) in _SLIDERS.items()}

    def render(values: dict[str, Any]) -> tuple[str, Any]:
        result = mrs_smith_loss(weeks_per_year=start["weeks_per_year"], **values)
        fig, ax = plotting.new_figure()
        plot_waterfall(result, ax=ax)
        return str(result), fig

    return widgets.panel(sliders, render, "Mrs Smith waterfall")
