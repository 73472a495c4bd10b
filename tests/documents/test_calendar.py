"""The calendar of dated obligations, its Excel export and iCalendar feed."""

import datetime
import io

import pytest
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from nghiquyet.documents.models import CalendarToken, Document
from nghiquyet.documents.services.calendar import obligations
from nghiquyet.documents.services.review import accept_confident
from nghiquyet.organisations.access import AccessPolicy

from .factories import district_plan, items_of, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(units, officer_a):
    store(district_plan(), user=officer_a)
    document = Document.objects.get(symbol="45-KH/HU")
    policy = AccessPolicy(officer_a)
    accept_confident(document, policy, threshold=0)  # every item, the low-confidence plan duty too
    return document


def dates_of(entries, kind):
    return [entry.day for entry in entries if entry.kind == kind]


def test_every_dated_obligation_is_on_the_calendar(plan, officer_a):
    entries = obligations(AccessPolicy(officer_a), datetime.date(2021, 1, 1), datetime.date(2025, 12, 31))
    # "định kỳ báo cáo ... vào tháng 12 hằng năm": each December from the first one
    assert dates_of(entries, "report") == [datetime.date(year, 12, 31) for year in range(2021, 2026)]
    # "xây dựng kế hoạch ..., hoàn thành trong tháng 9/2021": one plan due per commune
    assert dates_of(entries, "plan") == [datetime.date(2021, 9, 30)]
    assert dates_of(entries, "so_ket") == [datetime.date(2023, 6, 30)]
    assert dates_of(entries, "tong_ket") == [datetime.date(2025, 12, 31)]
    assert dates_of(entries, "target") == [datetime.date(2025, 12, 31)]
    assert entries == sorted(entries, key=lambda entry: (entry.day, entry.kind, entry.title))


def test_filter_by_unit(plan, officer_a, units):
    policy = AccessPolicy(officer_a)
    window = datetime.date(2021, 1, 1), datetime.date(2021, 12, 31)
    commune = obligations(policy, *window, unit=units["commune_a"])
    assert {entry.kind for entry in commune} == {"plan"}
    board = obligations(policy, *window, unit=units["propaganda_a"])
    assert {entry.kind for entry in board} == {"report"}


def test_month_page_and_navigation(plan, client, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("documents:calendar"), {"month": "2021-09"})
    assert response.status_code == 200
    assert [entry.kind for entry in response.context["entries"]] == ["plan"]
    assert "30/09/2021" in response.text and "month=2021-08" in response.text and "month=2021-10" in response.text
    year = client.get(reverse("documents:calendar"), {"month": "2023-01", "year": "on"})
    assert {entry.kind for entry in year.context["entries"]} == {"report", "so_ket"}
    bad = client.get(reverse("documents:calendar"), {"month": "tháng chín", "unit": "không-có"})
    assert bad.status_code == 200 and bad.context["form"].errors


def test_excel_export_reads_back(plan, client, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("documents:calendar_export"), {"month": "2021-12"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Ngày đến hạn", "Loại", "Nội dung", "Đơn vị", "Văn bản")
    assert [(row[0].date(), row[1]) for row in rows[1:]] == [(datetime.date(2021, 12, 31), "Báo cáo định kỳ")]
    assert "45-KH/HU" in rows[1][4]


def test_ical_feed_reads_back_and_renewing_cuts_off_the_old_address(plan, client, officer_a):
    client.force_login(officer_a)
    page = client.get(reverse("documents:calendar"))
    assert page.context["feed_url"] is None
    client.post(reverse("documents:calendar_link"))
    old_token = CalendarToken.objects.get(user=officer_a).token
    feed_url = client.get(reverse("documents:calendar")).context["feed_url"]
    assert feed_url.endswith(f"/{old_token}.ics")
    client.logout()
    response = client.get(reverse("documents:calendar_feed", args=[old_token]))
    assert response["Content-Type"].startswith("text/calendar")
    feed = Calendar.from_ical(response.content)
    events = list(feed.walk("VEVENT"))
    assert events and all(event.get("dtstart").dt <= event.get("dtend").dt for event in events)
    summaries = [str(event.get("summary")) for event in events]
    assert any(summary.startswith("[Báo cáo định kỳ]") for summary in summaries)
    uids = [str(event.get("uid")) for event in events]
    assert len(uids) == len(set(uids))
    client.force_login(officer_a)
    client.post(reverse("documents:calendar_link"))
    client.logout()
    assert client.get(reverse("documents:calendar_feed", args=[old_token]))["Location"].startswith(reverse("login"))


def test_inactive_users_lose_their_feed(plan, client, officer_a):
    token = CalendarToken.for_user(officer_a).token
    officer_a.is_active = False
    officer_a.save()
    assert client.get(reverse("documents:calendar_feed", args=[token])).status_code == 302


def test_completed_one_off_tasks_leave_the_calendar(plan, officer_a):
    task = items_of(plan, "assignment")[1].tasks.get()
    task.completed_on = datetime.date(2021, 9, 1)
    task.save()
    entries = obligations(AccessPolicy(officer_a), datetime.date(2021, 9, 1), datetime.date(2021, 9, 30))
    assert not dates_of(entries, "plan")


def test_a_duty_of_several_units_is_one_line(units, officer_a, kinds):
    from nghiquyet.organisations.models import Unit

    Unit.objects.create(code="X-A2", name="Đảng ủy xã Tam Tiến", kind=kinds["dang_uy_co_so"], parent=units["district_a"])
    store(district_plan(), user=officer_a)
    accept_confident(Document.objects.get(symbol="45-KH/HU"), AccessPolicy(officer_a), threshold=0)
    [plan_due] = [entry for entry in obligations(AccessPolicy(officer_a), datetime.date(2021, 9, 1), datetime.date(2021, 9, 30))
                  if entry.kind == "plan"]
    assert plan_due.unit_names == "Đảng ủy xã Đồng Tâm, Đảng ủy xã Tam Tiến"
