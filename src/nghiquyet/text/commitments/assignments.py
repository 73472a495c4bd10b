"""Assignments: duties given to named bodies, with partners, deadlines and reporting.

Three kinds of sentences give a body a duty (docs/labelling.md):

1. "Giao [A] ..." and "[A] chủ trì ..." anywhere in the document;
2. the items of the implementation part ("Tổ chức thực hiện") whose subject
   is a body: "2. Ban Tuyên giáo Tỉnh ủy chủ trì ...", "4. Ủy ban Kiểm tra
   Tỉnh ủy: - Chủ trì ...; - Chủ trì ..." (one assignment per dash item);
   a directive or conclusion without such a part reads its numbered items
   the same way, but there a duty addressed to everyone ("Các cấp ủy,
   chính quyền các cấp ...") or a subject in mid-paragraph assigns only
   with a "Giao", a "chủ trì" or a time limit;
3. elsewhere, a sentence whose subject is a named body and whose duty is to
   draw up a plan or report by a date.

One assignment per subject within an item: sentences without a subject
continue the previous one, a new subject ("...; các huyện ủy ... xây dựng
kế hoạch") starts another; sub-items take the lead of the item above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nghiquyet.text.commitments.bodies import BodyList, BodyName, read_bodies, tokenize
from nghiquyet.text.commitments.clauses import clauses, sentences
from nghiquyet.text.commitments.context import DocumentContext
from nghiquyet.text.commitments.lexicon import WORD_END, WORD_START, words_pattern
from nghiquyet.text.commitments.structure import GOALS, ORGANISATION, OTHER, TASKS, Block
from nghiquyet.text.model import Assignment

_GIVE = re.compile(rf"{WORD_START}giao(?:\s+nhiệm\s+vụ)?(?:\s+cho)?\s+(?=\S)")
# A clause opening with a request to named bodies gives them the duty as "Giao" does:
# "Đề nghị Đảng đoàn HĐND tỉnh lãnh đạo ...", "Yêu cầu Đảng ủy Công an huyện ...".
_REQUEST = re.compile(rf"{WORD_START}(?:đề\s+nghị|yêu\s+cầu)\s+(?=\S)")
_NOT_GIVING_BEFORE = re.compile(words_pattern(["được", "đã", "được phân", "nhiệm vụ được"]) + r"\s*$")
_LEADS = re.compile(r"(?:chủ|chù|chũ)\s+trì")
_NOT_A_DUTY = re.compile(r"kêu\s+gọi|là\s")  # "Ban Chấp hành Đảng bộ tỉnh kêu gọi ...", "X là ..."
_DATED = re.compile(r"(?:tháng|quý|ngày|năm)\s+[\divx]")
_RELATIVE = re.compile(r"\s+được\s+(?:phân\s+công|giao)\b")
_MAIN_VERB = re.compile(words_pattern(["phải", "cần", "tích cực", "chủ động", "có trách nhiệm", "chịu trách nhiệm"]))
_GROUNDS = re.compile(rf"{WORD_START}(?:căn\s+cứ|trên\s+cơ\s+sở|thực\s+hiện|theo)\b")
# Adverbials a sentence may open with before its subject: "Hằng năm, trước ngày 30/11, ...".
_LEAD_IN = re.compile(
    r"(?:\s*(?:(?:định\s+kỳ\s+)?(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng)|đồng\s+thời|định\s+kỳ"
    r"|(?:trước|trong|vào)\s+(?:ngày|tháng|quý)\s+[\divx/]+(?:\s*năm\s+\d{4})?)\s*,)+\s*"
)
_TAKE_LEAD = re.compile(rf"\s*:?\s*(?:chủ|chù|chũ|chu)\s+trì{WORD_END}\s*,?\s*")
_COOPERATE = re.compile(
    rf"{WORD_START}phối\s+(?:hợp\s+)?(?:chặt\s+chẽ\s+)?(?:với\s+|cùng\s+)?(?=\S)"
)
_THIS_DOCUMENT = re.compile(r"\s*(?:nghị quyết|chỉ thị|kế hoạch|kết luận|chương trình|quy định|đề án)(?:\s+hành động)?\s+(?:này\s+)?(?:được\s+)?phổ\s+biến")
_PLAN = re.compile(
    rf"{WORD_START}(?:xây\s+dựng|ban\s+hành|soạn\s+thảo|lập|cụ\s+thể\s+hóa|cụ\s+thể\s+hoá|bổ\s+sung|cập\s+nhật|rà\s+soát|chuẩn\s+bị)"
    r"(?:[^.;]{0,150}?)"
    rf"{WORD_START}(?:kế\s+hoạch|chương\s+trình|đề\s+án|hướng\s+dẫn|phương\s+án|văn\s+bản(?:\s+lãnh\s+đạo|\s+triển\s+khai)|nghị\s+quyết,\s+kế\s+hoạch|lộ\s+trình){WORD_END}"
)
_VERBS = {
    " ".join(token.key for token in tokenize(verb)) for verb in (
        "lãnh đạo", "chỉ đạo", "kiểm tra", "đôn đốc", "giám sát", "theo dõi", "triển khai", "thực hiện",
        "tuyên truyền", "quán triệt", "xây dựng", "ban hành", "hướng dẫn", "tham mưu", "tổng hợp", "báo cáo",
        "nghiên cứu", "khảo sát", "đánh giá", "phối hợp", "tăng cường", "đẩy mạnh", "tổ chức", "phổ biến",
        "vận động", "chuẩn bị", "rà soát", "bổ sung", "sửa đổi", "cập nhật", "tiến hành", "nâng cao",
        "đổi mới", "kiện toàn", "củng cố", "tập huấn", "bồi dưỡng", "đào tạo", "định hướng", "hỗ trợ",
        "phát huy", "thẩm định", "giải quyết", "xử lý", "tiếp nhận", "quản lý", "bố trí", "cân đối",
        "sơ kết", "tổng kết", "kiểm điểm", "tập hợp", "phát động", "hưởng ứng", "gửi báo", "trình bày",
    )
}
_MONITOR_VERBS = {" ".join(t.key for t in tokenize(v)) for v in ("theo dõi", "đôn đốc", "kiểm tra", "giám sát")}
_REPORT_VERBS = {" ".join(t.key for t in tokenize(v)) for v in ("báo cáo", "tổng hợp")}
# Adverbs and set phrases a duty may open with before its verbs.
_VERB_PREFIXES = sorted(
    (tuple(t.key for t in tokenize(p)) for p in (
        "thường xuyên", "chủ động", "tích cực", "kịp thời", "định kỳ", "hằng năm", "hàng năm", "có trách nhiệm",
        "chịu trách nhiệm", "tiếp tục", "theo chức năng, nhiệm vụ", "theo chức năng", ",", "và", "chủ trì",
        "hằng quý", "đồng thời",
    )),
    key=len, reverse=True,
)
_AND = tokenize("và")[0].key
_REPORT = re.compile(rf"{WORD_START}báo\s+cáo(?!\s+viên){WORD_END}")
_REPORT_TO = re.compile(
    rf"{WORD_START}(?:báo\s+cáo(?!\s+viên)|gửi|trình)(?:\s+(?:kết\s+quả|tình\s+hình)[^;.()]{{0,120}}?\s+(?:với|về|lên|cho)|\s+(?:với|về|lên|cho))?\s+(?=\S)"
)
_DIRECTS_OBJECT = re.compile(words_pattern(["chỉ đạo", "giao", "yêu cầu", "đối với", "hướng dẫn", "đề nghị"]) + r"\s+")
_DECIDES = re.compile(words_pattern(["ban hành", "phê duyệt", "quyết định", "thông qua", "xem xét"]))
_DIRECTS = re.compile(words_pattern(["chỉ đạo", "hướng dẫn", "yêu cầu", "đề nghị"]))
_REVIEW = re.compile(rf"{WORD_START}(?:sơ\s+kết|tổng\s+kết){WORD_END}")
_DUE_CUE = re.compile(
    words_pattern(["xong", "hoàn thành", "trước", "chậm nhất", "trong", "vào cuối", "thời gian", "ban hành",
                   "trình", "cuối", "thời hạn", "hạn", "xong trước", "xong trong", "đến hết"]) + r"[\s,]*(?:ngày\s+)?$"
)
_SYMBOL = re.compile(r"\d+\s*-\s*[A-ZĐ]+/[A-ZĐ]+|\d+/\d{4}/|số\s+\d+")


@dataclass
class _Segment:
    lead: BodyList
    predicate: int  # where the duty begins
    end: int
    via_giao: bool = False
    confidence: float = 0.9
    opening: int | None = None  # where the sentence begins, lead-ins included ("Hằng quý, ...")


def extract_assignments(context: DocumentContext) -> list[Assignment]:
    if any(block.part == ORGANISATION for block in context.blocks):
        segments = _item_segments(context, (ORGANISATION,), everyone_counts=True)
    else:
        # A directive or conclusion without an implementation part assigns in its numbered items.
        segments = _item_segments(context, (TASKS, OTHER), everyone_counts=False)
    taken = {segment.lead.start for segment in segments}
    for segment in _segments_elsewhere(context):
        if segment.lead.start not in taken:
            segments.append(segment)
            taken.add(segment.lead.start)
    segments.sort(key=lambda segment: (segment.lead.start, segment.predicate))
    return [_assignment(context, segment) for segment in segments]


# --- finding who is given a duty --------------------------------------------------------


def _item_segments(context: DocumentContext, parts: tuple[str, ...], everyone_counts: bool) -> list[_Segment]:
    """Items whose subject is a body, one segment per subject (docs/labelling.md, granularity).

    Sub-items without a subject take the lead of the item above them ("2. Ủy ban nhân dân
    tỉnh: 2.1. ...; 2.2. ..."). ``everyone_counts``: whether a duty addressed to every level
    ("cấp ủy các cấp ...") is an assignment, as in an implementation part; elsewhere it is one
    only with a "Giao", a "chủ trì" or a date, and each paragraph of an item is its own duty.
    """
    segments: list[_Segment] = []
    current: _Segment | None = None
    leads: dict[int, BodyList] = {}  # block start -> the lead its sub-items inherit
    previous_end = None
    for block in context.blocks:
        broken = previous_end is not None and block.kind is None and _unfinished(context, previous_end)
        previous_end = block.end
        if block.part not in parts or _is_part_heading(context, block):
            current = None
            continue
        if _THIS_DOCUMENT.match(context.lowered, block.content_start):
            current = None  # "Nghị quyết này phổ biến đến chi bộ" closes the part
            continue
        if broken and current is not None:
            current.end = block.end  # a paragraph the reader broke mid-sentence
            continue
        inherited = next((leads[a.start] for a in block.ancestors() if a.start in leads), None)
        if block.kind is not None:
            current = None
        head = _head_only(context, block)
        if head is not None:
            leads[block.start] = head
            current = None
            continue
        openings = _openings(context, block.content_start, block.end)
        if not everyone_counts:
            # A named body heading the item or paragraph assigns all its subjects; otherwise
            # (mid-paragraph, or addressed to everyone) only a Giao, a chủ trì or a date does.
            headed = bool(openings) and openings[0][0] == block.content_start and not openings[0][1].everyone
            openings = [
                opening for opening in openings
                if (headed and not opening[1].everyone) or _assigns_anyway(context, opening, block.end)
            ]
        if not openings or openings[0][0] > block.content_start:
            under_head = block.parent is not None and _head_only(context, block.parent) is not None
            if current is not None and block.kind is None and everyone_counts and not under_head:
                current.end = block.end
            elif current is not None and block.kind is None:
                if read_bodies(context.text, block.content_start, block.end) is not None:
                    current = None  # a paragraph about another body, even if it gives no duty
                else:
                    current = _Segment(current.lead, block.content_start, block.end, confidence=0.85)
                    segments.append(current)
            elif inherited is not None:
                current = _Segment(inherited, block.content_start, block.end, confidence=0.85)
                segments.append(current)
        elif block.kind is not None:
            leads[block.start] = openings[0][1]
        for position, lead, predicate, via_giao in openings:
            if current is not None and current.end > position:
                current.end = position
            current = _Segment(lead, predicate, block.end, via_giao, 0.95 if via_giao else _subject_confidence(lead), position)
            segments.append(current)
    return segments


def _unfinished(context: DocumentContext, end: int) -> bool:
    """Whether the paragraph ending at ``end`` stops mid-sentence (no closing punctuation)."""
    tail = context.text[max(0, end - 3):end].rstrip()
    return bool(tail) and tail[-1] not in ".:;!?…)\"”'"


def _assigns_anyway(context: DocumentContext, opening, end: int) -> bool:
    """Whether a sentence assigns whoever its subject is: a Giao, a chủ trì, or a time limit."""
    position, lead, predicate, via_giao = opening
    if via_giao or _TAKE_LEAD.match(context.lowered, predicate):
        return True
    sentence_end = next((e for _, e in sentences(context.text, predicate, end)), end)
    return _dated(context, position, sentence_end)


def _segments_elsewhere(context: DocumentContext) -> list[_Segment]:
    """Giao and "chủ trì" clauses outside the implementation part, and dated plan or report duties."""
    found: list[_Segment] = []
    for block in context.blocks:
        if block.part not in (TASKS, OTHER, GOALS):
            continue
        if not (_GIVE.search(context.lowered, block.content_start, block.end)
                or _DATED.search(context.lowered, block.content_start, block.end)
                or _LEADS.search(context.lowered, block.content_start, block.end)):
            continue  # no "Giao", no "chủ trì", no date: nothing to find here
        openings = _openings(context, block.content_start, block.end)
        for index, (position, lead, predicate, via_giao) in enumerate(openings):
            end = openings[index + 1][0] if index + 1 < len(openings) else block.end
            if via_giao or _TAKE_LEAD.match(context.lowered, predicate):
                found.append(_Segment(lead, predicate, end, via_giao, 0.95 if via_giao else 0.85))
                continue
            if lead.everyone:
                continue  # a general exhortation, even with a date
            sentence_end = next((e for _, e in sentences(context.text, position, end)), end)
            duty = context.lowered[predicate:sentence_end]
            if (_PLAN.search(duty) or _REPORT.search(duty)) and _due(context, predicate, sentence_end):
                found.append(_Segment(lead, predicate, sentence_end, False, 0.7))
    return found


def _is_part_heading(context: DocumentContext, block: Block) -> bool:
    content = context.text[block.content_start:block.end].strip()
    return bool(block.title) and block.title.strip() == content and block.part == ORGANISATION and (
        block.parent is None or block.parent.part != ORGANISATION
    )


def _head_only(context: DocumentContext, block: Block) -> BodyList | None:
    """ "4. Ủy ban Kiểm tra Tỉnh ủy:" — a body named for the items below it."""
    lead = read_bodies(context.text, block.content_start, block.end)
    if lead is None:
        return None
    rest = context.text[lead.end:block.end].strip()
    if rest.endswith(":") and len(rest.split()) <= 4 and rest.count(",") == 0:
        return lead  # "2. Ủy ban nhân dân tỉnh chỉ đạo:" names the lead of the items below
    return None


def _openings(context: DocumentContext, start: int, end: int) -> list[tuple[int, BodyList, int, bool]]:
    """Where a new subject (or a "Giao") begins in ``text[start:end]``: (position, lead, predicate, via_giao)."""
    text, lowered = context.text, context.lowered
    candidates: set[int] = set()
    for sentence_start, sentence_end in sentences(text, start, end):
        for clause_start, _ in clauses(text, sentence_start, sentence_end):
            candidates.add(clause_start)
    for match in _GIVE.finditer(lowered, start, end):
        candidates.add(match.start())
    openings = []
    for position in sorted(candidates):
        if _continues_a_list(context, position):
            continue
        opening = _subject_at(context, position, end)
        if opening is not None:
            lead, predicate, via_giao = opening
            if openings and openings[-1][1].end > position:
                continue  # inside the previous lead ("Giao" found within a name list)
            openings.append((position, lead, predicate, via_giao))
    return openings


def _continues_a_list(context: DocumentContext, position: int) -> bool:
    """Whether bodies after a ";" continue the object of the clause before ("chỉ đạo Sở Kế hoạch
    và Đầu tư, Sở Tài chính; UBND các huyện, thành phố cân đối ..."): not a new subject."""
    semicolon = context.text.rfind(";", max(0, position - 3), position)
    if semicolon == -1:
        return False
    clause_start = max(context.text.rfind(";", 0, semicolon), context.text.rfind(". ", 0, semicolon)) + 1
    for directive in _DIRECTS_OBJECT.finditer(context.lowered, max(clause_start, semicolon - 200), semicolon):
        objects = read_bodies(context.text, directive.end(), semicolon)
        if objects is not None and objects.end >= semicolon - 1:
            return True
    return False


def _subject_at(context: DocumentContext, position: int, end: int) -> tuple[BodyList, int, bool] | None:
    text, lowered = context.text, context.lowered
    request = _REQUEST.match(lowered, position)
    give = _GIVE.match(lowered, position) or request
    if give and not _NOT_GIVING_BEFORE.search(lowered[max(0, position - 20):position]):
        lead = read_bodies(text, give.end(), end)
        if request and lead is not None and lead.everyone:
            return None  # "Yêu cầu cấp ủy các cấp ...": an exhortation to everyone
        if lead is not None and lead.start == _skip_spaces(text, give.end()):
            return lead, _predicate_start(context, lead, end), True
        return None
    lead_in = _LEAD_IN.match(lowered, position)
    if lead_in:
        position = lead_in.end()
    if _GROUNDS.match(lowered, position):
        return _subject_after_grounds(context, position, end)
    lead = read_bodies(text, position, end)
    if lead is None or lead.start != _skip_spaces(text, position):
        return None
    lead = _with_relative_clause(context, lead, end)
    if not _predicate_follows(text, lead.end, end) or _NOT_A_DUTY.match(lowered, _skip_spaces(text, lead.end)):
        return None
    return lead, _predicate_start(context, lead, end), False


def _with_relative_clause(context: DocumentContext, lead: BodyList, end: int) -> BodyList:
    """ "Các cơ quan, đơn vị được phân công chuẩn bị ... của Tỉnh ủy" names its bodies by their task:
    the subject runs to the main verb ("phải", "tích cực", "chủ động" ...)."""
    if not lead.everyone or not _RELATIVE.match(context.lowered, lead.end):
        return lead  # named bodies are named enough: "được phân công ..." is then their duty
    sentence_end = next((e for _, e in sentences(context.text, lead.end, end)), end)
    main_verb = _MAIN_VERB.search(context.lowered, lead.end, sentence_end)
    if main_verb is None:
        return lead
    subject_end = main_verb.start()
    while subject_end > lead.end and context.text[subject_end - 1] in " ,":
        subject_end -= 1
    name = BodyName(context.text[lead.start:subject_end], lead.start, subject_end, group=True)
    return BodyList([name], lead.start, subject_end)


def _subject_after_grounds(context: DocumentContext, position: int, end: int) -> tuple[BodyList, int, bool] | None:
    """ "Căn cứ Chỉ thị này và chức năng, nhiệm vụ được giao, Ban cán sự đảng ... xây dựng ..." """
    text = context.text
    limit = min(end, position + 300)
    for separator in re.finditer(r"[,:]\s*", text[position:limit]):
        candidate = position + separator.end()
        lead = read_bodies(text, candidate, end)
        if lead is not None and lead.start == candidate and _predicate_follows(text, lead.end, end):
            if lead.names[0].text[:1].isupper() or text[position + separator.start()] == ":":
                return lead, _predicate_start(context, lead, end), False
    return None


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _predicate_follows(text: str, position: int, end: int) -> bool:
    """A subject is followed by its verb (lower case) or by a colon, not by more of a noun phrase."""
    rest = text[position:min(end, position + 40)].lstrip()
    if rest.startswith(","):
        rest = rest[1:].lstrip()  # "Ủy ban MTTQ ..., theo chức năng, nhiệm vụ chủ động ..."
    if not rest:
        return False
    return rest[0] == ":" or (rest[0].isalpha() and rest[0].islower())


def _predicate_start(context: DocumentContext, lead: BodyList, end: int) -> int:
    position = lead.end
    while position < end and context.text[position] in " :,":
        position += 1
    return position


def _subject_confidence(lead: BodyList) -> float:
    return 0.85 if all(name.group for name in lead.names) else 0.9


# --- what the duty is ----------------------------------------------------------------------


def _assignment(context: DocumentContext, segment: _Segment) -> Assignment:
    text, lowered = context.text, context.lowered
    start, end = segment.predicate, segment.end
    partners, action_start = _partners(context, start, end)
    return Assignment(
        lead=[name.text for name in segment.lead.names],
        partners=partners,
        action=" ".join(text[action_start:end].split()).strip(" ,;."),
        due=_due(context, start, end),
        recurrence=_recurrence(context, min(start, segment.opening if segment.opening is not None else start), end),
        report_to=_report_to(context, start, end),
        kind=_kind(lowered[min(segment.lead.start, start) if segment.opening is not None else start:end],
                   lowered[action_start:end]),
        line=context.line_at(segment.lead.start),
        quote=" ".join(text[segment.lead.start if not segment.via_giao else _giao_start(context, segment):end].split()),
        start=segment.lead.start,
        end=end,
        confidence=segment.confidence,
    )


def _giao_start(context: DocumentContext, segment: _Segment) -> int:
    found = context.lowered.rfind("giao", max(0, segment.lead.start - 25), segment.lead.start)
    return found if found != -1 else segment.lead.start


def _partners(context: DocumentContext, start: int, end: int) -> tuple[list[str], int]:
    """Bodies after "phối hợp (với)" when the lead itself cooperates, and where the duty proper begins.

    In "X chỉ đạo Y ... phối hợp với Z", Z works with Y: not a partner of the lead.
    """
    text, lowered = context.text, context.lowered
    action_start = start
    take_lead = _TAKE_LEAD.match(lowered, start)
    if take_lead:
        action_start = take_lead.end()
    for cooperate in _COOPERATE.finditer(lowered, start, end):
        clause_start = max(lowered.rfind(";", start, cooperate.start()), lowered.rfind(". ", start, cooperate.start()), start)
        if _DIRECTS.search(lowered, clause_start, cooperate.start()):
            continue
        partners = read_bodies(text, cooperate.end(), end)
        if partners is None or partners.start != _skip_spaces(text, cooperate.end()):
            continue
        if cooperate.start() - action_start <= 2:
            action_start = _skip_spaces(text, partners.end)
            while action_start < end and text[action_start] in ",: ":
                action_start += 1
        return [name.text for name in partners.names], action_start
    return [], action_start


def _due(context: DocumentContext, start: int, end: int) -> str | None:
    """The first dated deadline of the duty: "xong trong tháng 7/2021", "trước ngày 15/01/2021"."""
    for period in context.periods_in(start, end):
        clause_start, clause_end = _clause_around(context.text, start, end, period.start)
        due = context.one_off(period, clause_start, clause_end)
        if due is None:
            continue
        absolute = period.start
        before = context.lowered[max(start, absolute - 40):absolute]
        if not _DUE_CUE.search(before):
            continue
        if _SYMBOL.search(context.text[max(start, absolute - 40):absolute]):
            continue  # the date of a document cited: "Quyết định số 238-QĐ/TW ngày 30/9/2020"
        if _in_review(context.lowered, start, absolute):
            continue
        return due
    return None


def _clause_around(text: str, start: int, end: int, position: int) -> tuple[int, int]:
    """From the sentence start (lead-ins before the subject included: "Hằng năm, trước ngày
    01/02, X ...") to the end of the clause holding ``position``."""
    left = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position), 0)
    stops = [found for found in (text.find(";", position, end), text.find(". ", position, end)) if found != -1]
    return left, min(stops) if stops else end


