"""Tests for crmlib.crmdb: Jack's CRM database in SQLite (chapter 9): the round trip from the data
sets to the database and back, every constraint and the message it gives, the segmentation and
care queries checked against pandas, the dynamic updates, the figures and the widget."""
from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmlib import crmdb, data
from crmlib.crmdb import CrmDataError


@pytest.fixture
def conn():
    connection = crmdb.memory_database()
    yield connection
    connection.close()


@pytest.fixture
def empty():
    connection = crmdb.memory_database(load=False)
    yield connection
    connection.close()


def _customer(**overrides):
    row = {"customer_id": "C0601", "name": "Wei Zhang", "birth_date": "1990-05-17",
           "join_date": "2025-12-30", "district": "East", "gender": "M", "sms_opt_in": True}
    row.update(overrides)
    return pd.DataFrame([row])


def _receipt(**overrides):
    row = {"customer_id": "C0001", "purchase_date": "2026-01-02", "amount": 25.5}
    row.update(overrides)
    return pd.DataFrame([row])


# --- building, opening, the round trip -----------------------------------------------------------

def test_round_trip_through_a_file(tmp_path):
    path = crmdb.create_database(tmp_path / "build")
    assert path == tmp_path / "build" / crmdb.DB_NAME and path.is_file()
    conn = crmdb.connect(path)
    try:
        counts = crmdb.table_counts(conn)["rows"].to_dict()
        assert counts == {"customers": 600, "survey": 600,
                          "transactions": data.schema("crm_transactions")["rows"],
                          "segments": 0, "contacts": 0}
        # customers come back exactly as the data set has them
        back = crmdb.query(conn, "SELECT * FROM customers ORDER BY customer_id")
        source = data.load("crm_customers")
        assert back["customer_id"].tolist() == source["customer_id"].tolist()
        assert back["birth_date"].tolist() == source["birth_date"].dt.strftime("%Y-%m-%d").tolist()
        assert back["sms_opt_in"].tolist() == source["sms_opt_in"].astype(int).tolist()
        assert back["district"].tolist() == source["district"].astype(str).tolist()
        # receipts: same count, same total to the cent, same survey answers
        receipts = data.load("crm_transactions")
        total = crmdb.query(conn, "SELECT ROUND(SUM(amount), 2) AS s FROM transactions").iloc[0, 0]
        assert total == pytest.approx(round(receipts["amount"].sum(), 2))
        survey = crmdb.query(conn, "SELECT * FROM survey ORDER BY customer_id")
        assert survey["attitude"].tolist() == data.load("loyalty_survey")["attitude"].tolist()
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_rebuild_overwrites_and_refuses_when_asked(tmp_path):
    path = crmdb.create_database(tmp_path)
    conn = crmdb.connect(path)
    crmdb.add_transactions(conn, _receipt())
    conn.close()
    crmdb.create_database(tmp_path)                       # rebuilt from the data sets
    conn = crmdb.connect(path)
    assert crmdb.table_counts(conn).loc["transactions", "rows"] == data.schema("crm_transactions")["rows"]
    conn.close()
    with pytest.raises(ValueError, match="folder: 'jacks_crm.sqlite' already exists there; pass overwrite=True"):
        crmdb.create_database(tmp_path, overwrite=False)


def test_empty_database_has_the_schema(tmp_path):
    conn = crmdb.connect(crmdb.create_database(tmp_path, "empty.sqlite", load=False))
    assert crmdb.table_counts(conn)["rows"].sum() == 0
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master").fetchall()}
    assert {"customers", "survey", "transactions", "segments", "contacts", "customer_summary",
            "purchase_not_before_joining", "transactions_by_customer"} <= names
    conn.close()


