"""Find inputs: the files below folders, named files and stdin a run reads, each as a `Source`.

What a source holds is read by `bingo.reading` (lines) and `bingo.paragraphs` (paragraphs).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bingo import ignore
from bingo.errors import BingoError

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".mdx": "mdx",
                 ".rst": "rst", ".html": "html", ".htm": "html", ".vtt": "transcript", ".srt": "transcript"}
SKIP_DIRS = {"node_modules", "__pycache__", "venv"}
STDIN = "<stdin>"
NOT_A_FILE = "not a regular file (FIFO, socket or device): skipped"


@dataclass(frozen=True)
class Source:
    """One input: a file, stdin or an in-memory text (`error`: why it cannot be read, found while walking)."""

    path: str
    kind: str = "text"
    file: Path | None = None
    text: str | None = None
    error: str | None = None


def kind_for(path: str | os.PathLike[str]) -> str:
    """The input kind for a file name (text when unknown)."""
    return TEXT_SUFFIXES.get(Path(path).suffix.lower(), "text")


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in SKIP_DIRS


def discover(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (), *,
             ignore_files: bool = True, force_exclude: bool = False, stdin_name: str | None = None) -> list[Source]:
    """Expand files and directories into sources, in a stable order; '-' is stdin (see `walk_inputs`)."""
    return walk_inputs(paths, include, exclude, ignore_files=ignore_files, force_exclude=force_exclude,
                       stdin_name=stdin_name)[0]


def walk_inputs(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (), *,
                ignore_files: bool = True, force_exclude: bool = False, stdin_name: str | None = None
                ) -> tuple[list[Source], int]:
    """The sources and how many named inputs `force_exclude` dropped.

    Directories are walked recursively for text-like regular files (plus `include` globs), skipping
    hidden and VCS folders, what the `exclude` globs match and (with `ignore_files`) what
    `.gitignore`/`.bingoignore` files ignore (see bingo.ignore). Files named explicitly are taken
    (a named pipe too) unless `force_exclude` applies the same skipping to them, as pre-commit needs.
    Standard input is called `stdin_name` when given (its kind from that name's suffix). What a walk
    cannot take, a FIFO or an unreadable folder, becomes a source with an `error`: reported, not
    passed over in silence. An empty path is a user error, not the current directory.
    """
    include, exclude = list(include), list(exclude)
    out: list[Source] = []
    dropped = 0
    named: dict[Path, ignore.Rules] = {}  # per folder: pre-commit names many files in few folders
    for raw in paths:
        if not raw:
            raise BingoError("an empty path names no file or directory (use '.' for the current directory)")
        name = stdin_name if raw == "-" else raw
        path = Path(raw)
        if raw != "-" and path.is_dir():
            out.extend(_walk(path, ignore.rules_for(path, exclude, include, ignore_files)))
            continue
        if force_exclude and name is not None:
            where = Path(name).parent if Path(name).parent.is_dir() else Path.cwd()
            if where not in named:
                named[where] = ignore.rules_for(where, exclude, (), ignore_files)
            if named[where].skips_named(ignore.absolute(name)):
                dropped += 1
                continue
        if raw == "-":
            out.append(Source(name or STDIN, kind_for(name) if name else "text"))
        else:
            out.append(Source(raw, kind_for(raw), file=path))
    return out, dropped


def _walk(root: Path, top: ignore.Rules) -> Iterator[Source]:
    """Text-like files below `root`, sorted, hidden and ignored folders skipped; unreadable ones, non-files: errors."""
    problems: list[OSError] = []
    parents: dict[Path, ignore.Rules] = {}  # a walked folder's parent's rules (the root's own include its files)
    for dirpath, dirnames, filenames in os.walk(root, onerror=problems.append):
        yield from _unreadable(problems)
        here = Path(dirpath).resolve()
        parent = parents.pop(here, None)
        folder = top if parent is None else parent.below(here)
        base = ignore.absolute(here / "x")[:-1]  # the folder's matched form, with its trailing '/'
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d) and not folder.skips(base + d, is_dir=True))
        for d in dirnames:  # each subfolder's rules: these plus its own ignore files, read when it is walked
            parents[here / d] = folder
        for name in sorted(filenames):
            full = Path(dirpath) / name
            wanted = full.suffix.lower() in TEXT_SUFFIXES or folder.includes(base + name)
            if wanted and not name.startswith(".") and not folder.skips(base + name):
                # opening a FIFO or a device would wait for a writer that never comes
                error = None if full.is_file() or not full.exists() else NOT_A_FILE
                yield Source(str(full), kind_for(name), file=full, error=error)
    yield from _unreadable(problems)


def _unreadable(problems: list[OSError]) -> Iterator[Source]:
    """The folders a walk could not list, as sources that report why (and empties `problems`)."""
    for exc in problems:
        reason = "permission denied" if isinstance(exc, PermissionError) else f"cannot read: {exc.strerror or exc}"
        path = str(exc.filename) if exc.filename is not None else "?"
        yield Source(path, file=Path(path), error=f"{reason} (folder not scanned)")
    problems.clear()
