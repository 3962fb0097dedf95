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
from collections.abc import Container, Iterable, Mapping, Sequence
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


Part = tuple[frozenset[str], str | None]
"""What one directive suppresses on a line: its names (ALL: everything) and the reason it gives."""


class Suppression(frozenset[str]):
    """The names suppressed on one line (a set, as `covers` reads it) and each covering directive's reason.

    A set rather than a new type, so that a paragraph's line-by-line suppressions carry their reasons
    wherever they go (to worker processes too: a frozenset subclass pickles its attributes).
    """

    reasons: tuple[Part, ...]
    """The directives in force on the line, nearest first: its own, the one above it, then blocks."""

    def __new__(cls, names: Iterable[str] = (), reasons: tuple[Part, ...] = ()) -> Suppression:
        self = super().__new__(cls, names)
        self.reasons = reasons
        return self

    def reason(self, ident: str, category: str = "") -> str | None:
        """The reason the nearest directive covering the entry that gives one gives (None: none does)."""
        return next((why for names, why in self.reasons if why and covers(names, ident, category)), None)


def _suppression(parts: Sequence[Part]) -> Suppression | None:
    """The suppression of a line covered by `parts` (None: by nothing)."""
    if not parts:
        return None
    everything = any("*" in names for names, _ in parts)
    return Suppression(ALL if everything else frozenset().union(*(names for names, _ in parts)), tuple(parts))


@dataclass
class Directives:
    """Line-by-line state of the directives seen so far in one input."""

    skip_blank: bool = False
    """The pending next-line directive waits for a line of text (it came from an `ignore` alone on its line)."""
    named: frozenset[str] = field(default_factory=frozenset)
    """The names the directive on the line just fed limits itself to (empty: none, or no directive)."""
    reason: str | None = None
    """The reason a directive covering the line just fed gives (its own line's first, then next-line, then block)."""
    _block: tuple[Part, ...] = ()  # the `off` directives in force, newest first
    _in_block: Suppression | None = None  # what `_block` suppresses, made once per block, not once per line
    _next: Part | None = None  # the directive for the next line of text

    @property
    def block(self) -> frozenset[str] | None:
        """The names an `off` block suppresses (None: no block is open)."""
        return self._in_block

    @property
    def next_line(self) -> frozenset[str] | None:
        """The names a directive suppresses on the next line of text (None: no such directive is pending)."""
        return None if self._next is None else self._next[0]

    def feed(self, line: str) -> Suppression | None:
        """The ids suppressed on this line (None: nothing), with their reasons, updating the state for later lines."""
        self.named = frozenset()
        carried = self._next
        if carried is not None and self.skip_blank and not line.strip():
            return self._blocked()  # a blank line between the directive and its line of text
        self._next, self.skip_blank = None, False
        directive = parse(line) if "bingo:" in line else None
        if directive is None and carried is None:  # most lines: only a block, if any, covers them
            return self._blocked()
        parts = [*(() if carried is None else (carried,)), *self._block]
        if directive is not None:
            kind, own = directive.kind, (directive.names, directive.reason)
            self.named = frozenset() if directive.names is ALL else directive.names
            if kind == "ignore-next-line" or (kind == "ignore" and directive.alone):
                self._next, self.skip_blank = own, kind == "ignore"
            elif kind in ("ignore", "off"):
                parts.insert(0, own)
                if kind == "off":
                    self._block = (own, *self._block)
                    self._in_block = _suppression(self._block)
            else:  # "on" ends every block
                self._block, self._in_block = (), None
                parts = [] if carried is None else [carried]
        return self._covered(parts)

    def _blocked(self) -> Suppression | None:
        """The suppression of a line only the open block covers (None: no block)."""
        self.reason = next((why for _, why in self._block if why), None)
        return self._in_block

    def _covered(self, parts: Sequence[Part]) -> Suppression | None:
        """The suppression of the line just fed, its reason kept in `reason`."""
        self.reason = next((why for _, why in parts if why), None)
        return _suppression(parts)
