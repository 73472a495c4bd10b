"""Reviewing what the extractor found: accept, edit, reject, add, map names.

Actions answer htmx requests with the updated item card, and plain requests
with a redirect to the review page, so the screen works without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nghiquyet.organisations.access import policy_for

from ..forms import ITEM_FORMS, BodyMappingForm
from ..models import Document, ExtractedItem
from ..services import review as service


def _changeable_document(request, pk) -> Document:
    policy = policy_for(request)
    document = policy.get_changeable_or_403(Document.objects.real(), pk=pk)
    return document


def _changeable_item(request, pk) -> ExtractedItem:
    policy = policy_for(request)
    item = policy.get_changeable_or_403(ExtractedItem.objects.select_related("document"), pk=pk)
    return item


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def review(request, pk):
    policy = policy_for(request)
    document = policy.get_object_or_404(Document.objects.real().select_related("issuer_unit"), pk=pk)
    items = document.items.prefetch_related("lead_units", "partner_units").select_related("report_to_unit", "reviewed_by")
    groups = [(label, [item for item in items if item.type == value]) for value, label in ExtractedItem.Type.choices]
    threshold = service.auto_accept_threshold()
    context = {
        "document": document,
        "groups": groups,
        "can_change": policy.can_change(document),
        "threshold": threshold,
        "confident": sum(1 for item in items if item.status == ExtractedItem.Status.PROPOSED and item.confidence >= threshold),
        "item_types": ExtractedItem.Type.choices,
    }
    return render(request, "documents/review.html", context)


def _card(request, item: ExtractedItem, error: str = ""):
    item.refresh_from_db()
    return render(request, "documents/_item_card.html", {"item": item, "can_change": True, "error": error})


def _answer(request, item: ExtractedItem, error: str = "", done: str = ""):
    if _is_htmx(request):
        return _card(request, item, error)
    if error:
        messages.error(request, error)
    elif done:
        messages.success(request, done)
    return redirect(reverse("documents:review", args=[item.document_id]) + f"#item-{item.pk}")


@require_POST
def accept(request, pk):
    item = _changeable_item(request, pk)
    try:
        service.accept(item, policy_for(request))
    except service.ReviewError as error:
        return _answer(request, item, error=str(error))
    return _answer(request, item, done=_("Đã chấp nhận."))


@require_POST
def reject(request, pk):
    item = _changeable_item(request, pk)
    service.reject(item, policy_for(request))
    return _answer(request, item, done=_("Đã loại."))


@require_http_methods(["GET", "POST"])
def edit(request, pk):
    item = _changeable_item(request, pk)
    policy = policy_for(request)
    form_class = ITEM_FORMS[item.type]
    if request.method == "POST":
        form = form_class(request.POST, policy=policy, item=item)
        if form.is_valid():
            try:
                service.edit(item, form.contract(), policy, **form.units())
            except service.ReviewError as error:
                form.add_error(None, str(error))
            else:
                return _answer(request, item, done=_("Đã lưu và chấp nhận."))
    else:
        form = form_class(initial=form_class.initial_from(item), policy=policy, item=item)
    template = "documents/_item_form.html" if _is_htmx(request) else "documents/item_form.html"
    return render(request, template, {"item": item, "document": item.document, "form": form})


@require_http_methods(["GET", "POST"])
def add(request, pk):
    document = _changeable_document(request, pk)
    policy = policy_for(request)
    item_type = request.POST.get("type") or request.GET.get("type") or ExtractedItem.Type.TARGET
    if item_type not in ITEM_FORMS:
        item_type = ExtractedItem.Type.TARGET
    form_class = ITEM_FORMS[item_type]
    form = form_class(request.POST if request.method == "POST" else None, policy=policy)
    if request.method == "POST" and form.is_valid():
        try:
            item = service.add(document, item_type, form.contract(), policy, quote=form.cleaned_data["quote"], **form.units())
        except service.ReviewError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã thêm mục mới."))
            return redirect(reverse("documents:review", args=[document.pk]) + f"#item-{item.pk}")
    context = {"document": document, "form": form, "item_type": item_type,
               "type_label": ExtractedItem.Type(item_type).label, "item_types": ExtractedItem.Type.choices}
    return render(request, "documents/item_form.html", context)


@require_POST
def accept_confident(request, pk):
    document = _changeable_document(request, pk)
    accepted, skipped = service.accept_confident(document, policy_for(request))
    messages.success(request, _("Đã chấp nhận %(count)d mục có độ tin cậy cao.") % {"count": accepted})
    for reason in skipped:
        messages.warning(request, reason)
    return redirect("documents:review", pk=document.pk)


@require_POST
def map_body(request, pk):
    document = _changeable_document(request, pk)
    policy = policy_for(request)
    form = BodyMappingForm(request.POST, policy=policy)
    if not form.is_valid():
        for error in form.errors.get("__all__", []) or [_("Dữ liệu không hợp lệ.")]:
            messages.error(request, error)
        return redirect(document)
    data = form.cleaned_data
    if not service.may_map_to(policy, unit=data["unit"], group=data["group"]):
        raise PermissionDenied
    count = service.map_body(data["name"], policy, unit=data["unit"], group=data["group"], not_a_body=data["not_a_body"])
    messages.success(request, _("Đã ghi nhận “%(name)s”; cập nhật %(count)d mục.") % {"name": data["name"], "count": count})
    return redirect(document)
