"""Which units a body name or group phrase, as written in a document, means.

``UnitNames(day)`` reads once every name a unit bears on ``day`` (full name,
short name, code, aliases valid that day, former names for old documents) and
every group name and alias, keyed by ``match_key`` (case, spacing and tone
placement do not matter); ``resolve(phrase)`` then answers without further
queries. Text without diacritics ("Ban To chuc Tinh uy") is matched through
``fold`` when that is unambiguous.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from nghiquyet.text.normalize import fold, match_key

from .models import Unit, UnitAlias, UnitGroup

# Bullets before and punctuation or "(báo cáo)" after a name in a recipients list.
_LEADING = re.compile(r"^[\s\-+•*–—]+")
_TRAILING = re.compile(r"(?:[\s,.;:]|\([^)]*\))*$")


def clean_phrase(phrase: str) -> str:
    return _TRAILING.sub("", _LEADING.sub("", phrase)).strip()


@dataclass
class Resolution:
    """What a phrase means: one unit, or a group and its current members."""

    phrase: str
    units: list[Unit]
    group: UnitGroup | None = None
    candidates: list[Unit] = field(default_factory=list)  # every unit the name fits

    @property
    def ambiguous(self) -> bool:
        return self.group is None and len(self.candidates) > 1


class UnitNames:
    def __init__(self, day: datetime.date | None = None, units=None):
        self.day = day or timezone.localdate()
        units = units if units is not None else Unit.objects.all()
        # Old documents name units that have since ended, so every unit is loaded;
        # current ones are preferred when a name fits several.
        self.units = {unit.pk: unit for unit in units.select_related("kind")}
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.by_fold: dict[str, set[int]] = defaultdict(set)
        for unit in self.units.values():
            for name in (unit.name, unit.short_name, unit.code):
                self._add(name, unit.pk)
        for alias in UnitAlias.objects.filter(unit__in=units.values("pk")):
            # Former names stay: documents written before a rename use them.
            if alias.kind == UnitAlias.Kind.FORMER or alias.is_valid_on(self.day):
                self._add(alias.name, alias.unit_id)
        self.groups: dict[str, UnitGroup] = {}
        for group in UnitGroup.objects.select_related("anchor"):
            for key in group.name_keys():
                self.groups[key] = group
                self.groups.setdefault(fold(key), group)

    def _add(self, name: str, pk: int) -> None:
        if name and name.strip():
            self.by_key[match_key(name)].add(pk)
            self.by_fold[fold(name)].add(pk)

    def resolve(self, phrase: str, near: Unit | None = None) -> Resolution | None:
        """The units ``phrase`` names; ``near`` breaks ties (the issuing unit, say)."""
        text = clean_phrase(phrase)
        key = match_key(text)
        variants = [key, key.removeprefix("các ").strip(), f"các {key}"]
        for variant in variants:
            group = self.groups.get(variant)
            if group is not None:
                return Resolution(phrase, list(group.members(self.day)), group=group)
        for variant in variants:
            if variant in self.by_key:
                return self._units(phrase, self.by_key[variant], near)
        folded = fold(text)
        group = self.groups.get(folded)
        if group is not None:
            return Resolution(phrase, list(group.members(self.day)), group=group)
        if folded in self.by_fold:
            return self._units(phrase, self.by_fold[folded], near)
        return None

    def _units(self, phrase: str, ids: set[int], near: Unit | None) -> Resolution:
        candidates = sorted((self.units[pk] for pk in ids), key=lambda unit: self._rank(unit, near))
        return Resolution(phrase, candidates[:1], candidates=candidates)

    def _rank(self, unit: Unit, near: Unit | None) -> tuple:
        related = near is not None and (unit.is_descendant_of(near) or near.is_descendant_of(unit))
        return (not unit.is_valid_on(self.day), not related, unit.depth, unit.code)


def resolve(phrase: str, day: datetime.date | None = None, near: Unit | None = None):
    """One-off lookup; build a ``UnitNames`` to resolve many phrases."""
    return UnitNames(day).resolve(phrase, near=near)
