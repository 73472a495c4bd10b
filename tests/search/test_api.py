import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_api_search_is_scoped_ranked_and_escaped(library, officer_a, client):
    client.force_login(officer_a)
    data = client.get(reverse("api:search"), {"q": "NQ 109"}).json()
    assert data["results"][0]["exact"] and data["results"][0]["symbol"] == "109-NQ/TU"
    data = client.get(reverse("api:search"), {"q": "chuyen doi so", "per_page": 50}).json()
    ids = {(r["source"], r["record_id"]) for r in data["results"]}
    assert ("document", library["secret"].pk) not in ids and ("document", library["other"].pk) not in ids
    assert data["total"] == len(data["results"])
    assert all(option["value"] != "chi_thi" for facet in data["facets"] for option in facet["options"])
    assert any("<mark>" in r["snippet_html"] for r in data["results"])


def test_api_filters_and_bad_values(library, officer_a, client):
    client.force_login(officer_a)
    data = client.get(reverse("api:search"), {"q": "dân vận", "kind": "ke_hoach", "year": 2021}).json()
    assert {r["symbol"] for r in data["results"]} == {"45-KH/HU"}
    assert client.get(reverse("api:search"), {"q": "x", "year": "abc"}).status_code == 422


def test_api_needs_a_session(client, db):
    assert client.get(reverse("api:search"), {"q": "x"}).status_code in (302, 401)
