"""Bulk entry by Excel: download a template, fill it in, upload it.

Every row is checked before anything is written; one wrong row and nothing
is saved, and each wrong row gets its own message ("Dòng 7: ..."). A task
row carries the version the template was made from, so a task someone
updated in the meantime is not overwritten.
"""

from __future__ import annotations

import datetime
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from nghiquyet.documents.exports import workbook_bytes
from nghiquyet.documents.forms import PeriodField
from nghiquyet.documents.numbers import parse_number
from nghiquyet.documents.periods import period_label
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Unit

from ..models import Indicator, IndicatorValue, ProgressUpdate, Task
from . import indicators as indicator_service
from . import progress
from .reporting import period_of, periods_between

PROGRESS_HEADERS = [
    "Mã nhiệm vụ", "Phiên bản", "Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Tiến độ hiện tại (%)",
    "Tiến độ mới (%)", "Đã hoàn thành (ghi x)", "Ngày hoàn thành (dd/mm/yyyy)", "Kết quả thực hiện",
    "Khó khăn, vướng mắc", "Đề xuất, kiến nghị",
]
VALUE_HEADERS = ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Mã đơn vị", "Đơn vị", "Kỳ", "Giá trị",
                 "Quy mô (trọng số)", "Ghi chú"]
YES = {"x", "có", "co", "1", "true", "đã hoàn thành", "hoàn thành"}
MAX_ROWS = 20000


class SheetError(Exception):
    """The file is not a workbook we can read, or has the wrong columns."""


@dataclass
class SheetResult:
    saved: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_rows(data: bytes, headers: list[str]) -> list[tuple[int, list]]:
    """(Excel row number, cells) of the filled rows, after checking the header row."""
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise SheetError(_("Tệp không phải bảng tính Excel (.xlsx) hợp lệ.")) from None
    rows = book.active.iter_rows(values_only=True)
    header = [str(cell or "").strip() for cell in next(rows, ())]
    if header[: len(headers)] != headers:
        raise SheetError(_("Tệp không đúng mẫu: hãy tải mẫu mới và điền vào đó (cột đầu tiên phải là “%(first)s”).")
                         % {"first": headers[0]})
    found = []
    for number, row in enumerate(rows, start=2):
        cells = list(row[: len(headers)]) + [None] * (len(headers) - len(row))
        if any(cell not in (None, "") for cell in cells):
            found.append((number, cells))
        if len(found) > MAX_ROWS:
            raise SheetError(_("Tệp có quá nhiều dòng: mỗi lần tối đa %(count)d dòng.") % {"count": MAX_ROWS})
    return found


def text(cell) -> str:
    return "" if cell is None else str(cell).strip()


def as_int(cell) -> int | None:
    if cell is None or text(cell) == "":
        return None
    if isinstance(cell, (int, float)) and float(cell).is_integer():
        return int(cell)
    return int(text(cell)) if text(cell).isdigit() else None


def as_number(cell) -> Decimal | None:
    if isinstance(cell, (int, float)):
        return Decimal(str(cell))
    return parse_number(text(cell))


def as_date(cell) -> datetime.date | None:
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text(cell), pattern).date()
        except ValueError:
            continue
    return None


# -- progress -----------------------------------------------------------------------------------


def progress_template(tasks) -> bytes:
    rows = ([task.pk, task.version, task.title, task.lead_unit.name, task.next_due, task.percent,
             None, "x" if task.is_done else None, task.completed_on, None, None, None] for task in tasks)
    return workbook_bytes(_("Cập nhật tiến độ"), PROGRESS_HEADERS, rows)


@dataclass
class ProgressRow:
    task: Task
    version: int
    changes: dict


def import_progress(data: bytes, policy: AccessPolicy, today: datetime.date) -> SheetResult:
    result = SheetResult()
    try:
        rows = read_rows(data, PROGRESS_HEADERS)
    except SheetError as error:
        result.errors.append(str(error))
        return result
    checked = [_check_progress_row(number, cells, policy, today, result.errors) for number, cells in rows]
    _refuse_repeats([(number, row.task.pk) for (number, _cells), row in zip(rows, checked) if row], result.errors,
                    _("nhiệm vụ mã %(key)s"))
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for row in filter(None, checked):
                progress.record_progress(row.task, row.version, policy, **row.changes)
                result.saved += 1
    except progress.EditConflict as conflict:
        result.saved = 0
        result.errors.append(_("Nhiệm vụ “%(title)s” vừa được người khác cập nhật; không dòng nào được lưu. "
                               "Hãy tải mẫu mới.") % {"title": conflict.current.title})
    return result


def _check_progress_row(number: int, cells: list, policy: AccessPolicy, today, errors: list) -> ProgressRow | None:
    (task_id, version, _title, _unit, _due, _current, percent, done, done_on, narrative, difficulties, proposals) = cells
    problems = []
    task = None
    if as_int(task_id) is not None:
        task = policy.scope(Task.objects.work().filter(pk=as_int(task_id))).select_related("lead_unit").first()
    if task is None or not policy.can_create_at(ProgressUpdate, task.lead_unit):
        errors.append(_("Dòng %(row)d: không có nhiệm vụ mã “%(id)s”, hoặc bạn không được cập nhật nhiệm vụ này.")
                      % {"row": number, "id": text(task_id)})
        return None
    if as_int(version) != task.version:
        problems.append(_("nhiệm vụ đã được cập nhật sau khi tải mẫu; hãy tải mẫu mới"))
    completed = text(done).casefold() in YES
    new_percent = 100 if completed and as_int(percent) is None else as_int(percent)
    if new_percent is None or not 0 <= new_percent <= 100:
        problems.append(_("tiến độ phải là số nguyên từ 0 đến 100"))
    completed_on = as_date(done_on) if done_on not in (None, "") else None
    if done_on not in (None, "") and completed_on is None:
        problems.append(_("ngày hoàn thành không hợp lệ (ghi dd/mm/yyyy)"))
    if completed_on and completed_on > today:
        problems.append(_("ngày hoàn thành không thể ở tương lai"))
    if problems:
        errors.append(_("Dòng %(row)d: %(problems)s.") % {"row": number, "problems": "; ".join(problems)})
        return None
    changes = {"percent": new_percent, "completed": completed, "completed_on": completed_on,
               "narrative": text(narrative), "difficulties": text(difficulties), "proposals": text(proposals),
               "report_for": task.next_due if task.repeats and task.next_due and task.next_due <= today else None}
    return ProgressRow(task, task.version, changes)


