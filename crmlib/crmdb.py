"""A CRM database you can hold in your hand: Jack's Supermarket's customer data in SQLite.

The sources describe the CRM data process (客户关系管理的流程) as four steps: a **customer
archive** (客户档案), **segmentation** (客户细分), **customer care** (客户关怀) and a **dynamic
database** (动态数据库) that every new purchase and contact keeps up to date. This module runs
the four steps for real, on an SQLite database built with Python's own ``sqlite3`` (no server,
one file, or none at all in memory):

=====================  ==========================================================================
step                   in this module
=====================  ==========================================================================
customer archive       :data:`SCHEMA` (tables ``customers``, ``survey``, ``transactions``),
                       :func:`create_database`, :func:`add_customers`
segmentation           the SQL in ``QUERIES["segments"]``, :func:`segment_customers`,
                       :func:`save_segments`
care                   ``QUERIES["care_lapsed"]``, ``QUERIES["care_birthdays"]``,
                       :func:`care_list`, :func:`log_contacts`
dynamic database       :func:`add_transactions`, :func:`update_customer`, the view
                       ``customer_summary`` (always current)
=====================  ==========================================================================

The database guards its own data: primary and foreign keys, ``NOT NULL`` and named ``CHECK``
constraints, and one trigger. When it refuses a batch (a receipt loaded twice, a date that does
not exist, a negative amount), nothing is saved and :class:`CrmDataError` says which rows were
refused, which value, and what the rule is.

Analytic SQL lives here, in :data:`QUERIES`; notebooks print it and run it with :func:`run`, or
pass their own ``SELECT`` to :func:`query`, which only reads.

>>> conn = memory_database()
>>> table_counts(conn).loc["customers", "rows"]
np.int64(600)
>>> run(conn, "segments")["segment"].value_counts().index[0]
'regular'
>>> conn.close()

Reading the sources
-------------------
The sources name the four steps but not how to carry them out. The course's choices, all
parameters: the data's snapshot date is :data:`AS_OF` (2025-12-31); a customer is *lapsed* after
60 days without a purchase; *new* when they joined in the last 180 days (six months); *VIP* when they spent
$4,000 or more since the data begins (1 July 2025, about $670 a month); a birthday greeting goes
out up to 7 days ahead; nobody is contacted twice for the same reason within 30 days. A customer
born on 29 February is greeted on 1 March in other years (SQLite's reading of 29 February).
"""
from __future__ import annotations

import atexit
import sqlite3
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = [
    "AS_OF", "DATA_START", "DB_NAME", "SCHEMA", "QUERIES", "CrmDataError",
    "create_database", "connect", "memory_database", "table_counts", "describe_table",
    "query", "run", "add_customers", "add_transactions", "update_customer",
    "segment_customers", "save_segments", "care_list", "log_contacts", "till_file",
    "process_steps", "crm_types", "crm_type_quiz", "ai_uses",
    "plot_process", "plot_schema", "plot_monthly_revenue", "plot_recency", "plot_segments",
    "care_widget",
]

#: The snapshot date of the course data: the day the CRM database is "today".
AS_OF = "2025-12-31"
#: The first day of the receipts in ``crm_transactions``.
DATA_START = "2025-07-01"
#: File name of the database that :func:`create_database` writes.
DB_NAME = "jacks_crm.sqlite"
#: Longest time (seconds) a :func:`query` may run before it is stopped.
QUERY_SECONDS = 5.0

# ---------------------------------------------------------------------------------------------
# The schema
# ---------------------------------------------------------------------------------------------

#: The database's tables, view, index and trigger (SQLite dialect). Dates are TEXT in ISO form
#: (YYYY-MM-DD), which SQLite's date functions read and which sort in date order; the CHECK
#: ``date(julianday(x)) IS x`` accepts a string only if it is a real date written that way.
SCHEMA = """\
CREATE TABLE customers (                      -- the customer archive: who the customer is
    customer_id TEXT PRIMARY KEY
        CONSTRAINT customer_id_format CHECK (customer_id GLOB 'C[0-9][0-9][0-9][0-9]'),
    name        TEXT NOT NULL CONSTRAINT name_not_blank CHECK (length(trim(name)) > 0),
    gender      TEXT CONSTRAINT gender_code CHECK (gender IN ('F', 'M')),
    birth_date  TEXT NOT NULL
        CONSTRAINT birth_date_valid CHECK (date(julianday(birth_date)) IS birth_date),
    join_date   TEXT NOT NULL
        CONSTRAINT join_date_valid CHECK (date(julianday(join_date)) IS join_date),
    district    TEXT NOT NULL
        CONSTRAINT district_known CHECK (district IN ('North', 'South', 'East', 'West')),
    sms_opt_in  INTEGER NOT NULL DEFAULT 0 CONSTRAINT sms_opt_in_flag CHECK (sms_opt_in IN (0, 1)),
    CONSTRAINT joined_after_birth CHECK (join_date > birth_date)
);

CREATE TABLE survey (                         -- what the customer thinks (loyalty survey)
    customer_id       TEXT PRIMARY KEY REFERENCES customers (customer_id),
    age               INTEGER NOT NULL CONSTRAINT age_range CHECK (age BETWEEN 16 AND 120),
    main_reason       TEXT NOT NULL CONSTRAINT main_reason_known
        CHECK (main_reason IN ('monopoly', 'inertia', 'price', 'incentive', 'trust')),
    attitude          REAL NOT NULL CONSTRAINT attitude_scale CHECK (attitude BETWEEN 1 AND 7),
    wallet_share      REAL NOT NULL CONSTRAINT wallet_share_range CHECK (wallet_share BETWEEN 0 AND 1),
    tenure_months     INTEGER NOT NULL CONSTRAINT tenure_not_negative CHECK (tenure_months >= 0),
    visits_per_month  REAL NOT NULL CONSTRAINT visits_not_negative CHECK (visits_per_month >= 0),
    visit_trend       REAL NOT NULL,
    categories_bought INTEGER NOT NULL
        CONSTRAINT categories_range CHECK (categories_bought BETWEEN 0 AND 12),
    recommendations   INTEGER NOT NULL CONSTRAINT recommendations_not_negative
        CHECK (recommendations >= 0),
    price_sensitivity REAL NOT NULL CONSTRAINT price_sensitivity_scale
        CHECK (price_sensitivity BETWEEN 1 AND 7),
    voluntariness     REAL NOT NULL CONSTRAINT voluntariness_scale CHECK (voluntariness BETWEEN 1 AND 7),
    satisfaction      INTEGER NOT NULL CONSTRAINT satisfaction_scale CHECK (satisfaction BETWEEN 1 AND 5),
    repurchase_intent INTEGER NOT NULL CONSTRAINT repurchase_intent_scale
        CHECK (repurchase_intent BETWEEN 1 AND 5),
    monthly_spend     REAL NOT NULL CONSTRAINT monthly_spend_not_negative CHECK (monthly_spend >= 0)
);

CREATE TABLE transactions (                   -- what the customer bought: one row per receipt
    transaction_id INTEGER PRIMARY KEY,
    customer_id    TEXT NOT NULL REFERENCES customers (customer_id),
    purchase_date  TEXT NOT NULL
        CONSTRAINT purchase_date_valid CHECK (date(julianday(purchase_date)) IS purchase_date),
    amount         REAL NOT NULL
        CONSTRAINT amount_positive CHECK (typeof(amount) IN ('real', 'integer') AND amount > 0),
    channel        TEXT NOT NULL DEFAULT 'store'
        CONSTRAINT channel_known CHECK (channel IN ('store', 'online'))
);
CREATE INDEX transactions_by_customer ON transactions (customer_id, purchase_date);

-- a receipt cannot be dated before the customer joined (a rule across two tables,
-- so a trigger, not a CHECK)
CREATE TRIGGER purchase_not_before_joining BEFORE INSERT ON transactions
WHEN date(julianday(NEW.purchase_date)) IS NEW.purchase_date
 AND NEW.purchase_date < (SELECT join_date FROM customers WHERE customer_id = NEW.customer_id)
BEGIN
    SELECT RAISE(ABORT, 'purchase_not_before_joining');
END;

CREATE TABLE segments (                       -- the latest segmentation, one row per customer
    customer_id TEXT PRIMARY KEY REFERENCES customers (customer_id),
    segment     TEXT NOT NULL
        CONSTRAINT segment_known CHECK (segment IN ('VIP', 'regular', 'new', 'lapsed')),
    as_of       TEXT NOT NULL CONSTRAINT as_of_valid CHECK (date(julianday(as_of)) IS as_of)
);

CREATE TABLE contacts (                       -- the care log: every greeting and call
    contact_id   INTEGER PRIMARY KEY,
    customer_id  TEXT NOT NULL REFERENCES customers (customer_id),
    contact_date TEXT NOT NULL
        CONSTRAINT contact_date_valid CHECK (date(julianday(contact_date)) IS contact_date),
    reason       TEXT NOT NULL
        CONSTRAINT reason_known CHECK (reason IN ('lapsed', 'birthday', 'welcome', 'complaint', 'other')),
    channel      TEXT NOT NULL
        CONSTRAINT contact_channel_known CHECK (channel IN ('sms', 'call', 'email', 'mail'))
);

CREATE VIEW customer_summary AS               -- always current: computed from the receipts
SELECT c.customer_id, c.name,
       COUNT(t.transaction_id)            AS purchases,
       ROUND(COALESCE(SUM(t.amount), 0), 2) AS spend,
       MIN(t.purchase_date)               AS first_purchase,
       MAX(t.purchase_date)               AS last_purchase
FROM customers AS c
LEFT JOIN transactions AS t ON t.customer_id = c.customer_id
GROUP BY c.customer_id;
"""

