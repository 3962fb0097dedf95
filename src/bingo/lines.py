"""The one definition of a line break, and positions in lines: `\\n`, `\\r\\n` or a lone `\\r`.

Only these three end a line, as in files on every platform (and Python's universal newlines).
U+2028, U+0085, form feeds and the other breaks of `str.splitlines` do not: editors, SARIF viewers
and GitHub count lines the same way, so a hit's line and column must not depend on them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""A line break."""

_SPLIT = re.compile(f"({LINE_BREAK.pattern})")

STREAM_BREAK = re.compile(r"\r\n|\r(?!$)|\n")
"""A line break in a chunk of a stream: a lone trailing `\\r` waits, its `\\n` may be in the next chunk."""

BREAK_CHARS = "\r\n"
"""The characters line breaks are made of."""


def line_starts(text: str) -> list[int]:
    """Offsets at which the lines of `text` start."""
    if "\n" not in text and "\r" not in text:
        return [0]
    return [0, *(m.end() for m in LINE_BREAK.finditer(text))]


def split_lines(text: str) -> list[str]:
    """The lines of `text` without their breaks (like `str.splitlines`, with this module's breaks)."""
    lines = LINE_BREAK.split(text)
    return lines[:-1] if lines[-1] == "" else lines


def split_keeping_breaks(text: str) -> list[str]:
    """`text` cut into runs of non-break characters and the line breaks between them."""
    return _SPLIT.split(text)


def count_breaks(text: str) -> int:
    """How many line breaks `text` holds (`\\r\\n` counts once)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


LINE_ENDS = ("\n", "\r")
"""What a line ends with (a `str.endswith` argument: `ends_with_break`, inline in hot loops)."""


def ends_with_break(text: str) -> bool:
    """True when `text` ends a line."""
    return text.endswith(LINE_ENDS)


def strip_break(line: str) -> str:
    """`line` without its trailing line break."""
    return line.rstrip(BREAK_CHARS)


def position(first_line: int, starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based line and column of an offset into a text whose first line is `first_line`.

    `starts` are the text's `line_starts`.
    """
    index = bisect.bisect_right(starts, offset) - 1
    return first_line + index, offset - starts[index] + 1
