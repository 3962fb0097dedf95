"""AI tells: machine-style filler is found in both languages, human plain prose gets none, users can gate on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner, Result

from bingo.cli import app
from bingo.scanner import Scanner

MACHINE = [
    ("de", "In der heutigen schnelllebigen Welt spielt die Kundenbindung eine entscheidende Rolle."),
    ("de", "Zusammenfassend lässt sich sagen, dass eine gute Strategie der Schlüssel zum Erfolg ist."),
    ("de", "Tauchen wir ein in die faszinierende Welt der Logistik."),
    ("de", "Es ist wichtig zu beachten, dass jedes Unternehmen anders ist."),
    ("de", "Im Folgenden beleuchten wir die wichtigsten Trends für 2026."),
    ("de", "Ob Sie Einsteiger oder Profi sind – dieser Leitfaden hilft Ihnen weiter."),
    ("en", "In today's fast-paced digital landscape, customer loyalty is everything."),
    ("en", "Let's delve into the rich tapestry of modern retail."),
    ("en", "It's important to note that every business is different."),
    ("en", "Whether you're a small business or a global enterprise, this guide is for you."),
    ("en", "In conclusion, a clear strategy is a testament to good leadership."),
    ("en", "This is not just a tool — it's a revolution."),
]
HUMAN = [
    ("de", "Der Bus fährt ab Montag zehn Minuten früher. Fahrkarten gibt es am Automaten."),
    ("de", "Die Reise nach Rom dauert mit dem Zug etwa zwölf Stunden."),
    ("de", "Schneiden Sie die Zwiebeln klein und braten Sie sie in Butter an."),
    ("de", "Die Rückgabe ist innerhalb von 30 Tagen möglich; legen Sie den Kassenbon bei."),
    ("en", "The tapestry in the great hall was woven in Flanders around 1500."),
    ("en", "Return unused items within 30 days and keep your receipt."),
    ("en", "Press the reset button for five seconds until the light turns red."),
    ("en", "The realm of the Franks was divided among his sons in 843."),
]


def ai_ids(scanner: Scanner, text: str, lang: str) -> list[str]:
    return [h.id for h in scanner.scan_text(text, lang=lang).hits if h.category == "ai-tell"]


@pytest.mark.parametrize(("lang", "text"), MACHINE)
def test_machine_style_filler_is_an_ai_tell(lang: str, text: str, scanner: Scanner) -> None:
    assert ai_ids(scanner, text, lang)


@pytest.mark.parametrize(("lang", "text"), HUMAN)
def test_plain_human_sentences_have_no_ai_tell(lang: str, text: str, scanner: Scanner) -> None:
    assert ai_ids(scanner, text, lang) == []


PLAIN_FILES = sorted(SAMPLES.glob("*-plain-*.txt")) + sorted((ROOT / "tests" / "calibration").glob("*/*-plain.txt"))


@pytest.mark.parametrize("path", PLAIN_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_plain_samples_have_no_ai_tell(path: Path, scanner: Scanner) -> None:
    result = scanner.scan_file(path, lang=path.name[:2] if path.parent == SAMPLES else path.parent.name)
    assert [h.text for h in result.hits if h.category == "ai-tell"] == []


def test_each_language_has_150_ai_tells(scanner: Scanner) -> None:
    for lang in ("de", "en"):
        assert len([e for e in scanner.lexicon.for_lang(lang) if e.category == "ai-tell"]) >= 150


MACHINE_DE = "\n\n".join(text for lang, text in MACHINE if lang == "de") + "\n"


def invoke(args: list[str], stdin: str) -> Result:
    return CliRunner().invoke(app, args, input=stdin, catch_exceptions=False)


def test_category_option_scans_only_that_category() -> None:
    result = invoke(["scan", "--format", "json", "--category", "ai-tell", "-"], MACHINE_DE)
    (file,) = json.loads(result.stdout)["files"]
    assert file["hits"] and {h["category"] for h in file["hits"]} == {"ai-tell"}
    assert file["ai_tells"] == len(file["hits"])
    assert file["ai_tells_per_1000"] == round(1000 * file["ai_tells"] / file["words"], 1)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_house_card_is_dealt_from_the_chosen_category(lang: str) -> None:
    from bingo.runner import build_lexicon
    from bingo.settings import Settings

    lexicon = build_lexicon(Settings(categories=("ai-tell",)))
    card = lexicon.house_cards[lang]
    assert len(card) == 24 and {lexicon.entries[i].category for i in card} == {"ai-tell"}
    default = build_lexicon(Settings())  # the control: without the option the card is the usual mix
    assert len({default.entries[i].category for i in default.house_cards[lang]}) > 1


@pytest.mark.parametrize(("limit", "code"), [("1000", 0), ("5", 1)])
def test_max_ai_tells_gate(limit: str, code: int) -> None:
    result = invoke(["scan", "--format", "json", "--max-ai-tells", limit, "-"], MACHINE_DE)
    assert result.exit_code == code
    if code:
        assert "AI tells per 1,000 words are above --max-ai-tells 5" in result.stderr


def test_disable_categories_in_the_config_turns_ai_tells_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".bingo.yaml").write_text("disable_categories: [ai-tell]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["scan", "--format", "json", "-"], MACHINE_DE)
    (file,) = json.loads(result.stdout)["files"]
    assert file["ai_tells"] == 0 and all(h["category"] != "ai-tell" for h in file["hits"])


def test_every_format_reports_the_rate() -> None:
    plain = invoke(["scan", "--format", "plain", "-"], MACHINE_DE).stdout
    assert "KI-Floskeln" in plain and "je 1.000 Wörter" in plain
    github = invoke(["scan", "--format", "github", "-"], MACHINE_DE).stdout
    assert "AI tells per 1,000 words" in github.splitlines()[-1]
    sarif = json.loads(invoke(["scan", "--format", "sarif", "-"], MACHINE_DE).stdout)
    assert sarif["runs"][0]["properties"]["aiTellsPer1000Words"]["<stdin>"] > 0


def test_an_ai_tell_card_is_titled_ki_floskel_bingo() -> None:
    result = invoke(["card", "--lang", "de", "--category", "ai-tell", "--format", "json", "--seed", "1"], "")
    assert json.loads(result.stdout)["title"] == "KI-Floskel-Bingo"
