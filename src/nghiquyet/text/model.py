"""Plain data passed between the reading and extraction steps.

Everything here is framework-free: dataclasses of strings, numbers and dates,
so the same objects serve the command line, the Django import pipeline and
the tests. ``ParsedDocument.to_json()`` is the public contract of
``nghiquyet parse --json`` (see docs/architecture.md).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator, Literal

Comparator = Literal["eq", "gt", "gte", "lt", "lte", "approx"]
Recurrence = Literal["annual", "semiannual", "quarterly", "monthly", "weekly"]
AssignmentKind = Literal["implement", "monitor", "plan", "report"]
ReviewKind = Literal["so_ket", "tong_ket"]

DOCUMENT_KINDS = (
    "nghi_quyet", "chi_thi", "ket_luan", "ke_hoach", "chuong_trinh", "quyet_dinh",
    "quy_dinh", "quy_che", "huong_dan", "de_an", "bao_cao", "thong_bao", "cong_van", "khac",
)


@dataclass(frozen=True)
class Span:
    """A stretch of a ``RepairedText``: ``text == source.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class RepairedText:
    """The running text of one document after layout repair.

    ``text`` holds one logical paragraph per line ("\\n"-separated): hard wraps
    joined, page artefacts dropped, displaced blocks moved out. ``anchors`` maps
    offsets back to the input: a sorted list of ``(offset, input_line)`` pairs,
    one for every place where text taken from a new input line begins.
    Input lines are 1-based lines of the file as given.
    """

    text: str
    anchors: list[tuple[int, int]] = field(default_factory=list)

    def line_at(self, offset: int) -> int:
        """The 1-based input line that the character at ``offset`` came from."""
        if not self.anchors:
            return 1
        index = bisect.bisect_right(self.anchors, (offset, float("inf"))) - 1
        return self.anchors[max(index, 0)][1]

    def paragraphs(self) -> Iterator[Span]:
        start = 0
        for chunk in self.text.split("\n"):
            end = start + len(chunk)
            if chunk.strip():
                yield Span(start, end, chunk)
            start = end + 1


@dataclass
class OutlineNode:
    """One section of a document: "I-", "1.", "1.1.", "a)", "-" or "+" items."""

    label: str  # the marker as printed, without trailing punctuation: "I", "1", "1.1", "a", "-", "+"
    heading: str  # the heading line (or the item's first sentence)
    start: int  # offsets of the whole node (heading and body) in RepairedText.text
    end: int
    line: int
    children: list["OutlineNode"] = field(default_factory=list)

    def to_json(self, source: RepairedText) -> dict:
        body_start = min(self.end, self.start + len(self.heading))
        first_child = self.children[0].start if self.children else self.end
        return {
            "label": self.label,
            "heading": self.heading,
            "text": source.text[body_start:first_child].strip(),
            "line": self.line,
            "children": [child.to_json(source) for child in self.children],
        }


@dataclass
class Reference:
    """A mention of another document: "Nghị quyết số 57-NQ/TW ngày 22/12/2024"."""

    symbol: str | None
    issued_on: date | None
    kind: str | None  # one of DOCUMENT_KINDS when the type word is printed
    relation: str  # thuc_hien, tiep_tuc_thuc_hien, thay_the, sua_doi, bo_sung, bai_bo, can_cu, trich_dan
    line: int
    quote: str
    start: int = 0
    end: int = 0
    title: str | None = None  # "về ..." when the mention gives one

    def to_json(self) -> dict:
        return {
            "symbol": self.symbol,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "kind": self.kind,
            "relation": self.relation,
            "line": self.line,
            "quote": self.quote,
        }


@dataclass
class Target:
    """A quantitative target (chỉ tiêu)."""

    indicator: str
    value: float
    comparator: Comparator = "eq"
    value_max: float | None = None
    unit: str | None = None
    scope: str | None = None
    deadline: str | None = None  # PERIOD: "YYYY", "YYYY-Qn", "YYYY-MM" or "YYYY-MM-DD"
    recurrence: Recurrence | None = None
    baseline_value: float | None = None
    baseline_year: str | None = None
    line: int = 0
    quote: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 1.0

    def to_json(self) -> dict:
        baseline = None
        if self.baseline_value is not None:
            baseline = {"value": _number(self.baseline_value), "year": self.baseline_year}
        return {
            "indicator": self.indicator,
            "scope": self.scope,
            "value": _number(self.value),
            "value_max": _number(self.value_max),
            "unit": self.unit,
            "comparator": self.comparator,
            "deadline": self.deadline,
            "recurrence": self.recurrence,
            "baseline": baseline,
            "line": self.line,
            "quote": self.quote,
        }


