"""``nghiquyet import FILE ...`` and the import's behaviour on arbitrary bytes."""

import io

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nghiquyet.cli import main
from nghiquyet.documents.demo import corpus_files
from nghiquyet.documents.models import Document, SourceFile
from nghiquyet.documents.services.importing import import_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus_dir(tmp_path):
    for name, data in corpus_files():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_import_command_reports_each_file(units, corpus_dir, officer_a):
    out, err = io.StringIO(), io.StringIO()
    files = sorted(str(path) for path in corpus_dir.iterdir())
    call_command("import_documents", *files, user="officer_a", stdout=out, stderr=err)
    assert out.getvalue().count("✓") == 4 and "1 văn bản mới" in out.getvalue()
    assert Document.objects.real().count() == 4
    assert SourceFile.objects.filter(imported_by=officer_a).count() == 4
    call_command("import_documents", *files, stdout=out, stderr=err)
    assert Document.objects.real().count() == 4 and "1 cập nhật" in out.getvalue()


def test_import_command_fails_for_bad_files_but_imports_the_rest(units, corpus_dir, tmp_path):
    (tmp_path / "rong.txt").write_bytes(b"")
    good = next(path for path in corpus_dir.iterdir() if path.suffix == ".docx")
    err = io.StringIO()
    with pytest.raises(CommandError, match="2/3 tệp không nhập được"):
        call_command("import_documents", str(good), str(tmp_path / "rong.txt"), str(tmp_path / "khong-co.txt"),
                     stdout=io.StringIO(), stderr=err)
    assert "rỗng" in err.getvalue() and "Không đọc được tệp" in err.getvalue()
    assert Document.objects.real().count() == 1


def test_import_command_refuses_an_unknown_user(units, corpus_dir):
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("import_documents", str(next(corpus_dir.iterdir())), user="ai-do")


def test_the_console_command_maps_import(units, corpus_dir, capsys):
    path = next(path for path in sorted(corpus_dir.iterdir()) if path.suffix == ".txt")
    assert main(["nghiquyet", "import", str(path)]) == 0
    assert "✓" in capsys.readouterr().out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.txt", "b.docx", "c.pdf", "d"]))
def test_arbitrary_bytes_never_break_the_import(units, data, name):
    report = import_file(data, name)
    if not report.ok:
        assert report.message and not report.created
        assert not SourceFile.objects.filter(filename=name, size=len(data)).exists()
