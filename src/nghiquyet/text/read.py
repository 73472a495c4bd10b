"""The reading pipeline: a file in, documents with metadata, outline, references and commitments out.

decoding → normalisation (``repair_line``, line by line, so line numbers
stay those of the input) → splitting into documents and reading any table
of contents → per document: roles of lines (``layout.anatomy``), running text
(``layout.repair``), metadata, outline, references, then the commitments
(``commitments.extract``). Line numbers everywhere are 1-based lines of the
input as given.

``parse_file`` and ``parse_bytes`` read uploaded files and refuse a text that
is not a leadership document; ``parse_text`` reads text typed into the
application (a plan without its header) and accepts it as one document.
"""

from __future__ import annotations

import os
from pathlib import Path

from nghiquyet.text.commitments import extract as extract_commitments
from nghiquyet.text.contents import ContentsEntry, read_contents, title_key
from nghiquyet.text.decoding import MAX_BYTES, decode, read_path, text_lines
from nghiquyet.text.errors import DocumentReadError
from nghiquyet.text.layout import anatomy, joined_text, repair
from nghiquyet.text.metadata import apply_contents, read_metadata
from nghiquyet.text.model import AbsentDocument, ParsedDocument, ParseResult, SourceRef
from nghiquyet.text.normalize import repair_line
from nghiquyet.text.outline import build_outline
from nghiquyet.text.patterns import SEPARATOR_RE
from nghiquyet.text.references import find_references
from nghiquyet.text.source import SourceLines
from nghiquyet.text.split import document_spans, outside_lines

NOT_IN_FILE = "Có trong mục lục nhưng không có trong tệp"


def parse_file(path: str | os.PathLike, *, commitments: bool = True) -> ParseResult:
    return parse_lines(read_path(path).lines, Path(path).name, commitments=commitments)


def parse_bytes(data: bytes, filename: str, *, commitments: bool = True) -> ParseResult:
    return parse_lines(decode(data, filename).lines, filename, commitments=commitments)


def parse_text(
    text: str, filename: str = "văn bản nhập tay", *, strict: bool = False, commitments: bool = True
) -> ParseResult:
    """Read text typed or pasted into the application."""
    if len(text) > MAX_BYTES:
        raise DocumentReadError(
            f"Văn bản quá dài: chỉ nhận đến {MAX_BYTES // 1024 // 1024} MB.", code="too_big"
        )
    if not text.strip():
        raise DocumentReadError("Văn bản rỗng: không có nội dung để đọc.", code="empty")
    return parse_lines(text_lines(text), filename, strict=strict, commitments=commitments)


def parse_lines(
    lines: list[str], filename: str, *, strict: bool = True, commitments: bool = True
) -> ParseResult:
    """Everything the reader finds in ``lines``; ``commitments=False`` stops before extraction
    (metadata, structure and references only: a quick look at a file)."""
    source = SourceLines.from_lines([repair_line(line) for line in lines])
    spans = document_spans(source)
    documents = [read_document(source, first, last, filename) for first, last in spans]
    if strict and not any(_is_leadership_document(document) for document in documents):
        raise DocumentReadError(
            f"«{filename}» không có dấu hiệu của một văn bản lãnh đạo, chỉ đạo (không thấy số, "
            "ký hiệu, tiêu đề loại văn bản, chữ ký hay nơi nhận).",
            code="not_a_document",
        )
    contents = read_contents(source, outside_lines(source, spans))
    absent = _match_contents(documents, contents)
    for document in documents if commitments else ():
        extract_commitments(document)
    return ParseResult(documents, absent)


def read_document(source: SourceLines, first: int, last: int, filename: str) -> ParsedDocument:
    """Everything about the document on lines ``first``..``last`` (0-based), commitments aside."""
    parts = anatomy(source, first, last)
    body = repair(source, parts)
    document = ParsedDocument(source=SourceRef(filename, source.number(first), source.number(last)), body=body)
    read_metadata(document, source, parts)
    document.blocks = parts.blocks(source)
    document.outline = build_outline(body)
    title = joined_text(
        source, [i for i in parts.lines(source, "title") if not SEPARATOR_RE.match(source.text[i])]
    )
    document.references = [
        reference
        for reference in find_references(body, title)
        if not (
            reference.symbol == document.symbol
            and reference.issued_on in (None, document.issued_on)
        )
    ]
    return document


def _is_leadership_document(document: ParsedDocument) -> bool:
    roles = {block.role for block in document.blocks}
    return bool(document.symbol or {"title", "signature", "recipients"} & roles)


def _match_contents(
    documents: list[ParsedDocument], contents: list[ContentsEntry]
) -> list[AbsentDocument]:
    """Give documents what their entry knows; return the entries no document answers."""
    absent = []
    for entry in contents:
        document = _document_for(entry, documents)
        if document is not None:
            apply_contents(document, entry)
            continue
        absent.append(
            AbsentDocument(
                symbol=entry.symbol,
                title=entry.title,
                issued_on=entry.issued_on,
                kind=entry.kind,
                reason=entry.note or NOT_IN_FILE,
                secret=bool(entry.note and "mật" in entry.note.lower()),
                issuer=entry.issuer,
            )
        )
    return absent


def _document_for(entry: ContentsEntry, documents: list[ParsedDocument]) -> ParsedDocument | None:
    """The document an entry lists: same symbol and date; a date missing on one side matches a
    unique symbol; a document printed without number matches by its title."""
    same_symbol = [document for document in documents if document.symbol == entry.symbol]
    for document in same_symbol:
        if document.issued_on == entry.issued_on:
            return document
    undated = [d for d in same_symbol if d.issued_on is None or entry.issued_on is None]
    if len(same_symbol) == 1 and undated:
        return undated[0]
    if entry.title and not same_symbol:
        key = title_key(entry.title)
        unnumbered = [d for d in documents if d.symbol is None and d.title and title_key(d.title) == key]
        return unnumbered[0] if len(unnumbered) == 1 else None
    return None
