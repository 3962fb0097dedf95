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
from collections.abc import Iterable

from bingo.hits import Hit, HitEntry
from bingo.models import Verdict

# AI tells per 1,000 words in human prose written before language models, measured by
# benchmarks/ai_tell_baseline.py (src/bingo/lexicons/README.md, "AI tells"): what a report compares a file's rate with.
AI_TELL_BASELINE = {"de": 0.01, "en": 0.03}
MIN_WORDS = 50
SCALE = 6.0

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
    ident, _, labels = next(band for band in BANDS if value <= band[1] or band is BANDS[-1])
    return Verdict(ident, labels.get(lang or "en", labels["en"]))


def categories(hits: Iterable[Hit | HitEntry]) -> tuple[tuple[str, float], ...]:
    """Total weight per category of hits (or of their `HitEntry`s), heaviest first (ties by name)."""
    totals: dict[str, float] = defaultdict(float)
    for hit in hits:
        totals[hit.category] += hit.weight
    return tuple(sorted(((k, round(v, 2)) for k, v in totals.items()), key=lambda kv: (-kv[1], kv[0])))
