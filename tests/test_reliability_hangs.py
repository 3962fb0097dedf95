"""Nothing hangs, nothing dies of SIGBUS, nothing is passed over in silence: failing workers, NUL
bytes after a range cut, a file truncated while it is cut, FIFOs and unreadable folders in a walk.

Every run that could hang runs in a child process with a generous guard (see `reliability.run`).
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
from reliability import PARAGRAPH, SMALL_RANGES, one_line_error, run

from bingo import ranges
from bingo.cli import main
from bingo.errors import BingoError, ConfigError, InputError, LexiconError, LocatedError, WorkerError


@pytest.mark.parametrize("error", [
    InputError("a.txt", "not valid UTF-8 (near line 3)"), LocatedError(["a.yaml:1: bad", "a.yaml:2: worse"]),
    LexiconError(["lex.yaml:4: duplicate id"]), ConfigError([".bingo.yaml:2: unknown key"]),
    WorkerError("big.txt: a worker process died"), BingoError("no input")])
def test_every_error_survives_the_trip_between_processes(error: BingoError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error) and vars(copy) == vars(error)


def big_file(tmp_path: Path, insert: bytes = b"", name: str = "big.txt") -> Path:
    """A file of about 60 kB with `insert` 100 bytes after a blank line past the first 8 KiB (sniffed for NULs)."""
    data = PARAGRAPH.encode("utf-8") * 400
    cut = data.index(b"\n\n", 9_000) + 2  # past the sniffed head, and less than a range after a cut
    path = tmp_path / name
    path.write_bytes(data[:cut + 100] + insert + data[cut + 100:])
    return path


def test_nul_byte_after_a_range_cut_is_text_as_with_one_job(tmp_path: Path) -> None:
    path = big_file(tmp_path, b"\0")
    one = run(["scan", str(path), "--format", "json", "--jobs", "1"], SMALL_RANGES)
    two = run(["scan", str(path), "--format", "json", "--jobs", "2"], SMALL_RANGES)
    assert one.code == two.code == 0, two.err
    assert one.out == two.out and json.loads(two.out)["files"][0]["hits"]


WORKER_RAISES = SMALL_RANGES + '''
class Odd(Exception):
    def __init__(self, path, reason):  # its args cannot rebuild it: unpickling it fails in the parent
        super().__init__(f"{path}: {reason}")

def broken(task):
    raise Odd("x", "y")

parallel._scan_one = parallel._scan_range = parallel._match_batch = broken
'''

WORKER_DIES = SMALL_RANGES + '''
import os, signal

def killed(task):
    os.kill(os.getpid(), signal.SIGKILL)

parallel._scan_one = parallel._scan_range = parallel._match_batch = killed
'''


@pytest.mark.parametrize("preamble, reason", [(WORKER_RAISES, "a worker process failed: Odd: x: y"),
                                              (WORKER_DIES, "a worker process died")])
@pytest.mark.parametrize("inputs", ["two small files", "one large file"])
def test_a_failing_worker_ends_the_run_with_one_line(tmp_path: Path, preamble: str, reason: str, inputs: str) -> None:
    if inputs == "two small files":
        for name in ("a.txt", "b.txt"):
            (tmp_path / name).write_text(PARAGRAPH, encoding="utf-8")
        paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    else:
        paths = [str(big_file(tmp_path))]
    one_line_error(run(["scan", *paths, "--jobs", "2"], preamble), reason, paths[0])


TRUNCATE_WHILE_CUTTING = SMALL_RANGES + '''
import mmap, os
ranges.READ_BYTES = 4096
PATH, KEEP = sys.argv[1], int(sys.argv[2])
real_mmap, real_open = mmap.mmap, open

def mapped_then_truncated(*args, **kwargs):  # how the cut points were found before: mapped
    data = real_mmap(*args, **kwargs)
    os.truncate(PATH, KEEP)
    return data

class Shrinking:  # how they are found now: read, and the file shrinks after the first piece
    def __init__(self, handle):
        self.handle = handle
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.handle.close()
    def read(self, size=-1):
        data = self.handle.read(size)
        os.truncate(PATH, KEEP)
        return data
    def __getattr__(self, name):
        return getattr(self.handle, name)

mmap.mmap = mapped_then_truncated

def opened(path, mode="r", *args, **kwargs):
    handle = real_open(path, mode, *args, **kwargs)
    return Shrinking(handle) if str(path) == PATH else handle

ranges.open = opened
'''


def test_a_file_truncated_while_it_is_cut_is_scanned_not_a_sigbus(tmp_path: Path) -> None:
    path = big_file(tmp_path)
    data = path.read_bytes()
    keep = data.index(b"\n\n", len(data) // 2) + 2
    preamble = TRUNCATE_WHILE_CUTTING.replace("sys.argv[1], int(sys.argv[2])", f"{str(path)!r}, {keep}")
    ran = run(["scan", str(path), "--format", "json", "--jobs", "2"], preamble)
    assert ran.code == 0 and "Traceback" not in ran.err, (ran.code, ran.err)
    assert json.loads(ran.out)["files"][0]["words"]


def test_split_points_reads_the_file_and_stops_at_a_shrink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = big_file(tmp_path)
    monkeypatch.setattr(ranges, "READ_BYTES", 1000)  # many pieces: blank lines across two pieces are found
    size = path.stat().st_size
    small = ranges.split_points(path, size, step=2_000)
    monkeypatch.setattr(ranges, "READ_BYTES", 1 << 20)
    assert small == ranges.split_points(path, size, step=2_000)
    assert ranges.split_points(path, size + 10, step=2_000) is None  # shorter than its size: it shrank


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_in_a_walked_folder_is_reported_not_opened(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    for jobs in ("1", "2"):
        ran = run(["scan", str(tmp_path), "--format", "line", "--jobs", jobs])
        one_line_error(ran, f"{tmp_path / 'pipe.md'}: not a regular file")
        assert f"{tmp_path / 'a.txt'}:1:" in ran.out


def test_an_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(PARAGRAPH, encoding="utf-8")
    real = os.scandir

    def scandir(path: str) -> object:  # as for a folder without read permission (tests may run as root)
        if Path(path) == tmp_path / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["scan", str(tmp_path), "--format", "line", "--jobs", "1"]) == 2
    captured = capsys.readouterr()
    assert f"bingo: error: {tmp_path / 'locked'}: permission denied" in captured.err
    assert f"{tmp_path / 'a.txt'}:1:" in captured.out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without read permission")
def test_an_unreadable_folder_is_reported_for_real(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "locked").mkdir(mode=0)
    try:
        assert main(["scan", str(tmp_path), "--jobs", "1"]) == 2
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert "locked: permission denied" in capsys.readouterr().err


def test_an_empty_path_is_a_usage_error_not_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["scan", ""]) == 2
    captured = capsys.readouterr()
    assert not captured.out and captured.err.startswith("bingo: error: an empty path") and captured.err.count("\n") == 1
