"""Gates and the baseline ratchet decide exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bingo.errors import BingoError
from bingo.gates import Gates, exit_code, load_baseline
from bingo.models import FileResult, Hit, RunResult, Verdict


def hit(ident: str, category: str = "anglicism", level: str = "warning") -> Hit:
    return Hit(id=ident, term=ident, text=ident, category=category, weight=1.0, level=level,
               line=1, column=1, end_line=1, end_column=2, start=0, end=1)


def file(path: str, score: int, hits: list[Hit], bingo: bool = False) -> FileResult:
    return FileResult(path=path, lang="de", words=100, score=score, verdict=Verdict("x", "x"),
                      hits=tuple(hits), bingo=bingo)


RUN = RunResult((file("a.md", 30, [hit("touchpoint"), hit("cx", "acronym")]),
                 file("b.md", 60, [hit("sau-durchs-dorf", "idiom", "error")], bingo=True)))


@pytest.mark.parametrize(
    ("gates", "failing"),
    [
        (Gates(), []),
        (Gates(max_score=59), ["b.md"]),
        (Gates(max_score=29), ["a.md", "b.md"]),
        (Gates(max_hits=1), ["a.md"]),
        (Gates(fail_on_bingo=True), ["b.md"]),
        (Gates(fail_on=("idiom",)), ["b.md"]),
        (Gates(fail_on=("acronym",)), ["a.md"]),
        (Gates(fail_on=("error",)), ["b.md"]),
        (Gates(fail_on=("suggestion",)), ["a.md", "b.md"]),  # a level is a threshold: this level or above
        (Gates(fail_on=("warning",)), ["a.md", "b.md"]),
        (Gates(fail_on=("idiom", "acronym")), ["a.md", "b.md"]),
        (Gates(fail_on=("hashtag",)), []),
    ],
)
def test_gates(gates: Gates, failing: list[str]) -> None:
    failures = gates.failures(RUN)
    assert sorted({f.split(":")[0] for f in failures}) == failing
    assert exit_code(RUN, failures) == (1 if failing else 0)


@pytest.mark.parametrize(("level", "fails_on"), [
    ("suggestion", {"suggestion", "warning", "error"}), ("warning", {"warning", "error"}), ("error", {"error"})])
def test_fail_on_a_level_fails_on_it_and_every_more_severe_level(level: str, fails_on: set[str]) -> None:
    files = [file(f"{name}.md", 10, [hit("x", "phrase", name)]) for name in ("suggestion", "warning", "error")]
    failures = Gates(fail_on=(level,)).failures(RunResult(tuple(files)))
    assert {f.split(".md")[0] for f in failures} == fails_on
    assert all(f.endswith(f"(--fail-on {level})") for f in failures)


def test_unreadable_input_is_exit_2_even_when_gates_pass() -> None:
    broken = RunResult((*RUN.files, FileResult(path="c.md", lang=None, words=0, score=0, verdict=None, error="x")))
    assert exit_code(broken, []) == 2


def write_baseline(tmp_path: Path, run: RunResult) -> Path:
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(run.to_dict()), encoding="utf-8")
    return path


def test_baseline_ratchet(tmp_path: Path) -> None:
    baseline = load_baseline(write_baseline(tmp_path, RUN))
    assert Gates(baseline=baseline).failures(RUN) == []
    assert Gates(max_score=10, baseline=baseline).failures(RUN) == []  # old debt is tolerated
    worse = RunResult((file("a.md", 35, [hit("touchpoint"), hit("cx", "acronym"), hit("synergy")]), RUN.files[1],
                       file("new.md", 5, [hit("touchpoint")])))
    failures = Gates(baseline=baseline).failures(worse)
    assert failures == ["a.md: score rose from 30 to 35", "a.md: new hits of synergy",
                        "new.md: 1 new hit(s) in a file not in the baseline"]
    # with a threshold, a regressed file fails only when it is also over the threshold
    assert [f.split(":")[0] for f in Gates(max_score=30, baseline=baseline).failures(worse)] == ["a.md", "a.md", "a.md"]
    better = RunResult((file("a.md", 10, [hit("touchpoint")]),))
    assert Gates(baseline=baseline).failures(better) == []


@pytest.mark.parametrize("content", ["not json", '{"files": [{"path": "a"}]}', "[]"])
def test_bad_baseline(tmp_path: Path, content: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BingoError, match="not a bingo JSON report"):
        load_baseline(path)


def test_baseline_through_the_cli(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from bingo.cli import app

    copy = tmp_path / "copy.md"
    copy.write_text("Wir optimieren jeden Touchpoint.\n", encoding="utf-8")
    runner = CliRunner()
    report = tmp_path / "baseline.json"
    first = runner.invoke(app, ["scan", str(copy), "--format", "json", "--output", str(report)])
    assert first.exit_code == 0
    assert runner.invoke(app, ["scan", str(copy), "--format", "json", "--baseline", str(report)]).exit_code == 0
    copy.write_text("Wir optimieren jeden Touchpoint.\n\nUnd noch ein Touchpoint.\n", encoding="utf-8")
    worse = runner.invoke(app, ["scan", str(copy), "--format", "json", "--baseline", str(report)])
    assert worse.exit_code == 1 and "score rose" in worse.stderr


@pytest.mark.parametrize(("limit", "failing"), [(None, []), (20, []), (19.9, ["c.md"]), (0, ["c.md"])])
def test_max_ai_tells_gates_on_the_rate_per_1000_words(limit: float | None, failing: list[str]) -> None:
    tells = file("c.md", 10, [hit("delve", "ai-tell"), hit("tapestry", "ai-tell"), hit("touchpoint")])
    run = RunResult((tells, file("d.md", 10, [hit("touchpoint")])))
    assert tells.ai_tells == 2 and tells.ai_tells_per_1000 == 20.0
    failures = Gates(max_ai_tells=limit).failures(run)
    assert [f.split(":")[0] for f in failures] == failing
    if failing:
        assert "AI tells per 1,000 words are above --max-ai-tells" in failures[0]
