"""Reports on implementation ("Báo cáo tình hình thực hiện") as Word documents
in the Party's format, for a unit to edit, sign and send up.

Two reports: the overview of a unit on a day (the dashboard's figures and
lists), and one document's implementation inside a unit's subtree (its plans,
tasks, indicators and reviews). Every record goes through the access policy,
so a report holds exactly what its reader may see: no secret document, no unit
outside the reader's scope.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from nghiquyet.documents.models import Document
from nghiquyet.documents.numbers import format_number
from nghiquyet.documents.periods import period_label
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Unit, subtree_q
from nghiquyet.reviews.models import ReviewMilestone

from ..models import Indicator, PlanObligation
from ..status import PLAN_LABELS, SEVERITY, Status
from . import dashboard, indicators, timeline
from .party_format import PartyReport, letterhead_for

# A report is read on paper: the longest lists are cut, with a note of what was left out.
ROW_LIMIT = 300


def date_text(day: datetime.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def share(count: int, total: int) -> str:
    return f"{format_number(round(100 * count / total, 1))}%" if total else ""


# -- the overview of a unit -----------------------------------------------------------------


def overview_report(policy: AccessPolicy, unit: Unit, day: datetime.date) -> bytes:
    overview = dashboard.overview(policy, unit, day, limit=ROW_LIMIT)
    report = PartyReport(letterhead_for(unit, day), _("tình hình thực hiện các nghị quyết, chỉ thị, kết luận"))
    report.paragraph(_("Tính đến ngày %(day)s, việc thực hiện các nghị quyết, chỉ thị, kết luận tại %(unit)s "
                       "và các đơn vị trực thuộc được theo dõi như sau:") % {"day": date_text(day), "unit": unit.name})
    report.heading(_("I. KẾT QUẢ THỰC HIỆN"))
    report.heading(_("1. Cụ thể hóa (chương trình, kế hoạch)"))
    status_table(report, overview.plan_counts, plan_words=True)
    report.heading(_("2. Thực hiện nhiệm vụ"))
    status_table(report, overview.task_counts)
    report.heading(_("3. Chỉ tiêu"))
    report.paragraph(_("%(off)d/%(total)d chỉ tiêu chưa đạt hoặc có nguy cơ không đạt.")
                     % {"off": len(overview.off_track), "total": overview.indicator_count})
    standings_table(report, overview.off_track)
    report.heading(_("II. NHỮNG VIỆC CHẬM, CẦN ĐÔN ĐỐC"))
    report.heading(_("1. Nhiệm vụ quá hạn chưa hoàn thành"))
    overdue_tasks_table(report, overview.overdue, overview.task_counts[Status.OVERDUE])
    report.heading(_("2. Đơn vị chưa ban hành chương trình, kế hoạch (quá hạn)"))
    missing_plans_table(report, overview.missing_plans, overview.plan_counts[Status.OVERDUE])
    report.heading(_("III. SƠ KẾT, TỔNG KẾT ĐẾN HẠN TRONG QUÝ"))
    reviews_table(report, overview.reviews_due)
    closing_prompt(report, "IV")
    return report.to_bytes()


def status_table(report: PartyReport, counts: dict[str, int], plan_words: bool = False) -> None:
    total = sum(counts.values())
    rows = [(PLAN_LABELS[Status(status)] if plan_words else Status(status).label, count, share(count, total))
            for status, count in counts.items()]
    report.table([_("Tình trạng"), _("Số lượng"), _("Tỷ lệ")], rows, widths=(9, 3, 3),
                 total=(_("Tổng số"), total, "100%" if total else ""))


def overdue_tasks_table(report: PartyReport, tasks: list, total: int) -> None:
    if not tasks:
        report.paragraph(_("Không có nhiệm vụ quá hạn."))
        return
    rows = [(task.title, task.document.display_name, task.lead_unit.name, date_text(task.next_due)) for task in tasks]
    report.table([_("Nhiệm vụ"), _("Văn bản"), _("Đơn vị chủ trì"), _("Hạn")], rows, widths=(6, 4, 3.5, 2.3))
    left_out(report, total - len(tasks))


def missing_plans_table(report: PartyReport, plans: list, total: int) -> None:
    if not plans:
        report.paragraph(_("Không có đơn vị nào chậm ban hành chương trình, kế hoạch."))
        return
    rows = [(plan.lead_unit.name, plan.document.display_name, date_text(plan.due_date)) for plan in plans]
    report.table([_("Đơn vị"), _("Văn bản cần cụ thể hóa"), _("Hạn ban hành")], rows, widths=(5, 7, 3))
    left_out(report, total - len(plans))


def standings_table(report: PartyReport, standings: Sequence[tuple[Indicator, indicators.Standing]]) -> None:
    if not standings:
        return
    rows = [(indicator.name, target_text(indicator), latest_text(indicator, standing), standing.status.label)
            for indicator, standing in standings[:ROW_LIMIT]]
    report.table([_("Chỉ tiêu"), _("Mục tiêu"), _("Kết quả mới nhất"), _("Đánh giá")], rows, widths=(6.5, 3, 3.2, 3))
    left_out(report, len(standings) - ROW_LIMIT)


def target_text(indicator: Indicator) -> str:
    """"từ 90% trở lên (năm 2025)", "5.500–6.000 USD", as documents write targets."""
    value = format_number(indicator.target_value)
    if indicator.target_value_max is not None:
        value += f"–{format_number(indicator.target_value_max)}"
    value += indicator.unit_of_measure
    words = str(indicator.get_comparator_display())
    target = words.replace("…", value) if "…" in words else f"{words} {value}"
    return f"{target} ({period_label(indicator.due_period)})" if indicator.due_period else target


def latest_text(indicator: Indicator, standing: indicators.Standing) -> str:
    if standing.latest is None:
        return _("Chưa có số liệu")
    latest = standing.latest
    return f"{format_number(latest.value)}{indicator.unit_of_measure} ({period_label(latest.period)})"


def reviews_table(report: PartyReport, reviews: list[ReviewMilestone]) -> None:
    if not reviews:
        report.paragraph(_("Không có đợt sơ kết, tổng kết nào đến hạn."))
        return
    rows = [(f"{review.get_kind_display()} {review.document.display_name}", review.unit.name,
             date_text(review.due_date) or _("hằng năm"), review.get_status_display()) for review in reviews]
    report.table([_("Nội dung"), _("Đơn vị thực hiện"), _("Hạn"), _("Tình trạng")], rows, widths=(7, 4, 2.3, 2.5))


def left_out(report: PartyReport, count: int) -> None:
    if count > 0:
        report.paragraph(_("(Và %(count)d mục khác, xem trên hệ thống.)") % {"count": count}, italic=True)


def closing_prompt(report: PartyReport, number: str) -> None:
    """The part only people can write, left for them with a note."""
    report.heading(_("%(number)s. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI VÀ KIẾN NGHỊ, ĐỀ XUẤT") % {"number": number})
    report.paragraph(_("(Đơn vị bổ sung nhận xét, đánh giá, nguyên nhân, phương hướng và kiến nghị trước khi trình ký.)"),
                     italic=True)


# -- one document ---------------------------------------------------------------------------


def document_report(policy: AccessPolicy, document: Document, unit: Unit, day: datetime.date) -> bytes:
    """How ``document`` is implemented inside ``unit``'s subtree, as of ``day``."""
    subject = _("tình hình thực hiện %(document)s %(title)s") % {"document": document.display_name, "title": document.title}
    report = PartyReport(letterhead_for(unit, day), subject.strip())
    report.paragraph(_("Tính đến ngày %(day)s, việc thực hiện %(document)s tại %(unit)s và các đơn vị trực thuộc "
                       "được theo dõi như sau:") % {"day": date_text(day), "document": document.display_name, "unit": unit.name})
    plans = document_plans(policy, document, unit, day)
    tasks = document_tasks(policy, document, unit, day)
    report.heading(_("I. CÔNG TÁC CỤ THỂ HÓA"))
    if plans.exists():
        status_table(report, dashboard.count_by_status(plans, day), plan_words=True)
        plans_table(report, plans)
    else:
        report.paragraph(_("Chưa giao đơn vị nào xây dựng chương trình, kế hoạch."))
    report.heading(_("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"))
    status_table(report, dashboard.count_by_status(tasks, day))
    tasks_table(report, tasks)
    report.heading(_("III. CHỈ TIÊU"))
    document_standings(report, policy, document, unit, day)
    report.heading(_("IV. SƠ KẾT, TỔNG KẾT"))
    reviews_table(report, document_reviews(policy, document, unit))
    closing_prompt(report, "V")
    return report.to_bytes()


