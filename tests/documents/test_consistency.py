"""The consistency check finds figures that disagree or do not add up."""

import datetime

import pytest
from django.urls import reverse

from nghiquyet.core.seeds import seed_file
from nghiquyet.documents.demo import corpus_files
from nghiquyet.documents.models import Document, ExtractedItem
from nghiquyet.documents.services import consistency
from nghiquyet.documents.services.importing import import_file
from nghiquyet.organisations.access import AccessPolicy

from .factories import Text, parsed, store

pytestmark = pytest.mark.django_db


def with_targets(symbol, issuer_block, *targets, day=datetime.date(2021, 6, 1), secret=False):
    """A document whose targets are (quote, fields) pairs."""
    text = Text(*(quote for quote, _fields in targets))
    document = parsed(text, symbol=symbol, issuer_block=issuer_block, issued_on=day, secret=secret)
    document.targets = [text.target(quote, **fields) for quote, fields in targets]
    store(document, filename=f"{symbol.replace('/', '-')}.txt")
    return Document.objects.get(symbol=symbol)


BEDS_A = ("Số giường bệnh/vạn dân (không tính trạm y tế cấp xã) đạt 31,7 giường.",
          {"indicator": "Số giường bệnh/vạn dân (không tính trạm y tế cấp xã)", "value": 31.7, "unit": "giường", "deadline": "2025"})
BEDS_B = ("Phấn đấu đến năm 2025, đạt 34,5 giường bệnh/1 vạn dân.",
          {"indicator": "giường bệnh/1 vạn dân", "value": 34.5, "unit": "giường", "deadline": "2025"})
LABOUR_A = ("tỷ lệ lao động qua đào tạo có chứng chỉ công nhận kết quả đào tạo 25,1%",
            {"indicator": "tỷ lệ lao động qua đào tạo có chứng chỉ công nhận kết quả đào tạo", "value": 25.1, "unit": "%", "deadline": "2025"})
LABOUR_B = ("tỷ lệ lao động qua đào tạo có văn bằng, chứng chỉ đạt 27%",
            {"indicator": "tỷ lệ lao động qua đào tạo có văn bằng, chứng chỉ", "value": 27, "unit": "%", "deadline": "2025"})
TRAINED = ("Tỷ lệ lao động qua đào tạo đạt 80%",
           {"indicator": "Tỷ lệ lao động qua đào tạo", "value": 80, "unit": "%", "deadline": "2025"})
POOR_2025 = ("Tỷ lệ hộ nghèo còn 1,0%", {"indicator": "Tỷ lệ hộ nghèo", "value": 1.0, "unit": "%", "deadline": "2025", "comparator": "lte"})
POOR_2030 = ("tỷ lệ hộ nghèo còn 0,5% vào năm 2030", {"indicator": "tỷ lệ hộ nghèo", "value": 0.5, "unit": "%", "deadline": "2030", "comparator": "lte"})


def findings_of(kind=None, documents=None):
    found = consistency.check(documents if documents is not None else Document.objects.all())
    return [finding for finding in found if kind is None or finding.kind == kind]


def test_the_same_indicator_with_different_values_is_flagged(units):
    with_targets("03-CTr/TU", "TỈNH ỦY BẮC GIANG", BEDS_A, LABOUR_A, TRAINED, POOR_2025)
    with_targets("15-CTr/TU", "TỈNH ỦY BẮC GIANG", BEDS_B, LABOUR_B, POOR_2030, day=datetime.date(2021, 5, 31))
    conflicts = findings_of("value")
    figures = sorted(sorted(entry.figure for entry in finding.entries) for finding in conflicts)
    assert figures == [["25,1% (2025)", "27% (2025)"], ["31,7 giường (2025)", "34,5 giường (2025)"]]
    # 80% of all trained workers is another indicator; poverty to 2025 and to 2030 is a plan, not a conflict.


