"""The measurements of one corpus: bingo against the bare tokenizer and codespell, memory, --jobs.

Whatever is compared runs in the same rounds (see `measure.rounds`), and every throughput is
words over the median of (run - start-up) per round, the start-up being the same command on a
one-line file in that round.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import corpora
from measure import Job, Run, median, net_seconds, rounds, run
from table import Row

HERE = Path(__file__).resolve().parent
CODESPELL_OK = (0, 65)  # 65: misspellings found (EX_DATAERR)


@dataclass(frozen=True)
class Bench:
    """What every measurement needs: the executable, one environment per code path, repeats, scratch space."""

    bingo: str
    envs: Mapping[str, Mapping[str, str]]  # code path -> environment; the first is the reference
    repeat: int
    startup_repeat: int
    scratch: Path
    tiny: Mapping[str, Path]  # a one-line file per language
    raw: bool = True  # also the tokenizer over the raw (not flattened) paragraphs
    note: Callable[[str], None] = print  # progress, one line per step

    @property
    def paths(self) -> list[str]:
        """The code paths, the reference first."""
        return list(self.envs)

    def env(self, path: str | None = None) -> Mapping[str, str]:
        """The environment of code path `path` (default: the reference)."""
        return self.envs[path or self.paths[0]]

    def scan(self, lang: str | None, target: Path, jobs: int = 1, path: str | None = None,
             stdout: Path | None = None) -> Job:
        """`bingo scan --format json [--lang L] --jobs N TARGET` under code path `path`."""
        argv = [self.bingo, "scan", "--format", "json", *(["--lang", lang] if lang else []), "--jobs", str(jobs),
                str(target)]
        return Job(argv, self.env(path), stdout=stdout)

    def tokenizer(self, lang: str, target: Path) -> Job:
        """The bare tokenizer over TARGET's paragraphs, in a process of its own."""
        return Job([sys.executable, str(HERE / "bare_tokenizer.py"), lang, str(target)], self.env(), ok=(0,))

    def warm(self) -> None:
        """Fill the compiled-lexicon cache for both languages, so that timed runs are warm starts."""
        for lang, tiny in self.tiny.items():
            for job in (*(self.scan(lang, tiny, path=p) for p in self.paths), self.tokenizer(lang, tiny)):
                run(job.argv, job.env, job.ok)


def startup_rows(bench: Bench, stdin: Path) -> list[Row]:
    """`echo 'Synergien heben' | bingo scan -` against `python -c 'import spacy'`."""
    runs = rounds({"bingo": Job([bench.bingo, "scan", "-"], bench.env(), stdin=stdin),
                   "spacy": Job([sys.executable, "-c", "import spacy"], bench.env(), ok=(0,))}, bench.startup_repeat)
    return [Row("echo 'Synergien heben' | bingo scan - vs python -c 'import spacy' (s)",
                median(runs["bingo"]).wall, median(runs["spacy"]).wall, "s", "startup")]


