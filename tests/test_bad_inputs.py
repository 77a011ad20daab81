"""The bad-input audit: every public crmlib function, given the wrong thing, says so clearly.

For every public function of every crmlib module (found by walking the package, so a new
function cannot hide) the table :data:`AUDIT` lists the bad inputs that apply to it: empty
input, NaN, a wrong shape, a wrong type, an out-of-range value, mismatched labels or lengths.
Each must raise a ``ValueError`` or ``TypeError``

* raised by crmlib itself (not a traceback from deep inside NumPy, pandas or sqlite),
* whose message names the argument (the case's ``match``) and says what was wrong and what is
  expected (checked by :func:`_explains`).

Functions with nothing a user can get wrong are listed with the reason instead of cases:

``NO_INPUT``
    a teaching table or a fixed figure: no arguments, or only ``ax=`` and on/off display flags
    (a figure's ``ax`` goes straight to matplotlib and is not audited: see :data:`NOT_AUDITED`).
``RESULT``
    a result record that crmlib builds and returns (students read it, never build it).
``NEVER_RAISES``
    ``crmlib.checks``: a self-check never raises, whatever it is given; that promise is fuzzed
    with hypothesis in ``tests/test_checks.py``.
``PLUMBING``
    the figure style, the slider panel and the data-writing helpers that crmlib's own code and
    the ``data/make_*.py`` scripts call with arguments they build; every figure, widget and data
    test exercises them (``tests/test_data.py`` checks the scripts).

Adding a public function without adding it here fails :func:`test_every_public_function_is_audited`;
:func:`test_audit_size` asserts (and prints) the count; ``python tests/test_bad_inputs.py`` lists
every function with its kinds of bad input. A case marked ``KNOWN`` is a defect whose fix belongs
in a shared file (a strict xfail: it fails the day the defect is fixed, so the mark is removed).
"""
from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import crmlib
from crmlib.index import Indicator

NAN = float("nan")

NO_INPUT = "no input to validate (no arguments, or only ax= and on/off display flags)"
RESULT = "result record built and returned by crmlib"
NEVER_RAISES = "never raises by design (fuzzed in tests/test_checks.py)"
PLUMBING = "internal figure/widget/data-script plumbing (exercised by every figure, widget and data test)"

#: What the audit does not cover, and why.
NOT_AUDITED = (
    "ax= of the figure functions: an Axes handed straight to matplotlib (a wrong one fails in "
    "matplotlib with an AttributeError naming the Axes method)",
)

KINDS = ("empty", "nan", "shape", "type", "range", "mismatch", "unknown")


class Lazy:
    """An argument built on first use (a database, a simulation), shared by the cases."""

    def __init__(self, make):
        self.make = make

    @functools.cached_property
    def value(self) -> Any:
        return self.make()


def _resolve(x: Any) -> Any:
    return x.value if isinstance(x, Lazy) else x


@dataclass(frozen=True)
class Bad:
    """One bad call: ``kind`` of mistake, the arguments, and the argument name the message must
    contain (a regular expression)."""

    kind: str
    args: tuple
    kwargs: dict = field(default_factory=dict)
    match: str = ""
    known_defect: str = ""  # a defect that needs a change outside this test's reach (xfail)

    def __post_init__(self):
        assert self.kind in KINDS, self.kind
        assert self.match, "say which argument the message must name"


def B(kind: str, *args: Any, match: str, **kwargs: Any) -> Bad:
    return Bad(kind, args, kwargs, match)


def KNOWN(reason: str, case: Bad) -> Bad:
    """A case that fails today because the fix belongs in a shared file (strict xfail: it starts
    failing the day the defect is fixed, so the mark is removed)."""
    return Bad(case.kind, case.args, case.kwargs, case.match, reason)


_INDEX_FIX = ("crmlib/index.py (shared): flatten_weights should check that each dimension is a "
              "(weight, {name: Indicator}) pair, each indicator an Indicator, and low < high")


# --- shared inputs (valid unless a case makes them bad) ---------------------------------------

def _conn():
    from crmlib import crmdb
    return crmdb.memory_database()


CONN = Lazy(_conn)
SEGMENTS = Lazy(lambda: crmlib.crmdb.segment_customers(CONN.value))
SIM = Lazy(lambda: crmlib.relationship.simulate_life_cycle(customers=20, periods=6, seed=1))
AHP2 = Lazy(lambda: crmlib.ahp.priorities([[1, 3], [1 / 3, 1]]))
E22 = pd.DataFrame(6.0, index=[0, 1], columns=range(1, 23))
P22 = E22 - 1
SQ_RESULT = Lazy(lambda: crmlib.servqual.score(E22, P22))
ITEMS3 = pd.DataFrame({"q1": [4, 2, 5, 3], "q2": [5, 3, 4, 2], "q3": [4, 3, 5, 2]})
CHAIN_SURVEY = pd.DataFrame({"overall_satisfaction": [2, 6], "revisit_intent": [2, 5],
                             "recommended": [0, 1], "price_switch": [5, 1],
                             "spend_per_visit": [30.0, 50.0], "reputation": [3, 4],
                             "first_mention": [0, 1]})
SYSTEM = {"quality": (0.75, {"q": Indicator(1.0, 1, 5)}), "price": (0.25, {"p": Indicator(1.0, 1, 5)})}
QP = pd.DataFrame({"q": [5, 3], "p": [1, 5]})
KANO_F = pd.DataFrame({"x": [1, 2], "y": [2, 3]})
KANO_D = pd.DataFrame({"x": [5, 5], "y": [5, 3]})
KANO_SUMMARY = Lazy(lambda: crmlib.kano.summarize(KANO_F, KANO_D))
TX = pd.DataFrame({"customer_id": ["a", "b", "a"], "date": ["2025-03-01", "2025-03-05", "2025-03-09"],
                   "amount": [20.0, 15.0, 25.0]})
RFM = pd.DataFrame({"recency": [1, 5, 30, 90, 200], "frequency": [40, 20, 10, 5, 1],
                    "monetary": [900.0, 50.0, 400.0, 80.0, 10.0]})
RFM_SCORES = pd.DataFrame({"R": [5, 1, 4], "F": [5, 5, 1], "M": [4, 5, 2]})
LOG = pd.DataFrame({"category": ["noise", "noise", "billing"], "resolution_hours": [2.0, 10.0, 50.0],
                    "outcome": ["resolved", "not resolved", "resolved"],
                    "repurchased": [True, False, True],
                    "date": pd.to_datetime(["2025-01-03", "2025-01-20", "2025-03-01"])})
QSCORES = pd.DataFrame({"us": [8.0, 6.0], "them": [8.0, 5.0]}, index=["taste", "speed"])
VALUE_MAP = Lazy(lambda: crmlib.value.value_map_table({"taste": 60, "speed": 40}, QSCORES,
                                                      prices={"us": 50, "them": 50}))
WEIGHTS_AB = {"a": 0.6, "b": 0.4}
FRAME_AB = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [9.0, 1.0, 1.0]})
COHORTS = pd.DataFrame({"cohort": ["A", "A", "B"], "tenure": [0, 1, 0], "active_members": [100, 70, 200]})
SEGS = pd.DataFrame({"measurable": [5, 4], "accessible": [4, 2], "substantial": [3, 5],
                     "actionable": [4, 4]}, index=["families", "students"])
PLAN = Lazy(lambda: crmlib.relationship.contact_plan_611("2026-03-02"))
LADDER = Lazy(lambda: crmlib.loyalty.ladder_counts(["suspect", "suspect", "prospect", "client"]))
PARETO = Lazy(lambda: crmlib.complaints.pareto(["a", "a", "b"]))
REPURCHASE = pd.DataFrame({"complaints": [10, 5], "repurchased": [8, 1], "rate": [0.8, 0.2]},
                          index=["resolved", "not resolved"])
MONTHLY = pd.DataFrame({"noise": [1, 2], "billing": [0, 5]},
                       index=pd.period_range("2025-01", periods=2, freq="M"))
CSD_SCORES = Lazy(lambda: crmlib.satisfaction.csd(QP, SYSTEM))
RELIABILITY = Lazy(lambda: crmlib.satisfaction.cronbach_alpha(ITEMS3))
EP_TABLE = Lazy(lambda: crmlib.satisfaction.expectation_performance(pd.DataFrame({"a": [4.0]}),
                                                                    pd.DataFrame({"a": [3.0]})))
WRONG_FRAME = pd.DataFrame({"nothing": [1, 2]})
VSYSTEM = pd.DataFrame({"criterion": ["current value", "potential value"]}, index=["a", "b"])
GAPS5 = {"tangibles": -0.9, "reliability": -1.1, "responsiveness": -1.4, "assurance": -0.4,
         "empathy": -0.7}
WRONG_WIDTH = pd.DataFrame(6.0, index=[0, 1], columns=range(1, 22))   # 21 SERVQUAL items


def _bad_customers():
    return pd.DataFrame({"customer_id": ["C0601"], "name": ["Wei"]})  # most columns missing


# --- the table --------------------------------------------------------------------------------

