"""Downloads of "Báo cáo tình hình thực hiện" as Word documents in the Party's format."""

from __future__ import annotations

from django.http import HttpResponse

from nghiquyet.documents.models import Document
from nghiquyet.organisations.access import policy_for

from ..services import word_reports
from ..services.party_format import DOCX
from .dashboard import unit_and_day


def docx_response(filename: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def overview_report(request):
    """The overview of a unit on a day (``unit`` and ``day`` as the overview page takes them)."""
    _form, unit, day = unit_and_day(request)
    content = word_reports.overview_report(policy_for(request), unit, day)
    return docx_response(f"bao-cao-{unit.code}-{day:%Y%m%d}.docx".lower(), content)


def document_report(request, pk):
    """One document's implementation inside the chosen unit's subtree (by default
    the reader's own unit: the one that reports)."""
    policy = policy_for(request)
    document = policy.get_object_or_404(Document.objects.real(), pk=pk)
    _form, unit, day = unit_and_day(request)
    content = word_reports.document_report(policy, document, unit, day)
    return docx_response(f"bao-cao-van-ban-{document.pk}-{unit.code}-{day:%Y%m%d}.docx".lower(), content)
