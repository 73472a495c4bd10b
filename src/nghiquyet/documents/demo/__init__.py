"""Demo documents: the team's own sample corpus, plus the seed files when present.

``load`` (called by ``nghiquyet loaddemo``) imports them and accepts the
extracted items the extractor is confident about. It is idempotent: an
import finds its documents again, and accepted items stay accepted.

The corpus is written for this project: a district plan implementing a
provincial resolution, a commune plan implementing the district plan, a
directive of a district standing board and a secret conclusion notice. The
directive is delivered as Word: its ``.docx.txt`` source becomes a ``.docx``
at load time, with the header and signature blocks as layout tables and the
assignment table as a real table, the way such files are typed.
"""

from __future__ import annotations

import io
from pathlib import Path

from nghiquyet.core.seeds import find_seeds_dir

CORPUS = Path(__file__).resolve().parent / "corpus"
MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"


def corpus_files() -> list[tuple[str, bytes]]:
    files = []
    for path in sorted(CORPUS.iterdir()):
        if path.name.endswith(".docx.txt"):
            files.append((path.name.removesuffix(".txt"), docx_from_text(path.read_text(encoding="utf-8"))))
        elif path.suffix == ".txt":
            files.append((path.name, path.read_bytes()))
    return files


def seed_files(folder: str | None = None) -> list[tuple[str, bytes]]:
    seeds = Path(folder) if folder else find_seeds_dir()
    if seeds is None or not seeds.is_dir():
        return []
    return [(path.name, path.read_bytes()) for path in sorted(seeds.iterdir()) if path.is_file()]


def docx_from_text(text: str) -> bytes:
    """A Word file laid out like a printed Party document.

    The lines before the motto form the header's left cell (issuing body,
    symbol), the motto and the place-and-date line its right cell; from
    "Nơi nhận:" on, the recipients go left and the signature right; lines
    with " | " are rows of a table; every other line is a paragraph.
    """
    from docx import Document as WordDocument

    lines = text.splitlines()
    motto = lines.index(MOTTO)
    place = next(index for index in range(motto + 1, len(lines)) if lines[index].strip())
    closing = lines.index("Nơi nhận:")
    recipients_end = next(index for index in range(closing, len(lines)) if not lines[index].strip())
    word = WordDocument()
    _layout_table(word, [line for line in lines[:motto] if line.strip()], [MOTTO, lines[place]])
    rows: list[list[str]] = []
    for line in lines[place + 1 : closing]:
        if " | " in line:
            rows.append([cell.strip() for cell in line.split(" | ")])
            continue
        if rows:
            _data_table(word, rows)
            rows = []
        if line.strip():
            word.add_paragraph(line)
    signature = [line for line in lines[recipients_end:] if line.strip()]
    _layout_table(word, lines[closing:recipients_end], signature)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _layout_table(word, left: list[str], right: list[str]) -> None:
    table = word.add_table(rows=1, cols=2)
    for cell, cell_lines in zip(table.rows[0].cells, (left, right)):
        cell.paragraphs[0].text = cell_lines[0] if cell_lines else ""
        for line in cell_lines[1:]:
            cell.add_paragraph(line)


def _data_table(word, rows: list[list[str]]) -> None:
    table = word.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value


def demo_importer():
    """The user the demo imports as: a managing officer of a top unit, else a superuser."""
    from nghiquyet.organisations.access import MANAGERS
    from nghiquyet.organisations.models import Membership, User

    membership = (Membership.objects.filter(unit__parent=None, role__in=MANAGERS, user__is_active=True)
                  .select_related("user").order_by("pk").first())
    if membership is not None:
        return membership.user
    return User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()


def load(command, options) -> None:
    from nghiquyet.organisations.access import AccessPolicy

    from ..models import Document
    from ..services.importing import import_file
    from ..services.review import accept_confident

    user = demo_importer()
    policy = AccessPolicy(user) if user is not None else None
    files = corpus_files() + seed_files(options.get("seeds"))
    command.stdout.write(f"Văn bản mẫu: nhập {len(files)} tệp…")
    accepted = 0
    for index, (name, data) in enumerate(files, start=1):
        report = import_file(data, name, user)
        if not report.ok:
            command.stdout.write(f"  [{index}/{len(files)}] {name}: bỏ qua ({report.message})")
            continue
        command.stdout.write(f"  [{index}/{len(files)}] {name}: {len(report.created)} mới, {len(report.updated)} cập nhật")
        if policy is None:
            continue
        ids = [entry["id"] for entry in report.created + report.updated]
        for document in Document.objects.filter(pk__in=ids):
            accepted += accept_confident(document, policy)[0]
    command.stdout.write(f"Văn bản mẫu: đã chấp nhận {accepted} chỉ tiêu, nhiệm vụ, mốc sơ kết có độ tin cậy cao.")
