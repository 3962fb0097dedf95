"""The user cache directory for compiled lexicons: atomic writes, bounded size, silent when unwritable."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

KEEP = 16  # compiled versions kept per kind of file (de-, en-, lexicon-): each edit of a lexicon adds one
STALE_TMP_SECONDS = 3600  # a temporary file this old was left by a process that died while writing


def code_digest(*modules: ModuleType) -> str:
    """A hash of the source of the modules that produce a cached document.

    Part of every cache key, so that a change to that code (an editable install, a new version)
    never reuses a stale document: nothing has to be bumped by hand.
    """
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


def cache_dir() -> Path:
    """Where compiled lexicons are cached: $BINGO_CACHE_DIR, else the XDG user cache directory."""
    if os.environ.get("BINGO_CACHE_DIR"):
        return Path(os.environ["BINGO_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "bingo"


def read(name: str) -> Any | None:
    """A cached JSON document, or None when it is missing or unreadable."""
    path = cache_dir() / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    try:
        os.utime(path)  # marks it recently used, so pruning keeps it
    except OSError:
        pass
    return data


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
        return
    prune(path.parent, name.split("-", 1)[0] + "-")


def prune(directory: Path, prefix: str, keep: int = KEEP) -> None:
    """Delete all but the `keep` most recently used `prefix*.json` files, and stale temporary files."""
    try:
        entries = [(entry.stat().st_mtime, entry.name) for entry in os.scandir(directory)
                   if entry.is_file() and entry.name.endswith(".json")]
    except OSError:
        return
    ours = sorted((item for item in entries if item[1].startswith(prefix)), reverse=True)
    now = time.time()
    stale = [name for mtime, name in entries if name.startswith(".tmp-") and now - mtime > STALE_TMP_SECONDS]
    for name in [name for _, name in ours[keep:]] + stale:
        try:
            (directory / name).unlink()
        except OSError:  # already gone (another process pruned it) or not ours to delete
            pass
