"""The outline of a document: its sections and items as a tree.

Paragraphs of the repaired body that begin with a marker ("Chương I", "Điều
5.", "I-", "1.", "1.1.", "2.1.3", "a)", "(1)", "-", "+") are nodes. Markers nest
by their usual rank (chapters above articles above Roman numerals above Arabic
above dotted above letters above bullets); a marker seen
again closes everything opened below it, so documents that skip a level or
use their own order still give a sensible tree.
"""

from __future__ import annotations

import re

from nghiquyet.text.model import OutlineNode, RepairedText
from nghiquyet.text.patterns import MARKER_RE

_RANK = {
    "chapter": -2,
    "article": -1,
    "roman": 0,
    "number": 1,
    "dotted2": 2,
    "dotted3": 3,
    "dotted4": 4,
    "letter": 5,
    "paren": 6,
    "-": 7,
    "•": 7,
    "*": 7,
    "+": 8,
}
_SENTENCE_END = re.compile(r"[.!?:;](?=\s|$)")
SHORT_HEADING = 160  # a paragraph this short is its own heading


def build_outline(body: RepairedText) -> list[OutlineNode]:
    roots: list[OutlineNode] = []
    stack: list[tuple[str, OutlineNode]] = []
    for span in body.paragraphs():
        match = MARKER_RE.match(span.text)
        if not match:
            continue
        kind, label = _marker(match)
        _close(stack, kind, span.start)
        node = OutlineNode(
            label=label,
            heading=_heading(span.text, match.end()),
            start=span.start,
            end=len(body.text),
            line=body.line_at(span.start),
        )
        (stack[-1][1].children if stack else roots).append(node)
        stack.append((kind, node))
    return roots


def _marker(match: re.Match) -> tuple[str, str]:
    if match["chapter"]:
        return "chapter", match["chapter"]
    if match["article"]:
        return "article", match["article"]
    if match["roman"]:
        return "roman", match["roman"]
    if match["dotted"]:
        return f"dotted{match['dotted'].count('.') + 1}", match["dotted"]
    if match["number"] or match["number_dash"]:
        return "number", match["number"] or match["number_dash"]
    if match["letter"]:
        return "letter", match["letter"]
    if match["paren"]:
        return "paren", match["paren"]
    return match["bullet"], match["bullet"]


def _close(stack: list[tuple[str, OutlineNode]], kind: str, offset: int) -> None:
    """Pop the nodes a new marker of ``kind`` ends: a sibling, or anything ranked below it."""
    if any(open_kind == kind for open_kind, _ in stack):
        while stack:
            open_kind, node = stack.pop()
            node.end = offset
            if open_kind == kind:
                return
    while stack and _RANK[stack[-1][0]] >= _RANK[kind]:
        stack.pop()[1].end = offset


def _heading(text: str, marker_end: int) -> str:
    """The heading line, or for a long item its first sentence."""
    if len(text) <= SHORT_HEADING:
        return text
    end = _SENTENCE_END.search(text, marker_end)
    return text[: end.end()] if end else text
