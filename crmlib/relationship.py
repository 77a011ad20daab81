"""Customer relationships (客户关系): their levels, their life cycle, and how to keep them.

The course's chapters 2 and 8 use this module:

* **Levels** (客户关系的类型): Kotler's five levels, basic, reactive, accountable, proactive and
  partnership (基本型, 被动型, 负责型, 能动型, 伙伴型), and his grid for choosing one from the
  number of customers and the profit margin: :func:`relationship_levels`, :func:`kotler_grid`,
  :func:`kotler_level`, :func:`relationship_level`, :func:`plot_kotler_grid`.
* **Life cycle** (客户关系生命周期): exploration, formation, stability, decline (考察期, 形成期,
  稳定期, 退化期), simulated for many relationships at once: :func:`life_cycle_phases`,
  :func:`simulate_life_cycle`, :func:`life_cycle_outcomes`, :func:`phase_shares`,
  :func:`plot_life_cycle`, :func:`plot_phase_shares`.
* **Keeping customers**: the four relationship bonds (financial, social, customization,
  structural), the benefits of a relationship, segmentation in five steps, relationship
  monitoring: :func:`retention_strategies`, :func:`relationship_benefits`,
  :func:`segmentation_steps`, :func:`segment_attractiveness`, :func:`monitoring_tools`.
* **Working with people**: the ten loyalty codes and the 611 contact plan (十道密码, "611工程"),
  communication skills, and the four customer personality types (活泼型, 和平型, 力量型,
  分析型): :func:`loyalty_codes`, :func:`contact_plan_611`, :func:`plot_contact_plan`,
  :func:`communication_skills`, :func:`personality_types`, :func:`personality_type`,
  :func:`plot_personality_grid`.

>>> from crmlib import relationship
>>> relationship.kotler_level("few", "high")
'partnership'
>>> relationship.relationship_level(customers=2_000_000, margin=0.05)
'basic'
>>> relationship.contact_plan_611("2026-03-02")["kind"].value_counts().to_dict()
{'short message': 6, 'call': 1, 'long call': 1}
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._seed import DEFAULT_SEED, seed as _seed
from . import _validate as _v
from ._validate import as_float_array, describe_positions, non_negative, scalar

__all__ = [
    "LEVELS", "relationship_levels", "kotler_grid", "kotler_level", "relationship_level",
    "plot_kotler_grid",
    "PHASES", "LIFE_CYCLE_TRANSITIONS", "life_cycle_phases", "simulate_life_cycle",
    "life_cycle_outcomes", "phase_shares", "plot_life_cycle", "plot_phase_shares",
    "expected_phase_shares", "reach_probabilities", "expected_months",
    "relationship_features", "UPGRADE_RUNGS", "upgrade_ladder", "upgrade_rung", "crm_definitions",
    "CONNOTATION_THEMES", "crm_connotations", "crm_keywords",
    "retention_strategies", "relationship_benefits", "segmentation_steps",
    "segment_attractiveness", "monitoring_tools",
    "crm_process", "loyalty_codes", "contact_plan_611", "plot_contact_plan", "communication_skills",
    "PERSONALITY_TYPES", "personality_types", "personality_type", "plot_personality_grid",
    "binding_methods", "maintenance_skills", "deep_marketing_practices",
]


def _table(rows: list[tuple], columns: list[str], index: str) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns).set_index(index)




def _labels_out(labels: np.ndarray, index: pd.Index | None, name: str, scalar_in: bool) -> Any:
    if scalar_in:
        return str(np.asarray(labels, dtype=object).ravel()[0])
    if index is not None and len(index) == labels.size:
        return pd.Series(labels.ravel(), index=index, name=name, dtype=object)
    return labels


# =============================================================================================
# Relationship levels and Kotler's grid
# =============================================================================================

#: Kotler's five levels of relationship, from the least to the most investment.
LEVELS = ["basic", "reactive", "accountable", "proactive", "partnership"]
_CUSTOMER_BANDS = ["many", "medium", "few"]
_MARGIN_BANDS = ["low", "medium", "high"]


def relationship_levels() -> pd.DataFrame:
    """Kotler's five levels of customer relationship (客户关系的五种类型): what the firm does
    after the sale, with an example.

    Examples
    --------
    >>> relationship_levels()["chinese"].tolist()
    ['基本型', '被动型', '负责型', '能动型', '伙伴型']
    """
    rows = [
        ("basic", "基本型", "sells the product and has no further contact with the buyer",
         "a brand of bottled water sold in supermarkets"),
        ("reactive", "被动型", "sells, and invites the customer to call with questions, "
         "problems or complaints",
         "an appliance shop that prints its service hotline on the receipt"),
        ("accountable", "负责型", "calls the customer soon after the sale to ask whether the "
         "product met expectations and what should be improved",
         "a car dealer who phones a week after delivery"),
        ("proactive", "能动型", "contacts the customer from time to time with ideas for better "
         "use of the product and with new products",
         "a mobile operator suggesting a plan that fits the customer's usage"),
        ("partnership", "伙伴型", "works with the customer continuously to solve the customer's "
         "problems and help the customer succeed",
         "a steel supplier developing a new alloy with a car maker"),
    ]
    return _table(rows, ["level", "chinese", "what the firm does", "example"], "level")


def kotler_grid() -> pd.DataFrame:
    """Kotler's grid: the relationship level to aim for, by number of customers (rows) and
    profit margin (columns).

    Few customers with high margins deserve a partnership; many customers with low margins get
    a basic relationship (Kotler writes "basic or reactive" for that cell; the grid shows the
    lower level). Moving one step towards fewer customers or higher margins raises the level by
    one: the level's rank is the sum of the two bands' ranks.

    Examples
    --------
    >>> kotler_grid()
    margin            high       medium          low
    customers                                       
    many       accountable     reactive        basic
    medium       proactive  accountable     reactive
    few        partnership    proactive  accountable
    """
    cust = np.arange(3)[:, None]                       # many 0, medium 1, few 2
    marg = np.arange(3)[None, ::-1]                    # high 2, medium 1, low 0 (columns)
    values = np.array(LEVELS, dtype=object)[cust + marg]
    return pd.DataFrame(values, index=pd.Index(_CUSTOMER_BANDS, name="customers"),
                        columns=pd.Index(_MARGIN_BANDS[::-1], name="margin"))


def _bands(values: Any, name: str, allowed: list[str]) -> tuple[np.ndarray, bool]:
    scalar_in = isinstance(values, str)
    if isinstance(values, (pd.DataFrame, Mapping)):
        raise TypeError(f"{name}: expected a label or a list/Series of labels, "
                        f"got {type(values).__name__}")
    arr = np.atleast_1d(np.asarray(values, dtype=object)).ravel()
    if arr.size == 0:
        raise ValueError(f"{name}: is empty; give a band ({', '.join(allowed)}) or a list of them")
    clean = np.array([str(v).strip().lower() if isinstance(v, str) else v for v in arr],
                     dtype=object)
    bad = np.array([v not in allowed for v in clean])
    if bad.any():
        first = arr[np.flatnonzero(bad)[0]]
        raise ValueError(f"{name}: {first!r} is not a band; use one of {allowed} "
                         f"{describe_positions(bad, _v.index_of(values))}")
    ranks = np.array([allowed.index(v) for v in clean])
    return ranks, scalar_in


def kotler_level(customer_band: Any, margin_band: Any) -> Any:
    """The level of Kotler's grid for bands of customers and margin (vectorised).

    Parameters
    ----------
    customer_band : str or sequence of str
        ``"many"``, ``"medium"`` or ``"few"`` customers.
    margin_band : str or sequence of str
        ``"high"``, ``"medium"`` or ``"low"`` profit margin.

    Returns
    -------
    str, numpy.ndarray of str or pandas.Series
        One of :data:`LEVELS` per pair.

    Examples
    --------
    >>> kotler_level("many", "low")
    'basic'
    >>> kotler_level(["few", "medium"], ["medium", "high"]).tolist()
    ['proactive', 'proactive']
    """
    c, c_scalar = _bands(customer_band, "customer_band", _CUSTOMER_BANDS)
    m, m_scalar = _bands(margin_band, "margin_band", _MARGIN_BANDS)
    if c.size != m.size and 1 not in (c.size, m.size):
        raise ValueError(f"customer_band, margin_band: give as many of each ({c.size} and "
                         f"{m.size} given) or a single one of either")
    index = _v.paired_index(customer_band=customer_band, margin_band=margin_band)
    labels = np.array(LEVELS, dtype=object)[c + m]
    return _labels_out(labels, index, "level", c_scalar and m_scalar)


def _cuts(cuts: Any, name: str) -> tuple[float, float]:
    if not isinstance(cuts, (tuple, list)) or len(cuts) != 2:
        raise TypeError(f"{name}: expected two numbers (low cut, high cut), got {cuts!r}")
    low, high = scalar(cuts[0], name), scalar(cuts[1], name)
    if not low < high:
        raise ValueError(f"{name}: the first cut must be below the second, got {cuts!r}")
    return low, high


def relationship_level(customers: Any, margin: Any, customer_cuts: tuple[float, float] = (100, 10_000),
                       margin_cuts: tuple[float, float] = (0.10, 0.30)) -> Any:
    """The relationship level Kotler's grid recommends for a firm (vectorised over firms).

    Kotler gives bands, not numbers, so the cuts are the course's choice, and parameters:

    * customers: **few** below 100 (each can have a named account manager), **many** from 10,000
      (only mass channels reach them), **medium** in between;
    * margin (profit as a share of price): **low** below 10%, **high** from 30%, **medium** in
      between.

    Parameters
    ----------
    customers : float or array-like
        Number of customers (0 or more).
    margin : float or array-like
        Profit margin as a share of the price, at most 1 (0.25 for 25%; may be negative).
    customer_cuts : (float, float), default (100, 10000)
        Where "few" ends and where "many" begins.
    margin_cuts : (float, float), default (0.10, 0.30)
        Where "low" ends and where "high" begins.

    Returns
    -------
    str, numpy.ndarray of str or pandas.Series
        One level of :data:`LEVELS` per firm.

    Examples
    --------
    >>> relationship_level(40, 0.35)                  # few customers, high margin
    'partnership'
    >>> relationship_level([5_000_000, 800, 800], [0.04, 0.2, 0.05]).tolist()
    ['basic', 'accountable', 'reactive']
    """
    scalar_in = np.ndim(customers) == 0 and np.ndim(margin) == 0
    index = _v.paired_index(customers=customers, margin=margin)
    n = as_float_array(customers, "customers")
    if (n < 0).any():
        raise ValueError(f"customers: a number of customers cannot be negative "
                         f"{describe_positions(n < 0, _v.index_of(customers))}")
    # the shared rate rule (a margin may be negative: a loss on each sale)
    m = _v.rates(margin, "margin", kind="a margin is a share of the price and must be", low=None,
                 index=_v.index_of(margin))
    c_low, c_high = _cuts(customer_cuts, "customer_cuts")
    m_low, m_high = _cuts(margin_cuts, "margin_cuts")
    try:
        n, m = np.broadcast_arrays(n, m)
    except ValueError:
        raise ValueError(f"customers, margin: cannot be combined (shapes {n.shape} and "
                         f"{m.shape}); give one per firm, or a single value") from None
    customer_rank = np.where(n < c_low, 2, np.where(n < c_high, 1, 0))
    margin_rank = np.where(m < m_low, 0, np.where(m < m_high, 1, 2))
    labels = np.array(LEVELS, dtype=object)[customer_rank + margin_rank]
    return _labels_out(labels, index, "level", scalar_in)


def plot_kotler_grid(firms: pd.DataFrame | None = None, ax: Any = None) -> Any:
    """Kotler's grid as a figure: nine cells coloured by level, with firms placed in their cell.

    Parameters
    ----------
    firms : pandas.DataFrame, optional
        Firms to place: columns ``name``, ``customer_band`` and ``margin_band`` (bands as in
        :func:`kotler_level`).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_kotler_grid()
    >>> sorted({t.get_text().split()[0] for t in ax.texts})
    ['accountable', 'basic', 'partnership', 'proactive', 'reactive']
    >>> plotting.close(ax.figure)
    """
    from matplotlib.colors import LinearSegmentedColormap

    from . import plotting

    grid = kotler_grid()
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 6))
    ranks = np.vectorize(LEVELS.index)(grid.to_numpy())
    cmap = LinearSegmentedColormap.from_list("levels", ["#f4f1fa", plotting.COLORS["neutral"]])
    # columns drawn low -> high margin, rows few (top) -> many (bottom)
    shown = ranks[::-1, ::-1]
    ax.imshow(shown, cmap=cmap, vmin=0, vmax=len(LEVELS) - 1, aspect="auto")
    labels = grid.to_numpy()[::-1, ::-1]
    for i in range(3):
        for j in range(3):
            colour = "white" if shown[i, j] >= 3 else plotting.COLORS["total"]
            ax.text(j, i - 0.18, labels[i, j], ha="center", va="center", fontsize=14,
                    fontweight="bold", color=colour)
    if firms is not None and not isinstance(firms, pd.DataFrame):
        raise TypeError("firms: expected a DataFrame with columns name, customer_band and "
                        f"margin_band, got {type(firms).__name__}")
    if firms is not None:
        missing = {"name", "customer_band", "margin_band"} - set(firms.columns)
        if missing:
            raise ValueError(f"firms: missing columns {sorted(missing)}")
        rows, _ = _bands(firms["customer_band"], "firms['customer_band']", _CUSTOMER_BANDS)
        cols, _ = _bands(firms["margin_band"], "firms['margin_band']", _MARGIN_BANDS)
        offsets: dict[tuple[int, int], int] = {}
        for name, r, c in zip(firms["name"], rows, cols):
            cell = (2 - int(r), int(c))       # row index in the drawn grid, column index
            k = offsets.get(cell, 0)
            offsets[cell] = k + 1
            ax.text(cell[1], cell[0] + 0.12 + 0.16 * k, str(name), ha="center", va="center",
                    fontsize=10, style="italic",
                    color="white" if shown[cell] >= 3 else plotting.COLORS["total"])
    ax.set_xticks(range(3), ["low", "medium", "high"])
    ax.set_yticks(range(3), ["few", "medium", "many"])
    ax.set_xlabel("Profit margin")
    ax.set_ylabel("Number of customers")
    ax.set_title("Which relationship level? (Kotler)")
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax


# =============================================================================================
# The relationship life cycle
# =============================================================================================

#: The phases of a relationship, in order, and the absorbing end.
PHASES = ["exploration", "formation", "stability", "decline", "ended"]

#: Default probabilities of moving from a phase (row) to a phase (column) in one period (a
#: month). Assumptions of the course, chosen so that two trials in five fail (0.12 / 0.30),
#: about two relationships in five reach stability (0.6 × 0.14 / 0.22), and stable
#: relationships last about 14 months on average (1 / 0.07).
#: The simulation's default is a private copy, so a student who edits this table in place
#: (instead of passing ``transition=``) cannot silently change every later simulation.
_DEFAULT_TRANSITIONS = np.array(
    [[0.70, 0.18, 0.00, 0.00, 0.12],
     [0.00, 0.78, 0.14, 0.08, 0.00],
     [0.00, 0.00, 0.93, 0.07, 0.00],
     [0.00, 0.00, 0.00, 0.75, 0.25],
     [0.00, 0.00, 0.00, 0.00, 1.00]])
_DEFAULT_TRANSITIONS.setflags(write=False)
LIFE_CYCLE_TRANSITIONS = pd.DataFrame(
    _DEFAULT_TRANSITIONS.copy(), index=pd.Index(PHASES, name="from"),
    columns=pd.Index(PHASES, name="to"))


def life_cycle_phases() -> pd.DataFrame:
    """The four phases of a customer relationship (客户关系生命周期) and what the firm should do.

    Examples
    --------
    >>> life_cycle_phases()["chinese"].tolist()
    ['考察期', '形成期', '稳定期', '退化期']
    """
    rows = [
        ("exploration", "考察期", "the relationship is being conceived: both sides test each "
         "other with small trial purchases; uncertainty and costs are high, revenue is low",
         "make the first experiences good; learn the customer's needs"),
        ("formation", "形成期", "trust grows and purchases rise quickly; the customer buys more "
         "and more kinds of products",
         "keep every promise; widen the relationship (cross-selling)"),
        ("stability", "稳定期", "the mature, ideal phase: high and steady volume, implicit or "
         "explicit commitment, low cost of serving",
         "protect it: recognise and reward, add bonds, watch for warning signs"),
        ("decline", "退化期", "the relationship weakens and purchases fall; it can begin in any "
         "phase, not only after stability",
         "find out why (complaints, lost-customer research); win back or let go"),
    ]
    return _table(rows, ["phase", "chinese", "what happens", "the firm's task"], "phase")


def _transitions(transition: Any) -> np.ndarray:
    if transition is None:
        return _DEFAULT_TRANSITIONS
    if not isinstance(transition, pd.DataFrame):
        raise TypeError("transition: expected a DataFrame like LIFE_CYCLE_TRANSITIONS (rows and "
                        f"columns {PHASES}), got {type(transition).__name__}")
    if list(transition.index) != PHASES or list(transition.columns) != PHASES:
        raise ValueError(f"transition: rows and columns must be {PHASES} in that order")
    p = transition.to_numpy(dtype=float)
    if np.isnan(p).any():
        raise ValueError("transition: probabilities must lie between 0 and 1, got a missing "
                         "value (NaN)")
    _v.rates(p, "transition", kind="a probability must lie")   # the shared rate rule
    sums = p.sum(axis=1)
    bad = ~np.isclose(sums, 1.0)
    if bad.any():
        row = PHASES[int(np.flatnonzero(bad)[0])]
        raise ValueError(f"transition: the row {row!r} adds up to "
                         f"{sums[np.flatnonzero(bad)[0]]:.4g}; each row must add up to 1")
    if p[-1, -1] != 1:
        raise ValueError("transition: 'ended' must be final (its row must be 0, ..., 0, 1)")
    return p


def simulate_life_cycle(customers: int = 400, periods: int = 48, transition: pd.DataFrame | None = None,
                        seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Simulate many customer relationships through the life cycle (seeded, vectorised).

    Every relationship starts in *exploration* in period 1 and moves between phases as a Markov
    chain (:data:`LIFE_CYCLE_TRANSITIONS`): it may advance, stay, start to decline, or end.
    Its **level** (关系水平, 0–100: the volume of business, as an index) follows the phase:

    * exploration: small trial purchases, rising slowly from about 10 (+2 a period, at most 25);
    * formation: closing a quarter of the gap to the customer's own ceiling each period
      (ceilings are uniform between 60 and 100);
    * stability: closing half of the gap to the ceiling each period, so it stays close to it;
    * decline: losing a quarter of its level each period; ended: 0.

    Each period adds normal noise (sd 3). These are assumptions of the course, chosen to draw
    the textbook curve; only the four phases and their order come from the sources.

    Parameters
    ----------
    customers : int, default 400
        Number of relationships.
    periods : int, default 48
        Number of periods (months) simulated.
    transition : pandas.DataFrame, optional
        Transition probabilities (rows: from, columns: to, both :data:`PHASES`).
    seed : int
        Seed for :func:`crmlib.seed`.

    Returns
    -------
    pandas.DataFrame
        One row per relationship and period: ``customer`` (1..customers), ``period``
        (1..periods), ``phase`` (ordered categorical over :data:`PHASES`) and ``level``.

    Examples
    --------
    >>> sim = simulate_life_cycle(customers=200, periods=36, seed=1)
    >>> sim.shape
    (7200, 4)
    >>> sim.loc[sim["period"] == 1, "phase"].unique().tolist()
    ['exploration']
    >>> bool((sim.loc[sim["phase"] == "ended", "level"] == 0).all())
    True
    """
    n = int(non_negative(customers, "customers"))
    if n < 1 or n != customers:
        raise ValueError(f"customers: must be a whole number, at least 1, got {customers!r}")
    t_max = int(non_negative(periods, "periods"))
    if t_max < 1 or t_max != periods:
        raise ValueError(f"periods: must be a whole number, at least 1, got {periods!r}")
    p = _transitions(transition)
    cdf = np.cumsum(p, axis=1)
    rng = _seed(seed)
    ceiling = rng.uniform(60, 100, n)
    phase = np.zeros(n, dtype=int)
    level = np.clip(rng.normal(10, 3, n), 1, None)
    phases = np.empty((t_max, n), dtype=int)
    levels = np.empty((t_max, n))
    for t in range(t_max):
        if t > 0:
            u = rng.random(n)
            phase = np.minimum((u[:, None] > cdf[phase]).sum(axis=1), len(PHASES) - 1)
            noise = rng.normal(0, 3, n)
            level = np.select(
                [phase == 0, phase == 1, phase == 2, phase == 3],
                [np.minimum(level + 2, 25), level + 0.25 * (ceiling - level), level + 0.5 * (ceiling - level),
                 0.75 * level],
                default=0.0) + np.where(phase < 4, noise, 0.0)
            level = np.where(phase < 4, np.clip(level, 1, 100), 0.0)
        phases[t], levels[t] = phase, level
    frame = pd.DataFrame({
        "customer": np.tile(np.arange(1, n + 1), t_max),
        "period": np.repeat(np.arange(1, t_max + 1), n),
        "phase": pd.Categorical.from_codes(phases.ravel(), categories=PHASES, ordered=True),
        "level": np.round(levels.ravel(), 2),
    })
    return frame.sort_values(["customer", "period"], kind="stable").reset_index(drop=True)


