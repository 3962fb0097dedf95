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

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_ADDRESS = re.compile(r"\S*(?:://|@)\S*")
_OPTION = re.compile(r"(?<!\S)--?[^\W\d_]\S*")


def count(text: str) -> int:
    """Number of words in normalised text."""
    if "@" in text or "://" in text:
        text = _ADDRESS.sub(" ", text)
    if "-" in text:
        text = _OPTION.sub(" ", text)
    return len(_WORD.findall(text))
