"""One compiled matcher per language: a single pass over each paragraph finds every entry.

Whitespace runs (line breaks, double spaces) are collapsed before tokenising so that a phrase
split over two lines still matches; a small offset map turns positions back into original ones.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from bingo import nlp
from bingo.compiler import EXCEPTION_PREFIX, CompiledLang
from bingo.lexicon import Entry

_SPACES = "\n\r\t\f\v\u00a0"  # each becomes a plain space before tokenising
_RUNS = re.compile(r"  +")


class Match(NamedTuple):
    """An entry found at character offsets [start, end) of the scanned paragraph."""

    id: str
    start: int
    end: int


def _longest_first(candidate: tuple[str, int, int]) -> tuple[int, int, str]:
    """Sort key: longer token spans first, then text order, then id (deterministic)."""
    key, start, end = candidate
    return start - end, start, key


def _in_text_order(match: Match) -> tuple[int, int, str]:
    """Sort key for matches in the order they appear."""
    return match.start, match.end, match.id


def collapse(text: str) -> tuple[str, list[int], list[int]]:
    """Collapse whitespace runs to one space; return the text and a map back to original offsets.

    The map is two parallel lists: from position `norm[i]` on, the original offset is the
    collapsed one plus `shift[i]`.
    """
    for space in _SPACES:  # str.replace per character is ~50x faster than str.translate here
        if space in text:
            text = text.replace(space, " ")
    if "  " not in text:
        return text, [0], [0]
    norm, shift, pieces = [0], [0], []
    last = removed = 0
    for run in _RUNS.finditer(text):
        pieces.append(text[last:run.start() + 1])
        removed += run.end() - run.start() - 1
        last = run.end()
        norm.append(last - removed)
        shift.append(removed)
    pieces.append(text[last:])
    return "".join(pieces), norm, shift


def to_original(pos: int, norm: list[int], shift: list[int]) -> int:
    """Map an offset in collapsed text back to the original text."""
    return pos + shift[bisect.bisect_right(norm, pos) - 1]


class LangMatcher:
    """Finds all lexicon entries of one language in paragraphs of text."""

    def __init__(self, compiled: CompiledLang, pipeline: Any, entries: Mapping[str, Entry]) -> None:
        self.lang = compiled.lang
        self.compiled = compiled
        self.index = nlp.PhraseIndex(pipeline, compiled.patterns)
        self.entries = entries
        self.requires = {key: (frozenset(w for w in words if not w.endswith("*")),
                               tuple(w[:-1] for w in words if w.endswith("*")))
                         for key, words in compiled.requires.items()}

    def match(self, text: str) -> tuple[int, list[Match]]:
        """Word count and non-overlapping matches in `text` (offsets into `text`)."""
        collapsed, norm, shift = collapse(text)
        doc = self.index.make_doc(collapsed)
        found = self.index.find(doc)
        if not found:
            return nlp.word_count(doc), []
        exceptions: dict[str, list[tuple[int, int]]] = {}
        candidates = []
        for key, start, end in found:
            if key[0] == EXCEPTION_PREFIX:
                exceptions.setdefault(key[1:], []).append((start, end))
            else:
                candidates.append((key, start, end))
        requires = self.requires
        candidates = [c for c in candidates
                      if (c[0] not in requires and c[0] not in exceptions) or self._allowed(doc, *c, exceptions)]
        candidates.sort(key=_longest_first)
        taken = bytearray(len(doc))
        spans = []
        for key, start, end in candidates:
            if not any(taken[start:end]):
                taken[start:end] = b"\1" * (end - start)
                spans.append((key, start, end))
        shifted = len(norm) > 1
        matches = []
        for key, start, end in spans:
            lo, hi = nlp.token_offsets(doc, start, end)
            if shifted:
                lo, hi = to_original(lo, norm, shift), to_original(hi - 1, norm, shift) + 1
            matches.append(Match(key, lo, hi))
        matches.sort(key=_in_text_order)
        return nlp.word_count(doc), matches

    def _allowed(self, doc: Any, key: str, start: int, end: int, exceptions: dict[str, list[tuple[int, int]]]) -> bool:
        """False when an exception phrase covers the match or a required neighbour is missing."""
        for lo, hi in exceptions.get(key, ()):
            if lo <= start and end <= hi:
                return False
        required = self.requires.get(key)
        if required is None:
            return True
        words, prefixes = required
        window = nlp.window_words(doc, start, end, self.entries[key].context.window)
        return any(w in words or w.startswith(prefixes) for w in window) if prefixes else any(w in words for w in window)
