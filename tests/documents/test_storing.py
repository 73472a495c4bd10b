"""Storing reader output: identity, placeholders, references, items, atomicity."""

import datetime
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files.storage import default_storage

from nghiquyet.documents.models import Document, ExtractedItem, Reference, SourceFile
from nghiquyet.documents.services.review import accept, map_body
from nghiquyet.organisations.access import AccessPolicy

from .factories import Text, district_plan, items_of, parsed, store

pytestmark = pytest.mark.django_db


def test_a_file_lands_whole(units, officer_a):
    report = store(district_plan(), user=officer_a)
    assert report.ok and len(report.created) == 1
    document = Document.objects.get(symbol="45-KH/HU")
    assert document.issuer_unit == units["district_a"]
    assert document.source_file.size > 0 and default_storage.exists(document.source_file.file.name)
    assert document.line_at(document.text.index("I. MỤC TIÊU")) == 12
    assert [node["label"] for node in document.outline] == ["I", "II"]
    assert {item.type for item in document.items.all()} == {"target", "assignment", "review"}
    cited = {ref.symbol: ref.to_document for ref in document.references.all()}
    assert cited["111-NQ/TU"].is_placeholder and cited["111-NQ/TU"].kind == "nghi_quyet"
    assert cited["12-KH/HU"].issued_on == datetime.date(2019, 3, 5)


def test_reimporting_does_not_duplicate(units, officer_a):
    store(district_plan(), user=officer_a)
    before = set(ExtractedItem.objects.values_list("pk", flat=True)), set(Reference.objects.values_list("pk", flat=True))
    report = store(district_plan(), user=officer_a)
    # Unchanged proposals and references are kept, not deleted and made again.
    assert before == (set(ExtractedItem.objects.values_list("pk", flat=True)), set(Reference.objects.values_list("pk", flat=True)))
    assert report.ok and not report.created and len(report.updated) == 1
    assert Document.objects.real().count() == 1
    assert Document.objects.filter(is_placeholder=True).count() == 2
    assert SourceFile.objects.count() == 1
    assert ExtractedItem.objects.count() == 5
    assert Reference.objects.count() == 2


def test_same_symbol_other_date_is_another_document(units):
    store(parsed(symbol="109-NQ/TU", issued_on=datetime.date(2016, 3, 1), title="về kiểm tra (2016)"), filename="a.txt")
    store(parsed(symbol="109-NQ/TU", issued_on=datetime.date(2021, 6, 8), title="về kiểm tra (2021)"), filename="b.txt")
    assert Document.objects.filter(symbol_key="109-nq/tu").count() == 2


def test_same_symbol_and_date_from_another_issuer_is_another_document(units):
    store(parsed(issuer_block="HUYỆN ỦY YÊN THẾ"), filename="a.txt")
    store(parsed(issuer_block="HUYỆN ỦY LỤC NAM"), filename="b.txt")
    issuers = set(Document.objects.values_list("issuer_unit__code", flat=True))
    assert issuers == {"HU-A", "HU-B"}


def test_placeholder_is_filled_not_duplicated(units):
    store(district_plan())
    placeholder = Document.objects.get(symbol="111-NQ/TU")
    text = Text("Nghị quyết về chuyển đổi số tỉnh Bắc Giang.")
    report = store(parsed(text, symbol="111-NQ/TU", issued_on=datetime.date(2021, 6, 11), kind="nghi_quyet",
                          issuer="Tỉnh ủy", issuer_block="TỈNH ỦY BẮC GIANG", title="về chuyển đổi số"), filename="nq.txt")
    assert report.created[0]["id"] == placeholder.pk
    filled = Document.objects.get(pk=placeholder.pk)
    assert not filled.is_placeholder and filled.issuer_unit == units["province"] and filled.text
    assert Document.objects.filter(symbol_key="111-nq/tu").count() == 1
    assert Reference.objects.get(symbol="111-NQ/TU").to_document == filled


def test_undated_citation_finds_the_earlier_document(units):
    store(parsed(symbol="109-NQ/TU", issued_on=datetime.date(2016, 3, 1), issuer_block="TỈNH ỦY BẮC GIANG"), filename="a.txt")
    store(parsed(symbol="109-NQ/TU", issued_on=datetime.date(2021, 6, 8), issuer_block="TỈNH ỦY BẮC GIANG"), filename="b.txt")
    text = Text("Tiếp tục thực hiện Nghị quyết số 109-NQ/TU của Tỉnh ủy.")
    citing = parsed(text, symbol="20-KH/HU", issued_on=datetime.date(2018, 1, 5))
    citing.references = [text.reference("Nghị quyết số 109-NQ/TU", "109-NQ/TU", relation="tiep_tuc_thuc_hien")]
    store(citing, filename="c.txt")
    assert Reference.objects.get(from_document__symbol="20-KH/HU").to_document.issued_on == datetime.date(2016, 3, 1)


def test_replacing_document_marks_the_old_one(units):
    store(parsed(symbol="12-KH/HU", issued_on=datetime.date(2019, 3, 5)), filename="old.txt")
    store(district_plan())
    old = Document.objects.get(symbol="12-KH/HU")
    assert old.status == Document.Status.REPLACED and old.replaced_by.symbol == "45-KH/HU"


