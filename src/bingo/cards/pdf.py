"""Vector PDF cards with reportlab: selectable text, umlauts, terms wrapped or shrunk to fit, cut lines.

reportlab is imported here only, when a PDF is asked for. Its standard Helvetica uses WinAnsi
encoding, which covers German umlauts and ß, so no font file has to be shipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from bingo.cards.game import Game

if TYPE_CHECKING:  # for the annotation only: reportlab itself is imported when a PDF is drawn
    from reportlab.pdfgen.canvas import Canvas

MARGIN = 36  # points (half an inch)


def _layout(per_page: int, width: float, height: float) -> list[tuple[float, float, float, float]]:
    """Boxes (x, y, w, h) for the cards on one page."""
    usable_w, usable_h = width - 2 * MARGIN, height - 2 * MARGIN - 14
    if per_page == 1:
        return [(MARGIN, MARGIN + 14, usable_w, usable_h)]
    if per_page == 2:
        half = usable_h / 2
        return [(MARGIN, MARGIN + 14 + half, usable_w, half), (MARGIN, MARGIN + 14, usable_w, half)]
    w, h = usable_w / 2, usable_h / 2
    return [(MARGIN, MARGIN + 14 + h, w, h), (MARGIN + w, MARGIN + 14 + h, w, h),
            (MARGIN, MARGIN + 14, w, h), (MARGIN + w, MARGIN + 14, w, h)]


def _fit(text: str, font: str, width: float, height: float, start: float) -> tuple[float, list[str]]:
    """The largest font size (down to 5 pt) at which `text` wraps into the box."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = start
    while size > 5:
        lines = simpleSplit(text, font, size, width)
        fits = all(stringWidth(line, font, size) <= width for line in lines)
        if fits and len(lines) * size * 1.15 <= height:
            return size, lines
        size -= 0.5
    return 5, simpleSplit(text, font, 5, width)


def _card(canvas: Canvas, game: Game, index: int, box: tuple[float, float, float, float]) -> None:
    """Draw one card (title, grid, label) inside its box."""
    x, y, w, h = box
    pad = 10
    title_size = min(20, h / 18)
    canvas.setFont("Helvetica-Bold", title_size)
    canvas.drawCentredString(x + w / 2, y + h - pad - title_size, game.title)
    label_size = max(6, title_size * 0.45)
    side = min(w - 2 * pad, h - 3 * pad - title_size - label_size * 2)
    square = side / game.size
    left = x + (w - side) / 2
    top = y + h - 2 * pad - title_size
    canvas.setLineWidth(1.5)
    canvas.rect(left, top - side, side, side)
    canvas.setLineWidth(0.6)
    for i, cell in enumerate(game.cards[index]):
        col, row = i % game.size, i // game.size
        sx, sy = left + col * square, top - (row + 1) * square
        if cell is None:
            canvas.setFillGray(0.9)
            canvas.rect(sx, sy, square, square, fill=1)
            canvas.setFillGray(0)
        else:
            canvas.rect(sx, sy, square, square)
        font = "Helvetica-Bold" if cell is None else "Helvetica"
        text = game.free_label if cell is None else game.terms[cell]
        size, lines = _fit(text, font, square - 8, square - 8, min(14.0, square / 4.5))
        canvas.setFont(font, size)
        first = sy + square / 2 + (len(lines) - 1) * size * 1.15 / 2 - size * 0.35
        for n, line in enumerate(lines):
            canvas.drawCentredString(sx + square / 2, first - n * size * 1.15, line)
    canvas.setFont("Helvetica", label_size)
    canvas.drawCentredString(x + w / 2, top - side - pad - label_size, game.label(index))


def render_pdf(game: Game, out: BinaryIO, per_page: int = 1, paper: str = "a4") -> None:
    """All cards, `per_page` to a page, with dashed cut lines and a footer naming the game."""
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.pdfgen.canvas import Canvas

    width, height = A4 if paper == "a4" else LETTER
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    canvas.setTitle(f"{game.title} · {game.id}")
    canvas.setAuthor("bingo")
    boxes = _layout(per_page, width, height)
    for start in range(0, len(game.cards), per_page):
        for offset, box in enumerate(boxes):
            if start + offset < len(game.cards):
                _card(canvas, game, start + offset, box)
        if per_page > 1:
            canvas.setDash(4, 4)
            canvas.setLineWidth(0.4)
            _, y, _, h = boxes[-1]
            if per_page == 4:
                canvas.line(MARGIN + (width - 2 * MARGIN) / 2, y, MARGIN + (width - 2 * MARGIN) / 2, height - MARGIN)
            canvas.line(MARGIN, y + h, width - MARGIN, y + h)
            canvas.setDash()
        canvas.setFont("Helvetica", 7)
        footer = f"{game.label(start).rsplit(' · ', 1)[0]} · seed {game.seed} · bingo"
        canvas.drawCentredString(width / 2, MARGIN / 2, footer)
        canvas.showPage()
    canvas.save()