def _check_sim(sim: Any) -> pd.DataFrame:
    if not isinstance(sim, pd.DataFrame) or not {"customer", "period", "phase", "level"} <= set(sim):
        raise TypeError("sim: expected the DataFrame returned by simulate_life_cycle() (columns "
                        "customer, period, phase, level)")
    return sim


def life_cycle_outcomes(sim: pd.DataFrame) -> pd.DataFrame:
    """One row per relationship: the furthest phase it reached, whether (and when) it ended, and
    its pattern.

    Patterns: ``ended in exploration`` (the trial failed), ``ended before stability`` (it
    formed, then declined), ``ended after stability`` (a full life cycle), ``still active``.

    Examples
    --------
    >>> sim = simulate_life_cycle(customers=300, periods=48, seed=1)
    >>> out = life_cycle_outcomes(sim)
    >>> out.columns.tolist()
    ['furthest_phase', 'ended', 'months_active', 'peak_level', 'pattern']
    >>> out["pattern"].value_counts().index.tolist()[:1]
    ['ended in exploration']
    """
    sim = _check_sim(sim)
    codes = sim["phase"].cat.codes.to_numpy()
    # a relationship that went straight from formation to decline never reached stability
    furthest = pd.Series(np.where(codes <= 2, codes, -1)).groupby(sim["customer"].to_numpy()).max()
    ended = pd.Series(codes == 4).groupby(sim["customer"].to_numpy()).any()
    active = pd.Series(codes < 4).groupby(sim["customer"].to_numpy()).sum()
    peak = sim.groupby("customer")["level"].max()
    pattern = np.where(~ended.to_numpy(), "still active",
                       np.where(furthest.to_numpy() == 0, "ended in exploration",
                                np.where(furthest.to_numpy() == 1, "ended before stability",
                                         "ended after stability")))
    out = pd.DataFrame({
        "furthest_phase": pd.Categorical.from_codes(furthest.to_numpy(), categories=PHASES[:3],
                                                    ordered=True),
        "ended": ended.to_numpy(),
        "months_active": active.to_numpy(),
        "peak_level": peak.to_numpy(),
        "pattern": pattern,
    }, index=pd.Index(ended.index, name="customer"))
    return out


