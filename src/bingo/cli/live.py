"""`bingo live`: play one card against captions arriving on stdin or in a growing file, line by line.

On a terminal the card is redrawn in place. When the lines are typed on that terminal, the
terminal's echo of each line is taken back before the redraw (it would shift the drawing down a
line and leave a second title behind each time) and the line is shown in the drawing instead,
below the card, with the prompt where the next one is typed.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from bingo.cli.console import color_wanted, guarded
from bingo.cli.options import ConfigOption, InputFormatOption, LexiconOption
from bingo.errors import BingoError
from bingo.outputs import broken_pipe

if TYPE_CHECKING:
    from rich.console import Group, RenderableType

EPILOG = ("Examples:\n\n  speech-to-text | bingo live offsite.game.json --card 12\n\n"
          "  bingo live offsite.game.json --follow meeting.vtt")
PROMPT = "> "


@guarded
def live(
    game_path: Annotated[Path | None, typer.Argument(
        metavar="[GAME.json]", help="A game file (default: the house card).")] = None,
    card_number: Annotated[int, typer.Option("--card", min=1, help="Which card of the game to play.")] = 1,
    lang: Annotated[Literal["de", "en"], typer.Option("--lang", "-l", help="Language of the house card.")] = "de",
    follow_path: Annotated[Path | None, typer.Option(
        "--follow", metavar="FILE", help="Read a growing transcript file (like tail -f) instead of stdin; "
                                         "ends at BINGO, Ctrl-C or --idle.")] = None,
    idle: Annotated[float | None, typer.Option(
        "--idle", min=0.1, help="With --follow: stop when the file has not grown for this many seconds.")] = None,
    lexicon: LexiconOption = None,
    config: ConfigOption = None,
    input_format: InputFormatOption = "auto",
) -> int:
    """Update a card in place as terms are heard; BINGO banner and bell when a line completes."""
    from rich.console import Console, Group
    from rich.live import Live
    from rich.text import Text

    from bingo.cards.captions import Captions, follow, numbered  # the game modules: only for this command (see cards)
    from bingo.cards.check import Round
    from bingo.cards.deck import house_game, lexicon_for
    from bingo.cards.fair import playable
    from bingo.cards.game import load_game
    from bingo.cards.render import rich_card
    from bingo.config import game_settings, lexicon_files
    from bingo.lexicon import load_lexicon
    from bingo.paragraphs import Paragraph
    from bingo.scanner import Scanner  # imports spaCy: only when the game starts

    settings = game_settings(config, tuple(lexicon or ()))
    if game_path is not None:
        game = load_game(game_path)
        lex = lexicon_for(game, lexicon_files(settings))
    else:  # the house card without the configuration's disabled entries (their squares refilled)
        lex = load_lexicon(lexicon_files(settings)).adjusted(settings.disable, settings.disable_categories)
        game = house_game(lang, lex)
        lex = playable(lex, game.terms)
    if card_number > len(game.cards):
        raise BingoError(f"game {game.id} has {len(game.cards)} cards, not {card_number}")
    scanner = Scanner(lexicon=lex)
    play = Round.start(game, card_number)
    state = play.cards[0]
    tty = color_wanted(sys.stdout)
    typed = follow_path is None and tty and sys.stdin is not None and sys.stdin.isatty()
    console = Console(force_terminal=tty, no_color=not tty, highlight=False)
    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]  # the CLI ends the run
    last, said = "", ""
    captions = Captions(input_format)

    def view() -> Group:
        banner = Text("BINGO!  \a" if state.won_at else "", style="bold white on red")
        heard = Text(f"last: {last}" if last else "listening …")
        parts: list[RenderableType] = [rich_card(game, state.index, state.marked), heard]
        if typed and said:
            parts.append(Text(f"said: {said}", overflow="fold"))
        if state.won_at:
            parts.append(banner)
        if typed:
            parts.append(Text(PROMPT, end=""))
        return Group(*parts)

    lines: Iterable[str] = sys.stdin if follow_path is None else follow(
        follow_path, lambda: state.won_at is not None, idle=idle)
    offset = 0
    try:
        with Live(view(), console=console, auto_refresh=False, transient=False) if tty else _Null() as screen:
            for number, line in numbered(lines):
                if typed:  # take the terminal's echo back: the drawing stays where Live left it
                    rows = max(1, math.ceil((len(PROMPT) + len(line.rstrip("\r\n"))) / max(console.width, 1)))
                    console.file.write(f"\x1b[{rows}A\r")
                    said = line.strip()
                hits = scanner.hits(game.lang, [Paragraph(line, captions.mask(line), offset, number)])
                offset += len(line)
                before = state.won_at
                for hit in hits:
                    play.hear([hit])
                    if hit.id in game.terms:
                        last = hit.term + captions.when()
                        if not tty:
                            print(f"line {number}{captions.when()}: {hit.term}", flush=True)
                if state.won_at is not None and before is None and not tty:
                    print(f"BINGO! line completed by {state.won_at.term} (line {number}{captions.when()})", flush=True)
                if tty:
                    screen.update(view(), refresh=True)
    except KeyboardInterrupt:
        pass
    marked = sum(1 for cell, on in zip(state.cells, state.marked, strict=True) if on and cell)
    print(f"{marked} of {sum(1 for c in state.cells if c)} squares marked"
          f"{', BINGO' if state.won_at else ''} (game {game.id}, card {state.index + 1}).", flush=True)
    return 0


class _Null:
    """Stands in for rich Live when stdout is not a terminal."""

    def __enter__(self) -> _Null:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, *args: object, **kwargs: object) -> None:
        """Do nothing."""
