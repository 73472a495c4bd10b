"""The shapes of things printed in leadership documents, shared by every reading step.

Document symbols (Party "109-NQ/TU", state "24/CT-TTg", "107/2020/NĐ-CP"),
dates, type words ("Nghị quyết", "CHỈ THỊ"), header and closing lines
("ĐẢNG CỘNG SẢN VIỆT NAM", "Số ...", "T/M BAN THƯỜNG VỤ", "Nơi nhận:").
Everything here works on one normalised line (see ``normalize.repair_line``)
or on running text, and knows nothing about a particular province or file.
"""

from __future__ import annotations

import re
from datetime import date

from nghiquyet.text.normalize import match_key

UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

# Party symbols: NUMBER-TYPE/ISSUER ("109-NQ/TU", "03-CTr/TU", "59-BC/BTCTU",
# "05-NQ/ThU"); state symbols: NUMBER[/YEAR]/TYPE-ISSUER ("24/CT-TTg",
# "107/2020/NĐ-CP", "04/2021/NQ-HĐND", "212/KH-UBND").
_CODE = rf"[{UPPER}][{UPPER}{LOWER}0-9&]*"
PARTY_SYMBOL = rf"\d{{1,5}}-{_CODE}(?:-{_CODE})?/{_CODE}(?:-{_CODE})*"
STATE_SYMBOL = rf"\d{{1,5}}(?:/\d{{4}})?/{_CODE}(?:-{_CODE})+|\d{{1,5}}/\d{{4}}/{_CODE}"
SYMBOL = rf"(?<![\w/-])(?:{PARTY_SYMBOL}|{STATE_SYMBOL})(?![\w/])"
SYMBOL_RE = re.compile(SYMBOL)
# In a header the number may be printed with spaces: "Số 03 - CTr/TU", "Số: 24 /CT-TTg".
_LOOSE_SYMBOL = rf"\d{{1,5}}(?:\s*/\s*\d{{4}})?\s*[-/]\s*{_CODE}(?:\s*[-/]\s*{_CODE})+"
# "Số" with a capital: a wrapped sentence may begin with "số 15/CT-TTg".
SYMBOL_LINE_RE = re.compile(rf"^(?:Số|SỐ)\s*:?\s*(?P<symbol>{_LOOSE_SYMBOL})")

# "ngày 04 tháng12 năm 2020", "ngày 22/12/2024", "ngày 5-3-2021".
DATE_WORDS = r"ngày\s*(?P<day>\d{1,2})\s*tháng\s*(?P<month>\d{1,2})\s*năm\s*(?P<year>\d{4})"
DATE_NUMBERS = r"(?P<nday>\d{1,2})\s*[/.-]\s*(?P<nmonth>\d{1,2})\s*[/.-]\s*(?P<nyear>\d{4})"
DATE_RE = re.compile(rf"{DATE_WORDS}|(?:ngày\s*)?{DATE_NUMBERS}", re.IGNORECASE)
# The place and date line under the motto: "Bắc Giang, ngày 04 tháng12 năm 2020".
# The date under the motto, in words or (less often) in figures: "ngày 04 tháng12 năm 2020", "ngày 04/12/2020".
HEADER_DATE = rf"(?:{DATE_WORDS}|ngày\s*{DATE_NUMBERS})"
PLACE = r"(?P<place>[^\d,;:.()]{2,40}?)"
PLACE_DATE_RE = re.compile(rf"^(?:{PLACE}\s*,\s*)?{HEADER_DATE}\s*\.?$", re.IGNORECASE)

# Type words, longest first so "Chương trình hành động" wins over "Chương trình".
KIND_WORDS = {
    "chương trình hành động": "chuong_trinh",
    "chương trình": "chuong_trinh",
    "thông báo kết luận": "thong_bao",
    "nghị quyết": "nghi_quyet",
    "chỉ thị": "chi_thi",
    "kết luận": "ket_luan",
    "kế hoạch": "ke_hoach",
    "quyết định": "quyet_dinh",
    "quy định": "quy_dinh",
    "quy chế": "quy_che",
    "hướng dẫn": "huong_dan",
    "đề án": "de_an",
    "báo cáo": "bao_cao",
    "thông báo": "thong_bao",
    "công văn": "cong_van",
    "thông tri": "khac",
    "tờ trình": "khac",
    "nghị định": "khac",
    "thông tư": "khac",
    "luật": "khac",
}
_KIND_KEYS = {match_key(word): kind for word, kind in KIND_WORDS.items()}
KIND_WORD_PATTERN = "|".join(
    sorted((re.escape(word) for word in KIND_WORDS), key=len, reverse=True)
)
KIND_WORD_RE = re.compile(rf"(?<!\w)(?:{KIND_WORD_PATTERN})(?!\w)", re.IGNORECASE)

