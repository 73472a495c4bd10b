"""Indicator names as a dashboard shows them (docs/labelling.md, "indicator").

The sentences are written for these tests; each test names the construction it covers.
They go through the real reader, so wrapping and paragraph repair are part of it.
"""

from nghiquyet.text.read import parse_text

from .test_unseen_constructions import CLOSING, HEADER


def _names(body: str) -> dict[float, str]:
    document = parse_text(HEADER + "I- MỤC TIÊU\n" + body.strip() + "\n" + CLOSING).documents[0]
    return {target.value: target.indicator for target in document.targets}


def test_a_verb_shared_by_a_list_of_counts_names_each_count_by_its_own_things():
    names = _names("""
1. Đến năm 2027, xây dựng mới 12 nhà văn hóa thôn, cải tạo 07 trạm y tế, sáp nhập 04 trường
mầm non (MN) vào trường tiểu học, với tổng diện tích 35 ha.
""")
    assert names[12] == "Số nhà văn hóa thôn xây dựng mới"
    assert names[7] == "Số trạm y tế cải tạo"
    assert names[4] == "Số trường mầm non (MN) sáp nhập vào trường tiểu học"
    assert names[35] == "Tổng diện tích"


def test_a_count_after_its_verb_is_named_by_the_things_counted():
    names = _names("1. Đến năm 2027, kết nạp ít nhất 40 đảng viên mới; có 03 thôn đạt chuẩn thôn kiểu mẫu.")
    assert names[40] == "Số đảng viên mới kết nạp"
    assert names[3] == "Số thôn đạt chuẩn thôn kiểu mẫu"


def test_a_leading_share_of_units_is_named_tỷ_lệ_subject_and_verb_phrase():
    names = _names("""
1. Đến năm 2027, 100% các chi bộ, tổ chức đoàn thể xây dựng kế hoạch hoạt động hằng năm
sát thực tế, phấn đấu 95% hội viên nông dân tham gia các mô hình liên kết sản xuất.
""")
    assert names[100] == "Tỷ lệ chi bộ, tổ chức đoàn thể xây dựng kế hoạch hoạt động hằng năm sát thực tế"
    assert names[95] == "Tỷ lệ hội viên nông dân tham gia các mô hình liên kết sản xuất"


def test_a_share_after_a_verb_is_named_by_its_units():
    names = _names("1. Đến năm 2027, hoàn thành 100% các cuộc giám sát chuyên đề theo chương trình.")
    assert names[100] == "Tỷ lệ cuộc giám sát chuyên đề theo chương trình hoàn thành"


def test_a_predicate_after_the_last_share_of_a_list_is_every_members():
    names = _names("""
1. Đến năm 2027, 100% chi bộ thôn, 90% chi bộ cơ quan, 85% đảng viên được xếp loại hoàn thành
tốt nhiệm vụ.
""")
    assert names[100] == "Tỷ lệ chi bộ thôn được xếp loại hoàn thành tốt nhiệm vụ"
    assert names[90] == "Tỷ lệ chi bộ cơ quan được xếp loại hoàn thành tốt nhiệm vụ"
    assert names[85] == "Tỷ lệ đảng viên được xếp loại hoàn thành tốt nhiệm vụ"


def test_the_head_before_a_colon_names_the_items_which_are_its_scopes():
    document = parse_text(HEADER + "I- MỤC TIÊU\n1. Đến năm 2027, cơ cấu lao động: Nông nghiệp 30%; "
                          "Công nghiệp 45%; Dịch vụ 25%.\n" + CLOSING).documents[0]
    assert [(t.indicator, t.scope) for t in document.targets] == [
        ("Cơ cấu lao động", "Nông nghiệp"), ("Cơ cấu lao động", "Công nghiệp"), ("Cơ cấu lao động", "Dịch vụ"),
    ]


def test_a_verb_before_a_measure_word_is_not_part_of_the_name():
    names = _names("""
1. Đến năm 2027, nâng tỷ lệ hộ dân sử dụng nước sạch lên 98%; giảm tỷ suất sinh thô xuống còn 14‰.
2. Tiếp tục đổi mới sinh hoạt chi bộ, phấn đấu tỷ lệ đảng viên dự sinh hoạt đạt 95%.
""")
    assert names[98] == "Tỷ lệ hộ dân sử dụng nước sạch"
    assert names[14] == "Tỷ suất sinh thô"
    assert names[95] == "Tỷ lệ đảng viên dự sinh hoạt"


def test_a_long_name_is_cut_at_its_last_comma_within_120_characters():
    names = _names("""
1. Đến năm 2027, 100% cán bộ, công chức, viên chức xã, trưởng thôn, phó trưởng thôn, công an viên,
chi hội trưởng các đoàn thể ở thôn được bồi dưỡng kiến thức quản lý nhà nước, kỹ năng vận động quần
chúng, kỹ năng giải quyết đơn thư, kỹ năng chuyển đổi số.
""")
    assert names[100] == "Tỷ lệ cán bộ, công chức, viên chức xã, trưởng thôn, phó trưởng thôn, công an viên"


def test_a_long_name_without_a_comma_is_cut_at_a_word():
    names = _names("""
1. Đến năm 2027, 100% hộ gia đình ở các thôn vùng đồi thực hiện phân loại rác thải sinh hoạt tại nguồn
theo hướng dẫn của ủy ban nhân dân xã và tổ chức thu gom theo lịch định kỳ của hợp tác xã dịch vụ môi trường.
""")
    name = names[100]
    assert name.startswith("Tỷ lệ hộ gia đình ở các thôn vùng đồi thực hiện phân loại rác thải")
    assert name.endswith("tại nguồn theo hướng dẫn") and len(name) <= 120
