"""`--model`: loading an installed or saved spaCy pipeline instead of spacy.blank()."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bingo.cli import main

TEXT = "Die Kundenzentrierungsstrategie betrifft jeden Touchpoint im Customer-Experience-Management.\n"


@pytest.fixture(scope="module")
def saved_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny German pipeline (tokenizer plus a sentencizer) that the test builds and saves itself."""
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    path = tmp_path_factory.mktemp("model") / "de_tiny"
    nlp.to_disk(path)
    return path


def scan(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any], str]:
    code = main(["scan", "--format", "json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out else {}, captured.err


def test_saved_pipeline_gives_the_same_hits(saved_pipeline: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "t.txt"
    source.write_text(TEXT, encoding="utf-8")
    code, blank, _ = scan([str(source)], capsys)
    assert code == 0
    code, model, _ = scan([str(source), "--model", str(saved_pipeline)], capsys)
    assert code == 0
    assert model["files"][0]["hits"] == blank["files"][0]["hits"]
    assert {h["id"] for h in model["files"][0]["hits"]} >= {"touchpoint", "kundenzentrierung"}


def test_model_for_another_language_falls_back_to_blank(saved_pipeline: Path, capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    source = tmp_path / "en.txt"
    # a German tokenizer keeps "it's" as one token, so the contrast frame would go unseen in German tokens
    source.write_text("Every touchpoint matters. This is not just a tool — it's a revolution.\n", encoding="utf-8")
    code, blank, _ = scan([str(source), "--lang", "en"], capsys)
    assert any("it's" in hit["text"] for hit in blank["files"][0]["hits"])
    assert code == 0
    code, data, err = scan([str(source), "--lang", "en", "--model", str(saved_pipeline)], capsys)
    assert (code, err) == (0, "")
    # the German pipeline is not used for English: the result is the blank English pipeline's, hit for hit
    assert data["files"][0]["lang"] == "en" and data["files"][0]["hits"]
    assert data["files"] == blank["files"]


def test_missing_model_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "t.txt"
    source.write_text(TEXT, encoding="utf-8")
    code, _, err = scan([str(source), "--model", "de_no_such_model_sm", "--no-cache"], capsys)
    assert code == 2
    assert err.startswith("bingo: error: cannot load spaCy model 'de_no_such_model_sm'")
    assert len(err.strip().splitlines()) == 1
