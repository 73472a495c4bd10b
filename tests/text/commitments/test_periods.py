"""Deadlines and recurrences in Vietnamese administrative text."""

import pytest

from nghiquyet.text.commitments.periods import find_periods, find_recurrences, parse_period, parse_recurrence


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("hoàn thành trong tháng 7/2021", "2021-07"),
        ("xong trong tháng 07/2021", "2021-07"),
        ("tháng 7 năm 2021", "2021-07"),
        ("xong trong tháng 9 năm 2021", "2021-09"),
        ("ban hành trước ngày 15/01/2021", "2021-01-15"),
        ("ngày 04 tháng12 năm 2020", "2020-12-04"),
        ("sơ kết vào quý II/2023", "2023-Q2"),
        ("Quý II năm 2023", "2023-Q2"),
        ("quý I năm 2025", "2025-Q1"),
        ("vào cuối quý IV/2021", "2021-Q4"),
        ("quý 3/2022", "2022-Q3"),
        ("năm 2025", "2025"),
        ("đến năm 2030", "2030"),
        ("cuối năm 2025", "2025"),
        ("Đến hết năm 2021", "2021"),
        ("6 tháng đầu năm 2022", "2022-06"),
        ("6 tháng cuối năm 2022", "2022-12"),
        ("giai đoạn 2021-2025", "2025"),
        ("giai đoạn 2021 - 2025 và những năm tiếp theo", "2025"),
        ("trong tháng 7", "2021-07"),
        ("6 tháng đầu năm", "2021-06"),
        ("trước ngày 30/11", "2021-11-30"),
        ("trình trong Quý II/2022", "2022-Q2"),
    ],
)
def test_parse_period(text, period):
    assert parse_period(text, default_year=2021) == period


@pytest.mark.parametrize(
    "text",
    ["thực hiện từ năm 2022", "giữa nhiệm kỳ", "hằng năm", "05 năm thực hiện", "tháng 13/2021", "Quý V/2023"],
)
def test_no_deadline(text):
    assert parse_period(text, default_year=2021) is None


def test_year_is_flagged_when_supplied_by_the_caller():
    [own] = find_periods("tháng 12 hằng năm", default_year=2021)
    [printed] = find_periods("tháng 12/2021", default_year=2021)
    assert (own.period, own.year_given) == ("2021-12", False)
    assert (printed.period, printed.year_given) == ("2021-12", True)


def test_without_a_year_nothing_is_invented():
    assert find_periods("trong tháng 7") == []


def test_several_periods_in_order():
    text = "sơ kết vào Quý I năm 2025 và tổng kết Nghị quyết vào Quý I năm 2030"
    assert [p.period for p in find_periods(text)] == ["2025-Q1", "2030-Q1"]
    assert [text[p.start:p.end] for p in find_periods(text)] == ["Quý I năm 2025", "Quý I năm 2030"]


def test_a_starting_year_is_not_a_deadline():
    [since] = find_periods("thực hiện từ năm 2022")
    assert since.kind == "since"


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("hằng năm", "annual"),
        ("hàng năm", "annual"),
        ("mỗi năm", "annual"),
        ("bình quân hằng năm 14-15%", "annual"),
        ("tăng 14-16%/năm", "annual"),
        ("31.000 lao động/năm", "annual"),
        ("một năm ít nhất 02 lần", "annual"),
        ("định kỳ 6 tháng", "semiannual"),
        ("06 tháng một lần", "semiannual"),
        ("hằng quý", "quarterly"),
        ("định kỳ hằng quý", "quarterly"),
        ("01 lần/quý", "quarterly"),
        ("hằng tháng", "monthly"),
        ("hằng tuần", "weekly"),
    ],
)
def test_parse_recurrence(text, recurrence):
    assert parse_recurrence(text) == recurrence


@pytest.mark.parametrize("text", ["6 tháng đầu năm 2022", "trong năm 2021", "năm 2025", "các năm 2021-2025", "tháng 12"])
def test_no_recurrence(text):
    assert parse_recurrence(text) is None


def test_recurrences_in_order():
    found = find_recurrences("định kỳ 6 tháng và hằng năm đánh giá")
    assert [r.recurrence for r in found] == ["semiannual", "annual"]


@pytest.mark.parametrize("text", ["định kỳ tháng 12 hằng năm", "định kỳ quý I"])
def test_a_named_month_or_quarter_is_not_a_cadence(text):
    assert [r.recurrence for r in find_recurrences(text)] in ([], ["annual"])
    assert "monthly" not in [r.recurrence for r in find_recurrences(text)]
    assert "quarterly" not in [r.recurrence for r in find_recurrences(text)]
