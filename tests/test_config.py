"""Configuration discovery, validation messages and precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bingo.config import discover, resolve
from bingo.errors import BingoError, ConfigError


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs" / "blog").mkdir(parents=True)
    return tmp_path


def test_no_config_gives_defaults(repo: Path) -> None:
    settings, path = resolve(None, {}, start=repo / "docs")
    assert path is None and settings.max_score is None and settings.origin("max_score") == "default"


def test_nearest_yaml_wins_over_pyproject_above(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool.bingo]\nmax_score = 10\n", encoding="utf-8")
    (repo / "docs" / ".bingo.yaml").write_text("max_score: 30\n", encoding="utf-8")
    assert discover(repo / "docs" / "blog") == repo / "docs" / ".bingo.yaml"
    settings, _ = resolve(None, {}, start=repo / "docs" / "blog")
    assert settings.max_score == 30 and settings.origin("max_score") == f"{repo / 'docs' / '.bingo.yaml'}:1"


def test_pyproject_without_tool_bingo_is_skipped(repo: Path) -> None:
    (repo / "docs" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    text = "[project]\nname = 'y'\n\n[tool.bingo]\nfail_on = ['idiom']\n"
    (repo / "pyproject.toml").write_text(text, encoding="utf-8")
    settings, path = resolve(None, {}, start=repo / "docs")
    assert path == repo / "pyproject.toml"
    assert settings.fail_on == ("idiom",) and settings.origin("fail_on") == f"{repo / 'pyproject.toml'}:5"


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".bingo.yaml").write_text("max_score: 5\n", encoding="utf-8")
    inner = tmp_path / "repo"
    (inner / ".git").mkdir(parents=True)
    assert discover(inner) is None


def test_command_line_beats_file(repo: Path) -> None:
    (repo / ".bingo.yaml").write_text("max_score: 30\nlang: de\n", encoding="utf-8")
    settings, _ = resolve(None, {"max_score": 50}, start=repo)
    assert settings.max_score == 50 and settings.origin("max_score") == "command line"
    assert settings.lang == "de"


def test_explicit_config_file(repo: Path) -> None:
    custom = repo / "ci.yaml"
    custom.write_text("format: sarif\nlexicons: [terms/extra.yaml]\n", encoding="utf-8")
    settings, path = resolve(custom, {}, start=repo / "docs")
    assert path == custom and settings.format == "sarif"
    assert settings.lexicons == (str(repo / "terms" / "extra.yaml"),)  # relative to the config file


@pytest.mark.parametrize(("content", "expected"), [
    ("fail_on: 'idiom, phrase'\n", ("idiom", "phrase")),
    ("fail_on: [idiom, 'warning,hype']\n", ("idiom", "warning", "hype"))])
def test_fail_on_accepts_comma_lists_in_the_file(repo: Path, content: str, expected: tuple[str, ...]) -> None:
    (repo / ".bingo.yaml").write_text(content, encoding="utf-8")
    settings, _ = resolve(None, {}, start=repo)
    assert settings.fail_on == expected


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ("max_score: 10\ncolour: red\n", 2, "unknown key 'colour'"),
        ("max_score: 200\n", 1, "'max_score' must be a whole number from 0 to 100, not 200"),
        ("lang: fr\n", 1, "'lang' must be one of auto, de, en"),
        ("fail_on: [nonsense]\n", 1, "'fail_on' must be categories"),
        ("fail_on: [idiom, nonsense]\n", 1, "or levels (suggestion, warning, error), not 'nonsense'"),
        ("fail_on: 'idiom,nonsens'\n", 1, "or levels (suggestion, warning, error), not 'nonsens'"),
        ("weights: {synergy: 9}\n", 1, "'weights' must be a mapping"),
        ("max_score: [1\n", 2, "invalid YAML"),
    ],
)
def test_bad_yaml_values_name_file_line_and_key(repo: Path, content: str, line: int, fragment: str) -> None:
    path = repo / ".bingo.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        resolve(None, {}, start=repo)
    (problem,) = info.value.problems
    assert problem.startswith(f"{path}:{line}: ") and fragment in problem


def test_bad_pyproject_value(repo: Path) -> None:
    path = repo / "pyproject.toml"
    path.write_text("[tool.bingo]\nformat = 'xml'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        resolve(None, {}, start=repo)
    assert info.value.problems == [
        f"{path}:2: 'format' must be one of auto, rich, plain, json, sarif, github, line, html, not 'xml'"]


def test_missing_explicit_config(tmp_path: Path) -> None:
    with pytest.raises(BingoError, match="no such configuration file"):
        resolve(tmp_path / "nope.yaml", {})


def test_config_command_shows_origins(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture) -> None:
    from bingo.cli import main

    (repo / ".bingo.yaml").write_text("# team settings\nmax_hits: 3\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert f"max_hits: 3  # {repo / '.bingo.yaml'}:2" in out
    assert "max_score: null  # default" in out


def test_disabled_entries_and_weights_apply(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bingo.runner import build_lexicon

    base = build_lexicon(resolve(None, {}, start=repo)[0])
    victim, other = sorted(base.entries)[:2]
    (repo / ".bingo.yaml").write_text(f"disable: [{victim}]\nweights: {{{other}: 0.5}}\n", encoding="utf-8")
    lexicon = build_lexicon(resolve(None, {}, start=repo)[0])
    assert victim not in lexicon.entries and lexicon.entries[other].weight == 0.5
    assert lexicon.digest != base.digest
    # an unknown id is a warning where it stands (runner.unknown_ids), not an error: see test_suppress.py
    (repo / ".bingo.yaml").write_text("disable: [no-such-id]\n", encoding="utf-8")
    assert build_lexicon(resolve(None, {}, start=repo)[0]).entries.keys() == base.entries.keys()
