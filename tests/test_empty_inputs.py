"""Inputs with no text are skipped with a note, not errors; real read errors are reported once, on stderr."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from processes import TIMEOUT, bingo, environment

GOOD = {"de": "Wir heben Synergien entlang der Customer Journey.\n",
        "en": "Going forward, we leverage synergies across the customer journey.\n"}
EMPTY = {
    "leer.txt": b"",
    "blank.md": b"  \n\t\n\n",
    "crlf.txt": b"\r\n\r\n",
    "bom.md": b"\xef\xbb\xbf\n",
    "nur-code.md": b"```\n\n```\n",  # a Markdown file of an empty fence: nothing in it is prose
}


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(bingo("scan", "--format", "json", *args), cwd=cwd, env=environment(),
                          capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT, check=False)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_empty_files_are_skipped_with_one_line_and_pass(tmp_path: Path, jobs: str, lang: str) -> None:
    for name, data in EMPTY.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "gut.txt").write_text(GOOD[lang], encoding="utf-8")
    names = [*EMPTY, "gut.txt"]
    done = run(tmp_path, "--jobs", jobs, *names)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [f"bingo: {name}: skipped: no text" for name in EMPTY]
    data = json.loads(done.stdout)
    assert [f["path"] for f in data["files"]] == ["gut.txt"] and data["files"][0]["hits"]
    assert data["summary"]["errors"] == 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_read_errors_are_reported_once_on_stderr_and_exit_2(tmp_path: Path, jobs: str) -> None:
    (tmp_path / "leer.md").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Kundenzentrierung für alle".encode("latin-1"))
    (tmp_path / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "gut.txt").write_text(GOOD["de"], encoding="utf-8")
    done = run(tmp_path, "--jobs", jobs, "leer.md", "latin1.txt", "fehlt.md", "bild.txt", "gut.txt")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "bingo: leer.md: skipped: no text",
        "bingo: error: latin1.txt: not valid UTF-8 (near line 1)",
        "bingo: error: fehlt.md: no such file",
        "bingo: error: bild.txt: looks like a binary file (contains NUL bytes)",
    ]
    files = json.loads(done.stdout)["files"]  # the report keeps the errors, for machines
    assert [(f["path"], "error" in f) for f in files] == [
        ("latin1.txt", True), ("fehlt.md", True), ("bild.txt", True), ("gut.txt", False)]


def test_only_empty_input_on_stdin_passes(tmp_path: Path) -> None:
    done = subprocess.run(bingo("scan", "--format", "json", "-"), input="\n \n", cwd=tmp_path, env=environment(),
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert (done.returncode, done.stderr) == (0, "bingo: <stdin>: skipped: no text\n")
    assert json.loads(done.stdout)["files"] == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_read_error_is_said_once_where_pre_commit_shows_stdout_and_stderr_together(tmp_path: Path,
                                                                                      jobs: str) -> None:
    (tmp_path / "latin1.md").write_bytes("Kundenzentrierung für alle".encode("latin-1"))
    (tmp_path / "gut.md").write_text(GOOD["en"], encoding="utf-8")
    done = subprocess.run(bingo("scan", "--format", "line", "--jobs", jobs, "latin1.md", "gut.md"), cwd=tmp_path,
                          env=environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=TIMEOUT, check=False)
    assert done.returncode == 2
    assert [line for line in done.stdout.splitlines() if "latin1.md" in line] == [
        "bingo: error: latin1.md: not valid UTF-8 (near line 1)"]
    assert any(line.startswith("gut.md:1:") for line in done.stdout.splitlines())