AUDIT: dict[str, list[Bad] | str] = {
    # crmlib (the package)
    "crmlib.seed": [B("type", "abc", match="seed"), B("range", -1, match="seed"),
                    B("type", 1.5, match="seed")],

    # ahp
    "ahp.saaty_scale": NO_INPUT,
    "ahp.random_index_table": NO_INPUT,
    "ahp.AHPResult": RESULT,
    "ahp.Revision": RESULT,
    "ahp.priorities": [
        B("empty", [], match="matrix"),
        B("nan", [[1, NAN], [NAN, 1]], match="matrix"),
        B("shape", [[1, 2, 3], [0.5, 1, 2]], match="matrix"),
        B("shape", [[1, 2], [0.5]], match="matrix"),
        B("type", "1, 3; 1/3, 1", match="matrix"),
        B("type", [[1, "1/3"], [3, 1]], match="matrix"),
        B("range", [[1, -2], [-0.5, 1]], match="matrix"),
        B("range", [[1, 2], [2, 1]], match="matrix"),            # not reciprocal
        B("mismatch", pd.DataFrame([[1, 2], [0.5, 1]], index=["a", "b"], columns=["a", "c"]),
          match="matrix"),
        B("unknown", [[1, 2], [0.5, 1]], method="magic", match="method"),
        B("unknown", [[1, 2], [0.5, 1]], random_index="saaty1999", match="random_index"),
        B("range", [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]], random_index=-1.0, match="random_index"),
    ],
    "ahp.AHPBatch": RESULT,
    "ahp.batch_priorities": [
        B("empty", [], match="matrices"),
        B("type", "matrices", match="matrices"),
        B("shape", np.ones((2, 2)), match="matrices"),
        B("nan", np.array([[[1, NAN], [NAN, 1]]]), match="matrices"),
        B("range", np.array([[[1, -2], [-0.5, 1]]]), match="matrices"),
        B("range", [[[1, 2], [0.5, 1]], [[1, 3], [3, 1]]], match="matrices"),   # not reciprocal
        B("mismatch", [[[1, 2], [0.5, 1]], [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]]],
          match="matrices"),
        B("mismatch", {"ann": {("a", "b"): 2}, "bob": {("a", "c"): 2}}, match="matrices"),
        B("type", [[[1, "x"], [1, 1]]], match="matrices"),
        B("unknown", np.ones((1, 2, 2)), method="magic", match="method"),
        B("unknown", np.ones((1, 3, 3)), random_index="nope", match="random_index"),
    ],
    "ahp.judgement_matrix": [
        B("empty", {}, match="pairs"),
        B("type", [("a", "b", 3)], match="pairs"),
        B("type", {"ab": 3}, match="pairs"),
        B("nan", {("a", "b"): NAN}, match="pairs"),
        B("range", {("a", "b"): -3}, match="pairs"),
        B("type", {("a", "b"): "3"}, match="pairs"),
        B("mismatch", {("a", "b"): 2, ("a", "c"): 3}, match="pairs"),      # (b, c) missing
        B("mismatch", {("a", "b"): 2}, order=["a", "c"], match="order"),
        B("range", {("a", "b"): 12}, match="pairs"),                        # off Saaty's scale
        B("mismatch", {("a", "b"): 3, ("b", "a"): 3}, match="pairs"),       # both ways, disagree
    ],
    "ahp.revise": [
        B("unknown", [[1, 2], [0.5, 1]], (0, 5), 3, match="cell"),
        B("type", [[1, 2], [0.5, 1]], "01", 3, match="cell"),
        B("range", [[1, 2], [0.5, 1]], (0, 0), 3, match="cell"),
        B("nan", [[1, 2], [0.5, 1]], (0, 1), NAN, match="value"),
        B("range", [[1, 2], [0.5, 1]], (0, 1), -1, match="value"),
        B("type", [[1, 2], [0.5, 1]], (0, 1), "3", match="value"),
        B("shape", [[1, 2, 3]], (0, 1), 3, match="matrix"),
    ],
    "ahp.compose": [
        B("type", "weights", {"a": {"x": 1.0}}, match="criteria_weights"),
        B("empty", {}, {}, match="criteria_weights"),
        B("nan", {"a": NAN, "b": 0.5}, {}, match="criteria_weights"),
        B("range", {"a": 0.5, "b": 0.2}, {}, match="criteria_weights"),
        B("range", {"a": 1.5, "b": -0.5}, {}, match="criteria_weights"),
        B("type", {"a": 1.0}, "local", match="local_weights"),
        B("mismatch", {"a": 0.5, "b": 0.5}, {"a": {"x": 1.0}}, match="local_weights"),
        B("mismatch", {"a": 1.0}, {"a": {"x": 1.0}, "z": {"x": 1.0}}, match="local_weights"),
        B("range", {"a": 1.0}, {"a": {"x": 0.7, "y": 0.7}}, match="local_weights"),
    ],
    "ahp.contributions": [
        B("type", [0.5, 0.5], {}, match="criteria_weights"),
        B("range", {"a": 0.5, "b": 0.2}, {}, match="criteria_weights"),
        B("mismatch", {"a": 0.5, "b": 0.5}, {"a": {"x": 1.0}}, match="local_weights"),
        B("type", {"a": 1.0}, 3, match="local_weights"),
    ],
    "ahp.judgement_errors": [
        B("empty", [], match="matrix"),
        B("range", [[1, 2], [2, 1]], match="matrix"),
        B("unknown", [[1, 2], [0.5, 1]], method="magic", match="method"),
    ],
    "ahp.most_inconsistent": [
        B("type", 42, match="matrix"),
        B("nan", [[1, NAN], [NAN, 1]], match="matrix"),
        B("unknown", [[1, 2], [0.5, 1]], method="magic", match="method"),
        B("unknown", [[1, 2], [0.5, 1]], random_index="nope", match="random_index"),
    ],
    "ahp.nearest_on_scale": [
        B("type", "3", match="value"), B("nan", NAN, match="value"), B("range", -1, match="value"),
        B("range", 0, match="value"), B("type", [1, 2], match="value"),
    ],
    "ahp.plot_weights": [B("type", "weights", match="result"),
                         B("type", {"a": 0.5, "b": 0.5}, match="result")],
    "ahp.plot_hierarchy": [
        B("type", 3, ["a"], match="goal"),
        B("empty", "goal", [], match="criteria"),
        B("type", "goal", 5, match="criteria"),
        B("type", "goal", "criteria", match="criteria"),
        B("type", "goal", ["a"], alternatives=5, match="alternatives"),
        B("type", "goal", ["a"], alternatives="xyz", match="alternatives"),
    ],
    "ahp.plot_random_index": NO_INPUT,
    "ahp.cr_threshold": [
        B("unknown", 4, rule="strict", match="rule"),
        B("range", 0, match="n"),
        B("type", "four", match="n"),
    ],
    "ahp.ahp_panel": [
        B("type", 5, match="judgements"),
        B("empty", ["a"], match="judgements"),
        B("mismatch", ["a", "a"], match="judgements"),
        B("range", {("a", "b"): -1}, match="pairs"),
        B("unknown", ["a", "b"], method="magic", match="method"),
        B("unknown", ["a", "b", "c"], random_index="nope", match="random_index"),
    ],

    # churn
    "churn.ChurnLoss": RESULT,
    "churn.mrs_smith_loss": [
        B("type", weekly_spend="50", match="weekly_spend"),
        B("nan", years=NAN, match="years"),
        B("range", people_told=-1, match="people_told"),
        B("range", influenced_share=1.5, match="influenced_share"),
        B("range", defection_share=-0.1, match="defection_share"),
        B("range", margin=2, match="margin"),
        B("type", onward_contacts=[5], match="onward_contacts"),
    ],
    "churn.mrs_smith_range": [
        B("empty", [], match="people_told"),
        B("range", [10, -1], match="people_told"),
        B("type", ["ten"], match="people_told"),
        B("type", {"a": 10}, match="people_told"),
        B("nan", [10, NAN], match="people_told"),
        B("unknown", [10], wekly_spend=50, match="wekly_spend"),
        B("range", [10], margin=-1, match="margin"),
    ],
    "churn.plot_waterfall": [B("type", "loss", match="result"), B("type", 416000, match="result")],
    "churn.mrs_smith_widget": [
        B("range", people_told=-5, match="people_told"),
        B("unknown", peeple_told=5, match="peeple_told"),
        B("type", margin="high", match="margin"),
    ],

    # clv
    "clv.retention_clv": [
        B("type", "100", 0.8, 0.1, match="margin"),
        B("range", 100, 1.5, 0.1, match="retention"),
        B("nan", 100, NAN, 0.1, match="retention"),
        B("range", 100, 0.8, -1.5, match="discount"),
        B("range", 200, 0.8, 10, match="discount"),          # 10 % typed as 10: 1000 %
        B("range", 100, 0.8, 0.1, horizon=-1, match="horizon"),
        B("type", 100, 0.8, 0.1, horizon=2.5, match="horizon"),
        B("empty", [], 0.8, 0.1, match="margin"),
        B("shape", [100, 200, 300], [0.8, 0.7], 0.1, match="retention|margin"),
        B("mismatch", pd.Series([1.0, 2.0], index=["a", "b"]), pd.Series([0.5, 0.6], index=["a", "c"]),
          0.1, match="retention|margin"),
    ],
    "clv.margin_multiple_table": [
        B("empty", [], match="retentions"),
        B("range", [1.2], match="retentions"),
        B("type", discounts=["ten"], match="discounts"),
        B("nan", discounts=[NAN], match="discounts"),
    ],
    "clv.expected_lifetime": [
        B("type", "0.9", match="retention"), B("nan", NAN, match="retention"),
        B("range", -0.1, match="retention"), B("range", 1.0, match="retention"),
        B("empty", [], match="retention"),
    ],
    "clv.clv_by_horizon": [
        B("nan", NAN, 0.8, 0.1, match="margin"),
        B("range", 100, 2, 0.1, match="retention"),
        B("range", 100, 0.8, -1, match="discount"),
        B("range", 100, 0.8, 0.1, max_horizon=0, match="max_horizon"),
        B("type", 100, 0.8, 0.1, max_horizon=2.5, match="max_horizon"),
        B("type", [100, 200], 0.8, 0.1, match="margin"),
    ],
    "clv.plot_clv_by_horizon": [
        B("range", 100, 2, 0.1, match="retention"),
        B("type", 100, 0.8, 0.1, max_horizon="ten", match="max_horizon"),
    ],
    "clv.discounted_value": [
        B("empty", [], 0.1, match="cash_flows"),
        B("nan", [100, NAN], 0.1, match="cash_flows"),
        B("type", "100", 0.1, match="cash_flows"),
        B("range", [100], -2, match="discount"),
        B("unknown", [100], 0.1, timing="middle", match="timing"),
        B("shape", np.ones((2, 2, 2)), 0.1, match="cash_flows"),
    ],
    "clv.cohort_retention": [
        B("type", "table", match="table"),
        B("empty", COHORTS.iloc[:0], match="table"),
        B("unknown", COHORTS, cohort="group", match="cohort"),
        B("nan", COHORTS.assign(active_members=[100, NAN, 200]), match="active_members|count"),
        B("range", COHORTS.assign(active_members=[100, -70, 200]), match="active_members|count"),
    ],
    "clv.retention_gain": [
        B("range", 1.5, match="base_retention"),
        B("nan", [0.8, NAN], match="base_retention"),
        B("range", 0.8, gain=-2, match="gain"),
        B("range", 0.8, discount=-2, match="discount"),
        B("range", 0.8, horizon=-1, match="horizon"),
        B("type", "0.8", match="base_retention"),
    ],
    "clv.plot_retention_gain": [
        B("type", "0.05", match="gain"),
        B("empty", discounts=[], match="discounts"),
        B("range", base_range=(0.9, 0.5), match="base_range"),
        B("range", base_range=(0.5, 1.2), match="base_range"),
        B("type", base_range="low", match="base_range"),
        B("shape", base_range=(0.5, 0.7, 0.9), match="base_range"),
    ],
    "clv.retention_claims": NO_INPUT,
    "clv.break_even_retention": [
        B("range", 200, 0.8, 0.1, -1, match="cost"),
        B("range", 200, 0.8, 0.1, 200, match="cost"),
        B("type", 200, 0.8, 0.1, "8", match="cost"),
        B("range", 200, 1.0, 0.1, 8, match="retention"),
        B("nan", 200, 0.8, NAN, 8, match="discount"),
    ],
    "clv.steady_state": [
        B("range", -1, 0.5, match="acquired"),
        B("range", 200, 1.0, match="retention"),
        B("type", "200", 0.5, match="acquired"),
        B("nan", 200, NAN, match="retention"),
        B("shape", [200, 100], [0.5, 0.6, 0.7], match="acquired|retention"),
    ],
    "clv.leaky_bucket": [
        B("range", -1, 200, 0.75, 3, match="initial"),
        B("range", 1000, 200, 0.75, 0, match="periods"),
        B("type", 1000, 200, 0.75, 2.5, match="periods"),
        B("range", 1000, 200, 1.5, 3, match="retention"),
        B("nan", 1000, NAN, 0.75, 3, match="acquired"),
        B("shape", 1000, [200, 200], 0.75, 3, match="acquired"),
    ],
    "clv.plot_leaky_bucket": [
        B("range", 1000, 200, 0.75, 0, match="periods"),
        B("range", 1000, -200, 0.75, 3, match="acquired"),
    ],
    "clv.leaky_bucket_widget": [
        B("range", retention=1.5, match="retention"),
        B("range", periods=0, match="periods"),
        B("type", initial="many", match="initial"),
    ],

    # complaints
    "complaints.IcebergResult": RESULT,
    "complaints.complaint_iceberg": [
        B("range", -1, match="complaints"),
        B("nan", NAN, match="complaints"),
        B("type", "100", match="complaints"),
        B("range", 100, resolved_share=1.5, match="resolved_share"),
        B("unknown", 100, problem="huge", match="problem"),
        B("range", 100, repurchase_silent=2, match="repurchase_silent"),
        B("range", 100, silent_per_complaint=-3, match="silent_per_complaint"),
    ],
    "complaints.compare_handling": [
        B("empty", {}, complaints=1, match="scenarios"),
        B("type", "ignored", complaints=1, match="scenarios"),
        B("range", {"a": {"resolved_share": 2}}, complaints=1, match="resolved_share"),
        B("unknown", {"a": {"resolvd_share": 1}}, complaints=1, match="resolvd_share"),
        B("type", {"a": 0.5}, complaints=1, match="scenarios"),
    ],
    "complaints.silent_ratio": [
        B("empty", [], [], match="had_problem"),
        B("shape", [1, 1, 0], [1, 0], match="complained|had_problem"),
        B("range", [2, 1], [1, 0], match="had_problem"),
        B("type", "yes", [1], match="had_problem"),
        B("nan", [1, NAN], [1, 0], match="had_problem"),
    ],
    "complaints.plot_iceberg": [B("type", "iceberg", match="result")],
    "complaints.tarp_readings": [
        B("range", -1, match="complaints"),
        B("nan", NAN, match="complaints"),
        B("type", "26", match="complaints"),
    ],
    "complaints.handling_path": [
        B("empty", [], [], match="outcome|hours"),
        B("shape", ["resolved", "resolved"], [3], match="hours|outcome"),
        B("range", ["resolved"], [-3], match="hours"),
        B("type", ["resolved"], ["three"], match="hours"),
        B("range", ["resolved"], [3], quick_hours=-1, match="quick_hours"),
        B("mismatch", pd.Series(["resolved"], index=["a"]), pd.Series([3.0], index=["b"]), match="hours|outcome"),
    ],
    "complaints.resolution_bands": [
        B("empty", [], match="hours"),
        B("range", [-1, 3], match="hours"),
        B("unknown", [3], edges=(72, 24), match="edges"),
        B("type", [3], edges="day", match="edges"),
        B("type", "three", match="hours"),
    ],
    "complaints.pareto": [
        B("empty", [], match="categories"),
        B("type", 5, match="categories"),
        B("nan", ["a", None, "b"], match="categories"),
    ],
    "complaints.plot_pareto": [B("type", "table", match="table"),
                               B("unknown", WRONG_FRAME, match="table")],
    "complaints.log_summary": [
        B("type", "log", match="log"),
        B("unknown", LOG, by="channel", match="channel|by"),
        B("empty", LOG.iloc[:0], match="log"),
        B("nan", LOG.assign(resolution_hours=[NAN, 1.0, 2.0]), match="resolution_hours|hours"),
        B("range", LOG.assign(resolution_hours=[-1.0, 1.0, 2.0]), match="resolution_hours|hours"),
    ],
    "complaints.repurchase_by": [
        B("type", "log", "outcome", match="log"),
        B("unknown", LOG, "channel", match="channel|by"),
        B("type", LOG.assign(repurchased=["yes", "no", "yes"]), "outcome", match="repurchased"),
        B("empty", LOG.iloc[:0], "outcome", match="log"),
    ],
    "complaints.plot_repurchase": [
        B("type", "table", match="table"),
        B("unknown", WRONG_FRAME, match="table"),
        B("range", REPURCHASE, reference={"resolved": 2}, match="reference"),
        B("type", REPURCHASE, reference=0.5, match="reference"),
    ],
    "complaints.monthly_counts": [
        B("type", "log", match="log"),
        B("unknown", LOG, by="channel", match="channel|by"),
        B("type", LOG.assign(date=["soon", "later", "never"]), match="date"),
        B("empty", LOG.iloc[:0], match="log"),
    ],
    "complaints.plot_monthly": [
        B("type", "counts", match="counts"),
        B("unknown", MONTHLY, highlight=["wifi"], match="highlight"),
        B("empty", MONTHLY.iloc[:0], match="counts"),
    ],
    "complaints.why_customers_stay_silent": NO_INPUT,
    "complaints.complaint_management": NO_INPUT,
    "complaints.handling_steps": NO_INPUT,
    "complaints.service_recovery": NO_INPUT,
    "complaints.yogurt_case_review": NO_INPUT,
    "complaints.f_hotel_practices": NO_INPUT,

    # crmdb
    "crmdb.CrmDataError": RESULT,
    "crmdb.create_database": [
        B("type", 5, match="folder"),
        B("type", ".", name=5, match="name"),
        B("unknown", __file__, match="folder"),          # a file, not a folder
    ],
    "crmdb.connect": [B("type", 5, match="path"),
                      B("unknown", "/nonexistent/crm.sqlite", match="path")],
    "crmdb.memory_database": NO_INPUT,
    "crmdb.table_counts": [B("type", "conn", match="conn")],
    "crmdb.describe_table": [B("type", "conn", "customers", match="conn"),
                             B("unknown", CONN, "clients", match="table"),
                             B("type", CONN, 5, match="table")],
    "crmdb.query": [
        B("type", "conn", "SELECT 1", match="conn"),
        B("type", CONN, 5, match="sql"),
        B("unknown", CONN, "SELEC * FROM customers", match="sql"),
        B("unknown", CONN, "SELECT * FROM clients", match="sql"),
        B("type", CONN, "SELECT :x", params=5, match="params"),
        B("mismatch", CONN, "SELECT :x", match="sql|params"),
    ],
    "crmdb.run": [
        B("unknown", CONN, "no_such_query", match="name"),
        B("type", "conn", "monthly_revenue", match="conn"),
        B("unknown", CONN, "monthly_revenue", lapsd_days=5, match="lapsd_days"),
    ],
    "crmdb.add_customers": [
        B("type", CONN, "customers", match="customers"),
        B("empty", CONN, pd.DataFrame(), match="customers"),
        B("unknown", CONN, Lazy(_bad_customers), match="customers"),
        B("type", "conn", pd.DataFrame(), match="conn"),
    ],
    "crmdb.add_transactions": [
        B("type", CONN, [1, 2], match="transactions"),
        B("empty", CONN, pd.DataFrame(), match="transactions"),
        B("unknown", CONN, pd.DataFrame({"amount": [5.0]}), match="transactions"),
        B("range", CONN, pd.DataFrame({"customer_id": ["C0001"], "purchase_date": ["2026-01-02"],
                                       "amount": [-12.0]}), match="amount"),
    ],
    "crmdb.update_customer": [
        B("unknown", CONN, "C9999", district="East", match="customer_id"),
        B("unknown", CONN, "C0001", shoe_size=42, match="shoe_size"),
        B("type", CONN, 1, district="East", match="customer_id"),
        B("empty", CONN, "C0001", match="changes|change"),
        B("unknown", CONN, "C0001", birth_date="not a date", match="birth_date"),
    ],
    "crmdb.segment_customers": [
        B("type", "conn", match="conn"),
        B("unknown", CONN, "not a date", match="as_of"),
        B("range", CONN, lapsed_days=-1, match="lapsed_days"),
        B("range", CONN, vip_spend=-1, match="vip_spend"),
        B("type", CONN, new_days="long", match="new_days"),
        B("mismatch", CONN, "2025-01-01", since="2025-07-01", match="since|as_of"),
    ],
    "crmdb.save_segments": [
        B("type", CONN, "segments", match="segments"),
        B("unknown", CONN, WRONG_FRAME, match="segments"),
        B("unknown", CONN, SEGMENTS, as_of="yesterday", match="as_of"),
    ],
    "crmdb.care_list": [
        B("unknown", CONN, "the 31st", match="as_of"),
        B("type", CONN, lapsed_days="sixty", match="lapsed_days"),
        B("range", CONN, birthday_days=-7, match="birthday_days"),
        B("type", "conn", match="conn"),
    ],
    "crmdb.log_contacts": [
        B("type", CONN, "care", match="care"),
        B("unknown", CONN, WRONG_FRAME, match="care"),
        B("unknown", CONN, pd.DataFrame(columns=["customer_id", "reason", "channel"]),
          contact_date="soon", match="contact_date"),
    ],
    "crmdb.till_file": [
        B("unknown", CONN, "tomorrow", match="day"),
        B("range", CONN, returning=-1, match="returning"),
        B("unknown", CONN, faults=["gremlins"], match="faults"),
        B("type", CONN, regulars="many", match="regulars"),
        B("type", "conn", match="conn"),
    ],
    "crmdb.process_steps": NO_INPUT,
    "crmdb.crm_types": NO_INPUT,
    "crmdb.crm_type_quiz": [B("range", seed=-1, match="seed"), B("type", seed="nine", match="seed")],
    "crmdb.ai_uses": NO_INPUT,
    "crmdb.plot_process": [B("type", "care", match="notes"),
                           B("unknown", {"shopping": "x"}, match="notes")],
    "crmdb.plot_schema": [B("type", "conn", match="conn"),
                          B("type", CONN, max_columns="seven", match="max_columns")],
    "crmdb.plot_monthly_revenue": [B("type", "conn", match="conn"),
                                   B("unknown", CONN, "whenever", match="as_of")],
    "crmdb.plot_recency": [B("type", "segments", match="segments"),
                           B("unknown", WRONG_FRAME, match="segments"),
                           B("range", SEGMENTS, lapsed_days=-1, match="lapsed_days")],
    "crmdb.plot_segments": [B("type", "segments", match="segments"),
                            B("unknown", WRONG_FRAME, match="segments")],
    "crmdb.care_widget": [B("type", "conn", match="conn"),
                          B("range", CONN, lapsed_days=-1, match="lapsed_days"),
                          B("unknown", CONN, "someday", match="as_of")],

    # customer_value
    "customer_value.current_value": [
        B("type", "5200", 3900, match="revenue"),
        B("nan", NAN, 3900, match="revenue"),
        B("shape", [1, 2, 3], [1, 2], match="production_cost|revenue"),
        B("empty", [], [], match="revenue"),
        B("mismatch", pd.Series([1.0], index=["a"]), pd.Series([1.0], index=["b"]),
          match="production_cost|revenue"),
    ],
    "customer_value.net_profit_from_margin": [
        B("type", "12.5", 80, match="unit_margin"),
        B("range", 12.5, -80, match="quantity"),
        B("shape", [1, 2], [1, 2, 3], match="quantity|unit_margin"),
        B("nan", 12.5, 80, NAN, match="service_cost"),
    ],
    "customer_value.potential_value": [
        B("nan", NAN, 3, match="annual_cash_flow"),
        B("range", 1000, -1, match="remaining_years"),
        B("range", 1000, 3, discount_rate=-1.5, match="discount_rate"),
        B("unknown", 1000, 3, timing="middle", match="timing"),
        B("type", 1000, 3, growth="fast", match="growth"),
        B("shape", [1000, 800], [1, 2, 3], match="remaining_years|annual_cash_flow"),
    ],
    "customer_value.present_value": [
        B("empty", [], match="cash_flows"),
        B("nan", [800, NAN], match="cash_flows"),
        B("range", [800], discount_rate=-1.5, match="discount_rate"),
        B("unknown", [800], timing="middle", match="timing"),
        B("type", "800", match="cash_flows"),
    ],
    "customer_value.discount_table": [
        B("type", "1000", 3, match="annual_cash_flow"),
        B("range", 1000, -1, match="remaining_years"),
        B("type", 1000, 2.5, match="remaining_years"),
        B("nan", 1000, 3, discount_rate=NAN, match="discount_rate"),
    ],
    "customer_value.plot_discounting": [B("type", "table", match="table"),
                                        B("unknown", WRONG_FRAME, match="table")],
    "customer_value.whale_curve": [B("empty", [], match="values"), B("nan", [1, NAN], match="values"),
                                   B("type", "50", match="values")],
    "customer_value.top_share": [B("empty", [], match="values"),
                                 B("range", [1, 2], share=1.5, match="share"),
                                 B("nan", [1, 2], share=NAN, match="share")],
    "customer_value.plot_whale_curve": [B("empty", [], match="values"),
                                        B("type", {"a": 1}, match="values")],
    "customer_value.index_systems": NO_INPUT,
    "customer_value.design_principles": NO_INPUT,
    "customer_value.index_system_steps": NO_INPUT,
    "customer_value.value_indicators": NO_INPUT,
    "customer_value.value_index": [
        B("type", "scores", {"a": 1.0}, match="scores"),
        B("range", pd.DataFrame({"a": [1.0], "b": [2.0]}), {"a": 0.5, "b": 0.2}, match="weights"),
        B("mismatch", pd.DataFrame({"a": [1.0], "b": [2.0]}), {"a": 0.5, "c": 0.5}, match="weights|scores"),
        B("nan", pd.DataFrame({"a": [NAN], "b": [2.0]}), {"a": 0.5, "b": 0.5}, VSYSTEM, match="scores"),
        B("type", pd.DataFrame({"a": [1.0]}), "equal", match="weights"),
        B("type", pd.DataFrame({"a": [1.0]}), {"a": 1.0}, "current", match="indicators"),
        B("unknown", pd.DataFrame({"a": [1.0], "b": [2.0]}), {"a": 0.5, "b": 0.5}, match="weights"),
    ],
    "customer_value.value_segments": NO_INPUT,
    "customer_value.value_segment": [
        B("empty", [], [], match="current"),
        B("shape", [1, 2], [1], match="potential|current"),
        B("nan", [1, NAN], [1, 2], match="current"),
        B("nan", [1, 2], [1, 2], current_cut=NAN, match="current_cut"),
        B("type", "high", [1], match="current"),
    ],
    "customer_value.segment_summary": [
        B("shape", ["key", "key"], [1.0], [1.0, 2.0], match="current|segments"),
        B("empty", [], [], [], match="segments|current"),
        B("nan", ["key"], [NAN], [1.0], match="current"),
    ],
    "customer_value.key_account_management": NO_INPUT,
    "customer_value.plot_value_matrix": [
        B("empty", [], [], match="current"),
        B("shape", [1, 2], [1], match="potential|current"),
    ],

    # data
    "data.data_dir": NO_INPUT,
    "data.list_datasets": NO_INPUT,
    "data.schema": [B("unknown", "no_such_data", match="name"), B("type", 5, match="name")],
    "data.describe": [B("unknown", "no_such_data", match="name"), B("type", None, match="name")],
    "data.load": [B("unknown", "no_such_data", match="name"), B("type", ["loyalty_survey"], match="name")],
    "data.column": PLUMBING,
    "data.write": PLUMBING,
    "data.script_main": PLUMBING,

    # history
    "history.marketing_stages": NO_INPUT,
    "history.stage_lists": NO_INPUT,
    "history.rm_roles": NO_INPUT,
    "history.marketing_definitions": NO_INPUT,
    "history.plot_timeline": NO_INPUT,
    "history.marketing_mix": NO_INPUT,
    "history.marketing_mix_elements": NO_INPUT,
    "history.plot_marketing_mix": NO_INPUT,
    "history.rm_definitions": NO_INPUT,
    "history.rm_features": NO_INPUT,
    "history.six_is": NO_INPUT,
    "history.relationship_groups": NO_INPUT,
    "history.plot_relationship_groups": NO_INPUT,
    "history.rm_mix": NO_INPUT,
    "history.rm_process": NO_INPUT,
    "history.transaction_vs_relationship": NO_INPUT,
    "history.rm_background": NO_INPUT,
    "history.crm_drivers": NO_INPUT,
    "history.statement_quiz": [B("range", 0, match="n"), B("range", 1000, match="n"),
                               B("type", "eight", match="n"), B("range", 4, seed=-1, match="seed")],
    "history.revenue_by_tenure": [
        B("empty", [], [], match="tenure_months"),
        B("nan", [6, NAN], [100, 200], match="tenure_months"),
        B("range", [-6], [100], match="tenure_months"),
        B("shape", [6, 30], [100], match="monthly_spend|tenure_months"),
        B("unknown", [6], [100], bands=[60, 12, 0], match="bands"),
        B("type", ["six"], [100], match="tenure_months"),
        B("range", [500], [100], bands=[0, 12, 60], match="bands|tenure_months"),
    ],
    "history.plot_revenue_by_tenure": [B("type", "table", match="table"),
                                       B("unknown", WRONG_FRAME, match="table")],
    "history.pareto_curve": [B("empty", [], match="spend"), B("nan", [1, NAN], match="spend"),
                             B("range", [10, -5], match="spend"), B("type", "10", match="spend"),
                             B("range", [0, 0], match="spend")],
    "history.top_customer_share": [B("range", [10, 30], top=1.5, match="top"),
                                   B("empty", [], match="spend"),
                                   B("type", [10, 30], top="20%", match="top")],
    "history.plot_pareto": [B("empty", [], match="spend"), B("range", [10, 30], mark=2, match="mark")],

    # index
    "index.Indicator": "a record: validated where it is used (flatten_weights, loyalty_index, csd)",
    "index.minmax": [
        B("empty", [], match="values"),
        B("nan", [1, NAN], match="values"),
        B("type", "abc", match="values"),
        B("range", [1, 2], low=5, high=1, match="low|high"),
        B("nan", [1, 2], low=NAN, high=5, match="low"),
        B("type", ["x"], name="wallet_share", match="wallet_share"),
    ],
    "index.flatten_weights": [
        B("empty", {}, match="system"),
        B("type", "system", match="system"),
        B("range", {"D1": (0.5, {"x": Indicator(1.0, 0, 1)})}, match="system|D1"),
        B("type", {"D1": (1.0, {"x": 1.0})}, match="x"),
        B("range", {"D1": (1.0, {"x": Indicator(1.0, 5, 1)})}, match="x"),
        B("range", {"D1": (1.0, {"x": Indicator(1.5, 0, 1), "y": Indicator(-0.5, 0, 1)})}, match="y|D1"),
        B("nan", {"D1": (1.0, {"x": Indicator(NAN, 0, 1)})}, match="x"),
        B("shape", {"D1": (1.0,)}, match="D1|system"),
    ],
    "index.weighted_index": [
        B("type", "scores", {"a": 1.0}, match="scores"),
        B("range", pd.DataFrame({"a": [1.0]}), {"a": 0.5}, match="weights"),
        B("mismatch", pd.DataFrame({"a": [1.0]}), {"b": 1.0}, match="scores|weights"),
        B("nan", pd.DataFrame({"a": [NAN]}), {"a": 1.0}, match="scores|a"),
        B("type", pd.DataFrame({"a": ["high"]}), {"a": 1.0}, match="scores|a"),
    ],

    # kano
    "kano.answer_scale": NO_INPUT,
    "kano.categories": NO_INPUT,
    "kano.evaluation_table": NO_INPUT,
    "kano.quality_views": NO_INPUT,
    "kano.recognition_views": NO_INPUT,
    "kano.plot_recognition_views": [B("range", steepness=-1, match="steepness")],
    "kano.answer_codes": [
        B("unknown", ["maybe"], match="answers"),
        B("range", [6], match="answers"),
        B("range", 0, match="answers"),
        B("type", {"a": 1}, match="answers"),
        B("range", [2.5], match="answers"),
        B("unknown", ["maybe"], name="functional", match="functional"),
    ],
    "kano.classify": [
        B("range", 6, 1, match="functional"),
        B("unknown", "like", "maybe", match="dysfunctional"),
        B("shape", [1, 2], [1], match="dysfunctional|functional|shape"),
        B("mismatch", pd.Series([1], index=["a"]), pd.Series([2], index=["b"]), match="dysfunctional|functional|labels"),
        B("type", {"a": 1}, 1, match="functional"),
    ],
    "kano.split_survey": [
        B("type", "survey", match="survey"),
        B("unknown", WRONG_FRAME, match="survey|suffix"),
        B("type", pd.DataFrame({"x_func": [1], "x_dys": [5]}), functional_suffix=5, match="functional_suffix"),
        B("mismatch", pd.DataFrame({"x_func": [1], "y_dys": [5]}), match="survey|y|x"),
    ],
    "kano.summarize": [
        B("type", "f", KANO_D, match="functional"),
        B("shape", KANO_F, KANO_D.iloc[:1], match="dysfunctional|functional|shape|rows"),
        B("mismatch", KANO_F, KANO_D.rename(columns={"y": "z"}), match="dysfunctional|functional|columns"),
        B("empty", KANO_F.iloc[:0], KANO_D.iloc[:0], match="functional"),
        B("range", KANO_F, KANO_D, tie_margin=-1, match="tie_margin"),
        B("unknown", KANO_F, KANO_D, priority=("Z",), match="priority"),
        B("range", KANO_F.assign(x=[1, 7]), KANO_D, match="functional"),
    ],
    "kano.plot_kano_diagram": [B("range", steepness=-1, match="steepness"),
                               B("type", steepness="steep", match="steepness")],
    "kano.plot_category_shares": [B("type", "summary", match="summary"),
                                  B("unknown", WRONG_FRAME, match="summary")],
    "kano.plot_better_worse": [B("type", "summary", match="summary"),
                               B("unknown", WRONG_FRAME, match="summary"),
                               B("range", KANO_SUMMARY, better_cut=2, match="better_cut"),
                               B("nan", KANO_SUMMARY, worse_cut=NAN, match="worse_cut")],
    "kano.classify_widget": [B("unknown", "maybe", match="functional"),
                             B("range", 1, 7, match="dysfunctional")],

    # loyalty
    "loyalty.loyalty_types": NO_INPUT,
    "loyalty.loyalty_types_seven": NO_INPUT,
    "loyalty.dick_basu_table": NO_INPUT,
    "loyalty.ladder_stages": NO_INPUT,
    "loyalty.programme_types": NO_INPUT,
    "loyalty.ProgrammeEconomics": RESULT,
    "loyalty.dick_basu": [
        B("type", "high", 0.5, match="attitude"),
        B("nan", [4, NAN], [0.5, 0.5], match="attitude"),
        B("shape", [4, 5], [0.5], match="repeat|attitude"),
        B("nan", 4, 0.5, attitude_cut=NAN, match="attitude_cut"),
        B("empty", [], [], match="attitude"),
        B("mismatch", pd.Series([4.0], index=["a"]), pd.Series([0.5], index=["b"]), match="repeat|attitude"),
    ],
    "loyalty.plot_dick_basu": [B("shape", [4, 5], [0.5], match="repeat|attitude"),
                               B("type", "high", 0.5, match="attitude")],
    "loyalty.ladder_counts": [
        B("empty", [], match="stages"),
        B("unknown", ["alien"], match="stages"),
        B("mismatch", ["suspect"], order=("suspect", "suspect"), match="order"),
        B("type", 5, match="stages"),
    ],
    "loyalty.plot_ladder": [B("type", "counts", match="counts"),
                            B("unknown", WRONG_FRAME, match="counts")],
    "loyalty.loyalty_index": [
        B("type", "data", match="data"),
        B("unknown", pd.DataFrame({"share": [0.5]}), match="data|tenure_months"),
        B("range", pd.DataFrame({"share": [0.8]}), {"b": (0.5, {"share": Indicator(1.0, 0, 1)})},
          match="system|b"),
        B("nan", pd.DataFrame({"share": [NAN]}), {"b": (1.0, {"share": Indicator(1.0, 0, 1)})},
          match="share|data"),
        B("type", pd.DataFrame({"share": ["high"]}), {"b": (1.0, {"share": Indicator(1.0, 0, 1)})},
          match="share|data"),
        B("empty", pd.DataFrame({"share": []}), {"b": (1.0, {"share": Indicator(1.0, 0, 1)})},
          match="data|share"),
    ],
    "loyalty.satisfaction_loyalty_quadrant": [
        B("shape", [5, 5], [5], match="loyalty|satisfaction"),
        B("nan", [NAN], [5], match="satisfaction"),
        B("type", ["high"], [5], match="satisfaction"),
        B("nan", [5], [5], loyalty_cut=NAN, match="loyalty_cut"),
    ],
    "loyalty.jones_sasser_curves": [
        B("shape", [1, 5], [4, 5], ["a"], match="market|loyalty|satisfaction"),
        B("nan", [NAN], [4], ["a"], match="satisfaction"),
        B("empty", [], [], [], match="satisfaction"),
        B("type", ["low"], [4], ["a"], match="satisfaction"),
    ],
    "loyalty.plot_jones_sasser": [B("type", "curves", match="curves"),
                                  B("empty", pd.DataFrame(), match="curves")],
    "loyalty.plot_satisfaction_quadrants": [B("shape", [5, 5], [5], match="loyalty|satisfaction")],
    "loyalty.programme_economics": [
        B("range", -1, 2000, 0.05, 0.25, 0.01, 0.7, match="members"),
        B("nan", 1000, 2000, NAN, 0.25, 0.01, 0.7, match="uplift"),
        B("range", 1000, 2000, 0.05, 1.5, 0.01, 0.7, match="margin"),
        B("type", 1000, 2000, 0.05, 0.25, "1%", 0.7, match="reward_rate"),
        B("range", 1000, 2000, 0.05, 0.25, 0.01, 2, match="redemption_rate"),
        B("range", 1000, 2000, 0.05, 0.25, 0.01, 0.7, fixed_cost=-5, match="fixed_cost"),
    ],
    "loyalty.loyalty_measures": NO_INPUT,
    "loyalty.service_profit_chain": NO_INPUT,
    "loyalty.plot_service_profit_chain": NO_INPUT,
    "loyalty.loyalty_routes": NO_INPUT,
    "loyalty.bucket_stages": NO_INPUT,
    "loyalty.indicator_scores": [
        B("type", "data", match="data"),
        B("empty", pd.DataFrame({"share": []}), {"b": (1.0, {"share": Indicator(1.0, 0, 1)})},
          match="data"),
        B("unknown", pd.DataFrame({"share": [0.5]}), match="data|tenure_months"),
        B("nan", pd.DataFrame({"share": [NAN]}), {"b": (1.0, {"share": Indicator(1.0, 0, 1)})},
          match="share|data"),
    ],
    "loyalty.index_sensitivity": [
        B("shape", pd.DataFrame({"share": [0.5, 0.6]}), ["a"],
          {"b": (1.0, {"share": Indicator(1.0, 0, 1)})}, match="groups"),
        B("nan", pd.DataFrame({"share": [0.5, 0.6]}), ["a", None],
          {"b": (1.0, {"share": Indicator(1.0, 0, 1)})}, match="groups"),
        B("mismatch", pd.DataFrame({"share": [0.5, 0.6]}, index=["x", "y"]),
          pd.Series(["a", "b"], index=["p", "q"]), {"b": (1.0, {"share": Indicator(1.0, 0, 1)})},
          match="groups"),
        B("type", pd.DataFrame({"share": [0.5]}), ["a"],
          {"b": (1.0, {"share": Indicator(1.0, 0, 1)})}, min_range="ten", match="min_range"),
    ],
    "loyalty.index_coverage": [
        B("type", "system", match="system"),
        B("range", {"b": (0.5, {"share": Indicator(1.0, 0, 1)})}, match="system|b"),
    ],
    "loyalty.satisfaction_zones": [
        B("type", ["high"], match="satisfaction"),
        B("nan", [NAN], match="satisfaction"),
        B("range", [3], edges=(4.5, 2.5), match="edges"),
        B("type", [3], edges=2.5, match="edges"),
    ],
    "loyalty.discount_defection": [
        B("range", [5, 120], [10], match="switch_discount"),
        B("range", [5, 10], [0.1, 150], match="discounts"),
        B("shape", [5, 10], [10], spend=[100], match="spend"),
        B("type", [5, 10], "ten", match="discounts"),
        B("empty", [], [10], match="switch_discount"),
        B("mismatch", pd.Series([5, 10], index=["a", "b"]), [10],
          spend=pd.Series([1.0, 2.0], index=["c", "d"]), match="switch_discount|spend"),
    ],
    "loyalty.plot_discount_defection": [
        B("shape", [5, 10], ["a"], match="groups"),
        B("range", [5, 10], ["a", "b"], discounts=[200], match="discounts"),
        B("nan", [5, NAN], ["a", "b"], match="switch_discount"),
    ],
    "loyalty.compare_programmes": [
        B("empty", {}, match="scenarios"),
        B("type", "plans", match="scenarios"),
        B("type", {"a": 5}, match="scenarios"),
        B("range", {"a": dict(members=-1, spend_per_member=1, uplift=0, margin=0.2,
                               reward_rate=0.01, redemption_rate=1.0)}, match="members"),
        B("unknown", {"a": dict(members=1, spend_per_member=1, uplift=0, margin=0.2,
                                 reward_rate=0.01, redemption_rate=1.0, colour=3)}, match="colour"),
        B("empty", {"a": dict(members=1)}, match="spend_per_member|scenarios"),
    ],

    # relationship
    "relationship.relationship_levels": NO_INPUT,
    "relationship.kotler_grid": NO_INPUT,
    "relationship.life_cycle_phases": NO_INPUT,
    "relationship.retention_strategies": NO_INPUT,
    "relationship.relationship_benefits": NO_INPUT,
    "relationship.segmentation_steps": NO_INPUT,
    "relationship.monitoring_tools": NO_INPUT,
    "relationship.crm_process": NO_INPUT,
    "relationship.loyalty_codes": NO_INPUT,
    "relationship.communication_skills": NO_INPUT,
    "relationship.binding_methods": NO_INPUT,
    "relationship.maintenance_skills": NO_INPUT,
    "relationship.deep_marketing_practices": NO_INPUT,
    "relationship.personality_types": NO_INPUT,
    "relationship.relationship_features": NO_INPUT,
    "relationship.upgrade_ladder": NO_INPUT,
    "relationship.crm_definitions": NO_INPUT,
    "relationship.crm_connotations": NO_INPUT,
    "relationship.crm_keywords": NO_INPUT,
    "relationship.expected_phase_shares": [
        B("range", periods=0, match="periods"),
        B("type", periods=2.5, match="periods"),
        B("type", transition="matrix", match="transition"),
    ],
    "relationship.reach_probabilities": [
        B("type", transition="matrix", match="transition"),
        B("range", periods=-1, match="periods"),
        B("range", transition=pd.DataFrame(0.5, index=["a", "b"], columns=["a", "b", "c"]),
          match="transition"),
    ],
    "relationship.expected_months": [
        B("type", transition="matrix", match="transition"),
        B("unknown", transition=pd.DataFrame([[1.0]]), match="transition"),
    ],
    "relationship.upgrade_rung": [
        B("type", "yes", False, False, match="monthly_contact"),
        B("type", [True], [1], [False], match="stays_if_cheaper"),
        B("shape", [True, False], [True, False, True], [False], match="monthly_contact"),
        B("empty", [], [], [], match="monthly_contact"),
    ],
    "relationship.kotler_level": [
        B("unknown", "huge", "low", match="customer_band"),
        B("unknown", "many", "zero", match="margin_band"),
        B("shape", ["many", "few"], ["low", "high", "low"], match="margin_band|customer_band"),
        B("mismatch", pd.Series(["many"], index=["a"]), pd.Series(["low"], index=["b"]),
          match="margin_band|customer_band"),
        B("type", 5, "low", match="customer_band"),
        B("empty", [], [], match="customer_band"),
    ],
    "relationship.relationship_level": [
        B("range", -1, 0.2, match="customers"),
        B("type", 40, "high", match="margin"),
        B("nan", NAN, 0.2, match="customers"),
        B("unknown", 40, 0.2, customer_cuts=(10000, 100), match="customer_cuts"),
        B("shape", [40, 50], [0.2, 0.3, 0.1], match="margin|customers"),
        B("mismatch", pd.Series([40.0], index=["a"]), pd.Series([0.2], index=["b"]), match="margin|customers"),
        B("type", 40, 0.2, margin_cuts=0.2, match="margin_cuts"),
    ],
    "relationship.plot_kotler_grid": [B("type", "firms", match="firms"),
                                      B("unknown", WRONG_FRAME, match="firms")],
    "relationship.simulate_life_cycle": [
        B("range", customers=0, match="customers"),
        B("range", periods=-1, match="periods"),
        B("type", customers=2.5, match="customers"),
        B("range", seed=-1, match="seed"),
        B("type", transition="matrix", match="transition"),
        B("range", transition=pd.DataFrame(0.5, index=["a", "b"], columns=["a", "b", "c"]),
          match="transition"),
    ],
    "relationship.life_cycle_outcomes": [B("type", "sim", match="sim"),
                                         B("unknown", WRONG_FRAME, match="sim")],
    "relationship.phase_shares": [B("type", "sim", match="sim"),
                                  B("unknown", WRONG_FRAME, match="sim")],
    "relationship.plot_life_cycle": [B("type", "sim", match="sim"),
                                     B("unknown", SIM, customers=["nobody"], match="customers")],
    "relationship.plot_phase_shares": [B("type", "sim", match="sim"),
                                       B("unknown", WRONG_FRAME, match="sim")],
    "relationship.segment_attractiveness": [
        B("type", "segments", match="scores"),
        B("unknown", SEGS, weights={"profitable": 1.0}, match="weights"),
        B("nan", SEGS, minimum=NAN, match="minimum"),
        B("nan", SEGS.assign(measurable=[5, NAN]), match="scores"),
        B("type", SEGS.assign(measurable=["high", 4]), match="scores"),
        B("empty", SEGS.iloc[:0], match="scores"),
        B("range", SEGS, weights={"measurable": -1.0}, match="weights"),
    ],
    "relationship.contact_plan_611": [
        B("unknown", "not a date", match="start_date"),
        B("range", "2026-03-02", first_message_day=-1, match="first_message_day"),
        B("type", "2026-03-02", call_day="late", match="call_day"),
        B("range", "2026-03-02", message_interval=0, match="message_interval"),
        B("type", 20260302.5, match="start_date"),
    ],
    "relationship.plot_contact_plan": [B("type", "plan", match="plan"),
                                       B("unknown", WRONG_FRAME, match="plan")],
    "relationship.personality_type": [
        B("type", "loud", 6, match="outgoing"),
        B("nan", NAN, 6, match="outgoing"),
        B("shape", [2, 6], [6, 2, 2], match="people_focus|outgoing"),
        B("nan", 6, 6, cut=NAN, match="cut"),
        B("range", 9, 6, match="outgoing"),
        B("mismatch", pd.Series([2.0], index=["a"]), pd.Series([6.0], index=["b"]), match="people_focus|outgoing"),
    ],
    "relationship.plot_personality_grid": [
        B("mismatch", [2, 6], None, match="people_focus|outgoing"),
        B("shape", [2, 6], [6, 2, 2], match="people_focus|outgoing"),
        B("nan", cut=NAN, match="cut"),
        B("shape", [2, 6], [6, 2], names=["one"], match="names"),
    ],

    # rfm
    "rfm.rfm_segments": NO_INPUT,
    "rfm.rfm_table": [
        B("type", "transactions", match="transactions"),
        B("unknown", TX, amount="value", match="value|amount"),
        B("nan", TX.assign(amount=[20.0, NAN, 25.0]), match="amount"),
        B("unknown", TX.assign(date=["soon", "2025-03-05", "2025-03-09"]), match="date"),
        B("empty", TX.iloc[:0], match="transactions"),
        B("unknown", TX, as_of="someday", match="as_of"),
        B("mismatch", TX, as_of="2025-03-02", match="as_of"),
        B("type", TX.assign(amount=["20", "x", "25"]), match="amount"),
        B("range", TX.assign(date=[45662.0, 45666.0, 45670.0]), match="date"),   # Excel serials
        B("range", TX.assign(date=[19971332, 19970105, 19970109]), match="date"),
        B("type", TX.assign(date=["2025-03-01", 20250305, "2025-03-09"]), match="date"),
        B("mismatch", TX.assign(date=pd.to_datetime(TX["date"]).dt.tz_localize("UTC")),
          as_of="2025-04-01", match="as_of"),
        B("range", TX.assign(amount=[20.0, -15.0, 25.0]), match="amount"),   # refunds only (b)
    ],
    "rfm.rfm_scores": [
        B("type", "rfm", match="rfm"),
        B("unknown", WRONG_FRAME, match="rfm"),
        B("range", RFM, bins=1, match="bins"),
        B("type", RFM, bins="five", match="bins"),
        B("nan", RFM.assign(monetary=[NAN, 1, 2, 3, 4]), match="monetary|rfm"),
        B("empty", RFM.iloc[:0], match="rfm"),
    ],
    "rfm.rfm_segment": [
        B("type", "scores", match="scores"),
        B("unknown", WRONG_FRAME, match="scores"),
        B("nan", RFM_SCORES, cut=NAN, match="cut"),
        B("nan", RFM_SCORES.assign(R=[5, NAN, 4]), match="scores|R"),
        B("type", RFM_SCORES.assign(R=["high", 1, 4]), match="scores|R"),
    ],
    "rfm.segment_profile": [
        B("type", "rfm", pd.Series(["a"]), match="rfm"),
        B("shape", RFM, pd.Series(["a", "b"]), match="segments"),
        B("type", RFM, "important value", match="segments"),
        B("unknown", WRONG_FRAME, pd.Series(["a", "b"]), match="rfm"),
        B("mismatch", RFM, pd.Series(["a"] * 5, index=list("vwxyz")), match="segments"),
    ],
    "rfm.plot_rfm_segments": [B("type", "profile", match="profile"),
                              B("unknown", WRONG_FRAME, match="profile")],
    "rfm.plot_rf_grid": [B("type", "scores", match="scores"),
                         B("unknown", WRONG_FRAME, match="scores"),
                         B("shape", RFM_SCORES, values=[1.0, 2.0], match="values")],

    # satisfaction
    "satisfaction.Reliability": RESULT,
    "satisfaction.IndexModel": RESULT,
    "satisfaction.satisfaction_levels": NO_INPUT,
    "satisfaction.satisfaction_metrics": NO_INPUT,
    "satisfaction.supermarket_factors": NO_INPUT,
    "satisfaction.index_constructs": NO_INPUT,
    "satisfaction.index_models_table": NO_INPUT,
    "satisfaction.disconfirmation": [
        B("type", "4", 3.5, match="expectation"),
        B("nan", 4, NAN, match="performance"),
        B("shape", [3, 4], [4], match="performance|expectation"),
        B("empty", [], [], match="expectation"),
        B("mismatch", pd.Series([3.0], index=["a"]), pd.Series([4.0], index=["b"]),
          match="performance|expectation"),
    ],
    "satisfaction.satisfaction_level": [
        B("type", "-0.5", match="gap"),
        B("range", -0.5, tolerance=-1, match="tolerance"),
        B("nan", -0.5, tolerance=NAN, match="tolerance"),
        B("empty", [], match="gap"),
    ],
    "satisfaction.plot_satisfaction_levels": [B("empty", [], match="scores"),
                                              B("type", "seven", match="scores"),
                                              B("range", [7, 8], match="scores"),
                                              B("nan", [7, NAN], match="scores")],
    "satisfaction.columns_with_prefix": [B("type", "frame", "imp_", match="frame"),
                                         B("unknown", WRONG_FRAME, "imp_", match="frame|prefix"),
                                         B("type", WRONG_FRAME, 5, match="prefix")],
    "satisfaction.factor_scores": [
        B("type", "items", match="items"),
        B("unknown", ITEMS3, {"a": ["q1", "q9"]}, match="q9|factors"),
        B("unknown", ITEMS3, {"a": ["q1"]}, missing="drop", match="missing"),
        B("type", ITEMS3.assign(q1=["x", "y", "z", "w"]), {"a": ["q1"]}, match="q1|items"),
        B("empty", ITEMS3, {"a": []}, match="factors|a"),
        B("type", ITEMS3, "q1", match="factors"),
    ],
    "satisfaction.expectation_performance": [
        B("type", "e", pd.DataFrame({"a": [3.0]}), match="expectation"),
        B("mismatch", pd.DataFrame({"a": [4.0]}), pd.DataFrame({"b": [3.0]}), match="performance|expectation"),
        B("range", pd.DataFrame({"a": [4.0]}), pd.DataFrame({"a": [3.0]}), tolerance=-1, match="tolerance"),
        B("shape", pd.DataFrame({"a": [4.0, 3.0]}), pd.DataFrame({"a": [3.0]}), match="performance|expectation"),
        B("nan", pd.DataFrame({"a": [NAN]}), pd.DataFrame({"a": [NAN]}), match="expectation|performance|a"),
    ],
    "satisfaction.plot_expectation_performance": [B("type", "table", match="table"),
                                                  B("unknown", WRONG_FRAME, match="table")],
    "satisfaction.cronbach_alpha": [
        B("type", "items", match="items"),
        B("shape", ITEMS3[["q1"]], match="items"),
        B("shape", ITEMS3.iloc[:1], match="items"),
        B("unknown", ITEMS3, missing="drop", match="missing"),
        B("type", ITEMS3.assign(q1=["a", "b", "c", "d"]), match="items|q1"),
        B("empty", ITEMS3.iloc[:0], match="items"),
        B("nan", pd.DataFrame({"a": [NAN, 1, NAN], "b": [1, NAN, 2]}), match="items"),
    ],
    "satisfaction.alpha_rating": [B("type", "0.7", match="alpha"), B("nan", NAN, match="alpha"),
                                  B("range", 1.5, match="alpha")],
    "satisfaction.reliability_table": [
        B("type", "items", match="items"),
        B("unknown", ITEMS3, {"a": ["q1", "q9"]}, match="q9|factors"),
        B("unknown", ITEMS3, {"a": ["q1", "q2"]}, missing="drop", match="missing"),
    ],
    "satisfaction.plot_alpha_if_deleted": [B("type", "alpha", match="result"),
                                           B("type", 0.8, match="result")],
    "satisfaction.importance_weights": [
        B("empty", {}, match="importance"),
        B("range", {"a": -1.0, "b": 2.0}, match="importance"),
        B("nan", {"a": NAN, "b": 2.0}, match="importance"),
        B("type", "price", match="importance"),
        B("range", {"a": 0.0, "b": 0.0}, match="importance"),
    ],
    "satisfaction.csd_system": [
        B("range", {"a": 0.6, "b": 0.6}, {"a": ["a1"], "b": ["b1"]}, match="weights"),
        B("mismatch", {"a": 0.6, "c": 0.4}, {"a": ["a1"], "b": ["b1"]}, match="weights|factors"),
        B("range", {"a": 1.0}, {"a": ["a1"]}, low=5, high=1, match="low|high"),
        B("type", "equal", {"a": ["a1"]}, match="weights"),
        B("empty", {"a": 1.0}, {"a": []}, match="factors|a"),
    ],
    "satisfaction.csd": [
        B("type", "data", SYSTEM, match="data"),
        B("unknown", pd.DataFrame({"q": [5]}), SYSTEM, match="data|p"),
        B("unknown", QP, SYSTEM, missing="drop", match="missing"),
        B("range", QP, {"quality": (0.5, {"q": Indicator(1.0, 1, 5)})}, match="system|quality"),
        B("type", QP.assign(q=["good", "bad"]), SYSTEM, match="q|data"),
        B("empty", QP.iloc[:0], SYSTEM, match="data"),
    ],
    "satisfaction.csd_summary": [
        B("type", "scores", SYSTEM, match="scores"),
        B("unknown", WRONG_FRAME, SYSTEM, match="scores"),
        B("mismatch", CSD_SCORES, {"other": (1.0, {"q": Indicator(1.0, 1, 5)})}, match="scores|system|other"),
    ],
    "satisfaction.plot_csd": [B("type", "summary", match="summary"),
                              B("unknown", WRONG_FRAME, match="summary")],
    "satisfaction.csd_widget": [
        B("type", "data", SYSTEM, match="data"),
        B("range", QP, {"quality": (0.5, {"q": Indicator(1.0, 1, 5)})}, match="system|quality"),
        B("unknown", QP, SYSTEM, missing="drop", match="missing"),
    ],
    "satisfaction.ipa": [
        B("empty", {}, {}, match="importance"),
        B("mismatch", {"a": 4.0, "b": 3.0}, {"a": 3.0, "c": 4.0}, match="performance|importance"),
        B("unknown", {"a": 4.0, "b": 3.0}, {"a": 3.0, "b": 4.0}, center="middle", match="center"),
        B("nan", {"a": NAN, "b": 3.0}, {"a": 3.0, "b": 4.0}, match="importance"),
        B("shape", [4.0, 3.0], [3.0], match="performance|importance"),
        B("type", "price", {"a": 1.0}, match="importance"),
    ],
    "satisfaction.plot_ipa": [
        B("mismatch", {"a": 4.0, "b": 3.0}, {"a": 3.0, "c": 4.0}, match="performance|importance"),
        B("unknown", {"a": 4.0, "b": 3.0}, {"a": 3.0, "b": 4.0}, center="middle", match="center"),
    ],
    "satisfaction.derived_importance": [
        B("type", "perf", [1, 2], match="performance"),
        B("shape", ITEMS3, [1, 2], match="overall"),
        B("type", ITEMS3, "high", match="overall"),
        B("empty", ITEMS3.iloc[:0], [], match="performance|overall"),
    ],
    "satisfaction.index_model": [B("unknown", "XYZ", match="name"), B("type", 5, match="name")],
    "satisfaction.plot_index_model": [B("unknown", "XYZ", match="model|name"),
                                      B("type", 5, match="model")],
    "satisfaction.satisfaction_chain": NO_INPUT,
    "satisfaction.satisfaction_drivers": NO_INPUT,
    "satisfaction.survey_misconceptions": NO_INPUT,
    "satisfaction.chain_evidence": [
        B("type", [1, 2], match="survey"),
        B("mismatch", ITEMS3, match="survey"),                       # not the chain's columns
        B("range", CHAIN_SURVEY, cuts=(5, 4), match="cuts"),
        B("type", CHAIN_SURVEY, cuts=3, match="cuts"),
        B("type", CHAIN_SURVEY.assign(recommended=["yes", "no"]), match="recommended"),
    ],
    "satisfaction.plot_satisfaction_chain": [B("type", "evidence", match="evidence"),
                                             B("mismatch", ITEMS3, match="evidence")],

    # servqual
    "servqual.ServqualResult": RESULT,
    "servqual.items_table": NO_INPUT,
    "servqual.score": [
        B("type", "E", P22, match="expectations"),
        B("shape", WRONG_WIDTH, WRONG_WIDTH, match="expectations"),
        B("shape", E22, P22.iloc[:1], match="perceptions|expectations"),
        B("range", E22, P22 + 3, match="perceptions"),
        B("unknown", E22, P22, missing="drop", match="missing"),
        B("range", E22, P22, weights={"tangibles": 50, "reliability": 50}, match="weights"),
        B("unknown", E22, P22, scale=(7, 1), match="scale"),
        B("type", E22.astype(object).where(E22 < 0, "six"), P22, match="expectations"),
        B("nan", E22.where(E22 < 0), P22, match="expectations|item"),
        B("empty", E22.iloc[:0], P22.iloc[:0], match="expectations"),
    ],
    "servqual.priorities": [
        B("empty", {}, match="dimension_gaps"),
        B("unknown", {"speed": -1.0}, match="dimension_gaps"),
        B("nan", {"tangibles": NAN, "reliability": -1.0}, match="dimension_gaps"),
        B("range", GAPS5, {d: 30 for d in GAPS5}, match="weights"),
        B("type", "gaps", match="dimension_gaps"),
        B("mismatch", GAPS5, {"tangibles": 50, "empathy": 50}, match="weights"),
        B("range", GAPS5, {**{d: 25 for d in GAPS5}, "tangibles": -25}, match="weights"),
    ],
    "servqual.split_survey": [
        B("type", "survey", match="survey"),
        B("unknown", WRONG_FRAME, match="survey|E"),
        B("type", WRONG_FRAME, expectation_prefix=5, match="expectation_prefix"),
    ],
    "servqual.plot_item_gaps": [B("type", "result", match="result")],
    "servqual.plot_dimension_gaps": [B("type", "result", match="result")],
    "servqual.plot_radar": [B("type", "result", match="result"),
                            B("type", {"tangibles": -1}, match="result")],
    "servqual.plot_gaps_model": NO_INPUT,
    "servqual.weights_widget": [
        B("type", "E", P22, match="expectations"),
        B("shape", WRONG_WIDTH, WRONG_WIDTH, match="expectations"),
        B("range", E22, P22, weights={"tangibles": 50, "reliability": 60}, match="weights"),
    ],

    # service
    "service.definitions": NO_INPUT,
    "service.characteristics": NO_INPUT,
    "service.service_offer_types": NO_INPUT,
    "service.evolution": NO_INPUT,
    "service.management_goals": NO_INPUT,
    "service.service_level_steps": NO_INPUT,
    "service.plot_service_level_flow": NO_INPUT,
    "service.quality_components": NO_INPUT,
    "service.expected_quality_drivers": NO_INPUT,
    "service.commitment_types": NO_INPUT,
    "service.commitment_bases": NO_INPUT,
    "service.service_sides": NO_INPUT,
    "service.service_beliefs": NO_INPUT,
    "service.competition_levels": NO_INPUT,
    "service.service_styles": NO_INPUT,
    "service.plot_service_styles": [
        B("type", points=[(0.3, 0.4)], match="points"),
        B("shape", points={"desk": (0.3,)}, match="points"),
        B("range", points={"desk": (0.3, 1.4)}, match="points"),
        B("nan", points={"desk": (NAN, 0.4)}, match="points"),
    ],
    "service.selling_models": NO_INPUT,
    "service.plot_selling_models": NO_INPUT,
    "service.common_problems": NO_INPUT,

    # value
    "value.value_definitions": NO_INPUT,
    "value.value_characteristics": NO_INPUT,
    "value.value_drivers": NO_INPUT,
    "value.driver_identification_steps": NO_INPUT,
    "value.delivered_value_components": NO_INPUT,
    "value.total_cost_lists": NO_INPUT,
    "value.three_costs": [
        B("empty", {}, match="cost"),
        B("type", "costs", match="cost"),
        B("unknown", {"money": 40, "time": 5}, match="cost"),
        B("range", {"money": 40, "time": 5, "energy": -1, "psychic": 2}, match="cost"),
        B("nan", {"money": NAN, "time": 5, "energy": 1, "psychic": 2}, match="cost"),
    ],
    "value.value_hierarchy": NO_INPUT,
    "value.value_measurement_methods": NO_INPUT,
    "value.value_determination_steps": NO_INPUT,
    "value.value_satisfaction_loyalty": NO_INPUT,
    "value.value_gap": [
        B("empty", {}, {}, match="desired"),
        B("mismatch", {"speed": 9}, {"price": 7}, match="received"),
        B("shape", [9, 6], [7], match="desired|received"),
        B("nan", {"speed": NAN}, {"speed": 7}, match="desired"),
        B("type", {"speed": 9}, {"speed": "high"}, match="received"),
    ],
    "value.delivered_value": [
        B("empty", {}, {"money": 40}, match="value"),
        B("type", "lots", {"money": 40}, match="value"),
        B("nan", {"product": NAN}, {"money": 40}, match="value"),
        B("range", {"product": 50}, {"money": -40}, match="cost"),
        B("type", {"product": 50}, {"money": "forty"}, match="cost"),
    ],
    "value.plot_delivered_value": [B("empty", {}, {"money": 40}, match="value"),
                                   B("type", {"product": 50}, 40, match="cost")],
    "value.quality_profile": [
        B("mismatch", {"taste": 60, "speed": 40}, {"taste": 8, "size": 6}, {"taste": 8, "speed": 5},
          match="own_scores|weights"),
        B("range", {"taste": 60, "speed": 60}, {"taste": 8, "speed": 6}, {"taste": 8, "speed": 5},
          match="weights"),
        B("nan", {"taste": 60, "speed": 40}, {"taste": NAN, "speed": 6}, {"taste": 8, "speed": 5},
          match="own_scores"),
        B("shape", [60, 40], [8, 6, 5], [8, 5], match="own_scores"),
        B("empty", {}, {}, {}, match="weights"),
        B("type", "taste", [8], [8], match="weights"),
    ],
    "value.market_perceived_quality": [
        B("shape", [50, 50], [8, 6], [[4, 12], [6, 6]], competitor_weights=[1], match="competitor_weights"),
        B("range", [50, 50], [8, 6], [[4, 12], [6, 6]], competitor_weights=[1, -1], match="competitor_weights"),
        B("mismatch", [50, 50], [8, 6], pd.DataFrame({"a": [4, 6], "b": [12, 6]}),
          competitor_weights={"a": 1, "c": 1}, match="competitor_weights"),
        B("shape", [50, 50], [8, 6, 1], [4, 6], match="own_scores"),
        B("nan", [50, 50], [8, 6], [NAN, 6], match="competitor_scores"),
        B("range", [50, -50], [8, 6], [4, 6], match="weights"),
        B("type", [50, 50], "high", [4, 6], match="own_scores"),
    ],
    "value.price_profile": [
        B("mismatch", {"fee": 50, "menu": 50}, {"fee": 5, "bill": 8}, {"fee": 6, "menu": 8},
          match="own_satisfaction|weights"),
        B("nan", {"fee": 50, "menu": 50}, {"fee": 5, "menu": 8}, {"fee": NAN, "menu": 8},
          match="competitor_satisfaction"),
        B("range", {"fee": 50, "menu": 70}, {"fee": 5, "menu": 8}, {"fee": 6, "menu": 8}, match="weights"),
    ],
    "value.market_perceived_price": [
        B("shape", [50, 50], [5, 8, 1], [6, 8], match="own_satisfaction"),
        B("type", [50, 50], [5, 8], "low", match="competitor_satisfaction"),
    ],
    "value.relative_price": [
        B("range", -46, [40, 50], match="own_price"),
        B("empty", 46, [], match="competitor_prices"),
        B("nan", NAN, [40], match="own_price"),
        B("range", 46, [0, 0], match="competitor_prices"),
        B("type", "46", [40], match="own_price"),
    ],
    "value.customer_value": [
        B("type", "110", 104, match="quality"),
        B("range", 110, 104, quality_weight=1.5, match="quality_weight"),
        B("shape", [100, 120], [100], match="price|quality"),
        B("nan", NAN, 104, match="quality"),
    ],
    "value.value_map_table": [
        B("type", {"taste": 60, "speed": 40}, "scores", match="quality_scores"),
        B("mismatch", {"taste": 60, "size": 40}, QSCORES, prices={"us": 50, "them": 50},
          match="quality_weights|quality_scores"),
        B("mismatch", {"taste": 60, "speed": 40}, QSCORES, prices={"us": 50}, match="prices"),
        B("range", {"taste": 60, "speed": 40}, QSCORES, prices={"us": 50, "them": 50}, quality_weight=2,
          match="quality_weight"),
        B("range", {"taste": 60, "speed": 40}, QSCORES, prices={"us": 50, "them": 50}, band=-1,
          match="band"),
        B("nan", {"taste": 60, "speed": 40}, QSCORES.assign(us=[NAN, 6.0]), prices={"us": 50, "them": 50},
          match="quality_scores"),
        B("empty", {"taste": 60, "speed": 40}, QSCORES, match="prices|price"),
    ],
    "value.plot_quality_profile": [B("type", "profile", match="profile"),
                                   B("unknown", WRONG_FRAME, match="profile")],
    "value.plot_value_map": [B("type", "table", match="table"),
                             B("unknown", WRONG_FRAME, match="table"),
                             B("unknown", VALUE_MAP, highlight="nobody", match="highlight")],
    "value.value_map_widget": [
        B("type", {"taste": 60, "speed": 40}, "scores", match="quality_scores"),
        B("mismatch", {"taste": 60, "speed": 40}, QSCORES, prices={"us": 50}, match="prices"),
        B("unknown", {"taste": 60, "speed": 40}, QSCORES, prices={"us": 50, "them": 50},
          highlight="nobody", match="highlight"),
    ],

    # weighting
    "weighting.weighting_methods": NO_INPUT,
    "weighting.entropy_table": [
        B("type", "data", match="data"),
        B("empty", FRAME_AB.iloc[:0], match="data"),
        B("nan", FRAME_AB.assign(a=[1.0, NAN, 3.0]), match="data|a"),
        B("unknown", FRAME_AB, {"c": False}, match="higher_is_better"),
        B("unknown", FRAME_AB, normalize="zscore", match="normalize"),
        B("shape", FRAME_AB.iloc[:1], match="data"),
        B("type", FRAME_AB.assign(a=["x", "y", "z"]), match="data|a"),
    ],
    "weighting.entropy_weights": [
        B("type", [[1, 2], [3, 4]], match="data"),
        B("empty", FRAME_AB.iloc[:0], match="data"),
        B("nan", FRAME_AB.assign(b=[1.0, NAN, 3.0]), match="data|b"),
        B("unknown", FRAME_AB, {"c": False}, match="higher_is_better"),
        B("unknown", FRAME_AB, normalize="zscore", match="normalize"),
        B("type", FRAME_AB, higher_is_better=["a"], match="higher_is_better"),
    ],
    "weighting.efficacy_coefficient": [
        B("empty", [], match="values"),
        B("nan", [1, NAN], match="values"),
        B("unknown", [1, 2], satisfactory=5, unacceptable=5, match="satisfactory|unacceptable"),
        B("type", [1, 2], base="sixty", match="base"),
        B("range", [1, 2], span=-1, match="span"),
        B("type", "high", match="values"),
    ],
    "weighting.ratio_index": [
        B("empty", [], 100, match="values"),
        B("range", [50], 0, match="benchmark"),
        B("nan", [50], NAN, match="benchmark"),
        B("type", "fifty", 100, match="values"),
    ],
    "weighting.dimensionless": [
        B("type", "data", match="data"),
        B("unknown", FRAME_AB, method="zscore", match="method"),
        B("unknown", FRAME_AB, method="ratio", benchmarks={"c": 5.0}, match="benchmarks"),
        B("type", FRAME_AB, method="ratio", benchmarks={"a": "five"}, match="benchmarks"),
        B("unknown", FRAME_AB, {"c": False}, match="higher_is_better"),
        B("nan", FRAME_AB.assign(a=[1.0, NAN, 3.0]), match="data|a"),
        B("empty", FRAME_AB.iloc[:0], match="data"),
    ],
    "weighting.combine_weights": [
        B("range", {"a": 0.8, "b": 0.8}, WEIGHTS_AB, match="subjective"),
        B("mismatch", {"a": 0.8, "c": 0.2}, WEIGHTS_AB, match="objective|subjective"),
        B("range", WEIGHTS_AB, WEIGHTS_AB, alpha=1.5, match="alpha"),
        B("unknown", WEIGHTS_AB, WEIGHTS_AB, method="average", match="method"),
        B("nan", {"a": NAN, "b": 0.5}, WEIGHTS_AB, match="subjective"),
        B("type", "ahp", WEIGHTS_AB, match="subjective"),
        B("type", {"a": "high", "b": 0.5}, WEIGHTS_AB, match="subjective"),
        B("empty", {}, {}, match="subjective"),
    ],
    "weighting.pca_table": [
        B("type", "data", match="data"),
        B("nan", FRAME_AB.assign(a=[1.0, NAN, 3.0]), match="data|a"),
        B("unknown", FRAME_AB, {"c": False}, match="higher_is_better"),
        B("range", FRAME_AB, variance_share=0, match="variance_share"),
        B("shape", FRAME_AB.iloc[:2], match="data"),
        B("range", FRAME_AB.assign(b=[5.0, 5.0, 5.0]), match="data"),
    ],
    "weighting.pca_weights": [
        B("type", [[1, 2], [3, 4]], match="data"),
        B("range", FRAME_AB, variance_share=1.5, match="variance_share"),
        B("unknown", FRAME_AB, {"c": False}, match="higher_is_better"),
    ],
    "weighting.plot_weight_comparison": [B("type", "weights", match="weights"),
                                         B("empty", pd.DataFrame(), match="weights"),
                                         B("nan", pd.DataFrame({"AHP": [NAN, 0.3]}), match="weights")],

    # checks (self-checks never raise) and plumbing
    "checks.check": NEVER_RAISES,
    "checks.evaluate": NEVER_RAISES,
    "checks.score": "fails the cell on a wrong answer by design (nbgrader's hidden test; tests/test_checks.py)",
    "checks.quiz": "looks up a registered concept check by id (tests/test_checks.py)",
    "checks.aliases": "registers alternative names; any text is accepted (tests/test_checks.py)",
    "checks.Feedback": RESULT,
    "checks.crm.label_set": NO_INPUT,
    "checks.crm.sql_result": NO_INPUT,
    "plotting.new_figure": PLUMBING,
    "plotting.close": PLUMBING,
    "plotting.figure_output": PLUMBING,
    "widgets.slider": PLUMBING,
    "widgets.panel": PLUMBING,
}

