from django.urls import path

from .views import checks, importing, lineage, outdated, register, review

app_name = "documents"

urlpatterns = [
    path("", register.index, name="index"),
    path("xuat-excel/", register.export, name="export"),
    path("<int:pk>/", register.detail, name="detail"),
    path("<int:pk>/sua/", register.edit, name="edit"),
    path("<int:pk>/tep-goc/", register.source_download, name="source"),
    path("<int:pk>/toan-van.txt", register.text_download, name="text"),
    path("<int:pk>/quan-he/", lineage.lineage, name="lineage"),
    path("<int:pk>/quan-he/them/", lineage.link_add, name="link_add"),
    path("<int:pk>/hieu-luc/", lineage.mark_status, name="mark_status"),
    path("lien-ket/<int:pk>/xoa/", lineage.link_delete, name="link_delete"),
    path("can-ra-soat/", outdated.index, name="outdated"),
    path("can-ra-soat/xuat-excel/", outdated.export, name="outdated_export"),
    path("<int:pk>/ra-soat/", review.review, name="review"),
    path("<int:pk>/ra-soat/them/", review.add, name="item_add"),
    path("<int:pk>/ra-soat/chap-nhan-tin-cay-cao/", review.accept_confident, name="accept_confident"),
    path("<int:pk>/ten-co-quan/", review.map_body, name="map_body"),
    path("muc/<int:pk>/chap-nhan/", review.accept, name="item_accept"),
    path("muc/<int:pk>/loai/", review.reject, name="item_reject"),
    path("muc/<int:pk>/sua/", review.edit, name="item_edit"),
    path("nhap/", importing.upload, name="upload"),
    path("nhap/<int:pk>/", importing.job, name="job"),
    path("nhap/<int:pk>/bat-dau/", importing.job_start, name="job_start"),
    path("nhap/<int:pk>/tien-do/", importing.job_progress, name="job_progress"),
    path("kiem-tra-so-lieu/", checks.consistency_check, name="consistency"),
    path("lich/", checks.calendar, name="calendar"),
    path("lich/xuat-excel/", checks.calendar_export, name="calendar_export"),
    path("lich/lien-ket/", checks.calendar_link, name="calendar_link"),
    path("lich/<str:token>.ics", checks.calendar_feed, name="calendar_feed"),
]
