"""Self-checks of chapter 7, Customer service management and the SERVQUAL scale (exercise
notebook 07_customer_service_exercises).

Each expected answer is computed with crmlib from the inputs the exercise states: the
``servqual_survey`` and ``complaints_log`` data sets of the Lakeside Hotel, and the numbers given
in the exercise text (the constants below). Most exercises ask for what the chapter does *not*
print: the leisure guests instead of all guests, a second hotel's summary, the business guests'
silent ratio, another reading of TARP's figure, a what-if, major complaints only, another month,
a corporate client instead of the yogurt family.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import complaints, data, servqual
from ._core import (Exercise, Question, aliases, ident, label, month, number, numbers, register,
                    register_quiz, written)

#: Exercise 5: the Riverside Inn's SERVQUAL report, dimension means on the 1-7 scale, and the
#: mean importance points of its guests (they add up to 100).
RIVERSIDE_E = {"tangibles": 5.8, "reliability": 6.4, "responsiveness": 6.0, "assurance": 6.2,
               "empathy": 5.5}
RIVERSIDE_P = {"tangibles": 5.6, "reliability": 5.8, "responsiveness": 4.9, "assurance": 5.7,
               "empathy": 5.2}
RIVERSIDE_POINTS = {"tangibles": 10, "reliability": 35, "responsiveness": 15, "assurance": 22,
                    "empathy": 18}
#: Exercise 7: the other reading of TARP, "96 % of unhappy customers never complain".
NEVER_COMPLAIN = 0.96
#: Exercise 8: the share of today's silent unhappy guests who would complain with a QR code.
SILENT_WHO_SPEAK_UP = 0.5
#: Exercise 11: what the corporate client is worth (yuan of margin over the contract).
CORPORATE_VALUE = 48_000

# The Chinese names of the dimensions the chapter teaches, and the seed's variants.
aliases({zh: dim for dim, zh in servqual.DIMENSION_CHINESE.items()})
aliases({"可感知性": "tangibles", "反应性": "responsiveness"})


@lru_cache(maxsize=None)
def _survey() -> pd.DataFrame:
    return data.load("servqual_survey")


@lru_cache(maxsize=None)
def _log() -> pd.DataFrame:
    return data.load("complaints_log")


def _score(subset: str | None = None, weights: str | None = "respondents"
           ) -> servqual.ServqualResult:
    survey = _survey()
    if subset is not None:
        survey = survey[survey["guest_type"] == subset]
    E, P, W = servqual.split_survey(survey)
    if weights == "mean":
        W = W.mean().to_dict()
    return servqual.score(E, P, weights=W if weights else None)


def _riverside(sign: float = 1.0) -> pd.DataFrame:
    gaps = {d: sign * (RIVERSIDE_P[d] - RIVERSIDE_E[d]) for d in servqual.DIMENSIONS}
    return servqual.priorities(gaps, RIVERSIDE_POINTS)


def _silent(subset: str | None = None) -> float:
    survey = _survey()
    if subset is not None:
        survey = survey[survey["guest_type"] == subset]
    return complaints.silent_ratio(survey["had_problem"], survey["complained"])


def _handling_shares() -> tuple[float, float]:
    """The log's share of complaints resolved, and of those, resolved within 24 hours."""
    log = _log()
    paths = complaints.handling_path(log["outcome"], log["resolution_hours"])
    resolved = float(paths.isin(["resolved quickly", "resolved later"]).mean())
    return resolved, float((paths == "resolved quickly").mean() / resolved)


