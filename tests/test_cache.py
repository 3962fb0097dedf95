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


@pytest.mark.parametrize(("lang", "text", "jobs"), [("de", "Wir heben Synergien.", "1"),
                                                   ("en", "We leverage synergies.", "1"),
                                                   ("de", "Wir heben Synergien.", "2")])
def test_a_scan_pauses_the_collector_until_its_matcher_is_built(tmp_path: Path, lang: str, text: str,
                                                                jobs: str) -> None:
    """`bingo scan` starts up without cyclic garbage collection; once the matcher exists (with --jobs 2:
    before the parent forks its workers), what was made is frozen and collection resumes."""
    import json
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import gc, json, sys
        from bingo import cache
        from bingo.cli import main
        states, done = [], cache.start_done
        def spy():
            states.append(gc.isenabled())
            done()
            states.append(gc.isenabled())
        cache.start_done = spy
        main(["scan", *sys.argv[3:], "--format", "json", "--lang", sys.argv[1], "--jobs", sys.argv[2]])
        print(json.dumps([states, gc.get_freeze_count(), gc.isenabled()]), file=sys.stderr)
    """)
    files = [str(tmp_path / name) for name in ("a.txt", "b.txt")]
    for name in files:
        Path(name).write_text(text, encoding="utf-8")
    env = {**os.environ, "BINGO_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", script, lang, jobs, *files], env=env,
                         capture_output=True, text=True, check=False)
    states, frozen, enabled = json.loads(run.stderr.strip().splitlines()[-1])
    assert states[:2] == [False, True] and enabled, run.stderr  # paused, then resumed once
    assert all(states[2:])  # later matchers (the parent's, after forking) find it running
    if jobs == "1":
        assert frozen > 100_000  # spaCy, the lexicon and the matcher
