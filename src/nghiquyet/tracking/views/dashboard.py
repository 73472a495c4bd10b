"""The overview, the units × documents matrix, a document's page and a unit's page."""

from __future__ import annotations

from django.db.models import F
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from nghiquyet.documents.models import Document
from nghiquyet.organisations.access import MANAGERS, policy_for
from nghiquyet.organisations.models import Unit
from nghiquyet.reviews.models import ReviewMilestone

from ..forms import UnitDayForm
from ..models import PlanObligation, Task
from ..services import dashboard, indicators, reporting, timeline
from ..status import PLAN_LABELS, Status
from .common import export, is_htmx, page_of, wants_export
from .plans import severity_order

MATRIX_COLUMNS = 12


def unit_and_day(request):
    """The unit (visible to the user) and day a page is about, and the form choosing them."""
    policy = policy_for(request)
    form = UnitDayForm(request.GET or None, policy)
    unit, day = form.chosen()
    if unit is None:
        raise Http404(_("Bạn chưa được gán vào đơn vị nào."))
    return form, unit, day


def overview(request):
    form, unit, day = unit_and_day(request)
    context = {"form": form, "overview": dashboard.overview(policy_for(request), unit, day)}
    template = "tracking/_overview.html" if is_htmx(request) else "tracking/overview.html"
    return render(request, template, context)


def matrix(request):
    form, unit, day = unit_and_day(request)
    policy = policy_for(request)
    page = page_of(request, dashboard.matrix_documents(policy, unit), MATRIX_COLUMNS)
    table = dashboard.matrix(policy, unit, day, list(page))
    if wants_export(request):
        headers = [_("Đơn vị"), *[document.display_name for document in table.documents]]
        rows = ([row.name, *[cell_text(cell) for cell in cells]] for row, cells in table.table())
        return export("ma-tran", _("Ma trận"), headers, rows)
    return render(request, "tracking/matrix.html", {"form": form, "matrix": table, "page": page})


def cell_text(cell) -> str:
    if cell is None:
        return ""
    parts = []
    if cell.plan:
        parts.append(str(PLAN_LABELS[cell.plan]))
    if cell.total:
        parts.append(_("%(done)d/%(total)d nhiệm vụ xong, %(late)d quá hạn")
                     % {"done": cell.done, "total": cell.total, "late": cell.overdue})
    return "; ".join(parts)


def document_page(request, pk):
    policy = policy_for(request)
    document = policy.get_object_or_404(Document.objects.real().select_related("issuer_unit"), pk=pk)
    day = timezone.localdate()
    tasks = timeline.implementing_tasks(policy, document)
    unit = document.issuer_unit if document.issuer_unit and policy.visible_units().filter(pk=document.issuer_unit_id).exists() \
        else UnitDayForm(None, policy).chosen()[0]
    document_indicators = list(policy.scope(document.indicators.all()).order_by("sort_key"))
    standings = []
    if unit is not None:
        series = indicators.series_for(document_indicators, unit, day)
        standings = [(i, indicators.standing(i, series[i.pk], day)) for i in document_indicators]
    context = {
        "document": document, "day": day, "events": timeline.timeline(policy, document, day),
        "plan_summary": timeline.plan_summary(policy, document, day),
        "task_counts": dashboard.count_by_status(tasks, day),
        "standings": standings, "unit": unit,
        "may_assign": policy.is_superuser or any(m.role in MANAGERS for m in policy.memberships),
    }
    return render(request, "tracking/document.html", context)


def unit_page(request, code):
    """Everything one unit owes: plans, tasks, reports, indicator values, reviews."""
    policy = policy_for(request)
    unit = policy.get_object_or_404(Unit.objects.select_related("parent"), code=code)
    day = timezone.localdate()
    plans = policy.scope(PlanObligation.objects.filter(lead_unit=unit)).with_status(day)
    tasks = policy.scope(Task.objects.work().filter(lead_unit=unit)).with_status(day)
    tasks = tasks.annotate(severity=severity_order()).order_by("severity", F("next_due").asc(nulls_last=True), "pk")
    year_start, year_end = day.replace(month=1, day=1), day.replace(month=12, day=31)
    reports = [r for r in reporting.reports_due(policy, unit, year_start, year_end, day) if r.unit.pk == unit.pk]
    reviews = policy.scope(ReviewMilestone.objects.filter(unit=unit)).select_related("document").order_by("due_date")
    if wants_export(request):
        headers = [_("Loại"), _("Nội dung"), _("Văn bản"), _("Hạn"), _("Tình trạng")]
        rows = [*([_("Kế hoạch"), p.title, p.document.display_name, p.due_date, str(PLAN_LABELS[Status(p.status)])] for p in plans.select_related("document")),
                *([_("Nhiệm vụ"), t.title, t.document.display_name, t.next_due, Status(t.status).label] for t in tasks.select_related("document")),
                *([_("Báo cáo"), f"{r.title} ({r.period})", r.document.display_name, r.day, r.state.label] for r in reports)]
        return export(f"viec-cua-{unit.code}", unit.display_name, headers, rows)
    context = {
        "unit": unit, "day": day,
        "plans": plans.select_related("document", "plan_document").order_by("due_date", "pk"),
        "task_counts": dashboard.count_by_status(tasks, day),
        "page": page_of(request, tasks.select_related("document")),
        "reports": reports, "reviews": reviews,
    }
    return render(request, "tracking/unit.html", context)
