"""Card terms break only at spaces, after hyphens, or at a syllable break with a visible hyphen, in every format."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from bingo.cards.game import Game, deal
from bingo.cards.render import render_svg, rich_card
from bingo.cards.wrap import SOFT_HYPHEN, soft_hyphenated, soft_hyphens_at, wrap_chars
from bingo.cli import app

SHY = SOFT_HYPHEN

LONG_DE = ["Kundenzentrierung", "Paradigmenwechsel", "Begeisterungsfaktor", "Kundenmanagement",
           "Omnichannel-Kundenmanagement", "Customer-Experience-Management-Plattform", "Kundenbeziehungsmanagement",
           "Geschäftsmodellinnovation", "Transformationskompetenz", "erfolgreichste Jahr der Unternehmensgeschichte",
           "Ende-zu-Ende-Digitalisierung", "Verwaltungsmodernisierung", "Mitarbeiterzentrierung", "Synergien",
           "Quick Win", "Deep Dive", "Stakeholder", "Agilität", "Mindset", "Roadmap", "Touchpoint", "Łódź-Strategie",
           "Привет Команда", "Digitalisierungspartner", "Nachhaltigkeitsstrategie"]
LONG_EN = ["hyper-personalization", "omnichannel", "customer-centricity", "transformational", "data democratization",
           "no one-size-fits-all", "best-in-class", "mission-critical", "thought leadership", "industry-leading",
           "synergies", "deep dive", "low-hanging fruit", "game-changer", "paradigm shift", "touchpoints",
           "stakeholder alignment", "customer journey", "value proposition", "disruption", "ecosystem",
           "next-generation", "holistic approach", "operationalization", "entrepreneurial spirit"]


def make(terms: list[str], lang: str, size: int = 5, title: str = "Bullshit-Bingo") -> Game:
    pool = [(f"t{i:02}", term) for i, term in enumerate(terms)]
    return deal(pool, count=3, size=size, free=True, seed=4, lang=lang, title=title, source="test", digest="d",
                options={})


def unbroken(said: str, lines: list[str]) -> None:
    """Assert `lines` spell `said` and each line ends at a space, after the term's hyphen, or with an added one."""
    said = " ".join(said.split())
    pos = 0
    for n, line in enumerate(lines):
        line = line.strip()
        if said.startswith(line, pos):
            pos += len(line)
            assert n == len(lines) - 1 or pos == len(said) or said[pos] == " " or line.endswith("-"), (
                f"{line!r} ends mid-word in {said!r}")
        else:
            assert line.endswith("-") and said.startswith(line[:-1], pos), f"{line!r} is not the next part of {said!r}"
            pos += len(line) - 1
            assert said[pos - 1].isalpha() and said[pos].isalpha(), f"{line!r}: a hyphen added outside a word"
        pos += said[pos:pos + 1] == " "
    assert pos == len(said), f"{lines} leave out the end of {said!r}"


@pytest.mark.parametrize(("term", "width", "lang", "lines"), [
    ("Kundenzentrierung", 16, "de", ["Kunden-", "zentrierung"]),  # the compound's parts, not Kundenzentrierun|g
    ("Paradigmenwechsel", 16, "de", ["Paradigmen-", "wechsel"]),
    ("Begeisterungsfaktor", 16, "de", ["Begeisterungs-", "faktor"]),  # after the linking s
    ("Kundenzentrierungsstrategie", 16, "de", ["Kunden-", "zentrierungs-", "strategie"]),
    ("Customer-Experience-Management-Plattform", 16, "de", ["Customer-", "Experience-", "Management-", "Plattform"]),
    ("Omnichannel-Kundenmanagement", 16, "de", ["Omnichannel-", "Kundenmanagement"]),  # its own hyphen first
    ("Stakeholder", 16, "de", ["Stakeholder"]),  # fits: not broken
    ("Customer Journey", 16, "de", ["Customer Journey"]),
    ("hyper-personalization", 16, "en", ["hyper-", "personalization"]),
    ("data democratization", 12, "en", ["data democ-", "ratization"]),  # en_US: de-moc-ra-ti-za-tion
    ("#MondayMotivation", 8, "en", ["#MondayMotivation"]),  # a hashtag is no word to hyphenate: never cut
])
def test_wrap_breaks_at_parts_with_a_hyphen(term: str, width: int, lang: str, lines: list[str]) -> None:
    assert list(wrap_chars(term, width, lang)) == lines
    unbroken(term, lines)


@pytest.mark.parametrize(("terms", "lang"), [(LONG_DE, "de"), (LONG_EN, "en")])
@pytest.mark.parametrize("width", [7, 10, 12, 16, 20])
def test_wrap_never_breaks_mid_word(terms: list[str], lang: str, width: int) -> None:
    for term in terms:
        lines = wrap_chars(term, width, lang)
        unbroken(term, list(lines))
        # a line longer than the width holds one piece no break point splits, hyphen included
        assert all(len(line) <= width or " " not in line for line in lines), lines


