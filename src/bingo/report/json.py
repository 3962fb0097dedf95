"""`--format json`: the whole run as one versioned JSON document (see README, "JSON output")."""

from __future__ import annotations

import json
from typing import TextIO

from bingo.models import RunResult
from bingo.report import Options


def render(run: RunResult, out: TextIO, options: Options) -> None:
    """Write the run as indented JSON with a trailing newline."""
    json.dump(run.to_dict(), out, ensure_ascii=False, indent=2)
    out.write("\n")
