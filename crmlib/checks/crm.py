"""Self-checks of chapter 1, Origins of CRM and relationship marketing
(``01_origins_of_crm_exercises``), and chapter 9, CRM systems and customer data
(``09_crm_data_exercises``).

Expected answers are computed with crmlib from the inputs each exercise states. An SQL exercise
is checked by running the student's query and a reference query on the same read-only copy of
the course database and comparing the two results row by row (column names and row order do not
matter; amounts are compared to the cent).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from .. import crmdb, data, history
from ._core import (Exercise, Question, _describe, _norm_label, aliases, label, labels,
                    number, numbers, register, register_quiz, written)


# ---------------------------------------------------------------------------------------------
# Comparisons of this chapter: a set of labels, an SQL query's result
# ---------------------------------------------------------------------------------------------

def label_set() -> Callable[[Any, Any], tuple[bool, str]]:
    """Compare a collection of text labels as a set (order free; case, spaces and the Chinese
    names of :func:`crmlib.checks.aliases` handled as by ``label``)."""

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        want = {_norm_label(e) for e in expected}
        if isinstance(answer, str) or not isinstance(answer, Iterable):
            return False, f"expected {len(want)} labels (a list of words in quotes), got {_describe(answer)}."
        items = list(answer)
        if not all(isinstance(a, str) for a in items):
            return False, "expected every label as text in quotes."
        got = [_norm_label(a) for a in items]
        if len(set(got)) != len(got):
            return False, "a label appears twice; give each one once."
        wrong = [a for a in got if a not in want]
        if wrong:
            return False, f"{wrong[0]!r} is not one of them."
        if len(got) < len(want):
            return False, f"{len(want) - len(got)} of the {len(want)} are missing."
        return True, ""

    return compare


@lru_cache(maxsize=1)
def _database():
    """One loaded in-memory copy of the course database for the SQL checks. crmdb.query only
    reads, so a student's query cannot change it."""
    return crmdb.memory_database()


def _cells(frame: pd.DataFrame) -> list[tuple]:
    def cell(x: Any) -> Any:
        if x is None or (isinstance(x, float) and np.isnan(x)):
            return None
        if isinstance(x, (bool, np.bool_)):
            return float(x)
        if isinstance(x, (int, float, np.number)):
            return round(float(x), 2) + 0.0   # + 0.0 turns -0.0 into 0.0
        return str(x).strip()

    rows = [tuple(cell(x) for x in row) for row in frame.itertuples(index=False, name=None)]
    return sorted(rows, key=repr)


def sql_result() -> Callable[[Any, Any], tuple[bool, str]]:
    """Compare an SQL query (text) with the reference query by the rows they return."""

    def compare(answer: Any, expected_sql: Any) -> tuple[bool, str]:
        if not isinstance(answer, str):
            return False, f"expected your SQL query as text in quotes, got {_describe(answer)}."
        if not answer.strip():
            return False, "your query is empty; write a SELECT statement."
        conn = _database()
        try:
            got = crmdb.query(conn, answer)
        except (ValueError, TypeError) as exc:
            reason = str(exc).removeprefix("sql: ").removeprefix("SQLite could not run the query: ")
            return False, f"the query did not run: {reason}."
        expected = crmdb.query(conn, expected_sql)
        if got.shape[1] != expected.shape[1]:
            return False, (f"your query returns {got.shape[1]} column(s) "
                           f"({', '.join(map(str, got.columns))[:80]}); the exercise asks for "
                           f"{expected.shape[1]}.")
        if len(got) != len(expected):
            return False, f"your query returns {len(got)} row(s); the right answer has {len(expected)}."
        mine, theirs = _cells(got), _cells(expected)
        if mine == theirs:
            return True, f"{len(got)} row(s) match."
        differ = sum(1 for row in mine if row not in theirs)
        return False, (f"{differ} of your {len(got)} rows differ from the right result (same "
                       "columns in the order asked? amounts in dollars, rounded to the cent?).")

    return compare


# ---------------------------------------------------------------------------------------------
# Chapter 1
# ---------------------------------------------------------------------------------------------

# The inputs of the chapter-1 exercises (the same numbers appear in the exercise text).
#: Exercise 8: customers who have shopped at Jack's for this many months or more.
LONG_TENURE_MONTHS = 36
#: Exercise 9: tenure bands for comparing spend per customer (first year; 1-5 years; 5 years+).
SPEND_BANDS = (0, 12, 60, np.inf)
#: Exercise 10: a campus café's ten regular customers, monthly spend in $, and the top share.
CAFE_SPEND = [120, 45, 300, 80, 60, 210, 35, 150, 95, 55]
CAFE_TOP = 0.3

