"""`bingo check`: the report line of a BINGO (card, time, speaker, quote) and `-o/--output` by scan's rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bingo.cards.check import excerpt
from bingo.cards.game import Game
from bingo.cli import app
from bingo.lexicon import load_lexicon

IDS = {"de": ["customer-journey", "mindset", "agil", "roadmap", "stakeholder", "kpi", "silo", "synergy"],
       "en": ["north-star", "bandwidth", "deep-dive", "circle-back", "synergy", "leverage", "holistic", "mindset"]}
# Card 1's top row is the first three ids; the long cue at 00:14:32 completes it with the third.
MEETINGS = {
    "de": ("WEBVTT\n\n1\n00:14:20.000 --> 00:14:25.000\nAnna Schmidt: Wir wollen die Customer Journey neu denken.\n\n"
           "2\n00:14:25.000 --> 00:14:32.000\nBen Wagner: Dafür brauchen wir ein neues Mindset.\n\n"
           "3\n00:14:32.480 --> 00:14:40.000\nAnna Schmidt: Ehrlich gesagt müssen wir im ganzen Haus endlich agil "
           "werden, sonst verlieren wir am Ende des Jahres den Anschluss an die Konkurrenz.\n"),
    "en": ("WEBVTT\n\n00:14:20.000 --> 00:14:25.000\n<v Jane Doe>Customer trust is our north star.</v>\n\n"
           "00:14:25.000 --> 00:14:32.000\n<v Raj Patel>We lack the bandwidth for it.</v>\n\n"
           "00:14:32.480 --> 00:14:40.000\n<v Jane Doe>To be honest we should do a deep dive on the whole "
           "onboarding flow before the end of the quarter, or we lose them.</v>\n"),
}
LINES = {
    "de": "Winner: Card 1 · BINGO at 00:14:32 · Anna Schmidt: “… im ganzen Haus endlich agil werden, sonst "
          "verlieren wir am Ende des …”",
    "en": "Winner: Card 1 · BINGO at 00:14:32 · Jane Doe: “… we should do a deep dive on the whole onboarding "
          "flow before the end …”",
}


def game_and_meeting(tmp_path: Path, lang: str) -> tuple[Path, Path]:
    """A two-card 3x3 game of these ids (card 2 has the first three on no line) and a meeting transcript."""
    lexicon = load_lexicon()
    ids = IDS[lang]
    cards = (tuple([*ids[:4], None, *ids[4:]]), (ids[3], ids[0], ids[4], ids[1], None, ids[5], ids[6], ids[7], ids[2]))
    game = Game(id="CHK1", seed=0, lang=lang, size=3, free=True, title="t", source="lexicon", digest="x",
                terms={i: lexicon.entries[i].term for i in ids}, cards=cards, options={"lexicons": []})
    path = tmp_path / "meeting.game.json"
    path.write_text(game.to_json(), encoding="utf-8")
    meeting = tmp_path / "meeting.vtt"
    meeting.write_text(MEETINGS[lang], encoding="utf-8")
    return path, meeting


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_bingo_line_names_card_time_speaker_and_a_quote(tmp_path: Path, lang: str) -> None:
    game, meeting = game_and_meeting(tmp_path, lang)
    result = CliRunner().invoke(app, ["check", str(game), str(meeting)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert LINES[lang] in result.stdout.splitlines()


def test_the_quote_is_the_cue_around_the_term() -> None:
    assert excerpt("Und die Stakeholder früh abholen.", "abholen") == "Und die Stakeholder früh abholen."
    said = "heute wollen wir endlich die Customer Journey neu denken und zwar gründlich mit allen Teams im Haus"
    assert excerpt(said, "Customer\n\n2\n00:00:04.200 --> 00:00:07.800\nAnna: Journey", 40) == (
        "… wollen wir endlich die Customer Journey …")


@pytest.mark.parametrize(("name", "given", "starts"), [
    ("result.json", [], "{"),
    ("result.html", [], "<!DOCTYPE html>"),
    ("result.txt", [], "BINGO!"),
    ("result.html", ["--format", "json"], "{"),  # --format beats the suffix
    ("result.log", [], "BINGO!"),  # any other suffix: the default, rich without colours
])
def test_output_suffix_picks_the_format(tmp_path: Path, name: str, given: list[str], starts: str) -> None:
    game, meeting = game_and_meeting(tmp_path, "de")
    target = tmp_path / name
    result = CliRunner().invoke(app, ["check", str(game), str(meeting), "-o", str(target), *given])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text.lstrip().startswith(starts) and "\x1b[" not in text
    if starts == "{":
        assert json.loads(text)["winner"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"meeting.game.json", "meeting.vtt", name})


@pytest.mark.parametrize("which", ["game", "meeting"])
def test_output_never_overwrites_an_input(tmp_path: Path, which: str) -> None:
    game, meeting = game_and_meeting(tmp_path, "de")
    target = game if which == "game" else meeting
    before = target.read_bytes()
    result = CliRunner().invoke(app, ["check", str(game), str(meeting), "-o", str(target)])
    assert result.exit_code == 2 and "--output would overwrite" in result.output
    assert target.read_bytes() == before


def test_output_keeps_the_exit_code_without_bingo(tmp_path: Path) -> None:
    game, meeting = game_and_meeting(tmp_path, "de")
    meeting.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nNur das Mindset zählt.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(game), str(meeting), "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 1 and json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["winner"] is None
