"""Constructions met in documents outside the labelled set (commune, district, conclusion styles).

The sentences are written for these tests in the usual administrative style; each test
names the construction it covers. They go through the real reader (``parse_text``) so
line wrapping and paragraph repair are part of what is tested.
"""

from nghiquyet.text.read import parse_text

HEADER = """ĐẢNG BỘ HUYỆN YÊN THẾ
ĐẢNG ỦY XÃ ĐỒNG TÂM
*
Số 12-NQ/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM

Đồng Tâm, ngày 10 tháng 3 năm 2025

NGHỊ QUYẾT
CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ
về xây dựng nông thôn mới nâng cao giai đoạn 2025 - 2027
-----

"""
CLOSING = """
Nơi nhận:
- Ban Thường vụ Huyện ủy (báo cáo),
- Lưu VP.
T/M ĐẢNG ỦY
BÍ THƯ

Nguyễn Văn An
"""


def _read(body: str, header: str = HEADER):
    documents = parse_text(header + body.strip() + "\n" + CLOSING).documents
    assert len(documents) == 1
    return documents[0]


def _assignments(document):
    return [(" ".join(a.lead), a.due) for a in document.assignments]


COMMUNE = """
Năm 2024, thu nhập bình quân đầu người của xã đạt 52 triệu đồng; tỷ lệ hộ nghèo
còn 2,1%. Ban Chấp hành Đảng bộ xã quyết nghị như sau:

I- MỤC TIÊU
1. Phấn đấu đến hết năm 2026:
- Thu nhập bình quân đầu người đạt không dưới 60 triệu đồng;
- 100% thôn có nhà văn hóa đạt chuẩn; tỷ lệ hộ nghèo giảm xuống dưới 1,5%;
- Có ít nhất 02 thôn đạt chuẩn thôn kiểu mẫu.
2. Đến năm 2027, tỷ lệ người dân tham gia bảo hiểm y tế đạt từ 96% trở lên;
tỷ lệ lao động có việc làm thường xuyên khoảng 92%.

II- TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân xã xây dựng kế hoạch thực hiện Nghị quyết, hoàn thành
trước ngày 30/4; chỉ đạo các thôn triển khai thực hiện.
2. Ủy ban MTTQ xã và các đoàn thể chính trị - xã hội xã tuyên truyền, vận
động đoàn viên, hội viên tham gia, xong trong quý II/2025.
3. Các chi bộ trực thuộc Đảng ủy xã tổ chức quán triệt Nghị quyết đến toàn
thể đảng viên trong tháng 4/2025.
4. Văn phòng Đảng ủy xã theo dõi, đôn đốc, định kỳ 6 tháng báo cáo Ban
Thường vụ Đảng ủy xã; tham mưu sơ kết 2 năm vào tháng 12/2026 và tổng kết
vào quý IV/2027.

Nghị quyết này được phổ biến đến chi bộ và đảng viên.
"""


def test_commune_bodies_and_dates_anywhere_in_the_duty():
    assert _assignments(_read(COMMUNE)) == [
        ("Ủy ban nhân dân xã", "2025-04-30"),  # "trước ngày 30/4": the next 30 April after issue
        ("Ủy ban MTTQ xã các đoàn thể chính trị - xã hội xã", "2025-Q2"),
        ("Các chi bộ trực thuộc Đảng ủy xã", "2025-04"),  # the owner body stays in the name
        ("Văn phòng Đảng ủy xã", None),
    ]


def test_commune_reporting_and_reviews():
    document = _read(COMMUNE)
    office = document.assignments[-1]
    assert (office.recurrence, office.report_to, office.kind) == ("semiannual", "Ban Thường vụ Đảng ủy xã", "monitor")
    assert [(r.kind, r.due) for r in document.reviews] == [("so_ket", "2026-12"), ("tong_ket", "2027-Q4")]


def test_commune_targets_under_a_deadline_header_and_past_results():
    targets = [(t.value, t.comparator, t.deadline) for t in _read(COMMUNE).targets]
    assert targets == [
        (60, "gte", "2026"), (100, "eq", "2026"), (1.5, "lt", "2026"), (2, "gte", "2026"),
        (96, "gte", "2027"), (92, "approx", "2027"),
    ]  # 52 triệu đồng and 2,1% of 2024 are results, not targets


DISTRICT_HEADER = HEADER.replace("ĐẢNG ỦY XÃ ĐỒNG TÂM", "HUYỆN ỦY YÊN THẾ").replace("12-NQ/ĐU", "08-CTr/HU")

