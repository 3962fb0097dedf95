"""Configuration: defaults < the nearest `.bingo.yaml` / `[tool.bingo]` < command-line options.

Discovery works like yamllint's and flake8's: `--config FILE` if given, else walk up from the
current directory to the repository root (a folder with `.git`) or the home directory, taking
the first `.bingo.yaml`/`.bingo.yml`, or `pyproject.toml` with a `[tool.bingo]` table.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from bingo.errors import ConfigError, located
from bingo.settings import GLOBS, Settings, validate, validate_options

YAML_NAMES = (".bingo.yaml", ".bingo.yml")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([located(str(path), None, f"cannot read: {getattr(exc, 'strerror', None) or exc}")]) from None


def load_yaml(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """A `.bingo.yaml` as a mapping plus the line of each top-level key."""
    from bingo import yamlfile  # lazily: most runs have no YAML configuration

    data, node = yamlfile.parse(path, ConfigError, _read(path))
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError([located(str(path), 1, "the configuration must be a mapping of settings")])
    return data, {**yamlfile.key_lines(node), **yamlfile.item_lines(node)}  # item lines as `key[item]`


def load_pyproject(path: Path) -> tuple[dict[str, Any], dict[str, int]] | None:
    """`[tool.bingo]` of a pyproject.toml with approximate key lines, or None when absent."""
    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        where = int(match.group(1)) if match else None
        raise ConfigError([located(str(path), where, f"invalid TOML: {exc}")]) from None
    except RecursionError:  # `a = [[[[…` nested deeper than tomllib's recursion allows
        raise ConfigError([located(str(path), None, "invalid TOML: nested too deeply")]) from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):  # `tool = 'x'` is valid TOML, but no table to look in
        raise ConfigError([located(str(path), None, "'tool' must be a table (for [tool.bingo])")])
    table = tool.get("bingo")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError([located(str(path), None, "[tool.bingo] must be a table")])
    lines: dict[str, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.replace(" ", "") == "[tool.bingo]"
        elif inside and (m := re.match(r"([A-Za-z_][\w-]*)\s*=", stripped)):
            lines.setdefault(m.group(1), number)
    return table, lines


def load_file(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """Read a config file by its kind (pyproject.toml or YAML)."""
    if path.name == "pyproject.toml":
        found = load_pyproject(path)
        if found is None:
            raise ConfigError([located(str(path), None, "has no [tool.bingo] table")])
        return found
    return load_yaml(path)


def discover(start: Path, home: Path | None = None) -> Path | None:
    """The nearest config file from `start` up to the repository root or home directory."""
    home = (home or Path.home()).resolve()
    for folder in (start.resolve(), *start.resolve().parents):
        for name in YAML_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and load_pyproject(pyproject) is not None:
            return pyproject
        if (folder / ".git").exists() or folder == home:
            return None
    return None


def resolve(explicit: Path | None, cli: Mapping[str, Any], start: Path | None = None) -> tuple[Settings, Path | None]:
    """Effective settings and the config file used (if any)."""
    settings = Settings()
    path = explicit if explicit is not None else discover(start or Path.cwd())
    if explicit is not None and not explicit.is_file():
        raise ConfigError([located(str(explicit), None, "no such configuration file")])
    if path is not None:
        raw, lines = load_file(path)
        values = validate(raw, str(path), lines)
        for key, value in values.items():
            settings = settings.merged({key: value}, f"{path}:{lines[key]}" if key in lines else str(path))
        items = {item: f"{path}:{line}" for item, line in lines.items() if "[" in item}  # for runner.unknown_ids
        settings = replace(settings, origins={**settings.origins, **items})
    added = {k: (*getattr(settings, k), *v) if k in GLOBS and v is not None else v for k, v in cli.items()}
    return settings.merged(added, "command line"), path


def game_settings(config: Path | None, lexicons: tuple[Path, ...] = (), categories: tuple[str, ...] = ()
                  ) -> Settings:
    """The settings the game commands honour: the configuration file (named or found) under their options.

    `bingo card` deals no entry or category the configuration disables and takes its lexicon files;
    `check` and `live` load the same files, so a game dealt from them can be played anywhere below it.
    """
    return game_config(config, lexicons, categories)[0]


def game_config(config: Path | None, lexicons: tuple[Path, ...] = (), categories: tuple[str, ...] = ()
                ) -> tuple[Settings, Path | None]:
    """`game_settings` and the configuration file they were read from (None: none found)."""
    given = {"lexicons": tuple(str(p) for p in lexicons) or None}
    settings, found = resolve(config, validate_options(given))
    # the deal checks the categories itself, with its own message for an unknown one
    return settings.merged({"categories": categories or None}, "command line"), found


def lexicon_files(settings: Settings) -> tuple[Path, ...]:
    """The extra lexicon files of the settings, each once."""
    return tuple(dict.fromkeys(Path(p) for p in settings.lexicons))
