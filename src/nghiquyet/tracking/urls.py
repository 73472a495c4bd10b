from django.urls import path

from .views import dashboard, indicators, notices, plans, reports, spreadsheets, tasks, word_reports

app_name = "tracking"

urlpatterns = [
    path("", dashboard.overview, name="index"),
    path("bao-cao.docx", word_reports.overview_report, name="overview_report"),
    path("ma-tran/", dashboard.matrix, name="matrix"),
    path("van-ban/<int:pk>/", dashboard.document_page, name="document"),
    path("van-ban/<int:pk>/giao/", plans.assign, name="assign"),
    path("van-ban/<int:pk>/bao-cao.docx", word_reports.document_report, name="document_report"),
    path("don-vi/<str:code>/", dashboard.unit_page, name="unit"),
    path("ke-hoach/", plans.plan_list, name="plans"),
    path("ke-hoach/<int:pk>/", plans.plan, name="plan"),
    path("ke-hoach/<int:pk>/nop/", plans.plan_upload, name="plan_upload"),
    path("ke-hoach/<int:pk>/soan/", plans.plan_write, name="plan_write"),
    path("ke-hoach/<int:pk>/kiem-tra-sao-chep/", plans.plan_copy, name="plan_copy"),
    path("nhiem-vu/", tasks.task_list, name="tasks"),
    path("nhiem-vu/them/", tasks.task_create, name="task_create"),
    path("nhiem-vu/<int:pk>/", tasks.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/sua/", tasks.task_edit, name="task_edit"),
    path("nhiem-vu/<int:pk>/tien-do/", tasks.task_progress, name="task_progress"),
    path("nhiem-vu/<int:pk>/nhiem-vu-con/", tasks.task_subtasks, name="task_subtasks"),
    path("minh-chung/<int:pk>/", tasks.evidence, name="evidence"),
    path("chi-tieu/", indicators.indicator_list, name="indicators"),
    path("chi-tieu/<int:pk>/", indicators.indicator_detail, name="indicator"),
    path("chi-tieu/<int:pk>/so-lieu/", indicators.indicator_value, name="indicator_value"),
    path("chi-tieu/<int:pk>/cach-tinh/", indicators.indicator_edit, name="indicator_edit"),
    path("lich-bao-cao/", reports.report_calendar, name="reports"),
    path("nhap-excel/tien-do/", spreadsheets.bulk_progress, name="bulk_progress"),
    path("nhap-excel/chi-tieu/", spreadsheets.bulk_values, name="bulk_values"),
    path("thong-bao/", notices.notice_list, name="notices"),
    path("thong-bao/da-doc/", notices.mark_read, name="mark_read"),
]