def _speak_up(keep_unhappy: bool = True, shares: tuple[float, float] | None = None) -> float:
    """Guests kept (expected to stay again) with the QR code minus without it."""
    resolved, quick = shares or _handling_shares()
    n, ratio = len(_log()), _silent()
    now = complaints.complaint_iceberg(n, silent_per_complaint=ratio, resolved_share=resolved,
                                       quick_share=quick)
    if keep_unhappy:  # the same unhappy guests; more of them complain
        more = n * (1 + ratio * SILENT_WHO_SPEAK_UP)
        then = complaints.complaint_iceberg(more, silent_per_complaint=(now.unhappy - more) / more,
                                            resolved_share=resolved, quick_share=quick)
    else:             # the mistake: a smaller ratio for the same complaints
        then = complaints.complaint_iceberg(n, silent_per_complaint=ratio * SILENT_WHO_SPEAK_UP,
                                            resolved_share=resolved, quick_share=quick)
    return then.retained - now.retained


def _rates(severity: str | None = None) -> pd.Series:
    log = _log()
    if severity is not None:
        log = log[log["severity"] == severity]
    paths = complaints.handling_path(log["outcome"], log["resolution_hours"])
    return complaints.repurchase_by(log.assign(handling=paths), "handling")["rate"]


def _quick_gain(severity: str | None = "major") -> float:
    rates = _rates(severity)
    return float(rates["resolved quickly"] - rates["not resolved"])


def _top3(severity: str | None = "major", k: int = 3) -> float:
    log = _log()
    if severity is not None:
        log = log[log["severity"] == severity]
    return float(complaints.pareto(log["category"])["cumulative_share"].iloc[k - 1])


def _peak(category: str) -> str:
    return str(complaints.monthly_counts(_log())[category].idxmax())


def _corporate(slow: str = "resolved later", problem: str = "major") -> float:
    args = {"resolved later": {"resolved_share": 1, "quick_share": 0},
            "not resolved": {"resolved_share": 0}}[slow]
    lost = {name: complaints.complaint_iceberg(1, silent_per_complaint=0, problem=problem,
                                               customer_value=CORPORATE_VALUE, **a).value_lost
            for name, a in (("slow", args), ("quick", {"resolved_share": 1, "quick_share": 1}))}
    return lost["slow"] - lost["quick"]


DIMENSION_OPTIONS = list(servqual.DIMENSIONS)

# --- SERVQUAL -------------------------------------------------------------------------------

register(Exercise(
    "servqual.unweighted", "Unweighted SERVQUAL score (warm-up)",
    expected=lambda: _score(weights=None).unweighted,
    compare=number(rel_tol=1e-6),
    hint="servqual.score(E, P) without weights, then .unweighted: the mean of the five "
         "dimension gaps.",
    mistakes=[(lambda: float(_score(weights=None).item_gaps.mean()),
               "you averaged the 22 item gaps, which gives the five-item dimensions more say; "
               "average the five dimension gaps.")],
))

register(Exercise(
    "servqual.leisure_gaps", "Dimension gaps of the leisure guests",
    expected=lambda: _score("leisure", weights=None).dimension_gaps,
    compare=numbers(rel_tol=1e-6),
    hint="keep the rows with guest_type == 'leisure', split them with servqual.split_survey, "
         "score them with servqual.score and read .dimension_gaps.",
    mistakes=[(lambda: -_score("leisure", weights=None).dimension_gaps,
               "Q = P − E: perception minus expectation, so shortfalls are negative."),
              (lambda: _score(weights=None).dimension_gaps,
               "those are the gaps of all 300 guests; score the leisure guests alone.")],
))

register(Exercise(
    "servqual.leisure_worst_item", "The leisure guests' worst item",
    expected=lambda: int(_score("leisure", weights=None).item_gaps.idxmin()),
    compare=ident(),
    hint="the item whose gap (P − E) is the most negative among leisure guests: "
         ".item_gaps.idxmin() of their score.",
    mistakes=[(lambda: int(_score(weights=None).item_gaps.idxmin()),
               "that is the worst item over all guests (the chapter's); score the leisure "
               "guests alone."),
              (lambda: int(_score("leisure", weights=None).item_gaps.idxmax()),
               "that is the item closest to (or above) expectations; look for the most "
               "negative gap."),
              (lambda: int(_score("leisure", weights=None).items["perception"].idxmin()),
               "that item has the lowest perception, but the gap compares it with what guests "
               "expect: use the gap.")],
))