def test_soft_hyphens_go_where_words_may_break() -> None:
    assert soft_hyphenated("Kundenzentrierung", "de").split(SOFT_HYPHEN) == ["Kun", "den", "zen", "trie", "rung"]
    assert SOFT_HYPHEN not in soft_hyphenated("Quick-Win", "de")  # the hyphen it has is its break
    lines = wrap_chars("erfolgreichste Jahr der Unternehmensgeschichte", 14, "de")
    marked = soft_hyphens_at("erfolgreichste Jahr der Unternehmensgeschichte", lines)
    assert marked.replace(SOFT_HYPHEN, "") == "erfolgreichste Jahr der Unternehmensgeschichte"
    assert marked.count(SOFT_HYPHEN) == sum(line.endswith("-") for line in lines)


def columns(table: str, size: int) -> list[list[str]]:
    """The text of each column of a rendered card, line by line (box-drawing borders dropped)."""
    cols: list[list[str]] = [[] for _ in range(size)]
    for row in table.splitlines():
        parts = row.split("│")
        if len(parts) == size + 2:
            for col, part in zip(cols, parts[1:-1], strict=True):
                if part.strip():
                    col.append(part.strip())
    return cols


@pytest.mark.parametrize(("terms", "lang"), [(LONG_DE, "de"), (LONG_EN, "en")])
@pytest.mark.parametrize("width", [100, 80, 60])
def test_terminal_card_breaks_words_only_with_a_hyphen(terms: list[str], lang: str, width: int) -> None:
    # the text/check/live card: rich folded every term at 16 characters (Kundenzentrierun|g)
    game = make(terms, lang)
    out = io.StringIO()
    Console(file=out, width=width, no_color=True).print(rich_card(game, 0))
    table = out.getvalue()
    assert max(len(line) for line in table.splitlines()) <= max(width, 5 * 18 + 6)
    for col, lines in enumerate(columns(table, game.size)):
        said = " ".join(game.free_label if cell is None else game.terms[cell]
                        for cell in game.cards[0][col::game.size])
        unbroken(said, lines)


def test_marked_terminal_card_keeps_the_mark_and_the_words() -> None:
    game = make(LONG_DE, "de", size=3)
    marked = [True] * 9
    out = io.StringIO()
    Console(file=out, width=80, no_color=True).print(rich_card(game, 1, marked))
    for col, lines in enumerate(columns(out.getvalue(), 3)):
        said = " ".join("FREI" if cell is None else f"✘ {game.terms[cell]}" for cell in game.cards[1][col::3])
        unbroken(said, lines)


@pytest.mark.parametrize(("terms", "lang"), [(LONG_DE, "de"), (LONG_EN, "en")])
def test_svg_lines_break_only_with_a_hyphen_and_fit(terms: list[str], lang: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    title = "Strategie-Offsite der Geschäftsführung mit allen Bereichsleitungen und Kundenbeziehungsmanagement"
    game = make(terms, lang, title=title)
    out = io.StringIO()
    render_svg(game, out)
    ns = "{http://www.w3.org/2000/svg}"
    for card, group in zip(game.cards, ET.fromstring(out.getvalue()).findall(f"{ns}g"), strict=True):
        rects = [(float(r.attrib["x"]), float(r.attrib["y"])) for r in group.findall(f"{ns}rect")]
        side = 5 * 120
        by_square: dict[int, list[ET.Element]] = {}
        heading = []
        for text in group.findall(f"{ns}text"):
            x, y = float(text.attrib["x"]), float(text.attrib["y"])
            inside = [i for i, (rx, ry) in enumerate(rects) if rx < x < rx + 120 and ry < y < ry + 120]
            if inside:
                by_square.setdefault(inside[0], []).append(text)
            elif y < rects[0][1]:
                heading.append(text)
        # the title wrapped (it ran off the sheet in one 22 px line) inside the grid's width
        unbroken(title, [t.text or "" for t in heading])
        assert all(stringWidth(t.text, "Helvetica-Bold", float(t.attrib["font-size"])) <= side for t in heading)
        assert sorted(by_square) == list(range(25))
        for index, lines in by_square.items():
            cell = card[index]
            unbroken(game.free_label if cell is None else game.terms[cell], [t.text or "" for t in lines])
            font = "Helvetica-Bold" if cell is None else "Helvetica"
            assert all(stringWidth(t.text, font, float(t.attrib["font-size"])) <= 120 - 8 for t in lines)
        sizes = {float(t.attrib["font-size"]) for lines in by_square.values() for t in lines}
        assert max(sizes) / min(sizes) <= 1.25 + 1e-9  # one size per card, or close: not 11 beside 14


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "{tmp}/x.docx"], "x.docx: cannot write cards to a '.docx' file (accepted suffixes: .htm, .html, .json, "
                             ".pdf, .svg, .txt)"),
    (["-o", "{tmp}/cards"], "cards: cannot write cards to a '(no suffix)' file"),
    (["-o", "{tmp}/x.pdf", "--format", "html"], "x.pdf: --format html does not match the suffix '.pdf' (pdf)"),
    (["-o", "{tmp}/x.txt", "-f", "json"], "x.txt: --format json does not match the suffix '.txt' (text)"),
])
def test_card_file_suffix_must_name_the_format(runner: CliRunner, tmp_path: Path, args: list[str],
                                               message: str) -> None:
    result = runner.invoke(app, ["card", "--seed", "1", *(a.format(tmp=tmp_path) for a in args)])
    assert result.exit_code == 2
    assert re.fullmatch(r"bingo: error: \S*" + re.escape(message) + r"[^\n]*\n", result.stderr), result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written, no game file either


