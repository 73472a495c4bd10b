"""Which audit log entries an administrator may browse.

A superuser sees every entry. An administrator of a subtree sees the entries
about records still in their scope, and every entry made by the people they
fully administer (all of whose roles lie in their scope): that covers the
deletions those people made, whose records no longer exist to be scoped.
"""

from functools import reduce
from operator import or_

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .access import AccessPolicy, registered_models
from .models import Membership, User


# django-auditlog has no Vietnamese catalogue of its own.
ACTION_LABELS = {
    LogEntry.Action.CREATE: _("Thêm mới"),
    LogEntry.Action.UPDATE: _("Sửa"),
    LogEntry.Action.DELETE: _("Xóa"),
    LogEntry.Action.ACCESS: _("Xem"),
}


def people_administered(policy: AccessPolicy):
    """Users holding roles only inside the policy user's scope."""
    if policy.is_superuser:
        return User.objects.all()
    inside = Membership.objects.filter(policy.units_q("unit"))
    outside = Membership.objects.exclude(pk__in=inside.values("pk"))
    return User.objects.filter(memberships__in=inside).exclude(memberships__in=outside).distinct()


def visible_entries(policy: AccessPolicy):
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    if policy.is_superuser:
        return entries
    if not policy.is_administrator:
        return entries.none()
    about_scoped_records = [
        Q(content_type=ContentType.objects.get_for_model(model),
          object_id__in=policy.scope(model._default_manager.all()).values("pk"))
        for model in registered_models()
    ]
    by_people = Q(actor__in=people_administered(policy).values("pk"))
    return entries.filter(reduce(or_, about_scoped_records, by_people))
