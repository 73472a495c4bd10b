"""The end of a document: signature, post, signer's name, and the "Nơi nhận" list.

A closing begins with a line naming the signing capacity ("T/M BAN THƯỜNG
VỤ", "K/T BÍ THƯ", "TM. ỦY BAN NHÂN DÂN", "T/L"), or, without one, with a
post in capitals that has the signer's name under it. It takes the posts,
"(đã ký)", the name, margin notes ("(báo cáo)") and a "Nơi nhận" list
printed after them, and nothing else: the next document or a colophon is
not part of it. A PDF text layer may print the "Nơi nhận" list and the
signature side by side, one row per line ("Nơi nhận: T/M BAN THƯỜNG VỤ"):
``patterns.closing_columns`` parts such rows.
"""

from __future__ import annotations

from nghiquyet.text.patterns import (
    ANNOTATION_RE,
    PAGE_NUMBER_RE,
    RECIPIENTS_RE,
    SIGNED_RE,
    is_caps,
    is_closing_post,
    is_person_name,
    is_post,
    is_signature,
    signs,
)
from nghiquyet.text.source import SourceLines


def signature_start(source: SourceLines, first: int, last: int) -> int | None:
    """The first line of the closing signature block ("T/M ..."), searching from the end.

    Without a "T/M" line, a post in capitals with the signer's name under it
    ("BÍ THƯ" / "Nguyễn Văn A") near the end is the closing.
    """
    for index in range(last, first - 1, -1):
        if signs(source.text[index]):
            start = index
            probe = index - 1
            while probe >= first and (signs(source.text[probe]) or not source.text[probe]):
                if source.text[probe]:
                    start = probe
                probe -= 1
            return start
    return _post_with_name(source, first, last)


def _post_with_name(source: SourceLines, first: int, last: int) -> int | None:
    seen = 0
    for index in range(last, first - 1, -1):
        text = source.text[index]
        if not text:
            continue
        seen += 1
        if seen > 12:
            return None
        if is_caps(text) and is_post(text) and _name_follows(source, index, last):
            return index
    return None


def _name_follows(source: SourceLines, index: int, last: int) -> bool:
    for probe in range(index + 1, min(last, index + 12) + 1):
        text = source.text[probe]
        if not text or SIGNED_RE.match(text) or ANNOTATION_RE.match(text):
            continue
        return is_person_name(text)
    return False


def closing_end(source: SourceLines, start: int, limit: int) -> int:
    """The last line of a closing that begins with a signature line at ``start``.

    Takes the posts ("BÍ THƯ"), "(đã ký)", the signer's name, and a "Nơi nhận"
    list or margin note ("(báo cáo)") printed after them; stops before
    anything else (the next document, a colophon).
    """
    end, named, index = start, False, start + 1
    if RECIPIENTS_RE.match(source.text[start]):  # "Nơi nhận: T/M BAN THƯỜNG VỤ" on one row
        end = recipients_end(source, start, limit)
        index = end + 1
    while index <= limit:
        text = source.text[index]
        if not text or PAGE_NUMBER_RE.match(text):
            index += 1
            continue
        if RECIPIENTS_RE.match(text):
            end = recipients_end(source, index, limit)
            index = end + 1
            continue
        if ANNOTATION_RE.match(text) or SIGNED_RE.match(text):
            end = index
        elif not named and (is_signature(text) or is_closing_post(text)):
            end = index
        elif not named and is_person_name(text):
            end, named = index, True
        else:
            break
        index += 1
    return end


def recipients_end(source: SourceLines, start: int, limit: int) -> int:
    """The last line of a "Nơi nhận:" list: its "-" items, wrapped items, margin notes."""
    end, index, filed = start, start + 1, False
    while index <= limit:
        text = source.text[index]
        if not text:
            index += 1
            continue
        if ANNOTATION_RE.match(text):
            end = index
        elif filed:
            break
        elif text[0] in "-+•" and len(text) < 90:
            end = index
            filed = text.lstrip("-+• ").lower().startswith("lưu")
        elif end == index - 1 and end > start and len(text) < 50 and text[0].islower():
            end = index  # the rest of a wrapped item
        else:
            break
        index += 1
    return end
