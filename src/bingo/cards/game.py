"""Deal bingo cards: N distinct, reproducible cards from a term pool, and the game file that records them."""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bingo.errors import BingoError

GAME_VERSION = 1
LABELS = {"de": ("Spiel", "Karte", "FREI"), "en": ("Game", "Card", "FREE")}
TITLES = {"de": "Bullshit-Bingo", "en": "Buzzword Bingo"}
PATH_OPTIONS = ("lexicons", "words")  # options that name files: where they are is no part of a game's identity
AI_TELL_TITLES = {"de": "KI-Floskel-Bingo", "en": "AI Tell Bingo"}  # a card dealt from the ai-tell category only


def title_for(lang: str, categories: Sequence[str] = ()) -> str:
    """The default title of a game: its own for a card of AI tells only, else the language's bingo name."""
    return (AI_TELL_TITLES if tuple(categories) == ("ai-tell",) else TITLES)[lang]


@dataclass(frozen=True)
class Game:
    """A dealt game: options, the term of every id, and each card's ids in grid order (None = free)."""

    id: str
    seed: int
    lang: str
    size: int
    free: bool
    title: str
    source: str
    digest: str
    terms: Mapping[str, str]
    cards: tuple[tuple[str | None, ...], ...]
    options: Mapping[str, Any] = field(default_factory=dict)

    def label(self, index: int) -> str:
        """The line printed on card `index` (0-based): 'Spiel 7F3A · Karte 12/30'."""
        game, card, _ = LABELS.get(self.lang, LABELS["en"])
        return f"{game} {self.id} · {card} {index + 1}/{len(self.cards)}"

    @property
    def free_label(self) -> str:
        """What the free square says."""
        return LABELS.get(self.lang, LABELS["en"])[2]

    def to_dict(self) -> dict[str, Any]:
        """The game file's JSON shape."""
        return {
            "version": GAME_VERSION, "game": self.id, "seed": self.seed, "lang": self.lang, "size": self.size,
            "free": self.free, "title": self.title, "source": self.source, "lexicon": self.digest,
            "options": dict(self.options), "terms": dict(sorted(self.terms.items())),
            "cards": [list(card) for card in self.cards],
        }

    def to_json(self) -> str:
        """Byte-for-byte reproducible JSON for the same seed, pool and options."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def from_dict(data: Mapping[str, Any], where: str = "game file") -> Game:
    """A Game from its JSON shape; a malformed file is a one-line error."""
    try:
        cards = tuple(tuple(cell for cell in card) for card in data["cards"])
        game = Game(id=str(data["game"]), seed=int(data["seed"]), lang=str(data["lang"]), size=int(data["size"]),
                    free=bool(data["free"]), title=str(data["title"]), source=str(data["source"]),
                    digest=str(data["lexicon"]), terms=dict(data["terms"]), cards=cards,
                    options=dict(data.get("options", {})))
    except (KeyError, TypeError, ValueError) as exc:
        raise BingoError(f"{where}: not a bingo game file ({type(exc).__name__}: {exc})") from None
    if any(len(card) != game.size * game.size for card in cards):
        raise BingoError(f"{where}: a card does not have {game.size}x{game.size} squares")
    return game


def load_game(path: Path) -> Game:
    """Read a game file written by `bingo card`; BingoError naming the file when it is missing or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BingoError(f"{path}: no such game file") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BingoError(f"{path}: not a bingo game file ({exc})") from None
    return from_dict(data, str(path))


def keep_other_game(path: Path, game: Game) -> None:
    """BingoError when `path` is a file other than this game's game file: the game of printed cards is never lost."""
    if not path.exists():
        return
    try:
        old = load_game(path)
    except BingoError:
        raise BingoError(f"{path}: exists and is not a bingo game file; not overwritten (--force replaces it)"
                         ) from None
    if old.id != game.id or old.cards != game.cards:
        raise BingoError(f"{path}: records game {old.id} ({len(old.cards)} card(s)), not {game.id}; "
                         "not overwritten, so its printed cards can still be checked (--force replaces it)")


