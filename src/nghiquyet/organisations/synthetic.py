"""Large generated trees for the subtree benchmark and the tree tests.

``generate_tree((100, 20, 10, 14))`` makes one root with 100 children, each
with 20 children, and so on (302,101 units for that shape), with their
materialised paths computed here. Building
300,000 model instances for ``bulk_create`` costs more than the database
work, so rows go in as plain tuples, thousands per INSERT. This is synthetic data for measurements, so it is not audited.
"""

from __future__ import annotations

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from nghiquyet.text.normalize import fold, match_key, sort_key

from .models import PATH_STEP, Unit, UnitAlias, UnitKind, encode_step

LEVEL_KINDS = ("tinh_uy", "huyen_uy", "dang_uy_co_so", "dang_bo_bo_phan", "chi_bo")
UNIT_FIELDS = ("id", "kind", "parent", "code", "name", "short_name", "path", "depth",
               "name_key", "fold_key", "sort_key")
BATCH = 10_000  # rows read at a time


def insert_rows(model, fields, rows) -> int:
    """Insert plain tuples into ``model``'s table, many rows per statement; returns the count."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    row_sql = f"({', '.join(['%s'] * len(fields))})"
    per_statement = max(1, 30_000 // len(fields))  # SQLite allows 32,766 parameters per query
    count, batch = 0, []

    def flush(cursor):
        sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES {', '.join([row_sql] * len(batch))}"
        cursor.execute(sql, [value for row in batch for value in row])
        batch.clear()

    with transaction.atomic(), connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            count += 1
            if len(batch) >= per_statement:
                flush(cursor)
        if batch:
            flush(cursor)
    return count


def generate_tree(shape: tuple[int, ...], prefix: str = "G") -> Unit:
    """Create a tree of the given fan-outs under a new root; returns the root."""
    kinds = dict(UnitKind.objects.filter(code__in=LEVEL_KINDS).values_list("code", "pk"))
    level_kinds = [kinds[LEVEL_KINDS[min(level, len(LEVEL_KINDS) - 1)]] for level in range(len(shape) + 1)]
    first_id = (Unit.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

    def rows():
        next_id = first_id
        level = [(None, "", prefix)]  # (parent id, parent path, code) of the units to make
        for depth, fan_out in enumerate((*shape, 0)):
            children = []
            for parent_id, parent_path, code in level:
                name = f"Đơn vị {code}"
                path = parent_path + encode_step(next_id)
                yield (next_id, level_kinds[depth], parent_id, code, name, "", path,
                       len(path) // PATH_STEP, match_key(name), fold(f"{name} |  | {code}"), sort_key(name))
                children.extend((next_id, path, f"{code}.{index}") for index in range(1, fan_out + 1))
                next_id += 1
            level = children

    insert_rows(Unit, UNIT_FIELDS, rows())
    # Rows were inserted with their own ids: move the sequence past them.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Unit]):
            cursor.execute(sql)
    return Unit.objects.get(pk=first_id)


def add_aliases() -> int:
    """One other name per unit ("Tên khác G.1.2"), as records to scope in benchmarks.

    One INSERT ... SELECT: codes are ASCII, so SQL ``lower`` of the code gives
    the same keys as ``match_key`` and ``fold`` would.
    """
    quote = connection.ops.quote_name
    alias, unit = UnitAlias._meta, Unit._meta
    columns = ", ".join(quote(alias.get_field(name).column) for name in ("unit", "name", "kind", "key", "fold_key"))
    sql = (f"INSERT INTO {quote(alias.db_table)} ({columns}) "
           f"SELECT id, %s || code, %s, %s || lower(code), %s || lower(code) FROM {quote(unit.db_table)}")
    name = "Tên khác "
    params = [name, UnitAlias.Kind.OTHER, match_key(name + "x")[:-1], fold(name + "x")[:-1]]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def tree_size(shape: tuple[int, ...]) -> int:
    total, level = 1, 1
    for fan_out in shape:
        level *= fan_out
        total += level
    return total
