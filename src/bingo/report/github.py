"""`--format github`: GitHub Actions workflow commands, one annotation per hit plus a summary line per file.

Annotations are capped per run (and hidden on fork PRs), so each file also gets a plain summary
line in the log that always shows its score.
"""

from __future__ import annotations

from typing import TextIO

from bingo.models import RunResult
from bingo.paths import display
from bingo.report import Options

COMMANDS = {"suggestion": "notice", "warning": "warning", "error": "error"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: RunResult, out: TextIO, options: Options) -> None:
    """Write annotations for every hit and unreadable file, then one summary line per file."""
    for file in run.files:
        if file.error is not None:
            out.write(f"::error file={escape_property(display(file.path))},title=bingo::{escape_data(file.error)}\n")
            continue
        for hit in file.hits:
            info = file.entry(hit.id)
            message = info.advice if info is not None else ""
            message += f" (said {said})" if (said := hit.said()) else ""  # a transcript's cue: time and speaker
            props = (f"file={escape_property(display(file.path))},line={hit.line},col={hit.column},"
                     f"endLine={hit.end_line},endColumn={hit.end_column},"
                     f"title={escape_property(f'bingo: {hit.term} [{hit.category}]')}")
            out.write(f"::{COMMANDS.get(hit.level, 'warning')} {props}::{escape_data(message)}\n")
    for file in run.scanned:
        verdict = file.verdict.label if file.verdict else ""
        bingo = ", BINGO" if file.bingo else ""
        out.write(f"bingo: {display(file.path)}: score {file.score}/100 ({verdict}), {len(file.hits)} hits, "
                  f"{file.ai_tells_per_1000:.1f} AI tells per 1,000 words{bingo}\n")