PROGRAMME = """
III- TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo chủ trì, phối hợp với Trung tâm Chính trị huyện tổ chức
quán triệt Chương trình đến cán bộ, đảng viên, hoàn thành trong quý III/2025.
2. Đề nghị Đảng đoàn Hội đồng nhân dân huyện lãnh đạo Hội đồng nhân dân
huyện xem xét, ban hành cơ chế hỗ trợ chuyển đổi số, xong trước 15/12/2025.
3. Ủy ban nhân dân huyện:
- Xây dựng kế hoạch thực hiện Chương trình, hoàn thành trước ngày 30/6/2025.
- Bố trí kinh phí hằng năm cho chuyển đổi số.
- Chỉ đạo các phòng chuyên môn rà soát, cắt giảm thủ tục hành chính trong
quý IV/2025.
4. Các cấp ủy, tổ chức đảng trong Đảng bộ huyện căn cứ Chương trình, xây
dựng kế hoạch thực hiện phù hợp với tình hình thực tế, xong trong tháng 7/2025.
5. Ban Tổ chức Huyện ủy và Văn phòng Huyện ủy chủ trì, phối hợp với Ủy ban
Kiểm tra Huyện ủy, Ban Dân vận Huyện ủy tham mưu đưa nội dung chuyển đổi số
vào đánh giá, xếp loại tổ chức đảng hằng năm.
6. Văn phòng Huyện ủy theo dõi, đôn đốc việc thực hiện Chương trình; định kỳ
hằng năm sơ kết, báo cáo Ban Thường vụ Huyện ủy; giữa nhiệm kỳ sơ kết 3 năm
thực hiện Chương trình vào quý II/2028; tổng kết 5 năm vào quý IV/2030. Tham
mưu tổng kết Nghị quyết số 36-NQ/HU của Huyện ủy về cải cách hành chính trong
năm 2026.
"""


def test_requests_heads_with_dash_items_and_owner_qualifiers():
    assert _assignments(_read(PROGRAMME, DISTRICT_HEADER)) == [
        ("Ban Tuyên giáo", "2025-Q3"),  # a board named without its committee
        ("Đảng đoàn Hội đồng nhân dân huyện", "2025-12-15"),  # "Đề nghị" gives the duty as "Giao" does
        ("Ủy ban nhân dân huyện", "2025-06-30"),  # one assignment per dash item under the head
        ("Ủy ban nhân dân huyện", None),
        ("Ủy ban nhân dân huyện", "2025-Q4"),
        ("Các cấp ủy, tổ chức đảng trong Đảng bộ huyện", "2025-07"),
        ("Ban Tổ chức Huyện ủy Văn phòng Huyện ủy", None),
        ("Văn phòng Huyện ủy", None),
    ]


def test_joint_leads_and_partner_lists():
    document = _read(PROGRAMME, DISTRICT_HEADER)
    first, joint = document.assignments[0], document.assignments[6]
    assert first.partners == ["Trung tâm Chính trị huyện"]
    assert joint.lead == ["Ban Tổ chức Huyện ủy", "Văn phòng Huyện ủy"]
    assert joint.partners == ["Ủy ban Kiểm tra Huyện ủy", "Ban Dân vận Huyện ủy"]


def test_reviews_by_years_of_implementation_and_of_another_document():
    reviews = [(r.kind, r.due) for r in _read(PROGRAMME, DISTRICT_HEADER).reviews]
    # "định kỳ hằng năm sơ kết", "sơ kết 3 năm ... vào quý II/2028", "tổng kết 5 năm vào quý IV/2030";
    # the review of Nghị quyết số 36-NQ/HU is another document's
    assert reviews == [("so_ket", "annual"), ("so_ket", "2028-Q2"), ("tong_ket", "2030-Q4")]


CONCLUSION_HEADER = DISTRICT_HEADER.replace("08-CTr/HU", "45-KL/HU").replace(
    "ngày 10 tháng 3 năm 2025", "ngày 12 tháng 8 năm 2025").replace("NGHỊ QUYẾT", "KẾT LUẬN").replace(
    "CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ\nvề xây dựng nông thôn mới nâng cao giai đoạn 2025 - 2027",
    "CỦA BAN THƯỜNG VỤ HUYỆN ỦY\nvề công tác xây dựng Đảng 6 tháng cuối năm 2025")

