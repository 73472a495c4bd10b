"""A rough reader of the seed files, used only while the real reader is not on main.

It splits 003 at its document headers, drops title blocks, page numbers,
"Nơi nhận" lists and signatures, and joins wrapped lines into paragraphs.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from nghiquyet.text.model import ParsedDocument, RepairedText, SourceRef

_KIND_LINE = re.compile(r"^\s*(NGHỊ QUYẾT|CHỈ THỊ|KẾ HOẠCH|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|KẾT LUẬN|QUY ĐỊNH|ĐỀ ÁN|QUY CHẾ)\s*$")
_MARKER = re.compile(r"^\s*(?:[IVX]+\s*[.\-]|[A-Z]\.\s|\d{1,2}(?:\.\d{1,2})*\s*[.\-)]|\(\d{1,2}\)|[-+*•]\s|[a-zđ]\))")
_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")


def read_seed(path: Path) -> list[ParsedDocument]:
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = [i for i, line in enumerate(lines) if line.strip() == "TỈNH ỦY BẮC GIANG" and i > 0]
    if not starts:
        return [_document(path, lines, 0, len(lines))]
    bounds = list(zip(starts, starts[1:] + [len(lines)]))
    return [_document(path, lines, start, end) for start, end in bounds]


def _document(path: Path, lines: list[str], start: int, end: int) -> ParsedDocument:
    symbol = issued = None
    title_lines: list[str] = []
    body_lines: list[tuple[int, str]] = []
    in_title = in_recipients = in_signature = False
    header_done = start == 0
    for index in range(start, end):
        line = lines[index]
        text = line.strip()
        if not header_done:
            if text.startswith("Số "):
                symbol = text[3:].strip()
            match = _DATE.search(text)
            if match and text.startswith("Bắc Giang"):
                issued = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
                header_done = True
            continue
        if _KIND_LINE.match(text):
            in_title = True
            continue
        if in_title:
            if text.startswith("-----"):
                in_title = False
            elif text and not text.startswith("CỦA "):
                title_lines.append(text)
            continue
        if text.startswith("-----"):
            in_title = False
            continue
        if text.startswith("Nơi nhận"):
            in_recipients = True
            continue
        if in_recipients:
            if text.startswith("-") or not text or "(báo cáo)" in text:
                continue
            in_recipients = False
        if re.match(r"^(T/M|BÍ THƯ|\(đã ký\)|PHÓ BÍ THƯ)", text):
            in_signature = True
            continue
        if in_signature:
            continue
        if re.fullmatch(r"\d{1,3}", text) or text == "*":
            continue
        body_lines.append((index + 1, line))
    body = _join(body_lines)
    title = " ".join(title_lines) or None
    return ParsedDocument(
        source=SourceRef(path.name, start + 1, end), body=body, symbol=symbol, issued_on=issued, title=title,
    )


def _join(body_lines: list[tuple[int, str]]) -> RepairedText:
    text = ""
    anchors: list[tuple[int, int]] = []
    previous = ""
    for number, line in body_lines:
        stripped = line.strip()
        if not stripped:
            continue
        new_paragraph = (
            not text
            or _MARKER.match(stripped) is not None
            or (re.search(r"[.:;!?]\s*$", previous) and stripped[:1].isupper())
            or (len(previous) < 60 and stripped[:1].isupper())
            or previous.isupper()
        )
        if new_paragraph and text:
            text += "\n"
        elif text and not (previous.endswith("-") and stripped[:1].isdigit()):
            text += " "
        anchors.append((len(text), number))
        text += stripped
        previous = stripped
    return RepairedText(text, anchors)
