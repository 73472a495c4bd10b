"""Targets (chỉ tiêu): the figures a document commits to reach.

Every figure with a unit in the goals part ("Mục tiêu", "Chỉ tiêu", "Phấn
đấu ...") is a target, and so is one in the tasks and solutions when it
counts something to reach ("ít nhất 20 người", "tối thiểu 2% tổng chi"):
not durations, levels, grades, figures in names ("Nghị quyết Trung ương 4"),
counts of documents, or counts saying only who a share is of ("100% doanh
nghiệp sử dụng 25 lao động trở lên").

Figures of the past are not targets: the preamble's assessment (unless it
states the aim: "Để phấn đấu ... đến năm 2025 đạt trên 90%"), a clause with
"đã", a figure dated before the document ("năm 2020 đạt 49,7%"), which is a
baseline when the same clause raises it ("từ 49,7% năm 2020 lên 60%").

The deadline comes from the clause, else from the headings and lead-ins
above it ("MỤC TIÊU ... ĐẾN NĂM 2025", "Phấn đấu đến năm 2025:"), else from
the period the document's title names.
"""

from __future__ import annotations

import re

from nghiquyet.text.commitments.clauses import clauses, sentences
from nghiquyet.text.commitments.context import DocumentContext
from nghiquyet.text.commitments.lexicon import searchable, words_pattern
from nghiquyet.text.commitments.numbers import Quantity, find_quantities
from nghiquyet.text.commitments.periods import Period, find_periods, find_recurrences
from nghiquyet.text.commitments.structure import GOALS, OTHER, PREAMBLE, TASKS, Block
from nghiquyet.text.model import Target

