from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from nghiquyet.api import api

urlpatterns = [
    path("", include("nghiquyet.core.urls")),
    path("to-chuc/", include("nghiquyet.organisations.urls")),
    path("van-ban/", include("nghiquyet.documents.urls")),
    path("theo-doi/", include("nghiquyet.tracking.urls")),
    path("so-ket-tong-ket/", include("nghiquyet.reviews.urls")),
    path("tim-kiem/", include("nghiquyet.search.urls")),
    path("api/", api.urls),
    # The language can be switched before logging in too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("quan-tri/", admin.site.urls),
]

# Uploaded originals are never served as media: only through the documents app's
# download view, which asks the access policy.
