"""Searching: one function for the page and the API.

Scoping comes first: the entries a user may read are those whose record the
access policy lets them read (a semi-join per kind of record), and every
count, facet and snippet is computed from those entries only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from nghiquyet.documents.models import Document, Kind
from nghiquyet.organisations.access import policy_for
from nghiquyet.organisations.models import Unit
from nghiquyet.tracking.models import Indicator, ProgressUpdate, Task
from nghiquyet.tracking.status import Status as TaskStatus
from nghiquyet.tracking.status import status_expression

from .engines import engine_for
from .models import SearchEntry
from .query import Query, parse
from .snippets import highlight, snippet

Source = SearchEntry.Source
PER_PAGE = 20
MAX_PAGE = 500

# The record each kind of entry comes from, whose access rule it follows.
SOURCE_MODELS = {
    Document: [Source.DOCUMENT, Source.SECTION],
    Task: [Source.TASK, Source.PLAN],
    Indicator: [Source.INDICATOR],
    ProgressUpdate: [Source.PROGRESS],
}
TASK_SOURCES = [Source.TASK, Source.PLAN]
FACETS = ("source", "kind", "issuer", "year", "status", "unit")
FACET_LABELS = {
    "source": _("Loại kết quả"), "kind": _("Loại văn bản"), "issuer": _("Cơ quan ban hành"),
    "year": _("Năm"), "status": _("Tình trạng"), "unit": _("Đơn vị"),
}
FACET_LIMIT = 15


def visible_q(policy) -> Q:
    """Entries whose record ``policy`` lets its user read, as semi-joins."""
    parts = Q(pk__in=[])
    for model, sources in SOURCE_MODELS.items():
        readable = policy.scope(model._default_manager.all()).values("pk")
        parts |= Q(source__in=sources, record_id__in=readable)
    return parts


def symbol_q(query: Query) -> Q:
    """Entries whose own symbol is one the query names: they rank first."""
    condition = Q(pk__in=[])
    for symbol in query.symbols:
        exact = Q(source=Source.DOCUMENT, symbol_number=symbol.number, symbol_type=symbol.type_code)
        if symbol.issuer:
            exact &= Q(symbol_issuer=symbol.issuer)
        condition |= exact
    return condition


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class Result:
    entry: SearchEntry
    title: SafeString
    snippet: SafeString
    exact: bool
    unit: str = ""  # whose it is: a task's or plan's lead unit, a progress report's unit
    reported_on: datetime.date | None = None  # when a progress report was sent

    @property
    def source_label(self) -> str:
        return self.entry.get_source_display()

    @property
    def unit_label(self) -> str:
        return _("Đơn vị báo cáo") if self.entry.source == Source.PROGRESS else _("Chủ trì")


@dataclass
class SearchResults:
    query: Query
    results: list[Result] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    facets: list[Facet] = field(default_factory=list)
    filters: dict = field(default_factory=dict)
    partial: bool = False  # no entry had every word: entries with any of them

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def start(self) -> int:
        return (self.page - 1) * self.per_page + 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def clean_filters(filters) -> dict:
    """Known filters with valid values; anything else is ignored."""
    cleaned = {}
    for name in FACETS:
        value = (filters or {}).get(name)
        value = str(value).strip() if value not in (None, "") else ""
        if not value:
            continue
        if name in ("year", "unit") and not value.isdigit():
            continue
        cleaned[name] = value[:255]
    return cleaned


def status_annotation(day: datetime.date):
    """A document's status, or a task's or plan's status as of ``day``."""
    return Case(
        When(source__in=TASK_SOURCES, then=status_expression("completed_on", "next_due", day)),
        default=F("status"),
    )


def apply_filters(queryset, filters: dict, day: datetime.date):
    for name, value in filters.items():
        if name == "status":
            queryset = queryset.annotate(facet_status=status_annotation(day)).filter(facet_status=value)
        elif name == "unit":
            queryset = queryset.filter(unit_id=int(value))
        elif name == "year":
            queryset = queryset.filter(year=int(value))
        else:
            queryset = queryset.filter(**{name: value})
    return queryset


