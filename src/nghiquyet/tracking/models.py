"""What units owe: plans (cụ thể hóa), tasks (nhiệm vụ) and indicators (chỉ tiêu).

Tasks come from accepted extracted items or are written by hand; units report
progress on them (``ProgressUpdate``, the history kept) and values of
indicators per period (``IndicatorValue``). Owing a plan is a task too, of
kind "plan" (``PlanObligation`` is that view of it): a superior document is
cascaded to units, each owes its own action programme or plan by a date, and
the plan once filed is a document of that unit implementing the superior one
(``plan_document``); the day it was issued is the day the task was done.

Deadlines keep the precision the document gave (``due_period``: "2021-07",
"2023-Q2") and the date they fall due (the period's last day). Status as of
any day is computed in the database (see ``status.py``) from the day a duty
was done and the day it is next due.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nghiquyet.documents.models import Document, ExtractedItem, Recurrence, due_date_of
from nghiquyet.documents.periods import first_occurrence, is_period, occurrences, period_end
from nghiquyet.organisations.models import Unit
from nghiquyet.text.normalize import sort_key

from .status import PLAN_LABELS, Status, status_expression, status_of


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


# -- tasks -------------------------------------------------------------------------


class TaskQuerySet(models.QuerySet):
    def with_status(self, day: datetime.date):
        return self.annotate(status=status_expression("completed_on", "next_due", day))

    def plans(self):
        return self.filter(kind=Task.Kind.PLAN)

    def work(self):
        """Tasks proper: everything but the plans units owe."""
        return self.exclude(kind=Task.Kind.PLAN)


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
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="subtasks", verbose_name=_("nhiệm vụ cấp trên"),
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
    plan_document = models.ForeignKey(
        Document, models.SET_NULL, null=True, blank=True, related_name="fulfilled_plan_tasks",
        verbose_name=_("chương trình, kế hoạch đã ban hành"),
    )
    copy_share = models.FloatField(_("tỷ lệ nội dung sao chép"), null=True, blank=True, editable=False)
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    reported_through = models.DateField(_("đã báo cáo đến kỳ"), null=True, blank=True, editable=False)
    next_due = models.DateField(_("hạn tiếp theo"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)
    sort_key = models.CharField(max_length=255, editable=False, default="")

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["lead_unit", "due_date"]),
            models.Index(fields=["lead_unit", "next_due"]),
            models.Index(fields=["next_due"]),
            models.Index(fields=["document", "lead_unit"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("tracking:task", args=[self.pk])

    def clean(self):
        super().clean()
        if self.percent is not None and self.percent > 100:
            raise ValidationError({"percent": _("Tiến độ không quá 100%.")})
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Nhiệm vụ không thể là nhiệm vụ con của chính nó.")})

    def save(self, *args, **kwargs):
        self.sort_key = sort_key(self.title)[:255]
        self.due_date = due_date_of(self.due_period)
        self.next_due = self.compute_next_due()
        super().save(*args, **kwargs)

    # -- deadlines --------------------------------------------------------------

    def first_due(self) -> datetime.date | None:
        """When the task is first due: its deadline, or for a cadence without
        one, the first period end after the document was issued."""
        if self.due_date or not self.repeats:
            return self.due_date
        start = self.document.issued_on if self.document_id and self.document.issued_on else timezone.localdate()
        return first_occurrence(self.recurrence, start)

    def compute_next_due(self) -> datetime.date | None:
        """The deadline a one-off task is held to; for a repeating one, the
        first report date not yet answered."""
        first = self.first_due()
        if not self.repeats or first is None or self.reported_through is None:
            return first
        after = self.reported_through + datetime.timedelta(days=1)
        upcoming = occurrences(first, self.recurrence, after, after + datetime.timedelta(days=800))
        return upcoming[0] if upcoming else None

    def report_dates(self, start: datetime.date, end: datetime.date) -> list[datetime.date]:
        """Dates in ``start``..``end`` when the lead unit owes a report on this task."""
        first = self.first_due()
        if first is None:
            return []
        return occurrences(first, self.recurrence if self.repeats else None, start, end)

    def status_on(self, day: datetime.date) -> Status:
        return status_of(self.completed_on, self.next_due, day)

    def status_label_on(self, day: datetime.date) -> str:
        status = self.status_on(day)
        return str(PLAN_LABELS[status] if self.is_plan else status.label)

    @property
    def is_plan(self) -> bool:
        return self.kind == self.Kind.PLAN

    @property
    def repeats(self) -> bool:
        """A duty with a cadence (a report every December); a plan is issued once."""
        return bool(self.recurrence) and not self.is_plan

    @property
    def is_done(self) -> bool:
        return self.completed_on is not None


class PlanObligationManager(models.Manager.from_queryset(TaskQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(kind=Task.Kind.PLAN)


class PlanObligation(Task):
    """A unit owes its own action programme or plan implementing ``document``:
    a task of kind "plan", done the day the plan was issued."""

    objects = PlanObligationManager()

    class Meta:
        proxy = True
        verbose_name = _("giao cụ thể hóa")
        verbose_name_plural = _("giao cụ thể hóa")

    def save(self, *args, **kwargs):
        self.kind = Task.Kind.PLAN
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("tracking:plan", args=[self.pk])


class ProgressUpdate(models.Model):
    """One report of the lead unit on a task; the list of them is the history."""

    task = models.ForeignKey(Task, models.CASCADE, related_name="updates", verbose_name=_("nhiệm vụ"))
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    narrative = models.TextField(_("kết quả thực hiện"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    report_for = models.DateField(
        _("báo cáo cho kỳ"), null=True, blank=True,
        help_text=_("Hạn báo cáo định kỳ mà báo cáo này trả lời."),
    )
    task_version = models.PositiveIntegerField(_("phiên bản nhiệm vụ"), default=1, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("người cập nhật"),
    )
    created_at = models.DateTimeField(_("thời điểm cập nhật"), default=timezone.now)

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["task", "report_for"])]

    def __str__(self):
        return f"{self.task} · {self.percent}%"

    @property
    def submitted_on(self) -> datetime.date:
        return timezone.localdate(self.created_at)

    @property
    def is_late_report(self) -> bool:
        return self.report_for is not None and self.submitted_on > self.report_for


def evidence_path(instance: "Evidence", filename: str) -> str:
    return f"minh-chung/{timezone.now():%Y/%m}/{filename}"


class Evidence(models.Model):
    """A file proving progress: a decision, minutes, photos, a report."""

    update = models.ForeignKey(ProgressUpdate, models.CASCADE, related_name="evidence", verbose_name=_("cập nhật tiến độ"))
    file = models.FileField(_("tệp"), upload_to=evidence_path, max_length=255)
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("tracking:evidence", args=[self.pk])


# -- indicators ----------------------------------------------------------------------


class Indicator(Commitment):
    """A target (chỉ tiêu): what is measured, the value to reach and by when,
    and how the values units report combine up the tree."""

    class Comparator(models.TextChoices):
        EQ = "eq", _("đạt")
        GT = "gt", _("trên")
        GTE = "gte", _("từ … trở lên")
        LT = "lt", _("dưới")
        LTE = "lte", _("không quá")
        APPROX = "approx", _("khoảng")

    class Direction(models.TextChoices):
        UP = "up", _("Càng cao càng tốt")
        DOWN = "down", _("Càng thấp càng tốt")

    class Aggregation(models.TextChoices):
        SUM = "sum", _("Cộng tổng")
        AVERAGE = "average", _("Trung bình")
        WEIGHTED = "weighted", _("Bình quân gia quyền theo giá trị gốc")
        SHARE = "share", _("Tỷ lệ đơn vị đạt ngưỡng")

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
    direction = models.CharField(_("chiều đánh giá"), max_length=10, choices=Direction.choices, blank=True,
                                 help_text=_("Để trống: suy ra từ phép so sánh (dưới, không quá: càng thấp càng tốt)."))
    aggregation = models.CharField(_("cách tổng hợp lên cấp trên"), max_length=10, choices=Aggregation.choices,
                                   default=Aggregation.AVERAGE)
    threshold = models.DecimalField(
        _("ngưỡng đạt của mỗi đơn vị"), max_digits=20, decimal_places=4, null=True, blank=True,
        help_text=_("Với cách tổng hợp “tỷ lệ đơn vị đạt ngưỡng”: giá trị mỗi đơn vị phải đạt."),
    )
    owner_unit = models.ForeignKey(Unit, models.PROTECT, related_name="indicators", verbose_name=_("đơn vị theo dõi"))
    sort_key = models.CharField(max_length=255, editable=False, default="")

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["document", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("tracking:indicator", args=[self.pk])

    def clean(self):
        super().clean()
        if self.target_value_max is not None and self.target_value is not None and self.target_value_max < self.target_value:
            raise ValidationError({"target_value_max": _("Giá trị tối đa phải lớn hơn hoặc bằng giá trị mục tiêu.")})
        if self.aggregation == self.Aggregation.SHARE and self.threshold is None:
            raise ValidationError({"threshold": _("Hãy nhập ngưỡng đạt của mỗi đơn vị.")})

    def save(self, *args, **kwargs):
        self.sort_key = sort_key(self.name)[:255]
        if not self.direction:
            self.direction = self.direction_from_comparator(self.comparator)
        super().save(*args, **kwargs)

    @classmethod
    def direction_from_comparator(cls, comparator: str) -> str:
        lower = comparator in (cls.Comparator.LT, cls.Comparator.LTE)
        return cls.Direction.DOWN if lower else cls.Direction.UP

    @property
    def higher_is_better(self) -> bool:
        return (self.direction or self.direction_from_comparator(self.comparator)) == self.Direction.UP

    @property
    def cadence(self) -> str:
        """How often units report it: its own cadence, else once a year."""
        return self.recurrence or Recurrence.ANNUAL


class IndicatorValue(models.Model):
    """The value one unit reports for one indicator and one period."""

    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="values", verbose_name=_("chỉ tiêu"))
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="indicator_values", verbose_name=_("đơn vị"))
    period = models.CharField(_("kỳ"), max_length=10, help_text=_("Năm, quý hoặc tháng: 2024, 2024-Q2, 2024-06."))
    period_end = models.DateField(_("ngày cuối kỳ"), editable=False)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4)
    base = models.DecimalField(
        _("quy mô (trọng số)"), max_digits=20, decimal_places=4, null=True, blank=True,
        help_text=_("Dùng khi tổng hợp bình quân gia quyền, ví dụ số đảng viên, dân số."),
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("người báo cáo"),
    )
    reported_at = models.DateTimeField(_("thời điểm báo cáo"), default=timezone.now)

    class Meta:
        verbose_name = _("số liệu chỉ tiêu")
        verbose_name_plural = _("số liệu chỉ tiêu")
        ordering = ["indicator", "period_end", "unit"]
        constraints = [models.UniqueConstraint(fields=["indicator", "unit", "period"], name="one_value_per_unit_and_period")]
        indexes = [models.Index(fields=["indicator", "period_end"])]

    def __str__(self):
        return f"{self.indicator} · {self.unit} · {self.period}"

    def clean(self):
        super().clean()
        if not is_period(self.period):
            raise ValidationError({"period": _("Kỳ không hợp lệ: ghi năm (2024), quý (2024-Q2) hoặc tháng (2024-06).")})

    def save(self, *args, **kwargs):
        self.period_end = period_end(self.period)
        super().save(*args, **kwargs)

    @property
    def reported_late(self) -> bool:
        return timezone.localdate(self.reported_at) > self.period_end


# -- notices -----------------------------------------------------------------------


class NoticeQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at=None)


class Notice(models.Model):
    """A warning or reminder for one user, shown in the application and e-mailed.

    ``key`` names what it is about and when ("task-overdue:12:2021-12-31"):
    the reminder job never sends the same notice twice.
    """

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Sắp đến hạn")
        OVERDUE = "overdue", _("Quá hạn")
        PLAN_MISSING = "plan_missing", _("Chưa ban hành kế hoạch")
        REPORT_MISSING = "report_missing", _("Chưa báo cáo")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="notices", verbose_name=_("người nhận"))
    unit = models.ForeignKey(Unit, models.CASCADE, related_name="notices", verbose_name=_("đơn vị liên quan"))
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=200, editable=False)
    title = models.CharField(_("tiêu đề"), max_length=300)
    message = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=300)
    secret = models.BooleanField(_("về văn bản mật"), default=False)
    created_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("thời điểm gửi thư"), null=True, blank=True)
    read_at = models.DateTimeField(_("thời điểm đọc"), null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_notice_per_user_and_key")]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.title
