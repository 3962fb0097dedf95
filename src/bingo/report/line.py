"""`--format line`: one parsable line per hit, `path:line:col: [category] term — message`."""

from __future__ import annotations

from typing import TextIO

from bingo.models import RunResult
from bingo.paths import display
from bingo.report import Options


def render(run: RunResult, out: TextIO, options: Options) -> None:
    """Write one line per hit and one per unreadable file, in input order."""
    for result in run.files:
        if result.error is not None:
            out.write(f"{display(result.path)}:0:0: [error] {result.error}\n")
            continue
        for hit in result.hits:
            info = result.entry(hit.id)
            message = info.message if info else ""
            said = f" ({said})" if (said := hit.said()) else ""  # a transcript's cue: time and speaker
            where = f"{display(result.path)}:{hit.line}:{hit.column}"
            out.write(f"{where}: [{hit.category}] {hit.term} — {message}{said}\n")