# The type part of a symbol: "NQ" in 109-NQ/TU, "CT" in 24/CT-TTg.
SYMBOL_TYPES = {
    "NQ": "nghi_quyet",
    "CT": "chi_thi",
    "KL": "ket_luan",
    "KH": "ke_hoach",
    "CTR": "chuong_trinh",
    "QĐ": "quyet_dinh",
    "QĐI": "quy_dinh",
    "QC": "quy_che",
    "HD": "huong_dan",
    "ĐA": "de_an",
    "BC": "bao_cao",
    "TB": "thong_bao",
    "CV": "cong_van",
    "TTR": "khac",
    "NĐ": "khac",
    "TT": "khac",
}
# Party style uses QĐ for both quyết định and quy định: only the text can tell.
AMBIGUOUS_TYPES = {"QĐ"}

MOTTO_KEYS = ("đảng cộng sản việt nam", "cộng hòa xã hội chủ nghĩa việt nam")
MOTTO_KEYS = tuple(match_key(text) for text in MOTTO_KEYS)
SLOGAN_KEY = match_key("độc lập - tự do - hạnh phúc")

# Closing: "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "K/T BÍ THƯ", "T/L", "TUQ.".
SIGNATURE_RE = re.compile(
    r"^(?P<mode>T\s*[/.]\s*M|TM|K\s*[/.]\s*T|KT|T\s*[/.]\s*L|TL|TUQ|Q)"
    r"(?P<mark>\s*[./:]\s*|\s+)(?P<rest>\S.*)$"
)
ORG_MODES = {"TM", "TL", "TUQ"}  # the line names the issuing body; K/T and Q. name a post
SIGNED_RE = re.compile(
    r"^\(?\s*(?:đã ký|ký|ký tên[^)]*|ký, ghi rõ họ tên|đã ký và đóng dấu)\s*\)?\.?$", re.IGNORECASE
)
RECIPIENTS_RE = re.compile(r"^Nơi\s+nhận\s*:?", re.IGNORECASE)
SEPARATOR_RE = re.compile(r"^[-_*=.~–—\s]{3,}$|^\*$")
# "13", "- 13 -", "Trang 13", "13/40": a page number alone on its line.
PAGE_NUMBER_RE = re.compile(
    r"^(?:-\s*)?\d{1,4}(?:\s*-)?$|^(?:Trang\s+)?\d{1,4}\s*/\s*\d{1,4}$|^Trang\s+\d{1,4}$", re.IGNORECASE
)
_SECRET_WORDS = "tuyệt mật|tối mật|mật|tài liệu mật"
_URGENT_WORDS = "thượng khẩn|khẩn|hỏa tốc|hoả tốc"


def _mark_line(words: str) -> re.Pattern:
    return re.compile(rf"^[(\[]?\s*(?:{words})\s*[)\]]?\.?$", re.IGNORECASE)


SECRET_RE = _mark_line(_SECRET_WORDS)
HEADER_MARK_RE = _mark_line(f"{_SECRET_WORDS}|{_URGENT_WORDS}")  # printed beside the number
ANNOTATION_RE = re.compile(r"^\([^()]{1,40}\)[,.;]?$")
# Posts that close a document: "BÍ THƯ", "PHÓ BÍ THƯ", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG".
POST_RE = re.compile(
    r"^(?:PHÓ\s+)?(?:BÍ THƯ|CHỦ TỊCH|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|CHỦ NHIỆM|GIÁM ĐỐC|"
    r"THỦ TƯỚNG|BỘ TRƯỞNG|TỔNG BÍ THƯ|CHÁNH ÁN|VIỆN TRƯỞNG|HIỆU TRƯỞNG|TRƯỞNG|THƯỜNG TRỰC)\b"
)


def kind_of_word(word: str) -> str | None:
    """The DOCUMENT_KINDS code of a type word printed in any case ("NGHỊ QUYẾT")."""
    return _KIND_KEYS.get(match_key(word))


def symbol_type(symbol: str) -> str:
    """The type code of a symbol, upper-cased: "NQ" for 109-NQ/TU, "CT" for 24/CT-TTg."""
    if re.match(r"^\d+-", symbol):  # Party: NUMBER-TYPE/ISSUER
        return symbol.split("-", 1)[1].split("/", 1)[0].split("-")[0].upper()
    parts = symbol.split("/")
    return parts[-1].split("-")[0].upper()


