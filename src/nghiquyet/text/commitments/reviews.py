"""Interim (sơ kết) and final (tổng kết) reviews of the document itself.

"tham mưu sơ kết việc thực hiện Nghị quyết vào quý II/2023 và tổng kết vào
quý II/2025" gives two reviews with their periods; "sơ kết hằng năm" one due
"annual". A review of something else is not one of the document's reviews:
of other documents ("sơ kết, tổng kết các nghị quyết"), of movements or of
practice ("tổng kết thực tiễn"), or a general call to review ("Kịp thời sơ
kết, tổng kết, rút kinh nghiệm"). Without a time, a review counts only in
the implementation part, where the document assigns it.
"""

from __future__ import annotations

import re

from nghiquyet.text.commitments.clauses import clauses, sentences
from nghiquyet.text.commitments.context import DocumentContext
from nghiquyet.text.commitments.lexicon import WORD_END, WORD_START
from nghiquyet.text.commitments.structure import ORGANISATION, PREAMBLE, PURPOSE, VIEWPOINT
from nghiquyet.text.model import Review

_REVIEW = re.compile(rf"{WORD_START}(sơ\s+kết|tổng\s+kết){WORD_END}")
# What may come between the review word and its time when the review is of this document.
_OWN_OBJECT = re.compile(
    r"\s*(?:,\s*)?(?:(?:việc\s+)?(?:tổ\s+chức\s+)?(?:kiểm\s+điểm\s+)?)?"
    r"(?:(?:giữa|cuối)\s+nhiệm\s+kỳ\s*)?"
    r"(?:\d+\s+năm\s+)?"
    r"(?:,?\s*đánh\s+giá(?:\s*,?\s*rút\s+kinh\s+nghiệm)?\s*)?"
    r"(?:(?:việc\s+|kết\s+quả\s+)?(?:triển\s+khai\s*,?\s*)?(?:thực\s+hiện|thi\s+hành)\s*)?"
    r"(?P<document>(?:nghị\s+quyết|chỉ\s+thị|kế\s+hoạch|kết\s+luận|chương\s+trình(?:\s+hành\s+động)?|đề\s+án|quy\s+định|quy\s+chế)(?:\s+này)?)?"
    r"(?:\s+(?:số\s+)?(?P<symbol>\d+-[a-zđ]+/[a-zđ]+))?"
    r"\s*(?:,\s*)?(?:(?:vào|trong|đến|năm|định\s+kỳ|hằng|hàng|và|để)\b|$|[.;,)])"
)
_NOT_OWN = re.compile(r"\s*(?:,\s*)?(?:các|những|công\s+tác|phong\s+trào|hoạt\s+động|thực\s+tiễn|rút\s+kinh\s+nghiệm|mô\s+hình)\b")
_THIS_ONE = re.compile(
    r"(?:nghị\s+quyết|chỉ\s+thị|kết\s+luận|kế\s+hoạch|chương\s+trình(?:\s+hành\s+động)?|đề\s+án|quy\s+định)\s+này"
    r"(?:\s+của\s+[^,;.]{0,40}?(?=\s+(?:vào|trong|năm|quý|tháng)\b))?(?:\s+(?:vào|trong)\b)?"
)
_LISTED = re.compile(r"\s*(?:,|và|,\s*và)\s*")


def extract_reviews(context: DocumentContext) -> list[Review]:
    found: list[Review] = []
    seen: set[tuple[str, str | None]] = set()
    for block in context.blocks:
        if block.part in (PREAMBLE, PURPOSE, VIEWPOINT):
            continue
        for start, end in sentences(context.text, block.content_start, block.end):
            for review in _sentence_reviews(context, start, end, block.part == ORGANISATION):
                key = (review.kind, review.due)
                if key not in seen:
                    seen.add(key)
                    found.append(review)
    return found


