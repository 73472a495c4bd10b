"""The demo organisation: loaded by `nghiquyet loaddemo`, twice without change, one login per role."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.demo import DEMO_PASSWORD, logins, user_specs
from nghiquyet.organisations.models import AccessGrant, Membership, Role, Unit, UnitAlias, UnitGroup, User


def counts():
    return [model.objects.count() for model in (Unit, UnitAlias, UnitGroup, AccessGrant, User, Membership)]


def test_loaddemo_prints_the_logins_and_is_idempotent(kinds):
    output = io.StringIO()
    call_command("loaddemo", stdout=output)
    first = counts()
    assert first[0] >= 60
    table = output.getvalue()
    for username, password, _role, _unit in logins():
        assert username in table
    assert DEMO_PASSWORD in table
    output = io.StringIO()
    call_command("loaddemo", stdout=output)
    assert counts() == first
    assert "0 đơn vị mới, 0 cập nhật" in output.getvalue()


def test_every_role_has_a_demo_user(demo_organisation):
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Role)
    assert Membership.objects.filter(secret_clearance=True).exists()
    reporters = Membership.objects.filter(role=Role.REPORTER).select_related("unit__kind")
    assert {m.unit.kind.level for m in reporters} >= {2, 3}  # a district and a commune


@pytest.mark.parametrize("username", [spec["username"] for spec in user_specs()])
def test_each_demo_user_logs_in_through_the_form(username, demo_organisation, client):
    response = client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_the_demo_tree_names_the_bodies_of_the_seeds(demo_organisation):
    expected = ["Tỉnh ủy Bắc Giang", "Ban Thường vụ Tỉnh ủy", "Thường trực Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh",
                "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy",
                "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy", "Trường Chính trị tỉnh",
                "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Đảng đoàn Hội đồng nhân dân tỉnh",
                "Đảng đoàn Mặt trận Tổ quốc tỉnh", "Đảng đoàn Liên đoàn Lao động tỉnh", "Thành ủy Bắc Giang",
                "Huyện ủy Lục Ngạn", "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối doanh nghiệp tỉnh",
                "Đảng ủy Quân sự tỉnh", "Đảng ủy Công an tỉnh", "Ủy ban nhân dân tỉnh Bắc Giang",
                "Sở Thông tin và Truyền thông"]
    names = set(Unit.objects.values_list("name", flat=True))
    assert [name for name in expected if name not in names] == []
    assert Unit.objects.filter(kind__code="huyen_uy").count() == 9
    assert Unit.objects.filter(kind__code="chi_bo").count() >= 5


def test_oversight_in_the_demo(demo_organisation):
    units = demo_organisation

    def sees(username, code):
        return AccessPolicy(User.objects.get(username=username)).can_view(units[code])

    assert sees("kiemtra", "X-VY-HONGTHAI-CB2")  # the inspection committee oversees the whole province
    assert sees("bantochuc", "X-YT-DONGTAM") and not sees("bantochuc", "SO-NV")
    assert not sees("lanhdaovietyen", "X-YT-DONGTAM")
    assert sees("xadongtam", "X-YT-DONGTAM-CB1") and not sees("xadongtam", "TT-YT-BOHA")
    assert not AccessPolicy(User.objects.get(username="kiemtra")).can_change(units["X-VY-HONGTHAI"])
