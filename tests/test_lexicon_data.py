"""The shipped lexicon itself, tested as codespell tests its dictionaries."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import SAMPLES, shared_path

from bingo.lexicon import CATEGORIES, builtin_files, load_lexicon
from bingo.validate import check

# The essays in ../shared/seeds and the titles lexicon entries name in `source`.
ESSAYS = {
    "000_a0f8a8bb6d746023.txt":
        "Die Zerstörung des Bullshits oder: Was kommt jenseits des Customer-Experience-Managements? #beyondCXM",
    "001_95f31822a1e79ae9.txt": "So lassen Sie Ihre CX-Initiative scheitern",
    "002_c2d58b037375ab96.txt": "Kundenerlebnis wie ein Chef – was sonst?",
    "003_87f981270d3c9a55.txt": "#beyondCXM - eine Zukunftsphilippika in sieben Thesen",
    "004_a9b6489d9f5ec4f7.txt": "Gut Ding braucht Weile: Customer Experience Management als Marathonlauf",
}
LEXICON = load_lexicon(use_cache=False)


def test_full_check_passes() -> None:
    """Schema, examples, collisions and order: the same function as `bingo lexicon validate`."""
    check()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_at_least_150_entries_per_language(lang: str) -> None:
    assert len(LEXICON.for_lang(lang)) >= 150


def test_ids_unique_across_files() -> None:
    ids = Counter()
    for path in builtin_files():
        ids.update(re.findall(r"^  - id: (\S+)$", path.read_text(encoding="utf-8"), flags=re.M))
    assert [i for i, n in ids.items() if n > 1] == []


def test_every_category_is_used_and_weights_are_sensible() -> None:
    used = {e.category for e in LEXICON.entries.values()}
    assert used <= set(CATEGORIES) and len(used) >= 6
    idioms = [e.weight for e in LEXICON.entries.values() if e.category == "idiom"]
    acronyms = [e.weight for e in LEXICON.entries.values() if e.category == "acronym"]
    assert sum(idioms) / len(idioms) > sum(acronyms) / len(acronyms)


def test_messages_are_one_sentence_in_the_entry_language() -> None:
    for entry in LEXICON.entries.values():
        assert set(entry.message) == set(entry.langs), entry.id
        for text in entry.message.values():
            assert text[-1] in ".!?…", (entry.id, text)
            assert len(text) < 240, entry.id


@pytest.mark.parametrize("lang", ["de", "en"])
def test_house_card_has_24_recognisable_terms(lang: str) -> None:
    card = LEXICON.house_cards[lang]
    assert len(set(card)) == 24 and all(lang in LEXICON.entries[i].langs for i in card)


@pytest.mark.parametrize("name", sorted(ESSAYS))
def test_recall_on_the_essays(name: str, scanner) -> None:
    """Scanning an essay finds every entry whose source names that essay."""
    path = shared_path("seeds", name)
    wanted = {e.id for e in LEXICON.entries.values() if e.source == ESSAYS[name]}
    assert wanted, f"no entry names the essay {ESSAYS[name]!r}"
    found = {h.id for h in scanner.scan_file(path).hits}
    assert sorted(wanted - found) == []


def test_every_essay_source_is_a_known_title() -> None:
    titles = set(ESSAYS.values())
    essayish = {e.source for e in LEXICON.entries.values() if "#beyondCXM" in e.source or "scheitern" in e.source}
    assert essayish <= titles


def samples(kind: str) -> list[Path]:
    return sorted(SAMPLES.glob(f"*-{kind}-*.txt"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_enough_calibration_samples(lang: str) -> None:
    assert len([p for p in samples("plain") if p.name.startswith(lang)]) >= 3
    assert len([p for p in samples("jargon") if p.name.startswith(lang)]) >= 3


@pytest.mark.parametrize("path", samples("plain"), ids=lambda p: p.name)
def test_plain_samples_score_below_the_first_band(path: Path, scanner) -> None:
    from bingo.scoring import BANDS

    result = scanner.scan_file(path)
    assert result.lang == path.name[:2]
    assert result.score <= BANDS[0][1], [h.text for h in result.hits]


@pytest.mark.parametrize("path", samples("jargon"), ids=lambda p: p.name)
def test_jargon_samples_score_above_the_first_band(path: Path, scanner) -> None:
    from bingo.scoring import BANDS

    result = scanner.scan_file(path)
    assert result.lang == path.name[:2]
    assert result.score > BANDS[0][1]


def _ascii(text: str) -> str:
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.lower().replace(umlaut, plain)
    return re.sub(r"[^a-z0-9]+", "", text)


def test_ids_name_their_terms() -> None:
    """An id is made from its term: every id has a word that its term, variants, slots or parts contain."""
    drift = []
    for entry in LEXICON.entries.values():
        texts = [_ascii(s) for s in (*entry.surfaces, *(p for part in (entry.apart.parts if entry.apart else ())
                                                          for p in part))]
        words = [w for w in entry.id.split("-") if len(w) >= 3 and w not in {"the", "and", "set", "frame", "der",
                                                                              "die", "das", "und"}]
        if words and not any(w[:4] in text for w in words for text in texts):
            drift.append((entry.id, entry.term))
    assert drift == []


def expected_level(entry) -> str:
    """The rule in the lexicon README ("Levels"): how a built-in entry's level follows from its weight and shape."""
    phrase = len([w for w in re.split(r"[\s\-]+", entry.term) if w]) > 1 or bool(entry.slots) or entry.apart is not None
    if entry.weight >= 4:
        return "error"
    if entry.weight >= 2.5 or (entry.category in {"idiom", "phrase", "ai-tell"} and entry.weight >= 1.5 and phrase):
        return "warning"
    return "suggestion"


def test_levels_follow_the_documented_rule() -> None:
    off = [(e.id, e.level, expected_level(e)) for e in LEXICON.entries.values() if e.level != expected_level(e)]
    assert off == []


def test_every_builtin_entry_states_its_level_and_all_three_are_used() -> None:
    for path in builtin_files():
        text = path.read_text(encoding="utf-8")
        assert text.count("\n    level: ") == text.count("\n  - id: "), path.name
    levels = Counter(e.level for e in LEXICON.entries.values())
    # suggestions and warnings carry the lexicon; errors are the handful of worst offenders
    assert levels["suggestion"] > 500 and levels["warning"] > 500 and 0 < levels["error"] <= 20, levels
    assert {e.id for e in LEXICON.entries.values() if e.level == "error"} >= {"synergien-heben", "sau-durchs-dorf"}


@pytest.mark.parametrize(("text", "lang", "levels"), [
    ("Unsere KPI zeigen: Die Customer Journey zählt.", "de", {"suggestion"}),
    ("Our KPI dashboard maps the customer journey.", "en", {"suggestion"}),
    ("Wir müssen über den Tellerrand schauen und Synergien heben.", "de", {"warning", "error"}),
    ("We think outside the box, and culture eats strategy for breakfast.", "en", {"warning", "error"}),
])
def test_levels_on_real_sentences(scanner, text: str, lang: str, levels: set[str]) -> None:
    assert {h.level for h in scanner.scan_text(text, lang=lang).hits} == levels
