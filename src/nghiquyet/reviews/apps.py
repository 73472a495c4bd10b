from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    """Interim and final reviews of documents."""

    name = "nghiquyet.reviews"
    verbose_name = _("Sơ kết, tổng kết")
