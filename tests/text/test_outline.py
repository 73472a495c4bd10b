"""The outline tree of sections and items."""

from nghiquyet.text.model import RepairedText
from nghiquyet.text.outline import build_outline


def outline_of(paragraphs: list[str]):
    text = "\n".join(paragraphs)
    anchors, offset = [], 0
    for number, paragraph in enumerate(paragraphs, start=10):
        anchors.append((offset, number))
        offset += len(paragraph) + 1
    body = RepairedText(text, anchors)
    return body, build_outline(body)


def shape(nodes) -> list:
    return [(node.label, shape(node.children)) if node.children else node.label for node in nodes]


def test_sections_nest_by_the_rank_of_their_markers():
    body, nodes = outline_of(
        [
            "Trong những năm qua, công tác dân vận đạt nhiều kết quả.",
            "I- QUAN ĐIỂM, MỤC TIÊU",
            "1. Quan điểm",
            "- Công tác dân vận là nhiệm vụ của cả hệ thống chính trị.",
            "+ Trước hết là của cấp ủy.",
            "- Lấy lợi ích của Nhân dân làm mục tiêu.",
            "2. Mục tiêu",
            "2.1. Mục tiêu chung",
            "Nâng cao chất lượng công tác dân vận.",
            "2.2. Mục tiêu cụ thể",
            "a) 100% cấp ủy xây dựng quy chế dân vận;",
            "b) Hằng năm, 90% cơ quan đạt chuẩn dân vận khéo.",
            "II- TỔ CHỨC THỰC HIỆN",
            "(1) Ban Dân vận Tỉnh ủy chủ trì theo dõi.",
        ]
    )
    assert shape(nodes) == [
        ("I", [("1", [("-", ["+"]), "-"]), ("2", ["2.1", ("2.2", ["a", "b"])])]),
        ("II", ["1"]),
    ]
    general = nodes[0].children[1].children[0]
    assert general.to_json(body)["text"] == "Nâng cao chất lượng công tác dân vận."
    assert general.line == 17


def test_a_marker_met_again_closes_the_deeper_levels():
    _, nodes = outline_of(["1. Một", "a) Mục a", "- Gạch", "2. Hai", "- Gạch của hai"])
    assert shape(nodes) == [("1", [("a", ["-"])]), ("2", ["-"])]


def test_headings_of_long_items_are_their_first_sentence():
    item = (
        "1. Tốc độ tăng trưởng kinh tế bình quân hằng năm đạt 14-15%. Cơ cấu kinh tế: công nghiệp - "
        "xây dựng 68,4%; dịch vụ 20,6%; nông, lâm nghiệp, thủy sản 11% vào năm 2025 theo kế hoạch đã đề ra."
    )
    body, (node,) = outline_of([item])
    assert node.heading == "1. Tốc độ tăng trưởng kinh tế bình quân hằng năm đạt 14-15%."
    assert node.to_json(body)["text"].startswith("Cơ cấu kinh tế")


def test_numbers_that_are_not_markers():
    _, nodes = outline_of(
        ["1.000 người tham gia.", "2021-2025 là giai đoạn quan trọng.", "09 xã đạt chuẩn."]
    )
    assert nodes == []
