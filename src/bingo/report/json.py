"""`--format json`: the whole run as one versioned JSON document (see README, "JSON output")."""

from __future__ import annotations

import json
from typing import TextIO

from bingo.hits import Hits, Kind
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
    out.write('{"version":%d,"files":[' % JSON_VERSION)
    kinds: dict[Kind, tuple[str, str]] = {}  # shared by all files: most entries recur
    for index, result in enumerate(run.files):
        head, tail = _dumps(result.to_dict(hits=False)).split(_PLACEHOLDER, 1)
        out.write(("," if index else "") + head + '"hits":[')
        tables = _encoded_tables(result.hits, kinds)
        for start in range(0, len(result.hits), CHUNK):
            out.write(("," if start else "") + ",".join(_hit_objects(result.hits, tables, start, start + CHUNK)))
        out.write("]" + tail)
    out.write('],"summary":' + _dumps(run.summary()) + "}\n")


def _encoded_tables(hits: Hits, kinds: dict[Kind, tuple[str, str]]) -> tuple[list[str], list[str], list[str]]:
    """What the hits of one entry share, before and after the text, and each distinct text, as JSON."""
    heads, middles = [], []
    for kind in hits.kind_table:
        if kind not in kinds:
            kinds[kind] = ('{"id":%s,"term":%s,"text":' % (_dumps(kind.id), _dumps(kind.term)),
                           ',"category":%s,"weight":%s,"level":%s,"line":'
                           % (_dumps(kind.category), _dumps(kind.weight), _dumps(kind.level)))
        head, middle = kinds[kind]
        heads.append(head)
        middles.append(middle)
    return heads, middles, [_dumps(text) for text in hits.text_table]


def _hit_objects(hits: Hits, tables: tuple[list[str], list[str], list[str]], start: int, stop: int) -> list[str]:
    """The JSON objects of hits [start:stop], exactly as `_dumps(hit.to_dict())` writes them.

    Only the numbers are formatted per hit (the rest was encoded once by `_encoded_tables`):
    about three times faster than encoding a dict per hit.
    """
    heads, middles, texts = tables
    return [f'{heads[k]}{texts[t]}{middles[k]}{line},"column":{column},"end_line":{end_line},'
            f'"end_column":{end_column},"start":{begin},"end":{end}}}'
            for k, t, line, column, end_line, end_column, begin, end in hits.packed(start, stop)]
