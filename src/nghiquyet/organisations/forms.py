from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from nghiquyet.text.normalize import fold

from .access import RULES
from .models import Unit, User
from .services import NewUnit
from .spreadsheet import MAX_BYTES, ImportFileError, read_workbook


class UnitImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"),
        help_text=_("Mỗi dòng một đơn vị; dòng đầu là tiêu đề. Tải tệp mẫu bằng nút Xuất Excel."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 10 MB)."))
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp Excel .xlsx."))
        try:
            return read_workbook(upload.read())
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None


class UnitSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm đơn vị"), required=False, max_length=200)


class AuditFilterForm(forms.Form):
    """Filters of the audit page; the choices are limited to what the viewer may see."""

    actor = forms.ModelChoiceField(label=_("Người thực hiện"), queryset=User.objects.none(), required=False,
                                   empty_label=_("Tất cả"))
    model = forms.ChoiceField(label=_("Loại dữ liệu"), required=False)
    date_from = forms.DateField(label=_("Từ ngày"), required=False,
                                widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    date_to = forms.DateField(label=_("Đến ngày"), required=False,
                              widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    object = forms.CharField(label=_("Đối tượng"), required=False, max_length=200)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = users.order_by("username")
        types = ContentType.objects.filter(app_label__in={label.split(".")[0] for label in RULES})
        self.fields["model"].choices = [("", _("Tất cả"))] + sorted(
            ((str(ct.pk), str(ct.model_class()._meta.verbose_name).capitalize())
             for ct in types if ct.model_class() is not None),
            key=lambda choice: choice[1],
        )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            raise forms.ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu."))
        return data

    def filter(self, entries):
        data = self.cleaned_data
        if data.get("actor"):
            entries = entries.filter(actor=data["actor"])
        if data.get("model"):
            entries = entries.filter(content_type_id=data["model"])
        if data.get("date_from"):
            entries = entries.filter(timestamp__date__gte=data["date_from"])
        if data.get("date_to"):
            entries = entries.filter(timestamp__date__lte=data["date_to"])
        if data.get("object"):
            text = data["object"].strip()
            entries = entries.filter(Q(object_repr__icontains=text) | Q(object_pk=text))
        return entries



# -- reorganising the tree -----------------------------------------------------

DATE_FORMAT = "%d/%m/%Y"


def free_code(name: str, taken: set[str] = frozenset()) -> str:
    """A new unused unit code made from a name: "Đảng ủy xã Hòa Bình" -> "DANG-UY-XA-HOA-BINH"."""
    base = (slugify(fold(name)).upper() or "DV")[:50]
    code, number = base, 1
    while code in taken or Unit.objects.filter(code=code).exists():
        number += 1
        code = f"{base}-{number}"
    return code


def new_units(names: list[str], like: Unit) -> list[NewUnit]:
    """Units to create, of the same kind as ``like``, each with its own code."""
    specs, taken = [], set()
    for name in names:
        code = free_code(name, taken)
        taken.add(code)
        specs.append(NewUnit(code=code, name=name, kind=like.kind))
    return specs


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        return f"{unit.name} ({unit.code})"


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, unit):
        return f"{unit.name} ({unit.code})"


class ReorganiseForm(forms.Form):
    """What every operation asks: the day it takes effect and the decision behind it.

    ``unit`` is the unit whose page the form is on; ``choices`` the current
    units the administrator may reorganise (the other units offered).
    """

    operation = ""
    on = forms.DateField(
        label=_("Có hiệu lực từ ngày"), input_formats=[DATE_FORMAT],
        widget=forms.DateInput(format=DATE_FORMAT, attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}),
        error_messages={"invalid": _("Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.")},
    )
    decision = forms.CharField(label=_("Căn cứ (số quyết định)"), max_length=255, required=False)

    def __init__(self, *args, unit, choices, **kwargs):
        kwargs.setdefault("prefix", self.operation)
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.unit, self.choices = unit, choices
        self.order_fields([name for name in self.fields if name not in ("on", "decision")] + ["on", "decision"])

    def outside(self):
        """The offered units outside the unit's own subtree (no unit can go under itself)."""
        return self.choices.exclude(pk__in=Unit.objects.subtree_of(self.unit).values("pk"))


