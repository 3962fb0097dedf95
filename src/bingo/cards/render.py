"""Card renderers for the terminal (rich) and an SVG sheet; the HTML page is cards/html.py, the PDF cards/pdf.py."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from bingo.cards.fit import LEADING, Fitted, fit_card
from bingo.cards.game import Game
from bingo.cards.wrap import wrap_chars
from bingo.outputs import broken_pipe

COLUMN, MIN_COLUMN = 16, 8  # characters of a terminal card's column: at most, and at least on a narrow terminal
SVG_SQUARE = 120  # px


def cell_text(game: Game, cell: str | None) -> str:
    """What a square says."""
    return game.free_label if cell is None else game.terms[cell]


class RichCard:
    """One card as a rich table, its columns as wide as the console allows (terms wrapped by `wrap_chars`)."""

    def __init__(self, game: Game, index: int, marked: Sequence[bool] | None = None, title: str | None = None):
        self.game, self.index, self.marked, self.title = game, index, marked, title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The table for the console's width: 16 characters a column at most, narrower on a narrow terminal."""
        game = self.game
        width = max(MIN_COLUMN, min(COLUMN, (options.max_width - game.size - 1) // game.size - 2))
        cells = game.cards[self.index]
        marks = [self.marked[i] if self.marked is not None else cell is None for i, cell in enumerate(cells)]
        texts = [("✘ " if on and cell else "") + cell_text(game, cell) for cell, on in zip(cells, marks, strict=True)]
        lines = [wrap_chars(text, width, game.lang) for text in texts]
        width = max(width, *(len(line) for cell in lines for line in cell))  # an unbreakable word widens its column
        table = Table(title=self.title or game.title, caption=game.label(self.index), box=box.SQUARE,
                      show_header=False, title_style="bold", expand=False)
        for _ in range(game.size):
            table.add_column(width=width, min_width=width, justify="center", no_wrap=True)
        for row in range(game.size):
            table.add_row(*(Text("\n".join(lines[i]), style="bold black on green" if marks[i] else "")
                            for i in range(row * game.size, (row + 1) * game.size)))
        yield table


def rich_card(game: Game, index: int, marked: Sequence[bool] | None = None, title: str | None = None) -> RichCard:
    """One card for a rich console (marked squares highlighted)."""
    return RichCard(game, index, marked, title)


def render_text(game: Game, out: TextIO, color: bool = False, width: int = 100) -> None:
    """All cards for the terminal."""
    console = Console(file=out, force_terminal=color, no_color=not color, width=width, highlight=False)
    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]  # the CLI ends the run
    for index in range(len(game.cards)):
        console.print(rich_card(game, index))


def svg_layout(game: Game, index: int) -> list[Fitted]:
    """Each square's font size and lines in the SVG (px; Helvetica's metrics, as in the PDF)."""
    inner = SVG_SQUARE - 12
    terms = [(cell_text(game, cell), "Helvetica-Bold" if cell is None else "Helvetica") for cell in game.cards[index]]
    return fit_card(terms, inner, inner, (8, 15), game.lang)


def render_svg(game: Game, out: TextIO) -> None:
    """One SVG sheet with every card stacked vertically, terms wrapped inside their squares."""
    square, pad, head = SVG_SQUARE, 20, 50
    side = square * game.size
    card_h = head + side + 40
    total_h = pad + len(game.cards) * (card_h + pad)
    (title,) = fit_card([(game.title, "Helvetica-Bold")], side, 22 * LEADING * 2 * 0.9, (9, 22), game.lang)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{side + 2 * pad}" height="{total_h}" '
             f'viewBox="0 0 {side + 2 * pad} {total_h}" font-family="Helvetica, Arial, sans-serif">']
    for index, cells in enumerate(game.cards):
        top = pad + index * (card_h + pad)
        parts.append(f'<g id="card-{index + 1}">')
        for n, line in enumerate(title.lines):  # a long title wraps (two lines) or shrinks, never runs off
            ty = top + 30 - (len(title.lines) - 1 - n) * title.size
            parts.append(f'<text x="{pad + side / 2}" y="{ty:.1f}" font-size="{title.size:g}" text-anchor="middle" '
                         f'font-weight="bold">{html.escape(line)}</text>')
        fonts = svg_layout(game, index)
        for i, cell in enumerate(cells):
            x, y = pad + (i % game.size) * square, top + head + (i // game.size) * square
            fill = "#eee" if cell is None else "#fff"
            parts.append(f'<rect x="{x}" y="{y}" width="{square}" height="{square}" fill="{fill}" stroke="#222"/>')
            fitted = fonts[i]
            weight = ' font-weight="bold"' if cell is None else ""
            for n, line in enumerate(fitted.lines):
                ty = y + square / 2 + (n - (len(fitted.lines) - 1) / 2) * fitted.size * LEADING
                parts.append(f'<text x="{x + square / 2}" y="{ty:.1f}" font-size="{fitted.size:g}"{weight} '
                             f'text-anchor="middle" dominant-baseline="middle">{html.escape(line)}</text>')
        parts.append(f'<text x="{pad + side / 2}" y="{top + head + side + 25}" font-size="12" text-anchor="middle">'
                     f'{html.escape(game.label(index))}</text></g>')
    parts.append("</svg>\n")
    out.write("\n".join(parts))
