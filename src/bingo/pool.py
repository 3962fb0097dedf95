"""A fork-based worker pool that always ends: results in task order, a failure as one line, signals to the parent.

The pool is a `ProcessPoolExecutor`: unlike `multiprocessing.Pool`, it notices a worker that dies
or a result that cannot be unpickled and fails the waiting futures, so a broken worker ends the
run with a `WorkerError` instead of a wait for ever. Workers leave Ctrl-C and hang-ups to the
parent, which terminates them on any way out.
"""

from __future__ import annotations

import functools
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import TypeVar

from bingo import cache
from bingo.errors import WorkerError

T = TypeVar("T")
R = TypeVar("R")

PARENT_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
"""Signals blocked while the workers start, so none reaches a worker before its handlers are set."""


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
def workers(jobs: int) -> Iterator[ProcessPoolExecutor]:
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


def chunked(pool: ProcessPoolExecutor, work: Callable[[T], R], tasks: Sequence[T], paths: Sequence[str],
            chunksize: int) -> Iterator[R]:
    """Each task's result in task order, the tasks sent `chunksize` at a time (few round trips for many small ones).

    A worker's failure becomes a `WorkerError` naming the `paths` entry of the task it was waiting for.
    """
    done = pool.map(functools.partial(_guarded, work), tasks, chunksize=chunksize)
    for path in paths:
        try:
            yield next(done)
        except Exception as exc:
            raise _failure(path, exc) from None


def in_order(pool: ProcessPoolExecutor, work: Callable[[T], R], tasks: Iterable[T], path: str,
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
