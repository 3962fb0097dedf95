"""`bingo check`: let a text (minutes, a transcript) decide a game: who had BINGO, when, who said it.

The report goes to stdout or, with `-o/--output`, into a file, by scan's rules: the suffix picks the
format (`.json`, `.html`, `.txt`) unless `--format` is given, the file is written whole or not at
all, and a file the run reads (the game, a text, a lexicon, the configuration) is never the output.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, TextIO

import typer

from bingo.cli.console import DEFAULT_WIDTH, color_wanted, err, guarded, stdin_bytes
from bingo.cli.options import ConfigOption, InputFormatOption, LexiconOption
from bingo.errors import BingoError
from bingo.outputs import atomic_write, broken_pipe, file_type, refuse_overwrite

if TYPE_CHECKING:
    from bingo.cards.check import Round
    from bingo.models import Hit
    from bingo.transcript import Cue, Transcript

# The game modules are imported when the command runs (see cli/cards.py): not with every `bingo scan`.

EPILOG = ("Example:\n\n  bingo check offsite.game.json minutes.md\n\n  bingo check offsite.game.json meeting.vtt\n\n"
          "  bingo check offsite.game.json meeting.vtt -o result.html")
QUOTE = 70  # characters of the completing cue quoted in the report
SUFFIX_FORMATS = {"json": "json", "html": "html", "text": "rich"}
"""The report format an --output suffix names (`outputs.file_type`); any other suffix keeps --format."""
CheckFormat = Literal["rich", "json", "html"]


@guarded
def check(
    game_path: Annotated[Path, typer.Argument(metavar="GAME.json", help="The game file written by 'bingo card'.")],
    texts: Annotated[list[str] | None, typer.Argument(
        metavar="[TEXT...|-]", help="Transcripts or minutes; '-' or none: stdin.")] = None,
    card_number: Annotated[int | None, typer.Option("--card", min=1, help="Check only this claimed card.")] = None,
    output_format: Annotated[CheckFormat | None, typer.Option(
        "--format", "-f", help="rich, json or html (one self-contained page); default rich, or the --output "
                               "suffix's.", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report here (.json, .html, .txt name the format).")] = None,
    lexicon: LexiconOption = None,
    config: ConfigOption = None,
    input_format: InputFormatOption = "auto",
) -> int:
    """Mark every card with the terms the text says; report BINGOs and the winner (exit 1: no BINGO)."""
    from bingo.cards.check import Round
    from bingo.cards.deck import lexicon_for
    from bingo.cards.game import load_game
    from bingo.config import game_config, lexicon_files
    from bingo.cues import rereadable, transcript_for, untimed
    from bingo.inputformat import forced
    from bingo.scanner import Scanner  # imports spaCy: only when a text is checked
    from bingo.sources import discover

    settings, config_file = game_config(config, tuple(lexicon or ()))
    files = lexicon_files(settings)
    sources = forced(discover(texts or ["-"]), input_format)
    if output is not None:
        reads = [("game file", game_path), *(("lexicon file", path) for path in files),
                 *(("configuration file", path) for path in [config_file] if path is not None),
                 *(("scanned file", s.file) for s in sources if s.file is not None)]
        refuse_overwrite([("--output", output)], reads)
    game = load_game(game_path)
    if card_number is not None and card_number > len(game.cards):
        raise BingoError(f"game {game.id} has {len(game.cards)} cards, not {card_number}")
    scanner = Scanner(lexicon=lexicon_for(game, files))
    play = Round.start(game, card_number)
    stdin = rereadable(stdin_bytes(), sources)  # a transcript on stdin is read again for its cues
    for source in sources:
        lang, stream = scanner.read(source, game.lang, stdin)
        cues = transcript_for(source, stdin)
        for problem in untimed(cues, source.path):
            err(f"warning: {problem}")
        for para in stream:
            play.hear(scanner.hits(lang, [para]), _locator(cues))
    name = output_format or SUFFIX_FORMATS.get(file_type(output) or "", "rich")
    if output is None:
        _report(play, card_number, name, sys.stdout, color_wanted(sys.stdout))
    else:
        try:
            with atomic_write(output) as target:
                _report(play, card_number, name, target, False, DEFAULT_WIDTH)
        except OSError as exc:
            raise BingoError(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    return 0 if play.winners() else 1


def _report(play: Round, card_number: int | None, name: str, out: TextIO, color: bool,
            width: int | None = None) -> None:
    """The checked game in format `name` (rich: coloured when `color`, `width` columns, None: the terminal's)."""
    if name == "json":
        out.write(json.dumps(play.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif name == "html":
        from bingo.report.html_game import round_html

        out.write(round_html(play, card_number))
    else:
        print_round(play, card_number, out, color, width)


def _locator(cues: Transcript | None) -> Callable[[Hit], Cue | None] | None:
    """The cue of a hit in a transcript (None: not a transcript)."""
    return None if cues is None else lambda hit: cues.cue_at(hit.start)


def bingo_line(play: Round, rank: int, tied: set[int]) -> str:
    """One BINGO: `Winner: Card 12 · BINGO at 00:14:32 · Anna Schmidt: “… die Customer Journey neu denken …”`."""
    from bingo.cards.check import excerpt
    from bingo.transcript import clock

    state, hit = play.bingos()[rank - 1]
    place = "Winner (tie)" if state.index in tied else "Winner" if rank == 1 else f"#{rank}"
    cue = play.cue(state)
    if cue is None:  # not a transcript: where in the text, and what was said
        return (f"{place}: Card {state.index + 1} · BINGO at line {hit.line}, column {hit.column} · "
                f"“{hit.text}” ({hit.term})")
    when = clock(cue.begins).split(".")[0]  # whole seconds, as a player shows them; JSON keeps the milliseconds
    who = f" · {cue.speaker}" if cue.speaker else ""
    return f"{place}: Card {state.index + 1} · BINGO at {when}{who}: “{excerpt(cue.said, hit.text, QUOTE)}”"


def print_round(play: Round, card_number: int | None, out: TextIO, color: bool, width: int | None = None) -> None:
    """The winning cards (or the one claimed), the terms heard, and who completed a line with what."""
    from rich.console import Console
    from rich.markup import escape

    from bingo.cards.render import rich_card

    game = play.game
    console = Console(file=out, force_terminal=color, no_color=not color, highlight=False, width=width)
    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]  # the CLI ends the run
    for state in play.cards if card_number is not None else play.winners():
        console.print(rich_card(game, state.index, state.marked, title="BINGO!" if state.won_at else game.title))
    heard = sorted({h.term for h in play.heard})
    console.print(escape(f"Heard {len(heard)} term(s) of game {game.id}: {', '.join(heard) or '–'}"))
    tied = {c.index for c in play.tied()} if len(play.tied()) > 1 else set()
    for rank in range(1, len(play.bingos()) + 1):
        console.print(escape(bingo_line(play, rank, tied)))
    if not play.winners():
        console.print("No BINGO yet." if card_number is None else f"Card {card_number} has no BINGO.")
