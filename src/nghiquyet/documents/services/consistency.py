"""Find figures that disagree across the register, or do not add up.

1. The same indicator (its folded name and unit, and the same scope) given
   different values for the same deadline in different documents (hospital
   beds 31,7 vs 34,5 per 10,000 people), or the same value with different
   deadlines.
2. Shares that should make a whole: a structure ("Cơ cấu kinh tế: Công
   nghiệp - xây dựng 68,4%; Dịch vụ 20,6%; ...", or parallel "lĩnh vực ..."
   shares) must sum to 100%; parts listed after a total ("..., trong đó ...",
   "gồm ...") must not exceed it (or, after "gồm", equal it).

Only the documents the caller passes are compared: a view passes the user's
scoped documents, so no finding reveals a document the user may not read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from nghiquyet.text.normalize import fold

from ..models import Document, ExtractedItem
from ..numbers import NUMBER_PATTERN, format_number, parse_number

SIMILAR = 0.6  # Jaccard similarity of indicator words that counts as "the same indicator"
TOLERANCE = Decimal("0.5")  # rounding slack when shares are summed (percentage points)

# Words that do not tell indicators apart ("tỷ lệ", "số", "đạt" ...), folded.
_FILLER = {"ty", "le", "so", "dat", "tren", "duoi", "khoang", "cua", "cac", "nhung", "muc", "phan", "dau",
           "tong", "toan", "tinh", "nam", "den", "bq", "binh", "quan", "hang", "it", "nhat", "toi", "thieu"}
_PARENTHESES = re.compile(r"\([^)]*\)")
_PER_TEN_THOUSAND = re.compile(r"\b(?:1|10\.000|10000)\s+van\b|\b10\.000\b")
_WORDS = re.compile(r"[a-z]+")
_NUMBER = NUMBER_PATTERN
_SHARE = re.compile(rf"(?P<label>[^;:%]*?)\s*(?:khoảng|đạt|chiếm)?\s*(?P<value>{_NUMBER})\s*%")
_STRUCTURE = re.compile(r"(?:cơ cấu|tỷ trọng)[^.;:]{0,60}:\s*", re.IGNORECASE)
_SECTOR_HEADS = ("lĩnh vực", "khu vực", "ngành")
_TOTAL_PARTS = re.compile(
    rf"(?P<total>{_NUMBER})\s+(?P<unit>[^\W\d]+)[^.;]{{0,80}}?[,;(]\s*(?P<how>trong đó|bao gồm|gồm)\s*:?(?P<rest>[^.]*)",
    re.IGNORECASE,
)


@dataclass
class Entry:
    document: Document
    line: int
    quote: str
    figure: str


@dataclass
class Finding:
    kind: str  # "value", "deadline", "sum", "parts"
    title: str
    detail: str
    entries: list[Entry] = field(default_factory=list)


# -- the same indicator, different figures ---------------------------------------------------


def indicator_words(item: ExtractedItem) -> frozenset[str]:
    text = fold(_PARENTHESES.sub(" ", item.fields.get("indicator") or ""))
    unit = fold(item.fields.get("unit") or "")
    text = _PER_TEN_THOUSAND.sub(" van ", f"{text} {unit}")
    return frozenset(word for word in _WORDS.findall(text) if word not in _FILLER)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _figure(fields: dict) -> tuple:
    return (fields.get("value"), fields.get("value_max"))


def _when(fields: dict) -> tuple:
    return (fields.get("deadline"), fields.get("recurrence"))


def _figure_label(fields: dict) -> str:
    value = format_number(fields.get("value"))
    if fields.get("value_max") is not None:
        value = f"{value}-{format_number(fields['value_max'])}"
    unit = fields.get("unit") or ""
    when = fields.get("deadline") or fields.get("recurrence") or _("không rõ thời hạn")
    return f"{value}{'' if unit == '%' else ' '}{unit} ({when})"


def indicator_conflicts(items: list[ExtractedItem]) -> list[Finding]:
    """Clusters of the same indicator whose figures disagree between documents."""
    words = [indicator_words(item) for item in items]
    scope = [fold(item.fields.get("scope") or "") for item in items]
    percent = [(item.fields.get("unit") or "").strip() == "%" for item in items]
    index: dict[str, list[int]] = defaultdict(list)
    for position, item_words in enumerate(words):
        for word in item_words:
            index[word].append(position)
    parent = list(range(len(items)))

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    for position, item_words in enumerate(words):
        candidates = {other for word in item_words for other in index[word] if other > position}
        for other in candidates:
            if (scope[position], percent[position]) != (scope[other], percent[other]):
                continue
            if similarity(item_words, words[other]) >= SIMILAR:
                parent[root(other)] = root(position)
    clusters: dict[int, list[ExtractedItem]] = defaultdict(list)
    for position, item in enumerate(items):
        clusters[root(position)].append(item)
    findings = []
    for cluster in clusters.values():
        if len({item.document_id for item in cluster}) > 1:
            findings += _disagreements(cluster)
    return findings


def _disagreements(cluster: list[ExtractedItem]) -> list[Finding]:
    findings = []
    name = cluster[0].fields.get("indicator") or cluster[0].quote[:80]
    for key, grouping, other, kind, title in (
        (_when, "deadline", _figure, "value", _("Cùng chỉ tiêu, cùng thời hạn nhưng khác giá trị")),
        (_figure, "value", _when, "deadline", _("Cùng chỉ tiêu, cùng giá trị nhưng khác thời hạn")),
    ):
        groups: dict[tuple, list[ExtractedItem]] = defaultdict(list)
        for item in cluster:
            if key(item.fields) != (None, None):
                groups[key(item.fields)].append(item)
        for members in groups.values():
            documents = {item.document_id for item in members}
            if len(documents) > 1 and len({other(item.fields) for item in members}) > 1:
                findings.append(Finding(kind, title, name, [
                    Entry(item.document, item.line, item.quote, _figure_label(item.fields)) for item in members
                ]))
    return findings


# -- figures that do not add up --------------------------------------------------------------


def _sentences(text: str):
    """(offset, sentence) pairs: paragraphs cut at full stops."""
    offset = 0
    for paragraph in text.split("\n"):
        for match in re.finditer(r"[^.]+(?:\.(?!\d)|$)", paragraph):
            yield offset + match.start(), match.group()
        offset += len(paragraph) + 1


def share_sums(text: str) -> list[tuple[int, str, Decimal]]:
    """Structures whose shares do not sum to 100%: (offset, sentence, sum)."""
    problems = []
    for offset, sentence in _sentences(text):
        shares = _structure_shares(sentence)
        if len(shares) >= 2:
            total = sum(shares, Decimal(0))
            if abs(total - 100) > TOLERANCE:
                problems.append((offset, sentence.strip(), total))
    return problems


def _structure_shares(sentence: str) -> list[Decimal]:
    structure = _STRUCTURE.search(sentence)
    if structure:
        segments = sentence[structure.end():].split(";")
    else:
        segments = sentence.split(";")
        heads = [_sector_head(segment) for segment in segments]
        sector_run = [segment for segment, head in zip(segments, heads) if head]
        if len(sector_run) < 3:
            return []
        segments = sector_run
    shares = []
    for segment in segments:
        found = _SHARE.findall(segment)
        if len(found) != 1:
            break
        shares.append(parse_number(found[0][1]))
    return [share for share in shares if share is not None]


def _sector_head(segment: str) -> bool:
    folded = segment.strip().lower()
    return any(f" {head} " in f" {folded} " for head in _SECTOR_HEADS) and "%" in folded


def parts_exceeding(text: str) -> list[tuple[int, str, Decimal, Decimal]]:
    """A total with its parts that add up to more (or, after "gồm", to something else)."""
    problems = []
    for offset, sentence in _sentences(text):
        for match in _TOTAL_PARTS.finditer(sentence):
            unit = match["unit"].lower()
            if unit == "%":
                continue
            parts = [parse_number(number) for number, part_unit in
                     re.findall(rf"({_NUMBER})\s+([^\W\d]+)", match["rest"]) if part_unit.lower() == unit]
            parts = [part for part in parts if part is not None]
            total = parse_number(match["total"])
            if len(parts) < 2 or total is None:
                continue
            summed = sum(parts, Decimal(0))
            exhaustive = match["how"].lower() != "trong đó"
            if summed > total or (exhaustive and summed != total):
                problems.append((offset, sentence.strip(), total, summed))
    return problems


def sum_findings(documents) -> list[Finding]:
    findings = []
    for document in documents:
        for offset, sentence, total in share_sums(document.text):
            findings.append(Finding(
                "sum", _("Các tỷ lệ thành phần không cộng lại bằng 100%"),
                _("Tổng các tỷ lệ là %(sum)s%%.") % {"sum": format_number(total)},
                [Entry(document, document.line_at(offset) or 0, sentence, f"{format_number(total)}%")],
            ))
        for offset, sentence, total, summed in parts_exceeding(document.text):
            findings.append(Finding(
                "parts", _("Tổng các phần không khớp với số tổng"),
                _("Số tổng %(total)s, cộng các phần được %(sum)s.") % {"total": format_number(total), "sum": format_number(summed)},
                [Entry(document, document.line_at(offset) or 0, sentence, format_number(summed))],
            ))
    return findings


def check(documents) -> list[Finding]:
    """Every finding over ``documents`` (a queryset the caller has scoped)."""
    documents = documents.filter(is_placeholder=False)
    items = list(
        ExtractedItem.objects.filter(document__in=documents, type=ExtractedItem.Type.TARGET)
        .exclude(status=ExtractedItem.Status.REJECTED)
        .select_related("document")
        .order_by("document__issued_on", "document_id", "start")
    )
    findings = indicator_conflicts(items)
    findings += sum_findings(documents.only("pk", "text", "anchors", "first_line", "kind", "symbol", "issued_on", "title"))
    return findings
