"""An indicator's history as a small SVG line chart, drawn on the server.

No JavaScript library: the chart is markup, readable on a phone, printable,
and each point carries a tooltip (<title>). Values, the target line, the
deadline and the projected trend share one scale.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from nghiquyet.documents.numbers import format_number
from nghiquyet.documents.periods import period_label

from .indicators import Point

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40
MAX_X_LABELS = 8


class Scale:
    def __init__(self, days: list[datetime.date], values: list[float]):
        self.first, last = min(days), max(days)
        self.span = max((last - self.first).days, 1)
        low, high = min(values), max(values)
        pad = (high - low) * 0.1 or abs(high) * 0.1 or 1
        self.low, self.high = low - pad, high + pad

    def x(self, day: datetime.date) -> float:
        return round(LEFT + (day - self.first).days / self.span * (WIDTH - LEFT - RIGHT), 1)

    def y(self, value: float) -> float:
        return round(TOP + (self.high - value) / (self.high - self.low) * (HEIGHT - TOP - BOTTOM), 1)


def _number(value: float) -> str:
    return format_number(Decimal(str(round(value, 2))))


def indicator_chart(points: list[Point], target: Decimal, due: datetime.date | None = None,
                    projected: Decimal | None = None, baseline: tuple[datetime.date, Decimal] | None = None,
                    unit_of_measure: str = "") -> SafeString:
    """The chart's SVG markup; an empty string when there is nothing to draw."""
    if not points:
        return mark_safe("")
    days = [point.end for point in points] + [day for day in (due, baseline and baseline[0]) if day]
    values = [float(point.value) for point in points] + [float(target)]
    values += [float(v) for v in (projected, baseline and baseline[1]) if v is not None]
    scale = Scale(days, values)
    parts = [_grid(scale), _target(scale, float(target), unit_of_measure)]
    if due:
        parts.append(_deadline(scale, due))
    if projected is not None and due:
        last = points[-1]
        parts.append(f'<line class="projection" x1="{scale.x(last.end)}" y1="{scale.y(float(last.value))}" '
                     f'x2="{scale.x(due)}" y2="{scale.y(float(projected))}"/>')
    line_points = ([baseline] if baseline and baseline[0] < points[0].end else []) + [(p.end, p.value) for p in points]
    path = " ".join(f"{scale.x(day)},{scale.y(float(value))}" for day, value in line_points)
    parts.append(f'<polyline class="values" points="{path}"/>')
    parts += [_dot(scale, point, unit_of_measure) for point in points]
    parts.append(_x_labels(scale, points))
    title = escape(_("Diễn biến giá trị chỉ tiêu"))
    svg = (f'<svg class="indicator-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{title}" '
           f'xmlns="http://www.w3.org/2000/svg"><title>{title}</title>{"".join(parts)}</svg>')
    return mark_safe(svg)


def _grid(scale: Scale) -> str:
    lines = []
    for step in range(5):
        value = scale.low + (scale.high - scale.low) * step / 4
        y = scale.y(value)
        lines.append(f'<line class="grid" x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}"/>'
                     f'<text class="axis" x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{escape(_number(value))}</text>')
    return "".join(lines)


def _target(scale: Scale, target: float, unit_of_measure: str) -> str:
    y = scale.y(target)
    label = escape(f"{_('Mục tiêu')} {_number(target)}{' ' + unit_of_measure if unit_of_measure else ''}")
    return (f'<line class="target" x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}"/>'
            f'<text class="target-label" x="{WIDTH - RIGHT}" y="{y - 4}" text-anchor="end">{label}</text>')


def _deadline(scale: Scale, due: datetime.date) -> str:
    x = scale.x(due)
    label = escape(f"{_('Hạn')} {due:%d/%m/%Y}")
    return (f'<line class="deadline" x1="{x}" y1="{TOP}" x2="{x}" y2="{HEIGHT - BOTTOM}"/>'
            f'<text class="axis" x="{x}" y="{TOP + 10}" text-anchor="end">{label}</text>')


def _dot(scale: Scale, point: Point, unit_of_measure: str) -> str:
    tip = escape(f"{period_label(point.period)}: {format_number(point.value)} {unit_of_measure}".strip())
    return (f'<circle class="value" cx="{scale.x(point.end)}" cy="{scale.y(float(point.value))}" r="4">'
            f"<title>{tip}</title></circle>")


def _x_labels(scale: Scale, points: list[Point]) -> str:
    step = max(1, -(-len(points) // MAX_X_LABELS))
    labels = []
    for point in points[::step]:
        label = escape(period_label(point.period).removeprefix("năm "))
        labels.append(f'<text class="axis" x="{scale.x(point.end)}" y="{HEIGHT - BOTTOM + 18}" '
                      f'text-anchor="middle">{label}</text>')
    return "".join(labels)
