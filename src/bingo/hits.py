"""`Hit`, one finding, and `Hits`: a file's hits as one compact, immutable sequence.

A jargon-dense 50 MB file has about a million hits. As `Hit` objects they took ~330 bytes each
(an object, a string and six integer objects), several times the memory of the scan itself. Here
each hit is four 32-bit integers (entry, text, line, column) and a 64-bit start offset, ~24
bytes, plus tables of the distinct entries and matched texts. The end of a hit follows from its
text (end = start + its length; the end line and column from the line breaks in it); the rare
hit whose end does not (one built by hand) keeps its end in a side table. `Hit` objects are made
on access. Measured on 42,000 hits of jargon-dense German: 233 bytes per `Hit` object, 25
here; the 50 MB benchmark file (~700,000 hits) would need ~150 MiB more as objects, more than its
whole peak RSS today (and the memory target, 1.3x the 1 MB file, would fail).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, NamedTuple, overload

from bingo.hit import CUE_FIELDS, HIT_FIELDS, NO_CUE, Cue, Ends, Hit, Shape

__all__ = ["CUE_FIELDS", "HIT_FIELDS", "Cue", "Hit", "HitEntry", "Hits", "HitsBuilder", "as_hits"]

_COLS = 4  # entry, text, line, column (32-bit) per hit; the start offset is in a 64-bit array




class HitEntry(NamedTuple):
    """What a hit shares with every other hit of its entry."""

    id: str
    term: str
    category: str
    weight: float
    level: str


class Hits(Sequence[Hit]):
    """An immutable sequence of `Hit`s in text order, stored compactly (see the module docstring)."""

    __slots__ = ("_cols", "_cues", "_entries", "_odd", "_shapes", "_starts", "_texts")

    def __init__(self, hits: Iterable[Hit] = ()) -> None:
        builder = HitsBuilder()
        cues: dict[int, Cue] = {}
        for hit in hits:
            if hit.time is not None or hit.end_time is not None or hit.speaker is not None:
                cues[len(builder._starts)] = (hit.time, hit.end_time, hit.speaker)
            builder.add(HitEntry(hit.id, hit.term, hit.category, hit.weight, hit.level), hit.text, hit.line, hit.column,
                        hit.end_line, hit.end_column, hit.start, hit.end)
        self._adopt(builder)
        self._cues = cues

    def _adopt(self, builder: HitsBuilder) -> None:
        """Take over the tables and arrays of a builder (no copy)."""
        self._entries, self._texts, self._shapes = builder._entries, builder._texts, builder._shapes
        self._cols, self._starts, self._odd = builder._cols, builder._starts, builder._odd
        self._cues = {}  # hit index -> its transcript cue's fields (sparse: only transcripts have them)

    def with_cues(self, cue_at: Callable[[int], Cue | None]) -> Hits:
        """A copy whose hits carry the cue fields `cue_at` gives for their start offset (None: no cue)."""
        hits = Hits.__new__(Hits)
        hits._entries, hits._texts, hits._shapes = self._entries, self._texts, self._shapes
        hits._cols, hits._starts, hits._odd = self._cols, self._starts, self._odd
        hits._cues = {i: cue for i, start in enumerate(self._starts) if (cue := cue_at(start)) is not None}
        return hits

    def __reduce__(self) -> tuple[Any, ...]:
        # the tables as plain tuples and the arrays as bytes: about half the default pickle's load time
        kinds = tuple(tuple(kind) for kind in self._entries)
        return _restore, (kinds, tuple(self._texts), self._cols.tobytes(), self._starts.tobytes(), self._odd,
                          self._cues)

    def __len__(self) -> int:
        return len(self._starts)

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

    def entries(self) -> Iterator[HitEntry]:
        """The entry side (id, term, category, weight, level) of every hit, without making `Hit`s."""
        entries, cols = self._entries, self._cols
        return (entries[cols[i]] for i in range(0, len(cols), _COLS))

    def weighted(self) -> float:
        """The hits' total weight as the score counts it: the n-th hit of an entry adds 1/n of its weight."""
        seen: dict[str, int] = {}
        total = 0.0
        for kind in self.entries():
            seen[kind.id] = seen.get(kind.id, 0) + 1
            total += kind.weight / seen[kind.id]
        return total

    @property
    def entry_table(self) -> Sequence[HitEntry]:
        """The distinct entries hit, indexed by `packed()` rows."""
        return tuple(self._entries)

    @property
    def text_table(self) -> Sequence[str]:
        """The distinct matched texts, indexed by `packed()` rows."""
        return tuple(self._texts)

    def packed(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, ...]]:
        """Hits [start:stop] as (entry index, text index, line, column, end_line, end_column, start, end)."""
        cols, starts, shapes, odd = self._cols, self._starts, self._shapes, self._odd
        for i in range(*slice(start, stop).indices(len(self))):
            c = i * _COLS
            kind, text, line, column, begin = cols[c], cols[c + 1], cols[c + 2], cols[c + 3], starts[i]
            if odd and i in odd:
                yield (kind, text, line, column, *odd[i][:2], begin, odd[i][2])
                continue
            length, breaks, tail = shapes[text]  # Shape.ends, inlined: this runs for every hit rendered
            if breaks:
                yield kind, text, line, column, line + breaks, tail, begin, begin + length
            else:
                yield kind, text, line, column, line, column + length, begin, begin + length

    def values(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[Any, ...]]:
        """The field values (in `HIT_FIELDS` order) of the hits [start:stop], without making `Hit`s."""
        cues = self._cues
        first = slice(start, stop).indices(len(self))[0]
        for i, row in enumerate(self._located(start, stop), first):
            yield (*row, *cues.get(i, NO_CUE))

    def _located(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[Any, ...]]:
        """The values of the hits [start:stop] up to `end`: every field but the cue's."""
        kinds, texts = self._entries, self._texts
        for k, t, line, column, end_line, end_column, begin, end in self.packed(start, stop):
            kind = kinds[k]
            yield (kind.id, kind.term, texts[t], kind.category, kind.weight, kind.level,
                   line, column, end_line, end_column, begin, end)

    def records(self, start: int = 0, stop: int | None = None) -> list[dict[str, Any]]:
        """`Hit.to_dict()` of the hits [start:stop], made straight from the arrays."""
        if not self._cues:  # the common case, a text that is no transcript: no cue fields to leave out
            return [dict(zip(_LOCATED, row, strict=True)) for row in self._located(start, stop)]
        return [{k: v for k, v in zip(HIT_FIELDS, row, strict=True) if k not in CUE_FIELDS or v is not None}
                for row in self.values(start, stop)]

    def _hit(self, i: int) -> Hit:
        return Hit(*next(self.values(i, i + 1)))


