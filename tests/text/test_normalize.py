"""Repair of Vietnamese text and the keys used to compare it."""

import unicodedata

import pytest

from nghiquyet.text.normalize import (
    fold,
    is_syllable,
    match_key,
    repair_line,
    repair_marks,
    sort_key,
)


@pytest.mark.parametrize(
    "broken, repaired",
    [
        ("nhất là cấp cơ\u031b sở", "nhất là cấp cơ sở"),  # a stray second horn
        ("các to\u0302\u0309 chức", "các tổ chức"),  # base + combining marks → precomposed
        ("to\u0309\u0302 chức", "tổ chức"),  # marks in the wrong order
        ("tô\u0309\u0309 chức", "tổ chức"),  # a duplicated tone
        ("quyê\u0301\u0300t định", "quyết định"),  # two tones: the first is kept
        ("Vie\u0323\u0302t Nam", "Việt Nam"),
        ("a\u031b và \u0306", "a và "),  # a horn on "a", a breve after a space
        ("\u0301đầu dòng", "đầu dòng"),  # a mark with nothing before it
        ("Ho\u0300a Bi\u0300nh", "Hòa Bình"),  # Windows-1258 style: base + combining tone
    ],
)
def test_repair_marks(broken, repaired):
    assert repair_marks(broken) == repaired
    assert unicodedata.is_normalized("NFC", repair_marks(broken))


def test_repair_marks_keeps_other_scripts_and_plain_text():
    assert repair_marks("café naïve") == "café naïve"
    assert repair_marks("Đảng Cộng sản Việt Nam") == "Đảng Cộng sản Việt Nam"


def test_repair_line_unifies_dashes_quotes_spaces_and_drops_invisible_characters():
    line = "\ufeff“Mục tiêu kép”\u00a0– phòng\u00ad chống\u200b dịch — 2021\u20132025\t‘tốt’"
    assert repair_line(line) == "\"Mục tiêu kép\" - phòng chống dịch - 2021-2025 'tốt'"


def test_repair_line_replaces_control_characters_and_keeps_length_of_lines():
    assert repair_line("a\x00b\x07c") == "a b c"
    assert "\n" not in repair_line("một\x0bdòng")


@pytest.mark.parametrize(
    "word",
    [
        "Việt",
        "nghiêng",
        "quyết",
        "giữa",
        "khuya",
        "xoong",
        "uỷ",
        "ủy",
        "hoá",
        "ĐẢNG",
        "trường",
        "người",
        "ngoằn",
        "tuyển",
        "gì",
    ],
)
def test_well_formed_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["Vieọt", "viưt", "ViÖt", "héi", "hoµ", "CNTT", "tháng12", "hóá"])
def test_mojibake_and_non_words_are_not_syllables(word):
    assert not is_syllable(word)


def test_match_key_treats_old_and_new_tone_placement_alike():
    assert match_key("Tỉnh uỷ, hoá, khoá") == match_key("tỉnh ủy, hóa, khóa")
    assert match_key("Ban  Thường vụ") == match_key("ban thường vụ")
    assert fold("Chuyển đổi số") == "chuyen doi so"


def test_sort_key_orders_like_a_dictionary():
    words = ["đảng", "an", "ăn", "ân", "bộ", "dân"]
    assert sorted(words, key=sort_key) == ["an", "ăn", "ân", "bộ", "dân", "đảng"]
