"""Every output format rendered from one result model, checked against golden files.

Set BINGO_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review the diff.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from conftest import optional_module, shared_path

from bingo.models import RunResult
from bingo.report import FORMATTERS, Options, renderer
from bingo.runner import execute
from bingo.settings import Settings

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
SUFFIX = {"json": "json", "sarif": "sarif.json", "github": "github.txt", "line": "line.txt", "plain": "plain.txt",
          "html": "html"}


@pytest.fixture(scope="module")
def run(monkeypatch_module: pytest.MonkeyPatch) -> RunResult:
    """The golden Markdown input scanned with the test lexicon only, as a relative path."""
    from bingo import runner

    monkeypatch_module.chdir(DATA)
    mini = runner.load_lexicon([DATA / "mini-lexicon.yaml"], builtin=False)
    monkeypatch_module.setattr(runner, "build_lexicon", lambda settings, use_cache=True: mini)
    return execute(["golden.md"], Settings(lang="de"))


@pytest.fixture(scope="module")
def monkeypatch_module():
    patcher = pytest.MonkeyPatch()
    yield patcher
    patcher.undo()


def rendered(run: RunResult, name: str, **options: object) -> str:
    out = io.StringIO()
    renderer(name)(run, out, Options(**options))
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(SUFFIX))
def test_golden(run: RunResult, name: str) -> None:
    # SARIF names the directory it ran in (%SRCROOT%): the golden file has a stand-in for this checkout's
    text = rendered(run, name).replace(Path.cwd().as_uri() + "/", "file:///SRCROOT/")
    path = GOLDEN / f"golden.{SUFFIX[name]}"
    if os.environ.get("BINGO_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_every_format_has_a_golden_file() -> None:
    assert set(FORMATTERS) - {"rich"} == set(SUFFIX)


def test_what_the_golden_input_finds(run: RunResult) -> None:
    (file,) = run.files
    source = (DATA / "golden.md").read_text(encoding="utf-8")
    found = [(h.id, h.text, h.line) for h in file.hits]
    assert found == [
        ("synergy", "Synergien", 3),
        ("touchpoint", "Touchpoints", 3),
        ("customer-experience-management", "Customer Experience Management", 4),
        ("ganzheitlich", "ganzheitlich", 4),
        ("sau-durchs-dorf", "Sau durchs Dorf getrieben", 15),
        ("kundenerlebnis", "Kundenerlebnis", 17),
    ]
    assert file.suppressed == 2  # the Haltung line and the ignored next line
    for hit in file.hits:
        assert source[hit.start:hit.end] == hit.text


def test_rich_has_colours_plain_has_none(run: RunResult) -> None:
    assert "\x1b[" in rendered(run, "rich", color=True)
    assert "\x1b[" not in rendered(run, "plain")


def test_sarif_is_valid_against_the_official_schema(run: RunResult) -> None:
    jsonschema = optional_module("jsonschema", "test")
    schema = json.loads(shared_path("schemas", "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    document = json.loads(rendered(run, "sarif"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    (sarif_run,) = document["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert len([r for r in sarif_run["results"] if "suppressions" not in r]) == 6
    assert len([r for r in sarif_run["results"] if "suppressions" in r]) == 2  # the Haltung line, the ignored line
    for result in sarif_run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)


def test_github_escapes_and_summarises(run: RunResult) -> None:
    lines = rendered(run, "github").splitlines()
    assert lines[0].startswith("::warning file=golden.md,line=3,col=")
    assert "title=bingo%3A synergy [management]" in lines[0]
    assert lines[-1] == (f"bingo: golden.md: score {run.files[0].score}/100 ({run.files[0].verdict.label}), 6 hits, "
                         "0.0 AI tells per 1,000 words")


def test_error_files_in_machine_formats() -> None:
    from bingo.models import FileResult

    broken = RunResult((FileResult(path="bad.txt", lang=None, words=0, score=0, verdict=None,
                                   error="not valid UTF-8"),))
    assert json.loads(rendered(broken, "json"))["files"][0]["error"] == "not valid UTF-8"
    assert rendered(broken, "line") == ""  # said once, on stderr (test_empty_inputs.py)
    assert rendered(broken, "github").startswith("::error file=bad.txt,title=bingo::not valid UTF-8")
    sarif = json.loads(rendered(broken, "sarif"))["runs"][0]
    assert sarif["invocations"][0]["executionSuccessful"] is False


def test_streamed_json_equals_the_run_dict_exactly(run: RunResult) -> None:
    """The JSON renderer formats hits from pre-encoded parts; the bytes must equal a plain dump."""
    from bingo.hits import Hit
    from bingo.models import FileResult

    tricky = [Hit("q", 'Term "q"', 'Sch\u00f6ne \\ "Zitate"\n\u2028', "phrase", 1.5, "error", 1, 2, 2, 3, 4, 20),
              Hit("kpi", "KPI", "KPIs", "acronym", 1.0, "warning", 3, 1, 3, 5, 30, 34),
              Hit("q", 'Term "q"', "Q", "phrase", 1.5, "error", 4, 1, 4, 2, 40, 41)]
    extra = FileResult(path="tricky.txt", lang="de", words=10, score=5, verdict=None, hits=tricky)
    for case in (run, RunResult(files=(*run.files, extra))):
        expected = json.dumps(case.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
        assert rendered(case, "json") == expected
