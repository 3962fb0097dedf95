"""Benchmarks for bingo: throughput against the bare tokenizer, start-up, memory, --jobs.

    python benchmarks/run.py                   # 1, 10 and 50 MB, 3 repeats, default and full path
    python benchmarks/run.py --sizes 10MB --repeat 1 --paths default
    python benchmarks/run.py --quick           # 1 MB, 1 repeat, 200 small files (what CI runs)

Open-vocabulary corpora (rendered man pages, German and English) come first, then the corpora
of repeated samples (jargon-dense, and mostly spaCy tokenizer cache hits). Every process is
timed whole, from start to exit, and each throughput has the same process's start-up on a
one-line file subtracted; every figure is a median of --repeat runs and is printed beside a
baseline measured in the same run, so the ratios hold on a shared or any other machine.
Corpora and renderings are kept under $BINGO_BENCH_DIR (default <tmp>/bingo-bench).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

import corpora
from measure import CommandFailed
from scans import Bench, corpus_rows, small_file_rows, startup_rows
from table import Row, render

PATHS = {"default": {}, "full": {"BINGO_PREFILTER": "0"}}  # full: tokenise everything, no prefilter


def machine() -> str:
    """CPU model, cores, memory and versions, for the results table."""
    cpu, mem = "unknown CPU", 0
    try:
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1) if found else cpu
        total = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
        mem = int(total.group(1)) // (1024 * 1024) if total else 0
    except OSError:
        pass
    spacy = version("spacy")
    return f"{cpu}, {os.cpu_count()} cores, {mem} GiB, Python {platform.python_version()}, spaCy {spacy}"


def _note(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line, checked."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1MB,10MB,50MB", help="comma-separated sizes, any of 1MB,10MB,50MB")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is reported")
    parser.add_argument("--quick", action="store_true",
                        help="1 MB only, 1 repeat, default path, 200 small files, no raw-paragraph baseline, "
                             "no codespell (for CI)")
    parser.add_argument("--paths", help="bingo's code paths to time, comma-separated: default, full "
                        "(BINGO_PREFILTER=0: tokenise everything); default,full (--quick: default)")
    parser.add_argument("--bingo", default=str(Path(sys.executable).with_name("bingo")), help="the bingo executable")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    args.sizes = ["1MB"] if args.quick else list(dict.fromkeys(s for s in args.sizes.split(",") if s))
    args.paths = list(dict.fromkeys(p for p in (args.paths or ("default" if args.quick else "default,full")).split(",")
                                    if p))
    args.repeat = 1 if args.quick else args.repeat
    if not args.sizes or any(s not in corpora.SIZES for s in args.sizes):
        parser.error(f"--sizes: choose from {', '.join(corpora.SIZES)}")
    if not args.paths or any(p not in PATHS for p in args.paths):
        parser.error(f"--paths: choose from {', '.join(PATHS)}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not shutil.which(args.bingo):
        parser.error(f"bingo executable not found: {args.bingo}")
    args.sizes.sort(key=corpora.SIZES.__getitem__)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the table; return 0, or 1 when a measured command failed."""
    args = parse(argv)
    base = corpora.workdir()
    open_files: dict[str, dict[str, Path]] = {}
    for name in corpora.OPEN:
        built = corpora.open_corpus(name, args.sizes, base)
        if isinstance(built, str):
            print(f"skipping the {name} corpus: {built} (install: {corpora.INSTALL})", flush=True)
        else:
            open_files[name] = built
    samples = corpora.samples_corpus(args.sizes, 200 if args.quick else 2000, base / "samples")
    codespell = None if args.quick else shutil.which("codespell")
    if not codespell and not args.quick:
        print("codespell not installed: its reference times are left out (pip install codespell)", flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="bingo-bench-"))
    cache = scratch / "cache"
    clean = {k: v for k, v in os.environ.items() if k != "BINGO_PREFILTER"}
    envs = {p: {**clean, "BINGO_CACHE_DIR": str(cache), "BINGO_NO_PROGRESS": "1", **PATHS[p]} for p in args.paths}
    tiny = {lang: samples[f"tiny-{lang}"] for lang in ("de", "en")}
    bench = Bench(args.bingo, envs, args.repeat, 3 if args.quick else max(args.repeat, 5), scratch, tiny,
                  raw=not args.quick, note=_note)
    try:
        bench.warm()
        sections: list[tuple[str, list[Row]]] = [("start-up", startup_rows(bench, tiny["de"]))]
        for name, files in open_files.items():
            rows = corpus_rows(bench, name, name[:2], files, codespell, open_vocabulary=True)
            sections.append((f"{name}: man pages, open vocabulary", rows))
        for kind in corpora.SAMPLES:
            files = {size: samples[f"{kind}-{size}"] for size in args.sizes}
            sections.append((f"{kind}: repeated samples", corpus_rows(bench, kind, kind[:2], files, codespell)))
        label = f"{200 if args.quick else 2000:,} small files"
        sections.append((label, small_file_rows(bench, label, samples["small"], samples["pair"])))
    except CommandFailed as exc:
        print(f"benchmark command failed: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"\nmachine: {machine()}")
    print(f"repeats: {args.repeat} (medians); paths: {', '.join(args.paths)}; corpora: {base}; cache warmed first\n")
    for line in render(sections):
        print(line)
    if args.json:
        results = [{"section": title, **row.as_dict()} for title, rows in sections for row in rows]
        document = {"machine": machine(), "repeat": args.repeat, "paths": args.paths, "results": results}
        args.json.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
