"""The reporting calendar: reports units owe, received, late or missing.

Two kinds of report fall due on a cadence the document gives ("định kỳ báo
cáo vào tháng 12 hằng năm", "hằng quý"): reports on repeating tasks (a
progress update answering that date) and indicator values (one per reporting
unit and period). A report is on time when it came by its date.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nghiquyet.documents.models import Document, Recurrence
from nghiquyet.documents.periods import month_end, period_label
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Unit, subtree_q

from ..models import Indicator, IndicatorValue, PlanObligation, ProgressUpdate, Task
from .indicators import reporting_units


class ReportState(models.TextChoices):
    MISSING = "missing", _("Chưa báo cáo, quá hạn")
    DUE = "due", _("Chưa đến hạn")
    LATE = "late", _("Báo cáo muộn")
    RECEIVED = "received", _("Đã báo cáo đúng hạn")


@dataclass(frozen=True)
class ReportDue:
    day: datetime.date
    kind: str  # "task" or "indicator"
    title: str
    period: str  # what the report covers, as printed
    unit: Unit
    document: Document
    url: str
    state: ReportState
    received_on: datetime.date | None


def state_of(due: datetime.date, received_on: datetime.date | None, day: datetime.date) -> ReportState:
    if received_on is not None and received_on <= day:
        return ReportState.RECEIVED if received_on <= due else ReportState.LATE
    return ReportState.MISSING if due < day else ReportState.DUE


# -- periods of a cadence ---------------------------------------------------------------

_MONTHS = {Recurrence.ANNUAL: 12, Recurrence.SEMIANNUAL: 6, Recurrence.QUARTERLY: 3, Recurrence.MONTHLY: 1,
           Recurrence.WEEKLY: 1}


def period_of(cadence: str, end: datetime.date) -> str:
    """The PERIOD a report ending on ``end`` covers: "2024", "2024-Q2", "2024-06"."""
    if cadence == Recurrence.ANNUAL:
        return str(end.year)
    if cadence == Recurrence.QUARTERLY:
        return f"{end.year}-Q{(end.month - 1) // 3 + 1}"
    return f"{end.year}-{end.month:02d}"


def periods_between(cadence: str, start: datetime.date, end: datetime.date) -> list[tuple[str, datetime.date]]:
    """(PERIOD, last day) of each reporting period ending within ``start``..``end``."""
    step = _MONTHS.get(cadence, 12)
    found = []
    for year in range(start.year, end.year + 1):
        for month in range(step, 13, step):
            last = month_end(year, month)
            if start <= last <= end:
                found.append((period_of(cadence, last), last))
    return found


def indicator_window(indicator: Indicator, start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Values are owed from the document's issue until the target's deadline."""
    issued = indicator.document.issued_on
    if issued and issued > start:
        start = issued
    if indicator.due_date and not indicator.recurrence:
        end = min(end, month_end(indicator.due_date.year, 12))
    return start, end


# -- the calendar -----------------------------------------------------------------------


def reports_due(policy: AccessPolicy, unit: Unit, start: datetime.date, end: datetime.date,
                day: datetime.date | None = None) -> list[ReportDue]:
    """Every report owed within ``unit``'s subtree with a date in ``start``..``end``."""
    day = day or timezone.localdate()
    found = task_reports(policy, unit, start, end, day) + indicator_reports(policy, unit, start, end, day)
    return sorted(found, key=lambda report: (report.day, report.unit.sort_key, report.title))


def task_reports(policy, unit, start, end, day) -> list[ReportDue]:
    tasks = policy.scope(Task.objects.work().filter(subtree_q(unit.path, "lead_unit__")).exclude(recurrence=""))
    tasks = list(tasks.select_related("document", "lead_unit"))
    received = {}
    updates = ProgressUpdate.objects.filter(task__in=[task.pk for task in tasks], report_for__range=(start, end))
    for task_id, report_for, created_at in updates.order_by("created_at").values_list("task", "report_for", "created_at"):
        received.setdefault((task_id, report_for), timezone.localdate(created_at))
    found = []
    for task in tasks:
        for due in task.report_dates(start, end):
            received_on = received.get((task.pk, due))
            found.append(ReportDue(due, "task", task.title, period_label(period_of(task.recurrence, due)),
                                   task.lead_unit, task.document, task.get_absolute_url(),
                                   state_of(due, received_on, day), received_on))
    return found


def indicator_reports(policy, unit, start, end, day) -> list[ReportDue]:
    cascaded_here = PlanObligation.objects.filter(subtree_q(unit.path, "lead_unit__")).values("document")
    indicators = policy.scope(Indicator.objects.filter(
        models.Q(document__in=cascaded_here) | subtree_q(unit.path, "owner_unit__")))
    indicators = list(indicators.select_related("document", "owner_unit"))
    reporters = reporting_units(indicators, within=unit)
    values = IndicatorValue.objects.filter(subtree_q(unit.path, "unit__"), indicator__in=[i.pk for i in indicators],
                                           period_end__range=(start, end))
    received = {(i, u, p): timezone.localdate(at) for i, u, p, at in
                values.values_list("indicator", "unit", "period", "reported_at")}
    found = []
    for indicator in indicators:
        first, last = indicator_window(indicator, start, end)
        for period, due in periods_between(indicator.cadence, first, last):
            for reporter in reporters[indicator.pk]:
                received_on = received.get((indicator.pk, reporter.pk, period))
                found.append(ReportDue(due, "indicator", indicator.name, period_label(period), reporter,
                                       indicator.document, indicator.get_absolute_url(),
                                       state_of(due, received_on, day), received_on))
    return found
