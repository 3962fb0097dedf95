"""Scan with a fork-based worker pool: many files in parallel, and one large file in batches.

Each worker inherits the parent's `Scanner` through fork and builds each language's pipeline
once (from the compiled-lexicon cache). `nlp.pipe(n_process=…)` is not used: on blank pipelines
its pickling overhead made it ~10× slower than one process. Results come back in input order,
and a large file's batches are merged in text order, so any `--jobs` gives identical output.
The pool itself, and how it ends whatever happens, is `bingo.pool`.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import BinaryIO

from bingo.errors import InputError
from bingo.lexicon import LANGS
from bingo.lines import count_breaks
from bingo.models import FileResult
from bingo.paragraphs import Paragraph, paragraphs_of_bytes, runs
from bingo.pool import chunked, in_order, workers
from bingo.ranges import split_points
from bingo.results import failed
from bingo.scanner import Partial, Scanner
from bingo.sources import Source

BATCH_CHARS = 512 * 1024     # text per task when a large file is split in this process
LARGE_FILE = 4 * 1024 * 1024  # files from this size on are split into batches
Progress = Callable[[int], None]

Detached = tuple[FileResult, tuple[str, ...]]
"""A result without its entries, and the ids of those entries (see `detach`)."""

RangeResult = tuple[Partial, int, int] | None
"""A range's partial, characters and line breaks; None when the range cannot be read on its own."""

_scanner: Scanner | None = None  # set in the parent before forking; inherited by the workers


def detach(result: FileResult) -> Detached:
    """`result` without its entries' report texts, for sending to a process that has the same scanner.

    Those texts are most of a small file's pickled result; `attach` restores them from the lexicon.
    """
    return replace(result, entries=()), tuple(info.id for info in result.entries)


def attach(scanner: Scanner, detached: Detached) -> FileResult:
    """The full result of a `detach`ed one."""
    result, ids = detached
    if not ids or result.lang is None:
        return result
    lang = result.lang
    return replace(result, entries=tuple(scanner.entry_info(ident, lang) for ident in ids))


def _scan_one(task: tuple[Source, str]) -> Detached:
    source, lang = task
    assert _scanner is not None
    return detach(_scanner.scan_source(source, lang))  # the parent attaches the entries again


