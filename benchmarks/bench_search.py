"""Full-text search latency: SQLite FTS5 and PostgreSQL against Whoosh on the same corpus.

A synthetic corpus of 100,000 documents (``--docs N`` for fewer) is generated
from the seed texts' vocabulary: each document's title is a seed sentence,
its body a shuffle of 5-30 seed sentences, its symbol random ("137-NQ/TU").
The same documents are indexed by our SQLite FTS5 engine, our PostgreSQL
engine (when ``DATABASE_URL`` names a PostgreSQL server; in its own database
``<name>_bench_search``, created and dropped by the bench) and Whoosh (the
engine Paperless-ngx uses; fed the folded text, the same folding as ours).
The same queries (the first 50 of ``tests/search/relevance.json``: topics
with and without marks, phrases, prefixes, symbols, abbreviations) are run
on each: the ten best results and the number of matches. Reported: median
and p95 latency per engine, and the ratio to Whoosh in the same run.

    python benchmarks/bench_search.py --docs 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x python benchmarks/run.py search
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from common import Measurement, percentiles  # noqa: E402

QUERIES = 50
TYPES = ["NQ", "CT", "KL", "KH", "CTr", "QĐ", "HD", "TB", "BC"]
ISSUERS = ["TU", "HU", "ĐU", "TW", "BTGTU", "UBKTTU"]
KINDS = ["nghi_quyet", "chi_thi", "ket_luan", "ke_hoach", "chuong_trinh", "quyet_dinh", "huong_dan", "thong_bao", "bao_cao"]


def seed_sentences() -> list[str]:
    from nghiquyet.core.seeds import seed_file

    sentences = []
    for name in ("000", "002", "003", "004"):
        path = seed_file(name)
        if path is None:
            continue
        text = " ".join(path.read_text(encoding="utf-8").split())
        sentences += [s.strip() for s in re.split(r"(?<=[.;:!?])\s+", text) if 30 <= len(s.strip()) <= 400]
    if not sentences:
        raise SystemExit("seed documents not found (set NGHIQUYET_SEEDS)")
    return sentences


def corpus(size: int):
    """(number, kind, symbol, title, body) of ``size`` documents, the same every run."""
    rng = random.Random(20251124)
    sentences = seed_sentences()
    for number in range(1, size + 1):
        type_index = rng.randrange(len(TYPES))
        symbol = f"{rng.randint(1, 400)}-{TYPES[type_index]}/{rng.choice(ISSUERS)}"
        title = "về " + " ".join(rng.choice(sentences).split()[:18]).rstrip(".;:,")
        body = " ".join(rng.choice(sentences) for _ in range(rng.randint(5, 30)))
        yield number, KINDS[type_index], symbol, title, body


def queries() -> list[str]:
    cases = json.loads((ROOT / "tests" / "search" / "relevance.json").read_text(encoding="utf-8"))
    return [case["query"] for case in cases][:QUERIES]


def log(message: str) -> None:
    print(f"· {message}", file=sys.stderr, flush=True)


def timed(search_one, texts: list[str], rounds: int = 3) -> tuple[list[float], list[int]]:
    """Latency of each query (best of ``rounds``) and its number of matches."""
    latencies, totals = [], []
    for text in texts:
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            total = search_one(text)
            best = min(best, time.perf_counter() - start)
        latencies.append(best)
        totals.append(total)
    return latencies, totals


# -- our engines, through Django -----------------------------------------------------------


def django_child(size: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from nghiquyet.search.engines import IndexText, engine_for
    from nghiquyet.search.indexing import write
    from nghiquyet.search.models import SearchEntry
    from nghiquyet.search.query import parse
    from nghiquyet.search.tokens import document_symbol_tokens, symbol_parts

    call_command("migrate", verbosity=0)
    engine = engine_for(connection)
    start = time.perf_counter()
    batch = []
    for number, kind, symbol, title, body in corpus(size):
        parts = symbol_parts(symbol) or ("", "", "")
        entry = SearchEntry(source="document", record_id=number, document_id=number, kind=kind, symbol=symbol,
                            symbol_number=parts[0], symbol_type=parts[1], symbol_issuer=parts[2],
                            title=title, body=body, year=2021)
        batch.append((entry, IndexText(f"{symbol} {title}", body, document_symbol_tokens(symbol))))
        if len(batch) == 1000:
            write(batch)
            batch = []
            if number % 20000 == 0:
                log(f"{connection.vendor}: {number} documents indexed")
    write(batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchentry")
    index_seconds = time.perf_counter() - start

    def search_one(text: str) -> int:
        parsed = parse(text)
        matched = engine.ranked(SearchEntry.objects.all(), parsed)
        list(matched.order_by("-score", "pk").values_list("pk", flat=True)[:10])
        return engine.match(SearchEntry.objects.all(), parsed).count()

    latencies, totals = timed(search_one, queries())
    return {"vendor": connection.vendor, "index_seconds": index_seconds, "latencies": latencies, "totals": totals}


# -- Whoosh (the baseline) --------------------------------------------------------------------


def whoosh_child(size: int, folder: str) -> dict:
    from whoosh import index
    from whoosh.analysis import StandardAnalyzer
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.qparser import AndGroup, MultifieldParser

    from nghiquyet.text.normalize import fold

    analyzer = StandardAnalyzer(stoplist=None, minsize=1)
    schema = Schema(id=ID(stored=True, unique=True), title=TEXT(analyzer=analyzer, field_boost=4.0),
                    body=TEXT(analyzer=analyzer))
    ix = index.create_in(folder, schema)
    start = time.perf_counter()
    writer = ix.writer(limitmb=256)
    for number, _kind, symbol, title, body in corpus(size):
        writer.add_document(id=str(number), title=fold(f"{symbol} {title}"), body=fold(body))
        if number % 20000 == 0:
            log(f"whoosh: {number} documents added")
    writer.commit()
    index_seconds = time.perf_counter() - start
    parser = MultifieldParser(["title", "body"], ix.schema, group=AndGroup)
    with ix.searcher() as searcher:

        def search_one(text: str) -> int:
            results = searcher.search(parser.parse(fold(text)), limit=10)
            return len(results)

        latencies, totals = timed(search_one, queries())
    return {"vendor": "whoosh", "index_seconds": index_seconds, "latencies": latencies, "totals": totals}


# -- running -------------------------------------------------------------------------------------


def _child(arguments: list[str], env: dict) -> dict:
    process = subprocess.run([sys.executable, __file__, *arguments], env=env, capture_output=True, text=True)
    sys.stdout.write("".join(f"   {line}\n" for line in process.stderr.splitlines() if line.startswith("·")))
    if process.returncode:
        raise RuntimeError(process.stderr[-3000:])
    return json.loads(process.stdout.strip().splitlines()[-1])


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _admin(url: str, statement: str) -> None:
    import psycopg

    base = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(base.replace("postgres://", "postgresql://", 1), autocommit=True) as connection:
        connection.execute(statement)


def run(size: int | None = None) -> list[Measurement]:
    size = size or int(os.environ.get("NGHIQUYET_BENCH_SEARCH_DOCS", "100000"))
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        log(f"corpus of {size} documents, {QUERIES} queries")
        runs.append(_child(["--child", "whoosh", "--docs", str(size), "--folder", folder], dict(os.environ)))
        env = {**os.environ, "NGHIQUYET_VAR_DIR": folder, "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
               "DJANGO_SETTINGS_MODULE": "nghiquyet.settings"}
        runs.append(_child(["--child", "django", "--docs", str(size)], env))
        url = _postgres_url()
        if url:
            name = url.rsplit("/", 1)[1].split("?")[0] + "_bench_search"
            _admin(url, f'DROP DATABASE IF EXISTS "{name}"')
            _admin(url, f'CREATE DATABASE "{name}"')
            try:
                env = {**os.environ, "DATABASE_URL": url.rsplit("/", 1)[0] + f"/{name}",
                       "DJANGO_SETTINGS_MODULE": "nghiquyet.settings"}
                runs.append(_child(["--child", "django", "--docs", str(size)], env))
            finally:
                _admin(url, f'DROP DATABASE IF EXISTS "{name}"')
        else:
            print("   (PostgreSQL: set DATABASE_URL=postgres://... to measure it too)")
    baseline = runs[0]
    base = percentiles(baseline["latencies"])
    measurements = []
    for result in runs:
        stats = percentiles(result["latencies"])
        for key in ("median", "p95"):
            measurements.append(Measurement(
                f"search {size} docs, {result['vendor']}: {key}", stats[key], f"whoosh {key}", base[key],
                {"index_seconds": round(result["index_seconds"], 1),
                 "queries_with_matches": sum(1 for total in result["totals"] if total)},
            ))
    return measurements


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the corpus (default 100,000)")
    parser.add_argument("--child", choices=["django", "whoosh"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "whoosh":
        print(json.dumps(whoosh_child(args.docs, args.folder)))
    elif args.child == "django":
        print(json.dumps(django_child(args.docs)))
    else:
        for measurement in run(args.docs):
            print(f"{measurement.name:<48} {measurement.seconds * 1000:9.2f} ms  ×{measurement.ratio:7.2f} of "
                  f"{measurement.baseline} ({measurement.baseline_seconds * 1000:.2f} ms)  {measurement.details}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
