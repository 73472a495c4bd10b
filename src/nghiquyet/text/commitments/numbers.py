"""Vietnamese numbers and the quantities written with them.

Vietnamese writes a decimal comma and a thousands dot ("31,7", "5.500",
"2.200.000"), keeps leading zeros ("03 huyện"), and mixes figures with years,
dates, document symbols ("109-NQ/TU"), section numbers ("1.1.") and legal
references ("Điều 5"). ``find_quantities`` returns only the figures that are
amounts: each with its range, unit and comparator ("trên 95%", "từ 14 đến
16%", "nhóm 15 tỉnh dẫn đầu").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nghiquyet.text.commitments.lexicon import LETTER, searchable, words_pattern

# --- single numbers ---------------------------------------------------------------

_DIGITS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?=\s*%)|\d+")

_UNITS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
    "lăm": 5, "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
_SCALES = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}


def parse_number(text: str) -> float | None:
    """The value of one number written in figures or in words, else None.

    >>> parse_number("31,7"), parse_number("5.500"), parse_number("03")
    (31.7, 5500.0, 3.0)
    >>> parse_number("hai mươi lăm")
    25.0
    """
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        return _parse_figures(text)
    return _parse_words(text)


def _parse_figures(text: str) -> float | None:
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}", text):
        return None
    if "," in text:
        whole, _, decimals = text.partition(",")
        return float(whole.replace(".", "") + "." + decimals)
    if re.fullmatch(r"\d+\.\d{1,2}", text):  # "12.5" before "%": a decimal point
        return float(text)
    return float(text.replace(".", ""))


def _parse_words(text: str) -> float | None:
    """Numbers in words: "mười", "hai mươi mốt", "một trăm", "ba nghìn năm trăm"."""
    words = searchable(text).split()
    total = 0
    group = 0  # the part below the current scale word
    last = None
    for word in words:
        if word in _UNITS:
            value = _UNITS[word]
            if last == "mươi" or last == "mười":
                group += value
            else:
                group = group * 10 + value if last in _UNITS else group + value
        elif word == "mười":
            group += 10
        elif word == "mươi":
            group = (group or 1) * 10 if group < 10 else group - group % 10 + (group % 10) * 10
        elif word == "trăm":
            group = (group or 1) * 100
        elif word in ("linh", "lẻ"):
            pass
        elif word in _SCALES:
            total += (group or 1) * _SCALES[word]
            group = 0
        else:
            return None
        last = word
    if last is None:
        return None
    return float(total + group)


# --- quantities in running text ---------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """An amount found in a text; offsets are into the text given to ``find_quantities``."""

    value: float
    value_max: float | None = None
    unit: str | None = None
    comparator: str = "eq"
    start: int = 0  # the whole expression, comparator words included
    end: int = 0
    number_start: int = 0  # the first figure
    per: str | None = None  # "năm" in "14-16%/năm", "vạn dân" in "giường/vạn dân"
    total: float | None = None  # 63 in "27/63 xã"
    rank: bool = False  # "nhóm 15 tỉnh dẫn đầu"


# A figure stands alone, or glued to a unit of measure ("18m", "18m2/người", "500ha").
_GLUED_UNIT = r"(?:m2|m3|km2|km|m|ha|kg|kw|mw|kwh|mwh)\b"
_NUMBER = re.compile(
    rf"(?<![\w.,/])(?:{_DIGITS.pattern})(?:(?![^\W\d_])|(?={_GLUED_UNIT}))"
)
# Words right before a figure that make it a label rather than an amount.
_LABEL_BEFORE = re.compile(
    words_pattern([
        "số", "điều", "khoản", "điểm", "chương", "mục", "phần", "tiết", "thứ", "khóa", "khoá",
        "mức độ", "loại", "tuyến", "quý", "tháng", "ngày", "phiên", "trang",
        "lớp", "hạng", "cấp", "đợt", "nghị định", "thông tư", "quyết định", "luật", "quy chuẩn",
        "giai đoạn", "nhiệm kỳ", "tầm nhìn", "quốc lộ", "tỉnh lộ", "level",
    ]) + r"\s*$"
)
_RANK_BEFORE = re.compile(words_pattern(["nhóm", "top", "tốp", "tốp đầu", "nhóm đầu"]) + r"\s*$")
_ORDINAL_RANK_BEFORE = re.compile(words_pattern(["xếp thứ", "đứng thứ", "xếp hạng thứ", "xếp hạng"]) + r"\s*$")
_RANK_AFTER = re.compile(
    r"^[^.;:()]{0,60}?" + words_pattern(["dẫn đầu", "đứng đầu", "hàng đầu", "cao nhất", "tốt nhất", "đầu cả nước"])
)
_RANK_PLACES = re.compile(r"\s*" + words_pattern(["tỉnh", "thành phố", "địa phương", "huyện", "đơn vị", "quốc gia", "nước", "trường", "doanh nghiệp"]))

_RANGE_TAIL = re.compile(r"\s*(?:%\s*)?(?:-|đến|tới)\s*(?=\d)")
_FRACTION_TAIL = re.compile(r"/(\d{1,5})(?![\d/])")
_DATE_LIKE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}/\d{4}(?!\d)")
_SYMBOL_TAIL = re.compile(r"\s?-\s?/?[A-ZĐ]{1,6}(?:/|\b)|/[A-ZĐ]|/\d{2,4}/")

_COMPARATOR_BEFORE = [
    ("approx", ["trên dưới", "khoảng", "xấp xỉ", "chừng", "gần", "ước"]),
    ("lte", ["không quá", "không vượt quá", "tối đa", "không cao hơn", "không lớn hơn",
             "giảm xuống còn", "giảm còn", "xuống còn", "còn", "nhiều nhất"]),
    ("gte", ["tối thiểu", "ít nhất", "không dưới", "không thấp hơn", "không ít hơn"]),
    ("lt", ["dưới", "thấp hơn", "nhỏ hơn", "ít hơn", "chưa đến", "chưa tới"]),
    ("gt", ["vượt trên", "vượt", "trên", "hơn", "cao hơn", "lớn hơn", "nhiều hơn"]),
]
_FILLERS = r"(?:\s+(?:đạt|có|là|từ|mức|ở\s+mức|bằng|ở)(?![^\W\d_]))*\s*$"
_COMPARATORS_BEFORE = [
    (kind, re.compile(words_pattern(words) + _FILLERS)) for kind, words in _COMPARATOR_BEFORE
]
_FROM_BEFORE = re.compile(r"(?<![^\W\d_])từ\s*$")
_AT_LEAST_AFTER = re.compile(r"\s*trở\s+lên")
_AT_MOST_AFTER = re.compile(r"\s*trở\s+xuống")

_PERCENT = re.compile(r"\s*(%|‰|phần\s+trăm|phần\s+nghìn|phần\s+ngàn)")
_PER = re.compile(r"\s*/\s*((?:\d+\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?)")
_SCALE_WORDS = re.compile(r"\s*((?:nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?:nghìn|ngàn|triệu|tỷ|tỉ))?)(?![^\W\d_])")
# Words that end a unit: verbs, prepositions, conjunctions, determiners.
_UNIT_STOP = {
    "đạt", "được", "có", "là", "và", "hoặc", "với", "của", "trong", "tại", "ở", "cho", "theo",
    "thuộc", "để", "từ", "đến", "tới", "trở", "lên", "xuống", "trên", "dưới", "khoảng", "so",
    "vào", "đã", "sẽ", "phải", "cần", "gắn", "làm", "mỗi", "các", "những", "này", "đó", "hằng",
    "hàng", "bình", "tăng", "giảm", "còn", "thì", "mà", "nhưng", "như", "về", "đều", "cùng",
    "sau", "trước", "khi", "nếu", "bằng", "qua", "đi", "ra", "đối", "hoàn", "tham", "tiếp",
    "thực", "xếp", "giữ", "duy", "đang", "do", "trực", "nằm", "ít", "tối", "quanh",
}
_CLASSIFIERS = {
    "khu", "cụm", "điểm", "hộ", "lượt", "tổ", "đơn", "cơ", "trường", "trung", "bệnh", "nhà", "chi", "đảng",
    "loại", "sân", "không",
}


def find_quantities(text: str) -> list[Quantity]:
    """Every amount written in figures in ``text``, in order."""
    lowered = searchable(text)
    found: list[Quantity] = []
    position = 0
    while True:
        match = _NUMBER.search(lowered, position)
        if not match:
            return found
        quantity, resume = _read_quantity(text, lowered, match)
        if quantity is not None:
            found.append(quantity)
        position = max(resume, match.end())


def _read_quantity(text: str, lowered: str, match: re.Match) -> tuple[Quantity | None, int]:
    start, end = match.span()
    figures = match.group()
    before = lowered[max(0, start - 40):start]
    after = lowered[end:end + 80]
    if _is_not_an_amount(text, lowered, start, end, figures, before, after):
        skip = _DATE_LIKE.match(lowered, start)
        return None, skip.end() if skip else end
    value = parse_number(figures)
    value_max = None
    total = None
    cursor = end
    range_tail = _RANGE_TAIL.match(lowered, cursor)
    if range_tail:
        second = _NUMBER.match(lowered, range_tail.end())
        if second and not _looks_like_year(second.group()):
            upper = parse_number(second.group())
            if upper is not None and value is not None and upper > value:
                value_max = upper
                cursor = second.end()
    if value_max is None:
        fraction = _FRACTION_TAIL.match(lowered, cursor)
        if fraction:
            denominator = parse_number(fraction.group(1))
            if denominator and value is not None and value <= denominator:
                total = denominator
                cursor = fraction.end()
    if value is None:
        return None, end
    unit, per, cursor = _read_unit(text, lowered, cursor)
    if total is not None and unit is None:
        return None, cursor  # "30/11" with no noun after it is a date, not a fraction
    if total is not None and value == 1 and re.search(r"t[ỷỉ]\s+lệ\s*$", before):
        return None, cursor  # "tỷ lệ 1/500": a map scale
    rank = False
    comparator = "eq"
    expression_start = start
    if _RANK_BEFORE.search(before) and (_RANK_AFTER.search(lowered[end:end + 80]) or _RANK_PLACES.match(lowered, end)):
        rank, unit, comparator = True, "hạng", "lte"
        expression_start = start - len(_RANK_BEFORE.search(before).group())
    elif _ORDINAL_RANK_BEFORE.search(before):
        rank, unit, comparator = True, "hạng", "eq"
        expression_start = start - len(_ORDINAL_RANK_BEFORE.search(before).group())
    else:
        comparator, expression_start = _comparator(lowered, start, cursor, value_max is not None)
        if value_max is not None:
            comparator = "eq"  # a range is its bounds: the contract's "14-15%" is eq 14..15
        if comparator in ("gte", "lte") and (_AT_LEAST_AFTER.match(lowered, cursor) or _AT_MOST_AFTER.match(lowered, cursor)):
            cursor = (_AT_LEAST_AFTER.match(lowered, cursor) or _AT_MOST_AFTER.match(lowered, cursor)).end()
    quantity = Quantity(
        value=value, value_max=value_max, unit=unit, comparator=comparator,
        start=expression_start, end=cursor, number_start=start, per=per, total=total, rank=rank,
    )
    return quantity, cursor


def _comparator(lowered: str, start: int, end: int, is_range: bool) -> tuple[str, int]:
    """The comparator of the figure at ``start`` (the expression ending at ``end``)."""
    before = lowered[max(0, start - 40):start]
    after_at_least = _AT_LEAST_AFTER.match(lowered, end)
    if after_at_least:
        return "gte", _expression_start(before, start)
    if _AT_MOST_AFTER.match(lowered, end):
        return "lte", _expression_start(before, start)
    for kind, pattern in _COMPARATORS_BEFORE:
        found = pattern.search(before)
        if found:
            return kind, start - len(found.group())
    if not is_range and _FROM_BEFORE.search(before) and not re.match(r"\s*(?:%\s*)?(?:[^\W\d_]+\s+){0,4}?(?:năm\s+\d{4}\s+)?lên\s", lowered[end:end + 60]):
        # "có từ 35% ..." means at least 35%; "từ 49,7% năm 2020 lên 60%" is a baseline.
        return "gte", start - len(_FROM_BEFORE.search(before).group())
    return "eq", start


def _expression_start(before: str, start: int) -> int:
    found = _FROM_BEFORE.search(before)
    return start - len(found.group()) if found else start


def _read_unit(text: str, lowered: str, cursor: int) -> tuple[str | None, str | None, int]:
    """The unit after a figure ("%", "tỷ đồng", "giường", "khu công nghiệp") and a rate base."""
    percent = _PERCENT.match(lowered, cursor)
    if percent:
        unit = "‰" if ("‰" in percent.group(1) or "nghìn" in percent.group(1) or "ngàn" in percent.group(1)) else "%"
        cursor = percent.end()
        per, cursor = _read_per(text, lowered, cursor)
        return unit, per, cursor
    scale = _SCALE_WORDS.match(lowered, cursor)
    words: list[str] = []
    if scale:
        words = scale.group(1).split()
        cursor = scale.end()
    nouns, cursor = _read_nouns(text, lowered, cursor, limit=3 if not words else 2)
    words += nouns
    if not words:
        return None, None, cursor
    per, cursor = _read_per(text, lowered, cursor)
    unit = " ".join(words)
    return unit, per, cursor


def _read_per(text: str, lowered: str, cursor: int) -> tuple[str | None, int]:
    per = _PER.match(lowered, cursor)
    if not per:
        return None, cursor
    words = per.group(1).split()
    kept = []
    for word in words:
        if word in _UNIT_STOP:
            break
        kept.append(word)
    if not kept:
        return None, cursor
    consumed = lowered.index(kept[-1], per.start(1)) + len(kept[-1])
    return " ".join(text[per.start(1):consumed].split()), consumed


_NOUN = re.compile(rf"\s*({_GLUED_UNIT})|\s+([^\W\d_]+)")


def _read_nouns(text: str, lowered: str, cursor: int, limit: int) -> tuple[list[str], int]:
    """Up to ``limit`` syllables of the noun after a figure, as printed."""
    words: list[str] = []
    ends: list[int] = []
    while len(words) < limit:
        noun = _NOUN.match(lowered, cursor)
        if not noun:
            break
        group = 1 if noun.group(1) else 2
        if group == 1 and words:
            break  # a unit of measure comes right after the figure
        printed = text[noun.start(group):noun.end(group)]
        if noun.group(group) in _UNIT_STOP:
            break
        if words and noun.group(group) in ("năm", "quý", "tháng") and re.match(r"\s*\d", lowered[noun.end():noun.end() + 3]):
            break  # "gấp 1,5 lần năm 2020": a period, not part of the unit
        if printed[0].isupper() and not printed.isupper():
            break  # a capitalised word begins a name: "03 Huyện ủy" is not a unit
        words.append(printed)
        cursor = noun.end()
        ends.append(cursor)
        if group == 1:
            break
    if len(words) == 3 and searchable(words[0]) not in _CLASSIFIERS:
        # Most nouns have one or two syllables; three when led by a classifier ("khu công nghiệp").
        words, cursor = words[:2], ends[1]
    return words, cursor


def _looks_like_year(figures: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20|21)\d\d", figures))


def _is_not_an_amount(text: str, lowered: str, start: int, end: int, figures: str, before: str, after: str) -> bool:
    if _looks_like_year(figures) and not re.match(r"\s*%", after):
        return True
    if _DATE_LIKE.match(lowered, start):
        return True
    if _SYMBOL_TAIL.match(text, end):
        return True  # "109-NQ/TU", "24/CT-TTg", "133/2020/QH14"
    if re.search(rf"{LETTER}\s?-\s?$", before[-3:]) or re.search(r"[^\W\d_]\d*[-.]$", before):
        return True  # "Covid-19", "H5N1", "QL.37"
    if after.startswith(".") and re.match(r"\.\d", after):
        return True  # "1.1" section numbers
    if _is_marker(lowered, start, end, after):
        return True
    if _LABEL_BEFORE.search(before) and not _RANK_BEFORE.search(before) and not _PERCENT.match(after):
        return True
    if _names_it(text, start) and not _PERCENT.match(after):
        return True
    if re.match(r"\s*(?:[-/]\s*)?(?:19|20)\d\d(?!\d)", after) and re.search(r"(?:năm|quý|tháng|giai đoạn|nhiệm kỳ|thời kỳ)\s*$", before):
        return True
    return False


def _names_it(text: str, start: int) -> bool:
    """A figure inside a proper name: "Nghị quyết Trung ương 4", "Khu công nghiệp Quang Châu 2"."""
    before = text[max(0, start - 40):start]
    words = re.search(r"([^\W\d_]+)\s+(?:([^\W\d_]+)\s+)?$", before)
    if not words:
        return False
    name = [w for w in words.groups() if w]
    if not any(w[0].isupper() and not w.isupper() for w in name):
        return False
    preceding = before[:words.start()].rstrip()
    return bool(preceding) and preceding[-1] not in ".:;!?(\n-+*" and not preceding[-1].isdigit()


def _is_marker(lowered: str, start: int, end: int, after: str) -> bool:
    """A list marker: "1." or "2)" at the start of a line, "(3)" anywhere."""
    line_start = lowered.rfind("\n", 0, start) + 1
    if not lowered[line_start:start].strip(" \t(") and re.match(r"[.)\-]\s|[.)]$|\.$", after + " "):
        return True
    return start > 0 and lowered[start - 1] == "(" and after.startswith(")")
