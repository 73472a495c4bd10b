"""Reorganisations of the tree: rename, merge, split, abolish, move.

Each operation runs in one transaction and is recorded as a
``Reorganisation``. Units are never deleted: an ended unit keeps its place in
the tree, its names and its records, with ``valid_to`` set, so old records
still point to the unit as it was (``Unit.name_on(day)``,
``Unit.objects.valid_on(day)``). A successor receives an ``AccessGrant``
(reason "succession") on each unit it replaces, so its people see the history
they inherit, and the roles held at an ended unit move to its successor.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import (
    PATH_STEP,
    AccessGrant,
    Membership,
    Reorganisation,
    Unit,
    UnitAlias,
    UnitKind,
    ancestor_ids,
    valid_on_q,
)


@dataclass
class NewUnit:
    """A unit a merge or split creates; ``parent`` defaults to the old unit's parent."""

    code: str
    name: str
    kind: UnitKind
    parent: Unit | None = None
    short_name: str = ""


# -- the operations ---------------------------------------------------------


@transaction.atomic
def rename(unit: Unit, new_name: str, on: datetime.date, *, short_name: str | None = None,
           decision: str = "", note: str = "") -> Reorganisation:
    """Give ``unit`` a new name from ``on``; the old name stays as a dated former name."""
    _require_current(unit, on)
    new_name = new_name.strip()
    if not new_name or new_name == unit.name:
        raise ValidationError(_("Tên mới phải khác tên hiện tại."))
    old_name, old_short = unit.name, unit.short_name
    _keep_name(unit, old_name, UnitAlias.Kind.FORMER, _name_since(unit), on)
    if short_name is not None and old_short and short_name != old_short:
        _keep_name(unit, old_short, UnitAlias.Kind.SHORT, None, on)
    unit.name = new_name
    if short_name is not None:
        unit.short_name = short_name
    unit.save()
    record = _record(Reorganisation.Kind.RENAME, on, [unit], [unit], decision, note,
                     details={"renamed": {"from": old_name, "to": new_name}})
    return record


@transaction.atomic
def merge(units: list[Unit], on: datetime.date, *, into: Unit | None = None,
          new: NewUnit | None = None, decision: str = "", note: str = "") -> Reorganisation:
    """Merge ``units`` into an existing unit (``into``) or a ``new`` one, from ``on``.

    The merged units end on ``on``; their current children move under the
    target, their people's roles move to it.
    """
    if (into is None) == (new is None):
        raise ValidationError(_("Chọn đơn vị tiếp nhận hoặc khai báo đơn vị mới."))
    units = [unit for unit in units if into is None or unit.pk != into.pk]
    if len(units) < (1 if into else 2):
        raise ValidationError(_("Cần ít nhất hai đơn vị để hợp nhất."))
    for unit in units:
        _require_current(unit, on)
    _require_unrelated(units + ([into] if into else []))
    target = into or _create(new, on, default_parent=units[0].parent)
    moved = []
    for unit in units:
        moved += _move_children(unit, target, on)
        _end(unit, on, successor=target)
    return _record(Reorganisation.Kind.MERGE, on, units, [target], decision, note, moved=moved)


