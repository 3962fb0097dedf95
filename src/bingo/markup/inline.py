"""Markdown's inline syntax over the source text of a paragraph, masked or decoded in place.

markdown-it's inline tokens carry no offsets, so the constructs whose text is not prose are found
here with CommonMark's own definitions (code spans, autolinks, raw HTML, entities, backslash
escapes), leftmost first as the spec reads them; link targets, bare URLs and the template tags of
static site generators (Hugo shortcodes, Liquid) are masked too.
"""

from __future__ import annotations

import html
import re

from bingo.markup.base import FILL, MASK, blot, in_place, vanish
from bingo.markup.html import INLINE

_ATTRIBUTE = r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_INLINE = re.compile("|".join([
    r"(?P<escape>\\[!-/:-@\[-`{-~])",
    r"(?P<code>(?<!`)(`+)(?!`).+?(?<!`)(?P=code_ticks)(?!`))".replace("(`+)", "(?P<code_ticks>`+)"),
    r"(?P<autolink><[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)*>)",
    r"(?P<hidden><!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>)",
    r"(?P<template>\{\{.*?\}\}|\{%.*?%\})",  # Hugo shortcodes, Jekyll's Liquid: {{< figure … >}}, {% include … %}
    rf"(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9.-]*)(?:{_ATTRIBUTE})*\s*/?>)",
    r"(?P<entity>&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});)",
    r"(?P<target>(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)|(?<=\]):\s*\S+|(?<=\])\[[^\]]*\])",
    r"(?P<url><?\b(?:https?://|www\.|mailto:)[^\s<>)\]]*>?)",
]), re.DOTALL)
_BRACE = re.compile(r"[{}]|(?:\r\n|\r|\n)[ \t]*(?=\r\n|\r|\n)")
# A JSX component's tag (capitalised; `<>` fragments too); attribute values may be masked expressions.
_JSX_ATTRIBUTE = rf"""\s+[A-Za-z_:{MASK}][\w.:{MASK}-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_JSX = re.compile(rf"</?(?:[A-Z][\w.:-]*(?:{_JSX_ATTRIBUTE})*\s*/?)?>")


def mask_inline(text: str) -> str:
    """The text of a paragraph (or heading, or table row) with its non-prose inline parts masked."""
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


def mask_jsx(text: str) -> str:
    """MDX: `{…}` JavaScript expressions and JSX component tags (`<Tabs items={…}>`, over lines too) masked."""
    if "{" in text:
        text = _expressions(text)
    if "<" in text:
        text = _JSX.sub(lambda m: blot(m.group(0)), text)
    return text


def _expressions(text: str) -> str:
    """Balanced `{…}` masked; an expression does not run over a blank line (an unbalanced brace is text)."""
    out: list[str] = []
    depth = start = last = 0
    for match in _BRACE.finditer(text):
        char = match.group(0)
        if char == "{":
            if depth == 0:
                start = match.start()
            depth += 1
        elif char == "}":
            if depth:
                depth -= 1
                if depth == 0:
                    out.append(text[last:start])
                    out.append(blot(text[start:match.end()]))
                    last = match.end()
        else:
            depth = 0
    out.append(text[last:])
    return "".join(out)
