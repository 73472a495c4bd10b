"""Lists as Excel workbooks (openpyxl): a bold header, dates as dd/mm/yyyy cells."""

from __future__ import annotations

import datetime
from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_WIDTH = 60


def workbook_bytes(title: str, headers: list[str], rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([str(header) for header in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(str(header)) for header in headers]
    for row in rows:
        sheet.append(list(row))
        for column, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.cell(row=sheet.max_row, column=column + 1).number_format = "DD/MM/YYYY"
                length = 10
            else:
                length = len(str(value or ""))
            widths[column] = min(MAX_WIDTH, max(widths[column], length))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width + 2
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, title: str, headers: list[str], rows) -> HttpResponse:
    response = HttpResponse(workbook_bytes(title, headers, rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
