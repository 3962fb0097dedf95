"""HTML cards: square, equal cells that print 1, 2 or 4 to a page with cut lines, and `card_html` for one card.

Sizes inside a card are in `cqw`, hundredths of the grid's width (the grid is a CSS size container),
so a card keeps its proportions, and its line breaks, at any width: on screen, on paper, or embedded
in another page (the scan report's house card) that only sets the grid's width. The font size is chosen
once per card by `fit_card` from Helvetica's metrics, and a soft hyphen goes where that layout breaks
a word (`hyphens: manual`): the browser breaks at spaces, hyphens and those, never elsewhere, and so
at the compound boundaries `wrap` prefers rather than wherever a syllable ends (Kundenzen-trierung).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TextIO

from bingo.cards.fit import Fitted, fit_card
from bingo.cards.game import Game
from bingo.cards.wrap import known_stems, soft_hyphenated, soft_hyphens_at

PAPER_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
PAPER_CSS = {"a4": "A4", "letter": "letter"}
PAGE_MARGIN = 8  # mm
PAD = 1.2  # cqw: a square's padding
SLOTS = {1: (1, 1), 2: (1, 2), 4: (2, 2)}  # cards per page -> (columns, rows)
HEAD = {1: 16, 2: 13, 4: 11}  # mm above and below a card's grid: title, label and padding

CARD_CSS = f"""
.card {{ box-sizing: border-box; border: 1px dashed #999; padding: 3mm; display: flex; flex-direction: column;
  align-items: center; justify-content: center; break-inside: avoid; page-break-inside: avoid; overflow: hidden; }}
.card h1 {{ margin: 0 0 2mm; text-align: center; line-height: 1.1; hyphens: manual; overflow-wrap: normal; }}
.grid {{ container-type: size; display: grid; aspect-ratio: 1 / 1; box-sizing: border-box; border: 2px solid #222;
  font-family: Helvetica, Arial, "Liberation Sans", sans-serif; }}
.sq {{ box-sizing: border-box; min-width: 0; min-height: 0; border: 1px solid #222; padding: {PAD}cqw;
  display: flex; align-items: center; justify-content: center; text-align: center; line-height: 1.18;
  hyphens: manual; overflow-wrap: normal; word-break: normal; }}
.free {{ background: #eee; font-weight: bold; }}
.on {{ background: #2e7d32; color: #fff; font-weight: bold; }}
.card .id {{ text-align: center; font-size: 8pt; margin: 2mm 0 0; color: #444; }}
"""


def _fonts(game: Game, index: int) -> list[Fitted]:
    """Each square's term laid out, sizes in cqw of the grid (one size per card, within fit's RANGE)."""
    inner = 100 / game.size - 2 * PAD - 0.6  # the square's content box; 0.6: its borders and rounding
    terms = [(game.free_label if cell is None else game.terms[cell], "Helvetica-Bold" if cell is None else "Helvetica")
             for cell in game.cards[index]]
    # 0.92: room for a browser's font whose widths differ a little from Helvetica's
    return fit_card(terms, inner * 0.92, inner * 0.92, (1.0, 100 / game.size / 5), game.lang)


def card_html(game: Game, index: int, marked: Sequence[bool] | None = None, title: str | None = None) -> str:
    """One card as a `<section class="card">` (title, grid, label); style it with CARD_CSS and a grid width.

    `marked`: squares shown as heard (class `on`), e.g. for a played card; the free centre is always marked.
    """
    squares = []
    for i, (cell, fitted) in enumerate(zip(game.cards[index], _fonts(game, index), strict=True)):
        on = marked is not None and marked[i] and cell is not None
        classes = "sq" + (" free" if cell is None else "") + (" on" if on else "")
        squares.append(f'<div class="{classes}" style="font-size:{fitted.size:g}cqw">'
                       f'<span>{html.escape(soft_hyphens_at(fitted.text, fitted.lines))}</span></div>')
    heading = html.escape(soft_hyphenated(title or game.title, game.lang, known_stems(game.lang)))
    tracks = f"repeat({game.size},minmax(0,1fr))"
    return (f'<section class="card"><h1>{heading}</h1>'
            f'<div class="grid" style="grid-template-columns:{tracks};grid-template-rows:{tracks}">'
            f'{"".join(squares)}</div><p class="id">{html.escape(game.label(index))}</p></section>')


def page_css(per_page: int, paper: str, title: str) -> str:
    """Print CSS for `per_page` cards on each page of `paper`, the same boxes on screen, cut lines around each."""
    width, height = (v - 2 * PAGE_MARGIN for v in PAPER_MM[paper])
    cols, rows = SLOTS[per_page]
    slot_w, slot_h = width / cols, height / rows
    side = min(slot_w - 8, slot_h - 2 * HEAD[per_page])  # the grid: square, as big as the slot allows
    title_pt = {1: 20, 2: 15, 4: 12}[per_page] * (1 if len(title) <= 40 else 0.75)  # a long title: smaller, wrapped
    return f"""@page {{ size: {PAPER_CSS[paper]}; margin: {PAGE_MARGIN}mm; }}
body {{ font-family: Helvetica, Arial, "Liberation Sans", sans-serif; margin: 0; }}
.page {{ display: grid; grid-template-columns: repeat({cols}, {slot_w:g}mm);
  grid-template-rows: repeat({rows}, {slot_h:g}mm); width: {width:g}mm; height: {height:g}mm;
  break-after: page; page-break-after: always; }}
.page:last-child {{ break-after: auto; page-break-after: auto; }}
.card h1 {{ font-size: {title_pt:g}pt; max-width: {side:g}mm; }}
.card .grid {{ width: {side:g}mm; }}
{CARD_CSS}
@media screen {{ body {{ background: #ccc; }}
  .page {{ background: #fff; margin: 1em auto; padding: {PAGE_MARGIN}mm; }} }}
"""


def render_html(game: Game, out: TextIO, per_page: int = 1, paper: str = "a4") -> None:
    """A self-contained page with print CSS: `per_page` cards on each printed page, cut lines around each."""
    pages = [range(i, min(i + per_page, len(game.cards))) for i in range(0, len(game.cards), per_page)]
    body = "".join(f'<div class="page">{"".join(card_html(game, i) for i in page)}</div>' for page in pages)
    out.write(f"""<!DOCTYPE html>
<html lang="{game.lang}"><head><meta charset="utf-8"><title>{html.escape(game.title)} · {game.id}</title>
<style>
{page_css(per_page, paper, game.title)}</style></head><body>{body}</body></html>
""")
