"""The human report (`rich`, and `plain` without colours): score, hits, passages and the bingo card."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from rich import box
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType
from rich.table import Table
from rich.text import Text

from bingo.cards.breakcache import word_breaks
from bingo.cards.wrap import wrap
from bingo.lexicon import CATEGORIES
from bingo.lines import split_lines
from bingo.models import ARROW, FileResult, Hit, RunResult
from bingo.outputs import broken_pipe
from bingo.paths import display
from bingo.report import Options
from bingo.scoring import AI_TELL_BASELINE

LANG_NAMES = {"de": "Deutsch", "en": "English"}
WORDS = {"de": ("Wörter", "Treffer", "Alternative", "Begriff", "Kategorie", "Anzahl", "Warum", "FREI"),
         "en": ("words", "hits", "Alternative", "Term", "Category", "Count", "Why", "FREE")}
BAR = 30
VERDICT_STYLE = {"klartext": "bold green", "werbeprosa": "bold yellow", "bullshit-bingo": "bold red"}
MAX_LINE = 160
MIN_SQUARE = 6  # narrower squares cannot hold a syllable and a hyphen: the table then runs wider than the screen


def render(run: RunResult, out: TextIO, options: Options) -> None:
    """Write one block per scanned file and, for several files, a summary table."""
    console = Console(file=out, width=options.width, force_terminal=options.color, no_color=not options.color,
                      highlight=False, emoji=False, soft_wrap=False, legacy_windows=False)
    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]  # the CLI ends the run
    if options.quiet:
        console.print(summary_line(run))
        return
    scanned = run.scanned
    for index, result in enumerate(scanned):
        if index:
            console.print()
        console.print(file_block(result, options))
    if len(scanned) > 1:
        console.print()
        console.print(summary_table(run, options.width))


def summary_line(run: RunResult) -> Text:
    """`--quiet`: the whole run in one line (one file: its score; several: the worst score and the totals)."""
    summary = run.summary()
    scanned = run.scanned
    worst = max(scanned, key=lambda f: f.score, default=None)
    verdict = f" ({worst.verdict.label})" if worst is not None and worst.verdict else ""
    if len(run.files) == 1 and worst is not None:
        head = f"{display(worst.path)}: score {worst.score}/100{verdict}"
    else:
        head = (f"{summary['files']} files: max score {summary['max_score']}/100{verdict}, "
                f"mean {summary['mean_score']:g}")
    parts = [head, f"{summary['hits']} hits", f"{summary['words']} words", f"{summary['ai_tells']} AI tells"]
    if summary["bingo"]:
        parts.append(f"{summary['bingo']} BINGO")
    if summary["errors"]:
        parts.append(f"{summary['errors']} unreadable")
    style = VERDICT_STYLE.get(worst.verdict.id if worst is not None and worst.verdict else "", "")
    return Text(", ".join(parts), style=style)


def file_block(result: FileResult, options: Options) -> Group:
    """Header, hit table, passages and card of one file."""
    lang = result.lang or "en"
    parts: list[RenderableType] = [header(result)]
    if result.hits:
        parts += [Text(""), hit_table(result, options.width)]
        if options.passages:
            parts += [Text(""), Numbered(passages(result, options))]
    if options.card and result.card:
        parts += [Text(""), card(result, options.width)]
    if not result.hits:
        parts.insert(1, Text("Keine Phrasen gefunden." if lang == "de" else "No jargon found.", style="green"))
    return Group(*parts)


def header(result: FileResult) -> Text:
    """File, language, words and the score with a bar and the verdict."""
    lang = result.lang or "en"
    words_label, hits_label = WORDS[lang][0], WORDS[lang][1]
    text = Text()
    text.append(display(result.path), style="bold")
    counts = f"{result.words} {words_label}  ·  {len(result.hits)} {hits_label}"
    text.append(f"  ·  {LANG_NAMES.get(lang, lang)}  ·  {counts}\n")
    filled = round(BAR * result.score / 100)
    style = VERDICT_STYLE.get(result.verdict.id if result.verdict else "", "bold")
    text.append("Bullshit-Index ")
    text.append(f"{result.score:>3}/100 ", style=style)
    text.append("█" * filled, style=style)
    text.append("░" * (BAR - filled), style="dim")
    text.append(f"  {result.verdict.label if result.verdict else ''}", style=style)
    text.append("\n" + ai_tell_line(result), style="dim" if not result.ai_tells else "")
    return text


def ai_tell_line(result: FileResult) -> str:
    """AI tells per 1,000 words beside the rate in human prose, in the text's language."""
    lang = result.lang or "en"
    rate, baseline = f"{result.ai_tells_per_1000:.1f}", f"{AI_TELL_BASELINE.get(lang, 0.0):.2f}"
    if lang == "de":  # German decimal comma
        rate, baseline = rate.replace(".", ","), baseline.replace(".", ",")
        return f"KI-Floskeln {result.ai_tells} · {rate} je 1.000 Wörter (menschliche Prosa: {baseline})"
    return f"AI tells {result.ai_tells} · {rate} per 1,000 words (human prose: {baseline})"


