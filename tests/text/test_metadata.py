"""Metadata of documents in the styles the reader must handle: Party and state, every level."""

from datetime import date
from pathlib import Path

import pytest

from nghiquyet.text.metadata import organisation_name, post_name
from nghiquyet.text.read import parse_file, parse_text

SAMPLES = Path(__file__).parent / "samples"

EXPECTED = {
    "state_plan.txt": dict(
        kind="ke_hoach",
        symbol="212/KH-UBND",
        issued_on=date(2022, 3, 15),
        issuer="Ủy ban nhân dân tỉnh",
        signer="Nguyễn Văn Phong",
        signer_position="Phó Chủ tịch",
        secret=False,
        dissemination=None,
        title="về triển khai thực hiện Chương trình hành động số 12-CTr/TU ngày 20/01/2022 của Tỉnh ủy về chuyển đổi số",
    ),
    "district_resolution.txt": dict(
        kind="nghi_quyet",
        symbol="05-NQ/HU",
        issued_on=date(2022, 1, 20),
        issuer="Huyện ủy",
        signer="Trần Thị Lan",
        signer_position="Phó Bí thư Thường trực",
        secret=False,
        dissemination="chi bộ",
        title="về phát triển nông nghiệp hàng hóa giai đoạn 2022 - 2025",
    ),
    "cell_resolution.txt": dict(
        kind="nghi_quyet",
        symbol="03-NQ/CB",
        issued_on=date(2023, 1, 5),
        issuer="Chi bộ",
        signer="Lê Văn Hùng",
        signer_position="Bí thư",
        secret=False,
        dissemination="đảng viên trong chi bộ",
        title="về lãnh đạo thực hiện nhiệm vụ năm 2023",
    ),
    "board_report_secret.txt": dict(
        kind="bao_cao",
        symbol="59-BC/BTCTU",
        issued_on=date(2021, 11, 12),
        issuer="Ban Tổ chức Tỉnh ủy",
        signer="Ngô Văn Bình",
        signer_position="Phó Trưởng ban",
        secret=True,
        dissemination=None,
        title="về kết quả thực hiện Nghị quyết số 107-NQ/TU ngày 07/6/2021 của Ban Thường vụ Tỉnh ủy "
        "về nâng cao chất lượng tổ chức đảng và đảng viên",
    ),
    "office_letter.txt": dict(
        kind="cong_van",
        symbol="1234-CV/TU",
        issued_on=date(2025, 2, 10),
        issuer="Ban Thường vụ Tỉnh ủy",
        signer="Phạm Văn Minh",
        signer_position="Chánh Văn phòng",
        secret=False,
        dissemination=None,
        title="về việc triển khai học tập, quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị",
    ),
    "city_directive_merged_header.txt": dict(
        kind="chi_thi",
        symbol="24-CT/ThU",
        issued_on=date(2023, 8, 8),
        issuer="Ban Thường vụ Thành ủy",
        signer="Lê Tiến Châu",
        signer_position="Bí thư",
        secret=False,
        dissemination="chi bộ",
        title="về tăng cường công tác phòng, chống tham nhũng",
    ),
    "congress_resolution.txt": dict(
        kind="nghi_quyet",
        symbol="01-NQ/ĐH",
        issued_on=date(2020, 10, 16),
        issuer="Đoàn Chủ tịch",
        signer="Dương Văn Thái",
        signer_position=None,
        secret=False,
        dissemination=None,
        title="về đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025",
    ),
    "central_resolution.txt": dict(
        kind="nghi_quyet",
        symbol="57-NQ/TW",
        issued_on=date(2024, 12, 22),
        issuer="Bộ Chính trị",
        signer="Tô Lâm",
        signer_position="Tổng Bí thư",
        secret=False,
        dissemination="chi bộ",
        title="về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    ),
    "party_decision.txt": dict(
        kind="quyet_dinh",
        symbol="1250-QĐ/TU",
        issued_on=date(2022, 9, 5),
        issuer="Ban Thường vụ Tỉnh ủy",
        signer="Hoàng Nghĩa Hiếu",
        signer_position="Phó Bí thư",
        secret=False,
        dissemination=None,
        title="về việc ban hành Quy chế làm việc của Ban Chỉ đạo chuyển đổi số tỉnh",
    ),
}


@pytest.mark.parametrize("name", EXPECTED)
def test_metadata_of_documents_in_other_styles(name):
    (document,) = parse_file(SAMPLES / name).documents
    found = {field: getattr(document, field) for field in EXPECTED[name]}
    assert found == EXPECTED[name]


def test_recipients_place_and_issuer_block():
    (document,) = parse_file(SAMPLES / "district_resolution.txt").documents
    assert document.recipients == [
        "Ban Thường vụ Tỉnh ủy",
        "Các đảng ủy trực thuộc",
        "Lưu Văn phòng Huyện ủy",
    ]
    assert document.place == "Đại Từ"
    assert document.issuer_block == "ĐẢNG BỘ TỈNH THÁI NGUYÊN HUYỆN ỦY ĐẠI TỪ"


def test_date_with_a_missing_space_and_symbol_printed_with_spaces():
    text = """TỈNH ỦY BẮC GIANG
Số 03 - CTr/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Bắc Giang, ngày 04 tháng12 năm 2020
CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết Đại hội
-----
Tỉnh ủy ban hành Chương trình hành động như sau.
T/M TỈNH ỦY
BÍ THƯ
Dương Văn Thái"""
    (document,) = parse_text(text).documents
    assert (document.symbol, document.issued_on, document.kind) == (
        "03-CTr/TU",
        date(2020, 12, 4),
        "chuong_trinh",
    )
    assert document.title == "về thực hiện Nghị quyết Đại hội"


def test_a_draft_without_header_has_no_symbol_or_date_and_reads_its_kind_from_the_text():
    text = """về xây dựng tổ chức đảng trong sạch, vững mạnh
-----
1. Các tổ chức đảng thực hiện nghiêm Điều lệ Đảng.
Nghị quyết này phổ biến rộng rãi.
T/M TỈNH ỦY"""
    (document,) = parse_text(text).documents
    assert (document.symbol, document.issued_on, document.kind) == (None, None, "nghi_quyet")
    assert (document.issuer, document.signer, document.signer_position) == ("Tỉnh ủy", None, None)
    assert document.dissemination == "rộng rãi"


@pytest.mark.parametrize(
    "closing, issuer, position",
    [
        ("T/M BAN CHẤP HÀNH\nBÍ THƯ", "Tỉnh ủy", "Bí thư"),
        ("T/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\nPHÓ BÍ THƯ", "Ban Thường vụ Tỉnh ủy", "Phó Bí thư"),
        ("T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG", "Ban Thường vụ Tỉnh ủy", "Chánh Văn phòng"),
        (
            "T/M THƯỜNG TRỰC TỈNH ỦY\nPHÓ BÍ THƯ THƯỜNG TRỰC",
            "Thường trực Tỉnh ủy",
            "Phó Bí thư Thường trực",
        ),
        ("TM. BAN THƯỜNG VỤ\nBÍ THƯ", "Ban Thường vụ Tỉnh ủy", "Bí thư"),
    ],
)
def test_closings(closing, issuer, position):
    text = f"""TỈNH ỦY PHÚ THỌ
Số 10-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Phú Thọ, ngày 1 tháng 2 năm 2022
KẾT LUẬN
về công tác cán bộ
-----
Các cấp ủy thực hiện nghiêm Kết luận này.
{closing}
(đã ký)
Bùi Minh Châu"""
    (document,) = parse_text(text).documents
    assert (document.issuer, document.signer_position, document.signer) == (
        issuer,
        position,
        "Bùi Minh Châu",
    )


def test_names_of_bodies_and_posts():
    assert organisation_name("BAN THƯỜNG VỤ TỈNH ỦY") == "Ban Thường vụ Tỉnh ủy"
    assert organisation_name("ỦY BAN KIỂM TRA HUYỆN ỦY") == "Ủy ban Kiểm tra Huyện ủy"
    assert post_name("PHÓ BÍ THƯ") == "Phó Bí thư"
    assert post_name("CHỦ TỊCH") == "Chủ tịch"
    assert post_name("PHÓ CHÁNH VĂN PHÒNG") == "Phó Chánh Văn phòng"


def test_header_lines_merged_by_a_pdf_or_a_plain_text_export():
    text = """TỈNH ỦY BẮC GIANG\tĐẢNG CỘNG SẢN VIỆT NAM
*\tBắc Giang, ngày 15 tháng 7 năm 2021
Số 24-KH/TU
(MẬT)
KẾ HOẠCH
về xây dựng Đảng
-----
Các cấp ủy thực hiện Kế hoạch này.
T/M TỈNH ỦY
BÍ THƯ
Dương Văn Thái"""
    (document,) = parse_text(text).documents
    assert (document.place, document.issued_on, document.symbol) == (
        "Bắc Giang",
        date(2021, 7, 15),
        "24-KH/TU",
    )
    assert document.issuer_block == "TỈNH ỦY BẮC GIANG"
    assert document.secret


def test_a_closing_without_a_t_m_line():
    text = """ĐẢNG BỘ XÃ YÊN LƯ
CHI BỘ THÔN TIÊN PHONG
Số 02-BC/CB
Yên Lư, ngày 20 tháng 12 năm 2022
BÁO CÁO
về kết quả lãnh đạo thực hiện nhiệm vụ năm 2022
-----
Chi bộ đã hoàn thành các chỉ tiêu đề ra.
BÍ THƯ CHI BỘ

Vũ Văn Sơn"""
    (document,) = parse_text(text).documents
    assert (document.issuer, document.signer_position, document.signer) == (
        "Chi bộ",
        "Bí thư chi bộ",
        "Vũ Văn Sơn",
    )
    assert document.body.text == "Chi bộ đã hoàn thành các chỉ tiêu đề ra."


def test_a_header_date_in_figures_and_page_numbers_in_other_styles():
    text = """HUYỆN ỦY TÂN YÊN
Số 30-CT/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Tân Yên, ngày 15/02/2023
CHỈ THỊ
về công tác phòng, chống thiên tai
-----
Các cấp ủy chủ động xây dựng phương án phòng, chống thiên tai, bảo đảm an toàn cho

Trang 1/2

người và tài sản của Nhân dân.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn Tuấn"""
    (document,) = parse_text(text).documents
    assert (document.place, document.issued_on) == ("Tân Yên", date(2023, 2, 15))
    assert "Trang" not in document.body.text
