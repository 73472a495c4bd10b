"""Celery application for server mode (REDIS_URL set).

Start a worker with ``celery -A nghiquyet worker -B``. Without REDIS_URL the
settings make every task run in-process, so nothing else is needed.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")

app = Celery("nghiquyet")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
