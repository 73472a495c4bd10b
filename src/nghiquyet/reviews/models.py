"""Interim (sơ kết) and final (tổng kết) reviews a document calls for."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nghiquyet.documents.models import Document, ExtractedItem
from nghiquyet.organisations.models import Unit
from nghiquyet.tracking.models import Commitment


class ReviewMilestone(Commitment):
    """A review due by the end of a period ("sơ kết vào quý II/2023"), or every
    year ("sơ kết hằng năm": no period, ``recurrence`` annual)."""

    class Kind(models.TextChoices):
        SO_KET = "so_ket", _("Sơ kết")
        TONG_KET = "tong_ket", _("Tổng kết")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Chưa thực hiện")
        DONE = "done", _("Đã thực hiện")
        CANCELLED = "cancelled", _("Không thực hiện")

    document = models.ForeignKey(Document, models.PROTECT, related_name="review_milestones", verbose_name=_("văn bản"))
    source_item = models.ForeignKey(
        ExtractedItem, models.SET_NULL, null=True, blank=True, related_name="review_milestones",
        verbose_name=_("mục trích xuất"),
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="review_milestones", verbose_name=_("đơn vị thực hiện"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    completed_on = models.DateField(_("ngày thực hiện"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("mốc sơ kết, tổng kết")
        verbose_name_plural = _("mốc sơ kết, tổng kết")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.document}"
