"""The standard kinds of organisation, created on every install.

Administrators may add more in the admin; the tree import refers to kinds by
code. Levels: 1 province, 2 district, 3 grassroots, 4 below; 0 not by level.
"""

STANDARD_KINDS = (
    # code, name, category, level
    ("trung_uong", "Cơ quan Trung ương", "central", 0),
    ("tinh_uy", "Tỉnh ủy", "committee", 1),
    ("ban_chap_hanh", "Ban Chấp hành", "standing", 1),
    ("ban_thuong_vu", "Ban Thường vụ", "standing", 1),
    ("thuong_truc", "Thường trực cấp ủy", "standing", 1),
    ("ban_dang", "Ban đảng", "advisory", 1),
    ("van_phong_cap_uy", "Văn phòng cấp ủy", "advisory", 1),
    ("truong_chinh_tri", "Trường Chính trị", "advisory", 1),
    ("uy_ban_kiem_tra", "Ủy ban kiểm tra", "inspection", 1),
    ("ban_can_su_dang", "Ban cán sự đảng", "party_group", 1),
    ("dang_doan", "Đảng đoàn", "party_group", 1),
    ("huyen_uy", "Huyện ủy", "committee", 2),
    ("thanh_uy", "Thành ủy", "committee", 2),
    ("dang_uy_truc_thuoc", "Đảng ủy trực thuộc Tỉnh ủy", "committee", 2),
    ("dang_uy_co_so", "Đảng ủy cơ sở", "committee", 3),
    ("chi_bo_co_so", "Chi bộ cơ sở", "committee", 3),
    ("dang_bo_bo_phan", "Đảng bộ bộ phận", "committee", 4),
    ("chi_bo", "Chi bộ trực thuộc", "committee", 4),
    ("hdnd_tinh", "Hội đồng nhân dân tỉnh", "state", 1),
    ("ubnd_tinh", "Ủy ban nhân dân tỉnh", "state", 1),
    ("so_nganh", "Sở, ban, ngành tỉnh", "state", 1),
    ("ubnd_huyen", "Ủy ban nhân dân huyện, thành phố", "state", 2),
    ("ubnd_xa", "Ủy ban nhân dân xã, phường, thị trấn", "state", 3),
    ("mat_tran", "Ủy ban Mặt trận Tổ quốc", "front", 1),
    ("doan_the", "Tổ chức chính trị - xã hội", "front", 1),
)


def ensure_standard_kinds(unit_kind_model) -> None:
    """Create the standard kinds that are missing; leave edited ones alone.

    Takes the model class so a data migration can pass its historical model.
    """
    existing = set(unit_kind_model.objects.values_list("code", flat=True))
    for code, name, category, level in STANDARD_KINDS:
        if code not in existing:
            unit_kind_model.objects.create(code=code, name=name, category=category, level=level)
