"""What leaders see at a glance: the overview of a unit on a day, and the
matrix of its child units against documents.

Counting is done by the database: statuses are annotations, grouped and
counted without loading the rows, and a child unit's whole subtree is one
prefix of the materialised path.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import Coalesce, Substr

from nghiquyet.documents.models import Document
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import PATH_STEP, Unit, subtree_q
from nghiquyet.reviews.models import ReviewMilestone

from ..models import Indicator, PlanObligation, Task
from ..status import Status, worst
from . import indicators as indicator_service

LIST_LIMIT = 10
# Above this many units, overdue lists walk the deadline index (see longest_overdue).
LARGE_SUBTREE = 20_000


def tasks_within(policy: AccessPolicy, unit: Unit, model=Task):
    """Tasks (or plans) led inside ``unit``'s subtree that the user may read."""
    return policy.scope(model.objects.filter(subtree_q(unit.path, "lead_unit__")))


def count_by_status(queryset, day: datetime.date) -> dict[str, int]:
    counts = {status: 0 for status in Status.values}
    rows = queryset.with_status(day).order_by().values("status").annotate(n=Count("pk"))
    for row in rows:
        counts[row["status"]] = row["n"]
    return counts


def quarter_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    first_month = (day.month - 1) // 3 * 3 + 1
    start = datetime.date(day.year, first_month, 1)
    following = datetime.date(day.year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)
    return start, following - datetime.timedelta(days=1)


@dataclass
class Overview:
    unit: Unit
    day: datetime.date
    task_counts: dict[str, int]
    plan_counts: dict[str, int]
    overdue: list[Task]
    missing_plans: list[PlanObligation]
    off_track: list[tuple[Indicator, indicator_service.Standing]]
    indicator_count: int
    reviews_due: list[ReviewMilestone]

    @property
    def task_total(self) -> int:
        return sum(self.task_counts.values())

    @property
    def plan_total(self) -> int:
        return sum(self.plan_counts.values())


def overview(policy: AccessPolicy, unit: Unit, day: datetime.date, limit: int = LIST_LIMIT) -> Overview:
    """``limit`` caps each list (overdue tasks, missing plans, reviews due)."""
    work = tasks_within(policy, unit).work()
    plans = tasks_within(policy, unit, PlanObligation)
    indicators = relevant_indicators(policy, unit)
    return Overview(
        unit=unit, day=day,
        task_counts=count_by_status(work, day),
        plan_counts=count_by_status(plans, day),
        overdue=longest_overdue(policy, unit, Task.objects.work(), day, limit),
        missing_plans=longest_overdue(policy, unit, PlanObligation.objects.all(), day, limit),
        off_track=off_track_indicators(indicators, unit, day),
        indicator_count=len(indicators),
        reviews_due=reviews_due(policy, unit, day, limit),
    )


def longest_overdue(policy: AccessPolicy, unit: Unit, records, day: datetime.date, limit: int = LIST_LIMIT) -> list:
    """The ``limit`` records overdue the longest inside ``unit``'s subtree that the user may read.

    Candidates come in deadline order, a batch at a time; each batch then
    goes through the access policy. In a large subtree (a country) the order
    comes straight from the deadline index: sorting every overdue row to show
    ten would cost more. In a smaller one that index walk would pass over the
    whole country's rows to find the subtree's few, so its rows are fetched
    by unit and sorted (``Coalesce`` hides the index from the planner).
    """
    deadline = "next_due" if subtree_is_large(unit) else Coalesce("next_due", "due_date")
    candidates = (records.filter(subtree_q(unit.path, "lead_unit__"), next_due__lt=day)
                  .filter(Q(completed_on=None) | Q(completed_on__gt=day)).order_by(deadline, "pk"))
    found, offset, batch = [], 0, limit * 5
    while len(found) < limit:
        ids = list(candidates.values_list("pk", flat=True)[offset : offset + batch])
        readable = policy.scope(records.model.objects.filter(pk__in=ids)).select_related("lead_unit", "document")
        found += sorted(readable, key=lambda record: (record.next_due, record.pk))
        if len(ids) < batch:
            break
        offset += batch
    return found[:limit]


