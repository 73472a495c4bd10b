"""Cascading a document to units and filing their plans, through the real
import pipeline and the real pages."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse

from nghiquyet.documents.models import Document, ExtractedItem, Reference
from nghiquyet.documents.services.review import accept
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import UnitGroup
from nghiquyet.tracking.models import PlanObligation, ProgressUpdate
from nghiquyet.tracking.services import cascade, plans
from nghiquyet.tracking.status import Status

pytestmark = pytest.mark.django_db

PLAN_FILE = Path(__file__).parent / "data" / "ke-hoach-yen-the.txt"


def plan_item(document, units, due="2021-07"):
    """An accepted "plan" assignment, as the extractor and staff review leave it."""
    item = ExtractedItem.objects.create(
        document=document, type=ExtractedItem.Type.ASSIGNMENT, status=ExtractedItem.Status.PROPOSED,
        fields={"lead": ["các huyện ủy, thành ủy"], "partners": [], "action": "xây dựng kế hoạch thực hiện",
                "due": due, "recurrence": None, "report_to": None, "kind": "plan"},
        quote="Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện, hoàn thành trong tháng 7/2021.",
    )
    item.lead_units.set(units)
    return item


def test_accepting_a_plan_assignment_makes_each_lead_unit_owe_a_plan(tree, resolution, province_officer):
    item = plan_item(resolution, [tree["district_a"], tree["district_b"]])
    accept(item, AccessPolicy(province_officer))
    obligations = PlanObligation.objects.filter(document=resolution).order_by("lead_unit__code")
    assert [o.lead_unit for o in obligations] == [tree["district_a"], tree["district_b"]]
    assert {o.due_date for o in obligations} == {datetime.date(2021, 7, 31)}
    assert cascade.default_due_period(resolution) == "2021-07"


def test_assigning_by_group_and_by_hand_never_duplicates(tree, resolution, province_officer, kinds):
    group = UnitGroup.objects.create(code="cac-huyen-uy", name="Các huyện ủy", anchor=tree["province"])
    group.kinds.add(kinds["huyen_uy"])
    policy = AccessPolicy(province_officer)
    members = cascade.group_members([group], datetime.date(2021, 7, 1))
    cascade.assign(resolution, members, "2021-07", policy)
    cascade.assign(resolution, [tree["district_a"], tree["board"]], "2021-08", policy)
    due = dict(PlanObligation.objects.values_list("lead_unit__code", "due_period"))
    assert due == {"HU-A": "2021-08", "HU-B": "2021-07", "BTC": "2021-08"}
    assert set(resolution.recipient_units.values_list("code", flat=True)) == {"HU-A", "HU-B", "BTC"}


def test_a_district_cannot_assign_outside_its_branch(tree, resolution, officer_a):
    with pytest.raises(cascade.CascadeError):
        cascade.assign(resolution, [tree["commune_a"], tree["district_b"]], "2021-07", AccessPolicy(officer_a))
    assert not PlanObligation.objects.exists()  # all or nothing


def test_the_assign_page(client, tree, resolution, province_officer, kinds):
    client.force_login(province_officer)
    url = reverse("tracking:assign", args=[resolution.pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, {"units": [tree["district_a"].pk, tree["district_b"].pk], "due_period": "7/2021"})
    assert response.status_code == 302
    assert PlanObligation.objects.filter(document=resolution).count() == 2
    bad = client.post(url, {"due_period": "tháng bảy"})
    assert bad.status_code == 200 and "Thời hạn không hợp lệ" in bad.text


def test_filing_an_uploaded_plan(tree, resolution, officer_a, make_plan):
    obligation = make_plan(tree["district_a"])
    plan = plans.file_upload(obligation, PLAN_FILE.read_bytes(), PLAN_FILE.name, AccessPolicy(officer_a))
    obligation.refresh_from_db()
    assert plan.issuer_unit == tree["district_a"] and plan.symbol == "45-KH/HU"
    assert obligation.plan_document == plan and obligation.completed_on == datetime.date(2021, 7, 20)
    assert obligation.status_on(datetime.date(2021, 8, 1)) == Status.DONE_ON_TIME
    assert Reference.objects.filter(from_document=plan, to_document=resolution,
                                    relation=Reference.Relation.THUC_HIEN).exists()
    assert ProgressUpdate.objects.filter(task=obligation, percent=100).exists()
    assert obligation.copy_share is not None and obligation.copy_share < 0.3
    # What the extractor finds in the plan waits for review like any document's items.
    assert set(plan.items.values_list("status", flat=True)) <= {ExtractedItem.Status.PROPOSED}


def test_a_late_plan_and_a_missing_one(tree, resolution, officer_a, make_plan):
    late = make_plan(tree["district_a"], due_period="2021-06")
    missing = make_plan(tree["district_b"], due_period="2021-06")
    plans.file_upload(late, PLAN_FILE.read_bytes(), PLAN_FILE.name, AccessPolicy(officer_a))
    day = datetime.date(2021, 8, 1)
    statuses = dict(PlanObligation.objects.with_status(day).values_list("lead_unit__code", "status"))
    assert statuses == {"HU-A": Status.DONE_LATE, "HU-B": Status.OVERDUE}
    assert late.status_on(datetime.date(2021, 6, 1)) == Status.IN_PROGRESS  # as of before it was due
    assert missing.status_on(datetime.date(2021, 6, 28)) == Status.DUE_SOON


def test_a_plan_of_another_unit_is_refused_and_nothing_is_stored(tree, resolution, officer_b, make_plan):
    obligation = make_plan(tree["district_b"])
    with pytest.raises(plans.FilingError, match="Huyện ủy Yên Thế"):
        plans.file_upload(obligation, PLAN_FILE.read_bytes(), PLAN_FILE.name, AccessPolicy(officer_b))
    assert Document.objects.filter(symbol="45-KH/HU").count() == 0
    obligation.refresh_from_db()
    assert obligation.plan_document is None and obligation.completed_on is None


def test_bad_files_get_a_clear_message(tree, resolution, officer_a, make_plan):
    obligation = make_plan(tree["district_a"])
    for data, words in ((b"", "rỗng"), (b"\x00\x01\x02" * 100, "")):
        with pytest.raises(plans.FilingError) as error:
            plans.file_upload(obligation, data, "ke-hoach.txt", AccessPolicy(officer_a))
        assert words in str(error.value)
    assert not Document.objects.exclude(pk=resolution.pk).exists()


def test_writing_the_plan_in_the_application(tree, resolution, officer_a, make_plan):
    obligation = make_plan(tree["district_a"])
    text = PLAN_FILE.read_text().split("-----", 1)[1].split("T/M BAN", 1)[0]
    plan = plans.file_written(obligation, AccessPolicy(officer_a), text=text, title="thực hiện Nghị quyết về chuyển đổi số",
                              symbol="46-KH/HU", issued_on=datetime.date(2021, 7, 25))
    obligation.refresh_from_db()
    assert plan.issuer_unit == tree["district_a"] and plan.kind == "ke_hoach"
    assert "hạ tầng cáp quang" in plan.text
    assert obligation.completed_on == datetime.date(2021, 7, 25)
    assert Reference.objects.filter(from_document=plan, to_document=resolution).exists()


def test_filing_through_the_pages(client, tree, resolution, officer_a, officer_b, make_plan):
    obligation = make_plan(tree["district_a"])
    url = reverse("tracking:plan", args=[obligation.pk])
    client.force_login(officer_b)
    assert client.get(url).status_code == 404  # a sibling district does not see it
    client.force_login(officer_a)
    assert client.get(url).status_code == 200
    with PLAN_FILE.open("rb") as handle:
        response = client.post(reverse("tracking:plan_upload", args=[obligation.pk]), {"file": handle})
    assert response.status_code == 302
    obligation.refresh_from_db()
    assert obligation.plan_document is not None
    page = client.get(url)
    assert "45-KH/HU" in page.text and "Ban hành đúng hạn" in page.text
