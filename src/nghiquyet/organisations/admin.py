from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .access import policy_for
from .models import AccessGrant, Membership, Reorganisation, Unit, UnitAlias, UnitGroup, UnitKind, User


class ScopedAdmin(admin.ModelAdmin):
    """Admin lists go through the access policy like every other view."""

    def get_queryset(self, request):
        return policy_for(request).scope(super().get_queryset(request))


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 0


@admin.register(Unit)
class UnitAdmin(ScopedAdmin):
    list_display = ["code", "name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "depth"]
    search_fields = ["code", "name", "short_name"]
    autocomplete_fields = ["parent", "successor"]
    inlines = [UnitAliasInline]


@admin.register(UnitKind)
class UnitKindAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "category", "level"]


@admin.register(UnitGroup)
class UnitGroupAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "anchor"]
    filter_horizontal = ["kinds", "extra_members"]
    autocomplete_fields = ["anchor"]


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    list_display = ["user", "unit", "role", "secret_clearance"]
    list_filter = ["role", "secret_clearance"]
    autocomplete_fields = ["user", "unit"]


@admin.register(AccessGrant)
class AccessGrantAdmin(ScopedAdmin):
    list_display = ["grantee", "target", "include_subtree", "reason"]
    autocomplete_fields = ["grantee", "target"]


@admin.register(Reorganisation)
class ReorganisationAdmin(admin.ModelAdmin):
    list_display = ["kind", "effective_on", "decision"]
    filter_horizontal = ["before", "after"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (("Nghị Quyết", {"fields": ("full_name", "position", "phone")}),)
    list_display = ["username", "full_name", "position", "is_active", "is_superuser"]
    search_fields = ["username", "full_name"]
    inlines = [MembershipInline]