_LOCATED = HIT_FIELDS[:-len(CUE_FIELDS)]


def _restore(kinds: tuple[tuple[Any, ...], ...], texts: tuple[str, ...], cols: bytes, starts: bytes,
             odd: dict[int, Ends], cues: dict[int, Cue] | None = None) -> Hits:
    """Unpickle `Hits` (see `Hits.__reduce__`)."""
    builder = HitsBuilder()
    builder._entries = [HitEntry(*kind) for kind in kinds]
    builder._texts = list(texts)
    builder._shapes = [Shape.of(text) for text in texts]
    builder._cols.frombytes(cols)
    builder._starts.frombytes(starts)
    builder._odd = dict(odd)
    hits = builder.build()
    hits._cues = dict(cues or {})
    return hits


class HitsBuilder:
    """Collects hits in text order and hands them over as `Hits`."""

    def __init__(self) -> None:
        self._entries: list[HitEntry] = []
        self._entry_index: dict[str, int] = {}
        self._texts: list[str] = []
        self._shapes: list[Shape] = []
        self._text_index: dict[str, int] = {}
        self._cols = array("i")
        self._starts = array("q")
        self._odd: dict[int, Ends] = {}

    def add(self, kind: HitEntry, text: str, line: int, column: int, end_line: int, end_column: int,
            start: int, end: int) -> None:
        """Append one hit."""
        self.extend([(kind.id, text, line, column, end_line, end_column, start, end)], lambda _: kind)

    def extend(self, rows: Iterable[tuple[str, str, int, int, int, int, int, int]],
               entry_of: Callable[[str], HitEntry]) -> None:
        """Append hits given as rows (id, text, line, column, end_line, end_column, start, end).

        The per-row work is done in comprehensions (a quarter of the time of a loop).
        """
        rows = list(rows)
        for ident in dict.fromkeys(row[0] for row in rows if row[0] not in self._entry_index):
            self._entry_index[ident] = len(self._entries)
            self._entries.append(entry_of(ident))
        for text in dict.fromkeys(row[1] for row in rows if row[1] not in self._text_index):
            self._text_index[text] = len(self._texts)
            self._texts.append(text)
            self._shapes.append(Shape.of(text))
        kinds, texts, shapes, first = self._entry_index, self._text_index, self._shapes, len(self._starts)
        for n in [n for n, r in enumerate(rows) if (r[4], r[5], r[7]) != shapes[texts[r[1]]].ends(r[2], r[3], r[6])]:
            self._odd[first + n] = rows[n][4], rows[n][5], rows[n][7]
        self._cols.extend(chain.from_iterable((kinds[r[0]], texts[r[1]], r[2], r[3]) for r in rows))
        self._starts.extend(r[6] for r in rows)

    def build(self) -> Hits:
        """The hits collected (the builder must not be used afterwards)."""
        hits = Hits.__new__(Hits)
        hits._adopt(self)
        return hits


def as_hits(hits: Sequence[Hit]) -> Hits:
    """`hits` as a `Hits` sequence (unchanged when it already is one)."""
    return hits if isinstance(hits, Hits) else Hits(hits)