#: The audit's size: update these when you add a function or a case (the test prints both).
N_FUNCTIONS = 337   # public functions of crmlib (the test prints the split)
N_CASES = 828


# --- discovery --------------------------------------------------------------------------------

def public_functions() -> dict[str, Any]:
    """Every public callable of every crmlib module: ``{"module.name": object}``.

    A module's ``__all__`` decides what is public; without one, the public functions and classes
    defined in the module. Constants (tables, colours, tuples) are data, not functions.
    """
    found: dict[str, Any] = {"crmlib.seed": crmlib.seed}
    for info in pkgutil.walk_packages(crmlib.__path__, "crmlib."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        module = importlib.import_module(info.name)
        names = getattr(module, "__all__", None)
        if names is None:
            names = [n for n, obj in vars(module).items()
                     if not n.startswith("_") and getattr(obj, "__module__", None) == module.__name__]
        for name in names:
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj):
                found[f"{info.name.removeprefix('crmlib.')}.{name}"] = obj
    return found


def _cases() -> list[tuple[str, Bad]]:
    return [(name, case) for name, cases in AUDIT.items() if isinstance(cases, list)
            for case in cases]


def _params() -> list[Any]:
    params = []
    for item in _cases():
        marks = ([pytest.mark.xfail(strict=True, reason=item[1].known_defect)]
                 if item[1].known_defect else [])
        params.append(pytest.param(item, id=_case_id(item), marks=marks))
    return params


