"""The human report on real screens: --quiet, --no-card, the terminal's width, FORCE_COLOR, shell completion."""

from __future__ import annotations

import fcntl
import os
import struct
import termios
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner, Result

from bingo.cli import app
from bingo.cli.console import DEFAULT_WIDTH, color_wanted, report_width

TEXTS = {
    "de": "Unser Ziel: Wir heben Synergien entlang der gesamten Customer Journey und stellen den Kunden in den "
          "Mittelpunkt, an jedem Touchpoint, ganzheitlich und kundenzentriert, denn das ist kein Hexenwerk.\n",
    "en": "Going forward, we leverage synergies across every touchpoint of the customer journey and move the "
          "needle with a seamless omnichannel experience, because at the end of the day it is a game changer.\n",
}
LONG_DIR = "quarterly-reports/customer-experience-programme/regional-teams"


def scan(args: list[str], env: dict[str, str | None] | None = None, stdin: str | None = None) -> Result:
    base: dict[str, str | None] = {"COLUMNS": None, "FORCE_COLOR": None, "NO_COLOR": None, "GITHUB_ACTIONS": None}
    return CliRunner().invoke(app, ["scan", *args], input=stdin, env={**base, **(env or {})}, catch_exceptions=False)


@pytest.fixture()
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Two copy files, one deep in a folder tree (a path too long for the summary table on 100 columns)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / LONG_DIR).mkdir(parents=True)
    paths = [f"{LONG_DIR}/newsletter-entwurf.txt", "en-strategy.txt"]
    for path, text in zip(paths, (TEXTS["de"], TEXTS["en"]), strict=True):
        (tmp_path / path).write_text(text * 3, encoding="utf-8")
    return paths


@pytest.mark.parametrize("lang", ["de", "en"])
def test_quiet_prints_one_summary_line(lang: str) -> None:
    result = scan(["-q", "--format", "plain", "-"], stdin=TEXTS[lang])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert line.startswith("<stdin>: score ") and "/100 (" in line and " hits" in line


def test_quiet_sums_up_several_files(files: list[str]) -> None:
    (line,) = scan(["--quiet", *files]).stdout.splitlines()
    assert line.startswith("2 files: max score ") and ", mean " in line


@pytest.mark.parametrize(("lang", "title"), [("de", "Bullshit-Bingo"), ("en", "Buzzword bingo")])
def test_no_card_leaves_out_the_card_only(lang: str, title: str) -> None:
    full = scan(["--format", "plain", "-"], stdin=TEXTS[lang]).stdout
    bare = scan(["--format", "plain", "--no-card", "-"], stdin=TEXTS[lang]).stdout
    assert title in [line.strip() for line in full.splitlines()] and "┌" in full
    assert title not in [line.strip() for line in bare.splitlines()] and "┌" not in bare
    assert "[[Touchpoint]]" in bare or "[[synergies]]" in bare  # the rest of the report is still there


def test_columns_80_fits_and_wraps_under_the_text(files: list[str]) -> None:
    out = scan(files, env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    numbered = [i for i, line in enumerate(lines) if line[:5].strip().isdigit() and line[5:8] == " │ "]
    assert numbered
    for i in numbered:  # a passage line that wraps continues under its text, not at the left margin
        follow = lines[i + 1]
        if follow and not (follow[:5].strip().isdigit() and follow[5:8] == " │ "):
            assert follow.startswith(" " * 8), follow
    summary = out[out.index("Summary"):]
    assert "…" not in summary  # a long path folds in the summary table, it is not cut
    assert "".join(line[1:21] for line in summary.splitlines()[3:]).replace(" ", "").startswith(
        files[0].replace(" ", "")[:60])


def test_columns_160_shows_long_paths_whole(files: list[str]) -> None:
    lines = scan(files, env={"COLUMNS": "160"}).stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 160
    assert any(line.startswith(f" {files[0]}  de ") for line in lines)  # the summary row, on one line
    assert max(cell_len(line) for line in lines) > 100


def test_not_a_terminal_is_the_fixed_default_width(files: list[str]) -> None:
    first, second = scan(files).stdout, scan(files).stdout
    assert first == second
    assert max(cell_len(line) for line in first.splitlines()) <= DEFAULT_WIDTH
    assert "…" in first[first.index("Summary"):] or files[0] not in first[first.index("Summary"):]


def test_the_width_of_a_real_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    main_fd, tty_fd = os.openpty()
    try:
        fcntl.ioctl(tty_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 123, 0, 0))
        with open(tty_fd, "w", closefd=False) as tty:
            monkeypatch.delenv("COLUMNS", raising=False)
            assert report_width(tty) == 123
            monkeypatch.setenv("COLUMNS", "90")  # COLUMNS wins, as for every terminal program
            assert report_width(tty) == 90
    finally:
        os.close(main_fd)
        os.close(tty_fd)


@pytest.mark.parametrize(("env", "colour"), [
    ({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "0"}, True), ({"FORCE_COLOR": ""}, False),
    ({"NO_COLOR": "1"}, False), ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True)])
def test_force_color_colours_a_pipe(env: dict[str, str | None], colour: bool) -> None:
    result = scan(["-"], env=env, stdin=TEXTS["de"])
    assert ("\x1b[" in result.stdout) is colour
    assert "Bullshit-Index" in result.stdout


def test_no_color_still_wins_on_a_terminal_without_force(monkeypatch: pytest.MonkeyPatch) -> None:
    main_fd, tty_fd = os.openpty()
    try:
        with open(tty_fd, "w", closefd=False) as tty:
            monkeypatch.delenv("FORCE_COLOR", raising=False)
            monkeypatch.delenv("NO_COLOR", raising=False)
            assert color_wanted(tty)
            monkeypatch.setenv("NO_COLOR", "1")
            assert not color_wanted(tty)
    finally:
        os.close(main_fd)
        os.close(tty_fd)


def test_shell_completion_is_offered() -> None:
    runner = CliRunner()
    assert "--install-completion" in runner.invoke(app, ["--help"], env={"COLUMNS": "120"}).stdout
    shown = runner.invoke(app, ["--show-completion"], env={"SHELL": "/bin/bash"})
    assert shown.exit_code == 0 and "_BINGO_COMPLETE" in shown.stdout
    done = runner.invoke(app, [], env={"_BINGO_COMPLETE": "complete_bash", "COMP_WORDS": "bingo scan --form",
                                       "COMP_CWORD": "2"}, prog_name="bingo")
    assert done.stdout.split() == ["--format"]
