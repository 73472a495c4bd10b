"""Forms of the register: filters, metadata corrections, item review, uploads."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Unit, UnitGroup, subtree_q
from nghiquyet.reviews.models import ReviewMilestone
from nghiquyet.text.normalize import fold
from nghiquyet.tracking.models import Indicator, Task

from .models import Document, ExtractedItem, Kind, Recurrence
from .numbers import format_number, parse_number
from .periods import is_period, period_label
from .services.importing import MAX_FILE_BYTES

DATE_INPUT = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
LEVELS_OFFERED = 2  # unit pickers offer the user's units and two levels below
MAX_FILES = 50


def unit_choices(policy: AccessPolicy, also=()):
    """Units a picker offers: visible, current, and near the user's own units
    (a tree of 300,000 units cannot be one list); ``also`` keeps chosen ones."""
    units = policy.visible_units().current()
    depths = [unit.depth for unit in policy.home_units] or [1]
    limit = Unit.objects.filter(depth__lte=max(depths) + LEVELS_OFFERED)
    also_ids = [unit.pk for unit in also if unit is not None]
    return (units.filter(pk__in=limit.values("pk")) | units.filter(pk__in=also_ids)).distinct().order_by("path")


class UnitChoiceLabel:
    """Indent units by depth so a flat select still reads as a tree."""

    @staticmethod
    def label(unit: Unit) -> str:
        return "\u2003" * max(unit.depth - 1, 0) + unit.name


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return UnitChoiceLabel.label(obj)


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return UnitChoiceLabel.label(obj)


class PeriodField(forms.CharField):
    """A deadline as people type it: "2025", "quý II/2023", "7/2021", "15/01/2021"
    (or the stored forms "2023-Q2", "2021-07"), cleaned to a PERIOD."""

    default_error_messages = {
        "invalid": _("Thời hạn không hợp lệ: ghi năm (2025), quý (quý II/2025), tháng (7/2025) hoặc ngày (15/07/2025)."),
    }
    ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

    def prepare_value(self, value):
        return period_label(value).removeprefix("năm ") if value and is_period(value) else value

    def to_python(self, value):
        value = (super().to_python(value) or "").strip().lower()
        if not value:
            return ""
        period = self._period(re.sub(r"\s+", " ", value.removeprefix("năm ").removeprefix("tháng ")))
        if not period or not is_period(period):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return period

    def _period(self, value: str) -> str | None:
        if is_period(value.upper()):
            return value.upper()
        if match := re.fullmatch(r"(?:quý|q)\s*([ivx]+|[1-4])\s*[/-]\s*(\d{4})", value):
            quarter = self.ROMAN.get(match[1]) or (int(match[1]) if match[1].isdigit() else None)
            return f"{match[2]}-Q{quarter}" if quarter else None
        if match := re.fullmatch(r"(\d{1,2})\s*[/-]\s*(\d{4})", value):
            return f"{match[2]}-{int(match[1]):02d}"
        if match := re.fullmatch(r"(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})", value):
            return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
        return None


class NumberField(forms.CharField):
    """A number as Vietnamese documents write it: "31,7", "5.500"."""

    default_error_messages = {"invalid": _("Hãy nhập một số, ví dụ 31,7 hoặc 5.500.")}

    def prepare_value(self, value):
        return format_number(value) if isinstance(value, (int, float)) else value

    def to_python(self, value):
        value = super().to_python(value)
        if value in (None, ""):
            return None
        number = parse_number(str(value))
        if number is None or abs(number) >= 10**15:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return float(number)


def _blank(choices):
    return [("", "---------"), *choices]


# -- the register ---------------------------------------------------------------------


class RegisterFilterForm(forms.Form):
    SORTS = [
        ("-date", _("Mới nhất trước")), ("date", _("Cũ nhất trước")),
        ("title", _("Theo trích yếu (A-Z)")), ("symbol", _("Theo số, ký hiệu")),
    ]
    q = forms.CharField(label=_("Tìm theo số, ký hiệu, trích yếu"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Loại văn bản"), required=False, choices=_blank(Kind.choices))
    issuer = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)
    year = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Tình trạng"), required=False, choices=_blank(Document.Status.choices))
    unit = forms.ChoiceField(label=_("Đơn vị nhận, được giao"), required=False)
    sort = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=SORTS)

    OUTSIDE_TREE = "ngoai"

    def __init__(self, data, policy: AccessPolicy, documents, **kwargs):
        super().__init__(data, **kwargs)
        issuers = Unit.objects.filter(pk__in=documents.exclude(issuer_unit=None).values("issuer_unit"))
        self.fields["issuer"].choices = _blank(
            [(str(unit.pk), unit.name) for unit in issuers.vietnamese_order()]
            + [(self.OUTSIDE_TREE, _("Cơ quan ngoài cây tổ chức"))]
        )
        years = documents.exclude(issued_on=None).dates("issued_on", "year", order="DESC")
        self.fields["year"].choices = _blank([(day.year, str(day.year)) for day in years])
        self.fields["unit"].choices = _blank([(unit.code, UnitChoiceLabel.label(unit)) for unit in unit_choices(policy)])

    def filter(self, documents):
        data = self.cleaned_data
        if data.get("q"):
            for word in fold(data["q"]).split():
                documents = documents.filter(folded__contains=word)
        if data.get("kind"):
            documents = documents.filter(kind=data["kind"])
        if data.get("issuer") == self.OUTSIDE_TREE:
            documents = documents.filter(issuer_unit=None)
        elif data.get("issuer"):
            documents = documents.filter(issuer_unit_id=int(data["issuer"]))
        if data.get("year"):
            documents = documents.filter(issued_on__year=data["year"])
        if data.get("status"):
            documents = documents.filter(status=data["status"])
        if data.get("unit"):
            unit = Unit.objects.get(code=data["unit"])
            documents = documents.filter(subtree_q(unit.path, "recipient_units__") | subtree_q(unit.path, "issuer_unit__"))
        order = {
            "date": ["issued_on", "symbol_key"], "title": ["sort_key", "pk"], "symbol": ["symbol_key", "issued_on"],
        }.get(data.get("sort") or "-date")
        return documents.order_by(*order) if order else documents.register_order()


class DocumentForm(forms.ModelForm):
    """Correcting metadata by hand; the fields changed are kept on re-import."""

    class Meta:
        model = Document
        fields = list(Document.METADATA_FIELDS)
        widgets = {
            "issued_on": DATE_INPUT,
            "title": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"issuer_unit": UnitChoiceField, "recipient_units": UnitMultipleChoiceField}

    def __init__(self, *args, policy: AccessPolicy, **kwargs):
        super().__init__(*args, **kwargs)
        document = self.instance
        chosen = [document.issuer_unit, *(document.recipient_units.all() if document.pk else [])]
        units = unit_choices(policy, also=chosen)
        self.fields["issuer_unit"].queryset = units
        self.fields["recipient_units"].queryset = units
        self.fields["issued_on"].input_formats = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
        self.fields["issued_on"].error_messages["invalid"] = _("Ngày không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 08/06/2021.")
        replacements = Document.objects.real().readable_by(policy).listing().exclude(pk=document.pk).register_order()
        self.fields["replaced_by"].queryset = replacements

    def validate_unique(self):
        super().validate_unique()
        self.instance.refresh_keys()
        clash = Document.objects.filter(identity_key=self.instance.identity_key).exclude(pk=self.instance.pk)
        if clash.exists():
            self.add_error(None, Document._meta.get_field("identity_key").error_messages["unique"])

    def save(self, commit=True):
        document = super().save(commit=False)
        document.edited_fields = sorted(set(document.edited_fields) | set(self.changed_data))
        if commit:
            document.save()
            self.save_m2m()
        return document


# -- reviewing extracted items ------------------------------------------------------------


class ItemForm(forms.Form):
    """Common to the three kinds: where in the text the item is (for added ones)."""

    quote = forms.CharField(label=_("Trích đoạn trong văn bản"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, policy: AccessPolicy, item: ExtractedItem | None = None, **kwargs):
        self.policy, self.item = policy, item
        super().__init__(*args, **kwargs)
        if item is not None:
            self.fields.pop("quote")

    def units(self) -> dict:
        return {}


class TargetItemForm(ItemForm):
    item_type = ExtractedItem.Type.TARGET
    indicator = forms.CharField(label=_("Chỉ tiêu"), max_length=500)
    scope = forms.CharField(label=_("Phạm vi"), required=False, max_length=255)
    comparator = forms.ChoiceField(label=_("So sánh"), choices=Indicator.Comparator.choices, initial="eq")
    value = NumberField(label=_("Giá trị"))
    value_max = NumberField(label=_("Đến (khi là khoảng)"), required=False)
    unit = forms.CharField(label=_("Đơn vị tính"), required=False, max_length=100)
    deadline = PeriodField(label=_("Thời hạn"), required=False)
    recurrence = forms.ChoiceField(label=_("Định kỳ"), required=False, choices=_blank(Recurrence.choices))
    baseline_value = NumberField(label=_("Giá trị gốc"), required=False)
    baseline_year = forms.IntegerField(label=_("Năm gốc"), required=False, min_value=1900, max_value=2200)

    def clean(self):
        data = super().clean()
        if data.get("value_max") is not None and data.get("value") is not None and data["value_max"] < data["value"]:
            self.add_error("value_max", _("Giá trị “đến” phải lớn hơn hoặc bằng giá trị “từ”."))
        if (data.get("baseline_value") is None) != (data.get("baseline_year") is None):
            self.add_error("baseline_year", _("Giá trị gốc cần đi cùng năm gốc."))
        return data

    def contract(self) -> dict:
        data = self.cleaned_data
        baseline = None
        if data.get("baseline_value") is not None:
            baseline = {"value": data["baseline_value"], "year": str(data["baseline_year"])}
        return {
            "indicator": data["indicator"], "scope": data["scope"] or None, "value": data["value"],
            "value_max": data["value_max"], "unit": data["unit"] or None, "comparator": data["comparator"],
            "deadline": data["deadline"] or None, "recurrence": data["recurrence"] or None, "baseline": baseline,
        }

    @classmethod
    def initial_from(cls, item: ExtractedItem) -> dict:
        fields = dict(item.fields)
        baseline = fields.pop("baseline", None) or {}
        return {**fields, "baseline_value": baseline.get("value"), "baseline_year": baseline.get("year")}


class AssignmentItemForm(ItemForm):
    item_type = ExtractedItem.Type.ASSIGNMENT
    action = forms.CharField(label=_("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(label=_("Loại"), choices=Task.Kind.choices, initial=Task.Kind.IMPLEMENT)
    lead_units = UnitMultipleChoiceField(label=_("Đơn vị chủ trì"), queryset=Unit.objects.none(),
                                         error_messages={"required": _("Hãy chọn ít nhất một đơn vị chủ trì.")})
    partner_units = UnitMultipleChoiceField(label=_("Đơn vị phối hợp"), queryset=Unit.objects.none(), required=False)
    due = PeriodField(label=_("Thời hạn"), required=False)
    recurrence = forms.ChoiceField(label=_("Định kỳ"), required=False, choices=_blank(Recurrence.choices))
    report_to = forms.CharField(label=_("Báo cáo về"), required=False, max_length=255)
    report_to_unit = UnitChoiceField(label=_("Đơn vị nhận báo cáo"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = []
        if self.item is not None:
            chosen = [*self.item.lead_units.all(), *self.item.partner_units.all(), self.item.report_to_unit]
        units = unit_choices(self.policy, also=chosen)
        for name in ("lead_units", "partner_units", "report_to_unit"):
            self.fields[name].queryset = units

    def contract(self) -> dict:
        data = self.cleaned_data
        lead_names = (self.item.fields.get("lead") if self.item else None) or [unit.name for unit in data["lead_units"]]
        partner_names = [unit.name for unit in data["partner_units"]]
        return {
            "lead": lead_names, "partners": partner_names, "action": data["action"], "due": data["due"] or None,
            "recurrence": data["recurrence"] or None, "report_to": data["report_to"] or None, "kind": data["kind"],
        }

    def units(self) -> dict:
        data = self.cleaned_data
        return {"lead_units": list(data["lead_units"]), "partner_units": list(data["partner_units"]),
                "report_to_unit": data["report_to_unit"]}

    @classmethod
    def initial_from(cls, item: ExtractedItem) -> dict:
        return {**item.fields, "lead_units": list(item.lead_units.all()), "partner_units": list(item.partner_units.all()),
                "report_to_unit": item.report_to_unit}


class ReviewItemForm(ItemForm):
    item_type = ExtractedItem.Type.REVIEW
    kind = forms.ChoiceField(label=_("Loại"), choices=ReviewMilestone.Kind.choices)
    due = PeriodField(label=_("Thời hạn"), required=False)
    every_year = forms.BooleanField(label=_("Hằng năm"), required=False)

    def clean(self):
        data = super().clean()
        if not data.get("due") and not data.get("every_year"):
            self.add_error("due", _("Hãy ghi thời hạn, hoặc chọn “Hằng năm”."))
        return data

    def contract(self) -> dict:
        data = self.cleaned_data
        return {"kind": data["kind"], "due": "annual" if data["every_year"] else data["due"]}

    @classmethod
    def initial_from(cls, item: ExtractedItem) -> dict:
        due = item.fields.get("due")
        return {"kind": item.fields.get("kind"), "due": "" if due == "annual" else due, "every_year": due == "annual"}


ITEM_FORMS = {form.item_type: form for form in (TargetItemForm, AssignmentItemForm, ReviewItemForm)}


class BodyMappingForm(forms.Form):
    name = forms.CharField(widget=forms.HiddenInput, max_length=255)
    unit = UnitChoiceField(label=_("Là đơn vị"), queryset=Unit.objects.none(), required=False)
    group = forms.ModelChoiceField(label=_("hoặc nhóm đơn vị"), queryset=UnitGroup.objects.all(), required=False)
    not_a_body = forms.BooleanField(label=_("hoặc không phải tên cơ quan"), required=False)

    def __init__(self, *args, policy: AccessPolicy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_choices(policy)

    def clean(self):
        data = super().clean()
        if sum([bool(data.get("unit")), bool(data.get("group")), bool(data.get("not_a_body"))]) != 1:
            raise ValidationError(_("Hãy chọn đúng một: một đơn vị, một nhóm đơn vị, hoặc “không phải tên cơ quan”."))
        return data


# -- uploads and the calendar --------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.docx,.pdf"}))
        # An empty file is reported by the import, per file, not refused with the batch.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if not files:
            raise ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Tệp văn bản (.txt, .docx, .pdf)"),
        error_messages={"required": _("Hãy chọn ít nhất một tệp."), "empty": _("Tệp đã chọn rỗng."),
                        "invalid": _("Dữ liệu gửi lên không phải tệp.")},
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise ValidationError(_("Mỗi lần chỉ nhập tối đa %(count)d tệp.") % {"count": MAX_FILES})
        for upload in files:
            if upload.size > MAX_FILE_BYTES:
                raise ValidationError(
                    _("Tệp “%(name)s” quá lớn (%(size)s): chỉ nhận tệp đến %(max)s.")
                    % {"name": upload.name, "size": filesizeformat(upload.size), "max": filesizeformat(MAX_FILE_BYTES)}
                )
        return files


class CalendarFilterForm(forms.Form):
    month = forms.RegexField(label=_("Tháng"), regex=r"^\d{4}-\d{2}$", required=False,
                             widget=forms.TextInput(attrs={"type": "month"}),
                             error_messages={"invalid": _("Tháng không hợp lệ.")})
    unit = forms.ChoiceField(label=_("Đơn vị"), required=False)
    year = forms.BooleanField(label=_("Cả năm"), required=False)

    def __init__(self, data, policy: AccessPolicy, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["unit"].choices = _blank([(unit.code, UnitChoiceLabel.label(unit)) for unit in unit_choices(policy)])

    def chosen_unit(self) -> Unit | None:
        code = self.cleaned_data.get("unit") if self.is_valid() else None
        return Unit.objects.filter(code=code).first() if code else None
