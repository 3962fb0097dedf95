"""The HTML report shows a Markdown or HTML source's prose, not its markup, with every hit marked at its span.

Checked in a real browser (headless chromium, as tests/test_report_html.py): the passages' text
as a person reads it has no tags, entities, emphasis marks or link syntax, and each mark holds
exactly the words of its hit.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from html_check import Element
from test_report_html import MARK_TEXTS, browser_dom, written

from bingo.models import FileResult, Passage
from bingo.report.html import to_html
from bingo.report.html_prose import HIDDEN, shown

MARKDOWN = {
    "de": ("---\ntitle: Brief\n---\n# Unsere **Customer Journey**\n\n"
           "Wir <b>heben Synergien</b> am *Touchpoint* und\nsind \\*kundenzentriert\\*, siehe "
           "[unsere Seite](https://example.org/seite) und __Erlebnis&ouml;konomie__.\n\n"
           "- erster Punkt mit **Mehrwert**\n- zweiter Punkt: `code` und ganzheitlich\n\n"
           "> Ein Zitat mit Touch&shy;point\n",
           ["Unsere Customer Journey",
            "Wir heben Synergien am Touchpoint und sind *kundenzentriert*, siehe unsere Seite und Erlebnisökonomie.",
            "• erster Punkt mit Mehrwert\n• zweiter Punkt: und ganzheitlich", "Ein Zitat mit Touch\xadpoint"]),
    "en": ("---\ntitle: Letter\n---\n# Our **customer journey**\n\n"
           "We <b>leverage synergies</b> at every *touchpoint* and\nare \\*customer-centric\\*, see "
           "[our page](https://example.org/page) and __best-in-class__ &amp; more.\n\n"
           "- first point: a **game changer**\n- second point: `code` and holistic\n\n"
           "> A quote with touch&shy;point\n",
           ["Our customer journey",
            "We leverage synergies at every touchpoint and are *customer-centric*, see our page and "
            "best-in-class & more.",
            "• first point: a game changer\n• second point: and holistic", "A quote with touch\xadpoint"]),
}
HTML = {
    "de": ('<!DOCTYPE html>\n<html><head><style>p{color:red}</style></head><body><div class="x">\n'
           "<h1>Unsere <em>Customer Journey</em></h1>\n<p>Wir heben <b>Synergien</b> am\n"
           "   Touchpoint &bdquo;kundenzentriert&ldquo; und auf Augenh&ouml;he.</p>\n"
           "<ul><li>Echter Mehrwert</li><li>Jeder Touch&shy;point z&auml;hlt</li></ul>\n</div></body></html>\n",
           ["Unsere Customer Journey\nWir heben Synergien am Touchpoint „kundenzentriert“ und auf Augenhöhe.\n"
            "Echter Mehrwert\nJeder Touch\xadpoint zählt"]),
    "en": ('<!DOCTYPE html>\n<html><head><style>p{color:red}</style></head><body><div class="x">\n'
           "<h1>Our <em>customer journey</em></h1>\n<p>We <b>leverage</b> synergies at\n"
           "   every touchpoint &ldquo;customer-centric&rdquo; &amp; best-in-class.</p>\n"
           "<ul><li>A real game changer</li><li>Every touch&shy;point counts</li></ul>\n</div></body></html>\n",
           ["Our customer journey\nWe leverage synergies at every touchpoint “customer-centric” & best-in-class.\n"
            "A real game changer\nEvery touch\xadpoint counts"]),
}
# what a mark shows of a hit's source text: tags and the marks of emphasis gone, entities decoded, space collapsed
_MARKUP = re.compile(r"<[^>]*>|\*\*|__|(?<!\\)\*")


def readable(source: str) -> str:
    return " ".join(html.unescape(_MARKUP.sub("", source)).split())


PASSAGE_LINES = """
  Array.prototype.forEach.call(document.querySelectorAll("p.passage"), function (p) {
    var copy = p.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("sup, .ln"), function (el) { el.remove(); });
    Array.prototype.forEach.call(copy.querySelectorAll("br"), function (br) { br.replaceWith("\\n"); });
    p.setAttribute("data-read", copy.textContent);
  });
"""


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(("kind", "texts"), [("markdown", MARKDOWN), ("html", HTML)], ids=["markdown", "html"])
def test_passages_show_prose_not_markup_in_a_browser(scanner: Any, tmp_path: Path, kind: str,
                                                     texts: dict[str, tuple[str, list[str]]], lang: str) -> None:
    source, expected = texts[lang]
    result: FileResult = scanner.scan_text(source, lang=lang, path=f"brief.{'md' if kind == 'markdown' else 'html'}")
    assert result.kind == kind and result.hits
    dom = browser_dom(written(tmp_path, to_html(result)), MARK_TEXTS + PASSAGE_LINES)
    section = dom.find_all("section", "file")[0]
    passages = section.find_all("p", "passage")
    assert [p.attrs["data-read"] for p in passages] == expected
    # every hit a mark, at its exact span: the mark holds the hit's words and nothing around them
    marks = section.find_all("mark", "hit")
    ordered = sorted(result.hits, key=lambda h: (h.start, -h.end))
    assert [(m.attrs["data-entry"], m.attrs["data-own"]) for m in marks] == [
        (h.id, readable(h.text)) for h in ordered]
    assert not any(isinstance(child, Element) and child.tag in ("b", "em", "h1", "li", "style")
                   for p in passages for child in p.children)


@pytest.mark.parametrize(("kind", "text"), [
    ("markdown", "Wir *heben* Synergien, siehe [hier](https://x.y).\n"),
    ("html", "<p>Wir <b>heben</b> Synergien &amp; mehr.</p>\n"),
    ("text", "Wir heben   Synergien <b>nicht</b>.\n"),
])
def test_the_display_text_keeps_every_offset(scanner: Any, kind: str, text: str) -> None:
    result = scanner.scan_text(text, lang="de", kind=kind)
    (passage,) = result.passages
    display = shown(passage, result.kind)
    assert len(display) == len(passage.text)  # one display character per source character: hits keep their spans
    (hit,) = [h for h in result.hits if h.id == "synergien-heben"]
    assert display[hit.start - passage.start:hit.end - passage.start].replace(HIDDEN, "") == "heben Synergien"


def test_plain_text_keeps_its_characters() -> None:
    text = "Preise < 5 € & **nicht fett**, <b>so</b> geschrieben\nund umbrochen.\n\n- eine Liste\n"
    display = shown(Passage(1, 0, text), "text").replace(HIDDEN, "")
    assert display == "Preise < 5 € & **nicht fett**, <b>so</b> geschrieben und umbrochen.\n- eine Liste"


@pytest.mark.parametrize("name", ["teams-en.vtt", "meeting-de.srt"])
def test_a_transcript_shows_what_was_said(scanner: Any, name: str) -> None:
    from html_check import parse
    from test_report_html import TRANSCRIPTS

    path = TRANSCRIPTS / name
    result = scanner.scan_text(path.read_text(encoding="utf-8"), path=name)
    assert result.kind == "transcript" and result.passages
    page = parse(to_html(result)).document
    said = " ".join(p.text_content() for p in page.find_all("p", "passage"))
    assert "-->" not in said and "<v " not in said and not re.search(r"\d\d:\d\d:\d\d", said)  # no cue timings, tags
    assert all(m.text_content() for m in page.find_all("mark", "hit"))
