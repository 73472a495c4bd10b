"""Shared text helpers for extraction: one searchable form of the text, word lists.

Extraction works on a lower-cased copy of the text with one kind of dash and
quote, *of the same length*, so every offset found in it is an offset in the
original text. Word lists here are general Vietnamese administrative language,
not phrases of any particular document.
"""

from __future__ import annotations

import re

from nghiquyet.text.normalize import DASHES, QUOTES

# A letter of Vietnamese (or Latin) text, for word boundaries around matches.
LETTER = r"[^\W\d_]"
WORD_START = rf"(?<!{LETTER})"
WORD_END = rf"(?!{LETTER})"


_UNIFY = {chr(code): char for code, char in {**DASHES, **QUOTES}.items()} | {"\u00a0": " "}
_TO_UNIFY = re.compile("[" + re.escape("".join(_UNIFY)) + "]")


def searchable(text: str) -> str:
    """Lower-cased text with unified dashes and quotes, offset-for-offset equal to ``text``."""
    unified = _TO_UNIFY.sub(lambda match: _UNIFY[match.group()], text)  # faster than str.translate
    lowered = unified.lower()
    if len(lowered) == len(unified):
        return lowered
    # A few characters lower-case to two (İ): keep such characters as they are.
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in unified)


def words_pattern(words) -> str:
    """An alternation of ``words`` (longest first), spaces matching any run of spaces."""
    alternatives = sorted({w.lower() for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alternatives)
    return rf"{WORD_START}(?:{body}){WORD_END}"
