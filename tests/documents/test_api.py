"""The JSON API of the register."""

import pytest
from django.urls import reverse

from nghiquyet.documents.models import Document

from .factories import district_plan, parsed, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_client(client, officer_a, units):
    store(district_plan(), user=officer_a)
    for number in range(3):
        store(parsed(symbol=f"{number}-CV/HU", kind="cong_van", title=f"về việc số {number}"), filename=f"{number}.txt")
    client.force_login(officer_a)
    return client


def test_list_filters_and_paginates(api_client):
    url = reverse("api:list_documents")
    everything = api_client.get(url).json()
    assert everything["count"] == 4
    assert {row["symbol"] for row in api_client.get(url, {"kind": "cong_van"}).json()["items"]} == {"0-CV/HU", "1-CV/HU", "2-CV/HU"}
    assert api_client.get(url, {"q": "chuyen doi so"}).json()["count"] == 1
    page = api_client.get(url, {"limit": 2, "offset": 2}).json()
    assert page["count"] == 4 and len(page["items"]) == 2
    with_placeholders = api_client.get(url, {"placeholders": "true"}).json()
    assert with_placeholders["count"] == 6


def test_detail_has_outline_and_references(api_client):
    document = Document.objects.get(symbol="45-KH/HU")
    data = api_client.get(reverse("api:get_document", args=[document.pk])).json()
    assert data["symbol"] == "45-KH/HU" and data["issued_on"] == "2021-07-20" and data["issuer_unit"] == "HU-A"
    assert [node["label"] for node in data["outline"]] == ["I", "II"]
    cited = {ref["symbol"]: ref for ref in data["references"]}
    assert cited["12-KH/HU"]["relation"] == "thay_the" and cited["111-NQ/TU"]["document_id"]


def test_items_with_their_units(api_client):
    document = Document.objects.get(symbol="45-KH/HU")
    items = api_client.get(reverse("api:list_items", args=[document.pk])).json()
    assert {item["type"] for item in items} == {"target", "assignment", "review"}
    monitor = next(item for item in items if item["type"] == "assignment" and item["fields"]["kind"] == "monitor")
    assert monitor["lead_units"] == ["BTG-a"] and monitor["partner_units"] == ["VP-a"]
    assert document.text[monitor["start"]:monitor["end"]] == monitor["quote"]
    targets = api_client.get(reverse("api:list_items", args=[document.pk]), {"type": "target"}).json()
    assert len(targets) == 1 and targets[0]["fields"]["value"] == 90


def test_admin_lists_are_scoped(api_client, admin_client):
    assert admin_client.get(reverse("admin:documents_document_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:documents_extracteditem_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:reviews_reviewmilestone_changelist")).status_code == 200
