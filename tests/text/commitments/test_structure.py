"""Parts of a document from its headings and list markers."""

from nghiquyet.text.commitments.structure import GOALS, ORGANISATION, PREAMBLE, PURPOSE, TASKS, VIEWPOINT, read_blocks

from .documents import document

RESOLUTION = """
Trong những năm qua, tỷ lệ hộ nghèo đã giảm còn 3%.
I- QUAN ĐIỂM, MỤC TIÊU
1. Quan điểm
Phát triển nhanh và bền vững.
2. Mục tiêu cụ thể
2.1. Đối với kinh tế - xã hội
* Đến năm 2025
- Tỷ lệ hộ nghèo còn 1%.
* Hằng năm
- 100% cấp ủy hoàn thành tốt nhiệm vụ.
II- NHIỆM VỤ, GIẢI PHÁP
1. Đẩy mạnh cải cách hành chính
Tập trung chỉ đạo.
III- TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.
2. Ủy ban Kiểm tra Tỉnh ủy:
- Chủ trì kiểm tra.
Nghị quyết này phổ biến đến chi bộ.
"""


def _parts():
    doc = document(RESOLUTION)
    return [(doc.body.text[b.start:b.end][:30], b.marker, b.part, b.depth) for b in read_blocks(doc.body)]


def test_parts_follow_the_headings():
    parts = {text: part for text, _, part, _ in _parts()}
    assert parts["Trong những năm qua, tỷ lệ hộ "] == PREAMBLE
    assert parts["Phát triển nhanh và bền vững."] == VIEWPOINT
    assert parts["- Tỷ lệ hộ nghèo còn 1%."] == GOALS
    assert parts["- 100% cấp ủy hoàn thành tốt n"] == GOALS
    assert parts["Tập trung chỉ đạo."] == TASKS
    assert parts["1. Ban Tuyên giáo Tỉnh ủy chủ "] == ORGANISATION
    assert parts["- Chủ trì kiểm tra."] == ORGANISATION


def test_markers_nest():
    rows = {text: (marker, depth) for text, marker, _, depth in _parts()}
    assert rows["I- QUAN ĐIỂM, MỤC TIÊU"] == ("I", 0)
    assert rows["2. Mục tiêu cụ thể"] == ("2", 1)
    assert rows["2.1. Đối với kinh tế - xã hội"] == ("2.1", 2)
    assert rows["* Đến năm 2025"] == ("*", 3)
    assert rows["- Tỷ lệ hộ nghèo còn 1%."] == ("-", 4)
    assert rows["* Hằng năm"] == ("*", 3)
    assert rows["- 100% cấp ủy hoàn thành tốt n"] == ("-", 4)
    assert rows["II- NHIỆM VỤ, GIẢI PHÁP"] == ("II", 0)
    assert rows["- Chủ trì kiểm tra."] == ("-", 2)


def test_aims_are_their_own_part():
    doc = document("A. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt 05 quan điểm.\nB. NỘI DUNG\n1. Làm tốt công tác.")
    parts = [b.part for b in read_blocks(doc.body)]
    assert parts == [PURPOSE, PURPOSE, TASKS, TASKS]


def test_an_inline_title_names_the_part():
    doc = document("9. Tổ chức thực hiện: Các huyện ủy xây dựng kế hoạch.\n- Ban Dân vận Tỉnh ủy theo dõi.")
    assert [b.part for b in read_blocks(doc.body)] == [ORGANISATION, ORGANISATION]