register(Exercise(
    "servqual.leisure_weighted", "Weighted SERVQUAL score of the leisure guests",
    expected=lambda: _score("leisure").weighted,
    compare=number(rel_tol=1e-6),
    hint="pass the leisure guests' own points (the weights DataFrame that split_survey "
         "returns for them) to servqual.score and read .weighted.",
    mistakes=[(lambda: _score("leisure", weights="mean").weighted,
               "you weighted with the average points; the exercise asks for each guest's own "
               "points, applied to that guest's gaps: pass the weights DataFrame."),
              (lambda: _score("leisure", weights=None).unweighted,
               "that is the unweighted score; pass the importance points as weights."),
              (lambda: _score().weighted,
               "that is the weighted score of all 300 guests; score the leisure guests alone.")],
))

register(Exercise(
    "servqual.riverside_weighted", "The Riverside Inn's weighted score",
    expected=lambda: float(_riverside()["weighted_gap"].sum()),
    compare=number(rel_tol=1e-6),
    hint="gap = P − E per dimension; weighted score = Σ points / 100 × gap "
         "(servqual.priorities(gaps, points) gives the weighted gaps; add them up).",
    mistakes=[(lambda: float(_riverside(-1.0)["weighted_gap"].sum()),
               "Q = P − E: a shortfall is negative."),
              (lambda: float(_riverside()["weighted_gap"].sum()) * 100,
               "the points are out of 100: divide them by 100 before weighting."),
              (lambda: float(servqual.priorities(
                  {d: RIVERSIDE_P[d] - RIVERSIDE_E[d] for d in servqual.DIMENSIONS}
              )["weighted_gap"].sum()),
               "that is the unweighted score (every dimension 20 points); use the guests' "
               "points.")],
))

register(Exercise(
    "servqual.riverside_priority", "The Riverside Inn's first priority",
    expected=lambda: str(_riverside()["priority"].idxmin()),
    compare=label(DIMENSION_OPTIONS),
    hint="rank the dimensions by weighted gap (points / 100 × gap): the most negative one is "
         "the first priority.",
    mistakes=[(lambda: str(_riverside()["gap"].idxmin()),
               "that dimension has the largest gap, but the inn's guests give it fewer points; "
               "rank by the weighted gap.")],
))

register(Exercise(
    "servqual.budget_memo", "Where the ¥300,000 should go",
    expected=lambda: None,
    compare=written(),
    hint="use the weighted priorities, the worst items and the complaints log.",
))

# --- the complaint iceberg ------------------------------------------------------------------

register(Exercise(
    "servqual.business_silent_ratio", "The business guests' silent ratio",
    expected=lambda: _silent("business"),
    compare=number(rel_tol=1e-6),
    hint="complaints.silent_ratio(had_problem, complained) on the business guests' rows: "
         "(guests with a problem − complainers) / complainers.",
    mistakes=[(lambda: float(_survey().query("guest_type == 'business'")["had_problem"].sum()
                             / _survey().query("guest_type == 'business'")["complained"].sum()),
               "that is guests with a problem per complaint; the silent ratio leaves out the "
               "complainer: (problems − complainers) / complainers."),
              (lambda: _silent(),
               "that is the ratio over all guests (the chapter's); keep the business guests "
               "only.")],
))

register(Exercise(
    "servqual.unhappy_96", "Unhappy guests if 96 % never complain",
    expected=lambda: complaints.complaint_iceberg(
        len(_log()), silent_per_complaint=NEVER_COMPLAIN / (1 - NEVER_COMPLAIN)).unhappy,
    compare=number(rel_tol=1e-6),
    hint="if 96 % never complain, each complaint stands for 1 / (1 − 0.96) unhappy guests: "
         "silent_per_complaint = 0.96 / 0.04.",
    mistakes=[(lambda: complaints.complaint_iceberg(len(_log())).unhappy,
               "that is the other reading (26 silent besides each complainer); this one starts "
               "from 96 % who never complain."),
              (lambda: complaints.complaint_iceberg(
                  len(_log()), silent_per_complaint=NEVER_COMPLAIN / (1 - NEVER_COMPLAIN)).silent,
               "that counts only the silent ones; the unhappy guests include those who "
               "complained.")],
))

