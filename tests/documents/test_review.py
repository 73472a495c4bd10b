"""Reviewing extracted items through the pages: every action changes what
tracking sees, and is audited."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from nghiquyet.documents.models import Document, ExtractedItem
from nghiquyet.documents.services.bodies import BodyResolver
from nghiquyet.documents.services.importing import resolve_item_bodies
from nghiquyet.organisations.models import Unit
from nghiquyet.reviews.models import ReviewMilestone
from nghiquyet.tracking.models import Indicator, Task

from .factories import district_plan, items_of, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(units, officer_a):
    store(district_plan(), user=officer_a)
    return Document.objects.get(symbol="45-KH/HU")


@pytest.fixture
def officer_client(client, officer_a):
    client.force_login(officer_a)
    return client


def audited(item, user) -> bool:
    return LogEntry.objects.get_for_object(item).filter(actor=user, action=LogEntry.Action.UPDATE).exists()


def test_accepting_a_target_makes_an_indicator(plan, officer_client, officer_a):
    target = items_of(plan, "target")[0]
    response = officer_client.post(reverse("documents:item_accept", args=[target.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Đã chấp nhận" in response.text
    indicator = Indicator.objects.get(source_item=target)
    assert indicator.target_value == Decimal(90) and indicator.due_date == datetime.date(2025, 12, 31)
    assert indicator.owner_unit == plan.issuer_unit
    target.refresh_from_db()
    assert target.status == "accepted" and target.reviewed_by == officer_a
    assert audited(target, officer_a)


def test_accepting_an_assignment_makes_tasks_and_opens_the_document_to_them(plan, officer_client, units):
    monitor = items_of(plan, "assignment")[0]
    officer_client.post(reverse("documents:item_accept", args=[monitor.pk]))
    task = Task.objects.get(source_item=monitor)
    assert task.lead_unit == units["propaganda_a"] and list(task.partner_units.all()) == [units["office_a"]]
    assert (task.due_period, task.recurrence, task.kind) == ("2021-12", "annual", "monitor")
    assert task.report_to_unit == units["standing_a"]
    assert set(plan.recipient_units.all()) >= {units["propaganda_a"], units["office_a"]}


def test_a_group_lead_gives_each_member_a_task(plan, officer_client, units, kinds):
    second = Unit.objects.create(code="X-A2", name="Đảng ủy xã Tam Tiến", kind=kinds["dang_uy_co_so"], parent=units["district_a"])
    plan_item = items_of(plan, "assignment")[1]
    resolve_item_bodies(plan_item, BodyResolver(near=units["district_a"]))
    officer_client.post(reverse("documents:item_accept", args=[plan_item.pk]))
    assert set(Task.objects.filter(source_item=plan_item).values_list("lead_unit", flat=True)) == {units["commune_a"].pk, second.pk}


def test_accepting_reviews_makes_milestones(plan, officer_client):
    for item in items_of(plan, "review"):
        officer_client.post(reverse("documents:item_accept", args=[item.pk]))
    milestones = ReviewMilestone.objects.filter(document=plan).order_by("due_date")
    assert [(m.kind, m.due_date) for m in milestones] == [
        ("so_ket", datetime.date(2023, 6, 30)), ("tong_ket", datetime.date(2025, 12, 31))]


def test_rejecting_removes_what_the_item_became(plan, officer_client, officer_a):
    target = items_of(plan, "target")[0]
    officer_client.post(reverse("documents:item_accept", args=[target.pk]))
    officer_client.post(reverse("documents:item_reject", args=[target.pk]))
    target.refresh_from_db()
    assert target.status == "rejected" and not Indicator.objects.exists()
    assert LogEntry.objects.filter(content_type__model="indicator", action=LogEntry.Action.DELETE, actor=officer_a).exists()


def test_editing_an_item_with_units_from_the_tree(plan, officer_client, units):
    item = items_of(plan, "assignment")[0]
    url = reverse("documents:item_edit", args=[item.pk])
    form = officer_client.get(url, HTTP_HX_REQUEST="true")
    assert form.status_code == 200 and 'name="lead_units"' in form.text
    response = officer_client.post(url, {
        "action": "Theo dõi, đôn đốc, kiểm tra việc thực hiện", "kind": "monitor",
        "lead_units": [units["office_a"].pk], "partner_units": [units["propaganda_a"].pk],
        "due": "quý III/2021", "recurrence": "", "report_to": "",
    })
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "edited" and item.fields["due"] == "2021-Q3"
    task = Task.objects.get(source_item=item)
    assert task.lead_unit == units["office_a"] and task.due_date == datetime.date(2021, 9, 30)


@pytest.mark.parametrize("data, field, message", [
    ({"indicator": "", "value": "90", "comparator": "eq"}, "indicator", "bắt buộc"),
    ({"indicator": "Tỷ lệ", "value": "chín mươi", "comparator": "eq"}, "value", "Hãy nhập một số"),
    ({"indicator": "Tỷ lệ", "value": "90", "comparator": "eq", "deadline": "cuối nhiệm kỳ"}, "deadline", "Thời hạn không hợp lệ"),
    ({"indicator": "Tỷ lệ", "value": "90", "value_max": "80", "comparator": "eq"}, "value_max", "lớn hơn hoặc bằng"),
    ({"indicator": "Tỷ lệ", "value": "90", "comparator": "nhiều hơn"}, "comparator", "Hãy chọn"),
])
def test_malformed_item_forms_say_why_in_vietnamese(plan, officer_client, data, field, message):
    target = items_of(plan, "target")[0]
    response = officer_client.post(reverse("documents:item_edit", args=[target.pk]), data)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    target.refresh_from_db()
    assert target.status == "proposed" and not Indicator.objects.exists()


def test_an_unresolved_lead_cannot_be_accepted_as_is(plan, officer_client):
    item = items_of(plan, "assignment")[0]
    item.lead_units.clear()
    response = officer_client.post(reverse("documents:item_accept", args=[item.pk]), HTTP_HX_REQUEST="true")
    assert "Chưa xác định được đơn vị chủ trì" in response.text
    item.refresh_from_db()
    assert item.status == "proposed" and not Task.objects.exists()


def test_adding_a_missed_item(plan, officer_client):
    response = officer_client.post(reverse("documents:item_add", args=[plan.pk]), {
        "type": "target", "indicator": "Tỷ lệ đảng viên sử dụng Sổ tay đảng viên điện tử", "comparator": "gte",
        "value": "95", "unit": "%", "deadline": "2025", "quote": "",
    })
    assert response.status_code == 302
    item = ExtractedItem.objects.get(status="added")
    assert item.fields["value"] == 95 and item.fields["comparator"] == "gte"
    assert Indicator.objects.get(source_item=item).comparator == "gte"


def test_bulk_accept_takes_confident_items_only(plan, officer_client):
    response = officer_client.post(reverse("documents:accept_confident", args=[plan.pk]), follow=True)
    assert response.status_code == 200
    statuses = dict(plan.items.values_list("confidence", "status"))
    assert statuses[0.7] == "proposed"
    assert all(status == "accepted" for confidence, status in statuses.items() if confidence >= 0.9)


def test_other_districts_cannot_review(plan, client, officer_b, cell_reporter):
    target = items_of(plan, "target")[0]
    client.force_login(officer_b)  # a sibling district: cannot even see it
    assert client.post(reverse("documents:item_accept", args=[target.pk])).status_code == 404
    client.force_login(cell_reporter)  # below, sees the document, may not change it
    assert client.get(reverse("documents:review", args=[plan.pk])).status_code == 200
    assert client.post(reverse("documents:item_accept", args=[target.pk])).status_code == 403
    target.refresh_from_db()
    assert target.status == "proposed"
