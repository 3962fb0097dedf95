"""SARIF as GitHub code scanning and SARIF viewers read it: code-point columns, suppressed results,
%SRCROOT%-relative paths, and a log cut to GitHub's limits with a note saying so."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, optional_module, shared_path
from typer.testing import CliRunner

from bingo.models import FileResult, RunResult
from bingo.report import Options, sarif


def log_of(*files: FileResult, warn: Any = None) -> dict[str, Any]:
    out = io.StringIO()
    sarif.render(RunResult(files), out, Options(warn=warn))
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


def validate(document: dict[str, Any]) -> None:
    jsonschema = optional_module("jsonschema", "test")
    schema = json.loads(shared_path("schemas", "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)


@pytest.mark.parametrize(("lang", "line"), [
    ("de", "🚀🚀 Launch! 👩‍💻 Wir heben Synergien am Touchpoint."),
    ("en", "Big news 🎉🎉: we unlock synergies at every touchpoint 🙌."),
])
def test_columns_are_code_points_after_an_emoji(mini_scanner, lang: str, line: str) -> None:
    document = log_of(mini_scanner.scan_text(f"Intro.\n\n{line}\n", lang=lang, kind="text"))
    validate(document)
    (sarif_run,) = document["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    assert sarif_run["results"]
    for result in sarif_run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        text = region["snippet"]["text"]
        assert region["startLine"] == 3
        assert region["startColumn"] == line.index(text) + 1  # code points, as Python counts
        assert region["endColumn"] == line.index(text) + len(text) + 1
        utf16 = len(line[:line.index(text)].encode("utf-16-le")) // 2 + 1
        assert utf16 != region["startColumn"]  # the emoji make the two counts differ: the test means something


@pytest.mark.parametrize(("text", "suppressed"), [
    ("Wir heben Synergien am Touchpoint. <!-- bingo: ignore touchpoint -->\n\nWieder ein Touchpoint.\n",
     [("touchpoint", 1)]),
    ("<!-- bingo: off -->\nWe unlock synergies at each touchpoint.\n<!-- bingo: on -->\nMore synergies.\n",
     [("synergy", 2), ("touchpoint", 2)]),
])
def test_suppressed_hits_are_results_with_in_source_suppressions(mini_scanner, text: str,
                                                                  suppressed: list[tuple[str, int]]) -> None:
    file = mini_scanner.scan_text(text, lang="de", kind="markdown")
    document = log_of(file)
    validate(document)
    results = document["runs"][0]["results"]
    muted = [r for r in results if "suppressions" in r]
    found = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in muted]
    assert found == suppressed
    assert all(r["suppressions"] == [{"kind": "inSource"}] for r in muted)
    assert len(results) - len(muted) == len(file.hits) and file.suppressed == len(suppressed)
    assert not any(r["ruleId"] == "touchpoint" and "suppressions" not in r
                   and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 1 for r in results)


def test_paths_are_relative_to_srcroot_and_absolute_outside(mini_scanner, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    monkeypatch.chdir(repo)
    hit = mini_scanner.scan_text("Wir heben Synergien.\n", lang="de", kind="text")
    outside = tmp_path / "elsewhere" / "größe.md"
    paths = ["docs/a.md", "./docs/../b.md", str(repo / "docs" / "c.md"), str(outside), "<stdin>"]
    document = log_of(*(dataclasses.replace(hit, path=p) for p in paths))
    validate(document)
    (sarif_run,) = document["runs"]
    assert sarif_run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in sarif_run["results"]]
    assert locations == [
        {"uri": "docs/a.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "b.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "docs/c.md", "uriBaseId": "%SRCROOT%"},
        {"uri": outside.as_uri()},
        {"uri": "stdin"},
    ]


def dense(mini_scanner, count: int) -> FileResult:
    """A file with `count` sentences of two hits each: synergy (weight 3) and touchpoint."""
    return mini_scanner.scan_text("Wir heben Synergien am Touchpoint.\n" * count, lang="de", kind="text")


def test_results_are_capped_with_a_notification_and_a_warning(mini_scanner, monkeypatch: pytest.MonkeyPatch) -> None:
    file = dense(mini_scanner, 5)
    levels = {"synergy": "error", "touchpoint": "warning"}
    hits = [dataclasses.replace(h, level=levels[h.id]) for h in file.hits]
    file = dataclasses.replace(file, hits=hits)
    monkeypatch.setattr(sarif, "MAX_RESULTS", 4)
    warnings: list[str] = []
    document = log_of(file, warn=warnings.append)
    validate(document)
    (sarif_run,) = document["runs"]
    results = sarif_run["results"]
    assert [r["ruleId"] for r in results] == ["synergy"] * 4  # the most severe kept, in text order
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results] == [1, 2, 3, 4]
    (note,) = sarif_run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning" and note["message"]["text"].startswith("6 of 10 results left out")
    assert warnings == ["warning: the SARIF log leaves out 6 of 10 results (GitHub's limits per run)"]


def test_log_is_cut_to_the_compressed_size_limit(mini_scanner, monkeypatch: pytest.MonkeyPatch) -> None:
    file = dense(mini_scanner, 400)
    full = io.StringIO()
    sarif.render(RunResult((file,)), full, Options())
    limit = len(gzip.compress(full.getvalue().encode())) // 2
    monkeypatch.setattr(sarif, "MAX_BYTES", limit)
    out = io.StringIO()
    warnings: list[str] = []
    sarif.render(RunResult((file,)), out, Options(warn=warnings.append))
    assert len(gzip.compress(out.getvalue().encode())) <= limit
    results = json.loads(out.getvalue())["runs"][0]["results"]
    assert 0 < len(results) < 800 and len(warnings) == 1


def test_cli_warns_on_stderr_when_the_log_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    from bingo.cli import app

    monkeypatch.setattr(sarif, "MAX_RESULTS", 1)
    result = CliRunner().invoke(app, ["scan", "--format", "sarif", "--lexicon", str(DATA / "mini-lexicon.yaml"),
                                      "--lang", "de", "-"], input="Wir heben Synergien am Touchpoint.\n")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["runs"][0]["results"]) == 1
    assert result.stderr.splitlines() == [
        "bingo: warning: the SARIF log leaves out 1 of 2 results (GitHub's limits per run)"]


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Wir heben Synergien am Touchpoint. <!-- bingo: ignore touchpoint -- quoted from the brief -->\n\n"
           "<!-- bingo: off synergy -- legal text -->\nSynergien am Touchpoint. <!-- bingo: ignore touchpoint -->\n"
           "<!-- bingo: ignore-next-line -- a title -->\nSynergien am Touchpoint.\n<!-- bingo: on -->\n"),
    ("en", "We unlock synergies at the touchpoint. <!-- bingo: ignore touchpoint -- quoted from the brief -->\n\n"
           "<!-- bingo: off synergy -- legal text -->\nSynergies at the touchpoint. <!-- bingo: ignore touchpoint -->\n"
           "<!-- bingo: ignore-next-line -- a title -->\nSynergies at the touchpoint.\n<!-- bingo: on -->\n"),
])
def test_a_directive_s_reason_is_the_suppression_s_justification(mini_scanner, lang: str, text: str) -> None:
    document = log_of(mini_scanner.scan_text(text, lang=lang, kind="markdown"))
    validate(document)
    muted = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"], r["suppressions"])
             for r in document["runs"][0]["results"] if "suppressions" in r]
    assert muted == [
        ("touchpoint", 1, [{"kind": "inSource", "justification": "quoted from the brief"}]),
        ("synergy", 4, [{"kind": "inSource", "justification": "legal text"}]),  # the block's reason, for its names
        ("touchpoint", 4, [{"kind": "inSource"}]),  # its own directive gives none (the block is not about it)
        ("synergy", 6, [{"kind": "inSource", "justification": "a title"}]),  # the nearest directive's reason
        ("touchpoint", 6, [{"kind": "inSource", "justification": "a title"}]),
    ]


def test_justifications_survive_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bingo.cli import app

    monkeypatch.chdir(tmp_path)
    for n in range(4):
        (tmp_path / f"page{n}.md").write_text(
            "Wir heben Synergien am Touchpoint. <!-- bingo: ignore touchpoint -- quoted from the brief -->\n",
            encoding="utf-8")
    result = CliRunner().invoke(app, ["scan", ".", "--lang", "de", "--jobs", "2", "--format", "sarif"])
    document = json.loads(result.stdout)
    validate(document)
    muted = [r["suppressions"] for r in document["runs"][0]["results"] if "suppressions" in r]
    assert muted == [[{"kind": "inSource", "justification": "quoted from the brief"}]] * 4


def test_no_invented_information_uri(mini_scanner) -> None:
    document = log_of(mini_scanner.scan_text("Wir heben Synergien.\n", lang="de", kind="text"))
    validate(document)
    driver = document["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver  # bingo-cx has no PyPI page (nor any other home) to point at
    assert not any("helpUri" in rule for rule in driver["rules"])  # only an entry's own `link` gives one
