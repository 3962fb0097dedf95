"""Shared fixtures: a session-wide compiled-lexicon cache and scanners for the real and test lexicons."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("BINGO_SHARED", ROOT.parent / "shared"))

try:  # property tests: a few examples by default, many more with BINGO_HYPOTHESIS=deep (see the README)
    from hypothesis import HealthCheck, settings
except ImportError:  # only the property tests need it; they skip without it
    pass
else:
    _QUIET = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
    # ci: the same examples on every run, nothing written; deep: new examples, failures remembered in .hypothesis/
    settings.register_profile("ci", max_examples=50, derandomize=True, database=None, **_QUIET)
    settings.register_profile("deep", max_examples=2000, **_QUIET)
    settings.load_profile(os.environ.get("BINGO_HYPOTHESIS", "ci"))


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Keep compiled lexicons in a temporary cache shared by the whole session."""
    path = tmp_path_factory.mktemp("bingo-cache")
    os.environ["BINGO_CACHE_DIR"] = str(path)
    return path


@pytest.fixture(scope="session")
def mini_scanner():
    """A scanner over the small test lexicon only."""
    from bingo.lexicon import load_lexicon
    from bingo.scanner import Scanner

    return Scanner(lexicon=load_lexicon([DATA / "mini-lexicon.yaml"], builtin=False))


@pytest.fixture(scope="session")
def scanner():
    """A scanner over the shipped lexicon."""
    from bingo.scanner import Scanner

    return Scanner()
