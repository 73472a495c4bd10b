"""Demo data: the Bắc Giang provincial Party organisation of 2020-2021 and one user per role.

The tree, groups, oversight grants and users are data (``organisation.json``);
the tree goes through the same import as an Excel file. Loading twice changes
nothing (``nghiquyet loaddemo`` is idempotent).
"""

import json
from pathlib import Path

from django.contrib.auth.password_validation import validate_password
from django.core.management.base import CommandError

from ..kinds import ensure_standard_kinds
from ..models import AccessGrant, Membership, Role, Unit, UnitGroup, UnitKind, User
from ..spreadsheet import import_rows

DATA = Path(__file__).with_name("organisation.json")
# One easy password for every demo login; it passes the password validators.
DEMO_PASSWORD = "nghiquyet-demo"


def load(command, options) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    ensure_standard_kinds(UnitKind)
    rows = [{"line": number, **row} for number, row in enumerate(data["units"], start=1)]
    result = import_rows(rows)
    if not result.ok:
        raise CommandError("\n".join(result.errors))
    units = {unit.code: unit for unit in Unit.objects.filter(code__in=[row["code"] for row in rows])}
    for group in data["groups"]:
        load_group(group, units)
    for grant in data["grants"]:
        AccessGrant.objects.get_or_create(
            grantee=units[grant["grantee"]], target=units[grant["target"]],
            reason=AccessGrant.Reason.OVERSIGHT, defaults={"note": grant["note"]},
        )
    for user in data["users"]:
        load_user(user, units)
    command.stdout.write(
        f"Tổ chức: {result.created} đơn vị mới, {result.updated} cập nhật, {result.unchanged} giữ nguyên; "
        f"{len(data['groups'])} nhóm, {len(data['users'])} người dùng."
    )


def load_group(spec: dict, units: dict[str, Unit]) -> None:
    group, _created = UnitGroup.objects.update_or_create(
        code=spec["code"],
        defaults={"name": spec["name"], "anchor": units[spec["anchor"]],
                  "whole_subtree": spec["whole_subtree"], "aliases": "\n".join(spec["aliases"])},
    )
    group.kinds.set(UnitKind.objects.filter(code__in=spec["kinds"]))


def load_user(spec: dict, units: dict[str, Unit]) -> None:
    user = User.objects.filter(username=spec["username"]).first()
    if user is None:
        user = User(username=spec["username"], full_name=spec["full_name"], position=spec["position"])
        validate_password(DEMO_PASSWORD, user)
        user.set_password(DEMO_PASSWORD)
        user.save()
    Membership.objects.get_or_create(
        user=user, unit=units[spec["unit"]], role=spec["role"],
        defaults={"secret_clearance": spec["secret_clearance"]},
    )


def logins() -> list[tuple[str, str, str, str]]:
    """(login, password, role, unit) of every demo user, for the table ``loaddemo`` prints."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    names = dict(Unit.objects.filter(code__in=[u["unit"] for u in data["users"]]).values_list("code", "name"))
    rows = []
    for spec in data["users"]:
        role = str(Role(spec["role"]).label) + (" · mật" if spec["secret_clearance"] else "")
        rows.append((spec["username"], DEMO_PASSWORD, role, names.get(spec["unit"], spec["unit"])))
    return rows
