"""The parts of a document, as extraction needs them.

Every paragraph of the repaired text becomes a ``Block`` with its list marker
("II", "2.1", "a", "-", "(1)" ...), its place in the hierarchy, and the *part*
of the document it belongs to, from the nearest heading that names one:
the preamble's assessment of the past, aims ("Mục đích, yêu cầu"),
viewpoints, goals and targets ("Mục tiêu", "Chỉ tiêu"), tasks and solutions,
and the implementation part ("Tổ chức thực hiện"). Targets are looked for
in goals, assignments in the implementation part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nghiquyet.text.commitments.lexicon import searchable
from nghiquyet.text.model import RepairedText

PREAMBLE = "preamble"
PURPOSE = "purpose"
VIEWPOINT = "viewpoint"
GOALS = "goals"
TASKS = "tasks"
ORGANISATION = "organisation"
OTHER = "other"

_ROMAN = r"(?:XX|XIX|XVIII|XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_MARKERS = [
    ("roman", re.compile(rf"\s*({_ROMAN})\s*[.\-–:)]\s*")),
    ("letter", re.compile(r"\s*([A-ZĐ])\s*[.\-–)]\s+(?=\S)")),
    ("arabic3", re.compile(r"\s*(\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+")),
    ("arabic2", re.compile(r"\s*(\d{1,2}\.\d{1,2})\.?\s+")),
    ("arabic", re.compile(r"\s*(\d{1,2})\s*[.\-–)/]\s*(?=\D)")),
    ("paren", re.compile(r"\s*\((\d{1,2}|[a-zđ])\)\s*")),
    ("lower", re.compile(r"\s*([a-zđ])\s*[.)]\s+")),
    ("dash", re.compile(r"\s*([-–—]+)\s*(?=\S)")),
    ("plus", re.compile(r"\s*(\+)\s*")),
    ("star", re.compile(r"\s*([*•])\s*")),
]

# Heading keywords, checked on a heading's own title, most specific first.
_PARTS = [
    (ORGANISATION, re.compile(
        r"^(?:tổ chức (?:chỉ đạo )?thực hiện|trách nhiệm thực hiện|phân công (?:trách nhiệm|thực hiện|nhiệm vụ)"
        r"|tổ chức triển khai|trách nhiệm của các cơ quan)"
    )),
    (PURPOSE, re.compile(r"^(?:mục đích|yêu cầu)")),
    (GOALS, re.compile(r"mục tiêu|chỉ tiêu|phấn đấu")),
    (VIEWPOINT, re.compile(r"^quan điểm")),
    (TASKS, re.compile(r"nhiệm vụ|giải pháp|^nội dung|định hướng")),
    (PREAMBLE, re.compile(r"^(?:tình hình|kết quả|đánh giá|thực trạng)")),
]


@dataclass
class Block:
    start: int  # the paragraph in RepairedText.text
    end: int
    content_start: int  # after the marker
    marker: str | None
    kind: str | None  # which marker family: roman, arabic, dash ...
    title: str  # the heading text when the paragraph is (or begins with) a heading, else ""
    parent: "Block | None" = None
    children: list["Block"] = field(default_factory=list)
    part: str = OTHER

    @property
    def depth(self) -> int:
        depth, node = 0, self.parent
        while node is not None:
            depth, node = depth + 1, node.parent
        return depth

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


def read_blocks(body: RepairedText) -> list[Block]:
    """The paragraphs of ``body`` with their markers, nesting and parts."""
    blocks: list[Block] = []
    stack: list[Block] = []  # open marked blocks, outermost first
    for span in body.paragraphs():
        kind, marker, content_start = _marker(span.text)
        block = Block(
            start=span.start, end=span.end, content_start=span.start + content_start,
            marker=marker, kind=kind, title=_title(span.text[content_start:], kind),
        )
        if kind is None and not block.title:
            block.parent = stack[-1] if stack else None
        else:
            if kind is None:
                stack = []  # an unmarked heading ("MỤC TIÊU ...") starts a new top-level part
            else:
                for index, open_block in enumerate(stack):
                    if open_block.kind == kind:
                        del stack[index:]
                        break
                else:
                    while block.title and stack and not stack[-1].title:
                        stack.pop()  # a heading ("* Hằng năm") is not part of the sentence item before it
                if kind == "letter":
                    stack = []  # "A.", "B." are the top level
                elif kind == "roman":
                    stack = [open_block for open_block in stack if open_block.kind == "letter"]
            block.parent = stack[-1] if stack else None
            stack.append(block)
        if block.parent is not None:
            block.parent.children.append(block)
        blocks.append(block)
    _assign_parts(blocks)
    return blocks


def _marker(text: str) -> tuple[str | None, str | None, int]:
    for kind, pattern in _MARKERS:
        match = pattern.match(text)
        if match:
            if kind == "letter" and not _looks_like_heading_letter(text, match):
                continue
            return kind, match.group(1), match.end()
    return None, None, len(text) - len(text.lstrip())


def _looks_like_heading_letter(text: str, match: re.Match) -> bool:
    """ "A. MỤC ĐÍCH" is a heading; "A. Nguyễn" or "B. Giang" are not."""
    rest = text[match.end():match.end() + 30]
    return rest[:1].isupper() and (rest.split(" ")[0].isupper() or len(text) < 120)


def _title(content: str, kind: str | None) -> str:
    """The heading words of a paragraph: all of a short unpunctuated one, or an inline "Title: ..."."""
    stripped = content.strip()
    if not stripped:
        return ""
    inline = re.match(r"([^:.;]{2,120}?)\s*:", stripped)
    words = stripped.split()
    if stripped.upper() == stripped and len(words) <= 30 and sum(any(c.isalpha() for c in w) for w in words) >= 2:
        return stripped  # "MỤC TIÊU ..." (but not a stray "III/2021." the reader split off)
    if kind is None:
        return ""
    if inline and len(inline.group(1).split()) <= 14:
        return inline.group(1)
    if len(words) <= 40 and not re.search(r"[.;]\s*$", stripped) and not re.search(r"\.\s+\S", stripped):
        return stripped
    return ""


def _part_of_title(title: str) -> str | None:
    lowered = searchable(title).strip(" .:")
    for part, pattern in _PARTS:
        if pattern.search(lowered):
            return part
    return None


def _assign_parts(blocks: list[Block]) -> None:
    """A heading naming a part sets it; everything else inherits from its parent."""
    seen_structure = False
    for block in blocks:
        own = _part_of_title(block.title) if block.title else None
        if own is not None:
            block.part = own
        elif block.parent is not None:
            block.part = block.parent.part
        else:
            block.part = OTHER if seen_structure or block.kind is not None else PREAMBLE
        seen_structure = seen_structure or block.kind is not None or own is not None
