"""The register of leadership documents and what was read from them.

A ``Document`` is identified by its symbol, date and issuer: the same symbol
with another date is another document (109-NQ/TU of 2016 and of 2021). A
document that is only cited so far is kept as a *placeholder* built from the
citation, and filled in (not duplicated) when the real one is imported.
Everything the reader and the extractor found keeps its place in the repaired
text (character spans) and in the original file (line numbers), so staff can
check it against the source.
"""

from __future__ import annotations

import bisect
import datetime
import hashlib
import json
import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nghiquyet.organisations.models import Unit, UnitGroup
from nghiquyet.text.normalize import fold, match_key, sort_key

from .periods import period_end
from .symbols import symbol_key


class Kind(models.TextChoices):
    NGHI_QUYET = "nghi_quyet", _("Nghị quyết")
    CHI_THI = "chi_thi", _("Chỉ thị")
    KET_LUAN = "ket_luan", _("Kết luận")
    KE_HOACH = "ke_hoach", _("Kế hoạch")
    CHUONG_TRINH = "chuong_trinh", _("Chương trình")
    QUYET_DINH = "quyet_dinh", _("Quyết định")
    QUY_DINH = "quy_dinh", _("Quy định")
    QUY_CHE = "quy_che", _("Quy chế")
    HUONG_DAN = "huong_dan", _("Hướng dẫn")
    DE_AN = "de_an", _("Đề án")
    BAO_CAO = "bao_cao", _("Báo cáo")
    THONG_BAO = "thong_bao", _("Thông báo")
    CONG_VAN = "cong_van", _("Công văn")
    KHAC = "khac", _("Văn bản khác")


class Recurrence(models.TextChoices):
    ANNUAL = "annual", _("Hằng năm")
    SEMIANNUAL = "semiannual", _("6 tháng một lần")
    QUARTERLY = "quarterly", _("Hằng quý")
    MONTHLY = "monthly", _("Hằng tháng")
    WEEKLY = "weekly", _("Hằng tuần")


