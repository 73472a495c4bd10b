"""Extraction of targets, assignments and reviews from whole (small) documents."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.text.commitments import extract
from nghiquyet.text.model import ParsedDocument, RepairedText, SourceRef

from .documents import document

RESOLUTION = """
Những năm qua, tỷ lệ lao động qua đào tạo năm 2020 đạt 65%, đã có 120 xã đạt chuẩn nông thôn mới.
Ban Chấp hành Đảng bộ tỉnh quyết nghị như sau:
I- MỤC TIÊU
1. Mục tiêu chung
Phát triển nhanh, bền vững.
2. Mục tiêu cụ thể đến năm 2025
- Tỷ lệ lao động qua đào tạo đạt 80%; tỷ lệ hộ nghèo còn dưới 2%.
- Tỷ lệ chất thải rắn được xử lý đạt 85% (thành thị 96%, nông thôn 75%).
- Tốc độ tăng trưởng kinh tế bình quân hằng năm 8-9%.
- Tỷ trọng công nghiệp tăng từ 40,5% năm 2020 lên 50% vào năm 2030.
- Tỉnh thuộc nhóm 20 tỉnh, thành phố dẫn đầu cả nước về chỉ số cải cách hành chính.
* Hằng năm
- Có từ 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.
II- NHIỆM VỤ, GIẢI PHÁP
1. Tăng cường sự lãnh đạo của cấp ủy
Cấp ủy các cấp tăng cường lãnh đạo; bố trí tối thiểu 3% tổng chi ngân sách cho chuyển đổi số.
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, tổ chức 02 hội nghị mỗi năm.
III- TỔ CHỨC THỰC HIỆN
1. Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện Nghị quyết, xong trong tháng 8/2021.
2. Ban cán sự đảng UBND tỉnh chỉ đạo UBND tỉnh xây dựng kế hoạch thực hiện, hoàn thành trước ngày 30/9/2021. Hằng năm, đánh giá kết quả thực hiện.
3. Ủy ban Kiểm tra Tỉnh ủy:
- Chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy kiểm tra việc thực hiện Nghị quyết.
- Tham mưu xây dựng quy định về kiểm tra, giám sát.
4. Ban Tuyên giáo Tỉnh ủy chù trì, phối với Sở Thông tin và Truyền thông tuyên truyền Nghị quyết; các huyện ủy, thành ủy phổ biến Nghị quyết đến chi bộ.
5. Giao Ban cán sự đảng UBND tỉnh chủ trì, phối hợp với Văn phòng Tỉnh ủy và các cơ quan liên quan theo dõi, đôn đốc việc thực hiện Nghị quyết; định kỳ báo cáo Ban Thường vụ Tỉnh ủy vào tháng 12 hằng năm; tham mưu sơ kết vào quý II/2023 và tổng kết vào quý IV/2025.
Nghị quyết này phổ biến đến chi bộ.
"""


def _resolution():
    doc = document(RESOLUTION, issued_on=date(2021, 7, 1), title="về phát triển kinh tế giai đoạn 2021-2025", first_line=100)
    extract(doc)
    return doc


def _targets():
    return {(t.value, t.value_max): t for t in _resolution().targets if t.unit != "hội nghị"}


def test_targets_of_the_goals_part():
    targets = _targets()
    assert targets[(80, None)].deadline == "2025"
    assert targets[(80, None)].indicator == "Tỷ lệ lao động qua đào tạo"
    assert (targets[(2, None)].comparator, targets[(2, None)].unit) == ("lt", "%")
    assert targets[(8, 9)].recurrence == "annual"
    rank = targets[(20, None)]
    assert (rank.unit, rank.comparator) == ("hạng", "lte")


def test_sub_targets_get_scopes():
    targets = _targets()
    assert targets[(85, None)].scope is None
    assert (targets[(96, None)].scope, targets[(75, None)].scope) == ("thành thị", "nông thôn")
    assert targets[(96, None)].indicator == targets[(85, None)].indicator


def test_baseline_is_not_a_target_of_its_own():
    targets = _targets()
    raised = targets[(50, None)]
    assert (raised.baseline_value, raised.baseline_year, raised.deadline) == (40.5, "2020", "2030")
    assert (40.5, None) not in targets


def test_annual_lead_in_and_rating_share():
    share = _targets()[(95, None)]
    assert (share.recurrence, share.comparator) == ("annual", "gte")


def test_past_results_and_references_are_not_targets():
    targets = _targets()
    assert (65, None) not in targets and (120, None) not in targets
    assert (57, None) not in targets


def test_committed_figures_in_the_solutions_part():
    targets = _targets()
    budget = targets[(3, None)]
    assert (budget.comparator, budget.deadline) == ("gte", "2025")
    assert targets[(2, None)].line == 106  # the value's input line
    conferences = [t for t in _resolution().targets if t.unit == "hội nghị"]
    assert conferences and conferences[0].recurrence == "annual"


def test_assignments_of_the_implementation_part():
    assignments = _resolution().assignments
    leads = [(" ".join(a.lead), a.due) for a in assignments]
    assert leads == [
        ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "2021-08"),
        ("Ban cán sự đảng UBND tỉnh", "2021-09-30"),
        ("Ủy ban Kiểm tra Tỉnh ủy", None),
        ("Ủy ban Kiểm tra Tỉnh ủy", None),
        ("Ban Tuyên giáo Tỉnh ủy", None),
        ("các huyện ủy, thành ủy", None),
        ("Ban cán sự đảng UBND tỉnh", None),
    ]
    plan, directed, check, rule, propaganda, spreading, giao = assignments
    assert (plan.kind, plan.line) == ("plan", 118)
    assert (directed.kind, directed.recurrence) == ("plan", "annual")
    assert (check.partners, check.kind, check.line) == (["Ban Tổ chức Tỉnh ủy"], "monitor", 120)
    assert rule.kind == "implement"
    assert propaganda.partners == ["Sở Thông tin và Truyền thông"]
    assert giao.partners == ["Văn phòng Tỉnh ủy", "các cơ quan liên quan"]
    assert (giao.kind, giao.recurrence, giao.report_to) == ("monitor", "annual", "Ban Thường vụ Tỉnh ủy")
    assert giao.action.startswith("theo dõi, đôn đốc")
    assert giao.confidence > rule.confidence


def test_reviews_of_the_document():
    reviews = [(r.kind, r.due) for r in _resolution().reviews]
    assert reviews == [("so_ket", "2023-Q2"), ("tong_ket", "2025-Q4")]


def test_reviews_of_other_things_are_not_reviews():
    doc = document("""
