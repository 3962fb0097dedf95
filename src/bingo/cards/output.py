"""Writing a dealt game: the card formats, the format a file name implies, and the game file beside the cards."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from bingo.cards.game import Game
from bingo.errors import BingoError
from bingo.outputs import FILE_TYPES, atomic_write, file_type


@dataclass(frozen=True)
class Layout:
    """How to lay the cards out: cards per printed page and paper (PDF/HTML), colours (text on a terminal)."""

    per_page: int = 1
    paper: str = "a4"
    color: bool = False


# The renderers are imported when a card is written: rich and reportlab stay out of `bingo --help`.
def _html(game: Game, out: TextIO, layout: Layout) -> None:
    from bingo.cards.html import render_html

    render_html(game, out, per_page=layout.per_page, paper=layout.paper)


def _svg(game: Game, out: TextIO, layout: Layout) -> None:
    from bingo.cards.render import render_svg

    render_svg(game, out)


def _text(game: Game, out: TextIO, layout: Layout) -> None:
    from bingo.cards.render import render_text

    render_text(game, out, color=layout.color)


def _json(game: Game, out: TextIO, layout: Layout) -> None:
    out.write(game.to_json())


def _pdf(game: Game, out: BinaryIO, layout: Layout) -> list[str]:
    from bingo.cards.pdf import render_pdf

    return render_pdf(game, out, per_page=layout.per_page, paper=layout.paper)


TEXT_WRITERS: dict[str, Callable[[Game, TextIO, Layout], None]] = {
    "html": _html, "svg": _svg, "text": _text, "json": _json}
# a binary writer returns the characters its font has no glyph for
BINARY_WRITERS: dict[str, Callable[[Game, BinaryIO, Layout], list[str]]] = {"pdf": _pdf}
CARD_FORMATS: tuple[str, ...] = ("pdf", *TEXT_WRITERS)  # the order `--help` lists them in


def card_format(requested: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's suffix names, else text (no output file).

    BingoError for a suffix no format writes (`x.docx` got a text card), and for a format that is not
    the one the suffix names (`-o x.pdf --format html` wrote HTML into a .pdf).
    """
    if output is None:
        return requested or "text"
    implied = file_type(output)
    if implied is None or implied not in CARD_FORMATS:
        accepted = ", ".join(sorted(s for s, kind in FILE_TYPES.items() if kind in CARD_FORMATS))
        raise BingoError(f"{output}: cannot write cards to a '{output.suffix or '(no suffix)'}' file "
                         f"(accepted suffixes: {accepted})")
    if requested is not None and requested != implied:
        raise BingoError(f"{output}: --format {requested} does not match the suffix '{output.suffix}' ({implied})")
    return implied


def write_cards(game: Game, name: str, output: Path, layout: Layout) -> list[str]:
    """Write the cards to a file in format `name`, whole or not at all; the characters the PDF font lacks.

    BingoError naming the file when it fails.
    """
    try:
        if name in BINARY_WRITERS:
            with atomic_write(output, "wb") as binary:
                return BINARY_WRITERS[name](game, binary, layout)
        with atomic_write(output) as text:
            TEXT_WRITERS[name](game, text, layout)
        return []
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