def phase_shares(sim: pd.DataFrame) -> pd.DataFrame:
    """The share of relationships in each phase, period by period.

    Examples
    --------
    >>> shares = phase_shares(simulate_life_cycle(customers=100, periods=12, seed=3))
    >>> shares.shape
    (12, 5)
    >>> bool(np.allclose(shares.sum(axis=1), 1))
    True
    """
    sim = _check_sim(sim)
    table = pd.crosstab(sim["period"], sim["phase"], normalize="index")
    return table.reindex(columns=PHASES, fill_value=0.0)


_PHASE_COLOURS = {"exploration": "#66a61e", "formation": "#1b9e77", "stability": "#7570b3",
                  "decline": "#d95f02", "ended": "#bbbbbb"}


def plot_life_cycle(sim: pd.DataFrame, customers: Any = None, ax: Any = None) -> Any:
    """Example relationships through the life cycle: level over time, each point coloured by
    its phase, with the average level of all relationships still active.

    Parameters
    ----------
    sim : pandas.DataFrame
        From :func:`simulate_life_cycle`.
    customers : list of int, optional
        Which relationships to draw; by default one of each pattern (a full life cycle, one
        that declined before stability, a failed trial).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_life_cycle(simulate_life_cycle(seed=1))
    >>> ax.get_xlabel()
    'Month of the relationship'
    >>> plotting.close(ax.figure)
    """
    from matplotlib.lines import Line2D

    from . import plotting

    sim = _check_sim(sim)
    if customers is None:
        outcomes = life_cycle_outcomes(sim)
        customers = []
        for pattern in ["ended after stability", "ended before stability",
                        "ended in exploration", "still active"]:
            chosen = outcomes.index[outcomes["pattern"] == pattern]
            if len(chosen):
                # a long but not extreme example: the one nearest the pattern's 75th percentile
                months = outcomes.loc[chosen, "months_active"]
                best = (months - months.quantile(0.75)).abs().idxmin()
                customers.append(int(best))
            if len(customers) == 3:
                break
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 5))
    active = sim[sim["phase"] != "ended"]
    mean = active.groupby("period")["level"].mean()
    ax.plot(mean.index, mean.to_numpy(), color=plotting.COLORS["muted"], lw=2, ls="--",
            label="average of active relationships")
    styles = ["-", "-.", ":"]
    for k, cust in enumerate(customers):
        one = sim[sim["customer"] == cust]
        if one.empty:
            raise ValueError(f"customers: relationship {cust!r} is not in the simulation")
        live = one[one["phase"] != "ended"]
        ax.plot(live["period"], live["level"], color=plotting.COLORS["total"], lw=1.2,
                ls=styles[k % 3], zorder=2)
        ax.scatter(live["period"], live["level"], s=22, zorder=3,
                   c=[_PHASE_COLOURS[p] for p in live["phase"].astype(str)])
        if len(live):
            ax.annotate(f"customer {cust}", (live["period"].iloc[-1], live["level"].iloc[-1]),
                        xytext=(4, 4), textcoords="offset points", fontsize=10)
    handles = [Line2D([], [], marker="o", ls="", color=_PHASE_COLOURS[p], label=p)
               for p in PHASES[:4]]
    handles.append(Line2D([], [], color=plotting.COLORS["muted"], ls="--",
                          label="average (active)"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=10)
    ax.set_xlabel("Month of the relationship")
    ax.set_ylabel("Relationship level (0–100)")
    ax.set_ylim(0, 110)
    ax.set_title("The relationship life cycle")
    return ax


def plot_phase_shares(sim: pd.DataFrame, ax: Any = None) -> Any:
    """Stacked areas: the share of relationships in each phase, month by month.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_phase_shares(simulate_life_cycle(customers=50, periods=10, seed=2))
    >>> len(ax.collections)
    5
    >>> plotting.close(ax.figure)
    """
    from matplotlib.ticker import PercentFormatter

    from . import plotting

    shares = phase_shares(sim)
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 5))
    ax.stackplot(shares.index, shares.T.to_numpy(), labels=PHASES,
                 colors=[_PHASE_COLOURS[p] for p in PHASES], alpha=0.9)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlim(shares.index.min(), shares.index.max())
    ax.set_ylim(0, 1)
    ax.set_xlabel("Month of the relationship")
    ax.set_ylabel("Share of relationships")
    ax.set_title("Where the relationships are, month by month")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=10)
    ax.grid(False)
    return ax


# =============================================================================================
# The life cycle without simulation: the Markov chain's exact answers
# =============================================================================================

def _periods(periods: Any) -> int:
    t_max = int(non_negative(periods, "periods"))
    if t_max < 1 or t_max != periods:
        raise ValueError(f"periods: must be a whole number, at least 1, got {periods!r}")
    return t_max


def expected_phase_shares(periods: int = 48, transition: pd.DataFrame | None = None
                          ) -> pd.DataFrame:
    """The share of relationships in each phase, month by month, *expected* from the transition
    probabilities (no simulation): the Markov chain's state distribution.

    Every relationship starts in exploration, so month 1 is ``p₁ = (1, 0, 0, 0, 0)``, and each
    month multiplies by the transition matrix: ``p_{t+1} = p_t · T``. A simulation of many
    relationships (:func:`simulate_life_cycle`, :func:`phase_shares`) scatters around these
    shares, closer the more relationships it follows.

    Parameters
    ----------
    periods : int, default 48
        Number of months.
    transition : pandas.DataFrame, optional
        Transition probabilities (default :data:`LIFE_CYCLE_TRANSITIONS`).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (1..periods), one column per phase of :data:`PHASES`; rows add up
        to 1. The same layout as :func:`phase_shares`.

    Examples
    --------
    >>> shares = expected_phase_shares(3)
    >>> shares.loc[2].round(2).tolist()          # one month on: 0.70 stay, 0.18 form, 0.12 end
    [0.7, 0.18, 0.0, 0.0, 0.12]
    >>> round(float(shares.loc[3, "stability"]), 4)   # 0.18 × 0.14
    0.0252
    """
    t_max = _periods(periods)
    p = _transitions(transition)
    state = np.zeros(len(PHASES))
    state[0] = 1.0
    rows = []
    for _ in range(t_max):
        rows.append(state)
        state = state @ p
    return pd.DataFrame(rows, index=pd.Index(np.arange(1, t_max + 1), name="period"),
                        columns=pd.Index(PHASES, name="phase"))


def reach_probabilities(transition: pd.DataFrame | None = None, periods: int | None = None
                        ) -> pd.Series:
    """The probability that a new relationship (starting in exploration) ever reaches each
    phase: exactly, from the transition probabilities.

    With the default probabilities a relationship leaves exploration for formation with
    probability 0.18 / (0.18 + 0.12) = 0.6, and leaves formation for stability with probability
    0.14 / (0.14 + 0.08); so it reaches stability with probability 0.6 × 0.636 = 0.382. The
    function computes the same for any transition table (also one where phases go back), by
    making the phase final and raising the matrix to a high power.

    Parameters
    ----------
    transition : pandas.DataFrame, optional
        Transition probabilities (default :data:`LIFE_CYCLE_TRANSITIONS`).
    periods : int, optional
        Count only what happens within this many months (month 1 is the start), as in a
        simulation of that length; by default there is no time limit.

    Returns
    -------
    pandas.Series
        One probability per phase of :data:`PHASES` (exploration is 1).

    Examples
    --------
    >>> reach = reach_probabilities()
    >>> round(float(reach["formation"]), 4), round(float(reach["stability"]), 4)
    (0.6, 0.3818)
    >>> round(float(reach_probabilities(periods=3)["stability"]), 4)   # stable by month 3
    0.0252
    """
    p = _transitions(transition)
    steps = 2 ** 20 if periods is None else _periods(periods) - 1
    out = np.empty(len(PHASES))
    for j in range(len(PHASES)):
        final = p.copy()
        final[j] = 0.0
        final[j, j] = 1.0                       # once there, stay: P(reached by t) accumulates
        out[j] = np.linalg.matrix_power(final, steps)[0, j]
    return pd.Series(np.clip(out, 0.0, 1.0), index=pd.Index(PHASES, name="phase"),
                     name="probability")


