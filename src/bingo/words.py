"""The word count a score is normalised by: one rule, counted on the text without tokenising it.

A word is a run of letters; an apostrophe between letters does not end it (`we've`, `Let's`, one
word each). Web and mail addresses (`https://…`, `name@host`) and command-line options (`--help`,
`-v`) are not words. The text is the matcher's normalised text (`normalise.collapse`: a hyphen
between letters is a space, so `Customer-Journey` is two words).

Until 0.2 the count was spaCy's alphabetic tokens; that needed every paragraph tokenised. On the
shipped samples and calibration texts this rule gives the same counts or up to 3 % more (it
counts `Dr.` and `Inc.`, and `we've` once as spaCy did); on man pages 7 % more (`l10n`, `GPLv3`).
"""

from __future__ import annotations

import re

_LETTER = re.compile(r"[^\W\d_]")
"""A letter, as the rule means it (`str.isalpha`, and numerals that are not digits: `²`, `Ⅻ`)."""
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
"""The rule as one pattern: `count` gives the number of its matches (`tests/test_words.py`)."""
_ADDRESS = re.compile(r"\S*(?:://|@)\S*")
# An option starts a chunk: the hyphen comes first, so the pattern is searched at C speed (5x faster
# on man pages than the leading `(?<!\S)` it is equivalent to).
_OPTION = re.compile(r"-(?<!\S-)-?[^\W\d_]\S*")
_JOINED = re.compile(r"'(?<=[^\W\d_]')(?=[^\W\d_])")
"""An apostrophe between letters: it joins two runs of letters into one word."""

_LATIN_RUNS = bytes(ord("a") if _LETTER.match(chr(code)) else ord(" ") for code in range(256))
"""A `bytes.translate` table for Latin-1 text: a letter becomes `a`, anything else a space."""


class _Runs(dict[int, str]):
    """The same as a `str.translate` table for any text, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        value = self[code] = "a" if _LETTER.match(chr(code)) else " "
        return value


_RUNS = _Runs()


def count(text: str) -> int:
    """Number of words in normalised text.

    The runs of letters are counted by splitting a copy where each letter is `a` and anything else
    a space, and the apostrophes joining two of them are taken off: the same number as matches of
    `_WORD`, in a third of the time (`findall` was 0.6 s of a 6 s scan of 10 MB of man pages).
    """
    if "@" in text or "://" in text:
        text = _ADDRESS.sub(" ", text)
    if "-" in text:
        text = _OPTION.sub(" ", text)
    try:
        runs = len(text.encode("latin-1").translate(_LATIN_RUNS).split())
    except UnicodeEncodeError:
        runs = len(text.translate(_RUNS).split())
    if "'" in text:
        runs -= len(_JOINED.findall(text))
    return runs
