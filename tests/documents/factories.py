"""Builders of reader output (the ``nghiquyet.text.model`` contract) and of
register records, for tests that need exact, hand-checked content."""

from __future__ import annotations

import datetime

from nghiquyet.documents.models import Document, ExtractedItem
from nghiquyet.documents.services.importing import ImportReport, store_result
from nghiquyet.text.model import (
    Assignment,
    OutlineNode,
    ParsedDocument,
    ParseResult,
    Reference,
    RepairedText,
    Review,
    SourceRef,
    Target,
)


class Text:
    """Paragraphs of a document body, with the original line of each."""

    def __init__(self, *paragraphs: str, first_line: int = 10):
        self.paragraphs = list(paragraphs)
        self.first_line = first_line
        self.text = "\n".join(paragraphs)
        offset, self.anchors = 0, []
        for index, paragraph in enumerate(paragraphs):
            self.anchors.append((offset, first_line + 2 * index))
            offset += len(paragraph) + 1

    def body(self) -> RepairedText:
        return RepairedText(self.text, list(self.anchors))

    def span(self, quote: str) -> dict:
        start = self.text.index(quote)
        return {"start": start, "end": start + len(quote), "quote": quote, "line": self.body().line_at(start)}

    def target(self, quote: str, **fields) -> Target:
        return Target(**fields, **self.span(quote))

    def assignment(self, quote: str, **fields) -> Assignment:
        return Assignment(**fields, **self.span(quote))

    def review(self, quote: str, **fields) -> Review:
        return Review(**fields, **self.span(quote))

    def reference(self, quote: str, symbol: str, issued_on=None, relation="thuc_hien", kind=None) -> Reference:
        span = self.span(quote)
        return Reference(symbol=symbol, issued_on=issued_on, kind=kind, relation=relation, line=span["line"],
                         quote=quote, start=span["start"], end=span["end"])

    def outline(self, label: str, heading: str) -> OutlineNode:
        span = self.span(heading)
        return OutlineNode(label=label, heading=heading, start=span["start"], end=span["end"], line=span["line"])


def parsed(text: Text | None = None, *, symbol="45-KH/HU", issued_on=datetime.date(2021, 7, 20), kind="ke_hoach",
           issuer="Huyện ủy", issuer_block="HUYỆN ỦY YÊN THẾ", title="thực hiện Nghị quyết về chuyển đổi số",
           filename="van-ban.txt", **extra) -> ParsedDocument:
    text = text or Text("Mở đầu văn bản.")
    last_line = text.anchors[-1][1] if text.anchors else text.first_line
    return ParsedDocument(
        source=SourceRef(filename, text.first_line, last_line), body=text.body(), kind=kind, symbol=symbol,
        issued_on=issued_on, issuer=issuer, issuer_block=issuer_block, title=title, **extra,
    )


def store(*documents: ParsedDocument, user=None, data: bytes | None = None, filename="van-ban.txt",
          absent=(), progress=None) -> ImportReport:
    """Store reader output as an import of one file would."""
    data = data if data is not None else "\n\n".join(doc.body.text for doc in documents).encode()
    return store_result(ParseResult(list(documents), list(absent)), data, filename, user, progress)


def district_plan(**extra) -> ParsedDocument:
    """A district plan with one of each kind of item and two references."""
    text = Text(
        "Thực hiện Nghị quyết số 111-NQ/TU ngày 11/6/2021 của Tỉnh ủy về chuyển đổi số.",
        "I. MỤC TIÊU",
        "Phấn đấu đến năm 2025, tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 90%.",
        "II. TỔ CHỨC THỰC HIỆN",
        "Giao Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi, đôn đốc; "
        "định kỳ báo cáo Ban Thường vụ Huyện ủy vào tháng 12 hằng năm.",
        "Các đảng ủy xã xây dựng kế hoạch thực hiện, hoàn thành trong tháng 9/2021.",
        "Ban Thường vụ Huyện ủy sơ kết vào quý II/2023, tổng kết vào quý IV/2025.",
        "Kế hoạch này thay thế Kế hoạch số 12-KH/HU ngày 05/3/2019 của Ban Thường vụ Huyện ủy.",
    )
    document = parsed(text, **extra)
    document.outline = [text.outline("I", "I. MỤC TIÊU"), text.outline("II", "II. TỔ CHỨC THỰC HIỆN")]
    document.references = [
        text.reference("Nghị quyết số 111-NQ/TU ngày 11/6/2021", "111-NQ/TU", datetime.date(2021, 6, 11), kind="nghi_quyet"),
        text.reference("Kế hoạch số 12-KH/HU ngày 05/3/2019", "12-KH/HU", datetime.date(2019, 3, 5), relation="thay_the"),
    ]
    document.targets = [text.target(
        "tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 90%",
        indicator="Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", value=90, unit="%", deadline="2025",
        confidence=0.95,
    )]
    document.assignments = [
        text.assignment(
            "Giao Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi, đôn đốc; "
            "định kỳ báo cáo Ban Thường vụ Huyện ủy vào tháng 12 hằng năm.",
            lead=["Ban Tuyên giáo Huyện ủy"], partners=["Văn phòng Huyện ủy"], action="theo dõi, đôn đốc",
            due="2021-12", recurrence="annual", report_to="Ban Thường vụ Huyện ủy", kind="monitor", confidence=0.92,
        ),
        text.assignment(
            "Các đảng ủy xã xây dựng kế hoạch thực hiện, hoàn thành trong tháng 9/2021.",
            lead=["Các đảng ủy xã"], action="xây dựng kế hoạch thực hiện", due="2021-09", kind="plan",
            confidence=0.7,
        ),
    ]
    document.reviews = [
        text.review("sơ kết vào quý II/2023", kind="so_ket", due="2023-Q2", confidence=0.97),
        text.review("tổng kết vào quý IV/2025", kind="tong_ket", due="2025-Q4", confidence=0.97),
    ]
    return document


def items_of(document: Document, item_type: str) -> list[ExtractedItem]:
    return list(document.items.filter(type=item_type).order_by("start"))