register(Exercise(
    "servqual.speak_up", "Guests kept when more unhappy guests speak up",
    expected=_speak_up,
    compare=number(rel_tol=1e-6),
    hint="the unhappy guests stay the same; complaints become 1,006 × (1 + ratio / 2) and the "
         "new ratio is (unhappy − complaints) / complaints; compare .retained with and without, "
         "using the log's resolved and quick shares.",
    mistakes=[(lambda: _speak_up(keep_unhappy=False),
               "you halved the ratio for the same 1,006 complaints, which makes unhappy guests "
               "vanish; keep the unhappy guests and let more of them complain."),
              (lambda: -_speak_up(keep_unhappy=False),
               "you halved the ratio for the same 1,006 complaints, which makes unhappy guests "
               "vanish; keep the unhappy guests and let more of them complain."),
              (lambda: _speak_up(shares=(0.5, 0.5)),
               "you kept the defaults resolved_share=0.5 and quick_share=0.5; take both shares "
               "from the hotel's log, as the chapter does.")],
))

# --- the complaints log ---------------------------------------------------------------------

register(Exercise(
    "servqual.top3_share_major", "Share of the three largest categories of major complaints",
    expected=lambda: _top3("major"),
    compare=number(rel_tol=1e-6),
    hint="keep the rows with severity == 'major', then complaints.pareto(...['category']): the "
         "cumulative share of the third row.",
    mistakes=[(lambda: _top3(None),
               "that is the share over all complaints (the chapter's); keep the major ones."),
              (lambda: _top3("major", k=2),
               "that is the top two categories; take three.")],
))

register(Exercise(
    "servqual.cleanliness_peak", "Month with the most cleanliness complaints",
    expected=lambda: _peak("cleanliness"),
    compare=month(),
    hint="complaints.monthly_counts(log)['cleanliness'].idxmax(); any common form of the month "
         "is fine ('2025-03', 'March 2025').",
    mistakes=[(lambda: _peak("billing error"),
               "that is the peak of billing errors (the chapter's); read the cleanliness "
               "column."),
              (lambda: str(complaints.monthly_counts(_log()).sum(axis=1).idxmax()),
               "that is the month with the most complaints of all kinds; read the cleanliness "
               "column.")],
))

register(Exercise(
    "servqual.quick_gain_major", "What quick resolution is worth for major problems",
    expected=_quick_gain,
    compare=number(rel_tol=1e-6),
    hint="keep the major complaints, label them with complaints.handling_path, take the "
         "repurchase rates with complaints.repurchase_by, and subtract: resolved quickly − not "
         "resolved, as a share (e.g. 0.30 for 30 percentage points).",
    mistakes=[(lambda: _quick_gain(None),
               "that is the difference over all complaints (the chapter's); keep the major ones."),
              (lambda: _quick_gain("major") * 100,
               "give it as a share between 0 and 1, not in percentage points.")],
))

register(Exercise(
    "servqual.corporate_value", "What a quick fix of the corporate bill is worth",
    expected=_corporate,
    compare=number(unit="¥"),
    hint="value lost when resolved days later (resolved_share=1, quick_share=0) minus value "
         "lost when resolved quickly (quick_share=1), for 1 complaint, silent_per_complaint=0, "
         "problem='major', customer_value=48,000.",
    mistakes=[(lambda: _corporate("not resolved"),
               "that compares with not resolving it at all; the exercise compares a slow "
               "resolution with a quick one."),
              (lambda: _corporate(problem="minor"),
               "a wrong bill for a whole corporate account is a major problem: problem='major'.")],
))

# --- concept check --------------------------------------------------------------------------

