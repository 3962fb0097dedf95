"""Card renderers without extra dependencies: text (rich), a self-contained HTML page, an SVG sheet."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bingo.cards.game import Game
from bingo.outputs import broken_pipe

PAPER_MM = {"a4": (210, 297), "letter": (216, 279)}


def cell_text(game: Game, cell: str | None) -> str:
    """What a square says."""
    return game.free_label if cell is None else game.terms[cell]


def rich_card(game: Game, index: int, marked: Sequence[bool] | None = None, title: str | None = None) -> Table:
    """One card as a rich table (marked squares highlighted)."""
    table = Table(title=title or game.title, caption=game.label(index), box=box.SQUARE, show_header=False,
                  title_style="bold", expand=False)
    for _ in range(game.size):
        table.add_column(width=16, justify="center")
    cells = game.cards[index]
    for row in range(game.size):
        items = []
        for col in range(game.size):
            i = row * game.size + col
            on = marked[i] if marked is not None else cells[i] is None
            label = cell_text(game, cells[i])
            items.append(Text(("✘ " if on and cells[i] else "") + label, overflow="fold",
                              style="bold black on green" if on else ""))
        table.add_row(*items)
    return table


def render_text(game: Game, out: TextIO, color: bool = False, width: int = 100) -> None:
    """All cards for the terminal."""
    console = Console(file=out, force_terminal=color, no_color=not color, width=width, highlight=False)
    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]  # the CLI ends the run
    for index in range(len(game.cards)):
        console.print(rich_card(game, index))


def _html_card(game: Game, index: int) -> str:
    cells = "".join(
        f'<div class="sq{" free" if cell is None else ""}"><span>{html.escape(cell_text(game, cell))}</span></div>'
        for cell in game.cards[index])
    return (f'<section class="card"><h1>{html.escape(game.title)}</h1>'
            f'<div class="grid" style="grid-template-columns:repeat({game.size},1fr)">{cells}</div>'
            f'<p class="id">{html.escape(game.label(index))}</p></section>')


def render_html(game: Game, out: TextIO, per_page: int = 1, paper: str = "a4") -> None:
    """A self-contained page with print CSS: `per_page` cards on each printed page, cut lines between them."""
    width, height = PAPER_MM[paper]
    cols = 2 if per_page == 4 else 1
    rows = per_page // cols
    pages = [range(i, min(i + per_page, len(game.cards))) for i in range(0, len(game.cards), per_page)]
    body = "".join(f'<div class="page">{"".join(_html_card(game, i) for i in page)}</div>' for page in pages)
    out.write(f"""<!DOCTYPE html>
<html lang="{game.lang}"><head><meta charset="utf-8"><title>{html.escape(game.title)} · {game.id}</title>
<style>
@page {{ size: {width}mm {height}mm; margin: 8mm; }}
body {{ font-family: "Helvetica Neue", Arial, sans-serif; margin: 0; }}
.page {{ display: grid; grid-template-columns: repeat({cols}, 1fr); grid-template-rows: repeat({rows}, 1fr);
  height: {height - 16}mm; break-after: page; page-break-after: always; }}
.page:last-child {{ break-after: auto; page-break-after: auto; }}
.card {{ border: 1px dashed #999; padding: 4mm; display: flex; flex-direction: column; box-sizing: border-box; }}
.card h1 {{ font-size: {14 if per_page > 2 else 20}pt; text-align: center; margin: 0 0 3mm; }}
.grid {{ display: grid; flex: 1; border: 2px solid #222; }}
.sq {{ border: 1px solid #222; display: flex; align-items: center; justify-content: center; text-align: center;
  padding: 1mm; font-size: {8 if per_page > 2 else 11}pt; overflow-wrap: anywhere; hyphens: auto; }}
.free {{ background: #eee; font-weight: bold; }}
.id {{ text-align: center; font-size: 8pt; margin: 2mm 0 0; color: #444; }}
@media screen {{ .page {{ height: auto; margin: 1em; }} }}
</style></head><body>{body}</body></html>
""")


def render_svg(game: Game, out: TextIO) -> None:
    """One SVG sheet with every card stacked vertically, terms wrapped inside their squares."""
    square, pad, head = 120, 20, 50
    side = square * game.size
    card_h = head + side + 40
    total_h = pad + len(game.cards) * (card_h + pad)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{side + 2 * pad}" height="{total_h}" '
             f'viewBox="0 0 {side + 2 * pad} {total_h}" font-family="Helvetica, Arial, sans-serif">']
    for index, cells in enumerate(game.cards):
        top = pad + index * (card_h + pad)
        parts.append(f'<g id="card-{index + 1}"><text x="{pad + side / 2}" y="{top + 30}" font-size="22" '
                     f'text-anchor="middle" font-weight="bold">{html.escape(game.title)}</text>')
        for i, cell in enumerate(cells):
            x, y = pad + (i % game.size) * square, top + head + (i // game.size) * square
            fill = "#eee" if cell is None else "#fff"
            parts.append(f'<rect x="{x}" y="{y}" width="{square}" height="{square}" fill="{fill}" stroke="#222"/>')
            text = cell_text(game, cell)
            small = len(text) > 40 or max(map(len, text.split() or [""])) > 14
            lines = _wrap(text, 18 if small else 14)
            size = 11 if small or len(lines) > 4 else 14
            for n, line in enumerate(lines):
                ty = y + square / 2 + (n - (len(lines) - 1) / 2) * (size + 2)
                parts.append(f'<text x="{x + square / 2}" y="{ty:.1f}" font-size="{size}" text-anchor="middle" '
                             f'dominant-baseline="middle">{html.escape(line)}</text>')
        parts.append(f'<text x="{pad + side / 2}" y="{top + head + side + 25}" font-size="12" text-anchor="middle">'
                     f'{html.escape(game.label(index))}</text></g>')
    parts.append("</svg>\n")
    out.write("\n".join(parts))


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap; words longer than `width` are split at hyphens or cut."""
    words: list[str] = []
    for word in text.split():
        while len(word) > width:
            cut = word.rfind("-", 0, width) + 1 or width
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]



