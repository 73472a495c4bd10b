"""Bulk entry by Excel: the template round-trips, every wrong row gets its
own message, and nothing is saved while any row is wrong."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.tracking.models import IndicatorValue, ProgressUpdate, Task
from nghiquyet.tracking.services import progress, spreadsheets

pytestmark = pytest.mark.django_db


def upload(content: bytes, name="mau.xlsx"):
    return SimpleUploadedFile(name, content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def fill(content: bytes, edits: dict[int, dict[int, object]]) -> bytes:
    """Set cells of data rows (1-based row after the header → {column: value})."""
    book = load_workbook(io.BytesIO(content))
    sheet = book.active
    for row, cells in edits.items():
        for column, value in cells.items():
            sheet.cell(row=row + 1, column=column, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def tasks(tree, make_task):
    return [make_task(tree["district_a"], title="Nhiệm vụ một"), make_task(tree["commune_a"], title="Nhiệm vụ hai")]


def template_rows(client):
    content = client.get(reverse("tracking:bulk_progress"), {"unit": "HU-A", "mau": "1"}).content
    return content, list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def test_progress_round_trip(client, tasks, reporter_a):
    client.force_login(reporter_a)
    content, rows = template_rows(client)
    assert rows[0][0] == "Mã nhiệm vụ" and {row[2] for row in rows[1:]} == {"Nhiệm vụ một", "Nhiệm vụ hai"}
    filled = fill(content, {1: {7: 40, 10: "Đã triển khai 40%"}, 2: {8: "x", 9: "05/11/2021", 10: "Xong"}})
    response = client.post(reverse("tracking:bulk_progress"), {"file": upload(filled)})
    assert response.status_code == 302
    done = {task.title: (task.percent, task.completed_on) for task in Task.objects.all()}
    by_row = {rows[1][2]: (40, None), rows[2][2]: (100, datetime.date(2021, 11, 5))}
    assert done == by_row and ProgressUpdate.objects.count() == 2


def test_one_wrong_row_and_nothing_is_saved(client, tasks, reporter_a):
    client.force_login(reporter_a)
    content, _rows = template_rows(client)
    filled = fill(content, {1: {7: 140}, 2: {7: 50, 9: "31/02/2021"}, 3: {1: 999999, 2: 1, 7: 10}})
    page = client.post(reverse("tracking:bulk_progress"), {"file": upload(filled)})
    assert page.status_code == 200
    errors = page.context["result"].errors
    assert [error.split(":")[0] for error in errors] == ["Dòng 2", "Dòng 3", "Dòng 4"]
    assert "từ 0 đến 100" in errors[0] and "ngày hoàn thành" in errors[1] and "999999" in errors[2]
    assert not ProgressUpdate.objects.exists()


def test_a_task_updated_since_the_template_was_made(client, tasks, reporter_a, officer_a):
    client.force_login(reporter_a)
    content, rows = template_rows(client)
    first = Task.objects.get(pk=rows[1][0])
    progress.record_progress(first, first.version, AccessPolicy(officer_a), percent=70)
    filled = fill(content, {1: {7: 40}, 2: {7: 50}})
    result = spreadsheets.import_progress(filled, AccessPolicy(reporter_a), datetime.date(2022, 1, 1))
    assert not result.ok and "tải mẫu mới" in result.errors[0]
    assert ProgressUpdate.objects.count() == 1  # only officer_a's


def test_not_a_workbook_or_the_wrong_one(reporter_a, tasks):
    policy = AccessPolicy(reporter_a)
    assert "không phải bảng tính" in spreadsheets.import_progress(b"PK\x03\x04 hong", policy, datetime.date.today()).errors[0]
    book = Workbook()
    book.active.append(["Tên", "Tuổi"])
    buffer = io.BytesIO()
    book.save(buffer)
    assert "không đúng mẫu" in spreadsheets.import_progress(buffer.getvalue(), policy, datetime.date.today()).errors[0]


def test_a_sibling_cannot_update_through_a_sheet(client, tasks, reporter_a, officer_b):
    client.force_login(reporter_a)
    content, _rows = template_rows(client)
    filled = fill(content, {1: {7: 40}})
    result = spreadsheets.import_progress(filled, AccessPolicy(officer_b), datetime.date(2022, 1, 1))
    assert not result.ok and not ProgressUpdate.objects.exists()


def test_indicator_values_round_trip(client, tree, make_indicator, make_plan, reporter_a, settings):
    indicator = make_indicator(recurrence="annual", due_period="2030")
    make_plan(tree["district_a"]), make_plan(tree["district_b"])
    client.force_login(reporter_a)
    content = client.get(reverse("tracking:bulk_values"), {"unit": "HU-A", "mau": "1"}).content
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert {row[3] for row in rows[1:]} == {"HU-A"}  # only the unit the reporter answers for
    filled = fill(content, {1: {7: "31,7", 8: "1.200"}})
    assert client.post(reverse("tracking:bulk_values"), {"file": upload(filled)}).status_code == 302
    value = IndicatorValue.objects.get()
    assert (value.indicator, value.unit, value.value, value.base) == (indicator, tree["district_a"], Decimal("31.7"), Decimal(1200))
    wrong = fill(content, {1: {7: "nhiều"}, 2: {4: "HU-B", 7: 5}})
    page = client.post(reverse("tracking:bulk_values"), {"file": upload(wrong)})
    assert len(page.context["result"].errors) == 2 and IndicatorValue.objects.count() == 1
