"""The command line: exit codes, stdin, formats and error messages, through typer's CliRunner."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from typer.testing import CliRunner, Result

from bingo import __version__
from bingo.cli import app, main

JARGON_DE = "Wir heben Synergien und optimieren jeden Touchpoint der Customer Journey mit Kundenzentrierung.\n"
PLAIN_DE = "Der Zug nach Hamburg fährt ab Montag zehn Minuten früher. Kunden erhalten Auskunft am Schalter.\n"
JARGON_EN = "Going forward, we leverage synergies across every touchpoint of the customer journey.\n"
PLAIN_EN = "The train to Hamburg leaves ten minutes earlier from Monday. Ask at the ticket counter.\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, args: list[str], stdin: str | bytes | None = None) -> Result:
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
        f"bingo: {empty}: skipped: no text",  # no text is nothing to fail on (see test_empty_inputs.py)
        f"bingo: error: {bad}: not valid UTF-8 (near line 1)",
        f"bingo: error: {tmp_path / 'nope.md'}: no such file",
    ]
    files = json.loads(result.stdout)["files"]
    assert [f["path"] for f in files] == [str(good), str(bad), str(tmp_path / "nope.md")]
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
def test_usage_errors_exit_2_with_one_line(args: list[str], fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_malformed_user_lexicon_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
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


@pytest.mark.parametrize("command", [[], ["scan"], ["lexicon", "validate"], ["lexicon", "list"], ["lexicon", "show"],
                                     ["config"], ["card"], ["check"], ["live"]], ids=lambda c: " ".join(c) or "bingo")
def test_every_command_help_shows_an_example(runner: CliRunner, command: list[str]) -> None:
    """The command's own help, with an example that runs that command ('Usage: bingo' alone is in every help)."""
    result = invoke(runner, [*command, "--help"])
    assert result.exit_code == 0
    words = " ".join(result.stdout.split())
    assert f"Usage: bingo {' '.join(command)}".strip() + " [OPTIONS]" in words
    assert "Example" in words, command
    example = words[words.index("Example"):] + " "
    assert f"bingo {' '.join(command) or 'scan'} " in example, example


def test_lexicon_validate_builtin(runner: CliRunner) -> None:
    result = invoke(runner, ["lexicon", "validate"])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: ")


def test_lexicon_list_filters(runner: CliRunner) -> None:
    result = invoke(runner, ["lexicon", "list", "--lang", "en"])
    rows = result.stdout.splitlines()
    assert rows and all(row.split()[1] in ("en", "both") for row in rows)


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"bingo {__version__}\n")
    # the one version: hatch reads it from bingo/version.py (see tests/test_packaging.py)
    source = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["version"]["path"]
    assert f'__version__ = "{__version__}"' in (ROOT / source).read_text(encoding="utf-8")


def summary_row(*cells: object) -> str:
    return " ".join(str(c) for c in cells if c != "")


