"""Hits said in a transcript: each gains the start and end time and the speaker of its cue.

Sources are streamed as paragraphs; the cues need the file whole, so a transcript is read a
second time, after its scan (only transcripts: a plain text is sniffed from its first bytes).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from typing import BinaryIO

from bingo.hits import Cue as CueFields
from bingo.models import FileResult
from bingo.reading import SNIFF_BYTES
from bingo.sources import STDIN, Source
from bingo.transcript import Cue, Transcript, clock, looks_like, parse, transcript_of

SNIFFED_KINDS = ("text", "transcript")  # the kinds that are or may be a transcript ("plain" is text, never sniffed)


def transcript_for(source: Source, stdin: BinaryIO | None = None) -> Transcript | None:
    """The cues of a source that is a transcript (None: it is none, or it is a stream that cannot be read again)."""
    if source.kind not in SNIFFED_KINDS:
        return None
    if source.text is not None:  # a caller's string: its BOM, if any, is kept, and so are the offsets into it
        known = source.kind == "transcript" or looks_like(source.text.splitlines()[:12])
        return parse(source.text) if known else None
    if source.file is not None:
        try:
            with open(source.file, "rb") as handle:
                head = handle.read(SNIFF_BYTES)
                if source.kind != "transcript" and not looks_like(head.decode("utf-8", "replace").splitlines()[:12]):
                    return None  # not worth reading a long plain text twice
                data = head + handle.read()
        except OSError:
            return None  # the scan has reported why it cannot be read
    elif isinstance(stdin, io.BytesIO):
        data = stdin.getvalue()
    else:
        return None
    return transcript_of(data.decode("utf-8", errors="replace"), source.kind)


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were read already: those bytes again, then the rest of it."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        """Always."""
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # typeshed: Buffer
        """Fill `buffer` from the head first, then from the stream."""
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def rereadable(stdin: BinaryIO | None, sources: Sequence[Source]) -> BinaryIO | None:
    """Standard input, kept whole when it is a transcript so its cues can be read after the scan.

    Only a transcript is kept (a `WEBVTT` or SRT start, or read as one): any other stdin is
    streamed as before, its first bytes put back, so a long piped text never sits in memory twice.
    """
    source = next((s for s in sources if s.path == STDIN), None)
    if stdin is None or source is None or isinstance(stdin, io.BytesIO) or source.kind not in SNIFFED_KINDS:
        return stdin
    head = stdin.read(SNIFF_BYTES)
    if source.kind == "transcript" or looks_like(head.decode("utf-8", "replace").splitlines()[:12]):
        return io.BytesIO(head + stdin.read())
    return io.BufferedReader(_Prefixed(head, stdin))


def untimed(transcript: Transcript | None, path: str, most: int = 3) -> list[str]:
    """`FILE:LINE: ...` for the first cues whose time cannot be read (read leniently: they rank after timed ones)."""
    bad = [cue for cue in (transcript.cues if transcript else ()) if cue.begins is None]
    lines = [f"{path}:{cue.line}: cannot read the cue's start time; its hits rank after every timed cue's"
             for cue in bad[:most]]
    return lines + ([f"{path}: {len(bad) - most} more cue(s) without a readable time"] if len(bad) > most else [])


def fields_of(cue: Cue) -> CueFields:
    """A cue as a hit's `time`, `end_time` and `speaker`."""
    return (None if cue.begins is None else clock(cue.begins), None if cue.ends is None else clock(cue.ends),
            cue.speaker)


def with_cues(result: FileResult, transcript: Transcript | None) -> FileResult:
    """The result with each hit's cue fields set (unchanged when the source is no transcript)."""
    if transcript is None or result.error is not None or not result.hits:
        return result

    def cue_at(offset: int) -> CueFields | None:
        cue = transcript.cue_at(offset)
        return None if cue is None else fields_of(cue)

    return replace(result, hits=result.hits.with_cues(cue_at))


def annotate(result: FileResult, source: Source, stdin: BinaryIO | None = None) -> FileResult:
    """`with_cues` for a scanned source, its transcript read again."""
    if result.error is not None or not result.hits:
        return result
    return with_cues(result, transcript_for(source, stdin))
