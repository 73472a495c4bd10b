"""A document's lineage (graph and list), links added by hand, and its force."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from nghiquyet.organisations.access import policy_for

from ..forms import DATE_INPUT
from ..models import Document, DocumentLink
from ..services.lineage import lineage as build_lineage
from ..services.lineage import svg
from ..symbols import parse_symbol, symbol_key

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]


def numbered(documents, symbol: str):
    """``documents`` numbered ``symbol``, typed as registered or in another common
    spelling ("60/KH-HU", "KH 60" for 60-KH/HU)."""
    exact = documents.filter(symbol_key=symbol_key(symbol))
    parts = parse_symbol(symbol)
    if parts is None or exact.exists():
        return exact
    # The key starts with the number: a narrow first cut, then the parts compared.
    candidates = documents.filter(symbol_key__regex=rf"^0*{parts.number}[^0-9]").values_list("pk", "symbol")
    return documents.filter(pk__in=[pk for pk, written in candidates if parts.matches(written)])


def find_document(policy, symbol: str, issued_on=None, exclude: Document | None = None) -> Document:
    """The one document the user may read with ``symbol`` (and date, when given)."""
    found = Document.objects.readable_by(policy)
    if issued_on:
        found = found.filter(issued_on=issued_on)
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    found = list(numbered(found, symbol).listing().order_by("is_placeholder", "-issued_on")[:3])
    if not found:
        raise ValidationError(_("Không tìm thấy văn bản số %(symbol)s trong sổ văn bản.") % {"symbol": symbol})
    real = [document for document in found if not document.is_placeholder]
    if len(real) > 1 or (not real and len(found) > 1):
        symbols = sorted({document.symbol for document in found})
        if len(symbols) > 1:
            raise ValidationError(
                _("Có nhiều văn bản ứng với %(symbol)s (%(found)s): hãy ghi đủ số, ký hiệu.")
                % {"symbol": symbol, "found": ", ".join(symbols)})
        raise ValidationError(_("Có nhiều văn bản số %(symbol)s: hãy ghi thêm ngày ban hành.") % {"symbol": symbol})
    return (real or found)[0]


class OtherDocumentForm(forms.Form):
    """Names another document by its number and, when needed, its date."""

    symbol = forms.CharField(label=gettext_lazy("Số, ký hiệu văn bản"), max_length=100,
                             widget=forms.TextInput(attrs={"placeholder": "57-NQ/TW"}))
    issued_on = forms.DateField(label=gettext_lazy("Ngày ban hành (khi có nhiều văn bản cùng số)"), required=False,
                                widget=DATE_INPUT, input_formats=DATE_FORMATS,
                                error_messages={"invalid": gettext_lazy("Ngày không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 08/06/2021.")})

    def __init__(self, *args, policy, document: Document, **kwargs):
        self.policy, self.document = policy, document
        super().__init__(*args, **kwargs)

    def other(self) -> Document | None:
        data = self.cleaned_data
        if not data.get("symbol"):
            return None
        try:
            return find_document(self.policy, data["symbol"], data.get("issued_on"), exclude=self.document)
        except ValidationError as error:
            self.add_error("symbol", error)
            return None


class LinkForm(OtherDocumentForm):
    UP, DOWN = "up", "down"
    direction = forms.ChoiceField(label=gettext_lazy("Chiều"), choices=[
        (UP, gettext_lazy("Văn bản này dựa trên văn bản dưới đây")),
        (DOWN, gettext_lazy("Văn bản dưới đây dựa trên văn bản này")),
    ], initial=UP)
    relation = forms.ChoiceField(label=gettext_lazy("Quan hệ"), choices=DocumentLink.Relation.choices)
    note = forms.CharField(label=gettext_lazy("Ghi chú"), max_length=255, required=False)
    field_order = ["direction", "relation", "symbol", "issued_on", "note"]

    def clean(self):
        data = super().clean()
        other = self.other()
        if other is None:
            return data
        source, target = (self.document, other) if data.get("direction") == self.UP else (other, self.document)
        if not self.policy.can_change(source):
            raise ValidationError(_("Bạn không có quyền sửa %(document)s nên không thể thêm liên kết của văn bản đó.")
                                  % {"document": source.display_name})
        if DocumentLink.objects.filter(from_document=source, to_document=target, relation=data.get("relation")).exists():
            raise ValidationError(_("Liên kết này đã có."))
        data["source"], data["target"] = source, target
        return data

    def save(self, user) -> DocumentLink:
        data = self.cleaned_data
        return DocumentLink.objects.create(from_document=data["source"], to_document=data["target"],
                                           relation=data["relation"], note=data["note"], created_by=user)


class StatusForm(OtherDocumentForm):
    """Marking a document replaced (by which document) or expired."""

    status = forms.ChoiceField(label=gettext_lazy("Tình trạng"), choices=Document.Status.choices)
    field_order = ["status", "symbol", "issued_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["symbol"].required = False
        self.fields["symbol"].label = gettext_lazy("Số, ký hiệu văn bản thay thế")

    def clean(self):
        data = super().clean()
        if data.get("status") == Document.Status.REPLACED:
            if not data.get("symbol"):
                self.add_error("symbol", _("Hãy ghi số, ký hiệu của văn bản thay thế."))
                return data
            data["replaced_by"] = self.other()
            if data["replaced_by"] is not None and data["replaced_by"].is_placeholder:
                self.add_error("symbol", _("Văn bản thay thế chưa có trong sổ văn bản: hãy nhập văn bản đó trước."))
        else:
            data["replaced_by"] = None
        return data

    def save(self) -> Document:
        document = self.document
        document.status, document.replaced_by = self.cleaned_data["status"], self.cleaned_data["replaced_by"]
        # Kept on re-import, like any correction by hand.
        document.edited_fields = sorted(set(document.edited_fields) | {"status", "replaced_by"})
        document.save()
        return document


def lineage(request, pk):
    policy = policy_for(request)
    document = policy.get_object_or_404(Document.objects.select_related("issuer_unit", "replaced_by"), pk=pk)
    return _page(request, document)


def _page(request, document: Document, link_form=None, status_form=None):
    """The lineage page; with a form that failed, its errors (answered 400)."""
    policy = policy_for(request)
    result = build_lineage(document, policy)
    can_change = policy.can_change(document)
    if status_form is None and can_change:
        initial = {"status": document.status}
        if document.replaced_by_id and policy.can_view(document.replaced_by):
            initial.update(symbol=document.replaced_by.symbol, issued_on=document.replaced_by.issued_on)
        status_form = StatusForm(policy=policy, document=document, initial=initial)
    links = list(policy.scope(DocumentLink.objects.filter(Q(from_document=document) | Q(to_document=document)))
                 .select_related("from_document", "to_document"))
    ends = {pk for link in links for pk in (link.from_document_id, link.to_document_id)}
    visible = set(Document.objects.readable_by(policy).filter(pk__in=ends).values_list("pk", flat=True))
    links = [link for link in links if {link.from_document_id, link.to_document_id} <= visible]
    context = {
        "document": document,
        "lineage": result,
        "graph": svg(result),
        "links": links,
        "removable": {link.pk for link in links if policy.can_change(link)},
        "can_change": can_change,
        "link_form": link_form or LinkForm(policy=policy, document=document),
        "status_form": status_form,
    }
    failed = link_form is not None or (status_form is not None and status_form.is_bound)
    return render(request, "documents/lineage.html", context, status=400 if failed else 200)


@require_POST
def link_add(request, pk):
    policy = policy_for(request)
    document = policy.get_object_or_404(Document, pk=pk)
    form = LinkForm(request.POST, policy=policy, document=document)
    if not form.is_valid():
        return _page(request, document, link_form=form)
    with transaction.atomic():
        link = form.save(request.user)
    messages.success(request, _("Đã thêm liên kết: %(link)s.") % {"link": link})
    return redirect(reverse("documents:lineage", args=[document.pk]))


@require_POST
def link_delete(request, pk):
    policy = policy_for(request)
    link = policy.get_changeable_or_403(DocumentLink.objects.select_related("from_document", "to_document"), pk=pk)
    ends = {link.from_document_id, link.to_document_id}
    back = request.POST.get("back")
    back = int(back) if back and back.isdigit() and int(back) in ends else link.from_document_id
    link.delete()
    messages.success(request, _("Đã xóa liên kết."))
    return redirect(reverse("documents:lineage", args=[back]))


@require_POST
def mark_status(request, pk):
    policy = policy_for(request)
    document = policy.get_changeable_or_403(Document, pk=pk)
    form = StatusForm(request.POST, policy=policy, document=document)
    if not form.is_valid():
        return _page(request, document, status_form=form)
    form.save()
    messages.success(request, _("Đã cập nhật tình trạng: %(status)s.") % {"status": document.get_status_display()})
    return redirect(reverse("documents:lineage", args=[document.pk]))
