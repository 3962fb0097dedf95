"""`--format sarif`: SARIF 2.1.0, one rule per lexicon entry and one result per hit.

What consumers (GitHub code scanning, VS Code's SARIF viewer) rely on beyond the schema:
- columns are code points (`columnKind`), as Python counts them; UTF-16 would be off after an emoji;
- paths are relative to `%SRCROOT%`, the current directory (absolute paths outside it stay absolute);
- hits an inline directive suppressed are results with `suppressions`, so a dashboard shows them as such;
- GitHub rejects runs over 25,000 results or 10 MB gzip-compressed: the log is cut to fit, the most
  severe results kept, and a notification says how many were left out.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from bingo.lexicon import CATEGORIES
from bingo.models import EntryInfo, FileResult, Hit, RunResult
from bingo.paths import display, raw, uri
from bingo.report import Options
from bingo.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"suggestion": "note", "warning": "warning", "error": "error"}
SRCROOT = "%SRCROOT%"
MAX_RESULTS = 25_000
"""GitHub code scanning rejects a run with more results."""
MAX_BYTES = 10 * 1024 * 1024
"""GitHub code scanning rejects a log bigger than this, gzip-compressed."""
_RANK = {"error": 0, "warning": 1, "note": 2}  # which results a cut log keeps first


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


def location(path: str, root: Path) -> dict[str, Any]:
    """The artifactLocation of an input: relative to %SRCROOT% (`root`, the current directory) when inside it."""
    if path == "<stdin>":
        return {"uri": uri(path)}
    full = Path(os.path.normpath(root / path))
    if full.is_relative_to(root):
        return {"uri": uri(full.relative_to(root).as_posix()), "uriBaseId": SRCROOT}
    return {"uri": file_uri(full)}


def file_uri(path: PurePath) -> str:
    """An absolute path as a `file://` URI (the bytes of a name that is not UTF-8 percent-encoded)."""
    text = path.as_posix()
    return "file://" + ("" if text.startswith("/") else "/") + quote(raw(text))


def result(file: FileResult, hit: Hit, index: int | None, artifact: dict[str, Any],
           suppressed: bool = False, reason: str | None = None) -> dict[str, Any]:
    """The SARIF result of one hit in the file at `artifact` (`suppressed`: an inline directive, giving `reason`)."""
    info = file.entry(hit.id)
    # a phrase said across two cues spans the timing line between them: the message names the term
    said = hit.term if hit.time is not None and "\n" in hit.text else hit.text
    message = f"{said}: {info.advice}" if info else said
    data: dict[str, Any] = {
        "ruleId": hit.id,
        **({"ruleIndex": index} if index is not None else {}),
        "level": LEVELS.get(hit.level, "warning"),
        "message": {"text": message},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": hit.line, "startColumn": hit.column, "endLine": hit.end_line,
                       "endColumn": hit.end_column, "charOffset": hit.start, "charLength": hit.end - hit.start,
                       "snippet": {"text": hit.text}},
        }}],
        "properties": {"category": hit.category, "weight": hit.weight, **hit.cue_fields()},
    }
    if suppressed:
        data["suppressions"] = [{"kind": "inSource", **({"justification": reason} if reason else {})}]
    return data


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
    root = Path.cwd()
    results = []
    for f in run.scanned:
        where = location(f.path, root)
        results += [result(f, hit, index[hit.id], where) for hit in f.hits]
        results += [result(f, hit, index.get(hit.id), where, suppressed=True, reason=why)
                    for hit, why in f.suppressed_hits()]
    notifications = [{"level": "error", "message": {"text": f"{display(f.path)}: {f.error}"},
                      "locations": [{"physicalLocation": {"artifactLocation": location(f.path, root)}}]}
                     for f in run.errors]
    invocation: dict[str, Any] = {"executionSuccessful": not run.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    base = file_uri(root)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "bingo", "version": __version__,
                                "rules": [rule(info) for info in rules]}},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": base if base.endswith("/") else base + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"scores": {display(f.path): f.score for f in run.scanned},
                           "aiTellsPer1000Words": {display(f.path): f.ai_tells_per_1000 for f in run.scanned}},
        }],
    }


def capped(log: dict[str, Any], keep: int) -> int:
    """Cut the run's results to the `keep` most severe (text order kept); the number left out."""
    sarif_run = log["runs"][0]
    results: list[dict[str, Any]] = sarif_run["results"]
    if len(results) <= keep:
        return 0
    # unsuppressed before suppressed, then by severity, then in text order
    order = sorted(range(len(results)), key=lambda i: ("suppressions" in results[i],
                                                       _RANK.get(results[i]["level"], 1), i))
    kept = sorted(order[:keep])
    sarif_run["results"] = [results[i] for i in kept]
    left = len(results) - keep
    invocation = sarif_run["invocations"][0]
    invocation.setdefault("toolExecutionNotifications", []).append({"level": "warning", "message": {"text": (
        f"{left} of {len(results)} results left out: GitHub code scanning accepts at most {MAX_RESULTS:,} results "
        f"and {MAX_BYTES / 2**20:g} MiB gzip-compressed per run; the {keep} most severe are reported")}})
    return left


def encoded(log: dict[str, Any]) -> str:
    """The log as compact JSON."""
    return json.dumps(log, ensure_ascii=False, separators=(",", ":"))


def render(run: RunResult, out: TextIO, options: Options) -> None:
    """Write the SARIF log as compact JSON and a newline, cut to GitHub's limits (warning on `options.warn`)."""
    log = document(run)
    total = len(log["runs"][0]["results"])
    left = capped(log, MAX_RESULTS)
    text = encoded(log)
    while (log["runs"][0]["results"] and len(text.encode()) > MAX_BYTES
           and (size := len(gzip.compress(text.encode(), 6))) > MAX_BYTES):
        log = document(run)  # fewer results, in proportion to the excess (and a margin)
        left = capped(log, int((total - left) * MAX_BYTES / size * 0.9))
        text = encoded(log)
    if left and options.warn is not None:
        options.warn(f"warning: the SARIF log leaves out {left} of {total} results (GitHub's limits per run)")
    out.write(text)
    out.write("\n")
