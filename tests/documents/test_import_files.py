"""Importing real files through the reader: the seeds when present, bad input always."""

import datetime
import os

import pytest

from nghiquyet.core.seeds import seed_file
from nghiquyet.documents.models import Document, ExtractedItem, Reference, SourceFile
from nghiquyet.documents.services.importing import MAX_FILE_BYTES, import_file

pytestmark = pytest.mark.django_db


def seed(prefix):
    path = seed_file(prefix)
    if path is None:
        pytest.skip("seed documents not found (set NGHIQUYET_SEEDS)")
    return path


def test_the_compilation_imports_whole_and_once(units, province_officer):
    path = seed("003")
    report = import_file(path.read_bytes(), path.name, province_officer)
    assert report.ok, report.message
    assert len(report.created) == 40 and not report.updated
    assert any("01-ĐA/TU" in line for line in report.absent)
    documents = Document.objects.real()
    assert documents.count() == 40 and SourceFile.objects.count() == 1
    assert documents.filter(issuer_unit=units["province"]).count() == 40
    resolution = documents.get(symbol="109-NQ/TU", issued_on=datetime.date(2021, 6, 8))
    assert resolution.title.startswith("về tăng cường") and resolution.first_line < resolution.last_line
    cited = [ref.to_document for ref in Reference.objects.exclude(to_document=None).select_related("to_document")]
    assert any(document.is_placeholder for document in cited), "the compilation cites documents it does not hold"
    assert any(not document.is_placeholder for document in cited), "its documents cite each other"
    counts = (Document.objects.count(), Reference.objects.count(), ExtractedItem.objects.count())

    again = import_file(path.read_bytes(), path.name, province_officer)
    assert again.ok and len(again.updated) == 40 and not again.created
    assert (Document.objects.count(), Reference.objects.count(), ExtractedItem.objects.count()) == counts


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_standalone_texts_without_header(units, prefix):
    path = seed(prefix)
    report = import_file(path.read_bytes(), path.name)
    assert report.ok and len(report.created) == 1
    document = Document.objects.real().get()
    assert document.symbol == "" and document.title.startswith("về")
    count = Document.objects.count()
    assert import_file(path.read_bytes(), path.name).updated and Document.objects.count() == count


def test_a_research_report_is_not_a_leadership_document(units):
    path = seed("000")
    report = import_file(path.read_bytes(), path.name)
    assert not report.ok and "văn bản lãnh đạo" in report.message
    assert not Document.objects.exists() and not SourceFile.objects.exists()


@pytest.mark.parametrize("data, words", [
    (b"", "rỗng"),
    (b"   \n\n  \t", "rỗng"),
    (bytes(range(256)) * 64, "không"),
    (b"\x89PNG\r\n\x1a\n" + os.urandom(2048), "ảnh"),
    ("Công thức nấu phở bò: xương bò, bánh phở, hành, gừng. Ninh xương trong tám giờ.".encode(), "văn bản lãnh đạo"),
])
def test_bad_input_is_refused_with_a_vietnamese_reason(units, data, words):
    report = import_file(data, "tep.txt")
    assert not report.ok and words in report.message
    assert not Document.objects.exists() and not SourceFile.objects.exists()


def test_too_large_a_file_is_refused_before_reading(units):
    data = b"a" * (MAX_FILE_BYTES + 1)
    report = import_file(data, "lon.txt")
    assert not report.ok and "quá lớn" in report.message and not SourceFile.objects.exists()


def test_a_hundred_megabytes_of_text(units):
    report = import_file(b"Nghi quyet. " * (100 * 1024 * 1024 // 12), "100mb.txt")
    assert not report.ok and "quá lớn" in report.message
