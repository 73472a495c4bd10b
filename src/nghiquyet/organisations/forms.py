from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .access import RULES
from .models import User
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