def _case_id(item: tuple[str, Bad]) -> str:
    name, case = item
    return f"{name}-{case.kind}"


@functools.cache
def _public() -> dict[str, Any]:
    return public_functions()


def _explains(message: str, match: str) -> bool:
    """The message names the argument and says more than its name."""
    found = re.search(match, message)
    return bool(found) and len(message.strip()) >= len(found.group(0)) + 20


def _raised_in_crmlib(err: BaseException) -> str | None:
    """The file that raised ``err`` if it is not crmlib's own code, else None."""
    frames = traceback.extract_tb(err.__traceback__)
    if not frames:
        return None
    origin = Path(frames[-1].filename)
    crmlib_dir = Path(crmlib.__file__).resolve().parent
    try:
        origin.resolve().relative_to(crmlib_dir)
    except ValueError:
        return f"{origin.name}:{frames[-1].lineno} ({frames[-1].name})"
    return None


# --- the tests --------------------------------------------------------------------------------

@pytest.fixture(scope="module", autouse=True)
def _close_database():
    yield
    if "value" in vars(CONN):          # the shared database was opened by a case
        CONN.value.close()


def test_every_public_function_is_audited():
    public = set(_public())
    missing = sorted(public - set(AUDIT))
    stale = sorted(set(AUDIT) - public)
    assert not missing, f"add these public functions to AUDIT in {__file__}: {missing}"
    assert not stale, f"AUDIT lists functions that are no longer public: {stale}"


