"""The organisation tree, its people and their roles.

The tree is data: kinds, units, names and groups are rows, with validity
dates so a reorganisation (rename, merge, split, abolish) keeps history and
old records still point to the unit as it was. Subtree and ancestor queries
use a materialised path of fixed-width base-36 steps, indexed and compared
by range so they are fast on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Concat, Length, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nghiquyet.text.normalize import fold, match_key, sort_key

PATH_STEP = 6  # base-36 characters per level: 2 billion ids, 42 levels in 255 characters
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def encode_step(number: int) -> str:
    digits = []
    for _position in range(PATH_STEP):
        number, remainder = divmod(number, 36)
        digits.append(_DIGITS[remainder])
    if number:
        raise ValueError("identifier too large for a path step")
    return "".join(reversed(digits))


def path_upper_bound(path: str) -> str:
    """The smallest path greater than every path starting with ``path``."""
    chars = list(path)
    for index in range(len(chars) - 1, -1, -1):
        position = _DIGITS.index(chars[index])
        if position + 1 < len(_DIGITS):
            chars[index] = _DIGITS[position + 1]
            return "".join(chars[: index + 1])
        chars[index] = _DIGITS[0]
    return "~"


def subtree_q(path: str, prefix: str = "") -> Q:
    """Rows whose ``{prefix}path`` lies in the subtree rooted at ``path``."""
    return Q(**{f"{prefix}path__gte": path, f"{prefix}path__lt": path_upper_bound(path)})


def ancestor_ids(path: str) -> list[int]:
    return [int(path[i : i + PATH_STEP], 36) for i in range(0, len(path), PATH_STEP)]


def valid_on_q(day: datetime.date, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gt": day})
    )


unit_code_validator = RegexValidator(
    r"^[\w.-]+\Z", _("Mã chỉ gồm chữ, số và các dấu - _ . (không dấu cách, không dấu /).")
)


class ValidityMixin(models.Model):
    """Valid from ``valid_from`` (inclusive) until ``valid_to`` (exclusive)."""

    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hết hiệu lực từ"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")})

    @property
    def is_current(self) -> bool:
        return self.is_valid_on()

    def is_valid_on(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


class UnitKind(models.Model):
    class Category(models.TextChoices):
        CENTRAL = "central", _("Trung ương")
        COMMITTEE = "committee", _("Cấp ủy, tổ chức đảng")
        STANDING = "standing", _("Ban Thường vụ, Thường trực")
        ADVISORY = "advisory", _("Cơ quan tham mưu, giúp việc")
        INSPECTION = "inspection", _("Ủy ban kiểm tra")
        PARTY_GROUP = "party_group", _("Ban cán sự đảng, đảng đoàn")
        STATE = "state", _("Cơ quan nhà nước")
        FRONT = "front", _("Mặt trận, đoàn thể")
        OTHER = "other", _("Khác")

    code = models.SlugField(_("mã"), max_length=50, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    category = models.CharField(_("nhóm"), max_length=20, choices=Category.choices)
    level = models.PositiveSmallIntegerField(
        _("cấp"), default=0, help_text=_("1 tỉnh, 2 huyện, 3 cơ sở, 4 chi bộ; 0 khi không theo cấp.")
    )

    class Meta:
        verbose_name = _("loại tổ chức")
        verbose_name_plural = _("loại tổ chức")
        ordering = ["level", "name"]

    def __str__(self):
        return str(self.name)


class UnitQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date | None = None):
        return self.filter(valid_on_q(day or timezone.localdate()))

    def current(self):
        return self.valid_on()

    def subtree_of(self, unit: "Unit", include_self: bool = True):
        queryset = self.filter(subtree_q(unit.path))
        return queryset if include_self else queryset.exclude(pk=unit.pk)

    def ancestors_of(self, unit: "Unit", include_self: bool = False):
        ids = ancestor_ids(unit.path)
        return self.filter(pk__in=ids if include_self else ids[:-1]).order_by("depth")

    def vietnamese_order(self):
        return self.order_by("sort_key", "code")


class Unit(ValidityMixin):
    """A Party organisation, board, Party group, state body or mass organisation."""

    kind = models.ForeignKey(UnitKind, models.PROTECT, verbose_name=_("loại"), related_name="units")
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )
    code = models.CharField(
        _("mã"), max_length=60, unique=True, validators=[unit_code_validator],
        help_text=_("Chữ, số và các dấu - _ . (không dấu cách), ví dụ HU-YT."),
    )
    name = models.CharField(_("tên đầy đủ"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    successor = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)
    name_key = models.CharField(max_length=255, db_index=True, editable=False, default="")
    fold_key = models.CharField(max_length=400, editable=False, default="")
    sort_key = models.CharField(max_length=255, editable=False, default="")

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]

    def __str__(self):
        return self.short_name or self.name

    def clean(self):
        super().clean()
        if self.parent_id and self.pk and self.parent.path.startswith(self.path):
            raise ValidationError({"parent": _("Không thể đặt đơn vị làm cấp dưới của chính nó.")})

    def get_absolute_url(self):
        return reverse("organisations:unit", args=[self.code])

    def save(self, *args, **kwargs):
        self.name_key = match_key(self.name)[:255]
        self.fold_key = fold(f"{self.name} | {self.short_name} | {self.code}")[:400]
        self.sort_key = sort_key(self.short_name or self.name)[:255]
        old_path = self.path
        parent_path = ""
        if self.parent_id:
            # Read the parent's path from the database: it may have moved since loaded.
            parent_path = Unit.objects.values_list("path", flat=True).get(pk=self.parent_id)
            if old_path and parent_path.startswith(old_path):
                raise ValidationError(_("Không thể đặt đơn vị làm cấp dưới của chính nó."))
        super().save(*args, **kwargs)
        new_path = parent_path + encode_step(self.pk)
        if new_path != old_path:
            self._move_subtree(old_path, new_path)

    def _move_subtree(self, old_path: str, new_path: str) -> None:
        """Give this unit (and, when it moved, its whole subtree) its new path."""
        depth = len(new_path) // PATH_STEP
        Unit.objects.filter(pk=self.pk).update(path=new_path, depth=depth)
        if old_path:
            descendants = Unit.objects.filter(subtree_q(old_path)).exclude(pk=self.pk)
            descendants.update(path=Concat(Value(new_path), Substr("path", len(old_path) + 1)))
            descendants = Unit.objects.filter(subtree_q(new_path)).exclude(pk=self.pk)
            descendants.update(depth=Length("path") / PATH_STEP)
        self.path, self.depth = new_path, depth

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def ancestors(self, include_self: bool = False):
        return Unit.objects.ancestors_of(self, include_self=include_self)

    def descendants(self, include_self: bool = False):
        return Unit.objects.subtree_of(self, include_self=include_self)

    def is_descendant_of(self, other: "Unit") -> bool:
        return self.path.startswith(other.path)

    def name_on(self, day: datetime.date) -> str:
        """The name the unit bore on ``day`` (before a rename)."""
        former = self.aliases.filter(kind=UnitAlias.Kind.FORMER, valid_to__gt=day)
        former = former.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        earliest = former.order_by("valid_to").first()
        return earliest.name if earliest else self.name

    def reorganisations(self):
        """Every recorded change this unit took part in, newest first."""
        return Reorganisation.objects.filter(
            Q(before=self) | Q(after=self) | Q(moved=self)
        ).distinct()


class UnitAlias(ValidityMixin):
    """Other names of a unit: short forms ("BCSĐ UBND tỉnh"), abbreviations, former names."""

    class Kind(models.TextChoices):
        SHORT = "short", _("Tên ngắn")
        ABBREVIATION = "abbreviation", _("Viết tắt")
        FORMER = "former", _("Tên cũ")
        OTHER = "other", _("Tên gọi khác")

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="aliases", verbose_name=_("đơn vị"))
    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    key = models.CharField(max_length=255, db_index=True, editable=False)
    fold_key = models.CharField(max_length=255, editable=False, default="")

    class Meta:
        verbose_name = _("tên gọi khác")
        verbose_name_plural = _("tên gọi khác")
        constraints = [models.UniqueConstraint(fields=["unit", "key"], name="unique_alias_per_unit")]

    def __str__(self):
        return self.name

    @staticmethod
    def key_for(name: str) -> str:
        return match_key(name)[:255]

    def save(self, *args, **kwargs):
        self.key = self.key_for(self.name)
        self.fold_key = fold(self.name)[:255]
        super().save(*args, **kwargs)


class UnitGroup(models.Model):
    """A named set of units used as an assignee.

    "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy" = the children of the
    Tỉnh ủy whose kind is huyện ủy, thành ủy or đảng ủy trực thuộc, as of the
    day asked; plus any units listed by hand.
    """

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    anchor = models.ForeignKey(
        Unit, models.PROTECT, related_name="anchored_groups", verbose_name=_("đơn vị gốc"),
        help_text=_("Nhóm gồm các đơn vị dưới đơn vị này (ví dụ: Tỉnh ủy)."),
    )
    kinds = models.ManyToManyField(UnitKind, blank=True, verbose_name=_("gồm các loại"))
    whole_subtree = models.BooleanField(
        _("cả các cấp dưới"), default=False,
        help_text=_("Bỏ chọn: chỉ các đơn vị trực thuộc trực tiếp đơn vị gốc."),
    )
    extra_members = models.ManyToManyField(
        Unit, blank=True, related_name="listed_in_groups", verbose_name=_("thêm các đơn vị"),
    )
    aliases = models.TextField(
        _("cách gọi khác"), blank=True, help_text=_("Mỗi dòng một cách gọi trong văn bản."),
    )

    class Meta:
        verbose_name = _("nhóm đơn vị")
        verbose_name_plural = _("nhóm đơn vị")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def members(self, day: datetime.date | None = None):
        """The units in the group on ``day`` (today by default)."""
        day = day or timezone.localdate()
        if self.whole_subtree:
            by_rule = subtree_q(self.anchor.path) & ~Q(pk=self.anchor_id)
        else:
            by_rule = Q(parent_id=self.anchor_id)
        kind_ids = list(self.kinds.values_list("pk", flat=True))
        if kind_ids:
            by_rule &= Q(kind_id__in=kind_ids)
        listed = Q(pk__in=self.extra_members.values("pk"))
        return Unit.objects.filter(by_rule | listed).valid_on(day).vietnamese_order()

    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    def name_keys(self) -> list[str]:
        return [match_key(name) for name in [self.name, *self.alias_list()]]


class Reorganisation(models.Model):
    """A change to the tree on a date: the units before and after it."""

    class Kind(models.TextChoices):
        RENAME = "rename", _("Đổi tên")
        MERGE = "merge", _("Hợp nhất, sáp nhập")
        SPLIT = "split", _("Chia tách")
        ABOLISH = "abolish", _("Giải thể, kết thúc hoạt động")
        MOVE = "move", _("Chuyển trực thuộc")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    effective_on = models.DateField(_("có hiệu lực từ"))
    within = models.ForeignKey(
        Unit, models.PROTECT, related_name="reorganisations_within", verbose_name=_("thuộc phạm vi"),
        help_text=_("Đơn vị cấp trên chung của các đơn vị thay đổi: ai xem được đơn vị này thì xem được thay đổi."),
    )
    decision = models.CharField(_("căn cứ"), max_length=255, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    before = models.ManyToManyField(Unit, related_name="reorganised_from", verbose_name=_("trước"))
    after = models.ManyToManyField(Unit, related_name="reorganised_into", blank=True, verbose_name=_("sau"))
    moved = models.ManyToManyField(
        Unit, related_name="moved_by", blank=True, verbose_name=_("đơn vị chuyển trực thuộc"),
    )
    # What changed, for the history shown on unit pages: {"renamed": {"from", "to"},
    # "moved": [{"unit", "from", "to"}]} with unit codes.
    details = models.JSONField(_("chi tiết"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sắp xếp tổ chức")
        verbose_name_plural = _("sắp xếp tổ chức")
        ordering = ["-effective_on"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.effective_on:%d/%m/%Y}"


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self):
        return self.full_name or self.get_username()

    def get_full_name(self):
        return self.full_name or super().get_full_name()


class Role(models.TextChoices):
    LEADER = "leader", _("Lãnh đạo")
    TRACKING_OFFICER = "tracking_officer", _("Chuyên viên theo dõi")
    INSPECTION_OFFICER = "inspection_officer", _("Cán bộ kiểm tra")
    REPORTER = "reporter", _("Cán bộ cập nhật của đơn vị")
    ADMINISTRATOR = "administrator", _("Quản trị hệ thống")


class Membership(ValidityMixin):
    """A user's role at a unit. What it lets them see and do is in ``access.py``."""

    user = models.ForeignKey(User, models.CASCADE, related_name="memberships", verbose_name=_("người dùng"))
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="memberships", verbose_name=_("đơn vị"))
    role = models.CharField(_("vai trò"), max_length=30, choices=Role.choices)
    secret_clearance = models.BooleanField(
        _("được xem tài liệu mật"), default=False,
        help_text=_("Cho phép xem văn bản mật của đơn vị và các văn bản mật gửi đến đơn vị."),
    )

    class Meta:
        verbose_name = _("vai trò của người dùng")
        verbose_name_plural = _("vai trò của người dùng")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_membership"),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.unit}"


class AccessGrant(ValidityMixin):
    """Lets a unit see another unit's subtree.

    Advisory boards and the inspection committee see what they are assigned to
    oversee; any other cross-branch access is granted the same way.
    """

    class Reason(models.TextChoices):
        OVERSIGHT = "oversight", _("Theo dõi, kiểm tra, giám sát")
        SUCCESSION = "succession", _("Kế thừa đơn vị đã sắp xếp")
        GRANT = "grant", _("Được cấp quyền xem")

    grantee = models.ForeignKey(Unit, models.CASCADE, related_name="grants_received", verbose_name=_("đơn vị được xem"))
    target = models.ForeignKey(Unit, models.CASCADE, related_name="grants_given", verbose_name=_("phạm vi"))
    include_subtree = models.BooleanField(_("gồm cả các cấp dưới"), default=True)
    reason = models.CharField(_("lý do"), max_length=20, choices=Reason.choices, default=Reason.OVERSIGHT)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("quyền xem")
        verbose_name_plural = _("quyền xem")

    def __str__(self):
        return f"{self.grantee} → {self.target}"
