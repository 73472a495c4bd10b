"""Metadata of one document, read from its header, title block, closing and body.

- symbol: from "Số ..." in the header, as printed, spaces removed ("03-CTr/TU").
- issued_on and place: "Bắc Giang, ngày 04 tháng12 năm 2020".
- kind: the title block's type word, else the symbol's type code, else what
  the text calls itself ("Nghị quyết này"), else the table of contents.
  (Party symbols use "QĐ" for quyết định and quy định alike: the text decides.)
- title: the subject of the title block as one line, beginning with "về"
  (written "về" when printed "Về", added when the block has none, as tables
  of contents do: "về thực hiện Nghị quyết ..."); "V/v" becomes "về việc".
- issuer: the body the signature acts for ("T/M BAN THƯỜNG VỤ" → "Ban Thường
  vụ Tỉnh ủy", the committee named by the header's issuer block), else
  the title block ("CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" → "Tỉnh ủy"), else the
  table of contents, else the header's committee.
- signer, signer_position: the name under the post ("PHÓ BÍ THƯ" → "Phó Bí
  thư"); null when not printed.
- recipients: the "Nơi nhận" items, margin notes such as "(báo cáo)" removed.
- secret: a "MẬT" mark in the header (or the table of contents says so).
- dissemination: "Nghị quyết phổ biến đến chi bộ" → "chi bộ"; "phổ biến rộng rãi" → "rộng rãi".
"""

from __future__ import annotations

import re
from collections import Counter

from nghiquyet.text.contents import ContentsEntry, subject_normal_form
from nghiquyet.text.layout import Anatomy, join_wrapped
from nghiquyet.text.model import ParsedDocument
from nghiquyet.text.normalize import match_key
from nghiquyet.text.patterns import (
    AMBIGUOUS_TYPES,
    ANNOTATION_RE,
    HEADER_DATE,
    HEADER_MARK_RE,
    KIND_WORD_PATTERN,
    ORG_MODES,
    PLACE,
    RECIPIENTS_RE,
    SECRET_RE,
    SIGNATURE_RE,
    SIGNED_RE,
    SYMBOL_LINE_RE,
    clean_symbol,
    is_caps,
    is_motto,
    is_person_name,
    is_post,
    is_signature,
    is_slogan,
    kind_of_symbol,
    kind_of_word,
    parse_date,
    symbol_type,
    title_kind,
)
from nghiquyet.text.source import SourceLines

_PLACE_DATE_SEARCH = re.compile(rf"(?:{PLACE}\s*,\s*)?{HEADER_DATE}", re.IGNORECASE)
_SELF_REFERENCE = re.compile(rf"(?<!\w)(?P<kind>{KIND_WORD_PATTERN})\s+này\b", re.IGNORECASE)
# A sentence of its own, naming the document: "Nghị quyết này được phổ biến đến chi bộ./."
_DISSEMINATION = re.compile(
    rf"(?:^|(?<=[.!?;:])\s+)(?i:{KIND_WORD_PATTERN})(?:\s+này)?\s+(?:được\s+)?phổ biến\s+"
    r"(?:(?:đến|tới)\s+(?P<scope>[^.;!?\n]+?)|(?P<wide>rộng rãi)\b)\s*(?:\./\.|[.;!]|$)",
    re.MULTILINE,
)
# "đến chi bộ để quán triệt ...": the scope is "chi bộ".
_PURPOSE = re.compile(r"\s+(?:để|nhằm|và tuyên truyền)\s+")
_COMMITTEE_RE = re.compile(
    r"\b(TỈNH|HUYỆN|THÀNH|THỊ|QUẬN|ĐẢNG|CHI)\s+ỦY\b|\bCHI BỘ\b", re.IGNORECASE
)
_STATE_BODY_RE = re.compile(
    r"(?P<body>ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)"
    r"\s*(?P<level>TỈNH|HUYỆN|XÃ|THÀNH PHỐ|THỊ XÃ|QUẬN|PHƯỜNG|THỊ TRẤN)?",
    re.IGNORECASE,
)
_MOTTO_TAIL = re.compile(r"\s*(?:ĐẢNG CỘNG SẢN|CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA) VIỆT NAM.*$")
_ORGAN_RE = re.compile(
    r"^(?:BAN|VĂN PHÒNG|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA|ĐẢNG ĐOÀN|TRƯỜNG CHÍNH TRỊ)\b"
)
_ROMAN = re.compile(r"^[IVXLC]+[,.;:]?$")
_OFFICE_IN_TEXT = re.compile(r"Văn phòng (Tỉnh|Huyện|Thành|Thị|Quận|Đảng) ủy")
# Capitalisation of the parts of body names, as Vietnamese writes them.
_NAME_PARTS = (
    "Ban Thường vụ",
    "Ban Chấp hành",
    "Thường trực",
    "Ban cán sự đảng",
    "Đảng đoàn",
    "Đảng bộ",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Kiểm tra",
    "Ủy ban Mặt trận Tổ quốc",
    "Văn phòng",
    "Trường Chính trị",
    "Đoàn Chủ tịch",
    "Ban Tổ chức",
    "Ban Tuyên giáo",
    "Ban Dân vận",
    "Ban Nội chính",
    "Ban Kinh tế",
    "Ban Bí thư",
    "Bộ Chính trị",
    "Chính phủ",
    "Thủ tướng",
    "Tỉnh ủy",
    "Huyện ủy",
    "Thành ủy",
    "Thị ủy",
    "Quận ủy",
    "Đảng ủy",
    "Chi ủy",
    "Chi bộ",
)
_NAME_PARTS_BY_KEY = {match_key(part): part for part in _NAME_PARTS}
_POST_WORDS = {"văn phòng": "Văn phòng", "thường trực": "Thường trực"}


