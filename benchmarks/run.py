"""Benchmarks for bingo: throughput against the bare spaCy tokenizer, start-up, memory, --jobs.

    python benchmarks/run.py            # 1 MB, 10 MB and 50 MB, 3 repeats (about 20 minutes on 2 cores)
    python benchmarks/run.py --quick    # 1 MB only, 1 repeat, 200 small files (CI keeps it working)

Every figure is a median of --repeat runs and is printed with the baseline measured in the same
run, so the ratios hold on any machine. The corpus is built under benchmarks/corpus/ (ignored by
git) from the project's own samples.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "corpus"
MB = 1024 * 1024
SIZES = {"1MB": MB, "10MB": 10 * MB, "50MB": 50 * MB}
TARGETS = {"throughput": 0.6, "startup": 1.5, "memory": 1.3, "jobs": 1.6}


def build_corpus(sizes: Sequence[str], small_files: int) -> dict[str, Path]:
    """Big files per language and size, plus a folder of small mixed files, from samples/."""
    CORPUS.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    texts = {}
    for lang in ("de", "en"):
        files = sorted((ROOT / "samples").glob(f"{lang}-*.txt"))
        texts[lang] = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in files) + "\n\n"
        plain = sorted((ROOT / "samples").glob(f"{lang}-plain-*.txt"))
        texts[f"{lang}-plain"] = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in plain) + "\n\n"
    for lang, text in texts.items():
        unit = text.encode("utf-8")
        for name in sizes:
            path = CORPUS / f"{lang}-{name}.txt"
            if not path.exists() or path.stat().st_size < SIZES[name]:
                with path.open("wb") as handle:
                    for _ in range(SIZES[name] // len(unit) + 1):
                        handle.write(unit)
            out[f"{lang}-{name}"] = path
    folder = CORPUS / f"small-{small_files}"
    if not folder.exists():
        folder.mkdir()
        paragraphs = [p for lang in texts for p in texts[lang].split("\n\n") if p.strip()]
        for i in range(small_files):
            (folder / f"page-{i:05}.md").write_text("\n\n".join(paragraphs[i % len(paragraphs):][:3]) + "\n", encoding="utf-8")
    out["small"] = folder
    # the fixed cost of a folder run (start-up, both languages' matchers, the pool): two files
    pair = CORPUS / "small-pair"
    if not pair.exists():
        pair.mkdir()
        for lang in ("de", "en"):
            (pair / f"page-{lang}.md").write_text(texts[lang].split("\n\n")[0] + "\n", encoding="utf-8")
    out["pair"] = pair
    return out


def median_time(run: Callable[[], None], repeat: int) -> float:
    """Median wall time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command(bingo: str, args: Sequence[str], stdin: bytes | None = None, env: dict[str, str] | None = None) -> None:
    """Run bingo; exit code 1 (over a threshold) is fine, anything else is a failure."""
    done = subprocess.run([bingo, *args], input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if done.returncode not in (0, 1):
        raise SystemExit(f"benchmark command failed ({done.returncode}): bingo {' '.join(args)}\n{done.stderr.decode()}")


# A forked child starts with its parent's peak RSS as its own (Linux keeps the high-water mark
# across fork and exec), and this script holds a 50 MB corpus: measure through a small launcher.
_LAUNCHER = ("import os, subprocess, sys\n"
             "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
             "_, status, usage = os.wait4(p.pid, 0)\n"
             "print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))\n")


def peak_rss_kb(argv: Sequence[str], env: dict[str, str]) -> int:
    """Peak resident memory (KiB) of one run of `argv`, its own (via wait4 in a small launcher)."""
    done = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], env=env, capture_output=True, text=True, check=True)
    peak, code = map(int, done.stdout.split())
    if code not in (0, 1):
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(argv)}")
    return peak


def bare_tokenizer(path: Path, lang: str, repeat: int, flat: bool = False) -> tuple[float, int]:
    """Seconds and alphabetic tokens for spaCy's blank tokenizer over the file's paragraphs.

    Each repeat uses a fresh pipeline, so its tokenizer cache starts cold as in a `bingo` process.
    `flat`: whitespace runs collapsed to one space first, which is the text bingo itself tokenizes
    (raw line breaks make many more distinct chunks, and a cold spaCy tokenizer ~10x slower).
    """
    import spacy

    paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    if flat:
        paragraphs = [" ".join(p.split()) for p in paragraphs]
    nlp = spacy.blank(lang)
    words = sum(sum(1 for t in doc if t.is_alpha) for doc in nlp.tokenizer.pipe(paragraphs))  # not timed

    def run() -> None:
        for _ in spacy.blank(lang).tokenizer.pipe(paragraphs):
            pass

    return median_time(run, repeat), words


