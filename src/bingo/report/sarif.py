"""`--format sarif`: SARIF 2.1.0, one rule per lexicon entry and one result per hit."""

from __future__ import annotations

import json
from typing import Any, TextIO

from bingo.lexicon import CATEGORIES
from bingo.models import EntryInfo, FileResult, Hit, RunResult
from bingo.paths import display, uri
from bingo.report import Options
from bingo.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"suggestion": "note", "warning": "warning", "error": "error"}
INFO_URI = "https://pypi.org/project/bingo-cx/"


def rule(info: EntryInfo) -> dict[str, Any]:
    """The SARIF reportingDescriptor of one lexicon entry."""
    data: dict[str, Any] = {
        "id": info.id,
        "name": info.term,
        "shortDescription": {"text": info.term},
        "fullDescription": {"text": info.message},
        "help": {"text": info.advice},
        "defaultConfiguration": {"level": LEVELS.get(info.level, "warning")},
        "properties": {"category": info.category, "weight": info.weight, "source": info.source,
                       "tags": [info.category, CATEGORIES.get(info.category, {}).get("en", info.category)]},
    }
    if info.link:
        data["helpUri"] = info.link
    return data


def result(file: FileResult, hit: Hit, index: int) -> dict[str, Any]:
    """The SARIF result of one hit."""
    info = file.entry(hit.id)
    message = f"{hit.text}: {info.advice}" if info else hit.text
    return {
        "ruleId": hit.id,
        "ruleIndex": index,
        "level": LEVELS.get(hit.level, "warning"),
        "message": {"text": message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri(file.path)},
            "region": {"startLine": hit.line, "startColumn": hit.column, "endLine": hit.end_line,
                       "endColumn": hit.end_column, "charOffset": hit.start, "charLength": hit.end - hit.start,
                       "snippet": {"text": hit.text}},
        }}],
        "properties": {"category": hit.category, "weight": hit.weight, **hit.cue_fields()},
    }


def document(run: RunResult) -> dict[str, Any]:
    """The whole SARIF log of a run."""
    rules = list(run.rules)
    known = {info.id for info in rules}
    for file in run.scanned:  # entries hit but missing from `rules` (API callers) still get a rule
        for info in file.entries:
            if info.id not in known:
                rules.append(info)
                known.add(info.id)
    index = {info.id: i for i, info in enumerate(rules)}
    results = [result(f, hit, index[hit.id]) for f in run.scanned for hit in f.hits]
    notifications = [{"level": "error", "message": {"text": f"{display(f.path)}: {f.error}"},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(f.path)}}}]}
                     for f in run.errors]
    invocation: dict[str, Any] = {"executionSuccessful": not run.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "bingo", "version": __version__, "informationUri": INFO_URI,
                                "rules": [rule(info) for info in rules]}},
            "invocations": [invocation],
            "results": results,
            "properties": {"scores": {display(f.path): f.score for f in run.scanned},
                           "aiTellsPer1000Words": {display(f.path): f.ai_tells_per_1000 for f in run.scanned}},
        }],
    }


def render(run: RunResult, out: TextIO, options: Options) -> None:
    """Write the SARIF log as compact JSON and a newline."""
    out.write(json.dumps(document(run), ensure_ascii=False, separators=(",", ":")))
    out.write("\n")
