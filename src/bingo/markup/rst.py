"""reStructuredText: code directives, literal blocks, inline literals and comments masked.

A line-by-line reading of the indentation rules: an explicit markup block (`.. ` at some indent)
holds every following line indented deeper, blank lines included. Code-like directives
(`code-block`, `code`, `sourcecode`, `literalinclude`, `math`, `raw`, ...), comments, targets and
substitution definitions are masked whole; other directives (`note`, `warning`, ...) keep their
content as prose and mask only their marker and options. A paragraph ending in `::` introduces
a literal block: the indented lines after it are masked.
"""

from __future__ import annotations

import re

from bingo.lines import strip_break
from bingo.markup.base import PlainMasker, blot

# Directives whose body is not prose (a figure's caption, an `only` block's content are).
_CODE_DIRECTIVES = {"code", "code-block", "sourcecode", "literalinclude", "highlight", "math", "raw", "include",
                    "image", "csv-table", "graphviz", "uml", "mermaid", "testcode", "testsetup", "doctest",
                    "testoutput", "ipython", "jupyter-execute", "automodule", "autoclass", "autofunction", "toctree"}
_EXPLICIT = re.compile(r"( *)\.\.(?=\s|$)")
_DIRECTIVE = re.compile(r"( *)\.\. +([\w:+.-]+)::")
_FOOTNOTE = re.compile(r"( *)\.\. +\[[^\]]+\]")
_OPTION = re.compile(r" *:[\w -]+:(?: |$)")
_INLINE_LITERAL = re.compile(r"``.+?``|(?<![\w`]):[\w:+.-]+:`[^`]*`(?!\w)|`[^`]*<[^`>]*>`__?")
_ROLE = re.compile(r"(?<![\w`]):[\w:+.-]+:(?=`)")
_CODE_ROLES = re.compile(r":(?:code|math|samp|file|kbd|command|program|option|envvar|ref|doc|py:\w+|\w+:\w+):$")
_URL = re.compile(r"<?\b(?:https?://|www\.|mailto:)[^\s<>`]*>?")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class RstMasker(PlainMasker):
    """reStructuredText: prose scanned; code, literals, comments and markup masked (same length)."""

    def __init__(self, skip_quotes: bool = False) -> None:
        super().__init__(skip_quotes)
        self.block: int | None = None  # the indent of the masked block's marker: deeper lines belong to it
        self.options: int | None = None  # a prose directive's indent while its option lines may follow
        self.literal: int | None = None  # a `::` paragraph's indent: a literal block may follow
        self.in_literal = False  # inside an inline literal that goes on to the next line

    def __call__(self, line: str) -> str:
        """Return the line with non-prose parts masked (same length)."""
        stripped = strip_break(line)
        if not stripped.strip():
            self.in_literal = False  # inline markup ends with its paragraph
            return line
        indent = _indent(stripped)
        if self.block is not None:
            if indent > self.block:
                return blot(line)
            self.block = None
        if self.literal is not None:
            if indent > self.literal:
                self.block, self.literal = self.literal, None
                return blot(line)
            self.literal = None
        if self.options is not None:
            if indent > self.options and _OPTION.match(stripped):
                return blot(line)
            self.options = None
        if _EXPLICIT.match(stripped):
            return self._explicit(line, stripped, indent)
        if stripped.rstrip().endswith("::"):
            self.literal = indent
        return self._inline(line)

    def _explicit(self, line: str, stripped: str, indent: int) -> str:
        """An explicit markup line: a directive, footnote, target, substitution or comment."""
        directive = _DIRECTIVE.match(stripped)
        if directive and directive.group(2).lower().split(":")[-1] not in _CODE_DIRECTIVES:
            self.options = indent
            end = directive.end()
            return blot(line[:end]) + self._inline(line[end:])  # an admonition's title is prose
        footnote = _FOOTNOTE.match(stripped)
        if footnote:
            end = footnote.end()
            return blot(line[:end]) + self._inline(line[end:])
        self.block = indent  # a code directive, a comment, a target or a substitution definition
        return blot(line)

    def _inline(self, line: str) -> str:
        """Inline literals, code roles, role markers, hyperlink targets and URLs masked."""
        if self.in_literal:
            end = line.find("``")
            if end == -1:
                return blot(line)
            self.in_literal = False
            return blot(line[:end + 2]) + self._inline(line[end + 2:])
        out: list[str] = []
        last = 0
        for match in _INLINE_LITERAL.finditer(line):
            source = match.group(0)
            out.append(self._roles(line[last:match.start()]))
            role = _ROLE.match(source)
            target = source.rfind("<")
            if role and not _CODE_ROLES.match(role.group(0)) and not source.endswith(">`"):
                out.append(blot(role.group(0)) + " " + source[role.end() + 1:-1] + " ")  # :emphasis:`prose`
            elif not role and not source.startswith("``") and target > 0:
                out.append(" " + source[1:target] + blot(source[target:]))  # `link text <target>`_
            else:
                out.append(blot(source))
            last = match.end()
        rest = line[last:]
        opening = rest.find("``")
        if opening != -1:
            self.in_literal = True
            out.append(self._roles(rest[:opening]) + blot(rest[opening:]))
        else:
            out.append(self._roles(rest))
        return "".join(out)

    def _roles(self, text: str) -> str:
        return _URL.sub(lambda m: blot(m.group(0)), text)
