"""Markup input (Markdown, MDX, HTML, reStructuredText): what is prose, what is masked, and where hits are.

The cases are in tests/cases/markup.yaml; every hit must point into the original source, also
when an entity or escape was decoded for matching.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bingo.lines import line_starts, position
from bingo.markup import FILL, MASK, HtmlMasker, MarkdownMasker, markdown, masker
from bingo.paragraphs import paragraphs
from bingo.sources import Source, discover

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "markup.yaml").read_text(encoding="utf-8"))
SUFFIX = {"markdown": ".md", "mdx": ".mdx", "html": ".html", "rst": ".rst", "text": ".txt"}


def check_positions(text: str, hits: object) -> None:
    """Each hit's offsets, lines and columns name the source text it reports."""
    starts = line_starts(text)
    for hit in hits:  # type: ignore[attr-defined]
        assert text[hit.start:hit.end] == hit.text
        assert position(1, starts, hit.start) == (hit.line, hit.column)
        assert position(1, starts, hit.end - 1) == (hit.end_line, hit.end_column - 1)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_markup_case(case: dict, scanner, tmp_path: Path) -> None:
    text = case["text"]
    result = scanner.scan_text(text, lang=case["lang"], kind=case["kind"])
    found = [[h.id, h.text] for h in result.hits]
    expected = case.get("match", [])
    assert [f for f in found if f[0] in {e[0] for e in expected}] == expected, found
    for ident in case.get("no_match", []):
        assert ident not in [f[0] for f in found], found
    check_positions(text, result.hits)
    path = tmp_path / f"page{SUFFIX[case['kind']]}"
    path.write_bytes(text.replace("\n", "\r\n").encode())  # a file read from disk, Windows line ends
    from_file = scanner.scan_file(path, lang=case["lang"])
    assert [[h.id, h.text.replace("\r\n", "\n")] for h in from_file.hits] == found
    check_positions(text.replace("\n", "\r\n"), from_file.hits)


def test_walk_takes_mdx_and_rst_with_their_kinds(tmp_path: Path) -> None:
    for name in ("index.mdx", "guide.rst", "notes.md"):
        (tmp_path / name).write_text("x")
    assert [(Path(s.path).name, s.kind) for s in discover([str(tmp_path)])] == [
        ("guide.rst", "rst"), ("index.mdx", "mdx"), ("notes.md", "markdown")]


HUGO = next(c["text"] for c in CASES if c["kind"] == "markdown")


def scanned(text: str, kind: str) -> str:
    return "".join(p.scan for p in paragraphs(Source("t", kind, text=text)))


@pytest.mark.parametrize("kind", ["markdown", "mdx", "html", "rst"])
def test_masked_text_keeps_length_and_lines(kind: str) -> None:
    for case in CASES:
        masked = "".join(m for _, m in masker(kind).masked(case["text"].splitlines(keepends=True)))
        assert len(masked) == len(case["text"])
        assert line_starts(masked) == line_starts(case["text"])


def test_markdown_parsed_in_chunks_masks_as_in_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long document is parsed a chunk at a time; a fence or list across a chunk's end is kept whole."""
    fence = "```\n" + "touchpoint = 1\n\n" * 40 + "```\n\n"
    listing = "- Punkt\n\n    Fortsetzung mit Touchpoint\n\n" * 30
    text = (HUGO + "\n") + (fence + listing + "Absatz mit Mehrwert.\n\n") * 5
    whole = scanned(text, "markdown")
    monkeypatch.setattr(markdown, "CHUNK", 200)
    assert scanned(text, "markdown") == whole
    assert "touchpoint" not in whole and whole.count("Fortsetzung mit Touchpoint") == 150


def test_markdown_masker_gives_back_lines_before_the_input_ends() -> None:
    """Streaming: a long document's first lines come out before the last ones are read."""
    read = []

    def lines():
        for i in range(20_000):
            read.append(i)
            yield f"Absatz {i} mit Touchpoint.\n\n"

    first = next(iter(MarkdownMasker().masked(lines())))
    assert first == ("Absatz 0 mit Touchpoint.\n\n", "Absatz 0 mit Touchpoint.\n\n")
    assert len(read) < 20_000


