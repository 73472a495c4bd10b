"""Who sees which documents, on every route: secret documents never leak,
other branches' documents are as if absent."""

import datetime
import io

import pytest
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from nghiquyet.documents.models import CalendarToken, Document, ExtractedItem, ImportJob
from nghiquyet.documents.services.review import accept
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Role

from .factories import Text, parsed, store

pytestmark = pytest.mark.django_db

SECRET_WORD = "Đề án bảo vệ chính trị nội bộ"


def a_document(symbol, issuer_block, *, issuer="Tỉnh ủy", secret=False, with_target=True, filename=None):
    text = Text(f"{SECRET_WORD if secret else 'Nội dung công khai'}: phấn đấu đến năm 2025 tỷ lệ đạt 95%.",
                "Ban Thường vụ sơ kết vào quý II/2023.")
    document = parsed(text, symbol=symbol, issuer_block=issuer_block, issuer=issuer, secret=secret,
                      title=SECRET_WORD if secret else f"về công tác {symbol}")
    if with_target:
        document.targets = [text.target("tỷ lệ đạt 95%", indicator="Tỷ lệ", value=95, unit="%", deadline="2025",
                                        confidence=0.99)]
        document.reviews = [text.review("sơ kết vào quý II/2023", kind="so_ket", due="2023-Q2", confidence=0.99)]
    store(document, filename=filename or f"{symbol.replace('/', '-')}.txt")
    return Document.objects.get(symbol=symbol)


@pytest.fixture
def documents(units, province_officer):
    docs = {
        "public": a_document("10-NQ/TU", "TỈNH ỦY BẮC GIANG"),
        "secret": a_document("01-ĐA/TU", "TỈNH ỦY BẮC GIANG", secret=True),
        "district_b": a_document("7-KH/HU", "HUYỆN ỦY LỤC NAM"),
        "central": a_document("57-NQ/TW", "BAN CHẤP HÀNH TRUNG ƯƠNG", issuer="Bộ Chính trị"),
    }
    policy = AccessPolicy(province_officer)
    for document in docs.values():
        for item in document.items.all():
            accept(item, policy)
    return docs


@pytest.fixture
def outsider(make_user):
    return make_user("outsider")


def visible(user) -> set[str]:
    return set(AccessPolicy(user).scope(Document.objects.real()).values_list("symbol", flat=True))


def test_who_sees_what(documents, officer_a, officer_b, province_officer, cell_reporter, outsider, make_user, units):
    assert visible(province_officer) == {"10-NQ/TU", "01-ĐA/TU", "7-KH/HU", "57-NQ/TW"}
    assert visible(officer_a) == {"10-NQ/TU", "57-NQ/TW"}  # not the secret one, not district B's
    assert visible(officer_b) == {"10-NQ/TU", "7-KH/HU", "57-NQ/TW"}
    assert visible(cell_reporter) == {"10-NQ/TU", "57-NQ/TW"}
    assert visible(outsider) == set()
    cleared_in_a = make_user("cleared_a", units["district_a"], Role.LEADER, secret_clearance=True)
    assert visible(cleared_in_a) == {"10-NQ/TU", "01-ĐA/TU", "57-NQ/TW"}  # secret documents from above


def test_list_counts_and_export_hide_what_is_not_visible(documents, client, officer_a):
    client.force_login(officer_a)
    page = client.get(reverse("documents:index"))
    assert page.context["page"].paginator.count == 2
    assert "01-ĐA/TU" not in page.text and SECRET_WORD not in page.text and "7-KH/HU" not in page.text
    workbook = load_workbook(io.BytesIO(client.get(reverse("documents:export")).content))
    symbols = {row[1] for row in workbook.active.iter_rows(min_row=2, values_only=True)}
    assert symbols == {"10-NQ/TU", "57-NQ/TW"}
    filtered = client.get(reverse("documents:index"), {"q": "de an"})
    assert filtered.context["page"].paginator.count == 0


def test_secret_document_routes_answer_404(documents, client, officer_a):
    client.force_login(officer_a)
    secret = documents["secret"]
    item = secret.items.first()
    for name in ("detail", "edit", "source", "text", "review", "item_add"):
        response = client.get(reverse(f"documents:{name}", args=[secret.pk]))
        assert response.status_code == 404, name
        assert SECRET_WORD not in response.text
    for name in ("accept_confident", "map_body"):
        assert client.post(reverse(f"documents:{name}", args=[secret.pk]), {"name": "x"}).status_code == 404
    for name in ("item_accept", "item_reject", "item_edit"):
        assert client.post(reverse(f"documents:{name}", args=[item.pk])).status_code == 404


def test_other_branch_routes_answer_404(documents, client, officer_a):
    client.force_login(officer_a)
    other = documents["district_b"]
    for name in ("detail", "edit", "source", "text", "review", "item_add"):
        assert client.get(reverse(f"documents:{name}", args=[other.pk])).status_code == 404, name
    assert client.get(reverse("api:list_items", args=[other.pk])).status_code == 404
    assert client.get(reverse("api:get_document", args=[other.pk])).status_code == 404


