"""A user's notices: the list, and marking them read."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from nghiquyet.organisations.access import policy_for

from ..models import Notice
from .common import is_htmx, page_of


def own_notices(request):
    """The user's own notices, as their access policy still lets them see."""
    return policy_for(request).scope(Notice.objects.filter(user=request.user))


def notice_list(request):
    notices = own_notices(request)
    if request.GET.get("chua_doc"):
        notices = notices.unread()
    return render(request, "tracking/notices.html", {"page": page_of(request, notices.select_related("unit")),
                                                     "unread": own_notices(request).unread().count()})


@require_POST
def mark_read(request):
    """Mark the notices named in the form (or all of them) read."""
    notices = own_notices(request).unread()
    if request.POST.get("all") != "1":
        ids = [int(value) for value in request.POST.getlist("notice") if value.isdigit()]
        notices = notices.filter(pk__in=ids)
    now = timezone.now()
    for notice in notices:  # one save each, so the audit log records it
        notice.read_at = now
        notice.save(update_fields=["read_at"])
    if is_htmx(request):
        return render(request, "tracking/_notice_badge.html", {"unread": own_notices(request).unread().count()})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "tracking:notices"
    return redirect(target)
