"""`bingo lexicon validate` beyond the schema: examples, collisions, order and near-duplicates, as FILE:LINE."""

from __future__ import annotations

from pathlib import Path

import pytest

from bingo.cli import main
from bingo.errors import LexiconError
from bingo.validate import check

# Two entries per language that pass every check; each bad lexicon below changes one thing.
ENTRY = """\
  - id: {id}
    term: {term}
    lang: {lang}
    category: management
    weight: 2
    inflect: {inflect}
    message: "{message}"
    source: test
    examples:
      match: {match}
      no_match: {no_match}
"""
BASE = {
    "de": [dict(id="synergie", term="Synergie", match='["Wir heben Synergien."]', no_match='["Der Zug fährt."]'),
           dict(id="touchpoint", term="Touchpoint", match='["jeder Touchpoint"]', no_match='["Der Punkt."]')],
    "en": [dict(id="synergy", term="synergy", match='["unlock synergies"]', no_match='["The train leaves."]'),
           dict(id="touchpoint", term="touchpoint", match='["every touchpoint"]', no_match='["The point."]')],
}
MESSAGE = {"de": "Ein Testwort.", "en": "A test word."}


def lexicon(lang: str, entries: list[dict[str, str]]) -> str:
    """A lexicon file with `entries` in the given order."""
    defaults = {"lang": lang, "inflect": "last", "message": MESSAGE[lang]}
    return "entries:\n" + "".join(ENTRY.format(**(defaults | fields)) for fields in entries)


def write(tmp_path: Path, text: str, name: str = "lex.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, ident: str) -> int:
    """The line of the entry `ident` (where the validator reports it)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines.index(f"  - id: {ident}") + 1


def validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[list[str], int, list[str]]:
    """The problems `check` raises, and the exit code and stderr lines of `bingo lexicon validate`."""
    with pytest.raises(LexiconError) as info:
        check([path], builtin=False)
    code = main(["lexicon", "validate", "--no-builtin", str(path)])
    captured = capsys.readouterr()
    assert captured.out == ""
    return info.value.problems, code, captured.err.splitlines()


def assert_reported(path: Path, expected: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    problems, code, err = validate(path, capsys)
    assert problems == expected
    assert code == 2
    assert err == [f"bingo: error: {p}" for p in expected]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_base_lexicon_is_clean(tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The control: without the one change each test makes, nothing is reported."""
    path = write(tmp_path, lexicon(lang, BASE[lang]))
    assert main(["lexicon", "validate", "--no-builtin", str(path)]) == 0
    captured = capsys.readouterr()
    expected = f"ok: 2 entries ({2 if lang == 'de' else 0} for de, {2 if lang == 'en' else 0} for en) in 1 file(s)\n"
    assert (captured.out, captured.err) == (expected, "")


@pytest.mark.parametrize(("lang", "match", "no_match"), [
    ("de", "Der Bus ist pünktlich.", "Wir heben Synergien."),
    ("en", "The bus is on time.", "We unlock synergies."),
])
def test_example_that_does_not_match_and_non_example_that_does(tmp_path: Path, lang: str, match: str, no_match: str,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    first, second = BASE[lang]
    bad = first | {"match": f'["{match}"]', "no_match": f'["{no_match}"]'}
    path = write(tmp_path, lexicon(lang, [bad, second]))
    where = f"{path}:{line_of(path, first['id'])}"
    assert_reported(path, [f"{where}: {first['id']} ({lang}): example does not match: {match!r}",
                           f"{where}: {first['id']} ({lang}): non-example matches: {no_match!r}"], capsys)


def test_a_both_entry_is_checked_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "entries:\n  - id: synergy\n    term: synergy\n    lang: both\n    category: management\n"
                           "    weight: 2\n    message: {de: Einsparung., en: Savings.}\n    source: test\n"
                           "    examples:\n      match: [Synergy]\n      no_match: [the synergy]\n")
    assert_reported(path, [f"{path}:2: synergy (de): non-example matches: 'the synergy'",
                           f"{path}:2: synergy (en): non-example matches: 'the synergy'"], capsys)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_two_entries_matching_the_same_surface(tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = BASE[lang]
    # the second entry also lists the first one's term as a variant
    one = first | {"match": f'["{first["term"]}"]', "inflect": "none"}
    twin = second | {"term": f'{second["term"]}\n    variants: [{first["term"]}]', "inflect": "none"}
    path = write(tmp_path, lexicon(lang, [one, twin]))
    surface = first["term"].lower()
    assert_reported(path, [f"{path}:{line_of(path, first['id'])}: {first['id']} ({lang}): "
                           f"'{surface}' is also matched by {second['id']}"], capsys)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_entries_out_of_order(tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = BASE[lang]
    path = write(tmp_path, lexicon(lang, [second, first]))
    assert_reported(path, [f"{path}:{line_of(path, first['id'])}: {first['id']} is out of order "
                           f"(entries are sorted by id; it follows {second['id']})"], capsys)


@pytest.mark.parametrize(("lang", "one", "other", "uninflected"), [
    ("de", "Kundenerlebnis", "Kundenerlebnisse", "kundenerlebnis"),
    ("en", "synergies", "synergy", "synergy"),  # by id, synergies comes first and is the one reported
])
def test_near_duplicates_differ_only_by_an_ending(tmp_path: Path, lang: str, one: str, other: str, uninflected: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    entries = [dict(id=term.lower(), term=term, match=f'["{term}"]', no_match='["x"]', inflect="none")
               for term in (one, other)]
    path = write(tmp_path, lexicon(lang, entries))
    assert_reported(path, [f"{path}:{line_of(path, one.lower())}: {one.lower()} ({lang}): '{uninflected}' "
                           f"(uninflected) is also a spelling of {other.lower()}: merge them or drop one"], capsys)


def test_problems_of_several_files_are_all_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Order problems first, then examples; each names its own file and line."""
    first, second = BASE["en"]
    unordered = write(tmp_path, lexicon("en", [second, first]), "a.yaml")
    german = BASE["de"][0] | {"match": '["Der Bus ist pünktlich."]'}
    mismatched = write(tmp_path, lexicon("de", [german]), "b.yaml")
    with pytest.raises(LexiconError) as info:
        check([unordered, mismatched], builtin=False)
    assert info.value.problems == [
        f"{unordered}:13: synergy is out of order (entries are sorted by id; it follows touchpoint)",
        f"{mismatched}:2: synergie (de): example does not match: 'Der Bus ist pünktlich.'",
    ]
    assert main(["lexicon", "validate", "--no-builtin", str(unordered), str(mismatched)]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 2
