"""The copy check: how much of a unit's plan is copied from the superior
document or from other units' plans of the same document.

A known failure of implementation (the research report, 000 §3.2.1): plans
that repeat the resolution instead of saying what the unit will do. Texts
are cut into sentences; every sentence is a set of three-word shingles over
folded Vietnamese (no diacritics, no case: a retyped copy still matches).
MinHash signatures of the source sentences go into an LSH index, so each
plan sentence is compared only with the source sentences likely to share
its wording; the candidates are then checked exactly. A plan word counts as
copied when it sits in a shingle shared with a source, inside a sentence
that is at least half copied.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

from nghiquyet.documents.models import Document
from nghiquyet.text.normalize import fold

SHINGLE_WORDS = 3
NUM_PERM = 128
LSH_THRESHOLD = 0.2  # loose: candidates are checked exactly afterwards
MIN_WORDS = 6  # shorter sentences (headings, "Nơi nhận") say nothing about copying
COPIED = 0.5  # a sentence is copied when half its shingles come from one source text

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


@dataclass
class Passage:
    """A sentence of a text, its words (spans in the sentence) and shingles."""

    text: str
    spans: list[tuple[int, int]]
    shingles: list[str]

    @classmethod
    def of(cls, text: str) -> "Passage":
        matches = list(_WORD.finditer(text))
        words = _WORD.findall(fold(text))
        if len(words) != len(matches):  # folding split or merged a word: fold word by word
            words = [fold(match.group()) for match in matches]
        shingles = [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]
        return cls(text, [match.span() for match in matches], shingles)

    @property
    def words(self) -> int:
        return len(self.spans)

    def covered(self, shared: set[str]) -> list[bool]:
        """Which words lie in a shingle found in ``shared``."""
        flags = [False] * len(self.spans)
        for index, shingle in enumerate(self.shingles):
            if shingle in shared:
                for offset in range(SHINGLE_WORDS):
                    flags[index + offset] = True
        return flags

    def segments(self, shared: set[str]) -> list[tuple[str, bool]]:
        """The sentence as (text, copied) runs, to mark copied words side by side."""
        runs: list[tuple[str, bool]] = []
        position = 0
        for (start, end), copied in zip(self.spans, self.covered(shared)):
            if start > position:
                runs.append((self.text[position:start], runs[-1][1] if runs else False))
            runs.append((self.text[start:end], copied))
            position = end
        if position < len(self.text):
            runs.append((self.text[position:], False))
        merged: list[tuple[str, bool]] = []
        for text, copied in runs:
            if merged and merged[-1][1] == copied:
                merged[-1] = (merged[-1][0] + text, copied)
            else:
                merged.append((text, copied))
        return merged


def passages(text: str) -> list[Passage]:
    found = []
    for paragraph in text.split("\n"):
        for sentence in _SENTENCE_END.split(paragraph.strip()):
            passage = Passage.of(sentence)
            if passage.words >= MIN_WORDS:
                found.append(passage)
    return found


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def signatures(found: list[Passage]) -> list[MinHash]:
    """MinHash signatures of many passages at once (sharing one set of permutations)."""
    return MinHash.bulk([[shingle.encode() for shingle in set(p.shingles)] for p in found], num_perm=NUM_PERM)


@functools.cache
def lsh_params() -> tuple[int, int]:
    """LSH bands and rows for the threshold: computed once, they need a numerical integration."""
    probe = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return probe.b, probe.r


@dataclass
class Match:
    """A copied plan sentence beside the source sentence it shares most with."""

    plan: Passage
    source: Document
    source_passage: Passage
    shared: set[str]
    share: float  # of the plan sentence's shingles found in the source

    @property
    def plan_segments(self):
        return self.plan.segments(self.shared)

    @property
    def source_segments(self):
        return self.source_passage.segments(self.shared)


@dataclass
class SourceShare:
    document: Document
    copied_words: int
    share: float


@dataclass
class CopyReport:
    words: int = 0
    copied_words: int = 0
    matches: list[Match] = field(default_factory=list)
    sources: list[SourceShare] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.copied_words / self.words if self.words else 0.0


def compare(plan_text: str, sources: list[Document]) -> CopyReport:
    """How much of ``plan_text`` is copied from ``sources``, sentence by sentence."""
    report = CopyReport(words=word_count(plan_text))
    index = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM, params=lsh_params())
    source_passages: dict[str, tuple[Document, Passage, set[str]]] = {}
    for document in sources:
        found = passages(document.text)
        with index.insertion_session() as session:
            for number, (passage, minhash) in enumerate(zip(found, signatures(found))):
                key = f"{document.pk}:{number}"
                source_passages[key] = (document, passage, set(passage.shingles))
                session.insert(key, minhash)
    copied_by_source: dict[int, int] = defaultdict(int)
    plan_passages = passages(plan_text)
    for passage, minhash in zip(plan_passages, signatures(plan_passages)):
        match = _best_match(passage, minhash, index, source_passages)
        if match is None:
            continue
        copied = sum(passage.covered(match.shared))
        report.copied_words += copied
        copied_by_source[match.source.pk] += copied
        report.matches.append(match)
    by_pk = {document.pk: document for document in sources}
    report.sources = sorted(
        (SourceShare(by_pk[pk], words, words / report.words) for pk, words in copied_by_source.items()),
        key=lambda item: -item.copied_words,
    )
    return report


def _best_match(passage: Passage, minhash: MinHash, index: MinHashLSH, source_passages) -> Match | None:
    own = set(passage.shingles)
    if not own:
        return None
    best: Match | None = None
    for key in index.query(minhash):
        document, source_passage, shingles = source_passages[key]
        shared = own & shingles
        share = len(shared) / len(own)
        if share >= COPIED and (best is None or share > best.share):
            best = Match(passage, document, source_passage, shared, share)
    return best


def sources_of(obligation, policy=None) -> list[Document]:
    """The superior document and the plans other units filed for it (those
    ``policy`` lets its user read, when given)."""
    from ..models import PlanObligation

    others = PlanObligation.objects.filter(document=obligation.document).exclude(pk=obligation.pk)
    plans = Document.objects.filter(pk__in=others.exclude(plan_document=None).values("plan_document"))
    plans = plans.exclude(pk=obligation.plan_document_id)
    if policy is not None:
        plans = policy.scope(plans)
    return [obligation.document, *plans.order_by("pk")]


def check(obligation, policy=None) -> CopyReport:
    """The copy check of a filed plan (an empty report before one is filed)."""
    if obligation.plan_document is None:
        return CopyReport()
    return compare(obligation.plan_document.text, sources_of(obligation, policy))
