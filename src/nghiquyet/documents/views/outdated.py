"""Văn bản cần rà soát: old documents in force with no review on record."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nghiquyet.organisations.access import policy_for
from nghiquyet.organisations.models import Unit
from nghiquyet.text.normalize import fold

from ..exports import xlsx_response
from ..models import Kind
from ..services.outdated import DEFAULT_YEARS, outdated

PAGE_SIZE = 25
EXPORT_LIMIT = 20000
OUTSIDE_TREE = "ngoai"


def _blank(choices):
    return [("", "---------"), *choices]


class OutdatedFilterForm(forms.Form):
    SORTS = [
        ("date", gettext_lazy("Cũ nhất trước")), ("-date", gettext_lazy("Mới nhất trước")),
        ("title", gettext_lazy("Theo trích yếu (A-Z)")), ("symbol", gettext_lazy("Theo số, ký hiệu")),
    ]
    years = forms.IntegerField(label=gettext_lazy("Ban hành từ bao nhiêu năm trở lên"), min_value=1, max_value=100,
                               initial=DEFAULT_YEARS, required=False,
                               error_messages={"invalid": gettext_lazy("Số năm phải là số nguyên."),
                                               "min_value": gettext_lazy("Số năm ít nhất là 1."),
                                               "max_value": gettext_lazy("Số năm nhiều nhất là 100.")})
    q = forms.CharField(label=gettext_lazy("Tìm theo số, ký hiệu, trích yếu"), required=False, max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Loại văn bản"), required=False, choices=_blank(Kind.choices))
    issuer = forms.ChoiceField(label=gettext_lazy("Cơ quan ban hành"), required=False)
    sort = forms.ChoiceField(label=gettext_lazy("Sắp xếp"), required=False, choices=SORTS)

    def __init__(self, data, policy, **kwargs):
        super().__init__(data, **kwargs)
        issuers = Unit.objects.filter(pk__in=outdated(policy, 1).exclude(issuer_unit=None).values("issuer_unit"))
        self.fields["issuer"].choices = _blank(
            [(str(unit.pk), unit.name) for unit in issuers.vietnamese_order()]
            + [(OUTSIDE_TREE, _("Cơ quan ngoài cây tổ chức"))]
        )

    @property
    def chosen_years(self) -> int:
        return (self.cleaned_data.get("years") if self.is_bound and self.is_valid() else None) or DEFAULT_YEARS

    def filter(self, documents):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        for word in fold(data.get("q") or "").split():
            documents = documents.filter(folded__contains=word)
        if data.get("kind"):
            documents = documents.filter(kind=data["kind"])
        if data.get("issuer") == OUTSIDE_TREE:
            documents = documents.filter(issuer_unit=None)
        elif data.get("issuer"):
            documents = documents.filter(issuer_unit_id=int(data["issuer"]))
        order = {
            "-date": ["-issued_on", "symbol_key", "pk"], "title": ["sort_key", "pk"],
            "symbol": ["symbol_key", "issued_on", "pk"],
        }.get(data.get("sort"), ["issued_on", "symbol_key", "pk"])
        return documents.order_by(*order)


def filtered(request):
    policy = policy_for(request)
    form = OutdatedFilterForm(request.GET or None, policy)
    documents = form.filter(outdated(policy, form.chosen_years)).select_related("issuer_unit")
    return form, documents


def age_in_years(issued_on, today) -> int:
    return today.year - issued_on.year - ((today.month, today.day) < (issued_on.month, issued_on.day))


def index(request):
    form, documents = filtered(request)
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    for document in page:
        document.age = age_in_years(document.issued_on, today)
    return render(request, "documents/outdated.html", {"form": form, "page": page, "years": form.chosen_years})


def export(request):
    form, documents = filtered(request)
    today = timezone.localdate()
    headers = [_("STT"), _("Số, ký hiệu"), _("Ngày ban hành"), _("Số năm"), _("Loại văn bản"),
               _("Cơ quan ban hành"), _("Trích yếu"), _("Tình trạng")]
    rows = (
        [index, doc.symbol, doc.issued_on, age_in_years(doc.issued_on, today), doc.get_kind_display(),
         doc.issuer or str(doc.issuer_unit or ""), doc.title, doc.get_status_display()]
        for index, doc in enumerate(documents[:EXPORT_LIMIT], start=1)
    )
    return xlsx_response("van-ban-can-ra-soat.xlsx", _("Văn bản cần rà soát"), headers, rows)