def test_create_and_connect_bad_arguments(tmp_path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(ValueError, match="folder: 'afile' is a file, not a folder"):
        crmdb.create_database(tmp_path / "afile")
    with pytest.raises(TypeError, match="folder: expected a folder path"):
        crmdb.create_database(42)
    with pytest.raises(ValueError, match="name: expected a plain file name"):
        crmdb.create_database(tmp_path, "sub/crm.sqlite")
    with pytest.raises(ValueError, match="path: no database file at 'missing.sqlite'"):
        crmdb.connect(tmp_path / "missing.sqlite")
    with pytest.raises(TypeError, match="path: expected the database file"):
        crmdb.connect(None)


def test_memory_databases_are_independent(conn):
    crmdb.add_transactions(conn, _receipt())
    other = crmdb.memory_database()
    try:
        assert crmdb.table_counts(other).loc["transactions", "rows"] == \
            crmdb.table_counts(conn).loc["transactions", "rows"] - 1
    finally:
        other.close()


def test_describe_table(conn):
    info = crmdb.describe_table(conn, "transactions")
    assert info.index.tolist() == ["transaction_id", "customer_id", "purchase_date", "amount",
                                   "channel"]
    assert info.loc["transaction_id", "primary_key"]
    assert info.loc["customer_id", "references"] == "customers.customer_id"
    assert info.loc["amount", "not_null"]
    assert info.loc["channel", "default"] == "'store'"
    with pytest.raises(ValueError, match="table: 'receipts' is not a table of this database"):
        crmdb.describe_table(conn, "receipts")
    with pytest.raises(TypeError, match="conn: expected an sqlite3 connection"):
        crmdb.describe_table("jacks.sqlite", "customers")


# --- what the database refuses ---------------------------------------------------------------------

@pytest.mark.parametrize("overrides, column, constraint", [
    ({"customer_id": "C0001"}, "customer_id", "PRIMARY KEY"),
    ({"customer_id": "X12"}, "customer_id", "customer_id_format"),
    ({"name": "  "}, "name", "name_not_blank"),
    ({"name": None}, "name", "NOT NULL"),
    ({"birth_date": "1990-02-30"}, "birth_date", "birth_date_valid"),
    ({"birth_date": "17/05/1990"}, "birth_date", "birth_date_valid"),
    ({"join_date": "1980-01-01"}, "join_date", "joined_after_birth"),
    ({"district": "Downtown"}, "district", "district_known"),
    ({"gender": "female"}, "gender", "gender_code"),
    ({"sms_opt_in": 2}, "sms_opt_in", "sms_opt_in_flag"),
])
def test_add_customers_refusals(conn, overrides, column, constraint):
    with pytest.raises(CrmDataError) as info:
        crmdb.add_customers(conn, _customer(**overrides))
    err = info.value
    assert isinstance(err, ValueError)
    assert err.table == "customers"
    assert err.problems[["column", "constraint"]].values.tolist() == [[column, constraint]]
    assert str(err).startswith("customers: the database refused 1 of 1 row; nothing was saved.")
    assert f"row 0" in str(err) and column in str(err)
    assert crmdb.table_counts(conn).loc["customers", "rows"] == 600     # nothing saved


def test_add_customers_accepts_timestamps_and_optional_columns(conn):
    new = _customer(birth_date=pd.Timestamp("1990-05-17"), join_date=pd.Timestamp("2025-12-30"))
    new = new.drop(columns=["gender", "sms_opt_in"])
    assert crmdb.add_customers(conn, new) == 1
    row = conn.execute("SELECT birth_date, sms_opt_in, gender FROM customers "
                       "WHERE customer_id = 'C0601'").fetchone()
    assert row == ("1990-05-17", 0, None)                                # defaults


@pytest.mark.parametrize("overrides, column, constraint, value", [
    ({"amount": -12.5}, "amount", "amount_positive", -12.5),
    ({"amount": 0}, "amount", "amount_positive", 0),
    ({"amount": "twelve"}, "amount", "amount_positive", "twelve"),
    ({"amount": np.nan}, "amount", "NOT NULL", None),
    ({"purchase_date": "2026-02-30"}, "purchase_date", "purchase_date_valid", "2026-02-30"),
    ({"purchase_date": "2026-1-2"}, "purchase_date", "purchase_date_valid", "2026-1-2"),
    ({"purchase_date": "2026-01-02 10:30"}, "purchase_date", "purchase_date_valid",
     "2026-01-02 10:30"),
    ({"purchase_date": pd.NaT}, "purchase_date", "NOT NULL", None),
    ({"customer_id": "C9999"}, "customer_id", "FOREIGN KEY", "C9999"),
    ({"channel": "phone"}, "channel", "channel_known", "phone"),
    ({"transaction_id": 1}, "transaction_id", "PRIMARY KEY", 1),
    ({"purchase_date": "2001-01-01"}, "purchase_date", "purchase_not_before_joining",
     "2001-01-01"),
])
def test_add_transactions_refusals(conn, overrides, column, constraint, value):
    before = crmdb.table_counts(conn).loc["transactions", "rows"]
    with pytest.raises(CrmDataError) as info:
        crmdb.add_transactions(conn, _receipt(**overrides))
    problems = info.value.problems
    assert problems[["column", "constraint"]].values.tolist() == [[column, constraint]]
    assert problems["value"].iloc[0] == value or (value is None and problems["value"].iloc[0] is None)
    assert crmdb.table_counts(conn).loc["transactions", "rows"] == before


def test_a_batch_is_all_or_nothing_and_every_bad_row_is_named(conn):
    batch = pd.DataFrame({
        "transaction_id": [30001, 30002, 30003, 30001, 30005],
        "customer_id": ["C0001", "C0002", "C9999", "C0004", "C0005"],
        "purchase_date": ["2026-01-02", "2026-02-30", "2026-01-02", "2026-01-02", "2026-01-02"],
        "amount": [10.0, 20.0, 30.0, 40.0, -5.0],
    }, index=["a", "b", "c", "d", "e"])
    before = crmdb.table_counts(conn).loc["transactions", "rows"]
    with pytest.raises(CrmDataError) as info:
        crmdb.add_transactions(conn, batch)
    problems = info.value.problems
    assert problems["row"].tolist() == ["b", "c", "d", "e"]
    assert problems["constraint"].tolist() == ["purchase_date_valid", "FOREIGN KEY",
                                               "PRIMARY KEY", "amount_positive"]
    assert problems["key"].tolist() == [30002, 30003, 30001, 30005]
    message = str(info.value)
    assert message.splitlines()[0] == "transactions: the database refused 4 of 5 rows; nothing was saved."
    assert "row 'd' (transaction_id 30001): transaction_id = 30001 already exists" not in message
    assert "row 'd': transaction_id = 30001 already exists" in message
    assert "row 'e' (transaction_id 30005): amount = -5.0 must be a number greater than 0" in message
    assert crmdb.table_counts(conn).loc["transactions", "rows"] == before
    # once the bad rows are fixed or dropped, the good ones go in
    assert crmdb.add_transactions(conn, batch.loc[["a"]]) == 1


def test_long_refusal_lists_are_cut(conn):
    batch = pd.DataFrame({"customer_id": ["C0001"] * 12, "purchase_date": ["2026-01-02"] * 12,
                          "amount": [-1.0] * 12})
    with pytest.raises(CrmDataError, match=r"\.\.\. and 2 more \(see \.problems\)") as info:
        crmdb.add_transactions(conn, batch)
    assert len(info.value.problems) == 12


@pytest.mark.parametrize("frame, error, match", [
    ([{"customer_id": "C0001"}], TypeError, "transactions: expected a DataFrame"),
    (pd.DataFrame({"customer_id": ["C0001"], "amount": [1.0]}), ValueError,
     "transactions: missing column\\(s\\) purchase_date"),
    (pd.DataFrame({"customer_id": ["C0001"], "purchase_date": ["2026-01-02"], "amount": [1.0],
                   "ammount": [1.0]}), ValueError, "transactions: unknown column\\(s\\) ammount"),
    (pd.DataFrame({"customer_id": ["C0001", "C0002"], "purchase_date": ["2026-01-02"] * 2,
                   "amount": [1.0, 2.0]}, index=[0, 0]), ValueError,
     "transactions: the row labels repeat"),
])
def test_add_transactions_bad_shapes(conn, frame, error, match):
    with pytest.raises(error, match=match):
        crmdb.add_transactions(conn, frame)


def test_amounts_written_as_numeric_text_are_stored_as_numbers(conn):
    # SQLite's REAL column affinity turns '12.50' into 12.5; 'twelve' stays text and is refused
    crmdb.add_transactions(conn, _receipt(amount="12.50", transaction_id=90001))
    assert conn.execute("SELECT amount, typeof(amount) FROM transactions "
                        "WHERE transaction_id = 90001").fetchone() == (12.5, "real")


def test_empty_batch_adds_nothing(conn):
    assert crmdb.add_transactions(conn, _receipt().iloc[:0]) == 0


def test_new_receipts_update_the_summary_view(conn):
    before = crmdb.query(conn, "SELECT * FROM customer_summary WHERE customer_id = 'C0001'")
    crmdb.add_transactions(conn, pd.DataFrame({
        "customer_id": ["C0001", "C0001"], "purchase_date": ["2026-01-02", "2026-01-05"],
        "amount": [10.25, 4.75], "channel": ["store", "online"]}))
    after = crmdb.query(conn, "SELECT * FROM customer_summary WHERE customer_id = 'C0001'")
    assert after.loc[0, "purchases"] == before.loc[0, "purchases"] + 2
    assert after.loc[0, "spend"] == pytest.approx(before.loc[0, "spend"] + 15.0)
    assert after.loc[0, "last_purchase"] == "2026-01-05"
    ids = conn.execute("SELECT transaction_id FROM transactions ORDER BY transaction_id DESC "
                       "LIMIT 2").fetchall()
    top = data.schema("crm_transactions")["rows"]
    assert ids == [(top + 2,), (top + 1,)]                     # numbered by the database


def test_update_customer(conn):
    crmdb.update_customer(conn, "C0002", district="South", sms_opt_in=np.bool_(False),
                          name="Jason Lewis-Smith")
    assert conn.execute("SELECT district, sms_opt_in, name FROM customers "
                        "WHERE customer_id = 'C0002'").fetchone() == ("South", 0, "Jason Lewis-Smith")
    crmdb.update_customer(conn, "C0002", gender=None)
    assert conn.execute("SELECT gender FROM customers WHERE customer_id = 'C0002'").fetchone() == (None,)
    crmdb.update_customer(conn, "C0002", birth_date=pd.Timestamp("1991-11-19"))
    assert conn.execute("SELECT birth_date FROM customers WHERE customer_id = 'C0002'").fetchone() \
        == ("1991-11-19",)


@pytest.mark.parametrize("customer_id, changes, error, match", [
    ("C9999", {"district": "North"}, ValueError, "customer_id: 'C9999' is not in the customers table"),
    (1, {"district": "North"}, TypeError, "customer_id: expected text"),
    ("C0001", {}, ValueError, "changes: name at least one column"),
    ("C0001", {"join_date": "2020-01-01"}, ValueError, "join_date: cannot be changed"),
    ("C0001", {"customer_id2": "C0002"}, ValueError, "customer_id2: cannot be changed"),
    ("C0001", {"district": "Mars"}, CrmDataError, "district = 'Mars' must be one of North"),
    ("C0001", {"name": None}, CrmDataError, "name = None is missing; the column is NOT NULL"),
    ("C0001", {"birth_date": "2030-01-01"}, CrmDataError, "join_date = '20\\d\\d-\\d\\d-\\d\\d' must come after birth_date"),
])
def test_update_customer_refusals(conn, customer_id, changes, error, match):
    before = conn.execute("SELECT * FROM customers WHERE customer_id = 'C0001'").fetchone()
    with pytest.raises(error, match=match):
        crmdb.update_customer(conn, customer_id, **changes)
    assert conn.execute("SELECT * FROM customers WHERE customer_id = 'C0001'").fetchone() == before


# --- reading ------------------------------------------------------------------------------------------

def test_query_reads_with_parameters(conn):
    result = crmdb.query(conn, "SELECT COUNT(*) AS n FROM transactions WHERE amount > :x",
                         {"x": 100})
    receipts = data.load("crm_transactions")
    assert result.loc[0, "n"] == (receipts["amount"] > 100).sum()


@pytest.mark.parametrize("sql", [
    "DELETE FROM transactions",
    "UPDATE customers SET name = 'x'",
    "INSERT INTO contacts (customer_id, contact_date, reason, channel) VALUES ('C0001', '2026-01-01', 'other', 'sms')",
    "DROP TABLE customers",
    "CREATE TABLE x (a)",
    "PRAGMA foreign_keys = OFF",
    "ATTACH DATABASE ':memory:' AS other",
])
def test_query_only_reads(conn, sql):
    with pytest.raises(ValueError, match="sql: SQLite could not run the query: the query would "
                                         "change the database; query\\(\\) only reads"):
        crmdb.query(conn, sql)
    assert crmdb.table_counts(conn)["rows"].tolist()[:3] == [600, 600, data.schema("crm_transactions")["rows"]]
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # the guard is lifted afterwards: the module's own writes still work
    assert crmdb.add_transactions(conn, _receipt()) == 1


@pytest.mark.parametrize("sql, params, error, match", [
    ("SELECT nonsense FROM customers", None, ValueError, "no such column: nonsense"),
    ("SELEC * FROM customers", None, ValueError, "syntax error"),
    ("SELECT 1; SELECT 2", None, ValueError, "give one statement at a time"),
    ("   ", None, ValueError, "sql: is empty"),
    (42, None, TypeError, "sql: expected the query as text"),
    ("SELECT :x", [1], TypeError, "params: expected a mapping"),
])
def test_query_errors(conn, sql, params, error, match):
    with pytest.raises(error, match=match):
        crmdb.query(conn, sql, params)


def test_query_stops_runaway_queries(conn, monkeypatch):
    monkeypatch.setattr(crmdb, "QUERY_SECONDS", 0.05)
    with pytest.raises(ValueError, match="ran longer than 0.05 s and was stopped"):
        crmdb.query(conn, "SELECT COUNT(*) FROM transactions AS a, transactions AS b")


def test_named_queries_and_their_parameters(conn):
    assert set(crmdb.QUERIES) == set(crmdb.QUERY_DEFAULTS)
    monthly = crmdb.run(conn, "monthly_revenue")
    receipts = data.load("crm_transactions")
    assert monthly["revenue"].sum() == pytest.approx(receipts["amount"].sum(), abs=0.1)
    assert monthly["month"].unique().tolist() == ["2025-07", "2025-08", "2025-09", "2025-10",
                                                  "2025-11", "2025-12"]
    by_reason = crmdb.run(conn, "revenue_by_reason")
    survey = data.load("loyalty_survey")
    merged = receipts.merge(survey[["customer_id", "main_reason"]], on="customer_id")
    expected = merged.groupby("main_reason", observed=True)["amount"].sum().round(2)
    assert by_reason.set_index("main_reason")["revenue"].to_dict() == pytest.approx(expected.to_dict())
    with pytest.raises(ValueError, match="name: no query 'segment'; the named queries are"):
        crmdb.run(conn, "segment")
    with pytest.raises(TypeError, match="segments: unknown parameter\\(s\\) lapsed; this query takes"):
        crmdb.run(conn, "segments", lapsed=30)
    with pytest.raises(ValueError, match="as_of: expected a date written YYYY-MM-DD"):
        crmdb.run(conn, "segments", as_of="yesterday")
    with pytest.raises(ValueError, match="as_of: expected a date written YYYY-MM-DD"):
        crmdb.run(conn, "segments", as_of="2025-02-30")
    with pytest.raises(ValueError, match="lapsed_days: expected a whole number of days"):
        crmdb.run(conn, "care_lapsed", lapsed_days=7.5)
    with pytest.raises(ValueError, match="lapsed_days: must be zero or more"):
        crmdb.run(conn, "care_lapsed", lapsed_days=-1)
    with pytest.raises(TypeError, match="as_of: expected a date"):
        crmdb.run(conn, "care_lapsed", as_of=20251231)
    with pytest.raises(ValueError, match="as_of: expected a date, got a missing value"):
        crmdb.run(conn, "care_lapsed", as_of=pd.NaT)
    assert crmdb.run(conn, "care_lapsed", as_of=pd.Timestamp("2025-12-31")).equals(
        crmdb.run(conn, "care_lapsed"))


# --- segmentation and care, checked against pandas ---------------------------------------------------

def _pandas_summary(as_of="2025-12-31"):
    receipts = data.load("crm_transactions")
    receipts = receipts[receipts["purchase_date"] <= as_of]
    last = receipts.groupby("customer_id")["purchase_date"].max()
    spend = receipts.groupby("customer_id")["amount"].sum()
    days = (pd.Timestamp(as_of) - last).dt.days
    return days, spend


def test_segments_agree_with_pandas(conn):
    seg = crmdb.segment_customers(conn).set_index("customer_id")
    days, spend = _pandas_summary()
    customers = data.load("crm_customers").set_index("customer_id")
    tenure_days = (pd.Timestamp("2025-12-31") - customers["join_date"]).dt.days
    expected = pd.Series("regular", index=seg.index)
    expected[spend.reindex(seg.index) >= 4000] = "VIP"
    expected[days.reindex(seg.index) > 60] = "lapsed"
    expected[tenure_days.reindex(seg.index) <= 180] = "new"
    assert (seg["segment"] == expected).all()
    assert seg["days_since"].tolist() == days.reindex(seg.index).tolist()
    assert seg["spend"].to_numpy() == pytest.approx(spend.reindex(seg.index).round(2).to_numpy())


def test_segment_parameters_move_the_segments(conn):
    strict = crmdb.segment_customers(conn, vip_spend=6000)["segment"].value_counts()
    loose = crmdb.segment_customers(conn, vip_spend=3000)["segment"].value_counts()
    assert strict["VIP"] < loose["VIP"]
    assert crmdb.segment_customers(conn, lapsed_days=30)["segment"].eq("lapsed").sum() > \
        crmdb.segment_customers(conn, lapsed_days=90)["segment"].eq("lapsed").sum()
    # on 2025-09-30 only customers who had joined by then are segmented, on their receipts to then
    early = crmdb.segment_customers(conn, "2025-09-30")
    joined = (data.load("crm_customers")["join_date"] <= "2025-09-30").sum()
    assert len(early) == joined


def test_save_segments_replaces_the_previous_run(conn):
    assert crmdb.save_segments(conn, crmdb.segment_customers(conn)) == 600
    assert crmdb.save_segments(conn, crmdb.segment_customers(conn, vip_spend=3000), "2026-01-01") == 600
    table = crmdb.query(conn, "SELECT segment, as_of, COUNT(*) AS n FROM segments GROUP BY 1, 2")
    assert set(table["as_of"]) == {"2026-01-01"}
    assert table["n"].sum() == 600
    with pytest.raises(TypeError, match="segments: expected the DataFrame returned by segment_customers"):
        crmdb.save_segments(conn, [1, 2])
    bad = crmdb.segment_customers(conn).assign(segment="gold")
    with pytest.raises(CrmDataError, match="segment = 'gold' must be VIP, regular, new or lapsed"):
        crmdb.save_segments(conn, bad)


def test_care_list_lapsed_agrees_with_pandas(conn):
    care = crmdb.care_list(conn, lapsed_days=60, birthday_days=0)
    lapsed = care[care["reason"] == "lapsed"]
    days, _ = _pandas_summary()
    assert sorted(lapsed["customer_id"]) == sorted(days[days > 60].index)
    assert lapsed["days"].is_monotonic_decreasing                     # longest gone first
    opt_in = data.load("crm_customers").set_index("customer_id")["sms_opt_in"]
    assert (lapsed["channel"] == np.where(opt_in[lapsed["customer_id"]], "sms", "mail")).all()


def test_care_list_birthdays_agree_with_pandas(conn):
    care = crmdb.care_list(conn, lapsed_days=1000, birthday_days=14)
    birthdays = care[care["reason"] == "birthday"]
    births = data.load("crm_customers").set_index("customer_id")["birth_date"]
    # next birthday on or after 2025-12-31: this year's if not yet passed, else next year's
    this_year = births.apply(lambda d: pd.Timestamp(2025, d.month, d.day))
    nxt = this_year.where(this_year >= pd.Timestamp("2025-12-31"),
                          births.apply(lambda d: pd.Timestamp(2026, d.month, d.day)))
    until = (nxt - pd.Timestamp("2025-12-31")).dt.days
    assert sorted(birthdays["customer_id"]) == sorted(until[until <= 14].index)
    assert birthdays["days"].is_monotonic_increasing


def test_birthday_rules_by_hand(empty):
    crmdb.add_customers(empty, pd.DataFrame({
        "customer_id": ["C0001", "C0002", "C0003", "C0004", "C0005"],
        "name": ["A", "B", "C", "D", "E"],
        "birth_date": ["1980-12-31", "1990-01-03", "1984-02-29", "1970-12-30", "1975-01-08"],
        "join_date": ["2020-01-01"] * 5, "district": ["North"] * 5, "sms_opt_in": [1, 0, 1, 1, 1]}))
    care = crmdb.care_list(empty, "2025-12-31", birthday_days=7).set_index("customer_id")
    # 31 Dec: today (0 days); 3 Jan: 3 days, across the new year; 30 Dec: passed, next in 364
    # days; 8 Jan: 8 days, outside the 7-day window
    assert care["days"].to_dict() == {"C0001": 0, "C0002": 3}
    assert care.loc["C0002", "event_date"] == "2026-01-03"
    assert care.loc["C0002", "channel"] == "mail"
    leap = crmdb.care_list(empty, "2027-02-25", birthday_days=7).set_index("customer_id")
    # 29 February in a common year: SQLite's date() rolls it over to 1 March (4 days ahead)
    assert leap.loc["C0003", "event_date"] == "2027-03-01" and leap.loc["C0003", "days"] == 4
    leap_year = crmdb.care_list(empty, "2028-02-25", birthday_days=7).set_index("customer_id")
    assert leap_year.loc["C0003", "event_date"] == "2028-02-29"


def test_log_contacts_keeps_people_off_the_list_for_quiet_days(conn):
    care = crmdb.care_list(conn)
    assert crmdb.log_contacts(conn, care) == len(care)
    assert len(crmdb.care_list(conn)) == 0
    # 30 quiet days later the lapsed customers are due again (nobody came back); the birthdays
    # of the first week of January are over by then
    later = crmdb.care_list(conn, "2026-01-30")
    assert set(care.loc[care["reason"] == "lapsed", "customer_id"]) <= set(later["customer_id"])
    assert len(crmdb.care_list(conn, "2026-01-29", birthday_days=0)) < len(later)
    # a longer quiet period keeps them off; only customers who lapsed since then are new on it
    quiet = crmdb.care_list(conn, "2026-01-30", quiet_days=60)
    assert not set(care["customer_id"]) & set(quiet.loc[quiet["reason"] == "lapsed", "customer_id"])
    assert (quiet.loc[quiet["reason"] == "lapsed", "event_date"] >= "2025-11-01").all()
    with pytest.raises(TypeError, match="care: expected the DataFrame returned by care_list"):
        crmdb.log_contacts(conn, care[["customer_id"]])
    with pytest.raises(CrmDataError, match="channel = 'pigeon' must be sms, call, email or mail"):
        crmdb.log_contacts(conn, care.head(1).assign(channel="pigeon"))


def test_care_list_can_be_empty(empty):
    care = crmdb.care_list(empty)
    assert len(care) == 0
    assert care.columns.tolist() == ["customer_id", "name", "reason", "event_date", "days",
                                     "channel"]


# --- the till file: the dynamic database -------------------------------------------------------------

def test_till_file_wins_back_lapsed_customers(conn):
    before = crmdb.care_list(conn, "2026-01-02")
    lapsed_before = set(before.loc[before["reason"] == "lapsed", "customer_id"])
    receipts = crmdb.till_file(conn, "2026-01-02", returning=6, regulars=24)
    assert len(receipts) == 30
    assert receipts["transaction_id"].tolist() == list(range(
        data.schema("crm_transactions")["rows"] + 1, data.schema("crm_transactions")["rows"] + 31))
    assert (receipts["amount"] > 0).all() and receipts["customer_id"].is_unique
    returning = set(receipts["customer_id"]) & lapsed_before
    assert len(returning) == 6
    assert crmdb.add_transactions(conn, receipts) == 30
    after = crmdb.care_list(conn, "2026-01-02")
    lapsed_after = set(after.loc[after["reason"] == "lapsed", "customer_id"])
    assert lapsed_after == lapsed_before - returning
    assert crmdb.till_file(conn, "2026-01-02").equals(crmdb.till_file(conn, "2026-01-02"))


@pytest.mark.parametrize("fault, column, constraint", [
    ("duplicate receipt", "transaction_id", "PRIMARY KEY"),
    ("unknown customer", "customer_id", "FOREIGN KEY"),
    ("bad date", "purchase_date", "purchase_date_valid"),
    ("negative amount", "amount", "amount_positive"),
])
def test_till_file_faults_are_refused(conn, fault, column, constraint):
    faulty = crmdb.till_file(conn, "2026-01-02", faults=[fault])
    with pytest.raises(CrmDataError) as info:
        crmdb.add_transactions(conn, faulty)
    problems = info.value.problems
    assert problems["row"].tolist() == [1]
    assert problems[["column", "constraint"]].values.tolist() == [[column, constraint]]


def test_till_file_all_faults_at_once(conn):
    faulty = crmdb.till_file(conn, faults=["duplicate receipt", "unknown customer", "bad date",
                                           "negative amount"])
    with pytest.raises(CrmDataError) as info:
        crmdb.add_transactions(conn, faulty)
    assert info.value.problems["row"].tolist() == [1, 2, 3, 4]


@pytest.mark.parametrize("kwargs, error, match", [
    ({"faults": ["typo"]}, ValueError, "faults: unknown fault 'typo'"),
    ({"faults": ["bad date", "bad date"]}, ValueError, "faults: each fault can be planted once"),
    ({"returning": 500}, ValueError, "returning/regulars: only"),
    ({"regulars": -1}, ValueError, "regulars: must be zero or more"),
    ({"returning": 0, "regulars": 1, "faults": ["bad date", "negative amount"]}, ValueError,
     "faults: 2 fault\\(s\\) need at least 3 receipts"),
    ({"day": "2 Jan"}, ValueError, "day: expected a date written YYYY-MM-DD"),
])
def test_till_file_bad_arguments(conn, kwargs, error, match):
    with pytest.raises(error, match=match):
        crmdb.till_file(conn, **kwargs)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.floats(0.01, 5000, allow_nan=False), min_size=1, max_size=20),
       customer=st.integers(1, 600))