# Chinese names the chapter teaches, accepted as their English twins (from crmlib's tables).
_stages = history.stage_lists()
aliases({**dict(zip(_stages["chinese"], _stages.index)),
         **{zh: stage for stage, zh in history.marketing_stages()["also_called"].items() if zh},
         **dict(zip(history.six_is()["chinese"], history.six_is().index)),
         **dict(zip(history.rm_mix()["chinese"], history.rm_mix().index)),
         **{zh: en for en, zh in history.marketing_mix_elements()
            .query("framework == '4C'")[["element", "chinese"]].itertuples(index=False)},
         "交易营销": "transaction", "关系营销": "relationship"})


def _survey() -> pd.DataFrame:
    return data.load("loyalty_survey")


def _tenure(bands: Any) -> pd.DataFrame:
    return history.revenue_by_tenure(_survey()["tenure_months"], _survey()["monthly_spend"],
                                     bands=bands)


def _spend_ratio(band: str = "60+ months", inverse: bool = False) -> float:
    per = _tenure(SPEND_BANDS)["revenue_per_customer"]
    ratio = float(per[band] / per["0-12 months"])
    return 1 / ratio if inverse else ratio


register(Exercise(
    "crm.stages_in_order", "The seven stages of marketing thought, in order",
    expected=lambda: list(history.MARKETING_STAGES),
    compare=labels(),
    hint="start with the production concept (late 19th century) and end with relationship "
         "marketing (1990s); use the names of history.MARKETING_STAGES.",
    mistakes=[(lambda: list(history.MARKETING_STAGES)[::-1],
               "you listed them from the newest to the oldest; start with the oldest.")],
))

register(Exercise(
    "crm.protectionism_stage", "The stage that answered trade protectionism",
    expected=lambda: str(history.marketing_stages().query("start == 1980").index[0]),
    compare=label(history.MARKETING_STAGES),
    hint="look at the 1980s row of history.marketing_stages(): which idea answered rising trade "
         "barriers?",
))

register(Exercise(
    "crm.six_stage_list", "The stage only the six-stage list has",
    expected=lambda: str(history.stage_lists().query("in_seven == 0 and in_six > 0").index[0]),
    compare=label(history.stage_lists().index),
    hint="history.stage_lists(): the stage whose in_seven is 0 and in_six is not.",
    mistakes=[(lambda: "mega-marketing", "mega-marketing is in the seven-stage list only; the "
                                          "question asks for the stage the six-stage list adds."),
              (lambda: "relationship marketing", "relationship marketing is in the seven-stage "
                                                  "list only; which stage does the six-stage list "
                                                  "add?")],
))

register(Exercise(
    "crm.define_rm", "Define relationship marketing",
    expected=lambda: None,
    compare=written(),
    hint="a good definition says what is built (relationships, with customers and other "
         "partners), for how long, to what end (keeping customers, mutual benefit) and on what "
         "basis (trust, kept promises).",
))

register(Exercise(
    "crm.rm_mix", "What the relationship marketing mix adds to the 4P",
    expected=lambda: history.rm_mix().query("origin == 'added'").index.tolist(),
    compare=label_set(),
    hint="three elements, two of them one word each (history.rm_mix(), rows whose origin is "
         "'added').",
    mistakes=[(lambda: ["People", "Process", "Physical evidence"],
               "that is the services-marketing 7P; the relationship marketing mix of Christopher, "
               "Payne & Ballantyne (1991) adds customer service instead of physical evidence.")],
))

register(Exercise(
    "crm.six_is", "The six I's of relationship marketing",
    expected=lambda: list(history.six_is().index),
    compare=label_set(),
    hint="six English words, each starting with I (history.six_is()).",
))

register(Exercise(
    "crm.four_c", "The 4C that answer the 4P",
    expected=lambda: history.marketing_mix_elements().query("framework == '4C'")["element"].tolist(),
    compare=labels(),
    hint="one word each, in the order of Product, Price, Place, Promotion: what does each look "
         "like from the customer's side?",
    mistakes=[(lambda: history.marketing_mix_elements().query("framework == '4R'")["element"].tolist(),
               "those are the 4R; the 4C are the customer's view of the 4P.")],
))