# constraint name -> (column, the rule in words)
_RULES = {
    "customer_id_format": ("customer_id", "must be 'C' followed by four digits, e.g. 'C0601'"),
    "name_not_blank": ("name", "must not be blank"),
    "gender_code": ("gender", "must be 'F' or 'M' (or missing)"),
    "birth_date_valid": ("birth_date", "must be a real date written YYYY-MM-DD"),
    "join_date_valid": ("join_date", "must be a real date written YYYY-MM-DD"),
    "district_known": ("district", "must be one of North, South, East, West"),
    "sms_opt_in_flag": ("sms_opt_in", "must be True or False (1 or 0)"),
    "joined_after_birth": ("join_date", "must come after birth_date"),
    "age_range": ("age", "must be between 16 and 120"),
    "main_reason_known": ("main_reason", "must be monopoly, inertia, price, incentive or trust"),
    "attitude_scale": ("attitude", "must lie on the 1-7 scale"),
    "wallet_share_range": ("wallet_share", "must be a share between 0 and 1"),
    "tenure_not_negative": ("tenure_months", "must be 0 or more"),
    "visits_not_negative": ("visits_per_month", "must be 0 or more"),
    "categories_range": ("categories_bought", "must be between 0 and 12"),
    "recommendations_not_negative": ("recommendations", "must be 0 or more"),
    "price_sensitivity_scale": ("price_sensitivity", "must lie on the 1-7 scale"),
    "voluntariness_scale": ("voluntariness", "must lie on the 1-7 scale"),
    "satisfaction_scale": ("satisfaction", "must lie on the 1-5 scale"),
    "repurchase_intent_scale": ("repurchase_intent", "must lie on the 1-5 scale"),
    "monthly_spend_not_negative": ("monthly_spend", "must be 0 or more"),
    "purchase_date_valid": ("purchase_date", "must be a real date written YYYY-MM-DD"),
    "amount_positive": ("amount", "must be a number greater than 0 (a refund is not a receipt)"),
    "channel_known": ("channel", "must be 'store' or 'online'"),
    "purchase_not_before_joining": ("purchase_date",
                                    "must not be before the customer's join_date (first purchase)"),
    "segment_known": ("segment", "must be VIP, regular, new or lapsed"),
    "as_of_valid": ("as_of", "must be a real date written YYYY-MM-DD"),
    "contact_date_valid": ("contact_date", "must be a real date written YYYY-MM-DD"),
    "reason_known": ("reason", "must be lapsed, birthday, welcome, complaint or other"),
    "contact_channel_known": ("channel", "must be sms, call, email or mail"),
}

# table -> (required columns, optional columns); the order is the INSERT order
_COLUMNS = {
    "customers": (["customer_id", "name", "birth_date", "join_date", "district"],
                  ["gender", "sms_opt_in"]),
    "survey": (["customer_id", "age", "main_reason", "attitude", "wallet_share", "tenure_months",
                "visits_per_month", "visit_trend", "categories_bought", "recommendations",
                "price_sensitivity", "voluntariness", "satisfaction", "repurchase_intent",
                "monthly_spend"], []),
    "transactions": (["customer_id", "purchase_date", "amount"], ["transaction_id", "channel"]),
    "segments": (["customer_id", "segment", "as_of"], []),
    "contacts": (["customer_id", "contact_date", "reason", "channel"], ["contact_id"]),
}
_KEYS = {"customers": "customer_id", "survey": "customer_id", "transactions": "transaction_id",
         "segments": "customer_id", "contacts": "contact_id"}
_DATE_COLUMNS = {"birth_date", "join_date", "purchase_date", "as_of", "contact_date"}


class CrmDataError(ValueError):
    """The database refused some rows; nothing of the batch was saved.

    Attributes
    ----------
    table : str
        The table the rows were meant for.
    problems : pandas.DataFrame
        One row per refused row: ``row`` (the label in the DataFrame given), ``key`` (its
        key value, when it has one), ``column``, ``value``, ``rule`` and ``constraint`` (the
        name of the rule in the schema).
    """

    def __init__(self, table: str, problems: pd.DataFrame, total: int):
        self.table, self.problems = table, problems
        lines = [f"{table}: the database refused {len(problems)} of {total} row"
                 f"{'s' if total != 1 else ''}; nothing was saved."]
        key = _KEYS[table]
        for rec in problems.head(10).itertuples(index=False):
            where = f"row {rec.row!r}" + (f" ({key} {rec.key!r})" if rec.key is not None
                                          and rec.column != key else "")
            lines.append(f"  {where}: {rec.column} = {rec.value!r} {rec.rule} "
                         f"[{rec.constraint}]")
        if len(problems) > 10:
            lines.append(f"  ... and {len(problems) - 10} more (see .problems)")
        super().__init__("\n".join(lines))


# ---------------------------------------------------------------------------------------------
# Building and opening the database
# ---------------------------------------------------------------------------------------------

def connect(path: str | Path) -> sqlite3.Connection:
    """Open an existing CRM database with foreign keys enforced.

    The connection is in autocommit mode: the functions of this module wrap each change in
    its own transaction (all rows or none).

    Parameters
    ----------
    path : str or Path
        The database file, e.g. the path :func:`create_database` returned.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     conn = connect(create_database(folder))
    ...     print(conn.execute("PRAGMA foreign_keys").fetchone()[0])
    ...     conn.close()
    1
    """
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path: expected the database file as a str or Path, got "
                        f"{type(path).__name__}")
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path: no database file at {path.name!r} in that folder; build one "
                         "with create_database(folder)")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _new_connection(target: str) -> sqlite3.Connection:
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _build(conn: sqlite3.Connection, load: bool) -> None:
    conn.executescript(SCHEMA)
    if load:
        _load_course_data(conn)


def _load_course_data(conn: sqlite3.Connection) -> None:
    from . import data

    add_customers(conn, data.load("crm_customers"))
    _insert(conn, "survey", data.load("loyalty_survey"))
    add_transactions(conn, data.load("crm_transactions"))


_TEMPLATE: dict[tuple, sqlite3.Connection] = {}


def _template() -> sqlite3.Connection:
    """The loaded database, built once per process (per version of the data files) and copied
    with SQLite's backup API, which takes milliseconds instead of a fresh load."""
    from . import data

    folder = data.data_dir()
    key = tuple((name, (folder / f"{name}.csv").stat().st_mtime_ns)
                for name in ("crm_customers", "loyalty_survey", "crm_transactions"))
    if key not in _TEMPLATE:
        for old in _TEMPLATE.values():
            old.close()
        _TEMPLATE.clear()
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _build(conn, load=True)
        _TEMPLATE[key] = conn
    return _TEMPLATE[key]


@atexit.register
def _close_template() -> None:
    for conn in _TEMPLATE.values():
        conn.close()
    _TEMPLATE.clear()


def _fill(conn: sqlite3.Connection, load: bool) -> None:
    """Schema (and data) into an empty connection: a copy of the template when loading."""
    if load:
        _template().backup(conn)
    else:
        _build(conn, load=False)


def create_database(folder: str | Path, name: str = DB_NAME, *, load: bool = True,
                    overwrite: bool = True) -> Path:
    """Build Jack's CRM database as a file in ``folder``: the schema, then the course's data.

    Use a temporary or build folder (``tempfile.TemporaryDirectory()``), never a folder under
    version control: the database is rebuilt from the data sets, so it is never committed.

    Parameters
    ----------
    folder : str or Path
        Where to write (created if missing).
    name : str, default ``DB_NAME``
        File name of the database.
    load : bool, default True
        Load ``crm_customers``, ``loyalty_survey`` and ``crm_transactions``; False leaves the
        tables empty.
    overwrite : bool, default True
        Rebuild from scratch when the file exists; False refuses instead.

    Returns
    -------
    pathlib.Path
        The database file.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = create_database(folder)
    ...     conn = connect(path)
    ...     print(path.name, table_counts(conn)["rows"].tolist())
    ...     conn.close()
    jacks_crm.sqlite [600, 600, 22544, 0, 0]
    """
    if not isinstance(folder, (str, Path)):
        raise TypeError(f"folder: expected a folder path (str or Path), got {type(folder).__name__}")
    if not isinstance(name, str) or not name or Path(name).name != name:
        raise ValueError(f"name: expected a plain file name such as {DB_NAME!r}, got {name!r}")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"folder: {folder.name!r} is a file, not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if path.exists():
        if not overwrite:
            raise ValueError(f"folder: {name!r} already exists there; pass overwrite=True to "
                             "rebuild it")
        path.unlink()
    conn = _new_connection(str(path))
    try:
        _fill(conn, load)
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    conn.close()
    return path


