"""Find inputs and read them as a stream of paragraphs, with non-prose masked out.

Masking replaces code, URLs and markup with characters of the same length, so every offset
into the scanned text is also an offset into the original file: no mapping is needed.
"""

from __future__ import annotations

import codecs
import io
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from bingo import ignore, suppress
from bingo.errors import BingoError, InputError
from bingo.lines import STREAM_BREAK, ends_with_break
from bingo.markup import BLANK, PlainMasker, masker
from bingo.suppress import Directives
from bingo.transcript import TranscriptMasker, looks_like

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".mdx": "mdx",
                 ".rst": "rst", ".html": "html", ".htm": "html", ".vtt": "transcript", ".srt": "transcript"}
SKIP_DIRS = {"node_modules", "__pycache__", "venv"}
MAX_PARAGRAPH = 64 * 1024
MAX_LINE = 256 * 1024
SNIFF_BYTES = 8192
SNIFF_LINES = 12  # enough for a WEBVTT header or an SRT cue number and timing after blank lines
STDIN = "<stdin>"
_SURROGATE = re.compile("[\ud800-\udfff]")
NOT_A_FILE = "not a regular file (FIFO, socket or device): skipped"


@dataclass(frozen=True)
class Source:
    """One input: a file, stdin or an in-memory text (`error`: why it cannot be read, found while walking)."""

    path: str
    kind: str = "text"
    file: Path | None = None
    text: str | None = None
    error: str | None = None


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


def kind_for(path: str | os.PathLike[str]) -> str:
    """The input kind for a file name (text when unknown)."""
    return TEXT_SUFFIXES.get(Path(path).suffix.lower(), "text")


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in SKIP_DIRS


def discover(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (), *,
             ignore_files: bool = True, force_exclude: bool = False, stdin_name: str | None = None) -> list[Source]:
    """Expand files and directories into sources, in a stable order; '-' is stdin (see `walk_inputs`)."""
    return walk_inputs(paths, include, exclude, ignore_files=ignore_files, force_exclude=force_exclude,
                       stdin_name=stdin_name)[0]


def walk_inputs(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (), *,
                ignore_files: bool = True, force_exclude: bool = False, stdin_name: str | None = None
                ) -> tuple[list[Source], int]:
    """The sources and how many named inputs `force_exclude` dropped.

    Directories are walked recursively for text-like regular files (plus `include` globs), skipping
    hidden and VCS folders, what the `exclude` globs match and (with `ignore_files`) what
    `.gitignore`/`.bingoignore` files ignore (see bingo.ignore). Files named explicitly are taken
    (a named pipe too) unless `force_exclude` applies the same skipping to them, as pre-commit needs.
    Standard input is called `stdin_name` when given (its kind from that name's suffix). What a walk
    cannot take, a FIFO or an unreadable folder, becomes a source with an `error`: reported, not
    passed over in silence. An empty path is a user error, not the current directory.
    """
    include, exclude = list(include), list(exclude)
    out: list[Source] = []
    dropped = 0
    named: dict[Path, ignore.Rules] = {}  # per folder: pre-commit names many files in few folders
    for raw in paths:
        if not raw:
            raise BingoError("an empty path names no file or directory (use '.' for the current directory)")
        name = stdin_name if raw == "-" else raw
        path = Path(raw)
        if raw != "-" and path.is_dir():
            out.extend(_walk(path, ignore.rules_for(path, exclude, include, ignore_files)))
            continue
        if force_exclude and name is not None:
            where = Path(name).parent if Path(name).parent.is_dir() else Path.cwd()
            if where not in named:
                named[where] = ignore.rules_for(where, exclude, (), ignore_files)
            if named[where].skips_named(ignore.absolute(name)):
                dropped += 1
                continue
        if raw == "-":
            out.append(Source(name or STDIN, kind_for(name) if name else "text"))
        else:
            out.append(Source(raw, kind_for(raw), file=path))
    return out, dropped


