"""Inline suppressions: `bingo: ignore`, `bingo: ignore-next-line`, `bingo: off` … `bingo: on`.

A directive may stand in any comment syntax (`<!-- bingo: ignore -->`, `# bingo: off`) and may be
limited to entry ids (`bingo: ignore synergy,touchpoint`). Directives are read from the original
line, so masking (code, comments) never hides them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ALL: frozenset[str] = frozenset({"*"})
_DIRECTIVE = re.compile(r"\bbingo:\s*(ignore-next-line|ignore|off|on)\b(?:[ \t]+([a-z0-9][a-z0-9,\- \t]*[a-z0-9]))?")


def parse(line: str) -> tuple[str, frozenset[str]] | None:
    """The directive on a line and the ids it is limited to (ALL when none are named)."""
    match = _DIRECTIVE.search(line)
    if match is None:
        return None
    ids = frozenset(i for i in re.split(r"[\s,]+", match.group(2) or "") if i)
    return match.group(1), ids or ALL


def mask(line: str) -> str:
    """The line with its directive (which may name entry ids) blotted out, so it is not scanned."""
    from bingo.markup import blot

    return _DIRECTIVE.sub(lambda m: blot(m.group(0)), line)


def covers(suppressed: frozenset[str] | None, ident: str) -> bool:
    """True when a line's suppression set covers the entry id."""
    return suppressed is not None and (suppressed is ALL or "*" in suppressed or ident in suppressed)


@dataclass
class Directives:
    """Line-by-line state of the directives seen so far in one input."""

    block: frozenset[str] | None = None
    next_line: frozenset[str] | None = None

    def feed(self, line: str) -> frozenset[str] | None:
        """The ids suppressed on this line (None: nothing), updating the state for later lines."""
        carried = self.next_line
        self.next_line = None
        current = _union(self.block, carried)
        if "bingo:" not in line:
            return current
        directive = parse(line)
        if directive is None:
            return current
        kind, ids = directive
        if kind == "ignore":
            return _union(current, ids)
        if kind == "ignore-next-line":
            self.next_line = ids
            return current
        if kind == "off":
            self.block = _union(self.block, ids)
            return _union(current, ids)
        self.block = None  # "on" ends every block
        return carried


def _union(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Union of two suppression sets, where None is empty and ALL absorbs everything."""
    if a is None:
        return b
    if b is None:
        return a
    return ALL if ALL in (a, b) else a | b
