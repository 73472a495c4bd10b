"""Forms of the tracking pages: cascading, filing plans, tasks and progress,
indicator values, and the filters of every list."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nghiquyet.documents.forms import (
    DATE_INPUT,
    MultipleFileInput,
    NumberField,
    PeriodField,
    UnitChoiceField,
    UnitChoiceLabel,
    UnitMultipleChoiceField,
    unit_choices,
)
from nghiquyet.documents.models import Document, Kind
from nghiquyet.documents.services.importing import MAX_FILE_BYTES
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Unit, UnitGroup, subtree_q

from .models import Indicator, Task
from .services.indicators import IndicatorStatus
from .status import PLAN_LABELS, Status

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATE_ERROR = _("Ngày không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 08/06/2021.")
MAX_EVIDENCE_FILES = 10


def date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, input_formats=DATE_FORMATS, widget=DATE_INPUT,
                           error_messages={"invalid": DATE_ERROR}, **kwargs)


def _blank(choices):
    return [("", "---------"), *choices]


# -- the unit and day a page is about -------------------------------------------------------


class UnitDayForm(forms.Form):
    """Which unit and which day a dashboard shows (the user's own unit, today, by default)."""

    unit = forms.ChoiceField(label=_("Đơn vị"), required=False)
    day = date_field(_("Tính đến ngày"), required=False)

    def __init__(self, data, policy: AccessPolicy, **kwargs):
        super().__init__(data, **kwargs)
        self.policy = policy
        self.fields["unit"].choices = [(unit.code, UnitChoiceLabel.label(unit)) for unit in unit_choices(policy)]
        unit = default_unit(policy)
        self.fields["unit"].initial = unit.code if unit else None
        self.fields["day"].initial = timezone.localdate()

    def chosen(self) -> tuple[Unit | None, datetime.date]:
        data = self.cleaned_data if self.is_valid() else {}
        day = data.get("day") or timezone.localdate()
        code = data.get("unit")
        unit = self.policy.visible_units().filter(code=code).first() if code else None
        return unit or default_unit(self.policy), day


def default_unit(policy: AccessPolicy) -> Unit | None:
    """The top of the user's part of the tree."""
    if policy.home_units:
        return min(policy.home_units, key=lambda unit: (unit.depth, unit.sort_key))
    return policy.visible_units().order_by("path").first()


# -- cascading and plans -----------------------------------------------------------------------


class AssignForm(forms.Form):
    units = UnitMultipleChoiceField(label=_("Các đơn vị"), queryset=Unit.objects.none(), required=False,
                                    widget=forms.SelectMultiple(attrs={"size": 10}))
    groups = forms.ModelMultipleChoiceField(label=_("hoặc các nhóm đơn vị"), queryset=UnitGroup.objects.none(),
                                            required=False, widget=forms.SelectMultiple(attrs={"size": 4}))
    due_period = PeriodField(label=_("Hạn ban hành chương trình, kế hoạch"), required=False)
    note = forms.CharField(label=_("Yêu cầu"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, policy: AccessPolicy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = unit_choices(policy)
        self.fields["groups"].queryset = UnitGroup.objects.filter(anchor__in=policy.visible_units()).order_by("name")

    def clean(self):
        data = super().clean()
        if not data.get("units") and not data.get("groups"):
            raise ValidationError(_("Hãy chọn ít nhất một đơn vị hoặc một nhóm đơn vị."))
        return data


def one_file(label, accept: str) -> forms.FileField:
    return forms.FileField(label=label, widget=forms.ClearableFileInput(attrs={"accept": accept}),
                           error_messages={"required": _("Hãy chọn tệp."), "empty": _("Tệp đã chọn rỗng.")})


class OneFileForm(forms.Form):
    """One uploaded file, refused when larger than any import takes."""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(_("Tệp quá lớn (%(size)s): chỉ nhận tệp đến %(max)s.")
                                  % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_FILE_BYTES)})
        return upload


class PlanUploadForm(OneFileForm):
    file = one_file(_("Tệp chương trình, kế hoạch (.txt, .docx, .pdf)"), ".txt,.docx,.pdf")


class PlanWriteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=[(Kind.KE_HOACH, Kind.KE_HOACH.label),
                                                               (Kind.CHUONG_TRINH, Kind.CHUONG_TRINH.label)])
    symbol = forms.CharField(label=_("Số, ký hiệu"), required=False, max_length=100)
    issued_on = date_field(_("Ngày ban hành"))
    title = forms.CharField(label=_("Trích yếu"), max_length=500)
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 16}), max_length=2_000_000)


# -- tasks and progress -------------------------------------------------------------------------


