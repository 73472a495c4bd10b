"""The JSON API (django-ninja). Each app adds its router here.

Authentication is the user's session (with CSRF); every endpoint scopes its
queries through the access policy, exactly like the HTML views.
"""

from ninja import NinjaAPI
from ninja.security import django_auth

api = NinjaAPI(title="Nghị Quyết API", version="1", auth=django_auth, urls_namespace="api")


def _add_routers() -> None:
    from nghiquyet.documents.api import router as documents
    from nghiquyet.organisations.api import router as organisations
    from nghiquyet.search.api import router as search
    from nghiquyet.tracking.api import router as tracking

    api.add_router("/organisations/", organisations)
    api.add_router("/documents/", documents)
    api.add_router("/tracking/", tracking)
    api.add_router("/search/", search)


_add_routers()
