"""The full-text engines behind one interface, chosen by the database vendor.

Both index the same tokens (see ``tokens``): a title part (kind, symbol,
title, issuer; weighted up) and a body part, each word in its plain and its
folded form, plus whole-symbol tokens. Matching and scoring stay in the
database query, joined to the scoped and filtered ``SearchEntry`` rows, so
counts and facets never see a row the user may not read.

- SQLite: an FTS5 table ``search_fts`` (rowid = entry id) with four columns
  (title and body, plain and folded) ranked by ``bm25()``; a trigger removes
  a row's tokens with the row.
- PostgreSQL: the entry's ``vector`` (tsvector written as a literal, so no
  text search configuration, parser or locale is involved; plain and folded
  tokens share positions, so phrases may mix them) with a GIN index, ranked
  by ``ts_rank_cd``. Works on a plain server: no extension needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection as default_connection
from django.db.models import QuerySet

from .query import Query, to_fts5, to_tsquery
from .tokens import token_pairs

TABLE = "search_searchentry"
PG_MAX_POSITION = 16383
PG_MAX_POSITIONS_PER_LEXEME = 256


@dataclass
class IndexText:
    """What one entry is found by."""

    title: str
    body: str = ""
    extra_tokens: list[str] = field(default_factory=list)  # whole-symbol tokens


class Engine:
    vendor = ""

    def install(self, cursor) -> None:
        raise NotImplementedError

    def uninstall(self, cursor) -> None:
        raise NotImplementedError

    def prepare(self, entry, text: IndexText) -> None:
        """Before ``entry`` is saved: fill what the engine keeps in the row."""

    def write(self, cursor, items: list[tuple[int, IndexText]]) -> None:
        """After the entries are saved: index them (id, text) where the engine keeps them apart."""

    def clear(self, cursor) -> None:
        raise NotImplementedError

    def match(self, queryset: QuerySet, query: Query) -> QuerySet:
        """``queryset`` limited to entries matching ``query``."""
        raise NotImplementedError

    def ranked(self, queryset: QuerySet, query: Query) -> QuerySet:
        """Matching entries with a ``score`` (higher is better)."""
        raise NotImplementedError


# ``QuerySet.extra`` is the one way to join a virtual table and keep the
# policy's filters, counts and facets in the ORM; every parameter is bound.


class Fts5Engine(Engine):
    vendor = "sqlite"
    PLAIN, FOLDED = "title_plain body_plain", "title_folded body_folded"
    # A word in the title (kind, symbol, title, issuer; a section's heading)
    # weighs ten times a word of the body. bm25 normalises by length, so a
    # document only cited (a stub: a short title, no text) or one section
    # outscored the whole document whose text covers the query; a document with
    # its text counts half as much again (ts_rank_cd does not normalise: there
    # the whole document's many matches already rank it first).
    SCORE = (
        f"-bm25(search_fts, 10.0, 10.0, 1.0, 1.0)"
        f" * (CASE WHEN {TABLE}.source = 'document' AND {TABLE}.body <> '' THEN 1.5 ELSE 1.0 END)"
    )

    def install(self, cursor) -> None:
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
            "title_plain, title_folded, body_plain, body_folded, tokenize='ascii')"
        )
        cursor.execute(
            f"CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON {TABLE} "
            "BEGIN DELETE FROM search_fts WHERE rowid = old.id; END"
        )

    def uninstall(self, cursor) -> None:
        cursor.execute("DROP TRIGGER IF EXISTS search_fts_delete")
        cursor.execute("DROP TABLE IF EXISTS search_fts")

    def write(self, cursor, items) -> None:
        rows = []
        for entry_id, text in items:
            title, body = token_pairs(text.title), token_pairs(text.body)
            rows.append((
                entry_id,
                " ".join(plain for plain, _ in title),
                " ".join([folded for _, folded in title] + text.extra_tokens),
                " ".join(plain for plain, _ in body),
                " ".join(folded for _, folded in body),
            ))
        cursor.executemany(
            "INSERT INTO search_fts(rowid, title_plain, title_folded, body_plain, body_folded) VALUES (%s, %s, %s, %s, %s)",
            rows,
        )

    def clear(self, cursor) -> None:
        cursor.execute("DELETE FROM search_fts")

    def match(self, queryset, query):
        return queryset.extra(
            tables=["search_fts"],
            where=[f"search_fts.rowid = {TABLE}.id", "search_fts MATCH %s"],
            params=[to_fts5(query, self.PLAIN, self.FOLDED)],
        )

    def ranked(self, queryset, query):
        return self.match(queryset, query).extra(select={"score": self.SCORE})


class PostgresEngine(Engine):
    vendor = "postgresql"

    def install(self, cursor) -> None:
        cursor.execute(f"CREATE INDEX IF NOT EXISTS search_entry_vector ON {TABLE} USING gin (vector)")

    def uninstall(self, cursor) -> None:
        cursor.execute("DROP INDEX IF EXISTS search_entry_vector")

    @staticmethod
    def vector_literal(text: IndexText) -> str:
        positions: dict[str, list[str]] = {}

        def add(token: str, position: int, weight: str) -> None:
            held = positions.setdefault(token, [])
            if len(held) < PG_MAX_POSITIONS_PER_LEXEME:
                held.append(f"{min(position, PG_MAX_POSITION)}{weight}")

        for token in text.extra_tokens:
            add(token, 1, "A")
        position = 0
        for weight, part in (("A", text.title), ("D", text.body)):
            position += 1  # phrases never run from the title into the body
            for plain, folded in token_pairs(part):
                position += 1
                add(plain, position, weight)
                if folded != plain:
                    add(folded, position, weight)
        # Tokens are [a-z0-9] only (see tokens.ascii_only): nothing to escape.
        return " ".join(f"'{token}':{','.join(held)}" for token, held in positions.items())

    def prepare(self, entry, text) -> None:
        entry.vector = self.vector_literal(text)

    def clear(self, cursor) -> None:
        pass  # the vector goes with its row

    def match(self, queryset, query):
        return queryset.extra(where=[f"{TABLE}.vector @@ %s::tsquery"], params=[to_tsquery(query)])

    def ranked(self, queryset, query):
        return self.match(queryset, query).extra(
            select={"score": f"ts_rank_cd({TABLE}.vector, %s::tsquery)"}, select_params=[to_tsquery(query)],
        )


ENGINES = {engine.vendor: engine for engine in (Fts5Engine(), PostgresEngine())}


def engine_for(connection=None) -> Engine:
    vendor = (connection or default_connection).vendor
    try:
        return ENGINES[vendor]
    except KeyError:
        raise LookupError(f"Full-text search supports SQLite and PostgreSQL, not {vendor}") from None
