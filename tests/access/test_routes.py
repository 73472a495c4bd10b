"""Every URL pattern is either public on purpose or closed to anonymous users, and every
route showing a record answers 404 (or 403) to users outside that record's scope.

The patterns come from the URL resolver, so a new route cannot escape: one with URL
arguments must be registered in ``registry.ROUTES`` (see registry.py).
"""

import re

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import URLResolver, get_resolver, reverse

from nghiquyet.organisations.access import RULES, UNSCOPED
from nghiquyet.organisations.models import Role

from . import registry
from .conftest import make_sample

# Reachable without logging in, on purpose.
PUBLIC = {"login", "healthz", "set_language", "admin:login"}
DENIED = {403, 404}


def url_patterns(patterns=None, namespace="", prefix=""):
    """(qualified name or None, route text, argument names) of every pattern."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from url_patterns(pattern.url_patterns, inner, prefix + str(pattern.pattern))
        else:
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield name, prefix + str(pattern.pattern), sorted(pattern.pattern.regex.groupindex)


def example_path(route: str) -> str:
    """A concrete path for a pattern, with made-up arguments."""
    path = re.sub(r"<(?:\w+:)?(\w+)>", "1", route)
    path = re.sub(r"\(\?P<\w+>([^|)]+)[^)]*\)", r"\1", path)  # (?P<app_label>auth|...) -> auth
    path = path.replace(".*", "khong-co").replace("^", "").replace("$", "")
    return "/" + path


ALL = list(url_patterns())
OBJECT_ROUTES = [(name, route, args) for name, route, args in ALL if args and name and not name.startswith("admin:")]


def test_the_resolver_was_walked():
    names = {name for name, _route, _args in ALL}
    assert {"home", "organisations:unit", "admin:organisations_unit_change", "api:list_units"} <= names


@pytest.mark.parametrize("name, route, args", ALL, ids=[f"{n or '-'} {r}" for n, r, _ in ALL])
def test_anonymous_users_are_sent_to_log_in(name, route, args, client, db):
    if name in PUBLIC:
        pytest.skip("public on purpose")
    response = client.get(example_path(route))
    assert response.status_code == 302, route
    assert response["Location"].startswith((reverse("login"), reverse("admin:login"))), route


def test_every_object_route_is_registered():
    missing = [name for name, _route, _args in OBJECT_ROUTES if name not in registry.ROUTES]
    assert missing == [], "register these routes in tests/<app>/access_samples.py: " + ", ".join(missing)


@pytest.mark.parametrize("name", sorted(registry.ROUTES))
def test_object_routes_deny_users_outside_the_scope(name, world, client, make_user):
    route = registry.ROUTES[name]
    obj = make_sample(route.model, world.owner)
    url = reverse(name, kwargs=route.kwargs(obj))
    client.force_login(world.outsider)
    assert client.get(url).status_code in DENIED | {405}, url
    assert client.post(url, {}).status_code in DENIED | {405}, url
    assert type(obj)._default_manager.filter(pk=obj.pk).exists()
    # The same URL works for someone above the owner: the denial above is about scope.
    insider = make_user("insider", world.tree["province"], sorted(RULES[route.model].change_roles)[0],
                        secret_clearance=True)
    client.force_login(insider)
    assert client.get(url).status_code not in DENIED, url


def admin_object_routes():
    """(URL name, model) of every admin page about one record."""
    for name, _route, args in ALL:
        if not (name and name.startswith("admin:") and args in (["object_id"], ["id"])):
            continue
        if name == "admin:auth_user_password_change":
            yield name, apps.get_model("organisations.User")
            continue
        app_model = name.removeprefix("admin:").rsplit("_", 1)[0]
        for model in apps.get_models():
            if f"{model._meta.app_label}_{model._meta.model_name}" == app_model:
                yield name, model


ADMIN_ROUTES = list(admin_object_routes())


@pytest.mark.parametrize("name, model", ADMIN_ROUTES, ids=[name for name, _m in ADMIN_ROUTES])
def test_admin_pages_deny_administrators_of_another_branch(name, model, world, client, make_user):
    label = model._meta.label
    args = ["id"] if name == "admin:auth_user_password_change" else ["object_id"]
    client.force_login(world.outsider)  # an administrator, of district B
    if label in UNSCOPED:
        pytest.skip("shared reference data")
    if label not in RULES:  # third-party bookkeeping: superusers only
        assert client.get(reverse(name, kwargs={args[0]: 1})).status_code != 200
        return
    obj = make_sample(label, world.owner)
    url = reverse(name, kwargs={args[0]: obj.pk})
    assert client.get(url).status_code != 200, url
    if name.endswith("_delete"):
        client.post(url, {"post": "yes"})
        assert model._default_manager.filter(pk=obj.pk).exists()
    # The record's own admin page opens for an administrator above it: the denial is about scope.
    client.force_login(make_user("province-admin", world.tree["province"], Role.ADMINISTRATOR))
    change_url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    assert client.get(change_url).status_code == 200, change_url


@pytest.mark.parametrize("label", sorted(RULES))
def test_view_on_site_does_not_reveal_records_of_another_branch(label, world, client):
    obj = make_sample(label, world.owner)
    content_type = ContentType.objects.get_for_model(obj)
    client.force_login(world.outsider)
    url = reverse("admin:view_on_site", kwargs={"content_type_id": content_type.pk, "object_id": obj.pk})
    assert client.get(url).status_code == 404


ADMIN_MODELS = sorted({model._meta.label for _name, model in ADMIN_ROUTES} & set(RULES))


@pytest.mark.parametrize("label", ADMIN_MODELS)
def test_admin_lists_leave_out_records_of_another_branch(label, world, client, make_user):
    obj = make_sample(label, world.owner)
    model = type(obj)
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    change_url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    client.force_login(world.outsider)
    response = client.get(changelist)
    assert response.status_code == 200 and change_url not in response.content.decode()
    client.force_login(make_user("province-admin", world.tree["province"], Role.ADMINISTRATOR))
    assert change_url in client.get(changelist).content.decode()