@dataclass
class Assignment:
    """A duty given to one or more bodies: "Giao A chủ trì, phối hợp với B ..."."""

    lead: list[str]
    action: str
    partners: list[str] = field(default_factory=list)
    due: str | None = None
    recurrence: Recurrence | None = None
    report_to: str | None = None
    kind: AssignmentKind = "implement"
    line: int = 0
    quote: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 1.0

    def to_json(self) -> dict:
        return {
            "lead": list(self.lead),
            "partners": list(self.partners),
            "action": self.action,
            "due": self.due,
            "recurrence": self.recurrence,
            "report_to": self.report_to,
            "kind": self.kind,
            "line": self.line,
            "quote": self.quote,
        }


@dataclass
class Review:
    """An interim (sơ kết) or final (tổng kết) review of the document itself."""

    kind: ReviewKind
    due: str | None  # PERIOD, or "annual"
    line: int = 0
    quote: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 1.0

    def to_json(self) -> dict:
        return {"kind": self.kind, "due": self.due, "line": self.line, "quote": self.quote}


@dataclass
class Block:
    """Lines of a document that are not running text: header, title, recipients, signature, footnote.

    Layout repair moves them out of the body (a title block printed forty
    lines into the text, a "Nơi nhận" list inserted between two paragraphs);
    metadata is read from them.
    """

    role: str  # "header", "title", "recipients", "signature", "footnote"
    first_line: int
    last_line: int
    lines: list[str] = field(default_factory=list)  # the non-blank lines, stripped

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class SourceRef:
    file: str
    first_line: int
    last_line: int


@dataclass
class ParsedDocument:
    """One leadership document read from a file, with everything found in it."""

    source: SourceRef
    body: RepairedText
    kind: str = "khac"
    symbol: str | None = None
    issued_on: date | None = None
    place: str | None = None
    issuer: str | None = None  # "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", ...
    issuer_block: str | None = None  # the header's issuing organisation: "TỈNH ỦY BẮC GIANG"
    title: str | None = None  # the subject line, "về ..."
    signer: str | None = None
    signer_position: str | None = None
    recipients: list[str] = field(default_factory=list)
    secret: bool = False
    dissemination: str | None = None  # "phổ biến đến chi bộ"
    outline: list[OutlineNode] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # what layout repair moved out of the body

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "symbol": self.symbol,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "issuer": self.issuer,
            "title": self.title,
            "signer": self.signer,
            "signer_position": self.signer_position,
            "secret": self.secret,
            "recipients": list(self.recipients),
            "dissemination": self.dissemination,
            "source": {
                "file": self.source.file,
                "first_line": self.source.first_line,
                "last_line": self.source.last_line,
            },
            "outline": [node.to_json(self.body) for node in self.outline],
            "references": [ref.to_json() for ref in self.references],
            "targets": [item.to_json() for item in self.targets],
            "assignments": [item.to_json() for item in self.assignments],
            "reviews": [item.to_json() for item in self.reviews],
        }


@dataclass
class AbsentDocument:
    """A document a table of contents lists but the file does not contain."""

    symbol: str | None
    title: str | None
    issued_on: date | None = None
    kind: str | None = None
    reason: str = ""
    secret: bool = False  # the table of contents says it is a secret document
    issuer: str | None = None

    def to_json(self) -> dict:
        return {
            "symbol": self.symbol,
            "title": self.title,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "kind": self.kind,
            "issuer": self.issuer,
            "secret": self.secret,
            "reason": self.reason,
        }


@dataclass
class ParseResult:
    documents: list[ParsedDocument] = field(default_factory=list)
    absent: list[AbsentDocument] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "documents": [doc.to_json() for doc in self.documents],
            "absent": [doc.to_json() for doc in self.absent],
        }


def _number(value: float | None) -> float | int | None:
    """JSON numbers as people write them: 100 rather than 100.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
