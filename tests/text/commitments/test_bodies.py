"""Body names read by grammar, split into bodies, and resolved to units."""

import pytest

from nghiquyet.text.commitments.bodies import BodyDirectory, body_key, is_body_name, read_bodies, split_bodies


def _read(text):
    found = read_bodies(text)
    return ([name.text for name in found.names], text[found.end:].strip()) if found else None


@pytest.mark.parametrize(
    ("text", "names", "rest"),
    [
        ("Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp", ["Ban Tuyên giáo Tỉnh ủy"], "chủ trì, phối hợp"),
        ("Ủy ban Kiểm tra Tỉnh ủy:", ["Ủy ban Kiểm tra Tỉnh ủy"], ":"),
        ("Văn phòng Tỉnh ủy và các cơ quan liên quan theo dõi", ["Văn phòng Tỉnh ủy", "các cơ quan liên quan"], "theo dõi"),
        ("Ban cán sự đảng UBND tỉnh chỉ đạo UBND tỉnh", ["Ban cán sự đảng UBND tỉnh"], "chỉ đạo UBND tỉnh"),
        ("BCSĐ UBND tỉnh chỉ đạo", ["BCSĐ UBND tỉnh"], "chỉ đạo"),
        ("Ban Cán sự Đảng Ủy ban nhân dân tỉnh: Chỉ đạo", ["Ban Cán sự Đảng Ủy ban nhân dân tỉnh"], ": Chỉ đạo"),
        ("Đảng đoàn Hội đồng nhân dân tỉnh chỉ đạo", ["Đảng đoàn Hội đồng nhân dân tỉnh"], "chỉ đạo"),
        ("Đảng đoàn HĐND tỉnh, Ban cán sự đảng UBND tỉnh theo chức năng",
         ["Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh"], "theo chức năng"),
        ("Đảng đoàn Ủy ban MTTQ tỉnh chủ trì", ["Đảng đoàn Ủy ban MTTQ tỉnh"], "chủ trì"),
        ("Sở Thông tin và Truyền thông chỉ đạo Báo Bắc Giang", ["Sở Thông tin và Truyền thông"], "chỉ đạo Báo Bắc Giang"),
        ("Sở Kế hoạch và Đầu tư, Sở Tài chính cân đối", ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"], "cân đối"),
        ("Sở Lao động - Thương binh và Xã hội chủ trì", ["Sở Lao động - Thương binh và Xã hội"], "chủ trì"),
        ("Sở Văn hóa, Thể thao và Du lịch hướng dẫn", ["Sở Văn hóa, Thể thao và Du lịch"], "hướng dẫn"),
        ("Trường Chính trị tỉnh chù trì", ["Trường Chính trị tỉnh"], "chù trì"),
        ("Hội Liên hiệp phụ nữ tỉnh chủ trì", ["Hội Liên hiệp phụ nữ tỉnh"], "chủ trì"),
        ("Hiệp hội doanh nghiệp tỉnh phối hợp", ["Hiệp hội doanh nghiệp tỉnh"], "phối hợp"),
        ("Ban Quản lý các khu công nghiệp tỉnh tăng cường", ["Ban Quản lý các khu công nghiệp tỉnh"], "tăng cường"),
        ("Huyện ủy Lục Nam xây dựng", ["Huyện ủy Lục Nam"], "xây dựng"),
        ("Đảng ủy Khối doanh nghiệp tỉnh hướng dẫn", ["Đảng ủy Khối doanh nghiệp tỉnh"], "hướng dẫn"),
        ("Công an tỉnh chỉ đạo", ["Công an tỉnh"], "chỉ đạo"),
        ("Viện Kiểm sát nhân dân tỉnh kiểm sát", ["Viện Kiểm sát nhân dân tỉnh"], "kiểm sát"),
        ("Ban Thường vụ Tỉnh đoàn tổ chức quán triệt", ["Ban Thường vụ Tỉnh đoàn"], "tổ chức quán triệt"),
        ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy căn cứ Nghị quyết",
         ["Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"], "căn cứ Nghị quyết"),
        ("Các huyện, thành ủy, đảng ủy trực thuộc Tỉnh ủy có trách nhiệm",
         ["Các huyện, thành ủy, đảng ủy trực thuộc Tỉnh ủy"], "có trách nhiệm"),
        ("Các ban cán sự đảng, đảng đoàn; các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh căn cứ",
         ["Các ban cán sự đảng, đảng đoàn", "các sở, ban, ngành", "Ủy ban Mặt trận Tổ quốc",
          "các tổ chức chính trị - xã hội tỉnh"], "căn cứ"),
        ("Các cơ quan tham mưu, giúp việc của Tỉnh ủy theo chức năng",
         ["Các cơ quan tham mưu, giúp việc của Tỉnh ủy"], "theo chức năng"),
        ("Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy, Tỉnh ủy viên chịu trách nhiệm",
         ["Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy", "Tỉnh ủy viên"], "chịu trách nhiệm"),
        ("Các đồng chí Tỉnh ủy viên có trách nhiệm", ["Các đồng chí Tỉnh ủy viên"], "có trách nhiệm"),
        ("Bí thư các huyện ủy, thành ủy, người đứng đầu các cơ quan, đơn vị chịu trách nhiệm",
         ["Bí thư các huyện ủy, thành ủy", "người đứng đầu các cơ quan, đơn vị"], "chịu trách nhiệm"),
        ("UBND các huyện, thành phố cân đối", ["UBND các huyện, thành phố"], "cân đối"),
        ("Cấp ủy, tổ chức đảng các cấp cần nhận thức", ["Cấp ủy", "tổ chức đảng các cấp"], "cần nhận thức"),
        ("Ban Tổ chức Tỉnh ủy tham mưu Ban Thường vụ", ["Ban Tổ chức Tỉnh ủy"], "tham mưu Ban Thường vụ"),
        ("các cơ quan liên quan tham mưu xây dựng", ["các cơ quan liên quan"], "tham mưu xây dựng"),
        ("Các cấp ủy đảng từ cấp huyện, cấp xã và các chi bộ thôn, bản, tổ dân phố căn cứ",
         ["Các cấp ủy đảng từ cấp huyện, cấp xã", "các chi bộ thôn, bản, tổ dân phố"], "căn cứ"),
    ],
)
def test_read_bodies(text, names, rest):
    assert _read(text) == (names, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Chủ trì, phối hợp với các cơ quan",
        "Tăng cường công tác kiểm tra",
        "Tổ chức quán triệt Nghị quyết",
        "ban hành kế hoạch",
        "Nghị quyết này phổ biến đến chi bộ",
        "Hội nghị Ban Chấp hành",
        "Sở dĩ như vậy",
        "Trong những năm qua",
        "",
    ],
)
def test_what_is_not_a_body(text):
    assert read_bodies(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Tổ chức Tỉnh ủy, Sở Nội vụ và các huyện ủy, thành ủy", ["Ban Tổ chức Tỉnh ủy", "Sở Nội vụ", "các huyện ủy, thành ủy"]),
        ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", ["Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"]),
        ("Ban Tuyên giáo Tỉnh ủy", ["Ban Tuyên giáo Tỉnh ủy"]),
        ("Đảng đoàn HĐND tỉnh; Ban cán sự đảng UBND tỉnh", ["Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh"]),
        ("một nhóm công tác", ["một nhóm công tác"]),
    ],
)
def test_split_bodies(text, expected):
    assert split_bodies(text) == expected


