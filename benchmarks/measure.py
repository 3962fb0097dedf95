"""Run a command and measure it: whole-process wall time and its own peak resident memory.

Every measured process (bingo, the bare tokenizer, codespell, `import spacy`) runs through the
same small launcher, so all figures come from one method.
"""

from __future__ import annotations

import math
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

K = TypeVar("K")

# A forked child starts with its parent's peak RSS as its own (Linux keeps the high-water mark
# across fork and exec), and this script may have held a large corpus: a small launcher forks the
# command, times it from fork to exit and reads its own peak from wait4.
_LAUNCHER = """\
import os, subprocess, sys, time
stdin, stdout, stderr = sys.argv[1:4]
with open(stdin, "rb") as i, open(stdout, "wb") as o, open(stderr, "wb") as e:
    start = time.perf_counter()
    child = subprocess.Popen(sys.argv[4:], stdin=i, stdout=o, stderr=e)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
print(wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


@dataclass(frozen=True)
class Run:
    """Wall seconds and peak resident memory (KiB) of one command, or the medians of several runs."""

    wall: float
    rss_kib: float


class CommandFailed(Exception):
    """A measured command exited with a code it should not have."""


def run(argv: Sequence[str], env: Mapping[str, str], ok: Collection[int] = (0, 1),
        stdin: Path | None = None, stdout: Path | None = None) -> Run:
    """Run `argv` once through the launcher; CommandFailed unless its exit code is in `ok`."""
    with tempfile.NamedTemporaryFile(prefix="bingo-bench-err-") as err:
        done = subprocess.run([sys.executable, "-c", _LAUNCHER, str(stdin or "/dev/null"), str(stdout or "/dev/null"),
                               err.name, *argv], env=dict(env), capture_output=True, text=True)
        if done.returncode != 0:
            raise CommandFailed(f"launcher failed for {' '.join(argv)}: {done.stderr.strip()}")
        wall, peak, code = done.stdout.split()
        if int(code) not in ok:
            tail = Path(err.name).read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
            raise CommandFailed(f"exit {code}: {' '.join(argv)}: {' | '.join(tail)}")
    return Run(float(wall), int(peak))


@dataclass(frozen=True)
class Job:
    """A command to measure: its arguments, environment, accepted exit codes and where stdout goes."""

    argv: Sequence[str]
    env: Mapping[str, str]
    ok: Collection[int] = (0, 1)
    stdin: Path | None = None
    stdout: Path | None = None


def rounds(jobs: Mapping[K, Job], repeat: int) -> dict[K, list[Run]]:
    """Each job once per round, `repeat` rounds: on a shared machine, load changes hit all of them alike."""
    out: dict[K, list[Run]] = {key: [] for key in jobs}
    for _ in range(repeat):
        for key, job in jobs.items():
            out[key].append(run(job.argv, job.env, job.ok, job.stdin, job.stdout))
    return out


def net_seconds(runs: Sequence[Run], startups: Sequence[Run]) -> float:
    """Median over rounds of a run's wall time less the start-up measured in the same round (NaN if <= 0)."""
    net = statistics.median(r.wall - s.wall for r, s in zip(runs, startups, strict=True))
    return net if net > 0 else math.nan


def median(runs: Sequence[Run]) -> Run:
    """Medians of wall time and of peak memory."""
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.rss_kib for r in runs))
