"""The reorganisation page: each operation through the form does what the service does."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from nghiquyet.organisations.models import Membership, Reorganisation, Role, Unit, UnitAlias

DAY = "01/07/2025"
JULY_1 = datetime.date(2025, 7, 1)


@pytest.fixture
def admin_client(client, tree, make_user):
    """An administrator of the province, so of every unit in the tree."""
    client.force_login(make_user("quantri", tree["province"], Role.ADMINISTRATOR))
    return client


def post(client, unit, operation, **data):
    fields = {f"{operation}-{name}": value for name, value in data.items()}
    return client.post(reverse("organisations:reorganise", args=[unit.code]), {"operation": operation, **fields})


def reload(unit):
    return Unit.objects.get(pk=unit.pk)


def test_the_unit_page_links_administrators_to_the_reorganise_page(admin_client, tree):
    url = reverse("organisations:reorganise", args=["X-A"])
    assert url in admin_client.get(reverse("organisations:unit", args=["X-A"])).content.decode()
    page = admin_client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert set(page.context["forms"]) == {"rename", "merge", "split", "abolish", "move"}
    assert datetime.date.today().strftime("%d/%m/%Y") in html  # the date defaults to today, dd/mm/yyyy


def test_rename_keeps_the_old_name(admin_client, tree):
    response = post(admin_client, tree["commune_a"], "rename", name="Đảng ủy xã Đồng Tâm Mới",
                    short_name="", on=DAY, decision="12-QĐ/TU")
    assert response.status_code == 302 and response["Location"] == tree["commune_a"].get_absolute_url()
    unit = reload(tree["commune_a"])
    assert unit.name == "Đảng ủy xã Đồng Tâm Mới"
    former = unit.aliases.get(kind=UnitAlias.Kind.FORMER)
    assert former.name == "Đảng ủy xã Đồng Tâm" and former.valid_to == JULY_1
    record = Reorganisation.objects.get()
    assert (record.kind, record.effective_on, record.decision) == ("rename", JULY_1, "12-QĐ/TU")
    page = admin_client.get(response["Location"]).content.decode()
    assert "Đã ghi nhận" in page and "12-QĐ/TU" in page and "Tên cũ" in page and "01/07/2025" in page


def test_merge_into_the_unit_itself(admin_client, tree):
    response = post(admin_client, tree["district_a"], "merge", units=[tree["district_b"].pk],
                    survivor=tree["district_a"].pk, on=DAY, decision="")
    assert response.status_code == 302 and response["Location"] == tree["district_a"].get_absolute_url()
    ended = reload(tree["district_b"])
    assert ended.valid_to == JULY_1 and ended.successor_id == tree["district_a"].pk
    assert reload(tree["commune_b"]).parent_id == tree["district_a"].pk
    assert Reorganisation.objects.get().kind == "merge"


def test_merge_into_a_new_unit(admin_client, tree):
    response = post(admin_client, tree["district_a"], "merge", units=[tree["district_b"].pk],
                    survivor="", new_name="Đảng ủy Yên Thế - Lục Nam", on=DAY)
    new = Unit.objects.get(name="Đảng ủy Yên Thế - Lục Nam")
    assert response["Location"] == new.get_absolute_url()
    assert new.parent_id == tree["province"].pk and new.kind == tree["district_a"].kind
    assert new.valid_from == JULY_1
    assert {u.successor_id for u in Unit.objects.filter(code__in=["HU-A", "HU-B"])} == {new.pk}
    assert set(new.children.values_list("code", flat=True)) == {"X-A", "X-B"}


def test_split_into_new_units_placing_the_children(admin_client, tree):
    commune_b = Unit.objects.create(code="X-B2", name="Đảng ủy xã Bảo Đài", kind=tree["commune_b"].kind,
                                    parent=tree["district_b"])
    fields = {f"child_{tree['commune_b'].pk}": 2, f"child_{commune_b.pk}": 1}
    response = post(admin_client, tree["district_b"], "split", names="Đảng bộ Lục Nam Bắc\n\nĐảng bộ Lục Nam Nam\n",
                    on=DAY, decision="5-QĐ/TU", **fields)
    assert response.status_code == 302 and response["Location"] == tree["province"].get_absolute_url()
    assert reload(tree["district_b"]).valid_to == JULY_1
    north, south = (Unit.objects.get(name=name) for name in ["Đảng bộ Lục Nam Bắc", "Đảng bộ Lục Nam Nam"])
    assert north.parent_id == south.parent_id == tree["province"].pk and north.kind == tree["district_b"].kind
    assert reload(tree["commune_b"]).parent_id == south.pk and reload(commune_b).parent_id == north.pk
    assert north.code != south.code and north.valid_from == JULY_1


def test_split_asks_where_each_child_goes(admin_client, tree):
    response = post(admin_client, tree["district_b"], "split", names="Bắc\nNam", on=DAY)
    assert "Chọn đơn vị mới cho đơn vị trực thuộc này." in response.content.decode()
    response = post(admin_client, tree["district_b"], "split", names="Bắc\nNam", on=DAY,
                    **{f"child_{tree['commune_b'].pk}": 3})
    assert "Chỉ có 2 đơn vị mới." in response.content.decode()
    assert reload(tree["district_b"]).is_current and not Reorganisation.objects.exists()


def test_abolish_with_and_without_a_successor(admin_client, tree, make_user):
    member = make_user("canbo", tree["commune_b"], Role.REPORTER)
    response = post(admin_client, tree["commune_b"], "abolish", successor=tree["commune_a"].pk, on=DAY)
    assert response["Location"] == tree["commune_a"].get_absolute_url()
    assert reload(tree["commune_b"]).successor_id == tree["commune_a"].pk
    assert Membership.objects.filter(user=member, unit=tree["commune_a"], role=Role.REPORTER).exists()
    post(admin_client, tree["commune_a"], "abolish", successor="", on="02/07/2025")
    assert reload(tree["commune_a"]).valid_to == datetime.date(2025, 7, 2)
    assert reload(tree["cell_a"]).valid_to == datetime.date(2025, 7, 2)  # its subtree ends with it


def test_move_places_the_subtree_under_the_new_parent(admin_client, tree):
    response = post(admin_client, tree["commune_a"], "move", parent=tree["district_b"].pk, on=DAY)
    assert response["Location"] == tree["commune_a"].get_absolute_url()
    assert reload(tree["commune_a"]).parent_id == tree["district_b"].pk
    assert reload(tree["cell_a"]).is_descendant_of(reload(tree["district_b"]))


@pytest.mark.parametrize("operation, data, message", [
    ("merge", {"units": "SELF", "survivor": "SELF"}, "Không thể hợp nhất một đơn vị với chính nó."),
    ("rename", {"name": "Tên mới", "on": "2025-07-01"}, "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy."),
    ("rename", {"name": "Tên mới", "on": "31/02/2025"}, "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy."),
    ("rename", {"name": "  "}, "Trường này là bắt buộc."),
    ("rename", {"name": "Đảng ủy xã Đồng Tâm"}, "Tên mới phải khác tên hiện tại."),  # from the service
    ("merge", {"units": "B", "new_name": ""}, "Chọn đơn vị tiếp nhận hoặc nhập tên đơn vị mới"),
    ("split", {"names": "Chỉ một đơn vị"}, "Cần ít nhất hai đơn vị mới để chia tách."),
    ("move", {"parent": "CELL"}, "Hãy chọn một lựa chọn hợp lệ"),  # its own subtree is not offered
    ("move", {"parent": "OTHER", "on": "01/01/1990"}, "không còn hiệu lực"),
])
def test_bad_input_gets_a_vietnamese_message_and_changes_nothing(admin_client, tree, operation, data, message):
    unit = tree["commune_a"]
    Unit.objects.filter(pk=unit.pk).update(valid_from=datetime.date(2000, 1, 1))
    stand_ins = {"SELF": unit.pk, "B": tree["commune_b"].pk, "CELL": tree["cell_a"].pk, "OTHER": tree["district_b"].pk}
    data = {"on": DAY, **{key: stand_ins.get(value, value) for key, value in data.items()}}
    before = list(Unit.objects.order_by("pk").values())
    response = post(admin_client, unit, operation, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(Unit.objects.order_by("pk").values()) == before
    assert not Reorganisation.objects.exists() and not UnitAlias.objects.exists()


def test_only_administrators_of_the_units_branch_may_reorganise(client, tree, make_user):
    url = reverse("organisations:reorganise", args=["X-A"])
    unit_page = reverse("organisations:unit", args=["X-A"])
    client.force_login(make_user("theodoi", tree["district_a"], Role.TRACKING_OFFICER))
    assert client.get(url).status_code == 403
    assert client.post(url, {"operation": "rename", "rename-name": "X", "rename-on": DAY}).status_code == 403
    assert url not in client.get(unit_page).content.decode()
    client.force_login(make_user("quantri-b", tree["district_b"], Role.ADMINISTRATOR))
    assert client.get(url).status_code == 404
    assert client.post(url, {"operation": "rename", "rename-name": "X", "rename-on": DAY}).status_code == 404
    assert reload(tree["commune_a"]).name == "Đảng ủy xã Đồng Tâm"


def test_the_choices_are_limited_to_the_administrators_branch(client, tree, make_user):
    client.force_login(make_user("quantri-a", tree["district_a"], Role.ADMINISTRATOR))
    form = client.get(reverse("organisations:reorganise", args=["X-A"])).context["forms"]["merge"]
    offered = set(form.fields["units"].queryset.values_list("code", flat=True))
    assert offered == {"HU-A", "X-A", "CB-A"}
    forms = client.get(reverse("organisations:reorganise", args=["X-A"])).context["forms"]
    # Nothing can go under its own subtree, nor move to where it already is.
    assert [u.code for u in forms["abolish"].fields["successor"].queryset] == ["HU-A"]
    assert not forms["move"].fields["parent"].queryset.exists()
    response = post(client, tree["commune_a"], "merge", units=[tree["commune_b"].pk], survivor=tree["commune_a"].pk,
                    on=DAY)
    assert response.status_code == 200 and reload(tree["commune_b"]).is_current


def test_the_history_shows_what_moved_where(admin_client, tree):
    post(admin_client, tree["commune_a"], "move", parent=tree["district_b"].pk, on=DAY, decision="7-QĐ/TU")
    html = admin_client.get(reverse("organisations:unit", args=["X-A"])).content.decode()
    assert "Chuyển trực thuộc" in html and "7-QĐ/TU" in html and "Chuyển X-A từ HU-A sang HU-B" in html


@pytest.fixture
def back_to_vietnamese():
    """A page served in English leaves English active in the thread."""
    yield
    translation.deactivate()


def test_the_page_is_translated_to_english(admin_client, tree, back_to_vietnamese):
    admin_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = post(admin_client, tree["commune_a"], "merge", units=[tree["commune_a"].pk],
                    survivor=tree["commune_a"].pk, on="2025-07-01")
    html = response.content.decode()
    for text in ["Reorganise", "Receiving unit", "A unit cannot be merged with itself.",
                 "Invalid date: enter it as dd/mm/yyyy."]:
        assert text in html, text
