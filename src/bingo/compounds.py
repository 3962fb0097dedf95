"""Closed compounds: how `Kundenzentrierungsstrategie` is found by an entry for `Kundenzentrierung`.

German writes compounds as one word, so a phrase matcher on whole tokens would miss them. An
entry with `compound: prefix|suffix|any` contributes *stems*: a prefix stem may open a word
(`Kundenzentrierung|s|strategie`), a suffix stem (a "head") may close one (`Omnichannel|strategie`).
The tokenizer splits known stems off longer words (`prefix_search`, `suffix_search`), so the
stem becomes a token of its own that the one PhraseMatcher finds. A one-word exception of the
entry that continues a prefix stem (`Mehrwert` + `steuer`) becomes a *stop*: the stem is not
split off before that continuation, so the exception covers every longer compound too.

This module has no spaCy: `nlp.configure_tokenizer` installs these searches next to spaCy's rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from bingo.entry import Entry
from bingo.forms import split_words

LETTER = r"[^\W\d_]"
_DE_LINKING_S = ("ung", "heit", "keit", "schaft", "ion", "tät", "tum", "ling")
_REST = re.compile(r".+\Z", re.S)
_LETTERS = re.compile(rf"{LETTER}{{3}}\Z")
Search = Callable[[str], "re.Match[str] | None"]


def stems(entry: Entry, lang: str, single_forms: set[str]) -> tuple[set[str], set[str]]:
    """Stems that may open (prefix) or close (suffix) a closed compound, for one entry."""
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    if entry.compound == "none":
        return prefixes, suffixes
    for surface in entry.surfaces:
        if len(split_words(surface)) != 1:
            continue
        base = surface.lower()
        if entry.compound in ("prefix", "any"):
            prefixes.add(base)
            if lang == "de" and base.endswith(_DE_LINKING_S):
                prefixes.add(base + "s")  # the linking s: Kundenzentrierungs|strategie
        if entry.compound in ("suffix", "any"):
            suffixes.update(f for f in single_forms if f.startswith(base[:3]) and " " not in f and "-" not in f)
    return prefixes, suffixes


def stops(entry: Entry, prefixes: Iterable[str]) -> list[tuple[str, str]]:
    """(stem, continuation) for each one-word exception that extends one of the entry's prefix stems."""
    out = []
    for exception in entry.context.exceptions:
        word = exception.lower()
        if " " in word or "-" in word:
            continue
        out += [(stem, word[len(stem):]) for stem in prefixes if word.startswith(stem) and len(word) > len(stem)]
    return out


def prefix_search(prefixes: Iterable[str], stop_lists: Mapping[str, Sequence[str]]) -> Search:
    """A tokenizer prefix search: the longest stem opening a word of at least three more letters.

    The same match as the alternation `^(?i:longest|...|shortest)(?=LETTER{3})`, but with the
    stems as a trie (`k(?:unde(?:n(?:zentrierung|)|)|...)`): the alternation tried every stem at
    every call, so 2,000 stems made compiling a lexicon quadratic (8,000 `compound: any` entries:
    17 of 29 s in this search). In the trie the longer stem is tried first (the empty branch last),
    and the regex backtracks to a shorter one when the lookahead fails, as the alternation did.
    """
    trie: dict[str, Any] = {}
    for stem in set(prefixes):
        node = trie
        for char in stem:
            node = node.setdefault(char, {})
        node[""] = stem  # a stem ends here

    def branch(node: dict[str, Any]) -> str:
        parts = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if "" in node:
            stops = stop_lists.get(node[""])
            parts.append(f"(?!{'|'.join(map(re.escape, sorted(stops)))})" if stops else "")
        return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
    return re.compile(rf"^(?i:{branch(trie)})(?={LETTER}{{3}})").search


def suffix_search(heads: Iterable[str]) -> Search:
    """A tokenizer suffix search: the longest head ending a word after at least three letters.

    Equivalent to the alternation `(?<=LETTER{3})(?i:head|...)$`, but looked up in a set per
    head length: with 500 German heads the regex tried every head at every position and was a
    quarter of compiling the lexicon (and of tokenising new words at scan time).
    """
    table = {head.lower() for head in heads}
    lengths = sorted({len(head) for head in table}, reverse=True)

    def search(text: str) -> re.Match[str] | None:
        size = len(text)
        low = text.lower()
        for length in lengths:
            start = size - length
            if start >= 3 and low[start:] in table and _LETTERS.match(text, start - 3, start):
                return _REST.search(text, start)
        return None
    return search
