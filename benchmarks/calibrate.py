"""Score the calibration texts in tests/calibration and compare them with their grades and marks.

    python benchmarks/calibrate.py            # a table per language and the summary figures
    python benchmarks/calibrate.py --json out.json

For each text: score, verdict, AI tells, and for graded jargon texts the recall of the phrases a
reader marked (a mark counts as found when a hit overlaps it) and the share of hits that fall
inside a mark. Per language: the share of texts in their grade's band and the rank correlation
between grade and score. The figures go into src/bingo/lexicons/README.md ("Calibration").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from bingo.scanner import Scanner

ROOT = Path(__file__).resolve().parents[1]
CALIBRATION = ROOT / "tests" / "calibration"
GRADES = ("plain", "moderate", "heavy")
BANDS = {"plain": (0, 19), "moderate": (20, 49), "heavy": (50, 100)}


def marked_spans(text: str, marks: list[str]) -> list[tuple[int, int]]:
    """Character spans of each marked phrase (its first occurrence)."""
    spans = []
    for mark in marks:
        start = text.find(mark)
        if start >= 0:
            spans.append((start, start + len(mark)))
    return spans


def ranks(values: list[float]) -> list[float]:
    """Average ranks (1-based) of `values`, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation of two equally long lists."""
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sx = sum((a - mx) ** 2 for a in rx) ** 0.5
    sy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (sx * sy) if sx and sy else 0.0


def measure(scanner: Scanner) -> dict[str, Any]:
    """Every calibration text's figures, and the summary per language."""
    grades = yaml.safe_load((CALIBRATION / "grades.yaml").read_text(encoding="utf-8"))
    rows = []
    for name, info in sorted(grades.items()):
        text = (CALIBRATION / name).read_text(encoding="utf-8")
        result = scanner.scan_text(text, lang=name[:2], path=name)
        spans = marked_spans(text, info["marks"])
        hits = [(h.start, h.end) for h in result.hits]
        found = sum(1 for lo, hi in spans if any(a < hi and lo < b for a, b in hits))
        inside = sum(1 for a, b in hits if any(a < hi and lo < b for lo, hi in spans))
        rows.append({"file": name, "lang": name[:2], "grade": info["grade"], "score": result.score,
                     "words": result.words, "hits": len(result.hits), "ai_tells": result.ai_tells,
                     "recall": round(found / len(spans), 2) if spans else None,
                     "in_marks": round(inside / len(hits), 2) if hits and spans else None})
    summary = {}
    for lang in ("de", "en"):
        mine = [r for r in rows if r["lang"] == lang]
        in_band = [r for r in mine if BANDS[r["grade"]][0] <= r["score"] <= BANDS[r["grade"]][1]]
        marked = [r for r in mine if r["recall"] is not None]
        summary[lang] = {
            "texts": len(mine),
            "in_band": len(in_band),
            "heavy_50": sum(1 for r in mine if r["grade"] == "heavy" and r["score"] >= 50),
            "heavy": sum(1 for r in mine if r["grade"] == "heavy"),
            "plain_max": max((r["score"] for r in mine if r["grade"] == "plain"), default=0),
            "plain_ai_tells": sum(r["ai_tells"] for r in mine if r["grade"] == "plain"),
            "recall": round(sum(r["recall"] for r in marked) / len(marked), 2) if marked else None,
            "in_marks": round(sum(r["in_marks"] or 0 for r in marked) / len(marked), 2) if marked else None,
            "spearman": round(spearman([GRADES.index(r["grade"]) for r in mine], [r["score"] for r in mine]), 2),
        }
    return {"files": rows, "summary": summary}


def main(argv: list[str] | None = None) -> int:
    """Print the calibration table; optionally write it as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    figures = measure(Scanner())
    for row in figures["files"]:
        recall = "" if row["recall"] is None else f"recall {row['recall']:.2f}  in marks {row['in_marks'] or 0:.2f}"
        print(f"{row['file']:<36} {row['grade']:<9} {row['score']:>3}  {row['hits']:>3} hits  "
              f"{row['ai_tells']:>2} AI  {recall}")
    for lang, s in figures["summary"].items():
        print(f"{lang}: {s['in_band']}/{s['texts']} in band, heavy >= 50: {s['heavy_50']}/{s['heavy']}, "
              f"plain max {s['plain_max']}, AI tells in plain {s['plain_ai_tells']}, recall {s['recall']}, "
              f"hits in marks {s['in_marks']}, Spearman {s['spearman']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