def test_valid_receipts_always_go_in_and_add_up(conn, amounts, customer):
    cid = f"C{customer:04d}"
    before = crmdb.query(conn, "SELECT spend, purchases FROM customer_summary WHERE customer_id = :c",
                         {"c": cid})
    crmdb.add_transactions(conn, pd.DataFrame({"customer_id": [cid] * len(amounts),
                                               "purchase_date": ["2026-01-02"] * len(amounts),
                                               "amount": amounts}))
    after = crmdb.query(conn, "SELECT spend, purchases FROM customer_summary WHERE customer_id = :c",
                        {"c": cid})
    assert after.loc[0, "purchases"] == before.loc[0, "purchases"] + len(amounts)
    assert after.loc[0, "spend"] == pytest.approx(before.loc[0, "spend"] + sum(amounts), abs=0.02)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amount=st.one_of(st.floats(max_value=0, allow_nan=False, allow_infinity=False),
                        st.integers(max_value=0),
                        st.text(alphabet="abcxyz $,-", min_size=1, max_size=5)))
def test_non_positive_or_non_numeric_amounts_are_always_refused(conn, amount):
    with pytest.raises(CrmDataError, match=r"amount = .* \[(amount_positive|type)\]"):
        crmdb.add_transactions(conn, _receipt(amount=amount))


