"""Indicator values roll up the tree the way each indicator says, and each
indicator shows where it stands, with its chart."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.tracking.models import Indicator, IndicatorValue
from nghiquyet.tracking.services import indicators
from nghiquyet.tracking.services.indicators import IndicatorStatus

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 1, 15)


def report(indicator, unit, period, value, base=None):
    return IndicatorValue.objects.create(indicator=indicator, unit=unit, period=period, value=Decimal(str(value)),
                                         base=None if base is None else Decimal(str(base)))


def latest(indicator, unit):
    return indicators.series(indicator, unit, DAY)[-1].value


@pytest.fixture
def reported(tree):
    """Two districts and a commune of district A report for 2023."""
    def fill(indicator):
        report(indicator, tree["district_a"], "2023", 80, base=300)
        report(indicator, tree["district_b"], "2023", 95, base=100)
        report(indicator, tree["commune_b"], "2023", 10, base=1)  # hidden by district B's own value
        report(indicator, tree["commune_a"], "2022", 40, base=1)  # another period
        return indicator
    return fill


@pytest.mark.parametrize("aggregation, threshold, expected", [
    ("sum", None, Decimal(175)),
    ("average", None, Decimal("87.5")),
    ("weighted", None, Decimal("83.75")),  # (80·300 + 95·100) / 400
    ("share", Decimal(90), Decimal(50)),  # one district of two meets 90
])
def test_values_roll_up_the_tree(tree, make_indicator, reported, aggregation, threshold, expected):
    indicator = reported(make_indicator(aggregation=aggregation, threshold=threshold))
    assert latest(indicator, tree["province"]) == expected
    assert [p.period for p in indicators.series(indicator, tree["province"], DAY)] == ["2022", "2023"]
    assert latest(indicator, tree["district_b"]) == Decimal(95)


def test_a_lower_is_better_indicator_and_its_threshold(tree, make_indicator, reported):
    indicator = reported(make_indicator(name="Tỷ lệ hộ nghèo", target=5, comparator="lt", aggregation="share",
                                        threshold=Decimal(90)))
    assert indicator.direction == Indicator.Direction.DOWN
    assert latest(indicator, tree["province"]) == Decimal(50)  # district A (80) is at most 90


def point(period, value):
    end = datetime.date(int(period), 12, 31)
    return indicators.Point(period, end, Decimal(value), 1)


@pytest.mark.parametrize("comparator, target, values, day, expected", [
    ("gte", 90, [("2021", 60), ("2022", 70), ("2023", 80)], DAY, IndicatorStatus.ON_TRACK),  # 100 by 2025
    ("gte", 90, [("2021", 60), ("2022", 62), ("2023", 64)], DAY, IndicatorStatus.AT_RISK),  # 68 by 2025
    ("gte", 90, [("2021", 60), ("2022", 92)], DAY, IndicatorStatus.ACHIEVED),
    ("gte", 90, [("2023", 80), ("2024", 85), ("2025", 88)], datetime.date(2026, 3, 1), IndicatorStatus.MISSED),
    ("lte", 5, [("2021", 9), ("2022", 7.5), ("2023", 6)], DAY, IndicatorStatus.ON_TRACK),  # 3 by 2025
    ("lte", 5, [("2021", 9), ("2022", 9.5)], DAY, IndicatorStatus.AT_RISK),
    ("gte", 90, [], DAY, IndicatorStatus.NO_DATA),
])
def test_where_an_indicator_stands(make_indicator, comparator, target, values, day, expected):
    indicator = make_indicator(target=target, comparator=comparator, due_period="2025")
    standing = indicators.standing(indicator, [point(p, v) for p, v in values], day)
    assert standing.status == expected


def test_the_baseline_counts_in_the_trend(make_indicator):
    # "từ 49,7% năm 2020 lên 60% năm 2030": one value so far, the trend runs from the baseline.
    indicator = make_indicator(target=60, due_period="2030", baseline_value=Decimal("49.7"), baseline_year=2020)
    assert indicators.standing(indicator, [point("2023", "53")], DAY).status == IndicatorStatus.ON_TRACK
    assert indicators.standing(indicator, [point("2023", "50")], DAY).status == IndicatorStatus.AT_RISK


def test_a_yearly_target_is_missed_in_a_year_it_is_not_met(make_indicator):
    indicator = make_indicator(target=95, due_period="", recurrence="annual")
    assert indicators.standing(indicator, [point("2023", 93)], DAY).status == IndicatorStatus.MISSED
    assert indicators.standing(indicator, [point("2023", 96)], DAY).status == IndicatorStatus.ACHIEVED


def test_the_indicator_page_shows_the_chart_and_takes_values(client, tree, make_indicator, make_plan, reporter_a,
                                                             officer_b, province_officer):
    indicator = make_indicator(aggregation="average")
    make_plan(tree["district_a"]), make_plan(tree["district_b"])  # the document was cascaded to both
    report(indicator, tree["district_b"], "2022", 60)
    client.force_login(reporter_a)
    url = reverse("tracking:indicator", args=[indicator.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Báo cáo số liệu" in page.text
    response = client.post(reverse("tracking:indicator_value", args=[indicator.pk]),
                           {"unit": tree["district_a"].pk, "period": "2022", "value": "70,5"})
    assert response.status_code == 302
    assert IndicatorValue.objects.get(unit=tree["district_a"]).value == Decimal("70.5")
    # Not for a sibling district.
    response = client.post(reverse("tracking:indicator_value", args=[indicator.pk]),
                           {"unit": tree["district_b"].pk, "period": "2022", "value": "99"})
    assert response.status_code == 200 and IndicatorValue.objects.get(unit=tree["district_b"]).value == 60
    client.force_login(province_officer)
    page = client.get(url)
    assert "<svg" in page.text and 'class="values"' in page.text
    assert "65,25" in page.text  # the province's average of 70,5 and 60
    client.force_login(officer_b)
    assert "70,5" not in client.get(url).text  # district A's value is not district B's business


def test_the_chart_escapes_and_scales(make_indicator):
    from nghiquyet.tracking.services.charts import indicator_chart

    points = [point("2021", 10), point("2022", 20)]
    svg = indicator_chart(points, Decimal(50), datetime.date(2025, 12, 31), Decimal(45), None, "<b>%</b>")
    assert svg.startswith("<svg") and "&lt;b&gt;" in svg and "<b>" not in svg
    assert svg.count("<circle") == 2
    assert indicator_chart([], Decimal(1)) == ""


def test_values_outside_the_period_form_are_refused(tree, make_indicator, officer_a):
    from django.core.exceptions import ValidationError

    indicator = make_indicator()
    with pytest.raises(ValidationError):
        indicators.save_value(indicator, tree["district_a"], "2023-13", 5, officer_a)
    assert AccessPolicy(officer_a).can_create_at(IndicatorValue, tree["district_a"])
