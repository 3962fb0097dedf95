"""The benchmark's corpora: rendered Debian man pages (open vocabulary) and repeated samples.

Everything is written under a work directory outside the repository (the man pages are
third-party texts). Rendering a page takes ~0.1 s, so each page's rendering is cached (keyed by
its path, size and time), and the sized files are assembled from that cache in a folder named
after the pages' package version (or, for a folder of many packages' pages, a digest of it).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
SIZES = {"1MB": MB, "10MB": 10 * MB, "50MB": 50 * MB}
GERMAN = "manpages-de"
INSTALL = "apt-get install manpages manpages-de man-db groff-base"
SAMPLES = ("de", "en", "de-plain")
RENDER_ENV = {"MANWIDTH": "80", "LC_ALL": "C.UTF-8"}
_BLANK_LINES = re.compile(r"\n(?:[ \t\f\v\r]*\n)+")
_PAGE = re.compile(r"\.\d\w*(\.gz)?$")


def workdir() -> Path:
    """Where corpora and renderings live: $BINGO_BENCH_DIR, else <tmp>/bingo-bench."""
    return Path(os.environ.get("BINGO_BENCH_DIR") or Path(tempfile.gettempdir()) / "bingo-bench")


def _write_cycled(path: Path, units: Sequence[str], size: int) -> Path:
    """Write `units` (each ending in a blank line) in order, again and again, until `size` bytes."""
    if path.exists() and path.stat().st_size >= size:
        return path
    encoded = [u.encode("utf-8") for u in units]
    written = 0
    partial = path.with_suffix(".part")
    with partial.open("wb") as handle:
        while written < size:
            for unit in encoded:
                handle.write(unit)
                written += len(unit)
                if written >= size:
                    break
    partial.replace(path)
    return path


def blocks(rendered: str) -> str:
    """A rendering as blank-line separated blocks, each block's lines (and whitespace) as rendered."""
    parts = [p for p in _BLANK_LINES.split(rendered.replace("\r\n", "\n")) if p.strip()]
    return "".join(p.strip("\n") + "\n\n" for p in parts)


def _pages(paths: list[str]) -> list[Path]:
    """Man page files among `paths`, sorted; a symlink is an alias of another page and left out."""
    pages = sorted(Path(p) for p in paths if "/man/" in p and _PAGE.search(p))
    return [p for p in pages if p.is_file() and not p.is_symlink()]


def german_pages() -> tuple[str, list[Path]] | str:
    """A key naming manpages-de's version, and its pages (sorted); or why there are none."""
    for tool in ("man", "col", "dpkg-query"):
        if not shutil.which(tool):
            return f"'{tool}' not found"
    query = subprocess.run(["dpkg-query", "-W", "-f", "${Status}\t${Version}", GERMAN], capture_output=True, text=True)
    status, _, version = query.stdout.partition("\t")
    if query.returncode != 0 or not status.endswith(" installed"):
        return f"package {GERMAN} is not installed"
    pages = _pages(subprocess.run(["dpkg-query", "-L", GERMAN], capture_output=True, text=True).stdout.splitlines())
    key = f"{GERMAN}-{re.sub(r'[^A-Za-z0-9.+-]', '_', version)}"
    return (key, pages) if pages else f"package {GERMAN} has no man pages on this machine"


def english_pages() -> tuple[str, list[Path]] | str:
    """The English originals of manpages-de's pages that are installed (man1 from many packages,
    man5 and man7 mostly from `manpages`), keyed by a digest of their names and sizes.

    Not all of /usr/share/man/man1: which pages are there depends on what is installed, and on
    this machine 16,631 of its 17,847 pages are one generated CLI reference (gcloud).
    """
    german = german_pages()
    if isinstance(german, str):
        return german
    pages = _pages([str(p).replace("/man/de/", "/man/", 1) for p in german[1]])
    listing = "\n".join(f"{p} {p.stat().st_size}" for p in pages)
    key = f"en-originals-{hashlib.sha1(listing.encode()).hexdigest()[:12]}"
    return (key, pages) if pages else "no English originals of manpages-de's pages installed (package manpages)"