def corpus_rows(bench: Bench, name: str, lang: str, files: Mapping[str, Path], codespell: str | None,
                open_vocabulary: bool = False) -> list[Row]:
    """Throughput per size and code path against the tokenizer (and codespell), peak RSS, --jobs 2.

    On an open-vocabulary corpus bingo must beat the tokenizer (target `open`); on the repeated
    samples the default path must keep up with the full path (target `dense`).
    """
    ref, tiny, out = bench.paths[0], bench.tiny[lang], bench.scratch / "scan.json"
    throughput = "open" if open_vocabulary else "throughput"
    small, big = next(iter(files)), list(files)[-1]
    rows: list[Row] = []
    scans: dict[tuple[str, str], list[Run]] = {}
    jobs_rows: list[Row] = []
    for size, target in files.items():
        bench.note(f"measuring {name} {size} ({bench.repeat} rounds)")
        jobs: dict[str, Job] = {}
        for path in bench.paths:
            jobs[f"start {path}"] = bench.scan(lang, tiny, path=path)
            jobs[path] = bench.scan(lang, target, path=path, stdout=out if path == ref else None)
        jobs["start tokenizer"] = bench.tokenizer(lang, tiny)
        jobs["flat"] = bench.tokenizer(lang, corpora.flattened(target))
        if bench.raw:
            jobs["raw"] = bench.tokenizer(lang, target)
        if size == big:
            jobs["jobs 2"] = bench.scan(lang, target, jobs=2)
        runs = rounds(jobs, bench.repeat)
        words = int(json.loads(out.read_text(encoding="utf-8"))["summary"]["words"])
        speed = {path: words / net_seconds(runs[path], runs[f"start {path}"]) for path in bench.paths}
        flat = words / net_seconds(runs["flat"], runs["start tokenizer"])
        label = f"{name} {size}: bingo"
        # the baseline is the tokenizer over the same (raw) paragraphs; --quick has only the flattened one
        rows.append(Row(f"{label} vs tokenizer, flattened paragraphs (w/s)", speed[ref], flat, "w/s",
                        "throughput" if bench.raw else throughput))
        if bench.raw:
            rows.append(Row(f"{label} vs tokenizer, raw paragraphs (w/s)", speed[ref],
                            words / net_seconds(runs["raw"], runs["start tokenizer"]), "w/s", throughput))
        for path in bench.paths[1:]:
            rows.append(Row(f"{label} {path} path vs tokenizer, flattened (w/s)", speed[path], flat, "w/s",
                            "throughput"))
            rows.append(Row(f"{label} {ref} path vs {path} path (w/s)", speed[ref], speed[path], "w/s",
                            None if open_vocabulary else "dense"))
        if codespell:  # a reference, run once: it is slow on German (most words are typos to it)
            bench.note(f"measuring codespell on {name} {size}")
            spell = rounds({"start": Job([codespell, str(tiny)], bench.env(), CODESPELL_OK),
                            "file": Job([codespell, str(target)], bench.env(), CODESPELL_OK)}, 1)
            rows.append(Row(f"{label} vs codespell, 1 run (w/s)", speed[ref],
                            words / net_seconds(spell["file"], spell["start"]), "w/s"))
            if size == big and open_vocabulary:
                jobs_rows.append(Row(f"{name} {big}: --jobs 2 vs codespell, whole wall time (s)",
                                     median(runs["jobs 2"]).wall, median(spell["file"]).wall, "s", "codespell"))
        scans |= {(path, size): runs[path] for path in bench.paths}
        if size == big:
            jobs_rows.append(Row(f"{name} {big}: --jobs 2 vs --jobs 1 (s)", median(runs["jobs 2"]).wall,
                                 median(runs[ref]).wall, "s", "jobs"))
    if small != big:
        for path in bench.paths:
            which = "" if path == ref else f", {path} path"
            rows.append(Row(f"{name}: peak RSS {big} vs {small}{which} (MiB)", median(scans[path, big]).rss_kib / 1024,
                            median(scans[path, small]).rss_kib / 1024, "MiB", "memory"))
    return rows + jobs_rows


def small_file_rows(bench: Bench, label: str, folder: Path, pair: Path) -> list[Row]:
    """--jobs 2 against --jobs 1 on many small files, also with a 2-file run's fixed cost subtracted."""
    # the part that can run in parallel (Amdahl: see README): start-up, both matchers and the pool are fixed
    bench.note(f"measuring {label}")
    runs = rounds({("files", 1): bench.scan(None, folder, 1), ("files", 2): bench.scan(None, folder, 2),
                   ("pair", 1): bench.scan(None, pair, 1), ("pair", 2): bench.scan(None, pair, 2)}, bench.repeat)
    one, two = median(runs["files", 1]).wall, median(runs["files", 2]).wall
    return [Row(f"--jobs 2 vs --jobs 1 on {label} (s)", two, one, "s", "jobs"),
            Row(f"--jobs 2 vs 1 on {label}, a 2-file run's time subtracted (s)",
                net_seconds(runs["files", 2], runs["pair", 2]), net_seconds(runs["files", 1], runs["pair", 1]),
                "s", "jobs")]
