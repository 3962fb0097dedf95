"""Transcripts (WebVTT, SubRip): masking, cues, and `bingo check` deciding the winner by time and speaker.

The fixtures under data/transcripts are written for games dealt from the word lists there with
`--seed 11`: the comments on each test say which card completes which line in which cue.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bingo.cli import app
from bingo.paragraphs import paragraphs
from bingo.sources import Source, kind_for
from bingo.transcript import TranscriptMasker, clock, looks_like, parse, seconds

DATA = Path(__file__).resolve().parent / "data" / "transcripts"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def deal(runner: CliRunner, tmp_path: Path, lang: str) -> Path:
    game = tmp_path / f"{lang}.game.json"
    result = runner.invoke(app, ["card", "--count", "4", "--size", "3", "--seed", "11", "--lang", lang,
                                 "--words", str(DATA / f"words-{lang}.txt"), "--format", "json", "--game", str(game)])
    assert result.exit_code == 0, result.output
    return game


def check(runner: CliRunner, game: Path, *args: str, stdin: str | None = None) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["check", str(game), *args, "--format", "json"], input=stdin)
    return result.exit_code, json.loads(result.stdout)


def completed(data: dict[str, Any], card: int) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in data["cards"] if c["card"] == card)["completed_at"]
    return found


def test_suffixes_and_content_tell_a_transcript() -> None:
    assert kind_for("meeting.vtt") == kind_for("MEETING.SRT") == "transcript"
    assert looks_like(["\ufeffWEBVTT\n", "\n"]) and looks_like(["WEBVTT - Zoom\n"])
    assert looks_like(["\n", "1\r\n", "00:00:01,000 --> 00:00:02,000\r\n"])
    assert not looks_like(["WEBVTTX\n"]) and not looks_like(["1\n", "Erstens: Synergien.\n"])


def test_masking_keeps_length_and_only_the_said_text() -> None:
    mask = TranscriptMasker()
    lines = ["WEBVTT\n", "\n", "NOTE Synergien\n", "\n", "abc-1/2\n", "00:00:01.000 --> 00:00:04.000 align:start\n",
             "<v Anna Schmidt>Wir <c.x>heben</c> <00:00:02.500>Synergien.</v>\n", "\n", "2\n",
             "00:00:04.000 --> 00:00:05.000\n", "Ben Wagner: Roadmap\r\n"]
    masked = [mask(line) for line in lines]
    assert [len(m) for m in masked] == [len(line) for line in lines]
    assert "".join(masked).split() == ["Wir", "heben", "Synergien.", "Roadmap"]


@pytest.mark.parametrize("name", ["zoom-de.vtt", "teams-en.vtt", "meeting-de.srt"])
def test_cues_hold_times_speakers_and_exact_offsets(name: str) -> None:
    content = (DATA / name).read_text(encoding="utf-8")
    cues = parse(content).cues
    assert cues and all(c.begins is not None and c.speaker for c in cues)
    for cue in cues:
        said = content[cue.start:cue.end]
        assert cue.said and cue.said.split()[-1] in said
        assert parse(content).cue_at(cue.start) == cue
    assert parse(content).cue_at(0) is None  # the header or first cue number is no cue text


def test_a_phrase_runs_on_across_cues_with_exact_offsets(scanner: Any) -> None:
    path = DATA / "zoom-de.vtt"
    content = path.read_text(encoding="utf-8")
    result = scanner.scan_source(Source(str(path), kind_for(path), file=path), "de")
    assert "customer-journey" in {h.id for h in result.hits}
    for hit in result.hits:
        assert content[hit.start:hit.end] == hit.text
    terms = {h.term for h in result.hits}
    assert not {"synergy", "roadmap"} & {h.id for h in result.hits}, terms  # only said in the NOTE block
    assert len(list(paragraphs(Source(str(path), "transcript", file=path)))) == 1


def test_zoom_vtt_winner_time_and_speaker(runner: CliRunner, tmp_path: Path) -> None:
    # Card 4's middle column: "Customer Journey" (said across cues 1 and 2) and "Mindset" in cue 2.
    code, data = check(runner, deal(runner, tmp_path, "de"), str(DATA / "zoom-de.vtt"))
    assert code == 0 and data["winner"] == 4 and "tied" not in data
    won = completed(data, 4)
    assert (won["term"], won["time"], won["end_time"], won["speaker"]) == (
        "Mindset", "00:00:04.200", "00:00:07.800", "Anna Schmidt")
    assert "synergien" not in data["heard"] and "roadmap" not in data["heard"]  # NOTE block (heard: ids)
    rich = runner.invoke(app, ["check", str(tmp_path / "de.game.json"), str(DATA / "zoom-de.vtt")])
    assert "Winner: Card 4 · BINGO at 00:00:04 · Anna Schmidt: “Journey und das neue Mindset im Team.”" in " ".join(
        rich.stdout.split())


def test_teams_vtt_tie_in_one_cue(runner: CliRunner, tmp_path: Path) -> None:
    # Cards 1 and 4 share the diagonal "north star" / "take it offline": both complete in Raj's cue.
    game = deal(runner, tmp_path, "en")
    code, data = check(runner, game, str(DATA / "teams-en.vtt"))
    assert code == 0 and data["winner"] == 1 and data["tied"] == [1, 4]
    for card in (1, 4):
        assert (completed(data, card)["time"], completed(data, card)["speaker"]) == ("00:00:09.250", "Raj Patel")
    assert (completed(data, 2)["time"], completed(data, 2)["speaker"]) == ("00:00:12.400", "Jane Doe")
    text = " ".join(runner.invoke(app, ["check", str(game), str(DATA / "teams-en.vtt")]).stdout.split())
    assert "Winner (tie): Card 1 · BINGO at 00:00:09 · Raj Patel: “Great point, let's take it offline.”" in text
    assert "Winner (tie): Card 4 · BINGO at 00:00:09 · Raj Patel" in text and "#3: Card 2 · BINGO at 00:00:12" in text


def test_srt_and_the_claimed_card(runner: CliRunner, tmp_path: Path) -> None:
    # Card 3's middle column: "Synergien" (cue 1) and "Ökosystem" (cue 2, in <i>).
    game = deal(runner, tmp_path, "de")
    code, data = check(runner, game, str(DATA / "meeting-de.srt"))
    assert code == 0 and data["winner"] == 3
    assert (completed(data, 3)["time"], completed(data, 3)["speaker"]) == ("00:00:03.500", "Klaus Meier")
    claimed = runner.invoke(app, ["check", str(game), str(DATA / "meeting-de.srt"), "--card", "3"])
    assert claimed.exit_code == 0
    assert "Card 3 · BINGO at 00:00:03 · Klaus Meier: “Das Ökosystem wächst.”" in " ".join(claimed.stdout.split())
    lost = runner.invoke(app, ["check", str(game), str(DATA / "meeting-de.srt"), "--card", "1"])
    assert lost.exit_code == 1 and "Card 1 has no BINGO." in lost.stdout


def test_stdin_and_plain_text_suffix_are_sniffed(runner: CliRunner, tmp_path: Path) -> None:
    game = deal(runner, tmp_path, "de")
    srt = (DATA / "meeting-de.srt").read_text(encoding="utf-8")
    _, piped = check(runner, game, "-", stdin=srt)
    txt = tmp_path / "meeting.txt"
    txt.write_text(srt, encoding="utf-8")
    _, named = check(runner, game, str(txt))
    assert completed(piped, 3)["time"] == completed(named, 3)["time"] == "00:00:03.500"


def test_crlf_bom_and_a_bad_timestamp_are_read_leniently(runner: CliRunner, tmp_path: Path) -> None:
    game = deal(runner, tmp_path, "de")
    crlf = tmp_path / "zoom.vtt"
    crlf.write_bytes(b"\xef\xbb\xbf" + (DATA / "zoom-de.vtt").read_bytes().replace(b"\n", b"\r\n"))
    _, data = check(runner, game, str(crlf))
    won = completed(data, 4)
    assert (won["time"], won["speaker"], won["line"]) == ("00:00:04.200", "Anna Schmidt", 12)
    content = crlf.read_bytes().decode("utf-8-sig")
    assert content[won["offset"]:won["offset"] + len(won["text"])] == won["text"]
    bad = tmp_path / "bad.srt"
    bad.write_text((DATA / "meeting-de.srt").read_text(encoding="utf-8").replace("00:00:03,500 -->", "00:0x:03 -->"),
                   encoding="utf-8")
    code, data = check(runner, game, str(bad))
    assert code == 0 and data["winner"] == 3 and "time" not in completed(data, 3)
    assert completed(data, 3)["speaker"] == "Klaus Meier"


def test_times() -> None:
    assert seconds("01:02:03.450") == 3723.45 and seconds("02:03,5") == 123.5 and seconds("0x:00") is None
    assert clock(3723.45) == "01:02:03.450" and clock(None) == "?"


def test_live_masks_captions_and_tells_the_time(runner: CliRunner, tmp_path: Path) -> None:
    game = deal(runner, tmp_path, "de")
    result = runner.invoke(app, ["live", str(game), "--card", "4"], input=(DATA / "zoom-de.vtt").read_text("utf-8"))
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    assert out[0] == "line 12 at 00:00:04.200 by Anna Schmidt: Mindset"
    assert "BINGO! line completed by abholen (line 20 at 00:00:11.500 by Ben Wagner)" in out


def test_quotes_are_not_read_as_console_markup(runner: CliRunner, tmp_path: Path) -> None:
    game = deal(runner, tmp_path, "de")
    srt = tmp_path / "brackets.srt"
    srt.write_text((DATA / "meeting-de.srt").read_text(encoding="utf-8").replace("wächst.", "wächst [Lachen] [/i]."),
                   encoding="utf-8")
    result = runner.invoke(app, ["check", str(game), str(srt)])
    assert result.exit_code == 0 and "“Das Ökosystem wächst [Lachen] [/i].”" in " ".join(result.stdout.split())


def test_a_cue_without_the_blank_line_before_it() -> None:
    content = "1\n00:00:01,000 --> 00:00:02,000\nErstens.\n00:00:02,000 --> 00:00:03,000\nZweitens.\n"
    mask = TranscriptMasker()
    assert "".join(mask(line) for line in content.splitlines(keepends=True)).split() == ["Erstens.", "Zweitens."]
    cues = parse(content).cues
    assert [(c.begins, c.said) for c in cues] == [(1.0, "Erstens."), (2.0, "Zweitens.")]
