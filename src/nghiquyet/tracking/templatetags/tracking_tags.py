from django import template
from django.utils import timezone

from nghiquyet.organisations.access import policy_for

from ..models import Notice
from ..status import PLAN_LABELS, Status

register = template.Library()


@register.filter
def task_status(value):
    """"overdue" → "Quá hạn chưa hoàn thành"."""
    return Status(value).label if value in Status.values else ""


@register.filter
def plan_status(value):
    return PLAN_LABELS[Status(value)] if value in Status.values else ""


@register.filter
def status_class(value):
    """A CSS class per status, the same for tasks, plans, reports and indicators."""
    return f"st-{value}" if value else "st-none"


@register.filter
def share(value):
    """0.42 → "42%"."""
    return f"{round(float(value) * 100)}%" if value not in (None, "") else ""


@register.filter
def lookup(mapping, key):
    return mapping.get(key, 0) if mapping else 0


@register.simple_tag(takes_context=True)
def unread_notice_count(context) -> int:
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return 0
    return policy_for(request).scope(Notice.objects.filter(user=request.user).unread()).count()


@register.inclusion_tag("tracking/_overview_panel.html", takes_context=True)
def overview_panel(context):
    """The overview of the user's own unit, today: the home page's main content."""
    from ..forms import default_unit
    from ..services.dashboard import overview

    request = context["request"]
    policy = policy_for(request)
    unit = default_unit(policy) if request.user.is_authenticated else None
    return {"overview": overview(policy, unit, timezone.localdate()) if unit else None, "request": request}
