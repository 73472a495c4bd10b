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

from nghiquyet.text.bodies import continues_name
from nghiquyet.text.closing import closing_end, recipients_end, signature_start
from nghiquyet.text.model import Block, RepairedText
from nghiquyet.text.normalize import match_key
from nghiquyet.text.patterns import (
    HEADER_MARK_RE,
    MARKER_RE,
    PAGE_NUMBER_RE,
    RECIPIENTS_RE,
    SEPARATOR_RE,
    UPPER,
    ends_sentence,
    header_line_kind,
    is_caps,
    title_kind,
)
from nghiquyet.text.source import SourceLines, wrap_width

FOOTNOTE_RE = re.compile(rf"^(?P<number>\d{{1,2}})\s+[{UPPER}\"(]")
_PARAGRAPH_END = (".", "!", "?", ":", "…", '."', '.")', ".'")
_CONTINUATION_START = set(",;:)%.…]")
_SUBJECT_LIMIT = 6  # non-blank lines a subject ("về ...") may take
_SPACES = re.compile(r"\s+")
_APPENDIX = match_key("phụ lục")
# "CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ", "TẠI HỘI NGHỊ LẦN THỨ BA": who and where, before the subject.
_PREAMBLE_LINE = re.compile(r"^(?:CỦA|TẠI|HỘI NGHỊ|LẦN THỨ|KHÓA|KHOÁ|NHIỆM KỲ|\()")
# What opens the body, never a wrapped line of a subject: "Căn cứ Luật ...", "Thực hiện ...".
_BODY_OPENING = re.compile(
    r"^(?:Căn cứ|Thực hiện|Xét|Theo đề nghị|Ngày \d|Trong (?:thời gian|những năm)|Những năm qua"
    r"|Thời gian qua|Sau khi)\b"
)


def is_full(before: str, after: str, width: int) -> bool:
    """Whether ``before`` was wrapped: it nearly fills the width, or ``after``'s first word would not fit.

    Characters are not all equally wide in print, hence the margin.
    """
    first_word = after.split(" ", 1)[0]
    return len(before) >= width - 12 or len(before) + 1 + len(first_word) > width - 2


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
        return [
            i
            for i in range(self.first, self.last + 1)
            if self.roles.get(i) == role and source.text[i]
        ]

    def blocks(self, source: SourceLines) -> list[Block]:
        """Runs of lines of one role (blank lines inside a run belong to it)."""
        blocks: list[Block] = []
        previous = None
        for index in range(self.first, self.last + 1):
            role = self.roles.get(index)
            if role not in BLOCK_ROLES or not source.text[index]:
                continue
            number = source.number(index)
            if blocks and blocks[-1].role == role and _only_blank_between(source, previous, index):
                blocks[-1].last_line = number
                blocks[-1].lines.append(source.text[index])
            else:
                blocks.append(Block(role, number, number, [source.text[index]]))
            previous = index
        return blocks


BLOCK_ROLES = {"header", "title", "recipients", "signature", "footnote"}


def _only_blank_between(source: SourceLines, previous: int, index: int) -> bool:
    return all(not source.text[i] for i in range(previous + 1, index))


def anatomy(source: SourceLines, first: int, last: int) -> Anatomy:
    """Give each line of the document ``first``..``last`` its role."""
    parts = Anatomy(first, last, wrap_width(source.text[first : last + 1]))
    body_start = _mark_header(source, parts)
    title = _title_at(source, body_start, last)
    if title:
        _mark(parts, title, "title")
        body_start = title[1] + 1
    closing = signature_start(source, body_start, last)
    if closing is not None:  # what follows the closing (an annex) is text again
        _mark(parts, (closing, closing_end(source, closing, last)), "signature")
    for index in range(first, body_start):
        parts.roles.setdefault(index, "header")
    if not title:
        displaced = _displaced_title(source, body_start, last if closing is None else closing - 1)
        if displaced:
            _mark(parts, displaced, "title")
    _mark_recipients(source, parts, body_start, last)
    _mark_artefacts(source, parts, body_start, last)
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
        elif SEPARATOR_RE.match(text) or HEADER_MARK_RE.match(text):
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
    following = " ".join(source.text[index : min(end, index + 8) + 1])
    return "kèm theo" in following.lower()


