from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackingConfig(AppConfig):
    """Plans, tasks, progress and indicators across the tree."""

    name = "nghiquyet.tracking"
    verbose_name = _("Cụ thể hóa và theo dõi thực hiện")
