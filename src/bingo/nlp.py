"""Everything that touches spaCy: pipelines, tokenizer rules, lookup tables and the phrase matcher.

This is the only module that imports spaCy, and it does so lazily, so that `bingo --help`
and commands that need no pipeline start fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from bingo.errors import BingoError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LETTER = r"[^\W\d_]"


def blank(lang: str) -> Language:
    """A blank spaCy pipeline for `lang` (tokenizer only)."""
    import spacy

    return spacy.blank(lang)


def load_model(name: str) -> Language:
    """Load an installed trained pipeline by package name or path."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        first = str(exc).splitlines()[0]
        raise BingoError(f"cannot load spaCy model '{name}': {first}") from None


def configure_tokenizer(nlp: Language, prefixes: Iterable[str], suffixes: Iterable[str]) -> None:
    """Split hyphenated words (also in German) and known compound stems off closed compounds.

    Splitting happens inside spaCy's tokenizer, which caches each distinct chunk, so compound
    detection costs nothing per repeated word at scan time.
    """
    from spacy.lang.char_classes import ALPHA, HYPHENS
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    infixes = list(defaults.infixes or ())
    infixes.append(rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])")
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    prefix_pieces = list(defaults.prefixes or ())
    suffix_pieces = list(defaults.suffixes or ())
    stems = sorted(set(prefixes), key=lambda s: (-len(s), s))
    if stems:
        prefix_pieces.append(rf"(?i:{'|'.join(map(re.escape, stems))})(?={LETTER}{{3}})")
    heads = sorted(set(suffixes), key=lambda s: (-len(s), s))
    if heads:
        suffix_pieces.append(rf"(?<={LETTER}{{3}})(?i:{'|'.join(map(re.escape, heads))})")
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefix_pieces).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffix_pieces).search


def tokenize_all(nlp: Language, texts: Sequence[str]) -> list[list[str]]:
    """Lowercase token texts of many short strings, skipping whitespace tokens."""
    return [[t.lower_ for t in doc if not t.is_space] for doc in nlp.tokenizer.pipe(texts)]


@lru_cache(maxsize=4)
def lemma_table(lang: str) -> Mapping[str, str]:
    """The form -> lemma lookup table that spacy-lookups-data ships for `lang`."""
    import gzip
    import json
    from importlib import resources

    try:
        data = resources.files("spacy_lookups_data") / "data" / f"{lang}_lemma_lookup.json.gz"
        with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
            return json.load(handle)
    except (ModuleNotFoundError, OSError, ValueError) as exc:
        raise BingoError(f"no lemma lookup table for '{lang}' (is spacy-lookups-data installed?): {exc}") from None


@lru_cache(maxsize=4)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop word list for `lang`."""
    import importlib

    module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    return frozenset(module.STOP_WORDS)


class PhraseIndex:
    """One spaCy PhraseMatcher on lowercase text for all patterns of a language."""

    def __init__(self, nlp: Language, patterns: Mapping[str, list[list[str]]]) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, str] = {}
        for key, token_lists in patterns.items():
            docs = [Doc(nlp.vocab, words=tokens, spaces=[False] * len(tokens)) for tokens in token_lists if tokens]
            self.matcher.add(key, docs)
            self.keys[nlp.vocab.strings[key]] = key

    def make_doc(self, text: str) -> Doc:
        """Tokenise `text` with the configured tokenizer."""
        return self.nlp.make_doc(text)

    def docs(self, texts: Iterable[str]) -> Iterable[Doc]:
        """Tokenise many texts in a stream."""
        return self.nlp.tokenizer.pipe(texts)

    def find(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(key, start token, end token) for every pattern occurrence in `doc`."""
        keys = self.keys
        return [(keys[match_id], start, end) for match_id, start, end in self.matcher(doc)]


def word_count(doc: Doc) -> int:
    """Number of alphabetic tokens: the word count the score is normalised by."""
    from spacy.attrs import IS_ALPHA

    return int(doc.to_array(IS_ALPHA).sum()) if len(doc) else 0


def token_spans(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of a token span."""
    span = doc[start:end]
    return span.start_char, span.end_char


def window_words(doc: Doc, start: int, end: int, width: int) -> list[str]:
    """Lowercase words within `width` tokens on either side of a span."""
    lo = max(0, start - width)
    hi = min(len(doc), end + width)
    return [t.lower_ for t in doc[lo:start]] + [t.lower_ for t in doc[end:hi]]


def versions() -> dict[str, Any]:
    """Versions that decide whether a cached compiled lexicon is still valid."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("spacy", "spacy-lookups-data"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out