def _sentence_reviews(context: DocumentContext, start: int, end: int, assigned: bool) -> list[Review]:
    lowered = context.lowered
    words = list(_REVIEW.finditer(lowered, start, end))
    reviews = []
    for group in _groups(lowered, words):
        # Words listed together ("sơ kết, tổng kết việc thực hiện ...") share what follows the last one.
        tail_start = group[-1].end()
        following = next((w for w in words if w.start() >= tail_start), None)
        tail_end = _clause_end(lowered, tail_start, following.start() if following else end)
        own = _own_object(context, tail_start)
        due, dated = _due(context, tail_start, tail_end, own)
        if not dated and own is not None:
            due, dated = _due_before(context, start, end, group[0].start())
        if not dated and not (assigned and own is not None):
            continue
        clause_start, clause_end = next(
            (span for span in clauses(context.text, start, end) if span[0] <= group[0].start() < span[1]), (start, end)
        )
        quote = " ".join(context.text[clause_start:max(clause_end, tail_end)].split())  # the clause, not the sentence
        for word in group:
            kind = "so_ket" if word.group(1).startswith("sơ") else "tong_ket"
            reviews.append(Review(
                kind=kind, due=due, line=context.line_at(word.start()),
                quote=quote, start=word.start(), end=tail_end,
                confidence=0.95 if dated else 0.6,
            ))
    return reviews


def _groups(lowered: str, words: list[re.Match]) -> list[list[re.Match]]:
    groups: list[list[re.Match]] = []
    for word in words:
        if groups and _LISTED.fullmatch(lowered[groups[-1][-1].end():word.start()]):
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _own_object(context: DocumentContext, start: int) -> int | None:
    """Where the object of a review ends when it is this document ("việc thực hiện Nghị quyết"), else None.

    This document is named with a capital or "này" ("Nghị quyết", "Chỉ thị này"); a lower-case
    "nghị quyết, chỉ thị của Đảng" means resolutions in general.
    """
    mentioned = _THIS_ONE.search(context.lowered, start, _clause_end(context.lowered, start, start + 200))
    if mentioned:
        return mentioned.end()  # "tổng kết các nghị quyết ... và Kết luận này (của ...) trong quý III/2025"
    if _NOT_OWN.match(context.lowered, start):
        return None
    match = _OWN_OBJECT.match(context.lowered, start)
    if match is None:
        return None
    document = match.group("document")
    if document and not (context.text[match.start("document")].isupper() or document.endswith("này")):
        return None
    if match.group("symbol") and not _names_this_document(context, match.group("symbol")):
        return None  # "tổng kết Nghị quyết số 36-NQ/HU vào năm 2026": another document's review
    return match.end()


def _names_this_document(context: DocumentContext, symbol: str) -> bool:
    """Whether a symbol is the document's own or the one it implements (named in its title)."""
    key = re.sub(r"\s+", "", symbol.lower())
    own = (context.document.symbol or "") + " " + (context.document.title or "")
    return key in re.sub(r"\s+", "", own.lower())


def _clause_end(lowered: str, start: int, end: int) -> int:
    stop = re.search(r"[;.]\s", lowered[start:end])
    return start + stop.start() if stop else end


_TIME_WORDS = re.compile(r"\s*(?:(?:vào|trong|đến|cuối|đầu|giữa|hết)\s+)*")


def _due_before(context: DocumentContext, start: int, end: int, word: int) -> tuple[str | None, bool]:
    """A time opening the review's clause: "năm 2030 tổng kết ...", "Hằng năm các chi bộ sơ kết ..."."""
    clause_start = max(context.text.rfind(";", start, word) + 1, start)
    while clause_start < word and context.text[clause_start] in " ,":
        clause_start += 1
    for period in context.periods_in(clause_start, word):
        if period.start - clause_start <= 3 and period.kind != "since" and period.year_given:
            return period.period, True
    recurrences = context.recurrences_in(clause_start, word)
    if recurrences and recurrences[0].start - clause_start <= 3:
        return recurrences[0].recurrence, True
    return None, False


def _due(context: DocumentContext, start: int, end: int, own: int | None) -> tuple[str | None, bool]:
    """The review's time: a period or cadence right after its object ("sơ kết việc thực hiện
    Nghị quyết vào quý II/2023", "... hằng năm", "... vào cuối năm 2030"), or a cadence right
    before it ("hằng năm sơ kết")."""
    reach = _TIME_WORDS.match(context.lowered, own if own is not None else start).end() + 3
    for period in context.periods_in(start, end):
        if period.kind != "since" and period.year_given:
            if period.start <= reach:
                return period.period, True
            break
    recurrences = context.recurrences_in(start, end)
    if recurrences and recurrences[0].start <= reach:
        return recurrences[0].recurrence, True
    recurrences = context.recurrences_in(max(0, start - 30), start)
    if recurrences and recurrences[-1].end >= start - 12:
        return recurrences[-1].recurrence, True  # "hằng năm sơ kết"
    return None, False
