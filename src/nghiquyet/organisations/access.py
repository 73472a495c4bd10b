"""The permission policy. Every view, API endpoint and export asks it.

Extending it (other apps)
-------------------------
- A new model that holds unit data: add ``"app.Model": Rule(...)`` to
  ``RULES`` below (see ``Rule``). A model of our apps that deliberately holds
  no unit data (reference lists) goes in ``UNSCOPED`` with the reason.
  ``tests/access`` fails for any model of ours that is in neither.
- Then give it a sample factory and its routes in the permission test
  registry (``tests/access/registry.py``; put them in
  ``tests/<app>/access_samples.py``, found automatically): the generic
  suite then proves denial for it and for every one of its routes.
- In views: ``policy = policy_for(request)``, then ``policy.scope(queryset)``,
  ``policy.get_object_or_404(Model, pk=...)``, ``policy.get_changeable_or_403(...)``,
  ``policy.can_change(obj)``,
  ``policy.can_create_at(Model, unit)``. Never filter by unit by hand.

Roles (``Role``; held at a unit, they reach that unit's whole subtree)
---------------------------------------------------------------------
==================  ==========================================================
administrator       the tree (units, names, groups, grants) and the users and
                    roles of their subtree; the audit log and the admin site
leader              the records of their subtree (documents, plans, tasks,
                    reviews, ratings: the rules added by later apps)
tracking_officer    same as leader: keeps the records of their subtree
inspection_officer  reads what their unit oversees (``AccessGrant``), changes
                    only inspection records when that app grants it
reporter            their unit's progress reports and indicator values (later
                    apps list ``Role.REPORTER`` in those rules' change_roles)
==================  ==========================================================

Reading:
- a user sees the records of the units in their *scope*: the subtree of every
  unit where they hold a role, plus the subtrees granted to those units
  (``AccessGrant``: oversight by advisory boards and the inspection committee,
  or an explicit grant). Nobody sees a sibling branch otherwise.
- leadership documents flow down: a unit also sees the non-secret documents
  issued by the units above it, and documents addressed or assigned to it.
- secret (Mật) documents, and everything derived from them, need a
  membership with ``secret_clearance`` at the issuing unit or an ancestor, or
  at a unit the document is addressed to.
- documents whose issuer is not in the tree (Central bodies, other provinces,
  and placeholders of documents only cited so far) are read like documents
  of the root: every member of the tree may read them, secret ones only with
  a clearance; they are changed by the managing roles held at a root unit.
  Records derived from them (items, references, tasks) follow the same rule.
- superusers see everything.

Changing: a user may change a record when they hold one of the roles the
record's kind allows at the record's unit or at a unit above it (and, for a
record tied to several units, at every one of them). Grants never give the
right to change.

Each kind of record is described once in ``RULES`` below: which field ties it
to a unit, which field marks it secret, which roles may change it. Apps never
filter by unit themselves; they call ``policy.scope(queryset)`` and
``policy.can_change(obj)``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_

from django.apps import apps
from django.db import connection
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from .models import AccessGrant, Membership, Role, Unit, ancestor_ids, subtree_q, valid_on_q

ADMINISTRATORS = frozenset({Role.ADMINISTRATOR})

MANAGERS = {Role.ADMINISTRATOR, Role.LEADER, Role.TRACKING_OFFICER}
# Who reports progress and indicator values: the managers and the unit's reporters.
REPORTERS = frozenset(MANAGERS | {Role.REPORTER})


@dataclass(frozen=True)
class Rule:
    """How one kind of record is tied to the tree.

    ``unit`` is the lookup from the record to its owning ``Unit`` ("" for Unit
    itself); it may cross a to-many relation (a user's ``memberships__unit``).
    ``also_units`` are further unit lookups that make the record
    visible (partners, recipients). ``document`` is the lookup to a leadership
    document whose visibility the record inherits ("" for a document itself);
    ``secret`` a boolean field that hides the record from users without
    clearance; ``downward`` lets units below the owner read it.
    """

    unit: str
    also_units: tuple[str, ...] = ()
    document: str | None = None
    secret: str | None = None
    downward: bool = False
    change_roles: frozenset[str] = field(default_factory=lambda: frozenset(MANAGERS))


def unit_prefix(lookup: str) -> str:
    return f"{lookup}__" if lookup else ""


# Every model holding unit-scoped data is listed here, by app label.
RULES: dict[str, Rule] = {
    # Names of the units above one's own are not secret: they make the breadcrumbs.
    "organisations.Unit": Rule(unit="", downward=True, change_roles=ADMINISTRATORS),
    "organisations.UnitAlias": Rule(unit="unit", change_roles=ADMINISTRATORS),
    "organisations.UnitGroup": Rule(unit="anchor", downward=True, change_roles=ADMINISTRATORS),
    "organisations.Reorganisation": Rule(unit="within", change_roles=ADMINISTRATORS),
    "organisations.Membership": Rule(unit="unit", change_roles=ADMINISTRATORS),
    "organisations.AccessGrant": Rule(unit="target", change_roles=ADMINISTRATORS),
    # A user is seen by the units where they hold a role, changed by the
    # administrators of all of them.
    "organisations.User": Rule(unit="memberships__unit", change_roles=ADMINISTRATORS),
    "documents.Document": Rule(unit="issuer_unit", document=""),
    "documents.SourceFile": Rule(unit="documents__issuer_unit", document="documents"),
    "documents.Reference": Rule(unit="from_document__issuer_unit", document="from_document"),
    "documents.ExtractedItem": Rule(unit="document__issuer_unit", document="document"),
    # A link staff add by hand belongs, like a reference, to the document building on the other.
    "documents.DocumentLink": Rule(unit="from_document__issuer_unit", document="from_document"),
    # A body name resolved once for every document; named units and those
    # below see it, managers of the named unit change it.
    "documents.BodyMapping": Rule(unit="unit", also_units=("group__anchor",), downward=True),
    # A user's own import batches and calendar address, seen from their units.
    "documents.ImportJob": Rule(unit="user__memberships__unit", change_roles=ADMINISTRATORS),
    "documents.CalendarToken": Rule(unit="user__memberships__unit", change_roles=ADMINISTRATORS),
    "tracking.Task": Rule(unit="lead_unit", also_units=("partner_units",), secret="document__secret"),
    "tracking.PlanObligation": Rule(unit="lead_unit", secret="document__secret"),
    "tracking.ProgressUpdate": Rule(unit="task__lead_unit", also_units=("task__partner_units",),
                                    secret="task__document__secret", change_roles=REPORTERS),
    "tracking.Evidence": Rule(unit="update__task__lead_unit", also_units=("update__task__partner_units",),
                              secret="update__task__document__secret", change_roles=REPORTERS),
    "tracking.Indicator": Rule(unit="owner_unit", downward=True, secret="document__secret"),
    "tracking.IndicatorValue": Rule(unit="unit", secret="indicator__document__secret", change_roles=REPORTERS),
    # A user's notices are read and marked read by that user only (views filter
    # by user); the rule keeps them inside the tree and secret ones behind clearance.
    "tracking.Notice": Rule(unit="unit", secret="secret"),
    "reviews.ReviewMilestone": Rule(unit="unit", downward=True, secret="document__secret"),
}

# Models of our apps that hold no unit data, with the reason.
UNSCOPED: dict[str, str] = {
    "organisations.UnitKind": "reference list of kinds of organisation, the same for everyone",
    # Derived copies: search.services.visible_q scopes each row by the rule of its record.
    "search.SearchEntry": "search index rows, read only through the rule of the record each one copies",
}


def within_units_q(lookup: str, units: Q) -> Q:
    """Rows whose unit (at ``lookup``) is one of the ``units`` condition.

    Through a relation, on SQLite: ``unit_id IN (SELECT id FROM unit WHERE
    path range)``, which SQLite builds once and probes through the foreign-key
    index. On PostgreSQL: a correlated ``EXISTS (... WHERE id = row.unit_id
    AND path range)``; alone it becomes the same semi-join, and OR-ed with
    other rules (a task's partners, secret clearance) it stays one index probe
    per row, where an ``IN`` list under an OR must hash every unit in scope and
    is probed in full per row once that hash outgrows ``work_mem`` (a country:
    300,000 units). ``benchmarks/bench_tree.py`` and ``bench_dashboard.py``
    measure both.
    """
    if not lookup:
        return units
    if correlated_subqueries():
        return Q(Exists(Unit.objects.filter(units, pk=OuterRef(lookup))))
    return Q(**{f"{lookup}__in": Unit.objects.filter(units).values("pk")})


def correlated_subqueries() -> bool:
    """Does the database turn correlated EXISTS into good plans (see within_units_q)?"""
    return connection.vendor == "postgresql"


def crosses_many(model: type[Model], lookup: str) -> bool:
    """Does ``lookup`` from ``model`` go through a to-many relation (so rows can repeat)?"""
    for name in filter(None, lookup.split("__")):
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return True
        model = field.related_model
    return False


def semi_join(model: type[Model], lookup: str, condition: Q) -> Q:
    """``condition`` as a semi-join on ``model`` (``EXISTS`` or ``pk IN``, as in
    ``within_units_q``) when ``lookup`` crosses a to-many relation: a join
    there would repeat rows and need a costly DISTINCT."""
    if not crosses_many(model, lookup):
        return condition
    if correlated_subqueries():
        return Q(Exists(model._default_manager.filter(condition, pk=OuterRef("pk"))))
    return Q(pk__in=model._default_manager.filter(condition).values("pk"))


def addressed_to_q(prefix: str, unit_ids: list[int]) -> Q:
    """Documents (at ``prefix``) addressed to one of ``unit_ids``, as a semi-join."""
    if not unit_ids:
        return Q(pk__in=[])
    document = apps.get_model("documents", "Document")
    addressed = document._default_manager.filter(recipient_units__in=unit_ids).values("pk")
    return Q(**{f"{prefix}pk__in": addressed})


def follow(obj, lookup: str) -> list:
    """The objects reached from ``obj`` along ``lookup``, through to-many relations too."""
    objects = [obj]
    for name in filter(None, lookup.split("__")):
        reached = []
        for current in objects:
            value = getattr(current, name, None)
            if hasattr(value, "all"):  # a related manager
                reached.extend(value.all())
            elif value is not None:
                reached.append(value)
        objects = reached
    return objects


def rule_for(model: type[Model]) -> Rule:
    label = model._meta.label
    try:
        return RULES[label]
    except KeyError:
        raise LookupError(f"{label} has no access rule in nghiquyet.organisations.access.RULES") from None


class AccessPolicy:
    """What one user may see and change, as of one day."""

    def __init__(self, user, day: datetime.date | None = None):
        self.user = user
        self.day = day or timezone.localdate()

    # -- who the user is -------------------------------------------------

    @property
    def is_superuser(self) -> bool:
        return bool(self.user.is_authenticated and self.user.is_superuser)

    @cached_property
    def memberships(self) -> list[Membership]:
        if not self.user.is_authenticated:
            return []
        queryset = Membership.objects.filter(user=self.user).filter(valid_on_q(self.day))
        return list(queryset.select_related("unit"))

    @cached_property
    def home_units(self) -> list[Unit]:
        units = {m.unit_id: m.unit for m in self.memberships}
        return list(units.values())

    @cached_property
    def granted_roots(self) -> list[tuple[Unit, bool]]:
        if not self.home_units:
            return []
        grants = AccessGrant.objects.filter(grantee__in=self.home_units).filter(valid_on_q(self.day))
        return [(grant.target, grant.include_subtree) for grant in grants.select_related("target")]

    @cached_property
    def home_ancestor_ids(self) -> set[int]:
        return {pk for unit in self.home_units for pk in ancestor_ids(unit.path)}

    def roles_at(self, unit: Unit) -> set[str]:
        """Roles the user holds at ``unit`` or at a unit above it."""
        above = set(ancestor_ids(unit.path))
        return {m.role for m in self.memberships if m.unit_id in above}

    def has_role(self, unit: Unit, roles) -> bool:
        return self.is_superuser or bool(self.roles_at(unit) & set(roles))

    @cached_property
    def is_administrator(self) -> bool:
        return self.is_superuser or any(m.role == Role.ADMINISTRATOR for m in self.memberships)

    # -- reading -----------------------------------------------------------

    def units_q(self, lookup: str = "") -> Q:
        """Rows whose unit (at ``lookup``) lies in the user's scope."""
        parts = [subtree_q(unit.path) for unit in self.home_units]
        for unit, whole_subtree in self.granted_roots:
            parts.append(subtree_q(unit.path) if whole_subtree else Q(pk=unit.pk))
        if not parts:
            return Q(pk__in=[])
        return within_units_q(lookup, reduce(or_, parts))

    def units_above_q(self, lookup: str = "") -> Q:
        """Rows whose unit (at ``lookup``) is above one of the user's own units."""
        return Q(**{f"{unit_prefix(lookup)}pk__in": sorted(self.home_ancestor_ids)})

    def cleared_units_q(self, lookup: str) -> Q:
        """Rows whose unit is one where the user may read secret documents."""
        cleared = [m.unit for m in self.memberships if m.secret_clearance]
        if not cleared:
            return Q(pk__in=[])
        return within_units_q(lookup, reduce(or_, (subtree_q(unit.path) for unit in cleared)))

    def visible_units(self):
        """The units whose records the user reads: own subtrees and granted ones."""
        if self.is_superuser:
            return Unit.objects.all()
        return Unit.objects.filter(self.units_q())

    def units_with_role(self, roles):
        """The subtrees where the user holds one of ``roles`` (where they may create records)."""
        if self.is_superuser:
            return Unit.objects.all()
        parts = [subtree_q(m.unit.path) for m in self.memberships if m.role in set(roles)]
        return Unit.objects.filter(reduce(or_, parts)) if parts else Unit.objects.none()

    def top_units(self) -> list[Unit]:
        """Where the user's part of the tree starts: the roots of their scope."""
        if self.is_superuser:
            return list(Unit.objects.current().filter(parent=None).vietnamese_order())
        roots = {unit.pk: unit for unit in self.home_units}
        for unit, _whole_subtree in self.granted_roots:
            roots.setdefault(unit.pk, unit)
        # A root inside another root's subtree is reached from there.
        tops = [u for u in roots.values() if not any(
            u.pk != other.pk and u.is_descendant_of(other) for other in roots.values())]
        return sorted(tops, key=lambda unit: (unit.depth, unit.sort_key))

    def document_q(self, lookup: str = "") -> Q:
        """Leadership documents the user may read (see the module docstring)."""
        prefix = unit_prefix(lookup)
        issuer = f"{prefix}issuer_unit"
        reach = self.units_q(issuer) | self.units_above_q(issuer)
        reach |= addressed_to_q(prefix, [u.pk for u in self.home_units])
        outside_tree = Q(**{f"{issuer}__isnull": True})
        if self.home_units:
            reach |= outside_tree
        open_documents = Q(**{f"{prefix}secret": False}) & reach
        cleared_ancestors = self._cleared_ancestor_ids()
        cleared = Q(**{f"{prefix}secret": True}) & (
            self.cleared_units_q(issuer)
            | Q(**{f"{prefix}issuer_unit__in": cleared_ancestors})
            | addressed_to_q(prefix, [m.unit_id for m in self.memberships if m.secret_clearance])
            | (outside_tree if cleared_ancestors else Q(pk__in=[]))
        )
        return open_documents | cleared

    def _cleared_ancestor_ids(self) -> list[int]:
        return sorted({pk for m in self.memberships if m.secret_clearance for pk in ancestor_ids(m.unit.path)})

    def read_q(self, model: type[Model]) -> Q:
        rule = rule_for(model)
        if rule.document is not None:
            return semi_join(model, rule.document, self.document_q(rule.document))
        visible = semi_join(model, rule.unit, self.units_q(rule.unit))
        if rule.downward:
            visible |= semi_join(model, rule.unit, self.units_above_q(rule.unit))
        for lookup in rule.also_units:
            visible |= semi_join(model, lookup, self.units_q(lookup))
        if rule.secret:
            visible &= Q(**{rule.secret: False}) | semi_join(model, rule.unit, self.cleared_units_q(rule.unit))
        return visible

    def scope(self, queryset: QuerySet) -> QuerySet:
        """Only the rows of ``queryset`` this user may read (never repeated)."""
        if self.is_superuser:
            return queryset
        if not self.user.is_authenticated:
            return queryset.none()
        return queryset.filter(self.read_q(queryset.model))

    def can_view(self, obj: Model) -> bool:
        return self.scope(type(obj)._default_manager.filter(pk=obj.pk)).exists()

    def get_object_or_404(self, queryset_or_model, **lookup):
        """Fetch one record the user may read, or answer 404 as if it did not exist."""
        queryset = queryset_or_model
        if not isinstance(queryset, QuerySet):
            queryset = queryset._default_manager.all()
        try:
            return self.scope(queryset).get(**lookup)
        except queryset.model.DoesNotExist:
            raise Http404 from None

    def get_changeable_or_403(self, queryset_or_model, **lookup):
        """A record the user may change: 404 when they may not even read it, else 403."""
        obj = self.get_object_or_404(queryset_or_model, **lookup)
        if not self.can_change(obj):
            raise PermissionDenied
        return obj

    # -- changing ----------------------------------------------------------

    def owning_units(self, obj: Model) -> list[Unit]:
        return [unit for unit in follow(obj, rule_for(type(obj)).unit) if isinstance(unit, Unit)]

    def can_change(self, obj: Model) -> bool:
        if self.is_superuser:
            return True
        if not self.can_view(obj):
            return False
        rule = rule_for(type(obj))
        units = self.owning_units(obj)
        if not units:
            # A document from outside the tree belongs, for changes, to the roots.
            return rule.document is not None and bool(self.roles_at_roots() & rule.change_roles)
        return all(self.roles_at(unit) & rule.change_roles for unit in units)

    def roles_at_roots(self) -> set[str]:
        return {m.role for m in self.memberships if m.unit.parent_id is None}

    def can_create_at(self, model: type[Model], unit: Unit) -> bool:
        """May the user create a record of ``model`` owned by ``unit``?"""
        if self.is_superuser:
            return True
        return bool(self.roles_at(unit) & rule_for(model).change_roles)


def policy_for(request_or_user) -> AccessPolicy:
    """The policy of a request's user, cached on the request."""
    request = request_or_user if hasattr(request_or_user, "user") else None
    if request is None:
        return AccessPolicy(request_or_user)
    if not hasattr(request, "_access_policy"):
        request._access_policy = AccessPolicy(request.user)
    return request._access_policy


def registered_models() -> list[type[Model]]:
    return [apps.get_model(label) for label in RULES]