def starts_annex(source: SourceLines, index: int, end: int) -> bool:
    """An appendix ("PHỤ LỤC") or an annexed text ("QUY CHẾ ... ban hành kèm theo ...") begins here."""
    text = source.text[index]
    return (
        match_key(text).startswith(_APPENDIX)
        or bool(title_kind(text))
        and _is_annex(source, index, end)
    )


def _title_block_end(source: SourceLines, index: int, last: int) -> int:
    """The type line, the "CỦA ..." lines in capitals, then the subject.

    A subject printed in capitals ends with its last line in capitals (and
    the separator under it): what follows is the body ("Căn cứ Luật ...",
    "Thực hiện ...", a heading), even without a separator in between. A
    subject in sentence case ends as ``_subject_end`` says.
    """
    end, in_capitals = index, False
    following = source.next_non_blank(index + 1, last)
    while following is not None and _is_title_caps(source.text[following]):
        in_capitals = in_capitals or _is_caps_subject(source.text[following])
        end = following
        following = source.next_non_blank(following + 1, last)
    if following is None:
        return end
    if SEPARATOR_RE.match(source.text[following]):
        return following
    if not in_capitals:
        return _subject_end(source, following, last)
    while following is not None and source.text[following][0].islower():
        end = following  # "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 09-NQ/TU" + "ngày 15/12/2021 ..."
        following = source.next_non_blank(following + 1, last)
    if following is not None and SEPARATOR_RE.match(source.text[following]):
        return following
    return end


def _is_title_caps(text: str) -> bool:
    """A line of a title block in capitals ("2021 - 2025" included), not a heading or separator."""
    return (
        not any(char.islower() for char in text)
        and not SEPARATOR_RE.match(text)
        and not MARKER_RE.match(text)
        and not PAGE_NUMBER_RE.match(text)
    )


def _is_caps_subject(text: str) -> bool:
    """A line in capitals that is subject, not the type word or the "CỦA ..." preamble."""
    if title_kind(text) or _PREAMBLE_LINE.match(text):
        return " VỀ " in text
    return True


def _subject_end(source: SourceLines, index: int, last: int) -> int:
    """The last line of a subject ("về ...") that starts at ``index``.

    A subject ends at the separator line under it ("-----") when there is one;
    otherwise at a full stop, before a new page (a displaced title block sits
    at the foot of a page) or before a blank line followed by a capital
    letter. Whatever is plainly body ends it too, separator or not: a line
    opening the body ("Căn cứ ...", "Thực hiện ..."), a numbered heading, a
    sentence ending with a colon, a line starting with a capitalised common
    word ("Các cấp ủy ..."; a wrapped subject line starts with a name if with a
    capital: "Ban Chấp hành ..."). It takes at most a few lines.
    """
    seen, probe, previous = 0, index, index
    while probe <= last and seen <= _SUBJECT_LIMIT:
        text = source.text[probe]
        if text:
            if SEPARATOR_RE.match(text) and text != "*":
                return probe
            if probe > index and _is_body(source.text[previous], text):
                break
            seen, previous = seen + 1, probe
        probe += 1
    end, seen, probe = index, 0, index
    while probe <= last and seen < _SUBJECT_LIMIT:
        text = source.text[probe]
        if (
            text
            and probe > index
            and (
                source.page_start[probe]
                or _is_body(source.text[end], text)
                or text[0].isupper()
                and not source.text[probe - 1]
            )
        ):
            break
        if text:
            end, seen = probe, seen + 1
            if ends_sentence(text):
                break
        probe += 1
    return end


