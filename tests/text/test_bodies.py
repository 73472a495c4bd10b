"""Names of issuing bodies: the committee's level from the header, the body a signature acts for."""

import pytest

from nghiquyet.text.bodies import (
    acting_body,
    continues_name,
    header_bodies,
    organ_name,
    place_names,
    readable,
)

# Header issuer lines → the body the header names (its committee's level, no place).
HEADERS = [
    (["TỈNH ỦY BẮC GIANG"], "Tỉnh ủy"),
    (["ĐẢNG BỘ TỈNH BẮC GIANG", "THÀNH ỦY BẮC GIANG"], "Thành ủy"),
    (["ĐẢNG BỘ TỈNH BẮC GIANG", "HUYỆN UỶ LỤC NAM"], "Huyện ủy"),
    (["ĐẢNG BỘ TỈNH BÌNH DƯƠNG", "THỊ ỦY BẾN CÁT"], "Thị ủy"),
    (["THÀNH ỦY HÀ NỘI", "QUẬN ỦY CẦU GIẤY"], "Quận ủy"),
    (["ĐẢNG BỘ TỈNH HÀ TĨNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"], "Đảng ủy Khối"),
    (["ĐẢNG BỘ TỈNH BẮC NINH", "ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH"], "Đảng ủy Khối"),
    (["ĐẢNG BỘ TỈNH BẮC NINH", "ĐẢNG ỦY XÃ TAM GIANG"], "Đảng ủy xã"),
    (["THÀNH ỦY THÁI NGUYÊN", "ĐẢNG ỦY PHƯỜNG TÂN THỊNH"], "Đảng ủy phường"),
    (["HUYỆN ỦY TÂN YÊN", "ĐẢNG UỶ THỊ TRẤN CAO THƯỢNG"], "Đảng ủy thị trấn"),
    (["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH"], "Đảng ủy Ủy ban nhân dân tỉnh"),
    (["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"], "Đảng ủy các cơ quan Đảng tỉnh"),
    (["ĐẢNG BỘ XÃ TÂN AN", "CHI BỘ THÔN ĐÔNG"], "Chi bộ"),
    (["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"], "Ủy ban nhân dân tỉnh"),
    (["ỦY BAN NHÂN DÂN", "HUYỆN LỤC NGẠN"], "Ủy ban nhân dân huyện"),
    (["UBND XÃ TAM GIANG"], "Ủy ban nhân dân xã"),
    (["HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"], "Hội đồng nhân dân thành phố"),
    (["TỈNH ỦY NGHỆ AN", "BAN TUYÊN GIÁO"], "Ban Tuyên giáo Tỉnh ủy"),
    (["TỈNH ỦY BẮC NINH", "BAN TUYÊN GIÁO VÀ DÂN VẬN"], "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    (["ĐẢNG BỘ TỈNH BẮC NINH", "BAN TỔ CHỨC TỈNH ỦY"], "Ban Tổ chức Tỉnh ủy"),
    (["HUYỆN ỦY YÊN THẾ", "ỦY BAN KIỂM TRA"], "Ủy ban Kiểm tra Huyện ủy"),
    (["TỈNH ỦY BẮC GIANG", "VĂN PHÒNG"], "Văn phòng Tỉnh ủy"),
    (["TỈNH ỦY PHÚ THỌ", "BAN KINH TẾ - XÃ HỘI"], "Ban Kinh tế - Xã hội Tỉnh ủy"),
    (["BAN CÁN SỰ ĐẢNG", "UBND TỈNH BẮC GIANG"], "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
    (["BAN CHẤP HÀNH TRUNG ƯƠNG"], None),
]


@pytest.mark.parametrize("lines, body", HEADERS)
def test_the_body_a_header_names(lines, body):
    assert header_bodies(lines).body == body


# (header lines, the "T/M ..." body or the title block's "CỦA ..." body) → the issuer.
SIGNATURES = [
    (["TỈNH ỦY BẮC GIANG"], "TỈNH ỦY", "Tỉnh ủy"),
    (["TỈNH ỦY BẮC GIANG"], "BAN THƯỜNG VỤ", "Ban Thường vụ Tỉnh ủy"),
    (["TỈNH ỦY BẮC GIANG"], "BAN CHẤP HÀNH", "Tỉnh ủy"),
    (["TỈNH ỦY BẮC GIANG"], "THƯỜNG TRỰC TỈNH ỦY", "Thường trực Tỉnh ủy"),
    (["TỈNH ỦY BẮC GIANG"], "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "Tỉnh ủy"),
    (["ĐẢNG BỘ TỈNH BẮC GIANG", "THÀNH ỦY BẮC GIANG"], "BAN THƯỜNG VỤ", "Ban Thường vụ Thành ủy"),
    (["ĐẢNG BỘ TỈNH BẮC GIANG", "HUYỆN UỶ LỤC NAM"], "BAN THƯỜNG VỤ", "Ban Thường vụ Huyện ủy"),
    (["ĐẢNG BỘ TỈNH BẮC GIANG", "HUYỆN ỦY LỤC NAM"], "BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN", "Huyện ủy"),
    (["ĐẢNG BỘ TỈNH BÌNH DƯƠNG", "THỊ ỦY BẾN CÁT"], "BAN CHẤP HÀNH", "Thị ủy"),
    (["THÀNH ỦY HÀ NỘI", "QUẬN ỦY CẦU GIẤY"], "BAN THƯỜNG VỤ", "Ban Thường vụ Quận ủy"),
    (
        ["ĐẢNG BỘ TỈNH HÀ TĨNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"],
        "BAN THƯỜNG VỤ",
        "Ban Thường vụ Đảng ủy Khối",
    ),
    (
        ["ĐẢNG BỘ TỈNH HÀ TĨNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"],
        "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI",
        "Ban Thường vụ Đảng ủy Khối",
    ),
    (["ĐẢNG BỘ TỈNH BẮC NINH", "ĐẢNG ỦY XÃ TAM GIANG"], "ĐẢNG ỦY", "Đảng ủy xã"),
    (
        ["ĐẢNG BỘ TỈNH BẮC NINH", "ĐẢNG ỦY XÃ TAM GIANG"],
        "BAN THƯỜNG VỤ",
        "Ban Thường vụ Đảng ủy xã",
    ),
    (
        ["ĐẢNG BỘ TỈNH BẮC NINH", "ĐẢNG ỦY XÃ TAM GIANG"],
        "BAN CHẤP HÀNH ĐẢNG BỘ XÃ TẠI HỘI NGHỊ LẦN THỨ BA",
        "Đảng ủy xã",
    ),
    (["HUYỆN ỦY TÂN YÊN", "ĐẢNG ỦY THỊ TRẤN CAO THƯỢNG"], "BAN CHẤP HÀNH", "Đảng ủy thị trấn"),
    (["ĐẢNG BỘ XÃ TÂN AN", "CHI BỘ THÔN ĐÔNG"], "CHI BỘ", "Chi bộ"),
    (
        ["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH"],
        "BAN THƯỜNG VỤ",
        "Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh",
    ),
    (["HUYỆN ỦY YÊN THẾ", "ỦY BAN KIỂM TRA"], "ỦY BAN KIỂM TRA", "Ủy ban Kiểm tra Huyện ủy"),
    (["ỦY BAN NHÂN DÂN", "XÃ TAM GIANG"], "ỦY BAN NHÂN DÂN", "Ủy ban nhân dân xã"),
    (["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"], "UBND TỈNH", "Ủy ban nhân dân tỉnh"),
    (["BAN CHẤP HÀNH TRUNG ƯƠNG"], "BỘ CHÍNH TRỊ", "Bộ Chính trị"),
    (["BAN CHẤP HÀNH TRUNG ƯƠNG"], "BAN BÍ THƯ", "Ban Bí thư"),
    (["BAN CHẤP HÀNH TRUNG ƯƠNG"], "BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"),
    (["TỈNH ỦY BẮC GIANG"], "ĐOÀN CHỦ TỊCH", "Đoàn Chủ tịch"),
]


@pytest.mark.parametrize("lines, signed_for, issuer", SIGNATURES)
def test_the_body_a_signature_acts_for(lines, signed_for, issuer):
    assert acting_body(signed_for, header_bodies(lines)) == issuer


def test_names_of_boards_and_places():
    assert organ_name("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY") == "Ban Tuyên giáo và Dân vận"
    assert organ_name("BAN NỘI CHÍNH HUYỆN ỦY") == "Ban Nội chính"
    assert organ_name("HUYỆN ỦY LỤC NAM") is None
    assert place_names(["ĐẢNG BỘ TỈNH BẮC GIANG", "HUYỆN UỶ LỤC NAM"]) == ("Bắc Giang", "Lục Nam")
    assert place_names(["ỦY BAN NHÂN DÂN", "XÃ TAM GIANG"]) == ("Tam Giang",)
    assert place_names(["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "BAN KINH TẾ - XÃ HỘI"]) == ()


@pytest.mark.parametrize(
    "printed, written",
    [
        (
            (
                "THỰC HIỆN NGHỊ QUYẾT SỐ 09-NQ/TU NGÀY 15/12/2021 CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH VỀ "
                "PHÁT TRIỂN DU LỊCH TỈNH NGHỆ AN"
            ),
            (
                "Thực hiện Nghị quyết số 09-NQ/TU ngày 15/12/2021 của Ban Chấp hành Đảng bộ tỉnh về "
                "phát triển du lịch tỉnh Nghệ An"
            ),
        ),
        (
            "THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XIX",
            "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX",
        ),
        (
            "VỀ TĂNG CƯỜNG SỰ LÃNH ĐẠO CỦA ĐẢNG ĐỐI VỚI CÔNG TÁC XÂY DỰNG TỔ CHỨC ĐẢNG, ĐẢNG VIÊN",
            "Về tăng cường sự lãnh đạo của Đảng đối với công tác xây dựng tổ chức đảng, đảng viên",
        ),
        (
            "PHÁT TRIỂN SẢN PHẨM OCOP, PHÒNG CHỐNG DỊCH COVID-19 THEO CHỈ THỊ 15/CT-TTG",
            "Phát triển sản phẩm OCOP, phòng chống dịch COVID-19 theo Chỉ thị 15/CT-TTG",
        ),
        ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
        ("ỦY BAN KIỂM TRA HUYỆN UỶ", "Ủy ban Kiểm tra Huyện uỷ"),
        (
            "HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH",
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ),
    ],
)
def test_text_in_capitals_written_as_a_sentence(printed, written):
    assert readable(printed, ("Nghệ An",)) == written


@pytest.mark.parametrize(
    "before, after, name",
    [
        (
            "5. Giao Ban cán sự đảng UBND tỉnh chủ trì, phối hợp với Ban",
            "Tổ chức Tỉnh ủy theo dõi",
            True,
        ),
        (
            "2.5. Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, phong cách",
            "Hồ Chí Minh gắn với",
            True,
        ),
        (
            "1. Các cấp ủy triển khai thực hiện các nội dung trong",
            "Chương trình hành động này",
            True,
        ),
        ("4. Đổi mới hình thức, phương thức", "PBGDPL bảo đảm ngắn gọn", True),
        (
            "3.3. Các ban cán sự đảng, đảng đoàn và các cơ quan tham mưu",
            "Các ban cán sự đảng, hằng năm",
            False,
        ),
        (
            "2.5. Đổi mới phương thức lãnh đạo, lề lối làm việc",
            "Đổi mới, nâng cao chất lượng",
            False,
        ),
    ],
)
def test_a_capital_at_the_start_of_a_line_continues_a_name_or_opens_a_sentence(before, after, name):
    assert continues_name(before, after) is name
