"""The search's routes for the generic permission suite.

The results page (``search:index``) and the API (``api:search``) take no URL
arguments, so the suite covers them as routes closed to anonymous users; the
index rows (``search.SearchEntry``) are derived copies declared in
``access.UNSCOPED`` and scoped by their records' rules, which
``tests/search/test_search.py``, ``test_pages.py`` and ``test_api.py`` prove
for results, counts, facets and snippets.
"""