def memory_database(load: bool = True) -> sqlite3.Connection:
    """The same database in memory: nothing on disk, gone when the connection closes.

    >>> conn = memory_database()
    >>> conn.execute("SELECT COUNT(*) FROM transactions").fetchone()[0]
    22544
    >>> conn.close()
    """
    conn = _new_connection(":memory:")
    _fill(conn, load)
    return conn


def _check_conn(conn: Any) -> None:
    if not isinstance(conn, sqlite3.Connection):
        raise TypeError(f"conn: expected an sqlite3 connection from connect() or "
                        f"memory_database(), got {type(conn).__name__}")


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    return [r[0] for r in rows]


def table_counts(conn: sqlite3.Connection) -> pd.DataFrame:
    """Rows in each table, in the order the schema creates them.

    >>> conn = memory_database(load=False)
    >>> table_counts(conn)["rows"].sum()
    np.int64(0)
    >>> conn.close()
    """
    _check_conn(conn)
    names = _tables(conn)
    counts = [conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in names]
    return pd.DataFrame({"rows": np.array(counts, dtype=np.int64)},
                        index=pd.Index(names, name="table"))


def describe_table(conn: sqlite3.Connection, table: str) -> pd.DataFrame:
    """The columns of one table: type, NOT NULL, primary key, foreign key target, default.

    >>> conn = memory_database(load=False)
    >>> describe_table(conn, "transactions").loc["customer_id", "references"]
    'customers.customer_id'
    >>> conn.close()
    """
    _check_conn(conn)
    names = _tables(conn)
    if table not in names:
        raise ValueError(f"table: {table!r} is not a table of this database; it has "
                         f"{', '.join(names)}")
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    fks = {row[3]: f"{row[2]}.{row[4]}" for row in
           conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()}
    rows = [{"column": name, "type": kind, "not_null": bool(notnull) or bool(pk),
             "primary_key": bool(pk), "references": fks.get(name, ""),
             "default": "" if default is None else str(default)}
            for _, name, kind, notnull, default, pk in info]
    return pd.DataFrame(rows).set_index("column")


# ---------------------------------------------------------------------------------------------
# Reading: SELECT queries, named analytic queries
# ---------------------------------------------------------------------------------------------

_READ_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ,
                 getattr(sqlite3, "SQLITE_FUNCTION", 31), getattr(sqlite3, "SQLITE_RECURSIVE", 33)}


def _read_only(action: int, *_: Any) -> int:
    return sqlite3.SQLITE_OK if action in _READ_ACTIONS else sqlite3.SQLITE_DENY


def query(conn: sqlite3.Connection, sql: str, params: Mapping[str, Any] | None = None
          ) -> pd.DataFrame:
    """Run one ``SELECT`` statement and read the result with pandas.

    The query can only read: anything that would change the database (INSERT, UPDATE, DELETE,
    CREATE, DROP, PRAGMA ...) is refused, so an experiment cannot break the data. To change data,
    use :func:`add_transactions`, :func:`add_customers`, :func:`update_customer` or
    :func:`log_contacts`, which check what they are given.

    Parameters
    ----------
    conn : sqlite3.Connection
    sql : str
        One SQL statement, with ``:name`` placeholders for ``params``.
    params : mapping, optional
        Values for the placeholders, e.g. ``{"as_of": "2025-12-31"}``.

    Returns
    -------
    pandas.DataFrame
        One column per selected column, dates as ISO text.

    Raises
    ------
    ValueError
        When SQLite cannot run the query (the message is SQLite's, e.g. "no such column"),
        when it would change data, or when it runs longer than ``QUERY_SECONDS``.

    Examples
    --------
    >>> conn = memory_database()
    >>> query(conn, "SELECT district, COUNT(*) AS customers FROM customers "
    ...             "GROUP BY district ORDER BY customers DESC LIMIT 2")
      district  customers
    0    North        196
    1     West        165
    >>> query(conn, "SELECT COUNT(*) AS n FROM transactions WHERE amount > :x", {"x": 500})
       n
    0  8
    >>> conn.close()
    """
    _check_conn(conn)
    if not isinstance(sql, str):
        raise TypeError(f"sql: expected the query as text, got {type(sql).__name__}")
    if not sql.strip():
        raise ValueError("sql: is empty; write a SELECT query")
    if params is not None and not isinstance(params, Mapping):
        raise TypeError(f"params: expected a mapping of placeholder -> value, got "
                        f"{type(params).__name__}")
    deadline = time.monotonic() + QUERY_SECONDS
    conn.set_authorizer(_read_only)
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
    try:
        return pd.read_sql_query(sql, conn, params=dict(params) if params else None)
    except (pd.errors.DatabaseError, sqlite3.Error, ValueError, OverflowError) as exc:
        cause = exc.__cause__ if exc.__cause__ is not None else exc
        text = " ".join(str(cause).split())
        if "not authorized" in text:
            text = ("the query would change the database; query() only reads (SELECT). Change "
                    "data with add_transactions, add_customers, update_customer or log_contacts")
        elif "interrupted" in text:
            text = (f"the query ran longer than {QUERY_SECONDS:g} s and was stopped; is a JOIN "
                    "missing its ON condition?")
        elif "one statement at a time" in text:
            text = "give one statement at a time (remove the ';' and what follows it)"
        raise ValueError(f"sql: SQLite could not run the query: {text}") from None
    finally:
        conn.set_authorizer(None)
        conn.set_progress_handler(None, 0)


#: The analytic SQL of the chapter, by name. ``:as_of`` and the other ``:name`` placeholders
#: are filled by :func:`run` (defaults in ``QUERY_DEFAULTS``).
QUERIES: dict[str, str] = {
    "customer_summary": """\
SELECT * FROM customer_summary ORDER BY customer_id""",

    "monthly_revenue": """\
SELECT strftime('%Y-%m', purchase_date) AS month,
       channel,
       COUNT(*)              AS receipts,
       ROUND(SUM(amount), 2) AS revenue
FROM transactions
WHERE purchase_date <= :as_of
GROUP BY month, channel
ORDER BY month, channel""",

    "revenue_by_reason": """\
SELECT s.main_reason,
       COUNT(DISTINCT s.customer_id)                                 AS customers,
       ROUND(SUM(t.amount), 2)                                       AS revenue,
       ROUND(SUM(t.amount) / COUNT(DISTINCT s.customer_id), 2)       AS revenue_per_customer
FROM survey AS s
JOIN transactions AS t ON t.customer_id = s.customer_id
WHERE t.purchase_date <= :as_of
GROUP BY s.main_reason
ORDER BY revenue DESC""",

    "segments": """\
SELECT c.customer_id,
       c.name,
       COUNT(t.transaction_id)              AS purchases,
       ROUND(COALESCE(SUM(t.amount), 0), 2) AS spend,
       MAX(t.purchase_date)                 AS last_purchase,
       CAST(julianday(:as_of) - julianday(MAX(t.purchase_date)) AS INTEGER) AS days_since,
       CASE
           WHEN julianday(:as_of) - julianday(c.join_date) <= :new_days THEN 'new'
           WHEN MAX(t.purchase_date) IS NULL
             OR julianday(:as_of) - julianday(MAX(t.purchase_date)) > :lapsed_days THEN 'lapsed'
           WHEN SUM(t.amount) >= :vip_spend THEN 'VIP'
           ELSE 'regular'
       END AS segment
FROM customers AS c
LEFT JOIN transactions AS t
       ON t.customer_id = c.customer_id AND t.purchase_date BETWEEN :since AND :as_of
WHERE c.join_date <= :as_of
GROUP BY c.customer_id
ORDER BY c.customer_id""",

    "care_lapsed": """\
SELECT c.customer_id,
       c.name,
       'lapsed'             AS reason,
       MAX(t.purchase_date) AS event_date,
       CAST(julianday(:as_of) - julianday(MAX(t.purchase_date)) AS INTEGER) AS days,
       CASE c.sms_opt_in WHEN 1 THEN 'sms' ELSE 'mail' END AS channel
FROM customers AS c
JOIN transactions AS t ON t.customer_id = c.customer_id AND t.purchase_date <= :as_of
WHERE NOT EXISTS (SELECT 1 FROM contacts AS k
                  WHERE k.customer_id = c.customer_id AND k.reason = 'lapsed'
                    AND k.contact_date <= :as_of
                    AND julianday(:as_of) - julianday(k.contact_date) < :quiet_days)
GROUP BY c.customer_id
HAVING julianday(:as_of) - julianday(MAX(t.purchase_date)) > :lapsed_days
ORDER BY days DESC, c.customer_id""",

    "care_birthdays": """\
WITH next AS (
    SELECT customer_id,
           CASE WHEN date(julianday(strftime('%Y', :as_of) || substr(birth_date, 5))) >= :as_of
                THEN date(julianday(strftime('%Y', :as_of) || substr(birth_date, 5)))
                ELSE date(julianday((strftime('%Y', :as_of) + 1) || substr(birth_date, 5)))
           END AS birthday
    FROM customers
)
SELECT c.customer_id,
       c.name,
       'birthday' AS reason,
       n.birthday AS event_date,
       CAST(julianday(n.birthday) - julianday(:as_of) AS INTEGER) AS days,
       CASE c.sms_opt_in WHEN 1 THEN 'sms' ELSE 'mail' END AS channel
FROM customers AS c
JOIN next AS n ON n.customer_id = c.customer_id
WHERE julianday(n.birthday) - julianday(:as_of) <= :birthday_days
  AND NOT EXISTS (SELECT 1 FROM contacts AS k
                  WHERE k.customer_id = c.customer_id AND k.reason = 'birthday'
                    AND k.contact_date <= :as_of
                    AND julianday(:as_of) - julianday(k.contact_date) < :quiet_days)
ORDER BY days, c.customer_id""",
}