def render(page: Path) -> str:
    """`man -l PAGE | col -b` at 80 columns, as blocks."""
    env = {**os.environ, **RENDER_ENV}
    man = subprocess.Popen(["man", "-l", str(page)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    col = subprocess.run(["col", "-b"], stdin=man.stdout, capture_output=True, env=env)
    assert man.stdout is not None
    man.stdout.close()
    man.wait()
    return blocks(col.stdout.decode("utf-8", errors="replace"))


def _rendered(pages: Sequence[Path], cache: Path, jobs: int = 2) -> Iterator[str]:
    """Each page's rendering in order, from the cache or rendered now (`jobs` at a time)."""
    cache.mkdir(parents=True, exist_ok=True)

    def one(page: Path) -> str:
        stat = page.stat()
        key = hashlib.sha1(f"{page}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()).hexdigest()[:20]
        cached = cache / f"{key}.txt"
        if cached.exists():
            return cached.read_text(encoding="utf-8")
        text = render(page)
        cached.with_suffix(".part").write_text(text, encoding="utf-8")
        cached.with_suffix(".part").replace(cached)
        return text

    with ThreadPoolExecutor(jobs) as pool:
        for start in range(0, len(pages), 4 * jobs):
            yield from pool.map(one, pages[start:start + 4 * jobs])


# the open-vocabulary corpora and where their pages come from
OPEN: dict[str, Callable[[], tuple[str, list[Path]] | str]] = {"de-open": german_pages, "en-open": english_pages}


def open_corpus(name: str, sizes: Sequence[str], base: Path) -> dict[str, Path] | str:
    """Files `{name}-{size}` of rendered man pages (sorted order, cycled), or why they cannot be built."""
    found = OPEN[name]()
    if isinstance(found, str):
        return found
    key, pages = found
    folder = base / f"{key}-w{RENDER_ENV['MANWIDTH']}"
    wanted = {size: folder / f"{name}-{size}.txt" for size in sizes}
    missing = [s for s in sizes if not (wanted[s].exists() and wanted[s].stat().st_size >= SIZES[s])]
    if missing:
        # render only as many pages as the largest missing file needs (all of them when it cycles)
        need, total, texts, seen = max(SIZES[s] for s in missing), 0, [], set()
        for text in _rendered(pages, base / f"pages-w{RENDER_ENV['MANWIDTH']}"):
            digest = hashlib.sha1(text.encode()).digest()
            if text and digest not in seen:  # `.so` aliases render as their target: keep one
                seen.add(digest)
                texts.append(text)
                total += len(text.encode("utf-8"))
                if total >= need:
                    break
        folder.mkdir(parents=True, exist_ok=True)
        for size in missing:
            _write_cycled(wanted[size], texts, SIZES[size])
    return wanted


def samples_corpus(sizes: Sequence[str], small_files: int, base: Path) -> dict[str, Path]:
    """Per language all samples repeated to each size, a plain German one, small files, a 2-file folder."""
    base.mkdir(parents=True, exist_ok=True)
    texts = {}
    for lang in ("de", "en"):
        for kind, pattern in ((lang, f"{lang}-*.txt"), (f"{lang}-plain", f"{lang}-plain-*.txt")):
            files = sorted((ROOT / "samples").glob(pattern))
            texts[kind] = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in files) + "\n\n"
    out = {f"{kind}-{size}": _write_cycled(base / f"{kind}-{size}.txt", [texts[kind]], SIZES[size])
           for kind in SAMPLES for size in sizes}
    folder = base / f"small-{small_files}"
    if not folder.exists():
        folder.mkdir()
        paragraphs = [p for kind in texts for p in texts[kind].split("\n\n") if p.strip()]
        for i in range(small_files):
            text = "\n\n".join(paragraphs[i % len(paragraphs):][:3]) + "\n"
            (folder / f"page-{i:05}.md").write_text(text, encoding="utf-8")
    out["small"] = folder
    # the fixed cost of a folder run (start-up, both languages' matchers, the pool): two files
    pair = base / "small-pair"
    if not pair.exists():
        pair.mkdir()
        for lang in ("de", "en"):
            (pair / f"page-{lang}.md").write_text(texts[lang].split("\n\n")[0] + "\n", encoding="utf-8")
    out["pair"] = pair
    for lang, line in (("de", "Synergien heben\n"), ("en", "Leverage synergies\n")):
        (base / f"tiny-{lang}.txt").write_text(line, encoding="utf-8")
        out[f"tiny-{lang}"] = base / f"tiny-{lang}.txt"
    return out


def flattened(path: Path) -> Path:
    """The file with whitespace runs inside each paragraph collapsed to one space (what bingo tokenises)."""
    flat = path.with_name(path.stem + ".flat.txt")
    if not flat.exists() or flat.stat().st_mtime < path.stat().st_mtime:
        text = path.read_text(encoding="utf-8")
        paragraphs = (" ".join(p.split()) for p in _BLANK_LINES.split(text))
        flat.write_text("".join(p + "\n\n" for p in paragraphs if p), encoding="utf-8")
    return flat