@pytest.mark.parametrize("value", [2**70, [1, 2], {"a": 1}, object()])
def test_values_the_database_cannot_store_are_refused_by_column(conn, value):
    receipts = pd.concat([_receipt(), _receipt(amount=value)], ignore_index=True)
    with pytest.raises(CrmDataError, match="row 1: amount = .* is not a value the database can "
                                           "store") as info:
        crmdb.add_transactions(conn, receipts)
    assert info.value.problems["constraint"].tolist() == ["type"]


# --- teaching tables, figures, widget ---------------------------------------------------------------

def test_teaching_tables():
    assert crmdb.process_steps()["chinese"].tolist() == ["客户档案", "客户细分", "客户关怀", "动态数据库"]
    assert crmdb.crm_types()["chinese"].tolist() == ["操作型CRM", "分析型CRM", "协作型CRM"]
    assert {"service bot", "voice assistant", "recommendation"} <= set(crmdb.ai_uses().index)
    quiz = crmdb.crm_type_quiz()
    assert set(quiz["answer"]) == set(crmdb.crm_types().index)
    assert quiz.equals(crmdb.crm_type_quiz())


def test_process_figure():
    ax = crmdb.plot_process({"customer archive": "600 customers"})
    texts = [t.get_text() for t in ax.texts]
    assert all(step in texts for step in crmdb.process_steps().index)
    assert "600 customers" in texts
    with pytest.raises(ValueError, match="notes: unknown step 'archive'"):
        crmdb.plot_process({"archive": "x"})


