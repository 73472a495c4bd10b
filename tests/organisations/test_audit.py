"""Every create, update and delete is recorded with who did it and the old and new values."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from nghiquyet.organisations.models import Membership, Role, Unit, User


def management(prefix, total=0, initial=0):
    return {f"{prefix}-TOTAL_FORMS": total, f"{prefix}-INITIAL_FORMS": initial,
            f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}


def entries_for(model, pk):
    return LogEntry.objects.get_for_model(model).filter(object_id=pk)


@pytest.fixture
def admin_client(client, tree, make_user):
    admin = make_user("quantri", tree["province"], Role.ADMINISTRATOR)
    client.force_login(admin)
    client.admin = admin
    return client


def unit_form(tree, kinds, **changes):
    data = {"kind": kinds["dang_uy_co_so"].pk, "parent": tree["district_a"].pk, "code": "X-MOI",
            "name": "Đảng ủy xã Mới", "short_name": "", "successor": "", "valid_from": "", "valid_to": "",
            **management("aliases")}
    return {**data, **changes}


def test_creating_changing_and_deleting_a_unit_is_logged_with_its_actor(admin_client, tree, kinds):
    response = admin_client.post(reverse("admin:organisations_unit_add"), unit_form(tree, kinds))
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = Unit.objects.get(code="X-MOI")
    created = entries_for(Unit, unit.pk).get(action=LogEntry.Action.CREATE)
    assert created.actor == admin_client.admin
    assert created.changes_dict["name"] == [None, "Đảng ủy xã Mới"]
    assert "path" not in created.changes_dict  # bookkeeping fields are left out

    url = reverse("admin:organisations_unit_change", args=[unit.pk])
    response = admin_client.post(url, unit_form(tree, kinds, name="Đảng ủy xã Mới Đổi Tên"))
    assert response.status_code == 302
    updated = entries_for(Unit, unit.pk).get(action=LogEntry.Action.UPDATE)
    assert updated.actor == admin_client.admin
    assert updated.changes_dict["name"] == ["Đảng ủy xã Mới", "Đảng ủy xã Mới Đổi Tên"]

    response = admin_client.post(reverse("admin:organisations_unit_delete", args=[unit.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Unit.objects.filter(pk=unit.pk).exists()
    deleted = entries_for(Unit, unit.pk).get(action=LogEntry.Action.DELETE)
    assert deleted.actor == admin_client.admin and deleted.object_repr == "Đảng ủy xã Mới Đổi Tên"


def test_memberships_are_logged(admin_client, tree, make_user):
    person = make_user("canbo")
    data = {"user": person.pk, "unit": tree["commune_a"].pk, "role": Role.REPORTER,
            "valid_from": "", "valid_to": ""}
    response = admin_client.post(reverse("admin:organisations_membership_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    membership = Membership.objects.get(user=person)
    url = reverse("admin:organisations_membership_change", args=[membership.pk])
    admin_client.post(url, {**data, "role": Role.LEADER, "secret_clearance": "on"})
    admin_client.post(reverse("admin:organisations_membership_delete", args=[membership.pk]), {"post": "yes"})
    actions = list(entries_for(Membership, membership.pk).order_by("timestamp").values_list("action", flat=True))
    assert actions == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE]
    update = entries_for(Membership, membership.pk).get(action=LogEntry.Action.UPDATE)
    assert update.changes_dict["role"] == [Role.REPORTER, Role.LEADER]
    assert update.changes_dict["secret_clearance"] == [False, True]
    assert {entry.actor for entry in entries_for(Membership, membership.pk)} == {admin_client.admin}


def test_users_are_logged_and_passwords_are_masked(admin_client, tree):
    data = {"username": "canbomoi", "password1": "ca-dao-tuc-ngu-77", "password2": "ca-dao-tuc-ngu-77",
            "usable_password": "true", **management("memberships", total=1),
            "memberships-0-unit": tree["commune_a"].pk, "memberships-0-role": Role.REPORTER,
            "memberships-0-valid_from": "", "memberships-0-valid_to": ""}
    response = admin_client.post(reverse("admin:organisations_user_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="canbomoi")
    created = entries_for(User, user.pk).get(action=LogEntry.Action.CREATE)
    assert created.actor == admin_client.admin
    assert "ca-dao-tuc-ngu-77" not in str(created.changes) and user.password not in str(created.changes)

    change = reverse("admin:organisations_user_change", args=[user.pk])
    membership = user.memberships.get()
    data = {"username": "canbomoi", "full_name": "Nguyễn Văn Mới", "position": "", "phone": "",
            "first_name": "", "last_name": "", "email": "", "is_active": "on",
            "date_joined_0": "01/01/2025", "date_joined_1": "08:00",
            **management("memberships", total=1, initial=1),
            "memberships-0-id": membership.pk, "memberships-0-user": user.pk,
            "memberships-0-unit": tree["commune_a"].pk, "memberships-0-role": Role.REPORTER,
            "memberships-0-valid_from": "", "memberships-0-valid_to": ""}
    response = admin_client.post(change, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    update = entries_for(User, user.pk).get(action=LogEntry.Action.UPDATE)
    assert update.changes_dict["full_name"] == ["", "Nguyễn Văn Mới"]
    admin_client.post(reverse("admin:organisations_user_delete", args=[user.pk]), {"post": "yes"})
    assert entries_for(User, user.pk).filter(action=LogEntry.Action.DELETE, actor=admin_client.admin).exists()


def test_a_district_administrator_cannot_make_a_superuser(client, tree, make_user):
    client.force_login(make_user("quantri_a", tree["district_a"], Role.ADMINISTRATOR))
    person = make_user("canbo_a", tree["commune_a"], Role.REPORTER)
    page = client.get(reverse("admin:organisations_user_change", args=[person.pk])).content.decode()
    assert 'name="is_superuser"' not in page and 'name="username"' in page


# -- the audit page --------------------------------------------------------------


def test_the_audit_page_filters_and_pages(admin_client, tree, kinds):
    for number in range(55):
        admin_client.post(reverse("admin:organisations_unit_add"),
                          unit_form(tree, kinds, code=f"X-{number}", name=f"Xã số {number}"))
    url = reverse("organisations:audit")
    response = admin_client.get(url)
    assert response.status_code == 200
    page = response.context["page"]
    assert page.paginator.count >= 55 and len(page.object_list) == 50
    assert admin_client.get(url, {"page": 2}).context["page"].number == 2
    by_object = admin_client.get(url, {"object": "Xã số 54"}).context["page"]
    assert [entry.object_repr for entry in by_object] == ["Xã số 54"]
    unit_type = by_object.object_list[0].content_type_id
    today = timezone.localdate().strftime("%d/%m/%Y")
    filtered = admin_client.get(url, {"actor": admin_client.admin.pk, "model": unit_type,
                                      "date_from": today, "date_to": today}).context["page"]
    assert filtered.paginator.count == 55
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    assert admin_client.get(url, {"date_from": tomorrow}).context["page"].paginator.count == 0
    response = admin_client.get(url, {"date_from": "31/02/2025"})
    assert response.status_code == 200 and response.context["form"].errors


def test_the_audit_page_is_for_administrators_and_scoped(client, tree, kinds, make_user):
    client.force_login(make_user("lanhdao", tree["province"], Role.LEADER))
    assert client.get(reverse("organisations:audit")).status_code == 403
    admin_b = make_user("quantri_b", tree["district_b"], Role.ADMINISTRATOR)
    Unit.objects.create(code="X-A2", name="Xã bên nhánh A", kind=kinds["dang_uy_co_so"], parent=tree["district_a"])
    Unit.objects.create(code="X-B2", name="Xã bên nhánh B", kind=kinds["dang_uy_co_so"], parent=tree["district_b"])
    client.force_login(admin_b)
    reprs = {entry.object_repr for entry in client.get(reverse("organisations:audit")).context["page"].paginator.object_list}
    assert "Xã bên nhánh B" in reprs and "Xã bên nhánh A" not in reprs
