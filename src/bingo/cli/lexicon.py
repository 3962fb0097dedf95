"""`bingo lexicon validate|list|show`: check lexicon files and look entries up."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from bingo.cli.console import guarded
from bingo.cli.options import LexiconOption
from bingo.errors import BingoError
from bingo.gates import EXIT_OK
from bingo.lexicon import CATEGORIES, Entry, load_lexicon

app = typer.Typer(no_args_is_help=True, help="Inspect and validate lexicons.")


@app.command("validate", epilog="Example:\n\n  bingo lexicon validate my-terms.yaml")
@guarded
def lexicon_validate(
    files: Annotated[list[Path] | None, typer.Argument(
        help="Extra lexicon files to check with the built-in ones.")] = None,
    no_builtin: Annotated[bool, typer.Option("--no-builtin", help="Check only the given files.")] = False,
) -> int:
    """Check lexicon files: schema, examples, collisions and order (FILE:LINE messages)."""
    from bingo.validate import check  # builds a scanner (spaCy): only for this command

    lexicon = check(files or (), builtin=not no_builtin)
    langs = {lang: len(lexicon.for_lang(lang)) for lang in ("de", "en")}
    typer.echo(f"ok: {len(lexicon.entries)} entries ({langs['de']} for de, {langs['en']} for en) "
               f"in {len(lexicon.files)} file(s)")
    return EXIT_OK


@app.command("list", epilog="Example:\n\n  bingo lexicon list --lang en --category idiom")
@guarded
def lexicon_list(
    lang: Annotated[Literal["de", "en"] | None, typer.Option("--lang", "-l",
                                                             help="Only entries for this language.")] = None,
    category: Annotated[str | None, typer.Option("--category", "-c", help="Only this category.")] = None,
    lexicon: LexiconOption = None,
) -> int:
    """List entries: id, language, category, weight and term."""
    if category is not None and category not in CATEGORIES:
        raise typer.BadParameter(f"unknown category '{category}' (known: {', '.join(CATEGORIES)})",
                                 param_hint="--category")
    entries = load_lexicon(lexicon or ()).entries
    for key in sorted(entries):
        entry = entries[key]
        if (lang and lang not in entry.langs) or (category and entry.category != category):
            continue
        typer.echo(f"{entry.id:<36} {entry.lang:<5} {entry.category:<11} {entry.weight:>4g}  {entry.term}")
    return EXIT_OK


@app.command("show", epilog="Example:\n\n  bingo lexicon show kundenzentrierung")
@guarded
def lexicon_show(ident: Annotated[str, typer.Argument(metavar="ID", help="Entry id.")],
                 lexicon: LexiconOption = None) -> int:
    """Show one entry with its variants, message, alternative, source and examples."""
    entries = load_lexicon(lexicon or ()).entries
    if ident not in entries:
        raise BingoError(f"no entry with id '{ident}' (see 'bingo lexicon list')")
    for key, value in _rows(entries[ident]):
        typer.echo(f"{key + ':':<18} {value}")
    return EXIT_OK


def _rows(entry: Entry) -> list[tuple[str, object]]:
    """(label, value) lines describing an entry, in the order `show` prints them."""
    rows: list[tuple[str, object]] = [
        ("id", entry.id), ("term", entry.term), ("lang", entry.lang), ("category", entry.category),
        ("weight", f"{entry.weight:g}"), ("level", entry.level), ("variants", ", ".join(entry.variants) or "–"),
        ("compound", entry.compound), ("inflect", entry.inflect), ("source", entry.source),
        ("defined at", entry.where)]
    if entry.slots:
        slots = " + ".join("{" + " | ".join(item or "–" for item in slot) + "}" for slot in entry.slots)
        rows.append(("slots", slots))
        rows.append(("phrases", f"{len(entry.slot_phrases)} (e.g. {', '.join(entry.slot_phrases[:3])})"))
    if entry.apart:
        parts = " … ".join("{" + " | ".join(part) + "}" for part in entry.apart.parts)
        rows.append(("apart", f"{parts} (at most {entry.apart.within} words between parts, in one sentence)"))
    rows += [(f"message [{k}]", v) for k, v in entry.message.items()]
    rows += [(f"alternative [{k}]", v) for k, v in entry.alternative.items()]
    rows += [("matches", text) for text in entry.match_examples]
    rows += [("does not match", text) for text in entry.no_match_examples]
    return rows
