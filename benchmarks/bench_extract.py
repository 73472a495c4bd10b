"""Extraction of commitments from all documents of seed 003 (target: well under 2 s).

The seed is read once; then ``extract`` runs on every document. The baseline,
measured in the same run, is one regular-expression scan of the same text for
figures and the words extraction looks for: the least any extractor must do.
"""

from __future__ import annotations

import re
import time

from common import Measurement, best_time, peak_memory, percentiles

from nghiquyet.core.seeds import seed_file

_SCAN = re.compile(r"\d+(?:[.,]\d+)*|giao|chủ trì|phối hợp|sơ kết|tổng kết|tháng|quý|năm", re.IGNORECASE)


def run() -> list[Measurement]:
    path = seed_file("003")
    if path is None:
        print("   skipped: seed 003 not found (set NGHIQUYET_SEEDS)")
        return []
    try:
        from nghiquyet.text.read import parse_file
    except ImportError:
        print("   skipped: the reader (nghiquyet.text.read) is not installed")
        return []
    from nghiquyet.text.commitments import extract

    documents = parse_file(path).documents
    texts = [document.body.text for document in documents]

    def extract_all():
        for document in documents:
            extract(document)

    def scan_all():
        for text in texts:
            _SCAN.findall(text)

    seconds = best_time(extract_all)
    baseline = best_time(scan_all)
    per_document = []
    for document in documents:
        start = time.perf_counter()
        extract(document)
        per_document.append(time.perf_counter() - start)
    spread = percentiles(per_document)
    return [
        Measurement(
            name="extract: all documents of 003",
            seconds=seconds,
            baseline="regex scan of the same text",
            baseline_seconds=baseline,
            details={
                "documents": len(documents),
                "characters": sum(len(text) for text in texts),
                "items": sum(len(d.targets) + len(d.assignments) + len(d.reviews) for d in documents),
                "per_document_median_ms": round(spread["median"] * 1000, 2),
                "per_document_p95_ms": round(spread["p95"] * 1000, 2),
                "peak_memory_kb": peak_memory(extract_all) // 1024,
                "under_2_seconds": seconds < 2.0,
            },
        )
    ]
