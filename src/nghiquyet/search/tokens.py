"""How text becomes index tokens, the same way for every engine.

Every word is indexed twice: *folded* (no diacritics, "chuyen") for people
typing without Vietnamese input, and *plain* ("chuyeen2": the letters in
Telex spelling, the tone as a digit at the end) for those typing the marks.
Moving the tone to the end makes old and new tone placement the same token
(hoá = hóa = "hoa4", uỷ = ủy = "uy2"); spelling the letter marks in ASCII
keeps every token plain ``[a-z0-9]`` so no engine's tokenizer, locale or
syntax can reinterpret it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from nghiquyet.documents.symbols import symbol_parts
from nghiquyet.text.normalize import TONE_MARKS, fold, nfc

WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TONE_DIGITS = {mark: str(index) for index, mark in enumerate(TONE_MARKS, start=1)}
# Letter marks spelled the Telex way: ă = aw, â = aa, ơ = ow, ư = uw.
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
MAX_TOKEN = 60


def words(text: str) -> Iterator[re.Match]:
    """The words of ``text`` (NFC), with their offsets."""
    return WORD.finditer(text)


_NOT_ASCII = re.compile(r"[^a-z0-9]")


def ascii_only(token: str) -> str:
    """Other scripts' letters spelled as code points: still searchable, never syntax."""
    return _NOT_ASCII.sub(lambda match: f"u{ord(match.group()):x}", token)[:MAX_TOKEN]


@lru_cache(maxsize=131072)
def folded_token(word: str) -> str:
    return ascii_only(fold(word).replace(" ", ""))


@lru_cache(maxsize=131072)
def plain_token(word: str) -> str:
    """The word with its marks, as ASCII: "chuyển" -> "chuyeen2", "hoá" -> "hoa4"."""
    letters: list[str] = []
    tone = ""
    for char in unicodedata.normalize("NFD", word.casefold()):
        if char in _TONE_DIGITS:
            tone = _TONE_DIGITS[char]
        elif char == _CIRCUMFLEX and letters:
            letters.append(letters[-1])
        elif char in (_BREVE, _HORN):
            letters.append("w")
        elif char == "đ":
            letters.append("dd")
        elif not unicodedata.combining(char):
            letters.append(char)
    return ascii_only("".join(letters) + tone)


def has_marks(word: str) -> bool:
    """Did the user type Vietnamese marks (then they mean exactly this word)?"""
    return fold(word) != word.casefold()


def token_pairs(text: str) -> list[tuple[str, str]]:
    """(plain, folded) for every word of ``text``, in order."""
    return [(plain_token(m.group()), folded_token(m.group())) for m in words(nfc(text))]


# -- symbols -------------------------------------------------------------------------


def symbol_tokens(number: str, type_code: str, issuer: str = "") -> list[str]:
    """Tokens naming a symbol as a whole: "sh109nq" and "sh109nqtu"."""
    tokens = [f"sh{number}{type_code}"]
    if issuer:
        tokens.append(f"sh{number}{type_code}{issuer}")
    return tokens


def document_symbol_tokens(symbol: str) -> list[str]:
    parts = symbol_parts(symbol)
    return symbol_tokens(*parts) if parts else []