def source_path(instance: "SourceFile", filename: str) -> str:
    """Originals are stored by content hash: one copy per distinct file."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"van-ban/{instance.sha256[:2]}/{instance.sha256}{suffix}"


class SourceFile(models.Model):
    """An imported file, kept as uploaded. A compilation holds many documents."""

    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64, unique=True, editable=False)
    filename = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    file = models.FileField(_("tệp"), upload_to=source_path, max_length=255)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người nhập"),
    )
    imported_at = models.DateTimeField(_("thời điểm nhập"), auto_now_add=True)

    class Meta:
        verbose_name = _("tệp gốc")
        verbose_name_plural = _("tệp gốc")
        ordering = ["-imported_at"]

    def __str__(self):
        return self.filename

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()


class DocumentQuerySet(models.QuerySet):
    def real(self):
        return self.filter(is_placeholder=False)

    def readable_by(self, policy):
        """The documents ``policy`` lets its user read, as a plain queryset.

        The policy's own scope joins the recipients and so needs DISTINCT,
        which over the full texts is slow; filtering by the scoped ids is not.
        """
        return self.filter(pk__in=policy.scope(Document.objects.all()).values("pk"))

    def listing(self):
        """Without the full text and its maps, which lists never show."""
        return self.defer("text", "anchors", "outline", "warnings", "folded")

    def register_order(self):
        return self.order_by(models.F("issued_on").desc(nulls_last=True), "symbol_key", "pk")


class Document(models.Model):
    """A leadership document (văn bản lãnh đạo, chỉ đạo) in the register."""

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("Còn hiệu lực")
        AMENDED = "amended", _("Đã được sửa đổi, bổ sung")
        REPLACED = "replaced", _("Đã được thay thế")
        EXPIRED = "expired", _("Hết hiệu lực")

    # Fields staff may correct by hand; a later import keeps their corrections.
    METADATA_FIELDS = (
        "kind", "symbol", "issued_on", "issuer", "issuer_unit", "title", "signer",
        "signer_position", "secret", "dissemination", "recipients", "recipient_units",
        "status", "replaced_by",
    )

    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind.choices, default=Kind.KHAC)
    symbol = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issuer = models.CharField(
        _("cơ quan ban hành"), max_length=255, blank=True,
        help_text=_("Như in trên văn bản: Tỉnh ủy, Ban Thường vụ Tỉnh ủy…"),
    )
    issuer_block = models.CharField(_("tên cơ quan ở đầu văn bản"), max_length=255, blank=True)
    issuer_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="issued_documents",
        verbose_name=_("đơn vị ban hành"),
        help_text=_("Để trống khi cơ quan ban hành không thuộc cây tổ chức (ví dụ văn bản của Trung ương)."),
    )
    title = models.TextField(_("trích yếu"), blank=True)
    signer = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    secret = models.BooleanField(_("mật"), default=False)
    dissemination = models.CharField(_("phạm vi phổ biến"), max_length=255, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    recipient_units = models.ManyToManyField(
        Unit, blank=True, related_name="received_documents", verbose_name=_("đơn vị nhận, được giao"),
    )
    status = models.CharField(_("tình trạng"), max_length=20, choices=Status.choices, default=Status.IN_FORCE)
    replaced_by = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="replaces",
        verbose_name=_("được thay thế bởi"),
    )
    is_placeholder = models.BooleanField(
        _("chưa có trong hệ thống"), default=False,
        help_text=_("Văn bản mới được trích dẫn, chưa nhập toàn văn."),
    )
    source_file = models.ForeignKey(
        SourceFile, models.PROTECT, null=True, blank=True, related_name="documents",
        verbose_name=_("tệp gốc"),
    )
    first_line = models.PositiveIntegerField(_("từ dòng"), null=True, blank=True)
    last_line = models.PositiveIntegerField(_("đến dòng"), null=True, blank=True)
    text = models.TextField(_("toàn văn (đã chuẩn hóa)"), blank=True)
    anchors = models.JSONField(default=list, blank=True, editable=False)
    outline = models.JSONField(default=list, blank=True, editable=False)
    warnings = models.JSONField(default=list, blank=True, editable=False)
    edited_fields = models.JSONField(default=list, blank=True, editable=False)

    symbol_key = models.CharField(max_length=100, db_index=True, editable=False, default="")
    identity_key = models.CharField(
        max_length=255, unique=True, editable=False,
        error_messages={"unique": _("Sổ văn bản đã có văn bản cùng số, ký hiệu, ngày ban hành và cơ quan ban hành.")},
    )
    sort_key = models.CharField(max_length=255, editable=False, default="")
    folded = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ngày cập nhật"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "symbol_key"]
        indexes = [models.Index(fields=["kind", "issued_on"]), models.Index(fields=["sort_key"])]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        parts = [self.get_kind_display()]
        if self.symbol:
            parts.append(f"số {self.symbol}")
        if self.issued_on:
            parts.append(f"ngày {self.issued_on:%d/%m/%Y}")
        if not self.symbol and self.title:
            parts.append(self.title[:80])
        return " ".join(str(part) for part in parts)

    def get_absolute_url(self):
        return reverse("documents:detail", args=[self.pk])

    # -- keys ---------------------------------------------------------------

    def issuer_key(self) -> str:
        if self.issuer_unit_id:
            return f"unit:{self.issuer_unit_id}"
        return match_key(self.issuer_block or self.issuer)[:80]

    def compute_identity(self) -> str:
        if self.symbol:
            base = symbol_key(self.symbol)
        elif self.title:
            base = "title:" + match_key(self.title)[:120]
        else:
            base = f"file:{self.source_file_id}:{self.first_line}"
        return f"{base}|{self.issued_on.isoformat() if self.issued_on else ''}|{self.issuer_key()}"[:255]

    def refresh_keys(self) -> None:
        self.symbol_key = symbol_key(self.symbol)
        self.identity_key = self.compute_identity()
        self.sort_key = sort_key(self.title or self.symbol)[:255]
        self.folded = fold(" ".join(filter(None, [self.symbol, self.title, self.issuer, self.signer])))

    def clean(self):
        super().clean()
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            raise ValidationError({"replaced_by": _("Văn bản không thể thay thế chính nó.")})
        if self.status == self.Status.REPLACED and not self.replaced_by_id:
            raise ValidationError({"replaced_by": _("Hãy chọn văn bản thay thế.")})
        self.refresh_keys()

    def save(self, *args, **kwargs):
        self.refresh_keys()
        super().save(*args, **kwargs)

    # -- text ---------------------------------------------------------------

    def line_at(self, offset: int) -> int | None:
        """The original file line that the character at ``offset`` came from."""
        if not self.anchors:
            return self.first_line
        index = bisect.bisect_right([anchor[0] for anchor in self.anchors], offset) - 1
        return self.anchors[max(index, 0)][1]

    @property
    def recipient_lines(self) -> list[str]:
        return [line for line in self.recipients.splitlines() if line.strip()]


class Reference(models.Model):
    """A mention of another document in a document's text."""

    class Relation(models.TextChoices):
        THUC_HIEN = "thuc_hien", _("Thực hiện")
        TIEP_TUC_THUC_HIEN = "tiep_tuc_thuc_hien", _("Tiếp tục thực hiện")
        THAY_THE = "thay_the", _("Thay thế")
        SUA_DOI = "sua_doi", _("Sửa đổi")
        BO_SUNG = "bo_sung", _("Bổ sung")
        BAI_BO = "bai_bo", _("Bãi bỏ")
        CAN_CU = "can_cu", _("Căn cứ")
        TRICH_DAN = "trich_dan", _("Trích dẫn")

    from_document = models.ForeignKey(
        Document, models.CASCADE, related_name="references", verbose_name=_("văn bản trích dẫn"),
    )
    to_document = models.ForeignKey(
        Document, models.SET_NULL, null=True, blank=True, related_name="cited_by",
        verbose_name=_("văn bản được trích dẫn"),
    )
    relation = models.CharField(_("quan hệ"), max_length=30, choices=Relation.choices, default=Relation.TRICH_DAN)
    symbol = models.CharField(_("số, ký hiệu được trích"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày được trích"), null=True, blank=True)
    kind = models.CharField(_("loại được trích"), max_length=20, choices=Kind.choices, blank=True)
    title = models.TextField(_("trích yếu được trích"), blank=True)
    line = models.PositiveIntegerField(_("dòng"), default=0)
    quote = models.TextField(_("trích đoạn"), blank=True)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("trích dẫn")
        verbose_name_plural = _("trích dẫn")
        ordering = ["from_document", "start", "pk"]

    def __str__(self):
        return f"{self.from_document} → {self.symbol or self.title[:60]}"

    def mention_key(self) -> tuple:
        """Identifies the mention within its document, to find it again on re-import."""
        return (self.symbol, self.issued_on, self.relation, self.start, self.end)


class ExtractedItem(models.Model):
    """A target, assignment or review the extractor found, awaiting staff review."""

    class Type(models.TextChoices):
        TARGET = "target", _("Chỉ tiêu")
        ASSIGNMENT = "assignment", _("Nhiệm vụ được giao")
        REVIEW = "review", _("Sơ kết, tổng kết")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Chờ rà soát")
        ACCEPTED = "accepted", _("Đã chấp nhận")
        EDITED = "edited", _("Đã sửa và chấp nhận")
        REJECTED = "rejected", _("Đã loại")
        ADDED = "added", _("Cán bộ bổ sung")

    ADOPTED = (Status.ACCEPTED, Status.EDITED, Status.ADDED)

    document = models.ForeignKey(Document, models.CASCADE, related_name="items", verbose_name=_("văn bản"))
    type = models.CharField(_("loại"), max_length=20, choices=Type.choices)
    fields = models.JSONField(_("nội dung"), default=dict)
    start = models.PositiveIntegerField(_("vị trí đầu"), default=0)
    end = models.PositiveIntegerField(_("vị trí cuối"), default=0)
    line = models.PositiveIntegerField(_("dòng"), default=0)
    quote = models.TextField(_("trích đoạn"), blank=True)
    confidence = models.FloatField(_("độ tin cậy"), default=1.0)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    lead_units = models.ManyToManyField(
        Unit, blank=True, related_name="+", verbose_name=_("đơn vị chủ trì"),
    )
    partner_units = models.ManyToManyField(
        Unit, blank=True, related_name="+", verbose_name=_("đơn vị phối hợp"),
    )
    report_to_unit = models.ForeignKey(
        Unit, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("báo cáo về"),
    )
    unresolved = models.JSONField(_("tên cơ quan chưa xác định"), default=list, blank=True)
    unresolved_keys = models.TextField(default="", blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người rà soát"),
    )
    reviewed_at = models.DateTimeField(_("thời điểm rà soát"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mục trích xuất")
        verbose_name_plural = _("mục trích xuất")
        ordering = ["document", "start", "pk"]
        indexes = [models.Index(fields=["document", "type", "status"])]

    def __str__(self):
        return f"{self.get_type_display()}: {self.summary}"

    def content_key(self) -> tuple:
        """What the extractor said, to tell an unchanged proposal on re-import."""
        return (self.type, self.start, self.end, self.quote, json.dumps(self.fields, sort_keys=True))

    @property
    def is_adopted(self) -> bool:
        return self.status in self.ADOPTED

    @property
    def summary(self) -> str:
        fields = self.fields
        if self.type == self.Type.TARGET:
            return fields.get("indicator") or self.quote[:80]
        if self.type == self.Type.ASSIGNMENT:
            return fields.get("action") or self.quote[:80]
        return self.quote[:80]

    @property
    def due_period(self) -> str | None:
        key = {"target": "deadline", "assignment": "due", "review": "due"}[self.type]
        value = self.fields.get(key)
        return value if value and value != "annual" else None

    def set_unresolved(self, names: list[str]) -> None:
        self.unresolved = sorted(set(names), key=sort_key)
        self.unresolved_keys = "".join(f"|{match_key(name)}|" for name in self.unresolved)


class BodyMapping(models.Model):
    """How staff resolved a body name found in documents: once, for every document.

    Changing it needs a managing role at the unit (or the group's anchor) it
    points to; the import reads every mapping, whoever made it.
    """

    name = models.CharField(_("tên trong văn bản"), max_length=255)
    key = models.CharField(max_length=255, unique=True, editable=False)
    unit = models.ForeignKey(Unit, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("đơn vị"))
    group = models.ForeignKey(
        UnitGroup, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("nhóm đơn vị"),
    )
    not_a_body = models.BooleanField(_("không phải tên cơ quan, đơn vị"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người xác định"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tên cơ quan đã xác định")
        verbose_name_plural = _("tên cơ quan đã xác định")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(unit__isnull=False, group__isnull=True, not_a_body=False)
                    | Q(unit__isnull=True, group__isnull=False, not_a_body=False)
                    | Q(unit__isnull=True, group__isnull=True, not_a_body=True)
                ),
                name="body_mapping_one_target",
            ),
        ]

    def __str__(self):
        return f"{self.name} → {self.unit or self.group or _('không phải cơ quan')}"

    def clean(self):
        super().clean()
        chosen = [bool(self.unit_id), bool(self.group_id), self.not_a_body]
        if sum(chosen) != 1:
            raise ValidationError(_("Hãy chọn đúng một: một đơn vị, một nhóm đơn vị, hoặc đánh dấu không phải cơ quan."))
        self.key = match_key(self.name)

    def save(self, *args, **kwargs):
        self.key = match_key(self.name)
        super().save(*args, **kwargs)


class ImportJob(models.Model):
    """Files uploaded together and imported in the background."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RUNNING = "running", _("Đang nhập")
        DONE = "done", _("Đã xong")
        FAILED = "failed", _("Bị lỗi")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="import_jobs", verbose_name=_("người nhập"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING)
    files = models.JSONField(_("các tệp"), default=list)
    results = models.JSONField(_("kết quả"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lượt nhập văn bản")
        verbose_name_plural = _("lượt nhập văn bản")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} · {self.created_at:%d/%m/%Y %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    def _count(self, key: str) -> int:
        return sum(len(result.get(key, [])) for result in self.results)

    @property
    def created_count(self) -> int:
        return self._count("created")

    @property
    def updated_count(self) -> int:
        return self._count("updated")

    @property
    def failed_count(self) -> int:
        return sum(1 for result in self.results if not result.get("ok"))


class CalendarToken(models.Model):
    """The secret in a user's calendar feed address: calendar apps subscribe
    without a session, and see what the user's access policy lets them see."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mã lịch công việc")
        verbose_name_plural = _("mã lịch công việc")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user, renew: bool = False) -> "CalendarToken":
        token, created = cls.objects.get_or_create(user=user, defaults={"token": secrets.token_urlsafe(32)})
        if renew and not created:
            token.token = secrets.token_urlsafe(32)
            token.save(update_fields=["token"])
        return token


def due_date_of(period: str | None) -> datetime.date | None:
    """The date an obligation of ``period`` falls due, or None without one."""
    if not period or period == "annual":
        return None
    try:
        return period_end(period)
    except ValueError:
        return None


class DocumentLink(models.Model):
    """A relation staff state by hand when the text did not say it, or the
    reader missed it: ``from_document`` builds on ``to_document``.

    It belongs to the document that builds on the other (as its references
    do): who may change that document may add or remove its links.
    """

    class Relation(models.TextChoices):
        THUC_HIEN = "thuc_hien", _("Thực hiện")
        TIEP_TUC_THUC_HIEN = "tiep_tuc_thuc_hien", _("Tiếp tục thực hiện")
        SUA_DOI = "sua_doi", _("Sửa đổi, bổ sung")
        THAY_THE = "thay_the", _("Thay thế")
        TRICH_DAN = "trich_dan", _("Trích dẫn")

    from_document = models.ForeignKey(
        Document, models.CASCADE, related_name="links", verbose_name=_("văn bản dựa trên"),
    )
    to_document = models.ForeignKey(
        Document, models.CASCADE, related_name="linked_from", verbose_name=_("văn bản được dựa vào"),
    )
    relation = models.CharField(_("quan hệ"), max_length=30, choices=Relation.choices, default=Relation.THUC_HIEN)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người thêm"),
    )
    created_at = models.DateTimeField(_("ngày thêm"), auto_now_add=True)

    class Meta:
        verbose_name = _("liên kết văn bản")
        verbose_name_plural = _("liên kết văn bản")
        ordering = ["from_document", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["from_document", "to_document", "relation"], name="document_link_once"),
            models.CheckConstraint(condition=~Q(from_document=models.F("to_document")), name="document_link_not_self"),
        ]

    def __str__(self):
        return f"{self.from_document} → {self.get_relation_display().lower()} → {self.to_document}"

    def clean(self):
        super().clean()
        if self.from_document_id and self.from_document_id == self.to_document_id:
            raise ValidationError(_("Văn bản không thể liên kết với chính nó."))
