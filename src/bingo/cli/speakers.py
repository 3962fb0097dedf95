"""`bingo speakers`: who said the most jargon in a meeting transcript, by weight and count, with top terms."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from bingo import config as config_module
from bingo.cli.console import color_wanted, err, guarded, stdin_bytes
from bingo.cli.options import ConfigOption, InputFormatOption, LexiconOption
from bingo.errors import BingoError
from bingo.outputs import broken_pipe
from bingo.paths import display
from bingo.settings import validate_options

if TYPE_CHECKING:
    from bingo.speakers import SpeakerTally

EPILOG = "Examples:\n\n  bingo speakers meeting.vtt\n\n  bingo speakers teams.vtt --format json"


@guarded
def speakers(
    paths: Annotated[list[str], typer.Argument(metavar="TRANSCRIPT...", help="WebVTT or SubRip files ('-': stdin).")],
    lang: Annotated[Literal["auto", "de", "en"] | None, typer.Option(
        "--lang", "-l", help="Language of the text (default auto).", show_default=False)] = None,
    output_format: Annotated[Literal["rich", "json"], typer.Option("--format", "-f", help="rich or json.")] = "rich",
    top: Annotated[int, typer.Option("--top", min=1, max=20, help="Top terms shown per speaker.")] = 3,
    lexicon: LexiconOption = None,
    config: ConfigOption = None,
    input_format: InputFormatOption = "auto",
) -> int:
    """Tally a transcript's jargon per speaker (exit 1: no hit has a speaker, e.g. not a transcript)."""
    from bingo.runner import execute  # imports spaCy: only when something is scanned
    from bingo.speakers import UNKNOWN, tally, to_dict

    given = {"lang": lang, "lexicons": tuple(str(p) for p in lexicon or ()) or None}
    settings, _ = config_module.resolve(config, validate_options(given))
    # `execute` keeps a transcript on stdin whole, so its cues (the speakers) are read after the scan
    run = execute(paths, settings, stdin=stdin_bytes(), input_format=input_format)
    for failed in run.errors:
        err(f"error: {display(failed.path)}: {failed.error}")
    if len(run.errors) == len(run.files):
        raise BingoError("no transcript could be read")
    tallies = tally(run.scanned, top)
    if output_format == "json":
        sys.stdout.write(json.dumps(to_dict(tallies, [display(f.path) for f in run.scanned]), ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        _table(tallies)
    return 0 if any(t.speaker != UNKNOWN for t in tallies) else 1


def _table(tallies: Sequence[SpeakerTally]) -> None:
    """The tallies as a rich table (plain when not a terminal)."""
    from rich.console import Console
    from rich.table import Table

    color = color_wanted(sys.stdout)
    console = Console(force_terminal=color, no_color=not color, highlight=False)
    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]  # the CLI ends the run
    table = Table(title="Jargon per speaker")
    for name, justify in (("Speaker", "left"), ("Weight", "right"), ("Hits", "right"), ("Top terms", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for item in tallies:
        table.add_row(item.speaker, f"{item.weight:g}", str(item.hits),
                      ", ".join(f"{term} ×{count}" for term, count in item.terms))
    if not tallies:
        console.print("No jargon heard.")
        return
    console.print(table)