def kind_of_symbol(symbol: str) -> str | None:
    return SYMBOL_TYPES.get(symbol_type(symbol))


def clean_symbol(text: str) -> str:
    """A symbol as printed, without the spaces a header may put inside it."""
    return re.sub(r"\s+", "", text)


def parse_date(match: re.Match) -> date | None:
    """The date of a DATE_RE / PLACE_DATE_RE match, or None when it is not a real day."""
    groups = match.groupdict()
    day = groups.get("day") or groups.get("nday")
    month = groups.get("month") or groups.get("nmonth")
    year = groups.get("year") or groups.get("nyear")
    try:
        return date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def is_caps(text: str) -> bool:
    """True for a line printed in capitals."""
    return len(text) >= 2 and text.isupper()


def is_motto(text: str) -> bool:
    if not is_caps(text) or "VIỆT NAM" not in text:
        return False
    key = match_key(text)
    return any(motto in key for motto in MOTTO_KEYS)


_SLOGAN_START = re.compile(r"^(?:độc|Độc|ĐỘC)\s*(?:lập|LẬP)")


def is_slogan(text: str) -> bool:
    return bool(_SLOGAN_START.match(text)) and match_key(text).startswith(SLOGAN_KEY)


def title_kind(text: str) -> str | None:
    """The kind announced by a title line in capitals: "NGHỊ QUYẾT", "KẾT LUẬN CỦA ...".

    Only whole type words count, alone or followed by "CỦA ..." / "SỐ ...",
    so a heading such as "KẾ HOẠCH THỰC HIỆN" inside a body is not taken.
    """
    if not is_caps(text):
        return None
    head = re.split(r"\s+(?:CỦA|SỐ|SỐ:)\s+", text.strip(), maxsplit=1)[0]
    return kind_of_word(head.strip(" .:"))


# --- What a line is ------------------------------------------------------------

# Outline markers at the start of a paragraph: "Chương I", "Điều 5.", "I-", "II.", "1.", "1.1.",
# "2.1.3", "a)", "(1)", "-", "+".
MARKER_RE = re.compile(
    r"^(?:(?P<chapter>(?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC)\s+(?:[IVXL]{1,5}|\d{1,2}))\b[.:]?\s*"
    r"|(?P<article>(?:Điều|ĐIỀU)\s+\d{1,3})\s*[.:]\s*"
    r"|(?P<roman>[IVXL]{1,5})\s*[.\-)]\s*(?=\S)"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=\s)"
    r"|(?P<number>\d{1,2})\s*[.)](?!\d)\s*(?=\S)|(?P<number_dash>\d{1,2})\s*-\s+(?=\S)"
    r"|(?P<letter>[a-zđ])\s*\)\s*(?=\S)"
    r"|\((?P<paren>\d{1,2}|[a-zđ])\)\s*(?=\S)"
    r"|(?P<bullet>[-+•*])\s*(?=\S))"
)
_SENTENCE_END = (".", "!", "?", ":", ";", "…", '."', '.")', "./.", ".'")
_PLACE_DATE_TAIL = re.compile(rf",\s*{HEADER_DATE}\s*\.?$", re.IGNORECASE)


_HEADER_STARTS = ("Số", "SỐ", "Độc", "ĐỘC", "độc")
_MOTTO_IN_LINE = re.compile(r"(?:ĐẢNG CỘNG SẢN|CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA) VIỆT NAM")
_SLOGAN_IN_LINE = re.compile(r"(?:Độc|ĐỘC|độc)\s*(?:lập|LẬP)\s*-")


def header_columns(text: str) -> tuple[str, str]:
    """A header row holding both columns, as a PDF text layer or a table export gives it.

    "THÀNH ỦY BẮC GIANG Bắc Giang, ngày 12 tháng 4 năm 2022" → ("THÀNH ỦY BẮC
    GIANG", "Bắc Giang, ngày ..."); "XÃ TAM GIANG Độc lập - Tự do - Hạnh phúc"
    and "TỈNH ỦY BẮC GIANG ĐẢNG CỘNG SẢN VIỆT NAM" likewise. The left column
    (the issuer) is in capitals; a row that is not two columns is returned whole.
    """
    motto = _MOTTO_IN_LINE.search(text)
    if motto:
        return text[: motto.start()].strip(), text[motto.start() :]
    words = text.split(" ")
    caps = 0
    while caps < len(words) and not any(char.islower() for char in words[caps]):
        caps += 1
    left, right = " ".join(words[:caps]), " ".join(words[caps:])
    if caps and right and (_SLOGAN_IN_LINE.match(right) or PLACE_DATE_RE.match(right)):
        return left, right
    return text, ""