def expected_months(transition: pd.DataFrame | None = None) -> pd.Series:
    """How many months a new relationship is expected to spend in each phase before it ends:
    exactly, from the transition probabilities (no time limit).

    A phase that a relationship stays in with probability ``s`` a month lasts ``1 / (1 − s)``
    months on average once reached (stability: 1 / 0.07 ≈ 14.3 months); weighted by the
    probability of reaching it (:func:`reach_probabilities`) when there is no way back. In
    general the answer is the first row of the fundamental matrix ``N = (I − Q)⁻¹`` of the
    absorbing Markov chain, where ``Q`` holds the probabilities among the four live phases.

    Parameters
    ----------
    transition : pandas.DataFrame, optional
        Transition probabilities (default :data:`LIFE_CYCLE_TRANSITIONS`).

    Returns
    -------
    pandas.Series
        Expected months in exploration, formation, stability and decline, and their sum as
        ``total`` (the expected length of a relationship, the month it starts included).

    Examples
    --------
    >>> months = expected_months()
    >>> round(float(months["exploration"]), 3), round(float(months["stability"]), 3)
    (3.333, 5.455)
    >>> round(float(months["total"]), 2)
    13.92
    """
    p = _transitions(transition)
    live = len(PHASES) - 1
    q = p[:live, :live]
    with np.errstate(all="ignore"):
        try:
            first_row = np.linalg.solve((np.eye(live) - q).T, np.eye(live)[0])
        except np.linalg.LinAlgError:
            first_row = np.full(live, np.inf)
    if not np.isfinite(first_row).all() or (first_row < -1e-9).any():
        raise ValueError("transition: some relationships never end (a live phase that cannot "
                         "reach 'ended'), so the expected months are infinite; give every live "
                         "phase a path to 'ended'")
    months = pd.Series(np.clip(first_row, 0.0, None), index=pd.Index(PHASES[:live], name="phase"),
                       name="months")
    months["total"] = months.sum()
    return months


# =============================================================================================
# Core concepts of chapter 2: features, the upgrade ladder, CRM's definitions and connotations
# =============================================================================================

def relationship_features() -> pd.DataFrame:
    """The five features of customer relationships (客户关系的主要特征) that Chinese CRM
    textbooks list, each with what it means and an example from Jack's Supermarket.

    Examples
    --------
    >>> relationship_features()["chinese"].tolist()
    ['多样性', '差异性', '双赢性', '持续性', '竞争性']
    """
    rows = [
        ("diversity", "多样性", "a firm has many kinds of relationship at once: with end and "
         "intermediate customers, by contract or by habit, close or distant",
         "Jack's has walk-in shoppers, club members, office catering accounts and school "
         "contracts: four kinds of relationship in one store"),
        ("difference", "差异性", "no two customers' relationships are the same: they differ in "
         "value, needs and closeness, so they are managed differently",
         "two club members with the same card: one spends $600 a month and talks to the "
         "butcher, the other comes twice a year for the sales"),
        ("win-win", "双赢性", "a relationship lasts only if both sides gain from it",
         "club prices save a family money; the family's extra visits repay Jack's"),
        ("continuity", "持续性", "a relationship runs over time, beyond a single sale; it is "
         "built, kept and deepened (the life cycle)",
         "a family that has shopped at Jack's for ten years: each visit builds on the last"),
        ("competitiveness", "竞争性", "rivals compete for the same customers, so a relationship "
         "can be won or lost; it is a competitive asset",
         "a discounter opens nearby and offers the same members a cheaper card"),
    ]
    return _table(rows, ["feature", "chinese", "meaning", "example"], "feature")


#: The rungs of the relationship-upgrade ladder (升级客户关系), from the lowest.
UPGRADE_RUNGS = ["loose", "close", "price-immune", "strategic partner"]


def upgrade_ladder() -> pd.DataFrame:
    """Upgrading a customer relationship (升级客户关系), one of the ways of binding customers
    beyond money in Chinese CRM course notes: four rungs from a loose cooperation to a strategic
    partnership, each with the test that tells it, and the nearest of Kotler's five levels.

    Kotler's levels describe what the *firm* does after a sale; the ladder describes how firmly
    the *customer* is bound. They are two scales, not one: the ``nearest_level`` column is the
    course's reading of how they line up.

    Examples
    --------
    >>> ladder = upgrade_ladder()
    >>> ladder.index.tolist() == UPGRADE_RUNGS
    True
    >>> ladder.loc["price-immune", "chinese"]
    '竞争对手开出更低价格也不为所动'
    """
    rows = [
        ("loose", "松散型合作关系", "contact only when there is a need",
         "no regular contact", "basic / reactive"),
        ("close", "紧密型关系", "steady cooperation every month",
         "regular (monthly) business and contact", "accountable"),
        ("price-immune", "竞争对手开出更低价格也不为所动",
         "the customer stays even when a rival offers a lower price",
         "stays when a rival is cheaper", "proactive"),
        ("strategic partner", "战略级合作伙伴，甚至成为股东",
         "a strategic partner, possibly even a shareholder",
         "shared strategy, joint plans or an equity stake", "partnership"),
    ]
    return _table(rows, ["rung", "chinese", "what it looks like", "test", "nearest_level"],
                  "rung")


def _flags(values: Any, name: str) -> tuple[np.ndarray, pd.Index | None, bool]:
    scalar_in = np.ndim(values) == 0
    if isinstance(values, (pd.DataFrame, Mapping, str)):
        raise TypeError(f"{name}: expected True/False or a list/Series of them, got "
                        f"{type(values).__name__}")
    arr = np.atleast_1d(np.asarray(values, dtype=object)).ravel()
    if arr.size == 0:
        raise ValueError(f"{name}: is empty; give True/False for each customer")
    bad = np.array([not isinstance(v, (bool, np.bool_)) for v in arr])
    if bad.any():
        raise TypeError(f"{name}: expected True or False for each customer, got "
                        f"{arr[np.flatnonzero(bad)[0]]!r} {describe_positions(bad, _v.index_of(values))}")
    return arr.astype(bool), _v.index_of(values), scalar_in


def upgrade_rung(monthly_contact: Any, stays_if_cheaper: Any, strategic: Any) -> Any:
    """The rung of the upgrade ladder a customer relationship has reached (vectorised): the
    highest rung whose test it passes.

    Parameters
    ----------
    monthly_contact : bool or sequence of bool
        Is there steady business and contact every month?
    stays_if_cheaper : bool or sequence of bool
        Did (or would) the customer stay when a rival offered a lower price?
    strategic : bool or sequence of bool
        Is the customer a strategic partner (joint planning) or a shareholder?

    Returns
    -------
    str, numpy.ndarray of str or pandas.Series
        One rung of :data:`UPGRADE_RUNGS` per customer.

    Examples
    --------
    >>> upgrade_rung(True, False, False)
    'close'
    >>> upgrade_rung([False, True, True], [False, True, True], [False, False, True]).tolist()
    ['loose', 'price-immune', 'strategic partner']
    """
    flags = [_flags(v, n) for v, n in ((monthly_contact, "monthly_contact"),
                                      (stays_if_cheaper, "stays_if_cheaper"),
                                      (strategic, "strategic"))]
    sizes = {f[0].size for f in flags}
    if len(sizes - {1}) > 1:
        raise ValueError("monthly_contact, stays_if_cheaper, strategic: give one value per "
                         f"customer in each (sizes {[f[0].size for f in flags]})")
    index = _v.paired_index(monthly_contact=monthly_contact, stays_if_cheaper=stays_if_cheaper,
                            strategic=strategic)
    contact, cheaper, partner = np.broadcast_arrays(*(f[0] for f in flags))
    rank = np.where(partner, 3, np.where(cheaper, 2, np.where(contact, 1, 0)))
    labels = np.array(UPGRADE_RUNGS, dtype=object)[rank]
    return _labels_out(labels, index, "rung", all(f[2] for f in flags))


def crm_definitions() -> pd.DataFrame:
    """Two definitions of CRM (客户关系管理) used in Chinese CRM teaching, with what each says CRM
    is, what it is for, and what it stresses.

    * the **strategy** definition of CRM textbooks (a business strategy that organises the
      firm's resources around customer segments, with customer-centred behaviour and
      processes, to raise profitability, revenue and customer satisfaction);
    * the **process** definition of course notes on customer loyalty (a continuing process of
      communicating with customers, learning their needs and improving products and services;
      in substance, integrated marketing carried out with IT and the internet). Its aims:
      customer-centred rather than product- or market-centred; a fair competitive
      environment as the basic requirement; higher loyalty as the direct aim.

    Examples
    --------
    >>> crm_definitions().index.tolist()
    ['strategy', 'process']
    """
    rows = [
        ("strategy", "一项商业策略",
         "a business strategy: the firm organises its resources around customer segments and "
         "builds customer-centred behaviour and processes",
         "higher profitability, revenue and customer satisfaction",
         "what the firm organises (resources, behaviour, processes)"),
        ("process", "不断加强与顾客交流的连续过程",
         "a continuing process of communicating with customers, learning their needs and "
         "improving products and services; integrated marketing with IT and the internet",
         "customer-centred marketing in fair competition; directly, higher customer loyalty",
         "what the firm keeps doing with customers (dialogue, learning, improving)"),
    ]
    return _table(rows, ["view", "chinese", "crm_is", "aims", "stresses"], "view")


#: The four themes the course groups the 18 connotations of CRM into.
CONNOTATION_THEMES = ["aims", "mindset", "practice", "foundations"]