def test_html_masker_reads_line_by_line_as_a_whole() -> None:
    page = next(c["text"] for c in CASES if c["kind"] == "html")
    by_line = "".join(m for _, m in HtmlMasker().masked(page.splitlines(keepends=True)))
    at_once = "".join(m for _, m in HtmlMasker().masked([page]))
    assert by_line == at_once
    assert "ökonomie" in by_line and "touchpoint" not in by_line.lower().replace("touch" + "\u00ad", "")


@pytest.mark.parametrize(("source", "decoded"), [
    ("<p>Erlebnis&ouml;konomie</p>", "Erlebnisökonomie"),
    ("<p>Touch&shy;point</p>", "Touch\u00adpoint"),
    ("<p>&bdquo;kundenzentriert&ldquo;</p>", "„kundenzentriert“"),
    ("<p>Augenh&#246;he &#xF6;</p>", "Augenhöhe ö"),
    ("<p>AT&amp;T &unknown; &ouml</p>", "AT&T &unknown; &ouml"),
])
def test_html_entities_decode_in_place(source: str, decoded: str) -> None:
    masked = "".join(m for _, m in HtmlMasker().masked([source]))
    assert len(masked) == len(source)
    assert masked.replace(FILL, "").strip(MASK + " ") == decoded


def test_unclosed_script_and_comment_at_the_end_stay_masked() -> None:
    for page in ("<p>Text</p><script>var touchpoint = 1;", "<p>Text</p><!-- touchpoint"):
        masked = "".join(m for _, m in HtmlMasker().masked(page.splitlines(keepends=True)))
        assert "Text" in masked and "touchpoint" not in masked and len(masked) == len(page)


@pytest.mark.parametrize(("kind", "text", "prose", "hidden"), [
    ("markdown", "Ein `Touchpoint\nim Code` und \\*Mehrwert\\*.\n", "Mehrwert", "Touchpoint"),
    ("markdown", "Text <!-- Touchpoint\n  Synergien -->\nmehr Mehrwert\n", "Mehrwert", "Synergien"),
    ("markdown", "Lies <https://example.com/touchpoint> und [das](../touchpoint.md) zum Mehrwert.\n",
     "Mehrwert", "touchpoint"),
    ("mdx", "export const seamless = {\n  a: 1,\n\n  b: 2,\n}\n\nSeamless prose.\n", "Seamless prose", "seamless"),
    ("rst", "Text mit ``Touchpoint\nüber Zeilen`` und Mehrwert.\n", "Mehrwert", "Touchpoint"),
    ("rst", "Absatz::\n\n    Touchpoint im Literal\n\nMehrwert danach\n", "Mehrwert", "Touchpoint"),
])
def test_inline_and_block_constructs(kind: str, text: str, prose: str, hidden: str) -> None:
    out = scanned(text, kind).replace(FILL, "")
    assert prose in out and hidden not in out


FRAGMENTS = ["<b>", "</b>", "<p>", "<!--", "-->", "`", "``", "```\n", "&ouml;", "&shy;", "&#246;", "\\*", "{", "}",
             "<Tabs", ">", "\n", "\r\n", "\n\n", " ", "Touchpoint", "Kunden", "zentrierung", "Synergien", ".. ",
             "::", "    ", "---\n", "+++\n", "<script>", "</script>", "[a](", ")", "<https://x.de>", "\u00ad", "- ",
             "export ", "| a |\n|---|\n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.sampled_from(["markdown", "mdx", "html", "rst"]))
def test_any_mix_keeps_offsets(mini_scanner, parts: list[str], kind: str) -> None:
    """Whatever the markup, the masked text lines up with the source and hits name source text."""
    text = "".join(parts)
    masked = "".join(m for _, m in masker(kind).masked(text.splitlines(keepends=True)))
    assert len(masked) == len(text) and line_starts(masked) == line_starts(text)
    if text.strip():
        result = mini_scanner.scan_text(text, lang="de", kind=kind)
        check_positions(text, result.hits)
        for hit in result.hits:  # a hit starts and ends on a character of the source, not inside an entity
            assert masked[hit.start] not in (FILL, MASK) and masked[hit.end - 1] not in (MASK,)
