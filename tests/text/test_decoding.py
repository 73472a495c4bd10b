"""Bytes to lines: encodings, Word, PDF, and the clear refusals."""

import random
import tracemalloc
import unicodedata

import pytest

from nghiquyet.text import legacy
from nghiquyet.text.decoding import MAX_BYTES, decode, read_path
from nghiquyet.text.errors import DocumentReadError
from tests.text.files import make_docx, make_pdf

SAMPLE = """TỈNH ỦY BẮC GIANG
Số 12-NQ/TU
Bắc Giang, ngày 04 tháng 12 năm 2020
Nghị quyết về chuyển đổi số: người dân được hưởng lợi, doanh nghiệp được hỗ trợ.
Ủy ban Kiểm tra Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc;
định kỳ hằng năm báo cáo Ban Thường vụ Tỉnh ủy, sơ kết vào quý II/2023.
Tỷ lệ hộ nghèo còn 1,0%; thu ngân sách tăng bình quân 14-16%/năm.""".split("\n")

_LETTERS_TCVN3_HAS = set("ĂÂÊÔƠƯĐ")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word wrote it: â ê ô ơ ư ă đ as letters, the five tones as combining marks."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize(
            "NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323")
        )
        out.append(letter + "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323"))
    return "".join(out).encode("cp1258")


def tcvn3_reading(text: str) -> str:
    """What a TCVN3 file gives back: capitals with tones exist only in the all-capitals font,
    so they come back in lower case, except on lines typed all in capitals."""
    if text.isupper():
        return text
    return "".join(
        char.lower()
        if char.isupper() and unicodedata.decomposition(char) and char not in _LETTERS_TCVN3_HAS
        else char
        for char in unicodedata.normalize("NFC", text)
    )


@pytest.fixture
def seed_lines(seed_003):
    lines = seed_003.read_text(encoding="utf-8").split("\n")
    return [unicodedata.normalize("NFC", line) for line in lines[870:1270]]


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-16": lambda text: text.encode("utf-16"),
    "utf-16-le": lambda text: text.encode("utf-16-le"),
    "utf-16-be": lambda text: text.encode("utf-16-be"),
    "cp1258": to_cp1258,
    "vni": legacy.encode_vni,
}


@pytest.mark.parametrize("name", ENCODINGS)
def test_each_encoding_reads_back_the_same_lines(name):
    decoded = decode(ENCODINGS[name]("\r\n".join(SAMPLE)), "van-ban.txt")
    assert decoded.lines == SAMPLE


@pytest.mark.parametrize("name", ENCODINGS)
def test_seed_text_round_trips_through_each_encoding(name, seed_lines):
    decoded = decode(ENCODINGS[name]("\n".join(seed_lines)), "van-ban.txt")
    assert decoded.lines == [line for line in seed_lines]


def test_tcvn3_is_detected_and_converted(seed_lines):
    decoded = decode(legacy.encode_tcvn3("\n".join(seed_lines)), "van-ban.txt")
    assert decoded.encoding == "tcvn3"
    assert decoded.lines == [tcvn3_reading(line) for line in seed_lines]


@pytest.mark.parametrize(
    "name, encoded",
    [("tcvn3", legacy.encode_tcvn3), ("vni", legacy.encode_vni), ("cp1258", to_cp1258)],
)
def test_legacy_encodings_are_told_apart(name, encoded):
    assert decode(encoded("\n".join(SAMPLE)), "a.txt").encoding == name


@pytest.mark.parametrize(
    "name, encoded", [("tcvn3", legacy.encode_tcvn3), ("vni", legacy.encode_vni)]
)
def test_legacy_font_text_saved_as_unicode_is_converted(name, encoded):
    """Text typed with a .VnTime or VNI-Times font, then saved as UTF-8: "Céng hoµ", "Coäng hoøa"."""
    shown = encoded("\n".join(SAMPLE)).decode("cp1252", errors="replace")
    decoded = decode(shown.encode("utf-8"), "a.txt")
    assert decoded.encoding == f"utf-8+{name}"
    expected = tcvn3_reading(SAMPLE[3]) if name == "tcvn3" else SAMPLE[3]
    assert decoded.lines[3] == expected


def test_tcvn3_lines_in_capitals_come_back_in_capitals():
    lines = [
        "TỈNH ỦY BẮC GIANG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "T/M BAN THƯỜNG VỤ",
        "Bộ Chính trị",
        "Lê Văn Hùng",
    ]
    assert decode(legacy.encode_tcvn3("\n".join(lines)), "a.txt").lines == [
        "TỈNH ỦY BẮC GIANG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "T/M BAN THƯỜNG VỤ",
        "Bộ Chính trị",
        "Lê Văn Hùng",
    ]


