"""Samples and routes of the organisation models for the generic permission suite."""

import datetime

from nghiquyet.organisations.models import (
    AccessGrant,
    Membership,
    Reorganisation,
    Role,
    UnitAlias,
    UnitGroup,
    User,
)
from tests.access.registry import route, sample


@sample("organisations.Unit")
def unit(unit, secret=False):
    return unit


@sample("organisations.UnitAlias")
def alias(unit, secret=False):
    return UnitAlias.objects.create(unit=unit, name=f"Tên khác của {unit.code}")


@sample("organisations.UnitGroup")
def group(unit, secret=False):
    return UnitGroup.objects.create(code=f"nhom-{unit.code.lower()}", name=f"Nhóm dưới {unit.code}", anchor=unit)


@sample("organisations.Reorganisation")
def reorganisation(unit, secret=False):
    return Reorganisation.objects.create(kind=Reorganisation.Kind.MOVE, within=unit,
                                         effective_on=datetime.date(2025, 7, 1))


@sample("organisations.Membership")
def membership(unit, secret=False):
    user = User.objects.create_user(f"member-{unit.code.lower()}", password="mat-khau-dai-1")
    return Membership.objects.create(user=user, unit=unit, role=Role.REPORTER)


@sample("organisations.AccessGrant")
def grant(unit, secret=False):
    return AccessGrant.objects.create(grantee=unit, target=unit, reason=AccessGrant.Reason.GRANT)


@sample("organisations.User")
def user(unit, secret=False):
    return membership(unit).user


route("organisations:unit", "organisations.Unit", lambda unit: {"code": unit.code})
route("organisations:children", "organisations.Unit", lambda unit: {"code": unit.code})
route("organisations:reorganise", "organisations.Unit", lambda unit: {"code": unit.code})
