"""`bingo live --follow FILE` plays a card against a transcript as it is written; on a terminal it redraws in place."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bingo.cards.captions import Captions, follow
from bingo.cli import app

DATA = Path(__file__).resolve().parent / "data" / "transcripts"
SRC = Path(__file__).resolve().parents[1] / "src"


def game(tmp_path: Path) -> Path:
    path = tmp_path / "de.game.json"
    result = CliRunner().invoke(app, ["card", "--count", "4", "--size", "3", "--seed", "11", "--lang", "de",
                                      "--words", str(DATA / "words-de.txt"), "--format", "json", "--game", str(path)])
    assert result.exit_code == 0
    return path


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1"}


def test_follow_reads_cues_as_they_are_written_and_stops_at_bingo(tmp_path: Path) -> None:
    cues = (DATA / "zoom-de.vtt").read_text(encoding="utf-8").split("\n\n")
    meeting = tmp_path / "meeting.vtt"
    meeting.write_text(cues[0] + "\n\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "bingo", "live", str(game(tmp_path)), "--card", "4", "--follow",
                              str(meeting)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())

    def write() -> None:  # the captioner: a cue at a time, the last one in two pieces
        for cue in cues[1:]:
            time.sleep(0.3)
            with open(meeting, "a", encoding="utf-8") as out:
                half = len(cue) // 2
                out.write(cue[:half])
                out.flush()
                time.sleep(0.2)
                out.write(cue[half:] + "\n\n")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        out, errors = child.communicate(timeout=120)  # it ends by itself, at BINGO
    finally:
        child.kill()
        writer.join()
    lines = out.splitlines()
    assert child.returncode == 0, errors
    assert lines[0] == "line 12 at 00:00:04.200 by Anna Schmidt: Mindset"
    assert "BINGO! line completed by abholen (line 20 at 00:00:11.500 by Ben Wagner)" in lines
    assert lines[-1].endswith(", BINGO (game D896, card 4).")


def test_follow_ends_when_the_file_is_quiet(tmp_path: Path) -> None:
    meeting = tmp_path / "meeting.srt"
    meeting.write_text("1\n00:00:01,000 --> 00:00:02,000\nKlaus Meier: Wir brauchen eine Roadmap.\n",
                       encoding="utf-8")
    result = CliRunner().invoke(app, ["live", str(game(tmp_path)), "--follow", str(meeting), "--idle", "0.5"])
    assert result.exit_code == 0 and "line 3 at 00:00:01.000 by Klaus Meier: Roadmap" in result.stdout
    missing = CliRunner().invoke(app, ["live", "--follow", str(tmp_path / "nope.vtt")])
    assert missing.exit_code == 2 and "nope.vtt: cannot follow" in missing.stderr


def test_follow_gives_whole_lines_only(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("eins\nzw", encoding="utf-8")
    got: list[str] = []
    for line in follow(path, lambda: len(got) >= 2, poll=0.05, idle=5):
        got.append(line)
        if len(got) == 1:
            with open(path, "a", encoding="utf-8") as out:
                out.write("ei\r\n")
    assert got == ["eins\n", "zwei\r\n"]


@pytest.mark.parametrize(("fmt", "line", "masked"), [
    ("text", "1\n", "1\n"),
    ("vtt", "Anna Schmidt: Synergien\n", "              Synergien\n"),
])
def test_input_format_decides_the_captions_kind(fmt: str, line: str, masked: str) -> None:
    captions = Captions(fmt)
    if fmt == "vtt":
        captions.mask("00:00:01.000 --> 00:00:02.000\n")
    assert captions.mask(line) == masked


def test_typed_lines_redraw_the_card_in_place_in_a_terminal(tmp_path: Path) -> None:
    tmux = shutil.which("tmux")
    assert tmux, "tmux is needed (CI installs it)"
    session = f"bingo-live-{os.getpid()}"
    command = f"cd {tmp_path} && NO_COLOR= PYTHONPATH={SRC} {sys.executable} -m bingo live --lang en; sleep 60"
    subprocess.run([tmux, "new-session", "-d", "-s", session, "-x", "100", "-y", "40", command], check=True,
                   env={k: v for k, v in env().items() if k != "NO_COLOR"})

    def screen(wanted: str) -> str:
        shown = ""
        for _ in range(600):  # up to a minute: the first line builds the matcher
            shown = subprocess.run([tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if wanted in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(shown)

    try:
        screen("listening")
        for typed in ("we need synergy here", "and a deep dive"):
            subprocess.run([tmux, "send-keys", "-t", session, typed, "Enter"], check=True)
            screen(f"said: {typed}")
        subprocess.run([tmux, "send-keys", "-t", session, "still typing"], check=True)
        shown = screen("> still typing")
    finally:
        subprocess.run([tmux, "kill-session", "-t", session], check=False)
    assert shown.count("Buzzword Bingo") == 1 and shown.count("Game HOUS") == 1
    assert "✘ synergy" in shown and "✘ deep dive" in shown and "last: deep dive" in shown
