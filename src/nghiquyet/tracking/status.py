"""Status as of a day, the convention of Vietnamese task-tracking systems.

A duty is either done by the day (on time or late, against its deadline) or
not yet done: then it has no deadline, is overdue, falls due soon (within
``settings.NGHIQUYET_DUE_SOON_DAYS``) or is still within its deadline.

The same rule is written twice on purpose: as a database expression, so
dashboards count thousands of rows by status without loading them, and in
Python for one record already in memory. A test checks they agree.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """A task's status. Plans use the same codes with their own words (``PLAN_LABELS``)."""

    OVERDUE = "overdue", _("Quá hạn chưa hoàn thành")
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    IN_PROGRESS = "in_progress", _("Đang thực hiện trong hạn")
    NO_DEADLINE = "no_deadline", _("Không có thời hạn")
    DONE_LATE = "done_late", _("Hoàn thành quá hạn")
    DONE_ON_TIME = "done_on_time", _("Hoàn thành đúng hạn")


PLAN_LABELS = {
    Status.OVERDUE: _("Chưa ban hành, quá hạn"),
    Status.DUE_SOON: _("Sắp đến hạn ban hành"),
    Status.IN_PROGRESS: _("Chưa đến hạn"),
    Status.NO_DEADLINE: _("Chưa ban hành, không có hạn"),
    Status.DONE_LATE: _("Ban hành chậm"),
    Status.DONE_ON_TIME: _("Ban hành đúng hạn"),
}

# Worst first: a group of duties shows the colour of its worst member.
SEVERITY = {status: rank for rank, status in enumerate(Status.values)}


def due_soon_days() -> int:
    return int(getattr(settings, "NGHIQUYET_DUE_SOON_DAYS", 7))


def status_expression(done: str, due: str, day: datetime.date, soon_days: int | None = None) -> Case:
    """The status as of ``day`` of rows done on field ``done`` and due on field ``due``."""
    soon_days = due_soon_days() if soon_days is None else soon_days
    done_by_day = Q(**{f"{done}__isnull": False, f"{done}__lte": day})
    return Case(
        When(done_by_day & (Q(**{f"{due}__isnull": True}) | Q(**{f"{done}__lte": F(due)})),
             then=Value(Status.DONE_ON_TIME.value)),
        When(done_by_day, then=Value(Status.DONE_LATE.value)),
        When(**{f"{due}__isnull": True}, then=Value(Status.NO_DEADLINE.value)),
        When(**{f"{due}__lt": day}, then=Value(Status.OVERDUE.value)),
        When(**{f"{due}__lte": day + datetime.timedelta(days=soon_days)}, then=Value(Status.DUE_SOON.value)),
        default=Value(Status.IN_PROGRESS.value),
        output_field=models.CharField(),
    )


def status_of(done: datetime.date | None, due: datetime.date | None, day: datetime.date,
              soon_days: int | None = None) -> Status:
    """``status_expression`` for one record in memory."""
    soon_days = due_soon_days() if soon_days is None else soon_days
    if done is not None and done <= day:
        return Status.DONE_ON_TIME if due is None or done <= due else Status.DONE_LATE
    if due is None:
        return Status.NO_DEADLINE
    if due < day:
        return Status.OVERDUE
    if due <= day + datetime.timedelta(days=soon_days):
        return Status.DUE_SOON
    return Status.IN_PROGRESS


def worst(statuses) -> Status | None:
    statuses = list(statuses)
    return Status(min(statuses, key=SEVERITY.__getitem__)) if statuses else None
