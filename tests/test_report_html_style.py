"""The HTML report's accessibility, read from its markup and stylesheet (the browser tests are in test_report_html.py).

Contrast is computed as WCAG 2 defines it, from the colours the stylesheet declares, for each
pair of text and background the page uses; AA asks 4.5:1 for body text.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from html_check import parse
from test_report_html import DE, EN

from bingo.models import RunResult
from bingo.report.html import to_html
from bingo.report.html_style import CSS

COLOURS = dict(re.findall(r"--([a-z]+):(#[0-9a-f]{6}\b|#[0-9a-f]{3}\b)", CSS))
WHITE = "#fff"
# (text, background) as the page pairs them: body text, notes, marks, verdicts, tags, card squares
PAIRS = [("ink", "paper"), ("ink", "wash"), ("muted", "paper"), ("muted", "wash"), ("ink", "mark"),
         ("good", "paper"), ("warn", "paper"), ("bad", "paper"), ("accent", "paper"), ("accent", "wash"),
         (WHITE, "good"), (WHITE, "warn"), (WHITE, "bad"), ("ink", "#dff3e5"), ("ink", "#ffc94d")]


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of #rrggbb or #rgb."""
    digits = colour[1:] if len(colour) == 7 else "".join(c * 2 for c in colour[1:])  # #abc is #aabbcc
    channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_checker_knows_black_on_white() -> None:
    assert round(contrast("#000000", WHITE), 1) == 21.0 and contrast(WHITE, WHITE) == 1.0


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_text_contrast_is_at_least_aa(text: str, background: str) -> None:
    colour = {name: COLOURS.get(name, name) for name in (text, background)}
    assert all(value in CSS for value in colour.values()), f"not in the stylesheet: {colour}"
    assert contrast(colour[text], colour[background]) >= 4.5


@pytest.mark.parametrize("lang", ["de", "en"])
def test_headings_tables_and_languages(scanner: Any, lang: str) -> None:
    files = (scanner.scan_text(DE, lang="de", path="de.txt"), scanner.scan_text(EN, lang="en", path="en.txt"))
    markup = to_html(RunResult(files if lang == "de" else files[::-1]))
    document = parse(markup).document
    assert len(document.find_all("h1")) == 1
    assert [h2.text_content() for h2 in document.find_all("h2")][1:] == (
        ["de.txt", "en.txt"] if lang == "de" else ["en.txt", "de.txt"])
    for table in document.find_all("table"):
        if "card" not in table.classes():  # data tables: every header cell says what it heads
            assert all(th.attrs.get("scope") in ("col", "row") for th in table.find_all("th"))
    for section in document.find_all("section", "file"):
        assert section.attrs["lang"] in ("de", "en") and section.attrs["aria-labelledby"]
    # colour is never the only signal: marks are underlined and numbered, squares ticked, verdicts shaped
    assert re.search(r"mark\.hit\{[^}]*text-decoration:underline", CSS)
    assert all(mark.find_all("sup") for mark in document.find_all("mark", "hit"))
    ticked = [td for td in document.find_all("td", "on") if "free" not in td.classes()]
    assert ticked and all("✔" in td.text_content() for td in ticked)
    assert all(p.find_all("span", "icon") for p in document.find_all("p", "verdict"))


def test_one_self_contained_deterministic_file(scanner: Any) -> None:
    result = scanner.scan_text(EN, lang="en", path="c.txt")
    markup = to_html(result)
    assert markup == to_html(result)
    links = re.findall(r"""(?:src|href|action)\s*=\s*["']?([^"'\s>]*)""", markup, flags=re.IGNORECASE)
    assert links and all(link.startswith("#") for link in links)
    assert not re.search(r"<link|@import|url\(|https?:", markup, flags=re.IGNORECASE)
    assert '<meta charset="utf-8">' in markup
    print_rules = markup.split("@media print{", 1)[1]
    assert "break-before:page" in print_rules and "print-color-adjust:exact" in print_rules
