"""The cache is not trusted blindly: what is read back is checked (shape, types, ranges, name, content
hash) and rebuilt when wrong; a directory or file others can write is not used; only regular files
of bounded size are read; pruning deletes only the names bingo writes."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, ROOT

from bingo import cache, lexicon
from bingo.cli import main
from bingo.compiler import CompiledLang
from bingo.lexicon import load_lexicon

GERMAN = "Wir heben Synergien und optimieren jeden Touchpoint der Customer Journey mit Kundenzentrierung.\n"
ENGLISH = "Going forward, we leverage synergies across every touchpoint of the customer journey.\n"
HEX = "0123456789abcdef" * 2


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BINGO_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def scan(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    code = main(["scan", str(path), "--format", "json", *args])
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if "is above --max-score" not in line]
    assert "Infinity" not in captured.out and not warnings, captured.err
    return code, json.loads(captured.out)


@pytest.fixture
def warm(cache_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Any]:
    """A German text, its report without any cache, and a cache filled for both languages."""
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    assert scan(tmp_path / "en.txt", capsys)[0] == 0
    text = tmp_path / "de.txt"
    text.write_text(GERMAN, encoding="utf-8")
    assert scan(text, capsys)[0] == 0
    return text, scan(text, capsys, "--no-cache")[1]


def rewrite(directory: Path, kind: str, change: Callable[[Any], Any]) -> None:
    """Replace every cached document of a kind by a changed one, written the way bingo writes it."""
    paths = list(directory.glob(f"{kind}-*.json"))
    assert paths
    for path in paths:
        cache.write(path.name, change(cache.read(path.name)))


def test_an_emptied_compiled_lexicon_is_rebuilt(warm: tuple[Path, Any], cache_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    text, expected = warm
    rewrite(cache_dir, "de", lambda data: {**data, "patterns": {}})
    assert scan(text, capsys, "--max-score", "0") == (1, expected)


def test_planted_weights_never_reach_the_report(warm: tuple[Path, Any], cache_dir: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    text, expected = warm

    def heavy(data: Any) -> Any:
        for entry in data["entries"].values():
            entry["weight"] = 1e308
        return data

    rewrite(cache_dir, "lexicon", heavy)
    assert scan(text, capsys) == (0, expected)


def test_a_hand_edited_file_fails_its_hash(warm: tuple[Path, Any], cache_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    text, expected = warm
    for path in cache_dir.glob("de-*.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        data = document.get("data", document)  # the payload, wherever the format keeps it
        data["patterns"]["touchpoint"] = [["nothing"]]  # still well-formed: only the hash can tell
        path.write_text(json.dumps(document), encoding="utf-8")
    assert scan(text, capsys) == (0, expected)


def test_a_file_copied_under_another_name_is_not_used(warm: tuple[Path, Any], cache_dir: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    text, expected = warm
    (english,) = cache_dir.glob("en-*.json")
    for path in cache_dir.glob("de-*.json"):
        path.write_bytes(english.read_bytes())
    assert scan(text, capsys) == (0, expected)


def test_a_directory_others_can_write_is_neither_read_nor_written(warm: tuple[Path, Any], cache_dir: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    text, expected = warm
    rewrite(cache_dir, "de", lambda data: {**data, "patterns": {}})
    cache_dir.chmod(0o777)
    before = {p.name: p.stat().st_mtime_ns for p in cache_dir.iterdir()}
    assert scan(text, capsys, "--max-score", "0") == (1, expected)  # and nothing on stderr (see scan)
    assert {p.name: p.stat().st_mtime_ns for p in cache_dir.iterdir()} == before


def _plant(directory: Path) -> str:
    name = f"de-{HEX}.json"
    cache.write(name, {"planted": True})
    assert cache.read(name) == {"planted": True}
    return name


@pytest.mark.parametrize("how", ["group-writable dir", "world-writable file", "dir of another user",
                                 "file of another user", "symlinked file"])
def test_untrusted_places_are_not_used(cache_dir: Path, tmp_path: Path, how: str) -> None:
    name = _plant(cache_dir)
    if "another user" in how:
        if os.geteuid() != 0:
            pytest.skip("only root can give a file away")
        os.chown(cache_dir if "dir" in how else cache_dir / name, 4242, 4242)
    elif how == "group-writable dir":
        cache_dir.chmod(0o770)
    elif how == "world-writable file":
        (cache_dir / name).chmod(0o606)
    else:
        (cache_dir / name).rename(tmp_path / "elsewhere.json")
        (cache_dir / name).symlink_to(tmp_path / "elsewhere.json")
    assert cache.read(name) is None
    if "dir" in how:
        cache.write(f"en-{HEX}.json", {})
        assert not (cache_dir / f"en-{HEX}.json").exists()


def _read_in_child(directory: Path, name: str) -> subprocess.CompletedProcess[str]:
    """cache.read in a process that may use 1 GiB at most and a minute (so a hang or a MemoryError fails)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    code = "import sys; from bingo import cache; print(cache.read(sys.argv[1]))"
    env = {**os.environ, "BINGO_CACHE_DIR": str(directory), "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-c", code, name], env=env, preexec_fn=limit, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_device_or_fifo_in_place_of_a_file_is_skipped(cache_dir: Path, special: str) -> None:
    cache_dir.mkdir(mode=0o700)
    name = f"de-{HEX}.json"
    if special == "fifo":
        os.mkfifo(cache_dir / name, 0o600)
    else:
        (cache_dir / name).symlink_to(special)
    done = _read_in_child(cache_dir, name)
    assert (done.returncode, done.stdout, done.stderr) == (0, "None\n", "")


