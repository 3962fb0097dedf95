"""What the prefilter searches for, chosen at compile time: each pattern's rarest token, and a companion.

For every pattern (an entry's own spellings, and for an entry whose parts may stand apart, the
rarest of its parts) the key is the token with the lowest probability in spacy-lookups-data's
word-frequency table, in every spelling that has its NORM. Each key carries:

- a margin: how many whitespace-separated chunks around it a match can reach (the pattern's
  length, the entry's context window, its exception phrases, the chain of its apart-parts);
- the sides on which it must not touch a letter (see `bingo.prefilter` for why that is exact);
- requirements: tokens that must also occur in the window for the pattern to be possible (its
  second-rarest token, and one spelling of every other apart-part). A window is tokenised when
  any pattern of the key has its requirements met. A requirement is searched like a key, in the
  letter-class copy and padded with NUL where it must not touch a letter (`searched`): as a bare
  substring, `be` or `in` occurred in almost every English paragraph (`number`, `string`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

from bingo import keys
from bingo.entry import Entry

UNKNOWN_WORD = -25.0
"""The log-probability of a word the frequency table does not know: rarer than any it knows."""

LEFT, RIGHT = 1, 2
"""Which sides of a search string must not touch a letter (a bit mask)."""

Requirement = list[list[str]]
"""Groups of strings (as `searched` makes them): from each group, one must occur in the window's letter-class copy."""

Trigger = tuple[int, int, list[Requirement]]
"""A search string's margin (chunks), sides (LEFT|RIGHT) and requirements (any one suffices; [] = none)."""


class _LetterClass(dict[int, int]):
    """A `str.translate` table: a letter stays itself, any other character becomes NUL."""

    def __missing__(self, code: int) -> int:
        value = self[code] = code if chr(code).isalpha() else 0
        return value


LETTER_CLASS = _LetterClass()
"""The table of the prefilter's letter-class copy, filled as characters are met (a dict lookup per character)."""


def searched(form: str, sides: int) -> str:
    """`form` as the letter-class copy holds it, padded with NUL on the `sides` that must not touch a letter."""
    return ("\0" if sides & LEFT else "") + form.translate(LETTER_CLASS) + ("\0" if sides & RIGHT else "")


def frequency(token: str, probs: Mapping[str, float]) -> float:
    """A token's log-probability (0, the most common, for punctuation and numbers)."""
    return probs.get(token, UNKNOWN_WORD) if any(char.isalpha() for char in token) else 0.0


def by_rarity(tokens: Iterable[str], probs: Mapping[str, float]) -> list[str]:
    """Tokens from the rarest to the most common (longer first among equals)."""
    return sorted(set(tokens), key=lambda token: (frequency(token, probs), -len(token), token))


def plan(patterns: Mapping[str, list[list[str]]], entries: Iterable[Entry], norms: Mapping[str, str],
         stems: Iterable[str], heads: Iterable[str], specials: Iterable[tuple[str, list[tuple[str, str]]]],
         probs: Mapping[str, float]) -> dict[str, Trigger]:
    """The search strings of one language's compiled patterns.

    `norms` maps declined forms to their NORM, `specials` are the tokenizer's multi-token special
    cases (text, [(piece, its LOWER or NORM)]), `probs` the word-frequency table.
    """
    spellings, contractions = _spellings(norms, specials)
    opening, closing = {s.lower() for s in stems}, {h.lower() for h in heads}

    def forms(token: str) -> list[str]:
        return sorted({token, *spellings.get(token, ())})

    def sides(form: str) -> int:
        # a compound head may follow a stem's letters, a stem may precede a head's (the tokenizer splits there)
        return (LEFT if form[:1].isalpha() and form not in closing else 0) | (
            RIGHT if form[-1:].isalpha() and form not in opening else 0)

    def required(token: str) -> set[str]:
        # every string the token can be in the text, as the prefilter searches it (like a key)
        return {searched(form, sides(form)) for form in {*forms(token), *contractions.get(token, ())}}

    longest = {key: max((len(t) for t in token_lists), default=0) for key, token_lists in patterns.items()}
    found: dict[str, list[tuple[int, Requirement]]] = {}
    for entry in entries:
        reach = _reach(entry, longest)
        search_keys = [entry.id]
        others: Requirement = []
        if entry.apart is not None:
            # a chain needs every part: search the rarest, require a spelling of each other part
            parts = [keys.part_key(entry.id, n) for n in range(len(entry.apart.parts))]
            rarest = min(parts, key=lambda part: _commonest(patterns.get(part, []), probs))
            search_keys.append(rarest)
            others = [_shortest({f for tokens in patterns.get(part, []) for f in required(by_rarity(tokens, probs)[0])})
                      for part in parts if part != rarest]
        for key in search_keys:
            for tokens in patterns.get(key, []):
                ranked = by_rarity(tokens, probs)
                second = ranked[1] if len(ranked) > 1 and frequency(ranked[1], probs) < 0 else None
                companion = [_shortest(required(second))] if second is not None else []
                need = companion + (others if key != entry.id else [])
                for form in {*forms(ranked[0]), *contractions.get(ranked[0], ())}:
                    found.setdefault(form, []).append((len(tokens) - 1 + reach, need))
    triggers: dict[str, Trigger] = {}
    for form, uses in sorted(found.items()):
        needs = [] if any(not need for _, need in uses) else _unique([need for _, need in uses])
        triggers[form] = max(margin for margin, _ in uses), sides(form), needs
    return triggers


def _spellings(norms: Mapping[str, str], specials: Iterable[tuple[str, list[tuple[str, str]]]]
               ) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Other strings with a token's NORM, and the special cases that cut a token out of a run of letters."""
    spellings: dict[str, set[str]] = {}
    for form, base in norms.items():
        spellings.setdefault(base.lower(), set()).add(form.lower())
    contractions: dict[str, set[str]] = {}
    for text, pieces in specials:
        for orth, value in pieces:
            if value != orth:
                spellings.setdefault(value, set()).add(orth)  # auf'm: the piece 'm has the NORM dem
        if any(a[-1:].isalpha() and b[:1].isalpha() for (a, _), (b, _) in itertools.pairwise(pieces)):
            for _, value in pieces:  # cannot -> can not: a token inside a run of letters
                contractions.setdefault(value, set()).add(text)
    return spellings, contractions


def _commonest(token_lists: list[list[str]], probs: Mapping[str, float]) -> float:
    """How common the most common key among some patterns is (lower: rarer)."""
    return max((frequency(by_rarity(tokens, probs)[0], probs) for tokens in token_lists), default=0.0)


def _reach(entry: Entry, longest: Mapping[str, int]) -> int:
    """How many chunks beyond a pattern of `entry` matching can look: context, exceptions, apart-parts.

    `longest` is the token count of each pattern key's longest pattern.
    """
    extra = longest.get(keys.exception_key(entry.id), 0)
    if entry.context.requires:
        extra = max(extra, entry.context.window)
    if entry.apart is not None:
        parts = range(len(entry.apart.parts))
        extra += sum(longest.get(keys.part_key(entry.id, n), 0) for n in parts) + entry.apart.within * len(parts)
    return extra


def _shortest(strings: Iterable[str]) -> list[str]:
    """The strings that contain none of the others: one of them occurs wherever any of them does."""
    kept: list[str] = []
    for string in sorted(set(strings), key=lambda s: (len(s), s)):
        if not any(short in string for short in kept):
            kept.append(string)
    return kept


def _unique(needs: list[Requirement]) -> list[Requirement]:
    """Requirements without repeats, in a stable order."""
    return sorted({repr(need): need for need in needs}.values(), key=repr)
