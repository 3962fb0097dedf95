"""`--input-format` on scan, check and live: every input is read as the kind named, whatever its suffix says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bingo.cli import app
from bingo.inputformat import INPUT_FORMATS, KINDS
from bingo.sources import TEXT_SUFFIXES

DATA = Path(__file__).resolve().parent / "data" / "transcripts"


def ids(path: Path, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["scan", str(path), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    hits: list[dict[str, Any]] = json.loads(result.stdout)["files"][0]["hits"]
    return hits


def test_every_kind_sources_know_can_be_named() -> None:
    assert (set(KINDS.values()) - {"plain"}) | {"text"} == set(TEXT_SUFFIXES.values())  # "text" is sniffed: auto
    assert INPUT_FORMATS[0] == "auto"


@pytest.mark.parametrize(("name", "content", "fmt", "found", "lost"), [
    # a VTT read as text: the NOTE block is text, and no hit has a cue
    ("zoom.vtt", (DATA / "zoom-de.vtt").read_text(encoding="utf-8"), "text", "synergy", None),
    # a .txt that is a transcript in fact, named: the NOTE block is masked and hits have times
    ("notes.txt", "\n\n" * 8 + (DATA / "zoom-de.vtt").read_text(encoding="utf-8"), "vtt", "customer-journey",
     "synergy"),
    ("notes.txt", "Wir bauen `Synergien heben` ein und eine Roadmap.\n", "markdown", "roadmap", "synergien-heben"),
    ("page.txt", "<p title='x'>Roadmap</p><script>Synergien heben</script>\n", "html", "roadmap", "synergien-heben"),
    ("talk.md", "1\n00:00:01,000 --> 00:00:02,000\nWir brauchen eine Roadmap.\n", "srt", "roadmap", None),
])
def test_scan_reads_as_told(tmp_path: Path, name: str, content: str, fmt: str, found: str, lost: str | None) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    hits = ids(path, "--input-format", fmt, "--lang", "de")
    assert found in {h["id"] for h in hits}
    if lost is not None:
        assert lost not in {h["id"] for h in hits}
    assert all(("time" in h) == (fmt in ("vtt", "srt")) for h in hits)


def test_check_reads_as_told(tmp_path: Path) -> None:
    runner = CliRunner()
    game = tmp_path / "g.game.json"
    runner.invoke(app, ["card", "--count", "4", "--size", "3", "--seed", "11", "--lang", "de", "--words",
                        str(DATA / "words-de.txt"), "--format", "json", "--game", str(game)])
    told = runner.invoke(app, ["check", str(game), str(DATA / "zoom-de.vtt"), "--format", "json",
                               "--input-format", "text"])
    data = json.loads(told.stdout)
    assert "synergien" in data["heard"]  # the NOTE block is text now
    assert all("time" not in (c["completed_at"] or {}) for c in data["cards"])
    bad = runner.invoke(app, ["check", str(game), str(DATA / "zoom-de.vtt"), "--input-format", "pdf"])
    assert bad.exit_code == 2 and "--input-format" in bad.stderr


def test_live_reads_as_told(tmp_path: Path) -> None:
    said = "00:00:01.000 --> 00:00:02.000\nAnna Schmidt: Synergien heben wir.\n"
    plain = CliRunner().invoke(app, ["live", "--input-format", "text"], input=said).stdout
    assert "line 2: Synergien heben" in plain
    told = CliRunner().invoke(app, ["live", "--input-format", "vtt"], input=said).stdout
    assert "line 2 at 00:00:01.000 by Anna Schmidt: Synergien heben" in told
