"""Progress updates: history kept, evidence stored, reporters of the unit
allowed, other branches denied, and no silent overwrite when two people
edit the same task."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.tracking.models import ProgressUpdate, Task
from nghiquyet.tracking.services import progress
from nghiquyet.tracking.status import Status

pytestmark = pytest.mark.django_db


def test_history_is_kept_and_the_task_takes_the_last_report(tree, make_task, reporter_a):
    task = make_task(tree["district_a"])
    policy = AccessPolicy(reporter_a)
    progress.record_progress(task, 1, policy, percent=30, narrative="Đã khảo sát hạ tầng")
    progress.record_progress(task, 2, policy, percent=100, completed=True, completed_on=datetime.date(2021, 12, 20),
                             difficulties="Thiếu kinh phí", proposals="Bổ sung kinh phí")
    task.refresh_from_db()
    assert (task.percent, task.completed_on, task.version) == (100, datetime.date(2021, 12, 20), 3)
    assert task.status_on(datetime.date(2022, 1, 1)) == Status.DONE_ON_TIME
    assert [u.percent for u in task.updates.order_by("created_at")] == [30, 100]


def test_a_stale_version_is_refused_with_the_current_values(tree, make_task, reporter_a, officer_a):
    task = make_task(tree["district_a"])
    progress.record_progress(task, 1, AccessPolicy(officer_a), percent=50, narrative="Cán bộ A cập nhật")
    with pytest.raises(progress.EditConflict) as conflict:
        progress.record_progress(task, 1, AccessPolicy(reporter_a), percent=20, narrative="Cán bộ B cập nhật")
    assert conflict.value.current.percent == 50 and "officer_a" in str(conflict.value)
    task.refresh_from_db()
    assert task.percent == 50 and task.updates.count() == 1


def test_two_people_editing_the_task_form(client, tree, make_task, officer_a, province_officer):
    task = make_task(tree["district_a"], title="Triển khai nền tảng số")
    url = reverse("tracking:task_edit", args=[task.pk])
    form = {"document": task.document_id, "title": task.title, "kind": "implement", "lead_unit": task.lead_unit_id,
            "due_period": "12/2021", "version": 1}
    client.force_login(officer_a)
    assert client.post(url, {**form, "title": "Triển khai nền tảng số (bản của huyện)"}).status_code == 302
    client.force_login(province_officer)
    page = client.post(url, {**form, "title": "Triển khai nền tảng số (bản của tỉnh)"})
    assert page.status_code == 200 and "vừa được" in page.text
    assert "bản của huyện" in page.text  # the current values are shown
    task.refresh_from_db()
    assert task.title == "Triển khai nền tảng số (bản của huyện)" and task.version == 2


def test_reporting_progress_through_the_page_with_evidence(client, tree, make_task, reporter_a):
    task = make_task(tree["district_a"])
    client.force_login(reporter_a)
    evidence = SimpleUploadedFile("bien-ban.txt", "Biên bản nghiệm thu".encode(), content_type="text/plain")
    response = client.post(reverse("tracking:task_progress", args=[task.pk]), {
        "version": 1, "percent": 60, "narrative": "Đã triển khai ở 10/21 xã", "difficulties": "Hạ tầng yếu",
        "evidence": [evidence]}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "60%" in response.text and "bien-ban.txt" in response.text
    update = ProgressUpdate.objects.get(task=task)
    stored = update.evidence.get()
    assert stored.file.read() == "Biên bản nghiệm thu".encode()
    assert client.get(reverse("tracking:evidence", args=[stored.pk])).status_code == 200


def test_a_conflict_through_the_page_keeps_the_users_words(client, tree, make_task, reporter_a, officer_a):
    task = make_task(tree["district_a"])
    progress.record_progress(task, 1, AccessPolicy(officer_a), percent=40)
    client.force_login(reporter_a)
    page = client.post(reverse("tracking:task_progress", args=[task.pk]),
                       {"version": 1, "percent": 70, "narrative": "Lời của cán bộ cập nhật"}, HTTP_HX_REQUEST="true")
    assert page.status_code == 200 and "vừa được" in page.text and "Lời của cán bộ cập nhật" in page.text
    assert 'value="2"' in page.text  # the form now carries the current version
    task.refresh_from_db()
    assert task.percent == 40


def test_bad_progress_data_gets_a_vietnamese_message(client, tree, make_task, reporter_a):
    task = make_task(tree["district_a"])
    client.force_login(reporter_a)
    page = client.post(reverse("tracking:task_progress", args=[task.pk]), {"version": 1, "percent": 250})
    assert page.status_code == 200 and "Tiến độ từ 0 đến 100%" in page.text
    assert not ProgressUpdate.objects.exists()


def test_who_may_report(client, tree, make_task, reporter_a, officer_b, make_user):
    from nghiquyet.organisations.models import Role

    task = make_task(tree["commune_a"])
    url = reverse("tracking:task_progress", args=[task.pk])
    client.force_login(officer_b)  # a sibling district
    assert client.post(url, {"version": 1, "percent": 10}).status_code == 404
    inspector = make_user("inspector", tree["inspection"], Role.INSPECTION_OFFICER)
    from nghiquyet.organisations.models import AccessGrant

    AccessGrant.objects.create(grantee=tree["inspection"], target=tree["district_a"])
    client.force_login(inspector)  # reads by oversight, reports nothing
    assert client.get(reverse("tracking:task", args=[task.pk])).status_code == 200
    assert client.post(url, {"version": 1, "percent": 10}).status_code == 403
    client.force_login(reporter_a)  # the district's reporter, for a commune below
    assert client.post(url, {"version": 1, "percent": 10}).status_code == 302
    assert Task.objects.get(pk=task.pk).percent == 10


def test_a_repeating_report_moves_the_next_deadline(client, tree, make_task, reporter_a):
    task = make_task(tree["district_a"], title="Báo cáo kết quả hằng năm", due_period="", recurrence="annual")
    assert task.next_due == datetime.date(2021, 12, 31)
    progress.record_progress(task, 1, AccessPolicy(reporter_a), percent=30, report_for=datetime.date(2021, 12, 31))
    task.refresh_from_db()
    assert task.next_due == datetime.date(2022, 12, 31)
    assert progress.open_report_dates(task, datetime.date(2022, 1, 5))[0] == datetime.date(2022, 12, 31)


def test_sub_tasks_for_lower_units(client, tree, make_task, officer_a):
    parent = make_task(tree["district_a"], expected_product="Phần mềm dùng chung")
    client.force_login(officer_a)
    response = client.post(reverse("tracking:task_subtasks", args=[parent.pk]),
                           {"units": [tree["commune_a"].pk], "title": "Triển khai ở xã", "due_period": "11/2021"})
    assert response.status_code == 302
    child = parent.subtasks.get()
    assert (child.lead_unit, child.due_date, child.report_to_unit) == (tree["commune_a"], datetime.date(2021, 11, 30),
                                                                       tree["district_a"])
    # Sub-tasks go only below the parent's lead unit.
    client.post(reverse("tracking:task_subtasks", args=[parent.pk]),
                {"units": [tree["commune_b"].pk], "title": "Ngoài nhánh", "due_period": "11/2021"})
    assert parent.subtasks.count() == 1


def test_writing_a_task_by_hand(client, tree, resolution, officer_a):
    client.force_login(officer_a)
    response = client.post(reverse("tracking:task_create"), {
        "document": resolution.pk, "title": "Số hóa hồ sơ lưu trữ", "kind": "implement",
        "lead_unit": tree["commune_a"].pk, "partner_units": [tree["cell_a"].pk], "due_period": "quý II/2022",
        "responsible_person": "Đồng chí Bí thư Đảng ủy xã", "expected_product": "Kho hồ sơ số"})
    assert response.status_code == 302
    task = Task.objects.get(title="Số hóa hồ sơ lưu trữ")
    assert task.due_date == datetime.date(2022, 6, 30) and list(task.partner_units.all()) == [tree["cell_a"]]
    refused = client.post(reverse("tracking:task_create"), {
        "document": resolution.pk, "title": "Giao sang huyện khác", "kind": "implement",
        "lead_unit": tree["district_b"].pk, "due_period": "2022"})
    assert refused.status_code == 200 and not Task.objects.filter(title="Giao sang huyện khác").exists()
