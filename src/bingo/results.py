"""Scoring and assembly: a file's tally becomes its `FileResult`, entries their report views."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bingo import grid, scoring
from bingo.hits import Hit, HitEntry
from bingo.lexicon import Entry
from bingo.models import EntryInfo, FileResult
from bingo.tally import MAX_PASSAGES, HitRow, Tally


def file_result(path: str, lang: str, tally: Tally, entries: Mapping[str, Entry], house_card: tuple[str, ...],
                info: Callable[[str], EntryInfo], kind: str = "text") -> FileResult:
    """Score and package what was found in one file (`info` gives the report view of an entry id)."""
    hits, words = tally.hits.build(), tally.words
    value = scoring.score(hits.weighted(), words)
    card = grid.house_card(house_card)
    ids = {kind.id for kind in hits.entries()}
    return FileResult(
        path=path, lang=lang, words=words, score=value, verdict=scoring.verdict(value, lang),
        hits=hits, categories=scoring.categories(hits.entries()), card=card,
        card_terms=tuple(entries[i].term if i else "" for i in card),
        bingo=bool(grid.completed_lines(grid.marked(card, ids))), passages=tuple(tally.passages[:MAX_PASSAGES]),
        entries=tuple(info(i) for i in sorted(ids)), suppressions=tally.muted.build(),
        suppression_reasons=tuple(tally.reasons),
        warnings=tuple(tally.warnings), kind=kind,
    )


NO_TEXT = "no text"
"""The reason of an input with nothing to scan (empty or blank): a run skips it, not an error (see runner)."""


def failed(path: str, reason: str) -> FileResult:
    """The result of an input that could not be read."""
    return FileResult(path=path, lang=None, words=0, score=0, verdict=None, error=reason)


def entry_info(entry: Entry, lang: str) -> EntryInfo:
    """The report-facing view of an entry, in the text's language."""
    return EntryInfo(
        id=entry.id, term=entry.term, category=entry.category, weight=entry.weight, level=entry.level,
        message=entry.message_for(lang), alternative=entry.alternative_for(lang), source=entry.source,
        link=entry.link,
    )


def entry_of(entry: Entry) -> HitEntry:
    """What every hit of an entry shares."""
    return HitEntry(entry.id, entry.term, entry.category, entry.weight, entry.level)


def hit_of(entry: Entry, row: HitRow) -> Hit:
    """The `Hit` of a row, with what the report shows of its entry."""
    _, text, line, column, end_line, end_column, start, end = row
    return Hit(entry.id, entry.term, text, entry.category, entry.weight, entry.level, line, column, end_line,
               end_column, start, end)
