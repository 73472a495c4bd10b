"""JSON API of the search: the same service as the page, scoped the same way."""

from __future__ import annotations

import datetime

from ninja import Query, Router, Schema

from .services import PER_PAGE, search

router = Router(tags=["search"])


class SearchFilters(Schema):
    q: str = ""
    source: str | None = None
    kind: str | None = None
    issuer: str | None = None
    year: int | None = None
    status: str | None = None
    unit: int | None = None
    page: int = 1
    per_page: int = PER_PAGE


class ResultOut(Schema):
    source: str
    record_id: int
    document_id: int | None
    symbol: str
    issued_on: datetime.date | None
    title: str
    title_html: str
    context: str
    snippet_html: str
    exact: bool
    url: str
    unit: str  # a task's or plan's lead unit, a progress report's unit ("" for documents)
    reported_on: datetime.date | None  # when a progress report was sent


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    options: list[FacetOptionOut]


class SearchOut(Schema):
    query: str
    total: int
    page: int
    pages: int
    partial: bool
    results: list[ResultOut]
    facets: list[FacetOut]


@router.get("/", response=SearchOut, url_name="search")
def search_records(request, filters: Query[SearchFilters]):
    """Ranked results (exact symbols first) with facet counts; snippets are escaped HTML with <mark>."""
    data = filters.dict()
    per_page = min(max(1, data.pop("per_page")), 100)
    page = max(1, data.pop("page"))
    text = data.pop("q")[:300]
    found = search(request.user, text, data, page, per_page)
    return {
        "query": text, "total": found.total, "page": found.page, "pages": found.pages, "partial": found.partial,
        "results": [
            {
                "source": r.entry.source, "record_id": r.entry.record_id, "document_id": r.entry.document_id,
                "symbol": r.entry.symbol, "issued_on": r.entry.issued_on, "title": r.entry.title,
                "title_html": str(r.title), "context": r.entry.context, "snippet_html": str(r.snippet),
                "exact": r.exact, "url": r.entry.url, "unit": r.unit, "reported_on": r.reported_on,
            }
            for r in found.results
        ],
        "facets": found.facets,
    }
