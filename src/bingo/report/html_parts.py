"""The pieces of the HTML report: score gauge, category bars, the text with its hits marked, notes, card grid.

Every piece is a string of markup in which all text from the input or the lexicon is escaped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from html import escape

from bingo import grid
from bingo.entry import CATEGORIES
from bingo.models import ARROW, EntryInfo, FileResult, Passage
from bingo.report.html_prose import prose, shown
from bingo.report.html_strings import UI, VERDICT_ICONS
from bingo.scoring import BANDS, verdict

# the gauge: a half circle of radius 50 around (60, 60); pathLength=100 lets the score be the dash length
ARC = "M10 60 A50 50 0 0 1 110 60"


def ui(lang: str | None) -> dict[str, str]:
    """The UI strings of a language (English for any other)."""
    return UI.get(lang or "en", UI["en"])


def number(value: float, lang: str | None, decimals: int = 0) -> str:
    """A number as the language writes it: 1.234,5 in German, 1,234.5 in English."""
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "de" else text


def counted(n: int, key: str, lang: str | None) -> str:
    """'1 Treffer', '12 hits': a count with its noun (`key`: n_files, n_words, n_hits)."""
    words = ui(lang)
    return words[f"{key}_one"] if n == 1 else words[key].format(n=number(n, lang))


def category_label(category: str, lang: str | None) -> str:
    """A category's name in the text's language."""
    return CATEGORIES.get(category, {}).get(lang or "en", category)


def gauge(result: FileResult, ident: str) -> str:
    """The score as a half-circle gauge with the number as text, its verdict beside it."""
    words = ui(result.lang)
    label = f"{words['index']} {result.score} {words['of']}"
    # no fill at 0: a zero-length dash would still draw its round cap, a dot
    fill = (f'<path class="fill" d="{ARC}" pathLength="100" stroke-dasharray="{result.score} 100"></path>'
            if result.score else "")
    svg = (f'<svg class="gauge" viewBox="0 0 120 72" role="img" aria-labelledby="{ident}-g">'
           f'<title id="{ident}-g">{escape(label)}</title>'
           f'<path class="track" d="{ARC}" pathLength="100"></path>{fill}'
           f'<text class="num" x="60" y="56">{result.score}</text>'
           f'<text class="of" x="60" y="70">{escape(words["of"])}</text></svg>')
    verdict = result.verdict
    badge = "" if verdict is None else (
        f'<p class="verdict"><span class="icon" aria-hidden="true">{VERDICT_ICONS.get(verdict.id, "·")}</span>'
        f'<span class="sr">{escape(words["verdict"])}: </span>{escape(verdict.label)}</p>')
    return (f'<div class="score">{svg}<div><p class="meta">{escape(words["index"])}</p>{badge}'
            f'<p class="scale">{escape(scale(result.lang))}</p></div></div>')


def scale(lang: str | None) -> str:
    """The score bands in words, for a reader who has never seen the index: '0–19 Klartext · 20–49 …'."""
    bands, low = [], 0
    for _, upper, _labels in BANDS:
        bands.append(f"{low}–{upper} {verdict(upper, lang).label}")
        low = upper + 1
    return " · ".join(bands)


def category_bars(result: FileResult) -> str:
    """The weight of each category as a bar, with the weight and the number of hits as text."""
    lang, words = result.lang, ui(result.lang)
    if not result.categories:
        return ""
    counts = Counter(kind.category for kind in result.hits.entries())
    heaviest = max(weight for _, weight in result.categories) or 1.0
    rows = "".join(
        f'<tr><th scope="row">{escape(category_label(name, lang))}</th>'
        f'<td class="bar"><span style="width:{round(100 * weight / heaviest)}%"></span></td>'
        f'<td class="num">{number(weight, lang, 1)}</td><td class="num">{counts[name]}</td></tr>'
        for name, weight in result.categories)
    head = (f'<thead><tr><th scope="col">{words["category"]}</th><th scope="col">{words["share"]}</th>'
            f'<th scope="col" class="num">{words["weight"]}</th><th scope="col" class="num">{words["hits"]}</th>'
            "</tr></thead>")
    return f'<table class="cats"><caption class="sr">{words["categories"]}</caption>{head}<tbody>{rows}</tbody></table>'


def note_numbers(result: FileResult) -> dict[str, int]:
    """Each entry hit, numbered by where it first occurs in the text (the footnote it points to)."""
    numbers: dict[str, int] = {}
    for kind in result.hits.entries():
        numbers.setdefault(kind.id, len(numbers) + 1)
    return numbers


def advice(info: EntryInfo | None, lang: str | None) -> str:
    """A hit's tooltip: category, message and alternative, plain text."""
    if info is None:
        return ""
    return f"{category_label(info.category, lang)}: {info.advice}"