#: Default values of the placeholders of each named query.
QUERY_DEFAULTS: dict[str, dict[str, Any]] = {
    "customer_summary": {},
    "monthly_revenue": {"as_of": AS_OF},
    "revenue_by_reason": {"as_of": AS_OF},
    "segments": {"as_of": AS_OF, "since": DATA_START, "lapsed_days": 60, "new_days": 180,
                 "vip_spend": 4000},
    "care_lapsed": {"as_of": AS_OF, "lapsed_days": 60, "quiet_days": 30},
    "care_birthdays": {"as_of": AS_OF, "birthday_days": 7, "quiet_days": 30},
}


def _iso_date(value: Any, name: str) -> str:
    """A date as ISO text (YYYY-MM-DD), or a clear error."""
    if isinstance(value, str):
        text = value.strip()
        try:
            stamp = pd.Timestamp(text)
        except (ValueError, TypeError):
            stamp = None
        if stamp is not None and stamp.strftime("%Y-%m-%d") == text:
            return text
        raise ValueError(f"{name}: expected a date written YYYY-MM-DD, e.g. {AS_OF!r}, "
                         f"got {value!r}")
    if isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "strftime"):
        stamp = pd.Timestamp(value)
        if pd.isna(stamp):
            raise ValueError(f"{name}: expected a date, got a missing value (NaT)")
        return stamp.strftime("%Y-%m-%d")
    raise TypeError(f"{name}: expected a date (text like {AS_OF!r} or a Timestamp), got "
                    f"{type(value).__name__}")


def _whole(value: Any, name: str, unit: str = "days") -> int:
    number = v.non_negative(value, name)
    if not float(number).is_integer():
        raise ValueError(f"{name}: expected a whole number of {unit}, got {number:g}")
    return int(number)


def _params(name: str, given: Mapping[str, Any]) -> dict[str, Any]:
    defaults = QUERY_DEFAULTS[name]
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        raise TypeError(f"{name}: unknown parameter(s) {', '.join(unknown)}; this query takes "
                        f"{', '.join(defaults) or 'no parameters'}")
    values = {**defaults, **given}
    for key in values:
        if key in ("as_of", "since"):
            values[key] = _iso_date(values[key], key)
        elif key.endswith("_days"):
            values[key] = _whole(values[key], key)
        else:
            values[key] = v.non_negative(values[key], key)
    return values


def run(conn: sqlite3.Connection, name: str, **params: Any) -> pd.DataFrame:
    """Run the named query ``QUERIES[name]`` with its defaults, overridden by ``params``.

    Examples
    --------
    >>> conn = memory_database()
    >>> run(conn, "monthly_revenue").query("channel == 'online'")["receipts"].sum()
    np.int64(2343)
    >>> len(run(conn, "care_lapsed", lapsed_days=90))
    59
    >>> conn.close()
    """
    if name not in QUERIES:
        raise ValueError(f"name: no query {name!r}; the named queries are {', '.join(QUERIES)}")
    return query(conn, QUERIES[name], _params(name, params))


# ---------------------------------------------------------------------------------------------
# Writing: inserting and updating, with the database's refusals explained
# ---------------------------------------------------------------------------------------------

