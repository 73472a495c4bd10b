"""Names of the bodies that issue documents, and text in capitals written as a sentence.

A header names the issuing committee with its place ("HUYỆN ỦY LỤC NAM",
"ĐẢNG ỦY XÃ TAM GIANG", "ỦY BAN NHÂN DÂN / XÃ TAM GIANG"); documents name
it by its level, without the place: "Huyện ủy", "Đảng ủy xã", "Ủy ban nhân
dân xã". A signature acts for that committee or one of its bodies: "T/M BAN
THƯỜNG VỤ" under "HUYỆN ỦY LỤC NAM" is "Ban Thường vụ Huyện ủy", "T/M ĐẢNG
ỦY" under "ĐẢNG ỦY XÃ TAM GIANG" is "Đảng ủy xã".

Names are recognised word by word on ``match_key`` (so "UỶ" and "ỦY" are one
word) and abbreviations are spelt out ("UBND" → "Ủy ban nhân dân").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nghiquyet.text.normalize import is_syllable, match_key
from nghiquyet.text.patterns import KIND_WORDS

_WORD = re.compile(r"[\w\u0300-\u036f]+(?:[-/.][\w\u0300-\u036f]+)*")
_ABBREVIATIONS = {
    match_key("UBND"): "Ủy ban nhân dân",
    match_key("HĐND"): "Hội đồng nhân dân",
    match_key("MTTQ"): "Mặt trận Tổ quốc",
}

# Levels of local government, as written after a body's name ("Đảng ủy xã", "Ủy ban nhân dân tỉnh").
LEVELS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "đặc khu")
# The committee a Party organisation of each level elects: "Đảng bộ huyện" → "Huyện ủy".
_COMMITTEE_OF_LEVEL = {
    "tỉnh": "Tỉnh ủy",
    "thành phố": "Thành ủy",
    "huyện": "Huyện ủy",
    "quận": "Quận ủy",
    "thị xã": "Thị ủy",
    "thị trấn": "Đảng ủy thị trấn",
    "xã": "Đảng ủy xã",
    "phường": "Đảng ủy phường",
    "đặc khu": "Đảng ủy đặc khu",
    "khối": "Đảng ủy Khối",
}
# Party committees, most specific first; a name ending in "+" takes the level after it
# ("Đảng ủy Quân sự tỉnh"); the place after the others is left out.
_COMMITTEES = (
    "Đảng ủy Khối",
    "Đảng ủy thị trấn",
    "Đảng ủy xã",
    "Đảng ủy phường",
    "Đảng ủy đặc khu",
    "Đảng ủy các cơ quan Đảng+",
    "Đảng ủy Ủy ban nhân dân+",
    "Đảng ủy Quân sự+",
    "Đảng ủy Công an+",
    "Đảng ủy Bộ đội Biên phòng+",
    "Đảng ủy",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Thị ủy",
    "Quận ủy",
    "Chi bộ",
    "Chi ủy",
)
_STATE_BODIES = ("Ủy ban nhân dân+", "Hội đồng nhân dân+")
# Bodies of a committee (or of a state body) that sign or issue in its name.
_ORGANS = (
    "Ban Thường vụ",
    "Thường trực",
    "Ban Chấp hành",
    "Ban cán sự đảng",
    "Đảng đoàn",
    "Ủy ban Kiểm tra",
    "Văn phòng",
    "Trường Chính trị",
    "Ban Chỉ đạo",
)
# Boards of a committee are written "Ban" + the first word of each part capitalised
# ("Ban Kinh tế - Xã hội"); the usual ones, for text in capitals.
_BOARDS = (
    "Ban Tổ chức",
    "Ban Tuyên giáo và Dân vận",
    "Ban Tuyên giáo",
    "Ban Dân vận",
    "Ban Nội chính",
)
# Bodies that are named alone, and further names written with capitals inside a sentence.
_NAMED_ALONE = ("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Đoàn Chủ tịch")
_PROPER = _NAMED_ALONE + (
    "Trung ương",
    "Đảng Cộng sản Việt Nam",
    "Đảng bộ",
    "Nhà nước",
    "Nhân dân",
    "Việt Nam",
    "Hồ Chí Minh",
    "Mặt trận Tổ quốc",
    "Tổ quốc",
    "Quốc hội",
    "Chính phủ",
    "Thủ tướng",
    *_BOARDS,
)
# Words that begin names of bodies and documents, capitalised wherever they stand.
_NAME_STARTS = (
    "Đại hội",
    "Sở",
    "Bộ",
    "Cục",
    "Ủy ban",
    "Hội đồng",
    "Hội",
    "Liên đoàn",
    "Tòa án",
    "Viện",
    "Báo",
    "Đài",
    "Trường",
    "Trung tâm",
    "Công an",
    "Quân sự",
    "Ngân hàng",
    "Kho bạc",
    "Điều lệ",
    "Luật",
    "Hiến pháp",
    "Tỉnh",
    "Huyện",
    "Thành phố",
)
# "tổ chức đảng", "đảng viên": the common noun, written in lower case.
_PARTY_AS_NOUN_BEFORE = {match_key(word) for word in ("viên", "phí", "tịch")}
_PARTY_AS_NOUN_AFTER = {match_key(word) for word in ("chức", "sở", "sự", "tác")}
_PUNCTUATION = ",.;:()\"'"


def _words(text: str) -> list[str]:
    """The words of ``text`` as keys, abbreviations of body names spelt out."""
    words: list[str] = []
    for word in _WORD.findall(match_key(text)):
        words.extend(_words(_ABBREVIATIONS[word]) if word in _ABBREVIATIONS else [word])
    return words


@dataclass(frozen=True)
class _Name:
    written: str
    keys: tuple[str, ...]
    with_level: bool


# Names by their first word, for finding them in a text word by word.
_Names = dict[str, list[_Name]]


def _names(*written: str) -> _Names:
    names: _Names = {}
    for name in written:
        keys = tuple(_words(name.rstrip("+")))
        if keys:
            names.setdefault(keys[0], []).append(_Name(name.rstrip("+"), keys, name.endswith("+")))
    return names


_COMMITTEE_NAMES = _names(*_COMMITTEES)
_STATE_NAMES = _names(*_STATE_BODIES)
_COMMITTEE_OR_STATE = _names(*_COMMITTEES, *_STATE_BODIES)
_ORGAN_NAMES = _names(*_ORGANS, *_NAMED_ALONE)
_ALONE_NAMES = _names(*_NAMED_ALONE)
_PROPER_NAMES = (*_PROPER, *_COMMITTEES, *_STATE_BODIES, *_ORGANS)
_KIND_NAMES = _names(*KIND_WORDS)
_STARTS_OF_NAMES = _names(*_PROPER_NAMES, *KIND_WORDS, *_NAME_STARTS)
_LEVEL_KEYS = {tuple(_words(level)): level for level in LEVELS}
_COMMITTEE_WORD = match_key("ủy")
_BAN = match_key("ban")
_PARTY = tuple(_words("Đảng bộ"))
_BLOC = match_key("khối")
_BOARD_WORDS = {match_key("ban"), match_key("sở")}
_GREAT = match_key("đại")  # "Nghị quyết Đại hội"
_BARE_STATE = {name.rstrip("+") for name in _STATE_BODIES}
_PLACE_COMMITTEES = set(_COMMITTEE_OF_LEVEL.values()) - {_COMMITTEE_OF_LEVEL["khối"]}


def _starts(words: list[str], index: int, keys: tuple[str, ...]) -> bool:
    return tuple(words[index : index + len(keys)]) == keys


def _level_at(words: list[str], index: int) -> str | None:
    levels = [level for level in _LEVEL_KEYS if _starts(words, index, level)]
    return _LEVEL_KEYS[max(levels, key=len)] if levels else None


def _find(names: _Names, words: list[str]) -> list[tuple[int, int, str]]:
    """Every (position, length, written name) of ``names`` in ``words``, left to right, longest
    first; a name that takes a level gets it ("Đảng ủy Quân sự" + "tỉnh")."""
    found, index = [], 0
    while index < len(words):
        here = [
            name
            for name in names.get(words[index], ())
            if _starts(words, index, name.keys) and not _begins_board(name, words, index)
        ]
        if not here:
            index += 1
            continue
        name = max(here, key=lambda name: len(name.keys))
        length, written = len(name.keys), name.written
        level = _level_at(words, index + length) if name.with_level else None
        if level:
            written, length = f"{written} {level}", length + len(level.split())
        found.append((index, length, written))
        index += length
    return found


def _begins_board(name: _Name, words: list[str], index: int) -> bool:
    """ "ĐẢNG ỦY BAN ..." is "Đảng" + "Ủy ban ...", not the committee "Đảng ủy"."""
    after = index + len(name.keys)
    return name.keys[-1] == _COMMITTEE_WORD and words[after : after + 1] == [_BAN]


def committee(text: str) -> str | None:
    """The lowest Party committee ``text`` names, by level: "ĐẢNG BỘ TỈNH BẮC NINH ĐẢNG ỦY XÃ TAM
    GIANG" → "Đảng ủy xã"; "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" → "Đảng ủy Khối"."""
    found = _find(_COMMITTEE_NAMES, _words(text))
    return found[-1][2] if found else None


