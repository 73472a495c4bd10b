from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Issuance: the register of leadership documents, import and extracted commitments."""

    name = "nghiquyet.documents"
    verbose_name = _("Văn bản")
