from django.contrib import admin

from nghiquyet.organisations.admin import ScopedAdmin

from .models import Indicator, IndicatorValue, Task


@admin.register(Task)
class TaskAdmin(ScopedAdmin):
    list_display = ["title", "kind", "lead_unit", "due_period", "next_due", "percent", "completed_on"]
    list_filter = ["kind", "recurrence"]
    search_fields = ["title"]
    raw_id_fields = ["document", "source_item", "parent", "lead_unit", "report_to_unit", "plan_document", "created_by"]
    filter_horizontal = ["partner_units"]
    readonly_fields = ["version", "next_due", "reported_through", "copy_share"]


@admin.register(Indicator)
class IndicatorAdmin(ScopedAdmin):
    list_display = ["name", "comparator", "target_value", "unit_of_measure", "due_period", "aggregation", "owner_unit"]
    list_filter = ["aggregation", "direction"]
    search_fields = ["name"]
    raw_id_fields = ["document", "source_item", "owner_unit", "created_by"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ScopedAdmin):
    list_display = ["indicator", "unit", "period", "value", "base", "reported_at"]
    raw_id_fields = ["indicator", "unit", "reported_by"]
