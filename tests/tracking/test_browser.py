"""The key flows in a real browser, on a phone: the province assigns a
resolution to two districts, a district files its plan, a reporter updates a
task's progress (htmx, no reload), and the province's overview changes."""

from pathlib import Path

import pytest

from nghiquyet.tracking.models import PlanObligation
from tests.browser import PHONE, log_in, phone_page

PLAN_FILE = Path(__file__).parent / "data" / "ke-hoach-yen-the.txt"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logged_in(browser, live_server, username):
    return log_in(phone_page(browser), live_server, username)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def overdue_tasks(page, live_server) -> int:
    page.goto(f"{live_server.url}/theo-doi/?unit=TU")
    return int(page.inner_text("#dashboard .count[data-status=overdue]"))


def test_assign_file_report_and_see_the_dashboard_change(browser, live_server, tree, resolution, make_task,
                                                         province_officer, officer_a, reporter_a):
    task = make_task(tree["district_a"], title="Triển khai phần mềm quản lý văn bản", due_period="2021-12")

    # The province assigns the resolution to both districts, with the plan deadline.
    province = logged_in(browser, live_server, "province_officer")
    before = overdue_tasks(province, live_server)
    province.goto(f"{live_server.url}/theo-doi/van-ban/{resolution.pk}/")
    province.click("a:has-text('Giao cụ thể hóa')")
    province.select_option("select[name=units]", [str(tree["district_a"].pk), str(tree["district_b"].pk)])
    province.fill("input[name=due_period]", "7/2021")
    province.click("main form button[type=submit]")
    province.wait_for_selector("text=Đã giao 2 đơn vị")
    assert province.locator("tbody tr").count() == 2 and fits_the_screen(province)

    # District A files its plan: the import pipeline reads it, the copy check runs.
    district = logged_in(browser, live_server, "officer_a")
    district.goto(f"{live_server.url}/theo-doi/ke-hoach/?status=overdue")
    district.click("tbody a:has-text('Huyện ủy Yên Thế')")
    district.set_input_files("input[name=file]", str(PLAN_FILE))
    district.click("form.upload-plan button[type=submit]")
    district.wait_for_selector("text=Đã nhận Kế hoạch số 45-KH/HU")
    assert "Ban hành đúng hạn" in district.inner_text(".status-label")
    assert fits_the_screen(district)
    obligation = PlanObligation.objects.get(lead_unit=tree["district_a"])
    assert obligation.plan_document.symbol == "45-KH/HU"

    # District A's reporter reports the task done: the panel is replaced in place.
    reporter = logged_in(browser, live_server, "reporter_a")
    reporter.goto(f"{live_server.url}/theo-doi/nhiem-vu/{task.pk}/")
    reporter.click("summary:has-text('Cập nhật tiến độ')")
    reporter.fill("input[name=percent]", "100")
    reporter.check("input[name=completed]")
    reporter.fill("input[name=completed_on]", "15/12/2021")
    reporter.fill("textarea[name=narrative]", "Đã đưa phần mềm vào sử dụng ở 21/21 xã")
    url = reporter.url
    reporter.click("#progress-panel button[type=submit]")
    reporter.wait_for_selector("#progress-panel .status-label:has-text('Hoàn thành đúng hạn')")
    assert reporter.url == url and "21/21 xã" in reporter.inner_text("#progress-panel .history")
    assert fits_the_screen(reporter)

    # The province's overview has one overdue task fewer.
    assert overdue_tasks(province, live_server) == before - 1
    assert fits_the_screen(province)
