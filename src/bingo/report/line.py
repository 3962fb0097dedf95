"""`--format line`: one parsable line per hit, `path:line:col: [category] term — message`."""

from __future__ import annotations

from typing import TextIO

from bingo.models import RunResult
from bingo.paths import display
from bingo.report import Options


def render(run: RunResult, out: TextIO, options: Options) -> None:
    """Write one line per hit, in input order (an unreadable file is said once, on stderr, by the CLI)."""
    for result in run.files:
        # no line for an error: with pre-commit's `--format line` stdout and stderr meet, and it was said twice
        for hit in result.hits:
            info = result.entry(hit.id)
            message = info.message if info else ""
            said = f" ({said})" if (said := hit.said()) else ""  # a transcript's cue: time and speaker
            where = f"{display(result.path)}:{hit.line}:{hit.column}"
            out.write(f"{where}: [{hit.category}] {hit.term} — {message}{said}\n")
