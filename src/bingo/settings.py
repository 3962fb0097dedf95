"""The settings a run uses, and the rules each value must follow, in a file or on the command line."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from bingo import ignore
from bingo.errors import BingoError, ConfigError, located
from bingo.lexicon import CATEGORIES, LEVELS
from bingo.quoting import clipped, shown
from bingo.report import FORMAT_CHOICES


@dataclass(frozen=True)
class Settings:
    """Every setting a run uses, with where each value came from."""

    lang: str = "auto"
    lexicons: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    disable_categories: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    weights: Mapping[str, float] = field(default_factory=dict)
    max_score: int | None = None
    max_hits: int | None = None
    max_ai_tells: float | None = None
    fail_on_bingo: bool = False
    fail_on: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    force_exclude: bool = False  # `exclude` and ignore files apply to files named explicitly too (pre-commit)
    ignore_files: bool = True  # honour .gitignore / .bingoignore while walking folders
    format: str = "auto"
    skip_quotes: bool = False
    jobs: int | None = None
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)

    def merged(self, values: Mapping[str, Any], origin: str) -> Settings:
        """A copy with `values` (already validated) set and their origin recorded."""
        present = {k: v for k, v in values.items() if v is not None}
        return replace(self, **present, origins={**self.origins, **{k: origin for k in present}})

    def origin(self, key: str) -> str:
        """Where a value came from: 'default', 'FILE:LINE' or 'command line'."""
        return self.origins.get(key, "default")


KEYS = tuple(f.name for f in fields(Settings) if f.name != "origins")


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _int(low: int, high: int | None) -> Callable[[Any], int | None]:
    def check(value: Any) -> int | None:
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= low and (high is None or value <= high)
        return value if ok else None
    return check


def _number(low: float, high: float) -> Callable[[Any], float | None]:
    def check(value: Any) -> float | None:
        ok = isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high
        return float(value) if ok else None
    return check


def _choice(options: tuple[str, ...]) -> Callable[[Any], str | None]:
    return lambda value: value if value in options else None


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _categories(value: Any) -> tuple[str, ...] | None:
    names = _strings(value)
    return names if names is not None and set(names) <= set(CATEGORIES) else None


def _weights(value: Any) -> dict[str, float] | None:
    if isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 5
            for k, v in value.items()):
        return {k: float(v) for k, v in value.items()}
    return None


def _fail_on(value: Any) -> tuple[str, ...] | None:
    items = _strings(value)  # each item may itself be a comma-separated list: `--fail-on idiom,phrase`
    names = None if items is None else tuple(n for i in items for n in (p.strip() for p in i.split(",")) if n)
    return names if names and all(n in CATEGORIES or n in LEVELS for n in names) else None


def _offending(check: Callable[[Any], Any], value: Any) -> str:
    """The part of a rejected value to name in the message: a list's bad items, quoted, else the value."""
    if isinstance(value, str) and check is _fail_on:  # one string may hold a comma-separated list
        value = [value]
    if isinstance(value, list | tuple) and value and all(isinstance(v, str) for v in value):
        parts = [p.strip() for v in value for p in v.split(",") if p.strip()] if check is _fail_on else value
        bad = [p for p in parts if check([p]) is None]
        return ", ".join(shown(p) for p in bad or value)
    return shown(value)


CHECKS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "lang": (_choice(("auto", "de", "en")), "one of auto, de, en"),
    "lexicons": (_strings, "a list of lexicon file paths"),
    "disable": (_strings, "a list of entry ids"),
    "disable_categories": (_categories, f"a list of categories ({', '.join(CATEGORIES)})"),
    "categories": (_categories, f"a list of categories to scan for ({', '.join(CATEGORIES)})"),
    "weights": (_weights, "a mapping of entry id to a weight from 0 to 5"),
    "max_score": (_int(0, 100), "a whole number from 0 to 100"),
    "max_hits": (_int(0, None), "a whole number of at least 0"),
    "max_ai_tells": (_number(0, 1000), "a number from 0 to 1000 (AI tells per 1,000 words)"),
    "fail_on_bingo": (_bool, "true or false"),
    "fail_on": (_fail_on, f"categories ({', '.join(CATEGORIES)}) or levels ({', '.join(LEVELS)})"),
    "include": (_strings, "a list of glob patterns"),
    "exclude": (_strings, "a list of glob patterns"),
    "force_exclude": (_bool, "true or false"),
    "ignore_files": (_bool, "true or false"),
    "format": (_choice(FORMAT_CHOICES), f"one of {', '.join(FORMAT_CHOICES)}"),
    "skip_quotes": (_bool, "true or false"),
    "jobs": (_int(1, 256), "a whole number from 1 to 256"),
}


def validate(raw: Mapping[str, Any], path: str, lines: Mapping[str, int]) -> dict[str, Any]:
    """Check every key and value of a config mapping; raise ConfigError naming file, line and key."""
    problems = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        where = lines.get(key)
        name = str(key).replace("-", "_")
        if name not in CHECKS:
            problems.append(located(path, where, f"unknown key '{clipped(str(key))}' (known: {', '.join(KEYS)})"))
            continue
        check, expected = CHECKS[name]
        checked = check(value)
        if checked is None:
            problems.append(located(path, where, f"'{key}' must be {expected}, not {_offending(check, value)}"))
            continue
        values[name] = checked
    if problems:
        raise ConfigError(problems)
    if "lexicons" in values:  # relative to the config file, not the current directory
        base = Path(path).parent
        values["lexicons"] = tuple(str(base / p) for p in values["lexicons"])
    return _anchored(values, Path(path).resolve().parent)


GLOBS = ("include", "exclude")
"""Git-style globs: relative to the config file's folder (the command line's: the current one), added up."""


def _anchored(values: dict[str, Any], base: Path) -> dict[str, Any]:
    """`values` with its globs anchored to `base`, so that globs from several places match alike (bingo.ignore)."""
    return {k: ignore.anchored(base, v) if k in GLOBS else v for k, v in values.items()}


OPTION_NAMES = {"categories": "category", "lexicons": "lexicon"}  # settings whose option is singular (repeatable)


def validate_options(values: Mapping[str, Any]) -> dict[str, Any]:
    """Check command-line values with the same rules as the file; name the option on error."""
    out = {}
    for key, value in values.items():
        if value is None:
            continue
        check, expected = CHECKS[key]
        checked = check(list(value) if isinstance(value, tuple) else value)
        if checked is None:
            option = OPTION_NAMES.get(key, key.replace("_", "-"))
            raise BingoError(f"--{option} must be {expected}, not {_offending(check, value)}")
        out[key] = checked
    return _anchored(out, Path.cwd())
