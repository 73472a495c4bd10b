"""JSON API of tracking: tasks and plans with their status as of a day, the
overview counts, indicator series; scoped by the access policy like every page."""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from nghiquyet.organisations.access import policy_for
from nghiquyet.organisations.models import subtree_q

from .models import Indicator, PlanObligation, Task
from .services import dashboard, indicators

router = Router(tags=["tracking"])


class TaskOut(Schema):
    id: int
    document_id: int
    title: str
    kind: str
    lead_unit: str
    due_period: str
    next_due: datetime.date | None
    recurrence: str
    percent: int
    completed_on: datetime.date | None
    status: str
    version: int
    url: str

    @staticmethod
    def resolve_lead_unit(task):
        return task.lead_unit.code

    @staticmethod
    def resolve_url(task):
        return task.get_absolute_url()


class PlanOut(TaskOut):
    plan_document_id: int | None
    copy_share: float | None


class OverviewOut(Schema):
    unit: str
    day: datetime.date
    tasks: dict[str, int]
    plans: dict[str, int]
    indicators_off_track: list[int]


class PointOut(Schema):
    period: str
    end: datetime.date
    value: float
    units: int


def _listed(request, queryset, unit, status, document, day):
    """Rows led within ``unit``'s subtree, with their status as of ``day`` (today by default)."""
    policy = policy_for(request)
    queryset = policy.scope(queryset).with_status(day or timezone.localdate())
    if unit:
        chosen = get_object_or_404(policy.visible_units(), code=unit)
        queryset = queryset.filter(subtree_q(chosen.path, "lead_unit__"))
    if status:
        queryset = queryset.filter(status=status)
    if document:
        queryset = queryset.filter(document=document)
    return queryset.select_related("lead_unit").order_by("next_due", "pk")


@router.get("/tasks/", response=list[TaskOut])
@paginate(LimitOffsetPagination)
def list_tasks(request, unit: str | None = None, status: str | None = None, document: int | None = None,
               day: datetime.date | None = None):
    """Tasks led within ``unit``'s subtree, with their status as of ``day``."""
    return _listed(request, Task.objects.work(), unit, status, document, day)


@router.get("/tasks/{task_id}/", response=TaskOut)
def get_task(request, task_id: int, day: datetime.date | None = None):
    return policy_for(request).get_object_or_404(Task.objects.work().with_status(day or timezone.localdate()), pk=task_id)


@router.get("/plans/", response=list[PlanOut])
@paginate(LimitOffsetPagination)
def list_plans(request, unit: str | None = None, status: str | None = None, document: int | None = None,
               day: datetime.date | None = None):
    """Plans units owe (cụ thể hóa), with their status as of ``day``."""
    return _listed(request, PlanObligation.objects.all(), unit, status, document, day)


@router.get("/overview/", response=OverviewOut)
def overview(request, unit: str | None = None, day: datetime.date | None = None):
    from .forms import default_unit

    policy = policy_for(request)
    chosen = get_object_or_404(policy.visible_units(), code=unit) if unit else default_unit(policy)
    if chosen is None:
        raise Http404
    result = dashboard.overview(policy, chosen, day or timezone.localdate())
    return {"unit": chosen.code, "day": result.day, "tasks": result.task_counts, "plans": result.plan_counts,
            "indicators_off_track": [indicator.pk for indicator, _standing in result.off_track]}


@router.get("/indicators/{indicator_id}/series/", response=list[PointOut])
def indicator_series(request, indicator_id: int, unit: str | None = None):
    """An indicator's values combined over ``unit``'s subtree (the user's own unit by default)."""
    from .forms import default_unit

    policy = policy_for(request)
    indicator = policy.get_object_or_404(Indicator, pk=indicator_id)
    chosen = get_object_or_404(policy.visible_units(), code=unit) if unit else default_unit(policy)
    if chosen is None:
        raise Http404
    return [{"period": p.period, "end": p.end, "value": float(p.value), "units": p.units}
            for p in indicators.series(indicator, chosen)]