def test_several_files_plain_report(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """One section per scanned file, in order, then a summary row per scanned file and the total."""
    monkeypatch.chdir(tmp_path)  # short relative paths and a wide report: no line wraps
    paths = []
    for name, text in (("de-jargon.txt", JARGON_DE), ("en-jargon.md", JARGON_EN), ("latin1.txt", "Kundenzentrierung"),
                       ("de-plain.txt", PLAIN_DE), ("en-plain.txt", PLAIN_EN)):
        Path(name).write_text(text, encoding="utf-8")
        paths.append(name)
    Path("latin1.txt").write_bytes("für".encode("latin-1"))  # an input that cannot be read: on stderr only
    assert main(["scan", "--format", "json", *paths]) == 2
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert main(["scan", "--format", "plain", "--width", "160", *paths]) == 2
    out, err = capsys.readouterr()
    assert err == f"bingo: error: {paths[2]}: not valid UTF-8 (near line 1)\n"
    lines = out.splitlines()
    scanned = [f for f in data["files"] if "error" not in f]
    starts = [i for i, line in enumerate(lines) if any(line.startswith(f"{f['path']}  ·  ") for f in scanned)]
    assert len(starts) == 4
    summary = next(i for i, line in enumerate(lines) if line.strip() == "Summary")
    for file, start, end in zip(scanned, starts, [*starts[1:], summary], strict=True):
        section = lines[start:end]
        de = file["lang"] == "de"
        assert section[0] == (f"{file['path']}  ·  {'Deutsch' if de else 'English'}  ·  {file['words']} "
                              f"{'Wörter' if de else 'words'}  ·  {len(file['hits'])} {'Treffer' if de else 'hits'}")
        filled = round(30 * file["score"] / 100)
        assert section[1] == f"Bullshit-Index {file['score']:>3}/100 {'█' * filled}{'░' * (30 - filled)}  " \
                             f"{file['verdict_label']}"
        assert section[2].startswith(f"KI-Floskeln {file['ai_tells']} · " if de else f"AI tells {file['ai_tells']} · ")
        flat = " ".join(" ".join(section).split())
        if file["hits"]:
            for hit in file["hits"]:
                assert f"[[{' '.join(hit['text'].split())}]]" in flat
        else:
            assert section[3] == ("Keine Phrasen gefunden." if de else "No jargon found.")
        assert ("Bullshit-Bingo" if de else "Buzzword bingo") in [line.strip() for line in section]  # card title
    rows = [" ".join(line.split()) for line in lines[summary + 1:] if line.strip() and set(line.strip()) != {"─"}]
    assert rows[0] == "File Lang Words Hits Score AI/1k Verdict Bingo"
    expected = [summary_row(f["path"], f["lang"], f["words"], len(f["hits"]), f["score"],
                            f"{f['ai_tells_per_1000']:.1f}", f["verdict_label"], "BINGO" if f["bingo"] else "")
                for f in scanned]
    total = data["summary"]
    expected.append(summary_row("total", total["words"], total["hits"], f"max {total['max_score']}",
                                total["bingo"] or ""))
    assert rows[1:] == expected
    assert "latin1.txt" not in out and "UTF-8" not in out  # the error is said once, on stderr


@pytest.mark.parametrize("fmt", ["plain", "rich"])
@pytest.mark.parametrize(("lang", "text"), [("de", JARGON_DE), ("en", JARGON_EN)], ids=["de", "en"])
def test_an_unreadable_file_is_said_on_stderr_only(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch, fmt: str, lang: str,
                                                   text: str) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        Path(name).write_text(text, encoding="utf-8")
    Path("broken.txt").write_bytes(b"\xff\xfe Touchpoint")
    assert main(["scan", "--format", fmt, "--lang", lang, "a.txt", "broken.txt", "b.txt"]) == 2
    out, err = capsys.readouterr()
    assert err == "bingo: error: broken.txt: not valid UTF-8 (near line 1)\n"
    assert "broken.txt" not in out and "error" not in out.lower()  # no summary row restates it
    assert "Summary" in out and out.count("a.txt") == 2 and out.count("b.txt") == 2  # a section and a row each
    assert main(["scan", "--format", fmt, "--lang", lang, "a.txt", "broken.txt"]) == 2
    out, err = capsys.readouterr()
    assert "Summary" not in out and "broken.txt" not in out and err.count("broken.txt") == 1


def test_one_file_has_no_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(JARGON_EN, encoding="utf-8")
    assert main(["scan", "--format", "plain", str(tmp_path / "a.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{tmp_path / 'a.txt'}  ·  English  ·  ") and "Summary" not in out


@pytest.mark.parametrize("command", [["scan"], ["card"], ["check"], ["live"], ["speakers"]])
def test_help_keeps_bracketed_text(runner: CliRunner, command: list[str]) -> None:
    """Help is rich markup: '[tool.bingo]' must be escaped, or the table name vanishes from --config's help."""
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"}, catch_exceptions=False)
    assert result.exit_code == 0
    assert "pyproject.toml [tool.bingo]" in " ".join(result.stdout.split())
