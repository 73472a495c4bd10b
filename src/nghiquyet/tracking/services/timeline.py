"""A document's life in order: issuance, plans due and filed, tasks due and
done, progress reports, reviews. Events of one kind on one day are grouped,
so a document cascaded to a hundred units still reads as a short story."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nghiquyet.documents.models import Document
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.reviews.models import ReviewMilestone

from ..models import PlanObligation, ProgressUpdate, Task
from ..status import PLAN_LABELS, Status


@dataclass(frozen=True)
class Event:
    day: datetime.date
    kind: str  # issued, plan_due, plan_filed, task_due, task_done, report, review
    label: str
    detail: str = ""
    status: str = ""  # a Status value, for the colour
    url: str = ""


def implementing_tasks(policy: AccessPolicy, document: Document):
    """Tasks of the document itself and of the plans units filed for it."""
    plans = PlanObligation.objects.filter(document=document).exclude(plan_document=None).values("plan_document")
    return policy.scope(Task.objects.work().filter(Q(document=document) | Q(document__in=plans)))


def timeline(policy: AccessPolicy, document: Document, day: datetime.date) -> list[Event]:
    events = []
    if document.issued_on:
        events.append(Event(document.issued_on, "issued", _("Ban hành %(document)s") % {"document": document.display_name}))
    events += plan_events(policy, document, day)
    events += task_events(policy, document, day)
    events += review_events(policy, document, day)
    events.append(Event(day, "today", _("Hôm nay")))
    order = ["issued", "plan_due", "plan_filed", "task_due", "task_done", "report", "review", "today"]
    return sorted(events, key=lambda event: (event.day, order.index(event.kind)))


def plan_events(policy, document, day) -> list[Event]:
    plans = policy.scope(PlanObligation.objects.filter(document=document)).with_status(day)
    plans = list(plans.select_related("lead_unit", "plan_document"))
    events = []
    due = defaultdict(list)
    for plan in plans:
        if plan.due_date:
            due[plan.due_date].append(plan)
        if plan.completed_on:
            events.append(Event(plan.completed_on, "plan_filed",
                                _("%(unit)s ban hành kế hoạch") % {"unit": plan.lead_unit},
                                plan.plan_document.display_name if plan.plan_document else "",
                                plan.status, plan.get_absolute_url()))
    for due_date, group in due.items():
        missing = sum(1 for plan in group if plan.status == Status.OVERDUE)
        detail = ngettext("%(count)d đơn vị chưa ban hành", "%(count)d đơn vị chưa ban hành", missing) % {"count": missing} if missing else ""
        events.append(Event(due_date, "plan_due",
                            ngettext("Hạn ban hành kế hoạch của %(count)d đơn vị", "Hạn ban hành kế hoạch của %(count)d đơn vị",
                                     len(group)) % {"count": len(group)},
                            detail, Status.OVERDUE if missing else ""))
    return events


def task_events(policy, document, day) -> list[Event]:
    tasks = implementing_tasks(policy, document)
    events = []
    due = Counter(tasks.exclude(next_due=None).values_list("next_due", flat=True))
    overdue = Counter(tasks.with_status(day).filter(status=Status.OVERDUE).values_list("next_due", flat=True))
    for due_date, count in due.items():
        late = overdue.get(due_date, 0)
        events.append(Event(due_date, "task_due", ngettext("%(count)d nhiệm vụ đến hạn", "%(count)d nhiệm vụ đến hạn", count) % {"count": count},
                            _("%(count)d quá hạn chưa hoàn thành") % {"count": late} if late else "",
                            Status.OVERDUE if late else ""))
    done = Counter(tasks.exclude(completed_on=None).filter(completed_on__lte=day).values_list("completed_on", flat=True))
    for done_on, count in done.items():
        events.append(Event(done_on, "task_done", ngettext("%(count)d nhiệm vụ hoàn thành", "%(count)d nhiệm vụ hoàn thành", count) % {"count": count},
                            status=Status.DONE_ON_TIME))
    reports = Counter(
        timezone.localdate(created) for created in
        ProgressUpdate.objects.filter(task__in=tasks.values("pk")).values_list("created_at", flat=True)
    )
    for report_day, count in reports.items():
        if report_day <= day:
            events.append(Event(report_day, "report", ngettext("%(count)d báo cáo tiến độ", "%(count)d báo cáo tiến độ", count) % {"count": count}))
    return events


def review_events(policy, document, day) -> list[Event]:
    events = []
    for review in policy.scope(ReviewMilestone.objects.filter(document=document)).select_related("unit"):
        when = review.completed_on or review.due_date
        if when is None:
            continue
        done = review.status == ReviewMilestone.Status.DONE
        status = Status.DONE_ON_TIME if done else (Status.OVERDUE if when < day else "")
        label = _("%(kind)s (%(unit)s)") % {"kind": review.get_kind_display(), "unit": review.unit}
        detail = _("Đã thực hiện") if done else _("Hạn thực hiện")
        events.append(Event(when, "review", label, detail, status))
    return events


def plan_summary(policy: AccessPolicy, document: Document, day: datetime.date) -> list[tuple[str, str, int]]:
    """(status, label, count) of the document's plans, worst first."""
    plans = policy.scope(PlanObligation.objects.filter(document=document)).with_status(day)
    counts = Counter(plans.values_list("status", flat=True))
    return [(status.value, str(PLAN_LABELS[status]), counts[status.value]) for status in Status if counts[status.value]]