register(Exercise(
    "crm.statement_quiz", "Transaction or relationship marketing?",
    expected=lambda: history.statement_quiz()["answer"].tolist(),
    compare=labels(),
    hint="answer 'transaction' or 'relationship' for each statement, in the order shown; "
         "history.transaction_vs_relationship() has both columns.",
))

register(Exercise(
    "crm.top_fifth_revenue", "Revenue share of the best fifth of customers",
    expected=lambda: history.top_customer_share(_survey()["monthly_spend"], top=0.2),
    compare=number(rel_tol=1e-3),
    hint="history.top_customer_share(survey['monthly_spend'], top=0.2); a share is between 0 "
         "and 1.",
    mistakes=[(lambda: 1 - history.top_customer_share(_survey()["monthly_spend"], top=0.8),
               "that is the share of the *lowest*-spending fifth; rank the best customers first.")],
))

register(Exercise(
    "crm.long_tenure_revenue", "Revenue from customers of three years or more",
    expected=lambda: float(_tenure((0, LONG_TENURE_MONTHS, np.inf))
                           .loc[f"{LONG_TENURE_MONTHS}+ months", "revenue_share"]),
    compare=number(rel_tol=1e-3),
    hint="history.revenue_by_tenure(tenure_months, monthly_spend, bands=(0, 36, np.inf)) and "
         "read the revenue_share of the '36+ months' row; a share is between 0 and 1.",
    mistakes=[(lambda: float(_tenure((0, LONG_TENURE_MONTHS, np.inf))
                             .loc[f"{LONG_TENURE_MONTHS}+ months", "customer_share"]),
               "that is their share of customers; the question asks for their share of revenue."),
              (lambda: float(_tenure((0, 60, np.inf)).loc["60+ months", "revenue_share"]),
               "that is the share of customers of five years or more; this exercise draws the "
               "line at three years (36 months).")],
))

register(Exercise(
    "crm.spend_ratio", "How much more a long-standing customer spends",
    expected=_spend_ratio,
    compare=number(rel_tol=1e-3),
    hint="revenue_by_tenure with bands=(0, 12, 60, np.inf); divide the revenue_per_customer of "
         "the '60+ months' row by that of the '0-12 months' row.",
    mistakes=[(lambda: _spend_ratio(inverse=True),
               "you divided the other way round: the newcomers' spend by the long-standing "
               "customers'; the answer should be above 1."),
              (lambda: _spend_ratio("12-60 months"),
               "that compares customers of one to five years; compare those of five years or "
               "more (60+ months).")],
))

register(Exercise(
    "crm.cafe_top_share", "The café's best 30%",
    expected=lambda: history.top_customer_share(CAFE_SPEND, top=CAFE_TOP),
    compare=number(rel_tol=1e-3),
    hint="history.top_customer_share(spend, top=0.3) with the ten amounts of the exercise; or "
         "by hand: the three largest amounts over the total.",
    mistakes=[(lambda: 1 - history.top_customer_share(CAFE_SPEND, top=1 - CAFE_TOP),
               "that is the share of the three *smallest* spenders; rank the best first."),
              (lambda: CAFE_TOP, "that is the share of customers, 30%, not their share of "
                                 "revenue.")],
))

register(Exercise(
    "crm.why_crm", "Why CRM appeared",
    expected=lambda: None,
    compare=written(),
    hint="history.crm_drivers() lists seven changes in the business environment; name three "
         "and say how each pushes firms towards the customer.",
))