def _refuse_repeats(keys: list[tuple[int, object]], errors: list, label: str) -> None:
    seen: dict[object, int] = {}
    for number, key in keys:
        if key in seen:
            errors.append(_("Dòng %(row)d: %(what)s đã có ở dòng %(first)d.")
                          % {"row": number, "what": label % {"key": key}, "first": seen[key]})
        seen.setdefault(key, number)


# -- indicator values ---------------------------------------------------------------------------


def value_slots(policy: AccessPolicy, unit: Unit, day: datetime.date) -> list[tuple[Indicator, Unit, str]]:
    """(indicator, reporting unit, period) the user may fill in: the last closed
    period and the current one of every indicator the unit answers for."""
    from .dashboard import relevant_indicators

    indicators = relevant_indicators(policy, unit)
    reporters = indicator_service.reporting_units(indicators, within=unit)
    slots = []
    for indicator in indicators:
        periods = periods_between(indicator.cadence, day - datetime.timedelta(days=370), day)[-1:]
        periods.append((period_of(indicator.cadence, _period_end_after(indicator.cadence, day)), None))
        for reporter in reporters[indicator.pk]:
            if policy.can_create_at(IndicatorValue, reporter):
                slots += [(indicator, reporter, period) for period, _end in periods]
    return slots


def _period_end_after(cadence: str, day: datetime.date) -> datetime.date:
    upcoming = periods_between(cadence, day, day + datetime.timedelta(days=370))
    return upcoming[0][1] if upcoming else day


def values_template(slots, existing: dict) -> bytes:
    rows = ([indicator.pk, indicator.name, indicator.unit_of_measure, unit.code, unit.name, period_label(period),
             *existing.get((indicator.pk, unit.pk, period), (None, None, None))] for indicator, unit, period in slots)
    return workbook_bytes(_("Số liệu chỉ tiêu"), VALUE_HEADERS, rows)


def existing_values(slots) -> dict:
    keys = {(indicator.pk, unit.pk, period) for indicator, unit, period in slots}
    values = IndicatorValue.objects.filter(indicator__in={k[0] for k in keys}, unit__in={k[1] for k in keys})
    return {(v.indicator_id, v.unit_id, v.period): (v.value, v.base, v.note) for v in values
            if (v.indicator_id, v.unit_id, v.period) in keys}


def import_values(data: bytes, policy: AccessPolicy) -> SheetResult:
    result = SheetResult()
    try:
        rows = read_rows(data, VALUE_HEADERS)
    except SheetError as error:
        result.errors.append(str(error))
        return result
    checked = []
    for number, cells in rows:
        if text(cells[6]) == "":
            continue  # a slot left empty: nothing to report yet
        row = _check_value_row(number, cells, policy, result.errors)
        if row:
            checked.append((number, row))
    _refuse_repeats([(number, f"{row[1].code}, {period_label(row[2])}, {row[0].name}") for number, row in checked],
                    result.errors, _("số liệu của %(key)s"))
    if result.errors:
        return result
    with transaction.atomic():
        for _number, (indicator, unit, period, value, base, note) in checked:
            indicator_service.save_value(indicator, unit, period, value, policy.user, base, note)
            result.saved += 1
    return result


def _check_value_row(number: int, cells: list, policy: AccessPolicy, errors: list):
    indicator_id, _name, _measure, unit_code, _unit, period_text, value, base, note = cells
    indicator = None
    if as_int(indicator_id) is not None:
        indicator = policy.scope(Indicator.objects.filter(pk=as_int(indicator_id))).first()
    unit = policy.visible_units().filter(code=text(unit_code)).first()
    problems = []
    if indicator is None:
        problems.append(_("không có chỉ tiêu mã “%(id)s”") % {"id": text(indicator_id)})
    if unit is None or not policy.can_create_at(IndicatorValue, unit):
        problems.append(_("bạn không được báo cáo số liệu cho đơn vị “%(code)s”") % {"code": text(unit_code)})
    try:
        period = PeriodField().clean(text(period_text))
    except ValidationError:
        period = ""
    if not period or len(period) == 10:
        problems.append(_("kỳ không hợp lệ (ghi năm 2024, quý II/2024 hoặc tháng 6/2024)"))
    number_value, number_base = as_number(value), as_number(base) if text(base) else None
    if number_value is None:
        problems.append(_("giá trị “%(value)s” không phải là số") % {"value": text(value)})
    if text(base) and number_base is None:
        problems.append(_("quy mô “%(value)s” không phải là số") % {"value": text(base)})
    if problems:
        errors.append(_("Dòng %(row)d: %(problems)s.") % {"row": number, "problems": "; ".join(problems)})
        return None
    return indicator, unit, period, number_value, number_base, text(note)[:500]
