"""Accuracy of commitment extraction against the labelled seed documents.

Every label file under ``tests/data/labels/extraction/<seed prefix>/`` is one
document of that seed, labelled by people (docs/labelling.md). The seed is
read with the real reader (``nghiquyet.text.read.parse_file``, which runs
the extractor), documents are aligned with the labelled ones, and precision,
recall and F1 are computed per item type and agreement per field. The table
is printed (``pytest -s``) and added to the terminal summary.
"""

import json
from pathlib import Path

import pytest

from nghiquyet.core.seeds import seed_file

from .commitments.scoring import Report, align_documents, document_name

LABELS = Path(__file__).resolve().parents[1] / "data" / "labels" / "extraction"
THRESHOLDS = {"targets": 0.90, "assignments": 0.90, "reviews": 0.95}
# Indicator names of matched targets (scoring.name_f1): mean word F1, and share of pairs at F1 >= 0.5.
NAME_THRESHOLDS = {"mean": 0.75, "agreeing": 0.81}


def _labelled_seeds() -> dict[str, list[dict]]:
    seeds: dict[str, list[dict]] = {}
    if not LABELS.is_dir():
        return seeds
    for folder in sorted(path for path in LABELS.iterdir() if path.is_dir()):
        labels = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]
        if labels:
            seeds[folder.name] = labels
    return seeds


class _Summary:
    """Writes the accuracy table into pytest's terminal summary."""

    def __init__(self, table: str):
        self.table = table

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.write_sep("=", "extraction accuracy")
        terminalreporter.write_line(self.table)


@pytest.fixture
def report_summary(request):
    def publish(table: str) -> None:
        print("\n" + table)
        request.config.pluginmanager.register(_Summary(table), "extraction-accuracy-summary")

    return publish


def test_extraction_accuracy(report_summary):
    seeds = _labelled_seeds()
    if not seeds:
        pytest.skip("no labelled documents")
    paths = {prefix: seed_file(prefix) for prefix in seeds}
    if any(path is None for path in paths.values()):
        pytest.skip("seed documents not found (set NGHIQUYET_SEEDS)")
    try:
        from nghiquyet.text.read import parse_file
    except ImportError:
        pytest.fail("labels exist but the reader (nghiquyet.text.read.parse_file) is missing")

    report = Report()
    for prefix, labels in seeds.items():
        parsed = [document.to_json() for document in parse_file(paths[prefix]).documents]
        for found, gold in align_documents(parsed, labels):
            if gold is not None:  # documents nobody labelled are not scored
                report.add_document(f"{prefix} {document_name(found, gold)}", found, gold)
    report_summary(report.table())

    failing = {
        item_type: round(report.counts[item_type].f1, 3)
        for item_type, threshold in THRESHOLDS.items()
        if report.counts[item_type].f1 < threshold
    }
    assert not failing, f"F1 below the thresholds {THRESHOLDS}: {failing}"
    names = {"mean": round(report.name_mean, 3), "agreeing": round(report.name_agreeing, 3)}
    assert all(names[key] >= NAME_THRESHOLDS[key] for key in names), (
        f"indicator names below the thresholds {NAME_THRESHOLDS}: {names}"
    )
