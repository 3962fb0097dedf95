"""Scan with a fork-based worker pool: many files in parallel, and one large file in batches.

Each worker inherits the parent's `Scanner` through fork and builds each language's pipeline
once (from the compiled-lexicon cache). `nlp.pipe(n_process=…)` is not used: on blank pipelines
its pickling overhead made it ~10× slower than one process. Results come back in input order,
and a large file's batches are merged in text order, so any `--jobs` gives identical output.
"""

from __future__ import annotations

import gc
import itertools
import mmap
import multiprocessing
import multiprocessing.pool
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from bingo.errors import InputError
from bingo.lexicon import LANGS
from bingo.lines import count_breaks
from bingo.models import FileResult
from bingo.results import failed
from bingo.scanner import FileScan, Partial, Scanner
from bingo.sources import Paragraph, Source, paragraphs_of_bytes

BATCH_CHARS = 512 * 1024     # text per task when a large file is split in this process
RANGE_BYTES = 1024 * 1024    # bytes per task when the workers read a plain-text file themselves
LARGE_FILE = 4 * 1024 * 1024  # files from this size on are split into batches
Progress = Callable[[int], None]

Detached = tuple[FileResult, tuple[str, ...]]
"""A result without its entries, and the ids of those entries (see `detach`)."""

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


def _scan_range(task: tuple[Source, str, int, int]) -> tuple[Partial, int, int]:
    """Read and match one byte range of a plain-text file; offsets relative to the range."""
    source, lang, start, end = task
    assert _scanner is not None and source.file is not None
    with open(source.file, "rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    text = data.decode("utf-8")  # ranges start and end at blank lines: valid on their own
    if start == 0:
        text = text.removeprefix("\ufeff")
    partial = _scanner.match(lang, list(paragraphs_of_bytes(source.path, source.kind, data, _scanner.skip_quotes)))
    return partial, len(text), count_breaks(text)


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
    batch: list[Paragraph] = []
    size = 0
    for para in stream:
        batch.append(para)
        size += len(para.text)
        if size >= BATCH_CHARS:
            yield lang, batch
            batch, size = [], 0
    if batch:
        yield lang, batch


def scan_all(scanner: Scanner, sources: Sequence[Source], lang: str, jobs: int,
             stdin: BinaryIO | None = None, progress: Progress | None = None) -> list[FileResult]:
    """Scan sources with `jobs` processes (1: in this process); results in input order."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [scanner.scan_source(s, lang, stdin, progress) for s in sources]
    for code in LANGS if lang == "auto" else (lang,):
        scanner.matcher(code)  # build once here; the forked workers inherit it ready to use
    global _scanner
    _scanner = scanner
    gc.freeze()  # keep the inherited heap out of the workers' garbage collection (fewer copy-on-write faults)
    pool = multiprocessing.get_context("fork").Pool(jobs)
    try:
        results: list[FileResult] = []
        small: list[Source] = []
        for source in [*sources, None]:
            if source is not None and source.file is not None and not is_large(source):
                small.append(source)
                continue
            chunk = max(4, len(small) // (jobs * 8))
            done = pool.imap(_scan_one, [(s, lang) for s in small], chunksize=chunk)
            for src, result in zip(small, done, strict=True):
                results.append(_done(attach(scanner, result), src, progress))
            small = []
            if source is not None:
                ranged = None
                if source.kind == "text" and source.file:
                    ranged = _scan_ranges(pool, scanner, source, lang, progress)
                results.append(ranged or _scan_split(pool, scanner, source, lang, stdin, progress, window=2 * jobs))
        pool.close()
        return results
    finally:
        pool.terminate()
        gc.unfreeze()
        _scanner = None


def split_points(path: Path, size: int, step: int | None = None) -> list[int] | None:
    """Byte offsets that cut a plain-text file at blank lines into ranges of about `step` bytes.

    None when the file is not safe to cut (it has `bingo:` directives, whose state would have to
    cross ranges, or is not valid UTF-8 where it is cut).
    """
    step = step or RANGE_BYTES
    points = [0]
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data.find(b"bingo:") != -1:
            return None
        position = step
        while position < size:
            cut = data.find(b"\n\n", position)
            # only up to that cut: an unbounded search scans the whole rest of an LF-only file
            cut_crlf = data.find(b"\r\n\r\n", position, size if cut == -1 else cut + 4)
            found = [c for c in (cut, cut_crlf) if c != -1]
            if not found:
                break
            cut = min(found)
            cut += 4 if cut == cut_crlf else 2
            if cut >= size:
                break
            points.append(cut)
            position = cut + step
    points.append(size)
    return points


def _scan_ranges(pool: multiprocessing.pool.Pool, scanner: Scanner, source: Source, lang: str,
                 progress: Progress | None) -> FileResult | None:
    """A large plain-text file read and matched by the workers range by range (None: not splittable)."""
    assert source.file is not None
    points = split_points(source.file, size_of(source))
    if points is None or len(points) < 3:
        return None
    try:
        lang, _ = scanner.read(source, lang)  # detects the language and checks the start of the file
    except InputError as exc:
        return failed(source.path, exc.reason)
    tasks = [(source, lang, a, b) for a, b in itertools.pairwise(points)]
    scan = scanner.begin(source.path, lang)
    chars = lines = 0
    try:
        for (_, _, a, b), (partial, count, newlines) in zip(tasks, pool.imap(_scan_range, tasks), strict=True):
            scan.add(partial.shifted(chars, lines))
            chars += count
            lines += newlines
            if progress is not None:
                progress(b - a)
    except (UnicodeDecodeError, InputError):
        return None  # let the sequential path report the exact problem
    return scan.result()


def _scan_split(pool: multiprocessing.pool.Pool, scanner: Scanner, source: Source, lang: str,
                stdin: BinaryIO | None, progress: Progress | None, window: int) -> FileResult:
    """One large file (or stdin): read here, match batches of paragraphs in the workers.

    At most `window` batches are in flight, so memory stays flat however large the file is.
    """
    try:
        lang, stream = scanner.read(source, lang, stdin)
        scan = scanner.begin(source.path, lang)
        pending: deque[tuple[int, multiprocessing.pool.AsyncResult[Partial]]] = deque()
        for task in _batches(stream, lang):
            pending.append((sum(len(p.text) for p in task[1]), pool.apply_async(_match_batch, (task,))))
            while len(pending) >= window:
                _collect(pending, scan, progress)
        while pending:
            _collect(pending, scan, progress)
        return scan.result()
    except InputError as exc:
        return failed(source.path, exc.reason)


def _collect(pending: deque[tuple[int, multiprocessing.pool.AsyncResult[Partial]]], scan: FileScan,
             progress: Progress | None) -> None:
    """Wait for the oldest batch and add it to the file's scan (text order is kept)."""
    size, future = pending.popleft()
    scan.add(future.get())
    if progress is not None:
        progress(size)


def _done(result: FileResult, source: Source, progress: Progress | None) -> FileResult:
    if progress is not None:
        progress(size_of(source) if source.file is not None else 0)
    return result

