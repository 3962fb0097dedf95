"""The game commands honour the configuration, never lose a game file, and deal the same game from any checkout."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bingo import lexicon as lexicon_module
from bingo.cards.deck import Request, new_game
from bingo.cli import app
from bingo.lexicon import load_lexicon


def deal(runner: CliRunner, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["card", "--count", "30", "--seed", "4", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("lang", ["de", "en"])
def test_card_deals_nothing_the_configuration_disables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       lang: str) -> None:
    runner = CliRunner()
    plain = deal(runner, "--lang", lang)
    entries = load_lexicon().entries
    dealt = set(plain["terms"])
    assert any(entries[i].category == "anglicism" for i in dealt)  # the same seed, no configuration
    first = sorted(i for i in plain["cards"][0] if i)[:3]
    (tmp_path / ".git").mkdir()
    (tmp_path / ".bingo.yaml").write_text(f"disable: [{', '.join(first)}]\ndisable_categories: [anglicism]\n",
                                          encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    configured = deal(runner, "--lang", lang)
    assert not set(first) & set(configured["terms"])
    assert not any(entries[i].category == "anglicism" for i in configured["terms"])
    assert configured["game"] != plain["game"]
    named = deal(runner, "--lang", lang, "--config", str(tmp_path / ".bingo.yaml"))
    assert named["terms"] == configured["terms"]


def test_live_house_card_honours_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    said = "Wir müssen Synergien heben, das schafft Mehrwert.\n"
    before = runner.invoke(app, ["live"], input=said).stdout
    assert "Synergien heben" in before and "Mehrwert" in before
    (tmp_path / ".git").mkdir()
    (tmp_path / ".bingo.yaml").write_text("disable: [synergien-heben]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    after = runner.invoke(app, ["live"], input=said)
    assert after.exit_code == 0 and "Synergien heben" not in after.stdout and "line 1: Mehrwert" in after.stdout


def test_check_takes_the_configured_lexicon_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = Path(__file__).resolve().parent / "data" / "mini-lexicon.yaml"
    (tmp_path / ".git").mkdir()
    (tmp_path / ".bingo.yaml").write_text(f"lexicons: [{extra}]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    game = tmp_path / "g.game.json"
    assert runner.invoke(app, ["card", "--seed", "1", "--format", "json", "--game", str(game)]).exit_code == 0
    assert json.loads(game.read_text(encoding="utf-8"))["options"]["lexicons"] == [str(extra)]
    result = runner.invoke(app, ["check", str(game), "-", "--format", "json"], input="Ein Text.\n")
    assert result.exit_code == 1 and json.loads(result.stdout)["winner"] is None


def test_a_game_file_of_another_game_is_not_overwritten(tmp_path: Path) -> None:
    runner = CliRunner()
    game = tmp_path / "offsite.game.json"
    first = ["card", "--seed", "7", "--count", "3", "--format", "text", "--game", str(game)]
    assert runner.invoke(app, first).exit_code == 0
    kept = game.read_bytes()
    assert runner.invoke(app, first).exit_code == 0 and game.read_bytes() == kept  # the same game: fine
    other = runner.invoke(app, ["card", "--seed", "8", "--count", "3", "--game", str(game)])
    assert other.exit_code == 2 and game.read_bytes() == kept
    assert "records game" in other.stderr and "--force" in other.stderr and "Traceback" not in other.stderr
    output = runner.invoke(app, ["card", "--seed", "8", "--count", "3", "--output", str(game)])
    assert output.exit_code == 2 and game.read_bytes() == kept  # a JSON deal written over it, too
    forced = runner.invoke(app, ["card", "--seed", "8", "--count", "3", "--game", str(game), "--force"])
    assert forced.exit_code == 0 and json.loads(game.read_text(encoding="utf-8"))["seed"] == 8
    notes = tmp_path / "notes.json"
    notes.write_text('{"todo": 1}\n', encoding="utf-8")
    refused = runner.invoke(app, ["card", "--seed", "8", "--game", str(notes)])
    assert refused.exit_code == 2 and "not a bingo game file" in refused.stderr and notes.read_text() == '{"todo": 1}\n'


def test_the_same_seed_deals_the_same_game_from_any_checkout(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    games = []
    for place in ("one/site-packages/bingo", "two/checkout/src/bingo"):
        folder = tmp_path / place / "lexicons"
        shutil.copytree(lexicon_module.builtin_dir(), folder)
        extra = tmp_path / place / "team.yaml"
        shutil.copy(Path(__file__).resolve().parent / "data" / "mini-lexicon.yaml", extra)
        monkeypatch.setattr(lexicon_module, "builtin_dir", lambda folder=folder: folder)
        games.append(new_game(Request(seed=12, count=3, lexicons=(extra,))))
    one, two = games
    assert load_lexicon.__module__ == "bingo.lexicon"
    assert (one.id, one.digest, one.cards) == (two.id, two.digest, two.cards)
    assert one.options["lexicons"] != two.options["lexicons"]  # recorded, to find the file again; not hashed
    other = new_game(Request(seed=12, count=3))
    assert other.digest != one.digest  # the team lexicon's entries are part of what was dealt from
