from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    """The organisation tree, users, roles and the access policy."""

    name = "nghiquyet.organisations"
    verbose_name = _("Tổ chức và phân quyền")
