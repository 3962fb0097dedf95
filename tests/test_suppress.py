"""Every suppression form, limited to ids or not, in plain text, Markdown and HTML comments."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

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


EN = "We leverage synergy at every touchpoint."


@pytest.mark.parametrize(("text", "expected"), [
    # a reason after " -- " is not a name, and its words are not scanned (here: jargon of the mini lexicon)
    (f"{TEXT} # bingo: ignore touchpoint -- Kundenzentrierung, quoted from the brief\n", [("synergy", 1)]),
    (f"{TEXT} <!-- bingo: ignore synergy, touchpoint -- quoted -->\n", []),
    # a directive alone on its line covers the next line of text (blank lines between are skipped)
    (f"<!-- bingo: ignore touchpoint -->\n{TEXT}\n{TEXT}\n", [("synergy", 2), ("synergy", 3), ("touchpoint", 3)]),
    (f"<!-- bingo: ignore -- a quotation -->\n\n{TEXT}\n{TEXT}\n", [("synergy", 4), ("touchpoint", 4)]),
    (f"bingo: ignore\n{TEXT}\n", []),
    (f"# bingo: ignore synergy\n{TEXT}\n", [("touchpoint", 2)]),
    (f".. bingo: ignore synergy\n\n{TEXT}\n", [("touchpoint", 3)]),
    (f"{{/* bingo: ignore touchpoint */}}\n{TEXT}\n", [("synergy", 2)]),
    # not alone: text before the comment, so the directive covers its own line only
    (f"Zitat: <!-- bingo: ignore -->\n{TEXT}\n", [("synergy", 2), ("touchpoint", 2)]),
    # a category covers its entries (touchpoint is an anglicism, synergy management)
    (f"{TEXT} <!-- bingo: ignore anglicism -->\n", [("synergy", 1)]),
    (f"<!-- bingo: off management -->\n{TEXT}\n<!-- bingo: on -->\n{TEXT}\n",
     [("touchpoint", 2), ("synergy", 4), ("touchpoint", 4)]),
], ids=["reason", "reason-in-comment", "alone", "alone-blank-between", "alone-bare", "alone-hash", "alone-rst",
        "alone-mdx", "not-alone", "category", "block-category"])
def test_reasons_lines_alone_and_categories(mini_scanner, text: str, expected: list) -> None:
    assert ids_and_lines(mini_scanner, text, "markdown") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    (f"{TEXT}\n", "de", []),
    (f"{TEXT} <!-- bingo: ignore synergi, touchpoint -->\n", "de", [(1, "unknown entry id or category 'synergi'")]),
    (f"<!-- bingo: ignore-next-line touchpiont -- quoted -->\n{TEXT}\n", "de", [(1, "'touchpiont'")]),
    (f"# bingo: ignore seamless\n{TEXT}\n", "de", [(1, "'seamless' in a bingo: directive is an entry for en text")]),
    (f"{EN}\n\n<!-- bingo: off kundenzentrierung -->\n{EN}\n", "en", [(3, "is an entry for de text, not en")]),
    (f"{EN} <!-- bingo: ignore synergy, ai-tell, anglicism -- fine -->\n", "en", []),
], ids=["none", "typo", "next-line-typo", "other-language", "other-language-block", "ids-and-categories"])
def test_names_that_suppress_nothing_are_reported_with_their_line(mini_scanner, text: str, lang: str,
                                                                   expected: list) -> None:
    warnings = mini_scanner.scan_text(text, lang=lang, kind="markdown").warnings
    assert [line for line, _ in warnings] == [line for line, _ in expected]
    for (_, message), (_, part) in zip(warnings, expected, strict=True):
        assert part in message


def test_parse_keeps_the_reason() -> None:
    from bingo.suppress import ALL, parse

    found = parse("<!-- bingo: ignore touchpoint, synergy -- quoted from the brief -->")
    assert found is not None and found.kind == "ignore" and found.reason == "quoted from the brief"
    assert found.names == {"touchpoint", "synergy"} and found.alone
    bare = parse("Unsere Customer Journey. <!-- bingo: ignore -->")
    assert bare is not None and bare.names is ALL and bare.reason is None and not bare.alone


def readme_example() -> str:
    """The Markdown example of the README's Suppressions section, as it stands there."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Suppressions", 1)[1]
    block = re.search(r"```markdown\n(.*?)```", section, re.S)
    assert block is not None, "README.md's Suppressions section has no Markdown example"
    return block.group(1)


def test_the_readme_example_suppresses_every_hit(scanner) -> None:
    example = readme_example()
    unsuppressed = scanner.scan_text(re.sub(r"<!--.*?-->", "", example), lang="de", kind="markdown")
    assert len(unsuppressed.hits) >= 4, "the example should show jargon that is suppressed"
    result = scanner.scan_text(example, lang="de", kind="markdown")
    assert [(h.id, h.line) for h in result.hits] == [] and result.warnings == ()
    assert result.suppressed == len(unsuppressed.hits)


