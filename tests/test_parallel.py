"""Identical results with any --jobs, for many files and for one file split across workers."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from bingo import parallel, ranges
from bingo.cli import main

PARAGRAPH = ("Wir heben Synergien entlang der Customer Journey und optimieren jeden Touchpoint.\n"
             "Der Zug fährt um 7 Uhr. Kunden erhalten Auskunft am Schalter.\n\n")


ENGLISH = ("Going forward, we leverage synergies across every touchpoint of the customer journey.\n"
           "The train leaves at seven. Tickets are sold at the counter.\n")


def scan_json(args: list[str], capsys: pytest.CaptureFixture) -> dict:
    code = main(["scan", "--format", "json", *args])
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)


def test_many_files_same_with_one_or_two_jobs(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    for i in range(12):
        text = PARAGRAPH * (i + 1) + "Customer Experience Management.\n"
        (tmp_path / f"f{i:02}.md").write_text(text, encoding="utf-8")
    (tmp_path / "g-en.md").write_text(ENGLISH, encoding="utf-8")
    one = scan_json([str(tmp_path), "--jobs", "1"], capsys)
    two = scan_json([str(tmp_path), "--jobs", "2"], capsys)
    assert one == two
    assert all(f["entries"] for f in one["files"]) and one["files"][-1]["lang"] == "en"
    assert [f["path"] for f in one["files"]] == sorted(str(p) for p in tmp_path.iterdir())


def test_large_file_split_into_ranges(tmp_path: Path, capsys: pytest.CaptureFixture,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "LARGE_FILE", 10_000)
    monkeypatch.setattr(ranges, "RANGE_BYTES", 4_000)
    monkeypatch.setattr(parallel, "BATCH_CHARS", 3_000)
    big = tmp_path / "big.txt"
    content = "\ufeff" + PARAGRAPH * 400 + "Ende, mit Umlauten: Kundenzentrierung für Kundinnen.\r\n\r\nSchluss."
    big.write_text(content, encoding="utf-8")
    assert len(ranges.split_points(big, big.stat().st_size)) > 10
    one = scan_json([str(big), "--jobs", "1"], capsys)
    two = scan_json([str(big), "--jobs", "2"], capsys)
    assert one == two
    hits = one["files"][0]["hits"]
    text = content.removeprefix("\ufeff")
    assert len(hits) > 400 and all(text[h["start"]:h["end"]] == h["text"] for h in hits)
    lines = text.splitlines()
    assert all(lines[h["line"] - 1][h["column"] - 1:].startswith(h["text"].split("\n")[0]) for h in hits)


def test_large_markdown_file_is_batched_in_this_process(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "LARGE_FILE", 10_000)
    monkeypatch.setattr(parallel, "BATCH_CHARS", 3_000)
    big = tmp_path / "big.md"
    big.write_text(("```\nTouchpoint im Code\n```\n\n" + PARAGRAPH) * 200, encoding="utf-8")
    assert scan_json([str(big), "--jobs", "1"], capsys) == scan_json([str(big), "--jobs", "2"], capsys)


def test_file_larger_than_spacy_max_length(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    big = tmp_path / "one-paragraph.txt"
    line = "Customer Journey und Touchpoint sind Wörter aus der Beratung und werden oft verwendet. "
    big.write_text((line * 40 + "\n") * 400, encoding="utf-8")  # 1.4 million characters, no blank line
    assert big.stat().st_size > 1_000_000
    result = scan_json([str(big), "--jobs", "1"], capsys)["files"][0]
    assert "error" not in result
    assert sum(1 for h in result["hits"] if h["id"] == "touchpoint") == 40 * 400


def test_cold_and_warm_cache_agree(tmp_path: Path, capsys: pytest.CaptureFixture,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BINGO_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "t.txt").write_text(PARAGRAPH, encoding="utf-8")
    cold = scan_json([str(tmp_path / "t.txt")], capsys)
    assert list((tmp_path / "cache").glob("de-*.json"))
    warm = scan_json([str(tmp_path / "t.txt")], capsys)
    uncached = scan_json([str(tmp_path / "t.txt"), "--no-cache"], capsys)
    assert cold == warm == uncached


def test_corrupt_cache_is_rebuilt(tmp_path: Path, capsys: pytest.CaptureFixture,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BINGO_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "t.txt").write_text(PARAGRAPH, encoding="utf-8")
    first = scan_json([str(tmp_path / "t.txt")], capsys)
    for path in (tmp_path / "cache").glob("*.json"):
        path.write_text("{not json", encoding="utf-8")
    assert scan_json([str(tmp_path / "t.txt")], capsys) == first


def test_default_jobs() -> None:
    from bingo.sources import Source

    one = [Source("-")]
    assert parallel.default_jobs(one) == 1


def test_cache_is_invalidated_when_a_lexicon_changes(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BINGO_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "t.txt").write_text("Das Frobnitz-Konzept und die Frobnitze.\n", encoding="utf-8")
    entry = ("entries:\n  - id: frobnitz\n    term: Frobnitz\n    lang: de\n    category: hype\n    weight: {w}\n"
             "    message: \"Ein Testwort.\"\n    source: test\n    examples:\n      match: [\"{ex}\"]\n")
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text(entry.format(w=1, ex="Frobnitz"), encoding="utf-8")
    first = scan_json([str(tmp_path / "t.txt"), "--lexicon", str(lexicon)], capsys)["files"][0]["hits"]
    assert [h["weight"] for h in first] == [1.0, 1.0]
    lexicon.write_text(entry.format(w=3, ex="Frobnitz"), encoding="utf-8")
    second = scan_json([str(tmp_path / "t.txt"), "--lexicon", str(lexicon)], capsys)["files"][0]["hits"]
    assert [h["weight"] for h in second] == [3.0, 3.0]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_split_points_fall_after_blank_lines(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(PARAGRAPH.replace("\n", newline).encode("utf-8") * 300)
    data = path.read_bytes()
    points = ranges.split_points(path, len(data), step=2_000)
    assert points is not None and len(points) > 10 and points[0] == 0 and points[-1] == len(data)
    assert all(data[:p].endswith((newline * 2).encode()) for p in points[1:-1])


@pytest.mark.parametrize("text, lang", [(PARAGRAPH * 3, "de"), (ENGLISH, "en"), ("Der Zug fährt um 7 Uhr.\n", "de")])
def test_detached_results_travel_light_and_come_back_whole(scanner, text: str, lang: str) -> None:
    result = scanner.scan_text(text, lang=lang)
    detached = pickle.loads(pickle.dumps(parallel.detach(result)))
    assert not detached[0].entries and list(detached[1]) == [info.id for info in result.entries]
    assert parallel.attach(scanner, detached) == result
    if result.entries:
        assert len(pickle.dumps(parallel.detach(result))) < len(pickle.dumps(result)) * 0.8
