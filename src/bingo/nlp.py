"""Everything that touches spaCy: pipelines, tokenizer rules and lookup tables.

This module and `bingo.phrases` (the phrase matcher) are the only ones that import spaCy, and
they do so lazily, so that `bingo --help` and commands that need no pipeline start fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from bingo import compounds
from bingo.errors import BingoError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

def blank(lang: str) -> Language:
    """A blank spaCy pipeline for `lang` (tokenizer only), to be finished by `configure_tokenizer`.

    Built as `spacy.blank` builds it, from the same tokenizer and vectors factories, without
    filling and validating the whole default config (which also imports the Chinese, Japanese,
    Korean, Thai and Vietnamese tokenizers to fill the registry): 124 ms of CPU instead of 158
    (medians of 5 processes, German, a loaded machine). tests/test_matcher.py checks that both
    tokenise alike. (A subclass without the tokenizer exceptions, loaded once later, saved ~25
    ms of a 2.3 s start-up, under 3 %: not worth the indirection.)
    """
    from spacy.language import create_tokenizer
    from spacy.util import get_lang_class
    from spacy.vectors import create_mode_vectors

    language: type[Language] = get_lang_class(lang)
    return language(create_tokenizer=create_tokenizer(), create_vectors=create_mode_vectors())


def load_model(name: str) -> Language:
    """Load an installed trained pipeline by package name or path."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        first = str(exc).splitlines()[0]
        raise BingoError(f"cannot load spaCy model '{name}': {first}") from None


def configure_tokenizer(nlp: Language, prefixes: Iterable[str], suffixes: Iterable[str],
                        stops: Mapping[str, Sequence[str]] | None = None) -> None:
    """Split hyphenated words (also in German) and known compound stems off closed compounds.

    The stems and `stops` (continuations after which a prefix stem is not split off) are those of
    `bingo.compounds`, which builds the searches installed here.

    Splitting happens inside spaCy's tokenizer, which caches each distinct chunk, so compound
    detection costs nothing per repeated word at scan time. The language's own affix rules stay
    as spaCy compiled them: small extra patterns are tried after them, which behaves like the
    combined alternation but saves recompiling spaCy's large expressions (a tenth of a second
    of every start-up).
    """
    from spacy.lang.char_classes import ALPHA, HYPHENS

    tokenizer = _tokenizer(nlp)
    stems, heads = set(prefixes), set(suffixes)
    base_prefix, base_suffix, base_infix = tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer
    # Every affix setter reloads all special cases (~25 ms each): set them with no rules loaded,
    # then load the rules once.
    rules = tokenizer.rules
    tokenizer.rules = {}
    if stems:
        tokenizer.prefix_search = _first(base_prefix, compounds.prefix_search(stems, stops or {}))
    if heads:
        tokenizer.suffix_search = _leftmost(base_suffix, compounds.suffix_search(heads))
    hyphen = re.compile(rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])")
    tokenizer.infix_finditer = _merged(base_infix, hyphen.finditer, frozenset(HYPHENS.replace("|", "")))
    tokenizer.rules = rules


def _first(base: Any, extra: Any) -> Any:
    """Prefix search: spaCy's rules first, then the compound stems (as an alternation would)."""
    def search(text: str) -> Any:
        return (base(text) if base else None) or extra(text)
    return search


def _leftmost(base: Any, extra: Any) -> Any:
    """Suffix search: whichever rule matches further left, spaCy's rules winning ties."""
    def search(text: str) -> Any:
        first = base(text) if base else None
        second = extra(text)
        if first is None or (second is not None and second.start() < first.start()):
            return second
        return first
    return search


def _merged(base: Any, extra: Any, extra_chars: frozenset[str]) -> Any:
    """Infix finditer: both rules' matches in text order, spaCy's winning overlaps."""
    def finditer(text: str) -> Any:
        if extra_chars.isdisjoint(text):  # most words: no hyphen, nothing to add
            return base(text) if base else ()
        found = list(base(text)) if base else []
        added = [m for m in extra(text) if not any(f.start() < m.end() and m.start() < f.end() for f in found)]
        return sorted(found + added, key=lambda m: m.start()) if added else found
    return finditer