def test_known_legacy_strings():
    assert (
        legacy.decode_tcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("cp1252"))
        == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    )
    assert (
        legacy.decode_vni("Chæ thò cuûa Ban Thöôøng vuï Tænh uûy".encode("cp1252"))
        == "Chỉ thị của Ban Thường vụ Tỉnh ủy"
    )


def test_lines_are_numbered_as_an_editor_numbers_them():
    assert decode(b"a\r\nb\rc\n\nd\n", "a.txt").lines == ["a", "b", "c", "", "d"]


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "empty"),
        (b"  \n\t\n ", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00", "binary"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "unsupported"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "unsupported"),
        (
            "Le café est très bon, à côté de l'hôtel, près de la forêt.".encode("latin-1") * 5,
            "encoding",
        ),
    ],
)
def test_unreadable_input_gets_a_vietnamese_message(data, code):
    with pytest.raises(DocumentReadError) as error:
        decode(data, "tep.txt")
    assert error.value.code == code
    assert any(char in str(error.value) for char in "ếệạảờ")


def test_random_bytes_are_refused_clearly():
    generator = random.Random(3)
    for _ in range(20):
        data = bytes(generator.randrange(256) for _ in range(generator.randrange(1, 3000)))
        try:
            decode(data, "x.txt")
        except DocumentReadError as error:
            assert str(error)


def test_too_big_bytes_are_refused():
    with pytest.raises(DocumentReadError) as error:
        decode(b"a" * (MAX_BYTES + 1), "lon.txt")
    assert error.value.code == "too_big" and "MB" in str(error.value)


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    huge = tmp_path / "100mb.txt"
    with huge.open("wb") as file:
        file.truncate(100 * 1024 * 1024)  # sparse: 100 MB that costs no disk
    tracemalloc.start()
    try:
        with pytest.raises(DocumentReadError) as error:
            read_path(huge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.value.code == "too_big"
    assert peak < 1024 * 1024


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DocumentReadError, match="Không tìm thấy"):
        read_path(tmp_path / "khong-co.txt")
    with pytest.raises(DocumentReadError, match="thư mục"):
        read_path(tmp_path)


# --- Word ----------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_reading_order():
    lines = decode(make_docx(), "ke-hoach.docx").lines
    assert lines[:5] == [
        "TỈNH ỦY HÀ NAM",
        "*",
        "Số 15-KH/TU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hà Nam, ngày 03 tháng 8 năm 2022",
    ]
    assert "Chỉ tiêu | 2023 | 2025" in lines and "Tỷ lệ hồ sơ trực tuyến | 60% | 80%" in lines
    assert (
        lines.index("I. MỤC TIÊU")
        < lines.index("Chỉ tiêu | 2023 | 2025")
        < lines.index("II. TỔ CHỨC THỰC HIỆN")
    )
    assert lines[-2:] == ["PHÓ BÍ THƯ", "Lê Thị Thủy"]


def test_a_damaged_docx_is_refused():
    with pytest.raises(DocumentReadError) as error:
        decode(b"PK\x03\x04 not really a zip file", "hong.docx")
    assert error.value.code == "docx"


# --- PDF -----------------------------------------------------------------------


def test_pdf_text_layer_is_read_page_by_page():
    pages = [
        [
            "TỈNH ỦY NAM ĐỊNH",
            "Số 08-CT/TU",
            "Nam Định, ngày 12 tháng 5 năm 2021",
            "CHỈ THỊ",
            "về tăng cường công tác dân vận",
            "Các cấp ủy đảng cần quán triệt sâu sắc",
        ],
        ["quan điểm của Đảng về công tác dân vận.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Phạm Gia Túc"],
    ]
    lines = decode(make_pdf(pages), "chi-thi.pdf").lines
    assert [line.strip() for line in lines] == pages[0] + pages[1]
    assert lines[len(pages[0])].startswith(" ")  # a new page is marked as in printed text files


def test_a_pdf_without_text_is_a_scan_that_needs_ocr():
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # only a picture, no letters
    with pytest.raises(DocumentReadError) as error:
        decode(bytes(pdf.output()), "ban-chup.pdf")
    assert error.value.code == "scanned_pdf" and "OCR" in str(error.value)


def test_a_damaged_pdf_is_refused():
    with pytest.raises(DocumentReadError) as error:
        decode(b"%PDF-1.7\n garbage", "hong.pdf")
    assert error.value.code == "pdf"


def test_extension_decides_but_content_is_sniffed_when_there_is_none():
    assert decode(make_docx(), "tai-lieu").encoding == "docx"
    assert decode("Nghị quyết".encode(), "tai-lieu").encoding == "utf-8"