def document_reviews(policy: AccessPolicy, document: Document, unit: Unit) -> list[ReviewMilestone]:
    """Reviews of the document by the unit, its subtree or the units above it."""
    reviews = policy.scope(ReviewMilestone.objects.filter(document=document))
    reviews = reviews.filter(subtree_q(unit.path, "unit__") | Q(unit__in=unit.ancestors()))
    return list(reviews.select_related("document", "unit").order_by("due_date", "pk")[:ROW_LIMIT])


def document_plans(policy: AccessPolicy, document: Document, unit: Unit, day: datetime.date):
    plans = policy.scope(PlanObligation.objects.filter(subtree_q(unit.path, "lead_unit__"), document=document))
    return plans.with_status(day)


def document_tasks(policy: AccessPolicy, document: Document, unit: Unit, day: datetime.date):
    tasks = timeline.implementing_tasks(policy, document).filter(subtree_q(unit.path, "lead_unit__"))
    return tasks.with_status(day)


def plans_table(report: PartyReport, plans) -> None:
    ordered = plans.select_related("lead_unit", "plan_document").order_by("lead_unit__sort_key", "due_date", "pk")
    rows = [(plan.lead_unit.name, plan.plan_document.display_name if plan.plan_document else "",
             date_text(plan.due_date), PLAN_LABELS[Status(plan.status)]) for plan in ordered[:ROW_LIMIT]]
    report.table([_("Đơn vị"), _("Chương trình, kế hoạch đã ban hành"), _("Hạn"), _("Tình trạng")], rows,
                 widths=(4.5, 5.5, 2.3, 3.5))
    left_out(report, plans.count() - ROW_LIMIT)


def tasks_table(report: PartyReport, tasks) -> None:
    ordered = (tasks.select_related("lead_unit").annotate(severity=worst_first())
               .order_by("severity", F("next_due").asc(nulls_last=True), "pk"))
    rows = [(task.title, task.lead_unit.name, date_text(task.next_due), Status(task.status).label)
            for task in ordered[:ROW_LIMIT]]
    if rows:
        report.table([_("Nhiệm vụ"), _("Đơn vị chủ trì"), _("Hạn"), _("Tình trạng")], rows, widths=(7, 4, 2.3, 2.5))
    left_out(report, tasks.count() - ROW_LIMIT)


def worst_first():
    return Case(*[When(status=status, then=Value(rank)) for status, rank in SEVERITY.items()], output_field=IntegerField())


def document_standings(report: PartyReport, policy: AccessPolicy, document: Document, unit: Unit, day) -> None:
    found = list(policy.scope(document.indicators.all()).order_by("sort_key", "pk"))
    if not found:
        report.paragraph(_("Văn bản chưa có chỉ tiêu được theo dõi."))
        return
    series = indicators.series_for(found, unit, day)
    standings_table(report, [(indicator, indicators.standing(indicator, series[indicator.pk], day)) for indicator in found])
