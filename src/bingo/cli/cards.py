"""`bingo card` deals printable cards and writes the game file (`bingo check`, in `check`, lets a text decide)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from bingo.cli.console import color_wanted, err, guarded
from bingo.cli.options import CardFormat, ConfigOption, LexiconOption
from bingo.errors import BingoError
from bingo.outputs import refuse_overwrite

if TYPE_CHECKING:
    pass

# The game modules are imported where a command runs: the app is built for every command, and
# importing them with it cost every `bingo scan` five modules, 10-25 ms of its start-up.

CARD_EPILOG = ("Examples:\n\n  bingo card --count 30 --seed 7 --output offsite.pdf --per-page 2\n\n"
               "  bingo card --lang en --size 4")


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