1. Nhiệm vụ
Kịp thời sơ kết, tổng kết, rút kinh nghiệm. Chú trọng sơ kết, tổng kết các phong trào thi đua.
2. Tổ chức thực hiện
Giao Ban Tuyên giáo Tỉnh ủy theo dõi; tham mưu sơ kết, tổng kết các nghị quyết, chỉ thị của Đảng.
Các cấp ủy sơ kết việc thực hiện Chỉ thị này hằng năm.
""")
    extract(doc)
    assert [(r.kind, r.due) for r in doc.reviews] == [("so_ket", "annual")]


def test_follow_up_plan_outside_the_implementation_part():
    doc = document("""
1. Nâng cao chất lượng đào tạo
UBND tỉnh xây dựng kế hoạch đào tạo nghề, hoàn thành trong tháng 10/2021. Cấp ủy các cấp tăng cường lãnh đạo.
""")
    extract(doc)
    assert [(a.lead, a.due, a.kind) for a in doc.assignments] == [(["UBND tỉnh"], "2021-10", "plan")]


def test_a_document_without_text_has_no_commitments():
    doc = document("")
    extract(doc)
    assert (doc.targets, doc.assignments, doc.reviews) == ([], [], [])


def test_items_serialise_to_the_contract():
    doc = _resolution()
    target = doc.to_json()["targets"][0]
    assert set(target) == {"indicator", "scope", "value", "value_max", "unit", "comparator", "deadline",
                           "recurrence", "baseline", "line", "quote"}
    assignment = doc.to_json()["assignments"][0]
    assert set(assignment) == {"lead", "partners", "action", "due", "recurrence", "report_to", "kind", "line", "quote"}
    for item in doc.targets + doc.assignments + doc.reviews:
        assert 0 <= item.start <= item.end <= len(doc.body.text)
        assert 0 < item.confidence <= 1


_VIETNAMESE = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ ĐÁỦ0123456789.,;:-/()%*+\n")),
    max_size=400,
)
_PHRASES = st.sampled_from([
    "Giao ", "Ban Tổ chức Tỉnh ủy ", "chủ trì, phối hợp với ", "các huyện ủy, thành ủy ", "xây dựng kế hoạch ",
    "xong trong tháng 7/2021", "III- TỔ CHỨC THỰC HIỆN\n", "2. Mục tiêu\n", "- ", "đạt 95%", "từ 14-15%/năm",
    "sơ kết vào quý II/2023", "nhóm 15 tỉnh", " (", ")", "; ", ". ", "\n", "1. ", "hằng năm ", "trên ", "ngày 30/11",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PHRASES, _VIETNAMESE), max_size=30), st.booleans())
def test_extract_never_raises(parts, dated):
    text = "".join(parts)
    doc = ParsedDocument(
        source=SourceRef("x.txt", 1, 1), body=RepairedText(text, [(0, 1)] if text else []),
        issued_on=date(2021, 1, 1) if dated else None, title=text[:40] or None,
    )
    extract(doc)
    for item in doc.targets + doc.assignments + doc.reviews:
        assert 0 <= item.start <= item.end <= len(text)
        assert item.line >= 1


DIRECTIVE = """
Trong thời gian qua, tỷ lệ hộ nghèo năm 2020 đạt 3,5%. Để phấn đấu đến năm 2025 đạt trên 90% thôn có chi bộ, Ban Thường vụ Tỉnh ủy yêu cầu:
1. Các cấp ủy, chính quyền các cấp tăng cường lãnh đạo công tác này.
2. Ủy ban nhân dân tỉnh chỉ đạo:
2.1. Ban hành hướng dẫn xử lý vi phạm, hoàn thành trước ngày 31/10/2021.
2.2. Chỉ đạo các sở, ngành tăng cường kiểm tra.
3. Ban cán sự đảng UBND tỉnh chỉ đạo Sở Kế hoạch và Đầu tư, Sở Tài chính; UBND các huyện, thành phố cân đối kinh phí.
Chủ động rà soát các cơ chế, chính sách.
4. Tăng cường tuyên truyền. Các cơ quan tư pháp phối hợp chặt chẽ với cơ quan thuế. Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến.
5. Hằng năm, trước ngày 30/11, các huyện ủy, thành ủy báo cáo kết quả về Ban Thường vụ Tỉnh ủy.
6. Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy được phân công phụ trách địa bàn thường xuyên kiểm tra, đôn đốc.
7. Các cơ quan, đơn vị được phân công chuẩn bị các kế hoạch, đề án của Tỉnh ủy tích cực, chủ động chuẩn bị.
Giao Ban Nội chính Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi việc thực hiện Chỉ thị này; tham mưu tổng kết các nghị quyết về công tác này và Chỉ thị này trong quý IV/2025.
Chỉ thị này phổ biến đến chi bộ.
"""


def _directive():
    doc = document(DIRECTIVE, issued_on=date(2021, 8, 1), first_line=1)
    extract(doc)
    return doc


def test_a_directive_without_an_implementation_part_assigns_in_its_items():
    assignments = [(" ".join(a.lead), a.due, a.recurrence, a.line) for a in _directive().assignments]
    assert assignments == [
        ("Ủy ban nhân dân tỉnh", "2021-10-31", None, 3),  # sub-items take the head's lead and line
        ("Ủy ban nhân dân tỉnh", None, None, 3),
        ("Ban cán sự đảng UBND tỉnh", None, None, 6),  # "; UBND các huyện ..." continues the object
        ("Ban cán sự đảng UBND tỉnh", None, None, 6),  # a paragraph of the item is its own duty
        ("Ban Dân vận Tỉnh ủy", None, None, 8),  # mid-paragraph, with "chủ trì"; "Các cơ quan tư pháp" is not
        ("các huyện ủy, thành ủy", None, "annual", 9),  # a yearly date: due null, annual
        ("Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy", None, None, 10),
        ("Các cơ quan, đơn vị được phân công chuẩn bị các kế hoạch, đề án của Tỉnh ủy", None, None, 11),
        ("Ban Nội chính Tỉnh ủy", None, None, 12),
    ]


def test_kinds_in_a_directive():
    kinds = [a.kind for a in _directive().assignments]
    # a guide to issue; directing others to inspect; reporting only; drafting named plans; monitoring
    assert [kinds[i] for i in (0, 1, 5, 7, 8)] == ["plan", "implement", "report", "plan", "monitor"]


def test_an_aim_in_the_preamble_is_a_target_a_past_figure_is_not():
    targets = [(t.value, t.deadline, t.comparator) for t in _directive().targets]
    assert targets == [(90, "2025", "gt")]


def test_a_review_naming_this_document_among_others():
    assert [(r.kind, r.due) for r in _directive().reviews] == [("tong_ket", "2025-Q4")]


def test_deadlines_from_lead_in_paragraphs_and_onwards():
    doc = document("""
