"""``nghiquyet parse FILE [FILE ...] [--json]``: read documents without starting Django.

With ``--json`` one JSON object is printed, ``{"documents": [...], "absent":
[...]}``, the documents of all files in order (the contract other tools
rely on, see ``ParsedDocument.to_json``). Without it, a short summary per
document. A file that cannot be read gets a Vietnamese message on stderr and
a non-zero exit status; the other files are still read. A progress bar is
shown on stderr when it is a terminal and there are several or large files.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from tqdm import tqdm

from nghiquyet.text.errors import DocumentReadError
from nghiquyet.text.model import ParsedDocument, ParseResult
from nghiquyet.text.read import parse_file

LARGE_FILE = 1024 * 1024  # bytes from which one file is worth a progress bar


def parse_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="nghiquyet parse",
        description="Đọc văn bản lãnh đạo (.txt, .docx, .pdf): tách văn bản, siêu dữ liệu, cấu trúc, "
        "dẫn chiếu và các cam kết.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="tệp cần đọc")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON theo hợp đồng")
    args = parser.parse_args(argv)

    combined = ParseResult()
    failed = 0
    for path in _progress(args.files):
        try:
            result = parse_file(path)
        except DocumentReadError as error:
            failed += 1
            print(f"{path}: {error}", file=sys.stderr)
            continue
        combined.documents.extend(result.documents)
        combined.absent.extend(result.absent)
        if not args.json:
            _print_summary(path, result)
    if args.json:
        json.dump(combined.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 1 if failed else 0


def _progress(files: list[str]):
    large = any(os.path.isfile(path) and os.path.getsize(path) > LARGE_FILE for path in files)
    show = sys.stderr.isatty() and (len(files) > 1 or large)
    return tqdm(files, desc="Đọc tệp", unit="tệp", disable=not show, file=sys.stderr)


def _print_summary(path: str, result: ParseResult) -> None:
    print(f"{path}: {len(result.documents)} văn bản")
    for document in result.documents:
        print("  " + _summary_line(document))
    for missing in result.absent:
        print(f"  (không có trong tệp) {missing.symbol} {missing.title or ''} — {missing.reason}")


def _summary_line(document: ParsedDocument) -> str:
    date = document.issued_on.strftime("%d/%m/%Y") if document.issued_on else "—"
    lines = f"dòng {document.source.first_line}-{document.source.last_line}"
    counts = (
        f"{len(document.references)} dẫn chiếu, {len(document.targets)} chỉ tiêu, "
        f"{len(document.assignments)} nhiệm vụ, {len(document.reviews)} sơ/tổng kết"
    )
    secret = " [MẬT]" if document.secret else ""
    return (
        f"{document.symbol or '(không số)'} {date} {document.kind}{secret} — {document.issuer or '?'} — "
        f"{document.title or '(không có trích yếu)'} [{lines}; {counts}]"
    )
