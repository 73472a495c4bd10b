"""Document symbols (số, ký hiệu): the key they are matched by and what they tell.

Party symbols are ``NUMBER-TYPE/ISSUER`` ("109-NQ/TU"), state symbols
``NUMBER[/YEAR]/TYPE-ISSUER`` ("24/CT-TTg", "107/2020/NĐ-CP").
"""

from __future__ import annotations

import re

from nghiquyet.text.normalize import match_key

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
