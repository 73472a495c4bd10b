"""Periods, repetitions and Vietnamese numbers."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.documents.forms import NumberField, PeriodField
from nghiquyet.documents.numbers import format_number, parse_number
from nghiquyet.documents.periods import first_occurrence, is_period, occurrences, period_end, period_label

D = datetime.date


@pytest.mark.parametrize("period, end, label", [
    ("2025", D(2025, 12, 31), "năm 2025"),
    ("2023-Q2", D(2023, 6, 30), "quý II/2023"),
    ("2024-02", D(2024, 2, 29), "tháng 2/2024"),
    ("2021-01-15", D(2021, 1, 15), "15/01/2021"),
])
def test_periods_end_where_documents_mean(period, end, label):
    assert period_end(period) == end and period_label(period) == label


@pytest.mark.parametrize("value", ["", "25", "2025-Q5", "2025-13", "2021-02-30", "quý II/2023", "annual"])
def test_not_periods(value):
    assert not is_period(value)


def test_repetitions():
    assert occurrences(D(2021, 12, 31), "annual", D(2021, 1, 1), D(2024, 12, 31)) == [D(y, 12, 31) for y in range(2021, 2025)]
    assert occurrences(D(2021, 1, 15), "annual", D(2023, 1, 1), D(2023, 12, 31)) == [D(2023, 1, 15)]
    assert occurrences(D(2022, 3, 31), "quarterly", D(2022, 1, 1), D(2022, 12, 31)) == [
        D(2022, 3, 31), D(2022, 6, 30), D(2022, 9, 30), D(2022, 12, 31)]
    assert occurrences(D(2022, 6, 30), "semiannual", D(2022, 1, 1), D(2023, 12, 31)) == [
        D(2022, 6, 30), D(2022, 12, 31), D(2023, 6, 30), D(2023, 12, 31)]
    assert occurrences(D(2022, 1, 31), "monthly", D(2022, 2, 1), D(2022, 3, 31)) == [D(2022, 2, 28), D(2022, 3, 31)]
    assert occurrences(D(2022, 1, 7), "weekly", D(2022, 1, 10), D(2022, 1, 24)) == [D(2022, 1, 14), D(2022, 1, 21)]
    assert occurrences(D(2021, 12, 31), "annual", D(2021, 1, 1), D(2030, 1, 1), until=D(2023, 6, 1)) == [
        D(2021, 12, 31), D(2022, 12, 31)]
    assert occurrences(D(2021, 9, 30), None, D(2021, 1, 1), D(2021, 12, 31)) == [D(2021, 9, 30)]


def test_first_occurrence_without_a_named_period():
    assert first_occurrence("annual", D(2021, 7, 20)) == D(2021, 12, 31)
    assert first_occurrence("semiannual", D(2021, 7, 20)) == D(2021, 12, 31)
    assert first_occurrence("quarterly", D(2021, 2, 1)) == D(2021, 3, 31)


@given(anchor=st.dates(D(2000, 1, 1), D(2040, 1, 1)), recurrence=st.sampled_from(["annual", "semiannual", "quarterly", "monthly", "weekly"]),
       start=st.dates(D(2000, 1, 1), D(2040, 1, 1)), days=st.integers(0, 800))
def test_repetitions_stay_in_the_window_in_order(anchor, recurrence, start, days):
    end = start + datetime.timedelta(days=days)
    dates = occurrences(anchor, recurrence, start, end)
    assert dates == sorted(set(dates))
    assert all(start <= day <= end and day >= anchor for day in dates)


@pytest.mark.parametrize("text, number", [
    ("31,7", 31.7), ("5.500", 5500), ("2.200.000", 2200000), ("03", 3), ("1.000,5", 1000.5), ("12.5", 12.5), ("-2", -2),
])
def test_vietnamese_numbers(text, number):
    assert float(parse_number(text)) == number


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1.2.3.4,5,6"])
def test_not_numbers(text):
    assert parse_number(text) is None


@given(st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_numbers_read_back_as_written(value):
    assert parse_number(format_number(value)) == value


@pytest.mark.parametrize("typed, period", [
    ("2025", "2025"), ("năm 2025", "2025"), ("quý II/2023", "2023-Q2"), ("Q3/2024", "2024-Q3"), ("tháng 7/2021", "2021-07"),
    ("7/2021", "2021-07"), ("15/01/2021", "2021-01-15"), ("2023-Q2", "2023-Q2"), ("", ""),
])
def test_period_field_reads_what_people_type(typed, period):
    assert PeriodField(required=False).clean(typed) == period


@pytest.mark.parametrize("typed", ["quý V/2023", "31/02/2021", "cuối năm", "13/2021"])
def test_period_field_refuses_nonsense_in_vietnamese(typed):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Thời hạn không hợp lệ"):
        PeriodField(required=False).clean(typed)


def test_number_field():
    assert NumberField().clean("31,7") == 31.7
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Hãy nhập một số"):
        NumberField().clean("ba mươi")
