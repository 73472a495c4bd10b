"""Bytes and a file name → the lines of text of a document.

Plain text may come in UTF-8 (with or without a byte order mark), UTF-16
(with or without one), Windows-1258 (base letters + combining tones), or the
8-bit font encodings TCVN3 (ABC) and VNI. Which one is decided by reading
the text each way and keeping the reading whose words are Vietnamese
syllables (``normalize.is_syllable``): mojibake is not. Text typed in a legacy
font but saved as Unicode ("Céng hoµ", "Coäng hoøa") is recognised the same way.

Word files give their paragraphs and tables in document order; PDF files
their text layer, a page at a time (each new page's first line gets one
leading space: the page-start mark the layout step understands).

Anything we cannot read raises ``DocumentReadError`` with a message in
Vietnamese; nothing else escapes, whatever the input.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from nghiquyet.text import legacy
from nghiquyet.text.errors import DocumentReadError
from nghiquyet.text.normalize import is_syllable, nfc

MAX_BYTES = 20 * 1024 * 1024
_SAMPLE = 64 * 1024  # enough text to recognise an encoding
_WORD = re.compile(r"[^\W\d_]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")

_SIGNATURES = (
    (
        b"\xd0\xcf\x11\xe0",
        "Tệp Word đời cũ (.doc) chưa đọc được: hãy mở bằng Word và lưu lại dưới dạng .docx.",
    ),
    (b"{\\rtf", "Tệp RTF chưa đọc được: hãy mở bằng Word và lưu lại dưới dạng .docx."),
    (b"\x89PNG", "Đây là tệp ảnh, không phải văn bản: cần nhận dạng chữ (OCR) trước khi nhập."),
    (
        b"\xff\xd8\xff",
        "Đây là tệp ảnh, không phải văn bản: cần nhận dạng chữ (OCR) trước khi nhập.",
    ),
    (b"GIF8", "Đây là tệp ảnh, không phải văn bản: cần nhận dạng chữ (OCR) trước khi nhập."),
)


@dataclass
class DecodedText:
    lines: list[str]
    encoding: str  # "utf-8", "utf-16", "cp1258", "tcvn3", "vni", "docx", "pdf", ...


def read_path(path: str | os.PathLike) -> DecodedText:
    """Read a file from disk; a file over ``MAX_BYTES`` is refused before it is read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentReadError(_too_big(size), code="too_big")
        data = path.read_bytes()
    except DocumentReadError:
        raise
    except IsADirectoryError:
        raise DocumentReadError(f"«{path.name}» là một thư mục, không phải tệp.", code="not_found")
    except FileNotFoundError:
        raise DocumentReadError(f"Không tìm thấy tệp «{path.name}».", code="not_found")
    except OSError as error:
        raise DocumentReadError(
            f"Không mở được tệp «{path.name}»: {error.strerror or error}.", code="not_found"
        )
    return decode(data, path.name)


def decode(data: bytes, filename: str = "") -> DecodedText:
    """The lines of ``data``; the file name's extension says whether it is Word, PDF or text."""
    if len(data) > MAX_BYTES:
        raise DocumentReadError(_too_big(len(data)), code="too_big")
    if not data.strip():
        raise _empty()
    extension = Path(filename).suffix.lower()
    if extension == ".docx" or (extension != ".pdf" and data.startswith(b"PK\x03\x04")):
        return _decode_docx(data)
    if extension == ".pdf" or data.startswith(b"%PDF"):
        return _decode_pdf(data)
    for signature, message in _SIGNATURES:
        if data.startswith(signature):
            raise DocumentReadError(message, code="unsupported")
    text, encoding = decode_text(data)
    return DecodedText([nfc(line) for line in text_lines(text)], encoding)


def text_lines(text: str) -> list[str]:
    """Lines as a text editor numbers them: split at CR LF, CR or LF only."""
    lines = _LINE_BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # a final line break does not start a line
    return lines


