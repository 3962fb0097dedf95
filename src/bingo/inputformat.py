"""`--input-format`: read every input as one kind, whatever its suffix or first lines say.

`auto` (the default) takes the kind from the file name (.md, .html, .vtt, .srt …) and sniffs a
plain text for a transcript's first lines; any other value is the kind of every input. `text`
is plain text that is never sniffed (kind `plain`), `vtt` and `srt` are both transcripts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bingo.sources import Source

INPUT_FORMATS: tuple[str, ...] = ("auto", "text", "markdown", "mdx", "rst", "html", "vtt", "srt")
KINDS = {"text": "plain", "markdown": "markdown", "mdx": "mdx", "rst": "rst", "html": "html",
         "vtt": "transcript", "srt": "transcript"}


def forced(sources: Iterable[Source], input_format: str = "auto") -> list[Source]:
    """The sources, each read as `input_format` unless it is `auto`."""
    if input_format == "auto":
        return list(sources)
    kind = KINDS[input_format]
    return [replace(source, kind=kind) for source in sources]
