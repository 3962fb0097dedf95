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

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        """Pickle with both arguments: a worker process sends this error to the parent."""
        return type(self), (self.path, self.reason)


class LocatedError(BingoError):
    """One or more problems in a data file, each as `FILE:LINE: message`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems

    def __reduce__(self) -> tuple[type[LocatedError], tuple[list[str]]]:
        """Pickle with the problems list (the message alone would not rebuild the error)."""
        return type(self), (self.problems,)


class LexiconError(LocatedError):
    """Problems in lexicon files."""


class ConfigError(LocatedError):
    """Problems in a configuration file (`.bingo.yaml` or `[tool.bingo]` in pyproject.toml)."""


class WorkerError(BingoError):
    """A worker process failed or died while scanning a file; the run cannot finish."""


def located(path: str, line: int | None, message: str) -> str:
    """Format a problem as `FILE:LINE: message` (line omitted when unknown)."""
    return f"{path}:{line}: {message}" if line else f"{path}: {message}"
