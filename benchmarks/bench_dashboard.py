"""The overview dashboard and the units × documents matrix, at provincial and national scale.

Provincial (SQLite, every run): one province of 971 units (10 districts, 12
grassroots organisations each, 7 cells each), 200 documents, 1,950 plans and
18,050 tasks; 100 provincial targets reported by the districts and 20 targets
of each district reported by its communes, 2021-2023 (10,200 values). The
overview is timed as a function and as the whole page over HTTP, for the
province and for one district.

National (PostgreSQL): 312,544 units (63 provinces, 10 districts each, 45
communes each, 10 cells each), 20,000 documents, 1 million plans and up to
10 million tasks, 12,800 targets with 554,400 values. Tasks are written with
``generate_series`` a million rows per transaction into a database that is
kept (``<name>_bench_national``), so generation resumes where it stopped and
the size grows step by step:

    DATABASE_URL=postgres://... python benchmarks/bench_dashboard.py national --tasks 1000000
    ... --tasks 3000000, then --tasks 10000000 (it adds the missing rows, then measures)

``python benchmarks/run.py dashboard`` runs the provincial scenario, and the
national one too when ``NGHIQUYET_BENCH_NATIONAL=<tasks>`` is set with a
PostgreSQL ``DATABASE_URL``. Every query is timed against a baseline in the
same run: ``COUNT(*)`` of the same task rows, the least any dashboard must
do to look at them; the matrix also against a naive loop of one COUNT per
unit, document and status, and counting by status against loading the rows
(provincial only: nationally those would run for hours).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Measurement, best_time  # noqa: E402

DAY = datetime.date(2024, 6, 30)  # statuses as of mid-2024: every kind of status occurs
PROVINCE_SHAPE = (10, 12, 7)
NATIONAL_SHAPE = (63, 10, 45, 10)
CHUNK = 1_000_000


def run() -> list[Measurement]:
    measurements = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "NGHIQUYET_VAR_DIR": folder, "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
               "DJANGO_SETTINGS_MODULE": "nghiquyet.settings"}
        measurements += _child(["--child", "provincial"], env)
    url = os.environ.get("DATABASE_URL", "")
    tasks = os.environ.get("NGHIQUYET_BENCH_NATIONAL")
    if tasks and url.startswith(("postgres://", "postgresql://")):
        measurements += _child(["national", "--tasks", tasks, "--json"],
                               {**os.environ, "DJANGO_SETTINGS_MODULE": "nghiquyet.settings"})
    else:
        print("   (national scale: NGHIQUYET_BENCH_NATIONAL=1000000 with DATABASE_URL=postgres://...)")
    return measurements


def _child(arguments: list[str], env: dict) -> list[Measurement]:
    process = subprocess.run([sys.executable, __file__, *arguments], env=env, check=True,
                             capture_output=True, text=True)
    sys.stdout.write("".join(f"   {line}\n" for line in process.stderr.splitlines() if line.startswith("·")))
    return [Measurement(**item) for item in json.loads(process.stdout.strip().splitlines()[-1])]


def log(message: str) -> None:
    print(f"· {message}", file=sys.stderr, flush=True)


# -- shared: the user, the timed queries -------------------------------------------------


def leader_at(unit):
    from nghiquyet.organisations.access import AccessPolicy
    from nghiquyet.organisations.models import Membership, Role, User

    user, _created = User.objects.get_or_create(username=f"bench-{unit.code}")
    Membership.objects.get_or_create(user=user, unit=unit, role=Role.LEADER)
    policy = AccessPolicy(user, DAY)
    policy.units_q()  # a request builds its policy once; what is timed is the dashboard
    return user, policy


def plain_count(unit) -> int:
    from nghiquyet.organisations.models import subtree_q
    from nghiquyet.tracking.models import Task

    return Task.objects.filter(subtree_q(unit.path, "lead_unit__")).count()


def dashboard_measurements(label: str, unit, repeat: int, details: dict) -> list[Measurement]:
    from nghiquyet.tracking.services import dashboard

    _user, policy = leader_at(unit)

    def matrix():
        documents = list(dashboard.matrix_documents(policy, unit)[:12])  # the page's columns, then its cells
        return dashboard.matrix(policy, unit, DAY, documents)

    rows = plain_count(unit)
    baseline = best_time(lambda: plain_count(unit), repeat)
    overview_seconds = best_time(lambda: dashboard.overview(policy, unit, DAY), repeat)
    matrix_seconds = best_time(matrix, repeat)
    overview = dashboard.overview(policy, unit, DAY)
    facts = {**details, "tasks_and_plans_in_subtree": rows, "overdue": overview.task_counts["overdue"],
             "plans_missing": overview.plan_counts["overdue"], "indicators_off_track": len(overview.off_track)}
    return [
        Measurement(f"overview: {label}", overview_seconds, "COUNT(*) of the same tasks", baseline, facts),
        Measurement(f"matrix: {label} × 12 documents", matrix_seconds, "COUNT(*) of the same tasks", baseline,
                    {"rows": len(matrix().rows)}),
    ]


# -- provincial: SQLite, generated in Python ------------------------------------------------


def provincial() -> list[Measurement]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    province, districts = build_province()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    details = {"engine": connection.vendor, "generated_in_s": round(time.perf_counter() - start, 1)}
    measurements = dashboard_measurements("province (971 units, 20,000 tasks and plans)", province, 5, details)
    measurements += dashboard_measurements("district", districts[3], 5, details)
    measurements.append(counts_in_python(province))
    measurements.append(naive_matrix(province))
    measurements.append(overview_page(province))
    return measurements


def build_province():
    from nghiquyet.documents.models import Document
    from nghiquyet.organisations.kinds import ensure_standard_kinds
    from nghiquyet.organisations.models import Unit, UnitKind
    from nghiquyet.organisations.synthetic import generate_tree
    from nghiquyet.reviews.models import ReviewMilestone
    from nghiquyet.text.normalize import sort_key
    from nghiquyet.tracking.models import Indicator, IndicatorValue, Task

    draw = random.Random(2024)
    ensure_standard_kinds(UnitKind)
    province = generate_tree(PROVINCE_SHAPE, prefix="P")
    districts = list(Unit.objects.filter(parent=province).order_by("code"))
    lower = list(Unit.objects.filter(depth__in=(2, 3), path__startswith=province.path).order_by("path"))
    below = list(Unit.objects.filter(depth__gte=2, path__startswith=province.path))
    documents = [Document(kind="nghi_quyet", symbol=f"{n}-NQ/TU", issued_on=datetime.date(2021, 1, 1)
                          + datetime.timedelta(days=n * 6), issuer_unit=province, title=f"về nhiệm vụ số {n}",
                          text="Nội dung.") for n in range(1, 201)]
    for document in documents:
        document.refresh_keys()
    documents = Document.objects.bulk_create(documents)
    tasks = []
    for document in documents[:15]:  # cascaded to every district and grassroots organisation
        due = document.issued_on + datetime.timedelta(days=60)
        tasks += [plan_row(document, unit, due, draw) for unit in lower]
    for number in range(18_050):
        tasks.append(task_row(draw.choice(documents), draw.choice(below), number, draw))
    for task in tasks:
        task.sort_key = sort_key(task.title)[:255]
    Task.objects.bulk_create(tasks, batch_size=2000)
    # The province's targets are reported by its districts, each district's by its communes.
    owners = [(province, districts, 100)] + [(district, list(district.children.all()), 20) for district in districts]
    values = []
    for owner, reporters, count in owners:
        indicators = Indicator.objects.bulk_create([
            Indicator(document=documents[n % 15], name=f"Chỉ tiêu {n} của {owner.code}", target_value=90,
                      comparator="gte", unit_of_measure="%", owner_unit=owner, due_period="2025",
                      due_date=datetime.date(2025, 12, 31), direction="up", sort_key=sort_key(f"Chỉ tiêu {n}"))
            for n in range(count)])
        values += [IndicatorValue(indicator=indicator, unit=unit, period=str(year), period_end=datetime.date(year, 12, 31),
                                  value=round(draw.uniform(50, 95), 2))
                   for indicator in indicators for unit in reporters for year in (2021, 2022, 2023)]
    IndicatorValue.objects.bulk_create(values, batch_size=5000)
    ReviewMilestone.objects.bulk_create([
        ReviewMilestone(document=document, kind="so_ket", unit=province, due_period="2024-Q2",
                        due_date=datetime.date(2024, 6, 30)) for document in documents[:5]])
    return province, districts


def plan_row(document, unit, due, draw):
    from nghiquyet.tracking.models import Task

    done = due + datetime.timedelta(days=draw.randint(-40, 90)) if draw.random() < 0.8 else None
    return Task(document=document, lead_unit=unit, kind=Task.Kind.PLAN, title="Xây dựng kế hoạch thực hiện",
                due_period=f"{due:%Y-%m}", due_date=due, next_due=due, completed_on=done, percent=100 if done else 0)


def task_row(document, unit, number, draw):
    from nghiquyet.tracking.models import Task

    due = datetime.date(2021, 1, 1) + datetime.timedelta(days=draw.randint(0, 6 * 365)) if draw.random() < 0.85 else None
    done = None
    if due and draw.random() < 0.5:
        done = due + datetime.timedelta(days=draw.randint(-90, 60))
    return Task(document=document, lead_unit=unit, title=f"Nhiệm vụ số {number}", due_period=due.isoformat() if due else "",
                due_date=due, next_due=due, completed_on=done, percent=100 if done else draw.randint(0, 90))


def counts_in_python(province) -> Measurement:
    """Counting by status in the database, against loading the rows and classifying them in Python."""
    from nghiquyet.tracking.services import dashboard
    from nghiquyet.tracking.status import status_of

    _user, policy = leader_at(province)
    tasks = dashboard.tasks_within(policy, province)

    def in_python():
        counts = {}
        for done, due in tasks.values_list("completed_on", "next_due"):
            status = status_of(done, due, DAY)
            counts[status] = counts.get(status, 0) + 1
        return counts

    return Measurement("counts by status: province, in the database", best_time(lambda: dashboard.count_by_status(tasks, DAY), 5),
                       "loading the rows and classifying them in Python", best_time(in_python, 5))


def naive_matrix(province) -> Measurement:
    """The matrix again, as one COUNT per child unit, document and status (the naive way)."""
    from nghiquyet.organisations.models import Unit, subtree_q
    from nghiquyet.tracking.models import Task
    from nghiquyet.tracking.services import dashboard
    from nghiquyet.tracking.status import Status

    _user, policy = leader_at(province)
    documents = list(dashboard.matrix_documents(policy, province)[:12])
    children = list(Unit.objects.filter(parent=province))

    def naive():
        for child in children:
            for document in documents:
                tasks = Task.objects.work().filter(subtree_q(child.path, "lead_unit__"), document=document)
                for status in Status.values:
                    tasks.with_status(DAY).filter(status=status).count()

    smart = best_time(lambda: dashboard.matrix(policy, province, DAY, documents), 5)
    return Measurement("matrix: province, grouped in one query", smart, "naive loop of COUNTs per cell and status",
                       best_time(naive, 3), {"queries_in_naive_loop": len(children) * len(documents) * len(Status.values)})


def overview_page(province) -> Measurement:
    """The overview as the user gets it: the whole HTTP request, template included."""
    from django.test import Client

    user, _policy = leader_at(province)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = f"/theo-doi/?unit={province.code}&day={DAY:%d/%m/%Y}"
    assert client.get(url).status_code == 200
    seconds = best_time(lambda: client.get(url), 5)
    baseline = best_time(lambda: client.get("/healthz"), 5)
    return Measurement("overview page over HTTP: province", seconds, "GET /healthz (the request stack alone)",
                       baseline, {"under_one_second": seconds < 1.0})


# -- national: PostgreSQL, generated with SQL, resumable -------------------------------------


def national(tasks: int, as_json: bool) -> list[Measurement]:
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]
    database["NAME"] = f"{database['NAME']}_bench_national"
    create_database(database)
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    timings = build_nation(tasks)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
    details = {"engine": connection.vendor, "database_size": size, **timings}
    measurements = []
    from nghiquyet.organisations.models import Unit

    root = Unit.objects.get(code="N")
    province = Unit.objects.get(code="N.7")
    district = Unit.objects.get(code="N.7.3")
    for label, unit in (("country", root), ("province", province), ("district", district)):
        measurements += dashboard_measurements(f"{label} ({tasks:,} tasks, 1,000,000 plans)", unit, 3, details)
    return measurements


def create_database(database: dict) -> None:
    import psycopg

    admin = psycopg.connect(host=database["HOST"], port=database["PORT"] or 5432, user=database["USER"],
                            password=database["PASSWORD"] or None, dbname="postgres", autocommit=True)
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{database["NAME"]}"')


def build_nation(tasks: int) -> dict:
    from django.db import connection

    from nghiquyet.organisations.kinds import ensure_standard_kinds
    from nghiquyet.organisations.models import Unit, UnitKind
    from nghiquyet.organisations.synthetic import generate_tree, tree_size

    timings = {}
    ensure_standard_kinds(UnitKind)
    start = time.perf_counter()
    if not Unit.objects.filter(code="N").exists():
        log(f"tree: {tree_size(NATIONAL_SHAPE):,} units…")
        generate_tree(NATIONAL_SHAPE, prefix="N")
    timings["units"] = Unit.objects.count()
    timings["tree_s"] = round(time.perf_counter() - start, 1)
    with connection.cursor() as cursor:
        start = time.perf_counter()
        national_documents(cursor)
        timings["documents_s"] = round(time.perf_counter() - start, 1)
        start = time.perf_counter()
        added = national_tasks(cursor, "plan", 1_000_000) + national_tasks(cursor, "implement", tasks)
        timings["tasks_added"] = added
        timings["tasks_s"] = round(time.perf_counter() - start, 1)
        start = time.perf_counter()
        national_indicators(cursor)
        timings["indicators_s"] = round(time.perf_counter() - start, 1)
        cursor.execute("ANALYZE")
    return timings


def national_documents(cursor) -> None:
    """20,000 documents, 316 for each province committee, 92 of the centre."""
    cursor.execute("SELECT count(*) FROM documents_document")
    if cursor.fetchone()[0] >= 20_000:
        return
    log("documents…")
    cursor.execute("""
        INSERT INTO documents_document (kind, symbol, issued_on, place, issuer, issuer_block, issuer_unit_id, title,
            signer, signer_position, secret, dissemination, recipients, status, is_placeholder, text, anchors, outline,
            warnings, edited_fields, symbol_key, identity_key, sort_key, folded, created_at, updated_at)
        SELECT 'nghi_quyet', g || '-NQ/' || u.code, DATE '2021-01-01' + (g % 1200), '', '', '', u.id,
               'về nhiệm vụ số ' || g, '', '', false, '', '', 'in_force', false, '', '[]', '[]', '[]', '[]',
               g || '-nq/' || lower(u.code), 'bench:' || g, 've nhiem vu so ' || g, '', now(), now()
        FROM generate_series(1, 20000) g
        JOIN LATERAL (SELECT id, code FROM organisations_unit WHERE depth <= 2
                      ORDER BY id OFFSET (g % 64) LIMIT 1) u ON true
    """)


def national_tasks(cursor, kind: str, wanted: int) -> int:
    """Tasks (or plans) up to ``wanted`` rows, a million per transaction; returns how many were added."""
    from django.db import transaction

    cursor.execute("SELECT count(*) FROM tracking_task WHERE kind = %s", [kind])
    have = cursor.fetchone()[0]
    levels = (3, 4) if kind == "plan" else (3, 4, 5)
    cursor.execute("CREATE TEMP TABLE IF NOT EXISTS bench_units AS SELECT 0 AS n, 0 AS id WITH NO DATA")
    cursor.execute("TRUNCATE bench_units")
    cursor.execute("INSERT INTO bench_units SELECT row_number() OVER (ORDER BY id) - 1, id FROM organisations_unit "
                   "WHERE depth = ANY(%s)", [list(levels)])
    cursor.execute("SELECT count(*) FROM bench_units")
    units = cursor.fetchone()[0]
    cursor.execute("SELECT min(id), count(*) FROM documents_document")
    first_document, documents = cursor.fetchone()
    added = 0
    while have < wanted:
        size = min(CHUNK, wanted - have)
        start = time.perf_counter()
        with transaction.atomic():
            cursor.execute("""
                INSERT INTO tracking_task (due_period, due_date, recurrence, created_at, updated_at, document_id, title,
                    action, kind, lead_unit_id, lead_text, responsible_person, report_to, expected_product, percent,
                    completed_on, next_due, version, sort_key)
                SELECT to_char(d.due, 'YYYY-MM-DD'), d.due, '', now(), now(), %(document)s + (g * 7919) %% %(documents)s,
                       CASE WHEN %(kind)s = 'plan' THEN 'Xây dựng kế hoạch thực hiện' ELSE 'Nhiệm vụ số ' || g END, '',
                       %(kind)s, u.id, '', '', '', '', CASE WHEN d.done IS NULL THEN (g %% 90) ELSE 100 END,
                       d.done, d.due, 1, 'nhiem vu'
                FROM generate_series(%(first)s::bigint, %(last)s::bigint) g
                JOIN bench_units u ON u.n = (g * 104729) %% %(units)s
                CROSS JOIN LATERAL (SELECT DATE '2021-01-01' + ((g * 31) %% 2190)::int AS due) base
                CROSS JOIN LATERAL (SELECT base.due AS due,
                                           CASE WHEN g %% 2 = 0 THEN base.due + ((g %% 150) - 90)::int END AS done) d
            """, {"document": first_document, "documents": documents, "kind": kind, "units": units,
                  "first": have + 1, "last": have + size})
        have += size
        added += size
        log(f"{kind}: {have:,}/{wanted:,} ({time.perf_counter() - start:.0f} s for {size:,})")
    return added


def national_indicators(cursor) -> None:
    """200 targets of each province, reported by its 10 districts for 2021-2024, plus 300 central ones."""
    cursor.execute("SELECT count(*) FROM tracking_indicatorvalue")
    if cursor.fetchone()[0]:
        return
    log("indicators and values…")
    cursor.execute("""
        INSERT INTO tracking_indicator (due_period, due_date, recurrence, created_at, updated_at, document_id, name,
            scope, unit_of_measure, comparator, target_value, direction, aggregation, owner_unit_id, sort_key)
        SELECT '2025', DATE '2025-12-31', '', now(), now(), d.id, 'Chỉ tiêu ' || n, '', '%', 'gte', 90, 'up',
               'average', d.issuer_unit_id, 'chi tieu ' || n
        FROM (SELECT id, issuer_unit_id, row_number() OVER (PARTITION BY issuer_unit_id ORDER BY id) AS n
              FROM documents_document) d
        WHERE d.n <= 200
    """)
    cursor.execute("""
        INSERT INTO tracking_indicatorvalue (indicator_id, unit_id, period, period_end, value, note, reported_at)
        SELECT i.id, u.id, y::text, make_date(y, 12, 31), 50 + (i.id * 7 + u.id * 3 + y) % 45, '', now()
        FROM tracking_indicator i
        JOIN organisations_unit u ON u.parent_id = i.owner_unit_id
        CROSS JOIN generate_series(2021, 2024) y
    """)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", choices=["provincial", "national"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tasks", type=int, default=10_000_000, help="national: tasks to reach (default 10,000,000)")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON only")
    options = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")
    measurements = provincial() if options.scenario == "provincial" else national(options.tasks, options.json)
    if options.child or options.json:
        print(json.dumps([m.__dict__ for m in measurements], default=str))
    else:
        for m in measurements:
            print(f"{m.name:<62} {m.seconds * 1000:10.1f} ms  ×{m.ratio:7.2f} of {m.baseline} "
                  f"({m.baseline_seconds * 1000:.1f} ms)  {m.details}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
