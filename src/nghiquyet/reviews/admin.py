from django.contrib import admin

from nghiquyet.organisations.admin import ScopedAdmin

from .models import ReviewMilestone


@admin.register(ReviewMilestone)
class ReviewMilestoneAdmin(ScopedAdmin):
    list_display = ["document", "kind", "due_period", "due_date", "unit", "status"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["document", "source_item", "unit"]
