"""References to other documents and the relation words around them."""

from datetime import date

import pytest

from nghiquyet.text.model import RepairedText
from nghiquyet.text.references import find_mentions, find_references


def references_in(text: str):
    return find_references(RepairedText(text, [(0, 1)]))


@pytest.mark.parametrize(
    "text, symbol, issued_on, kind",
    [
        (
            "theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
            "57-NQ/TW",
            date(2024, 12, 22),
            "nghi_quyet",
        ),
        ("Quyết định số 522/QĐ-TTg của Thủ tướng Chính phủ", "522/QĐ-TTg", None, "quyet_dinh"),
        (
            "Nghị định số 107/2020/NĐ-CP ngày 14 tháng 9 năm 2020",
            "107/2020/NĐ-CP",
            date(2020, 9, 14),
            "khac",
        ),
        ("Chỉ thị 24/CT-TTg ngày 14/4/2023", "24/CT-TTg", date(2023, 4, 14), "chi_thi"),
        (
            "Chương trình hành động số 03-CTr/TU ngày 04/12/2020",
            "03-CTr/TU",
            date(2020, 12, 4),
            "chuong_trinh",
        ),
        ("Báo cáo số 59-BC/BTCTU", "59-BC/BTCTU", None, "bao_cao"),
        ("Nghị quyết 01-NQ/ĐH của Đại hội", "01-NQ/ĐH", None, "nghi_quyet"),
        (
            "Nghị quyết số 04/2021/NQ-HĐND ngày 15/7/2021",
            "04/2021/NQ-HĐND",
            date(2021, 7, 15),
            "nghi_quyet",
        ),
        ("theo 1234-CV/VPTU ngày 5-3-2021", "1234-CV/VPTU", date(2021, 3, 5), "cong_van"),
    ],
)
def test_party_and_state_symbols(text, symbol, issued_on, kind):
    (reference,) = references_in(text)
    assert (reference.symbol, reference.issued_on, reference.kind) == (symbol, issued_on, kind)


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            "Để tiếp tục thực hiện có hiệu quả Nghị quyết số 109-NQ/TU ngày 04/7/2016",
            "tiep_tuc_thuc_hien",
        ),
        ("Thực hiện Chỉ thị số 01-CT/TW ngày 09/3/2021 của Bộ Chính trị", "thuc_hien"),
        ("Quy định này thay thế Quy định số 05-QĐi/TU ngày 10/3/2019", "thay_the"),
        ("sửa đổi, bổ sung Quy chế số 01-QC/TU ngày 02/01/2021", "sua_doi"),
        ("bổ sung Hướng dẫn số 02-HD/BTCTU", "bo_sung"),
        ("bãi bỏ Quyết định số 12-QĐ/TU", "bai_bo"),
        ("Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương", "can_cu"),
        ("như đã nêu tại Kết luận số 01-KL/TW ngày 18/5/2021", "trich_dan"),
        (
            "thực hiện nhiệm vụ. Theo Kết luận số 02-KL/TW",
            "trich_dan",
        ),  # the word is in another sentence
    ],
)
def test_relation_words_before_a_mention(text, relation):
    assert references_in(text)[-1].relation == relation


def test_the_same_symbol_with_different_dates_is_two_documents():
    references = references_in(
        "Nghị quyết số 109-NQ/TU ngày 04/7/2016 về phòng, chống tham nhũng và Nghị quyết số 109-NQ/TU "
        "ngày 08/6/2021 về công tác kiểm tra."
    )
    assert [(r.symbol, r.issued_on) for r in references] == [
        ("109-NQ/TU", date(2016, 7, 4)),
        ("109-NQ/TU", date(2021, 6, 8)),
    ]


def test_a_later_mention_without_date_takes_the_only_date_given():
    references = references_in(
        "Sau 5 năm thực hiện Nghị quyết số 113-NQ/TU ngày 22/7/2016 (viết tắt là Nghị quyết số 113-NQ/TU); "
        "tiếp tục quán triệt Nghị quyết số 113-NQ/TU."
    )
    assert {reference.issued_on for reference in references} == {date(2016, 7, 22)}


def test_mentions_in_one_list_share_the_relation_word():
    references = references_in(
        "Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ và Nghị quyết số 52-NQ/TW "
        "ngày 27/9/2019 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch."
    )
    assert [reference.relation for reference in references] == ["thuc_hien", "thuc_hien"]


def test_quote_title_and_offsets():
    text = "Tiếp tục thực hiện Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy về thu gom rác thải; đồng thời"
    (reference,) = references_in(text)
    assert reference.quote == "Chỉ thị số 17-CT/TU ngày 27/02/2020"
    assert text[reference.start : reference.end] == reference.quote
    assert reference.title == "về thu gom rác thải"


@pytest.mark.parametrize(
    "text",
    [
        "tỷ lệ 31,7 giường bệnh/vạn dân",
        "đạt 5.500-6.000 USD/người",
        "lũy kế 06/09 huyện",
        "ngày 27/02/2020",
        "QL37 - QL17 - ĐT292",
        "14-16%/năm",
        "Covid-19",
    ],
)
def test_numbers_that_are_not_symbols(text):
    assert references_in(text) == []


def test_one_reference_per_cited_document_keeping_the_mention_that_names_the_relation():
    text = ("Theo Kế hoạch số 45-KH/HU ngày 20/7/2021, các xã phải báo cáo. Để thực hiện Kế hoạch số "
            "45-KH/HU, Đảng ủy xã ban hành kế hoạch; sau đó nhắc lại Kế hoạch số 45-KH/HU.")
    body = RepairedText(text, [(0, 1)])
    assert len(find_mentions(body)) == 3
    (reference,) = find_references(body)
    assert (reference.issued_on, reference.relation) == (date(2021, 7, 20), "thuc_hien")
    assert text[reference.start:reference.end] == "Kế hoạch số 45-KH/HU"


def test_a_mention_in_the_title_counts():
    title = RepairedText("về thực hiện Nghị quyết số 111-NQ/TU ngày 11/6/2021", [(0, 7)])
    body = RepairedText("Các xã quán triệt Nghị quyết số 111-NQ/TU.", [(0, 12)])
    (reference,) = find_references(body, title)
    assert (reference.line, reference.relation, reference.start) == (7, "thuc_hien", 0)