def _as_rows(table: str, frame: Any, name: str) -> tuple[list[str], list[tuple], pd.DataFrame]:
    """Check the shape of a batch and turn it into parameter tuples (Python values, None for
    missing, dates as ISO text). Values are not judged here: the database does that."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name}: expected a DataFrame with one row per {table[:-1]} record, got "
                        f"{type(frame).__name__}")
    required, optional = _COLUMNS[table]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {', '.join(missing)}; a {table} row needs "
                         f"{', '.join(required)} (optional: {', '.join(optional) or 'none'})")
    extra = [c for c in frame.columns if c not in required + optional]
    if extra:
        raise ValueError(f"{name}: unknown column(s) {', '.join(map(str, extra))}; the {table} "
                         f"table has {', '.join(required + optional)}")
    if not frame.index.is_unique:
        raise ValueError(f"{name}: the row labels repeat; give each row its own label "
                         "(e.g. .reset_index(drop=True)) so refused rows can be named")
    columns = [c for c in required + optional if c in frame.columns]
    values = []
    for col in columns:
        series = frame[col]
        if col in _DATE_COLUMNS and pd.api.types.is_datetime64_any_dtype(series):
            series = series.dt.strftime("%Y-%m-%d")
        if (isinstance(series.dtype, np.dtype) and series.dtype.kind in "biuf"
                and not series.isna().any()):
            values.append(series.tolist())          # plain numbers: already Python values
            continue
        obj = series.astype(object)
        obj = obj.where(series.notna(), None).tolist()
        values.append([_plain(item, col) for item in obj])
    rows = list(zip(*values)) if values else []
    return columns, rows, frame


def _plain(item: Any, column: str) -> Any:
    """A value sqlite3 can bind: NumPy scalars as Python ones, Timestamps in date columns as
    ISO text; anything else unchanged (the database judges it)."""
    if isinstance(item, np.generic):
        return item.item()
    if isinstance(item, pd.Timestamp) and column in _DATE_COLUMNS:
        return item.strftime("%Y-%m-%d")
    return item


#: What the database (or the sqlite3 driver, before it) does when it refuses a row.
_REFUSALS = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError,
             OverflowError)


def _storable(value: Any) -> bool:
    """Whether sqlite3 can bind ``value``: None, text, bytes, a float, or a 64-bit integer."""
    if isinstance(value, int):
        return -2**63 <= value < 2**63
    return value is None or isinstance(value, (float, str, bytes))


def _refusal(table: str, message: str, columns: list[str], row: tuple) -> tuple[str, Any, str, str]:
    """(column, value, rule, constraint) for one sqlite error message."""
    if message.startswith("CHECK constraint failed: ") or message in _RULES:
        constraint = message.removeprefix("CHECK constraint failed: ")
        column, rule = _RULES.get(constraint, ("?", "breaks a rule of the table"))
    elif message.startswith("NOT NULL constraint failed: "):
        column = message.split(".")[-1]
        rule, constraint = "is missing; the column is NOT NULL", "NOT NULL"
    elif message.startswith("UNIQUE constraint failed: "):
        column = message.split(".")[-1]
        rule = "already exists (in the table or earlier in this batch); a key is used once"
        constraint = "PRIMARY KEY"
    elif message.startswith("FOREIGN KEY constraint failed"):
        column = "customer_id"
        rule, constraint = "is not in the customers table; add the customer first", "FOREIGN KEY"
    else:
        column, rule, constraint = "?", message, "?"
    value = row[columns.index(column)] if column in columns else None
    return column, value, rule, constraint


def _insert(conn: sqlite3.Connection, table: str, frame: Any, name: str = "rows",
            mode: str = "INSERT") -> int:
    _check_conn(conn)
    columns, rows, frame = _as_rows(table, frame, name)
    if not rows:
        return 0
    sql = (f"{mode} INTO {table} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    conn.execute("SAVEPOINT crmlib_batch")
    try:
        conn.executemany(sql, rows)
    except _REFUSALS:
        conn.execute("ROLLBACK TO crmlib_batch")
        problems = _probe(conn, table, sql, columns, rows, frame.index)
        conn.execute("RELEASE crmlib_batch")
        raise CrmDataError(table, problems, len(rows)) from None
    except BaseException:
        conn.execute("ROLLBACK TO crmlib_batch")
        conn.execute("RELEASE crmlib_batch")
        raise
    conn.execute("RELEASE crmlib_batch")
    return len(rows)


def _probe(conn: sqlite3.Connection, table: str, sql: str, columns: list[str],
           rows: list[tuple], labels: pd.Index) -> pd.DataFrame:
    """Insert row by row inside a savepoint to let the database name every refused row, then
    undo everything."""
    key = _KEYS[table]
    found = []
    conn.execute("SAVEPOINT crmlib_probe")
    try:
        for label, row in zip(labels, rows):
            try:
                conn.execute(sql, row)
            except _REFUSALS as err:
                if isinstance(err, sqlite3.IntegrityError):
                    column, value, rule, constraint = _refusal(table, str(err), columns, row)
                else:  # the value could not even be handed to the database
                    column = next((c for c, x in zip(columns, row) if not _storable(x)), "?")
                    value = row[columns.index(column)] if column in columns else None
                    rule = ("is not a value the database can store (a number too large, or a "
                            "list, dict or other object)")
                    constraint = "type"
                found.append({"row": label.item() if isinstance(label, np.generic) else label,
                              "key": row[columns.index(key)] if key in columns else None,
                              "column": column, "value": value, "rule": rule,
                              "constraint": constraint})
    finally:
        conn.execute("ROLLBACK TO crmlib_probe")
        conn.execute("RELEASE crmlib_probe")
    return pd.DataFrame(found, columns=["row", "key", "column", "value", "rule", "constraint"])


def add_customers(conn: sqlite3.Connection, customers: pd.DataFrame) -> int:
    """Add new customers to the archive (table ``customers``); all or none.

    Parameters
    ----------
    conn : sqlite3.Connection
    customers : pandas.DataFrame
        Columns ``customer_id``, ``name``, ``birth_date``, ``join_date``, ``district`` and
        optionally ``gender`` and ``sms_opt_in``. Dates as Timestamps or YYYY-MM-DD text.

    Returns
    -------
    int
        The number of customers added.

    Raises
    ------
    CrmDataError
        When the database refuses a row (an existing customer_id, an impossible date, an
        unknown district ...): the message lists each refused row and the rule it broke.

    Examples
    --------
    >>> conn = memory_database()
    >>> new = pd.DataFrame({"customer_id": ["C0601"], "name": ["Wei Zhang"],
    ...                     "birth_date": ["1990-05-17"], "join_date": ["2025-12-30"],
    ...                     "district": ["East"], "sms_opt_in": [True]})
    >>> add_customers(conn, new)
    1
    >>> try:
    ...     add_customers(conn, new)          # the same customer again
    ... except CrmDataError as err:
    ...     print(err)
    customers: the database refused 1 of 1 row; nothing was saved.
      row 0: customer_id = 'C0601' already exists (in the table or earlier in this batch); a key is used once [PRIMARY KEY]
    >>> conn.close()
    """
    return _insert(conn, "customers", customers, "customers")


def add_transactions(conn: sqlite3.Connection, transactions: pd.DataFrame) -> int:
    """Add new receipts (table ``transactions``): the dynamic database grows; all or none.

    Parameters
    ----------
    conn : sqlite3.Connection
    transactions : pandas.DataFrame
        Columns ``customer_id``, ``purchase_date``, ``amount`` and optionally
        ``transaction_id`` (numbered by the database when absent) and ``channel``
        ('store', the default, or 'online'). An amount written as text that reads as a number
        ('12.50') is stored as that number, as SQLite does; other text is refused.

    Returns
    -------
    int
        The number of receipts added.

    Raises
    ------
    CrmDataError
        When the database refuses a row: a receipt number already loaded, a customer not in the
        archive, a date that does not exist, an amount of 0 or less, a purchase before the
        customer's first one. Nothing is saved; ``err.problems`` lists every refused row.

    Examples
    --------
    >>> conn = memory_database()
    >>> receipts = pd.DataFrame({"customer_id": ["C0001", "C0002"],
    ...                          "purchase_date": ["2026-01-02", "2026-02-30"],
    ...                          "amount": [56.10, -12.00]})
    >>> try:
    ...     add_transactions(conn, receipts)
    ... except CrmDataError as err:
    ...     print(err.problems[["row", "column", "constraint"]])
       row         column           constraint
    0    1  purchase_date  purchase_date_valid
    >>> add_transactions(conn, receipts.iloc[:1])
    1
    >>> conn.close()

    (Row 1 breaks two rules; the database reports the first it checks, the date. Fix it and
    the amount's turn comes.)
    """
    return _insert(conn, "transactions", transactions, "transactions")


_UPDATABLE = ("name", "gender", "birth_date", "district", "sms_opt_in")


def update_customer(conn: sqlite3.Connection, customer_id: str, **changes: Any) -> None:
    """Change a customer's record (a new address district, withdrawn SMS consent ...).

    Parameters
    ----------
    conn : sqlite3.Connection
    customer_id : str
        The customer to change.
    **changes
        New values for ``name``, ``gender``, ``birth_date``, ``district`` or ``sms_opt_in``.

    Raises
    ------
    ValueError
        If the customer does not exist or a column cannot be changed.
    CrmDataError
        If the database refuses a new value.

    Examples
    --------
    >>> conn = memory_database()
    >>> update_customer(conn, "C0001", sms_opt_in=False, district="East")
    >>> conn.execute("SELECT sms_opt_in, district FROM customers WHERE customer_id = 'C0001'").fetchone()
    (0, 'East')
    >>> conn.close()
    """
    _check_conn(conn)
    if not isinstance(customer_id, str):
        raise TypeError(f"customer_id: expected text like 'C0001', got {type(customer_id).__name__}")
    if not changes:
        raise ValueError(f"changes: name at least one column to change: {', '.join(_UPDATABLE)}")
    bad = [c for c in changes if c not in _UPDATABLE]
    if bad:
        raise ValueError(f"{bad[0]}: cannot be changed with update_customer; the columns that can "
                         f"are {', '.join(_UPDATABLE)} (customer_id and join_date are fixed)")
    exists = conn.execute("SELECT 1 FROM customers WHERE customer_id = ?", (customer_id,)).fetchone()
    if exists is None:
        raise ValueError(f"customer_id: {customer_id!r} is not in the customers table")
    columns = list(changes)
    values = [_plain(None if _missing(changes[c]) else changes[c], c) for c in columns]
    sql = f"UPDATE customers SET {', '.join(f'{c} = ?' for c in columns)} WHERE customer_id = ?"
    conn.execute("SAVEPOINT crmlib_update")
    try:
        conn.execute(sql, (*values, customer_id))
    except sqlite3.IntegrityError as err:
        conn.execute("ROLLBACK TO crmlib_update")
        conn.execute("RELEASE crmlib_update")
        column, value, rule, constraint = _refusal("customers", str(err), columns, tuple(values))
        if column not in columns and column in _COLUMNS["customers"][0] + _COLUMNS["customers"][1]:
            value = conn.execute(f"SELECT {column} FROM customers WHERE customer_id = ?",
                                 (customer_id,)).fetchone()[0]   # the unchanged side of the rule
        problems = pd.DataFrame([{"row": customer_id, "key": customer_id, "column": column,
                                  "value": value, "rule": rule, "constraint": constraint}])
        raise CrmDataError("customers", problems, 1) from None
    except BaseException:
        conn.execute("ROLLBACK TO crmlib_update")
        conn.execute("RELEASE crmlib_update")
        raise
    conn.execute("RELEASE crmlib_update")


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array: not a missing scalar
        return False


# ---------------------------------------------------------------------------------------------
# Segmentation and care
# ---------------------------------------------------------------------------------------------

def segment_customers(conn: sqlite3.Connection, as_of: Any = AS_OF, *, since: Any = DATA_START,
                      lapsed_days: int = 60, new_days: int = 180, vip_spend: float = 4000
                      ) -> pd.DataFrame:
    """Segment every customer with the SQL of ``QUERIES["segments"]``.

    Rules, checked in this order: **new** (joined within ``new_days`` of ``as_of``), **lapsed**
    (no purchase in the last ``lapsed_days``), **VIP** (spent at least ``vip_spend`` from
    ``since`` to ``as_of``), else **regular**.

    Returns
    -------
    pandas.DataFrame
        One row per customer who had joined by ``as_of``: ``customer_id``, ``name``,
        ``purchases``, ``spend``, ``last_purchase``, ``days_since``, ``segment``.

    Examples
    --------
    >>> conn = memory_database()
    >>> segment_customers(conn)["segment"].value_counts().to_dict()
    {'regular': 452, 'lapsed': 72, 'VIP': 63, 'new': 13}
    >>> conn.close()
    """
    if _iso_date(since, "since") > _iso_date(as_of, "as_of"):
        raise ValueError(f"since: the spending window starts on {_iso_date(since, 'since')}, "
                         f"after as_of = {_iso_date(as_of, 'as_of')}; since must be on or before "
                         "as_of")
    return run(conn, "segments", as_of=as_of, since=since, lapsed_days=lapsed_days,
               new_days=new_days, vip_spend=vip_spend)


def save_segments(conn: sqlite3.Connection, segments: pd.DataFrame, as_of: Any = AS_OF) -> int:
    """Store a segmentation in the ``segments`` table, replacing each customer's previous one.

    >>> conn = memory_database()
    >>> save_segments(conn, segment_customers(conn))
    600
    >>> conn.execute("SELECT segment, COUNT(*) FROM segments GROUP BY segment ORDER BY 2").fetchone()
    ('new', 13)
    >>> conn.close()
    """
    if not isinstance(segments, pd.DataFrame) or not {"customer_id", "segment"} <= set(segments):
        raise TypeError("segments: expected the DataFrame returned by segment_customers() "
                        "(columns customer_id and segment)")
    frame = segments[["customer_id", "segment"]].assign(as_of=_iso_date(as_of, "as_of"))
    return _insert(conn, "segments", frame, "segments", mode="INSERT OR REPLACE")


def care_list(conn: sqlite3.Connection, as_of: Any = AS_OF, *, lapsed_days: int = 60,
              birthday_days: int = 7, quiet_days: int = 30) -> pd.DataFrame:
    """Who to contact on ``as_of``: lapsed customers to win back and birthdays to greet.

    Parameters
    ----------
    conn : sqlite3.Connection
    as_of : date, default ``AS_OF``
        The day the list is made for.
    lapsed_days : int, default 60
        A customer whose last purchase is more than this many days old is *lapsed*.
    birthday_days : int, default 7
        Greet birthdays from today up to this many days ahead.
    quiet_days : int, default 30
        Leave out customers already contacted for the same reason in the last ``quiet_days``
        days (the care log, table ``contacts``).

    Returns
    -------
    pandas.DataFrame
        ``customer_id``, ``name``, ``reason`` ('lapsed' or 'birthday'), ``event_date`` (last
        purchase or coming birthday), ``days`` (since or until it) and ``channel`` ('sms' with
        consent, else 'mail'); lapsed customers first, longest gone first.

    Examples
    --------
    >>> conn = memory_database()
    >>> care = care_list(conn)
    >>> care["reason"].value_counts().to_dict()
    {'lapsed': 72, 'birthday': 8}
    >>> care.loc[0, ["customer_id", "event_date", "channel"]].tolist()
    ['C0188', '2025-07-01', 'sms']
    >>> conn.close()
    """
    lapsed = run(conn, "care_lapsed", as_of=as_of, lapsed_days=lapsed_days,
                 quiet_days=quiet_days)
    birthdays = run(conn, "care_birthdays", as_of=as_of, birthday_days=birthday_days,
                    quiet_days=quiet_days)
    frames = [f for f in (lapsed, birthdays) if len(f)]
    if not frames:
        return lapsed.iloc[:0]
    return pd.concat(frames, ignore_index=True)


def log_contacts(conn: sqlite3.Connection, care: pd.DataFrame, contact_date: Any = AS_OF) -> int:
    """Record that the customers of a care list were contacted on ``contact_date`` (table
    ``contacts``), so the next care list leaves them out for ``quiet_days``.

    Parameters
    ----------
    conn : sqlite3.Connection
    care : pandas.DataFrame
        A care list from :func:`care_list` (columns ``customer_id``, ``reason``, ``channel``).
    contact_date : date, default ``AS_OF``

    Examples
    --------
    >>> conn = memory_database()
    >>> log_contacts(conn, care_list(conn))
    80
    >>> len(care_list(conn))          # the same day again: everyone was just contacted
    0
    >>> conn.close()
    """
    if not isinstance(care, pd.DataFrame) or not {"customer_id", "reason", "channel"} <= set(care):
        raise TypeError("care: expected the DataFrame returned by care_list() (columns "
                        "customer_id, reason and channel)")
    frame = care[["customer_id", "reason", "channel"]].assign(
        contact_date=_iso_date(contact_date, "contact_date"))
    return _insert(conn, "contacts", frame, "care")


_FAULTS = ("duplicate receipt", "unknown customer", "bad date", "negative amount")


def till_file(conn: sqlite3.Connection, day: Any = "2026-01-02", *, returning: int = 6,
              regulars: int = 24, faults: Iterable[str] = (), seed: int = 20260102
              ) -> pd.DataFrame:
    """A day's loyalty-card receipts as the tills would send them, to load with
    :func:`add_transactions` (the dynamic database at work).

    ``returning`` receipts come from customers who were lapsed on ``day`` (won back, say, by
    the care list's messages), ``regulars`` from customers who bought in the 60 days before.
    Each amount is near the customer's average receipt. Receipt numbers continue the table's.

    Parameters
    ----------
    conn : sqlite3.Connection
    day : date, default "2026-01-02"
        The date of the receipts (after the data's last day).
    returning, regulars : int
        How many receipts of each kind.
    faults : iterable of str, optional
        Data-entry faults to plant, one receipt each, in this order from the second receipt:
        ``"duplicate receipt"`` (a receipt number already loaded: the file sent twice),
        ``"unknown customer"`` (a card number not in the archive), ``"bad date"`` (30 February)
        and ``"negative amount"`` (a refund keyed in as a receipt).
    seed : int
        Seed for the draw (through :func:`crmlib.seed`).

    Returns
    -------
    pandas.DataFrame
        ``transaction_id``, ``customer_id``, ``purchase_date``, ``amount``, ``channel``.

    Examples
    --------
    >>> conn = memory_database()
    >>> receipts = till_file(conn)
    >>> len(receipts), receipts["transaction_id"].iloc[0]
    (30, np.int64(22545))
    >>> add_transactions(conn, receipts)
    30
    >>> bad = till_file(conn, "2026-01-03", faults=["negative amount"])
    >>> bad.loc[1, "amount"] < 0
    np.True_
    >>> conn.close()
    """
    from ._seed import seed as _seed

    _check_conn(conn)
    day = _iso_date(day, "day")
    returning = _whole(returning, "returning", "receipts")
    regulars = _whole(regulars, "regulars", "receipts")
    if isinstance(faults, str):
        faults = [faults]
    faults = list(faults)
    unknown = [f for f in faults if f not in _FAULTS]
    if unknown:
        raise ValueError(f"faults: unknown fault {unknown[0]!r}; choose from {', '.join(_FAULTS)}")
    if len(set(faults)) != len(faults):
        raise ValueError("faults: each fault can be planted once")
    rng = _seed(seed)
    status = query(conn, """
        SELECT c.customer_id,
               julianday(:day) - julianday(MAX(t.purchase_date)) AS gone,
               AVG(t.amount) AS basket
        FROM customers AS c JOIN transactions AS t ON t.customer_id = c.customer_id
        WHERE t.purchase_date < :day
        GROUP BY c.customer_id ORDER BY c.customer_id""", {"day": day})
    lapsed = status[status["gone"] > 60]
    active = status[status["gone"] <= 60]
    if returning > len(lapsed) or regulars > len(active):
        raise ValueError(f"returning/regulars: only {len(lapsed)} lapsed and {len(active)} "
                         f"active customers on {day}; ask for fewer")
    picked = pd.concat([lapsed.iloc[np.sort(rng.choice(len(lapsed), returning, replace=False))],
                        active.iloc[np.sort(rng.choice(len(active), regulars, replace=False))]])
    picked = picked.sort_values("customer_id", kind="stable")
    n = len(picked)
    if n < len(faults) + 1:
        raise ValueError(f"faults: {len(faults)} fault(s) need at least {len(faults) + 1} receipts")
    start = int(conn.execute("SELECT COALESCE(MAX(transaction_id), 0) FROM transactions")
                .fetchone()[0]) + 1
    amounts = np.maximum(np.round(picked["basket"].to_numpy() * rng.gamma(4.0, 0.25, n), 2), 1.5)
    receipts = pd.DataFrame({
        "transaction_id": np.arange(start, start + n, dtype=np.int64),
        "customer_id": picked["customer_id"].to_numpy(dtype=object),
        "purchase_date": [day] * n,
        "amount": amounts,
        "channel": ["store"] * n,
    })
    for row, fault in enumerate(faults, start=1):
        if fault == "duplicate receipt":
            receipts.loc[row, "transaction_id"] = start - 1
        elif fault == "unknown customer":
            receipts.loc[row, "customer_id"] = "C9999"
        elif fault == "bad date":
            receipts.loc[row, "purchase_date"] = f"{day[:4]}-02-30"
        else:
            receipts.loc[row, "amount"] = -receipts.loc[row, "amount"]
    return receipts


# ---------------------------------------------------------------------------------------------
# Teaching tables
# ---------------------------------------------------------------------------------------------

def process_steps() -> pd.DataFrame:
    """The CRM data process of the sources (客户档案 → 客户细分 → 客户关怀 → 动态数据库) and
    where each step lives in this database.

    >>> process_steps().index.tolist()
    ['customer archive', 'segmentation', 'care', 'dynamic database']
    """
    rows = [
        ("customer archive", "客户档案",
         "complete, differentiated records: who each customer is, what they buy, what they think",
         "tables customers, survey, transactions; create_database, add_customers"),
        ("segmentation", "客户细分",
         "group customers by value and behaviour so each group gets its own treatment",
         "QUERIES['segments']; segment_customers, save_segments -> table segments"),
        ("care", "客户关怀",
         "contact the right customers at the right moment: win back the lapsed, greet birthdays",
         "QUERIES['care_lapsed'], QUERIES['care_birthdays']; care_list, log_contacts -> contacts"),
        ("dynamic database", "动态数据库",
         "keep the archive current: each receipt, change and contact updates it, and the next "
         "round starts from there", "add_transactions, update_customer; view customer_summary"),
    ]
    return pd.DataFrame(rows, columns=["step", "chinese", "what_happens", "in_this_database"]
                        ).set_index("step")


def crm_types() -> pd.DataFrame:
    """Operational, analytical and collaborative CRM (操作型、分析型、协作型), the usual
    classification of CRM systems (META Group, 1999; Buttle & Maklan).

    >>> crm_types().index.tolist()
    ['operational', 'analytical', 'collaborative']
    """
    rows = [
        ("operational", "操作型CRM",
         "runs the customer-facing work: sales, marketing and service processes",
         "sales force automation, marketing automation (campaigns), service and call centre",
         "front-line staff", "the cashier sees the card holder's name; the care list's messages "
         "are sent"),
        ("analytical", "分析型CRM",
         "turns customer data into knowledge: who is worth what, who may leave, what works",
         "data warehouse, segmentation, RFM and CLV, data mining, reports",
         "analysts and managers", "the monthly segmentation; revenue by loyalty type"),
        ("collaborative", "协作型CRM",
         "joins the channels and partners so every contact sees one customer",
         "contact centre across phone, web, SMS and store; portals; data shared with partners",
         "every channel, partners", "online orders and till receipts in one history; sales "
         "data shared with the dairy supplier"),
    ]
    return pd.DataFrame(rows, columns=["type", "chinese", "purpose", "typical_functions",
                                       "users", "at_jacks"]).set_index("type")


def crm_type_quiz(seed: int = 9, answers: bool = True) -> pd.DataFrame:
    """A quiz: eight everyday CRM tasks at Jack's, shuffled, each to be labelled
    'operational', 'analytical' or 'collaborative' (see :func:`crm_types`). The ``answer``
    column holds the key; ``answers=False`` leaves it out (the students' version).

    >>> crm_type_quiz(answers=False).columns.tolist()
    ['task']
    >>> quiz = crm_type_quiz()
    >>> quiz.columns.tolist(), quiz["answer"].value_counts().sort_index().tolist()
    (['task', 'answer'], [3, 2, 3])
    """
    from ._seed import seed as _seed

    rows = [
        ("the care list's messages are sent as texts to the customers on it", "operational"),
        ("a cashier greets a card holder by name at the till", "operational"),
        ("a service agent logs a complaint and books a call back", "operational"),
        ("an analyst finds which segment brings the most revenue", "analytical"),
        ("a model scores every customer's risk of lapsing each month", "analytical"),
        ("the monthly report compares revenue by district and loyalty type", "analytical"),
        ("online orders and till receipts are merged into one history that the phone team and "
         "the store both see", "collaborative"),
        ("the dairy supplier reads weekly sales through a partner portal to plan deliveries",
         "collaborative"),
    ]
    order = _seed(seed).permutation(len(rows))
    quiz = pd.DataFrame([rows[i] for i in order], columns=["task", "answer"])
    return quiz if answers else quiz[["task"]]


def ai_uses() -> pd.DataFrame:
    """Uses of artificial intelligence in CRM (人工智能在客户关系管理中的应用): the three in the
    slide deck 004 (service bots, voice assistants, recommendation) and three common others,
    with the data each needs and its limits.

    >>> ai_uses().index.tolist()[:3]
    ['service bot', 'voice assistant', 'recommendation']
    """
    rows = [
        ("service bot", "智能客服", "answers routine questions at any hour and passes hard cases "
         "to a person", "questions and answers, order and delivery status",
         "frustrating when it does not understand; must hand over to a person in time"),
        ("voice assistant", "智能语音助手", "takes orders and service requests by voice, on the "
         "phone or a smart speaker", "speech, the customer's account",
         "privacy of recorded speech; errors with accents and noise"),
        ("recommendation", "智能推荐", "suggests products from what similar customers bought",
         "purchase history at product level (our receipts have only totals)",
         "can narrow choice; needs enough history per customer"),
        ("churn prediction", "流失预测", "scores each customer's risk of lapsing so care comes "
         "before they leave", "receipts, survey answers, contacts",
         "a score is a probability, not a verdict; must be checked on new data"),
        ("next best offer", "个性化营销", "chooses the offer or message with the best expected "
         "response for each customer", "responses to past campaigns, segments",
         "can feel intrusive; needs consent for personal data"),
        ("sentiment analysis", "情感分析", "reads complaints, reviews and chats for tone and "
         "topic", "free text from service and social media",
         "irony and short texts are misread; a person should read the serious cases"),
    ]
    return pd.DataFrame(rows, columns=["use", "chinese", "what_it_does", "data_it_needs",
                                       "limits"]).set_index("use")


# ---------------------------------------------------------------------------------------------
# Figures and a widget
# ---------------------------------------------------------------------------------------------

def plot_process(notes: Mapping[str, str] | None = None, ax: Any = None) -> Any:
    """The four steps of the CRM data process as a cycle, each with an optional note (e.g. the
    numbers of this run).

    Parameters
    ----------
    notes : mapping of step -> str, optional
        Text under each step's name; keys from :func:`process_steps`.
    ax : matplotlib.axes.Axes, optional

    Examples
    --------
    >>> ax = plot_process({"care": "79 customers to contact"})
    >>> any("79 customers" in t.get_text() for t in ax.texts)
    True
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.patches import FancyBboxPatch

    from . import plotting

    steps = process_steps()
    if notes is not None and not isinstance(notes, Mapping):
        raise TypeError(f"notes: expected {{step: text}}, e.g. {{'care': '79 to contact'}}, got "
                        f"{type(notes).__name__}")
    notes = dict(notes or {})
    unknown = [k for k in notes if k not in steps.index]
    if unknown:
        raise ValueError(f"notes: unknown step {unknown[0]!r}; the steps are "
                         f"{', '.join(steps.index)}")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(11, 4.2))
    c = plotting.COLORS
    colors = [c["neutral"], c["good"], c["accent"], c["bad"]]
    width, gap = 2.7, 0.5
    for i, (step, color) in enumerate(zip(steps.index, colors)):
        x = i * (width + gap)
        ax.add_patch(FancyBboxPatch((x, 0), width, 1.6, boxstyle="round,pad=0.05",
                                    facecolor=color, alpha=0.18, edgecolor=color, lw=2))
        ax.text(x + width / 2, 1.2, step, ha="center", va="center", fontsize=12.5,
                fontweight="bold", color=plotting.COLORS["total"])
        if step in notes:
            ax.text(x + width / 2, 0.6, str(notes[step]), ha="center", va="center", fontsize=10)
        if i < len(steps) - 1:
            ax.annotate("", xy=(x + width + gap - 0.05, 0.8), xytext=(x + width + 0.05, 0.8),
                        arrowprops=dict(arrowstyle="-|>", color=c["total"], lw=2))
    right = len(steps) * (width + gap) - gap
    # the loop back: from the dynamic database under the boxes to the archive
    ax.annotate("", xy=(width / 2, -0.12), xytext=(right - width / 2, -0.12),
                arrowprops=dict(arrowstyle="-|>", color=c["muted"], lw=1.8,
                                connectionstyle="arc3,rad=-0.12"))
    ax.text(right / 2, -0.75, "each receipt and contact updates the archive; the next round "
            "starts from there", ha="center", fontsize=10.5, color=c["total"])
    ax.set_xlim(-0.2, right + 0.2)
    ax.set_ylim(-1.0, 1.85)
    ax.axis("off")
    ax.set_title("The CRM data process")
    return ax


def plot_schema(conn: sqlite3.Connection, ax: Any = None, max_columns: int = 7) -> Any:
    """The database's tables as boxes (primary keys marked PK, foreign keys FK) with an arrow
    from each foreign key to the table it points to.

    Examples
    --------
    >>> conn = memory_database(load=False)
    >>> ax = plot_schema(conn)
    >>> sorted(t.get_text() for t in ax.texts if t.get_fontweight() == "bold")[:2]
    ['contacts', 'customers']
    >>> from crmlib import plotting; plotting.close(ax.figure); conn.close()
    """
    from matplotlib.patches import FancyBboxPatch

    from . import plotting

    _check_conn(conn)
    max_columns = max(2, _whole(max_columns, "max_columns", "columns"))
    tables = _tables(conn)
    info = {t: describe_table(conn, t) for t in tables}
    parents = [t for t in tables if not any(info[t]["references"] != "")] or tables[:1]
    children = [t for t in tables if t not in parents]
    if ax is None:
        _, ax = plotting.new_figure(figsize=(12, 7.5))
    c = plotting.COLORS
    line, width = 0.42, 3.4
    boxes: dict[str, tuple[float, float, list[str]]] = {}
    # parents in the middle column, children alternating left and right, top to bottom
    columns = {0: [], 1: parents, 2: []}
    for i, t in enumerate(children):
        columns[0 if i % 2 == 0 else 2].append(t)
    for col, names in columns.items():
        y = 0.0
        for t in names:
            shown = list(info[t].index)
            if len(shown) > max_columns:
                shown = shown[:max_columns - 1] + [f"... {len(info[t]) - max_columns + 1} more"]
            height = (len(shown) + 1) * line + 0.2
            x = col * (width + 1.6)
            top = -y
            ax.add_patch(FancyBboxPatch((x, top - height), width, height,
                                        boxstyle="round,pad=0.03", facecolor="white",
                                        edgecolor=c["neutral"], lw=1.6))
            ax.add_patch(FancyBboxPatch((x, top - line - 0.1), width, line + 0.1,
                                        boxstyle="round,pad=0.03", facecolor=c["neutral"],
                                        alpha=0.25, edgecolor="none"))
            ax.text(x + width / 2, top - line / 2 - 0.05, t, ha="center", va="center",
                    fontsize=12, fontweight="bold")
            for k, name in enumerate(shown):
                yy = top - line * (k + 1.5) - 0.1
                tag = ""
                if name in info[t].index:
                    row = info[t].loc[name]
                    tag = "PK" if row["primary_key"] else ""
                    tag += (" FK" if tag else "FK") if row["references"] else ""
                ax.text(x + 0.15, yy, name, va="center", fontsize=10)
                if tag:
                    ax.text(x + width - 0.15, yy, tag, va="center", ha="right", fontsize=9,
                            color=c["accent"])
            boxes[t] = (x, top, shown)
            y += height + 0.6
    for t in children:
        for name, target in info[t]["references"].items():
            if not target:
                continue
            parent = target.split(".")[0]
            if parent not in boxes:
                continue
            x, top, shown = boxes[t]
            px, ptop, pshown = boxes[parent]
            yy = top - line * (shown.index(name) + 1.5) - 0.1 if name in shown else top
            pcol = target.split(".")[1]
            py = ptop - line * (pshown.index(pcol) + 1.5) - 0.1 if pcol in pshown else ptop
            start = (x + width, yy) if x < px else (x, yy)
            end = (px, py) if x < px else (px + width, py)
            ax.annotate("", xy=end, xytext=start,
                        arrowprops=dict(arrowstyle="-|>", color=c["muted"], lw=1.3,
                                        connectionstyle="arc3,rad=0.05"))
    lowest = min(top - ((len(shown) + 1) * line + 0.2) for _, top, shown in boxes.values())
    ax.set_xlim(-0.3, 3 * width + 2 * 1.6 + 0.3)
    ax.set_ylim(lowest - 0.3, 0.3)
    ax.axis("off")
    ax.set_title("The CRM database: tables, keys (PK) and foreign keys (FK)")
    return ax


def plot_monthly_revenue(conn: sqlite3.Connection, as_of: Any = AS_OF, ax: Any = None) -> Any:
    """Revenue per month from ``QUERIES["monthly_revenue"]``, store and online stacked.

    >>> conn = memory_database()
    >>> ax = plot_monthly_revenue(conn)
    >>> len(ax.patches)
    12
    >>> from crmlib import plotting; plotting.close(ax.figure); conn.close()
    """
    from matplotlib.ticker import FuncFormatter

    from . import plotting

    monthly = run(conn, "monthly_revenue", as_of=as_of)
    table = monthly.pivot(index="month", columns="channel", values="revenue").fillna(0.0)
    table = table.reindex(columns=[c for c in ("store", "online") if c in table.columns])
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 5))
    colors = {"store": plotting.COLORS["neutral"], "online": plotting.COLORS["accent"]}
    bottom = np.zeros(len(table))
    for channel in table.columns:
        ax.bar(table.index, table[channel], bottom=bottom, color=colors[channel], label=channel,
               width=0.7)
        bottom += table[channel].to_numpy()
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _: f"${x / 1000:,.0f}k"))
    ax.set(xlabel="Month", ylabel="Revenue", title="Loyalty-card revenue by month and channel")
    ax.set_ylim(0, bottom.max() * 1.18 if len(bottom) else 1)
    ax.legend(loc="upper left", ncol=2)
    ax.set_axisbelow(True)
    return ax


