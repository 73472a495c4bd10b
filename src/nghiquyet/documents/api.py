"""JSON API of the register: documents and their extracted items, scoped
by the access policy like every page."""

from __future__ import annotations

import datetime

from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from nghiquyet.organisations.access import policy_for
from nghiquyet.text.normalize import fold

from .models import Document, ExtractedItem, Reference

router = Router(tags=["documents"])


class DocumentOut(Schema):
    id: int
    kind: str
    symbol: str
    issued_on: datetime.date | None
    issuer: str
    issuer_unit: str | None
    title: str
    signer: str
    signer_position: str
    secret: bool
    status: str
    is_placeholder: bool
    url: str

    @staticmethod
    def resolve_issuer_unit(document):
        return document.issuer_unit.code if document.issuer_unit_id else None

    @staticmethod
    def resolve_url(document):
        return document.get_absolute_url()


class ReferenceOut(Schema):
    relation: str
    symbol: str
    issued_on: datetime.date | None
    line: int
    document_id: int | None


class DocumentDetailOut(DocumentOut):
    dissemination: str
    recipients: list[str]
    first_line: int | None
    last_line: int | None
    outline: list
    references: list[ReferenceOut]

    @staticmethod
    def resolve_recipients(document):
        return document.recipient_lines

    @staticmethod
    def resolve_references(document):
        return document.visible_references


class ItemOut(Schema):
    id: int
    type: str
    status: str
    confidence: float
    line: int
    start: int
    end: int
    quote: str
    fields: dict
    lead_units: list[str]
    partner_units: list[str]
    unresolved: list[str]


@router.get("/", response=list[DocumentOut])
@paginate(LimitOffsetPagination)
def list_documents(request, kind: str | None = None, year: int | None = None, q: str | None = None,
                   placeholders: bool = False):
    """Documents the user may read, newest first; ``q`` matches symbol, title, issuer."""
    documents = Document.objects.readable_by(policy_for(request)).listing().select_related("issuer_unit")
    if not placeholders:
        documents = documents.filter(is_placeholder=False)
    if kind:
        documents = documents.filter(kind=kind)
    if year:
        documents = documents.filter(issued_on__year=year)
    for word in fold(q or "").split():
        documents = documents.filter(folded__contains=word)
    return documents.register_order()


@router.get("/{document_id}", response=DocumentDetailOut)
def get_document(request, document_id: int):
    policy = policy_for(request)
    document = policy.get_object_or_404(Document.objects.select_related("issuer_unit"), pk=document_id)
    visible = set(policy.scope(Document.objects.filter(cited_by__from_document=document)).values_list("pk", flat=True))
    # Citations of documents the user may not open keep their symbol, lose their link.
    document.visible_references = [
        ReferenceOut(relation=ref.relation, symbol=ref.symbol, issued_on=ref.issued_on, line=ref.line,
                     document_id=ref.to_document_id if ref.to_document_id in visible else None)
        for ref in Reference.objects.filter(from_document=document)
    ]
    return document


@router.get("/{document_id}/items", response=list[ItemOut])
def list_items(request, document_id: int, type: str | None = None, status: str | None = None):
    policy = policy_for(request)
    document = policy.get_object_or_404(Document, pk=document_id)
    items = policy.scope(ExtractedItem.objects.filter(document=document)).prefetch_related("lead_units", "partner_units")
    if type:
        items = items.filter(type=type)
    if status:
        items = items.filter(status=status)
    return [
        ItemOut(id=item.pk, type=item.type, status=item.status, confidence=item.confidence, line=item.line,
                start=item.start, end=item.end, quote=item.quote, fields=item.fields,
                lead_units=[unit.code for unit in item.lead_units.all()],
                partner_units=[unit.code for unit in item.partner_units.all()], unresolved=item.unresolved)
        for item in items
    ]
