"""HTML and SVG card pages: well-formed, self-contained, one titled grid per card in the dealt order."""

from __future__ import annotations

import io
import json
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from html_check import parse
from test_cards import POOL, SHY, make, words_file
from typer.testing import CliRunner

from bingo.cards.game import Game, from_dict
from bingo.cards.html import render_html
from bingo.cli import app


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def assert_card_page(content: str, game: Game, per_page: int) -> None:
    """Well-formed, self-contained, and one titled grid of size x size squares per card, in the dealt order."""
    page = parse(content)
    assert page.doctype == "DOCTYPE html"
    (root,) = page.document.children
    assert root.tag == "html" and root.attrs["lang"] == game.lang
    assert [child.tag for child in root.children] == ["head", "body"]
    assert [t.text for t in root.find_all("title")] == [f"{game.title} · {game.id}"]
    assert root.find_all("script") == [] and root.find_all("link") == [] and "@page" in content
    pages = root.find_all("div", "page")
    assert [len(p.find_all("section", "card")) for p in pages] == [
        min(per_page, len(game.cards) - start) for start in range(0, len(game.cards), per_page)]
    cards = root.find_all("section", "card")
    assert len(cards) == len(game.cards) and len(pages) == math.ceil(len(game.cards) / per_page)
    centre = game.size * game.size // 2 if game.free and game.size % 2 else None
    for index, (section, dealt) in enumerate(zip(cards, game.cards, strict=True)):
        assert [h.text.replace(SHY, "") for h in section.find_all("h1")] == [game.title]
        (grid,) = section.find_all("div", "grid")
        tracks = f"repeat({game.size},minmax(0,1fr))"
        assert grid.attrs["style"] == f"grid-template-columns:{tracks};grid-template-rows:{tracks}"
        squares = grid.children
        assert len(squares) == game.size * game.size and all("sq" in sq.classes() for sq in squares)
        assert [sq.text_content().replace(SHY, "") for sq in squares] == [
            game.free_label if c is None else game.terms[c] for c in dealt]
        assert [i for i, sq in enumerate(squares) if "free" in sq.classes()] == ([] if centre is None else [centre])
        assert [p.text for p in section.find_all("p", "id")] == [game.label(index)]


ESCAPED = [*POOL[:30], ("amp", 'R&D <Team> "Q4" & Co')]


@pytest.mark.parametrize(("lang", "size", "free", "per_page"), [
    ("de", 3, True, 1), ("en", 3, False, 2), ("de", 4, True, 4), ("en", 5, True, 2), ("de", 5, False, 1),
])
def test_html_cards_structure(lang: str, size: int, free: bool, per_page: int) -> None:
    game = make(count=5, size=size, free=free, pool=ESCAPED, lang=lang, title='Tom & Jerry <3 "Bingo"')
    out = io.StringIO()
    render_html(game, out, per_page=per_page)
    assert_card_page(out.getvalue(), game, per_page)
    assert "<Team>" not in out.getvalue() and "<3" not in out.getvalue()  # escaped, and read back by the parser


def test_card_html_and_svg_are_well_formed(runner: CliRunner, tmp_path: Path) -> None:
    for suffix in ("html", "svg"):
        out = tmp_path / f"cards.{suffix}"
        result = runner.invoke(app, ["card", "--count", "4", "--seed", "5", "--words", str(words_file(tmp_path)),
                                     "--size", "3", "--per-page", "2", "-o", str(out)])
        assert result.exit_code == 0, result.output
        content = out.read_text(encoding="utf-8").replace(SHY, "")
        game = from_dict(json.loads((tmp_path / "cards.game.json").read_text(encoding="utf-8")))
        if suffix == "svg":
            sheet = ET.fromstring(content)
            assert len(sheet.findall("{http://www.w3.org/2000/svg}g")) == 4
        else:
            assert_card_page(content, game, per_page=2)
        for term in game.terms.values():
            assert term.split()[0][:6] in content  # a long word may be hyphenated: the tests below check lines
        assert game.id in content


def test_card_html_and_svg_to_stdout(runner: CliRunner) -> None:
    # without --output these crashed on None.open(); they are text, so they go to stdout like text and json
    svg = runner.invoke(app, ["card", "--seed", "2", "--format", "svg"])
    assert svg.exit_code == 0, svg.output
    ET.fromstring(svg.stdout)
    page = runner.invoke(app, ["card", "--seed", "2", "--format", "html", "--per-page", "2"])
    assert page.exit_code == 0 and page.stdout.startswith("<!DOCTYPE html>")
    assert "game file" not in svg.stderr  # no --output to put a game file beside, no --game asked for