def plot_recency(segments: pd.DataFrame, lapsed_days: int = 60, ax: Any = None) -> Any:
    """Days since each customer's last purchase (from :func:`segment_customers`), with the
    lapsed cut-off: everyone to its right is on the care list.

    >>> conn = memory_database()
    >>> ax = plot_recency(segment_customers(conn))
    >>> ax.get_xlabel()
    'Days since the last purchase'
    >>> from crmlib import plotting; plotting.close(ax.figure); conn.close()
    """
    from . import plotting

    if not isinstance(segments, pd.DataFrame) or "days_since" not in segments:
        raise TypeError("segments: expected the DataFrame returned by segment_customers() "
                        "(with a days_since column)")
    lapsed_days = _whole(lapsed_days, "lapsed_days")
    days = pd.to_numeric(segments["days_since"], errors="coerce").dropna().to_numpy(float)
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 5))
    top = max(days.max() if days.size else 0, lapsed_days) + 7
    bins = np.arange(0, top + 7, 7)
    c = plotting.COLORS
    _, edges, patches = ax.hist(days, bins=bins, color=c["neutral"], edgecolor="white")
    for patch, left in zip(patches, edges[:-1]):
        if left >= lapsed_days:
            patch.set_facecolor(c["bad"])
    ax.axvline(lapsed_days, color=c["bad"], ls="--", lw=1.5)
    n = int((days > lapsed_days).sum())
    ax.text(lapsed_days + 3, ax.get_ylim()[1] * 0.9, f"{n} customers more than\n"
            f"{lapsed_days} days gone: care list", color=c["bad"], fontsize=11, va="top")
    ax.set(xlabel="Days since the last purchase", ylabel="Customers",
           title="How long since each customer last bought")
    ax.set_axisbelow(True)
    return ax


