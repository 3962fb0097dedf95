"""`bingo scan`: options -> settings (validated by the config layer) -> run -> report, gates, exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import typer

from bingo import config as config_module
from bingo.cli.console import (
    DEFAULT_WIDTH,
    color_wanted,
    err,
    guarded,
    pick_format,
    progress_bar,
    report_width,
    stdin_bytes,
)
from bingo.cli.options import ConfigOption, InputFormatOption, LexiconOption, ReportFormat
from bingo.errors import BingoError
from bingo.gates import Gates, baseline_root, exit_code, load_baseline
from bingo.models import RunResult
from bingo.outputs import atomic_write, file_type
from bingo.paths import display
from bingo.report import Options, renderer
from bingo.settings import Settings, validate_options

EPILOG = ("Examples:\n\n  bingo scan samples/de-jargon-strategie.txt\n\n"
          "  cat newsletter.md | bingo scan --format json\n\n"
          "  bingo scan site/ --format sarif --output bingo.sarif --max-score 40")


@dataclass(frozen=True)
class ScanRun:
    """The options that shape this run only: they are not settings, so no config file sets them."""

    output: Path | None = None
    width: int | None = None  # None: the terminal's (see console.report_width)
    quiet: bool = False
    card: bool = True
    model: str | None = None
    no_cache: bool = False
    baseline: Path | None = None
    config: Path | None = None  # the configuration file in force (named or found): an input not to overwrite
    stdin_name: str | None = None  # --stdin-filename
    input_format: str = "auto"


@guarded
def scan(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files, directories (walked for .txt .md .html .rst) or '-' for stdin.", show_default=False)] = None,
    lang: Annotated[Literal["auto", "de", "en"] | None, typer.Option(
        "--lang", "-l", help="Language of the text (default auto).", show_default=False)] = None,
    output_format: Annotated[ReportFormat | None, typer.Option(
        "--format", "-f", help="Report format (default auto: github on GitHub Actions, rich on a terminal, "
                               "plain otherwise).", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=(
        "Write the report to this file (format from the suffix: .sarif, .json, .html, .txt; --format wins)."))] = None,
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
        "--fail-on", help=("Exit 1 on any hit of this category, or of this level or above (repeatable or "
                           "comma-separated), e.g. idiom,phrase or warning."))] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="A JSON report of an earlier run: fail only where a score rose or hits are new.")] = None,
    lexicon: LexiconOption = None,
    include: Annotated[list[str] | None, typer.Option(
        "--include", help="Also scan files matching this git-style glob in folders (adds to the config's).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", help="Skip files matching this git-style glob in folders (adds to the config's).")] = None,
    force_exclude: Annotated[bool | None, typer.Option(
        "--force-exclude/--no-force-exclude", help="Apply --exclude and ignore files to files named explicitly "
        "and --stdin-filename too (for pre-commit).", show_default=False)] = None,
    no_ignore: Annotated[bool, typer.Option(
        "--no-ignore", help="Do not honour .gitignore and .bingoignore files.")] = False,
    stdin_filename: Annotated[str | None, typer.Option(
        "--stdin-filename", help="The name of standard input: its kind by suffix (.md, .html, .vtt …), "
        "its name in reports and for --exclude.")] = None,
    skip_quotes: Annotated[bool | None, typer.Option(
        "--skip-quotes/--no-skip-quotes", help="Skip quoted text (Markdown > blockquotes, HTML blockquote and q).",
        show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, max=256, help=(
        "Worker processes (default: all CPUs for two or more files or one large file)."))] = None,
    config: ConfigOption = None,
    model: Annotated[str | None, typer.Option(
        "--model", help="Use an installed trained spaCy pipeline (e.g. de_core_news_sm).")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Do not read or write the compiled-lexicon cache.")] = False,
    width: Annotated[int | None, typer.Option("--width", min=40, max=400, help=(
        "Width of the human report (default: the terminal's, else COLUMNS, else 100)."), show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Human report: one summary line only.")] = False,
    no_card: Annotated[bool, typer.Option("--no-card", help="Human report without the bingo card.")] = False,
    input_format: InputFormatOption = "auto",
) -> int:
    """Scan text for jargon and report a Bullshit-Index per file.

    Exit codes: 0 clean or under the thresholds, 1 a file over a threshold, 2 usage or input error.
    """
    # the options a config file can also set, under their settings' names; None: not given
    given = {"lang": lang, "format": output_format, "max_score": max_score, "max_hits": max_hits,
             "max_ai_tells": max_ai_tells, "categories": _tuple(category), "fail_on_bingo": fail_on_bingo,
             "fail_on": _tuple(fail_on), "include": _tuple(include), "exclude": _tuple(exclude),
             "skip_quotes": skip_quotes, "lexicons": _tuple(str(p) for p in lexicon or ()), "jobs": jobs,
             "force_exclude": force_exclude, "ignore_files": False if no_ignore else None}
    settings, config_file = config_module.resolve(config, validate_options(given))
    job = ScanRun(output=output, width=width, model=model, no_cache=no_cache, baseline=baseline, config=config_file,
                  quiet=quiet, card=not no_card, stdin_name=stdin_filename, input_format=input_format)
    return run_scan(_inputs(paths, stdin_filename is not None), settings, job)


def run_scan(paths: list[str], settings: Settings, job: ScanRun) -> int:
    """Scan, report, print the gates' failures; the exit code."""
    from bingo import cache

    cache.pause_collector_for_start()  # until a matcher is built (see there)
    from bingo.runner import execute  # imports spaCy: only when something is scanned

    gates = Gates(max_score=settings.max_score, max_hits=settings.max_hits, max_ai_tells=settings.max_ai_tells,
                  fail_on_bingo=settings.fail_on_bingo, fail_on=settings.fail_on,
                  baseline=load_baseline(job.baseline, baseline_root(job.config)) if job.baseline else None)
    writes = [("--output", job.output)] if job.output is not None else []
    reads = [(role, path) for role, path in (("configuration file", job.config), ("baseline", job.baseline))
             if path is not None]
    with progress_bar() as progress:
        run = execute(paths, settings, model=job.model, use_cache=not job.no_cache, stdin=stdin_bytes(),
                      progress=progress, writes=writes, reads=reads, stdin_name=job.stdin_name,
                      input_format=job.input_format)
    for path in run.skipped:
        err(f"{display(path)}: skipped: no text")
    for failed in run.errors:
        err(f"error: {display(failed.path)}: {failed.error}")
    for warning in run.warnings:
        err(f"warning: {warning}")
    for result in run.files:
        for line, why in result.warnings:  # the exit code stays what the hits make it
            err(f"warning: {display(result.path)}:{line}: {why}")
    failures = gates.failures(run)
    write_report(run, report_format(settings, job.output), job)
    for failure in failures:
        err(failure)
    return exit_code(run, failures)