def test_schema_figure(conn):
    ax = crmdb.plot_schema(conn)
    bold = {t.get_text() for t in ax.texts if t.get_fontweight() == "bold"}
    assert bold == {"customers", "survey", "transactions", "segments", "contacts"}
    tags = [t.get_text() for t in ax.texts if t.get_text() in ("PK", "FK", "PK FK")]
    assert tags.count("PK FK") == 2          # survey and segments: the key is also a foreign key
    assert len([a for a in ax.texts if a.get_text() == ""]) == 4   # four foreign-key arrows


def test_data_figures(conn):
    ax = crmdb.plot_monthly_revenue(conn)
    monthly = crmdb.run(conn, "monthly_revenue")
    assert sum(p.get_height() for p in ax.patches) == pytest.approx(monthly["revenue"].sum())
    seg = crmdb.segment_customers(conn)
    ax = crmdb.plot_recency(seg, lapsed_days=60)
    assert sum(p.get_height() for p in ax.patches) == len(seg)
    assert any("72 customers" in t.get_text() for t in ax.texts)
    ax = crmdb.plot_segments(seg)
    heights = [p.get_height() for p in ax.patches]
    assert sum(heights[:4]) == pytest.approx(1) and sum(heights[4:]) == pytest.approx(1)
    with pytest.raises(TypeError, match="segments: expected the DataFrame returned by segment_customers"):
        crmdb.plot_recency(seg.drop(columns="days_since"))
    with pytest.raises(TypeError, match="segments: expected the DataFrame"):
        crmdb.plot_segments([1])


