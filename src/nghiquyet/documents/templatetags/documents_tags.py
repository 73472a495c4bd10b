from django import template

from ..numbers import format_number
from ..periods import period_label

register = template.Library()


@register.filter
def number(value):
    """31.7 → "31,7"; 5500 → "5.500"."""
    return format_number(value)


@register.filter
def period(value):
    """"2023-Q2" → "quý II/2023"; "annual" → "hằng năm"."""
    if value == "annual":
        return "hằng năm"
    return period_label(value) if value else ""


@register.filter
def percent(value):
    return f"{round(float(value) * 100)}%" if value is not None else ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for links that keep filters)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def recurrence(value):
    """"annual" → "Hằng năm"."""
    from ..models import Recurrence

    return Recurrence(value).label if value in Recurrence.values else value or ""
