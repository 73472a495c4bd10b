"""Reading the 003 compilation (40 documents, 11,434 lines) with parse_file.

Measured whole (with the extraction of commitments) and without the
extraction (decoding, layout, splitting, metadata, outline, references).

Baselines measured in the same run: reading the file, decoding it and
normalising every line to NFC (what any reader has to do), and one plain
regular-expression pass over the text that finds every document symbol.
"""

from __future__ import annotations

import re
import unicodedata

from common import Measurement, best_time, peak_memory

from nghiquyet.core.seeds import seed_file
from nghiquyet.text.decoding import read_path
from nghiquyet.text.patterns import SYMBOL
from nghiquyet.text.read import parse_file


def run() -> list[Measurement]:
    path = seed_file("003")
    if path is None:
        print("   seed 003 not found (set NGHIQUYET_SEEDS): skipped")
        return []

    def read_and_normalise():
        return [unicodedata.normalize("NFC", line) for line in read_path(path).lines]

    symbol = re.compile(SYMBOL)

    def regex_scan():
        return sum(1 for _ in symbol.finditer(path.read_text(encoding="utf-8")))

    result = parse_file(path)
    baseline = best_time(read_and_normalise)
    scan = best_time(regex_scan)
    parse = best_time(lambda: parse_file(path))
    reading = best_time(lambda: parse_file(path, commitments=False))
    details = {
        "documents": len(result.documents),
        "absent": len(result.absent),
        "lines": len(read_path(path).lines),
        "ms per document": round(parse * 1000 / max(len(result.documents), 1), 2),
        "peak memory MB": round(peak_memory(lambda: parse_file(path)) / 1024 / 1024, 1),
    }
    return [
        Measurement("parse_file(003)", parse, "read + decode + NFC", baseline, details),
        Measurement("parse_file(003)", parse, "regex scan for symbols", scan),
        Measurement("parse_file(003) without commitments", reading, "read + decode + NFC", baseline),
    ]
