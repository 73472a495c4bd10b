"""Scoring extracted commitments against the labelled set (docs/labelling.md).

Items are compared per document, in the JSON shape of ``nghiquyet parse
--json``. A predicted item matches a label when (targets) the value and
value_max are equal and the deadline is equal or the same non-null
recurrence is given; (assignments) the due is equal and the lead names,
joined in order, are equal ignoring case, punctuation and tone placement;
(reviews) kind and due are equal. Each label matches at most one prediction:
pairs are taken closest line first. For matched pairs the other fields are
compared one by one, and the target's indicator name by word overlap
(``name_f1``): names are free text, so agreement is graded, not exact.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from nghiquyet.text.normalize import match_key

ITEM_TYPES = ("targets", "assignments", "reviews")
_IGNORED_IN_LEADS = {match_key("và"), match_key("các")}

# Fields compared on matched pairs (the indicator is graded by ``name_f1``; the action is not scored).
FIELDS = {
    "targets": ("unit", "comparator", "scope", "deadline", "recurrence", "baseline", "line"),
    "assignments": ("partners", "report_to", "kind", "recurrence", "line"),
    "reviews": ("line",),
}


def text_key(value) -> str:
    """Case-, punctuation- and tone-placement-insensitive form of a name or a list of names."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = " ".join(str(part) for part in value)
    key = match_key(str(value))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s\u0300-\u036f]", " ", key)).strip()


# Words that say what kind of figure a name is, not what it measures: "Tỷ lệ hộ nghèo" and
# "hộ nghèo" name the same indicator, so a leading one is dropped before names are compared.
_NAME_KINDS = (("tỷ", "lệ"), ("số",), ("số", "lượng"))
NAME_AGREEMENT = 0.5  # a pair whose names share at least half their words (F1) counts as agreeing


def name_words(name) -> list[str]:
    """The words of an indicator name, tone placement and "tỉ"/"tỷ" spelling ignored, a leading
    "Tỷ lệ" or "Số" dropped."""
    words = [match_key("tỷ") if word == match_key("tỉ") else word for word in text_key(name).split()]
    for kind in sorted(_NAME_KINDS, key=len, reverse=True):
        keys = [match_key(word) for word in kind]
        if words[:len(keys)] == keys and len(words) > len(keys):
            return words[len(keys):]
    return words


def name_f1(predicted, gold) -> float:
    """Word-level F1 of two indicator names (docs/labelling.md, "indicator")."""
    left, right = Counter(name_words(predicted)), Counter(name_words(gold))
    shared = sum((left & right).values())
    if not shared:
        return 1.0 if not left and not right else 0.0
    precision, recall = shared / sum(left.values()), shared / sum(right.values())
    return 2 * precision * recall / (precision + recall)


def _number(value) -> float | None:
    return None if value is None else round(float(value), 6)


def targets_match(predicted: dict, gold: dict) -> bool:
    if _number(predicted.get("value")) != _number(gold.get("value")):
        return False
    if _number(predicted.get("value_max")) != _number(gold.get("value_max")):
        return False
    if predicted.get("deadline") == gold.get("deadline"):
        return True
    return gold.get("recurrence") is not None and predicted.get("recurrence") == gold.get("recurrence")


def lead_key(lead) -> str:
    """Lead names joined in order, without punctuation and the words "và" and "các"
    (docs/labelling.md: "A và B" or "Các huyện ủy, thành ủy" split or whole compare equal)."""
    return " ".join(word for word in text_key(lead).split() if word not in _IGNORED_IN_LEADS)


def assignments_match(predicted: dict, gold: dict) -> bool:
    return predicted.get("due") == gold.get("due") and lead_key(predicted.get("lead")) == lead_key(gold.get("lead"))


def reviews_match(predicted: dict, gold: dict) -> bool:
    return predicted.get("kind") == gold.get("kind") and predicted.get("due") == gold.get("due")


MATCHERS = {"targets": targets_match, "assignments": assignments_match, "reviews": reviews_match}


def field_agrees(item_type: str, name: str, predicted: dict, gold: dict) -> bool:
    left, right = predicted.get(name), gold.get(name)
    if name == "baseline":
        left = None if not left else (_number(left.get("value")), left.get("year"))
        right = None if not right else (_number(right.get("value")), right.get("year"))
        return left == right
    if name in ("unit", "scope", "partners", "report_to"):
        return text_key(left) == text_key(right)
    return left == right


