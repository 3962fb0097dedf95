"""Which files a scan skips: git-style globs (`include`/`exclude`) and ignore files (`.gitignore`, `.bingoignore`,
and the repository's `.git/info/exclude`).

Every pattern is anchored to the folder it belongs to (the config file's, the current directory
for the command line's, an ignore file's own) and matched against absolute paths, so patterns
from several places mix in one list with git's rules: a pattern without a slash matches at any
depth below its folder, one with a slash is relative to it, and the last match wins (`!` re-includes).
`pathspec` implements git's wildmatch (`**`, `[…]`, trailing `/` for folders, escapes) exactly.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

IGNORE_FILES = (".gitignore", ".bingoignore")
"""Read in every walked folder (and its parents up to the repository root), in this order."""
EXCLUDE_FILE = "info/exclude"
"""In the git directory: patterns for the whole repository, anchored at its root; any .gitignore line outranks them."""

_SPECIAL = re.compile(r"([\\*?\[\]!#])")


def _escaped(folder: Path) -> str:
    """An absolute folder as a literal wildmatch prefix, with its leading "/" (anchored at the root, reads absolute)."""
    return "/" + _SPECIAL.sub(r"\\\1", folder.as_posix().lstrip("/"))


def anchor(base: Path, pattern: str) -> str | None:
    """A git-style pattern of folder `base` as one for absolute paths; None for a blank line or a comment."""
    if not pattern.strip() or pattern.startswith("#"):
        return None
    negated = pattern.startswith("!")
    body = pattern[1:] if negated else pattern
    inner = body.rstrip("/")
    # git: a slash at the start or in the middle ties the pattern to its folder; else it matches at any depth
    rel = body.lstrip("/") if "/" in inner else f"**/{body}"
    return ("!" if negated else "") + f"{_escaped(base)}/{rel}"


def anchored(base: Path, patterns: Iterable[str]) -> tuple[str, ...]:
    """`anchor` over a list, blank lines and comments left out."""
    return tuple(a for p in patterns if (a := anchor(base, p)) is not None)


def absolute(path: str | os.PathLike[str]) -> str:
    """The form paths are matched in: absolute, folders resolved (a symlink keeps its own name), no leading '/'."""
    full = Path(os.path.abspath(path))
    return (full.parent.resolve() / full.name).as_posix().lstrip("/")


def repo_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` holding `.git` (a folder or, in a worktree, a file)."""
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if (folder / ".git").exists()), None)


def git_dir(root: Path) -> Path | None:
    """The git directory holding the `info/exclude` of the repository at `root` (None: none found).

    `.git` is that directory, or a file naming it (`gitdir: …`, a worktree or submodule); a worktree's
    own git directory names the main one in `commondir`, whose `info/exclude` git reads for it.
    """
    dot = root / ".git"
    if dot.is_dir():
        return dot
    try:
        text = dot.read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:
        return None
    if not text.startswith("gitdir:"):
        return None
    own = root / text.removeprefix("gitdir:").strip()  # relative to the .git file's folder, or absolute
    try:
        return own / (own / "commondir").read_text(encoding="utf-8", errors="surrogateescape").strip()
    except OSError:
        return own


def read_exclude_file(root: Path) -> tuple[str, ...]:
    """The anchored patterns of the repository's `info/exclude` (missing or unreadable: none, as in git)."""
    folder = git_dir(root)
    try:
        text = (folder / EXCLUDE_FILE).read_text(encoding="utf-8", errors="surrogateescape") if folder else ""
    except OSError:
        return ()
    return anchored(root.resolve(), text.splitlines())


def read_ignore_files(folder: Path) -> tuple[str, ...]:
    """The anchored patterns of a folder's ignore files (an unreadable one counts as empty, as in git).

    A repository's root folder also has its `info/exclude`, first, so that its .gitignore lines win over it.
    """
    out: list[str] = list(read_exclude_file(folder)) if (folder / ".git").exists() else []
    for name in IGNORE_FILES:
        try:
            text = (folder / name).read_text(encoding="utf-8", errors="surrogateescape")
        except OSError:
            continue
        out.extend(anchored(folder.resolve(), text.splitlines()))
    return tuple(out)


@dataclass(frozen=True)
class Rules:
    """The patterns in force in one folder: `exclude` globs, the ignore files' patterns and `include` globs.

    The two kinds of skipping are separate lists: a `!` line in a .gitignore does not bring back a
    file the configuration excludes, nor the other way round.
    """

    exclude: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    ignore_files: bool = True  # False (--no-ignore): `below` reads no ignore files
    _specs: tuple[pathspec.GitIgnoreSpec, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        specs = tuple(pathspec.GitIgnoreSpec.from_lines(p) for p in (self.exclude, self.ignored, self.include))
        object.__setattr__(self, "_specs", specs)

    def below(self, folder: Path) -> Rules:
        """The rules for a walked folder: these plus its own ignore files (deeper ones win, as in git)."""
        own = read_ignore_files(folder) if self.ignore_files else ()
        return Rules(self.exclude, (*self.ignored, *own), self.include) if own else self

    def skips(self, matched: str, is_dir: bool = False) -> bool:
        """True when an absolute path (as `absolute` gives it) is excluded or ignored."""
        name = matched + "/" if is_dir else matched
        return any(patterns and spec.match_file(name)
                   for patterns, spec in zip((self.exclude, self.ignored), self._specs, strict=False))

    def includes(self, matched: str) -> bool:
        """True when an `include` glob asks for a file a walk would not take by its suffix."""
        return bool(self.include) and self._specs[2].match_file(matched)

    def skips_named(self, matched: str) -> bool:
        """For a file named explicitly: skipped itself or by one of its folders (git cannot re-include below those)."""
        parts = matched.split("/")
        return any(self.skips("/".join(parts[:i]), is_dir=True) for i in range(1, len(parts))) or self.skips(matched)


def rules_for(start: Path, exclude: Sequence[str], include: Sequence[str], ignore_files: bool) -> Rules:
    """The rules in folder `start`: the globs and (unless off) the ignore files from the repository root down."""
    rules = Rules(tuple(exclude), (), tuple(include), ignore_files)
    if not ignore_files:
        return rules
    start = start.resolve()
    top = repo_root(start) or start
    for folder in reversed((start, *start.parents)):
        if folder == top or top in folder.parents:
            rules = rules.below(folder)
    return rules


__all__ = ["EXCLUDE_FILE", "IGNORE_FILES", "Rules", "absolute", "anchor", "anchored", "git_dir", "read_exclude_file",
           "repo_root", "rules_for"]
