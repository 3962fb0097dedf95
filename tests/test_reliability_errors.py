"""Bad input gets a one-line error naming the file (and line), never a traceback or a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from processes import bingo, environment

from bingo.errors import BingoError, ConfigError, LexiconError
from bingo.lexicon import builtin_files, load_file, load_lexicon

FIELDS = {"term": "foo bar", "lang": "de", "category": "management", "weight": "1", "message": "m", "source": "s",
          "examples": "{match: [foo bar]}"}


def entry(**changes: str) -> str:
    """One lexicon entry (line 2 is its id, each field on the next line in FIELDS order)."""
    return "entries:\n  - id: foo-bar\n" + "".join(f"    {k}: {v}\n" for k, v in {**FIELDS, **changes}.items())


ENTRY = entry()

# ten levels of ten aliases: a few hundred bytes that expand to 10**10 strings
BOMB_ITEMS = ["&a [x, x, x, x, x, x, x, x, x, x]"] + [
    f"&{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]" for i in range(9)]
BOMB = "description:\n" + "".join(f"  - {item}\n" for item in BOMB_ITEMS)


def write(tmp_path: Path, text: str, name: str = "lex.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lexicon_problems(path: Path) -> list[str]:
    with pytest.raises(LexiconError) as info:
        load_file(path)
    return info.value.problems


@pytest.mark.parametrize(("field", "value", "line"), [
    ("category", "[hype]", 5), ("category", "{a: 1}", 5), ("compound", "[any]", 10), ("level", "{x: 1}", 10),
    ("inflect", "[last, all]", 10), ("lang", "[de]", 4), ("compound", "{any: 1}", 10),
])
def test_unhashable_field_values_are_problems(tmp_path: Path, field: str, value: str, line: int) -> None:
    path = write(tmp_path, entry(**{field: value}))
    problems = lexicon_problems(path)
    assert problems and all(p.startswith(f"{path}:{line}: ") and field in p for p in problems), problems


@pytest.mark.parametrize("cards", ["{de: [[1, 2]]}", "{de: [{a: 1}]}", "{[de]: [x]}", "[de]"])
def test_malformed_house_cards_are_problems(tmp_path: Path, cards: str) -> None:
    path = write(tmp_path, ENTRY + f"house_cards: {cards}\n")
    with pytest.raises(LexiconError) as info:
        load_lexicon([path], builtin=False, use_cache=False)
    assert all(p.startswith(f"{path}:") for p in info.value.problems), info.value.problems
    assert "house_cards" in str(info.value) or "house card" in str(info.value)


def test_narrowing_a_house_card_entry_blames_the_users_file(tmp_path: Path) -> None:
    import yaml

    cards = builtin_files()[-1]
    ident = yaml.safe_load(cards.read_text(encoding="utf-8"))["house_cards"]["de"][0]
    path = write(tmp_path, ENTRY.replace("foo-bar", ident).replace("lang: de", "lang: en"))
    with pytest.raises(LexiconError) as info:
        load_lexicon([path], use_cache=False)
    (problem,) = info.value.problems
    assert problem.startswith(f"{path}:2: ") and ident in problem and "de" in problem, problem


def test_alias_bomb_in_a_lexicon_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, BOMB + ENTRY.replace("  - id: foo-bar", "  - id: *j"))
    (problem,) = lexicon_problems(path)
    assert problem.startswith(f"{path}:") and "too many YAML aliases" in problem, problem


def test_alias_bomb_in_a_config_is_refused(tmp_path: Path) -> None:
    from bingo.config import load_yaml

    path = write(tmp_path, BOMB.replace("description:", "x:") + "lang: *j\n", ".bingo.yaml")
    with pytest.raises(ConfigError) as info:
        load_yaml(path)
    assert str(info.value).startswith(f"{path}:") and "too many YAML aliases" in str(info.value)


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    from bingo.config import load_yaml

    path = write(tmp_path, "lang: &a [*a]\n", ".bingo.yaml")
    with pytest.raises(ConfigError, match="alias"):
        load_yaml(path)


def test_a_few_aliases_still_work(tmp_path: Path) -> None:
    from bingo.config import load_yaml

    path = write(tmp_path, "include: &g ['*.md']\nexclude: *g\n", ".bingo.yaml")
    assert load_yaml(path)[0] == {"include": ["*.md"], "exclude": ["*.md"]}


def test_quoted_values_are_capped(tmp_path: Path) -> None:
    from bingo.settings import validate

    with pytest.raises(ConfigError) as info:
        validate({"lang": "x" * 10_000}, "c.yaml", {"lang": 1})
    assert len(str(info.value)) < 200 and "…" in str(info.value)
    path = write(tmp_path, ENTRY.replace("category: management", "category: " + "y" * 10_000))
    (problem,) = lexicon_problems(path)
    assert len(problem) < 300 + len(str(path)) and "…" in problem
    with pytest.raises(ConfigError) as info:
        validate({"k" * 10_000: 1}, "c.yaml", {})
    assert len(str(info.value)) < 400 and "…" in str(info.value)
    path = write(tmp_path, ENTRY.replace("    weight: 1\n", "    weight: 1\n    " + "z" * 1000 + ": 1\n"))
    (problem,) = lexicon_problems(path)
    assert len(problem) < 300 + len(str(path)) and "…" in problem


@pytest.mark.parametrize("text", ["tool = 'x'\n", "[tool]\nbingo = 3\n", "tool = [1]\n",
                                  "a = " + "[" * 100_000 + "]" * 100_000 + "\n"])
def test_pyproject_with_a_wrong_tool_table(tmp_path: Path, text: str) -> None:
    from bingo.config import load_pyproject

    path = write(tmp_path, text, "pyproject.toml")
    with pytest.raises(ConfigError) as info:
        load_pyproject(path)
    assert str(info.value).startswith(f"{path}") and "\n" not in str(info.value)


def test_pyproject_discovery_with_a_wrong_tool_table(tmp_path: Path) -> None:
    from bingo.config import discover

    write(tmp_path, "tool = 'x'\n", "pyproject.toml")
    (tmp_path / ".git").mkdir()
    with pytest.raises(ConfigError):
        discover(tmp_path)


GOOD_BASELINE = {"version": 1, "files": [{"path": "a.md", "score": 3, "error": None, "hits": [{"id": "x"}]}]}


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,
    '{"files": {"a": 1}}',
    '{"files": [{"path": "a", "score": 1e999, "hits": []}]}',
    '{"files": [{"path": "a", "score": "NaN", "hits": []}]}',
    '{"files": [{"path": "a", "score": NaN, "hits": []}]}',
    '{"files": [{"path": ["a"], "score": 1, "hits": []}]}',
    '{"files": [{"path": "a", "score": 1, "hits": [1]}]}',
    '{"files": [{"path": "a", "score": 1, "hits": [{"id": ["x"]}]}]}',
    '{"files": [1]}',
    '{"files": [{"path": "a", "score": true, "hits": []}]}',
    '[]',
    '"files"',
    json.dumps({**GOOD_BASELINE, "version": 99}),
    json.dumps({**GOOD_BASELINE, "version": "1"}),
])
def test_bad_baselines_are_one_line_errors(tmp_path: Path, text: str) -> None:
    from bingo.gates import load_baseline

    path = write(tmp_path, text, "base.json")
    with pytest.raises(BingoError) as info:
        load_baseline(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message and len(message) < 300, message


def test_good_baseline_still_loads(tmp_path: Path) -> None:
    from bingo.gates import load_baseline

    baseline = load_baseline(write(tmp_path, json.dumps(GOOD_BASELINE), "base.json"))
    assert baseline.files["a.md"][0] == 3 and baseline.files["a.md"][1]["x"] == 1


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux; elsewhere they must be Unicode")
@pytest.mark.parametrize("fmt", ["json", "sarif", "line", "github", "plain"])
def test_a_file_name_that_is_not_utf8_comes_out_as_valid_utf8(tmp_path: Path, fmt: str) -> None:
    name = os.fsdecode(b"gr\xf6\xdfe.txt")  # Latin-1 "größe.txt": Python holds the bytes as surrogates
    (tmp_path / name).write_text("Wir heben Synergien entlang der Customer Journey.\n", encoding="utf-8")
    out = tmp_path / "report.out"
    proc = subprocess.run([*bingo("scan", "--format", fmt, "--output", str(out), name)], cwd=tmp_path,
                          env=environment(), capture_output=True, timeout=300, check=False)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
    text = out.read_bytes().decode("utf-8")  # strictly: no surrogates, no Latin-1 bytes
    if fmt == "sarif":
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for res in json.loads(text)["runs"][0]["results"] for loc in res["locations"]}
        assert uris == {"gr%F6%DFe.txt"}
    else:
        assert "gr\\xf6\\xdfe.txt" in (json.loads(text)["files"][0]["path"] if fmt == "json" else text)
