from types import SimpleNamespace

import pytest

from nghiquyet.organisations.models import Membership, Role

from . import registry

registry.load_all()


@pytest.fixture
def world(tree, make_user):
    """Records are owned by a commune of branch A; the outsider is in branch B.

    The outsider holds every role at their district, with secret clearance:
    whatever they still cannot see is denied by scope, not by role.
    """
    outsider = make_user("outsider", tree["district_b"], Role.ADMINISTRATOR, secret_clearance=True)
    for role in Role:
        Membership.objects.get_or_create(user=outsider, unit=tree["district_b"], role=role,
                                         defaults={"secret_clearance": True})
    return SimpleNamespace(tree=tree, outsider=outsider, owner=tree["commune_a"])


def make_sample(label, unit, secret=False):
    try:
        factory = registry.SAMPLES[label]
    except KeyError:
        pytest.fail(f"{label} has an access rule but no sample factory: add one in tests/<app>/access_samples.py")
    return factory(unit, secret=secret)
