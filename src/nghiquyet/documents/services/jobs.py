"""Uploads imported in the background, one ``ImportJob`` per batch of files.

The upload request only stores the files; the job starts when its page asks
(so a page is already polling for progress), as a Celery task: in a worker in
server mode, in the asking request in embedded mode. Live progress goes
through the cache, since each file's own transaction hides its rows until
it commits; per-file results are saved to the job as each file finishes.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from auditlog.context import set_actor
from django.core.cache import cache
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ImportJob
from .importing import import_file

PROGRESS_SECONDS = 24 * 60 * 60


def create_job(user, uploads) -> ImportJob:
    folder = f"nhap/{uuid.uuid4().hex}"
    files = []
    for index, upload in enumerate(uploads):
        name = PurePath(upload.name).name or f"tep-{index + 1}"
        path = default_storage.save(f"{folder}/{index:03d}{PurePath(name).suffix.lower()[:10]}", File(upload))
        files.append({"name": name, "path": path, "size": upload.size})
    return ImportJob.objects.create(user=user, files=files)


def claim(job: ImportJob) -> bool:
    """Mark a pending job as running; False when someone already started it."""
    claimed = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.PENDING).update(
        status=ImportJob.Status.RUNNING, started_at=timezone.now())
    return bool(claimed)


def _progress_key(job_id: int) -> str:
    return f"nghiquyet:import-job:{job_id}"


def progress(job: ImportJob) -> dict:
    """Files done, and documents stored of the file being read."""
    state = {"files": len(job.files), "file": len(job.results), "name": "", "done": 0, "total": 0}
    if not job.is_finished:
        state.update(cache.get(_progress_key(job.pk)) or {})
    state["percent"] = _percent(state)
    return state


def _percent(state: dict) -> int:
    if not state["files"]:
        return 100
    within = state["done"] / state["total"] if state["total"] else 0
    return min(100, int(100 * (state["file"] + within) / state["files"]))


def run(job_id: int) -> ImportJob:
    """Import the job's files one by one; each file lands whole or not at all.
    A job that breaks off is marked failed, keeping the files already done."""
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    key = _progress_key(job.pk)
    status = ImportJob.Status.DONE
    try:
        with set_actor(job.user):
            for index, entry in enumerate(job.files[len(job.results):], start=len(job.results)):
                def report_progress(done, total, label, index=index, name=entry["name"]):
                    cache.set(key, {"file": index, "name": name, "done": done, "total": total, "label": label},
                              PROGRESS_SECONDS)

                report_progress(0, 0, "")
                job.results.append(_import_stored(entry, job.user, report_progress))
                job.save(update_fields=["results"])
    except Exception:
        status = ImportJob.Status.FAILED
        raise
    finally:
        job.status, job.finished_at = status, timezone.now()
        job.save(update_fields=["status", "finished_at"])
        cache.delete(key)
    return job


def _import_stored(entry: dict, user, report_progress) -> dict:
    try:
        with default_storage.open(entry["path"], "rb") as stored:
            data = stored.read()
    except OSError:
        return {"filename": entry["name"], "ok": False,
                "message": _("Không đọc được tệp đã tải lên “%(name)s”; hãy tải lên lại.") % {"name": entry["name"]}}
    report = import_file(data, entry["name"], user, progress=report_progress)
    default_storage.delete(entry["path"])
    return report.to_json()
