"""Body names and group phrases, as documents write them, resolve to units."""

import datetime
from dataclasses import dataclass

import pytest

from nghiquyet.organisations import services
from nghiquyet.organisations.models import Unit, UnitAlias
from nghiquyet.organisations.names import NameResolver, UnitNames, clean_phrase
from nghiquyet.text.normalize import match_key

# (phrase as written in recipients lists and assignments, expected unit codes)
SINGLE_BODIES = [
    ("Ban cán sự đảng UBND tỉnh", "BCSD-UBND"),
    ("BCSĐ UBND tỉnh", "BCSD-UBND"),
    ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "BCSD-UBND"),
    ("Ban cán sự đảng Uỷ ban nhân dân tỉnh", "BCSD-UBND"),  # old tone placement
    ("Đảng đoàn HĐND tỉnh", "DD-HDND"),
    ("Đảng đoàn Hội đồng nhân dân tỉnh", "DD-HDND"),
    ("Đảng đoàn MTTQ tỉnh", "DD-MTTQ"),
    ("Đảng đoàn Mặt trận Tổ quốc tỉnh", "DD-MTTQ"),
    ("Đảng đoàn Liên đoàn Lao động tỉnh", "DD-LDLD"),
    ("Ban Tổ chức Tỉnh ủy", "BTC-TU"),
    ("Ban Tuyên giáo Tỉnh uỷ", "BTG-TU"),
    ("Ban Dân vận Tỉnh ủy", "BDV-TU"),
    ("Ban Nội chính Tỉnh ủy", "BNC-TU"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "UBKT-TU"),
    ("Văn phòng Tỉnh ủy", "VP-TU"),
    ("- Lưu Văn phòng Tỉnh ủy.", None),
    ("Trường Chính trị tỉnh", "TCT"),
    ("Ban Thường vụ Tỉnh ủy", "BTV-TU"),
    ("Ban Chấp hành Đảng bộ tỉnh", "BCH-TU"),
    ("Thành ủy Bắc Giang", "TU-TP"),
    ("Huyện ủy Lục Ngạn", "HU-LNG"),
    ("Đảng ủy Khối các cơ quan tỉnh", "DU-KCQ"),
    ("Đảng ủy Khối doanh nghiệp tỉnh", "DU-KDN"),
    ("Đảng ủy Quân sự tỉnh", "DU-QS"),
    ("Đảng ủy Công an tỉnh", "DU-CA"),
    ("Sở Thông tin và Truyền thông", "SO-TTTT"),
    ("Sở Lao động - Thương binh và Xã hội", "SO-LDTBXH"),
    ("Sở Lao động – Thương binh và Xã hội", "SO-LDTBXH"),  # en dash
    ("Ủy ban Mặt trận Tổ quốc tỉnh", "MTTQ-T"),
    ("UBND tỉnh", "UBND-T"),
    ("ban to chuc tinh uy", "BTC-TU"),  # typed without Vietnamese input
    ("Ủy ban Kiểm tra Trung ương,     (báo cáo)", None),
    ("Bộ Chính trị", None),
]

GROUPS = [
    ("- Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy,", "huyen-thanh-dang-uy-truc-thuoc", 14),
    ("các huyện ủy, thành ủy, đảng ủy trực thuộc", "huyen-thanh-dang-uy-truc-thuoc", 14),
    ("Các huyện ủy, thành ủy", "huyen-thanh-uy", 10),
    ("- Các ban cán sự đảng, đảng đoàn,", "ban-can-su-dang-doan", 4),
    ("Các ban cán sự đảng, đảng đoàn tỉnh,", "ban-can-su-dang-doan", 4),
    ("Các cơ quan tham mưu, giúp việc Tỉnh ủy", "co-quan-tham-muu", 7),
    ("các ban đảng", "ban-dang", 4),
    ("Ủy ban MTTQ và các đoàn thể tỉnh,", "mttq-doan-the", 6),
    ("Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh", "mttq-doan-the", 6),
    ("- Các cơ quan, sở, ban, ngành tỉnh,", "so-ban-nganh", 12),
    ("UBND các huyện, thành phố,", "ubnd-huyen", 2),
]


@pytest.fixture
def names(demo_organisation):
    return NameResolver()


