"""Read -> detect language -> match -> score: turns sources into `FileResult`s.

A `Scanner` holds the lexicon and builds each language's pipeline and matcher once, on first use.
"""

from __future__ import annotations

import bisect
import itertools
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from bingo import langdetect, nlp, scoring
from bingo.compiler import load_or_compile
from bingo.errors import BingoError, InputError
from bingo.hits import HitsBuilder, Kind, line_starts
from bingo.lexicon import LANGS, Entry, Lexicon, load_lexicon
from bingo.matcher import LangMatcher, Match
from bingo.models import EntryInfo, FileResult, Hit, Passage
from bingo.sources import Paragraph, Source, kind_for, paragraphs
from bingo.suppress import covers

MAX_PASSAGES = 20
DETECT_CHARS = 20_000


@dataclass
class Scanner:
    """The compiled lexicon and pipelines for a run; scan as many texts as you like with it."""

    lexicon: Lexicon = field(default_factory=load_lexicon)
    model: str | None = None
    use_cache: bool = True
    skip_quotes: bool = False
    _matchers: dict[str, LangMatcher] = field(default_factory=dict, init=False, repr=False, compare=False)
    _infos: dict[tuple[str, str], EntryInfo] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the compiled matchers: a worker rebuilds them (from the cache) on first use."""
        state = dict(self.__dict__)
        state["_matchers"] = {}
        return state

    def matcher(self, lang: str) -> LangMatcher:
        """The matcher for `lang`, built on first use."""
        if lang not in LANGS:
            raise BingoError(f"unsupported language '{lang}' (use de or en)")
        if lang not in self._matchers:
            pipeline = nlp.load_model(self.model) if self.model else nlp.blank(lang)
            if self.model and pipeline.lang != lang:
                pipeline = nlp.blank(lang)  # the model serves its own language only
            compiled = load_or_compile(self.lexicon, lang, pipeline, self.model, self.use_cache)
            self._matchers[lang] = LangMatcher(compiled, pipeline, self.lexicon.entries)
        return self._matchers[lang]

    def scan_text(self, text: str, lang: str = "auto", path: str = "<text>", kind: str = "text") -> FileResult:
        """Scan an in-memory text."""
        return self.scan_source(Source(path, kind, text=text), lang)

    def scan_source(self, source: Source, lang: str = "auto", stdin: BinaryIO | None = None,
                    progress: Callable[[int], None] | None = None) -> FileResult:
        """Scan one source; unreadable input becomes a FileResult with `error` set."""
        try:
            lang, stream = self.open(source, lang, stdin)
            tally = Tally()
            for para in stream:
                tally.add(self.match_paragraphs(lang, [para]), self.lexicon.entries)
                if progress is not None:
                    progress(len(para.text))
            return self.result(source.path, lang, tally)
        except InputError as exc:
            return failed(source.path, exc.reason)

    def scan_source_path(self, path: str | os.PathLike[str], lang: str = "auto") -> FileResult:
        """Scan one file by path (its kind from the file name)."""
        return self.scan_source(Source(str(path), kind_for(path), file=Path(path)), lang)

    def open(self, source: Source, lang: str = "auto", stdin: BinaryIO | None = None) -> tuple[str, Iterator[Paragraph]]:
        """The text's language (detected from its start when `auto`) and its paragraphs."""
        stream = paragraphs(source, stdin, self.skip_quotes)
        head, stream = _peek(stream, DETECT_CHARS)
        if not head:
            raise InputError(source.path, "empty input (no text to scan)")
        if lang == "auto":
            lang = langdetect.detect(p.scan for p in head)
        return lang, stream

    def match_paragraphs(self, lang: str, batch: Sequence[Paragraph]) -> Partial:
        """Words, hits (suppressions applied) and passages of consecutive paragraphs."""
        matcher = self.matcher(lang)
        partial = Partial()
        for para in batch:
            count, matches = matcher.match(para.scan)
            partial.words += count
            if not matches:
                continue
            starts = line_starts(para.text)
            found = [_row(para, m, starts) for m in matches]
            if para.suppressed:
                kept = [r for r in found if not covers(para.suppressed.get(r[2]), r[0])]
                partial.suppressed += len(found) - len(kept)
                found = kept
            if found:
                partial.rows.extend(found)
                if len(partial.passages) < MAX_PASSAGES:
                    partial.passages.append(Passage(para.line, para.start, para.text))
        return partial

    def hits(self, rows: Sequence[HitRow]) -> list[Hit]:
        """`Hit`s of hit rows (a Partial's `rows`), with the entries' terms, categories and weights."""
        entries = self.lexicon.entries
        return [_hit(entries[row[0]], row) for row in rows]

    def result(self, path: str, lang: str, tally: Tally) -> FileResult:
        """Score and package what was found in one file."""
        hits, words = tally.hits.build(), tally.words
        value = scoring.score(hits.weighted(), words)
        card = scoring.house_card(self.lexicon.house_cards.get(lang, ()))
        ids = {kind.id for kind in hits.kinds()}
        marked = [cell is None or cell in ids for cell in card]
        return FileResult(
            path=path, lang=lang, words=words, score=value, verdict=scoring.verdict(value, lang),
            hits=hits, categories=scoring.categories(hits.kinds()), card=card,
            card_terms=tuple(self.lexicon.entries[i].term if i else "" for i in card),
            bingo=bool(scoring.completed_lines(marked)), passages=tuple(tally.passages[:MAX_PASSAGES]),
            entries=tuple(self.entry_info(i, lang) for i in sorted(ids)), suppressed=tally.suppressed,
        )

    def entry_info(self, ident: str, lang: str) -> EntryInfo:
        """The report view of a lexicon entry in `lang` (made once per run: results share it)."""
        info = self._infos.get((ident, lang))
        if info is None:
            info = self._infos[ident, lang] = entry_info(self.lexicon.entries[ident], lang)
        return info

    def detach(self, result: FileResult) -> Detached:
        """`result` without its entries' report texts, for sending to a process that has this scanner.

        Those texts are most of a small file's pickled result; `attach` restores them from the lexicon.
        """
        return replace(result, entries=()), tuple(info.id for info in result.entries)

    def attach(self, detached: Detached) -> FileResult:
        """The full result of a `detach`ed one."""
        result, ids = detached
        if not ids or result.lang is None:
            return result
        return replace(result, entries=tuple(self.entry_info(ident, result.lang) for ident in ids))


