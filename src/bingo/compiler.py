"""Compile a lexicon into token patterns and compound stems for one language, cached on disk.

Compiling inverts the lemma lookup tables (about a second per language); the result depends only
on the lexicon files and package versions, so it is cached (see `bingo.cache`), keyed by a hash
of both, and rebuilt when either changes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from typing import Any

from bingo import __version__, cache, forms, nlp
from bingo.lexicon import Entry, Lexicon

FORMAT = 6  # bump whenever forms.py or this module changes what is compiled
EXCEPTION_PREFIX = "!"


@dataclass(frozen=True)
class CompiledLang:
    """Everything a matcher for one language needs, as plain JSON-able data."""

    lang: str
    patterns: dict[str, list[list[str]]]
    prefixes: list[str]
    suffixes: list[str]
    requires: dict[str, list[str]]


def cache_key(lexicon: Lexicon, lang: str, model: str | None) -> str:
    """A key that changes whenever the lexicon files, the model or any relevant version changes."""
    material = json.dumps([FORMAT, __version__, lexicon.digest, lang, model, nlp.versions()], sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()[:32]


def _entry_surfaces(entry: Entry, lang: str, lemmas: Any, inverted: Any) -> tuple[set[str], set[str], set[str]]:
    """Spellings of an entry, and its compound prefix and suffix stems."""
    spellings: set[str] = set()
    for surface in entry.surfaces:
        spellings |= forms.surface_forms(surface, entry, lang, lemmas, inverted)
    singles = {s for s in spellings if " " not in s and "-" not in s}
    prefixes, suffixes = forms.compound_stems(entry, lang, singles)
    spellings |= prefixes  # a split-off stem (Kundenzentrierungs|strategie) is a token of its own
    return spellings, prefixes, suffixes


def _requires_forms(words: tuple[str, ...], lang: str) -> list[str]:
    """Context words with their regular endings; a trailing '*' keeps a prefix wildcard as is.

    The lookup tables are not used here: they map function words far afield (en: 's -> we).
    """
    out: set[str] = set()
    for word in words:
        short = word.endswith("*") or len(word) <= 3  # "i" + "s" would be "is"
        out |= {word} if short else forms.rule_forms(word, lang)
    return sorted(out)


def compile_lang(lexicon: Lexicon, lang: str, pipeline: Any) -> CompiledLang:
    """Build the patterns for `lang`, configuring `pipeline`'s tokenizer on the way."""
    lemmas = nlp.lemma_table(lang)
    inverted = forms.invert(lemmas)
    spellings: dict[str, set[str]] = {}
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    requires: dict[str, list[str]] = {}
    for entry in lexicon.for_lang(lang):
        spellings[entry.id], pre, suf = _entry_surfaces(entry, lang, lemmas, inverted)
        prefixes |= pre
        suffixes |= suf
        for exception in entry.context.exceptions:
            fake = replace(entry, term=exception, variants=())
            spellings.setdefault(EXCEPTION_PREFIX + entry.id, set()).update(
                forms.surface_forms(exception, fake, lang, lemmas, inverted))
        if entry.context.requires:
            requires[entry.id] = _requires_forms(entry.context.requires, lang)
    nlp.configure_tokenizer(pipeline, prefixes, suffixes)
    patterns: dict[str, list[list[str]]] = {}
    for key in sorted(spellings):
        texts = sorted(spellings[key])
        unique = {tuple(tokens) for tokens in nlp.tokenize_all(pipeline, texts) if tokens}
        patterns[key] = [list(tokens) for tokens in sorted(unique)]
    return CompiledLang(lang, patterns, sorted(prefixes), sorted(suffixes), requires)


def load_or_compile(lexicon: Lexicon, lang: str, pipeline: Any, model: str | None, use_cache: bool) -> CompiledLang:
    """The compiled lexicon from the cache when valid, else compiled now (and cached)."""
    name = f"{lang}-{cache_key(lexicon, lang, model)}.json"
    if use_cache:
        data = cache.read(name)
        try:
            compiled = CompiledLang(**data) if isinstance(data, dict) else None
        except TypeError:
            compiled = None  # written by another version: rebuild below
        if compiled is not None:
            nlp.configure_tokenizer(pipeline, compiled.prefixes, compiled.suffixes)
            return compiled
    compiled = compile_lang(lexicon, lang, pipeline)
    if use_cache:
        cache.write(name, asdict(compiled))
    return compiled
