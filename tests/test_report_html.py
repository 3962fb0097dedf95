"""The HTML report and the HTML game result, loaded in a real browser (Debian's headless chromium).

The page is written to a file, chromium loads it, runs its script and dumps the DOM; the tests
assert on that DOM (parsed by the strict checker in html_check.py). Without chromium these tests
skip, and fail under BINGO_REQUIRE_SHARED=1 (CI, whose .ci/run installs it).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import unavailable
from html_check import Element, parse
from typer.testing import CliRunner

from bingo.cli import app
from bingo.models import FileResult, RunResult
from bingo.report.html import to_html

DE = """# Kundenbrief Mai

Wir heben Synergien entlang der gesamten Customer Journey und holen alle Stakeholder ins Boot.

Preise < 5 € & ein echter Mehrwert: <b>nicht fett</b>, und <script>alert(1)</script> bleibt Text.

Ab Montag fährt der Bus 7 um 7:10 Uhr ab Hauptbahnhof.
"""
EN = """# Customer letter, May

We leverage synergies across the customer journey and get all stakeholders on board.

Prices < $5 & a real game changer: <b>not bold</b>, and <script>alert(1)</script> stays text.

From Monday the number 7 bus leaves the main station at 7:10.
"""
TEXTS = {"de": DE, "en": EN}
# the report's own words a reader of that language sees (one per language, from html_strings.TEXTS)
HEADINGS = {"de": ("Bullshit-Index-Bericht", "Der Text, Treffer markiert", "Anmerkungen"),
            "en": ("Bullshit-Index report", "The text, hits marked", "Notes")}
TRANSCRIPTS = Path(__file__).resolve().parent / "data" / "transcripts"


def browser_dom(page: Path, script: str = "") -> Element:
    """Load `page` (with `script` run after the page's own) in headless chromium; the DOM after load."""
    chromium = shutil.which("chromium")
    if chromium is None:
        unavailable("chromium is not installed: apt-get install -y chromium")
    if script:
        markup = page.read_text(encoding="utf-8")
        page = page.with_name("driven-" + page.name)
        page.write_text(markup.replace("</body>", f"<script>{script}</script>\n</body>"), encoding="utf-8")
    done = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "<html" in done.stdout, done.stderr[-2000:]
    return parse(done.stdout).document


def written(tmp_path: Path, markup: str, name: str = "report.html") -> Path:
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    return path


def one(root: Element, tag: str, cls: str | None = None) -> Element:
    (found,) = root.find_all(tag, cls)  # exactly one
    return found


# run in the page: each mark's text without its note number, as the browser has it (html_check's
# tree keeps an element's text apart from its children's, not in document order)
MARK_TEXTS = """
  Array.prototype.forEach.call(document.querySelectorAll("mark"), function (mark) {
    var copy = mark.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("sup"), function (sup) { sup.remove(); });
    mark.setAttribute("data-own", copy.textContent);
  });
"""


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_report_in_a_browser(scanner: Any, tmp_path: Path, lang: str) -> None:
    result: FileResult = scanner.scan_text(TEXTS[lang], lang=lang, path=f"brief-{lang}.txt")
    assert len(result.hits) == 5 and result.score > 90
    markup = to_html(result)
    parse(markup)  # well-formed as written, not only after the browser's repairs
    dom = browser_dom(written(tmp_path, markup), MARK_TEXTS)
    html = one(dom, "html")
    section = one(dom, "section", "file")
    assert html.attrs["lang"] == section.attrs["lang"] == lang
    assert one(dom, "h1").text_content() == HEADINGS[lang][0]
    assert one(section, "h2").text_content() == f"brief-{lang}.txt"
    assert set(HEADINGS[lang][1:]) <= {h.text_content() for h in section.find_all("h3")}
    # the score as the gauge's number and in its accessible name, the verdict beside it
    assert one(section, "text", "num").text_content() == str(result.score)
    assert f" {result.score} " in one(section, "title").text_content()
    assert result.verdict is not None and result.verdict.label in one(section, "p", "verdict").text_content()
    # every hit a mark, in text order (a hit inside another is a mark inside it), its advice as tooltip
    marks = section.find_all("mark", "hit")
    ordered = sorted(result.hits, key=lambda h: (h.start, -h.end))
    assert [(m.attrs["data-entry"], m.attrs["data-own"]) for m in marks] == [(h.id, h.text) for h in ordered]
    nested = [m for m in marks if m.find_all("mark")]
    assert lang != "de" or [m.attrs["data-own"] for m in nested] == ["holen alle Stakeholder ins Boot"]
    notes = {li.attrs["id"]: li for li in one(section, "ol", "notes").children}
    for mark, hit in zip(marks, ordered, strict=True):
        info = result.entry(hit.id)
        assert info is not None and info.message in (mark.attrs["title"] or "")
        (sup,) = [child for child in mark.children if child.tag == "sup"]  # its own, not a nested mark's
        target = one(sup, "a").attrs["href"] or ""
        assert info.term in notes[target.lstrip("#")].text_content()
        assert not info.alternative or info.alternative in notes[target.lstrip("#")].text_content()
    # the text's own markup is text: no <b> or <script> from it in the page, the characters shown
    passage_text = "".join(p.text_content() for p in section.find_all("p", "passage"))
    assert "<b>" in passage_text and "<script>alert(1)</script>" in passage_text and "& " in passage_text
    assert not section.find_all("b")
    assert len(dom.find_all("script")) == 1  # the test's own: one file has no overview, so no sorting script
    # the house card: 25 squares, the ticked ones those the text hit
    card = one(section, "table", "card")
    squares = card.find_all("td")
    assert len(squares) == 25
    hit_terms = {info.term for info in result.entries}
    ticked = [td for td in squares if "on" in td.classes() and "free" not in td.classes()]
    assert ticked and all(any(t in td.text_content() for t in hit_terms) for td in ticked)
    assert len(ticked) == sum(result.card_marked) - 1  # the free centre counts as marked
    # category bars: one row per category with its weight as text
    rows = one(section, "table", "cats").find_all("tbody")[0].children
    assert len(rows) == len(result.categories)
    assert all(one(row, "th").attrs["scope"] == "row" for row in rows)


def test_the_overview_sorts_in_a_browser(scanner: Any, tmp_path: Path) -> None:
    plain = "Ab Montag fährt der Bus 7 um 7:10 Uhr ab Hauptbahnhof, samstags um 8:10 Uhr.\n"
    files = (scanner.scan_text(DE, lang="de", path="b.txt"), scanner.scan_text(plain, lang="de", path="a.txt"),
             scanner.scan_text(EN, lang="en", path="c.txt"),
             FileResult(path="broken.txt", lang=None, words=0, score=0, verdict=None, error="not valid UTF-8"))
    page = written(tmp_path, to_html(RunResult(files)))
    click = """
      var buttons = document.querySelectorAll("table.overview thead button");
      var names = function () { return Array.prototype.map.call(
        document.querySelectorAll("table.overview tbody th"), function (th) { return th.textContent; }).join("|"); };
      buttons[3].click(); document.body.setAttribute("data-score-up", names());
      buttons[3].click(); document.body.setAttribute("data-score-down", names());
      buttons[0].click(); document.body.setAttribute("data-file-up", names());
      document.body.setAttribute("data-resources", performance.getEntriesByType("resource").length);
    """
    body, table = one(dom := browser_dom(page, click), "body"), one(dom, "table", "overview")
    assert table.attrs["data-sortable"] == "ready"  # the page's script ran to its end
    assert [th.attrs.get("aria-sort") for th in table.find_all("th") if th.attrs.get("scope") == "col"] == [
        "ascending", None, None, None, None, None]
    by_score = sorted(files, key=lambda f: f.score if f.error is None else -1)
    assert body.attrs["data-score-up"] == "|".join(f.path for f in by_score)
    assert body.attrs["data-score-down"] == "|".join(f.path for f in reversed(by_score))
    assert body.attrs["data-file-up"] == "a.txt|b.txt|broken.txt|c.txt"
    assert body.attrs["data-resources"] == "0"  # nothing fetched: fonts, styles and script are inline
    # mixed languages: the page around them is English, each file's section its own language
    assert one(dom, "html").attrs["lang"] == "en"
    assert [s.attrs["lang"] for s in dom.find_all("section", "file")] == ["de", "de", "en", "en"]
    assert len(dom.find_all("h1")) == 1 and len(dom.find_all("h2")) == 5  # the overview and four files


def test_without_javascript_the_overview_is_a_plain_table(scanner: Any) -> None:
    run = RunResult((scanner.scan_text(DE, lang="de", path="b.txt"), scanner.scan_text(EN, lang="en", path="c.txt")))
    document = parse(to_html(run)).document
    table = one(document, "table", "overview")
    heads = [th for th in table.find_all("th") if th.attrs.get("scope") == "col"]
    assert [th.text_content() for th in heads] == ["File", "Language", "Words", "Score", "Verdict", "Hits"]
    assert not table.find_all("button")  # the script adds the sort buttons; without it nothing pretends to sort
    assert [row.find_all("th")[0].attrs["scope"] for row in table.find_all("tbody")[0].children] == ["row", "row"]


def test_hits_beyond_the_kept_passages_are_counted(mini_scanner: Any, tmp_path: Path) -> None:
    text = "".join(f"Absatz {n}: Wir heben Synergien.\n\n" for n in range(1, 26)) + "Am Ende ein Touchpoint.\n"
    result = mini_scanner.scan_text(text, lang="de", path="lang.txt")
    assert len(result.hits) == 26 and len(result.passages) == 20
    markup = to_html(result)
    document = parse(markup).document
    assert len(document.find_all("mark", "hit")) == 20
    more = one(document, "p", "more").text_content()
    assert more == "6 weitere Treffer stehen in Absätzen, die dieser Bericht nicht zeigt."
    assert "Touchpoint" in one(document, "ol", "notes").text_content()  # explained, though not shown
    targets = set(re.findall(r'href="#([^"]+)"', markup))
    assert targets and targets <= set(re.findall(r' id="([^"]+)"', markup))  # no link leads nowhere


def test_scan_format_html_writes_the_page(tmp_path: Path) -> None:
    source, target = written(tmp_path, DE, "brief.txt"), tmp_path / "report.html"
    result = CliRunner().invoke(app, ["scan", str(source), "--format", "html", "-o", str(target), "--max-score", "50"])
    assert result.exit_code == 1  # the gate still decides the exit code
    document = parse(target.read_text(encoding="utf-8")).document
    assert len(document.find_all("mark", "hit")) == 5


def deal(tmp_path: Path, lang: str) -> Path:
    game = tmp_path / f"{lang}.game.json"
    dealt = CliRunner().invoke(app, ["card", "--count", "4", "--size", "3", "--seed", "11", "--lang", lang, "--words",
                                     str(TRANSCRIPTS / f"words-{lang}.txt"), "--format", "json", "--game", str(game)])
    assert dealt.exit_code == 0, dealt.output
    return game


# the fixtures of test_transcripts.py: the winner, the term that completed its line, time, speaker
GAMES = {"de": ("zoom-de.vtt", "Gewinner: Karte 4", "Mindset", "00:00:04.200", "Anna Schmidt"),
         "en": ("teams-en.vtt", "Tie: cards 1, 4", "take it offline", "00:00:09.250", "Raj Patel")}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_check_format_html_in_a_browser(tmp_path: Path, lang: str) -> None:
    transcript, outcome, term, time, speaker = GAMES[lang]
    args, runner = ["check", str(deal(tmp_path, lang)), str(TRANSCRIPTS / transcript), "--format"], CliRunner()
    checked = runner.invoke(app, [*args, "html"])
    assert checked.exit_code == 0, checked.output
    data = json.loads(runner.invoke(app, [*args, "json"]).stdout)
    dom = browser_dom(written(tmp_path, checked.stdout, "check.html"))
    assert one(dom, "html").attrs["lang"] == lang
    assert outcome in one(dom, "p", "lead").text_content()
    winner = data["winner"]
    section = next(s for s in dom.find_all("section", "game") if s.attrs.get("aria-labelledby") == f"card-{winner}")
    facts = one(section, "dl", "facts").text_content()
    assert term in facts and time in facts and speaker in facts
    ticked = [td.text_content().replace("✔ ", "").split(" (")[0] for td in one(section, "table", "card").find_all("td")
              if "on" in td.classes() and "free" not in td.classes()]
    expected = next(c for c in data["cards"] if c["card"] == winner)["marked"]
    assert sorted(ticked) == sorted(expected)
    assert one(section, "table", "card").find_all("td", "line")  # the completed line is drawn


def test_check_format_html_for_a_claimed_card_without_bingo(tmp_path: Path) -> None:
    # meeting-de.srt completes card 3 only (test_transcripts.py); card 1 is claimed and has none
    game = deal(tmp_path, "de")
    lost = CliRunner().invoke(app, ["check", str(game), str(TRANSCRIPTS / "meeting-de.srt"), "--card", "1",
                                    "--format", "html"])
    assert lost.exit_code == 1
    document = parse(lost.stdout).document
    assert "Karte 1 hat kein BINGO." in one(document, "p", "lead").text_content()
    (section, heard) = document.find_all("section", "game")
    assert one(section, "h2").text_content() == "Karte 1" and not section.find_all("p", "bingo")
    assert not one(section, "table", "card").find_all("td", "line")
    assert "Synergien" in heard.text_content()