def state_body(text: str) -> str | None:
    """ "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" → "Ủy ban nhân dân tỉnh" (a Party committee's name such as
    "Đảng ủy Ủy ban nhân dân tỉnh" aside); without level, "Ủy ban nhân dân"."""
    words = _words(text)
    party = _find(_COMMITTEE_NAMES, words)
    for start, _, written in _find(_STATE_NAMES, words):
        if not any(first <= start < first + length for first, length, _ in party):
            return written
    return None


def committee_of_party(text: str) -> str | None:
    """ "BAN CHẤP HÀNH ĐẢNG BỘ XÃ" → "Đảng ủy xã": the committee a Party organisation elects."""
    words = _words(text)
    for index in range(len(words)):
        if _starts(words, index, _PARTY):
            level = _level_at(words, index + 2)
            if level or words[index + 2 : index + 3] == [_BLOC]:
                return _COMMITTEE_OF_LEVEL[level or "khối"]
    return None


def complete(named: str, header: str | None) -> str:
    """A committee named without its level ("T/M ĐẢNG ỦY") takes the header's: "Đảng ủy xã"."""
    return header if header and header.startswith(named + " ") else named


@dataclass
class HeaderBodies:
    """The body the header names as issuer, and the committee or state body it belongs to."""

    parent: str | None
    body: str | None


