"""HTML: the stdlib tokenizer (`html.parser`) finds the markup; text and visible attributes stay.

Inline tags vanish (`<b>` must not split a phrase, nor a word) and block tags become mask
characters; scripts, styles, code, comments and declarations are masked; character
references are decoded in place (`bingo.markup.base.decode`). Positions come from the parser's
`getpos()`, which counts lines at `\\n` only; the masker counts them the same way.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

from bingo.markup.base import PlainMasker, blot, decode, vanish

# Attributes a reader sees (meta content: the page description search engines show).
_VISIBLE_ATTRS = re.compile(r"""\s(alt|title|aria-label|placeholder|content)\s*=\s*("[^"]*"|'[^']*')""",
                            re.IGNORECASE)
_RAW = {"script", "style", "code", "pre", "kbd", "samp", "noscript", "template", "svg", "math"}
_QUOTES = {"blockquote", "q"}
FEED = 16 * 1024
"""Characters given to the parser at a time: it reads an unfinished tag or script again with each piece."""
# Tags inside a line of text: vanishing, they keep `Customer <b>Experience</b>` one phrase.
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "mark",
          "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "wbr"}


class _Tokens(HTMLParser):
    """The tokenizer's events as (line, column, kind, tag, length); length -1: up to the next event."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # references as events of their own, data as written
        self.events: list[tuple[int, int, str, str, int]] = []

    def _add(self, kind: str, tag: str = "", length: int = -1) -> None:
        line, column = self.getpos()
        self.events.append((line, column, kind, tag, length))

    def close(self) -> None:
        """End the input; what is left unclosed (a tag, a comment, a script) runs to the end, as browsers read it.

        (The stdlib parser would retry each `<` of it as text: slow, quadratic in its length.)
        """
        if self.rawdata:
            self._add("markup")
            self.rawdata = ""
        super().close()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._add("start", tag, len(self.get_starttag_text() or ""))

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self._add("empty", tag, len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data", length=len(data))

    def handle_entityref(self, name: str) -> None:
        self._add("ref")

    def handle_charref(self, name: str) -> None:
        self._add("ref")

    def handle_comment(self, data: str) -> None:
        self._add("markup")

    def handle_decl(self, decl: str) -> None:
        self._add("markup")

    def handle_pi(self, data: str) -> None:
        self._add("markup")

    def unknown_decl(self, data: str) -> None:
        self._add("markup")


class HtmlMasker(PlainMasker):
    """HTML: keep text and visible attributes (alt, title, meta content); mask everything else."""

    def __init__(self, skip_quotes: bool = False) -> None:
        super().__init__(skip_quotes)
        self._parser = _Tokens()
        self._src = ""  # the text from `_base` on, not yet given back
        self._base = 0
        self._out: list[str] = []  # the masked text from `_base` to `_done`
        self._done = 0
        self._fed = 0
        self._line_starts = [0]  # offsets of the lines from `_first_line` on (counted at \n)
        self._first_line = 1
        self._event: tuple[int, str, str, int] | None = None  # the last event: its end comes with the next
        self._raw: str | None = None
        self._quote_depth = 0

    def masked(self, lines: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Each line with its masked text, once the tokenizer has read past it."""
        waiting: deque[str] = deque()
        batch: list[str] = []
        size = 0
        for line in lines:
            waiting.append(line)
            batch.append(line)
            size += len(line)
            if size >= FEED:
                self._feed("".join(batch))
                batch, size = [], 0
                yield from self._ready(waiting)
        self._feed("".join(batch))
        self._parser.close()
        self._take_events()
        self._classify(self._fed)
        yield from self._ready(waiting)

    def __call__(self, line: str) -> str:
        """One line on its own (markup does not span it): its masked text."""
        return "".join(m for _, m in HtmlMasker(self.skip_quotes).masked([line]))

    def _feed(self, text: str) -> None:
        start = self._fed
        self._src += text
        self._fed += len(text)
        pos = text.find("\n")
        while pos != -1:
            self._line_starts.append(start + pos + 1)
            pos = text.find("\n", pos + 1)
        self._parser.feed(text)
        self._take_events()

    def _ready(self, waiting: deque[str]) -> Iterator[tuple[str, str]]:
        """The waiting lines that are masked to their end, taken off the front of `waiting`."""
        if not waiting or self._base + len(waiting[0]) > self._done:
            return
        masked = "".join(self._out)
        used = 0
        while waiting and self._base + used + len(waiting[0]) <= self._done:
            line = waiting.popleft()
            yield line, masked[used:used + len(line)]
            used += len(line)
        self._out = [masked[used:]]
        self._src = self._src[used:]
        self._base += used

    def _take_events(self) -> None:
        events = self._parser.events
        if not events:
            return
        for line, column, kind, tag, length in events:
            offset = self._line_starts[line - self._first_line] + column
            self._classify(offset)
            self._event = (offset, kind, tag, length)
        events.clear()
        keep = line - self._first_line  # lines before the last event's are not asked for again
        if keep > 1024:
            del self._line_starts[:keep]
            self._first_line = line

    def _classify(self, until: int) -> None:
        """Mask the text of the last event, which ends where the next event starts (`until`)."""
        if self._event is None:
            if until > self._done:  # text before the first event (none: the parser reports all)
                self._out.append(blot(self._text(self._done, until)))
                self._done = until
            return
        start, kind, tag, length = self._event
        self._event = None
        end = until if length < 0 else min(start + length, until)
        text = self._text(start, end)
        self._out.append(self._masked(kind, tag, text))
        if end < until:  # what the tokenizer passed over (an incomplete reference at the end)
            self._out.append(blot(self._text(end, until)))
        self._done = until

    def _text(self, start: int, end: int) -> str:
        return self._src[start - self._base:end - self._base]

    def _hidden(self) -> bool:
        return self._raw is not None or (self.skip_quotes and self._quote_depth > 0)

    def _masked(self, kind: str, tag: str, text: str) -> str:
        if kind == "data":
            return blot(text) if self._hidden() else text
        if kind == "ref":
            return blot(text) if self._hidden() else decode(text)
        if kind not in ("start", "end", "empty"):
            return blot(text)
        if self._raw is not None:
            if kind == "end" and tag == self._raw:
                self._raw = None
            return blot(text)
        if kind == "start" and tag in _RAW:
            self._raw = tag
        if tag in _QUOTES and kind != "empty":
            self._quote_depth = max(0, self._quote_depth + (-1 if kind == "end" else 1))
        return self._tag(text, tag, kind)

    def _tag(self, text: str, tag: str, kind: str) -> str:
        """A tag vanishes (inline) or is masked (block), except the values of attributes a reader sees."""
        masked = vanish(text) if tag in INLINE else blot(text)
        if kind == "end" or self._hidden():
            return masked
        for attr in _VISIBLE_ATTRS.finditer(text):
            if attr.group(1).lower() == "content" and tag != "meta":
                continue
            start, end = attr.start(2) + 1, attr.end(2) - 1
            value = decode(text[start:end])
            # spaced off from the tag's mask, so the value's first and last words stay words
            masked = masked[:start - 1] + " " + value + " " + masked[end + 1:]
        return masked
