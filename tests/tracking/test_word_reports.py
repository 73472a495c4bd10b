"""Reports on implementation as Word documents in the Party's format: the
overview of a unit and one document's implementation, opened with python-docx,
holding what the reader may see and nothing else."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from docx.shared import Pt

from nghiquyet.documents.models import Document
from nghiquyet.organisations.models import Role, UnitAlias
from nghiquyet.reviews.models import ReviewMilestone
from nghiquyet.tracking.models import IndicatorValue, PlanObligation

pytestmark = pytest.mark.django_db

DAY = "10/01/2022"


@pytest.fixture
def work(tree, resolution, make_task, make_plan, make_indicator):
    """Plans, tasks, an indicator and a review across both districts, and a secret document's task."""
    plan_a = make_plan(tree["district_a"])
    plan_a.plan_document = Document.objects.create(kind="ke_hoach", symbol="45-KH/HU", issued_on=datetime.date(2021, 7, 20),
                                                   issuer_unit=tree["district_a"], title="về chuyển đổi số", text="")
    PlanObligation.objects.filter(pk=plan_a.pk).update(plan_document=plan_a.plan_document,
                                                      completed_on=datetime.date(2021, 7, 20))
    make_plan(tree["district_b"])
    make_task(tree["district_a"], title="A quá hạn", due_period="2021-12")
    make_task(tree["commune_a"], title="Xã A xong đúng hạn", due_period="2021-12", completed_on=datetime.date(2021, 12, 1))
    make_task(tree["district_b"], title="B quá hạn", due_period="2021-11")
    indicator = make_indicator(name="Tỷ lệ hồ sơ trực tuyến", due_period="2025")
    for unit, value in (("district_a", 40), ("district_b", 45)):
        IndicatorValue.objects.create(indicator=indicator, unit=tree[unit], period="2021", value=value)
    ReviewMilestone.objects.create(document=resolution, kind="so_ket", unit=tree["province"], due_period="2022-Q1")
    secret = Document.objects.create(kind="de_an", symbol="01-ĐA/TU", issued_on=datetime.date(2020, 1, 1),
                                     issuer_unit=tree["province"], secret=True, title="Đề án mật", text="")
    make_task(tree["district_a"], document=secret, title="Nhiệm vụ của đề án mật", due_period="2020-06")
    return {"resolution": resolution, "secret": secret}


