"""Snippets: the part of a text where the query's words are, words marked.

The text is escaped first and ``<mark>`` added around whole words after, so
nothing a document contains can become markup.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from nghiquyet.text.normalize import nfc

from .query import Term
from .tokens import folded_token, plain_token, words

WIDTH = 240
MAX_SCAN = 400_000  # characters of a long document looked at for hits


class WordMatcher:
    def __init__(self, terms: list[Term]):
        self.folded = {token for term in terms if term.folded for token in term.tokens}
        self.plain = {token for term in terms if not term.folded for token in term.tokens}
        self.prefixes = tuple(term.tokens[-1] for term in terms if term.prefix)

    def __bool__(self):
        return bool(self.folded or self.plain or self.prefixes)

    def __call__(self, word: str) -> bool:
        folded = folded_token(word)
        if folded in self.folded or (self.prefixes and folded.startswith(self.prefixes)):
            return True
        return bool(self.plain) and plain_token(word) in self.plain


def _densest(hits: list[tuple[int, int]], width: int) -> int:
    """The index of the hit that starts the window holding the most hits."""
    best, best_count, end = 0, 0, 0
    for start in range(len(hits)):
        end = max(end, start)
        while end < len(hits) and hits[end][1] - hits[start][0] <= width:
            end += 1
        if end - start > best_count:
            best, best_count = start, end - start
    return best


def snippet(text: str, terms: list[Term], width: int = WIDTH) -> SafeString:
    text = nfc(text or "")[:MAX_SCAN]
    matcher = WordMatcher(terms)
    hits = [match.span() for match in words(text) if matcher and matcher(match.group())]
    if not hits:
        return mark_safe(escape(_shorten(text, 0, width)))
    first = hits[_densest(hits, width)][0]
    start = max(0, first - width // 4)
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["…" if start else ""]
    cursor = start
    for hit_start, hit_end in hits:
        if hit_start < start or hit_end > end:
            continue
        parts += [escape(text[cursor:hit_start]), "<mark>", escape(text[hit_start:hit_end]), "</mark>"]
        cursor = hit_end
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe(" ".join("".join(parts).split()))


def _shorten(text: str, start: int, width: int) -> str:
    piece = " ".join(text[start:start + width].split())
    return piece + ("…" if len(text) > start + width else "")


def highlight(text: str, terms: list[Term]) -> SafeString:
    """The whole (short) ``text`` with the query's words marked, e.g. a title."""
    text = nfc(text or "")
    matcher = WordMatcher(terms)
    parts, cursor = [], 0
    for match in words(text):
        if matcher and matcher(match.group()):
            parts += [escape(text[cursor:match.start()]), "<mark>", escape(match.group()), "</mark>"]
            cursor = match.end()
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))
