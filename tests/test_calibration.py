"""The score means what it says on the calibration texts (tests/calibration).

See src/bingo/lexicons/README.md, "Calibration".
"""

from __future__ import annotations

import importlib.util

import pytest
from conftest import ROOT

spec = importlib.util.spec_from_file_location("calibrate", ROOT / "benchmarks" / "calibrate.py")
calibrate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(calibrate)


@pytest.fixture(scope="module")
def figures(scanner) -> dict:
    return calibrate.measure(scanner)


def test_every_genre_has_three_grades_in_both_languages(figures) -> None:
    for lang in ("de", "en"):
        rows = [r for r in figures["files"] if r["lang"] == lang]
        assert len(rows) >= 24 and {r["grade"] for r in rows} == {"plain", "moderate", "heavy"}
        assert all(200 <= r["words"] <= 420 for r in rows), [(r["file"], r["words"]) for r in rows]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_plain_texts_stay_klartext(figures, lang: str) -> None:
    plain = [(r["file"], r["score"]) for r in figures["files"] if r["lang"] == lang and r["grade"] == "plain"]
    assert all(score < 20 for _, score in plain), plain


@pytest.mark.parametrize("lang", ["de", "en"])
def test_heavy_texts_are_bullshit_bingo(figures, lang: str) -> None:
    heavy = [(r["file"], r["score"]) for r in figures["files"] if r["lang"] == lang and r["grade"] == "heavy"]
    assert sum(score >= 50 for _, score in heavy) >= 7, heavy   # at least 7 of 8
    assert min(score for _, score in heavy) >= 40, heavy


@pytest.mark.parametrize("lang", ["de", "en"])
def test_moderate_texts_are_werbeprosa(figures, lang: str) -> None:
    moderate = [(r["file"], r["score"]) for r in figures["files"] if r["lang"] == lang and r["grade"] == "moderate"]
    assert sum(20 <= score <= 49 for _, score in moderate) >= 5, moderate
    assert all(10 <= score < 65 for _, score in moderate), moderate


@pytest.mark.parametrize("lang", ["de", "en"])
def test_grade_and_score_agree_in_rank(figures, lang: str) -> None:
    summary = figures["summary"][lang]
    assert summary["spearman"] >= 0.85 and summary["recall"] >= 0.55, summary
