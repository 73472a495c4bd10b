"""The register: list, export, document page, corrections, downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from nghiquyet.organisations.access import MANAGERS, policy_for
from nghiquyet.text.normalize import sort_key

from ..exports import xlsx_response
from ..forms import BodyMappingForm, DocumentForm, RegisterFilterForm
from ..models import Document, ExtractedItem, Reference, SourceFile
from ..services.display import paragraphs

PAGE_SIZE = 25
EXPORT_LIMIT = 20000


def filtered_documents(request):
    policy = policy_for(request)
    documents = Document.objects.real().readable_by(policy).listing()
    form = RegisterFilterForm(request.GET or None, policy, documents)
    if form.is_bound and form.is_valid():
        documents = form.filter(documents)
    else:
        documents = documents.register_order()
    return form, documents


def index(request):
    form, documents = filtered_documents(request)
    documents = documents.select_related("issuer_unit").annotate(
        item_count=Count("items", filter=~Q(items__status=ExtractedItem.Status.REJECTED), distinct=True))
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "may_import": may_import(policy_for(request))}
    return render(request, "documents/index.html", context)


def export(request):
    _form, documents = filtered_documents(request)
    headers = [_("STT"), _("Số, ký hiệu"), _("Ngày ban hành"), _("Loại văn bản"), _("Cơ quan ban hành"),
               _("Trích yếu"), _("Người ký"), _("Mật"), _("Tình trạng")]
    rows = (
        [index, doc.symbol, doc.issued_on, doc.get_kind_display(), doc.issuer or str(doc.issuer_unit or ""),
         doc.title, doc.signer, _("Mật") if doc.secret else "", doc.get_status_display()]
        for index, doc in enumerate(documents.select_related("issuer_unit")[:EXPORT_LIMIT], start=1)
    )
    return xlsx_response("so-van-ban.xlsx", _("Sổ văn bản"), headers, rows)


def may_import(policy) -> bool:
    return policy.is_superuser or any(m.role in MANAGERS for m in policy.memberships)


def detail(request, pk):
    policy = policy_for(request)
    document = policy.get_object_or_404(Document.objects.select_related("issuer_unit", "source_file", "replaced_by"), pk=pk)
    items = list(document.items.exclude(status=ExtractedItem.Status.REJECTED).prefetch_related("lead_units"))
    cites = distinct_citations(document.references.select_related("to_document"))
    visible = set(policy.scope(Document.objects.filter(pk__in=[ref.to_document_id for ref in cites if ref.to_document_id]))
                  .values_list("pk", flat=True))
    cited_by = policy.scope(Reference.objects.filter(to_document=document)).select_related("from_document")
    can_change = policy.can_change(document)
    context = {
        "document": document,
        "paragraphs": paragraphs(document, items),
        "items": items,
        "cites": cites,
        "visible_cited": visible,
        "cited_by": cited_by.order_by("from_document__issued_on", "pk"),
        "replaced_by_visible": document.replaced_by_id and policy.can_view(document.replaced_by),
        "recipient_units": policy.scope(document.recipient_units.all()),
        "can_change": can_change,
        "downloadable": document.source_file_id and source_downloadable(policy, document.source_file),
        "unresolved": unresolved_names(document) if can_change else [],
        "mapping_form": BodyMappingForm(policy=policy) if can_change else None,
    }
    return render(request, "documents/detail.html", context)


def distinct_citations(references) -> list[Reference]:
    """One line per cited document: its first mention (usually the one saying why)."""
    seen, distinct = set(), []
    for reference in references:
        key = reference.to_document_id or (reference.symbol, reference.issued_on, reference.title)
        if key not in seen:
            seen.add(key)
            distinct.append(reference)
    return distinct


def unresolved_names(document: Document) -> list[str]:
    names = set()
    for item in document.items.filter(status=ExtractedItem.Status.PROPOSED).exclude(unresolved=[]):
        names.update(item.unresolved)
    return sorted(names, key=sort_key)


@require_http_methods(["GET", "POST"])
def edit(request, pk):
    policy = policy_for(request)
    document = policy.get_changeable_or_403(Document, pk=pk)
    form = DocumentForm(request.POST if request.method == "POST" else None, instance=document, policy=policy)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu thông tin văn bản."))
        return redirect(document)
    return render(request, "documents/edit.html", {"document": document, "form": form})


def source_downloadable(policy, source: SourceFile) -> bool:
    """A file is handed out only when the user may read every document in it:
    a compilation holding a secret document stays closed to the uncleared."""
    documents = source.documents.all()
    return policy.scope(documents).count() == documents.count()


def source_download(request, pk):
    policy = policy_for(request)
    document = policy.get_object_or_404(Document.objects.select_related("source_file"), pk=pk)
    source = document.source_file
    if source is None or not source_downloadable(policy, source):
        raise Http404
    try:
        handle = source.file.open("rb")
    except OSError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=source.filename)


def text_download(request, pk):
    """The document's own text, for readers of one part of a compilation."""
    document = policy_for(request).get_object_or_404(Document.objects.real(), pk=pk)
    response = HttpResponse(document.text, content_type="text/plain; charset=utf-8")
    name = slugify(document.symbol.replace("/", "-")) or f"van-ban-{document.pk}"
    response["Content-Disposition"] = f'attachment; filename="{name}.txt"'
    return response
