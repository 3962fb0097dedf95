"""Pattern keys: one PhraseMatcher per language holds three kinds of pattern, told apart by key.

- `ID`, an entry's own spellings: a match is a hit (unless an exception covers it);
- `!ID`, an *exception* of entry ID (`context.except`): a phrase in which the entry's term is
  plain language, so a match of ID inside it is dropped (`Mehrwertsteuer` is not `Mehrwert`);
- `ID#N`, *part* N of an entry whose parts may stand apart (`apart`): the matcher chains the
  parts into one hit (`Synergien … heben`).

One matcher pass finds all three; this module is the only place that writes or reads the keys.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

EXCEPTION_PREFIX = "!"
PART_SEPARATOR = "#"
KeyKind = Literal["entry", "exception", "part"]


class PatternKey(NamedTuple):
    """What a pattern key stands for: its kind, the entry id and, for a part, its number."""

    kind: KeyKind
    id: str
    part: int = 0


def exception_key(ident: str) -> str:
    """The key of entry `ident`'s exception phrases."""
    return EXCEPTION_PREFIX + ident


def part_key(ident: str, index: int) -> str:
    """The key of part `index` of entry `ident`'s `apart` parts."""
    return f"{ident}{PART_SEPARATOR}{index}"


def parse(key: str) -> PatternKey:
    """The kind, entry id and part number of a pattern key."""
    if key.startswith(EXCEPTION_PREFIX):
        return PatternKey("exception", key[len(EXCEPTION_PREFIX):])
    if PART_SEPARATOR in key:
        ident, index = key.rsplit(PART_SEPARATOR, 1)
        return PatternKey("part", ident, int(index))
    return PatternKey("entry", key)
