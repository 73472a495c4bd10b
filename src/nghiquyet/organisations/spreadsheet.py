"""Import and export of the organisation tree as an Excel workbook (openpyxl).

One row per unit, under a header row, in this column order:

    Mã | Tên đầy đủ | Tên ngắn | Mã loại | Mã đơn vị cấp trên |
    Tên gọi khác (cách nhau bởi ;) | Hiệu lực từ | Hết hiệu lực từ

``import_rows`` checks every row before writing anything and reports every
bad row ("Dòng 7: không có đơn vị cấp trên mã 'HU-X'."); when any row is
bad nothing is saved. Rows update the unit with the same code or create a
new one. The aliases listed become the unit's aliases (former names kept by a
rename stay). The demo tree is loaded through the same function.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from .models import Unit, UnitAlias, UnitKind, unit_code_validator

COLUMNS = (
    ("code", gettext_lazy("Mã")),
    ("name", gettext_lazy("Tên đầy đủ")),
    ("short_name", gettext_lazy("Tên ngắn")),
    ("kind", gettext_lazy("Mã loại")),
    ("parent", gettext_lazy("Mã đơn vị cấp trên")),
    ("aliases", gettext_lazy("Tên gọi khác (cách nhau bởi ;)")),
    ("valid_from", gettext_lazy("Hiệu lực từ (dd/mm/yyyy)")),
    ("valid_to", gettext_lazy("Hết hiệu lực từ (dd/mm/yyyy)")),
)
KEYS = [key for key, _label in COLUMNS]
MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 100_000
CHUNK = 5000  # SQLite limits the number of parameters of one query
CODE_PATTERN = re.compile(unit_code_validator.regex.pattern)


class ImportFileError(ValueError):
    """The file cannot be read as a tree at all (the message is for the user)."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Row:
    line: int
    code: str
    name: str
    short_name: str
    kind_code: str
    parent_code: str
    aliases: list[str]
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    kind: UnitKind | None = None
    unit: Unit | None = None  # the existing unit with this code


# -- reading -------------------------------------------------------------------


