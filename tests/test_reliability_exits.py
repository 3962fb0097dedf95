"""How a run ends when its surroundings fail: stdout full, closed or a closed pipe; fd 0 closed;
Ctrl-C, SIGTERM and SIGHUP. One line on stderr at most, the documented exit code, no worker left."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from reliability import HANG_GUARD, PARAGRAPH, alive, child_env, children, one_line_error, run, script


@pytest.fixture(scope="module")
def hits_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A text whose line report (~2 MB) is far larger than a pipe's buffer."""
    path = tmp_path_factory.mktemp("exits") / "many-hits.txt"
    path.write_text(PARAGRAPH * 6000, encoding="utf-8")
    return path


@pytest.mark.parametrize("output_format", ["plain", "json", "line"])
def test_a_full_stdout_is_one_line_and_exit_2(hits_file: Path, output_format: str) -> None:
    with open("/dev/full", "wb") as full:
        ran = run(["scan", str(hits_file), "--format", output_format, "--jobs", "1"], stdout=full.fileno())
    one_line_error(ran, "cannot write to standard output: No space left on device")


@pytest.mark.parametrize("output_format", ["plain", "json", "line"])
def test_a_closed_stdout_is_one_line_and_exit_2(hits_file: Path, output_format: str) -> None:
    ran = run(["scan", str(hits_file), "--format", output_format, "--jobs", "1"], before=lambda: os.close(1))
    one_line_error(ran, "cannot write to standard output")


def test_a_closed_stdout_is_no_error_when_the_report_goes_to_a_file(hits_file: Path, tmp_path: Path) -> None:
    ran = run(["scan", str(hits_file), "--format", "json", "-o", str(tmp_path / "r.json"), "--jobs", "1"],
              before=lambda: os.close(1))
    assert ran.code == 0 and not ran.err and (tmp_path / "r.json").stat().st_size > 1000


@pytest.mark.parametrize("output_format", ["line", "json"])
def test_a_reader_that_stops_early_ends_the_run_quietly(hits_file: Path, output_format: str) -> None:
    """`bingo scan big | head -1`: exit 0 and no word on stderr, like `yes | head -1`."""
    child = subprocess.Popen(script(["scan", str(hits_file), "--format", output_format, "--jobs", "1"]),
                             env=child_env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.read(100)
    child.stdout.close()  # what head does after its first line
    try:
        err = child.communicate(timeout=HANG_GUARD)[1].decode()
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail("bingo hung writing to a closed pipe")
    assert child.returncode == 0 and not err, (child.returncode, err)


def test_dev_stdin_with_fd_0_closed_is_an_error_not_a_read_of_a_worker_pipe(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    ran = run(["scan", "-", str(tmp_path / "a.txt"), "--jobs", "2", "--format", "line"],
              before=lambda: os.close(0))
    one_line_error(ran, "<stdin>: no standard input")
    assert f"{tmp_path / 'a.txt'}:1:" in ran.out
    # /dev/stdin is then /dev/null: no text, skipped with a note (an empty input fails no CI), and no hang
    ran = run(["scan", "/dev/stdin", str(tmp_path / "a.txt"), "--jobs", "2", "--format", "line"],
              before=lambda: os.close(0))
    assert (ran.code, ran.err) == (0, "bingo: /dev/stdin: skipped: no text\n")
    assert f"{tmp_path / 'a.txt'}:1:" in ran.out


BUSY_WORKERS = '''
import time
from bingo import parallel

def busy(task):  # a worker that is still at it when the signal comes
    time.sleep(3600)

parallel._scan_one = busy
'''


@pytest.mark.parametrize("signum, code, to_group", [
    (signal.SIGINT, 130, True),    # Ctrl-C: the terminal signals the whole process group
    (signal.SIGTERM, 143, False),  # kill PID
    (signal.SIGHUP, 129, True),    # the terminal went away
])
def test_a_signal_ends_the_run_quietly_and_takes_the_workers(tmp_path: Path, signum: int, code: int,
                                                             to_group: bool) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(PARAGRAPH, encoding="utf-8")
    child = subprocess.Popen(script(["scan", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--jobs", "2"],
                                    BUSY_WORKERS), env=child_env(), stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        workers = _wait_for_workers(child, 2)
        (os.killpg if to_group else os.kill)(child.pid, signum)
        err = child.communicate(timeout=HANG_GUARD)[1].decode()
        left = [pid for pid in workers if _still_alive(pid)]
    finally:
        _kill_all(child)
    assert child.returncode == code and not err, (child.returncode, err)
    assert not left, f"workers left running: {left}"


def _wait_for_workers(child: subprocess.Popen[bytes], count: int) -> list[int]:
    """The child's worker processes, once `count` of them run (polls; the guard only stops a hang)."""
    deadline = time.monotonic() + HANG_GUARD
    while time.monotonic() < deadline:
        workers = children(child.pid)
        if len(workers) >= count:
            time.sleep(0.5)  # let the parent hand them their tasks
            return workers
        if child.poll() is not None:
            pytest.fail(f"bingo ended before its workers started: {child.communicate()[1].decode()}")
        time.sleep(0.1)
    pytest.fail("the workers never started")


def _still_alive(pid: int) -> bool:
    """True when `pid` still runs a moment after its parent ended (a terminated worker is gone by then)."""
    deadline = time.monotonic() + 30
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pid)


def _kill_all(child: subprocess.Popen[bytes]) -> None:
    """Leave nothing behind, whatever the test found: orphaned workers stay in the child's process group."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)
    child.communicate()
