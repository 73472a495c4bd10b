"""Layout repair: paragraphs from wrapped lines, page artefacts and displaced blocks removed."""

from nghiquyet.text.layout import anatomy, continuation, join_wrapped, repair
from nghiquyet.text.normalize import repair_line
from nghiquyet.text.source import SourceLines


def read(text: str):
    lines = text.split("\n")
    source = SourceLines.from_lines([repair_line(line) for line in lines])
    parts = anatomy(source, 0, len(source) - 1)
    return repair(source, parts), parts, source


def paragraphs(text: str) -> list[str]:
    return [span.text for span in read(text)[0].paragraphs()]


def test_hard_wrapped_lines_become_one_paragraph_and_blank_lines_separate_paragraphs():
    text = """Trong những năm qua, các cấp ủy, chính quyền đã quan tâm lãnh đạo phát triển
kinh tế cửa khẩu và bước đầu đạt một số kết quả quan trọng. Kim ngạch xuất khẩu
tăng bình quân 8%/năm.

Tuy nhiên, hạ tầng logistics còn thiếu đồng bộ, thủ tục hành chính tại một số
cửa khẩu chưa thật sự thuận lợi cho doanh nghiệp."""
    assert paragraphs(text) == [
        "Trong những năm qua, các cấp ủy, chính quyền đã quan tâm lãnh đạo phát triển kinh tế cửa khẩu "
        "và bước đầu đạt một số kết quả quan trọng. Kim ngạch xuất khẩu tăng bình quân 8%/năm.",
        "Tuy nhiên, hạ tầng logistics còn thiếu đồng bộ, thủ tục hành chính tại một số cửa khẩu chưa "
        "thật sự thuận lợi cho doanh nghiệp.",
    ]


def test_blank_lines_inside_a_sentence_do_not_break_it():
    text = """- Nâng cao chất lượng công tác kiểm tra, giám sát, thi hành kỷ luật trong Đảng,

góp phần giữ vững kỷ cương và củng cố niềm tin của Nhân dân đối với Đảng."""
    assert paragraphs(text) == [
        "- Nâng cao chất lượng công tác kiểm tra, giám sát, thi hành kỷ luật trong Đảng, góp phần giữ "
        "vững kỷ cương và củng cố niềm tin của Nhân dân đối với Đảng."
    ]


def test_tokens_split_across_lines_are_rejoined_without_a_space():
    text = """Tiếp tục thực hiện nghiêm Chỉ thị số 17-
CT/TU của Ban Thường vụ Tỉnh ủy và Quyết định số 522/QĐ-
TTg của Thủ tướng Chính phủ; chủ động phòng, chống dịch Covid-
19 trong giai đoạn 2021-
2030 theo đúng kế hoạch đã được cấp có thẩm quyền phê duyệt."""
    (paragraph,) = paragraphs(text)
    assert "Chỉ thị số 17-CT/TU của" in paragraph
    assert "Quyết định số 522/QĐ-TTg của" in paragraph
    assert "dịch Covid-19 trong giai đoạn 2021-2030 theo" in paragraph


def test_a_dash_at_the_start_of_a_line_continues_a_wrapped_phrase_but_starts_a_list_item_after_a_colon():
    text = """Tập trung đầu tư các tuyến giao thông kết nối, tạo động lực phát triển kinh tế
- xã hội của các địa phương; hoàn thành đường nối QL37 - QL17 trong giai đoạn 2021
- 2025. Mục tiêu cụ thể như sau:
- 100% xã có đường ô tô đến trung tâm được cứng hóa.
- Tỷ lệ đô thị hóa đạt 32%."""
    assert paragraphs(text) == [
        "Tập trung đầu tư các tuyến giao thông kết nối, tạo động lực phát triển kinh tế - xã hội của các "
        "địa phương; hoàn thành đường nối QL37 - QL17 trong giai đoạn 2021 - 2025. Mục tiêu cụ thể như sau:",
        "- 100% xã có đường ô tô đến trung tâm được cứng hóa.",
        "- Tỷ lệ đô thị hóa đạt 32%.",
    ]


