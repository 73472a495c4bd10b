"""The reporting calendar of a unit and its subtree, year by year."""

from __future__ import annotations

import datetime

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from nghiquyet.organisations.access import policy_for

from ..forms import ReportFilterForm, default_unit
from ..services import reporting
from .common import export, page_of, wants_export


def report_calendar(request):
    policy = policy_for(request)
    form = ReportFilterForm(request.GET or None, policy, reporting.ReportState.choices)
    data = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    year = data.get("year") or today.year
    unit = policy.visible_units().filter(code=data.get("unit")).first() if data.get("unit") else default_unit(policy)
    reports = []
    if unit is not None:
        reports = reporting.reports_due(policy, unit, datetime.date(year, 1, 1), datetime.date(year, 12, 31), today)
    if data.get("state"):
        reports = [report for report in reports if report.state == data["state"]]
    if wants_export(request):
        headers = [_("Hạn báo cáo"), _("Đơn vị"), _("Báo cáo về"), _("Kỳ"), _("Văn bản"), _("Tình trạng"), _("Ngày nhận")]
        rows = ([r.day, r.unit.name, r.title, r.period, r.document.display_name, r.state.label, r.received_on]
                for r in reports)
        return export(f"lich-bao-cao-{year}", _("Lịch báo cáo"), headers, rows)
    counts = {state: sum(1 for r in reports if r.state == state) for state in reporting.ReportState}
    context = {"form": form, "unit": unit, "year": year, "page": page_of(request, reports), "counts": counts}
    return render(request, "tracking/reports.html", context)
