"""Large generated trees for the subtree benchmark and the tree tests.

``generate_tree((100, 20, 10, 14))`` makes one root with 100 children, each
with 20 children, and so on (302,101 units for that shape), written with
``bulk_create`` in batches and with their materialised paths computed here.
This is synthetic data for measurements, so it is not audited.
"""

from __future__ import annotations

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max

from nghiquyet.text.normalize import fold, match_key, sort_key

from .models import PATH_STEP, Unit, UnitKind, encode_step

LEVEL_KINDS = ("tinh_uy", "huyen_uy", "dang_uy_co_so", "dang_bo_bo_phan", "chi_bo")
BATCH = 5000


def generate_tree(shape: tuple[int, ...], prefix: str = "G", progress=None) -> Unit:
    """Create a tree of the given fan-outs under a new root; returns the root."""
    kinds = {kind.code: kind for kind in UnitKind.objects.filter(code__in=LEVEL_KINDS)}
    level_kinds = [kinds[LEVEL_KINDS[min(level, len(LEVEL_KINDS) - 1)]] for level in range(len(shape) + 1)]
    next_id = (Unit.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    batch: list[Unit] = []

    def make(parent: Unit | None, code: str, level: int) -> Unit:
        nonlocal next_id
        name = f"Đơn vị {code}"
        unit = Unit(
            pk=next_id, code=code, name=name, kind=level_kinds[level], parent=parent,
            path=(parent.path if parent else "") + encode_step(next_id),
            name_key=match_key(name), fold_key=fold(f"{name} |  | {code}"), sort_key=sort_key(name),
        )
        unit.depth = len(unit.path) // PATH_STEP
        next_id += 1
        batch.append(unit)
        if len(batch) >= BATCH:
            flush()
        return unit

    def flush() -> None:
        Unit.objects.bulk_create(batch)
        if progress:
            progress(len(batch))
        batch.clear()

    root = make(None, prefix, 0)
    level_units = [root]
    for level, fan_out in enumerate(shape, start=1):
        next_level = []
        for parent in level_units:
            for index in range(1, fan_out + 1):
                next_level.append(make(parent, f"{parent.code}.{index}", level))
        level_units = next_level
    flush()
    # Rows were inserted with their own ids: move the sequence past them.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Unit]):
            cursor.execute(sql)
    return root


def tree_size(shape: tuple[int, ...]) -> int:
    total, level = 1, 1
    for fan_out in shape:
        level *= fan_out
        total += level
    return total
