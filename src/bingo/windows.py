"""Cutting a paragraph's windows around the key occurrences the prefilter found (`bingo.prefilter`).

A window reaches `margin` whitespace-separated chunks beyond its key, and is kept when one of the
key's requirements is met inside it (searched in the letter-class copy of the text, so a
requirement padded with NUL is met only by a word); overlapping windows are merged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

COVERAGE_LIMIT = 0.5
"""Windows covering more of a paragraph than this: tokenise it whole (fewer, larger docs)."""

Window = tuple[int, int]
Occurrence = tuple[int, int, int, Sequence[Any]]
"""A key found at [start, end), with its margin and requirements."""

def cut(low: str, classed: str, found: list[Occurrence]) -> list[Window] | None:
    """The merged windows around key occurrences (in text order) whose requirements are met; None: all.

    `classed` is the letter-class copy of `low` with a NUL before and after it, where the
    requirements are searched (`bingo.triggers.searched`).
    """
    spans: list[Window] = []
    present: dict[int, bool] = {}  # per requirement list: met anywhere in the paragraph
    limit, covered, reached = COVERAGE_LIMIT * len(low), 0, 0  # covered: at most the union of the windows
    for start, end, margin, needs in found:
        if needs:
            met = present.get(id(needs))
            if met is None:
                met = present[id(needs)] = _met(needs, classed)
            if not met:
                continue  # a requirement is nowhere in the paragraph: no need to cut the window
        window = _chunk_start(low, start, margin), _chunk_end(low, end, margin)
        # a window starts after a space or at the start and ends at one or at the end: NUL on both sides
        if needs and not _met(needs, classed[window[0]:window[1] + 2]):
            continue
        spans.append(window)
        if window[1] > reached:
            covered += window[1] - max(window[0], reached)
            reached = window[1]
            if covered > limit:
                return None  # jargon-dense: the whole paragraph, without looking at the rest
    if not spans:
        return []
    merged = _merged(spans)
    if sum(b - a for a, b in merged) > limit:
        return None
    return merged


def _met(needs: Sequence[Sequence[Sequence[str]]], text: str) -> bool:
    """Whether some requirement has, from each of its groups, a string that occurs in `text`."""
    simple = _SIMPLE.get(id(needs))
    if simple is None:
        # most requirement lists are alternatives of one group each: one flat tuple to try (C-speed `in`)
        single = all(len(need) == 1 for need in needs)
        simple = _SIMPLE[id(needs)] = (tuple(string for need in needs for string in need[0]) if single else (), needs)
    strings, kept = simple
    if strings:
        return any(map(text.__contains__, strings))
    return _any_met(kept, text, {})


_SIMPLE: dict[int, tuple[tuple[str, ...], Sequence[Sequence[Sequence[str]]]]] = {}
"""Requirement lists by identity, each flattened when first met (the list is kept: its id stays its own)."""


def _any_met(needs: Sequence[Sequence[Sequence[str]]], text: str, seen: dict[str, bool]) -> bool:
    """Whether some requirement has, from each of its groups, a string that occurs in `text`.

    `seen` remembers strings already looked up in this `text`.
    """
    for need in needs:
        for group in need:
            for string in group:
                found = seen.get(string)
                if found is None:
                    found = seen[string] = string in text
                if found:
                    break
            else:
                break  # no string of this group occurs: this requirement fails
        else:
            return True
    return False


def _chunk_start(text: str, position: int, chunks: int) -> int:
    """Where the chunk `chunks` chunks before the one at `position` starts (chunks split at spaces)."""
    for _ in range(chunks + 1):
        cut = text.rfind(" ", 0, position)
        if cut < 0:
            return 0
        position = cut
    return position + 1


def _chunk_end(text: str, position: int, chunks: int) -> int:
    """Where the chunk `chunks` chunks after the one ending at or after `position` ends."""
    for _ in range(chunks + 1):
        cut = text.find(" ", position)
        if cut < 0:
            return len(text)
        position = cut + 1
    return position - 1


def _merged(spans: list[Window]) -> list[Window]:
    """Overlapping or touching windows joined, in text order."""
    spans.sort()
    out = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = out[-1]
        if start <= last_end + 1:
            out[-1] = (last_start, max(last_end, end))
        else:
            out.append((start, end))
    return out
