"""The Bullshit-Index formula, bands and bingo lines."""

from __future__ import annotations

import pytest

from bingo import grid, scoring


def test_zero_hits_is_zero() -> None:
    assert scoring.score(0, 1000) == 0


def test_saturates_and_is_monotonic() -> None:
    values = [scoring.score(w, 1000) for w in (1, 5, 10, 50, 100, 1000)]
    assert values == sorted(values) and values[-1] == 100 and values[0] > 0


def test_density_not_length_decides() -> None:
    tweet = scoring.score(2, 100)       # one weight-2 buzzword in 100 words
    essay = scoring.score(100, 5000)    # fifty of them in 5000 words
    assert tweet == essay


def test_short_texts_use_a_minimum_word_count() -> None:
    assert scoring.score(3, 2) == scoring.score(3, scoring.MIN_WORDS)


@pytest.mark.parametrize(("value", "band"), [(0, "klartext"), (19, "klartext"), (20, "werbeprosa"),
                                             (49, "werbeprosa"), (50, "bullshit-bingo"), (100, "bullshit-bingo")])
def test_bands(value: int, band: str) -> None:
    assert scoring.verdict(value, "de").id == band


def test_bingo_lines() -> None:
    marked = [False] * 25
    assert grid.completed_lines(marked) == []
    for i in (4, 8, 12, 16, 20):
        marked[i] = True
    assert grid.completed_lines(marked) == [[4, 8, 12, 16, 20]]


def test_house_card_has_free_centre() -> None:
    card = grid.house_card([f"t{i}" for i in range(24)])
    assert len(card) == 25 and card[12] is None and card[11] == "t11" and card[13] == "t12"
