"""The copy check finds plans copied from the superior document (even
retyped without diacritics, with "tỉnh" turned into "huyện") and leaves
original plans alone; measured over many seed documents, not one."""

import datetime
import functools
import random
import re
from pathlib import Path

import pytest
from django.urls import reverse

from nghiquyet.documents.models import Document
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.text.normalize import fold
from nghiquyet.text.read import parse_file
from nghiquyet.tracking.services import copycheck, plans

ORIGINAL = (Path(__file__).parent / "data" / "ke-hoach-yen-the.txt").read_text()


def copied_plan(text: str, rng: random.Random) -> str:
    """What a unit does when it copies: drops a few paragraphs, swaps the level, retypes some."""
    paragraphs = []
    for paragraph in text.split("\n"):
        if rng.random() < 0.15:
            continue
        paragraph = paragraph.replace("Tỉnh ủy", "Huyện ủy").replace("tỉnh", "huyện")
        paragraphs.append(fold(paragraph) if rng.random() < 0.2 else paragraph)
    paragraphs.append("Văn phòng Huyện ủy theo dõi, tổng hợp và báo cáo kết quả thực hiện vào cuối năm.")
    return "\n".join(paragraphs)


@functools.cache
def texts_of(path) -> tuple[str, ...]:
    return tuple(document.body.text for document in parse_file(path).documents)


@pytest.fixture
def seed_texts(seed_003):
    return texts_of(seed_003)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


class Source:
    def __init__(self, pk, text):
        self.pk, self.text = pk, text


def test_copied_plans_are_caught_and_original_ones_are_not(seed_texts):
    rng = random.Random(2021)
    sources = [Source(index, text) for index, text in enumerate(seed_texts)]
    copied = [copycheck.compare(copied_plan(source.text, rng), [source]).share for source in sources[::4]]
    original = [copycheck.compare(ORIGINAL, [source]).share for source in sources[1::2]]
    assert min(copied) >= 0.8, copied
    assert max(original) <= 0.1, original


def test_passages_side_by_side(seed_texts):
    source = Source(1, seed_texts[5])
    plan_text = copied_plan(source.text, random.Random(7))
    report = copycheck.compare(plan_text, [source])
    assert report.matches and report.sources[0].document is source
    for match in report.matches[:20]:
        plan_marked = "".join(text for text, copied in match.plan_segments if copied)
        source_marked = "".join(text for text, copied in match.source_segments if copied)
        assert plan_marked and source_marked
        assert set(words(plan_marked)) <= set(words(match.source_passage.text))
        assert "".join(text for text, _copied in match.plan_segments) == match.plan.text


@pytest.mark.django_db
def test_a_copied_plan_filed_by_a_district_and_shown_to_the_province(seed_texts, tree, client, make_user):
    from nghiquyet.organisations.models import Role
    from nghiquyet.tracking.models import PlanObligation

    superior = Document.objects.create(kind="nghi_quyet", symbol="90-NQ/TU", issued_on=datetime.date(2021, 6, 1),
                                       issuer_unit=tree["province"], title="về một nội dung", text=seed_texts[3])
    officer_a = make_user("officer_a", tree["district_a"], Role.TRACKING_OFFICER)
    officer_b = make_user("officer_b", tree["district_b"], Role.TRACKING_OFFICER)
    province = make_user("province", tree["province"], Role.LEADER)
    copy_a = PlanObligation.objects.create(document=superior, lead_unit=tree["district_a"], title="Kế hoạch", due_period="2021-07")
    copy_b = PlanObligation.objects.create(document=superior, lead_unit=tree["district_b"], title="Kế hoạch", due_period="2021-07")
    text_a = copied_plan(seed_texts[3], random.Random(1))
    plans.file_written(copy_a, AccessPolicy(officer_a), text=text_a, title="thực hiện nghị quyết", symbol="10-KH/HU")
    # District B copies district A's plan (and so the resolution too).
    plans.file_written(copy_b, AccessPolicy(officer_b), text=text_a, title="thực hiện nghị quyết", symbol="11-KH/HU")
    copy_b.refresh_from_db()
    assert copy_b.copy_share >= 0.9
    client.force_login(province)
    page = client.get(reverse("tracking:plan_copy", args=[copy_b.pk]))
    assert page.status_code == 200 and "<mark>" in page.text and "10-KH/HU" in page.text
    # District B sees its share against the resolution, never district A's plan.
    client.force_login(officer_b)
    page = client.get(reverse("tracking:plan_copy", args=[copy_b.pk]))
    assert page.status_code == 200 and "10-KH/HU" not in page.text and "90-NQ/TU" in page.text