register_quiz("servqual.concepts", "Concept check · Customer service management and SERVQUAL", [
    Question("In the course's definition, service means ...",
             ["doing exactly what the contract says, nothing more",
              "meeting or exceeding what the customer expects: a subjective judgement of the "
              "customer and an objective benefit delivered",
              "being friendly, whatever the result",
              "what the firm's standards say good service is"],
             answer="b", explanation="expectations are the customer's (subjective); the benefit "
             "delivered is objective: both sides count.", see="§7.1"),
    Question("An empty hotel room tonight cannot be sold tomorrow. Which characteristic of "
             "services is this?",
             ["intangibility (不可感知性)", "inseparability (不可分离性)",
              "heterogeneity (差异性)", "perishability (不可贮存性)"],
             answer="d", explanation="perishability: capacity cannot be stored, so supply and "
             "demand must be matched.", see="§7.1"),
    Question("A counter works fast and by the book, but staff are cold: the customer feels "
             "'you are a number, we are here to process you' (你是一个数字). On the two axes "
             "procedure × personal, this is the ...",
             ["freezer (冷冻型): slow procedures and a cold manner",
              "friendly type (友好型): warm staff, muddled procedures",
              "factory type (工厂型): efficient procedures, an indifferent manner",
              "quality type (优质型): efficient procedures and a warm manner"],
             answer="c", explanation="the factory is strong on procedure and weak on the personal "
             "side; quality service needs both.", see="§7.2"),
    Question("In the seed's slides 可感知性 is the name of which SERVQUAL dimension?",
             ["tangibles (有形性)", "perceived quality P (感知质量)", "responsiveness (响应性)",
              "empathy (移情性)"],
             answer="a", explanation="可感知性 means what can be seen and touched: tangibles, not "
             "the perception score P.", see="§7.5"),
    Question("'Bills and reservations are free of errors' belongs to which dimension?",
             ["tangibles", "reliability", "assurance", "empathy"],
             answer="b", explanation="reliability is doing what was promised, dependably and "
             "accurately; a correct bill is the promise kept.", see="§7.5"),
    Question("Which of the five gaps of the gaps model does the SERVQUAL scale (量表) measure?",
             ["gap 1, between customers' expectations and what managers think they expect",
              "gap 3, between the standards and the service delivered",
              "all five at once",
              "gap 5, between expected and perceived service"],
             answer="d", explanation="SERVQUAL measures the customer's gap (Q = P − E); gaps 1–4 "
             "inside the firm need the firm's own evidence.", see="§7.8"),
    Question("Responsiveness has the largest gap, yet reliability is the first priority. Why?",
             ["reliability has more items",
              "expectations of reliability are lower",
              "guests give reliability more importance points, so its points / 100 × gap "
              "shortfall is larger",
              "the unweighted score says so"],
             answer="c", explanation="priority follows the weighted gap, importance × gap, not "
             "the raw gap.", see="§7.7"),
    Question("Albrecht & Zemke quote TARP: 'for every complaint received, the average company "
             "has 26 customers with problems', and '96 % never complain'. What follows?",
             ["exactly 26 silent customers per complaint, in every industry",
              "the 26 can be read as 26 silent besides the complainer or as 26 with problems "
              "including them; 96 % implies about 24 silent per complaint",
              "a hotel's log will show 1 complaint per 27 unhappy guests",
              "96 % of complaints are never resolved"],
             answer="b", explanation="the figure is ambiguous and old; measure your own ratio, as "
             "the Lakeside's survey does.", see="§7.9"),
    Question("What does the service recovery paradox (服务补救悖论) claim, and how strong is the "
             "evidence?",
             ["an excellent recovery can leave a customer more satisfied than no failure; the "
              "evidence is mixed, mostly after minor failures",
              "every failure lowers satisfaction for good; proven",
              "compensation must exceed the loss; proven",
              "customers who complain are less loyal; proven"],
             answer="a", explanation="the paradox is sometimes found, often not: never plan on "
             "failing.", see="§7.12"),
])
