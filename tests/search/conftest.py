import datetime

import pytest

from nghiquyet.documents.models import Document
from nghiquyet.organisations.models import Role
from nghiquyet.tracking.models import Indicator, ProgressUpdate, Task

OUTLINE_TEXT = (
    "I. MỤC TIÊU\nĐẩy mạnh chuyển đổi số trong hoạt động của các cơ quan đảng, "
    "xây dựng chính quyền số.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\nNâng cao chất lượng công tác dân vận khéo; "
    "phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể."
)


def make_document(unit, symbol, title, text="", secret=False, kind="nghi_quyet", issued_on=datetime.date(2021, 5, 4),
                  issuer="Ban Thường vụ Tỉnh ủy", outline=None):
    return Document.objects.create(
        kind=kind, symbol=symbol, title=title, text=text or title, issuer=issuer, issuer_unit=unit,
        secret=secret, issued_on=issued_on, outline=outline or [],
    )


def outline_of(text):
    second = text.index("II.")
    return [
        {"label": "I.", "heading": "MỤC TIÊU", "line": 1, "start": 0, "end": second, "children": []},
        {"label": "II.", "heading": "NHIỆM VỤ, GIẢI PHÁP", "line": 3, "start": second, "end": len(text), "children": []},
    ]


@pytest.fixture
def library(tree):
    """Documents of the province and of both districts, a secret one, tasks and reports."""
    docs = {
        "digital": make_document(tree["province"], "109-NQ/TU", "về chuyển đổi số tỉnh Bắc Giang đến năm 2025",
                                 OUTLINE_TEXT, outline=outline_of(OUTLINE_TEXT)),
        "old_digital": make_document(tree["province"], "109-NQ/TU", "về công tác cán bộ", "Nội dung cũ về cán bộ.",
                                     issued_on=datetime.date(2016, 3, 1)),
        "front": make_document(tree["district_a"], "45-KH/HU", "về phát huy vai trò của Mặt trận Tổ quốc",
                               "Huyện ủy giao Đảng đoàn Mặt trận Tổ quốc huyện chủ trì, thực hiện công tác dân vận khéo.",
                               kind="ke_hoach", issuer="Huyện ủy Yên Thế"),
        "secret": make_document(tree["district_a"], "25-TB/HU", "kết luận về vụ việc tham nhũng bí mật",
                                "Kết luận kiểm tra dấu hiệu vi phạm chuyển đổi số tuyệt mật <script>.",
                                secret=True, kind="thong_bao", issuer="Ban Thường vụ Huyện ủy"),
        "other": make_document(tree["district_b"], "12-CT/HU", "về chuyển đổi số ở Lục Nam",
                               "Huyện ủy Lục Nam chỉ thị đẩy mạnh chuyển đổi số trong nông nghiệp.",
                               kind="chi_thi", issuer="Huyện ủy Lục Nam"),
    }
    task = Task.objects.create(document=docs["front"], title="Tổ chức hội nghị dân vận khéo", lead_unit=tree["commune_a"],
                               due_period="2021-12")
    other_task = Task.objects.create(document=docs["other"], title="Xây dựng nông thôn số", lead_unit=tree["district_b"],
                                     due_period="2022-06")
    ProgressUpdate.objects.create(task=other_task, percent=50, narrative="Đã số hóa hồ sơ nông thôn mới ở Lục Nam")
    Indicator.objects.create(document=docs["digital"], name="Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng",
                             target_value=90, unit_of_measure="%", owner_unit=tree["province"], due_period="2025")
    return {**docs, "task": task, "other_task": other_task}


@pytest.fixture
def officer_a(tree, make_user):
    return make_user("officer_a", tree["district_a"], Role.TRACKING_OFFICER)


@pytest.fixture
def officer_b(tree, make_user):
    return make_user("officer_b", tree["district_b"], Role.TRACKING_OFFICER)


@pytest.fixture
def cleared_a(tree, make_user):
    return make_user("cleared_a", tree["district_a"], Role.LEADER, secret_clearance=True)


@pytest.fixture
def superuser(db):
    from nghiquyet.organisations.models import User

    return User.objects.create_superuser("root", password="mat-khau-dai-1")
