"""Deadlines and recurrences: "trong tháng 7/2021" → "2021-07", "hằng năm" → annual.

A PERIOD is "YYYY", "YYYY-Qn", "YYYY-MM" or "YYYY-MM-DD": the precision the
text gives. A month, quarter or day printed without its year takes the year
the caller supplies (the document's issue year) and is flagged, so callers
can tell "tháng 12 hằng năm" (every December) from a one-off deadline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nghiquyet.text.commitments.lexicon import searchable


@dataclass(frozen=True)
class Period:
    period: str
    start: int
    end: int
    year_given: bool = True
    kind: str = "point"  # point | span (a stretch of years, the last one kept) | since ("từ năm 2022")


_HAS_DIGIT = re.compile(r"\d")
_CONGRESS = re.compile(r"(?:đến|trước|tại)\s+đại\s+hội\b")  # "đến đại hội ... nhiệm kỳ 2025-2030"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = r"((?:19|20|21)\d\d)(?!\d)"
_SEP_YEAR = rf"\s*(?:/|-|\.|,?\s*năm)\s*{_YEAR}"

# Each pattern begins with a literal or a digit, not a look-behind: Python's engine then
# skips ahead quickly, which matters on whole documents. Word boundaries and the words
# before a match ("ngày", "giai đoạn", "đến năm") are checked by hand in ``_extend``.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("date", re.compile(rf"(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*{_YEAR}")),
    ("date_words", re.compile(rf"ngày\s*(\d{{1,2}})\s*tháng\s*(\d{{1,2}})\s*,?\s*năm\s*{_YEAR}")),
    ("half", re.compile(rf"(?:6|06|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+{_YEAR})?")),
    ("quarter", re.compile(rf"quý\s+(iv|iii|ii|i|[1-4])(?![\w])(?:{_SEP_YEAR})?")),
    ("month", re.compile(rf"tháng\s*(\d{{1,2}})(?!\d)(?:{_SEP_YEAR})?")),
    ("day", re.compile(r"ngày\s*(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")),
    ("span", re.compile(rf"{_YEAR}\s*(?:-|đến|tới)\s*(?:năm\s+)?{_YEAR}")),
    ("year", re.compile(_YEAR)),
]
_SPAN_LEAD = re.compile(r"(?<![^\W\d_])(giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|từ\s+năm|từ|năm)\s+$")
_YEAR_LEAD = re.compile(r"(?<![^\W\d_])(từ\s+năm|năm|đến|tới|trước|sau|vào|cuối|hết|đầu)\s+$")
_DAY_LEAD = re.compile(r"(?<![^\W\d_])ngày\s*$")
_LETTER_BEFORE = re.compile(r"[^\W\d_]$")


def find_periods(text: str, default_year: int | None = None) -> list[Period]:
    """Every period printed in ``text``, in order, not overlapping."""
    if not _HAS_DIGIT.search(text):
        return []
    lowered = searchable(text)
    taken = bytearray(len(lowered) + 1)  # characters already part of a period
    found: list[Period] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(lowered):
            if _LETTER_BEFORE.search(lowered, max(0, match.start() - 1), match.start()):
                continue  # inside a word or a code ("QCVN02", "H2020")
            lead = _lead(kind, lowered, match.start())
            if kind == "year" and lead is None:
                continue  # a bare year is not a deadline ("giá so sánh 2010")
            start = match.start() - len(lead) if lead else match.start()
            if any(taken[start:match.end()]):
                continue
            period = _period(kind, match, default_year, lowered, start, lead)
            if period is None:
                continue
            taken[start:match.end()] = b"\x01" * (match.end() - start)
            found.append(period)
    return sorted(found, key=lambda period: period.start)


def _lead(kind: str, lowered: str, start: int) -> str | None:
    """The words a match needs or may have before it ("ngày", "giai đoạn", "đến năm")."""
    pattern = {"date": _DAY_LEAD, "span": _SPAN_LEAD, "year": _YEAR_LEAD}.get(kind)
    if pattern is None:
        return None
    found = pattern.search(lowered, max(0, start - 20), start)
    return found.group() if found else None


def parse_period(text: str, default_year: int | None = None) -> str | None:
    """The first deadline in ``text`` (not a "từ năm ..." starting point)."""
    for period in find_periods(text, default_year):
        if period.kind != "since":
            return period.period
    return None


def _period(kind: str, match: re.Match, default_year: int | None, lowered: str, start: int,
            lead: str | None) -> Period | None:
    groups = match.groups()
    end = match.end()
    if kind in ("date", "date_words"):
        day, month, year = int(groups[0]), int(groups[1]), groups[2]
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        return Period(f"{year}-{month:02d}-{day:02d}", start, end)
    if kind == "day":
        day, month = int(groups[0]), int(groups[1])
        if default_year is None or not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        return Period(f"{default_year}-{month:02d}-{day:02d}", start, end, year_given=False)
    if kind == "half":
        month = 6 if groups[0] == "đầu" else 12
        return _with_year(groups[1], default_year, f"-{month:02d}", start, end)
    if kind == "quarter":
        quarter = _ROMAN.get(groups[0]) or int(groups[0])
        return _with_year(groups[1], default_year, f"-Q{quarter}", start, end)
    if kind == "month":
        month = int(groups[0])
        if not 1 <= month <= 12:
            return None
        return _with_year(groups[1], default_year, f"-{month:02d}", start, end)
    if kind == "span":
        first, last = groups
        if int(last) < int(first):
            return None
        if lead and lead.startswith("nhiệm") and _CONGRESS.search(lowered, max(0, start - 60), start):
            return Period(first, start, end)  # "đến đại hội ... nhiệm kỳ 2025-2030": the congress opens the term
        return Period(last, start, end, kind="span")
    if kind == "year":
        since = lead.startswith("từ") or lead.startswith("sau")
        return Period(groups[0], start, end, kind="since" if since else "point")
    return None


def _with_year(year: str | None, default_year: int | None, suffix: str, start: int, end: int) -> Period | None:
    if year:
        return Period(year + suffix, start, end)
    if default_year is None:
        return None
    return Period(f"{default_year}{suffix}", start, end, year_given=False)


# --- recurrences ---------------------------------------------------------------------

_UNIT_WORD = re.compile(r"(năm|quý|tháng|tuần)(?![^\W\d_])")
_BY_UNIT = {"năm": "annual", "quý": "quarterly", "tháng": "monthly", "tuần": "weekly"}
_EVERY_BEFORE = re.compile(r"(?<![^\W\d_])(?:(?:định\s+kỳ\s+)?(?:hằng|hàng|mỗi|từng|các)|định\s+kỳ)\s+$")
_SLASH_BEFORE = re.compile(r"/\s*$")
_SIX_BEFORE = re.compile(r"(?<![^\W\d_])(?:(?:định\s+kỳ|mỗi|hằng|hàng|sau)\s+)?(?:6|06|sáu)\s+$")
_HALF_BEFORE = re.compile(r"(?<![^\W\d_])nửa\s+$")
_ONE_BEFORE = re.compile(r"(?<![^\W\d_])một\s+$")
_ONCE_AFTER = re.compile(r"\s*(?:/|một)\s*lần(?![^\W\d_])")
_HALF_YEAR_AFTER = re.compile(r"\s+(?:đầu|cuối)\s+năm")
_EVERY_YEAR_AFTER = re.compile(r"\s+nào\s+cũng")
# "trong năm 2021", "các năm 2021-2025" are periods, not recurrences.
_NOT_RECURRING_AFTER = re.compile(r"\s*(?:19|20|21)\d\d")
# "định kỳ tháng 12 hằng năm", "định kỳ quý I": a month or quarter named, not a cadence.
_POINT_AFTER = re.compile(r"\s*(?:\d|(?:iv|iii|ii|i)\b)")


@dataclass(frozen=True)
class Recurrence:
    recurrence: str
    start: int
    end: int


def find_recurrences(text: str) -> list[Recurrence]:
    """Cadences: "hằng năm", "mỗi quý", "/năm", "định kỳ 6 tháng", "năm nào cũng" ..."""
    lowered = searchable(text)
    found: list[Recurrence] = []
    for match in _UNIT_WORD.finditer(lowered):
        unit, start, end = match.group(1), match.start(), match.end()
        if _LETTER_BEFORE.search(lowered, max(0, start - 1), start):
            continue
        window = max(0, start - 20)
        recurrence = None
        if unit == "tháng" and (six := _SIX_BEFORE.search(lowered, window, start)):
            if not _HALF_YEAR_AFTER.match(lowered, end):
                recurrence, start = "semiannual", six.start()
        elif unit == "năm" and (half := _HALF_BEFORE.search(lowered, window, start)):
            recurrence, start = "semiannual", half.start()
        elif every := _EVERY_BEFORE.search(lowered, window, start) or _SLASH_BEFORE.search(lowered, window, start):
            named_point = unit in ("tháng", "quý") and _POINT_AFTER.match(lowered, end)
            if not _NOT_RECURRING_AFTER.match(lowered, end) and not named_point:
                recurrence, start = _BY_UNIT[unit], every.start()
        elif unit == "năm" and (one := _ONE_BEFORE.search(lowered, window, start)):
            recurrence, start = "annual", one.start()  # "một năm ít nhất 02 lần" is a rate
        elif unit == "năm" and (each := _EVERY_YEAR_AFTER.match(lowered, end)):
            recurrence, end = "annual", each.end()
        if recurrence is None:
            continue
        once = _ONCE_AFTER.match(lowered, end)
        if once:
            end = once.end()
        if found and start < found[-1].end:
            continue
        found.append(Recurrence(recurrence, start, end))
    return found


def parse_recurrence(text: str) -> str | None:
    found = find_recurrences(text)
    return found[0].recurrence if found else None