CONCLUSION = """
Sau khi nghe báo cáo, Ban Thường vụ Huyện ủy kết luận như sau:
1. Sáu tháng đầu năm, thu ngân sách trên địa bàn đạt 62% dự toán; kết nạp được
85 đảng viên, đạt 56,7% kế hoạch năm.
2. Nhiệm vụ trọng tâm 6 tháng cuối năm: phấn đấu kết nạp đảng viên mới đạt trên
150 đồng chí; giải quyết dứt điểm 95% đơn thư tồn đọng trước ngày 30/11/2025.
3. Ban Tổ chức Huyện ủy phối hợp với Ủy ban Kiểm tra Huyện ủy hướng dẫn các tổ
chức cơ sở đảng kiểm điểm, đánh giá, xếp loại chất lượng năm 2025, xong trước
ngày 15/12.
4. Yêu cầu Đảng ủy Công an huyện và Đảng ủy Quân sự huyện chủ động nắm tình
hình, bảo đảm an ninh trật tự dịp cuối năm.
5. Yêu cầu cấp ủy các cấp tăng cường lãnh đạo công tác này.
6. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện chủ trì, phối hợp với Hội
Nông dân, Hội Liên hiệp Phụ nữ, Huyện đoàn vận động nhân dân ủng hộ Quỹ Vì
người nghèo, báo cáo kết quả về Thường trực Huyện ủy trước ngày 25/12/2025.
"""


def test_conclusion_items_requests_and_year_less_dates():
    document = _read(CONCLUSION, CONCLUSION_HEADER)
    assert _assignments(document) == [
        ("Ban Tổ chức Huyện ủy", "2025-12-15"),
        ("Đảng ủy Công an huyện Đảng ủy Quân sự huyện", None),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "2025-12-25"),  # "Yêu cầu cấp ủy các cấp" is everyone's
    ]
    front = document.assignments[-1]
    assert front.partners == ["Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Huyện đoàn"]  # a name broken by the layout
    assert front.report_to == "Thường trực Huyện ủy"


def test_results_of_a_period_over_are_not_targets():
    targets = [(t.value, t.comparator, t.deadline) for t in _read(CONCLUSION, CONCLUSION_HEADER).targets]
    # the first half of the year is over in August: 62%, 85 and 56,7% are results
    assert targets == [(150, "gt", "2025-12"), (95, "eq", "2025-11-30")]


DIRECTIVE_HEADER = DISTRICT_HEADER.replace("08-CTr/HU", "15-CT/HU").replace(
    "ngày 10 tháng 3 năm 2025", "ngày 20 tháng 2 năm 2025").replace("NGHỊ QUYẾT", "CHỈ THỊ").replace(
    "CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ\nvề xây dựng nông thôn mới nâng cao giai đoạn 2025 - 2027",
    "CỦA BAN THƯỜNG VỤ HUYỆN ỦY\nvề tăng cường công tác phát triển đảng viên")

DIRECTIVE = """
Những năm qua, công tác phát triển đảng viên có nhiều chuyển biến, bình quân mỗi
năm kết nạp 220 đảng viên. Để phấn đấu mỗi năm kết nạp từ 250 đảng viên trở lên,
Ban Thường vụ Huyện ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt một số
nội dung sau:
1. Các cấp ủy, tổ chức đảng quán triệt sâu sắc quan điểm, mục tiêu phát triển
đảng viên. Phấn đấu đến cuối năm 2026, 100% thôn, tổ dân phố có chi bộ.
2. Giao Ban Tổ chức, Ban Tuyên giáo và Văn phòng Huyện ủy theo chức năng,
nhiệm vụ tham mưu Ban Thường vụ Huyện ủy triển khai Chỉ thị, xong trong
tháng 3/2025.
3. Đảng ủy các xã, thị trấn:
Xây dựng nghị quyết chuyên đề về phát triển đảng viên, hoàn thành trước ngày
31/3/2025.
Chỉ đạo các chi bộ rà soát nguồn kết nạp, giao chỉ tiêu cụ thể cho từng chi bộ.
4. Bí thư chi bộ các thôn chịu trách nhiệm trực tiếp về công tác tạo nguồn
kết nạp đảng viên ở thôn.
5. Ban Tổ chức Huyện ủy theo dõi, hướng dẫn, đôn đốc; sau 3 năm thực hiện tham
mưu Ban Thường vụ sơ kết Chỉ thị vào quý I/2028. Định kỳ hằng năm sơ kết, đánh
giá kết quả thực hiện Chỉ thị.

Chỉ thị này phổ biến đến chi bộ.
"""


