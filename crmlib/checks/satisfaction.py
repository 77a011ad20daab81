"""Self-checks of chapter 4, Customer satisfaction (exercise notebook
04_customer_satisfaction_exercises).

Each expected answer is computed with crmlib from the same inputs the exercise states: the small
table of exercise 1 (``SMALL_ITEMS``) and the ``supermarket_satisfaction`` survey.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import data, satisfaction
from ._core import Exercise, label, labels, number, numbers, register

#: The five answers to three items of exercise 1 (alpha by hand).
SMALL_ITEMS = {"q1": [3, 4, 5, 2, 4], "q2": [2, 4, 5, 3, 4], "q3": [3, 5, 4, 2, 5]}

_FACTORS = list(satisfaction.SUPERMARKET_FACTORS)
_ITEMS = [i for items in satisfaction.SUPERMARKET_FACTORS.values() for i in items]
_ENV = list(satisfaction.SUPERMARKET_FACTORS["environment"])


@lru_cache(maxsize=1)
def _load(stamp: int) -> pd.DataFrame:
    return data.load("supermarket_satisfaction")


def _stamp() -> int:
    return (data.data_dir() / "supermarket_satisfaction.csv").stat().st_mtime_ns


def _survey() -> pd.DataFrame:
    """The survey, read once per version of the file (checks run often: the fuzz tests call
    them hundreds of times), copied so that no caller can change the cached frame."""
    return _load(_stamp()).copy()


def _small() -> pd.DataFrame:
    return pd.DataFrame(SMALL_ITEMS)


def _alpha_variant(ddof_items: int, ddof_total: int, factor: bool = True) -> float:
    """Alpha computed with (possibly mismatched) variance formulas: known mistakes."""
    x = _small()
    k = x.shape[1]
    ratio = x.var(ddof=ddof_items).sum() / x.sum(axis=1).var(ddof=ddof_total)
    return float((k / (k - 1) if factor else 1.0) * (1 - ratio))


def _weights() -> pd.Series:
    return satisfaction.importance_weights(satisfaction.columns_with_prefix(_survey(), "imp_"))


def _csd_mean(weights, missing: str = "listwise") -> float:
    return _csd_mean_cached(_stamp(), tuple(dict(weights).items()), missing)


@lru_cache(maxsize=8)
def _csd_mean_cached(stamp: int, weights: tuple, missing: str) -> float:
    system = satisfaction.csd_system(dict(weights))
    return float(satisfaction.csd(_load(stamp), system, missing=missing)["csd"].mean())


def _service_means() -> tuple[float, float]:
    survey = _survey()
    perf = satisfaction.factor_scores(survey)["service"]
    return float(survey["exp_service"].mean()), float(perf.mean())


def _ipa() -> pd.DataFrame:
    survey = _survey()
    return satisfaction.ipa(satisfaction.columns_with_prefix(survey, "imp_"),
                            satisfaction.factor_scores(survey))


def _improve_first() -> str:
    table = _ipa()
    focus = table[table["quadrant"] == "concentrate here"]
    return str(focus["gap"].idxmax())


register(Exercise(
    "satisfaction.alpha_small", "Cronbach's alpha by hand",
    expected=lambda: satisfaction.cronbach_alpha(_small()).alpha,
    compare=number(rel_tol=1e-3),
    hint="alpha = k/(k-1) x (1 - sum of the item variances / variance of the total score), with "
         "k = 3 items and the total = q1 + q2 + q3 for each respondent.",
    mistakes=[
        (lambda: _alpha_variant(1, 1, factor=False),
         "you left out the factor k/(k-1) = 3/2 in front of the bracket."),
        (lambda: _alpha_variant(0, 1),
         "use the same variance formula for the items and the total (pandas .var() divides by "
         "n - 1; numpy's np.var by n)."),
        (lambda: _alpha_variant(1, 0),
         "use the same variance formula for the items and the total (pandas .var() divides by "
         "n - 1; numpy's np.var by n)."),
    ],
))

register(Exercise(
    "satisfaction.weakest_factor", "The least reliable scale",
    expected=lambda: str(satisfaction.reliability_table(_survey())["alpha"].idxmin()),
    compare=label(_FACTORS),
    hint="run satisfaction.reliability_table(survey) and take the factor with the lowest alpha.",
))

register(Exercise(
    "satisfaction.drop_item", "The item to drop",
    expected=lambda: str(satisfaction.cronbach_alpha(_survey()[_ENV]).items[
        "alpha_if_deleted"].idxmax()),
    compare=label(_ITEMS),
    hint="look at alpha_if_deleted in cronbach_alpha(survey[environment items]).items: the item "
         "whose deletion raises alpha most.",
))

register(Exercise(
    "satisfaction.alpha_without_item", "Alpha of the shortened scale",
    expected=lambda: satisfaction.cronbach_alpha(_survey()[_ENV[:3]]).alpha,
    compare=number(rel_tol=2e-3),
    hint="compute cronbach_alpha on the three remaining environment items (listwise).",
    mistakes=[(lambda: satisfaction.cronbach_alpha(_survey()[_ENV]).alpha,
               "that is alpha with all four items; drop the weak one first.")],
))

register(Exercise(
    "satisfaction.listwise_rows", "Respondents used by listwise deletion",
    expected=lambda: satisfaction.cronbach_alpha(_survey()[_ENV]).n_used,
    compare=number(),
    hint="cronbach_alpha(...) reports n_used: respondents who answered all four environment items.",
    mistakes=[(lambda: len(_survey()),
               "that is every respondent; listwise deletion leaves out those with a blank item.")],
))

register(Exercise(
    "satisfaction.importance_weights", "Weights from stated importance",
    expected=_weights,
    compare=numbers(rel_tol=1e-3),
    hint="take the imp_* columns (satisfaction.columns_with_prefix(survey, 'imp_')) and pass them "
         "to satisfaction.importance_weights: mean importance divided by the sum of the means.",
))

register(Exercise(
    "satisfaction.csd_mean", "Mean satisfaction index CSD",
    expected=lambda: _csd_mean(_weights()),
    compare=number(rel_tol=1e-3),
    hint="build the system with satisfaction.csd_system(weights), score with satisfaction.csd("
         "survey, system) (listwise, the default) and take the mean of the 'csd' column.",
    mistakes=[
        (lambda: _csd_mean({f: 1 / 6 for f in _FACTORS}),
         "those are equal weights; weight the factors by their importance."),
        (lambda: _csd_mean(_weights(), missing="reweight"),
         "that is with missing='reweight'; this exercise keeps the default, listwise."),
    ],
))

register(Exercise(
    "satisfaction.service_gap", "The service gap",
    expected=lambda: _service_means()[1] - _service_means()[0],
    compare=number(rel_tol=2e-3),
    hint="gap = performance - expectation: the mean service score (mean of serv_1..serv_4 per "
         "respondent, satisfaction.factor_scores) minus the mean of exp_service.",
    mistakes=[(lambda: _service_means()[0] - _service_means()[1],
               "the sign is reversed: the gap is P - E (performance minus expectation), so a "
               "shortfall is negative.")],
))

register(Exercise(
    "satisfaction.ipa_quadrants", "IPA quadrants",
    expected=lambda: pd.Series(_ipa()["quadrant"].astype(object).to_numpy(),
                               index=list(_ipa().index), dtype=object),
    compare=labels(),
    hint="satisfaction.ipa(importance, performance) with the factor scores as performance and the "
         "cross-hairs at the means (the default); answer with the 'quadrant' column.",
))

register(Exercise(
    "satisfaction.improve_first", "What to improve first",
    expected=_improve_first,
    compare=label(_FACTORS),
    hint="among the factors in 'concentrate here', the one whose performance lags its importance "
         "most (largest gap = importance - performance).",
))

register(Exercise(
    "satisfaction.complaint_rate", "Complaint rate",
    expected=lambda: float(_survey()["complained"].mean()),
    compare=number(rel_tol=1e-3),
    hint="a rate is a share between 0 and 1: the mean of the 0/1 column complained.",
    mistakes=[(lambda: float(_survey()["complained"].sum()),
               "that is the number of complainers; divide by the number of respondents.")],
))

register(Exercise(
    "satisfaction.referral_rate", "Referral rate",
    expected=lambda: float(_survey()["recommended"].mean()),
    compare=number(rel_tol=1e-3),
    hint="the share of respondents who recommended Jack's: the mean of the 0/1 column "
         "recommended.",
    mistakes=[(lambda: float(_survey()["recommended"].sum()),
               "that is a count; a rate is a share between 0 and 1.")],
))

register(Exercise(
    "satisfaction.ccsi_added", "What CCSI adds",
    expected=lambda: next(c for c in satisfaction.index_model("CCSI").constructs
                          if c not in satisfaction.index_model("ACSI").constructs),
    compare=label(list(satisfaction.INDEX_CONSTRUCTS)),
    hint="compare satisfaction.index_model('CCSI').constructs with the ACSI's, or read "
         "satisfaction.index_models_table().",
))