def test_single_bodies_resolve_to_their_unit(names):
    wrong = []
    for phrase, code in SINGLE_BODIES:
        resolution = names.resolve(phrase)
        found = resolution.units[0].code if resolution and resolution.units else None
        if found != code:
            wrong.append((phrase, code, found))
    assert wrong == []


def test_group_phrases_resolve_to_their_current_members(names):
    for phrase, group_code, size in GROUPS:
        resolution = names.resolve(phrase)
        assert resolution is not None and resolution.group.code == group_code, phrase
        assert len(resolution.units) == size, phrase
    committees = names.resolve(GROUPS[0][0]).units
    assert {unit.kind.code for unit in committees} == {"huyen_uy", "thanh_uy", "dang_uy_truc_thuoc"}


def test_a_group_resolves_to_its_members_on_the_day_asked(demo_organisation):
    reform = datetime.date(2025, 7, 1)
    services.abolish(demo_organisation["HU-YT"], reform, successor=demo_organisation["TU-BG"])
    phrase = "Các huyện ủy, thành ủy"
    before = NameResolver(day=datetime.date(2025, 1, 1)).resolve(phrase).units
    after = NameResolver(day=datetime.date(2025, 8, 1)).resolve(phrase).units
    assert "HU-YT" in {u.code for u in before} and "HU-YT" not in {u.code for u in after}


def test_former_names_still_find_the_unit(demo_organisation):
    board = demo_organisation["BTG-TU"]
    services.rename(board, "Ban Tuyên giáo và Dân vận Tỉnh ủy", datetime.date(2025, 3, 1))
    names = NameResolver(day=datetime.date(2025, 8, 1))
    assert names.resolve("Ban Tuyên giáo Tỉnh ủy").units == [board]
    assert names.resolve("Ban Tuyên giáo và Dân vận Tỉnh ủy").units == [board]


def test_an_ambiguous_name_prefers_the_unit_near_the_issuer(demo_organisation):
    """"Ban Tổ chức", the short name of a district's board and of the province's:
    the issuer's own wins; with no issuer it stays for staff to map."""
    district = demo_organisation["HU-YT"]
    district_board = Unit.objects.create(code="BTC-YT", name="Ban Tổ chức Huyện ủy Yên Thế", short_name="Ban Tổ chức",
                                         kind=demo_organisation["BTC-TU"].kind, parent=district)
    names = UnitNames()
    unplaced = NameResolver(names=names).resolve("Ban Tổ chức")
    assert unplaced.ambiguous and not unplaced.resolved
    assert unplaced.candidates == [demo_organisation["BTC-TU"], district_board]  # the higher one first
    assert NameResolver(near=district, names=names).resolve("Ban Tổ chức").units == [district_board]
    assert NameResolver(near=demo_organisation["TU-BG"], names=names).resolve("Ban Tổ chức").units == [
        demo_organisation["BTC-TU"]]


def test_an_alias_is_a_name_only_while_valid_and_former_names_always(demo_organisation):
    office = demo_organisation["VP-TU"]
    UnitAlias.objects.create(unit=office, name="Văn phòng Cấp ủy", valid_to=datetime.date(2024, 1, 1))
    assert NameResolver(day=datetime.date(2023, 6, 1)).resolve("Văn phòng Cấp ủy").units == [office]
    assert NameResolver(day=datetime.date(2024, 6, 1)).resolve("Văn phòng Cấp ủy").units == []


def test_staff_mappings_come_first(demo_organisation):
    """A mapping (documents' ``BodyMapping`` is one) beats every rule, even a unit's own name."""
    @dataclass
    class Mapping:
        key: str
        unit: Unit | None = None
        group: object = None
        not_a_body: bool = False

    office = demo_organisation["VP-TU"]
    names = UnitNames(mappings=[Mapping(match_key("Ban Tổ chức Tỉnh ủy"), unit=office),
                                Mapping(match_key("Báo Bắc Giang"), not_a_body=True)])
    resolver = NameResolver(names=names)
    assert resolver.resolve("- Ban Tổ chức Tỉnh ủy;").units == [office]
    assert resolver.resolve("Báo Bắc Giang").resolved and resolver.resolve("Báo Bắc Giang").not_a_body


def test_clean_phrase_strips_list_punctuation():
    assert clean_phrase("- Ủy ban Kiểm tra Trung ương,     (báo cáo)") == "Ủy ban Kiểm tra Trung ương"
    assert clean_phrase("+ Sở Y tế;") == "Sở Y tế"
