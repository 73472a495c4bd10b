"""Vietnamese normalisation and the keys used for matching, sorting and search.

``match_key`` treats old and new tone placement as equal (hoá = hóa,
uỷ = ủy, khoá = khóa) and ignores case and spacing; ``fold`` also drops every
diacritic (chuyen doi so = chuyển đổi số). ``sort_key`` orders Vietnamese the
way a dictionary does (a ă â b c d đ e ê ..., tones after the letter).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The five tone marks, in dictionary order after the unmarked tone.
TONE_MARKS = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # huyền hỏi ngã sắc nặng
TONE_ORDER = {mark: index + 1 for index, mark in enumerate(TONE_MARKS)}
# Marks that make a different letter (ă â ê ô ơ ư) rather than a tone.
LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
VOWELS = set("aeiouy")

_WORD = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s+")

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"), "-")
QUOTES = {
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"),
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def unify_punctuation(text: str) -> str:
    """One kind of dash and of quote: typographic variants confuse matching."""
    return text.translate(DASHES).translate(QUOTES)


@lru_cache(maxsize=65536)
def _syllable_key(word: str) -> str:
    """A syllable with its tone mark moved to the end: placement no longer matters."""
    decomposed = unicodedata.normalize("NFD", word)
    tone = ""
    letters = []
    for char in decomposed:
        if char in TONE_ORDER:
            tone = char
        else:
            letters.append(char)
    return unicodedata.normalize("NFC", "".join(letters)) + tone


def match_key(text: str) -> str:
    """Case-, spacing- and tone-placement-insensitive form of ``text``."""
    text = unify_punctuation(nfc(text)).casefold()
    text = _WORD.sub(lambda match: _syllable_key(match.group()), text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """``match_key`` without any diacritics: what people type without Vietnamese input."""
    text = unify_punctuation(nfc(text)).casefold()
    text = _WORD.sub(lambda match: _fold_word(match.group()), text)
    return _SPACES.sub(" ", text).strip()


# Dictionary order of Vietnamese base letters; other characters keep code point order.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}


@lru_cache(maxsize=65536)
def _sort_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    base: list[str] = []
    tone = 0
    for char in decomposed:
        if char in TONE_ORDER:
            tone = TONE_ORDER[char]
        elif char in LETTER_MARKS and base:
            base[-1] = unicodedata.normalize("NFC", base[-1] + char)
        else:
            base.append(char)
    encoded = "".join(
        chr(0x100 + _LETTER_RANK[letter]) if letter in _LETTER_RANK else letter
        for letter in base
    )
    return encoded + chr(0x20 + tone)


def sort_key(text: str) -> str:
    """A string whose plain ordering is Vietnamese dictionary order of ``text``.

    Store it in a column to sort lists in the database the way users expect.
    """
    text = nfc(text).casefold()
    return " ".join(_sort_word(word) for word in _WORD.findall(text))