Detached = tuple[FileResult, tuple[str, ...]]
"""A result without its entries, and the ids of those entries (see `Scanner.detach`)."""

HitRow = tuple[str, str, int, int, int, int, int, int]
"""A hit as plain data: (id, text, line, column, end_line, end_column, start, end).

Partials carry rows rather than `Hit`s: a worker process sends them to the parent ten times
faster than pickled dataclasses, and the parent packs them into the file's compact `Hits`.
"""


@dataclass
class Partial:
    """What a run of paragraphs contributed to a file's result; partials add up in text order."""

    words: int = 0
    suppressed: int = 0
    rows: list[HitRow] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)

    def shifted(self, chars: int, lines: int) -> Partial:
        """This partial with offsets and line numbers moved by a preceding piece of the file."""
        if not (chars or lines):
            return self
        rows = [(i, text, line + lines, column, end_line + lines, end_column, start + chars, end + chars)
                for i, text, line, column, end_line, end_column, start, end in self.rows]
        passages = [replace(p, start=p.start + chars, line=p.line + lines) for p in self.passages]
        return Partial(self.words, self.suppressed, rows, passages)


@dataclass
class Tally:
    """A file's findings so far: partials are added in text order, their rows packed into `Hits`."""

    words: int = 0
    suppressed: int = 0
    hits: HitsBuilder = field(default_factory=HitsBuilder)
    passages: list[Passage] = field(default_factory=list)

    def add(self, partial: Partial, entries: Mapping[str, Entry]) -> None:
        """Add the next partial of the file."""
        self.words += partial.words
        self.suppressed += partial.suppressed
        self.hits.extend(partial.rows, lambda ident: _kind(entries[ident]))
        if len(self.passages) < MAX_PASSAGES:
            self.passages.extend(partial.passages[:MAX_PASSAGES - len(self.passages)])


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


def _row(para: Paragraph, match: Match, line_starts: Sequence[int]) -> HitRow:
    """A hit row with file offsets and 1-based line/column from a paragraph-relative match."""
    line, column = _position(para.line, line_starts, match.start)
    end_line, end_column = _position(para.line, line_starts, match.end - 1)
    return (match.id, para.text[match.start:match.end], line, column, end_line, end_column + 1,
            para.start + match.start, para.start + match.end)


def _kind(entry: Entry) -> Kind:
    """What every hit of an entry shares."""
    return Kind(entry.id, entry.term, entry.category, entry.weight, entry.level)


def _hit(entry: Entry, row: HitRow) -> Hit:
    """The `Hit` of a row, with what the report shows of its entry."""
    _, text, line, column, end_line, end_column, start, end = row
    return Hit(entry.id, entry.term, text, entry.category, entry.weight, entry.level, line, column, end_line,
               end_column, start, end)


def _position(first_line: int, line_starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based line and column of a paragraph-relative offset."""
    index = bisect.bisect_right(line_starts, offset) - 1
    return first_line + index, offset - line_starts[index] + 1


def _peek(stream: Iterator[Paragraph], chars: int) -> tuple[list[Paragraph], Iterator[Paragraph]]:
    """Read paragraphs until `chars` characters are buffered; return them and the full stream."""
    head: list[Paragraph] = []
    size = 0
    for para in stream:
        head.append(para)
        size += len(para.scan)
        if size >= chars:
            break
    return head, itertools.chain(head, stream)


_DEFAULT: Scanner | None = None


def scan_text(text: str, lang: str = "auto", path: str = "<text>", kind: str = "text", **options: Any) -> FileResult:
    """Scan a text with the built-in lexicon (a shared Scanner is built on first call).

    `options` are passed to `Scanner` (lexicon, model, use_cache, skip_quotes) for a one-off scanner.
    """
    global _DEFAULT
    if options:
        return Scanner(**options).scan_text(text, lang, path, kind)
    if _DEFAULT is None:
        _DEFAULT = Scanner()
    return _DEFAULT.scan_text(text, lang, path, kind)


__all__ = ["Detached", "HitRow", "Partial", "Scanner", "Tally", "entry_info", "scan_text"]
