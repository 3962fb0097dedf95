"""The progress bar: on stderr only when it is a terminal and the input is 2 MiB or more; stdout never changes."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
import threading
from pathlib import Path

import pytest
from processes import PARAGRAPH, TIMEOUT, bingo, environment, reaped

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def large_file(directory: Path, lang: str) -> Path:
    """Over the 2 MiB threshold; mostly blank lines, so that it is quick to scan."""
    path = directory / f"large-{lang}.txt"
    path.write_text(PARAGRAPH[lang] * 20 + "\n" * (2 * 1024 * 1024), encoding="utf-8")
    return path


def run_with_tty_stderr(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, bytes, str]:
    """Exit code, stdout (a pipe) and what reached stderr, a pseudo-terminal 120 columns wide."""
    master, slave = pty.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        proc = subprocess.Popen(bingo(*args), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave,
                                cwd=cwd, env=env | {"TERM": "xterm-256color"})
    finally:
        os.close(slave)  # the child has its own copy; EOF (EIO) on the master once the child is gone
    received: list[bytes] = []

    def drain() -> None:  # the terminal must be read while the process writes, or it blocks
        with contextlib.suppress(OSError):
            while data := os.read(master, 65536):
                received.append(data)

    try:
        with reaped(proc):
            reader = threading.Thread(target=drain, daemon=True)
            reader.start()
            out, _ = proc.communicate(timeout=TIMEOUT)
            reader.join(timeout=TIMEOUT)
    finally:
        os.close(master)
    return proc.returncode, out, b"".join(received).decode("utf-8", "replace")


def run_piped(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, bytes, str]:
    done = subprocess.run(bingo(*args), stdin=subprocess.DEVNULL, capture_output=True, cwd=cwd, env=env,
                          timeout=TIMEOUT)
    return done.returncode, done.stdout, done.stderr.decode("utf-8")


def terminal_lines(received: str) -> list[str]:
    """What a terminal would leave on screen, roughly: escapes dropped, each redraw (\\r) overwriting."""
    return [line.split("\r")[-1] for line in ANSI.sub("", received.replace("\r\n", "\n")).split("\n")]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_progress_bar_on_a_terminal_and_nothing_else_changes(tmp_path: Path, lang: str) -> None:
    path = large_file(tmp_path, lang)
    args = ["scan", "--max-hits", "0", path.name]  # relative: the diagnostic stays short
    tty_code, tty_out, tty_err = run_with_tty_stderr(args, environment(), tmp_path)
    pipe_code, pipe_out, pipe_err = run_piped(args, environment(), tmp_path)
    total = f"{path.stat().st_size / 1_000_000:.1f} MB"
    screen = ANSI.sub("", tty_err)
    assert re.search(rf"scanning .*\d+\.\d/{re.escape(total)}", screen), screen[:500]
    # the same report and the same exit code either way; on a pipe, stderr has the diagnostics only
    assert (tty_code, pipe_code) == (1, 1)
    assert tty_out == pipe_out and tty_out.startswith(f"{path.name}  ·  ".encode())
    (diagnostic,) = pipe_err.splitlines()
    assert re.fullmatch(rf"bingo: {re.escape(path.name)}: \d+ hits are above --max-hits 0", diagnostic)
    assert "scanning" not in pipe_err and "\x1b" not in pipe_err
    # the bar is transient: after it, the terminal shows the diagnostic and nothing else
    assert [line for line in terminal_lines(tty_err) if line.strip()][-1:] == [diagnostic]


@pytest.mark.parametrize("case", ["small file", "BINGO_NO_PROGRESS"])
def test_no_progress_bar_for_small_files_or_when_switched_off(tmp_path: Path, case: str) -> None:
    if case == "small file":
        path, env = tmp_path / "small.txt", environment()
        path.write_text(PARAGRAPH["de"] * 20, encoding="utf-8")
    else:
        path, env = large_file(tmp_path, "de"), environment(BINGO_NO_PROGRESS="1")
    code, out, err = run_with_tty_stderr(["scan", str(path)], env, tmp_path)
    assert code == 0 and out.startswith(str(path).encode())
    assert err == ""
