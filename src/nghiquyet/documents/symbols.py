"""Document symbols (số, ký hiệu): the key they are matched by, what they tell,
and the symbols people write in other spellings.

Party symbols are ``NUMBER-TYPE/ISSUER`` ("109-NQ/TU"), state symbols
``NUMBER[/YEAR]/TYPE-ISSUER`` ("24/CT-TTg", "107/2020/NĐ-CP"). People also
write "109/NQ-TU", "NQ 109", "NQ109" or "nghị quyết 109": ``extract_symbols``
reads those (for the search box and for forms naming a document) as
``SymbolParts``, compared with a document's symbol by ``SymbolParts.matches``.
Framework-free, like ``nghiquyet.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nghiquyet.text.normalize import fold, match_key

# Type codes of symbols, Party and state alike.
TYPE_KINDS = {
    "nq": "nghi_quyet", "ct": "chi_thi", "kl": "ket_luan", "kh": "ke_hoach",
    "ctr": "chuong_trinh", "qđ": "quyet_dinh", "qđi": "quy_dinh", "qc": "quy_che",
    "hd": "huong_dan", "đa": "de_an", "bc": "bao_cao", "tb": "thong_bao", "cv": "cong_van",
}

_PARTY = re.compile(r"^\d+[a-z]?-(?P<type>[^/\s-]+)/", re.IGNORECASE)
_STATE = re.compile(r"^\d+(?:/\d{4})?/(?P<type>[^/\s-]+)-", re.IGNORECASE)


def symbol_key(symbol: str | None) -> str:
    """Case-, dash- and space-insensitive form of a symbol: "109-nq/tu"."""
    return match_key(symbol or "").replace(" ", "")


def kind_from_symbol(symbol: str | None) -> str | None:
    """The document kind a symbol's type code names, when it names one."""
    key = symbol_key(symbol)
    match = _PARTY.match(key) or _STATE.match(key)
    return TYPE_KINDS.get(match["type"]) if match else None


# -- symbols in any spelling ---------------------------------------------------------

# On the folded, space-free symbol: Party "109-nq/tu", state "107/2020/nd-cp", "24/ct-ttg".
_PARTY_PARTS = re.compile(r"^0*(\d+)[a-z]?-([a-z]+)/([a-z0-9][a-z0-9-]*)")
_STATE_PARTS = re.compile(r"^0*(\d+)(?:/\d{4})?/([a-z]+)-([a-z0-9][a-z0-9-]*)")


def symbol_parts(symbol: str | None) -> tuple[str, str, str] | None:
    """(number, type, issuer) of a document symbol, folded: ("109", "nq", "tu")."""
    key = fold(symbol or "").replace(" ", "")
    match = _PARTY_PARTS.match(key) or _STATE_PARTS.match(key)
    if not match:
        return None
    return match[1], match[2], re.sub(r"[^a-z0-9]", "", match[3])


@dataclass(frozen=True)
class SymbolParts:
    """A symbol as someone wrote it, folded; ``issuer`` is empty when not written ("NQ 109")."""

    number: str
    type_code: str
    issuer: str = ""

    def matches(self, symbol: str | None) -> bool:
        """Is ``symbol`` (a document's) the one written, whatever the spelling?"""
        parts = symbol_parts(symbol)
        return bool(parts) and parts[:2] == (self.number, self.type_code) and self.issuer in ("", parts[2])


def parse_symbol(text: str | None) -> SymbolParts | None:
    """The symbol ``text`` is, in any common spelling; None unless it is one symbol and nothing else."""
    found, rest = extract_symbols(text or "")
    if len(found) != 1 or re.sub(r"[\W_]+", "", rest):
        return None
    return found[0][0]


TYPE_CODES = ("ctr", "qdi", "nq", "ct", "kl", "kh", "qd", "qc", "hd", "da", "bc", "tb", "cv", "tt", "nd")
KIND_WORDS = {
    "nghi quyet": "nq", "chi thi": "ct", "ket luan": "kl", "ke hoach": "kh",
    "chuong trinh hanh dong": "ctr", "chuong trinh": "ctr", "quyet dinh": "qd", "quy dinh": "qdi",
    "quy che": "qc", "huong dan": "hd", "de an": "da", "bao cao": "bc", "thong bao": "tb", "cong van": "cv",
}
_TYPE = "|".join(TYPE_CODES)
_KIND = "|".join(sorted((re.escape(words) for words in KIND_WORDS), key=len, reverse=True)).replace(r"\ ", r"\s+")
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![0-9a-z])", r"(?![0-9a-z])"
# On the folded query; each yields (number, type, issuer).
_SYMBOL_PATTERNS = [
    re.compile(rf"{_EDGE_BEFORE}0*(\d+)\s*/\s*\d{{4}}\s*/\s*([a-z]{{1,5}})\s*-\s*([a-z][a-z0-9]*){_EDGE_AFTER}"),
    re.compile(rf"{_EDGE_BEFORE}0*(\d+)\s*[-/]\s*([a-z]{{1,5}})\s*[-/]\s*([a-z][a-z0-9]*){_EDGE_AFTER}"),
    re.compile(rf"{_EDGE_BEFORE}0*(\d+)\s*[-/]\s*({_TYPE})(){_EDGE_AFTER}"),
    re.compile(rf"{_EDGE_BEFORE}({_TYPE})\s*[-.]?\s*(?:so\s*)?0*(\d+)(){_EDGE_AFTER}(?!\s*[-/])"),
    re.compile(rf"{_EDGE_BEFORE}({_KIND})\s+(?:so\s+)?0*(\d+)(){_EDGE_AFTER}(?!\s*[-/])"),
]


def _aligned_fold(text: str) -> str:
    """``fold`` one character at a time, so positions match ``text``."""
    out = []
    for char in text:
        folded = fold(char) if char.strip() else " "
        out.append(folded if len(folded) == 1 else " ")
    return "".join(out)


def _symbol_from(match: re.Match) -> SymbolParts:
    first, second, issuer = match.groups()
    if first.isdigit():
        return SymbolParts(first.lstrip("0") or "0", second, issuer)
    type_code = KIND_WORDS.get(" ".join(first.split()), first)
    return SymbolParts(second.lstrip("0") or "0", type_code, issuer)


def extract_symbols(text: str) -> tuple[list[tuple[SymbolParts, str]], str]:
    """The symbols in ``text`` (each with the words it was written with) and the rest."""
    aligned = _aligned_fold(text)
    found = []
    for pattern in _SYMBOL_PATTERNS:
        for match in pattern.finditer(aligned):
            start, end = match.span()
            if aligned[start:end].strip() != aligned[start:end] or "\0" in aligned[start:end]:
                continue
            found.append((_symbol_from(match), text[start:end]))
            aligned = aligned[:start] + "\0" * (end - start) + aligned[end:]
    rest = "".join(" " if mark == "\0" else char for char, mark in zip(text, aligned))
    return found, rest