def plot_segments(segments: pd.DataFrame, ax: Any = None) -> Any:
    """Share of customers and share of spending of each segment.

    >>> conn = memory_database()
    >>> ax = plot_segments(segment_customers(conn))
    >>> len(ax.patches)
    8
    >>> from crmlib import plotting; plotting.close(ax.figure); conn.close()
    """
    from matplotlib.ticker import PercentFormatter

    from . import plotting

    if not isinstance(segments, pd.DataFrame) or not {"segment", "spend"} <= set(segments):
        raise TypeError("segments: expected the DataFrame returned by segment_customers() "
                        "(columns segment and spend)")
    order = [s for s in ("VIP", "regular", "new", "lapsed") if s in set(segments["segment"])]
    counts = segments["segment"].value_counts(normalize=True).reindex(order)
    spend = segments.groupby("segment")["spend"].sum().reindex(order)
    spend = spend / spend.sum() if spend.sum() > 0 else spend * 0
    if ax is None:
        _, ax = plotting.new_figure(figsize=(8, 5))
    x = np.arange(len(order))
    c = plotting.COLORS
    b1 = ax.bar(x - 0.2, counts, 0.4, color=c["muted"], label="share of customers")
    b2 = ax.bar(x + 0.2, spend, 0.4, color=c["good"], label="share of spending")
    for bars in (b1, b2):
        ax.bar_label(bars, labels=[f"{h:.0%}" for h in bars.datavalues], padding=2, fontsize=10)
    ax.set_xticks(x, order)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylim(0, max(counts.max(), spend.max()) * 1.18)
    ax.set(title="Segments: who they are and what they spend")
    ax.legend(loc="upper right")
    ax.set_axisbelow(True)
    return ax


