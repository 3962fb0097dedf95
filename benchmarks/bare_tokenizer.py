"""The throughput baseline: bingo's tokenizer alone over a file's paragraphs, in a process of its own.

    python benchmarks/bare_tokenizer.py LANG FILE

A blank spaCy pipeline with the project's tokenizer configuration (`bingo.nlp.blank`, then the
compiled lexicon's compound stems and norms, loaded from the cache exactly as a scan loads
them) tokenises each blank-line separated paragraph once (`nlp.make_doc`). Nothing
else is done, so `run.py` can time the whole process like a `bingo scan` and subtract the same
process's start-up (a one-line file).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from bingo import nlp
from bingo.compiler import load_or_compile
from bingo.lexicon import load_lexicon

_BLANK_LINES = re.compile(r"\n(?:[ \t\f\v\r]*\n)+")  # a paragraph ends where bingo's does: at a blank line


def main(argv: Sequence[str]) -> int:
    """Tokenise FILE's paragraphs; print the number of paragraphs."""
    if len(argv) != 2:
        print("usage: bare_tokenizer.py LANG FILE", file=sys.stderr)
        return 2
    lang, path = argv
    pipeline = nlp.blank(lang)
    load_or_compile(load_lexicon(), lang, pipeline, None, True)
    text = Path(path).read_text(encoding="utf-8")
    paragraphs = [p for p in _BLANK_LINES.split(text) if p.strip()]
    make_doc = pipeline.make_doc
    for paragraph in paragraphs:
        make_doc(paragraph)
    print(len(paragraphs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
