"""The compiled-lexicon cache stays bounded: old versions are pruned, used ones kept."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from bingo import cache


def de(age: int) -> str:
    """The name of a compiled German lexicon, as bingo writes it (`de-<32 hex>.json`)."""
    return f"de-{age:032x}.json"


@pytest.fixture
def directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BINGO_CACHE_DIR", str(tmp_path))
    now = time.time()
    with monkeypatch.context() as quiet:
        quiet.setattr(cache, "prune", lambda *_, **__: None)
        for age in range(1, 21):  # de(1) is the newest, de(20) the oldest
            cache.write(de(age), {})
            os.utime(tmp_path / de(age), (now - age * 60, now - age * 60))
    for name, age in (("en-" + "e" * 32 + ".json", 10**6), ("notes.txt", 10**6), (".tmp-" + "d" * 32 + ".json", 7200),
                      (".tmp-" + "b" * 32 + ".json", 5)):
        (tmp_path / name).write_text("{}", encoding="utf-8")
        os.utime(tmp_path / name, (now - age, now - age))
    return tmp_path


def test_a_write_keeps_the_newest_of_its_kind(directory: Path) -> None:
    assert cache.read(de(20)) == {}  # reading marks the oldest as recently used
    cache.write(de(0), {"patterns": []})
    kept = sorted(p.name for p in directory.glob("de-*.json"))
    assert len(kept) == cache.KEEP and de(0) in kept and de(20) in kept
    assert kept[1:-1] == [de(age) for age in range(1, cache.KEEP - 1)]
    assert cache.read(de(0)) == {"patterns": []}


def test_other_kinds_and_foreign_files_are_left_alone(directory: Path) -> None:
    cache.write(de(0), {})
    others = {"en-" + "e" * 32 + ".json", "notes.txt", ".tmp-" + "b" * 32 + ".json"}
    assert others <= {p.name for p in directory.iterdir()}
    assert not (directory / (".tmp-" + "d" * 32 + ".json")).exists()


@pytest.mark.parametrize("keep", [0, 1, 5, 25])
def test_prune_keeps_exactly_the_most_recent(directory: Path, keep: int) -> None:
    cache.prune(directory, "de", keep=keep)
    assert sorted(p.name for p in directory.glob("de-*.json")) == [de(age) for age in range(1, min(keep, 20) + 1)]