def test_is_body_name():
    assert is_body_name("Ban Dân vận Tỉnh ủy")
    assert is_body_name("Sở Nội vụ, Sở Tài chính")
    assert not is_body_name("Ban Dân vận Tỉnh ủy chủ trì")
    assert not is_body_name("phát triển du lịch")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Ban cán sự đảng UBND tỉnh", "BCSĐ Ủy ban nhân dân tỉnh"),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "Ban Cán sự Đảng UBND tỉnh"),
        ("Đảng đoàn HĐND tỉnh", "Đảng đoàn Hội đồng nhân dân tỉnh"),
        ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("UBMTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
        ("UBKT Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"),
        ("Ủy ban Kiểm tra TU", "Uỷ ban kiểm tra Tỉnh uỷ"),
        ("Các đồng chí Tỉnh ủy viên", "Tỉnh ủy viên"),
        ("các huyện ủy, thành ủy", "Các huyện ủy thành ủy"),
    ],
)
def test_body_key_equates_spellings(left, right):
    assert body_key(left) == body_key(right)


def test_body_key_keeps_different_bodies_apart():
    assert body_key("Ban Tổ chức Tỉnh ủy") != body_key("Ban Tuyên giáo Tỉnh ủy")
    assert body_key("Đảng đoàn HĐND tỉnh") != body_key("HĐND tỉnh")


