"""Where a game's terms come from: a new deal from the lexicon or a word list, the house card, and the
lexicon an existing game has to be played with."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from bingo.cards.fair import conflicts, playable
from bingo.cards.game import Game, deal, title_for, word_pool
from bingo.errors import BingoError
from bingo.grid import house_card
from bingo.lexicon import CATEGORIES, Context, Entry, Lexicon, load_lexicon


@dataclass(frozen=True)
class Request:
    """What to deal: the options of `bingo card` that shape a game."""

    count: int = 1
    size: int = 5
    lang: str = "de"
    categories: tuple[str, ...] = ()
    seed: int | None = None  # None: a random seed, recorded in the game file
    title: str | None = None  # None: the language's default (see title_for)
    free: bool = True
    words: Path | None = None  # a plain word list instead of the lexicon
    lexicons: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()  # entry ids and categories a configuration file disables: never dealt
    disable_categories: tuple[str, ...] = ()


def _pool(request: Request) -> tuple[list[tuple[str, str]], str, str, dict[str, frozenset[str]]]:
    """(id, term) pairs to deal from, the kind of source, its digest and the near-duplicates among them."""
    if request.words is not None:
        try:
            pool = word_pool(request.words.read_text(encoding="utf-8"), str(request.words))
        except (OSError, UnicodeDecodeError) as exc:
            raise BingoError(f"{request.words}: cannot read the word list ({exc})") from None
        digest = hashlib.sha256(json.dumps(pool, ensure_ascii=False).encode()).hexdigest()[:4].upper()
        # a word list is the players' own choice of terms: dealt as given, near-duplicates included
        return pool, "words", digest, {}
    unknown = [c for c in request.categories if c not in CATEGORIES]
    if unknown:
        raise BingoError(f"unknown category '{unknown[0]}' (known: {', '.join(CATEGORIES)})")
    lexicon = load_lexicon(request.lexicons).adjusted(request.disable, request.disable_categories)
    entries = [e for e in lexicon.for_lang(request.lang) if not request.categories or e.category in request.categories]
    near = conflicts({e.id: (e.term, *e.variants) for e in entries})
    return [(e.id, e.term) for e in entries], "lexicon", content_digest(entries), near


def content_digest(entries: Iterable[Entry]) -> str:
    """A hash of the entries a game is dealt from, by content: the same wherever the lexicon files are installed.

    (`Lexicon.digest` hashes the files' paths too, as the key of a cache of entries that know their file.)
    """
    material = [{k: v for k, v in asdict(e).items() if k not in ("file", "line")} for e in entries]
    return hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def new_game(request: Request) -> Game:
    """Deal the cards a request asks for; the options recorded in the game let `check` rebuild its lexicon."""
    pool, source, digest, near = _pool(request)
    seed = request.seed if request.seed is not None else secrets.randbelow(10**9)
    options = {"count": request.count, "size": request.size, "lang": request.lang,
               "categories": sorted(request.categories), "free": request.free,
               "lexicons": [str(p) for p in request.lexicons], "words": str(request.words) if request.words else None}
    return deal(pool, count=request.count, size=request.size, free=request.free, seed=seed, lang=request.lang,
                title=request.title or title_for(request.lang, request.categories),
                source=source, digest=digest, options=options, conflicts=near)


def lexicon_for(game: Game, extra: tuple[Path, ...] = ()) -> Lexicon:
    """The lexicon a game was dealt from (built-in + its files + `extra`, or the game's own word list)."""
    if game.source != "words":
        files = dict.fromkeys([*extra, *(Path(p) for p in game.options.get("lexicons", []))])  # each file once
        lexicon = load_lexicon(list(files))
        missing = sorted(set(game.terms) - set(lexicon.entries))
        if missing:
            raise BingoError(f"the game uses entries this lexicon does not have: {', '.join(missing[:5])}")
        return playable(lexicon, game.terms)
    entries = {ident: Entry(id=ident, term=term, lang=game.lang, category="phrase", weight=1.0,
                            message={game.lang: term}, source="word list", context=Context())
               for ident, term in game.terms.items()}
    return Lexicon(entries=entries, house_cards={}, files=(), digest=game.digest)


def house_game(lang: str, lexicon: Lexicon) -> Game:
    """A one-card game from the language's house card (the card `--fail-on-bingo` scores against)."""
    ids = lexicon.house_cards.get(lang)
    if not ids:
        raise BingoError(f"the lexicon has no house card for '{lang}'")
    cells = house_card(ids)
    return Game(id="HOUS", seed=0, lang=lang, size=5, free=True, title=title_for(lang), source="lexicon",
                digest=lexicon.digest, terms={i: lexicon.entries[i].term for i in ids}, cards=(cells,))
