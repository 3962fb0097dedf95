"""Tokenise only what can match: a multi-pattern search finds the windows of a paragraph worth tokenising.

On real, open-vocabulary text almost no paragraph holds a lexicon term, and spaCy's tokenizer was
most of a scan's time. Every pattern has a *key*: its rarest token (by a word-frequency table),
in every spelling that token can have (declined forms sharing its NORM). An Aho-Corasick automaton
over the lower-cased paragraph finds where keys occur; spaCy then tokenises only the
whitespace-bounded windows around them, and the PhraseMatcher runs on those.

The automaton also tests that a key does not touch a letter: it searches each key padded with NUL
on those sides, in a copy of the paragraph where every non-letter is NUL (a per-occurrence test in
Python was most of the search's time: `z`, `da`, `ine` occur inside countless words). The rare
paragraph holding a compound stem or head takes `exact_windows`, the per-occurrence reference that
the tests compare with.

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

from bingo.triggers import LEFT, LETTER_CLASS, RIGHT, searched
from bingo.windows import Occurrence, Window, cut

DENSE, PAUSE, DECAY = 0.6, 128, 0.9
"""When the windows of recent paragraphs covered most of their text (more than DENSE of it, counted
in characters, each earlier paragraph weighing DECAY times less), the search is paused for PAUSE
paragraphs: on jargon-dense text it costs as much as the tokenising it would save (the
repeated-samples benchmark ran at 0.67x the full path without the pause). Counted per paragraph
and with a shorter memory (0.75), the short option lines of man pages paused the search so often
that 2.7x as much English text was tokenised as the windows needed (23 % instead of 8.6 %; now
11 %), while the search now runs on 1-5 % of the repeated samples (was 10 %). Both paths give the
same result, so when the search runs does not change any output."""

Use = tuple[int, int, int, Sequence[Any], "str | None"]
"""A key of a padded search string: chars from the match end back to its start, its length, margin,
requirements, and the key itself when it has non-letters (the search matched any non-letter there)."""


LATIN_CLASS = bytes(code if chr(code).isalpha() else 0 for code in range(256))
"""The letter-class table (`triggers.LETTER_CLASS`) for Latin-1 bytes; with the text encoded to
Latin-1 (any other character as `?`, a non-letter) the copy is made 6x faster than with
`LETTER_CLASS` (0.69 s to 0.10 s on 20 MB of man pages). A letter beyond Latin-1 becomes NUL, a
boundary: a key beside it gets a window it would not have had, which only costs tokenising; no
key, requirement or compound part has such a letter (`Prefilter` checks)."""


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
            key = searched(form, sides)
            check = form if not form.isalpha() else None  # a mapped non-letter stands for any non-letter
            uses.setdefault(key, []).append((right + len(form), len(form), margin, needs, check))
        for word in {*stems, *heads}:  # where the tokenizer may split a word: `exact_windows` decides
            uses[word.lower().translate(LETTER_CLASS)] = []
        for key, found in uses.items():
            self.padded.add_word(key, found)
        self.seen, self.covered, self.paused = 0.0, 0.0, 0  # see `select`
        self.empty = not triggers
        strings = {*uses, *(string for _, _, needs in triggers.values() for need in needs for group in need
                            for string in group)}
        self.latin = all(ord(char) < 256 or not char.isalpha() for string in strings for char in string)
        if not self.empty:
            self.padded.make_automaton()

    def select(self, text: str) -> list[Window] | None:
        """`windows(text)`, or None (all of it) while the text is found to be jargon-dense."""
        if self.paused:
            self.paused -= 1
            return None
        found = self.windows(text)
        size = len(text) + 1
        self.seen = DECAY * self.seen + size
        self.covered = DECAY * self.covered + (size if found is None else sum(end - start for start, end in found))
        if self.covered > DENSE * self.seen:
            self.paused, self.seen, self.covered = PAUSE, 0.0, 0.0
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
        padded = self.classed(low)
        for end, uses in self.padded.iter(padded):
            if not uses:
                return self.exact_windows(text)
            for back, length, margin, needs, check in uses:
                start = end - back
                if check is None or low.startswith(check, start):
                    found.append((start, start + length, margin, needs))
        return cut(low, padded, found)

    def classed(self, low: str) -> str:
        """The letter-class copy of lower-cased text, with a NUL before and after it."""
        if self.latin:
            return "\0" + low.encode("latin-1", "replace").translate(LATIN_CLASS).decode("latin-1") + "\0"
        return "\0" + low.translate(LETTER_CLASS) + "\0"

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
        return cut(low, self.classed(low), found)


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
