from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Issuance: the register of leadership documents, import and extracted commitments."""

    name = "nghiquyet.documents"
    verbose_name = _("Văn bản")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import CalendarToken, Document

        # The full text and its maps are re-derived from the file on every
        # import; logging them would copy each document into the audit log.
        # Metadata changes, the file and the recipients are what is audited.
        auditlog.register(
            Document,
            exclude_fields=["text", "anchors", "outline", "warnings", "folded", "identity_key", "symbol_key"],
            m2m_fields={"recipient_units"},
        )
        auditlog.register(CalendarToken, mask_fields=["token"])
