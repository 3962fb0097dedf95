"""The word count: the fast count must give exactly the number of matches of the rule's pattern."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bingo import words
from bingo.normalise import collapse

ROOT = Path(__file__).resolve().parents[1]


def reference(text: str) -> int:
    """The rule as it reads: addresses and options removed, then the matches of the word pattern."""
    if "@" in text or "://" in text:
        text = words._ADDRESS.sub(" ", text)
    text = re.sub(r"(?<!\S)--?[^\W\d_]\S*", " ", text)
    return len(words._WORD.findall(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Customer Journey optimieren", 3), ("we've got it, Let's go", 5), ("a''b 'quoted' x'", 4),
    ("Use --help or -v, not e-mail", 5), ("see https://example.com/a-b or mail me@example.org", 3),
    ("l10n GPLv3 H₂O m² Ⅻ", 6), ("Straße, „Kundenzentrierung“ – Œuvre", 3), ("Привет мир, ελληνικά", 3),
    ("3 000 € 12,5 %", 0), ("", 0)])
def test_words_are_runs_of_letters_joined_by_apostrophes(text: str, expected: int) -> None:
    assert words.count(text) == expected == reference(text)


def test_the_count_is_the_rules_on_every_sample() -> None:
    texts = [collapse(paragraph)[0] for path in sorted((ROOT / "samples").glob("*.txt"))
             for paragraph in path.read_text(encoding="utf-8").split("\n\n")]
    assert len(texts) > 50
    assert [t for t in texts if words.count(t) != reference(t)] == []


TRICKY = list("ab'’-@:/. \u00e4\u00df\u0142\u03a9\u00b2\u2162_1\u201e")  # apostrophes, options, Latin-1 and beyond


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=60))
def test_the_count_is_the_rules_on_generated_text(text: str) -> None:
    assert words.count(text) == reference(text)
