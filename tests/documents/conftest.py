import pytest

from nghiquyet.organisations.models import Role, Unit, UnitKind


@pytest.fixture
def units(tree, kinds):
    """The shared tree plus each district's boards, to test name resolution."""
    board_kind = UnitKind.objects.create(code="ban_huyen", name="Ban của Huyện ủy", category=UnitKind.Category.ADVISORY, level=2)
    standing = UnitKind.objects.create(code="btv", name="Ban Thường vụ", category=UnitKind.Category.STANDING, level=2)
    units = dict(tree)
    for key, district, place in (("a", tree["district_a"], "Yên Thế"), ("b", tree["district_b"], "Lục Nam")):
        units[f"propaganda_{key}"] = Unit.objects.create(code=f"BTG-{key}", name=f"Ban Tuyên giáo Huyện ủy {place}", kind=board_kind, parent=district)
        units[f"office_{key}"] = Unit.objects.create(code=f"VP-{key}", name=f"Văn phòng Huyện ủy {place}", kind=board_kind, parent=district)
        units[f"standing_{key}"] = Unit.objects.create(code=f"BTV-{key}", name=f"Ban Thường vụ Huyện ủy {place}", kind=standing, parent=district)
    return units


@pytest.fixture
def officer_a(units, make_user):
    """Tracking officer of district A (manages its documents)."""
    return make_user("officer_a", units["district_a"], Role.TRACKING_OFFICER)


@pytest.fixture
def officer_b(units, make_user):
    return make_user("officer_b", units["district_b"], Role.TRACKING_OFFICER)


@pytest.fixture
def province_officer(units, make_user):
    return make_user("province_officer", units["province"], Role.TRACKING_OFFICER, secret_clearance=True)


@pytest.fixture
def cell_reporter(units, make_user):
    return make_user("cell_reporter", units["cell_a"], Role.REPORTER)
