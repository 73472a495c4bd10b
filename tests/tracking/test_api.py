"""The JSON API answers what the pages show, within the same scope."""

import datetime

import pytest
from django.urls import reverse

from nghiquyet.tracking.models import IndicatorValue

pytestmark = pytest.mark.django_db


def test_tasks_plans_overview_and_series(client, tree, make_task, make_plan, make_indicator, officer_a, officer_b,
                                         province_officer):
    late = make_task(tree["district_a"], title="Quá hạn", due_period="2021-12")
    make_task(tree["district_b"], title="Của huyện B", due_period="2021-12")
    make_plan(tree["district_a"])
    indicator = make_indicator()
    IndicatorValue.objects.create(indicator=indicator, unit=tree["district_a"], period="2021", value=70)
    client.force_login(officer_a)
    tasks = client.get(reverse("api:list_tasks"), {"day": "2022-01-10"}).json()
    assert [(t["id"], t["status"]) for t in tasks["items"]] == [(late.pk, "overdue")]
    assert client.get(reverse("api:get_task", args=[late.pk])).json()["lead_unit"] == "HU-A"
    plans = client.get(reverse("api:list_plans"), {"status": "overdue", "day": "2022-01-10"}).json()
    assert plans["count"] == 1
    overview = client.get(reverse("api:overview"), {"day": "2022-01-10"}).json()
    assert overview["unit"] == "HU-A" and overview["tasks"]["overdue"] == 1 and overview["plans"]["overdue"] == 1
    series = client.get(reverse("api:indicator_series", args=[indicator.pk])).json()
    assert series == [{"period": "2021", "end": "2021-12-31", "value": 70.0, "units": 1}]
    client.force_login(officer_b)
    assert client.get(reverse("api:get_task", args=[late.pk])).status_code == 404
    assert client.get(reverse("api:list_tasks"), {"unit": "HU-A"}).status_code == 404
    assert client.get(reverse("api:indicator_series", args=[indicator.pk]), {"unit": "HU-A"}).status_code == 404
    client.force_login(province_officer)
    assert client.get(reverse("api:list_tasks"), {"unit": "TU", "day": datetime.date(2022, 1, 10)}).json()["count"] == 2
