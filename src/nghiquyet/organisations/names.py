"""Which units a body name or group phrase, as written in a document, means.

The one resolver for the whole project. A name is tried, in order, against:

1. the mappings staff made once for every document (``mappings``, first);
2. unit names and aliases (an alias counts on the day asked; former names
   always, since documents written before a rename use them);
3. named unit groups ("các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"),
   which mean the group's members on the day;
4. plural phrases ("các chi bộ trực thuộc" = the issuer's child units of kind
   chi bộ, "các đảng ủy xã, thị trấn" = its child units so named);
5. short names and names a unit's full name starts with ("Ban Tuyên giáo Huyện
   ủy" inside a district's document = that district's board);
6. the reader's directory of spelling variants (abbreviations spelt out, "các"
   dropped, with or without "tỉnh"), then text typed without diacritics.

Steps 2 and 4-6 are also tried with the abbreviations documents use spelt out
("BCSĐ UBND tỉnh"). When several units fit, the one nearest to the issuing
unit (``near``) wins, the higher one on equal distance; a true tie stays
unresolved, with its ``candidates``, for staff to map once.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from django.utils import timezone

from nghiquyet.text.commitments.bodies import BodyDirectory, body_key, split_bodies
from nghiquyet.text.normalize import fold, match_key

from .models import PATH_STEP, Unit, UnitAlias, UnitGroup, UnitKind

# Abbreviations documents use for bodies, expanded before matching (keys are match keys).
ABBREVIATIONS = {
    match_key(short): match_key(full) for short, full in {
        "UBND": "ủy ban nhân dân", "HĐND": "hội đồng nhân dân", "MTTQ": "mặt trận tổ quốc",
        "BCSĐ": "ban cán sự đảng", "BTV": "ban thường vụ", "UBKT": "ủy ban kiểm tra",
        "VN": "việt nam", "TU": "tỉnh ủy", "HU": "huyện ủy",
    }.items()
}
# Bullets before, and punctuation or "(báo cáo)" after, a name in a recipients list.
_LEADING = re.compile(r"^[\s\-+•*–—]+")
_TRAILING = re.compile(r"(?:[\s,.;:]|\([^)]*\))*$")
_EDGE_PUNCTUATION = " \t,.;:()-"
# "các huyện ủy, thành ủy trực thuộc Tỉnh ủy", in match-key form.
_PLURAL = re.compile(
    rf"^{match_key('các')}\s+(?P<kinds>.+?)(?:\s+{match_key('trực thuộc')}(?:\s+(?P<anchor>.+))?)?$"
)
_AND = re.compile(rf",|\b{match_key('và')}\b")
_OWNER = re.compile(r"\s+tỉnh$", re.IGNORECASE)


def expand_abbreviations(key: str) -> str:
    return " ".join(ABBREVIATIONS.get(word, word) for word in key.split())


def folded_key(name: str) -> str:
    return body_key(fold(name))


def clean_phrase(phrase: str) -> str:
    """The name without list bullets, closing punctuation or a note in brackets."""
    return _TRAILING.sub("", _LEADING.sub("", phrase or "")).strip(_EDGE_PUNCTUATION)


class NameMapping(Protocol):
    """What staff decided a name means (``documents.BodyMapping`` is one)."""

    key: str  # match_key of the name
    unit: Unit | None
    group: UnitGroup | None
    not_a_body: bool


@dataclass
class Resolution:
    """What a name means: units (one, or a group's members on the day), or nothing yet."""

    name: str
    units: list[Unit] = field(default_factory=list)
    group: UnitGroup | None = None
    via: str = ""
    not_a_body: bool = False
    candidates: list[Unit] = field(default_factory=list)  # every unit the name fits, best first

    @property
    def resolved(self) -> bool:
        return bool(self.units) or self.not_a_body

    @property
    def ambiguous(self) -> bool:
        return not self.units and len(self.candidates) > 1


# -- nearness in the tree ----------------------------------------------------------


def shared_steps(unit: Unit, near: Unit | None) -> int:
    """How many levels of the tree ``unit`` shares with ``near`` from the root."""
    if near is None:
        return 0
    steps = 0
    for index in range(0, min(len(unit.path), len(near.path)), PATH_STEP):
        if unit.path[index : index + PATH_STEP] != near.path[index : index + PATH_STEP]:
            break
        steps += 1
    return steps


def ranked(candidates: Iterable[Unit], near: Unit | None) -> list[Unit]:
    """Distinct candidates, nearest to ``near`` first, then the higher ones."""
    unique = {unit.pk: unit for unit in candidates}
    return sorted(unique.values(), key=lambda unit: (-shared_steps(unit, near), unit.depth, unit.code))


def nearest(candidates: Iterable[Unit], near: Unit | None) -> Unit | None:
    """The one candidate closest to ``near``, or None on a tie."""
    order = ranked(candidates, near)
    if len(order) == 1:
        return order[0]
    if not order or near is None:
        return None
    first, second = order[0], order[1]
    if (shared_steps(first, near), first.depth) == (shared_steps(second, near), second.depth):
        return None
    return first


# -- the tree's names ----------------------------------------------------------------


class UnitNames:
    """The tree's names, looked up once per name and kept for a whole import
    (a compilation repeats the same bodies in every document)."""

    PREFIX_LIMIT = 200
    # Short names and spelling variants are held in memory: loaded for trees up
    # to this size, skipped for national ones (exact and prefix lookups still work).
    DIRECTORY_LIMIT = 50_000

    def __init__(self, mappings: Iterable[NameMapping] = ()):
        self.mappings = {mapping.key: mapping for mapping in mappings}
        self.groups = [(group, self._group_keys(group)) for group in UnitGroup.objects.select_related("anchor")]
        self.kinds = [(kind, match_key(kind.name)) for kind in UnitKind.objects.all()]
        self._named: dict[str, list[tuple[Unit, UnitAlias | None]]] = {}
        self._short: dict[str, list[Unit]] = {}
        self._prefixed: dict[str, list[Unit]] = {}
        self._spelling: BodyDirectory | None = None
        self._folded: dict[str, list[tuple[Unit, UnitAlias | None]]] = {}
        self._members: dict[tuple, list[Unit]] = {}
        self._children: dict[tuple, list[Unit]] = {}

    @staticmethod
    def _group_keys(group: UnitGroup) -> set[str]:
        names = [group.name, *group.alias_list()]
        return {key(name) for name in names for key in (match_key, body_key, folded_key)}

    def group_named(self, key: str) -> UnitGroup | None:
        return next((group for group, keys in self.groups if key in keys), None)

    def members(self, group: UnitGroup, day: datetime.date) -> list[Unit]:
        if (group.pk, day) not in self._members:
            self._members[group.pk, day] = list(group.members(day).select_related("kind"))
        return self._members[group.pk, day]

    def children(self, unit: Unit, day: datetime.date) -> list[Unit]:
        if (unit.pk, day) not in self._children:
            children = Unit.objects.valid_on(day).filter(parent=unit).select_related("kind").vietnamese_order()
            self._children[unit.pk, day] = list(children)
        return self._children[unit.pk, day]

    def named(self, key: str, day: datetime.date) -> list[Unit]:
        """Units whose full name, or an alias they bear on ``day``, is ``key``."""
        if key not in self._named:
            units = [(unit, None) for unit in Unit.objects.filter(name_key=key).select_related("kind")]
            aliases = UnitAlias.objects.filter(key=key).select_related("unit__kind")
            self._named[key] = units + [(alias.unit, alias) for alias in aliases]
        return [unit for unit, alias in self._named[key] if alias is None or _alias_counts(alias, day)]

    def short_named(self, key: str) -> list[Unit]:
        """Units whose short name is ``key`` ("Ban Tổ chức")."""
        self._load_spelling()
        return self._short.get(key, [])

    def prefixed(self, key: str) -> list[Unit]:
        """Units whose full name starts with ``key``."""
        if key not in self._prefixed:
            queryset = Unit.objects.filter(name_key__startswith=key + " ").select_related("kind")
            self._prefixed[key] = list(queryset[: self.PREFIX_LIMIT])
        return self._prefixed[key]

    def spelled(self, name: str, day: datetime.date) -> list[Unit]:
        """Units whose name, short name, code or alias (on ``day``) is ``name``
        spelt another way ("BCSĐ Ủy ban nhân dân tỉnh" for "Ban cán sự đảng UBND tỉnh")."""
        self._load_spelling()
        return self._labelled(self._spelling.resolve(name) or [], day)

    def folded(self, name: str, day: datetime.date) -> list[Unit]:
        """Units named ``name`` typed without diacritics ("ban to chuc tinh uy")."""
        self._load_spelling()
        return self._labelled(self._folded.get(folded_key(name), ()), day)

    def _labelled(self, labels: Iterable[tuple[Unit, UnitAlias | None]], day: datetime.date) -> list[Unit]:
        return [unit for unit, alias in labels if alias is None or _alias_counts(alias, day)]

    def _load_spelling(self) -> None:
        if self._spelling is not None:
            return
        self._spelling = BodyDirectory()
        if Unit.objects.count() > self.DIRECTORY_LIMIT:
            return
        units = {unit.pk: unit for unit in Unit.objects.select_related("kind")}
        for unit in units.values():
            if unit.short_name:
                self._short.setdefault(match_key(unit.short_name), []).append(unit)
            for label in filter(None, (unit.name, unit.short_name, unit.code)):
                self._add_label(label, (unit, None))
        for alias in UnitAlias.objects.all():
            self._add_label(alias.name, (units[alias.unit_id], alias))

    def _add_label(self, label: str, entry: tuple[Unit, UnitAlias | None]) -> None:
        # A province's documents name its bodies with or without "tỉnh".
        self._spelling.add(label, entry)
        if _OWNER.search(label):
            self._spelling.add(_OWNER.sub("", label), entry)
        self._folded.setdefault(folded_key(label), []).append(entry)


def _alias_counts(alias: UnitAlias, day: datetime.date) -> bool:
    # Former names stay: documents written after a rename still use them.
    return alias.kind == UnitAlias.Kind.FORMER or alias.is_valid_on(day)


# -- resolving -----------------------------------------------------------------------


class NameResolver:
    """Resolves names as seen from one issuing unit on one day; caches answers."""

    def __init__(self, near: Unit | None = None, day: datetime.date | None = None, names: UnitNames | None = None):
        self.near = near
        self.day = day or timezone.localdate()
        self.names = names if names is not None else UnitNames()
        self._cache: dict[str, Resolution] = {}

    def resolve(self, name: str) -> Resolution:
        name = clean_phrase(name)
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
            ending = self._one_of(block, self.names.named(" ".join(words[start:]), self.day), "header")
            if ending is not None and ending.units:
                resolution = ending
        return resolution

    # -- the steps, in order

    def _resolve(self, name: str, key: str) -> Resolution:
        mapping = self.names.mappings.get(key)
        if mapping is not None:
            return self._from_mapping(name, mapping)
        undecided = Resolution(name)
        for step, candidate in self._attempts(key):
            resolution = step(name, candidate)
            if resolution is None:
                continue
            if resolution.units or resolution.group:
                return resolution
            undecided = undecided if undecided.candidates else resolution
        return undecided

    def _attempts(self, key: str):
        """The steps in order, each on the name as written, then with abbreviations spelt out."""
        for candidate in dict.fromkeys([key, expand_abbreviations(key)]):
            for step in (self._by_name, self._by_group, self._by_plural, self._by_short_name_or_prefix):
                yield step, candidate
        yield self._by_spelling, key
        yield self._by_folding, key

    def _from_mapping(self, name: str, mapping: NameMapping) -> Resolution:
        if mapping.not_a_body:
            return Resolution(name, via="mapping", not_a_body=True)
        if mapping.group is not None:
            return Resolution(name, self.names.members(mapping.group, self.day), mapping.group, via="mapping")
        return Resolution(name, [mapping.unit], via="mapping")

    def _one_of(self, name: str, units: list[Unit], via: str) -> Resolution | None:
        """The nearest of the units valid on the day; None when none fits."""
        valid = [unit for unit in units if unit.is_valid_on(self.day)]
        if not valid:
            return None
        unit = nearest(valid, self.near)
        return Resolution(name, [unit] if unit else [], via=via, candidates=ranked(valid, self.near))

    def _by_name(self, name: str, key: str) -> Resolution | None:
        return self._one_of(name, self.names.named(key, self.day), "name")

    def _by_group(self, name: str, key: str) -> Resolution | None:
        for group_key in (key, body_key(name), folded_key(name)):
            group = self.names.group_named(group_key)
            if group is not None:
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
        anchor = self._plural_anchor(match["anchor"])
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

    def _plural_anchor(self, anchor_name: str | None) -> Unit | None:
        if not anchor_name:
            return self.near
        named = self.resolve(anchor_name).units
        return named[0] if len(named) == 1 else None

    def _children_called(self, children: list[Unit], part: str) -> list[Unit]:
        kinds = {kind.pk for kind, kind_key in self.names.kinds if kind_key == part or kind_key.startswith(part + " ")}
        return [unit for unit in children if unit.kind_id in kinds or unit.name_key.startswith(part + " ")]

    def _by_short_name_or_prefix(self, name: str, key: str) -> Resolution | None:
        # A short name ("Ban Tổ chức") is as vague as the start of a full name:
        # both are read against the issuer, so a district's document means its own board.
        return self._one_of(name, self.names.short_named(key) + self.names.prefixed(key), "prefix")

    def _by_spelling(self, name: str, key: str) -> Resolution | None:
        return self._one_of(name, self.names.spelled(name, self.day), "spelling")

    def _by_folding(self, name: str, key: str) -> Resolution | None:
        return self._one_of(name, self.names.folded(name, self.day), "folding")


def resolve(phrase: str, day: datetime.date | None = None, near: Unit | None = None) -> Resolution:
    """One-off lookup; build a ``NameResolver`` to resolve many names."""
    return NameResolver(near=near, day=day).resolve(phrase)
