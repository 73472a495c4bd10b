"""Every save and deletion of a searchable record updates its entries, in the
same transaction (an import that rolls back leaves the index as it was)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from nghiquyet.documents.models import Document
from nghiquyet.tracking.models import Indicator, PlanObligation, ProgressUpdate, Task

from . import indexing
from .models import SearchEntry

Source = SearchEntry.Source


def document_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    indexing.index_document(instance)
    # Tasks and indicators show their document's kind, issuer and secrecy.
    for task in instance.tasks.select_related("plan_document"):
        task.document = instance
        indexing.index_task(task)
    for indicator in instance.indicators.all():
        indicator.document = instance
        indexing.index_indicator(indicator)


def document_deleted(sender, instance, **kwargs):
    indexing.remove([Source.DOCUMENT, Source.SECTION], instance.pk)


def task_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_task(instance)


def task_deleted(sender, instance, **kwargs):
    indexing.remove([Source.TASK, Source.PLAN], instance.pk)


def indicator_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_indicator(instance)


def indicator_deleted(sender, instance, **kwargs):
    indexing.remove([Source.INDICATOR], instance.pk)


def progress_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_progress(instance)


def progress_deleted(sender, instance, **kwargs):
    indexing.remove([Source.PROGRESS], instance.pk)


def connect() -> None:
    post_save.connect(document_saved, sender=Document, dispatch_uid="search-document-saved")
    post_delete.connect(document_deleted, sender=Document, dispatch_uid="search-document-deleted")
    # Plans are saved through their proxy model too, which sends its own signals.
    for model in (Task, PlanObligation):
        post_save.connect(task_saved, sender=model, dispatch_uid=f"search-{model.__name__}-saved")
        post_delete.connect(task_deleted, sender=model, dispatch_uid=f"search-{model.__name__}-deleted")
    post_save.connect(indicator_saved, sender=Indicator, dispatch_uid="search-indicator-saved")
    post_delete.connect(indicator_deleted, sender=Indicator, dispatch_uid="search-indicator-deleted")
    post_save.connect(progress_saved, sender=ProgressUpdate, dispatch_uid="search-progress-saved")
    post_delete.connect(progress_deleted, sender=ProgressUpdate, dispatch_uid="search-progress-deleted")