def passages(result: FileResult, ident: str, numbers: dict[str, int]) -> tuple[str, int, set[int]]:
    """The paragraphs with hits, every hit in them a `<mark>`; how many hits they do not show; the notes marked."""
    words, lang = ui(result.lang), result.lang
    entries = result.hits.entry_table
    first_mark: set[int] = set()

    def opening(kind: int) -> str:
        entry = entries[kind]
        n = numbers[entry.id]
        anchor = "" if n in first_mark else f' id="{ident}-m{n}"'
        first_mark.add(n)
        return (f'<mark class="hit"{anchor} title="{escape(advice(result.entry(entry.id), lang))}" '
                f'data-entry="{escape(entry.id)}">')

    def closing(kind: int) -> str:
        n = numbers[entries[kind].id]
        return f'<sup><a href="#{ident}-n{n}" aria-label="{words["note"]} {n}">{n}</a></sup></mark>'

    blocks, marks = [], 0
    for passage, hits in zip(result.passages, _rows_by_passage(result), strict=True):
        label = f'<span class="ln">{words["line"]} {passage.line}</span>'
        text = marked_text(passage, shown(passage, result.kind), hits, opening, closing)
        blocks.append(f'<p class="passage">{label}{text}</p>')
        marks += len(hits)
    return "".join(blocks), len(result.hits) - marks, first_mark


def marked_text(passage: Passage, text: str, hits: list[tuple[int, int, int]], opening: Callable[[int], str],
                closing: Callable[[int], str]) -> str:
    """A passage's display `text` (`html_prose.shown`) as HTML, a mark around each hit (entry, start, end).

    Hits are given by file offsets. A hit inside another ("Stakeholder" in "alle Stakeholder ins
    Boot") is a mark inside its mark; one that overlaps another's end is cut there, so that the marks nest.
    """
    cursor, parts = 0, []
    stack: list[tuple[int, str]] = []  # the marks open here: where each ends, its closing markup
    for kind, start, end in sorted(hits, key=lambda row: (row[1], -row[2])):
        lo, hi = start - passage.start, min(end - passage.start, len(text))
        while stack and stack[-1][0] <= lo:
            close_at, markup = stack.pop()
            parts += [prose(text[cursor:close_at]), markup]
            cursor = close_at
        parts.append(prose(text[cursor:lo]) + opening(kind))
        cursor = lo
        stack.append((min(hi, stack[-1][0]) if stack else hi, closing(kind)))
    while stack:
        close_at, markup = stack.pop()
        parts += [prose(text[cursor:close_at]), markup]
        cursor = close_at
    parts.append(prose(text[cursor:]))
    return "".join(parts)


def _rows_by_passage(result: FileResult) -> list[list[tuple[int, int, int]]]:
    """The (entry index, start, end) of the hits inside each passage, in text order.

    Reads the compact hits only up to the end of the last passage: a long file keeps only its
    first passages, and building a million `Hit`s to show twenty paragraphs would be waste.
    """
    found: list[list[tuple[int, int, int]]] = [[] for _ in result.passages]
    if not result.passages:
        return found
    spans = [(p.start, p.start + len(p.text)) for p in result.passages]
    last = max(end for _, end in spans)
    index = 0
    for kind, _, _, _, _, _, start, end in result.hits.packed():
        if start >= last:
            break
        while index < len(spans) and start >= spans[index][1]:
            index += 1
        if index < len(spans) and start >= spans[index][0]:
            found[index].append((kind, start, end))
    return found


def notes(result: FileResult, ident: str, numbers: dict[str, int], marked: Collection[int]) -> str:
    """One note per entry hit, in the order of the marks: term, category, count, message and alternative."""
    words, lang = ui(result.lang), result.lang
    counts = Counter(kind.id for kind in result.hits.entries())
    items = []
    for entry_id, n in numbers.items():
        info = result.entry(entry_id)
        if info is None:
            continue
        back = f'<a class="back" href="#{ident}-m{n}" aria-label="{words["back"]}">↩</a>' if n in marked else ""
        alternative = (f'<span class="alt"><span aria-hidden="true">{ARROW}</span> {words["instead"]} '
                       f"{escape(info.alternative)}</span>") if info.alternative else ""
        items.append(f'<li id="{ident}-n{n}"><span class="term">{escape(info.term)}</span> '
                     f'<span class="cat">{escape(category_label(info.category, lang))} · {counts[entry_id]}×</span>'
                     f"{back}<br>{escape(info.message)}{alternative}</li>")
    return f'<ol class="notes">{"".join(items)}</ol>'


def card_table(labels: Sequence[str], cells: Sequence[str | None], marked: Sequence[bool], caption: str,
               lang: str | None) -> str:
    """A bingo card as a table: hit squares ticked, the squares of a completed line filled."""
    words = ui(lang)
    side = max(1, math.isqrt(len(cells)))
    done = {i for line in grid.completed_lines(marked) for i in line}
    rows = []
    for row in _chunks(list(range(len(cells))), side):
        squares = []
        for i in row:
            if cells[i] is None:
                free = escape(labels[i] or words["free"])
                squares.append(f'<td class="free{" on line" if i in done else ""}">{free}</td>')
                continue
            if not marked[i]:
                squares.append(f"<td>{escape(labels[i])}</td>")
                continue
            squares.append(f'<td class="on{" line" if i in done else ""}"><span aria-hidden="true">✔ </span>'
                           f'{escape(labels[i])}<span class="sr"> ({words["marked"]})</span></td>')
        rows.append(f"<tr>{''.join(squares)}</tr>")
    return (f'<div class="scroll"><table class="card" style="--side:{side}"><caption>{escape(caption)}</caption>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    """Consecutive runs of `size` items (a card's rows)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]

