"""What every command shares about the terminal: diagnostics on stderr, user errors as exit 2, colours,
the progress bar, the report format `auto` stands for, and how a run ends when its surroundings fail.

- stdout read by a pipe that closed (`bingo scan big | head -1`): exit 0 quietly, as `yes | head -1`
  does; the reader has what it wanted.
- stdout on a full disk, /dev/full or closed (`>&-`): one line on stderr, exit 2.
- Ctrl-C, SIGTERM, SIGHUP: no output, exit 128 + the signal's number (130, 143, 129); the worker
  pool is terminated on the way out (`bingo.pool`). Only the first signal counts: later ones
  are ignored, so they cannot interrupt that clean-up.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, BinaryIO, TextIO

import typer

from bingo.errors import BingoError
from bingo.gates import EXIT_ERROR, EXIT_OK
from bingo.report import FORMATTERS

ENDING_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
OUTPUT_ERRORS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}
"""Errors of a write to stdout (reading inputs and writing --output report theirs as user errors)."""
PROGRESS_MIN_BYTES = 2 * 1024 * 1024  # smaller runs finish before a bar would be worth drawing

# called with a run's total bytes, returns the callback to advance the bar by n bytes (None: no bar)
StartProgress = Callable[[int], Callable[[int], None] | None]


def err(message: str) -> None:
    """Write a one-line diagnostic to stderr."""
    typer.echo(f"bingo: {message}", err=True)


def report_error(exc: BingoError) -> None:
    """A user error as `bingo: error: ...` lines, one per line of its message."""
    for line in str(exc).splitlines() or [type(exc).__name__]:
        err(f"error: {line}")


def guarded(command: Callable[..., int]) -> Callable[..., int]:
    """Turn user errors into a one-line message and exit 2, and a non-zero result into typer.Exit.

    A failed write to stdout ends the command here, before click's own handling (which exits 1 on a
    closed pipe): see `output_failed`.
    """
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        try:
            code = command(*args, **kwargs)
            flush_stdout()  # a write error still in the buffer surfaces here, not at exit
        except BingoError as exc:
            report_error(exc)
            raise typer.Exit(EXIT_ERROR) from None
        except OSError as exc:
            lost = output_failed(exc)
            if lost is None:
                raise
            raise typer.Exit(lost) from None
        if code:
            raise typer.Exit(code)
        return EXIT_OK
    return wrapper


DEFAULT_WIDTH = 100
"""The human report's width when stdout is no terminal and COLUMNS is not set (output stays reproducible)."""
WIDTH_RANGE = (40, 400)


def color_wanted(stream: TextIO | None) -> bool:
    """Colours on a terminal unless NO_COLOR is set; FORCE_COLOR forces them anywhere (force-color.org).

    Both variables count when set and not empty, whatever their value; FORCE_COLOR wins over
    NO_COLOR, as in force-color.org's reference implementation (NO_COLOR first, FORCE_COLOR after).
    """
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR"):
        return False
    return is_terminal(stream)


def is_terminal(stream: TextIO | None) -> bool:
    """True when `stream` is a terminal."""
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def report_width(stream: TextIO | None) -> int:
    """The human report's width: COLUMNS if set, else the terminal's width, else DEFAULT_WIDTH (within WIDTH_RANGE)."""
    width = DEFAULT_WIDTH
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        width = int(columns)
    elif stream is not None and is_terminal(stream):
        with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
            width = os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH
    return min(max(width, WIDTH_RANGE[0]), WIDTH_RANGE[1])


def stdin_bytes() -> BinaryIO | None:
    """Standard input as bytes (sources decode it themselves), or None when there is none."""
    return sys.stdin.buffer if sys.stdin is not None and hasattr(sys.stdin, "buffer") else None


def pick_format(name: str, stdout_is_tty: bool) -> str:
    """Resolve `auto`: github under GitHub Actions, plain when piped, rich on a terminal (or with FORCE_COLOR)."""
    if name != "auto":
        return name
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMATTERS:
        return "github"
    return "rich" if stdout_is_tty else "plain"


@contextlib.contextmanager
def progress_bar() -> Iterator[StartProgress | None]:
    """A rich progress bar on stderr for long runs, only when stderr is a terminal."""
    if not (sys.stderr is not None and sys.stderr.isatty()) or os.environ.get("BINGO_NO_PROGRESS"):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                   console=Console(file=sys.stderr), transient=True)
    task: list[Any] = []

    def start(total: int) -> Callable[[int], None] | None:
        if total < PROGRESS_MIN_BYTES:
            return None
        bar.start()
        task.append(bar.add_task("scanning", total=total))
        return lambda amount: bar.advance(task[0], amount)

    try:
        yield start
    finally:
        if task:
            bar.update(task[0], completed=bar.tasks[0].total)
            bar.stop()


class Interrupted(BaseException):
    """SIGTERM or SIGHUP arrived: end the run (a BaseException, so no `except Exception` stops it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class ClosedOutput(io.TextIOBase):
    """Stands in for a stdout that was closed before the start: writing to it is an error, not a silent loss."""

    encoding = "utf-8"

    def writable(self) -> bool:
        """Writes are accepted, and fail."""
        return True

    def write(self, text: str) -> int:
        """Fail like a write to a closed descriptor."""
        raise OSError(errno.EBADF, "it is closed")


def standard_streams() -> None:
    """Put /dev/null on closed descriptors 0-2, and a `ClosedOutput` on a closed stdout.

    Otherwise the next file opened gets the free number: a worker pool's pipe on fd 0 turns
    `bingo scan /dev/stdin` into a read that never ends.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    if sys.stdout is None:
        sys.stdout = ClosedOutput()


def flush_stdout() -> None:
    """Flush stdout (may raise OSError)."""
    if sys.stdout is not None:
        sys.stdout.flush()


def output_failed(exc: OSError) -> int | None:
    """The exit code for a failed write to stdout (None: `exc` is some other error).

    A closed pipe exits 0 without a word; anything else is reported on one line and exits 2.
    Either way stdout is abandoned, so the interpreter's last flush finds nothing to complain about.
    """
    if exc.errno not in OUTPUT_ERRORS:
        return None
    _abandon_stdout()
    if exc.errno == errno.EPIPE:
        return EXIT_OK
    err(f"error: cannot write to standard output: {exc.strerror or exc}")
    return EXIT_ERROR


def _abandon_stdout() -> None:
    """Point stdout's descriptor at /dev/null: what is still buffered goes nowhere, without an error at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


@contextlib.contextmanager
def signals_end_run() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt, SIGTERM and SIGHUP `Interrupted`; handlers restored afterwards.

    The first of them makes the process ignore the rest until the run is over.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set in the main thread
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        for number in ENDING_SIGNALS:
            signal.signal(number, signal.SIG_IGN)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt  # `bingo live` ends the game with it
        raise Interrupted(signum)

    previous = {number: signal.signal(number, handler) for number in ENDING_SIGNALS}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
