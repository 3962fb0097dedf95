"""What the README shows is what bingo does: its JSON example and its --quiet line come from real runs."""

from __future__ import annotations

import json
import re
from typing import Any

from conftest import ROOT
from typer.testing import CliRunner

from bingo.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
ELIDED = "…"


def run(args: list[str], monkeypatch: Any) -> str:
    monkeypatch.chdir(ROOT)
    for name in ("COLUMNS", "FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def json_example() -> tuple[str, Any]:
    """The sample the JSON section names and its example, with the elisions (bare `…`) taken out."""
    section = README[README.index("### JSON (`version: 1`)"):]
    block = re.search(r"```json\n(.*?)```", section, flags=re.S)
    assert block is not None
    text = re.sub(r"…,\s*|,\s*…(?=\s*[\]}])", "", block.group(1))
    sample = re.search(r"This is `bingo scan (\S+) --format json`", section)
    assert sample is not None, "the JSON section must say which run it shows"
    return sample.group(1), json.loads(text)


def shown_matches(shown: Any, real: Any, where: str) -> list[str]:
    """Where the README's value differs from the real one (a shorter list shows some of the real items)."""
    if shown == ELIDED:
        return []
    if isinstance(shown, dict):
        if not isinstance(real, dict):
            return [f"{where}: not an object"]
        problems = [f"{where}.{key}: not in the real output" for key in shown if key not in real]
        for key, value in shown.items():
            if key in real:
                problems += shown_matches(value, real[key], f"{where}.{key}")
        return problems
    if isinstance(shown, list):
        if not isinstance(real, list):
            return [f"{where}: not a list"]
        if len(shown) == len(real):  # all items shown: item by item
            pairs = enumerate(zip(shown, real, strict=True))
            return [p for i, (a, b) in pairs for p in shown_matches(a, b, f"{where}[{i}]")]
        return [f"{where}[{index}]: no such item in the real output: {item}" for index, item in enumerate(shown)
                if not any(not shown_matches(item, candidate, where) for candidate in real)]
    return [] if shown == real and type(shown) is type(real) else [f"{where}: README {shown!r}, real {real!r}"]


def test_the_json_example_is_a_real_run(monkeypatch: Any) -> None:
    sample, shown = json_example()
    real = json.loads(run(["scan", sample, "--format", "json"], monkeypatch))
    assert shown_matches(shown, real, "$") == []
    # every field of the document, a file and a hit is shown (new fields get documented)
    assert set(shown) == set(real)
    assert set(shown["files"][0]) == set(real["files"][0])
    assert set(shown["files"][0]["hits"][0]) == set(real["files"][0]["hits"][0])
    assert set(shown["summary"]) == set(real["summary"])
    hits, entries = len(real["files"][0]["hits"]), len(real["files"][0]["entries"])
    assert f"({hits} hits of {entries} entries;" in README


def test_the_quiet_example_is_a_real_run(monkeypatch: Any) -> None:
    line = re.search(r"`-q/--quiet` prints one summary line instead\s*\(`([^`]+)`", README)
    assert line is not None
    path = line.group(1).split(":", 1)[0]
    assert run(["scan", "-q", path], monkeypatch) == line.group(1) + "\n"