_PER_RECURRENCE = {"năm": "annual", "quý": "quarterly", "tháng": "monthly", "tuần": "weekly"}
_DURATION_UNITS = {"ngày", "tháng", "năm", "tuần", "giờ", "phút", "nhiệm kỳ", "khóa", "khoá", "kỳ", "ngày làm việc"}
# Counts of documents and of a document's own parts are not targets ("29 nghị quyết, chỉ thị ...").
_DOCUMENT_UNITS = {
    "nghị quyết", "chỉ thị", "chương trình", "kế hoạch", "đề án", "kết luận", "văn bản", "quan điểm",
    "định hướng", "nhiệm vụ", "giải pháp", "đột phá", "quy định", "quyết định", "nhóm giải pháp",
}
_PAST = re.compile(words_pattern(["đã", "vừa qua", "những năm qua", "thời gian qua", "nhiệm kỳ qua", "so với cùng kỳ"]))
_QUALIFIER_AFTER = re.compile(r"\s*(?:đạt|chiếm|là|ở\s+mức|còn|giảm\s+còn|xuống\s+còn)\s+(?:[^\W\d_]+\s+){0,2}$")
_STRIVE = re.compile(r"phấn\s+đấu")
_MEASURE = re.compile(r"m2|m3|km2|km|m|ha|kg|kw|mw|kwh|mwh|tấn|lít")  # sizes are targets, not who counts
_COMPARED = re.compile(r"so\s+với\s*$")  # "tăng 2,5 lần so với năm 2020": a base, not a past result
_CITED = re.compile(r"\d+\s*[-/]\s*[A-ZĐ]+[-/A-ZĐ]*\s*(?:ngày\s*)?$")
_ONWARDS = re.compile(r"\s*trở\s+đi")
_BASELINE_BETWEEN = re.compile(r"\s*(?:%\s*)?(?:\(?\s*năm\s+((?:19|20)\d\d)\s*\)?\s*)?(?:,\s*)?(?:lên|tăng\s+lên|lên\s+mức)\s+(?:mức\s+)?$")
_FROM_BEFORE = re.compile(r"từ\s*$")
# Words that name a measure: a phrase holding one names the indicator itself.
_MEASURE_TERMS = [
    "tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "tỷ suất", "tỉ suất", "tốc độ", "tăng trưởng", "cơ cấu", "số",
    "tổng số", "tổng diện tích", "tổng vốn", "tổng thu", "tổng chi", "tổng mức", "tổng giá trị",
    "tổng sản phẩm", "tổng quy mô", "thu ngân sách", "thu nsnn", "chi ngân sách", "thu nhập", "vốn", "năng suất", "grdp", "grdp", "quy mô", "mức", "chỉ số",
    "giá trị", "tuổi thọ", "diện tích", "sản lượng", "kim ngạch", "độ che phủ", "mật độ", "dân số",
    "xếp hạng", "thứ hạng", "sức chứa", "công suất", "chiều dài", "tổng số", "số lượng", "lượng",
]
_MEASURE_WORDS = re.compile(words_pattern(_MEASURE_TERMS))
_MEASURE_LEAD = re.compile(words_pattern([t for t in _MEASURE_TERMS if " " in t]))
# Where the predicate of "Tỷ lệ <units> <predicate>" begins: what the units do or are.
_PREDICATE = re.compile(words_pattern([
    "được", "hoàn thành", "có", "xếp loại", "đạt", "tham gia", "thực hiện", "sử dụng", "là", "gia nhập",
    "tiếp tục", "xây dựng", "duy trì",
]))
_STRIVE_FOR = re.compile(r"[,;]\s*phấn\s+đấu\s+(?:(?:đạt|có|là|nâng|để)\s+)?")
_LINKED = re.compile(r"(?:^|\s)(?:đạt|là|chiếm|bằng|còn|tăng|giảm|ở\s+mức|lên|xuống|có|gấp)(?:\s+(?:từ|trên|dưới|khoảng|tối\s+thiểu|ít\s+nhất|không\s+quá|tối\s+đa|thêm|bình\s+quân|hằng\s+năm|hàng\s+năm|mỗi\s+năm))*\s*$")
_NOT_UNITS = re.compile(r"(?:so\s+với|trở\s+lên|trở\s+đi|trở\s+xuống|trên|dưới|tổng|kế\s+hoạch|của|mỗi|hằng|hàng|bình\s+quân|năm|giai\s+đoạn|đến|vào|trong|và|hoặc)\b")
_NOT_THINGS = re.compile(r"đồng|usd|lần|hạng|bậc|điểm|người/|/|giường")
_LEADING_ARTICLE = re.compile(r"^(?:(?:các|những|toàn\s+bộ|tất\s+cả)\s+)+", re.IGNORECASE)
_AFTER_END = re.compile(
    r"[;]|\s-\s|\((?![^()]*\))|,\s*(?=" + words_pattern([
        "phấn đấu", "trong đó", "bảo đảm", "đảm bảo", "góp phần", "nhằm", "để", "từ đó", "tạo", "đồng thời",
        "đạt", "với", "riêng", "còn lại", "nâng", "tăng", "giảm", "hoàn thành", "đặc biệt", "nhất là", "phục vụ",
    ]) + ")",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(words_pattern(["vào", "tại", "ở", "cho", "với", "trong", "thuộc", "trên", "đến", "của", "để"]))
_LONGEST_NAME = 120
# Where a long name can end: before a comma or a phrase that adds a circumstance ("... theo hướng dẫn").
_PHRASE_START = re.compile(r"\s(?:và|hoặc|theo|để|nhằm|của|gắn\s+với|trong|tại|đối\s+với|bằng)\s")
_SCOPE_AT = re.compile(r"(?:tại|ở|đối với)\s+(cấp\s+(?:tỉnh|huyện|xã|cơ\s+sở)|khu\s+vực\s+\w+(?:\s+\w+)?|thành\s+thị|nông\s+thôn)")

# Words to peel off the ends of an indicator phrase.
_LEADING_NOISE = re.compile(
    r"^(?:[\s,;:.()\-+*]|" + words_pattern([
        "và", "trong đó", "trong đó có", "phấn đấu", "phấn đấu có", "phấn đấu là", "phấn đấu đạt", "có", "có thêm",
        "đạt", "là", "với", "hằng năm", "hàng năm", "mỗi năm", "đến năm", "năm", "trong nhiệm kỳ", "tỉnh có",
        "tạo tiền đề", "bảo đảm", "đảm bảo", "để", "thì", "riêng", "đồng thời", "cùng với", "trong",
        "đến hết", "đến", "hết", "cuối", "vào", "từ",
    ]) + r")+"
)
_TRAILING_NOISE = re.compile(
    r"(?:[\s,;:.(\-]|" + words_pattern([
        "đạt", "là", "có", "chiếm", "tăng", "giảm", "còn", "ở mức", "bằng", "đạt mức", "lên", "xuống",
        "thuộc", "nằm trong", "trong", "vào", "đến", "khoảng", "trên", "dưới", "tăng bình quân", "bình quân",
        "hằng năm", "hàng năm", "mỗi năm", "từ", "tối thiểu", "ít nhất", "không quá", "tối đa", "giảm xuống",
        "tăng lên", "nâng", "nâng lên", "được", "cho", "đạt từ", "phủ", "phấn đấu", "với", "và", "trở lên",
    ]) + r")+$"
)


def extract_targets(context: DocumentContext) -> list[Target]:
    targets: list[Target] = []
    for block in context.blocks:
        if block.part not in (GOALS, TASKS, OTHER, PREAMBLE):
            continue
        for start, end in sentences(context.text, block.content_start, block.end):
            if block.part == PREAMBLE and not _states_an_aim(context, start, end):
                continue  # the preamble assesses the past, unless it states the aim ("Để phấn đấu ... đến năm 2025 đạt ...")
            targets.extend(_sentence_targets(context, block, start, end))
    return targets


def _states_an_aim(context: DocumentContext, start: int, end: int) -> bool:
    if not _STRIVE.search(context.lowered, start, end):
        return False
    if context.recurrences_in(start, end) and not _PAST.search(context.lowered, start, end):
        return True  # "Để phấn đấu mỗi năm kết nạp từ 250 đảng viên trở lên, ..."
    return any(
        p.kind != "since" and p.year_given and (context.issue_year is None or int(p.period[:4]) >= context.issue_year)
        for p in context.periods_in(start, end)
    )


def _sentence_targets(context: DocumentContext, block: Block, start: int, end: int) -> list[Target]:
    text = context.text
    sentence = text[start:end]
    quantities = [_shift(q, start) for q in find_quantities(sentence)]
    quantities = [q for q in quantities if _is_countable(q)]
    if not quantities:
        return []
    in_goals = block.part == GOALS
    periods = context.periods_in(start, end)
    recurrences = [(r.recurrence, r.start, r.end) for r in context.recurrences_in(start, end)]
    clause_spans = clauses(text, start, end)
    found: list[Target] = []
    skip: set[int] = set()
    baselines: dict[int, tuple[float, str | None]] = {}
    for index, (first, second) in enumerate(zip(quantities, quantities[1:])):
        between = context.lowered[first.end:second.start]
        match = _BASELINE_BETWEEN.fullmatch(between)
        if match and _FROM_BEFORE.search(context.lowered[max(0, first.start - 8):first.start]):
            skip.add(index)
            baselines[index + 1] = (first.value, match.group(1))
        elif _QUALIFIER_AFTER.fullmatch(between):
            skip.add(index)  # "dưới 40 tuổi đạt từ 5%": the age qualifies the indicator
        elif _qualifies_share(first, second, between):
            skip.add(index + 1)  # "100% doanh nghiệp ... sử dụng 25 lao động trở lên": who counts
    previous: Target | None = None
    kept: list[Quantity] = []  # the quantity of each target found
    current_clause, value_first, previous_end = None, False, start
    for index, quantity in enumerate(quantities):
        if index in skip:
            continue
        clause = next((span for span in clause_spans if span[0] <= quantity.number_start < span[1]), (start, end))
        if _is_past(context, quantity, clause, periods, index in baselines, start):
            continue
        deadline = _deadline(context, block, quantity, start, clause, periods, baselines.get(index))
        recurrence = _recurrence(context, block, quantity, start, clause, recurrences)
        segment_start, segment_end = _indicator_span(quantities, index, skip, baselines, clause)
        if clause != current_clause:
            current_clause = clause
            value_first = not _clean(_after_last_lead_in(context.text[clause[0]:quantity.start]))
        following = next((q.start for q in quantities[index + 1:] if q.start > quantity.end), clause[1])
        indicator, scope = _indicator_and_scope(
            context, segment_start, segment_end, quantity, clause, following, previous, previous_end, value_first,
        )
        baseline = baselines.get(index)
        comparator = quantity.comparator
        if comparator == "eq" and quantity.value_max is None and found and _continues_list(context, found[-1], previous_end, quantity):
            comparator = found[-1].comparator  # "Trên 95% ... cấp tỉnh, 85% ... cấp huyện": one comparator leads the list
        target = Target(
            indicator=indicator,
            value=quantity.value,
            value_max=quantity.value_max,
            comparator=comparator,
            unit=quantity.unit,
            scope=scope,
            deadline=deadline,
            recurrence=recurrence,
            baseline_value=baseline[0] if baseline else None,
            baseline_year=(baseline[1] if baseline else None),
            line=context.line_at(quantity.number_start),
            quote=text[clause[0]:clause[1]],
            start=clause[0],
            end=clause[1],
            confidence=_confidence(in_goals, indicator, deadline, recurrence),
        )
        found.append(target)
        kept.append(quantity)
        previous, previous_end = target, quantity.end
    _scope_first_of_list(found)
    _share_predicate_over_list(context, found, kept)
    return found


def _share_predicate_over_list(context: DocumentContext, found: list[Target], kept: list[Quantity]) -> None:
    """ "100% đảng bộ, 90% chi bộ, 84% đảng viên hoàn thành tốt nhiệm vụ": the predicate after the
    last share of a list is every member's, so "Tỷ lệ đảng bộ" becomes "Tỷ lệ đảng bộ hoàn thành ...". """
    members: list[int] = []
    for index, target in enumerate(found):
        if not (target.unit == "%" and target.indicator.startswith("Tỷ lệ ")):
            members = []
            continue
        if members:
            between = context.lowered[kept[members[-1]].end:kept[index].start]
            if found[members[-1]].start != target.start or not re.fullmatch(r"[^\d;]{1,100}?(?:,|\svà)\s*(?:(?:từ|trên|dưới|khoảng|ít\s+nhất|tối\s+thiểu)\s+)?", between) or _PREDICATE.search(between):
                members = []
        members.append(index)
        predicate = _PREDICATE.search(searchable(target.indicator), len("Tỷ lệ "))
        if predicate and len(members) > 1:
            tail = target.indicator[predicate.start():]
            for member in members[:-1]:
                if not _PREDICATE.search(searchable(found[member].indicator)):
                    found[member].indicator = _finish(f"{found[member].indicator} {tail}")
            members = []


def _continues_list(context: DocumentContext, previous: Target, previous_end: int, quantity: Quantity) -> bool:
    """Whether a figure follows the one before as the next member of the same list."""
    if previous.value_max is not None or previous.comparator == "eq" or previous.unit != quantity.unit:
        return False
    between = context.lowered[previous_end:quantity.start]
    return bool(re.search(r"(?:,|;|\bvà)\s*$", between)) and "(" not in between


def _scope_first_of_list(targets: list[Target]) -> None:
    """ "mức độ 1 đạt 96,4%, mức độ 2 đạt 21,4%": the first figure's indicator holds its own scope.

    When a figure's scope ("mức độ 2") starts with words found in the indicator it shares with
    the figure before ("Tỷ lệ trường đạt chuẩn quốc gia mức độ 1"), the indicator is split there.
    """
    for head, sibling in zip(targets, targets[1:]):
        if head.scope is not None or sibling.scope is None or sibling.indicator != head.indicator:
            continue
        lead_words = " ".join(searchable(sibling.scope).split()[:2])
        position = searchable(head.indicator).find(" " + lead_words + " ") if lead_words else -1
        if position <= 0:
            continue
        indicator = _clean(head.indicator[:position])
        if not indicator:
            continue
        head.scope = head.indicator[position + 1:].strip()
        for target in targets:
            if target.indicator == sibling.indicator:
                target.indicator = indicator


def _qualifies_share(share: Quantity, count: Quantity, between: str) -> bool:
    """A count inside the noun phrase of a share ("100% doanh nghiệp có sử dụng 25 lao động") narrows it."""
    return (
        share.unit in ("%", "‰") and count.unit not in ("%", "‰") and not _MEASURE.fullmatch(count.unit or "")
        and len(between) < 90
        and not re.search(r"[;()]|\b(?:và|hoặc|với|trong đó)\b", between) and not between.strip().startswith(",") and not between.rstrip().endswith(",")
    )


def _indicator_span(quantities: list[Quantity], index: int, skip: set[int], baselines: dict, clause) -> tuple[int, int]:
    """Where the words naming a figure's indicator are: between it and the figure before it.

    A skipped figure before it belongs to the indicator ("dưới 40 tuổi") or is its
    baseline ("từ 49,7% năm 2020 lên"), so the words reach back past it.
    """
    end = quantities[index].start
    previous = index - 1
    if previous in skip and index in baselines:
        end = quantities[previous].start
    while previous in skip:
        previous -= 1
    start = quantities[previous].end if previous >= 0 else clause[0]
    return max(start, clause[0]), max(end, clause[0])


def _shift(quantity: Quantity, offset: int) -> Quantity:
    return Quantity(
        value=quantity.value, value_max=quantity.value_max, unit=quantity.unit, comparator=quantity.comparator,
        start=quantity.start + offset, end=quantity.end + offset, number_start=quantity.number_start + offset,
        per=quantity.per, total=quantity.total, rank=quantity.rank,
    )


def _is_countable(quantity: Quantity) -> bool:
    if quantity.unit is None:
        return False
    unit = searchable(quantity.unit)
    first = unit.split()[0]
    if unit in _DURATION_UNITS or first in {"giờ", "phút", "ngày", "tuần", "tháng", "năm", "nhiệm", "cấp", "khóa", "khoá", "sao"}:
        return False  # durations, levels ("2 cấp") and grades ("5 sao") are rules and standards, not goals
    if first == "tuổi" and quantity.comparator != "eq":
        return False  # "dưới 40 tuổi", "không quá 25 tuổi": who counts or a rule; "đạt 75 tuổi" is a goal
    return not any(unit == word or unit.startswith(word + " ") for word in _DOCUMENT_UNITS)


def _year(period: Period) -> int:
    return int(period.period[:4])


def _is_past(context: DocumentContext, quantity: Quantity, clause: tuple[int, int], periods: list[Period],
             raised: bool, sentence_start: int) -> bool:
    """A figure of a period over when the document is issued: "năm 2020 đạt 49,7%", or under a
    sentence's opening "Sáu tháng đầu năm, ..." in a document of August."""
    before = context.lowered[clause[0]:quantity.start]
    if _PAST.search(before):
        return True
    if context.issue_year is None or raised:
        return False
    dated = [
        p for p in periods
        if (clause[0] <= p.start or p.start - sentence_start <= 3) and p.end <= quantity.start and p.kind != "since"
        and not _COMPARED.search(context.lowered, max(clause[0], p.start - 12), p.start)
    ]
    if not dated or dated[-1].kind != "point":
        return False
    if _year(dated[-1]) < context.issue_year:
        return True
    return dated[-1].start - sentence_start <= 3 and context.ended_before_issue(dated[-1])


def _deadline(context: DocumentContext, block: Block, quantity: Quantity, sentence_start: int, clause,
              periods: list[Period], baseline) -> str | None:
    """The clause's own period, else the nearest heading or lead-in above, else the title's."""
    repeated_here = bool(context.recurrences_in(sentence_start, clause[1]))

    def usable(period: Period, repeated: bool | None = None) -> bool:
        if not period.year_given:
            # "Nhiệm vụ 6 tháng cuối năm: ..." is this year's; "tháng 12 hằng năm" every year's
            dated = context.in_issue_year(period, repeated_here if repeated is None else repeated)
            if dated is None:
                return False
            period = Period(dated, period.start, period.end, True, period.kind)
        if baseline and baseline[1] and period.period == baseline[1]:
            return False
        if period.kind == "since" and not _ONWARDS.match(context.lowered, period.end):
            return False  # "thực hiện từ năm 2022" starts; "từ năm 2026 trở đi" sets the horizon
        if len(period.period) == 10 and _CITED.search(context.text, max(0, period.start - 40), period.start):
            return False  # the date of a document cited: "Kết luận số 01-KL/TW ngày 18/5/2021"
        return context.issue_year is None or _year(period) >= context.issue_year

    before = [
        p for p in periods
        if p.end <= quantity.number_start and usable(p) and (p.start >= clause[0] or p.start - sentence_start <= 25)
    ]
    own = [p for p in before if p.start >= clause[0]]
    if own:
        return context.in_issue_year(own[-1])
    after = [p for p in periods if p.start >= quantity.end and p.end <= clause[1] and usable(p)]
    if after:
        return context.in_issue_year(after[0])  # the clause's own period comes before the sentence's
    if before:
        return context.in_issue_year(before[-1])
    for text in context.governing_texts(block):
        repeated = bool(find_recurrences(text))
        for period in find_periods(text, context.issue_year):
            if (period.kind != "since" or _ONWARDS.match(searchable(text), period.end)) and usable(period, repeated):
                return context.in_issue_year(period)
    return context.title_deadline


def _recurrence(context: DocumentContext, block: Block, quantity: Quantity, sentence_start: int, clause, recurrences) -> str | None:
    if quantity.per and searchable(quantity.per) in _PER_RECURRENCE:
        return _PER_RECURRENCE[searchable(quantity.per)]
    in_clause = [r for r in recurrences if clause[0] <= r[1] < clause[1]]
    if in_clause:
        return in_clause[0][0]
    leading = [r for r in recurrences if r[1] < clause[0]]
    if leading and leading[0][1] - sentence_start < 20:
        return leading[0][0]  # "Hằng năm, ...; ..." governs the whole sentence
    opening = context.recurrences_in(block.content_start, min(block.content_start + 20, sentence_start))
    if opening:
        return opening[0].recurrence  # "11. Hằng năm, ... . Tỷ lệ ...": the item's lead-in governs it
    for text in context.governing_texts(block):
        found = find_recurrences(text)
        if found:
            return found[0].recurrence
    return None


def _indicator_and_scope(context: DocumentContext, segment_start: int, segment_end: int, quantity: Quantity,
                         clause, following: int, previous: Target | None, previous_end: int, value_first: bool):
    """The indicator a figure measures and the scope that narrows it, from the words around it.

    Words after a figure reach at most to ``following``, the next figure, so they stay its own.
    """
    text = context.text
    raw = text[segment_start:segment_end]
    after = _clean(_after_text(text, _unit_start(text, quantity), min(clause[1], following),
                               things=quantity.unit not in ("%", "‰"), next_figure=following < clause[1]))
    scope = _scope_at(text[quantity.end:min(clause[1], quantity.end + 60)])
    if value_first:
        return _name_of_things(quantity, after, "") or _finish(after) or _finish(_clean(raw)), scope
    raw = _after_last_lead_in(raw)
    colon = raw.rfind(":")
    if colon != -1:
        head, tail = _clean(raw[:colon]), _clean(raw[colon + 1:])
        if tail and len(tail.split()) <= 6:
            return _finish(head) or (previous.indicator if previous else _finish(after)), tail
        return _finish(tail or head or after), scope
    cleaned = _clean(raw)
    own = raw if segment_start <= clause[0] else re.sub(r"^[^,;]*[,;]", "", raw, count=1)  # words after a figure before are its
    things = _name_of_things(quantity, after, _verb_before(own, _clean(own), quantity))
    if things:
        return things, scope  # "kết nạp 200 đảng viên", "hoàn thành 100% các cuộc kiểm tra theo kế hoạch"
    sub_item = previous is not None and re.match(r"\s*(?:[,;(]|và\b|trong đó)\s*(trong đó|\()?", text[previous_end:segment_end])
    longest = 12 if sub_item and (sub_item.group(1) or "(" in sub_item.group()) else 6  # "trong đó <a longer scope>"
    measured = previous is not None and previous.unit != quantity.unit and _MEASURE_WORDS.search(searchable(cleaned))
    if previous is not None and sub_item and cleaned and len(cleaned.split()) <= longest and not measured:
        return previous.indicator, _without_shared_words(cleaned, previous.indicator)
    return _finish(cleaned or after) or _finish(cleaned) or (previous.indicator if previous else ""), scope


def _verb_before(raw: str, cleaned: str, quantity: Quantity) -> str | None:
    """The verb phrase before a figure that counts things ("kết nạp", "thành lập mới"), or None
    when the words before name a measure ("Tỷ lệ hộ nghèo giảm còn 2%") or link one to it."""
    if not cleaned:
        return ""  # "..., ít nhất 01 khách sạn, resort đạt tiêu chuẩn 5 sao": the things name it
    if _MEASURE_WORDS.search(searchable(cleaned)):
        return None
    if _LINKED.search(searchable(raw)) and quantity.unit in ("%", "‰"):
        return None  # "Công nghiệp chiếm 40%": what comes before is what is measured
    if _LINKED.search(searchable(raw)):
        return ""  # "Toàn tỉnh có 15 trường cao đẳng": the things counted, without the link
    return cleaned if len(cleaned.split()) <= 8 else None


def _name_of_things(quantity: Quantity, after: str, verb: str | None) -> str:
    """ "Tỷ lệ <units> <doing>" for a share of units, "Số <things> <done>" for a count of them."""
    if verb is None or not after:
        return ""
    share = quantity.unit in ("%", "‰")
    if not share and not _counts_things(quantity):
        return ""
    if share and (not after[0].isalpha() or _NOT_UNITS.match(searchable(after))):
        return ""
    after = _LEADING_ARTICLE.sub("", after)
    if not after:
        return ""
    if share and _MEASURE_WORDS.match(searchable(after)):
        return ""  # "100% tổng vốn ..." names a measure already
    kind = "Tỷ lệ" if share else "Số"
    if verb:
        head, rest = after, ""
        if not share:
            head, rest = _noun_and_rest(after, quantity.unit)
        return _finish(" ".join(part for part in (kind, head, verb[0].lower() + verb[1:], rest) if part))
    return _finish(f"{kind} {after}")


def _noun_and_rest(after: str, unit: str | None) -> tuple[str, str]:
    """Where the verb goes in "Số <things> <verb> <rest>": after the unit's noun and its aside
    ("cụm công nghiệp (CCN) | vào KCN"), or a word or two more up to a preposition ("nhà văn hóa thôn")."""
    lowered = searchable(after)
    unit_end = len(unit) if unit and lowered.startswith(searchable(unit)) else 0
    aside = re.match(r"\s*\([^()]{1,40}\)", after[unit_end:])
    if aside:
        unit_end += aside.end()
    preposition = _PREPOSITION.search(lowered, unit_end)
    stop = preposition.start() if preposition else len(after)
    if unit_end and (len(after[unit_end:stop].split()) > 2 or "," in after[unit_end:stop]):
        stop = unit_end
    if stop == 0:
        return after, ""
    return after[:stop].strip(), after[stop:].strip()


def _counts_things(quantity: Quantity) -> bool:
    unit = searchable(quantity.unit or "")
    return bool(unit) and quantity.per is None and not quantity.rank and not _MEASURE.fullmatch(unit) and not (
        _NOT_THINGS.search(unit)
    )


def _finish(name: str) -> str:
    """A name as a dashboard shows it: from its measure word on ("nâng tỷ lệ ..." → "Tỷ lệ ..."),
    without a dangling ")" fragment, at most ``_LONGEST_NAME`` characters, capitalised."""
    name = name.strip()
    strive = list(_STRIVE_FOR.finditer(searchable(name)))
    if strive and strive[-1].end() < len(name):
        name = name[strive[-1].end():]  # "Đổi mới học tập ..., phấn đấu tỷ lệ đảng viên tham dự"
    lowered = searchable(name)
    measure = _MEASURE_LEAD.search(lowered)
    if measure and measure.start() > 0 and (len(lowered[:measure.start()].split()) <= 2 or "," in lowered[:measure.start()]):
        name = name[measure.start():]  # "giảm tỷ suất tử vong", "nâng tổng số doanh nghiệp", "..., nâng cao thứ hạng"
    closing = name.find(")")
    if closing != -1 and "(" not in name[:closing] and closing < len(name) - 1:
        name = name[closing + 1:].strip(" ,;:")  # "người) lực lượng lao động ...": the aside of a figure
    elif closing != -1 and "(" not in name[:closing]:
        name = name[:closing].strip()
    if len(name) > _LONGEST_NAME:
        name = re.sub(r"\s*\([^()]{20,}\)", "", name)  # a long aside goes first: "(trưởng phòng, ... cấp huyện)"
    if len(name) > _LONGEST_NAME:
        lowered = searchable(name[:_LONGEST_NAME + 1])
        ends = [lowered.rfind(",")] + [match.start() for match in _PHRASE_START.finditer(lowered)]
        cut = max(ends)
        name = name[:cut if cut >= _LONGEST_NAME // 2 else lowered.rfind(" ")].rstrip(" ,;:-(")
        if name.count("(") > name.count(")"):
            name = name[:name.rfind("(")].rstrip(" ,;:-")
    return name[:1].upper() + name[1:] if name else name


def _unit_start(text: str, quantity: Quantity) -> int:
    """Where a count's noun begins ("800 doanh nghiệp số" names its indicator); after a "%" sign."""
    if quantity.unit in (None, "%", "‰"):
        return quantity.end
    found = text.find(quantity.unit.split()[0], quantity.number_start, quantity.end)
    return found if found != -1 else quantity.end


def _after_last_lead_in(raw: str) -> str:
    """Words after the last "(", "trong đó" or period phrase: the part that names this figure."""
    lowered = searchable(raw)
    opened = lowered.rfind("(")
    if opened != -1 and ")" in lowered[opened:]:
        opened = -1  # a closed aside ("Tốc độ tăng trưởng (GRDP) ...") belongs to the indicator
    cut = max(opened, lowered.rfind("trong đó"))
    if cut > 0:
        raw, lowered = raw[cut:], lowered[cut:]
    periods = [p for p in find_periods(raw) if p.end < len(raw) - 1]
    if periods and len(raw[periods[-1].end:].split()) >= 2:
        raw = raw[periods[-1].end:]
    return raw


def _without_shared_words(scope: str, indicator: str) -> str:
    """ "tỷ lệ dân số thành thị" under "Tỷ lệ dân số được dùng nước sạch" scopes to "thành thị"."""
    scope_words, indicator_words = scope.split(), searchable(indicator).split()
    shared = 0
    while shared < min(len(scope_words), len(indicator_words)) and searchable(scope_words[shared]) == indicator_words[shared]:
        shared += 1
    return " ".join(scope_words[shared:]) if shared >= 2 and shared < len(scope_words) else scope


def _scope_at(text: str) -> str | None:
    match = _SCOPE_AT.search(searchable(text.split(",")[0]))
    return text[match.start(1):match.end(1)] if match else None


def _after_text(text: str, start: int, end: int, things: bool = False, next_figure: bool = False) -> str:
    """The words after a figure ("100% cấp ủy viên, bí thư chi bộ được bồi dưỡng ..."): to the
    clause's end, the next figure, an unclosed "(" or a comma opening a new part ("..., phấn đấu").
    Before the next figure, the words after the last "," or "và" are that figure's ("02 trung tâm
    thương mại, 02 khách sạn")."""
    tail = text[start:end]
    if re.match(r"\s*[,;.]", tail) or (not things and _NOT_UNITS.match(searchable(tail).lstrip(" )"))):
        return ""  # "(thành thị 96%, nông thôn 75%)", "14%/năm và ...": nothing after the figure names it
    cut = _AFTER_END.search(tail)
    if cut and cut.start() > 2:
        tail = tail[:cut.start()]
    elif next_figure:
        last = max(tail.rfind(","), searchable(tail).rfind(" và "))
        tail = tail[:last] if last > 2 else tail
    return " ".join(tail.split())


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip()
    for _ in range(4):
        lowered = searchable(phrase)
        for period in find_periods(phrase):
            if period.start == 0 or period.end >= len(phrase) - 1:
                phrase = (phrase[:period.start] + phrase[period.end:]).strip()
                lowered = searchable(phrase)
                break
        leading = _LEADING_NOISE.match(lowered)
        if leading and leading.end():
            phrase = phrase[leading.end():]
            lowered = searchable(phrase)
        trailing = _TRAILING_NOISE.search(lowered)
        if trailing and trailing.start() < len(phrase):
            phrase = phrase[:trailing.start()]
        phrase = phrase.strip(" ,;:.-")
    return phrase.strip()


def _confidence(in_goals: bool, indicator: str, deadline: str | None, recurrence: str | None) -> float:
    confidence = 0.9 if in_goals else 0.7
    if not indicator or len(indicator.split()) < 2:
        confidence -= 0.15
    if deadline is None and recurrence is None:
        confidence -= 0.15
    return round(max(confidence, 0.1), 2)