def search(user, query: str, filters: dict | None = None, page: int = 1, per_page: int = PER_PAGE) -> SearchResults:
    """Entries ``user`` may read matching ``query``: ranked (exact symbols first),
    with per-facet counts and highlighted, escaped snippets."""
    parsed = parse(query)
    filters = clean_filters(filters)
    page = min(max(1, int(page or 1)), MAX_PAGE)
    results = SearchResults(parsed, page=page, per_page=per_page, filters=filters)
    if not parsed:
        return results
    engine = engine_for(connection)
    day = timezone.localdate()
    scoped = SearchEntry.objects.filter(visible_q(policy_for(user)))
    matched = apply_filters(engine.match(scoped, parsed), filters, day)
    results.total = matched.count()
    if not results.total and len(parsed.clauses) > 1:
        parsed = results.query = parsed.any_of()
        results.partial = True
        matched = apply_filters(engine.match(scoped, parsed), filters, day)
        results.total = matched.count()
    if not results.total:
        return results
    results.facets = facets(matched, filters, day)
    exact = symbol_q(parsed)
    ranked = apply_filters(engine.ranked(scoped, parsed), filters, day).annotate(
        exact=Case(When(exact, then=Value(1)), default=Value(0), output_field=IntegerField()),
        # Documents sharing the symbol asked for: the newest first (109-NQ/TU of 2021, then of 2016).
        exact_issued=Case(When(exact, then=F("issued_on")), default=None),
    ).defer("vector").order_by("-exact", F("exact_issued").desc(nulls_last=True), "-score", "pk")
    offset = (page - 1) * per_page
    terms = parsed.terms
    results.results = [
        Result(entry, highlight(entry.title, terms), snippet(entry.body, terms), bool(entry.exact))
        for entry in ranked[offset:offset + per_page]
    ]
    add_owners(results.results)
    return results


# Sources whose titles repeat from unit to unit ("Xây dựng kế hoạch thực hiện
# Nghị quyết số ..." for every district): each result says whose it is.
OWNED_SOURCES = (*TASK_SOURCES, Source.PROGRESS)


def add_owners(results: list[Result]) -> None:
    """Each task's, plan's and progress report's unit, and a report's date: two queries a page."""
    owned = [result for result in results if result.entry.source in OWNED_SOURCES]
    units = {unit.pk: str(unit) for unit in Unit.objects.filter(pk__in={r.entry.unit_id for r in owned})}
    report_ids = [r.entry.record_id for r in owned if r.entry.source == Source.PROGRESS]
    sent = dict(ProgressUpdate.objects.filter(pk__in=report_ids).values_list("pk", "created_at")) if report_ids else {}
    for result in owned:
        result.unit = units.get(result.entry.unit_id, "")
        if result.entry.record_id in sent and result.entry.source == Source.PROGRESS:
            result.reported_on = timezone.localdate(sent[result.entry.record_id])


# -- facets ---------------------------------------------------------------------------


def _counts(queryset, expression) -> list[tuple]:
    rows = (queryset.annotate(facet_value=expression).values("facet_value")
            .annotate(n=Count("pk")).order_by("-n", "facet_value"))
    return [(row["facet_value"], row["n"]) for row in rows if row["facet_value"] not in (None, "")]


def facets(matched, filters: dict, day: datetime.date) -> list[Facet]:
    status_labels = {**dict(Document.Status.choices), **dict(TaskStatus.choices)}
    counted = {
        "source": (_counts(matched, F("source")), dict(Source.choices)),
        "kind": (_counts(matched, F("kind")), dict(Kind.choices)),
        "issuer": (_counts(matched, F("issuer")), {}),
        "year": (_counts(matched, F("year")), {}),
        "status": (_counts(matched, status_annotation(day)), status_labels),
        "unit": (_counts(matched, F("unit_id")), None),
    }
    unit_names = dict(Unit.objects.filter(pk__in=[value for value, _ in counted["unit"][0]]).values_list("pk", "name"))
    built = []
    for name in FACETS:
        rows, labels = counted[name]
        labels = unit_names if labels is None else labels
        options = [
            FacetOption(str(value), str(labels.get(value, value)), count, filters.get(name) == str(value))
            for value, count in rows[:FACET_LIMIT]
        ]
        if name == "year":
            options.sort(key=lambda option: option.value, reverse=True)
        if options:
            built.append(Facet(name, str(FACET_LABELS[name]), options))
    return built
