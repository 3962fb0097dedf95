"""The error types that cross module boundaries; the CLI turns each into a one-line message and exit 2."""

from __future__ import annotations


class BingoError(Exception):
    """An error caused by the user's input or options, never by a bug."""


class InputError(BingoError):
    """An input file could not be read as text."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LocatedError(BingoError):
    """One or more problems in a data file, each as `FILE:LINE: message`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class LexiconError(LocatedError):
    """Problems in lexicon files."""


class ConfigError(LocatedError):
    """Problems in a configuration file (`.bingo.yaml` or `[tool.bingo]` in pyproject.toml)."""


def located(path: str, line: int | None, message: str) -> str:
    """Format a problem as `FILE:LINE: message` (line omitted when unknown)."""
    return f"{path}:{line}: {message}" if line else f"{path}: {message}"
