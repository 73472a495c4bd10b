"""Word documents in the Party's document format (Hướng dẫn 36-HD/VPTW).

A4, Times New Roman 14, margins 2 cm top and bottom, 3 cm left, 1.5 cm right.
The header is a borderless two-column table: the superior organisation and
the issuing body in capitals over a "*" on the left; "ĐẢNG CỘNG SẢN VIỆT NAM"
underlined over the place and date in italics on the right. Then the number
line, the centred title, the body, and the closing: "Nơi nhận:" bottom left,
"T/M ..." and room to sign bottom right.

``Letterhead`` is plain data; ``letterhead_for`` fills it from the tree.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from nghiquyet.organisations.models import Unit, UnitKind
from nghiquyet.text.normalize import fold, match_key

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(12)
SMALL_SIZE = Pt(12)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# "Huyện ủy Yên Thế" → "Đảng bộ huyện Yên Thế": the organisation a committee leads.
_COMMITTEE_TO_ORGANISATION = [
    (re.compile(r"^Tỉnh ủy\s+", re.IGNORECASE), "Đảng bộ tỉnh "),
    (re.compile(r"^Thành ủy\s+", re.IGNORECASE), "Đảng bộ thành phố "),
    (re.compile(r"^Huyện ủy\s+", re.IGNORECASE), "Đảng bộ huyện "),
    (re.compile(r"^Thị ủy\s+", re.IGNORECASE), "Đảng bộ thị xã "),
    (re.compile(r"^Quận ủy\s+", re.IGNORECASE), "Đảng bộ quận "),
    (re.compile(r"^Đảng ủy\s+", re.IGNORECASE), "Đảng bộ "),
]


@dataclass
class Letterhead:
    issuer: str  # "BAN TỔ CHỨC TỈNH ỦY"
    superior: str = ""  # "ĐẢNG BỘ TỈNH BẮC GIANG"; empty at the top of the tree
    symbol_suffix: str = ""  # "BTCTU", for "Số    -BC/BTCTU"
    place: str = ""
    day: datetime.date = field(default_factory=datetime.date.today)
    signing_for: str = ""  # "T/M BAN THƯỜNG VỤ"
    recipients: list[str] = field(default_factory=list)

    @property
    def place_and_date(self) -> str:
        place = self.place or "......"
        return f"{place}, ngày {self.day:%d} tháng {self.day:%m} năm {self.day:%Y}"


# -- the letterhead of a unit ----------------------------------------------------------


def letterhead_for(unit: Unit, day: datetime.date) -> Letterhead:
    parent = unit.parent if unit.parent_id else None
    return Letterhead(
        issuer=unit.name_on(day).upper(),
        superior=organisation_name(parent).upper() if parent else "",
        symbol_suffix=symbol_suffix(unit),
        place=place_of(unit),
        day=day,
        signing_for=signing_for(unit),
        recipients=[f"{parent.name} (báo cáo)," if parent else "", "Lưu Văn phòng."],
    )


def organisation_name(committee: Unit) -> str:
    """The Party organisation a committee leads: an alias "Đảng bộ ..." when the
    tree has one, else the name turned ("Huyện ủy Lục Nam" → "Đảng bộ huyện Lục Nam")."""
    organisations = [alias.name for alias in committee.aliases.all() if match_key(alias.name).startswith("đảng bộ ")]
    if organisations:
        return max(organisations, key=len)
    for pattern, replacement in _COMMITTEE_TO_ORGANISATION:
        if pattern.match(committee.name):
            return pattern.sub(replacement, committee.name, count=1)
    return committee.name


def symbol_suffix(unit: Unit) -> str:
    """"TU", "BTCTU": the unit's one-word capital alias, else the initials of its name."""
    codes = [alias.name for alias in unit.aliases.all() if re.fullmatch(r"[A-ZĐ]{2,12}", alias.name)]
    if codes:
        return min(codes, key=len)
    return "".join(_initial(word) for word in unit.name.split() if word[0].isalpha())


def _initial(word: str) -> str:
    return "Đ" if word[0] in "Đđ" else fold(word[0]).upper()


def place_of(unit: Unit) -> str:
    """The place name the unit's documents are dated from: the proper name its
    own name (or the nearest one above) ends with ("Huyện ủy Yên Thế" → "Yên Thế")."""
    for candidate in [unit, *unit.ancestors().order_by("-depth")]:
        words = candidate.name.split()
        tail = []
        for word in reversed(words[1:]):
            if not word[:1].isupper():
                break
            tail.insert(0, word)
        if tail and len(tail) < len(words) - 1:
            return " ".join(tail)
    return ""


