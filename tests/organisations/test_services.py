"""Reorganisations keep history: old records still point to the unit as it was."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from nghiquyet.organisations import services
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import (
    AccessGrant,
    Membership,
    Reorganisation,
    Role,
    Unit,
    UnitAlias,
)

BEFORE = datetime.date(2024, 12, 31)
REFORM = datetime.date(2025, 7, 1)
AFTER = datetime.date(2025, 8, 1)


def codes(queryset):
    return set(queryset.values_list("code", flat=True))


def fresh(unit):
    return Unit.objects.get(pk=unit.pk)


def test_rename_keeps_the_former_name_as_a_dated_alias(tree):
    board = tree["board"]
    record = services.rename(board, "Ban Tổ chức - Nội vụ Tỉnh ủy", REFORM, decision="QĐ 1")
    board = fresh(board)
    assert board.name == "Ban Tổ chức - Nội vụ Tỉnh ủy"
    assert board.name_on(BEFORE) == "Ban Tổ chức Tỉnh ủy"
    assert board.name_on(AFTER) == "Ban Tổ chức - Nội vụ Tỉnh ủy"
    former = board.aliases.get(kind=UnitAlias.Kind.FORMER)
    assert (former.name, former.valid_to) == ("Ban Tổ chức Tỉnh ủy", REFORM)
    assert record.kind == Reorganisation.Kind.RENAME
    assert list(board.reorganisations()) == [record]


def test_two_renames_give_each_period_its_name(tree):
    board = tree["board"]
    services.rename(board, "Tên thứ hai", datetime.date(2020, 1, 1))
    services.rename(fresh(board), "Tên thứ ba", datetime.date(2023, 1, 1))
    board = fresh(board)
    assert board.name_on(datetime.date(2019, 6, 1)) == "Ban Tổ chức Tỉnh ủy"
    assert board.name_on(datetime.date(2021, 6, 1)) == "Tên thứ hai"
    assert board.name_on(datetime.date(2024, 6, 1)) == "Tên thứ ba"


def test_rename_to_the_same_name_is_refused(tree):
    with pytest.raises(ValidationError):
        services.rename(tree["board"], "Ban Tổ chức Tỉnh ủy", REFORM)
    assert not Reorganisation.objects.exists()


def test_merge_into_a_new_unit(tree, kinds, make_user):
    a, b = tree["district_a"], tree["district_b"]
    reporter = make_user("reporter_a", a, Role.REPORTER)
    record = services.merge(
        [a, b], REFORM,
        new=services.NewUnit(code="HU-AB", name="Huyện ủy Yên Thế - Lục Nam", kind=kinds["huyen_uy"]),
    )
    merged = Unit.objects.get(code="HU-AB")
    a, b = fresh(a), fresh(b)
    assert (a.valid_to, a.successor, b.successor) == (REFORM, merged, merged)
    assert merged.parent == tree["province"] and merged.valid_from == REFORM
    # The communes now belong to the merged district; the old districts stay where they were.
    assert codes(merged.children.all()) == {"X-A", "X-B"}
    assert codes(Unit.objects.valid_on(BEFORE).filter(parent=tree["province"])) >= {"HU-A", "HU-B"}
    assert codes(Unit.objects.valid_on(AFTER).filter(parent=tree["province"])) == {"BTC", "UBKT", "HU-AB"}
    assert codes(record.before) == {"HU-A", "HU-B"} and codes(record.after) == {"HU-AB"}
    assert {line["unit"] for line in record.details["moved"]} == {"X-A", "X-B"}
    assert record.within == tree["province"]
    # The reporter's role moved with the unit; they still see the old district's records.
    assert Membership.objects.get(user=reporter, unit=merged).role == Role.REPORTER
    assert not Membership.objects.get(user=reporter, unit=a).is_valid_on(AFTER)
    policy = AccessPolicy(reporter, day=AFTER)
    assert policy.can_view(a) and policy.can_view(tree["cell_a"]) and policy.can_view(b)


def test_merge_into_an_existing_unit(tree):
    a, b = tree["district_a"], tree["district_b"]
    record = services.merge([a], REFORM, into=b)
    assert fresh(a).successor == b
    assert codes(fresh(b).children.all()) == {"X-A", "X-B"}
    assert AccessGrant.objects.filter(grantee=b, target=a, reason=AccessGrant.Reason.SUCCESSION).exists()
    assert codes(record.after) == {"HU-B"}


def test_merge_refuses_a_unit_with_its_own_child(tree):
    with pytest.raises(ValidationError):
        services.merge([tree["district_a"]], REFORM, into=tree["commune_a"])
    assert fresh(tree["district_a"]).valid_to is None


def test_split_places_every_child(tree, kinds):
    a = tree["district_a"]
    specs = [services.NewUnit("HU-A1", "Huyện ủy A1", kinds["huyen_uy"]),
             services.NewUnit("HU-A2", "Huyện ủy A2", kinds["huyen_uy"])]
    with pytest.raises(ValidationError, match="X-A"):
        services.split(a, REFORM, into=specs)
    assert not Unit.objects.filter(code__startswith="HU-A1").exists()  # nothing half-done
    record = services.split(a, REFORM, into=specs, children={"X-A": "HU-A2"})
    assert fresh(tree["commune_a"]).parent.code == "HU-A2"
    assert fresh(a).valid_to == REFORM and fresh(a).successor is None
    assert codes(record.after) == {"HU-A1", "HU-A2"}
    assert AccessGrant.objects.filter(target=a, reason=AccessGrant.Reason.SUCCESSION).count() == 2


def test_abolish_with_a_successor_moves_the_children(tree, make_user):
    """The 2025 reform: districts end and their communes come under the province."""
    a, province = tree["district_a"], tree["province"]
    services.abolish(a, REFORM, successor=province)
    assert fresh(tree["commune_a"]).parent == province
    assert fresh(tree["cell_a"]).depth == 3
    assert not fresh(a).is_valid_on(AFTER) and fresh(a).is_valid_on(BEFORE)


def test_abolish_without_a_successor_ends_the_whole_subtree(tree, make_user):
    a = tree["district_a"]
    user = make_user("in_cell", tree["cell_a"])
    services.abolish(a, REFORM)
    assert codes(Unit.objects.subtree_of(a).valid_on(AFTER)) == set()
    assert codes(Unit.objects.subtree_of(a).valid_on(BEFORE)) == {"HU-A", "X-A", "CB-A"}
    assert not Membership.objects.get(user=user).is_valid_on(AFTER)


def test_move_records_where_from_and_where_to(tree):
    commune = tree["commune_a"]
    record = services.move(commune, tree["district_b"], REFORM)
    assert record.details["moved"] == [{"unit": "X-A", "from": "HU-A", "to": "HU-B"}]
    assert fresh(tree["cell_a"]).path.startswith(fresh(tree["district_b"]).path)
    with pytest.raises(ValidationError):
        services.move(fresh(tree["district_b"]), fresh(tree["cell_a"]), REFORM)


def test_an_ended_unit_cannot_be_reorganised_again(tree):
    services.abolish(tree["district_a"], REFORM)
    with pytest.raises(ValidationError, match="không còn hiệu lực"):
        services.rename(fresh(tree["district_a"]), "Tên khác", AFTER)


def test_history_is_visible_only_within_its_scope(tree, make_user):
    services.move(tree["commune_a"], tree["district_b"], REFORM)
    record = Reorganisation.objects.get()
    assert AccessPolicy(make_user("p", tree["province"])).can_view(record)
    assert AccessPolicy(make_user("b", tree["district_b"])).can_view(record) is False  # within = province
    assert AccessPolicy(make_user("x", tree["commune_b"])).can_view(record) is False