def test_the_same_value_with_different_deadlines_is_flagged(units):
    quote = "100% xã đạt chuẩn nông thôn mới"
    with_targets("1-NQ/TU", "TỈNH ỦY BẮC GIANG", (quote, {"indicator": "xã đạt chuẩn nông thôn mới", "value": 100, "unit": "%", "deadline": "2025"}))
    with_targets("2-NQ/TU", "TỈNH ỦY BẮC GIANG", (quote, {"indicator": "xã đạt chuẩn nông thôn mới", "value": 100, "unit": "%", "deadline": "2030"}))
    [finding] = findings_of("deadline")
    assert {entry.document.symbol for entry in finding.entries} == {"1-NQ/TU", "2-NQ/TU"}


def test_repeats_agree_and_rejected_items_do_not_count(units):
    document = with_targets("1-NQ/TU", "TỈNH ỦY BẮC GIANG", BEDS_A, LABOUR_A)
    with_targets("2-NQ/TU", "TỈNH ỦY BẮC GIANG", BEDS_A)
    assert not findings_of("value")  # the same figure twice is no conflict
    with_targets("3-NQ/TU", "TỈNH ỦY BẮC GIANG", BEDS_B)
    assert findings_of("value")
    ExtractedItem.objects.filter(document__symbol="3-NQ/TU").update(status="rejected")
    assert not findings_of("value")
    assert document.items.count() == 2


def test_one_document_contradicting_itself_is_flagged(units):
    text = Text("II. MỤC TIÊU", BEDS_A[0], "III. NHIỆM VỤ, GIẢI PHÁP", BEDS_B[0])
    document = parsed(text, symbol="15-CTr/TU", issuer_block="TỈNH ỦY BẮC GIANG")
    document.outline = [text.outline("II", "II. MỤC TIÊU"), text.outline("III", "III. NHIỆM VỤ, GIẢI PHÁP")]
    document.outline[0].end = document.outline[1].start - 1
    document.outline[1].end = len(text.text)
    document.targets = [text.target(BEDS_A[0], **BEDS_A[1]), text.target(BEDS_B[0], **BEDS_B[1])]
    store(document, filename="15.txt")
    [finding] = findings_of("value")
    assert {entry.document.symbol for entry in finding.entries} == {"15-CTr/TU"} and len(finding.entries) == 2


def test_figures_listed_together_are_not_a_contradiction(units):
    quote = "có thêm 2-3 di tích xếp hạng quốc gia đặc biệt, 5-7 di tích xếp hạng quốc gia"
    fields = {"indicator": "di tích xếp hạng quốc gia đặc biệt", "unit": "di tích", "deadline": "2025"}
    text = Text(quote)
    document = parsed(text, symbol="15-CTr/TU", issuer_block="TỈNH ỦY BẮC GIANG")
    document.targets = [text.target("2-3 di tích", **fields, value=2, value_max=3),
                        text.target("5-7 di tích", **fields, value=5, value_max=7)]
    store(document, filename="15.txt")
    assert not findings_of("value")


def test_a_yearly_target_under_two_goals_is_not_a_deadline_conflict(units):
    quote = "Hằng năm, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 90% trở lên"
    fields = {"indicator": "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", "value": 90, "unit": "%"}
    with_targets("1-NQ/TU", "TỈNH ỦY BẮC GIANG", (quote, {**fields, "deadline": "2025"}))
    text = Text(f"Mục tiêu đến năm 2025: {quote}.", f"Mục tiêu đến năm 2030: {quote} nữa.")
    document = parsed(text, symbol="2-NQ/TU", issuer_block="TỈNH ỦY BẮC GIANG")
    document.targets = [text.target(f"{quote}.", **fields, deadline="2025"), text.target(f"{quote} nữa", **fields, deadline="2030")]
    store(document, filename="2.txt")
    assert not findings_of("deadline")


