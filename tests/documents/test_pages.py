"""The register's pages through the real HTTP stack."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from openpyxl import load_workbook

from nghiquyet.documents.models import Document
from nghiquyet.documents.services.review import accept_confident
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.text.normalize import sort_key

from .factories import Text, district_plan, parsed, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(units, officer_a):
    store(district_plan(), user=officer_a)
    titles = ["về công tác dân vận", "về đảng viên trẻ", "về an ninh trật tự", "về ăn uống an toàn", "về bầu cử"]
    for number, title in enumerate(titles, start=50):
        kind = "chi_thi" if number % 2 else "nghi_quyet"
        store(parsed(symbol=f"{number}-NQ/HU", title=title, kind=kind, issued_on=datetime.date(2020 + number % 3, 5, 1)),
              filename=f"{number}.txt")
    return Document.objects.get(symbol="45-KH/HU")


@pytest.fixture
def officer_client(client, officer_a):
    client.force_login(officer_a)
    return client


def listed(response) -> list[str]:
    return [document.symbol for document in response.context["page"]]


def test_register_filters(register, officer_client):
    url = reverse("documents:index")
    assert len(listed(officer_client.get(url))) == 6
    assert set(listed(officer_client.get(url, {"kind": "chi_thi"}))) == {"51-NQ/HU", "53-NQ/HU"}
    years = {document.issued_on.year for document in officer_client.get(url, {"year": "2022"}).context["page"]}
    assert years == {2022}
    assert listed(officer_client.get(url, {"q": "dan van"})) == ["50-NQ/HU"]  # without diacritics
    assert listed(officer_client.get(url, {"q": "45-kh"})) == ["45-KH/HU"]
    assert listed(officer_client.get(url, {"status": "replaced"})) == []
    assert len(listed(officer_client.get(url, {"issuer": str(register.issuer_unit_id)}))) == 6


def test_register_filter_by_unit(register, officer_client, officer_a, units):
    url = reverse("documents:index")
    assert len(listed(officer_client.get(url, {"unit": units["district_a"].code}))) == 6
    assert listed(officer_client.get(url, {"unit": units["commune_a"].code})) == []
    accept_confident(register, AccessPolicy(officer_a), threshold=0)  # the communes get a plan to write
    assert listed(officer_client.get(url, {"unit": units["commune_a"].code})) == ["45-KH/HU"]
    assert officer_client.get(url, {"unit": units["district_b"].code}).context["form"].errors  # not theirs


def test_register_sorts_titles_in_vietnamese_order(register, officer_client):
    response = officer_client.get(reverse("documents:index"), {"sort": "title"})
    titles = [document.title for document in response.context["page"]]
    assert titles == sorted(titles, key=sort_key)
    assert titles.index("về an ninh trật tự") < titles.index("về ăn uống an toàn") < titles.index("về bầu cử")
    assert titles.index("về công tác dân vận") < titles.index("về đảng viên trẻ")


def test_register_paginates(units, officer_client):
    for number in range(30):
        store(parsed(symbol=f"{number}-CV/HU", kind="cong_van"), filename=f"cv{number}.txt")
    first = officer_client.get(reverse("documents:index"))
    second = officer_client.get(reverse("documents:index"), {"page": 2})
    assert len(listed(first)) == 25 and len(listed(second)) == 5
    assert not set(listed(first)) & set(listed(second))
    assert "Trang 1/2" in first.text


def test_malformed_filters_do_not_break_the_register(register, officer_client):
    response = officer_client.get(reverse("documents:index"), {"year": "năm ngoái", "kind": "<script>", "page": "x"})
    assert response.status_code == 200 and "<script>" not in response.text
    assert response.context["form"].errors


def test_export_to_excel_reads_back(register, officer_client):
    response = officer_client.get(reverse("documents:export"), {"kind": "ke_hoach"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("STT", "Số, ký hiệu", "Ngày ban hành")
    assert rows[1][1] == "45-KH/HU" and rows[1][2].date() == datetime.date(2021, 7, 20)
    assert sheet.cell(row=2, column=3).number_format == "DD/MM/YYYY"
    assert len(rows) == 2


def test_document_page_shows_lines_highlights_and_links(register, officer_client):
    response = officer_client.get(reverse("documents:detail", args=[register.pk]))
    assert response.status_code == 200
    text = response.text
    assert 'id="L12"' in text and ">12</a>" in text  # original line numbers
    target = register.items.get(type="target")
    assert f'id="mark-{target.pk}"' in text and f'href="#mark-{target.pk}"' in text
    assert "Chưa có trong hệ thống" in text or "chưa có trong hệ thống" in text  # the cited placeholder
    cited = Document.objects.get(symbol="111-NQ/TU")
    assert cited.get_absolute_url() in text
    placeholder_page = officer_client.get(cited.get_absolute_url())
    assert register.get_absolute_url() in placeholder_page.text  # "cited by"
    assert "20/07/2021" in text  # dd/mm/yyyy


def test_correcting_metadata_is_audited_and_kept(register, officer_client, officer_a, units):
    url = reverse("documents:edit", args=[register.pk])
    form = officer_client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"title": "về chuyển đổi số (đã sửa)", "issued_on": "21/07/2021",
                 "recipient_units": [units["commune_a"].pk], "issuer_unit": units["district_a"].pk})
    response = officer_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    register.refresh_from_db()
    assert register.title == "về chuyển đổi số (đã sửa)" and register.issued_on == datetime.date(2021, 7, 21)
    assert {"title", "issued_on"} <= set(register.edited_fields)
    entries = LogEntry.objects.get_for_object(register).filter(actor=officer_a, action=LogEntry.Action.UPDATE)
    changes = {field for entry in entries for field in entry.changes_dict}
    assert {"title", "issued_on", "recipient_units"} <= changes


@pytest.mark.parametrize("changes, field, message", [
    ({"issued_on": "31/02/2021"}, "issued_on", "Ngày không hợp lệ"),
    ({"kind": "bao_cao_mat"}, "kind", "Hãy chọn"),
    ({"status": "replaced", "replaced_by": ""}, "replaced_by", "Hãy chọn văn bản thay thế"),
    ({"symbol": "x" * 101}, "symbol", "101"),
])
def test_malformed_metadata_is_refused_in_vietnamese(register, officer_client, changes, field, message):
    url = reverse("documents:edit", args=[register.pk])
    form = officer_client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(changes)
    response = officer_client.post(url, data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    register.refresh_from_db()
    assert register.issued_on == datetime.date(2021, 7, 20) and register.kind == "ke_hoach"


def test_two_documents_cannot_be_corrected_into_one(register, officer_client):
    other = Document.objects.get(symbol="50-NQ/HU")
    url = reverse("documents:edit", args=[other.pk])
    form = officer_client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"symbol": "45-KH/HU", "issued_on": "20/07/2021"})
    response = officer_client.post(url, data)
    assert response.status_code == 200 and "Sổ văn bản đã có văn bản" in response.text


def test_review_page_lists_every_item_with_confidence(register, officer_client):
    response = officer_client.get(reverse("documents:review", args=[register.pk]))
    assert response.status_code == 200
    for item in register.items.all():
        assert f'id="item-{item.pk}"' in response.text
    assert "95%" in response.text  # confidence
    assert "Chấp nhận 4 mục" in response.text  # confident ones, for bulk accept


def test_unresolved_names_are_offered_for_mapping(units, officer_client, officer_a):
    text = Text("Giao Hội Nông dân huyện chủ trì vận động.")
    document = parsed(text, symbol="60-KH/HU")
    document.assignments = [text.assignment("Giao Hội Nông dân huyện chủ trì vận động.", lead=["Hội Nông dân huyện"],
                                            action="vận động")]
    store(document, user=officer_a)
    stored = Document.objects.get(symbol="60-KH/HU")
    page = officer_client.get(stored.get_absolute_url())
    assert "Hội Nông dân huyện" in page.context["unresolved"]
    response = officer_client.post(reverse("documents:map_body", args=[stored.pk]),
                                   {"name": "Hội Nông dân huyện", "unit": units["office_a"].pk})
    assert response.status_code == 302
    assert list(stored.items.get().lead_units.all()) == [units["office_a"]]
    bad = officer_client.post(reverse("documents:map_body", args=[stored.pk]),
                              {"name": "Hội Nông dân huyện", "unit": units["office_a"].pk, "not_a_body": "on"}, follow=True)
    assert "Hãy chọn đúng một" in bad.text
