"""Disabled entries and categories: the scan runs (one process or a pool), and the house card stays full."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from bingo.cli import app
from bingo.config import resolve
from bingo.lexicon import load_lexicon
from bingo.runner import build_lexicon, execute

COPY = {
    "de": ("Wir heben Synergien und optimieren jeden Touchpoint der Customer Journey mit Kundenzentrierung. "
           "Unsere KPI zeigen: der Kunde steht im Mittelpunkt, wir holen die Mitarbeiter ab.\n"),
    "en": ("Going forward, we leverage synergies across every touchpoint of the customer journey. "
           "Our thought leaders move the needle and think outside the box.\n"),
}
# a category with a square on each language's house card (the README's example for German)
CARD_CATEGORY = {"de": "acronym", "en": "idiom"}


def repo(tmp_path: Path, lang: str, config: str) -> Path:
    """A repository with two files of jargon (so `--jobs 2` starts a pool) and a `.bingo.yaml`."""
    (tmp_path / ".git").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(COPY[lang], encoding="utf-8")
    (tmp_path / ".bingo.yaml").write_text(config, encoding="utf-8")
    return tmp_path


def disabling(lang: str, how: str) -> tuple[str, set[str]]:
    """A config line that disables squares of the house card, and the ids it takes off."""
    lexicon = load_lexicon()
    card = lexicon.house_cards[lang]
    if how == "entry":
        return f"disable: [{card[1]}]\n", {card[1]}
    category = CARD_CATEGORY[lang]
    gone = {i for i in card if lexicon.entries[i].category == category}
    assert gone, f"no {category} on the {lang} house card: pick another category"
    return f"disable_categories: [{category}]\n", gone


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("how", ["entry", "category"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_disabled_squares_go_to_the_heaviest_entries_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          lang: str, how: str, jobs: int) -> None:
    config, gone = disabling(lang, how)
    monkeypatch.chdir(repo(tmp_path, lang, config + f"lang: {lang}\njobs: {jobs}\n"))
    settings, _ = resolve(None, {})
    run = execute(["a.txt", "b.txt"], settings)
    lexicon = build_lexicon(settings)
    for result in run.files:
        assert result.error is None and len(result.card) == 25 and result.card[12] is None
        squares = {cell for cell in result.card if cell is not None}
        assert len(squares) == 24 and not squares & gone and squares <= set(lexicon.entries)
        assert not {h.id for h in result.hits} & gone
        assert "" not in {t for i, t in enumerate(result.card_terms) if i != 12}
    before, after = load_lexicon().house_cards[lang], lexicon.house_cards[lang]
    assert [a for b, a in zip(before, after, strict=True) if b not in gone] == [b for b in before if b not in gone]
    assert all(after[i] != before[i] for i, b in enumerate(before) if b in gone)  # taken in place, the rest stay


def readme_config() -> str:
    """The README's example `.bingo.yaml`, without its extra lexicon file (which the README only names)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n# \.bingo\.yaml\n(.*?)```", text, re.S)
    assert block is not None, "README.md has no '# .bingo.yaml' example"
    lines = [line for line in block.group(1).splitlines() if not line.startswith("lexicons:")]
    assert any(line.startswith("disable: [touchpoint]") for line in lines)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_readmes_config_scans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, jobs: str) -> None:
    monkeypatch.chdir(repo(tmp_path, lang, readme_config()))
    done = CliRunner().invoke(app, ["scan", "a.txt", "b.txt", "--lang", lang, "--jobs", jobs])
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    assert "Traceback" not in done.stderr and "KeyError" not in done.stderr
    assert done.exit_code == 1, done.stderr  # the copy is over the README's thresholds, not a crash
    assert "a.txt:1:" in done.stdout and "] touchpoint —" not in done.stdout.lower()  # format: line