SUFFIX_FORMATS = {"sarif": "sarif", "json": "json", "text": "plain", "html": "html"}
"""The report format for each kind of file `outputs.file_type` reads from an --output suffix."""


def report_format(settings: Settings, output: Path | None) -> str:
    """--format given on the command line, else the format the --output suffix names, else the configured one.

    The suffix beats the config file's `format` (a default for the terminal or pre-commit) and `auto`, not an
    explicit option.
    """
    named = SUFFIX_FORMATS.get(file_type(output) or "")
    if named is None or (settings.origin("format") == "command line" and settings.format != "auto"):
        return settings.format
    return named


def write_report(run: RunResult, format_name: str, job: ScanRun) -> None:
    """The report on stdout (colours on a terminal) or in the --output file."""
    terminal = job.output is None and color_wanted(sys.stdout)
    name = pick_format(format_name, terminal)
    write = renderer(name)
    width = job.width or (report_width(sys.stdout) if job.output is None else DEFAULT_WIDTH)
    options = Options(color=name == "rich" and terminal, width=width, card=job.card, quiet=job.quiet, warn=err)
    if job.output is None:
        write(run, sys.stdout, options)
        return
    try:
        with atomic_write(job.output) as target:
            write(run, target, options)
    except OSError as exc:
        raise BingoError(f"{job.output}: cannot write the report: {exc.strerror or exc}") from None


def _inputs(paths: list[str] | None, named_stdin: bool = False) -> list[str]:
    """The paths given, or stdin when it is piped or named; a user error when there is nothing to read."""
    if paths:
        return paths
    if sys.stdin is None or (sys.stdin.isatty() and not named_stdin):
        raise BingoError("no input: give files, directories or '-' to read standard input")
    return ["-"]


def _tuple(values: Iterable[str] | None) -> tuple[str, ...] | None:
    """None for an option that was not given, else its values as a tuple."""
    given = tuple(values or ())
    return given or None
