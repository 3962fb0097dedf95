"""Bingo cards: dealing, determinism, formats, checking transcripts and live play."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import optional_module
from typer.testing import CliRunner

from bingo.cards.check import Round
from bingo.cards.game import Game, cells_per_card, deal, from_dict
from bingo.cli import app
from bingo.errors import BingoError

SHY = "\u00ad"  # the soft hyphens the HTML cards may break at
POOL = [(f"t{i:02}", f"Begriff Nummer {i} mit Überlänge-Kundenzentrierungsstrategie" if i == 3
         else f"Begriff {i} ä ö ü ß") for i in range(40)]
WORDS = "\n".join(["# Meeting-Bingo", "Synergien", "Touchpoint", "Customer Journey", "Mindset", "Roadmap", "Quick Win",
                   "Deep Dive", "Stakeholder", "Agilität", "Paradigmenwechsel"]) + "\n"


def make(count: int = 5, size: int = 5, free: bool = True, seed: int = 1, pool: list[tuple[str, str]] = POOL,
         lang: str = "de", title: str = "Test") -> Game:
    return deal(pool, count=count, size=size, free=free, seed=seed, lang=lang, title=title, source="test",
                digest="d", options={"count": count, "size": size})


@pytest.mark.parametrize(("size", "free", "cells"),
                         [(3, True, 8), (4, True, 16), (5, True, 24), (5, False, 25), (3, False, 9)])
def test_sizes_and_free_centre(size: int, free: bool, cells: int) -> None:
    game = make(size=size, free=free)
    assert cells_per_card(size, free) == cells
    for card in game.cards:
        assert len(card) == size * size
        assert (card[size * size // 2] is None) == (free and size % 2 == 1)
        assert len({c for c in card if c}) == cells


def test_cards_are_all_different() -> None:
    game = make(count=200, size=3)
    assert len({frozenset(c) for c in game.cards}) == 200


def test_same_seed_same_bytes_and_different_seed_different_cards() -> None:
    assert make(seed=42).to_json() == make(seed=42).to_json()
    assert make(seed=42).cards != make(seed=43).cards
    assert from_dict(json.loads(make(seed=42).to_json())) == make(seed=42)


@pytest.mark.parametrize(("count", "pool", "message"), [
    (1, POOL[:10], "not enough terms for a 5x5 card: 10 available, 24 needed"),
    (10, POOL[:9], "allow only 9 different 3x3 cards, not 10"),
])
def test_too_small_pool(count: int, pool: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(BingoError, match=message):
        make(count=count, size=5 if "5x5" in message else 3, pool=pool)


def test_labels() -> None:
    game = make(count=30)
    assert game.label(11) == f"Spiel {game.id} · Karte 12/30"
    assert len(game.id) == 4


def test_round_winner_is_the_earliest_completed_line() -> None:
    from bingo.models import Hit

    game = make(count=3, size=3)
    first, second = game.cards[0], game.cards[1]

    def hit(ident: str | None, start: int) -> Hit:
        assert ident is not None  # only the free centre is None
        return Hit(id=ident, term=game.terms[ident], text=ident, category="x", weight=1, level="warning",
                   line=1, column=start + 1, end_line=1, end_column=start + 2, start=start, end=start + 1)

    play = Round.start(game)
    hits = [hit(second[0], 0), hit(first[0], 10), hit(second[1], 20), hit(first[1], 30), hit(first[2], 40),
            hit(second[2], 50)]
    play.hear(hits)
    # card 1's top row completed at offset 40, card 2's at 50: both win, card 1 first
    assert [(w.index, w.won_at.start if w.won_at else None, w.line) for w in play.winners()] == [
        (0, 40, [0, 1, 2]), (1, 50, [0, 1, 2])]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def words_file(tmp_path: Path) -> Path:
    path = tmp_path / "words.txt"
    path.write_text(WORDS, encoding="utf-8")
    return path


def test_card_pdf_pages_text_and_game_file(runner: CliRunner, tmp_path: Path) -> None:
    pypdf = optional_module("pypdf", "test")
    out = tmp_path / "offsite.pdf"
    result = runner.invoke(app, ["card", "--count", "5", "--seed", "3", "--per-page", "2", "--output", str(out)])
    assert result.exit_code == 0, result.output
    game = from_dict(json.loads((tmp_path / "offsite.game.json").read_text(encoding="utf-8")))
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) == 3
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for index, card in enumerate(game.cards):
        assert game.label(index) in flat
        for cell in card:
            if cell:
                for word in game.terms[cell].split():
                    assert word.replace("-", "") in flat.replace("- ", "").replace("-", ""), (cell, word)


def test_card_text_and_json_to_stdout(runner: CliRunner, tmp_path: Path) -> None:
    text = runner.invoke(app, ["card", "--seed", "1", "--lang", "en", "--size", "4"])
    assert text.exit_code == 0 and "Game " in text.stdout and "Card 1/1" in text.stdout
    one = runner.invoke(app, ["card", "--seed", "9", "--count", "3", "--format", "json"]).stdout
    two = runner.invoke(app, ["card", "--seed", "9", "--count", "3", "--format", "json"]).stdout
    assert one == two and json.loads(one)["seed"] == 9


def test_card_format_from_suffix_and_game_file_path() -> None:
    from bingo.cards.output import CARD_FORMATS, card_format, game_file_for

    assert CARD_FORMATS == ("pdf", "html", "svg", "text", "json")
    assert card_format(None, Path("a/Cards.HTM")) == "html" and card_format("svg", Path("x.SVG")) == "svg"
    assert card_format("json", None) == "json" and card_format(None, None) == "text"
    assert game_file_for(Path("out/offsite.pdf")) == Path("out/offsite.game.json")


def test_titles_and_game_files(tmp_path: Path) -> None:
    from bingo.cards.game import load_game, title_for

    assert title_for("de") == "Bullshit-Bingo" and title_for("en", ["ai-tell"]) == "AI Tell Bingo"
    assert title_for("de", ("ai-tell", "idiom")) == "Bullshit-Bingo"
    with pytest.raises(BingoError, match=r"missing\.json: no such game file"):
        load_game(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(BingoError, match=r"bad\.json: not a bingo game file"):
        load_game(tmp_path / "bad.json")
    (tmp_path / "g.json").write_text(make(count=2).to_json(), encoding="utf-8")
    assert load_game(tmp_path / "g.json") == make(count=2)


def test_round_bingos_pair_each_winner_with_its_hit() -> None:
    from bingo.models import Hit

    game = make(count=2, size=3)
    hits = [Hit(id=cell, term=game.terms[cell], text=cell, category="x", weight=1, level="warning", line=1,
                column=n + 1, end_line=1, end_column=n + 2, start=n, end=n + 1)
            for n, cell in enumerate(game.cards[1][:3])]
    play = Round.start(game)
    play.hear(hits)
    assert [(state.index, hit.start) for state, hit in play.bingos()] == [(1, 2)]


def test_card_errors(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["card", "--words", str(words_file(tmp_path)), "--count", "2"])
    assert result.exit_code == 2 and "not enough terms for a 5x5 card" in result.stderr
    nonsense = runner.invoke(app, ["card", "--category", "nonsense"])
    assert nonsense.exit_code == 2 and nonsense.stderr.startswith("bingo: error: unknown category 'nonsense' (known: ")
    pdf = runner.invoke(app, ["card", "--format", "pdf"])
    assert (pdf.exit_code, pdf.stderr) == (2, "bingo: error: --format pdf needs --output FILE\n")


def test_check_decides_the_winner_from_a_transcript(runner: CliRunner, tmp_path: Path) -> None:
    game_path = tmp_path / "g.json"
    runner.invoke(app, ["card", "--count", "4", "--seed", "2", "--size", "3", "--words", str(words_file(tmp_path)),
                        "--format", "json", "--game", str(game_path)])
    game = from_dict(json.loads(game_path.read_text(encoding="utf-8")))
    row = [game.terms[c] for c in game.cards[2][:3] if c is not None]
    transcript = tmp_path / "minutes.txt"
    transcript.write_text(f"Zuerst {row[0]}.\n\nDann {row[1]}.\n\nZum Schluss {row[2]}.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(game_path), str(transcript), "--format", "json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    winner = next(c for c in data["cards"] if c["card"] == data["winner"])
    assert winner["bingo"] and winner["completed_at"]["line"] == 5
    assert data["cards"][2]["bingo"]
    claimed = runner.invoke(app, ["check", str(game_path), "--card", "3"], input=transcript.read_text(encoding="utf-8"))
    assert claimed.exit_code == 0 and "BINGO!" in claimed.stdout
    nothing = runner.invoke(app, ["check", str(game_path), "-"], input="Heute nur Kaffee.\n")
    assert nothing.exit_code == 1 and "No BINGO yet." in nothing.stdout


def test_live_through_a_pipe(runner: CliRunner, tmp_path: Path) -> None:
    game_path = tmp_path / "g.json"
    runner.invoke(app, ["card", "--seed", "2", "--size", "3", "--words", str(words_file(tmp_path)), "--format", "json",
                        "--game", str(game_path)])
    game = from_dict(json.loads(game_path.read_text(encoding="utf-8")))
    column = [game.terms[c] for c in (game.cards[0][i] for i in (0, 3, 6)) if c is not None]
    lines = "Guten Morgen.\n" + "".join(f"Wir reden über {term}.\n" for term in column)
    result = runner.invoke(app, ["live", str(game_path)], input=lines)
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    assert out[:3] == [f"line {n}: {term}" for n, term in zip((2, 3, 4), column, strict=True)]
    assert out[3] == f"BINGO! line completed by {column[2]} (line 4)"
    assert out[-1].endswith(f"BINGO (game {game.id}, card 1).")


def test_live_house_card(runner: CliRunner) -> None:
    result = runner.invoke(app, ["live", "--lang", "en"], input="Our customer journey has a touchpoint.\n")
    assert result.exit_code == 0 and "line 1: Customer Journey" in result.stdout