Để phát triển giao thông giai đoạn 2021-2025, định hướng đến năm 2030, Tỉnh ủy kết luận như sau:
1. Đường tỉnh có quy mô mặt đường tối thiểu 18m; 100% đường huyện được cứng hóa.
2. Quyết tâm xử lý rác thải. Phấn đấu đến hết năm 2024:
100% rác thải được thu gom; từ năm 2026 trở đi, trên 95% dân số được quản lý sức khỏe.
3. Phấn đấu đến đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030 có 30% cán bộ trẻ.
""", issued_on=date(2021, 3, 3))
    extract(doc)
    assert [(t.value, t.unit, t.deadline) for t in doc.targets] == [
        (18, "m", "2025"), (100, "%", "2025"), (100, "%", "2024"), (95, "%", "2026"), (30, "%", "2025"),
    ]


def test_a_comparator_leads_its_list():
    doc = document("2. Mục tiêu\n- Trên 95% hồ sơ tại cấp tỉnh, 85% hồ sơ tại cấp huyện; tối thiểu 2% chi (trong đó 10% cho an ninh).")
    extract(doc)
    assert [(t.value, t.comparator, t.scope) for t in doc.targets] == [
        (95, "gt", "cấp tỉnh"), (85, "gt", "cấp huyện"), (2, "gte", None), (10, "eq", None),
    ]
