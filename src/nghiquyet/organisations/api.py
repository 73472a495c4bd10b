from ninja import Router, Schema

from .access import policy_for
from .models import Unit

router = Router(tags=["organisations"])


class UnitOut(Schema):
    code: str
    name: str
    short_name: str
    kind: str
    parent: str | None
    depth: int


@router.get("/units", response=list[UnitOut])
def list_units(request, under: str | None = None):
    """Units the user may see; ``under`` limits to one unit's subtree."""
    policy = policy_for(request)
    units = policy.scope(Unit.objects.current()).select_related("kind", "parent")
    if under:
        root = policy.get_object_or_404(Unit, code=under)
        units = units.subtree_of(root)
    return [
        UnitOut(code=u.code, name=u.name, short_name=u.short_name, kind=u.kind.code,
                parent=u.parent.code if u.parent_id else None, depth=u.depth)
        for u in units[:5000]
    ]