def _scan_range(task: tuple[Source, str, int, int]) -> RangeResult:
    """Read and match one byte range of a plain-text file; offsets relative to the range."""
    source, lang, start, end = task
    assert _scanner is not None and source.file is not None
    try:
        with open(source.file, "rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
        if len(data) != end - start:
            return None  # the file shrank since it was cut
        text = data.decode("utf-8")  # ranges start and end at blank lines: valid on their own
        # only offset 0 can hold a BOM or a binary file's telltale NULs; a range start is text
        paras = list(paragraphs_of_bytes(source.path, source.kind, data, _scanner.skip_quotes, at_start=start == 0))
    except (OSError, UnicodeDecodeError, InputError):
        return None  # let the sequential path report the exact problem
    if start == 0:
        text = text.removeprefix("\ufeff")
    return _scanner.match(lang, paras), len(text), count_breaks(text)


def _match_batch(task: tuple[str, list[Paragraph]]) -> Partial:
    lang, batch = task
    assert _scanner is not None
    return _scanner.match(lang, batch)


def default_jobs(sources: Sequence[Source]) -> int:
    """All CPUs for two or more files or one large file, else one process."""
    cpus = os.cpu_count() or 1
    if cpus < 2:
        return 1
    if len(sources) >= 2 or any(is_large(s) for s in sources):
        return cpus
    return 1


def is_large(source: Source) -> bool:
    """True for a file big enough to be worth splitting into batches."""
    try:
        return source.file is not None and source.file.stat().st_size >= LARGE_FILE
    except OSError:
        return False


def size_of(source: Source) -> int:
    """A file's size in bytes (0 for stdin or unreadable files), for progress bars."""
    try:
        return source.file.stat().st_size if source.file is not None else 0
    except OSError:
        return 0


def _batches(stream: Iterator[Paragraph], lang: str) -> Iterator[tuple[str, list[Paragraph]]]:
    """The tasks of `_match_batch`: runs of about BATCH_CHARS characters."""
    return ((lang, batch) for batch in runs(stream, BATCH_CHARS))


def scan_all(scanner: Scanner, sources: Sequence[Source], lang: str, jobs: int,
             stdin: BinaryIO | None = None, progress: Progress | None = None) -> list[FileResult]:
    """Scan sources with `jobs` processes (1: in this process); results in input order.

    Raises WorkerError when a worker process fails or dies.
    """
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [scanner.scan_source(s, lang, stdin, progress) for s in sources]
    for code in LANGS if lang == "auto" else (lang,):
        scanner.matcher(code)  # build once here; the forked workers inherit it ready to use
    global _scanner
    _scanner = scanner
    gc.freeze()  # keep the inherited heap out of the workers' garbage collection (fewer copy-on-write faults)
    try:
        with workers(jobs) as pool:
            return _scan_pooled(pool, scanner, sources, lang, jobs, stdin, progress)
    finally:
        gc.unfreeze()
        _scanner = None


def _scan_pooled(pool: ProcessPoolExecutor, scanner: Scanner, sources: Sequence[Source], lang: str, jobs: int,
                 stdin: BinaryIO | None, progress: Progress | None) -> list[FileResult]:
    """Small files in chunks across the workers; each large file or stdin split across them in turn."""
    results: list[FileResult] = []
    small: list[Source] = []
    for source in [*sources, None]:
        if source is not None and source.file is not None and not is_large(source):
            small.append(source)
            continue
        chunk = max(4, len(small) // (jobs * 8))
        done = chunked(pool, _scan_one, [(s, lang) for s in small], [s.path for s in small], chunk)
        for src, detached in zip(small, done, strict=True):
            results.append(_done(attach(scanner, detached), src, progress))
        small = []
        if source is not None:
            ranged = None
            if source.kind == "text" and source.file:
                ranged = _scan_ranges(pool, scanner, source, lang, progress, window=2 * jobs)
            results.append(ranged or _scan_split(pool, scanner, source, lang, stdin, progress, window=2 * jobs))
    return results


def _scan_ranges(pool: ProcessPoolExecutor, scanner: Scanner, source: Source, lang: str,
                 progress: Progress | None, window: int) -> FileResult | None:
    """A large plain-text file read and matched by the workers range by range (None: not splittable)."""
    assert source.file is not None
    try:
        points = split_points(source.file, size_of(source))
    except OSError:
        return None  # the sequential path reports why the file cannot be read
    if points is None or len(points) < 3:
        return None
    try:
        lang, _ = scanner.read(source, lang)  # detects the language and checks the start of the file
    except InputError as exc:
        return failed(source.path, exc.reason)
    tasks = [(source, lang, a, b) for a, b in itertools.pairwise(points)]
    scan = scanner.begin(source.path, lang)
    chars = lines = 0
    for (_, _, a, b), done in in_order(pool, _scan_range, tasks, source.path, window):
        if done is None:
            return None  # a range that cannot be read on its own: read the whole file here
        partial, count, newlines = done
        scan.add(partial.shifted(chars, lines))
        chars += count
        lines += newlines
        if progress is not None:
            progress(b - a)
    return scan.result()


def _scan_split(pool: ProcessPoolExecutor, scanner: Scanner, source: Source, lang: str,
                stdin: BinaryIO | None, progress: Progress | None, window: int) -> FileResult:
    """One large file (or stdin): read here, match batches of paragraphs in the workers.

    At most `window` batches are in flight, so memory stays flat however large the file is.
    """
    try:
        lang, stream = scanner.read(source, lang, stdin)
        scan = scanner.begin(source.path, lang)
        for (_, batch), partial in in_order(pool, _match_batch, _batches(stream, lang), source.path, window):
            scan.add(partial)
            if progress is not None:
                progress(sum(len(p.text) for p in batch))
        return scan.result()
    except InputError as exc:
        return failed(source.path, exc.reason)


def _done(result: FileResult, source: Source, progress: Progress | None) -> FileResult:
    if progress is not None:
        progress(size_of(source) if source.file is not None else 0)
    return result
