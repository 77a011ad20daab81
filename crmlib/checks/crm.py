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
from ._core import Exercise, _describe, keywords, label, labels, number, numbers, register


# ---------------------------------------------------------------------------------------------
# Comparisons of this chapter: a set of labels, an SQL query's result
# ---------------------------------------------------------------------------------------------

def label_set() -> Callable[[Any, Any], tuple[bool, str]]:
    """Compare a collection of text labels as a set (order free, case and spaces ignored)."""

    def compare(answer: Any, expected: Any) -> tuple[bool, str]:
        want = {str(e).strip().lower() for e in expected}
        if isinstance(answer, str) or not isinstance(answer, Iterable):
            return False, f"expected {len(want)} labels (a list of words in quotes), got {_describe(answer)}."
        items = list(answer)
        if not all(isinstance(a, str) for a in items):
            return False, "expected every label as text in quotes."
        got = [a.strip().lower() for a in items]
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

def _survey() -> pd.DataFrame:
    return data.load("loyalty_survey")


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
    "crm.define_rm", "Define relationship marketing",
    expected=lambda: None,
    compare=keywords([
        ("relationship", "关系"),
        ("long-term", "long term", "lasting", "长期", "持久", "持续"),
        ("keep", "retain", "retention", "maintain", "保持", "维持", "留住"),
        ("mutual", "win-win", "both sides", "互利", "双赢", "共赢"),
        ("trust", "commitment", "promise", "信任", "承诺"),
    ], need=3),
    hint="a good definition says what is built (relationships, with customers and other "
         "partners), for how long, to what end (keeping customers, mutual benefit) and on what "
         "basis (trust, kept promises).",
    example="Relationship marketing builds and keeps long-term relationships with customers and "
            "partners for mutual benefit, based on trust and kept promises.",
))

register(Exercise(
    "crm.rm_mix", "The relationship marketing mix",
    expected=lambda: None,
    compare=keywords([
        ("4p", "4 p", "product", "price", "place", "promotion", "产品", "价格", "渠道", "促销"),
        ("people", "staff", "employee", "人员", "员工"),
        ("process", "过程", "流程"),
        ("customer service", "客户服务", "顾客服务"),
    ]),
    hint="the mix keeps the 4P and adds three elements (history.rm_mix()).",
    example="The 4P (product, price, place, promotion) plus people, process and customer service.",
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
    "crm.long_tenure_revenue", "Revenue from customers of five years or more",
    expected=lambda: float(history.revenue_by_tenure(
        _survey()["tenure_months"], _survey()["monthly_spend"],
        bands=(0, 60, np.inf)).loc["60+ months", "revenue_share"]),
    compare=number(rel_tol=1e-3),
    hint="history.revenue_by_tenure(tenure_months, monthly_spend, bands=(0, 60, np.inf)) and "
         "read the revenue_share of the '60+ months' row; a share is between 0 and 1.",
    mistakes=[(lambda: float(history.revenue_by_tenure(
        _survey()["tenure_months"], _survey()["monthly_spend"],
        bands=(0, 60, np.inf)).loc["60+ months", "customer_share"]),
        "that is their share of customers; the question asks for their share of revenue.")],
))

register(Exercise(
    "crm.top_fifth_revenue", "Revenue share of the best fifth of customers",
    expected=lambda: history.top_customer_share(_survey()["monthly_spend"], top=0.2),
    compare=number(rel_tol=1e-3),
    hint="history.top_customer_share(survey['monthly_spend'], top=0.2).",
    mistakes=[(lambda: 1 - history.top_customer_share(_survey()["monthly_spend"], top=0.8),
               "that is the share of the *lowest*-spending fifth; rank the best customers first.")],
))

register(Exercise(
    "crm.why_crm", "Why CRM appeared",
    expected=lambda: None,
    compare=keywords([
        ("buyer's market", "buyers market", "buyer", "买方市场", "买方"),
        ("customer value", "values", "价值观"),
        ("market change", "faster", "变化"),
        ("global", "deregulation", "全球", "管制"),
        ("information technology", "technology", "internet", "信息技术", "信息", "技术"),
        ("intangible", "无形资产", "无形"),
        ("e-commerce", "ecommerce", "online", "电子商务"),
    ], need=3),
    hint="history.crm_drivers() lists seven changes in the business environment; name three "
         "and say how each pushes firms towards the customer.",
    example="A buyer's market, information technology and e-commerce put the customer in charge.",
))


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
    compare=keywords([
        ("service bot", "chatbot", "chat bot", "bot", "智能客服", "客服机器人"),
        ("voice", "语音"),
        ("recommend", "推荐"),
        ("churn", "lapse", "流失"),
        ("next best", "personalis", "personaliz", "个性化"),
        ("sentiment", "情感分析"),
    ], need=2),
    hint="crmdb.ai_uses() lists six uses; name two and the customer data each needs.",
    example="Service bots answer questions from order data; recommendation uses purchase history.",
))
