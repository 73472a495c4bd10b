"""``nghiquyet parse``: the command-line contract."""

import json
from pathlib import Path

from nghiquyet.cli import main

SAMPLES = Path(__file__).parent / "samples"


def run(capsys, *args):
    status = main(["nghiquyet", "parse", *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_output_is_one_object_with_the_documents_of_all_files_in_order(capsys):
    status, out, err = run(
        capsys, SAMPLES / "compilation.txt", SAMPLES / "state_plan.txt", "--json"
    )
    assert status == 0 and err == ""
    data = json.loads(out)
    assert [document["symbol"] for document in data["documents"]] == [
        "12-NQ/TU",
        "07-CT/TU",
        "30-KL/TU",
        "212/KH-UBND",
    ]
    assert [document["source"]["file"] for document in data["documents"]][-1] == "state_plan.txt"
    assert data["absent"][0]["symbol"] == "02-ĐA/TU"
    assert "Ủy ban nhân dân tỉnh" in out  # not escaped: ensure_ascii=False
    first = data["documents"][0]
    assert first["references"][0] == {
        "symbol": "522/QĐ-TTg",
        "issued_on": "2018-05-14",
        "kind": "quyet_dinh",
        "relation": "thuc_hien",
        "line": 67,
        "quote": "Quyết định số 522/QĐ-TTg ngày 14/5/2018",
    }
    assert {"targets", "assignments", "reviews", "outline"} <= set(first)


def test_an_unreadable_file_is_reported_and_the_others_are_still_read(capsys, tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    status, out, err = run(
        capsys, empty, SAMPLES / "cell_resolution.txt", tmp_path / "khong-co.txt", "--json"
    )
    assert status == 1
    assert "rong.txt: Tệp rỗng" in err and "Không tìm thấy tệp" in err
    assert [document["symbol"] for document in json.loads(out)["documents"]] == ["03-NQ/CB"]


def test_without_json_a_readable_summary(capsys):
    status, out, _ = run(capsys, SAMPLES / "compilation.txt")
    assert status == 0
    assert "compilation.txt: 3 văn bản" in out
    assert "12-NQ/TU 10/03/2022 nghi_quyet — Tỉnh ủy — về phát triển kinh tế cửa khẩu" in out
    assert "(không có trong tệp) 02-ĐA/TU" in out
