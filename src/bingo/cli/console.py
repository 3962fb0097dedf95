"""What every command shares about the terminal: diagnostics on stderr, user errors as exit 2, colours,
the progress bar, the report format `auto` stands for."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, TextIO

import typer

from bingo.errors import BingoError
from bingo.gates import EXIT_ERROR, EXIT_OK
from bingo.report import FORMATTERS

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
    """Turn user errors into a one-line message and exit 2, and a non-zero result into typer.Exit."""
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        try:
            code = command(*args, **kwargs)
        except BingoError as exc:
            report_error(exc)
            raise typer.Exit(EXIT_ERROR) from None
        if code:
            raise typer.Exit(code)
        return EXIT_OK
    return wrapper


def color_wanted(stream: TextIO | None) -> bool:
    """Colours only on a terminal and never when NO_COLOR is set."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def stdin_bytes() -> BinaryIO | None:
    """Standard input as bytes (sources decode it themselves), or None when there is none."""
    return sys.stdin.buffer if sys.stdin is not None and hasattr(sys.stdin, "buffer") else None


def pick_format(name: str, stdout_is_tty: bool) -> str:
    """Resolve `auto`: github under GitHub Actions, plain when piped, rich on a terminal."""
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
