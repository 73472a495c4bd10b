"""References to other documents in the running text, and how the text relates to them.

A reference is a symbol, Party style ("Nghị quyết số 57-NQ/TW ngày
22/12/2024") or state style ("Quyết định số 522/QĐ-TTg", "Nghị định số
107/2020/NĐ-CP ngày 14/9/2020"), usually after a type word and before a date.
The relation is read from the words just before it in the same clause:
"tiếp tục thực hiện" → tiep_tuc_thuc_hien, "thực hiện" → thuc_hien,
"thay thế" → thay_the, "sửa đổi" → sua_doi, "bổ sung" → bo_sung,
"bãi bỏ" → bai_bo, "căn cứ" → can_cu; anything else is a citation (trich_dan).

The same symbol with different dates names different documents (109-NQ/TU of
2016 and of 2021); a later mention without a date takes the date the
document gave that symbol, when it gave only one.

``find_references`` gives one reference per document cited: its first
mention that says how the text relates to it (else its first mention).
``find_mentions`` gives every mention.
"""

from __future__ import annotations

import re

from nghiquyet.text.model import Reference, RepairedText
from nghiquyet.text.patterns import (
    DATE_RE,
    KIND_WORD_RE,
    SYMBOL_RE,
    kind_of_symbol,
    kind_of_word,
    parse_date,
)

# Symbols are found first (cheap); the type word before and the date after are then matched in place.
# "Nghị quyết số", "Chỉ thị", "Quy chế làm việc số": the nearest type word, then a few words and "số".
_BETWEEN_RE = re.compile(r"(?:(?:\s+[^\s,;.:()]+){0,4}?\s+số\s*:?)?\s*$", re.IGNORECASE)
_DATE_AFTER_RE = re.compile(
    r"\s*,?\s*ngày\s*(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})",
    re.IGNORECASE,
)
_LOOK_BEHIND = 40
_RELATIONS = (
    ("tiếp tục triển khai thực hiện", "tiep_tuc_thuc_hien"),
    ("tiếp tục thực hiện", "tiep_tuc_thuc_hien"),
    ("sửa đổi, bổ sung", "sua_doi"),
    ("sửa đổi", "sua_doi"),
    ("bổ sung", "bo_sung"),
    ("thay thế", "thay_the"),
    ("bãi bỏ", "bai_bo"),
    ("căn cứ", "can_cu"),
    ("triển khai thực hiện", "thuc_hien"),
    ("thực hiện", "thuc_hien"),
)
_RELATION_RE = re.compile(
    "|".join(
        rf"(?P<r{index}>(?<!\w){re.escape(words)}(?!\w))"
        for index, (words, _) in enumerate(_RELATIONS)
    ),
    re.IGNORECASE,
)
# Between two mentions of one list: "của Thủ tướng Chính phủ và", ", ".
_COORDINATED = re.compile(
    r"(?:\s*(?:của|do)\s+[^,;.:()\n]{1,60}?)?\s*(?:,|và|,\s*và)\s*$", re.IGNORECASE
)
_WINDOW = 60  # characters before a mention where its relation word may stand
_CLAUSE_END = re.compile(r"[.;:!?\n]")
_TITLE_RE = re.compile(
    r"(?:\s*,?\s*(?:của|do)\s+[^,;.()]{1,80}?)?\s+(?P<title>về\s+[^;:()\"\n]{3,200}?)(?=[;:()\"\n]|\.(?:\s|$)|$)"
)


def find_references(body: RepairedText, title: RepairedText | None = None) -> list[Reference]:
    """The documents cited in the title and the body, each once, in order of first mention."""
    chosen: dict[tuple, Reference] = {}
    for mention in find_mentions(body, title):
        key = (mention.symbol, mention.issued_on)
        known = chosen.get(key)
        if known is None or known.relation == "trich_dan" and mention.relation != "trich_dan":
            chosen[key] = mention
    return sorted(chosen.values(), key=lambda reference: (reference.line, reference.start))


def find_mentions(body: RepairedText, title: RepairedText | None = None) -> list[Reference]:
    """Every mention, in the title (offsets 0: they are not in the body), then in the body."""
    mentions = _mentions(title, in_body=False) if title else []
    mentions += _mentions(body, in_body=True)
    _date_repeated_mentions(mentions)
    return mentions


def _mentions(body: RepairedText, in_body: bool) -> list[Reference]:
    references: list[Reference] = []
    text = body.text
    previous_end, previous_relation = None, None
    for match in SYMBOL_RE.finditer(text):
        symbol, start, end = match.group(), match.start(), match.end()
        kind_word = _kind_word_before(text, start)
        if kind_word:
            start = kind_word.start()
        date_after = _DATE_AFTER_RE.match(text, end)
        when = DATE_RE.search(date_after.group()) if date_after else None
        if date_after:
            end = date_after.end()
        title = _TITLE_RE.match(text, end)
        relation = _relation(text, start)
        if (
            relation == "trich_dan"
            and previous_end is not None
            and _COORDINATED.match(text, previous_end, start)
        ):
            relation = previous_relation  # "thực hiện Quyết định số ... và Nghị quyết số ...": both
        previous_end, previous_relation = end, relation
        references.append(
            Reference(
                symbol=symbol,
                issued_on=parse_date(when) if when else None,
                kind=kind_of_word(kind_word.group()) if kind_word else kind_of_symbol(symbol),
                relation=relation,
                line=body.line_at(match.start()),
                quote=text[start:end],
                start=start if in_body else 0,
                end=end if in_body else 0,
                title=title["title"].strip() if title else None,
            )
        )
    return references


def _kind_word_before(text: str, start: int) -> re.Match | None:
    last = None
    for last in KIND_WORD_RE.finditer(text, max(0, start - _LOOK_BEHIND), start):
        pass
    return last if last and _BETWEEN_RE.fullmatch(text, last.end(), start) else None


def _relation(text: str, start: int) -> str:
    window = text[max(0, start - _WINDOW) : start]
    clause_starts = [match.end() for match in _CLAUSE_END.finditer(window)]
    window = window[clause_starts[-1] :] if clause_starts else window
    found = None
    for match in _RELATION_RE.finditer(window):
        found = match
    if not found:
        return "trich_dan"
    return _RELATIONS[int(found.lastgroup[1:])][1]


def _date_repeated_mentions(references: list[Reference]) -> None:
    """ "Nghị quyết số 109-NQ/TU" after "Nghị quyết số 109-NQ/TU ngày 04/7/2016": the same document."""
    dates: dict[str, set] = {}
    for reference in references:
        if reference.issued_on:
            dates.setdefault(reference.symbol, set()).add(reference.issued_on)
    for reference in references:
        known = dates.get(reference.symbol, set())
        if reference.issued_on is None and len(known) == 1:
            reference.issued_on = next(iter(known))
