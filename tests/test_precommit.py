"""The repository works as a pre-commit hook repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import optional_module, unavailable

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"


def test_manifest_structure() -> None:
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert hook["id"] == "bingo" and hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["bingo", "scan"]
    assert set(hook["types_or"]) == {"markdown", "html", "text"}


def test_manifest_is_valid_for_pre_commit() -> None:
    clientlib = optional_module("pre_commit.clientlib", "pre-commit")
    (hook,) = clientlib.load_manifest(str(MANIFEST))
    assert hook["id"] == "bingo"


def test_try_repo_runs_the_hook(tmp_path: Path) -> None:
    optional_module("pre_commit", "pre-commit")
    if shutil.which("git") is None:
        unavailable("git is not installed")
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode:
        unavailable("the project is not a git checkout with commits")
    work = tmp_path / "site"
    work.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    (work / "copy.md").write_text("Wir heben Synergien an jedem Touchpoint der Customer Journey.\n", encoding="utf-8")
    (work / ".bingo.yaml").write_text("max_score: 10\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=work, check=True, env=env)
    subprocess.run(["git", "add", "copy.md", ".bingo.yaml"], cwd=work, check=True, env=env)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "bingo", "--files", "copy.md"]
    done = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "copy.md:1:" in done.stdout and "Failed" in done.stdout
