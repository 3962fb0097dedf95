"""Which files a scan takes: .gitignore / .bingoignore, git-style include/exclude, --force-exclude."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bingo import config
from bingo.cli import app
from bingo.runner import sources_for
from bingo.settings import Settings, validate_options
from bingo.sources import discover

COPY = "Wir heben Synergien entlang der Customer Journey.\n"


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A repository as a docs team has it: build output, drafts, a private folder, legal copy."""
    (tmp_path / ".git").mkdir()
    return tree(tmp_path, {
        ".gitignore": "# build output\nbuild/\n*.draft.md\n!keep.draft.md\n",
        ".bingoignore": "legal\n",
        "README.md": COPY, "intro.draft.md": COPY, "keep.draft.md": COPY,
        "build/index.html": COPY, "legal/agb.md": COPY,
        "docs/.gitignore": "private/\n/notes.md\n",
        "docs/guide.md": COPY, "docs/notes.md": COPY, "docs/private/plan.md": COPY,
        "docs/sub/notes.md": COPY, "docs/sub/legal/old.md": COPY, "docs/sub/build.md": COPY,
    })


def found(root: Path, folder: Path, **options: bool) -> list[str]:
    return [Path(s.path).resolve().relative_to(root).as_posix() for s in discover([str(folder)], **options)]


def test_walk_honours_gitignore_and_bingoignore_nested_as_git_does(repo: Path) -> None:
    assert found(repo, repo) == ["README.md", "keep.draft.md", "docs/guide.md", "docs/sub/build.md",
                                 "docs/sub/notes.md"]


def test_walk_below_the_root_still_honours_the_root_ignore_files(repo: Path) -> None:
    # `build/` and `legal` from the repository root apply in docs/sub; `/notes.md` of docs/ only there
    assert found(repo, repo / "docs" / "sub") == ["docs/sub/build.md", "docs/sub/notes.md"]


def test_no_ignore_walks_everything(repo: Path) -> None:
    assert len(found(repo, repo, ignore_files=False)) == 11


def test_outside_a_repository_the_walked_folder_ignore_file_counts(tmp_path: Path) -> None:
    tree(tmp_path, {"site/.gitignore": "*.htm\n", "site/a.htm": COPY, "site/b.html": COPY})
    assert found(tmp_path, tmp_path / "site") == ["site/b.html"]


def settings_in(folder: Path, monkeypatch: pytest.MonkeyPatch, **cli: object) -> Settings:
    monkeypatch.chdir(folder)
    settings, _ = config.resolve(None, validate_options(cli))
    return settings


def test_config_globs_are_relative_to_the_config_file_and_the_command_line_adds(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / ".bingo.yaml").write_text('exclude: ["docs/sub/*.md"]\ninclude: ["*.adoc"]\n', encoding="utf-8")
    tree(repo, {"docs/faq.adoc": COPY, "docs/sub/deep/x.md": COPY})
    settings = settings_in(repo / "docs", monkeypatch, exclude=("guide.md",))
    names = [Path(s.path).as_posix() for s in sources_for(["."], settings)]
    # docs/sub/*.md from the repository root, guide.md from docs/ (the command line's folder), *.adoc at any depth
    assert names == ["faq.adoc", "sub/deep/x.md"]


@pytest.mark.parametrize(("pattern", "skipped"), [
    ("legal/", True),            # a folder, at any depth
    ("/legal/", False),          # anchored to the config's folder: docs/legal is another folder
    ("docs/legal/*.md", True),   # a slash in the middle: relative to the config's folder
    ("*.MD", False),             # case matters, as in git
    ("agb.md", True),
    ("**/legal/**", True),
])
def test_exclude_globs_follow_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str,
                                  skipped: bool) -> None:
    tree(tmp_path, {".bingo.yaml": f"exclude: ['{pattern}']\n", "docs/legal/agb.md": COPY, "docs/a.md": COPY})
    settings = settings_in(tmp_path / "docs", monkeypatch)
    names = [s.path for s in sources_for(["."], settings)]
    assert names == (["a.md"] if skipped else ["a.md", "legal/agb.md"])


def scan(args: list[str]) -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, ["scan", "--format", "json", *args], catch_exceptions=False)
    return result.exit_code, [f["path"] for f in json.loads(result.stdout)["files"]]