def machine() -> str:
    """CPU model, cores, memory and versions, for the results table."""
    cpu = "unknown CPU"
    try:
        cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text()).group(1)
        mem = int(re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()).group(1)) // (1024 * 1024)
    except (OSError, AttributeError):
        mem = 0
    import spacy

    return f"{cpu}, {os.cpu_count()} cores, {mem} GiB, Python {platform.python_version()}, spaCy {spacy.__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the table; return 0 (1 only when a measured command failed)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1MB,10MB,50MB", help="comma-separated sizes (1MB,10MB,50MB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is reported")
    parser.add_argument("--quick", action="store_true", help="1 MB only, 1 repeat, 200 small files (for CI)")
    parser.add_argument("--bingo", default=str(Path(sys.executable).with_name("bingo")), help="the bingo executable")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    sizes = ["1MB"] if args.quick else [s for s in args.sizes.split(",") if s]
    repeat = 1 if args.quick else args.repeat
    if not shutil.which(args.bingo):
        parser.error(f"bingo executable not found: {args.bingo}")
    corpus = build_corpus(sizes, 200 if args.quick else 2000)
    cache = tempfile.mkdtemp(prefix="bingo-bench-cache-")
    env = {**os.environ, "BINGO_CACHE_DIR": cache, "BINGO_NO_PROGRESS": "1"}
    rows: list[tuple[str, float, float, str, str]] = []  # name, value, baseline, unit, target key

    # warm the compiled-lexicon cache for both languages (measured runs are warm starts)
    for lang in ("de", "en"):
        command(args.bingo, ["scan", "--format", "json", "--lang", lang, "-"], b"Synergien heben\n", env)

    startup = median_time(lambda: command(args.bingo, ["scan", "-"], b"Synergien heben\n", env), max(repeat, 5))
    spacy_import = median_time(lambda: subprocess.run([sys.executable, "-c", "import spacy"], check=True), max(repeat, 5))
    rows.append(("start-up: echo 'Synergien heben' | bingo scan - (s)", startup, spacy_import, "s", "startup"))

    for kind in ("de", "en", "de-plain"):
        lang = kind[:2]
        for size in sizes:
            path = corpus[f"{kind}-{size}"]
            bare_s, words = bare_tokenizer(path, lang, repeat)
            flat_s, _ = bare_tokenizer(path, lang, repeat, flat=True)
            scan_s = median_time(lambda: command(args.bingo, ["scan", "--format", "json", "--lang", lang, "--jobs", "1", str(path)], env=env), repeat)
            net = max(scan_s - startup, 1e-6)
            rows.append((f"throughput {kind} {size} vs raw paragraphs (w/s, start-up subtracted)", words / net, words / bare_s, "w/s", "throughput"))
            rows.append((f"throughput {kind} {size} vs raw paragraphs (w/s, wall)", words / scan_s, words / bare_s, "w/s", "throughput"))
            rows.append((f"throughput {kind} {size} vs flattened paragraphs (w/s, start-up subtr.)", words / net, words / flat_s, "w/s", "throughput"))

    big = "50MB" if "50MB" in sizes else sizes[-1]
    for kind in ("de", "en", "de-plain"):
        scan = [args.bingo, "scan", "--format", "json", "--lang", kind[:2], "--jobs", "1", "-o", os.devnull]
        small_rss = statistics.median(peak_rss_kb([*scan, str(corpus[f"{kind}-1MB"])], env) for _ in range(repeat))
        big_rss = statistics.median(peak_rss_kb([*scan, str(corpus[f"{kind}-{big}"])], env) for _ in range(repeat))
        rows.append((f"peak RSS {kind} {big} vs 1MB (MiB)", big_rss / 1024, small_rss / 1024, "MiB", "memory"))

    for label, target in (("2,000 small files" if not args.quick else "200 small files", corpus["small"]),
                          (f"de {big} file", corpus[f"de-{big}"]), (f"de-plain {big} file", corpus[f"de-plain-{big}"])):
        one = median_time(lambda: command(args.bingo, ["scan", "--format", "json", "--jobs", "1", str(target)], env=env), repeat)
        two = median_time(lambda: command(args.bingo, ["scan", "--format", "json", "--jobs", "2", str(target)], env=env), repeat)
        rows.append((f"--jobs 2 vs --jobs 1 on {label} (s)", two, one, "s", "jobs"))
        if target == corpus["small"]:  # the part that can run in parallel (Amdahl: see README)
            fixed = {jobs: median_time(lambda: command(args.bingo, ["scan", "--format", "json", "--jobs", jobs, str(corpus["pair"])], env=env), repeat)
                     for jobs in ("1", "2")}
            rows.append((f"--jobs 2 vs 1 on {label}, a 2-file run's time subtracted (s)",
                         max(two - fixed["2"], 1e-6), max(one - fixed["1"], 1e-6), "s", "jobs"))

    print(f"machine: {machine()}")
    print(f"repeats: {repeat} (medians); corpus: {CORPUS}; cache warmed before timing\n")
    header = f"{'metric':<72} {'value':>12} {'baseline':>12} {'ratio':>7} {'target':>8}  ok"
    print(header)
    print("-" * len(header))
    results = []
    for name, value, baseline, unit, key in rows:
        if key == "throughput":
            ratio, ok = value / baseline, value / baseline >= TARGETS[key]
            target = f">= {TARGETS[key]}"
        elif key == "jobs":
            ratio = baseline / value  # speed-up
            ok, target = ratio >= TARGETS[key], f">= {TARGETS[key]}"
        else:
            ratio = value / baseline
            ok, target = ratio <= TARGETS[key], f"<= {TARGETS[key]}"
        fmt = ",.0f" if unit == "w/s" else ".3f" if unit == "s" else ".1f"
        print(f"{name:<72} {value:>12{fmt}} {baseline:>12{fmt}} {ratio:>7.2f} {target:>8}  {'ok' if ok else 'MISS'}")
        results.append({"metric": name, "value": value, "baseline": baseline, "ratio": ratio, "target": target, "ok": ok})
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "repeat": repeat, "results": results}, indent=2), encoding="utf-8")
    shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
