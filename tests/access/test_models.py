"""For every kind of record: outsiders are denied, the owner and the units above are not."""

import pytest
from django.http import Http404

from nghiquyet.organisations.access import RULES, AccessPolicy
from nghiquyet.organisations.models import AccessGrant, Role

from .conftest import make_sample

LABELS = sorted(RULES)
SECRET_LABELS = sorted(label for label, rule in RULES.items() if rule.secret or rule.document is not None)


def scoped(policy, obj):
    return policy.scope(type(obj)._default_manager.filter(pk=obj.pk)).exists()


@pytest.mark.parametrize("label", LABELS)
def test_a_sibling_branch_cannot_read_or_change(label, world):
    obj = make_sample(label, world.owner)
    policy = AccessPolicy(world.outsider)
    assert not scoped(policy, obj)
    assert not policy.can_view(obj)
    assert not policy.can_change(obj)
    with pytest.raises(Http404):
        policy.get_object_or_404(type(obj), pk=obj.pk)


@pytest.mark.parametrize("where", ["commune_a", "district_a", "province"])
@pytest.mark.parametrize("label", LABELS)
def test_the_owner_and_the_units_above_can_read_and_change(label, where, world, make_user):
    obj = make_sample(label, world.owner)
    rule = RULES[label]
    editor = make_user(f"editor-{where}", world.tree[where], sorted(rule.change_roles)[0], secret_clearance=True)
    policy = AccessPolicy(editor)
    assert scoped(policy, obj) and policy.can_view(obj)
    assert policy.can_change(obj)
    other_roles = sorted(set(Role) - set(rule.change_roles))
    if other_roles:
        reader = make_user(f"reader-{where}", world.tree[where], other_roles[0], secret_clearance=True)
        assert AccessPolicy(reader).can_view(obj)
        assert not AccessPolicy(reader).can_change(obj)


@pytest.mark.parametrize("label", LABELS)
def test_oversight_gives_reading_never_changing(label, world, make_user):
    inspection = world.tree["inspection"]
    AccessGrant.objects.create(grantee=inspection, target=world.tree["district_a"])
    inspector = make_user("inspector", inspection, Role.INSPECTION_OFFICER)
    for role in RULES[label].change_roles:  # even the roles that change records, held at the grantee
        inspector.memberships.create(unit=inspection, role=role)
    obj = make_sample(label, world.owner)
    policy = AccessPolicy(inspector)
    assert policy.can_view(obj)
    assert not policy.can_change(obj)


@pytest.mark.parametrize("label", LABELS)
def test_anonymous_users_see_nothing(label, world):
    from django.contrib.auth.models import AnonymousUser

    obj = make_sample(label, world.owner)
    policy = AccessPolicy(AnonymousUser())
    assert not scoped(policy, obj) and not policy.can_change(obj)


@pytest.mark.skipif(not SECRET_LABELS, reason="no model with secret records yet")
@pytest.mark.parametrize("label", SECRET_LABELS)
def test_secret_records_need_clearance(label, world, make_user):
    obj = make_sample(label, world.owner, secret=True)
    uncleared = make_user("uncleared", world.tree["district_a"], Role.LEADER)
    cleared = make_user("cleared", world.tree["district_a"], Role.LEADER, secret_clearance=True)
    assert not AccessPolicy(uncleared).can_view(obj)
    assert AccessPolicy(cleared).can_view(obj)
    assert not AccessPolicy(world.outsider).can_view(obj)
