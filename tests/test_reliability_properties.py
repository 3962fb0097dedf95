"""Property tests: random Unicode mixed with lexicon terms, through `scan_text`, the CLI and the pool.

Offsets index the text (`text[start:end] == hit.text`), lines and columns agree with
`bingo.lines.position`, results repeat, and `--jobs 1` and `--jobs 2` agree, also on files cut
into tiny ranges with BOMs, NULs, CRs and U+2028 near the cuts. Examples: 50 per test by default
(profile `ci` in conftest.py); `BINGO_HYPOTHESIS=deep` runs 2,000.

The tests that start a worker pool could hang if the pool broke: they run in a child pytest
under a guard (`test_the_pool_properties_in_a_child_process`), and are skipped in the parent.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from reliability import HANG_GUARD, child_env  # noqa: E402

import bingo  # noqa: E402
from bingo import parallel, ranges, reading  # noqa: E402
from bingo.cli import main  # noqa: E402
from bingo.lines import line_starts, position  # noqa: E402
from bingo.sources import Source, discover  # noqa: E402

FEW = max(2, settings.default.max_examples // 5)  # for examples that each start a CLI run or a pool
IN_CHILD = "BINGO_POOL_PROPERTIES" in os.environ
in_child = pytest.mark.skipif(not IN_CHILD, reason="run by test_the_pool_properties_in_a_child_process")

TERMS = ["Customer Journey", "Touchpoint", "Touchpoints", "Synergien heben", "Kundenzentrierung", "Mehrwert",
         "agil", "ganzheitlich", "KPI", "Customer Experience Management", "leverage", "going forward",
         "seamless", "best-in-class", "synergies", "Paradigmenwechsel", "auf Augenhöhe", "in unserer DNA"]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n\r\n"]
ODD = ["\ufeff", "\u2028", "\u2029", "\x85", "\x0c", "\u00a0", "\t", "\0", "ß", "İ", "🙂", "e\u0301", "<b>", "`x`",
       "https://x.example/Touchpoint", "#", "> "]
SURROGATES = ["\ud800", "\udfff", "\udbff\udc00"]


def mixtures(surrogates: bool = False, nul: bool = True) -> st.SearchStrategy[str]:
    """Texts of terms, words, breaks, odd characters and random Unicode."""
    odd = [c for c in ODD if nul or c != "\0"] + (SURROGATES if surrogates else [])
    piece = st.one_of(st.sampled_from(TERMS), st.sampled_from(BREAKS), st.sampled_from(odd),
                      st.sampled_from([" ", " ", ", ", ". ", " und ", " the "]), st.text(max_size=8))
    return st.lists(piece, max_size=60).map("".join)


def assert_indexes(text: str, hits: list[dict[str, Any]]) -> None:
    """Each hit's offsets index `text`; its start and last character are where its line/columns say."""
    starts = line_starts(text)
    for hit in hits:
        assert text[hit["start"]:hit["end"]] == hit["text"], hit
        assert (hit["line"], hit["column"]) == position(1, starts, hit["start"]), hit
        assert (hit["end_line"], hit["end_column"] - 1) == position(1, starts, hit["end"] - 1), hit


def dicts(result: Any) -> list[dict[str, Any]]:
    return [h.to_dict() for h in result.hits]


@given(mixtures(surrogates=True), st.sampled_from(["auto", "de", "en"]))
def test_scan_text_offsets_positions_and_repeats(text: str, lang: str) -> None:
    result = bingo.scan_text(text, lang=lang)
    if result.error is not None:
        assert "\0" in text or not text.strip(), result.error  # binary (a NUL up front) or nothing to scan
        return
    assert_indexes(text, dicts(result))
    assert bingo.scan_text(text, lang=lang).to_dict() == result.to_dict()


