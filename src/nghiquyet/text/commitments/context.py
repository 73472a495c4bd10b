"""What every extractor needs to know about the document being read."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

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
        """The horizon a document's title names: "giai đoạn 2021-2025" → 2025."""
        if not self.document.title:
            return None
        for period in find_periods(self.document.title, self.issue_year):
            if period.kind != "since":
                return period.period
        return None

    def line_at(self, offset: int) -> int:
        return self.document.body.line_at(offset)
