from django.contrib import admin

from nghiquyet.organisations.admin import ScopedAdmin, ScopedInline

from .models import BodyMapping, Document, ExtractedItem, ImportJob, Reference, SourceFile


class ReferenceInline(ScopedInline):
    model = Reference
    fk_name = "from_document"
    fields = ["relation", "symbol", "issued_on", "to_document", "line"]
    raw_id_fields = ["to_document"]


@admin.register(Document)
class DocumentAdmin(ScopedAdmin):
    list_display = ["symbol", "issued_on", "kind", "issuer", "title", "secret", "status", "is_placeholder"]
    list_filter = ["kind", "status", "secret", "is_placeholder"]
    search_fields = ["symbol", "title", "issuer"]
    date_hierarchy = "issued_on"
    raw_id_fields = ["issuer_unit", "replaced_by", "source_file"]
    filter_horizontal = ["recipient_units"]
    readonly_fields = ["first_line", "last_line", "created_at", "updated_at"]
    exclude = ["text", "anchors", "outline", "warnings", "edited_fields"]
    inlines = [ReferenceInline]


@admin.register(ExtractedItem)
class ExtractedItemAdmin(ScopedAdmin):
    list_display = ["document", "type", "status", "confidence", "line"]
    list_filter = ["type", "status"]
    raw_id_fields = ["document", "report_to_unit", "reviewed_by"]
    filter_horizontal = ["lead_units", "partner_units"]


@admin.register(SourceFile)
class SourceFileAdmin(ScopedAdmin):
    list_display = ["filename", "size", "imported_by", "imported_at"]
    readonly_fields = ["sha256", "size", "imported_by", "imported_at"]


@admin.register(BodyMapping)
class BodyMappingAdmin(ScopedAdmin):
    list_display = ["name", "unit", "group", "not_a_body", "created_by", "created_at"]
    search_fields = ["name"]
    raw_id_fields = ["unit"]


@admin.register(ImportJob)
class ImportJobAdmin(ScopedAdmin):
    list_display = ["user", "status", "created_at", "finished_at"]
    list_filter = ["status"]
    readonly_fields = ["files", "results"]
