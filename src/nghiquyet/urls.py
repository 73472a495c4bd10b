from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from nghiquyet.api import api

admin.site.site_header = "Nghị Quyết"
admin.site.site_title = "Nghị Quyết"

urlpatterns = [
    path("", include("nghiquyet.core.urls")),
    path("to-chuc/", include("nghiquyet.organisations.urls")),
    path("van-ban/", include("nghiquyet.documents.urls")),
    path("theo-doi/", include("nghiquyet.tracking.urls")),
    path("so-ket-tong-ket/", include("nghiquyet.reviews.urls")),
    path("tim-kiem/", include("nghiquyet.search.urls")),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
