"""The organisation browser: the tree loaded level by level, unit pages, search."""

import datetime

import pytest
from django.urls import reverse

from nghiquyet.organisations import services
from nghiquyet.organisations.models import Role, User


@pytest.fixture
def login(client, demo_organisation):
    def as_user(username):
        client.force_login(User.objects.get(username=username))
        return client

    return as_user


def test_the_tree_starts_at_the_users_own_units(login):
    page = login("huyenyenthe").get(reverse("organisations:tree"))
    roots = list(page.context["roots"])
    assert [unit.code for unit in roots] == ["HU-YT"] and roots[0].has_children
    province_page = login("lanhdao").get(reverse("organisations:tree"))
    assert [unit.code for unit in province_page.context["roots"]] == ["TU-BG"]


def test_an_overseeing_board_starts_at_what_it_oversees(login):
    roots = {unit.code for unit in login("bantochuc").get(reverse("organisations:tree")).context["roots"]}
    assert {"BTC-TU", "HU-YT", "HU-VY", "DU-KCQ"} <= roots and "TU-BG" not in roots


def test_children_load_one_level_at_a_time(login):
    client = login("lanhdao")
    response = client.get(reverse("organisations:children", args=["HU-YT"]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Đảng ủy xã Đồng Tâm" in html and "Chi bộ thôn Hợp Tiến" not in html  # a grandchild
    assert reverse("organisations:children", args=["X-YT-DONGTAM"]) in html  # its own expander
    leaves = client.get(reverse("organisations:children", args=["X-YT-DONGTAM-CB1"])).content.decode()
    assert "Không có đơn vị trực thuộc." in leaves


def test_children_of_an_ancestor_show_only_the_users_branch(login):
    html = login("huyenyenthe").get(reverse("organisations:children", args=["TU-BG"])).content.decode()
    assert "Huyện ủy Yên Thế" in html and "Huyện ủy Việt Yên" not in html


def test_the_unit_page_shows_names_chain_children_members_and_history(login, demo_organisation):
    services.rename(demo_organisation["X-YT-DONGTAM"], "Đảng ủy xã Đồng Tâm mới", datetime.date(2025, 1, 1))
    response = login("lanhdao").get(reverse("organisations:unit", args=["X-YT-DONGTAM"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert [unit.code for unit in response.context["ancestors"]] == ["TU-BG", "HU-YT"]
    for text in ["Đảng ủy xã Đồng Tâm mới", "Đảng ủy cơ sở", "Đảng bộ xã Đồng Tâm", "Tên cũ",
                 "Chi bộ thôn Hợp Tiến", "Cán bộ Đảng ủy xã Đồng Tâm (demo)", "Cán bộ cập nhật của đơn vị",
                 "Đổi tên", "01/01/2025"]:
        assert text in html, text


def test_a_unit_page_of_an_ancestor_hides_other_branches(login):
    response = login("xadongtam").get(reverse("organisations:unit", args=["TU-BG"]))
    assert response.status_code == 200
    assert [unit.code for unit in response.context["children"]] == ["HU-YT"]
    assert list(response.context["members"]) == []


def test_search_folds_diacritics_and_searches_aliases(login):
    client = login("lanhdao")
    for query, expected in [("dong tam", "X-YT-DONGTAM"), ("BCSĐ UBND", "BCSD-UBND"),
                            ("ban can su dang ubnd", "BCSD-UBND"), ("HU-VY", "HU-VY")]:
        codes = [unit.code for unit in client.get(reverse("organisations:tree"), {"q": query}).context["results"]]
        assert expected in codes, query


def test_search_stays_within_the_users_scope(login):
    codes = [unit.code for unit in login("huyenyenthe").get(reverse("organisations:tree"), {"q": "huyen uy"}).context["results"]]
    assert codes == ["HU-YT"]


def test_navigation_shows_every_lifecycle_area_and_marks_coming_ones(login):
    html = login("lanhdao").get(reverse("home")).content.decode()
    for label in ["Văn bản", "Học tập, quán triệt", "Kiểm tra, giám sát", "Đánh giá, xếp loại", "Tổ chức"]:
        assert label in html
    assert 'class="coming"' in html  # areas no app serves yet
    assert reverse("organisations:audit") not in html  # not an administrator
    assert reverse("organisations:audit") in login("quantri").get(reverse("home")).content.decode()


def test_units_api_is_scoped(login):
    units = login("huyenyenthe").get("/api/organisations/units").json()
    assert {unit["code"] for unit in units} >= {"HU-YT", "X-YT-DONGTAM"}
    assert "HU-VY" not in {unit["code"] for unit in units}
    assert login("huyenyenthe").get("/api/organisations/units", {"under": "HU-VY"}).status_code == 404


def test_the_administrator_role_opens_the_admin_site(client, tree, make_user):
    make_user("lanhdao", tree["province"], Role.LEADER)
    response = client.post(reverse("admin:login"), {"username": "lanhdao", "password": "mat-khau-dai-1"})
    assert "Tài khoản này không có quyền quản trị." in response.content.decode()
    make_user("quantri", tree["district_a"], Role.ADMINISTRATOR)
    response = client.post(reverse("admin:login"), {"username": "quantri", "password": "mat-khau-dai-1"})
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
