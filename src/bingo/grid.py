"""Bingo cards as grids: the house card's layout, which squares a text marks, and completed lines.

One definition for the scan's house card, the report's card and the game's cards alike.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

CARD_SIDE = 5
"""Squares per side of the house card."""

HOUSE_TERMS = CARD_SIDE * CARD_SIDE - 1
"""Entries on the house card: every square but the free centre."""


def house_card(ids: Sequence[str]) -> tuple[str | None, ...]:
    """The 5x5 house card (row-major) from its 24 ids, with the free centre as None (empty: no card)."""
    if not ids:
        return ()
    middle = HOUSE_TERMS // 2
    return (*ids[:middle], None, *ids[middle:HOUSE_TERMS])


def marked(card: Sequence[str | None], ids: Collection[str]) -> tuple[bool, ...]:
    """For each square of a card: whether its entry is among `ids` (a free square always is)."""
    return tuple(cell is None or cell in ids for cell in card)


def lines_of(side: int) -> list[list[int]]:
    """All rows, columns and both diagonals of a square card, as cell indexes."""
    rows = [[r * side + c for c in range(side)] for r in range(side)]
    cols = [[r * side + c for r in range(side)] for c in range(side)]
    diagonals = [[i * side + i for i in range(side)], [i * side + side - 1 - i for i in range(side)]]
    return rows + cols + diagonals


def completed_lines(marks: Sequence[bool]) -> list[list[int]]:
    """The lines of a square card whose every cell is marked."""
    side = math.isqrt(len(marks))
    if side * side != len(marks) or side == 0:
        return []
    return [line for line in lines_of(side) if all(marks[i] for i in line)]
