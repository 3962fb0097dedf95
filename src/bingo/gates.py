"""Decide the exit status of a run from its results and the thresholds the user set."""

from __future__ import annotations

from dataclasses import dataclass

from bingo.models import RunResult

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


@dataclass(frozen=True)
class Gates:
    """Thresholds; a file over any of them fails the run."""

    max_score: int | None = None

    def failures(self, run: RunResult) -> list[str]:
        """One line per file and threshold it exceeds."""
        out = []
        for result in run.scanned:
            if self.max_score is not None and result.score > self.max_score:
                out.append(f"{result.path}: score {result.score} is above --max-score {self.max_score}")
        return out


def exit_code(run: RunResult, failures: list[str]) -> int:
    """2 when any input could not be read, else 1 when a gate failed, else 0."""
    if run.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failures else EXIT_OK