def read_workbook(data: bytes) -> list[dict]:
    """The rows of the first sheet as dicts (with their Excel line number)."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("Tệp quá lớn (tối đa 10 MB)."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise ImportFileError(_("Tệp không phải bảng tính Excel (.xlsx) hợp lệ.")) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for line, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            values = list(values)[: len(KEYS)]
            if all(value is None or str(value).strip() == "" for value in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(_("Tệp có quá nhiều dòng (tối đa %(max)s).") % {"max": MAX_ROWS})
            rows.append({"line": line, **dict(zip(KEYS, values + [None] * len(KEYS)))})
    finally:
        workbook.close()
    if not rows:
        raise ImportFileError(_("Tệp không có dòng dữ liệu nào (dòng đầu là tiêu đề)."))
    return rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _date(value, line: int, errors: list[str]) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    try:
        return datetime.datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        errors.append(_("Dòng %(line)s: ngày '%(value)s' không đúng dạng dd/mm/yyyy.")
                      % {"line": line, "value": text})
        return None


def _parse(raw: dict, errors: list[str]) -> Row:
    line = raw["line"]
    row = Row(
        line=line,
        code=_text(raw.get("code")),
        name=_text(raw.get("name")),
        short_name=_text(raw.get("short_name")),
        kind_code=_text(raw.get("kind")),
        parent_code=_text(raw.get("parent")),
        aliases=[_text(a) for a in _text(raw.get("aliases")).split(";") if _text(a)],
        valid_from=_date(raw.get("valid_from"), line, errors),
        valid_to=_date(raw.get("valid_to"), line, errors),
    )
    limits = (("code", row.code, 60, _("mã")), ("name", row.name, 255, _("tên đầy đủ")),
              ("short_name", row.short_name, 120, _("tên ngắn")))
    if not row.code:
        errors.append(_("Dòng %(line)s: thiếu mã đơn vị.") % {"line": line})
    elif not CODE_PATTERN.match(row.code):
        errors.append(_("Dòng %(line)s: mã '%(code)s' chỉ được gồm chữ, số và các dấu - _ .")
                      % {"line": line, "code": row.code})
    if not row.name:
        errors.append(_("Dòng %(line)s: thiếu tên đầy đủ.") % {"line": line})
    if not row.kind_code:
        errors.append(_("Dòng %(line)s: thiếu mã loại tổ chức.") % {"line": line})
    for _key, value, limit, label in limits:
        if len(value) > limit:
            errors.append(_("Dòng %(line)s: %(field)s dài quá %(limit)s ký tự.")
                          % {"line": line, "field": label, "limit": limit})
    if any(len(alias) > 255 for alias in row.aliases):
        errors.append(_("Dòng %(line)s: tên gọi khác dài quá 255 ký tự.") % {"line": line})
    if row.valid_from and row.valid_to and row.valid_to <= row.valid_from:
        errors.append(_("Dòng %(line)s: ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")
                      % {"line": line})
    return row


# -- checking --------------------------------------------------------------------


def _units_by_code(codes) -> dict[str, Unit]:
    codes = sorted(codes)
    units = {}
    for start in range(0, len(codes), CHUNK):
        chunk = Unit.objects.filter(code__in=codes[start : start + CHUNK]).prefetch_related("aliases")
        for unit in chunk:
            units[unit.code] = unit
    return units


class _Check:
    """Every check of a file against the database and the user's rights."""

    def __init__(self, raw_rows: list[dict], policy):
        self.policy = policy
        self.errors: list[str] = []
        self.rows = [_parse(raw, self.errors) for raw in raw_rows]
        self.by_code: dict[str, Row] = {}
        for row in self.rows:
            if row.code in self.by_code:
                self.errors.append(_("Dòng %(line)s: mã '%(code)s' trùng với dòng %(first)s.")
                                   % {"line": row.line, "code": row.code,
                                      "first": self.by_code[row.code].line})
            elif row.code:
                self.by_code[row.code] = row
        codes = {row.code for row in self.rows} | {row.parent_code for row in self.rows}
        self.existing = _units_by_code(code for code in codes if code)
        self.kinds = {kind.code: kind for kind in UnitKind.objects.all()}
        self._file_ancestor: dict[str, str] = {}

    def run(self) -> list[Row]:
        for row in self.rows:
            row.unit = self.existing.get(row.code)
            row.kind = self.kinds.get(row.kind_code)
            if row.kind_code and row.kind is None:
                self._error(row, _("không có loại tổ chức mã '%(code)s'") % {"code": row.kind_code})
            if row.parent_code and row.parent_code not in self.by_code and row.parent_code not in self.existing:
                self._error(row, _("không có đơn vị cấp trên mã '%(code)s'") % {"code": row.parent_code})
        self._check_cycles()
        if self.policy is not None:
            for row in self.rows:
                self._check_rights(row)
        return self._parents_first()

    def _error(self, row: Row, message: str) -> None:
        self.errors.append(_("Dòng %(line)s: %(message)s.") % {"line": row.line, "message": message})

    def _parent_of(self, code: str) -> str:
        """The parent code after the import: the file's for its rows, else the database's."""
        if code in self.by_code:
            return self.by_code[code].parent_code
        unit = self.existing.get(code)
        if unit is None or not unit.parent_id:
            return ""
        # Ancestors outside the file keep their place; only rows of the file can close a loop.
        if code not in self._file_ancestor:
            above = list(unit.ancestors().values_list("code", flat=True))
            self._file_ancestor[code] = next((c for c in reversed(above) if c in self.by_code), "")
        return self._file_ancestor[code]

    def _check_cycles(self) -> None:
        for row in self.rows:
            seen = {row.code}
            code = row.parent_code
            while code:
                if code in seen:
                    self._error(row, _("đơn vị không thể là cấp dưới của chính nó (mã '%(code)s')")
                                % {"code": row.code})
                    break
                seen.add(code)
                code = self._parent_of(code)

    def _check_rights(self, row: Row) -> None:
        policy = self.policy
        parent = self.existing.get(row.parent_code)
        if row.unit is not None and _changes(row, parent) and not policy.can_change(row.unit):
            self._error(row, _("bạn không có quyền sửa đơn vị '%(code)s'") % {"code": row.code})
        moving = row.unit is None or (row.unit.parent_id != (parent.pk if parent else None))
        if not moving:
            return
        if not row.parent_code and not policy.is_superuser:
            self._error(row, _("chỉ quản trị toàn hệ thống được thêm đơn vị không có cấp trên"))
        elif parent is not None and not policy.can_create_at(Unit, parent):
            self._error(row, _("bạn không có quyền thêm đơn vị dưới '%(code)s'") % {"code": parent.code})

    def _parents_first(self) -> list[Row]:
        ordered, placed = [], set()

        def place(row: Row, depth: int = 0) -> None:
            if row.code in placed or depth > len(self.rows):
                return
            parent_row = self.by_code.get(row.parent_code)
            if parent_row is not None:
                place(parent_row, depth + 1)
            placed.add(row.code)
            ordered.append(row)

        for row in self.by_code.values():
            place(row)
        return ordered


