"""Nothing the user gave is overwritten: an output that is an input is refused before anything runs, and
every report, card and game file is written whole or not at all (the old file survives a failed write)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bingo import parallel
from bingo.cli import main

JARGON = "Wir optimieren jeden Touchpoint.\n"
LEXICON = ("entries:\n  - id: frobnitz\n    term: Frobnitz\n    lang: de\n    category: hype\n    weight: 1\n"
           "    message: \"Ein Testwort.\"\n    source: test\n    examples:\n      match: [\"Frobnitz\"]\n")
WORDS = "".join(f"Wort{i}\n" for i in range(30))


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a text, a lexicon and a word list; scanning anything there fails the test."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # config discovery stops here
    (tmp_path / "a.txt").write_text(JARGON, encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(LEXICON, encoding="utf-8")
    (tmp_path / "words.txt").write_text(WORDS, encoding="utf-8")
    return tmp_path


def refused(args: list[str], victim: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """Run bingo, expecting exit 2 before any scanning, with `victim` unchanged; the error line."""
    def no_scan(*_: Any, **__: Any) -> None:
        raise AssertionError("scanned although the output was refused")

    monkeypatch.setattr(parallel, "scan_all", no_scan)
    before = victim.read_bytes()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert victim.read_bytes() == before
    assert len(err.splitlines()) == 1 and "would overwrite" in err, err
    return err


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "relative"])
def test_scan_refuses_to_write_over_the_scanned_file(work: Path, how: str, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = {"same": "a.txt", "relative": "./sub/../a.txt"}.get(how, "other.txt")
    (work / "sub").mkdir()
    if how == "symlink":
        (work / "other.txt").symlink_to(work / "a.txt")
    elif how == "hardlink":
        os.link(work / "a.txt", work / "other.txt")
    err = refused(["scan", "a.txt", "-o", target], work / "a.txt", capsys, monkeypatch)
    assert err.startswith(f"bingo: error: {Path(target)}: --output would overwrite the scanned file a.txt")


def test_scan_refuses_a_file_inside_a_scanned_directory(work: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (work / "docs").mkdir()
    (work / "docs" / "report.md").write_text(JARGON, encoding="utf-8")
    refused(["scan", "docs", "-o", "docs/report.md"], work / "docs" / "report.md", capsys, monkeypatch)


@pytest.mark.parametrize("victim", ["mine.yaml", "cfg.yaml", ".bingo.yaml", "pyproject.toml", "base.json",
                                    "listed.yaml"])
def test_scan_refuses_to_write_over_its_lexicon_config_or_baseline(
        work: Path, victim: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (work / "listed.yaml").write_text(LEXICON, encoding="utf-8")
    args = ["scan", "a.txt", "-o", victim]
    if victim == "mine.yaml":
        args += ["--lexicon", "mine.yaml"]
    elif victim == "cfg.yaml":
        (work / victim).write_text("lang: de\n", encoding="utf-8")
        args += ["--config", victim]
    elif victim == ".bingo.yaml":
        (work / victim).write_text("lang: de\n", encoding="utf-8")  # found by discovery, not named
    elif victim == "pyproject.toml":
        (work / victim).write_text("[tool.bingo]\nlang = \"de\"\n", encoding="utf-8")
    elif victim == "listed.yaml":  # a lexicon the config file names
        (work / ".bingo.yaml").write_text("lexicons: [listed.yaml]\n", encoding="utf-8")
    else:
        (work / victim).write_text(json.dumps({"files": []}), encoding="utf-8")
        args += ["--baseline", victim]
    refused(args, work / victim, capsys, monkeypatch)


@pytest.mark.parametrize("args", [
    ["--words", "words.txt", "--output", "words.txt"],
    ["--words", "words.txt", "--output", "cards.html", "--game", "words.txt"],
    ["--words", "words.game.json", "--output", "words.html"],  # the game file beside the cards
    ["--lexicon", "mine.yaml", "--output", "mine.yaml", "--format", "text"],
    ["--lexicon", "mine.yaml", "--game", "mine.yaml"],
])
def test_card_refuses_to_write_over_its_word_list_or_lexicon(
        work: Path, args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (work / "words.game.json").write_text(WORDS, encoding="utf-8")
    victim = next(args[i + 1] for i, a in enumerate(args) if a in ("--words", "--lexicon"))
    refused(["card", "--seed", "1", "--size", "3", *args], work / victim, capsys, monkeypatch)


def test_outputs_elsewhere_still_work(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "docs").mkdir()
    (work / "docs" / "a.md").write_text(JARGON, encoding="utf-8")
    assert main(["scan", "docs", "--format", "json", "-o", "docs/report.json"]) == 0  # new: not among the inputs
    assert json.loads((work / "docs" / "report.json").read_text(encoding="utf-8"))["files"][0]["hits"]
    assert main(["card", "--words", "words.txt", "--seed", "1", "--size", "3", "-o", "cards.json"]) == 0
    assert json.loads((work / "cards.json").read_text(encoding="utf-8"))["cards"]


def test_the_check_itself() -> None:
    from bingo import outputs

    here = Path(__file__)
    assert outputs.clash([("--output", Path("no-such-file"))], [("scanned file", here)]) is None
    assert outputs.clash([("--output", Path("no-such-file"))], [("word list", Path("./no-such-file"))])
    message = outputs.clash([("--game", here)], [("lexicon file", Path(os.path.relpath(here)))])
    assert message == f"{here}: --game would overwrite the lexicon file {os.path.relpath(here)}"


# --- atomic writes ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _tmpfs(where: Path) -> Iterator[Path]:
    """A tiny tmpfs mounted at `where` (root only), unmounted afterwards."""
    where.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(where)],
                                           capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A directory on a full file system holding `old.txt` ("OLD"), and nothing else bingo may leave there."""
    with _tmpfs(tmp_path / "full") as disk:
        (disk / "old.txt").write_text("OLD\n", encoding="utf-8")
        with contextlib.suppress(OSError), open(disk / ".filler", "wb") as filler:
            while True:
                filler.write(b"x" * 4096)
                filler.flush()
        yield disk