def test_visible_but_not_theirs_cannot_be_changed(documents, client, officer_a):
    client.force_login(officer_a)
    public = documents["public"]
    assert client.get(reverse("documents:detail", args=[public.pk])).status_code == 200
    assert client.get(reverse("documents:edit", args=[public.pk])).status_code == 403
    assert client.post(reverse("documents:accept_confident", args=[public.pk])).status_code == 403
    item = public.items.first()
    assert client.post(reverse("documents:item_reject", args=[item.pk])).status_code == 403


def test_api_is_scoped(documents, client, officer_a, province_officer):
    client.force_login(officer_a)
    listed = client.get(reverse("api:list_documents")).json()
    assert {row["symbol"] for row in listed["items"]} == {"10-NQ/TU", "57-NQ/TW"} and listed["count"] == 2
    assert client.get(reverse("api:get_document", args=[documents["secret"].pk])).status_code == 404
    assert client.get(reverse("api:list_items", args=[documents["secret"].pk])).status_code == 404
    client.force_login(province_officer)
    items = client.get(reverse("api:list_items", args=[documents["secret"].pk])).json()
    assert {item["type"] for item in items} == {"target", "review"}


def test_calendar_and_feed_are_scoped(documents, client, officer_a, province_officer):
    everything = {"10-NQ/TU", "01-ĐA/TU", "7-KH/HU", "57-NQ/TW"}
    for user, expected in ((officer_a, {"10-NQ/TU", "57-NQ/TW"}), (province_officer, everything)):
        client.force_login(user)
        page = client.get(reverse("documents:calendar"), {"month": "2023-06"})
        assert {entry.document.symbol for entry in page.context["entries"]} == expected
        assert (SECRET_WORD in page.text or "01-ĐA/TU" in page.text) == (user == province_officer)
        token = CalendarToken.for_user(user).token
        client.logout()
        feed = Calendar.from_ical(client.get(reverse("documents:calendar_feed", args=[token])).content)
        described = " ".join(str(event.get("description")) for event in feed.walk("VEVENT"))
        assert all(symbol in described for symbol in expected)
        assert ("01-ĐA/TU" in described or "7-KH/HU" in described) == (user == province_officer)
    assert client.get(reverse("documents:calendar_feed", args=["sai-ma"])).status_code == 302  # to log in


def test_compilation_with_a_secret_document_is_not_handed_out(units, client, officer_a, province_officer):
    text = Text("Nội dung.")
    open_one = parsed(text, symbol="3-KH/TU", issuer_block="TỈNH ỦY BẮC GIANG")
    secret_one = parsed(text, symbol="4-KH/TU", issuer_block="TỈNH ỦY BẮC GIANG", secret=True)
    store(open_one, secret_one, filename="tap-hop.txt")
    open_document = Document.objects.get(symbol="3-KH/TU")
    client.force_login(officer_a)
    assert client.get(reverse("documents:detail", args=[open_document.pk])).context["downloadable"] is False
    assert client.get(reverse("documents:source", args=[open_document.pk])).status_code == 404
    assert client.get(reverse("documents:text", args=[open_document.pk])).status_code == 200
    client.force_login(province_officer)
    response = client.get(reverse("documents:source", args=[open_document.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content)


def test_derived_records_inherit_secrecy(documents, officer_a, province_officer):
    secret = documents["secret"]
    assert not AccessPolicy(officer_a).scope(ExtractedItem.objects.filter(document=secret)).exists()
    assert AccessPolicy(province_officer).scope(ExtractedItem.objects.filter(document=secret)).count() == 2
    from nghiquyet.reviews.models import ReviewMilestone
    from nghiquyet.tracking.models import Indicator

    for model in (Indicator, ReviewMilestone):
        assert not AccessPolicy(officer_a).scope(model.objects.filter(document=secret)).exists()
        assert AccessPolicy(province_officer).scope(model.objects.filter(document=secret)).exists()


def test_import_jobs_belong_to_their_user(units, client, officer_a, officer_b):
    job = ImportJob.objects.create(user=officer_a, files=[])
    client.force_login(officer_b)
    for name in ("job", "job_progress"):
        assert client.get(reverse(f"documents:{name}", args=[job.pk])).status_code == 404
    assert client.post(reverse("documents:job_start", args=[job.pk])).status_code == 404


def test_anonymous_users_are_sent_to_login(documents, client):
    for url in (reverse("documents:index"), reverse("documents:detail", args=[documents["public"].pk]),
                reverse("documents:upload"), reverse("documents:calendar"), reverse("documents:consistency"),
                reverse("reviews:index")):
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]
    assert client.get(reverse("api:list_documents")).status_code in (302, 401)


def test_only_managers_import(units, client, cell_reporter, outsider):
    for user in (cell_reporter, outsider):
        client.force_login(user)
        assert client.get(reverse("documents:upload")).status_code == 403


def test_documents_from_outside_the_tree_are_changed_at_the_root(documents, officer_a, province_officer):
    central = documents["central"]
    assert central.issuer_unit is None
    assert not AccessPolicy(officer_a).can_change(central)
    assert AccessPolicy(province_officer).can_change(central)
    indicator_owner = central.indicators.get().owner_unit
    assert indicator_owner.parent_id is None  # followed by the reviewer's top unit
    assert datetime.date(2025, 12, 31) == central.indicators.get().due_date
