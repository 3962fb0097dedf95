"""Vector PDF cards with reportlab: selectable text in an embedded Unicode font, one font size per card, cut lines.

The layout is data (`page_layout`, `card_layout`): the drawing only follows it, and the tests check
it (every line inside its square) without parsing the PDF. reportlab is imported here only, when a
PDF is asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from bingo.cards.fit import LEADING, Fitted, fit_card
from bingo.cards.game import Game
from bingo.cards.pdffont import Fonts, pdf_fonts

if TYPE_CHECKING:  # for the annotation only: reportlab itself is imported when a PDF is drawn
    from reportlab.pdfgen.canvas import Canvas

MARGIN = 36  # points (half an inch)
PAD = 10  # points between a card's box and its content
INSET = 4  # points between a square's border and its text
Box = tuple[float, float, float, float]  # x, y (bottom left), width, height


@dataclass(frozen=True)
class Square:
    """One square of a card: its box and the term laid out in it."""

    x: float
    y: float
    side: float
    fitted: Fitted
    free: bool


@dataclass(frozen=True)
class CardLayout:
    """Where everything of one card goes."""

    box: Box
    title: Fitted
    title_top: float  # baseline of the title's first line
    grid: Box
    squares: tuple[Square, ...]
    label: str
    label_size: float
    label_y: float


def page_layout(per_page: int, width: float, height: float) -> list[Box]:
    """Boxes (x, y, w, h) for the cards on one page."""
    usable_w, usable_h = width - 2 * MARGIN, height - 2 * MARGIN - 14
    cols = 2 if per_page == 4 else 1
    rows = per_page // cols
    w, h = usable_w / cols, usable_h / rows
    return [(MARGIN + c * w, MARGIN + 14 + (rows - 1 - r) * h, w, h) for r in range(rows) for c in range(cols)]


def card_layout(game: Game, index: int, box: Box, fonts: Fonts) -> CardLayout:
    """Lay out one card in its box: the title wrapped or shrunk to the box, the grid square, terms fitted."""
    x, y, w, h = box
    title_max = min(20.0, h / 18)
    (title,) = fit_card([(game.title, fonts.bold)], w - 2 * PAD, title_max * LEADING * 2, (6, title_max), game.lang)
    label_size = max(6, title_max * 0.45)
    title_h = title.height()
    side = min(w - 2 * PAD, h - 3 * PAD - title_h - label_size * 2)
    square = side / game.size
    left = x + (w - side) / 2
    top = y + h - 2 * PAD - title_h
    terms = [(game.free_label if cell is None else game.terms[cell], fonts.bold if cell is None else fonts.regular)
             for cell in game.cards[index]]
    inner = square - 2 * INSET
    fitted = fit_card(terms, inner, inner, (6, min(14.0, square / 4.5)), game.lang)
    squares = tuple(Square(left + (i % game.size) * square, top - (i // game.size + 1) * square, square, f,
                           game.cards[index][i] is None) for i, f in enumerate(fitted))
    return CardLayout(box, title, y + h - PAD - title.size, (left, top - side, side, side), squares,
                      game.label(index), label_size, top - side - PAD - label_size)


def lines_of(card: CardLayout) -> Iterator[tuple[str, str, float, float, float]]:
    """Every line drawn on a card: (text, font, size, centre x, baseline y), title, squares and label."""
    x, _, w, _ = card.box
    for n, line in enumerate(card.title.lines):
        yield line, card.title.font, card.title.size, x + w / 2, card.title_top - n * card.title.size * LEADING
    for sq in card.squares:
        f = sq.fitted
        first = sq.y + sq.side / 2 + (len(f.lines) - 1) * f.size * LEADING / 2 - f.size * 0.35
        for n, line in enumerate(f.lines):
            yield line, f.font, f.size, sq.x + sq.side / 2, first - n * f.size * LEADING


def _draw(canvas: Canvas, card: CardLayout, fonts: Fonts) -> None:
    """Draw one card as laid out."""
    canvas.setLineWidth(1.5)
    canvas.rect(*card.grid)
    canvas.setLineWidth(0.6)
    for sq in card.squares:
        if sq.free:
            canvas.setFillGray(0.9)
        canvas.rect(sq.x, sq.y, sq.side, sq.side, fill=1 if sq.free else 0)
        canvas.setFillGray(0)
    for text, font, size, cx, baseline in lines_of(card):
        canvas.setFont(font, size)
        canvas.drawCentredString(cx, baseline, text)
    x, _, w, _ = card.box
    canvas.setFont(fonts.regular, card.label_size)
    canvas.drawCentredString(x + w / 2, card.label_y, card.label)


def render_pdf(game: Game, out: BinaryIO, per_page: int = 1, paper: str = "a4") -> list[str]:
    """All cards, `per_page` to a page, with dashed cut lines; returns the characters the font cannot show."""
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.pdfgen.canvas import Canvas

    fonts = pdf_fonts()
    width, height = A4 if paper == "a4" else LETTER
    canvas = Canvas(out, pagesize=(width, height), invariant=1, initialFontName=fonts.regular)
    canvas.setTitle(f"{game.title} · {game.id}")
    canvas.setAuthor("bingo")
    boxes = page_layout(per_page, width, height)
    for start in range(0, len(game.cards), per_page):
        for offset, box in enumerate(boxes):
            if start + offset < len(game.cards):
                _draw(canvas, card_layout(game, start + offset, box, fonts), fonts)
        if per_page > 1:
            canvas.setDash(4, 4)
            canvas.setLineWidth(0.4)
            for bx, by, bw, bh in boxes:
                canvas.rect(bx, by, bw, bh)
            canvas.setDash()
        canvas.setFont(fonts.regular, 7)
        footer = f"{game.label(start).rsplit(' · ', 1)[0]} · seed {game.seed} · bingo"
        canvas.drawCentredString(width / 2, MARGIN / 2, footer)
        canvas.showPage()
    canvas.save()
    return fonts.missing([game.title, game.free_label, *game.terms.values()])
