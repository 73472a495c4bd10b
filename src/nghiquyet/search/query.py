"""What a user typed, as a query every engine can run safely.

The parser is pure Python and never passes user text to an engine: it keeps
only words (as index tokens, see ``tokens``), the quotes that make phrases
and the ``*`` that makes a prefix, and the engines quote every token
themselves. Operators, column filters, parentheses, stray quotes and FTS
keywords in the input are plain words or separators.

A ``Query`` is an AND of clauses; a clause is an OR of alternatives; an
alternative is an AND of terms; a term is one token or a phrase. Words
typed with Vietnamese marks match exactly (any tone placement); words typed
without them, and prefixes, match the folded form. Symbols in any common
spelling ("109-NQ/TU", "109/NQ-TU", "NQ 109", "NQ109", "nghị quyết 109")
(read by ``documents.symbols``, as the lineage forms do) become a clause of
their own and mark exact matches to rank first;
abbreviations (MTTQ, UBND, BTV ...) also match their full names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from nghiquyet.documents.symbols import SymbolParts, extract_symbols
from nghiquyet.text.normalize import fold, nfc, unify_punctuation

from .tokens import folded_token, has_marks, plain_token, symbol_tokens

MAX_QUERY = 300
MAX_CLAUSES = 16


@dataclass(frozen=True)
class Term:
    tokens: tuple[str, ...]  # one token, or the tokens of a phrase
    folded: bool  # matches the folded form (else the plain form, marks as typed)
    prefix: bool = False  # the last token is a prefix


Alternative = tuple[Term, ...]  # every term must match
Clause = tuple[Alternative, ...]  # one alternative must match


@dataclass
class Query:
    text: str
    clauses: list[Clause] = field(default_factory=list)
    symbols: list[SymbolParts] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # the plain words typed, in order

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def terms(self) -> list[Term]:
        """Every term, to highlight in snippets."""
        return [term for clause in self.clauses for alternative in clause for term in alternative]

    def any_of(self) -> "Query":
        """The same terms, any of them: a fallback when no record has them all."""
        alternatives = tuple(alternative for clause in self.clauses for alternative in clause)
        return Query(self.text, [alternatives] if alternatives else [], self.symbols)

    def proximity(self) -> Term | None:
        """The typed words as one phrase: records holding them side by side rank higher."""
        if len(self.words) < 2 or len(self.words) > 8:
            return None
        return phrase_term(self.words)


# -- abbreviations users type ------------------------------------------------------

ABBREVIATIONS = {
    "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "bcsđ": "ban cán sự đảng",
    "bcs": "ban cán sự",
    "ubkt": "ủy ban kiểm tra",
    "hđnd": "hội đồng nhân dân",
    "ubnd": "ủy ban nhân dân",
    "btv": "ban thường vụ",
    "bch": "ban chấp hành",
    "btg": "ban tuyên giáo",
    "btc": "ban tổ chức",
    "bdv": "ban dân vận",
    "bnc": "ban nội chính",
    "vptu": "văn phòng tỉnh ủy",
    "tu": "tỉnh ủy",
    "hu": "huyện ủy",
    "đu": "đảng ủy",
    "đđ": "đảng đoàn",
    "tw": "trung ương",
    "tư": "trung ương",
    "đh": "đại hội",
    "lđlđ": "liên đoàn lao động",
    "đtn": "đoàn thanh niên",
    "cđs": "chuyển đổi số",
    "cchc": "cải cách hành chính",
    "khcn": "khoa học công nghệ",
    "cntt": "công nghệ thông tin",
    "ktxh": "kinh tế xã hội",
    "qpan": "quốc phòng an ninh",
    "cnh": "công nghiệp hóa",
    "hđh": "hiện đại hóa",
    "xdđ": "xây dựng đảng",
    "httt": "hệ thống chính trị",
}


def _abbreviation_keys() -> dict[str, list[str]]:
    """Each abbreviation as written and without marks (BCSD), unless that is ambiguous (TU, TƯ)."""
    keys = {short: fold(full).split() for short, full in ABBREVIATIONS.items()}
    folded: dict[str, list] = {}
    for short, full in keys.items():
        folded.setdefault(fold(short), []).append(full)
    keys.update({short: fulls[0] for short, fulls in folded.items() if len(fulls) == 1 and short not in keys})
    return keys


_ABBREVIATIONS = _abbreviation_keys()

# -- symbols ---------------------------------------------------------------------------

# -- words and phrases ------------------------------------------------------------------

_PIECE = re.compile(r'"([^"]*)"\s*(\*)?|([^\W_]+)(\*)?', re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SYMBOL_WORD = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)  # "NQ109" is "NQ 109" in the text


def word_term(word: str, prefix: bool = False) -> Term:
    if prefix or not has_marks(word):
        return Term((folded_token(word),), folded=True, prefix=prefix)
    return Term((plain_token(word),), folded=False)


def phrase_term(words: list[str], prefix: bool = False) -> Term:
    if len(words) == 1:
        return word_term(words[0], prefix)
    if all(has_marks(word) for word in words) and not prefix:
        return Term(tuple(plain_token(word) for word in words), folded=False)
    return Term(tuple(folded_token(word) for word in words), folded=True, prefix=prefix)


def word_clause(word: str, prefix: bool, implicit_prefix: bool) -> Clause:
    alternatives: list[Alternative] = [(word_term(word, prefix),)]
    if implicit_prefix and not prefix:
        alternatives.append((word_term(word, prefix=True),))
    expansion = _ABBREVIATIONS.get(word.casefold())
    if expansion and (len(word) > 2 or word.isupper()):
        alternatives.append((Term(tuple(expansion), folded=True),))
    return tuple(alternatives)


def symbol_clause(symbol: SymbolParts, written: str) -> Clause:
    tokens = symbol_tokens(symbol.number, symbol.type_code, symbol.issuer)
    as_words = tuple(word_term(word) for word in _SYMBOL_WORD.findall(written))
    return ((Term((tokens[-1],), folded=True),), as_words) if as_words else ((Term((tokens[-1],), folded=True),),)


def _clean(text: str) -> str:
    text = unify_punctuation(nfc(text or ""))[:MAX_QUERY]
    # Control and format characters are never part of a word.
    return "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)


def parse(text: str) -> Query:
    """The query for what a user typed; empty when nothing searchable is left."""
    text = _clean(text)
    query = Query(text)
    found, rest = extract_symbols(text)
    for symbol, written in found:
        query.symbols.append(symbol)
        query.clauses.append(symbol_clause(symbol, written))
    pieces = list(_PIECE.finditer(rest))
    for index, piece in enumerate(pieces):
        phrase, phrase_star, word, word_star = piece.groups()
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                query.clauses.append(((phrase_term(words, bool(phrase_star)),),))
            continue
        is_last = index == len(pieces) - 1 and piece.end() == len(rest.rstrip(" ")) and not rest[-1:].isspace()
        implicit = is_last and len(word) > 1 and not word.isdigit()
        query.clauses.append(word_clause(word, bool(word_star), implicit))
        if not word_star:
            query.words.append(word)
    query.clauses = _unique(query.clauses)[:MAX_CLAUSES]
    return query


def _unique(clauses: list[Clause]) -> list[Clause]:
    seen = set()
    kept = []
    for clause in clauses:
        if clause not in seen:
            seen.add(clause)
            kept.append(clause)
    return kept


# -- compiling for the engines --------------------------------------------------------------


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def to_fts5(query: Query, plain_columns: str, folded_columns: str) -> str:
    """The FTS5 MATCH expression: every token quoted, columns chosen by us."""

    def term(term: Term) -> str:
        phrase = " + ".join(_quoted(token) for token in term.tokens) + (" *" if term.prefix else "")
        columns = folded_columns if term.folded else plain_columns
        return f"{{{columns}}} : ({phrase})"

    def alternative(terms: Alternative) -> str:
        return "(" + " AND ".join(term(t) for t in terms) + ")"

    def clause(alternatives: Clause) -> str:
        return "(" + " OR ".join(alternative(a) for a in alternatives) + ")"

    expression = " AND ".join(clause(c) for c in query.clauses)
    near = query.proximity()
    if near and query.clauses:
        # bm25 adds up every phrase of the expression that matches: the phrase
        # raises the score without changing which records match.
        expression += f" AND ({term(near)} OR {clause(query.clauses[-1])})"
    return expression


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsquery(query: Query) -> str:
    """The PostgreSQL tsquery text: every lexeme quoted (one vector holds both forms)."""

    def term(term: Term) -> str:
        lexemes = [_lexeme(token) for token in term.tokens]
        if term.prefix:
            lexemes[-1] += ":*"
        return "(" + " <-> ".join(lexemes) + ")"

    def alternative(terms: Alternative) -> str:
        return "(" + " & ".join(term(t) for t in terms) + ")"

    return " & ".join("(" + " | ".join(alternative(a) for a in clause) + ")" for clause in query.clauses)
