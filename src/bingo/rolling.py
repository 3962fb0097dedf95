"""Rolling captions: text a cue repeats from the cue before it is said once, not again.

YouTube's automatic captions scroll: each line is shown in about three cues, first as the new
bottom line (with word timings), then as the top line above the next one. Read as they are, a
buzzword said once would count three times, and a phrase said across two lines would be found
in the later cue. The rule: a cue's leading lines that equal the previous cue's trailing lines
(compared without word-timing and `<c>` tags, spaces collapsed) are repeated text and are masked;
the hit points at the first occurrence. A line that follows a new line is never masked, so a
person who says "Synergien" again in a later line or in a cue with other text counts twice; two
consecutive cues whose whole text is the same line are read as one scrolling line.
"""

from __future__ import annotations

import re

_SCROLL_TAGS = re.compile(r"</?c(?:\.[\w.-]+)?>|<\d+:\d{2}(?::\d{2})?[.,]\d{1,3}>")


def _said(line: str) -> str:
    """A cue line as compared: word timings and class tags out, spaces collapsed (voice tags kept)."""
    return " ".join(_SCROLL_TAGS.sub(" ", line).split())


class Rolling:
    """Fed a transcript's cue text lines in order, tells which repeat the previous cue's trailing lines."""

    def __init__(self) -> None:
        self.previous: list[str] = []
        self.current: list[str] = []
        self.overlaps: set[int] = set()  # how many trailing lines of the previous cue may still be repeated

    def cue(self) -> None:
        """A new cue starts."""
        if self.current:
            self.previous = self.current
        self.current = []

    def repeated(self, line: str) -> bool:
        """Record the cue's next text line; True when it (and every line before it in the cue) is a repeat."""
        said, prev, i = _said(line), self.previous, len(self.current)
        self.current.append(said)
        if not said:
            return False
        if i == 0:
            self.overlaps = {m for m in range(1, len(prev) + 1) if prev[-m] == said}
        else:  # overlap m: the cue's first m lines are the previous cue's last m lines
            self.overlaps = {m for m in self.overlaps if m > i and prev[len(prev) - m + i] == said}
        return bool(self.overlaps)
