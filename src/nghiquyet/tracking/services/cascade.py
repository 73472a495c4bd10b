"""Cascading a document (cụ thể hóa): which units owe their own plan, by when.

Accepting a "plan" assignment of a document ("các huyện ủy, thành ủy ... xây
dựng kế hoạch thực hiện, hoàn thành trong tháng 7/2021") already gives each
of its lead units a plan to issue (a task of kind "plan", see the documents
review service). Here staff add units by hand or by named group, with the
document's own deadline as the default. Assigning a unit again updates its
deadline; it never duplicates.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from nghiquyet.documents.models import Document, ExtractedItem
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Unit, UnitGroup

from ..models import PlanObligation, Task


class CascadeError(Exception):
    """Staff asked for something the policy or the data does not allow."""


def plan_items(document: Document):
    """The document's adopted assignments that ask for a plan."""
    return document.items.filter(
        type=ExtractedItem.Type.ASSIGNMENT, status__in=ExtractedItem.ADOPTED, fields__kind=Task.Kind.PLAN,
    )


def default_due_period(document: Document) -> str:
    """The deadline the document itself gives for plans ("xong trong tháng 7/2021")."""
    dues = sorted(due for due in (item.fields.get("due") for item in plan_items(document)) if due)
    return dues[0] if dues else ""


def plan_title(document: Document) -> str:
    return _("Xây dựng chương trình, kế hoạch thực hiện %(document)s") % {"document": document.display_name}


def group_members(groups: Iterable[UnitGroup], day: datetime.date) -> list[Unit]:
    return [unit for group in groups for unit in group.members(day)]


def assign(document: Document, units: Iterable[Unit], due_period: str, policy: AccessPolicy,
           note: str = "") -> list[PlanObligation]:
    """Give each unit a plan to issue by ``due_period``; all or nothing."""
    units = list({unit.pk: unit for unit in units}.values())
    if not units:
        raise CascadeError(_("Hãy chọn ít nhất một đơn vị hoặc một nhóm đơn vị."))
    refused = [unit.name for unit in units if not policy.can_create_at(PlanObligation, unit)]
    if refused:
        raise CascadeError(_("Bạn không có quyền giao cho: %(units)s.") % {"units": ", ".join(refused)})
    obligations = []
    with transaction.atomic():
        for unit in units:
            obligation = PlanObligation.objects.filter(document=document, lead_unit=unit).first()
            if obligation is None:
                obligation = PlanObligation(document=document, lead_unit=unit, title=plan_title(document),
                                            created_by=policy.user)
            obligation.due_period = due_period
            obligation.action = note or obligation.action
            obligation.full_clean(exclude=["source_item", "created_by", "plan_document", "parent"])
            obligation.save()
            obligations.append(obligation)
        document.recipient_units.add(*units)
    return obligations
