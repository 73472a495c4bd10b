"""Body names found in documents, resolved with the mappings staff made.

The resolving itself is ``nghiquyet.organisations.names``; documents add the
``BodyMapping`` rows, which win over every rule there.
"""

from __future__ import annotations

import datetime

from nghiquyet.organisations.models import Unit
from nghiquyet.organisations.names import NameResolver, Resolution, UnitNames

from ..models import BodyMapping

__all__ = ["BodyResolver", "Resolution", "document_names"]


def document_names() -> UnitNames:
    """The tree's names with every staff mapping, to share across one import."""
    return UnitNames(mappings=BodyMapping.objects.select_related("unit", "group"))


class BodyResolver(NameResolver):
    """A ``NameResolver`` that reads the staff mappings first."""

    def __init__(self, near: Unit | None = None, day: datetime.date | None = None, names: UnitNames | None = None):
        super().__init__(near=near, day=day, names=names if names is not None else document_names())
