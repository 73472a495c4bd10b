"""Filing a unit's plan: upload it, or write it in the application.

Either way the plan goes through the documents pipeline: it is read, its
tasks and targets are extracted (items of the plan document, reviewed like
any document's), and it is stored as a document of the filing unit that
implements ("thực hiện") the superior document. The obligation is then done,
on the day the plan was issued, and the copy check runs.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from nghiquyet.documents.models import Document, Kind, Reference
from nghiquyet.documents.services.bodies import BodyResolver
from nghiquyet.documents.services.importing import ImportReport, read, store_result
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import UnitKind
from nghiquyet.text.errors import DocumentReadError
from nghiquyet.text.model import ParsedDocument, ParseResult
from nghiquyet.text.read import parse_text

from ..models import PlanObligation, ProgressUpdate
from . import copycheck


class FilingError(Exception):
    """Why a plan was not filed, in Vietnamese; nothing was stored."""


def file_upload(obligation: PlanObligation, data: bytes, filename: str, policy: AccessPolicy) -> Document:
    """File the uploaded plan of ``obligation``'s unit."""
    try:
        result = read(data, filename)
    except DocumentReadError as error:
        raise FilingError(str(error)) from None
    if len(result.documents) != 1:
        raise FilingError(_("Tệp “%(name)s” có %(count)s văn bản: hãy tải lên riêng chương trình, kế hoạch của đơn vị.")
                          % {"name": filename, "count": len(result.documents)})
    check_issuer(result.documents[0], obligation)
    return _store_and_attach(obligation, result, data, filename, policy)


def file_written(obligation: PlanObligation, policy: AccessPolicy, *, text: str, title: str,
                 kind: str = Kind.KE_HOACH, symbol: str = "", issued_on: datetime.date | None = None) -> Document:
    """File a plan written in the application: its text is read like an uploaded one."""
    try:
        result = parse_text(text, _("kế hoạch soạn trên hệ thống"))
    except DocumentReadError as error:
        raise FilingError(str(error)) from None
    if len(result.documents) != 1:
        raise FilingError(_("Nội dung nhập vào có dạng %(count)s văn bản riêng: hãy nhập nội dung của một kế hoạch.")
                          % {"count": len(result.documents)})
    parsed = result.documents[0]
    unit = obligation.lead_unit
    parsed.kind, parsed.title, parsed.symbol = kind, title, symbol or None
    parsed.issued_on = issued_on or timezone.localdate()
    parsed.issuer, parsed.issuer_block = unit.name, unit.name
    filename = f"{slugify(symbol.replace('/', '-')) or 'ke-hoach'}-{unit.code}.txt"
    return _store_and_attach(obligation, ParseResult([parsed], []), text.encode(), filename, policy)


def check_issuer(parsed: ParsedDocument, obligation: PlanObligation) -> None:
    """An uploaded plan whose header names another unit is not this unit's plan."""
    resolver = BodyResolver(near=obligation.lead_unit, day=parsed.issued_on)
    units = resolver.resolve(parsed.issuer_block or parsed.issuer or "").units
    if len(units) != 1:
        return  # not named in the tree: the filing unit is the issuer
    unit = units[0]
    if unit.kind.category == UnitKind.Category.STANDING and unit.parent_id:
        unit = unit.parent
    if unit.pk != obligation.lead_unit_id:
        raise FilingError(_("Văn bản tải lên do %(issuer)s ban hành, không phải của %(unit)s.")
                          % {"issuer": unit.name, "unit": obligation.lead_unit.name})


def _store_and_attach(obligation, result: ParseResult, data: bytes, filename: str, policy) -> Document:
    with transaction.atomic():
        report = store_result(result, data, filename, policy.user)
        if not report.ok:
            raise FilingError(report.message)
        plan = Document.objects.get(pk=_stored_id(report))
        attach(obligation, plan, policy)
    return plan


def _stored_id(report: ImportReport) -> int:
    return (report.created or report.updated or report.unchanged)[0]["id"]


def attach(obligation: PlanObligation, plan: Document, policy: AccessPolicy) -> None:
    """Record ``plan`` as the plan ``obligation`` asked for."""
    superior = obligation.document
    if plan.pk == superior.pk:
        raise FilingError(_("Không thể nộp chính văn bản cấp trên làm kế hoạch của đơn vị."))
    if plan.issuer_unit_id not in (None, obligation.lead_unit_id):
        raise FilingError(_("Văn bản này do %(issuer)s ban hành, không phải của %(unit)s.")
                          % {"issuer": plan.issuer_unit, "unit": obligation.lead_unit})
    if plan.issuer_unit_id is None:
        plan.issuer_unit = obligation.lead_unit
        plan.save()
    link_implements(plan, superior)
    obligation.plan_document = plan
    obligation.completed_on = plan.issued_on or timezone.localdate()
    obligation.percent = 100
    obligation.copy_share = copycheck.check(obligation).share
    obligation.version += 1
    obligation.save()
    ProgressUpdate.objects.create(
        task=obligation, percent=100, completed_on=obligation.completed_on, author=policy.user,
        task_version=obligation.version,
        narrative=_("Đã ban hành %(plan)s.") % {"plan": plan.display_name},
    )


def link_implements(plan: Document, superior: Document) -> None:
    """The plan cites the superior document as the one it implements."""
    reference = plan.references.filter(to_document=superior).first()
    if reference is None:
        Reference.objects.create(
            from_document=plan, to_document=superior, relation=Reference.Relation.THUC_HIEN,
            symbol=superior.symbol, issued_on=superior.issued_on, kind=superior.kind, title=superior.title,
        )
    elif reference.relation in (Reference.Relation.TRICH_DAN, Reference.Relation.CAN_CU):
        reference.relation = Reference.Relation.THUC_HIEN
        reference.save()
