"""Bulk entry by Excel template: progress of tasks, values of indicators."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from nghiquyet.documents.exports import XLSX
from nghiquyet.organisations.access import policy_for
from nghiquyet.organisations.models import Unit, subtree_q

from ..forms import UnitDayForm, UploadSheetForm
from ..models import ProgressUpdate, Task
from ..services import spreadsheets


def _download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def reportable_tasks(policy, unit: Unit):
    """Open tasks in ``unit``'s subtree whose progress the user may report."""
    tasks = policy.scope(Task.objects.work().filter(subtree_q(unit.path, "lead_unit__"), completed_on=None))
    lead_units = Unit.objects.filter(pk__in=tasks.values("lead_unit"))
    allowed = [lead.pk for lead in lead_units if policy.can_create_at(ProgressUpdate, lead)]
    return tasks.filter(lead_unit__in=allowed).select_related("lead_unit").order_by("lead_unit__sort_key", "next_due", "pk")


def _bulk(request, template_name: str, make_template, import_rows, filename: str):
    policy = policy_for(request)
    chooser = UnitDayForm(request.GET or None, policy)
    unit, day = chooser.chosen()
    if request.method == "GET" and request.GET.get("mau") and unit is not None:
        return _download(make_template(policy, unit, day), filename)
    form = UploadSheetForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = import_rows(form.cleaned_data["file"].read(), policy)
        if result.ok:
            messages.success(request, _("Đã lưu %(count)d dòng.") % {"count": result.saved})
            return redirect(request.get_full_path())
    return render(request, template_name, {"chooser": chooser, "unit": unit, "form": form, "result": result})


@require_http_methods(["GET", "POST"])
def bulk_progress(request):
    return _bulk(
        request, "tracking/bulk_progress.html",
        lambda policy, unit, day: spreadsheets.progress_template(reportable_tasks(policy, unit)),
        lambda data, policy: spreadsheets.import_progress(data, policy, timezone.localdate()),
        "mau-cap-nhat-tien-do.xlsx",
    )


def _values_template(policy, unit, day) -> bytes:
    slots = spreadsheets.value_slots(policy, unit, day)
    return spreadsheets.values_template(slots, spreadsheets.existing_values(slots))


@require_http_methods(["GET", "POST"])
def bulk_values(request):
    return _bulk(request, "tracking/bulk_values.html", _values_template, spreadsheets.import_values,
                 "mau-so-lieu-chi-tieu.xlsx")
