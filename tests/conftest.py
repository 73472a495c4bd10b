"""Shared fixtures: a small organisation tree and one user per role.

Tests run against the real database engine chosen by DATABASE_URL
(SQLite by default, PostgreSQL in the second CI leg).
"""

import io

import openpyxl
import pytest
from django.core.management.base import BaseCommand

from nghiquyet.core.seeds import seed_file
from nghiquyet.organisations.kinds import ensure_standard_kinds
from nghiquyet.organisations.models import Membership, Role, Unit, UnitKind, User


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def kinds(db):
    """The standard kinds by code (made by a migration; made again after a flush)."""
    ensure_standard_kinds(UnitKind)
    return {kind.code: kind for kind in UnitKind.objects.all()}


@pytest.fixture
def tree(kinds):
    """Tỉnh ủy with two districts (A, B), a commune and a cell under A, and two boards."""
    province = Unit.objects.create(code="TU", name="Tỉnh ủy Bắc Giang", short_name="Tỉnh ủy", kind=kinds["tinh_uy"])
    units = {"province": province}
    units["board"] = Unit.objects.create(code="BTC", name="Ban Tổ chức Tỉnh ủy", kind=kinds["ban_dang"], parent=province)
    units["inspection"] = Unit.objects.create(code="UBKT", name="Ủy ban Kiểm tra Tỉnh ủy", kind=kinds["uy_ban_kiem_tra"], parent=province)
    units["district_a"] = Unit.objects.create(code="HU-A", name="Huyện ủy Yên Thế", kind=kinds["huyen_uy"], parent=province)
    units["district_b"] = Unit.objects.create(code="HU-B", name="Huyện ủy Lục Nam", kind=kinds["huyen_uy"], parent=province)
    units["commune_a"] = Unit.objects.create(code="X-A", name="Đảng ủy xã Đồng Tâm", kind=kinds["dang_uy_co_so"], parent=units["district_a"])
    units["cell_a"] = Unit.objects.create(code="CB-A", name="Chi bộ thôn Đồng Tâm 1", kind=kinds["chi_bo"], parent=units["commune_a"])
    units["commune_b"] = Unit.objects.create(code="X-B", name="Đảng ủy xã Bảo Sơn", kind=kinds["dang_uy_co_so"], parent=units["district_b"])
    return units


@pytest.fixture
def make_user(db):
    def make(username, unit=None, role=Role.TRACKING_OFFICER, secret_clearance=False, **extra):
        user = User.objects.create_user(username=username, password="mat-khau-dai-1", full_name=username, **extra)
        if unit is not None:
            Membership.objects.create(user=user, unit=unit, role=role, secret_clearance=secret_clearance)
        return user

    return make


@pytest.fixture
def seed_003():
    path = seed_file("003")
    if path is None:
        pytest.skip("seed documents not found (set NGHIQUYET_SEEDS)")
    return path


@pytest.fixture
def demo_organisation(kinds):
    """The demo tree, groups, grants and users, loaded like ``nghiquyet loaddemo`` does."""
    from nghiquyet.organisations import demo

    demo.load(BaseCommand(stdout=io.StringIO()), {})
    return {unit.code: unit for unit in Unit.objects.all()}


@pytest.fixture
def xlsx():
    """Build a workbook in memory from rows (the first row is the header)."""

    def build(rows) -> bytes:
        workbook = openpyxl.Workbook()
        for row in rows:
            workbook.active.append(list(row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    return build


@pytest.fixture
def browser(monkeypatch):
    """A headless Chromium (skipped where Debian's chromium or Playwright is missing)."""
    from tests.browser import ARGS, CHROMIUM, chromium_installed

    if not chromium_installed():
        pytest.skip("Chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the test's own
    # database calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield launched
        launched.close()
