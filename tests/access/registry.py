"""The permission test registry: a sample of every model, the routes that show one.

The generic suite in this folder proves, for every model in
``organisations.access.RULES`` and every URL pattern, that people outside a
record's scope cannot read or change it. It only needs to know how to make a
record and how to reach it. Each app registers that in
``tests/<app>/access_samples.py`` (imported automatically):

    from tests.access.registry import route, sample

    @sample("documents.Document")
    def document(unit, secret=False):
        # a saved record owned by ``unit`` (secret when asked and the model has a secret flag)
        return Document.objects.create(issuer_unit=unit, secret=secret, ...)

    route("documents:detail", "documents.Document", lambda document: {"pk": document.pk})

A route with URL arguments that is not registered makes the suite fail, and
so does a model in RULES without a sample.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SAMPLES: dict[str, Callable] = {}
ROUTES: dict[str, "Route"] = {}


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    model: str  # the label of the model whose record the URL shows
    kwargs: Callable  # sample instance -> URL kwargs


def sample(label: str):
    def register(factory):
        SAMPLES[label] = factory
        return factory

    return register


def route(name: str, model: str, kwargs: Callable) -> None:
    ROUTES[name] = Route(name, model, kwargs)


def load_all() -> None:
    """Import every tests/<app>/access_samples.py."""
    tests_dir = Path(__file__).resolve().parent.parent
    for module in pkgutil.iter_modules([str(tests_dir)]):
        if module.ispkg and (tests_dir / module.name / "access_samples.py").exists():
            importlib.import_module(f"tests.{module.name}.access_samples")
