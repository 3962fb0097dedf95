"""Lexicon validation: every problem is reported as FILE:LINE with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from bingo.errors import LexiconError
from bingo.lexicon import load_file, load_lexicon

GOOD = """\
entries:
  - id: synergy
    term: synergy
    lang: en
    category: management
    weight: 3
    message: "Cost cutting, nicely wrapped."
    source: test
    examples:
      match: ["synergies"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lex.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(LexiconError) as info:
        load_file(path)
    return info.value.problems


def test_good_file_loads(tmp_path: Path) -> None:
    (entry,) = load_file(write(tmp_path, GOOD))
    assert entry.id == "synergy" and entry.line == 2 and entry.message == {"en": "Cost cutting, nicely wrapped."}


@pytest.mark.parametrize(
    ("old", "new", "line", "fragment"),
    [
        ("    category: management\n", "    category: nonsense\n", 5, "unknown category 'nonsense'"),
        ("    weight: 3\n", "    weight: 9\n", 6, "weight 9 must be a number above 0 and at most 5"),
        ("    weight: 3\n", "    weight: 3\n    colour: red\n", 7, "unknown field 'colour'"),
        ("    lang: en\n", "    lang: fr\n", 4, "lang 'fr' must be one of"),
        ("    source: test\n", "", 2, "missing required field 'source'"),
        ("  - id: synergy\n", "  - id: Synergy!\n", 2, "must be lowercase letters"),
        ('      match: ["synergies"]\n', "      match: []\n", 9, "at least one text that matches"),
        ('    message: "Cost cutting, nicely wrapped."\n', "    message: {fr: x}\n", 7, "'message' must be"),
    ],
)
def test_field_problems_name_file_and_line(tmp_path: Path, old: str, new: str, line: int, fragment: str) -> None:
    path = write(tmp_path, GOOD.replace(old, new))
    (problem,) = problems(path)
    assert problem.startswith(f"{path}:{line}: "), problem
    assert fragment in problem


def test_malformed_yaml_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    weight: 3\n", "    weight: [3\n"))
    (problem,) = problems(path)
    assert problem.startswith(f"{path}:") and "invalid YAML" in problem
    assert int(problem.split(":")[1]) in (7, 8)


def test_not_a_lexicon(tmp_path: Path) -> None:
    (problem,) = problems(write(tmp_path, "- just\n- a list\n"))
    assert "must be a mapping with an 'entries' list" in problem


def test_duplicate_ids_in_one_file(tmp_path: Path) -> None:
    entry = GOOD.split("entries:\n", 1)[1]
    path = write(tmp_path, "entries:\n" + entry + entry)
    with pytest.raises(LexiconError) as info:
        load_lexicon([path], builtin=False)
    assert any(":11: duplicate id 'synergy' (first at line 2)" in p for p in info.value.problems)


def test_user_lexicon_overrides_builtin(tmp_path: Path) -> None:
    builtin = load_lexicon()
    some_id = sorted(builtin.entries)[0]
    path = write(tmp_path, GOOD.replace("id: synergy", f"id: {some_id}"))
    merged = load_lexicon([path])
    assert merged.entries[some_id].file == str(path)
    assert len(merged.entries) == len(builtin.entries)


def test_invalid_utf8_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"entries: [\xff]\n")
    (problem,) = problems(path)
    assert problem == f"{path}: not valid UTF-8"


@pytest.mark.parametrize(("field", "message"), [
    ("    slots: [[a, b]]\n", "'slots' must be a list of two or more lists"),
    ("    slots: [[a, 1], [b]]\n", "'slots' must be a list of two or more lists"),
    ("    slots: [['', ''], [b]]\n", "'slots' must be a list of two or more lists"),
    ("    slots: [" + ", ".join(["[a, b, c, d, e, f, g, h]"] * 3) + "]\n", "'slots' combine to 512 phrases"),
    ("    apart: [a, b]\n", "'apart' must be a mapping with 'parts'"),
    ("    apart: {parts: [a]}\n", "'apart.parts' must list two or more parts"),
    ("    apart: {parts: [a, ''], within: 3}\n", "'apart.parts' must list two or more parts"),
    ("    apart: {parts: [a, b], within: 0}\n", "'apart.within' must be a whole number from 1 to 12"),
])
def test_slots_and_apart_are_validated_at_their_line(tmp_path: Path, field: str, message: str) -> None:
    path = write(tmp_path, GOOD + field)
    (problem,) = problems(path)
    assert problem.startswith(f"{path}:11: ") and message in problem


def test_slots_combine_in_order_with_optional_slots(tmp_path: Path) -> None:
    (entry,) = load_file(write(tmp_path, GOOD + "    slots: [[seamless, unified], ['', omnichannel], [journey]]\n"))
    assert entry.slot_phrases == ("seamless journey", "seamless omnichannel journey", "unified journey",
                                  "unified omnichannel journey")


def test_near_duplicates_are_named(tmp_path: Path) -> None:
    from bingo.validate import check

    twin = GOOD.replace("id: synergy", "id: synergies").replace("term: synergy", "term: synergies").replace(
        "entries:\n", "")
    path = write(tmp_path, GOOD.replace("weight: 3", "weight: 3\n    inflect: none") + twin.replace(
        "weight: 3", "weight: 3\n    inflect: none"))
    with pytest.raises(LexiconError) as info:
        check([path], builtin=False)
    assert any("synergies" in p and "(uninflected) is also a spelling of" in p for p in info.value.problems)


def test_the_lexicon_cache_keeps_slots_and_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BINGO_CACHE_DIR", str(tmp_path / "cache"))
    extra = "    slots: [[seamless], [journey, view]]\n    apart: {parts: [[unlock], [value]], within: 2}\n"
    path = write(tmp_path, GOOD + extra)
    first = load_lexicon([path], builtin=False)
    second = load_lexicon([path], builtin=False)  # from the cache
    assert first.entries == second.entries and second.entries["synergy"].apart.within == 2


def test_a_cached_lexicon_is_loaded_without_pyyaml(tmp_path: Path) -> None:
    """A warm start reads the lexicon from the cache: neither PyYAML nor the YAML reader is imported."""
    import os
    import subprocess
    import sys

    script = ("import sys; from bingo.lexicon import load_lexicon; load_lexicon(); "
              "print(sorted(m for m in sys.modules if m == 'yaml' or m == 'bingo.yamlfile'))")
    env = {**os.environ, "BINGO_CACHE_DIR": str(tmp_path / "cache")}
    cold, warm = (subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
                  for _ in range(2))
    assert cold.stdout.strip() == "['bingo.yamlfile', 'yaml']"  # parsed the files
    assert warm.stdout.strip() == "[]"
