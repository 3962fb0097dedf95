"""Scan with a fork-based worker pool: many files in parallel, and one large file in batches.

Each worker inherits the parent's `Scanner` through fork and builds each language's pipeline
once (from the compiled-lexicon cache). `nlp.pipe(n_process=…)` is not used: on blank pipelines
its pickling overhead made it ~10× slower than one process. Results come back in input order,
and a large file's batches are merged in text order, so any `--jobs` gives identical output.

The pool is a `ProcessPoolExecutor`: unlike `multiprocessing.Pool`, it notices a worker that dies
or a result that cannot be unpickled and fails the waiting futures, so a broken worker ends the
run with a `WorkerError` instead of a wait for ever. Workers leave Ctrl-C and hang-ups to the
parent, which terminates them on any way out.
"""

from __future__ import annotations

import functools
import gc
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, TypeVar

from bingo import cache
from bingo.errors import InputError, WorkerError
from bingo.lexicon import LANGS
from bingo.lines import count_breaks
from bingo.models import FileResult
from bingo.results import failed
from bingo.scanner import Partial, Scanner
from bingo.sources import Paragraph, Source, paragraphs_of_bytes

BATCH_CHARS = 512 * 1024     # text per task when a large file is split in this process
RANGE_BYTES = 1024 * 1024    # bytes per task when the workers read a plain-text file themselves
LARGE_FILE = 4 * 1024 * 1024  # files from this size on are split into batches
READ_BYTES = 1024 * 1024     # how much of a file `split_points` reads at a time
Progress = Callable[[int], None]
T = TypeVar("T")
R = TypeVar("R")

Detached = tuple[FileResult, tuple[str, ...]]
"""A result without its entries, and the ids of those entries (see `detach`)."""

RangeResult = tuple[Partial, int, int] | None
"""A range's partial, characters and line breaks; None when the range cannot be read on its own."""

PARENT_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
"""Signals blocked while the workers start, so none reaches a worker before its handlers are set."""

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


class _Failed(Exception):
    """What a worker sends back instead of its exception: one line of text, which always unpickles."""


def _guarded(work: Callable[[T], R], task: T) -> R:
    """Run a task in a worker; any exception crosses to the parent as a `_Failed` line."""
    try:
        return work(task)
    except Exception as exc:
        raise _Failed(f"{type(exc).__name__}: {exc}") from None


def _ready() -> None:
    """A first task: submitting it starts all workers (with fork, the pool starts them at once)."""


def _init_worker() -> None:
    """Leave Ctrl-C and hang-ups to the parent (it ends the workers); SIGTERM, its way to do so, kills."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, PARENT_SIGNALS)


@contextmanager
def _workers(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of `jobs` forked workers, ended on the way out: joined when done, terminated on any error or signal."""
    cache.start_done()  # the parent matches nothing itself: its start-up ends here, frozen before the fork
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_init_worker)
    try:
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, PARENT_SIGNALS)
        try:
            pool.submit(_ready)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a signal that came meanwhile is handled now
        yield pool
    except BaseException:  # also while the workers start: those already forked are ended
        for process in list((pool._processes or {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _failure(path: str, exc: BaseException) -> WorkerError:
    """A one-line error for a worker that died or raised while working on `path`."""
    if isinstance(exc, _Failed):
        reason = f"a worker process failed: {exc}"
    elif isinstance(exc, BrokenProcessPool) and exc.__cause__ is None:
        reason = "a worker process died (killed by a signal, or out of memory?)"
    else:
        reason = f"a worker process failed: {type(exc).__name__}: {exc}"
    return WorkerError(f"{path}: {' '.join(reason.split())}")


def _in_order(pool: ProcessPoolExecutor, work: Callable[[T], R], tasks: Iterable[T], path: str,
              window: int) -> Iterator[tuple[T, R]]:
    """Each task with its result, in task order, with at most `window` tasks in flight (memory stays flat).

    A worker's failure becomes a `WorkerError` naming `path`; tasks still queued are cancelled
    when the caller stops early.
    """
    pending: deque[tuple[T, Future[R]]] = deque()
    try:
        for task in tasks:
            pending.append((task, pool.submit(_guarded, work, task)))
            while len(pending) >= window:
                yield _next(pending, path)
        while pending:
            yield _next(pending, path)
    finally:
        for _, future in pending:
            future.cancel()


def _next(pending: deque[tuple[T, Future[R]]], path: str) -> tuple[T, R]:
    """Wait for the oldest task's result."""
    task, future = pending.popleft()
    try:
        return task, future.result()
    except Exception as exc:
        raise _failure(path, exc) from None


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
        with _workers(jobs) as pool:
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
        done = pool.map(functools.partial(_guarded, _scan_one), [(s, lang) for s in small], chunksize=chunk)
        for src in small:
            try:
                detached = next(done)
            except Exception as exc:
                raise _failure(src.path, exc) from None
            results.append(_done(attach(scanner, detached), src, progress))
        small = []
        if source is not None:
            ranged = None
            if source.kind == "text" and source.file:
                ranged = _scan_ranges(pool, scanner, source, lang, progress, window=2 * jobs)
            results.append(ranged or _scan_split(pool, scanner, source, lang, stdin, progress, window=2 * jobs))
    return results


def split_points(path: Path, size: int, step: int | None = None) -> list[int] | None:
    """Byte offsets that cut a plain-text file at blank lines into ranges of about `step` bytes.

    None when the file is not safe to cut (it has `bingo:` directives, whose state would have to
    cross ranges, or it shrank while it was read). The file is read in pieces, not mapped: a
    mapped file that someone truncates kills the process with SIGBUS.
    """
    step = step or RANGE_BYTES
    points = [0]
    target = step  # the next cut is the first blank line from here on
    window = b""
    read = 0
    with open(path, "rb") as handle:
        while read < size:
            block = handle.read(min(READ_BYTES, size - read))
            if not block:
                return None
            # the last bytes of the previous piece: a directive or a blank line across two pieces is found
            window = window[-5:] + block
            base = read + len(block) - len(window)  # the file offset of window[0]
            read += len(block)
            if window.find(b"bingo:") != -1:
                return None
            while target < size:
                cut = _first_cut(window, max(target - base, 0))
                if cut is None:
                    break
                if cut + base >= size:
                    target = size
                    break
                points.append(cut + base)
                target = cut + base + step
    points.append(size)
    return points


def _first_cut(data: bytes, start: int) -> int | None:
    """The end of the first blank line (LF or CRLF) in `data` from `start` on, or None."""
    cut = data.find(b"\n\n", start)
    # only up to that cut: an unbounded search scans the whole rest of an LF-only file
    cut_crlf = data.find(b"\r\n\r\n", start, len(data) if cut == -1 else cut + 4)
    if cut_crlf != -1 and (cut == -1 or cut_crlf < cut):
        return cut_crlf + 4
    return None if cut == -1 else cut + 2


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
    for (_, _, a, b), done in _in_order(pool, _scan_range, tasks, source.path, window):
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
        for (_, batch), partial in _in_order(pool, _match_batch, _batches(stream, lang), source.path, window):
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
