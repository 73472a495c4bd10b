"""Progress reports and task edits, without silent overwrites.

Every change to a task names the version it was made from. The task row is
locked and its version compared inside the transaction: when someone else
saved in between, nothing is written and ``EditConflict`` carries the task as
it now is, so the form can show the current values beside the user's own.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nghiquyet.organisations.access import AccessPolicy

from ..models import Evidence, ProgressUpdate, Task


class EditConflict(Exception):
    def __init__(self, current: Task):
        self.current = current
        last = current.updates.select_related("author").first()
        who = last.author if last and last.author else _("một người khác")
        when = timezone.localtime(current.updated_at)
        super().__init__(
            _("Nhiệm vụ này vừa được %(who)s cập nhật lúc %(time)s, trong khi bạn đang sửa. "
              "Thông tin của bạn chưa được lưu; dưới đây là giá trị hiện tại, hãy xem lại rồi lưu lại.")
            % {"who": who, "time": f"{when:%H:%M} {date_format(when.date(), 'SHORT_DATE_FORMAT')}"}
        )


def _locked(task: Task, version: int) -> Task:
    """The task row, locked for this transaction, if still at ``version``."""
    current = Task.objects.select_for_update().get(pk=task.pk)
    if current.version != version:
        raise EditConflict(current)
    return current


def record_progress(task: Task, version: int, policy: AccessPolicy, *, percent: int, completed: bool = False,
                    completed_on: datetime.date | None = None, narrative: str = "", difficulties: str = "",
                    proposals: str = "", report_for: datetime.date | None = None, files=()) -> ProgressUpdate:
    """The lead unit reports on ``task``; the task takes the reported state."""
    with transaction.atomic():
        current = _locked(task, version)
        if completed:
            percent, completed_on = 100, completed_on or timezone.localdate()
        else:
            completed_on = None
        current.percent, current.completed_on = percent, completed_on
        if report_for and current.repeats:
            current.reported_through = max(filter(None, [current.reported_through, report_for]))
        current.version += 1
        current.save()
        update = ProgressUpdate.objects.create(
            task=current, percent=percent, completed_on=completed_on, narrative=narrative,
            difficulties=difficulties, proposals=proposals, report_for=report_for if current.repeats else None,
            author=policy.user, task_version=current.version,
        )
        for upload in files:
            Evidence.objects.create(update=update, file=upload, name=upload.name[:255], size=upload.size)
    task.refresh_from_db()
    return update


def edit_task(task: Task, version: int, changes: dict, partner_units=None) -> Task:
    """Save staff's changes to ``task`` made from ``version``."""
    with transaction.atomic():
        current = _locked(task, version)
        for name, value in changes.items():
            setattr(current, name, value)
        current.version += 1
        current.full_clean(exclude=["source_item", "created_by", "plan_document", "parent"])
        current.save()
        if partner_units is not None:
            current.partner_units.set(partner_units)
    return current


def open_report_dates(task: Task, day: datetime.date) -> list[datetime.date]:
    """Report dates a repeating task still owes, up to the next one after ``day``."""
    if not task.repeats or task.next_due is None:
        return []
    horizon = max(day, task.next_due) + datetime.timedelta(days=370)
    return task.report_dates(task.next_due, horizon)[:6]


def add_subtasks(parent: Task, units, policy: AccessPolicy, *, title: str, due_period: str,
                 expected_product: str = "") -> list[Task]:
    """Hand part of ``parent`` down to lower units, one sub-task each."""
    subtasks = []
    with transaction.atomic():
        for unit in units:
            subtask = Task(
                document=parent.document, parent=parent, title=title, action=parent.action, kind=parent.kind,
                lead_unit=unit, due_period=due_period, expected_product=expected_product,
                report_to_unit=parent.lead_unit, report_to=parent.lead_unit.name[:255], created_by=policy.user,
            )
            subtask.full_clean(exclude=["source_item", "created_by", "plan_document", "parent"])
            subtask.save()
            subtasks.append(subtask)
    return subtasks
