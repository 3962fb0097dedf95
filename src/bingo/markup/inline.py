"""Markdown's inline syntax over the source text of a paragraph, masked or decoded in place.

markdown-it's inline tokens carry no offsets, so the constructs whose text is not prose are found
here with CommonMark's own definitions (code spans, autolinks, raw HTML, entities, backslash
escapes), leftmost first as the spec reads them; link targets and bare URLs are masked too.
"""

from __future__ import annotations

import html
import re

from bingo.markup.base import FILL, blot, in_place, vanish
from bingo.markup.html import INLINE

_ATTRIBUTE = r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_INLINE = re.compile("|".join([
    r"(?P<escape>\\[!-/:-@\[-`{-~])",
    r"(?P<code>(?<!`)(`+)(?!`).+?(?<!`)(?P=code_ticks)(?!`))".replace("(`+)", "(?P<code_ticks>`+)"),
    r"(?P<autolink><[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)*>)",
    r"(?P<hidden><!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>)",
    rf"(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9.-]*)(?:{_ATTRIBUTE})*\s*/?>)",
    r"(?P<entity>&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});)",
    r"(?P<target>(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)|(?<=\]):\s*\S+|(?<=\])\[[^\]]*\])",
    r"(?P<url><?\b(?:https?://|www\.|mailto:)[^\s<>)\]]*>?)",
]), re.DOTALL)
_EXPRESSION_OPEN = "{"


def mask_inline(text: str, mdx: bool = False) -> str:
    """The text of a paragraph (or heading, or table row) with its non-prose inline parts masked."""
    if mdx:
        text = mask_expressions(text)
    out: list[str] = []
    last = 0
    for match in _INLINE.finditer(text):
        out.append(text[last:match.start()])
        out.append(_masked(match))
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def _masked(match: re.Match[str]) -> str:
    kind, source = match.lastgroup, match.group(0)
    if kind == "escape":
        return source[1] + FILL
    if kind == "entity":
        return in_place(html.unescape(source), source)
    if kind == "tag":
        name = match.group("name").lower()
        return vanish(source) if name in INLINE else blot(source)  # a JSX component as a block
    return blot(source)


def mask_expressions(text: str) -> str:
    """MDX: `{…}` JavaScript expressions (balanced braces, over lines too) masked."""
    if _EXPRESSION_OPEN not in text:
        return text
    out: list[str] = []
    depth = 0
    start = last = 0
    for pos, char in enumerate(text):
        if char == "{":
            if depth == 0:
                start = pos
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                out.append(text[last:start])
                out.append(blot(text[start:pos + 1]))
                last = pos + 1
    out.append(text[last:])
    return "".join(out)
