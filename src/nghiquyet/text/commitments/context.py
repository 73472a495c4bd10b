"""What every extractor needs to know about the document being read."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from nghiquyet.text.commitments.lexicon import searchable
from nghiquyet.text.commitments.periods import Period, Recurrence, find_periods, find_recurrences
from nghiquyet.text.commitments.structure import Block, read_blocks
from nghiquyet.text.model import ParsedDocument

_NO_YEAR = 2000
_QUARTER_END = {"1": "03-31", "2": "06-30", "3": "09-30", "4": "12-31"}


def _period_end(period: str) -> str:
    """The last day a period covers, as "YYYY-MM-DD" (months as day 31: only compared)."""
    if "-Q" in period:
        return f"{period[:4]}-{_QUARTER_END[period[-1]]}"
    if len(period) == 7:
        return f"{period}-31"
    if len(period) == 4:
        return f"{period}-12-31"
    return period


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

    @cached_property
    def _periods(self) -> list[Period]:
        return find_periods(self.text, self.issue_year or _NO_YEAR)

    @cached_property
    def _period_starts(self) -> list[int]:
        return [period.start for period in self._periods]

    def periods_in(self, start: int, end: int) -> list[Period]:
        """Periods printed in ``text[start:end]`` (offsets in the whole text), read once per document.

        Without an issue date, a month or day without its year is dated to year 2000 and flagged
        ``year_given=False``: callers needing a real date check that flag.
        """
        first = bisect.bisect_left(self._period_starts, start)
        found = []
        for period in self._periods[first:]:
            if period.start >= end:
                break
            if period.end <= end:
                found.append(period)
        return found

    def ended_before_issue(self, period: Period) -> bool:
        """Whether a period (of the issue year when none is printed) was over at the issue date."""
        issued = self.document.issued_on
        if issued is None or len(period.period) == 4:
            return False
        return _period_end(period.period) < f"{issued.year:04d}-{issued.month:02d}-{issued.day:02d}"

    def one_off(self, period: Period, clause_start: int, clause_end: int) -> str | None:
        """The deadline a period gives in the clause ``text[clause_start:clause_end]``, or None.

        A day, month or quarter printed without its year ("trước ngày 30/4", "trong quý III")
        is the next such date after the document is issued, unless the clause repeats it
        ("hằng năm, trước ngày 30/11" is every year: no one-off deadline).
        """
        if period.kind == "since":
            return None
        return self.in_issue_year(period, repeated=bool(self.recurrences_in(clause_start, clause_end)))

    def in_issue_year(self, period: Period, repeated: bool = False) -> str | None:
        """A period as a deadline; without a printed year, the next such date after the issue
        date, unless ``repeated`` (a cadence around it makes it a date of every year)."""
        if period.year_given:
            return period.period
        issued = self.document.issued_on
        if issued is None or repeated:
            return None
        stamp = f"{issued.year:04d}-{issued.month:02d}-{issued.day:02d}"
        if _period_end(period.period) < stamp:
            return f"{issued.year + 1}{period.period[4:]}"
        return period.period

    @cached_property
    def _recurrences(self) -> list[Recurrence]:
        return find_recurrences(self.text)

    def recurrences_in(self, start: int, end: int) -> list[Recurrence]:
        return [r for r in self._recurrences if start <= r.start and r.end <= end]

    def line_at(self, offset: int) -> int:
        return self.document.body.line_at(offset)
