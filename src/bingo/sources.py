"""Find inputs and read them as a stream of paragraphs, with non-prose masked out.

Masking replaces code, URLs and markup with characters of the same length, so every offset
into the scanned text is also an offset into the original file: no mapping is needed.
"""

from __future__ import annotations

import codecs
import fnmatch
import io
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from bingo import suppress
from bingo.errors import InputError
from bingo.lines import BREAK_CHARS, STREAM_BREAK, ends_with_break
from bingo.markup import MASK, PlainMasker, masker
from bingo.suppress import Directives
from bingo.transcript import TranscriptMasker, looks_like

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".rst": "text", ".html": "html", ".htm": "html", ".vtt": "transcript", ".srt": "transcript"}
SKIP_DIRS = {"node_modules", "__pycache__", "venv"}
MAX_PARAGRAPH = 64 * 1024
MAX_LINE = 256 * 1024
SNIFF_BYTES = 8192
SNIFF_LINES = 12  # enough for a WEBVTT header or an SRT cue number and timing after blank lines
STDIN = "<stdin>"


@dataclass(frozen=True)
class Source:
    """One input: a file, stdin or an in-memory text."""

    path: str
    kind: str = "text"
    file: Path | None = None
    text: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A run of non-blank lines: original text, the text to scan, its offset and first line."""

    text: str
    scan: str
    start: int
    line: int
    suppressed: dict[int, frozenset[str]] | None = None


def kind_for(path: str | os.PathLike[str]) -> str:
    """The input kind for a file name (text when unknown)."""
    return TEXT_SUFFIXES.get(Path(path).suffix.lower(), "text")


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in SKIP_DIRS


def discover(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> list[Source]:
    """Expand files and directories into sources, in a stable order; '-' is stdin.

    Directories are walked recursively for text-like files (plus `include` globs), skipping
    hidden and VCS folders; files named explicitly are always taken.
    """
    include = list(include)
    exclude = list(exclude)
    out: list[Source] = []
    for raw in paths:
        if raw == "-":
            out.append(Source(STDIN))
            continue
        path = Path(raw)
        if path.is_dir():
            out.extend(_walk(path, include, exclude))
        else:
            out.append(Source(raw, kind_for(raw), file=path))
    return out


def _walk(root: Path, include: list[str], exclude: list[str]) -> Iterator[Source]:
    """Text-like files below `root`, sorted, hidden folders skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        for name in sorted(filenames):
            full = Path(dirpath) / name
            rel = full.relative_to(root).as_posix()
            wanted = full.suffix.lower() in TEXT_SUFFIXES or any(
                fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in include)
            if wanted and not name.startswith(".") and not any(
                    fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in exclude):
                yield Source(str(full), kind_for(name), file=full)


def _open(source: Source, stdin: BinaryIO | None) -> BinaryIO:
    """Open a source as bytes, raising InputError with a one-line reason."""
    if source.text is not None:
        return io.BytesIO(source.text.encode("utf-8"))
    if source.file is None:
        if stdin is None:
            raise InputError(source.path, "no standard input")
        return stdin
    try:
        if source.file.is_dir():
            raise InputError(source.path, "is a directory")
        return open(source.file, "rb")
    except FileNotFoundError:
        raise InputError(source.path, "no such file") from None
    except PermissionError:
        raise InputError(source.path, "permission denied") from None
    except OSError as exc:
        raise InputError(source.path, f"cannot read: {exc.strerror or exc}") from None


def _lines(source: Source, raw: BinaryIO) -> Iterator[str]:
    """Decode a byte stream as UTF-8 (BOM allowed) line by line, keeping line endings."""
    head = raw.read(SNIFF_BYTES)
    if b"\0" in head:
        raise InputError(source.path, "looks like a binary file (contains NUL bytes)")
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    pending = ""
    line_no = 1
    chunk = head
    while True:
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError:
            raise InputError(source.path, f"not valid UTF-8 (near line {line_no})") from None
        if line_no == 1 and not pending:
            text = text.removeprefix("\ufeff")
        pending += text
        end = 0
        for match in STREAM_BREAK.finditer(pending):
            yield pending[end:match.end()]
            end = match.end()
            line_no += 1
        pending = pending[end:]
        while len(pending) > MAX_LINE:  # a huge line without newlines: cut at a space
            cut = pending.rfind(" ", 0, MAX_LINE) + 1 or MAX_LINE
            yield pending[:cut]
            pending = pending[cut:]
        if not chunk:
            break
        chunk = raw.read(1 << 16)
    if pending:
        yield pending


def paragraphs(source: Source, stdin: BinaryIO | None = None, skip_quotes: bool = False) -> Iterator[Paragraph]:
    """Stream a source as paragraphs; raise InputError for unreadable, binary or non-UTF-8 input."""
    raw = _open(source, stdin)
    try:
        yield from _paragraphs(*_sniffed(_lines(source, raw), source.kind, skip_quotes))
    finally:
        if raw is not stdin:
            raw.close()


def paragraphs_of_bytes(path: str, kind: str, data: bytes, skip_quotes: bool = False) -> Iterator[Paragraph]:
    """Paragraphs of a piece of a file that starts at a line start (offsets relative to the piece)."""
    return _paragraphs(*_sniffed(_lines(Source(path, kind), io.BytesIO(data)), kind, skip_quotes))


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
    directives = Directives()
    size = offset = start = first_line = 0
    line = 1
    for text in lines:
        masked = mask(text)
        if "bingo:" in text:
            masked = suppress.mask(masked)
        blank = not masked.strip() or not masked.strip(MASK + " \t" + BREAK_CHARS)
        if buf and ((blank and not mask.continuous) or size > MAX_PARAGRAPH):
            yield Paragraph("".join(buf), "".join(scan), start, first_line, suppressed or None)
            buf, scan, size, suppressed = [], [], 0, {}
        if "bingo:" in text or directives.block is not None or directives.next_line is not None:
            ids = directives.feed(text)
            if ids is not None:
                suppressed[line] = ids
        if not blank or (buf and mask.continuous):
            if not buf:
                start, first_line = offset, line
            buf.append(text)
            scan.append(masked)
            size += len(text)
        offset += len(text)
        if ends_with_break(text):
            line += 1
    if buf:
        yield Paragraph("".join(buf), "".join(scan), start, first_line, suppressed or None)
