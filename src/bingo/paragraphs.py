"""Read a source as a stream of paragraphs, with non-prose masked out and `bingo:` directives read.

Masking replaces code, URLs and markup with characters of the same length, so every offset
into the scanned text is also an offset into the original file: no mapping is needed.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from bingo import suppress
from bingo.lines import LINE_ENDS
from bingo.markup import BLANK, PlainMasker, masker
from bingo.reading import decoded, given, open_bytes, split_lines
from bingo.sources import Source
from bingo.suppress import Directives
from bingo.transcript import TranscriptMasker, looks_like

MAX_PARAGRAPH = 64 * 1024
SNIFF_LINES = 12  # enough for a WEBVTT header or an SRT cue number and timing after blank lines
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Paragraph:
    """A run of non-blank lines: original text, the text to scan, its offset and first line."""

    text: str
    scan: str
    start: int
    line: int
    suppressed: dict[int, frozenset[str]] | None = None
    column: int = 1
    """The column of the paragraph's first character: past 1 when it starts inside a long line."""
    named: tuple[tuple[int, str], ...] = ()
    """(line, name) of each entry id or category a `bingo:` directive in or just before the paragraph names."""


def paragraphs(source: Source, stdin: BinaryIO | None = None, skip_quotes: bool = False) -> Iterator[Paragraph]:
    """Stream a source as paragraphs; raise InputError for unreadable, binary or non-UTF-8 input."""
    if source.text is not None:
        lines, mask = _sniffed(split_lines(source, given(source, source.text)), source.kind, skip_quotes)
        yield from _paragraphs(lines, _NoSurrogates(mask))
        return
    raw = open_bytes(source, stdin)
    try:
        yield from _paragraphs(*_sniffed(split_lines(source, decoded(source, raw)), source.kind, skip_quotes))
    finally:
        if raw is not stdin:
            raw.close()


def paragraphs_of_bytes(path: str, kind: str, data: bytes, skip_quotes: bool = False,
                        at_start: bool = True) -> Iterator[Paragraph]:
    """Paragraphs of a piece of a file that starts at a line start (offsets relative to the piece).

    `at_start`: the piece is the start of the file, the only place a BOM or a binary file's NULs are looked for.
    """
    source = Source(path, kind)
    return _paragraphs(*_sniffed(split_lines(source, decoded(source, io.BytesIO(data), at_start)), kind, skip_quotes))


def runs(stream: Iterable[Paragraph], chars: int) -> Iterator[list[Paragraph]]:
    """Consecutive paragraphs in runs of at least `chars` characters (the last run may be shorter).

    A run is handed on as soon as it is long enough, so the stream is read no further than that.
    """
    run: list[Paragraph] = []
    size = 0
    for para in stream:
        run.append(para)
        size += len(para.text)
        if size >= chars:
            yield run
            run, size = [], 0
    if run:
        yield run


class _NoSurrogates(PlainMasker):
    """A masker, then lone surrogates (only a caller's string has them) as U+FFFD: the tokenizer cannot encode them."""

    def __init__(self, mask: PlainMasker) -> None:
        super().__init__(mask.skip_quotes)
        self.mask = mask
        self.continuous = mask.continuous

    def __call__(self, line: str) -> str:
        """The masked line, lone surrogates replaced (same length)."""
        return _SURROGATE.sub("\ufffd", self.mask(line))

    def masked(self, lines: Iterable[str]) -> Iterator[tuple[str, str]]:
        """The wrapped masker's lines, lone surrogates replaced."""
        for line, masked in self.mask.masked(lines):
            yield line, _SURROGATE.sub("\ufffd", masked)


def _sniffed(lines: Iterator[str], kind: str, skip_quotes: bool) -> tuple[Iterator[str], PlainMasker]:
    """The lines and the masker for them: a plain text that starts like a transcript is one."""
    if kind == "transcript":
        return lines, TranscriptMasker(skip_quotes)
    if kind != "text":
        return lines, masker(kind, skip_quotes)
    head = list(itertools.islice(lines, SNIFF_LINES))
    mask = TranscriptMasker(skip_quotes) if looks_like(head) else masker(kind, skip_quotes)
    return itertools.chain(head, lines), mask


def _paragraphs(lines: Iterable[str], mask: PlainMasker) -> Iterator[Paragraph]:
    """Group lines into paragraphs at blank lines (and at a size limit, at a line end).

    A transcript's masker is `continuous`: its blank lines only separate cues, and a phrase may
    run on from one cue into the next, so they stay inside the paragraph.
    """
    buf: list[str] = []
    scan: list[str] = []
    suppressed: dict[int, frozenset[str]] = {}
    named: list[tuple[int, str]] = []  # a directive alone on a blank-masked line goes with the next paragraph
    directives = Directives()
    size = offset = start = first_line = 0
    line = column = first_column = 1
    for text, masked in mask.masked(lines):
        if "bingo:" in text:
            masked = suppress.mask(masked)
        blank = not masked.strip(BLANK) or masked.isspace()  # isspace: other Unicode spaces, without a copy
        if buf and ((blank and not mask.continuous) or size > MAX_PARAGRAPH):
            yield Paragraph("".join(buf), "".join(scan), start, first_line, suppressed or None, first_column,
                            tuple(named))
            buf, scan, size, suppressed, named = [], [], 0, {}, []
        if "bingo:" in text or directives.block is not None or directives.next_line is not None:
            ids = directives.feed(text)
            if ids is not None:
                suppressed[line] = ids
            named.extend((line, name) for name in sorted(directives.named))
        if not blank or (buf and mask.continuous):
            if not buf:
                start, first_line, first_column = offset, line, column
            buf.append(text)
            scan.append(masked)
            size += len(text)
        offset += len(text)
        if text.endswith(LINE_ENDS):  # `lines.ends_with_break`, inline: this loop runs once per line
            line += 1
            column = 1
        else:
            column += len(text)  # a piece of a long line: the next piece goes on in the same line
    if buf:
        yield Paragraph("".join(buf), "".join(scan), start, first_line, suppressed or None, first_column, tuple(named))
