"""Small helpers shared by the tracking views."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.utils.functional import Promise
from django.utils.text import slugify

from nghiquyet.documents.exports import xlsx_response

PAGE_SIZE = 25
EXPORT_LIMIT = 50000


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def wants_export(request) -> bool:
    return request.GET.get("xuat") == "excel"


def page_of(request, items, size: int = PAGE_SIZE):
    return Paginator(items, size).get_page(request.GET.get("page"))


def export(name: str, title: str, headers: list, rows):
    """A list as an Excel workbook, numbered from 1."""
    numbered = ([index, *(str(value) if isinstance(value, Promise) else value for value in row)]
                for index, row in enumerate(rows, start=1))
    return xlsx_response(f"{slugify(name) or 'danh-sach'}.xlsx", title, ["STT", *headers], numbered)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
