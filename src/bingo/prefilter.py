"""Tokenise only what can match: a multi-pattern search finds the windows of a paragraph worth tokenising.

On real, open-vocabulary text almost no paragraph holds a lexicon term, and spaCy's tokenizer was
most of a scan's time. Every pattern has a *key*: its rarest token (by a word-frequency table),
in every spelling that token can have (declined forms sharing its NORM). An Aho-Corasick automaton
over the lower-cased paragraph finds where keys occur; spaCy then tokenises only the
whitespace-bounded windows around them, and the PhraseMatcher runs on those.

Why the windows give exactly the full paragraph's matches:

- spaCy splits text at whitespace before any affix rule, so the tokens of a window cut at spaces
  are the paragraph's tokens at the same offsets (`tests/test_prefilter.py` checks this on every
  corpus it has, and on generated text).
- A pattern matches only where its key token is a token, so the key's text is in the paragraph
  (`bingo.triggers` chooses keys and spellings). A key must not touch a letter, because spaCy
  never splits a run of letters, except where a compound stem or head is split off
  (`bingo.compounds`: a key after a stem or before a head is accepted) or a special case splits a
  contraction (`cannot` → `can not`: the contraction is searched as well).
- A window reaches `margin` whitespace-separated chunks beyond its key: as many as the pattern,
  its entry's context window, exception phrases and apart-parts need (every chunk holds at least
  one token). Its other tokens, and the entry's other apart-parts, must occur in that window too.
  Overlapping windows are merged, so competing matches are resolved in one doc, as in the
  paragraph's.

`BINGO_PREFILTER=0` turns this off (the whole paragraph is tokenised); the tests and the benchmark
compare both paths, which must give byte-identical results.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bingo.triggers import LEFT, RIGHT

COVERAGE_LIMIT = 0.5
"""Windows covering more of a paragraph than this: tokenise it whole (fewer, larger docs)."""

DENSE, PAUSE = 0.5, 32
"""When most recent paragraphs were tokenised whole (a moving share above DENSE), the search is
paused for PAUSE paragraphs: on jargon-dense text it costs as much as the tokenising it would save
(the repeated-samples benchmark ran at 0.67x the full path without the pause). Both paths give the
same result, so when the search runs does not change any output."""

Window = tuple[int, int]
Occurrence = tuple[int, int, int, Sequence[Any]]
"""A key found at [start, end), with its margin and requirements."""
Use = tuple[int, int, int, Sequence[Any], "str | None"]
"""A key of a padded search string: chars from the match end back to its start, its length, margin,
requirements, and the key itself when it has non-letters (the search matched any non-letter there)."""


class _LetterClass(dict[int, int]):
    """A `str.translate` table: a letter stays itself, any other character becomes NUL."""

    def __missing__(self, code: int) -> int:
        value = self[code] = code if chr(code).isalpha() else 0
        return value


LETTER_CLASS = _LetterClass()
"""The table, filled as characters are met (a dict lookup per character: C speed)."""


def enabled() -> bool:
    """False when `BINGO_PREFILTER=0` asks for the full path."""
    return os.environ.get("BINGO_PREFILTER", "1") != "0"


class Prefilter:
    """The windows of a normalised paragraph that can hold a match, found with one automaton pass."""

    def __init__(self, triggers: Mapping[str, Sequence[Any]], stems: Iterable[str], heads: Iterable[str]) -> None:
        import ahocorasick  # C-speed multi-pattern search: one pass over the text for all keys

        self.triggers, self.stem_words, self.head_words = triggers, stems, heads
        self.exact: Any = None  # the unpadded automaton and split finders, built when first needed
        self.padded: Any = ahocorasick.Automaton()
        uses: dict[str, list[Use]] = {}
        for form, (margin, sides, needs) in triggers.items():
            # the requirement lists as read from the cache, not copied: copying them was 0.1 s of start-up
            right = 1 if sides & RIGHT else 0
            key = ("\0" if sides & LEFT else "") + form.translate(LETTER_CLASS) + ("\0" if right else "")
            check = form if not form.isalpha() else None  # a mapped non-letter stands for any non-letter
            uses.setdefault(key, []).append((right + len(form), len(form), margin, needs, check))
        for word in {*stems, *heads}:  # where the tokenizer may split a word: `exact_windows` decides
            uses[word.lower().translate(LETTER_CLASS)] = []
        for key, found in uses.items():
            self.padded.add_word(key, found)
        self.dense, self.paused = 0.0, 0  # see `select`
        self.empty = not triggers
        if not self.empty:
            self.padded.make_automaton()

    def select(self, text: str) -> list[Window] | None:
        """`windows(text)`, or None (all of it) while the text is found to be jargon-dense."""
        if self.paused:
            self.paused -= 1
            return None
        found = self.windows(text)
        self.dense = 0.75 * self.dense + 0.25 * (found is None)
        if self.dense > DENSE:
            self.paused, self.dense = PAUSE, DENSE
        return found

    def windows(self, text: str) -> list[Window] | None:
        """Sorted, disjoint [start, end) windows of `text` to tokenise; None: tokenise all of it.

        The keys are searched padded with NUL on the sides that must not touch a letter, in a copy
        of the text with every non-letter mapped to NUL: the automaton does the boundary test. A
        paragraph holding a compound stem or head goes to `exact_windows`, which also accepts a key
        inside a word where the tokenizer splits it off.
        """
        low = text.lower()
        if len(low) != len(text):
            return None  # a character whose lower case is longer (İ): offsets would shift
        if self.empty:
            return []
        found: list[Occurrence] = []
        for end, uses in self.padded.iter("\0" + low.translate(LETTER_CLASS) + "\0"):
            if not uses:
                return self.exact_windows(text)
            for back, length, margin, needs, check in uses:
                start = end - back
                if check is None or low.startswith(check, start):
                    found.append((start, start + length, margin, needs))
        return _cut(low, found)

    def exact_windows(self, text: str) -> list[Window] | None:
        """`windows(text)` found with an unpadded search and a boundary test per occurrence (the reference)."""
        low = text.lower()
        if len(low) != len(text):
            return None
        if self.empty:
            return []
        if self.exact is None:
            self.exact = _exact(self.triggers, self.stem_words, self.head_words)
        automaton, stems, heads = self.exact
        size = len(low)
        splits: tuple[set[int], set[int]] | None = None  # where stems end and heads start, when first needed
        found: list[Occurrence] = []
        for end, (length, margin, left, right, needs) in automaton.iter(low):
            start = end - length + 1
            inside_left = left and start and low[start - 1].isalpha()
            inside_right = right and end + 1 < size and low[end + 1].isalpha()
            if inside_left or inside_right:
                if splits is None:
                    splits = _splits(low, stems, heads)
                if (inside_left and start not in splits[0]) or (inside_right and end + 1 not in splits[1]):
                    continue
            found.append((start, end + 1, margin, needs))
        return _cut(low, found)


def _cut(low: str, found: list[Occurrence]) -> list[Window] | None:
    """The merged windows around key occurrences (in text order) whose requirements are met; None: all."""
    spans: list[Window] = []
    present: dict[int, bool] = {}  # per requirement list: met anywhere in the paragraph
    limit, covered, reached = COVERAGE_LIMIT * len(low), 0, 0  # covered: at most the union of the windows
    for start, end, margin, needs in found:
        if needs:
            met = present.get(id(needs))
            if met is None:
                met = present[id(needs)] = _met(needs, low)
            if not met:
                continue  # a requirement is nowhere in the paragraph: no need to cut the window
        window = _chunk_start(low, start, margin), _chunk_end(low, end, margin)
        if needs and not _met(needs, low[window[0]:window[1]]):
            continue
        spans.append(window)
        if window[1] > reached:
            covered += window[1] - max(window[0], reached)
            reached = window[1]
            if covered > limit:
                return None  # jargon-dense: the whole paragraph, without looking at the rest
    if not spans:
        return []
    merged = _merged(spans)
    if sum(b - a for a, b in merged) > limit:
        return None
    return merged


def _met(needs: Sequence[Sequence[Sequence[str]]], text: str) -> bool:
    """Whether some requirement has, from each of its groups, a string that occurs in `text`."""
    simple = _SIMPLE.get(id(needs))
    if simple is None:
        # most requirement lists are alternatives of one group each: one flat tuple to try (C-speed `in`)
        single = all(len(need) == 1 for need in needs)
        simple = _SIMPLE[id(needs)] = (tuple(string for need in needs for string in need[0]) if single else (), needs)
    strings, kept = simple
    if strings:
        return any(map(text.__contains__, strings))
    return _any_met(kept, text, {})


_SIMPLE: dict[int, tuple[tuple[str, ...], Sequence[Sequence[Sequence[str]]]]] = {}
"""Requirement lists by identity, each flattened when first met (the list is kept: its id stays its own)."""


def _exact(triggers: Mapping[str, Sequence[Any]], stems: Iterable[str], heads: Iterable[str]) -> tuple[Any, Any, Any]:
    """The unpadded key automaton, and the finders of compound stems and heads."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for form, (margin, sides, needs) in triggers.items():
        automaton.add_word(form, (len(form), margin, sides & LEFT, sides & RIGHT, needs))
    automaton.make_automaton()
    return automaton, _automaton(stems), _automaton(heads)


