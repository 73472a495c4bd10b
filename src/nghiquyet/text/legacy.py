"""The 8-bit Vietnamese font encodings still found in older office files.

TCVN3 (ABC, the .VnTime fonts; standard TCVN 5712:1993 "VN3") gives each
lower-case letter with its tone a byte of its own; it has no upper-case
letters with tones: titles were typed with the same bytes in an all-capitals
font (.VnTimeH), so they decode to lower case here.

VNI (VNI-Windows, the VNI-Times fonts) writes a base letter followed by one
byte for its marks ("Vie" + "ä" = "Việ"); ơ, ư, đ and the toned i's and ỵ
have bytes of their own. Upper-case letters use upper-case mark bytes.

Tables written from the published code charts. ``decode_*`` never fails:
a byte with no meaning in the chart is read as Windows-1252.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# --- TCVN3 (ABC) ---------------------------------------------------------------

_TCVN3_CHART = {
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",
    0xAE: "đ",
    0xB5: "à",
    0xB6: "ả",
    0xB7: "ã",
    0xB8: "á",
    0xB9: "ạ",
    0xBB: "ằ",
    0xBC: "ẳ",
    0xBD: "ẵ",
    0xBE: "ắ",
    0xC6: "ặ",
    0xC7: "ầ",
    0xC8: "ẩ",
    0xC9: "ẫ",
    0xCA: "ấ",
    0xCB: "ậ",
    0xCC: "è",
    0xCE: "ẻ",
    0xCF: "ẽ",
    0xD0: "é",
    0xD1: "ẹ",
    0xD2: "ề",
    0xD3: "ể",
    0xD4: "ễ",
    0xD5: "ế",
    0xD6: "ệ",
    0xD7: "ì",
    0xD8: "ỉ",
    0xDC: "ĩ",
    0xDD: "í",
    0xDE: "ị",
    0xDF: "ò",
    0xE1: "ỏ",
    0xE2: "õ",
    0xE3: "ó",
    0xE4: "ọ",
    0xE5: "ồ",
    0xE6: "ổ",
    0xE7: "ỗ",
    0xE8: "ố",
    0xE9: "ộ",
    0xEA: "ờ",
    0xEB: "ở",
    0xEC: "ỡ",
    0xED: "ớ",
    0xEE: "ợ",
    0xEF: "ù",
    0xF1: "ủ",
    0xF2: "ũ",
    0xF3: "ú",
    0xF4: "ụ",
    0xF5: "ừ",
    0xF6: "ử",
    0xF7: "ữ",
    0xF8: "ứ",
    0xF9: "ự",
    0xFA: "ỳ",
    0xFB: "ỷ",
    0xFC: "ỹ",
    0xFD: "ý",
    0xFE: "ỵ",
}


def _fallback(byte: int) -> str:
    return bytes([byte]).decode("cp1252", errors="replace")


_TCVN3_TABLE = "".join(
    chr(byte) if byte < 0x80 else _TCVN3_CHART.get(byte, _fallback(byte)) for byte in range(256)
)
_TCVN3_ENCODE = {char: bytes([byte]) for byte, char in _TCVN3_CHART.items()}


def decode_tcvn3(data: bytes) -> str:
    return codecs.charmap_decode(data, "strict", _TCVN3_TABLE)[0]


def encode_tcvn3(text: str) -> bytes:
    """Encode as an .VnTime document would store ``text`` (capitals with tones in lower case)."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if ord(char) < 0x80:
            out += char.encode("ascii")
        elif char in _TCVN3_ENCODE:
            out += _TCVN3_ENCODE[char]
        elif char.lower() in _TCVN3_ENCODE:
            out += _TCVN3_ENCODE[char.lower()]
        else:
            out += char.encode("cp1252", errors="replace")
    return bytes(out)


# --- VNI -----------------------------------------------------------------------

