"""Keeping the index current: the entries of each record, written and removed.

``index_document`` and friends replace a record's entries in the current
transaction; ``rebuild`` writes the whole index again in batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from django.db import connection, transaction
from django.urls import reverse

from nghiquyet.documents.models import Document, Kind
from nghiquyet.tracking.models import Indicator, ProgressUpdate, Task

from .engines import IndexText, engine_for
from .models import SearchEntry
from .tokens import document_symbol_tokens, symbol_parts

Source = SearchEntry.Source
SECTION_TEXT_LIMIT = 20_000
SHORT_HEADING = 100


def _document_facets(document: Document | None) -> dict:
    if document is None:
        return {}
    return {
        "document_id": document.pk, "secret": document.secret, "kind": document.kind,
        "issuer": (document.issuer or document.issuer_block)[:255], "issued_on": document.issued_on,
        "symbol": document.symbol,
    }


def document_entries(document: Document) -> Iterator[tuple[SearchEntry, IndexText]]:
    """The document itself, then each top-level section of its outline."""
    kind = Kind(document.kind).label if document.kind in Kind.values else ""
    parts = symbol_parts(document.symbol) or ("", "", "")
    common = {
        **_document_facets(document), "record_id": document.pk, "unit_id": document.issuer_unit_id,
        "year": document.issued_on.year if document.issued_on else None, "status": document.status,
        "url": document.get_absolute_url(),
    }
    name = str(document.display_name)[:500]
    yield (
        SearchEntry(source=Source.DOCUMENT, title=document.title or name, context=name, body=document.text,
                    symbol_number=parts[0], symbol_type=parts[1][:10],
                    symbol_issuer=parts[2][:40], **common),
        IndexText(f"{kind} {document.symbol} {document.title} {document.issuer}", document.text,
                  document_symbol_tokens(document.symbol)),
    )
    for node in document.outline or []:
        heading = " ".join(filter(None, [node.get("label"), node.get("heading")]))
        body = document.text[node.get("start", 0):node.get("end", 0)][:SECTION_TEXT_LIMIT]
        if not body.strip():
            continue
        entry = SearchEntry(source=Source.SECTION, position=node.get("start", 0), title=heading[:1000] or name,
                            context=name, body=body, **common)
        entry.url = f"{entry.url}#muc-{entry.position}"
        # A heading is often the section's whole first paragraph: only a short
        # one is weighed like a title (the body holds it either way).
        yield entry, IndexText(heading if len(heading) <= SHORT_HEADING else "", body)


def task_entry(task: Task) -> tuple[SearchEntry, IndexText]:
    document = task.document
    is_plan = task.kind == Task.Kind.PLAN
    filed = task.plan_document
    body = "\n".join(filter(None, [
        task.action, task.lead_text, task.responsible_person, task.report_to, task.expected_product,
        filed.display_name if filed else "", filed.title if filed else "",
    ]))
    entry = SearchEntry(
        source=Source.PLAN if is_plan else Source.TASK, record_id=task.pk, unit_id=task.lead_unit_id,
        title=task.title, context=str(document.display_name)[:500], body=body,
        year=task.due_date.year if task.due_date else None, completed_on=task.completed_on, next_due=task.next_due,
        url=reverse("tracking:plan" if is_plan else "tracking:task", args=[task.pk]), **_document_facets(document),
    )
    return entry, IndexText(task.title, body)


def indicator_entry(indicator: Indicator) -> tuple[SearchEntry, IndexText]:
    body = " ".join(filter(None, [indicator.scope, indicator.unit_of_measure, indicator.due_period]))
    entry = SearchEntry(
        source=Source.INDICATOR, record_id=indicator.pk, unit_id=indicator.owner_unit_id, title=indicator.name,
        context=str(indicator.document.display_name)[:500], body=body,
        year=indicator.due_date.year if indicator.due_date else None,
        url=indicator.get_absolute_url(), **_document_facets(indicator.document),
    )
    return entry, IndexText(indicator.name, body)


def progress_entry(update: ProgressUpdate) -> tuple[SearchEntry, IndexText]:
    task = update.task
    body = "\n".join(filter(None, [update.narrative, update.difficulties, update.proposals]))
    entry = SearchEntry(
        source=Source.PROGRESS, record_id=update.pk, unit_id=task.lead_unit_id, title=task.title,
        context=str(task.document.display_name)[:500], body=body, year=update.created_at.year,
        url=reverse("tracking:task", args=[task.pk]), **_document_facets(task.document),
    )
    return entry, IndexText(task.title, body)


# -- writing ------------------------------------------------------------------------


def write(pairs: Iterable[tuple[SearchEntry, IndexText]]) -> int:
    pairs = list(pairs)
    if not pairs:
        return 0
    engine = engine_for(connection)
    for entry, text in pairs:
        engine.prepare(entry, text)
    with transaction.atomic():
        entries = SearchEntry.objects.bulk_create([entry for entry, _ in pairs])
        with connection.cursor() as cursor:
            engine.write(cursor, [(entry.pk, text) for entry, (_, text) in zip(entries, pairs)])
    return len(entries)


def remove(sources: Iterable[str], record_id: int) -> None:
    SearchEntry.objects.filter(source__in=list(sources), record_id=record_id).delete()


def index_document(document: Document) -> None:
    with transaction.atomic():
        remove([Source.DOCUMENT, Source.SECTION], document.pk)
        write(document_entries(document))


def index_task(task: Task) -> None:
    with transaction.atomic():
        remove([Source.TASK, Source.PLAN], task.pk)
        write([task_entry(task)])


def index_indicator(indicator: Indicator) -> None:
    with transaction.atomic():
        remove([Source.INDICATOR], indicator.pk)
        write([indicator_entry(indicator)])


def index_progress(update: ProgressUpdate) -> None:
    with transaction.atomic():
        remove([Source.PROGRESS], update.pk)
        write([progress_entry(update)])


# -- rebuilding ---------------------------------------------------------------------

BATCH = 500


def _batches(queryset, size: int = BATCH) -> Iterator[list]:
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def rebuild_sources() -> list[tuple[str, object, Callable]]:
    """What the index holds, with how to make each record's entries."""
    return [
        ("documents", Document.objects.all(), lambda doc: list(document_entries(doc))),
        ("tasks", Task.objects.select_related("document", "plan_document"), lambda task: [task_entry(task)]),
        ("indicators", Indicator.objects.select_related("document"), lambda ind: [indicator_entry(ind)]),
        ("progress", ProgressUpdate.objects.select_related("task__document"), lambda up: [progress_entry(up)]),
    ]


def total_records() -> int:
    return sum(queryset.count() for _, queryset, _ in rebuild_sources())


def rebuild(progress: Callable[[int], None] | None = None) -> int:
    """Write the whole index again; ``progress(n)`` after each batch of n records."""
    engine = engine_for(connection)
    written = 0
    with transaction.atomic():
        with connection.cursor() as cursor:
            engine.clear(cursor)
        SearchEntry.objects.all().delete()
        for _name, queryset, entries_of in rebuild_sources():
            for batch in _batches(queryset):
                written += write(pair for record in batch for pair in entries_of(record))
                if progress:
                    progress(len(batch))
    return written