def _is_body(previous: str, text: str) -> bool:
    """Whether line ``text``, after a subject line ``previous``, is plainly body."""
    marker = MARKER_RE.match(text)
    if marker and marker["bullet"] and not text[marker.end() :][:1].isupper():
        marker = None  # "giai đoạn 2021" + "- 2025", "kinh tế" + "- xã hội": the subject goes on
    return bool(
        marker
        or _BODY_OPENING.match(text)
        or text.endswith(":")
        or text[0].isupper()
        and not is_caps(text)
        and not continues_name(previous, text)
    )


def _mark_recipients(source: SourceLines, parts: Anatomy, start: int, last: int) -> None:
    for index in range(start, last + 1):
        if parts.roles.get(index) in (None, "signature") and RECIPIENTS_RE.match(
            source.text[index]
        ):
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
    window = " ".join(source.text[max(start, index - 80) : index])
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
        anchors.append((offset, source.number(index)))
        pieces.append(text)
        offset += len(text)
        previous, gap = index, False
    return RepairedText("".join(pieces), anchors or [(0, source.number(parts.first))])


def join_between(
    source: SourceLines, previous: int, following: int, blank: bool, width: int
) -> str:
    """What goes between two body lines: "" or " " (one paragraph) or "\\n" (a new one)."""
    before, after = source.text[previous], source.text[following]
    joint = continuation(before, after, is_full(before, after, width))
    if joint is None:
        return "\n"
    if blank and after[0].isupper() and before.endswith(_PARAGRAPH_END):
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
    if is_caps(after) and len(after) < 60 and not is_caps(before):
        return None  # a heading in capitals ("QUYẾT ĐỊNH:", "MỤC TIÊU")
    if is_caps(before) and len(before) < 100:
        return " " if is_caps(after) and not ends_sentence(before) else None
    if ends_sentence(before):
        return " " if full and after[0].isupper() else None
    if full and after[0].isupper() and _is_heading(before) and not continues_name(before, after):
        return None  # "2.5. Đổi mới phương thức lãnh đạo ..." + "Đổi mới, nâng cao ...": a heading
    return " " if full or after[0].isdigit() else None


def _is_heading(text: str) -> bool:
    """A numbered outline item ("2.5. ...", "3. ...", "II- ..."), which may be a heading without a
    full stop; list dashes are not."""
    marker = MARKER_RE.match(text)
    return bool(marker) and not marker["bullet"]


def _dash_continues(before: str, after: str, full: bool) -> bool:
    """ "kinh tế" + "- xã hội", "QL37" + "- QL17", "2021" + "- 2025": a wrapped dash, not a list item."""
    rest = after[1:].lstrip()
    if not rest or ends_sentence(before):
        return False
    if rest[0].islower() or full:
        return True
    return bool(re.search(r"\d{4}$", before) and re.match(r"\d{4}\b", rest))


def join_wrapped(lines: list[str]) -> str:
    """Lines of one title or list item joined into one: "17-" + "CT/TU" without a space, others with one."""
    return _join(lines)[0]


def joined_text(source: SourceLines, indexes: list[int]) -> RepairedText:
    """Some lines (a title block) as one paragraph, with anchors to their input lines."""
    lines = [source.text[index] for index in indexes if source.text[index]]
    text, offsets = _join(lines)
    numbers = [source.number(index) for index in indexes if source.text[index]]
    return RepairedText(text, list(zip(offsets, numbers)))


def _join(lines: list[str]) -> tuple[str, list[int]]:
    out, offsets = "", []
    for line in lines:
        line = _SPACES.sub(" ", line).strip()
        if not line:
            continue
        if out and not (
            out[-1] in "-/" and len(out) > 1 and out[-2] not in " -/" and line[0] not in " -"
        ):
            out += " "
        offsets.append(len(out))
        out += line
    return out, offsets
