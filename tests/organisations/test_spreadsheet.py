"""Excel import and export of the tree: every bad row reported, nothing half-saved."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Role, Unit, UnitAlias
from nghiquyet.organisations.spreadsheet import (
    ImportFileError,
    export_workbook,
    import_rows,
    read_workbook,
)

HEADER = ("Mã", "Tên đầy đủ", "Tên ngắn", "Mã loại", "Mã cấp trên", "Tên gọi khác", "Từ", "Đến")


def rows_of(data: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def test_export_then_import_changes_nothing(demo_organisation):
    data = export_workbook(Unit.objects.all())
    rows = rows_of(data)
    assert rows[0][0] == "Mã" and len(rows) == 1 + Unit.objects.count()
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code["BCSD-UBND"][4] == "TU-BG"
    assert "Ban cán sự đảng UBND tỉnh" in by_code["BCSD-UBND"][5].split("; ")
    result = import_rows(read_workbook(data))
    assert (result.errors, result.created, result.updated) == ([], 0, 0)
    assert result.unchanged == Unit.objects.count()


def test_every_bad_row_is_reported_and_nothing_is_saved(tree, xlsx):
    data = xlsx([
        HEADER,
        ("HU-C", "Huyện ủy Tân Yên", "", "huyen_uy", "TU", "", "01/01/2020", ""),  # good
        ("", "Không có mã", "", "huyen_uy", "TU", "", "", ""),
        ("X-C", "", "", "dang_uy_co_so", "HU-C", "", "", ""),
        ("X-D", "Đảng ủy xã D", "", "khong_co", "HU-C", "", "", ""),
        ("X-E", "Đảng ủy xã E", "", "dang_uy_co_so", "HU-X", "", "", ""),
        ("X-F", "Đảng ủy xã F", "", "dang_uy_co_so", "HU-C", "", "31/02/2020", ""),
        ("X-G", "Đảng ủy xã G", "", "dang_uy_co_so", "HU-C", "", "01/01/2021", "01/01/2020"),
        ("HU-C", "Trùng mã", "", "huyen_uy", "TU", "", "", ""),
        ("X H", "Mã có dấu cách", "", "dang_uy_co_so", "HU-C", "", "", ""),
    ])
    before = Unit.objects.count()
    result = import_rows(read_workbook(data))
    assert result.errors == [
        "Dòng 3: thiếu mã đơn vị.",
        "Dòng 4: thiếu tên đầy đủ.",
        "Dòng 7: ngày '31/02/2020' không đúng dạng dd/mm/yyyy.",
        "Dòng 8: ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.",
        "Dòng 10: mã 'X H' chỉ được gồm chữ, số và các dấu - _ .",
        "Dòng 9: mã 'HU-C' trùng với dòng 2.",
        "Dòng 5: không có loại tổ chức mã 'khong_co'.",
        "Dòng 6: không có đơn vị cấp trên mã 'HU-X'.",
    ]
    assert Unit.objects.count() == before


def test_import_creates_updates_and_moves_by_code(tree, xlsx):
    data = xlsx([
        HEADER,
        ("X-A", "Đảng ủy xã Đồng Tâm (mới)", "Đồng Tâm", "dang_uy_co_so", "HU-B", "ĐU xã Đồng Tâm; Xã Đồng Tâm",
         datetime.datetime(2020, 1, 1), None),
        ("CB-NEW", "Chi bộ mới", "", "chi_bo", "X-NEW", "", "", ""),  # its parent comes later in the file
        ("X-NEW", "Đảng ủy xã mới", "", "dang_uy_co_so", "HU-A", "", "", ""),
    ])
    result = import_rows(read_workbook(data))
    assert (result.errors, result.created, result.updated) == ([], 2, 1)
    commune = Unit.objects.get(code="X-A")
    assert commune.parent.code == "HU-B" and commune.valid_from == datetime.date(2020, 1, 1)
    assert Unit.objects.get(code="CB-A").path.startswith(tree["district_b"].path)  # moved with it
    assert set(commune.aliases.values_list("name", flat=True)) == {"ĐU xã Đồng Tâm", "Xã Đồng Tâm"}
    assert Unit.objects.get(code="CB-NEW").parent.code == "X-NEW"
    # The same file again changes nothing; a shorter alias list removes the missing alias.
    assert import_rows(read_workbook(data)).unchanged == 3
    UnitAlias.objects.create(unit=commune, name="Tên cũ", kind=UnitAlias.Kind.FORMER,
                             valid_to=datetime.date(2019, 1, 1))
    data = xlsx([HEADER, ("X-A", "Đảng ủy xã Đồng Tâm (mới)", "Đồng Tâm", "dang_uy_co_so", "HU-B",
                          "Xã Đồng Tâm", "01/01/2020", "")])
    assert import_rows(read_workbook(data)).updated == 1
    assert set(commune.aliases.values_list("name", flat=True)) == {"Xã Đồng Tâm", "Tên cũ"}


def test_loops_in_the_file_are_refused(tree, xlsx):
    data = xlsx([
        HEADER,
        ("HU-A", "Huyện ủy Yên Thế", "", "huyen_uy", "CB-A", "", "", ""),  # under its own cell
        ("L-1", "Vòng 1", "", "chi_bo", "L-2", "", "", ""),
        ("L-2", "Vòng 2", "", "chi_bo", "L-1", "", "", ""),
    ])
    errors = import_rows(read_workbook(data)).errors
    assert len(errors) == 3 and all("cấp dưới của chính nó" in error for error in errors)
    assert Unit.objects.get(code="HU-A").parent.code == "TU"


def test_an_administrator_imports_only_inside_their_subtree(tree, xlsx, make_user):
    admin = make_user("admin_a", tree["district_a"], Role.ADMINISTRATOR)
    policy = AccessPolicy(admin)
    data = xlsx([
        HEADER,
        ("X-A2", "Đảng ủy xã mới", "", "dang_uy_co_so", "HU-A", "", "", ""),
        ("X-B2", "Xã ở huyện khác", "", "dang_uy_co_so", "HU-B", "", "", ""),
        ("X-B", "Đổi tên xã huyện khác", "", "dang_uy_co_so", "HU-B", "", "", ""),
        ("ROOT", "Gốc mới", "", "tinh_uy", "", "", "", ""),
    ])
    errors = import_rows(read_workbook(data), policy).errors
    assert errors == [
        "Dòng 3: bạn không có quyền thêm đơn vị dưới 'HU-B'.",
        "Dòng 4: bạn không có quyền sửa đơn vị 'X-B'.",
        "Dòng 5: chỉ quản trị toàn hệ thống được thêm đơn vị không có cấp trên.",
    ]
    good = xlsx([HEADER, ("X-A2", "Đảng ủy xã mới", "", "dang_uy_co_so", "HU-A", "", "", "")])
    assert import_rows(read_workbook(good), policy).created == 1


@pytest.mark.parametrize("data, message", [
    (b"", "không phải bảng tính Excel"),
    (b"\x00\x01binary junk" * 100, "không phải bảng tính Excel"),
    ("Mã,Tên\nHU-A,Huyện".encode("utf-8"), "không phải bảng tính Excel"),
])
def test_unreadable_files_get_a_clear_message(data, message):
    with pytest.raises(ImportFileError, match=message):
        read_workbook(data)


def test_a_header_only_workbook_is_refused(xlsx):
    with pytest.raises(ImportFileError, match="không có dòng dữ liệu"):
        read_workbook(xlsx([HEADER]))


def test_commands_export_and_import(demo_organisation, tmp_path, xlsx):
    path = tmp_path / "cay.xlsx"
    call_command("export_units", path, under="HU-YT", stdout=io.StringIO())
    codes = [row[0] for row in rows_of(path.read_bytes())[1:]]
    assert codes[0] == "HU-YT" and "X-YT-DONGTAM-CB1" in codes and "HU-VY" not in codes
    output = io.StringIO()
    call_command("import_units", path, stdout=output)
    assert "0 đơn vị mới, 0 cập nhật" in output.getvalue()
    bad = tmp_path / "sai.xlsx"
    bad.write_bytes(xlsx([HEADER, ("X-Z", "Xã Z", "", "dang_uy_co_so", "HU-ZZ", "", "", "")]))
    with pytest.raises(CommandError, match="Dòng 2: không có đơn vị cấp trên mã 'HU-ZZ'"):
        call_command("import_units", bad, stdout=io.StringIO())
    with pytest.raises(CommandError, match="Không có đơn vị mã"):
        call_command("export_units", path, under="KHONG-CO", stdout=io.StringIO())


def test_the_import_page_lists_every_error(client, tree, xlsx, make_user):
    client.force_login(make_user("admin_a", tree["district_a"], Role.ADMINISTRATOR))
    url = reverse("organisations:import")
    assert client.get(url).status_code == 200
    bad = xlsx([HEADER, ("X-Z", "Xã Z", "", "dang_uy_co_so", "HU-ZZ", "", "", ""),
                ("X-Y", "", "", "dang_uy_co_so", "HU-A", "", "", "")])
    response = client.post(url, {"file": SimpleUploadedFile("cay.xlsx", bad)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dòng 2: không có đơn vị cấp trên mã &#x27;HU-ZZ&#x27;." in page
    assert "Dòng 3: thiếu tên đầy đủ." in page
    good = xlsx([HEADER, ("X-Y", "Xã Y", "", "dang_uy_co_so", "HU-A", "", "", "")])
    response = client.post(url, {"file": SimpleUploadedFile("cay.xlsx", good)}, follow=True)
    assert "Đã nhập: 1 đơn vị mới" in response.content.decode()
    response = client.post(url, {"file": SimpleUploadedFile("cay.csv", b"a,b")})
    assert "Chỉ nhận tệp Excel .xlsx." in response.content.decode()


def test_the_import_page_is_for_administrators_only(client, tree, make_user):
    client.force_login(make_user("leader", tree["province"], Role.LEADER))
    assert client.get(reverse("organisations:import")).status_code == 403


def test_export_page_gives_only_the_visible_subtree(client, tree, make_user):
    client.force_login(make_user("reporter_b", tree["district_b"], Role.REPORTER))
    response = client.get(reverse("organisations:export"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    codes = {row[0] for row in rows_of(response.content)[1:]}
    assert codes == {"HU-B", "X-B"}
    assert client.get(reverse("organisations:export"), {"under": "HU-A"}).status_code == 404
