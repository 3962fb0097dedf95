"""The files a command writes: never one it reads, and always whole (a finished temporary file replaces it).

An output that is also an input (`bingo scan a.txt -o a.txt`, a symlink or hard link to a scanned
file, the lexicon, configuration, baseline or word list) is refused before anything is read, so a
slip of the fingers cannot destroy what the user gave. A report, card or game file is written to
a temporary file beside its target, flushed to disk and renamed over it: a full disk or a crash
leaves the old file as it was, never half of a new one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, NoReturn, TextIO, overload

from bingo.errors import BingoError

Named = tuple[str, Path]  # what a file is to the command ("--output", "lexicon file", ...) and its path

FILE_TYPES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".svg": "svg", ".txt": "text", ".json": "json",
              ".sarif": "sarif"}
"""What an output file's suffix says it holds: the one map `bingo card` and `bingo scan -o` read formats from."""


def file_type(path: Path | None) -> str | None:
    """The kind of document an output file's suffix names (case-insensitive); None: no file or unknown suffix."""
    return FILE_TYPES.get(path.suffix.lower()) if path is not None else None


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and inode a path names (through symlinks), None when it does not exist."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def clash(writes: Iterable[Named], reads: Iterable[Named]) -> str | None:
    """The first output that is also an input, as a one-line message; None when there is none.

    Existing files are compared by device and inode (as `os.path.samefile` does: symlinks, hard
    links, `../` detours); a path that does not exist yet, by where it resolves to.
    """
    inputs = [(role, path, _identity(path)) for role, path in reads]
    for option, target in writes:
        identity = _identity(target)
        for role, path, other in inputs:
            same = identity == other if identity is not None or other is not None else (
                os.path.realpath(target) == os.path.realpath(path))
            if same:
                return f"{target}: {option} would overwrite the {role} {path}"
    return None


def refuse_overwrite(writes: Iterable[Named], reads: Iterable[Named]) -> None:
    """Raise BingoError when an output is an input (see `clash`)."""
    message = clash(writes, reads)
    if message is not None:
        raise BingoError(message)


@overload
def atomic_write(target: Path, mode: Literal["w"] = "w") -> contextlib.AbstractContextManager[TextIO]: ...
@overload
def atomic_write(target: Path, mode: Literal["wb"]) -> contextlib.AbstractContextManager[BinaryIO]: ...


def atomic_write(target: Path, mode: Literal["w", "wb"] = "w") -> contextlib.AbstractContextManager[IO[Any]]:
    """A handle (text in UTF-8, or binary) whose content replaces `target` only when the block succeeds.

    The temporary file (`.NAME.RANDOM.tmp` beside the target, hidden from directory scans) gets
    the mode of the file it replaces, or 0o666 less the umask for a new one; on any error it is
    removed and the exception (an OSError for a full disk) propagates, the old target intact. A
    symlink stays a symlink (the file it points to is replaced); a target that is not a regular
    file (/dev/stdout, a FIFO) cannot be replaced and is written into directly.
    """
    return _replacing(target, mode)


@contextlib.contextmanager
def _replacing(target: Path, mode: Literal["w", "wb"]) -> Iterator[IO[Any]]:
    """The body of `atomic_write`."""
    text: dict[str, Any] = {"encoding": "utf-8"} if mode == "w" else {}
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(target, mode, **text) as handle:
            yield handle
        return
    real = Path(os.path.realpath(target))
    fd, temporary = _create_beside(real, existing)
    try:
        with os.fdopen(fd, mode, **text) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _create_beside(real: Path, existing: os.stat_result | None) -> tuple[int, Path]:
    """Create a new, empty temporary file in the target's directory with the target's mode."""
    while True:
        temporary = real.with_name(f".{real.name[:200]}.{secrets.token_hex(4)}.tmp")
        try:  # O_EXCL: never a file (or symlink) someone else put there; the kernel applies the umask
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        except FileExistsError:
            continue
        break
    if existing is not None:
        try:
            os.fchmod(fd, stat.S_IMODE(existing.st_mode))
            with contextlib.suppress(OSError):  # only root may give a file away: keep what we can
                os.fchown(fd, existing.st_uid, existing.st_gid)
        except BaseException:
            os.close(fd)
            os.unlink(temporary)
            raise
    return fd, temporary


def broken_pipe() -> NoReturn:
    """Raise the closed pipe as an OSError: rich's Console would end the process with exit 1 instead.

    Set as `console.on_broken_pipe`, so that `bingo scan … | head -1` reaches the CLI's handling
    of a closed stdout (quiet, exit 0) like every other format.
    """
    raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
