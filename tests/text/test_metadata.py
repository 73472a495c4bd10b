"""Metadata of documents in the styles the reader must handle: Party and state, every level."""

import json
from datetime import date
from itertools import zip_longest
from pathlib import Path

import pytest

from nghiquyet.text.bodies import readable
from nghiquyet.text.metadata import post_name
from nghiquyet.text.patterns import is_closing_post, is_signature
from nghiquyet.text.read import parse_file, parse_text

SAMPLES = Path(__file__).parent / "samples"
# Expected metadata of every sample document (Party and state styles, every level, before and
# after the 2025 reform), each value checked by hand against the document.
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
FIELDS = tuple(next(iter(EXPECTED.values()))["documents"][0])  # the fields labelled


def metadata(result) -> dict:
    documents = [
        {
            field: value.isoformat() if isinstance(value, date) else value
            for field in FIELDS
            for value in [getattr(document, field)]
        }
        for document in result.documents
    ]
    absent = [
        {
            "symbol": a.symbol,
            "issued_on": a.issued_on and a.issued_on.isoformat(),
            "secret": a.secret,
        }
        for a in result.absent
    ]
    return {"documents": documents, **({"absent": absent} if absent else {})}


@pytest.mark.parametrize("name", EXPECTED)
def test_metadata_of_documents_in_other_styles(name):
    assert metadata(parse_file(SAMPLES / name)) == EXPECTED[name]


