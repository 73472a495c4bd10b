"""Status as of a day: the database expression and the Python rule agree,
and follow the Vietnamese task-tracking convention."""

import datetime
import itertools

import pytest

from nghiquyet.tracking.models import PlanObligation, Task
from nghiquyet.tracking.status import PLAN_LABELS, Status, status_of

pytestmark = pytest.mark.django_db

DAY = datetime.date(2021, 12, 20)
DATES = [None, datetime.date(2021, 12, 1), DAY, datetime.date(2021, 12, 24), datetime.date(2021, 12, 28),
         datetime.date(2022, 3, 1)]


def test_the_convention(settings):
    settings.NGHIQUYET_DUE_SOON_DAYS = 7
    due = datetime.date(2021, 12, 31)
    assert status_of(datetime.date(2021, 12, 30), due, DAY.replace(month=12, day=31)) == Status.DONE_ON_TIME
    assert status_of(datetime.date(2022, 1, 5), due, datetime.date(2022, 1, 10)) == Status.DONE_LATE
    assert status_of(None, due, datetime.date(2022, 1, 1)) == Status.OVERDUE
    assert status_of(None, due, datetime.date(2021, 12, 24)) == Status.DUE_SOON
    assert status_of(None, due, datetime.date(2021, 12, 23)) == Status.IN_PROGRESS
    assert status_of(None, None, DAY) == Status.NO_DEADLINE
    assert status_of(datetime.date(2021, 5, 1), None, DAY) == Status.DONE_ON_TIME
    # As of a day before it was done, a task was not done yet.
    assert status_of(datetime.date(2022, 1, 5), due, datetime.date(2021, 12, 1)) == Status.IN_PROGRESS


def test_database_and_python_agree_on_every_case(tree, resolution, settings):
    settings.NGHIQUYET_DUE_SOON_DAYS = 7
    cases = {}
    for number, (due, done) in enumerate(itertools.product(DATES, DATES)):
        task = Task.objects.create(document=resolution, lead_unit=tree["district_a"], title=f"Nhiệm vụ {number}",
                                   due_period=due.isoformat() if due else "", completed_on=done)
        cases[task.pk] = (done, due)
    for day in DATES[1:]:
        from_database = dict(Task.objects.with_status(day).values_list("pk", "status"))
        expected = {pk: status_of(done, due, day).value for pk, (done, due) in cases.items()}
        assert from_database == expected


def test_a_repeating_task_is_held_to_its_next_report(tree, resolution):
    task = Task.objects.create(document=resolution, lead_unit=tree["district_a"], title="Báo cáo kết quả",
                               recurrence="annual")
    assert task.next_due == datetime.date(2021, 12, 31)  # first December after the resolution
    assert task.status_on(datetime.date(2022, 1, 3)) == Status.OVERDUE
    task.reported_through = datetime.date(2021, 12, 31)
    task.save()
    assert task.next_due == datetime.date(2022, 12, 31)
    assert task.status_on(datetime.date(2022, 1, 3)) == Status.IN_PROGRESS


def test_a_quarterly_report_with_a_first_deadline(tree, resolution):
    task = Task.objects.create(document=resolution, lead_unit=tree["district_a"], title="Báo cáo quý",
                               due_period="2021-09", recurrence="quarterly", reported_through=datetime.date(2021, 9, 30))
    assert task.next_due == datetime.date(2021, 12, 31)
    assert task.report_dates(datetime.date(2021, 1, 1), datetime.date(2022, 6, 30)) == [
        datetime.date(2021, 9, 30), datetime.date(2021, 12, 31), datetime.date(2022, 3, 31), datetime.date(2022, 6, 30)]


def test_a_plan_is_issued_once_and_has_its_own_words(tree, resolution):
    plan = PlanObligation.objects.create(document=resolution, lead_unit=tree["district_a"], title="Kế hoạch",
                                         due_period="2021-07", recurrence="annual")
    assert plan.kind == Task.Kind.PLAN and plan.next_due == datetime.date(2021, 7, 31)
    assert plan.status_label_on(datetime.date(2021, 8, 1)) == PLAN_LABELS[Status.OVERDUE]
    plan.completed_on = datetime.date(2021, 8, 10)
    plan.save()
    assert plan.status_label_on(datetime.date(2021, 9, 1)) == "Ban hành chậm"
    assert list(PlanObligation.objects.all()) == [plan]
    assert Task.objects.work().count() == 0