def _dated(context: DocumentContext, start: int, end: int) -> bool:
    """Whether a duty has a time limit, a yearly one ("hằng năm, trước ngày 30/11") included."""
    for period in context.periods_in(start, end):
        absolute = period.start
        if period.kind != "since" and _DUE_CUE.search(context.lowered[max(start, absolute - 40):absolute]):
            return True
    return False


def _in_review(lowered: str, start: int, position: int) -> bool:
    """Whether a period belongs to a review ("tham mưu sơ kết ... vào quý II/2023")."""
    clause_start = max(lowered.rfind(";", start, position), lowered.rfind(". ", start, position), start)
    words = list(_REVIEW.finditer(lowered, clause_start, position))
    return bool(words) and position - words[-1].end() < 160


_FINER = ["weekly", "monthly", "quarterly", "semiannual", "annual"]


def _recurrence(context: DocumentContext, start: int, end: int) -> str | None:
    """The duty's cadence; of several ("định kỳ 6 tháng và hằng năm"), the finest."""
    found = [
        recurrence.recurrence for recurrence in context.recurrences_in(start, end)
        if not _in_review(context.lowered, start, recurrence.start)
    ]
    return min(found, key=_FINER.index) if found else None


def _report_to(context: DocumentContext, start: int, end: int) -> str | None:
    """Who reports go to: "báo cáo Ban Thường vụ Tỉnh ủy", "báo cáo kết quả ... với Thường trực Tỉnh ủy"."""
    text, lowered = context.text, context.lowered
    for match in _REPORT_TO.finditer(lowered, start, end):
        if lowered.startswith("gửi", match.start()) and not _REPORT.search(lowered, max(start, match.start() - 60), match.start()):
            continue  # "gửi" names a recipient only when a report is meant
        recipients = read_bodies(text, match.end(), end)
        if recipients is not None and recipients.start == _skip_spaces(text, match.end()):
            if lowered.startswith("trình", match.start()) and _DECIDES.match(lowered, _skip_spaces(text, recipients.end)):
                continue  # "trình HĐND tỉnh ban hành ...": submitted for a decision, not a report
            return ", ".join(name.text for name in recipients.names)
    meeting = re.search(r"tại\s+(?:hội\s+nghị|kỳ\s+họp|phiên\s+họp)\s+", lowered[start:end])
    if meeting and _REPORT.search(lowered, start, start + meeting.start()):
        recipients = read_bodies(text, start + meeting.end(), end)
        if recipients is not None:
            return ", ".join(name.text for name in recipients.names)
    return None


