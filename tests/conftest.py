"""Shared fixtures: a session-wide compiled-lexicon cache and scanners for the real and test lexicons."""

from __future__ import annotations

import importlib
import os
import signal
from pathlib import Path
from types import ModuleType
from typing import NoReturn

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


def required() -> bool:
    """True under BINGO_REQUIRE_SHARED=1 (CI): what a test needs must be there, so nothing skips."""
    return os.environ.get("BINGO_REQUIRE_SHARED", "") not in ("", "0")


def unavailable(reason: str) -> NoReturn:
    """Skip the test for `reason`, or fail it when everything is required (a skip in CI would hide a gap)."""
    if required():
        pytest.fail(f"{reason} (BINGO_REQUIRE_SHARED is set, so this fails instead of skipping)")
    pytest.skip(reason)


def shared_path(*parts: str) -> Path:
    """A file in ../shared (or $BINGO_SHARED); the test skips without it, or fails if it is required."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        unavailable(f"{path} not found: ../shared must be beside the checkout (or set BINGO_SHARED)")
    return path


def optional_module(name: str, extra: str) -> ModuleType:
    """Import `name` from the optional `extra`; the test skips without it, or fails if it is required."""
    try:
        return importlib.import_module(name)
    except ImportError:
        unavailable(f"{name} is not installed: pip install '.[{extra}]'")


@pytest.fixture(scope="session", autouse=True)
def _no_coverage_sigterm_here() -> None:
    """Under coverage (sigterm = true), leave SIGTERM's default in this process: only the scanner's workers need it.

    The workers are forked and inherit this process's handler; coverage's handler in a worker saves the
    worker's data and then calls the inherited one, which saves this process's data from the child and can
    deadlock on a lock copied mid-use, hanging Pool.terminate. Each worker installs its own handler anyway.
    """
    handler = signal.getsignal(signal.SIGTERM)
    if type(getattr(handler, "__self__", None)).__module__.startswith("coverage"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


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