def test_directory_resolves_names_aliases_and_groups():
    directory = BodyDirectory()
    directory.add("Ban cán sự đảng UBND tỉnh", 7)
    directory.add("Ban Tổ chức Tỉnh ủy", 2)
    directory.add("BTC Tỉnh ủy", 2)
    for district in (11, 12, 13):
        directory.add("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", district)
    directory.add("Sở Nội vụ", 30)

    assert directory.resolve("BCSĐ Ủy ban nhân dân tỉnh") == [7]
    assert directory.resolve("BTC Tỉnh ủy") == [2]
    assert directory.resolve("các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy") == [11, 12, 13]
    assert directory.resolve("Sở Nội vụ tỉnh") == [30]
    assert directory.resolve("Sở Tài chính") is None


def test_directory_lists_unresolved_names_for_staff():
    directory = BodyDirectory()
    directory.add("Ban Tuyên giáo Tỉnh ủy", 3)
    resolved, unresolved = directory.resolve_all(["Ban Tuyên giáo Tỉnh ủy, Sở Thông tin và Truyền thông", "Báo Bắc Giang"])
    assert resolved == {"Ban Tuyên giáo Tỉnh ủy": [3]}
    assert unresolved == ["Sở Thông tin và Truyền thông", "Báo Bắc Giang"]


def test_adding_twice_does_not_duplicate():
    directory = BodyDirectory()
    directory.add("Văn phòng Tỉnh ủy", 5)
    directory.add("Văn phòng TU", 5)
    assert directory.resolve("Văn phòng Tỉnh ủy") == [5]


def test_names_describing_a_purpose():
    assert _read("UBND tỉnh, Ban Chỉ đạo phòng, chống Covid-19 tỉnh chỉ đạo chuẩn bị") == (
        ["UBND tỉnh", "Ban Chỉ đạo phòng, chống Covid-19 tỉnh"], "chỉ đạo chuẩn bị",
    )


@pytest.mark.parametrize(
    ("text", "everyone"),
    [
        ("Các cấp ủy, chính quyền các cấp tăng cường", True),
        ("Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp phát huy", True),
        ("mỗi đảng viên phải", True),
        ("Đồng chí bí thư, chủ tịch UBND cấp huyện, cấp xã phải", True),
        ("Người đứng đầu cấp ủy đảng, chính quyền các cấp, các đồng chí Tỉnh ủy viên tăng cường", True),
        ("Các huyện ủy, thành ủy chỉ đạo", False),
        ("Các đồng chí Tỉnh ủy viên có trách nhiệm", False),
        ("Các đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh và các đồng chí lãnh đạo các cấp phải", False),
        ("Các cơ quan tư pháp phối hợp", False),
        ("Ban Tuyên giáo Tỉnh ủy chủ trì", False),
    ],
)
def test_subjects_addressed_to_everyone(text, everyone):
    assert read_bodies(text).everyone is everyone
