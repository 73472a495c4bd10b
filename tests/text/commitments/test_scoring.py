"""The scorer itself, on made-up predictions and labels."""

import pytest

from .scoring import (
    Report, align_documents, assignments_match, lead_key, name_f1, pair_items, reviews_match, targets_match,
)


def _target(value, deadline="2025", recurrence=None, value_max=None, line=10, **fields):
    return {"value": value, "value_max": value_max, "deadline": deadline, "recurrence": recurrence, "line": line,
            "unit": "%", "comparator": "eq", "scope": None, "baseline": None, **fields}


@pytest.mark.parametrize(
    ("predicted", "gold", "matches"),
    [
        (_target(95), _target(95.0), True),
        (_target(95), _target(96), False),
        (_target(14, value_max=15), _target(14, value_max=16), False),
        (_target(90, deadline="2025"), _target(90, deadline="2030"), False),
        (_target(90, deadline=None, recurrence="annual"), _target(90, deadline="2025", recurrence="annual"), True),
        (_target(90, deadline=None, recurrence=None), _target(90, deadline="2025", recurrence=None), False),
        (_target(31.7), _target(31.70000001), True),
    ],
)
def test_targets_match(predicted, gold, matches):
    assert targets_match(predicted, gold) is matches


@pytest.mark.parametrize(
    ("left", "right", "equal"),
    [
        (["Các huyện ủy, thành ủy"], ["Các huyện ủy", "thành ủy"], True),
        (["Ủy ban MTTQ và các đoàn thể tỉnh"], ["Ủy ban MTTQ", "các đoàn thể tỉnh"], True),
        (["Uỷ ban Kiểm tra Tỉnh uỷ"], ["ủy ban kiểm tra tỉnh ủy"], True),
        (["Ban Tổ chức Tỉnh ủy"], ["Ban Tuyên giáo Tỉnh ủy"], False),
        (["Ban Tổ chức Tỉnh ủy", "Sở Nội vụ"], ["Sở Nội vụ", "Ban Tổ chức Tỉnh ủy"], False),
        (["Hội Nông dân"], ["Hội Nông dán"], False),
    ],
)
def test_leads_compare_as_the_guide_says(left, right, equal):
    assert (lead_key(left) == lead_key(right)) is equal


def test_assignment_and_review_matching():
    assert assignments_match({"lead": ["UBND tỉnh"], "due": "2021-06"}, {"lead": ["UBND tỉnh"], "due": "2021-06"})
    assert not assignments_match({"lead": ["UBND tỉnh"], "due": None}, {"lead": ["UBND tỉnh"], "due": "2021-06"})
    assert reviews_match({"kind": "so_ket", "due": "2023-Q2"}, {"kind": "so_ket", "due": "2023-Q2"})
    assert not reviews_match({"kind": "tong_ket", "due": "2023-Q2"}, {"kind": "so_ket", "due": "2023-Q2"})


def test_each_label_matches_one_prediction_closest_line_first():
    predicted = [_target(100, line=50), _target(100, line=12)]
    gold = [_target(100, line=10), _target(100, line=49), _target(100, line=80)]
    assert sorted(pair_items("targets", predicted, gold)) == [(0, 1), (1, 0)]


def test_report_counts_precision_recall_and_fields():
    report = Report()
    predicted = {
        "targets": [_target(80, unit="%"), _target(5, unit="huyện"), _target(7)],
        "assignments": [{"lead": ["UBND tỉnh"], "due": None, "partners": [], "report_to": None, "kind": "plan",
                         "recurrence": None, "line": 3}],
        "reviews": [],
    }
    gold = {
        "targets": [_target(80, unit="%"), _target(5, unit="xã"), _target(9)],
        "assignments": [{"lead": ["UBND tỉnh"], "due": None, "partners": [], "report_to": None, "kind": "monitor",
                         "recurrence": None, "line": 3}],
        "reviews": [{"kind": "tong_ket", "due": "2025", "line": 9}],
    }
    report.add_document("doc", predicted, gold)
    targets = report.counts["targets"]
    assert (targets.true_positives, targets.false_positives, targets.false_negatives) == (2, 1, 1)
    assert targets.precision == pytest.approx(2 / 3) and targets.recall == pytest.approx(2 / 3)
    assert report.counts["reviews"].recall == 0 and report.counts["reviews"].f1 == 0
    assert report.counts["assignments"].f1 == 1
    assert report.field_totals["targets"]["unit"] == [1, 2]
    assert report.field_totals["assignments"]["kind"] == [0, 1]
    kinds = sorted(m.kind for m in report.mistakes)
    assert kinds == ["kind", "missed", "missed", "spurious", "unit"]
    assert "targets" in report.table() and "0.667" in report.table()


def test_a_document_missing_on_one_side_counts_all_its_items():
    report = Report()
    report.add_document("missed", None, {"targets": [_target(1)], "assignments": [], "reviews": []})
    report.add_document("extra", {"targets": [_target(2)], "assignments": [], "reviews": []}, None)
    counts = report.counts["targets"]
    assert (counts.true_positives, counts.false_positives, counts.false_negatives) == (0, 1, 1)


def test_align_by_symbol_and_date_then_by_lines():
    parsed = [
        {"symbol": "109-NQ/TU", "issued_on": "2016-07-04", "source": {"first_line": 1, "last_line": 50}},
        {"symbol": "109-NQ/TU", "issued_on": "2021-06-08", "source": {"first_line": 51, "last_line": 99}},
        {"symbol": None, "issued_on": None, "source": {"first_line": 100, "last_line": 140}},
    ]
    labelled = [
        {"symbol": "109-NQ/TU", "issued_on": "2021-06-08", "first_line": 51, "last_line": 99},
        {"symbol": None, "issued_on": None, "first_line": 102, "last_line": 138},
        {"symbol": "01-ĐA/TU", "issued_on": "2021-07-14", "first_line": 500, "last_line": 520},
    ]
    pairs = align_documents(parsed, labelled)
    assert pairs[0][0] is parsed[1]
    assert pairs[1][0] is parsed[2]
    assert pairs[2][0] is None
    assert (parsed[0], None) in pairs


@pytest.mark.parametrize(
    ("predicted", "gold", "score"),
    [
        ("Tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo", 1.0),
        ("hộ nghèo", "Tỷ lệ hộ nghèo", 1.0),  # a leading "Tỷ lệ" or "Số" says the kind, not the indicator
        ("tỉ lệ hộ nghèo", "Tỷ lệ hộ nghèo", 1.0),
        ("huyện đạt chuẩn", "Số huyện đạt chuẩn", 1.0),
        ("Thành lập mới", "Số khu công nghiệp thành lập mới", 2 / 3),
        ("Tỷ lệ hộ nghèo", "Số đảng viên kết nạp", 0.0),
        ("Tỷ lệ", "Tỷ lệ", 1.0),
        ("", "Số đảng viên kết nạp", 0.0),
    ],
)
def test_name_f1(predicted, gold, score):
    assert name_f1(predicted, gold) == pytest.approx(score)


def test_report_grades_indicator_names():
    report = Report()
    report.add_document(
        "doc",
        {"targets": [_target(90, indicator="hộ nghèo"), _target(80, indicator="Thành lập")]},
        {"targets": [_target(90, indicator="Tỷ lệ hộ nghèo"), _target(80, indicator="Số khu công nghiệp thành lập mới")]},
    )
    assert report.name_scores == [1.0, pytest.approx(0.5)]
    assert report.name_agreeing == 1.0
    assert "indicator" in report.table() and "mean name F1" in report.table()
