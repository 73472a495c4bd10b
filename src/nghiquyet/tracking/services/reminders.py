"""Warnings and reminders: due soon, overdue, plans and reports missing.

Run by ``nghiquyet send_reminders`` (cron) or the Celery beat task
``nghiquyet.tracking.tasks.send_reminders``. Each notice goes to the people of
the unit that owes the work (and, once overdue, to the managers of the unit
above), in the application and by e-mail, and links to the item. A notice is
keyed by what it is about and the deadline it concerns, so running the job
again sends nothing twice. Nobody is told about what their access policy
hides from them (secret documents).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nghiquyet.documents.periods import period_label
from nghiquyet.organisations.access import MANAGERS, AccessPolicy
from nghiquyet.organisations.models import Membership, Role, Unit, valid_on_q

from ..models import Indicator, IndicatorValue, Notice, Task
from ..status import Status
from .indicators import reporting_units
from .reporting import indicator_window, periods_between

logger = logging.getLogger(__name__)

# Who at the unit that owes the work is told; the unit above hears of overdue work through its managers.
UNIT_ROLES = {Role.LEADER, Role.TRACKING_OFFICER, Role.REPORTER}


@dataclass
class Summary:
    created: int = 0
    emailed: int = 0


def _date(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


class Reminders:
    def __init__(self, day: datetime.date | None = None):
        self.day = day or timezone.localdate()
        self.summary = Summary()
        self._policies: dict[int, AccessPolicy] = {}
        self._members: dict[tuple[int, frozenset], list] = {}

    def run(self) -> Summary:
        tasks = Task.objects.with_status(self.day).filter(status__in=[Status.DUE_SOON, Status.OVERDUE])
        for task in tasks.select_related("lead_unit__parent", "document").iterator(chunk_size=500):
            self.about_task(task)
        for indicator in Indicator.objects.select_related("document", "owner_unit").iterator(chunk_size=500):
            self.about_values(indicator)
        return self.summary

    # -- what is owed ------------------------------------------------------

    def about_task(self, task: Task) -> None:
        due = _date(task.next_due)
        context = {"title": task.title, "unit": task.lead_unit, "due": due, "document": task.document.display_name}
        if task.status == Status.DUE_SOON:
            kind = Notice.Kind.DUE_SOON
            title = _("Sắp đến hạn (%(due)s): %(title)s") % context
            message = _("%(unit)s cần hoàn thành trước ngày %(due)s: %(title)s (%(document)s).") % context
        elif task.is_plan:
            kind = Notice.Kind.PLAN_MISSING
            title = _("Chưa ban hành kế hoạch (hạn %(due)s): %(unit)s") % context
            message = _("%(unit)s chưa ban hành chương trình, kế hoạch thực hiện %(document)s; hạn là %(due)s.") % context
        elif task.repeats:
            kind = Notice.Kind.REPORT_MISSING
            title = _("Chưa báo cáo kỳ %(due)s: %(title)s") % context
            message = _("%(unit)s chưa gửi báo cáo định kỳ hạn %(due)s về nhiệm vụ: %(title)s (%(document)s).") % context
        else:
            kind = Notice.Kind.OVERDUE
            title = _("Quá hạn từ %(due)s: %(title)s") % context
            message = _("Nhiệm vụ do %(unit)s chủ trì đã quá hạn từ ngày %(due)s: %(title)s (%(document)s).") % context
        key = f"{kind}:task:{task.pk}:{task.next_due.isoformat()}"
        recipients = self.members(task.lead_unit, UNIT_ROLES)
        if task.status == Status.OVERDUE and task.lead_unit.parent_id:
            recipients += self.members(task.lead_unit.parent, MANAGERS)
        for user in recipients:
            self.notify(user, task, kind, key, title, message, task.get_absolute_url(), task.lead_unit,
                        task.document.secret)

    def about_values(self, indicator: Indicator) -> None:
        """Values of the last closed period that reporting units have not sent."""
        latest = self.last_closed_period(indicator)
        if latest is None:
            return
        period, _end = latest
        sent = set(IndicatorValue.objects.filter(indicator=indicator, period=period).values_list("unit", flat=True))
        for unit in reporting_units([indicator])[indicator.pk]:
            if unit.pk in sent:
                continue
            context = {"name": indicator.name, "period": period_label(period), "unit": unit}
            title = _("Chưa báo cáo số liệu %(period)s: %(name)s") % context
            message = _("%(unit)s chưa báo cáo giá trị chỉ tiêu “%(name)s” kỳ %(period)s.") % context
            key = f"{Notice.Kind.REPORT_MISSING}:indicator:{indicator.pk}:{unit.pk}:{period}"
            for user in self.members(unit, UNIT_ROLES):
                self.notify(user, indicator, Notice.Kind.REPORT_MISSING, key, title, message,
                            indicator.get_absolute_url(), unit, indicator.document.secret)

    def last_closed_period(self, indicator: Indicator):
        yesterday = self.day - datetime.timedelta(days=1)
        start, end = indicator_window(indicator, yesterday - datetime.timedelta(days=400), yesterday)
        periods = periods_between(indicator.cadence, start, end) if start <= end else []
        return periods[-1] if periods else None

    # -- who hears of it ---------------------------------------------------

    def members(self, unit: Unit, roles) -> list:
        key = (unit.pk, frozenset(roles))
        if key not in self._members:
            memberships = Membership.objects.filter(valid_on_q(self.day), unit=unit, role__in=roles,
                                                    user__is_active=True).select_related("user")
            self._members[key] = list({m.user_id: m.user for m in memberships}.values())
        return list(self._members[key])

    def policy(self, user) -> AccessPolicy:
        if user.pk not in self._policies:
            self._policies[user.pk] = AccessPolicy(user, self.day)
        return self._policies[user.pk]

    def notify(self, user, item, kind, key, title, message, url, unit, secret) -> None:
        if Notice.objects.filter(user=user, key=key).exists() or not self.policy(user).can_view(item):
            return
        try:
            with transaction.atomic():
                notice = Notice.objects.create(user=user, key=key, kind=kind, title=title[:300], message=message,
                                               url=url, unit=unit, secret=secret)
        except IntegrityError:  # another run got there first
            return
        self.summary.created += 1
        if user.email and self.email(notice):
            self.summary.emailed += 1

    def email(self, notice: Notice) -> bool:
        link = settings.NGHIQUYET_SITE_URL.rstrip("/") + notice.url
        body = f"{notice.message}\n\n{_('Xem chi tiết')}: {link}\n"
        try:
            send_mail(f"[{_('Nghị Quyết')}] {notice.title}", body, None, [notice.user.email])
        except OSError:
            logger.exception("could not e-mail notice %s", notice.pk)
            return False
        notice.emailed_at = timezone.now()
        notice.save(update_fields=["emailed_at"])
        return True


def send_reminders(day: datetime.date | None = None) -> Summary:
    return Reminders(day).run()
