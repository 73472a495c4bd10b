from urllib.parse import urlencode

from django.shortcuts import render

from .services import FACETS, search


def _query_string(params: dict) -> str:
    return "?" + urlencode({key: value for key, value in params.items() if value not in (None, "")})


def index(request):
    """The results page; with htmx, only the results part (filters, paging)."""
    text = request.GET.get("q", "")[:300]
    filters = {name: request.GET.get(name) for name in FACETS}
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
        "previous_url": _query_string({**base, "page": results.page - 1}),
        "next_url": _query_string({**base, "page": results.page + 1}),
    }
    template = "search/_results.html" if request.headers.get("HX-Request") else "search/index.html"
    return render(request, template, context)
