"""Indicators: the list with where each stands, an indicator's page with its
chart and values by unit, reporting values, correcting the definition."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.documents.models import Document
from nghiquyet.organisations.access import policy_for
from nghiquyet.organisations.models import Unit

from ..forms import IndicatorDefinitionForm, IndicatorFilterForm, IndicatorValueForm, UnitDayForm
from ..models import Indicator, IndicatorValue
from ..services import charts, dashboard
from ..services import indicators as service
from .common import export, page_of, require, wants_export

STATUS_ORDER = {status: rank for rank, status in enumerate(service.IndicatorStatus.values)}


def indicator_rows(request):
    """(form, unit, day, [(indicator, standing)]) for the list and its export."""
    policy = policy_for(request)
    indicators = policy.scope(Indicator.objects.all())
    documents = policy.scope(Document.objects.filter(pk__in=indicators.values("document"))).register_order()
    form = IndicatorFilterForm(request.GET or None, policy, documents)
    day = form.as_of
    unit = form.chosen_unit() or UnitDayForm(None, policy).chosen()[0]
    if unit is None:
        return form, None, day, []
    chosen = dashboard.relevant_indicators(policy, unit)
    if form.value("document"):
        chosen = [i for i in chosen if i.document_id == form.value("document")]
    if form.value("q"):
        words = form.value("q").casefold()
        chosen = [i for i in chosen if words in i.name.casefold()]
    series = service.series_for(chosen, unit, day)
    rows = [(indicator, service.standing(indicator, series[indicator.pk], day)) for indicator in chosen]
    if form.value("status"):
        rows = [row for row in rows if row[1].status == form.value("status")]
    sort = form.value("sort")
    if sort == "status":
        rows.sort(key=lambda row: (STATUS_ORDER[row[1].status], row[0].sort_key))
    elif sort == "due":
        rows.sort(key=lambda row: (row[0].due_date is None, row[0].due_date or day, row[0].sort_key))
    return form, unit, day, rows


def indicator_list(request):
    form, unit, day, rows = indicator_rows(request)
    if wants_export(request):
        headers = [_("Chỉ tiêu"), _("Văn bản"), _("Mục tiêu"), _("Đơn vị tính"), _("Thời hạn"), _("Giá trị mới nhất"),
                   _("Kỳ"), _("Dự báo đến hạn"), _("Tình trạng")]
        data = ([i.name, i.document.display_name, f"{i.get_comparator_display()} {i.target_value.normalize():f}",
                 i.unit_of_measure, i.due_date, s.latest.value if s.latest else None,
                 s.latest.period if s.latest else "", s.projected, s.status.label] for i, s in rows)
        return export("chi-tieu", _("Chỉ tiêu"), headers, data)
    return render(request, "tracking/indicator_list.html",
                  {"form": form, "unit": unit, "day": day, "page": page_of(request, rows)})


def indicator_detail(request, pk, value_form=None):
    policy = policy_for(request)
    indicator = policy.get_object_or_404(Indicator.objects.select_related("document", "owner_unit"), pk=pk)
    day = timezone.localdate()
    visible = policy.visible_units()
    unit = visible.filter(code=request.GET.get("unit")).first() if request.GET.get("unit") else None
    unit = unit or (indicator.owner_unit if visible.filter(pk=indicator.owner_unit_id).exists() else None)
    unit = unit or UnitDayForm(None, policy).chosen()[0]
    points = service.series(indicator, unit, day) if unit else []
    standing = service.standing(indicator, points, day)
    reporters = reportable_units(policy, indicator)
    context = {
        "indicator": indicator, "unit": unit, "day": day, "points": points, "standing": standing,
        "chart": charts.indicator_chart(points, indicator.target_value, indicator.due_date, standing.projected,
                                        service.baseline_point(indicator), indicator.unit_of_measure),
        "branches": [(child, child_points, service.standing(indicator, child_points, day))
                     for child, child_points in service.branches(indicator, unit, day)] if unit else [],
        "values": policy.scope(indicator.values.select_related("unit", "reported_by")).order_by("-period_end", "unit__sort_key")[:100],
        "value_form": value_form or (IndicatorValueForm(units=reporters) if reporters.exists() else None),
        "definition_form": IndicatorDefinitionForm(instance=indicator) if policy.can_change(indicator) else None,
    }
    return render(request, "tracking/indicator.html", context)


def reportable_units(policy, indicator: Indicator):
    """The reporting units the user may report values for."""
    candidates = service.reporting_units([indicator])[indicator.pk]
    allowed = [unit.pk for unit in candidates if policy.can_create_at(IndicatorValue, unit)]
    return Unit.objects.filter(pk__in=allowed).order_by("path")


@require_POST
def indicator_value(request, pk):
    policy = policy_for(request)
    indicator = policy.get_object_or_404(Indicator, pk=pk)
    units = reportable_units(policy, indicator)
    require(units.exists())
    form = IndicatorValueForm(request.POST, units=units)
    if not form.is_valid():
        return indicator_detail(request, pk, value_form=form)
    data = form.cleaned_data
    service.save_value(indicator, data["unit"], data["period"], data["value"], request.user, data["base"], data["note"])
    messages.success(request, _("Đã ghi nhận số liệu."))
    return redirect(indicator)


@require_POST
def indicator_edit(request, pk):
    policy = policy_for(request)
    indicator = policy.get_changeable_or_403(Indicator, pk=pk)
    form = IndicatorDefinitionForm(request.POST, instance=indicator)
    if form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu cách tính chỉ tiêu."))
    else:
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
    return redirect(indicator)
