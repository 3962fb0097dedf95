"""A closed pipe (`bingo scan … | head -1`) and Ctrl-C: quiet, and the exit codes the README promises."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from pathlib import Path

import pytest
from processes import PARAGRAPH, TIMEOUT, bingo, environment, reaped, write_all, write_while_alive


@pytest.fixture(scope="module", params=["line", "plain"])
def head_one(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, str, str]:
    """`python -m bingo scan … | head -1`, the report far larger than a pipe holds: code, stderr, head, its start."""
    directory = tmp_path_factory.mktemp(f"pipe-{request.param}")
    if request.param == "line":  # one large file, one line per hit
        (directory / "big.txt").write_text(PARAGRAPH["de"] * 6000, encoding="utf-8")
        args, first = ["scan", "--format", "line", str(directory / "big.txt")], f"{directory / 'big.txt'}:1:"
    else:  # a directory: one human report section per file
        for i in range(300):
            (directory / f"f{i:03}.txt").write_text(PARAGRAPH["en" if i % 2 else "de"] * 3, encoding="utf-8")
        args, first = ["scan", "--format", "plain", str(directory)], f"{directory / 'f000.txt'}  ·  Deutsch  ·  "
    scan = subprocess.Popen(bingo(*args), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=environment())
    with reaped(scan):
        head = subprocess.run(["head", "-1"], stdin=scan.stdout, capture_output=True, timeout=TIMEOUT)
        assert scan.stdout is not None and scan.stderr is not None
        scan.stdout.close()  # as in a shell pipeline: only head holds the read end
        err = scan.stderr.read().decode("utf-8")
        scan.wait(timeout=TIMEOUT)
    return scan.returncode, err, head.stdout.decode("utf-8"), first


def test_closed_pipe_is_quiet(head_one: tuple[int, str, str, str]) -> None:
    _, err, line, start = head_one
    assert err == ""  # no traceback, no "Exception ignored ... BrokenPipeError"
    assert line.startswith(start) and line.endswith("\n") and line.count("\n") == 1


def test_closed_pipe_exits_0(head_one: tuple[int, str, str, str]) -> None:
    assert head_one[0] == 0


# --- Ctrl-C ----------------------------------------------------------------------------------------

def interrupted_while_reading_stdin(lang: str) -> tuple[int, str]:
    """SIGINT once the scanner is provably reading: it has consumed far more than a pipe buffer of stdin."""
    text = (PARAGRAPH[lang] * 12_000).encode("utf-8")[:1_000_000]
    proc = subprocess.Popen(bingo("scan", "--format", "plain", "-"), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=environment(), bufsize=0)
    with reaped(proc):
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        stdin = proc.stdin
        write_while_alive(proc, lambda: write_all(stdin, text))
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=TIMEOUT)  # stdin stays open: an ignored SIGINT would hang here, not finish the scan
        with contextlib.suppress(BrokenPipeError):
            stdin.close()
        out, err = proc.stdout.read(), proc.stderr.read()
    assert out == b""
    return proc.returncode, err.decode("utf-8")


@pytest.fixture(scope="module", params=["de", "en"])
def interrupted(request: pytest.FixtureRequest) -> tuple[int, str]:
    return interrupted_while_reading_stdin(request.param)


def test_ctrl_c_exits_130_without_a_traceback(interrupted: tuple[int, str]) -> None:
    code, err = interrupted
    assert code == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_ctrl_c_ends_quietly(interrupted: tuple[int, str]) -> None:
    assert interrupted[1] == ""  # the user pressed Ctrl-C: nothing to explain


def test_ctrl_c_during_a_parallel_scan(tmp_path: Path) -> None:
    """The whole process group gets SIGINT, as from a terminal, while a worker reads a named pipe."""
    fifo = tmp_path / "input.txt"
    os.mkfifo(fifo)
    proc = subprocess.Popen(bingo("scan", "--jobs", "2", "--format", "plain", str(fifo)), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(), start_new_session=True)
    text = (PARAGRAPH["de"] * 12_000).encode("utf-8")[:1_000_000]
    # O_RDWR opens at once, reader or not; the bytes wait in the pipe until a worker has opened and read them
    with reaped(proc), open(os.open(fifo, os.O_RDWR), "wb", buffering=0) as writer:
        write_while_alive(proc, lambda: write_all(writer, text))  # done: a worker has opened and read it
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 130 and out == b""
    assert err.decode("utf-8") == ""  # no worker tracebacks, no orphans (the pool ends with the run)
