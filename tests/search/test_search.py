"""The search service on the engine in use: matching, ranking, scoping, facets, snippets."""

import pytest

from nghiquyet.search.models import SearchEntry
from nghiquyet.search.services import search

pytestmark = pytest.mark.django_db


def symbols(results):
    return [r.entry.symbol for r in results.results if r.entry.source == "document"]


def sources(results):
    return {(r.entry.source, r.entry.symbol) for r in results.results}


def test_without_diacritics_finds_the_marked_words(library, officer_a):
    found = search(officer_a, "chuyen doi so")
    assert "109-NQ/TU" in symbols(found)


def test_with_diacritics_and_old_tone_placement(library, officer_a):
    assert "109-NQ/TU" in symbols(search(officer_a, "chuyển đổi số"))
    assert "45-KH/HU" in symbols(search(officer_a, "Mặt trận Tổ quốc"))
    # "hoá" (old placement) finds "hóa" and the reverse
    library["front"].title = "về thực hiện số hoá hồ sơ"
    library["front"].save()
    assert "45-KH/HU" in symbols(search(officer_a, "số hóa hồ sơ"))
    assert "45-KH/HU" in symbols(search(officer_a, "so hoá ho so"))


def test_marks_typed_mean_that_word(library, officer_a):
    # "dân" is not "dẫn": typed with marks, only the exact word matches
    assert "45-KH/HU" in symbols(search(officer_a, "dân vận"))
    assert search(officer_a, "dẫn vặn ").total == 0  # a trailing space: no prefix


def test_phrases_and_prefixes(library, officer_a):
    assert "45-KH/HU" in symbols(search(officer_a, '"dân vận khéo"'))
    assert "45-KH/HU" not in symbols(search(officer_a, '"vận dân khéo"'))
    assert "109-NQ/TU" in symbols(search(officer_a, "chuyển đổ*"))
    assert "109-NQ/TU" in symbols(search(officer_a, "chuyen do"))  # the last word is a prefix


@pytest.mark.parametrize("spelling", ["109-NQ/TU", "109/NQ-TU", "NQ 109", "nghị quyết 109", "NQ109", "nghi quyet so 109"])
def test_symbol_spellings_rank_the_document_first(library, officer_a, spelling):
    found = search(officer_a, spelling)
    first = found.results[0]
    assert first.exact and first.entry.symbol == "109-NQ/TU"
    # both documents numbered 109-NQ/TU (2016 and 2021) come first
    assert {r.entry.record_id for r in found.results[:2]} == {library["digital"].pk, library["old_digital"].pk}


def test_abbreviations_expand(library, officer_a):
    assert "45-KH/HU" in symbols(search(officer_a, "MTTQ"))
    assert "45-KH/HU" in symbols(search(officer_a, "vai trò MTTQ"))


def test_sections_tasks_indicators_and_reports_are_found(library, officer_a, officer_b):
    assert ("section", "109-NQ/TU") in sources(search(officer_a, "chính quyền số"))
    assert any(r.entry.source == "task" for r in search(officer_a, "hội nghị dân vận").results)
    assert any(r.entry.source == "indicator" for r in search(officer_a, "môi trường mạng").results)
    assert any(r.entry.source == "progress" for r in search(officer_b, "số hóa hồ sơ nông thôn").results)


def test_secret_documents_never_appear(library, officer_a, cleared_a):
    for query in ("tham nhũng", "25-TB/HU", "chuyen doi so", "tuyệt mật"):
        found = search(officer_a, query)
        assert library["secret"].pk not in {r.entry.record_id for r in found.results if r.entry.source == "document"}
        assert "tuyệt mật" not in " ".join(r.snippet for r in found.results)
        assert all(option.value != "thong_bao" for facet in found.facets for option in facet.options)
    found = search(cleared_a, "tham nhũng")
    assert symbols(found) == ["25-TB/HU"]


def test_counts_and_facets_only_count_what_the_user_may_read(library, officer_a, officer_b, superuser):
    everything = search(superuser, "chuyen doi so")
    mine = search(officer_a, "chuyen doi so")
    assert everything.total > mine.total
    record_ids = {(r.entry.source, r.entry.record_id) for r in mine.results}
    assert ("document", library["other"].pk) not in record_ids  # a sibling district's directive
    assert ("document", library["secret"].pk) not in record_ids
    kinds = {option.value: option.count for facet in mine.facets if facet.name == "kind" for option in facet.options}
    assert "chi_thi" not in kinds and "thong_bao" not in kinds
    assert sum(option.count for facet in mine.facets if facet.name == "source" for option in facet.options) == mine.total
    units = {option.label for facet in mine.facets if facet.name == "unit" for option in facet.options}
    assert "Huyện ủy Lục Nam" not in units
    # the other district's progress report and task are not found by officer A either
    assert search(officer_a, "nông thôn").total == 0
    assert search(officer_b, "nông thôn").total >= 2


def test_anonymous_users_find_nothing(library, client):
    from django.contrib.auth.models import AnonymousUser

    assert search(AnonymousUser(), "chuyen doi so").total == 0


def test_filters_narrow_and_mark_their_option(library, officer_a):
    found = search(officer_a, "chuyen doi so", {"kind": "nghi_quyet", "year": "2021", "bogus": "x", "unit": "abc"})
    assert found.total >= 1 and {r.entry.kind for r in found.results} == {"nghi_quyet"}
    assert found.filters == {"kind": "nghi_quyet", "year": "2021"}
    kind = next(facet for facet in found.facets if facet.name == "kind")
    assert [option.selected for option in kind.options] == [True]


def test_status_filter_on_documents_and_tasks(library, officer_a):
    assert search(officer_a, "dân vận", {"status": "in_force"}).total >= 1
    tasks = search(officer_a, "dân vận", {"status": "overdue"})
    assert tasks.total == 1 and tasks.results[0].entry.source == "task"


def test_snippets_are_escaped_then_marked(library, cleared_a):
    found = search(cleared_a, "tham nhung")
    text = " ".join(str(r.snippet) for r in found.results)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<mark>" in str(found.results[0].title) or "<mark>" in text


def test_paging(library, superuser):
    first = search(superuser, "huyen", per_page=2)
    second = search(superuser, "huyen", page=2, per_page=2)
    assert first.total == second.total > 2
    assert not {r.entry.pk for r in first.results} & {r.entry.pk for r in second.results}


def test_no_entry_with_every_word_falls_back_to_any(library, officer_a):
    found = search(officer_a, "chuyển đổi số xyzzyqux")
    assert found.partial and "109-NQ/TU" in symbols(found)


def test_index_follows_edits_and_deletions(library, officer_a):
    document = library["front"]
    document.title = "về công tác bảo vệ môi trường"
    document.save()
    assert "45-KH/HU" in symbols(search(officer_a, "bao ve moi truong"))
    task_pk, document_pk = library["task"].pk, document.pk
    library["task"].delete()
    assert not SearchEntry.objects.filter(source="task", record_id=task_pk).exists()
    document.delete()
    assert not SearchEntry.objects.filter(document_id=document_pk).exists()
    assert "45-KH/HU" not in symbols(search(officer_a, "bao ve moi truong"))
