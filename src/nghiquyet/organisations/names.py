"""Which units a body name or group phrase, as written in a document, means.

The matching itself is ``nghiquyet.text.commitments.bodies.BodyDirectory``
(abbreviations spelt out, "các" dropped, tone placement and case ignored);
this module feeds it from the database: every name a unit bears (full name,
short name, code, aliases valid on the day, former names for old documents)
and every group name and alias, which resolves to the group's members on
that day. Text typed without diacritics ("Ban To chuc Tinh uy") is matched by
``fold`` when that is unambiguous.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone

from nghiquyet.text.commitments.bodies import BodyDirectory, body_key
from nghiquyet.text.normalize import fold

from .models import Unit, UnitAlias, UnitGroup

# Bullets before, and punctuation or "(báo cáo)" after, a name in a recipients list.
_LEADING = re.compile(r"^[\s\-+•*–—]+")
_TRAILING = re.compile(r"(?:[\s,.;:]|\([^)]*\))*$")


def folded_key(name: str) -> str:
    return body_key(fold(name))


def clean_phrase(phrase: str) -> str:
    return _TRAILING.sub("", _LEADING.sub("", phrase)).strip()


@dataclass
class Resolution:
    """What a phrase means: one unit, or a group and its members on the day."""

    phrase: str
    units: list[Unit]
    group: UnitGroup | None = None
    candidates: list[Unit] = field(default_factory=list)  # every unit the name fits

    @property
    def ambiguous(self) -> bool:
        return self.group is None and len(self.candidates) > 1


class UnitDirectory:
    def __init__(self, day: datetime.date | None = None):
        self.day = day or timezone.localdate()
        # Old documents name units that have since ended, so every unit is loaded;
        # current ones are preferred when a name fits several.
        self.units = {unit.pk: unit for unit in Unit.objects.select_related("kind")}
        self.directory = BodyDirectory()
        self.folded: dict[str, set[int]] = {}
        for unit in self.units.values():
            for name in (unit.name, unit.short_name, unit.code):
                self._add(name, unit.pk)
        for alias in UnitAlias.objects.all():
            # Former names stay: documents written before a rename use them.
            if alias.kind == UnitAlias.Kind.FORMER or alias.is_valid_on(self.day):
                self._add(alias.name, alias.unit_id)
        self.groups: dict[str, UnitGroup] = {}
        for group in UnitGroup.objects.select_related("anchor"):
            for name in (group.name, *group.alias_list()):
                self.groups[body_key(name)] = self.groups[folded_key(name)] = group

    def _add(self, name: str, pk: int) -> None:
        if name and name.strip():
            self.directory.add(name, pk)
            self.folded.setdefault(folded_key(name), set()).add(pk)

    def resolve(self, phrase: str, near: Unit | None = None) -> Resolution | None:
        """The units ``phrase`` names; ``near`` (the issuing unit, say) breaks ties."""
        text = clean_phrase(phrase)
        key = body_key(text)
        group = self.groups.get(key) or self.groups.get(folded_key(text))
        if group is not None:
            return Resolution(phrase, list(group.members(self.day)), group=group)
        ids = self.directory.resolve(text) or self.folded.get(folded_key(text))
        if not ids:
            return None
        candidates = sorted((self.units[pk] for pk in ids), key=lambda unit: self._rank(unit, near))
        return Resolution(phrase, candidates[:1], candidates=candidates)

    def _rank(self, unit: Unit, near: Unit | None) -> tuple:
        related = near is not None and (unit.is_descendant_of(near) or near.is_descendant_of(unit))
        return (not unit.is_valid_on(self.day), not related, unit.depth, unit.code)


def resolve(phrase: str, day: datetime.date | None = None, near: Unit | None = None):
    """One-off lookup; build a ``UnitDirectory`` to resolve many phrases."""
    return UnitDirectory(day).resolve(phrase, near=near)