register_quiz("crm.origins_concepts", "Concept check · Origins of CRM and relationship marketing", [
    Question("Which concept of marketing held that a better product sells itself?",
             ["the production concept", "the product concept", "the selling concept",
              "the marketing concept"], answer="b",
             explanation="the product concept (产品观念): quality sells; the production concept is "
                         "about making more, more cheaply.", see="§1.2"),
    Question("The six-stage list of Chinese service-marketing slides has one stage that the "
             "seven-stage list lacks. Which?",
             ["mega-marketing (大市场营销观念)", "relationship marketing (关系营销观念)",
              "societal marketing (社会营销观念)", "service marketing (服务营销观念)"], answer="d",
             explanation="服务营销观念: the six-stage list adds service marketing and has no "
                         "mega-marketing or relationship marketing.", see="§1.2"),
    Question("推销观念 and 销售观念 are ...",
             ["two names of the selling concept", "the selling and the marketing concepts",
              "the product and the selling concepts", "the selling concept and mega-marketing"],
             answer="a", explanation="two Chinese names of one stage, the selling concept; "
                                     "推销观念 is the usual textbook term.", see="§1.2"),
    Question("Which 4C element answers the 4P's Place?",
             ["Customer", "Communication", "Convenience", "Cost"], answer="c",
             explanation="Lauterborn (1990): not where the firm sells but how easily the "
                         "customer can buy.", see="§1.3"),
    Question("Who described relationship marketing as a theory of commitment and trust?",
             ["Morgan & Hunt (1994)", "Berry (1983)", "Jackson (1985)", "Lauterborn (1990)"],
             answer="a", explanation="Morgan & Hunt (1994), the commitment-trust theory; Berry "
                                     "stressed keeping customers, Jackson binding them.", see="§1.4"),
    Question("The relationship marketing mix keeps the 4P and adds ...",
             ["people, process and physical evidence", "power and public relations",
              "relevance, reaction and return", "people, process and customer service"],
             answer="d",
             explanation="Christopher, Payne & Ballantyne (1991): customer service joins quality, "
                         "service and marketing; physical evidence belongs to the services 7P.",
             see="§1.7"),
    Question("Besides good customer relationships, which role does relationship marketing play "
             "in a firm's marketing, as Chinese textbook chapters state it?",
             ["it coordinates relations with government for a good marketing environment",
              "it replaces the marketing mix", "it sets prices below competitors'",
              "it limits marketing to the marketing department"], answer="a",
             explanation="协调与政府的关系: government is one of the influencers a firm keeps "
                         "relationships with.", see="§1.6"),
    Question("In relationship marketing, who does the marketing?",
             ["the marketing specialists only", "the advertising agency",
              "every employee who meets customers (part-time marketers)", "the customers"],
             answer="c", explanation="relationship marketing relies on part-time marketers; "
                                     "transaction marketing leaves marketing to specialists.",
             see="§1.8"),
    Question("What bridged relationship marketing (a theory) and CRM (a practice)?",
             ["mega-marketing", "the 4V", "database marketing", "the societal marketing concept"],
             answer="c", explanation="database marketing (数据库营销): once every purchase is "
                                     "stored, each customer can be treated individually.",
             see="§1.10"),
    Question("Which statement about the 4R (relevance, reaction, relationship, return) is "
             "accurate?",
             ["Lauterborn proposed them in 1990",
              "they are the four features of relationship marketing",
              "McCarthy added them to the 4P in 1960",
              "Chinese textbooks usually credit them to Don E. Schultz; Ettenberg's English 4R "
              "(2002) has different elements"], answer="d",
             explanation="the usual Chinese credit is Schultz; Ettenberg's 4R (relationships, "
                         "retrenchment, relevancy, rewards) is another framework.", see="§1.3"),
])


# ---------------------------------------------------------------------------------------------
# Chapter 9
# ---------------------------------------------------------------------------------------------

_NORTH_BIG_SQL = """
SELECT c.customer_id, c.name, ROUND(SUM(t.amount), 2) AS spend
FROM customers AS c JOIN transactions AS t ON t.customer_id = c.customer_id
WHERE c.district = 'North'
GROUP BY c.customer_id
HAVING SUM(t.amount) > 3000
ORDER BY spend DESC"""

_NORTH_BIG_ALL_DISTRICTS = """
SELECT c.customer_id, c.name, ROUND(SUM(t.amount), 2) AS spend
FROM customers AS c JOIN transactions AS t ON t.customer_id = c.customer_id
GROUP BY c.customer_id
HAVING SUM(t.amount) > 3000"""

_DISTRICT_SQL = """
SELECT c.district, COUNT(DISTINCT c.customer_id) AS customers, ROUND(SUM(t.amount), 2) AS revenue
FROM customers AS c JOIN transactions AS t ON t.customer_id = c.customer_id
GROUP BY c.district"""

_DISTRICT_COUNT_RECEIPTS = """
SELECT c.district, COUNT(*) AS customers, ROUND(SUM(t.amount), 2) AS revenue
FROM customers AS c JOIN transactions AS t ON t.customer_id = c.customer_id
GROUP BY c.district"""


@lru_cache(maxsize=None)
def _online_customers() -> int:
    return int(crmdb.query(_database(), "SELECT COUNT(DISTINCT customer_id) AS n FROM "
                           "transactions WHERE channel = 'online'").iloc[0, 0])


