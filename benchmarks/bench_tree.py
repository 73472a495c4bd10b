"""Subtree, ancestor and scoped queries on a 302,101-unit tree, against a recursive CTE and a parent walk.

Runs once on SQLite (a temporary file) and once on PostgreSQL when
``DATABASE_URL`` points at one (in a throwaway database ``<name>_bench_tree``).
Each engine runs in its own process: Django is configured once per process.
The tree: one province, 100 districts, 20 communes each, 10 grassroots
organisations each, 14 cells each; one alias per unit as the scoped records.
``python benchmarks/run.py tree`` or ``python benchmarks/bench_tree.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Measurement, best_time  # noqa: E402

SHAPE = (100, 20, 10, 14)


def run() -> list[Measurement]:
    engines = [("sqlite", None)]
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        engines.append(("postgresql", url))
    else:
        print("   (set DATABASE_URL=postgres://... to measure PostgreSQL too)")
    measurements = []
    for engine, engine_url in engines:
        with tempfile.TemporaryDirectory() as folder:
            env = {**os.environ, "NGHIQUYET_VAR_DIR": folder,
                   "DATABASE_URL": engine_url or f"sqlite:///{folder}/bench.sqlite3",
                   "DJANGO_SETTINGS_MODULE": "nghiquyet.settings"}
            output = subprocess.run([sys.executable, __file__, "--child"], env=env, check=True,
                                    capture_output=True, text=True).stdout
        for item in json.loads(output.strip().splitlines()[-1]):
            measurements.append(Measurement(**item))
    return measurements


# -- in the child process: one engine ---------------------------------------------


def measure_engine() -> list[dict]:
    import django

    django.setup()
    from django.db import connection

    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test_settings["NAME"] = connection.settings_dict["NAME"]
    else:
        test_settings["NAME"] = f"{connection.settings_dict['NAME']}_bench_tree"
    original_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        return [m.__dict__ for m in measurements(connection)]
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


def measurements(connection) -> list[Measurement]:
    from nghiquyet.organisations.access import AccessPolicy
    from nghiquyet.organisations.kinds import ensure_standard_kinds
    from nghiquyet.organisations.models import Membership, Role, Unit, UnitAlias, UnitKind, User
    from nghiquyet.organisations.synthetic import add_aliases, generate_tree, tree_size

    engine = connection.vendor
    ensure_standard_kinds(UnitKind)
    start = time.perf_counter()
    root = generate_tree(SHAPE)
    add_aliases()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    build_seconds = time.perf_counter() - start
    units = Unit._meta.db_table
    district = Unit.objects.get(code="G.42")
    cell = Unit.objects.get(code="G.42.7.3.11")
    district_size = tree_size(SHAPE[1:])

    def cte_subtree(pk: int, select: str = "id") -> list:
        sql = (f"WITH RECURSIVE sub(id) AS (SELECT id FROM {units} WHERE id = %s UNION ALL "
               f"SELECT u.id FROM {units} u JOIN sub ON u.parent_id = sub.id) SELECT {select} FROM sub")
        with connection.cursor() as cursor:
            cursor.execute(sql, [pk])
            return [row[0] for row in cursor.fetchall()]

    def parent_walk(unit) -> list[int]:
        chain, parent_id = [], unit.parent_id
        while parent_id is not None:
            chain.append(parent_id)
            parent_id = Unit.objects.values_list("parent_id", flat=True).get(pk=parent_id)
        return list(reversed(chain))

    def path_subtree(unit) -> list[int]:
        return list(Unit.objects.subtree_of(unit).values_list("pk", flat=True))

    def path_ancestors() -> list[int]:
        return list(Unit.objects.ancestors_of(cell).values_list("pk", flat=True))

    user = User.objects.create_user("bench", password="mat-khau-dai-1")
    Membership.objects.create(user=user, unit=district, role=Role.LEADER)

    # A request builds its policy once (two small queries for the user's roles and
    # grants); what is timed is the scoped query itself.
    policy = AccessPolicy(user)
    policy.units_q()

    def scoped_aliases() -> list[int]:
        return list(policy.scope(UnitAlias.objects.all()).values_list("pk", flat=True))

    def cte_aliases() -> list[int]:
        alias_table = UnitAlias._meta.db_table
        sql = (f"WITH RECURSIVE sub(id) AS (SELECT id FROM {units} WHERE id = %s UNION ALL "
               f"SELECT u.id FROM {units} u JOIN sub ON u.parent_id = sub.id) "
               f"SELECT a.id FROM {alias_table} a WHERE a.unit_id IN (SELECT id FROM sub)")
        with connection.cursor() as cursor:
            cursor.execute(sql, [district.pk])
            return [row[0] for row in cursor.fetchall()]

    # The two ways must agree before their speed means anything.
    assert sorted(path_subtree(district)) == sorted(cte_subtree(district.pk))
    assert len(path_subtree(district)) == district_size
    assert path_ancestors() == parent_walk(cell)
    assert sorted(scoped_aliases()) == sorted(cte_aliases())
    total = tree_size(SHAPE)
    assert Unit.objects.subtree_of(root).count() == total == cte_subtree(root.pk, "count(*)")[0]

    details = {"engine": engine, "units": total, "build_seconds": round(build_seconds, 1)}

    def compare(name, fast, slow, baseline, **extra):
        return Measurement(f"{engine}: {name}", best_time(fast), baseline, best_time(slow),
                           {**details, **extra})

    results = [
        compare(f"subtree of a district ({district_size:,} units), ids", lambda: path_subtree(district),
                lambda: cte_subtree(district.pk), "recursive CTE"),
        compare(f"whole province ({total:,} units), count",
                lambda: Unit.objects.subtree_of(root).count(),
                lambda: cte_subtree(root.pk, "count(*)"), "recursive CTE"),
        compare(f"whole province ({total:,} units), ids", lambda: path_subtree(root),
                lambda: cte_subtree(root.pk), "recursive CTE"),
        compare("ancestors of a cell (depth 5)", path_ancestors, lambda: parent_walk(cell),
                "parent-by-parent walk"),
        compare(f"policy.scope(UnitAlias) for a district leader ({district_size:,} rows)",
                scoped_aliases, cte_aliases, "recursive CTE join"),
    ]
    if engine == "postgresql":
        # Our settings set random_page_cost=1.1 per connection (see database_settings);
        # here is the same query under the server's default of 4, meant for spinning disks.
        with connection.cursor() as cursor:
            cursor.execute("SET random_page_cost = 4")
        results.append(compare(
            f"policy.scope(UnitAlias) for a district leader ({district_size:,} rows), random_page_cost=4",
            scoped_aliases, cte_aliases, "recursive CTE join"))
    return results


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(measure_engine()))
    else:
        for measurement in run():
            print(f"{measurement.name:<70} {measurement.seconds * 1000:9.2f} ms  "
                  f"×{measurement.ratio:6.3f} of {measurement.baseline} ({measurement.baseline_seconds * 1000:.2f} ms)")
