"""Read -> detect language -> match -> score: `Scanner` turns sources into `FileResult`s.

A scanner holds the lexicon and, in `Matchers`, each language's pipeline and matcher, built once
on first use. Its public interface is what the parallel runner and the game commands use too:
`read` a source, `match` runs of paragraphs into `Partial`s, `begin` a file's `FileScan` and add
partials to it in text order.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from bingo import langdetect
from bingo.cues import annotate
from bingo.errors import InputError
from bingo.hits import Hit
from bingo.lexicon import CATEGORIES, Lexicon, load_lexicon
from bingo.matcher import LangMatcher
from bingo.models import EntryInfo, FileResult
from bingo.paragraphs import Paragraph, paragraphs, runs
from bingo.pipelines import Matchers
from bingo.results import NO_TEXT, entry_info, entry_of, failed, file_result, hit_of
from bingo.sources import Source, kind_for
from bingo.tally import Partial, Tally, match_paragraphs

RUN_CHARS = 16 * 1024
"""Paragraphs are matched and added to their file's result in runs of this much text: a partial
per paragraph cost 0.3 s of a 5 s scan of 10 MB of man pages (57,808 paragraphs)."""

DETECT_CHARS = 20_000
"""How much text, from the start, the language is detected from."""


@dataclass
class Scanner:
    """The compiled lexicon and pipelines for a run; scan as many texts as you like with it."""

    lexicon: Lexicon = field(default_factory=load_lexicon)
    model: str | None = None
    use_cache: bool = True
    skip_quotes: bool = False
    _matchers: Matchers = field(init=False, repr=False, compare=False)
    _infos: dict[tuple[str, str], EntryInfo] = field(default_factory=dict, init=False, repr=False, compare=False)
    _known: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._matchers = Matchers(self.lexicon, self.model, self.use_cache)
        # what a `bingo:` directive may name: disabled entries too (a directive for one is no mistake)
        self._known = frozenset({*self.lexicon.entries, *self.lexicon.removed, *CATEGORIES})

    def matcher(self, lang: str) -> LangMatcher:
        """The matcher for `lang`, built on first use."""
        return self._matchers.get(lang)

    def scan_text(self, text: str, lang: str = "auto", path: str = "<text>", kind: str | None = None) -> FileResult:
        """Scan an in-memory text; its kind (Markdown, HTML, transcript …) from `path`'s suffix unless given."""
        source = Source(path, kind or kind_for(path), text=text)
        return annotate(self.scan_source(source, lang), source)  # a transcript's hits get their cues

    def scan_file(self, path: str | os.PathLike[str], lang: str = "auto") -> FileResult:
        """Scan one file by path (its kind from the file name)."""
        source = Source(str(path), kind_for(path), file=Path(path))
        return annotate(self.scan_source(source, lang), source)

    def scan_source(self, source: Source, lang: str = "auto", stdin: BinaryIO | None = None,
                    progress: Callable[[int], None] | None = None) -> FileResult:
        """Scan one source; unreadable input becomes a FileResult with `error` set."""
        try:
            lang, stream = self.read(source, lang, stdin)
            scan = self.begin(source.path, lang, source.kind)
            for run in runs(stream, RUN_CHARS):
                scan.add(self.match(lang, run))
                if progress is not None:
                    progress(sum(len(para.text) for para in run))
            return scan.result()
        except InputError as exc:
            return failed(source.path, exc.reason)

    def read(self, source: Source, lang: str = "auto", stdin: BinaryIO | None = None
             ) -> tuple[str, Iterator[Paragraph]]:
        """The source's language (detected from its start when `auto`) and its paragraphs.

        Raises InputError for unreadable input, and for input with no text (reason `NO_TEXT`).
        """
        stream = paragraphs(source, stdin, self.skip_quotes)
        head, stream = _peek(stream, DETECT_CHARS)
        if not head:
            raise InputError(source.path, NO_TEXT)
        if lang == "auto":
            lang = langdetect.detect(p.scan for p in head)
        return lang, stream

    def match(self, lang: str, batch: Sequence[Paragraph]) -> Partial:
        """What consecutive paragraphs contribute to their file's result."""
        return match_paragraphs(self.matcher(lang), batch, self._known)

    def hits(self, lang: str, batch: Sequence[Paragraph]) -> list[Hit]:
        """The hits in consecutive paragraphs, as `Hit`s (for the game commands, which mark cards)."""
        entries = self.lexicon.entries
        return [hit_of(entries[row[0]], row) for row in self.match(lang, batch).rows]

    def begin(self, path: str, lang: str, kind: str | None = None) -> FileScan:
        """A file's scan, to which partials are added in text order (`kind`: the input's, from its suffix if None)."""
        entries = self.lexicon.entries
        return FileScan(self, path, lang, Tally(lambda ident: entry_of(entries[ident])), kind or kind_for(path))

    def entry_info(self, ident: str, lang: str) -> EntryInfo:
        """The report view of a lexicon entry in `lang` (made once per run: results share it)."""
        info = self._infos.get((ident, lang))
        if info is None:
            info = self._infos[ident, lang] = entry_info(self.lexicon.entries[ident], lang)
        return info


@dataclass
class FileScan:
    """One file being scanned: add its partials in text order, then take the `result`."""

    scanner: Scanner
    path: str
    lang: str
    tally: Tally
    kind: str = "text"

    def add(self, partial: Partial) -> None:
        """Add the next partial of the file."""
        self.tally.add(partial)

    def result(self) -> FileResult:
        """The file's score and findings."""
        lexicon, lang = self.scanner.lexicon, self.lang
        return file_result(self.path, lang, self.tally, lexicon.entries, lexicon.house_cards.get(lang, ()),
                           lambda ident: self.scanner.entry_info(ident, lang), self.kind)


def _peek(stream: Iterator[Paragraph], chars: int) -> tuple[list[Paragraph], Iterator[Paragraph]]:
    """Read paragraphs until `chars` characters are buffered; return them and the full stream."""
    head = next(runs(stream, chars), [])
    return head, itertools.chain(head, stream)


__all__ = ["FileScan", "Partial", "Scanner"]