# Bytes that are whole letters.
_VNI_LETTERS = {
    0xF4: "ơ",
    0xD4: "Ơ",
    0xF6: "ư",
    0xD6: "Ư",
    0xF1: "đ",
    0xD1: "Đ",
    0xED: "í",
    0xCD: "Í",
    0xEC: "ì",
    0xCC: "Ì",
    0xE6: "ỉ",
    0xC6: "Ỉ",
    0xF3: "ĩ",
    0xD3: "Ĩ",
    0xF2: "ị",
    0xD2: "Ị",
    0xEE: "ỵ",
    0xCE: "Ỵ",
}
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
# Bytes that put marks on the letter before them (lower-case byte, upper-case byte).
_VNI_MARKS_LOWER = {
    0xF9: _ACUTE,
    0xF8: _GRAVE,
    0xFB: _HOOK,
    0xF5: _TILDE,
    0xEF: _DOT,
    0xE2: _CIRCUMFLEX,
    0xE1: _CIRCUMFLEX + _ACUTE,
    0xE0: _CIRCUMFLEX + _GRAVE,
    0xE5: _CIRCUMFLEX + _HOOK,
    0xE3: _CIRCUMFLEX + _TILDE,
    0xE4: _CIRCUMFLEX + _DOT,
    0xEA: _BREVE,
    0xE9: _BREVE + _ACUTE,
    0xE8: _BREVE + _GRAVE,
    0xFA: _BREVE + _HOOK,
    0xFC: _BREVE + _TILDE,
    0xEB: _BREVE + _DOT,
}
_VNI_MARKS = {
    **_VNI_MARKS_LOWER,
    **{byte - 0x20: marks for byte, marks in _VNI_MARKS_LOWER.items()},
}
_VOWELS = set("aeiouyAEIOUYơưƠƯ")
_MARK_BASES = {_CIRCUMFLEX: set("aeoAEO"), _BREVE: set("aA")}


def _takes(base: str, marks: str) -> bool:
    letter_mark = marks[0] if marks[0] in _MARK_BASES else None
    if letter_mark:
        return base in _MARK_BASES[letter_mark]
    return base in _VOWELS


# A vowel and the byte after it that marks it, as one letter: ("e", 0xE4) → "ệ".
_VNI_PAIRS = {
    base + chr(byte): unicodedata.normalize("NFC", base + marks)
    for base in _VOWELS
    for byte, marks in _VNI_MARKS.items()
    if _takes(base, marks)
}
_VNI_PAIR_RE = re.compile("|".join(sorted(map(re.escape, _VNI_PAIRS))))
# Bytes to characters before the marks are put on: letters of their own, every other byte as
# Windows-1252 (the same as Latin-1 for the mark bytes, which the pairs then replace).
_VNI_TABLE = "".join(
    chr(byte) if byte < 0x80 else _VNI_LETTERS.get(byte, _fallback(byte)) for byte in range(256)
)


def decode_vni(data: bytes) -> str:
    text = codecs.charmap_decode(data, "strict", _VNI_TABLE)[0]
    return _VNI_PAIR_RE.sub(lambda match: _VNI_PAIRS[match.group()], text)


_VNI_LETTER_BYTES = {char: bytes([byte]) for byte, char in _VNI_LETTERS.items()}
# Keyed by the marks in canonical (NFD) order: a dot below sorts before a circumflex.
_VNI_MARK_BYTES = {
    unicodedata.normalize("NFD", "a" + marks)[1:]: byte for byte, marks in _VNI_MARKS_LOWER.items()
}


def _encode_vni_char(char: str) -> bytes:
    if char in _VNI_LETTER_BYTES:
        return _VNI_LETTER_BYTES[char]
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if base in "ouOU" and marks.startswith("\u031b"):  # ơ ư are letters of their own
        base, marks = unicodedata.normalize("NFC", base + "\u031b"), marks[1:]
        head = _VNI_LETTER_BYTES[base]
    else:
        head = base.encode("cp1252", errors="replace")
    if not marks:
        return head
    byte = _VNI_MARK_BYTES.get(marks)
    if byte is None:
        return char.encode("cp1252", errors="replace")
    return head + bytes([byte - 0x20 if base.isupper() else byte])


def encode_vni(text: str) -> bytes:
    return b"".join(_encode_vni_char(char) for char in unicodedata.normalize("NFC", text))
