"""The lifecycle areas shown in the main navigation, in the order of the work."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Area:
    url_name: str
    label: str
    step: str  # the lifecycle step code of docs/architecture.md


AREAS = (
    Area("home", _("Tổng quan"), "overview"),
    Area("documents:index", _("Văn bản"), "issuance"),
    Area("dissemination:index", _("Học tập, quán triệt"), "dissemination"),
    Area("tracking:index", _("Cụ thể hóa, thực hiện"), "tracking"),
    Area("oversight:index", _("Kiểm tra, giám sát"), "oversight"),
    Area("reviews:index", _("Sơ kết, tổng kết"), "reviews"),
    Area("evaluation:index", _("Đánh giá, xếp loại"), "evaluation"),
    Area("organisations:tree", _("Tổ chức"), "organisations"),
)


def navigation_items(current_path: str) -> list[dict]:
    """Areas with their URL; an area no app serves yet is shown as coming."""
    items = []
    for area in AREAS:
        try:
            url = reverse(area.url_name)
        except NoReverseMatch:
            url = None
        active = bool(url) and (current_path == url if url == "/" else current_path.startswith(url))
        items.append({"label": area.label, "url": url, "active": active, "step": area.step})
    return items
