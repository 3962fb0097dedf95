"""`bingo card` deals printable cards and writes the game file; `bingo check` lets a text decide who won."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from bingo.cli.console import color_wanted, err, guarded, stdin_bytes
from bingo.cli.options import CardFormat, ConfigOption, InputFormatOption, LexiconOption
from bingo.errors import BingoError
from bingo.outputs import broken_pipe, refuse_overwrite

if TYPE_CHECKING:
    from bingo.cards.check import Round
    from bingo.models import Hit
    from bingo.transcript import Cue, Transcript

# The game modules are imported where a command runs: the app is built for every command, and
# importing them with it cost every `bingo scan` five modules, 10-25 ms of its start-up.

CARD_EPILOG = ("Examples:\n\n  bingo card --count 30 --seed 7 --output offsite.pdf --per-page 2\n\n"
               "  bingo card --lang en --size 4")
CHECK_EPILOG = "Example:\n\n  bingo check offsite.game.json minutes.md\n\n  bingo check offsite.game.json meeting.vtt"
QUOTE = 70  # characters of the completing cue quoted in the report


@guarded
def card(
    count: Annotated[int, typer.Option("--count", "-n", min=1, max=1000, help="How many different cards.")] = 1,
    size: Annotated[int, typer.Option("--size", min=3, max=5, help="Squares per side: 3, 4 or 5.")] = 5,
    lang: Annotated[Literal["de", "en"], typer.Option("--lang", "-l", help="Language of the terms.")] = "de",
    category: Annotated[list[str] | None, typer.Option(
        "--category", "-c", help="Only these categories (repeatable).")] = None,
    seed: Annotated[int | None, typer.Option(
        "--seed", help="Seed for a reproducible deal (default: random, recorded).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title printed on every card.")] = None,
    no_free: Annotated[bool, typer.Option("--no-free", help="No free centre square.")] = False,
    per_page: Annotated[Literal["1", "2", "4"], typer.Option(
        "--per-page", help="Cards per printed page (PDF/HTML).")] = "1",
    paper: Annotated[Literal["a4", "letter"], typer.Option("--paper", help="Paper size (PDF/HTML).")] = "a4",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the cards here; the suffix is the format: .pdf .html .svg .txt .json")] = None,
    output_format: Annotated[CardFormat | None, typer.Option(
        "--format", "-f", help="pdf, html, svg, text or json.")] = None,
    game_file: Annotated[Path | None, typer.Option(
        "--game", help="Where to write the game file (default: beside --output).")] = None,
    words: Annotated[Path | None, typer.Option(
        "--words", help="A plain word list (one term per line) instead of the lexicon.")] = None,
    lexicon: LexiconOption = None,
    config: ConfigOption = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace a game file that records another game.")] = False,
) -> int:
    """Deal printable buzzword-bingo cards, all different, and write the game file that records them."""
    from bingo.cards.deck import Request, new_game
    from bingo.cards.game import keep_other_game
    from bingo.cards.output import (
        BINARY_WRITERS,
        TEXT_WRITERS,
        Layout,
        card_format,
        game_file_for,
        write_cards,
        write_game,
    )
    from bingo.config import game_settings, lexicon_files

    reads = [("word list", words)] if words is not None else []
    reads += [("lexicon file", path) for path in lexicon or ()]
    try:
        name = card_format(output_format, output)
    except BingoError:
        refuse_overwrite([("--output", output)] if output is not None else [], reads)  # the graver mistake first
        raise
    if name in BINARY_WRITERS and output is None:
        raise BingoError(f"--format {name} needs --output FILE")
    target = game_file or (game_file_for(output) if output is not None else None)
    if name == "json" and target == output:
        target = None  # a JSON deal is its own game file
    writes = [("--output", output)] if output is not None else []
    if target is not None:
        writes.append(("--game" if game_file else "the game file", target))
    settings = game_settings(config, tuple(lexicon or ()), tuple(category or ()))
    files = lexicon_files(settings)
    refuse_overwrite(writes, [*reads, *(("lexicon file", path) for path in files)])
    game = new_game(Request(count=count, size=size, lang=lang, categories=settings.categories, seed=seed,
                            title=title, free=not no_free, words=words, lexicons=files, disable=settings.disable,
                            disable_categories=settings.disable_categories))
    if not force:
        for path in [target, output if name == "json" else None]:
            if path is not None:
                keep_other_game(path, game)
    layout = Layout(per_page=int(per_page), paper=paper)
    if output is None:
        TEXT_WRITERS[name](game, sys.stdout, replace(layout, color=color_wanted(sys.stdout)))
    else:
        missing = write_cards(game, name, output, layout)
        if missing:
            err(f"warning: {output}: the font has no glyph for {' '.join(missing)} (printed as boxes)")
    if target is not None:
        write_game(game, target)
        err(f"game {game.id}: {len(game.cards)} card(s), game file {target}")
    return 0


@guarded
def check(
    game_path: Annotated[Path, typer.Argument(metavar="GAME.json", help="The game file written by 'bingo card'.")],
    texts: Annotated[list[str] | None, typer.Argument(
        metavar="[TEXT...|-]", help="Transcripts or minutes; '-' or none: stdin.")] = None,
    card_number: Annotated[int | None, typer.Option("--card", min=1, help="Check only this claimed card.")] = None,
    output_format: Annotated[Literal["rich", "json", "html"], typer.Option(
        "--format", "-f", help="rich, json or html (one self-contained page).")] = "rich",
    lexicon: LexiconOption = None,
    config: ConfigOption = None,
    input_format: InputFormatOption = "auto",
) -> int:
    """Mark every card with the terms the text says; report BINGOs and the winner (exit 1: no BINGO)."""
    from bingo.cards.check import Round
    from bingo.cards.deck import lexicon_for
    from bingo.cards.game import load_game
    from bingo.config import game_settings, lexicon_files
    from bingo.cues import transcript_for, untimed
    from bingo.inputformat import forced
    from bingo.scanner import Scanner  # imports spaCy: only when a text is checked
    from bingo.sources import STDIN, discover

    game = load_game(game_path)
    if card_number is not None and card_number > len(game.cards):
        raise BingoError(f"game {game.id} has {len(game.cards)} cards, not {card_number}")
    scanner = Scanner(lexicon=lexicon_for(game, lexicon_files(game_settings(config, tuple(lexicon or ())))))
    play = Round.start(game, card_number)
    stdin = stdin_bytes()
    sources = forced(discover(texts or ["-"]), input_format)
    if stdin is not None and any(s.path == STDIN for s in sources):
        stdin = io.BytesIO(stdin.read())  # read twice: for the hits and for the transcript's cues
    for source in sources:
        lang, stream = scanner.read(source, game.lang, stdin)
        cues = transcript_for(source, stdin)
        for problem in untimed(cues, source.path):
            err(f"warning: {problem}")
        for para in stream:
            play.hear(scanner.hits(lang, [para]), _locator(cues))
    if output_format == "json":
        sys.stdout.write(json.dumps(play.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif output_format == "html":
        from bingo.report.html_game import round_html

        sys.stdout.write(round_html(play, card_number))
    else:
        print_round(play, card_number)
    return 0 if play.winners() else 1


def _locator(cues: Transcript | None) -> Callable[[Hit], Cue | None] | None:
    """The cue of a hit in a transcript (None: not a transcript)."""
    return None if cues is None else lambda hit: cues.cue_at(hit.start)


def print_round(play: Round, card_number: int | None) -> None:
    """The winning cards (or the one claimed), the terms heard, and who completed a line with what."""
    from rich.console import Console
    from rich.markup import escape

    from bingo.cards.render import rich_card
    from bingo.transcript import clock

    game = play.game
    color = color_wanted(sys.stdout)
    console = Console(force_terminal=color, no_color=not color, highlight=False)
    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]  # the CLI ends the run
    for state in play.cards if card_number is not None else play.winners():
        console.print(rich_card(game, state.index, state.marked, title="BINGO!" if state.won_at else game.title))
    heard = sorted({h.term for h in play.heard})
    console.print(f"Heard {len(heard)} term(s) of game {game.id}: {', '.join(heard) or '–'}")
    tied = {c.index for c in play.tied()} if len(play.tied()) > 1 else set()
    for rank, (state, hit) in enumerate(play.bingos(), 1):
        cue = play.cue(state)
        if cue is None:
            console.print(f"{'Winner' if rank == 1 else f'#{rank}'}: card {state.index + 1} — line completed by "
                          f"'{hit.text}' ({hit.term}) at line {hit.line}, column {hit.column}")
            continue
        place = "Winner (tie)" if state.index in tied else "Winner" if rank == 1 else f"#{rank}"
        quote = cue.said if len(cue.said) <= QUOTE else cue.said[:QUOTE - 1] + "…"
        who = f" by {cue.speaker}" if cue.speaker else ""
        console.print(escape(f"{place}: card {state.index + 1} — line completed by {hit.term} at "
                             f"{clock(cue.begins)}{who}: “{quote}” (line {hit.line}, column {hit.column})"))
    if not play.winners():
        console.print("No BINGO yet." if card_number is None else f"Card {card_number} has no BINGO.")
