"""Offsets, lines and columns are right for any --jobs: BOMs at range starts, lines longer than
MAX_LINE (cut the same however the file is read), and strings given to `scan_text` as they are."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from reliability import PARAGRAPH

import bingo
from bingo import paragraphs, parallel, ranges, reading
from bingo.cli import main
from bingo.lines import line_starts, position
from bingo.sources import Source


def scan_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["scan", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def small_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "LARGE_FILE", 10_000)
    monkeypatch.setattr(ranges, "RANGE_BYTES", 2_000)


def assert_hits_index(text: str, hits: list[dict]) -> None:
    """Every hit's offsets index `text`, and its line and column are those of its start."""
    starts = line_starts(text)
    for hit in hits:
        assert text[hit["start"]:hit["end"]] == hit["text"], hit
        assert (hit["line"], hit["column"]) == position(1, starts, hit["start"]), hit


def test_a_bom_at_a_range_start_is_text_for_any_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    small_ranges(monkeypatch)
    content = ("\ufeff" + PARAGRAPH) * 120  # files with BOMs, concatenated: every paragraph starts with one
    path = tmp_path / "joined.txt"
    path.write_text(content, encoding="utf-8")
    assert len(ranges.split_points(path, path.stat().st_size) or []) > 5
    one = scan_json([str(path), "--jobs", "1"], capsys)
    two = scan_json([str(path), "--jobs", "2"], capsys)
    assert one == two
    assert_hits_index(content.removeprefix("\ufeff"), two["files"][0]["hits"])  # only offset 0 holds a BOM


def test_minified_html_columns_count_from_the_line_start(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = "<p>" + "abc " * 80_000 + "Customer Journey</p>"  # one line of 320 kB
    path = tmp_path / "min.html"
    path.write_text(content, encoding="utf-8")
    assert main(["scan", str(path), "--format", "line", "--jobs", "1"]) == 0
    assert capsys.readouterr().out.startswith(f"{path}:1:{content.index('Customer Journey') + 1}: [method]")


def test_long_lines_cut_alike_with_one_or_two_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    small_ranges(monkeypatch)
    monkeypatch.setattr(reading, "MAX_LINE", 3_000)  # long lines without writing megabytes,
    monkeypatch.setattr(paragraphs, "MAX_PARAGRAPH", 4_000)  # and paragraphs that end inside a line
    words = "Touchpoint und Customer Journey, dazu Kundenzentrierung. "
    content = (PARAGRAPH * 6 + words * 400 + "\n\n" + words.replace(" ", "") * 150 + "\r\n\r\n") * 6
    path = tmp_path / "long-lines.txt"
    path.write_text(content, encoding="utf-8")
    one = scan_json([str(path), "--jobs", "1"], capsys)
    two = scan_json([str(path), "--jobs", "2"], capsys)
    assert one == two
    assert_hits_index(content, one["files"][0]["hits"])
    assert max(h["column"] for h in one["files"][0]["hits"]) > 3_000 * 4  # hits well past several cuts


@pytest.mark.parametrize("size", [1, 2, 3, 7, 4096, 65536])
def test_line_pieces_do_not_depend_on_how_the_text_was_read(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(reading, "MAX_LINE", 40)
    text = ("x" * 39 + " " + "y" * 50 + "\r\n" + "short line\n" + "z" * 40 + "\r" + "a b " * 30 + "\n\n") * 3
    whole = list(reading.split_lines(Source("t"), iter([text])))
    chunks = iter([text[i:i + size] for i in range(0, len(text), size)])
    assert list(reading.split_lines(Source("t"), chunks)) == whole
    assert "".join(whole) == text
    assert all(len(piece.rstrip("\r\n")) <= 40 for piece in whole)
    assert not any(a.endswith("\r") and b.startswith("\n") for a, b in itertools.pairwise(whole))  # \r\n kept whole


def test_scan_text_takes_lone_surrogates() -> None:
    text = "\ud800 Wir reden über die Customer Journey \udfff und Touchpoints.\n"
    result = bingo.scan_text(text, lang="de")
    assert result.error is None and result.hits
    assert all(text[h.start:h.end] == h.text for h in result.hits)
    assert bingo.scan_text("\ud800").error is None


def test_scan_text_offsets_index_the_string_given_with_its_bom() -> None:
    text = "\ufeffWir reden über die Customer Journey.\n"
    (hit,) = [h for h in bingo.scan_text(text, lang="de").hits if h.id == "customer-journey"]
    assert text[hit.start:hit.end] == hit.text == "Customer Journey"
    assert hit.column == text.index("Customer") + 1


def test_a_file_still_loses_its_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_text("\ufeffWir reden über die Customer Journey.\n", encoding="utf-8")
    (hit,) = [h for h in bingo.Scanner().scan_file(path, lang="de").hits if h.id == "customer-journey"]
    assert hit.start == len("Wir reden über die ") and hit.column == hit.start + 1