@lru_cache(maxsize=None)
def _lapsed_count(lapsed_days: int, as_of: str = crmdb.AS_OF) -> int:
    return int((crmdb.care_list(_database(), as_of, lapsed_days=lapsed_days)["reason"]
                == "lapsed").sum())


@lru_cache(maxsize=None)
def _birthday_count(days: int) -> int:
    return int((crmdb.care_list(_database(), birthday_days=days)["reason"] == "birthday").sum())


@lru_cache(maxsize=None)
def _segment_sizes(vip_spend: float) -> pd.Series:
    sizes = crmdb.segment_customers(_database(), vip_spend=vip_spend)["segment"].value_counts()
    return sizes.reindex(["VIP", "regular", "new", "lapsed"]).fillna(0).astype(float)


@lru_cache(maxsize=None)
def _lapsed_after_till(load: bool) -> int:
    conn = crmdb.memory_database()
    try:
        if load:
            crmdb.add_transactions(conn, crmdb.till_file(conn, "2026-01-02"))
        care = crmdb.care_list(conn, "2026-01-02")
        return int((care["reason"] == "lapsed").sum())
    finally:
        conn.close()


@lru_cache(maxsize=None)
def _refused_receipt() -> int:
    conn = crmdb.memory_database()
    try:
        faulty = crmdb.till_file(conn, "2026-01-02", faults=["duplicate receipt"])
        try:
            crmdb.add_transactions(conn, faulty)
        except crmdb.CrmDataError as err:
            return int(err.problems["key"].iloc[0])
        raise AssertionError("the faulty till file was accepted")  # pragma: no cover
    finally:
        conn.close()


register(Exercise(
    "crm.online_customers", "Customers who ordered online",
    expected=_online_customers,
    compare=number(),
    hint="count DISTINCT customer_id in transactions WHERE channel = 'online'; then take the "
         "number out of the one-cell table with .iloc[0, 0].",
    mistakes=[(lambda: int(crmdb.query(_database(), "SELECT COUNT(*) FROM transactions "
                                                    "WHERE channel = 'online'").iloc[0, 0]),
               "that counts online receipts; count each customer once (COUNT(DISTINCT ...)).")],
))

register(Exercise(
    "crm.north_big_spenders_sql", "SQL: big spenders in the North",
    expected=lambda: _NORTH_BIG_SQL,
    compare=sql_result(),
    hint="join customers to transactions, keep district 'North', GROUP BY customer, and filter "
         "the groups with HAVING SUM(amount) > 3000; select customer_id, name and the rounded "
         "spend.",
    mistakes=[(lambda: _NORTH_BIG_ALL_DISTRICTS,
               "these are the big spenders of every district; keep only the North "
               "(WHERE c.district = 'North').")],
))

register(Exercise(
    "crm.district_revenue_sql", "SQL: revenue by district",
    expected=lambda: _DISTRICT_SQL,
    compare=sql_result(),
    hint="GROUP BY c.district with three columns: the district, COUNT(DISTINCT c.customer_id) "
         "and ROUND(SUM(t.amount), 2).",
    mistakes=[(lambda: _DISTRICT_COUNT_RECEIPTS,
               "COUNT(*) after the join counts receipts, not customers; use "
               "COUNT(DISTINCT c.customer_id).")],
))

register(Exercise(
    "crm.lapsed_90", "Lapsed for more than 90 days",
    expected=lambda: _lapsed_count(90),
    compare=number(),
    hint="crmdb.care_list(conn, lapsed_days=90) and count the rows whose reason is 'lapsed'.",
    mistakes=[(lambda: _lapsed_count(60), "that is the count at the default 60 days; set "
                                          "lapsed_days=90.")],
))

register(Exercise(
    "crm.birthdays_14", "Birthdays in the next two weeks",
    expected=lambda: _birthday_count(14),
    compare=number(),
    hint="crmdb.care_list(conn, birthday_days=14) and count the rows whose reason is 'birthday'.",
    mistakes=[(lambda: _birthday_count(7), "that is the default window of 7 days; set "
                                           "birthday_days=14.")],
))