def _alias_names(unit: Unit) -> dict[str, UnitAlias]:
    return {alias.key: alias for alias in unit.aliases.all()}


def _changes(row: Row, parent: Unit | None) -> bool:
    """Would saving ``row`` change its existing unit?"""
    unit = row.unit
    if unit is None:
        return True
    if row.parent_code:  # ``parent`` is None when it is a new unit of the same file
        parent_differs = parent is None or unit.parent_id != parent.pk
    else:
        parent_differs = unit.parent_id is not None
    fields_differ = parent_differs or (
        unit.name != row.name or unit.short_name != row.short_name
        or unit.kind_id != (row.kind.pk if row.kind else None)
        or unit.valid_from != row.valid_from or unit.valid_to != row.valid_to
    )
    wanted = {UnitAlias.key_for(name) for name in row.aliases}
    kept = {key for key, alias in _alias_names(unit).items() if alias.kind != UnitAlias.Kind.FORMER}
    return fields_differ or (wanted - set(_alias_names(unit))) != set() or bool(kept - wanted)


# -- writing -----------------------------------------------------------------------


def import_rows(raw_rows: list[dict], policy=None, *, dry_run: bool = False) -> ImportResult:
    """Check every row, then (when all are good) create or update the units atomically.

    ``policy`` limits the changes to what its user may administer; ``None``
    (console commands, demo data) may change anything.
    """
    check = _Check(raw_rows, policy)
    rows = check.run()
    result = ImportResult(errors=check.errors)
    if result.errors:
        return result
    with transaction.atomic():
        saved: dict[str, Unit] = {}
        for row in rows:
            parent = saved.get(row.parent_code) or check.existing.get(row.parent_code)
            if not _changes(row, parent):
                result.unchanged += 1
                saved[row.code] = row.unit
                continue
            if row.unit is None:
                result.created += 1
            else:
                result.updated += 1
            saved[row.code] = _save(row, parent)
        if dry_run:
            transaction.set_rollback(True)
    return result


def _save(row: Row, parent: Unit | None) -> Unit:
    unit = row.unit or Unit(code=row.code)
    unit.name, unit.short_name, unit.kind = row.name, row.short_name, row.kind
    unit.parent = parent
    unit.valid_from, unit.valid_to = row.valid_from, row.valid_to
    unit.save()
    existing = _alias_names(unit) if row.unit else {}
    wanted = {UnitAlias.key_for(name): name for name in row.aliases}
    for key, alias in existing.items():
        if key not in wanted and alias.kind != UnitAlias.Kind.FORMER:
            alias.delete()
    for key, name in wanted.items():
        if key not in existing:
            UnitAlias.objects.create(unit=unit, name=name)
    return unit


def export_workbook(units) -> bytes:
    """The units (parents before children) as a workbook ``import_rows`` reads back."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Đơn vị"))
    bold = Font(bold=True)
    header = []
    for _key, label in COLUMNS:
        cell = WriteOnlyCell(sheet, value=str(label))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    units = units.select_related("kind", "parent").prefetch_related("aliases").order_by("path")
    for unit in units.iterator(chunk_size=2000):
        aliases = [a.name for a in unit.aliases.all() if a.kind != UnitAlias.Kind.FORMER]
        sheet.append([
            unit.code, unit.name, unit.short_name, unit.kind.code,
            unit.parent.code if unit.parent_id else "", "; ".join(aliases),
            _date_cell(sheet, unit.valid_from), _date_cell(sheet, unit.valid_to),
        ])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _date_cell(sheet, day: datetime.date | None):
    if day is None:
        return None
    cell = WriteOnlyCell(sheet, value=day)
    cell.number_format = "DD/MM/YYYY"
    return cell
