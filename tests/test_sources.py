"""Reading input: decoding, binary detection, paragraphs, Markdown masking and directory walking."""

from __future__ import annotations

from pathlib import Path

import pytest

from bingo.errors import InputError
from bingo.markup import MASK
from bingo.paragraphs import paragraphs
from bingo.sources import Source, discover


def paras(tmp_path: Path, content: bytes, name: str = "t.txt") -> list:
    path = tmp_path / name
    path.write_bytes(content)
    return list(paragraphs(Source(str(path), "markdown" if name.endswith(".md") else "text", file=path)))


def test_paragraphs_offsets_and_lines(tmp_path: Path) -> None:
    content = "Erste Zeile\nzweite Zeile\n\n\nDritter Absatz\r\nmit CRLF\r\n\r\nEnde"
    result = paras(tmp_path, content.encode())
    assert [(p.line, p.start) for p in result] == [(1, 0), (5, 27), (8, 55)]
    for p in result:
        assert content[p.start:p.start + len(p.text)] == p.text


def test_bom_is_skipped(tmp_path: Path) -> None:
    (para,) = paras(tmp_path, "\ufeffHallo Welt".encode())
    assert para.text == "Hallo Welt" and para.start == 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Hallo \xff\xfe Welt", "not valid UTF-8 (near line 1)"),
        (b"ok\nok\n\x00\x01binary", "looks like a binary file (contains NUL bytes)"),
    ],
)
def test_unreadable_content(tmp_path: Path, content: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        paras(tmp_path, content)
    assert info.value.reason == reason


def test_missing_file() -> None:
    with pytest.raises(InputError) as info:
        list(paragraphs(Source("nope.txt", file=Path("nope.txt"))))
    assert info.value.reason == "no such file"


def test_markdown_code_urls_and_link_targets_are_masked(tmp_path: Path) -> None:
    content = (
        "Text mit `Touchpoint` inline.\n\n"
        "```yaml\nsynergy: true\n```\n\n"
        "    eingerückter Code Synergie\n\n"
        "Ein [Link](https://example.com/customer-journey) und https://seamless.example.\n"
    )
    result = paras(tmp_path, content.encode(), "t.md")
    scanned = "".join(p.scan for p in result)
    assert "Touchpoint" not in scanned and "synergy" not in scanned and "Synergie" not in scanned
    assert "customer-journey" not in scanned and "seamless" not in scanned
    assert "Link" in scanned and "Text mit" in scanned
    for p in result:
        assert len(p.scan) == len(p.text)
        assert content[p.start:p.start + len(p.text)] == p.text
    assert MASK in scanned


def test_very_long_line_is_split(tmp_path: Path) -> None:
    content = ("wort " * 200_000).encode()
    result = paras(tmp_path, content)
    assert len(result) > 1
    assert sum(len(p.text) for p in result) == len(content)
    assert max(len(p.text) for p in result) < 600_000


def test_discover_walks_text_files_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.html").write_text("x")
    (tmp_path / "sub" / "e.adoc").write_text("x")
    found = [Path(s.path).relative_to(tmp_path).as_posix() for s in discover([str(tmp_path)])]
    assert found == ["a.txt", "b.md", "sub/d.html"]
    found = [Path(s.path).name for s in discover([str(tmp_path)], include=["*.adoc"], exclude=["b.md"])]
    assert found == ["a.txt", "d.html", "e.adoc"]