def header_bodies(issuer_lines: list[str]) -> HeaderBodies:
    """ "TỈNH ỦY BẮC GIANG" → the Tỉnh ủy; "TỈNH ỦY BẮC GIANG / BAN TỔ CHỨC" → its Ban Tổ chức;
    "ỦY BAN NHÂN DÂN / TỈNH BẮC NINH" → the state body "Ủy ban nhân dân tỉnh"."""
    text = " ".join(issuer_lines)
    parent = committee(text) or state_body(text)
    organ = next((organ_name(line) for line in issuer_lines[::-1] if organ_name(line)), None)
    if organ and organ.startswith("Sở "):  # a department of the provincial government
        return HeaderBodies(parent, organ)
    if organ and organ not in ("Ban Thường vụ", "Ban Chấp hành"):
        return HeaderBodies(parent, f"{organ} {parent}" if parent else readable(issuer_lines[-1]))
    return HeaderBodies(parent, parent)


def organ_name(text: str) -> str | None:
    """The body of a committee that ``text`` begins with: "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY" →
    "Ban Tuyên giáo và Dân vận"; a board not known by name is written the way boards are
    ("BAN KINH TẾ - XÃ HỘI" → "Ban Kinh tế - Xã hội")."""
    words = _words(text)
    found = _find(_ORGAN_NAMES, words)
    if found and found[0][0] == 0:
        return found[0][2] if found[0][2] not in _NAMED_ALONE else None
    printed = text.split()
    if len(printed) < 2 or match_key(printed[0]) not in _BOARD_WORDS:
        return None
    end = next(
        (index for index in range(1, len(printed)) if _names_committee(printed[index:])),
        len(printed),
    )
    return _board_name(printed[:end])


def _names_committee(printed: list[str]) -> bool:
    found = _find(_COMMITTEE_OR_STATE, _words(" ".join(printed[:6])))
    return bool(found) and found[0][0] == 0


def _board_name(printed: list[str]) -> str:
    """ "BAN KINH TẾ - XÃ HỘI" → "Ban Kinh tế - Xã hội", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" →
    "Sở Văn hóa, Thể thao và Du lịch": each part's first word capitalised."""
    out, capital = [], True
    for word in printed:
        lower = word.lower()
        out.append(lower.capitalize() if capital and lower not in ("-", "và") else lower)
        capital = match_key(lower) in _BOARD_WORDS or lower in ("-", "và") or lower.endswith(",")
    return " ".join(out)


def acting_body(text: str, header: HeaderBodies) -> str:
    """The body a signature ("T/M ...") or a title block ("CỦA ...") names, in full.

    "BAN THƯỜNG VỤ" → "Ban Thường vụ" of the header's committee; "ĐẢNG ỦY" →
    the header's "Đảng ủy xã"; "BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN" → "Huyện ủy";
    "ỦY BAN NHÂN DÂN" → the header's "Ủy ban nhân dân tỉnh".
    """
    parent, named, state = header.parent, committee(text), state_body(text)
    if state and not named:
        return complete(state, parent)
    alone = _find(_ALONE_NAMES, _words(text))
    if alone and alone[0][0] == 0:
        return alone[0][2]
    organ = organ_name(text)
    if organ == "Ban Chấp hành":
        return (
            committee_of_party(text)
            or (complete(named, parent) if named else parent)
            or readable(text)
        )
    if organ:
        rest = complete(named, parent) if named else parent
        return f"{organ} {rest}" if rest else organ
    return complete(named, parent) if named else readable(text)


