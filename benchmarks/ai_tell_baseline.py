"""Measure AI tells per 1,000 words in human prose written before language models: the baseline reports show.

    apt-get install manpages manpages-de groff-base     # the corpora (Debian)
    python benchmarks/ai_tell_baseline.py               # prints the rates; --json FILE to keep them

Corpora, all written by people and cited in src/bingo/lexicons/README.md ("AI tells"):
- de: the German manual pages of Debian's manpages-de (sections 1-8), rendered with groff;
- en: the Linux man-pages project's sections 5 and 7 (Debian's manpages), rendered with groff,
  and the docstrings of CPython's standard library (the running interpreter's own).
The figure per language goes into `bingo.scoring.AI_TELL_BASELINE`.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import shutil
import subprocess
import sys
import sysconfig
from collections import Counter
from pathlib import Path

from bingo.runner import build_lexicon
from bingo.scanner import Scanner
from bingo.settings import Settings

MAN = Path("/usr/share/man")


def man_pages(folders: list[Path]) -> list[str]:
    """The text of every manual page in `folders`, rendered by groff (none without groff)."""
    if shutil.which("groff") is None:
        sys.exit("groff is not installed: apt-get install groff-base manpages manpages-de")
    texts = []
    for folder in folders:
        for page in sorted(folder.glob("*")):
            try:
                source = gzip.decompress(page.read_bytes()) if page.suffix == ".gz" else page.read_bytes()
            except OSError:
                continue
            rendered = subprocess.run(["groff", "-man", "-Tutf8", "-P-cbou"], input=source, capture_output=True)
            texts.append(rendered.stdout.decode("utf-8", "replace"))
    return texts


def docstrings() -> list[str]:
    """Docstrings of at least ten words from the standard library's top-level modules."""
    out = []
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, OSError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node)
                if doc and len(doc.split()) >= 10:
                    out.append(doc)
    return out


def rate(scanner: Scanner, texts: list[str], lang: str) -> dict[str, object]:
    """Words, AI tells and tells per 1,000 words over `texts`, with the entries that fired."""
    words, tells = 0, Counter()
    for text in texts:
        if not text.strip():
            continue
        result = scanner.scan_text(text, lang=lang)
        words += result.words
        tells.update(h.id for h in result.hits)
    total = sum(tells.values())
    return {"words": words, "ai_tells": total, "per_1000": round(1000 * total / words, 3) if words else 0.0,
            "entries": dict(tells.most_common())}


def main(argv: list[str] | None = None) -> int:
    """Print the baseline per corpus and language."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    scanner = Scanner(lexicon=build_lexicon(Settings(categories=("ai-tell",))))
    figures = {
        "de man pages (manpages-de)": rate(scanner, man_pages(sorted(MAN.glob("de/man[1-8]"))), "de"),
        "en man pages (man-pages, sections 5 and 7)": rate(scanner, man_pages([MAN / "man5", MAN / "man7"]), "en"),
        "en CPython standard-library docstrings": rate(scanner, docstrings(), "en"),
    }
    for name, figure in figures.items():
        print(f"{name}: {figure['words']:,} words, {figure['ai_tells']} AI tells, "
              f"{figure['per_1000']} per 1,000 words; {figure['entries']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
