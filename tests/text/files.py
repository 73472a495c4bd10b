"""Word and PDF files written on the fly for the reader's tests."""

import io
from pathlib import Path

import pytest


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.text = "TỈNH ỦY HÀ NAM"
    left.add_paragraph("*")
    left.add_paragraph("Số 15-KH/TU")
    right.text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    right.add_paragraph("Hà Nam, ngày 03 tháng 8 năm 2022")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị")
    document.add_paragraph("-----")
    document.add_paragraph("I. MỤC TIÊU")
    document.add_paragraph("1. Phấn đấu đến năm 2025, 100% cơ quan đảng sử dụng văn bản điện tử.")
    data = document.add_table(rows=2, cols=3)
    for cells, values in zip(
        data.rows, [("Chỉ tiêu", "2023", "2025"), ("Tỷ lệ hồ sơ trực tuyến", "60%", "80%")]
    ):
        for cell, value in zip(cells.cells, values):
            cell.text = value
    document.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph(
        "Giao Văn phòng Tỉnh ủy chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này."
    )
    closing = document.add_table(rows=1, cols=2)
    recipients, signature = closing.rows[0].cells
    recipients.text = "Nơi nhận:"
    recipients.add_paragraph("- Ban Bí thư Trung ương Đảng (báo cáo),")
    recipients.add_paragraph("- Lưu Văn phòng Tỉnh ủy.")
    signature.text = "T/M BAN THƯỜNG VỤ"
    signature.add_paragraph("PHÓ BÍ THƯ")
    signature.add_paragraph("Lê Thị Thủy")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def make_pdf(pages: list[list[str | tuple[str, str]]]) -> bytes:
    """A PDF with a text layer; a (left, right) pair prints two columns on one row, as headers
    and closings are laid out."""
    fpdf = pytest.importorskip("fpdf")
    if not FONT.is_file():
        pytest.skip("no Unicode TrueType font (DejaVuSans) on this machine")
    pdf = fpdf.FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            if isinstance(line, tuple):
                pdf.cell(90, 7, line[0])
                pdf.cell(0, 7, line[1], new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
