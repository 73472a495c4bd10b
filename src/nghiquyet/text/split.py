"""Splitting a file into documents.

A compilation holds many documents one after another, each beginning with
its header (issuer, "Số ...", the motto, place and date) and ending with its
closing (signature, signer, "Nơi nhận"). A document starts where a header
begins and ends before the next one (its trailing page numbers and blank
lines included, see docs/labelling.md); text after a closing that is not
an appendix (a table of contents, a colophon) belongs to no document.
A file without any header is one document (a draft, a text typed without
its header). Documents printed without a header inside a compilation are
found by their title line after the previous document's closing.
"""

from __future__ import annotations

from nghiquyet.text.closing import closing_end
from nghiquyet.text.contents import read_contents
from nghiquyet.text.layout import starts_annex
from nghiquyet.text.normalize import match_key
from nghiquyet.text.patterns import (
    HEADER_MARK_RE,
    PAGE_NUMBER_RE,
    SEPARATOR_RE,
    SIGNED_RE,
    header_line_kind,
    is_caps,
    is_motto,
    is_person_name,
    is_post,
    is_signature,
    signs,
    title_kind,
)
from nghiquyet.text.source import SourceLines

_CLUSTER_GAP = 10  # header lines of one document are never further apart than this
_ORG_WORDS = tuple(
    match_key(word)
    for word in (
        "ủy",
        "bộ",
        "ban",
        "đảng",
        "sở",
        "hội",
        "văn phòng",
        "ubnd",
        "hđnd",
        "đoàn",
        "trường",
        "cục",
        "tỉnh",
        "huyện",
        "xã",
        "thành phố",
        "phường",
        "quận",
        "mặt trận",
        "công ty",
        "chi",
    )
)


def document_spans(source: SourceLines) -> list[tuple[int, int]]:
    """The documents of a file as (first, last) line indexes, 0-based and inclusive."""
    starts = header_starts(source)
    first = source.next_non_blank(0, len(source) - 1)
    if first is None:
        return []
    if not starts or (first < starts[0] and _has_signature(source, first, starts[0] - 1)):
        starts.insert(0, _after_contents(source, first, starts[0] - 1 if starts else len(source) - 1))
    spans: list[tuple[int, int]] = []
    for start, following in zip(starts, [*starts[1:], len(source)]):
        spans.extend(_spans_between(source, start, following - 1))
        if following < len(source):
            spans[-1] = (spans[-1][0], _up_to_next(source, spans[-1][1], following))
    return spans


def _after_contents(source: SourceLines, first: int, last: int) -> int:
    """Where documents printed without header begin: after a table of contents, at the first title."""
    title = next((index for index in range(first, last + 1) if title_kind(source.text[index])), None)
    if title is not None and read_contents(source, list(range(first, title))):
        return title
    return first


def header_starts(source: SourceLines) -> list[int]:
    """The first line of every header: a symbol line or the motto, with the lines around them."""
    clusters: list[list[tuple[int, str]]] = []
    for index, text in enumerate(source.text):
        kind = header_line_kind(text) if text else None
        if not kind:
            continue
        if clusters and index - clusters[-1][-1][0] <= _CLUSTER_GAP:
            clusters[-1].append((index, kind))
        else:
            clusters.append([(index, kind)])
    starts = []
    for cluster in clusters:
        anchors = [index for index, kind in cluster if kind in ("symbol", "motto")]
        if anchors or len({kind for _, kind in cluster}) >= 2:
            starts.append(_walk_back(source, anchors[0] if anchors else cluster[0][0]))
    return starts


def _walk_back(source: SourceLines, index: int) -> int:
    """Include the issuer lines printed above the number ("TỈNH ỦY BẮC GIANG", "*")."""
    start, probe, blanks = index, index - 1, 0
    while probe >= 0 and index - probe <= 8 and not source.page_start[start]:
        text = source.text[probe]
        if not text:
            blanks += 1
            if blanks > 2:
                break
        elif _is_issuer_line(source, probe):
            start, blanks = probe, 0
        else:
            break
        probe -= 1
    return start


def _is_issuer_line(source: SourceLines, index: int) -> bool:
    text = source.text[index]
    if text == "*" or SEPARATOR_RE.match(text) or HEADER_MARK_RE.match(text) or is_motto(text):
        return True
    if not is_caps(text) or is_signature(text) or is_post(text) or title_kind(text):
        return False
    if is_person_name(text) and _follows_signature(source, index):
        return False  # the signer of the document before
    key = match_key(text)
    return any(word in key.split() or " " in word and word in key for word in _ORG_WORDS)


def _follows_signature(source: SourceLines, index: int) -> bool:
    probe = index - 1
    while probe >= 0 and not source.text[probe]:
        probe -= 1
    return probe >= 0 and bool(
        SIGNED_RE.match(source.text[probe])
        or is_post(source.text[probe])
        or is_signature(source.text[probe])
    )


def _has_signature(source: SourceLines, first: int, last: int) -> bool:
    return any(signs(source.text[index]) for index in range(first, last + 1))


def _spans_between(source: SourceLines, start: int, limit: int) -> list[tuple[int, int]]:
    """The document beginning at ``start`` (and any printed after it without a header)."""
    spans, index, end = [], start, None
    while index <= limit:
        if not signs(source.text[index]):
            index += 1
            continue
        end = closing_end(source, index, limit)
        following = source.next_non_blank(end + 1, limit)
        if following is not None and starts_annex(source, following, limit):
            end = None  # an appendix or annexed text belongs to the document: it ends further down
        elif (
            following is not None
            and title_kind(source.text[following])
            and _has_signature(source, following, limit)
        ):
            spans.append((start, end))
            start, end = following, None
        index = (end if end is not None else index) + 1
    spans.append((start, end if end is not None else _last_content(source, start, limit)))
    return spans


def _up_to_next(source: SourceLines, end: int, following: int) -> int:
    """A document ends before the next one when only blank lines and page numbers lie between."""
    between = source.text[end + 1 : following]
    return following - 1 if all(not text or PAGE_NUMBER_RE.match(text) for text in between) else end


def _last_content(source: SourceLines, start: int, limit: int) -> int:
    for index in range(limit, start - 1, -1):
        text = source.text[index]
        if text and not PAGE_NUMBER_RE.match(text):
            return index
    return start


def outside_lines(source: SourceLines, spans: list[tuple[int, int]]) -> list[int]:
    """Indexes of the lines no document holds: tables of contents, covers, colophons."""
    inside = bytearray(len(source))
    for first, last in spans:
        inside[first : last + 1] = b"\x01" * (last - first + 1)
    return [index for index in range(len(source)) if not inside[index]]
