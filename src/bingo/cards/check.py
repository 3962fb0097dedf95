"""Let the text decide: mark every card of a game with the terms heard, in text order, and find the winner."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bingo.cards.game import Game
from bingo.grid import completed_lines
from bingo.models import Hit


@dataclass
class CardState:
    """One card during a game: its marked squares and, once it has one, when its first line completed."""

    index: int
    cells: tuple[str | None, ...]
    marked: list[bool] = field(default_factory=list)
    won_at: Hit | None = None
    won_seq: int = -1
    line: list[int] | None = None

    def __post_init__(self) -> None:
        if not self.marked:
            self.marked = [cell is None for cell in self.cells]

    def mark(self, hit: Hit) -> bool:
        """Mark the squares of the hit's entry; True when this hit completes the card's first line."""
        changed = False
        for i, cell in enumerate(self.cells):
            if cell == hit.id and not self.marked[i]:
                self.marked[i] = changed = True
        if changed and self.won_at is None:
            lines = completed_lines(self.marked)
            if lines:
                self.won_at, self.line = hit, lines[0]
                return True
        return False


@dataclass
class Round:
    """All cards of a game, marked hit by hit in the order the text says them."""

    game: Game
    cards: list[CardState]
    heard: list[Hit] = field(default_factory=list)

    @classmethod
    def start(cls, game: Game, only: int | None = None) -> Round:
        """A fresh round over every card, or only card `only` (1-based)."""
        indexes = [only - 1] if only else range(len(game.cards))
        return cls(game, [CardState(i, game.cards[i]) for i in indexes])

    def hear(self, hits: Iterable[Hit]) -> list[CardState]:
        """Mark hits in order; return the cards that completed their first line on them."""
        winners = []
        for hit in hits:
            if hit.id not in self.game.terms:
                continue
            self.heard.append(hit)
            for card in self.cards:
                if card.mark(hit):
                    card.won_seq = len(self.heard) - 1
                    winners.append(card)
        return winners

    def winners(self) -> list[CardState]:
        """Cards with BINGO, earliest completion in the text first (ties by card number)."""
        done = [c for c in self.cards if c.won_at is not None]
        return sorted(done, key=lambda c: (c.won_seq, c.index))

    def bingos(self) -> list[tuple[CardState, Hit]]:
        """The winners with the hit that completed each one's first line, earliest first."""
        return [(card, card.won_at) for card in self.winners() if card.won_at is not None]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a checked game."""
        winners = self.winners()
        return {
            "game": self.game.id,
            "heard": sorted({h.id for h in self.heard}),
            "winner": winners[0].index + 1 if winners else None,
            "cards": [{
                "card": c.index + 1,
                "bingo": c.won_at is not None,
                "marked": [self.game.terms.get(cell, "")
                           for cell, on in zip(c.cells, c.marked, strict=True) if on and cell],
                "completed_at": None if c.won_at is None else {
                    "term": c.won_at.term, "text": c.won_at.text, "line": c.won_at.line, "column": c.won_at.column,
                    "offset": c.won_at.start, "squares": c.line},
            } for c in self.cards],
        }
