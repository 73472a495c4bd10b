"""Cascading a document to units, filing plans, the copy check, the plans list."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Case, F, IntegerField, Value, When
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nghiquyet.documents.models import Document
from nghiquyet.organisations.access import policy_for

from ..forms import AssignForm, PlanFilterForm, PlanUploadForm, PlanWriteForm
from ..models import PlanObligation
from ..services import cascade, copycheck, plans
from ..status import PLAN_LABELS, SEVERITY, Status
from .common import export, page_of, require, wants_export


@require_http_methods(["GET", "POST"])
def assign(request, pk):
    policy = policy_for(request)
    document = policy.get_object_or_404(Document.objects.real(), pk=pk)
    day = timezone.localdate()
    initial = {"due_period": cascade.default_due_period(document)}
    form = AssignForm(request.POST or None, policy=policy, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        units = [*data["units"], *cascade.group_members(data["groups"], day)]
        try:
            assigned = cascade.assign(document, units, data["due_period"], policy, note=data["note"])
        except cascade.CascadeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã giao %(count)d đơn vị cụ thể hóa văn bản.") % {"count": len(assigned)})
            return redirect("tracking:assign", pk=document.pk)
    obligations = policy.scope(PlanObligation.objects.filter(document=document)).with_status(day)
    context = {"document": document, "form": form, "day": day,
               "obligations": obligations.select_related("lead_unit", "plan_document").order_by("lead_unit__sort_key")}
    return render(request, "tracking/assign.html", context)


def _obligation(request, pk) -> PlanObligation:
    return policy_for(request).get_object_or_404(
        PlanObligation.objects.select_related("document", "lead_unit", "plan_document"), pk=pk)


def plan(request, pk, upload_form=None):
    policy = policy_for(request)
    obligation = _obligation(request, pk)
    day = timezone.localdate()
    can_file = policy.can_change(obligation)
    context = {
        "obligation": obligation, "day": day, "status_label": obligation.status_label_on(day),
        "status": obligation.status_on(day), "can_file": can_file,
        "upload_form": upload_form or (PlanUploadForm() if can_file else None),
        "history": obligation.updates.select_related("author")[:20],
        "plan_visible": obligation.plan_document_id and policy.can_view(obligation.plan_document),
        "plan_items": obligation.plan_document.items.count() if obligation.plan_document_id else 0,
    }
    return render(request, "tracking/plan.html", context)


@require_POST
def plan_upload(request, pk):
    policy = policy_for(request)
    obligation = _obligation(request, pk)
    require(policy.can_change(obligation))
    form = PlanUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            filed = plans.file_upload(obligation, upload.read(), upload.name, policy)
        except plans.FilingError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("Đã nhận %(plan)s.") % {"plan": filed.display_name})
            return redirect(obligation)
    return plan(request, pk, upload_form=form)


@require_http_methods(["GET", "POST"])
def plan_write(request, pk):
    policy = policy_for(request)
    obligation = _obligation(request, pk)
    require(policy.can_change(obligation))
    form = PlanWriteForm(request.POST or None, initial={"issued_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            filed = plans.file_written(obligation, policy, **form.cleaned_data)
        except plans.FilingError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("Đã lưu %(plan)s.") % {"plan": filed.display_name})
            return redirect(obligation)
    return render(request, "tracking/plan_write.html", {"obligation": obligation, "form": form})


def plan_copy(request, pk):
    """The copy check, side by side, against what the user may read."""
    policy = policy_for(request)
    obligation = _obligation(request, pk)
    report = copycheck.check(obligation, policy)
    return render(request, "tracking/plan_copy.html", {"obligation": obligation, "report": report})


# -- the list -----------------------------------------------------------------------------------


def filtered_plans(request):
    policy = policy_for(request)
    obligations = policy.scope(PlanObligation.objects.all())
    documents = policy.scope(Document.objects.filter(pk__in=obligations.values("document"))).register_order()
    form = PlanFilterForm(request.GET or None, policy, documents)
    day = form.as_of
    obligations = form.filter(obligations.with_status(day), words="lead_unit__name")
    return form, day, sort_plans(obligations, form.value("sort")).select_related("lead_unit", "document", "plan_document")


def severity_order():
    return Case(*[When(status=status, then=Value(rank)) for status, rank in SEVERITY.items()], output_field=IntegerField())


def sort_plans(obligations, sort):
    if sort == "status":
        return obligations.annotate(severity=severity_order()).order_by("severity", "due_date", "pk")
    if sort == "unit":
        return obligations.order_by("lead_unit__sort_key", "due_date", "pk")
    if sort == "copy":
        return obligations.order_by(F("copy_share").desc(nulls_last=True), "pk")
    return obligations.order_by(F("due_date").asc(nulls_last=True), "lead_unit__sort_key", "pk")


def plan_list(request):
    form, day, obligations = filtered_plans(request)
    if wants_export(request):
        headers = [_("Đơn vị"), _("Văn bản cấp trên"), _("Hạn ban hành"), _("Tình trạng"), _("Kế hoạch đã ban hành"),
                   _("Ngày ban hành"), _("Tỷ lệ sao chép")]
        rows = ([o.lead_unit.name, o.document.display_name, o.due_date, str(PLAN_LABELS[Status(o.status)]),
                 o.plan_document.display_name if o.plan_document else "", o.completed_on,
                 round(o.copy_share * 100) if o.copy_share is not None else ""] for o in obligations)
        return export("ke-hoach", _("Cụ thể hóa"), headers, rows)
    context = {"form": form, "day": day, "page": page_of(request, obligations), "labels": PLAN_LABELS}
    return render(request, "tracking/plan_list.html", context)