def signing_for(unit: Unit) -> str:
    if unit.kind.category == UnitKind.Category.COMMITTEE:
        return "T/M BAN THƯỜNG VỤ"
    return f"T/M {(unit.short_name or unit.name).upper()}"


# -- the document ------------------------------------------------------------------------


class PartyReport:
    """A "Báo cáo" being written: letterhead and title first, then sections,
    paragraphs and tables in order; ``to_bytes`` adds the closing."""

    def __init__(self, letterhead: Letterhead, subject: str, kind_word: str = "BÁO CÁO", kind_code: str = "BC"):
        self.letterhead = letterhead
        self.document = WordDocument()
        self._set_up_page()
        self._header(kind_code)
        self._title(kind_word, subject)

    # -- page and styles

    def _set_up_page(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
        style = self.document.styles["Normal"]
        style.font.name, style.font.size = FONT, BODY_SIZE
        # Word takes Vietnamese letters from the East Asian and complex-script slots too.
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(slot), FONT)
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(0), Pt(0)

    # -- header, title, closing

    def _header(self, kind_code: str) -> None:
        letterhead = self.letterhead
        left, right = self._two_columns(Cm(7.5), Cm(9))
        if letterhead.superior:
            self._line(left, letterhead.superior, size=SMALL_SIZE, first=True)
        self._line(left, letterhead.issuer, bold=True, first=not letterhead.superior)
        self._line(left, "*")
        self._line(left, f"Số      -{kind_code}/{letterhead.symbol_suffix}" if letterhead.symbol_suffix else "Số      ")
        self._line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, first=True)
        self._line(right, "")
        self._line(right, letterhead.place_and_date, italic=True)

    def _title(self, kind_word: str, subject: str) -> None:
        self._centred("")
        self._centred(kind_word, bold=True, size=Pt(16))
        self._centred(subject, bold=True)
        self._centred("-----")

    def _closing(self) -> None:
        left, right = self._two_columns(Cm(8), Cm(8.5))
        self._line(left, "Nơi nhận:", underline=True, size=SMALL_SIZE, first=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        for recipient in filter(None, self.letterhead.recipients):
            self._line(left, f"- {recipient}", size=Pt(11), align=WD_ALIGN_PARAGRAPH.LEFT)
        self._line(right, self.letterhead.signing_for, bold=True, first=True)
        for _blank in range(4):
            self._line(right, "")

    # -- the body

    def heading(self, text: str) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.add_run(text).bold = True

    def paragraph(self, text: str, italic: bool = False) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.add_run(text).italic = italic

    def table(self, headers: Sequence[str], rows: Iterable[Sequence], widths: Sequence[float] = (),
              total: Sequence | None = None) -> None:
        """A numbered table ("STT" first), header row in bold; ``total`` is a last, bold, unnumbered row."""
        table = self.document.add_table(rows=1, cols=len(headers) + 1)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, ["STT", *headers]):
            self._cell(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        for number, row in enumerate(rows, start=1):
            self._row(table, str(number), row)
        if total is not None:
            self._row(table, "", total, bold=True)
        for column, width in zip(table.columns, [1.2, *widths]):
            for cell in column.cells:
                cell.width = Cm(width)
        self.document.add_paragraph()

    def to_bytes(self) -> bytes:
        self._closing()
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    # -- small pieces

    def _two_columns(self, left_width, right_width):
        table = self.document.add_table(rows=1, cols=2)  # no style: no borders
        table.autofit = False
        left, right = table.rows[0].cells
        left.width, right.width = left_width, right_width
        return left, right

    @staticmethod
    def _line(cell, text: str, bold=False, italic=False, underline=False, size=None, first=False,
              align=WD_ALIGN_PARAGRAPH.CENTER):
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        if size is not None:
            run.font.size = size

    def _centred(self, text: str, bold=False, size=None) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = bold
        if size is not None:
            run.font.size = size

    def _row(self, table, number: str, values: Sequence, bold=False) -> None:
        cells = table.add_row().cells
        self._cell(cells[0], number, align=WD_ALIGN_PARAGRAPH.CENTER)
        for cell, value in zip(cells[1:], values):
            self._cell(cell, "" if value is None else str(value), bold=bold)

    @staticmethod
    def _cell(cell, text: str, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.alignment = align
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = TABLE_SIZE