def match_attr(norms: Mapping[str, str]) -> str:
    """The token attribute the phrase matcher compares: NORM where declined forms share a norm, else LOWER."""
    return "NORM" if norms else "LOWER"


def _tokenizer(nlp: Language) -> Tokenizer:
    """The pipeline's tokenizer (typed: spaCy declares any callable)."""
    return cast("Tokenizer", nlp.tokenizer)


def tokenize_all(nlp: Language, texts: Sequence[str], attr: str = "LOWER") -> list[list[str]]:
    """The LOWER or NORM strings of the tokens of many short strings, skipping whitespace tokens."""
    if attr == "NORM":
        return [[t.norm_ for t in doc if not t.is_space] for doc in _tokenizer(nlp).pipe(texts)]
    return [[t.lower_ for t in doc if not t.is_space] for doc in _tokenizer(nlp).pipe(texts)]


def special_pieces(nlp: Language, attr: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The tokenizer's special cases of more than one token, lower-cased: (text, [(piece, its LOWER or NORM)])."""
    from spacy.symbols import NORM, ORTH

    out = []
    for text, pieces in _tokenizer(nlp).rules.items():
        if len(pieces) < 2:
            continue
        parts = []
        for piece in pieces:
            orth = str(piece.get(ORTH, piece.get("ORTH", ""))).lower()
            norm = piece.get(NORM, piece.get("NORM")) if attr == "NORM" else None
            parts.append((orth, str(norm).lower() if norm else orth))
        out.append((text.lower(), parts))
    return out


def set_norms(nlp: Language, norms: Mapping[str, str]) -> None:
    """Give each form, lowercase and capitalised, its norm: what the phrase matcher compares.

    Only forms whose norm differs from their lowercase self are set. Making a vocabulary entry
    costs ~40 µs (spaCy computes its lexical attributes), so the norms go into the table the NORM
    getter consults when an entry is first made, and only entries made already are changed now:
    a warm German start makes 4,400 entries fewer (59 -> 1.3 ms, min of 5 in one process).
    """
    from spacy.attrs import NORM
    from spacy.lang.lex_attrs import LEX_ATTRS
    from spacy.util import add_lookups

    table: dict[str, str] = {}
    for form, norm in norms.items():
        if form != norm:
            table[form] = table[form.capitalize()] = norm
    for form, norm in table.items():
        if form in nlp.vocab:
            nlp.vocab[form].norm_ = norm
    getters: dict[int, Any] = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # public, untyped
    getters[NORM] = add_lookups(getters.get(NORM, LEX_ATTRS[NORM]), table)


@lru_cache(maxsize=4)
def lemma_table(lang: str) -> Mapping[str, str]:
    """The form -> lemma lookup table that spacy-lookups-data ships for `lang`."""
    return _lookup(lang, "lemma_lookup")


def _lookup(lang: str, table: str) -> dict[str, Any]:
    """One of spacy-lookups-data's tables for `lang`."""
    import gzip
    import json
    from importlib import resources

    try:
        data = resources.files("spacy_lookups_data") / "data" / f"{lang}_{table}.json.gz"
        with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
            loaded: dict[str, Any] = json.load(handle)
            return loaded
    except (ModuleNotFoundError, OSError, ValueError) as exc:
        raise BingoError(f"no {table} table for '{lang}' (is spacy-lookups-data installed?): {exc}") from None


@lru_cache(maxsize=2)
def word_probs(lang: str) -> Mapping[str, float]:
    """Log-probabilities of words in `lang` (spacy-lookups-data's `lexeme_prob`), for telling rare words."""
    return _lookup(lang, "lexeme_prob")


@lru_cache(maxsize=4)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop word list for `lang`."""
    import importlib

    module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    return frozenset(module.STOP_WORDS)


def token_offsets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the tokens [start, end) (two Token look-ups: no Span is built)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


def window_words(doc: Doc, start: int, end: int, width: int) -> list[str]:
    """Lowercase words within `width` tokens on either side of a span."""
    lo = max(0, start - width)
    hi = min(len(doc), end + width)
    return [t.lower_ for t in doc[lo:start]] + [t.lower_ for t in doc[end:hi]]


def versions() -> dict[str, Any]:
    """Versions that decide whether a cached compiled lexicon is still valid."""
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str | None] = {}
    for name in ("spacy", "spacy-lookups-data"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out