def read_metadata(document: ParsedDocument, source: SourceLines, parts: Anatomy) -> None:
    header = [source.text[i] for i in parts.lines(source, "header")]
    title = [source.text[i] for i in parts.lines(source, "title")]
    closing = [source.text[i] for i in parts.lines(source, "signature")]
    recipients = [source.text[i] for i in parts.lines(source, "recipients")]
    document.symbol = _symbol(header)
    document.place, document.issued_on = _place_and_date(header)
    issuer_lines = _issuer_lines(header)
    document.issuer_block = " ".join(issuer_lines) or None
    document.title = _title(title)
    document.kind = _kind(title, document.symbol, document.body.text)
    document.recipients = _recipients(recipients)
    committee, body = _header_bodies(issuer_lines)
    committee = committee or _committee_from_text(" ".join(recipients) + "\n" + document.body.text)
    document.issuer = _issuer(closing, title, committee, body or committee)
    document.signer_position, document.signer = _signer(closing)
    document.secret = any(SECRET_RE.match(line) for line in header + title)
    document.dissemination = _dissemination(document.body.text)


def apply_contents(document: ParsedDocument, entry: ContentsEntry) -> None:
    """Fill what the document itself does not say from its table-of-contents entry."""
    document.title = document.title or entry.title
    document.symbol = document.symbol or entry.symbol
    document.issued_on = document.issued_on or entry.issued_on
    if document.kind == "khac" and entry.kind:
        document.kind = entry.kind
    if document.issuer is None and entry.issuer:
        document.issuer = organisation_name(entry.issuer)
    if entry.note and "mật" in entry.note.lower():
        document.secret = True


def _symbol(header: list[str]) -> str | None:
    for line in header:
        match = SYMBOL_LINE_RE.match(line)
        if match:
            return clean_symbol(match["symbol"])
    return None


def _place_and_date(header: list[str]):
    for line in header:
        match = _PLACE_DATE_SEARCH.search(line)
        if match and parse_date(match):
            return _place(match["place"] or ""), parse_date(match)
    return None, None


def _place(text: str) -> str | None:
    """ "Bắc Giang"; from a merged line ("* Bắc Giang", "-CTr/TU Bắc Giang") the trailing proper name."""
    words = text.split()
    if all(word[:1].isupper() and not word.isupper() or word.islower() for word in words):
        return " ".join(words) or None
    tail: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() and word[1:].islower()):
            break
        tail.insert(0, word)
    return " ".join(tail) or None


