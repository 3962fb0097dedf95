"""Markdown (and MDX): markdown-it finds the blocks, `bingo.markup.inline` the spans inside them.

Paragraphs, headings and table cells are prose (list continuations indented four spaces too);
fenced and indented code, front matter (YAML `---`, TOML `+++`) and link reference definitions
are masked; HTML blocks go through the HTML masker, so their text is scanned and their tags are
not. MDX adds ESM (`import`/`export`) blocks and `{…}` expressions to what is masked.

A document is parsed in chunks: each parse keeps back its last top-level block, which the lines
still to come may extend, and parses it again with them.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from typing import Any

from bingo.lines import line_starts, strip_break
from bingo.markup.base import PlainMasker, blot
from bingo.markup.html import HtmlMasker
from bingo.markup.inline import mask_inline, mask_jsx

CHUNK = 256 * 1024
"""Characters parsed at a time (at least: a block is never cut)."""
_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
_ESM = re.compile(r"(?:import|export)\b")
_PARSER: Any = None


def _parser() -> Any:
    """The CommonMark parser with GitHub's tables, made on first use (imported late: start-up time).

    Blocks only: inline tokens carry no offsets (`bingo.markup.inline` reads the spans), and
    parsing them would take two thirds of the time.
    """
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt
        _PARSER = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
    return _PARSER


class MarkdownMasker(PlainMasker):
    """Markdown: prose blocks scanned (their code spans, URLs and raw HTML masked); code and front matter masked."""

    mdx = False

    def masked(self, lines: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Each line with its masked text, a chunk of lines at a time."""
        waiting: deque[str] = deque()
        size, limit, at_start = 0, CHUNK, True
        for line in lines:
            waiting.append(line)
            size += len(line)
            if size >= limit:
                done = yield from self._flush(waiting, at_start, final=False)
                at_start = at_start and not done
                size = sum(len(w) for w in waiting)
                limit = max(CHUNK, 2 * size)  # a block longer than a chunk: parsed again less and less often
        yield from self._flush(waiting, at_start, final=True)

    def __call__(self, line: str) -> str:
        """One line on its own: its masked text."""
        return "".join(m for _, m in type(self)(self.skip_quotes).masked([line]))

    def _flush(self, waiting: deque[str], at_start: bool, final: bool) -> Generator[tuple[str, str], None, int]:
        """Give back the waiting lines before the last top-level block (all if `final`); returns how many."""
        text = "".join(waiting)
        masked, cut = self.mask(text, at_start)
        if final:
            cut = len(text)
        used = count = 0
        while waiting and used + len(waiting[0]) <= cut:
            line = waiting.popleft()
            yield line, masked[used:used + len(line)]
            used += len(line)
            count += 1
        return count

    def mask(self, text: str, at_start: bool = True) -> tuple[str, int]:
        """The masked text and the offset where its last top-level block starts."""
        if self.mdx:
            text = mask_jsx(text)  # before the blocks are parsed: a component's tag may span lines
        starts = line_starts(text)
        lines = len(starts)
        kinds = ["other"] * lines
        front = _front_matter(text, starts) if at_start else 0
        kinds[:front] = ["front"] * front
        source = "\n" * front + text[starts[front]:] if front < lines else "\n" * front
        last = esm = 0
        hidden: list[tuple[int, int]] = []  # quotes and ESM: masked whatever their blocks hold
        for token in _parser().parse(source):
            if token.map is None:
                continue
            lo, hi = token.map
            if token.type == "inline":  # one run per block: inline code does not cross from one into the next
                kinds[lo:hi] = [f"prose {lo}"] * (hi - lo)
            elif token.type in ("fence", "code_block"):
                kinds[lo:hi] = ["code"] * (hi - lo)
            elif token.type == "html_block":
                kinds[lo:hi] = ["html"] * (hi - lo)
            elif token.type == "blockquote_open" and self.skip_quotes:
                hidden.append((lo, hi))
            if token.level == 0:
                last = lo
                if self.mdx:
                    block = text[starts[lo]:_end(text, starts, hi)]
                    if esm > 0 or (token.type == "paragraph_open" and _ESM.match(block)):
                        # ESM goes on until its brackets balance (a blank line may stand inside an object)
                        esm = max(0, esm + _balance(block))
                        hidden.append((lo, hi))
        for lo, hi in hidden:
            kinds[lo:hi] = ["code"] * (hi - lo)
        return self._assemble(text, starts, kinds), starts[last] if last < lines else len(text)

    def _assemble(self, text: str, starts: list[int], kinds: list[str]) -> str:
        """Each run of lines of one kind, masked as that kind."""
        out: list[str] = []
        run = 0
        for index in range(1, len(kinds) + 1):
            if index < len(kinds) and kinds[index] == kinds[run]:
                continue
            part = text[starts[run]:_end(text, starts, index)]
            kind = kinds[run]
            if kind.startswith("prose"):
                out.append(mask_inline(part))
            elif kind == "html":
                out.append("".join(m for _, m in HtmlMasker(self.skip_quotes).masked([part])))
            elif kind == "other" and not strip_break(part).strip():
                out.append(part)
            else:
                out.append(blot(part))
            run = index
        return "".join(out)


class MdxMasker(MarkdownMasker):
    """MDX: Markdown with ESM lines, JSX components and `{…}` expressions masked."""

    mdx = True


def _end(text: str, starts: list[int], line: int) -> int:
    """The offset where line `line` starts (the end of the text past the last line)."""
    return starts[line] if line < len(starts) else len(text)


def _front_matter(text: str, starts: list[int]) -> int:
    """How many lines of front matter the text starts with (0: none, or not closed)."""
    first = strip_break(text[:_end(text, starts, 1)]).rstrip()
    closers = _FRONT_MATTER.get(first)
    if closers is None:
        return 0
    for index in range(1, len(starts)):
        if strip_break(text[starts[index]:_end(text, starts, index + 1)]).rstrip() in closers:
            return index + 1
    return 0


def _balance(text: str) -> int:
    """Opening minus closing brackets: above 0 while an ESM statement goes on."""
    return sum(text.count(c) for c in "({[") - sum(text.count(c) for c in ")}]")
