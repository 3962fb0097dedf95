"""Fair card play: every card term can be marked when it is said, and no card holds two near-duplicate terms.

Near-duplicates: after normalisation (case folded, words only), one term's words appear in a row
in the other's, each word equal to or sharing a stem with its counterpart: the same first
letters: all of a shorter word of up to five letters, else at least six and all but two of the
shorter one's, the longer going on for at most four more ("synergy" and "Synergien heben",
"Customer Experience Manager" and "Customer Experience Management", "Mehrwert" and "Mehrwert
für alle Beteiligten", "agil" and "agile"; not "mehr" and "Mehrwert", "Hebel" and "heben").
A term and its variants are compared with the other's.

Playing a game, the lexicon holds only the game's terms, without their context requirements (a
player marks "agil" when it is said, whatever its neighbours; exceptions still apply), so no
longer phrase off the cards hides a card term. A term on one card that another card's term
contains ("ganzheitlich" in "ganzheitlichen Ansatz") is marked by it too: see `contained`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from bingo.lexicon import Context, Lexicon

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text, case folded."""
    return _WORD.findall(text.casefold())


def stem_match(a: str, b: str) -> bool:
    """Two words are the same or share a stem (see the module docstring)."""
    if a == b:
        return True
    if a[:4] != b[:4]:
        return False
    short = min(len(a), len(b))
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), short)
    if short <= 5:
        return common == short and max(len(a), len(b)) - common <= 2
    return common >= max(6, short - 2) and max(len(a), len(b)) - common <= 4


def contains(text: Sequence[str], phrase: Sequence[str]) -> bool:
    """True when the words of `phrase` appear in a row in `text`, each stem-matching its counterpart."""
    n = len(phrase)
    return n > 0 and any(all(stem_match(text[i + k], phrase[k]) for k in range(n)) for i in range(len(text) - n + 1))


def near_duplicate(one: Iterable[str], other: Iterable[str]) -> bool:
    """True when a surface of one term contains a surface of the other (see the module docstring)."""
    mine, theirs = [words(s) for s in one], [words(s) for s in other]
    return any(contains(a, b) or contains(b, a) for a in mine for b in theirs)


def conflicts(pool: Mapping[str, Sequence[str]]) -> dict[str, frozenset[str]]:
    """For each id with a near-duplicate in the pool, the ids of its near-duplicates."""
    said = {ident: [w for w in (words(s) for s in surfaces) if w] for ident, surfaces in pool.items()}
    index: dict[str, set[str]] = {}  # a word's first four letters -> the ids whose surfaces have it
    for ident, surfaces in said.items():
        for surface in surfaces:
            for word in surface:
                index.setdefault(word[:4], set()).add(ident)
    stems = {ident: [{w[:4] for w in text} for text in surfaces] for ident, surfaces in said.items()}
    found: dict[str, set[str]] = {}
    for ident, surfaces in said.items():
        for phrase in surfaces:  # the ids that may contain this phrase all have its longest word's stem
            need = {w[:4] for w in phrase}
            for other in index.get(max(phrase, key=len)[:4], set()) - {ident}:
                if any(need <= keys and contains(text, phrase) for text, keys in zip(said[other], stems[other],
                                                                                      strict=True)):
                    found.setdefault(ident, set()).add(other)
                    found.setdefault(other, set()).add(ident)
    return {ident: frozenset(ids) for ident, ids in found.items()}


def playable(lexicon: Lexicon, ids: Iterable[str]) -> Lexicon:
    """The lexicon a game is played with: only its terms, none needing a context to be marked."""
    keep = sorted(set(ids) & set(lexicon.entries))
    entries = {ident: replace(e, context=Context(exceptions=e.context.exceptions))
               for ident in keep if (e := lexicon.entries[ident])}
    digest = hashlib.sha256(f"{lexicon.digest} playable {' '.join(keep)}".encode()).hexdigest()
    return replace(lexicon, entries=entries, house_cards={}, digest=digest)


def contained(terms: Mapping[str, str], ident: str, text: str) -> list[str]:
    """The other game terms a hit of `ident` with this text says too ("ganzheitlich" in "ganzheitlichen Ansatz")."""
    said = words(text)
    return [other for other, term in sorted(terms.items()) if other != ident and contains(said, words(term))]
