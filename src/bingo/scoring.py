"""The Bullshit-Index: a saturating 0-100 score from weighted hits per 100 words, and its bands.

    weight  = sum over hits of weight(entry) / n, for the n-th hit of the same entry
    density = 100 * weight / max(words, MIN_WORDS)
    score   = round(100 * (1 - exp(-density / SCALE)))

The n-th repetition of one term counts 1/n of its weight: a reader notices the third
"Customer Journey" less than the first, and a long text that repeats one term does not climb
forever (ten uses weigh 2.9 times one). `MIN_WORDS` keeps a two-word input from exploding; the
exponential saturates, so a tweet with one buzzword and an essay with fifty land in comparable
places when their density is similar.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from bingo.hits import Hit, Kind
from bingo.models import Verdict

# AI tells per 1,000 words in human prose written before language models, measured by
# benchmarks/ai_tell_baseline.py (src/bingo/lexicons/README.md, "AI tells"): what a report compares a file's rate with.
AI_TELL_BASELINE = {"de": 0.01, "en": 0.03}
MIN_WORDS = 50
SCALE = 6.0
CARD_SIDE = 5

# Upper bounds (inclusive) of each band; labels in the text's language.
BANDS: tuple[tuple[str, int, dict[str, str]], ...] = (
    ("klartext", 19, {"de": "Klartext", "en": "Plain talk"}),
    ("werbeprosa", 49, {"de": "Werbeprosa", "en": "Marketing prose"}),
    ("bullshit-bingo", 100, {"de": "Bullshit-Bingo", "en": "Bullshit bingo"}),
)


def score(weighted: float, words: int) -> int:
    """The Bullshit-Index for a total hit weight over a number of words."""
    if weighted <= 0:
        return 0
    density = 100.0 * weighted / max(words, MIN_WORDS)
    return round(100 * (1 - math.exp(-density / SCALE)))


def verdict(value: int, lang: str | None) -> Verdict:
    """The band a score falls into."""
    for ident, upper, labels in BANDS:
        if value <= upper:
            return Verdict(ident, labels.get(lang or "en", labels["en"]), upper)
    ident, upper, labels = BANDS[-1]
    return Verdict(ident, labels.get(lang or "en", labels["en"]), upper)


def categories(hits: Iterable[Hit | Kind]) -> tuple[tuple[str, float], ...]:
    """Total weight per category of hits (or of their `Kind`s), heaviest first (ties by name)."""
    totals: dict[str, float] = defaultdict(float)
    for hit in hits:
        totals[hit.category] += hit.weight
    return tuple(sorted(((k, round(v, 2)) for k, v in totals.items()), key=lambda kv: (-kv[1], kv[0])))


def house_card(ids: Sequence[str]) -> tuple[str | None, ...]:
    """A 5x5 card (row-major) from 24 ids with the free centre as None."""
    if not ids:
        return ()
    middle = CARD_SIDE * CARD_SIDE // 2
    cells: list[str | None] = list(ids[:middle]) + [None] + list(ids[middle:middle * 2])
    return tuple(cells)


def lines_of(side: int) -> list[list[int]]:
    """All rows, columns and both diagonals of a square card, as cell indexes."""
    rows = [[r * side + c for c in range(side)] for r in range(side)]
    cols = [[r * side + c for r in range(side)] for c in range(side)]
    diagonals = [[i * side + i for i in range(side)], [i * side + side - 1 - i for i in range(side)]]
    return rows + cols + diagonals


def completed_lines(marked: Sequence[bool]) -> list[list[int]]:
    """The lines of a square card whose every cell is marked."""
    side = math.isqrt(len(marked))
    if side * side != len(marked) or side == 0:
        return []
    return [line for line in lines_of(side) if all(marked[i] for i in line)]
