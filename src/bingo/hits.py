"""`Hit`, one finding, and `Hits`: a file's hits as one compact, immutable sequence.

A jargon-dense 50 MB file has about 650,000 hits. As `Hit` objects they took ~330 bytes each
(an object, a string and six integer objects), several times the memory of the scan itself. Here
each hit is six 32-bit and two 64-bit integers in two arrays plus indexes into tables of the
distinct entries and matched texts: ~40 bytes. `Hit` objects are made on access.
"""

from __future__ import annotations

from array import array
from itertools import chain
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, overload

_COLS = 6  # kind, text, line, column, end_line, end_column (32-bit); then start, end (64-bit)


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence of a lexicon entry in a file, with exact offsets into the original content."""

    id: str
    term: str
    text: str
    category: str
    weight: float
    level: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of this hit."""
        return {
            "id": self.id,
            "term": self.term,
            "text": self.text,
            "category": self.category,
            "weight": self.weight,
            "level": self.level,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
        }


class Kind(NamedTuple):
    """What a hit shares with every other hit of its entry."""

    id: str
    term: str
    category: str
    weight: float
    level: str


class Hits(Sequence[Hit]):
    """An immutable sequence of `Hit`s in text order, stored compactly (see the module docstring)."""

    __slots__ = ("_kinds", "_texts", "_cols", "_offsets")

    def __init__(self, hits: Iterable[Hit] = ()) -> None:
        builder = HitsBuilder()
        for hit in hits:
            builder.add(Kind(hit.id, hit.term, hit.category, hit.weight, hit.level), hit.text, hit.line, hit.column,
                        hit.end_line, hit.end_column, hit.start, hit.end)
        self._kinds, self._texts, self._cols, self._offsets = builder.parts()

    @classmethod
    def _of(cls, kinds: list[Kind], texts: list[str], cols: array, offsets: array) -> Hits:
        """Wrap the arrays of a builder (no copy)."""
        hits = cls.__new__(cls)
        hits._kinds, hits._texts, hits._cols, hits._offsets = kinds, texts, cols, offsets
        return hits

    def __len__(self) -> int:
        return len(self._offsets) // 2

    @overload
    def __getitem__(self, index: int) -> Hit: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Hit, ...]: ...

    def __getitem__(self, index: int | slice) -> Hit | tuple[Hit, ...]:
        if isinstance(index, slice):
            return tuple(self._hit(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("hit index out of range")
        return self._hit(index)

    def __iter__(self) -> Iterator[Hit]:
        return (self._hit(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Hits | tuple | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Hits({list(self)!r})"

    def kinds(self) -> Iterator[Kind]:
        """The entry side (id, term, category, weight, level) of every hit, without making `Hit`s."""
        kinds, cols = self._kinds, self._cols
        return (kinds[cols[i]] for i in range(0, len(cols), _COLS))

    @property
    def kind_table(self) -> Sequence[Kind]:
        """The distinct entries hit, indexed by `packed()` rows."""
        return tuple(self._kinds)

    @property
    def text_table(self) -> Sequence[str]:
        """The distinct matched texts, indexed by `packed()` rows."""
        return tuple(self._texts)

    def packed(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, ...]]:
        """Hits [start:stop] as (kind index, text index, line, column, end_line, end_column, start, end)."""
        cols, offsets = self._cols, self._offsets
        for i in range(*slice(start, stop).indices(len(self))):
            c = i * _COLS
            yield (cols[c], cols[c + 1], cols[c + 2], cols[c + 3], cols[c + 4], cols[c + 5],
                   offsets[2 * i], offsets[2 * i + 1])

    def records(self, start: int = 0, stop: int | None = None) -> list[dict[str, Any]]:
        """`Hit.to_dict()` of the hits [start:stop], made straight from the arrays."""
        kinds, texts, cols, offsets = self._kinds, self._texts, self._cols, self._offsets
        out = []
        for i in range(*slice(start, stop).indices(len(self))):
            c = i * _COLS
            kind = kinds[cols[c]]
            out.append({"id": kind.id, "term": kind.term, "text": texts[cols[c + 1]], "category": kind.category,
                        "weight": kind.weight, "level": kind.level, "line": cols[c + 2], "column": cols[c + 3],
                        "end_line": cols[c + 4], "end_column": cols[c + 5], "start": offsets[2 * i],
                        "end": offsets[2 * i + 1]})
        return out

    def _hit(self, i: int) -> Hit:
        c = i * _COLS
        cols = self._cols
        kind = self._kinds[cols[c]]
        return Hit(kind.id, kind.term, self._texts[cols[c + 1]], kind.category, kind.weight, kind.level,
                   cols[c + 2], cols[c + 3], cols[c + 4], cols[c + 5], self._offsets[2 * i], self._offsets[2 * i + 1])


class HitsBuilder:
    """Collects hits in text order and hands them over as `Hits`."""

    def __init__(self) -> None:
        self._kinds: list[Kind] = []
        self._kind_index: dict[str, int] = {}
        self._texts: list[str] = []
        self._text_index: dict[str, int] = {}
        self._cols = array("i")
        self._offsets = array("q")

    def add(self, kind: Kind, text: str, line: int, column: int, end_line: int, end_column: int,
            start: int, end: int) -> None:
        """Append one hit."""
        k = self._kind_index.get(kind.id)
        if k is None:
            k = self._kind_index[kind.id] = len(self._kinds)
            self._kinds.append(kind)
        t = self._text_index.get(text)
        if t is None:
            t = self._text_index[text] = len(self._texts)
            self._texts.append(text)
        self._cols.extend((k, t, line, column, end_line, end_column))
        self._offsets.extend((start, end))

    def extend(self, rows: Iterable[tuple[str, str, int, int, int, int, int, int]], kind_of: Callable[[str], Kind]) -> None:
        """Append hits given as rows (id, text, line, column, end_line, end_column, start, end).

        The same as `add` per row, with the per-row work in comprehensions (a quarter of the time).
        """
        rows = list(rows)
        for ident in {row[0] for row in rows}.difference(self._kind_index):
            self._kind_index[ident] = len(self._kinds)
            self._kinds.append(kind_of(ident))
        for text in dict.fromkeys(row[1] for row in rows if row[1] not in self._text_index):
            self._text_index[text] = len(self._texts)
            self._texts.append(text)
        kinds, texts = self._kind_index, self._text_index
        self._cols.extend(chain.from_iterable((kinds[r[0]], texts[r[1]], r[2], r[3], r[4], r[5]) for r in rows))
        self._offsets.extend(chain.from_iterable((r[6], r[7]) for r in rows))

    def parts(self) -> tuple[list[Kind], list[str], array, array]:
        """The tables and arrays collected so far."""
        return self._kinds, self._texts, self._cols, self._offsets

    def build(self) -> Hits:
        """The hits collected (the builder must not be used afterwards)."""
        return Hits._of(*self.parts())


def as_hits(hits: Sequence[Hit]) -> Hits:
    """`hits` as a `Hits` sequence (unchanged when it already is one)."""
    return hits if isinstance(hits, Hits) else Hits(hits)
