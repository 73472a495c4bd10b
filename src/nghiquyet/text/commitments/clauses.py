"""Sentences and clauses of a paragraph, as offset spans.

A sentence ends at ".", "!" or "?" followed by a capital letter (or the end);
abbreviations ("TP.", "QL.37") and decimal points do not end one. A clause
is a stretch of a sentence between semicolons.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?…])(?:\s*[./]+)?\s+(?=[\"“(]?(\w))")
_ROMAN_END = re.compile(r"\s[IVX]{1,4}\.$")  # "đô thị loại V." ends a sentence
_ABBREVIATION_BEFORE = re.compile(r"(?:\b[A-ZĐ]{1,3}|\bv\.v|\bTS|\bThS|\bPGS|\bGS)\.$")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if not match.group(1).isupper():
            continue  # "dịch bệnh… đăng ký": a sentence begins with a capital
        head = text[cursor:match.start()]
        if _ABBREVIATION_BEFORE.search(head[-6:]) and not _ROMAN_END.search(head[-8:]):
            continue
        spans.append(_trim(text, cursor, match.start()))
        cursor = match.end()
    spans.append(_trim(text, cursor, end))
    return [span for span in spans if span[1] > span[0]]


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Semicolon-separated parts of the sentence ``text[start:end]``."""
    spans = []
    cursor = start
    depth = 0
    for index in range(start, end):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            spans.append(_trim(text, cursor, index))
            cursor = index + 1
    spans.append(_trim(text, cursor, end))
    return [span for span in spans if span[1] > span[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
