"""The typer option types more than one command uses, and the format choices read from the domain."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from bingo.cards.output import CARD_FORMATS
from bingo.inputformat import INPUT_FORMATS
from bingo.report import FORMAT_CHOICES

LexiconOption = Annotated[list[Path] | None, typer.Option(
    "--lexicon", help="Extra lexicon YAML file (repeatable); same ids override built-in entries.")]
ConfigOption = Annotated[Path | None, typer.Option(
    "--config", help="Configuration file (default: the nearest .bingo.yaml or pyproject.toml \\[tool.bingo]).")]

# typer builds the choices, `--help`'s <a|b|c> and the "'x' is not one of ..." message from a Literal.
# The names are defined once, by the report and card writers; mypy cannot read a Literal built at
# run time, so to it the values are plain strings (which they are).
if TYPE_CHECKING:
    ReportFormat = str
    CardFormat = str
    InputFormat = str
else:
    ReportFormat = Literal[FORMAT_CHOICES]
    CardFormat = Literal[CARD_FORMATS]
    InputFormat = Literal[INPUT_FORMATS]
InputFormatOption = Annotated[InputFormat, typer.Option(
    "--input-format", help="Read every input as this kind (default auto: from the suffix, a transcript by its "
                           "first lines).")]
