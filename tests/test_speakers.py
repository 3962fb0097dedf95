"""`bingo speakers`: a meeting's jargon per speaker, by weight and count, with each person's top terms."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bingo.cli import app

DATA = Path(__file__).resolve().parent / "data" / "transcripts"
MEETING = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Anna Schmidt>Wir müssen Synergien heben und die Roadmap schärfen.</v>

00:00:04.000 --> 00:00:07.000
<v Ben Wagner>Ich sehe das pragmatisch.</v>

00:00:07.000 --> 00:00:10.000
<v Anna Schmidt>Und noch einmal: Synergien heben, entlang der Customer Journey.</v>

00:00:10.000 --> 00:00:12.000
<v Ben Wagner>Dann brauchen wir eine Roadmap.</v>
"""


def speakers(*args: str, stdin: str | None = None) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(app, ["speakers", *args, "--format", "json"], input=stdin)
    return result.exit_code, json.loads(result.stdout)


def test_who_said_the_most_jargon(tmp_path: Path) -> None:
    path = tmp_path / "teams.vtt"
    path.write_text(MEETING, encoding="utf-8")
    code, data = speakers(str(path))
    anna, ben = data["speakers"]
    assert code == 0 and anna["speaker"] == "Anna Schmidt" and ben["speaker"] == "Ben Wagner"
    assert anna["hits"] == 4 and ben["hits"] == 1 and anna["weight"] > ben["weight"]
    assert anna["top_terms"][0] == {"term": "Synergien heben", "count": 2}
    assert ben["top_terms"] == [{"term": "roadmap", "count": 1}]
    _, piped = speakers("-", stdin=MEETING)
    assert piped["speakers"] == data["speakers"]


@pytest.mark.parametrize(("name", "first", "terms"), [
    ("zoom-de.vtt", "Anna Schmidt", {"Mindset", "Customer Journey"}),
    ("teams-en.vtt", "Jane Doe", {"north star", "bandwidth"}),
    ("meeting-de.srt", "Klaus Meier", {"Synergien heben"}),
])
def test_fixtures(name: str, first: str, terms: set[str]) -> None:
    code, data = speakers(str(DATA / name))
    top = data["speakers"][0]
    assert code == 0 and top["speaker"] == first and {t["term"] for t in top["top_terms"]} == terms


def test_the_table_and_a_text_without_speakers(tmp_path: Path) -> None:
    table = CliRunner().invoke(app, ["speakers", str(DATA / "teams-en.vtt")])
    assert table.exit_code == 0 and "Jane Doe" in table.stdout and "north star ×1" in table.stdout
    plain = tmp_path / "minutes.txt"
    plain.write_text("Wir heben Synergien.\n", encoding="utf-8")
    code, data = speakers(str(plain))
    assert code == 1 and data["speakers"][0]["speaker"] == "(no speaker)"


@pytest.mark.parametrize(("said", "speaker", "term"), [
    ("Łukasz Nowak: Wir müssen endlich Synergien heben.", "Łukasz Nowak", "Synergien heben"),
    ("Anna von Berg: Das braucht ein neues Mindset.", "Anna von Berg", "Mindset"),
    ("Élodie Martin: This is our north star for the year.", "Élodie Martin", "north star"),
    ("María de la Cruz: We should take it offline.", "María de la Cruz", "take it offline"),
])
def test_zoom_names_in_any_alphabet_and_with_particles(tmp_path: Path, said: str, speaker: str, term: str) -> None:
    path = tmp_path / "zoom.vtt"
    path.write_text(f"WEBVTT\n\n1\n00:03:10.000 --> 00:03:14.000\n{said}\n", encoding="utf-8")
    code, data = speakers(str(path))
    assert code == 0 and [s["speaker"] for s in data["speakers"]] == [speaker]
    assert [t["term"] for t in data["speakers"][0]["top_terms"]] == [term]
