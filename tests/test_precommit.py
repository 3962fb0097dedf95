"""The repository works as a pre-commit hook repository, for prose files only, pinned as the README says."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, optional_module, unavailable

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
PROSE = ["copy.md", "notes.txt", "page.html", "guide.rst", "post.mdx", "README"]
# files a repository of web copy also holds, each with jargon that the hook must not report
NOT_PROSE = ["app.py", "data.json", "pyproject.toml", "lexicon.yaml", "site.css", "build.sh"]
JARGON = "Wir heben Synergien an jedem Touchpoint der Customer Journey und leben Kundenzentrierung."


def hook() -> dict[str, object]:
    (found,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(found, dict)
    return found


def test_manifest_structure() -> None:
    found = hook()
    assert found["id"] == "bingo" and found["language"] == "python"
    assert str(found["entry"]).split()[:2] == ["bingo", "scan"]
    assert "text" not in found["types_or"]  # type: ignore[operator]  # every source file is `text`


def test_manifest_is_valid_for_pre_commit() -> None:
    clientlib = optional_module("pre_commit.clientlib", "pre-commit")
    (found,) = clientlib.load_manifest(str(MANIFEST))
    assert found["id"] == "bingo"


@pytest.mark.parametrize(("name", "scanned"), [*((n, True) for n in PROSE), *((n, False) for n in NOT_PROSE)])
def test_the_hooks_file_types_are_prose(name: str, scanned: bool) -> None:
    identify = optional_module("identify.identify", "pre-commit")
    tags = set(identify.tags_from_filename(name))
    wanted = set(hook()["types_or"])  # type: ignore[call-overload]
    assert wanted <= identify.ALL_TAGS, "a tag identify does not know never matches"
    assert bool(tags & wanted) is scanned, (name, sorted(tags))


def readme_pre_commit_config() -> str:
    """The README's `.pre-commit-config.yaml` example."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", text, re.S)
    assert block is not None, "README.md has no '# .pre-commit-config.yaml' example"
    return block.group(1)


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def hook_repository(target: Path, env: dict[str, str]) -> str:
    """This checkout's package and manifest, as they are in the work tree, committed in a repository of their own."""
    target.mkdir()
    for name in (".pre-commit-hooks.yaml", "pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    git("init", "-q", cwd=target, env=env)
    git("add", "-A", cwd=target, env=env)
    git("commit", "-q", "-m", "hook", cwd=target, env=env)
    return git("rev-parse", "HEAD", cwd=target, env=env).strip()


def test_pre_commit_run_scans_prose_only(tmp_path: Path) -> None:
    optional_module("pre_commit", "pre-commit")
    if shutil.which("git") is None:
        unavailable("git is not installed")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "NO_COLOR": "1"}
    for name in ("GITHUB_ACTIONS", "PYTHONPATH"):  # the hook runs the copy pre-commit installed, as for a user
        env.pop(name, None)
    sha = hook_repository(tmp_path / "hook", env)
    site = tmp_path / "site"
    site.mkdir()
    contents = {
        "copy.md": f"# Strategie\n\n{JARGON}\n", "notes.txt": f"{JARGON}\n", "page.html": f"<p>{JARGON}</p>\n",
        "guide.rst": f"Strategie\n=========\n\n{JARGON}\n", "post.mdx": f"# Post\n\n{JARGON}\n",
        "README": f"{JARGON}\n",
        "app.py": f'"""{JARGON}"""\n\nTAGLINE = "{JARGON}"\n', "data.json": f'{{"claim": "{JARGON}"}}\n',
        "pyproject.toml": f'[project]\nname = "site"\ndescription = "{JARGON}"\n',
        "lexicon.yaml": f"entries:\n  - term: {JARGON}\n", "site.css": f"/* {JARGON} */\n",
        "build.sh": f"#!/bin/sh\necho '{JARGON}'\n",
        ".bingo.yaml": "max_score: 10\n",
    }
    for name, text in contents.items():
        (site / name).write_text(text, encoding="utf-8")
    # the README's configuration verbatim, with this test's hook repository and commit for its placeholders
    config = readme_pre_commit_config()
    config, found = re.subn(r"(repo: )\S+", rf"\g<1>{(tmp_path / 'hook').as_uri()}", config)
    config, pinned = re.subn(r"(rev: )\S+", rf"\g<1>{sha}", config)
    assert found == pinned == 1, config
    (site / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git("init", "-q", cwd=site, env=env)
    git("add", "-A", cwd=site, env=env)
    git("commit", "-q", "-m", "site", cwd=site, env=env)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=site, env=env,
                          capture_output=True, text=True, timeout=900)
    output = done.stdout + done.stderr
    assert done.returncode == 1 and "Failed" in output, output
    reported = {m.group(1) for m in re.finditer(r"^(\S+?):\d+:\d+: ", done.stdout, re.M)}
    assert reported == set(PROSE), output
    assert "Traceback" not in output
