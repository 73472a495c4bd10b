"""Layout repair: what each line of a document is, and its running text as paragraphs.

Printed documents reach us as text lines wrapped at about 80 characters,
with page artefacts (a page number alone on a line, a new page marked by one
leading space), blank lines inside sentences, and blocks that the page
layout put in the middle of the text: the title block ("NGHỊ QUYẾT / CỦA BAN
... / về ... / -----") printed at the foot of the first page, a "Nơi nhận"
list, a footnote. ``anatomy`` gives every line of a document a role;
``repair`` joins the body lines into one paragraph per line, remembering
which input line every piece came from.

The rules are about the shape of lines (length against the file's wrap
width, closing punctuation, the case of the next word, outline markers), not
about any particular file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nghiquyet.text.model import Block, RepairedText
from nghiquyet.text.patterns import (
    ANNOTATION_RE, PAGE_NUMBER_RE, PLACE_DATE_RE, POST_RE, RECIPIENTS_RE, SECRET_RE,
    SEPARATOR_RE, SIGNATURE_RE, SIGNED_RE, SYMBOL_LINE_RE, UPPER, is_caps, is_motto,
    is_slogan, title_kind,
)

# Outline markers at the start of a paragraph: "I-", "II.", "1.", "1.1.", "2.1.3", "a)", "(1)", "-", "+".
MARKER_RE = re.compile(
    r"^(?:(?P<roman>[IVXL]{1,5})\s*[.\-)]\s*(?=\S)"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=\s)"
    r"|(?P<number>\d{1,2})\s*[.)](?!\d)\s*(?=\S)|(?P<number_dash>\d{1,2})\s*-\s+(?=\S)"
    r"|(?P<letter>[a-zđ])\s*\)\s*(?=\S)"
    r"|\((?P<paren>\d{1,2}|[a-zđ])\)\s*(?=\S)"
    r"|(?P<bullet>[-+•*])\s*(?=\S))"
)
FOOTNOTE_RE = re.compile(rf"^(?P<number>\d{{1,2}})\s+[{UPPER}\"(]")
_SENTENCE_END = (".", "!", "?", ":", ";", "…", '."', '.")', "./.", ".'")
_PARAGRAPH_END = (".", "!", "?", ":", "…", '."', '.")', ".'")
_CONTINUATION_START = set(",;:)%.…]")
_SUBJECT_LIMIT = 6  # non-blank lines a subject ("về ...") may take
_SPACES = re.compile(r"\s+")


@dataclass
class SourceLines:
    """The normalised lines of one input file, with what the layout rules need to know."""

    text: list[str]  # stripped, inner runs of spaces collapsed
    page_start: list[bool]  # printed with leading space: the first line of a new page
    width: int  # the wrap width: lines this long were wrapped, not ended
    spaced: bool  # a blank line after nearly every line: blank lines mean nothing

    @classmethod
    def from_lines(cls, lines: list[str]) -> "SourceLines":
        text = [_SPACES.sub(" ", line).strip() for line in lines]
        page_start = [line[:1].isspace() and bool(stripped) for line, stripped in zip(lines, text)]
        non_blank = sum(1 for line in text if line)
        spaced = non_blank > 10 and (len(text) - non_blank) >= 0.6 * non_blank
        return cls(text, page_start, wrap_width(text), spaced)

    def __len__(self) -> int:
        return len(self.text)

    def next_non_blank(self, index: int, last: int) -> int | None:
        while index <= last:
            if self.text[index]:
                return index
            index += 1
        return None


def wrap_width(lines: list[str]) -> int:
    """The width text was wrapped at: nine lines in ten of some length are no longer."""
    lengths = sorted(len(line) for line in lines if len(line) >= 20)
    return max(lengths[int(len(lengths) * 0.9)] if lengths else 80, 40)


def is_full(before: str, after: str, width: int) -> bool:
    """Whether ``before`` was wrapped: it nearly fills the width, or ``after``'s first word would not fit.

    Characters are not all equally wide in print, hence the margin.
    """
    first_word = after.split(" ", 1)[0]
    return len(before) >= width - 12 or len(before) + 1 + len(first_word) > width - 2


# --- What a line is ------------------------------------------------------------

def header_line_kind(text: str) -> str | None:
    """"symbol", "motto", "slogan" or "date" for the lines that only a header has."""
    if SYMBOL_LINE_RE.match(text):
        return "symbol"
    if is_motto(text):
        return "motto"
    if is_slogan(text):
        return "slogan"
    if PLACE_DATE_RE.match(text):
        return "date"
    return None


def is_signature(text: str) -> bool:
    match = SIGNATURE_RE.match(text)
    return bool(match) and len(text) < 80 and is_caps(match["rest"])


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


# --- The parts of a document ---------------------------------------------------

@dataclass
class Anatomy:
    """The role of every line of one document (indexes into ``SourceLines``, 0-based)."""

    first: int
    last: int
    width: int = 80  # this document's wrap width (pages of one file differ)
    roles: dict[int, str] = field(default_factory=dict)  # non-body lines only

    def role(self, index: int) -> str:
        return self.roles.get(index, "body")

    def lines(self, source: SourceLines, role: str) -> list[int]:
        return [i for i in range(self.first, self.last + 1) if self.roles.get(i) == role and source.text[i]]

    def blocks(self, source: SourceLines) -> list[Block]:
        """Runs of lines of one role (blank lines inside a run belong to it)."""
        blocks: list[Block] = []
        for index in range(self.first, self.last + 1):
            role = self.roles.get(index)
            if role not in BLOCK_ROLES or not source.text[index]:
                continue
            if blocks and blocks[-1].role == role and _only_blank_between(source, blocks[-1].last_line, index):
                blocks[-1].last_line = index + 1
                blocks[-1].lines.append(source.text[index])
            else:
                blocks.append(Block(role, index + 1, index + 1, [source.text[index]]))
        return blocks


BLOCK_ROLES = {"header", "title", "recipients", "signature", "footnote"}


def _only_blank_between(source: SourceLines, line_number: int, index: int) -> bool:
    return all(not source.text[i] for i in range(line_number, index))


def anatomy(source: SourceLines, first: int, last: int) -> Anatomy:
    """Give each line of the document ``first``..``last`` its role."""
    parts = Anatomy(first, last, wrap_width(source.text[first: last + 1]))
    body_start = _mark_header(source, parts)
    title = _title_at(source, body_start, last)
    if title:
        _mark(parts, title, "title")
        body_start = title[1] + 1
    closing = signature_start(source, body_start, last)
    body_end = last if closing is None else closing - 1
    if closing is not None:
        _mark(parts, (closing, last), "signature")
    for index in range(first, body_start):
        parts.roles.setdefault(index, "header")
    if not title:
        displaced = _displaced_title(source, body_start, body_end)
        if displaced:
            _mark(parts, displaced, "title")
    _mark_recipients(source, parts, body_start, last)
    _mark_artefacts(source, parts, body_start, body_end)
    return parts


def _mark(parts: Anatomy, span: tuple[int, int], role: str) -> None:
    for index in range(span[0], span[1] + 1):
        parts.roles[index] = role


def _mark_header(source: SourceLines, parts: Anatomy) -> int:
    """Mark the header lines (issuer, number, motto, place and date); return where the rest begins."""
    end, strong, seen = parts.first - 1, False, 0
    in_subject = False
    for index in range(parts.first, min(parts.last, parts.first + 40) + 1):
        text = source.text[index]
        if not text:
            in_subject = False
            continue
        seen += 1
        if seen > 16:
            break
        if header_line_kind(text):
            strong, end, in_subject = True, index, False
        elif text.startswith(("V/v", "V/V", "v/v")) or in_subject and not is_caps(text):
            parts.roles[index] = "title"  # the subject line of a letter sits in the header
            in_subject, end = True, index
        elif SEPARATOR_RE.match(text) or SECRET_RE.match(text):
            end = index
        elif not (is_caps(text) and not title_kind(text) and not MARKER_RE.match(text)):
            break
    return end + 1 if strong else parts.first


def _title_at(source: SourceLines, start: int, last: int) -> tuple[int, int] | None:
    """A title block right where the body would begin: "NGHỊ QUYẾT ... về ..." or just "về ..."."""
    index = source.next_non_blank(start, last)
    if index is None:
        return None
    if title_kind(source.text[index]):
        return index, _title_block_end(source, index, last)
    if re.match(r"^(?:về|Về|VỀ)\s", source.text[index]):
        return index, _subject_end(source, index, last)
    return None


def _displaced_title(source: SourceLines, start: int, end: int) -> tuple[int, int] | None:
    """A title block printed inside the text (the foot of the first page)."""
    for index in range(start, end + 1):
        if title_kind(source.text[index]) and not _is_annex(source, index, end):
            return index, _title_block_end(source, index, end)
    return None


def _is_annex(source: SourceLines, index: int, end: int) -> bool:
    """ "QUY CHẾ ... (Ban hành kèm theo Quyết định số ...)": an annex, not the title."""
    following = " ".join(source.text[index: min(end, index + 8) + 1])
    return "kèm theo" in following.lower()


def _title_block_end(source: SourceLines, index: int, last: int) -> int:
    """The type line, the "CỦA ..." lines in capitals, then the subject."""
    end = index
    following = source.next_non_blank(index + 1, last)
    while following is not None and is_caps(source.text[following]) and not SEPARATOR_RE.match(
        source.text[following]
    ) and not MARKER_RE.match(source.text[following]):
        end = following
        following = source.next_non_blank(following + 1, last)
    if following is None:
        return end
    if SEPARATOR_RE.match(source.text[following]):
        return following
    return _subject_end(source, following, last)


def _subject_end(source: SourceLines, index: int, last: int) -> int:
    """The last line of a subject ("về ...") that starts at ``index``.

    A subject ends at the separator line under it ("-----") when there is one;
    otherwise at a full stop or colon, before a new page (a displaced title
    block sits at the foot of a page), or before a blank line followed by a
    capital letter (the body); it takes at most a few lines.
    """
    seen, probe = 0, index
    while probe <= last and seen <= _SUBJECT_LIMIT:
        text = source.text[probe]
        if text:
            if SEPARATOR_RE.match(text) and text != "*":
                return probe
            seen += 1
        probe += 1
    end, seen, probe = index, 0, index
    while probe <= last and seen < _SUBJECT_LIMIT:
        text = source.text[probe]
        if text and probe > index and (
            source.page_start[probe] or MARKER_RE.match(text)
            or text[0].isupper() and not source.text[probe - 1]
        ):
            break
        if text:
            end, seen = probe, seen + 1
            if ends_sentence(text):
                break
        probe += 1
    return end


def signature_start(source: SourceLines, first: int, last: int) -> int | None:
    """The first line of the closing signature block ("T/M ..."), searching from the end."""
    for index in range(last, first - 1, -1):
        if is_signature(source.text[index]):
            start = index
            probe = index - 1
            while probe >= first and (is_signature(source.text[probe]) or not source.text[probe]):
                if source.text[probe]:
                    start = probe
                probe -= 1
            return start
    return None


def closing_end(source: SourceLines, start: int, limit: int) -> int:
    """The last line of a closing that begins with a signature line at ``start``.

    Takes the posts ("BÍ THƯ"), "(đã ký)", the signer's name, and a "Nơi nhận"
    list or margin note ("(báo cáo)") printed after them; stops before
    anything else (the next document, a colophon).
    """
    end, named, index = start, False, start + 1
    while index <= limit:
        text = source.text[index]
        if not text or PAGE_NUMBER_RE.match(text):
            index += 1
            continue
        if RECIPIENTS_RE.match(text):
            end = recipients_end(source, index, limit)
            index = end + 1
            continue
        if ANNOTATION_RE.match(text) or SIGNED_RE.match(text):
            end = index
        elif not named and (is_signature(text) or is_post(text)):
            end = index
        elif not named and is_person_name(text):
            end, named = index, True
        else:
            break
        index += 1
    return end


def recipients_end(source: SourceLines, start: int, limit: int) -> int:
    """The last line of a "Nơi nhận:" list: its "-" items, wrapped items, margin notes."""
    end, index, filed = start, start + 1, False
    while index <= limit:
        text = source.text[index]
        if not text:
            index += 1
            continue
        if ANNOTATION_RE.match(text):
            end = index
        elif filed:
            break
        elif text[0] in "-+•" and len(text) < 90:
            end = index
            filed = text.lstrip("-+• ").lower().startswith("lưu")
        elif end == index - 1 and end > start and len(text) < 50 and text[0].islower():
            end = index  # the rest of a wrapped item
        else:
            break
        index += 1
    return end


def _mark_recipients(source: SourceLines, parts: Anatomy, start: int, last: int) -> None:
    for index in range(start, last + 1):
        if parts.roles.get(index) in (None, "signature") and RECIPIENTS_RE.match(source.text[index]):
            for line in range(index, recipients_end(source, index, last) + 1):
                parts.roles[line] = "recipients"


def _mark_artefacts(source: SourceLines, parts: Anatomy, start: int, end: int) -> None:
    """Page numbers, stray separators and footnotes inside the body."""
    text = source.text
    index = start
    while index <= end:
        line = text[index]
        if parts.roles.get(index) or not line:
            index += 1
            continue
        blank_before = index == start or not text[index - 1]
        blank_after = index == end or not text[index + 1] or source.page_start[index + 1]
        if PAGE_NUMBER_RE.match(line) and blank_before and blank_after:
            parts.roles[index] = "page"
        elif SEPARATOR_RE.match(line):
            parts.roles[index] = "separator"
        elif blank_before and _is_footnote(source, index, start, parts.width):
            stop = index
            while stop + 1 <= end and text[stop + 1] and not source.page_start[stop + 1]:
                stop += 1
            _mark(parts, (index, stop), "footnote")
            index = stop
        index += 1


def _is_footnote(source: SourceLines, index: int, start: int, width: int) -> bool:
    match = FOOTNOTE_RE.match(source.text[index])
    if not match:
        return False
    if len(source.text[index]) > width + 5:
        return True  # footnotes are set in a smaller type: longer lines
    number = match["number"]
    window = " ".join(source.text[max(start, index - 80): index])
    return bool(re.search(rf"\w\({number}\)|[¹²³⁴⁵⁶⁷⁸⁹]", window))


# --- Running text --------------------------------------------------------------

def repair(source: SourceLines, parts: Anatomy) -> RepairedText:
    """The body as one paragraph per line, with anchors back to input line numbers."""
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = []
    offset, previous, gap = 0, None, False
    for index in range(parts.first, parts.last + 1):
        text = source.text[index]
        role = parts.roles.get(index)
        if role is not None or not text:
            gap = gap or (not text and role is None)
            continue
        if previous is not None:
            joint = join_between(source, previous, index, blank=gap, width=parts.width)
            pieces.append(joint)
            offset += len(joint)
        anchors.append((offset, index + 1))
        pieces.append(text)
        offset += len(text)
        previous, gap = index, False
    return RepairedText("".join(pieces), anchors)


def join_between(source: SourceLines, previous: int, following: int, blank: bool, width: int) -> str:
    """What goes between two body lines: "" or " " (one paragraph) or "\\n" (a new one)."""
    before, after = source.text[previous], source.text[following]
    joint = continuation(before, after, is_full(before, after, width))
    if joint is None:
        return "\n"
    if blank and not source.spaced and after[0].isupper() and before.endswith(_PARAGRAPH_END):
        return "\n"  # in a file that separates paragraphs by blank lines
    return joint


def continuation(before: str, after: str, full: bool) -> str | None:
    """How line ``after`` continues line ``before``: "", " " or None (a new paragraph).

    ``full`` says whether ``before`` was wrapped (see ``is_full``).
    """
    if len(before) > 1 and before[-1] in "-/" and before[-2] not in " -/" and after[0] not in " -":
        return ""  # "17-" + "CT/TU", "Covid-" + "19", "522/QĐ-" + "TTg"
    marker = MARKER_RE.match(after)
    if marker:
        return " " if marker["bullet"] and _dash_continues(before, after, full) else None
    if after[0].islower() or after[0] in _CONTINUATION_START:
        return " "
    if is_caps(before) and len(before) < 100:
        return " " if is_caps(after) and not ends_sentence(before) else None
    if ends_sentence(before):
        return " " if full and after[0].isupper() else None
    return " " if full or after[0].isdigit() else None


def _dash_continues(before: str, after: str, full: bool) -> bool:
    """ "kinh tế" + "- xã hội", "QL37" + "- QL17", "2021" + "- 2025": a wrapped dash, not a list item."""
    rest = after[1:].lstrip()
    if not rest or ends_sentence(before):
        return False
    if rest[0].islower() or full:
        return True
    return bool(re.search(r"\d{4}$", before) and re.match(r"\d{4}\b", rest))


def join_wrapped(lines: list[str]) -> str:
    """Lines of one title or list item joined into one: the rules of ``continuation`` for a sentence."""
    out = ""
    for line in lines:
        line = _SPACES.sub(" ", line).strip()
        if not line:
            continue
        if not out:
            out = line
        elif out[-1] in "-/" and len(out) > 1 and out[-2] not in " -/" and line[0] not in " -":
            out += line
        else:
            out += " " + line
    return out
