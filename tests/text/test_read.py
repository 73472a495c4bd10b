"""The whole reading pipeline: files in, documents with everything found in them out."""

import json
from datetime import date

import pytest

from nghiquyet.text import legacy
from nghiquyet.text.errors import DocumentReadError
from nghiquyet.text.normalize import match_key
from nghiquyet.text.read import parse_bytes, parse_file, parse_text
from tests.text.files import make_docx, make_pdf

CONTRACT_KEYS = {
    "kind",
    "symbol",
    "issued_on",
    "issuer",
    "title",
    "signer",
    "signer_position",
    "secret",
    "source",
    "outline",
    "references",
    "targets",
    "assignments",
    "reviews",
}


@pytest.fixture(scope="module")
def compilation():
    from nghiquyet.core.seeds import seed_file

    path = seed_file("003")
    if path is None:
        pytest.skip("seed documents not found (set NGHIQUYET_SEEDS)")
    return parse_file(path)


def test_the_compilation_seed_gives_forty_documents_and_one_absent(compilation):
    assert len(compilation.documents) == 40
    assert [(a.symbol, a.issued_on, a.secret) for a in compilation.absent] == [
        ("01-ĐA/TU", date(2021, 7, 14), True)
    ]
    symbols = [document.symbol for document in compilation.documents]
    assert len(set(symbols)) == 40 and all(symbols)


def test_every_line_number_points_inside_its_document(compilation):
    for document in compilation.documents:
        first, last = document.source.first_line, document.source.last_line
        for offset in range(0, len(document.body.text), 97):
            assert first <= document.body.line_at(offset) <= last
        for block in document.blocks:
            assert first <= block.first_line <= block.last_line <= last
        for reference in document.references:
            assert first <= reference.line <= last
        nodes = list(document.outline)
        while nodes:
            node = nodes.pop()
            assert first <= node.line <= last
            nodes.extend(node.children)


def test_the_json_contract(compilation):
    data = json.loads(json.dumps(compilation.to_json(), ensure_ascii=False))
    assert set(data) == {"documents", "absent"}
    for document in data["documents"]:
        assert CONTRACT_KEYS <= set(document)
        assert set(document["source"]) == {"file", "first_line", "last_line"}
        assert document["symbol"] and "-" in document["symbol"] and " " not in document["symbol"]
        assert document["issued_on"] is None or date.fromisoformat(document["issued_on"])
    assert {"symbol", "title", "reason"} <= set(data["absent"][0])


def test_same_symbol_different_dates_are_different_documents(compilation):
    conclusion = next(d for d in compilation.documents if d.symbol == "53-KL/TU")
    cited = {
        (r.symbol, r.issued_on, r.relation)
        for r in conclusion.references
        if r.symbol == "109-NQ/TU"
    }
    assert ("109-NQ/TU", date(2016, 7, 4), "tiep_tuc_thuc_hien") in cited
    resolution = next(d for d in compilation.documents if d.symbol == "109-NQ/TU")
    assert resolution.issued_on == date(2021, 6, 8)


def test_the_body_text_is_clean(compilation):
    for document in compilation.documents:
        text = document.body.text
        assert "Nơi nhận" not in text and "T/M " not in text and "-----" not in text
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text
        assert "\n\n" not in text


def test_a_word_file_is_read_like_a_text_file():
    (document,) = parse_bytes(make_docx(), "ke-hoach.docx").documents
    assert (document.kind, document.symbol, document.issued_on) == (
        "ke_hoach",
        "15-KH/TU",
        date(2022, 8, 3),
    )
    assert (document.issuer, document.signer, document.signer_position) == (
        "Ban Thường vụ Tỉnh ủy",
        "Lê Thị Thủy",
        "Phó Bí thư",
    )
    assert document.title == "về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
    assert [(r.symbol, r.relation) for r in document.references] == [("57-NQ/TW", "thuc_hien")]
    assert "Tỷ lệ hồ sơ trực tuyến | 60% | 80%" in document.body.text


PROSE = """Báo cáo khoa học về lịch sử địa phương
Vùng đất này có lịch sử lâu đời, gắn với nhiều di tích văn hóa có giá trị.
Người dân nơi đây cần cù, sáng tạo trong lao động sản xuất."""


def test_a_text_that_is_not_a_leadership_document_is_refused_from_a_file():
    with pytest.raises(DocumentReadError) as error:
        parse_bytes(PROSE.encode(), "bao-cao.txt")
    assert error.value.code == "not_a_document" and "văn bản lãnh đạo" in str(error.value)


def test_text_typed_into_the_application_is_accepted_as_one_document():
    (document,) = parse_text(PROSE).documents
    assert document.kind == "khac" and document.symbol is None
    assert document.source.first_line == 1 and document.source.last_line == 3


