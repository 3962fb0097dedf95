"""Malformed transcripts are read leniently, never with a traceback; an unreadable cue time is named by FILE:LINE."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from processes import TIMEOUT, bingo, environment
from typer.testing import CliRunner

from bingo.cards.captions import numbered
from bingo.cli import app
from bingo.reading import MAX_LINE
from bingo.transcript import parse

DATA = Path(__file__).resolve().parent / "data" / "transcripts"
CASES = {
    "bom-crlf.vtt": b"\xef\xbb\xbfWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nAnna Schmidt: Synergien heben\r\n"
                    b"00:00:02.000 --> 00:00:03.000\r\nBen Wagner: Die Roadmap steht.\r\n",
    "bad-times.srt": b"1\n00:00:01,000 --> \nSynergien heben wir.\n\n2\n--> 00:00:03,000\nDie Roadmap.\n\n"
                     b"3\n99:99:99,999 --> 00:00:01,000\nDas Mindset.\n",
    "no-blank-lines.vtt": b"WEBVTT\n00:00:01.000 --> 00:00:02.000\nSynergien heben\n00:00:02.000 --> 00:00:03.000\n"
                          b"Roadmap\n-->\n<v >x</v>\n<v Anna\n",
    "cue-without-text.srt": b"1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\nSynergien heben\n",
    "latin-1.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGrüße, Synergien heben\n".encode("latin-1"),
    "hours.vtt": b"WEBVTT\n\n123:00:01.000 --> 123:00:05.000\nAnna Schmidt: Synergien heben\n\n"
                 b"99999999999999999999:00:01.000 --> 99999999999999999999:00:02.000\nBen Wagner: Die Roadmap.\n",
    "negative.srt": b"1\n00:00:05,000 --> 00:00:01,000\nSynergien heben wir.\n\n2\n-00:00:01,000 --> 00:00:02,000\n"
                    b"Ben: Roadmap.\n",
    "truncated.vtt": b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.200\nAnna Schmidt: Synergien heben\n\n2\n00:00:0",
}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, data in CASES.items():
        out[name] = tmp_path / name
        out[name].write_bytes(data)
    return out


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_traceback_in_any_command(files: dict[str, Path], tmp_path: Path, name: str) -> None:
    runner = CliRunner()
    game = tmp_path / "g.game.json"
    assert runner.invoke(app, ["card", "--seed", "1", "--format", "json", "--game", str(game)]).exit_code == 0
    path = str(files[name])
    for args in (["scan", path, "--format", "json"], ["check", str(game), path], ["speakers", path],
                 ["live", "--follow", path, "--idle", "0.2"]):
        result = runner.invoke(app, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.stderr and result.exit_code in (0, 1, 2), args
        if name == "latin-1.vtt" and args[0] != "live":
            assert result.exit_code == 2 and f"{path}: not valid UTF-8 (near line" in result.stderr
        elif args[0] == "scan":
            hits = json.loads(result.stdout)["files"][0]["hits"]
            assert "synergien-heben" in {h["id"] for h in hits}


def test_bom_and_crlf_keep_times_speakers_and_offsets(files: dict[str, Path]) -> None:
    result = CliRunner().invoke(app, ["scan", str(files["bom-crlf.vtt"]), "--format", "json"])
    hits = json.loads(result.stdout)["files"][0]["hits"]
    content = files["bom-crlf.vtt"].read_bytes().decode("utf-8-sig")
    said = {h["id"]: (h["time"], h["speaker"]) for h in hits}
    assert said == {"synergien-heben": ("00:00:01.000", "Anna Schmidt"), "roadmap": ("00:00:02.000", "Ben Wagner")}
    assert all(content[h["start"]:h["end"]] == h["text"] for h in hits)


def test_unreadable_cue_times_are_named_by_file_and_line(files: dict[str, Path], tmp_path: Path) -> None:
    runner = CliRunner()
    game = tmp_path / "g.game.json"
    runner.invoke(app, ["card", "--seed", "1", "--format", "json", "--game", str(game)])
    path = files["bad-times.srt"]
    result = runner.invoke(app, ["check", str(game), str(path), "--format", "json"])
    assert f"warning: {path}:6: cannot read the cue's start time" in result.stderr
    assert f"warning: {path}:10: cannot read the cue's start time" in result.stderr
    assert f"{path}:2:" not in result.stderr  # its start time is readable
    cues = parse(path.read_text(encoding="utf-8")).cues
    assert [(c.line, c.begins, c.ends) for c in cues] == [(2, 1.0, None), (6, None, 3.0), (10, None, 1.0)]
    data = json.loads(result.stdout)
    assert result.exit_code in (0, 1) and data["game"] and "Traceback" not in result.stderr



def test_live_reads_bytes_that_are_not_utf8_from_a_pipe() -> None:
    said = "1\n00:00:01,000 --> 00:00:02,000\nGrüße, wir müssen Synergien heben\n".encode("latin-1")
    result = subprocess.run(bingo("live"), input=said, capture_output=True, env=environment(), check=False,
                            timeout=TIMEOUT)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr[-500:]
    assert b"line 3 at 00:00:01.000: Synergien heben" in result.stdout


def test_live_cuts_a_line_too_long_to_tokenise_and_keeps_its_number() -> None:
    huge = "Wir heben Synergien im Mindset " * 40_000 + "\n"  # 1.24 million characters: more than spaCy takes
    pieces = list(numbered(["WEBVTT\n", "Gr\udcfc\udcdfe\n", huge]))
    assert pieces[1] == (2, "Gr\ufffd\ufffde\n")
    assert {n for n, _ in pieces[2:]} == {3} and "".join(p for _, p in pieces[2:]) == huge
    assert all(len(p) <= MAX_LINE for _, p in pieces) and all(p.endswith((" ", "\n")) for _, p in pieces[2:])
