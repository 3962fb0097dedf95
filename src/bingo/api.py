"""The one-call API: `scan_text` with the built-in lexicon, on a scanner shared by all calls."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from bingo.models import FileResult
from bingo.scanner import Scanner


@lru_cache(maxsize=1)
def shared_scanner() -> Scanner:
    """The scanner `scan_text` uses (built on first call, with the built-in lexicon)."""
    return Scanner()


def scan_text(text: str, lang: str = "auto", path: str = "<text>", kind: str | None = None,
              **options: Any) -> FileResult:
    """Scan a text with the built-in lexicon (its kind from `path`'s suffix unless `kind` is given).

    `options` are passed to `Scanner` (lexicon, model, use_cache, skip_quotes) for a one-off scanner.
    """
    scanner = Scanner(**options) if options else shared_scanner()
    return scanner.scan_text(text, lang, path, kind)
