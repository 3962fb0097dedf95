"""`bingo lexicon show` and `list`: exact rows, slots and apart entries, one-line errors."""

from __future__ import annotations

import pytest
from conftest import DATA

from bingo.cli import main

MINI = DATA / "mini-lexicon.yaml"


def defined_at(ident: str) -> str:
    """Where the test lexicon defines `ident`, as `bingo lexicon show` names it."""
    lines = MINI.read_text(encoding="utf-8").splitlines()
    return f"{MINI}:{lines.index(f'  - id: {ident}') + 1}"


def show(ident: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[tuple[str, str]], str]:
    """Exit code, (label, value) rows and stderr of `bingo lexicon show ID` with the test lexicon added."""
    code = main(["lexicon", "show", ident, "--lexicon", str(MINI)])
    out, err = capsys.readouterr()
    rows = []
    for line in out.splitlines():
        assert line[18] == " " and line[:18].rstrip().endswith(":"), line  # labels are padded to one column
        rows.append((line[:18].rstrip()[:-1], line[19:]))
    return code, rows, err


def common(ident: str, term: str, lang: str, category: str, weight: str, variants: str = "–", compound: str = "none",
           inflect: str = "last") -> list[tuple[str, str]]:
    return [("id", ident), ("term", term), ("lang", lang), ("category", category), ("weight", weight),
            ("level", "warning"), ("variants", variants), ("compound", compound), ("inflect", inflect),
            ("source", "test"), ("defined at", defined_at(ident))]


def test_a_plain_entry(capsys: pytest.CaptureFixture[str]) -> None:
    code, rows, err = show("kundenzentrierung", capsys)
    assert (code, err) == (0, "")
    assert rows == [*common("kundenzentrierung", "Kundenzentrierung", "de", "method", "2", compound="prefix"),
                    ("message [de]", "Ein Schlagwort ohne Maßnahme."), ("matches", "Kundenzentrierungsstrategie")]


def test_an_entry_for_both_languages_with_variants_and_alternative(capsys: pytest.CaptureFixture[str]) -> None:
    code, rows, _ = show("synergy", capsys)
    assert code == 0
    assert rows == [*common("synergy", "synergy", "both", "management", "3", variants="Synergie, synergies, Synergien"),
                    ("message [de]", "Einsparung, schön verpackt."), ("message [en]", "Cost cutting, nicely wrapped."),
                    ("matches", "Synergien heben"), ("matches", "unlock synergies")]
    code, rows, _ = show("ganzheitlich", capsys)
    assert code == 0 and ("alternative [de]", "sagen, was genau gemeint ist") in rows
    assert [label for label, _ in rows][-3:] == ["message [de]", "alternative [de]", "matches"]


def test_an_entry_with_slots(capsys: pytest.CaptureFixture[str]) -> None:
    code, rows, _ = show("nahtloses-erlebnis", capsys)
    assert code == 0
    assert rows[:11] == common("nahtloses-erlebnis", "nahtloses Erlebnis", "both", "hype", "2", inflect="all")
    assert rows[11] == ("slots", "{nahtlos | personalisiert | seamless | frictionless} + {– | digital | omnichannel} + "
                                 "{Erlebnis | Einkaufserlebnis | experience | journey}")
    label, phrases = rows[12]
    assert label == "phrases" and phrases.startswith("48 (e.g. ") and phrases.count(", ") == 2
    assert rows[13:] == [("message [de]", "Nähte hat nur die Hose."), ("message [en]", "Only trousers have seams."),
                         ("matches", "ein nahtloses, personalisiertes Einkaufserlebnis"),
                         ("matches", "seamless omnichannel journeys"),
                         ("does not match", "Das Erlebnis war nahtlos schön.")]


@pytest.mark.parametrize(("ident", "parts", "within", "match", "no_match"), [
    ("weichen-stellen", "{stellen | stellt | stellte | stellten | gestellt} … {Weichen}", 4,
     "Wir stellen heute die Weichen für morgen.", "Wir stellen Stühle auf. Die Weichen am Bahnhof sind neu."),
    ("not-just-its", "{not just} … {it's | it is}", 6,
     "This is not just a tool — it's a revolution.", "It is not just me. It's raining."),
])
def test_an_entry_with_apart_parts(ident: str, parts: str, within: int, match: str, no_match: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, rows, _ = show(ident, capsys)
    assert code == 0
    assert ("apart", f"{parts} (at most {within} words between parts, in one sentence)") in rows
    assert rows[-2:] == [("matches", match), ("does not match", no_match)]
    assert [label for label, _ in rows][:12] == [label for label, _ in common(ident, "", "", "", "")] + ["apart"]


def test_unknown_id_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lexicon", "show", "no-such-entry"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", "bingo: error: no entry with id 'no-such-entry' (see 'bingo lexicon list')\n")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_list_shows_one_row_per_entry_of_the_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    from bingo.lexicon import load_lexicon

    assert main(["lexicon", "list", "--lang", lang, "--lexicon", str(MINI)]) == 0
    rows = capsys.readouterr().out.splitlines()
    entries = load_lexicon([MINI]).entries
    assert [row.split()[0] for row in rows] == sorted(i for i, e in entries.items() if lang in e.langs)
    synergy = next(row for row in rows if row.startswith("synergy "))
    assert synergy == f"{'synergy':<36} {'both':<5} {'management':<11} {3:>4g}  synergy"
