"""Rolling captions (YouTube): a line repeated from the cue before is said once; a phrase said again counts again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bingo.cli import app
from bingo.rolling import Rolling
from bingo.transcript import TranscriptMasker

DATA = Path(__file__).resolve().parent / "data" / "transcripts"


def hits_of(path: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["scan", str(path), "--format", "json"])
    found: list[dict[str, Any]] = json.loads(result.stdout)["files"][0]["hits"]
    return found


def test_youtube_rolling_captions_count_each_buzzword_once() -> None:
    content = (DATA / "youtube-de.vtt").read_text(encoding="utf-8")
    hits = hits_of(DATA / "youtube-de.vtt")
    counts = {h["term"]: sum(1 for x in hits if x["term"] == h["term"]) for h in hits}
    # Mindset shown in three cues, said once; Synergien said twice, in two different lines
    assert counts["Mindset"] == 1 and counts["Customer Journey"] == 1 and counts["synergy"] == 2
    journey = next(h for h in hits if h["term"] == "Customer Journey")
    assert (journey["time"], journey["line"]) == ("00:00:02.010", 13)  # its first occurrence, across two cues
    for hit in hits:
        assert " ".join(content[hit["start"]:hit["end"]].split()) == " ".join(hit["text"].split())


def test_youtube_winner_is_decided_at_the_first_occurrence(tmp_path: Path) -> None:
    runner = CliRunner()
    game = tmp_path / "de.game.json"
    runner.invoke(app, ["card", "--count", "4", "--size", "3", "--seed", "11", "--lang", "de", "--words",
                        str(DATA / "words-de.txt"), "--format", "json", "--game", str(game)])
    result = runner.invoke(app, ["check", str(game), str(DATA / "youtube-de.vtt"), "--format", "json"])
    data = json.loads(result.stdout)
    won = next(c for c in data["cards"] if c["card"] == 4)["completed_at"]
    assert result.exit_code == 0 and data["winner"] == 4
    assert (won["term"], won["time"], won["end_time"], won.get("speaker")) == (
        "Customer Journey", "00:00:02.010", "00:00:04.000", None)


@pytest.mark.parametrize(("cues", "said"), [
    # a person repeats a buzzword in separate cues: each counts
    ([["Anna: Wir heben Synergien."], ["Anna: Synergien, sage ich."]],
     ["Wir heben Synergien.", "Synergien, sage ich."]),
    ([["Let's circle back."], ["Yes, circle back", "on Monday."]],
     ["Let's circle back.", "Yes, circle back", "on Monday."]),
    # scrolling: the previous cue's last line on top of the new one
    ([["let's circle"], ["let's circle", "back on Monday"], ["back on Monday", "and align"]],
     ["let's circle", "back on Monday", "and align"]),
    # two lines of overlap; a line after a new one is never a repeat
    ([["eins Synergien", "zwei"], ["eins Synergien", "zwei", "drei"], ["vier", "zwei"]],
     ["eins Synergien", "zwei", "drei", "vier", "zwei"]),
])
def test_the_rule_leading_lines_equal_to_the_previous_cues_trailing_lines(cues: list[list[str]],
                                                                          said: list[str]) -> None:
    lines = ["WEBVTT\n", "\n"]
    for n, cue in enumerate(cues):
        lines += [f"00:00:0{n}.000 --> 00:00:0{n + 1}.000\n", *(f"{text}\n" for text in cue), "\n"]
    mask = TranscriptMasker()
    masked = [mask(line) for line in lines]
    assert [len(m) for m in masked] == [len(line) for line in lines]
    kept = [" ".join(m.split()) for m in masked if m.strip()]
    assert kept == said


def test_rolling_compares_without_word_timings() -> None:
    rolling = Rolling()
    rolling.cue()
    assert not rolling.repeated("und<00:00:02.500><c> unsere</c><00:00:03.000><c> Customer</c>\n")
    rolling.cue()
    assert rolling.repeated("und unsere Customer\n") and not rolling.repeated("Journey\n")
