"""Severity levels of the shipped lexicon, as CI sees them: --fail-on thresholds, GitHub annotations, SARIF levels."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from bingo.cli import app
from bingo.models import RunResult
from bingo.report import Options, renderer

MIXED = {  # one suggestion (a trade term), warnings (idioms, phrases) and an error (the worst idiom)
    "de": "Unsere KPI steigen. Wir schauen über den Tellerrand und heben Synergien.\n",
    "en": "Our KPI is up. We think outside the box, and culture eats strategy for breakfast.\n",
}
MILD = {"de": "Unsere KPI zeigen: Die Customer Journey zählt.\n",
        "en": "Our KPI dashboard maps the customer journey.\n"}


def scan(args: list[str], text: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["scan", *args, "-"], input=text, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("lang", ["de", "en"])
def test_github_and_sarif_use_all_three_levels_out_of_the_box(scanner, lang: str) -> None:
    run = RunResult((scanner.scan_text(MIXED[lang], lang=lang),))
    out = io.StringIO()
    renderer("github")(run, out, Options())
    commands = {line.split(" ", 1)[0] for line in out.getvalue().splitlines() if line.startswith("::")}
    assert commands == {"::notice", "::warning", "::error"}
    out = io.StringIO()
    renderer("sarif")(run, out, Options())
    results = json.loads(out.getvalue())["runs"][0]["results"]
    assert {r["level"] for r in results} == {"note", "warning", "error"}


@pytest.mark.parametrize(("lang", "fail_on", "texts", "code"), [
    ("de", "warning", MIXED, 1), ("en", "warning", MILD, 0), ("en", "suggestion", MILD, 1),
    ("en", "idiom,phrase", MIXED, 1), ("de", "idiom, phrase", MILD, 0), ("de", "error", MIXED, 1)])
def test_fail_on_levels_and_comma_lists(lang: str, fail_on: str, texts: dict[str, str], code: int) -> None:
    exit_code, _, stderr = scan(["--format", "json", "--lang", lang, "--fail-on", fail_on], texts[lang])
    assert (exit_code, bool(stderr)) == (code, bool(code))


def test_fail_on_names_the_unknown_value_not_a_tuple() -> None:
    code, _, stderr = scan(["--format", "json", "--fail-on", "idiom,idoim"], MILD["en"])
    assert code == 2
    assert stderr.startswith("bingo: error: --fail-on must be categories (acronym, ")
    assert stderr.rstrip().endswith("not 'idoim'") and "(" not in stderr.rsplit("not", 1)[1]
