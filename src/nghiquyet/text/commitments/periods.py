"""Deadlines and recurrences: "trong tháng 7/2021" → "2021-07", "hằng năm" → annual.

A PERIOD is "YYYY", "YYYY-Qn", "YYYY-MM" or "YYYY-MM-DD": the precision the
text gives. A month, quarter or day printed without its year takes the year
the caller supplies (the document's issue year) and is flagged, so callers
can tell "tháng 12 hằng năm" (every December) from a one-off deadline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nghiquyet.text.commitments.lexicon import WORD_END, WORD_START, searchable


@dataclass(frozen=True)
class Period:
    period: str
    start: int
    end: int
    year_given: bool = True
    kind: str = "point"  # point | span (a stretch of years, the last one kept) | since ("từ năm 2022")


_HAS_DIGIT = re.compile(r"\d")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = r"((?:19|20|21)\d\d)(?!\d)"
_SEP_YEAR = rf"\s*(?:/|-|\.|,?\s*năm)\s*{_YEAR}"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("date", re.compile(rf"{WORD_START}(?:ngày\s*)?(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*{_YEAR}")),
    ("date_words", re.compile(rf"{WORD_START}ngày\s*(\d{{1,2}})\s*tháng\s*(\d{{1,2}})\s*,?\s*năm\s*{_YEAR}")),
    ("half", re.compile(rf"{WORD_START}(?:6|06|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+{_YEAR})?")),
    ("quarter", re.compile(rf"{WORD_START}quý\s+(iv|iii|ii|i|[1-4])(?![\w])(?:{_SEP_YEAR})?")),
    ("month", re.compile(rf"{WORD_START}tháng\s*(\d{{1,2}})(?!\d)(?:{_SEP_YEAR})?")),
    ("day", re.compile(rf"{WORD_START}ngày\s*(\d{{1,2}})\s*/\s*(\d{{1,2}})(?![\d/])")),
    ("span", re.compile(rf"{WORD_START}(?:(giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|từ\s+năm|từ)\s+)?{_YEAR}\s*(?:-|đến|tới)\s*(?:năm\s+)?{_YEAR}")),
    ("year", re.compile(rf"{WORD_START}(năm|từ\s+năm|đến|tới|trước|sau|vào|cuối|hết|đầu)\s+{_YEAR}")),
]


def find_periods(text: str, default_year: int | None = None) -> list[Period]:
    """Every period printed in ``text``, in order, not overlapping."""
    if not _HAS_DIGIT.search(text):
        return []
    lowered = searchable(text)
    taken: list[tuple[int, int]] = []
    found: list[Period] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(lowered):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            period = _period(kind, match, default_year)
            if period is None:
                continue
            taken.append(match.span())
            found.append(period)
    return sorted(found, key=lambda period: period.start)


def parse_period(text: str, default_year: int | None = None) -> str | None:
    """The first deadline in ``text`` (not a "từ năm ..." starting point)."""
    for period in find_periods(text, default_year):
        if period.kind != "since":
            return period.period
    return None


def _period(kind: str, match: re.Match, default_year: int | None) -> Period | None:
    groups = match.groups()
    start, end = match.span()
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
        lead, first, last = groups
        if int(last) < int(first):
            return None
        return Period(last, start, end, kind="span")
    if kind == "year":
        lead, year = groups
        return Period(year, start, end, kind="since" if lead.startswith("từ") or lead == "sau" else "point")
    return None


def _with_year(year: str | None, default_year: int | None, suffix: str, start: int, end: int) -> Period | None:
    if year:
        return Period(year + suffix, start, end)
    if default_year is None:
        return None
    return Period(f"{default_year}{suffix}", start, end, year_given=False)


# --- recurrences ---------------------------------------------------------------------

_EVERY = r"(?:hằng|hàng|mỗi|từng|các)"
_RECURRENCES: list[tuple[str, re.Pattern]] = [
    ("semiannual", re.compile(
        rf"{WORD_START}(?:(?:định\s+kỳ|mỗi|hằng|hàng|sau)\s+)?(?:6|06|sáu)\s+tháng(?!\s+(?:đầu|cuối)\s+năm)(?:\s*(?:/|một)\s*lần)?{WORD_END}"
        rf"|{WORD_START}nửa\s+năm(?:\s+một\s+lần)?{WORD_END}|{WORD_START}(?:6|06)\s+tháng\s*/\s*lần"
    )),
    ("annual", re.compile(
        rf"{WORD_START}(?:{_EVERY}\s+năm|năm\s+nào\s+cũng|một\s+năm|định\s+kỳ\s+năm|trong\s+năm){WORD_END}"
        rf"|/\s*năm{WORD_END}"
    )),
    ("quarterly", re.compile(rf"{WORD_START}(?:{_EVERY}\s+quý|định\s+kỳ\s+quý){WORD_END}|/\s*quý{WORD_END}")),
    ("monthly", re.compile(rf"{WORD_START}(?:{_EVERY}\s+tháng){WORD_END}|/\s*tháng{WORD_END}")),
    ("weekly", re.compile(rf"{WORD_START}(?:{_EVERY}\s+tuần){WORD_END}|/\s*tuần{WORD_END}")),
]
# "trong năm 2021", "các năm 2021-2025" are periods, not recurrences.
_NOT_RECURRING_AFTER = re.compile(r"\s*(?:19|20|21)\d\d")


@dataclass(frozen=True)
class Recurrence:
    recurrence: str
    start: int
    end: int


def find_recurrences(text: str) -> list[Recurrence]:
    lowered = searchable(text)
    found: list[Recurrence] = []
    for recurrence, pattern in _RECURRENCES:
        for match in pattern.finditer(lowered):
            if _NOT_RECURRING_AFTER.match(lowered, match.end()):
                continue
            phrase = match.group().strip()
            if recurrence == "annual" and re.fullmatch(r"(?:trong|một|các)\s+năm", phrase):
                # "một năm ít nhất 02 lần" is a rate; "trong năm" alone is the current year.
                if phrase.startswith("trong") or phrase.startswith("các"):
                    continue
            if any(match.start() < r.end and r.start < match.end() for r in found):
                continue
            found.append(Recurrence(recurrence, match.start(), match.end()))
    return sorted(found, key=lambda r: r.start)


def parse_recurrence(text: str) -> str | None:
    found = find_recurrences(text)
    return found[0].recurrence if found else None