def test_directive_items_giao_lists_and_paragraphs_under_a_head():
    document = _read(DIRECTIVE, DIRECTIVE_HEADER)
    assert _assignments(document) == [
        ("Ban Tổ chức Ban Tuyên giáo Văn phòng Huyện ủy", "2025-03"),
        ("Đảng ủy các xã, thị trấn", "2025-03-31"),  # paragraphs without dashes under a head
        ("Đảng ủy các xã, thị trấn", None),
        ("Bí thư chi bộ các thôn", None),  # persons of named units, not everyone's duty
        ("Ban Tổ chức Huyện ủy", None),
    ]
    assert document.assignments[0].lead == ["Ban Tổ chức", "Ban Tuyên giáo", "Văn phòng Huyện ủy"]
    assert [(r.kind, r.due) for r in document.reviews] == [("so_ket", "2028-Q1"), ("so_ket", "annual")]


def test_an_aim_with_a_cadence_in_the_preamble():
    targets = [(t.value, t.comparator, t.deadline, t.recurrence) for t in _read(DIRECTIVE, DIRECTIVE_HEADER).targets]
    assert targets[0] == (250, "gte", None, "annual")  # 220 a year so far is a result
    assert (100, "eq", "2026") == targets[1][:3]
    assert len(targets) == 2


def _reviews(paragraph: str):
    from datetime import date

    from nghiquyet.text.commitments import extract

    from .documents import document

    doc = document("III. TỔ CHỨC THỰC HIỆN\n" + paragraph, issued_on=date(2025, 5, 5), title="về chuyển đổi số")
    extract(doc)
    return [(r.kind, r.due) for r in doc.reviews]


def test_review_times_around_the_review_word():
    assert _reviews("1. Sau 3 năm triển khai, tiến hành sơ kết đánh giá kết quả thực hiện Kế hoạch vào tháng "
                    "6/2027; kết thúc giai đoạn tổng kết vào cuối năm 2030.") == [("so_ket", "2027-06"), ("tong_ket", "2030")]
    assert _reviews("1. Đảng ủy xã định kỳ hằng năm sơ kết, đánh giá rút kinh nghiệm; năm 2030 tổng kết việc "
                    "thực hiện Nghị quyết.") == [("so_ket", "annual"), ("tong_ket", "2030")]
    assert _reviews("1. Hằng năm các chi bộ sơ kết việc thực hiện; cuối nhiệm kỳ tổng kết Nghị quyết.") == [
        ("so_ket", "annual"), ("tong_ket", None)]
    assert _reviews("1. Giao Văn phòng tham mưu tổ chức sơ kết 02 năm thực hiện Chỉ thị vào quý IV/2027 và tổng "
                    "kết 05 năm vào quý IV/2030.") == [("so_ket", "2027-Q4"), ("tong_ket", "2030-Q4")]
    assert _reviews("1. Ban Tuyên giáo Huyện ủy tham mưu sơ kết giữa nhiệm kỳ việc thực hiện Nghị quyết.") == [("so_ket", None)]


def test_reviews_of_another_document_by_its_symbol():
    assert _reviews("1. Văn phòng Huyện ủy tham mưu tổng kết Nghị quyết số 26-NQ/TW vào năm 2028.") == []
    assert _reviews("1. Chú trọng sơ kết, tổng kết thực tiễn, nhân rộng mô hình hay.") == []


def test_review_quote_is_its_clause():
    document = _read(PROGRAMME, DISTRICT_HEADER)
    assert [r.quote for r in document.reviews][1:] == [
        "giữa nhiệm kỳ sơ kết 3 năm thực hiện Chương trình vào quý II/2028", "tổng kết 5 năm vào quý IV/2030.",
    ]


def test_targets_in_other_sentence_orders():
    from datetime import date

    from nghiquyet.text.commitments import extract

    from .documents import document

    doc = document("""
I. MỤC TIÊU
1. Chỉ tiêu đến năm 2025
- Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa phải đạt trên 90%.
- Năm 2020, tỷ lệ che phủ rừng đạt 37%; đến năm 2025 nâng lên 40%.
- Số doanh nghiệp thành lập mới mỗi năm không ít hơn 120 doanh nghiệp.
- Thu nhập bình quân đầu người đạt 80 triệu đồng, gấp 1,5 lần năm 2020.
- Tỷ lệ lao động nông nghiệp giảm xuống còn dưới 30%.
""", issued_on=date(2021, 5, 5), title="về phát triển")
    extract(doc)
    assert [(t.value, t.unit, t.comparator, t.deadline, t.recurrence) for t in doc.targets] == [
        (90, "%", "gt", "2025", None),
        (40, "%", "eq", "2025", None),  # 37% of 2020 is a result
        (120, "doanh nghiệp", "gte", "2025", "annual"),
        (80, "triệu đồng", "eq", "2025", None),
        (1.5, "lần", "eq", "2025", None),  # the year after the multiplier is not part of its unit
        (30, "%", "lt", "2025", None),
    ]
