"""Building small documents for tests: paragraphs given as lines of a file."""

from datetime import date

from nghiquyet.text.model import ParsedDocument, RepairedText, SourceRef


def document(text: str, *, issued_on: date | None = date(2021, 6, 15), title: str | None = None,
             first_line: int = 1) -> ParsedDocument:
    """A document whose paragraphs are the non-empty lines of ``text``, one input line each."""
    paragraphs = [line.strip() for line in text.strip().splitlines() if line.strip()]
    body = ""
    anchors = []
    for number, paragraph in enumerate(paragraphs, start=first_line):
        if body:
            body += "\n"
        anchors.append((len(body), number))
        body += paragraph
    return ParsedDocument(
        source=SourceRef("test.txt", first_line, first_line + len(paragraphs) - 1),
        body=RepairedText(body, anchors), issued_on=issued_on, title=title,
    )
