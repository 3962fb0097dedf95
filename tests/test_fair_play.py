"""Fair card play: context-bound terms can be marked, longer phrases do not hide card terms, no near-duplicates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bingo.cards.fair import conflicts, contains, near_duplicate, stem_match, words
from bingo.cards.game import Game
from bingo.cli import app
from bingo.lexicon import load_lexicon


def game_with(tmp_path: Path, lang: str, ids: list[str]) -> Path:
    """A one-card 3x3 game file holding these lexicon ids (the free centre in the middle)."""
    lexicon = load_lexicon()
    cells: list[str | None] = [*ids[:4], None, *ids[4:8]]
    game = Game(id="FAIR", seed=0, lang=lang, size=3, free=True, title="t", source="lexicon", digest="x",
                terms={i: lexicon.entries[i].term for i in ids}, cards=(tuple(cells),),
                options={"lexicons": []})
    path = tmp_path / "fair.game.json"
    path.write_text(game.to_json(), encoding="utf-8")
    return path


def heard(tmp_path: Path, lang: str, ids: list[str], text: str) -> set[str]:
    result = CliRunner().invoke(app, ["check", str(game_with(tmp_path, lang, ids)), "-", "--format", "json"],
                                input=text)
    data: dict[str, Any] = json.loads(result.stdout)
    return set(data["heard"])


DE = ["agil", "transformation", "ganzheitlich", "mehrwert", "synergy", "roadmap", "kpi", "silo"]
EN = ["holistic", "synergy", "leverage", "mindset", "north-star", "bandwidth", "circle-back", "deep-dive"]


@pytest.mark.parametrize(("lang", "ids", "text", "marked"), [
    # context rules: a player marks the word when it is said, whatever its neighbours
    ("de", DE, "Ich finde das total agil.\n", {"agil"}),
    ("de", DE, "Die Transformation ist in vollem Gang.\n", {"transformation"}),
    # a longer phrase off the card does not hide the card term in it
    ("de", DE, "Wir verfolgen einen ganzheitlichen Ansatz.\n", {"ganzheitlich"}),
    ("de", DE, "Das schafft Mehrwert für alle Beteiligten.\n", {"mehrwert"}),
    ("de", DE, "Hier heben wir Synergien.\n", {"synergy"}),
    ("en", EN, "We take a holistic approach to this.\n", {"holistic"}),
    # exceptions still count: VAT is no added value
    ("de", DE, "Die Mehrwertsteuer steigt.\n", set()),
])
def test_card_terms_are_marked_when_said(tmp_path: Path, lang: str, ids: list[str], text: str,
                                         marked: set[str]) -> None:
    assert heard(tmp_path, lang, ids, text) == marked


def test_a_card_term_inside_another_cards_term_is_marked_too(tmp_path: Path) -> None:
    ids = ["ganzheitlicher-ansatz", "ganzheitlich", "roadmap", "kpi", "silo", "agil", "mehrwert", "synergy"]
    assert heard(tmp_path, "de", ids, "Unser ganzheitlicher Ansatz.\n") == {"ganzheitlicher-ansatz", "ganzheitlich"}


@pytest.mark.parametrize(("one", "other", "near"), [
    (["synergy"], ["Synergien heben"], True),
    (["Customer Experience Manager"], ["Customer Experience Management"], True),
    (["Mehrwert"], ["Mehrwert für alle Beteiligten"], True),
    (["ganzheitlich"], ["ganzheitlicher Ansatz"], True),
    (["mehr"], ["Mehrwert"], False),
    (["Hebel"], ["Synergien heben"], False),
    (["Customer Journey"], ["Customer Experience"], False),
])
def test_near_duplicates(one: list[str], other: list[str], near: bool) -> None:
    assert near_duplicate(one, other) is near


def test_stems_and_containment() -> None:
    assert stem_match("agil", "agile") and not stem_match("kunde", "kunst") and stem_match("manager", "management")
    assert contains(words("Wir heben Synergien"), words("synergy")) and not contains(words("Syn"), words("synergy"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_card_holds_two_near_duplicates(lang: str) -> None:
    result = CliRunner().invoke(app, ["card", "--count", "40", "--seed", "3", "--lang", lang, "--format", "json"])
    data = json.loads(result.stdout)
    lexicon = load_lexicon()
    pool = {i: (lexicon.entries[i].term, *lexicon.entries[i].variants) for i in data["terms"]}
    near = conflicts(pool)
    assert near  # the game as a whole has near-duplicates (on different cards) ...
    for card in data["cards"]:
        ids = {i for i in card if i}
        assert not any(near.get(i, frozenset()) & ids for i in ids)  # ... no card has two