@settings(max_examples=FEW)
@given(mixtures(), st.sampled_from(["txt", "md", "html"]))
def test_the_cli_reports_offsets_into_the_decoded_file(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"t.{suffix}"
        path.write_bytes(text.encode("utf-8"))
        out, code = cli(["scan", str(path), "--format", "json", "--jobs", "1"])
    files = json.loads(out)["files"]
    if not files:  # no text in it (blank, or markup only): skipped, no error
        assert code == 0
        return
    report = files[0]
    if code == 2:
        assert "error" in report
        return
    assert code == 0 and "error" not in report
    assert_indexes(text.removeprefix("\ufeff"), report["hits"])


def cli(args: list[str]) -> tuple[str, int]:
    """stdout and exit code of a CLI run in this process."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(args)
    return out.getvalue(), code


@pytest.mark.skipif(IN_CHILD, reason="this is the child")
def test_the_pool_properties_in_a_child_process() -> None:
    """Run the `in_child` tests in a child pytest; a hang fails this test instead of stopping the suite."""
    guard = HANG_GUARD * max(1, settings.default.max_examples // 50)  # generous; not a measure of speed
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__, "-k", "jobs_agree"]
    child = subprocess.Popen(command, env={**child_env(), "BINGO_POOL_PROPERTIES": "1"}, cwd=Path(__file__).parent,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             start_new_session=True)
    try:
        out = child.communicate(timeout=guard)[0].decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        pytest.fail(f"the pool's property tests hung (killed after {guard} s):\n{child.communicate()[0].decode()}")
    assert child.returncode == 0, out
    summary = out.strip().splitlines()[-1]  # e.g. "2 passed, 4 deselected in 16.36s" (a coverage table may precede it)
    assert re.search(r"\b\d+ passed\b", summary) and not re.search(r"\b\d+ skipped\b", summary), out


@contextlib.contextmanager
def tiny_ranges(range_bytes: int) -> Iterator[None]:
    """Large-file handling from 1 kB on, ranges and batches of a few hundred bytes."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel, "LARGE_FILE", 1000)
        patch.setattr(ranges, "RANGE_BYTES", range_bytes)
        patch.setattr(parallel, "BATCH_CHARS", 300)
        yield


def both_ways(scanner: Any, found: list[Source]) -> list[dict[str, Any]]:
    """The results with one process and with two, which must be the same."""
    one = [r.to_dict() for r in parallel.scan_all(scanner, found, "auto", 1)]
    two = [r.to_dict() for r in parallel.scan_all(scanner, found, "auto", 2)]
    assert one == two
    return one


@in_child
@settings(max_examples=FEW)
@given(st.lists(st.tuples(mixtures(), st.sampled_from(["txt", "md", "html"]), st.integers(1, 40)),
                min_size=1, max_size=5))
def test_one_and_two_jobs_agree_on_generated_folders(scanner: Any, files: list[tuple[str, str, int]]) -> None:
    with tempfile.TemporaryDirectory() as folder, tiny_ranges(200):
        for index, (text, suffix, repeat) in enumerate(files):
            Path(folder, f"f{index}.{suffix}").write_bytes(((text + "\n\n") * repeat).encode("utf-8"))
        both_ways(scanner, discover([folder]))


HEAD = "Der Zug fährt um sieben Uhr ab, und Kunden erhalten Auskunft am Schalter.\n" * 120 + "\n"
"""Over 8 KiB of plain text first, so NULs after it are text rather than a sign of a binary file."""
NEAR_CUTS = ["\ufeff", "\0", "\r", "\u2028", "\r\n", "\n", " ", "Touchpoint", "Customer Journey"]


@in_child
@settings(max_examples=FEW)
@given(st.lists(st.tuples(st.lists(st.sampled_from(NEAR_CUTS), max_size=3).map("".join), mixtures(),
                          st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n"])), min_size=1, max_size=30),
       st.integers(40, 600), st.booleans())
def test_one_and_two_jobs_agree_on_files_cut_into_tiny_ranges(scanner: Any, paragraphs: list[tuple[str, str, str]],
                                                               range_bytes: int, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + HEAD + "".join(f"{start}{body}{end}" for start, body, end in paragraphs)
    with tempfile.TemporaryDirectory() as folder, tiny_ranges(range_bytes):
        path = Path(folder, "cut.txt")
        path.write_bytes(text.encode("utf-8"))
        (result,) = both_ways(scanner, [Source(str(path), file=path)])
    assert "error" not in result, result
    assert_indexes(text.removeprefix("\ufeff"), result["hits"])


@given(st.text(alphabet=st.sampled_from("ab \r\n\u2028x"), max_size=300), st.integers(1, 40),
       st.lists(st.integers(0, 300), max_size=8))
def test_lines_do_not_depend_on_how_the_text_was_read(text: str, max_line: int, cuts: list[int]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "MAX_LINE", max_line)
        whole = list(reading.split_lines(Source("t"), iter([text])))
        bounds = [0, *sorted(c for c in cuts if c < len(text)), len(text)]
        pieces = list(reading.split_lines(Source("t"), iter([text[a:b] for a, b in itertools.pairwise(bounds)])))
    assert pieces == whole and "".join(whole) == text
    assert all(len(piece.rstrip("\r\n")) <= max_line for piece in whole)
