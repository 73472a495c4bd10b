from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.tree, name="tree"),
    path("don-vi/<str:code>/", views.unit_detail, name="unit"),
    path("nhat-ky/", views.audit_log, name="audit"),
]
