"""Transcripts (WebVTT, SubRip): mask everything but what was said, and find the cue of an offset.

The masker keeps the same-length rule of `bingo.markup`: cue numbers, timing lines, the WEBVTT
header, NOTE/STYLE/REGION blocks, speaker prefixes and tags become spaces, so every offset into
the scanned text is an offset into the file. Spaces, not mask characters: a phrase said across
two cues ("unsere Customer" / "Journey neu denken") must still match, and `continuous` tells
the paragraph reader that blank lines between cues do not end a paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from bingo.lines import line_starts, split_keeping_breaks, strip_break
from bingo.markup import PlainMasker
from bingo.rolling import Rolling

TIMING = re.compile(r"^\s*(\S+)\s*-->\s*(\S+)")
_TIME = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})$")
_TAG = re.compile(r"</?[A-Za-z][^>]*>|<\d+:\d{2}(?::\d{2})?[.,]\d{1,3}>")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
# Zoom's "Anna Schmidt: text": one to four capitalised words before a colon, at a cue's start, in any
# alphabet ("Łukasz Nowak", "Élodie Martin"), name particles allowed between them ("Anna von Berg").
_SPEAKER = re.compile(r"^\s*([^\W\d_][\w'.-]*(?: [^\W\d_][\w'.-]*){0,4}):\s")
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "zu", "ten",
                        "ter", "bin", "al", "y"})


def _speaker(text: str) -> re.Match[str] | None:
    """Zoom's `Name:` prefix at the start of a cue's text: capitalised words, particles only inside."""
    match = _SPEAKER.match(text)
    if match is None:
        return None
    names = match.group(1).split(" ")
    capitalised = [name[0].isupper() for name in names]
    if not (capitalised[0] and capitalised[-1] and sum(capitalised) <= 4):
        return None
    return match if all(up or name in _PARTICLES for name, up in zip(names, capitalised, strict=True)) else None
_BLOCKS = ("NOTE", "STYLE", "REGION")


def spaces(text: str) -> str:
    """`text` as spaces of the same length, line breaks kept."""
    return "".join(part if not strip_break(part) else " " * len(part) for part in split_keeping_breaks(text))


def _is_block(line: str, word: str) -> bool:
    return line == word or line.startswith((word + " ", word + "\t"))


def is_timing(line: str) -> bool:
    """True for a well-formed timing line: a cue may start without the blank line before it."""
    match = TIMING.match(line)
    return match is not None and seconds(match.group(1)) is not None and seconds(match.group(2)) is not None


def looks_like(lines: Iterable[str]) -> bool:
    """True when the first lines of a text are a transcript: a WEBVTT header or an SRT cue number and timing."""
    head = [strip_break(line).removeprefix("\ufeff").strip() for line in lines]
    head = [line for line in head if line]
    if head and _is_block(head[0], "WEBVTT"):
        return True
    return len(head) >= 2 and head[0].isdigit() and TIMING.match(head[1]) is not None


class TranscriptMasker(PlainMasker):
    """WebVTT or SubRip, line by line: only cue text is left to scan (same length)."""

    continuous = True

    def __init__(self, skip_quotes: bool = False) -> None:
        super().__init__(skip_quotes)
        self.state = "start"  # start, header, block, between (after a blank line), text
        self.first = True  # the next text line is the first of its cue (where Zoom puts the speaker)
        self.rolling = Rolling()  # rolling captions: lines repeated from the cue before are masked

    def __call__(self, line: str) -> str:
        """Return the line with everything but spoken text as spaces."""
        stripped = strip_break(line).strip()
        if not stripped:
            if self.state != "start":
                self.state = "between"
            return line
        if self.state == "start" and _is_block(stripped.removeprefix("\ufeff"), "WEBVTT"):
            self.state = "header"
        elif self.state in ("header", "block") and not (self.state == "header" and is_timing(stripped)):
            pass  # a cue may follow the header without the blank line before it
        elif self.state in ("start", "between") and any(_is_block(stripped, b) for b in _BLOCKS):
            self.state = "block"
        elif "-->" in stripped and (self.state not in ("text", "header") or is_timing(stripped)):
            self.state, self.first = "text", True
            self.rolling.cue()
        elif self.state in ("start", "between") and (stripped.isdigit() or " " not in stripped):
            pass  # a cue number or identifier: the line before the timing
        elif self.rolling.repeated(line):
            self.state, self.first = "text", False
        else:
            masked = _mask_text(line, self.first)
            self.state, self.first = "text", False
            return masked
        return spaces(line)


def _mask_text(line: str, first: bool) -> str:
    """A cue text line with tags (and on a cue's first line a `Name:` prefix) as spaces."""
    out = _TAG.sub(lambda m: " " * len(m.group(0)), line)
    speaker = _speaker(out) if first else None
    if speaker:
        out = " " * speaker.end() + out[speaker.end():]
    return out


def speaker_of(line: str) -> str | None:
    """The speaker a cue's first text line names: a `<v Name>` voice tag or Zoom's `Name:` prefix (None: none)."""
    voice = _VOICE.search(line)
    zoom = _speaker(_TAG.sub(lambda m: " " * len(m.group(0)), line))
    return voice.group(1).strip() if voice else zoom.group(1) if zoom else None


@dataclass(frozen=True)
class Cue:
    """One cue: where its text is in the file, when it was said (seconds, None if unreadable) and by whom."""

    start: int
    end: int
    begins: float | None
    ends: float | None
    speaker: str | None
    line: int
    said: str = ""


@dataclass(frozen=True)
class Transcript:
    """A transcript's cues in file order, to look up the cue of a file offset."""

    cues: tuple[Cue, ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [c.start for c in self.cues]

    def cue_at(self, offset: int) -> Cue | None:
        """The cue whose text holds `offset` (None before the first cue or outside cue text)."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0 or offset >= self.cues[i].end:
            return None
        return self.cues[i]


def seconds(stamp: str) -> float | None:
    """`00:01:02.500` or `01:02,5` as seconds; None when it is not a timestamp."""
    match = _TIME.match(stamp.strip())
    if match is None:
        return None
    hours, minutes, secs, frac = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + int(frac.ljust(3, "0")) / 1000


def clock(value: float | None) -> str:
    """Seconds as `HH:MM:SS.mmm` (`?` when unknown)."""
    if value is None:
        return "?"
    millis = round(value * 1000)
    return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def parse(text: str) -> Transcript:
    """The cues of a transcript's text (BOM already removed): leniently, unreadable times become None."""
    cues: list[Cue] = []
    offset = 0
    current: tuple[float | None, float | None, int] | None = None
    text_start = text_end = -1
    speaker: str | None = None
    said: list[str] = []

    def close() -> None:
        if current is not None and text_start >= 0:
            quote = " ".join(" ".join(said).split())
            cues.append(Cue(text_start, text_end, current[0], current[1], speaker, current[2], quote))

    starts = line_starts(text)
    lines = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True) if a < b]
    for line_no, line in enumerate(lines, 1):
        body = strip_break(line)
        if not body.strip():
            close()
            current, text_start = None, -1
        elif "-->" in body and (text_start < 0 or is_timing(body)):
            close()  # a malformed timing line still starts a cue, of unknown time (as the masker reads it)
            begins, _, ends = body.partition("-->")
            current, text_start, speaker = (seconds(begins), seconds(ends.split(maxsplit=1)[0] if ends.split() else ""),
                                            line_no), -1, None
            said = []
        elif current is not None:
            said.append(_mask_text(body, text_start < 0))
            if text_start < 0:
                text_start = offset
                speaker = speaker_of(body)
            elif speaker is None and (voice := _VOICE.search(body)):
                speaker = voice.group(1).strip()
            text_end = offset + len(body)
        offset += len(line)
    close()
    return Transcript(tuple(cues))


def transcript_of(text: str, kind: str) -> Transcript | None:
    """The parsed transcript of a source's text, when it is one (by kind or by its first lines)."""
    text = text.removeprefix("\ufeff")
    if kind != "transcript" and not looks_like(text.splitlines()[:12]):
        return None
    return parse(text)
