"""The normalised lines of one input file, and what the layout rules need to know about them.

Line ``i`` (0-based) is line ``i + 1`` of the file as given. Each line is
stripped and its runs of spaces collapsed; a leading space is remembered as
the page-start mark of printed text; the wrap width is measured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")


@dataclass
class SourceLines:
    """The normalised lines of one input file, with what the layout rules need to know."""

    text: list[str]  # stripped, inner runs of spaces collapsed
    page_start: list[bool]  # printed with leading space: the first line of a new page
    spaced: bool  # a blank line after nearly every line: blank lines mean nothing

    @classmethod
    def from_lines(cls, lines: list[str]) -> "SourceLines":
        text = [_SPACES.sub(" ", line).strip() for line in lines]
        page_start = [line[:1].isspace() and bool(stripped) for line, stripped in zip(lines, text)]
        non_blank = sum(1 for line in text if line)
        spaced = non_blank > 10 and (len(text) - non_blank) >= 0.6 * non_blank
        return cls(text, page_start, spaced)

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
