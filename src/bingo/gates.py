"""Decide the exit status of a run from its results, the thresholds and an optional baseline.

Without a baseline a file fails when it is over any threshold. With a baseline (a JSON report of
an earlier run) a file fails only when it regressed — its score rose or an entry has more hits
than before — and, when thresholds are set, is also over one of them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bingo.entry import LEVELS
from bingo.errors import BingoError
from bingo.models import JSON_VERSION, FileResult, RunResult
from bingo.paths import display
from bingo.quoting import shown

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


@dataclass(frozen=True)
class Baseline:
    """Per file: the score and the hit count per entry id of an earlier run."""

    files: Mapping[str, tuple[int, Counter[str]]]

    def regressions(self, result: FileResult) -> list[str]:
        """How a file got worse since the baseline (empty when it did not)."""
        counts = Counter(kind.id for kind in result.hits.entries())
        path = display(result.path)  # as the JSON report that became the baseline wrote it
        if path not in self.files:
            return [f"{len(result.hits)} new hit(s) in a file not in the baseline"] if result.hits else []
        score, before = self.files[path]
        out = []
        if result.score > score:
            out.append(f"score rose from {score} to {result.score}")
        new = sorted(ident for ident in counts if counts[ident] > before.get(ident, 0))
        if new:
            out.append(f"new hits of {', '.join(new)}")
        return out


def load_baseline(path: Path) -> Baseline:
    """Read a `--format json` report as a baseline; a bad file is a usage error naming it."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BingoError(f"{path}: no such baseline file") from None
    except OSError as exc:
        raise BingoError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise BingoError(f"{path}: not a bingo JSON report ({type(exc).__name__}: {exc})") from None
    except RecursionError:  # `[[[[…` nested deeper than the parser's stack
        raise BingoError(f"{path}: not a bingo JSON report (nested too deeply)") from None
    return Baseline(_baseline_files(path, data))


def _baseline_files(path: Path, data: Any) -> dict[str, tuple[int, Counter[str]]]:
    """Score and hit counts per file of a parsed report; BingoError saying what is wrong with its shape."""
    def bad(problem: str) -> BingoError:
        return BingoError(f"{path}: not a bingo JSON report ({problem})")

    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        raise bad("expected an object with a 'files' list")
    version = data.get("version", JSON_VERSION)  # a hand-written baseline may leave it out
    if isinstance(version, bool) or version != JSON_VERSION:
        raise bad(f"version {shown(version)}, this bingo reads version {JSON_VERSION}")
    files: dict[str, tuple[int, Counter[str]]] = {}
    for index, item in enumerate(data["files"]):
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise bad(f"files[{index}] must be an object with a 'path'")
        if item.get("error") is not None:
            continue
        score, hits = item.get("score"), item.get("hits")
        # a score is 0 to 100; 1e999 is infinity in Python's JSON, true is no number
        if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 100:
            raise bad(f"files[{index}].score must be a number from 0 to 100, not {shown(score)}")
        if not isinstance(hits, list) or not all(isinstance(h, dict) and isinstance(h.get("id"), str) for h in hits):
            raise bad(f"files[{index}].hits must be a list of objects with an 'id'")
        files[item["path"]] = (int(score), Counter(h["id"] for h in hits))
    return files


@dataclass(frozen=True)
class Gates:
    """Thresholds; a file over any of them fails the run."""

    max_score: int | None = None
    max_hits: int | None = None
    max_ai_tells: float | None = None
    fail_on_bingo: bool = False
    fail_on: tuple[str, ...] = ()
    baseline: Baseline | None = None

    @property
    def thresholds(self) -> bool:
        """True when any threshold is set."""
        return (self.max_score is not None or self.max_hits is not None or self.max_ai_tells is not None
                or self.fail_on_bingo or bool(self.fail_on))

    def over(self, result: FileResult) -> list[str]:
        """The thresholds one file exceeds."""
        out = []
        if self.max_score is not None and result.score > self.max_score:
            out.append(f"score {result.score} is above --max-score {self.max_score}")
        if self.max_hits is not None and len(result.hits) > self.max_hits:
            out.append(f"{len(result.hits)} hits are above --max-hits {self.max_hits}")
        if self.max_ai_tells is not None and result.ai_tells_per_1000 > self.max_ai_tells:
            out.append(f"{result.ai_tells_per_1000:g} AI tells per 1,000 words are above --max-ai-tells "
                       f"{self.max_ai_tells:g}")
        if self.fail_on_bingo and result.bingo:
            out.append("BINGO on the house card (--fail-on-bingo)")
        for name in self.fail_on:
            if name in LEVELS:  # a level is a threshold, as in Vale and ESLint: warning fails on errors too
                count = sum(1 for kind in result.hits.entries() if _rank(kind.level) >= LEVELS.index(name))
                what = name if name == LEVELS[-1] else f"level {name} or above"
            else:
                count, what = sum(1 for kind in result.hits.entries() if kind.category == name), name
            if count:
                out.append(f"{count} hit(s) of {what} (--fail-on {name})")
        return out

    def failures(self, run: RunResult) -> list[str]:
        """One line per failing file, saying why."""
        out: list[str] = []
        for result in run.scanned:
            reasons = self.over(result)
            if self.baseline is not None:
                regressed = self.baseline.regressions(result)
                if not regressed:
                    reasons = []
                elif not self.thresholds:
                    reasons = regressed
                elif reasons:
                    reasons = [*regressed, *reasons]
            out.extend(f"{display(result.path)}: {reason}" for reason in reasons)
        return out


def _rank(level: str) -> int:
    """How severe a level is (0 suggestion … 2 error); an unknown level counts as warning, the default."""
    return LEVELS.index(level) if level in LEVELS else LEVELS.index("warning")


def exit_code(run: RunResult, failures: list[str]) -> int:
    """2 when any input could not be read, else 1 when a gate failed, else 0."""
    if run.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failures else EXIT_OK
