import html
from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from nghiquyet.documents.exports import xlsx_response

from .services import FACETS, search

# An export holds the best results, not a whole corpus.
EXPORT_LIMIT = 1000


def _query_string(params: dict) -> str:
    return "?" + urlencode({key: value for key, value in params.items() if value not in (None, "")})


def index(request):
    """The results page; with htmx, only the results part (filters, paging)."""
    text = request.GET.get("q", "")[:300]
    filters = {name: request.GET.get(name) for name in FACETS}
    if request.GET.get("xuat") == "excel":
        return export(request, text, filters)
    page = request.GET.get("page", "1")
    results = search(request.user, text, filters, int(page) if page.isdigit() else 1)
    base = {"q": text, **results.filters}
    for facet in results.facets:
        for option in facet.options:
            chosen = {**base, facet.name: "" if option.selected else option.value}
            option.url = _query_string(chosen)
    context = {
        "q": text,
        "results": results,
        "clear_url": _query_string({"q": text}),
        "export_url": _query_string({**base, "xuat": "excel"}),
        "previous_url": _query_string({**base, "page": results.page - 1}),
        "next_url": _query_string({**base, "page": results.page + 1}),
    }
    template = "search/_results.html" if request.headers.get("HX-Request") else "search/index.html"
    return render(request, template, context)


def plain(marked: str) -> str:
    """Highlighted, escaped HTML back to the text it shows."""
    return html.unescape(strip_tags(marked))


def export(request, text: str, filters: dict):
    """The best results, in order, as an Excel workbook (the same scoping as the page)."""
    results = search(request.user, text, filters, 1, per_page=EXPORT_LIMIT)
    headers = [_("STT"), _("Loại kết quả"), _("Văn bản"), _("Nội dung"), _("Đơn vị"), _("Trích đoạn"),
               _("Đường dẫn")]
    rows = [
        (number, result.source_label, result.entry.context, plain(result.title), result.unit,
         plain(result.snippet), request.build_absolute_uri(result.entry.url))
        for number, result in enumerate(results.results, start=1)
    ]
    return xlsx_response("tim-kiem.xlsx", _("Kết quả tìm kiếm"), headers, rows)
