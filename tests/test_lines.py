"""One definition of a line break: `\\n`, `\\r\\n` or a lone `\\r`, nothing else, everywhere."""

from __future__ import annotations

import io

import pytest

from bingo.lines import count_breaks, line_starts, position, split_keeping_breaks, split_lines
from bingo.models import RunResult
from bingo.report import Options, renderer
from bingo.scanner import Scanner

CASES = [
    ("a\nb\r\nc\rd", ["a", "b", "c", "d"]),
    ("a\u2028b\x85c\x0cd", ["a\u2028b\x85c\x0cd"]),  # not line breaks for editors, SARIF or GitHub
    ("a\n\nb\n", ["a", "", "b"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "lines"), CASES)
def test_lines_and_starts_agree(text: str, lines: list[str]) -> None:
    assert split_lines(text) == lines
    assert count_breaks(text) == len(line_starts(text)) - 1
    assert "".join(split_keeping_breaks(text)) == text
    for number, start in enumerate(line_starts(text), 1):
        assert position(1, line_starts(text), start) == (number, 1)


@pytest.mark.parametrize(("lang", "text", "term"), [
    ("de", "Wir leben Kundenzentrierung.\u2028Und wir heben Synergien.", "Synergien"),
    ("en", "We deliver value.\u2028We leverage synergies across the customer journey.", "synergies"),
])
def test_separator_inside_a_line_keeps_the_highlight_on_the_hit(scanner: Scanner, lang: str, text: str,
                                                                 term: str) -> None:
    result = scanner.scan_text(text, lang=lang)
    hit = next(h for h in result.hits if term in h.text)
    assert (hit.line, hit.column) == (1, text.index(hit.text) + 1)
    out = io.StringIO()
    renderer("plain")(RunResult((result,)), out, Options(color=False, width=200))
    assert f"[[{hit.text}]]" in out.getvalue()
