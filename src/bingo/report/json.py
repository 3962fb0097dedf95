"""`--format json`: the whole run as one versioned JSON document (see README, "JSON output")."""

from __future__ import annotations

import json
from typing import TextIO

from bingo.models import JSON_VERSION, RunResult
from bingo.report import Options

CHUNK = 2000
_PLACEHOLDER = '"hits":[]'


def _dumps(data: object) -> str:
    """Compact JSON with the C encoder (indenting falls back to the slow pure-Python one)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def render(run: RunResult, out: TextIO, options: Options) -> None:
    """Write the run as one compact JSON document and a newline, the same as `run.to_dict()`.

    Hits are written in chunks rather than built into one dict first: a 50 MB file can have a
    million hits, and the whole dict would cost several times the memory of the hits themselves.
    """
    out.write(f'{{"version":{JSON_VERSION},"files":[')
    for index, result in enumerate(run.files):
        head, tail = _dumps(result.to_dict(hits=False)).split(_PLACEHOLDER, 1)
        out.write(("," if index else "") + head + '"hits":[')
        for start in range(0, len(result.hits), CHUNK):
            out.write(("," if start else "") + _dumps(result.hits.records(start, start + CHUNK))[1:-1])
        out.write("]" + tail)
    out.write('],"summary":' + _dumps(run.summary()) + "}\n")
