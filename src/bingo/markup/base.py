"""What every masker shares: mask characters, decoding in place, and the plain-text masker.

A masker turns a source's lines into prose-only text of exactly the same length. Code, URLs and
markup become MASK characters, or JOIN for inline tags that render as nothing; an entity or
escape becomes the character it stands for followed by FILL (both dropped when the text is
normalised, `bingo.normalise`), so every offset into the masked text is an offset into the
original file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from bingo.lines import BREAK_CHARS, LINE_BREAK, split_keeping_breaks
from bingo.normalise import FILL, JOIN

MASK = "\ue000"  # a private-use character: a token that never matches and breaks phrases
BLANK = MASK + FILL + JOIN + " \t" + BREAK_CHARS
"""What a line that holds nothing to scan is made of."""
__all__ = ["BLANK", "FILL", "JOIN", "MASK", "PlainMasker", "blot", "decode", "vanish"]

# A character reference, as HTML and CommonMark write them; the semicolon is required (the legacy
# forms without it are parse errors that browsers guess at).
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_NOT_BREAK = re.compile(r"[^\r\n]")


def blot(text: str) -> str:
    """Mask characters of the same length, line breaks kept and spaced off from neighbouring words."""
    return "".join(_blot_run(part) for part in split_keeping_breaks(text))


def _blot_run(part: str) -> str:
    if LINE_BREAK.fullmatch(part):
        return part
    if len(part) < 3:
        return " " * len(part)
    return " " + MASK * (len(part) - 2) + " "


def vanish(text: str) -> str:
    """JOIN characters of the same length, line breaks kept: markup that renders as nothing, inside a word too."""
    return _NOT_BREAK.sub(JOIN, text)


def in_place(decoded: str, source: str) -> str:
    """`decoded` in the place of `source`: padded with FILL; the source kept if it would not fit."""
    if len(decoded) > len(source) or LINE_BREAK.search(decoded):
        return source
    return decoded + FILL * (len(source) - len(decoded))


def decode(text: str) -> str:
    """Character references (`&ouml;`, `&#246;`, `&shy;`) decoded in place; unknown names kept."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(lambda m: in_place(html.unescape(m.group(0)), m.group(0)), text)


class PlainMasker:
    """Plain text: nothing is masked."""

    continuous = False  # True: blank lines do not end a paragraph (transcripts: cues run on)

    def __init__(self, skip_quotes: bool = False) -> None:
        self.skip_quotes = skip_quotes

    def __call__(self, line: str) -> str:
        """Return the line unchanged."""
        return line

    def masked(self, lines: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Each line with its masked text; maskers that need to look ahead hold lines back."""
        for line in lines:
            yield line, self(line)