def crm_connotations() -> pd.DataFrame:
    """The 18 connotations of CRM (客户关系管理要义及其18个内涵) of Chinese course notes on
    customer loyalty, in the course's words, grouped by theme.

    The notes list the 18 in one run; the four themes are the course's grouping, for learning:
    **aims** (why a firm does CRM), **mindset** (the attitude it takes), **practice** (what it
    does every day) and **foundations** (the data, tools, process and people it rests on).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``no`` (1–18, the notes' order): ``aspect``, ``chinese``, ``content`` and
        ``theme`` (one of :data:`CONNOTATION_THEMES`).

    Examples
    --------
    >>> c = crm_connotations()
    >>> len(c), c.loc[12, "chinese"]
    (18, '关键词')
    >>> c.groupby("theme").size().to_dict()
    {'aims': 3, 'foundations': 5, 'mindset': 5, 'practice': 5}
    """
    rows = [
        (1, "motive", "动机", "act from a genuine wish to help, not from calculation (无心插柳)", "mindset"),
        (2, "value", "价值", "share the customer's values: marketing becomes simple", "mindset"),
        (3, "positioning", "定位", "bind customers at the level of spirit and emotion, and invest there", "mindset"),
        (4, "philosophy", "理念", "give before you take (欲取先予)", "mindset"),
        (5, "work", "工作", "solve the customer's problems and create value", "practice"),
        (6, "tool", "工具", "the internet is the most effective tool, used with its resources and planning", "foundations"),
        (7, "precondition", "前提", "care: where the heart goes, the effort follows (用心)", "mindset"),
        (8, "process", "流程", "customer archive → segmentation → care → dynamic database", "foundations"),
        (9, "goal", "目标", "the largest customer value and the largest profit per customer; develop each customer's value a second time (客户价值二次开发)", "aims"),
        (10, "purpose", "目的", "make customers loyal and raise the firm's profit", "aims"),
        (11, "starting point", "出发点", "study the segmented customers' psychology, behaviour and habits", "foundations"),
        (12, "keywords", "关键词", "build habits, create dependence, participation, the emotional account, switching costs, lifetime customers (培养习惯, 制造依赖, 参与, 情感帐户, 转移成本, 终身客户)", "practice"),
        (13, "standard", "标准", "the customer says 'my' (我的): my store, my adviser", "aims"),
        (14, "method", "方法", "keep appearing (晃) until a habit forms", "practice"),
        (15, "daily work", "日常工作", "make deposits in the emotional account (情感账户) every day", "practice"),
        (16, "task", "任务", "raise your customers' switching costs (and the guilt of leaving); lower the switching costs of a rival's customers", "practice"),
        (17, "expert", "专家", "the expert serves from the heart, thoroughly, is never satisfied and watches for change", "foundations"),
        (18, "origin", "起点", "a complete archive that tells customers apart: a small step in the file, a big step in the relationship", "foundations"),
    ]
    return pd.DataFrame(rows, columns=["no", "aspect", "chinese", "content", "theme"]
                        ).set_index("no")


def crm_keywords() -> pd.DataFrame:
    """The six keywords of CRM (connotation 12 of :func:`crm_connotations`), each with what it
    means and a Jack's Supermarket example.

    Examples
    --------
    >>> crm_keywords().index.tolist()
    ['habit', 'dependence', 'participation', 'emotional account', 'switching cost', 'lifetime customer']
    """
    rows = [
        ("habit", "培养习惯", "make buying from the firm a routine the customer no longer "
         "decides each time", "fresh fish every Friday at 4 pm, announced in the club's chat group"),
        ("dependence", "制造依赖", "become the customer's easiest or only good way to get "
         "something done", "Jack's delivers a standing weekly order to elderly members"),
        ("participation", "参与", "let the customer take part in what the firm does",
         "members vote on the new bakery range at a tasting evening"),
        ("emotional account", "情感帐户", "every contact is a deposit or a withdrawal of "
         "goodwill; keep the balance positive", "the manager remembers a member's grandchild; "
         "a rude cashier withdraws what he deposited"),
        ("switching cost", "转移成本", "what the customer would lose by leaving: points, saved "
         "lists, a relationship with the staff", "unredeemed points and a saved shopping list "
         "that a rival cannot copy"),
        ("lifetime customer", "终身客户", "aim at the whole relationship, not the next sale: "
         "the customer lifetime value (客户终生价值)",
         "a young family that may shop at Jack's for thirty years"),
    ]
    return _table(rows, ["keyword", "chinese", "meaning", "example"], "keyword")


# =============================================================================================
# Keeping customers: bonds, benefits, segmentation, monitoring
# =============================================================================================

def retention_strategies() -> pd.DataFrame:
    """Retention strategies (保留策略) as relationship bonds, from the easiest to copy to the
    hardest, with examples.

    Berry & Parasuraman (1991) describe **three** levels of relationship marketing, each with a
    stronger bond: financial, social and structural. Zeithaml & Bitner (*Services Marketing*)
    add **customization** bonds between the social and the structural level; the ``level``
    column follows their four-level reading.

    The source lists a fifth item, *customer appreciation* (顾客赞许), without detail; we read it
    as openly recognising and thanking loyal customers (our reading).

    Examples
    --------
    >>> retention_strategies().index.tolist()
    ['financial', 'social', 'customization', 'structural', 'appreciation']
    """
    rows = [
        ("financial", "财务联系", 1,
         "lower prices for volume or for long relationships; points, miles, bundles",
         "airline miles; a bank waiving fees for customers who also insure with it; "
         "supermarket member prices",
         "easy for competitors to copy; attracts price-driven customers"),
        ("social", "社会联系", 2,
         "personal ties: the customer is known by name and served by the same people; "
         "customer clubs and communities",
         "a hairdresser who remembers the family; an account manager; a running club of a "
         "sportswear shop",
         "depends on staff who stay (code 10); takes time to build"),
        ("customization", "定制化联系", 3,
         "knowing each customer well enough to tailor the offer (customer intimacy, mass "
         "customization)",
         "a hotel that remembers the pillow a guest prefers; recommendations from purchase "
         "history",
         "needs a customer database and the discipline to use it"),
        ("structural", "结构化联系", 4,
         "shared systems, processes or investments that make the firm part of the customer's "
         "operations",
         "a distributor managing a hospital's stock on its own software; joint product "
         "development",
         "hardest to copy, highest switching costs, but a large investment"),
        ("appreciation", "顾客赞许", None,
         "recognising and thanking loyal customers openly (our reading of the source)",
         "a thank-you evening for long-standing members; a 'customer of the year'",
         "recognition must be sincere, or it reads as a sales trick"),
    ]
    table = _table(rows, ["bond", "chinese", "level", "how it works", "examples", "limits"], "bond")
    table["level"] = table["level"].astype("Int64")
    return table


def relationship_benefits() -> pd.DataFrame:
    """What a long relationship gives the customer (顾客的利益) and the firm (公司的利益).

    Examples
    --------
    >>> relationship_benefits().groupby("for").size().to_dict()
    {'customer': 3, 'firm': 4}
    """
    rows = [
        ("customer", "confidence benefits", "信任利益",
         "trust in the provider, less anxiety, knowing what to expect"),
        ("customer", "social benefits", "社会利益",
         "a familiar, almost family-like tie with the people who serve them"),
        ("customer", "special treatment benefits", "特殊对待利益",
         "better deals or prices, priority service, extra attention"),
        ("firm", "increased purchases", "增长的采购量",
         "customers who trust the firm buy more and more kinds of products over time"),
        ("firm", "lower cost", "更低的成本",
         "keeping a customer costs less than winning a new one; known customers are cheaper "
         "to serve"),
        ("firm", "free advertising by word of mouth", "口头宣传的免费广告",
         "satisfied long-term customers recommend the firm"),
        ("firm", "employee retention", "保留员工",
         "staff stay longer where customers are loyal and work is satisfying"),
    ]
    return pd.DataFrame(rows, columns=["for", "benefit", "chinese", "what it means"])


def segmentation_steps() -> pd.DataFrame:
    """Segmenting and positioning a service market in five steps (服务业市场细分和定位步骤).

    Examples
    --------
    The ``chinese`` column quotes the step headings of the Chinese textbook version of this
    list (e.g. 展开对细分市场吸引力的评估); the English and the ``how`` column are the course's.

    >>> segmentation_steps()["chinese"].iloc[2]
    '展开对细分市场吸引力的评估'
    """
    rows = [
        (1, "identify the bases for segmenting the market", "确定市场的判断基础",
         "choose criteria: needs, usage, value, demographics, location"),
        (2, "describe the resulting segments", "展开对最终细分市场的描述",
         "profile each segment's customers: who they are, what they need, how they buy"),
        (3, "evaluate segment attractiveness", "展开对细分市场吸引力的评估",
         "is it measurable, accessible, substantial and actionable? "
         "(可测量性、可接近性、充足性、可实施性)"),
        (4, "select the target segments", "选择目标细分市场",
         "pick the segments the firm can serve better than its competitors, and position for them"),
        (5, "ensure the target segments are compatible", "确保目标细分市场的兼容性",
         "segments served side by side must not spoil each other's experience (business "
         "travellers and tour groups in one hotel)"),
    ]
    return _table(rows, ["step", "what", "chinese", "how"], "step")


#: The four attractiveness criteria of step 3.
ATTRACTIVENESS = ["measurable", "accessible", "substantial", "actionable"]


