from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Common layout, navigation and helpers shared by every lifecycle step."""

    name = "nghiquyet.core"
    verbose_name = _("Nền tảng")
