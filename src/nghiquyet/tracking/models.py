"""What units owe: tasks (nhiệm vụ) and indicators (chỉ tiêu).

They come from accepted extracted items or are written by hand. Deadlines keep
the precision the document gave (``due_period``: "2021-07", "2023-Q2") and
the date it falls due (the period's last day) for sorting and warnings.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from nghiquyet.documents.models import Document, ExtractedItem, Recurrence, due_date_of
from nghiquyet.documents.periods import is_period
from nghiquyet.organisations.models import Unit


class Commitment(models.Model):
    """What every tracked commitment records: a deadline as written (PERIOD) and
    the day it falls due, kept in step; a cadence; who made it and when."""

    due_period = models.CharField(_("thời hạn"), max_length=10, blank=True,
                                  help_text=_("Năm, quý, tháng hoặc ngày: 2025, 2023-Q2, 2021-07, 2021-01-15."))
    due_date = models.DateField(_("hạn chót"), null=True, blank=True, editable=False)
    recurrence = models.CharField(_("định kỳ"), max_length=20, choices=Recurrence.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("người tạo"),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ngày cập nhật"), auto_now=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.due_period and not is_period(self.due_period):
            raise ValidationError({"due_period": _("Thời hạn không hợp lệ: ghi năm (2025), quý (2025-Q2), tháng (2025-07) hoặc ngày (2025-07-15).")})

    def save(self, *args, **kwargs):
        self.due_date = due_date_of(self.due_period)
        super().save(*args, **kwargs)


class Task(Commitment):
    """A duty given to a lead unit, with partners, a deadline or a cadence."""

    class Kind(models.TextChoices):
        IMPLEMENT = "implement", _("Tổ chức thực hiện")
        MONITOR = "monitor", _("Theo dõi, đôn đốc, kiểm tra")
        PLAN = "plan", _("Xây dựng chương trình, kế hoạch")
        REPORT = "report", _("Báo cáo")

    document = models.ForeignKey(Document, models.PROTECT, related_name="tasks", verbose_name=_("văn bản"))
    source_item = models.ForeignKey(
        ExtractedItem, models.SET_NULL, null=True, blank=True, related_name="tasks",
        verbose_name=_("mục trích xuất"),
    )
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    action = models.TextField(_("nội dung"), blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.IMPLEMENT)
    lead_unit = models.ForeignKey(Unit, models.PROTECT, related_name="led_tasks", verbose_name=_("đơn vị chủ trì"))
    partner_units = models.ManyToManyField(Unit, blank=True, related_name="partner_tasks", verbose_name=_("đơn vị phối hợp"))
    lead_text = models.CharField(_("chủ trì (như trong văn bản)"), max_length=255, blank=True)
    responsible_person = models.CharField(_("người chịu trách nhiệm"), max_length=150, blank=True)
    report_to = models.CharField(_("báo cáo về"), max_length=255, blank=True)
    report_to_unit = models.ForeignKey(
        Unit, models.SET_NULL, null=True, blank=True, related_name="reported_tasks", verbose_name=_("đơn vị nhận báo cáo"),
    )
    expected_product = models.CharField(_("sản phẩm"), max_length=500, blank=True)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["lead_unit", "due_date"])]

    def __str__(self):
        return self.title


class Indicator(Commitment):
    """A target (chỉ tiêu): what is measured, the value to reach and by when."""

    class Comparator(models.TextChoices):
        EQ = "eq", _("đạt")
        GT = "gt", _("trên")
        GTE = "gte", _("từ … trở lên")
        LT = "lt", _("dưới")
        LTE = "lte", _("không quá")
        APPROX = "approx", _("khoảng")

    document = models.ForeignKey(Document, models.PROTECT, related_name="indicators", verbose_name=_("văn bản"))
    source_item = models.ForeignKey(
        ExtractedItem, models.SET_NULL, null=True, blank=True, related_name="indicators",
        verbose_name=_("mục trích xuất"),
    )
    name = models.CharField(_("chỉ tiêu"), max_length=500)
    scope = models.CharField(_("phạm vi"), max_length=255, blank=True)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=100, blank=True)
    comparator = models.CharField(_("so sánh"), max_length=10, choices=Comparator.choices, default=Comparator.EQ)
    target_value = models.DecimalField(_("giá trị mục tiêu"), max_digits=20, decimal_places=4)
    target_value_max = models.DecimalField(_("giá trị tối đa"), max_digits=20, decimal_places=4, null=True, blank=True)
    baseline_value = models.DecimalField(_("giá trị gốc"), max_digits=20, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("năm gốc"), null=True, blank=True)
    owner_unit = models.ForeignKey(Unit, models.PROTECT, related_name="indicators", verbose_name=_("đơn vị theo dõi"))

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["document", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.target_value_max is not None and self.target_value is not None and self.target_value_max < self.target_value:
            raise ValidationError({"target_value_max": _("Giá trị tối đa phải lớn hơn hoặc bằng giá trị mục tiêu.")})
