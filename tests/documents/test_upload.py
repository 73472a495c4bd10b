"""Uploading files: the job, its progress, its results; bad uploads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nghiquyet.documents.demo import corpus_files
from nghiquyet.documents.models import Document, ImportJob, SourceFile
from nghiquyet.documents.services.jobs import progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, officer_a):
    client.force_login(officer_a)
    return client


def upload(client, *files):
    return client.post(reverse("documents:upload"), {"files": [SimpleUploadedFile(name, data) for name, data in files]})


def run(client, job):
    start = client.post(reverse("documents:job_start", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert start.status_code == 204
    return client.get(reverse("documents:job_progress", args=[job.pk]), HTTP_HX_REQUEST="true")


def test_a_batch_imports_in_the_background_and_reports_per_file(units, officer_client):
    good = [entry for entry in corpus_files() if "45-huyen" in entry[0] or ".docx" in entry[0]]
    response = upload(officer_client, *good, ("rong.txt", b""), ("anh.png", b"\x89PNG\r\n\x1a\n" + bytes(500)))
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == "pending" and len(job.files) == 4
    page = officer_client.get(response["Location"])
    assert 'hx-trigger="load"' in page.text and "job_start" not in page.text
    assert 'hx-trigger="every 1s"' in page.text

    finished = run(officer_client, job)
    assert finished.status_code == 286  # htmx stops polling
    job.refresh_from_db()
    assert job.status == "done" and job.created_count == 2 and job.failed_count == 2
    assert "Đã nhập xong" in finished.text and "rỗng" in finished.text and "ảnh" in finished.text
    assert {"45-KH/HU", "09-CT/HU"} <= set(Document.objects.values_list("symbol", flat=True))
    assert SourceFile.objects.count() == 2
    assert progress(job)["percent"] == 100


def test_a_job_starts_once(units, officer_client):
    name, data = corpus_files()[0]
    upload(officer_client, (name, data))
    job = ImportJob.objects.get()
    run(officer_client, job)
    again = officer_client.post(reverse("documents:job_start", args=[job.pk]))
    assert again.status_code == 302
    job.refresh_from_db()
    assert len(job.results) == 1 and Document.objects.real().count() == 1


def test_reuploading_the_same_file_updates_instead_of_duplicating(units, officer_client):
    name, data = corpus_files()[0]
    for _ in range(2):
        upload(officer_client, (name, data))
        run(officer_client, ImportJob.objects.latest("created_at"))
    latest = ImportJob.objects.latest("created_at")
    assert latest.updated_count == 1 and latest.created_count == 0
    assert Document.objects.real().count() == 1 and SourceFile.objects.count() == 1


@pytest.mark.parametrize("payload, message", [
    ({}, "Hãy chọn ít nhất một tệp"),
    ({"files": "không phải tệp"}, "Hãy chọn ít nhất một tệp"),
])
def test_malformed_uploads_are_refused(units, officer_client, payload, message):
    response = officer_client.post(reverse("documents:upload"), payload)
    assert response.status_code == 200 and message in response.text
    assert not ImportJob.objects.exists()


def test_an_oversized_upload_is_refused_before_storing(units, officer_client, monkeypatch):
    from nghiquyet.documents import forms

    monkeypatch.setattr(forms, "MAX_FILE_BYTES", 1000)
    response = upload(officer_client, ("lon.txt", b"x" * 1001))
    assert response.status_code == 200 and "quá lớn" in response.text
    assert not ImportJob.objects.exists()


def test_the_progress_page_without_javascript(units, officer_client):
    name, data = corpus_files()[0]
    upload(officer_client, (name, data))
    job = ImportJob.objects.get()
    response = officer_client.post(reverse("documents:job_start", args=[job.pk]), follow=True)
    assert response.status_code == 200 and "Đã nhập xong" in response.text