def _walk(root: Path, top: ignore.Rules) -> Iterator[Source]:
    """Text-like files below `root`, sorted, hidden and ignored folders skipped; unreadable ones, non-files: errors."""
    problems: list[OSError] = []
    parents: dict[Path, ignore.Rules] = {}  # a walked folder's parent's rules (the root's own include its files)
    for dirpath, dirnames, filenames in os.walk(root, onerror=problems.append):
        yield from _unreadable(problems)
        here = Path(dirpath).resolve()
        parent = parents.pop(here, None)
        folder = top if parent is None else parent.below(here)
        base = ignore.absolute(here / "x")[:-1]  # the folder's matched form, with its trailing '/'
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d) and not folder.skips(base + d, is_dir=True))
        for d in dirnames:  # each subfolder's rules: these plus its own ignore files, read when it is walked
            parents[here / d] = folder
        for name in sorted(filenames):
            full = Path(dirpath) / name
            wanted = full.suffix.lower() in TEXT_SUFFIXES or folder.includes(base + name)
            if wanted and not name.startswith(".") and not folder.skips(base + name):
                # opening a FIFO or a device would wait for a writer that never comes
                error = None if full.is_file() or not full.exists() else NOT_A_FILE
                yield Source(str(full), kind_for(name), file=full, error=error)
    yield from _unreadable(problems)


def _unreadable(problems: list[OSError]) -> Iterator[Source]:
    """The folders a walk could not list, as sources that report why (and empties `problems`)."""
    for exc in problems:
        reason = "permission denied" if isinstance(exc, PermissionError) else f"cannot read: {exc.strerror or exc}"
        path = str(exc.filename) if exc.filename is not None else "?"
        yield Source(path, file=Path(path), error=f"{reason} (folder not scanned)")
    problems.clear()


def _open(source: Source, stdin: BinaryIO | None) -> BinaryIO:
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


def _decoded(source: Source, raw: BinaryIO, at_start: bool = True) -> Iterator[str]:
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


def _given(source: Source, text: str) -> Iterator[str]:
    """A caller's string as it is: no BOM dropped (offsets index it), lone surrogates kept."""
    nul = text.find("\0", 0, SNIFF_BYTES)
    if nul != -1 and len(text[:nul].encode("utf-8", "surrogatepass")) < SNIFF_BYTES:  # as bytes would be sniffed
        raise InputError(source.path, "looks like a binary file (contains NUL bytes)")
    yield text


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


def _lines(source: Source, chunks: Iterator[str]) -> Iterator[str]:
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


def paragraphs(source: Source, stdin: BinaryIO | None = None, skip_quotes: bool = False) -> Iterator[Paragraph]:
    """Stream a source as paragraphs; raise InputError for unreadable, binary or non-UTF-8 input."""
    if source.text is not None:
        lines, mask = _sniffed(_lines(source, _given(source, source.text)), source.kind, skip_quotes)
        yield from _paragraphs(lines, _NoSurrogates(mask))
        return
    raw = _open(source, stdin)
    try:
        yield from _paragraphs(*_sniffed(_lines(source, _decoded(source, raw)), source.kind, skip_quotes))
    finally:
        if raw is not stdin:
            raw.close()


def paragraphs_of_bytes(path: str, kind: str, data: bytes, skip_quotes: bool = False,
                        at_start: bool = True) -> Iterator[Paragraph]:
    """Paragraphs of a piece of a file that starts at a line start (offsets relative to the piece).

    `at_start`: the piece is the start of the file, the only place a BOM or a binary file's NULs are looked for.
    """
    source = Source(path, kind)
    return _paragraphs(*_sniffed(_lines(source, _decoded(source, io.BytesIO(data), at_start)), kind, skip_quotes))


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
        blank = not masked.strip() or not masked.strip(BLANK)
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
        if ends_with_break(text):
            line += 1
            column = 1
        else:
            column += len(text)  # a piece of a long line: the next piece goes on in the same line
    if buf:
        yield Paragraph("".join(buf), "".join(scan), start, first_line, suppressed or None, first_column, tuple(named))