def test_force_exclude_applies_the_config_to_files_named_explicitly(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pre-commit names every staged file: the config's exclude and the ignore files must still count."""
    (repo / ".bingo.yaml").write_text("exclude: [docs/guide.md]\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    named = ["README.md", "docs/guide.md", "legal/agb.md", "docs/private/plan.md"]
    assert scan(named) == (0, named)
    assert scan(["--force-exclude", *named]) == (0, ["README.md"])
    # every file excluded: nothing to do is a success, not "no text files found"
    assert scan(["--force-exclude", "docs/guide.md", "legal/agb.md"]) == (0, [])
    assert scan(["--force-exclude", "--no-ignore", "legal/agb.md"]) == (0, ["legal/agb.md"])


@pytest.mark.parametrize("folder", ["Projekt [2024] #1", "!neu * ?", "back\\slash"])
def test_globs_anchor_to_folders_whose_names_look_like_globs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              folder: str) -> None:
    root = tmp_path / folder
    tree(root, {".bingo.yaml": "exclude: [legal/, /entwurf.md]\n", ".gitignore": "*.tmp.md\n",
                "legal/agb.md": COPY, "entwurf.md": COPY, "x.tmp.md": COPY, "docs/entwurf.md": COPY, "a.md": COPY})
    settings = settings_in(root, monkeypatch)
    assert [s.path for s in sources_for(["."], settings)] == ["a.md", "docs/entwurf.md"]


def test_the_readme_config_globs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`**` spans folders, `!` brings a file back, `*.mdx` is taken at any depth (the README's example)."""
    tree(tmp_path, {
        ".bingo.yaml": 'include: ["*.mdx"]\nexclude: ["legal/", "docs/archive/**/*.md", "!docs/archive/index.md"]\n',
        "docs/archive/index.md": COPY, "docs/archive/2023/mai.md": COPY, "docs/archive/juni.md": COPY,
        "docs/archive/notes.txt": COPY, "docs/legal/impressum.md": COPY, "blog/teaser.mdx": COPY,
    })
    settings = settings_in(tmp_path, monkeypatch)
    assert [s.path for s in sources_for(["."], settings)] == [
        "blog/teaser.mdx", "docs/archive/index.md", "docs/archive/notes.txt"]


def git(cwd: Path, *args: str) -> str:
    import subprocess

    done = subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args], cwd=cwd,
                          capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture()
def git_repo(tmp_path: Path) -> Path:
    """A real repository whose `.git/info/exclude` keeps local drafts out (a .gitignore re-includes one)."""
    root = tmp_path / "site"
    root.mkdir()
    git(root, "init", "-q")
    (root / ".git" / "info").mkdir(exist_ok=True)
    (root / ".git" / "info" / "exclude").write_text("# local only\n*.local.md\nscratch/\n/top.md\n", encoding="utf-8")
    return tree(root, {
        ".gitignore": "!keep.local.md\n", "index.md": COPY, "top.md": COPY, "a.local.md": COPY,
        "keep.local.md": COPY, "scratch/plan.md": COPY, "docs/top.md": COPY, "docs/b.local.md": COPY,
    })


def not_ignored_by_git(root: Path) -> list[str]:
    """The Markdown files git itself does not ignore (untracked or tracked)."""
    listed = git(root, "ls-files", "--cached", "--others", "--exclude-standard").split()
    return sorted(name for name in listed if name.endswith(".md"))


def test_git_info_exclude_is_read_for_the_whole_repository(git_repo: Path) -> None:
    expected = ["docs/top.md", "index.md", "keep.local.md"]
    assert not_ignored_by_git(git_repo) == expected  # the fixture means what git means
    assert sorted(found(git_repo, git_repo)) == expected
    assert found(git_repo, git_repo / "docs") == ["docs/top.md"]  # from a subfolder, anchored at the root
    assert len(found(git_repo, git_repo, ignore_files=False)) == 7


def test_git_info_exclude_of_the_main_repository_counts_in_a_worktree(git_repo: Path) -> None:
    git(git_repo, "add", ".gitignore")
    git(git_repo, "commit", "-q", "-m", "start")
    worktree = git_repo.parent / "wt"
    git(git_repo, "worktree", "add", "-q", str(worktree))
    assert (worktree / ".git").is_file()
    tree(worktree, {"index.md": COPY, "a.local.md": COPY, "scratch/plan.md": COPY})
    assert not_ignored_by_git(worktree) == ["index.md"]
    assert found(worktree, worktree) == ["index.md"]


def test_git_info_exclude_applies_to_files_named_under_force_exclude(git_repo: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(git_repo)
    named = [Path(s.path).as_posix() for s in discover(["index.md", "a.local.md", "scratch/plan.md"],
                                                        force_exclude=True)]
    assert named == ["index.md"]