def _kind(item: str, duty: str) -> str:
    """plan > monitor > report > implement: plan anywhere in the item (its subject may name it:
    "các cơ quan được phân công chuẩn bị các ... kế hoạch"), the rest from the verbs the duty's
    clauses begin with."""
    if _PLAN.search(item):
        return "plan"
    groups = [_leading_verbs(duty[start:end]) for start, end in _clause_spans(duty)]
    if any(verb in _MONITOR_VERBS for group in groups for verb in group):
        return "monitor"
    if groups and all(set(group) <= _REPORT_VERBS for group in groups if group) and any(groups):
        return "report"
    return "implement"


def _clause_spans(duty: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for stop in re.finditer(r";|\.(?:\s|$)", duty):
        spans.append((start, stop.start()))
        start = stop.end()
    spans.append((start, len(duty)))
    return [span for span in spans if duty[span[0]:span[1]].strip()]


def _leading_verbs(clause: str) -> list[str]:
    """The verbs a clause begins with ("theo dõi, đôn đốc, kiểm tra việc ..." → three verbs)."""
    keys = [token.key for token in tokenize(clause)]
    index, verbs = 0, []
    while index < len(keys):
        skipped = next((len(p) for p in _VERB_PREFIXES if tuple(keys[index:index + len(p)]) == p), 0)
        if skipped:
            index += skipped
            continue
        pair = " ".join(keys[index:index + 2])
        if pair in _VERBS:
            verbs.append(pair)
            index += 2
            continue
        if verbs and keys[index] in (",", _AND):
            index += 1
            continue
        break
    return verbs
