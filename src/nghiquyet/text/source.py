"""The normalised lines of one input file, and what the layout rules need to know about them.

Each line is stripped and its runs of spaces collapsed; a leading space is
remembered as the page-start mark of printed text; the wrap width is
measured. Line ``i`` (0-based) is line ``i + 1`` of the file as given, except
in a file with a blank line after every line: there those blank lines mean
nothing and are left out (a longer run of them still separates paragraphs),
and ``number`` maps a line back to its input line.
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
    numbers: list[int] | None = None  # input line of each line, when blank lines were left out

    @classmethod
    def from_lines(cls, lines: list[str]) -> SourceLines:
        text = [_SPACES.sub(" ", line).strip() for line in lines]
        page_start = [line[:1].isspace() and bool(stripped) for line, stripped in zip(lines, text)]
        if not _double_spaced(text):
            return cls(text, page_start)
        kept = _meaningful_lines(text)
        return cls([text[i] for i in kept], [page_start[i] for i in kept], [i + 1 for i in kept])

    def __len__(self) -> int:
        return len(self.text)

    def number(self, index: int) -> int:
        """The 1-based line of the input that line ``index`` is."""
        return self.numbers[index] if self.numbers is not None else index + 1

    def next_non_blank(self, index: int, last: int) -> int | None:
        while index <= last:
            if self.text[index]:
                return index
            index += 1
        return None


def _double_spaced(text: list[str]) -> bool:
    """A blank line after nearly every line (a copy from a word processor, some exports)."""
    filled = [index for index, line in enumerate(text) if line]
    followed = sum(1 for index in filled[:-1] if not text[index + 1])
    return len(filled) > 10 and followed >= 0.9 * (len(filled) - 1)


def _meaningful_lines(text: list[str]) -> list[int]:
    """Indexes of the lines to keep: every non-blank line, and of a run of k blank lines
    (k - 1) // 2, as a blank line printed between paragraphs becomes three."""
    kept, run = [], []
    for index, line in enumerate(text):
        if line:
            kept.extend(run[len(run) - (len(run) - 1) // 2 :] if run else [])
            kept.append(index)
            run = []
        else:
            run.append(index)
    kept.extend(run[len(run) - (len(run) - 1) // 2 :] if run else [])
    return kept


def wrap_width(lines: list[str]) -> int:
    """The width text was wrapped at: nine lines in ten of some length are no longer."""
    lengths = sorted(len(line) for line in lines if len(line) >= 20)
    return max(lengths[int(len(lengths) * 0.9)] if lengths else 80, 40)
