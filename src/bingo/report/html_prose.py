"""How the HTML report shows a passage: the prose a reader sees, not the markup of its source.

A CX lead reading the report should see "Wir heben Synergien", not `<p>Wir heben <b>Synergien</b>`
or `**Synergien**`. `shown` gives a passage's display characters at the same offsets as its text,
so that every hit is still marked at its exact span: what the masker hid (`bingo.markup`: MASK for
tags, URLs and code, JOIN for inline tags, FILL for the rest of a decoded entity) is HIDDEN, the
whitespace where tags were collapses to one space (to a line break where an HTML block ended or a
list item, quote or heading starts), and the marks of Markdown and reStructuredText themselves
(`**`, `_`, `~~`, `#`, `>`, a link's `[…]`, a heading's underline) are hidden too. `prose` turns a
slice of it into HTML. A plain text keeps its characters, only its wrapping is the page's.
"""

from __future__ import annotations

import re
from html import escape

from bingo.markup.base import MASK
from bingo.models import Passage
from bingo.normalise import FILL, JOIN

HIDDEN = JOIN
"""A display character that shows nothing."""
LIGHT_MARKUP = frozenset({"markdown", "mdx", "rst"})
"""Input kinds whose own marks (emphasis, headings, quotes, link brackets) are left in the masked text."""

_GAP = frozenset(" \t\r\n\f\v" + MASK + HIDDEN)
# a line break the reader should see: before a list item, a quote or a heading, or a blank line; the
# others are the source's wrapping, which the browser re-wraps to the page's width
_KEPT_BREAK = re.compile(r"[ \t]*(?:[-*+•>#|]|\d+[.)])[ \t]|[ \t]*\n")
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}»")
_NO_SPACE_AFTER = frozenset("([{„«")
_NOT_ESCAPED = rf"(?!{FILL})"  # a mark followed by FILL is an escaped character (`\*`): text, not markup
_EMPHASIS = (
    re.compile(rf"(\*{{1,3}}){_NOT_ESCAPED}(?=[^\s*])(.+?)(?<=[^\s*{FILL}])\1{_NOT_ESCAPED}(?!\*)", re.DOTALL),
    re.compile(rf"(?<![\w_])(_{{1,3}}){_NOT_ESCAPED}(?=[^\s_])(.+?)(?<=[^\s_{FILL}])\1(?![\w_])", re.DOTALL),
    re.compile(rf"(~~){_NOT_ESCAPED}(?=\S)(.+?)(?<=[^\s{FILL}])~~", re.DOTALL),
)
_LINE_MARKS = re.compile(r"^[ \t]*(?:(?:>[ \t]?)+|#{1,6}(?=[ \t]|$))", re.MULTILINE)  # quotes, heading marks
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
_BULLET = re.compile(r"^[ \t]*([-*+])[ \t]", re.MULTILINE)
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+:.])\1{2,}[ \t]*$", re.MULTILINE)  # reStructuredText heading
_LINK = re.compile(rf"(!?\[)[^\]\n]*(\])(?=[ \t]*{MASK})")  # a link's text before its masked target


def shown(passage: Passage, kind: str) -> str:
    """The passage's display characters, one per character of its text (HIDDEN: shows nothing)."""
    base = passage.text if passage.scan is None else passage.scan
    chars = list(base)
    if kind in LIGHT_MARKUP:
        _hide_light_markup(base, chars)
    for i, char in enumerate(chars):
        if char in (FILL, JOIN):
            chars[i] = HIDDEN
    _collapse_gaps(base, chars, blocks=kind == "html")
    return "".join(chars)


def _hide_light_markup(base: str, chars: list[str]) -> None:
    """Hide the marks of Markdown and reStructuredText; a list's bullet becomes "•"."""
    def hide(start: int, end: int) -> None:
        chars[start:end] = HIDDEN * (end - start)

    for pattern in _EMPHASIS:
        for match in pattern.finditer(base):
            hide(*match.span(1))
            hide(match.end() - len(match.group(1)), match.end())
    for pattern in (_LINE_MARKS, _CLOSING_HASHES, _UNDERLINE):
        for match in pattern.finditer(base):
            hide(*match.span())
    for match in _LINK.finditer(base):
        hide(*match.span(1))
        hide(*match.span(2))
    for match in _BULLET.finditer(base):
        chars[match.start(1)] = "•"


def _collapse_gaps(base: str, chars: list[str], blocks: bool) -> None:
    """Each run of whitespace and hidden markup shows as one space, a line break, or nothing.

    Nothing at the passage's ends, inside a word (an inline tag) and beside punctuation where only
    markup stood (a link target before a full stop); a line break where `_KEPT_BREAK` says, and in
    HTML (`blocks`) wherever a tag that is no inline tag stood.
    """
    i, size = 0, len(chars)
    while i < size:
        if chars[i] not in _GAP:
            i += 1
            continue
        end = i
        while end < size and chars[end] in _GAP:
            end += 1
        run = chars[i:end]
        masked = MASK in run
        if any(c != HIDDEN for c in run):
            after = chars[end] if end < size else ""
            before = chars[i - 1] if i else ""
            if not before or not after or (masked and (after in _NO_SPACE_BEFORE or before in _NO_SPACE_AFTER)):
                shown_as = ""
            elif (blocks and masked) or any(base[n] == "\n" and _KEPT_BREAK.match(base, n + 1)
                                            for n in range(i, end)):
                shown_as = "\n"
            else:
                shown_as = " "
            chars[i:end] = [shown_as or HIDDEN, *HIDDEN * (end - i - 1)]
        i = end


def prose(piece: str) -> str:
    """A slice of `shown` as HTML: hidden characters left out, line breaks as `<br>`."""
    return escape(piece.replace(HIDDEN, "")).replace("\n", "<br>")
