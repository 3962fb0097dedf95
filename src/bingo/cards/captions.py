"""Captions as they arrive, line by line (`bingo live`): mask a transcript, know the current cue's time and speaker.

Also the lines of a growing file, like `tail -f`, for `bingo live --follow`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from bingo.errors import BingoError
from bingo.inputformat import KINDS
from bingo.markup import PlainMasker, masker
from bingo.reading import MAX_LINE
from bingo.transcript import TIMING, TranscriptMasker, clock, is_timing, looks_like, seconds, speaker_of

_SURROGATE = re.compile("[\ud800-\udfff]")  # bytes that are not UTF-8, as Python's stdin hands them over


def numbered(lines: Iterable[str], most: int = MAX_LINE) -> Iterator[tuple[int, str]]:
    """The lines heard, numbered, safe to match: undecodable bytes as U+FFFD, a too long line cut (same number)."""
    for number, line in enumerate(lines, 1):
        line = _SURROGATE.sub("\ufffd", line)
        while len(line) > most:
            cut = line.rfind(" ", 0, most) + 1 or most
            yield number, line[:cut]
            line = line[cut:]
        yield number, line


class Captions:
    """A caption stream: WebVTT or SubRip (told by `input_format`, else by its first line) is masked as it arrives."""

    def __init__(self, input_format: str = "auto") -> None:
        kind = KINDS.get(input_format)
        self.masker: PlainMasker | None = None
        if kind is not None:
            self.masker = TranscriptMasker() if kind == "transcript" else masker(kind)
        self.time: float | None = None
        self.speaker: str | None = None
        self.first = False  # the next text line is its cue's first (where the speaker is named)

    def mask(self, line: str) -> str:
        """The line to scan: cue numbers, timings, tags and speakers masked in a transcript."""
        if self.masker is None and line.strip():
            first = line.strip().removeprefix("\ufeff")
            self.masker = TranscriptMasker() if looks_like([first]) or first.isdigit() else PlainMasker()
        if self.masker is None or not self.masker.continuous:
            return line
        timing = TIMING.match(line)
        if timing and is_timing(line):
            self.time, self.speaker, self.first = seconds(timing.group(1)), None, True
        elif self.first and line.strip() and not line.strip().isdigit():
            self.speaker, self.first = speaker_of(line), False
        return self.masker(line)

    def when(self) -> str:
        """` at HH:MM:SS.mmm` of the current cue in a transcript (and ` by NAME`), else nothing."""
        at = "" if self.time is None else f" at {clock(self.time)}"
        return at + (f" by {self.speaker}" if self.speaker else "")


def follow(path: Path, stop: Callable[[], bool], poll: float = 0.2, idle: float | None = None) -> Iterator[str]:
    """The lines of a file as it grows (`tail -f`), from its start; ends when `stop()` or after `idle` quiet seconds.

    A line is given once it is complete (a writer may be half-way through one); at the end, the rest as well.
    """
    try:
        handle = open(path, encoding="utf-8-sig", errors="replace", newline="")  # noqa: SIM115  # closed below
    except OSError as exc:
        raise BingoError(f"{path}: cannot follow: {exc.strerror or exc}") from None
    with handle:
        pending, quiet = "", 0.0
        while not stop():
            chunk = handle.readline()
            if chunk:
                pending += chunk
                quiet = 0.0
                if chunk.endswith(("\n", "\r")):
                    yield pending
                    pending = ""
                continue
            if idle is not None and quiet >= idle:
                break
            time.sleep(poll)
            quiet += poll
        if pending:
            yield pending
