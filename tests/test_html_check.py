"""The strict HTML checker the card tests rely on: it must fail on broken markup, or those tests prove nothing."""

from __future__ import annotations

import pytest
from html_check import MalformedHTML, parse


@pytest.mark.parametrize(("markup", "problem"), [
    ("<div><p>text</div>", "line 1, column 13: </div> closes <p>"),
    ("<section><div class='grid'><div>a</div></section>", "line 1, column 40: </section> closes <div>"),
    ("<p>open", "end of input: <p> is never closed"),
    ("<p>ok</p></p>", "line 1, column 10: stray </p>, nothing is open"),
    ("<br></br>", "line 1, column 5: end tag </br> for a void element"),
    ("<div/>text", "line 1, column 1: <div/> is not a void element"),
    ("<html><body>\n<h1>x</h2>\n</body></html>", "line 2, column 6: </h2> closes <h1>"),
])
def test_the_html_checker_fails_on_broken_markup(markup: str, problem: str) -> None:
    with pytest.raises(MalformedHTML) as info:
        parse(markup)
    assert problem in str(info.value).split("; ")


def test_the_html_checker_accepts_void_elements_and_reads_text() -> None:
    page = parse('<!DOCTYPE html><html><head><meta charset="utf-8"><link rel=x></head>'
                 "<body><p>a<br>b<img src=x/>&amp;c</p></body></html>")
    assert page.doctype == "DOCTYPE html"
    (paragraph,) = page.document.find_all("p")
    assert paragraph.text_content() == "ab&c" and [c.tag for c in paragraph.children] == ["br", "img"]