def test_care_widget_moves_the_list(conn):
    panel = crmdb.care_widget(conn)
    text = panel.output.outputs[0]["text"]
    care = crmdb.care_list(conn)
    assert f"{(care['reason'] == 'lapsed').sum()} lapsed customers (over 60 days)" in text
    assert panel.output.outputs[1]["data"]["image/png"]
    panel.sliders["lapsed_days"].value = 90
    panel.sliders["birthday_days"].value = 14
    text = panel.output.outputs[0]["text"]
    care = crmdb.care_list(conn, lapsed_days=90, birthday_days=14)
    assert f"{(care['reason'] == 'lapsed').sum()} lapsed customers (over 90 days)" in text
    assert f"{(care['reason'] == 'birthday').sum()} birthdays (next 14 days)" in text
    with pytest.raises(TypeError, match="conn: expected an sqlite3 connection"):
        crmdb.care_widget(None)


@pytest.mark.parametrize("call, error, match", [
    (lambda c: crmdb.table_counts(None), TypeError, "conn: expected an sqlite3 connection"),
    (lambda c: crmdb.query("db", "SELECT 1"), TypeError, "conn: expected an sqlite3 connection"),
    (lambda c: crmdb.add_transactions(None, _receipt()), TypeError, "conn: expected an sqlite3"),
    (lambda c: crmdb.segment_customers(c, vip_spend=-1), ValueError, "vip_spend: must be zero or more"),
    (lambda c: crmdb.segment_customers(c, new_days=1.5), ValueError, "new_days: expected a whole number"),
    (lambda c: crmdb.save_segments(c, crmdb.segment_customers(c), as_of="soon"), ValueError,
     "as_of: expected a date written YYYY-MM-DD"),
    (lambda c: crmdb.log_contacts(c, crmdb.care_list(c), contact_date="31/12/2025"), ValueError,
     "contact_date: expected a date written YYYY-MM-DD"),
    (lambda c: crmdb.care_list(c, birthday_days="7"), TypeError, "birthday_days: expected a single number"),
    (lambda c: crmdb.plot_recency(crmdb.segment_customers(c), lapsed_days=-5), ValueError,
     "lapsed_days: must be zero or more"),
    (lambda c: crmdb.plot_schema(c, max_columns=2.5), ValueError, "max_columns: expected a whole number"),
    (lambda c: crmdb.care_widget(c, as_of="tomorrow"), ValueError, "as_of: expected a date"),
])
def test_more_bad_arguments(conn, call, error, match):
    with pytest.raises(error, match=match):
        call(conn)
