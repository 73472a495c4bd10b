from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.tree, name="tree"),
    path("don-vi/<str:code>/", views.unit_detail, name="unit"),
    path("don-vi/<str:code>/to-chuc-lai/", views.reorganise, name="reorganise"),
    path("don-vi/<str:code>/truc-thuoc/", views.children, name="children"),
    path("nhap-excel/", views.import_units, name="import"),
    path("xuat-excel/", views.export_units, name="export"),
    path("nhat-ky/", views.audit_log, name="audit"),
]
