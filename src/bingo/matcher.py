"""One compiled matcher per language: a single pass over each paragraph finds every entry.

Each paragraph is normalised (`bingo.normalise`), its words counted (`bingo.words`), and only the
windows the prefilter finds (`bingo.prefilter`) are tokenised and matched.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from bingo import keys, nlp, phrases, prefilter, words
from bingo.compiler import CompiledLang
from bingo.entry import SENTENCE_ENDS
from bingo.lexicon import Entry
from bingo.normalise import flatten, offset_map, span_to_original

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Match(NamedTuple):
    """An entry found at character offsets [start, end) of the scanned paragraph."""

    id: str
    start: int
    end: int


Claim = tuple[str, int, int, tuple[tuple[int, int], ...]]
"""A candidate hit: key, first and end token, and the token ranges it would take."""


def _most_tokens_first(claim: Claim) -> tuple[int, bool, int, str]:
    """Sort key: matches that claim more tokens first, a contiguous one before parts standing apart,
    then text order, then id (deterministic)."""
    key, start, _, owned = claim
    return -sum(hi - lo for lo, hi in owned), len(owned) > 1, start, key


def _in_text_order(match: Match) -> tuple[int, int, str]:
    """Sort key for matches in the order they appear."""
    return match.start, match.end, match.id


class LangMatcher:
    """Finds all lexicon entries of one language in paragraphs of text."""

    def __init__(self, compiled: CompiledLang, pipeline: Any, entries: Mapping[str, Entry]) -> None:
        self.lang = compiled.lang
        self.compiled = compiled
        self.index = phrases.PhraseIndex(pipeline, compiled.patterns, nlp.match_attr(compiled.norms))
        self.entries = entries
        self.keys = {key: keys.parse(key) for key in compiled.patterns}
        self.requires = {key: (frozenset(w for w in words if not w.endswith("*")),
                               tuple(w[:-1] for w in words if w.endswith("*")))
                         for key, words in compiled.requires.items()}
        # An acronym written as one word counts only with a capital: `cx = connect()` is code, `CX` jargon.
        self.capitals = frozenset(key for key, entry in entries.items() if entry.category == "acronym")
        self.prefilter = (prefilter.Prefilter(compiled.triggers, compiled.prefixes, compiled.suffixes)
                          if prefilter.enabled() else None)

    def match(self, text: str) -> tuple[int, list[Match]]:
        """Word count and non-overlapping matches in `text` (offsets into `text`)."""
        collapsed, prepared = flatten(text)
        windows = self.prefilter.select(collapsed) if self.prefilter is not None else None
        spans: list[tuple[str, int, int]] = []
        for start, end in [(0, len(collapsed))] if windows is None else windows:
            whole = start == 0 and end == len(collapsed)
            spans += self._spans(self.index.make_doc(collapsed if whole else collapsed[start:end]), start)
        shifted = bool(spans) and len(collapsed) != len(prepared)  # the offset map only when it is needed
        norm, shift = offset_map(prepared) if shifted else ([0], [0])
        matches = []
        for key, lo, hi in spans:
            if shifted:
                lo, hi = span_to_original(lo, hi, norm, shift, text)
            matches.append(Match(key, lo, hi))
        matches.sort(key=_in_text_order)
        return words.count(collapsed), matches

    def _spans(self, doc: Doc, offset: int) -> list[tuple[str, int, int]]:
        """(key, start, end) of the non-overlapping matches in `doc`, offsets shifted by `offset`."""
        found = self.index.find(doc)
        if not found:
            return []
        exceptions: dict[str, list[tuple[int, int]]] = {}
        parts: dict[str, dict[int, list[tuple[int, int]]]] = {}
        candidates = []
        parsed = self.keys
        for key, start, end in found:
            kind, ident, index = parsed[key]
            if kind == "exception":
                exceptions.setdefault(ident, []).append((start, end))
            elif kind == "part":
                parts.setdefault(ident, {}).setdefault(index, []).append((start, end))
            else:
                candidates.append((key, start, end))
        requires, capitals = self.requires, self.capitals
        candidates = [c for c in candidates
                      if ((c[0] not in requires and c[0] not in exceptions) or self._allowed(doc, *c, exceptions))
                      and (c[0] not in capitals or c[2] - c[1] > 1 or not doc[c[1]].text.islower())]
        # Parts standing apart claim only their own tokens: jargon between them is still found.
        claims: list[Claim] = [(key, start, end, ((start, end),)) for key, start, end in candidates]
        if parts:
            claims += [(ident, chain[0][0], chain[-1][1], chain) for ident, chain in self._apart_chains(doc, parts)
                       if self._allowed(doc, ident, chain[0][0], chain[-1][1], exceptions)]
        claims.sort(key=_most_tokens_first)
        taken = bytearray(len(doc))
        spans = []
        for key, start, end, owned in claims:
            if not any(any(taken[lo:hi]) for lo, hi in owned):
                for lo, hi in owned:
                    taken[lo:hi] = b"\1" * (hi - lo)
                spans.append((key, start, end))
        out = []
        for key, start, end in spans:
            lo, hi = nlp.token_offsets(doc, start, end)
            out.append((key, lo + offset, hi + offset))
        return out

    def _apart_chains(self, doc: Any, parts: dict[str, dict[int, list[tuple[int, int]]]]
                      ) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
        """For entries whose parts may stand apart: each first part followed, in order, by all the others.

        Each next part is the nearest one after the previous, at most `within` tokens away and
        with no sentence end between them; chains are returned in text order.
        """
        chains = []
        for ident in sorted(parts):
            apart = self.entries[ident].apart
            found = parts[ident]
            if apart is None or len(found) < len(apart.parts):
                continue
            for first in sorted(found[0]):
                chain = [first]
                for index in range(1, len(apart.parts)):
                    after = chain[-1][1]
                    nearest = min((p for p in found[index] if p[0] >= after), default=None)
                    if nearest is None or nearest[0] - after > apart.within or _sentence_end(doc, after, nearest[0]):
                        break
                    chain.append(nearest)
                else:
                    chains.append((ident, tuple(chain)))
        return sorted(chains, key=lambda c: (c[1][0][0], c[0]))

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
        if prefixes:
            return any(w in words or w.startswith(prefixes) for w in window)
        return any(w in words for w in window)


def _sentence_end(doc: Any, start: int, end: int) -> bool:
    """Whether a sentence-ending token stands among the tokens [start, end)."""
    return any(doc[i].text in SENTENCE_ENDS for i in range(start, end))
