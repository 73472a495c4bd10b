"""Metadata of one document, read from its header, title block, closing and body.

- symbol: from "Số ..." in the header, as printed, spaces removed ("03-CTr/TU").
- issued_on and place: "Bắc Giang, ngày 04 tháng12 năm 2020".
- kind: the title block's type word, else the symbol's type code, else what
  the text calls itself ("Nghị quyết này"), else the table of contents.
  (Party symbols use "QĐ" for quyết định and quy định alike: the text decides.)
- title: the subject of the title block as one line, beginning with "về"
  (written "về" when printed "Về", added when the block has none, as tables
  of contents do: "về thực hiện Nghị quyết ..."); "V/v" becomes "về việc".
  A preamble naming the body and the meeting ("CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ
  TẠI HỘI NGHỊ LẦN THỨ BA") is not part of it; a subject printed in capitals
  is written as a sentence (``bodies.readable``).
- issuer: the body the signature acts for, named with its committee's level
  and without the place ("T/M BAN THƯỜNG VỤ" under "HUYỆN ỦY LỤC NAM" →
  "Ban Thường vụ Huyện ủy", "T/M ĐẢNG ỦY" under "ĐẢNG ỦY XÃ ..." → "Đảng ủy
  xã"), else the title block's "CỦA ...", else the body the header names
  ("TỈNH ỦY ... / BAN TUYÊN GIÁO" → "Ban Tuyên giáo Tỉnh ủy"), else the table
  of contents. See ``bodies``.
- signer, signer_position: the name under the post ("PHÓ BÍ THƯ" → "Phó Bí
  thư"); null when not printed.
- recipients: the "Nơi nhận" items, margin notes such as "(báo cáo)" removed.
- secret: a "MẬT" mark in the header (or the table of contents says so).
- dissemination: "Nghị quyết phổ biến đến chi bộ" → "chi bộ"; "phổ biến rộng rãi" → "rộng rãi".
"""

from __future__ import annotations

import re
from collections import Counter

from nghiquyet.text.bodies import (
    HeaderBodies,
    acting_body,
    committee,
    header_bodies,
    place_names,
    readable,
)
from nghiquyet.text.contents import ContentsEntry, subject_normal_form
from nghiquyet.text.layout import Anatomy, join_wrapped
from nghiquyet.text.model import ParsedDocument
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
    SEPARATOR_RE,
    SIGNATURE_RE,
    SIGNED_RE,
    SYMBOL_LINE_RE,
    clean_symbol,
    closing_columns,
    header_columns,
    is_caps,
    is_closing_post,
    is_motto,
    is_person_name,
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
# "Lưu Văn phòng Huyện ủy": without a header, the office filing the document names its committee.
_OFFICE_IN_TEXT = re.compile(r"Văn phòng ((?:\w+ ){1,4})", re.IGNORECASE)
# The preamble of a title block names the body and the meeting: "CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ
# TẠI HỘI NGHỊ LẦN THỨ BA (MỞ RỘNG)", "HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG
# KHÓA XIII"; the subject follows, usually with "về".
_PREAMBLE = re.compile(r"^(?:của|hội nghị)\s", re.IGNORECASE)
_PREAMBLE_MORE = re.compile(
    r"^(?:tại|lần|khóa|khoá|nhiệm kỳ|hội nghị|phiên|cuộc họp|mở rộng|\()", re.IGNORECASE
)
_SUBJECT_START = re.compile(r"(?:^|\s)(?:về|Về|VỀ)\s")
_POST_WORDS = {"văn phòng": "Văn phòng", "thường trực": "Thường trực"}


def read_metadata(document: ParsedDocument, source: SourceLines, parts: Anatomy) -> None:
    header = [source.text[i] for i in parts.lines(source, "header")]
    title = [source.text[i] for i in parts.lines(source, "title")]
    recipients, closing = _closing(source, parts)
    document.symbol = _symbol(header)
    document.place, document.issued_on = _place_and_date(header)
    issuer_lines = _issuer_lines(header)
    document.issuer_block = " ".join(issuer_lines) or None
    document.title = _title(title, (document.place or "",) + place_names(issuer_lines))
    document.kind = _kind(title, document.symbol, document.body.text)
    document.recipients = _recipients(recipients)
    bodies = header_bodies(issuer_lines)
    if bodies.parent is None:  # no header: the title block's "CỦA ..." or the filing office
        found = committee(" ".join(title)) or _committee_from_text(
            " ".join(recipients) + "\n" + document.body.text
        )
        bodies = HeaderBodies(found, bodies.body or found)
    document.issuer = _issuer(closing, title, bodies)
    document.signer_position, document.signer = _signer(closing)
    document.secret = any(SECRET_RE.match(line) for line in header + title)
    document.dissemination = _dissemination(document.body.text)