def hit_table(result: FileResult, width: int = 100) -> Table:
    """One row per entry hit: term, category, count, message and alternative (narrower columns on a narrow screen)."""
    lang = result.lang or "en"
    labels = WORDS[lang]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column(labels[3], style="bold", max_width=min(28, max(20, width * 28 // 100)))
    table.add_column(labels[4], max_width=21)
    table.add_column("#", justify="right")
    table.add_column(f"{labels[6]} {ARROW} {labels[2]}")
    counts = Counter(kind.id for kind in result.hits.entries())
    for ident, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        info = result.entry(ident)
        if info is None:
            continue
        category = CATEGORIES.get(info.category, {}).get(lang, info.category)
        why = Text(info.message)
        if info.alternative:
            why.append(f"\n{ARROW} {info.alternative}", style="green")
        table.add_row(info.term, category, str(count), why)
    return table


def passages(result: FileResult, options: Options) -> list[Text]:
    """The lines of the text that contain hits, with the hits highlighted."""
    by_line: dict[int, list[Hit]] = {}
    for hit in result.hits:
        by_line.setdefault(hit.line, []).append(hit)
    out = []
    for passage in result.passages:
        lines = split_lines(passage.text)
        for offset, line_text in enumerate(lines):
            number = passage.line + offset
            if number not in by_line:
                continue
            first = passage.column if offset == 0 else 1
            out.append(_highlight(number, line_text, by_line[number], options.color, first))
    return out


class Numbered:
    """Numbered lines of text: a line wider than the screen wraps under its text, not under the numbers."""

    def __init__(self, lines: list[Text]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        for line in self.lines:
            cut = len(line.plain.partition(GUTTER)[0]) + len(GUTTER)
            gutter, body = line[:cut], line[cut:]
            indent = Text(" " * gutter.cell_len)
            for index, piece in enumerate(body.wrap(console, max(options.max_width - cut, 20), overflow="fold")):
                piece.rstrip()
                yield Text.assemble(gutter if index == 0 else indent, piece)


GUTTER = " │ "


def _highlight(number: int, line_text: str, hits: list[Hit], color: bool, first: int = 1) -> Text:
    """A numbered line with its hits marked (style with colours, [[...]] without).

    `first`: the column `line_text` starts at (a piece of a long line; hits outside it are left out).
    """
    text = Text(f"{number:>5}{GUTTER}", style="dim")
    cursor = 0
    for hit in sorted(hits, key=lambda h: h.column):
        lo = hit.column - first
        hi = hit.end_column - first if hit.end_line == hit.line else len(line_text)
        if lo < cursor or lo >= len(line_text):
            continue
        text.append(line_text[cursor:lo])
        text.append(line_text[lo:hi] if color else f"[[{line_text[lo:hi]}]]", style="bold black on yellow")
        cursor = hi
    text.append(line_text[cursor:])
    text.truncate(MAX_LINE, overflow="ellipsis")
    return text


def card(result: FileResult, width: int = 100) -> Table:
    """The language's house card with the squares this text hit marked, and BINGO if a line is full.

    Squares share the width (up to 20 columns each); terms wrap at hyphenation points, never mid-word.
    """
    lang = result.lang or "en"
    marked = result.card_marked
    title = "BINGO!" if result.bingo else ("Bullshit-Bingo" if lang == "de" else "Buzzword bingo")
    table = Table(title=title, title_style="bold red" if result.bingo else "bold", box=box.SQUARE,
                  show_header=False, expand=False)
    # Five squares, their padding and six borders fill at most the width (rich would squeeze them, and
    # squeezed squares fold words between letters); 20 is enough for every house-card term whole.
    square = max(MIN_SQUARE, min(20, (width - 16) // 5))
    for _ in range(5):
        table.add_column(width=square, justify="center")
    cells = []
    # Words break at hyphenation points with a visible hyphen, as on the printed cards; never mid-word.
    # Only words wider than a square break, and their breaks come from the cache (see breakcache).
    too_wide = [word for label in result.card_terms if label for word in label.split() if len(word) > square]
    breaks_of = word_breaks(too_wide, lang)
    for ident, label, hit in zip(result.card, result.card_terms, marked, strict=True):
        if ident is None:
            cells.append(Text(WORDS[lang][7], style="bold"))
            continue
        text = f"✘ {label}" if hit else label
        lines = "\n".join(wrap(text, lambda line: len(line) <= square, lang, breaks_of=breaks_of))
        cells.append(Text(lines, style="bold black on green", overflow="fold") if hit
                     else Text(lines, style="dim", overflow="fold"))
    for row in range(5):
        table.add_row(*cells[row * 5:row * 5 + 5])
    return table


def summary_table(run: RunResult, width: int = 100) -> Table:
    """One row per scanned input: language, words, hits, score, verdict, bingo.

    An input that could not be read has no row: its error is on stderr, once (stdout and stderr often
    meet, in pre-commit and CI logs), and the exit code says it.
    """
    # one space between columns (not two): on 80 columns a path keeps 20 of them
    table = Table(title="Summary", box=box.SIMPLE_HEAD, show_edge=False, collapse_padding=True)
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("File", "left"), ("Lang", "left"), ("Words", "right"), ("Hits", "right"),
        ("Score", "right"), ("AI/1k", "right"), ("Verdict", "left"), ("Bingo", "left"))
    for name, justify in columns:  # a path folds on a narrow screen rather than being cut; the rest stays whole
        table.add_column(name, justify=justify, overflow="fold", no_wrap=name != "File",
                         min_width=min(30, width // 4) if name == "File" else None)
    for result in run.scanned:
        verdict = result.verdict.label if result.verdict else ""
        table.add_row(display(result.path), result.lang or "", str(result.words), str(len(result.hits)),
                      str(result.score), f"{result.ai_tells_per_1000:.1f}", verdict, "BINGO" if result.bingo else "")
    summary = run.summary()
    table.add_row("total", "", str(summary["words"]), str(summary["hits"]), f"max {summary['max_score']}", "", "",
                  str(summary["bingo"]) if summary["bingo"] else "", style="bold")
    return table