def test_empty_or_huge_typed_text_is_refused():
    with pytest.raises(DocumentReadError, match="rỗng"):
        parse_text("   \n  ")
    with pytest.raises(DocumentReadError) as error:
        parse_text("a" * (20 * 1024 * 1024 + 1))
    assert error.value.code == "too_big"


def test_line_numbers_are_those_of_the_file_as_given():
    text = "\r\n".join(
        [
            "",
            "",
            "TỈNH ỦY CAO BẰNG",
            "Số 02-CT/TU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Cao Bằng, ngày 3 tháng 3 năm 2023",
            "CHỈ THỊ",
            "về công tác dân vận",
            "-----",
            "Các cấp ủy tăng cường công tác dân vận.",
            "T/M BAN THƯỜNG VỤ",
            "BÍ THƯ",
            "Trần Hồng Minh",
        ]
    )
    (document,) = parse_bytes(text.encode("utf-16"), "chi-thi.txt").documents
    assert (document.source.first_line, document.source.last_line) == (3, 13)
    assert document.body.line_at(0) == 10


@pytest.mark.parametrize("encode", [legacy.encode_tcvn3, legacy.encode_vni], ids=["tcvn3", "vni"])
def test_the_compilation_saved_in_a_legacy_encoding_reads_the_same(compilation, encode, seed_003):
    text = seed_003.read_text(encoding="utf-8")
    legacy_result = parse_bytes(encode(text), seed_003.name)
    assert len(legacy_result.documents) == len(compilation.documents)
    for ours, theirs in zip(compilation.documents, legacy_result.documents):
        for field in (
            "symbol",
            "issued_on",
            "kind",
            "issuer",
            "signer",
            "signer_position",
            "title",
        ):
            mine, other = getattr(ours, field), getattr(theirs, field)
            assert (match_key(mine) if isinstance(mine, str) else mine) == (
                match_key(other) if isinstance(other, str) else other
            )


def test_a_pdf_is_read_like_a_text_file():
    pages = [
        ["TỈNH ỦY NAM ĐỊNH ĐẢNG CỘNG SẢN VIỆT NAM", "* Nam Định, ngày 12 tháng 5 năm 2021",
         "Số 08-CT/TU", "CHỈ THỊ", "CỦA BAN THƯỜNG VỤ TỈNH ỦY", "về tăng cường công tác dân vận", "-----",
         "Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, các cấp ủy đảng cần"],
        ["quán triệt sâu sắc quan điểm của Đảng về công tác dân vận.", "Chỉ thị này phổ biến đến chi bộ.",
         "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Phạm Gia Túc"],
    ]
    (document,) = parse_bytes(make_pdf(pages), "chi-thi.pdf").documents
    assert (document.symbol, document.issued_on, document.place) == ("08-CT/TU", date(2021, 5, 12), "Nam Định")
    assert (document.kind, document.issuer, document.signer) == ("chi_thi", "Ban Thường vụ Tỉnh ủy", "Phạm Gia Túc")
    assert document.body.text.startswith("Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, "
                                         "các cấp ủy đảng cần quán triệt sâu sắc")
    assert document.body.line_at(document.body.text.index("quán triệt")) == 9
    assert document.dissemination == "chi bộ"


def test_a_pdf_with_two_columns_in_its_header_and_closing():
    pages = [
        [
            ("ĐẢNG BỘ TỈNH BẮC GIANG", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("HUYỆN UỶ LỤC NAM", "Lục Nam, ngày 20 tháng 7 năm 2021"),
            "*",
            "Số 45-CT/HU",
            "CHỈ THỊ",
            "CỦA BAN THƯỜNG VỤ HUYỆN ỦY",
            "về tăng cường công tác phòng, chống thiên tai",
            "-----",
            "Các cấp ủy, tổ chức đảng chủ động phòng, chống thiên tai.",
            "Chỉ thị này phổ biến đến chi bộ.",
            ("Nơi nhận:", "T/M BAN THƯỜNG VỤ"),
            ("- Thường trực Tỉnh ủy (b/c),", "K/T BÍ THƯ"),
            ("- Lưu Văn phòng Huyện ủy.", "PHÓ BÍ THƯ THƯỜNG TRỰC"),
            ("", "Hoàng Văn Nam"),
        ]
    ]
    (document,) = parse_bytes(make_pdf(pages), "chi-thi.pdf").documents
    assert (document.symbol, document.issued_on, document.place) == (
        "45-CT/HU",
        date(2021, 7, 20),
        "Lục Nam",
    )
    assert (document.issuer, document.signer_position, document.signer) == (
        "Ban Thường vụ Huyện ủy",
        "Phó Bí thư Thường trực",
        "Hoàng Văn Nam",
    )
    assert document.recipients == ["Thường trực Tỉnh ủy", "Lưu Văn phòng Huyện ủy"]
    assert " ".join(document.body.text.split()) == (
        "Các cấp ủy, tổ chức đảng chủ động phòng, chống thiên tai. Chỉ thị này phổ biến đến chi bộ."
    )
