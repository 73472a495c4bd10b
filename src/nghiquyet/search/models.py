"""The search index: one row per searchable record, whatever its kind.

Rows are derived copies, rebuilt from the records at any time (``nghiquyet
reindex``). They point at their record by id (no foreign keys: the index
never holds up a deletion) and keep what searching needs without a join:
the text for snippets, the facets, and what scoping needs (the document,
the unit, the secret flag). Who may read a row is decided by the access
policy's rule for the record it came from (``services.visible_q``).

The full-text part is engine-specific and lives outside the ORM: an FTS5
table ``search_fts`` (rowid = the row's id) on SQLite, the ``vector``
column (a tsvector with a GIN index) on PostgreSQL. See ``engines``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VectorField(models.TextField):
    """A tsvector on PostgreSQL; on SQLite an unused, empty text column."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class SearchEntry(models.Model):
    class Source(models.TextChoices):
        DOCUMENT = "document", _("Văn bản")
        SECTION = "section", _("Mục của văn bản")
        TASK = "task", _("Nhiệm vụ")
        PLAN = "plan", _("Giao cụ thể hóa")
        INDICATOR = "indicator", _("Chỉ tiêu")
        PROGRESS = "progress", _("Báo cáo tiến độ")

    source = models.CharField(_("loại kết quả"), max_length=20, choices=Source.choices)
    record_id = models.PositiveBigIntegerField(_("mã bản ghi"))
    position = models.PositiveIntegerField(_("vị trí trong văn bản"), default=0)
    document_id = models.PositiveBigIntegerField(_("mã văn bản"), null=True)
    unit_id = models.PositiveBigIntegerField(_("mã đơn vị"), null=True)
    secret = models.BooleanField(_("mật"), default=False)

    kind = models.CharField(_("loại văn bản"), max_length=20, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True)
    status = models.CharField(_("tình trạng"), max_length=20, blank=True)
    completed_on = models.DateField(null=True)
    next_due = models.DateField(null=True)
    issued_on = models.DateField(null=True)

    symbol = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    symbol_number = models.CharField(max_length=20, blank=True)
    symbol_type = models.CharField(max_length=10, blank=True)
    symbol_issuer = models.CharField(max_length=40, blank=True)

    title = models.TextField(_("tiêu đề"), blank=True)
    context = models.CharField(_("thuộc"), max_length=500, blank=True)
    url = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    body = models.TextField(_("nội dung"), blank=True)
    vector = VectorField(default="", blank=True)

    class Meta:
        verbose_name = _("mục chỉ mục tìm kiếm")
        verbose_name_plural = _("mục chỉ mục tìm kiếm")
        indexes = [
            models.Index(fields=["source", "record_id"]),
            models.Index(fields=["document_id"]),
            models.Index(fields=["symbol_number", "symbol_type"]),
        ]

    def __str__(self):
        return f"{self.get_source_display()}: {self.title[:80]}"
