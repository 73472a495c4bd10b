"""Find figures that disagree across the register, or do not add up.

1. The same indicator (the same head words and most other words of its
   name, the same scope and unit) given different values for the same
   deadline (hospital beds 31,7 vs 34,5 per 10,000 people; certified trained
   labour 25,1% vs 27%), or the same value with different deadlines in
   different documents.
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
from itertools import combinations
from decimal import Decimal

from django.utils.translation import gettext as _

from nghiquyet.text.normalize import fold, match_key, nfc

from ..models import Document, ExtractedItem
from ..numbers import NUMBER_PATTERN, format_number, parse_number

SIMILAR = 0.5  # Jaccard similarity of indicator words that, with the same head, makes "the same indicator"
TOLERANCE = Decimal("0.5")  # rounding slack when shares are summed (percentage points)

# Words that do not tell indicators apart ("tỷ lệ", "số", "đạt" ...), as match keys.
_FILLER = frozenset(match_key(word) for word in (
    "số tỷ lệ đạt trên dưới khoảng của các những phấn đấu tổng toàn tỉnh năm đến bình quân hằng hàng "
    "ít nhất tối thiểu từ trở lên có được và"
).split())
# "giường bệnh/1 vạn dân" = "giường bệnh/10.000 dân" = "giường bệnh/vạn dân"
_PER_TEN_THOUSAND = re.compile(r"\b(?:1\s+vạn|10\.?000)\b")
_WORDS = re.compile(r"\w+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PARENTHESES = re.compile(r"\([^)]*\)")
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


@dataclass(frozen=True)
class Signature:
    """What makes two targets "the same indicator": its words (the first two
    of them, its head, in order), its scope and its unit of measure."""

    words: frozenset[str]
    head: tuple[str, ...]
    scope: str
    unit: frozenset[str]
    percent: bool

    @classmethod
    def of(cls, item: ExtractedItem) -> "Signature":
        unit = (item.fields.get("unit") or "").strip()
        words = _words(_PARENTHESES.sub(" ", item.fields.get("indicator") or ""))
        return cls(
            words=frozenset(words) | frozenset(_words(unit)),
            head=tuple(words[:2]),
            scope=fold(item.fields.get("scope") or ""),
            unit=frozenset(_words(unit)),
            percent=unit in ("%", "‰"),
        )

    def matches(self, other: "Signature") -> bool:
        if len(self.head) < 2 or (self.head, self.scope, self.percent) != (other.head, other.scope, other.percent):
            return False
        # Units agree when one names the other ("giường" and "giường bệnh"), or neither has one.
        if not (self.unit <= other.unit or other.unit <= self.unit):
            return False
        # "lao động qua đào tạo có văn bằng, chứng chỉ" is a narrower indicator than
        # "lao động qua đào tạo", not the same one.
        narrower = len(self.words - other.words) >= 2 and not other.words - self.words
        broader = len(other.words - self.words) >= 2 and not self.words - other.words
        return not (narrower or broader) and similarity(self.words, other.words) >= SIMILAR


def _words(text: str) -> list[str]:
    """Content words in order, each as its match key, without years and filler."""
    text = _PER_TEN_THOUSAND.sub("vạn", nfc(text).lower())
    keys = (match_key(word) for word in _WORDS.findall(text))
    return [key for key in keys if key not in _FILLER and not _YEAR.fullmatch(key)]


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _figure(fields: dict) -> tuple:
    return (fields.get("value"), fields.get("value_max"))


def _deadline(fields: dict) -> tuple:
    return (fields.get("deadline"),)


def _figure_label(fields: dict) -> str:
    value = format_number(fields.get("value"))
    if fields.get("value_max") is not None:
        value = f"{value}-{format_number(fields['value_max'])}"
    unit = fields.get("unit") or ""
    when = fields.get("deadline") or fields.get("recurrence") or _("không rõ thời hạn")
    return f"{value}{'' if unit == '%' else ' '}{unit} ({when})"


def indicator_groups(items: list[ExtractedItem]) -> list[list[ExtractedItem]]:
    """Items grouped by indicator: an item joins a group only when it matches
    every member, so a chain of near-matches cannot pull two indicators together."""
    signatures = [Signature.of(item) for item in items]
    by_head: dict[tuple, list[list[int]]] = defaultdict(list)
    for position, signature in enumerate(signatures):
        groups = by_head[signature.head]
        home = next((group for group in groups if all(signatures[m].matches(signature) for m in group)), None)
        if home is None:
            home = []
            groups.append(home)
        home.append(position)
    return [[items[position] for position in group] for groups in by_head.values() for group in groups]


def indicator_conflicts(items: list[ExtractedItem]) -> list[Finding]:
    """The same indicator with different figures (or deadlines)."""
    return [finding for group in indicator_groups(items) if len(group) > 1 for finding in _disagreements(group)]


def _disagreements(group: list[ExtractedItem]) -> list[Finding]:
    """For one deadline, different figures (in two documents, or in two parts
    of one: 003 gives hospital beds as 31,7 and 34,5 in one programme); for one
    figure, different deadlines in documents that never say the other's (a
    document listing a yearly target under both its 2025 and 2030 goals
    agrees with one giving it for 2025)."""
    findings = []
    name = group[0].fields.get("indicator") or group[0].quote[:80]
    # A figure without a deadline neither conflicts nor agrees on deadlines.
    dated = [item for item in group if item.fields.get("deadline") and item.fields.get("value") is not None]
    for members in _grouped(dated, _deadline).values():
        if any(_figure(a.fields) != _figure(b.fields) and _place(a) != _place(b) for a, b in combinations(members, 2)):
            findings.append(_finding("value", _("Cùng chỉ tiêu, cùng thời hạn nhưng khác giá trị"), name, members))
    for members in _grouped(dated, _figure).values():
        said: dict[int, set] = defaultdict(set)
        for item in members:
            said[item.document_id].add(_deadline(item.fields))
        if any(not a & b for a, b in combinations(said.values(), 2)):
            findings.append(_finding("deadline", _("Cùng chỉ tiêu, cùng giá trị nhưng khác thời hạn"), name, members))
    return findings


def _place(item: ExtractedItem) -> tuple[int, int]:
    """The document and its top-level part ("II. MỤC TIÊU") an item stands in.
    Two figures of one part are usually a list whose scopes the extractor
    did not tell apart; two parts giving different figures contradict."""
    part = next((index for index, node in enumerate(item.document.outline)
                 if node.get("start", 0) <= item.start < node.get("end", 0)), -1)
    return item.document_id, part


def _grouped(items: list[ExtractedItem], key) -> dict[tuple, list[ExtractedItem]]:
    groups: dict[tuple, list[ExtractedItem]] = defaultdict(list)
    for item in items:
        groups[key(item.fields)].append(item)
    return groups


def _finding(kind: str, title: str, name: str, members: list[ExtractedItem]) -> Finding:
    return Finding(kind, title, name, [Entry(item.document, item.line, item.quote, _figure_label(item.fields))
                                       for item in members])


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
        .defer("document__text", "document__anchors", "document__folded", "document__warnings")
        .order_by("document__issued_on", "document_id", "start")
    )
    findings = indicator_conflicts(items)
    findings += sum_findings(documents.only("pk", "text", "anchors", "first_line", "kind", "symbol", "issued_on", "title"))
    return findings
