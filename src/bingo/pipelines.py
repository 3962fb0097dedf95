"""The matcher cache: each language's spaCy pipeline and compiled lexicon, built once, on first use."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Any

from bingo import cache, nlp
from bingo.compiler import load_or_compile
from bingo.errors import BingoError
from bingo.lexicon import LANGS, Lexicon
from bingo.matcher import LangMatcher


@dataclass
class Matchers:
    """One `LangMatcher` per language for a lexicon (and optionally a trained spaCy model)."""

    lexicon: Lexicon
    model: str | None = None
    use_cache: bool = True
    _built: dict[str, LangMatcher] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the compiled matchers: a worker rebuilds them (from the cache) on first use."""
        state = dict(self.__dict__)
        state["_built"] = {}
        return state

    def get(self, lang: str) -> LangMatcher:
        """The matcher for `lang`, built on first use."""
        if lang not in LANGS:
            raise BingoError(f"unsupported language '{lang}' (use de or en)")
        if lang not in self._built:
            with cache.collector_paused():  # a few hundred thousand long-lived objects
                pipeline = nlp.load_model(self.model) if self.model else nlp.blank(lang)
                if self.model and pipeline.lang != lang:
                    pipeline = nlp.blank(lang)  # the model serves its own language only
                compiled = load_or_compile(self.lexicon, lang, pipeline, self.model, self.use_cache)
                self._built[lang] = LangMatcher(compiled, pipeline, self.lexicon.entries)
            cache.start_done()  # the CLI's start-up pause (if any) ends here
            # The matcher lives as long as the process: keep its objects out of every later collection.
            # Scanning allocates per paragraph, and each full collection walked them all: on man pages
            # that was a quarter of the matcher's time per paragraph.
            gc.freeze()
        return self._built[lang]

