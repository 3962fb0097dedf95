"""`bingo config`: the effective configuration, one line per setting with where its value came from."""

from __future__ import annotations

import json
from collections.abc import Mapping

import typer

from bingo import config as config_module
from bingo.cli.console import guarded
from bingo.cli.options import ConfigOption
from bingo.gates import EXIT_OK
from bingo.settings import KEYS

EPILOG = "Example:\n\n  bingo config --config ci/.bingo.yaml"


@guarded
def show_config(config: ConfigOption = None) -> int:
    """Print the effective configuration and where each value came from."""
    settings, path = config_module.resolve(config, {})
    typer.echo(f"# configuration file: {path if path else 'none found (defaults)'}")
    for key in KEYS:
        value = getattr(settings, key)
        shown = list(value) if isinstance(value, tuple) else dict(value) if isinstance(value, Mapping) else value
        typer.echo(f"{key}: {json.dumps(shown, ensure_ascii=False)}  # {settings.origin(key)}")
    return EXIT_OK