def header_line_kind(text: str) -> str | None:
    """ "symbol", "motto", "slogan" or "date" for the lines that only a header has."""
    if not (text.startswith(_HEADER_STARTS) or "ngày" in text or text.isupper() or "ộc" in text):
        return None  # most lines: a cheap test first
    symbol = SYMBOL_LINE_RE.match(text)
    if symbol and _header_rest(text[symbol.end() :]):
        return "symbol"
    if is_motto(text):
        return "motto"
    if is_slogan(text):
        return "slogan"
    if PLACE_DATE_RE.match(text):
        return "date"
    if not text.split(" ", 1)[0].isupper():
        return None
    right = header_columns(text)[1]  # "XÃ TAM GIANG Độc lập - Tự do - Hạnh phúc"
    return header_line_kind(right) if right else None


def _header_rest(rest: str) -> bool:
    """After the number, a header line holds nothing, or the place and date ("Số 03-CTr/TU Bắc Giang, ngày ...").

    A sentence that happens to begin "Số 12-NQ/TU ngày 10/3/2022 của ..." is not a header.
    """
    rest = rest.strip(" .,;")
    return len(rest) < 12 or bool(_PLACE_DATE_TAIL.search(rest))


def is_signature(text: str) -> bool:
    """ "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "TM. ỦY BAN NHÂN DÂN"; typed in sentence case with a
    slash or a dot ("T/M Ban Thường vụ", "K/T Bí thư")."""
    match = SIGNATURE_RE.match(text)
    if not match or len(text) >= 80:
        return False
    rest = match["rest"]
    marked = "/" in match["mode"] or "." in match["mode"] + match["mark"]
    return is_caps(rest) or marked and rest[0].isupper() and len(rest.split()) <= 6 and "," not in rest


def is_closing_post(text: str) -> bool:
    """A post under a signature line, in capitals or typed in sentence case ("Phó Bí thư")."""
    return is_post(text) or len(text.split()) <= 6 and is_post(text.upper())


# A signing capacity inside a line: the right column of a closing row ("Nơi nhận: T/M ...").
_MODE_INSIDE = re.compile(r"\s(?:T\s*[/.]\s*[ML]|K\s*[/.]\s*T|TM|KT|TL|TUQ)(?:\s*[./:]\s*|\s+)\S")


def closing_columns(text: str, signing: bool = False) -> tuple[str, str | None]:
    """A closing row holding both columns, as a PDF text layer gives it: (recipients side,
    signature side). "Nơi nhận: T/M BAN THƯỜNG VỤ" → ("Nơi nhận:", "T/M BAN THƯỜNG VỤ"),
    "- Lưu Văn phòng, PHÓ BÍ THƯ" → ("- Lưu Văn phòng,", "PHÓ BÍ THƯ"). Once the signature
    column has begun (``signing``), a post typed in sentence case counts too ("- Lưu VP. Bí thư").
    """
    if not (text[:1] in ("-", "+", "•") or text[:1] in "Nn" and RECIPIENTS_RE.match(text)):
        return text, None  # most lines: a cheap test first
    words = text.split(" ")
    if len(words) < 2:
        return text, None
    if words[-1].isupper() or _MODE_INSIDE.search(text):
        for index in range(1, len(words)):
            right = " ".join(words[index:])
            if is_signature(right) or is_caps(right) and is_post(right):
                return " ".join(words[:index]), right
    if signing:
        for index in range(max(1, len(words) - 4), len(words)):
            left, right = " ".join(words[:index]), " ".join(words[index:])
            if left.endswith((".", ",", ";", ")")) and is_closing_post(right):
                return left, right
    return text, None


def signs(text: str) -> bool:
    """A signature line ("T/M BAN THƯỜNG VỤ"), alone or as the right column of a closing row."""
    if is_signature(text):
        return True
    listed = text[:1] in ("-", "+", "•", "N", "n")  # a list item or "Nơi nhận:"
    return listed and bool(_MODE_INSIDE.search(text)) and is_signature(closing_columns(text)[1] or "")


def is_post(text: str) -> bool:
    return len(text) < 60 and bool(POST_RE.match(text))


def is_person_name(text: str) -> bool:
    """ "Dương Văn Thái", "LÊ THỊ THU HỒNG": two to six capitalised words, letters only."""
    words = text.split()
    if not 2 <= len(words) <= 6 or not all(word.isalpha() for word in words):
        return False
    return is_caps(text) or all(word[0].isupper() for word in words)


def ends_sentence(text: str) -> bool:
    return text.endswith(_SENTENCE_END)