def segment_attractiveness(scores: pd.DataFrame, weights: Mapping[str, float] | None = None,
                           minimum: float = 3) -> pd.DataFrame:
    """Step 3 of segmentation as a computation: a weighted attractiveness score per segment and
    a screen on the four criteria.

    Parameters
    ----------
    scores : pandas.DataFrame
        One row per segment, columns ``measurable``, ``accessible``, ``substantial`` and
        ``actionable``, each rated 1 (poor) to 5 (excellent); other columns are kept.
    weights : mapping of criterion -> weight, optional
        Weights adding up to 1; equal weights by default (the source gives none).
    minimum : float, default 3
        A segment *passes* only if it rates at least ``minimum`` on every criterion: a segment
        the firm cannot reach (accessible = 1) is no target however large it is.

    Returns
    -------
    pandas.DataFrame
        The input plus ``score`` (weighted mean), ``passes`` and ``rank`` (1 = best among the
        segments that pass; missing for the others), sorted by rank.

    Examples
    --------
    >>> segs = pd.DataFrame({"measurable": [5, 4, 3], "accessible": [4, 2, 4],
    ...                      "substantial": [3, 5, 3], "actionable": [4, 4, 3]},
    ...                     index=["families", "students", "retirees"])
    >>> segment_attractiveness(segs)[["score", "passes", "rank"]]
              score  passes  rank
    families   4.00    True     1
    retirees   3.25    True     2
    students   3.75   False  <NA>
    """
    from ._validate import weights_sum_to

    if not isinstance(scores, pd.DataFrame):
        raise TypeError(f"scores: expected a DataFrame with columns {ATTRACTIVENESS}, "
                        f"got {type(scores).__name__}")
    missing = [c for c in ATTRACTIVENESS if c not in scores.columns]
    if missing:
        raise ValueError(f"scores: missing columns {missing}; expected {ATTRACTIVENESS}")
    values = scores[ATTRACTIVENESS]
    for col in ATTRACTIVENESS:
        arr = as_float_array(values[col], f"scores[{col!r}]")
        bad = (arr < 1) | (arr > 5)
        if bad.any():
            raise ValueError(f"scores[{col!r}]: ratings run from 1 to 5 "
                             f"{describe_positions(bad, scores.index)}")
    w = weights_sum_to(weights if weights is not None else {c: 0.25 for c in ATTRACTIVENESS},
                       "weights")
    unknown = set(w) - set(ATTRACTIVENESS)
    if unknown:
        raise ValueError(f"weights: unknown criteria {sorted(unknown)}; use {ATTRACTIVENESS}")
    minimum = scalar(minimum, "minimum")
    out = scores.copy()
    out["score"] = sum(values[c].astype(float) * w.get(c, 0.0) for c in ATTRACTIVENESS)
    out["passes"] = (values >= minimum).all(axis=1)
    rank = out["score"].where(out["passes"]).rank(ascending=False, method="min")
    out["rank"] = rank.astype("Int64")
    return out.sort_values(["passes", "score"], ascending=[False, False], kind="stable")


def monitoring_tools() -> pd.DataFrame:
    """Tools for monitoring customer relationships continuously (持续的顾客关系监测).

    Examples
    --------
    >>> len(monitoring_tools())
    6
    """
    rows = [
        ("annual relationship survey", "年度顾客关系调查",
         "once a year, all key customers: overall satisfaction, intentions, what to improve"),
        ("customer database", "设计完善的顾客数据库",
         "every purchase, contact and complaint recorded per customer (chapter 9)"),
        ("tracking phone interviews", "追踪电话访问",
         "short calls soon after a transaction or service contact"),
        ("complaint monitoring", "投诉监测",
         "counting, classifying and following up complaints (chapter 7)"),
        ("lost-customer research", "丢失顾客的调查",
         "asking customers who left why they left"),
        ("customer visits", "顾客来访",
         "managers meet customers at their premises, or invite them"),
    ]
    return _table(rows, ["tool", "chinese", "what it is"], "tool")


# =============================================================================================
# Working with people: the ten codes, the 611 plan, communication, personality types
# =============================================================================================

def crm_process() -> pd.DataFrame:
    """The CRM process (客户关系管理的流程): customer archive → segmentation → care → dynamic
    database, and back (the database feeds the next round of segmentation).

    Examples
    --------
    >>> crm_process().index.tolist()
    ['customer archive', 'customer segmentation', 'customer care', 'dynamic database']
    """
    rows = [
        ("customer archive", "客户档案", 1,
         "record who each customer is and what they bought; complete, and different for "
         "different customers ('a small step for the archive, a big step for the relationship')"),
        ("customer segmentation", "客户细分", 2,
         "group customers by value, needs and behaviour, so that each group gets its own treatment"),
        ("customer care", "客户关怀", 3,
         "act on each segment: contact plans (611), service, offers, recognition"),
        ("dynamic database", "动态数据库", 4,
         "update the archive with every new purchase, contact and complaint; re-segment"),
    ]
    return _table(rows, ["step", "chinese", "order", "what happens"], "step")


def loyalty_codes() -> pd.DataFrame:
    """The ten codes for raising customer loyalty (提升客户忠诚度的十道密码).

    Examples
    --------
    >>> loyalty_codes().loc[7, "chinese"]
    '不停地晃'
    """
    rows = [
        (1, "make the customer feel comfortable", "感觉舒服",
         "do things that are not about selling: calls that seem to have no purpose build a "
         "habit, and the habit becomes an emotional tie"),
        (2, "be professional", "做到专业",
         "know the trade and the customer's business; answer and solve problems at once"),
        (3, "share a common language", "共同语言",
         "similar interests, experiences and feelings put both sides on one wavelength"),
        (4, "think for the customer", "为客户着想",
         "treat customers like family and act in their interest; they notice"),
        (5, "build trust", "建立信任",
         "sometimes advise a customer not to buy: refusing a sale that does not serve them "
         "builds trust"),
        (6, "act at the key moment", "关键时刻",
         "hold back until help is needed, then be there without hesitation"),
        (7, "keep showing up", "不停地晃",
         "stay in sight with regular light contact: the 611 plan (contact_plan_611)"),
        (8, "run a loyalty programme", "忠诚计划",
         "points, forums, clubs: do something enjoyable together with the customer"),
        (9, "create business value", "商业价值",
         "become the customer's adviser and help their business: a strategic partner"),
        (10, "keep the team stable", "持久稳定",
         "the people who serve a customer should not change every year, so that preferences "
         "and taboos are remembered: 'the same people for three years, not three people in one "
         "year' (三年不换人，而不是一年换三人). The notes add that older teams are less creative "
         "but steadier, and their customers more loyal; what matters is stability, not age"),
    ]
    return _table(rows, ["code", "what", "chinese", "how"], "code")


#: days to add by day of the week (Monday = 0): Saturday +2 and Sunday +1 reach Monday
_WEEKEND_SHIFT = np.array([0, 0, 0, 0, 0, 2, 1])


def _dates(start_date: Any) -> tuple[pd.DatetimeIndex, pd.Index | None, bool]:
    """One or many start dates as a DatetimeIndex (and the customers' labels, if given)."""
    if isinstance(start_date, (pd.DataFrame, Mapping)):
        raise TypeError(f"start_date: expected a date or a list/Series of dates, "
                        f"got {type(start_date).__name__}")
    single = isinstance(start_date, (str, pd.Timestamp)) or np.ndim(start_date) == 0
    index = start_date.index if isinstance(start_date, pd.Series) else None
    if not single and pd.api.types.is_datetime64_any_dtype(getattr(start_date, "dtype", None)):
        stamps = pd.DatetimeIndex(start_date)           # already dates: only NaT to check
        if stamps.isna().any():
            i = int(np.argmax(stamps.isna()))
            at = f"label {_v.label(index[i])}" if index is not None else f"position {i}"
            raise ValueError(f"start_date: missing date at {at}")
        if stamps.tz is not None:
            stamps = stamps.tz_localize(None)
        return stamps.normalize(), index, single
    values = pd.Series([start_date] if single else list(start_date), dtype=object)
    if values.empty:
        raise ValueError("start_date: is empty; give at least one date")

    def where(i: int) -> str:
        if single:
            return ""
        return f" at {'label ' + _v.label(index[i]) if index is not None else 'position ' + str(i)}"

    kinds = values.map(type)
    is_bool = kinds.map(lambda k: issubclass(k, (bool, np.bool_))).to_numpy()
    if is_bool.any():
        raise TypeError(f"start_date: expected dates, got a bool{where(int(np.argmax(is_bool)))}")
    missing = values.isna().to_numpy()
    if missing.any():
        raise ValueError(f"start_date: missing date{where(int(np.argmax(missing)))}")
    is_number = kinds.map(lambda k: issubclass(k, (int, float, np.number))).to_numpy()
    if is_number.any():
        i = int(np.argmax(is_number))
        raise TypeError(f"start_date: expected a date such as '2026-03-02', got the number "
                        f"{values.iloc[i]!r}{where(i)}")
    parsed = pd.to_datetime(values, errors="coerce", format="mixed")
    bad = parsed.isna().to_numpy()
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(f"start_date: {values.iloc[i]!r}{where(i)} is not a date; write it like "
                         "'2026-03-02' (year-month-day)")
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_localize(None)
    return pd.DatetimeIndex(parsed.dt.normalize()), index, single