def opened(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"].startswith("attachment;")
    return WordDocument(io.BytesIO(response.content))


def text_of(word) -> str:
    """Every paragraph, in the body and in every table cell."""
    lines = [paragraph.text for paragraph in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


def row_named(word, name: str):
    """The first table row whose first column after "STT" reads ``name``."""
    return next(row for table in word.tables for row in table.rows if len(row.cells) > 1 and row.cells[1].text == name)


def runs_in(cell):
    return [run for paragraph in cell.paragraphs for run in paragraph.runs if run.text]


def test_the_overview_report_is_in_the_party_format(work, client, tree, province_officer):
    UnitAlias.objects.create(unit=tree["province"], name="TU")
    client.force_login(province_officer)
    word = opened(client.get(reverse("tracking:overview_report"), {"unit": "TU", "day": DAY}))
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    margins = [round(margin.cm, 2) for margin in (section.top_margin, section.bottom_margin, section.left_margin)]
    assert margins == [2, 2, 3] and 1.5 <= round(section.right_margin.cm, 2) <= 2
    normal = word.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size == Pt(14)

    left, right = word.tables[0].rows[0].cells
    assert [run.text for run in runs_in(left)] == ["TỈNH ỦY BẮC GIANG", "*", "Số      -BC/TU"]
    motto, place = runs_in(right)
    assert motto.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and motto.underline and motto.bold
    assert place.text == "Bắc Giang, ngày 10 tháng 01 năm 2022" and place.italic
    title = [p for p in word.paragraphs if p.text == "BÁO CÁO"][0]
    assert title.runs[0].bold and title.alignment == 1  # centred

    text = text_of(word)
    assert "tình hình thực hiện các nghị quyết, chỉ thị, kết luận" in text
    assert "A quá hạn" in text and "B quá hạn" in text
    assert "Huyện ủy Lục Nam" in text  # the unit whose plan is missing
    assert "Tỷ lệ hồ sơ trực tuyến" in text and "Sơ kết" in text
    closing_left, closing_right = word.tables[-1].rows[0].cells
    assert closing_left.paragraphs[0].text == "Nơi nhận:" and closing_left.paragraphs[0].runs[0].underline
    assert closing_right.paragraphs[0].text == "T/M BAN THƯỜNG VỤ"


def test_the_overview_report_holds_only_what_the_reader_may_see(work, client, tree, officer_a, make_user):
    client.force_login(officer_a)
    word = opened(client.get(reverse("tracking:overview_report"), {"day": DAY}))
    left = word.tables[0].rows[0].cells[0]
    assert [run.text for run in runs_in(left)][:2] == ["ĐẢNG BỘ TỈNH BẮC GIANG", "HUYỆN ỦY YÊN THẾ"]
    text = text_of(word)
    assert "Yên Thế, ngày 10 tháng 01 năm 2022" in text
    assert "A quá hạn" in text
    assert "B quá hạn" not in text and "Lục Nam" not in text  # another district
    assert "mật" not in text.lower() and "01-ĐA/TU" not in text  # a secret document's task, not even counted
    assert row_named(word, "Quá hạn chưa hoàn thành").cells[2].text == "1"  # tasks first: plans have their own words

    cleared = make_user("cleared_a", tree["district_a"], Role.TRACKING_OFFICER, secret_clearance=True)
    client.force_login(cleared)
    assert "Nhiệm vụ của đề án mật" in text_of(opened(client.get(reverse("tracking:overview_report"), {"day": DAY})))


def test_a_unit_outside_the_scope_falls_back_to_the_readers_own(work, client, officer_b):
    client.force_login(officer_b)
    text = text_of(opened(client.get(reverse("tracking:overview_report"), {"unit": "HU-A", "day": DAY})))
    assert "HUYỆN ỦY LỤC NAM" in text and "A quá hạn" not in text


def test_the_document_report(work, client, tree, province_officer, officer_a):
    client.force_login(province_officer)
    url = reverse("tracking:document_report", args=[work["resolution"].pk])
    word = opened(client.get(url, {"unit": "TU", "day": DAY}))
    text = text_of(word)
    assert "tình hình thực hiện Nghị quyết số 111-NQ/TU ngày 11/06/2021 về chuyển đổi số" in text
    assert "Kế hoạch số 45-KH/HU" in text  # the plan district A filed
    assert "Ban hành đúng hạn" in text and "Chưa ban hành, quá hạn" in text
    assert "A quá hạn" in text and "B quá hạn" in text and "Xã A xong đúng hạn" in text
    assert [cell.text for cell in row_named(word, "Tỷ lệ hồ sơ trực tuyến").cells[2:]] == ["từ 90% trở lên (năm 2025)", "42,5% (năm 2021)", "Có nguy cơ không đạt"]
    assert "Nhiệm vụ của đề án mật" not in text

    client.force_login(officer_a)
    own = text_of(opened(client.get(url, {"day": DAY})))
    assert "HUYỆN ỦY YÊN THẾ" in own and "A quá hạn" in own
    assert "B quá hạn" not in own and "Huyện ủy Lục Nam" not in own


def test_a_secret_documents_report_is_not_found_without_clearance(work, client, tree, officer_a, make_user):
    url = reverse("tracking:document_report", args=[work["secret"].pk])
    client.force_login(officer_a)
    assert client.get(url).status_code == 404
    cleared = make_user("cleared_province", tree["province"], Role.TRACKING_OFFICER, secret_clearance=True)
    client.force_login(cleared)
    assert "Nhiệm vụ của đề án mật" in text_of(opened(client.get(url, {"day": DAY})))


def test_the_pages_offer_the_downloads(work, client, province_officer):
    client.force_login(province_officer)
    overview = client.get(reverse("tracking:index"), {"unit": "TU", "day": DAY})
    assert reverse("tracking:overview_report") + "?unit=TU&amp;day=10/01/2022" in overview.text
    assert reverse("tracking:overview_report") in client.get(reverse("home")).text
    document = client.get(reverse("tracking:document", args=[work["resolution"].pk]))
    assert f'href="{reverse("tracking:document_report", args=[work["resolution"].pk])}"' in document.text
