"""`--stdin-filename` and `scan_text(path=…)`: standard input and strings get a kind and a name from a file name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import bingo
from bingo.cli import app

# jargon in prose and, as a trap, in what the markup hides: a code fence, inline code, a link target
MARKDOWN = {
    "de": ("# Newsletter März\n\nWir heben Synergien entlang der Customer Journey.\n\n"
           "```\nconfig.touchpoint = 'Synergien heben'\n```\n\n"
           "Der Fahrplan steht `touchpoint_id` in der [Übersicht](https://example.org/touchpoint-synergien).\n"),
    "en": ("# Newsletter March\n\nGoing forward, we leverage synergies across the customer journey.\n\n"
           "```\nleverage_synergies(touchpoint)\n```\n\n"
           "The timetable is in the [overview](https://example.org/touchpoint/leverage-synergies).\n"),
}
HTML = {
    "de": ('<p>Wir heben Synergien entlang der Customer Journey.</p>\n'
           '<script>var touchpoint = "Synergien heben";</script>\n'),
    "en": ('<p>Going forward, we leverage synergies across the customer journey.</p>\n'
           '<script>var touchpoint = "leverage synergies";</script>\n'),
}
CASES = [(lang, "newsletter.md", text) for lang, text in MARKDOWN.items()] + [
    (lang, "seite.html" if lang == "de" else "page.html", text) for lang, text in HTML.items()]


def scan(args: list[str], stdin: str | None = None) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(app, ["scan", "--format", "json", *args], input=stdin, catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}, result.stderr


@pytest.mark.parametrize(("lang", "name", "text"), CASES)
def test_stdin_with_a_file_name_reports_what_the_file_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, name: str, text: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(text, encoding="utf-8")
    _, from_file, _ = scan([name])
    code, from_stdin, err = scan(["--stdin-filename", name], text)
    assert code == 0, err
    assert from_stdin == from_file  # the whole report, path included
    assert from_stdin["files"][0]["path"] == name
    # the trap: read as plain text, the masked code and link targets would be hits too
    _, plain, _ = scan(["-"], text)
    assert len(plain["files"][0]["hits"]) > len(from_file["files"][0]["hits"]) > 0


def test_stdin_filename_with_a_dash_and_a_transcript_suffix(tmp_path: Path) -> None:
    cues = "1\n00:00:01,000 --> 00:00:04,000\nWir müssen die Customer Journey ganzheitlich denken.\n"
    code, data, _ = scan(["-", "--stdin-filename", "call/meeting.srt"], cues)
    (file,) = data["files"]
    assert code == 0 and file["path"] == "call/meeting.srt"
    assert {h["id"] for h in file["hits"]} >= {"customer-journey"}
    assert file["hits"][0]["line"] == 3  # the cue number and timing line are masked, not scanned


@pytest.mark.parametrize("force", [True, False])
def test_stdin_filename_is_excluded_by_the_config_with_force_exclude(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: bool) -> None:
    (tmp_path / ".bingo.yaml").write_text("exclude: [drafts/]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["--stdin-filename", "drafts/idee.md", *(["--force-exclude"] if force else [])]
    code, data, err = scan(args, MARKDOWN["de"])
    assert code == 0, err
    assert [f["path"] for f in data["files"]] == ([] if force else ["drafts/idee.md"])


@pytest.mark.parametrize(("lang", "name", "text"), CASES)
def test_scan_text_takes_the_kind_from_the_path(tmp_path: Path, lang: str, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    scanner = bingo.Scanner()
    as_file = scanner.scan_file(path)
    assert bingo.scan_text(text, path=str(path)) == as_file
    assert scanner.scan_text(text, path=str(path)) == as_file
    assert len(scanner.scan_text(text).hits) > len(as_file.hits)  # no suffix: plain text, nothing masked
    # an explicit kind still wins over the suffix
    assert scanner.scan_text(text, path=str(path), kind="text").hits == scanner.scan_text(text).hits
