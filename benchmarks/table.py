"""The results table: each figure beside a baseline measured in the same run, their ratio and its target."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

# throughput: bingo's words/s over the bare tokenizer's (open: on open-vocabulary text, where only
# the prefilter's windows are tokenised); dense: the default path's words/s over the full path's on
# the jargon-dense samples; startup and memory: bingo's over the baseline's (at most); jobs: the
# speed-up, --jobs 1 time over --jobs 2 time (at least); codespell: --jobs 2 wall time over
# codespell's on the same file (at most)
TARGETS = {"throughput": 0.6, "open": 2.0, "dense": 0.95, "startup": 1.5, "memory": 1.3, "jobs": 1.6,
           "codespell": 5.0}
AT_MOST = {"startup", "memory", "codespell"}
_FORMATS = {"w/s": ",.0f", "s": ".3f", "MiB": ".1f"}  # by unit; ratios ".2f"


@dataclass(frozen=True)
class Row:
    """One line of the table; `target` None is a figure for reference (no target)."""

    name: str
    value: float
    baseline: float
    unit: str
    target: str | None = None

    @property
    def ratio(self) -> float:
        """value/baseline, except for --jobs, where it is the speed-up baseline/value."""
        if self.target == "jobs":
            return self.baseline / self.value if self.value else float("inf")
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def goal(self) -> str:
        """The target as text, e.g. '>= 0.6', or '' for a reference figure."""
        if self.target is None:
            return ""
        return f"{'<=' if self.target in AT_MOST else '>='} {TARGETS[self.target]}"

    @property
    def ok(self) -> bool | None:
        """Whether the ratio meets the target (None without one, or when a figure could not be measured)."""
        if self.target is None or math.isnan(self.ratio):
            return None
        limit = TARGETS[self.target]
        return self.ratio <= limit if self.target in AT_MOST else self.ratio >= limit

    def as_dict(self) -> dict[str, Any]:
        """The row for the JSON output."""
        return {"metric": self.name, "value": _json(self.value), "baseline": _json(self.baseline), "unit": self.unit,
                "ratio": _json(self.ratio), "target": self.goal, "ok": self.ok}


def _json(value: float) -> float | None:
    return None if math.isnan(value) else value


def _number(value: float, unit: str) -> str:
    if math.isnan(value):  # a run no longer than its start-up: the machine was too busy to tell
        return "n/a"
    return format(value, _FORMATS.get(unit, ".2f"))


def render(sections: list[tuple[str, list[Row]]], width: int = 76) -> list[str]:
    """The table as lines: a header, then each section's title and rows."""
    header = f"{'metric':<{width}} {'value':>12} {'baseline':>12} {'ratio':>7} {'target':>8}  ok"
    lines = [header, "-" * len(header)]
    for title, rows in sections:
        lines.append(f"[{title}]")
        for row in rows:
            ok = "" if row.target is None else "n/a" if row.ok is None else "ok" if row.ok else "MISS"
            lines.append(f"{row.name:<{width}} {_number(row.value, row.unit):>12} "
                         f"{_number(row.baseline, row.unit):>12} {_number(row.ratio, ''):>7} {row.goal:>8}  {ok}")
    return lines