@pytest.mark.parametrize("sentence, total", [
    ("Cơ cấu kinh tế: Công nghiệp - xây dựng 45%; Dịch vụ 30%; Nông, lâm nghiệp, thủy sản 20%.", "95"),
    ("Tỷ lệ lao động thất nghiệp khoảng 2,6%; tỷ lệ lao động trong lĩnh vực công nghiệp khoảng 50%; "
     "lĩnh vực dịch vụ khoảng 25,7%; lĩnh vực nông nghiệp khoảng 25,7%.", "101,4"),
])
def test_shares_that_do_not_make_a_whole(sentence, total):
    [(offset, found, summed)] = consistency.share_sums(f"Mở đầu.\n{sentence}")
    assert offset > 0 and consistency.format_number(summed) == total


@pytest.mark.parametrize("sentence", [
    "Cơ cấu kinh tế: Công nghiệp - xây dựng 68,4%; Dịch vụ 20,6%; Nông, lâm nghiệp, thủy sản 11%.",
    "Tỷ lệ lao động thất nghiệp thành thị khoảng 2,6%; tỷ lệ lao động trong lĩnh vực công nghiệp - xây dựng "
    "khoảng 48,6%; lĩnh vực dịch vụ khoảng 25,7%; lĩnh vực nông, lâm nghiệp và thủy sản khoảng 25,7%.",
    "Tỷ lệ hộ nghèo còn 1,0%; trong đó các xã đặc biệt khó khăn còn 12,6%.",
    "Tỷ lệ lao động qua đào tạo đạt 80%; tỷ lệ lao động qua đào tạo có văn bằng, chứng chỉ đạt 27%.",
    "Tỷ trọng kinh tế số trong từng ngành, từng lĩnh vực đạt tối thiểu 15%.",
])
def test_shares_that_add_up_or_are_not_parts_are_left_alone(sentence):
    assert consistency.share_sums(sentence) == []


def test_parts_larger_than_their_total():
    text = "Huy động vốn đầu tư đạt 470 nghìn tỷ đồng, trong đó vốn ngân sách 200 nghìn tỷ, vốn doanh nghiệp 300 nghìn tỷ."
    [(_offset, _sentence, total, summed)] = consistency.parts_exceeding(text)
    assert (total, summed) == (470, 500)
    assert consistency.parts_exceeding("Toàn tỉnh có 50 cơ sở, trong đó có 10 cơ sở công lập, 20 cơ sở tư thục.") == []


def test_the_corpus_has_a_structure_that_does_not_add_up(units):
    for name, data in corpus_files():
        import_file(data, name)
    sums = findings_of("sum")
    assert [entry.document.symbol for finding in sums for entry in finding.entries] == ["45-KH/HU"]
    assert sums[0].entries[0].line > 1


def test_the_seed_compilation_adds_up_and_its_known_conflicts_are_found(units):
    path = seed_file("003")
    if path is None:
        pytest.skip("seed documents not found")
    import_file(path.read_bytes(), path.name)
    assert not findings_of("sum"), "the economic and labour structures of 003 sum to 100%"
    if not ExtractedItem.objects.filter(type="target").exists():
        pytest.skip("the extractor finds no targets yet")
    values = {entry.figure.split()[0].removesuffix("%") for finding in findings_of("value") for entry in finding.entries}
    assert {"31,7", "34,5"} <= values, "hospital beds per 10,000 people"
    assert {"25,1", "27"} <= values, "certified trained labour"


def test_findings_only_compare_what_the_user_may_read(units, officer_a, client):
    with_targets("03-CTr/TU", "TỈNH ỦY BẮC GIANG", BEDS_A)
    with_targets("7-KH/HU", "HUYỆN ỦY LỤC NAM", BEDS_B)  # a sibling district's
    assert findings_of("value")
    visible = AccessPolicy(officer_a).scope(Document.objects.all())
    assert not findings_of("value", visible)
    client.force_login(officer_a)
    page = client.get(reverse("documents:consistency"))
    assert page.status_code == 200 and "7-KH/HU" not in page.text and "34,5" not in page.text
