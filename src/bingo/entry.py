"""The lexicon's data model: entries, their context rules, and the vocabulary of fields and categories."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

LANGS = ("de", "en")
ENTRY_LANGS = ("de", "en", "both")
LEVELS = ("suggestion", "warning", "error")
COMPOUND_MODES = ("none", "prefix", "suffix", "any")
INFLECT_MODES = ("last", "all", "none")
CATEGORIES: dict[str, dict[str, str]] = {
    "acronym": {"de": "Akronym", "en": "Acronym"},
    "anglicism": {"de": "Anglizismus/Denglisch", "en": "Anglicism"},
    "method": {"de": "Methoden-Buzzword", "en": "Method buzzword"},
    "hype": {"de": "Hype-Wort", "en": "Hype word"},
    "phrase": {"de": "Floskel", "en": "Stock phrase"},
    "idiom": {"de": "Redewendung", "en": "Idiom"},
    "management": {"de": "Management-Sprech", "en": "Management speak"},
    "hashtag": {"de": "Hashtag", "en": "Hashtag"},
    "ai-tell": {"de": "KI-Floskel", "en": "AI tell"},
}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("id", "term", "lang", "category", "weight", "message", "source", "examples")
KNOWN = set(REQUIRED) | {
    "variants", "alternative", "level", "link", "compound", "inflect", "context", "tags", "slots", "apart",
}
MAX_SLOT_COMBINATIONS = 400  # phrases one `slots` entry may stand for, before inflection
SENTENCE_ENDS = frozenset(".!?;")  # an `apart` match does not run across these tokens
AI_TELL = "ai-tell"  # the category whose hits are also counted per 1,000 words


@dataclass(frozen=True)
class Context:
    """Conditions under which an otherwise ambiguous word counts as jargon."""

    requires: tuple[str, ...] = ()
    window: int = 4
    exceptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Apart:
    """Parts of a phrase that may stand apart in one sentence (verb-second, separable verbs, frames)."""

    parts: tuple[tuple[str, ...], ...]
    within: int = 4


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a term, its variants and everything a report says about it."""

    id: str
    term: str
    lang: str
    category: str
    weight: float
    message: Mapping[str, str]
    source: str
    variants: tuple[str, ...] = ()
    alternative: Mapping[str, str] = field(default_factory=dict)
    level: str = "warning"
    link: str | None = None
    compound: str = "none"
    inflect: str = "last"
    context: Context = Context()
    slots: tuple[tuple[str, ...], ...] = ()
    apart: Apart | None = None
    match_examples: tuple[str, ...] = ()
    no_match_examples: tuple[str, ...] = ()
    file: str = ""
    line: int = 0

    @property
    def langs(self) -> tuple[str, ...]:
        """The text languages this entry applies to."""
        return LANGS if self.lang == "both" else (self.lang,)

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The term, its variants and every phrase its slots combine to."""
        return (self.term, *self.variants, *self.slot_phrases)

    @property
    def slot_phrases(self) -> tuple[str, ...]:
        """Each combination of one item per slot, in order (an empty item leaves its slot out)."""
        if not self.slots:
            return ()
        phrases = [""]
        for slot in self.slots:
            phrases = [f"{head} {item}".strip() for head in phrases for item in slot]
        return tuple(dict.fromkeys(p for p in phrases if p))

    def message_for(self, lang: str) -> str:
        """The message in the text's language, falling back to any language the entry has."""
        return self.message.get(lang) or next(iter(self.message.values()))

    def alternative_for(self, lang: str) -> str | None:
        """The plain alternative in the text's language, if there is one."""
        if not self.alternative:
            return None
        return self.alternative.get(lang) or next(iter(self.alternative.values()))

    @property
    def where(self) -> str:
        """`FILE:LINE` of the entry, for messages."""
        return f"{self.file}:{self.line}"


