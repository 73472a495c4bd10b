"""Every model of ours is covered by the policy, and the suite knows how to test it."""

from django.apps import apps

from nghiquyet.organisations.access import RULES, UNSCOPED, crosses_many
from nghiquyet.organisations.models import Unit

from . import registry


def our_models():
    return [model for model in apps.get_models() if model._meta.app_config.name.startswith("nghiquyet.")]


def test_every_model_of_ours_has_a_rule_or_is_declared_unscoped():
    undeclared = [m._meta.label for m in our_models() if m._meta.label not in RULES and m._meta.label not in UNSCOPED]
    assert undeclared == [], (
        "Add a Rule to RULES (or a reason to UNSCOPED) in nghiquyet/organisations/access.py for: "
        + ", ".join(undeclared)
    )
    assert not set(RULES) & set(UNSCOPED)


def test_models_pointing_at_unit_data_have_a_rule():
    scoped = {apps.get_model(label) for label in RULES} | {Unit}
    offenders = []
    for model in our_models():
        for field in model._meta.get_fields():
            if field.concrete and field.is_relation and field.related_model in scoped:
                if model._meta.label not in RULES:
                    offenders.append(f"{model._meta.label}.{field.name}")
    assert offenders == []


def test_every_rule_reaches_a_unit_and_has_a_sample():
    for label, rule in RULES.items():
        model = apps.get_model(label)
        for lookup in [rule.unit, *rule.also_units]:
            target = model
            for name in filter(None, lookup.split("__")):
                target = target._meta.get_field(name).related_model
            if rule.document is None:
                assert target is Unit, f"{label}: '{lookup}' does not lead to a Unit"
        if rule.secret:
            crosses_many(model, rule.secret)  # a field, or a lookup to one ("document__secret")
        crosses_many(model, rule.unit)  # raises on a misspelt lookup
        assert label in registry.SAMPLES, f"{label}: add a sample factory in tests/<app>/access_samples.py"


def test_every_registered_route_names_a_ruled_model():
    for route in registry.ROUTES.values():
        assert route.model in RULES, route
