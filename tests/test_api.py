"""The public Python API and the Dask example built on it."""

from __future__ import annotations

import importlib
import pickle
from pathlib import Path

import pytest
from conftest import optional_module

import bingo

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_scan.py"
TEXTS = {
    "a.txt": "Wir heben Synergien entlang der Customer Journey und optimieren jeden Touchpoint.",
    "b.txt": "Our seamless omnichannel journey delights every customer touchpoint.",
    "c.txt": "Der Bus fährt heute später. Bitte beachten Sie den Aushang.",
}


def test_scan_text_returns_a_result_with_to_dict() -> None:
    result = bingo.scan_text(TEXTS["a.txt"], lang="de")
    data = result.to_dict()
    assert data["lang"] == "de" and data["hits"] and data["score"] == result.score


def test_scanner_pickles_without_compiled_state() -> None:
    scanner = bingo.Scanner()
    before = scanner.scan_text(TEXTS["b.txt"])
    clone = pickle.loads(pickle.dumps(scanner))
    assert clone.scan_text(TEXTS["b.txt"]) == before
    assert len(pickle.dumps(scanner)) < 2_000_000


def test_dask_example_on_a_tiny_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    db = optional_module("dask.bag", "dask")
    import dask

    # the worker processes import the example module by name, as a user's own module would be
    monkeypatch.syspath_prepend(str(EXAMPLE.parent))
    monkeypatch.setenv("PYTHONPATH", str(EXAMPLE.parent))
    example = importlib.import_module("dask_scan")
    records = db.from_sequence(sorted(TEXTS.items()), npartitions=2)
    with dask.config.set(scheduler="processes", num_workers=2):
        results = example.scan_corpus(records).compute()
    expected = [bingo.scan_text(text, path=path).to_dict() for path, text in sorted(TEXTS.items())]
    for got, want in zip(results, expected, strict=True):
        assert got == want | {"path": got["path"]}
    assert example.summarise(results)["documents"] == 3
