"""The key flow in a real browser: upload a file, watch the import finish,
open the document, accept an extracted item."""

import pytest

from nghiquyet.documents.demo import corpus_files
from nghiquyet.documents.models import ExtractedItem
from tests.browser import log_in, phone_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_follow_progress_open_and_accept(browser, live_server, units, officer_a, tmp_path):
    name, data = next(entry for entry in corpus_files() if "45-huyen" in entry[0])
    upload = tmp_path / name
    upload.write_bytes(data)

    page = log_in(phone_page(browser), live_server, "officer_a")

    page.goto(f"{live_server.url}/van-ban/nhap/")
    page.set_input_files("input[name=files]", str(upload))
    page.click("main form [type=submit]")
    page.wait_for_selector("text=Đã nhập xong", timeout=30_000)
    assert "Tạo mới 1" in page.inner_text("#job-progress")

    page.click("#job-progress a:has-text('45-KH/HU')")
    page.wait_for_selector("h1:has-text('45-KH/HU')")
    assert page.locator(".document-text p").count() > 10
    page.click("text=Rà soát chỉ tiêu, nhiệm vụ")
    page.wait_for_selector("h1:has-text('Rà soát')")

    proposed = ExtractedItem.objects.filter(document__symbol="45-KH/HU", status="proposed").order_by("start").first()
    if proposed is None:
        pytest.skip("the extractor found nothing to accept in the sample plan")
    card = page.locator(f"#item-{proposed.pk}")
    card.locator("button:has-text('Chấp nhận')").click()
    page.wait_for_selector(f"#item-{proposed.pk}.status-accepted")
    proposed.refresh_from_db()
    assert proposed.status == "accepted" and proposed.reviewed_by == officer_a
