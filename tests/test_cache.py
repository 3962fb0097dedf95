"""The compiled-lexicon cache stays bounded: old versions are pruned, used ones kept."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from bingo import cache


@pytest.fixture
def directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BINGO_CACHE_DIR", str(tmp_path))
    now = time.time()
    for age in range(1, 21):  # de-01 is the newest, de-20 the oldest
        path = tmp_path / f"de-{age:02}.json"
        path.write_text("{}", encoding="utf-8")
        os.utime(path, (now - age * 60, now - age * 60))
    for name, age in (("en-old.json", 10**6), ("notes.txt", 10**6), (".tmp-dead.json", 7200), (".tmp-busy.json", 5)):
        (tmp_path / name).write_text("{}", encoding="utf-8")
        os.utime(tmp_path / name, (now - age, now - age))
    return tmp_path


def test_a_write_keeps_the_newest_of_its_kind(directory: Path) -> None:
    assert cache.read("de-20.json") == {}  # reading marks the oldest as recently used
    cache.write("de-new.json", {"patterns": []})
    kept = sorted(p.name for p in directory.glob("de-*.json"))
    assert len(kept) == cache.KEEP and "de-new.json" in kept and "de-20.json" in kept
    assert kept[:-2] == [f"de-{age:02}.json" for age in range(1, cache.KEEP - 1)]
    assert cache.read("de-new.json") == {"patterns": []}


def test_other_kinds_and_foreign_files_are_left_alone(directory: Path) -> None:
    cache.write("de-new.json", {})
    assert {"en-old.json", "notes.txt", ".tmp-busy.json"} <= {p.name for p in directory.iterdir()}
    assert not (directory / ".tmp-dead.json").exists()


@pytest.mark.parametrize("keep", [0, 1, 5, 25])
def test_prune_keeps_exactly_the_most_recent(directory: Path, keep: int) -> None:
    cache.prune(directory, "de-", keep=keep)
    assert sorted(p.name for p in directory.glob("de-*.json")) == [f"de-{age:02}.json" for age in range(1, min(keep, 20) + 1)]
