import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nghiquyet.tracking.models import ProgressUpdate, Task

pytestmark = pytest.mark.django_db


def test_results_page_with_filters_snippets_and_paging(library, officer_a, client):
    client.force_login(officer_a)
    response = client.get(reverse("search:index"), {"q": "chuyen doi so"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "109-NQ/TU" in html and "<mark>" in html
    assert "Lục Nam" not in html  # the other district's directive
    assert "25-TB/HU" not in html and "tuyệt mật" not in html  # the secret notice
    assert "Loại văn bản" in html and "kind=nghi_quyet" in html


def test_results_export_to_excel_in_order_and_scoped(library, officer_a, client):
    import io

    from openpyxl import load_workbook

    client.force_login(officer_a)
    page = client.get(reverse("search:index"), {"q": "chuyen doi so"}).content.decode()
    assert "xuat=excel" in page
    response = client.get(reverse("search:index"), {"q": "chuyen doi so", "xuat": "excel"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    cells = " ".join(str(cell) for row in rows for cell in row if cell)
    assert rows[0][0] == "STT" and [row[0] for row in rows[1:]] == list(range(1, len(rows)))
    assert "109-NQ/TU" in cells and "<mark>" not in cells and "&quot;" not in cells
    assert "Lục Nam" not in cells and "25-TB/HU" not in cells and "tuyệt mật" not in cells


def test_htmx_gets_only_the_results(library, officer_a, client):
    client.force_login(officer_a)
    response = client.get(reverse("search:index"), {"q": "dân vận", "kind": "ke_hoach"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and html.startswith('<div id="search-results"') and "45-KH/HU" in html
    assert "<h1>" not in html


def test_empty_and_hostile_queries_answer_in_vietnamese(library, officer_a, client):
    client.force_login(officer_a)
    assert "Hãy nhập từ khóa" in client.get(reverse("search:index"), {"q": '"*()"'}).content.decode()
    html = client.get(reverse("search:index"), {"q": "<script>alert(1)</script> zzzqqq", "page": "x"}).content.decode()
    assert "Không tìm thấy" in html and "<script>alert(1)" not in html


def test_anonymous_users_are_sent_to_log_in(client, db):
    response = client.get(reverse("search:index"), {"q": "x"})
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_results_say_whose_task_plan_or_report_they_are(library, tree, superuser, client):
    """Plans of every district share their title: each result names its unit (and a report its date)."""
    title = "Xây dựng kế hoạch thực hiện Nghị quyết số 109-NQ/TU về hạ tầng số"
    for unit in ("district_a", "district_b"):
        plan = Task.objects.create(document=library["digital"], title=title, kind=Task.Kind.PLAN,
                                   lead_unit=tree[unit], due_period="2021-09")
    sent = timezone.make_aware(datetime.datetime(2022, 3, 7, 9, 30))
    ProgressUpdate.objects.create(task=plan, percent=40, narrative="Đã dự thảo kế hoạch hạ tầng số", created_at=sent)
    client.force_login(superuser)

    found = client.get(reverse("api:search"), {"q": "hạ tầng số"}).json()["results"]
    owners = {(r["source"], r["unit"], r["reported_on"]) for r in found}
    assert owners == {("plan", str(tree["district_a"]), None), ("plan", str(tree["district_b"]), None),
                      ("progress", str(tree["district_b"]), "2022-03-07")}
    documents = client.get(reverse("api:search"), {"q": "109-NQ/TU"}).json()["results"]
    assert documents[0]["source"] == "document" and documents[0]["unit"] == ""

    page = client.get(reverse("search:index"), {"q": "hạ tầng số"}).content.decode()
    assert f"Chủ trì: <strong>{tree['district_a']}</strong>" in page
    assert f"Đơn vị báo cáo: <strong>{tree['district_b']}</strong> · báo cáo ngày 07/03/2022" in page
