"""Deadlines as documents write them, and the dates they stand for.

A PERIOD is "YYYY", "YYYY-Qn", "YYYY-MM" or "YYYY-MM-DD" (the precision the
text gives, see docs/labelling.md). An obligation is due at the *end* of its
period: "quý II/2023" is due on 30/06/2023. Repeating obligations ("tháng 12
hằng năm", "hằng quý") are expanded into dates here, not stored row by row.
"""

from __future__ import annotations

import calendar
import datetime
import re

_PERIOD = re.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?$")

# How many months one step of each recurrence covers; weekly is counted in days.
RECURRENCE_MONTHS = {"annual": 12, "semiannual": 6, "quarterly": 3, "monthly": 1}


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def period_end(period: str) -> datetime.date:
    """The last day of ``period``; ``ValueError`` when it is not a valid PERIOD."""
    match = _PERIOD.match(period or "")
    if not match:
        raise ValueError(f"not a period: {period!r}")
    year = int(match["year"])
    if match["day"]:
        return datetime.date(year, int(match["month"]), int(match["day"]))
    if match["month"]:
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise ValueError(f"not a month: {period!r}")
        return month_end(year, month)
    if match["quarter"]:
        return month_end(year, int(match["quarter"]) * 3)
    return datetime.date(year, 12, 31)


def is_period(value: str) -> bool:
    try:
        period_end(value)
    except ValueError:
        return False
    return True


def period_label(period: str) -> str:
    """How Vietnamese documents print a period: "quý II/2023", "tháng 7/2021"."""
    match = _PERIOD.match(period or "")
    if not match:
        return period or ""
    if match["day"]:
        return f"{int(match['day']):02d}/{int(match['month']):02d}/{match['year']}"
    if match["month"]:
        return f"tháng {int(match['month'])}/{match['year']}"
    if match["quarter"]:
        return f"quý {'I II III IV'.split()[int(match['quarter']) - 1]}/{match['year']}"
    return f"năm {match['year']}"


def _add_months(day: datetime.date, months: int, at_month_end: bool) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, last if at_month_end else min(day.day, last))


def first_occurrence(recurrence: str, after: datetime.date) -> datetime.date:
    """The first period end on or after ``after`` when a document names none:
    annual → 31/12, semiannual → 30/06 or 31/12, quarterly → a quarter's end."""
    if recurrence == "weekly":
        return after + datetime.timedelta(days=7)
    step = RECURRENCE_MONTHS[recurrence]
    month = ((after.month - 1) // step + 1) * step
    return month_end(after.year, month)


def occurrences(
    anchor: datetime.date,
    recurrence: str | None,
    start: datetime.date,
    end: datetime.date,
    until: datetime.date | None = None,
) -> list[datetime.date]:
    """Due dates of an obligation first due on ``anchor`` and repeating by
    ``recurrence``, that fall within ``start``..``end`` (and not after ``until``)."""
    last = min(end, until) if until else end
    if not recurrence:
        return [anchor] if start <= anchor <= last else []
    dates = []
    if recurrence == "weekly":
        step = datetime.timedelta(days=7)
        day = anchor
        if day < start:
            day += step * ((start - day).days // 7)
        while day <= last:
            if day >= start:
                dates.append(day)
            day += step
        return dates
    months = RECURRENCE_MONTHS[recurrence]
    at_month_end = anchor == month_end(anchor.year, anchor.month)
    count = 0
    if anchor < start:  # skip whole steps before the window
        count = max(0, ((start.year - anchor.year) * 12 + start.month - anchor.month) // months - 1)
    day = _add_months(anchor, months * count, at_month_end)
    while day <= last:
        if day >= start:
            dates.append(day)
        count += 1
        day = _add_months(anchor, months * count, at_month_end)
    return dates
