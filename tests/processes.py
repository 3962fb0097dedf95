"""Running `python -m bingo` as a shell would, for the tests of terminals, pipes and signals.

Only public entry points: the CLI's private helpers may move. Timeouts are hang guards only.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import IO

from conftest import ROOT

TIMEOUT = 600  # seconds: a hang guard on a loaded machine, not a performance assertion
PARAGRAPH = {
    "de": "Wir heben Synergien entlang der Customer Journey und optimieren jeden Touchpoint.\n\n",
    "en": "Going forward, we leverage synergies across every touchpoint of the customer journey.\n\n",
}


def environment(**extra: str) -> dict[str, str]:
    """This checkout's code, no progress opt-out and no colour settings inherited from the caller."""
    env = {k: v for k, v in os.environ.items() if k not in ("BINGO_NO_PROGRESS", "NO_COLOR", "FORCE_COLOR",
                                                             "COLUMNS", "LINES", "GITHUB_ACTIONS")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env | extra


def bingo(*args: str) -> list[str]:
    """The command line that runs bingo with this interpreter."""
    return [sys.executable, "-m", "bingo", *args]


@contextlib.contextmanager
def reaped(proc: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """Kill the process (and its group, when it leads one) if the test fails before it ends."""
    try:
        yield proc
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL) if os.getpgid(proc.pid) == proc.pid else proc.kill()
            proc.wait()


def write_while_alive(proc: subprocess.Popen[bytes], write: Callable[[], object]) -> None:
    """Run a blocking `write` in a thread until it returns; fail, rather than hang, if the process ends first."""
    finished = threading.Event()
    problems: list[BaseException] = []

    def run() -> None:
        try:
            write()
        except BaseException as exc:  # reported below, in the test's thread
            problems.append(exc)
        finally:
            finished.set()

    threading.Thread(target=run, daemon=True).start()
    for _ in range(TIMEOUT):
        if finished.wait(1) or proc.poll() is not None:
            break
    assert finished.is_set() and not problems, (problems, proc.poll())


def write_all(stream: IO[bytes], data: bytes) -> None:
    """Unbuffered, so that returning means the reader has taken all but what the pipe holds (64 KiB)."""
    view = memoryview(data)
    while view:
        view = view[stream.write(view) or 0:]
