"""Staff review of extracted items, and what an accepted item becomes.

Accepting (or editing, or adding) an item makes it real for tracking: a
target becomes an ``Indicator``, an assignment one ``Task`` per lead unit, a
review a ``ReviewMilestone``. The units given work are added to the
document's recipients so they can read it. Rejecting an item removes what it
had become. Every step is a model save, so the audit log records it.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nghiquyet.organisations.access import MANAGERS, AccessPolicy
from nghiquyet.organisations.models import Unit
from nghiquyet.reviews.models import ReviewMilestone
from nghiquyet.text.normalize import match_key
from nghiquyet.tracking.models import Indicator, Task

from ..models import BodyMapping, Document, ExtractedItem
from .bodies import BodyResolver, document_names
from .importing import resolve_item_bodies

Status = ExtractedItem.Status
Type = ExtractedItem.Type


class ReviewError(Exception):
    """An item that cannot be adopted as it stands; the message says what to fix."""


def auto_accept_threshold() -> float:
    return float(getattr(settings, "NGHIQUYET_AUTO_ACCEPT_CONFIDENCE", 0.9))


def owner_unit(document: Document, policy: AccessPolicy) -> Unit:
    """Who follows a document's targets and reviews: its issuer, or for a
    document from outside the tree, the reviewing user's own top unit."""
    if document.issuer_unit_id:
        return document.issuer_unit
    managed = [m.unit for m in policy.memberships if m.role in MANAGERS]
    if not managed:
        raise ReviewError(_("Văn bản chưa có đơn vị ban hành trong cây tổ chức: hãy chọn đơn vị ban hành trước."))
    return min(managed, key=lambda unit: unit.depth)


# -- the review actions -------------------------------------------------------


def accept(item: ExtractedItem, policy: AccessPolicy, status: str = Status.ACCEPTED) -> None:
    check_adoptable(item)
    with transaction.atomic():
        item.status, item.reviewed_by, item.reviewed_at = status, policy.user, timezone.now()
        item.save()
        materialise(item, policy)


def reject(item: ExtractedItem, policy: AccessPolicy) -> None:
    with transaction.atomic():
        for related in (item.tasks.all(), item.indicators.all(), item.review_milestones.all()):
            for record in related:
                record.delete()
        item.status, item.reviewed_by, item.reviewed_at = Status.REJECTED, policy.user, timezone.now()
        item.save()


def edit(item: ExtractedItem, fields: dict, policy: AccessPolicy, lead_units=None, partner_units=None,
         report_to_unit=None) -> None:
    """Staff's version of an item replaces the extractor's, and is adopted."""
    with transaction.atomic():
        item.fields = {**item.fields, **fields}
        if item.type == Type.ASSIGNMENT:
            item.report_to_unit = report_to_unit
            item.set_unresolved([])
            item.save()
            item.lead_units.set(lead_units or [])
            item.partner_units.set(partner_units or [])
        status = Status.ADDED if item.status == Status.ADDED else Status.EDITED
        accept(item, policy, status=status)


def add(document: Document, item_type: str, fields: dict, policy: AccessPolicy, quote: str = "",
        **units) -> ExtractedItem:
    """An item the extractor missed, written by staff."""
    start = document.text.find(quote) if quote else -1
    item = ExtractedItem(
        document=document, type=item_type, fields={}, quote=quote, confidence=1.0, status=Status.ADDED,
        start=max(start, 0), end=start + len(quote) if start >= 0 else 0,
        line=document.line_at(start) or 0 if start >= 0 else 0,
    )
    with transaction.atomic():
        item.save()
        edit(item, fields, policy, **units)
    return item


def accept_confident(document: Document, policy: AccessPolicy, threshold: float | None = None) -> tuple[int, list[str]]:
    """Accept every proposed item at or above ``threshold``; the others stay
    for staff. Returns how many were accepted and why others were skipped."""
    threshold = auto_accept_threshold() if threshold is None else threshold
    accepted, skipped = 0, []
    with transaction.atomic():
        for item in document.items.filter(status=Status.PROPOSED, confidence__gte=threshold):
            try:
                accept(item, policy)
            except ReviewError as error:
                skipped.append(f"{_('Dòng')} {item.line}: {error}")
            else:
                accepted += 1
    return accepted, skipped


def check_adoptable(item: ExtractedItem) -> None:
    if item.type == Type.ASSIGNMENT and not item.lead_units.exists():
        names = ", ".join(item.fields.get("lead") or []) or _("(không rõ)")
        raise ReviewError(_("Chưa xác định được đơn vị chủ trì “%(names)s”: hãy sửa mục này và chọn đơn vị.") % {"names": names})
    if item.type == Type.TARGET and item.fields.get("value") is None:
        raise ReviewError(_("Chỉ tiêu chưa có giá trị: hãy sửa mục này."))
    if item.type == Type.REVIEW and not item.fields.get("due"):
        raise ReviewError(_("Chưa có thời hạn sơ kết, tổng kết: hãy sửa mục này."))