def _empty() -> DocumentReadError:
    return DocumentReadError("Tệp rỗng: không có nội dung để đọc.", code="empty")


def _binary() -> DocumentReadError:
    return DocumentReadError(
        "Tệp không phải văn bản (có vẻ là tệp nhị phân): hãy chọn tệp .txt, .docx hoặc .pdf.",
        code="binary",
    )


def _too_big(size: int) -> str:
    return (
        f"Tệp quá lớn ({size / 1024 / 1024:.1f} MB): chỉ nhận tệp đến "
        f"{MAX_BYTES // 1024 // 1024} MB. Hãy tách thành các tệp nhỏ hơn."
    )


# --- Plain text ----------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the name of its encoding, or ``DocumentReadError``.

    The text is not yet NFC (Windows-1258 gives combining tones): normalising
    line by line, as ``decode`` does, is much faster than the whole at once.
    """
    text, encoding = _decode_unicode(data)
    if text is None:
        encoding = _best_8bit(data[:_SAMPLE])
        text = _decode_8bit(data, encoding)
    else:
        text, encoding = _legacy_inside_unicode(text, encoding)
    if _looks_binary(text):
        raise _binary()
    if not text.strip():
        raise _empty()
    return text, encoding


def _decode_unicode(data: bytes) -> tuple[str | None, str]:
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32", "utf-32"),
        (b"\xff\xfe", "utf-16", "utf-16"),
        (b"\xfe\xff", "utf-16", "utf-16"),
    )
    for bom, codec, name in boms:
        if data.startswith(bom):
            return _strict(data, codec, name), name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, "utf-16"), "utf-16"
    if b"\x00" in data:
        raise _binary()
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None, ""


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise DocumentReadError(
            f"Tệp có dấu hiệu mã {name.upper()} nhưng nội dung bị hỏng, không giải mã được.",
            code="encoding",
        )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 shows as NUL bytes in every other position (the high byte of ASCII)."""
    sample = data[: _SAMPLE & ~1]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_zeros, odd_zeros = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_zeros > 0.25 and even_zeros < 0.02:
        return "utf-16-le"
    if even_zeros > 0.25 and odd_zeros < 0.02:
        return "utf-16-be"
    return None


def _decode_8bit(data: bytes, name: str) -> str:
    if name == "tcvn3":
        return _restore_capitals(legacy.decode_tcvn3(data))
    if name == "vni":
        return legacy.decode_vni(data)
    return data.decode(name, errors="replace")


_ASCII_LETTERS = re.compile(r"[A-Za-z]")


def _restore_capitals(text: str) -> str:
    """Lines typed in capitals in TCVN3 have lower-case toned letters ("TỉNH ủY"): TCVN3 has no others.

    A line whose ASCII letters are all capitals was typed in capitals.
    """
    lines = text.split("\n")
    for number, line in enumerate(lines):
        letters = _ASCII_LETTERS.findall(line)
        if len(letters) >= 3 and all(letter.isupper() for letter in letters) and not line.isupper():
            lines[number] = line.upper()
    return "\n".join(lines)


def vietnamese_score(text: str) -> tuple[float, int]:
    """The share of words with non-ASCII letters that are well-formed syllables, and their count."""
    words = [word for word in _WORD.findall(text) if not word.isascii()]
    if not words:
        return 0.0, 0
    return sum(map(is_syllable, words)) / len(words), len(words)


def _best_8bit(sample: bytes) -> str:
    """The 8-bit encoding whose reading of ``sample`` is most like Vietnamese."""
    best_name, best_score = "", -1.0
    for name in ("cp1258", "tcvn3", "vni"):
        score, count = vietnamese_score(nfc(_decode_8bit(sample, name)))
        if count == 0 and name == "cp1258":
            score = 1.0  # no letters beyond ASCII: only punctuation needs the code page
        if score > best_score:
            best_name, best_score = name, score
    if best_score < 0.6:
        raise DocumentReadError(
            "Không nhận ra bảng mã của tệp văn bản (đã thử UTF-8, UTF-16, Windows-1258, TCVN3, VNI): "
            "hãy lưu lại tệp dưới dạng Unicode (UTF-8).",
            code="encoding",
        )
    return best_name