def test_a_file_over_the_size_cap_is_not_read(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = _plant(cache_dir)
    monkeypatch.setattr(cache, "MAX_BYTES", 64)
    assert cache.read(name) is None


def test_pruning_deletes_only_the_names_bingo_writes(cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    now = time.time()
    foreign = ["de-notes.json", "en-foo.json", "lexicon-mine.json", ".tmp-keep.json", f"de-{HEX[:31]}.json",
               f"de-{HEX.upper()}.json", f"de-{HEX}.json.bak", f"xde-{HEX}.json", f".tmp-{HEX}.json.old"]
    ours = [f"de-{age:032x}.json" for age in range(1, 21)]
    for name, age in [*((n, 10**6) for n in foreign), *((n, 60 * i) for i, n in enumerate(ours, 1)),
                      (f".tmp-{'b' * 32}.json", 7200), (f".tmp-{'c' * 32}.json", 5)]:
        (cache_dir / name).write_text("{}", encoding="utf-8")
        os.utime(cache_dir / name, (now - age, now - age))
    cache.write(f"de-{'f' * 32}.json", {})
    left = {p.name for p in cache_dir.iterdir()}
    assert set(foreign) <= left and f".tmp-{'c' * 32}.json" in left and f".tmp-{'b' * 32}.json" not in left
    assert sorted(left & {*ours, f"de-{'f' * 32}.json"}) == sorted([*ours[:cache.KEEP - 1], f"de-{'f' * 32}.json"])


def test_a_failed_cache_write_leaves_no_temporary_file(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir.mkdir(mode=0o700)

    def full(*_: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    cache.write(f"de-{HEX}.json", {"patterns": {}})
    cache.write(f"en-{HEX}.json", {"x": float("inf")})  # not JSON: not written at all
    monkeypatch.undo()
    assert list(cache_dir.iterdir()) == [] and cache.read(f"en-{HEX}.json") is None


# --- the checks themselves -------------------------------------------------------------------------

GOOD: dict[str, Any] = {"lang": "de", "patterns": {"a": [["x", "y"]], "a#except0": [["z"]]}, "prefixes": ["p"],
                        "suffixes": [], "requires": {"a": ["w*"]}, "stops": {"p": ["q"]}, "norms": {"xs": "x"},
                        "triggers": {"x": [2, 3, [[["y"]]]], "z": [0, 0, []]}}


def test_every_compiled_field_has_a_check() -> None:
    from dataclasses import fields

    from bingo import cachecheck

    assert [f.name for f in fields(CompiledLang)] == list(cachecheck.FIELDS)
    assert cachecheck.compiled(CompiledLang, GOOD, "de", ["a"]) == CompiledLang(**GOOD)


@pytest.mark.parametrize("change", [
    {"lang": "en"}, {"patterns": {}}, {"patterns": {"a": []}}, {"patterns": {"a": [[]]}},
    {"patterns": {"a": [["x", 1]]}}, {"patterns": {"a": ["xy"]}}, {"patterns": [["x"]]}, {"prefixes": "abc"},
    {"suffixes": [None]},
    {"requires": {"a": "w"}}, {"stops": {"p": [3]}}, {"norms": {"xs": ["x"]}}, {"extra": 1}, {"lang": None},
    {"triggers": {"x": [-1, 3, []]}}, {"triggers": {"x": [1, 4, []]}}, {"triggers": {"x": [1, 3, [[]]]}},
    {"triggers": {"x": [1, 3, [[["y", ""]]]]}}, {"triggers": {"x": [1, 3]}},
])
def test_a_wrong_compiled_document_is_refused(change: dict[str, Any]) -> None:
    from bingo import cachecheck

    assert cachecheck.compiled(CompiledLang, {**GOOD, **change}, "de", ["a"]) is None
    assert cachecheck.compiled(CompiledLang, {k: v for k, v in GOOD.items() if k != "norms"}, "de", ["a"]) is None
    assert cachecheck.compiled(CompiledLang, [GOOD], "de", ["a"]) is None


def _first(data: Any) -> dict[str, Any]:
    entry: dict[str, Any] = next(iter(data["entries"].values()))
    return entry


@pytest.mark.parametrize("tamper", [
    lambda d: _first(d).update(weight=1e308), lambda d: _first(d).update(weight=0),
    lambda d: _first(d).update(weight="3"), lambda d: _first(d).update(term=5),
    lambda d: _first(d).update(variants="abc"), lambda d: _first(d).update(id="other"),
    lambda d: _first(d).update(message={"de": 5}), lambda d: _first(d).update(category="nonsense"),
    lambda d: _first(d)["context"].update(window=10**9), lambda d: _first(d).update(line="2"),
    lambda d: _first(d).pop("source"), lambda d: d["entries"].update(other=_first(d)),
    lambda d: d.update(house_cards={"de": ["no-such-id"] * 24}),
])
def test_a_wrong_lexicon_document_is_parsed_again(cache_dir: Path, tamper: Callable[[Any], None],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_lexicon([DATA / "mini-lexicon.yaml"], builtin=False)
    (path,) = cache_dir.glob("lexicon-*.json")
    data = cache.read(path.name)
    tamper(data)
    cache.write(path.name, data)
    again = load_lexicon([DATA / "mini-lexicon.yaml"], builtin=False)
    assert again.entries == first.entries and again.house_cards == first.house_cards


def test_a_good_lexicon_document_is_used(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_lexicon([DATA / "mini-lexicon.yaml"], builtin=False)
    monkeypatch.setattr(lexicon, "_parse_lexicon", None)  # parsing again would fail
    assert load_lexicon([DATA / "mini-lexicon.yaml"], builtin=False) == first
