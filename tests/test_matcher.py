"""Matching mechanics: inflection, hyphens, spaces, line breaks, compounds, context and traps."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "mechanics.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_mechanics(case: dict, mini_scanner) -> None:
    text = case["text"]
    _, matches = mini_scanner.matcher(case["lang"]).match(text)
    found = [[m.id, text[m.start:m.end]] for m in matches]
    expected = case.get("match", [])
    for pair in expected:
        assert pair in found, f"{pair} not in {found}"
    assert [p for p in found if p[0] in {e[0] for e in expected}] == expected
    for ident in case.get("no_match", []):
        assert ident not in [f[0] for f in found]


def test_offsets_map_back_to_exact_input(mini_scanner) -> None:
    text = "Intro line\r\n\r\nDas  Customer   Experience\r\nManagement und\tTouchpoints.\r\nEnde"
    result = mini_scanner.scan_text(text, lang="de")
    assert [h.text for h in result.hits] == ["Customer   Experience\r\nManagement", "Touchpoints"]
    for hit in result.hits:
        assert text[hit.start:hit.end] == hit.text
    first, second = result.hits
    assert (first.line, first.column, first.end_line, first.end_column) == (3, 6, 4, 11)
    assert (second.line, second.column) == (4, 16)


def test_longest_match_wins(mini_scanner) -> None:
    _, matches = mini_scanner.matcher("de").match("Sau durchs Dorf treiben")
    assert [m.id for m in matches] == ["sau-durchs-dorf"]


def test_word_count_ignores_punctuation(mini_scanner) -> None:
    words, _ = mini_scanner.matcher("de").match("Eins, zwei; drei — vier! 5 6")
    assert words == 4
