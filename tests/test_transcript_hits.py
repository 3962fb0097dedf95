"""Every hit in a transcript carries its cue's start and end time and speaker, in every machine format.

Plain texts keep their JSON shape byte for byte: the cue fields are left out when they are None.
"""

from __future__ import annotations

import json
import pickle
import subprocess
from pathlib import Path

import pytest
from processes import TIMEOUT, bingo, environment
from typer.testing import CliRunner

from bingo.api import scan_text
from bingo.cli import app
from bingo.hits import CUE_FIELDS, HIT_FIELDS, Hit, Hits
from bingo.scanner import Scanner

DATA = Path(__file__).resolve().parent / "data" / "transcripts"
LOCATED = ("id", "term", "text", "category", "weight", "level", "line", "column", "end_line", "end_column",
           "start", "end")


def scan(*args: str) -> str:
    result = CliRunner().invoke(app, ["scan", *args])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize(("name", "term", "time", "end_time", "speaker"), [
    ("zoom-de.vtt", "Mindset", "00:00:04.200", "00:00:07.800", "Anna Schmidt"),
    ("teams-en.vtt", "take it offline", "00:00:09.250", "00:00:12.000", "Raj Patel"),
    ("meeting-de.srt", "roadmap", "00:00:06.500", "00:00:09.000", "Petra Lang"),
])
def test_json_and_sarif_hits_carry_the_cue(name: str, term: str, time: str, end_time: str, speaker: str) -> None:
    hits = json.loads(scan(str(DATA / name), "--format", "json"))["files"][0]["hits"]
    hit = next(h for h in hits if h["term"] == term)
    assert (hit["time"], hit["end_time"], hit["speaker"]) == (time, end_time, speaker)
    assert tuple(hit) == HIT_FIELDS  # the one shape, in order
    sarif = json.loads(scan(str(DATA / name), "--format", "sarif"))["runs"][0]["results"]
    props = next(r["properties"] for r in sarif if r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
                 in hit["text"])
    assert (props["time"], props["end_time"], props["speaker"]) == (time, end_time, speaker)


def test_line_and_github_name_time_and_speaker() -> None:
    line = scan(str(DATA / "teams-en.vtt"), "--format", "line").splitlines()
    assert any(ln.endswith("(00:00:09.250-00:00:12.000 Raj Patel)") and "take it offline" in ln for ln in line)
    github = scan(str(DATA / "teams-en.vtt"), "--format", "github")
    assert "::Let's discuss it later, never. → discuss later (said 00:00:09.250-00:00:12.000 Raj Patel)" in github


@pytest.mark.parametrize("text", ["Wir heben Synergien entlang der Customer Journey.\n",
                                  "Let's circle back and take it offline.\n"])
def test_plain_text_hits_have_no_cue_fields(tmp_path: Path, text: str) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    hits = json.loads(scan(str(path), "--format", "json"))["files"][0]["hits"]
    assert hits and all(tuple(h) == LOCATED for h in hits)
    sarif = json.loads(scan(str(path), "--format", "sarif"))["runs"][0]["results"]
    assert all(set(r["properties"]) == {"category", "weight"} for r in sarif)
    assert all(ln.endswith(("—", ".")) and "(said" not in ln for ln in scan(str(path), "--format", "line").splitlines())


def test_hits_keep_cue_fields_through_pickle_and_rebuild() -> None:
    said = Hit("synergy", "Synergien", "Synergien", "management", 2.0, "warning", 3, 5, 3, 14, 40, 49,
               "00:00:01.000", "00:00:04.000", "Anna Schmidt")
    plain = Hit("mindset", "Mindset", "Mindset", "anglicism", 1.5, "warning", 4, 1, 4, 8, 60, 67)
    hits = Hits([said, plain])
    assert list(hits) == [said, plain] and list(pickle.loads(pickle.dumps(hits))) == [said, plain]
    assert hits.records() == [said.to_dict(), plain.to_dict()]
    assert set(CUE_FIELDS) <= set(said.to_dict()) and not set(CUE_FIELDS) & set(plain.to_dict())
    assert said.said() == "00:00:01.000-00:00:04.000 Anna Schmidt" and plain.said() == ""
    moved = Hits([plain]).with_cues(lambda start: (None, None, "Ben") if start == 60 else None)
    assert moved[0].speaker == "Ben" and moved[0].time is None and moved.records()[0]["speaker"] == "Ben"


@pytest.mark.parametrize(("name", "term", "time", "speaker"), [
    ("meeting-de.srt", "roadmap", "00:00:06.500", "Petra Lang"),
    ("teams-en.vtt", "take it offline", "00:00:09.250", "Raj Patel"),
])
def test_a_transcript_on_stdin_keeps_its_cues(name: str, term: str, time: str, speaker: str) -> None:
    # a real pipe, as a shell gives it (CliRunner's stdin is a BytesIO, which could be read twice anyway)
    result = subprocess.run(bingo("scan", "-", "--format", "json"), input=(DATA / name).read_bytes(),
                            capture_output=True, env=environment(), check=False, timeout=TIMEOUT)
    hit = next(h for h in json.loads(result.stdout)["files"][0]["hits"] if h["term"] == term)
    assert (hit["time"], hit["speaker"]) == (time, speaker)


def test_sarif_message_of_a_phrase_across_cues_names_the_term_not_the_timing_line() -> None:
    results = json.loads(scan(str(DATA / "zoom-de.vtt"), "--format", "sarif"))["runs"][0]["results"]
    journey = next(r for r in results if r["ruleId"] == "customer-journey")
    assert journey["message"]["text"].startswith("Customer Journey: ") and "-->" not in journey["message"]["text"]
    assert "-->" in journey["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]  # the exact slice


@pytest.mark.parametrize(("name", "term", "time", "speaker"), [
    ("zoom-de.vtt", "Mindset", "00:00:04.200", "Anna Schmidt"),
    ("teams-en.vtt", "take it offline", "00:00:09.250", "Raj Patel"),
])
def test_the_python_api_gives_hits_their_cues(name: str, term: str, time: str, speaker: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    for result in (scan_text(text, path=name), Scanner().scan_file(DATA / name)):
        hit = next(h for h in result.hits if h.term == term)
        assert (hit.time, hit.speaker) == (time, speaker)
