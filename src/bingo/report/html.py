"""`--format html`: one self-contained page a person can read, forward and print; `to_html` for the API.

Per file: the score as a gauge, the verdict, the categories as bars, the text with every hit
marked and explained in a note, and the house card; for several files an overview table that
sorts when JavaScript runs and stays a plain table when it does not. No timestamps: the same
run gives the same bytes.
"""

from __future__ import annotations

from html import escape
from typing import TextIO

from bingo.models import FileResult, RunResult
from bingo.paths import display
from bingo.report import Options
from bingo.report.html_parts import (
    card_table,
    category_bars,
    counted,
    gauge,
    note_numbers,
    notes,
    number,
    passages,
    ui,
)
from bingo.report.html_style import CSS, SCRIPT
from bingo.report.human import LANG_NAMES, ai_tell_line
from bingo.version import __version__


def render(run: RunResult, out: TextIO, options: Options) -> None:
    """Write the run as one HTML page."""
    out.write(document(run, options))


def to_html(result: FileResult | RunResult, options: Options | None = None) -> str:
    """The HTML report of one scan result (what `bingo.scan_text` returns) or of a whole run, as a string."""
    run = result if isinstance(result, RunResult) else RunResult((result,))
    return document(run, options or Options())


def page(title: str, lang: str, body: str, script: bool = False) -> str:
    """A complete page: doctype, inline stylesheet, the body and, when asked for, the sorting script."""
    tail = f"<script>{SCRIPT}</script>\n" if script else ""
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="bingo {escape(__version__)}">\n'
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n{tail}</body>\n</html>\n")


def run_lang(run: RunResult) -> str:
    """The language of the page around the files: theirs when they share one, else English."""
    langs = {f.lang for f in run.scanned} or {"en"}
    return langs.pop() or "en" if len(langs) == 1 else "en"


def document(run: RunResult, options: Options) -> str:
    """The report page of a run."""
    lang = run_lang(run)
    words = ui(lang)
    summary = run.summary()
    lead = " · ".join(counted(summary[key], f"n_{key}", lang) for key in ("files", "words", "hits"))
    several = len(run.files) > 1
    title = words["title"] if several or not run.files else f'{words["title"]}: {display(run.files[0].path)}'
    sections = [overview(run, lang)] if several else []
    sections += [file_section(result, f"f{n}", options) for n, result in enumerate(run.files, 1)]
    body = (f'<header class="report"><h1>{escape(words["title"])}</h1><p class="lead">{escape(lead)}</p></header>\n'
            f'<main>\n{chr(10).join(sections)}\n</main>\n'
            f'<footer><p>{escape(words["made"].format(version=__version__))}</p></footer>')
    return page(title, lang, body, script=several)


def file_section(result: FileResult, ident: str, options: Options) -> str:
    """One file: heading, score and verdict, categories, the marked text with its notes, the card."""
    lang = result.lang or "en"
    words = ui(lang)
    heading = f'<h2 id="{ident}-title">{escape(display(result.path))}</h2>'
    opening = f'<section class="file" id="{ident}" lang="{escape(lang)}" aria-labelledby="{ident}-title"'
    if result.error is not None:
        return (f'{opening}>{heading}<p class="error"><strong>{escape(words["error"])}:</strong> '
                f"{escape(result.error)}</p></section>")
    tone = f" v-{escape(result.verdict.id)}" if result.verdict else ""
    meta = escape(" · ".join((LANG_NAMES.get(lang, lang), counted(result.words, "n_words", lang),
                              counted(len(result.hits), "n_hits", lang))))
    parts = [heading, f'<p class="meta">{meta}</p>',
             f'<div class="top{tone}">{gauge(result, ident)}<div>{category_bars(result)}'
             f'<p class="ai">{escape(ai_tell_line(result))}</p></div></div>']
    card = house_card(result) if options.card and result.card else ""
    if not result.hits:
        parts += [f'<p>{escape(words["none"])}</p>', card]
    else:  # the card below the text, beside the (long) notes
        numbers = note_numbers(result)
        text, hidden, marked = passages(result, ident, numbers) if options.passages else ("", len(result.hits), set())
        more = f'<p class="more">{escape(words["more"].format(n=number(hidden, lang)))}</p>' if hidden else ""
        parts.append(f'<div class="reading"><div><h3>{escape(words["text"])}</h3>'
                     f'<p class="hint">{escape(words["hint"])}</p>{text}{more}{card}</div>'
                     f'<aside aria-labelledby="{ident}-notes"><h3 id="{ident}-notes">{escape(words["notes"])}</h3>'
                     f"{notes(result, ident, numbers, marked)}</aside></div>")
    return f"{opening}>{''.join(parts)}</section>"


def house_card(result: FileResult) -> str:
    """The language's house card with the squares the text hit ticked, and BINGO when a line is full."""
    words = ui(result.lang)
    bingo = f'<p class="bingo">{escape(words["bingo"])}</p>' if result.bingo else ""
    table = card_table(result.card_terms, result.card, result.card_marked, words["legend"], result.lang)
    return f'<h3>{escape(words["card"])}</h3>{bingo}{table}'


def overview(run: RunResult, lang: str) -> str:
    """All files in one table (file, language, words, score, verdict, hits), sortable by each column."""
    words = ui(lang)
    numeric = ' data-type="number" class="num"'
    columns = (("file", ""), ("lang", ""), ("words", numeric), ("score", numeric), ("verdict", ""), ("hits", numeric))
    head = "".join(f'<th scope="col"{attrs}>{escape(words[name])}</th>' for name, attrs in columns)
    rows = []
    for n, result in enumerate(run.files, 1):
        link = f'<th scope="row"><a href="#f{n}">{escape(display(result.path))}</a></th>'
        if result.error is not None:
            rows.append(f'<tr>{link}<td></td><td class="num" data-value="-1"></td><td class="num" data-value="-1">'
                        f'</td><td class="error">{escape(words["error"])}: {escape(result.error)}</td>'
                        '<td class="num" data-value="-1"></td></tr>')
            continue
        verdict = result.verdict
        tag = "" if verdict is None else f'<span class="tag v-{escape(verdict.id)}">{escape(verdict.label)}</span>'
        rows.append(f'<tr>{link}<td>{escape(LANG_NAMES.get(result.lang or "", result.lang or ""))}</td>'
                    f'<td class="num" data-value="{result.words}">{number(result.words, lang)}</td>'
                    f'<td class="num" data-value="{result.score}">{result.score}</td><td>{tag}</td>'
                    f'<td class="num" data-value="{len(result.hits)}">{number(len(result.hits), lang)}</td></tr>')
    summary = run.summary()
    foot = (f'<tr><th scope="row">{escape(words["total"])}</th><td></td>'
            f'<td class="num">{number(summary["words"], lang)}</td>'
            f'<td class="num">{escape(words["max"])} {summary["max_score"]}</td>'
            f'<td></td><td class="num">{number(summary["hits"], lang)}</td></tr>')
    return (f'<section class="overview" aria-labelledby="overview-title"><h2 id="overview-title">'
            f'{escape(words["overview"])}</h2><div class="scroll"><table class="overview">'
            f'<caption>{escape(words["sort"])}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody><tfoot>{foot}</tfoot></table></div></section>")
