"""Normalising a paragraph before it is tokenised, with a map back to the original offsets.

Whitespace runs (line breaks, double spaces) collapse to one space, so that a phrase split over
two lines still matches; a hyphen between letters (ASCII or typographic) becomes a space, so that
`Customer-Journey` and `Customer Journey` are the same tokens and the lexicon needs no hyphenated
spellings; typographic apostrophes become ASCII ones; soft hyphens and zero-width characters,
invisible in a browser, are dropped. A small offset map turns positions back into original ones.

Markup maskers decode entities and escapes in place (`bingo.markup`): the decoded character takes
the place of the first source character and FILL the place of the others; inline tags become
JOIN. Both are dropped here,
and `span_to_original` widens a span that ends on a decoded character over its FILL, so that a
hit covers the whole source text, `Erlebnis&ouml;konomie` for `Erlebnisökonomie`.
"""

from __future__ import annotations

import bisect
import re

# One character for another, so that offsets stay as they are.
_SAME_LENGTH = {
    **dict.fromkeys("\n\r\t\f\v\u00a0\u2007\u202f", " "),
    **dict.fromkeys("\u2019\u02bc", "'"),  # typographic apostrophe, modifier letter apostrophe
}
# A hyphen joining a letter or digit to a letter ("CX-Team", "360-Grad", "Customer‑Journey"), the
# typographic ones (U+2010, U+2011) and figure and en dashes used as hyphens included; " – " stays.
_HYPHENS = "-\u2010\u2011\u2012\u2013"
FILL = "\ue001"
"""Stands for a source character that a decoded character before it replaces (private use: never in prose)."""
JOIN = "\ue002"
"""Stands for markup that renders as nothing (an inline tag: `Kunden<b>zentrierung</b>` is one word)."""
# (a decoded hyphen or letter next to it has FILL between: `customer&#8209;centric`, `&Ouml;ko-Bilanz`)
# The hyphen comes first and the letter before it is a lookbehind over both: a pattern that starts
# with a character class is searched at C speed, one that starts with a lookbehind is tried at every
# position (6x slower on man pages, where options put hyphens in most paragraphs).
_JOINING_HYPHEN = re.compile(f"[{_HYPHENS}](?<=(?:[^\\W_]|[{FILL}{JOIN}])[{_HYPHENS}])(?=[{FILL}{JOIN}]*[^\\W\\d_])")
# What is dropped: a space after a space (FILL and invisibles between them too), the invisible soft
# hyphens, zero-width spaces, word joiners and BOMs that CMS output scatters inside words.
_INVISIBLE = "\u00ad\u200b\u2060\ufeff" + FILL + JOIN
_DROPPED = re.compile(f"(?<= )[ {_INVISIBLE}]+|[{_INVISIBLE}]+")
_SPACES = re.compile(" {2,}")
"""`_DROPPED` for a text without invisibles: a pattern starting with a literal is searched faster (1.5x)."""


def collapse(text: str) -> tuple[str, list[int], list[int]]:
    """Normalise `text` for tokenising; return it and a map back to original offsets.

    The map is two parallel lists: from position `norm[i]` on, the original offset is the
    normalised one plus `shift[i]`.
    """
    collapsed, prepared = flatten(text)
    return (collapsed, *offset_map(prepared)) if len(collapsed) != len(prepared) else (collapsed, [0], [0])


def flatten(text: str) -> tuple[str, str]:
    """The normalised text, and the text before runs were dropped (what `offset_map` needs).

    Apart from `collapse`, for a caller that needs the map only when it found something: on man
    pages (indented lines) building the map was a third of the matcher's time per paragraph.
    """
    for char, replacement in _SAME_LENGTH.items():  # str.replace per character is ~50x faster than translate
        if char in text:
            text = text.replace(char, replacement)
    if any(char in text for char in _HYPHENS):
        text = _JOINING_HYPHEN.sub(" ", text)
    if not any(char in text for char in _INVISIBLE):
        return (_SPACES.sub(" ", text) if "  " in text else text), text
    return _DROPPED.sub("", text), text


def offset_map(prepared: str) -> tuple[list[int], list[int]]:
    """The map of `collapse` for a text as `flatten` prepared it."""
    norm, shift = [0], [0]
    removed = 0
    for run in _DROPPED.finditer(prepared):
        removed += run.end() - run.start()
        norm.append(run.end() - removed)
        shift.append(removed)
    return norm, shift


def to_original(pos: int, norm: list[int], shift: list[int]) -> int:
    """Map an offset in collapsed text back to the original text."""
    return pos + shift[bisect.bisect_right(norm, pos) - 1]


def span_to_original(start: int, end: int, norm: list[int], shift: list[int], text: str) -> tuple[int, int]:
    """Map a span [start, end) of collapsed text back to `text`, the original: the FILL after its end included."""
    lo, hi = to_original(start, norm, shift), to_original(end - 1, norm, shift) + 1
    while hi < len(text) and text[hi] == FILL:
        hi += 1
    return lo, hi
