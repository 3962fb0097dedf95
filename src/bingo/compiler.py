"""Compile a lexicon into token patterns and compound stems for one language, cached on disk.

Compiling inverts the lemma lookup tables (about a second per language); the result depends only
on the lexicon files, package versions and the code that compiles, so it is cached (see
`bingo.cache`), keyed by a hash of all three, and rebuilt when any changes.

Besides an entry's own patterns, the patterns hold its exception phrases and its apart-parts,
each under its own key (see `bingo.keys`); closed compounds become tokenizer stems (see
`bingo.compounds`).
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import Any

from bingo import cache, cachecheck, compounds, forms, keys, nlp, triggers
from bingo.keys import exception_key, part_key
from bingo.lexicon import Entry, Lexicon
from bingo.version import __version__


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of the modules that decide what is compiled, so that a code change never reuses a stale cache."""
    return cache.code_digest(compounds, forms, keys, nlp, triggers, sys.modules[__name__])


@dataclass(frozen=True)
class CompiledLang:
    """Everything a matcher for one language needs, as plain JSON-able data."""

    lang: str
    patterns: dict[str, list[list[str]]]
    prefixes: list[str]
    suffixes: list[str]
    requires: dict[str, list[str]]
    stops: dict[str, list[str]]
    norms: dict[str, str]
    triggers: dict[str, list[Any]]  # what the prefilter searches: string -> [margin, sides, requirements]


def cache_key(lexicon: Lexicon, lang: str, model: str | None) -> str:
    """A key that changes whenever the lexicon files, the model or any relevant version changes."""
    material = json.dumps([code_digest(), __version__, lexicon.digest, lang, model, nlp.versions()], sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()[:32]


def _entry_surfaces(entry: Entry, lang: str, lemmas: Any, inverted: Any) -> tuple[set[str], set[str], set[str]]:
    """Spellings of an entry, and its compound prefix and suffix stems."""
    spellings: set[str] = set()
    for surface in entry.surfaces:
        spellings |= forms.surface_forms(surface, entry, lang, lemmas, inverted)
    singles = {s for s in spellings if " " not in s and "-" not in s}
    prefixes, suffixes = compounds.stems(entry, lang, singles)
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
    stops: dict[str, set[str]] = {}
    norms: dict[str, str] = {}
    for entry in lexicon.for_lang(lang):
        for form, base in forms.declension_norms(entry, lang).items():
            norms.setdefault(form, base)  # a form two adjectives share keeps the first (entries in id order)
        spellings[entry.id], pre, suf = _entry_surfaces(entry, lang, lemmas, inverted)
        prefixes |= pre
        suffixes |= suf
        for stem, rest in compounds.stops(entry, pre):
            stops.setdefault(stem, set()).add(rest)
        for exception in entry.context.exceptions:
            fake = replace(entry, term=exception, variants=())
            spellings.setdefault(exception_key(entry.id), set()).update(
                forms.surface_forms(exception, fake, lang, lemmas, inverted))
        if entry.context.requires:
            requires[entry.id] = _requires_forms(entry.context.requires, lang)
        for index, part in enumerate(entry.apart.parts if entry.apart else ()):
            fake = replace(entry, term=part[0], variants=part[1:], slots=(), compound="none")
            spellings[part_key(entry.id, index)] = _entry_surfaces(fake, lang, lemmas, inverted)[0]
    stop_lists = {stem: sorted(rests) for stem, rests in sorted(stops.items())}
    nlp.configure_tokenizer(pipeline, prefixes, suffixes, stop_lists)
    nlp.set_norms(pipeline, norms)
    patterns: dict[str, list[list[str]]] = {}
    for key in sorted(spellings):
        texts = sorted(spellings[key])
        unique = {tuple(tokens) for tokens in nlp.tokenize_all(pipeline, texts, nlp.match_attr(norms)) if tokens}
        patterns[key] = [list(tokens) for tokens in sorted(unique)]
    searched = triggers.plan(patterns, lexicon.for_lang(lang), norms, prefixes, suffixes,
                             nlp.special_pieces(pipeline, nlp.match_attr(norms)), nlp.word_probs(lang))
    return CompiledLang(lang, patterns, sorted(prefixes), sorted(suffixes), requires, stop_lists,
                        dict(sorted(norms.items())), {form: list(t) for form, t in searched.items()})


def load_or_compile(lexicon: Lexicon, lang: str, pipeline: Any, model: str | None, use_cache: bool) -> CompiledLang:
    """The compiled lexicon from the cache when valid, else compiled now (and cached)."""
    name = f"{lang}-{cache_key(lexicon, lang, model)}.json"
    if use_cache:
        ids = (entry.id for entry in lexicon.for_lang(lang))
        compiled = cachecheck.compiled(CompiledLang, cache.read(name), lang, ids)  # None: rebuild below
        if compiled is not None:
            nlp.configure_tokenizer(pipeline, compiled.prefixes, compiled.suffixes, compiled.stops)
            nlp.set_norms(pipeline, compiled.norms)
            return compiled
    compiled = compile_lang(lexicon, lang, pipeline)
    if use_cache:
        cache.write(name, asdict(compiled))
    return compiled