def test_headings_and_items_stay_separate_paragraphs():
    text = """I- QUAN ĐIỂM, MỤC TIÊU

1. Quan điểm
Phát triển du lịch là nhiệm vụ của cả hệ thống chính trị.

2.1. Mục tiêu chung
a) Phát triển du lịch trở thành ngành kinh tế quan trọng;
+ ưu tiên các sản phẩm du lịch văn hóa, tâm linh.
(1) Đón 3 triệu lượt khách vào năm 2025."""
    assert paragraphs(text) == [
        "I- QUAN ĐIỂM, MỤC TIÊU",
        "1. Quan điểm",
        "Phát triển du lịch là nhiệm vụ của cả hệ thống chính trị.",
        "2.1. Mục tiêu chung",
        "a) Phát triển du lịch trở thành ngành kinh tế quan trọng;",
        "+ ưu tiên các sản phẩm du lịch văn hóa, tâm linh.",
        "(1) Đón 3 triệu lượt khách vào năm 2025.",
    ]


def test_capital_headings_wrapped_over_two_lines_are_one_heading():
    text = """II- MỤC TIÊU CHỦ YẾU PHẤN ĐẤU ĐẠT ĐƯỢC TRONG NHIỆM KỲ
ĐẾN NĂM 2025
1. Thu ngân sách tăng bình quân 10%/năm."""
    assert (
        paragraphs(text)[0] == "II- MỤC TIÊU CHỦ YẾU PHẤN ĐẤU ĐẠT ĐƯỢC TRONG NHIỆM KỲ ĐẾN NĂM 2025"
    )


def test_page_numbers_and_page_start_marks_are_dropped():
    text = """Xây dựng lực lượng vũ trang tỉnh vững mạnh toàn diện, có sức mạnh tổng hợp và
trình độ, khả năng sẵn sàng chiến đấu cao, không để bị động, bất ngờ; xây dựng



27

lực lượng dân quân tự vệ có số lượng hợp lý, chất lượng cao. Tăng cường quốc phòng
toàn dân, xây dựng thế trận an ninh nhân dân vững chắc; giữ vững chủ quyền biên giới,
 bảo đảm an ninh trật tự trên địa bàn."""
    body, parts, _ = read(text)
    assert [span.text for span in body.paragraphs()] == [
        "Xây dựng lực lượng vũ trang tỉnh vững mạnh toàn diện, có sức mạnh tổng hợp và trình độ, khả năng "
        "sẵn sàng chiến đấu cao, không để bị động, bất ngờ; xây dựng lực lượng dân quân tự vệ có số lượng "
        "hợp lý, chất lượng cao. Tăng cường quốc phòng toàn dân, xây dựng thế trận an ninh nhân dân vững "
        "chắc; giữ vững chủ quyền biên giới, bảo đảm an ninh trật tự trên địa bàn."
    ]
    assert parts.role(5) == "page"


DISPLACED = """TỈNH ỦY HÀ GIANG
*
Số 21-NQ/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Giang, ngày 16 tháng 3 năm 2022

Những năm qua, công tác giảm nghèo bền vững của tỉnh đạt nhiều kết quả quan trọng,
tỷ lệ hộ nghèo giảm bình quân 4%/năm. Tuy nhiên, kết quả giảm nghèo chưa thật sự
bền vững, nguy cơ tái nghèo còn cao; nguồn lực đầu tư cho các xã đặc biệt khó khăn

NGHỊ QUYẾT
CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH

về giảm nghèo bền vững giai đoạn 2022 - 2025,
định hướng đến năm 2030
-----
 còn hạn chế, việc lồng ghép các chương trình chưa hiệu quả.

I- MỤC TIÊU
Đến năm 2025, tỷ lệ hộ nghèo giảm bình quân 3%/năm; thu nhập bình quân của người dân
ở các xã đặc biệt khó khăn tăng 1,5 lần so với năm 2020, đáp ứng yêu cầu của Trung
 Nơi nhận:
- Ban Bí thư Trung ương Đảng,
- Lưu Văn phòng Tỉnh ủy.

ương và của tỉnh.

1 Theo chuẩn nghèo đa chiều quy định tại Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ về chuẩn nghèo.
 Nghị quyết này phổ biến đến chi bộ.

T/M TỈNH ỦY
BÍ THƯ

Đặng Quốc Khánh"""


def test_a_displaced_title_block_leaves_the_text_and_the_cut_sentence_is_rejoined():
    body, parts, source = read(DISPLACED)
    texts = [span.text for span in body.paragraphs()]
    assert texts[0].endswith(
        "nguồn lực đầu tư cho các xã đặc biệt khó khăn còn hạn chế, việc lồng ghép "
        "các chương trình chưa hiệu quả."
    )
    assert not any("NGHỊ QUYẾT" in text or "-----" in text for text in texts)
    assert [block.role for block in parts.blocks(source)] == [
        "header",
        "title",
        "recipients",
        "footnote",
        "signature",
    ]