class RenameForm(ReorganiseForm):
    operation = "rename"
    name = forms.CharField(label=_("Tên mới"), max_length=255)
    short_name = forms.CharField(label=_("Tên ngắn mới"), max_length=120, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["short_name"].initial = self.unit.short_name


class MergeForm(ReorganiseForm):
    operation = "merge"
    units = UnitMultipleChoiceField(label=_("Hợp nhất cùng các đơn vị"), queryset=Unit.objects.none())
    survivor = UnitChoiceField(
        label=_("Đơn vị tiếp nhận"), queryset=Unit.objects.none(), required=False,
        empty_label=_("(thành lập đơn vị mới)"),
        help_text=_("Chọn đơn vị còn lại sau hợp nhất, hoặc để trống và nhập tên đơn vị mới."),
    )
    new_name = forms.CharField(label=_("Tên đơn vị mới"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The unit itself stays in the list, so choosing it gets a clear message.
        self.fields["units"].queryset = self.choices
        self.fields["survivor"].queryset = self.choices

    def clean_units(self):
        units = self.cleaned_data["units"]
        if self.unit in units:
            raise forms.ValidationError(_("Không thể hợp nhất một đơn vị với chính nó."))
        return units

    def clean(self):
        data = super().clean()
        survivor, new_name = data.get("survivor"), (data.get("new_name") or "").strip()
        if bool(survivor) == bool(new_name):
            raise forms.ValidationError(_("Chọn đơn vị tiếp nhận hoặc nhập tên đơn vị mới (chỉ một trong hai)."))
        if survivor and "units" in data and survivor != self.unit and survivor not in data["units"]:
            self.add_error("survivor", _("Đơn vị tiếp nhận phải là một trong các đơn vị được hợp nhất."))
        data["new_name"] = new_name
        return data


class SplitForm(ReorganiseForm):
    operation = "split"
    names = forms.CharField(
        label=_("Tên các đơn vị mới"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một tên; ít nhất hai đơn vị."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every current child goes to one of the new units, given by its line number.
        self.children = list(self.unit.children.current().vietnamese_order())
        for child in self.children:
            self.fields[f"child_{child.pk}"] = forms.IntegerField(
                label=_("%(name)s chuyển về đơn vị mới số") % {"name": child.name}, min_value=1,
                help_text=_("Số thứ tự dòng trong danh sách tên ở trên."),
                error_messages={"required": _("Chọn đơn vị mới cho đơn vị trực thuộc này.")},
            )
        self.order_fields(["names", *(f"child_{child.pk}" for child in self.children), "on", "decision"])

    def clean_names(self):
        names = [line.strip() for line in self.cleaned_data["names"].splitlines() if line.strip()]
        if len(names) < 2:
            raise forms.ValidationError(_("Cần ít nhất hai đơn vị mới để chia tách."))
        if len(set(names)) < len(names):
            raise forms.ValidationError(_("Các tên đơn vị mới phải khác nhau."))
        return names

    def clean(self):
        data = super().clean()
        for child in self.children:
            number = data.get(f"child_{child.pk}")
            if number and "names" in data and number > len(data["names"]):
                self.add_error(f"child_{child.pk}", _("Chỉ có %(count)s đơn vị mới.") % {"count": len(data["names"])})
        return data

    def placement(self) -> dict[int, int]:
        """Child unit id -> index (from 0) of the new unit it goes to."""
        return {child.pk: self.cleaned_data[f"child_{child.pk}"] - 1 for child in self.children}


class AbolishForm(ReorganiseForm):
    operation = "abolish"
    successor = UnitChoiceField(label=_("Đơn vị kế thừa"), queryset=Unit.objects.none(), required=False,
                                empty_label=_("(không có: giải thể cả các đơn vị trực thuộc)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = self.outside()


class MoveForm(ReorganiseForm):
    operation = "move"
    parent = UnitChoiceField(label=_("Đơn vị cấp trên mới"), queryset=Unit.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = self.outside().exclude(pk=self.unit.parent_id)


REORGANISE_FORMS = {form.operation: form for form in (RenameForm, MergeForm, SplitForm, AbolishForm, MoveForm)}