def _closing(source: SourceLines, parts: Anatomy) -> tuple[list[str], list[str]]:
    """The "Nơi nhận" lines and the signature lines, in print order; a row holding both (a PDF
    text layer: "- Lưu Văn phòng, PHÓ BÍ THƯ") gives its sides to each."""
    recipients, closing = [], []
    for index in sorted(parts.roles):
        role, text = parts.roles[index], source.text[index]
        if role == "recipients" and text:
            left, right = closing_columns(text, signing=bool(closing))
            recipients.append(left)
            closing.extend([right] if right else [])
        elif role == "signature" and text:
            closing.append(text)
    return recipients, closing


def apply_contents(document: ParsedDocument, entry: ContentsEntry) -> None:
    """Fill what the document itself does not say from its table-of-contents entry."""
    document.title = document.title or entry.title
    document.symbol = document.symbol or entry.symbol
    document.issued_on = document.issued_on or entry.issued_on
    if document.kind == "khac" and entry.kind:
        document.kind = entry.kind
    if document.issuer is None and entry.issuer:
        document.issuer = readable(entry.issuer)
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
        line = header_columns(line)[0]  # "TỈNH ỦY BẮC GIANG ĐẢNG CỘNG SẢN VIỆT NAM" on one row
        if line and is_caps(line) and not is_motto(line):
            lines.append(line)
    return lines


def _title(title: list[str], names: tuple[str, ...]) -> str | None:
    """The subject of the title block: after the type word and the preamble, as one line."""
    lines = [line for line in title if not SEPARATOR_RE.match(line)]
    while lines and title_kind(lines[0]):  # "THÔNG BÁO" / "KẾT LUẬN CỦA BAN CHẤP HÀNH ..."
        rest = re.split(r"\s+(?=CỦA\s)", lines[0], maxsplit=1)
        lines = rest[1:] + lines[1:]
    text = join_wrapped(_without_preamble(lines))
    if is_caps(text):
        text = readable(text, names)
    return subject_normal_form(text) if text else None


def _without_preamble(lines: list[str]) -> list[str]:
    """The subject lines after a preamble "của <body> [tại <meeting>]", which they follow directly.

    The subject starts at "về" in the preamble's lines or at the first line after them.
    """
    if not lines or not _PREAMBLE.match(lines[0]):
        return lines
    more = 1
    while more < len(lines) and _PREAMBLE_MORE.match(lines[more]):
        more += 1
    preamble = join_wrapped(lines[:more])
    subject = _SUBJECT_START.search(preamble, 1)
    if subject:
        return [preamble[subject.start() :].strip()] + lines[more:]
    return lines[more:] or lines


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


def _committee_from_text(text: str) -> str | None:
    """Without a header: the committee whose office files the document ("Lưu Văn phòng Tỉnh ủy")."""
    offices = (committee(match.group(1)) for match in _OFFICE_IN_TEXT.finditer(text))
    named = Counter(filter(None, offices))
    return named.most_common(1)[0][0] if named else None


def _issuer(closing: list[str], title: list[str], bodies: HeaderBodies) -> str | None:
    """The body the signature acts for, else the title block's "CỦA ...", else the header's body."""
    for line in closing:
        match = SIGNATURE_RE.match(line)
        if match and re.sub(r"[\s/.]", "", match["mode"]) in ORG_MODES:
            return acting_body(match["rest"], bodies)
    for line in title:
        preamble = re.search(r"(?:^|\s)CỦA\s+(?P<body>.+)$", line) if is_caps(line) else None
        if preamble and (line.startswith("CỦA") or title_kind(line)):
            return acting_body(preamble["body"], bodies)
    return bodies.body


def _signer(closing: list[str]) -> tuple[str | None, str | None]:
    """The signer's post and name; the post is the line under the last "T/M" or "K/T" line."""
    post, name = None, None
    for line in closing:
        if RECIPIENTS_RE.match(line) or (line[:1] in "-+•"):
            continue
        if is_signature(line):
            match = SIGNATURE_RE.match(line)
            mode = re.sub(r"[\s/.]", "", match["mode"])
            if mode not in ORG_MODES and is_closing_post(match["rest"]):
                post = match["rest"]  # "K/T BÍ THƯ" until the line under it names the post
            continue
        if SIGNED_RE.match(line) or ANNOTATION_RE.match(line):
            continue
        if is_closing_post(line) and name is None:
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