def pair_items(item_type: str, predicted: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matching pairs (predicted index, gold index), closest lines first."""
    matches = MATCHERS[item_type]
    candidates = [
        (abs((p.get("line") or 0) - (g.get("line") or 0)), pi, gi)
        for pi, p in enumerate(predicted)
        for gi, g in enumerate(gold)
        if matches(p, g)
    ]
    used_predicted, used_gold, pairs = set(), set(), []
    for _, pi, gi in sorted(candidates):
        if pi not in used_predicted and gi not in used_gold:
            used_predicted.add(pi)
            used_gold.add(gi)
            pairs.append((pi, gi))
    return pairs


@dataclass
class Counts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Mistake:
    document: str
    item_type: str
    kind: str  # "missed" (a label not found), "spurious" (a prediction not labelled) or a field name
    predicted: dict | None
    gold: dict | None


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in ITEM_TYPES})
    field_totals: dict[str, dict[str, list[int]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(lambda: [0, 0])))
    mistakes: list[Mistake] = field(default_factory=list)
    name_scores: list[float] = field(default_factory=list)  # name_f1 of every matched target pair

    @property
    def name_mean(self) -> float:
        return sum(self.name_scores) / len(self.name_scores) if self.name_scores else 1.0

    @property
    def name_agreeing(self) -> float:
        """Share of matched target pairs whose names agree (F1 at least ``NAME_AGREEMENT``)."""
        if not self.name_scores:
            return 1.0
        return sum(score >= NAME_AGREEMENT for score in self.name_scores) / len(self.name_scores)

    def add_document(self, name: str, predicted: dict | None, gold: dict | None) -> None:
        """Score one document; ``None`` on one side means it was not found there."""
        for item_type in ITEM_TYPES:
            predicted_items = list((predicted or {}).get(item_type) or [])
            gold_items = list((gold or {}).get(item_type) or [])
            pairs = pair_items(item_type, predicted_items, gold_items)
            counts = self.counts[item_type]
            counts.true_positives += len(pairs)
            counts.false_positives += len(predicted_items) - len(pairs)
            counts.false_negatives += len(gold_items) - len(pairs)
            matched_predicted = {pi for pi, _ in pairs}
            matched_gold = {gi for _, gi in pairs}
            for index, item in enumerate(gold_items):
                if index not in matched_gold:
                    self.mistakes.append(Mistake(name, item_type, "missed", None, item))
            for index, item in enumerate(predicted_items):
                if index not in matched_predicted:
                    self.mistakes.append(Mistake(name, item_type, "spurious", item, None))
            for pi, gi in pairs:
                if item_type == "targets":
                    score = name_f1(predicted_items[pi].get("indicator"), gold_items[gi].get("indicator"))
                    self.name_scores.append(score)
                    if score < NAME_AGREEMENT:
                        self.mistakes.append(Mistake(name, item_type, "indicator", predicted_items[pi], gold_items[gi]))
                for field_name in FIELDS[item_type]:
                    agrees = field_agrees(item_type, field_name, predicted_items[pi], gold_items[gi])
                    totals = self.field_totals[item_type][field_name]
                    totals[0] += agrees
                    totals[1] += 1
                    if not agrees:
                        self.mistakes.append(Mistake(name, item_type, field_name, predicted_items[pi], gold_items[gi]))

    def table(self) -> str:
        lines = [
            "Extraction accuracy against the labelled set",
            f"{'type':<12} {'labels':>6} {'found':>6} {'match':>6} {'precision':>9} {'recall':>7} {'F1':>6}",
        ]
        for item_type, counts in self.counts.items():
            labels = counts.true_positives + counts.false_negatives
            found = counts.true_positives + counts.false_positives
            lines.append(
                f"{item_type:<12} {labels:>6} {found:>6} {counts.true_positives:>6} "
                f"{counts.precision:>9.3f} {counts.recall:>7.3f} {counts.f1:>6.3f}"
            )
        lines.append("Field agreement on matched pairs")
        for item_type in ITEM_TYPES:
            for field_name in FIELDS[item_type]:
                agreed, total = self.field_totals[item_type][field_name]
                share = agreed / total if total else 1.0
                lines.append(f"  {item_type:<12} {field_name:<12} {agreed:>5}/{total:<5} {share:>6.3f}")
            if item_type == "targets":
                agreeing = round(self.name_agreeing * len(self.name_scores))
                lines.append(
                    f"  {item_type:<12} {'indicator':<12} {agreeing:>5}/{len(self.name_scores):<5} "
                    f"{self.name_agreeing:>6.3f}  (name F1 >= {NAME_AGREEMENT}; mean name F1 {self.name_mean:.3f})"
                )
        return "\n".join(lines)


# --- aligning parsed documents with labelled ones --------------------------------------------


def _symbol_key(symbol: str | None) -> str:
    return text_key(symbol).replace(" ", "") if symbol else ""


def align_documents(parsed: list[dict], labelled: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Pairs (parsed, labelled): by symbol and issue date, else by the largest overlap of lines."""
    pairs: list[tuple[dict | None, dict | None]] = []
    remaining = list(range(len(parsed)))
    for gold in labelled:
        chosen = None
        if gold.get("symbol"):
            chosen = next(
                (i for i in remaining
                 if _symbol_key(parsed[i].get("symbol")) == _symbol_key(gold["symbol"])
                 and parsed[i].get("issued_on") == gold.get("issued_on")),
                None,
            )
        if chosen is None:
            overlaps = [(_overlap(parsed[i], gold), i) for i in remaining]
            best = max(overlaps, default=(0, None))
            if best[0] > 0:
                chosen = best[1]
        if chosen is not None:
            remaining.remove(chosen)
        pairs.append((parsed[chosen] if chosen is not None else None, gold))
    pairs.extend((parsed[i], None) for i in remaining)
    return pairs


def _overlap(parsed: dict, gold: dict) -> int:
    source = parsed.get("source") or {}
    first, last = source.get("first_line"), source.get("last_line")
    if first is None or last is None or gold.get("first_line") is None or gold.get("last_line") is None:
        return 0
    return max(0, min(last, gold["last_line"]) - max(first, gold["first_line"]) + 1)


def document_name(parsed: dict | None, gold: dict | None) -> str:
    source = gold or parsed or {}
    return source.get("symbol") or f"lines {source.get('first_line') or (source.get('source') or {}).get('first_line')}"