def place_names(lines: list[str]) -> tuple[str, ...]:
    """Proper names of places in header lines: "HUYỆN ỦY LỤC NAM", "ĐẢNG BỘ TỈNH BẮC GIANG", "XÃ
    TAM GIANG" → "Lục Nam", "Bắc Giang", "Tam Giang"."""
    names = []
    for line in lines:
        printed = line.split()
        for index in range(1, len(printed)):
            if _names_place(printed[:index]) and not _names_place(printed[: index + 1]):
                tail = printed[index:]
                if len(tail) <= 4 and all(is_syllable(word) for word in tail):
                    names.append(" ".join(word.capitalize() for word in tail))
                break
    return tuple(names)


def _names_place(printed: list[str]) -> bool:
    """What a place name follows: "HUYỆN ỦY", "ĐẢNG ỦY XÃ", "ĐẢNG BỘ TỈNH", "ỦY BAN NHÂN DÂN TỈNH"."""
    words = _words(" ".join(printed))
    if tuple(words) in _LEVEL_KEYS:
        return True
    if _starts(words, 0, _PARTY):
        return tuple(words[2:]) in _LEVEL_KEYS
    found = _find(_COMMITTEE_OR_STATE, words)
    if len(found) != 1 or found[0][1] != len(words):
        return False
    return found[0][2] in _PLACE_COMMITTEES or any(
        found[0][2].startswith(state + " ") for state in _BARE_STATE
    )


def readable(text: str, names: tuple[str, ...] = ()) -> str:
    """Text printed in capitals written as in a sentence.

    Names of bodies keep their capitals ("Ban Thường vụ Tỉnh ủy", "Đảng bộ"),
    and so do "Đảng" (the Party), the place ``names`` given ("Bắc Giang"), a
    type word naming a document ("Nghị quyết số ..."), symbols and other
    abbreviations ("111-NQ/TU", "OCOP") and Roman numerals; other words are
    lower-cased. The first letter is a capital.
    """
    printed = text.split()
    keys = [match_key(word.strip(_PUNCTUATION)) for word in printed]
    out = [
        word.lower() if word.isupper() and is_syllable(word.strip(_PUNCTUATION + "-")) else word
        for word in printed
    ]
    for start, length, written in _find(_names(*_PROPER_NAMES, *names), keys):
        _capitals(out, start, written.split()[:length])
    for start, length, written in _find(_KIND_NAMES, keys):
        following = keys[start + length] if start + length < len(keys) else ""
        if following in (match_key("số"), _GREAT) or following[:1].isdigit():
            _capitalise(out, start)  # "Nghị quyết số ...", "Nghị quyết Đại hội ..."
            if following == _GREAT:
                _capitalise(out, start + length)
    for index, key in enumerate(keys):
        if key == match_key("đảng") and not _party_as_noun(keys, index):
            _capitalise(out, index)
    sentence = " ".join(out)
    return sentence[:1].upper() + sentence[1:]


def _party_as_noun(keys: list[str], index: int) -> bool:
    before = keys[index - 1] if index else ""
    after = keys[index + 1] if index + 1 < len(keys) else ""
    return after in _PARTY_AS_NOUN_BEFORE or before in _PARTY_AS_NOUN_AFTER


def _capitals(out: list[str], start: int, written: list[str]) -> None:
    """Give the words from ``start`` the capitals of ``written``, keeping their own spelling."""
    for offset, word in enumerate(written):
        if word[:1].isupper():
            _capitalise(out, start + offset)


def _capitalise(out: list[str], index: int) -> None:
    current = out[index]
    letter = next((i for i, char in enumerate(current) if char.isalpha()), None)
    if letter is not None:
        out[index] = current[:letter] + current[letter].upper() + current[letter + 1 :]


def continues_name(before: str, after: str) -> bool:
    """Whether ``after`` begins with a name (and so may continue a sentence) rather than with
    a capitalised common word opening a new one: "Ban" + "Thường vụ Tỉnh ủy ...", "Chương
    trình hành động này", "UBND các huyện", "Hồ Chí Minh" do; "Các ban cán sự đảng ..." does not.
    """
    printed = after.split()
    first = printed[0].strip(_PUNCTUATION) if printed else ""
    if not first or not is_syllable(first) or len(printed) > 1 and printed[1][:1].isupper():
        return True
    tail, head = _words(before)[-4:], _words(" ".join(printed[:6]))
    words = tail + head
    return any(  # a name that the line break cuts, or that begins the line
        _starts(words, start, name.keys) and start + len(name.keys) > len(tail)
        for start in range(len(tail) + 1)
        for name in _STARTS_OF_NAMES.get(words[start], ())
    )
