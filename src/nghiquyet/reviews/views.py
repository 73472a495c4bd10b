from django.core.paginator import Paginator
from django.shortcuts import render

from nghiquyet.organisations.access import policy_for

from .models import ReviewMilestone


def index(request):
    """Reviews (sơ kết, tổng kết) the user's units owe or oversee, soonest first."""
    milestones = policy_for(request).scope(ReviewMilestone.objects.select_related("document", "unit"))
    status = request.GET.get("status")
    if status in ReviewMilestone.Status.values:
        milestones = milestones.filter(status=status)
    milestones = milestones.order_by("due_date", "pk")
    page = Paginator(milestones, 50).get_page(request.GET.get("page"))
    return render(request, "reviews/index.html", {"page": page, "statuses": ReviewMilestone.Status.choices, "status": status})
