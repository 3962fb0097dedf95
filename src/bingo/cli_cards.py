"""The game commands: `bingo card`, `bingo check` and `bingo live` (a CLI module: it prints and exits)."""

from __future__ import annotations

import json
import secrets
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from bingo.cli import LexiconOption, _color_wanted, _err, _guarded
from bingo.errors import BingoError

CardFormat = Literal["pdf", "html", "svg", "text", "json"]
SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".svg": "svg", ".txt": "text", ".json": "json"}
TITLES = {"de": "Bullshit-Bingo", "en": "Buzzword Bingo"}
AI_TELL_TITLES = {"de": "KI-Floskel-Bingo", "en": "AI Tell Bingo"}  # a card dealt from the ai-tell category only


def _lexicon_for(game: Any, extra: list[Path]) -> Any:
    """The lexicon a game was dealt from (built-in + files, or the game's own word list)."""
    from bingo.lexicon import Context, Entry, Lexicon, load_lexicon

    if game.source != "words":
        lexicon = load_lexicon([*extra, *(Path(p) for p in game.options.get("lexicons", []))])
        missing = sorted(set(game.terms) - set(lexicon.entries))
        if missing:
            raise BingoError(f"the game uses entries this lexicon does not have: {', '.join(missing[:5])}")
        return lexicon
    entries = {ident: Entry(id=ident, term=term, lang=game.lang, category="phrase", weight=1.0,
                            message={game.lang: term}, source="word list", context=Context())
               for ident, term in game.terms.items()}
    return Lexicon(entries=entries, house_cards={}, files=(), digest=game.digest)


def _load_game(path: Path) -> Any:
    from bingo.cards.game import from_dict

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BingoError(f"{path}: no such game file") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BingoError(f"{path}: not a bingo game file ({exc})") from None
    return from_dict(data, str(path))


def card(
    count: Annotated[int, typer.Option("--count", "-n", min=1, max=1000, help="How many different cards.")] = 1,
    size: Annotated[int, typer.Option("--size", min=3, max=5, help="Squares per side: 3, 4 or 5.")] = 5,
    lang: Annotated[Literal["de", "en"], typer.Option("--lang", "-l", help="Language of the terms.")] = "de",
    category: Annotated[list[str] | None, typer.Option("--category", "-c", help="Only these categories (repeatable).")] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed for a reproducible deal (default: random, recorded).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title printed on every card.")] = None,
    no_free: Annotated[bool, typer.Option("--no-free", help="No free centre square.")] = False,
    per_page: Annotated[Literal["1", "2", "4"], typer.Option("--per-page", help="Cards per printed page (PDF/HTML).")] = "1",
    paper: Annotated[Literal["a4", "letter"], typer.Option("--paper", help="Paper size (PDF/HTML).")] = "a4",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the cards here (format from the suffix).")] = None,
    output_format: Annotated[CardFormat | None, typer.Option("--format", "-f", help="pdf, html, svg, text or json.")] = None,
    game_file: Annotated[Path | None, typer.Option("--game", help="Where to write the game file (default: beside --output).")] = None,
    words: Annotated[Path | None, typer.Option("--words", help="A plain word list (one term per line) instead of the lexicon.")] = None,
    lexicon: LexiconOption = None,
) -> int:
    """Deal printable buzzword-bingo cards, all different, and write the game file that records them."""
    from bingo.cards import game as deal_module
    from bingo.cards import render
    from bingo.lexicon import CATEGORIES, load_lexicon

    name = output_format or (SUFFIXES.get(output.suffix.lower()) if output else None) or "text"
    if name == "pdf" and output is None:
        raise BingoError("--format pdf needs --output FILE")
    if words is not None:
        try:
            pool = deal_module.word_pool(words.read_text(encoding="utf-8"), str(words))
        except (OSError, UnicodeDecodeError) as exc:
            raise BingoError(f"{words}: cannot read the word list ({exc})") from None
        source, digest = "words", deal_module.game_id(0, {"words": pool}, "")
    else:
        unknown = [c for c in category or () if c not in CATEGORIES]
        if unknown:
            raise BingoError(f"unknown category '{unknown[0]}' (known: {', '.join(CATEGORIES)})")
        lex = load_lexicon(lexicon or ())
        pool = [(e.id, e.term) for e in lex.for_lang(lang) if not category or e.category in category]
        source, digest = "lexicon", lex.digest
    seed = seed if seed is not None else secrets.randbelow(10**9)
    options = {"count": count, "size": size, "lang": lang, "categories": sorted(category or ()), "free": not no_free,
               "lexicons": [str(p) for p in lexicon or ()], "words": str(words) if words else None}
    game = deal_module.deal(pool, count=count, size=size, free=not no_free, seed=seed, lang=lang,
                            title=title or (AI_TELL_TITLES if category == ["ai-tell"] else TITLES)[lang],
                            source=source, digest=digest, options=options)
    if output is None and name in ("text", "json"):
        if name == "json":
            sys.stdout.write(game.to_json())
        else:
            render.render_text(game, sys.stdout, color=_color_wanted(sys.stdout))
    else:
        _write_cards(game, name, output, int(per_page), paper)
    target = game_file or (output.with_name(output.stem + ".game.json") if output is not None else None)
    if target is not None and not (name == "json" and target == output):
        try:
            target.write_text(game.to_json(), encoding="utf-8")
        except OSError as exc:
            raise BingoError(f"{target}: cannot write the game file ({exc.strerror or exc})") from None
        _err(f"game {game.id}: {len(game.cards)} card(s), game file {target}")
    return 0


