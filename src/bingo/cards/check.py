"""Let the text decide: mark every card of a game with the terms heard, in text order, and find the winner."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from bingo.cards.fair import contained
from bingo.cards.game import Game
from bingo.grid import completed_lines
from bingo.models import Hit
from bingo.transcript import Cue, clock


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
    cues: list[Cue | None] = field(default_factory=list)  # the transcript cue of each heard hit, when known

    @classmethod
    def start(cls, game: Game, only: int | None = None) -> Round:
        """A fresh round over every card, or only card `only` (1-based)."""
        indexes = [only - 1] if only else range(len(game.cards))
        return cls(game, [CardState(i, game.cards[i]) for i in indexes])

    def hear(self, hits: Iterable[Hit], cue_of: Callable[[Hit], Cue | None] | None = None) -> list[CardState]:
        """Mark hits in order (`cue_of`: a transcript's cue of a hit); return the cards completed on them."""
        winners = []
        terms = self.game.terms
        for said in hits:
            if said.id not in terms:
                continue
            # a term that another card's term contains is said with it ("ganzheitlich" in "ganzheitlichen Ansatz")
            for hit in [said, *(replace(said, id=i, term=terms[i]) for i in contained(terms, said.id, said.text))]:
                self.heard.append(hit)
                self.cues.append(cue_of(hit) if cue_of is not None else None)
                for card in self.cards:
                    if card.mark(hit):
                        card.won_seq = len(self.heard) - 1
                        winners.append(card)
        return winners

    def cue(self, card: CardState) -> Cue | None:
        """The transcript cue in which the card completed its first line (None: not a transcript, no BINGO)."""
        return self.cues[card.won_seq] if card.won_at is not None and card.won_seq < len(self.cues) else None

    def _when(self, card: CardState) -> float:
        cue = self.cue(card)
        return math.inf if cue is None or cue.begins is None else cue.begins

    def winners(self) -> list[CardState]:
        """Cards with BINGO, earliest completion first: by time in a transcript, else in the text (ties by card)."""
        done = [c for c in self.cards if c.won_at is not None]
        return sorted(done, key=lambda c: (self._when(c), c.won_seq, c.index))

    def tied(self) -> list[CardState]:
        """The winners that completed in the same transcript cue as the first (empty when not known)."""
        winners = self.winners()
        first = self.cue(winners[0]) if winners else None
        return [c for c in winners if first is not None and self.cue(c) == first]

    def bingos(self) -> list[tuple[CardState, Hit]]:
        """The winners with the hit that completed each one's first line, earliest first."""
        return [(card, card.won_at) for card in self.winners() if card.won_at is not None]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a checked game."""
        winners = self.winners()
        tied = self.tied()
        return {
            "game": self.game.id,
            "heard": sorted({h.id for h in self.heard}),
            "winner": winners[0].index + 1 if winners else None,
            **({"tied": [c.index + 1 for c in tied]} if len(tied) > 1 else {}),
            "cards": [{
                "card": c.index + 1,
                "bingo": c.won_at is not None,
                "marked": [self.game.terms.get(cell, "")
                           for cell, on in zip(c.cells, c.marked, strict=True) if on and cell],
                "completed_at": None if c.won_at is None else {
                    "term": c.won_at.term, "text": c.won_at.text, "line": c.won_at.line, "column": c.won_at.column,
                    "offset": c.won_at.start, "squares": c.line, **_cue_fields(self.cue(c))},
            } for c in self.cards],
        }


def excerpt(said: str, text: str, width: int = 70) -> str:
    """The words of a cue around the completing term's first word, "…" where the cue goes on."""
    words = said.split()
    first = (text.split() or [""])[0].casefold()
    at = next((i for i, word in enumerate(words) if first and first in word.casefold()), 0)
    start, end = max(0, at - 4), at + 1
    while end < len(words) and len(" ".join(words[start:end + 1])) <= width:
        end += 1
    while start > 0 and len(" ".join(words[start - 1:end])) <= width:
        start -= 1
    return ("… " if start else "") + " ".join(words[start:end]) + (" …" if end < len(words) else "")


def _cue_fields(cue: Cue | None) -> dict[str, Any]:
    """`time`, `end_time` and `speaker` of a completing hit's cue, where known."""
    if cue is None:
        return {}
    fields: dict[str, Any] = {}
    if cue.begins is not None:
        fields["time"] = clock(cue.begins)
    if cue.ends is not None:
        fields["end_time"] = clock(cue.ends)
    if cue.speaker is not None:
        fields["speaker"] = cue.speaker
    return fields
