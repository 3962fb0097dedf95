"""`bingo live`: play one card against text arriving on stdin (captions, speech-to-text), line by line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from bingo.cards.check import Round
from bingo.cards.configured import game_settings, lexicon_files
from bingo.cards.deck import house_game, lexicon_for
from bingo.cards.game import load_game
from bingo.cli.console import color_wanted, guarded
from bingo.cli.options import ConfigOption, LexiconOption
from bingo.errors import BingoError
from bingo.lexicon import load_lexicon
from bingo.markup import PlainMasker
from bingo.outputs import broken_pipe
from bingo.sources import Paragraph
from bingo.transcript import TIMING, TranscriptMasker, clock, looks_like, seconds

if TYPE_CHECKING:
    from rich.console import Group

EPILOG = "Example:\n\n  speech-to-text | bingo live offsite.game.json --card 12"


@guarded
def live(
    game_path: Annotated[Path | None, typer.Argument(
        metavar="[GAME.json]", help="A game file (default: the house card).")] = None,
    card_number: Annotated[int, typer.Option("--card", min=1, help="Which card of the game to play.")] = 1,
    lang: Annotated[Literal["de", "en"], typer.Option("--lang", "-l", help="Language of the house card.")] = "de",
    lexicon: LexiconOption = None,
    config: ConfigOption = None,
) -> int:
    """Update a card in place as terms are heard on stdin; BINGO banner and bell when a line completes."""
    from rich.console import Console, Group
    from rich.live import Live
    from rich.text import Text

    from bingo.cards.render import rich_card
    from bingo.scanner import Scanner  # imports spaCy: only when the game starts

    settings = game_settings(config, tuple(lexicon or ()))
    if game_path is not None:
        game = load_game(game_path)
        lex = lexicon_for(game, lexicon_files(settings))
    else:  # the house card without the configuration's disabled entries (their squares refilled)
        lex = load_lexicon(lexicon_files(settings)).adjusted(settings.disable, settings.disable_categories)
        game = house_game(lang, lex)
    if card_number > len(game.cards):
        raise BingoError(f"game {game.id} has {len(game.cards)} cards, not {card_number}")
    scanner = Scanner(lexicon=lex)
    play = Round.start(game, card_number)
    state = play.cards[0]
    tty = color_wanted(sys.stdout)
    console = Console(force_terminal=tty, no_color=not tty, highlight=False)
    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]  # the CLI ends the run
    last = ""

    def view() -> Group:
        banner = Text("BINGO!  \a" if state.won_at else "", style="bold white on red")
        heard = Text(f"last: {last}" if last else "listening …")
        return Group(rich_card(game, state.index, state.marked), heard, banner)

    offset = 0
    captions = Captions()
    try:
        with Live(view(), console=console, auto_refresh=False, transient=False) if tty else _Null() as screen:
            for number, line in enumerate(sys.stdin, 1):
                hits = scanner.hits(game.lang, [Paragraph(line, captions.mask(line), offset, number)])
                offset += len(line)
                before = state.won_at
                for hit in hits:
                    play.hear([hit])
                    if hit.id in game.terms:
                        last = hit.term
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


class Captions:
    """Stdin as captions: a WebVTT or SubRip stream (told by its first line) is masked as it arrives."""

    def __init__(self) -> None:
        self.masker: PlainMasker | None = None
        self.time: float | None = None

    def mask(self, line: str) -> str:
        """The line to scan: cue numbers, timings, tags and speakers masked in a transcript."""
        if self.masker is None and line.strip():
            first = line.strip().removeprefix("\ufeff")
            self.masker = TranscriptMasker() if looks_like([first]) or first.isdigit() else PlainMasker()
        if self.masker is None or not self.masker.continuous:
            return line
        timing = TIMING.match(line)
        if timing and "-->" in line:
            self.time = seconds(timing.group(1))
        return self.masker(line)

    def when(self) -> str:
        """` at HH:MM:SS.mmm` of the current cue in a transcript, else nothing."""
        return "" if self.time is None else f" at {clock(self.time)}"


class _Null:
    """Stands in for rich Live when stdout is not a terminal."""

    def __enter__(self) -> _Null:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, *args: object, **kwargs: object) -> None:
        """Do nothing."""
