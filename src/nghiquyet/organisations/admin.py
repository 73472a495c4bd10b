"""The admin of the tree and its people, for administrators of a subtree.

Every list goes through the access policy; a record is read-only unless the
policy lets the user change it, and new records may only be placed in the
subtrees the user administers.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from .access import ADMINISTRATORS, policy_for
from .models import AccessGrant, Membership, Reorganisation, Unit, UnitAlias, UnitGroup, UnitKind, User


# Roles are memberships at units, not Django groups.
admin.site.unregister(Group)


class PolicyPermissions:
    """Admin permissions from the access policy instead of Django's model permissions."""

    def has_module_permission(self, request):
        return policy_for(request).is_administrator

    def has_view_permission(self, request, obj=None):
        policy = policy_for(request)
        return policy.is_administrator and (obj is None or policy.can_view(obj))

    def has_add_permission(self, request, obj=None):
        return policy_for(request).is_administrator

    def has_change_permission(self, request, obj=None):
        policy = policy_for(request)
        return policy.is_administrator and (obj is None or policy.can_change(obj))

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Records can only be placed in (or point to) units the user administers.
        if db_field.related_model is Unit:
            kwargs["queryset"] = policy_for(request).units_with_role(ADMINISTRATORS)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ScopedAdmin(PolicyPermissions, admin.ModelAdmin):
    def get_queryset(self, request):
        return policy_for(request).scope(super().get_queryset(request))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not policy_for(request).can_change(obj):  # a safety net behind the limited choices
            raise PermissionDenied


class ScopedInline(PolicyPermissions, admin.TabularInline):
    extra = 0

    def get_queryset(self, request):
        return policy_for(request).scope(super().get_queryset(request))


class UnitAliasInline(ScopedInline):
    model = UnitAlias
    fields = ["name", "kind", "valid_from", "valid_to"]


@admin.register(Unit)
class UnitAdmin(ScopedAdmin):
    list_display = ["code", "name", "short_name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "depth"]
    search_fields = ["code", "name", "short_name", "aliases__name"]
    autocomplete_fields = ["parent", "successor"]
    inlines = [UnitAliasInline]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # Only a superuser creates a new root; everyone else places units under one they administer.
        if "parent" in form.base_fields:
            form.base_fields["parent"].required = not policy_for(request).is_superuser
        return form


@admin.register(UnitKind)
class UnitKindAdmin(admin.ModelAdmin):
    """The list of kinds is shared by everyone: administrators read it, superusers edit it."""

    list_display = ["code", "name", "category", "level"]

    def has_module_permission(self, request):
        return policy_for(request).is_administrator

    def has_view_permission(self, request, obj=None):
        return policy_for(request).is_administrator


@admin.register(UnitGroup)
class UnitGroupAdmin(ScopedAdmin):
    list_display = ["code", "name", "anchor", "whole_subtree"]
    filter_horizontal = ["kinds"]
    autocomplete_fields = ["anchor", "extra_members"]


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    list_display = ["user", "unit", "role", "secret_clearance", "valid_from", "valid_to"]
    list_filter = ["role", "secret_clearance"]
    autocomplete_fields = ["user", "unit"]


@admin.register(AccessGrant)
class AccessGrantAdmin(ScopedAdmin):
    list_display = ["grantee", "target", "include_subtree", "reason", "valid_from", "valid_to"]
    list_filter = ["reason"]
    autocomplete_fields = ["grantee", "target"]


@admin.register(Reorganisation)
class ReorganisationAdmin(ScopedAdmin):
    """A record of what ``organisations.services`` did: read-only here."""

    list_display = ["effective_on", "kind", "within", "decision"]
    list_filter = ["kind"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MembershipInline(ScopedInline):
    model = Membership
    autocomplete_fields = ["unit"]
    fields = ["unit", "role", "secret_clearance", "valid_from", "valid_to"]

    def get_min_num(self, request, obj=None, **kwargs):
        # A user with no role would be invisible to every administrator but superusers.
        return 0 if policy_for(request).is_superuser else 1


@admin.register(User)
class UserAdmin(PolicyPermissions, BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + ((_("Nghị Quyết"), {"fields": ("full_name", "position", "phone")}),)
    list_display = ["username", "full_name", "position", "is_active", "is_superuser"]
    search_fields = ["username", "full_name"]
    inlines = [MembershipInline]
    SUPERUSER_ONLY = ("is_superuser", "is_staff", "groups", "user_permissions")

    def get_queryset(self, request):
        return policy_for(request).scope(super().get_queryset(request))

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if policy_for(request).is_superuser:
            return fieldsets
        return [(name, {**options, "fields": [f for f in options["fields"] if f not in self.SUPERUSER_ONLY]})
                for name, options in fieldsets]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not policy_for(request).can_change(form.instance):
            raise PermissionDenied
