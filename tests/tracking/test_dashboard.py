"""The overview, the matrix, the document and unit pages and the lists:
counts come from the database, follow the day chosen, and stay within
what the user may see."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from nghiquyet.documents.models import Document
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.reviews.models import ReviewMilestone
from nghiquyet.tracking.models import IndicatorValue
from nghiquyet.tracking.services import dashboard
from nghiquyet.tracking.status import Status

pytestmark = pytest.mark.django_db

DAY = datetime.date(2022, 1, 10)


@pytest.fixture
def work(tree, resolution, make_task, make_plan, make_indicator):
    """Plans, tasks and an indicator across both districts."""
    make_plan(tree["district_a"]).__class__.objects.filter(lead_unit=tree["district_a"]).update(
        completed_on=datetime.date(2021, 7, 20))
    make_plan(tree["district_b"])
    make_task(tree["district_a"], title="A quá hạn", due_period="2021-12")
    make_task(tree["commune_a"], title="Xã A xong đúng hạn", due_period="2021-12", completed_on=datetime.date(2021, 12, 1))
    make_task(tree["commune_a"], title="Xã A sắp đến hạn", due_period="2022-01-15")
    make_task(tree["district_b"], title="B quá hạn", due_period="2021-11")
    make_task(tree["district_b"], title="B không có hạn", due_period="")
    indicator = make_indicator(due_period="2025")
    for unit, value in (("district_a", 40), ("district_b", 45)):
        IndicatorValue.objects.create(indicator=indicator, unit=tree[unit], period="2021", value=value)
    ReviewMilestone.objects.create(document=resolution, kind="so_ket", unit=tree["province"], due_period="2022-Q1")
    return resolution


def test_the_overview_counts(work, tree, province_officer, officer_a):
    overview = dashboard.overview(AccessPolicy(province_officer), tree["province"], DAY)
    assert overview.task_counts[Status.OVERDUE] == 2 and overview.task_counts[Status.DUE_SOON] == 1
    assert overview.task_counts[Status.DONE_ON_TIME] == 1 and overview.task_counts[Status.NO_DEADLINE] == 1
    assert overview.plan_counts[Status.DONE_ON_TIME] == 1 and overview.plan_counts[Status.OVERDUE] == 1
    assert [t.title for t in overview.overdue] == ["B quá hạn", "A quá hạn"]
    assert [p.lead_unit for p in overview.missing_plans] == [tree["district_b"]]
    assert len(overview.off_track) == 1 and overview.reviews_due[0].kind == "so_ket"
    mine = dashboard.overview(AccessPolicy(officer_a), tree["district_a"], DAY)
    assert mine.task_total == 3 and mine.plan_total == 1  # district B's work is not counted
    assert mine.reviews_due  # the province's review is above, and shown


@pytest.mark.parametrize("large", [False, True], ids=["sorted-by-unit", "deadline-index"])
def test_overdue_lists_agree_whichever_way_they_are_read(work, tree, province_officer, monkeypatch, large):
    monkeypatch.setattr(dashboard, "LARGE_SUBTREE", 0 if large else 10**9)
    assert dashboard.subtree_is_large(tree["province"]) is large
    policy = AccessPolicy(province_officer)
    overdue = dashboard.longest_overdue(policy, tree["province"], dashboard.Task.objects.work(), DAY)
    assert [t.title for t in overdue] == ["B quá hạn", "A quá hạn"]
    assert [p.lead_unit for p in dashboard.overview(policy, tree["province"], DAY).missing_plans] == [tree["district_b"]]


def test_counting_does_not_load_rows(work, tree, province_officer):
    policy = AccessPolicy(province_officer)
    with CaptureQueriesContext(connection) as queries:
        counts = dashboard.count_by_status(dashboard.tasks_within(policy, tree["province"]).work(), DAY)
    assert sum(counts.values()) == 5
    task_queries = [query["sql"] for query in queries if "tracking_task" in query["sql"]]
    assert len(task_queries) == 1 and "CASE" in task_queries[0] and "GROUP BY" in task_queries[0]


def test_as_of_another_day(work, tree, province_officer):
    before = dashboard.overview(AccessPolicy(province_officer), tree["province"], datetime.date(2021, 6, 1))
    assert before.task_counts[Status.OVERDUE] == 0 and before.task_counts[Status.DONE_ON_TIME] == 0
    assert before.plan_counts[Status.IN_PROGRESS] == 2


def test_the_matrix(work, tree, province_officer):
    policy = AccessPolicy(province_officer)
    documents = list(dashboard.matrix_documents(policy, tree["province"]))
    table = dashboard.matrix(policy, tree["province"], DAY, documents)
    assert [row.code for row in table.rows] == ["BTC", "HU-B", "HU-A", "UBKT"]  # Vietnamese order of names
    cell_a = table.cell(tree["district_a"], work)
    assert cell_a.plan == Status.DONE_ON_TIME and cell_a.total == 3 and cell_a.overdue == 1
    assert cell_a.worst == Status.OVERDUE
    cell_b = table.cell(tree["district_b"], work)
    assert cell_b.plan == Status.OVERDUE and cell_b.total == 2
    assert table.cell(tree["board"], work) is None


def test_the_pages(work, client, tree, province_officer, officer_b):
    client.force_login(province_officer)
    query = {"unit": "TU", "day": "10/01/2022"}
    overview = client.get(reverse("tracking:index"), query)
    assert overview.status_code == 200 and 'data-status="overdue">2<' in overview.text
    partial = client.get(reverse("tracking:index"), query, HTTP_HX_REQUEST="true")
    assert partial.text.lstrip().startswith('<div id="dashboard">')
    matrix = client.get(reverse("tracking:matrix"), query)
    assert matrix.status_code == 200 and 'data-unit="HU-A" data-status="overdue"' in matrix.text
    sheet = load_workbook(io.BytesIO(client.get(reverse("tracking:matrix"), {**query, "xuat": "excel"}).content)).active
    assert [cell.value for cell in sheet[1]][:2] == ["STT", "Đơn vị"]
    document = client.get(reverse("tracking:document", args=[work.pk]))
    assert document.status_code == 200 and "Hạn ban hành kế hoạch của 2 đơn vị" in document.text
    unit = client.get(reverse("tracking:unit", args=["HU-A"]))
    assert unit.status_code == 200 and "A quá hạn" in unit.text and "Xã A" not in unit.text
    home = client.get(reverse("home"))
    assert "Tình hình thực hiện" in home.text and "Nhiệm vụ quá hạn" in home.text
    client.force_login(officer_b)
    assert client.get(reverse("tracking:unit", args=["HU-A"])).status_code == 404
    own = client.get(reverse("tracking:index"))
    assert "A quá hạn" not in own.text and "B quá hạn" in own.text


def test_lists_filter_sort_paginate_and_export(work, client, tree, province_officer, make_task):
    for number in range(30):
        make_task(tree["commune_b"], title=f"Nhiệm vụ số {number:02d}", due_period="2022-03")
    client.force_login(province_officer)
    url = reverse("tracking:tasks")
    page = client.get(url, {"unit": "HU-B", "day": "10/01/2022", "sort": "title"})
    assert page.context["page"].paginator.count == 32 and len(page.context["page"]) == 25
    titles = [task.title for task in page.context["page"]]
    assert titles[0] == "B không có hạn" and titles[1] == "B quá hạn"  # "B" before "N", Vietnamese order
    overdue = client.get(url, {"status": "overdue", "day": "10/01/2022", "sort": "unit"})
    assert [t.title for t in overdue.context["page"]] == ["B quá hạn", "A quá hạn"]  # Lục Nam before Yên Thế
    workbook = load_workbook(io.BytesIO(client.get(url, {"unit": "HU-B", "xuat": "excel"}).content))
    rows = list(workbook.active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 32 and rows[0][0] == 1
    plans = client.get(reverse("tracking:plans"), {"status": "overdue", "day": "10/01/2022"})
    assert [p.lead_unit.code for p in plans.context["page"]] == ["HU-B"]
    indicators = client.get(reverse("tracking:indicators"), {"status": "at_risk", "day": "10/01/2022"})
    assert indicators.status_code == 200
    export = client.get(reverse("tracking:plans"), {"xuat": "excel"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_reporting_calendar(tree, client, make_task, make_indicator, make_plan, province_officer, reporter_a):
    from nghiquyet.organisations.access import AccessPolicy as Policy
    from nghiquyet.tracking.services import progress, reporting

    task = make_task(tree["district_a"], title="Báo cáo năm", due_period="", recurrence="annual")
    update = progress.record_progress(task, 1, Policy(reporter_a), percent=20, report_for=datetime.date(2021, 12, 31))
    update.created_at = datetime.datetime(2021, 12, 20, 9, tzinfo=datetime.UTC)
    update.save()
    indicator = make_indicator(recurrence="annual", due_period="2025")
    make_plan(tree["district_a"]), make_plan(tree["district_b"])
    IndicatorValue.objects.create(indicator=indicator, unit=tree["district_b"], period="2021", value=50,
                                  reported_at=datetime.datetime(2022, 1, 5, 9, tzinfo=datetime.UTC))
    reports = reporting.reports_due(Policy(province_officer), tree["province"], datetime.date(2021, 1, 1),
                                    datetime.date(2022, 12, 31), DAY)
    states = {(r.kind, r.unit.code, r.day.year): r.state for r in reports}
    assert states[("task", "HU-A", 2021)] == reporting.ReportState.RECEIVED
    assert states[("task", "HU-A", 2022)] == reporting.ReportState.DUE
    assert states[("indicator", "HU-B", 2021)] == reporting.ReportState.LATE  # sent 05/01/2022, due 31/12/2021
    assert states[("indicator", "HU-A", 2021)] == reporting.ReportState.MISSING
    client.force_login(province_officer)
    page = client.get(reverse("tracking:reports"), {"year": 2021})
    assert page.status_code == 200 and "Chưa báo cáo, quá hạn" in page.text


def test_the_overdue_list_skips_what_the_user_may_not_read(tree, resolution, make_task, officer_a):
    secret = Document.objects.create(kind="de_an", symbol="01-ĐA/TU", issued_on=datetime.date(2020, 1, 1),
                                     issuer_unit=tree["province"], secret=True, title="Đề án mật", text="")
    for number in range(60):  # overdue longest, but secret: they fill more than one batch of candidates
        make_task(tree["district_a"], document=secret, title=f"Mật {number}", due_period="2020-06")
    visible = [make_task(tree["district_a"], title=f"Công khai {n}", due_period="2021-12") for n in range(3)]
    overview = dashboard.overview(AccessPolicy(officer_a), tree["district_a"], DAY)
    assert overview.overdue == visible and overview.task_counts[Status.OVERDUE] == 3
