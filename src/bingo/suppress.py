"""Inline suppressions: `bingo: ignore`, `bingo: ignore-next-line`, `bingo: off` … `bingo: on`.

A directive may stand in any comment syntax (`<!-- bingo: ignore -->`, `# bingo: off`), may be
limited to entry ids or categories (`bingo: ignore synergy,touchpoint`, `bingo: ignore acronym`)
and may give a reason after ` -- ` (`bingo: ignore touchpoint -- quoted from the brief`), which
never counts as a name. `ignore` alone on its line (nothing but comment marks around it) means the
next line of text, as alex and markdownlint users write it above the line. Directives are read
from the original line, so masking (code, comments) never hides them.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bingo.quoting import clipped

if TYPE_CHECKING:
    from bingo.entry import Entry

ALL: frozenset[str] = frozenset({"*"})
_NAME = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_DIRECTIVE = re.compile(
    r"\bbingo:\s*(?P<kind>ignore-next-line|ignore|off|on)\b"
    rf"(?:[ \t]+(?P<names>{_NAME}(?:[ \t]*,[ \t]*{_NAME}|[ \t]+{_NAME})*))?"
    # the reason runs to the end of the comment (`-->`, `*/`) or of the line; `-->` itself is no reason
    r"(?:[ \t]+--(?!>)[ \t]*(?P<reason>.*?)(?=[ \t]*(?:-->|\*/|$)))?", re.IGNORECASE)
# what may stand around a directive that is alone on its line: comment marks of Markdown/HTML, MDX,
# shell/YAML, C-like languages, reStructuredText (`..`), TeX and INI files
_COMMENT_MARKS = re.compile(r"<!--|-->|\{/\*|\*/\}|/\*|\*/|//|#|\.\.|;|%|\s")


@dataclass(frozen=True)
class Directive:
    """One `bingo:` directive: its kind, the names it is limited to (ALL: none named) and the reason given."""

    kind: str
    names: frozenset[str]
    reason: str | None = None
    alone: bool = False
    """Nothing but comment marks share its line: an `ignore` then means the next line of text."""


def parse(line: str) -> Directive | None:
    """The directive on a line, if any."""
    match = _DIRECTIVE.search(line)
    if match is None:
        return None
    names = frozenset(n.lower() for n in re.split(r"[\s,]+", match.group("names") or "") if n)
    rest = line[:match.start()] + line[match.end():]
    return Directive(match.group("kind").lower(), names or ALL, (match.group("reason") or "").strip() or None,
                     not _COMMENT_MARKS.sub("", rest))


def mask(line: str) -> str:
    """The line with its directive (names and reason too) blotted out, so it is not scanned."""
    from bingo.markup import blot

    return _DIRECTIVE.sub(lambda m: blot(m.group(0)), line)


def problem(name: str, lang: str, entries: Mapping[str, Entry], known: Container[str]) -> str | None:
    """Why a name in a directive can suppress nothing in a text in `lang` (None: it can, or it names a category)."""
    entry = entries.get(name)
    if entry is not None and lang not in entry.langs:
        return (f"'{name}' in a bingo: directive is an entry for {'/'.join(entry.langs)} text, not {lang}: "
                "it suppresses nothing here (see bingo lexicon list)")
    if entry is None and name not in known:
        return f"unknown entry id or category '{clipped(name)}' in a bingo: directive (see bingo lexicon list)"
    return None


def covers(suppressed: frozenset[str] | None, ident: str, category: str = "") -> bool:
    """True when a line's suppression set covers the entry id (or the entry's category)."""
    return suppressed is not None and (
        suppressed is ALL or "*" in suppressed or ident in suppressed or category in suppressed)


@dataclass
class Directives:
    """Line-by-line state of the directives seen so far in one input."""

    block: frozenset[str] | None = None
    next_line: frozenset[str] | None = None
    skip_blank: bool = False
    """The pending `next_line` waits for a line of text (it came from an `ignore` alone on its line)."""
    named: frozenset[str] = field(default_factory=frozenset)
    """The names the directive on the line just fed limits itself to (empty: none, or no directive)."""
    reason: str | None = None
    """The reason a directive covering the line just fed gives (its own line's first, then next-line, then block)."""
    _block_reason: str | None = None
    _next_reason: str | None = None

    def feed(self, line: str) -> frozenset[str] | None:
        """The ids suppressed on this line (None: nothing), updating the state for later lines."""
        self.named = frozenset()
        carried, carried_reason = self.next_line, self._next_reason
        if carried is not None and self.skip_blank and not line.strip():
            self.reason = self._block_reason
            return self.block  # a blank line between the directive and its line of text
        self.next_line, self.skip_blank, self._next_reason = None, False, None
        current = _union(self.block, carried)
        self.reason = (carried_reason if carried is not None else None) or self._block_reason
        if "bingo:" not in line:
            return current
        directive = parse(line)
        if directive is None:
            return current
        kind, ids = directive.kind, directive.names
        self.named = frozenset() if ids is ALL else ids
        if kind in ("ignore-next-line", "ignore") and (kind != "ignore" or directive.alone):
            self.next_line, self.skip_blank, self._next_reason = ids, kind == "ignore", directive.reason
            return current
        if kind == "ignore":
            self.reason = directive.reason or self.reason
            return _union(current, ids)
        if kind == "off":
            self.block = _union(self.block, ids)
            self._block_reason = self.reason = directive.reason or self._block_reason
            return _union(current, ids)
        self.block, self._block_reason = None, None  # "on" ends every block
        self.reason = carried_reason
        return carried


def _union(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Union of two suppression sets, where None is empty and ALL absorbs everything."""
    if a is None:
        return b
    if b is None:
        return a
    return ALL if ALL in (a, b) else a | b
