"""The user cache directory for compiled lexicons: atomic writes, bounded size, silent when unusable.

Nothing read from the cache is trusted blindly (the rules are in the README's cache section):

- a directory or file that another user owns, or that group or others may write, is neither read
  nor written (as ssh treats ~/.ssh); bingo then works without the cache, and says nothing;
- only regular files are read (a symlink, FIFO or device is skipped without opening it for good)
  and at most MAX_BYTES of them;
- every document carries its own name and the SHA-256 of its payload, so a file copied under
  another name, cut short or edited by hand is not taken for the real one;
- its content is checked again by whoever reads it (`bingo.cachecheck`, `bingo.lexicon`);
- only the names bingo writes (`KIND-<32 hex>.json`, `.tmp-<32 hex>.json`) are ever pruned.

A document that fails any of these is ignored and rebuilt, as if it were missing.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import json
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

KEEP = 16  # compiled versions kept per kind of file (de-, en-, lexicon-): each edit of a lexicon adds one
STALE_TMP_SECONDS = 3600  # a temporary file this old was left by a process that died while writing
MAX_BYTES = 256 * 1024 * 1024  # the largest document read (the shipped lexicon's are about 2 MB)
NAME = re.compile(r"(?P<kind>[a-z]+)-[0-9a-f]{32}\.json")  # the names `write` accepts and `prune` deletes
TEMPORARY = re.compile(r"\.tmp-[0-9a-f]{32}\.json")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_OPEN_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def code_digest(*modules: ModuleType | str) -> str:
    """A hash of the source of the modules that produce a cached document (a module or its name).

    Part of every cache key, so that a change to that code (an editable install, a new version)
    never reuses a stale document: nothing has to be bumped by hand. A module given by name is
    found without being imported.
    """
    digest = hashlib.sha256()
    for module in modules:
        spec = importlib.util.find_spec(module) if isinstance(module, str) else None
        source = spec.origin if spec is not None else getattr(module, "__file__", None)
        digest.update(Path(source or "").read_bytes())
    return digest.hexdigest()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a cached document is decoded and turned into objects.

    A document decodes into a few hundred thousand long-lived objects, and every full collection
    on the way traverses all of them to free nothing. With the collector paused while matchers
    are built, a warm German start took 2.08 s of CPU instead of 2.22 (median of 9 runs
    interleaved, a loaded machine; `import spacy` 1.13 s); decoding the compiled triggers alone
    takes 0.04 s instead of 0.13, loading the cached lexicon 0.10 s instead of 0.15 (medians).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_paused_for_start = False  # whether `pause_collector_for_start` turned collection off (see there)


def pause_collector_for_start() -> None:
    """No cyclic garbage collection until `start_done` (the CLI, as a scan begins).

    Start-up (spaCy's import, the lexicon, the matchers) makes about a million objects that live
    to the end and next to no cyclic garbage, and the collections on the way traverse them for
    nothing: a warm German `bingo scan -` spent 0.32-0.40 s of CPU in 253 collections (gc
    callbacks, three runs on a loaded machine), with the pause 0.07-0.14 s in 81 (those before
    the scan begins).
    """
    global _paused_for_start
    if gc.isenabled():
        gc.disable()
        _paused_for_start = True


def start_done() -> None:
    """A matcher is built: if paused for start-up, freeze what exists (no later collection traverses
    those objects again) and resume collection."""
    global _paused_for_start
    if _paused_for_start:
        _paused_for_start = False
        gc.freeze()
        gc.enable()


def cache_dir() -> Path:
    """Where compiled lexicons are cached: $BINGO_CACHE_DIR, else the XDG user cache directory."""
    if os.environ.get("BINGO_CACHE_DIR"):
        return Path(os.environ["BINGO_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "bingo"


def trusted(info: os.stat_result) -> bool:
    """True for a file or directory this user owns and no one else may write."""
    own = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
    return own and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def usable(directory: Path) -> bool:
    """True when `directory` is a directory bingo may read and write its cache in (see `trusted`)."""
    try:
        info = os.stat(directory)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and trusted(info)


def read(name: str) -> Any | None:
    """A cached JSON document, or None when it is missing, unreadable or not to be trusted."""
    directory = cache_dir()
    if not NAME.fullmatch(name) or not usable(directory):
        return None
    raw = _read_regular(directory / name)
    data = _unwrap(name, raw) if raw is not None else None
    if data is not None:
        with contextlib.suppress(OSError):
            os.utime(directory / name, follow_symlinks=False)  # marks it recently used, so pruning keeps it
    return data


def _read_regular(path: Path) -> bytes | None:
    """The bytes of a regular file this user owns and only this user may write, if at most MAX_BYTES."""
    try:  # O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: a symlink is not opened
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not trusted(info) or info.st_size > MAX_BYTES:
            return None
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(1 << 20, MAX_BYTES + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BYTES:  # grew while being read
                return None
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _head(name: str) -> bytes:
    """How a document named `name` starts, up to its payload's hash."""
    return b'{"name":' + json.dumps(name).encode() + b',"sha256":"'


def _wrap(name: str, payload: bytes) -> bytes:
    """The document as written: `{"name": ..., "sha256": ..., "data": payload}`, still plain JSON."""
    return _head(name) + hashlib.sha256(payload).hexdigest().encode() + b'","data":' + payload + b"}"


def _reject_constant(value: str) -> Any:
    """NaN and Infinity are not JSON and never written: a document holding one is not bingo's."""
    raise ValueError(value)


def _unwrap(name: str, raw: bytes) -> Any | None:
    """The payload of a document, when it carries `name` and its payload matches its hash."""
    head = _head(name)
    start = len(head) + 64 + len(b'","data":')
    if not raw.startswith(head) or raw[len(head) + 64:start] != b'","data":' or not raw.endswith(b"}"):
        return None
    payload = raw[start:-1]
    if hashlib.sha256(payload).hexdigest().encode() != raw[len(head):len(head) + 64]:
        return None
    try:
        with collector_paused():
            return json.loads(payload, parse_constant=_reject_constant)
    except ValueError:
        return None


def write(name: str, data: Any) -> None:
    """Write a JSON document atomically (a reader never sees half a file); skip when it cannot be written.

    The name must be one bingo prunes (`NAME`): anything else is a bug, a ValueError.
    """
    match = NAME.fullmatch(name)
    if match is None:
        raise ValueError(f"not a cache file name: {name!r}")
    directory = cache_dir()
    try:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    except ValueError:  # NaN or infinity: a reader would refuse it, so it is not worth keeping
        return
    with contextlib.suppress(OSError):
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)  # private from the start (parents: the umask)
    if not usable(directory):
        return
    temporary = directory / f".tmp-{secrets.token_hex(16)}.json"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_wrap(name, payload))
        os.replace(temporary, directory / name)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    prune(directory, match["kind"])


def prune(directory: Path, kind: str, keep: int = KEEP) -> None:
    """Delete all but the `keep` most recently used `KIND-<32 hex>.json` files, and stale temporary files.

    Any other name is not bingo's and is left alone, however old.
    """
    ours = re.compile(re.escape(kind) + r"-[0-9a-f]{32}\.json")
    try:
        entries = [(entry.stat(follow_symlinks=False).st_mtime, entry.name) for entry in os.scandir(directory)
                   if ours.fullmatch(entry.name) or TEMPORARY.fullmatch(entry.name)]
    except OSError:
        return
    kept = sorted((item for item in entries if ours.fullmatch(item[1])), reverse=True)
    now = time.time()
    stale = [name for mtime, name in entries if TEMPORARY.fullmatch(name) and now - mtime > STALE_TMP_SECONDS]
    for name in [name for _, name in kept[keep:]] + stale:
        with contextlib.suppress(OSError):  # already gone (another process pruned it) or not ours to delete
            (directory / name).unlink()
