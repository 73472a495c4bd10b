"""Metadata accuracy against the labelled development set (tests/data/labels/metadata.json).

Every seed file that is on this machine is parsed; parsed documents are
aligned with the labelled ones (by symbol and date, else by the overlap of
their line ranges) and each field is compared. The accuracy per field is
printed (``pytest -s``) and must stay above the thresholds of issue 3.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nghiquyet.core.seeds import find_seeds_dir
from nghiquyet.text.normalize import match_key
from nghiquyet.text.read import parse_file

LABELS = Path(__file__).resolve().parents[1] / "data" / "labels" / "metadata.json"
THRESHOLDS = {
    "symbol": 0.98,
    "issued_on": 0.98,
    "kind": 0.98,
    "issuer": 0.98,
    "signer": 0.98,
    "title": 0.95,
}
REPORTED = ("signer_position", "secret", "dissemination", "first_line", "last_line")


def title_key(title: str | None) -> str | None:
    """Titles compare case-, tone-placement- and punctuation-insensitively, a leading "về" aside."""
    if title is None:
        return None
    title = re.sub(r"^\s*(?:về|Về|VỀ)\s+", "", title)
    return re.sub(r"[^\w\u0300-\u036f]+", " ", match_key(title)).strip()


def value(document: dict, field: str):
    return title_key(document[field]) if field == "title" else document[field]


@pytest.fixture(scope="module")
def labelled():
    seeds = find_seeds_dir()
    if seeds is None:
        pytest.skip("seed documents not found (set NGHIQUYET_SEEDS)")
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    files = sorted({entry["file"] for entry in labels["documents"]})
    present = [name for name in files if (seeds / name).is_file()]
    if not present:
        pytest.skip("none of the labelled seed files is on this machine")
    parsed = {name: parse_file(seeds / name) for name in present}
    return labels, parsed


def align(labels: list[dict], parsed: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each label with a parsed document: same symbol and date, else the largest line overlap."""
    pairs, free = [], list(parsed)
    for label in labels:
        match = next(
            (
                doc
                for doc in free
                if label["symbol"]
                and doc["symbol"] == label["symbol"]
                and doc["issued_on"] == label["issued_on"]
            ),
            None,
        )
        if match is None:
            overlaps = [
                (
                    min(doc["last_line"], label["last_line"])
                    - max(doc["first_line"], label["first_line"]),
                    doc,
                )
                for doc in free
            ]
            best = max(overlaps, key=lambda pair: pair[0], default=(0, None))
            match = best[1] if best[0] > 0 else None
        if match is not None:
            free.remove(match)
        pairs.append((label, match))
    return pairs


def flatten(document) -> dict:
    data = document.to_json()
    data["first_line"] = data["source"]["first_line"]
    data["last_line"] = data["source"]["last_line"]
    return data


def test_metadata_accuracy_per_field(labelled):
    labels, parsed = labelled
    pairs = []
    for name, result in parsed.items():
        file_labels = [entry for entry in labels["documents"] if entry["file"] == name]
        assert len(result.documents) == len(file_labels), f"{name}: number of documents"
        pairs += align(file_labels, [flatten(document) for document in result.documents])

    accuracy, misses = {}, []
    for field in (*THRESHOLDS, *REPORTED):
        right = 0
        for label, document in pairs:
            if document is not None and value(document, field) == value(label, field):
                right += 1
            else:
                misses.append(
                    f"{field}: {label['file'][:3]} L{label['first_line']} "
                    f"label={label[field]!r} parsed={document and document[field]!r}"
                )
        accuracy[field] = right / len(pairs)
    report = "\n".join(f"  {field:<16} {share:6.1%}" for field, share in accuracy.items())
    print(f"\nMetadata accuracy over {len(pairs)} documents:\n{report}")
    print("\n".join(misses))
    failing = {
        field: share
        for field, share in accuracy.items()
        if field in THRESHOLDS and share < THRESHOLDS[field]
    }
    assert not failing, f"below threshold: {failing}\n" + "\n".join(misses)


def test_absent_documents_match_the_labels(labelled):
    labels, parsed = labelled
    expected = {
        (entry["symbol"], entry["issued_on"])
        for entry in labels["absent"]
        if entry["file"] in parsed
    }
    found = {
        (absent.symbol, absent.issued_on.isoformat() if absent.issued_on else None)
        for result in parsed.values()
        for absent in result.absent
    }
    assert found == expected
    for result in parsed.values():
        for absent in result.absent:
            label = next(entry for entry in labels["absent"] if entry["symbol"] == absent.symbol)
            assert title_key(absent.title) == title_key(label["title"])
            assert absent.kind == label["kind"]
            assert absent.reason
