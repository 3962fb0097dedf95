"""`Hit`, one finding with exact offsets (and, in a transcript, its cue), and its JSON shape `HIT_FIELDS`."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, NamedTuple

from bingo.lines import line_starts

Ends = tuple[int, int, int]  # end_line, end_column, end


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
    time: str | None = None
    end_time: str | None = None
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of this hit: its fields, in order, cue fields only when known (the one definition)."""
        return {name: getattr(self, name) for name in HIT_FIELDS if name not in CUE_FIELDS or getattr(self, name)}

    def cue_fields(self) -> dict[str, str]:
        """The transcript cue fields that are known (`time`, `end_time`, `speaker`): empty for other texts."""
        return {name: value for name in CUE_FIELDS if (value := getattr(self, name)) is not None}

    def said(self) -> str:
        """When and by whom the hit was said, `00:00:04.000-00:00:07.500 Anna Schmidt` (empty when unknown)."""
        cue = self.cue_fields()
        span = "-".join(v for v in (cue.get("time"), cue.get("end_time")) if v)
        return " ".join(v for v in (span, cue.get("speaker")) if v)


HIT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Hit))
"""A hit's fields in order: the keys of its JSON object (`Hit.to_dict`, `Hits.records`)."""
CUE_FIELDS: tuple[str, ...] = ("time", "end_time", "speaker")
"""The fields a hit in a transcript has from its cue: None, and left out of JSON, for other texts."""
Cue = tuple[str | None, str | None, str | None]  # time, end_time, speaker
NO_CUE: Cue = (None, None, None)


class Shape(NamedTuple):
    """How a matched text moves a position: its length, its line breaks, the end column after one."""

    length: int
    breaks: int
    tail: int  # 1-based column just after the text's last character, when it spans lines

    @classmethod
    def of(cls, text: str) -> Shape:
        """The shape of `text` (line breaks as in `line_starts`)."""
        starts = line_starts(text)
        return cls(len(text), len(starts) - 1, len(text) - starts[-1] + 1 if len(starts) > 1 else 0)

    def ends(self, line: int, column: int, start: int) -> Ends:
        """End line, end column and end offset of a hit of this text at (line, column, start)."""
        if self.breaks:
            return line + self.breaks, self.tail, start + self.length
        return line, column + self.length, start + self.length
