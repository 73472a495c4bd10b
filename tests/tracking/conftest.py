import datetime

import pytest

from nghiquyet.documents.models import Document
from nghiquyet.organisations.models import Role
from nghiquyet.tracking.models import Indicator, PlanObligation, Task

ISSUED = datetime.date(2021, 6, 11)


@pytest.fixture
def resolution(tree):
    """A provincial resolution, the superior document units implement."""
    return Document.objects.create(
        kind="nghi_quyet", symbol="111-NQ/TU", issued_on=ISSUED, issuer_unit=tree["province"],
        issuer="Tỉnh ủy", title="về chuyển đổi số tỉnh Bắc Giang đến năm 2025, định hướng đến năm 2030",
        text="Nghị quyết về chuyển đổi số.",
    )


@pytest.fixture
def province_officer(tree, make_user):
    return make_user("province_officer", tree["province"], Role.TRACKING_OFFICER, email="tinh@example.vn")


@pytest.fixture
def officer_a(tree, make_user):
    return make_user("officer_a", tree["district_a"], Role.TRACKING_OFFICER, email="yenthe@example.vn")


@pytest.fixture
def officer_b(tree, make_user):
    return make_user("officer_b", tree["district_b"], Role.TRACKING_OFFICER)


@pytest.fixture
def reporter_a(tree, make_user):
    return make_user("reporter_a", tree["district_a"], Role.REPORTER)


@pytest.fixture
def make_task(resolution):
    def make(unit, title="Triển khai nền tảng số", due_period="2021-12", **extra):
        return Task.objects.create(document=extra.pop("document", resolution), lead_unit=unit, title=title,
                                   due_period=due_period, **extra)

    return make


@pytest.fixture
def make_plan(resolution):
    def make(unit, due_period="2021-07", document=None):
        return PlanObligation.objects.create(document=document or resolution, lead_unit=unit,
                                             title="Xây dựng kế hoạch thực hiện", due_period=due_period)

    return make


@pytest.fixture
def make_indicator(resolution, tree):
    def make(name="Tỷ lệ hồ sơ xử lý trên môi trường mạng", target=90, comparator="gte", **extra):
        extra.setdefault("owner_unit", tree["province"])
        extra.setdefault("due_period", "2025")
        return Indicator.objects.create(document=extra.pop("document", resolution), name=name,
                                        target_value=target, comparator=comparator, unit_of_measure="%", **extra)

    return make