def test_matching_format_and_suffix_still_work(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["card", "--seed", "1", "-o", str(tmp_path / "x.TXT"), "-f", "text"])
    assert result.exit_code == 0, result.stderr
    assert "Karte 1/1" in (tmp_path / "x.TXT").read_text(encoding="utf-8")


@pytest.mark.parametrize(("term", "lang", "whole_at", "lines"), [
    ("resilience", "en", 12.0, ("resilience",)),  # whole at 12 pt beats resi-lience at 14
    ("Paradigmenwechsel", "de", 12.5, ("Paradigmenwechsel",)),
    ("Kundenzentrierung", "de", 9.0, ("Kunden-", "zentrierung")),  # whole only at 9 pt: the hyphen is worth it
])
def test_fit_keeps_words_whole_when_it_costs_little(term: str, lang: str, whole_at: float,
                                                    lines: tuple[str, ...]) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from bingo.cards.fit import fit_card

    width = stringWidth(term, "Helvetica", whole_at) + 0.01
    (fitted,) = fit_card([(term, "Helvetica")], width, 60, (6, 14), lang)
    assert fitted.lines == lines
    assert fitted.size == whole_at if len(lines) == 1 else fitted.size > whole_at / 0.8


@pytest.mark.parametrize(("sample", "lang"), [("de-jargon-strategie.txt", "de"), ("en-jargon-press-release.txt", "en")])
@pytest.mark.parametrize("width", [120, 100, 80, 60])
def test_scan_report_card_breaks_words_only_with_a_hyphen(sample: str, lang: str, width: int) -> None:
    # the house card under `bingo scan`'s report: at 80 columns rich squeezed 16-column squares and folded
    # Erlebnisökono|mie, Touchpoin|t between letters
    from bingo.api import scan_text
    from bingo.report.human import card

    result = scan_text((Path(__file__).parent.parent / "samples" / sample).read_text(encoding="utf-8"), lang=lang)
    out = io.StringIO()
    Console(file=out, width=width, no_color=True).print(card(result, width))
    table = out.getvalue()
    assert max(len(line) for line in table.splitlines()) <= width
    free = "FREI" if lang == "de" else "FREE"
    labels = [free if ident is None else f"✘ {term}" if hit else term
              for ident, term, hit in zip(result.card, result.card_terms, result.card_marked, strict=True)]
    for col, lines in enumerate(columns(table, 5)):
        unbroken(" ".join(labels[col::5]), lines)


def test_scan_report_card_reads_its_breaks_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # pyphen's German dictionary took 1.85 s to load: a warm `bingo scan` must not pay it for its card
    from bingo.api import scan_text
    from bingo.cards import breakcache, wrap
    from bingo.report.human import card

    monkeypatch.setenv("BINGO_CACHE_DIR", str(tmp_path))
    result = scan_text((Path(__file__).parent.parent / "samples" / "de-jargon-strategie.txt").read_text("utf-8"))
    first = io.StringIO()
    Console(file=first, width=80, no_color=True).print(card(result, 80))
    assert [p.name for p in tmp_path.glob(f"{breakcache.KIND}-*.json")], "the breaks were not cached"

    def no_dictionary(lang: str) -> object:
        raise AssertionError("pyphen loaded although the breaks are cached")

    monkeypatch.setattr(wrap, "_dictionary", no_dictionary)
    wrap.breaks.cache_clear()
    wrap.known_stems.cache_clear()
    again = io.StringIO()
    Console(file=again, width=80, no_color=True).print(card(result, 80))
    assert again.getvalue() == first.getvalue() and "Kunden-" in again.getvalue()


def test_a_tampered_breaks_cache_is_recomputed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bingo import cache
    from bingo.cards import breakcache
    from bingo.cards.wrap import breaks, known_stems

    monkeypatch.setenv("BINGO_CACHE_DIR", str(tmp_path))
    words = ["Kundenzentrierung", "Paradigmenwechsel"]
    breakcache.word_breaks(words, "de")
    name = next(tmp_path.glob(f"{breakcache.KIND}-*.json")).name
    cache.write(name, {"Kundenzentrierung": [[99, True, 1]], "Paradigmenwechsel": []})  # a break outside the word
    found = breakcache.word_breaks(words, "de")
    assert found("Kundenzentrierung") == breaks("Kundenzentrierung", "de", known_stems("de"))
