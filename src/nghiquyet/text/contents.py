"""Tables of contents of a compilation: which documents it says it holds.

An entry names a document by type word, symbol and date ("Nghị quyết số
109-NQ/TU ngày 08/6/2021", possibly "của Ban Thường vụ Tỉnh ủy") and gives
its subject ("Về ...") and a page number; numbering, page numbers, column
headings and section headings ("II Ban Thường vụ Tỉnh ủy ban hành") are
around it, and the print layout may cut an entry over several lines.

Entries supply titles that a document's body lacks and reveal documents the
file does not contain ("(Tài liệu mật - đã gửi trực tiếp ...)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from nghiquyet.text.layout import join_wrapped
from nghiquyet.text.normalize import match_key
from nghiquyet.text.patterns import (
    DATE_RE,
    KIND_WORD_PATTERN,
    PAGE_NUMBER_RE,
    SYMBOL_RE,
    clean_symbol,
    kind_of_word,
    parse_date,
)
from nghiquyet.text.source import SourceLines

_HEAD_RE = re.compile(rf"^(?:\d{{1,3}}\.?\s+)?(?P<kind>{KIND_WORD_PATTERN})\b", re.IGNORECASE)
_SUBJECT_RE = re.compile(r"^(?:Về|về|VỀ|V/v)\s")
_SECTION_RE = re.compile(r"^[IVXL]{1,5}[.\-]?\s+(?P<issuer>.+?)\s+ban hành\.?$", re.IGNORECASE)
_COLUMN_KEYS = (match_key("TT Số, ký hiệu"), match_key("Trích yếu"))
# "... 2021 - 2025 108": the page number, not the year.
_TRAILING_PAGE = re.compile(r"(?<![-–])\s+\d{1,3}$")
_NOTE_RE = re.compile(r"\s*\((?P<note>[^()]*)\)\s*$")
_ISSUER_RE = re.compile(r"\bcủa\s+(?P<issuer>.+)$")
MIN_ENTRIES = 2  # one mention on a cover is not a table of contents


@dataclass
class ContentsEntry:
    symbol: str
    issued_on: date | None
    kind: str | None
    title: str | None  # normal form: "về ..."
    issuer: str | None  # "Ban Thường vụ Tỉnh ủy", as the entry or its section says
    note: str | None  # a remark in brackets after the subject: "Tài liệu mật - ..."
    line: int  # 1-based line of the entry's type word

    @property
    def key(self) -> tuple[str, date | None]:
        return self.symbol, self.issued_on


def read_contents(source: SourceLines, indexes: list[int]) -> list[ContentsEntry]:
    """The entries of the tables of contents found in the lines ``indexes``, each once."""
    entries: dict[tuple, ContentsEntry] = {}
    section_issuer = None
    position = 0
    while position < len(indexes):
        text = source.text[indexes[position]]
        section = _SECTION_RE.match(text)
        if section:
            section_issuer = section["issuer"]
        head = _HEAD_RE.match(text) if text else None
        if not head:
            position += 1
            continue
        entry, position = _read_entry(source, indexes, position, head.start("kind"))
        if entry:
            entry.issuer = entry.issuer or section_issuer
            _merge(entries, entry)
    found = list(entries.values())
    return found if len(found) >= MIN_ENTRIES else []


def _read_entry(source: SourceLines, indexes: list[int], position: int, column: int):
    first = indexes[position]
    head = [source.text[first][column:]]
    position += 1
    while position < len(indexes) and len(head) < 5:
        text = source.text[indexes[position]]
        if text and (_SUBJECT_RE.match(text) or _HEAD_RE.match(text) or _is_noise(text)):
            break
        if text:
            head.append(text)
        position += 1
    head_text = join_wrapped(head)
    symbol = SYMBOL_RE.search(head_text)
    if not symbol:
        return None, position
    tail = head_text[symbol.end() :]
    when = DATE_RE.search(tail)
    issuer = _ISSUER_RE.search(tail)
    subject, position = _read_subject(source, indexes, position)
    if subject is None and " về " in tail.lower():
        subject = tail[tail.lower().index(" về ") + 1 :]
    title, note = _title_and_note(subject)
    entry = ContentsEntry(
        symbol=clean_symbol(symbol.group()),
        issued_on=parse_date(when) if when else None,
        kind=kind_of_word(_HEAD_RE.match(head_text)["kind"]),
        title=title,
        issuer=issuer["issuer"].strip(" ,.") if issuer else None,
        note=note,
        line=source.number(first),
    )
    return entry, position


def _read_subject(source: SourceLines, indexes: list[int], position: int) -> tuple[str | None, int]:
    """The "Về ..." lines of an entry, up to a blank line, a page number or the next entry."""
    while position < len(indexes) and not source.text[indexes[position]]:
        position += 1
    if position >= len(indexes) or not _SUBJECT_RE.match(source.text[indexes[position]]):
        return None, position
    lines = []
    while position < len(indexes):
        index = indexes[position]
        text = source.text[index]
        next_entry = _HEAD_RE.match(text) and text[0].isdigit()  # "13 Nghị quyết số ..."
        if (
            not text
            or _is_noise(text)
            or next_entry
            or (lines and index != indexes[position - 1] + 1)
        ):
            break
        lines.append(text)
        position += 1
    return join_wrapped(lines), position


def _title_and_note(subject: str | None) -> tuple[str | None, str | None]:
    if not subject:
        return None, None
    subject = _TRAILING_PAGE.sub("", subject.strip())
    note = _NOTE_RE.search(subject)
    if note:
        subject = subject[: note.start()]
    return subject_normal_form(subject), note["note"].strip() if note else None


def subject_normal_form(subject: str) -> str:
    """The title as we store it: one line, beginning with "về" (see docs/labelling.md).

    Title blocks print "về ..." under the type word, tables of contents "Về
    ..."; a block without it ("KẾ HOẠCH / đào tạo, nâng cao ...") gets it, as
    the tables of contents give it. "V/v" (công văn) becomes "về việc".
    """
    subject = re.sub(r"\s+", " ", subject).strip(" .;,")
    subject = re.sub(r"^V/[vV]\.?\s+", "về việc ", subject)
    if re.match(r"^(?:về|Về|VỀ)\s", subject):
        return "về" + subject[2:]
    first = subject.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and first not in _PROPER_FIRST_WORDS:
        subject = subject[0].lower() + subject[1:]
    return f"về {subject}" if subject else subject


_PROPER_FIRST_WORDS = {"Đảng", "Nhà", "Quốc", "Chính", "Bộ", "Ban", "Ủy", "Hội", "Mặt", "Nhân"}


def title_key(title: str) -> str:
    """Titles compared whatever their case, tone placement, punctuation and leading "về"."""
    title = re.sub(r"^\s*(?:về|Về|VỀ)\s+", "", title)
    return re.sub(r"[^\w\u0300-\u036f]+", " ", match_key(title)).strip()


def _is_noise(text: str) -> bool:
    """Page numbers, entry numbers and column headings of the table."""
    key = match_key(text)
    return bool(PAGE_NUMBER_RE.match(text)) or any(
        key.startswith(column) for column in _COLUMN_KEYS
    )


def _merge(entries: dict, entry: ContentsEntry) -> None:
    known = entries.get(entry.key)
    if known is None:
        entries[entry.key] = entry
        return
    known.title = known.title or entry.title
    known.issuer = known.issuer or entry.issuer
    known.note = known.note or entry.note
    known.kind = known.kind or entry.kind
