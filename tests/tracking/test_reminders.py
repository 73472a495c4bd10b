"""Reminders: due soon to the unit, overdue to the unit and the one above,
missing plans and reports; e-mailed once, shown in the application, never
twice, never about what the addressee may not see."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from nghiquyet.documents.models import Document
from nghiquyet.organisations.models import Role
from nghiquyet.tracking.models import IndicatorValue, Notice
from nghiquyet.tracking.services.reminders import send_reminders

pytestmark = pytest.mark.django_db

DAY = datetime.date(2022, 1, 10)


def keys_of(user):
    return sorted(Notice.objects.filter(user=user).values_list("kind", flat=True))


def test_who_hears_of_what(tree, make_task, make_plan, officer_a, reporter_a, province_officer, officer_b, settings):
    settings.NGHIQUYET_DUE_SOON_DAYS = 7
    soon = make_task(tree["district_a"], title="Sắp đến hạn", due_period="2022-01-15")
    late = make_task(tree["district_a"], title="Đã quá hạn", due_period="2021-12")
    make_task(tree["district_a"], title="Còn lâu", due_period="2022-06")
    make_plan(tree["district_b"], due_period="2021-07")
    summary = send_reminders(DAY)
    assert keys_of(reporter_a) == ["due_soon", "overdue"]
    assert keys_of(officer_a) == ["due_soon", "overdue"]
    assert keys_of(province_officer) == ["overdue", "plan_missing"]  # the unit above, once overdue
    assert keys_of(officer_b) == ["plan_missing"]
    overdue = Notice.objects.get(user=officer_a, kind="overdue")
    assert overdue.url == late.get_absolute_url() and "31/12/2021" in overdue.title
    assert Notice.objects.get(user=officer_a, kind="due_soon").url == soon.get_absolute_url()
    # Only users with an address get mail: officer_a and the province officer.
    assert summary.emailed == len(mail.outbox) == 4
    assert all(message.to[0] in {"yenthe@example.vn", "tinh@example.vn"} for message in mail.outbox)


def test_running_again_sends_nothing_twice(tree, make_task, officer_a):
    make_task(tree["district_a"], due_period="2021-12")
    first = send_reminders(DAY)
    again = send_reminders(DAY)
    call_command("send_reminders", "--day", "10/01/2022")
    assert first.created == 1 and again.created == 0
    assert Notice.objects.count() == 1 and len(mail.outbox) == 1


def test_a_new_deadline_is_a_new_notice(tree, make_task, reporter_a):
    task = make_task(tree["district_a"], title="Báo cáo năm", due_period="", recurrence="annual")
    send_reminders(datetime.date(2022, 1, 3))  # the 2021 report is missing
    task.reported_through = datetime.date(2021, 12, 31)
    task.save()
    send_reminders(datetime.date(2023, 1, 3))  # the 2022 one too
    titles = list(Notice.objects.filter(user=reporter_a).order_by("pk").values_list("kind", "title"))
    assert [kind for kind, _title in titles] == ["report_missing", "report_missing"]
    assert "31/12/2021" in titles[0][1] and "31/12/2022" in titles[1][1]


def test_secret_work_is_not_told_to_the_uncleared(tree, make_task, make_user):
    secret = Document.objects.create(kind="de_an", symbol="01-ĐA/TU", issued_on=datetime.date(2021, 1, 1),
                                     issuer_unit=tree["province"], secret=True, title="Đề án mật", text="")
    uncleared = make_user("uncleared", tree["district_a"], Role.TRACKING_OFFICER)
    cleared = make_user("cleared", tree["district_a"], Role.LEADER, secret_clearance=True)
    make_task(tree["district_a"], document=secret, due_period="2021-12")
    send_reminders(DAY)
    assert keys_of(uncleared) == [] and keys_of(cleared) == ["overdue"]


def test_missing_indicator_values(tree, make_indicator, make_plan, officer_a, officer_b):
    indicator = make_indicator(recurrence="annual", due_period="2025")
    make_plan(tree["district_a"]), make_plan(tree["district_b"])
    IndicatorValue.objects.create(indicator=indicator, unit=tree["district_b"], period="2021", value=50)
    send_reminders(DAY)
    assert keys_of(officer_a) == ["plan_missing", "report_missing"]
    assert keys_of(officer_b) == ["plan_missing"]
    assert "năm 2021" in Notice.objects.get(user=officer_a, kind="report_missing").title


def test_the_celery_task(tree, make_task, officer_a):
    from nghiquyet.tracking.tasks import send_reminders as task

    make_task(tree["district_a"], due_period="2000-12")
    assert task.delay().get() == {"created": 1, "emailed": 1}


def test_users_see_their_notices_and_mark_them_read(client, tree, make_task, officer_a, officer_b):
    make_task(tree["district_a"], title="Đã quá hạn", due_period="2021-12")
    make_task(tree["district_a"], title="Cũng quá hạn", due_period="2021-11")
    send_reminders(DAY)
    client.force_login(officer_a)
    home = client.get(reverse("home"))
    assert 'class="notice-badge has-unread">2<' in home.text
    page = client.get(reverse("tracking:notices"))
    assert "Đã quá hạn" in page.text and "Cũng quá hạn" in page.text
    first = Notice.objects.filter(user=officer_a).first()
    badge = client.post(reverse("tracking:mark_read"), {"notice": first.pk}, HTTP_HX_REQUEST="true")
    assert ">1<" in badge.text
    # Someone else's notice cannot be marked through the form.
    client.force_login(officer_b)
    client.post(reverse("tracking:mark_read"), {"all": "1"})
    assert Notice.objects.filter(user=officer_a, read_at=None).count() == 1
    client.force_login(officer_a)
    client.post(reverse("tracking:mark_read"), {"all": "1"})
    assert not Notice.objects.filter(read_at=None).exists()