def contact_plan_611(start_date: Any, first_message_day: int = 7, message_interval: int = 15,
                     call_day: int = 45, final_call_day: int = 90,
                     avoid_weekends: bool = False) -> pd.DataFrame:
    """The 611 contact plan (611工程) as a dated schedule of eight contacts.

    The source: over three months, **6** short messages, two a month; **1** call of three to
    five minutes on day 45; **1** longer call at the end of the third month. It gives no other
    dates, so the course chooses, and makes each choice a parameter:

    * day 0 is ``start_date`` (the first purchase, or the day the relationship begins); a month
      counts as 30 days, so the plan runs 90 days;
    * the six messages are evenly spaced, every 15 days from day 7: days **7, 22, 37, 52, 67,
      82**. That is two in each 30-day month (7 and 22; 37 and 52; 67 and 82), the first one a
      week after the start (not on day 0, when the customer has just been served), and none
      on the same day as a call;
    * the call on day **45** falls halfway between the third and fourth messages (days 37, 52);
    * the long call on day **90**, the end of month three.

    With ``avoid_weekends=True`` a contact falling on a Saturday or Sunday moves to the Monday
    after (people in business are easier to reach on working days); the ``day`` column then
    shows the moved day.

    Parameters
    ----------
    start_date : date-like, or list/Series of date-likes
        When the plan starts (``"2026-03-02"``, a ``datetime.date`` or a ``Timestamp``). A
        Series of dates indexed by customer gives one plan per customer.
    first_message_day, message_interval : int, default 7 and 15
        Day of the first message and the days between messages.
    call_day : int, default 45
        Day of the short call.
    final_call_day : int, default 90
        Day of the long call (end of the third 30-day month).
    avoid_weekends : bool, default False
        Move Saturday and Sunday contacts to the following Monday.

    Returns
    -------
    pandas.DataFrame
        Eight rows per start date, in date order: ``contact`` (1..8), ``day`` (days after the
        start), ``date``, ``kind`` (``short message``, ``call`` or ``long call``) and ``what``
        (its purpose); with several start dates, a first column ``customer`` (the Series' labels
        or positions).

    Examples
    --------
    >>> plan = contact_plan_611("2026-03-02")
    >>> plan[["day", "date", "kind"]]
       day       date           kind
    0    7 2026-03-09  short message
    1   22 2026-03-24  short message
    2   37 2026-04-08  short message
    3   45 2026-04-16           call
    4   52 2026-04-23  short message
    5   67 2026-05-08  short message
    6   82 2026-05-23  short message
    7   90 2026-05-31      long call
    >>> contact_plan_611("2026-03-02", avoid_weekends=True)["date"].dt.day_name().unique().tolist()
    ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
    """
    starts, index, single = _dates(start_date)
    days = {}
    for name, value in [("first_message_day", first_message_day),
                        ("message_interval", message_interval), ("call_day", call_day),
                        ("final_call_day", final_call_day)]:
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{name}: expected a whole number of days, got {value!r}")
        if value < 0:
            raise ValueError(f"{name}: must be 0 or more days, got {value}")
        days[name] = int(value)
    if days["message_interval"] < 1:
        raise ValueError("message_interval: must be at least 1 day")
    if not isinstance(avoid_weekends, (bool, np.bool_)):
        raise TypeError(f"avoid_weekends: expected True or False, got {avoid_weekends!r}")
    messages = days["first_message_day"] + days["message_interval"] * np.arange(6)
    if messages[-1] > days["final_call_day"]:
        raise ValueError(f"final_call_day: the sixth message falls on day {messages[-1]}, after "
                         f"the long call on day {days['final_call_day']}; shorten "
                         "message_interval or move the long call")
    base_days = np.concatenate([messages, [days["call_day"], days["final_call_day"]]])
    kinds = np.array(["short message"] * 6 + ["call", "long call"], dtype=object)
    whats = np.array(["a short greeting or useful tip, not a sales pitch"] * 6
                     + ["a 3-5 minute chat: how are things going?",
                        "a longer call: review the three months, ask for needs and suggestions"],
                     dtype=object)
    n = len(starts)
    offsets = np.tile(base_days, (n, 1))                                   # customers × 8
    start_days = starts.to_numpy().astype("datetime64[D]").astype(np.int64)[:, None]
    if avoid_weekends:
        weekday = (start_days + offsets + 3) % 7          # 1 Jan 1970 was a Thursday (3)
        offsets = offsets + _WEEKEND_SHIFT[weekday]
    order = np.argsort(offsets, axis=1, kind="stable")    # same day: the template's order
    offsets = np.take_along_axis(offsets, order, axis=1)
    dates = (start_days + offsets).astype("datetime64[D]").astype("datetime64[ns]")
    frame = pd.DataFrame({
        "contact": np.tile(np.arange(1, 9), n),
        "day": offsets.ravel(),
        "date": dates.ravel(),
        "kind": kinds[order].ravel(),
        "what": whats[order].ravel(),
    })
    if not single:
        labels = index if index is not None else pd.RangeIndex(n)
        frame.insert(0, "customer", np.repeat(np.asarray(labels, dtype=object), 8))
    cols = (["customer"] if not single else []) + ["contact", "day", "date", "kind", "what"]
    return frame[cols].reset_index(drop=True)


def plot_contact_plan(plan: pd.DataFrame, ax: Any = None) -> Any:
    """The 611 plan on a time line: messages, the call and the long call.

    Parameters
    ----------
    plan : pandas.DataFrame
        One plan from :func:`contact_plan_611` (eight contacts).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_contact_plan(contact_plan_611("2026-03-02"))
    >>> len(ax.collections)
    3
    >>> plotting.close(ax.figure)
    """
    import matplotlib.dates as mdates

    from . import plotting

    if not isinstance(plan, pd.DataFrame) or not {"date", "kind", "day"} <= set(plan.columns):
        raise TypeError("plan: expected the DataFrame returned by contact_plan_611()")
    if "customer" in plan.columns and plan["customer"].nunique() > 1:
        raise ValueError("plan: holds several customers' plans; plot one at a time")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(10, 3.2))
    style = {"short message": ("o", plotting.COLORS["neutral"], 1.0, 120),
             "call": ("s", plotting.COLORS["good"], 1.0, 200),
             "long call": ("D", plotting.COLORS["accent"], 1.0, 260)}
    for kind, (marker, colour, y, size) in style.items():
        rows = plan[plan["kind"] == kind]
        ax.scatter(rows["date"], np.full(len(rows), y), marker=marker, s=size, color=colour,
                   label=kind, zorder=3)
        for _, row in rows.iterrows():
            ax.annotate(f"day {row['day']}\n{row['date']:%d %b}", (row["date"], y),
                        xytext=(0, -34 if kind == "short message" else 16),
                        textcoords="offset points", ha="center", fontsize=9)
    start = plan["date"].min() - pd.to_timedelta(plan["day"].min(), unit="D")
    ax.axvline(start, color=plotting.COLORS["muted"], lw=1)
    ax.annotate("start", (start, 1.0), xytext=(0, 16), textcoords="offset points",
                ha="center", fontsize=9, color=plotting.COLORS["muted"])
    for month in (30, 60, 90):
        ax.axvline(start + pd.Timedelta(days=month), color=plotting.COLORS["muted"], lw=0.8,
                   ls=":")
        ax.annotate(f"day {month}", (start + pd.Timedelta(days=month), 1.2), ha="left",
                    va="top", xytext=(3, 0), textcoords="offset points", fontsize=8,
                    color=plotting.COLORS["muted"])
    ax.axhline(1.0, color=plotting.COLORS["muted"], lw=1, zorder=1)
    ax.set_ylim(0.84, 1.2)
    ax.set_yticks([])
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    ax.grid(False)
    ax.spines["left"].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, fontsize=10)
    ax.set_title("The 611 plan: 6 messages, 1 call, 1 long call in 90 days", fontsize=13)
    return ax


def communication_skills() -> pd.DataFrame:
    """Skills for communicating with customers (客户沟通技巧), with what to do and what to avoid.

    Examples
    --------
    >>> communication_skills().index.tolist()[:2]
    ['listen actively', 'speak clearly']
    """
    rows = [
        ("listen actively", "有效倾听",
         "give the customer your full attention and let them finish",
         "interrupting; preparing your answer while they talk"),
        ("speak clearly", "清晰表达",
         "short, plain sentences; explain terms the customer may not know",
         "jargon and long explanations"),
        ("give positive feedback", "积极反馈",
         "acknowledge every question or suggestion, say what will happen next",
         "silence after a complaint"),
        ("adapt your style", "适应方式",
         "match the customer's pace and personality type (personality_types)",
         "one script for every customer"),
        ("understand the real need", "深入理解",
         "ask open questions until you know the need behind the request",
         "selling the first product that fits the words"),
        ("keep promises", "遵守承诺",
         "promise only what you can do, then do it",
         "promising to win the sale"),
    ]
    return _table(rows, ["skill", "chinese", "do", "avoid"], "skill")


#: The four personality types, keyed by (extrovert, people-oriented).
PERSONALITY_TYPES = {(True, True): "popular", (False, True): "peaceful",
                     (True, False): "powerful", (False, False): "analytical"}


def personality_types() -> pd.DataFrame:
    """The four customer personality types (顾客性格类型) and how to serve each.

    Two questions sort them: is the customer outgoing (外向: expressive, likes control) or
    reserved (内向: easy-going, logical), and do they care most about people (重人际) or about
    things and tasks (重事物)? The two questions are those of the **social-styles model** of
    Merrill & Reid (1981), assertiveness and responsiveness, whose four styles are the
    *expressive*, *amiable*, *driver* and *analytical* (column ``social style``). The Chinese
    type names, common in Chinese sales-training material, echo the Chinese names of the four
    temperaments popularised by Littauer's *Personality Plus* (活泼型, 和平型, 力量型, with 分析型
    for her 完美型), but the grid and the advice are social-styles ones. The key word for
    serving each type (praise, explain, serve, consult) is that material's; the descriptions of
    the peaceful, powerful and analytical types are ours, following the social styles.

    Examples
    --------
    >>> personality_types()[["chinese", "serve by"]]
               chinese         serve by
    type                               
    popular        活泼型    praising (赞美)
    peaceful       和平型  explaining (解说)
    powerful       力量型     serving (服务)
    analytical     分析型  consulting (征询)
    """
    rows = [
        ("popular", "活泼型", "outgoing", "people",
         "fashionable, drawn to new products; takes the initiative, buys a lot and on impulse, "
         "often trades up; asks about everything and talks freely",
         "praising (赞美)",
         "listen and praise; present what is unique about the product, its look and colour"),
        ("peaceful", "和平型", "reserved", "people",
         "calm, patient, friendly; slow to decide, avoids conflict and pressure",
         "explaining (解说)",
         "explain patiently and completely, reassure (guarantees, what others chose), never push"),
        ("powerful", "力量型", "outgoing", "task",
         "decisive, goal-driven, impatient; wants to be in control",
         "serving (服务)",
         "be quick and efficient, come to the point, give options and let them decide"),
        ("analytical", "分析型", "reserved", "task",
         "careful, precise, sceptical; wants facts and details before deciding",
         "consulting (征询)",
         "give data, specifications and comparisons; ask for their view; answer exactly"),
    ]
    table = _table(rows, ["type", "chinese", "energy", "focus", "traits", "serve by",
                          "how to serve"], "type")
    table.insert(4, "social style", ["expressive", "amiable", "driver", "analytical"])
    return table


def personality_type(outgoing: Any, people_focus: Any, cut: float = 4.0) -> Any:
    """Classify customers into the four personality types from two ratings (vectorised).

    Parameters
    ----------
    outgoing : float or array-like
        How outgoing and expressive the customer is, 1 (reserved) to 7 (outgoing).
    people_focus : float or array-like
        How much the customer cares about people rather than things and tasks, 1 (task) to 7
        (people).
    cut : float, default 4.0
        A rating of ``cut`` or more counts as outgoing / people-oriented (4 is the midpoint of
        the 1–7 scale; the choice is ours, and a parameter).

    Returns
    -------
    str, numpy.ndarray of str or pandas.Series
        ``popular``, ``peaceful``, ``powerful`` or ``analytical`` per customer.

    Examples
    --------
    >>> personality_type(6, 6)
    'popular'
    >>> personality_type([2, 6, 2], [6, 2, 2]).tolist()
    ['peaceful', 'powerful', 'analytical']
    """
    scalar_in = np.ndim(outgoing) == 0 and np.ndim(people_focus) == 0
    index = _v.paired_index(outgoing=outgoing, people_focus=people_focus)
    o = as_float_array(outgoing, "outgoing")
    p = as_float_array(people_focus, "people_focus")
    for arr, name, raw in ((o, "outgoing", outgoing), (p, "people_focus", people_focus)):
        bad = (arr < 1) | (arr > 7)
        if bad.any():
            raise ValueError(f"{name}: ratings run from 1 to 7, got {arr[bad].ravel()[0]:g} "
                             f"{describe_positions(bad, _v.index_of(raw)) if arr.ndim else ''}"
                             .rstrip())
    cut = scalar(cut, "cut")
    try:
        o, p = np.broadcast_arrays(o, p)
    except ValueError:
        raise ValueError(f"outgoing, people_focus: give one rating of each per customer "
                         f"(shapes {o.shape} and {p.shape})") from None
    out_hi, people_hi = o >= cut, p >= cut
    labels = np.where(people_hi, np.where(out_hi, "popular", "peaceful"),
                      np.where(out_hi, "powerful", "analytical")).astype(object)
    return _labels_out(labels, index, "personality_type", scalar_in)


