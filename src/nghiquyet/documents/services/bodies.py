"""Resolve body names found in documents to units of the organisation tree.

A name is tried, in order, against: the mappings staff made (``BodyMapping``),
unit names and aliases, named unit groups, plural phrases ("các chi bộ trực
thuộc" = the issuer's child units of kind chi bộ, "các đảng ủy xã" = its child
units so named), and finally
names that a unit's full name starts with ("Ban Tuyên giáo Huyện ủy" inside a
district's document = that district's board), and last the reader's
directory of spelling variants. When several units fit, the one
nearest to the issuing unit in the tree wins; a tie stays unresolved, for
staff to map once.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone

from nghiquyet.organisations.models import PATH_STEP, Unit, UnitAlias, UnitGroup, UnitKind
from nghiquyet.text.commitments.bodies import BodyDirectory, split_bodies
from nghiquyet.text.normalize import match_key

from ..models import BodyMapping

# Abbreviations documents use for bodies, expanded before matching (keys are match keys).
ABBREVIATIONS = {
    match_key(short): match_key(full) for short, full in {
        "UBND": "ủy ban nhân dân", "HĐND": "hội đồng nhân dân", "MTTQ": "mặt trận tổ quốc",
        "BCSĐ": "ban cán sự đảng", "BTV": "ban thường vụ", "UBKT": "ủy ban kiểm tra",
        "VN": "việt nam", "TU": "tỉnh ủy", "HU": "huyện ủy",
    }.items()
}
_EDGE_PUNCTUATION = " \t,.;:()-"
# "các huyện ủy, thành ủy trực thuộc Tỉnh ủy", in match-key form.
_PLURAL = re.compile(
    rf"^{match_key('các')}\s+(?P<kinds>.+?)(?:\s+{match_key('trực thuộc')}(?:\s+(?P<anchor>.+))?)?$"
)
_AND = re.compile(rf",|\b{match_key('và')}\b")
_OWNER = re.compile(r"\s+tỉnh$", re.IGNORECASE)


def expand_abbreviations(key: str) -> str:
    return " ".join(ABBREVIATIONS.get(word, word) for word in key.split())


@dataclass
class Resolution:
    name: str
    units: list[Unit] = field(default_factory=list)
    group: UnitGroup | None = None
    via: str = ""
    not_a_body: bool = False

    @property
    def resolved(self) -> bool:
        return bool(self.units) or self.not_a_body


def _shared_steps(a: Unit, b: Unit | None) -> int:
    if b is None:
        return 0
    steps = 0
    for index in range(0, min(len(a.path), len(b.path)), PATH_STEP):
        if a.path[index : index + PATH_STEP] != b.path[index : index + PATH_STEP]:
            break
        steps += 1
    return steps


def nearest(candidates: list[Unit], near: Unit | None) -> Unit | None:
    """The one candidate closest to ``near`` in the tree, or None on a tie."""
    unique = {unit.pk: unit for unit in candidates}
    if len(unique) == 1:
        return next(iter(unique.values()))
    if not unique or near is None:
        return None
    ranked = sorted(unique.values(), key=lambda unit: (-_shared_steps(unit, near), unit.depth))
    first, second = ranked[0], ranked[1]
    if (_shared_steps(first, near), first.depth) == (_shared_steps(second, near), second.depth):
        return None
    return first


class UnitNames:
    """The tree's names, looked up once per name and kept for a whole import
    (a compilation repeats the same bodies in every document)."""

    PREFIX_LIMIT = 200
    # The reader's directory (spelling variants, abbreviations) holds every name
    # in memory: built for trees up to this size, skipped for national ones.
    DIRECTORY_LIMIT = 50_000

    def __init__(self):
        self.mappings = {mapping.key: mapping for mapping in BodyMapping.objects.select_related("unit", "group")}
        self.groups = [(group, group.name_keys()) for group in UnitGroup.objects.select_related("anchor")]
        self.kinds = [(kind, match_key(kind.name)) for kind in UnitKind.objects.all()]
        self._named: dict[str, list[Unit]] = {}
        self._prefixed: dict[str, list[Unit]] = {}
        self._directory: BodyDirectory | None = None
        self._units_by_id: dict[int, Unit] = {}
        self._members: dict[tuple, list[Unit]] = {}
        self._children: dict[tuple, list[Unit]] = {}

    def members(self, group: UnitGroup, day: datetime.date) -> list[Unit]:
        if (group.pk, day) not in self._members:
            self._members[group.pk, day] = list(group.members(day))
        return self._members[group.pk, day]

    def children(self, unit: Unit, day: datetime.date) -> list[Unit]:
        if (unit.pk, day) not in self._children:
            children = Unit.objects.valid_on(day).filter(parent=unit).select_related("kind").vietnamese_order()
            self._children[unit.pk, day] = list(children)
        return self._children[unit.pk, day]

    def spelled(self, name: str) -> list[Unit]:
        """Units whose name or alias is ``name`` spelt another way ("BCSĐ Ủy ban
        nhân dân tỉnh" for "Ban cán sự đảng UBND tỉnh"), by the reader's directory."""
        if self._directory is None:
            self._directory = BodyDirectory()
            if Unit.objects.count() <= self.DIRECTORY_LIMIT:
                for unit in Unit.objects.select_related("kind"):
                    self._units_by_id[unit.pk] = unit
                    for label in filter(None, (unit.name, unit.short_name)):
                        self._add(label, unit.pk)
                for alias in UnitAlias.objects.all():
                    self._add(alias.name, alias.unit_id)
        return [self._units_by_id[pk] for pk in self._directory.resolve(name) or [] if pk in self._units_by_id]

    def _add(self, label: str, unit_id: int) -> None:
        # A province's documents name its bodies with or without "tỉnh".
        self._directory.add(label, unit_id)
        if _OWNER.search(label):
            self._directory.add(_OWNER.sub("", label), unit_id)

    def named(self, key: str) -> list[Unit]:
        """Units whose name or one of whose aliases is ``key``."""
        if key not in self._named:
            units = list(Unit.objects.filter(name_key=key).select_related("kind"))
            aliases = UnitAlias.objects.filter(key=key).select_related("unit__kind")
            self._named[key] = units + [alias.unit for alias in aliases if alias.is_valid_on(self._today)]
        return self._named[key]

    def prefixed(self, key: str) -> list[Unit]:
        """Units whose full name starts with ``key``."""
        if key not in self._prefixed:
            queryset = Unit.objects.filter(name_key__startswith=key + " ").select_related("kind")
            self._prefixed[key] = list(queryset[: self.PREFIX_LIMIT])
        return self._prefixed[key]

    @property
    def _today(self):
        return timezone.localdate()


class BodyResolver:
    """Resolves names as seen from one issuing unit on one day; caches answers."""

    def __init__(self, near: Unit | None = None, day: datetime.date | None = None, names: UnitNames | None = None):
        self.near = near
        self.day = day or timezone.localdate()
        self.names = names or UnitNames()
        self._cache: dict[str, Resolution] = {}

    def resolve(self, name: str) -> Resolution:
        name = (name or "").strip(_EDGE_PUNCTUATION)
        key = match_key(name)
        if key not in self._cache:
            self._cache[key] = self._resolve(name, key) if key else Resolution(name)
        return self._cache[key]

    def resolve_all(self, names: list[str]) -> list[Resolution]:
        """Each name resolved; a list the extractor left whole ("Thường trực Tỉnh
        ủy, Ban Thường vụ Tỉnh ủy") is split into its bodies when it fails whole."""
        resolutions = []
        for name in filter(lambda name: name and name.strip(), names):
            resolution = self.resolve(name)
            parts = split_bodies(name) if not resolution.resolved else []
            if len(parts) > 1:
                resolutions += [self.resolve(part) for part in parts]
            else:
                resolutions.append(resolution)
        return resolutions

    def resolve_header(self, block: str) -> Resolution:
        """A header block names the superior first ("ĐẢNG BỘ HUYỆN YÊN THẾ ĐẢNG ỦY
        XÃ ĐỒNG TÂM"): failing the whole, the longest ending that is a unit's name."""
        resolution = self.resolve(block)
        words = match_key(block).split()
        for start in range(1, len(words) - 1):
            if resolution.units:
                break
            unit = nearest(self._valid(self.names.named(" ".join(words[start:]))), self.near)
            if unit is not None:
                resolution = Resolution(block, [unit], via="header")
        return resolution

    def _resolve(self, name: str, key: str) -> Resolution:
        mapping = self.names.mappings.get(key)
        if mapping:
            return self._from_mapping(name, mapping)
        for candidate in dict.fromkeys([key, expand_abbreviations(key)]):
            for method in (self._by_name, self._by_group, self._by_plural, self._by_prefix):
                resolution = method(name, candidate)
                if resolution is not None:
                    return resolution
        unit = nearest(self._valid(self.names.spelled(name)), self.near)
        return Resolution(name, [unit], via="spelling") if unit else Resolution(name)

    def _from_mapping(self, name: str, mapping: BodyMapping) -> Resolution:
        if mapping.not_a_body:
            return Resolution(name, via="mapping", not_a_body=True)
        if mapping.group_id:
            return Resolution(name, self.names.members(mapping.group, self.day), mapping.group, via="mapping")
        return Resolution(name, [mapping.unit], via="mapping")

    def _valid(self, units: list[Unit]) -> list[Unit]:
        return [unit for unit in units if unit.is_valid_on(self.day)]

    def _by_name(self, name: str, key: str) -> Resolution | None:
        unit = nearest(self._valid(self.names.named(key)), self.near)
        return Resolution(name, [unit], via="name") if unit else None

    def _by_group(self, name: str, key: str) -> Resolution | None:
        for group, keys in self.names.groups:
            if key in keys:
                return Resolution(name, self.names.members(group, self.day), group, via="group")
        return None

    def _by_plural(self, name: str, key: str) -> Resolution | None:
        """"các huyện ủy, thành ủy trực thuộc Tỉnh ủy", "các đảng ủy xã, thị trấn": the
        anchor's (by default the issuer's) child units of those kinds, or named so.
        A part without its head word takes the previous part's ("thị trấn" after
        "đảng ủy xã" is "đảng ủy thị trấn")."""
        match = _PLURAL.match(key)
        if not match:
            return None
        anchor = self.near
        if match["anchor"]:
            named = self.resolve(match["anchor"]).units
            anchor = named[0] if len(named) == 1 else None
        if anchor is None:
            return None
        children = self.names.children(anchor, self.day)
        members: dict[int, Unit] = {}
        head = ""
        for part in (part.strip() for part in _AND.split(match["kinds"])):
            if not part:
                continue
            found = self._children_called(children, part) or (head and self._children_called(children, f"{head} {part}"))
            if found:
                members.update((unit.pk, unit) for unit in found)
                head = part.rsplit(" ", 1)[0] if " " in part else head
        return Resolution(name, list(members.values()), via="plural") if members else None

    def _children_called(self, children: list[Unit], part: str) -> list[Unit]:
        kinds = {kind.pk for kind, kind_key in self.names.kinds if kind_key == part or kind_key.startswith(part + " ")}
        return [unit for unit in children if unit.kind_id in kinds or unit.name_key.startswith(part + " ")]

    def _by_prefix(self, name: str, key: str) -> Resolution | None:
        unit = nearest(self._valid(self.names.prefixed(key)), self.near)
        return Resolution(name, [unit], via="prefix") if unit else None
