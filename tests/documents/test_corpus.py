"""The team's sample corpus, read by the real reader and stored; the demo loader."""

import datetime
import io

import pytest
from django.core.management import call_command

from nghiquyet.documents.demo import corpus_files, load
from nghiquyet.documents.models import Document, Reference
from nghiquyet.documents.services.importing import import_file
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Role

pytestmark = pytest.mark.django_db


def corpus(name_part: str) -> tuple[str, bytes]:
    return next((name, data) for name, data in corpus_files() if name_part in name)


def test_corpus_files_import_with_their_metadata(units):
    results = {name: import_file(data, name) for name, data in corpus_files()}
    assert all(report.ok for report in results.values()), {n: r.message for n, r in results.items()}
    plan = Document.objects.get(symbol="45-KH/HU")
    assert (plan.kind, plan.issued_on, plan.issuer_unit) == ("ke_hoach", datetime.date(2021, 7, 20), units["district_a"])
    assert plan.signer == "Nguyễn Văn Minh" and plan.dissemination == "chi bộ"
    commune_plan = Document.objects.get(symbol="18-KH/ĐU")
    assert commune_plan.issuer_unit == units["commune_a"]  # from "ĐẢNG BỘ HUYỆN YÊN THẾ / ĐẢNG ỦY XÃ ĐỒNG TÂM"
    directive = Document.objects.get(symbol="09-CT/HU")
    assert directive.source_file.filename.endswith(".docx") and directive.kind == "chi_thi"
    assert "Ban cán sự đảng Ủy ban nhân dân huyện" in directive.text  # the Word table was read
    assert Document.objects.get(symbol="25-TB/HU").secret
    old_plan = Document.objects.get(symbol="12-KH/HU")
    assert old_plan.is_placeholder and old_plan.status == "replaced" and old_plan.replaced_by == plan


def test_a_cited_plan_is_filled_when_imported_later(units):
    name, data = corpus("18-dang-uy")
    import_file(data, name)
    placeholder = Document.objects.get(symbol="45-KH/HU")
    assert placeholder.is_placeholder and placeholder.issued_on == datetime.date(2021, 7, 20)
    name, data = corpus("45-huyen-uy")
    report = import_file(data, name)
    assert report.created[0]["id"] == placeholder.pk
    assert Document.objects.filter(symbol="45-KH/HU").count() == 1
    citations = Reference.objects.filter(from_document__symbol="18-KH/ĐU", symbol="45-KH/HU").select_related("to_document")
    assert citations and all(c.to_document_id == placeholder.pk and not c.to_document.is_placeholder for c in citations)


def test_the_secret_notice_needs_clearance(units, make_user, officer_a):
    name, data = corpus("25-ket-luan-mat")
    import_file(data, name)
    cleared = make_user("cleared", units["district_a"], Role.LEADER, secret_clearance=True)
    notice = Document.objects.get(symbol="25-TB/HU")
    assert AccessPolicy(cleared).can_view(notice)
    assert not AccessPolicy(officer_a).can_view(notice)


def test_demo_loader_is_idempotent(units, province_officer, tmp_path):
    output = io.StringIO()

    class Command:
        stdout = output

    load(Command(), {"seeds": str(tmp_path)})
    counts = Document.objects.count(), Reference.objects.count()
    load(Command(), {"seeds": str(tmp_path)})
    assert (Document.objects.count(), Reference.objects.count()) == counts
    assert Document.objects.real().count() == 4
    assert "4 tệp" in output.getvalue()


def test_loaddemo_command_runs_the_loader(units, province_officer, tmp_path):
    output = io.StringIO()
    call_command("loaddemo", seeds=str(tmp_path), stdout=output)
    # Imported ones: the tracking demo then files plans of its own (documents without a source file).
    assert "Văn bản mẫu" in output.getvalue() and Document.objects.real().exclude(source_file=None).count() == 4
