"""Vietnamese figures: what is an amount, and what it says."""

import pytest

from nghiquyet.text.commitments.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("31,7", 31.7),
        ("5.500", 5500),
        ("2.200.000", 2200000),
        ("03", 3),
        ("1,0", 1.0),
        ("100", 100),
        ("12.5", 12.5),
        ("0,5", 0.5),
        ("một", 1),
        ("mười", 10),
        ("mười lăm", 15),
        ("hai mươi", 20),
        ("hai mươi mốt", 21),
        ("ba mươi lăm", 35),
        ("một trăm", 100),
        ("một trăm linh năm", 105),
        ("hai nghìn", 2000),
        ("ba nghìn năm trăm", 3500),
        ("Năm", 5),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "5,5,5", "1.2.3", "mười hai con"])
def test_parse_number_rejects_what_is_not_a_number(text):
    assert parse_number(text) is None


def _amounts(text):
    return [(q.value, q.value_max, q.unit, q.comparator) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tăng trưởng bình quân hằng năm 14-15%.", [(14, 15, "%", "eq")]),
        ("GRDP bình quân đầu người: 5.500-6.000 USD.", [(5500, 6000, "USD", "eq")]),
        ("tăng bình quân từ 14 đến 16%/năm", [(14, 16, "%", "eq")]),
        ("đạt 470 nghìn tỷ đồng", [(470, None, "nghìn tỷ đồng", "eq")]),
        ("đạt 31,7 giường; 12,5 bác sỹ", [(31.7, None, "giường", "eq"), (12.5, None, "bác sỹ", "eq")]),
        ("có thẻ bảo hiểm y tế đạt trên 99% dân số", [(99, None, "%", "gt")]),
        ("Tỷ lệ hộ nghèo còn 1,0%", [(1.0, None, "%", "lte")]),
        ("giảm xuống còn 2%", [(2, None, "%", "lte")]),
        ("không quá 5%; tối đa 10%", [(5, None, "%", "lte"), (10, None, "%", "lte")]),
        ("dưới 5%", [(5, None, "%", "lt")]),
        ("khoảng 25,7%", [(25.7, None, "%", "approx")]),
        ("trên dưới 3%", [(3, None, "%", "approx")]),
        ("tối thiểu 2% tổng chi; ít nhất 15% số cấp ủy", [(2, None, "%", "gte"), (15, None, "%", "gte")]),
        ("đạt 90% trở lên", [(90, None, "%", "gte")]),
        ("có từ 35% cán bộ", [(35, None, "%", "gte")]),
        ("từ 60% trở lên", [(60, None, "%", "gte")]),
        ("vượt 10%", [(10, None, "%", "gt")]),
        ("ít nhất 4 đến 5 khu công nghiệp", [(4, 5, "khu công nghiệp", "eq")]),
        ("có thêm 03 huyện đạt chuẩn", [(3, None, "huyện", "eq")]),
        ("lũy kế 06/09 huyện đạt chuẩn", [(6, None, "huyện", "eq")]),
        ("27/63 xã", [(27, None, "xã", "eq")]),
        ("3 triệu lượt khách", [(3, None, "triệu lượt khách", "eq")]),
        ("trên 800 doanh nghiệp số", [(800, None, "doanh nghiệp", "gt")]),
        ("5‰", [(5, None, "‰", "eq")]),
        ("bằng 5 phần trăm", [(5, None, "%", "eq")]),
        ("thuộc nhóm 15 tỉnh, thành phố dẫn đầu cả nước", [(15, None, "hạng", "lte")]),
        ("nằm trong top 10 địa phương", [(10, None, "hạng", "lte")]),
        ("tuổi thọ trung bình đạt 75 tuổi", [(75, None, "tuổi", "eq")]),
    ],
)
def test_amounts_with_range_unit_and_comparator(text, expected):
    assert _amounts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết số 109-NQ/TU ngày 08/6/2021",
        "Chỉ thị số 24/CT-TTg",
        "Nghị quyết số 133/2020/QH14",
        "hoàn thành trong tháng 7/2021",
        "trước ngày 15/01/2021",
        "vào quý II/2023",
        "đến năm 2025",
        "giai đoạn 2021-2025",
        "nhiệm kỳ 2020 - 2025",
        "dịch Covid-19",
        "theo Điều 5, khoản 2",
        "mạng 4G/5G",
        "tiêu chuẩn QCVN02",
        "tuyến QL37",
        "1.1. Mục tiêu",
        "(1) Phấn đấu",
        "Nghị quyết Trung ương 4 khóa XII",
        "dịch vụ công mức độ 4",
        "lần thứ XIX",
        "bản đồ tỷ lệ 1/500",
        "giá so sánh 2010",
        "nút giao số 8",
    ],
)
def test_figures_that_are_not_amounts(text):
    assert find_quantities(text) == []


def test_offsets_point_into_the_text():
    text = "Phấn đấu đạt trên 95% hồ sơ"
    [quantity] = find_quantities(text)
    assert text[quantity.start:quantity.end] == "trên 95%"
    assert text[quantity.number_start:quantity.number_start + 2] == "95"


def test_rates_keep_their_base():
    [beds] = find_quantities("đạt 34,5 giường bệnh/1 vạn dân")
    assert (beds.unit, beds.per) == ("giường bệnh", "1 vạn dân")
    [growth] = find_quantities("tăng 14-16%/năm")
    assert growth.per == "năm"
