"""Helpers for the reliability tests: run bingo in a child process with a hang guard, and watch its workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import bingo

SRC = Path(bingo.__file__).resolve().parents[1]  # the bingo under test, for the child processes too
HANG_GUARD = 300  # seconds: only there to turn a hang into a failure, never a measure of speed

PARAGRAPH = ("Wir heben Synergien entlang der Customer Journey und optimieren jeden Touchpoint.\n"
             "Der Zug fährt um 7 Uhr. Kunden erhalten Auskunft am Schalter.\n\n")

SMALL_RANGES = ("from bingo import parallel, ranges\nparallel.LARGE_FILE = 10_000\n"
                "ranges.RANGE_BYTES = 2_000\n")
"""A child's preamble that cuts files from 10 kB on into ranges of about 2 kB."""


@dataclass(frozen=True)
class Ran:
    """What a child process did."""

    code: int
    out: str
    err: str


def child_env() -> dict[str, str]:
    """The environment for a child: this bingo first on the path, the session's compiled-lexicon cache."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    env["BINGO_NO_PROGRESS"] = "1"
    return env


def script(args: list[str], preamble: str = "") -> list[str]:
    """A command line that runs `preamble`, then `bingo.cli.main(args)`, and exits with its code."""
    code = f"import sys\n{preamble}\nfrom bingo.cli import main\nsys.exit(main({args!r}))\n"
    return [sys.executable, "-c", code]


def run(args: list[str], preamble: str = "", cwd: Path | None = None, stdout: int | None = subprocess.PIPE,
        before: Callable[[], None] | None = None) -> Ran:
    """Run bingo in a child process; a hang fails the test (and kills the child's whole process group)."""
    child = subprocess.Popen(script(args, preamble), cwd=cwd, env=child_env(), stdin=subprocess.DEVNULL,
                             stdout=stdout, stderr=subprocess.PIPE, start_new_session=True, preexec_fn=before)
    try:
        out, err = child.communicate(timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        pytest.fail(f"bingo {' '.join(args)} hung (killed after {HANG_GUARD} s)")
    return Ran(child.returncode, (out or b"").decode("utf-8", "replace"), err.decode("utf-8", "replace"))


def children(pid: int) -> list[int]:
    """The live (not zombie) child processes of `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            state = _state(int(entry.name))
            if state is not None and state[1] == pid and state[0] != "Z":
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie has ended)."""
    state = _state(pid)
    return state is not None and state[0] != "Z"


def _state(pid: int) -> tuple[str, int] | None:
    """A process's state letter and parent pid from /proc, None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return fields[0], int(fields[1])


def one_line_error(ran: Ran, *needles: str) -> None:
    """The run failed with exit 2 and one `bingo: error:` line per problem, no traceback."""
    assert ran.code == 2, (ran.code, ran.err)
    assert "Traceback" not in ran.err, ran.err
    lines = ran.err.splitlines()
    assert lines and all(line.startswith("bingo: ") for line in lines), ran.err
    for needle in needles:
        assert needle in ran.err, ran.err
