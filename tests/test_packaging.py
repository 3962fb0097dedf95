"""Packaging: one version, the lexicons as package data, and the suite's rule for what may be missing."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, optional_module, shared_path

import bingo
from bingo.lexicon import builtin_dir, builtin_files

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_one_version_read_from_the_package() -> None:
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/bingo/version.py"
    assert bingo.__version__.count(".") == 2


def test_lexicons_are_package_data() -> None:
    assert builtin_dir() == Path(bingo.__file__).parent / "lexicons"
    names = {p.name for p in builtin_files()}
    assert "cards.yaml" in names and "de-essays.yaml" in names
    assert (builtin_dir() / "README.md").is_file()


def test_license_and_typing_marker_ship() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert (Path(bingo.__file__).parent / "py.typed").is_file()


def test_missing_shared_file_skips_unless_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BINGO_REQUIRE_SHARED", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-such-file"):
        shared_path("no-such-file")
    monkeypatch.setenv("BINGO_REQUIRE_SHARED", "1")
    with pytest.raises(pytest.fail.Exception, match="no-such-file"):
        shared_path("no-such-file")


def test_missing_extra_skips_unless_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BINGO_REQUIRE_SHARED", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"pip install '\.\[dask\]'"):
        optional_module("bingo_no_such_module", "dask")
    monkeypatch.setenv("BINGO_REQUIRE_SHARED", "1")
    with pytest.raises(pytest.fail.Exception, match="BINGO_REQUIRE_SHARED"):
        optional_module("bingo_no_such_module", "dask")
