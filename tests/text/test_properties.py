"""Whatever it is given, the reader returns documents or raises DocumentReadError, nothing else.

And whatever it returns points back inside the input: every line number of
a document lies within the document, and documents do not overlap.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nghiquyet.text.decoding import decode, text_lines
from nghiquyet.text.errors import DocumentReadError
from nghiquyet.text.read import parse_bytes, parse_text

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines of the kinds the reader reacts to, and some it must survive.
LINES = [
    "",
    " ",
    "TỈNH ỦY BẮC GIANG",
    " TỈNH ỦY BẮC GIANG",
    "*",
    "Số 03-CTr/TU",
    "Số: 212/KH-UBND",
    "số 15/CT-TTg ngày",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Bắc Giang, ngày 04 tháng12 năm 2020",
    "ngày 31 tháng 2 năm 2021",
    "MẬT",
    "V/v triển khai",
    "NGHỊ QUYẾT",
    "CHỈ THỊ",
    "KẾT LUẬN",
    "CỦA BAN THƯỜNG VỤ TỈNH ỦY",
    "về phát triển du lịch",
    "Về thực hiện",
    "-----",
    "I- QUAN ĐIỂM, MỤC TIÊU",
    "1. Quan điểm",
    "2.1. Mục tiêu chung",
    "a) Mục a;",
    "(1) Thứ nhất",
    "- Tăng cường công tác kiểm tra, giám sát",
    "- xã hội của tỉnh.",
    "+ ưu tiên",
    "Chỉ thị số 17-",
    "CT/TU ngày 27/02/2020",
    "Covid-",
    "19 trên địa bàn",
    "giai đoạn 2021-",
    "2030",
    "43",
    "- 12 -",
    "Trong những năm qua, các cấp ủy, chính quyền đã quan tâm lãnh đạo, chỉ đạo phát triển kinh",
    "tế - xã hội và đạt nhiều kết quả quan trọng; thu ngân sách tăng bình quân 14-16%/năm.",
    "1 Đối với các cấp ủy, tổ chức đảng hoàn thành tốt nhiệm vụ trở lên: Có thể xây dựng kế hoạch khắc phục.",
    "Nơi nhận:",
    " Nơi nhận:",
    "- Ban Bí thư Trung ương Đảng,",
    "- Lưu Văn phòng Tỉnh ủy.",
    "(báo cáo)",
    "T/M TỈNH ỦY",
    "T/M BAN THƯỜNG VỤ",
    "K/T BÍ THƯ",
    "TM. ỦY BAN NHÂN DÂN",
    "BÍ THƯ",
    "PHÓ BÍ THƯ",
    "(đã ký)",
    "Dương Văn Thái",
    "PHỤ LỤC",
    "MỤC LỤC",
    "Nghị quyết số 109-NQ/TU",
    "ngày 08/6/2021",
    "Nghị quyết này phổ biến đến chi bộ./.",
    "cơ\u031b sở",
    "\u0301",
    "to\u0302\u0309 chức",
    "\ufeff",
    "\x00",
    "TT Số, ký hiệu, ngày/tháng/năm Trích yếu văn bản Trang",
    "II Ban Thường vụ Tỉnh ủy ban hành",
]
texts = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=80).map(
    "\n".join
)


def check(result, line_count: int) -> None:
    previous_last = 0
    for document in result.documents:
        first, last = document.source.first_line, document.source.last_line
        assert previous_last < first <= last <= max(line_count, 1)
        previous_last = last
        for offset in range(0, len(document.body.text) + 1, 7):
            assert first <= document.body.line_at(offset) <= last
        for block in document.blocks:
            assert first <= block.first_line <= block.last_line <= last
        for reference in document.references:
            assert first <= reference.line <= last
        document.to_json()
    for absent in result.absent:
        absent.to_json()


@SETTINGS
@given(st.binary(max_size=4000), st.sampled_from(["a.txt", "a.docx", "a.pdf", "a", "a.TXT"]))
def test_decoding_arbitrary_bytes(data, filename):
    try:
        decoded = decode(data, filename)
    except DocumentReadError as error:
        assert str(error)
    else:
        assert all("\n" not in line and "\r" not in line for line in decoded.lines)


@SETTINGS
@given(st.binary(max_size=4000))
def test_parsing_arbitrary_bytes(data):
    try:
        result = parse_bytes(data, "tep.txt")
    except DocumentReadError as error:
        assert str(error)
    else:
        check(result, len(text_lines(data.decode("utf-8", errors="replace"))))


@SETTINGS
@given(st.text(max_size=3000))
def test_parsing_arbitrary_text(text):
    try:
        result = parse_text(text)
    except DocumentReadError as error:
        assert str(error)
    else:
        check(result, len(text_lines(text)))


@SETTINGS
@given(texts)
def test_parsing_documents_made_of_realistic_lines(text):
    for strict in (False, True):
        try:
            result = parse_text(text, strict=strict)
        except DocumentReadError as error:
            assert str(error)
        else:
            check(result, len(text_lines(text)))
