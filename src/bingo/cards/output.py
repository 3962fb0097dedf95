"""Writing a dealt game: the card formats, the format a file name implies, and the game file beside the cards."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from bingo.cards.game import Game
from bingo.errors import BingoError
from bingo.outputs import atomic_write, file_type


@dataclass(frozen=True)
class Layout:
    """How to lay the cards out: cards per printed page and paper (PDF/HTML), colours (text on a terminal)."""

    per_page: int = 1
    paper: str = "a4"
    color: bool = False


# The renderers are imported when a card is written: rich and reportlab stay out of `bingo --help`.
def _html(game: Game, out: TextIO, layout: Layout) -> None:
    from bingo.cards.render import render_html

    render_html(game, out, per_page=layout.per_page, paper=layout.paper)


def _svg(game: Game, out: TextIO, layout: Layout) -> None:
    from bingo.cards.render import render_svg

    render_svg(game, out)


def _text(game: Game, out: TextIO, layout: Layout) -> None:
    from bingo.cards.render import render_text

    render_text(game, out, color=layout.color)


def _json(game: Game, out: TextIO, layout: Layout) -> None:
    out.write(game.to_json())


def _pdf(game: Game, out: BinaryIO, layout: Layout) -> None:
    from bingo.cards.pdf import render_pdf

    render_pdf(game, out, per_page=layout.per_page, paper=layout.paper)


TEXT_WRITERS: dict[str, Callable[[Game, TextIO, Layout], None]] = {
    "html": _html, "svg": _svg, "text": _text, "json": _json}
BINARY_WRITERS: dict[str, Callable[[Game, BinaryIO, Layout], None]] = {"pdf": _pdf}
CARD_FORMATS: tuple[str, ...] = ("pdf", *TEXT_WRITERS)  # the order `--help` lists them in


def card_format(requested: str | None, output: Path | None) -> str:
    """The format asked for, else the card format the output file's suffix names, else text."""
    named = file_type(output)
    return requested or (named if named in CARD_FORMATS else None) or "text"


def write_cards(game: Game, name: str, output: Path, layout: Layout) -> None:
    """Write the cards to a file in format `name`, whole or not at all; BingoError naming the file when it fails."""
    try:
        if name in BINARY_WRITERS:
            with atomic_write(output, "wb") as binary:
                BINARY_WRITERS[name](game, binary, layout)
        else:
            with atomic_write(output) as text:
                TEXT_WRITERS[name](game, text, layout)
    except OSError as exc:
        raise BingoError(f"{output}: cannot write the cards ({exc.strerror or exc})") from None


def game_file_for(output: Path) -> Path:
    """Where the game file goes by default: beside the cards, `offsite.pdf` -> `offsite.game.json`."""
    return output.with_name(output.stem + ".game.json")


def write_game(game: Game, target: Path) -> None:
    """Write the game file, whole or not at all; BingoError naming it when it cannot be written."""
    try:
        with atomic_write(target) as out:
            out.write(game.to_json())
    except OSError as exc:
        raise BingoError(f"{target}: cannot write the game file ({exc.strerror or exc})") from None