register(Exercise(
    "crm.segments_vip_3000", "Segment sizes with a $3,000 VIP line",
    expected=lambda: _segment_sizes(3000),
    compare=numbers(),
    hint="crmdb.segment_customers(conn, vip_spend=3000)['segment'].value_counts(); the answer "
         "is a Series indexed by segment (VIP, regular, new, lapsed).",
    mistakes=[(lambda: _segment_sizes(4000), "those are the sizes at the default $4,000; set "
                                            "vip_spend=3000.")],
))

register(Exercise(
    "crm.lapsed_after_till", "The care list after the till file of 2 January",
    expected=lambda: _lapsed_after_till(True),
    compare=number(),
    hint="on a fresh database: load crmdb.till_file(fresh, '2026-01-02') with add_transactions, "
         "then count the lapsed customers of crmdb.care_list(fresh, '2026-01-02').",
    mistakes=[(lambda: _lapsed_after_till(False),
               "that is the list before the receipts were loaded; add them with "
               "crmdb.add_transactions first.")],
))

register(Exercise(
    "crm.refused_receipt", "Which receipt does the database refuse?",
    expected=_refused_receipt,
    compare=number(),
    hint="wrap crmdb.add_transactions(fresh, faulty) in try/except crmdb.CrmDataError and read "
         "the message (or err.problems): the refused row's transaction_id.",
))

register(Exercise(
    "crm.crm_type_quiz", "Operational, analytical or collaborative?",
    expected=lambda: crmdb.crm_type_quiz()["answer"].tolist(),
    compare=labels(),
    hint="answer 'operational', 'analytical' or 'collaborative' for each task, in the order "
         "shown; crmdb.crm_types() says what each kind of CRM does.",
))

register(Exercise(
    "crm.ai_in_crm", "AI in CRM",
    expected=lambda: None,
    compare=written(),
    hint="crmdb.ai_uses() lists six uses; name two and the customer data each needs.",
))

# --- concept check (chapter 9) -----------------------------------------------------------------

register_quiz("crm.data_concepts", "Concept check · CRM systems and customer data", [
    Question("Which kind of CRM runs the monthly segmentation and the revenue-by-loyalty-type report?",
             ["operational CRM (操作型CRM)", "analytical CRM (分析型CRM)",
              "collaborative CRM (协作型CRM)", "none: reports are not CRM"], answer="b",
             explanation="analytical CRM turns the stored history into segments and reports; "
                         "operational CRM serves the customer at the till.", see="§9.1"),
    Question("The cashier sees the card holder's name when the card is scanned. That is ...",
             ["operational CRM", "analytical CRM", "collaborative CRM", "data mining"],
             answer="a", explanation="operational CRM supports the contact itself (sales, service, "
                                     "marketing at the touchpoint).", see="§9.1"),
    Question("In the four-step CRM data process, what comes first?",
             ["customer care (客户关怀)", "segmentation (客户细分)",
              "the customer archive (客户档案)", "the dynamic database (动态数据库)"], answer="c",
             explanation="the archive is the starting point: nothing can be segmented or cared "
                         "for that was not recorded.", see="§9.2"),
    Question("Why must the customer archive be kept up to date after every purchase (动态数据库)?",
             ["so that the database stays small",
              "because segments and care lists are computed from it and go stale otherwise",
              "because the law requires a daily copy", "so that SQL queries run faster"],
             answer="b", explanation="the loop closes: new receipts change recency, frequency and "
                                     "spend, so next month's segments differ.", see="§9.7"),
    Question("A customer who has not bought for more than the lapse threshold is on the care "
             "list because ...",
             ["she is a birthday customer", "she is to be won back before she defects",
              "she has the highest spend", "she refused text messages"], answer="b",
             explanation="lapsed customers are contacted to win them back; birthdays are the "
                         "list's other reason.", see="§9.6"),
    Question("The till file is loaded twice. What should a well-built CRM database do?",
             ["keep both copies and let the analyst remove one",
              "refuse the whole load and say which receipt numbers already exist",
              "keep the load that arrived last", "silently skip the duplicates"], answer="b",
             explanation="a unique receipt number and a transaction (事务) make the database "
                         "refuse the load, all or nothing, with a message that names the rows.",
             see="§9.8"),
    Question("Which task needs collaborative CRM (协作型CRM)?",
             ["sending the care-list messages", "computing the RFM segments",
              "sharing sales data with the dairy supplier", "printing the receipt"], answer="c",
             explanation="collaborative CRM joins channels and partners: online and till orders "
                         "in one history, data shared along the supply chain.", see="§9.1"),
])
