from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Common layout, navigation and helpers shared by every lifecycle step."""

    default = True
    name = "nghiquyet.core"
    verbose_name = _("Nền tảng")


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our site (administrators by role, scoped by the policy)."""

    default = False
    default_site = "nghiquyet.core.admin_site.AdminSite"