def subtree_is_large(unit: Unit) -> bool:
    """Does ``unit``'s subtree hold more than ``LARGE_SUBTREE`` units? (Counts no further.)"""
    units = Unit.objects.filter(subtree_q(unit.path)).order_by().values("pk")[:LARGE_SUBTREE + 1]
    return units.count() > LARGE_SUBTREE


def relevant_indicators(policy: AccessPolicy, unit: Unit) -> list[Indicator]:
    """The targets a unit answers for: those it set, and those set by the units
    above it; each is measured over the unit's subtree."""
    found = policy.scope(Indicator.objects.filter(owner_unit__in=unit.ancestors(include_self=True)))
    return list(found.select_related("document").order_by("sort_key", "pk"))


def off_track_indicators(indicators: list[Indicator], unit: Unit, day: datetime.date):
    series = indicator_service.series_for(indicators, unit, day)
    found = []
    for indicator in indicators:
        standing = indicator_service.standing(indicator, series[indicator.pk], day)
        if standing.is_off_track:
            found.append((indicator, standing))
    return found


def reviews_due(policy: AccessPolicy, unit: Unit, day: datetime.date, limit: int = LIST_LIMIT) -> list[ReviewMilestone]:
    """Reviews (sơ kết, tổng kết) of the unit, its subtree or above it, due this quarter."""
    start, end = quarter_bounds(day)
    milestones = policy.scope(ReviewMilestone.objects.filter(
        Q(due_date__range=(start, end)) | Q(recurrence__gt="", due_date=None)
    ).exclude(status=ReviewMilestone.Status.CANCELLED))
    milestones = milestones.filter(subtree_q(unit.path, "unit__") | Q(unit__in=unit.ancestors()))
    return list(milestones.select_related("document", "unit").order_by("due_date", "pk")[:limit])


# -- the matrix -----------------------------------------------------------------------


@dataclass
class Cell:
    plan: Status | None = None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts.get(Status.DONE_ON_TIME, 0) + self.counts.get(Status.DONE_LATE, 0)

    @property
    def overdue(self) -> int:
        return self.counts.get(Status.OVERDUE, 0)

    @property
    def worst(self) -> Status | None:
        return worst([status for status, count in self.counts.items() if count] + ([self.plan] if self.plan else []))


@dataclass
class Matrix:
    unit: Unit
    day: datetime.date
    rows: list[Unit]
    documents: list[Document]
    cells: dict[tuple[int, int], Cell]

    def cell(self, row: Unit, document: Document) -> Cell | None:
        return self.cells.get((row.pk, document.pk))

    def table(self):
        """Rows of (unit, [cell per document]) for templates."""
        return [(row, [self.cell(row, document) for document in self.documents]) for row in self.rows]


def matrix_documents(policy: AccessPolicy, unit: Unit):
    """Documents with work inside ``unit``'s subtree, newest first."""
    led = Task.objects.filter(subtree_q(unit.path, "lead_unit__")).values("document")
    return policy.scope(Document.objects.filter(pk__in=led)).register_order()


def matrix(policy: AccessPolicy, unit: Unit, day: datetime.date, documents: list[Document]) -> Matrix:
    """``unit``'s child units against ``documents``: each cell holds the child's
    own plan and counts the tasks of the child's whole subtree by status."""
    rows = list(policy.visible_units().filter(parent=unit).valid_on(day).vietnamese_order())
    document_ids = [document.pk for document in documents]
    by_path = {row.path: row for row in rows}
    cells: dict[tuple[int, int], Cell] = {}
    branch_length = (unit.depth + 1) * PATH_STEP
    work = tasks_within(policy, unit).work().filter(document__in=document_ids).exclude(lead_unit=unit)
    grouped = (
        work.with_status(day).annotate(branch=Substr("lead_unit__path", 1, branch_length)).order_by()
        .values("branch", "document", "status").annotate(n=Count("pk"))
    )
    for group in grouped:
        row = by_path.get(group["branch"])
        if row is not None:  # else a unit no longer current, or outside the user's scope
            cell = cells.setdefault((row.pk, group["document"]), Cell())
            cell.counts[group["status"]] = group["n"]
    plans = policy.scope(PlanObligation.objects.filter(lead_unit__in=rows, document__in=document_ids))
    for lead_unit, document, status in plans.with_status(day).values_list("lead_unit", "document", "status"):
        cells.setdefault((lead_unit, document), Cell()).plan = Status(status)
    return Matrix(unit, day, rows, documents, cells)
