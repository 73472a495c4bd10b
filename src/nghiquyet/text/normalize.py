"""Vietnamese normalisation and the keys used for matching, sorting and search.

``repair_line`` is what the reader applies to every input line: combining
marks repaired (a stray horn, a duplicated or misplaced mark, a mark after a
space), NFC, invisible characters removed, one kind of dash and quote.
``is_syllable`` tells a well-formed Vietnamese syllable from mojibake, which
is how the decoder recognises legacy encodings.

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


_PUNCTUATION_TABLE = {**DASHES, **QUOTES}
_TYPOGRAPHIC = re.compile("[" + "".join(map(chr, _PUNCTUATION_TABLE)) + "]")


def unify_punctuation(text: str) -> str:
    """One kind of dash and of quote: typographic variants confuse matching."""
    if not _TYPOGRAPHIC.search(text):
        return text  # the common case, and much faster than translating
    return text.translate(_PUNCTUATION_TABLE)


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
        chr(0x100 + _LETTER_RANK[letter]) if letter in _LETTER_RANK else letter for letter in base
    )
    return encoded + chr(0x20 + tone)


def sort_key(text: str) -> str:
    """A string whose plain ordering is Vietnamese dictionary order of ``text``.

    Store it in a column to sort lists in the database the way users expect.
    """
    text = nfc(text).casefold()
    return " ".join(_sort_word(word) for word in _WORD.findall(text))


# --- Repair of combining marks -------------------------------------------------

_COMBINING = re.compile("[\u0300-\u036f]")
# Which base letters a letter mark may sit on: ă, â ê ô, ơ ư.
_LETTER_MARK_BASES = {"\u0306": "aA", "\u0302": "aeoAEO", "\u031b": "ouOU"}
_TONE_BASES = set("aeiouyAEIOUY")
# Characters that are never text: zero-width marks, byte order marks, soft hyphens.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c\x1c-\x1f\x85]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def _repair_cluster(base: str, marks: list[str]) -> str:
    """One base character with its combining marks, keeping only marks Vietnamese allows."""
    if not base.isalpha():
        return base  # a mark after a space or punctuation has nothing to sit on
    kept: list[str] = []
    has_tone = False
    for mark in marks:
        if mark in kept:
            continue  # duplicated mark
        if mark in _LETTER_MARK_BASES:
            if base not in _LETTER_MARK_BASES[mark] or any(m in _LETTER_MARK_BASES for m in kept):
                continue  # a horn on "a", or a second letter mark
        elif mark in TONE_ORDER:
            if has_tone or base not in _TONE_BASES:
                continue  # a second tone, or a tone on a consonant
            has_tone = True
        kept.append(mark)
    # ô before its tone, whatever the order of the input
    kept.sort(key=lambda mark: mark not in _LETTER_MARK_BASES)
    return base + "".join(kept)


def repair_marks(text: str) -> str:
    """NFC with stray, duplicated and impossible combining marks removed.

    "cơ̛ sở" (a second horn) becomes "cơ sở"; "tô" + combining hook becomes
    "tổ"; a lone mark after a space disappears.
    """
    if not _COMBINING.search(text):
        return nfc(text)
    decomposed = unicodedata.normalize("NFD", text)
    out: list[str] = []
    base = ""
    marks: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char):
            marks.append(char)
            continue
        if base or marks:
            out.append(_repair_cluster(base, marks))
        base, marks = char, []
    if base or marks:
        out.append(_repair_cluster(base, marks))
    return nfc("".join(out))


_NEEDS_REPAIR = re.compile(
    "|".join(pattern.pattern for pattern in (_COMBINING, _ODD_SPACES, _CONTROLS, _TYPOGRAPHIC))
    + f"|[{''.join(map(chr, _INVISIBLE))}]"
)


def repair_line(line: str) -> str:
    """One input line as the reader sees it: marks repaired, NFC, plain spaces, dashes, quotes."""
    if not _NEEDS_REPAIR.search(line) and unicodedata.is_normalized("NFC", line):
        return line
    line = _CONTROLS.sub(" ", _ODD_SPACES.sub(" ", line.translate(_INVISIBLE)))
    return unify_punctuation(repair_marks(line))


# --- Well-formed syllables -----------------------------------------------------

_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx]"
_OPEN_RHYMES = (
    "a ai ao au ay âu ây e eo ê êu i ia iu o oa oai oao oay oe oeo oi ô ôi ơ ơi u ua uê ui "
    "uơ uy uya uyu ư ưa ưi ưu y ươi ươu iêu yêu uôi uây"
).split()
_CLOSED_NUCLEI = "a ă â e ê i o ô ơ u ư oa oă oe oo uâ uê uy iê yê uô ươ uyê".split()
_FINALS = "ch|nh|ng|[cmnpt]"
_RHYME = "|".join(sorted(_OPEN_RHYMES, key=len, reverse=True))
_NUCLEUS = "|".join(sorted(_CLOSED_NUCLEI, key=len, reverse=True))
_SYLLABLE = re.compile(rf"^(?:{_INITIALS})?(?:(?:{_NUCLEUS})(?:{_FINALS})|(?:{_RHYME}))$|^gi$")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when ``word`` is spelt like a Vietnamese syllable (any case, any tone placement)."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tones = [char for char in decomposed if char in TONE_ORDER]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_ORDER))
    return bool(_SYLLABLE.match(bare))
