"""Driving Debian's Chromium through Playwright, for the key flows on a phone.

The ``browser`` fixture (tests/conftest.py) launches it; a test opens pages
with ``phone_page`` and signs in with ``log_in``.
"""

import os
import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
PASSWORD = "mat-khau-dai-1"  # the password test users are made with


def chromium_installed() -> bool:
    return os.path.exists(CHROMIUM)


def phone_page(browser, viewport=PHONE):
    page = browser.new_context(viewport=viewport, locale="vi-VN").new_page()
    page.set_default_timeout(15_000)
    return page


def log_in(page, live_server, username: str, password: str = PASSWORD):
    """Sign in through the login form and wait for the home page."""
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form [type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page
