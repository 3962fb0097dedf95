"""Every suppression form, limited to ids or not, in plain text, Markdown and HTML comments."""

from __future__ import annotations

import pytest

TEXT = "Wir heben Synergien am Touchpoint."


def ids_and_lines(scanner, text: str, kind: str = "text") -> list[tuple[str, int]]:
    result = scanner.scan_text(text, lang="de", kind=kind)
    return [(h.id, h.line) for h in result.hits]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{TEXT}\n", [("synergy", 1), ("touchpoint", 1)]),
        (f"{TEXT} <!-- bingo: ignore -->\n", []),
        (f"{TEXT} # bingo: ignore touchpoint\n", [("synergy", 1)]),
        (f"{TEXT} // bingo: ignore synergy, touchpoint\n", []),
        (f"<!-- bingo: ignore-next-line -->\n{TEXT}\n{TEXT}\n", [("synergy", 3), ("touchpoint", 3)]),
        (f"# bingo: ignore-next-line synergy\n{TEXT}\n", [("touchpoint", 2)]),
        (f"bingo: off\n{TEXT}\n\n{TEXT}\nbingo: on\n{TEXT}\n", [("synergy", 6), ("touchpoint", 6)]),
        (f"<!-- bingo: off touchpoint -->\n{TEXT}\n<!-- bingo: on -->\n{TEXT}\n",
         [("synergy", 2), ("synergy", 4), ("touchpoint", 4)]),
    ],
    ids=["none", "ignore", "ignore-id", "ignore-two-ids", "next-line", "next-line-id", "block", "block-id"],
)
def test_suppressions(mini_scanner, text: str, expected: list) -> None:
    assert ids_and_lines(mini_scanner, text) == expected


def test_suppressed_hits_are_counted(mini_scanner) -> None:
    result = mini_scanner.scan_text(f"{TEXT} <!-- bingo: ignore -->\n{TEXT}\n", lang="de", kind="markdown")
    assert result.suppressed == 2 and len(result.hits) == 2


def test_directive_inside_markdown_comment_is_honoured(mini_scanner) -> None:
    text = f"<!-- bingo: ignore-next-line -->\n{TEXT}\n"
    assert ids_and_lines(mini_scanner, text, "markdown") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"> {TEXT}\n\nRest.\n", "markdown"),
        (f"<blockquote><p>{TEXT}</p></blockquote><p>Rest.</p>\n", "html"),
        (f"<p>Er sagte <q>{TEXT}</q> und ging.</p>\n", "html"),
    ],
)
def test_skip_quotes(mini_scanner, text: str, kind: str) -> None:
    from dataclasses import replace

    assert len(mini_scanner.scan_text(text, lang="de", kind=kind).hits) == 2
    quiet = replace(mini_scanner, skip_quotes=True)
    assert quiet.scan_text(text, lang="de", kind=kind).hits == ()
