"""Every dated obligation in a window: plans, reports and tasks due, targets
due, reviews due. Repeating ones ("tháng 12 hằng năm", "hằng quý") are
expanded into each date they fall due. Everything is read through the access
policy, so a calendar shows only what its user may see.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Unit, subtree_q
from nghiquyet.reviews.models import ReviewMilestone
from nghiquyet.tracking.models import Indicator, Task

from ..models import Document
from ..periods import first_occurrence, occurrences


@dataclass(frozen=True)
class Obligation:
    """One thing due on one day, for one or more units (a duty given to every
    district is one line, not ten)."""

    day: datetime.date
    kind: str  # plan, report, task, target, so_ket, tong_ket
    label: str
    title: str
    units: tuple[Unit, ...]
    document: Document
    uid: str

    @property
    def url(self) -> str:
        return self.document.get_absolute_url()

    @property
    def unit_names(self) -> str:
        return ", ".join(unit.display_name for unit in self.units)


TASK_LABELS = {
    Task.Kind.PLAN: ("plan", gettext_lazy("Hạn ban hành chương trình, kế hoạch")),
    Task.Kind.REPORT: ("report", gettext_lazy("Hạn báo cáo")),
    Task.Kind.MONITOR: ("task", gettext_lazy("Hạn thực hiện nhiệm vụ")),
    Task.Kind.IMPLEMENT: ("task", gettext_lazy("Hạn thực hiện nhiệm vụ")),
}


def _anchor(record, document: Document) -> datetime.date:
    """When a repeating obligation first falls due."""
    if record.due_date:
        return record.due_date
    start = document.issued_on or record.created_at.date()
    return first_occurrence(record.recurrence, start)


def _dates(record, document: Document, start, end, until=None) -> list[datetime.date]:
    if not record.due_date and not record.recurrence:
        return []
    return occurrences(_anchor(record, document), record.recurrence or None, start, end, until)


def _in_window(start, end) -> Q:
    """Rows that may fall due in the window: dated within it, or repeating."""
    return Q(due_date__range=(start, end)) | ~Q(recurrence="")


def obligations(policy: AccessPolicy, start: datetime.date, end: datetime.date,
                unit: Unit | None = None) -> list[Obligation]:
    found: list[Obligation] = []
    tasks = policy.scope(Task.objects.filter(_in_window(start, end)))
    indicators = policy.scope(Indicator.objects.filter(due_date__range=(start, end)))
    reviews = policy.scope(ReviewMilestone.objects.filter(_in_window(start, end)).exclude(
        status=ReviewMilestone.Status.CANCELLED))
    if unit is not None:
        tasks = tasks.filter(subtree_q(unit.path, "lead_unit__"))
        indicators = indicators.filter(subtree_q(unit.path, "owner_unit__"))
        reviews = reviews.filter(subtree_q(unit.path, "unit__"))
    for task in tasks.select_related("document", "lead_unit"):
        kind, label = TASK_LABELS.get(task.kind, TASK_LABELS[Task.Kind.IMPLEMENT])
        label = str(label)
        if task.recurrence and task.kind != Task.Kind.PLAN:
            kind, label = "report", _("Báo cáo định kỳ")
        for day in _dates(task, task.document, start, end, task.completed_on if not task.recurrence else None):
            found.append(Obligation(day, kind, label, task.title, (task.lead_unit,), task.document,
                                    f"task-{task.pk}-{day:%Y%m%d}"))
    for indicator in indicators.select_related("document", "owner_unit"):
        found.append(Obligation(indicator.due_date, "target", _("Chỉ tiêu đến hạn"), indicator.name,
                                (indicator.owner_unit,), indicator.document, f"indicator-{indicator.pk}"))
    for review in reviews.select_related("document", "unit"):
        for day in _dates(review, review.document, start, end):
            found.append(Obligation(day, review.kind, review.get_kind_display(), str(review.document),
                                    (review.unit,), review.document, f"review-{review.pk}-{day:%Y%m%d}"))
    return merged(found)


def merged(found: list[Obligation]) -> list[Obligation]:
    """One line per thing due on a day, with every unit that owes it; its id is
    the first record's, so a calendar app recognises it on the next refresh."""
    lines: dict[tuple, Obligation] = {}
    for item in sorted(found, key=lambda item: item.uid):
        key = (item.day, item.kind, item.title, item.document.pk)
        if key in lines:
            first = lines[key]
            lines[key] = replace(first, units=first.units + item.units)
        else:
            lines[key] = item
    return sorted(lines.values(), key=lambda item: (item.day, item.kind, item.title))


def month_bounds(month: str | None, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """First and last day of "YYYY-MM" (this month when absent or invalid)."""
    try:
        year, number = (int(part) for part in (month or "").split("-"))
        first = datetime.date(year, number, 1)
    except ValueError:
        first = today.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)
