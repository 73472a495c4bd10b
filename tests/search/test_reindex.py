import io

import pytest
from django.core.management import call_command

from nghiquyet.search.models import SearchEntry
from nghiquyet.search.services import search

pytestmark = pytest.mark.django_db


def test_reindex_rebuilds_the_same_index_with_a_progress_bar(library, officer_a):
    before = sorted(SearchEntry.objects.values_list("source", "record_id", "position"))
    SearchEntry.objects.all().delete()
    assert search(officer_a, "chuyen doi so").total == 0
    out, err = io.StringIO(), io.StringIO()
    call_command("reindex", stdout=out, stderr=err)
    assert sorted(SearchEntry.objects.values_list("source", "record_id", "position")) == before
    assert "Đã lập chỉ mục" in out.getvalue() and "100%" in err.getvalue()
    assert "109-NQ/TU" in [r.entry.symbol for r in search(officer_a, "chuyen doi so").results]
    call_command("reindex", "--no-progress", stdout=io.StringIO())  # twice: no duplicates
    assert SearchEntry.objects.count() == len(before)


def test_the_console_command_knows_reindex(library, capsys):
    from nghiquyet.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["nghiquyet", "reindex", "--help"])
    assert exit_.value.code == 0
    assert "--no-progress" in capsys.readouterr().out
