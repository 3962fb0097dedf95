"""Maskers: turn one line of Markdown or HTML into prose-only text of exactly the same length.

Code, URLs, link targets, tags, scripts and styles become mask characters or spaces, so every
offset into the masked text is an offset into the original file.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bingo.lines import LINE_BREAK, split_keeping_breaks, strip_break

MASK = "\ue000"  # a private-use character: a token that never matches and breaks phrases
Masker = Callable[[str], str]


def blot(text: str) -> str:
    """Mask characters of the same length, line breaks kept and spaced off from neighbouring words."""
    return "".join(_blot_run(part) for part in split_keeping_breaks(text))


def _blot_run(part: str) -> str:
    if LINE_BREAK.fullmatch(part):
        return part
    if len(part) < 3:
        return " " * len(part)
    return " " + MASK * (len(part) - 2) + " "


def _blot_match(match: re.Match[str]) -> str:
    return blot(match.group(0))


class PlainMasker:
    """Plain text: nothing is masked."""

    continuous = False  # True: blank lines do not end a paragraph (transcripts: cues run on)

    def __init__(self, skip_quotes: bool = False) -> None:
        self.skip_quotes = skip_quotes

    def __call__(self, line: str) -> str:
        """Return the line unchanged."""
        return line


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_URL = re.compile(r"<?\b(?:https?://|www\.|mailto:)[^\s<>)\]]*>?")
_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)|(?<=\]):\s*\S+|(?<=\])\[[^\]]*\]")
_HTML_COMMENT = re.compile(r"<!--.*?-->")
_QUOTE = re.compile(r"^ {0,3}>")


class MarkdownMasker(PlainMasker):
    """Markdown: mask fenced and indented code, inline code, URLs, link targets, comments (and quotes)."""

    def __init__(self, skip_quotes: bool = False) -> None:
        super().__init__(skip_quotes)
        self.fence: str | None = None
        self.after_blank = True

    def __call__(self, line: str) -> str:
        """Return the line with non-prose parts masked (same length)."""
        stripped = strip_break(line)
        fence = _FENCE.match(stripped)
        if self.fence is not None:
            if fence and fence.group(1)[0] == self.fence[0] and len(fence.group(1)) >= len(self.fence):
                self.fence = None
            return blot(line)
        if fence:
            self.fence = fence.group(1)
            return blot(line)
        if self.after_blank and stripped.startswith(("    ", "\t")) and stripped.strip():
            return blot(line)  # an indented code block
        self.after_blank = not stripped.strip()
        if self.skip_quotes and _QUOTE.match(stripped):
            return blot(line)
        line = _HTML_COMMENT.sub(_blot_match, line)
        line = _INLINE_CODE.sub(_blot_match, line)
        line = _LINK_TARGET.sub(_blot_match, line)
        return _URL.sub(_blot_match, line)


_HTML_TOKEN = re.compile(r"<!--|-->|<[!/?]?[A-Za-z][^>]*>?|&(?:nbsp|#160|#xa0);", re.IGNORECASE)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")
_VISIBLE_ATTRS = re.compile(r"""\b(alt|title|aria-label|placeholder|content)\s*=\s*("[^"]*"|'[^']*')""", re.IGNORECASE)
_RAW = {"script", "style", "code", "pre", "noscript", "template", "svg", "math"}
_QUOTES = {"blockquote", "q"}


class HtmlMasker(PlainMasker):
    """HTML: keep text and visible attributes (alt, title, meta content); mask everything else.

    Tags become spaces (inline markup must not split a phrase), scripts, styles, code, pre and
    comments become mask characters. Tags are expected to open and close on one line, as HTML
    editors write them; a tag spanning lines is masked to its end.
    """

    def __init__(self, skip_quotes: bool = False) -> None:
        super().__init__(skip_quotes)
        self.raw: str | None = None
        self.in_comment = False
        self.in_tag = False
        self.quote_depth = 0

    def __call__(self, line: str) -> str:
        """Return the line with markup masked (same length)."""
        out: list[str] = []
        pos = 0
        for match in _HTML_TOKEN.finditer(line):
            out.append(self._text(line[pos:match.start()]))
            out.append(self._token(match.group(0)))
            pos = match.end()
        out.append(self._text(line[pos:]))
        return "".join(out)

    def _hidden(self) -> bool:
        return self.in_comment or self.in_tag or self.raw is not None or (self.skip_quotes and self.quote_depth > 0)

    def _text(self, text: str) -> str:
        if self.in_tag and ">" in text:  # the end of a tag that began on an earlier line
            end = text.index(">") + 1
            self.in_tag = False
            return blot(text[:end]) + self._text(text[end:])
        return blot(text) if self._hidden() else text

    def _token(self, token: str) -> str:
        if self.in_comment:
            self.in_comment = token != "-->"
            return blot(token)
        if token == "<!--":
            self.in_comment = True
            return blot(token)
        if token.startswith("&"):
            return blot(token) if self._hidden() else " " * len(token)
        if token == "-->":
            return token if not self._hidden() else blot(token)
        name_match = _TAG_NAME.match(token)
        name = name_match.group(1).lower() if name_match else ""
        closing = token.startswith("</")
        if self.raw is not None:
            if closing and name == self.raw:
                self.raw = None
            return blot(token)
        if not token.endswith(">"):
            self.in_tag = True
        if name in _RAW and not closing and not token.endswith("/>"):
            self.raw = name
        if name in _QUOTES:
            self.quote_depth = max(0, self.quote_depth + (-1 if closing else 1))
        return self._tag(token, name)

    def _tag(self, token: str, name: str) -> str:
        """A tag as spaces, except the values of attributes a reader sees."""
        chars = [" "] * len(token)
        if self.raw is None and not (self.skip_quotes and self.quote_depth > 0):
            for attr in _VISIBLE_ATTRS.finditer(token):
                if attr.group(1).lower() == "content" and name != "meta":
                    continue
                start, end = attr.start(2) + 1, attr.end(2) - 1
                chars[start:end] = token[start:end]
        return "".join(chars)


MASKERS: dict[str, type[PlainMasker]] = {"text": PlainMasker, "markdown": MarkdownMasker, "html": HtmlMasker}


def masker(kind: str, skip_quotes: bool = False) -> PlainMasker:
    """A fresh (stateful) masker for an input kind."""
    return MASKERS.get(kind, PlainMasker)(skip_quotes)