def _splits(text: str, stems: Any, heads: Any) -> tuple[set[int], set[int]]:
    """Where compound stems end and heads start in `text`: where the tokenizer may split a word."""
    stem_ends = {end + 1 for end, _ in stems.iter(text)} if stems is not None else set()
    head_starts = {end - length + 1 for end, length in heads.iter(text)} if heads is not None else set()
    return stem_ends, head_starts

def _automaton(words: Iterable[str]) -> Any:
    """An automaton finding `words` (each with its length), or None when there are none."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word.lower(), len(word))
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


def _any_met(needs: Sequence[Sequence[Sequence[str]]], text: str, seen: dict[str, bool]) -> bool:
    """Whether some requirement has, from each of its groups, a string that occurs in `text`.

    `seen` remembers strings already looked up in this `text`.
    """
    for need in needs:
        for group in need:
            for string in group:
                found = seen.get(string)
                if found is None:
                    found = seen[string] = string in text
                if found:
                    break
            else:
                break  # no string of this group occurs: this requirement fails
        else:
            return True
    return False


def _chunk_start(text: str, position: int, chunks: int) -> int:
    """Where the chunk `chunks` chunks before the one at `position` starts (chunks split at spaces)."""
    for _ in range(chunks + 1):
        cut = text.rfind(" ", 0, position)
        if cut < 0:
            return 0
        position = cut
    return position + 1


def _chunk_end(text: str, position: int, chunks: int) -> int:
    """Where the chunk `chunks` chunks after the one ending at or after `position` ends."""
    for _ in range(chunks + 1):
        cut = text.find(" ", position)
        if cut < 0:
            return len(text)
        position = cut + 1
    return position - 1


def _merged(spans: list[Window]) -> list[Window]:
    """Overlapping or touching windows joined, in text order."""
    spans.sort()
    out = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = out[-1]
        if start <= last_end + 1:
            out[-1] = (last_start, max(last_end, end))
        else:
            out.append((start, end))
    return out

