"""Load and validate lexicon YAML files into frozen `Entry` objects, reporting problems as FILE:LINE."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from bingo import cache, lexfile
from bingo.entry import (
    CATEGORIES,
    COMPOUND_MODES,
    ENTRY_LANGS,
    INFLECT_MODES,
    LANGS,
    LEVELS,
    Context,
    Entry,
)
from bingo.errors import LexiconError, located
from bingo.grid import HOUSE_TERMS
from bingo.lexfile import load_file
from bingo.schema import cached_entry

__all__ = ["CATEGORIES", "COMPOUND_MODES", "ENTRY_LANGS", "INFLECT_MODES", "LANGS", "LEVELS", "Context", "Entry",
           "Lexicon", "builtin_dir", "builtin_files", "load_file", "load_lexicon"]


@dataclass(frozen=True)
class Lexicon:
    """All entries in force for a run, keyed by id, plus each language's house card."""

    entries: Mapping[str, Entry]
    house_cards: Mapping[str, tuple[str, ...]]
    files: tuple[str, ...]
    digest: str
    removed: frozenset[str] = frozenset()
    """Ids of entries `adjusted` took out (disabled, or of a category not scanned for)."""

    def adjusted(self, disable: Iterable[str] = (), disable_categories: Iterable[str] = (),
                 weights: Mapping[str, float] | None = None) -> Lexicon:
        """A copy without disabled entries or categories, with overridden weights; unknown ids are skipped."""
        disable, categories, weights = set(disable), set(disable_categories), dict(weights or {})
        if not (disable or categories or weights):
            return self
        entries = {
            key: replace(entry, weight=weights.get(key, entry.weight))
            for key, entry in self.entries.items() if key not in disable and entry.category not in categories
        }
        material = json.dumps([self.digest, sorted(disable), sorted(categories), sorted(weights.items())])
        cards = {lang: _refilled(ids, entries, lang) for lang, ids in self.house_cards.items()}
        return replace(self, entries=entries, house_cards={k: v for k, v in cards.items() if v},
                       digest=hashlib.sha256(material.encode()).hexdigest(),
                       removed=self.removed | (set(self.entries) - set(entries)))

    def for_lang(self, lang: str) -> list[Entry]:
        """Entries that apply to texts in `lang`, in id order."""
        return [e for key, e in sorted(self.entries.items()) if lang in e.langs]


def _refilled(card: tuple[str, ...], entries: Mapping[str, Entry], lang: str) -> tuple[str, ...]:
    """A house card whose disabled squares, in place, go to the heaviest entries left (none if too few remain)."""
    kept = [ident for ident in card if ident in entries]
    if len(kept) == len(card):
        return card
    spare = iter(e.id for e in sorted((e for e in entries.values() if lang in e.langs and e.id not in kept),
                                      key=lambda e: (-e.weight, e.id)))
    filled = [ident if ident in entries else next(spare, None) for ident in card]
    filled += [next(spare, None) for _ in range(HOUSE_TERMS - len(filled))]  # a card file with fewer ids
    return tuple(i for i in filled if i is not None) if None not in filled else ()


def builtin_dir() -> Path:
    """The directory of the shipped lexicons: package data, the same path in a checkout and in a wheel."""
    # bingo is always installed as files (never run from a zip), so the resource is a real directory
    return Path(str(resources.files("bingo") / "lexicons"))


def builtin_files() -> list[Path]:
    """The shipped lexicon files, in a stable order (cards.yaml, holding only house cards, last)."""
    return sorted(builtin_dir().glob("*.yaml"), key=lambda p: (p.name == "cards.yaml", p.name))


def load_lexicon(extra: Iterable[Path] = (), *, builtin: bool = True, use_cache: bool = True) -> Lexicon:
    """Load the built-in lexicons plus user files; a later entry with the same id overrides.

    The validated result is cached, keyed by the files' content and the code that reads them, so
    a warm start parses no YAML. (Still worth it with the C loader: parsing and validating the
    2,147 shipped entries took 1.4 s, reading the cache 0.13 s.)
    """
    shipped = builtin_files() if builtin else []
    files = [*shipped, *extra]
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            raise LexiconError([located(str(path), None, f"cannot read: {exc.strerror}")]) from None
    key = digest.hexdigest()
    name = f"lexicon-{hashlib.sha256((key + _code_digest()).encode()).hexdigest()[:32]}.json"
    cached = cache.read(name) if use_cache else None
    if isinstance(cached, dict) and cached.get("digest") == key:
        try:
            with cache.collector_paused():  # 2,147 entries of long-lived objects (see there)
                return _from_cache(cached, files, key)
        except (KeyError, TypeError, ValueError, AttributeError, LexiconError):
            pass  # not a document this code wrote for these files: parse below
    lexicon = _parse_lexicon(files, shipped, key)
    if use_cache:
        cache.write(name, {"digest": key, "house_cards": lexicon.house_cards,
                                                  "entries": {k: asdict(e) for k, e in lexicon.entries.items()}})
    return lexicon


def _from_cache(cached: dict[str, Any], files: list[Path], digest: str) -> Lexicon:
    """The lexicon a cached document holds, every entry and house card checked as when it was parsed."""
    if set(cached) != {"digest", "house_cards", "entries"} or not isinstance(cached["entries"], dict):
        raise ValueError("not a cached lexicon")
    entries = {key: cached_entry(value) for key, value in cached["entries"].items()}
    if any(key != entry.id for key, entry in entries.items()):
        raise ValueError("an entry cached under another id")
    cards = lexfile.house_cards("cache", cached, entries)
    return Lexicon(entries=entries, house_cards=cards, files=tuple(map(str, files)), digest=digest)


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A hash of the code that turns lexicon files into entries (part of the cache key)."""
    from bingo import entry, schema

    # yamlfile by name: importing it (and PyYAML) for its source took 20 ms of every warm start
    return cache.code_digest(entry, schema, lexfile, "bingo.yamlfile", sys.modules[__name__])


def _parse_lexicon(files: list[Path], shipped: list[Path], digest: str) -> Lexicon:
    """Parse and validate every file; raise LexiconError listing every problem."""
    entries: dict[str, Entry] = {}
    problems: list[str] = []
    raw: list[tuple[str, dict[str, Any]]] = []
    for path in files:
        try:
            loaded, data = lexfile.parsed(path)
            raw.append((str(path), data))
        except LexiconError as exc:
            problems.extend(exc.problems)
            continue
        seen_here: dict[str, Entry] = {}
        for entry in loaded:
            if entry.id in seen_here:
                problems.append(located(entry.file, entry.line,
                                        f"duplicate id '{entry.id}' (first at line {seen_here[entry.id].line})"))
            elif entry.id in entries and path in shipped:
                problems.append(located(entry.file, entry.line,
                                        f"duplicate id '{entry.id}' (also at {entries[entry.id].where})"))
            seen_here[entry.id] = entry
            entries[entry.id] = entry
    if problems:
        raise LexiconError(problems)
    house_cards: dict[str, tuple[str, ...]] = {}
    for name, data in raw:
        house_cards.update(lexfile.house_cards(name, data, entries))
    return Lexicon(entries=entries, house_cards=house_cards, files=tuple(map(str, files)), digest=digest)
