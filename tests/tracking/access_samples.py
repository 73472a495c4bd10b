"""Samples and routes of the tracking models for the generic permission suite."""

from django.core.files.base import ContentFile

from nghiquyet.organisations.models import Membership, Role, User
from nghiquyet.tracking.models import (
    Evidence,
    IndicatorValue,
    Notice,
    PlanObligation,
    ProgressUpdate,
    Task,
)
from tests.access.registry import route, sample
from tests.documents.access_samples import document, indicator


@sample("tracking.Task")
def task(unit, secret=False):
    """A task proper (the register's sample owes a plan, which the plan pages show)."""
    return Task.objects.create(document=document(unit, secret), title="Triển khai phần mềm", lead_unit=unit,
                               due_period="2021-12")


@sample("tracking.PlanObligation")
def plan_obligation(unit, secret=False):
    return PlanObligation.objects.create(document=document(unit, secret), title="Xây dựng kế hoạch", lead_unit=unit,
                                         due_period="2021-07")


@sample("tracking.ProgressUpdate")
def progress_update(unit, secret=False):
    return ProgressUpdate.objects.create(task=task(unit, secret), percent=40, narrative="Đã triển khai")


@sample("tracking.Evidence")
def evidence(unit, secret=False):
    item = Evidence(update=progress_update(unit, secret), name="bien-ban.txt", size=8)
    item.file.save("bien-ban.txt", ContentFile(b"bien ban"), save=False)
    item.save()
    return item


@sample("tracking.IndicatorValue")
def indicator_value(unit, secret=False):
    return IndicatorValue.objects.create(indicator=indicator(unit, secret), unit=unit, period="2024", value=90)


@sample("tracking.Notice")
def notice(unit, secret=False):
    user = User.objects.create_user(f"nhan-{unit.code.lower()}", password="mat-khau-dai-1")
    Membership.objects.create(user=user, unit=unit, role=Role.REPORTER)
    return Notice.objects.create(user=user, unit=unit, kind=Notice.Kind.OVERDUE, key=f"mau:{unit.pk}",
                                 title="Quá hạn", url="/", secret=secret)


def _pk(record):
    return {"pk": record.pk}


for name in ("document", "assign", "document_report"):
    route(f"tracking:{name}", "documents.Document", _pk)
route("tracking:unit", "organisations.Unit", lambda unit: {"code": unit.code})
for name in ("plan", "plan_upload", "plan_write", "plan_copy"):
    route(f"tracking:{name}", "tracking.PlanObligation", _pk)
for name in ("task", "task_edit", "task_progress", "task_subtasks"):
    route(f"tracking:{name}", "tracking.Task", _pk)
route("tracking:evidence", "tracking.Evidence", _pk)
for name in ("indicator", "indicator_value", "indicator_edit"):
    route(f"tracking:{name}", "tracking.Indicator", _pk)
route("api:get_task", "tracking.Task", lambda record: {"task_id": record.pk})
route("api:indicator_series", "tracking.Indicator", lambda record: {"indicator_id": record.pk})

