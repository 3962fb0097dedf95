"""Scan a partitioned corpus with Dask: the same code runs on a laptop or a cluster.

    pip install 'bingo-cx[dask]'
    python examples/dask_scan.py 'crawl/**/*.txt'

Each Dask worker process builds one `bingo.Scanner` (cheap with a warm compiled-lexicon cache)
and reuses it for every record of every partition it is given.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable
from typing import Any

import bingo

_SCANNERS: dict[str, bingo.Scanner] = {}


def scanner() -> bingo.Scanner:
    """The worker process's Scanner, built on first use."""
    if "default" not in _SCANNERS:
        _SCANNERS["default"] = bingo.Scanner()
    return _SCANNERS["default"]


def scan_partition(records: Iterable[tuple[str, str]], lang: str = "auto") -> list[dict[str, Any]]:
    """Scan (path, text) records; return one JSON-able result per record."""
    return [scanner().scan_text(text, lang=lang, path=path).to_dict() for path, text in records]


def scan_corpus(records: Any, lang: str = "auto") -> Any:
    """Map a dask.bag of (path, text) records to a bag of result dicts."""
    return records.map_partitions(scan_partition, lang=lang)


def summarise(results: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Totals over all scanned records (errors counted apart)."""
    ok = [r for r in results if r.get("error") is None]
    return {"documents": len(ok), "errors": sum(1 for r in results if r.get("error")),
            "hits": sum(len(r["hits"]) for r in ok), "max_score": max((r["score"] for r in ok), default=0)}


def main(pattern: str) -> None:
    """Scan every file matching a glob pattern on the local Dask scheduler."""
    import dask.bag as db

    paths = sorted(glob.glob(pattern, recursive=True))
    records = db.from_sequence(paths, npartitions=max(1, min(64, len(paths)))).map(
        lambda p: (p, open(p, encoding="utf-8").read()))
    results = scan_corpus(records).compute()
    print(summarise(results))


if __name__ == "__main__":
    main(sys.argv[1])
