"""The document text as the page shows it: paragraphs with their original line
numbers, cut into pieces so each extracted item's span can be highlighted."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Document, ExtractedItem


@dataclass
class Piece:
    text: str
    items: list[ExtractedItem] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)  # items whose span begins here

    @property
    def item_ids(self) -> str:
        return " ".join(f"item-{item.pk}" for item in self.items)

    @property
    def types(self) -> str:
        return " ".join(sorted({item.type for item in self.items}))


@dataclass
class Paragraph:
    start: int
    line: int | None
    pieces: list[Piece]


def paragraphs(document: Document, items: list[ExtractedItem]) -> list[Paragraph]:
    text = document.text
    spans = sorted((item for item in items if item.end > item.start), key=lambda item: item.start)
    result = []
    anchored: set[int] = set()
    start = 0
    for chunk in text.split("\n"):
        end = start + len(chunk)
        if chunk.strip():
            result.append(Paragraph(start, document.line_at(start), _pieces(text, start, end, spans, anchored)))
        start = end + 1
    return result


def _pieces(text: str, start: int, end: int, spans: list[ExtractedItem], anchored: set[int]) -> list[Piece]:
    inside = [item for item in spans if item.start < end and item.end > start]
    if not inside:
        return [Piece(text[start:end])]
    cuts = sorted({start, end, *(max(start, min(end, point)) for item in inside for point in (item.start, item.end))})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        if right > left:
            covering = [item for item in inside if item.start <= left and item.end >= right]
            anchors = [item.pk for item in covering if item.pk not in anchored]
            anchored.update(anchors)
            pieces.append(Piece(text[left:right], covering, anchors))
    return pieces
