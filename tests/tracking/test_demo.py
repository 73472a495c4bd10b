"""The demo: the sample documents cascaded across the demo tree, plans filed
on time, late or not at all, progress and indicator values; loading twice adds nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from nghiquyet.documents.models import Document
from nghiquyet.tracking.models import IndicatorValue, Notice, PlanObligation, ProgressUpdate, Task
from nghiquyet.tracking.status import Status

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def counts():
    return [model.objects.count() for model in (PlanObligation, Task, ProgressUpdate, IndicatorValue, Notice, Document)]


def test_the_demo_is_believable_and_idempotent(tmp_path):
    call_command("loaddemo", seeds=str(tmp_path), stdout=io.StringIO())  # the sample corpus only
    today = timezone.localdate()
    plans = dict(PlanObligation.objects.with_status(today).values_list("lead_unit__code", "status"))
    assert {Status.DONE_ON_TIME, Status.OVERDUE} <= set(plans.values())
    # The commune's own plan in the corpus answers the district plan it implements.
    commune = PlanObligation.objects.get(document__symbol="45-KH/HU", lead_unit__code="X-YT-DONGTAM")
    assert commune.plan_document.symbol == "18-KH/ĐU" and commune.copy_share is not None
    statuses = set(Task.objects.work().with_status(today).values_list("status", flat=True))
    assert Status.DUE_SOON in statuses and Status.OVERDUE in statuses
    assert IndicatorValue.objects.exists() and ProgressUpdate.objects.exists() and Notice.objects.exists()
    before = counts()
    call_command("loaddemo", seeds=str(tmp_path), stdout=io.StringIO())
    assert counts() == before