def scan_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *args: str) -> tuple[int, str]:
    """Run `bingo scan` in a repository of `files`; exit code and stderr."""
    from typer.testing import CliRunner

    from bingo.cli import app

    (tmp_path / ".git").mkdir()
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(app, ["scan", *args], catch_exceptions=False)
    return done.exit_code, done.stderr


JARGON = {"de": "Wir heben Synergien an jedem Touchpoint der Customer Journey.",
          "en": "We leverage synergies at every touchpoint of the customer journey."}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_directive_warnings_on_stderr_exit_code_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          lang: str, jobs: str) -> None:
    copy = f"# Titel\n\n<!-- bingo: ignore-next-line touchpiont -->\n{JARGON[lang]}\n"
    files = {"a.md": copy, "b.md": copy.replace("touchpiont", "touchpoint")}
    code, err = scan_cli(tmp_path, monkeypatch, files, "a.md", "b.md", "--format", "json", "--jobs", jobs)
    assert code == 0
    assert err.splitlines() == [
        "bingo: warning: a.md:3: unknown entry id or category 'touchpiont' in a bingo: directive "
        "(see bingo lexicon list)"]
    (tmp_path / ".git").rmdir()
    code, err = scan_cli(tmp_path, monkeypatch, files, "a.md", "--max-hits", "0", "--jobs", jobs)
    assert code == 1 and "a.md:3: unknown entry id" in err  # over the threshold, as without the warning


CONFIG = """\
# team settings
max_score: 100
disable:
  - touchpoint
  - touchpiont      # a typo
weights:
  customer-journy: 0.5
  customer-journey: 1
"""


@pytest.mark.parametrize("lang", ["de", "en"])
def test_unknown_ids_in_the_config_are_warnings_at_their_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              lang: str) -> None:
    copy = f"{JARGON[lang]} <!-- bingo: ignore touchpoint -- disabled, but no mistake -->\n"
    code, err = scan_cli(tmp_path, monkeypatch, {".bingo.yaml": CONFIG, "copy.txt": copy}, "copy.txt",
                         "--format", "json")
    assert code == 0
    config = tmp_path / ".bingo.yaml"
    assert err.splitlines() == [
        f"bingo: warning: {config}:5: unknown entry id 'touchpiont' in 'disable' (see bingo lexicon list)",
        f"bingo: warning: {config}:7: unknown entry id 'customer-journy' in 'weights' (see bingo lexicon list)",
    ]


def test_unknown_ids_in_pyproject_name_the_key_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pyproject = "[project]\nname = 'site'\n\n[tool.bingo]\ndisable = ['touchpiont']\n"
    code, err = scan_cli(tmp_path, monkeypatch, {"pyproject.toml": pyproject, "copy.txt": JARGON["de"]},
                         "copy.txt", "--format", "json")
    assert code == 0
    assert f"bingo: warning: {tmp_path / 'pyproject.toml'}:5: unknown entry id 'touchpiont' in 'disable'" in err


def test_the_reason_in_force_is_kept_line_by_line() -> None:
    from bingo.suppress import Directives

    lines = ["<!-- bingo: ignore touchpoint -- quoted from the brief -->", "", "Touchpoint.", "Touchpoint.",
             "<!-- bingo: off -- legal text -->", "Synergien.", "Synergien. <!-- bingo: ignore -- a title -->",
             "<!-- bingo: on -->", "Synergien."]
    directives = Directives()
    seen = []
    for line in lines:
        ids = directives.feed(line)
        seen.append((ids is not None, directives.reason))
    assert seen == [(False, None), (False, None), (True, "quoted from the brief"), (False, None),
                    (True, "legal text"), (True, "legal text"), (True, "a title"), (False, None), (False, None)]


def test_each_suppressed_name_keeps_its_own_directive_s_reason_across_processes() -> None:
    import pickle

    from bingo.paragraphs import paragraphs
    from bingo.sources import Source

    text = ("<!-- bingo: off acronym -- legal text -->\n"
            "KPI am Touchpoint. <!-- bingo: ignore touchpoint -- a title -->\nKPI am Touchpoint.\n")
    (para,) = paragraphs(Source("x.md", "markdown", text=text))
    # a large file's paragraphs go to worker processes pickled: the reasons must go with them
    suppressed = pickle.loads(pickle.dumps(para)).suppressed
    assert suppressed is not None
    on_2, on_3 = suppressed[2], suppressed[3]
    assert on_2.reason("touchpoint") == "a title" and on_2.reason("kpi", "acronym") == "legal text"
    assert on_3.reason("kpi", "acronym") == "legal text" and on_3.reason("touchpoint") is None