@pytest.mark.parametrize("name", EXPECTED)
def test_a_blank_line_after_every_line_changes_nothing(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    spaced = "\n\n".join(text.split("\n"))
    assert metadata(parse_text(spaced, name, strict=True)) == EXPECTED[name]


def side_by_side(text: str) -> str | None:
    """The closing as a PDF text layer prints it: the "Nơi nhận" list and the signature in rows
    ("Nơi nhận: T/M BAN THƯỜNG VỤ", "- Lưu Văn phòng. PHÓ BÍ THƯ"), the signer's name under
    the list (the signing space); None when the document has no such pair of columns."""
    lines = text.split("\n")
    receive = next((i for i, line in enumerate(lines) if line.startswith("Nơi nhận")), None)
    sign = next((i for i, line in enumerate(lines) if is_signature(line)), None)
    if receive is None or sign is None:
        return None
    listed = receive + 1
    while listed < len(lines) and lines[listed].startswith("-"):
        listed += 1
    posts = sign
    while posts < len(lines) and (is_signature(lines[posts]) or is_closing_post(lines[posts])):
        posts += 1
    rows = [
        " ".join(filter(None, pair))
        for pair in zip_longest(lines[receive:listed], lines[sign:posts])
    ]
    start, moved = min(receive, sign), {*range(receive, listed), *range(sign, posts)}
    rest = [line for index, line in enumerate(lines) if index > start and index not in moved]
    return "\n".join([*lines[:start], *rows, *rest])


@pytest.mark.parametrize("name", EXPECTED)
def test_a_closing_printed_side_by_side_reads_the_same(name):
    text = side_by_side((SAMPLES / name).read_text(encoding="utf-8"))
    if text is None or len(EXPECTED[name]["documents"]) > 1:
        pytest.skip("no closing with both columns")
    (expected,) = parse_file(SAMPLES / name).documents
    (document,) = parse_text(text, name, strict=True).documents
    assert metadata(parse_text(text, name, strict=True)) == EXPECTED[name]
    assert document.recipients == expected.recipients


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
        ("T.M BAN THƯỜNG VỤ\nBÍ THƯ", "Ban Thường vụ Tỉnh ủy", "Bí thư"),
        ("TM.BAN THƯỜNG VỤ\nBÍ THƯ", "Ban Thường vụ Tỉnh ủy", "Bí thư"),
        ("T/M Ban Thường vụ\nK/T Bí thư\nPhó Bí thư", "Ban Thường vụ Tỉnh ủy", "Phó Bí thư"),
        (
            "Nơi nhận: T/M BAN THƯỜNG VỤ\n- Lưu VP. K/T BÍ THƯ\nPHÓ BÍ THƯ",
            "Ban Thường vụ Tỉnh ủy",
            "Phó Bí thư",
        ),
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


def test_without_header_the_title_block_names_the_committee():
    text = """KẾT LUẬN
CỦA BAN THƯỜNG VỤ HUYỆN ỦY
về công tác cán bộ
-----
Các cấp ủy thực hiện nghiêm Kết luận này.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn An"""
    (document,) = parse_text(text).documents
    assert (document.issuer, document.title) == ("Ban Thường vụ Huyện ủy", "về công tác cán bộ")


def test_names_of_bodies_and_posts():
    assert readable("BAN THƯỜNG VỤ TỈNH ỦY") == "Ban Thường vụ Tỉnh ủy"
    assert readable("ỦY BAN KIỂM TRA HUYỆN ỦY") == "Ủy ban Kiểm tra Huyện ủy"
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


COMMUNE_HEADER = """ĐẢNG BỘ TỈNH BẮC NINH
ĐẢNG ỦY XÃ TAM GIANG
*
Số 15-TB/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Tam Giang, ngày 25 tháng 9 năm 2025
"""
COMMUNE_BODY = """
Ngày 24/9/2025, Ban Chấp hành Đảng bộ xã tổ chức Hội nghị lần thứ ba, nhiệm kỳ
2025 - 2030 và kết luận như sau:
1. Tổng thu ngân sách đạt 85% dự toán.
T/M ĐẢNG ỦY
BÍ THƯ
Nguyễn Văn Quang"""


@pytest.mark.parametrize(
    "title_block",
    [
        (
            "THÔNG BÁO KẾT LUẬN\ncủa Ban Chấp hành Đảng bộ xã tại Hội nghị lần thứ ba\n"
            "về kết quả thực hiện nhiệm vụ 9 tháng đầu năm\n-----"
        ),
        (
            "THÔNG BÁO KẾT LUẬN\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ TẠI HỘI NGHỊ LẦN THỨ BA\n"
            "(MỞ RỘNG), NHIỆM KỲ 2025 - 2030\nvề kết quả thực hiện nhiệm vụ 9 tháng đầu năm\n-----"
        ),
        (
            "THÔNG BÁO\nKẾT LUẬN CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ\nTẠI HỘI NGHỊ LẦN THỨ BA\n"
            "VỀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG ĐẦU NĂM\n-----"
        ),
        (
            "THÔNG BÁO KẾT LUẬN CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ\nTẠI HỘI NGHỊ LẦN THỨ BA\n"
            "VỀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG ĐẦU NĂM\n-----"
        ),
        (
            "THÔNG BÁO KẾT LUẬN\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ TẠI HỘI NGHỊ LẦN THỨ BA VỀ KẾT QUẢ THỰC"
            "\nHIỆN NHIỆM VỤ 9 THÁNG ĐẦU NĂM\n-----"
        ),
        (
            "THÔNG BÁO KẾT LUẬN\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ TẠI HỘI NGHỊ LẦN THỨ BA\n"
            "VỀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG ĐẦU NĂM"
        ),
    ],
)
def test_the_subject_of_a_conclusion_leaves_out_the_body_and_the_meeting(title_block):
    (document,) = parse_text(COMMUNE_HEADER + title_block + COMMUNE_BODY).documents
    assert (document.kind, document.issuer) == ("thong_bao", "Đảng ủy xã")
    assert document.title == "về kết quả thực hiện nhiệm vụ 9 tháng đầu năm"
    assert document.body.text.startswith("Ngày 24/9/2025")


@pytest.mark.parametrize(
    "first_paragraph",
    [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Thực hiện Nghị quyết số 03-NQ/ĐU ngày 15/8/2025 của Ban Chấp hành Đảng bộ xã,",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Ủy ban nhân dân xã ban hành Kế hoạch thực hiện như sau:",
    ],
)
def test_a_title_in_capitals_ends_where_the_body_begins(first_paragraph):
    text = f"""ỦY BAN NHÂN DÂN
XÃ TAM GIANG
Số: 125/KH-UBND
Tam Giang, ngày 10 tháng 10 năm 2025
KẾ HOẠCH
THỰC HIỆN NGHỊ QUYẾT SỐ 03-NQ/ĐU NGÀY 15/8/2025 CỦA BAN CHẤP HÀNH ĐẢNG BỘ
XÃ VỀ CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2025 - 2030
{first_paragraph}
Các phòng, ban chuyên môn triển khai thực hiện.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Thị Mai"""
    (document,) = parse_text(text).documents
    assert document.title == (
        "về thực hiện Nghị quyết số 03-NQ/ĐU ngày 15/8/2025 của Ban Chấp hành Đảng bộ xã về "
        "chuyển đổi số giai đoạn 2025 - 2030"
    )
    assert document.body.text.startswith(first_paragraph)
    assert document.issuer == "Ủy ban nhân dân xã"


@pytest.mark.parametrize(
    "block, title, body",
    [
        (
            (
                "NGHỊ QUYẾT\nvề phát triển kinh tế - xã hội giai đoạn 2021\n- 2025, định hướng đến năm 2030"
                "\n-----\nCác cấp ủy thực hiện."
            ),
            "về phát triển kinh tế - xã hội giai đoạn 2021 - 2025, định hướng đến năm 2030",
            "Các cấp ủy thực hiện.",
        ),
        (
            (
                "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 09-NQ/TU của Ban Chấp hành Đảng bộ\n"
                "tỉnh về phát triển du lịch\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
                "I. MỤC ĐÍCH\nCác sở thực hiện."
            ),
            (
                "về triển khai thực hiện Nghị quyết số 09-NQ/TU của Ban Chấp hành Đảng bộ tỉnh về phát "
                "triển du lịch"
            ),
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        ),
        (
            (
                "KẾ HOẠCH\nthực hiện Nghị quyết số 09-NQ/TU của Ban Chấp hành Đảng bộ tỉnh\n"
                "Các cấp ủy, tổ chức đảng triển khai thực hiện tốt các nội dung sau\n1. Quán triệt."
            ),
            "về thực hiện Nghị quyết số 09-NQ/TU của Ban Chấp hành Đảng bộ tỉnh",
            "Các cấp ủy, tổ chức đảng",
        ),
        (
            (
                "CHƯƠNG TRÌNH HÀNH ĐỘNG\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\nTHỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI "
                "ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XX,\nNHIỆM KỲ 2025 - 2030\nCác cấp ủy thực hiện."
            ),
            "về thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - 2030",
            "Các cấp ủy thực hiện.",
        ),
        (
            (
                "KẾ HOẠCH\nTHỰC HIỆN NGHỊ QUYẾT SỐ 09-NQ/TU NGÀY 15/12/2021\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ "
                "TỈNH VỀ PHÁT TRIỂN DU LỊCH\n-----\nCác cấp ủy thực hiện."
            ),
            (
                "về thực hiện Nghị quyết số 09-NQ/TU ngày 15/12/2021 của Ban Chấp hành Đảng bộ tỉnh về "
                "phát triển du lịch"
            ),
            "Các cấp ủy thực hiện.",
        ),
    ],
)
def test_title_blocks_in_other_shapes(block, title, body):
    header = "TỈNH ỦY BẮC NINH\n*\nSố 12-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nBắc Ninh, ngày 5/3/2023\n"
    (document,) = parse_text(header + block + "\nT/M TỈNH ỦY\nBÍ THƯ\nNguyễn Văn An").documents
    assert document.title == title
    assert document.body.text.startswith(body)
