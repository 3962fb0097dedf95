"""Cards as they print: the HTML measured in a real browser (headless chromium), the PDF's fonts, text and layout."""

from __future__ import annotations

import io
import json
import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import optional_module, unavailable
from test_cards_wrap import LONG_DE, LONG_EN, SHY, make, unbroken
from typer.testing import CliRunner

from bingo.cards.fit import RANGE
from bingo.cards.game import deal
from bingo.cards.html import card_html, render_html
from bingo.cards.pdf import INSET, PAD, card_layout, lines_of, page_layout, render_pdf
from bingo.cards.pdffont import pdf_fonts
from bingo.cli import app

# Added to a copy of the page by the test only: the cards themselves have no script.
MEASURE = """<script>
const box = e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; };
const lines = sq => {  // the text of each line as laid out: a new line where a visible character moves down
  const node = sq.firstElementChild.firstChild, range = document.createRange(), out = [];
  let top = null;
  for (let i = 0; node && i < node.length; i++) {
    range.setStart(node, i); range.setEnd(node, i + 1);
    const r = [...range.getClientRects()].filter(rect => rect.width > 0).pop();  // not the break's empty one
    if (r && r.width > 0 && Math.round(r.top) !== top) { out.push(""); top = Math.round(r.top); }
    if (!out.length) out.push("");
    out[out.length - 1] += node.data[i];
  }
  return out;
};
document.body.insertAdjacentHTML("beforeend", "<pre id='measured'>" + JSON.stringify(
  [...document.querySelectorAll(".card")].map(card => ({
    grid: box(card.querySelector(".grid")), title: [card.querySelector("h1").scrollWidth, card.clientWidth],
    squares: [...card.querySelectorAll(".sq")].map(sq => ({
      size: box(sq), scroll: [sq.scrollWidth, sq.clientWidth, sq.scrollHeight, sq.clientHeight],
      text: box(sq.firstElementChild), lines: lines(sq)}))}))) + "</pre>");
</script>"""


