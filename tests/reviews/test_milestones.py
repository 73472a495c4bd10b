"""Review milestones: made by accepting a document's review items, listed, due."""

import datetime

import pytest
from django.urls import reverse

from nghiquyet.documents.models import Document
from nghiquyet.documents.services.calendar import obligations
from nghiquyet.documents.services.review import accept_confident
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.reviews.models import ReviewMilestone
from tests.documents.factories import Text, district_plan, parsed, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(units, officer_a):
    store(district_plan(), user=officer_a)
    document = Document.objects.get(symbol="45-KH/HU")
    accept_confident(document, AccessPolicy(officer_a))
    return document


def test_the_index_lists_the_milestones_soonest_first(plan, client, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("reviews:index"))
    text = response.text
    assert text.index("quý II/2023") < text.index("quý IV/2025")
    assert "Sơ kết" in text and "Tổng kết" in text and plan.get_absolute_url() in text
    done = client.get(reverse("reviews:index"), {"status": "done"})
    assert "quý II/2023" not in done.text


def test_units_below_see_the_milestones_other_branches_do_not(plan, client, cell_reporter, officer_b):
    client.force_login(cell_reporter)
    assert "quý II/2023" in client.get(reverse("reviews:index")).text
    client.force_login(officer_b)
    assert "quý II/2023" not in client.get(reverse("reviews:index")).text


def test_a_yearly_review_falls_due_each_december(units, officer_a):
    text = Text("Ban Thường vụ Huyện ủy sơ kết hằng năm.")
    document = parsed(text, symbol="09-CT/HU", kind="chi_thi", issued_on=datetime.date(2022, 3, 15))
    document.reviews = [text.review("sơ kết hằng năm", kind="so_ket", due="annual", confidence=0.99)]
    store(document, user=officer_a)
    accept_confident(Document.objects.get(symbol="09-CT/HU"), AccessPolicy(officer_a))
    milestone = ReviewMilestone.objects.get()
    assert (milestone.due_period, milestone.recurrence, milestone.due_date) == ("", "annual", None)
    entries = obligations(AccessPolicy(officer_a), datetime.date(2022, 1, 1), datetime.date(2024, 12, 31))
    assert [entry.day for entry in entries if entry.kind == "so_ket"] == [
        datetime.date(2022, 12, 31), datetime.date(2023, 12, 31), datetime.date(2024, 12, 31)]
