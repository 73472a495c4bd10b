from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search and the document relationship graph."""

    name = "nghiquyet.search"
    verbose_name = _("Tìm kiếm")

    def ready(self):
        from . import signals

        signals.connect()