def _issuer_lines(header: list[str]) -> list[str]:
    """The issuing body as the header prints it: ["ĐẢNG BỘ TỈNH THÁI NGUYÊN", "HUYỆN ỦY ĐẠI TỪ"]."""
    lines = []
    for line in header:
        if SYMBOL_LINE_RE.match(line) or line == "*" or is_slogan(line) or HEADER_MARK_RE.match(line):
            break
        line = _MOTTO_TAIL.sub("", line)  # "TỈNH ỦY BẮC GIANG ĐẢNG CỘNG SẢN VIỆT NAM" on one line
        if line and is_caps(line) and not is_motto(line):
            lines.append(line)
    return lines


def _title(title: list[str]) -> str | None:
    subject = [
        line
        for line in title
        if not title_kind(line) and not (is_caps(line) and line.startswith("CỦA"))
    ]
    subject = [line for line in subject if not re.fullmatch(r"[-_*=.~\s]+", line)]
    text = join_wrapped(subject)
    if is_caps(
        text
    ):  # "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XIX": as it would be written in a sentence
        text = organisation_name(text)
    return subject_normal_form(text) if text else None


def _kind(title: list[str], symbol: str | None, body: str) -> str:
    for line in title:
        kind = title_kind(line)
        if kind:
            return kind
    if title and title[0].startswith(("V/v", "V/V", "v/v")):
        return "cong_van"
    self_named = Counter(
        kind_of_word(match["kind"]) for match in _SELF_REFERENCE.finditer(body)
    ).most_common(1)
    if symbol and kind_of_symbol(symbol) and symbol_type(symbol) not in AMBIGUOUS_TYPES:
        return kind_of_symbol(symbol)
    if self_named:
        return self_named[0][0]
    return kind_of_symbol(symbol) if symbol and kind_of_symbol(symbol) else "khac"


def _recipients(lines: list[str]) -> list[str]:
    items: list[list[str]] = []
    for line in lines:
        line = RECIPIENTS_RE.sub("", line).strip()
        if not line or ANNOTATION_RE.match(line):
            continue
        if line[0] in "-+•" or not items:
            items.append([line.lstrip("-+• ")])
        else:
            items[-1].append(line)
    cleaned = []
    for item in items:
        text = re.sub(r"\s*\([^()]*\)\s*[,.;]?\s*$", "", join_wrapped(item))
        text = text.strip(" ,.;")
        if text:
            cleaned.append(text)
    return cleaned


def _header_bodies(issuer_lines: list[str]) -> tuple[str | None, str | None]:
    """The Party committee and the issuing body named by the header.

    "TỈNH ỦY BẮC GIANG" → ("Tỉnh ủy", "Tỉnh ủy"); "TỈNH ỦY BẮC GIANG / BAN TỔ
    CHỨC" → ("Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"); "ỦY BAN NHÂN DÂN / TỈNH BẮC
    NINH" → the state body "Ủy ban nhân dân tỉnh" for both.
    """
    state = _STATE_BODY_RE.search(" ".join(issuer_lines))
    if state:
        body = _state_body(state)
        return body, body
    committee = None
    for line in issuer_lines:
        found = _COMMITTEE_RE.search(line)
        if found:
            committee = organisation_name(found.group())
    last = issuer_lines[-1] if issuer_lines else ""
    if committee and _ORGAN_RE.match(last) and not _COMMITTEE_RE.search(last):
        return committee, f"{organisation_name(last)} {committee}"
    return committee, committee


def _committee_from_text(text: str) -> str | None:
    """Without a header: the committee whose office files the document ("Lưu Văn phòng Tỉnh ủy")."""
    offices = Counter(match.group(1) for match in _OFFICE_IN_TEXT.finditer(text)).most_common(1)
    return f"{offices[0][0]} ủy" if offices else None


def _state_body(match: re.Match) -> str:
    body = (
        "Ủy ban nhân dân"
        if match["body"].upper() in ("ỦY BAN NHÂN DÂN", "UBND")
        else "Hội đồng nhân dân"
    )
    return f"{body} {match['level'].lower()}" if match["level"] else body


