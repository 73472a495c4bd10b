"""Indicator values up the tree, and where each indicator stands.

Units report values per period. A unit's value for a period combines the
values reported in its subtree, in the way the indicator says (sum, average,
weighted by a base, share of units meeting a threshold). A value reported by
a unit stands for its whole subtree: values reported below it are not
counted again. The subtree is one range on the materialised path, so each
roll-up is one query.

Status as of a day: achieved (the latest value meets the target), missed
(the deadline passed without it, or a per-period target was not met), on
track or at risk (the linear trend of the values, with the baseline, reaches
the target by the deadline or not), or no data.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from nghiquyet.organisations.models import PATH_STEP, Unit, subtree_q

from ..models import Indicator, IndicatorValue

Aggregation = Indicator.Aggregation
Comparator = Indicator.Comparator
APPROX_TOLERANCE = Decimal("0.05")
CENT = Decimal("0.01")  # combined values are shown and compared to two decimals


class IndicatorStatus(models.TextChoices):
    MISSED = "missed", _("Không đạt")
    AT_RISK = "at_risk", _("Có nguy cơ không đạt")
    ON_TRACK = "on_track", _("Đúng tiến độ")
    ACHIEVED = "achieved", _("Đã đạt")
    NO_DATA = "no_data", _("Chưa có số liệu")


OFF_TRACK = (IndicatorStatus.MISSED, IndicatorStatus.AT_RISK)


@dataclass(frozen=True)
class Point:
    period: str
    end: datetime.date
    value: Decimal
    units: int  # how many reporting units the value combines


@dataclass(frozen=True)
class Standing:
    status: IndicatorStatus
    latest: Point | None
    projected: Decimal | None  # the trend's value at the deadline

    @property
    def is_off_track(self) -> bool:
        return self.status in OFF_TRACK


# -- meeting a target ------------------------------------------------------------------


def meets(indicator: Indicator, value: Decimal) -> bool:
    target, comparator = indicator.target_value, indicator.comparator
    if comparator == Comparator.GTE:
        return value >= target
    if comparator == Comparator.GT:
        return value > target
    if comparator == Comparator.LTE:
        return value <= target
    if comparator == Comparator.LT:
        return value < target
    if indicator.target_value_max is not None:
        return target <= value <= indicator.target_value_max
    if comparator == Comparator.APPROX and abs(value - target) <= abs(target) * APPROX_TOLERANCE:
        return True
    return value >= target if indicator.higher_is_better else value <= target


def meets_threshold(indicator: Indicator, value: Decimal) -> bool:
    threshold = indicator.threshold if indicator.threshold is not None else indicator.target_value
    return value >= threshold if indicator.higher_is_better else value <= threshold


# -- rolling up ------------------------------------------------------------------------


def topmost(rows: list[tuple[str, Decimal, Decimal | None]]) -> list[tuple[str, Decimal, Decimal | None]]:
    """Of (path, value, base) rows sorted by path, those no reported ancestor covers."""
    kept, covering = [], None
    for row in rows:
        if covering is not None and row[0].startswith(covering):
            continue
        kept.append(row)
        covering = row[0]
    return kept


def combine(indicator: Indicator, rows) -> Decimal | None:
    values = [value for _path, value, _base in rows]
    if not values:
        return None
    if indicator.aggregation == Aggregation.SUM:
        return sum(values, Decimal(0))
    if indicator.aggregation == Aggregation.WEIGHTED:
        weights = [base if base is not None else Decimal(1) for _path, _value, base in rows]
        total = sum(weights, Decimal(0))
        return sum((v * w for v, w in zip(values, weights)), Decimal(0)) / total if total else None
    if indicator.aggregation == Aggregation.SHARE:
        meeting = sum(1 for value in values if meets_threshold(indicator, value))
        return Decimal(100) * meeting / len(values)
    return sum(values, Decimal(0)) / len(values)


def series(indicator: Indicator, unit: Unit, day: datetime.date | None = None) -> list[Point]:
    """The indicator's values for ``unit`` (its subtree combined), period by period."""
    values = IndicatorValue.objects.filter(subtree_q(unit.path, "unit__"), indicator=indicator)
    if day is not None:
        values = values.filter(period_end__lte=day)
    rows = values.order_by("period_end", "period", "unit__path").values_list("period", "period_end", "unit__path", "value", "base")
    return points_from_rows(indicator, rows, unit.path)


def points_from_rows(indicator: Indicator, rows, own_path: str) -> list[Point]:
    """Rows of (period, period_end, path, value, base) sorted by period then path,
    combined for the unit at ``own_path``; a value the unit reported itself is its value."""
    by_period: dict[tuple[datetime.date, str], list] = defaultdict(list)
    for period, end, path, value, base in rows:
        by_period[(end, period)].append((path, value, base))
    points = []
    for (end, period), period_rows in sorted(by_period.items()):
        kept = topmost(period_rows)
        value = kept[0][1] if kept[0][0] == own_path else combine(indicator, kept)
        if value is not None:
            points.append(Point(period, end, value.quantize(CENT, ROUND_HALF_UP).normalize(), len(kept)))
    return points