def test_audit_size():
    with_cases = [n for n, c in AUDIT.items() if isinstance(c, list)]
    reasons: dict[str, int] = {}
    for c in AUDIT.values():
        if isinstance(c, str):
            reasons[c] = reasons.get(c, 0) + 1
    kinds: dict[str, int] = {}
    for _, case in _cases():
        kinds[case.kind] = kinds.get(case.kind, 0) + 1
    print(f"\nbad-input audit: {len(AUDIT)} public functions, {len(with_cases)} with "
          f"{len(_cases())} bad-input cases; by kind: {dict(sorted(kinds.items()))}; "
          f"without input to validate: {reasons}")
    assert all(AUDIT[n] for n in with_cases), "a function with cases needs at least one"
    assert (len(AUDIT), len(_cases())) == (N_FUNCTIONS, N_CASES), \
        "update N_FUNCTIONS / N_CASES after adding functions or cases"


@pytest.mark.parametrize("item", _params())
def test_bad_input_is_explained(item):
    name, case = item
    func = _public()[name]
    args = [_resolve(a) for a in case.args]
    kwargs = {k: _resolve(x) for k, x in case.kwargs.items()}
    try:
        func(*args, **kwargs)
    except (ValueError, TypeError) as err:
        message = str(err)
        origin = _raised_in_crmlib(err)
        assert origin is None, f"{type(err).__name__} from {origin}, not from crmlib: {message}"
        assert _explains(message, case.match), \
            f"the message should name {case.match!r} and say what is expected: {message!r}"
    except Exception as err:  # noqa: BLE001 - any other exception is the defect reported
        pytest.fail(f"{type(err).__name__} instead of ValueError/TypeError: {err}")
    else:
        pytest.fail(f"accepted {case.kind} input without an error")


def listing() -> str:
    """The audit as text: one line per public function, its bad-input kinds or the reason."""
    lines = []
    for name, cases in sorted(AUDIT.items()):
        if isinstance(cases, list):
            kinds = ", ".join(f"{k} x{sum(c.kind == k for c in cases)}" if
                              sum(c.kind == k for c in cases) > 1 else k
                              for k in KINDS if any(c.kind == k for c in cases))
            lines.append(f"{name:45s} {len(cases):3d} cases: {kinds}")
        else:
            lines.append(f"{name:45s}   - {cases}")
    return "\n".join(lines)


if __name__ == "__main__":  # python tests/test_bad_inputs.py: print the audit
    print(listing())
    print(f"\n{len(AUDIT)} public functions, {len(_cases())} bad-input cases")