def _issuer(
    closing: list[str], title: list[str], committee: str | None, body: str | None
) -> str | None:
    """The body the signature acts for, else the title block's "CỦA ...", else the header's body."""
    for line in closing:
        match = SIGNATURE_RE.match(line)
        if match and re.sub(r"[\s/.]", "", match["mode"]) in ORG_MODES:
            return _acting_body(match["rest"], committee)
    for line in title:
        if is_caps(line) and line.startswith("CỦA "):
            return _acting_body(line[4:], committee)
    return body


def _acting_body(text: str, committee: str | None) -> str:
    """The body a signature acts for, named in full: "BAN THƯỜNG VỤ" → "Ban Thường vụ Tỉnh ủy"."""
    key = match_key(text)
    state = _STATE_BODY_RE.match(text)
    if state:
        named = _state_body(state)
        return (
            named
            if state["level"] or not committee or not committee.startswith(named)
            else committee
        )
    named = _COMMITTEE_RE.search(text)
    for head in ("ban thường vụ", "thường trực"):
        if key.startswith(match_key(head)):
            rest = organisation_name(named.group()) if named else committee
            return (
                f"{_NAME_PARTS_BY_KEY[match_key(head)]} {rest}" if rest else organisation_name(text)
            )
    if key.startswith(match_key("ban chấp hành")):
        party = re.search(r"ĐẢNG BỘ\s+(TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN)", text, re.IGNORECASE)
        if party:
            return {"tỉnh": "Tỉnh ủy", "huyện": "Huyện ủy", "thành phố": "Thành ủy"}.get(
                party.group(1).lower(), "Đảng ủy"
            )
        return committee or organisation_name(text)
    if named:
        return organisation_name(named.group())
    return organisation_name(text)


def organisation_name(text: str) -> str:
    """A name in capitals written the Vietnamese way: "BAN THƯỜNG VỤ TỈNH ỦY" → "Ban Thường vụ Tỉnh ủy".

    Known parts of body names keep their capitals, Roman numerals stay upper
    case, other words are lower-cased; the first letter is a capital.
    """
    words = text.split()
    out: list[str] = []
    index = 0
    while index < len(words):
        for size in (5, 4, 3, 2):
            part = _NAME_PARTS_BY_KEY.get(match_key(" ".join(words[index : index + size])))
            if part:
                out.append(part)
                index += size
                break
        else:
            word = words[index]
            out.append(word if _ROMAN.match(word) or not word.isupper() else word.lower())
            index += 1
    name = " ".join(out)
    return name[:1].upper() + name[1:]


def _signer(closing: list[str]) -> tuple[str | None, str | None]:
    """The signer's post and name; the post is the line under the last "T/M" or "K/T" line."""
    post, name = None, None
    for line in closing:
        if RECIPIENTS_RE.match(line) or (line[:1] in "-+•"):
            continue
        if is_signature(line):
            match = SIGNATURE_RE.match(line)
            mode = re.sub(r"[\s/.]", "", match["mode"])
            if mode not in ORG_MODES and is_post(match["rest"]):
                post = match["rest"]  # "K/T BÍ THƯ" until the line under it names the post
            continue
        if SIGNED_RE.match(line) or ANNOTATION_RE.match(line):
            continue
        if is_post(line) and name is None:
            post = line
        elif is_person_name(line) and name is None:
            name = line.title() if is_caps(line) else line
    return (post_name(post) if post else None), name


def post_name(text: str) -> str:
    """ "PHÓ BÍ THƯ" → "Phó Bí thư", "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng"."""
    words = text.lower().split()
    if words and words[0] in ("phó", "tổng") and len(words) > 1:  # "Phó Bí thư", "Tổng Bí thư"
        words[1] = words[1].capitalize()
    text = " ".join(words)
    for plain, written in _POST_WORDS.items():
        text = text.replace(plain, written) if not text.startswith(plain) else text
    return text[:1].upper() + text[1:]


def _dissemination(body: str) -> str | None:
    """Where the document is to be made known: its closing sentence "... phổ biến đến chi bộ"."""
    found = None
    for match in _DISSEMINATION.finditer(body, max(0, len(body) - 3000)):
        found = "rộng rãi" if match["wide"] else _PURPOSE.split(match["scope"])[0].strip(" ,")
    return found[:1].lower() + found[1:] if found else None