def plot_personality_grid(outgoing: Any = None, people_focus: Any = None, cut: float = 4.0,
                          ax: Any = None, names: Any = None) -> Any:
    """The four personality types as a 2 × 2 grid, with the key word for serving each, and
    optionally customers placed by their ratings.

    Each customer's point is labelled with its name: ``names`` (one per customer), or the index
    of ``outgoing`` when it is a Series; pass ``names=False`` for unlabelled points.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_personality_grid([2, 6], [6, 2])
    >>> sorted(t.get_text().split("\\n")[0] for t in ax.texts)
    ['analytical', 'peaceful', 'popular', 'powerful']
    >>> plotting.close(ax.figure)
    """
    from . import plotting

    if (outgoing is None) != (people_focus is None):
        raise ValueError("outgoing, people_focus: give both ratings to place customers on the "
                         "grid (or neither for the empty grid)")
    kinds = None if outgoing is None else np.atleast_1d(personality_type(outgoing, people_focus,
                                                                         cut))  # validates
    if ax is None:
        _, ax = plotting.new_figure(figsize=(7, 6))
    types = personality_types()
    # x: task (1) -> people (7); y: reserved (1) -> outgoing (7)
    spots = {"powerful": (2.5, 5.5), "popular": (5.5, 5.5), "analytical": (2.5, 2.5),
             "peaceful": (5.5, 2.5)}
    # labels sit in the outer corner of each quadrant, away from most customers
    corners = {"powerful": (1.15, 6.85, "left", "top"), "popular": (6.85, 6.85, "right", "top"),
               "analytical": (1.15, 1.15, "left", "bottom"),
               "peaceful": (6.85, 1.15, "right", "bottom")}
    shades = {"popular": "#fde9d9", "peaceful": "#e5f5e0", "powerful": "#fce4ec",
              "analytical": "#e8eaf6"}
    cut = scalar(cut, "cut")
    for name, (x, y) in spots.items():
        x0 = 1 if x < cut else cut
        y0 = 1 if y < cut else cut
        ax.add_patch(plotting.plt.Rectangle((x0, y0), (cut - 1) if x < cut else 7 - cut,
                                            (cut - 1) if y < cut else 7 - cut,
                                            color=shades[name], zorder=0))
        tx, ty, ha, va = corners[name]
        ax.text(tx, ty, f"{name}\nserve by {types.loc[name, 'serve by'].split(' ')[0]}",
                ha=ha, va=va, fontsize=12, fontweight="bold", multialignment=ha,
                color=plotting.COLORS["total"], zorder=2,
                bbox={"facecolor": "white", "alpha": 0.55, "edgecolor": "none", "pad": 2})
    if kinds is not None:
        o, p = np.broadcast_arrays(np.atleast_1d(as_float_array(outgoing, "outgoing")),
                                   np.atleast_1d(as_float_array(people_focus, "people_focus")))
        ax.scatter(p, o, s=40, color=plotting.COLORS["total"], zorder=3,
                   label=f"customers ({len(kinds)})")
        if names is None and isinstance(outgoing, pd.Series):
            names = outgoing.index
        if names is not None and names is not False:
            labels = [str(n) for n in (names if np.ndim(names) else [names])]
            if len(labels) != len(kinds):
                raise ValueError(f"names: give one name per customer ({len(kinds)}), got "
                                 f"{len(labels)}")
            for x, y, text in zip(p, o, labels):
                # to the right of the point, or to its left near the right edge
                right = x < 6.2
                ax.annotate(text, (x, y), xytext=(7 if right else -7, 0),
                            textcoords="offset points", ha="left" if right else "right",
                            va="center", fontsize=10, zorder=4,
                            color=plotting.COLORS["total"])
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.28))
    ax.axvline(cut, color=plotting.COLORS["muted"], lw=1)
    ax.axhline(cut, color=plotting.COLORS["muted"], lw=1)
    ax.set_xlim(1, 7)
    ax.set_ylim(1, 7)
    ax.set_xlabel("Focus: things and tasks (1) ... people (7)")
    ax.set_ylabel("Reserved (1) ... outgoing (7)")
    ax.set_title("Four customer personality types")
    ax.grid(False)
    return ax


# =============================================================================================
# Chapter 8: binding customers beyond money, maintenance skills, deep marketing
# =============================================================================================

def binding_methods() -> pd.DataFrame:
    """Six ways to bind customers beyond money (金钱之外凝结客户关系的方法), with an example
    for Jack's Supermarket (the examples are the course's).

    Course notes on raising customer loyalty, common in Chinese CRM training, say that after
    money the most effective tie is the customer's *feeling* for the firm, and list six methods.

    Examples
    --------
    >>> binding_methods()["chinese"].tolist()[:2]
    ['赢在感觉', '升级客户关系']
    """
    rows = [
        ("win on feelings", "赢在感觉",
         "work on how the customer feels about the firm, not only on the price",
         "the cashier greets regular members by name and remembers to ask after a sick child"),
        ("upgrade the relationship", "升级客户关系",
         "move each relationship up: loose → close → immune to a rival's lower price → "
         "strategic partner (chapter 2's ladder)",
         "the café next door, which bought milk only when it ran out, now has a weekly standing "
         "order and a monthly review with the store manager"),
        ("study the customer's habits", "研究客户的习惯",
         "start from how customers use the product, and design the offer around that habit",
         "the till data show office workers shop between 18:00 and 19:00: open an extra till "
         "and stock ready meals for that hour"),
        ("attend to needs and aspirations", "关注客户的需求与追求",
         "today's need may serve tomorrow's aim (a healthier life, a new skill): serve the aim "
         "as well",
         "members who buy more vegetables get recipe cards and an invitation to a cooking class"),
        ("be customer-oriented", "以客户为导向",
         "base every product and market segmentation on a deep understanding of customers",
         "the organic shelf is planned from members' purchases and a short survey, not from "
         "what suppliers offer"),
        ("be the best-matched partner", "做客户最匹配的合作伙伴",
         "know the customer's needs so well that the firm fits them better than any rival",
         "for the restaurants that buy at Jack's: delivery at 7 a.m. and one invoice a month"),
    ]
    return _table(rows, ["method", "chinese", "what it means", "at Jack's"], "method")


def maintenance_skills() -> pd.DataFrame:
    """Customer maintenance skills (客户维护技巧): four practices for keeping existing customers,
    with what each needs and an example (the examples are the course's).

    Examples
    --------
    >>> maintenance_skills().index.tolist()
    ['understand the need', 'personalised service', 'complete customer database', 'keep promises']
    """
    rows = [
        ("understand the need", "了解客户需求",
         "ask about needs and preferences in every contact; listen, give positive feedback",
         "a member asks for gluten-free bread: ask what else the family avoids"),
        ("personalised service", "提供个性化的服务",
         "tailor offers and service to what each customer has told you and bought",
         "coupons for the brands a household actually buys, not for everything"),
        ("complete customer database", "建立完善的客户信息库",
         "collect and organise each customer's details, purchases and feedback (chapter 9)",
         "the member card links purchases, complaints and contacts to one record"),
        ("keep promises", "遵守承诺",
         "promise only what can be done, then do everything to deliver it",
         "'your order is ready at 5 p.m.' means ready at 5 p.m., or a call before"),
    ]
    return _table(rows, ["skill", "chinese", "what it takes", "example"], "skill")


def deep_marketing_practices() -> pd.DataFrame:
    """The nine practices of CRM with deep marketing (伴随深度营销实施客户关系管理), for business
    customers, with an example of Jack's wholesale counter for restaurants (the examples are the
    course's).

    Examples
    --------
    >>> len(deep_marketing_practices())
    9
    >>> deep_marketing_practices().loc[9, "chinese"]
    '关注客户建议（有奖投诉）'
    """
    rows = [
        (1, "spread the relationship upwards", "扩散客户关系",
         "build ties with senior and middle managers, not only with the buyer",
         "meet the restaurant's owner and head chef, not only the person who orders"),
        (2, "handle complaints early", "及时处理投诉",
         "find where complaints cluster and remove the cause before cooperation starts",
         "late morning deliveries were the usual complaint: fix the route before signing"),
        (3, "market through details, service and the relationship", "做好细节营销、服务营销、关系营销",
         "small details, good service and the relationship itself all sell",
         "vegetables packed by dish, a driver who carries crates to the kitchen"),
        (4, "keep delivering value", "持续传递对客户有价值的东西",
         "know the trade better than the client and keep telling them what they did not know "
         "(from keeping the relationship to keeping it fresh, 从保有到保鲜)",
         "a monthly note on which produce will be cheap next month"),
        (5, "build a common language", "培养共同语言",
         "work so closely that each side understands the other (你中有我，我中有你)",
         "the account manager learns the restaurant's menu and its busy days"),
        (6, "join the client's promotion planning", "积极参与客户推广计划的制定",
         "take part in planning the client's promotions and products",
         "plan a seasonal dish with the restaurant, with Jack's supplying its ingredients"),
        (7, "hold negotiation meetings", "组织洽谈会",
         "meet often and talk more",
         "a quarterly meeting with the restaurants that buy most"),
        (8, "invite clients into product and policy planning", "邀请客户参与产品和政策的规划设计",
         "let clients help design products and terms",
         "restaurants help set the delivery windows and the credit terms"),
        (9, "listen to suggestions: rewarded complaints", "关注客户建议（有奖投诉）",
         "organise rewarded complaints and invite fault-finding (欢迎找茬)",
         "a voucher for every complaint that leads to a change"),
    ]
    return _table(rows, ["practice", "what", "chinese", "how", "at Jack's"], "practice")