def series_for(indicators: list[Indicator], unit: Unit, day: datetime.date) -> dict[int, list[Point]]:
    """``series`` of many indicators in one query (dashboards)."""
    by_pk = {indicator.pk: indicator for indicator in indicators}
    values = IndicatorValue.objects.filter(subtree_q(unit.path, "unit__"), indicator__in=list(by_pk), period_end__lte=day)
    rows = defaultdict(list)
    for pk, *row in values.order_by("indicator", "period_end", "period", "unit__path").values_list(
            "indicator", "period", "period_end", "unit__path", "value", "base"):
        rows[pk].append(row)
    return {pk: points_from_rows(by_pk[pk], rows[pk], unit.path) for pk in by_pk}


# -- where it stands -------------------------------------------------------------------


def baseline_point(indicator: Indicator) -> tuple[datetime.date, Decimal] | None:
    if indicator.baseline_value is None or indicator.baseline_year is None:
        return None
    return datetime.date(indicator.baseline_year, 12, 31), indicator.baseline_value


def trend_at(points: list[tuple[datetime.date, Decimal]], day: datetime.date) -> Decimal | None:
    """The least-squares line through ``points`` evaluated at ``day``."""
    if len(points) < 2:
        return None
    xs = [float(point_day.toordinal()) for point_day, _value in points]
    ys = [float(value) for _day, value in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread
    return Decimal(str(round(mean_y + slope * (day.toordinal() - mean_x), 4)))


def standing(indicator: Indicator, points: list[Point], day: datetime.date) -> Standing:
    """Where ``indicator`` stands on ``day`` given its ``points`` up to that day."""
    points = [point for point in points if point.end <= day]
    if not points:
        return Standing(IndicatorStatus.NO_DATA, None, None)
    latest = points[-1]
    if meets(indicator, latest.value):
        return Standing(IndicatorStatus.ACHIEVED, latest, None)
    if indicator.recurrence or indicator.due_date is None or indicator.due_date < day:
        return Standing(IndicatorStatus.MISSED, latest, None)
    known = [(point.end, point.value) for point in points]
    baseline = baseline_point(indicator)
    if baseline and baseline[0] < known[0][0]:
        known.insert(0, baseline)
    projected = trend_at(known, indicator.due_date)
    if projected is not None and meets(indicator, projected):
        return Standing(IndicatorStatus.ON_TRACK, latest, projected)
    return Standing(IndicatorStatus.AT_RISK, latest, projected)


def standing_of(indicator: Indicator, unit: Unit, day: datetime.date) -> Standing:
    return standing(indicator, series(indicator, unit, day), day)


def reporting_units(indicators: list[Indicator], within: Unit | None = None) -> dict[int, list[Unit]]:
    """Who reports each indicator's values: the units its document was cascaded
    to, else the owner; only those inside ``within``'s subtree when given."""
    from ..models import PlanObligation

    obligations = PlanObligation.objects.filter(document__in={i.document_id for i in indicators})
    by_document = defaultdict(list)
    for obligation in obligations.select_related("lead_unit").order_by("lead_unit__sort_key"):
        by_document[obligation.document_id].append(obligation.lead_unit)
    found = {}
    for indicator in indicators:
        units = by_document.get(indicator.document_id) or [indicator.owner_unit]
        found[indicator.pk] = [u for u in units if within is None or u.path.startswith(within.path)]
    return found


def as_decimal(value) -> Decimal | None:
    """Numbers from forms and spreadsheets (floats) as the decimals they were typed as."""
    return None if value is None else Decimal(str(value))


def save_value(indicator: Indicator, unit: Unit, period: str, value: Decimal, user, base=None, note="") -> IndicatorValue:
    """Record (or correct) ``unit``'s value for ``period``."""
    record = IndicatorValue.objects.filter(indicator=indicator, unit=unit, period=period).first()
    record = record or IndicatorValue(indicator=indicator, unit=unit, period=period)
    record.value, record.base = as_decimal(value), as_decimal(base)
    record.note, record.reported_by = note, user
    record.full_clean()
    record.save()
    return record


def branches(indicator: Indicator, unit: Unit, day: datetime.date) -> list[tuple[Unit, list[Point]]]:
    """The series of each child of ``unit`` (its subtree combined), from one query."""
    children = list(Unit.objects.filter(parent=unit).valid_on(day).vietnamese_order())
    length = (unit.depth + 1) * PATH_STEP
    rows = defaultdict(list)
    values = IndicatorValue.objects.filter(subtree_q(unit.path, "unit__"), indicator=indicator, period_end__lte=day)
    for row in values.exclude(unit=unit).order_by("period_end", "period", "unit__path").values_list(
            "period", "period_end", "unit__path", "value", "base"):
        rows[row[2][:length]].append(row)
    return [(child, points_from_rows(indicator, rows[child.path], child.path)) for child in children if rows.get(child.path)]
