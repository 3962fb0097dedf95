"""Who said the most jargon: a transcript's hits tallied per speaker, by weight and count, with each one's top terms."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bingo.models import FileResult

UNKNOWN = "(no speaker)"  # cues that name nobody (YouTube captions, SRT without names)
TOP = 3


@dataclass(frozen=True)
class SpeakerTally:
    """One speaker's jargon: hits, their summed weight and the terms said most (count, then weight)."""

    speaker: str
    hits: int
    weight: float
    terms: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of one speaker's tally."""
        return {"speaker": self.speaker, "hits": self.hits, "weight": self.weight,
                "top_terms": [{"term": term, "count": count} for term, count in self.terms]}


def tally(results: Iterable[FileResult], top: int = TOP) -> list[SpeakerTally]:
    """Each speaker's tally over the results, most jargon first (by weight, then count, then name)."""
    counts: Counter[str] = Counter()
    weights: dict[str, float] = {}
    terms: dict[str, Counter[str]] = {}
    term_weight: dict[str, float] = {}
    for result in results:
        for hit in result.hits:
            who = hit.speaker or UNKNOWN
            counts[who] += 1
            weights[who] = weights.get(who, 0.0) + hit.weight
            terms.setdefault(who, Counter())[hit.term] += 1
            term_weight[hit.term] = hit.weight
    out = [SpeakerTally(who, counts[who], round(weights[who], 2),
                        tuple(sorted(terms[who].items(), key=lambda t: (-t[1], -term_weight[t[0]], t[0]))[:top]))
           for who in counts]
    return sorted(out, key=lambda s: (-s.weight, -s.hits, s.speaker == UNKNOWN, s.speaker))


def to_dict(tallies: Iterable[SpeakerTally], paths: Iterable[str]) -> dict[str, Any]:
    """The JSON document of `bingo speakers`."""
    return {"files": list(paths), "speakers": [t.to_dict() for t in tallies]}
