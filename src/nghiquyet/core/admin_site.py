"""The Django admin, opened to the administrators of the tree.

An administrator is a user holding the administrator role at some unit (or a
superuser); ``is_staff`` plays no part. What each of them sees and changes in
the admin goes through the access policy (``organisations.admin.ScopedAdmin``).
"""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from nghiquyet.organisations.access import RULES, AccessPolicy, policy_for


class AdministratorLoginForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "not_administrator": _("Tài khoản này không có quyền quản trị."),
    }

    def confirm_login_allowed(self, user):
        if not user.is_active or not AccessPolicy(user).is_administrator:
            raise ValidationError(self.error_messages["not_administrator"], code="not_administrator")


class AdminSite(admin.AdminSite):
    site_header = _("Nghị Quyết · Quản trị")
    site_title = _("Nghị Quyết")
    index_title = _("Quản trị hệ thống")
    login_form = AdministratorLoginForm

    def has_permission(self, request):
        return request.user.is_active and policy_for(request).is_administrator

    def get_urls(self):
        urls = [url for url in super().get_urls() if getattr(url, "name", None) != "view_on_site"]
        # "View on site" redirects to a record's page: only for records the user may read.
        view = self.admin_view(self.scoped_shortcut)
        view.login_url = reverse_lazy("admin:login", current_app=self.name)  # as admin's own views
        view_on_site = path("r/<path:content_type_id>/<path:object_id>/", view, name="view_on_site")
        return [view_on_site, *urls]

    def scoped_shortcut(self, request, content_type_id, object_id):
        policy = policy_for(request)
        if not policy.is_superuser:
            try:
                model = ContentType.objects.get_for_id(content_type_id).model_class()
            except (ContentType.DoesNotExist, ValueError):
                raise Http404 from None
            if model is None or model._meta.label not in RULES:
                raise Http404
            try:
                policy.get_object_or_404(model, pk=object_id)
            except (ValueError, TypeError):
                raise Http404 from None
        return shortcut(request, content_type_id, object_id)
