"""Văn bản cần rà soát: old documents in force with no review on record."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from nghiquyet.documents.models import Document, DocumentLink, Reference
from nghiquyet.documents.services.outdated import outdated, years_before
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Role
from nghiquyet.reviews.models import ReviewMilestone

pytestmark = pytest.mark.django_db

URL = reverse("documents:outdated")


def make(symbol, unit, years_ago, kind="nghi_quyet", title="về chuyển đổi số", **extra):
    issued = years_before(timezone.localdate(), years_ago) - datetime.timedelta(days=10)
    return Document.objects.create(symbol=symbol, issuer_unit=unit, kind=kind, issued_on=issued, title=title, **extra)


def milestone(document, unit, **extra):
    return ReviewMilestone.objects.create(document=document, unit=unit, kind=ReviewMilestone.Kind.SO_KET,
                                          due_period="2019-Q2", **extra)


def symbols(policy, years=5):
    return set(outdated(policy, years).values_list("symbol", flat=True))


def test_the_rule(units, province_officer):
    province = units["province"]
    make("01-NQ/TU", province, 8)  # old, in force, never reviewed
    make("02-NQ/TU", province, 8, status=Document.Status.AMENDED)  # amended is still in force
    milestone(make("03-NQ/TU", province, 8), province, status=ReviewMilestone.Status.DONE)
    milestone(make("04-NQ/TU", province, 8), province, completed_on=datetime.date(2020, 5, 1))
    milestone(make("05-NQ/TU", province, 8), province)  # due long ago, not held: still needs review
    cited = make("06-NQ/TU", province, 8)
    report = make("90-BC/TU", province, 1, kind="bao_cao", title="sơ kết 5 năm thực hiện Nghị quyết 06-NQ/TU")
    Reference.objects.create(from_document=report, to_document=cited, symbol="06-NQ/TU", relation="trich_dan")
    linked = make("07-NQ/TU", province, 8)
    report_2 = make("91-BC/TU", province, 1, kind="bao_cao", title="Tổng kết thực hiện")
    DocumentLink.objects.create(from_document=report_2, to_document=linked, relation="trich_dan")
    other_report = make("92-BC/TU", province, 1, kind="bao_cao", title="tình hình quý I")
    other = make("08-NQ/TU", province, 8)
    Reference.objects.create(from_document=other_report, to_document=other, symbol="08-NQ/TU")
    make("09-NQ/TU", province, 8, status=Document.Status.REPLACED, replaced_by=cited)
    make("10-NQ/TU", province, 8, status=Document.Status.EXPIRED)
    make("11-NQ/TU", province, 2)  # recent
    make("12-NQ/TU", None, 8, is_placeholder=True)  # only cited
    policy = AccessPolicy(province_officer)
    assert symbols(policy) == {"01-NQ/TU", "02-NQ/TU", "05-NQ/TU", "08-NQ/TU"}
    assert "11-NQ/TU" in symbols(policy, 1)
    assert "01-NQ/TU" not in symbols(policy, 9)


def test_scoped_secret_and_other_branches_hidden(units, make_user, officer_a):
    make("01-NQ/TU", units["province"], 8)
    make("02-NQ/TU", units["province"], 8, secret=True)
    make("03-NQ/HU", units["district_a"], 8)
    make("04-NQ/HU", units["district_b"], 8)
    assert symbols(AccessPolicy(officer_a)) == {"01-NQ/TU", "03-NQ/HU"}
    cleared = make_user("cleared_a", units["district_a"], Role.LEADER, secret_clearance=True)
    assert symbols(AccessPolicy(cleared)) == {"01-NQ/TU", "02-NQ/TU", "03-NQ/HU"}


def test_a_review_the_user_cannot_see_does_not_count(units, officer_a):
    # A secret report of the province cites the resolution: the district cannot
    # see it, so for them the resolution still has no review on record.
    resolution = make("01-NQ/TU", units["province"], 8)
    report = make("90-BC/TU", units["province"], 1, kind="bao_cao", title="Tổng kết", secret=True)
    Reference.objects.create(from_document=report, to_document=resolution, symbol="01-NQ/TU")
    assert symbols(AccessPolicy(officer_a)) == {"01-NQ/TU"}


def test_page_years_filters_sorting_and_pagination(units, province_officer, client):
    province = units["province"]
    for index, title in enumerate(["về Đảng bộ", "về dân vận", "về an ninh", "về ưu tiên", "về ban hành"]):
        make(f"{index + 1}-NQ/TU", province, 6 + index, title=title)
    make("20-KH/TU", province, 3, kind="ke_hoach", title="về kế hoạch mới")
    client.force_login(province_officer)
    page = client.get(URL).content.decode()
    assert "5 văn bản" in page and "20-KH/TU" not in page
    assert "20-KH/TU" in client.get(URL, {"years": 2}).content.decode()
    response = client.get(URL, {"years": "abc"})
    assert response.status_code == 200 and "Số năm phải là số nguyên." in response.content.decode()
    assert "5 văn bản" in client.get(URL, {"years": 0}).content.decode()  # the default, with the error shown
    # Vietnamese order: a, b, d, đ, ư.
    page = client.get(URL, {"sort": "title"}).content.decode()
    positions = [page.index(title) for title in ["về an ninh", "về ban hành", "về dân vận", "về Đảng bộ", "về ưu tiên"]]
    assert positions == sorted(positions)
    # Oldest first by default.
    page = client.get(URL).content.decode()
    assert page.index("5-NQ/TU") < page.index("1-NQ/TU")
    assert "20-KH/TU" in client.get(URL, {"years": 2, "kind": "ke_hoach"}).content.decode()
    filtered = client.get(URL, {"years": 2, "kind": "ke_hoach"}).content.decode()
    assert "1-NQ/TU" not in filtered
    assert "về dân vận" in client.get(URL, {"q": "dan van"}).content.decode()
    for index in range(30):
        make(f"{100 + index}-KH/TU", province, 7, kind="ke_hoach")
    first, second = client.get(URL), client.get(URL, {"page": 2})
    assert "Trang 1/2" in first.content.decode() and second.content.decode().count("-KH/TU</a>") + \
        second.content.decode().count("-NQ/TU</a>") == 10


def test_excel_export(units, province_officer, officer_b, client):
    make("01-NQ/TU", units["province"], 8, title="về chuyển đổi số")
    make("02-NQ/HU", units["district_a"], 8)
    client.force_login(province_officer)
    response = client.get(reverse("documents:outdated_export"), {"years": 5})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("STT", "Số, ký hiệu", "Ngày ban hành", "Số năm")
    assert {row[1] for row in rows[1:]} == {"01-NQ/TU", "02-NQ/HU"}
    assert all(row[3] == 8 for row in rows[1:])
    client.force_login(officer_b)
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(reverse("documents:outdated_export")).content)).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["01-NQ/TU"]


def test_linked_from_the_documents_area(units, province_officer, client):
    client.force_login(province_officer)
    assert URL in client.get(reverse("documents:index")).content.decode()
