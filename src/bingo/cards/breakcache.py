"""Where the words of a scan report's house card may break, remembered in the cache directory.

Finding the breaks needs pyphen's hyphenation dictionary and the lexicon's compound stems
(`wrap.breaks`, `wrap.known_stems`): loading the German dictionary alone took 1.85 s, more than
the rest of a warm `bingo scan` beyond importing spaCy, and a German house card has words that
must break at 80-100 columns (Kundenzentrierung). The breaks of those few words are kept as a
small JSON document, keyed by the words, the shipped lexicon, pyphen's version and this code, so
a scan after the first reads them back in a millisecond.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from bingo import cache
from bingo.cards.wrap import Break, breaks, known_stems

KIND = "breaks"  # the cache documents' kind (cache.NAME: breaks-<32 hex>.json)


def _pyphen_version() -> str:
    try:
        return version("pyphen")
    except PackageNotFoundError:  # pragma: no cover - pyphen is a dependency
        return "?"


def _name(words: list[str], lang: str) -> str:
    """The cache document for these words: a change to any input of `wrap.breaks` names another one."""
    from bingo.lexicon import builtin_files

    digest = hashlib.sha256(json.dumps([lang, words, _pyphen_version()]).encode())
    for path in builtin_files():  # the stems come from the shipped lexicon
        digest.update(path.read_bytes())
    digest.update(cache.code_digest("bingo.cards.wrap", "bingo.cards.breakcache").encode())
    return f"{KIND}-{digest.hexdigest()[:32]}.json"


def _valid(data: Any, words: list[str]) -> dict[str, tuple[Break, ...]] | None:
    """The cached breaks when they are exactly what was stored for `words` (else None: compute them)."""
    if not isinstance(data, dict) or sorted(data) != words:
        return None
    out: dict[str, tuple[Break, ...]] = {}
    for word, rows in data.items():
        if not isinstance(rows, list):
            return None
        found: list[Break] = []
        for row in rows:
            if not (isinstance(row, list) and len(row) == 3 and type(row[0]) is int and 0 < row[0] < len(word)
                    and type(row[1]) is bool and row[2] in (0, 1, 2)):
                return None
            found.append(Break(row[0], row[1], row[2]))
        out[word] = tuple(found)
    return out


def word_breaks(words: Iterable[str], lang: str) -> Callable[[str], tuple[Break, ...]]:
    """`wrap.breaks` for `words` (with the lexicon's stems), from the cache when it holds them."""
    wanted = sorted(set(words))
    if not wanted:
        return lambda word: breaks(word, lang, known_stems(lang))
    name = _name(wanted, lang)
    table = _valid(cache.read(name), wanted)
    if table is None:
        stems = known_stems(lang)
        table = {word: breaks(word, lang, stems) for word in wanted}
        cache.write(name, {word: [[b.at, b.hyphen, b.rank] for b in found] for word, found in table.items()})
    known = table
    return lambda word: known[word] if word in known else breaks(word, lang, known_stems(lang))
