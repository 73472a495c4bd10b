"""The key flow in a real browser, on a phone-sized screen: log in, browse the tree, open a unit."""

import pytest

from tests.browser import phone_page

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_district_reporter_logs_in_and_browses_the_tree_on_a_phone(
        transactional_db, live_server, demo_organisation, browser, tmp_path):
    page = phone_page(browser, PHONE)
    page.goto(f"{live_server.url}/")
    assert page.url.startswith(f"{live_server.url}/dang-nhap/")  # sent to log in
    page.fill("input[name=username]", "huyenyenthe")
    page.fill("input[name=password]", "nghiquyet-demo")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Xin chào")
    assert fits_the_screen(page)

    # On a phone the areas are in the menu.
    page.click("summary:has-text('Danh mục')")
    page.click(".nav-menu >> text=Tổ chức")
    page.wait_for_selector("h1:has-text('Cây tổ chức')")
    # The user's district is open and its communes were loaded by htmx.
    commune = page.locator("summary", has_text="Đảng ủy xã Đồng Tâm")
    commune.wait_for()
    assert page.locator("text=Chi bộ thôn Hợp Tiến").count() == 0  # not loaded before it is opened
    commune.click(position={"x": 4, "y": 8})
    page.wait_for_selector("text=Chi bộ thôn Hợp Tiến")
    assert page.locator("text=Huyện ủy Việt Yên").count() == 0  # another branch
    assert fits_the_screen(page)
    page.screenshot(path=tmp_path / "tree.png", full_page=True)

    page.click("a:has-text('Đảng ủy xã Đồng Tâm')")
    page.wait_for_selector("h1:has-text('Đảng ủy xã Đồng Tâm')")
    assert "Huyện ủy Yên Thế" in page.inner_text("nav[aria-label=breadcrumb]")
    assert page.locator("text=Cán bộ Đảng ủy xã Đồng Tâm (demo)").count() == 1
    assert fits_the_screen(page)
    page.screenshot(path=tmp_path / "unit.png", full_page=True)
    assert (tmp_path / "unit.png").stat().st_size > 10_000
    page.close()
