"""`bingo scan -o FILE`: the report format follows the file's suffix unless `--format` is given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bingo.cli import app
from bingo.errors import BingoError

COPY = {
    "de": "Wir heben Synergien und optimieren jeden Touchpoint der Customer Journey mit Kundenzentrierung.\n",
    "en": "Going forward, we leverage synergies across every touchpoint of the customer journey.\n",
}


def scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, *args: str) -> tuple[int, str]:
    """Scan one file of jargon in `tmp_path` (a repository of its own) with `args`; exit code and stderr."""
    (tmp_path / ".git").mkdir(exist_ok=True)  # the config search stops here
    (tmp_path / "copy.txt").write_text(COPY[lang], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    done = CliRunner().invoke(app, ["scan", "copy.txt", "--lang", lang, *args], catch_exceptions=False)
    assert done.stdout == "", "the report goes to the file, not to stdout"
    return done.exit_code, done.stderr


def kind_of(report: str) -> str:
    """Which format a written report is in, judged from its content."""
    try:
        data = json.loads(report)
    except json.JSONDecodeError:
        if report.startswith("<!DOCTYPE html>"):
            return "html"
        return "line" if report.startswith("copy.txt:1:") else "plain" if "Bullshit-Index" in report else "?"
    return "sarif" if data.get("version") == "2.1.0" and "runs" in data else "json" if "files" in data else "?"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(("name", "expected"), [
    ("report.sarif", "sarif"), ("report.json", "json"), ("Report.SARIF", "sarif"), ("report.txt", "plain"),
    ("report.html", "html"), ("report.HTM", "html"),
    ("report.out", "plain"),  # no known suffix: the default for a file (plain, as when piped)
])
def test_the_suffix_names_the_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, name: str,
                                     expected: str) -> None:
    code, _ = scan(tmp_path, monkeypatch, lang, "-o", name)
    assert code == 0
    assert kind_of((tmp_path / name).read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_explicit_format_beats_the_suffix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    scan(tmp_path, monkeypatch, lang, "-o", "report.sarif", "--format", "line")
    assert kind_of((tmp_path / "report.sarif").read_text(encoding="utf-8")) == "line"
    scan(tmp_path, monkeypatch, lang, "--format", "json", "-o", "report.txt")
    assert kind_of((tmp_path / "report.txt").read_text(encoding="utf-8")) == "json"
    scan(tmp_path, monkeypatch, lang, "--format", "auto", "-o", "report.json")  # auto: the suffix decides
    assert kind_of((tmp_path / "report.json").read_text(encoding="utf-8")) == "json"


def test_the_suffix_beats_the_config_files_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `format: line` in .bingo.yaml is the terminal's and pre-commit's default; `-o x.sarif` asks for SARIF
    (tmp_path / ".bingo.yaml").write_text("format: line\n", encoding="utf-8")
    scan(tmp_path, monkeypatch, "de", "-o", "bingo.sarif")
    assert kind_of((tmp_path / "bingo.sarif").read_text(encoding="utf-8")) == "sarif"
    scan(tmp_path, monkeypatch, "de", "-o", "bingo.log")  # no suffix to go by: the configured format
    assert kind_of((tmp_path / "bingo.log").read_text(encoding="utf-8")) == "line"


def test_one_suffix_map_for_cards_and_reports() -> None:
    from bingo.cards.output import card_format
    from bingo.cli.scan import SUFFIX_FORMATS
    from bingo.outputs import FILE_TYPES

    assert set(SUFFIX_FORMATS) <= set(FILE_TYPES.values())
    assert card_format(None, Path("x.html")) == "html"
    with pytest.raises(BingoError, match=r"cannot write cards to a '\.sarif' file"):  # a report's suffix, not a card's
        card_format(None, Path("x.sarif"))
