"""Splitting files into documents; tables of contents and the documents they list."""

from datetime import date
from pathlib import Path

from nghiquyet.text.contents import read_contents, subject_normal_form
from nghiquyet.text.normalize import repair_line
from nghiquyet.text.read import parse_file, parse_text
from nghiquyet.text.source import SourceLines
from nghiquyet.text.split import document_spans, outside_lines

SAMPLES = Path(__file__).parent / "samples"


def source_of(text: str) -> SourceLines:
    return SourceLines.from_lines([repair_line(line) for line in text.split("\n")])


def test_a_compilation_is_split_at_each_header():
    result = parse_file(SAMPLES / "compilation.txt")
    spans = [
        (document.symbol, document.source.first_line, document.source.last_line)
        for document in result.documents
    ]
    # A document begins at its issuer line and ends before the next one (its trailing page number
    # included); the colophon after the last signature is nobody's.
    assert spans == [("12-NQ/TU", 36, 97), ("07-CT/TU", 98, 134), ("30-KL/TU", 135, 164)]


def test_the_table_of_contents_lists_an_absent_secret_document():
    (absent,) = parse_file(SAMPLES / "compilation.txt").absent
    assert (absent.symbol, absent.issued_on.isoformat(), absent.kind) == (
        "02-ĐA/TU",
        "2022-05-15",
        "de_an",
    )
    assert absent.title == "về bảo vệ an ninh biên giới"
    assert absent.secret and absent.reason == "Tài liệu mật - không phát hành rộng rãi"


def test_a_document_without_title_block_takes_its_title_from_the_table_of_contents():
    directive = parse_file(SAMPLES / "compilation.txt").documents[1]
    assert directive.title == "về tăng cường công tác phòng cháy, chữa cháy trên địa bàn tỉnh"


def test_table_of_contents_entries():
    text = (SAMPLES / "compilation.txt").read_text(encoding="utf-8")
    source = source_of(text)
    entries = read_contents(source, outside_lines(source, document_spans(source)))
    assert [(entry.symbol, entry.kind, entry.line) for entry in entries] == [
        ("12-NQ/TU", "nghi_quyet", 7),
        ("07-CT/TU", "chi_thi", 16),
        ("02-ĐA/TU", "de_an", 25),
        ("30-KL/TU", "ket_luan", 31),
    ]
    # The page number at the end of a line is not part of the subject; a year ending a line is.
    assert (
        entries[3].title
        == "về tiếp tục thực hiện Nghị quyết số 12-NQ/TU ngày 10/3/2016 của Ban Thường vụ Tỉnh ủy"
    )
    assert (
        entries[0].title
        == "về phát triển kinh tế cửa khẩu giai đoạn 2022 - 2025, định hướng đến năm 2030"
    )


def test_one_mention_on_a_cover_is_not_a_table_of_contents():
    text = (
        "Tài liệu học tập\nNghị quyết số 57-NQ/TW ngày 22/12/2024\nVề đột phá phát triển khoa học\n"
    )
    source = source_of(text)
    assert read_contents(source, list(range(len(source)))) == []


def test_a_text_without_header_is_one_document():
    text = """NGHỊ QUYẾT
về xây dựng chi bộ trong sạch, vững mạnh
-----
Chi bộ thống nhất thực hiện các nhiệm vụ sau:
1. Đảng viên tham gia sinh hoạt đầy đủ.
T/M CHI BỘ
BÍ THƯ
Hoàng Văn Nam"""
    (document,) = parse_text(text).documents
    assert (document.source.first_line, document.source.last_line) == (1, 8)
    assert document.kind == "nghi_quyet" and document.issuer == "Chi bộ"


HEADERLESS_PAIR = """CHỈ THỊ
về phòng, chống thiên tai
-----
Các cấp ủy chủ động phòng, chống thiên tai.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn A

KẾT LUẬN
về công tác cán bộ
-----
Ban Thường vụ kết luận như sau.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Trần Văn B"""


def test_documents_printed_without_header_after_a_closing_are_separated():
    documents = parse_text(HEADERLESS_PAIR).documents
    assert [(d.kind, d.source.first_line, d.source.last_line, d.signer) for d in documents] == [
        ("chi_thi", 1, 7, "Nguyễn Văn A"),
        ("ket_luan", 9, 15, "Trần Văn B"),
    ]