def test_bodies_resolve_near_the_issuer(units):
    store(district_plan())
    document = Document.objects.get(symbol="45-KH/HU")
    monitor, plan = items_of(document, "assignment")
    assert list(monitor.lead_units.all()) == [units["propaganda_a"]]
    assert list(monitor.partner_units.all()) == [units["office_a"]]
    assert monitor.report_to_unit == units["standing_a"]
    assert set(plan.lead_units.all()) == {units["commune_a"]}  # "các đảng ủy xã": the district's communes
    assert not monitor.unresolved and not plan.unresolved


def test_unresolved_names_are_listed_and_mapped_once_for_all(units, officer_a):
    text = Text("Giao Hội Cựu chiến binh huyện chủ trì tuyên truyền.")
    first = parsed(text, symbol="1-KH/HU")
    first.assignments = [text.assignment("Giao Hội Cựu chiến binh huyện chủ trì tuyên truyền.",
                                         lead=["Hội Cựu chiến binh huyện"], action="tuyên truyền")]
    second = parsed(text, symbol="2-KH/HU")
    second.assignments = list(first.assignments)
    store(first, second)
    items = ExtractedItem.objects.filter(type="assignment")
    assert [item.unresolved for item in items] == [["Hội Cựu chiến binh huyện"]] * 2
    count = map_body("Hội Cựu chiến binh huyện", AccessPolicy(officer_a), unit=units["office_a"])
    assert count == 2
    for item in ExtractedItem.objects.filter(type="assignment"):
        assert not item.unresolved and list(item.lead_units.all()) == [units["office_a"]]
    third = parsed(text, symbol="3-KH/HU")
    third.assignments = list(first.assignments)
    store(third)
    assert list(ExtractedItem.objects.get(document__symbol="3-KH/HU").lead_units.all()) == [units["office_a"]]


def test_a_failure_midway_leaves_nothing_from_that_file(units):
    store(parsed(symbol="1-KH/HU"), filename="good.txt", data=b"good file")
    calls = []

    def interrupted(done, total, label):
        calls.append(done)
        if done == 2:
            raise RuntimeError("mất kết nối")

    documents = [district_plan(), parsed(symbol="2-KH/HU"), parsed(symbol="3-KH/HU")]
    report = store(*documents, filename="bad.txt", data=b"bad file", progress=interrupted)
    assert not report.ok and "Không có dữ liệu nào của tệp này được lưu" in report.message
    assert calls == [1, 2]
    assert list(Document.objects.values_list("symbol", flat=True)) == ["1-KH/HU"]
    assert SourceFile.objects.count() == 1 and not ExtractedItem.objects.exists()
    stored = [path for path in Path(default_storage.location).rglob("*") if path.is_file()]
    assert [path.name for path in stored] == [Path(SourceFile.objects.get().file.name).name]  # bad bytes removed


def test_staff_corrections_and_reviews_survive_reimport(units, officer_a):
    store(district_plan(), user=officer_a)
    document = Document.objects.get(symbol="45-KH/HU")
    document.title, document.edited_fields = "tiêu đề đã sửa tay", ["title"]
    document.save()
    target = items_of(document, "target")[0]
    accept(target, AccessPolicy(officer_a))
    store(district_plan(title="tiêu đề máy đọc"), user=officer_a, data=b"a new version of the file")
    document.refresh_from_db()
    assert document.title == "tiêu đề đã sửa tay"
    targets = items_of(document, "target")
    assert len(targets) == 1 and targets[0].pk == target.pk and targets[0].status == "accepted"


def test_importing_is_audited_with_the_actor(units, officer_a):
    from auditlog.context import set_actor

    with set_actor(officer_a):
        store(district_plan(), user=officer_a)
    document = Document.objects.get(symbol="45-KH/HU")
    entry = LogEntry.objects.get_for_object(document).get(action=LogEntry.Action.CREATE)
    assert entry.actor == officer_a
    assert LogEntry.objects.filter(content_type__model="extracteditem", action=LogEntry.Action.CREATE).count() == 5


def test_secret_citing_document_keeps_its_placeholder_secret(units):
    text = Text("Thực hiện Đề án số 01-ĐA/TU ngày 01/3/2021.")
    secret = parsed(text, symbol="5-KH/HU", secret=True)
    secret.references = [text.reference("Đề án số 01-ĐA/TU ngày 01/3/2021", "01-ĐA/TU", datetime.date(2021, 3, 1))]
    store(secret, filename="mat.txt")
    assert Document.objects.get(symbol="01-ĐA/TU").secret
    open_text = Text("Căn cứ Đề án số 01-ĐA/TU ngày 01/3/2021.")
    public = parsed(open_text, symbol="6-KH/HU")
    public.references = [open_text.reference("Đề án số 01-ĐA/TU ngày 01/3/2021", "01-ĐA/TU", datetime.date(2021, 3, 1))]
    store(public, filename="cong-khai.txt")
    assert not Document.objects.get(symbol="01-ĐA/TU").secret


def test_a_compilation_file_is_listed_once_however_many_of_its_documents_one_reads(units, province_officer):
    store(district_plan(), parsed(symbol="46-KH/HU", title="về chuyển đổi số lần hai"))
    source = SourceFile.objects.get()
    assert source.documents.count() == 2
    policy = AccessPolicy(province_officer)
    assert policy.scope(SourceFile.objects.all()).count() == 1
    assert policy.get_object_or_404(SourceFile, pk=source.pk) == source