def _write_cards(game: Any, name: str, output: Path, per_page: int, paper: str) -> None:
    """Write the cards in one of the file formats."""
    from bingo.cards import render

    try:
        if name == "pdf":
            from bingo.cards.pdf import render_pdf

            with output.open("wb") as handle:
                render_pdf(game, handle, per_page=per_page, paper=paper)
            return
        with output.open("w", encoding="utf-8") as handle:
            if name == "html":
                render.render_html(game, handle, per_page=per_page, paper=paper)
            elif name == "svg":
                render.render_svg(game, handle)
            elif name == "json":
                handle.write(game.to_json())
            else:
                render.render_text(game, handle)
    except OSError as exc:
        raise BingoError(f"{output}: cannot write the cards ({exc.strerror or exc})") from None


def check(
    game_path: Annotated[Path, typer.Argument(metavar="GAME.json", help="The game file written by 'bingo card'.")],
    texts: Annotated[list[str] | None, typer.Argument(metavar="[TEXT...|-]", help="Transcripts or minutes; '-' or none: stdin.")] = None,
    card_number: Annotated[int | None, typer.Option("--card", min=1, help="Check only this claimed card.")] = None,
    output_format: Annotated[Literal["rich", "json"], typer.Option("--format", "-f", help="rich or json.")] = "rich",
    lexicon: LexiconOption = None,
) -> int:
    """Mark every card with the terms the text says; report BINGOs and the winner (exit 1: no BINGO)."""
    from rich.console import Console

    from bingo.cards.check import Round
    from bingo.cards.render import rich_card
    from bingo.scanner import Scanner
    from bingo.sources import discover

    game = _load_game(game_path)
    if card_number is not None and card_number > len(game.cards):
        raise BingoError(f"game {game.id} has {len(game.cards)} cards, not {card_number}")
    scanner = Scanner(lexicon=_lexicon_for(game, list(lexicon or ())))
    play = Round.start(game, card_number)
    stdin = sys.stdin.buffer if sys.stdin is not None and hasattr(sys.stdin, "buffer") else None
    for source in discover(texts or ["-"]):
        try:
            lang, stream = scanner.read(source, game.lang, stdin)
        except BingoError as exc:
            raise BingoError(str(exc)) from None
        for para in stream:
            play.hear(scanner.hits(lang, [para]))
    winners = play.winners()
    if output_format == "json":
        sys.stdout.write(json.dumps(play.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return 0 if winners else 1
    console = Console(force_terminal=_color_wanted(sys.stdout), no_color=not _color_wanted(sys.stdout), highlight=False)
    shown = play.cards if card_number is not None else winners
    for state in shown:
        console.print(rich_card(game, state.index, state.marked, title="BINGO!" if state.won_at else game.title))
    heard = sorted({h.term for h in play.heard})
    console.print(f"Heard {len(heard)} term(s) of game {game.id}: {', '.join(heard) or '–'}")
    for rank, state in enumerate(winners, 1):
        hit = state.won_at
        console.print(f"{'Winner' if rank == 1 else f'#{rank}'}: card {state.index + 1} — line completed by "
                      f"'{hit.text}' ({hit.term}) at line {hit.line}, column {hit.column}")
    if not winners:
        console.print("No BINGO yet." if card_number is None else f"Card {card_number} has no BINGO.")
    return 0 if winners else 1


def register(app: typer.Typer) -> None:
    """Add the game commands to the main app."""
    from bingo.cli_live import live

    app.command("card", epilog="Examples:\n\n  bingo card --count 30 --seed 7 --output offsite.pdf --per-page 2\n\n"
                               "  bingo card --lang en --size 4")(_guarded(card))
    app.command("check", epilog="Example:\n\n  bingo check offsite.game.json minutes.md")(_guarded(check))
    app.command("live", epilog="Example:\n\n  speech-to-text | bingo live offsite.game.json --card 12")(_guarded(live))