def test_an_appendix_after_the_signature_belongs_to_the_document():
    text = """TỈNH ỦY YÊN BÁI
Số 40-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Yên Bái, ngày 01 tháng 6 năm 2022
KẾ HOẠCH
về chuyển đổi số
-----
Thực hiện theo Phụ lục kèm theo.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Đỗ Đức Duy

PHỤ LỤC
Danh mục nhiệm vụ
1. Xây dựng trung tâm dữ liệu, hoàn thành năm 2023."""
    (document,) = parse_text(text).documents
    assert document.source.last_line == 15


def test_an_annexed_text_after_the_signature_belongs_to_the_decision():
    (decision,) = parse_file(SAMPLES / "party_decision.txt").documents
    assert decision.source.last_line == 40
    assert decision.body.text.endswith(
        "Điều 1. Ban Chỉ đạo làm việc theo nguyên tắc tập trung dân chủ."
    )
    assert [node.label for node in decision.outline][-3:] == ["Điều 1", "Điều 2", "Điều 1"]
    assert "QUYẾT ĐỊNH:" in decision.body.text.split("\n")
    assert [(r.symbol, r.relation) for r in decision.references] == [
        ("01-QC/TU", "can_cu"),
        ("900-QĐ/TU", "thay_the"),
    ]


def test_subject_normal_form():
    assert subject_normal_form("Về thực hiện Nghị quyết") == "về thực hiện Nghị quyết"
    assert subject_normal_form("thực hiện Nghị quyết Đại hội") == "về thực hiện Nghị quyết Đại hội"
    assert (
        subject_normal_form("Tiếp tục đổi mới việc ban hành nghị quyết")
        == "về tiếp tục đổi mới việc ban hành nghị quyết"
    )
    assert subject_normal_form("V/v triển khai  học tập.") == "về việc triển khai học tập"
    assert subject_normal_form("Đảng bộ tỉnh trong sạch") == "về Đảng bộ tỉnh trong sạch"


def test_a_sentence_beginning_with_a_symbol_does_not_start_a_document():
    text = """TỈNH ỦY BẮC KẠN
Số 08-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Bắc Kạn, ngày 2 tháng 3 năm 2022
KẾT LUẬN
về phát triển rừng
-----
Ban Thường vụ Tỉnh ủy đánh giá cao kết quả thực hiện Nghị quyết.
Số 12-NQ/TU ngày 10/3/2016 của Ban Thường vụ Tỉnh ủy đã đi vào cuộc sống.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Hoàng Duy Chinh"""
    assert len(parse_text(text).documents) == 1


def test_the_table_of_contents_gives_the_date_a_document_lacks():
    text = """MỤC LỤC
1 Nghị quyết số 05-NQ/TU ngày 04/01/2022
Về công tác cán bộ 3
2 Chỉ thị số 06-CT/TU ngày 05/02/2022
Về phòng, chống dịch 9

TỈNH ỦY BẮC KẠN
Số 05-NQ/TU
ĐẢNG CỘNG SẢN VIỆT NAM
NGHỊ QUYẾT
về công tác cán bộ
-----
Các cấp ủy thực hiện Nghị quyết này.
T/M TỈNH ỦY
BÍ THƯ
Hoàng Duy Chinh"""
    result = parse_text(text)
    (document,) = result.documents
    assert (document.symbol, document.issued_on) == ("05-NQ/TU", date(2022, 1, 4))
    assert [absent.symbol for absent in result.absent] == ["06-CT/TU"]
    assert result.absent[0].reason == "Có trong mục lục nhưng không có trong tệp"


def test_documents_without_header_after_a_table_of_contents():
    contents = """MỤC LỤC
1. Chỉ thị số 02-CT/TU ngày 05/01/2022 về phòng, chống thiên tai ...... 3
2. Kết luận số 15-KL/TU ngày 10/02/2022 về công tác cán bộ ...... 5

"""
    result = parse_text(contents + HEADERLESS_PAIR)
    assert [(d.kind, d.source.first_line, d.source.last_line) for d in result.documents] == [
        ("chi_thi", 5, 11),
        ("ket_luan", 13, 19),
    ]
    # The table of contents numbers and dates them.
    assert [(d.symbol, d.issued_on) for d in result.documents] == [
        ("02-CT/TU", date(2022, 1, 5)), ("15-KL/TU", date(2022, 2, 10))]
    assert result.absent == []
