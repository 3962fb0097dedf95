"""The user cache directory for compiled lexicons: atomic writes, silent when unwritable."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Where compiled lexicons are cached: $BINGO_CACHE_DIR, else the XDG user cache directory."""
    if os.environ.get("BINGO_CACHE_DIR"):
        return Path(os.environ["BINGO_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "bingo"


def read(name: str) -> Any | None:
    """A cached JSON document, or None when it is missing or unreadable."""
    try:
        return json.loads((cache_dir() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write(name: str, data: Any) -> None:
    """Write a JSON document atomically (a reader never sees half a file); skip when unwritable."""
    path = cache_dir() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        os.replace(tmp, path)
    except OSError:
        pass