def care_widget(conn: sqlite3.Connection, as_of: Any = AS_OF, lapsed_days: int = 60,
                birthday_days: int = 7) -> Any:
    """Two sliders, the lapsed cut-off and the birthday window, and the size of the care list
    with the recency histogram redrawn as they move.

    Returns
    -------
    ipywidgets.VBox
        ``panel.sliders`` (``lapsed_days``, ``birthday_days``) and ``panel.output``.

    Examples
    --------
    >>> conn = memory_database()
    >>> panel = care_widget(conn)
    >>> panel.output.outputs[0]["text"]
    'Care list on 2025-12-31: 72 lapsed customers (over 60 days) and 8 birthdays (next 7 days).\\n'
    >>> panel.sliders["lapsed_days"].value = 90
    >>> "59 lapsed" in panel.output.outputs[0]["text"]
    True
    >>> conn.close()
    """
    from . import plotting, widgets

    _check_conn(conn)
    as_of = _iso_date(as_of, "as_of")
    sliders = {"lapsed_days": widgets.slider("lapsed_days", _whole(lapsed_days, "lapsed_days"),
                                             7, 180, integer=True),
               "birthday_days": widgets.slider("birthday_days",
                                               _whole(birthday_days, "birthday_days"), 0, 31,
                                               integer=True)}

    def render(values: dict[str, Any]) -> tuple[str, Any]:
        lapsed, window = values["lapsed_days"], values["birthday_days"]
        segments = segment_customers(conn, as_of, lapsed_days=lapsed)
        care = care_list(conn, as_of, lapsed_days=lapsed, birthday_days=window)
        counts = care["reason"].value_counts()
        text = (f"Care list on {as_of}: {counts.get('lapsed', 0)} lapsed customers (over "
                f"{lapsed} days) and {counts.get('birthday', 0)} birthdays (next {window} days).\n")
        fig, ax = plotting.new_figure(figsize=(9, 5))
        plot_recency(segments, lapsed, ax=ax)
        return text, fig

    return widgets.panel(sliders, render, "recency histogram", horizontal=True)
