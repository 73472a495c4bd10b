from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from .access import policy_for
from .models import Membership, Unit


def tree(request):
    """The organisation tree as the user may see it, one level at a time."""
    policy = policy_for(request)
    if policy.is_superuser:
        roots = Unit.objects.current().filter(parent=None)
    else:
        roots = policy.home_units + [unit for unit, _subtree in policy.granted_roots]
    return render(request, "organisations/tree.html", {"roots": roots})


def unit_detail(request, code):
    policy = policy_for(request)
    unit = policy.get_object_or_404(Unit.objects.select_related("kind", "parent"), code=code)
    children = policy.scope(unit.children.current()).select_related("kind").vietnamese_order()
    members = policy.scope(Membership.objects.filter(unit=unit)).select_related("user")
    context = {
        "unit": unit,
        "ancestors": policy.scope(unit.ancestors()),
        "children": children,
        "members": members,
        "aliases": unit.aliases.all(),
    }
    return render(request, "organisations/unit_detail.html", context)


def audit_log(request):
    """Every recorded change, newest first, for administrators."""
    if not policy_for(request).is_administrator:
        raise PermissionDenied
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "organisations/audit_log.html", {"page": page})