def cells_per_card(size: int, free: bool) -> int:
    """How many terms one card needs (odd sizes with a free centre need one fewer)."""
    return size * size - (1 if free and size % 2 else 0)


def game_id(seed: int, options: Mapping[str, Any], digest: str) -> str:
    """A short id from seed, options and lexicon: printed on every card so a claim can be checked.

    The paths of lexicon files and word lists are left out (the digest covers their content): two
    checkouts deal the same game, with the same id, from the same seed.
    """
    shape = {key: value for key, value in options.items() if key not in PATH_OPTIONS}
    material = json.dumps([seed, shape, digest], sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()[:4].upper()


def deal(pool: Sequence[tuple[str, str]], *, count: int, size: int, free: bool, seed: int, lang: str,
         title: str, source: str, digest: str, options: Mapping[str, Any],
         conflicts: Mapping[str, frozenset[str]] | None = None) -> Game:
    """Deal `count` cards with pairwise different term sets, no card with two `conflicts` (near-duplicates).

    BingoError when the pool is too small.
    """
    need = cells_per_card(size, free)
    ids = sorted({ident for ident, _ in pool})
    if len(ids) < need:
        raise BingoError(f"not enough terms for a {size}x{size} card: {len(ids)} available, {need} needed")
    possible = math.comb(len(ids), need)
    if possible < count:
        raise BingoError(f"the {len(ids)} available terms allow only {possible} different {size}x{size} cards, "
                         f"not {count}")
    rng = random.Random(seed)
    seen: set[frozenset[str]] = set()
    cards: list[tuple[str | None, ...]] = []
    while len(cards) < count:
        chosen = rng.sample(ids, need)
        if conflicts:
            chosen = _fair(chosen, ids, conflicts, rng)
        key = frozenset(chosen)
        if key in seen:
            continue
        seen.add(key)
        cells: list[str | None] = list(chosen)
        if need < size * size:
            cells.insert(size * size // 2, None)
        cards.append(tuple(cells))
    terms = {ident: term for ident, term in pool}
    used = {cell for card in cards for cell in card if cell}
    return Game(id=game_id(seed, options, digest), seed=seed, lang=lang, size=size, free=need < size * size,
                title=title, source=source, digest=digest, terms={k: terms[k] for k in sorted(used)},
                cards=tuple(cards), options=dict(options))


def _fair(chosen: list[str], ids: Sequence[str], conflicts: Mapping[str, frozenset[str]],
          rng: random.Random) -> list[str]:
    """The sample with each term that is a near-duplicate of one before it replaced (unchanged when none is)."""
    kept: list[str] = []
    for ident in chosen:
        if not conflicts.get(ident, frozenset()) & set(kept):
            kept.append(ident)
    if len(kept) < len(chosen):
        spare = sorted(set(ids) - set(kept))
        rng.shuffle(spare)
        for ident in spare:
            if len(kept) == len(chosen):
                break
            if not conflicts.get(ident, frozenset()) & set(kept):
                kept.append(ident)
    if len(kept) < len(chosen):
        raise BingoError(f"not enough terms that are no near-duplicates of each other for a card of {len(chosen)}")
    return kept


def slug(term: str) -> str:
    """An id for a term from a plain word list."""
    return re.sub(r"[^a-z0-9äöüß]+", "-", term.lower()).strip("-") or "term"


def word_pool(text: str, where: str) -> list[tuple[str, str]]:
    """(id, term) pairs from a word list: one term per line, '#' comments and blank lines ignored."""
    pool: dict[str, str] = {}
    for line in text.splitlines():
        term = line.split("#", 1)[0].strip()
        if term:
            pool.setdefault(slug(term), term)
    if not pool:
        raise BingoError(f"{where}: the word list has no terms")
    return sorted(pool.items())
