"""Property tests (hypothesis) for the rules that keep real data from giving a silently wrong
answer: how ``rfm.rfm_table`` reads dates (ISO 8601 in any form, YYYYMMDD numbers, calendar days)
and the one rate rule of ``crmlib._validate`` (8 is refused as a rate: "write 8% as 0.08")."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlib import _validate as v
from crmlib import clv, customer_value, rfm

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
TIMES = st.times()
ISO_FORMS = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S.%f",
             "%Y%m%d")


def _tx(stamps, customers):
    return pd.DataFrame({"customer_id": customers, "date": stamps,
                         "amount": np.arange(1.0, len(customers) + 1)})


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), DAYS, TIMES, st.sampled_from(ISO_FORMS)),
                min_size=1, max_size=25))
def test_any_mix_of_iso_forms_reads_like_the_datetimes(rows):
    stamps = [dt.datetime.combine(day, time) for _, day, time, _ in rows]
    text = [s.strftime(form) for s, (_, _, _, form) in zip(stamps, rows)]
    customers = [c for c, *_ in rows]
    as_of = pd.Timestamp("2031-01-01")
    from_text = rfm.rfm_table(_tx(text, customers), as_of=as_of)
    # what each text says (the date-only forms drop the time, which recency ignores anyway)
    expected = rfm.rfm_table(_tx(pd.to_datetime(text, format="ISO8601"), customers), as_of=as_of)
    assert from_text.equals(expected)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), DAYS, TIMES), min_size=1, max_size=25),
       DAYS, TIMES)
def test_recency_is_calendar_days_whatever_the_hour(rows, extra, hour):
    customers = [c for c, _, _ in rows]
    as_of_day = max(max(d for _, d, _ in rows), extra) + dt.timedelta(days=3)
    with_times = [dt.datetime.combine(d, t) for _, d, t in rows]
    midnight = [dt.datetime.combine(d, dt.time()) for _, d, _ in rows]
    a = rfm.rfm_table(_tx(with_times, customers), as_of=dt.datetime.combine(as_of_day, hour))
    b = rfm.rfm_table(_tx(midnight, customers), as_of=as_of_day)
    assert a.equals(b)
    for c in set(customers):
        last = max(d for cc, d, _ in rows if cc == c)
        assert a.loc[c, "recency"] == (as_of_day - last).days


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ab"), DAYS), min_size=1, max_size=25),
       st.booleans())
def test_yyyymmdd_numbers_are_the_dates_they_spell(rows, as_float):
    customers = [c for c, _ in rows]
    numbers = [int(d.strftime("%Y%m%d")) for _, d in rows]
    numbers = [float(x) for x in numbers] if as_float else numbers
    dates = [pd.Timestamp(d) for _, d in rows]
    as_of = "2031-01-01"
    assert rfm.rfm_table(_tx(numbers, customers), as_of=as_of).equals(
        rfm.rfm_table(_tx(dates, customers), as_of=as_of))


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.floats(0, 9_999_999, allow_nan=False),          # Excel serials, small ints
                 st.integers(100_000_000, 2_000_000_000)),           # Unix seconds
       st.integers(1, 6))
def test_other_numbers_are_never_read_as_dates(number, rows):
    tx = _tx([number] * rows, ["a"] * rows)
    with pytest.raises(ValueError, match=r"holds numbers, not dates|is not a date"):
        rfm.rfm_table(tx)


@settings(max_examples=80, deadline=None)
@given(st.floats(1.0, 1e6, exclude_min=True, allow_nan=False))
def test_a_rate_above_one_is_refused_everywhere_with_the_conversion(x):
    hint = f"write {x:g}% as {x / 100:g}"
    for call in (lambda: v.rate(x, "r"), lambda: v.rates([0.1, x], "r"),
                 lambda: v.share(x, "s"),
                 lambda: clv.retention_clv(200, 0.8, x),
                 lambda: clv.retention_clv(200, x, 0.1),
                 lambda: customer_value.potential_value(100, 3, discount_rate=x),
                 lambda: customer_value.present_value([100, 100], discount_rate=x)):
        with pytest.raises(ValueError) as err:
            call()
        assert hint in str(err.value)


@settings(max_examples=80, deadline=None)
@given(st.floats(0, 1, allow_nan=False), st.floats(0, 0.999, allow_nan=False))
def test_rates_from_zero_to_one_are_accepted_unchanged(x, r):
    assert v.rate(x, "r") == x and v.share(x, "s") == x
    assert v.rates(np.array([x, r]), "r").tolist() == [x, r]
    assert np.isfinite(clv.retention_clv(200, r, x))


@settings(max_examples=40, deadline=None)
@given(st.floats(-1e6, 0, exclude_max=True, allow_nan=False))
def test_negative_rates_are_refused_without_a_percent_hint(x):
    with pytest.raises(ValueError, match="between 0 and 1") as err:
        v.rate(x, "r")
    assert "%" not in str(err.value)
    assert v.rate(x, "m", low=None) == x          # a margin may be a loss
