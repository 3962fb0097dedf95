"""The command line: the only module that prints or decides how the process exits."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from bingo import __version__
from bingo.errors import BingoError
from bingo.gates import EXIT_ERROR, EXIT_OK, exit_code

# typer >= 0.24 carries its own copy of click: find its base exception class by name.
CLICK_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")

app = typer.Typer(
    name="bingo", add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    rich_markup_mode="rich", context_settings={"help_option_names": ["-h", "--help"]},
    help="Find CX and corporate jargon in German and English text and make it visible.\n\n"
         "Example: [bold]echo 'Wir heben Synergien entlang der Customer Journey' | bingo scan[/bold]",
)
lexicon_app = typer.Typer(no_args_is_help=True, help="Inspect and validate lexicons.")
app.add_typer(lexicon_app, name="lexicon")

FormatName = Literal["auto", "rich", "plain", "json", "sarif", "github", "line"]
LangOption = Annotated[Literal["auto", "de", "en"], typer.Option("--lang", "-l", help="Language of the text.")]
LexiconOption = Annotated[list[Path] | None, typer.Option(
    "--lexicon", help="Extra lexicon YAML file (repeatable); same ids override built-in entries.")]


def _err(message: str) -> None:
    """Write a one-line diagnostic to stderr."""
    typer.echo(f"bingo: {message}", err=True)


def _guarded(command: Callable[..., int]) -> Callable[..., int]:
    """Turn user errors into a one-line message and exit 2, and a non-zero result into typer.Exit."""
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        try:
            code = command(*args, **kwargs)
        except BingoError as exc:
            for line in str(exc).splitlines() or [type(exc).__name__]:
                _err(f"error: {line}")
            raise typer.Exit(EXIT_ERROR) from None
        if code:
            raise typer.Exit(code)
        return EXIT_OK
    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bingo {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Show the version and exit.")] = False) -> None:
    """Find CX and corporate jargon in German and English text and make it visible."""


def _color_wanted(stream: io.TextIOBase | None) -> bool:
    """Colours only on a terminal and never when NO_COLOR is set."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def pick_format(name: str, stdout_is_tty: bool) -> str:
    """Resolve `auto`: github under GitHub Actions, plain when piped, rich on a terminal."""
    if name != "auto":
        return name
    from bingo.report import FORMATTERS

    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMATTERS:
        return "github"
    return "rich" if stdout_is_tty else "plain"


ConfigOption = Annotated[Path | None, typer.Option(
    "--config", help="Configuration file (default: the nearest .bingo.yaml or pyproject.toml [tool.bingo]).")]


@app.command(epilog="Examples:\n\n  bingo scan samples/de-jargon-strategie.txt\n\n"
                    "  cat newsletter.md | bingo scan --format json\n\n"
                    "  bingo scan site/ --format sarif --output bingo.sarif --max-score 40")
