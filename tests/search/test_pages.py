import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_results_page_with_filters_snippets_and_paging(library, officer_a, client):
    client.force_login(officer_a)
    response = client.get(reverse("search:index"), {"q": "chuyen doi so"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "109-NQ/TU" in html and "<mark>" in html
    assert "Lục Nam" not in html  # the other district's directive
    assert "25-TB/HU" not in html and "tuyệt mật" not in html  # the secret notice
    assert "Loại văn bản" in html and "kind=nghi_quyet" in html


def test_htmx_gets_only_the_results(library, officer_a, client):
    client.force_login(officer_a)
    response = client.get(reverse("search:index"), {"q": "dân vận", "kind": "ke_hoach"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and html.startswith('<div id="search-results"') and "45-KH/HU" in html
    assert "<h1>" not in html


def test_empty_and_hostile_queries_answer_in_vietnamese(library, officer_a, client):
    client.force_login(officer_a)
    assert "Hãy nhập từ khóa" in client.get(reverse("search:index"), {"q": '"*()"'}).content.decode()
    html = client.get(reverse("search:index"), {"q": "<script>alert(1)</script> zzzqqq", "page": "x"}).content.decode()
    assert "Không tìm thấy" in html and "<script>alert(1)" not in html


def test_anonymous_users_are_sent_to_log_in(client, db):
    response = client.get(reverse("search:index"), {"q": "x"})
    assert response.status_code == 302 and reverse("login") in response["Location"]
