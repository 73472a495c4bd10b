"""Consistency of figures across the register, and the calendar of obligations."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from nghiquyet.organisations.access import AccessPolicy, policy_for

from ..exports import xlsx_response
from ..forms import CalendarFilterForm
from ..models import CalendarToken, Document
from ..services import consistency
from ..services.calendar import month_bounds, obligations

FEED_PAST = datetime.timedelta(days=365)
FEED_FUTURE = datetime.timedelta(days=2 * 365)


def consistency_check(request):
    documents = Document.objects.real().readable_by(policy_for(request))
    findings = consistency.check(documents)
    return render(request, "documents/consistency.html", {"findings": findings, "checked": documents.count()})


def _calendar_window(request):
    policy = policy_for(request)
    form = CalendarFilterForm(request.GET or None, policy)
    today = timezone.localdate()
    month = form.cleaned_data.get("month") if form.is_bound and form.is_valid() else None
    start, end = month_bounds(month, today)
    if form.is_bound and form.is_valid() and form.cleaned_data.get("year"):
        start, end = datetime.date(start.year, 1, 1), datetime.date(start.year, 12, 31)
    return policy, form, start, end


def calendar(request):
    policy, form, start, end = _calendar_window(request)
    unit = form.chosen_unit()
    entries = obligations(policy, start, end, unit)
    previous_month = (start - datetime.timedelta(days=1)).strftime("%Y-%m")
    next_month = (end + datetime.timedelta(days=1)).strftime("%Y-%m")
    token = CalendarToken.objects.filter(user=request.user).first()
    feed_url = request.build_absolute_uri(reverse("documents:calendar_feed", args=[token.token])) if token else None
    context = {
        "form": form, "start": start, "end": end, "entries": entries, "unit": unit,
        "previous_month": previous_month, "next_month": next_month, "feed_url": feed_url,
    }
    return render(request, "documents/calendar.html", context)


def calendar_export(request):
    policy, form, start, end = _calendar_window(request)
    entries = obligations(policy, start, end, form.chosen_unit())
    headers = [_("Ngày đến hạn"), _("Loại"), _("Nội dung"), _("Đơn vị"), _("Văn bản")]
    rows = ([entry.day, entry.label, entry.title, entry.unit_names, str(entry.document)] for entry in entries)
    return xlsx_response(f"lich-cong-viec-{start:%Y-%m}.xlsx", _("Lịch công việc"), headers, rows)


@require_POST
def calendar_link(request):
    """Create (or renew, cutting off old subscriptions) the user's feed address."""
    CalendarToken.for_user(request.user, renew=True)
    return redirect("documents:calendar")


@login_not_required
def calendar_feed(request, token):
    """iCalendar feed for calendar apps: the token stands in for a login.

    An unknown (or renewed) address sends the visitor to log in. A browser
    that is logged in gets the feed only when the access policy lets its user
    see the address's owner, as for any other record.
    """
    entry = CalendarToken.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if entry is None:
        return redirect_to_login(request.get_full_path())
    if request.user.is_authenticated and not policy_for(request).can_view(entry):
        raise Http404
    today = timezone.localdate()
    policy = AccessPolicy(entry.user)
    feed = Calendar()
    feed.add("prodid", "-//Nghị Quyết//Lịch công việc//VI")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", _("Nghị Quyết: lịch công việc"))
    for item in obligations(policy, today - FEED_PAST, today + FEED_FUTURE):
        event = Event()
        event.add("uid", f"{item.uid}@nghiquyet")
        event.add("summary", f"[{item.label}] {item.title}")
        event.add("dtstart", item.day)
        event.add("dtend", item.day + datetime.timedelta(days=1))
        event.add("description", f"{item.document}\n{item.unit_names}".strip())
        event.add("url", request.build_absolute_uri(item.url))
        event.add("dtstamp", timezone.now())
        feed.add_component(event)
    return HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
