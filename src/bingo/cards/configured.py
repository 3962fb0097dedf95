"""The configuration the game commands honour: the `.bingo.yaml` / `[tool.bingo]` settings that shape a lexicon.

`bingo card` deals no entry or category the configuration disables and takes its lexicon files;
`check` and `live` load the same files, so a game dealt from them can be played anywhere below it.
"""

from __future__ import annotations

from pathlib import Path

from bingo import config as config_module
from bingo.config import Settings


def game_settings(config: Path | None, lexicons: tuple[Path, ...] = (), categories: tuple[str, ...] = ()
                  ) -> Settings:
    """The settings in force: the configuration file (named or found) under the command line's options."""
    return game_config(config, lexicons, categories)[0]


def game_config(config: Path | None, lexicons: tuple[Path, ...] = (), categories: tuple[str, ...] = ()
                ) -> tuple[Settings, Path | None]:
    """`game_settings` and the configuration file they were read from (None: none found)."""
    given = {"lexicons": tuple(str(p) for p in lexicons) or None}
    settings, found = config_module.resolve(config, config_module.validate_options(given))
    # the deal checks the categories itself, with its own message for an unknown one
    return settings.merged({"categories": categories or None}, "command line"), found


def lexicon_files(settings: Settings) -> tuple[Path, ...]:
    """The extra lexicon files of the settings, each once."""
    return tuple(dict.fromkeys(Path(p) for p in settings.lexicons))