@_guarded
def scan(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files, directories (walked for .txt .md .html .rst) or '-' for stdin.", show_default=False)] = None,
    lang: Annotated[Literal["auto", "de", "en"] | None, typer.Option(
        "--lang", "-l", help="Language of the text (default auto).", show_default=False)] = None,
    output_format: Annotated[FormatName | None, typer.Option(
        "--format", "-f", help="Report format (default auto: github on GitHub Actions, rich on a terminal, "
                               "plain otherwise).", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    max_score: Annotated[int | None, typer.Option("--max-score", min=0, max=100,
                                                     help="Exit 1 when a file scores above this.")] = None,
    max_hits: Annotated[int | None, typer.Option("--max-hits", min=0,
                                                    help="Exit 1 when a file has more hits than this.")] = None,
    max_ai_tells: Annotated[float | None, typer.Option("--max-ai-tells", min=0, max=1000, help=(
        "Exit 1 when a file has more AI tells per 1,000 words than this."))] = None,
    category: Annotated[list[str] | None, typer.Option(
        "--category", "-c", help="Only look for these categories (repeatable), e.g. ai-tell.")] = None,
    fail_on_bingo: Annotated[bool | None, typer.Option(
        "--fail-on-bingo/--no-fail-on-bingo", help="Exit 1 when a file completes a line on the house card.",
        show_default=False)] = None,
    fail_on: Annotated[list[str] | None, typer.Option(
        "--fail-on", help="Exit 1 on any hit of this category or level (repeatable), e.g. idiom, error.")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="A JSON report of an earlier run: fail only where a score rose or hits are new.")] = None,
    lexicon: LexiconOption = None,
    include: Annotated[list[str] | None, typer.Option("--include", help="Also scan files matching this glob in directories.")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Skip files matching this glob in directories.")] = None,
    skip_quotes: Annotated[bool | None, typer.Option(
        "--skip-quotes/--no-skip-quotes", help="Skip quoted text (Markdown > blockquotes, HTML blockquote and q).",
        show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, max=256, help=(
        "Worker processes (default: all CPUs for two or more files or one large file)."))] = None,
    config: ConfigOption = None,
    model: Annotated[str | None, typer.Option("--model", help="Use an installed trained spaCy pipeline (e.g. de_core_news_sm).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the compiled-lexicon cache.")] = False,
    width: Annotated[int, typer.Option("--width", min=40, max=400, help="Width of the human report.")] = 100,
) -> int:
    """Scan text for jargon and report a Bullshit-Index per file.

    Exit codes: 0 clean or under the thresholds, 1 a file over a threshold, 2 usage or input error.
    """
    from bingo import config as config_module
    from bingo.gates import Gates, load_baseline
    from bingo.report import Options, renderer
    from bingo.runner import execute

    given = {"lang": lang, "format": output_format, "max_score": max_score, "max_hits": max_hits,
             "max_ai_tells": max_ai_tells, "categories": _tuple(category),
             "fail_on_bingo": fail_on_bingo, "fail_on": _tuple(fail_on), "include": _tuple(include),
             "exclude": _tuple(exclude), "skip_quotes": skip_quotes,
             "lexicons": _tuple(str(p) for p in lexicon or ()), "jobs": jobs}
    settings, _ = config_module.resolve(config, config_module.validate_options(given))
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise BingoError("no input: give files, directories or '-' to read standard input")
        paths = ["-"]
    gates = Gates(max_score=settings.max_score, max_hits=settings.max_hits, max_ai_tells=settings.max_ai_tells,
                  fail_on_bingo=settings.fail_on_bingo,
                  fail_on=settings.fail_on, baseline=load_baseline(baseline) if baseline else None)
    stdin = sys.stdin.buffer if sys.stdin is not None and hasattr(sys.stdin, "buffer") else None
    with _progress_bar() as progress:
        run = execute(paths, settings, model=model, use_cache=not no_cache, stdin=stdin, progress=progress)
    for failed in run.errors:
        _err(f"error: {failed.path}: {failed.error}")
    failures = gates.failures(run)
    terminal = output is None and _color_wanted(sys.stdout)
    name = pick_format(settings.format, terminal)
    write = renderer(name)
    options = Options(color=name == "rich" and terminal, width=width)
    if output is None:
        write(run, sys.stdout, options)
    else:
        try:
            with output.open("w", encoding="utf-8") as target:
                write(run, target, options)
        except OSError as exc:
            raise BingoError(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    for failure in failures:
        _err(failure)
    return exit_code(run, failures)


@contextlib.contextmanager
def _progress_bar() -> Iterator[Callable[[int], Callable[[int], None] | None] | None]:
    """A rich progress bar on stderr for long runs, only when stderr is a terminal."""
    if not (sys.stderr is not None and sys.stderr.isatty()) or os.environ.get("BINGO_NO_PROGRESS"):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                   console=Console(file=sys.stderr), transient=True)
    task: list[Any] = []

    def start(total: int) -> Callable[[int], None] | None:
        if total < PROGRESS_MIN_BYTES:
            return None
        bar.start()
        task.append(bar.add_task("scanning", total=total))
        return lambda amount: bar.advance(task[0], amount)

    try:
        yield start
    finally:
        if task:
            bar.update(task[0], completed=bar.tasks[0].total)
            bar.stop()


PROGRESS_MIN_BYTES = 2 * 1024 * 1024


def _tuple(values: Any) -> tuple[str, ...] | None:
    """None for an option that was not given, else its values as a tuple."""
    values = tuple(values or ())
    return values or None


@app.command("config", epilog="Example:\n\n  bingo config --config ci/.bingo.yaml")
@_guarded
def show_config(config: ConfigOption = None) -> int:
    """Print the effective configuration and where each value came from."""
    from bingo import config as config_module

    settings, path = config_module.resolve(config, {})
    typer.echo(f"# configuration file: {path if path else 'none found (defaults)'}")
    for key in config_module.KEYS:
        value = getattr(settings, key)
        shown = list(value) if isinstance(value, tuple) else dict(value) if isinstance(value, Mapping) else value
        typer.echo(f"{key}: {json.dumps(shown, ensure_ascii=False)}  # {settings.origin(key)}")
    return EXIT_OK


@lexicon_app.command("validate", epilog="Example:\n\n  bingo lexicon validate my-terms.yaml")
@_guarded
def lexicon_validate(
    files: Annotated[list[Path] | None, typer.Argument(help="Extra lexicon files to check with the built-in ones.")] = None,
    no_builtin: Annotated[bool, typer.Option("--no-builtin", help="Check only the given files.")] = False,
) -> int:
    """Check lexicon files: schema, examples, collisions and order (FILE:LINE messages)."""
    from bingo.validate import check

    lexicon = check(files or (), builtin=not no_builtin)
    langs = {lang: len(lexicon.for_lang(lang)) for lang in ("de", "en")}
    typer.echo(f"ok: {len(lexicon.entries)} entries ({langs['de']} for de, {langs['en']} for en) "
               f"in {len(lexicon.files)} file(s)")
    return EXIT_OK


@lexicon_app.command("list", epilog="Example:\n\n  bingo lexicon list --lang en --category idiom")
@_guarded
def lexicon_list(
    lang: Annotated[Literal["de", "en"] | None, typer.Option("--lang", "-l",
                                                                help="Only entries for this language.")] = None,
    category: Annotated[str | None, typer.Option("--category", "-c", help="Only this category.")] = None,
    lexicon: LexiconOption = None,
) -> int:
    """List entries: id, language, category, weight and term."""
    from bingo.lexicon import CATEGORIES, load_lexicon

    if category is not None and category not in CATEGORIES:
        raise typer.BadParameter(f"unknown category '{category}' (known: {', '.join(CATEGORIES)})",
                                 param_hint="--category")
    entries = load_lexicon(lexicon or ()).entries
    for key in sorted(entries):
        entry = entries[key]
        if (lang and lang not in entry.langs) or (category and entry.category != category):
            continue
        typer.echo(f"{entry.id:<36} {entry.lang:<5} {entry.category:<11} {entry.weight:>4g}  {entry.term}")
    return EXIT_OK


@lexicon_app.command("show", epilog="Example:\n\n  bingo lexicon show kundenzentrierung")
@_guarded
def lexicon_show(ident: Annotated[str, typer.Argument(metavar="ID", help="Entry id.")],
                 lexicon: LexiconOption = None) -> int:
    """Show one entry with its variants, message, alternative, source and examples."""
    from bingo.lexicon import load_lexicon

    entries = load_lexicon(lexicon or ()).entries
    if ident not in entries:
        raise BingoError(f"no entry with id '{ident}' (see 'bingo lexicon list')")
    entry = entries[ident]
    rows = [("id", entry.id), ("term", entry.term), ("lang", entry.lang), ("category", entry.category),
            ("weight", f"{entry.weight:g}"), ("level", entry.level), ("variants", ", ".join(entry.variants) or "–"),
            ("compound", entry.compound), ("inflect", entry.inflect), ("source", entry.source),
            ("defined at", entry.where)]
    if entry.slots:
        rows.append(("slots", " + ".join("{" + " | ".join(item or "–" for item in slot) + "}" for slot in entry.slots)))
        rows.append(("phrases", f"{len(entry.slot_phrases)} (e.g. {', '.join(entry.slot_phrases[:3])})"))
    if entry.apart:
        parts = " … ".join("{" + " | ".join(part) + "}" for part in entry.apart.parts)
        rows.append(("apart", f"{parts} (at most {entry.apart.within} words between parts, in one sentence)"))
    rows += [(f"message [{k}]", v) for k, v in entry.message.items()]
    rows += [(f"alternative [{k}]", v) for k, v in entry.alternative.items()]
    rows += [("matches", text) for text in entry.match_examples]
    rows += [("does not match", text) for text in entry.no_match_examples]
    for key, value in rows:
        typer.echo(f"{key + ':':<18} {value}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with `argv` and return the exit code (never raises for user errors)."""
    try:
        result = app(args=argv, prog_name="bingo", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except CLICK_ERROR as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            typer.echo(exc.format_message())
        else:
            _err(f"error: {exc.format_message()} (see 'bingo --help')")
        return EXIT_ERROR
    except typer.Abort:
        _err("aborted")
        return 130
    except BingoError as exc:
        for line in str(exc).splitlines() or [type(exc).__name__]:
            _err(f"error: {line}")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    return result if isinstance(result, int) else EXIT_OK


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


def _register_game_commands() -> None:
    """`card`, `check` and `live` live in their own CLI modules (imported after this one is complete)."""
    from bingo import cli_cards

    cli_cards.register(app)


_register_game_commands()
