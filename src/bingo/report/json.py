"""`--format json`: the whole run as one versioned JSON document (see README, "JSON output")."""

from __future__ import annotations

import json
from typing import TextIO

from bingo.models import RunResult
from bingo.report import Options


def render(run: RunResult, out: TextIO, options: Options) -> None:
    """Write the run as compact JSON (the C encoder: indenting is 5x slower on big runs) and a newline."""
    out.write(json.dumps(run.to_dict(), ensure_ascii=False, separators=(",", ":")))
    out.write("\n")