def chromium() -> str:
    """The headless browser, or a skip (a failure in CI)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found is None:
        unavailable("chromium is not installed: apt-get install chromium")
    return found


def browse(page: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "cards.html"
    path.write_text(page, encoding="utf-8")
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
               f"--user-data-dir={tmp_path / 'profile'}", *args, path.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True, cwd=tmp_path)


@pytest.mark.parametrize(("terms", "lang", "size", "per_page", "paper"), [
    (LONG_DE, "de", 5, 1, "a4"), (LONG_DE, "de", 5, 4, "letter"), (LONG_EN, "en", 4, 2, "a4"),
    (LONG_DE, "de", 3, 4, "a4"),
])
def test_html_cells_are_square_equal_and_hold_their_text(tmp_path: Path, terms: list[str], lang: str, size: int,
                                                         per_page: int, paper: str) -> None:
    game = make(terms, lang, size=size, title="Strategie-Offsite der Geschäftsführung und aller Bereichsleitungen")
    out = io.StringIO()
    render_html(game, out, per_page=per_page, paper=paper)
    dom = browse(out.getvalue().replace("</body>", MEASURE + "</body>"), tmp_path, "--window-size=1200,1600",
                 "--virtual-time-budget=3000", "--dump-dom").stdout
    found = re.search(r"<pre id=\"measured\">(.*?)</pre>", dom, re.S)
    assert found is not None, dom[-500:]
    cards = json.loads(found.group(1).replace("&quot;", '"'))
    assert len(cards) == len(game.cards)
    for card, dealt in zip(cards, game.cards, strict=True):
        width, height = card["grid"]
        assert abs(width - height) <= 1 and width > 200  # the grid is square (flat strips before: 5:1 and wider)
        sides = [side for sq in card["squares"] for side in sq["size"]]
        assert max(sides) - min(sides) <= 1, sides  # every square the same size, width = height
        for sq, cell in zip(card["squares"], dealt, strict=True):
            # the browser breaks lines at spaces, hyphens and soft hyphens (shown as "-") only
            shown = [line[:-1] + "-" if line.endswith(SHY) else line for line in sq["lines"]]
            unbroken(game.free_label if cell is None else game.terms[cell], [s.replace(SHY, "") for s in shown])
            scroll_w, client_w, scroll_h, client_h = sq["scroll"]
            assert scroll_w <= client_w and scroll_h <= client_h, sq  # no text out of its square
            assert sq["text"][0] <= sq["size"][0] and sq["text"][1] <= sq["size"][1], sq
        assert card["title"][0] <= card["title"][1]  # the title wraps inside the card


@pytest.mark.parametrize(("per_page", "paper", "media"), [(1, "a4", (595, 842)), (4, "letter", (612, 792)),
                                                         (2, "a4", (595, 842))])
def test_html_prints_per_page_cards_on_the_paper(tmp_path: Path, per_page: int, paper: str,
                                                 media: tuple[int, int]) -> None:
    pypdf = optional_module("pypdf", "test")
    game = make(LONG_DE, "de", size=5)
    out = io.StringIO()
    render_html(game, out, per_page=per_page, paper=paper)
    printed = tmp_path / "printed.pdf"
    browse(out.getvalue(), tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={printed}")
    reader = pypdf.PdfReader(str(printed))
    assert len(reader.pages) == math.ceil(len(game.cards) / per_page)  # no card split over two pages
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == media
    text = reader.pages[0].extract_text()
    assert text.count(f"Spiel {game.id}") == min(per_page, len(game.cards))


def test_card_html_is_one_card_for_other_pages() -> None:
    game = make(LONG_DE, "de", size=5)
    marked = [i % 2 == 0 for i in range(25)]
    section = card_html(game, 0, marked, title="BINGO!")
    assert section.startswith('<section class="card"><h1>BINGO!</h1>') and section.count('class="sq') == 25
    assert section.count(" on\"") == sum(on and cell is not None for on, cell in zip(marked, game.cards[0],
                                                                                     strict=True))
    assert "overflow-wrap: anywhere" not in render_page(game)


def render_page(game: object) -> str:
    out = io.StringIO()
    render_html(game, out)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize(("terms", "lang"), [(LONG_DE, "de"), (LONG_EN, "en")])
@pytest.mark.parametrize(("per_page", "paper"), [(1, "a4"), (2, "letter"), (4, "a4"), (4, "letter")])
def test_pdf_layout_every_line_inside_its_square(terms: list[str], lang: str, per_page: int, paper: str) -> None:
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts = pdf_fonts()
    width, height = A4 if paper == "a4" else LETTER
    game = make(terms, lang, title="Strategie-Offsite der Geschäftsführung mit allen Bereichsleitungen 2026")
    for box in page_layout(per_page, width, height):
        x, y, w, h = box
        assert x >= 0 and y >= 0 and x + w <= width and y + h <= height
        for index in range(len(game.cards)):
            card = card_layout(game, index, box, fonts)
            for text, font, size, cx, _ in lines_of(card):
                half = stringWidth(text, font, size) / 2
                assert x + PAD - 0.01 <= cx - half and cx + half <= x + w - PAD + 0.01, text  # inside the card
            assert card.title.width(lambda t, f, s: stringWidth(t, f, s)) <= w - 2 * PAD
            unbroken(game.title, list(card.title.lines))
            sizes = []
            for square, cell in zip(card.squares, game.cards[index], strict=True):
                fitted = square.fitted
                assert max(stringWidth(line, fitted.font, fitted.size) for line in fitted.lines) <= (
                    square.side - 2 * INSET), fitted  # Customer-Experience-Management-Plattform ran into the next
                assert fitted.height() <= square.side - 2 * INSET
                unbroken(game.free_label if cell is None else game.terms[cell], list(fitted.lines))
                sizes.append(fitted.size)
            assert max(sizes) / min(sizes) <= RANGE + 1e-9 and min(sizes) >= 6, sizes  # not 5.8 pt beside 13.8


def test_pdf_fonts_are_embedded_and_unicode_text_reads_back(tmp_path: Path) -> None:
    pypdf = optional_module("pypdf", "test")
    if "DejaVu" not in pdf_fonts().files[0].name:
        unavailable("DejaVu Sans is not installed: apt-get install fonts-dejavu-core")
    game = make(["Łódź-Strategie", "Привет Команда", "Ærø Ångström", "Żółć", *LONG_DE[:24]], "de", size=5,
                title="Łódź · Привет")
    out = io.BytesIO()
    assert render_pdf(game, out) == []  # every character has a glyph
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            assert "/FontFile2" in descendant["/FontDescriptor"], font  # embedded TrueType (Helvetica was not)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages).replace("- ", "")
    for word in ("Łódź-Strategie", "Привет", "Команда", "Żółć", "Ångström"):
        assert word in text or word.replace("-", "") in text, word
    assert text.count("Łódź · Привет") == len(game.cards)


def test_pdf_warns_once_about_characters_the_font_lacks(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("\n".join(["Rakete 🚀", "Ziel 🎯", *LONG_DE[:6]]) + "\n", encoding="utf-8")  # all 8 dealt
    result = CliRunner().invoke(app, ["card", "--size", "3", "--seed", "1", "--words", str(words),
                                      "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [f"bingo: warning: {tmp_path / 'x.pdf'}: the font has no glyph for 🎯 🚀 (printed as boxes)"]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pdf_four_per_page_long_compound_stays_in_its_square(paper: str) -> None:
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pool = [(f"t{i:02}", term) for i, term in enumerate(LONG_DE[:24])]
    game = deal(pool, count=1, size=5, free=True, seed=1, lang="de", title="Bullshit-Bingo", source="test",
                digest="d", options={})
    card = card_layout(game, 0, page_layout(4, *(A4 if paper == "a4" else LETTER))[3], pdf_fonts())
    (square,) = [sq for sq in card.squares if sq.fitted.text == "Customer-Experience-Management-Plattform"]
    unbroken(square.fitted.text, list(square.fitted.lines))
    assert square.fitted.lines[:2] == ("Customer-", "Experience-")  # at its own hyphens first
    assert all(stringWidth(line, square.fitted.font, square.fitted.size) <= square.side - 2 * INSET
               for line in square.fitted.lines)  # it ran 20 pt into the next square, and past the cut line
