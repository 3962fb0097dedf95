"""Read a source as lines of text: open it, sniff for a binary file, decode UTF-8, cut over-long lines.

A file is decoded chunk by chunk, so memory stays flat however large it is; every character is
kept (line endings too), so offsets into the lines are offsets into the file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from bingo.errors import InputError
from bingo.lines import STREAM_BREAK, ends_with_break
from bingo.sources import Source

MAX_LINE = 256 * 1024
SNIFF_BYTES = 8192


def open_bytes(source: Source, stdin: BinaryIO | None) -> BinaryIO:
    """Open a source as bytes, raising InputError with a one-line reason."""
    if source.error is not None:
        raise InputError(source.path, source.error)
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


def decoded(source: Source, raw: BinaryIO, at_start: bool = True) -> Iterator[str]:
    """A byte stream decoded as UTF-8, chunk by chunk (raises UnicodeDecodeError).

    Only the start of a file (`at_start`) is sniffed for NUL bytes and may hold a BOM: a U+FEFF
    further on, at the start of a range a worker reads, is text like any other character.
    """
    head = raw.read(SNIFF_BYTES)
    if at_start and b"\0" in head:
        raise InputError(source.path, "looks like a binary file (contains NUL bytes)")
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    chunk = head
    while True:
        text = decoder.decode(chunk, final=not chunk)
        if at_start:
            text = text.removeprefix("\ufeff")
            at_start = not text  # the BOM may come after an empty first read
        yield text
        if not chunk:
            return
        chunk = raw.read(1 << 16)


def given(source: Source, text: str) -> Iterator[str]:
    """A caller's string as it is: no BOM dropped (offsets index it), lone surrogates kept."""
    nul = text.find("\0", 0, SNIFF_BYTES)
    if nul != -1 and len(text[:nul].encode("utf-8", "surrogatepass")) < SNIFF_BYTES:  # as bytes would be sniffed
        raise InputError(source.path, "looks like a binary file (contains NUL bytes)")
    yield text


def split_lines(source: Source, chunks: Iterator[str]) -> Iterator[str]:
    """Text chunks as lines, keeping line endings; lines longer than MAX_LINE in pieces (see `_pieces`)."""
    pending = ""
    line_no = 1
    while True:
        try:
            text = next(chunks, None)
        except UnicodeDecodeError:
            raise InputError(source.path, f"not valid UTF-8 (near line {line_no})") from None
        if text is None:
            break
        pending += text
        end = 0
        for match in STREAM_BREAK.finditer(pending):
            line = pending[end:match.end()]
            if len(line) > MAX_LINE:
                yield from _pieces(line)
            else:
                yield line  # the common case, without a generator per line
            end = match.end()
            line_no += 1
        pending = pending[end:]
        # a huge line without a break yet: its first pieces are the same as once the line is complete
        waiting = 1 if pending.endswith("\r") else 0
        while len(pending) - waiting > MAX_LINE:
            cut = _cut(pending)
            yield pending[:cut]
            pending = pending[cut:]
    if pending:
        yield from _pieces(pending)


def _pieces(line: str) -> Iterator[str]:
    """A line (with its break, if any) cut into pieces whose text is at most MAX_LINE characters.

    Cuts depend on the line alone, never on how the stream was read, so a file read in one go and
    in ranges is cut alike; a line break is never split from its line.
    """
    size = len(line) - (2 if line.endswith("\r\n") else 1 if ends_with_break(line) else 0)
    while size > MAX_LINE:
        cut = _cut(line)
        yield line[:cut]
        line = line[cut:]
        size -= cut
    yield line


def _cut(text: str) -> int:
    """Where to cut a text longer than MAX_LINE: after the last space in reach, else at MAX_LINE."""
    return text.rfind(" ", 0, MAX_LINE) + 1 or MAX_LINE