def test_an_inserted_recipient_list_and_a_footnote_leave_the_text():
    texts = [span.text for span in read(DISPLACED)[0].paragraphs()]
    assert texts[2].endswith("đáp ứng yêu cầu của Trung ương và của tỉnh.")
    assert not any(
        "Nơi nhận" in text or "Lưu Văn phòng" in text or "chuẩn nghèo đa chiều" in text
        for text in texts
    )
    assert texts[-1] == "Nghị quyết này phổ biến đến chi bộ."


def test_anchors_map_every_character_back_to_its_input_line():
    body, _, _ = read(DISPLACED)
    text = body.text
    assert body.line_at(text.index("Những năm qua")) == 7
    assert body.line_at(text.index("bền vững, nguy cơ")) == 9
    assert body.line_at(text.index("còn hạn chế, việc")) == 17
    assert body.line_at(text.index("ương và của tỉnh")) == 26
    assert body.line_at(text.index("Nghị quyết này")) == 29


def test_double_spaced_text_is_joined_into_paragraphs():
    text = """Các cấp ủy đảng đã ban hành nhiều nghị quyết, chỉ thị, bảo đảm sự lãnh đạo toàn

diện trên các mặt công tác; nhiều chủ trương mang tính đột phá, sáng tạo, giải quyết

kịp thời những khó khăn, vướng mắc trong thực tiễn.

Tuy nhiên, một số cấp ủy còn lúng túng trong việc ban hành, học tập, triển khai

thực hiện và sơ kết, tổng kết nghị quyết.

Nguyên nhân chủ yếu là nhận thức của một số cấp ủy, chính quyền chưa đầy đủ."""
    assert len(paragraphs(text)) == 3


def test_a_double_spaced_document_keeps_its_input_line_numbers():
    lines = DISPLACED.split("\n")
    spaced = "\n\n".join(lines)
    body, parts, source = read(spaced)
    single, _, _ = read(DISPLACED)
    assert [span.text for span in body.paragraphs()] == [span.text for span in single.paragraphs()]
    for offset in range(0, len(body.text), 13):
        assert body.line_at(offset) == 2 * single.line_at(offset) - 1
    for block in parts.blocks(source):
        assert spaced.split("\n")[block.first_line - 1].strip() == block.lines[0]


def test_a_long_heading_without_full_stop_is_not_joined_to_the_sentence_under_it():
    text = """2.5. Đổi mới phương thức lãnh đạo, lề lối làm việc của các cấp ủy, tổ chức đảng
Đổi mới, nâng cao chất lượng, hiệu quả ban hành, tổ chức thực hiện nghị quyết;
khắc phục tình trạng hình thức.
2.6. Giao Ban cán sự đảng UBND tỉnh chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy, Ban
Tuyên giáo Tỉnh ủy theo dõi việc thực hiện."""
    assert paragraphs(text) == [
        "2.5. Đổi mới phương thức lãnh đạo, lề lối làm việc của các cấp ủy, tổ chức đảng",
        "Đổi mới, nâng cao chất lượng, hiệu quả ban hành, tổ chức thực hiện nghị quyết; "
        "khắc phục tình trạng hình thức.",
        "2.6. Giao Ban cán sự đảng UBND tỉnh chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy, Ban "
        "Tuyên giáo Tỉnh ủy theo dõi việc thực hiện.",
    ]


def test_continuation_rules():
    assert continuation("văn bản số 17-", "CT/TU ngày 27/02/2020", full=False) == ""
    assert (
        continuation("công tác kiểm tra, giám sát, thi hành kỷ", "luật của Đảng", full=False) == " "
    )
    assert (
        continuation("thực hiện thắng lợi Nghị quyết.", "Đồng thời, phải thường xuyên", full=True)
        == " "
    )
    assert continuation("1. Quan điểm", "Phát triển du lịch là", full=False) is None
    assert continuation("nhiệm vụ sau:", "- Tăng cường lãnh đạo", full=True) is None


def test_join_wrapped():
    assert join_wrapped(
        ["Về việc thực hiện Chỉ thị số 19-", "CT/TU ngày 11/6/2020", "", "của Ban Thường vụ"]
    ) == ("Về việc thực hiện Chỉ thị số 19-CT/TU ngày 11/6/2020 của Ban Thường vụ")
