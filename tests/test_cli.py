"""The command line: exit codes, stdin, formats and error messages, through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bingo.cli import app, main

JARGON_DE = "Wir heben Synergien und optimieren jeden Touchpoint der Customer Journey mit Kundenzentrierung.\n"
PLAIN_DE = "Der Zug nach Hamburg fährt ab Montag zehn Minuten früher. Kunden erhalten Auskunft am Schalter.\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, args: list[str], stdin: str | bytes | None = None):
    return runner.invoke(app, args, input=stdin, catch_exceptions=False)


def test_stdin_plain_report(runner: CliRunner) -> None:
    result = invoke(runner, ["scan", "--format", "plain"], JARGON_DE)
    assert result.exit_code == 0
    assert "<stdin>" in result.stdout and "Deutsch" in result.stdout and "Bullshit-Index" in result.stdout
    assert "[[Touchpoint]]" in result.stdout
    assert "\x1b[" not in result.stdout


def test_dash_reads_stdin_as_json(runner: CliRunner) -> None:
    result = invoke(runner, ["scan", "-", "--format", "json"], JARGON_DE)
    data = json.loads(result.stdout)
    assert data["version"] == 1
    (file,) = data["files"]
    assert file["path"] == "<stdin>" and file["lang"] == "de"
    ids = [h["id"] for h in file["hits"]]
    assert "touchpoint" in ids
    for hit in file["hits"]:
        assert JARGON_DE[hit["start"]:hit["end"]] == hit["text"]
        assert set(hit) >= {"id", "term", "text", "category", "weight", "line", "column", "start", "end"}
    assert set(file) >= {"path", "lang", "words", "score", "verdict", "bingo", "hits"}
    assert data["summary"]["files"] == 1


@pytest.mark.parametrize(("threshold", "code"), [(100, 0), (0, 1)])
def test_max_score_gate(runner: CliRunner, threshold: int, code: int) -> None:
    result = invoke(runner, ["scan", "--format", "json", "--max-score", str(threshold)], JARGON_DE)
    assert result.exit_code == code
    if code:
        assert "above --max-score 0" in result.stderr


def test_plain_text_passes_a_strict_gate(runner: CliRunner) -> None:
    result = invoke(runner, ["scan", "--format", "json", "--max-score", "19"], PLAIN_DE)
    assert result.exit_code == 0, result.stdout


def test_bad_files_are_reported_and_others_scanned(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(JARGON_DE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 au lait")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result = invoke(runner, ["scan", "--format", "json", str(good), str(bad), str(empty), str(tmp_path / "nope.md")])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line]
    assert errors == [
        f"bingo: error: {bad}: not valid UTF-8 (near line 1)",
        f"bingo: error: {empty}: empty input (no text to scan)",
        f"bingo: error: {tmp_path / 'nope.md'}: no such file",
    ]
    files = json.loads(result.stdout)["files"]
    assert [f["path"] for f in files] == [str(good), str(bad), str(empty), str(tmp_path / "nope.md")]
    assert files[0]["hits"] and files[1]["error"]
    assert bad.read_bytes() == b"caf\xe9 au lait"  # nothing the user gave is modified


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["scan", "--bogus"], "No such option: --bogus"),
        (["scan", "--lang", "fr", "-"], "Invalid value for '--lang'"),
        (["scan", "--max-score", "101", "-"], "--max-score"),
        (["lexicon", "show", "no-such-entry"], "no entry with id 'no-such-entry'"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], fragment: str, capsys: pytest.CaptureFixture) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_malformed_user_lexicon_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("entries:\n  - id: x\n    term: [unclosed\n", encoding="utf-8")
    assert main(["scan", "--lexicon", str(path), "-"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:" in err and "invalid YAML" in err


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = invoke(runner, ["scan", "--format", "json", "--output", str(target)], JARGON_DE)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["files"][0]["hits"]


def test_line_format(runner: CliRunner) -> None:
    result = invoke(runner, ["scan", "--format", "line"], JARGON_DE)
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("<stdin>:1:") for line in lines)
    assert any("[anglicism] Touchpoint — " in line for line in lines)


def test_every_command_help_shows_an_example(runner: CliRunner) -> None:
    for args in (["--help"], ["scan", "--help"], ["lexicon", "validate", "--help"],
                 ["lexicon", "list", "--help"], ["lexicon", "show", "--help"], ["config", "--help"],
                 ["card", "--help"], ["check", "--help"], ["live", "--help"]):
        result = invoke(runner, args)
        assert result.exit_code == 0
        assert "bingo " in result.stdout and ("Example" in result.stdout), args


def test_lexicon_validate_builtin(runner: CliRunner) -> None:
    result = invoke(runner, ["lexicon", "validate"])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: ")


def test_lexicon_list_filters(runner: CliRunner) -> None:
    result = invoke(runner, ["lexicon", "list", "--lang", "en"])
    rows = result.stdout.splitlines()
    assert rows and all(row.split()[1] in ("en", "both") for row in rows)


def test_version(runner: CliRunner) -> None:
    assert invoke(runner, ["--version"]).stdout.startswith("bingo ")
