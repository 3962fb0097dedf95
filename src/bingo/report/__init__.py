"""Renderers: each output format is a small module with `render(run, out, options)`, picked by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TextIO

from bingo.models import RunResult

# name -> module; modules are imported only when their format is used. The order is the one
# `--help`, the CLI's and the config file's error messages list the formats in.
FORMATTERS: dict[str, str] = {
    "rich": "bingo.report.human",
    "plain": "bingo.report.human",
    "json": "bingo.report.json",
    "sarif": "bingo.report.sarif",
    "github": "bingo.report.github",
    "line": "bingo.report.line",
    "html": "bingo.report.html",
}
FORMAT_NAMES: tuple[str, ...] = tuple(FORMATTERS)
# what `--format` and the config's `format` accept: `auto` is resolved from the environment by the CLI
FORMAT_CHOICES: tuple[str, ...] = ("auto", *FORMAT_NAMES)


@dataclass(frozen=True)
class Options:
    """How to render: colours, width, and how much detail the human report shows."""

    color: bool = False
    width: int = 100
    passages: bool = True
    card: bool = True
    quiet: bool = False
    """Human report: one summary line for the whole run instead of the blocks."""
    warn: Callable[[str], None] | None = None
    """Where a renderer reports what it had to leave out (the CLI: a line on stderr)."""


class Renderer(Protocol):
    """The interface every report module implements."""

    def __call__(self, run: RunResult, out: TextIO, options: Options) -> None:
        """Write the report of `run` to `out`."""


def renderer(name: str) -> Renderer:
    """The render function for a format name (KeyError for unknown names)."""
    render: Renderer = importlib.import_module(FORMATTERS[name]).render
    return render
