"""Maskers: turn the lines of a markup file into prose-only text of exactly the same length.

One module per markup: `markdown` (and MDX), `html`, `rst`; `base` holds what they share, the
mask characters and the in-place decoding of entities that keeps offsets into the original file.
"""

from __future__ import annotations

from bingo.markup.base import BLANK, FILL, JOIN, MASK, PlainMasker, blot
from bingo.markup.html import HtmlMasker
from bingo.markup.markdown import MarkdownMasker, MdxMasker
from bingo.markup.rst import RstMasker

MASKERS: dict[str, type[PlainMasker]] = {"text": PlainMasker, "markdown": MarkdownMasker, "mdx": MdxMasker,
                                         "html": HtmlMasker, "rst": RstMasker}
__all__ = ["BLANK", "FILL", "JOIN", "MASK", "MASKERS", "HtmlMasker", "MarkdownMasker", "MdxMasker", "PlainMasker",
           "RstMasker", "blot", "masker"]


def masker(kind: str, skip_quotes: bool = False) -> PlainMasker:
    """A fresh (stateful) masker for an input kind."""
    return MASKERS.get(kind, PlainMasker)(skip_quotes)