def _legacy_inside_unicode(text: str, encoding: str) -> tuple[str, str]:
    """Unicode text that is really TCVN3 or VNI bytes shown as Windows-1252 letters."""
    score, count = vietnamese_score(nfc(text[: _SAMPLE // 4]))
    if count < 5 or score >= 0.6:
        return text, encoding
    try:
        raw = text[: _SAMPLE // 4].encode("cp1252")
    except UnicodeEncodeError:
        return text, encoding
    for name in ("tcvn3", "vni"):
        legacy_score, _ = vietnamese_score(nfc(_decode_8bit(raw, name)))
        if legacy_score >= 0.8:
            try:
                return _decode_8bit(text.encode("cp1252"), name), f"{encoding}+{name}"
            except UnicodeEncodeError:
                return text, encoding
    return text, encoding


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


# --- Word ----------------------------------------------------------------------


def _decode_docx(data: bytes) -> DecodedText:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.extend(Paragraph(element, document).text.split("\n"))
            elif tag == "tbl":
                lines.extend(_table_lines(Table(element, document)))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, AttributeError, TypeError) as error:
        raise DocumentReadError(
            f"Không đọc được tệp Word (.docx): tệp hỏng hoặc không đúng định dạng ({type(error).__name__}).",
            code="docx",
        )
    except Exception as error:  # python-docx raises lxml and package errors of many kinds
        raise DocumentReadError(
            f"Không đọc được tệp Word (.docx): {type(error).__name__}.", code="docx"
        )
    if not any(line.strip() for line in lines):
        raise DocumentReadError("Tệp Word không có chữ.", code="empty")
    return DecodedText([nfc(line) for line in lines], "docx")


def _table_lines(table) -> list[str]:
    """A table in reading order.

    A layout table (the two-column header or signature block of a Party
    document: few rows, cells of several paragraphs) is read cell by cell,
    one paragraph a line, as the printed page is read. A data table gives
    one line per row, cells separated by " | ".
    """
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if not cells or cell._tc is not cells[-1]._tc:  # merged cells repeat
                cells.append(cell)
        rows.append(cells)
    layout = len(rows) <= 3 and any(
        sum(1 for p in cell.paragraphs if p.text.strip()) > 1 for cells in rows for cell in cells
    )
    lines: list[str] = []
    for cells in rows:
        if layout:
            for cell in cells:
                lines.extend(p.text for p in cell.paragraphs)
        else:
            lines.append(" | ".join(" ".join(cell.text.split()) for cell in cells))
    return lines


# --- PDF -----------------------------------------------------------------------


def _decode_pdf(data: bytes) -> DecodedText:
    try:
        import pdfplumber

        lines: list[str] = []
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page_lines = (page.extract_text() or "").split("\n")
                if lines and page_lines and page_lines[0].strip():
                    page_lines[0] = " " + page_lines[0].lstrip()  # page-start mark
                lines.extend(page_lines)
    except Exception as error:  # pdfminer raises many kinds of errors on damaged files
        name = type(error).__name__
        if "Password" in name or "Encrypt" in name:
            raise DocumentReadError(
                "Tệp PDF có mật khẩu: hãy gỡ mật khẩu rồi nhập lại.", code="pdf"
            )
        raise DocumentReadError(
            f"Không đọc được tệp PDF: tệp hỏng hoặc không đúng định dạng ({name}).", code="pdf"
        )
    if sum(len(line.strip()) for line in lines) < 20:
        raise DocumentReadError(
            "Tệp PDF này là bản quét (chỉ có hình ảnh, không có lớp chữ): "
            "cần nhận dạng chữ (OCR) trước khi nhập.",
            code="scanned_pdf",
        )
    return DecodedText([nfc(line) for line in lines], "pdf")
