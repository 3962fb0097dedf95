"""The command line: the only package that prints or decides how the process exits.

`console` and `options` are shared by the command modules (`scan`, `config`, `cards`, `check`, `live`,
`lexicon`, `speakers`), which import nothing else from the CLI; this module builds the app from them.
"""

from __future__ import annotations

import signal
import sys
from typing import Annotated, Protocol, cast

import typer

from bingo.cli import cards, check, config, lexicon, live, scan, speakers
from bingo.cli.console import (
    Interrupted,
    err,
    flush_stdout,
    output_failed,
    report_error,
    signals_end_run,
    standard_streams,
)
from bingo.errors import BingoError
from bingo.gates import EXIT_ERROR, EXIT_OK
from bingo.version import __version__

__all__ = ["app", "main", "run"]

# typer >= 0.24 carries its own copy of click: find its base exception class by name.
CLICK_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class _UsageProblem(Protocol):
    """What click's exceptions offer (the class is found at run time, so mypy cannot see it)."""

    def format_message(self) -> str:
        """The message without the usage lines."""


app = typer.Typer(
    name="bingo", add_completion=True, no_args_is_help=True, pretty_exceptions_enable=False,
    rich_markup_mode="rich", context_settings={"help_option_names": ["-h", "--help"]},
    help="Find CX and corporate jargon in German and English text and make it visible.\n\n"
         "Example: [bold]echo 'Wir heben Synergien entlang der Customer Journey' | bingo scan[/bold]",
)
app.command("scan", epilog=scan.EPILOG)(scan.scan)
app.command("config", epilog=config.EPILOG)(config.show_config)
app.command("card", epilog=cards.CARD_EPILOG)(cards.card)
app.command("check", epilog=check.EPILOG)(check.check)
app.command("live", epilog=live.EPILOG)(live.live)
app.command("speakers", epilog=speakers.EPILOG)(speakers.speakers)
app.add_typer(lexicon.app, name="lexicon")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bingo {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Show the version and exit.")] = False) -> None:
    """Find CX and corporate jargon in German and English text and make it visible."""


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with `argv` and return the exit code.

    Never raises for user errors, a failing stdout or an ending signal (see `console`): each gets
    at most one line on stderr and its exit code.
    """
    standard_streams()
    with signals_end_run():
        try:
            return _run_app(argv)
        except KeyboardInterrupt:
            return 128 + signal.SIGINT
        except Interrupted as exc:
            return 128 + exc.signum


def _run_app(argv: list[str] | None) -> int:
    try:
        result = app(args=argv, prog_name="bingo", standalone_mode=False)
        flush_stdout()
    except typer.Exit as exc:
        return exc.exit_code
    except CLICK_ERROR as exc:
        message = cast(_UsageProblem, exc).format_message()
        if type(exc).__name__ == "NoArgsIsHelpError":
            typer.echo(message)
        else:
            err(f"error: {message} (see 'bingo --help')")
        return EXIT_ERROR
    except typer.Abort:  # Ctrl-C as older click versions report it (newer ones raise Exit(130))
        return 128 + signal.SIGINT
    except BingoError as exc:
        report_error(exc)
        return EXIT_ERROR
    except OSError as exc:  # a write to stdout outside a command (help, --version) failed
        lost = output_failed(exc)
        if lost is None:
            raise
        return lost
    return result if isinstance(result, int) else EXIT_OK


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