@transaction.atomic
def split(unit: Unit, on: datetime.date, *, into: list[NewUnit],
          children: dict[str, str] | None = None, decision: str = "",
          note: str = "") -> Reorganisation:
    """Split ``unit`` into new units from ``on``.

    ``children`` maps the code of each current child to the code of the new
    unit it goes to; every child must be placed. Roles at the split unit end:
    an administrator assigns people to the new units.
    """
    _require_current(unit, on)
    if len(into) < 2:
        raise ValidationError(_("Cần ít nhất hai đơn vị mới để chia tách."))
    children = children or {}
    current_children = list(unit.children.filter(valid_on_q(on)))
    unplaced = [child.code for child in current_children if child.code not in children]
    if unplaced:
        raise ValidationError(
            _("Chưa chỉ định đơn vị mới cho các đơn vị trực thuộc: %(codes)s.")
            % {"codes": ", ".join(unplaced)}
        )
    new_units = {spec.code: _create(spec, on, default_parent=unit.parent) for spec in into}
    unknown = sorted(set(children.values()) - set(new_units))
    if unknown:
        raise ValidationError(
            _("Không có đơn vị mới mã: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    moved = [_move(child, new_units[children[child.code]]) for child in current_children]
    _end(unit, on, successor=None, transfer_roles=False)
    for successor in new_units.values():
        _grant_succession(successor, unit, on)
    return _record(Reorganisation.Kind.SPLIT, on, [unit], list(new_units.values()),
                   decision, note, moved=moved)


@transaction.atomic
def abolish(unit: Unit, on: datetime.date, *, successor: Unit | None = None,
            decision: str = "", note: str = "") -> Reorganisation:
    """End ``unit`` on ``on``.

    With a successor, its current children move there and so do the roles of
    its people; without one, its whole current subtree ends with it.
    """
    _require_current(unit, on)
    moved = []
    if successor is not None:
        if successor.is_descendant_of(unit):
            raise ValidationError(_("Đơn vị kế thừa không thể là cấp dưới của đơn vị bị giải thể."))
        moved = _move_children(unit, successor, on)
        _end(unit, on, successor=successor)
    else:
        for descendant in unit.descendants(include_self=True).filter(valid_on_q(on)).order_by("-depth"):
            _end(descendant, on, successor=None)
    after = [successor] if successor else []
    return _record(Reorganisation.Kind.ABOLISH, on, [unit], after, decision, note, moved=moved)


@transaction.atomic
def move(unit: Unit, new_parent: Unit, on: datetime.date, *, decision: str = "",
         note: str = "") -> Reorganisation:
    """Place ``unit`` (and its subtree) under ``new_parent`` from ``on``."""
    _require_current(unit, on)
    if new_parent.pk == unit.parent_id:
        raise ValidationError(_("Đơn vị đã trực thuộc đơn vị này."))
    if new_parent.is_descendant_of(unit):
        raise ValidationError(_("Không thể đặt đơn vị làm cấp dưới của chính nó."))
    moved = [_move(unit, new_parent)]
    return _record(Reorganisation.Kind.MOVE, on, [unit], [unit], decision, note, moved=moved)


# -- helpers -----------------------------------------------------------------


def _require_current(unit: Unit, on: datetime.date) -> None:
    if not unit.is_valid_on(on):
        raise ValidationError(
            _("Đơn vị %(name)s không còn hiệu lực vào ngày %(day)s.")
            % {"name": unit.name, "day": on.strftime("%d/%m/%Y")}
        )


def _require_unrelated(units: list[Unit]) -> None:
    for unit in units:
        for other in units:
            if unit.pk != other.pk and unit.is_descendant_of(other):
                raise ValidationError(
                    _("%(child)s là cấp dưới của %(parent)s: không thể sắp xếp cùng nhau.")
                    % {"child": unit.name, "parent": other.name}
                )


def _name_since(unit: Unit) -> datetime.date | None:
    """When the current name started: the end of the last former name, or the unit's start."""
    last = unit.aliases.filter(kind=UnitAlias.Kind.FORMER).order_by("-valid_to").first()
    return last.valid_to if last else unit.valid_from


def _keep_name(unit, name, kind, valid_from, valid_to) -> None:
    alias = UnitAlias(unit=unit, name=name)
    existing = unit.aliases.filter(key=UnitAlias.key_for(name)).first()
    alias = existing or alias
    alias.kind, alias.valid_from, alias.valid_to = kind, valid_from, valid_to
    alias.save()


def _create(spec: NewUnit, on: datetime.date, *, default_parent: Unit | None) -> Unit:
    if Unit.objects.filter(code=spec.code).exists():
        raise ValidationError(_("Mã %(code)s đã được dùng.") % {"code": spec.code})
    unit = Unit(code=spec.code, name=spec.name, short_name=spec.short_name, kind=spec.kind,
                parent=spec.parent or default_parent, valid_from=on)
    unit.full_clean()
    unit.save()
    return unit


def _move(unit: Unit, new_parent: Unit) -> dict:
    """Move ``unit`` under ``new_parent``; returns the line for the record's details."""
    line = {"unit": unit.code, "from": unit.parent.code if unit.parent_id else None,
            "to": new_parent.code}
    unit.parent = new_parent
    unit.save()
    return line


def _move_children(unit: Unit, new_parent: Unit, on: datetime.date) -> list[dict]:
    return [_move(child, new_parent) for child in unit.children.filter(valid_on_q(on))]


def _end(unit: Unit, on: datetime.date, *, successor: Unit | None, transfer_roles: bool = True) -> None:
    unit.valid_to = on
    unit.successor = successor
    unit.save()
    for membership in Membership.objects.filter(unit=unit).filter(valid_on_q(on)):
        if successor is not None and transfer_roles:
            Membership.objects.get_or_create(
                user=membership.user, unit=successor, role=membership.role,
                defaults={"secret_clearance": membership.secret_clearance, "valid_from": on},
            )
        membership.valid_to = on
        membership.save()
    for grant in AccessGrant.objects.filter(grantee=unit).filter(valid_on_q(on)):
        grant.valid_to = on
        grant.save()
    if successor is not None:
        _grant_succession(successor, unit, on)


def _grant_succession(successor: Unit, predecessor: Unit, on: datetime.date) -> None:
    AccessGrant.objects.get_or_create(
        grantee=successor, target=predecessor, reason=AccessGrant.Reason.SUCCESSION,
        defaults={"include_subtree": True, "valid_from": on},
    )


def common_ancestor(units: list[Unit]) -> Unit | None:
    """The lowest unit whose subtree holds all ``units`` (None across separate trees)."""
    paths = [unit.path for unit in units]
    prefix = paths[0]
    for path in paths[1:]:
        length = 0
        while length < min(len(prefix), len(path)) and prefix[length] == path[length]:
            length += 1
        prefix = prefix[: length - length % PATH_STEP]
    ids = ancestor_ids(prefix)
    return Unit.objects.get(pk=ids[-1]) if ids else None


def _record(kind, on, before, after, decision, note, *, moved=(), details=None) -> Reorganisation:
    # Whoever sees every unit involved (and the old and new parents of moved ones) sees the record.
    codes = {line[end] for line in moved for end in ("unit", "from", "to") if line[end]}
    involved = list(Unit.objects.filter(pk__in=[unit.pk for unit in [*before, *after]]))
    involved += list(Unit.objects.filter(code__in=codes))
    within = common_ancestor(involved) or involved[-1]
    details = dict(details or {})
    if moved:
        details["moved"] = list(moved)
    record = Reorganisation.objects.create(
        kind=kind, effective_on=on, within=within, decision=decision, note=note, details=details
    )
    record.before.set(before)
    record.after.set(after)
    record.moved.set(Unit.objects.filter(code__in=[line["unit"] for line in moved]))
    return record
