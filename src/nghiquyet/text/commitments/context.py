"""What every extractor needs to know about the document being read."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from nghiquyet.text.commitments.lexicon import searchable
from nghiquyet.text.commitments.periods import find_periods
from nghiquyet.text.commitments.structure import Block, read_blocks
from nghiquyet.text.model import ParsedDocument


@dataclass
class DocumentContext:
    document: ParsedDocument
    blocks: list[Block] = field(default_factory=list)

    @classmethod
    def of(cls, document: ParsedDocument) -> "DocumentContext":
        return cls(document, read_blocks(document.body))

    @property
    def text(self) -> str:
        return self.document.body.text

    @cached_property
    def lowered(self) -> str:
        return searchable(self.text)

    @property
    def issue_year(self) -> int | None:
        return self.document.issued_on.year if self.document.issued_on else None

    @cached_property
    def title_deadline(self) -> str | None:
        """The horizon a document's title names: "giai đoạn 2021-2025" → 2025.

        Dates in a title are those of documents it cites ("Nghị quyết số 113-NQ/TU ngày
        22/7/2016"), and a period already over is not a horizon.
        """
        if not self.document.title:
            return None
        for period in find_periods(self.document.title, self.issue_year):
            if period.kind in ("span", "point") and len(period.period) == 4 and (
                self.issue_year is None or int(period.period) >= self.issue_year
            ):
                return period.period
        return None

    @cached_property
    def _positions(self) -> dict[int, int]:
        return {id(block): index for index, block in enumerate(self.blocks)}

    def governing_texts(self, block: Block) -> Iterator[str]:
        """Headings and lead-ins above ``block``, nearest first: its own heading, the titles of the
        items it belongs to, and paragraphs ending with ":" that introduce it ("Phấn đấu đến
        năm 2025:", "... trong giai đoạn 2021 - 2025 như sau:")."""
        if block.title and block.kind is not None:
            yield block.title
        ancestors = {id(ancestor) for ancestor in block.ancestors()}
        depth = block.depth
        sealed = False  # a heading in between: lead-ins before it govern another section
        for previous in reversed(self.blocks[:self._positions[id(block)]]):
            paragraph = self.text[previous.content_start:previous.end].rstrip()
            if id(previous) in ancestors:
                if previous.title:
                    yield previous.title
                if paragraph.endswith(":") and paragraph != previous.title:
                    yield paragraph
                depth, sealed = previous.depth, False
                continue
            if previous.depth > depth or sealed:
                continue
            if previous.title and previous.kind is not None:
                sealed = True
            elif paragraph.endswith(":"):
                yield paragraph
                sealed = True

    def line_at(self, offset: int) -> int:
        return self.document.body.line_at(offset)
