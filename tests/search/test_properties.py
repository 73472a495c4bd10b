"""No input can break the query syntax or inject anything, on the engine in use."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nghiquyet.search.query import parse, to_fts5, to_tsquery
from nghiquyet.search.services import search

pytestmark = pytest.mark.django_db

NASTY = [
    "", " ", '"', '""', "'", "*", "**", "(", ")", "()", ":", "::", "{", "}", "-", "^", "+", "NEAR", "NEAR(a b, 2)",
    "a AND", "OR b", "NOT", "title_plain: x", "{title_folded}: y", "body_folded:*", '"unterminated', "a' OR '1'='1",
    "'; DROP TABLE search_searchentry; --", "x:* & !y", "a <-> b", "\\", "\x00", "\u0301", "NQ/", "109-", "/TU",
    "😀 chuyển", "Ǆ ß ﬁ", "ＡＢＣ", "٣", "²", "a_b", "__", "tiếng Việt*", '"chuyển đổi"*', "0" * 400,
]

ALPHABET = st.characters(codec="utf-8", exclude_categories=["Cs"])
QUERY_CHARS = st.text(alphabet=st.sampled_from(list('"\'*():{}^-+/\\ aANDORNTEqtu109đĐáàảãạ\u0301\u0300 \t\n_,.;!&|<>')), max_size=40)


@pytest.mark.parametrize("text", NASTY)
def test_nasty_inputs_search_safely(library, officer_a, text):
    found = search(officer_a, text)
    assert found.total >= 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(alphabet=ALPHABET, max_size=60), QUERY_CHARS))
def test_any_string_searches_without_error(library, officer_a, text):
    found = search(officer_a, text)
    assert found.total >= 0
    for result in found.results:
        assert "<script" not in result.snippet


@given(st.text(max_size=80))
def test_compiled_queries_quote_every_token(text):
    query = parse(text)
    for term in query.terms:
        assert all(token and token.isascii() and token.isalnum() for token in term.tokens)
    assert (to_fts5(query, "a", "b") == "") == (not query)
    assert (to_tsquery(query) == "") == (not query)