def _assert_old_survived(disk: Path) -> None:
    assert (disk / "old.txt").read_text(encoding="utf-8") == "OLD\n"
    assert sorted(p.name for p in disk.iterdir()) == [".filler", "old.txt"]  # no temporary file left


def test_a_report_on_a_full_disk_leaves_the_old_file(work: Path, full_disk: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (work / "a.txt").write_text(JARGON * 200, encoding="utf-8")  # a report of many kilobytes
    assert main(["scan", "a.txt", "--format", "json", "-o", str(full_disk / "old.txt")]) == 2
    err = capsys.readouterr().err
    assert err == f"bingo: error: {full_disk / 'old.txt'}: cannot write the report: No space left on device\n"
    _assert_old_survived(full_disk)


@pytest.mark.parametrize("which", ["cards", "game"])
def test_cards_and_game_file_on_a_full_disk(work: Path, full_disk: Path, which: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = str(full_disk / "old.txt")
    # --force: old.txt is no game file, which `card` would otherwise refuse to replace before writing anything
    where = ["-o", target] if which == "cards" else ["--game", target, "--force"]
    assert main(["card", "--words", "words.txt", "--count", "100", "--size", "3", "--seed", "1", *where]) == 2
    assert f"{target}: cannot write the {'cards' if which == 'cards' else 'game file'}" in capsys.readouterr().err
    _assert_old_survived(full_disk)


def test_dev_full_is_a_one_line_error(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    assert main(["scan", "a.txt", "-o", "/dev/full"]) == 2
    assert capsys.readouterr().err == "bingo: error: /dev/full: cannot write the report: No space left on device\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_failed_write_keeps_the_old_baseline(work: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated where no tmpfs can be mounted: the disk fills up halfway through the report."""
    from bingo.cli import scan

    def half_then_full(run: Any, out: Any, options: Any) -> None:
        out.write('{"files": [')
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    baseline = work / "baseline.json"
    baseline.write_text('{"files": []}\n', encoding="utf-8")
    monkeypatch.setattr(scan, "renderer", lambda name: half_then_full)
    assert main(["scan", "a.txt", "--format", "json", "-o", "baseline.json"]) == 2
    assert capsys.readouterr().err == "bingo: error: baseline.json: cannot write the report: No space left on device\n"
    assert baseline.read_text(encoding="utf-8") == '{"files": []}\n'
    assert sorted(p.name for p in work.iterdir()) == [".git", "a.txt", "baseline.json", "mine.yaml", "words.txt"]


def test_a_failed_card_write_keeps_the_old_file(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bingo.cards import output

    def fail(game: Any, out: Any, layout: Any) -> None:
        out.write("half a card")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    (work / "cards.txt").write_text("OLD\n", encoding="utf-8")
    monkeypatch.setitem(output.TEXT_WRITERS, "text", fail)
    assert main(["card", "--words", "words.txt", "--size", "3", "-o", "cards.txt"]) == 2
    assert (work / "cards.txt").read_text(encoding="utf-8") == "OLD\n"
    assert not list(work.glob(".cards.txt*"))


def test_a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(work: Path) -> None:
    kept = work / "kept.json"
    kept.write_text("{}", encoding="utf-8")
    kept.chmod(0o604)  # not what the umask would give a new file
    old = os.umask(0o027)
    try:
        assert main(["scan", "a.txt", "--format", "json", "-o", "kept.json"]) == 0
        assert main(["scan", "a.txt", "--format", "json", "-o", "new.json"]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604 and json.loads(kept.read_text(encoding="utf-8"))["files"]
    assert stat.S_IMODE((work / "new.json").stat().st_mode) == 0o640


def test_a_symlinked_output_stays_a_symlink(work: Path) -> None:
    (work / "real.json").write_text("{}", encoding="utf-8")
    (work / "link.json").symlink_to("real.json")
    assert main(["scan", "a.txt", "--format", "json", "-o", "link.json"]) == 0
    assert (work / "link.json").is_symlink() and json.loads((work / "real.json").read_text(encoding="utf-8"))["files"]


def test_a_fifo_output_is_written_into_not_replaced(work: Path) -> None:
    fifo = work / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        assert main(["scan", "a.txt", "--format", "json", "-o", str(fifo)]) == 0
    finally:
        with contextlib.suppress(OSError):  # unblock the reader if bingo never opened the pipe
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join()
    assert stat.S_ISFIFO(fifo.stat().st_mode) and json.loads(received[0])["files"]
