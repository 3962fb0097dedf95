"""The result model: every renderer, gate and API caller works from these frozen dataclasses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bingo import grid
from bingo.entry import AI_TELL
from bingo.hits import Hit, Hits, as_hits
from bingo.paths import display

JSON_VERSION = 1
ARROW = "→"
"""What leads from a message to its plain alternative in every report."""


@dataclass(frozen=True)
class Passage:
    """A paragraph of the original text that contains hits, kept for the human report."""

    line: int
    start: int
    text: str
    column: int = 1
    """The column `text` starts at in its first line (past 1 when a long line was cut)."""
    scan: str | None = None
    """The text as scanned, markup masked at the same offsets (`bingo.markup`); None: the same as `text`."""


@dataclass(frozen=True)
class EntryInfo:
    """What a report needs to know about a lexicon entry that was hit."""

    id: str
    term: str
    category: str
    weight: float
    level: str
    message: str
    alternative: str | None
    source: str
    link: str | None = None

    @property
    def advice(self) -> str:
        """The message and, when there is one, the plain alternative: `message → alternative`."""
        return self.message + (f" {ARROW} {self.alternative}" if self.alternative else "")

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of this entry."""
        return {
            "id": self.id,
            "term": self.term,
            "category": self.category,
            "weight": self.weight,
            "level": self.level,
            "message": self.message,
            "alternative": self.alternative,
            "source": self.source,
            "link": self.link,
        }


@dataclass(frozen=True)
class Verdict:
    """A score band: a stable id for machines and a label for people."""

    id: str
    label: str


@dataclass(frozen=True)
class FileResult:
    """Everything found in one input (a file or stdin)."""

    path: str
    lang: str | None
    words: int
    score: int
    verdict: Verdict | None
    hits: Hits = field(default_factory=Hits)  # a tuple or list of `Hit`s given here is stored as `Hits`
    categories: tuple[tuple[str, float], ...] = ()
    card: tuple[str | None, ...] = ()
    card_terms: tuple[str, ...] = ()
    bingo: bool = False
    passages: tuple[Passage, ...] = ()
    entries: tuple[EntryInfo, ...] = ()
    error: str | None = None
    suppressions: Hits = field(default_factory=Hits)
    """The hits an inline directive suppressed (not scored; SARIF lists them as suppressed results)."""
    suppression_reasons: tuple[str | None, ...] = ()
    """For each of `suppressions`, the reason its directive gives after ` -- ` (None: none given)."""
    warnings: tuple[tuple[int, str], ...] = ()
    """(line, message) for each name in a `bingo:` directive that can suppress nothing in this file."""
    kind: str = "text"
    """What the input was read as (`markdown`, `html`, …; `bingo.sources`): how a report shows its passages."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "hits", as_hits(self.hits))
        object.__setattr__(self, "suppressions", as_hits(self.suppressions))

    @property
    def suppressed(self) -> int:
        """Number of hits an inline directive suppressed."""
        return len(self.suppressions)

    def suppressed_hits(self) -> Iterator[tuple[Hit, str | None]]:
        """Each hit an inline directive suppressed, with the reason the directive gives (None: none given)."""
        reasons = self.suppression_reasons
        return ((hit, reasons[i] if i < len(reasons) else None) for i, hit in enumerate(self.suppressions))

    def entry(self, ident: str) -> EntryInfo | None:
        """The report view of an entry hit in this file."""
        return next((info for info in self.entries if info.id == ident), None)

    @property
    def ai_tells(self) -> int:
        """Number of hits of the `ai-tell` category."""
        return sum(1 for kind in self.hits.entries() if kind.category == AI_TELL)

    @property
    def ai_tells_per_1000(self) -> float:
        """AI tells per 1,000 words, to one decimal (the figure `--max-ai-tells` gates on)."""
        return round(1000 * self.ai_tells / self.words, 1) if self.words else 0.0

    @property
    def card_marked(self) -> tuple[bool, ...]:
        """For each card square: hit by the text (the free centre counts as hit)."""
        return grid.marked(self.card, {kind.id for kind in self.hits.entries()})

    def to_dict(self, hits: bool = True) -> dict[str, Any]:
        """Return the JSON shape of this file's result (`hits=False`: an empty hit list, for streaming)."""
        data: dict[str, Any] = {
            "path": display(self.path),
            "lang": self.lang,
            "words": self.words,
            "score": self.score,
            "verdict": self.verdict.id if self.verdict else None,
            "verdict_label": self.verdict.label if self.verdict else None,
            "bingo": self.bingo,
            "ai_tells": self.ai_tells,
            "ai_tells_per_1000": self.ai_tells_per_1000,
            "categories": dict(self.categories),
            "hits": self.hits.records() if hits else [],
            "entries": {info.id: info.to_dict() for info in self.entries},
        }
        if self.suppressed:
            data["suppressed"] = self.suppressed
        if self.error is not None:
            data["error"] = self.error
        return data


@dataclass(frozen=True)
class RunResult:
    """The results of one run over all inputs, in input order."""

    files: tuple[FileResult, ...]
    rules: tuple[EntryInfo, ...] = ()
    warnings: tuple[str, ...] = ()
    """Problems with the run's settings that did not stop it (unknown ids in the configuration), `FILE:LINE: …`."""
    skipped: tuple[str, ...] = ()  # inputs with no text (empty or blank): not in `files`, not an error

    @property
    def errors(self) -> tuple[FileResult, ...]:
        """Files that could not be scanned."""
        return tuple(f for f in self.files if f.error is not None)

    @property
    def scanned(self) -> tuple[FileResult, ...]:
        """Files that were scanned."""
        return tuple(f for f in self.files if f.error is None)

    def summary(self) -> dict[str, Any]:
        """Totals over all scanned files."""
        scanned = self.scanned
        words = sum(f.words for f in scanned)
        return {
            "files": len(scanned),
            "errors": len(self.errors),
            "words": words,
            "hits": sum(len(f.hits) for f in scanned),
            "max_score": max((f.score for f in scanned), default=0),
            "mean_score": round(sum(f.score for f in scanned) / len(scanned), 1) if scanned else 0,
            "bingo": sum(1 for f in scanned if f.bingo),
            "ai_tells": sum(f.ai_tells for f in scanned),
        }

    def to_dict(self) -> dict[str, Any]:
        """Return the versioned JSON document of the whole run."""
        return {
            "version": JSON_VERSION,
            "files": [f.to_dict() for f in self.files],
            "summary": self.summary(),
        }


__all__ = ["ARROW", "JSON_VERSION", "EntryInfo", "FileResult", "Hit", "Hits", "Passage", "RunResult", "Verdict"]
