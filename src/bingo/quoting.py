"""Quote a user's value in an error message: `repr`, but bounded in the time, memory and width it takes."""

from __future__ import annotations

import reprlib
from typing import Any

LIMIT = 60  # characters of a quoted value; the rest is cut and marked with "…"

# reprlib stops at a few items per level and a few levels, so even a value built from YAML aliases
# (a billion strings sharing a few nodes) is quoted in microseconds rather than minutes and gigabytes
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxtuple, _REPR.maxdict, _REPR.maxset = 3, 6, 6, 4, 6
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = LIMIT + 2


def shown(value: Any) -> str:
    """`repr(value)` cut to LIMIT characters plus "…" when longer."""
    return clipped(_REPR.repr(value))


def clipped(text: str, limit: int = LIMIT) -> str:
    """`text` cut to `limit` characters plus "…" when longer (for lists of a user's names)."""
    return text if len(text) <= limit else text[:limit] + "…"
