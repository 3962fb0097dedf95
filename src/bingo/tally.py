"""What paragraphs contribute to a file's result: hit rows at file positions, words and passages.

Matching works paragraph by paragraph (in this process or in a worker); each run of paragraphs
gives a `Partial`, and the partials of a file add up, in text order, in a `Tally`.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field, replace

from bingo.hits import HitEntry, HitsBuilder
from bingo.lines import line_starts, position
from bingo.matcher import LangMatcher, Match
from bingo.models import Passage
from bingo.paragraphs import Paragraph
from bingo.suppress import Suppression, covers, problem

MAX_PASSAGES = 20
"""Paragraphs with hits a result keeps for the human report."""

HitRow = tuple[str, str, int, int, int, int, int, int]
"""A hit as plain data: (id, text, line, column, end_line, end_column, start, end).

Partials carry rows rather than `Hit`s: a worker process sends them to the parent ten times
faster than pickled dataclasses, and the parent packs them into the file's compact `Hits`.
"""


@dataclass
class Partial:
    """What a run of paragraphs contributed to a file's result; partials add up in text order."""

    words: int = 0
    muted: list[HitRow] = field(default_factory=list)  # hits a directive suppressed (SARIF lists them)
    reasons: list[str | None] = field(default_factory=list)
    """For each muted hit, the reason its directive gives (None: none given)."""
    rows: list[HitRow] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """(line, message) for each name in a `bingo:` directive that can suppress nothing in this text."""

    def shifted(self, chars: int, lines: int) -> Partial:
        """This partial with offsets and line numbers moved by a preceding piece of the file."""
        if not (chars or lines):
            return self
        passages = [replace(p, start=p.start + chars, line=p.line + lines) for p in self.passages]
        return Partial(self.words, _shift(self.muted, chars, lines), self.reasons, _shift(self.rows, chars, lines),
                       passages, [(n + lines, why) for n, why in self.warnings])


def _shift(rows: list[HitRow], chars: int, lines: int) -> list[HitRow]:
    """Hit rows with offsets and line numbers moved by a preceding piece of the file."""
    return [(i, text, line + lines, column, end_line + lines, end_column, start + chars, end + chars)
            for i, text, line, column, end_line, end_column, start, end in rows]


def match_paragraphs(matcher: LangMatcher, batch: Sequence[Paragraph], known: Container[str] = ()) -> Partial:
    """Words, hits (suppressions applied) and passages of consecutive paragraphs.

    `known`: the entry ids and categories a directive may name (empty: names are not checked).
    """
    partial = Partial()
    for para in batch:
        if known:
            problems = ((line, problem(name, matcher.lang, matcher.entries, known)) for line, name in para.named)
            partial.warnings.extend((line, why) for line, why in problems if why is not None)
        count, matches = matcher.match(para.scan)
        partial.words += count
        if not matches:
            continue
        starts = line_starts(para.text)
        found = [_row(para, m, starts) for m in matches]
        if para.suppressed:
            kept: list[HitRow] = []
            for row in found:
                on_line, category = para.suppressed.get(row[2]), matcher.entries[row[0]].category
                if not covers(on_line, row[0], category):
                    kept.append(row)
                    continue
                partial.muted.append(row)
                partial.reasons.append(on_line.reason(row[0], category) if isinstance(on_line, Suppression) else None)
            found = kept
        if found:
            partial.rows.extend(found)
            if len(partial.passages) < MAX_PASSAGES:
                partial.passages.append(Passage(para.line, para.start, para.text, para.column,
                                                        None if para.scan == para.text else para.scan))
    return partial


def _row(para: Paragraph, match: Match, starts: Sequence[int]) -> HitRow:
    """A hit row with file offsets and 1-based line/column from a paragraph-relative match."""
    line, column = _position(para, starts, match.start)
    end_line, end_column = _position(para, starts, match.end - 1)
    return (match.id, para.text[match.start:match.end], line, column, end_line, end_column + 1,
            para.start + match.start, para.start + match.end)


def _position(para: Paragraph, starts: Sequence[int], offset: int) -> tuple[int, int]:
    """Line and column of a paragraph offset; on its first line, counted from where the line began."""
    line, column = position(para.line, starts, offset)
    return (line, column + para.column - 1) if line == para.line else (line, column)


@dataclass
class Tally:
    """A file's findings so far: partials are added in text order, their rows packed into `Hits`."""

    entry_of: Callable[[str], HitEntry]
    words: int = 0
    hits: HitsBuilder = field(default_factory=HitsBuilder)
    muted: HitsBuilder = field(default_factory=HitsBuilder)  # the suppressed hits
    reasons: list[str | None] = field(default_factory=list)  # for each suppressed hit, its directive's reason
    passages: list[Passage] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    def add(self, partial: Partial) -> None:
        """Add the next partial of the file."""
        self.words += partial.words
        self.warnings.extend(partial.warnings)
        self.hits.extend(partial.rows, self.entry_of)
        if partial.muted:
            self.muted.extend(partial.muted, self.entry_of)
            self.reasons.extend(partial.reasons)
        if len(self.passages) < MAX_PASSAGES:
            self.passages.extend(partial.passages[:MAX_PASSAGES - len(self.passages)])
