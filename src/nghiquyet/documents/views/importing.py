"""Uploading files and following the import job."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from nghiquyet.organisations.access import policy_for

from ..forms import UploadForm
from ..models import ImportJob
from ..services import jobs
from ..tasks import run_import_job
from .register import may_import

# htmx stops polling on this status code.
STOP_POLLING = 286


def _job(request, pk) -> ImportJob:
    """A job is seen by its user and by the units above them (access policy)."""
    return policy_for(request).get_object_or_404(ImportJob, pk=pk)


@require_http_methods(["GET", "POST"])
def upload(request):
    if not may_import(policy_for(request)):
        raise PermissionDenied
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        job = jobs.create_job(request.user, form.cleaned_data["files"])
        return redirect("documents:job", pk=job.pk)
    recent = ImportJob.objects.filter(user=request.user)[:10]
    return render(request, "documents/upload.html", {"form": form, "recent": recent})


def job(request, pk):
    job = _job(request, pk)
    return render(request, "documents/job.html", {"job": job, "progress": jobs.progress(job)})


@require_POST
def job_start(request, pk):
    """Starts the job once; in embedded mode the import runs in this request
    while the page polls for progress."""
    job = _job(request, pk)
    if jobs.claim(job):
        run_import_job.delay(job.pk)
    if request.headers.get("HX-Request") == "true":
        return HttpResponse(status=204)
    return redirect("documents:job", pk=job.pk)


def job_progress(request, pk):
    job = _job(request, pk)
    response = render(request, "documents/_job_progress.html", {"job": job, "progress": jobs.progress(job)})
    if job.is_finished and request.headers.get("HX-Request") == "true":
        response.status_code = STOP_POLLING
    return response