class TaskForm(forms.ModelForm):
    due_period = PeriodField(label=_("Thời hạn"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Task
        fields = ["document", "title", "action", "kind", "lead_unit", "partner_units", "responsible_person",
                  "due_period", "recurrence", "expected_product", "report_to_unit"]
        widgets = {"action": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"lead_unit": UnitChoiceField, "partner_units": UnitMultipleChoiceField,
                         "report_to_unit": UnitChoiceField}

    def __init__(self, *args, policy: AccessPolicy, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        task = self.instance
        chosen = [task.lead_unit if task.lead_unit_id else None, task.report_to_unit,
                  *(task.partner_units.all() if task.pk else [])]
        units = unit_choices(policy, also=chosen)
        for name in ("lead_unit", "partner_units", "report_to_unit"):
            self.fields[name].queryset = units
        self.fields["document"].queryset = policy.scope(Document.objects.real()).register_order()
        self.fields["kind"].choices = [c for c in Task.Kind.choices if c[0] != Task.Kind.PLAN]
        self.fields["version"].initial = task.version

    def clean_lead_unit(self):
        unit = self.cleaned_data["lead_unit"]
        if not self.policy.can_create_at(Task, unit):
            raise ValidationError(_("Bạn không có quyền giao nhiệm vụ cho đơn vị này."))
        return unit


class EvidenceField(forms.FileField):
    """Any number of files, none included."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        clean_one = super().clean  # outside the comprehension: Python 3.11 gives it its own scope
        return [clean_one(upload, initial) for upload in files]


class ProgressForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    percent = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100,
                                 error_messages={"min_value": _("Tiến độ từ 0 đến 100%%."),
                                                 "max_value": _("Tiến độ từ 0 đến 100%%.")})
    completed = forms.BooleanField(label=_("Đã hoàn thành"), required=False)
    completed_on = date_field(_("Ngày hoàn thành"), required=False)
    report_for = forms.TypedChoiceField(label=_("Báo cáo cho kỳ"), required=False, empty_value=None,
                                        coerce=datetime.date.fromisoformat)
    narrative = forms.CharField(label=_("Kết quả thực hiện"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    difficulties = forms.CharField(label=_("Khó khăn, vướng mắc"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    proposals = forms.CharField(label=_("Đề xuất, kiến nghị"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = EvidenceField(label=_("Tệp minh chứng"), required=False)

    def __init__(self, *args, task: Task, report_dates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.task = task
        self.fields["report_for"].choices = _blank([(day.isoformat(), f"{day:%d/%m/%Y}") for day in report_dates])
        if not report_dates:
            self.fields.pop("report_for")
        self.fields["version"].initial = task.version
        self.fields["percent"].initial = task.percent
        self.fields["completed"].initial = task.is_done
        self.fields["completed_on"].initial = task.completed_on

    def clean_evidence(self):
        files = self.cleaned_data["evidence"]
        if len(files) > MAX_EVIDENCE_FILES:
            raise ValidationError(_("Mỗi lần chỉ gửi tối đa %(count)d tệp minh chứng.") % {"count": MAX_EVIDENCE_FILES})
        for upload in files:
            if upload.size > MAX_FILE_BYTES:
                raise ValidationError(_("Tệp “%(name)s” quá lớn: chỉ nhận tệp đến %(max)s.")
                                      % {"name": upload.name, "max": filesizeformat(MAX_FILE_BYTES)})
        return files

    def clean(self):
        data = super().clean()
        day = data.get("completed_on")
        if data.get("completed") and day and day > timezone.localdate():
            self.add_error("completed_on", _("Ngày hoàn thành không thể ở tương lai."))
        return data

    def changes(self) -> dict:
        data = self.cleaned_data
        return {key: data.get(key) for key in ("percent", "completed", "completed_on", "narrative", "difficulties",
                                               "proposals", "report_for")} | {"files": data.get("evidence") or []}


class SubtaskForm(forms.Form):
    units = UnitMultipleChoiceField(label=_("Giao cho các đơn vị"), queryset=Unit.objects.none(),
                                    widget=forms.SelectMultiple(attrs={"size": 8}),
                                    error_messages={"required": _("Hãy chọn ít nhất một đơn vị.")})
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=500)
    due_period = PeriodField(label=_("Thời hạn"), required=False)
    expected_product = forms.CharField(label=_("Sản phẩm"), required=False, max_length=500)

    def __init__(self, *args, policy: AccessPolicy, parent: Task, **kwargs):
        super().__init__(*args, **kwargs)
        below = parent.lead_unit.descendants().current().order_by("path")
        self.fields["units"].queryset = below.filter(pk__in=policy.visible_units().values("pk"))
        self.fields["title"].initial = parent.title
        self.fields["due_period"].initial = parent.due_period


# -- indicators -----------------------------------------------------------------------------


class IndicatorValueForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    period = PeriodField(label=_("Kỳ"), help_text=_("Năm (2024), quý (quý II/2024) hoặc tháng (6/2024)."))
    value = NumberField(label=_("Giá trị"))
    base = NumberField(label=_("Quy mô (trọng số)"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean_period(self):
        period = self.cleaned_data["period"]
        if len(period) == 10:  # a day: values are reported per year, quarter or month
            raise ValidationError(_("Kỳ báo cáo là năm, quý hoặc tháng."))
        return period


class IndicatorDefinitionForm(forms.ModelForm):
    threshold = NumberField(label=_("Ngưỡng đạt của mỗi đơn vị"), required=False)

    class Meta:
        model = Indicator
        fields = ["unit_of_measure", "direction", "aggregation", "threshold", "recurrence"]


# -- filters -----------------------------------------------------------------------------------


class ListFilterForm(forms.Form):
    """Filters shared by the lists: words, unit (its subtree), document, status; and the order."""

    SORTS: list = []
    STATUS_CHOICES: list = []

    q = forms.CharField(label=_("Tìm"), required=False, max_length=200)
    unit = forms.ChoiceField(label=_("Đơn vị (gồm cấp dưới)"), required=False)
    document = forms.TypedChoiceField(label=_("Văn bản"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Tình trạng"), required=False)
    day = date_field(_("Tính đến ngày"), required=False)
    sort = forms.ChoiceField(label=_("Sắp xếp"), required=False)

    def __init__(self, data, policy: AccessPolicy, documents, **kwargs):
        super().__init__(data, **kwargs)
        self.policy = policy
        self.fields["unit"].choices = _blank([(u.code, UnitChoiceLabel.label(u)) for u in unit_choices(policy)])
        self.fields["document"].choices = _blank([(d.pk, d.display_name) for d in documents])
        self.fields["status"].choices = _blank(self.STATUS_CHOICES)
        self.fields["sort"].choices = self.SORTS

    def value(self, name):
        return self.cleaned_data.get(name) if self.is_valid() else None

    @property
    def as_of(self) -> datetime.date:
        return self.value("day") or timezone.localdate()

    def chosen_unit(self) -> Unit | None:
        code = self.value("unit")
        return self.policy.visible_units().filter(code=code).first() if code else None

    def filter(self, records, *, words: str):
        """``records`` (annotated with their status) within the chosen unit's subtree,
        document and status, whose ``words`` field contains the words searched."""
        unit = self.chosen_unit()
        if unit is not None:
            records = records.filter(subtree_q(unit.path, "lead_unit__"))
        for name in ("document", "status", "kind"):
            if self.value(name):
                records = records.filter(**{name: self.value(name)})
        if self.value("q"):
            records = records.filter(**{f"{words}__icontains": self.value("q")})
        return records


class TaskFilterForm(ListFilterForm):
    SORTS = [("due", _("Hạn gần nhất trước")), ("status", _("Tình trạng (quá hạn trước)")),
             ("title", _("Tên nhiệm vụ (A-Z)")), ("unit", _("Đơn vị chủ trì (A-Z)")), ("-updated", _("Mới cập nhật"))]
    STATUS_CHOICES = Status.choices
    kind = forms.ChoiceField(label=_("Loại"), required=False,
                             choices=_blank([c for c in Task.Kind.choices if c[0] != Task.Kind.PLAN]))


class PlanFilterForm(ListFilterForm):
    SORTS = [("due", _("Hạn gần nhất trước")), ("status", _("Tình trạng (quá hạn trước)")),
             ("unit", _("Đơn vị (A-Z)")), ("copy", _("Tỷ lệ sao chép (cao trước)"))]
    STATUS_CHOICES = [(status.value, label) for status, label in PLAN_LABELS.items()]


class IndicatorFilterForm(ListFilterForm):
    SORTS = [("name", _("Tên chỉ tiêu (A-Z)")), ("status", _("Tình trạng (không đạt trước)")),
             ("due", _("Thời hạn gần nhất trước"))]
    STATUS_CHOICES = IndicatorStatus.choices


class ReportFilterForm(forms.Form):
    unit = forms.ChoiceField(label=_("Đơn vị (gồm cấp dưới)"), required=False)
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1990, max_value=2200)
    state = forms.ChoiceField(label=_("Tình trạng"), required=False)

    def __init__(self, data, policy: AccessPolicy, states, **kwargs):
        super().__init__(data, **kwargs)
        self.policy = policy
        self.fields["unit"].choices = _blank([(u.code, UnitChoiceLabel.label(u)) for u in unit_choices(policy)])
        self.fields["state"].choices = _blank(states)


class UploadSheetForm(OneFileForm):
    file = one_file(_("Tệp Excel đã điền (.xlsx)"), ".xlsx")