# -- what an adopted item becomes -------------------------------------------------


def materialise(item: ExtractedItem, policy: AccessPolicy) -> None:
    {Type.TARGET: make_indicator, Type.ASSIGNMENT: make_tasks, Type.REVIEW: make_milestone}[item.type](item, policy)


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def make_indicator(item: ExtractedItem, policy: AccessPolicy) -> None:
    fields = item.fields
    baseline = fields.get("baseline") or {}
    values = {
        "document": item.document, "name": (fields.get("indicator") or item.quote)[:500],
        "scope": (fields.get("scope") or "")[:255], "unit_of_measure": (fields.get("unit") or "")[:100],
        "comparator": fields.get("comparator") or Indicator.Comparator.EQ,
        "target_value": _decimal(fields.get("value")), "target_value_max": _decimal(fields.get("value_max")),
        "due_period": fields.get("deadline") or "", "recurrence": fields.get("recurrence") or "",
        "baseline_value": _decimal(baseline.get("value")),
        "baseline_year": int(baseline["year"]) if baseline.get("year") else None,
    }
    indicator = item.indicators.first()
    if indicator is None:
        indicator = Indicator(source_item=item, owner_unit=owner_unit(item.document, policy), created_by=policy.user)
    _save_with(indicator, values)


def make_tasks(item: ExtractedItem, policy: AccessPolicy) -> None:
    fields = item.fields
    action = fields.get("action") or item.quote
    lead_units = list(item.lead_units.all())
    partners = list(item.partner_units.all())
    values = {
        "document": item.document, "title": short_title(action), "action": action,
        "kind": fields.get("kind") or Task.Kind.IMPLEMENT,
        "lead_text": ", ".join(fields.get("lead") or [])[:255],
        "due_period": fields.get("due") or "", "recurrence": fields.get("recurrence") or "",
        "report_to": (fields.get("report_to") or "")[:255], "report_to_unit": item.report_to_unit,
    }
    existing = {task.lead_unit_id: task for task in item.tasks.all()}
    for unit in lead_units:
        task = existing.pop(unit.pk, None) or Task(source_item=item, lead_unit=unit, created_by=policy.user)
        _save_with(task, values)
        task.partner_units.set(partners)
    for task in existing.values():  # lead units staff removed
        task.delete()
    item.document.recipient_units.add(*lead_units, *partners)


def make_milestone(item: ExtractedItem, policy: AccessPolicy) -> None:
    due = item.fields.get("due")
    values = {
        "document": item.document, "kind": item.fields.get("kind") or ReviewMilestone.Kind.SO_KET,
        "due_period": "" if due == "annual" else due, "recurrence": "annual" if due == "annual" else "",
    }
    milestone = item.review_milestones.first()
    if milestone is None:
        milestone = ReviewMilestone(source_item=item, unit=owner_unit(item.document, policy), created_by=policy.user)
    _save_with(milestone, values)


def _save_with(record, values: dict) -> None:
    for name, value in values.items():
        setattr(record, name, value)
    try:
        record.full_clean(exclude=["source_item", "created_by"])
    except ValidationError as error:
        raise ReviewError(" ".join(error.messages)) from None
    record.save()


def short_title(action: str, limit: int = 200) -> str:
    """A task's name: its action up to the first clause break, within ``limit``."""
    action = " ".join(action.split())
    if len(action) <= limit:
        return action
    cut = action.rfind(" ", 0, limit)
    return action[: cut if cut > 0 else limit].rstrip(",;:") + "…"


# -- body names ----------------------------------------------------------------------


def map_body(name: str, policy: AccessPolicy, unit=None, group=None, not_a_body: bool = False) -> int:
    """Record what a body name means, then re-resolve every proposed item that
    named it. Returns how many items were updated."""
    key = match_key(name)
    with transaction.atomic():
        mapping = BodyMapping.objects.filter(key=key).first() or BodyMapping(name=name, created_by=policy.user)
        mapping.unit, mapping.group, mapping.not_a_body = unit, group, not_a_body
        mapping.full_clean()
        mapping.save()
        items = ExtractedItem.objects.filter(unresolved_keys__contains=f"|{key}|", status=Status.PROPOSED)
        items = items.select_related("document__issuer_unit")
        names = document_names()
        count = 0
        for item in items:
            resolver = BodyResolver(near=item.document.issuer_unit, day=item.document.issued_on, names=names)
            resolve_item_bodies(item, resolver)
            count += 1
    return count


def may_map_to(policy: AccessPolicy, unit=None, group=None) -> bool:
    """Naming a unit for everyone needs a managing role at that unit or above."""
    target = unit or (group.anchor if group is not None else None)
    if target is None:
        return policy.is_superuser or bool(policy.roles_at_roots() & MANAGERS)
    return policy.has_role(target, MANAGERS)
