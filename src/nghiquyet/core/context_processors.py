from nghiquyet.organisations.access import policy_for

from .navigation import navigation_items


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {
        "navigation": navigation_items(request.path),
        "is_administrator": policy_for(request).is_administrator,
    }
